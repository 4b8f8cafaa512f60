//! Loading a project directory: claim files, `claims/subjects.json`,
//! `crosscheck.toml` and the documents, into a validated [`Project`],
//! or every diagnostic found (rendering caps how many are shown).
//!
//! Steps, each in its own file: [`json`] parses with positions, [`source`]
//! reads one claim file (no filesystem: [`parse_source_file`] is what the
//! fuzz target calls), [`registry`] and [`settings`] read the two optional
//! files, and [`document`] checks document paths and locates every quote.
//! Checks across files (duplicate source ids) are here.
//!
//! Claim files are read and parsed in parallel, one task per file, each
//! into its own list of diagnostics; the results are combined in sorted path
//! order, with file ids given in that order before any task starts. The
//! project and every diagnostic are therefore the same, byte for byte,
//! whatever the number of threads or their timing.

pub mod document;
mod fields;
pub mod json;
pub mod registry;
pub mod regular_file;
pub mod settings;
pub mod source;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, DiagnosticCode, Label};
use crate::model::{Claim, FileId, Files, Project, Registry, Release, Settings, Source, Span};

use fields::Sink;
use regular_file::{Refusal, read_project_file, read_project_file_in};
use source::SourceDraft;

/// Why a project did not load: every diagnostic found, with the files they
/// point into.
#[derive(Debug, Clone)]
pub struct LoadFailure {
    pub diagnostics: Vec<Diagnostic>,
    pub files: Files,
}

/// Loads and validates the project in `root` (the directory holding `claims/`).
pub fn load_project(root: &Path) -> Result<Project, LoadFailure> {
    load_project_with(root, None)
}

/// Loads the project as it would be with one claim file's bytes replaced
/// (`crosscheck add` validates the file it is about to write this way).
/// `replacement` is a path under `root/claims/` and its new contents.
pub fn load_project_with(
    root: &Path,
    replacement: Option<(&Path, &[u8])>,
) -> Result<Project, LoadFailure> {
    let replacements: BTreeMap<PathBuf, Vec<u8>> = replacement
        .map(|(path, bytes)| (path.to_path_buf(), bytes.to_vec()))
        .into_iter()
        .collect();
    load_project_with_files(root, &replacements)
}

/// Loads the project as it would be with several claim files' bytes
/// replaced, or added when no such file exists yet (`crosscheck import`
/// validates every file it is about to write this way). Each path is under
/// `root/claims/`.
pub fn load_project_with_files(
    root: &Path,
    replacements: &BTreeMap<PathBuf, Vec<u8>>,
) -> Result<Project, LoadFailure> {
    let mut files = Files::default();
    let mut diagnostics = Vec::new();

    // Symbolic links are resolved against this; every file read must stay under it.
    let canonical_root = root.canonicalize().ok();
    let settings_path = root.join("crosscheck.toml");
    let (settings, ignore_documents) =
        match read_project_file(canonical_root.as_deref(), &settings_path) {
            Ok(bytes) => match text_of(&mut files, "crosscheck.toml", &bytes, &mut diagnostics) {
                Some(file) => {
                    let mut sink = Sink {
                        file,
                        diagnostics: &mut diagnostics,
                    };
                    let (settings, ignore) = settings::read_settings(&mut sink, files.text(file));
                    // TOML tables come back sorted by key; report in file order.
                    diagnostics.sort_by_key(|d| d.labels.first().map_or(0, |l| l.span.bytes.start));
                    (
                        settings,
                        ignore.into_iter().map(|(d, s)| (d, file, s)).collect(),
                    )
                }
                None => (Settings::default(), Vec::new()),
            },
            Err(Refusal::NotFound) => (Settings::default(), Vec::new()),
            Err(refusal) => {
                diagnostics.push(io_error("crosscheck.toml", &refusal));
                (Settings::default(), Vec::new())
            }
        };

    let claims_dir = root.join("claims");
    let entries = match std::fs::read_dir(&claims_dir) {
        Ok(entries) => entries,
        Err(error) => {
            let mut diagnostic = Diagnostic::error(
                DiagnosticCode::NoClaimsDirectory,
                format!("no claims/ directory in {}", root.display()),
            )
            .with_help("run crosscheck in a project directory (the one holding claims/), or pass it: crosscheck validate path/to/project");
            if error.kind() != std::io::ErrorKind::NotFound {
                diagnostic = diagnostic.with_note(error.to_string());
            }
            diagnostics.push(diagnostic);
            return Err(LoadFailure { diagnostics, files });
        }
    };
    // Every `*.json` but a real directory: a dangling link, a FIFO or a
    // link out of the project is an error when read, not silently skipped
    // (its claims would vanish).
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|entry| {
            // The entry's own type (a link is not followed), as
            // `symlink_metadata` gives it, mostly without a system call.
            entry.path().extension().is_some_and(|e| e == "json")
                && !entry.file_type().is_ok_and(|t| t.is_dir())
        })
        .map(|entry| entry.path())
        .collect();
    paths.extend(replacements.keys().filter(|path| !path.exists()).cloned());
    paths.sort();
    paths.dedup();

    // Read every file (in parallel: from the page cache, reading is copying).
    let canonical_claims = claims_dir.canonicalize().ok();
    let claims_dirs = canonical_claims
        .as_deref()
        .map(|canonical| (claims_dir.as_path(), canonical));
    let read: Vec<ReadFile<'_>> = paths
        .par_iter()
        .filter_map(|path| {
            let file_name = path.file_name().and_then(|n| n.to_str())?;
            let bytes = match replacements.get(path) {
                Some(bytes) => Ok(bytes.clone()),
                None => read_project_file_in(canonical_root.as_deref(), claims_dirs, path),
            };
            Some((path.as_path(), file_name.to_owned(), bytes))
        })
        .collect();

    // File ids in path order; a file that cannot be read gets none.
    let mut slots: Vec<FileSlot> = Vec::with_capacity(read.len());
    // Source files read from disk, whose texts are let go once loaded.
    let mut on_disk: HashMap<FileId, &Path> = HashMap::new();
    for (path, file_name, bytes) in read {
        let name = format!("claims/{file_name}");
        let mut slot = FileSlot {
            registry: file_name == "subjects.json",
            file: None,
            diagnostics: Vec::new(),
        };
        match bytes {
            Ok(bytes) => slot.file = owned_text_of(&mut files, name, bytes, &mut slot.diagnostics),
            Err(refusal) => slot.diagnostics.push(io_error(&name, &refusal)),
        }
        if let Some(file) = slot.file
            && !slot.registry
            && !replacements.contains_key(path)
        {
            on_disk.insert(file, path);
        }
        slots.push(slot);
    }

    // Parse each file on its own, into its own diagnostics.
    let parsed: Vec<(Parsed, Vec<Diagnostic>)> = slots
        .into_par_iter()
        .map(|mut slot| {
            let parsed = match slot.file {
                None => Parsed::Nothing,
                Some(file) if slot.registry => Parsed::Registry(registry::read_registry(
                    file,
                    files.text(file),
                    &mut slot.diagnostics,
                )),
                Some(file) => {
                    match source::read_source(
                        file,
                        files.text(file),
                        &settings.attributes,
                        &mut slot.diagnostics,
                    ) {
                        Some(draft) => Parsed::Source(Box::new(draft)),
                        None => Parsed::Nothing,
                    }
                }
            };
            (parsed, slot.diagnostics)
        })
        .collect();

    let mut registry = Registry::default();
    let mut drafts: Vec<SourceDraft> = Vec::with_capacity(parsed.len());
    for (parsed, file_diagnostics) in parsed {
        diagnostics.extend(file_diagnostics);
        match parsed {
            Parsed::Nothing => {}
            Parsed::Registry(read) => registry = read,
            Parsed::Source(draft) => drafts.push(*draft),
        }
    }

    check_unique_source_ids(&drafts, &mut diagnostics);
    document::resolve_documents(root, &mut drafts, &mut files, &mut diagnostics);
    check_ignored_documents(&drafts, &ignore_documents, &mut diagnostics);
    check_superseded_claims(&drafts, &mut diagnostics);

    if diagnostics.iter().any(is_error) {
        return Err(LoadFailure { diagnostics, files });
    }
    // What is left are warnings: shown by validate, add and check.
    let warnings = diagnostics;
    let mut sources: Vec<Source> = drafts.into_iter().map(|d| d.source).collect();
    sources.sort_by(|a, b| a.id.cmp(&b.id));
    files.release(releases(
        &sources,
        &warnings,
        &on_disk,
        canonical_root.as_deref(),
    ));
    share_names(&mut sources);
    Ok(Project {
        root: root.to_path_buf(),
        settings,
        registry,
        sources,
        files,
        warnings,
    })
}

/// Makes the claims that write a subject (or an attribute) the same way share
/// one string: a million claims name a few thousand subjects and a handful
/// of attributes, and a string each cost about 40 bytes a claim.
fn share_names(sources: &mut [Source]) {
    let mut shared: HashSet<Arc<str>, foldhash::fast::RandomState> = HashSet::default();
    for claim in sources
        .iter_mut()
        .flat_map(|source| source.claims.iter_mut())
    {
        for name in [&mut claim.subject, &mut claim.attribute] {
            match shared.get(&**name) {
                Some(first) => *name = Arc::clone(first),
                None => {
                    shared.insert(Arc::clone(name));
                }
            }
        }
    }
}

/// The source files read from disk, to let go of their texts, each with the
/// places reports ask for: where each claim starts (the JSON report's
/// `location`) and where each warning's labels start and end.
fn releases(
    sources: &[Source],
    warnings: &[Diagnostic],
    on_disk: &HashMap<FileId, &Path>,
    canonical_root: Option<&Path>,
) -> Vec<Release> {
    let mut releases: HashMap<FileId, Release> = HashMap::new();
    for source in sources {
        if let Some(path) = on_disk.get(&source.file) {
            releases.insert(
                source.file,
                Release {
                    file: source.file,
                    path: path.to_path_buf(),
                    canonical_root: canonical_root.map(Path::to_path_buf),
                    places: source.claims.iter().map(|c| c.span.bytes.start).collect(),
                },
            );
        }
    }
    for label in warnings.iter().flat_map(|w| &w.labels) {
        if let Some(release) = releases.get_mut(&label.span.file) {
            release.places.push(label.span.bytes.start);
            release.places.push(label.span.bytes.end);
        }
    }
    releases.into_values().collect()
}

fn is_error(diagnostic: &Diagnostic) -> bool {
    diagnostic.level == crate::diagnostic::Level::Error
}

/// Every `supersedes` names a claim of the project, other than itself.
fn check_superseded_claims(drafts: &[SourceDraft], diagnostics: &mut Vec<Diagnostic>) {
    let ids: std::collections::BTreeSet<&str> = drafts
        .iter()
        .flat_map(|d| d.source.claims.iter().map(|c| c.id.as_str()))
        .collect();
    for claim in drafts.iter().flat_map(|d| d.source.claims.iter()) {
        let Some((target, span)) = claim.supersedes() else {
            continue;
        };
        let message = if target == &claim.id {
            format!("the claim `{}` says it supersedes itself", claim.id)
        } else if ids.contains(target.as_str()) {
            continue;
        } else {
            format!("`supersedes` names `{target}`, which is no claim of the project")
        };
        let (source, local) = target.as_str().split_once('/').unwrap_or(("", ""));
        let same_source: Vec<&str> = drafts
            .iter()
            .filter(|d| d.source.id == source)
            .flat_map(|d| d.source.claims.iter().map(Claim::local_id))
            .collect();
        let help = if same_source.is_empty() {
            format!(
                "no source has the id `{source}`; the sources are {}",
                drafts
                    .iter()
                    .map(|d| format!("`{}`", d.source.id))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        } else {
            match fields::closest(local, &same_source) {
                Some(close) => format!("did you mean \"{source}/{close}\"?"),
                None => format!(
                    "the claims of `{source}` are {}",
                    same_source
                        .iter()
                        .map(|c| format!("`{c}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            }
        };
        diagnostics.push(
            Diagnostic::error(DiagnosticCode::UnknownSupersededClaim, message)
                .with_label(crate::diagnostic::Label::primary(
                    span.clone(),
                    "no such claim",
                ))
                .with_help(help)
                .with_note("`supersedes` takes the global id `<source.id>/<claim.id>` of the claim this one revises"),
        );
    }
}

/// Reads one claim file from memory, without the filesystem: its document is
/// not read and its quotes are not located (`document: None`). What the fuzz
/// target calls: it must never panic, whatever the bytes.
pub fn parse_source_file(name: &str, bytes: &[u8]) -> Result<Source, LoadFailure> {
    let mut files = Files::default();
    let mut diagnostics = Vec::new();
    let draft = text_of(&mut files, name, bytes, &mut diagnostics).and_then(|file| {
        source::read_source(
            file,
            files.text(file),
            &std::collections::BTreeMap::new(),
            &mut diagnostics,
        )
    });
    match draft {
        Some(draft) if !diagnostics.iter().any(is_error) => Ok(draft.source),
        _ => Err(LoadFailure { diagnostics, files }),
    }
}

/// One claim file between reading and parsing.
/// A claim file as read: its path, its name, and its bytes or why they
/// could not be read.
type ReadFile<'a> = (&'a Path, String, Result<Vec<u8>, Refusal>);

struct FileSlot {
    /// `claims/subjects.json`, read as the registry.
    registry: bool,
    /// The file's id when its text is valid UTF-8 and can be parsed.
    file: Option<FileId>,
    /// What reading found (in this file's place in the output).
    diagnostics: Vec<Diagnostic>,
}

/// What one file parsed to.
enum Parsed {
    Nothing,
    Registry(Registry),
    Source(Box<SourceDraft>),
}

/// Adds a file's text to `files`; a file that is not UTF-8 is added with
/// U+FFFD in place of bad bytes, so the diagnostic can show where.
fn text_of(
    files: &mut Files,
    name: &str,
    bytes: &[u8],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<FileId> {
    match json::decode_utf8(bytes) {
        Ok(text) => Some(files.add(name, text)),
        Err(problem) => {
            invalid_utf8(files, name, problem, diagnostics);
            None
        }
    }
}

/// [`text_of`] for bytes read into a buffer of their own, which becomes the
/// text without a copy when it is valid UTF-8 with no byte-order mark.
fn owned_text_of(
    files: &mut Files,
    name: String,
    bytes: Vec<u8>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<FileId> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return text_of(files, &name, &bytes, diagnostics);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Some(files.add(name, text)),
        Err(error) => {
            // The same diagnostic as for a borrowed buffer.
            text_of(files, &name, error.as_bytes(), diagnostics)
        }
    }
}

fn invalid_utf8(
    files: &mut Files,
    name: &str,
    problem: json::Utf8Problem,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let at = problem.valid_up_to;
    let file = files.add(name, problem.lossy);
    diagnostics.push(
        Diagnostic::error(
            DiagnosticCode::InvalidUtf8,
            format!("{name} is not valid UTF-8"),
        )
        .with_label(Label::primary(
            Span {
                file,
                bytes: at..at + '\u{FFFD}'.len_utf8(),
            },
            "first invalid byte",
        ))
        .with_help("save the file as UTF-8 (crosscheck reads no other encoding)"),
    );
}

fn io_error(name: &str, refusal: &Refusal) -> Diagnostic {
    let help = match refusal {
        Refusal::Outside => "copy the file into the project instead of linking to it",
        Refusal::BrokenLink => "point the link at a file of the project, or remove it",
        Refusal::NotRegular(_) => {
            "crosscheck reads only regular files: replace it with one, or remove it"
        }
        _ => "check that the file exists and is readable",
    };
    Diagnostic::error(DiagnosticCode::Io, format!("cannot read {name}: {refusal}")).with_help(help)
}

pub(crate) fn push_json_error(sink: &mut Sink<'_>, error: json::JsonError) {
    let mut diagnostic = Diagnostic::error(error.code, error.message)
        .with_label(Label::primary(sink.span(error.span), error.label));
    if let Some((span, label)) = error.secondary {
        diagnostic = diagnostic.with_label(Label::secondary(sink.span(span), label));
    }
    if let Some(help) = error.help {
        diagnostic = diagnostic.with_help(help);
    }
    sink.push(diagnostic);
}

fn check_unique_source_ids(drafts: &[SourceDraft], diagnostics: &mut Vec<Diagnostic>) {
    let mut first: BTreeMap<&str, &SourceDraft> = BTreeMap::new();
    for draft in drafts {
        match first.get(draft.source.id.as_str()) {
            Some(earlier) => diagnostics.push(
                Diagnostic::error(
                    DiagnosticCode::DuplicateSourceId,
                    format!("the source id `{}` is declared by two claim files", draft.source.id),
                )
                .with_label(Label::primary(
                    Span {
                        file: draft.source.file,
                        bytes: draft.id_span.clone(),
                    },
                    "declared again here",
                ))
                .with_label(Label::secondary(
                    Span {
                        file: earlier.source.file,
                        bytes: earlier.id_span.clone(),
                    },
                    "first declared here",
                ))
                .with_help("each claim file is one source with its own id: rename one of them")
                .with_note("claim ids are `<source id>/<claim id>`, so source ids must be unique across the project"),
            ),
            None => {
                first.insert(&draft.source.id, draft);
            }
        }
    }
}

/// A `[[coverage.ignore]]` naming a document no source has would silently
/// ignore nothing.
fn check_ignored_documents(
    drafts: &[SourceDraft],
    ignored: &[(String, FileId, std::ops::Range<usize>)],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let documents: Vec<&str> = drafts
        .iter()
        .filter_map(|d| d.document.as_ref().map(|(path, _)| path.as_str()))
        .collect();
    for (document, file, span) in ignored {
        if documents.contains(&document.as_str()) {
            continue;
        }
        let mut known: Vec<&str> = documents.clone();
        known.sort_unstable();
        known.dedup();
        let mut diagnostic = Diagnostic::error(
            DiagnosticCode::InvalidSetting,
            format!("[[coverage.ignore]] names `{document}`, which is no source's document"),
        )
        .with_label(Label::primary(
            Span {
                file: *file,
                bytes: span.clone(),
            },
            "no source has this document",
        ));
        if let Some(close) = fields::closest(document, &known) {
            diagnostic = diagnostic.with_help(format!("did you mean `{close}`?"));
        }
        if !known.is_empty() {
            diagnostic = diagnostic.with_note(format!("the documents are: {}", known.join(", ")));
        }
        diagnostics.push(diagnostic);
    }
}
