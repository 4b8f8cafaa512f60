//! Renderers: one file per output format, all from the same findings.
//! Nothing here decides what a finding is.

pub mod json;
