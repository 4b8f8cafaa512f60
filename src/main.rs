//! The `crosscheck` binary: parse arguments, run, print errors once.

use std::process::ExitCode;

/// mimalloc: at a million claims, glibc's allocator (with its
/// consolidation of freed chunks) took about a third of the run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    crosscheck::cli::main()
}
