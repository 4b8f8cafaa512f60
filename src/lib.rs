//! crosscheck: cross-checks hand-curated claims from many sources and
//! reports, with evidence, exactly where the sources disagree.
//!
//! Data flows one way:
//!
//! ```text
//! claims/*.json ──load──▶ Project ──link──▶ SubjectGraph ──check──▶ Findings ──report──▶ text / md / json / html
//! ```
//!
//! The binary (`src/main.rs`) is a thin shell over [`cli::run`].

pub mod atomic_file;
pub mod check;
pub mod cli;
pub mod commands;
pub mod consensus;
pub mod coverage;
pub mod diagnostic;
pub mod diff;
pub mod link;
pub mod load;
pub mod model;
pub mod path_error;
pub mod report;
pub mod schema;
pub mod text;
pub mod value;
