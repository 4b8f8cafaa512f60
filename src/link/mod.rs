//! Linking: which subject names denote the same thing, across sources and
//! scripts, with a stated reason for every link. Builds the [`SubjectGraph`]
//! (petgraph) that the checker groups claims by.
//!
//! The algorithm works on plain names ([`link_names`], in `names.rs`), so it
//! can be measured without a project (`examples/link_bench.rs`);
//! [`SubjectGraph::build`] feeds it a project's distinct subject spellings
//! (each linked once, however many claims use it) and keeps, per claim, the
//! subject it resolves to; the graph of sources, claims, names and canonical
//! subjects is built from that on first request ([`SubjectGraph::graph`]).

mod blocking;
mod claims;
mod names;
pub mod review;
pub mod rules;
pub mod skeleton;
mod union_find;

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use petgraph::graph::{DiGraph, NodeIndex};

use crate::model::{ClaimId, Project};
use claims::{Claims, NONE};
use names::link_spellings;

pub use names::{
    CanonicalSubject, LinkReason, Linking, MEASURE, NameLink, SubjectName, Suggestion,
    SuggestionKind, Veto, VetoedLink, link_names, suggestion_id,
};

/// A node of the subject graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A source, by id.
    Source(String),
    Claim(ClaimId),
    /// A subject spelling, as written in a claim or the registry.
    Name(String),
    /// A canonical subject, by its canonical name.
    Subject(String),
}

/// A node as a listing shows it: the id, spelling or name it stands for.
impl std::fmt::Display for Node {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Node::Source(id) => f.write_str(id),
            Node::Claim(id) => f.write_str(id.as_str()),
            Node::Name(spelling) => f.write_str(spelling),
            Node::Subject(name) => f.write_str(name),
        }
    }
}

/// An edge of the subject graph.
#[derive(Debug, Clone, PartialEq)]
pub enum Edge {
    /// Source → claim: the source makes the claim.
    Makes,
    /// Claim → name: the claim's subject is written so.
    NamedAs,
    /// Name → name, with the reason.
    Link(LinkReason),
    /// Name → canonical subject.
    CanonicalIs,
}

/// The canonical subjects of a project and how every claim reaches one.
///
/// Built once per run by [`SubjectGraph::build`]; read by the checker and
/// the reports.
///
/// Linking joins names in petgraph's union-find (`union_find.rs`). The
/// petgraph graph of sources, claims, names and canonical subjects
/// ([`SubjectGraph::graph`]) is what `crosscheck subjects` lists; it is
/// built on first request, since
/// `check` reads each claim's subject through
/// [`SubjectGraph::canonical_subjects`], and a node and edges per
/// claim (with a copy of every claim id) would double what linking keeps
/// for a million claims.
/// Every claim's canonical subject, in project order, without the graph
/// that linked them ([`SubjectGraph::canonical_subjects`]): a name per
/// subject and an index per claim.
#[derive(Debug, Clone, Default)]
pub struct CanonicalSubjects {
    names: Vec<Box<str>>,
    /// Per claim: its subject in `names`, or [`NONE`].
    of_claim: Vec<u32>,
}

impl CanonicalSubjects {
    /// Per claim, in project order: its canonical subject, if any.
    pub fn iter(&self) -> impl Iterator<Item = Option<&str>> {
        self.of_claim
            .iter()
            .map(|&s| self.names.get(s as usize).map(|name| &**name))
    }
}

#[derive(Debug, Clone)]
pub struct SubjectGraph {
    linking: Linking,
    claims: Claims,
    /// Per distinct claim spelling (`claims.spelling` indexes this): the
    /// index of its subject in `linking.subjects` and of the spelling in that
    /// subject's `names`, or [`NONE`] twice when it has no subject.
    spellings: Vec<(u32, u32)>,
    graph: OnceLock<DiGraph<Node, Edge>>,
}

impl SubjectGraph {
    pub fn build(project: &Project) -> SubjectGraph {
        // Each distinct spelling is linked (and normalised) once, however
        // many claims use it; claims keep the index of their spelling.
        let (mut claims, names) = Claims::collect(project);
        let (linking, name_subjects) =
            link_spellings(&names, &project.registry, &project.settings.link);
        let spellings: Vec<(u32, u32)> = names
            .iter()
            .zip(&name_subjects)
            .map(|(&(spelling, _), subject)| {
                subject
                    .and_then(|s| {
                        let names = &linking.subjects.get(s)?.names;
                        let at = names
                            .binary_search_by(|n| n.spelling.as_str().cmp(spelling))
                            .ok()?;
                        // Subjects and names are fewer than claims, which
                        // are fewer than u32::MAX (see `Claims::collect`).
                        Some((s as u32, at as u32))
                    })
                    .unwrap_or((NONE, NONE))
            })
            .collect();
        claims.index(|spelling| {
            spellings
                .get(spelling as usize)
                .is_some_and(|&(s, _)| s != NONE)
        });
        SubjectGraph {
            linking,
            claims,
            spellings,
            graph: OnceLock::new(),
        }
    }

    /// The canonical subject name a claim's subject resolves to.
    pub fn canonical_subject(&self, claim: &ClaimId) -> Option<&str> {
        let c = self.claims.find(claim)?;
        let &(s, _) = self.spellings.get(*self.claims.spelling.get(c)? as usize)?;
        self.linking
            .subjects
            .get(s as usize)
            .map(|s| s.name.as_str())
    }

    /// The canonical subject of every claim, in project order (as
    /// `Project::claims` yields them), as a table apart from the graph:
    /// [`Self::canonical_subject`] without looking each id up (at a million
    /// claims, a cache miss each), and what the checker reads
    /// ([`crate::check::claim_facts`]), so that `check` can let the graph
    /// (its spellings, links and their reasons) go before comparing. Only
    /// valid for the project the graph was built from.
    pub fn canonical_subjects(&self) -> CanonicalSubjects {
        CanonicalSubjects {
            names: self
                .linking
                .subjects
                .iter()
                .map(|s| Box::from(s.name.as_str()))
                .collect(),
            of_claim: self
                .claims
                .spelling
                .iter()
                .map(|&spelling| {
                    self.spellings
                        .get(spelling as usize)
                        .map_or(NONE, |&(s, _)| s)
                })
                .collect(),
        }
    }

    /// The linking result: subjects, links, suggestions, vetoes.
    pub fn linking(&self) -> &Linking {
        &self.linking
    }

    /// The canonical subjects, sorted by name, with their spellings.
    pub fn subjects(&self) -> &[CanonicalSubject] {
        &self.linking.subjects
    }

    /// Every link between names, with its reason, sorted by subject.
    pub fn links(&self) -> &[NameLink] {
        &self.linking.links
    }

    /// Links not made that a curator may want (close names, cross-script).
    pub fn suggestions(&self) -> &[Suggestion] {
        &self.linking.suggestions
    }

    /// Links the registry refused.
    pub fn vetoes(&self) -> &[VetoedLink] {
        &self.linking.vetoes
    }

    /// The claims of each canonical subject, by subject name; claims sorted,
    /// each id once. Builds the graph (the claim ids it returns are the
    /// graph's).
    pub fn claims_by_subject(&self) -> BTreeMap<&str, Vec<&ClaimId>> {
        let mut ids: Vec<&ClaimId> = self
            .graph()
            .node_weights()
            .filter_map(|node| match node {
                Node::Claim(id) => Some(id),
                _ => None,
            })
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let mut groups: BTreeMap<&str, Vec<&ClaimId>> = BTreeMap::new();
        for id in ids {
            if let Some(subject) = self.canonical_subject(id) {
                groups.entry(subject).or_default().push(id);
            }
        }
        groups
    }

    /// The whole graph: sources → claims → names → canonical subjects, and
    /// name — name links with their reasons. Built on the first call.
    pub fn graph(&self) -> &DiGraph<Node, Edge> {
        self.graph.get_or_init(|| self.build_graph())
    }

    /// Nodes: each subject followed by its names, then each source followed
    /// by its claims. Edges: name → subject, the links, then source → claim
    /// and claim → name, claim by claim.
    fn build_graph(&self) -> DiGraph<Node, Edge> {
        let linking = &self.linking;
        let mut graph = DiGraph::new();
        let mut name_nodes: HashMap<&str, NodeIndex> = HashMap::new();
        for subject in &linking.subjects {
            let s = graph.add_node(Node::Subject(subject.name.clone()));
            for name in &subject.names {
                let n = graph.add_node(Node::Name(name.spelling.clone()));
                graph.add_edge(n, s, Edge::CanonicalIs);
                name_nodes.insert(&name.spelling, n);
            }
        }
        for link in &linking.links {
            if let (Some(&a), Some(&b)) = (
                name_nodes.get(link.a.as_str()),
                name_nodes.get(link.b.as_str()),
            ) {
                graph.add_edge(a, b, Edge::Link(link.reason.clone()));
            }
        }
        let mut c = 0;
        for (source, count) in &self.claims.sources {
            let s = graph.add_node(Node::Source(source.clone()));
            for _ in 0..*count {
                let node = graph.add_node(Node::Claim(ClaimId(self.claims.id(c).into())));
                graph.add_edge(s, node, Edge::Makes);
                let spelling = self.spellings.get(self.claims.spelling[c] as usize);
                if let Some(&(subject, at)) = spelling
                    && let Some(name) = linking
                        .subjects
                        .get(subject as usize)
                        .and_then(|s| s.names.get(at as usize))
                    && let Some(&n) = name_nodes.get(name.spelling.as_str())
                {
                    graph.add_edge(node, n, Edge::NamedAs);
                }
                c += 1;
            }
        }
        graph
    }
}

/// Value aliases from the registry's `values`: texts naming one thing.
#[derive(Debug, Clone)]
pub struct ValueAliases {
    /// Each of [`rules::name_keys`] of a name or alias → entry name. The first entry to claim a
    /// normalised text keeps it.
    entries: HashMap<String, String>,
}

impl ValueAliases {
    pub fn build(project: &Project) -> ValueAliases {
        let mut entries = HashMap::new();
        for entry in &project.registry.values {
            for text in std::iter::once(&entry.name).chain(&entry.aliases) {
                for key in rules::name_keys(text) {
                    entries.entry(key).or_insert_with(|| entry.name.clone());
                }
            }
        }
        ValueAliases { entries }
    }

    /// Whether the registry has no `values` entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The registry entry name a text value belongs to, if any.
    pub fn entry_of(&self, text: &str) -> Option<&str> {
        // Most projects have no `values` entries: no keys to compute.
        if self.entries.is_empty() {
            return None;
        }
        rules::name_keys(text)
            .iter()
            .find_map(|key| self.entries.get(key))
            .map(String::as_str)
    }
}
