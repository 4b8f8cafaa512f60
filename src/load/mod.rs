//! Loading a project directory: claim files, `claims/subjects.json`,
//! `crosscheck.toml` and the documents, into a validated [`crate::model::Project`],
//! or every diagnostic found (up to a cap).
