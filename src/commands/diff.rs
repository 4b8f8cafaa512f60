//! `crosscheck diff OLD NEW` and `crosscheck diff --since REV [DIR]`: the
//! findings that are new, resolved, changed and unchanged between two runs
//! (src/diff.rs says how findings are keyed), and the facts whose consensus
//! changed, as text, Markdown or JSON.
//!
//! `OLD` and `NEW` are JSON reports (`check --format json`). With
//! `--since`, the old run is the project as it was at the git revision
//! `REV` (its files taken with `git archive` into a temporary directory)
//! and the new run is the project as it is.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

use super::{Console, ExitStatus};
use crate::check;
use crate::diff::{self, Run};
use crate::link::SubjectGraph;
use crate::report::{self, ReportInput};

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  crosscheck diff old/report.json reports/report.json
  crosscheck diff --since origin/main --format md     # the project now against main
  crosscheck diff --since HEAD~1 cases/morocco --format json

Exit status: 0 when the diff is printed (whatever it holds), 2 when a
report cannot be read, the project is invalid or git fails.")]
pub struct Args {
    /// Two JSON reports, OLD then NEW; with --since, at most the project
    /// directory (default: the current directory).
    pub paths: Vec<PathBuf>,

    /// Compare the project with itself at this git revision.
    #[arg(long, value_name = "GIT_REV")]
    pub since: Option<String>,

    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    Text,
    Md,
    Json,
}

pub fn run(args: &Args, console: &mut Console<'_>) -> io::Result<ExitStatus> {
    let sides = match (&args.since, args.paths.as_slice()) {
        (None, [old, new]) => read_report(old).and_then(|o| Ok((o, read_report(new)?))),
        (None, _) => Err("give two JSON reports (OLD NEW), or --since GIT_REV".to_owned()),
        (Some(rev), []) => since(Path::new("."), rev),
        (Some(rev), [dir]) => since(dir, rev),
        (Some(_), _) => Err("with --since, give at most the project directory".to_owned()),
    };
    let (old, new) = match sides {
        Ok(sides) => sides,
        Err(message) => {
            writeln!(console.stderr, "error: {message}")?;
            return Ok(ExitStatus::Invalid);
        }
    };
    let diff = diff::diff_runs(&old, &new);
    match args.format {
        DiffFormat::Text => report::diff::render_text(&diff, console.stdout)?,
        DiffFormat::Md => report::diff::render_markdown(&diff, console.stdout)?,
        DiffFormat::Json => report::diff::render_json(&diff, console.stdout)?,
    }
    Ok(ExitStatus::Success)
}

/// The units and consensus of the JSON report at `path`, or why it cannot
/// be read.
pub fn read_report(path: &Path) -> Result<Run, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let value: Value = serde_json::from_slice(&bytes).map_err(|e| {
        format!(
            "{} is not JSON ({e}); give a report made by `crosscheck check --format json`",
            path.display()
        )
    })?;
    diff::run(&value).map_err(|e| {
        format!(
            "{} is not a crosscheck JSON report: {}",
            path.display(),
            e.0
        )
    })
}

/// The runs of the project in `dir` at `rev`, and as it is now.
type Sides = (Run, Run);

fn since(dir: &Path, rev: &str) -> Result<Sides, String> {
    let old_dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let prefix = git(dir, &["rev-parse", "--show-prefix"])?;
    let prefix = String::from_utf8_lossy(&prefix).trim().to_owned();
    let top = git(dir, &["rev-parse", "--show-toplevel"])?;
    let top = PathBuf::from(String::from_utf8_lossy(&top).trim());
    let tree = format!("{rev}:{prefix}");
    // From the top: run in a subdirectory, `git archive` keeps only that
    // subdirectory of the tree it is given.
    let tar = git(&top, &["archive", "--format=tar", &tree])?;
    let mut untar = Command::new("tar")
        .arg("-x")
        .arg("-C")
        .arg(old_dir.path())
        .stdin(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run tar: {e}"))?;
    if let Some(mut stdin) = untar.stdin.take() {
        stdin.write_all(&tar).map_err(|e| e.to_string())?;
    }
    let status = untar.wait().map_err(|e| e.to_string())?;
    if !status.success() {
        return Err(format!("tar could not unpack {tree}"));
    }
    let old = project_units(old_dir.path())
        .map_err(|e| format!("the project at {rev} does not load: {e}"))?;
    let new = project_units(dir)?;
    Ok((old, new))
}

fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "git {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    Ok(output.stdout)
}

/// Checks the project in `dir` and keys its JSON report's findings and
/// facts.
fn project_units(dir: &Path) -> Result<Run, String> {
    let project = crate::load::load_project(dir)
        .map_err(|failure| crate::diagnostic::render_plain(&failure.diagnostics, &failure.files))?;
    let graph = SubjectGraph::build(&project);
    let canonical = graph.canonical_subjects();
    let facts = check::claim_facts(&project, &canonical);
    let outcome = check::check_facts(&project, &facts);
    let warnings = check::curation_warnings(&project, &graph);
    let input = ReportInput::new(&project, &facts, &outcome, &warnings);
    let value = super::check::json_value(&input).map_err(|e| e.to_string())?;
    diff::run(&value).map_err(|e| e.0)
}
