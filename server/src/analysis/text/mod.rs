//! Text primitives the recogniser and the claim finder share: tokens,
//! sentences, paragraphs, boilerplate regions, and folding keys for names.
pub mod boilerplate;
pub mod columns;
pub mod fold;
pub mod line_index;
pub mod ordinals;
pub mod sentences;
pub mod structure;
pub mod tokens;
