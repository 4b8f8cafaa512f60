//! The `crosscheck` binary: parse arguments, run, print errors once.

use std::process::ExitCode;

fn main() -> ExitCode {
    crosscheck::cli::main()
}
