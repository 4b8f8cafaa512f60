//! `crosscheck coverage`: the listing on a fixture with covered, explained
//! and unexplained figures, the error for an ignore entry that is not in its
//! document, and the real project (the five seed articles), which must have
//! no unexplained figure.

use crosscheck::commands::ExitStatus;

use crate::harness::{Run, fixture, in_process};

/// Runs `crosscheck coverage DIR`.
fn coverage(dir: &std::path::Path) -> Run {
    in_process(&["coverage", &dir.to_string_lossy()])
}

/// The fixture holds: a date in Arabic-Indic digits with both month series
/// (quoted in ASCII digits: covered), an amount with digits (covered), a
/// slogan's number (explained), and, unexplained: a Levantine date with ASCII
/// digits, a lone Maghreb month (شتنبر), an amount without digits, مارس after
/// شهر (but not مارس the verb), a number in a URL slug (but not the `%D8`
/// escape), a Levantine month with tatweel and Arabic-Indic digits, آب, and
/// يوليوز. The second ignore entry holds no figure and is reported idle. The
/// deal's value, quoted once, is covered at both its places, and the last
/// line's date, the source's `published` day, is counted apart.
#[test]
fn lists_unexplained_figures_with_places() {
    let Run {
        status,
        stdout,
        stderr,
    } = coverage(&fixture("coverage"));
    assert_eq!(status, ExitStatus::Findings);
    assert_eq!(stderr, "");
    insta::assert_snapshot!(stdout);
}

#[test]
fn an_ignore_entry_not_in_its_document_is_an_error() {
    let Run {
        status,
        stdout,
        stderr,
    } = coverage(&fixture("coverage-ignore-not-found"));
    assert_eq!(status, ExitStatus::Invalid);
    assert_eq!(stdout, "");
    insta::assert_snapshot!(stderr);
}

/// Every figure of the five seed articles is quoted by a claim or explained
/// in crosscheck.toml.
#[test]
fn the_seed_project_has_no_unexplained_figure() {
    let Run {
        status,
        stdout,
        stderr,
    } = coverage(std::path::Path::new(env!("CARGO_MANIFEST_DIR")));
    assert_eq!(stderr, "");
    assert_eq!(
        status,
        ExitStatus::Success,
        "unexplained figures:\n{stdout}"
    );
}
