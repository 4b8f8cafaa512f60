//! Diagnostics a curator can act on: what is wrong, where (file,
//! `line:column` in characters, with the exact character marked), and how to
//! fix it. Two places are labelled when two are involved (a duplicate id),
//! in two files when the two places are in two files.
//!
//! Every step that reads user input reports through [`Diagnostic`]; the
//! binary renders them once, at the edge, with [`render`]: plain text for
//! snapshots and pipes, colour only when stderr is a terminal.
//!
//! Rendering is codespan-reporting's: its columns count characters (not
//! bytes), which is what an editor shows for Arabic text.

mod shown;

use std::fmt;

use std::io::{self, Write};
use strum::{IntoStaticStr, VariantArray};

use codespan_reporting::diagnostic as cs;
use codespan_reporting::term::{self, termcolor};

use crate::model::{Files, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
/// How serious a diagnostic is: an error stops the run (exit 2); a
/// warning is shown and the run goes on.
pub enum Level {
    Error,
    Warning,
}

/// Every kind of problem a user can meet, by a stable kebab-case name.
/// docs/claim-format.md lists each with an example and its fix; a test
/// snapshots [`DiagnosticCode::ALL`] so a rename shows up in review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, IntoStaticStr, VariantArray)]
#[strum(serialize_all = "kebab-case")]
pub enum DiagnosticCode {
    /// A file or directory could not be read.
    Io,
    /// The project directory has no `claims/` directory.
    NoClaimsDirectory,
    /// A file is not valid UTF-8.
    InvalidUtf8,
    /// A JSON file is empty.
    EmptyFile,
    /// JSON syntax: unexpected character, unterminated string, bad number...
    JsonSyntax,
    /// A comma after the last item of an array or object.
    JsonTrailingComma,
    /// A key written twice in one object.
    JsonDuplicateKey,
    /// Arrays and objects nested too deep.
    JsonTooDeep,
    /// A field the format does not know.
    UnknownField,
    /// A required field is absent.
    MissingField,
    /// A field has the wrong JSON type.
    WrongType,
    /// A source or claim id is empty or holds `/` or white space.
    InvalidId,
    /// Two claim files declare the same `source.id`.
    DuplicateSourceId,
    /// Two claims of one source have the same id.
    DuplicateClaimId,
    /// One name (or alias) under two entries of the subject registry.
    DuplicateRegistryName,
    /// `attribute` is not snake_case.
    InvalidAttribute,
    /// A `value` does not parse.
    InvalidValue,
    /// `published` or `as_of` is not a date expression.
    InvalidDate,
    /// A relative date (`published-5y`) in a source with no `published`.
    RelativeDateWithoutPublished,
    /// `source.document` is absolute or leaves the project directory.
    DocumentOutsideProject,
    /// `source.document` does not exist.
    DocumentNotFound,
    /// A claim of a source with a document has no quote.
    MissingQuote,
    /// A quote is not in its document.
    QuoteNotFound,
    /// `crosscheck.toml` is not valid TOML.
    SettingsSyntax,
    /// A key `crosscheck.toml` does not know.
    UnknownSetting,
    /// A setting has a wrong type or an impossible value.
    InvalidSetting,
    /// `crosscheck add --source` names no source.
    UnknownSource,
    /// `value` is not of the kind `[attributes]` declares for its attribute.
    ValueOfWrongKind,
    /// `supersedes` names no claim of the project.
    UnknownSupersededClaim,
    /// Warning: a value read by inference in a way that is often wrong (a
    /// bare four-digit number read as a year, a figure with words read as
    /// text).
    RiskyValue,
    /// Warning: a figure its quote hedges ("some 385,000", "more than",
    /// "نحو") written as exact, so it denotes less than its source said.
    HedgedFigure,
    /// Warning: a number whose digits its quote does not hold (`94.56 %`
    /// quoting "94,65"): a figure mistyped while copying.
    FigureNotInQuote,
    /// Curation warning: two subject names in one script are close but
    /// below the link threshold, so they stay two subjects.
    CloseSubjectNames,
    /// Curation warning: an Arabic and a Latin subject name sound alike;
    /// only a registry alias links across scripts.
    CrossScriptSubjectNames,
    /// Curation warning: an Arabic and a Latin cited name (`according_to`)
    /// have one consonant skeleton, so one origin may count twice.
    CrossScriptOriginNames,
    /// Curation warning: evidence supported a link the registry refused.
    VetoedLink,
    /// Curation warning: a claim supersedes a claim of another subject or
    /// attribute, so no revision can be reported.
    SupersedesAnotherFact,
    /// Curation warning: a figure in a document that no quote covers and no
    /// `[[coverage.ignore]]` entry explains.
    UncoveredFigure,
    /// Curation warning: a `[[coverage.ignore]]` entry whose passage holds
    /// no figure.
    IdleCoverageIgnore,
    /// Curation warning: a `[[coverage.ignore]]` entry whose passage is not
    /// in its document, so coverage could not be computed.
    CoverageIgnoreNotFound,
}

impl DiagnosticCode {
    /// Every code, in declaration order (derived: a new code cannot be
    /// missing from it).
    pub const ALL: &'static [DiagnosticCode] = <DiagnosticCode as VariantArray>::VARIANTS;

    /// The stable kebab-case name shown in brackets: `error[unknown-field]`.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// One line for docs and `--help`: what the code means.
    pub fn description(self) -> &'static str {
        match self {
            DiagnosticCode::Io => "a file or directory could not be read",
            DiagnosticCode::NoClaimsDirectory => "the project directory has no claims/ directory",
            DiagnosticCode::InvalidUtf8 => "a file is not valid UTF-8",
            DiagnosticCode::EmptyFile => "a JSON file is empty",
            DiagnosticCode::JsonSyntax => "a JSON file is not valid JSON",
            DiagnosticCode::JsonTrailingComma => {
                "a comma after the last item of an array or object"
            }
            DiagnosticCode::JsonDuplicateKey => "a key written twice in one JSON object",
            DiagnosticCode::JsonTooDeep => "JSON arrays and objects nested too deep",
            DiagnosticCode::UnknownField => "a field the claim format does not know",
            DiagnosticCode::MissingField => "a required field is absent",
            DiagnosticCode::WrongType => "a field holds the wrong kind of JSON value",
            DiagnosticCode::InvalidId => {
                "an id is empty or holds a character other than letters, digits, `-` and `_`"
            }
            DiagnosticCode::DuplicateSourceId => "two claim files declare the same source id",
            DiagnosticCode::DuplicateClaimId => "two claims of one source have the same id",
            DiagnosticCode::DuplicateRegistryName => {
                "one name or alias under two entries of the subject registry"
            }
            DiagnosticCode::InvalidAttribute => "an attribute is not a snake_case name",
            DiagnosticCode::InvalidValue => "a claim's value does not parse",
            DiagnosticCode::InvalidDate => "`published` or `as_of` is not a date expression",
            DiagnosticCode::RelativeDateWithoutPublished => {
                "a date relative to publication in a source with no `published`"
            }
            DiagnosticCode::DocumentOutsideProject => {
                "a source's document is outside the project directory"
            }
            DiagnosticCode::DocumentNotFound => "a source's document does not exist",
            DiagnosticCode::MissingQuote => "a claim of a source with a document has no quote",
            DiagnosticCode::QuoteNotFound => "a quote is not in its source's document",
            DiagnosticCode::SettingsSyntax => "crosscheck.toml is not valid TOML",
            DiagnosticCode::UnknownSetting => "crosscheck.toml has a key crosscheck does not know",
            DiagnosticCode::InvalidSetting => "a setting has a wrong type or an impossible value",
            DiagnosticCode::UnknownSource => "`crosscheck add --source` names no source",
            DiagnosticCode::ValueOfWrongKind => {
                "a value is not of the kind crosscheck.toml [attributes] declares for its attribute"
            }
            DiagnosticCode::UnknownSupersededClaim => "`supersedes` names no claim of the project",
            DiagnosticCode::RiskyValue => {
                "a value read as a year or as text where a number, date or bound was probably meant"
            }
            DiagnosticCode::HedgedFigure => {
                "a figure its quote hedges (\"about\", \"more than\", \"نحو\") written as exact"
            }
            DiagnosticCode::FigureNotInQuote => {
                "a number whose digits its quote does not hold: a figure mistyped while copying"
            }
            DiagnosticCode::CloseSubjectNames => {
                "two subject names are close but not linked (below the link threshold)"
            }
            DiagnosticCode::CrossScriptSubjectNames => {
                "an Arabic and a Latin subject name sound alike but are not linked"
            }
            DiagnosticCode::CrossScriptOriginNames => {
                "an Arabic and a Latin cited name may be one origin counted twice"
            }
            DiagnosticCode::VetoedLink => "the subject registry refused a link names supported",
            DiagnosticCode::SupersedesAnotherFact => {
                "a claim supersedes a claim of another subject or attribute"
            }
            DiagnosticCode::UncoveredFigure => {
                "a figure in a document that no quote covers and no [[coverage.ignore]] explains"
            }
            DiagnosticCode::IdleCoverageIgnore => {
                "a [[coverage.ignore]] entry whose passage holds no figure"
            }
            DiagnosticCode::CoverageIgnoreNotFound => {
                "a [[coverage.ignore]] entry whose passage is not in its document"
            }
        }
    }
}

impl fmt::Display for DiagnosticCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A labelled place in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: String,
    /// The place the diagnostic is about; secondary labels give context.
    pub primary: bool,
}

impl Label {
    pub fn primary(span: Span, message: impl Into<String>) -> Label {
        Label {
            span,
            message: message.into(),
            primary: true,
        }
    }

    pub fn secondary(span: Span, message: impl Into<String>) -> Label {
        Label {
            span,
            message: message.into(),
            primary: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub level: Level,
    pub code: DiagnosticCode,
    pub message: String,
    pub labels: Vec<Label>,
    /// How to fix it.
    pub help: Vec<String>,
    /// Context that is neither a place nor a fix.
    pub notes: Vec<String>,
}

impl Diagnostic {
    pub fn error(code: DiagnosticCode, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            level: Level::Error,
            code,
            message: message.into(),
            labels: Vec::new(),
            help: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// A warning: reported, never a reason to fail.
    pub fn warning(code: DiagnosticCode, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            level: Level::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    pub fn with_label(mut self, label: Label) -> Diagnostic {
        self.labels.push(label);
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help.push(help.into());
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }
}

/// At most this many diagnostics are rendered; the rest are counted.
pub const MAX_RENDERED: usize = 50;

/// Renders diagnostics as plain text (no colour), the form snapshots hold.
pub fn render_plain(diagnostics: &[Diagnostic], files: &Files) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = render(diagnostics, files, false, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// Renders up to [`MAX_RENDERED`] diagnostics, then one line counting the
/// rest. ANSI colour when `colour` (the binary passes "stderr is a terminal").
pub fn render(
    diagnostics: &[Diagnostic],
    files: &Files,
    colour: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let config = term::Config::default();
    for diagnostic in diagnostics.iter().take(MAX_RENDERED) {
        let labels: Vec<(usize, std::ops::Range<usize>)> = diagnostic
            .labels
            .iter()
            .filter(|label| can_show(files, label))
            .map(|label| {
                let text = files.text(label.span.file);
                (
                    label.span.file,
                    clamp_to_chars(text, label.span.bytes.clone()),
                )
            })
            .collect();
        let table = shown::Shown::new(files, &labels);
        let converted = to_codespan(diagnostic, files, &table);
        let result = if colour {
            term::emit_to_write_style(
                &mut termcolor::Ansi::new(&mut *out),
                &config,
                &table,
                &converted,
            )
        } else {
            term::emit_to_io_write(out, &config, &table, &converted)
        };
        result.map_err(|error| match error {
            codespan_reporting::files::Error::Io(error) => error,
            other => io::Error::other(other.to_string()),
        })?;
    }
    if diagnostics.len() > MAX_RENDERED {
        writeln!(
            out,
            "{} more errors not shown",
            diagnostics.len() - MAX_RENDERED
        )?;
    }
    Ok(())
}

/// Whether a label's file has its text: a label into a file the table
/// lacks would make codespan fail the whole render, and a claim file
/// changed on disk since it was loaded (and let go) is not quoted.
fn can_show(files: &Files, label: &Label) -> bool {
    files.get(label.span.file).is_some()
        && label.span.bytes.end <= files.text(label.span.file).len()
}

fn to_codespan(
    diagnostic: &Diagnostic,
    files: &Files,
    table: &shown::Shown<'_>,
) -> cs::Diagnostic<usize> {
    let severity = match diagnostic.level {
        Level::Error => cs::Severity::Error,
        Level::Warning => cs::Severity::Warning,
    };
    let labels = diagnostic
        .labels
        .iter()
        .filter(|label| can_show(files, label))
        .map(|label| {
            let text = files.text(label.span.file);
            let range = table.map(
                label.span.file,
                clamp_to_chars(text, label.span.bytes.clone()),
            );
            let base = if label.primary {
                cs::Label::primary(label.span.file, range)
            } else {
                cs::Label::secondary(label.span.file, range)
            };
            base.with_message(&label.message)
        })
        .collect();
    let notes = diagnostic
        .help
        .iter()
        .map(|help| format!("help: {help}"))
        .chain(diagnostic.notes.iter().map(|note| format!("note: {note}")))
        .collect();
    cs::Diagnostic::new(severity)
        .with_code(diagnostic.code.name())
        .with_message(&diagnostic.message)
        .with_labels(labels)
        .with_notes(notes)
}

/// A range inside `text` on character boundaries (codespan slices by it).
fn clamp_to_chars(text: &str, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let mut start = range.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = range.end.clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_listed() {
        let mut names: Vec<_> = DiagnosticCode::ALL.iter().map(|c| c.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), DiagnosticCode::ALL.len());
        let listing: String = DiagnosticCode::ALL
            .iter()
            .map(|code| format!("{}: {}\n", code.name(), code.description()))
            .collect();
        insta::assert_snapshot!(listing);
    }

    #[test]
    fn labels_two_files_with_columns_in_characters() {
        let mut files = Files::default();
        let a = files.add("claims/a.json", "{\n  \"id\": \"بقيمة\", \"x\": 1\n}\n");
        let b = files.add("claims/b.json", "{ \"id\": \"بقيمة\" }\n");
        let at_a = files.text(a).find("\"x\"").unwrap();
        let at_b = files.text(b).find("\"ب").unwrap();
        let diagnostic = Diagnostic::error(DiagnosticCode::DuplicateSourceId, "twice")
            .with_label(Label::primary(
                Span {
                    file: a,
                    bytes: at_a..at_a + 3,
                },
                "here",
            ))
            .with_label(Label::secondary(
                Span {
                    file: b,
                    bytes: at_b..at_b + 12,
                },
                "and there",
            ))
            .with_help("fix it")
            .with_note("a note");
        insta::assert_snapshot!(render_plain(&[diagnostic], &files));
    }

    #[test]
    fn caps_the_number_rendered() {
        let files = Files::default();
        let many = vec![Diagnostic::error(DiagnosticCode::Io, "x"); MAX_RENDERED + 3];
        let text = render_plain(&many, &files);
        assert_eq!(text.matches("error[io]: x").count(), MAX_RENDERED);
        assert!(text.ends_with("3 more errors not shown\n"));
    }

    #[test]
    fn colour_only_when_asked() {
        let files = Files::default();
        let one = [Diagnostic::error(DiagnosticCode::Io, "x")];
        let mut coloured = Vec::new();
        render(&one, &files, true, &mut coloured).unwrap();
        assert!(coloured.contains(&0x1b));
        assert!(!render_plain(&one, &files).contains('\u{1b}'));
    }
}
