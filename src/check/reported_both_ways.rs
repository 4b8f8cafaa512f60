//! Contradictions between two reports of one speaker.
//!
//! When two articles attribute conflicting values to the same person or
//! body (Hespress has OCP's chief executive announce 5 GW of renewables,
//! Le360 4 GW), the two values are not two origins' word against each
//! other: they are two reports of one statement, and at least one of them
//! misreports it, unless the speaker said both (a toll at noon and
//! at night, a figure and its correction). Another article
//! repeating either value settles nothing; the speaker's own statement
//! does. The finding says so, naming the speaker and the claims that cite
//! them for each value. Claims of one source citing one speaker both ways
//! are an internal contradiction already, and are left to it.

use std::collections::BTreeMap;

use super::assemble::{OriginKey, origin_key, origin_name};
use super::finding::{Finding, FindingKind};
use super::{ClaimFacts, ClaimGroup, ValueNames};
use crate::model::{ClaimId, ClaimOrigin};

/// Adds to each contradiction of `group`'s findings the cited origins that
/// claims of different sources give on both sides of it.
pub fn note_origins_reported_both_ways(
    findings: &mut [Finding],
    group: &ClaimGroup<'_>,
    names: &dyn ValueNames,
) {
    for finding in findings
        .iter_mut()
        .filter(|finding| finding.kind == FindingKind::Contradiction)
    {
        // Per speaker (by registry name), the claims citing them on either
        // side of the gap, in id order.
        let mut cited_both_ways: BTreeMap<String, BTreeMap<&str, &ClaimFacts>> = BTreeMap::new();
        for (left, right) in gaps(finding, group) {
            let left = by_speaker(&left, names);
            for (key, right) in by_speaker(&right, names) {
                let Some(left) = left.get(&key) else { continue };
                let sources = left.iter().chain(&right).map(|claim| claim.source);
                if sources.collect::<std::collections::BTreeSet<_>>().len() < 2 {
                    continue;
                }
                let claims = cited_both_ways
                    .entry(origin_name(left[0], names))
                    .or_default();
                for claim in left.iter().chain(&right) {
                    claims.insert(claim.id().as_str(), claim);
                }
            }
        }
        for (speaker, claims) in cited_both_ways {
            let cited: Vec<String> = claims
                .values()
                .map(|claim| format!("'{}' by {}", claim.written(), claim.id()))
                .collect();
            finding.explanation.push_str(&format!(
                ". {speaker} is cited for both ({}): either {speaker} said both (at different \
                 times, or one correcting the other) or one report misquotes \
                 {speaker}; the statement itself says which",
                cited.join(", ")
            ));
        }
    }
}

/// The finding's gaps as the claims on either side: each pair of `pairs`,
/// or each side's left and right.
type Gap<'a> = (Vec<&'a ClaimFacts<'a>>, Vec<&'a ClaimFacts<'a>>);

fn gaps<'a>(finding: &Finding, group: &ClaimGroup<'a>) -> Vec<Gap<'a>> {
    let claims = |ids: &[ClaimId]| ids.iter().filter_map(|id| group.claim(id)).collect();
    let pairs = finding.pairs.iter().map(|[a, b]| {
        (
            claims(std::slice::from_ref(a)),
            claims(std::slice::from_ref(b)),
        )
    });
    let sides = finding
        .sides
        .iter()
        .map(|side| (claims(&side.left), claims(&side.right)));
    pairs.chain(sides).collect()
}

/// The claims that cite someone, by whom they cite.
fn by_speaker<'a, 'n>(
    claims: &[&'a ClaimFacts<'a>],
    names: &'n dyn ValueNames,
) -> BTreeMap<OriginKey<'a>, Vec<&'a ClaimFacts<'a>>> {
    let mut speakers: BTreeMap<OriginKey<'a>, Vec<&'a ClaimFacts<'a>>> = BTreeMap::new();
    for &claim in claims {
        if matches!(claim.origin(), ClaimOrigin::Cited(_)) {
            speakers
                .entry(origin_key(claim, names))
                .or_default()
                .push(claim);
        }
    }
    speakers
}
