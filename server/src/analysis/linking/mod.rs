//! Entity resolution: [`local`] groups one document's mentions (surname to
//! full name, acronym to expansion, spelling variants); [`global`] links
//! those groups across all files into corpus entities with stable ids.
pub mod global;
pub mod local;
pub mod name_facts;

pub use global::{Entity, MentionRef};
