//! Renderers: one file per output format, all from the same findings.
//! Nothing here decides what a finding is.
//!
//! `json` is the machine format (its wire format is documented there);
//! `text`, `markdown`, `html`, `csv` and `sarif` read a [`ReportInput`]; `graph` lays out
//! the claim graph for the HTML report and `crosscheck graph`.

pub mod csv;
pub mod diff;
pub mod graph;
pub mod html;
mod input;
pub mod json;
pub mod markdown;
pub mod sarif;
pub mod text;

pub use crate::text::plural::counted;
pub use input::{
    FindingsShown, LIST_AT_MOST, ROWS_AT_MOST, ReportInput, SHOWN_IN_FULL, SHOWN_IN_ONE_LINE,
    at_most, joined_at_most, one_line, rows_at_most,
};

/// Whether `c` is a bidirectional embedding, override or isolate control
/// (U+202A-U+202E, U+2066-U+2069). Claim text is shown with these as visible
/// escapes (`\u{202e}`) in every human report: one would reorder what is
/// shown around it (a subject read backwards, a figure moved).
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}
