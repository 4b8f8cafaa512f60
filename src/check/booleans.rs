//! # Booleans
//!
//! ## What it checks
//!
//! Two `true`/`false` claims about one subject and attribute: the same
//! truth value agrees, opposite values contradict.
//!
//! ## Why it matters
//!
//! "The deal was signed" against "the deal was not signed" is the plainest
//! disagreement there is, and the easiest to miss across two languages.
//!
//! ## Example
//!
//! ```text
//! a/signed  true
//! b/signed  false   => contradiction
//! ```

use super::{
    Check, CheckCode, CheckContext, ClaimFacts, ClaimGroup, DiscreteWording, PairComparison,
    ReasonCode, VerdictSink, discrete_comparison,
};
use crate::value::{Denotation, ValueKind};

pub const CHECK: Check = Check {
    code: CheckCode::Booleans,
    run,
};

fn run(group: &ClaimGroup<'_>, _context: &CheckContext<'_>, sink: &mut VerdictSink) {
    for (a, b) in group.pairs_of(ValueKind::Bool) {
        sink.pair(compare(a, b));
    }
}

/// The verdict on two boolean claims (`a.id < b.id`).
pub fn compare(a: &ClaimFacts, b: &ClaimFacts) -> PairComparison {
    let same = match (&a.denotation, &b.denotation) {
        (Ok(Denotation::Bool(x)), Ok(Denotation::Bool(y))) => x == y,
        _ => false,
    };
    discrete_comparison(a, b, CHECK.code, same, &WORDING)
}

const WORDING: DiscreteWording = DiscreteWording {
    same: (ReasonCode::SameTruth, "state the same"),
    different: (
        ReasonCode::OppositeTruth,
        "state opposites: they cannot both be true",
    ),
};
