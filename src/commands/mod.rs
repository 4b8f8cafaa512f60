//! One file per subcommand. Each takes its parsed `Args` and a [`Console`]
//! and returns the exit status; the binary prints nothing else.

pub mod add;
pub mod check;
pub mod coverage;
pub mod diff;
pub mod graph;
pub mod import;
pub mod link;
pub mod schema;
pub mod subjects;
pub mod validate;

use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::diagnostic;
use crate::load::{LoadFailure, load_project};
use crate::model::Project;

/// Where a command reads and writes. Tests hand in buffers.
pub struct Console<'a> {
    pub stdout: &'a mut dyn Write,
    pub stderr: &'a mut dyn Write,
    pub stdin: &'a mut dyn Read,
    /// Colour only on a terminal.
    pub stdout_is_terminal: bool,
    pub stderr_is_terminal: bool,
}

/// The process exit status, as docs/claim-format.md fixes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// No finding at or above the failing level.
    Success = 0,
    /// There are findings at or above the failing level.
    Findings = 1,
    /// The input is invalid, or the command line is wrong.
    Invalid = 2,
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> ExitCode {
        ExitCode::from(status as u8)
    }
}

impl Console<'_> {
    /// Loads the project in `dir`, or renders every diagnostic on stderr
    /// (in colour only on a terminal) and gives the status to exit with.
    pub fn load_project(&mut self, dir: &Path) -> io::Result<Result<Project, ExitStatus>> {
        match load_project(dir) {
            Ok(project) => Ok(Ok(project)),
            Err(failure) => self.refuse(&failure).map(Err),
        }
    }

    /// Renders why the input is invalid on stderr (in colour only on a
    /// terminal), as `validate` shows it, and gives the status to exit with.
    pub fn refuse(&mut self, failure: &LoadFailure) -> io::Result<ExitStatus> {
        diagnostic::render(
            &failure.diagnostics,
            &failure.files,
            self.stderr_is_terminal,
            self.stderr,
        )?;
        Ok(ExitStatus::Invalid)
    }
}
