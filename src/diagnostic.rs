//! Diagnostics a curator can act on: what is wrong, where (file,
//! `line:column` in characters, with the exact character marked), and how to
//! fix it. Two places are labelled when two are involved (a duplicate id).
//!
//! Every step that reads user input reports through [`Diagnostic`]; the
//! binary renders them once, at the edge.

use crate::model::{Files, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// A labelled place in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: String,
    /// The place the diagnostic is about; secondary labels give context.
    pub primary: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable kebab-case code (see `DiagnosticCode` once defined).
    pub code: &'static str,
    pub message: String,
    pub labels: Vec<Label>,
    /// How to fix it.
    pub help: Vec<String>,
    /// Context that is neither a place nor a fix.
    pub notes: Vec<String>,
}

/// Renders diagnostics as plain text (no colour), the form snapshots hold.
pub fn render_plain(diagnostics: &[Diagnostic], files: &Files) -> String {
    let _ = (diagnostics, files);
    unimplemented!("diagnostic rendering: being written in the loader branch")
}
