//! `crosscheck check [DIR]`: load, link, check, report, and turn the
//! findings into an exit status.
//!
//! The steps are fixed; only the rendering varies with `--format`. Curation
//! warnings ([`check::curation_warnings`]) are gathered beside the findings
//! and shown by every human format; they never change the exit status. A new
//! format is a new [`Format`] variant and one arm in [`render`], with its
//! renderer in `src/report/<format>.rs`.
//!
//! With no `--format`, `check` writes `DIR/reports/report.md`, `report.json`
//! and `report.html` (each atomically) and prints the terminal summary, in
//! colour only on a terminal. With `--format`, it prints that one format on
//! stdout and writes no file.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::atomic_file::write_set_atomically_with;
use crate::check::{self, CheckOutcome, Severity};
use crate::diff;
use crate::link::SubjectGraph;
use crate::report::{ReportInput, csv, html, json, markdown, sarif, text};

use super::{Console, ExitStatus};

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  crosscheck check                      # the project in the current directory: writes reports/, prints a summary
  crosscheck check cases/morocco --format json > findings.json
  crosscheck check --fail-on never      # report, but never fail the pipeline
  crosscheck check --format csv --bom > findings.csv       # the findings table, for Excel
  crosscheck check --format claims-csv > claims.csv        # the claims table
  crosscheck check --format sarif > crosscheck.sarif       # for GitHub code scanning
  crosscheck check --baseline reports/baseline.json        # fail only on findings not in the baseline

Exit status: 0 no finding at or above --fail-on, 1 there are such findings,
2 the input or the command line is invalid.")]
pub struct Args {
    /// The project directory (the one holding `claims/`); default: the
    /// current directory.
    pub dir: Option<PathBuf>,

    /// Print the report in this format to stdout and write no file.
    /// Without it: write DIR/reports/report.{md,json,html} and print a summary.
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    /// Exit with status 1 when there is a finding at or above this level.
    #[arg(long, value_enum, default_value_t = FailOn::Contradiction)]
    pub fail_on: FailOn,

    /// With `--format csv` or `claims-csv`: start with a UTF-8 byte-order
    /// mark, so Excel reads the file as UTF-8.
    #[arg(long)]
    pub bom: bool,

    /// A JSON report of an earlier run (`--format json`): fail only on
    /// findings at or above --fail-on that it does not hold with the same
    /// kind (keyed as `crosscheck diff` keys them).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Print how long each step took (load, link, check, report) to stderr,
    /// with the peak and the resident memory after it.
    #[arg(long)]
    pub timings: bool,

    /// Skip the consensus estimate (the most likely value of each fact and
    /// the trust of each source): for measuring its cost. The report then
    /// has no `facts` and every source's trust is null.
    #[arg(long)]
    pub no_consensus: bool,

    /// How much evidence the reports carry. `attention` (the default):
    /// pairs and reasons for what needs attention (contradictions,
    /// rounding, revisions, mixed kinds, incomparable and unreadable
    /// values), agreements and compatible values as their claims and one
    /// sentence, a slim claim table, and `sides` instead of `pairs` in a
    /// fact of more than 100 claims. `full`: every compared pair with its
    /// reason, `pairs` everywhere, every field of every claim.
    #[arg(long, value_enum, default_value_t = check::Detail::Attention)]
    pub detail: check::Detail,
}

/// The output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The terminal summary.
    Text,
    /// Markdown, as in reports/report.md.
    Md,
    /// The JSON report (src/report/json.rs documents its wire format).
    Json,
    /// The self-contained HTML page, as in reports/report.html.
    Html,
    /// The findings table as CSV (src/report/csv.rs lists the columns).
    Csv,
    /// The claims table as CSV, which `crosscheck import` reads back.
    ClaimsCsv,
    /// SARIF 2.1.0, for code scanning (src/report/sarif.rs).
    Sarif,
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
    let mut timings = Timings::new();
    let project = match console.load_project(&dir)? {
        Ok(project) => project,
        Err(status) => return Ok(status),
    };
    timings.step("load");
    let graph = SubjectGraph::build(&project);
    timings.step("link");
    // Curation warnings are shown, never counted in the exit status.
    let mut warnings = project.warnings.clone();
    warnings.extend(check::curation_warnings(&project, &graph));
    timings.step("curation warnings");
    // The check needs only each claim's canonical subject: the graph's
    // spellings, links and reasons go before the comparisons take memory
    // (at a million claims, a ninth of the peak).
    let canonical = graph.canonical_subjects();
    drop(graph);
    let facts = check::claim_facts(&project, &canonical);
    timings.step("resolve");
    let outcome = check::check_facts_with(&project, &facts, !args.no_consensus, args.detail);
    timings.step(match args.no_consensus {
        true => "check",
        // One step: `check_facts_with` does both, sharing the grouping.
        false => "check and consensus",
    });
    let input = ReportInput::new(&project, &facts, &outcome, &warnings);
    let baseline_status = match &args.baseline {
        Some(path) => Some(baseline_status(path, args.fail_on, &input, console)?),
        None => None,
    };
    if baseline_status == Some(ExitStatus::Invalid) {
        return Ok(ExitStatus::Invalid);
    }
    match args.format {
        Some(format) => render(
            format,
            &input,
            console.stdout,
            console.stdout_is_terminal,
            args.bom,
        )?,
        None => {
            write_reports(&dir, &input)?;
            text::render(&input, console.stdout, console.stdout_is_terminal)?;
        }
    }
    console.stdout.flush()?;
    timings.step("report");
    if args.timings {
        timings.write(console.stderr)?;
    }
    let status = baseline_status.unwrap_or_else(|| args.fail_on.status(&outcome));
    // The process ends after this: freeing a million claims and findings
    // one by one would only delay the exit (by a tenth of the run).
    std::mem::forget(input);
    std::mem::forget(facts);
    std::mem::forget(outcome);
    std::mem::forget(canonical);
    std::mem::forget(project);
    Ok(status)
}

/// Writes the report in `format` to `out`; `colour` only affects text.
pub fn render(
    format: Format,
    input: &ReportInput<'_>,
    out: &mut dyn Write,
    colour: bool,
    bom: bool,
) -> io::Result<()> {
    match format {
        Format::Text => text::render(input, out, colour),
        Format::Md => markdown::render(input, out),
        Format::Json => json::render(input, out),
        Format::Html => html::render(input, out),
        Format::Csv => csv::render_findings(input, out, bom),
        Format::ClaimsCsv => csv::render_claims(input, out, bom),
        Format::Sarif => sarif::render(input, out),
    }
}

/// The exit status against a baseline report: 1 when a finding at or above
/// `fail_on` is not in it, 2 (after saying why) when it cannot be read.
fn baseline_status(
    path: &Path,
    fail_on: FailOn,
    input: &ReportInput<'_>,
    console: &mut Console<'_>,
) -> io::Result<ExitStatus> {
    let baseline = match super::diff::read_report(path) {
        Ok(run) => run.units,
        Err(message) => {
            writeln!(console.stderr, "error: --baseline {message}")?;
            return Ok(ExitStatus::Invalid);
        }
    };
    let Some(threshold) = fail_on.threshold() else {
        return Ok(ExitStatus::Success);
    };
    let current = diff::units(&json_value(input)?).map_err(|e| io::Error::other(e.0))?;
    let beyond = diff::beyond_baseline(&current, &baseline, threshold);
    Ok(if beyond.is_empty() {
        ExitStatus::Success
    } else {
        ExitStatus::Findings
    })
}

/// The JSON report of `input`, parsed: what `diff` and `--baseline` key.
pub fn json_value(input: &ReportInput<'_>) -> io::Result<serde_json::Value> {
    let mut report = Vec::new();
    json::render(input, &mut report)?;
    serde_json::from_slice(&report).map_err(io::Error::other)
}

/// The files `check` writes under `DIR/reports/`.
pub const REPORT_FILES: [(&str, Format); 3] = [
    ("report.md", Format::Md),
    ("report.json", Format::Json),
    ("report.html", Format::Html),
];

/// Writes every report file under `dir/reports/` as one set: each is
/// rendered straight into its temporary file, and none is renamed into
/// place before all are written, so a failure (a full disk) leaves the
/// previous set whole.
fn write_reports(dir: &Path, input: &ReportInput<'_>) -> io::Result<()> {
    let reports = dir.join("reports");
    std::fs::create_dir_all(&reports).map_err(crate::path_error::at(&reports))?;
    let paths: Vec<PathBuf> = REPORT_FILES
        .iter()
        .map(|(name, _)| reports.join(name))
        .collect();
    let paths: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    write_set_atomically_with(&paths, |i, out| {
        render(REPORT_FILES[i].1, input, out, false, false)
    })?;
    Ok(())
}

/// The wall time of each step of a run, for `--timings`, with the CPU
/// time, the peak and the resident memory at its end where the system
/// tells them (Linux): CPU time against wall time says how well a step
/// uses the cores, the peak what it cost at its worst, the resident memory
/// what it left for the next steps.
struct Timings {
    last: Instant,
    last_cpu: Option<Duration>,
    steps: Vec<(&'static str, Duration, Option<Duration>, Option<Memory>)>,
}

impl Timings {
    fn new() -> Timings {
        Timings {
            last: Instant::now(),
            last_cpu: cpu_time(),
            steps: Vec::new(),
        }
    }

    /// Ends the step `name`, which began when the previous one ended.
    fn step(&mut self, name: &'static str) {
        let now = Instant::now();
        let cpu = cpu_time();
        let took_cpu = cpu
            .zip(self.last_cpu)
            .map(|(now, then)| now.saturating_sub(then));
        self.steps
            .push((name, now - self.last, took_cpu, Memory::now()));
        self.last = now;
        self.last_cpu = cpu;
    }

    fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        let total: Duration = self.steps.iter().map(|step| step.1).sum();
        for (name, took, cpu, memory) in &self.steps {
            write!(out, "{name:>19}  {:8.3} s", took.as_secs_f64())?;
            if let Some(cpu) = cpu {
                write!(out, "  cpu {:7.2} s", cpu.as_secs_f64())?;
            }
            match memory {
                Some(memory) => writeln!(
                    out,
                    "  peak {:>7} MiB  resident {:>7} MiB",
                    memory.peak_kib / 1024,
                    memory.resident_kib / 1024
                )?,
                None => writeln!(out)?,
            }
        }
        writeln!(out, "{:>19}  {:8.3} s", "total", total.as_secs_f64())
    }
}

/// The CPU time (user and system) of the process so far, from
/// /proc/self/stat; `None` where there is none. Its fields 14 and 15
/// count clock ticks of `USER_HZ`, which Linux fixes at 100 for user
/// space on every architecture.
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name (field 2) is in parentheses and may hold spaces:
    // fields are counted after its closing one, which is field 3's start.
    let after_name = &stat[stat.rfind(')')? + 1..];
    let mut fields = after_name.split_whitespace().skip(11);
    let user: u64 = fields.next()?.parse().ok()?;
    let system: u64 = fields.next()?.parse().ok()?;
    Some(Duration::from_millis((user + system) * 10))
}

/// The process's resident memory, in KiB.
struct Memory {
    /// The peak so far (`VmHWM` in /proc/self/status).
    peak_kib: u64,
    /// Now (`VmRSS`); the allocator may keep freed pages for a while.
    resident_kib: u64,
}

impl Memory {
    /// `None` where there is no /proc/self/status.
    fn now() -> Option<Memory> {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        let field = |name: &str| -> Option<u64> {
            let line = status.lines().find(|line| line.starts_with(name))?;
            line.split_whitespace().nth(1)?.parse().ok()
        };
        Some(Memory {
            peak_kib: field("VmHWM:")?,
            resident_kib: field("VmRSS:")?,
        })
    }
}
