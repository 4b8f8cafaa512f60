//! End-to-end tests of the binary: stdout, stderr and exit status of each
//! command, snapshotted together (insta-cmd), on small fixture projects.

// Helpers outside #[test] fns: a panic here is a failing test, not a user's crash.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Command;

use insta_cmd::{assert_cmd_snapshot, get_cargo_bin};

fn crosscheck() -> Command {
    let mut command = Command::new(get_cargo_bin("crosscheck"));
    // Relative paths keep absolute paths out of the snapshots.
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

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
