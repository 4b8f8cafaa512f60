//! Quote location on the real seed articles, and the laws of normalisation.

// Helpers outside #[test] functions are not covered by .clippy.toml's
// allow-unwrap-in-tests; a panic here is still just a failing test.
#![allow(clippy::unwrap_used)]

use crosscheck::text::normalize::{normalize_for_quote, normalize_name};
use crosscheck::text::quote::locate;
use proptest::prelude::*;

fn seed(name: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let entry = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_str().unwrap().starts_with(name))
        .unwrap();
    std::fs::read_to_string(entry).unwrap()
}

fn found<'d>(document: &'d str, quote: &str) -> &'d str {
    let m = locate(document, quote)
        .unwrap_or_else(|e| panic!("{quote:?} not found; closest {:?}", &document[e.closest]));
    &document[m.bytes]
}

#[test]
fn seed_004_money_quote_is_found_verbatim() {
    let doc = seed("004");
    assert_eq!(
        found(&doc, "بقيمة تقارب 500 مليون دولار"),
        "بقيمة تقارب 500 مليون دولار"
    );
}

#[test]
fn seed_004_quote_with_arabic_indic_digits_and_bare_alef() {
    let doc = seed("004");
    // The curator typed Arabic-Indic digits and no hamza on the alef.
    assert_eq!(
        found(&doc, "في عام ٢٠٢٢، ابرم المغرب صفقة جديدة مع اسرائيل"),
        "في عام 2022، أبرم المغرب صفقة جديدة مع إسرائيل"
    );
}

#[test]
fn seed_003_quote_spanning_a_broken_line_matches() {
    let doc = seed("003");
    let quote = "يسعى الكيان الإسرائيلي من وراء صفقات الأسلحة إلى إيجاد موطئ قدم له في المغرب العربي";
    assert_eq!(
        found(&doc, quote),
        "يسعى الكيان الإسرائيلي من وراء صفقات الأسلحة إلى إيجاد موطئ قدم\nله في المغرب العربي"
    );
}

#[test]
fn a_quote_typed_with_hyphens_matches_dashes_and_a_word_broken_at_a_line_end() {
    let doc = "Morocco\u{2019}s army bought the system \u{2014} worth $500\u{00A0}million \u{2014} in 2022,\nwith a long-\nrange radar.";
    assert_eq!(
        found(doc, "Morocco's army bought the system - worth $500 million"),
        "Morocco\u{2019}s army bought the system \u{2014} worth $500\u{00A0}million"
    );
    assert_eq!(found(doc, "a long-range radar"), "a long-\nrange radar");
}

#[test]
fn a_quote_typed_with_latin_punctuation_matches_arabic_punctuation() {
    let doc = "تراجعت الإيرادات بنسبة ٦٠٪ إلى ٣٫٥ مليار دولار، وفق الهيئة؛ هل تتعافى؟";
    assert_eq!(
        found(doc, "بنسبة 60% إلى 3.5 مليار دولار, وفق الهيئة; هل تتعافى?"),
        "بنسبة ٦٠٪ إلى ٣٫٥ مليار دولار، وفق الهيئة؛ هل تتعافى؟"
    );
}

#[test]
fn seed_003_tatweel_stretched_text_matches_plain_quote() {
    let doc = seed("003");
    assert_eq!(
        found(&doc, "فإن المغرب الذي انضم إلى"),
        "فــإن المغــرب الــذي انضــم إلى"
    );
}

#[test]
fn seed_003_quote_with_curly_marks_matches_straight_ones() {
    let doc = seed("003");
    assert_eq!(
        found(&doc, "من أصل مغربي في \"إسرائيل\""),
        "من أصل مغربي في “إسرائيل”"
    );
}

#[test]
fn seed_003_digits_lost_in_extraction_give_the_closest_passage() {
    let doc = seed("003");
    // The PDF lost the figure: the article has a private-use glyph where
    // the digit was. The closest passage ends on a whole word, comma and all.
    let missing = locate(&doc, "إذ يبلغ عددها نحو 3 آلاف شخص").unwrap_err();
    assert_eq!(
        &doc[missing.closest.clone()],
        "إذ يبلغ عددها نحو \u{e00a} آلاف شخص،"
    );
    assert!(
        (0.9..1.0).contains(&missing.similarity),
        "{}",
        missing.similarity
    );
}

#[test]
fn quote_from_another_article_is_not_found() {
    let doc = seed("000");
    let missing = locate(&doc, "بقيمة تقارب 500 مليون دولار").unwrap_err();
    assert!(missing.similarity < 0.9, "{}", missing.similarity);
}

/// Text mixing what normalisation cares about: Arabic letters and marks,
/// presentation forms, Latin with diacritics, digits, quotes, white space and
/// invisible format characters.
fn mixed_text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 \\t\\n.,'\"«»“”éÉİßẞ\\x{0600}-\\x{06FF}\\x{FB50}-\\x{FBFF}\\x{FE70}-\\x{FEFF}\\x{00A0}\\x{200B}-\\x{200F}\\x{2066}-\\x{2069}]{0,40}"
}

proptest! {
    #[test]
    fn name_normalisation_is_idempotent(text in mixed_text()) {
        let once = normalize_name(&text);
        prop_assert_eq!(normalize_name(&once), once);
    }

    #[test]
    fn name_normalisation_is_idempotent_on_any_text(text in any::<String>()) {
        let once = normalize_name(&text);
        prop_assert_eq!(normalize_name(&once), once);
    }

    #[test]
    fn quote_normalisation_is_idempotent(text in mixed_text()) {
        let once = normalize_for_quote(&text).text;
        prop_assert_eq!(normalize_for_quote(&once).text, once);
    }

    #[test]
    fn origin_is_monotonic_and_within_the_original(text in mixed_text()) {
        let n = normalize_for_quote(&text);
        prop_assert_eq!(n.origin.len(), n.text.len());
        for pair in n.origin.windows(2) {
            prop_assert!(pair[0] <= pair[1]);
        }
        for &o in &n.origin {
            prop_assert!(o < text.len() && text.is_char_boundary(o));
        }
    }

    #[test]
    fn a_substring_of_the_document_is_always_found(text in mixed_text(), a in 0usize..40, b in 0usize..40) {
        let chars: Vec<char> = text.chars().collect();
        let (a, b) = (a.min(chars.len()), b.min(chars.len()));
        let quote: String = chars[a.min(b)..a.max(b)].iter().collect();
        prop_assume!(!normalize_for_quote(&quote).text.is_empty());
        let m = locate(&text, &quote);
        prop_assert!(m.is_ok(), "{:?} in {:?}", quote, text);
        let m = m.unwrap();
        // The matched span is the smallest run of whole original characters
        // covering the match, so its folding holds the folded quote (and may
        // be longer when the quote ends inside a decomposed letter: "E" in
        // "É").
        let span = normalize_for_quote(&text[m.bytes]).text;
        let folded = normalize_for_quote(&quote).text;
        prop_assert!(span.contains(&folded), "{:?} not in {:?}", folded, span);
    }
}
