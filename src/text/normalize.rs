//! One normalisation for Arabic and Latin text, used by quote matching and by
//! subject linking, so "equal after normalisation" means the same everywhere.
//!
//! Two levels:
//!
//! - [`normalize_for_quote`] folds what a curator cannot be expected to copy
//!   exactly from a document (diacritics, letter variants, digit shapes,
//!   quotation marks, white space) and keeps everything that carries meaning
//!   (case, punctuation, word order). It keeps a map back to the original
//!   bytes, so a match in the folded text is a span of the document.
//! - [`normalize_name`] goes further for subject and value names: case, Latin
//!   diacritics and punctuation are folded too (dropping articles and
//!   reordering words are `link::rules`' business).
//!
//! Choices, and why:
//!
//! - Hamza carriers: `أ إ آ ٱ` → `ا`, `ؤ` → `و`, `ئ` → `ي`. Writers and OCR
//!   drop or misplace hamza freely; folding to the bare carrier letter is what
//!   Arabic search engines do, and `ئ` → `ي` keeps the word shape (the
//!   alternative, `ء`, would split a seated hamza from its letter).
//! - `ى` → `ي`, `ة` → `ه`; Persian `ی` → `ي` and `ک` → `ك`, since the same
//!   words reach Arabic texts through Persian keyboards.
//! - Compatibility decomposition (NFKD) is applied character by character, so
//!   Arabic presentation forms (what PDF extraction produces) fold to the
//!   plain letters, and composed and decomposed Latin letters compare equal.
//!   A space that a decomposition introduces (e.g. `U+FE70`, an isolated
//!   fathatan, decomposes to space + mark) is dropped: it was not white space
//!   in the text.
//! - White space runs (any Unicode white space, NBSP, zero-width space) fold
//!   to one ASCII space. Zero-width joiners/non-joiners, the word joiner, the
//!   byte-order mark, the soft hyphen and bidi marks are *dropped*, not turned
//!   into a space: they sit inside words, and a space there would split a
//!   word that the curator typed whole.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Text normalised for matching, with a map back to the original bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NormalizedText {
    /// The normalised text.
    pub text: String,
    /// For each byte of `text`, the byte offset in the original text of the
    /// character it came from (so a match maps back to a source span).
    pub origin: Vec<usize>,
}

impl NormalizedText {
    /// The byte range of `original` that the normalised byte range `range`
    /// came from. The start is the first contributing character; the end
    /// takes in characters dropped right after the match (a trailing
    /// diacritic or tatweel belongs to the matched word) but not white space.
    ///
    /// `original` must be the text this was built from; `range` must lie on
    /// character boundaries of `self.text`.
    pub fn original_range(
        &self,
        original: &str,
        range: std::ops::Range<usize>,
    ) -> std::ops::Range<usize> {
        if range.start >= range.end || range.end > self.origin.len() {
            let at = self
                .origin
                .get(range.start)
                .copied()
                .unwrap_or(original.len());
            return at..at;
        }
        let start = self.origin[range.start];
        let last = self.origin[range.end - 1];
        let last_end = last + original[last..].chars().next().map_or(0, char::len_utf8);
        // Extend over what was dropped between the match and the next kept
        // character (a trailing diacritic or tatweel), up to white space.
        let next = self
            .origin
            .get(range.end)
            .copied()
            .unwrap_or(original.len());
        let mut end = last_end;
        if next > last_end {
            let gap = &original[last_end..next];
            end += gap
                .find(|c: char| c.is_whitespace() || is_space_like(c))
                .unwrap_or(gap.len());
        }
        start..end
    }
}

/// Normalises text for quote matching: folds tatweel, diacritics,
/// alef/hamza forms, alef maqsura/yaa, taa marbuta/haa, Arabic-Indic digits
/// and punctuation (`،` `؛` `؟` `٪` `٫`), kinds of quotation marks and of
/// dash, and runs of white space, and joins a word hyphenated at a line
/// break (`long-\nrange` is `long-range`). Keeps case and words.
pub fn normalize_for_quote(text: &str) -> NormalizedText {
    fold_text(text, true)
}

/// [`normalize_for_quote`]'s text alone: two quotes of one passage, typed
/// with other quotation marks, diacritics or digits, have the same key.
pub fn quote_key(text: &str) -> String {
    fold_text(text, false).text
}

/// [`normalize_for_quote`], building the origin map only when asked (names
/// do not need it, and linking folds many).
fn fold_text(text: &str, with_origin: bool) -> NormalizedText {
    let mut out = NormalizedText {
        text: String::with_capacity(text.len()),
        origin: Vec::with_capacity(if with_origin { text.len() } else { 0 }),
    };
    // The byte offset of the white space run waiting to be written as one
    // space, once a kept character follows it (so the result is trimmed).
    let mut pending_space: Option<usize> = None;
    let push = |out: &mut NormalizedText, pending: &mut Option<usize>, offset, c: char| {
        if let Some(space_at) = pending.take()
            && !out.text.is_empty()
        {
            out.text.push(' ');
            if with_origin {
                out.origin.push(space_at);
            }
        }
        out.text.push(c);
        if with_origin {
            out.origin.extend(std::iter::repeat_n(offset, c.len_utf8()));
        }
    };
    // Whether the waiting white space holds a line break: a word hyphen
    // before one ("long-\nrange", as PDF extraction and narrow columns
    // leave it) joins the next line's word without a space.
    let mut pending_line_break = false;
    for (offset, c) in text.char_indices() {
        if pending_line_break && !(c.is_whitespace() || is_space_like(c)) {
            pending_line_break = false;
            if ends_with_word_hyphen(&out.text) {
                pending_space = None;
            }
        }
        if is_quote_mark(c) {
            push(&mut out, &mut pending_space, offset, '"');
        } else if c.is_whitespace() || is_space_like(c) {
            pending_space.get_or_insert(offset);
            pending_line_break |= matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}');
        } else if is_ignorable(c) {
        } else {
            decompose_compatible(c, |d| {
                if let Some(folded) = fold_char(d) {
                    push(&mut out, &mut pending_space, offset, folded);
                }
            });
        }
    }
    out
}

/// Normalises a subject or value name for linking: everything
/// [`normalize_for_quote`] does, plus case, Latin diacritics and
/// punctuation. Articles and word order are kept: the rules that drop or
/// reorder words are in `link::rules` (`name_key`), where each is stated.
///
/// Idempotent: every fold reaches a fixed point in one call.
///
/// ASCII names (most Latin names) take a shorter path with the same result:
/// on ASCII the quote-level fold, lower-casing and decomposition reduce to
/// "letters and digits lower-cased, everything else a word break", and
/// skipping the per-character Unicode tables makes linking a million claims
/// several times faster (`names_ascii_path_equals_the_general_path` checks
/// the two paths agree).
pub fn normalize_name(name: &str) -> String {
    if name.is_ascii() {
        normalize_ascii_name(name)
    } else {
        normalize_any_name(name)
    }
}

/// [`normalize_name`] of an ASCII name: the words are the runs of ASCII
/// letters and digits, lower-cased. Every other ASCII character is white
/// space, a quotation mark (folded to `"`) or punctuation, and each of those
/// ends up a word break on the general path.
fn normalize_ascii_name(name: &str) -> String {
    let mut folded = String::with_capacity(name.len());
    for b in name.bytes() {
        folded.push(if b.is_ascii_alphanumeric() {
            char::from(b.to_ascii_lowercase())
        } else {
            ' '
        });
    }
    join_name_words(folded.split_whitespace().collect(), folded.len())
}

/// [`normalize_name`] through the Unicode tables, for any name.
fn normalize_any_name(name: &str) -> String {
    let quoted = fold_text(name, false).text;
    let mut folded = String::with_capacity(quoted.len());
    for c in quoted.chars() {
        for lower in c.to_lowercase() {
            decompose_compatible(lower, |d| {
                if is_combining_mark(d) {
                } else if d.is_alphanumeric() {
                    // Lower-casing and decomposing can meet a letter the
                    // quote-level fold handles (rare); fold it again.
                    if let Some(f) = fold_char(d) {
                        folded.push(f);
                    }
                } else {
                    folded.push(' ');
                }
            });
        }
    }
    join_name_words(folded.split_whitespace().collect(), folded.len())
}

/// The words of a folded name joined by one space.
///
/// Articles are kept: whether an article may be dropped depends on the
/// name's language (`link::rules`), and "El Lago" is not "Lago".
///
/// Arabic compound names are written joined as often as not, and the
/// joined word is split so both read alike: `عبد` before a name with its
/// article (`عبدالله`, `عبد الله`; `عبدالعزيز`, `عبد العزيز`), and `أبو`
/// before a name of three letters or more (`أبوظبي`, `أبو ظبي`; `أبوبكر`,
/// `أبو بكر`; shorter rests are words of their own: `أبوها`, `أبواب`).
fn join_name_words(words: Vec<&str>, capacity: usize) -> String {
    const SERVANT_OF: &str = "\u{0639}\u{0628}\u{062F}";
    const FATHER_OF: &str = "\u{0627}\u{0628}\u{0648}";
    const ARTICLE: &str = "\u{0627}\u{0644}";
    let mut result = String::with_capacity(capacity + 2);
    for word in words {
        if !result.is_empty() {
            result.push(' ');
        }
        let compound = [(SERVANT_OF, true), (FATHER_OF, false)]
            .into_iter()
            .find_map(|(prefix, needs_article)| {
                let rest = word.strip_prefix(prefix)?;
                let named = match needs_article {
                    true => rest.starts_with(ARTICLE) && rest.chars().count() > 2,
                    false => rest.chars().count() >= 3 && rest.chars().all(is_arabic_letter),
                };
                named.then_some((prefix, rest))
            });
        match compound {
            Some((prefix, rest)) => {
                result.push_str(prefix);
                result.push(' ');
                result.push_str(rest);
            }
            None => result.push_str(word),
        }
    }
    result
}

/// An Arabic letter of the basic block, after folding.
fn is_arabic_letter(c: char) -> bool {
    ('\u{0621}'..='\u{064A}').contains(&c)
}

/// Folds one character that is neither white space, a quotation mark nor an
/// ignorable format character. `None`: drop it.
fn fold_char(c: char) -> Option<char> {
    Some(match c {
        // Tatweel and Arabic diacritics (harakat, superscript alef, Quranic
        // annotation marks).
        '\u{0640}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08FF}' => return None,
        // Presentation forms of harakat and tatweel: their decompositions
        // bring a space in; the space is dropped below, the mark above.
        ' ' => return None,
        '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' | '\u{0672}' | '\u{0673}' => '\u{0627}',
        '\u{0624}' => '\u{0648}',
        '\u{0626}' | '\u{0649}' | '\u{06CC}' => '\u{064A}',
        '\u{0629}' => '\u{0647}',
        '\u{06A9}' => '\u{0643}',
        '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}' => ascii_digit(c).unwrap_or(c),
        // Arabic punctuation, which a curator on a Latin keyboard types in
        // its Latin form: comma, semicolon, question mark, percent sign,
        // decimal and thousands separators.
        '\u{060C}' | '\u{066C}' => ',',
        '\u{061B}' => ';',
        '\u{061F}' => '?',
        '\u{066A}' => '%',
        '\u{066B}' => '.',
        c if is_quote_mark(c) => '"',
        c if is_dash(c) => '-',
        c => c,
    })
}

/// The ASCII digit a digit stands for, in ASCII, Arabic-Indic (`٣`) or
/// Extended Arabic-Indic (Persian, Urdu: `۳`) script; `None` for any other
/// character. Quotes, dates in documents and values are read with it alike.
pub fn ascii_digit(c: char) -> Option<char> {
    let value = match c {
        '0'..='9' => return Some(c),
        '\u{0660}'..='\u{0669}' => c as u32 - 0x0660,
        '\u{06F0}'..='\u{06F9}' => c as u32 - 0x06F0,
        _ => return None,
    };
    char::from_digit(value, 10)
}

/// Hyphens, dashes and the minus sign, folded to `-`: a quote typed with
/// `-` matches a document's `—` or `–`, as it matches its curly quotation
/// marks.
fn is_dash(c: char) -> bool {
    matches!(
        c,
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}'
    )
}

/// Whether `text` ends with a hyphen right after a letter (`long-`).
fn ends_with_word_hyphen(text: &str) -> bool {
    let mut last = text.chars().rev();
    last.next() == Some('-') && last.next().is_some_and(char::is_alphabetic)
}

/// Every kind of quotation mark and apostrophe folds to `"`.
fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '`'
            | '\u{00AB}'
            | '\u{00B4}'
            | '\u{00BB}'
            | '\u{2018}'..='\u{201F}'
            | '\u{2032}'..='\u{2037}'
            | '\u{2039}'
            | '\u{203A}'
            | '\u{301D}'..='\u{301F}'
            | '\u{FF02}'
            | '\u{FF07}'
    )
}

/// White space that `char::is_whitespace` does not know: the zero-width
/// space is a word break by definition.
fn is_space_like(c: char) -> bool {
    c == '\u{200B}'
}

/// Invisible format characters that sit inside words: dropped.
fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{200C}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_arabic_letter_variants_digits_and_marks() {
        let text = "أَكْثَرُ مِــن ٥٠٠ مليون إلى القاهرة آخر ۱۲";
        assert_eq!(
            normalize_for_quote(text).text,
            "اكثر من 500 مليون الي القاهره اخر 12"
        );
    }

    #[test]
    fn folds_quotation_marks_and_white_space_runs() {
        let text = "  بين “إسرائيل”\n\n  والمغرب\u{00A0}«نعم» 'x' \u{200F}y ";
        assert_eq!(
            normalize_for_quote(text).text,
            "بين \"اسراييل\" والمغرب \"نعم\" \"x\" y"
        );
    }

    #[test]
    fn folds_arabic_punctuation_to_its_latin_form() {
        assert_eq!(
            normalize_for_quote("بنسبة ٦٠٪ إلى ٣٫٥ مليار دولار، وفق الهيئة؛ هل تتعافى؟").text,
            "بنسبه 60% الي 3.5 مليار دولار, وفق الهييه; هل تتعافي?"
        );
    }

    #[test]
    fn folds_dashes_and_joins_a_word_hyphenated_at_a_line_break() {
        let text = "worth $500\u{00A0}million \u{2014} in 2022\u{2013}23, a long-\nrange radar";
        assert_eq!(
            normalize_for_quote(text).text,
            "worth $500 million - in 2022-23, a long-range radar"
        );
        // A dash between spaced words keeps its spaces, also at a line end.
        assert_eq!(normalize_for_quote("2020 -\n2021").text, "2020 - 2021");
        let folded = normalize_for_quote("a long-\r\n  range");
        assert_eq!(folded.text, "a long-range");
        assert_eq!(folded.origin.len(), folded.text.len());
    }

    #[test]
    fn an_abd_or_abu_name_reads_the_same_joined_or_spaced() {
        assert_eq!(normalize_name("عبدالله بن زايد"), "عبد الله بن زايد");
        assert_eq!(normalize_name("عبد الله بن زايد"), "عبد الله بن زايد");
        assert_eq!(normalize_name("عبدالعزيز"), normalize_name("عبد العزيز"));
        // Idempotent, and `عبد` alone or before a name without its article
        // is kept.
        assert_eq!(normalize_name(&normalize_name("عبدالله")), "عبد الله");
        assert_eq!(normalize_name("عبد"), "عبد");
        assert_eq!(normalize_name("عبدربه"), "عبدربه");
        assert_eq!(normalize_name("أبوظبي"), normalize_name("أبو ظبي"));
        assert_eq!(normalize_name("ابوبكر البغدادي"), "ابو بكر البغدادي");
        assert_eq!(normalize_name("أبوها"), "ابوها");
        assert_eq!(normalize_name(&normalize_name("أبوظبي")), "ابو ظبي");
    }

    #[test]
    fn presentation_forms_fold_to_plain_letters() {
        // "لا" as the lam-alef ligature, and a PDF's isolated fathatan.
        assert_eq!(normalize_for_quote("\u{FEFB}\u{FE70}").text, "لا");
    }

    #[test]
    fn origin_points_at_the_source_character() {
        let text = "a  بـِ c";
        let n = normalize_for_quote(text);
        assert_eq!(n.text, "a ب c");
        assert_eq!(n.origin, vec![0, 1, 3, 3, 9, 10]);
    }

    #[test]
    fn original_range_takes_trailing_marks_but_not_space() {
        let text = "قال دولارٌ  ثم";
        let n = normalize_for_quote(text);
        let start = n.text.find("دولار").unwrap();
        let range = n.original_range(text, start..start + "دولار".len());
        assert_eq!(&text[range], "دولارٌ");
    }

    #[test]
    fn names_fold_case_diacritics_and_punctuation_and_keep_articles() {
        assert_eq!(normalize_name("The Barak-8 Deal"), "the barak 8 deal");
        assert_eq!(normalize_name("Café  Société"), "cafe societe");
        assert_eq!(normalize_name("al-Qaeda"), "al qaeda");
        assert_eq!(normalize_name("المغرب"), "المغرب");
        assert_eq!(normalize_name("صفقة الطائرات"), "صفقه الطايرات");
        assert_eq!(normalize_name("الى"), "الي");
        assert_eq!(normalize_name("El Lago, Texas"), "el lago texas");
    }

    #[test]
    fn names_ascii_path_handles_every_ascii_character() {
        // Every ASCII character, alone and between two words.
        for b in 0u8..=127 {
            let c = char::from(b);
            for text in [c.to_string(), format!("the Al{c}Barak-8{c}\u{0}x")] {
                assert_eq!(
                    normalize_ascii_name(&text),
                    normalize_any_name(&text),
                    "{text:?}"
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn names_ascii_path_equals_the_general_path(text in "[ -~\t\n\r\x00-\x1f\x7f]{0,40}") {
            proptest::prop_assert_eq!(normalize_ascii_name(&text), normalize_any_name(&text));
        }

        #[test]
        fn names_ascii_path_equals_the_general_path_on_words(
            words in proptest::collection::vec("(the|The|THE|al|Al|AL|el|El|[a-zA-Z0-9]{1,6})", 0..6),
            breaks in proptest::collection::vec("[ ,.\\-'\"`\t]{1,3}", 6),
        ) {
            let mut text = String::new();
            for (word, gap) in words.iter().zip(&breaks) {
                text.push_str(word);
                text.push_str(gap);
            }
            proptest::prop_assert_eq!(normalize_ascii_name(&text), normalize_any_name(&text));
            proptest::prop_assert_eq!(normalize_name(&text), normalize_any_name(&text));
        }
    }
}
