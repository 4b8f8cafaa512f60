//! Coverage: the figures in the source documents that no claim's quote covers
//! and no `[[coverage.ignore]]` entry explains.
//!
//! A curator who claims "every checkable fact" of an article needs a way to
//! see what was missed: a figure left out of the claims is a fact the checker
//! never compares. This module finds the figures of each document, subtracts
//! the passages the claims quote (their [`QuoteLocation`]s, filled in by the
//! loader) and the passages `crosscheck.toml` deliberately leaves out, and
//! hands the rest, with places, to `crosscheck coverage`.
//!
//! # What a figure is
//!
//! Found on the text folded by [`normalize_for_quote`] (so tatweel,
//! diacritics, hamza forms and digit scripts do not matter), then mapped back
//! to the document's bytes:
//!
//! - a number in ASCII or Arabic-Indic digits (`155`, `١٥٥`, `1.5`, `15%`).
//!   A digit run glued to a Latin letter or to a URL's `%` escape is part of
//!   a code, not a figure (`f5` as a model name is caught by its claim, but
//!   `Q7rs` in a short link or `%D8` in an encoded URL are not numbers);
//!   digits inside a URL otherwise count (`-500-` in a slug does);
//! - a year: a four-digit number from 1900 to 2099;
//! - a time of day: hours and minutes with a colon, with or without
//!   `a.m.`, `pm` and the like (`11:11 p.m.`, `23:11`, `الساعة 23:11`), or four
//!   digits before `GMT` or `UTC` (`2211 GMT`): one figure, not two
//!   numbers, so one quote covers it;
//! - an amount: a scale word (مليون, ملايين, مليار, مليارات, …) followed
//!   within two words by a currency word (دولار, يورو, درهم, …), with or
//!   without digits, with a preceding مئات / عشرات / آلاف ("بمئات الملايين من
//!   الدولارات"); in English, a number after a currency sign (`$185
//!   million`, `US$ 2bn`, `€200m`) or an ISO code (`MAD 130 billion`), or
//!   with a scale and a currency word after it (`84.1 billion dollars`,
//!   in French `130 milliards de dirhams`), `$34bn` included, though a
//!   number glued to letters is otherwise a code;
//! - a date with an Arabic month name, from the Levantine series (كانون
//!   الثاني … كانون الأول) and the Maghreb/Egyptian one (يناير … ديسمبر, with
//!   ماي/مايو, يوليوز/يوليو, غشت/أغسطس, شتنبر/سبتمبر, نونبر/نوفمبر,
//!   دجنبر/ديسمبر). Words that are also common words (مارس "he practised",
//!   ماي) count only next to another figure, before a `/` or after شهر; آب
//!   counts only written with its madda (أب is "father");
//! - a date with an English month name, capitalised ("16 September 2023",
//!   "Sept. 14", "November 25, 2021"): the day after the month is part of
//!   the date, as English writes it. `May`, `March` and the abbreviations
//!   count only joined to another figure ("may" and "march" are verbs too,
//!   `Jan` a name);
//! - a date with a French month name, as Maghreb reporting in French
//!   writes it ("du 7 septembre", "en décembre 2019"), accented or not:
//!   only joined to another figure;
//! - a run of private-use characters (U+E000..U+F8FF): what a PDF extraction
//!   leaves when a font draws digits with private glyphs. They may be letters
//!   too; listing them is how a curator learns the document still holds the
//!   figures.
//!
//! Figures separated only by spaces, `/`, commas, `-`, و or من form one
//! figure ("25 نوفمبر 2021", "بين 20 و30 يونيو/حزيران", "200 مليون يورو"),
//! except a number after a month that is not a year ("7 و8 شتنبر 18
//! قتيلا": the 18 is a toll) and a number after a comma that follows a
//! number or a time ("18, 14 missing", "11:11 PM, 18 dead"): joined, a
//! quote covering one would cover the other.
//!
//! # Covered, explained, unexplained
//!
//! A figure is covered when a claim's quote overlaps it, at its location or
//! any other place the document repeats it word for word (a headline
//! repeating the body's sentence); a date naming its source's `published`
//! day (the dateline) is counted apart, since the claim file records it; a
//! figure is explained when the passage of an ignore entry for its document
//! (located like a quote, with [`quote::locate`]) contains it, and
//! unexplained otherwise.

use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, Write};
use std::ops::Range;

use unicode_normalization::char::is_combining_mark;

use crate::model::{FileId, LineColumn, Project, Span};
use crate::text::normalize::{ascii_digit, normalize_for_quote};
use crate::text::plural::noun;
use crate::text::quote;
use crate::value::calendar::MONTH_NAMES;
use crate::value::hint::{french_month, month};

/// What kind of figure a passage is, for the listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FigureKind {
    Number,
    Year,
    Amount,
    Date,
    /// A time of day: `11:11 p.m.`, `2211 GMT`.
    Time,
    /// Private-use glyphs: possibly digits a PDF extraction could not map.
    Glyphs,
}

impl FigureKind {
    pub fn name(self) -> &'static str {
        match self {
            FigureKind::Number => "number",
            FigureKind::Year => "year",
            FigureKind::Amount => "amount",
            FigureKind::Date => "date",
            FigureKind::Time => "time",
            FigureKind::Glyphs => "private-use glyphs",
        }
    }
}

impl fmt::Display for FigureKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One figure: a byte range of the document and its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub bytes: Range<usize>,
    pub kind: FigureKind,
}

/// A figure that nothing covers or explains, ready to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UncoveredFigure {
    /// The document's path as the project shows it.
    pub document: String,
    /// The figure's bytes in the document, for a diagnostic's label.
    pub span: Span,
    pub start: LineColumn,
    pub kind: FigureKind,
    /// The figure as written in the document.
    pub text: String,
    /// The whole line the figure starts on.
    pub line: String,
}

/// An ignore entry whose passage is not in its document: it explains
/// nothing, and probably was copied wrongly.
#[derive(Debug, Clone, PartialEq)]
pub struct IgnoreNotFound {
    /// 0-based position among the `[[coverage.ignore]]` entries.
    pub index: usize,
    pub document: String,
    pub text: String,
    /// Where the entry's text stands in `crosscheck.toml`, when it is
    /// written there without escapes.
    pub written_at: Option<LineColumn>,
    /// The closest passage of the document, where it starts, and its
    /// similarity (0..1).
    pub closest: String,
    pub closest_at: LineColumn,
    pub similarity: f64,
}

/// The result of [`coverage`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Coverage {
    pub documents: usize,
    pub figures: usize,
    /// Figures overlapped by a claim's quote.
    pub covered: usize,
    /// Dates that are their source's `published` day (a dateline: `ANKARA,
    /// Feb 20`), which the claim file already records.
    pub dated: usize,
    /// Figures inside a `[[coverage.ignore]]` passage (and no quote).
    pub explained: usize,
    /// Sorted by document, then position.
    pub uncovered: Vec<UncoveredFigure>,
    /// Ignore entries (0-based) whose passage holds no figure: stale.
    pub idle_ignores: Vec<usize>,
}

impl Coverage {
    /// `true` when every figure is covered or explained.
    pub fn is_complete(&self) -> bool {
        self.uncovered.is_empty()
    }
}

/// Checks every document of the project. Fails when an ignore entry's
/// passage is not in its document.
pub fn coverage(project: &Project) -> Result<Coverage, Vec<IgnoreNotFound>> {
    // One entry per document file, by its path (several sources may share one).
    let mut documents: BTreeMap<&str, FileId> = BTreeMap::new();
    let mut published_days: BTreeMap<&str, Vec<Day>> = BTreeMap::new();
    for source in &project.sources {
        if let Some(document) = &source.document {
            documents.insert(document.path.as_str(), document.file);
            let day = source.published_written.as_deref().and_then(iso_day);
            published_days
                .entry(document.path.as_str())
                .or_default()
                .extend(day);
        }
    }
    let mut result = Coverage {
        documents: documents.len(),
        ..Coverage::default()
    };
    let ignores = &project.settings.coverage.ignore;
    let mut ignore_hits = vec![0usize; ignores.len()];
    let mut not_found = Vec::new();
    for (path, &file) in &documents {
        let text = project.files.text(file);
        let normalized = normalize_for_quote(text);
        // Every place a quote occurs covers its figures, not only the first
        // (the one its location names): a headline repeating the body's
        // sentence is the same fact, already claimed.
        let quoted: Vec<Range<usize>> = project
            .claims()
            .filter_map(|(_, claim)| {
                let quote = claim.quote.as_ref()?;
                let location = quote.location.as_ref()?;
                (location.span.file == file).then_some((quote, location))
            })
            .flat_map(|(quote, location)| {
                let mut places = quote::occurrences(text, &normalized, &quote.text);
                places.push(location.span.bytes.clone());
                places
            })
            .collect();
        let mut ignored: Vec<(usize, Range<usize>)> = Vec::new();
        for (index, ignore) in ignores.iter().enumerate() {
            if ignore.document != *path {
                continue;
            }
            match quote::locate(text, &ignore.text) {
                Ok(found) => ignored.push((index, found.bytes)),
                Err(missing) => not_found.push(IgnoreNotFound {
                    index,
                    document: ignore.document.clone(),
                    text: ignore.text.clone(),
                    written_at: written_at(project, &ignore.text),
                    closest: text.get(missing.closest.clone()).unwrap_or("").to_owned(),
                    closest_at: LineColumn::of(text, missing.closest.start),
                    similarity: missing.similarity,
                }),
            }
        }
        let datelines = published_days.get(path).map_or(&[][..], Vec::as_slice);
        for figure in figures(text) {
            result.figures += 1;
            let overlaps =
                |r: &Range<usize>| r.start < figure.bytes.end && figure.bytes.start < r.end;
            let inside =
                |r: &Range<usize>| r.start <= figure.bytes.start && figure.bytes.end <= r.end;
            let explaining: Vec<usize> = ignored
                .iter()
                .filter(|(_, r)| inside(r))
                .map(|(index, _)| *index)
                .collect();
            for &index in &explaining {
                ignore_hits[index] += 1;
            }
            if quoted.iter().any(overlaps) {
                result.covered += 1;
            } else if figure.kind == FigureKind::Date
                && day_written(&text[figure.bytes.clone()])
                    .is_some_and(|written| datelines.iter().any(|day| written.is(day)))
            {
                result.dated += 1;
            } else if !explaining.is_empty() {
                result.explained += 1;
            } else {
                result.uncovered.push(uncovered(path, file, text, &figure));
            }
        }
    }
    if !not_found.is_empty() {
        return Err(not_found);
    }
    result.idle_ignores = ignores
        .iter()
        .enumerate()
        // An entry for a document no source has is the loader's error, not idle.
        .filter(|(index, ignore)| {
            ignore_hits[*index] == 0 && documents.contains_key(ignore.document.as_str())
        })
        .map(|(index, _)| index)
        .collect();
    Ok(result)
}

/// The position of `text` in the project's `crosscheck.toml`, if it is
/// there verbatim (an entry written with escapes is not found).
fn written_at(project: &Project, text: &str) -> Option<LineColumn> {
    let file = (0..)
        .map_while(|id| project.files.get(id).map(|file| (id, file)))
        .find(|(_, file)| file.name == "crosscheck.toml")?;
    let byte = file.1.text().find(text)?;
    Some(project.files.line_column(file.0, byte))
}

fn uncovered(path: &str, file: FileId, text: &str, figure: &Figure) -> UncoveredFigure {
    let line_start = text[..figure.bytes.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[figure.bytes.start..]
        .find('\n')
        .map_or(text.len(), |i| figure.bytes.start + i);
    UncoveredFigure {
        document: path.to_owned(),
        span: Span {
            file,
            bytes: figure.bytes.clone(),
        },
        start: LineColumn::of(text, figure.bytes.start),
        kind: figure.kind,
        text: text[figure.bytes.clone()].to_owned(),
        line: text[line_start..line_end].trim_end().to_owned(),
    }
}

/// Writes the listing: one entry per unexplained figure, then a summary line.
///
/// ```text
/// seeds/a.txt:3:17: year `2020` is not covered
///     بدأ التعاون الأمني في عام 2020
///
/// 12 figures in 2 documents: 9 quoted, 2 explained by [[coverage.ignore]], 1 unexplained
/// ```
pub fn render_text(coverage: &Coverage, out: &mut dyn Write) -> io::Result<()> {
    for figure in &coverage.uncovered {
        writeln!(
            out,
            "{}:{}: {} `{}` is not covered",
            figure.document, figure.start, figure.kind, figure.text
        )?;
        writeln!(out, "    {}", figure.line)?;
        writeln!(out)?;
    }
    for index in &coverage.idle_ignores {
        writeln!(
            out,
            "warning: [[coverage.ignore]] entry {} holds no figure; remove it",
            index + 1
        )?;
    }
    let dated = match coverage.dated {
        0 => String::new(),
        n => format!(", {n} the date of publication"),
    };
    writeln!(
        out,
        "{} {} in {} {}: {} quoted{dated}, {} explained by [[coverage.ignore]], {} unexplained",
        coverage.figures,
        noun(coverage.figures, "figure", "figures"),
        coverage.documents,
        noun(coverage.documents, "document", "documents"),
        coverage.covered,
        coverage.explained,
        coverage.uncovered.len()
    )
}

/// A calendar day: year, month, day.
type Day = (u32, u32, u32);

/// `2023-02-20` as a day; `None` for a month, a year or anything else.
fn iso_day(written: &str) -> Option<Day> {
    let mut parts = written.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |part: &str, len: usize| {
        (part.len() == len && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse().ok())?
    };
    if parts.next().is_some() {
        return None;
    }
    Some((digits(year, 4)?, digits(month, 2)?, digits(day, 2)?))
}

/// The day a date figure names, the year when it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct DayWritten {
    year: Option<u32>,
    month: u32,
    day: u32,
}

impl DayWritten {
    /// Whether this can be `day`: the same day and month, and the same
    /// year if one is written (a dateline often leaves it out).
    fn is(self, &(year, month, day): &Day) -> bool {
        self.month == month && self.day == day && self.year.is_none_or(|y| y == year)
    }
}

/// The day a date figure names (`28 February 2023`, `Feb. 20`, `21
/// فبراير/شباط 2023`, `November 25, 2021`); `None` for a month or a year
/// alone, a span of days, or anything else. Month names that are two
/// names of one month (`فبراير/شباط`) are one month.
fn day_written(figure: &str) -> Option<DayWritten> {
    let words: Vec<&str> = figure
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | ',' | '،'))
        .filter(|w| !w.is_empty())
        .collect();
    // One value per part; a second, different one is not one day.
    fn set<T: PartialEq>(slot: &mut Option<T>, value: T) -> Option<()> {
        match slot {
            Some(held) if *held != value => None,
            _ => {
                *slot = Some(value);
                Some(())
            }
        }
    }
    let (mut year, mut month_named, mut day) = (None, None, None);
    let mut i = 0;
    while i < words.len() {
        // Levantine names are two words (كانون الثاني).
        let two = words.get(i + 1).map(|next| format!("{} {next}", words[i]));
        if let Some(m) = two.as_deref().and_then(month) {
            set(&mut month_named, u32::from(m))?;
            i += 2;
            continue;
        }
        if let Some(m) = month(words[i]) {
            set(&mut month_named, u32::from(m))?;
            i += 1;
            continue;
        }
        let digits: String = words[i]
            .chars()
            .map(ascii_digit)
            .collect::<Option<String>>()?;
        match digits.len() {
            1 | 2 => set(&mut day, digits.parse().ok()?)?,
            4 => set(&mut year, digits.parse().ok()?)?,
            _ => return None,
        }
        i += 1;
    }
    Some(DayWritten {
        year,
        month: month_named?,
        day: day?,
    })
}

// ---------------------------------------------------------------------------
// Finding figures.

/// Month names after [`normalize_for_quote`] (hamza forms folded to ا).
const MONTHS: &[&str] = &[
    // Maghreb and Egypt.
    "يناير",
    "فبراير",
    "مارس",
    "ابريل",
    "افريل",
    "ماي",
    "مايو",
    "يونيو",
    "يونيه",
    "يوليو",
    "يوليوز",
    "غشت",
    "اغسطس",
    "سبتمبر",
    "شتنبر",
    "اكتوبر",
    "نونبر",
    "نوفمبر",
    "دجنبر",
    "ديسمبر",
    // Levant and Iraq (كانون and تشرين need their second word).
    "شباط",
    "اذار",
    "نيسان",
    "ايار",
    "حزيران",
    "تموز",
    "اب",
    "ايلول",
];
/// Months that are also ordinary words (مارس "he practised", ماي): they
/// count only in a date context. (آب is told from أب "father" by its madda.)
const WEAK_MONTHS: &[&str] = &["مارس", "ماي"];
const TWO_WORD_MONTHS: &[&str] = &["كانون", "تشرين"];
const MONTH_ORDINALS: &[&str] = &["الاول", "الثاني"];
const SCALES: &[&str] = &[
    "الف",
    "الاف",
    "مليون",
    "مليونا",
    "ملايين",
    "الملايين",
    "مليوني",
    "مليار",
    "مليارا",
    "مليارات",
    "المليارات",
    "ملياري",
    "المليار",
    "المليون",
];
/// Words before a scale ("بمئات الملايين"), folded: مئات → ميات (ئ → ي).
const MULTIPLIERS: &[&str] = &["ميات", "الميات", "عشرات", "الاف", "ميه", "بضع", "بضعه"];
const CURRENCIES: &[&str] = &[
    "دولار",
    "دولارا",
    "دولارات",
    "الدولار",
    "الدولارات",
    "يورو",
    "اليورو",
    "درهم",
    "دراهم",
    "الدراهم",
    "الدرهم",
];
/// One-letter prefixes (and their pairs) glued to a word: و ب ل ف ك.
const PREFIXES: &[&str] = &["", "و", "ب", "ل", "ف", "ك", "وب", "ول", "فب"];

/// Every figure of `text`, in order, as byte ranges of `text`.
pub fn figures(text: &str) -> Vec<Figure> {
    let folded = normalize_for_quote(text);
    let t = folded.text.as_str();
    let tokens = merge(t, tokens(text, &folded.origin, t));
    tokens
        .into_iter()
        .filter(|token| !token.weak)
        .map(|token| Figure {
            bytes: original(text, &folded.origin, token.bytes),
            kind: token.kind,
        })
        .collect()
}

/// A figure candidate in the folded text.
#[derive(Debug, Clone)]
struct Token {
    bytes: Range<usize>,
    kind: FigureKind,
    /// A weak month name with no date context yet.
    weak: bool,
    /// An English month, which the day follows ("Sept. 14"): a number of
    /// one or two digits after it is part of the date.
    day_follows: bool,
}

/// Every candidate of the folded text `t`, sorted by position: digit runs
/// and glyph runs from the characters, months and amounts from the words.
fn tokens(original_text: &str, origin: &[usize], t: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = t.char_indices().collect();
    let mut out = char_tokens(&chars, t);
    out.extend(word_tokens(
        original_text,
        origin,
        &arabic_words(&chars, t),
        t,
    ));
    out.extend(english_months(&chars, t));
    out.extend(french_months(&chars, t));
    out.extend(latin_amounts(&chars, t));
    out.sort_by_key(|token| (token.bytes.start, token.bytes.end));
    out
}

/// Numbers (digit runs that are not part of a code) and private-use runs.
fn char_tokens(chars: &[(usize, char)], t: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_ascii_digit()
            && let Some(end) = time_of_day(chars, i)
        {
            let end_byte = chars.get(end).map_or(t.len(), |&(b, _)| b);
            out.push(Token {
                bytes: start..end_byte,
                kind: FigureKind::Time,
                weak: false,
                day_follows: false,
            });
            i = end;
        } else if c.is_ascii_digit() {
            let mut j = i;
            while j < chars.len()
                && (chars[j].1.is_ascii_digit()
                    || (matches!(chars[j].1, '.' | ',' | '٫' | '٬')
                        && j + 1 < chars.len()
                        && chars[j + 1].1.is_ascii_digit()
                        && j > i))
            {
                j += 1;
            }
            let digits_end = j;
            if j < chars.len() && chars[j].1 == '%' {
                j += 1;
            }
            let before = i.checked_sub(1).map(|k| chars[k].1);
            let after = chars.get(digits_end).map(|&(_, c)| c);
            let code = before.is_some_and(|b| b.is_ascii_alphabetic() || b == '%')
                || after.is_some_and(|a| a.is_ascii_alphabetic());
            if !code {
                let end = chars.get(j).map_or(t.len(), |&(b, _)| b);
                let written = &t[start..end];
                let kind = if written.len() == 4
                    && written.chars().all(|c| c.is_ascii_digit())
                    && (1900..2100).contains(&written.parse::<u32>().unwrap_or(0))
                {
                    FigureKind::Year
                } else {
                    FigureKind::Number
                };
                out.push(Token {
                    bytes: start..end,
                    kind,
                    weak: false,
                    day_follows: false,
                });
            }
            i = j.max(i + 1);
        } else if is_private_use(c) {
            let mut j = i;
            while j < chars.len() && is_private_use(chars[j].1) {
                j += 1;
            }
            let end = chars.get(j).map_or(t.len(), |&(b, _)| b);
            out.push(Token {
                bytes: start..end,
                kind: FigureKind::Glyphs,
                weak: false,
                day_follows: false,
            });
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// Where a time of day that starts at `chars[i]` (a digit, not preceded by
/// one) ends: `H:MM` or `HH:MM` (hours below 24, minutes below 60) with
/// an `a.m.`, `am`, `p.m.` or `pm` after it, spaced or not; or `HHMM` before
/// ` GMT` or ` UTC`, which is kept. `None` for anything else (`3:1` in a
/// verse reference, `12:30:45`, a ratio `3:100`).
fn time_of_day(chars: &[(usize, char)], i: usize) -> Option<usize> {
    let digit = |k: usize| chars.get(k).and_then(|&(_, c)| c.to_digit(10));
    let is_char = |k: usize, c: char| chars.get(k).is_some_and(|&(_, x)| x == c);
    if i > 0 && (chars[i - 1].1.is_ascii_alphanumeric() || matches!(chars[i - 1].1, ':' | '.')) {
        return None;
    }
    let hour_digits = (i..i + 2).take_while(|&k| digit(k).is_some()).count();
    let hour_end = i + hour_digits;
    let number = |from: usize, to: usize| (from..to).try_fold(0, |n, k| Some(n * 10 + digit(k)?));
    let after_word = |k: usize| !chars.get(k).is_some_and(|&(_, c)| c.is_alphanumeric());
    if is_char(hour_end, ':') {
        let minutes = hour_end + 1;
        let end = minutes + 2;
        let valid = number(i, hour_end)? < 24
            && number(minutes, end)? < 60
            && digit(end).is_none()
            && !is_char(end, ':');
        if !valid {
            return None;
        }
        // `a.m.`, `p.m.`, `am`, `pm`, after one space or none.
        let word = if is_char(end, ' ') { end + 1 } else { end };
        let lower = |k: usize| chars.get(k).map(|&(_, c)| c.to_ascii_lowercase());
        if matches!(lower(word), Some('a' | 'p')) {
            if lower(word + 1) == Some('m') && after_word(word + 2) {
                return Some(word + 2);
            }
            if is_char(word + 1, '.') && lower(word + 2) == Some('m') && is_char(word + 3, '.') {
                return Some(word + 4);
            }
        }
        return Some(end);
    }
    // `2211 GMT`: four digits, a space, the zone.
    if hour_digits == 2 && digit(hour_end).is_some() && digit(hour_end + 1).is_some() {
        let end = hour_end + 2;
        let zone: String = chars.iter().skip(end).take(4).map(|&(_, c)| c).collect();
        let valid = number(i, hour_end)? < 24
            && number(hour_end, end)? < 60
            && digit(end).is_none()
            && (zone == " GMT" || zone == " UTC")
            && after_word(end + 4);
        if valid {
            return Some(end + 4);
        }
    }
    None
}

/// Month names and amounts (a scale word with its currency).
fn word_tokens(
    original_text: &str,
    origin: &[usize],
    words: &[Range<usize>],
    t: &str,
) -> Vec<Token> {
    let mut out = Vec::new();
    for (w, word) in words.iter().enumerate() {
        let text = &t[word.clone()];
        if let Some(month) = strip_prefix_to(text, MONTHS) {
            // آب folds to اب, as does أب (father): only the written آب is a month.
            if month == "اب"
                && (text != "اب" || !original_text[origin[word.start]..].starts_with('آ'))
            {
                continue;
            }
            let weak = WEAK_MONTHS.contains(&month)
                && !t[word.end..].trim_start().starts_with('/')
                && !(w > 0 && &t[words[w - 1].clone()] == "شهر");
            out.push(Token {
                bytes: word.clone(),
                kind: FigureKind::Date,
                weak,
                day_follows: false,
            });
        } else if strip_prefix_to(text, TWO_WORD_MONTHS).is_some()
            && let Some(next) = words.get(w + 1)
            && MONTH_ORDINALS.contains(&&t[next.clone()])
            && t[word.end..next.start].trim().is_empty()
        {
            out.push(Token {
                bytes: word.start..next.end,
                kind: FigureKind::Date,
                weak: false,
                day_follows: false,
            });
        } else if strip_prefix_to(text, SCALES).is_some()
            && let Some(currency) = (w + 1..words.len().min(w + 4))
                .take_while(|&k| k == w + 1 || words_between_ok(t, words, w, k))
                .find(|&k| strip_prefix_to(&t[words[k].clone()], CURRENCIES).is_some())
        {
            let begin = match w.checked_sub(1) {
                Some(p)
                    if strip_prefix_to(&t[words[p].clone()], MULTIPLIERS).is_some()
                        && t[words[p].end..word.start].trim().is_empty() =>
                {
                    words[p].start
                }
                _ => word.start,
            };
            out.push(Token {
                bytes: begin..words[currency].end,
                kind: FigureKind::Amount,
                weak: false,
                day_follows: false,
            });
        }
    }
    out
}

/// Between a scale word and its currency only "من" (of) may stand:
/// "بمئات الملايين من الدولارات".
fn words_between_ok(t: &str, words: &[Range<usize>], scale: usize, candidate: usize) -> bool {
    (scale + 1..candidate).all(|k| &t[words[k].clone()] == "من")
}

/// Whether a word of `in_word` letters starts at `i`: such a letter, with
/// no letter or digit before it.
fn starts_word(chars: &[(usize, char)], i: usize, in_word: fn(char) -> bool) -> bool {
    let c = chars[i].1;
    c.is_alphabetic()
        && in_word(c)
        && i.checked_sub(1)
            .is_none_or(|p| !chars[p].1.is_alphanumeric())
}

/// Where the run of `in_word` characters starting at `k` ends, and whether
/// another letter or digit is glued on there (`Febr2023`, `34bnX`): such a
/// run is part of a longer word, not a month or a scale.
fn word_end(chars: &[(usize, char)], k: usize, in_word: fn(char) -> bool) -> (usize, bool) {
    let mut j = k;
    while j < chars.len() && in_word(chars[j].1) {
        j += 1;
    }
    let glued = chars.get(j).is_some_and(|&(_, c)| c.is_alphanumeric());
    (j, glued)
}

/// [`word_end`] for a word of ASCII letters.
fn ascii_word_end(chars: &[(usize, char)], k: usize) -> (usize, bool) {
    word_end(chars, k, |c| c.is_ascii_alphabetic())
}

/// French month names, as Maghreb reporting in French writes dates ("du 7
/// septembre", "en décembre 2019"), with or without their accents. In
/// lower case, as French writes them, or capitalised; always weak: they
/// count only joined to another figure, since `mars` and `mai` stand alone
/// in other languages' text.
fn french_months(chars: &[(usize, char)], t: &str) -> Vec<Token> {
    let in_word = |c: char| c.is_alphabetic() || is_combining_mark(c);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !starts_word(chars, i, in_word) {
            i += 1;
            continue;
        }
        let start = chars[i].0;
        let (j, glued) = word_end(chars, i, in_word);
        let end = chars.get(j).map_or(t.len(), |&(b, _)| b);
        let bare: String = t[start..end]
            .chars()
            .filter(|&c| !is_combining_mark(c))
            .flat_map(char::to_lowercase)
            .collect();
        // Compared without accents: the folded text keeps them as
        // combining marks (decomposed), which `bare` drops.
        if !glued && french_month(&bare).is_some() {
            out.push(Token {
                bytes: start..end,
                kind: FigureKind::Date,
                weak: true,
                day_follows: false,
            });
        }
        i = j;
    }
    out
}

/// English month names, full or abbreviated, with the abbreviation's
/// period ("Sept. 10"): only capitalised, since "may" and "march" are
/// also verbs; `May`, `March` and the abbreviations (`Jan` is a name, `Mar`
/// a word in titles) count only joined to another figure, as the weak
/// Arabic months do.
fn english_months(chars: &[(usize, char)], t: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if !starts_word(chars, i, |c| c.is_ascii_alphabetic()) {
            i += 1;
            continue;
        }
        let (j, glued) = ascii_word_end(chars, i);
        let end = chars.get(j).map_or(t.len(), |&(b, _)| b);
        let word = &t[start..end];
        if !glued
            && c.is_ascii_uppercase()
            && let Some(number) = month(word)
        {
            let full = MONTH_NAMES[usize::from(number) - 1] == word;
            let period = !full && chars.get(j).is_some_and(|&(_, c)| c == '.');
            out.push(Token {
                bytes: start..if period { end + 1 } else { end },
                kind: FigureKind::Date,
                weak: !full || matches!(word, "May" | "March"),
                day_follows: true,
            });
        }
        i = j;
    }
    out
}

/// English scale words, after a number and a space or glued to it
/// (`34.2 billion`, `$34bn`); the one-letter ones only glued after a
/// currency sign (`$2m`, `€5b`), where they cannot be a unit.
const LATIN_SCALES: &[&str] = &[
    "thousand",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "bn",
    "mn",
    "tn",
    "milliard",
    "milliards",
];
const LATIN_SCALE_LETTERS: &[&str] = &["k", "m", "b"];

/// Currency words after an English or French amount (`84.1 billion
/// dollars`, `130 milliards de dirhams`).
const LATIN_CURRENCIES: &[&str] = &[
    "dollar", "dollars", "euro", "euros", "pound", "pounds", "dirham", "dirhams", "dinar",
    "dinars", "riyal", "riyals", "shekel", "shekels", "usd", "eur", "gbp", "mad",
];

/// English and French amounts: a number after a currency sign or an ISO
/// code (`$185 million`, `US$ 2bn`, `€200m`, `MAD 130 billion`), or with a
/// scale and a currency word after it (`84.1 billion dollars`, `130
/// milliards de dirhams`), as one figure from the sign to the last word.
/// A digit run glued to letters is a code to [`char_tokens`]; `$34bn` is
/// found here.
fn latin_amounts(chars: &[(usize, char)], t: &str) -> Vec<Token> {
    let end_of = |k: usize| chars.get(k).map_or(t.len(), |&(b, _)| b);
    // The letters of the word starting at `k`, and where it ends.
    let word_at = |k: usize| {
        let (j, glued) = ascii_word_end(chars, k);
        (!glued && j > k).then(|| (t[chars[k].0..end_of(j)].to_ascii_lowercase(), j))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts_number = chars[i].1.is_ascii_digit()
            && i.checked_sub(1)
                .is_none_or(|p| !chars[p].1.is_ascii_alphanumeric());
        if !starts_number {
            i += 1;
            continue;
        }
        // The currency sign before, past one space, and a `US` before `$`.
        let mut start = i;
        let mut k = i;
        if k > 0 && chars[k - 1].1 == ' ' {
            k -= 1;
        }
        // An ISO code and one space before (`MAD 130 billion`).
        let code = k >= 3 && k < i && (k - 3..k).all(|c| chars[c].1.is_ascii_uppercase()) && {
            let code: String = chars[k - 3..k].iter().map(|&(_, c)| c).collect();
            (k - 3)
                .checked_sub(1)
                .is_none_or(|p| !chars[p].1.is_alphanumeric())
                && crate::value::parse::currency(&code).is_some()
        };
        let signed = code || (k > 0 && matches!(chars[k - 1].1, '$' | '€' | '£'));
        if code {
            start = k - 3;
        } else if signed {
            start = k - 1;
            if chars[start].1 == '$' && start >= 2 && &t[chars[start - 2].0..chars[start].0] == "US"
            {
                start -= 2;
            }
        }
        let mut j = i;
        while j < chars.len()
            && (chars[j].1.is_ascii_digit()
                || (matches!(chars[j].1, '.' | ',')
                    && chars.get(j + 1).is_some_and(|&(_, c)| c.is_ascii_digit())))
        {
            j += 1;
        }
        let mut end = j;
        // The scale, glued or after one space.
        let glued_scale = word_at(j).filter(|(word, _)| {
            LATIN_SCALES.contains(&word.as_str())
                || (signed && LATIN_SCALE_LETTERS.contains(&word.as_str()))
        });
        let spaced_scale = (chars.get(j).is_some_and(|&(_, c)| c == ' '))
            .then(|| word_at(j + 1))
            .flatten()
            .filter(|(word, _)| LATIN_SCALES.contains(&word.as_str()));
        let scaled = glued_scale.or(spaced_scale);
        if let Some((_, after)) = &scaled {
            end = *after;
        }
        // The currency word after one space, or after `of` or `de` (`500
        // millions de dollars`).
        let word_after = |at: usize| {
            (chars.get(at).is_some_and(|&(_, c)| c == ' '))
                .then(|| word_at(at + 1))
                .flatten()
        };
        let currency_after = word_after(end)
            .and_then(|(word, after)| match word.as_str() {
                "of" | "de" if scaled.is_some() => word_after(after),
                _ => Some((word, after)),
            })
            .filter(|(word, _)| LATIN_CURRENCIES.contains(&word.as_str()));
        if let Some((_, after)) = &currency_after {
            end = *after;
        }
        if signed || (scaled.is_some() && currency_after.is_some()) {
            out.push(Token {
                bytes: chars[start].0..end_of(end),
                kind: FigureKind::Amount,
                weak: false,
                day_follows: false,
            });
        }
        i = end.max(j).max(i + 1);
    }
    out
}

/// Maximal runs of Arabic letters, as byte ranges of the folded text.
fn arabic_words(chars: &[(usize, char)], t: &str) -> Vec<Range<usize>> {
    let mut words = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if is_arabic_letter(chars[i].1) {
            let mut j = i;
            while j < chars.len() && is_arabic_letter(chars[j].1) {
                j += 1;
            }
            words.push(chars[i].0..chars.get(j).map_or(t.len(), |&(b, _)| b));
            i = j;
        } else {
            i += 1;
        }
    }
    words
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{064A}' | '\u{066E}'..='\u{06D3}')
}

fn is_private_use(c: char) -> bool {
    matches!(c, '\u{E000}'..='\u{F8FF}')
}

/// The entry of `list` that `word` is, after at most one glued prefix.
fn strip_prefix_to<'a>(word: &str, list: &[&'a str]) -> Option<&'a str> {
    PREFIXES.iter().find_map(|prefix| {
        let rest = word.strip_prefix(prefix)?;
        list.iter().copied().find(|entry| *entry == rest)
    })
}

/// Joins figures separated only by spaces, `/`, `,`, `،`, `-`, and at most
/// the word و or من; a weak month joined to anything is no longer weak.
/// Two figures that only sit side by side stay two: a number after a month
/// (Arabic writes the day first, so in "يومي 7 و8 شتنبر 18 قتيلا" the 18 is
/// the next sentence's toll, not part of the date) unless it is a year, and
/// a number after a comma that follows a number or a time ("18, 14
/// missing"). Joined, a quote covering
/// one would have covered the other.
fn merge(t: &str, tokens: Vec<Token>) -> Vec<Token> {
    let mut merged: Vec<Token> = Vec::new();
    for token in tokens {
        if let Some(last) = merged.last_mut()
            && token.bytes.start >= last.bytes.end
            && joinable(&t[last.bytes.end..token.bytes.start])
            && !side_by_side(last, &token, &t[last.bytes.end..token.bytes.start])
        {
            last.bytes.end = last.bytes.end.max(token.bytes.end);
            last.kind = combined(last.kind, token.kind);
            last.weak = false;
            last.day_follows = false;
            continue;
        }
        if let Some(last) = merged.last_mut()
            && token.bytes.start < last.bytes.end
        {
            // Overlap (an amount that starts at its number's word): one figure.
            last.bytes.end = last.bytes.end.max(token.bytes.end);
            last.kind = combined(last.kind, token.kind);
            last.weak &= token.weak;
            continue;
        }
        merged.push(token);
    }
    merged
}

/// The kind of two joined figures: a date beats an amount beats a year beats
/// a number; glyphs joined to a month make a date, to a currency an amount.
fn combined(a: FigureKind, b: FigureKind) -> FigureKind {
    use FigureKind::*;
    let rank = |k: FigureKind| match k {
        Date | Time => 4,
        Amount => 3,
        Year => 2,
        Number => 1,
        Glyphs => 0,
    };
    if rank(a) >= rank(b) { a } else { b }
}

/// Whether `next` only follows `last` (see [`merge`]) rather than
/// continuing it.
fn side_by_side(last: &Token, next: &Token, gap: &str) -> bool {
    let day_of_month =
        last.day_follows && next.bytes.len() <= 2 && gap.chars().all(char::is_whitespace);
    let after_month =
        last.kind == FigureKind::Date && next.kind == FigureKind::Number && !day_of_month;
    let listed = gap.contains([',', '،'])
        && matches!(last.kind, FigureKind::Number | FigureKind::Time)
        && next.kind == FigureKind::Number;
    after_month || listed
}

fn joinable(gap: &str) -> bool {
    let rest: String = gap
        .chars()
        .filter(|c| !(c.is_whitespace() || matches!(c, '/' | ',' | '،' | '-')))
        .collect();
    gap.len() <= 12 && matches!(rest.as_str(), "" | "و" | "من")
}

/// The original byte range that a folded byte range came from: from the
/// first contributing character to the end of the last one.
fn original(text: &str, origin: &[usize], folded: Range<usize>) -> Range<usize> {
    let start = origin.get(folded.start).copied().unwrap_or(text.len());
    let last = folded
        .end
        .checked_sub(1)
        .and_then(|b| origin.get(b))
        .copied()
        .unwrap_or(start);
    let end = text[last..]
        .chars()
        .next()
        .map_or(text.len(), |c| last + c.len_utf8());
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The figures of `text`, as written.
    fn written(text: &str) -> Vec<&str> {
        figures(text)
            .into_iter()
            .map(|figure| &text[figure.bytes])
            .collect()
    }

    #[test]
    fn figures_written_together_are_one() {
        assert_eq!(written("في 25 نوفمبر 2021 وقع"), ["25 نوفمبر 2021"]);
        assert_eq!(written("بين 20 و30 يونيو/حزيران"), ["20 و30 يونيو/حزيران"]);
        assert_eq!(written("a toll of 11,300 people"), ["11,300"]);
        assert_eq!(written("from 2,000-3,000 homes"), ["2,000-3,000"]);
        assert_eq!(written("November 25, 2021"), ["November 25, 2021"]);
        assert_eq!(
            written("By BBC News, 16 September 2023"),
            ["16 September 2023"]
        );
        assert_eq!(written("BENGHAZI, Sept 14 (Reuters)"), ["Sept 14"]);
        assert_eq!(written("burst on the night of Sept. 10 as"), ["Sept. 10"]);
        assert_eq!(written("struck in September, killing"), ["September"]);
        assert_eq!(
            written("l'élection présidentielle du 7 septembre."),
            ["7 septembre"]
        );
        assert_eq!(written("élu en décembre 2019 avec"), ["décembre 2019"]);
        // Alone, a French month is no figure: `mars` and `mai` are words
        // elsewhere, and a month without a day or year dates nothing.
        assert_eq!(written("prévu en septembre, puis"), Vec::<&str>::new());
        assert_eq!(
            written("damage at $34.2 billion, or 4% of"),
            ["$34.2 billion", "4%"]
        );
        assert_eq!(written("puts it at about $34bn, while"), ["$34bn"]);
        assert_eq!(written("a total of US$ 185 million."), ["US$ 185 million"]);
        assert_eq!(
            written("put it at 84.1 billion dollars"),
            ["84.1 billion dollars"]
        );
        assert_eq!(written("€200m for 12 jets"), ["€200m", "12"]);
        assert_eq!(
            written("Presentation of OCP's MAD 130 Billion Green Plan"),
            ["MAD 130 Billion"]
        );
        assert_eq!(
            written("un programme de 130 milliards de dirhams"),
            ["130 milliards de dirhams"]
        );
        // Capitals that are no currency code stay out of the figure.
        assert_eq!(written("THE 130 BILLION"), ["130"]);
        // A scale without a currency is a number, as before; a unit is no scale.
        assert_eq!(written("1.5 million people"), ["1.5"]);
        assert_eq!(written("a 155mm gun, 40 km away"), ["40"]);
    }

    #[test]
    fn figures_side_by_side_stay_two() {
        assert_eq!(written("يومي 7 و8 شتنبر 18 قتيلا"), ["7 و8 شتنبر", "18"]);
        assert_eq!(written("death toll rises to 18, 14 missing"), ["18", "14"]);
        assert_eq!(written("شتنبر 2024"), ["شتنبر 2024"]);
        assert_eq!(
            written("on 10 September 118 people"),
            ["10 September", "118"]
        );
        assert_eq!(written("officials may march in May"), Vec::<&str>::new());
        assert_eq!(written("Jan Egeland said 40"), ["40"]);
    }

    #[test]
    fn a_time_of_day_is_one_figure() {
        assert_eq!(
            written("The quake hit at 11:11 p.m. (2211 GMT) on Friday"),
            ["11:11 p.m.", "2211 GMT"]
        );
        assert_eq!(written("at 9:30am and 23:11"), ["9:30am", "23:11"]);
        assert_eq!(written("وقع الزلزال الساعة 23:11 ليلا"), ["23:11"]);
        assert_eq!(written("at 11:11 PM, 18 dead"), ["11:11 PM", "18"]);
        // Not times: hours or minutes out of range, a ratio, seconds, a
        // four-digit number with no zone.
        assert_eq!(written("a ratio of 3:100"), ["3", "100"]);
        assert_eq!(written("scored 25:61"), ["25", "61"]);
        assert_eq!(written("at 12:30:45"), ["12", "30", "45"]);
        assert_eq!(written("2211 people"), ["2211"]);
    }

    /// The day a dateline names, to compare with the source's `published`.
    #[test]
    fn a_date_figure_names_one_day() {
        let day = |year, month, day| Some(DayWritten { year, month, day });
        assert_eq!(day_written("28 February 2023"), day(Some(2023), 2, 28));
        assert_eq!(day_written("Feb. 20"), day(None, 2, 20));
        assert_eq!(day_written("November 25, 2021"), day(Some(2021), 11, 25));
        assert_eq!(day_written("21 فبراير/شباط 2023"), day(Some(2023), 2, 21));
        assert_eq!(
            day_written("١٠ ديسمبر/كانون الأول ٢٠٢٠"),
            day(Some(2020), 12, 10)
        );
        // A month, a span of days, two months: not one day.
        assert_eq!(day_written("February 2023"), None);
        assert_eq!(day_written("20 و30 يونيو/حزيران"), None);
        assert_eq!(day_written("7 8 شتنبر"), None);
        assert_eq!(day_written("يونيو/تموز 20"), None);
        assert!(day_written("Feb 20").is_some_and(|d| d.is(&(2023, 2, 20))));
        assert!(!day_written("Feb 20 2022").is_some_and(|d| d.is(&(2023, 2, 20))));
        assert_eq!(iso_day("2023-02-20"), Some((2023, 2, 20)));
        assert_eq!(iso_day("2023-02"), None);
    }
}
