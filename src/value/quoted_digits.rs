//! A number whose digits its quote does not hold.
//!
//! A curator copying "94,65 بالمائة" types `94.56 %`; copying "5.329.253"
//! types `5392253`. Nothing else catches it: the quote is verbatim text of
//! the document and is found there, the value is well formed, and the
//! typo becomes a contradiction with every source that copied the figure
//! right, the false contradiction a journalist then spends an afternoon
//! on. The quote is at hand when the claim is loaded, so its digits are
//! compared there.
//!
//! # What counts
//!
//! The value's significant digits, each number of it (both ends of a
//! range): its digits as written, without separators, decimal point,
//! leading zeros or trailing zeros (`94.56 %` → `9456`, `1.2B USD` → `12`,
//! `11,300` → `113`), must be a run of the quote's digits, read in order
//! with everything between them dropped (`7 ملايين و976 ألفا و291 صوتا` →
//! `7976291`, `5.63 million` → `563`, `$1,200 million` → `1200`). Digits
//! are folded to ASCII first (Arabic-Indic digits, as quotes match).
//!
//! Only what is certainly a slip is warned about, since a false warning
//! costs the curator as much as a false contradiction costs the reader:
//! a quote without digits says the figure in words (nothing to compare),
//! and a quote with a number word ("three", "ثلاثة", "dozen"), a fraction
//! or multiple ("half of the 300 homes", "twice") or a scale word standing
//! alone ("a million people", "مليون شخص") may give the value in words or
//! make it of another figure, so neither is looked at. Joining
//! all the quote's digits may let a slip pass (a run across two figures):
//! a missed warning, never a false one.

use super::hint::{VAGUE_PARTS, is_number_word, scale_word};
use super::{Form, NumberExpr, Value};
use crate::text::normalize::normalize_for_quote;

/// Digits of the value that its quote does not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingDigits {
    /// The quote's figures as it writes them ("94,65"), for the message.
    pub quoted: Vec<String>,
}

impl MissingDigits {
    /// The quote's figures for a sentence: `"94,65"`, `"40", "50"`.
    pub fn listed(&self) -> String {
        let quoted: Vec<String> = self.quoted.iter().map(|f| format!("\"{f}\"")).collect();
        quoted.join(", ")
    }
}

/// The quote's figures, when `value` is a number some of whose significant
/// digits `quote` does not hold (see the module's doc); `None` otherwise.
pub fn missing_from_quote(value: &Value, quote: &str) -> Option<MissingDigits> {
    let Value::Number(NumberExpr { form, .. }) = value else {
        return None;
    };
    let numbers = match form {
        Form::Exact(n) | Form::Approx(n) | Form::Bound(_, n) => vec![n],
        Form::Range(low, high) => vec![low, high],
    };
    let folded = normalize_for_quote(quote).text;
    let quote_digits: String = folded.chars().filter(char::is_ascii_digit).collect();
    if quote_digits.is_empty() || has_number_word(quote) {
        return None;
    }
    let held = numbers.iter().all(|number| {
        let digits = significant_digits(&number.mantissa.to_string());
        digits.is_empty() || quote_digits.contains(&digits)
    });
    (!held).then(|| MissingDigits {
        quoted: figures_written(quote),
    })
}

/// The digits of a number as written, without separators, decimal point,
/// sign, leading zeros or trailing zeros: `94.56` → `9456`, `0.05` → `5`,
/// `11,300` → `113`.
fn significant_digits(written: &str) -> String {
    let digits: String = written.chars().filter(char::is_ascii_digit).collect();
    digits
        .trim_start_matches('0')
        .trim_end_matches('0')
        .to_owned()
}

/// Whether the quote holds a number written as a word, with or without a
/// proclitic و or ب: it may give the value in words. Read unfolded, as the
/// number words are listed (`ثلاثة` with its taa marbuta).
fn has_number_word(quote: &str) -> bool {
    let words: Vec<String> = quote
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.iter().enumerate().any(|(i, word)| {
        let bare = word
            .strip_prefix('و')
            .or_else(|| word.strip_prefix('ب'))
            .unwrap_or(word);
        let after_digits = i
            .checked_sub(1)
            .is_some_and(|p| words[p].chars().all(char::is_numeric));
        [word.as_str(), bare].iter().any(|w| {
            is_number_word(w)
                || VAGUE_PARTS.contains(w)
                || MULTIPLES.contains(w)
                || ((scale_word(w).is_some() || MORE_SCALES.contains(w)) && !after_digits)
        })
    })
}

/// Multiples and fractions beyond [`VAGUE_PARTS`] that make a figure of
/// another (`twice`, `half of the 300 homes` is 150): a value computed
/// from them is not in the quote's digits.
const MULTIPLES: &[&str] = &[
    "twice",
    "double",
    "doubled",
    "triple",
    "tripled",
    "moitié",
    "tiers",
    "quart",
    "ثلثي",
    "ضعف",
    "أضعاف",
];

/// Scale words [`scale_word`] does not read (it reads those a value is
/// written with): after digits (`5.63 million`) a scale scales them; alone
/// (`a million people`, `مليون شخص`) it is the figure, in words.
const MORE_SCALES: &[&str] = &["hundred", "mille", "مئة", "مائة"];

/// The figures of `quote` as it writes them: runs of digits (any script)
/// with the separators between them (`5.329.253`, `94,65`, `24 351 551`).
fn figures_written(quote: &str) -> Vec<String> {
    let chars: Vec<char> = quote.chars().collect();
    let mut figures = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_numeric() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len()
            && (chars[i].is_numeric()
                || (matches!(
                    chars[i],
                    ',' | '.' | ' ' | '\u{a0}' | '\u{202f}' | '٫' | '٬'
                ) && chars.get(i + 1).is_some_and(|c| c.is_numeric())))
        {
            i += 1;
        }
        figures.push(chars[start..i].iter().collect());
    }
    figures
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::parse::parse_value_str;

    fn missing(value: &str, quote: &str) -> Option<Vec<String>> {
        let value = parse_value_str(value).unwrap();
        missing_from_quote(&value, quote).map(|m| m.quoted)
    }

    #[test]
    fn a_mistyped_figure_is_missing_from_its_quote() {
        assert_eq!(
            missing("94.56 %", "بنسبة 94,65 بالمائة من الأصوات المعبر عنها"),
            Some(vec!["94,65".to_owned()])
        );
        assert_eq!(
            missing("5392253", "بحصوله على 5.329.253 صوتا"),
            Some(vec!["5.329.253".to_owned()])
        );
        assert_eq!(
            missing("40..60", "between 40 and 50 people"),
            Some(vec!["40".to_owned(), "50".to_owned()])
        );
    }

    #[test]
    fn the_same_figure_written_otherwise_is_held() {
        for (value, quote) in [
            ("94.65 %", "بنسبة 94,65 بالمائة"),
            ("5329253", "بحصوله على 5.329.253 صوتا"),
            ("7976291", "7 ملايين و976 ألفا و291 صوتا"),
            ("24351551", "sur un corps électoral de 24 351 551 inscrits"),
            ("5.63M", "5.63 million voters had cast ballots"),
            ("~24M", "About 24 million Algerians were eligible to vote"),
            ("1.2B USD", "a deal worth $1,200 million"),
            ("1200M USD", "a deal worth $1.2 billion"),
            ("~500M USD", "بقيمة تقارب ٥٠٠ مليون دولار"),
            (">=3,958", "at least 3958 deaths"),
            ("46.1 %", "Le taux de participation s'établit à 46,10 %"),
            ("0.5", "a 0.5 per cent rise"),
        ] {
            assert_eq!(missing(value, quote), None, "{value} in {quote:?}");
        }
    }

    #[test]
    fn figures_in_words_and_other_kinds_are_not_looked_at() {
        // No digits: the figure is in words.
        assert_eq!(missing("3", "الحداد الوطني لمدة ثلاثة أيام"), None);
        // A number word beside other digits may be the value.
        assert_eq!(missing("3", "three people died on 5 May"), None);
        assert_eq!(missing("3", "وثلاثة جرحى في 5 مايو"), None);
        assert_eq!(missing("50 %", "half of the 300 homes"), None);
        assert_eq!(missing("1M", "a million people in 12 provinces"), None);
        assert_eq!(missing("1M", "نزوح مليون شخص في 12 ولاية"), None);
        // A scale after digits scales them: a slip there is still found.
        assert_eq!(
            missing("1.3B USD", "a $1.2 billion deal for 12 jets"),
            Some(vec!["1.2".to_owned(), "12".to_owned()])
        );
        // Not a number.
        assert_eq!(missing("2020-12-10", "on 10 December 2021"), None);
        assert_eq!(missing("2nd", "its 3rd deal"), None);
    }
}
