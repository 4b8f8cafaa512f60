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
pub use input::ReportInput;
