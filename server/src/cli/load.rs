//! Loading a folder for the command-line tools goes through the engine,
//! exactly as the server loads a workspace folder (see `engine::folder`).
pub use crate::engine::folder::{load, FileReport, Folder, FolderOptions};
