//! Curation warnings (`check::curation_warnings`): what each looks like with
//! its places, which are left out because the registry already decided, and
//! that they never change `check`'s exit status.

// Helpers outside #[test] fns: a panic here is a failing test, not a user's crash.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use crosscheck::check;
use crosscheck::diagnostic::{Level, render_plain};
use crosscheck::link::SubjectGraph;
use crosscheck::load::load_project;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The warnings of the project in `dir`, rendered as the terminal shows
/// diagnostics, and their codes.
fn warnings(dir: &Path) -> (Vec<&'static str>, String) {
    let project = load_project(dir)
        .unwrap_or_else(|failure| panic!("{}", render_plain(&failure.diagnostics, &failure.files)));
    let graph = SubjectGraph::build(&project);
    let warnings = check::curation_warnings(&project, &graph);
    assert!(
        warnings.iter().all(|w| w.level == Level::Warning),
        "every curation warning has warning severity"
    );
    let codes = warnings.iter().map(|w| w.code.name()).collect();
    (codes, render_plain(&warnings, &project.files))
}

/// Close names, a cross-script pair and a veto through a chain are warned
/// about; the close pair and the veto the registry lists as `distinct` are
/// not.
#[test]
fn linking_warnings_with_places() {
    let (codes, rendered) = warnings(&fixture("curation"));
    assert_eq!(
        codes,
        [
            "cross-script-subject-names",
            "close-subject-names",
            "vetoed-link"
        ]
    );
    assert!(
        !rendered.contains("France"),
        "a distinct pair is not repeated"
    );
    insta::assert_snapshot!(rendered);
}

/// Unexplained figures, each at its place in the document, and the ignore
/// entry that holds no figure. A quote the document repeats (the deal's
/// value, again in the last line) covers both places.
#[test]
fn coverage_warnings_with_places() {
    let (codes, rendered) = warnings(&fixture("coverage"));
    assert!(codes.contains(&"uncovered-figure"));
    assert!(codes.contains(&"idle-coverage-ignore"));
    insta::assert_snapshot!(rendered);
}

/// An ignore entry whose text is not in its document is a warning for
/// `check` (for `crosscheck coverage` it is an error).
#[test]
fn an_ignore_entry_not_found_is_a_warning() {
    let (codes, rendered) = warnings(&fixture("coverage-ignore-not-found"));
    assert!(codes.contains(&"coverage-ignore-not-found"));
    insta::assert_snapshot!(rendered);
}

/// The project's own claims: the warnings the committed reports list.
#[test]
fn seed_project_warnings() {
    let (_, rendered) = warnings(Path::new(env!("CARGO_MANIFEST_DIR")));
    insta::assert_snapshot!(rendered);
}

/// A person cited in English and in Arabic ("Fouzi Lekjaa", "فوزي لقجع":
/// one consonant skeleton) is warned about, at both places, since the two
/// names count as two independent origins; an agency whose names are one
/// registry `values` entry, a ministry named by translation (skeletons far
/// apart) and two Latin names with one skeleton ("Ali Hassan", "Ali
/// Hussein": a spelling question, not one of scripts) are not.
#[test]
fn an_origin_cited_in_two_scripts_is_warned_about() {
    let (codes, rendered) = warnings(&fixture("curation-origins"));
    assert_eq!(codes, ["cross-script-origin-names"], "{rendered}");
    assert!(
        rendered.contains("\"Fouzi Lekjaa\" and \"فوزي لقجع\""),
        "{rendered}"
    );
    insta::assert_snapshot!(rendered);
}
