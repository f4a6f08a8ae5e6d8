fn main() {
    std::process::exit(parallax::cli::main());
}
