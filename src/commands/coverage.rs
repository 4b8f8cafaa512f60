//! `crosscheck coverage [DIR]`: list every figure in the documents that no
//! quote covers and no `[[coverage.ignore]]` entry explains.

use std::io;
use std::path::PathBuf;

use super::{Console, ExitStatus};
use crate::coverage;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "A figure is a number (ASCII or Arabic-Indic digits), a year, an amount with a currency word \
(مليون/مليار … دولار/يورو), a date with an Arabic or English month name, a time of day (11:11 p.m., 2211 GMT), \
or a run of private-use glyphs.\n\n\
Example:\n  crosscheck coverage            # the project in the current directory\n  crosscheck coverage cases/morocco\n\n\
Exit status: 0 when every figure is covered or explained, 1 when some are not (listed on stdout), \
2 when the project is invalid or an ignore entry's text is not in its document."
)]
pub struct Args {
    /// The project directory (the one holding claims/).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
}

pub fn run(args: &Args, console: &mut Console<'_>) -> io::Result<ExitStatus> {
    let project = match console.load_project(&args.dir)? {
        Ok(project) => project,
        Err(status) => return Ok(status),
    };
    match coverage::coverage(&project) {
        Ok(report) => {
            coverage::render_text(&report, console.stdout)?;
            Ok(if report.is_complete() {
                ExitStatus::Success
            } else {
                ExitStatus::Findings
            })
        }
        Err(missing) => {
            for entry in &missing {
                let at = entry
                    .written_at
                    .map_or(String::new(), |position| format!("{position}:"));
                writeln!(
                    console.stderr,
                    "error: crosscheck.toml:{at} the text of [[coverage.ignore]] entry {} is not in {}",
                    entry.index + 1,
                    entry.document
                )?;
                writeln!(console.stderr, "  text: {}", entry.text)?;
                writeln!(
                    console.stderr,
                    "  closest passage, {}:{} ({:.0}% similar): {}",
                    entry.document,
                    entry.closest_at,
                    entry.similarity * 100.0,
                    entry.closest.trim()
                )?;
                writeln!(
                    console.stderr,
                    "  help: copy the passage from the document exactly, or remove the entry"
                )?;
            }
            Ok(ExitStatus::Invalid)
        }
    }
}
