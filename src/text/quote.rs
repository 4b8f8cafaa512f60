//! Finding a curator's quote in its document.
//!
//! The quote and the document are both folded by
//! [`normalize_for_quote`]; the first occurrence of the folded quote in the
//! folded document is the match, mapped back to a byte range of the
//! original. When there is none, the closest passage is searched for so the
//! diagnostic can show what the curator probably meant.
//!
//! The closest-passage search is bounded whatever the sizes (a 1 MB quote
//! against a 1 MB document takes well under a second): it never slides over
//! every character and never scores more than [`MAX_CANDIDATES`] passages.
//!
//! 1. Seeds: up to [`MAX_SEEDS`] word positions of the quote, evenly spaced.
//! 2. Votes: one pass over the document's words; where a word equals a seed,
//!    the passage starting `seed position` words earlier gets a vote worth
//!    the inverse of the word's frequency in the document (a quote's rare
//!    words pin down where it came from). Seeds are taken rarest first and
//!    stop after [`MAX_VOTES`] votes, so a common word cannot add a
//!    candidate for each of its thousands of places.
//! 3. Scoring: the [`MAX_CANDIDATES`] best-voted starts (evenly spaced
//!    starts when no word is shared), each with one word fewer, as many and
//!    one more than the quote, scored by normalised Levenshtein similarity
//!    for a quote of up to [`MAX_EDIT_CHARS`] characters, and by the word
//!    overlap (Dice coefficient of the word multisets) beyond, where an edit
//!    distance would be quadratic in the quote.

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

/// Quote words used as seeds at most.
const MAX_SEEDS: usize = 256;

/// Votes cast at most (document places of seed words).
const MAX_VOTES: usize = 1 << 20;

/// Passages scored at most.
pub const MAX_CANDIDATES: usize = 32;

/// Quotes up to this many characters are scored by edit distance.
pub const MAX_EDIT_CHARS: usize = 512;

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

/// Every place `quote` occurs in `document` (already normalised), as
/// byte ranges of the original, in order and not overlapping: a headline
/// repeats the body's figure word for word, and one quote of it covers both.
pub fn occurrences(document: &str, normalized: &NormalizedText, quote: &str) -> Vec<Range<usize>> {
    let quote = normalize_for_quote(quote).text;
    if quote.is_empty() {
        return Vec::new();
    }
    normalized
        .text
        .match_indices(&quote)
        .map(|(start, _)| normalized.original_range(document, start..start + quote.len()))
        .collect()
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
    let mut starts = candidate_starts(text, &words, &quote_words);
    if starts.is_empty() {
        // No word in common: every passage is as bad; a few evenly spaced.
        let stride = (words.len() / MAX_CANDIDATES).max(1);
        starts = (0..words.len())
            .step_by(stride)
            .take(MAX_CANDIDATES)
            .collect();
    }
    starts.sort_unstable();
    starts.dedup();

    let by_edits = quote.chars().count() <= MAX_EDIT_CHARS;
    let quote_bag = if by_edits {
        HashMap::new()
    } else {
        bag(quote_words.iter().copied())
    };
    let lengths: &[usize] = if by_edits {
        // The passage may have lost or gained a word (extraction drops
        // digits, a curator skips a word): try one word fewer and more.
        &[k.saturating_sub(1).max(1), k, k + 1]
    } else {
        &[k]
    };
    let mut best: Option<(f64, Range<usize>)> = None;
    for start in starts {
        for &len in lengths {
            let end_word = (start + len).min(words.len());
            if end_word <= start {
                continue;
            }
            let mut range = words[start].start..words[end_word - 1].end;
            let score = if by_edits {
                // A window of a few huge "words" is cut to twice the quote,
                // so one comparison stays bounded by the quote's size.
                if range.len() > 2 * quote.len() {
                    let mut end = range.start + 2 * quote.len();
                    while !text.is_char_boundary(end) {
                        end -= 1;
                    }
                    range.end = end;
                }
                strsim::normalized_levenshtein(&text[range.clone()], quote)
            } else {
                dice(&quote_bag, k, &words[start..end_word], text)
            };
            // Strictly better only: the earliest of equal passages wins.
            if best.as_ref().is_none_or(|(s, _)| score > *s) {
                best = Some((score, range));
            }
        }
    }
    best.map_or((0..0, 0.0), |(score, range)| (range, score))
}

/// The word indices of `text` where a passage like the quote most likely
/// starts, best-voted first, at most [`MAX_CANDIDATES`].
fn candidate_starts(text: &str, words: &[Range<usize>], quote_words: &[&str]) -> Vec<usize> {
    let k = quote_words.len();
    let stride = k.div_ceil(MAX_SEEDS).max(1);
    // Seed word -> its positions in the quote (sampled).
    let mut seeds: HashMap<&str, Vec<usize>> = HashMap::new();
    for j in (0..k).step_by(stride) {
        seeds.entry(quote_words[j]).or_default().push(j);
    }
    // Seed word -> its places in the document: one pass.
    let mut places: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, range) in words.iter().enumerate() {
        let word = &text[range.clone()];
        if seeds.contains_key(word) {
            places.entry(word).or_default().push(i);
        }
    }
    // Rarest seed words first; ties by their first place in the quote, so
    // the result is deterministic.
    let mut order: Vec<(usize, usize, &str)> = places
        .iter()
        .map(|(word, at)| (at.len(), seeds[word][0], *word))
        .collect();
    order.sort_unstable();
    let mut votes: HashMap<usize, f64> = HashMap::new();
    let mut cast = 0usize;
    'seeds: for (count, _, word) in order {
        let weight = 1.0 / count as f64;
        for &j in &seeds[word] {
            for &i in &places[word] {
                if cast >= MAX_VOTES {
                    break 'seeds;
                }
                cast += 1;
                *votes.entry(i.saturating_sub(j)).or_default() += weight;
            }
        }
    }
    let mut ranked: Vec<(usize, f64)> = votes.into_iter().collect();
    ranked.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.truncate(MAX_CANDIDATES);
    ranked.into_iter().map(|(start, _)| start).collect()
}

fn bag<'t>(words: impl Iterator<Item = &'t str>) -> HashMap<&'t str, usize> {
    let mut bag = HashMap::new();
    for word in words {
        *bag.entry(word).or_default() += 1;
    }
    bag
}

/// The Dice coefficient of the quote's words and a passage's words, as
/// multisets: 2 |common| / (|quote| + |passage|).
fn dice(
    quote: &HashMap<&str, usize>,
    quote_len: usize,
    passage: &[Range<usize>],
    text: &str,
) -> f64 {
    let passage_bag = bag(passage.iter().map(|r| &text[r.clone()]));
    let common: usize = passage_bag
        .iter()
        .map(|(word, n)| quote.get(word).map_or(0, |m| (*n).min(*m)))
        .sum();
    2.0 * common as f64 / (quote_len + passage.len()) as f64
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
