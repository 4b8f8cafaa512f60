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
    Check, CheckCode, CheckContext, ClaimFacts, ClaimGroup, PairComparison, ReasonCode, Sink,
    Verdict, comparison, quoted,
};
use crate::value::{Denotation, ValueKind};

pub const CHECK: Check = Check {
    code: CheckCode::Booleans,
    run,
};

fn run(group: &ClaimGroup<'_>, _context: &CheckContext<'_>, sink: &mut Sink) {
    for (a, b) in group.pairs_of(ValueKind::Bool) {
        sink.comparisons.push(compare(a, b));
    }
}

/// The verdict on two boolean claims (`a.id < b.id`).
pub fn compare(a: &ClaimFacts, b: &ClaimFacts) -> PairComparison {
    let same = match (&a.denotation, &b.denotation) {
        (Ok(Denotation::Bool(x)), Ok(Denotation::Bool(y))) => x == y,
        _ => false,
    };
    if same {
        comparison(
            a,
            b,
            CHECK.code,
            Verdict::Agreement,
            None,
            ReasonCode::SameTruth,
            format!("{} and {} state the same", quoted(a), quoted(b)),
        )
    } else {
        comparison(
            a,
            b,
            CHECK.code,
            Verdict::Contradiction,
            None,
            ReasonCode::OppositeTruth,
            format!(
                "{} and {} state opposites: they cannot both be true",
                quoted(a),
                quoted(b)
            ),
        )
    }
}
