//! The committed `reports/` must be what `crosscheck check` writes for the
//! project's own claims today: a stale report is a failing test.
//!
//! Regenerate with `cargo run --release -- check` (or run this test with
//! `CROSSCHECK_UPDATE=1`), then review the diff like any other change.

// Helpers outside #[test] fns: a panic here is a failing test, not a user's crash.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::path::Path;

use crosscheck::check;
use crosscheck::commands::check::{REPORT_FILES, render};
use crosscheck::link::SubjectGraph;
use crosscheck::load::load_project;
use crosscheck::report::ReportInput;

#[test]
fn committed_reports_are_fresh() {
    let root = Path::new(".");
    let project = load_project(root).unwrap_or_else(|failure| {
        panic!(
            "the project's own claims do not load:\n{}",
            crosscheck::diagnostic::render_plain(&failure.diagnostics, &failure.files)
        )
    });
    let graph = SubjectGraph::build(&project);
    let canonical = graph.canonical_subjects();
    let facts = check::claim_facts(&project, &canonical);
    let outcome = check::check_facts(&project, &facts);
    let warnings = check::curation_warnings(&project, &graph);
    let input = ReportInput::new(&project, &facts, &outcome, &warnings);
    let update = std::env::var_os("CROSSCHECK_UPDATE").is_some();
    let mut stale = Vec::new();
    for (name, format) in REPORT_FILES {
        let mut fresh = Vec::new();
        render(format, &input, &mut fresh, false, false).unwrap();
        let path = root.join("reports").join(name);
        if update {
            crosscheck::atomic_file::write_atomically(&path, &fresh).unwrap();
            continue;
        }
        let committed = std::fs::read(&path).unwrap_or_default();
        if committed != fresh {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "stale reports: {}\nregenerate them with `cargo run --release -- check` and commit the result",
        stale.join(", ")
    );
}

/// The committed JSON report has the properties its schema
/// (docs/report.schema.json, generated from the Rust types) declares: every
/// required one, and no other (a finding with `sides` has no `pairs`; a
/// claim no finding of attention cites has a slim row).
#[test]
fn the_json_report_matches_its_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(&crosscheck::schema::report_schema()).unwrap();
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read("reports/report.json").unwrap()).unwrap();
    let names = |pointer: &str| -> BTreeSet<String> {
        match schema.pointer(pointer) {
            Some(serde_json::Value::Object(map)) => map.keys().cloned().collect(),
            Some(serde_json::Value::Array(list)) => list
                .iter()
                .map(|name| name.as_str().unwrap().to_owned())
                .collect(),
            _ => BTreeSet::new(),
        }
    };
    let conforms = |value: &serde_json::Value, definition: &str| {
        let keys: BTreeSet<String> = value.as_object().unwrap().keys().cloned().collect();
        let (properties, required) = (
            names(&format!("{definition}/properties")),
            names(&format!("{definition}/required")),
        );
        assert!(!properties.is_empty(), "no {definition} in the schema");
        assert!(
            keys.is_subset(&properties),
            "{definition}: {:?} are not in the schema",
            keys.difference(&properties).collect::<Vec<_>>()
        );
        assert!(
            required.is_subset(&keys),
            "{definition}: required {:?} are missing",
            required.difference(&keys).collect::<Vec<_>>()
        );
    };
    conforms(&report, "");
    let findings = report["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for finding in findings {
        conforms(finding, "/$defs/JsonFinding");
    }
    for claim in report["claims"].as_array().unwrap() {
        conforms(claim, "/$defs/JsonClaim");
    }
    for source in report["sources"].as_array().unwrap() {
        conforms(source, "/$defs/JsonSource");
    }
    let facts = report["facts"].as_array().unwrap();
    assert!(!facts.is_empty());
    for fact in facts {
        conforms(fact, "/$defs/JsonFact");
    }
}
