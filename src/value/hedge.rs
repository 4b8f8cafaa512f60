//! A figure its quote hedges, written as exact.
//!
//! "Some 385,000 apartments", "more than 160,000 buildings", "بنحو 34.2
//! مليار دولار": reporters hedge figures, and a curator copying the digits
//! into `value` drops the hedge. `385,000` then denotes 384,500..385,500 (or
//! a rounding of it), and a source saying "386,200" contradicts a source
//! that only said "some 385,000": the false contradiction of a rounded
//! figure read as exact. The quote is at hand when the claim is loaded, so
//! the hedge is found there and the form that keeps it is proposed: `~`
//! for about, `>` / `>=` for more than / at least, `<` / `<=` for less than
//! / up to.
//!
//! # What counts
//!
//! A hedge phrase right before the figure (a currency sign may stand
//! between: "about $34bn"), the figure being the value's digits as written
//! (`385,000` for `385,000`, `34.2` for `34.2B USD`, `2` for `2M`). A
//! phrase anywhere else in the quote hedges something else. Only a value
//! written exact and not marked exact (`=385,000` says the curator has
//! judged) is looked at. English phrases are matched in any (ASCII) case; Arabic
//! after the quote folding ([`normalize_for_quote`]: hamza forms, alef
//! maqsura, taa marbuta, Arabic-Indic digits), with the proclitic ب ("by")
//! the phrases take before an amount ("بنحو").

use rust_decimal::Decimal;

use super::{Form, NumberExpr, Value};
use crate::text::normalize::normalize_for_quote;

/// A hedge found before the value's figure in its quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hedge {
    /// The phrase and figure as the quote writes them ("Some 385,000").
    pub written: String,
    /// The value with the hedge kept (`~385,000`).
    pub meant: String,
}

/// What a hedge phrase says of the figure after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    About,
    Above,
    AtLeast,
    Below,
    AtMost,
}

impl Reading {
    /// The value grammar's prefix for this reading.
    fn prefix(self) -> &'static str {
        match self {
            Reading::About => "~",
            Reading::Above => ">",
            Reading::AtLeast => ">=",
            Reading::Below => "<",
            Reading::AtMost => "<=",
        }
    }
}

/// Hedge phrases in English, French and Arabic, longest first within each
/// language, so "no more than" is found before "more than" and "لا يتجاوز"
/// before "يتجاوز". Arabic in
/// its folded form (اكثر for أكثر, الي for إلى, قرابه for قرابة). "Nearly"
/// and "almost" are at most: "nearly 2 million" is not more than 2 million.
/// The one list of hedges: [`super::hint::probable_form`] reads a value
/// written in words with it too ("more than 5,000" → `>5,000`).
const PHRASES: &[(&str, Reading)] = &[
    ("no more than", Reading::AtMost),
    ("no fewer than", Reading::AtLeast),
    ("no less than", Reading::AtLeast),
    ("approximately", Reading::About),
    ("an estimated", Reading::About),
    ("in excess of", Reading::Above),
    ("upwards of", Reading::Above),
    ("more than", Reading::Above),
    ("fewer than", Reading::Below),
    ("less than", Reading::Below),
    ("at least", Reading::AtLeast),
    ("at most", Reading::AtMost),
    ("estimated", Reading::About),
    ("exceeding", Reading::Above),
    ("surpassed", Reading::Above),
    ("close to", Reading::About),
    ("roughly", Reading::About),
    ("around", Reading::About),
    ("nearly", Reading::AtMost),
    ("almost", Reading::AtMost),
    ("passed", Reading::Above),
    ("topped", Reading::Above),
    ("about", Reading::About),
    ("above", Reading::Above),
    ("below", Reading::Below),
    ("under", Reading::Below),
    ("up to", Reading::AtMost),
    ("some", Reading::About),
    ("over", Reading::Above),
    // French, as Maghreb reporting in French hedges; folded, so `près` is
    // written decomposed (`e` and its grave accent).
    ("au moins", Reading::AtLeast),
    ("plus de", Reading::Above),
    ("moins de", Reading::Below),
    ("au plus", Reading::AtMost),
    ("pre\u{300}s de", Reading::AtMost),
    ("environ", Reading::About),
    ("quelque", Reading::About),
    ("ما لا يقل عن", Reading::AtLeast),
    ("ما يزيد على", Reading::Above),
    ("ما يزيد عن", Reading::Above),
    ("ما يصل الي", Reading::AtMost),
    ("لا يتجاوز", Reading::AtMost),
    ("علي الاقل", Reading::AtLeast),
    ("ما يقارب", Reading::About),
    ("ما يناهز", Reading::About),
    ("تناهز", Reading::About),
    ("يناهز", Reading::About),
    ("اكثر من", Reading::Above),
    ("ازيد من", Reading::Above),
    ("اقل من", Reading::Below),
    ("يتجاوز", Reading::Above),
    ("حوالي", Reading::About),
    ("قرابه", Reading::About),
    ("تجاوز", Reading::Above),
    ("زهاء", Reading::About),
    ("يفوق", Reading::Above),
    ("نحو", Reading::About),
];

/// The hedge `text` starts with, followed by a space: the rest of `text`
/// after it and the value grammar's prefix for it (`more than 5,000` →
/// (`5,000`, `>`)). Matched as in quotes (ASCII case and the Arabic
/// folding ignored).
pub fn strip_leading(text: &str) -> Option<(&str, &'static str)> {
    let normalized = normalize_for_quote(text);
    let folded = normalized.text.to_ascii_lowercase();
    PHRASES.iter().find_map(|&(phrase, reading)| {
        let rest = folded.strip_prefix(phrase)?.strip_prefix(' ')?;
        let after = normalized
            .original_range(text, 0..folded.len() - rest.len())
            .end;
        Some((text[after..].trim_start(), reading.prefix()))
    })
}

/// The hedge `quote` puts before the figure of `value` (written
/// `written`), when `value` is a number written exact; `None` otherwise.
pub fn hedged_in_quote(written: &str, value: &Value, quote: &str) -> Option<Hedge> {
    let Value::Number(NumberExpr {
        form: Form::Exact(number),
        marked_exact: false,
        ..
    }) = value
    else {
        return None;
    };
    let normalized = normalize_for_quote(quote);
    // ASCII case only, so offsets stay those of the folded text.
    let folded = normalized.text.to_ascii_lowercase();
    for (start, end) in figures(&folded) {
        let figure = &folded[start..end];
        let digits: String = figure.chars().filter(|&c| c != ',').collect();
        // `25.000` is also 25,000, as French writes it.
        let dot_grouped = figure.contains('.')
            && !figure.contains(',')
            && figure.split('.').skip(1).all(|group| group.len() == 3);
        let grouped: String = figure.chars().filter(|&c| c != '.').collect();
        let reads = |digits: &str| digits.parse::<Decimal>().ok() == Some(number.mantissa);
        if !(reads(&digits) || (dot_grouped && reads(&grouped))) {
            continue;
        }
        let before = folded[..start].trim_end();
        // A currency sign between ("about $34bn", "over US$ 2bn").
        let before = match before.strip_suffix(['$', '€', '£']) {
            Some(rest) => rest.strip_suffix("us").unwrap_or(rest).trim_end(),
            None => before,
        };
        if let Some((phrase, reading)) = phrase_ending(before) {
            let phrase_start = before.len() - phrase.len();
            let place = normalized.original_range(quote, phrase_start..end);
            return Some(Hedge {
                written: quote[place].to_owned(),
                meant: format!("{}{written}", reading.prefix()),
            });
        }
    }
    None
}

/// The byte ranges of the figures in `text`: runs of digits with the
/// commas and points between them, not inside a longer word or number.
fn figures(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() || (i > 0 && bytes[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len()
            && (bytes[i].is_ascii_digit()
                || (matches!(bytes[i], b',' | b'.')
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)))
        {
            i += 1;
        }
        found.push((start, i));
    }
    found
}

/// The hedge phrase `text` ends with, as a whole word (an Arabic one also
/// after the proclitic ب).
fn phrase_ending(text: &str) -> Option<(&'static str, Reading)> {
    PHRASES.iter().copied().find(|(phrase, _)| {
        let Some(rest) = text.strip_suffix(phrase) else {
            return false;
        };
        let rest = rest.strip_suffix('ب').unwrap_or(rest);
        rest.chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::parse_value_str;

    /// The form `written`, quoted by `quote`, is proposed in.
    fn meant(written: &str, quote: &str) -> Option<String> {
        let value = parse_value_str(written).unwrap();
        hedged_in_quote(written, &value, quote).map(|hedge| hedge.meant)
    }

    #[test]
    fn a_hedge_before_the_figure_is_kept() {
        for (written, quote, kept) in [
            (
                "385,000",
                "Some 385,000 apartments are known to have been destroyed",
                "~385,000",
            ),
            ("160,000", "more than 160,000 buildings", ">160,000"),
            (
                "34B USD",
                "The World Bank puts the damage at about $34bn",
                "~34B USD",
            ),
            ("3,958", "at least 3,958 people", ">=3,958"),
            ("20,000", "up to 20,000 people", "<=20,000"),
            ("300", "no more than 300 troops", "<=300"),
            ("34.2B USD", "بنحو 34.2 مليار دولار", "~34.2B USD"),
            ("105", "أكثر من ١٠٥ آلاف مبنى", ">105"),
            ("5M", "plus de 5 millions d'électeurs", ">5M"),
            ("95 %", "Près de 95 % des suffrages", "<=95 %"),
            ("24M", "environ 24 millions d'inscrits", "~24M"),
            ("25,000", "quelque 25.000 emplois directs", "~25,000"),
            (
                "130B MAD",
                "استثمارات بقيمة تناهز 130 مليار درهم",
                "~130B MAD",
            ),
        ] {
            assert_eq!(meant(written, quote).as_deref(), Some(kept), "{quote}");
        }
    }

    #[test]
    fn no_hedge_or_a_hedged_value_is_left_alone() {
        // Written with its hedge, or marked exact by the curator.
        assert_eq!(meant("~385,000", "Some 385,000 apartments"), None);
        assert_eq!(meant(">5,800", "more than 5,800 deaths"), None);
        assert_eq!(meant("=385,000", "Some 385,000 apartments"), None);
        // A plain figure; a hedge before another figure; a word ending in
        // a phrase ("handsome" is not "some").
        assert_eq!(
            meant("41,156", "In Turkey, 41,156 people have been killed"),
            None
        );
        assert_eq!(meant("7.8", "about 95 km away, a 7.8 quake"), None);
        assert_eq!(meant("40", "a handsome 40 points"), None);
        // The digits must be the figure's: 5,800 is not 800.
        assert_eq!(meant("800", "more than 5,800 deaths"), None);
        // A dot before other than three digits is a decimal point.
        assert_eq!(meant("25,000", "about 25.00 jobs"), None);
        assert_eq!(meant("250", "about 25.0 jobs"), None);
    }
}
