//! (being written)
pub mod claim_hover;
pub mod code_lens;
pub mod diagnostics;
