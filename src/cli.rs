//! The command line: argument definitions and the one place errors are
//! printed and turned into an exit status.

use std::io::{self, IsTerminal};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::commands::{self, Console, ExitStatus};

/// Cross-check hand-curated claims from many sources and report, with
/// evidence, exactly where the sources disagree.
#[derive(Debug, Parser)]
#[command(name = "crosscheck", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the claims and report where sources disagree.
    Check(commands::check::Args),
    /// Validate claim files, the registry, the settings and every quote.
    Validate(commands::validate::Args),
    /// Add one claim to a source file, validated, atomically.
    // Boxed: its many flags make it far larger than the other variants.
    Add(Box<commands::add::Args>),
    /// Print the JSON Schema of claim files.
    Schema(commands::schema::Args),
    /// List canonical subjects, their names and the reason for every link.
    Subjects(commands::subjects::Args),
    /// Accept or reject a suggested link (`crosscheck subjects --suggestions`).
    Link(commands::link::Args),
    /// List figures in the documents that no quote covers.
    Coverage(commands::coverage::Args),
    /// Export the claim graph alone.
    Graph(commands::graph::Args),
    /// Import claims from a CSV, TSV, .xlsx or .ods file, one claim per row.
    Import(commands::import::Args),
    /// List the findings that are new, resolved and changed between two runs, and the facts whose consensus changed.
    Diff(commands::diff::Args),
}

/// Runs the command line of this process and returns its exit status.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // clap prints help and version to stdout (exit 0) and usage
            // errors to stderr (exit 2, as the spec wants).
            let _ = error.print();
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
        }
    };
    let stdout = io::stdout();
    let stderr = io::stderr();
    let stdin = io::stdin();
    // Stdout is line-buffered by default: a report of a million claims
    // would cost a system call per line.
    let mut buffered_stdout = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    // Stderr is unbuffered: codespan writes a diagnostic a few characters at
    // a time, a system call each. Flushed before the process exits.
    let mut buffered_stderr = io::BufWriter::with_capacity(1 << 16, stderr.lock());
    let mut console = Console {
        stdout_is_terminal: stdout.is_terminal(),
        stderr_is_terminal: stderr.is_terminal(),
        stdout: &mut buffered_stdout,
        stderr: &mut buffered_stderr,
        stdin: &mut stdin.lock(),
    };
    let result = run(cli, &mut console).and_then(|status| {
        console.stdout.flush()?;
        Ok(status)
    });
    let _ = console.stderr.flush();
    match result {
        Ok(status) => status.into(),
        // A closed pipe (`crosscheck check | head`) is the reader's choice, not a failure.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            let _ = writeln!(console.stderr, "error: {error}");
            let _ = console.stderr.flush();
            ExitStatus::Invalid.into()
        }
    }
}

/// Runs one parsed command line against the given console.
pub fn run(cli: Cli, console: &mut Console<'_>) -> io::Result<ExitStatus> {
    match cli.command {
        Command::Check(args) => commands::check::run(&args, console),
        Command::Validate(args) => commands::validate::run(&args, console),
        Command::Add(args) => commands::add::run(&args, console),
        Command::Schema(args) => commands::schema::run(&args, console),
        Command::Subjects(args) => commands::subjects::run(&args, console),
        Command::Link(args) => commands::link::run(&args, console),
        Command::Coverage(args) => commands::coverage::run(&args, console),
        Command::Graph(args) => commands::graph::run(&args, console),
        Command::Import(args) => commands::import::run(&args, console),
        Command::Diff(args) => commands::diff::run(&args, console),
    }
}
