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

/// Where one fact's ballots lie in the flat arrays of [`Ballots`].
#[derive(Debug, Clone, Copy, Default)]
struct FactSpan {
    /// In its run's `units`.
    units: Span,
    /// In its run's `slots`: its candidates (choice) or members (set).
    slots: Span,
    members: bool,
}

/// Where one candidate's (or member's) ballots lie.
#[derive(Debug, Clone, Copy, Default)]
struct SlotSpan {
    support: Span,
    silent: Span,
}

/// `start..end` in one of the flat arrays (a `Range` that is `Copy`).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Span {
    start: u32,
    end: u32,
}

impl Span {
    fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Every fact's ballots by unit, in a few flat arrays (a fact's are ranges
/// of them, as in a compressed sparse row matrix): who votes for what,
/// with which weight. Built once per grouping of origins; the model's
/// iterations only read them, so a round allocates nothing per fact.
///
/// The arrays come in runs of [`RUN`] facts, each built (and later read)
/// by one task: runs are not laid end to end, which at a million claims
/// would copy every ballot once more into fresh memory.
#[derive(Debug, Clone, Default)]
pub struct Ballots {
    runs: Vec<BallotRun>,
    /// Per run: the slots the runs before it hold (last: all of them).
    slots_before: Vec<usize>,
    /// The same for voting units.
    units_before: Vec<usize>,
    facts: usize,
}

/// The ballots of [`RUN`] consecutive facts (fewer in the last run).
#[derive(Debug, Clone, Default)]
struct BallotRun {
    facts: Vec<FactSpan>,
    /// Per fact: the distinct units voting in it, sorted.
    units: Vec<u32>,
    slots: Vec<SlotSpan>,
    /// Per slot: `(unit, weight)`, units sorted.
    support: Vec<(u32, f64)>,
    /// Per member: `(unit, share of its origins silent about it)`.
    silent: Vec<(u32, f64)>,
}

/// Facts per run of [`Ballots`] (and per parallel task of the model).
const RUN: usize = 2048;

/// One fact's ballots, read from [`Ballots`].
#[derive(Debug, Clone, Copy)]
pub struct FactBallots<'b> {
    /// Distinct units voting in the fact, sorted.
    pub units: &'b [u32],
    pub members: bool,
    slots: &'b [SlotSpan],
    support: &'b [(u32, f64)],
    silent: &'b [(u32, f64)],
}

impl<'b> FactBallots<'b> {
    /// Candidates (choice) or members (set).
    pub fn slots(&self) -> usize {
        self.slots.len()
    }

    /// Slot `c`'s `(unit, weight)`, units sorted.
    pub fn support(&self, c: usize) -> &'b [(u32, f64)] {
        &self.support[self.slots[c].support.range()]
    }

    /// Member `m`'s `(unit, share silent)`; empty for a choice.
    pub fn silent(&self, m: usize) -> &'b [(u32, f64)] {
        &self.silent[self.slots[m].silent.range()]
    }
}

/// Buffers one fact's ballots are worked out in, kept from fact to fact.
#[derive(Default)]
struct Scratch {
    voters: Vec<(u32, u32)>,
    present: Vec<f64>,
    /// `(slot, (unit, origin), weight)`.
    votes: Vec<(u32, (u32, u32), f64)>,
    listing: Vec<(u32, u32)>,
    silent: Vec<(u32, u32)>,
}

impl Ballots {
    /// The ballots of `facts` when claim `i` rests on origin `origin_of[i]`
    /// and votes in unit `unit_of[i]`. An origin gives a value the largest
    /// weight any of its claims gives it; a unit of several origins (a
    /// copy group) votes as one origin: the mean of its origins' weights
    /// over those of its origins that vote in the fact.
    pub fn build(facts: &[Fact<'_>], origin_of: &[usize], unit_of: &[usize]) -> Ballots {
        let runs: Vec<BallotRun> = facts
            .par_chunks(RUN)
            .map(|facts| {
                let mut run = BallotRun::default();
                let mut scratch = Scratch::default();
                for fact in facts {
                    run.push(fact, origin_of, unit_of, &mut scratch);
                }
                run
            })
            .collect();
        Ballots::of_runs(runs)
    }

    fn of_runs(runs: Vec<BallotRun>) -> Ballots {
        let (mut slots_before, mut units_before) = (Vec::new(), Vec::new());
        let (mut slots, mut units, mut facts) = (0, 0, 0);
        for run in &runs {
            slots_before.push(slots);
            units_before.push(units);
            slots += run.slots.len();
            units += run.units.len();
            facts += run.facts.len();
        }
        slots_before.push(slots);
        units_before.push(units);
        Ballots {
            runs,
            slots_before,
            units_before,
            facts,
        }
    }

    /// How many facts.
    pub fn len(&self) -> usize {
        self.facts
    }

    pub fn is_empty(&self) -> bool {
        self.facts == 0
    }

    /// Fact `f`'s ballots.
    pub fn fact(&self, f: usize) -> FactBallots<'_> {
        self.runs[f / RUN].fact(f % RUN)
    }

    /// Where fact `f`'s slots lie among all facts' (in the order of
    /// [`Estimates::probability`]).
    pub fn slot_range(&self, f: usize) -> std::ops::Range<usize> {
        let range = self.runs[f / RUN].facts[f % RUN].slots.range();
        let before = self.slots_before[f / RUN];
        range.start + before..range.end + before
    }

    /// Where fact `f`'s voting units lie among all facts'.
    fn unit_range(&self, f: usize) -> std::ops::Range<usize> {
        let range = self.runs[f / RUN].facts[f % RUN].units.range();
        let before = self.units_before[f / RUN];
        range.start + before..range.end + before
    }

    /// Slots of all facts.
    pub fn slot_count(&self) -> usize {
        self.slots_before[self.runs.len()]
    }

    /// Voting units of all facts (a unit counted in each fact it votes in).
    fn unit_count(&self) -> usize {
        self.units_before[self.runs.len()]
    }
}

impl BallotRun {
    fn fact(&self, f: usize) -> FactBallots<'_> {
        let span = self.facts[f];
        FactBallots {
            units: &self.units[span.units.range()],
            members: span.members,
            slots: &self.slots[span.slots.range()],
            support: &self.support,
            silent: &self.silent,
        }
    }

    fn push(&mut self, fact: &Fact<'_>, origin_of: &[usize], unit_of: &[usize], s: &mut Scratch) {
        let voter = |i: usize| (unit_of[i] as u32, origin_of[i] as u32);
        s.voters.clear();
        s.voters.extend(claims_of(fact).map(voter));
        s.voters.sort_unstable();
        s.voters.dedup();
        let units_start = self.units.len();
        // Per unit (as in `units`): how many of its origins vote here.
        s.present.clear();
        for &(unit, _) in &s.voters {
            if self.units.len() > units_start && self.units.last() == Some(&unit) {
                if let Some(last) = s.present.last_mut() {
                    *last += 1.0;
                }
            } else {
                self.units.push(unit);
                s.present.push(1.0);
            }
        }
        let units = &self.units[units_start..];
        let present = |unit: u32| match units.binary_search(&unit) {
            Ok(at) => s.present[at],
            Err(_) => 1.0,
        };
        // Every (slot, voter, weight), then per slot each voter's largest
        // weight, summed per unit (origins in order) over its present
        // origins.
        s.votes.clear();
        let members = match &fact.question {
            Question::Choice(choice) => {
                s.votes.extend(
                    choice
                        .support
                        .iter()
                        .map(|&(i, c, w)| (c as u32, voter(i), w)),
                );
                false
            }
            Question::Members(members) => {
                for (m, member) in members.iter().enumerate() {
                    s.votes
                        .extend(member.support.iter().map(|&(i, w)| (m as u32, voter(i), w)));
                }
                true
            }
        };
        s.votes
            .sort_unstable_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)).then(b.2.total_cmp(&a.2)));
        s.votes.dedup_by_key(|vote| (vote.0, vote.1));
        let slots = match &fact.question {
            Question::Choice(choice) => choice.candidates.len(),
            Question::Members(members) => members.len(),
        };
        let slots_start = self.slots.len();
        let mut votes = s.votes.iter().peekable();
        for c in 0..slots {
            let start = self.support.len();
            while let Some(&&(slot, (unit, _), w)) = votes.peek() {
                if slot as usize != c {
                    break;
                }
                votes.next();
                match self.support[start..].last_mut() {
                    Some(last) if last.0 == unit => last.1 += w,
                    _ => self.support.push((unit, w)),
                }
            }
            for vote in &mut self.support[start..] {
                vote.1 /= present(vote.0);
            }
            let silent_start = self.silent.len();
            if let Question::Members(members) = &fact.question {
                // Silent: the share of a unit's origins that list nothing
                // compatible with the member (an origin listing it in one
                // claim is not silent about it in another).
                let member = &members[c];
                s.listing.clear();
                s.listing
                    .extend(member.support.iter().map(|&(i, _)| voter(i)));
                s.listing.sort_unstable();
                s.listing.dedup();
                s.silent.clear();
                s.silent.extend(
                    member
                        .silent
                        .iter()
                        .map(|&i| voter(i))
                        .filter(|v| s.listing.binary_search(v).is_err()),
                );
                s.silent.sort_unstable();
                s.silent.dedup();
                for &(unit, _) in &s.silent {
                    match self.silent[silent_start..].last_mut() {
                        Some(last) if last.0 == unit => last.1 += 1.0,
                        _ => self.silent.push((unit, 1.0)),
                    }
                }
                for share in &mut self.silent[silent_start..] {
                    share.1 /= present(share.0);
                }
            }
            self.slots.push(SlotSpan {
                support: Span::new(start, self.support.len()),
                silent: Span::new(silent_start, self.silent.len()),
            });
        }
        self.facts.push(FactSpan {
            units: Span::new(units_start, self.units.len()),
            slots: Span::new(slots_start, self.slots.len()),
            members,
        });
    }
}

/// Every readable claim of a fact that votes.
pub(super) fn claims_of<'f>(fact: &'f Fact<'_>) -> impl Iterator<Item = usize> + 'f {
    let (choice, members) = match &fact.question {
        Question::Choice(choice) => (choice.support.as_slice(), &[][..]),
        Question::Members(members) => (&[][..], members.as_slice()),
    };
    choice
        .iter()
        .map(|s| s.0)
        .chain(members.iter().flat_map(|m| {
            m.support
                .iter()
                .map(|s| s.0)
                .chain(m.silent.iter().copied())
        }))
}

/// What the model concludes.
#[derive(Debug, Clone)]
pub struct Estimates {
    /// Per unit.
    pub accuracy: Vec<f64>,
    pub sensitivity: Vec<f64>,
    /// Per unit: facts with two units or more it votes in.
    pub facts: Vec<usize>,
    /// Per fact, per candidate (choice) or per member (set): its
    /// probability, fact after fact ([`Estimates::of`]).
    pub probability: Vec<f64>,
    /// Where each fact's probabilities start, and where the last ends.
    starts: Vec<u32>,
    pub iterations: usize,
}

impl Estimates {
    /// Fact `f`'s probabilities, per candidate or member.
    pub fn of(&self, f: usize) -> &[f64] {
        &self.probability[self.starts[f] as usize..self.starts[f + 1] as usize]
    }
}

/// Runs `each` on every fact of `ballots` with its slice of `probability`
/// (one value per slot) and of `correct` (one per voting unit), and a
/// buffer kept between facts; each run of facts in parallel.
fn for_each_fact<F>(
    ballots: &Ballots,
    probability: &mut [f64],
    correct: &mut [Option<f64>],
    each: F,
) where
    F: Fn(FactBallots<'_>, &mut [f64], &mut [Option<f64>], &mut Vec<(f64, f64)>) + Sync,
{
    let mut tasks = Vec::with_capacity(ballots.runs.len());
    let (mut probability, mut correct) = (probability, correct);
    for run in &ballots.runs {
        let (p, rest_p) = std::mem::take(&mut probability).split_at_mut(run.slots.len());
        let (c, rest_c) = std::mem::take(&mut correct).split_at_mut(run.units.len());
        (probability, correct) = (rest_p, rest_c);
        tasks.push((run, p, c));
    }
    tasks.into_par_iter().for_each(|(run, p, c)| {
        let mut scratch = Vec::new();
        for (f, span) in run.facts.iter().enumerate() {
            each(
                run.fact(f),
                &mut p[span.slots.range()],
                &mut c[span.units.range()],
                &mut scratch,
            );
        }
    });
}

/// Runs the model over `ballots` with `units` voting units.
///
/// Only facts where two units or more vote move trust; the others (most
/// facts, at scale) are computed once, from the trust of the last round.
pub fn estimate(ballots: &Ballots, units: usize, params: &Params) -> Estimates {
    let disputed: Vec<usize> = (0..ballots.len())
        .filter(|&f| ballots.fact(f).units.len() >= 2)
        .collect();
    let mut accuracy = vec![params.initial_accuracy; units];
    let mut sensitivity = vec![params.initial_sensitivity; units];
    let mut votes: Vec<f64> = Vec::new();
    let mut used_sensitivity = sensitivity.clone();
    // Kept across iterations: each round rewrites them in place.
    let mut probability = vec![0.0; ballots.slot_count()];
    let mut correct: Vec<Option<f64>> = vec![None; ballots.unit_count()];
    let mut facts = vec![0usize; units];
    let mut iterations = 0;
    for _ in 0..params.max_iterations.max(1) {
        iterations += 1;
        votes = accuracy
            .iter()
            .map(|&a| vote_count(a, params.false_values))
            .collect();
        for_each_fact(ballots, &mut probability, &mut correct, |b, p, c, sums| {
            if b.units.len() >= 2 {
                probabilities(b, &votes, &sensitivity, p);
                correctness_all(b, p, c, sums);
            }
        });
        let (next_accuracy, next_sensitivity, seen) =
            update(ballots, &disputed, &probability, &correct, units, params);
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
    // Every other fact's probabilities from the trust the last round used.
    for_each_fact(ballots, &mut probability, &mut correct, |b, p, _, _| {
        if b.units.len() < 2 {
            probabilities(b, &votes, &used_sensitivity, p);
        }
    });
    let mut starts: Vec<u32> = (0..ballots.len())
        .map(|f| ballots.slot_range(f).start as u32)
        .collect();
    starts.push(ballots.slot_count() as u32);
    Estimates {
        accuracy,
        sensitivity,
        facts,
        probability,
        starts,
        iterations,
    }
}

/// Accu's vote count of a unit of accuracy `a`, floored at 0.
pub fn vote_count(a: f64, false_values: f64) -> f64 {
    let a = a.clamp(1e-9, 1.0 - 1e-9);
    (false_values * a / (1.0 - a)).ln().max(0.0)
}

/// Each slot's probability into `out`.
fn probabilities(ballots: FactBallots<'_>, votes: &[f64], sensitivity: &[f64], out: &mut [f64]) {
    for (c, count) in out.iter_mut().enumerate() {
        *count = ballots
            .support(c)
            .iter()
            .map(|&(u, w)| w * votes[u as usize])
            .sum();
    }
    if ballots.members {
        for (m, p) in out.iter_mut().enumerate() {
            let yes = *p;
            let no: f64 = ballots
                .silent(m)
                .iter()
                .map(|&(u, share)| share * sensitivity[u as usize] * votes[u as usize])
                .sum();
            *p = 1.0 / (1.0 + (no - yes).exp());
        }
    } else {
        // The unstated alternative has count 0.
        let top = out.iter().copied().fold(0.0, f64::max);
        let unstated = (-top).exp();
        let total: f64 = out.iter().map(|c| (c - top).exp()).sum::<f64>() + unstated;
        for p in out.iter_mut() {
            *p = (*p - top).exp() / total;
        }
    }
}

/// The probability that each unit's vote in a fact is right (`None` for a
/// unit whose claims support nothing): for a choice, that the truth is a
/// value its claims allow; for a set, the mean probability of the members
/// it lists (weighted by how fully). `sums` is a buffer kept between facts.
fn correctness_all(
    ballots: FactBallots<'_>,
    probability: &[f64],
    out: &mut [Option<f64>],
    sums: &mut Vec<(f64, f64)>,
) {
    sums.clear();
    sums.resize(ballots.units.len(), (0.0, 0.0));
    for (c, &p) in probability.iter().enumerate().take(ballots.slots()) {
        for &(unit, w) in ballots.support(c) {
            let Ok(at) = ballots.units.binary_search(&unit) else {
                continue;
            };
            if ballots.members {
                sums[at].0 += w * p;
                sums[at].1 += w;
            } else {
                sums[at].0 += p;
                sums[at].1 = 1.0;
            }
        }
    }
    for (slot, &(sum, weight)) in out.iter_mut().zip(sums.iter()) {
        *slot = (weight > 0.0).then(|| (sum / weight).min(1.0));
    }
}

type Updated = (Vec<f64>, Vec<f64>, Vec<usize>);

fn update(
    ballots: &Ballots,
    disputed: &[usize],
    probability: &[f64],
    correct: &[Option<f64>],
    units: usize,
    params: &Params,
) -> Updated {
    let mut right = vec![0.0; units];
    let mut seen = vec![0usize; units];
    let mut listed = vec![0.0; units];
    let mut likely = vec![0.0; units];
    for &f in disputed {
        let b = ballots.fact(f);
        for (&u, c) in b.units.iter().zip(&correct[ballots.unit_range(f)]) {
            if let Some(c) = c {
                right[u as usize] += c;
                seen[u as usize] += 1;
            }
        }
        if b.members {
            let p = &probability[ballots.slot_range(f)];
            for (m, &pm) in p.iter().enumerate() {
                for &(u, _) in b.support(m) {
                    listed[u as usize] += pm;
                    likely[u as usize] += pm;
                }
                for &(u, _) in b.silent(m) {
                    likely[u as usize] += pm;
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

    /// Ballots of single-valued facts, one list of `(unit, weight)` per
    /// candidate.
    fn choices(facts: Vec<Vec<Vec<(u32, f64)>>>) -> Ballots {
        let mut ballots = BallotRun::default();
        for support in facts {
            let mut units: Vec<u32> = support.iter().flatten().map(|s| s.0).collect();
            units.sort_unstable();
            units.dedup();
            let units_start = ballots.units.len() as u32;
            ballots.units.extend(units);
            let slots_start = ballots.slots.len() as u32;
            for slot in support {
                let start = ballots.support.len() as u32;
                ballots.support.extend(slot);
                let end = ballots.support.len() as u32;
                ballots.slots.push(SlotSpan {
                    support: Span { start, end },
                    silent: Span::default(),
                });
            }
            ballots.facts.push(FactSpan {
                units: Span {
                    start: units_start,
                    end: ballots.units.len() as u32,
                },
                slots: Span {
                    start: slots_start,
                    end: ballots.slots.len() as u32,
                },
                members: false,
            });
        }
        Ballots::of_runs(vec![ballots])
    }

    #[test]
    fn one_each_way_is_near_even() {
        let ballots = choices(vec![vec![vec![(0, 1.0)], vec![(1, 1.0)]]]);
        let estimates = estimate(&ballots, 2, &Params::default());
        let p = estimates.of(0);
        assert!(
            (p[0] - 0.5).abs() < 0.01 && (p[1] - 0.5).abs() < 0.01,
            "{p:?}"
        );
    }

    #[test]
    fn agreement_is_confident() {
        let ballots = choices(vec![vec![vec![(0, 1.0), (1, 1.0)]]]);
        let estimates = estimate(&ballots, 2, &Params::default());
        assert!(estimates.of(0)[0] > 0.99);
    }
}
