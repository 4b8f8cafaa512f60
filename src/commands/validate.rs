//! `crosscheck validate [DIR]`: load the project and report every problem,
//! or one line saying what was checked.

use crate::text::plural::noun;
use std::io;
use std::path::PathBuf;

use super::{Console, ExitStatus};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  crosscheck validate            # the project in the current directory\n  crosscheck validate cases/morocco\n\nExit status: 0 when valid, 2 with diagnostics on stderr when not."
)]
pub struct Args {
    /// The project directory (the one holding claims/).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
}

pub fn run(args: &Args, console: &mut Console<'_>) -> io::Result<ExitStatus> {
    match console.load_project(&args.dir)? {
        Ok(project) => {
            let claims = project.claims().count();
            let quotes = project
                .claims()
                .filter(|(_, claim)| claim.quote.as_ref().is_some_and(|q| q.location.is_some()))
                .count();
            let sources = project.sources.len();
            writeln!(
                console.stdout,
                "{sources} {}, {claims} {}, {quotes} {} verified",
                noun(sources, "source", "sources"),
                noun(claims, "claim", "claims"),
                noun(quotes, "quote", "quotes"),
            )?;
            Ok(ExitStatus::Success)
        }
        Err(status) => Ok(status),
    }
}
