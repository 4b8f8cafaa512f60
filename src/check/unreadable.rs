//! # Unreadable values
//!
//! ## What it checks
//!
//! Claims whose value is `null`: the source states the fact but its value
//! cannot be read (digits lost in extraction, a figure in an image). They
//! are never compared and never contradict anything; each subject and
//! attribute with such claims gets one `unreadable` finding listing them.
//!
//! ## Why it matters
//!
//! A fact the source states but nobody can read is still evidence that the
//! source covered it, and a reason to go back to the original. Guessing a
//! value would invent a contradiction (or hide one).
//!
//! ## Example
//!
//! ```text
//! a/value  null
//! b/value  "500M USD"   => unreadable: a (b is compared with nothing here)
//! ```

use super::{Check, CheckCode, CheckContext, ClaimGroup, FindingKind, VerdictSink};
use crate::text::plural::counted_as;
use crate::value::ValueKind;

pub const CHECK: Check = Check {
    code: CheckCode::Unreadable,
    run,
};

fn run(group: &ClaimGroup<'_>, _context: &CheckContext<'_>, sink: &mut VerdictSink) {
    let claims: Vec<_> = group
        .claims
        .iter()
        .copied()
        .filter(|claim| claim.kind() == ValueKind::Unreadable)
        .collect();
    if claims.is_empty() {
        return;
    }
    let listed: Vec<String> = claims.iter().map(|claim| claim.id().to_string()).collect();
    let explanation = format!(
        "{} this fact, but its value cannot be read: {}",
        counted_as(claims.len(), "claim states", "claims state"),
        listed.join(", ")
    );
    sink.claims(FindingKind::Unreadable, &claims, explanation);
}
