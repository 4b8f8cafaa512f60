//! `crosscheck subjects`: the canonical subjects, every spelling of each, the
//! reason for every link, then the links not made: suggestions (close names
//! below the threshold, cross-script candidates) and vetoes (links the
//! registry refused). The listing is what a curator reads to decide which
//! aliases and `distinct` pairs to add to `claims/subjects.json`.
//!
//! Output is deterministic: subjects by name, names by spelling, links by
//! names, scores with two decimals. Names are not padded into columns: Arabic
//! and Latin widths do not line up in a terminal anyway.

use std::io::{self, Write};
use std::path::PathBuf;

use super::{Console, ExitStatus};
use crate::link::review::{Consequence, consequences};
use crate::text::plural::noun;
use petgraph::Direction::{Incoming, Outgoing};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use crate::link::{Edge, LinkReason, Node, SubjectGraph, Suggestion, SuggestionKind, Veto};
use crate::model::LinkSettings;

#[derive(Debug, clap::Args)]
#[command(after_help = "Example:
  crosscheck subjects                   # canonical subjects, every link's reason, suggestions, vetoes
  crosscheck subjects --suggestions     # only the suggestions, ranked, with ids and what accepting each would change
  crosscheck subjects cases/morocco")]
pub struct Args {
    /// The project directory (the one holding `claims/`).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// List only the suggested links, best first, each with its id (for
    /// `crosscheck link accept|reject ID`) and the findings accepting it
    /// would add or remove.
    #[arg(long)]
    pub suggestions: bool,
}

pub fn run(args: &Args, console: &mut Console<'_>) -> io::Result<ExitStatus> {
    let project = match console.load_project(&args.dir)? {
        Ok(project) => project,
        Err(status) => return Ok(status),
    };
    let graph = SubjectGraph::build(&project);
    if args.suggestions {
        let consequences = consequences(&project, &graph, graph.suggestions());
        render_suggestions(graph.suggestions(), &consequences, console.stdout)?;
    } else {
        render(&graph, &project.settings.link, console.stdout)?;
    }
    Ok(ExitStatus::Success)
}

/// How many added or removed findings a suggestion lists before "and N more".
const FINDINGS_SHOWN: usize = 5;

/// Writes the review listing: suggestions best first (score, then id), each
/// with its id, the words in which the names differ, the subjects, and the
/// findings accepting it would add and remove.
pub fn render_suggestions(
    suggestions: &[Suggestion],
    consequences: &[Result<Consequence, String>],
    out: &mut dyn Write,
) -> io::Result<()> {
    let count = suggestions.len();
    writeln!(out, "{count} suggested link{}", noun(count, "", "s"))?;
    let mut order: Vec<usize> = (0..count).collect();
    order.sort_by(|&x, &y| {
        let (a, b) = (&suggestions[x], &suggestions[y]);
        b.kind
            .score()
            .total_cmp(&a.kind.score())
            .then_with(|| a.id.cmp(&b.id))
    });
    for i in order {
        let s = &suggestions[i];
        writeln!(out)?;
        writeln!(out, "{}  \"{}\" ~ \"{}\"", s.id, s.a, s.b)?;
        let why = match &s.kind {
            SuggestionKind::CloseName { measure, score } => {
                format!("a spelling difference inside a word ({measure} {score:.2})")
            }
            SuggestionKind::WordsMoved { score } => s.words_moved(*score),
            SuggestionKind::CrossScript {
                skeleton_a,
                skeleton_b,
                score,
            } => format!(
                "one name in two scripts? consonant skeletons \"{skeleton_a}\" / \"{skeleton_b}\" ({score:.2})"
            ),
            SuggestionKind::AmbiguousInitials => {
                "an initial for a given name that fits names of other subjects too".to_string()
            }
        };
        writeln!(out, "  why: {why}")?;
        if !s.differing.0.is_empty() || !s.differing.1.is_empty() {
            writeln!(
                out,
                "  differ: \"{}\" / \"{}\"",
                s.differing.0, s.differing.1
            )?;
        }
        writeln!(out, "  subjects: {} | {}", s.subject_a, s.subject_b)?;
        match consequences.get(i) {
            Some(Ok(c)) if c.added.is_empty() && c.removed.is_empty() => {
                writeln!(out, "  accepting it changes no finding")?;
            }
            Some(Ok(c)) => {
                writeln!(
                    out,
                    "  accepting it adds {} finding{} and removes {}:",
                    c.added.len(),
                    noun(c.added.len(), "", "s"),
                    c.removed.len()
                )?;
                for (sign, list) in [("+", &c.added), ("-", &c.removed)] {
                    for f in list.iter().take(FINDINGS_SHOWN) {
                        writeln!(
                            out,
                            "    {sign} {} {}: {} ({})",
                            f.kind,
                            f.attribute,
                            f.claims.join(", "),
                            f.explanation
                        )?;
                    }
                    if list.len() > FINDINGS_SHOWN {
                        writeln!(
                            out,
                            "    {sign} ... and {} more",
                            list.len() - FINDINGS_SHOWN
                        )?;
                    }
                }
            }
            Some(Err(why)) => writeln!(out, "  accepting it is not possible here: {why}")?,
            None => {}
        }
        writeln!(
            out,
            "  decide: crosscheck link accept {id} | crosscheck link reject {id}",
            id = s.id
        )?;
    }
    Ok(())
}

/// Writes the listing of the subject graph made under `settings`. The
/// subjects, their names, how many claims use each and the links between
/// them are read from the petgraph graph itself (the graph `crosscheck
/// graph` draws), so the listing shows exactly what the claims were grouped
/// by.
pub fn render(
    subjects: &SubjectGraph,
    settings: &LinkSettings,
    out: &mut dyn Write,
) -> io::Result<()> {
    let linking = subjects.linking();
    let graph = subjects.graph();
    // Subject nodes are added in the order of `linking.subjects`, each
    // followed by its names in spelling order; node and edge indices keep
    // insertion order.
    let subject_nodes = graph
        .node_indices()
        .filter(|&node| matches!(graph[node], Node::Subject(_)));
    let count = linking.subjects.len();
    writeln!(out, "{count} canonical subject{}", noun(count, "", "s"))?;
    for (subject, node) in linking.subjects.iter().zip(subject_nodes) {
        writeln!(out)?;
        let origin = if subject.from_registry {
            "registry entry"
        } else {
            "most common spelling"
        };
        writeln!(out, "{}  ({origin})", graph[node])?;
        writeln!(out, "  names:")?;
        let mut names: Vec<NodeIndex> = graph.neighbors_directed(node, Incoming).collect();
        names.sort_unstable();
        let mut links = Vec::new();
        for &name in &names {
            let uses = graph
                .edges_directed(name, Incoming)
                .filter(|edge| matches!(edge.weight(), Edge::NamedAs))
                .count();
            let uses = match uses {
                0 => "registry only".to_string(),
                n => format!("{n} claim{}", noun(n, "", "s")),
            };
            writeln!(out, "    {}  ({uses})", graph[name])?;
            links.extend(graph.edges_directed(name, Outgoing).filter_map(
                |edge| match edge.weight() {
                    Edge::Link(reason) => Some((edge.id(), edge.source(), edge.target(), reason)),
                    _ => None,
                },
            ));
        }
        if !links.is_empty() {
            links.sort_unstable_by_key(|&(id, ..)| id);
            writeln!(out, "  links:")?;
            for (_, a, b, why) in links {
                writeln!(out, "    {} → {}: {}", graph[a], graph[b], reason(why))?;
            }
        }
    }

    writeln!(out)?;
    let count = linking.suggestions.len();
    writeln!(
        out,
        "{count} suggested link{} not made",
        noun(count, "", "s")
    )?;
    for s in &linking.suggestions {
        let why = match &s.kind {
            SuggestionKind::CloseName { measure, score } => format!(
                "differ inside a word: \"{}\" / \"{}\" ({measure} {score:.2}{})",
                s.differing.0,
                s.differing.1,
                match settings.fuzzy_threshold {
                    Some(t) => format!(", below the link threshold {t:.2}"),
                    None => String::new(),
                }
            ),
            SuggestionKind::WordsMoved { score } => format!(
                "{}; words moved are never linked automatically",
                s.words_moved(*score)
            ),
            SuggestionKind::AmbiguousInitials => {
                "an initial for a given name, but it fits names of other subjects too".to_string()
            }
            SuggestionKind::CrossScript {
                skeleton_a,
                skeleton_b,
                score,
            } => format!(
                "other scripts, consonant skeletons \"{skeleton_a}\" / \"{skeleton_b}\" ({score:.2}); only a registry alias links across scripts"
            ),
        };
        writeln!(out, "  {} ~ {}: {why}", s.a, s.b)?;
        writeln!(out, "    subjects: {} | {}", s.subject_a, s.subject_b)?;
    }

    writeln!(out)?;
    let count = linking.vetoes.len();
    writeln!(out, "{count} vetoed link{}", noun(count, "", "s"))?;
    for v in &linking.vetoes {
        let veto = match &v.veto {
            Veto::Distinct { a, b } => {
                format!("the registry lists \"{a}\" and \"{b}\" as distinct")
            }
            Veto::DifferentEntries { a, b } => {
                format!("it would join registry entries \"{a}\" and \"{b}\"")
            }
        };
        writeln!(
            out,
            "  {} ~ {}: {}; refused: {veto}",
            v.a,
            v.b,
            reason(&v.reason)
        )?;
    }
    Ok(())
}

fn reason(reason: &LinkReason) -> String {
    match reason {
        LinkReason::RegistryAlias { entry } => format!("registry alias of \"{entry}\""),
        LinkReason::EqualAfterNormalisation => "equal after normalisation".to_string(),
        LinkReason::Rule(rule) => rule.describe().to_string(),
        LinkReason::Similar { measure, score } => format!("similar ({measure} {score:.2})"),
    }
}
