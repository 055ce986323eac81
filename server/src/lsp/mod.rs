//! The LSP layer: the only place that knows LSP types, URIs and position
//! encodings. Features live in `crate::ide`; this layer converts and routes.
pub mod convert;
pub mod documents;

pub fn run_stdio() -> i32 {
    eprintln!("crosscheck: the language server is not built yet");
    2
}
