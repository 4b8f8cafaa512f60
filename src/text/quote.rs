//! Finding a curator's quote in its document.

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

/// Finds `quote` in `document` under [`super::normalize::normalize_for_quote`].
/// The first occurrence wins.
pub fn locate(document: &str, quote: &str) -> Result<QuoteMatch, QuoteNotFound> {
    let _ = (document, quote);
    unimplemented!("text::quote: being written in the linking branch")
}
