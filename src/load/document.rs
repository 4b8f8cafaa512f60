//! `source.document`: a path inside the project, to a UTF-8 text in which
//! every quote of the source must be found.

use std::collections::BTreeMap;
use std::path::{Component, Path};

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, DiagnosticCode, Label};
use crate::model::{Document, FileId, Files, LineIndex, QuoteLocation, Span};
use crate::text::normalize::{NormalizedText, normalize_for_quote};
use crate::text::quote;

use super::fields::Sink;
use super::json::JsonString;
use super::regular_file::{Refusal, read_project_file};
use super::source::SourceDraft;

/// Refuses what can be refused without the filesystem: an empty path, an
/// absolute path, and `..` climbing out of the project directory.
pub(crate) fn check_path_lexically(sink: &mut Sink<'_>, document: &JsonString<'_>) -> bool {
    let path: &str = &document.value;
    if path.is_empty() {
        sink.error(
            DiagnosticCode::DocumentNotFound,
            document.span.clone(),
            "`document` is empty",
            "empty path",
        )
        .help
        .push("give the document's path relative to the project directory (seeds/article.txt), or remove `document`".into());
        return false;
    }
    let absolute =
        Path::new(path).has_root() || path.starts_with('\\') || path.chars().nth(1) == Some(':');
    let mut depth: i64 = 0;
    let mut escapes = false;
    for component in Path::new(path).components() {
        match component {
            Component::ParentDir => depth -= 1,
            Component::Normal(_) => depth += 1,
            _ => {}
        }
        escapes |= depth < 0;
    }
    if absolute || escapes {
        let why = if absolute {
            "an absolute path"
        } else {
            "`..` leaves the project directory"
        };
        sink.error(
            DiagnosticCode::DocumentOutsideProject,
            document.span.clone(),
            format!("the document `{path}` is outside the project directory"),
            why,
        )
        .help
        .push("copy the document into the project (seeds/) and give its path relative to the project directory".into());
        return false;
    }
    true
}

/// Reads each distinct document once, checks it stays inside `root` once
/// symlinks are resolved, and locates every quote. Fills `source.document`
/// and each quote's location in the drafts.
///
/// Documents are read in draft order (so their file ids do not depend on
/// timing), each is folded and indexed once, and then the quotes of each
/// draft are located in parallel; each draft's diagnostics are combined in
/// draft order, as if done one after the other.
pub(crate) fn resolve_documents(
    root: &Path,
    drafts: &mut [SourceDraft],
    files: &mut Files,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let canonical_root = root.canonicalize().ok();
    // Path as written → the loaded file, or None when it failed (reported once).
    let mut loaded: BTreeMap<String, Option<FileId>> = BTreeMap::new();
    // Per draft: the document's file, and the diagnostic of loading it.
    let mut documents: Vec<(Option<FileId>, Option<Diagnostic>)> = Vec::with_capacity(drafts.len());
    for draft in drafts.iter_mut() {
        let Some((path, span)) = draft.document.clone() else {
            documents.push((None, None));
            continue;
        };
        let label_span = Span {
            file: draft.source.file,
            bytes: span.clone(),
        };
        let mut failure = None;
        let document_file = match loaded.get(&path) {
            Some(known) => *known,
            None => {
                let result =
                    load_document(root, canonical_root.as_deref(), &path, &label_span, files);
                let file = match result {
                    Ok(file) => Some(file),
                    Err(diagnostic) => {
                        failure = Some(*diagnostic);
                        None
                    }
                };
                loaded.insert(path.clone(), file);
                file
            }
        };
        if let Some(document_file) = document_file {
            draft.source.document = Some(Document {
                path,
                file: document_file,
            });
        }
        documents.push((document_file, failure));
    }

    let files: &Files = files;
    // Folded and indexed once per document, not once per quote or source.
    let folded: BTreeMap<FileId, (NormalizedText, LineIndex)> = loaded
        .values()
        .flatten()
        .copied()
        .collect::<Vec<FileId>>()
        .into_par_iter()
        .map(|file| {
            let text = files.text(file);
            (file, (normalize_for_quote(text), LineIndex::new(text)))
        })
        .collect();

    let located: Vec<Vec<Diagnostic>> = drafts
        .par_iter_mut()
        .zip(&documents)
        .map(|(draft, (document_file, _))| match document_file {
            Some(file) => match folded.get(file) {
                Some((normalized, lines)) => {
                    locate_quotes(draft, *file, files.text(*file), normalized, lines)
                }
                None => Vec::new(),
            },
            None => Vec::new(),
        })
        .collect();
    for ((_, failure), quote_diagnostics) in documents.into_iter().zip(located) {
        diagnostics.extend(failure);
        diagnostics.extend(quote_diagnostics);
    }
}

/// Locates each quote of one draft in its document (`text`, as folded and
/// indexed), and returns the diagnostics of the quotes not found.
fn locate_quotes(
    draft: &mut SourceDraft,
    document_file: FileId,
    text: &str,
    normalized: &NormalizedText,
    lines: &LineIndex,
) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let claim_file = draft.source.file;
    let path = draft
        .source
        .document
        .as_ref()
        .map_or("", |document| document.path.as_str());
    for (claim, quote_span) in draft.source.claims.iter_mut().zip(&draft.quote_spans) {
        let (Some(quote), Some(quote_span)) = (claim.quote.as_mut(), quote_span) else {
            continue;
        };
        match quote::locate_in(text, normalized, &quote.text) {
            Ok(found) => {
                quote.location = Some(QuoteLocation {
                    span: Span {
                        file: document_file,
                        bytes: found.bytes.clone(),
                    },
                    start: lines.line_column(text, found.bytes.start),
                    end: lines.line_column(text, found.bytes.end),
                });
            }
            Err(not_found) => {
                let mut diagnostic = Diagnostic::error(
                    DiagnosticCode::QuoteNotFound,
                    format!("the quote of claim `{}` is not in {path}", claim.id),
                )
                .with_label(Label::primary(
                    Span {
                        file: claim_file,
                        bytes: quote_span.clone(),
                    },
                    "not found in the document",
                ));
                if !not_found.closest.is_empty() {
                    diagnostic = diagnostic.with_label(Label::secondary(
                        Span {
                            file: document_file,
                            bytes: not_found.closest.clone(),
                        },
                        format!("closest passage (similarity {:.2})", not_found.similarity),
                    ));
                }
                diagnostic = diagnostic
                    .with_help("copy the passage verbatim from the document; matching already ignores diacritics, tatweel, hamza forms, digit scripts, Arabic punctuation, quotation marks, kinds of dash and line breaks")
                    .with_note("a quote is the evidence for its claim: a claim whose quote cannot be found cannot be checked");
                diagnostics.push(diagnostic);
            }
        }
    }
    diagnostics
}

fn load_document(
    root: &Path,
    canonical_root: Option<&Path>,
    path: &str,
    label: &Span,
    files: &mut Files,
) -> Result<FileId, Box<Diagnostic>> {
    let full = root.join(path);
    let not_found = |refusal: Refusal| {
        let missing = matches!(refusal, Refusal::NotFound | Refusal::BrokenLink);
        let mut diagnostic = Diagnostic::error(
            DiagnosticCode::DocumentNotFound,
            format!("the document `{path}` cannot be read"),
        )
        .with_label(Label::primary(label.clone(), refusal.to_string()));
        if let Refusal::NotRegular(_) = refusal {
            return Box::new(diagnostic.with_help(
                    "a document must be a regular file: crosscheck never reads a FIFO, socket or device (it could wait for ever)",
                ));
        }
        if missing && let Some(close) = similar_file(&full) {
            let close = Path::new(path).with_file_name(close);
            diagnostic = diagnostic.with_help(format!(
                "did you mean `{}`?",
                close.to_string_lossy().replace('\\', "/")
            ));
        }
        Box::new(
            diagnostic.with_help(
                "the path is relative to the project directory (the one holding claims/)",
            ),
        )
    };
    let bytes = match read_project_file(canonical_root, &full) {
        Ok(bytes) => bytes,
        Err(Refusal::Outside) => {
            return Err(Box::new(
                Diagnostic::error(
                    DiagnosticCode::DocumentOutsideProject,
                    format!("the document `{path}` is outside the project directory"),
                )
                .with_label(Label::primary(
                    label.clone(),
                    "a symbolic link leads out of the project",
                ))
                .with_help("copy the document into the project instead of linking to it"),
            ));
        }
        Err(refusal) => return Err(not_found(refusal)),
    };
    let display = path.replace('\\', "/");
    match String::from_utf8(bytes) {
        Ok(text) => Ok(files.add(display, text)),
        Err(error) => {
            let at = error.utf8_error().valid_up_to();
            let lossy = String::from_utf8_lossy(error.as_bytes()).into_owned();
            let file = files.add(display, lossy);
            Err(Box::new(
                Diagnostic::error(
                    DiagnosticCode::InvalidUtf8,
                    format!("the document `{path}` is not valid UTF-8"),
                )
                .with_label(Label::primary(
                    Span {
                        file,
                        bytes: at..at + '\u{FFFD}'.len_utf8(),
                    },
                    "first invalid byte",
                ))
                .with_label(Label::secondary(label.clone(), "named here"))
                .with_help("convert the document to UTF-8 (iconv -f WINDOWS-1256 -t UTF-8 for Arabic Windows text)"),
            ))
        }
    }
}

/// The name in the missing file's directory most like it, as a path relative
/// to the same directory as written.
fn similar_file(full: &Path) -> Option<String> {
    let name = full.file_name()?.to_str()?;
    let parent = full.parent()?;
    let mut names: Vec<String> = std::fs::read_dir(parent)
        .ok()?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .collect();
    names.sort();
    let best = names
        .iter()
        .map(|candidate| (strsim::normalized_levenshtein(name, candidate), candidate))
        .filter(|(score, _)| *score >= 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))?;
    Some(best.1.clone())
}
