//! The bipartite graph of sources and claims, with the origin each claim
//! rests on: `source ─states→ claim ─rests on→ origin`, held in petgraph.
//!
//! The model votes by origin and reports trust by source; this graph is how
//! one is found from the other.

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
    /// Where the cited origins start in `origins` (the sources' own come
    /// first).
    pub first_cited: usize,
    source_nodes: Vec<NodeIndex>,
}

impl SourceGraph {
    /// `rank` is each claim's place in id order.
    pub fn build(claims: &[ClaimFacts<'_>], rank: &[u32], names: &dyn ValueNames) -> SourceGraph {
        // Sources: project order keeps a source's claims together, so each
        // run of claims is looked up once.
        let mut source_ids: Vec<&str> = Vec::new();
        for claim in claims {
            if source_ids.last() != Some(&claim.source) {
                source_ids.push(claim.source);
            }
        }
        source_ids.par_sort_unstable();
        source_ids.dedup();
        let mut source_of: Vec<u32> = Vec::with_capacity(claims.len());
        let mut last: Option<(&str, u32)> = None;
        for claim in claims {
            let s = match last {
                Some((id, s)) if id == claim.source => s,
                _ => source_ids.binary_search(&claim.source).unwrap_or(0) as u32,
            };
            last = Some((claim.source, s));
            source_of.push(s);
        }
        // Origins are keyed by the source id (a claim citing no one) or by
        // the cited name's origin key ([`ValueNames::origin_key`]), and
        // numbered in key order: every source key (sorted by id) before
        // every cited one (sorted by key). A cited name is keyed once
        // however many claims cite it.
        let cited: Vec<Option<&str>> = claims
            .iter()
            .map(
                |claim| match ClaimOrigin::of(claim.according_to(), claim.source) {
                    ClaimOrigin::Cited(name) => Some(name),
                    ClaimOrigin::Source(_) => None,
                },
            )
            .collect();
        let mut raw: Vec<&str> = cited.iter().flatten().copied().collect();
        raw.par_sort_unstable();
        raw.dedup();
        let normalised: Vec<String> = raw.par_iter().map(|name| names.origin_key(name)).collect();
        let mut keys: Vec<&str> = normalised.iter().map(String::as_str).collect();
        keys.par_sort_unstable();
        keys.dedup();
        // Per raw name: its key's place among the cited keys.
        let key_of_raw: Vec<u32> = normalised
            .iter()
            .map(|n| keys.binary_search(&n.as_str()).unwrap_or(0) as u32)
            .collect();
        let mut cites_no_one = vec![false; source_ids.len()];
        for (i, name) in cited.iter().enumerate() {
            if name.is_none() {
                cites_no_one[source_of[i] as usize] = true;
            }
        }
        let mut origin_of_source = vec![0usize; source_ids.len()];
        let mut origins: Vec<String> = Vec::new();
        for (s, id) in source_ids.iter().enumerate() {
            if cites_no_one[s] {
                origin_of_source[s] = origins.len();
                origins.push(format!("source {id}"));
            }
        }
        let first_cited = origins.len();
        // A cited origin is shown by its name for reports
        // ([`ValueNames::origin_name`]) as the first claim (by id) citing it
        // wrote it.
        let mut shown_by: Vec<Option<usize>> = vec![None; keys.len()];
        let origin_of: Vec<usize> = cited
            .iter()
            .enumerate()
            .map(|(i, name)| match name {
                None => origin_of_source[source_of[i] as usize],
                Some(name) => {
                    let at = raw.binary_search(name).unwrap_or(0);
                    let key = key_of_raw[at] as usize;
                    let first = &mut shown_by[key];
                    if first.is_none_or(|f| rank[i] < rank[f]) {
                        *first = Some(i);
                    }
                    first_cited + key
                }
            })
            .collect();
        origins.extend(
            shown_by
                .iter()
                .map(|first| names.origin_name(first.and_then(|i| cited[i]).unwrap_or_default())),
        );
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
        for i in 0..claims.len() {
            let node = graph.add_node(Node::Claim(i));
            graph.add_edge(source_nodes[source_of[i] as usize], node, ());
            graph.add_edge(node, origin_nodes[origin_of[i]], ());
        }
        SourceGraph {
            graph,
            sources,
            origins,
            origin_of,
            first_cited,
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
