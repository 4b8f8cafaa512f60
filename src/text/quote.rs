//! Finding a curator's quote in its document.
//!
//! The quote and the document are both folded by
//! [`normalize_for_quote`]; the first occurrence of the folded quote in the
//! folded document is the match, mapped back to a byte range of the
//! original. When there is none, the closest passage is searched for so the
//! diagnostic can show what the curator probably meant.
//!
//! The closest-passage search does not slide over every character: it
//! anchors on words of the quote that occur in the document, rarest first
//! (a quote's rare words pin down where it came from), and scores only the
//! word windows those anchors imply, with a normalised Levenshtein
//! similarity. Only when no word of the quote occurs in the document does it
//! fall back to word windows at a stride of half the quote.

use std::collections::HashMap;
use std::ops::Range;

use super::normalize::{NormalizedText, normalize_for_quote};

/// Where a quote matched, as a byte range of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteMatch {
    pub bytes: std::ops::Range<usize>,
}

/// A quote that is not in the document, with the closest passage.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteNotFound {
    /// Byte range of the closest passage in the document.
    pub closest: std::ops::Range<usize>,
    /// Similarity of that passage to the quote, 0..1.
    pub similarity: f64,
}

/// How many anchor positions are scored at most. Each costs a few
/// Levenshtein comparisons of quote-sized strings.
const MAX_ANCHORS: usize = 256;

/// Finds `quote` in `document` under [`super::normalize::normalize_for_quote`].
/// The first occurrence wins.
pub fn locate(document: &str, quote: &str) -> Result<QuoteMatch, QuoteNotFound> {
    let doc = normalize_for_quote(document);
    locate_in(document, &doc, quote)
}

/// [`locate`] against a document already normalised (a document holding many
/// quotes is folded once).
pub fn locate_in(
    document: &str,
    normalized: &NormalizedText,
    quote: &str,
) -> Result<QuoteMatch, QuoteNotFound> {
    let quote = normalize_for_quote(quote).text;
    if quote.is_empty() {
        return Err(QuoteNotFound {
            closest: 0..0,
            similarity: 0.0,
        });
    }
    if let Some(start) = normalized.text.find(&quote) {
        return Ok(QuoteMatch {
            bytes: normalized.original_range(document, start..start + quote.len()),
        });
    }
    let (range, similarity) = closest_passage(&normalized.text, &quote);
    Err(QuoteNotFound {
        closest: normalized.original_range(document, range),
        similarity,
    })
}

/// The word window of `text` most similar to `quote` (both normalised), as a
/// byte range of `text`, with its similarity.
fn closest_passage(text: &str, quote: &str) -> (Range<usize>, f64) {
    let words = word_ranges(text);
    if words.is_empty() {
        return (0..0, 0.0);
    }
    let quote_words: Vec<&str> = quote.split(' ').collect();
    let k = quote_words.len();

    let mut positions: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, range) in words.iter().enumerate() {
        positions.entry(&text[range.clone()]).or_default().push(i);
    }
    // Rarest quote words first; ties by their place in the quote, so the
    // choice is deterministic.
    let mut anchors: Vec<(usize, usize)> = quote_words
        .iter()
        .enumerate()
        .filter_map(|(i, w)| positions.get(w).map(|p| (p.len(), i)))
        .collect();
    anchors.sort_unstable();
    let mut starts: Vec<usize> = Vec::new();
    for (_, i) in anchors {
        if starts.len() >= MAX_ANCHORS {
            break;
        }
        for &p in &positions[quote_words[i]] {
            starts.push(p.saturating_sub(i));
        }
    }
    if starts.is_empty() {
        let stride = (k / 2).max(1);
        starts = (0..words.len()).step_by(stride).collect();
    }
    starts.sort_unstable();
    starts.dedup();

    let mut best: Option<(f64, Range<usize>)> = None;
    for start in starts {
        // The passage may have lost or gained a word (extraction drops
        // digits, a curator skips a word): try one word fewer and more.
        for len in [k.saturating_sub(1).max(1), k, k + 1] {
            let end_word = (start + len).min(words.len());
            if end_word <= start {
                continue;
            }
            let range = words[start].start..words[end_word - 1].end;
            let score = strsim::normalized_levenshtein(&text[range.clone()], quote);
            // Strictly better only: the earliest of equal passages wins.
            if best.as_ref().is_none_or(|(s, _)| score > *s) {
                best = Some((score, range));
            }
        }
    }
    best.map_or((0..0, 0.0), |(score, range)| (range, score))
}

/// Byte ranges of the space-separated words of a normalised text.
fn word_ranges(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == ' ' {
            if i > start {
                ranges.push(start..i);
            }
            start = i + 1;
        }
    }
    if text.len() > start {
        ranges.push(start..text.len());
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_quote_across_a_line_break_and_diacritics() {
        let doc = "قال المسؤول إنّ الصفقة\nبقيمة تقارب ٥٠٠ مليون دولار، ثم غادر.";
        let found = locate(doc, "الصفقة بقيمة تقارب 500 مليون دولار").unwrap();
        assert_eq!(&doc[found.bytes], "الصفقة\nبقيمة تقارب ٥٠٠ مليون دولار");
    }

    #[test]
    fn a_missing_quote_reports_the_closest_passage() {
        let doc =
            "one two three. The deal was worth 500 million dollars in 2022. Other words here.";
        let missing = locate(doc, "The deal was worth 600 million dollars").unwrap_err();
        assert_eq!(
            &doc[missing.closest.clone()],
            "The deal was worth 500 million dollars"
        );
        assert!(missing.similarity > 0.9 && missing.similarity < 1.0);
    }

    #[test]
    fn nothing_in_common_still_names_a_passage() {
        let doc = "alpha beta gamma delta";
        let missing = locate(doc, "zzz yyy").unwrap_err();
        assert!(!missing.closest.is_empty());
        assert!(missing.similarity < 0.5);
    }
}
