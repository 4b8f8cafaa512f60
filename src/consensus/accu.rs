//! The iterative model: each fact's most likely value from the trust of the
//! origins behind it, and each origin's trust from how often its values are
//! likely, until they agree (Accu, Dong, Berti-Equille & Srivastava, VLDB
//! 2009, section 3).
//!
//! A voting unit is an origin, or a group of origins copy detection joined
//! ([`super::copying`]): one unit votes once per value, with the largest
//! weight any of its claims gives that value ([`super::candidates`]).
//!
//! - **Vote count** of a unit of accuracy `A`: `ln(n·A / (1 − A))`, with
//!   `n` the number of false values a fact can take (Accu, eq. 4), floored
//!   at 0: a unit no better than chance does not vote.
//! - **Value probability** in a single-valued fact: `exp(C(v))`, with `C(v)`
//!   the weighted vote counts behind `v`, normalised over the stated values
//!   and one alternative standing for every unstated value (Accu normalises
//!   over the whole domain; its `n` unstated values, each of count 0, are
//!   one alternative here so that a value every claim states is not made
//!   unlikely by the size of the domain).
//! - **Member probability** in a set: the odds of "a member" against "not a
//!   member" are the vote counts of the units listing it against those of
//!   the units silent about it, each silent vote scaled by that unit's
//!   sensitivity (the share of likely members it lists), as the Latent
//!   Truth Model separates a source's false negatives from its false
//!   positives (Zhao, Rubinstein, Gemmell & Han, VLDB 2012).
//! - **Accuracy** of a unit: the mean probability that its claims are true
//!   (a claim is true when the truth lies in its reading: a vague claim is
//!   right more easily, and votes less), over the facts where at least two
//!   units vote, with a Beta prior worth [`Params::prior_weight`] facts at
//!   [`Params::initial_accuracy`]: the first facts of a unit move its trust
//!   a little, many facts move it to what they show.

use rayon::prelude::*;

use super::candidates::{Fact, Question};

/// The model's parameters. Every default comes from the literature or is
/// a neutral prior; none was chosen by looking at any gold answers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// False values per fact: 100, as in the experiments of Dong et al.
    /// (VLDB 2009, section 6: `n = 100`).
    pub false_values: f64,
    /// Trust of a unit before any evidence: 0.8, Dong et al.'s initial
    /// accuracy (`ε = 0.2`), also TruthFinder's initial trustworthiness
    /// (Yin, Han & Yu, KDD 2007: `t0 = 0.9` is close; Accu's value is used).
    pub initial_accuracy: f64,
    /// How many facts the prior on accuracy weighs: 2, the weight of a
    /// uniform Beta(1, 1) prior (Laplace smoothing), so a unit seen on one
    /// fact keeps a third of its trust from the prior.
    pub prior_weight: f64,
    /// Sensitivity before evidence: 0.5, the uninformative value (a silent
    /// unit counts half against a member until its habits are known).
    pub initial_sensitivity: f64,
    /// Iterations at most; Accu converges in a few (Dong et al., section 3.3).
    pub max_iterations: usize,
    /// Stop when no accuracy moves by more than this.
    pub tolerance: f64,
}

impl Default for Params {
    fn default() -> Params {
        Params {
            false_values: 100.0,
            initial_accuracy: 0.8,
            prior_weight: 2.0,
            initial_sensitivity: 0.5,
            max_iterations: 50,
            tolerance: 1e-6,
        }
    }
}

/// A fact's ballots by unit: who votes for what, with which weight.
#[derive(Debug, Clone, Default)]
pub struct Ballots {
    /// Distinct units voting in the fact, sorted.
    pub units: Vec<usize>,
    /// Per candidate (or member): `(unit, weight)`, units sorted.
    pub support: Vec<Vec<(usize, f64)>>,
    /// Per member: `(unit, share of its origins silent about it)` (empty
    /// for a choice).
    pub silent: Vec<Vec<(usize, f64)>>,
    pub members: bool,
}

impl Ballots {
    /// The ballots of `fact` when claim `i` rests on origin `origin_of[i]`
    /// and votes in unit `unit_of[i]`. An origin gives a value the largest
    /// weight any of its claims gives it; a unit of several origins (a
    /// copy group) votes as one origin: the mean of its origins' weights
    /// over those of its origins that vote in the fact.
    pub fn of(fact: &Fact<'_>, origin_of: &[usize], unit_of: &[usize]) -> Ballots {
        let mut voters: Vec<(usize, usize)> = claims_of(fact)
            .into_iter()
            .map(|i| (unit_of[i], origin_of[i]))
            .collect();
        voters.sort_unstable();
        voters.dedup();
        let mut units: Vec<usize> = voters.iter().map(|v| v.0).collect();
        units.dedup();
        // Per unit (as in `units`): how many of its origins vote here.
        let mut origins_present = vec![0.0f64; units.len()];
        for v in &voters {
            if let Ok(at) = units.binary_search(&v.0) {
                origins_present[at] += 1.0;
            }
        }
        let present = |unit: usize| match units.binary_search(&unit) {
            Ok(at) => origins_present[at],
            Err(_) => 1.0,
        };
        // (claim, weight) pairs → (unit, mean weight over its present origins).
        let by_unit = |pairs: &mut dyn Iterator<Item = (usize, f64)>| {
            let mut best: Vec<((usize, usize), f64)> = pairs
                .map(|(i, w)| ((unit_of[i], origin_of[i]), w))
                .collect();
            best.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
            best.dedup_by_key(|(voter, _)| *voter);
            let mut votes: Vec<(usize, f64)> = Vec::new();
            for ((unit, _), w) in best {
                match votes.last_mut() {
                    Some(last) if last.0 == unit => last.1 += w,
                    _ => votes.push((unit, w)),
                }
            }
            for vote in &mut votes {
                vote.1 /= present(vote.0);
            }
            votes
        };
        match &fact.question {
            Question::Choice(choice) => {
                // Each candidate's (claim, weight) pairs, in support order.
                let mut by_candidate: Vec<Vec<(usize, f64)>> =
                    vec![Vec::new(); choice.candidates.len()];
                for &(i, c, w) in &choice.support {
                    by_candidate[c].push((i, w));
                }
                let support = by_candidate
                    .into_iter()
                    .map(|pairs| by_unit(&mut pairs.into_iter()))
                    .collect();
                Ballots {
                    units,
                    support,
                    silent: Vec::new(),
                    members: false,
                }
            }
            Question::Members(members) => {
                let support: Vec<Vec<(usize, f64)>> = members
                    .iter()
                    .map(|m| by_unit(&mut m.support.iter().copied()))
                    .collect();
                // Silent: the share of a unit's origins that list nothing
                // compatible with the member (an origin listing it in one
                // claim is not silent about it in another).
                let silent = members
                    .iter()
                    .map(|m| {
                        let listing: Vec<(usize, usize)> = {
                            let mut l: Vec<(usize, usize)> = m
                                .support
                                .iter()
                                .map(|&(i, _)| (unit_of[i], origin_of[i]))
                                .collect();
                            l.sort_unstable();
                            l.dedup();
                            l
                        };
                        let mut silent: Vec<(usize, usize)> = m
                            .silent
                            .iter()
                            .map(|&i| (unit_of[i], origin_of[i]))
                            .filter(|v| listing.binary_search(v).is_err())
                            .collect();
                        silent.sort_unstable();
                        silent.dedup();
                        let mut shares: Vec<(usize, f64)> = Vec::new();
                        for (unit, _) in silent {
                            match shares.last_mut() {
                                Some(last) if last.0 == unit => last.1 += 1.0,
                                _ => shares.push((unit, 1.0)),
                            }
                        }
                        for share in &mut shares {
                            share.1 /= present(share.0);
                        }
                        shares
                    })
                    .collect();
                Ballots {
                    units,
                    support,
                    silent,
                    members: true,
                }
            }
        }
    }
}

/// Every readable claim of a fact that votes.
pub(super) fn claims_of(fact: &Fact<'_>) -> Vec<usize> {
    match &fact.question {
        Question::Choice(choice) => choice.support.iter().map(|s| s.0).collect(),
        Question::Members(members) => members
            .iter()
            .flat_map(|m| {
                m.support
                    .iter()
                    .map(|s| s.0)
                    .chain(m.silent.iter().copied())
            })
            .collect(),
    }
}

/// What the model concludes.
#[derive(Debug, Clone)]
pub struct Estimates {
    /// Per unit.
    pub accuracy: Vec<f64>,
    pub sensitivity: Vec<f64>,
    /// Per unit: facts with two units or more it votes in.
    pub facts: Vec<usize>,
    /// Per fact, per candidate (choice) or per member (set): its probability.
    pub probability: Vec<Vec<f64>>,
    pub iterations: usize,
}

/// Runs the model over `ballots` with `units` voting units.
///
/// Only facts where two units or more vote move trust; the others (most
/// facts, at scale) are computed once, from the trust of the last round.
pub fn estimate<B>(ballots: &[B], units: usize, params: &Params) -> Estimates
where
    B: std::borrow::Borrow<Ballots> + Sync,
{
    let disputed: Vec<&Ballots> = ballots
        .iter()
        .map(|b| b.borrow())
        .filter(|b| b.units.len() >= 2)
        .collect();
    let mut accuracy = vec![params.initial_accuracy; units];
    let mut sensitivity = vec![params.initial_sensitivity; units];
    let mut votes: Vec<f64> = Vec::new();
    let mut used_sensitivity = sensitivity.clone();
    // Buffers kept across iterations: each round rewrites them in place.
    let mut probability: Vec<Vec<f64>> = vec![Vec::new(); disputed.len()];
    let mut correct: Vec<Vec<(usize, f64)>> = vec![Vec::new(); disputed.len()];
    let mut facts = vec![0usize; units];
    let mut iterations = 0;
    for _ in 0..params.max_iterations.max(1) {
        iterations += 1;
        votes = accuracy
            .iter()
            .map(|&a| vote_count(a, params.false_values))
            .collect();
        disputed
            .par_iter()
            .zip(probability.par_iter_mut())
            .zip(correct.par_iter_mut())
            .for_each(|((b, p), c)| {
                *p = probabilities(b, &votes, &sensitivity);
                correctness_all(b, p, c);
            });
        let (next_accuracy, next_sensitivity, seen) =
            update(&disputed, &probability, &correct, units, params);
        let moved = accuracy
            .iter()
            .zip(&next_accuracy)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        accuracy = next_accuracy;
        used_sensitivity = std::mem::replace(&mut sensitivity, next_sensitivity);
        facts = seen;
        if moved < params.tolerance {
            break;
        }
    }
    // Every fact's probabilities from the trust the last round used.
    let mut disputed_probability = probability.into_iter();
    let mut probability: Vec<Vec<f64>> = ballots
        .iter()
        .map(|b| match b.borrow().units.len() >= 2 {
            true => disputed_probability.next().unwrap_or_default(),
            false => Vec::new(),
        })
        .collect();
    probability
        .par_iter_mut()
        .zip(ballots.par_iter())
        .filter(|(_, b)| b.borrow().units.len() < 2)
        .for_each(|(p, b)| *p = probabilities(b.borrow(), &votes, &used_sensitivity));
    Estimates {
        accuracy,
        sensitivity,
        facts,
        probability,
        iterations,
    }
}

/// Accu's vote count of a unit of accuracy `a`, floored at 0.
pub fn vote_count(a: f64, false_values: f64) -> f64 {
    let a = a.clamp(1e-9, 1.0 - 1e-9);
    (false_values * a / (1.0 - a)).ln().max(0.0)
}

fn probabilities(ballots: &Ballots, votes: &[f64], sensitivity: &[f64]) -> Vec<f64> {
    let counts: Vec<f64> = ballots
        .support
        .iter()
        .map(|support| support.iter().map(|&(u, w)| w * votes[u]).sum())
        .collect();
    if ballots.members {
        counts
            .iter()
            .zip(&ballots.silent)
            .map(|(&yes, silent)| {
                let no: f64 = silent
                    .iter()
                    .map(|&(u, share)| share * sensitivity[u] * votes[u])
                    .sum();
                1.0 / (1.0 + (no - yes).exp())
            })
            .collect()
    } else {
        // The unstated alternative has count 0.
        let top = counts.iter().copied().fold(0.0, f64::max);
        let unstated = (-top).exp();
        let total: f64 = counts.iter().map(|c| (c - top).exp()).sum::<f64>() + unstated;
        counts.iter().map(|c| (c - top).exp() / total).collect()
    }
}

/// The probability that unit `u`'s vote in a fact is right: for a choice,
/// that the truth is a value its claims allow; for a set, the mean
/// probability of the members it lists (weighted by how fully).
pub fn correctness(ballots: &Ballots, probability: &[f64], unit: usize) -> Option<f64> {
    let mut sum = 0.0;
    let mut weight = 0.0;
    for (c, support) in ballots.support.iter().enumerate() {
        if let Ok(at) = support.binary_search_by_key(&unit, |s| s.0) {
            if ballots.members {
                let w = support[at].1;
                sum += w * probability[c];
                weight += w;
            } else {
                sum += probability[c];
                weight = 1.0;
            }
        }
    }
    (weight > 0.0).then(|| (sum / weight).min(1.0))
}

type Updated = (Vec<f64>, Vec<f64>, Vec<usize>);

/// [`correctness`] of every unit of a fact, in one pass over its ballots
/// (the same sums in the same order).
fn correctness_all(ballots: &Ballots, probability: &[f64], out: &mut Vec<(usize, f64)>) {
    let n = ballots.units.len();
    let mut sum = vec![0.0; n];
    let mut weight = vec![0.0; n];
    for (c, support) in ballots.support.iter().enumerate() {
        for &(unit, w) in support {
            let Ok(at) = ballots.units.binary_search(&unit) else {
                continue;
            };
            if ballots.members {
                sum[at] += w * probability[c];
                weight[at] += w;
            } else {
                sum[at] += probability[c];
                weight[at] = 1.0;
            }
        }
    }
    out.clear();
    out.extend(
        (0..n)
            .filter(|&at| weight[at] > 0.0)
            .map(|at| (ballots.units[at], (sum[at] / weight[at]).min(1.0))),
    );
}

fn update(
    ballots: &[&Ballots],
    probability: &[Vec<f64>],
    correct: &[Vec<(usize, f64)>],
    units: usize,
    params: &Params,
) -> Updated {
    let mut right = vec![0.0; units];
    let mut seen = vec![0usize; units];
    let mut listed = vec![0.0; units];
    let mut likely = vec![0.0; units];
    for ((b, p), correct) in ballots.iter().zip(probability).zip(correct) {
        for &(u, c) in correct {
            right[u] += c;
            seen[u] += 1;
        }
        if b.members {
            for (m, support) in b.support.iter().enumerate() {
                for &(u, _) in support {
                    listed[u] += p[m];
                    likely[u] += p[m];
                }
                for &(u, _) in &b.silent[m] {
                    likely[u] += p[m];
                }
            }
        }
    }
    let k = params.prior_weight;
    let accuracy = (0..units)
        .map(|u| (right[u] + k * params.initial_accuracy) / (seen[u] as f64 + k))
        .collect();
    let sensitivity = (0..units)
        .map(|u| (listed[u] + k * params.initial_sensitivity) / (likely[u] + k))
        .collect();
    (accuracy, sensitivity, seen)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choice(support: Vec<Vec<(usize, f64)>>) -> Ballots {
        let mut units: Vec<usize> = support.iter().flatten().map(|s| s.0).collect();
        units.sort_unstable();
        units.dedup();
        Ballots {
            units,
            support,
            silent: Vec::new(),
            members: false,
        }
    }

    #[test]
    fn one_each_way_is_near_even() {
        let ballots = [choice(vec![vec![(0, 1.0)], vec![(1, 1.0)]])];
        let estimates = estimate(&ballots, 2, &Params::default());
        let p = &estimates.probability[0];
        assert!(
            (p[0] - 0.5).abs() < 0.01 && (p[1] - 0.5).abs() < 0.01,
            "{p:?}"
        );
    }

    #[test]
    fn agreement_is_confident() {
        let ballots = [choice(vec![vec![(0, 1.0), (1, 1.0)]])];
        let estimates = estimate(&ballots, 2, &Params::default());
        assert!(estimates.probability[0][0] > 0.99);
    }
}
