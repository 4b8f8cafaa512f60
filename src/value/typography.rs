//! Typography a value may carry from a word processor or a web page, read
//! before the grammar: a number must not silently become text because its
//! minus sign is U+2212 or its digits are full-width, and a value must not
//! hold characters nobody can see.
//!
//! - U+2212 MINUS SIGN and U+FF0D FULL-WIDTH HYPHEN-MINUS read as `-`; an en
//!   dash (U+2013) reads as `-` where it stands as a minus sign (at the
//!   start, or after white space or a prefix, before a digit).
//! - Full-width digits `０`–`９` read as `0`–`9`.
//! - Invisible characters (zero-width spaces and joiners, the soft hyphen,
//!   the byte-order mark) and bidirectional controls (U+202A–U+202E,
//!   U+2066–U+2069, the marks U+200E, U+200F, U+061C) are an error: they
//!   change what a value means, or how it shows, without being seen.
//!
//! Every replacement is one character for one, so character offsets of
//! errors stay those of the written value.

use std::borrow::Cow;

use super::ValueError;

/// The value with typographic signs and digits read as ASCII, or the error
/// at its first invisible or bidirectional control character.
pub fn normalise(text: &str) -> Result<Cow<'_, str>, ValueError> {
    if let Some((offset, c)) = text
        .chars()
        .enumerate()
        .find(|(_, c)| invisible(*c).is_some())
    {
        let name = invisible(c).unwrap_or("an invisible character");
        return Err(ValueError {
            char_offset: offset,
            char_len: 1,
            message: format!("the value holds U+{:04X} ({name}), which is invisible", c as u32),
            help: "delete it (retype the value: most editors do not show it); a value may hold no invisible or bidirectional control character".into(),
        });
    }
    if !text
        .chars()
        .any(|c| replacement(c).is_some() || c == '\u{2013}')
    {
        return Ok(Cow::Borrowed(text));
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let next_is_digit = chars
            .get(i + 1)
            .is_some_and(|&n| n.is_ascii_digit() || ('０'..='９').contains(&n));
        let after_sign_place = i == 0
            || chars[i - 1].is_whitespace()
            || matches!(chars[i - 1], '~' | '<' | '>' | '=' | '.');
        out.push(match c {
            '\u{2013}' if next_is_digit && after_sign_place => '-',
            _ => replacement(c).unwrap_or(c),
        });
    }
    Ok(Cow::Owned(out))
}

/// The ASCII character a typographic one always stands for.
fn replacement(c: char) -> Option<char> {
    match c {
        '\u{2212}' | '\u{FF0D}' => Some('-'),
        '０'..='９' => char::from_digit(c as u32 - '０' as u32, 10),
        _ => None,
    }
}

/// The name of an invisible or bidirectional control character.
fn invisible(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{00AD}' => "SOFT HYPHEN",
        '\u{061C}' => "ARABIC LETTER MARK",
        '\u{180E}' => "MONGOLIAN VOWEL SEPARATOR",
        '\u{200B}' => "ZERO WIDTH SPACE",
        '\u{200C}' => "ZERO WIDTH NON-JOINER",
        '\u{200D}' => "ZERO WIDTH JOINER",
        '\u{200E}' => "LEFT-TO-RIGHT MARK",
        '\u{200F}' => "RIGHT-TO-LEFT MARK",
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2060}' => "WORD JOINER",
        '\u{2061}'..='\u{2064}' => "an invisible operator",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{FEFF}' => "ZERO WIDTH NO-BREAK SPACE",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::super::{Value, parse_value_str};

    fn number(text: &str) -> Value {
        match parse_value_str(text) {
            Ok(value @ Value::Number(_)) => value,
            other => panic!("{text:?} read as {other:?}"),
        }
    }

    #[test]
    fn typographic_minus_signs_and_full_width_digits_read_as_numbers() {
        assert_eq!(number("\u{2212}5 %"), number("-5 %"));
        assert_eq!(number("\u{2013}5 %"), number("-5 %"));
        assert_eq!(number("~\u{2212}5"), number("~-5"));
        assert_eq!(number("５００M USD"), number("500M USD"));
    }

    #[test]
    fn text_keeps_its_typography() {
        assert_eq!(
            parse_value_str("Barak\u{2212}8 ５"),
            Ok(Value::Text("Barak\u{2212}8 ５".into()))
        );
    }

    #[test]
    fn invisible_and_bidi_controls_are_refused_where_they_are() {
        for (text, offset) in [
            ("\u{202E}500M USD", 0),
            ("500\u{200B}M USD", 3),
            ("Barak\u{2067}8", 5),
        ] {
            let error = parse_value_str(text).unwrap_err();
            assert_eq!(error.char_offset, offset, "{text:?}");
            assert!(error.message.contains("invisible"), "{}", error.message);
        }
    }
}
