//! Every kind of invalid input, one fixture project per case under
//! `tests/fixtures/load_errors/<case>/`, each snapshotting what
//! `crosscheck validate` prints and its exit status. None may panic.
//!
//! Most cases run `validate` in this process (the harness's console of buffers);
//! the `cli_*` tests run the binary end to end.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use crate::harness::{binary, in_process, transcript};

/// Runs `crosscheck validate <dir>` in-process: exit status, stdout, stderr.
fn validate_in_process(dir: &Path) -> String {
    let dir_arg = dir.to_string_lossy();
    let run = catch_unwind(AssertUnwindSafe(|| in_process(&["validate", &dir_arg])))
        .unwrap_or_else(|_| panic!("validate panicked on {}", dir.display()));
    format!(
        "exit status: {}\n--- stdout ---\n{}--- stderr ---\n{}",
        run.status as u8, run.stdout, run.stderr
    )
}

fn assert_case(case: &str) {
    // Relative to the package root (cargo's working directory for tests), so
    // no absolute path ends up in a snapshot.
    let dir = Path::new("tests/fixtures/load_errors").join(case);
    assert!(dir.is_dir(), "no fixture {}", dir.display());
    let output = validate_in_process(&dir);
    assert!(
        output.starts_with("exit status: 2\n"),
        "{case} should be invalid:\n{output}"
    );
    insta::assert_snapshot!(case, output);
}

macro_rules! cases {
    ($($(#[$attr:meta])* $name:ident),* $(,)?) => {
        $(
            #[test]
            $(#[$attr])*
            fn $name() {
                assert_case(stringify!($name));
            }
        )*
    };
}

cases! {
    // Files and encodings.
    no_claims_directory,
    empty_file,
    invalid_utf8,
    // JSON syntax.
    trailing_comma,
    duplicate_key,
    deep_nesting,
    number_glued,
    unterminated_string,
    // The claim file's shape.
    source_missing,
    unknown_field,
    missing_field,
    wrong_type,
    claims_not_array,
    invalid_id,
    attribute_not_snake_case,
    empty_set,
    duplicate_claim_id,
    duplicate_source_id,
    many_errors,
    // Values (the grammar's errors, located in the file).
    value_bad_scale,
    value_impossible_date,
    value_reversed_range,
    value_mixed_unit_range,
    value_escaped_arabic,
    number_out_of_range,
    relative_date_without_published,
    // Documents and quotes.
    document_escaping,
    document_absolute,
    document_symlink_escape,
    document_missing,
    document_not_utf8,
    missing_quote,
    quote_not_found,
    // The registry and the settings.
    subjects_malformed,
    settings_syntax,
    settings_unknown_key,
    settings_bad_rate,
    settings_coverage_unknown_document,
}

/// Every fixture directory has a test above, so none is silently skipped.
#[test]
fn every_fixture_has_a_case() {
    let source = include_str!("validate.rs");
    let mut missing = Vec::new();
    for entry in std::fs::read_dir("tests/fixtures/load_errors").unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if !source.contains(&format!("    {name},\n")) {
            missing.push(name);
        }
    }
    assert!(missing.is_empty(), "fixtures without a case: {missing:?}");
}

fn crosscheck(args: &[&str]) -> String {
    transcript(&binary().args(args).output().expect("the binary runs"))
}

#[test]
fn cli_valid_project() {
    insta::assert_snapshot!(crosscheck(&["validate", "tests/fixtures/valid_project"]));
}

#[test]
fn cli_duplicate_source_id() {
    insta::assert_snapshot!(crosscheck(&[
        "validate",
        "tests/fixtures/load_errors/duplicate_source_id"
    ]));
}

#[test]
fn cli_deep_nesting_does_not_overflow_the_stack() {
    insta::assert_snapshot!(crosscheck(&[
        "validate",
        "tests/fixtures/load_errors/deep_nesting"
    ]));
}

#[test]
fn cli_missing_directory() {
    insta::assert_snapshot!(crosscheck(&["validate", "tests/fixtures/no/such/dir"]));
}

#[test]
fn cli_schema_is_the_committed_one() {
    let output = binary().arg("schema").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let committed = std::fs::read_to_string("docs/claims.schema.json").unwrap();
    assert_eq!(String::from_utf8(output.stdout).unwrap(), committed);
}

/// Every truncation of a valid claim file (cut inside strings, escapes,
/// multi-byte characters) is refused cleanly and renders without panicking.
#[test]
fn every_truncation_is_a_clean_error() {
    let text = "{\n  \"source\": { \"id\": \"s\", \"title\": \"كشف \\u0627\\\"x\" },\n  \"claims\": [\n    { \"id\": \"a\", \"subject\": \"صفقة\", \"attribute\": \"signed\", \"value\": [\"b\"], \"according_to\": [] }\n  ]\n}\n";
    assert!(crosscheck::load::parse_source_file("claims/s.json", text.as_bytes()).is_ok());
    let bytes = text.as_bytes();
    for end in 0..bytes.len() - 1 {
        let result = catch_unwind(|| {
            let failure = crosscheck::load::parse_source_file("claims/s.json", &bytes[..end])
                .err()
                .unwrap_or_else(|| panic!("a file cut at byte {end} loaded"));
            crosscheck::diagnostic::render_plain(&failure.diagnostics, &failure.files)
        });
        let rendered = result.unwrap_or_else(|_| panic!("panicked on the file cut at byte {end}"));
        assert!(rendered.starts_with("error["), "cut at {end}: {rendered}");
    }
}
