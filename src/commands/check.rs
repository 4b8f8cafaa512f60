//! `crosscheck check [DIR]`: load, link, check, report, and turn the
//! findings into an exit status.
//!
//! The steps are fixed; only the rendering varies with `--format`. A new
//! format is a new [`Format`] variant and one arm in [`render`], with its
//! renderer in `src/report/<format>.rs`.
//!
//! Until the human formats land, `check` with no `--format` prints the JSON
//! report to stdout, as `--format json` does.

use std::io;
use std::path::PathBuf;

use crate::check::{self, CheckOutcome, Severity};
use crate::diagnostic::render_plain;
use crate::link::SubjectGraph;
use crate::load::load_project;
use crate::model::Project;
use crate::report::json::JsonReport;

use super::{Console, ExitStatus};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The project directory (the one holding `claims/`); default: the
    /// current directory.
    pub dir: Option<PathBuf>,

    /// Print the report in this format to stdout.
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    /// Exit with status 1 when there is a finding at or above this level.
    #[arg(long, value_enum, default_value_t = FailOn::Contradiction)]
    pub fail_on: FailOn,
}

/// The output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The JSON report (src/report/json.rs documents its wire format).
    Json,
}

/// Which findings make `check` exit with status 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// Contradictions and internal contradictions (the default).
    Contradiction,
    /// Any finding of warning severity or worse: contradictions, mixed
    /// kinds, incomparable values and unreadable values. Agreements,
    /// compatible values and naming variants never fail.
    Any,
    /// Never: exit 0 whatever the findings (2 still means invalid input).
    Never,
}

impl FailOn {
    /// The least serious severity that fails, if any does.
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Contradiction => Some(Severity::Contradiction),
            FailOn::Any => Some(Severity::Warning),
            FailOn::Never => None,
        }
    }

    /// The exit status `outcome` earns at this level.
    pub fn status(self, outcome: &CheckOutcome) -> ExitStatus {
        let Some(threshold) = self.threshold() else {
            return ExitStatus::Success;
        };
        // Severity is ordered from most to least serious.
        let fails = outcome
            .findings
            .iter()
            .any(|finding| finding.kind.severity() <= threshold);
        if fails {
            ExitStatus::Findings
        } else {
            ExitStatus::Success
        }
    }
}

pub fn run(args: &Args, console: &mut Console<'_>) -> io::Result<ExitStatus> {
    let dir = args.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    let project = match load_project(&dir) {
        Ok(project) => project,
        Err(failure) => {
            console
                .stderr
                .write_all(render_plain(&failure.diagnostics, &failure.files).as_bytes())?;
            return Ok(ExitStatus::Invalid);
        }
    };
    let graph = SubjectGraph::build(&project);
    let outcome = check::run(&project, &graph);
    render(args.format, &project, &graph, &outcome, console)?;
    Ok(args.fail_on.status(&outcome))
}

/// Writes the report in `format`.
fn render(
    format: Option<Format>,
    project: &Project,
    graph: &SubjectGraph,
    outcome: &CheckOutcome,
    console: &mut Console<'_>,
) -> io::Result<()> {
    match format {
        // No --format: the human reports will be written to DIR/reports/
        // here once they exist; until then, the JSON report on stdout.
        Some(Format::Json) | None => {
            JsonReport::build(project, graph, outcome).write(console.stdout)
        }
    }
}
