//! `crosscheck add`, end to end on a copy of `tests/fixtures/valid_project`:
//! both input forms, refusals (nothing written), byte-for-byte preservation
//! of the rest of the file, and concurrent writers.

// Helpers outside #[test] fns: a panic here is a failing test, not a user's crash.
#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use crate::harness::{binary, transcript};

const CLAIM_FILE: &str = "claims/tanja7.json";

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new("tests/fixtures/valid_project");
    for sub in ["", "claims"] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        for entry in std::fs::read_dir(from.join(sub)).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_file() {
                std::fs::copy(entry.path(), dir.path().join(sub).join(entry.file_name())).unwrap();
            }
        }
    }
    dir
}

/// Runs the binary in `dir`; returns exit status, stdout and stderr as text.
fn crosscheck(dir: &Path, args: &[&str], stdin: Option<&str>) -> String {
    let mut child = binary()
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    // The child may exit before reading stdin (a refused command line):
    // a closed pipe is then expected, not a failure of the test.
    match input.write_all(stdin.unwrap_or("").as_bytes()) {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => {}
        result => result.unwrap(),
    }
    drop(input);
    transcript(&child.wait_with_output().unwrap())
}

fn read(dir: &Path) -> String {
    std::fs::read_to_string(dir.join(CLAIM_FILE)).unwrap()
}

/// The text `after` has and `before` lacks, asserting that it is one
/// insertion: every other byte of `before` is still there, in place.
fn inserted(before: &str, after: &str) -> String {
    let prefix = before
        .bytes()
        .zip(after.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    let suffix = before[prefix..]
        .bytes()
        .rev()
        .zip(after[prefix..].bytes().rev())
        .take_while(|(a, b)| a == b)
        .count();
    assert_eq!(
        prefix + suffix,
        before.len(),
        "the rest of the file changed"
    );
    after[prefix..after.len() - suffix].to_owned()
}

#[test]
fn adds_from_flags() {
    let dir = project();
    let before = read(dir.path());
    let output = crosscheck(
        dir.path(),
        &[
            "add",
            "--source",
            "tanja7",
            "--id",
            "partners",
            "--subject",
            "صفقة باراك",
            "--attribute",
            "members",
            "--value",
            r#"["Morocco", "Israel"]"#,
            "--according-to",
            "Clash Report",
            "--according-to",
            "agenciaajn",
            "--note",
            "a \"quoted\" note",
        ],
        None,
    );
    insta::assert_snapshot!(output);
    insta::assert_snapshot!(inserted(&before, &read(dir.path())));
    insta::assert_snapshot!(crosscheck(dir.path(), &["validate"], None));
}

#[test]
fn adds_from_stdin() {
    let dir = project();
    let before = read(dir.path());
    let claim = r#"{"id": "unreadable-count", "subject": "Barak MX air-defence deal",
                    "attribute": "count", "value": null, "note": "digits lost"}"#;
    let output = crosscheck(
        dir.path(),
        &["add", ".", "--source", "tanja7", "--json", "-"],
        Some(claim),
    );
    insta::assert_snapshot!(output);
    insta::assert_snapshot!(inserted(&before, &read(dir.path())));
}

#[test]
fn refuses_a_duplicate_id_and_writes_nothing() {
    let dir = project();
    let before = read(dir.path());
    let output = crosscheck(
        dir.path(),
        &[
            "add",
            "--source",
            "tanja7",
            "--id",
            "deal-signed",
            "--subject",
            "x",
            "--attribute",
            "signed",
            "--value",
            "false",
        ],
        None,
    );
    insta::assert_snapshot!(output);
    assert_eq!(read(dir.path()), before);
}

#[test]
fn refuses_an_invalid_claim_from_stdin() {
    let dir = project();
    let before = read(dir.path());
    let output = crosscheck(
        dir.path(),
        &["add", "--source", "tanja7", "--json", "-"],
        Some(r#"{"id": "x", "subjet": "s", "attribute": "Count", "value": true}"#),
    );
    insta::assert_snapshot!(output);
    assert_eq!(read(dir.path()), before);
}

#[test]
fn refuses_malformed_stdin() {
    let dir = project();
    let output = crosscheck(
        dir.path(),
        &["add", "--source", "tanja7", "--json", "-"],
        Some("{\"id\": \"x\",}"),
    );
    insta::assert_snapshot!(output);
}

#[test]
fn refuses_an_unknown_source() {
    let dir = project();
    let output = crosscheck(
        dir.path(),
        &[
            "add",
            "--source",
            "tanja",
            "--id",
            "x",
            "--subject",
            "s",
            "--attribute",
            "signed",
            "--value",
            "true",
        ],
        None,
    );
    insta::assert_snapshot!(output);
}

#[test]
fn refuses_flags_mixed_with_json() {
    let dir = project();
    let output = crosscheck(
        dir.path(),
        &["add", "--source", "tanja7", "--json", "-", "--id", "x"],
        Some("{}"),
    );
    assert!(output.starts_with("exit status: 2\n"), "{output}");
}

/// Two processes adding 100 claims each to one file: the lock serialises
/// them, so all 200 claims are there and the file is valid.
#[test]
fn concurrent_adds_lose_nothing() {
    let dir = project();
    let writers: Vec<_> = ["a", "b"]
        .into_iter()
        .map(|writer| {
            let root = dir.path().to_path_buf();
            std::thread::spawn(move || {
                for i in 0..100 {
                    let id = format!("{writer}-{i:03}");
                    let output = binary()
                        .args([
                            "add",
                            "--source",
                            "tanja7",
                            "--id",
                            &id,
                            "--subject",
                            "Barak MX air-defence deal",
                            "--attribute",
                            "signed",
                            "--value",
                            "true",
                        ])
                        .current_dir(&root)
                        .output()
                        .unwrap();
                    assert!(
                        output.status.success(),
                        "{id}: {}",
                        String::from_utf8_lossy(&output.stderr)
                    );
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().unwrap();
    }
    let project = crosscheck::load::load_project(dir.path()).expect("the file is still valid");
    let ids: std::collections::BTreeSet<String> = project
        .claims()
        .map(|(_, c)| c.local_id().to_string())
        .collect();
    for writer in ["a", "b"] {
        for i in 0..100 {
            assert!(ids.contains(&format!("{writer}-{i:03}")));
        }
    }
    assert_eq!(ids.len(), 200 + 3);
}

/// A risky reading is added (it is valid) with a warning that proposes the
/// form probably meant; the other claims' warnings are not repeated.
#[test]
fn warns_about_a_risky_value_and_adds_it() {
    let dir = project();
    let output = crosscheck(
        dir.path(),
        &[
            "add",
            "--source",
            "tanja7",
            "--id",
            "toll",
            "--subject",
            "Derna flood",
            "--attribute",
            "deaths",
            "--value",
            "at least 3,958",
        ],
        None,
    );
    assert!(output.contains("warning[risky-value]"), "{output}");
    assert!(output.contains(r#"did you mean ">=3,958"?"#), "{output}");
    assert!(output.contains("added tanja7/toll"), "{output}");
    assert_eq!(output.matches("warning[").count(), 1, "{output}");
}
