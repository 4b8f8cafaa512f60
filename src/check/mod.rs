//! The checker: compares the claims that the subject graph links, pairwise,
//! with precision-aware semantics, and concludes [`Finding`]s.
//!
//! One module per check; `CHECKS` (once written) is the registry whose order
//! is the order of docs and reports. Nothing here knows about output formats.

pub mod finding;

pub use finding::{Conversion, Finding, FindingKind, PairComparison, Severity};
