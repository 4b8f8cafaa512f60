//! A fact held by many claims, compared value by value.
//!
//! Machine-collected data looks like this: thousands of sources repeating
//! one figure, a few another. Compared pair by pair, a fact of 30,000
//! claims is 450 million comparisons and a report of gigabytes; yet it
//! states perhaps a dozen distinct values. So above [`super::SIDES_ABOVE`]
//! claims (and unless `--detail full`), the checker:
//!
//! 1. splits the fact's claims into **classes** of claims that state one
//!    value the same way: the same value as written, the same denotation,
//!    the same `as_of` and the same year for currency rates. Every check
//!    concludes the same of any two members of a class with a third claim,
//!    and two members agree. A claim in a revision, an unreadable value, or
//!    a value that denotes nothing is a class of its own;
//! 2. runs the pair checks on one representative per class, so the checks
//!    themselves (and their reasons) are the ones of small facts;
//! 3. turns each verdict on two representatives into a verdict on their
//!    classes: agreeing and aliased classes join into one finding each;
//!    compatible classes into one finding; contradictions, rounding and
//!    incomparable values into **sides** (the contract's `sides`): the
//!    claims of one class on the left, the claims of every later class in
//!    that relation with it on the right. Pairs of one source and one
//!    origin are taken out of a contradiction's sides and reported as that
//!    source's internal contradiction, pair by pair, as in a small fact.
//!
//! The work grows with the claims and the square of the distinct values,
//! not of the claims. What a large fact's findings leave out, `--detail
//! full` restores: every pair, with its reason and its pairs of claims not
//! compared because their `as_of` do not overlap.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::assemble::{self, OriginKey};
use super::{
    CHECKS, CheckCode, CheckContext, ClaimFacts, ClaimGroup, Finding, FindingKind, PairComparison,
    Side, Verdict, VerdictSink, as_of_overlap,
};
use crate::model::ClaimId;
use crate::text::plural::counted_as;
use crate::value::ValueKind;

/// The findings of a large group: see the module doc.
pub(super) fn findings(group: &ClaimGroup<'_>, context: &CheckContext<'_>) -> Vec<Finding> {
    let classes = Classes::of(group);
    let representatives = classes.representatives(group);
    let mut sink = VerdictSink::default();
    for check in CHECKS {
        match check.code {
            // Verdicts on the group as a whole, and on revised pairs (whose
            // claims are classes of their own), see every claim.
            CheckCode::Unreadable | CheckCode::MixedKinds | CheckCode::Revisions => {
                (check.run)(group, context, &mut sink);
            }
            _ => (check.run)(&representatives, context, &mut sink),
        }
    }
    let (comparisons, group_verdicts, _) = assemble::verdicts(sink);

    let mut findings: Vec<Finding> = group_verdicts
        .into_iter()
        .map(|verdict| assemble::group_finding(group, verdict, context.names))
        .collect();
    // Class pairs by the kind of their verdict, each pair (lower, higher)
    // in class order, with the representatives' comparison.
    let mut by_kind: BTreeMap<FindingKind, Vec<(usize, usize, PairComparison)>> = BTreeMap::new();
    for comparison in comparisons {
        if comparison.verdict == Verdict::Revision {
            findings.push(assemble::finding(
                group,
                FindingKind::Revision,
                vec![comparison],
                context.names,
            ));
            continue;
        }
        let [a, b] = &comparison.claims;
        let (Some(a), Some(b)) = (classes.of_claim(group, a), classes.of_claim(group, b)) else {
            continue;
        };
        by_kind.entry(comparison.verdict.kind()).or_default().push((
            a.min(b),
            a.max(b),
            comparison,
        ));
    }

    // Agreement: classes joined by agreeing representatives, and every
    // class of two claims or more on its own.
    let agreeing = by_kind.remove(&FindingKind::Agreement).unwrap_or_default();
    for joined in classes.joined(&agreeing, true) {
        findings.push(joined_finding(
            group,
            &classes,
            FindingKind::Agreement,
            &joined,
            context,
        ));
    }
    let aliased = by_kind
        .remove(&FindingKind::NamingVariant)
        .unwrap_or_default();
    for joined in classes.joined(&aliased, false) {
        findings.push(joined_finding(
            group,
            &classes,
            FindingKind::NamingVariant,
            &joined,
            context,
        ));
    }
    if let Some(compatible) = by_kind.remove(&FindingKind::Compatible) {
        findings.push(compatible_finding(group, &classes, &compatible, context));
    }
    if let Some(contradicting) = by_kind.remove(&FindingKind::Contradiction) {
        findings.extend(contradiction_findings(
            group,
            &classes,
            contradicting,
            context,
        ));
    }
    for (kind, related) in by_kind {
        let sides = classes.sides(group, &related);
        findings.push(sides_finding(group, kind, sides, related, context));
    }
    for finding in &mut findings {
        finding.by_value = true;
    }
    findings
}

/// Claims on the left of a side and claims on its right.
type Block<'a> = (Vec<&'a ClaimFacts<'a>>, Vec<&'a ClaimFacts<'a>>);

/// The classes of a group: claims stating one value the same way.
struct Classes {
    /// Each class's positions in the group, ascending; classes ordered by
    /// size (largest first), then by their first claim.
    members: Vec<Vec<usize>>,
    /// The class of each position of the group.
    class_of: Vec<usize>,
}

impl Classes {
    fn of(group: &ClaimGroup<'_>) -> Classes {
        let in_revision: BTreeSet<&ClaimId> = group
            .claims
            .iter()
            .filter_map(|claim| {
                let old = claim.supersedes()?;
                group.claim(old)?;
                Some([claim.id(), old])
            })
            .flatten()
            .collect();
        // Candidates by what is cheap to hash; within one, split by what
        // the checks read (denotation and `as_of` compared exactly).
        let mut buckets: HashMap<_, Vec<Vec<usize>>, foldhash::fast::RandomState> =
            HashMap::default();
        let mut alone: Vec<Vec<usize>> = Vec::new();
        for (at, claim) in group.claims.iter().enumerate() {
            // Unreadable values are never compared, so never agree.
            if claim.denotation.is_err()
                || claim.kind() == ValueKind::Unreadable
                || in_revision.contains(claim.id())
            {
                alone.push(vec![at]);
                continue;
            }
            let key = (claim.written(), claim.as_of_written(), claim.rate_year);
            let candidates = buckets.entry(key).or_default();
            let same = candidates.iter_mut().find(|class| {
                let first = group.claims[class[0]];
                first.kind() == claim.kind()
                    && first.denotation == claim.denotation
                    && first.as_of == claim.as_of
            });
            match same {
                Some(class) => class.push(at),
                None => candidates.push(vec![at]),
            }
        }
        let mut members: Vec<Vec<usize>> = buckets.into_values().flatten().chain(alone).collect();
        members.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
        let mut class_of = vec![0; group.claims.len()];
        for (class, positions) in members.iter().enumerate() {
            for &at in positions {
                class_of[at] = class;
            }
        }
        Classes { members, class_of }
    }

    /// A group of one claim per class (its first), in id order, for the
    /// pair checks.
    fn representatives<'a>(&self, group: &ClaimGroup<'a>) -> ClaimGroup<'a> {
        let mut firsts: Vec<usize> = self.members.iter().map(|class| class[0]).collect();
        firsts.sort_unstable();
        ClaimGroup {
            subject: group.subject,
            attribute: group.attribute,
            claims: firsts.into_iter().map(|at| group.claims[at]).collect(),
        }
    }

    fn of_claim(&self, group: &ClaimGroup<'_>, id: &ClaimId) -> Option<usize> {
        group.index_of(id).map(|at| self.class_of[at])
    }

    fn claims<'a>(&self, group: &ClaimGroup<'a>, class: usize) -> Vec<&'a ClaimFacts<'a>> {
        self.members[class]
            .iter()
            .map(|&at| group.claims[at])
            .collect()
    }

    /// The sets of classes `related` joins (connected components), with
    /// each class of two claims or more a set of its own when
    /// `with_single_classes`; each set ascending, sets by first class.
    fn joined(
        &self,
        related: &[(usize, usize, PairComparison)],
        with_single_classes: bool,
    ) -> Vec<Vec<usize>> {
        let mut parent: Vec<usize> = (0..self.members.len()).collect();
        fn root(parent: &mut [usize], mut i: usize) -> usize {
            while parent[i] != i {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            i
        }
        let mut involved = vec![false; self.members.len()];
        for &(a, b, _) in related {
            let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
            parent[ra.max(rb)] = ra.min(rb);
            involved[a] = true;
            involved[b] = true;
        }
        let mut sets: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (class, involved) in involved.into_iter().enumerate() {
            if involved || (with_single_classes && self.members[class].len() > 1) {
                let r = root(&mut parent, class);
                sets.entry(r).or_default().push(class);
            }
        }
        sets.into_values().collect()
    }

    /// The blocks of `related`: each class against every later class
    /// related to it, the classes related to the same later classes merged
    /// on one left (so 30,000 claims stating one figure in seven ways stand
    /// against the 300 that differ in one block, not seven). Exact: the
    /// pairs of the blocks are the pairs of `related`.
    fn blocks<'a>(
        &self,
        group: &ClaimGroup<'a>,
        related: &[(usize, usize, PairComparison)],
    ) -> Vec<Block<'a>> {
        let mut right_of: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
        for &(a, b, _) in related {
            right_of.entry(a).or_default().insert(b);
        }
        let mut lefts_of: BTreeMap<BTreeSet<usize>, Vec<usize>> = BTreeMap::new();
        for (left, right) in right_of {
            lefts_of.entry(right).or_default().push(left);
        }
        let claims_of = |classes: &mut dyn Iterator<Item = usize>| -> Vec<&'a ClaimFacts<'a>> {
            classes
                .flat_map(|class| self.claims(group, class))
                .collect()
        };
        lefts_of
            .into_iter()
            .map(|(right, left)| {
                (
                    claims_of(&mut left.into_iter()),
                    claims_of(&mut right.into_iter()),
                )
            })
            .collect()
    }

    /// The sides of `related` ([`Classes::blocks`]).
    fn sides(
        &self,
        group: &ClaimGroup<'_>,
        related: &[(usize, usize, PairComparison)],
    ) -> Vec<Side> {
        let mut sides: Vec<Side> = self
            .blocks(group, related)
            .into_iter()
            .map(|(left, right)| side(&left, &right))
            .collect();
        sides.sort();
        sides
    }
}

/// A side of `left` against `right`, each sorted, with the values each
/// spans.
fn side(left: &[&ClaimFacts<'_>], right: &[&ClaimFacts<'_>]) -> Side {
    let ids = |claims: &[&ClaimFacts<'_>]| {
        let mut ids: Vec<ClaimId> = claims.iter().map(|c| c.id().clone()).collect();
        ids.sort();
        ids
    };
    let values = |claims: &[&ClaimFacts<'_>]| {
        let mut sorted: Vec<&&ClaimFacts> = claims.iter().collect();
        sorted.sort_by(|a, b| a.id().cmp(b.id()));
        let mut seen = BTreeSet::new();
        sorted
            .into_iter()
            .filter(|c| seen.insert(c.written()))
            .map(|c| c.written().to_owned())
            .collect()
    };
    Side {
        left: ids(left),
        right: ids(right),
        left_values: values(left),
        right_values: values(right),
    }
}

/// The finding of a set of agreeing (or aliased) classes.
fn joined_finding(
    group: &ClaimGroup<'_>,
    classes: &Classes,
    kind: FindingKind,
    joined: &[usize],
    context: &CheckContext<'_>,
) -> Finding {
    let mut claims: Vec<&ClaimFacts> = joined
        .iter()
        .flat_map(|&class| classes.claims(group, class))
        .collect();
    claims.sort_by(|a, b| a.id().cmp(b.id()));
    let origins = assemble::origins_of(&claims, context.names);
    let explanation = match kind {
        FindingKind::Agreement => assemble::agreement_sentence(&claims, &origins),
        _ => {
            let names: BTreeSet<&str> = claims.iter().map(|c| c.written()).collect();
            format!(
                "{} of one registry entry, in {}: {}",
                counted_as(names.len(), "name", "names"),
                counted_as(claims.len(), "claim", "claims"),
                assemble::values_of(&claims)
            )
        }
    };
    plain_finding(group, kind, &claims, explanation, origins.len())
}

/// One finding for every compatible class pair: its claims and a sentence.
fn compatible_finding(
    group: &ClaimGroup<'_>,
    classes: &Classes,
    related: &[(usize, usize, PairComparison)],
    context: &CheckContext<'_>,
) -> Finding {
    let involved: BTreeSet<usize> = related.iter().flat_map(|&(a, b, _)| [a, b]).collect();
    let mut claims: Vec<&ClaimFacts> = involved
        .iter()
        .flat_map(|&class| classes.claims(group, class))
        .collect();
    claims.sort_by(|a, b| a.id().cmp(b.id()));
    let pairs: usize = related
        .iter()
        .map(|&(a, b, _)| classes.members[a].len() * classes.members[b].len())
        .sum();
    let explanation = format!(
        "{} can both be true (one value is less precise than the other, or they overlap), among {}",
        counted_as(pairs, "pair", "pairs"),
        assemble::values_of(&claims)
    );
    let origins = assemble::origins_of(&claims, context.names).len();
    plain_finding(
        group,
        FindingKind::Compatible,
        &claims,
        explanation,
        origins,
    )
}

/// The contradictions of a large group: sides between claims of different
/// sources or origins, and each source's internal contradictions pair by
/// pair.
fn contradiction_findings<'a>(
    group: &ClaimGroup<'a>,
    classes: &Classes,
    related: Vec<(usize, usize, PairComparison)>,
    context: &CheckContext<'_>,
) -> Vec<Finding> {
    let key = |claim: &ClaimFacts<'a>| -> (&'a str, OriginKey<'a>) {
        (claim.source, assemble::origin_key(claim, context.names))
    };
    // Claims of one source and origin on both sides of a class pair.
    let mut internal: Vec<(&ClaimFacts, &ClaimFacts)> = Vec::new();
    let mut sides: Vec<Side> = Vec::new();
    for (left, right) in classes.blocks(group, &related) {
        let mut right_by_key: BTreeMap<_, Vec<&ClaimFacts>> = BTreeMap::new();
        for &claim in &right {
            right_by_key.entry(key(claim)).or_default().push(claim);
        }
        // Left claims whose source and origin the right also holds, by key.
        let mut shared: BTreeMap<(&str, OriginKey<'_>), Vec<&ClaimFacts>> = BTreeMap::new();
        let mut plain: Vec<&ClaimFacts> = Vec::new();
        for claim in left {
            let k = key(claim);
            if right_by_key.contains_key(&k) {
                shared.entry(k).or_default().push(claim);
            } else {
                plain.push(claim);
            }
        }
        if !plain.is_empty() {
            sides.push(side(&plain, &right));
        }
        for (k, lefts) in shared {
            let same = &right_by_key[&k];
            let others: Vec<&ClaimFacts> = right.iter().copied().filter(|c| key(c) != k).collect();
            if !others.is_empty() {
                sides.push(side(&lefts, &others));
            }
            for &a in &lefts {
                for &b in same {
                    internal.push(if a.id() < b.id() { (a, b) } else { (b, a) });
                }
            }
        }
    }
    sides.sort();
    let mut findings = Vec::new();
    if !sides.is_empty() {
        findings.push(sides_finding(
            group,
            FindingKind::Contradiction,
            sides,
            related,
            context,
        ));
    }
    // Internal pairs compared one by one, as a small fact compares them.
    let mut by_source: BTreeMap<&str, Vec<PairComparison>> = BTreeMap::new();
    for (a, b) in internal {
        let pair = ClaimGroup {
            subject: group.subject,
            attribute: group.attribute,
            claims: vec![a, b],
        };
        let mut sink = VerdictSink::default();
        for check in CHECKS {
            if as_of_overlap(a, b) {
                (check.run)(&pair, context, &mut sink);
            }
        }
        let (comparisons, _) = sink.into_parts();
        by_source.entry(a.source).or_default().extend(
            comparisons
                .into_iter()
                .filter(|c| c.verdict == Verdict::Contradiction),
        );
    }
    for (_, mut comparisons) in by_source {
        comparisons.sort_by(|a, b| a.claims.cmp(&b.claims));
        findings.push(assemble::finding(
            group,
            FindingKind::InternalContradiction,
            comparisons,
            context.names,
        ));
    }
    findings
}

/// A finding of `kind` made of `sides`, with the representatives'
/// comparisons as its reasons (one per pair of classes).
fn sides_finding(
    group: &ClaimGroup<'_>,
    kind: FindingKind,
    sides: Vec<Side>,
    related: Vec<(usize, usize, PairComparison)>,
    context: &CheckContext<'_>,
) -> Finding {
    let mut ids: BTreeSet<&ClaimId> = BTreeSet::new();
    for side in &sides {
        ids.extend(side.left.iter().chain(&side.right));
    }
    let claims: Vec<&ClaimFacts> = ids.into_iter().filter_map(|id| group.claim(id)).collect();
    let pairs: usize = sides.iter().map(|s| s.left.len() * s.right.len()).sum();
    let relation = kind.info().pairs.unwrap_or("relate").to_lowercase();
    let spans: Vec<String> = sides
        .iter()
        .take(3)
        .map(|side| {
            format!(
                "{} stating {} against {} stating {}",
                counted_as(side.left.len(), "claim", "claims"),
                listed(&side.left_values),
                counted_as(side.right.len(), "claim", "claims"),
                listed(&side.right_values)
            )
        })
        .collect();
    let more = match sides.len() {
        0..=3 => String::new(),
        n => format!("; and {} more", counted_as(n - 3, "side", "sides")),
    };
    let explanation = format!(
        "{} {relation}, in {}: {}{more}",
        counted_as(pairs, "pair", "pairs"),
        counted_as(sides.len(), "side", "sides"),
        spans.join("; ")
    );
    let origins = assemble::origins_of(&claims, context.names).len();
    let mut finding = plain_finding(group, kind, &claims, explanation, origins);
    let mut comparisons: Vec<PairComparison> = related.into_iter().map(|(_, _, c)| c).collect();
    comparisons.sort_by(|a, b| a.claims.cmp(&b.claims));
    finding.conversions = comparisons
        .iter()
        .flat_map(|c| c.conversions.iter().cloned())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    finding.comparisons = comparisons;
    finding.sides = sides;
    finding
}

/// Values quoted, at most five, then how many more.
fn listed(values: &[String]) -> String {
    let mut shown: Vec<String> = values.iter().take(5).map(|v| format!("'{v}'")).collect();
    if values.len() > 5 {
        shown.push(format!("{} more", values.len() - 5));
    }
    shown.join(", ")
}

fn plain_finding(
    group: &ClaimGroup<'_>,
    kind: FindingKind,
    claims: &[&ClaimFacts<'_>],
    explanation: String,
    independent_origins: usize,
) -> Finding {
    Finding {
        kind,
        subject: group.subject.to_owned(),
        attribute: group.attribute.to_owned(),
        claims: claims.iter().map(|c| c.id().clone()).collect(),
        pairs: Vec::new(),
        sides: Vec::new(),
        not_compared: Vec::new(),
        by_value: false,
        explanation,
        comparisons: Vec::new(),
        conversions: Vec::new(),
        independent_origins,
    }
}
