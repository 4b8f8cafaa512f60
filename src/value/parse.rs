//! The value grammar: from the text a curator wrote to a [`Value`].
//!
//! Errors carry the character offset (not byte) inside the string where
//! parsing failed, so the loader can point at "the first O of 5OOM USD".
//!
//! The grammar (docs/values.md is the user-facing reference):
//!
//! ```text
//! value   := text | structured
//! structured := prefix? point unit?            prefix: ~ < <= > >=
//!             | point '..' point unit?
//! point   := number | calendar | '--' MM '-' DD | relative | ordinal
//! number  := '-'? digits (',' ddd)* ('.' digits)? ('k' | 'M' | 'B' | 'T')?
//! calendar:= YYYY ('-' MM ('-' DD ('T' HH ':' MM)?)?)?
//! relative:= 'published' (('+' | '-') digits ('y' | 'mo' | 'w' | 'd'))?
//! unit    := ' ' (ISO 4217 code | mm | cm | m | km | mi | km² | sq mi | ha
//!                 | g | kg | t | tonnes | barrels | people | %) | '%'
//! exact   := '=' number unit?                  an exact figure, never rounded
//! text    := '\'' anything                      explicit text, verbatim
//! ```
//!
//! A string is `structured` when it *starts like* a number or date (see
//! [`starts_like_structured`]); it must then parse completely, or it is an
//! error at the first character that does not fit. Every other non-empty
//! string is text, kept verbatim. Deciding on the first characters, rather
//! than "whatever fails to parse is text", is what keeps a typo such as
//! `5OOM USD` from silently becoming a name.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::{
    BoundOp, Currency, DatePoint, Form, MeasureUnit, NumberExpr, OffsetUnit, PartialDate,
    RelativeOffset, Scale, Unit, Value, WrittenNumber,
};

/// Why a value string does not parse, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueError {
    /// Offset in characters from the start of the value string.
    pub char_offset: usize,
    /// Length in characters of the offending part (at least 1, unless at the end).
    pub char_len: usize,
    /// What is wrong, in plain words.
    pub message: String,
    /// How to fix it: the valid forms at that point.
    pub help: String,
}

impl ValueError {
    fn new(
        char_offset: usize,
        char_len: usize,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Self {
        ValueError {
            char_offset,
            char_len,
            message: message.into(),
            help: help.into(),
        }
    }
}

/// The largest magnitude a number may have once its suffix is applied.
///
/// `rust_decimal` holds about 28 significant digits; keeping written values
/// well below that leaves room for unit conversion (`km` → m) and the `~`
/// tolerance without overflow, so every parsed value denotes exactly.
const MAX_MAGNITUDE_EXPONENT: u32 = 24;

/// The most decimal places a number may have: precision finer than this is
/// never in a news article, and bounding it keeps half a unit of the last
/// digit representable after conversion to base units.
const MAX_DECIMAL_PLACES: u32 = 18;

const HELP_AFTER_NUMBER: &str = "after a number may come a scale suffix (`k`, `M`, `B`, `T`), \
one space and a unit (`500M USD`, `40 km`), `%`, `..` and the end of a range (`100M..999M USD`), \
or nothing";

const HELP_UNITS: &str = "valid units are a currency code such as USD, EUR, MAD (ISO 4217, upper case), \
or mm, cm, m, km, mi, m², km², sq mi, ha, m³, l, barrels, g, kg, t (or tonnes), W, kW, MW, GW, \
Wh, kWh, MWh, GWh, TWh, people, %";

const HELP_POINT: &str = "expected a number (`500M`), a date (`2020-12`), a day of year (`--12-10`) \
or a date relative to publication (`published-5y`)";

const HELP_RELATIVE: &str = "a date relative to publication is `published`, or `published` with a sign, \
a count and a unit: `published-5y`, `published-18mo`, `published+2w`, `published-2d`";

const HELP_DAY_OF_YEAR: &str = "a day of year is exact: write `--12-10` alone, or a full date \
with `~`, a bound or a range (`~2020-12-10`, `2020-12-01..2020-12-10`)";

const HELP_ORDINAL: &str = "an ordinal is exact: write it alone (`2nd`); `~`, bounds and ranges \
apply to numbers and dates";

/// How a value string is read: what `crosscheck.toml` `[attributes]`
/// declares of its attribute, if anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Reading {
    /// A bare four-digit integer (`1500`) is a number, not a year: the
    /// attribute is declared a `number`.
    pub numbers_not_years: bool,
    /// Every string is text, verbatim: the attribute is declared `text`.
    pub text_only: bool,
}

/// The explicit text form: a leading `'` makes the rest of the string a
/// text, verbatim, even when it starts like a number (`'32H`, a gate).
pub const TEXT_MARK: char = '\'';

/// The exact-figure mark: a leading `=` (`=11,000`) says the figure is
/// exact, so it is never read as a round figure.
pub const EXACT_MARK: char = '=';

/// Parses a value written as a JSON string.
pub fn parse_value_str(written: &str) -> Result<Value, ValueError> {
    parse_value_with(written, Reading::default())
}

/// Parses a value written as a JSON string, read as `reading` says.
pub fn parse_value_with(written: &str, reading: Reading) -> Result<Value, ValueError> {
    // U+2212 and full-width digits read as ASCII; invisible characters refused.
    let normalised = super::typography::normalise(written)?;
    let text: &str = &normalised;
    if let Some(rest) = written.strip_prefix(TEXT_MARK) {
        return if rest.trim().is_empty() {
            Err(ValueError::new(
                0,
                written.chars().count(),
                "the text after `'` is empty",
                "write the text after the mark: `'32H`",
            ))
        } else {
            Ok(Value::Text(rest.to_string()))
        };
    }
    if reading.text_only && !written.trim().is_empty() {
        return Ok(Value::Text(written.to_string()));
    }
    // Values are short: their characters go on the stack, not the heap.
    let mut buffer = ['\0'; 64];
    let heap: Vec<char>;
    let chars: &[char] = if text.len() <= buffer.len() {
        let mut count = 0;
        for (slot, c) in buffer.iter_mut().zip(text.chars()) {
            *slot = c;
            count += 1;
        }
        &buffer[..count]
    } else {
        heap = text.chars().collect();
        &heap
    };
    if chars.iter().all(|c| c.is_whitespace()) {
        return Err(ValueError::new(
            0,
            chars.len(),
            "the value is empty",
            "write the value the quote states, or `null` (not a string) when the source states the fact \
but its value is unreadable",
        ));
    }
    let lead = chars.iter().take_while(|c| c.is_whitespace()).count();
    let trail = chars.iter().rev().take_while(|c| c.is_whitespace()).count();
    let core = &chars[lead..chars.len() - trail];
    if !starts_like_structured(core) {
        return Ok(Value::Text(written.to_string()));
    }
    let core_text = || core.iter().collect::<String>();
    if lead > 0 {
        return Err(ValueError::new(
            0,
            lead,
            "white space before a number or date",
            format!("remove it: write `{}`", core_text()),
        ));
    }
    if trail > 0 {
        return Err(ValueError::new(
            chars.len() - trail,
            trail,
            "white space after a number or date",
            format!("remove it: write `{}`", core_text()),
        ));
    }
    if core.first() == Some(&EXACT_MARK) {
        let value = Parser {
            chars: &core[1..],
            pos: 0,
            years: !reading.numbers_not_years,
        }
        .structured()
        .map_err(|mut error| {
            error.char_offset += 1;
            error
        })?;
        return match value {
            Value::Number(NumberExpr {
                form: Form::Exact(number),
                unit,
                ..
            }) => Ok(Value::Number(NumberExpr {
                form: Form::Exact(number),
                unit,
                marked_exact: true,
            })),
            _ => Err(ValueError::new(
                0,
                1,
                "`=` marks a number as exact, and this is not a plain number",
                "write `=` before a number, with its unit if any: `=11,000`, `=40 km`; \
bounds, ranges, `~` and dates say their precision themselves",
            )),
        };
    }
    Parser {
        chars: core,
        pos: 0,
        years: !reading.numbers_not_years,
    }
    .structured()
}

/// Whether a text must be written after the text mark [`TEXT_MARK`] to
/// read back as the same text.
pub fn needs_text_mark(text: &str) -> bool {
    let chars: Vec<char> = text.trim().chars().collect();
    text.starts_with(TEXT_MARK) || starts_like_structured(&chars)
}

/// Whether `chars` (trimmed, non-empty) must be read as a number, date or
/// ordinal rather than as text.
///
/// The first character decides: a digit; `~ < > <= >=` followed by a digit,
/// `-`, `p`, white space or nothing; `--`; `-` followed by a digit; or the
/// word `published`. A few near misses (`.5`, `+5`, Arabic-Indic digits) are
/// also claimed, so they get an error with a fix instead of becoming text.
fn starts_like_structured(chars: &[char]) -> bool {
    let at = |i: usize| chars.get(i).copied();
    let Some(first) = at(0) else {
        return false;
    };
    if first.is_ascii_digit() || arabic_indic_digit(first).is_some() {
        return true;
    }
    match first {
        '-' => at(1).is_some_and(|c| c == '-' || c.is_ascii_digit()),
        EXACT_MARK => chars.len() > 1 && starts_like_structured(&chars[1..]),
        '.' | '+' => at(1).is_some_and(|c| c.is_ascii_digit()),
        '~' | '<' | '>' => {
            let rest = if first != '~' && at(1) == Some('=') {
                2
            } else {
                1
            };
            match at(rest) {
                None => true,
                Some(c) => {
                    c.is_ascii_digit()
                        || c == '-'
                        || c == 'p'
                        || arabic_indic_digit(c).is_some()
                        || (c.is_whitespace() && at(rest + 1).is_some_and(|d| d.is_ascii_digit()))
                }
            }
        }
        'p' => {
            starts_with(chars, 0, "published")
                && at(9).is_none_or(|c| !c.is_alphabetic() && c != '_')
        }
        _ => false,
    }
}

fn starts_with(chars: &[char], at: usize, word: &str) -> bool {
    let mut rest = chars.get(at..).unwrap_or(&[]).iter();
    word.chars().all(|w| rest.next() == Some(&w))
}

/// The ASCII digit an Arabic-Indic (U+0660..) or Extended Arabic-Indic
/// (U+06F0..) digit stands for.
fn arabic_indic_digit(c: char) -> Option<char> {
    let code = c as u32;
    let value = match code {
        0x0660..=0x0669 => code - 0x0660,
        0x06F0..=0x06F9 => code - 0x06F0,
        _ => return None,
    };
    char::from_digit(value, 10)
}

/// One end of a value, before the unit tells a bare `2020` from a number.
#[derive(Debug, Clone, Copy)]
enum RawPoint {
    Number {
        number: WrittenNumber,
        /// `Some(year)` when written as exactly four digits and nothing else,
        /// which is a year unless the value has a unit.
        bare_year: Option<i32>,
    },
    Date(DatePoint),
    Ordinal(u32),
}

/// A point and where it was written.
#[derive(Debug, Clone, Copy)]
struct Located {
    point: RawPoint,
    start: usize,
    len: usize,
}

/// The shape of a value before its points are classified.
enum RawForm {
    Exact(Located),
    Approx(Located),
    Bound(BoundOp, Located),
    Range(Located, Located),
}

struct Parser<'a> {
    chars: &'a [char],
    pos: usize,
    /// Whether a bare four-digit integer is a year (see [`Reading`]).
    years: bool,
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.pos + ahead).copied()
    }

    fn at_end(&self) -> bool {
        self.pos >= self.chars.len()
    }

    fn looking_at(&self, word: &str) -> bool {
        starts_with(self.chars, self.pos, word)
    }

    fn text(&self, start: usize, end: usize) -> String {
        self.chars[start..end.min(self.chars.len())]
            .iter()
            .collect()
    }

    fn digit_run(&self, from: usize) -> usize {
        self.chars[from.min(self.chars.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    }

    /// An error at the current character, with the generic "unexpected" wording
    /// and a help that depends on what came before.
    fn unexpected(&self, help: &str) -> ValueError {
        match self.peek() {
            None => ValueError::new(self.pos, 0, "the value ends too early", help),
            Some(c) => {
                if let Some(ascii) = arabic_indic_digit(c) {
                    return ValueError::new(
                        self.pos,
                        1,
                        format!("`{c}` is an Arabic-Indic digit"),
                        format!(
                            "write values with the ASCII digits 0-9 (here `{ascii}`); quotes keep the \
digits of the document"
                        ),
                    );
                }
                ValueError::new(
                    self.pos,
                    1,
                    format!("unexpected {}", describe_char(c)),
                    help,
                )
            }
        }
    }

    fn structured(mut self) -> Result<Value, ValueError> {
        let first = self.chars.first().copied();
        // Near misses that are claimed only to explain them.
        match first {
            Some('.') => {
                return Err(ValueError::new(
                    0,
                    1,
                    "a number starts with a digit, not with a decimal point",
                    format!("write `0{}`", self.text(0, self.chars.len())),
                ));
            }
            Some('+') => {
                return Err(ValueError::new(
                    0,
                    1,
                    "a number takes no `+` sign",
                    format!("write `{}`", self.text(1, self.chars.len())),
                ));
            }
            Some(c) if arabic_indic_digit(c).is_some() => {
                let run = self
                    .chars
                    .iter()
                    .take_while(|&&c| arabic_indic_digit(c).is_some())
                    .count();
                let ascii: String = self.chars[..run]
                    .iter()
                    .filter_map(|&c| arabic_indic_digit(c))
                    .collect();
                return Err(ValueError::new(
                    0,
                    run,
                    "the value is written with Arabic-Indic digits",
                    format!(
                        "write values with the ASCII digits 0-9 (here `{ascii}`) and units as codes \
(`500M USD`); the quote keeps the digits of the document"
                    ),
                ));
            }
            _ => {}
        }

        let prefix_start = self.pos;
        let prefix = self.prefix();
        if let Some(symbol) = prefix.map(prefix_symbol) {
            match self.peek() {
                None => {
                    return Err(ValueError::new(
                        self.pos,
                        0,
                        format!("`{symbol}` must be followed by a number or date"),
                        format!("for example `{symbol}500M USD` or `{symbol}2021-01`"),
                    ));
                }
                Some(c) if c.is_whitespace() => {
                    return Err(ValueError::new(
                        self.pos,
                        1,
                        format!("white space after `{symbol}`"),
                        format!("write the number right after it: `{symbol}500M USD`"),
                    ));
                }
                _ => {}
            }
        }

        let first = self.point()?;
        let first_unit = self.unit()?;
        let form = if self.looking_at("..") {
            if let Some((_, start, len)) = first_unit {
                return Err(ValueError::new(
                    start,
                    len,
                    "a unit before `..`: a range takes one unit, written once after its second end",
                    "write both ends in one unit and the unit at the end: `100M..999M USD`, `100..2000 m`",
                ));
            }
            if let Some(symbol) = prefix.map(prefix_symbol) {
                return Err(ValueError::new(
                    self.pos,
                    2,
                    format!("a range cannot also have `{symbol}`"),
                    format!(
                        "write either a range (`100M..999M USD`) or a single value with `{symbol}` \
(`{symbol}500M USD`)"
                    ),
                ));
            }
            self.pos += 2;
            if self.at_end() {
                return Err(ValueError::new(
                    self.pos,
                    0,
                    "a range needs a second end after `..`",
                    "write both ends: `100M..999M USD`, `2022-06-20..2022-06-30`",
                ));
            }
            let second = self.point()?;
            if self.looking_at("..") {
                return Err(ValueError::new(
                    self.pos,
                    2,
                    "a range has exactly two ends",
                    "write one range `a..b`; for a list of names use a JSON array",
                ));
            }
            RawForm::Range(first, second)
        } else {
            match prefix {
                None => RawForm::Exact(first),
                Some(None) => RawForm::Approx(first),
                Some(Some(op)) => RawForm::Bound(op, first),
            }
        };
        let unit = match form {
            RawForm::Range(..) => self.unit()?,
            _ => first_unit,
        };
        if !self.at_end() {
            let dot_grouped = dot_grouped_help(&self.text(0, self.chars.len()));
            let help = match (self.peek(), &dot_grouped) {
                (Some(':'), _) => "a time is written after a full date: `2011-12-08T12:30`",
                // `10-fold`, `4,000-plus`: a word, not a date's month.
                (Some('-'), _) if self.peek_at(1).is_some_and(char::is_alphabetic) => {
                    "a hyphen joins no word to a number in the grammar: a range is `30..40`, \
a bound `>4,000`; to keep the text as written, start it with `'`"
                }
                (Some('-'), _) => {
                    "a date is written `YYYY-MM-DD` with a four-digit year: `2020-01-05`"
                }
                (Some('.'), Some(help)) => help,
                _ => HELP_AFTER_NUMBER,
            };
            return Err(self.unexpected(help));
        }
        classify(form, unit, prefix_start)
    }

    /// `~` → `Some(None)`, a bound → `Some(Some(op))`, nothing → `None`.
    fn prefix(&mut self) -> Option<Option<BoundOp>> {
        let (prefix, len) = match (self.peek(), self.peek_at(1)) {
            (Some('~'), _) => (None, 1),
            (Some('<'), Some('=')) => (Some(BoundOp::LessEqual), 2),
            (Some('<'), _) => (Some(BoundOp::Less), 1),
            (Some('>'), Some('=')) => (Some(BoundOp::GreaterEqual), 2),
            (Some('>'), _) => (Some(BoundOp::Greater), 1),
            _ => return None,
        };
        self.pos += len;
        Some(prefix)
    }

    fn point(&mut self) -> Result<Located, ValueError> {
        let start = self.pos;
        let point = match (self.peek(), self.peek_at(1)) {
            (Some('-'), Some('-')) => RawPoint::Date(self.day_of_year()?),
            (Some('-'), Some(c)) if c.is_ascii_digit() => self.number()?,
            (Some(c), _) if c.is_ascii_digit() => {
                if self.digit_run(self.pos) == 4
                    && self.peek_at(4) == Some('-')
                    && self.peek_at(5) != Some('-')
                {
                    RawPoint::Date(DatePoint::Calendar(self.calendar()?))
                } else {
                    self.number()?
                }
            }
            (Some('p'), _) if self.looking_at("published") => RawPoint::Date(self.relative()?),
            _ => return Err(self.unexpected(HELP_POINT)),
        };
        Ok(Located {
            point,
            start,
            len: self.pos - start,
        })
    }

    /// A number or an ordinal, from a digit or `-digit`.
    fn number(&mut self) -> Result<RawPoint, ValueError> {
        let start = self.pos;
        let negative = self.peek() == Some('-');
        if negative {
            self.pos += 1;
        }
        let mut digits = String::with_capacity(self.chars.len() - self.pos);
        let first_group = self.digit_run(self.pos);
        digits.extend(&self.chars[self.pos..self.pos + first_group]);
        self.pos += first_group;
        let mut grouped = false;
        while self.peek() == Some(',') {
            let comma = self.pos;
            let group = self.digit_run(comma + 1);
            if first_group > 3 || group != 3 {
                return Err(ValueError::new(
                    comma,
                    1,
                    "`,` separates thousands and must be followed by exactly three digits",
                    if first_group > 3 {
                        "group digits by three from the right (`3,000,000`) or drop the commas (`3000000`)"
                    } else {
                        "write `3,000` or `3000`; the decimal point is `.` (`3.5`)"
                    },
                ));
            }
            digits.extend(&self.chars[comma + 1..comma + 4]);
            self.pos = comma + 4;
            grouped = true;
        }
        let mut decimals = 0usize;
        if self.peek() == Some('.') && self.peek_at(1) != Some('.') {
            let point = self.pos;
            decimals = self.digit_run(point + 1);
            if decimals == 0 {
                return Err(ValueError::new(
                    point,
                    1,
                    "a decimal point must be followed by digits",
                    format!(
                        "write `{}` or `{}.5`; a range is written with two dots: `1..2`",
                        self.text(start, point),
                        self.text(start, point)
                    ),
                ));
            }
            digits.push('.');
            digits.extend(&self.chars[point + 1..point + 1 + decimals]);
            self.pos = point + 1 + decimals;
        }
        let number_end = self.pos;

        // Letters right after the digits: a scale suffix, an ordinal suffix, or a mistake.
        let letters_start = self.pos;
        let letters = self.chars[self.pos..]
            .iter()
            .take_while(|c| c.is_alphabetic())
            .count();
        let scale = match &self.chars[letters_start..letters_start + letters] {
            [] => Scale::One,
            ['k'] => Scale::Thousand,
            ['M'] => Scale::Million,
            ['B'] => Scale::Billion,
            ['T'] => Scale::Trillion,
            ['s', 't'] | ['n', 'd'] | ['r', 'd'] | ['t', 'h'] => {
                return self.ordinal(
                    start,
                    negative || grouped || decimals > 0,
                    &digits,
                    letters_start,
                );
            }
            _ => {
                let word = self.text(letters_start, letters_start + letters);
                return Err(self.after_number_letters(start, number_end, letters_start, &word));
            }
        };
        self.pos = letters_start + letters;

        let bare_year = (self.years
            && !negative
            && !grouped
            && decimals == 0
            && scale == Scale::One
            && digits.len() == 4)
            .then(|| digits.parse::<i32>().ok())
            .flatten();
        let mut written = digits;
        if negative {
            written.insert(0, '-');
        }
        let mantissa = Decimal::from_str_exact(&written).map_err(|_| {
            ValueError::new(
                start,
                number_end - start,
                "this number has too many digits to hold exactly (at most 28)",
                "round it to the precision the source gives, or use a suffix: `1.5T`",
            )
        })?;
        let number = WrittenNumber { mantissa, scale };
        check_limits(&number)
            .map_err(|(message, help)| ValueError::new(start, self.pos - start, message, help))?;
        Ok(RawPoint::Number { number, bare_year })
    }

    fn ordinal(
        &mut self,
        start: usize,
        decorated: bool,
        digits: &str,
        suffix_start: usize,
    ) -> Result<RawPoint, ValueError> {
        let suffix = self.text(suffix_start, suffix_start + 2);
        if decorated {
            return Err(ValueError::new(
                suffix_start,
                2,
                format!("`{suffix}` makes an ordinal, which is written with plain digits"),
                "write an ordinal as digits and a suffix (`2nd`, `1000th`), or drop the suffix for a number",
            ));
        }
        let n: u32 = match digits.parse() {
            Ok(n) if n > 0 => n,
            Ok(_) => {
                return Err(ValueError::new(
                    start,
                    suffix_start + 2 - start,
                    "ordinals start at `1st`",
                    "write the position in the order, counting from 1: `1st`, `2nd`, `3rd`",
                ));
            }
            Err(_) => {
                return Err(ValueError::new(
                    start,
                    suffix_start - start,
                    "this ordinal is too large",
                    "an ordinal is at most 4294967295th",
                ));
            }
        };
        let expected = ordinal_suffix(n);
        if suffix != expected {
            return Err(ValueError::new(
                suffix_start,
                2,
                format!("`{n}` takes the suffix `{expected}`, not `{suffix}`"),
                format!("did you mean `{n}{expected}`?"),
            ));
        }
        self.pos = suffix_start + 2;
        Ok(RawPoint::Ordinal(n))
    }

    /// The error for letters stuck to a number that are no suffix.
    fn after_number_letters(
        &self,
        start: usize,
        number_end: usize,
        at: usize,
        word: &str,
    ) -> ValueError {
        let number = self.text(start, number_end);
        let first = word.chars().next().unwrap_or(' ');
        if matches!(first, 'O' | 'o') {
            return ValueError::new(
                at,
                1,
                format!("the letter `{first}` inside a number"),
                "did you mean the digit `0`? Numbers are written with the digits 0-9",
            );
        }
        if matches!(first, 'e' | 'E')
            && self
                .chars
                .get(at + 1)
                .is_some_and(|c| c.is_ascii_digit() || *c == '-' || *c == '+')
        {
            return ValueError::new(
                at,
                1,
                "exponent notation (`1e5`) is not part of the value grammar",
                "write the digits (`100000`) or use a scale suffix (`100k`, `1.5M`)",
            );
        }
        if word == "s"
            && let Some((message, help)) = decade_help(&number)
        {
            return ValueError::new(at, 1, message, help);
        }
        if word == "m" {
            return ValueError::new(
                at,
                1,
                "`m` right after a number is ambiguous",
                format!("for millions write `{number}M`; for metres put a space: `{number} m`"),
            );
        }
        if matches!(
            word,
            "K" | "b" | "bn" | "mn" | "tn" | "Bn" | "Mn" | "mln" | "bln"
        ) {
            return ValueError::new(
                at,
                word.chars().count(),
                format!("`{word}` is not a scale suffix"),
                "scale suffixes are exactly `k` (thousand), `M` (million), `B` (billion), `T` (trillion)",
            );
        }
        if lookup_unit(word).is_some() {
            return ValueError::new(
                at,
                word.chars().count(),
                "a unit must be separated from its number by one space",
                format!("write `{number} {word}`"),
            );
        }
        let after_suffix = word
            .get(1..)
            .filter(|_| matches!(first, 'k' | 'M' | 'B' | 'T'));
        if let Some(unit) = after_suffix.filter(|rest| lookup_unit(rest).is_some()) {
            return ValueError::new(
                at + 1,
                unit.chars().count(),
                "a unit must be separated from its number by one space",
                format!("write `{number}{first} {unit}`"),
            );
        }
        ValueError::new(
            at,
            1,
            format!("unexpected {} after a number", describe_char(first)),
            HELP_AFTER_NUMBER,
        )
    }

    /// `YYYY-MM[-DD[THH:MM]]`; the caller has seen four digits and a `-`.
    fn calendar(&mut self) -> Result<PartialDate, ValueError> {
        let year: i32 = self.text(self.pos, self.pos + 4).parse().unwrap_or(0);
        self.pos += 4;
        let mut date = PartialDate {
            year,
            month: None,
            day: None,
            time: None,
        };
        self.pos += 1; // '-'
        let month = self.two_digits("the month", "`01` to `12`: `2020-01`")?;
        if !(1..=12).contains(&month) {
            return Err(ValueError::new(
                self.pos - 2,
                2,
                format!("there is no month {month:02}"),
                "months are `01` to `12`: `2020-12`",
            ));
        }
        date.month = Some(month);
        if self.peek() == Some('-') && self.peek_at(1) != Some('-') {
            self.pos += 1;
            let day = self.two_digits("the day", "`01` to `31`: `2020-12-01`")?;
            let last = days_in_month(year, month);
            if day == 0 || day > last {
                return Err(ValueError::new(
                    self.pos - 2,
                    2,
                    format!("{} {year:04} has no day {day:02}", month_name(month)),
                    format!("days of that month are `01` to `{last:02}`"),
                ));
            }
            date.day = Some(day);
            if self.peek() == Some('T') {
                self.pos += 1;
                let hour = self.two_digits("the hour", "`00` to `23`: `2011-12-08T19:10`")?;
                if hour > 23 {
                    return Err(ValueError::new(
                        self.pos - 2,
                        2,
                        format!("there is no hour {hour:02}"),
                        "hours are `00` to `23`: `2011-12-08T19:10`",
                    ));
                }
                if self.peek() != Some(':') {
                    return Err(self.unexpected("a time is written `THH:MM`: `2011-12-08T19:10`"));
                }
                self.pos += 1;
                let minute = self.two_digits("the minute", "`00` to `59`: `2011-12-08T19:10`")?;
                if minute > 59 {
                    return Err(ValueError::new(
                        self.pos - 2,
                        2,
                        format!("there is no minute {minute:02}"),
                        "minutes are `00` to `59`: `2011-12-08T19:10`",
                    ));
                }
                date.time = Some((hour, minute));
                if self.peek() == Some(':') {
                    return Err(ValueError::new(
                        self.pos,
                        1,
                        "a time is written to the minute",
                        "drop the seconds: `2011-12-08T19:10`",
                    ));
                }
                // `Z`, `+01:00`, `-05:00`: a zone the grammar has no place for.
                let zone = match self.peek() {
                    Some('Z') => 1,
                    Some('+' | '-') if self.digit_run(self.pos + 1) > 0 => self.chars[self.pos..]
                        .iter()
                        .take(6)
                        .take_while(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | ':'))
                        .count(),
                    _ => 0,
                };
                if zone > 0 {
                    return Err(ValueError::new(
                        self.pos,
                        zone,
                        "a time is written without a time zone",
                        "times are compared as written: write every claim of this fact in one \
                         zone (the local time, or UTC), without it, and say which in the \
                         claim's `note`: `2011-12-08T19:10`",
                    ));
                }
            }
        }
        if self.peek() == Some('T') {
            return Err(ValueError::new(
                self.pos,
                1,
                "a time needs a full date before it",
                "write the day too: `2011-12-08T19:10`",
            ));
        }
        Ok(date)
    }

    /// Exactly two ASCII digits, not followed by a third.
    fn two_digits(&mut self, what: &str, range: &str) -> Result<u8, ValueError> {
        let run = self.digit_run(self.pos);
        if run != 2 {
            let len = run.max(1).min(self.chars.len().saturating_sub(self.pos));
            return Err(ValueError::new(
                self.pos,
                len,
                format!("{what} is written with exactly two digits"),
                format!("write {range}"),
            ));
        }
        let value = self.text(self.pos, self.pos + 2).parse().unwrap_or(0);
        self.pos += 2;
        Ok(value)
    }

    /// `--MM-DD`.
    fn day_of_year(&mut self) -> Result<DatePoint, ValueError> {
        self.pos += 2;
        let month = self.two_digits("the month", "`--MM-DD`: `--12-10`")?;
        if !(1..=12).contains(&month) {
            return Err(ValueError::new(
                self.pos - 2,
                2,
                format!("there is no month {month:02}"),
                "months are `01` to `12`: `--12-10`",
            ));
        }
        if self.peek() != Some('-') {
            return Err(self.unexpected("a day of year is written `--MM-DD`: `--12-10`"));
        }
        self.pos += 1;
        let day = self.two_digits("the day", "`--MM-DD`: `--12-10`")?;
        // 29 February exists in some years, so it is a day of year.
        let last = days_in_month(2000, month);
        if day == 0 || day > last {
            return Err(ValueError::new(
                self.pos - 2,
                2,
                format!("{} has no day {day:02}", month_name(month)),
                format!("days of that month are `01` to `{last:02}`"),
            ));
        }
        Ok(DatePoint::DayOfYear { month, day })
    }

    /// `published`, `published-5y`, `published+2w`, ...
    fn relative(&mut self) -> Result<DatePoint, ValueError> {
        self.pos += "published".len();
        let sign = match self.peek() {
            Some('-') => -1i64,
            Some('+') => 1,
            Some(c) if c.is_ascii_digit() => {
                return Err(ValueError::new(
                    self.pos,
                    1,
                    "the offset from publication needs a sign",
                    "write `published-5y` (before) or `published+5y` (after)",
                ));
            }
            _ => {
                return Ok(DatePoint::Relative(RelativeOffset {
                    amount: 0,
                    unit: OffsetUnit::Day,
                }));
            }
        };
        self.pos += 1;
        let run = self.digit_run(self.pos);
        if run == 0 {
            return Err(self.unexpected(HELP_RELATIVE));
        }
        let magnitude: i64 = self
            .text(self.pos, self.pos + run)
            .parse()
            .unwrap_or(i64::MAX);
        let amount = i32::try_from(sign * magnitude.min(i64::from(i32::MAX)))
            .ok()
            .filter(|_| magnitude <= i64::from(i32::MAX));
        let Some(amount) = amount else {
            return Err(ValueError::new(
                self.pos,
                run,
                "this offset is too large",
                HELP_RELATIVE,
            ));
        };
        self.pos += run;
        let letters = self.chars[self.pos..]
            .iter()
            .take_while(|c| c.is_alphabetic())
            .count();
        let word = self.text(self.pos, self.pos + letters);
        let unit = match word.as_str() {
            "y" => OffsetUnit::Year,
            "mo" => OffsetUnit::Month,
            "w" => OffsetUnit::Week,
            "d" => OffsetUnit::Day,
            _ => {
                let help = if word == "m" || word == "M" {
                    "months are `mo` (`published-18mo`); units are y (years), mo (months), w (weeks), d (days)"
                } else {
                    "units are y (years), mo (months), w (weeks), d (days): `published-18mo`"
                };
                return Err(if letters == 0 {
                    self.unexpected(help)
                } else {
                    ValueError::new(
                        self.pos,
                        letters,
                        format!("`{word}` is not a unit of time"),
                        help,
                    )
                });
            }
        };
        self.pos += letters;
        Ok(DatePoint::Relative(RelativeOffset { amount, unit }))
    }

    /// An optional unit: ` USD`, ` km`, ` %` or `%`. Returns the unit and its span.
    fn unit(&mut self) -> Result<Option<(Unit, usize, usize)>, ValueError> {
        match self.peek() {
            Some('%') => {
                self.pos += 1;
                return Ok(Some((Unit::Measure(MeasureUnit::Percent), self.pos - 1, 1)));
            }
            Some(' ') => {}
            Some(c) if c.is_whitespace() => {
                return Err(ValueError::new(
                    self.pos,
                    1,
                    "the number and its unit are separated by one plain space",
                    "write `500M USD`",
                ));
            }
            _ => return Ok(None),
        }
        let space = self.pos;
        self.pos += 1;
        match self.peek() {
            Some(c) if c.is_whitespace() => {
                return Err(ValueError::new(
                    self.pos,
                    1,
                    "more than one space before the unit",
                    "write exactly one space: `500M USD`",
                ));
            }
            Some(c) if c.is_alphabetic() || c == '%' => {}
            _ => {
                let (before, after) = (self.text(0, space), self.text(space + 1, self.chars.len()));
                return Err(ValueError::new(
                    space,
                    1,
                    "unexpected white space",
                    spaced_figure_help(&before, &after),
                ));
            }
        }
        let start = self.pos;
        let word_len = |from: usize| {
            self.chars[from.min(self.chars.len())..]
                .iter()
                .take_while(|c| c.is_alphabetic() || matches!(**c, '²' | '³'))
                .count()
        };
        let mut len = if self.peek() == Some('%') {
            1
        } else {
            word_len(start)
        };
        // `sq mi`, `sq km`, `cu m`: the units written as two words.
        if matches!(self.text(start, start + len).as_str(), "sq" | "cu")
            && self.chars.get(start + len) == Some(&' ')
        {
            len += 1 + word_len(start + len + 1);
        }
        let word = self.text(start, start + len);
        match lookup_unit(&word) {
            Some(unit) => {
                self.pos += len;
                Ok(Some((unit, start, len)))
            }
            None => Err(unknown_unit(&word, start, len)),
        }
    }
}

fn prefix_symbol(prefix: Option<BoundOp>) -> &'static str {
    prefix.map_or("~", BoundOp::symbol)
}

/// Turns the raw form into a value, now that the unit says whether a bare
/// `2020` is a year or a number.
fn classify(
    form: RawForm,
    unit: Option<(Unit, usize, usize)>,
    prefix_start: usize,
) -> Result<Value, ValueError> {
    if let Some((unit, unit_start, unit_len)) = unit {
        let number = |p: Located| match p.point {
            RawPoint::Number { number, .. } => Ok(number),
            RawPoint::Date(_) => Err(ValueError::new(
                unit_start,
                unit_len,
                "a date takes no unit",
                "write the date alone: `2020-12-10`",
            )),
            RawPoint::Ordinal(_) => Err(ValueError::new(
                unit_start,
                unit_len,
                "an ordinal takes no unit",
                "write the ordinal alone: `2nd`",
            )),
        };
        let form = match form {
            RawForm::Exact(p) => Form::Exact(number(p)?),
            RawForm::Approx(p) => Form::Approx(number(p)?),
            RawForm::Bound(op, p) => Form::Bound(op, number(p)?),
            RawForm::Range(a, b) => {
                let (na, nb) = (number(a)?, number(b)?);
                check_number_order(&na, &nb, b)?;
                Form::Range(na, nb)
            }
        };
        return Ok(Value::Number(NumberExpr::new(form, Some(unit))));
    }

    let single = |p: Located, qualified: bool| -> Result<Value, ValueError> {
        match p.point {
            RawPoint::Number {
                bare_year: Some(year),
                ..
            } => Ok(Value::Date(Form::Exact(DatePoint::Calendar(year_only(
                year,
            ))))),
            RawPoint::Number { number, .. } => {
                Ok(Value::Number(NumberExpr::new(Form::Exact(number), None)))
            }
            RawPoint::Date(DatePoint::DayOfYear { .. }) if qualified => Err(ValueError::new(
                prefix_start,
                p.start - prefix_start,
                "a day of year (`--MM-DD`) cannot be approximate or bounded",
                HELP_DAY_OF_YEAR,
            )),
            RawPoint::Date(date) => Ok(Value::Date(Form::Exact(date))),
            RawPoint::Ordinal(_) if qualified => Err(ValueError::new(
                prefix_start,
                p.start - prefix_start,
                "an ordinal cannot be approximate or bounded",
                HELP_ORDINAL,
            )),
            RawPoint::Ordinal(n) => Ok(Value::Ordinal(n)),
        }
    };
    // Re-wraps an exact single value in the form's qualifier.
    let requalify = |value: Value, wrap: &dyn Fn(Kinded) -> Value| match value {
        Value::Number(NumberExpr {
            form: Form::Exact(n),
            ..
        }) => wrap(Kinded::Number(n)),
        Value::Date(Form::Exact(d)) => wrap(Kinded::Date(d)),
        other => other,
    };
    match form {
        RawForm::Exact(p) => single(p, false),
        RawForm::Approx(p) => Ok(requalify(single(p, true)?, &|k| match k {
            Kinded::Number(n) => Value::Number(NumberExpr::new(Form::Approx(n), None)),
            Kinded::Date(d) => Value::Date(Form::Approx(d)),
        })),
        RawForm::Bound(op, p) => Ok(requalify(single(p, true)?, &|k| match k {
            Kinded::Number(n) => Value::Number(NumberExpr::new(Form::Bound(op, n), None)),
            Kinded::Date(d) => Value::Date(Form::Bound(op, d)),
        })),
        RawForm::Range(a, b) => range(a, b),
    }
}

enum Kinded {
    Number(WrittenNumber),
    Date(DatePoint),
}

/// A unit-less range: two numbers, or two dates (a bare `2020` counting as a
/// year when the other end is a date or a year too).
fn range(a: Located, b: Located) -> Result<Value, ValueError> {
    for end in [a, b] {
        match end.point {
            RawPoint::Ordinal(_) => {
                return Err(ValueError::new(
                    end.start,
                    end.len,
                    "an ordinal cannot be the end of a range",
                    HELP_ORDINAL,
                ));
            }
            RawPoint::Date(DatePoint::DayOfYear { .. }) => {
                return Err(ValueError::new(
                    end.start,
                    end.len,
                    "a day of year (`--MM-DD`) cannot be the end of a range",
                    HELP_DAY_OF_YEAR,
                ));
            }
            _ => {}
        }
    }
    let as_date = |p: &Located| match p.point {
        RawPoint::Date(d) => Some(d),
        RawPoint::Number {
            bare_year: Some(y), ..
        } => Some(DatePoint::Calendar(year_only(y))),
        _ => None,
    };
    let a_is_date = matches!(a.point, RawPoint::Date(_));
    let b_is_date = matches!(b.point, RawPoint::Date(_));
    let a_year = matches!(
        a.point,
        RawPoint::Number {
            bare_year: Some(_),
            ..
        }
    );
    let b_year = matches!(
        b.point,
        RawPoint::Number {
            bare_year: Some(_),
            ..
        }
    );
    let dates = (a_is_date || a_year) && (b_is_date || b_year);
    if dates {
        let (Some(da), Some(db)) = (as_date(&a), as_date(&b)) else {
            unreachable!("both ends were checked to be dates");
        };
        check_date_order(&da, &db, b)?;
        return Ok(Value::Date(Form::Range(da, db)));
    }
    match (a.point, b.point) {
        (RawPoint::Number { number: na, .. }, RawPoint::Number { number: nb, .. })
            if !a_year && !b_year =>
        {
            check_number_order(&na, &nb, b)?;
            Ok(Value::Number(NumberExpr::new(Form::Range(na, nb), None)))
        }
        _ => {
            let describe = |p: &Located| match p.point {
                RawPoint::Date(_) => "a date",
                RawPoint::Number {
                    bare_year: Some(_), ..
                } => "a year",
                _ => "a number",
            };
            Err(ValueError::new(
                b.start,
                b.len,
                format!(
                    "both ends of a range must be the same kind, but the first is {} and the second {}",
                    describe(&a),
                    describe(&b)
                ),
                "four plain digits are a year (`2020..2021`); write a four-digit number with a comma \
(`1,000..20000`) or give it a unit (`1000..20000 USD`)",
            ))
        }
    }
}

fn year_only(year: i32) -> PartialDate {
    PartialDate {
        year,
        month: None,
        day: None,
        time: None,
    }
}

fn check_number_order(
    a: &WrittenNumber,
    b: &WrittenNumber,
    b_at: Located,
) -> Result<(), ValueError> {
    if b.value() < a.value() {
        return Err(ValueError::new(
            b_at.start,
            b_at.len,
            "the range runs backwards: its second end is below its first",
            "write the smaller end first: `50M..100M USD`",
        ));
    }
    Ok(())
}

fn check_date_order(a: &DatePoint, b: &DatePoint, b_at: Located) -> Result<(), ValueError> {
    let backwards = match (a, b) {
        (DatePoint::Calendar(a), DatePoint::Calendar(b)) => b.start_minute() < a.start_minute(),
        (DatePoint::Relative(a), DatePoint::Relative(b)) => {
            let (_, a_min) = a.day_bounds();
            let (b_max, _) = b.day_bounds();
            // Backwards whatever the publication date: b's latest is before a's earliest.
            b_max < a_min
        }
        // A calendar date against one relative to publication: only the
        // anchor can tell; `denote` covers both ends if they cross.
        _ => false,
    };
    if backwards {
        return Err(ValueError::new(
            b_at.start,
            b_at.len,
            "the range runs backwards: its second end is before its first",
            "write the earlier date first: `2022-06-20..2022-06-30`",
        ));
    }
    Ok(())
}

impl RelativeOffset {
    /// The (largest, smallest) number of days this offset can span, whatever
    /// the publication date: a year is 365 or 366 days, a month 28 to 31.
    /// Returned as (max, min) signed days, i.e. the later and the earlier shift.
    fn day_bounds(&self) -> (i64, i64) {
        let n = i64::from(self.amount);
        let (short, long) = match self.unit {
            OffsetUnit::Year => (365, 366),
            OffsetUnit::Month => (28, 31),
            OffsetUnit::Week => (7, 7),
            OffsetUnit::Day => (1, 1),
        };
        let (x, y) = (n * short, n * long);
        (x.max(y), x.min(y))
    }
}

/// Parses a value written as a JSON number, from its literal text (`3`, `1.5`, `2e3`).
///
/// The result is exact (no `f64` on the way): `2e3` is the integer 2000,
/// `1E-2` is 0.01 with two decimal places, and its precision is its last
/// digit once written out in full.
pub fn parse_json_number(literal: &str) -> Result<Value, ValueError> {
    let chars: Vec<char> = literal.chars().collect();
    let mut pos = 0;
    let bad = |pos: usize| {
        ValueError::new(
            pos,
            usize::from(pos < chars.len()),
            "not a JSON number",
            "a JSON number is digits with an optional `-`, `.digits` and exponent: `3`, `-1.5`, `2e3`",
        )
    };
    let negative = chars.first() == Some(&'-');
    if negative {
        pos += 1;
    }
    let int_len = chars[pos..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if int_len == 0 {
        return Err(bad(pos));
    }
    let int: String = chars[pos..pos + int_len].iter().collect();
    pos += int_len;
    let mut frac = String::new();
    if chars.get(pos) == Some(&'.') {
        let len = chars[pos + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if len == 0 {
            return Err(bad(pos + 1));
        }
        frac = chars[pos + 1..pos + 1 + len].iter().collect();
        pos += 1 + len;
    }
    let mut exponent: i64 = 0;
    if matches!(chars.get(pos), Some('e' | 'E')) {
        pos += 1;
        let exp_negative = match chars.get(pos) {
            Some('-') => {
                pos += 1;
                true
            }
            Some('+') => {
                pos += 1;
                false
            }
            _ => false,
        };
        let len = chars[pos..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if len == 0 {
            return Err(bad(pos));
        }
        let digits: String = chars[pos..pos + len].iter().collect();
        // An exponent past a few dozen is out of range anyway; cap before parsing.
        exponent = digits.parse::<i64>().unwrap_or(i64::MAX).min(10_000);
        if exp_negative {
            exponent = -exponent;
        }
        pos += len;
    }
    if pos != chars.len() {
        return Err(bad(pos));
    }
    let out_of_range = || {
        ValueError::new(
            0,
            chars.len(),
            format!("the number {literal} is out of the range crosscheck holds exactly"),
            format!(
                "numbers must be below 10^{MAX_MAGNITUDE_EXPONENT} with at most {MAX_DECIMAL_PLACES} \
decimal places and 28 digits; write it as a string with a scale suffix (`\"1.5T\"`) or round it"
            ),
        )
    };
    // Written out in full: the digits, then the decimal point moved by the exponent.
    let digits = format!("{int}{frac}");
    let point = i64::try_from(int.len()).unwrap_or(i64::MAX) + exponent;
    let sign = if negative { "-" } else { "" };
    let full = if point <= 0 {
        if -point > i64::from(MAX_DECIMAL_PLACES) {
            return Err(out_of_range());
        }
        let zeros = "0".repeat(usize::try_from(-point).unwrap_or(0));
        format!("{sign}0.{zeros}{digits}")
    } else {
        let point = usize::try_from(point).map_err(|_| out_of_range())?;
        if point > 40 {
            return Err(out_of_range());
        }
        if point >= digits.len() {
            format!("{sign}{digits}{}", "0".repeat(point - digits.len()))
        } else {
            format!("{sign}{}.{}", &digits[..point], &digits[point..])
        }
    };
    let mantissa = Decimal::from_str_exact(&full).map_err(|_| out_of_range())?;
    let number = WrittenNumber {
        mantissa,
        scale: Scale::One,
    };
    check_limits(&number).map_err(|_| out_of_range())?;
    Ok(Value::Number(NumberExpr::new(Form::Exact(number), None)))
}

/// Keeps every parsed number exactly representable through `denote`.
fn check_limits(number: &WrittenNumber) -> Result<(), (String, String)> {
    if number.mantissa.scale() > MAX_DECIMAL_PLACES {
        return Err((
            format!("more than {MAX_DECIMAL_PLACES} decimal places"),
            "round it to the precision the source gives".to_string(),
        ));
    }
    let limit =
        Decimal::from(10u64.pow(MAX_MAGNITUDE_EXPONENT - 12)) * Decimal::from(1_000_000_000_000u64);
    let too_large = number
        .mantissa
        .abs()
        .checked_mul(number.scale.multiplier())
        .is_none_or(|v| v >= limit);
    if too_large {
        return Err((
            format!("this number is too large (it must be below 10^{MAX_MAGNITUDE_EXPONENT})"),
            "check the digits and the scale suffix".to_string(),
        ));
    }
    Ok(())
}

impl WrittenNumber {
    /// The number it states: the mantissa times the suffix's multiplier.
    ///
    /// Saturates for values the parser never produces (it keeps numbers
    /// below 10^24).
    pub fn value(&self) -> Decimal {
        self.mantissa
            .checked_mul(self.scale.multiplier())
            .unwrap_or(if self.mantissa.is_sign_negative() {
                Decimal::MIN
            } else {
                Decimal::MAX
            })
    }

    /// One unit of the last written digit, times the suffix: `500M` → 1M, `1.50` → 0.01.
    pub fn unit_of_last_digit(&self) -> Decimal {
        Decimal::new(1, self.mantissa.scale()) * self.scale.multiplier()
    }
}

/// The suffix an ordinal takes in English: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st.
pub fn ordinal_suffix(n: u32) -> &'static str {
    if (11..=13).contains(&(n % 100)) {
        return "th";
    }
    match n % 10 {
        1 => "st",
        2 => "nd",
        3 => "rd",
        _ => "th",
    }
}

/// Days in `month` of `year` (proleptic Gregorian).
fn days_in_month(year: i32, month: u8) -> u8 {
    let days = super::calendar::month_length(i64::from(year), i64::from(month));
    u8::try_from(days).unwrap_or(31)
}

fn month_name(month: u8) -> &'static str {
    super::calendar::MONTH_NAMES
        .get(usize::from(month).wrapping_sub(1))
        .copied()
        .unwrap_or("that month")
}

fn describe_char(c: char) -> String {
    if c.is_whitespace() {
        "white space".to_string()
    } else if c.is_ascii_digit() {
        format!("digit `{c}`")
    } else if c.is_alphabetic() {
        format!("letter `{c}`")
    } else {
        format!("`{c}`")
    }
}

/// The symbols of the units of measure, for a suggestion when one is
/// written in the wrong case (`gw` for `GW`, `KM` for `km`).
const MEASURE_SYMBOLS: &[&str] = &[
    "mm", "cm", "m", "km", "mi", "m²", "km²", "sq mi", "ha", "m³", "l", "barrels", "g", "kg", "t",
    "tonnes", "W", "kW", "MW", "GW", "Wh", "kWh", "MWh", "GWh", "TWh", "people",
];

/// A unit symbol or a current ISO 4217 code, exactly as written.
fn lookup_unit(word: &str) -> Option<Unit> {
    let measure = match word {
        "mm" => Some(MeasureUnit::Millimetre),
        "cm" => Some(MeasureUnit::Centimetre),
        "m" => Some(MeasureUnit::Metre),
        "km" => Some(MeasureUnit::Kilometre),
        "g" => Some(MeasureUnit::Gram),
        "kg" => Some(MeasureUnit::Kilogram),
        "t" | "tonnes" | "tonne" => Some(MeasureUnit::Tonne),
        "%" => Some(MeasureUnit::Percent),
        "mi" => Some(MeasureUnit::Mile),
        "km²" | "sq km" => Some(MeasureUnit::SquareKilometre),
        "m²" | "sq m" => Some(MeasureUnit::SquareMetre),
        "m³" | "cu m" => Some(MeasureUnit::CubicMetre),
        "l" | "litres" | "litre" | "liters" | "liter" => Some(MeasureUnit::Litre),
        "W" => Some(MeasureUnit::Watt),
        "kW" => Some(MeasureUnit::Kilowatt),
        "MW" => Some(MeasureUnit::Megawatt),
        "GW" => Some(MeasureUnit::Gigawatt),
        "Wh" => Some(MeasureUnit::WattHour),
        "kWh" => Some(MeasureUnit::KilowattHour),
        "MWh" => Some(MeasureUnit::MegawattHour),
        "GWh" => Some(MeasureUnit::GigawattHour),
        "TWh" => Some(MeasureUnit::TerawattHour),
        "sq mi" => Some(MeasureUnit::SquareMile),
        "ha" => Some(MeasureUnit::Hectare),
        "barrels" | "barrel" | "bbl" => Some(MeasureUnit::Barrel),
        "people" => Some(MeasureUnit::People),
        _ => None,
    };
    if let Some(m) = measure {
        return Some(Unit::Measure(m));
    }
    currency(word).map(Unit::Currency)
}

/// The currency for a current ISO 4217 code.
pub fn currency(code: &str) -> Option<Currency> {
    let bytes: [u8; 3] = code.as_bytes().try_into().ok()?;
    ISO_4217.binary_search(&code).ok().map(|_| Currency(bytes))
}

fn unknown_unit(word: &str, start: usize, len: usize) -> ValueError {
    let upper = word.to_uppercase();
    let lower = word.to_lowercase();
    let same_letters = MEASURE_SYMBOLS
        .iter()
        .find(|symbol| symbol.to_lowercase() == lower);
    let suggestion = if currency(&upper).is_some() {
        Some(format!(
            "currency codes are upper case: did you mean `{upper}`?"
        ))
    } else if let Some(scale) = super::hint::scale_word(&lower) {
        Some(format!(
            "a scale is a letter glued to the number (`20{scale}`), and a unit follows after one space (`20{scale} t`, `20{scale} USD`)."
        ))
    } else if matches!(lower.as_str(), "tons" | "ton") {
        Some(
            "a ton may be a tonne (1,000 kg), a short ton (907 kg) or a long ton (1,016 kg): write `t` for tonnes, or convert and say so in the claim's `note`."
                .to_owned(),
        )
    } else if let Some(symbol) = same_letters {
        Some(format!(
            "units of measure are written as their symbols, in their case: did you mean `{symbol}`?"
        ))
    } else if word.chars().count() == 3 && word.chars().all(|c| c.is_ascii_uppercase()) {
        closest_currency(word)
            .map(|code| format!("`{word}` is not a current ISO 4217 code: did you mean `{code}`?"))
    } else if word.chars().all(|c| c.is_lowercase()) {
        Some(
            "to count things, write the number alone (`3`) and say what is counted in the \
attribute (`count`, `drones_delivered`)."
                .to_string(),
        )
    } else {
        None
    };
    let help = match suggestion {
        Some(s) => format!(
            "{s} V{}",
            HELP_UNITS.strip_prefix('v').unwrap_or(HELP_UNITS)
        ),
        None => HELP_UNITS.to_string(),
    };
    ValueError::new(
        start,
        len,
        format!("`{word}` is not a unit crosscheck knows"),
        help,
    )
}

/// The nearest ISO 4217 code by edit distance, ties to the alphabetically first.
fn closest_currency(word: &str) -> Option<&'static str> {
    ISO_4217
        .iter()
        .map(|code| (strsim::levenshtein(word, code), *code))
        .filter(|(distance, _)| *distance <= 1)
        .min()
        .map(|(_, code)| code)
}

/// Current ISO 4217 codes (List One, 2025), sorted for binary search.
///
/// Historic codes (HRK, CUC, ZWL, ...) are absent on purpose: a value in a
/// withdrawn currency needs a rate the settings cannot name by a current code
/// anyway; convert it by hand and say so in the claim's `note`.
const ISO_4217: &[&str] = &[
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD",
    "CAD", "CDF", "CHE", "CHF", "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUP", "CVE",
    "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL",
    "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR",
    "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD",
    "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK",
    "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MXV", "MYR", "MZN", "NAD", "NGN", "NIO",
    "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON",
    "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD",
    "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD",
    "TZS", "UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW", "UZS", "VED", "VES", "VND", "VUV",
    "WST", "XAF", "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XCD", "XCG", "XDR", "XOF", "XPD",
    "XPF", "XPT", "XSU", "XTS", "XUA", "XXX", "YER", "ZAR", "ZMW", "ZWG",
];

impl FromStr for Value {
    type Err = ValueError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        parse_value_str(text)
    }
}

/// What to say of a decade (`1970s`: write `1970..1979`); a year ending
/// in `00` may also mean the century, so both are offered. `None` when
/// `number` is no four-digit year ending in 0.
fn decade_help(number: &str) -> Option<(&'static str, String)> {
    let year: u32 = number.parse().ok()?;
    if number.len() != 4 || !year.is_multiple_of(10) {
        return None;
    }
    let decade = format!("write the years as a range: `{year}..{}`", year + 9);
    Some(match year % 100 {
        0 => (
            "a decade or a century is a span of years",
            format!(
                "{decade} for the decade, `{year}..{}` for the century",
                year + 99
            ),
        ),
        _ => ("a decade is a span of years", decade),
    })
}

/// The help for a figure with a space inside: what the space probably
/// stood for (a date's time, `2023-02-06 04:17`; thousands grouped with
/// spaces, `41 156`), else the rule.
fn spaced_figure_help(before: &str, after: &str) -> String {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let is_day = before.len() == 10
        && before.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    let is_time = after.len() == 5
        && after.as_bytes()[2] == b':'
        && digits(&after[..2])
        && digits(&after[3..]);
    if is_day && is_time {
        return format!("a time is written after the date with `T`: `{before}T{after}`");
    }
    let groups: Vec<&str> = after.split(' ').collect();
    if digits(before) && before.len() <= 3 && groups.iter().all(|g| g.len() == 3 && digits(g)) {
        return format!(
            "thousands are grouped with commas: `{before},{}`",
            groups.join(",")
        );
    }
    "a number or date is written without spaces, except the one before a unit: `500M USD`"
        .to_owned()
}

/// The help for a figure whose thousands are grouped with dots, as French,
/// German and much Arabic reporting write them (`5.329.253`): the same
/// figure with commas. `None` unless there are two dots or more, each
/// followed by exactly three digits: one dot (`5.329`) is a decimal point.
fn dot_grouped_help(value: &str) -> Option<String> {
    let number = value.split(' ').next()?;
    let groups: Vec<&str> = number.split('.').collect();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (first, rest) = groups.split_first()?;
    let grouped = rest.len() >= 2
        && digits(first)
        && first.len() <= 3
        && rest.iter().all(|g| g.len() == 3 && digits(g));
    grouped.then(|| {
        format!(
            "thousands are grouped with commas, not dots: `{}`",
            value.replacen(number, &groups.join(","), 1)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_list_is_sorted_and_unique() {
        assert!(ISO_4217.windows(2).all(|w| w[0] < w[1]));
        assert!(
            ISO_4217
                .iter()
                .all(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()))
        );
    }

    #[test]
    fn ordinal_suffixes() {
        let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111, 112, 1001]
            .iter()
            .map(|&n| format!("{n}{}", ordinal_suffix(n)))
            .collect();
        assert_eq!(
            got,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st",
                "111th", "112th", "1001st"
            ]
        );
    }

    #[test]
    fn long_and_short_values_read_alike() {
        // Up to 64 bytes the characters are buffered on the stack, past it
        // on the heap: both give the same values and the same positions.
        for pad in [10, 30, 40] {
            let number = format!("~1,500 {}", "k".repeat(pad));
            let error = parse_value_str(&format!("{number} ")).unwrap_err();
            assert_eq!(error.char_offset, number.chars().count(), "{number}");
            let arabic = format!("{} 12", "ب".repeat(pad));
            assert_eq!(parse_value_str(&arabic), Ok(Value::Text(arabic.clone())));
        }
        let day = |pad: usize| format!("2020-01-01..2020-12-3{}", "1".repeat(pad));
        let (short, long) = (day(10), day(50));
        assert!(short.len() <= 64 && long.len() > 64);
        let (short, long) = (
            parse_value_str(&short).unwrap_err(),
            parse_value_str(&long).unwrap_err(),
        );
        assert_eq!(
            (short.char_offset, short.char_len + 40, short.message),
            (long.char_offset, long.char_len, long.message)
        );
    }

    #[test]
    fn explicit_text_exact_marks_and_declared_readings() {
        assert_eq!(parse_value_str("'32H"), Ok(Value::Text("32H".into())));
        assert_eq!(parse_value_str("''x"), Ok(Value::Text("'x".into())));
        assert!(parse_value_str("'").is_err());
        // `=` marks a plain number exact, and nothing else.
        let Ok(Value::Number(exact)) = parse_value_str("=11,000") else {
            panic!("=11,000 is a number");
        };
        assert!(exact.marked_exact);
        assert_eq!(exact.to_string(), "=11000");
        for bad in ["=~500M", "=2020-12", "=>5", "=1..2"] {
            assert!(parse_value_str(bad).is_err(), "{bad}");
        }
        // A declared number reads four digits as a number; declared text
        // reads anything as text.
        let number = Reading {
            numbers_not_years: true,
            text_only: false,
        };
        assert!(matches!(
            parse_value_with("1500", number),
            Ok(Value::Number(_))
        ));
        assert!(matches!(parse_value_str("1500"), Ok(Value::Date(_))));
        let text = Reading {
            numbers_not_years: false,
            text_only: true,
        };
        assert_eq!(parse_value_with("32H", text), Ok(Value::Text("32H".into())));
        // Text that would read back as something else prints with its mark.
        assert_eq!(Value::Text("32H".into()).to_string(), "'32H");
        assert_eq!(Value::Text("Barak 8".into()).to_string(), "Barak 8");
        // News units.
        for unit in [
            "1,200 km²",
            "463 sq mi",
            "120,000 ha",
            "7 mi",
            "2,000 barrels",
            "300 tonnes",
            "30,000 people",
            "1,200 sq km",
        ] {
            assert!(
                matches!(parse_value_str(unit), Ok(Value::Number(_))),
                "{unit}"
            );
        }
    }

    #[test]
    fn text_is_kept_verbatim() {
        for text in [
            "Barak 8",
            "Tel Aviv",
            " Tel Aviv ",
            "منظومة براك",
            "~about",
            "publisher",
            "-x",
            "<none>",
        ] {
            assert_eq!(
                parse_value_str(text),
                Ok(Value::Text(text.to_string())),
                "{text}"
            );
        }
    }

    #[test]
    fn commas_are_dropped_but_make_a_number() {
        let Ok(Value::Number(n)) = parse_value_str("3,000,000") else {
            panic!("3,000,000 is a number")
        };
        let three_million = WrittenNumber {
            mantissa: Decimal::from(3_000_000),
            scale: Scale::One,
        };
        assert_eq!(n.form, Form::Exact(three_million));
        // Four plain digits are a year; with a comma, a number.
        assert!(matches!(parse_value_str("3000"), Ok(Value::Date(_))));
        assert!(matches!(parse_value_str("3,000"), Ok(Value::Number(_))));
    }

    #[test]
    fn json_numbers_are_exact() {
        let number = |s: &str| match parse_json_number(s) {
            Ok(Value::Number(NumberExpr {
                form: Form::Exact(n),
                unit: None,
                ..
            })) => n.mantissa.to_string(),
            other => format!("{other:?}"),
        };
        assert_eq!(number("3"), "3");
        assert_eq!(number("1.5"), "1.5");
        assert_eq!(number("-2"), "-2");
        assert_eq!(number("2e3"), "2000");
        assert_eq!(number("1E-2"), "0.01");
        assert_eq!(number("1.25e1"), "12.5");
        assert_eq!(number("0.1"), "0.1");
        assert!(parse_json_number("1e400").is_err());
        assert!(parse_json_number("1e-400").is_err());
        assert!(parse_json_number("12345678901234567890123456789012").is_err());
        assert!(parse_json_number("1e99999999999999999999").is_err());
        assert!(parse_json_number("abc").is_err());
    }
}
