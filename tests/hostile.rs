//! Hostile and odd input (issue 16): no hang, no quadratic blow-up, no
//! half-written report set, nothing read from outside the project. Every
//! hostile file is generated here at run time; every run of the binary is
//! bounded by a timeout, so a regression fails instead of hanging.

// Helpers outside #[test] fns: a panic here is a failing test, not a user's crash.
#![allow(clippy::unwrap_used)]

use std::io::Read;
use std::path::{Path, PathBuf};
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
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
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

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[allow(dead_code)]
fn root(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().to_path_buf()
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
