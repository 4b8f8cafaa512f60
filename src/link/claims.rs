//! The claims of a project as linking keeps them: each claim's id and the
//! index of its subject spelling, in project order, without a `String` or a
//! map node per claim.
//!
//! A million claims made the first graph (a `BTreeMap<ClaimId, _>` and a
//! petgraph node per claim, each holding its own copy of the id) cost
//! 0.4 GiB and most of the linking time, in allocation and in string
//! comparisons of ids that share long prefixes. Here the ids are laid end to
//! end in one string, and a claim is found by id through an open-addressing
//! hash table of claim numbers: one hash and, almost always, one comparison.

use std::collections::HashMap;
use std::hash::BuildHasher;
use std::sync::OnceLock;

use crate::model::{ClaimId, Project};

use super::blocking::{NameHasher, sorted_order};

/// No claim: an empty slot of the table, or a claim without a subject.
pub(super) const NONE: u32 = u32::MAX;

/// The claims of a project, in project order (sources by id, claims in file
/// order).
#[derive(Debug, Clone, Default)]
pub(super) struct Claims {
    /// Every claim id, end to end.
    ids: String,
    /// `ends[c]` is where claim `c`'s id ends in `ids` (it starts where the
    /// previous one ends).
    ends: Vec<usize>,
    /// Per claim: the index of its subject in `spellings`.
    pub spelling: Vec<u32>,
    /// Sources in project order: id and number of claims.
    pub sources: Vec<(String, usize)>,
    /// Per claim: whether [`Claims::index`] makes it findable.
    kept: Vec<bool>,
    /// Open addressing, linear probing: claim numbers, [`NONE`] for an empty
    /// slot; the length is a power of two at least twice the number of ids
    /// stored. Built on the first [`Claims::find`]: the checker takes claims
    /// in order and never asks, and at a million claims the table costs a
    /// third of a second.
    table: OnceLock<Vec<u32>>,
}

/// The distinct subject spellings of a project's claims, sorted, with the
/// number of claims using each.
pub(super) type Spellings<'p> = Vec<(&'p str, usize)>;

impl Claims {
    /// The claims of `project`, and their distinct subject spellings.
    pub fn collect(project: &Project) -> (Claims, Spellings<'_>) {
        let count = project.sources.iter().map(|s| s.claims.len()).sum();
        let id_bytes = project.claims().map(|(_, claim)| claim.id.0.len()).sum();
        let mut claims = Claims {
            ids: String::with_capacity(id_bytes),
            ends: Vec::with_capacity(count),
            spelling: Vec::with_capacity(count),
            sources: Vec::with_capacity(project.sources.len()),
            kept: Vec::new(),
            table: OnceLock::new(),
        };
        let mut first_seen: HashMap<&str, u32, NameHasher> = HashMap::default();
        let mut spellings: Vec<(&str, usize)> = Vec::new();
        for source in &project.sources {
            claims
                .sources
                .push((source.id.clone(), source.claims.len()));
            for claim in &source.claims {
                claims.ids.push_str(&claim.id.0);
                claims.ends.push(claims.ids.len());
                let next = u32::try_from(spellings.len()).unwrap_or(NONE);
                let at = *first_seen.entry(&*claim.subject).or_insert(next);
                if at == next {
                    spellings.push((&claim.subject, 0));
                }
                if let Some((_, uses)) = spellings.get_mut(at as usize) {
                    *uses += 1;
                }
                claims.spelling.push(at);
            }
        }
        // Spellings in byte order, as the linking expects them.
        let texts: Vec<&str> = spellings.iter().map(|&(s, _)| s).collect();
        let order = sorted_order(&texts);
        let mut rank = vec![0u32; spellings.len()];
        for (sorted, &i) in order.iter().enumerate() {
            // Fewer spellings than claims (see `next` above).
            rank[i] = sorted as u32;
        }
        for at in &mut claims.spelling {
            *at = rank.get(*at as usize).copied().unwrap_or(NONE);
        }
        let sorted = order.iter().map(|&i| spellings[i]).collect();
        (claims, sorted)
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Claim `c`'s id.
    pub fn id(&self, c: usize) -> &str {
        let start = if c == 0 { 0 } else { self.ends[c - 1] };
        &self.ids[start..self.ends[c]]
    }

    /// Makes the claims whose spelling `keep` accepts findable by id. When
    /// two of them share an id, the later one is found.
    pub fn index(&mut self, keep: impl Fn(u32) -> bool) {
        self.kept = self
            .spelling
            .iter()
            .map(|&spelling| keep(spelling))
            .collect();
        self.table = OnceLock::new();
    }

    /// The indexed claim with this id, if any.
    pub fn find(&self, id: &ClaimId) -> Option<usize> {
        let table = self.table.get_or_init(|| self.build_table());
        if table.is_empty() {
            return None;
        }
        let at = table[self.slot(table, &id.0)];
        (at != NONE).then_some(at as usize)
    }

    /// The table of the claims [`Claims::index`] keeps (empty before).
    fn build_table(&self) -> Vec<u32> {
        if self.kept.is_empty() {
            return Vec::new();
        }
        let size = (2 * self.len()).next_power_of_two().max(2);
        let mut table = vec![NONE; size];
        for c in 0..self.len() {
            if self.kept.get(c).copied().unwrap_or(false) {
                let slot = self.slot(&table, self.id(c));
                // Claim numbers are below u32::MAX: `collect` counts fewer.
                table[slot] = c as u32;
            }
        }
        table
    }

    /// The slot of `table` holding `id`, or the empty slot where it would go.
    fn slot(&self, table: &[u32], id: &str) -> usize {
        let mask = table.len() - 1;
        let mut slot = (hash(id) as usize) & mask;
        loop {
            let at = table[slot];
            if at == NONE || self.id(at as usize) == id {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }
}

fn hash(text: &str) -> u64 {
    NameHasher::default().hash_one(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(ids: &[&str], spelling: &[u32]) -> Claims {
        let mut claims = Claims::default();
        for id in ids {
            claims.ids.push_str(id);
            claims.ends.push(claims.ids.len());
        }
        claims.spelling = spelling.to_vec();
        claims
    }

    #[test]
    fn claims_are_found_by_id_and_the_later_of_two_wins() {
        let ids = ["a/1", "a/2", "b/1", "a/1", "b/10", "b/2"];
        let mut c = claims(&ids, &[0, 0, 1, 0, 2, 1]);
        assert_eq!(c.id(4), "b/10");
        // Nothing is found before the index is built.
        assert_eq!(c.find(&ClaimId("a/1".into())), None);
        c.index(|spelling| spelling != 2);
        let find = |id: &str| c.find(&ClaimId(id.into()));
        assert_eq!(find("a/1"), Some(3));
        assert_eq!(find("a/2"), Some(1));
        assert_eq!(find("b/2"), Some(5));
        // Not kept by the index, or not a claim.
        assert_eq!(find("b/10"), None);
        assert_eq!(find("b/3"), None);
        assert_eq!(find(""), None);
    }

    #[test]
    fn many_similar_ids_are_all_found() {
        let ids: Vec<String> = (0..5000)
            .map(|i| format!("src-{:04}/c{i:05}", i % 7))
            .collect();
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        let mut c = claims(&refs, &vec![0; ids.len()]);
        c.index(|_| true);
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(c.find(&ClaimId(id.as_str().into())), Some(i));
        }
    }
}
