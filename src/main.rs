fn main() {
    std::process::exit(parallax::cli::main());
}

// Opening a large library makes a few hundred thousand small strings on
// several threads; glibc's per-thread arenas spend much of that time growing
// (mprotect) and faulting pages in.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;
