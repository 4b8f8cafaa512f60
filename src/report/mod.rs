//! Renderers: one file per output format, all from the same findings.
//! Nothing here decides what a finding is.
//!
//! `json` is the machine format (its wire format is documented there);
//! `text`, `markdown` and `html` read a [`ReportInput`]; `graph` lays out
//! the claim graph for the HTML report and `crosscheck graph`.

pub mod graph;
pub mod html;
mod input;
pub mod json;
pub mod markdown;
pub mod text;

pub use crate::text::plural::counted;
pub use input::ReportInput;
