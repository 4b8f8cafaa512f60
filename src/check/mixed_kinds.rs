//! # Mixed kinds
//!
//! ## What it checks
//!
//! A subject and attribute whose readable claims hold values of two kinds
//! or more (a date and an amount, a name and a number). Values of different
//! kinds are never compared with each other, so this check reports the
//! group once, as a `mixed-kinds` finding listing every readable claim by
//! kind. Claims of one kind within the group are still compared.
//!
//! ## Why it matters
//!
//! It is a curation error: either two facts share one attribute name
//! (`value` for both the price and the signing date) or one claim's value
//! was typed in the wrong form. Left alone, the checker would silently
//! compare nothing across the two, hiding a possible contradiction.
//!
//! ## Example
//!
//! ```text
//! a/value  "500M USD"
//! b/value  "2022-06"   => mixed-kinds: a number or amount (a), a date (b)
//! ```
//!
//! When a date beside a number was written as four plain digits (`>1500`
//! beside `>1,500`), the explanation says it was read as a year and how to
//! write the count: the commonest way a count becomes a date.

use std::collections::BTreeMap;

use super::{Check, CheckCode, CheckContext, ClaimFacts, ClaimGroup, FindingKind, VerdictSink};
use crate::model::ClaimId;
use crate::value::ValueKind;
use crate::value::hint::count_written_as_year;

pub const CHECK: Check = Check {
    code: CheckCode::MixedKinds,
    run,
};

fn run(group: &ClaimGroup<'_>, _context: &CheckContext<'_>, sink: &mut VerdictSink) {
    let readable: Vec<_> = group
        .claims
        .iter()
        .copied()
        .filter(|claim| claim.kind() != ValueKind::Unreadable)
        .collect();
    let mut by_kind: BTreeMap<ValueKind, Vec<&ClaimId>> = BTreeMap::new();
    for claim in &readable {
        by_kind.entry(claim.kind()).or_default().push(claim.id());
    }
    if by_kind.len() < 2 {
        return;
    }
    let kinds: Vec<String> = by_kind
        .iter()
        .map(|(kind, ids)| {
            let ids: Vec<String> = ids.iter().map(ToString::to_string).collect();
            format!("{} ({})", kind.describe(), ids.join(", "))
        })
        .collect();
    let mut explanation = format!(
        "'{}' of '{}' holds values of {} kinds, which are never compared with each other: {}. Give each fact its own attribute, or correct the value's form",
        group.attribute,
        group.subject,
        by_kind.len(),
        kinds.join("; ")
    );
    if by_kind.contains_key(&ValueKind::Number) {
        let years: Vec<(&ClaimFacts, String)> = readable
            .iter()
            .filter(|claim| claim.kind() == ValueKind::Date)
            .filter_map(|&claim| Some((claim, count_written_as_year(claim.written())?)))
            .collect();
        let ids: Vec<String> = years
            .iter()
            .map(|(claim, _)| format!("'{}' ({})", claim.written(), claim.id()))
            .collect();
        if let Some((_, count)) = years.first() {
            explanation.push_str(&format!(
                ". {} {} read as a year, since four plain digits are a year: if {} a count, write it with a comma ('{count}') or declare '{}' a number under [attributes] in crosscheck.toml",
                ids.join(", "),
                if ids.len() == 1 { "is" } else { "are" },
                if ids.len() == 1 { "it is" } else { "they are" },
                group.attribute,
            ));
        }
    }
    sink.claims(FindingKind::MixedKinds, &readable, explanation);
}
