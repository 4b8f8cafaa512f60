//! `crosscheck check`.

use std::io;

use super::{Console, ExitStatus};

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: &Args, console: &mut Console<'_>) -> io::Result<ExitStatus> {
    writeln!(console.stderr, "crosscheck check: not built yet")?;
    Ok(ExitStatus::Invalid)
}
