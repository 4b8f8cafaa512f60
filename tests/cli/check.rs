//! `crosscheck check`: stdout, stderr and exit status snapshotted together
//! (insta-cmd) on small fixture projects, `--fail-on` levels, the reports it
//! writes, and byte-identical output across runs.

use std::path::Path;

use crosscheck::commands::ExitStatus;
use insta_cmd::assert_cmd_snapshot;

use crate::harness::{Run, binary as crosscheck, fixture, in_process};

const MONEY: &str = "tests/fixtures/checker/money_rate";
const INTERNAL: &str = "tests/fixtures/checker/internal_contradiction";
const AGREEING: &str = "tests/fixtures/checker/exact";

#[test]
fn check_prints_json_and_fails_on_a_contradiction() {
    assert_cmd_snapshot!(crosscheck().args(["check", "--format", "json", MONEY]));
}

#[test]
fn check_prints_the_text_summary() {
    assert_cmd_snapshot!(crosscheck().args(["check", "--format", "text", INTERNAL]));
}

#[test]
fn fail_on_never_exits_zero_with_contradictions() {
    assert_cmd_snapshot!(crosscheck().args([
        "check",
        "--format",
        "text",
        "--fail-on",
        "never",
        MONEY
    ]));
}

#[test]
fn fail_on_any_fails_on_warnings_only_projects() {
    assert_cmd_snapshot!(crosscheck().args([
        "check",
        "--format",
        "text",
        "--fail-on",
        "any",
        "tests/fixtures/checker/money_no_rate",
    ]));
}

#[test]
fn warnings_alone_do_not_fail_by_default() {
    assert_cmd_snapshot!(crosscheck().args([
        "check",
        "--format",
        "text",
        "tests/fixtures/checker/money_no_rate",
    ]));
}

#[test]
fn check_exits_zero_when_sources_agree() {
    assert_cmd_snapshot!(crosscheck().args(["check", "--format", "text", AGREEING]));
}

#[test]
fn check_on_invalid_input_exits_two_with_the_place_and_the_fix() {
    assert_cmd_snapshot!(
        crosscheck().args(["check", "tests/fixtures/load_errors/value_bad_scale",])
    );
}

#[test]
fn a_wrong_command_line_exits_two() {
    assert_cmd_snapshot!(crosscheck().args(["check", "--format", "pdf"]));
}

#[test]
fn a_missing_project_directory_exits_two() {
    assert_cmd_snapshot!(crosscheck().args(["check", "tests/fixtures/no-such-project"]));
}

/// `check` without `--format` writes the three reports and prints the
/// summary; the files equal what `--format` prints.
#[test]
fn check_writes_the_reports_it_prints() {
    let project = tempfile::tempdir().unwrap();
    copy_dir(Path::new(MONEY), project.path());
    let output = crosscheck()
        .arg("check")
        .arg(project.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    for (name, format) in [
        ("report.md", "md"),
        ("report.json", "json"),
        ("report.html", "html"),
    ] {
        let written = std::fs::read(project.path().join("reports").join(name)).unwrap();
        let printed = crosscheck()
            .args(["check", "--format", format])
            .arg(project.path())
            .output()
            .unwrap()
            .stdout;
        assert_eq!(written, printed, "{name} differs from --format {format}");
    }
}

#[test]
fn every_command_has_an_example_in_its_help() {
    for command in [
        "check", "validate", "add", "schema", "subjects", "coverage", "graph", "link",
    ] {
        let output = crosscheck().args([command, "--help"]).output().unwrap();
        let help = String::from_utf8(output.stdout).unwrap();
        assert!(output.status.success(), "{command} --help failed");
        assert!(
            help.contains("Example") && help.contains(&format!("crosscheck {command}")),
            "`crosscheck {command} --help` shows no example:\n{help}"
        );
    }
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Every format `check` prints is the same bytes in separate processes
/// (each with its own hash seeds) and with one thread or two: reports are
/// snapshotted in CI, so any order taken from a hash table or a thread
/// schedule would show up as a flaky diff. Runs on the project's own claims,
/// which hold every kind of value the seeds have.
#[test]
fn every_format_is_byte_identical_across_processes_and_thread_counts() {
    for format in ["text", "md", "json", "html"] {
        let outputs: Vec<Vec<u8>> = ["1", "2", "2"]
            .iter()
            .map(|threads| {
                let output = crosscheck()
                    .env("RAYON_NUM_THREADS", threads)
                    .args(["check", "--format", format, "--fail-on", "never", "."])
                    .output()
                    .unwrap();
                assert!(output.status.success(), "check --format {format} failed");
                output.stdout
            })
            .collect();
        assert!(
            !outputs[0].is_empty(),
            "check --format {format} printed nothing"
        );
        assert!(
            outputs.windows(2).all(|pair| pair[0] == pair[1]),
            "check --format {format} printed different bytes in different runs"
        );
    }
}

fn fixture_arg(case: &str) -> String {
    fixture(&format!("checker/{case}")).display().to_string()
}

#[test]
fn fail_on_levels() {
    let contradiction = fixture_arg("money_rate");
    let no_rate = fixture_arg("money_no_rate");
    let agreement = fixture_arg("independence");
    let status = |dir: &str, level: &str| {
        in_process(&["check", dir, "--format", "json", "--fail-on", level]).status
    };
    assert_eq!(
        status(&contradiction, "contradiction"),
        ExitStatus::Findings
    );
    assert_eq!(status(&contradiction, "never"), ExitStatus::Success);
    // Incomparable is a warning: it fails only `--fail-on any`.
    assert_eq!(status(&no_rate, "contradiction"), ExitStatus::Success);
    assert_eq!(status(&no_rate, "any"), ExitStatus::Findings);
    // Agreement is information: it never fails.
    assert_eq!(status(&agreement, "any"), ExitStatus::Success);
    // The default is contradiction.
    assert_eq!(
        in_process(&["check", &contradiction, "--format", "json"]).status,
        ExitStatus::Findings
    );
}

#[test]
fn invalid_input_exits_2_with_diagnostics() {
    let Run {
        status,
        stdout,
        stderr,
    } = in_process(&["check", &fixture_arg("invalid_claim"), "--format", "json"]);
    assert_eq!(status, ExitStatus::Invalid);
    assert_eq!(stdout, "");
    insta::assert_snapshot!("invalid_claim_stderr", stderr);
}

/// A project with curation warnings and no contradiction exits 0 even with
/// `--fail-on any`, and the summary counts the warnings.
#[test]
fn curation_warnings_never_fail_check() {
    let dir = fixture("curation");
    let run = in_process(&[
        "check",
        &dir.to_string_lossy(),
        "--format",
        "text",
        "--fail-on",
        "any",
    ]);
    assert_eq!(run.status, ExitStatus::Success, "{}", run.stdout);
    assert!(
        run.stdout.contains("3 curation warnings"),
        "the summary counts them:\n{}",
        run.stdout
    );
}

/// `--timings` names every step on stderr, with its wall and CPU time and
/// (on Linux) its peak and resident memory, and changes nothing on stdout.
/// With `--no-consensus` the comparisons are a step of their own; without
/// it they share one with the consensus, which runs beside them.
#[test]
fn timings_name_every_step_and_leave_the_report_alone() {
    let run = |extra: &[&str]| {
        let mut args = vec!["check", "--format", "json", "--fail-on", "never"];
        args.extend_from_slice(extra);
        args.push(MONEY);
        crosscheck().args(&args).output().unwrap()
    };
    let plain = run(&[]);
    let timed = run(&["--timings"]);
    assert_eq!(plain.stdout, timed.stdout, "--timings changed the report");
    assert!(plain.stderr.is_empty());
    let steps = |stderr: &[u8]| -> Vec<String> {
        String::from_utf8_lossy(stderr)
            .lines()
            .map(|line| {
                let name = line.split("  ").find(|part| !part.trim().is_empty());
                let name = name.unwrap_or_default().trim().to_owned();
                if name != "total" && cfg!(target_os = "linux") {
                    for field in [" s  cpu ", " s  peak ", " MiB  resident ", " MiB"] {
                        assert!(line.contains(field), "{field:?} missing in {line:?}");
                    }
                }
                name
            })
            .collect()
    };
    let with = [
        "load",
        "link",
        "curation warnings",
        "resolve",
        "check and consensus",
        "report",
        "total",
    ];
    assert_eq!(steps(&timed.stderr), with);
    let without = run(&["--timings", "--no-consensus"]);
    let mut expected = with.to_vec();
    expected[4] = "check";
    assert_eq!(steps(&without.stderr), expected);
}
