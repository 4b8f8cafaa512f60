//! From the verdicts on pairs to findings, by the grouping the module doc of
//! [`super`] documents: one finding per (subject, attribute) for each
//! relation kind, one per agreeing or aliased set of claims, and the
//! independent origins behind each.

use std::collections::{BTreeMap, BTreeSet};

use super::{
    CheckContext, ClaimFacts, ClaimGroup, Conversion, Detail, Finding, FindingKind, GroupVerdict,
    Origin, PairComparison, Reason, ReasonCode, ValueNames, Verdict, VerdictSink, as_of_overlap,
    quoted,
};
use crate::model::{ClaimId, ClaimOrigin};
use crate::text::plural::counted_as;
use crate::value::Denotation;

pub(super) fn findings(
    group: &ClaimGroup<'_>,
    sink: VerdictSink,
    context: &CheckContext<'_>,
) -> Vec<Finding> {
    let (comparisons, group_verdicts, revised) = verdicts(sink);

    // Internal contradictions are split by source, so a finding's heading
    // names the one source all its pairs belong to.
    let mut buckets: BTreeMap<(FindingKind, &str), Vec<PairComparison>> = BTreeMap::new();
    for comparison in comparisons {
        let kind = match comparison.verdict {
            Verdict::Contradiction => {
                let [a, b] = &comparison.claims;
                match (group.claim(a), group.claim(b)) {
                    (Some(a), Some(b))
                        if a.source == b.source && same_origin(a, b, context.names) =>
                    {
                        buckets
                            .entry((FindingKind::InternalContradiction, a.source))
                            .or_default()
                            .push(comparison);
                        continue;
                    }
                    // One source reporting a dispute: say who said what.
                    (Some(a), Some(b)) if a.source == b.source => {
                        let reason = comparison.reason_text(a.quoted(), b.quoted());
                        let mut comparison = comparison;
                        comparison.reason = Reason::text(format!("{}: {reason}", disputed(a, b)));
                        buckets
                            .entry((FindingKind::Contradiction, ""))
                            .or_default()
                            .push(comparison);
                        continue;
                    }
                    _ => FindingKind::Contradiction,
                }
            }
            verdict => verdict.kind(),
        };
        buckets.entry((kind, "")).or_default().push(comparison);
    }

    let mut findings: Vec<Finding> = group_verdicts
        .into_iter()
        .map(|verdict| group_finding(group, verdict, context.names))
        .collect();
    for ((kind, _), comparisons) in buckets {
        let parts = match kind {
            // Equivalence classes: one finding per connected set of claims.
            FindingKind::Agreement | FindingKind::NamingVariant => components(group, comparisons),
            // Each revision is its own story.
            FindingKind::Revision => comparisons.into_iter().map(|c| vec![c]).collect(),
            _ => vec![comparisons],
        };
        for comparisons in parts {
            let mut finding = finding(group, kind, comparisons, context.names);
            // Agreements and compatible values are their claims and one
            // sentence (worded above) unless `--detail full`: their pairs'
            // records were most of a million-claim run's memory.
            if context.detail == Detail::Attention && !kind.info().needs_attention {
                finding.comparisons = Vec::new();
                finding.conversions = Vec::new();
            }
            findings.push(finding);
        }
    }
    let skipped = not_compared(group);
    if !skipped.is_empty() {
        for finding in &mut findings {
            finding.not_compared = skipped
                .iter()
                .filter(|pair| !revised.contains(*pair))
                .filter(|[a, b]| {
                    finding.claims.binary_search(a).is_ok()
                        || finding.claims.binary_search(b).is_ok()
                })
                .cloned()
                .collect();
        }
    }
    findings
}

/// The sink's verdicts: its pair verdicts sorted by pair, with a revised
/// pair's other verdicts dropped (a revised pair is a revision, whatever
/// the other checks said of it), its group verdicts, and the revised pairs.
pub(super) fn verdicts(
    sink: VerdictSink,
) -> (
    Vec<PairComparison>,
    Vec<GroupVerdict>,
    BTreeSet<[ClaimId; 2]>,
) {
    let (mut comparisons, group_verdicts) = sink.into_parts();
    comparisons.sort_by(|a, b| a.claims.cmp(&b.claims));
    let revised: BTreeSet<[ClaimId; 2]> = comparisons
        .iter()
        .filter(|c| c.verdict == Verdict::Revision)
        .map(|c| c.claims.clone())
        .collect();
    if !revised.is_empty() {
        comparisons.retain(|c| c.verdict == Verdict::Revision || !revised.contains(&c.claims));
    }
    (comparisons, group_verdicts, revised)
}

/// The finding of a verdict on a set of claims (unreadable values, mixed
/// kinds): no pairs, the claims' independent origins counted.
pub(super) fn group_finding(
    group: &ClaimGroup<'_>,
    verdict: GroupVerdict,
    names: &dyn ValueNames,
) -> Finding {
    let claims: Vec<&ClaimFacts> = verdict
        .claims
        .iter()
        .filter_map(|id| group.claim(id))
        .collect();
    Finding {
        kind: verdict.kind,
        subject: group.subject.to_owned(),
        attribute: group.attribute.to_owned(),
        independent_origins: origins_of(&claims, names).len(),
        claims: verdict.claims,
        pairs: Vec::new(),
        sides: Vec::new(),
        not_compared: Vec::new(),
        by_value: false,
        explanation: verdict.explanation,
        comparisons: Vec::new(),
        conversions: Vec::new(),
    }
}

/// Whether two claims rest on one origin ([`ClaimFacts::origin`], cited
/// names keyed by [`ValueNames::origin_key`]).
pub(crate) fn same_origin(a: &ClaimFacts, b: &ClaimFacts, names: &dyn ValueNames) -> bool {
    origin_key(a, names) == origin_key(b, names)
}

/// How reports name a claim's origin: [`ValueNames::origin_name`] of a
/// cited name, or `source <id>`.
pub(super) fn origin_name(claim: &ClaimFacts<'_>, names: &dyn ValueNames) -> String {
    match claim.origin() {
        ClaimOrigin::Cited(name) => names.origin_name(name),
        origin @ ClaimOrigin::Source(_) => origin.name(),
    }
}

pub(super) fn origin_key<'a>(claim: &ClaimFacts<'a>, names: &dyn ValueNames) -> OriginKey<'a> {
    match claim.origin() {
        ClaimOrigin::Cited(name) => OriginKey::Cited(names.origin_key(name)),
        ClaimOrigin::Source(source) => OriginKey::Source(source),
    }
}

/// The group's pairs of claims of one kind that no check compared because
/// their `as_of` do not overlap, each sorted, the list sorted.
fn not_compared(group: &ClaimGroup<'_>) -> Vec<[ClaimId; 2]> {
    let dated: Vec<&ClaimFacts> = group
        .claims
        .iter()
        .copied()
        .filter(|c| c.as_of.is_some())
        .collect();
    let mut pairs = Vec::new();
    for (i, a) in dated.iter().enumerate() {
        for b in &dated[i + 1..] {
            if a.kind() == b.kind() && !as_of_overlap(a, b) {
                let (x, y) = if a.id() < b.id() { (a, b) } else { (b, a) };
                pairs.push([x.id().clone(), y.id().clone()]);
            }
        }
    }
    pairs.sort();
    pairs
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

pub(super) fn finding(
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
    let pairs = match kind.info().pairs {
        Some(_) => comparisons.iter().map(|c| c.claims.clone()).collect(),
        None => Vec::new(),
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
        claims: claims.iter().map(|claim| claim.id().clone()).collect(),
        pairs,
        sides: Vec::new(),
        not_compared: Vec::new(),
        by_value: false,
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
        FindingKind::Revision => {
            let quotes: Vec<String> = claims
                .iter()
                .filter_map(|c| c.quote().map(|q| format!("{}: \u{ab}{q}\u{bb}", c.id())))
                .collect();
            let text = comparisons.first().map(reason).unwrap_or_default();
            if quotes.is_empty() {
                text
            } else {
                format!("{text}. {}", quotes.join("; "))
            }
        }
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
                let names: BTreeSet<&str> = claims.iter().map(|c| c.written()).collect();
                format!(
                    "{} of one registry entry: {}",
                    counted_as(names.len(), "name", "names"),
                    values_of(claims)
                )
            }
        },
        FindingKind::Agreement => {
            // The claims are listed beside the sentence in every format.
            agreement_sentence(claims, origins)
        }
        // Explained by their checks' group verdicts, never assembled from
        // pairs.
        FindingKind::MixedKinds | FindingKind::Unreadable => String::new(),
        // Contradictions, rounding, and any kind with pairs: how many pairs
        // are what the kind's pairs are (`cannot both be true`).
        _ => summary(&kind.info().pairs.unwrap_or("relate").to_lowercase()),
    }
}

/// "3 claims state the same value, 512M USD. 3 sources, 2 independent
/// origins: ..."
pub(super) fn agreement_sentence(claims: &[&ClaimFacts], origins: &[Origin]) -> String {
    let value = claims.first().map(|c| value_text(c)).unwrap_or_default();
    format!(
        "{} state the same value, {value}. {}",
        counted_as(claims.len(), "claim", "claims"),
        independence(claims, origins)
    )
}

/// For a pair of one source that cite different origins (an article
/// reporting a dispute): "OCHA, reported by lakome, says '>=11300'; the
/// eastern health minister, reported by lakome, says '3252'".
fn disputed(a: &ClaimFacts, b: &ClaimFacts) -> String {
    let says = |claim: &ClaimFacts| match claim.origin() {
        ClaimOrigin::Cited(name) => {
            format!(
                "{name}, reported by {}, says '{}'",
                claim.source,
                claim.written()
            )
        }
        ClaimOrigin::Source(source) => format!("{source} says '{}'", claim.written()),
    };
    format!("{}; {}", says(a), says(b))
}

/// The distinct values of `claims` as written, quoted, in claim order:
/// `'500M USD', '~500M USD'`.
pub(super) fn values_of(claims: &[&ClaimFacts]) -> String {
    let mut seen = BTreeSet::new();
    claims
        .iter()
        .filter(|claim| seen.insert(claim.written()))
        .map(|claim| quoted(claim))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a claim's value denotes, for the agreement sentence.
fn value_text(claim: &ClaimFacts) -> String {
    match &claim.denotation {
        Ok(Denotation::Numeric(_) | Denotation::Time(_)) => claim.denoted().to_owned(),
        _ => claim.written().to_owned(),
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

/// Corrects a finding's sentence once copy detection has counted some of
/// its origins as one (`before`: the count the sentence states; `copied`:
/// per copy group, the finding's claims from its origins): "5 sources, 4
/// independent origins: …" becomes "5 sources, 2 independent origins: …;
/// a/x, b/x and c/x come from sources counted as one origin (copies)".
/// Only sentences that state the count (agreements) have it to correct;
/// every finding's `independent_origins` already holds the new count.
pub fn recount_origins(finding: &mut Finding, before: usize, copied: &[Vec<ClaimId>]) {
    let stated = format!(
        ", {}",
        counted_as(before, "independent origin", "independent origins")
    );
    let Some(at) = finding.explanation.find(&stated) else {
        return;
    };
    let recounted = format!(
        ", {}",
        counted_as(
            finding.independent_origins,
            "independent origin",
            "independent origins"
        )
    );
    finding
        .explanation
        .replace_range(at..at + stated.len(), &recounted);
    let clauses: Vec<String> = copied
        .iter()
        .map(|ids| {
            let ids: Vec<String> = ids.iter().map(ToString::to_string).collect();
            format!(
                "{} come from sources counted as one origin (copies)",
                and_list(&ids)
            )
        })
        .collect();
    if clauses.is_empty() {
        return;
    }
    let joiner = if finding.explanation[at..].contains(": ") {
        "; "
    } else {
        ": "
    };
    finding.explanation.push_str(joiner);
    finding.explanation.push_str(&clauses.join("; "));
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Where a claim's value comes from: a cited origin, or its own source.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum OriginKey<'a> {
    Cited(String),
    Source(&'a str),
}

/// The independent origins behind `claims`: claims with the same origin
/// ([`ClaimFacts::origin`]: the last `according_to` name after name
/// normalisation, else the source) rest on one origin. Only a shared
/// origin makes two claims dependent: claims that both cite an
/// intermediary (`["OCHA", "Libyan Red Crescent"]` and `["WHO", "OCHA"]`)
/// but come from different origins stay independent.
pub fn origins_of(claims: &[&ClaimFacts], names: &dyn ValueNames) -> Vec<Origin> {
    let mut sorted: Vec<&ClaimFacts> = claims.to_vec();
    sorted.sort_by(|a, b| a.id().cmp(b.id()));
    // Origin key → its spelling as first met (in claim id order) and claims.
    let mut origins: BTreeMap<OriginKey<'_>, (String, Vec<ClaimId>)> = BTreeMap::new();
    for claim in sorted {
        let key = origin_key(claim, names);
        origins
            .entry(key)
            .or_insert_with(|| (origin_name(claim, names), Vec::new()))
            .1
            .push(claim.id().clone());
    }
    let mut origins: Vec<Origin> = origins
        .into_values()
        .map(|(name, claims)| Origin {
            names: vec![name],
            claims,
        })
        .collect();
    origins.sort_by(|a, b| a.claims.cmp(&b.claims));
    origins
}
