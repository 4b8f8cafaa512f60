//! The checker: compares the claims that the subject graph links, pairwise,
//! with precision-aware semantics, and concludes [`Finding`]s.
//!
//! One module per check; `CHECKS` (once written) is the registry whose order
//! is the order of docs and reports. Nothing here knows about output formats.

pub mod finding;

pub use finding::{Conversion, Finding, FindingKind, PairComparison, Severity};

use crate::link::SubjectGraph;
use crate::model::Project;

/// Everything the checker concludes about a project.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckOutcome {
    /// In the stable order of the JSON report.
    pub findings: Vec<Finding>,
}

/// Compares every linked group of claims in `project`.
pub fn run(project: &Project, graph: &SubjectGraph) -> CheckOutcome {
    let _ = (project, graph);
    unimplemented!("check: being written in the checker branch")
}
