//! The bipartite graph of sources and claims, with the origin each claim
//! rests on: `source ─states→ claim ─rests on→ origin`, held in petgraph.
//!
//! The model votes by origin and reports trust by source; this graph is how
//! one is found from the other.

use std::borrow::Cow;
use std::collections::HashMap;

use petgraph::Direction;
use petgraph::graph::{DiGraph, NodeIndex};
use rayon::prelude::*;

use crate::check::{ClaimFacts, ValueNames};
use crate::model::ClaimOrigin;

/// A node: a source, a claim (by index into the resolved claims) or an
/// origin (by index into [`SourceGraph::origins`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Node {
    Source(usize),
    Claim(usize),
    Origin(usize),
}

/// Sources, claims and origins, and how they connect.
#[derive(Debug, Clone)]
pub struct SourceGraph {
    pub graph: DiGraph<Node, ()>,
    /// Source ids, sorted.
    pub sources: Vec<String>,
    /// Origins as shown to readers (`source <id>` or the cited name as
    /// first written), sorted by their key.
    pub origins: Vec<String>,
    /// Per claim: its origin.
    pub origin_of: Vec<usize>,
    source_nodes: Vec<NodeIndex>,
}

impl SourceGraph {
    pub fn build(claims: &[ClaimFacts<'_>], names: &dyn ValueNames) -> SourceGraph {
        // Origin keys: a cited name normalised, or the source id as is (no
        // allocation for the common case of a claim citing no one).
        type Key<'k> = (bool, Cow<'k, str>);
        let keys: Vec<Key<'_>> = claims
            .iter()
            .map(
                |claim| match ClaimOrigin::of(claim.according_to, claim.source) {
                    ClaimOrigin::Cited(name) => (true, Cow::Owned(names.origin_key(name))),
                    ClaimOrigin::Source(id) => (false, Cow::Borrowed(id)),
                },
            )
            .collect();
        // Distinct keys, each with the first claim (by id) citing it, which
        // gives the spelling shown; then sorted by key.
        let mut first: HashMap<&Key<'_>, usize, foldhash::fast::RandomState> = HashMap::default();
        for (i, key) in keys.iter().enumerate() {
            first
                .entry(key)
                .and_modify(|at| {
                    if claims[i].id < claims[*at].id {
                        *at = i;
                    }
                })
                .or_insert(i);
        }
        let mut distinct: Vec<(&Key<'_>, usize)> = first.into_iter().collect();
        distinct.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let origins: Vec<String> = distinct
            .iter()
            .map(
                |(key, i)| match ClaimOrigin::of(claims[*i].according_to, claims[*i].source) {
                    ClaimOrigin::Cited(name) if key.0 => names.origin_name(name),
                    _ => format!("source {}", claims[*i].source),
                },
            )
            .collect();
        let index: HashMap<&Key<'_>, usize, foldhash::fast::RandomState> = distinct
            .iter()
            .enumerate()
            .map(|(o, (key, _))| (*key, o))
            .collect();
        let origin_of: Vec<usize> = keys
            .iter()
            .map(|key| index.get(key).copied().unwrap_or(0))
            .collect();
        let mut source_ids: Vec<&str> = claims.iter().map(|c| c.source).collect();
        source_ids.par_sort_unstable();
        source_ids.dedup();
        let sources: Vec<String> = source_ids.iter().map(|id| (*id).to_owned()).collect();

        let mut graph = DiGraph::with_capacity(
            sources.len() + claims.len() + origins.len(),
            2 * claims.len(),
        );
        let source_nodes: Vec<NodeIndex> = (0..sources.len())
            .map(|s| graph.add_node(Node::Source(s)))
            .collect();
        let origin_nodes: Vec<NodeIndex> = (0..origins.len())
            .map(|o| graph.add_node(Node::Origin(o)))
            .collect();
        for (i, claim) in claims.iter().enumerate() {
            let node = graph.add_node(Node::Claim(i));
            let s = source_ids.binary_search(&claim.source).unwrap_or(0);
            graph.add_edge(source_nodes[s], node, ());
            graph.add_edge(node, origin_nodes[origin_of[i]], ());
        }
        SourceGraph {
            graph,
            sources,
            origins,
            origin_of,
            source_nodes,
        }
    }

    /// The claims of source `s` (indices into the resolved claims).
    pub fn claims_of(&self, s: usize) -> impl Iterator<Item = usize> + '_ {
        self.graph
            .neighbors_directed(self.source_nodes[s], Direction::Outgoing)
            .filter_map(|n| match self.graph[n] {
                Node::Claim(i) => Some(i),
                _ => None,
            })
    }
}
