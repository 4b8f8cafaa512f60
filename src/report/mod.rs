//! Renderers: one file per output format, all from the same findings.
//! Nothing here decides what a finding is.

// Human renderers (reports branch): one file per format, all reading a
// `ReportInput`.
pub mod graph;
pub mod html;
mod input;
pub mod markdown;
pub mod text;

pub use input::{
    ClaimFacts, ReportInput, compact_decimal, counted, describe_denotation, kind_count, kind_title,
};
