//! The claims of each canonical subject and attribute, found once for the
//! whole run: the check compares within these groups, and the consensus
//! splits each by `as_of` into facts. At a million claims, grouping twice
//! (once with a table of strings on one thread, once sorted on all) was
//! more of the run than either needed.
//!
//! Claims are grouped by sorting integers: each claim's (subject,
//! attribute) hashed, sorted by hash, runs of one hash split by the texts
//! themselves (a collision costs a comparison, never a wrong group), and
//! the groups ordered by the ranks of their texts, so strings are compared
//! once per distinct name, not once per claim.

use rayon::prelude::*;

use super::ClaimFacts;

/// The claims of one canonical subject and attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubjectGroup<'a> {
    pub subject: &'a str,
    pub attribute: &'a str,
    /// Indices into the resolved claims, in claim id order.
    pub claims: Vec<u32>,
}

/// Every group of `claims`, in (subject, attribute) order. `rank` is each
/// claim's place in id order ([`id_ranks`]).
pub fn subject_groups<'a>(claims: &[ClaimFacts<'a>], rank: &[u32]) -> Vec<SubjectGroup<'a>> {
    let hasher = foldhash::fast::FixedState::with_seed(0);
    let key_of = |i: usize| (claims[i].subject, claims[i].attribute());
    let mut order: Vec<(u64, usize)> = (0..claims.len())
        .into_par_iter()
        .map(|i| (std::hash::BuildHasher::hash_one(&hasher, key_of(i)), i))
        .collect();
    order.par_sort_unstable();
    let same_text = |x: &str, y: &str| std::ptr::eq(x, y) || x == y;
    let groups: Vec<SubjectGroup<'a>> = order
        .par_chunk_by(|x, y| x.0 == y.0)
        .flat_map_iter(|run| {
            let mut split: Vec<SubjectGroup<'a>> = Vec::new();
            for &(_, i) in run {
                let (subject, attribute) = key_of(i);
                match split
                    .iter_mut()
                    .find(|g| same_text(g.subject, subject) && same_text(g.attribute, attribute))
                {
                    Some(group) => group.claims.push(i as u32),
                    None => split.push(SubjectGroup {
                        subject,
                        attribute,
                        claims: vec![i as u32],
                    }),
                }
            }
            split
        })
        .collect();
    let subjects = TextRanks::new(groups.iter().map(|g| g.subject));
    let attributes = TextRanks::new(groups.iter().map(|g| g.attribute));
    let mut ranked: Vec<((u32, u32), SubjectGroup<'a>)> = groups
        .into_par_iter()
        .map(|mut group| {
            // Sorted by hash and then index: project order, usually id order.
            if !group.claims.is_sorted_by_key(|&i| rank[i as usize]) {
                group.claims.sort_unstable_by_key(|&i| rank[i as usize]);
            }
            let key = (
                subjects.rank(group.subject),
                attributes.rank(group.attribute),
            );
            (key, group)
        })
        .collect();
    // Two groups never share both ranks: equal texts have equal ranks, and
    // a run of one hash joined every claim of equal texts.
    ranked.par_sort_unstable_by_key(|(key, _)| *key);
    ranked.into_iter().map(|(_, group)| group).collect()
}

/// Each claim's place in id order: the claims sorted by id once, so that
/// groups, facts, estimates and trusts order claims by comparing two
/// integers, not two ids (project order is usually id order already, and
/// then this is a single pass).
pub fn id_ranks(claims: &[ClaimFacts<'_>]) -> Vec<u32> {
    let mut by_id: Vec<u32> = (0..claims.len() as u32).collect();
    if !claims.is_sorted_by(|a, b| a.id() <= b.id()) {
        by_id.par_sort_by(|&a, &b| claims[a as usize].id().cmp(claims[b as usize].id()));
    }
    let mut rank = vec![0u32; claims.len()];
    for (r, &i) in by_id.iter().enumerate() {
        rank[i as usize] = r as u32;
    }
    rank
}

/// Texts ranked in sorted order (equal texts the same rank), looked up by
/// address: claims of one subject share its canonical name, so the texts
/// to sort are the few distinct names, not one per claim.
struct TextRanks {
    /// `(address, length, rank)`, sorted by address and length.
    by_address: Vec<(usize, usize, u32)>,
}

impl TextRanks {
    fn new<'t>(texts: impl Iterator<Item = &'t str>) -> TextRanks {
        let mut distinct: Vec<&str> = texts.collect();
        distinct.par_sort_unstable_by_key(|t| (t.as_ptr() as usize, t.len()));
        distinct.dedup_by_key(|t| (t.as_ptr() as usize, t.len()));
        let mut by_text: Vec<usize> = (0..distinct.len()).collect();
        by_text.par_sort_unstable_by(|&a, &b| distinct[a].cmp(distinct[b]));
        let mut by_address: Vec<(usize, usize, u32)> = distinct
            .iter()
            .map(|t| (t.as_ptr() as usize, t.len(), 0))
            .collect();
        let mut rank = 0u32;
        for (at, &i) in by_text.iter().enumerate() {
            if at > 0 && distinct[by_text[at - 1]] != distinct[i] {
                rank += 1;
            }
            by_address[i].2 = rank;
        }
        TextRanks { by_address }
    }

    /// The rank of `text`, one of the texts ranked.
    fn rank(&self, text: &str) -> u32 {
        let key = (text.as_ptr() as usize, text.len());
        match self.by_address.binary_search_by_key(&key, |e| (e.0, e.1)) {
            Ok(at) => self.by_address[at].2,
            Err(_) => u32::MAX,
        }
    }
}
