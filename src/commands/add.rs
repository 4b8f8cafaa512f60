//! `crosscheck add`: add one claim to a source's claim file.
//!
//! The claim is validated with the whole project as it would be with the
//! claim (same diagnostics as `validate`, exit 2), so a duplicate id, a bad
//! value or a quote not in the document is refused before anything is
//! written. The file is changed under an exclusive lock on a lock file beside
//! it (`claims/<name>.json.lock`), re-read under the lock, and written
//! atomically (a temporary file in the same directory, fsync, rename); the
//! new claim's text is inserted before the closing `]` of `"claims"` and
//! every other byte of the file is kept.

use crate::atomic_file::{remove_stale_temporaries, write_atomically};
use crate::load::regular_file::read_project_file;
use std::fs::OpenOptions;

use crate::path_error::at;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::{Console, ExitStatus};
use crate::diagnostic::{self, Diagnostic, DiagnosticCode, Label};
use crate::load::json::{self, Json, JsonKind};
use crate::load::{self, LoadFailure};
use crate::model::{Files, Span};

#[derive(Debug, clap::Args)]
#[command(after_help = r#"Examples:
  crosscheck add --source tanja7 --id air-defence-value \
      --subject "Barak MX air-defence deal" --attribute value --value "~500M USD" \
      --quote "بقيمة تقارب 500 مليون دولار" --according-to "Clash Report"

  echo '{"id": "signed", "subject": "Barak MX air-defence deal",
         "attribute": "signed", "value": true, "quote": "..."}' \
    | crosscheck add cases/morocco --source tanja7 --json -

--value is read as JSON when it is a JSON number, true, false, null or an
array (["Morocco", "Israel"]); anything else is a string. To force a
string that looks like a number, quote it as JSON: --value '"2020"'.

Exit status: 0 when added, 2 when the claim (or the project with it) is
invalid; nothing is written then."#)]
pub struct Args {
    /// The project directory (the one holding claims/).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// The id of the source to add the claim to (its `source.id`).
    #[arg(long)]
    pub source: String,
    /// The claim's id, unique within the source.
    #[arg(long, required_unless_present = "json")]
    pub id: Option<String>,
    #[arg(long, required_unless_present = "json")]
    pub subject: Option<String>,
    /// A snake_case name: value, date, signed, range_km...
    #[arg(long, required_unless_present = "json")]
    pub attribute: Option<String>,
    /// The value: "~500M USD", "2020-12", 3, true, null, '["a", "b"]'.
    #[arg(long, required_unless_present = "json", allow_hyphen_values = true)]
    pub value: Option<String>,
    /// Verbatim text of the source's document supporting the claim.
    #[arg(long)]
    pub quote: Option<String>,
    /// The time the claim is about (a date expression).
    #[arg(long = "as-of", allow_hyphen_values = true)]
    pub as_of: Option<String>,
    /// Whom the source attributes the claim to (repeatable).
    #[arg(long = "according-to")]
    pub according_to: Vec<String>,
    #[arg(long)]
    pub note: Option<String>,
    /// Read the claim as one JSON object from standard input (`--json -`).
    #[arg(
        long,
        value_name = "-",
        value_parser = clap::builder::PossibleValuesParser::new(["-"]),
        conflicts_with_all = ["id", "subject", "attribute", "value", "quote", "as_of", "according_to", "note"]
    )]
    pub json: Option<String>,
}

/// The claim's fields as JSON text, in the order they are written.
pub type Members = Vec<(String, String)>;

pub fn run(args: &Args, console: &mut Console<'_>) -> io::Result<ExitStatus> {
    let members = match claim_members(args, console)? {
        Ok(members) => members,
        Err(failure) => return report(&failure, console),
    };
    let Some(claim_id) = members
        .iter()
        .find(|(key, _)| key == "id")
        .and_then(|(_, text)| json::parse(text).ok())
        .and_then(|j| j.as_str().map(|s| s.value.to_string()))
    else {
        // Without an id the validation below names the problem.
        return add_locked(args, &members, "?", console);
    };
    add_locked(args, &members, &claim_id, console)
}

fn add_locked(
    args: &Args,
    members: &Members,
    claim_id: &str,
    console: &mut Console<'_>,
) -> io::Result<ExitStatus> {
    let path = match find_source_file(&args.dir, &args.source) {
        Ok(path) => path,
        Err(failure) => return report(&failure, console),
    };
    // Not a regular file inside the project (a FIFO, a link out of it):
    // report it as `validate` would, before creating anything beside it.
    let canonical_root = args.dir.canonicalize().ok();
    if read_project_file(canonical_root.as_deref(), &path).is_err() {
        return match load::load_project(&args.dir) {
            Err(failure) => report(&failure, console),
            Ok(_) => Err(io::Error::other(format!("cannot read {}", path.display()))),
        };
    }
    // A claim file that is a symbolic link (inside the project, as just
    // checked) is written through to its target; the lock and the
    // temporary file are the target's.
    let target = path.canonicalize().unwrap_or_else(|_| path.clone());
    let lock_path = target.with_extension("json.lock");
    let lock = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(at(&lock_path))?;
    lock.lock().map_err(at(&lock_path))?;
    // Under the lock no other `add` is between its write and its rename:
    // a temporary file beside the target is a killed run's leftover.
    remove_stale_temporaries(&target).map_err(at(&target))?;

    // Re-read under the lock: another `add` may have written since.
    let bytes = match read_project_file(canonical_root.as_deref(), &path) {
        Ok(bytes) => bytes,
        Err(_) => {
            return match load::load_project(&args.dir) {
                Err(failure) => report(&failure, console),
                Ok(_) => Err(io::Error::other(format!("cannot read {}", path.display()))),
            };
        }
    };
    let new_text = match insert_claim(&bytes, members) {
        Some(text) => text,
        None => {
            // The file itself is broken: report it as `validate` would.
            return match load::load_project(&args.dir) {
                Err(failure) => report(&failure, console),
                Ok(_) => Err(io::Error::other(format!(
                    "{} has no \"claims\" array to add to",
                    path.display()
                ))),
            };
        }
    };
    let project = match load::load_project_with(&args.dir, Some((&path, new_text.as_bytes()))) {
        Ok(project) => project,
        Err(failure) => return report(&failure, console),
    };
    // The new claim's warnings (a risky reading of its value): those in
    // its file past the point where the old text and the new one part.
    let parted = bytes
        .iter()
        .zip(new_text.as_bytes())
        .take_while(|(a, b)| a == b)
        .count();
    let file_name = format!(
        "claims/{}",
        path.file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    );
    let own: Vec<diagnostic::Diagnostic> = project
        .warnings
        .iter()
        .filter(|w| {
            w.labels.first().is_some_and(|l| {
                project.files.name(l.span.file) == file_name && l.span.bytes.start >= parted
            })
        })
        .cloned()
        .collect();
    diagnostic::render(
        &own,
        &project.files,
        console.stderr_is_terminal,
        console.stderr,
    )?;
    write_atomically(&target, new_text.as_bytes())?;
    drop(lock);
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    writeln!(
        console.stdout,
        "added {}/{claim_id} to claims/{name}",
        args.source
    )?;
    Ok(ExitStatus::Success)
}

fn report(failure: &LoadFailure, console: &mut Console<'_>) -> io::Result<ExitStatus> {
    console.refuse(failure)
}

/// The claim's members from the flags, or from the JSON object on stdin.
fn claim_members(
    args: &Args,
    console: &mut Console<'_>,
) -> io::Result<Result<Members, LoadFailure>> {
    if args.json.is_some() {
        let mut text = String::new();
        console.stdin.read_to_string(&mut text)?;
        return Ok(members_from_json(&text));
    }
    let mut members = Vec::new();
    let mut put = |key: &str, value: Option<String>| {
        if let Some(value) = value {
            members.push((key.to_owned(), value));
        }
    };
    let string = |s: &Option<String>| s.as_deref().map(json::quote_string);
    put("id", string(&args.id));
    put("subject", string(&args.subject));
    put("attribute", string(&args.attribute));
    put("value", args.value.as_deref().map(value_literal));
    put("quote", string(&args.quote));
    put("as_of", string(&args.as_of));
    if !args.according_to.is_empty() {
        let names: Vec<String> = args
            .according_to
            .iter()
            .map(|n| json::quote_string(n))
            .collect();
        put("according_to", Some(format!("[{}]", names.join(", "))));
    }
    put("note", string(&args.note));
    Ok(Ok(members))
}

/// `--value`: a JSON number, boolean, null or array as itself; a JSON string
/// literal as its contents; anything else as a string.
pub(crate) fn value_literal(text: &str) -> String {
    match json::parse(text.trim()) {
        Ok(parsed) => match &parsed.kind {
            JsonKind::String(s) => json::quote_string(&s.value),
            JsonKind::Object(_) => json::quote_string(text),
            _ => compact(&parsed),
        },
        Err(_) => json::quote_string(text),
    }
}

fn members_from_json(text: &str) -> Result<Members, LoadFailure> {
    let mut files = Files::default();
    let file = files.add("<stdin>", text);
    let fail = |files: Files, diagnostic: Diagnostic| LoadFailure {
        diagnostics: vec![diagnostic],
        files,
    };
    let parsed = match json::parse(text) {
        Ok(parsed) => parsed,
        Err(error) => {
            let mut diagnostic =
                Diagnostic::error(error.code, error.message).with_label(Label::primary(
                    Span {
                        file,
                        bytes: error.span,
                    },
                    error.label,
                ));
            if let Some(help) = error.help {
                diagnostic = diagnostic.with_help(help);
            }
            return Err(fail(files, diagnostic));
        }
    };
    let Some(object) = parsed.as_object() else {
        let diagnostic = Diagnostic::error(
            DiagnosticCode::WrongType,
            format!(
                "--json - reads one claim object, not {}",
                parsed.type_name()
            ),
        )
        .with_label(Label::primary(
            Span {
                file,
                bytes: parsed.span.clone(),
            },
            "expected { \"id\": ..., \"subject\": ..., ... }",
        ));
        return Err(fail(files, diagnostic));
    };
    Ok(object
        .iter()
        .map(|m| (m.key.value.to_string(), compact(&m.value)))
        .collect())
}

/// A JSON value on one line (arrays and objects included), strings as UTF-8.
pub(crate) fn compact(value: &Json) -> String {
    match &value.kind {
        JsonKind::Null => "null".into(),
        JsonKind::Bool(b) => b.to_string(),
        JsonKind::Number(literal) => (*literal).to_owned(),
        JsonKind::String(s) => json::quote_string(&s.value),
        JsonKind::Array(items) => format!(
            "[{}]",
            items.iter().map(compact).collect::<Vec<_>>().join(", ")
        ),
        JsonKind::Object(members) => format!(
            "{{{}}}",
            members
                .iter()
                .map(|m| format!(
                    "{}: {}",
                    json::quote_string(&m.key.value),
                    compact(&m.value)
                ))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// The claim file whose `source.id` is `source`.
fn find_source_file(root: &Path, source: &str) -> Result<PathBuf, LoadFailure> {
    let claims = root.join("claims");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&claims)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.extension().is_some_and(|e| e == "json")
                        && p.file_name().is_some_and(|n| n != "subjects.json")
                })
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    let canonical_root = root.canonicalize().ok();
    let mut known = Vec::new();
    for path in paths {
        // A file that cannot be read (a FIFO, a link out of the project) is
        // skipped here; loading the project reports it.
        let Ok(bytes) = read_project_file(canonical_root.as_deref(), &path) else {
            continue;
        };
        let Some(id) = json::decode_utf8(&bytes)
            .ok()
            .and_then(|text| json::parse(text).ok())
            .and_then(|root| source_id(&root))
        else {
            continue;
        };
        if id == source {
            return Ok(path);
        }
        known.push(id);
    }
    if !claims.is_dir() {
        // load_project names the problem (no claims/ directory).
        return Err(load::load_project(root).err().unwrap_or(LoadFailure {
            diagnostics: Vec::new(),
            files: Files::default(),
        }));
    }
    known.sort();
    let mut diagnostic = Diagnostic::error(
        DiagnosticCode::UnknownSource,
        format!("no claim file has the source id `{source}`"),
    );
    let candidates: Vec<&str> = known.iter().map(String::as_str).collect();
    if let Some(close) = candidates
        .iter()
        .map(|k| (strsim::jaro_winkler(source, k), *k))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
    {
        diagnostic = diagnostic.with_help(format!("did you mean `{}`?", close.1));
    }
    diagnostic = if known.is_empty() {
        diagnostic.with_help(
            "create claims/<name>.json with a \"source\" first (see docs/claim-format.md)",
        )
    } else {
        diagnostic.with_note(format!("the sources are: {}", known.join(", ")))
    };
    Err(LoadFailure {
        diagnostics: vec![diagnostic],
        files: Files::default(),
    })
}

pub(crate) fn source_id(root: &Json) -> Option<String> {
    let source = root.as_object()?.iter().find(|m| m.key.value == "source")?;
    let id = source
        .value
        .as_object()?
        .iter()
        .find(|m| m.key.value == "id")?;
    id.value.as_str().map(|s| s.value.to_string())
}

/// The file with the claim inserted before the closing `]` of `"claims"`,
/// indented like the claims already there. `None` when the file has no
/// `"claims"` array (the caller reports the file as `validate` would).
pub fn insert_claim(bytes: &[u8], members: &Members) -> Option<String> {
    insert_claims(bytes, std::slice::from_ref(members)).map(|inserted| inserted.text)
}

/// A claim file with claims inserted, and where each landed.
#[derive(Debug, Clone)]
pub struct Inserted {
    pub text: String,
    /// Per inserted claim, in order: its object's byte range in `text`, and
    /// each member's value range (in member order).
    pub claims: Vec<(Range<usize>, Vec<Range<usize>>)>,
}

/// [`insert_claim`] for many claims at once, in order, after the last
/// claim already there (`crosscheck import` adds thousands to one file:
/// one parse, not one per claim).
pub fn insert_claims(bytes: &[u8], claims: &[Members]) -> Option<Inserted> {
    let text = json::decode_utf8(bytes).ok()?;
    // A byte-order mark is kept: `decode_utf8` dropped it from `text`.
    let bom = &bytes[..bytes.len() - text.len()];
    let root = json::parse(text).ok()?;
    let array = root.as_object()?.iter().find(|m| m.key.value == "claims")?;
    let JsonKind::Array(items) = &array.value.kind else {
        return None;
    };
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let unit = indent_unit(text, &root);
    let mut out = String::with_capacity(text.len() + 256 * claims.len());
    out.push_str(&String::from_utf8_lossy(bom));
    let mut inserted = Vec::with_capacity(claims.len());
    let mut render_all =
        |out: &mut String, indent: &str, member_indent: &str, mut leading_comma: bool| {
            for members in claims {
                if leading_comma {
                    out.push(',');
                }
                leading_comma = true;
                out.push_str(newline);
                out.push_str(indent);
                let start = out.len();
                let mut values = Vec::with_capacity(members.len());
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(newline);
                    out.push_str(member_indent);
                    out.push_str(&json::quote_string(key));
                    out.push_str(": ");
                    values.push(out.len()..out.len() + value.len());
                    out.push_str(value);
                }
                out.push_str(newline);
                out.push_str(indent);
                out.push('}');
                inserted.push((start..out.len(), values));
            }
        };
    match items.last() {
        Some(last) => {
            let indent = line_indent(text, last.span.start).unwrap_or_else(|| {
                format!("{}{unit}", line_indent_any(text, array.key.span.start))
            });
            let member_indent = last
                .as_object()
                .and_then(|m| m.first())
                .and_then(|m| line_indent(text, m.key.span.start))
                .filter(|i| i.len() > indent.len())
                .unwrap_or_else(|| format!("{indent}{unit}"));
            out.push_str(&text[..last.span.end]);
            render_all(&mut out, &indent, &member_indent, true);
            out.push_str(&text[last.span.end..]);
        }
        None => {
            let key_indent = line_indent_any(text, array.key.span.start);
            let indent = format!("{key_indent}{unit}");
            let member_indent = format!("{indent}{unit}");
            let open = array.value.span.start + 1;
            let close = array.value.span.end - 1;
            out.push_str(&text[..open]);
            render_all(&mut out, &indent, &member_indent, false);
            out.push_str(newline);
            out.push_str(&key_indent);
            out.push_str(&text[close..]);
        }
    }
    Some(Inserted {
        text: out,
        claims: inserted,
    })
}

/// The white space before `at` when it is the first thing on its line.
fn line_indent(text: &str, at: usize) -> Option<String> {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..at];
    before
        .chars()
        .all(|c| c == ' ' || c == '\t')
        .then(|| before.to_owned())
}

/// The leading white space of the line holding `at`.
fn line_indent_any(text: &str, at: usize) -> String {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect()
}

/// One level of indentation as the file writes it: the indentation of the
/// top-level object's first key, else two spaces.
fn indent_unit(text: &str, root: &Json) -> String {
    root.as_object()
        .and_then(|m| m.first())
        .and_then(|m| line_indent(text, m.key.span.start))
        .filter(|i| !i.is_empty())
        .unwrap_or_else(|| "  ".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn members() -> Members {
        vec![
            ("id".into(), "\"new\"".into()),
            ("value".into(), "true".into()),
        ]
    }

    #[test]
    fn inserts_after_the_last_claim_with_its_indentation() {
        let text = "{\n    \"source\": {\"id\": \"s\"},\n    \"claims\": [\n        {\n            \"id\": \"a\"\n        }\n    ]\n}\n";
        let out = insert_claim(text.as_bytes(), &members()).unwrap();
        insta::assert_snapshot!(out);
        assert!(out.starts_with(&text[..text.find("        }").unwrap() + 9]));
    }

    #[test]
    fn fills_an_empty_array() {
        let text = "{\n  \"source\": {\"id\": \"s\"},\n  \"claims\": []\n}\n";
        insta::assert_snapshot!(insert_claim(text.as_bytes(), &members()).unwrap());
    }

    #[test]
    fn keeps_crlf_and_a_byte_order_mark() {
        let text = "\u{feff}{\r\n  \"source\": {\"id\": \"s\"},\r\n  \"claims\": [\r\n    {\"id\": \"a\"}\r\n  ]\r\n}\r\n";
        let out = insert_claim(text.as_bytes(), &members()).unwrap();
        assert!(out.starts_with('\u{feff}'));
        assert!(!out.replace("\r\n", "").contains('\n'));
        assert!(json::parse(out.trim_start_matches('\u{feff}')).is_ok());
    }

    #[test]
    fn value_literals() {
        assert_eq!(value_literal("3"), "3");
        assert_eq!(value_literal("true"), "true");
        assert_eq!(value_literal("null"), "null");
        assert_eq!(value_literal("[\"a\",\"b\"]"), "[\"a\", \"b\"]");
        assert_eq!(value_literal("~500M USD"), "\"~500M USD\"");
        assert_eq!(value_literal("3,000"), "\"3,000\"");
        assert_eq!(value_literal("\"2020\""), "\"2020\"");
        assert_eq!(value_literal("باراك"), "\"باراك\"");
    }
}
