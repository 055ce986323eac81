fn main() {
    std::process::exit(crosscheck::cli::main(crosscheck::lsp::run_stdio));
}
