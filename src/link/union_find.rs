//! Union-find over name atoms that refuses a union a registry forbids: one
//! that would put both names of a `distinct` pair into one component, or two
//! registry entries into one. Checked against whole components, so a veto
//! holds transitively (A~B and B~C never make A~C when A and C are distinct).
//!
//! The components themselves are petgraph's [`UnionFind`]; this module keeps,
//! per component root, what the registry says of it.

use std::collections::HashMap;

use petgraph::unionfind::UnionFind;

/// Why a union was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The union would join atoms `.0` and `.1`, a registry `distinct` pair.
    Distinct(usize, usize),
    /// The union would join registry entries `.0` and `.1`.
    DifferentEntries(usize, usize),
}

/// Components of atoms with their registry constraints.
#[derive(Debug)]
pub struct Components {
    sets: UnionFind<usize>,
    /// Per root: the registry entry the component holds, if any.
    entry: Vec<Option<usize>>,
    /// Per root: its atoms that take part in a `distinct` pair.
    constrained: Vec<Vec<usize>>,
    partners: HashMap<usize, Vec<usize>>,
}

impl Components {
    /// `entries[atom]` is the registry entry an atom belongs to; `distinct`
    /// lists pairs of atoms never to be joined.
    pub fn new(entries: &[Option<usize>], distinct: &[(usize, usize)]) -> Components {
        let n = entries.len();
        let mut partners: HashMap<usize, Vec<usize>> = HashMap::new();
        for &(a, b) in distinct {
            if a != b {
                partners.entry(a).or_default().push(b);
                partners.entry(b).or_default().push(a);
            }
        }
        let mut constrained = vec![Vec::new(); n];
        for &atom in partners.keys() {
            constrained[atom].push(atom);
        }
        Components {
            sets: UnionFind::new(n),
            entry: entries.to_vec(),
            constrained,
            partners,
        }
    }

    pub fn find(&mut self, atom: usize) -> usize {
        self.sets.find_mut(atom)
    }

    /// Joins the components of `a` and `b` unless a registry constraint
    /// forbids it. `Ok(false)`: they were already one component.
    pub fn union(&mut self, a: usize, b: usize) -> Result<bool, Refusal> {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return Ok(false);
        }
        if let (Some(ea), Some(eb)) = (self.entry[ra], self.entry[rb])
            && ea != eb
        {
            return Err(Refusal::DifferentEntries(ea.min(eb), ea.max(eb)));
        }
        // Scan the side with fewer constrained atoms.
        let (small, other) = if self.constrained[ra].len() <= self.constrained[rb].len() {
            (ra, rb)
        } else {
            (rb, ra)
        };
        let members = self.constrained[small].clone();
        for atom in members {
            let partners = self.partners.get(&atom).cloned().unwrap_or_default();
            for partner in partners {
                if self.find(partner) == other {
                    return Err(Refusal::Distinct(atom.min(partner), atom.max(partner)));
                }
            }
        }
        self.sets.union(ra, rb);
        let big = self.sets.find_mut(ra);
        let little = if big == ra { rb } else { ra };
        self.entry[big] = self.entry[big].or(self.entry[little]);
        let moved = std::mem::take(&mut self.constrained[little]);
        self.constrained[big].extend(moved);
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_distinct_pair_is_refused_transitively() {
        let mut c = Components::new(&[None; 3], &[(0, 2)]);
        assert_eq!(c.union(0, 1), Ok(true));
        assert_eq!(c.union(1, 2), Err(Refusal::Distinct(0, 2)));
        assert_eq!(c.union(0, 1), Ok(false));
        assert_ne!(c.find(0), c.find(2));
    }

    #[test]
    fn two_registry_entries_never_merge() {
        let mut c = Components::new(&[Some(0), None, Some(1)], &[]);
        assert_eq!(c.union(0, 1), Ok(true));
        assert_eq!(c.union(1, 2), Err(Refusal::DifferentEntries(0, 1)));
    }
}
