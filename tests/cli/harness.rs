//! The one way these tests run crosscheck: in this process through
//! [`crosscheck::cli::run`] with a console of buffers ([`in_process`]), or
//! as the real binary ([`binary`]), and the one way they show what it did
//! ([`transcript`]).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use clap::Parser;
use crosscheck::cli::{self, Cli};
use crosscheck::commands::{Console, ExitStatus};

/// What one in-process run printed, and its exit status.
#[derive(Debug)]
pub struct Run {
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `crosscheck <args>` in this process, with empty stdin and no
/// terminal (so no colour).
pub fn in_process(args: &[&str]) -> Run {
    let cli = Cli::try_parse_from(std::iter::once("crosscheck").chain(args.iter().copied()))
        .unwrap_or_else(|error| panic!("the command line {args:?} does not parse: {error}"));
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let mut stdin = std::io::empty();
    let mut console = Console {
        stdout: &mut stdout,
        stderr: &mut stderr,
        stdin: &mut stdin,
        stdout_is_terminal: false,
        stderr_is_terminal: false,
    };
    let status = cli::run(cli, &mut console).expect("writing to buffers cannot fail");
    Run {
        status,
        stdout: String::from_utf8(stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(stderr).expect("UTF-8 stderr"),
    }
}

/// The real binary, run from the package root: relative paths keep
/// absolute ones out of the snapshots.
pub fn binary() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

/// The exit status, stdout and stderr of a finished binary, as snapshots
/// show them.
pub fn transcript(output: &Output) -> String {
    format!(
        "exit status: {}\n--- stdout ---\n{}--- stderr ---\n{}",
        output
            .status
            .code()
            .map_or("signal".into(), |c| c.to_string()),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// A fixture directory under `tests/fixtures/`.
pub fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}
