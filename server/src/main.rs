mod allocator;

#[global_allocator]
static GLOBAL: allocator::Chosen = allocator::Chosen;

fn main() {
    if allocator::counting() {
        crosscheck::analysis::freed_memory::set_live_heap_probe(allocator::live_bytes);
    }
    std::process::exit(crosscheck::cli::main(crosscheck::lsp::run_stdio));
}
