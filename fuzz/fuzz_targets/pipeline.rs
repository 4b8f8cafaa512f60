//! The whole pipeline on any project: the bytes are split at `\0\0` into
//! `crosscheck.toml`, `claims/subjects.json`, a document `seeds/d.txt` and
//! claim files `claims/s<N>.json`, written to a fresh directory; the project
//! is loaded, linked and checked, and every report format is rendered (text
//! with and without colour, Markdown, HTML, JSON). Nothing may panic, a
//! failed load's diagnostics must render, and the JSON report must parse.
//!
//! Run (nightly): `cargo +nightly fuzz run pipeline`

#![no_main]

use crosscheck::commands::check::{Format, render};
use crosscheck::link::SubjectGraph;
use crosscheck::report::ReportInput;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(dir) = tempfile::tempdir() else {
        return;
    };
    let root = dir.path();
    if std::fs::create_dir_all(root.join("claims")).is_err()
        || std::fs::create_dir_all(root.join("seeds")).is_err()
    {
        return;
    }
    let mut parts = split(bytes);
    let write = |path: &str, data: &[u8]| {
        let _ = std::fs::write(root.join(path), data);
    };
    if let Some(settings) = parts.next().filter(|p| !p.is_empty()) {
        write("crosscheck.toml", settings);
    }
    if let Some(registry) = parts.next().filter(|p| !p.is_empty()) {
        write("claims/subjects.json", registry);
    }
    if let Some(document) = parts.next() {
        write("seeds/d.txt", document);
    }
    for (n, claims) in parts.take(6).enumerate() {
        write(&format!("claims/s{n}.json"), claims);
    }

    let project = match crosscheck::load::load_project(root) {
        Ok(project) => project,
        Err(failure) => {
            let _ = crosscheck::diagnostic::render_plain(&failure.diagnostics, &failure.files);
            return;
        }
    };
    let graph = SubjectGraph::build(&project);
    let canonical = graph.canonical_subjects();
    let facts = crosscheck::check::claim_facts(&project, &canonical);
    let outcome = crosscheck::check::check_facts(&project, &facts);
    let warnings = crosscheck::check::curation_warnings(&project, &graph);
    let input = ReportInput::from_facts(&project, &facts, &outcome, &warnings);
    for (format, colour) in [
        (Format::Text, false),
        (Format::Text, true),
        (Format::Md, false),
        (Format::Html, false),
        (Format::Json, false),
    ] {
        let mut out = Vec::new();
        if let Err(error) = render(format, &input, &facts, &mut out, colour) {
            panic!("rendering {format:?} failed: {error}");
        }
        if format == Format::Json {
            if let Err(error) = serde_json::from_slice::<serde_json::Value>(&out) {
                panic!(
                    "the JSON report does not parse: {error}\n{}",
                    String::from_utf8_lossy(&out)
                );
            }
        }
    }
});

/// The parts of `bytes` between `\0\0` separators.
fn split(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = Some(bytes);
    std::iter::from_fn(move || {
        let current = rest?;
        match current.windows(2).position(|w| w == b"\0\0") {
            Some(at) => {
                rest = Some(&current[at + 2..]);
                Some(&current[..at])
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}
