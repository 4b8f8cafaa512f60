//! Contradictions that rest on a figure its quote does not hold.
//!
//! A value whose digits are not in its quote (`94.56 %` typed for "94,65")
//! is a load warning, `figure-not-in-quote`, listed with the curation
//! warnings at the end of the report; the contradiction it makes with
//! every source that copied the figure right is at the top. The reader
//! who opens the contradiction has to see there that one side of it may
//! be a slip of copying, not a source's claim, so the sentence is added to
//! the finding's explanation, with the quote's figures. The finding stays
//! a contradiction: the value may have been computed from the quote (a
//! sum, a conversion), and only the curator can tell.

use super::ClaimGroup;
use super::finding::{Finding, FindingKind};
use crate::value::quoted_digits::missing_from_quote;

/// Adds to each contradiction of `group`'s findings the claims whose
/// value's digits their quotes do not hold.
pub fn note_figures_not_in_quotes(findings: &mut [Finding], group: &ClaimGroup<'_>) {
    for finding in findings.iter_mut().filter(|finding| {
        matches!(
            finding.kind,
            FindingKind::Contradiction | FindingKind::InternalContradiction
        )
    }) {
        let slips: Vec<String> = finding
            .claims
            .iter()
            .filter_map(|id| {
                let claim = group.claim(id)?;
                let missing = missing_from_quote(claim.value(), claim.quote()?)?;
                Some(format!(
                    "the value of {id}, '{}', is not in its quote, which gives {}",
                    claim.written(),
                    missing.listed()
                ))
            })
            .collect();
        if slips.is_empty() {
            continue;
        }
        finding.explanation.push_str(&format!(
            ". {}: if a figure was mistyped while copying, the contradiction may be \
             false; check against the document",
            capitalised(&slips.join("; "))
        ));
    }
}

/// `text` with its first letter in upper case.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
