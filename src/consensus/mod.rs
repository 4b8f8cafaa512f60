//! Which value is most likely true, and which sources to trust:
//! precision-aware truth discovery with copy detection.
//!
//! Owns the step after `check`: from the resolved claims it estimates, per
//! fact (canonical subject, attribute, `as_of`), the most likely value and
//! its confidence, per source a trust, and which origins copy each other;
//! it hands a [`Consensus`] to the reports and merges copy groups into each
//! finding's independent origins ([`Consensus::merge_copied_origins`]).
//!
//! # The model
//!
//! Accu (Dong, Berti-Equille & Srivastava, "Integrating conflicting data:
//! the role of source dependence", VLDB 2009) on the bipartite graph of
//! sources and claims ([`graph`]), with three changes that use what
//! crosscheck knows and the published methods do not:
//!
//! 1. **Precision** ([`candidates`]): a claim supports every stated value
//!    its denotation holds, an exact match fully and a vaguer claim with a
//!    share (`1/(k+1)` over the `k` values it allows); round figures are
//!    also read as rounded, so `rounding` pairs support each other; names
//!    match through registry aliases and in any word order; sets are voted
//!    member by member, a member being a person (or thing) under all the
//!    spellings of its name, shown by the most precise spelling most of
//!    its sources support.
//! 2. **Origins**: a claim votes through its origin (the last name of
//!    `according_to`, else its source: [`crate::model::Claim::origin`]);
//!    an origin votes once per value however many sources repeat it.
//! 3. **Copying** ([`copying`]): after a first round, origins that share
//!    unlikely values far more than independent ones would are grouped
//!    (Dong et al., section 4), and the model runs again with each group
//!    as one origin ([`COPY_ROUNDS`]).
//!
//! Then ([`accu`]) trust and values are estimated together until they
//! agree.
//!
//! # Where every default comes from
//!
//! | parameter | default | from |
//! |---|---|---|
//! | false values per fact `n` | 100 | Dong et al. 2009, experiments |
//! | initial accuracy | 0.8 | Dong et al. 2009 (`ε = 0.2`) |
//! | prior weight on accuracy | 2 facts | a uniform Beta(1,1) prior's weight (Laplace) |
//! | initial sensitivity (sets) | 0.5 | uninformative |
//! | copy prior `α`, copy rate `c` | 0.2, 0.8 | Dong et al. 2009 |
//! | copy posterior to group | 0.5 | more likely copied than not |
//! | copy-detection rounds | 1 | [`COPY_ROUNDS`]: further rounds changed 0.07 % of leading values at 10^6 claims |
//! | vague claim's share | `1/(k+1)` | Laplace's rule of succession over the `k` stated values it allows |
//! | rounding reading | 5 % | the contract's `rounding_tolerance` default |
//! | confidence to decide | 0.75 | posterior odds 3:1, "positive evidence" (Kass & Raftery 1995) |
//!
//! None was chosen by looking at gold answers; `bench/truth/` measures the
//! result on two public data sets with these defaults.
//!
//! # What it concludes
//!
//! For each fact with a readable value: the leading value (the candidate of
//! highest probability: the most precise value the evidence supports), its
//! confidence, the claims stating it and the origins behind it, and every
//! other candidate with its claims (against). The fact has a consensus when
//! the leading value's confidence reaches [`DECIDE`] and, if another value
//! has support, at least two independent origins support the leading one;
//! otherwise it is "no consensus" (two origins, one each way, give about
//! 0.5, and never decide). A set's leading members are held to the same
//! rule member by member: one that some list leaves out needs two
//! independent origins naming it. A source's trust
//! is the mean probability of the claims it states in its own voice over
//! the facts where two origins or more vote, under the same prior (a claim
//! it attributes is judged as the cited origin's: quoting a wrong official
//! faithfully is no error of the article); `None` where it is in no such
//! fact. Each cited origin gets a trust the same way, over the facts it is
//! cited on.

pub mod accu;
pub mod candidates;
pub mod copying;
pub mod graph;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use crate::check::groups::{SubjectGroup, id_ranks, subject_groups};
use crate::check::{CheckOutcome, ClaimFacts, ValueNames};
use crate::model::{ClaimId, ClaimOrigin};

use accu::{Ballots, Params};
use candidates::{Fact, Question};
use copying::CopyParams;
use graph::SourceGraph;
use rayon::prelude::*;

/// The confidence from which the leading value is a consensus: posterior
/// odds of 3 to 1, the least Kass & Raftery ("Bayes factors", JASA 1995)
/// call positive evidence.
pub const DECIDE: f64 = 0.75;

/// Rounds of copy detection and the model after the first model round.
/// Dong et al. alternate until the groups settle; at scale they never
/// quite do (a few origins of hundreds join and leave), and each round
/// costs a full estimate: on the 10^6-claim bench, two further rounds
/// changed the leading value of 127 of 190,440 facts (0.07 %) for twice
/// the time. So: the model, copy detection on its values and trusts, the
/// model again with the groups (a measure on the claims alone, no gold).
pub const COPY_ROUNDS: usize = 1;

/// Everything the estimator concludes.
#[derive(Debug, Clone, PartialEq)]
pub struct Consensus {
    /// In (subject, attribute, as_of) order.
    pub facts: Vec<FactConsensus>,
    /// Every source, by id.
    pub sources: Vec<SourceTrust>,
    /// Every origin a claim cites, in the order of their keys.
    pub cited_origins: Vec<OriginTrust>,
    /// Origins grouped as copies, each with the evidence.
    pub copy_groups: Vec<CopyGroup>,
    /// Iterations of the final round.
    pub iterations: usize,
    /// Per claim (in the order estimated; empty when no origins are
    /// grouped): the unit it votes in, an origin or a copy group.
    claim_units: Vec<ClaimUnit>,
}

/// The voting unit of a claim.
#[derive(Debug, Clone, Copy, PartialEq)]
struct ClaimUnit {
    /// Its origin, or for a grouped origin the group's first origin.
    unit: u32,
    /// Its own origin.
    origin: u32,
    /// Whether its origin is in a copy group.
    grouped: bool,
}

/// One fact's estimate.
#[derive(Debug, Clone, PartialEq)]
pub struct FactConsensus {
    pub subject: String,
    pub attribute: String,
    pub as_of: Option<String>,
    /// Every claim of the fact, sorted.
    pub claims: Vec<ClaimId>,
    /// Independent origins (copy groups counted once) behind the readable
    /// claims.
    pub origins: usize,
    /// The most likely value, decided or not.
    pub leading: Estimate,
    /// Whether `leading` is a consensus (confidence at least [`DECIDE`]).
    pub decided: bool,
    /// A set whose members left out are written in one script and some
    /// kept in the other ([`split_by_script`]): never decided.
    pub scripts_split: bool,
    /// The other values that the leading one is not within, most likely
    /// first (a less precise value containing it supports it instead).
    pub against: Vec<Estimate>,
}

/// A value and the evidence for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Estimate {
    pub value: EstimateValue,
    /// The claims stating exactly this value, sorted.
    pub claims: Vec<ClaimId>,
    /// In [0, 1].
    pub confidence: f64,
    /// Independent origins supporting it (fully or in part), as shown;
    /// shared with every other estimate naming them (an origin supports
    /// thousands of facts, and a copy of its name in each was a string
    /// per origin per fact).
    pub origins: Vec<Arc<str>>,
}

/// A value as written by a claim that states it most precisely.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EstimateValue {
    Written(String),
    /// A set: its members as written.
    Members(Vec<String>),
}

impl std::fmt::Display for EstimateValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EstimateValue::Written(value) => f.write_str(value),
            EstimateValue::Members(members) => f.write_str(&members.join("; ")),
        }
    }
}

/// A source's estimated accuracy.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceTrust {
    pub id: String,
    /// `None` when no fact with two origins or more involves it.
    pub trust: Option<f64>,
    /// Facts with two origins or more it has a claim in, in its own voice
    /// (the facts behind `trust`; 0 when it only attributes, and `trust`
    /// is then the prior).
    pub facts: usize,
}

/// A cited origin's estimated accuracy.
#[derive(Debug, Clone, PartialEq)]
pub struct OriginTrust {
    /// As shown in reports (the name as first written).
    pub name: String,
    /// `None` when no fact with two origins or more involves it.
    pub trust: Option<f64>,
    /// Facts with two origins or more it is cited on.
    pub facts: usize,
}

/// Origins grouped as copies of each other.
#[derive(Debug, Clone, PartialEq)]
pub struct CopyGroup {
    /// As shown (`source <id>` or a cited name), sorted.
    pub origins: Vec<String>,
    /// The pairs that joined them.
    pub pairs: Vec<CopyPair>,
}

/// The evidence that two origins copy one another.
#[derive(Debug, Clone, PartialEq)]
pub struct CopyPair {
    pub a: String,
    pub b: String,
    pub common_facts: usize,
    pub same_values: usize,
    pub same_unlikely_values: usize,
    pub probability: f64,
    pub verbatim: bool,
    /// Facts on which both quote the same passage for the same value.
    pub reprinted: usize,
}

impl CopyPair {
    /// The evidence in one sentence.
    pub fn evidence(&self) -> String {
        if self.verbatim {
            format!(
                "{} and {} state the same value on every one of their {} facts",
                self.a, self.b, self.common_facts
            )
        } else if self.reprinted >= 2 {
            format!(
                "{} and {} quote the same passages for the same values on {} facts",
                self.a, self.b, self.reprinted
            )
        } else {
            format!(
                "{} and {} share {} of {} values, {} of them unlikely to be true (probability of copying {:.2})",
                self.a,
                self.b,
                self.same_values,
                self.common_facts,
                self.same_unlikely_values,
                self.probability
            )
        }
    }
}

impl FactConsensus {
    /// "most likely: X (confidence 0.87), supported by 3 independent
    /// origins; against: ..." or "no consensus: ...".
    pub fn summary(&self) -> String {
        let lead = &self.leading;
        // Values as likely as the leading one: naming one of them "leading"
        // would tell the reader more than the evidence does.
        let tied = match self.decided {
            true => 0,
            false => self
                .against
                .iter()
                .take_while(|other| (other.confidence - lead.confidence).abs() < 1e-9)
                .count(),
        };
        let phrase = |estimate: &Estimate| {
            format!(
                "{} ({:.2}, {})",
                estimate.value,
                estimate.confidence,
                origins_phrase(&estimate.origins)
            )
        };
        if tied > 0 {
            let mut even: Vec<String> = std::iter::once(lead)
                .chain(&self.against[..tied])
                .map(phrase)
                .collect();
            let last = even.pop().unwrap_or_default();
            let mut text = format!(
                "no consensus: the evidence is split evenly between {} and {last}",
                even.join(", ")
            );
            if tied < self.against.len() {
                let rest: Vec<String> = self.against[tied..].iter().map(phrase).collect();
                text.push_str("; against: ");
                text.push_str(&rest.join(", "));
            }
            return text;
        }
        let mut text = if self.decided {
            format!(
                "most likely: {} (confidence {:.2}), supported by {}",
                lead.value,
                lead.confidence,
                origins_phrase(&lead.origins)
            )
        } else if self.scripts_split {
            format!(
                "no consensus: the lists name members in two scripts, which registry `values` entries would join (leading: {}, confidence {:.2}, supported by {})",
                lead.value,
                lead.confidence,
                origins_phrase(&lead.origins)
            )
        } else {
            format!(
                "no consensus: the evidence does not decide (leading: {}, confidence {:.2}, supported by {})",
                lead.value,
                lead.confidence,
                origins_phrase(&lead.origins)
            )
        };
        if !self.against.is_empty() {
            text.push_str("; against: ");
            let parts: Vec<String> = self.against.iter().map(phrase).collect();
            text.push_str(&parts.join(", "));
        }
        text
    }
}

fn origins_phrase(origins: &[Arc<str>]) -> String {
    let count = match origins.len() {
        1 => "1 independent origin".to_owned(),
        n => format!("{n} independent origins"),
    };
    if origins.is_empty() || origins.len() > 5 {
        count
    } else {
        format!("{count} ({})", origins.join(", "))
    }
}

impl Consensus {
    /// The fact holding `claims` (a finding's claims), if one does.
    pub fn fact_of(
        &self,
        subject: &str,
        attribute: &str,
        claims: &[ClaimId],
    ) -> Vec<&FactConsensus> {
        let start = self
            .facts
            .partition_point(|f| (f.subject.as_str(), f.attribute.as_str()) < (subject, attribute));
        self.facts[start..]
            .iter()
            .take_while(|f| f.subject == subject && f.attribute == attribute)
            .filter(|f| claims.iter().any(|id| f.claims.binary_search(id).is_ok()))
            .collect()
    }

    /// Counts each copy group as one origin in every finding's
    /// independent origins. `claims` are the claims the consensus was
    /// estimated from.
    pub fn merge_copied_origins(&self, outcome: &mut CheckOutcome, claims: &[ClaimFacts<'_>]) {
        if self.claim_units.len() != claims.len() {
            return;
        }
        // Findings name their claims with the ids the claims hold (shared,
        // not copied), so a claim is found by the address of its id: no
        // text is hashed for the millions of ids findings hold, and one
        // look-up in a table, not a search, finds each.
        let address = |id: &ClaimId| Arc::as_ptr(&id.0) as *const u8 as usize;
        let mut unit_at: HashMap<usize, ClaimUnit, foldhash::fast::FixedState> =
            HashMap::with_capacity_and_hasher(claims.len(), Default::default());
        unit_at.extend(
            claims
                .iter()
                .zip(&self.claim_units)
                .map(|(c, unit)| (address(c.id()), *unit)),
        );
        outcome.findings.par_iter_mut().for_each(|finding| {
            let mut grouped = false;
            let mut units: Vec<u32> = Vec::with_capacity(finding.claims.len());
            for id in &finding.claims {
                if let Some(unit) = unit_at.get(&address(id)) {
                    grouped |= unit.grouped;
                    units.push(unit.unit);
                }
            }
            if !grouped {
                return;
            }
            units.sort_unstable();
            units.dedup();
            let before = finding.independent_origins;
            finding.independent_origins = before.min(units.len());
            if finding.independent_origins == before {
                return;
            }
            // The claims each group joins across origins, for the sentence.
            let mut members: Vec<(u32, u32, &ClaimId)> = finding
                .claims
                .iter()
                .filter_map(|id| unit_at.get(&address(id)).map(|u| (u, id)))
                .filter(|(u, _)| u.grouped)
                .map(|(u, id)| (u.unit, u.origin, id))
                .collect();
            members.sort_unstable();
            let copied: Vec<Vec<ClaimId>> = members
                .chunk_by(|a, b| a.0 == b.0)
                .filter(|run| run.iter().any(|m| m.1 != run[0].1))
                .map(|run| {
                    let mut ids: Vec<ClaimId> = run.iter().map(|m| m.2.clone()).collect();
                    ids.sort();
                    ids
                })
                .collect();
            crate::check::recount_origins(finding, before, &copied);
        });
    }
}

/// Estimates the consensus of every fact of `claims` with the default
/// parameters.
pub fn estimate(claims: &[ClaimFacts<'_>], names: &dyn ValueNames) -> Consensus {
    let rank = id_ranks(claims);
    let groups = subject_groups(claims, &rank);
    estimate_grouped(claims, &groups, &rank, names)
}

/// [`estimate`] from the groups of one subject and attribute and the id
/// ranks the check found already.
pub fn estimate_grouped<'a>(
    claims: &'a [ClaimFacts<'a>],
    groups: &[SubjectGroup<'a>],
    rank: &[u32],
    names: &dyn ValueNames,
) -> Consensus {
    let defaults = (&Params::default(), &CopyParams::default());
    estimate_with(claims, groups, rank, names, defaults.0, defaults.1)
}

/// [`estimate_grouped`] with explicit parameters.
pub fn estimate_with<'a>(
    claims: &'a [ClaimFacts<'a>],
    groups: &[SubjectGroup<'a>],
    rank: &[u32],
    names: &dyn ValueNames,
    params: &Params,
    copy: &CopyParams,
) -> Consensus {
    let graph = SourceGraph::build(claims, rank, names);
    let facts = candidates::facts(claims, groups, rank, names);
    // Round one: every origin its own unit. Then detection and the model
    // alternate until the copy groups stop changing.
    let origin_ballots = Ballots::build(&facts, &graph.origin_of, &graph.origin_of);
    let origins = graph.origins.len();
    let reprinted = copying::reprints(&facts, claims, &graph.origin_of);
    let mut detector = copying::Detector::new(&origin_ballots, origins, reprinted);
    // Verbatim copies do not depend on the model: counted once from the
    // first round on.
    let (mut groups, mut evidence) = detector.detect(&origin_ballots, None, copy);
    let units_of = |groups: &[Vec<usize>]| {
        let mut unit_of_origin: Vec<usize> = (0..origins).collect();
        for group in groups {
            for &o in &group[1..] {
                unit_of_origin[o] = group[0];
            }
        }
        unit_of_origin
    };
    // The ballots by unit (`None`: no origin is grouped, so the units are
    // the origins and their ballots are built already) and the estimates.
    let run = |unit_of_origin: &[usize]| {
        if unit_of_origin.iter().enumerate().all(|(o, &u)| o == u) {
            return (None, accu::estimate(&origin_ballots, origins, params));
        }
        let unit_of: Vec<usize> = graph.origin_of.iter().map(|&o| unit_of_origin[o]).collect();
        let ballots = Ballots::build(&facts, &graph.origin_of, &unit_of);
        let estimates = accu::estimate(&ballots, origins, params);
        (Some(ballots), estimates)
    };
    let mut unit_of_origin = units_of(&groups);
    let (mut unit_ballots, mut estimates) = run(&unit_of_origin);
    let mut seen: Vec<Vec<Vec<usize>>> = vec![groups.clone()];
    for _ in 0..COPY_ROUNDS {
        let accuracy: Vec<f64> = unit_of_origin
            .iter()
            .map(|&u| estimates.accuracy[u])
            .collect();
        let (found, why) = detector.detect(&origin_ballots, Some((&accuracy, &estimates)), copy);
        // Settled, or back to groups already tried (a cycle): stop.
        if seen.contains(&found) {
            if found == groups {
                evidence = why;
            }
            break;
        }
        seen.push(found.clone());
        groups = found;
        evidence = why;
        unit_of_origin = units_of(&groups);
        (unit_ballots, estimates) = run(&unit_of_origin);
    }
    // What the rounds needed goes before each fact's consensus is built
    // (at a million claims, the detector and the origins' ballots were a
    // tenth of the peak).
    drop(detector);
    drop(seen);
    let ballots = match unit_ballots {
        Some(ballots) => {
            drop(origin_ballots);
            ballots
        }
        None => origin_ballots,
    };
    let ballots = &ballots;
    let unit_of: Vec<usize> = graph.origin_of.iter().map(|&o| unit_of_origin[o]).collect();
    let shown = Shown::new(&graph.origins, &groups);

    // Each fact's consensus and, where two units or more vote, its claims'
    // probability of being right (for source trust). Each claim is in one
    // fact: the facts are read in parallel.
    let (fact_results, by_fact): (Vec<FactConsensus>, Vec<Vec<(usize, f64)>>) = facts
        .par_iter()
        .enumerate()
        .map(|(f, fact)| {
            let p = estimates.of(f);
            let units = ballots.fact(f).units.len();
            let result = fact_consensus(fact, p, units, claims, rank, &unit_of, &shown);
            let correct = match result.origins < 2 {
                true => Vec::new(),
                false => claim_correctness(fact, p),
            };
            (result, correct)
        })
        .unzip();
    let cited_origins = cited_origin_trust(&graph, &by_fact, params);
    // Source trust: the mean probability of the claims it states in its own
    // voice over facts where two units or more vote, under the model's
    // prior. A claim it attributes (`according_to`) is judged as its
    // origin's: an article that quotes two officials who disagree reports
    // them faithfully, and one of them being wrong says nothing of it.
    let mut claim_correct: Vec<Option<f64>> = vec![None; claims.len()];
    for (i, correct) in by_fact.into_iter().flatten() {
        claim_correct[i] = Some(correct);
    }
    let sources = (0..graph.sources.len())
        .into_par_iter()
        .map(|s| {
            let (mut sum, mut n, mut involved) = (0.0, 0usize, false);
            // In id order: a float sum must not depend on the input order.
            let mut own: Vec<usize> = graph.claims_of(s).collect();
            own.sort_unstable_by_key(|&i| rank[i]);
            for i in own {
                if let Some(c) = claim_correct[i] {
                    involved = true;
                    if matches!(claims[i].origin(), ClaimOrigin::Source(_)) {
                        sum += c;
                        n += 1;
                    }
                }
            }
            let k = params.prior_weight;
            SourceTrust {
                id: graph.sources[s].clone(),
                trust: involved.then(|| (sum + k * params.initial_accuracy) / (n as f64 + k)),
                facts: n,
            }
        })
        .collect();

    let claim_units = if groups.is_empty() {
        Vec::new()
    } else {
        let mut grouped = vec![false; origins];
        for &o in groups.iter().flatten() {
            grouped[o] = true;
        }
        graph
            .origin_of
            .iter()
            .map(|&o| ClaimUnit {
                unit: unit_of_origin[o] as u32,
                origin: o as u32,
                grouped: grouped[o],
            })
            .collect()
    };
    let mut copy_groups = Vec::new();
    for group in &groups {
        let members: BTreeSet<usize> = group.iter().copied().collect();
        let mut origins: Vec<String> = group.iter().map(|&o| graph.origins[o].clone()).collect();
        origins.sort();
        let pairs = evidence
            .iter()
            .filter(|e| members.contains(&e.a))
            .map(|e| CopyPair {
                a: graph.origins[e.a].clone(),
                b: graph.origins[e.b].clone(),
                common_facts: e.common_facts,
                same_values: e.same_values,
                same_unlikely_values: e.same_unlikely_values,
                probability: e.probability,
                verbatim: e.verbatim,
                reprinted: e.reprinted,
            })
            .collect();
        copy_groups.push(CopyGroup { origins, pairs });
    }
    copy_groups.sort_by(|a, b| a.origins.cmp(&b.origins));
    Consensus {
        facts: fact_results,
        sources,
        cited_origins,
        copy_groups,
        iterations: estimates.iterations,
        claim_units,
    }
}

/// Each origin a claim cites (`according_to`), with its trust: over the
/// facts where two units or more vote, the mean probability of its claims
/// there (several sources citing it on one fact count once, their claims
/// averaged), under the model's prior, as a source's trust is.
fn cited_origin_trust(
    graph: &SourceGraph,
    by_fact: &[Vec<(usize, f64)>],
    params: &Params,
) -> Vec<OriginTrust> {
    let first = graph.first_cited;
    let mut sums = vec![(0.0f64, 0usize); graph.origins.len() - first];
    // Facts in order, so the float sums do not depend on threads.
    for correct in by_fact {
        let mut on_fact: Vec<(usize, f64, usize)> = Vec::new();
        for &(i, c) in correct {
            let Some(o) = graph.origin_of[i].checked_sub(first) else {
                continue;
            };
            match on_fact.iter_mut().find(|(origin, ..)| *origin == o) {
                Some((_, sum, n)) => {
                    *sum += c;
                    *n += 1;
                }
                None => on_fact.push((o, c, 1)),
            }
        }
        for (o, sum, n) in on_fact {
            sums[o].0 += sum / n as f64;
            sums[o].1 += 1;
        }
    }
    let k = params.prior_weight;
    sums.iter()
        .enumerate()
        .map(|(o, &(sum, n))| OriginTrust {
            name: graph.origins[first + o].clone(),
            trust: (n > 0).then(|| (sum + k * params.initial_accuracy) / (n as f64 + k)),
            facts: n,
        })
        .collect()
}

/// Each readable claim's probability of being right.
fn claim_correctness(fact: &Fact<'_>, p: &[f64]) -> Vec<(usize, f64)> {
    let mut sums: BTreeMap<usize, (f64, f64)> = BTreeMap::new();
    match &fact.question {
        Question::Choice(choice) => {
            for &(i, c, _) in &choice.support {
                let entry = sums.entry(i).or_insert((0.0, 1.0));
                entry.0 += p[c];
            }
        }
        Question::Members(members) => {
            for (m, member) in members.iter().enumerate() {
                for &(i, w) in &member.support {
                    let entry = sums.entry(i).or_insert((0.0, 0.0));
                    entry.0 += w * p[m];
                    entry.1 += w;
                }
                for &i in &member.silent {
                    sums.entry(i).or_insert((0.0, 0.0));
                }
            }
        }
    }
    sums.into_iter()
        .map(|(i, (sum, weight))| {
            (
                i,
                if weight > 0.0 {
                    (sum / weight).min(1.0)
                } else {
                    0.0
                },
            )
        })
        .collect()
}

/// Whether two claims' values can both be true: numbers of one dimension
/// or spans of time whose sets overlap. Anything else (names, other
/// dimensions, unreadable values) is taken as not known to be compatible.
fn can_both_be_true(a: &ClaimFacts<'_>, b: &ClaimFacts<'_>) -> bool {
    use crate::value::Denotation;
    match (&a.denotation, &b.denotation) {
        (Ok(Denotation::Numeric(x)), Ok(Denotation::Numeric(y))) => {
            x.dimension == y.dimension && x.interval.relation(&y.interval).is_compatible()
        }
        (Ok(Denotation::Time(x)), Ok(Denotation::Time(y))) => {
            crate::check::dates::relate(x, y).is_compatible()
        }
        _ => false,
    }
}

/// Whether the leading value is a consensus: confident enough, and not one
/// origin against another. Trust estimated from a few facts is itself
/// uncertain, so a single origin outweighing a single other origin is
/// thin evidence, whatever their trusts say ("no consensus").
fn decides(leading: &Estimate, against: &[Estimate]) -> bool {
    let disputed = against.iter().any(|other| !other.origins.is_empty());
    leading.confidence >= DECIDE && (!disputed || leading.origins.len() >= 2)
}

/// Origins as shown, and each one's place in the order of the names shown,
/// so that a list of origins is sorted by comparing integers.
struct Shown {
    names: Vec<Arc<str>>,
    place: Vec<u32>,
}

impl Shown {
    /// `groups`: the copy groups, each voting as its first origin, which
    /// is shown as the group (`source a and 2 copies`): a reader told that
    /// three outlets' figure has "1 independent origin (source a)" would
    /// look for the other two.
    fn new(origins: &[String], groups: &[Vec<usize>]) -> Shown {
        let mut group_names: Vec<(usize, String)> = groups
            .iter()
            .map(|group| {
                let copies = match group.len() - 1 {
                    1 => "1 copy".to_owned(),
                    n => format!("{n} copies"),
                };
                (group[0], format!("{} and {copies}", origins[group[0]]))
            })
            .collect();
        group_names.sort_unstable();
        let name = |u: usize| match group_names.binary_search_by_key(&u, |g| g.0) {
            Ok(at) => group_names[at].1.as_str(),
            Err(_) => origins[u].as_str(),
        };
        let names: Vec<&str> = (0..origins.len()).map(name).collect();
        let mut by_name: Vec<u32> = (0..names.len() as u32).collect();
        by_name.par_sort_by(|&a, &b| names[a as usize].cmp(names[b as usize]));
        let mut place = vec![0u32; names.len()];
        for (at, &u) in by_name.iter().enumerate() {
            place[u as usize] = at as u32;
        }
        Shown {
            names: names.iter().map(|&name| Arc::from(name)).collect(),
            place,
        }
    }

    /// The distinct `units` as shown, sorted by name.
    fn sorted(&self, units: impl Iterator<Item = usize>) -> Vec<Arc<str>> {
        let mut units: Vec<usize> = units.collect();
        units.sort_unstable_by_key(|&u| self.place[u]);
        units.dedup();
        units.into_iter().map(|u| self.names[u].clone()).collect()
    }
}

/// `units`: how many units vote in the fact.
fn fact_consensus(
    fact: &Fact<'_>,
    p: &[f64],
    units: usize,
    claims: &[ClaimFacts<'_>],
    rank: &[u32],
    unit_of: &[usize],
    shown: &Shown,
) -> FactConsensus {
    // Claims by id (ranks are id order), each id once.
    let ids = |list: &[usize]| -> Vec<ClaimId> {
        let mut sorted;
        let mut list = list;
        if !list.is_sorted_by_key(|&i| rank[i]) {
            sorted = list.to_vec();
            sorted.sort_unstable_by_key(|&i| rank[i]);
            list = &sorted;
        }
        let mut ids: Vec<ClaimId> = list.iter().map(|&i| claims[i].id().clone()).collect();
        ids.dedup();
        ids
    };
    let units_shown = |list: &mut dyn Iterator<Item = usize>| -> Vec<Arc<str>> {
        shown.sorted(list.map(|i| unit_of[i]))
    };
    // `thin`: a member of the leading set that a list leaves out has one
    // independent origin behind it; one each way decides nothing, as for
    // a single value ([`decides`]).
    let (leading, against, thin) = match &fact.question {
        Question::Choice(choice) => {
            // A value's probability with that of the values that may be
            // it written another way (`Muammar Gaddafi`, `Moammar Qaddafi`,
            // `معمر القذافي`): the model splits the evidence among the
            // spellings, but whichever is meant, the story is the same.
            let mut with_spellings: Vec<f64> = p[..choice.candidates.len()].to_vec();
            for &(a, b) in &choice.maybe_one {
                with_spellings[a] += p[b];
                with_spellings[b] += p[a];
            }
            let mut order: Vec<usize> = (0..choice.candidates.len()).collect();
            // Most likely first; ties to the more supported, then the
            // first stated in id order (deterministic).
            order.sort_by(|&a, &b| {
                with_spellings[b]
                    .total_cmp(&with_spellings[a])
                    .then_with(|| p[b].total_cmp(&p[a]))
                    .then_with(|| rank[choice.candidates[a][0]].cmp(&rank[choice.candidates[b][0]]))
            });
            // Each candidate's supporting claims, read off the support once
            // (not once per candidate and claim).
            let mut supporters: Vec<Vec<usize>> = vec![Vec::new(); choice.candidates.len()];
            for &(claim, candidate, _) in &choice.support {
                supporters[candidate].push(claim);
            }
            let estimate = |c: usize| Estimate {
                value: EstimateValue::Written(claims[choice.candidates[c][0]].written().to_owned()),
                claims: ids(&choice.candidates[c]),
                confidence: p[c],
                origins: units_shown(&mut supporters[c].iter().copied()),
            };
            let leading = Estimate {
                confidence: with_spellings[order[0]].min(1.0),
                ..estimate(order[0])
            };
            // A value that can be true together with the leading one (a
            // less precise `>=11,300` beside `11,300`) is not against it: it
            // supports it, or is too vague to oppose it.
            let leading_claim = &claims[choice.candidates[order[0]][0]];
            let supports_leading = |c: usize| {
                choice.candidates[c].iter().all(|&claim| {
                    supporters[order[0]].contains(&claim)
                        || can_both_be_true(&claims[claim], leading_claim)
                })
            };
            let against: Vec<Estimate> = order[1..]
                .iter()
                .filter(|&&c| !supports_leading(c))
                .map(|&c| estimate(c))
                .collect();
            (leading, against, false)
        }
        Question::Members(members) => {
            let chosen: Vec<usize> = (0..members.len()).filter(|&m| p[m] >= 0.5).collect();
            let confidence: f64 = p.iter().map(|&x| x.max(1.0 - x)).product();
            // Set claims and the members each states.
            let mut stated: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
            for (m, member) in members.iter().enumerate() {
                for &i in &member.stating {
                    stated.entry(i).or_default().insert(m);
                }
                for &i in &member.silent {
                    stated.entry(i).or_default();
                }
            }
            let chosen_set: BTreeSet<usize> = chosen.iter().copied().collect();
            let stating: Vec<usize> = stated
                .iter()
                .filter(|(_, set)| **set == chosen_set)
                .map(|(&i, _)| i)
                .collect();
            let supporting = stated
                .iter()
                .filter(|(_, set)| !set.is_empty() && set.is_subset(&chosen_set))
                .map(|(&i, _)| i);
            let leading = Estimate {
                value: EstimateValue::Members(
                    chosen.iter().map(|&m| members[m].written.clone()).collect(),
                ),
                claims: ids(&stating),
                confidence,
                origins: units_shown(&mut supporting.collect::<Vec<_>>().into_iter()),
            };
            let against: Vec<Estimate> = (0..members.len())
                .filter(|&m| p[m] < 0.5)
                .map(|m| Estimate {
                    value: EstimateValue::Members(vec![members[m].written.clone()]),
                    claims: ids(&members[m].stating),
                    confidence: p[m],
                    origins: units_shown(&mut members[m].support.iter().map(|s| s.0)),
                })
                .collect();
            // Left out only by a unit that also names it (two lists of one
            // source) is not disputed.
            let thin = chosen.iter().any(|&m| {
                let naming: BTreeSet<usize> =
                    members[m].support.iter().map(|s| unit_of[s.0]).collect();
                let disputed = members[m]
                    .silent
                    .iter()
                    .any(|&i| !naming.contains(&unit_of[i]));
                disputed && units_shown(&mut members[m].support.iter().map(|s| s.0)).len() < 2
            });
            (leading, against, thin)
        }
    };
    let scripts_split = split_by_script(&fact.question, p);
    let decided = decides(&leading, &against) && !scripts_split && !thin;
    FactConsensus {
        subject: fact.subject.to_owned(),
        attribute: fact.attribute.to_owned(),
        as_of: fact.as_of.clone(),
        claims: ids(&fact.claims),
        origins: units,
        decided,
        scripts_split,
        leading,
        against,
    }
}

/// Whether a set's members left out are all written in one script (Latin
/// or Arabic) and some it keeps in the other: `UAE` voted down beside
/// `الإمارات` is no evidence about the UAE, only about how the lists were
/// written, which registry `values` entries would join (the set check
/// calls such lists `incomparable`).
fn split_by_script(question: &Question, p: &[f64]) -> bool {
    use crate::link::skeleton::Script;
    let Question::Members(members) = question else {
        return false;
    };
    let script_of = |kept: bool| -> BTreeSet<Script> {
        (0..members.len())
            .filter(|&m| (p[m] >= 0.5) == kept)
            .map(|m| Script::of(&members[m].written))
            .collect()
    };
    let left_out = script_of(false);
    let kept = script_of(true);
    match left_out.iter().collect::<Vec<_>>().as_slice() {
        [Script::Latin] => kept.contains(&Script::Arabic),
        [Script::Arabic] => kept.contains(&Script::Latin),
        _ => false,
    }
}
