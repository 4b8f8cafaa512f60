//! Hostile and odd input (issue 16): no hang, no quadratic blow-up, no
//! half-written report set, nothing read from outside the project. Every
//! hostile file is generated here at run time; every run of the binary is
//! bounded by a timeout, so a regression fails instead of hanging.

// Helpers outside #[test] fns: a panic here is a failing test, not a user's crash.
#![allow(clippy::unwrap_used)]

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What one run of the binary did.
#[derive(Debug)]
struct Run {
    status: Option<i32>,
    stdout: String,
    stderr: String,
    took: Duration,
}

/// Runs `crosscheck args...` in `dir`; kills it and panics after `limit`.
fn crosscheck(dir: &Path, args: &[&str], limit: Duration) -> Run {
    crosscheck_with_stdin(dir, args, limit, None)
}

fn crosscheck_with_stdin(dir: &Path, args: &[&str], limit: Duration, stdin: Option<&str>) -> Run {
    let start = Instant::now();
    let mut child = crate::harness::binary()
        .args(args)
        .current_dir(dir)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(text) = stdin {
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    // Drain the pipes on threads so a large output cannot block the child.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        s
    });
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("crosscheck {args:?} did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let took = start.elapsed();
    Run {
        status: status.code(),
        stdout: String::from_utf8_lossy(&out_reader.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&err_reader.join().unwrap()).into_owned(),
        took,
    }
}

const LIMIT: Duration = Duration::from_secs(20);

/// A source's claim file with the given claims (JSON objects, as text).
fn source_json(id: &str, document: Option<&str>, claims: &[String]) -> String {
    let document = document.map_or(String::new(), |d| format!(",\n    \"document\": \"{d}\""));
    format!(
        "{{\n  \"source\": {{\n    \"id\": \"{id}\",\n    \"outlet\": \"Outlet {id}\",\n    \"title\": \"Title {id}\",\n    \"published\": \"2023\",\n    \"language\": \"en\",\n    \"url\": null{document}\n  }},\n  \"claims\": [\n{}\n  ]\n}}\n",
        claims.join(",\n")
    )
}

fn claim(id: &str, subject: &str, attribute: &str, value: &str) -> String {
    format!(
        "    {{\"id\": \"{id}\", \"subject\": \"{subject}\", \"attribute\": \"{attribute}\", \"value\": {value}}}"
    )
}

/// A project directory with `claims/` and the given files (path, text).
fn project(files: &[(&str, String)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("claims")).unwrap();
    for (path, text) in files {
        let full = dir.path().join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, text).unwrap();
    }
    dir
}

// 3. Errors on long lines.

#[test]
fn an_error_at_the_end_of_a_huge_one_line_file_shows_a_window() {
    // 8 MB on one line, the error (a trailing comma) at its end.
    let filler = "x".repeat(8 * 1024 * 1024);
    let text = format!(
        "{{\"source\": {{\"id\": \"a\", \"outlet\": \"A\", \"title\": \"{filler}\", \"published\": \"2023\", \"language\": \"en\", \"url\": null}}, \"claims\": [],}}"
    );
    let dir = project(&[("claims/a.json", text.clone())]);
    let run = crosscheck(dir.path(), &["validate"], LIMIT);
    assert_eq!(run.status, Some(2), "{}", run.stderr);
    assert!(
        run.stderr.len() < 4096,
        "stderr is {} bytes: {}",
        run.stderr.len(),
        &run.stderr[..run.stderr.len().min(2000)]
    );
    assert!(run.stderr.contains('…'), "{}", run.stderr);
    // The header still gives the column in the original line.
    let column = text.chars().count() - 1;
    assert!(
        run.stderr.contains(&format!("claims/a.json:1:{column}")),
        "{}",
        run.stderr
    );
    assert!(run.took < Duration::from_secs(10), "took {:?}", run.took);
}

/// A project of two sources agreeing on one value; `a` has a document.
fn small_project() -> tempfile::TempDir {
    project(&[
        (
            "claims/a.json",
            source_json(
                "a",
                None,
                &[claim("value", "Barak MX deal", "value", "\"500M USD\"")],
            ),
        ),
        (
            "claims/b.json",
            source_json(
                "b",
                None,
                &[claim("value", "Barak MX deal", "value", "\"500M USD\"")],
            ),
        ),
    ])
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

const ADD: &[&str] = &[
    "add",
    ".",
    "--source",
    "a",
    "--id",
    "signed",
    "--subject",
    "Barak MX deal",
    "--attribute",
    "signed",
    "--value",
    "true",
];

// 1. A FIFO, a dangling link, a loop: an error, never a hang or a silent skip.

#[test]
fn a_fifo_as_a_document_is_an_error_at_the_document_field() {
    let dir = project(&[(
        "claims/a.json",
        source_json(
            "a",
            Some("seeds/d.txt"),
            &[claim("value", "Barak MX deal", "value", "\"500M USD\"")],
        ),
    )]);
    std::fs::create_dir_all(dir.path().join("seeds")).unwrap();
    mkfifo(&dir.path().join("seeds/d.txt"));
    for args in [&["validate"][..], &["check"][..], ADD] {
        let run = crosscheck(dir.path(), args, LIMIT);
        assert_eq!(run.status, Some(2), "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains("FIFO") && run.stderr.contains("\"seeds/d.txt\""),
            "{args:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn a_fifo_socket_or_broken_link_as_a_claim_file_is_an_error() {
    let dir = small_project();
    let claims = dir.path().join("claims");
    mkfifo(&claims.join("fifo.json"));
    std::os::unix::fs::symlink("nowhere.json", claims.join("dangling.json")).unwrap();
    std::os::unix::fs::symlink("loop2.json", claims.join("loop1.json")).unwrap();
    std::os::unix::fs::symlink("loop1.json", claims.join("loop2.json")).unwrap();
    let _socket = std::os::unix::net::UnixListener::bind(claims.join("socket.json")).unwrap();
    for args in [&["validate"][..], &["check"][..], ADD] {
        let run = crosscheck(dir.path(), args, LIMIT);
        assert_eq!(run.status, Some(2), "{args:?}: {}", run.stderr);
        for (name, why) in [
            ("fifo.json", "FIFO"),
            ("socket.json", "socket"),
            ("dangling.json", "leads nowhere"),
            ("loop1.json", "leads nowhere"),
        ] {
            assert!(
                run.stderr
                    .contains(&format!("cannot read claims/{name}: a"))
                    && run.stderr.contains(why),
                "{args:?} {name}: {}",
                run.stderr
            );
        }
    }
}

#[test]
fn a_fifo_as_crosscheck_toml_is_an_error() {
    let dir = small_project();
    mkfifo(&dir.path().join("crosscheck.toml"));
    let run = crosscheck(dir.path(), &["validate"], LIMIT);
    assert_eq!(run.status, Some(2), "{}", run.stderr);
    assert!(
        run.stderr.contains("cannot read crosscheck.toml: a FIFO"),
        "{}",
        run.stderr
    );
}

// 6. Nothing read from outside the project.

#[test]
fn claim_files_and_settings_linked_out_of_the_project_are_refused_unread() {
    let outside = tempfile::tempdir().unwrap();
    let secret = "SECRET-CONTENT-42";
    std::fs::write(
        outside.path().join("c.json"),
        format!("{{\"source\": {secret}}}"),
    )
    .unwrap();
    std::fs::write(
        outside.path().join("crosscheck.toml"),
        format!("{secret} = "),
    )
    .unwrap();
    let dir = small_project();
    std::os::unix::fs::symlink(
        outside.path().join("c.json"),
        dir.path().join("claims/c.json"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("crosscheck.toml"),
        dir.path().join("crosscheck.toml"),
    )
    .unwrap();
    let run = crosscheck(dir.path(), &["validate"], LIMIT);
    assert_eq!(run.status, Some(2), "{}", run.stderr);
    assert!(!run.stderr.contains(secret), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("cannot read claims/c.json: a symbolic link leads out of the project"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("cannot read crosscheck.toml: a symbolic link leads out of the project"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_claim_file_linked_inside_the_project_is_read() {
    let dir = small_project();
    std::fs::create_dir_all(dir.path().join("sources")).unwrap();
    std::fs::rename(
        dir.path().join("claims/b.json"),
        dir.path().join("sources/b.json"),
    )
    .unwrap();
    std::os::unix::fs::symlink("../sources/b.json", dir.path().join("claims/b.json")).unwrap();
    let run = crosscheck(dir.path(), &["validate"], LIMIT);
    assert_eq!(run.status, Some(0), "{}", run.stderr);
}

// 5. The report set is written all or nothing.

#[test]
fn a_failed_write_replaces_no_report_and_names_the_report() {
    let dir = small_project();
    let first = crosscheck(dir.path(), &["check"], LIMIT);
    assert_eq!(first.status, Some(0), "{}", first.stderr);
    let reports = dir.path().join("reports");
    let read = |name: &str| std::fs::read(reports.join(name)).unwrap();
    let old: Vec<Vec<u8>> = ["report.md", "report.json", "report.html"]
        .iter()
        .map(|n| read(n))
        .collect();
    // The HTML report is the largest; a file-size limit between it and
    // the others fails its write as a full disk would, after the others
    // were written.
    assert!(old[2].len() > 4 * old[0].len().max(old[1].len()));
    std::fs::write(
        dir.path().join("claims/b.json"),
        source_json(
            "b",
            None,
            &[claim("value", "Barak MX deal", "value", "\"600M USD\"")],
        ),
    )
    .unwrap();
    let limit_blocks = (old[0].len().max(old[1].len()) * 2) / 512 + 4;
    assert!(limit_blocks * 512 < old[2].len());
    let script = format!("trap '' XFSZ; ulimit -f {limit_blocks}; exec \"$0\" check");
    let start = Instant::now();
    let output = Command::new("sh")
        .args(["-c", &script, env!("CARGO_BIN_EXE_crosscheck")])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(start.elapsed() < LIMIT);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("reports/report.html"), "{stderr}");
    assert!(!stderr.contains(".tmp"), "{stderr}");
    for (name, old) in ["report.md", "report.json", "report.html"].iter().zip(&old) {
        assert_eq!(&read(name), old, "{name} was replaced");
    }
    let names: Vec<String> = std::fs::read_dir(&reports)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
}

// 11. File modes, leftovers, links.

#[test]
fn new_reports_get_the_mode_the_umask_gives() {
    use std::os::unix::fs::PermissionsExt;
    let dir = small_project();
    let output = Command::new("sh")
        .args([
            "-c",
            "umask 022; exec \"$0\" check",
            env!("CARGO_BIN_EXE_crosscheck"),
        ])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    for name in ["report.md", "report.json", "report.html"] {
        let mode = std::fs::metadata(dir.path().join("reports").join(name))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o644, "{name}");
    }
}

#[test]
fn add_removes_the_temporary_files_a_killed_add_left() {
    let dir = small_project();
    // What `add` killed between its write and its rename leaves.
    let stale = dir.path().join("claims/.a.json.4242.tmp");
    std::fs::write(&stale, "half a file").unwrap();
    let run = crosscheck(dir.path(), ADD, LIMIT);
    assert_eq!(run.status, Some(0), "{}", run.stderr);
    assert!(!stale.exists());
    let names: Vec<String> = std::fs::read_dir(dir.path().join("claims"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.contains("tmp"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn add_killed_at_random_leaves_nothing_a_rerun_keeps() {
    let dir = small_project();
    for i in 0..20 {
        let mut child = crate::harness::binary()
            .args([
                "add",
                ".",
                "--source",
                "a",
                "--id",
                &format!("k{i}"),
                "--subject",
                "Barak MX deal",
                "--attribute",
                "signed",
                "--value",
                "true",
            ])
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(300 * (i % 7)));
        let _ = child.kill();
        let _ = child.wait();
    }
    let run = crosscheck(dir.path(), ADD, LIMIT);
    assert_eq!(run.status, Some(0), "{}", run.stderr);
    let names: Vec<String> = std::fs::read_dir(dir.path().join("claims"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.contains("tmp"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn add_writes_through_a_linked_claim_file_to_its_target() {
    let dir = small_project();
    std::fs::create_dir_all(dir.path().join("sources")).unwrap();
    std::fs::rename(
        dir.path().join("claims/a.json"),
        dir.path().join("sources/a.json"),
    )
    .unwrap();
    std::os::unix::fs::symlink("../sources/a.json", dir.path().join("claims/a.json")).unwrap();
    let run = crosscheck(dir.path(), ADD, LIMIT);
    assert_eq!(run.status, Some(0), "{}", run.stderr);
    let link = std::fs::symlink_metadata(dir.path().join("claims/a.json")).unwrap();
    assert!(link.file_type().is_symlink());
    let target = std::fs::read_to_string(dir.path().join("sources/a.json")).unwrap();
    assert!(target.contains("\"signed\""), "{target}");
}

// 2. The closest-passage search is bounded.

/// Runs `f` on a thread; panics when it takes longer than `limit` (the
/// thread is left behind and ends with the test process).
fn within<T: Send + 'static>(limit: Duration, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(f());
    });
    receive
        .recv_timeout(limit)
        .unwrap_or_else(|_| panic!("did not finish within {limit:?}"))
}

/// `n` words from a small vocabulary, pseudo-random (a fixed LCG).
fn words(n: usize, seed: u64) -> Vec<String> {
    const VOCABULARY: &[&str] = &[
        "the", "of", "and", "a", "to", "in", "is", "was", "that", "for", "deal", "million", "army",
        "defence", "signed", "with", "by", "on", "said", "minister",
    ];
    let mut state = seed;
    (0..n)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            VOCABULARY[(state >> 33) as usize % VOCABULARY.len()].to_owned()
        })
        .collect()
}

#[test]
fn a_megabyte_quote_missing_from_a_megabyte_document_is_answered_quickly() {
    let document = words(250_000, 1).join(" ");
    let quote = words(250_000, 2).join(" ");
    assert!(document.len() > 1_000_000 && quote.len() > 1_000_000);
    let missing = within(Duration::from_secs(30), move || {
        crosscheck::text::quote::locate(&document, &quote)
    })
    .unwrap_err();
    assert!(missing.similarity > 0.5, "{missing:?}");
}

#[test]
fn a_long_quote_with_common_words_finds_its_passage_quickly() {
    // The probe's case: a 1,000-character quote not in a 136 KB document
    // full of the quote's common words.
    let mut document = words(25_000, 3);
    // Rare words between a word the whole document is full of.
    let planted: Vec<String> = (0..200)
        .map(|i| {
            if i % 2 == 0 {
                "the".to_owned()
            } else {
                format!("rare{i:03}")
            }
        })
        .collect();
    let at = 12_000;
    document.splice(at..at, planted.iter().cloned());
    let document = document.join(" ");
    // The passage with every tenth word changed and common words between.
    let mut quote: Vec<String> = Vec::new();
    for (i, word) in planted.iter().enumerate() {
        quote.push(if i % 10 == 1 {
            "changed".to_owned()
        } else {
            word.clone()
        });
    }
    let quote = quote.join(" ");
    assert!(quote.len() > 1_000);
    let planted_text = planted.join(" ");
    let expected = document.find(&planted_text).unwrap();
    let doc = document.clone();
    let missing = within(Duration::from_secs(10), move || {
        crosscheck::text::quote::locate(&doc, &quote)
    })
    .unwrap_err();
    // The closest passage is the planted one (give or take a word).
    let closest = missing.closest.clone();
    assert!(
        closest.start.abs_diff(expected) < 8
            && closest.end.abs_diff(expected + planted_text.len()) < 16,
        "{closest:?} vs {expected}: {}",
        &document[closest.clone()]
    );
}

// 4. Numbers that silently became text.

#[test]
fn typographic_numbers_are_compared_and_invisible_characters_refused() {
    for (written, other) in [
        ("\u{2212}5 %", "10 %"),
        ("\u{2013}5 %", "10 %"),
        ("５００M USD", "600M USD"),
    ] {
        let dir = project(&[
            (
                "claims/a.json",
                source_json(
                    "a",
                    None,
                    &[claim("v", "Deal", "value", &format!("\"{written}\""))],
                ),
            ),
            (
                "claims/b.json",
                source_json(
                    "b",
                    None,
                    &[claim("v", "Deal", "value", &format!("\"{other}\""))],
                ),
            ),
        ]);
        let run = crosscheck(dir.path(), &["check", "--format", "text"], LIMIT);
        assert_eq!(
            run.status,
            Some(1),
            "{written}: {}{}",
            run.stdout,
            run.stderr
        );
        assert!(
            run.stdout.contains("contradiction"),
            "{written}: {}",
            run.stdout
        );
    }
    for written in ["\u{202E}500M USD", "\u{200B}500M USD"] {
        let dir = project(&[(
            "claims/a.json",
            source_json(
                "a",
                None,
                &[claim("v", "Deal", "value", &format!("\"{written}\""))],
            ),
        )]);
        let run = crosscheck(dir.path(), &["validate"], LIMIT);
        assert_eq!(run.status, Some(2), "{written:?}: {}", run.stderr);
        assert!(run.stderr.contains("invisible"), "{}", run.stderr);
    }
}

// 7. Ids.

#[test]
fn ids_hold_only_letters_digits_hyphens_and_underscores() {
    for bad in ["a\\u0000b", "a\u{200B}b", "a\u{202E}b", "a.b"] {
        let dir = project(&[(
            "claims/a.json",
            source_json("a", None, &[claim(bad, "Deal", "value", "\"500M USD\"")]),
        )]);
        let run = crosscheck(dir.path(), &["validate"], LIMIT);
        assert_eq!(run.status, Some(2), "{bad:?}: {}", run.stderr);
        assert!(run.stderr.contains("invalid-id"), "{bad:?}: {}", run.stderr);
        let dir = project(&[(
            "claims/a.json",
            source_json(bad, None, &[claim("v", "Deal", "value", "\"500M USD\"")]),
        )]);
        let run = crosscheck(dir.path(), &["validate"], LIMIT);
        assert_eq!(run.status, Some(2), "{bad:?}: {}", run.stderr);
        assert!(run.stderr.contains("invalid-id"), "{bad:?}: {}", run.stderr);
    }
    let dir = project(&[(
        "claims/a.json",
        source_json(
            "tanja_7-ب",
            None,
            &[claim("قيمة-1", "Deal", "value", "\"500M USD\"")],
        ),
    )]);
    let run = crosscheck(dir.path(), &["validate"], LIMIT);
    assert_eq!(run.status, Some(0), "{}", run.stderr);
}

// 8. Currency codes in rates.

#[test]
fn unknown_and_withdrawn_currency_codes_in_rates_are_refused() {
    for code in ["QQQ", "HRK"] {
        let mut dir_files = vec![(
            "claims/a.json",
            source_json("a", None, &[claim("v", "Deal", "value", "\"500M USD\"")]),
        )];
        dir_files.push(("crosscheck.toml", format!("[rates.2023]\n{code} = 1.5\n")));
        let dir = project(&dir_files);
        let run = crosscheck(dir.path(), &["validate"], LIMIT);
        assert_eq!(run.status, Some(2), "{code}: {}", run.stderr);
        assert!(
            run.stderr
                .contains(&format!("`{code}` is not a current ISO 4217 currency code")),
            "{}",
            run.stderr
        );
    }
}

// 12. Registry conflicts.

#[test]
fn a_name_under_two_registry_entries_is_an_error_naming_both() {
    let registries = [
        r#"{"subjects": [{"name": "Barak MX", "aliases": ["Barak"]}, {"name": "Barak 8", "aliases": ["barak"]}]}"#,
        r#"{"subjects": [{"name": "Barak MX", "aliases": ["Barak 8"]}, {"name": "Barak 8", "aliases": ["Barak MX"]}]}"#,
    ];
    for registry in registries {
        let dir = project(&[
            (
                "claims/a.json",
                source_json(
                    "a",
                    None,
                    &[claim("v", "Barak MX", "value", "\"500M USD\"")],
                ),
            ),
            ("claims/subjects.json", registry.to_owned()),
        ]);
        let run = crosscheck(dir.path(), &["validate"], LIMIT);
        assert_eq!(run.status, Some(2), "{registry}: {}", run.stderr);
        assert!(
            run.stderr.contains("duplicate-registry-name"),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr.contains("given again here")
                && run.stderr.contains("first given here, under another entry"),
            "{}",
            run.stderr
        );
    }
}

// 13. Calendar range.

#[test]
fn dates_outside_0000_to_9999_are_refused() {
    for (published, value) in [
        ("2023", "published-99999999y"),
        ("9999-12-31", "published+1d"),
        ("2023", "~9999-12-31"),
    ] {
        let text = source_json(
            "a",
            None,
            &[claim("d", "Deal", "signed_on", &format!("\"{value}\""))],
        )
        .replace(
            "\"published\": \"2023\"",
            &format!("\"published\": \"{published}\""),
        );
        let dir = project(&[("claims/a.json", text)]);
        let run = crosscheck(dir.path(), &["validate"], LIMIT);
        assert_eq!(run.status, Some(2), "{value}: {}", run.stderr);
        assert!(run.stderr.contains("0000-9999"), "{value}: {}", run.stderr);
    }
    let text = source_json(
        "a",
        None,
        &[claim("d", "Deal", "signed_on", "\"9999-12-31\"")],
    );
    let dir = project(&[("claims/a.json", text)]);
    let run = crosscheck(dir.path(), &["validate"], LIMIT);
    assert_eq!(run.status, Some(0), "{}", run.stderr);
}

// 10. Bidi controls and bare URLs in the HTML and Markdown reports.

#[test]
fn reports_show_bidi_controls_and_make_no_links() {
    let subject = "Deal \u{202E}reversed\u{202C} here";
    let url = "https://example.com/a/very/long/path?x=1";
    let dir = project(&[
        (
            "claims/a.json",
            source_json(
                "a",
                None,
                &[
                    claim("v", subject, "value", "\"500M USD\""),
                    claim("u", subject, "link", &format!("\"{url}\"")),
                    claim("w", subject, "site", "\"www.example.com\""),
                    claim("m", subject, "mail", "\"press@example.com\""),
                ],
            ),
        ),
        (
            "claims/b.json",
            source_json(
                "b",
                None,
                &[
                    claim("v", subject, "value", "\"600M USD\""),
                    claim("u", subject, "link", "\"https://other.example.org/\""),
                    claim("w", subject, "site", "\"www.other.org\""),
                    claim("m", subject, "mail", "\"desk@other.org\""),
                ],
            ),
        ),
    ]);
    let run = crosscheck(dir.path(), &["check", "--fail-on", "never"], LIMIT);
    assert_eq!(run.status, Some(0), "{}", run.stderr);
    for name in ["report.md", "report.html"] {
        let text = std::fs::read_to_string(dir.path().join("reports").join(name)).unwrap();
        assert!(!text.contains('\u{202E}'), "{name} holds U+202E");
        assert!(text.contains("u{202e}"), "{name} does not show U+202E");
    }
    let markdown = std::fs::read_to_string(dir.path().join("reports/report.md")).unwrap();
    for trigger in ["https://", "www.example", "press@"] {
        assert!(!markdown.contains(trigger), "report.md holds {trigger}");
    }
    assert!(
        markdown.contains("https:<span></span>//example.com"),
        "{markdown}"
    );
}
