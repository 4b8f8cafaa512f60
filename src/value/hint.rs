//! Risky readings of a value, and the form the curator probably meant.
//!
//! The grammar reads a string that does not start like a number or date as
//! text, and a bare four-digit integer as a year. Both are right most of
//! the time and silently wrong the rest: `at least 3,958` becomes a name,
//! `1500` dead becomes the year 1500. The loader asks [`risk`] about every
//! value of an attribute that `crosscheck.toml` `[attributes]` does not
//! declare, and shows a warning with the form this module proposes.
//!
//! Only wording and suggestions live here: no reading is changed.

use crate::text::normalize::ascii_digit;

use super::{DateExpr, DatePoint, Form, Value};

/// Why a value's reading is risky.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Risk {
    /// A bare four-digit integer read as a year; `years_after_publication`
    /// when that year comes after the year its source was published (a
    /// report cannot state a year it has not reached: `2946` dead in an
    /// article of 2023 is a count), so the warning can say so.
    BareYear {
        year: i32,
        years_after_publication: Option<i32>,
    },
    /// A four-digit figure written with `~`, a bound or as a range
    /// (`>=3958`, `~4000`, `8500..9000`) read as a date, its latest year
    /// `years_after_publication` after its source was published: a report
    /// cannot date what it has not reached, so it is most likely a count.
    /// `meant` is the same figure written as a number (`>=3,958`).
    YearsAfterPublication {
        year: i32,
        years_after_publication: i32,
        meant: String,
    },
    /// A number whose dot is followed by three digits, the last a zero
    /// (`25.000`, `1.500`): the grammar reads three decimals, but French,
    /// German, Spanish and Turkish reporting group thousands with a dot.
    /// `meant` is the value with the dots read as thousands (`25,000`).
    DotThousands { meant: String },
    /// A text that looks like a number, date or bound with words around it;
    /// `meant` is the value form it probably stands for, when recognised.
    TextLooksStructured { meant: Option<String> },
}

/// The risk in reading `written` as `value`, in a source `published`
/// then, if any.
pub fn risk(written: &str, value: &Value, published: Option<&DateExpr>) -> Option<Risk> {
    match value {
        Value::Date(Form::Exact(DatePoint::Calendar(date)))
            if date.month.is_none() && is_bare_year(written) =>
        {
            let published_year = match published {
                Some(Form::Exact(DatePoint::Calendar(published))) => Some(published.year),
                _ => None,
            };
            Some(Risk::BareYear {
                year: date.year,
                years_after_publication: published_year
                    .map(|published| date.year - published)
                    .filter(|&after| after > 0),
            })
        }
        Value::Date(form) if !matches!(form, Form::Exact(_)) => {
            let published_year = match published {
                Some(Form::Exact(DatePoint::Calendar(published))) => published.year,
                _ => return None,
            };
            let year = four_digit_years(written, form)?;
            (year > published_year).then(|| Risk::YearsAfterPublication {
                year,
                years_after_publication: year - published_year,
                meant: with_thousands_commas(written),
            })
        }
        Value::Number(_) => dot_thousands(written).map(|meant| Risk::DotThousands { meant }),
        Value::Text(text) if !written.starts_with(super::parse::TEXT_MARK) => {
            match probable_form(text) {
                Some(meant) => Some(Risk::TextLooksStructured { meant: Some(meant) }),
                None if is_vague_quantity(text) || is_hedged_figure(text) => {
                    Some(Risk::TextLooksStructured { meant: None })
                }
                None => None,
            }
        }
        _ => None,
    }
}

/// The latest year of a date form every point of which is a bare year
/// written as four digits (`~4000`, `>=3958`, `8500..9000`), else `None`.
fn four_digit_years(written: &str, form: &Form<DatePoint>) -> Option<i32> {
    let year = |point: &DatePoint| match point {
        DatePoint::Calendar(date) if date.month.is_none() => Some(date.year),
        _ => None,
    };
    let latest = match form {
        Form::Exact(point) | Form::Approx(point) | Form::Bound(_, point) => year(point)?,
        Form::Range(from, to) => year(from)?.max(year(to)?),
    };
    let figures = written
        .trim_start_matches(['~', '<', '>', '='])
        .split("..")
        .all(is_bare_year);
    figures.then_some(latest)
}

/// The count a date written as bare four-digit years meant (`>1500` →
/// `>1,500`, `1500..2000` → `1,500..2,000`); `None` for any other form.
/// A count whose comma was left out reads as a year: the mixed-kinds
/// check says so with this form.
pub fn count_written_as_year(written: &str) -> Option<String> {
    let figures = written.trim_start_matches(['~', '<', '>', '=']);
    figures
        .split("..")
        .all(is_bare_year)
        .then(|| with_thousands_commas(written))
}

/// `written` with each four-digit figure given its thousands comma, the
/// form that keeps it a number: `>=3958` → `>=3,958`.
fn with_thousands_commas(written: &str) -> String {
    let prefix_len = written.len() - written.trim_start_matches(['~', '<', '>', '=']).len();
    let (prefix, figures) = written.split_at(prefix_len);
    let figures: Vec<String> = figures.split("..").map(count_form).collect();
    format!("{prefix}{}", figures.join(".."))
}

/// A four-digit figure with its thousands comma (`3958` → `3,958`): the
/// form the grammar reads as a number, not a year.
fn count_form(four_digits: &str) -> String {
    format!("{},{}", &four_digits[..1], &four_digits[1..])
}

/// `written` with each figure of one to three digits, a dot and three
/// digits ending in zero (`25.000`) read as grouped thousands (`25,000`),
/// or `None` when it has no such figure. Figures with more digits on
/// either side (`1250.500`, `3.1415`) are decimals in any convention.
fn dot_thousands(written: &str) -> Option<String> {
    let chars: Vec<char> = written.chars().collect();
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let mut meant = String::with_capacity(written.len());
    let mut found = false;
    for (i, &c) in chars.iter().enumerate() {
        let grouping = c == '.'
            && digit(i.wrapping_sub(1))
            && (1..=3).all(|k| digit(i + k))
            && chars[i + 3] == '0'
            && !digit(i + 4)
            && !(chars.get(i + 4) == Some(&'.') && digit(i + 5))
            && {
                let whole = chars[..i]
                    .iter()
                    .rev()
                    .take_while(|c| c.is_ascii_digit())
                    .count();
                // Another group before (`5.329.253`, `1,250.500`), not a
                // range's `..`.
                let start = i - whole;
                let grouped =
                    start >= 2 && matches!(chars[start - 1], ',' | '.') && digit(start - 2);
                whole <= 3 && !grouped
            };
        found |= grouping;
        meant.push(if grouping { ',' } else { c });
    }
    found.then_some(meant)
}

fn is_bare_year(written: &str) -> bool {
    written.len() == 4 && written.bytes().all(|b| b.is_ascii_digit())
}

/// The value form a text probably meant: `at least 3,958` → `>=3,958`,
/// `about 500 million dollars` → `~500M USD`, `$1.2bn` → `1.2B USD`,
/// `between 40 and 50` → `40..50`, `hundreds of millions of dollars` →
/// `100M..999M USD`, `September 10, 2023` → `2023-09-10`, `Q3 2024` →
/// `2024-07..2024-09`, `10 سبتمبر 2023` → `2023-09-10`.
pub fn probable_form(text: &str) -> Option<String> {
    let text = text.trim();
    if let Some(date) = written_date(text) {
        return Some(date);
    }
    let lower = text.to_lowercase();
    if let Some(span) = part_of_year(&lower) {
        return Some(span);
    }
    if let Some(span) = part_of_month(&lower) {
        return Some(span);
    }
    if let Some(span) = decade(&lower) {
        return Some(span);
    }
    if let Some(relative) = relative_day(&lower) {
        return Some(relative);
    }
    if let Some(n) = number_word(&lower) {
        return Some(n.to_string());
    }
    if let Some(position) = ordinal_word(&lower) {
        return Some(position);
    }
    if let Some((rest, symbol)) = super::hedge::strip_leading(&lower) {
        // "More than 5000" counts; "about 2020" may be a year.
        let count = symbol.starts_with(['<', '>']);
        return figure(rest).map(|f| format!("{symbol}{}", f.written_as_count_if(count)));
    }
    if let Some(rest) = lower.strip_suffix(" على الأقل") {
        return figure(rest).map(|f| format!(">={}", f.written_as_count_if(true)));
    }
    if let Some(rest) = lower.strip_suffix(" or more") {
        return figure(rest).map(|f| format!(">={}", f.written_as_count_if(true)));
    }
    // `€60 million-plus`, `4,000-plus`: more than the figure.
    if let Some(rest) = lower
        .strip_suffix("-plus")
        .or_else(|| lower.strip_suffix(" plus"))
    {
        return figure(rest).map(|f| format!(">{}", f.written_as_count_if(true)));
    }
    if let Some(range) = range(&lower) {
        return Some(range);
    }
    if let Some(magnitude) = order_of_magnitude(&lower) {
        return Some(magnitude);
    }
    // A bare figure only when something in it was read as more than digits
    // (`$500 million`, `1.2 billion dirhams`, `7 976 291`): digits alone are
    // a number the grammar reads already, or a name ("Barak 8").
    figure(&lower)
        .filter(|f| !f.scale.is_empty() || !f.unit.is_empty() || f.dozens || f.spaced)
        .map(|f| f.to_string())
}

/// A figure as the grammar writes it: digits, scale suffix, unit.
#[derive(Debug, Clone, PartialEq)]
struct Figure {
    digits: String,
    scale: &'static str,
    /// With its leading space (` USD`), or empty.
    unit: String,
    /// Counted in dozens (`a dozen`, `two dozen`): the digits are the count.
    dozens: bool,
    /// Written with its thousands grouped by spaces (`7 976 291`).
    spaced: bool,
}

impl Figure {
    /// When `count`, a bare four-digit figure with its thousands comma
    /// (`5,000`), which the grammar reads as a number, not a year.
    fn written_as_count_if(mut self, count: bool) -> Figure {
        let bare = self.scale.is_empty() && self.unit.is_empty();
        if count
            && bare
            && self.digits.len() == 4
            && self.digits.bytes().all(|b| b.is_ascii_digit())
        {
            self.digits = count_form(&self.digits);
        }
        self
    }
}

impl std::fmt::Display for Figure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}{}", self.digits, self.scale, self.unit)
    }
}

/// A figure with optional scale and currency or unit words, in lower case:
/// `3,958`, `11,300 people`, `500 million dollars`, `1.2 مليار دولار`, a
/// currency first (`$500 million`, `€300m`, `usd 500m`, `egp 5 billion`)
/// with the scale glued on (`1.2bn`; `m` is millions only after a currency,
/// since `3m` alone may be metres), `a million` and `a dozen`. A fraction
/// or a vague quantity after the number (`a third`, `a few hundred`,
/// `dozens`) is no figure: read as `a` alone it was proposed as 1.
fn figure(text: &str) -> Option<Figure> {
    let text = text.trim();
    let (mut unit, text) = match leading_currency(text) {
        Some((code, rest)) => (format!(" {code}"), rest),
        None => (String::new(), text),
    };
    let currency_first = !unit.is_empty();
    let mut words = text.split_whitespace().peekable();
    let first = words.next()?;
    let spelled = number_word(first).map(|n| n.to_string());
    let (number, glued) = match first {
        "a" | "one" => ("1", ""),
        _ if spelled.is_some() => (spelled.as_deref().unwrap_or_default(), ""),
        _ => {
            let end = first
                .char_indices()
                .find(|(_, c)| {
                    !(c.is_ascii_digit()
                        || ('\u{660}'..='\u{669}').contains(c)
                        || matches!(c, '.' | ',' | '٬' | '٫'))
                })
                .map_or(first.len(), |(at, _)| at);
            first.split_at(end)
        }
    };
    // Thousands grouped with spaces (`3 958`, `7 976 291`, as French
    // writes them) are one number: read alone, `3` would be proposed.
    let mut number = number.to_owned();
    let mut spaced = false;
    while glued.is_empty()
        && let Some(group) =
            words.next_if(|w| w.chars().count() == 3 && w.chars().all(|c| ascii_digit(c).is_some()))
    {
        number.push(',');
        number.push_str(group);
        spaced = true;
    }
    let digits = ascii_number(&number)?;
    // A bare four-digit figure written with its thousands separator
    // (`3,958`) keeps it: without, the grammar reads it as a year.
    let written_as_count = number.contains([',', '٬']);
    let mut scale = match glued {
        "" => "",
        "k" => "k",
        "bn" | "b" => "B",
        "m" | "mn" if !unit.is_empty() => "M",
        // French: `60M€`, `1,5Md€`.
        _ if unit.is_empty() && euro_scale(glued).is_some() => {
            unit = " EUR".to_owned();
            euro_scale(glued).unwrap_or_default()
        }
        "€" if unit.is_empty() => {
            unit = " EUR".to_owned();
            ""
        }
        // `30-40%`: the percent sign glued to the number.
        "%" if unit.is_empty() => {
            unit = " %".to_owned();
            ""
        }
        _ => return None,
    };
    let mut dozens = false;
    // A word right after the number that is none of those known may be a
    // scale in a language not listed (`lakh`): a scale or unit after it
    // would then be proposed without it, a figure off by its factor.
    let mut unknown_first = false;
    let mut first_word = true;
    while let Some(word) = words.next() {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '%' && c != '€');
        // French elides `de` before a vowel: `60 millions d'euros`.
        let word = ["d'", "d’", "l'", "l’"]
            .iter()
            .find_map(|elided| word.strip_prefix(elided))
            .unwrap_or(word);
        // "per cent", "pour cent" and "في المئة" are one word.
        let word = match (word, words.peek()) {
            ("per" | "pour", Some(&"cent")) | ("في", Some(&"المئة" | &"المائة")) => {
                words.next();
                "percent"
            }
            _ => word,
        };
        let first = std::mem::replace(&mut first_word, false);
        let next = words
            .peek()
            .map(|next| next.trim_matches(|c: char| !c.is_alphanumeric()));
        if let Some(named) = next.and_then(|next| compound_unit(word, next)) {
            words.next();
            if unknown_first {
                return None;
            }
            unit = named.to_owned();
        } else if let Some(named) = euro_scale(word) {
            scale = named;
            unit = " EUR".to_owned();
        } else if UNIT_MODIFIERS.contains(&word) || SEVERAL_UNITS.contains(&word) {
            return None;
        } else if let Some(named) = scale_word(word) {
            if unknown_first {
                return None;
            }
            scale = named;
        } else if let Some(named) = unit_word(word) {
            if unknown_first {
                return None;
            }
            unit = named.to_owned();
        } else if word == "dozen" && !dozens && scale.is_empty() {
            dozens = true;
        } else if VAGUE_PARTS.contains(&word) || SEVERAL_CURRENCIES.contains(&word) {
            return None;
        } else if first && !FILLERS.contains(&word) {
            unknown_first = true;
        }
    }
    // `€60 gazillion`: the word may be a scale, and the currency read
    // before the number would make the figure off by its factor.
    if unknown_first && currency_first {
        return None;
    }
    let digits = match dozens {
        true => (digits.parse::<u64>().ok()? * 12).to_string(),
        false => digits,
    };
    let figure = Figure {
        digits,
        scale,
        unit,
        dozens,
        spaced,
    };
    Some(figure.written_as_count_if(written_as_count))
}

/// Words that may stand between a number and its scale or unit: `500
/// million of US dollars`, `500 millions de dollars`, `500 مليون من
/// الدولارات`.
const FILLERS: &[&str] = &["of", "us", "u.s", "de", "d", "du", "des", "من"];

/// Currency names several currencies share (the Algerian, Tunisian and
/// Libyan dinar; the Saudi riyal and the Iranian rial; the Egyptian and
/// British pound): the figure is money, but in which currency only the
/// story says, so nothing is proposed rather than a bare number.
const SEVERAL_CURRENCIES: &[&str] = &[
    "dinar",
    "dinars",
    "riyal",
    "riyals",
    "rial",
    "rials",
    "pound",
    "pounds",
    "franc",
    "francs",
    "دينار",
    "دينارا",
    "ريال",
    "ريالا",
    "جنيه",
    "جنيها",
];

/// The scale of a French abbreviation for euros: `M€` (millions), `Md€`,
/// `Mds€`, `Mrd€` (milliards), in lower case.
fn euro_scale(word: &str) -> Option<&'static str> {
    match word {
        "m€" => Some("M"),
        "md€" | "mds€" | "mrd€" => Some("B"),
        _ => None,
    }
}

/// A unit written as two words, in either order (Arabic and French put
/// the adjective after the noun): `cubic metres`, `متر مكعب`, `mètres
/// cubes`, `square kilometres`.
fn compound_unit(word: &str, next: &str) -> Option<&'static str> {
    const METRES: &[&str] = &["metres", "meters", "metre", "meter", "mètres", "mètre"];
    const KILOMETRES: &[&str] = &[
        "kilometres",
        "kilometers",
        "kilometre",
        "kilometer",
        "kilomètres",
        "kilomètre",
    ];
    let (modifier, noun) = match (word, next) {
        ("cubic" | "square", noun) => (word, noun),
        (noun, "cubes" | "cube" | "carrés" | "carré") => (next, noun),
        (noun, "مكعب" | "مكعبا" | "مكعبة" | "مربع" | "مربعا" | "مربعة") => {
            (next, noun)
        }
        _ => return None,
    };
    let cubic = matches!(
        modifier,
        "cubic" | "cubes" | "cube" | "مكعب" | "مكعبا" | "مكعبة"
    );
    let metres = METRES.contains(&noun) || matches!(noun, "متر" | "مترا" | "أمتار");
    let kilometres =
        KILOMETRES.contains(&noun) || matches!(noun, "كيلومتر" | "كيلومترا" | "كيلومترات" | "كلم");
    let miles = matches!(noun, "miles" | "mile");
    Some(match (cubic, metres, kilometres, miles) {
        (true, true, _, _) => " m³",
        (false, true, _, _) => " m²",
        (false, _, true, _) => " km²",
        (false, _, _, true) => " sq mi",
        _ => return None,
    })
}

/// Words that change the unit next to them (`cubic` metres are no
/// metres, `nautical` miles no miles): when no [`compound_unit`] reads
/// the pair, the figure gets no proposal rather than the plain unit.
const UNIT_MODIFIERS: &[&str] = &[
    "cubic",
    "square",
    "nautical",
    "cubes",
    "cube",
    "carrés",
    "carré",
    "marins",
    "marin",
    "مكعب",
    "مكعبا",
    "مكعبة",
    "مربع",
    "مربعا",
    "مربعة",
    "بحري",
    "بحريا",
    "بحرية",
];

/// Unit names that stand for several units: a `ton` is a tonne, a short
/// ton (907 kg) or a long ton (1,016 kg), a `gallon` a US or an imperial
/// one. As with [`SEVERAL_CURRENCIES`], nothing is proposed.
const SEVERAL_UNITS: &[&str] = &["tons", "ton", "gallons", "gallon", "ounces", "ounce"];

/// Words after a number that make it a part or a vague quantity, not a
/// count: `a third`, `half a`, `a few`, `a couple of`, `dozens`.
pub(crate) const VAGUE_PARTS: &[&str] = &[
    "half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth",
    "tenths", "few", "couple", "fraction", "dozens", "handful", "نصف", "ثلث", "ربع", "بضع", "بضعة",
];

/// A number in ASCII digits with `.` for the decimal point: Arabic-Indic
/// digits become ASCII, `٫` and a decimal comma (`1,5`: a comma not
/// followed by exactly three digits cannot group thousands) become `.`,
/// and commas grouping thousands go.
fn ascii_number(number: &str) -> Option<String> {
    let ascii: String = number
        .chars()
        .map(|c| match c {
            '٫' => '.',
            '٬' => ',',
            other => ascii_digit(other).unwrap_or(other),
        })
        .collect();
    // `25.000` groups thousands in French and reads 25 in English: no
    // proposal rather than a figure a thousand times off.
    if let Some((_, fraction)) = ascii.split_once('.')
        && !ascii.contains(',')
        && fraction.len() == 3
    {
        return None;
    }
    let groups: Vec<&str> = ascii.split(',').collect();
    let digits = match groups.as_slice() {
        [whole, fraction] if fraction.len() != 3 && !whole.contains('.') => {
            format!("{whole}.{fraction}")
        }
        _ => groups.concat(),
    };
    let well_formed = !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.matches('.').count() <= 1
        && !digits.starts_with('.')
        && !digits.ends_with('.');
    well_formed.then_some(digits)
}

/// A currency written before a figure, and what follows it: `$`, `us$`,
/// `€`, `£`, or an ISO 4217 code and a space (`usd 500m`).
fn leading_currency(text: &str) -> Option<(String, &str)> {
    for (symbol, code) in [("us$", "USD"), ("$", "USD"), ("€", "EUR"), ("£", "GBP")] {
        if let Some(rest) = text.strip_prefix(symbol) {
            return Some((code.to_owned(), rest.trim_start()));
        }
    }
    let (word, rest) = text.split_once(' ')?;
    let code = word.to_uppercase();
    super::parse::currency(&code)?;
    Some((code, rest.trim_start()))
}

/// `between 40 and 50`, `from 40 to 50`, `40 to 50`, `40-50`, `بين 40 و50`
/// (and with a scale and unit written once, at the end: `between 40 and 50
/// million dollars`) → `40..50`, `40M..50M USD`.
fn range(text: &str) -> Option<String> {
    let text = text
        .strip_prefix("between ")
        .or_else(|| text.strip_prefix("from "))
        .or_else(|| text.strip_prefix("ما بين "))
        .or_else(|| text.strip_prefix("بين "))
        .unwrap_or(text);
    let (low, high) = [" and ", " to ", " و", "-"]
        .iter()
        .find_map(|separator| text.split_once(separator))?;
    let (low, high) = (figure(low)?, figure(high)?);
    // The end's scale and unit stand for both ends unless the start has its own.
    let scale = if low.scale.is_empty() {
        high.scale
    } else {
        low.scale
    };
    Some(format!(
        "{}{scale}..{}{}{}",
        low.digits, high.digits, high.scale, high.unit
    ))
}

/// A part of a year, as the span of months it names: quarters (`Q3 2024`
/// → `2024-07..2024-09`) and halves (`H1 2024`, `first half of 2024`) are
/// exact; "early", "mid" and "late" (`مطلع`, `منتصف`, `أواخر`) are read as
/// the year's thirds (`early 2025` → `2025-01..2025-04`), a convention the
/// warning proposes and the curator confirms.
fn part_of_year(text: &str) -> Option<String> {
    let text = text.replace(['-', '،', ','], " ");
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| !matches!(*w, "the" | "of" | "in" | "سنة" | "عام"))
        .collect();
    let (&year, part) = words.split_last()?;
    let year: u32 = year.parse().ok().filter(|y| (1000..=2999).contains(y))?;
    let (first, last) = match part {
        ["q1"] | ["first", "quarter"] => (1, 3),
        ["q2"] | ["second", "quarter"] => (4, 6),
        ["q3"] | ["third", "quarter"] => (7, 9),
        ["q4"] | ["fourth", "quarter"] => (10, 12),
        ["h1"] | ["first", "half"] => (1, 6),
        ["h2"] | ["second", "half"] => (7, 12),
        ["early"] | ["beginning"] | ["start"] | ["مطلع"] | ["بداية"] | ["أوائل"] | ["début"] => {
            (1, 4)
        }
        ["mid"] | ["منتصف"] | ["mi"] => (5, 8),
        ["late"] | ["أواخر"] | ["fin"] => (9, 12),
        _ => return None,
    };
    Some(format!("{year}-{first:02}..{year}-{last:02}"))
}

/// The grammar's scale suffix a word names: `million` → `M`.
pub(crate) fn scale_word(word: &str) -> Option<&'static str> {
    Some(match word {
        "thousand" | "thousands" | "ألف" | "آلاف" | "الآلاف" => "k",
        "million" | "millions" | "مليون" | "ملايين" | "الملايين" => "M",
        "billion" | "billions" | "milliard" | "milliards" | "مليار" | "مليارات" | "المليارات" => {
            "B"
        }
        "trillion" | "trillions" | "تريليون" | "تريليونات" => "T",
        _ => return None,
    })
}

/// The unit or ISO 4217 currency a word names, with its leading space:
/// `dollars` → ` USD`. Only names of one currency: "pounds" and "riyals"
/// name several.
fn unit_word(word: &str) -> Option<&'static str> {
    Some(match word {
        "dollars" | "dollar" | "دولار" | "دولارات" | "الدولارات" | "usd" => {
            " USD"
        }
        "euros" | "euro" | "يورو" | "eur" => " EUR",
        "dirhams" | "dirham" | "درهم" | "دراهم" | "الدراهم" | "mad" | "dh" | "dhs" => {
            " MAD"
        }
        "€" => " EUR",
        "people" | "persons" | "شخص" | "أشخاص" => " people",
        // Arabic counts of 11 to 99 take the accusative (`70 كيلومترا`),
        // 3 to 10 the plural.
        "km" | "kilometres" | "kilometers" | "kilometre" | "kilometer" | "كيلومتر" | "كيلومترا"
        | "كيلومترات" | "كلم" => " km",
        "metres" | "meters" | "metre" | "meter" | "متر" | "مترا" | "أمتار" => " m",
        "miles" | "mile" | "ميل" | "ميلا" | "أميال" => " mi",
        "kilograms" | "kilogram" | "kilogrammes" | "كيلوغرام" | "كيلوغراما" | "كلغ" => {
            " kg"
        }
        "tonnes" | "tonne" | "طن" | "أطنان" => " t",
        "barrels" | "barrel" | "برميل" => " barrels",
        "m³" | "m3" => " m³",
        "litres" | "liters" | "litre" | "liter" | "لتر" | "لترا" | "لترات" => " l",
        "watts" | "watt" | "w" | "واط" => " W",
        "kilowatts" | "kilowatt" | "kw" | "كيلوواط" => " kW",
        "megawatts" | "megawatt" | "mw" | "ميغاواط" | "ميجاوات" | "ميغاوات" => {
            " MW"
        }
        "gigawatts" | "gigawatt" | "gw" | "جيغاواط" | "جيجاوات" | "غيغاواط" | "جيغاوات" => {
            " GW"
        }
        "kwh" | "kilowatt-hours" | "kilowatt-hour" => " kWh",
        "mwh" | "megawatt-hours" | "megawatt-hour" => " MWh",
        "gwh" | "gigawatt-hours" | "gigawatt-hour" => " GWh",
        "twh" | "terawatt-hours" | "terawatt-hour" => " TWh",
        "hectares" | "hectare" | "ha" | "هكتار" => " ha",
        "percent" | "%" | "بالمئة" | "بالمائة" => " %",
        _ => return None,
    })
}

/// Cardinal numbers written as words, English and Arabic (masculine and
/// feminine, nominative and oblique forms): `nine`, `تسعة`, `تسع`.
const NUMBER_WORDS: &[(&str, u32)] = &[
    ("zero", 0),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("واحد", 1),
    ("واحدة", 1),
    ("اثنان", 2),
    ("اثنين", 2),
    ("اثنتان", 2),
    ("اثنتين", 2),
    ("ثلاثة", 3),
    ("ثلاث", 3),
    ("أربعة", 4),
    ("اربعة", 4),
    ("أربع", 4),
    ("خمسة", 5),
    ("ستة", 6),
    ("سبعة", 7),
    ("ثمانية", 8),
    ("ثماني", 8),
    ("تسعة", 9),
    ("عشرة", 10),
    ("عشرون", 20),
    ("عشرين", 20),
    ("ثلاثون", 30),
    ("ثلاثين", 30),
    ("أربعون", 40),
    ("أربعين", 40),
    ("خمسون", 50),
    ("خمسين", 50),
    ("ستون", 60),
    ("ستين", 60),
    ("سبعون", 70),
    ("سبعين", 70),
    ("ثمانون", 80),
    ("ثمانين", 80),
    ("تسعون", 90),
    ("تسعين", 90),
];

/// A cardinal number written as one word (lower case). Arabic words that
/// are also common words (ست "lady", سبع "lion", خمس "a fifth", تسع, عشر)
/// are left out: a text value holding one is more likely that word.
fn number_word(word: &str) -> Option<u32> {
    let single = |word: &str| {
        NUMBER_WORDS
            .iter()
            .find(|(name, _)| *name == word)
            .map(|&(_, n)| n)
    };
    // `twenty-five`: tens and units, which the range reader would otherwise
    // take for `20..5`.
    match word.split_once('-') {
        Some((tens, units)) => {
            let (tens, units) = (single(tens)?, single(units)?);
            ((20..=90).contains(&tens) && tens % 10 == 0 && (1..=9).contains(&units))
                .then_some(tens + units)
        }
        None => single(word),
    }
}

/// Whether `word` (lower case) is a cardinal number or a count written as a
/// word, the ambiguous Arabic ones ([`number_word`] leaves out) and
/// `dozen` included: a quote holding one may give a figure in words.
pub fn is_number_word(word: &str) -> bool {
    const MORE: &[&str] = &[
        "one", "dozen", "dozens", "ست", "سبع", "خمس", "تسع", "عشر", "عشرة", "ثلاث",
    ];
    number_word(word).is_some() || MORE.contains(&word)
}

/// Positions written as words: `sixth`, `السادس`, `السادسة`.
const ORDINAL_WORDS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("الأول", 1),
    ("الاول", 1),
    ("الأولى", 1),
    ("الاولى", 1),
    ("الثاني", 2),
    ("الثانية", 2),
    ("الثالث", 3),
    ("الثالثة", 3),
    ("الرابع", 4),
    ("الرابعة", 4),
    ("الخامس", 5),
    ("الخامسة", 5),
    ("السادس", 6),
    ("السادسة", 6),
    ("السابع", 7),
    ("السابعة", 7),
    ("الثامن", 8),
    ("الثامنة", 8),
    ("التاسع", 9),
    ("التاسعة", 9),
    ("العاشر", 10),
    ("العاشرة", 10),
    ("premier", 1),
    ("première", 1),
    ("deuxième", 2),
    ("seconde", 2),
    ("troisième", 3),
    ("quatrième", 4),
    ("cinquième", 5),
    ("sixième", 6),
    ("septième", 7),
    ("huitième", 8),
    ("neuvième", 9),
    ("dixième", 10),
];

/// A position written as a word or with an article, as the grammar's
/// ordinal: `the sixth` → `6th`, `السادسة` → `6th`, `the 4th` → `4th`.
fn ordinal_word(text: &str) -> Option<String> {
    let word = ["the ", "le ", "la "]
        .iter()
        .find_map(|article| text.strip_prefix(article))
        .unwrap_or(text)
        .trim();
    let n = match ORDINAL_WORDS.iter().find(|(name, _)| *name == word) {
        Some(&(_, n)) => n,
        // French: `4e`, `4ème`, `1er`, `1re`, `1ère`.
        None if let Some(n) = french_numbered_ordinal(word) => n,
        // `the 4th`: the grammar reads `4th`, not with the article.
        None if word != text => {
            let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let suffix = &word[digits.len()..];
            let n: u32 = digits.parse().ok()?;
            (suffix == ordinal_suffix(n)).then_some(n)?
        }
        None => return None,
    };
    Some(format!("{n}{}", ordinal_suffix(n)))
}

/// A position written with a French suffix: `4e`, `4ème`, `4eme`, `1er`,
/// `1re`, `1ère` → 4, 1.
fn french_numbered_ordinal(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_alphabetic());
    let n: u32 = digits.parse().ok()?;
    let first = ["er", "re", "ère"].contains(&&word[digits.len()..]);
    let other = ["e", "ème", "eme"].contains(&&word[digits.len()..]);
    (first && n == 1 || other && n > 1).then_some(n)
}

/// `st`, `nd`, `rd` or `th`, as English writes positions.
fn ordinal_suffix(n: u32) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// A decade as its span of years: `the 1970s` → `1970..1979`. A year
/// ending in `00` (`the 1900s`) may mean the decade or the century: no
/// proposal.
fn decade(text: &str) -> Option<String> {
    let text = ["in the ", "during the ", "the "]
        .iter()
        .find_map(|p| text.strip_prefix(p))
        .unwrap_or(text);
    let digits = text.strip_suffix("s")?;
    let year: u32 = digits.parse().ok()?;
    (digits.len() == 4
        && digits.bytes().all(|b| b.is_ascii_digit())
        && year.is_multiple_of(10)
        && !year.is_multiple_of(100))
    .then(|| format!("{year}..{}", year + 9))
}

/// `early March 2024`, `mid-March 2024`, `late March 2024`, `منتصف مارس
/// 2024`: the first, middle or last third of the month (days 1-10, 11-20,
/// 21 to its end), as a span of days.
fn part_of_month(text: &str) -> Option<String> {
    let text = text.replace(['-', '،', ','], " ");
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| !matches!(*w, "the" | "of" | "in" | "سنة" | "عام" | "شهر"))
        .collect();
    let (&year, rest) = words.split_last()?;
    let year: i32 = year.parse().ok().filter(|y| (1000..=2999).contains(y))?;
    let (part, month_words) = rest.split_first()?;
    let m = month(&month_words.join(" "))?;
    let last_day = match m {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    let (first, last) = match *part {
        "early" | "beginning" | "start" | "مطلع" | "بداية" | "أوائل" => (1, 10),
        "mid" | "middle" | "منتصف" | "أواسط" => (11, 20),
        "late" | "end" | "أواخر" | "نهاية" => (21, last_day),
        _ => return None,
    };
    Some(format!("{year}-{m:02}-{first:02}..{year}-{m:02}-{last:02}"))
}

/// Days and periods counted from the day of publication: `yesterday` →
/// `published-1d`, `last year` → `published-1y`, `3 days ago` →
/// `published-3d`.
fn relative_day(text: &str) -> Option<String> {
    let fixed = match text {
        "today" | "اليوم" => Some("published".to_owned()),
        "yesterday" | "أمس" | "امس" | "الأمس" | "البارحة" => {
            Some("published-1d".to_owned())
        }
        "last week" | "الأسبوع الماضي" | "الاسبوع الماضي" => {
            Some("published-1w".to_owned())
        }
        "last month" | "الشهر الماضي" => Some("published-1mo".to_owned()),
        "last year" | "العام الماضي" | "السنة الماضية" | "العام المنصرم" => {
            Some("published-1y".to_owned())
        }
        _ => None,
    };
    if fixed.is_some() {
        return fixed;
    }
    let rest = text.strip_suffix(" ago")?;
    let (count, unit) = rest.split_once(' ')?;
    let count: u32 = count.parse().ok().or_else(|| number_word(count))?;
    let unit = match unit {
        "day" | "days" => "d",
        "week" | "weeks" => "w",
        "month" | "months" => "mo",
        "year" | "years" => "y",
        _ => return None,
    };
    Some(format!("published-{count}{unit}"))
}

/// Quantities said only vaguely (`dozens`, `scores of people`): no form of
/// the grammar says just that, but the curator should know the value is
/// compared as a name.
/// A hedge and a figure (`près de 3.000`) that no form was proposed for
/// (the dot may group thousands or be a decimal point): a figure written
/// as text all the same, worth the warning without a proposal.
fn is_hedged_figure(text: &str) -> bool {
    super::hedge::strip_leading(text.trim())
        .is_some_and(|(rest, _)| rest.starts_with(|c: char| c.is_ascii_digit()))
}

fn is_vague_quantity(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let first = lower.split_whitespace().next().unwrap_or_default();
    matches!(
        first,
        "dozens"
            | "scores"
            | "several"
            | "numerous"
            | "عدة"
            | "عشرات"
            | "مئات"
            | "آلاف"
            | "الآلاف"
            | "العشرات"
            | "المئات"
    )
}

/// "Tens" or "hundreds" (of a scale), as the range the grammar writes for
/// it (the spec's own example: "hundreds of millions" is `100M..999M`):
/// `hundreds of millions of dollars` → `100M..999M USD`, `عشرات الآلاف` →
/// `10k..99k`. Anything after the scale must name the unit, so a phrase
/// that says more than a magnitude is not guessed at.
fn order_of_magnitude(text: &str) -> Option<String> {
    let mut words = text
        .split_whitespace()
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|word| !word.is_empty());
    let (low, high) = match words.next()? {
        "tens" | "عشرات" => ("10", "99"),
        "hundreds" | "مئات" | "مئـات" => ("100", "999"),
        "thousands" | "آلاف" | "الآلاف" => ("1000", "9999"),
        _ => return None,
    };
    let mut words = words.peekable();
    if words.peek() == Some(&"of") {
        words.next();
    }
    let scale = match words.peek().and_then(|word| scale_word(word)) {
        Some(scale) => {
            words.next();
            scale
        }
        None => "",
    };
    let mut unit = "";
    for word in words {
        match (word, unit_word(word)) {
            ("of" | "من", _) => {}
            (_, Some(named)) if unit.is_empty() => unit = named,
            _ => return None,
        }
    }
    Some(format!("{low}{scale}..{high}{scale}{unit}"))
}

const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    ("يناير", 1),
    ("كانون الثاني", 1),
    ("فبراير", 2),
    ("شباط", 2),
    ("مارس", 3),
    ("آذار", 3),
    ("أبريل", 4),
    ("ابريل", 4),
    ("نيسان", 4),
    ("مايو", 5),
    ("ماي", 5),
    ("أيار", 5),
    ("يونيو", 6),
    ("حزيران", 6),
    ("يوليو", 7),
    ("يوليوز", 7),
    ("تموز", 7),
    ("أغسطس", 8),
    ("غشت", 8),
    ("آب", 8),
    ("سبتمبر", 9),
    ("شتنبر", 9),
    ("أيلول", 9),
    ("أكتوبر", 10),
    ("اكتوبر", 10),
    ("تشرين الأول", 10),
    ("نوفمبر", 11),
    ("نونبر", 11),
    ("تشرين الثاني", 11),
    ("ديسمبر", 12),
    ("دجنبر", 12),
    ("كانون الأول", 12),
];

/// French month names, as Maghreb reporting in French writes dates, with
/// and without their accents.
const FRENCH_MONTHS: &[(&str, u8)] = &[
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
];

/// The month a French month name names, in any case (`septembre`,
/// `Décembre`). Apart from [`month`]: `mars` and `mai` are words in
/// English text, so only a date's context may read them.
pub fn french_month(word: &str) -> Option<u8> {
    let word = word.to_lowercase();
    FRENCH_MONTHS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|(_, m)| *m)
}

/// The month a month name or its abbreviation names, in English or
/// Arabic, in any case, with or without the abbreviation's period
/// (`Sept.`, `september`, `سبتمبر`).
pub fn month(word: &str) -> Option<u8> {
    let word = word.trim_end_matches('.').to_lowercase();
    MONTHS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|(_, m)| *m)
}

/// `September 10, 2023`, `10 September 2023`, `10 سبتمبر 2023`,
/// `September 2023` → the ISO form.
/// The readings of a date written with slashes or dots and the year last
/// (`10/12/2020`, `10.12.2020`): day first (most of the world, and Arabic
/// reporting) and month first (the United States). One reading when only
/// one is a date (`25/12/2020`) or both are the same day (`5/5/2020`).
pub fn slashed_date(text: &str) -> Option<Vec<String>> {
    let parts: Vec<&str> = text.trim().split(['/', '.']).collect();
    let [first, second, year] = parts.as_slice() else {
        return None;
    };
    let number = |w: &str, digits: std::ops::RangeInclusive<usize>| -> Option<u32> {
        (digits.contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse().ok())
            .flatten()
    };
    let (a, b, year) = (
        number(first, 1..=2)?,
        number(second, 1..=2)?,
        number(year, 4..=4)?,
    );
    let date = |day: u32, month: u32| {
        ((1..=12).contains(&month) && (1..=31).contains(&day))
            .then(|| format!("{year:04}-{month:02}-{day:02}"))
    };
    let mut readings: Vec<String> = [date(a, b), date(b, a)].into_iter().flatten().collect();
    readings.dedup();
    (!readings.is_empty()).then_some(readings)
}

fn written_date(text: &str) -> Option<String> {
    let cleaned = text.replace([',', '،'], " ");
    let mut words: Vec<&str> = cleaned.split_whitespace().collect();
    // `on`, `le`, `في`, `يوم`: the date as a sentence gives it.
    if words
        .first()
        .is_some_and(|w| ["on", "le", "في", "يوم"].contains(&w.to_lowercase().as_str()))
    {
        words.remove(0);
    }
    // A weekday before the date (`Saturday, December 3, 2022`, `samedi 3
    // décembre 2022`, `يوم السبت 3 دجنبر 2022`) is checked, not read: a
    // date whose weekday is another day's has a slip, and which half is
    // right only the source can say.
    let weekday = words.first().and_then(|w| weekday(w));
    if weekday.is_some() {
        words.remove(0);
    }
    let date = written_date_words(&words)?;
    match (
        weekday,
        date.split('-')
            .map(str::parse::<i64>)
            .collect::<Result<Vec<_>, _>>(),
    ) {
        (Some(named), Ok(parts)) if parts.len() == 3 => {
            let days = super::calendar::days_from_civil(parts[0], parts[1], parts[2]);
            // 1970-01-01 was a Thursday (4, counting from Sunday as 0).
            ((days + 4).rem_euclid(7) == named).then_some(date)
        }
        (Some(_), _) => None,
        (None, _) => Some(date),
    }
}

/// The day of the week a word names, from Sunday (0) to Saturday (6), in
/// English (also abbreviated), French and Arabic.
fn weekday(word: &str) -> Option<i64> {
    const WEEKDAYS: [&[&str]; 7] = [
        &["sunday", "sun", "dimanche", "الأحد", "الاحد"],
        &["monday", "mon", "lundi", "الاثنين", "الإثنين"],
        &["tuesday", "tue", "tues", "mardi", "الثلاثاء"],
        &["wednesday", "wed", "mercredi", "الأربعاء", "الاربعاء"],
        &["thursday", "thu", "thurs", "jeudi", "الخميس"],
        &["friday", "fri", "vendredi", "الجمعة"],
        &["saturday", "sat", "samedi", "السبت"],
    ];
    let word = word.trim_end_matches('.').to_lowercase();
    (0..7).find(|&day| WEEKDAYS[day as usize].contains(&word.as_str()))
}

fn written_date_words(words: &[&str]) -> Option<String> {
    let number = |w: &str| -> Option<u32> {
        let ascii: String = w.chars().map(|c| ascii_digit(c).unwrap_or(c)).collect();
        ascii.parse().ok()
    };
    let year = |w: &str| number(w).filter(|y| (1000..=2999).contains(y) && w.chars().count() == 4);
    let day = |w: &str| number(w).filter(|d| (1..=31).contains(d));
    // Month names of two words (كانون الثاني) are joined first.
    let (words, month_at): (Vec<String>, Option<usize>) = {
        let mut joined: Vec<String> = Vec::new();
        let mut at = None;
        let mut i = 0;
        while i < words.len() {
            if i + 1 < words.len() {
                let two = format!("{} {}", words[i], words[i + 1]);
                if month(&two).is_some() {
                    at = Some(joined.len());
                    joined.push(two);
                    i += 2;
                    continue;
                }
            }
            if at.is_none() && month(words[i]).or_else(|| french_month(words[i])).is_some() {
                at = Some(joined.len());
            }
            joined.push(words[i].to_owned());
            i += 1;
        }
        (joined, at)
    };
    let at = month_at?;
    let m = month(&words[at]).or_else(|| french_month(&words[at]))?;
    let w = |i: usize| words.get(i).map(String::as_str);
    match (words.len(), at) {
        // September 10 2023
        (3, 0) => Some(format!("{:04}-{m:02}-{:02}", year(w(2)?)?, day(w(1)?)?)),
        // 10 September 2023
        (3, 1) => Some(format!("{:04}-{m:02}-{:02}", year(w(2)?)?, day(w(0)?)?)),
        // September 2023
        (2, 0) if year(w(1)?).is_some() => Some(format!("{:04}-{m:02}", year(w(1)?)?)),
        // June 12, 12 June: that day in a year the text does not say.
        (2, 0) | (2, 1) => {
            let d = day(w(1 - at)?)?;
            (d <= super::calendar::month_length(2000, i64::from(m)) as u32)
                .then(|| format!("--{m:02}-{d:02}"))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dots_that_may_group_thousands_are_found() {
        assert_eq!(dot_thousands("25.000").as_deref(), Some("25,000"));
        assert_eq!(
            dot_thousands("~1.500 people").as_deref(),
            Some("~1,500 people")
        );
        assert_eq!(
            dot_thousands("1.500..2.000").as_deref(),
            Some("1,500..2,000")
        );
        for decimal in [
            "2.5",
            "3.142",
            "1250.500",
            "0.25",
            "3.1400",
            "1,250.500",
            "2022-12-03",
        ] {
            assert_eq!(dot_thousands(decimal), None, "{decimal}");
        }
    }

    #[test]
    fn proposes_the_form_probably_meant() {
        let cases = [
            ("at least 3,958", Some(">=3,958")),
            ("more than 11,300 people", Some(">11300 people")),
            ("about 500 million dollars", Some("~500M USD")),
            ("September 10, 2023", Some("2023-09-10")),
            ("10 September 2023", Some("2023-09-10")),
            ("Saturday, December 3, 2022", Some("2022-12-03")),
            ("€60 million-plus", Some(">60M EUR")),
            ("4,000-plus", Some(">4,000")),
            ("$2.3 trillion", Some("2.3T USD")),
            ("twenty-five", Some("25")),
            ("30-40%", Some("30..40 %")),
            ("12 June", Some("--06-12")),
            ("June 12", Some("--06-12")),
            ("June 31", None),
            ("€60 gazillion", None),
            ("début 2022", Some("2022-01..2022-04")),
            ("mi-2022", Some("2022-05..2022-08")),
            ("fin 2021", Some("2021-09..2021-12")),
            ("le 12 juin", Some("--06-12")),
            ("في 12 يونيو", Some("--06-12")),
            ("quelque 60 millions d'euros", Some("~60M EUR")),
            ("3 milliards de DH", Some("3B MAD")),
            ("15 في المائة", Some("15 %")),
            ("60 M€", Some("60M EUR")),
            ("60M€", Some("60M EUR")),
            ("1,5 Md€", Some("1.5B EUR")),
            ("ما بين 40 و50 مليون دولار", Some("40M..50M USD")),
            ("quelque 25.000", None),
            ("1.250 milliard de dollars", None),
            ("samedi 3 décembre 2022", Some("2022-12-03")),
            ("يوم السبت 3 دجنبر 2022", Some("2022-12-03")),
            ("Friday, December 3, 2022", None),
            ("10 سبتمبر 2023", Some("2023-09-10")),
            ("١٠ أيلول ٢٠٢٣", Some("2023-09-10")),
            ("September 2023", Some("2023-09")),
            ("7 septembre 2024", Some("2024-09-07")),
            ("décembre 2019", Some("2019-12")),
            ("1,2 milliard de dollars", Some("1.2B USD")),
            ("500 millions de dollars", Some("500M USD")),
            ("48 pour cent", Some("48 %")),
            ("environ 24 millions", Some("~24M")),
            ("plus de 5 millions", Some(">5M")),
            ("près de 95 %", Some("<=95 %")),
            ("au moins 3 958", Some(">=3,958")),
            ("7 976 291 voix", Some("7976291")),
            // A word the hint does not know before a unit: no proposal
            // rather than one off by that word's factor.
            ("3 lakh dollars", None),
            ("le quatrième", Some("4th")),
            ("4e", Some("4th")),
            ("la 6ème", Some("6th")),
            ("1er", Some("1st")),
            ("1e", None),
            ("3,5 milliards de dinars", None),
            ("2 billion riyals", None),
            ("أكثر من 5000", Some(">5,000")),
            ("قرابة 34 مليار دولار", Some("~34B USD")),
            ("passed 11,000", Some(">11000")),
            ("nearly 2 million", Some("<=2M")),
            ("more than 2000", Some(">2,000")),
            ("about 2020", Some("~2020")),
            ("about 3,958", Some("~3,958")),
            ("11300 على الأقل", Some(">=11300")),
            ("hundreds of millions USD", Some("100M..999M USD")),
            ("hundreds of millions of dollars", Some("100M..999M USD")),
            ("tens of thousands of people", Some("10k..99k people")),
            ("Tens of billions", Some("10B..99B")),
            ("مئات الملايين من الدولارات", Some("100M..999M USD")),
            ("عشرات الآلاف", Some("10k..99k")),
            ("about 5 billion dirhams", Some("~5B MAD")),
            ("hundreds of millions of dollars in aid", None),
            ("$500 million", Some("500M USD")),
            ("more than a dozen", Some(">12")),
            ("two dozen", Some("24")),
            ("about a third", None),
            ("nearly a quarter", None),
            ("a few hundred", None),
            ("more than a few dozen", None),
            ("44 miles", Some("44 mi")),
            ("about 72 kilometres", Some("~72 km")),
            ("نحو 70 كيلومترا", Some("~70 km")),
            ("18.5 metres", Some("18.5 m")),
            ("560 million cubic metres", Some("560M m³")),
            ("560 مليون متر مكعب", Some("560M m³")),
            ("560 millions de mètres cubes", Some("560M m³")),
            ("1,200 square kilometres", Some("1200 km²")),
            ("4 gigawatts", Some("4 GW")),
            ("5 جيغاواط", Some("5 GW")),
            ("4 GW", Some("4 GW")),
            ("2.3 TWh", Some("2.3 TWh")),
            ("20 million tons", None),
            ("200 nautical miles", None),
            ("200 ميل بحري", None),
            ("about 5 cubic kilometres", None),
            ("$1.2bn", Some("1.2B USD")),
            ("€300m", Some("300M EUR")),
            ("£300m", Some("300M GBP")),
            ("USD 500M", Some("500M USD")),
            ("EGP 5 billion", Some("5B EGP")),
            ("1.2 billion dirhams", Some("1.2B MAD")),
            ("1.2 مليار دولار", Some("1.2B USD")),
            ("more than a million", Some(">1M")),
            ("over $2bn", Some(">2B USD")),
            ("between 40 and 50", Some("40..50")),
            ("40 to 50", Some("40..50")),
            ("40-50", Some("40..50")),
            ("بين 40 و50", Some("40..50")),
            ("F-16", None),
            ("between 40 and 50 million dollars", Some("40M..50M USD")),
            ("Q3 2024", Some("2024-07..2024-09")),
            ("H1 2024", Some("2024-01..2024-06")),
            ("the first half of 2024", Some("2024-01..2024-06")),
            ("early 2025", Some("2025-01..2025-04")),
            ("the 1970s", Some("1970..1979")),
            ("in the 1990s", Some("1990..1999")),
            ("the 1900s", None),
            ("mid-2025", Some("2025-05..2025-08")),
            ("late 2024", Some("2024-09..2024-12")),
            ("مطلع سنة 2025", Some("2025-01..2025-04")),
            ("over 2m", None),
            ("1,5 million", Some("1.5M")),
            ("٢٫٥ مليون", Some("2.5M")),
            ("1,500 people", Some("1500 people")),
            ("2.5 million tonnes", Some("2.5M t")),
            ("3.5 per cent", Some("3.5 %")),
            ("نحو 3.5 في المئة", Some("~3.5 %")),
            ("3m", None),
            ("the 500 people", None),
            ("FY2023", None),
            ("Route 66", None),
            ("hundreds of people", Some("100..999 people")),
            ("Hundreds", Some("100..999")),
            ("hundreds of houses", None),
            ("Barak 8", None),
            ("Derna", None),
            ("nine", Some("9")),
            ("تسعة", Some("9")),
            ("about nine", Some("~9")),
            ("nine people", Some("9 people")),
            ("three million dollars", Some("3M USD")),
            ("نحو ثلاثة ملايين دولار", Some("~3M USD")),
            ("the sixth", Some("6th")),
            ("sixth", Some("6th")),
            ("السادسة", Some("6th")),
            ("the 4th", Some("4th")),
            ("the 11th", Some("11th")),
            ("the 4st", None),
            ("mid-March 2024", Some("2024-03-11..2024-03-20")),
            ("late February 2024", Some("2024-02-21..2024-02-29")),
            ("late February 2023", Some("2023-02-21..2023-02-28")),
            ("منتصف مارس 2024", Some("2024-03-11..2024-03-20")),
            ("أواخر كانون الأول 2023", Some("2023-12-21..2023-12-31")),
            ("early in the month", None),
            ("yesterday", Some("published-1d")),
            ("أمس", Some("published-1d")),
            ("last year", Some("published-1y")),
            ("3 days ago", Some("published-3d")),
            ("two weeks ago", Some("published-2w")),
            ("thousands", Some("1000..9999")),
            ("الآلاف", Some("1000..9999")),
            ("thousands of people", Some("1000..9999 people")),
            ("سبع", None),
            ("First Lady", None),
        ];
        for (text, meant) in cases {
            let proposed = probable_form(text);
            assert_eq!(proposed.as_deref(), meant, "{text}");
            // A proposal is only worth making if the grammar reads it.
            if let Some(form) = proposed {
                assert!(
                    !matches!(
                        crate::value::parse_value_str(&form),
                        Ok(Value::Text(_)) | Err(_)
                    ),
                    "{text} proposes {form}, which the grammar does not read"
                );
            }
        }
    }

    #[test]
    fn a_slashed_date_is_read_both_ways_unless_one_is_no_date() {
        assert_eq!(
            slashed_date("10/12/2020"),
            Some(vec!["2020-12-10".to_owned(), "2020-10-12".to_owned()])
        );
        assert_eq!(
            slashed_date("25/12/2020"),
            Some(vec!["2020-12-25".to_owned()])
        );
        assert_eq!(
            slashed_date("12.25.2020"),
            Some(vec!["2020-12-25".to_owned()])
        );
        assert_eq!(
            slashed_date("5/5/2020"),
            Some(vec!["2020-05-05".to_owned()])
        );
        assert_eq!(slashed_date("13/13/2020"), None);
        assert_eq!(slashed_date("1/2"), None);
        assert_eq!(slashed_date("10/12/20"), None);
    }

    #[test]
    fn names_with_digits_are_not_risky() {
        for name in ["Barak 8", "Channel 12", "F-16", "i24 News"] {
            assert_eq!(risk(name, &Value::Text(name.into()), None), None, "{name}");
        }
        assert!(
            risk(
                "at least 3,958",
                &Value::Text("at least 3,958".into()),
                None
            )
            .is_some()
        );
        assert_eq!(
            risk("'32H", &Value::Text("32H".into()), None),
            None,
            "explicit text is never risky"
        );
    }

    #[test]
    fn vague_quantities_are_risky_without_a_proposal() {
        for text in ["dozens", "Dozens of people", "scores", "عشرات القتلى"] {
            assert_eq!(
                risk(text, &Value::Text(text.into()), None),
                Some(Risk::TextLooksStructured { meant: None }),
                "{text}"
            );
        }
        assert_eq!(risk("Doha", &Value::Text("Doha".into()), None), None);
    }

    #[test]
    fn a_bounded_four_digit_year_after_publication_is_probably_a_count() {
        let value = |text: &str| crate::value::parse_value_str(text).expect("a value");
        let published = match value("2023-09-17") {
            Value::Date(date) => date,
            other => panic!("{other:?}"),
        };
        for (written, year, meant) in [
            (">=3958", 3958, ">=3,958"),
            ("~4000", 4000, "~4,000"),
            (">8500", 8500, ">8,500"),
            ("2020..9000", 9000, "2,020..9,000"),
        ] {
            assert_eq!(
                risk(written, &value(written), Some(&published)),
                Some(Risk::YearsAfterPublication {
                    year,
                    years_after_publication: year - 2023,
                    meant: meant.to_owned(),
                }),
                "{written}"
            );
        }
        // Years up to publication, finer dates, and no publication: no risk.
        for written in ["~2020", "<=2023", "2019..2021", ">=2024-01", "~2023-09-10"] {
            assert_eq!(
                risk(written, &value(written), Some(&published)),
                None,
                "{written}"
            );
        }
        assert_eq!(risk(">=3958", &value(">=3958"), None), None);
    }

    #[test]
    fn a_bare_year_after_publication_says_how_far() {
        let year = |text: &str| crate::value::parse_value_str(text).expect("a year");
        let published = |text: &str| match crate::value::parse_value_str(text) {
            Ok(Value::Date(date)) => date,
            other => panic!("{other:?}"),
        };
        let in_2023 = published("2023-09-12");
        assert_eq!(
            risk("2946", &year("2946"), Some(&in_2023)),
            Some(Risk::BareYear {
                year: 2946,
                years_after_publication: Some(923)
            })
        );
        // A year before (or of) publication, or no publication: no count.
        for (written, when) in [
            ("2012", Some(&in_2023)),
            ("2023", Some(&in_2023)),
            ("2946", None),
        ] {
            let Some(Risk::BareYear {
                years_after_publication,
                ..
            }) = risk(written, &year(written), when)
            else {
                panic!("{written} is a bare year");
            };
            assert_eq!(years_after_publication, None, "{written}");
        }
    }
}
