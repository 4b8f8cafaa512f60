//! `crosscheck diff OLD NEW` and `crosscheck diff --since REV [DIR]`: the
//! findings that are new, resolved, changed and unchanged between two runs
//! (src/diff.rs says how findings are keyed), as text, Markdown or JSON.
//!
//! `OLD` and `NEW` are JSON reports (`check --format json`). With
//! `--since`, the old run is the project as it was at the git revision
//! `REV` (its files taken with `git archive` into a temporary directory)
//! and the new run is the project as it is.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

use super::{Console, ExitStatus};
use crate::check;
use crate::diff::{self, Change, Diff, Unit};
use crate::link::SubjectGraph;
use crate::report::ReportInput;

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
    let diff = diff::diff(&old, &new);
    match args.format {
        DiffFormat::Text => write_text(&diff, console.stdout)?,
        DiffFormat::Md => write_markdown(&diff, console.stdout)?,
        DiffFormat::Json => {
            serde_json::to_writer_pretty(&mut *console.stdout, &diff)?;
            writeln!(console.stdout)?;
        }
    }
    Ok(ExitStatus::Success)
}

/// The units of the JSON report at `path`, or why it cannot be read.
pub fn read_report(path: &Path) -> Result<BTreeMap<String, Unit>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let value: Value = serde_json::from_slice(&bytes).map_err(|e| {
        format!(
            "{} is not JSON ({e}); give a report made by `crosscheck check --format json`",
            path.display()
        )
    })?;
    diff::units(&value).map_err(|e| {
        format!(
            "{} is not a crosscheck JSON report: {}",
            path.display(),
            e.0
        )
    })
}

/// The units of the project in `dir` at `rev`, and as it is now.
type Sides = (BTreeMap<String, Unit>, BTreeMap<String, Unit>);

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

/// Checks the project in `dir` and keys its JSON report's findings.
fn project_units(dir: &Path) -> Result<BTreeMap<String, Unit>, String> {
    let project = crate::load::load_project(dir)
        .map_err(|failure| crate::diagnostic::render_plain(&failure.diagnostics, &failure.files))?;
    let graph = SubjectGraph::build(&project);
    let facts = check::claim_facts(&project, &graph);
    let outcome = check::check_facts(&project, &facts);
    let warnings = check::curation_warnings(&project, &graph);
    let input = ReportInput::new(&project, &facts, &outcome, &warnings);
    let value = super::check::json_value(&input).map_err(|e| e.to_string())?;
    diff::units(&value).map_err(|e| e.0)
}

fn values(unit: &Unit) -> String {
    unit.claims
        .iter()
        .map(|c| format!("{} '{}'", c.id, c.value))
        .collect::<Vec<_>>()
        .join(" / ")
}

fn change_words(change: &Change) -> String {
    let mut words = Vec::new();
    if change.old.kind != change.new.kind {
        words.push(format!("{} -> {}", change.old.kind, change.new.kind));
    }
    if change.old.claims != change.new.claims {
        words.push(format!(
            "{} -> {}",
            values(&change.old),
            values(&change.new)
        ));
    }
    words.join("; ")
}

fn summary(diff: &Diff) -> String {
    format!(
        "{} new, {} resolved, {} changed, {} unchanged",
        diff.new.len(),
        diff.resolved.len(),
        diff.changed.len(),
        diff.unchanged.len()
    )
}

fn write_text(diff: &Diff, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "crosscheck diff: {}", summary(diff))?;
    for (title, units) in [("new", &diff.new), ("resolved", &diff.resolved)] {
        if !units.is_empty() {
            writeln!(out, "\n{title}:")?;
        }
        for unit in units {
            writeln!(
                out,
                "  {}: {} · {}: {}",
                unit.kind,
                unit.subject,
                unit.attribute,
                values(unit)
            )?;
        }
    }
    if !diff.changed.is_empty() {
        writeln!(out, "\nchanged:")?;
    }
    for change in &diff.changed {
        writeln!(
            out,
            "  {}: {} · {}: {}",
            change.new.kind,
            change.new.subject,
            change.new.attribute,
            change_words(change)
        )?;
    }
    Ok(())
}

/// A Markdown table cell: pipes and line breaks would end the cell.
fn cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

fn write_markdown(diff: &Diff, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "## crosscheck: what changed\n\n{}", summary(diff))?;
    for (title, units) in [("New", &diff.new), ("Resolved", &diff.resolved)] {
        if units.is_empty() {
            continue;
        }
        writeln!(
            out,
            "\n### {title}\n\n| kind | subject | attribute | claims |\n|---|---|---|---|"
        )?;
        for unit in units {
            writeln!(
                out,
                "| {} | {} | {} | {} |",
                cell(&unit.kind),
                cell(&unit.subject),
                cell(&unit.attribute),
                cell(&values(unit))
            )?;
        }
    }
    if !diff.changed.is_empty() {
        writeln!(
            out,
            "\n### Changed\n\n| kind | subject | attribute | change |\n|---|---|---|---|"
        )?;
        for change in &diff.changed {
            writeln!(
                out,
                "| {} | {} | {} | {} |",
                cell(&change.new.kind),
                cell(&change.new.subject),
                cell(&change.new.attribute),
                cell(&change_words(change))
            )?;
        }
    }
    Ok(())
}
