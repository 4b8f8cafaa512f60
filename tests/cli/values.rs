//! The checker's readings of real reporting through the command line:
//! rounding fails only `--fail-on any`, risky readings, figures their
//! quotes hedge and figures their quotes do not hold are warnings in
//! `validate` and `check`, bad values exit 2 with place, problem and fix, and
//! a revision across facts is a curation warning. (The findings themselves
//! are snapshotted through the library in tests/reporting.rs.)

use crosscheck::commands::ExitStatus;

use crate::harness::{Run, fixture, in_process};

#[test]
fn rounding_does_not_fail_on_contradiction() {
    let dir = fixture("reporting/rounding_only").display().to_string();
    let Run { status, .. } = in_process(&["check", &dir, "--format", "json"]);
    assert_eq!(status, ExitStatus::Success);
    let Run { status, .. } = in_process(&["check", &dir, "--format", "json", "--fail-on", "any"]);
    assert_eq!(
        status,
        ExitStatus::Findings,
        "rounding is a warning: `--fail-on any` fails on it"
    );
}

#[test]
fn risky_readings_are_warnings_in_validate_and_check() {
    let dir = fixture("reporting/risky_values").display().to_string();
    insta::assert_snapshot!("risky_values_validate", validates_with_warnings(&dir));
    assert_eq!(
        report_warnings(&dir, "risky-value"),
        10,
        "check lists the same risky readings"
    );
}

/// `validate DIR`, which must succeed: its output, then its warnings.
fn validates_with_warnings(dir: &str) -> String {
    let Run {
        status,
        stdout,
        stderr,
    } = in_process(&["validate", dir]);
    assert_eq!(status, ExitStatus::Success, "{stderr}");
    format!("{stdout}\n{stderr}")
}

/// How many warnings of `code` the JSON report of `dir` lists.
fn report_warnings(dir: &str, code: &str) -> usize {
    let Run { stdout: report, .. } = in_process(&["check", dir, "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&report).expect("JSON");
    report["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .filter(|w| w["code"] == code)
        .count()
}

/// The UN's "passed 11,000" and "some 100,000", curated as `11,000` and
/// `100,000`: figures the quote hedges, read as exact, are warnings with
/// the form that keeps the hedge, in `validate` and in the report.
#[test]
fn hedged_figures_written_exact_are_warnings() {
    let dir = fixture("reporting/round_figures").display().to_string();
    let transcript = validates_with_warnings(&dir);
    assert!(transcript.contains("write \">11,000\""), "{transcript}");
    assert!(transcript.contains("write \"~100,000\""), "{transcript}");
    insta::assert_snapshot!("hedged_figures_validate", transcript);
    assert_eq!(
        report_warnings(&dir, "hedged-figure"),
        2,
        "check lists the same hedged figures"
    );
}

/// The 2024 Algerian election copied with two slips (`94.56 %` for
/// "94,65", `5392253` for "5.329.253"): warnings at the value, in
/// `validate` and in the report, and the contradiction with the source
/// that copied "94.65%" right says so. The same figures written otherwise
/// ("7 ملايين و976 ألفا و291", "24 351 551", "46,10 %") and a figure in
/// words beside other digits ("ثلاثة أيام في 5 ولايات") are not.
#[test]
fn figures_mistyped_from_their_quotes_are_warnings() {
    let dir = fixture("reporting/mistyped_figures").display().to_string();
    let transcript = validates_with_warnings(&dir);
    insta::assert_snapshot!("mistyped_figures_validate", transcript);
    assert_eq!(
        report_warnings(&dir, "figure-not-in-quote"),
        2,
        "check lists the same figures"
    );
    // The contradiction the slip makes says so, where the reader is.
    let Run { stdout: report, .. } = in_process(&["check", &dir, "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&report).expect("JSON");
    let share = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["kind"] == "contradiction" && f["attribute"] == "vote_share")
        .expect("the share's contradiction");
    assert!(
        share["explanation"].as_str().expect("text").contains(
            "The value of aps/share, '94.56 %', is not in its quote, which gives \"94,65\""
        ),
        "{share}"
    );
}

#[test]
fn bad_values_exit_2_with_place_problem_and_fix() {
    let dir = fixture("reporting/bad_values").display().to_string();
    let Run {
        status,
        stdout,
        stderr,
    } = in_process(&["check", &dir]);
    assert_eq!(status, ExitStatus::Invalid);
    assert!(stdout.is_empty());
    insta::assert_snapshot!("bad_values_stderr", stderr);
}

#[test]
fn a_revision_of_another_fact_is_a_curation_warning() {
    let dir = fixture("reporting/supersedes_elsewhere")
        .display()
        .to_string();
    let Run {
        status,
        stdout: report,
        ..
    } = in_process(&["check", &dir, "--format", "json"]);
    assert_eq!(status, ExitStatus::Success);
    let report: serde_json::Value = serde_json::from_str(&report).expect("JSON");
    assert_eq!(report["counts"]["revision"], 0);
    let warnings: Vec<&str> = report["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .filter(|w| w["code"] == "supersedes-another-fact")
        .filter_map(|w| w["message"].as_str())
        .collect();
    assert_eq!(
        warnings,
        [
            "`ocha/missing` supersedes `ocha/toll`, a claim of another fact (\"Derna flood\" · deaths, not \"Derna flood\" · missing): no revision is reported"
        ]
    );
}
