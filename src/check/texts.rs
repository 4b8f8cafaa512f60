//! # Texts
//!
//! ## What it checks
//!
//! Two text claims (`Barak 8`, `Tel Aviv`) about one subject and attribute.
//! Texts equal after name normalisation (`text::normalize::normalize_name`:
//! case, punctuation, articles, Arabic letter forms) agree. Texts that are
//! aliases of one entry of the registry's `values` are a naming variant,
//! reported as such. Any other two texts contradict.
//!
//! ## Why it matters
//!
//! One weapon system is "Barak MX", "Barak 8" and "باراك" in three
//! articles: reporting that as a contradiction would bury the real ones.
//! The registry says which names are one thing, and the report shows that it
//! relied on it; without an entry, two different names are a disagreement a
//! curator must look at.
//!
//! ## Example
//!
//! ```text
//! registry values: { "name": "Barak MX", "aliases": ["Barak 8"] }
//! a/system  "Barak 8"
//! b/system  "Barak MX"   => naming-variant (both name "Barak MX")
//! c/system  "Spyder"     => contradiction with a and b
//! ```

use super::{
    Check, CheckCode, CheckContext, ClaimFacts, ClaimGroup, PairComparison, ReasonCode, Sink,
    Verdict, comparison, quoted,
};
use crate::value::{Denotation, ValueKind};

pub const CHECK: Check = Check {
    code: CheckCode::Texts,
    run,
};

fn run(group: &ClaimGroup<'_>, context: &CheckContext<'_>, sink: &mut Sink) {
    for (a, b) in group.pairs_of(ValueKind::Text) {
        sink.comparisons.push(compare(a, b, context));
    }
}

fn text_of(claim: &ClaimFacts) -> &str {
    match &claim.denotation {
        Ok(Denotation::Text(text)) => text,
        _ => &claim.written,
    }
}

/// The verdict on two text claims (`a.id < b.id`).
pub fn compare(a: &ClaimFacts, b: &ClaimFacts, context: &CheckContext<'_>) -> PairComparison {
    let (x, y) = (text_of(a), text_of(b));
    let names = context.names;
    if names.normalize(x) == names.normalize(y) {
        return comparison(
            a,
            b,
            CHECK.code,
            Verdict::Agreement,
            None,
            ReasonCode::SameName,
            format!("{} and {} are the same name", quoted(a), quoted(b)),
        );
    }
    match (names.entry_of(x), names.entry_of(y)) {
        (Some(ex), Some(ey)) if ex == ey => comparison(
            a,
            b,
            CHECK.code,
            Verdict::NamingVariant,
            None,
            ReasonCode::RegistryAlias,
            format!(
                "{} and {} are names of one registry entry, '{ex}'",
                quoted(a),
                quoted(b)
            ),
        ),
        _ => comparison(
            a,
            b,
            CHECK.code,
            Verdict::Contradiction,
            None,
            ReasonCode::DifferentNames,
            format!(
                "{} and {} are different names, not aliases of one registry entry: they cannot both be true",
                quoted(a),
                quoted(b)
            ),
        ),
    }
}
