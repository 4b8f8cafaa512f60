//! From the verdicts on pairs to findings, by the grouping the module doc of
//! [`super`] documents: one finding per (subject, attribute) for each
//! relation kind, one per agreeing or aliased set of claims, and the
//! independent origins behind each.

use std::collections::{BTreeMap, BTreeSet};

use super::{
    CheckContext, ClaimFacts, ClaimGroup, Conversion, Finding, FindingKind, Origin, PairComparison,
    ReasonCode, Sink, ValueNames, Verdict, quoted,
};
use crate::model::ClaimId;
use crate::text::plural::counted_as;
use crate::value::Denotation;

pub(super) fn findings(
    group: &ClaimGroup<'_>,
    sink: Sink,
    context: &CheckContext<'_>,
) -> Vec<Finding> {
    let mut comparisons = sink.comparisons;
    comparisons.sort_by(|a, b| a.claims.cmp(&b.claims));

    let mut buckets: BTreeMap<FindingKind, Vec<PairComparison>> = BTreeMap::new();
    for comparison in comparisons {
        let kind = match comparison.verdict {
            Verdict::Contradiction => {
                let [a, b] = &comparison.claims;
                let source = |id| group.claim(id).map(|c| c.source);
                if source(a) == source(b) {
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
            FindingKind::Agreement | FindingKind::NamingVariant => components(group, comparisons),
            _ => vec![comparisons],
        };
        for comparisons in parts {
            findings.push(finding(group, kind, comparisons, context.names));
        }
    }
    findings
}

/// Splits comparisons (sorted by pair) into the connected sets of claims
/// they join, each list still sorted, the lists sorted by their first pair.
fn components(
    group: &ClaimGroup<'_>,
    comparisons: Vec<PairComparison>,
) -> Vec<Vec<PairComparison>> {
    let index = |id: &ClaimId| group.index_of(id).unwrap_or(0);
    let mut parent: Vec<usize> = (0..group.claims.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for comparison in &comparisons {
        let [a, b] = &comparison.claims;
        let (ra, rb) = (root(&mut parent, index(a)), root(&mut parent, index(b)));
        parent[ra.max(rb)] = ra.min(rb);
    }
    // Comparisons arrive sorted, so each part's list is sorted, and parts
    // are created in the order of their first pair.
    let mut part_of_root: BTreeMap<usize, usize> = BTreeMap::new();
    let mut parts: Vec<Vec<PairComparison>> = Vec::new();
    for comparison in comparisons {
        let r = root(&mut parent, index(&comparison.claims[0]));
        let part = *part_of_root.entry(r).or_insert_with(|| {
            parts.push(Vec::new());
            parts.len() - 1
        });
        parts[part].push(comparison);
    }
    parts
}

fn finding(
    group: &ClaimGroup<'_>,
    kind: FindingKind,
    mut comparisons: Vec<PairComparison>,
    names: &dyn ValueNames,
) -> Finding {
    // Findings live until the report is written: at a million claims the
    // slack of vectors grown by pushing is hundreds of megabytes.
    comparisons.shrink_to_fit();
    // The group is in id order, so its positions sort the claims by id.
    let mut members: Vec<usize> = comparisons
        .iter()
        .flat_map(|c| c.claims.iter())
        .filter_map(|id| group.index_of(id))
        .collect();
    members.sort_unstable();
    members.dedup();
    let claims: Vec<&ClaimFacts> = members.iter().map(|&i| group.claims[i]).collect();
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
    let explanation = explain(group, kind, &comparisons, &claims, &origins);
    Finding {
        kind,
        subject: group.subject.to_owned(),
        attribute: group.attribute.to_owned(),
        claims: claims.iter().map(|claim| claim.id.clone()).collect(),
        pairs,
        explanation,
        comparisons,
        conversions,
        independent_origins: origins.len(),
    }
}

/// The finding in one sentence. A finding of one pair gives that pair's
/// reason; a finding of several pairs says how many and which values are
/// involved, and leaves each pair's reason to `comparisons` (the human
/// reports list them under the sentence): a paragraph of every pair's
/// reason is unreadable, and at scale, most of the report.
fn explain(
    group: &ClaimGroup<'_>,
    kind: FindingKind,
    comparisons: &[PairComparison],
    claims: &[&ClaimFacts],
    origins: &[Origin],
) -> String {
    let pairs = counted_as(comparisons.len(), "pair", "pairs");
    let reason = |comparison: &PairComparison| {
        let quoted = |id| group.claim(id).map(|claim| claim.quoted());
        match (quoted(&comparison.claims[0]), quoted(&comparison.claims[1])) {
            (Some(a), Some(b)) => comparison.reason_text(a, b),
            _ => String::new(),
        }
    };
    let summary = |relation: &str| match comparisons {
        [only] => reason(only),
        _ => format!("{pairs} {relation}, among {}", values_of(claims)),
    };
    match kind {
        FindingKind::Contradiction => summary("cannot both be true"),
        FindingKind::InternalContradiction => {
            let source = claims.first().map_or("", |c| c.source);
            format!(
                "source {source} contradicts itself: {}",
                summary("cannot both be true")
            )
        }
        FindingKind::Incomparable => {
            let why: BTreeSet<ReasonCode> = comparisons.iter().map(|c| c.code).collect();
            let why: Vec<&str> = why.into_iter().map(ReasonCode::description).collect();
            match comparisons {
                [only] => format!("1 pair cannot be compared: {}", reason(only)),
                _ => format!("{pairs} cannot be compared ({})", why.join("; ")),
            }
        }
        FindingKind::Compatible => {
            summary("can both be true (one value is less precise than the other, or they overlap)")
        }
        FindingKind::NamingVariant => match comparisons {
            [only] => reason(only),
            // The sentence starts in English, so a right-to-left name
            // first does not turn the whole sentence around.
            _ => {
                let names: BTreeSet<&str> = claims.iter().map(|c| c.written).collect();
                format!(
                    "{} of one registry entry: {}",
                    counted_as(names.len(), "name", "names"),
                    values_of(claims)
                )
            }
        },
        FindingKind::Agreement => {
            let value = claims.first().map(|c| value_text(c)).unwrap_or_default();
            let ids: Vec<String> = claims.iter().map(|c| c.id.to_string()).collect();
            format!(
                "{} state the same value ({value}): {}. {}",
                counted_as(claims.len(), "claim", "claims"),
                ids.join(", "),
                independence(claims, origins)
            )
        }
        // Written by their own checks, never assembled from pairs.
        FindingKind::MixedKinds | FindingKind::Unreadable => String::new(),
    }
}

/// The distinct values of `claims` as written, quoted, in claim order:
/// `'500M USD', '~500M USD'`.
fn values_of(claims: &[&ClaimFacts]) -> String {
    let mut seen = BTreeSet::new();
    claims
        .iter()
        .filter(|claim| seen.insert(claim.written))
        .map(|claim| quoted(claim))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a claim's value denotes, for the agreement sentence.
fn value_text(claim: &ClaimFacts) -> String {
    match &claim.denotation {
        Ok(Denotation::Numeric(_) | Denotation::Time(_)) => claim.denoted.clone(),
        _ => claim.written.to_owned(),
    }
}

/// "2 sources, 1 independent origin: a/x and b/y both cite Clash Report".
fn independence(claims: &[&ClaimFacts], origins: &[Origin]) -> String {
    let sources: BTreeSet<&str> = claims.iter().map(|c| c.source).collect();
    let mut sentence = format!(
        "{}, {}",
        counted_as(sources.len(), "source", "sources"),
        counted_as(origins.len(), "independent origin", "independent origins")
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
pub fn origins_of(claims: &[&ClaimFacts], names: &dyn ValueNames) -> Vec<Origin> {
    let mut sorted: Vec<&ClaimFacts> = claims.to_vec();
    sorted.sort_by(|a, b| a.id.cmp(b.id));
    // Origin key → its spelling as first met (in claim id order).
    let mut spelling: BTreeMap<OriginKey, String> = BTreeMap::new();
    let mut groups: Vec<(BTreeSet<OriginKey>, Vec<ClaimId>)> = Vec::new();
    for claim in sorted {
        let mut keys: BTreeSet<OriginKey> = BTreeSet::new();
        for name in claim.according_to {
            let normalised = names.normalize(name);
            if normalised.is_empty() {
                continue;
            }
            let key = OriginKey::Cited(normalised);
            spelling.entry(key.clone()).or_insert_with(|| name.clone());
            keys.insert(key);
        }
        if keys.is_empty() {
            let key = OriginKey::Source(claim.source.to_owned());
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
