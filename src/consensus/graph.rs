//! The bipartite graph of sources and claims, with the origin each claim
//! rests on: `source ─states→ claim ─rests on→ origin`, held in petgraph.
//!
//! The model votes by origin and reports trust by source; this graph is how
//! one is found from the other.

use petgraph::Direction;
use petgraph::graph::{DiGraph, NodeIndex};

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
        let keys: Vec<(bool, std::borrow::Cow<'_, str>)> = claims
            .iter()
            .map(
                |claim| match ClaimOrigin::of(claim.according_to, claim.source) {
                    ClaimOrigin::Cited(name) => {
                        (true, std::borrow::Cow::Owned(names.normalize(name)))
                    }
                    ClaimOrigin::Source(id) => (false, std::borrow::Cow::Borrowed(id)),
                },
            )
            .collect();
        let mut distinct: Vec<(&(bool, std::borrow::Cow<'_, str>), usize)> =
            keys.iter().enumerate().map(|(i, key)| (key, i)).collect();
        // Sorted by key; of the claims citing one origin, the first by id
        // gives the spelling shown.
        distinct.sort_by(|a, b| {
            a.0.cmp(b.0)
                .then_with(|| claims[a.1].id.cmp(claims[b.1].id))
        });
        distinct.dedup_by(|a, b| a.0 == b.0);
        let origins: Vec<String> = distinct
            .iter()
            .map(
                |(key, i)| match ClaimOrigin::of(claims[*i].according_to, claims[*i].source) {
                    ClaimOrigin::Cited(name) if key.0 => name.to_owned(),
                    _ => format!("source {}", claims[*i].source),
                },
            )
            .collect();
        let origin_of: Vec<usize> = keys
            .iter()
            .map(|key| {
                distinct
                    .binary_search_by(|(k, _)| (*k).cmp(key))
                    .unwrap_or(0)
            })
            .collect();
        let mut sources: Vec<String> = claims.iter().map(|c| c.source.to_owned()).collect();
        sources.sort_unstable();
        sources.dedup();

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
            let s = sources
                .binary_search_by(|id| id.as_str().cmp(claim.source))
                .unwrap_or(0);
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
