//! Linking: which subject names denote the same thing, across sources and
//! scripts, with a stated reason for every link. Builds the [`SubjectGraph`]
//! (petgraph) that the checker groups claims by.
//!
//! The algorithm works on plain names ([`link_names`], in `names.rs`), so it
//! can be measured without a project (`examples/link_bench.rs`);
//! [`SubjectGraph::build`] feeds it a project's subjects and turns the result
//! into a graph of sources, claims, names and canonical subjects.

mod blocking;
mod names;
pub mod skeleton;
mod union_find;

use std::collections::{BTreeMap, HashMap};

use petgraph::graph::{DiGraph, NodeIndex};

use crate::model::{ClaimId, Project};
use crate::text::normalize::normalize_name;

pub use names::{
    CanonicalSubject, LinkReason, Linking, MEASURE, NameLink, SubjectName, Suggestion,
    SuggestionKind, Veto, VetoedLink, link_names,
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
#[derive(Debug, Clone)]
pub struct SubjectGraph {
    linking: Linking,
    graph: DiGraph<Node, Edge>,
    /// Claim → index into `linking.subjects`.
    claim_subject: BTreeMap<ClaimId, usize>,
}

impl SubjectGraph {
    pub fn build(project: &Project) -> SubjectGraph {
        let mut uses: BTreeMap<String, usize> = BTreeMap::new();
        for (_, claim) in project.claims() {
            *uses.entry(claim.subject.clone()).or_default() += 1;
        }
        let linking = link_names(&uses, &project.registry, &project.settings.link);

        let mut graph = DiGraph::new();
        let mut subject_nodes = Vec::with_capacity(linking.subjects.len());
        let mut name_nodes: HashMap<&str, NodeIndex> = HashMap::new();
        for subject in &linking.subjects {
            let s = graph.add_node(Node::Subject(subject.name.clone()));
            subject_nodes.push(s);
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
        let position: HashMap<&str, usize> = linking
            .subjects
            .iter()
            .enumerate()
            .map(|(i, s)| (s.name.as_str(), i))
            .collect();
        let mut claim_subject = BTreeMap::new();
        for source in &project.sources {
            let s = graph.add_node(Node::Source(source.id.clone()));
            for claim in &source.claims {
                let c = graph.add_node(Node::Claim(claim.id.clone()));
                graph.add_edge(s, c, Edge::Makes);
                if let Some(&n) = name_nodes.get(claim.subject.as_str()) {
                    graph.add_edge(c, n, Edge::NamedAs);
                }
                if let Some(i) = linking
                    .subject_of(&claim.subject)
                    .and_then(|subject| position.get(subject.name.as_str()))
                {
                    claim_subject.insert(claim.id.clone(), *i);
                }
            }
        }
        SubjectGraph {
            linking,
            graph,
            claim_subject,
        }
    }

    /// The canonical subject name a claim's subject resolves to.
    pub fn canonical_subject(&self, claim: &ClaimId) -> Option<&str> {
        self.claim_subject
            .get(claim)
            .and_then(|&i| self.linking.subjects.get(i))
            .map(|s| s.name.as_str())
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

    /// The claims of each canonical subject, by subject name; claims sorted.
    pub fn claims_by_subject(&self) -> BTreeMap<&str, Vec<&ClaimId>> {
        let mut groups: BTreeMap<&str, Vec<&ClaimId>> = BTreeMap::new();
        for (claim, &i) in &self.claim_subject {
            if let Some(subject) = self.linking.subjects.get(i) {
                groups.entry(subject.name.as_str()).or_default().push(claim);
            }
        }
        groups
    }

    /// The whole graph: sources → claims → names → canonical subjects, and
    /// name — name links with their reasons.
    pub fn graph(&self) -> &DiGraph<Node, Edge> {
        &self.graph
    }
}

/// Value aliases from the registry's `values`: texts naming one thing.
#[derive(Debug, Clone)]
pub struct ValueAliases {
    /// Normalised name or alias → entry name. The first entry to claim a
    /// normalised text keeps it.
    entries: HashMap<String, String>,
}

impl ValueAliases {
    pub fn build(project: &Project) -> ValueAliases {
        let mut entries = HashMap::new();
        for entry in &project.registry.values {
            for text in std::iter::once(&entry.name).chain(&entry.aliases) {
                entries
                    .entry(normalize_name(text))
                    .or_insert_with(|| entry.name.clone());
            }
        }
        ValueAliases { entries }
    }

    /// The registry entry name a text value belongs to, if any.
    pub fn entry_of(&self, text: &str) -> Option<&str> {
        self.entries.get(&normalize_name(text)).map(String::as_str)
    }
}
