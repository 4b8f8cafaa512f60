//! The committed `reports/` must be what `crosscheck check` writes for the
//! project's own claims today: a stale report is a failing test.
//!
//! Regenerate with `cargo run --release -- check` (or run this test with
//! `CROSSCHECK_UPDATE=1`), then review the diff like any other change.

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
    let outcome = check::run(&project, &graph);
    let input = ReportInput::new(&project, &graph, &outcome, &[]);
    let update = std::env::var_os("CROSSCHECK_UPDATE").is_some();
    let mut stale = Vec::new();
    for (name, format) in REPORT_FILES {
        let mut fresh = Vec::new();
        render(format, &input, &graph, &mut fresh, false).unwrap();
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
