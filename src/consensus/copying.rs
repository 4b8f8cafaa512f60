//! Copy detection: origins that share values, above all unlikely ones, far
//! more often than independent origins would (Dong, Berti-Equille &
//! Srivastava, "Integrating conflicting data: the role of source
//! dependence", VLDB 2009, section 4).
//!
//! For two origins, on the facts both state: independent origins of
//! accuracies `A1`, `A2` state the same true value with probability
//! `Pt = A1·A2`, the same false value with `Pf = (1 − A1)(1 − A2)/n`, and
//! different values otherwise; an origin copying the other (with
//! probability `c` per fact) states the copied value whatever it is. A
//! shared value counts as true with the probability the first round of the
//! model gives it. The posterior that one copies the other (either way,
//! each with prior `α`) is Bayes' rule over the three hypotheses.
//!
//! One departure: a shared value counts only as far as it is likely false.
//! In Dong et al.'s model a shared true value is weak evidence of copying
//! (`c/A + 1 − c`, 1.2 at their defaults), but weak evidence multiplies:
//! two accurate sources importing one census share hundreds of true values
//! and come out as certain copies, and would then count once. Accurate
//! sources agree because they are accurate; so here a shared value is
//! neutral to the extent it is likely true, and different values still
//! count against copying.
//!
//! - `α = 0.2` and `c = 0.8` are Dong et al.'s defaults (section 6), and
//!   `n` is the model's number of false values ([`super::accu::Params`]).
//! - Detection and the model alternate, as in Dong et al.: the model's
//!   values and trusts (with the groups found so far) feed the next
//!   detection, until the groups stop changing or after
//!   [`super::COPY_ROUNDS`] rounds (one by default: see there why).
//! - Pairs are only examined when they share at least one value the first
//!   round finds more likely false than true (the evidence Dong et al.
//!   build on); a pair of origins agreeing only on likely values is never
//!   suspected.
//! - Two origins that state exactly the same values on the same two facts
//!   or more, claim for claim, and nothing else, are grouped as verbatim copies whatever the
//!   probabilities: the copy adds nothing a reader could weigh. One shared
//!   fact cannot tell a copy from independent agreement, so it never groups.
//!
//! - Two origins whose claims quote the same passage (after quote
//!   normalisation) for the same value on two facts or more are grouped as
//!   reprints whatever the probabilities: a shared sentence is how text
//!   reuse shows (a reprint that adds or drops a fact of its own is no
//!   verbatim copy, and when the copies are the majority their shared
//!   value looks true, so Dong et al.'s evidence never appears). Claims
//!   quoting an official's one statement already share that origin
//!   (`according_to`); a shared quote elsewhere is copied text.
//!
//! Verbatim copies and reprints are derivations of one text, so they join
//! transitively (a copy of a reprint is a copy of the original).
//! Origins joined by a posterior of at least one half (more likely copied
//! than not) on two shared values or more (one shared fact cannot tell a
//! copy from a coincidence, as above) form a group when every two of them
//! are so joined (a clique: a chain of suspicions does not make a group); the model then counts each group as one origin, voting with the
//! mean of its origins' votes.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use super::accu::{Ballots, Estimates, FactBallots};
use super::candidates::Fact;
use crate::check::ClaimFacts;
use crate::text::normalize::quote_key;

/// Dong et al.'s parameters (VLDB 2009, section 6).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CopyParams {
    /// Prior probability that one given origin copies another: 0.2.
    pub prior: f64,
    /// Probability that a copier copies a given value: 0.8.
    pub copy_rate: f64,
    /// False values per fact, as in the model.
    pub false_values: f64,
}

impl Default for CopyParams {
    fn default() -> CopyParams {
        CopyParams {
            prior: 0.2,
            copy_rate: 0.8,
            false_values: 100.0,
        }
    }
}

/// Why two origins were grouped.
#[derive(Debug, Clone, PartialEq)]
pub struct PairEvidence {
    /// Origin indices, `a < b`.
    pub a: usize,
    pub b: usize,
    /// Facts both state a value for.
    pub common_facts: usize,
    /// Facts where they state the same value.
    pub same_values: usize,
    /// Of those, values more likely false than true.
    pub same_unlikely_values: usize,
    /// Posterior probability that one copies the other.
    pub probability: f64,
    /// The same values on every fact either states (two facts at least).
    pub verbatim: bool,
    /// Facts on which both quote the same passage for the same value.
    pub reprinted: usize,
}

impl PairEvidence {
    /// Evidence that does not depend on the model: the same values
    /// everywhere, or the same passages quoted on two facts or more.
    fn is_hard(&self) -> bool {
        self.verbatim || self.reprinted >= 2
    }
}

/// Per pair of origins (`a < b`), the facts on which their claims quote the
/// same passage (compared after [`quote_key`]) for the same value as
/// written. `origin_of`: each claim's origin.
pub fn reprints(
    facts: &[Fact<'_>],
    claims: &[ClaimFacts<'_>],
    origin_of: &[usize],
) -> BTreeMap<(usize, usize), usize> {
    let shared: Vec<(usize, usize)> = facts
        .par_iter()
        .flat_map_iter(|fact| {
            let mut quoted: Vec<(String, &str, usize)> = fact
                .claims
                .iter()
                .filter_map(|&i| {
                    let quote = claims[i].quote()?;
                    Some((quote_key(quote), claims[i].written(), origin_of[i]))
                })
                .collect();
            quoted.sort_unstable();
            quoted.dedup();
            let mut pairs = Vec::new();
            for run in quoted.chunk_by(|x, y| x.0 == y.0 && x.1 == y.1) {
                for (k, x) in run.iter().enumerate() {
                    for y in &run[k + 1..] {
                        pairs.push((x.2.min(y.2), x.2.max(y.2)));
                    }
                }
            }
            // A pair counts a fact once.
            pairs.sort_unstable();
            pairs.dedup();
            pairs
        })
        .collect();
    let mut facts_of: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for pair in shared {
        *facts_of.entry(pair).or_default() += 1;
    }
    facts_of
}

/// What one origin states on one fact: the values its claims support, each
/// with the weight (the bits of the float: two origins state the same
/// value when they support the same values alike, a vague value too), and
/// how likely that is true.
/// The values an origin supports on a fact, with their weights' bits.
type Values = [(usize, u64)];

#[derive(Debug, Clone, PartialEq)]
struct Stated {
    fact: usize,
    /// Its values: `values[start..end]` of its origin.
    start: usize,
    end: usize,
    likely: f64,
}

/// What one origin states, fact by fact, its values in one array.
#[derive(Debug, Clone, Default)]
struct Origin {
    stated: Vec<Stated>,
    values: Vec<(usize, u64)>,
}

impl Origin {
    fn values(&self, s: &Stated) -> &Values {
        &self.values[s.start..s.end]
    }

    fn len(&self) -> usize {
        self.stated.len()
    }
}

/// What every origin states, read once from the origin-level ballots: the
/// values do not depend on the model, only how likely they are does.
pub struct Detector {
    /// Per origin, in fact order.
    stated: Vec<Origin>,
    /// Pairs of verbatim copies: the same (fact, values) list, two facts
    /// or more.
    verbatim: BTreeSet<(usize, usize)>,
    /// Per pair, the facts on which both quote the same passage
    /// ([`reprints`]).
    reprinted: BTreeMap<(usize, usize), usize>,
}

impl Detector {
    pub fn new(
        ballots: &Ballots,
        origins: usize,
        reprinted: BTreeMap<(usize, usize), usize>,
    ) -> Detector {
        // Every fact, even one only this origin states: a verbatim copy must
        // state exactly what the original states, everywhere. Read by runs
        // of facts in parallel as `(origin, fact, values)`, then laid out
        // origin by origin, in fact order.
        let firsts: Vec<usize> = (0..ballots.len()).step_by(4096).collect();
        type Run = (Vec<(u32, u32, u32)>, Vec<(usize, u64)>);
        let runs: Vec<Run> = firsts
            .par_iter()
            .map(|&first| {
                let (mut entries, mut values) = (Vec::new(), Vec::new());
                for f in first..(first + 4096).min(ballots.len()) {
                    let b = ballots.fact(f);
                    for &u in b.units {
                        let start = values.len();
                        for c in 0..b.slots() {
                            let s = b.support(c);
                            if let Ok(at) = s.binary_search_by_key(&u, |v| v.0) {
                                values.push((c, s[at].1.to_bits()));
                            }
                        }
                        if values.len() > start {
                            entries.push((u, f as u32, (values.len() - start) as u32));
                        }
                    }
                }
                (entries, values)
            })
            .collect();
        let mut counts = vec![(0usize, 0usize); origins];
        for (entries, _) in &runs {
            for &(u, _, n) in entries {
                counts[u as usize].0 += 1;
                counts[u as usize].1 += n as usize;
            }
        }
        let mut stated: Vec<Origin> = counts
            .iter()
            .map(|&(facts, values)| Origin {
                stated: Vec::with_capacity(facts),
                values: Vec::with_capacity(values),
            })
            .collect();
        for (entries, values) in &runs {
            let mut at = 0;
            for &(u, f, n) in entries {
                let origin = &mut stated[u as usize];
                let start = origin.values.len();
                origin
                    .values
                    .extend_from_slice(&values[at..at + n as usize]);
                at += n as usize;
                origin.stated.push(Stated {
                    fact: f as usize,
                    start,
                    end: origin.values.len(),
                    likely: 1.0,
                });
            }
        }
        let mut by_list: BTreeMap<Vec<(usize, &Values)>, Vec<usize>> = BTreeMap::new();
        for (u, origin) in stated.iter().enumerate() {
            if origin.len() >= 2 {
                let key = origin
                    .stated
                    .iter()
                    .map(|s| (s.fact, origin.values(s)))
                    .collect();
                by_list.entry(key).or_default().push(u);
            }
        }
        let mut verbatim = BTreeSet::new();
        for holders in by_list.values() {
            for (i, &a) in holders.iter().enumerate() {
                for &b in &holders[i + 1..] {
                    verbatim.insert((a, b));
                }
            }
        }
        Detector {
            stated,
            verbatim,
            reprinted,
        }
    }

    /// Groups of origins (each sorted, groups sorted) and the pairs behind
    /// them.
    ///
    /// With `model` (accuracy per origin, probability per fact and value),
    /// suspects are weighed; without, only verbatim copies are grouped
    /// (they do not depend on the model, so the first round already counts
    /// them once).
    pub fn detect(
        &mut self,
        ballots: &Ballots,
        model: Option<(&[f64], &Estimates)>,
        params: &CopyParams,
    ) -> (Vec<Vec<usize>>, Vec<PairEvidence>) {
        let origins = self.stated.len();
        let neutral: Vec<f64> = vec![0.8; origins];
        let (accuracy, probability): (&[f64], Option<&Estimates>) = match model {
            Some((accuracy, probability)) => (accuracy, Some(probability)),
            None => (&neutral, None),
        };
        let mut suspects: BTreeSet<(usize, usize)> = BTreeSet::new();
        if let Some(probability) = probability {
            self.stated.par_iter_mut().for_each(|origin| {
                let Origin { stated, values } = origin;
                for s in stated.iter_mut() {
                    let own = &values[s.start..s.end];
                    s.likely = likely(ballots.fact(s.fact), probability.of(s.fact), own);
                }
            });
            // Suspects: pairs sharing a value more likely false than true.
            let mut sharing: Vec<((usize, &Values), usize)> = Vec::new();
            for (u, origin) in self.stated.iter().enumerate() {
                for s in origin.stated.iter().filter(|s| s.likely < 0.5) {
                    sharing.push(((s.fact, origin.values(s)), u));
                }
            }
            sharing.par_sort_unstable();
            for holders in sharing.chunk_by(|x, y| x.0 == y.0) {
                for (i, &(_, a)) in holders.iter().enumerate() {
                    for &(_, b) in &holders[i + 1..] {
                        suspects.insert((a, b));
                    }
                }
            }
        } else {
            // Without a model every value counts as true: a set is likely
            // when it lists every member, a choice always.
            for origin in &mut self.stated {
                for s in origin.stated.iter_mut() {
                    let b = ballots.fact(s.fact);
                    s.likely = match b.members && s.end - s.start < b.slots() {
                        true => 0.0,
                        false => 1.0,
                    };
                }
            }
        }
        let stated = &self.stated;
        let reprinted = &self.reprinted;
        let mut pairs: BTreeSet<(usize, usize)> = suspects;
        pairs.extend(self.verbatim.iter().copied());
        pairs.extend(
            reprinted
                .iter()
                .filter(|&(_, &facts)| facts >= 2)
                .map(|(&pair, _)| pair),
        );
        // Pairs weighed in parallel, kept in pair order.
        let pairs: Vec<(usize, usize)> = pairs.into_iter().collect();
        let evidence: Vec<PairEvidence> = pairs
            .par_iter()
            .map(|&(a, b)| {
                let mut e = pair_evidence(stated, accuracy, a, b, params);
                e.reprinted = reprinted.get(&(a, b)).copied().unwrap_or(0);
                e
            })
            // One shared fact cannot tell a copy from a coincidence.
            .filter(|e| {
                e.is_hard() || (probability.is_some() && e.probability >= 0.5 && e.same_values >= 2)
            })
            .collect();
        // Copies of one text, whichever way they are linked.
        let mut text_of: Vec<usize> = (0..origins).collect();
        fn root(text_of: &mut [usize], mut o: usize) -> usize {
            while text_of[o] != o {
                text_of[o] = text_of[text_of[o]];
                o = text_of[o];
            }
            o
        }
        for e in evidence.iter().filter(|e| e.is_hard()) {
            let (ra, rb) = (root(&mut text_of, e.a), root(&mut text_of, e.b));
            text_of[ra.max(rb)] = ra.min(rb);
        }
        let text_of: Vec<usize> = (0..origins).map(|o| root(&mut text_of, o)).collect();
        // Groups are cliques: two groups merge only when every origin of one
        // has evidence of copying with every origin of the other, so a chain of
        // pairs (a copies b, b copies c) never joins origins with no evidence
        // between them. Pairs are taken strongest first, ties by origin.
        let joined: BTreeSet<(usize, usize)> = evidence.iter().map(|e| (e.a, e.b)).collect();
        let joined =
            |x: usize, y: usize| text_of[x] == text_of[y] || joined.contains(&(x.min(y), x.max(y)));
        let mut order: Vec<&PairEvidence> = evidence.iter().collect();
        order.sort_by(|x, y| {
            y.is_hard()
                .cmp(&x.is_hard())
                .then(y.probability.total_cmp(&x.probability))
                .then((x.a, x.b).cmp(&(y.a, y.b)))
        });
        let mut group_of: BTreeMap<usize, usize> = BTreeMap::new();
        let mut members: Vec<Vec<usize>> = Vec::new();
        for e in order {
            let (ga, gb) = (group_of.get(&e.a).copied(), group_of.get(&e.b).copied());
            let left = ga.map_or_else(|| vec![e.a], |g| members[g].clone());
            let right = gb.map_or_else(|| vec![e.b], |g| members[g].clone());
            if ga.is_some() && ga == gb {
                continue;
            }
            let clique = left.iter().all(|&x| right.iter().all(|&y| joined(x, y)));
            if !clique {
                continue;
            }
            let target = match (ga, gb) {
                (Some(g), _) | (None, Some(g)) => g,
                (None, None) => {
                    members.push(Vec::new());
                    members.len() - 1
                }
            };
            let mut all: Vec<usize> = left.into_iter().chain(right).collect();
            all.sort_unstable();
            all.dedup();
            for other in [ga, gb].into_iter().flatten() {
                if other != target {
                    members[other].clear();
                }
            }
            for &o in &all {
                group_of.insert(o, target);
            }
            members[target] = all;
        }
        let mut groups: Vec<Vec<usize>> = members.into_iter().filter(|g| !g.is_empty()).collect();
        groups.sort();
        // Only the evidence inside a group is reported.
        let evidence = evidence
            .into_iter()
            .filter(|e| group_of.contains_key(&e.a) && group_of.get(&e.a) == group_of.get(&e.b))
            .collect();
        (groups, evidence)
    }
}

/// How likely an origin's values on a fact are true: for a set, that the
/// members are exactly those it lists; for a choice, that the truth is one
/// of the values it supports.
fn likely(b: FactBallots<'_>, p: &[f64], values: &Values) -> f64 {
    if b.members {
        let mut listed = values.iter().map(|v| v.0).peekable();
        (0..p.len())
            .map(|m| {
                if listed.peek() == Some(&m) {
                    listed.next();
                    p[m]
                } else {
                    1.0 - p[m]
                }
            })
            .product()
    } else {
        values.iter().map(|&(c, _)| p[c]).sum::<f64>().min(1.0)
    }
}

fn pair_evidence(
    stated: &[Origin],
    accuracy: &[f64],
    a: usize,
    b: usize,
    params: &CopyParams,
) -> PairEvidence {
    let (aa, ab) = (accuracy[a], accuracy[b]);
    let n = params.false_values;
    let c = params.copy_rate;
    let pt = aa * ab;
    let pf = (1.0 - aa) * (1.0 - ab) / n;
    let pd = (1.0 - pt - pf).max(1e-12);
    // Log-likelihoods: independent, a copies b, b copies a.
    let (mut independent, mut a_copies, mut b_copies) = (0.0f64, 0.0f64, 0.0f64);
    let (mut common, mut same, mut unlikely) = (0, 0, 0);
    let (oa, ob) = (&stated[a], &stated[b]);
    let (sa, sb) = (&oa.stated, &ob.stated);
    let (mut i, mut j) = (0, 0);
    while i < sa.len() && j < sb.len() {
        match sa[i].fact.cmp(&sb[j].fact) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                if oa.values(&sa[i]) == ob.values(&sb[j]) {
                    same += 1;
                    let p = sa[i].likely;
                    if p < 0.5 {
                        unlikely += 1;
                    }
                    // A likely-true value shared is neutral (see the
                    // module doc); a likely-false one is Dong et al.'s
                    // evidence, weighted by how likely false it is.
                    let copied = |original: f64| {
                        p * pt + (1.0 - p) * ((1.0 - original) * c + pf * (1.0 - c))
                    };
                    independent += (p * pt + (1.0 - p) * pf).ln();
                    a_copies += copied(ab).ln();
                    b_copies += copied(aa).ln();
                } else {
                    independent += pd.ln();
                    a_copies += (pd * (1.0 - c)).ln();
                    b_copies += (pd * (1.0 - c)).ln();
                }
                i += 1;
                j += 1;
            }
        }
    }
    let alpha = params.prior;
    let terms = [
        (1.0 - 2.0 * alpha).ln() + independent,
        alpha.ln() + a_copies,
        alpha.ln() + b_copies,
    ];
    let top = terms.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let total: f64 = terms.iter().map(|t| (t - top).exp()).sum();
    let probability = 1.0 - (terms[0] - top).exp() / total;
    PairEvidence {
        a,
        b,
        common_facts: common,
        same_values: same,
        same_unlikely_values: unlikely,
        probability,
        verbatim: sa.len() >= 2 && sa.len() == sb.len() && same == common && common == sa.len(),
        reprinted: 0,
    }
}
