//! # Ordinals
//!
//! ## What it checks
//!
//! Two ordinal claims (`1st`, `3rd`, `6th`) about one subject and
//! attribute: the same position agrees, different positions contradict.
//!
//! ## Why it matters
//!
//! Rankings ("Morocco's third largest supplier") are quoted and re-quoted;
//! two positions for one thing at one time cannot both be right. Compare
//! `as_of`: a rank in 2023 and another in 2025 are never compared.
//!
//! ## Example
//!
//! ```text
//! a/rank  "3rd"   as_of 2023
//! b/rank  "2nd"   as_of 2023   => contradiction
//! ```

use super::{
    Check, CheckCode, CheckContext, ClaimFacts, ClaimGroup, DiscreteWording, PairComparison,
    ReasonCode, VerdictSink, discrete_comparison,
};
use crate::value::{Denotation, ValueKind};

pub const CHECK: Check = Check {
    code: CheckCode::Ordinals,
    run,
};

fn run(group: &ClaimGroup<'_>, _context: &CheckContext<'_>, sink: &mut VerdictSink) {
    for (a, b) in group.pairs_of(ValueKind::Ordinal) {
        sink.pair(compare(a, b));
    }
}

/// The verdict on two ordinal claims (`a.id < b.id`).
pub fn compare(a: &ClaimFacts, b: &ClaimFacts) -> PairComparison {
    let same = match (&a.denotation, &b.denotation) {
        (Ok(Denotation::Ordinal(x)), Ok(Denotation::Ordinal(y))) => x == y,
        _ => false,
    };
    discrete_comparison(a, b, CHECK.code, same, &WORDING)
}

const WORDING: DiscreteWording = DiscreteWording {
    same: (ReasonCode::SamePosition, "give the same position"),
    different: (
        ReasonCode::DifferentPosition,
        "give different positions: they cannot both be true",
    ),
};
