//! The loaded project: sources, their claims, the subject registry and the
//! settings, validated and with every claim's place in its file.
//!
//! `load` builds a [`Project`]; `link`, `check` and `report` only read it.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use rust_decimal::Decimal;

use crate::load::regular_file::read_project_file;
use crate::value::{Currency, DateExpr, Value, ValueKind};

/// Index of a file in the [`Files`] table.
pub type FileId = usize;

/// A byte range in one of the project's files (a claim file, `subjects.json`,
/// `crosscheck.toml` or a seed document). Rendering converts it to
/// `line:column` counted in characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Span {
    pub file: FileId,
    pub bytes: Range<usize>,
}

/// Every file the project read, by id, with its text: what diagnostics and
/// reports quote from.
///
/// A claim file's text is let go once its claims are read
/// ([`Files::release`]): the claims hold their values, and at a million
/// claims the texts were 230 MB of the checker's peak. What reports ask of
/// such a file afterwards, the places of its claims and of the warnings
/// about it, is kept; anything else (a diagnostic's snippet) reads the file
/// again, and only if it is still the file that was loaded.
#[derive(Debug, Clone, Default)]
pub struct Files {
    files: Vec<TextFile>,
}

#[derive(Debug, Clone)]
pub struct TextFile {
    /// The path as shown to the user: relative to the project directory,
    /// with `/` separators, so reports hold no absolute paths.
    pub name: String,
    /// Empty until read again for a released file.
    text: OnceLock<String>,
    /// Set for a released file: how to read it again, and the places kept.
    released: Option<Box<Released>>,
    /// Built on the first position asked for: most files of a project that
    /// loads cleanly are never asked for one.
    lines: OnceLock<LineIndex>,
}

/// What is kept of a file whose text was let go.
#[derive(Debug, Clone)]
struct Released {
    path: PathBuf,
    /// The project directory, symbolic links resolved: a file read again
    /// is read as it was the first time ([`read_project_file`]: a regular
    /// file, inside the project).
    canonical_root: Option<PathBuf>,
    /// Length and hash of the text as loaded: a file changed since is not
    /// quoted (its snippet would show other text).
    len: usize,
    hash: u64,
    /// Byte offsets and their positions, sorted by offset.
    places: Vec<(usize, LineColumn)>,
}

/// What [`Files::release`] is asked to let go: a file read from `path`,
/// and the byte offsets whose positions reports will ask for.
#[derive(Debug, Clone)]
pub struct Release {
    pub file: FileId,
    pub path: PathBuf,
    pub canonical_root: Option<PathBuf>,
    pub places: Vec<usize>,
}

impl TextFile {
    /// The file's text; for a released file, read again from disk (once),
    /// or empty when it cannot be read or has changed since it was loaded.
    pub fn text(&self) -> &str {
        self.text.get_or_init(|| {
            self.released
                .as_deref()
                .and_then(Released::read_again)
                .unwrap_or_default()
        })
    }

    /// Lets go of the text, keeping the positions of `release.places`
    /// (a file already released, or never read, keeps what it has).
    fn release(&mut self, release: Release) {
        let Some(text) = self.text.take() else {
            return;
        };
        let lines = self.lines.take().unwrap_or_else(|| LineIndex::new(&text));
        let mut places: Vec<(usize, LineColumn)> = release
            .places
            .into_iter()
            .map(|byte| (byte, lines.line_column(&text, byte)))
            .collect();
        places.sort_unstable_by_key(|&(byte, _)| byte);
        places.dedup_by_key(|&mut (byte, _)| byte);
        self.released = Some(Box::new(Released {
            path: release.path,
            canonical_root: release.canonical_root,
            len: text.len(),
            hash: text_hash(&text),
            places,
        }));
    }
}

impl Released {
    fn read_again(&self) -> Option<String> {
        let bytes = read_project_file(self.canonical_root.as_deref(), &self.path).ok()?;
        let text = String::from_utf8(bytes).ok()?;
        (text.len() == self.len && text_hash(&text) == self.hash).then_some(text)
    }
}

fn text_hash(text: &str) -> u64 {
    use std::hash::BuildHasher;
    foldhash::fast::FixedState::with_seed(0).hash_one(text)
}

impl Files {
    pub fn add(&mut self, name: impl Into<String>, text: impl Into<String>) -> FileId {
        self.files.push(TextFile {
            name: name.into(),
            text: OnceLock::from(text.into()),
            released: None,
            lines: OnceLock::new(),
        });
        self.files.len() - 1
    }

    pub fn get(&self, id: FileId) -> Option<&TextFile> {
        self.files.get(id)
    }

    pub fn name(&self, id: FileId) -> &str {
        self.files.get(id).map_or("<unknown>", |f| f.name.as_str())
    }

    pub fn text(&self, id: FileId) -> &str {
        self.files.get(id).map_or("", TextFile::text)
    }

    /// Lets go of the texts of files read from disk, keeping the positions
    /// of the given byte offsets (in parallel: a position costs a scan of a
    /// few lines, and a million claims ask for a million).
    pub fn release(&mut self, releases: Vec<Release>) {
        use rayon::prelude::*;
        let mut by_file: Vec<Option<Release>> = vec![None; self.files.len()];
        for release in releases {
            if let Some(slot) = by_file.get_mut(release.file) {
                *slot = Some(release);
            }
        }
        self.files
            .par_iter_mut()
            .zip(by_file)
            .for_each(|(file, release)| {
                if let Some(release) = release {
                    file.release(release);
                }
            });
    }

    /// 1-based line and column, the column counted in characters.
    pub fn line_column(&self, id: FileId, byte: usize) -> LineColumn {
        let Some(file) = self.files.get(id) else {
            return LineColumn { line: 1, column: 1 };
        };
        if let Some(released) = &file.released
            && let Ok(at) = released.places.binary_search_by_key(&byte, |&(b, _)| b)
        {
            return released.places[at].1;
        }
        let text = file.text();
        file.lines
            .get_or_init(|| LineIndex::new(text))
            .line_column(text, byte)
    }
}

/// Where every [`LINES_PER_MARK`]th line of a text starts, so a position
/// costs a binary search and a scan of a few lines (a claim file of a
/// million claims is asked for a million positions: rescanning from the
/// start each time is quadratic). Marking every line would cost 8 bytes a
/// line, a third of a pretty-printed claim file's text (61 MB for the 10^6
/// claims benchmark); a mark every 8 lines costs an eighth of that and
/// answers as fast (a million positions in about 0.14 s either way: the
/// smaller index stays in cache).
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    /// Byte offset of the start of lines 1, 1 + LINES_PER_MARK, ...
    marks: Vec<usize>,
}

/// Lines between two marks of a [`LineIndex`].
const LINES_PER_MARK: usize = 8;

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let marks = std::iter::once(0)
            .chain(
                text.match_indices('\n')
                    .map(|(i, _)| i + 1)
                    .skip(LINES_PER_MARK - 1)
                    .step_by(LINES_PER_MARK),
            )
            .collect();
        LineIndex { marks }
    }

    /// The position of byte offset `byte` in `text` (the text this index was
    /// built from), clamped to the text and to a character boundary.
    pub fn line_column(&self, text: &str, byte: usize) -> LineColumn {
        let mut byte = byte.min(text.len());
        while !text.is_char_boundary(byte) {
            byte -= 1;
        }
        let mark = self
            .marks
            .partition_point(|&start| start <= byte)
            .saturating_sub(1);
        let mark_start = self.marks.get(mark).copied().unwrap_or(0);
        // A plain count of bytes vectorises; `matches` searches newline by newline.
        let between = &text.as_bytes()[mark_start..byte];
        let newlines = between.iter().filter(|&&b| b == b'\n').count();
        let line_start = between
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(mark_start, |i| mark_start + i + 1);
        LineColumn {
            line: mark * LINES_PER_MARK + newlines + 1,
            column: text[line_start..byte].chars().count() + 1,
        }
    }
}

/// A position for people: 1-based line, 1-based column in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LineColumn {
    pub line: usize,
    pub column: usize,
}

impl LineColumn {
    /// The position of byte offset `byte` in `text` (clamped to the text, and
    /// to a character boundary).
    pub fn of(text: &str, byte: usize) -> LineColumn {
        let mut byte = byte.min(text.len());
        while !text.is_char_boundary(byte) {
            byte -= 1;
        }
        let before = &text[..byte];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        LineColumn {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }
}

impl fmt::Display for LineColumn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// A loaded, valid project.
#[derive(Debug, Clone)]
pub struct Project {
    /// The project directory as given on the command line.
    pub root: PathBuf,
    pub settings: Settings,
    pub registry: Registry,
    /// Sorted by source id.
    pub sources: Vec<Source>,
    pub files: Files,
    /// Warnings found while loading (risky value readings), in file order:
    /// `validate`, `add` and `check` show them; they never fail a command.
    pub warnings: Vec<crate::diagnostic::Diagnostic>,
}

impl Project {
    /// Every claim with its source, in source-id then claim-file order.
    pub fn claims(&self) -> impl Iterator<Item = (&Source, &Claim)> {
        self.sources
            .iter()
            .flat_map(|source| source.claims.iter().map(move |claim| (source, claim)))
    }
}

/// One source document and the claims curated from it (one claim file).
#[derive(Debug, Clone)]
pub struct Source {
    pub id: String,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub published: Option<DateExpr>,
    /// `published` as written, for reports.
    pub published_written: Option<String>,
    pub language: Option<String>,
    pub document: Option<Document>,
    pub url: Option<String>,
    /// The claim file.
    pub file: FileId,
    pub claims: Vec<Claim>,
}

/// The source text that quotes are checked against.
#[derive(Debug, Clone)]
pub struct Document {
    /// As written in the claim file, relative to the project directory.
    pub path: String,
    pub file: FileId,
}

/// `<source.id>/<claim.id>`: a claim's id across the project.
///
/// Shared, not copied: every finding and pair comparison names its claims,
/// and a million-claim project has millions of them, so a clone is a
/// reference count, not an allocation.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClaimId(pub Arc<str>);

impl ClaimId {
    pub fn new(source: &str, claim: &str) -> ClaimId {
        let mut id = String::with_capacity(source.len() + 1 + claim.len());
        id.push_str(source);
        id.push('/');
        id.push_str(claim);
        ClaimId(Arc::from(id))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ClaimId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One claim: a subject, an attribute, a typed value, and its evidence.
///
/// Texts are boxed `str`s and lists boxed slices, and rare parts are boxed:
/// a claim is never edited after loading, and a million-claim project holds
/// a million of each (a `String` costs 24 bytes, a `Box<str>` 16).
#[derive(Debug, Clone)]
pub struct Claim {
    /// `source/claim`: [`Claim::local_id`] and [`Claim::source_id`] are
    /// its parts.
    pub id: ClaimId,
    /// Shared by every claim of the project written the same way
    /// (`load` shares them): a million claims name a few thousand
    /// subjects and a handful of attributes.
    pub subject: Arc<str>,
    pub attribute: Arc<str>,
    pub value: Value,
    /// The value as written in the file (the JSON literal's text for numbers,
    /// booleans and null; the string's contents for strings; for sets, the
    /// members joined by ", ").
    pub value_written: Box<str>,
    /// Boxed: most claims of a large project have no quote, and a quote
    /// with its place is a quarter of a claim's size.
    pub quote: Option<Box<Quote>>,
    pub as_of: Option<DateExpr>,
    /// `as_of` as written, `according_to`, `supersedes` and `note`, boxed
    /// together (read through the methods of those names): most claims of
    /// a large project have none of them, and together they were a quarter
    /// of a claim's size.
    pub more: Option<Box<ClaimMore>>,
    /// The whole claim object in the claim file.
    pub span: Span,
}

/// The parts of a claim few claims have ([`Claim::more`]).
#[derive(Debug, Clone, Default)]
pub struct ClaimMore {
    pub as_of_written: Option<Box<str>>,
    pub according_to: Box<[String]>,
    /// The claim this one replaces (a revised figure), and where
    /// `supersedes` is written.
    pub supersedes: Option<(ClaimId, Span)>,
    pub note: Option<Box<str>>,
}

impl ClaimMore {
    /// `None` when the claim has none of these parts.
    pub fn boxed(self) -> Option<Box<ClaimMore>> {
        let none = self.as_of_written.is_none()
            && self.according_to.is_empty()
            && self.supersedes.is_none()
            && self.note.is_none();
        (!none).then(|| Box::new(self))
    }
}

/// Where a claim's value comes from: the last name of its `according_to`
/// (the source quotes someone quoting someone: the last is the first to
/// have said it), else its own source. Two claims are dependent exactly
/// when their origins are the same (cited names compared after name
/// normalisation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ClaimOrigin<'a> {
    /// The last `according_to` name, as written.
    Cited(&'a str),
    /// The claim cites no one: its source's id.
    Source(&'a str),
}

impl<'a> ClaimOrigin<'a> {
    /// The origin of a claim of `source` citing `according_to` (the one
    /// definition: [`Claim::origin`], the checker and the consensus use it).
    pub fn of(according_to: &'a [String], source: &'a str) -> ClaimOrigin<'a> {
        match according_to
            .iter()
            .rev()
            .find(|name| !name.trim().is_empty())
        {
            Some(name) => ClaimOrigin::Cited(name),
            None => ClaimOrigin::Source(source),
        }
    }

    /// The origin's name for readers: the cited name, or `source <id>`.
    pub fn name(&self) -> String {
        match self {
            ClaimOrigin::Cited(name) => (*name).to_owned(),
            ClaimOrigin::Source(id) => format!("source {id}"),
        }
    }
}

impl Claim {
    /// A claim written by hand rather than read from a file: no quote,
    /// `as_of`, origin, revision or note, and no place (tests and tools
    /// that build checker input directly).
    pub fn by_hand(
        id: ClaimId,
        subject: &str,
        attribute: &str,
        value: Value,
        written: &str,
    ) -> Claim {
        Claim {
            id,
            subject: subject.into(),
            attribute: attribute.into(),
            value,
            value_written: written.into(),
            quote: None,
            as_of: None,
            more: None,
            span: Span {
                file: 0,
                bytes: 0..0,
            },
        }
    }

    /// The id of the claim's source (the part of its global id before `/`:
    /// source ids hold no `/`).
    pub fn source_id(&self) -> &str {
        self.id
            .as_str()
            .split_once('/')
            .map_or("", |(source, _)| source)
    }

    /// The claim's id within its source (the part of its global id after
    /// the first `/`; kept once, in the global id).
    pub fn local_id(&self) -> &str {
        self.id
            .as_str()
            .split_once('/')
            .map_or(self.id.as_str(), |(_, local)| local)
    }

    /// `as_of` as written.
    pub fn as_of_written(&self) -> Option<&str> {
        self.more.as_ref()?.as_of_written.as_deref()
    }

    /// Who the source says said it, the origin last.
    pub fn according_to(&self) -> &[String] {
        self.more.as_ref().map_or(&[], |more| &more.according_to)
    }

    /// The claim this one replaces, and where `supersedes` is written.
    pub fn supersedes(&self) -> Option<&(ClaimId, Span)> {
        self.more.as_ref()?.supersedes.as_ref()
    }

    pub fn note(&self) -> Option<&str> {
        self.more.as_ref()?.note.as_deref()
    }

    /// Where the claim's value comes from: see [`ClaimOrigin`].
    pub fn origin(&self) -> ClaimOrigin<'_> {
        ClaimOrigin::of(self.according_to(), self.source_id())
    }
}

/// A verified quote and where it stands in the document.
#[derive(Debug, Clone)]
pub struct Quote {
    pub text: String,
    /// Where the quote was found in the source's document; `None` when the
    /// source has no document.
    pub location: Option<QuoteLocation>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteLocation {
    /// The matched passage in the document file.
    pub span: Span,
    pub start: LineColumn,
    pub end: LineColumn,
}

/// `claims/subjects.json`: canonical names, aliases, and vetoed links.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    pub subjects: Vec<RegistryEntry>,
    pub values: Vec<RegistryEntry>,
    /// Pairs of names that must never be linked.
    pub distinct: Vec<(String, String)>,
}

#[derive(Debug, Clone)]
pub struct RegistryEntry {
    pub name: String,
    pub aliases: Vec<String>,
    pub span: Option<Span>,
}

/// `crosscheck.toml`.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub compare: CompareSettings,
    /// Year → currency → USD per one unit of the currency.
    pub rates: BTreeMap<i32, BTreeMap<Currency, Decimal>>,
    pub link: LinkSettings,
    pub coverage: CoverageSettings,
    /// `[attributes]`: the declared kind of an attribute's values.
    pub attributes: BTreeMap<String, AttributeKind>,
}

/// What `[attributes]` may declare an attribute to hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AttributeKind {
    Number,
    Date,
    Ordinal,
    Text,
    Boolean,
    Set,
}

impl AttributeKind {
    pub const ALL: [AttributeKind; 6] = [
        AttributeKind::Number,
        AttributeKind::Date,
        AttributeKind::Ordinal,
        AttributeKind::Text,
        AttributeKind::Boolean,
        AttributeKind::Set,
    ];

    /// The word written in crosscheck.toml.
    pub fn name(self) -> &'static str {
        match self {
            AttributeKind::Number => "number",
            AttributeKind::Date => "date",
            AttributeKind::Ordinal => "ordinal",
            AttributeKind::Text => "text",
            AttributeKind::Boolean => "boolean",
            AttributeKind::Set => "set",
        }
    }

    /// The value kind it admits (besides `null`).
    pub fn value_kind(self) -> ValueKind {
        match self {
            AttributeKind::Number => ValueKind::Number,
            AttributeKind::Date => ValueKind::Date,
            AttributeKind::Ordinal => ValueKind::Ordinal,
            AttributeKind::Text => ValueKind::Text,
            AttributeKind::Boolean => ValueKind::Bool,
            AttributeKind::Set => ValueKind::Set,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CompareSettings {
    /// What `~` allows, as a fraction of the value.
    pub approx_tolerance: Decimal,
    /// The widest a round figure is read, as a fraction of its value on
    /// each side (0 reads every figure as written).
    pub rounding_tolerance: Decimal,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LinkSettings {
    /// Similarity (0..1) at or above which two subject names link. `None`
    /// (the default): similarity never links, it only ranks suggestions. A
    /// curator who sets it accepts that two different things with close
    /// names ("Brampton township" / "Hampton township", 0.88) may be joined.
    pub fuzzy_threshold: Option<f64>,
    /// Similarity at or above which a close pair is listed as a suggestion.
    pub suggest_threshold: f64,
}

/// Figures in the documents deliberately left unclaimed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CoverageSettings {
    pub ignore: Vec<CoverageIgnore>,
}

/// `[[coverage.ignore]]`: one figure (or every figure of a passage) no claim
/// needs to cover, with the reason.
#[derive(Debug, Clone, PartialEq)]
pub struct CoverageIgnore {
    /// The document path as in the claim files' `source.document`.
    pub document: String,
    /// Text of the passage holding the figure (matched like a quote).
    pub text: String,
    pub reason: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            compare: CompareSettings {
                approx_tolerance: Decimal::new(10, 2),
                rounding_tolerance: Decimal::new(5, 2),
            },
            rates: BTreeMap::new(),
            link: LinkSettings {
                fuzzy_threshold: None,
                suggest_threshold: 0.75,
            },
            coverage: CoverageSettings::default(),
            attributes: BTreeMap::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_index_agrees_with_a_scan() {
        let short = "{\n  \"quote\": \"بقيمة تقارب\"\n\n x\n";
        // Lines across several marks, some empty, some without a final newline.
        let long: String = (0..LINES_PER_MARK * 3 + 5)
            .map(|i| match i % 5 {
                0 => "\n".to_owned(),
                _ => format!("{}ب{}\n", "x".repeat(i % 4), "y".repeat(i % 3)),
            })
            .collect();
        for text in [short, &long, &long[..long.len() - 1], "", "\n\n"] {
            agrees_with_a_scan(text);
        }
    }

    fn agrees_with_a_scan(text: &str) {
        let index = LineIndex::new(text);
        for byte in 0..=text.len() + 2 {
            assert_eq!(
                index.line_column(text, byte),
                LineColumn::of(text, byte),
                "byte {byte}"
            );
        }
    }

    #[test]
    fn a_released_file_keeps_its_places_and_is_read_again_only_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        let text = "{\n  \"claims\": [\n    {\"value\": \"بقيمة\", \"x\": 1}\n  ]\n}\n";
        std::fs::write(&path, text).unwrap();
        let kept = text.find("\"x\"").unwrap();
        let asked_later = text.find('1').unwrap();
        let mut files = Files::default();
        let id = files.add("claims/s.json", text);
        let other = files.add("crosscheck.toml", "x = 1\n");
        files.release(vec![Release {
            file: id,
            path: path.clone(),
            canonical_root: None,
            places: vec![kept],
        }]);

        // A kept place is answered without the text; the other file is
        // untouched.
        assert_eq!(files.line_column(id, kept), LineColumn::of(text, kept));
        assert!(files.get(id).unwrap().text.get().is_none());
        assert_eq!(files.text(other), "x = 1\n");
        // Anything else reads the file again.
        assert_eq!(
            files.line_column(id, asked_later),
            LineColumn::of(text, asked_later)
        );
        assert_eq!(files.text(id), text);

        // A file changed since it was loaded is not quoted.
        let mut changed = Files::default();
        let id = changed.add("claims/s.json", text);
        changed.release(vec![Release {
            file: id,
            path: path.clone(),
            canonical_root: None,
            places: vec![kept],
        }]);
        std::fs::write(&path, text.replace("1}", "2}")).unwrap();
        assert_eq!(changed.text(id), "");
        assert_eq!(changed.line_column(id, kept), LineColumn::of(text, kept));

        // Nor is one swapped for a FIFO (opening it would block for ever) or
        // a link out of the project.
        #[cfg(unix)]
        for swap in ["fifo", "link out"] {
            let project = dir.path().join(swap.replace(' ', "-"));
            std::fs::create_dir(&project).unwrap();
            let path = project.join("s.json");
            std::fs::write(&path, text).unwrap();
            let mut files = Files::default();
            let id = files.add("claims/s.json", text);
            files.release(vec![Release {
                file: id,
                path: path.clone(),
                canonical_root: Some(project.canonicalize().unwrap()),
                places: Vec::new(),
            }]);
            std::fs::remove_file(&path).unwrap();
            if swap == "fifo" {
                let made = std::process::Command::new("mkfifo").arg(&path).status();
                assert!(made.unwrap().success());
            } else {
                let outside = dir.path().join("outside.json");
                std::fs::write(&outside, text).unwrap();
                std::os::unix::fs::symlink(&outside, &path).unwrap();
            }
            assert_eq!(files.text(id), "", "{swap}");
        }
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "{\n  \"quote\": \"بقيمة تقارب\" x";
        let byte = text.find('x').unwrap();
        assert_eq!(
            LineColumn::of(text, byte),
            LineColumn {
                line: 2,
                column: 26
            }
        );
    }
}
