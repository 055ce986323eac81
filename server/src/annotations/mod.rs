//! Annotations: what people add to a corpus of news sources, stored as
//! plain JSON in the workspace's `.crosscheck/` folder (see
//! `docs/annotation-format.md`).
//!
//! - [`model`]: the file formats (unknown fields kept on rewrite);
//! - [`anchor`]: placing quote selectors in changed text, orphans kept;
//! - [`validate`] (over [`spanjson`]): findings with line and column;
//! - [`set`]: loading a workspace's annotations and the queries the
//!   analysis and editor features need;
//! - [`edit`]: pure edits returning the new text of a file;
//! - [`store`]: size-limited reads and the atomic, change-checking writer;
//! - [`brat`], [`w3c`]: interchange.
//!
//! Offsets: UTF-8 byte offsets in the API (like the analysis core);
//! code points in the files, brat and W3C.
pub mod anchor;
pub mod brat;
pub mod checks;
pub mod edit;
pub mod finding;
pub mod model;
pub mod paths;
mod schema;
pub mod set;
pub mod spanjson;
pub mod store;
pub mod validate;
pub mod w3c;

pub use finding::{Finding, Severity};
pub use set::{AnnotationSet, FileAnchors, LoadOptions};
