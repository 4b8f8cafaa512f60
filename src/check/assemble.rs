//! From the verdicts on pairs to findings, by the grouping the module doc of
//! [`super`] documents: one finding per (subject, attribute) for each
//! relation kind, one per agreeing or aliased set of claims, and the
//! independent origins behind each.

use std::collections::{BTreeMap, BTreeSet};

use super::describe;
use super::unreadable::plural;
use super::{
    CheckContext, ClaimFacts, ClaimGroup, Conversion, Finding, FindingKind, Origin, PairComparison,
    Sink, ValueNames, Verdict,
};
use crate::model::ClaimId;
use crate::value::Denotation;

pub(super) fn findings(
    group: &ClaimGroup<'_>,
    sink: Sink,
    context: &CheckContext<'_>,
) -> Vec<Finding> {
    let by_id: BTreeMap<&ClaimId, &ClaimFacts> = group
        .claims
        .iter()
        .map(|claim| (&claim.id, *claim))
        .collect();
    let mut comparisons = sink.comparisons;
    comparisons.sort_by(|a, b| a.claims.cmp(&b.claims));

    let mut buckets: BTreeMap<FindingKind, Vec<PairComparison>> = BTreeMap::new();
    for comparison in comparisons {
        let kind = match comparison.verdict {
            Verdict::Contradiction => {
                let [a, b] = &comparison.claims;
                let same_source =
                    by_id.get(a).map(|c| &c.source) == by_id.get(b).map(|c| &c.source);
                if same_source {
                    FindingKind::InternalContradiction
                } else {
                    FindingKind::Contradiction
                }
            }
            Verdict::Incomparable => FindingKind::Incomparable,
            Verdict::Compatible => FindingKind::Compatible,
            Verdict::NamingVariant => FindingKind::NamingVariant,
            Verdict::Agreement => FindingKind::Agreement,
        };
        buckets.entry(kind).or_default().push(comparison);
    }

    let mut findings = sink.findings;
    for (kind, comparisons) in buckets {
        let parts = match kind {
            // Equivalence classes: one finding per connected set of claims.
            FindingKind::Agreement | FindingKind::NamingVariant => components(comparisons),
            _ => vec![comparisons],
        };
        for comparisons in parts {
            findings.push(finding(group, kind, comparisons, &by_id, context.names));
        }
    }
    findings
}

/// Splits comparisons into the connected sets of claims they join.
fn components(comparisons: Vec<PairComparison>) -> Vec<Vec<PairComparison>> {
    let mut parts: Vec<(BTreeSet<ClaimId>, Vec<PairComparison>)> = Vec::new();
    for comparison in comparisons {
        let touching: Vec<usize> = parts
            .iter()
            .enumerate()
            .filter(|(_, (ids, _))| comparison.claims.iter().any(|id| ids.contains(id)))
            .map(|(i, _)| i)
            .collect();
        let mut merged: (BTreeSet<ClaimId>, Vec<PairComparison>) = (BTreeSet::new(), Vec::new());
        for i in touching.into_iter().rev() {
            let (ids, list) = parts.remove(i);
            merged.0.extend(ids);
            merged.1.extend(list);
        }
        merged.0.extend(comparison.claims.iter().cloned());
        merged.1.push(comparison);
        parts.push(merged);
    }
    let mut parts: Vec<Vec<PairComparison>> = parts
        .into_iter()
        .map(|(_, mut list)| {
            list.sort_by(|a, b| a.claims.cmp(&b.claims));
            list
        })
        .collect();
    parts.sort_by(|a, b| {
        a.first()
            .map(|c| &c.claims)
            .cmp(&b.first().map(|c| &c.claims))
    });
    parts
}

fn finding(
    group: &ClaimGroup<'_>,
    kind: FindingKind,
    comparisons: Vec<PairComparison>,
    by_id: &BTreeMap<&ClaimId, &ClaimFacts>,
    names: &dyn ValueNames,
) -> Finding {
    let ids: BTreeSet<ClaimId> = comparisons
        .iter()
        .flat_map(|c| c.claims.iter().cloned())
        .collect();
    let claims: Vec<&ClaimFacts> = ids.iter().filter_map(|id| by_id.get(id).copied()).collect();
    let pairs = match kind {
        FindingKind::Contradiction | FindingKind::InternalContradiction => {
            comparisons.iter().map(|c| c.claims.clone()).collect()
        }
        _ => Vec::new(),
    };
    let conversions: Vec<Conversion> = comparisons
        .iter()
        .flat_map(|c| c.conversions.iter().cloned())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let origins = origins_of(&claims, names);
    let explanation = explain(kind, &comparisons, &claims, &origins);
    Finding {
        kind,
        subject: group.subject.to_owned(),
        attribute: group.attribute.to_owned(),
        claims: ids.into_iter().collect(),
        pairs,
        explanation,
        comparisons,
        conversions,
        independent_origins: origins.len(),
        origins,
    }
}

fn explain(
    kind: FindingKind,
    comparisons: &[PairComparison],
    claims: &[&ClaimFacts],
    origins: &[Origin],
) -> String {
    let reasons = || -> String {
        match comparisons {
            [only] => only.reason.clone(),
            many => many
                .iter()
                .map(|c| format!("{} / {}: {}", c.claims[0], c.claims[1], c.reason))
                .collect::<Vec<_>>()
                .join("; "),
        }
    };
    let pairs = plural(comparisons.len(), "pair", "pairs");
    match kind {
        FindingKind::Contradiction => {
            if comparisons.len() == 1 {
                reasons()
            } else {
                format!("{pairs} cannot both be true: {}", reasons())
            }
        }
        FindingKind::InternalContradiction => {
            let source = claims.first().map_or("", |c| c.source.as_str());
            format!("source {source} contradicts itself: {}", reasons())
        }
        FindingKind::Incomparable => format!("{pairs} cannot be compared: {}", reasons()),
        FindingKind::Compatible | FindingKind::NamingVariant => reasons(),
        FindingKind::Agreement => {
            let value = claims.first().map(|c| value_text(c)).unwrap_or_default();
            let ids: Vec<String> = claims.iter().map(|c| c.id.to_string()).collect();
            format!(
                "{} state the same value ({value}): {}. {}",
                plural(claims.len(), "claim", "claims"),
                ids.join(", "),
                independence(claims, origins)
            )
        }
        // Written by their own checks.
        FindingKind::MixedKinds | FindingKind::Unreadable => reasons(),
    }
}

/// What a claim's value denotes, for the agreement sentence.
fn value_text(claim: &ClaimFacts) -> String {
    match &claim.denotation {
        Ok(Denotation::Numeric(set)) => describe::numeric(set),
        Ok(Denotation::Time(set)) => describe::time(set),
        _ => claim.written.clone(),
    }
}

/// "2 sources, 1 independent origin: a/x and b/y both cite Clash Report".
fn independence(claims: &[&ClaimFacts], origins: &[Origin]) -> String {
    let sources: BTreeSet<&str> = claims.iter().map(|c| c.source.as_str()).collect();
    let mut sentence = format!(
        "{}, {}",
        plural(sources.len(), "source", "sources"),
        plural(origins.len(), "independent origin", "independent origins")
    );
    let shared: Vec<String> = origins
        .iter()
        .filter(|origin| origin.claims.len() > 1)
        .map(|origin| {
            let ids: Vec<String> = origin.claims.iter().map(ToString::to_string).collect();
            let all = if ids.len() == 2 { "both" } else { "all" };
            let verb = if origin.names.iter().all(|n| n.starts_with("source ")) {
                "come from"
            } else {
                "cite"
            };
            format!(
                "{} {all} {verb} {}",
                ids.join(" and "),
                origin.names.join(" and ")
            )
        })
        .collect();
    if !shared.is_empty() {
        sentence.push_str(": ");
        sentence.push_str(&shared.join("; "));
    }
    sentence
}

/// Where a claim's value comes from: a cited origin, or its own source.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum OriginKey {
    Cited(String),
    Source(String),
}

/// The independent origins behind `claims`: claims that share a cited
/// origin (after name normalisation) rest on one origin, transitively; a
/// claim citing no one rests on its source, which it shares with the other
/// uncited claims of that source.
pub(super) fn origins_of(claims: &[&ClaimFacts], names: &dyn ValueNames) -> Vec<Origin> {
    let mut sorted: Vec<&ClaimFacts> = claims.to_vec();
    sorted.sort_by(|a, b| a.id.cmp(&b.id));
    // Origin key → its spelling as first met (in claim id order).
    let mut spelling: BTreeMap<OriginKey, String> = BTreeMap::new();
    let mut groups: Vec<(BTreeSet<OriginKey>, Vec<ClaimId>)> = Vec::new();
    for claim in sorted {
        let mut keys: BTreeSet<OriginKey> = BTreeSet::new();
        for name in &claim.according_to {
            let normalised = names.normalize(name);
            if normalised.is_empty() {
                continue;
            }
            let key = OriginKey::Cited(normalised);
            spelling.entry(key.clone()).or_insert_with(|| name.clone());
            keys.insert(key);
        }
        if keys.is_empty() {
            let key = OriginKey::Source(claim.source.clone());
            spelling
                .entry(key.clone())
                .or_insert_with(|| format!("source {}", claim.source));
            keys.insert(key);
        }
        let mut merged = (keys, vec![claim.id.clone()]);
        let mut i = 0;
        while i < groups.len() {
            if groups[i].0.is_disjoint(&merged.0) {
                i += 1;
            } else {
                let (k, ids) = groups.remove(i);
                merged.0.extend(k);
                merged.1.extend(ids);
            }
        }
        groups.push(merged);
    }
    let mut origins: Vec<Origin> = groups
        .into_iter()
        .map(|(keys, mut ids)| {
            ids.sort();
            Origin {
                names: keys
                    .iter()
                    .filter_map(|key| spelling.get(key).cloned())
                    .collect(),
                claims: ids,
            }
        })
        .collect();
    origins.sort_by(|a, b| a.claims.cmp(&b.claims));
    origins
}
