//! crosscheck: a language server for people who annotate news sources.
//!
//! Layers, from the bottom up (in the spirit of rust-analyzer and texlab):
//! - [`analysis`]: the pure core. Text in; sentences, entity mentions, linked
//!   entities, claims out. Knows nothing about LSP, URIs or editors.
//! - [`ide`]: one module per editor feature (hover, definition, references,
//!   symbols, semantic tokens, ...), each a function over an immutable
//!   [`analysis::Snapshot`], answering in byte offsets and plain structs.
//! - [`annotations`]: what people add, stored in `.crosscheck/` (knowledge
//!   base, links, claim statuses, metadata), anchored to changing text; pure
//!   edits returning new file contents; brat and W3C interchange.
//! - [`workspace`]: finding and reading source files on disk (ignore rules,
//!   size and encoding checks).
//! - [`engine`]: the one owner of folder state (files, analyses, open
//!   buffers, annotations, settings), taking changes and handing out
//!   immutable views; the server and the command line both drive it.
//! - [`lsp`]: the thin protocol layer, the only place that knows LSP types,
//!   URIs and position encodings.
//! - [`cli`]: the command-line subcommands (`entities`, `check`, `eval`, ...).
pub mod analysis;
pub mod annotations;
pub mod cli;
pub mod config;
pub mod engine;
pub mod ide;
pub mod lsp;
pub mod workspace;
