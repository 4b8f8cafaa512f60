//! Loading a project directory: claim files, `claims/subjects.json`,
//! `crosscheck.toml` and the documents, into a validated [`Project`],
//! or every diagnostic found (up to a cap).

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::model::{Files, Project};

/// Why a project did not load: every diagnostic found, with the files they
/// point into.
#[derive(Debug, Clone)]
pub struct LoadFailure {
    pub diagnostics: Vec<Diagnostic>,
    pub files: Files,
}

/// Loads and validates the project in `root` (the directory holding `claims/`).
pub fn load_project(root: &Path) -> Result<Project, LoadFailure> {
    let _ = root;
    unimplemented!("load: being written in the loader branch")
}
