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
        Value::Text(text) if !written.starts_with(super::parse::TEXT_MARK) => {
            probable_form(text).map(|meant| Risk::TextLooksStructured { meant: Some(meant) })
        }
        _ => None,
    }
}

fn is_bare_year(written: &str) -> bool {
    written.len() == 4 && written.bytes().all(|b| b.is_ascii_digit())
}

/// The value form a text probably meant: `at least 3,958` → `>=3958`,
/// `about 500 million dollars` → `~500M USD`, `hundreds of millions of
/// dollars` → `100M..999M USD`, `September 10, 2023` → `2023-09-10`,
/// `10 سبتمبر 2023` → `2023-09-10`.
pub fn probable_form(text: &str) -> Option<String> {
    let text = text.trim();
    if let Some(date) = written_date(text) {
        return Some(date);
    }
    let lower = text.to_lowercase();
    const PREFIXES: &[(&str, &str)] = &[
        ("at least ", ">="),
        ("no fewer than ", ">="),
        ("no less than ", ">="),
        ("more than ", ">"),
        ("over ", ">"),
        ("upwards of ", ">"),
        ("at most ", "<="),
        ("up to ", "<="),
        ("no more than ", "<="),
        ("less than ", "<"),
        ("fewer than ", "<"),
        ("under ", "<"),
        ("nearly ", "<="),
        ("almost ", "<="),
        ("about ", "~"),
        ("around ", "~"),
        ("approximately ", "~"),
        ("roughly ", "~"),
        ("some ", "~"),
        ("an estimated ", "~"),
        ("على الأقل ", ">="),
        ("ما لا يقل عن ", ">="),
        ("أكثر من ", ">"),
        ("اكثر من ", ">"),
        ("أقل من ", "<"),
        ("نحو ", "~"),
        ("حوالي ", "~"),
        ("حوالى ", "~"),
        ("قرابة ", "~"),
        ("زهاء ", "~"),
    ];
    for (words, symbol) in PREFIXES {
        if let Some(rest) = lower.strip_prefix(words) {
            return figure(rest).map(|f| format!("{symbol}{f}"));
        }
    }
    if let Some(rest) = lower.strip_suffix(" على الأقل") {
        return figure(rest).map(|f| format!(">={f}"));
    }
    if let Some(rest) = lower.strip_suffix(" or more") {
        return figure(rest).map(|f| format!(">={f}"));
    }
    order_of_magnitude(&lower)
}

/// A figure with optional scale and currency words: `3,958`, `11,300
/// people`, `500 million dollars`, `1.2 مليار دولار`.
fn figure(text: &str) -> Option<String> {
    let mut words = text.split_whitespace();
    let digits: String = words
        .next()?
        .chars()
        .map(|c| match c {
            '\u{660}'..='\u{669}' => char::from(b'0' + (c as u32 - 0x660) as u8),
            other => other,
        })
        .filter(|c| *c != ',' && *c != '٬')
        .collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    let mut suffix = "";
    let mut unit = "";
    for word in words {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        if let Some(scale) = scale_word(word) {
            suffix = scale;
        } else if let Some(named) = unit_word(word) {
            unit = named;
        }
    }
    Some(format!("{digits}{suffix}{unit}"))
}

/// The grammar's scale suffix a word names: `million` → `M`.
fn scale_word(word: &str) -> Option<&'static str> {
    Some(match word {
        "thousand" | "thousands" | "ألف" | "آلاف" | "الآلاف" => "k",
        "million" | "millions" | "مليون" | "ملايين" | "الملايين" => "M",
        "billion" | "billions" | "مليار" | "مليارات" | "المليارات" => "B",
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
        "dirhams" | "dirham" | "درهم" | "دراهم" | "الدراهم" | "mad" => " MAD",
        "people" | "persons" | "شخص" | "أشخاص" => " people",
        "km" | "kilometres" | "kilometers" | "كيلومتر" | "كلم" => " km",
        _ => return None,
    })
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

fn month(word: &str) -> Option<u8> {
    let word = word.trim_end_matches('.').to_lowercase();
    MONTHS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|(_, m)| *m)
}

/// `September 10, 2023`, `10 September 2023`, `10 سبتمبر 2023`,
/// `September 2023` → the ISO form.
fn written_date(text: &str) -> Option<String> {
    let cleaned = text.replace([',', '،'], " ");
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let number = |w: &str| -> Option<u32> {
        let ascii: String = w
            .chars()
            .map(|c| match c {
                '\u{660}'..='\u{669}' => char::from(b'0' + (c as u32 - 0x660) as u8),
                other => other,
            })
            .collect();
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
            if at.is_none() && month(words[i]).is_some() {
                at = Some(joined.len());
            }
            joined.push(words[i].to_owned());
            i += 1;
        }
        (joined, at)
    };
    let at = month_at?;
    let m = month(&words[at])?;
    let w = |i: usize| words.get(i).map(String::as_str);
    match (words.len(), at) {
        // September 10 2023
        (3, 0) => Some(format!("{:04}-{m:02}-{:02}", year(w(2)?)?, day(w(1)?)?)),
        // 10 September 2023
        (3, 1) => Some(format!("{:04}-{m:02}-{:02}", year(w(2)?)?, day(w(0)?)?)),
        // September 2023
        (2, 0) => Some(format!("{:04}-{m:02}", year(w(1)?)?)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proposes_the_form_probably_meant() {
        let cases = [
            ("at least 3,958", Some(">=3958")),
            ("more than 11,300 people", Some(">11300 people")),
            ("about 500 million dollars", Some("~500M USD")),
            ("September 10, 2023", Some("2023-09-10")),
            ("10 September 2023", Some("2023-09-10")),
            ("10 سبتمبر 2023", Some("2023-09-10")),
            ("١٠ أيلول ٢٠٢٣", Some("2023-09-10")),
            ("September 2023", Some("2023-09")),
            ("أكثر من 5000", Some(">5000")),
            ("11300 على الأقل", Some(">=11300")),
            ("hundreds of millions USD", Some("100M..999M USD")),
            ("hundreds of millions of dollars", Some("100M..999M USD")),
            ("tens of thousands of people", Some("10k..99k people")),
            ("Tens of billions", Some("10B..99B")),
            ("مئات الملايين من الدولارات", Some("100M..999M USD")),
            ("عشرات الآلاف", Some("10k..99k")),
            ("about 5 billion dirhams", Some("~5B MAD")),
            ("hundreds of millions of dollars in aid", None),
            ("hundreds of people", Some("100..999 people")),
            ("Hundreds", Some("100..999")),
            ("hundreds of houses", None),
            ("Barak 8", None),
            ("Derna", None),
        ];
        for (text, meant) in cases {
            assert_eq!(probable_form(text).as_deref(), meant, "{text}");
        }
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
