//! The claim graph: sources, their claims, and the canonical subjects the
//! claims link to, with every pair of claims that cannot both be true.
//!
//! Three things live here: the model ([`ClaimGraph`], built from a
//! [`ReportInput`]), a layout in pure Rust ([`Layout`]: three layers,
//! sources | claims | subjects, ordered by barycentre sweeps to reduce edge
//! crossings, keeping the best order seen), and the exports: SVG (also
//! inlined in the HTML report), Graphviz DOT and JSON.
//!
//! Everything is deterministic: nodes are sorted by id, sweeps break ties by
//! the previous order, and coordinates are whole pixels.
//!
//! JSON wire format (`crosscheck graph --format json`):
//!
//! ```json
//! {
//!   "nodes": [
//!     { "id": "source:le360", "kind": "source", "label": "Le360" },
//!     { "id": "claim:le360/deal-value", "kind": "claim", "label": "deal-value = <=150M USD",
//!       "in_contradiction": true },
//!     { "id": "subject:Barak MX air-defence deal", "kind": "subject", "label": "Barak MX air-defence deal" }
//!   ],
//!   "edges": [
//!     { "from": "source:le360", "to": "claim:le360/deal-value", "kind": "states" },
//!     { "from": "claim:le360/deal-value", "to": "subject:Barak MX air-defence deal", "kind": "about" },
//!     { "from": "claim:le360/deal-value", "to": "claim:tanja7/deal-value", "kind": "contradicts" }
//!   ]
//! }
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use serde::Serialize;

use crate::check::Severity;
use crate::model::ClaimId;
use crate::report::ReportInput;
use crate::report::html::escape;

/// What a node stands for; also its layer in the layout, left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum VertexKind {
    Source,
    Claim,
    Subject,
}

/// A box of the drawn claim graph: a source, a claim or a canonical
/// subject (the drawing's own model, laid out by [`Layout`]; the subject
/// graph's nodes are [`crate::link::Node`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Vertex {
    /// `source:<id>`, `claim:<global id>`, `subject:<canonical name>`.
    pub id: String,
    pub kind: VertexKind,
    /// What the picture shows (shortened there if long).
    pub label: String,
    /// Whether the claim is in a pair that cannot both be true.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub in_contradiction: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ArrowKind {
    /// source → claim.
    States,
    /// claim → canonical subject.
    About,
    /// claim — claim, the two cannot both be true (sorted pair).
    Contradicts,
}

/// An arrow between two boxes of the drawing, by index into
/// [`ClaimGraph::nodes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Arrow {
    pub from: usize,
    pub to: usize,
    pub kind: ArrowKind,
}

/// The claim graph of a project and its findings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimGraph {
    /// Sources (by id), then claims (by global id), then subjects (by name).
    pub nodes: Vec<Vertex>,
    /// Sorted.
    pub edges: Vec<Arrow>,
}

impl ClaimGraph {
    pub fn build(input: &ReportInput<'_>) -> ClaimGraph {
        let contradicting: BTreeSet<[ClaimId; 2]> = input
            .outcome
            .findings
            .iter()
            .filter(|finding| finding.kind.severity() == Severity::Contradiction)
            .flat_map(|finding| finding.pairs.iter().cloned())
            .collect();
        let in_contradiction: BTreeSet<&ClaimId> = contradicting.iter().flatten().collect();

        let mut sources: BTreeMap<String, Vertex> = BTreeMap::new();
        let mut claims: BTreeMap<String, Vertex> = BTreeMap::new();
        let mut subjects: BTreeMap<String, Vertex> = BTreeMap::new();
        let mut links: BTreeSet<(String, String, ArrowKind)> = BTreeSet::new();
        for (source, claim) in input.project.claims() {
            let source_id = format!("source:{}", source.id);
            let claim_id = format!("claim:{}", claim.id);
            let subject = input.canonical_subject(claim);
            let subject_id = format!("subject:{subject}");
            sources.entry(source_id.clone()).or_insert_with(|| Vertex {
                id: source_id.clone(),
                kind: VertexKind::Source,
                label: source.outlet.clone().unwrap_or_else(|| source.id.clone()),
                in_contradiction: false,
            });
            claims.insert(
                claim_id.clone(),
                Vertex {
                    id: claim_id.clone(),
                    kind: VertexKind::Claim,
                    label: format!("{} = {}", claim.local_id(), claim.value_written),
                    in_contradiction: in_contradiction.contains(&claim.id),
                },
            );
            subjects
                .entry(subject_id.clone())
                .or_insert_with(|| Vertex {
                    id: subject_id.clone(),
                    kind: VertexKind::Subject,
                    label: subject.to_owned(),
                    in_contradiction: false,
                });
            links.insert((source_id, claim_id.clone(), ArrowKind::States));
            links.insert((claim_id, subject_id, ArrowKind::About));
        }
        for [a, b] in &contradicting {
            links.insert((
                format!("claim:{a}"),
                format!("claim:{b}"),
                ArrowKind::Contradicts,
            ));
        }

        let nodes: Vec<Vertex> = sources
            .into_values()
            .chain(claims.into_values())
            .chain(subjects.into_values())
            .collect();
        let index: BTreeMap<&str, usize> = nodes
            .iter()
            .enumerate()
            .map(|(i, node)| (node.id.as_str(), i))
            .collect();
        // A pair naming a claim the project does not hold has no place in
        // the picture; the findings list still shows it.
        let mut edges: Vec<Arrow> = links
            .iter()
            .filter_map(|(from, to, kind)| {
                Some(Arrow {
                    from: *index.get(from.as_str())?,
                    to: *index.get(to.as_str())?,
                    kind: *kind,
                })
            })
            .collect();
        edges.sort();
        ClaimGraph { nodes, edges }
    }

    /// `{"nodes": [...], "edges": [...]}`, pretty-printed, ending in a newline.
    pub fn write_json(&self, out: &mut dyn Write) -> io::Result<()> {
        #[derive(Serialize)]
        struct JsonEdge<'a> {
            from: &'a str,
            to: &'a str,
            kind: ArrowKind,
        }
        #[derive(Serialize)]
        struct JsonGraph<'a> {
            nodes: &'a [Vertex],
            edges: Vec<JsonEdge<'a>>,
        }
        let graph = JsonGraph {
            nodes: &self.nodes,
            edges: self
                .edges
                .iter()
                .map(|edge| JsonEdge {
                    from: &self.nodes[edge.from].id,
                    to: &self.nodes[edge.to].id,
                    kind: edge.kind,
                })
                .collect(),
        };
        serde_json::to_writer_pretty(&mut *out, &graph)?;
        writeln!(out)
    }

    /// Graphviz DOT, for people who want to lay the graph out themselves.
    pub fn write_dot(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "digraph claims {{")?;
        writeln!(out, "  rankdir=LR;")?;
        writeln!(out, "  node [fontname=\"sans-serif\", fontsize=11];")?;
        for (kind, shape) in [
            (VertexKind::Source, "box"),
            (VertexKind::Claim, "note"),
            (VertexKind::Subject, "ellipse"),
        ] {
            writeln!(out, "  {{ rank=same;")?;
            for node in self.nodes.iter().filter(|node| node.kind == kind) {
                let colour = if node.in_contradiction {
                    ", color=\"#c62828\", penwidth=2"
                } else {
                    ""
                };
                writeln!(
                    out,
                    "    \"{}\" [label=\"{}\", shape={shape}{colour}];",
                    dot_escape(&node.id),
                    dot_escape(&node.label)
                )?;
            }
            writeln!(out, "  }}")?;
        }
        for edge in &self.edges {
            let style = match edge.kind {
                ArrowKind::States | ArrowKind::About => "",
                ArrowKind::Contradicts => {
                    " [color=\"#c62828\", penwidth=2, dir=none, constraint=false, label=\"contradicts\"]"
                }
            };
            writeln!(
                out,
                "  \"{}\" -> \"{}\"{style};",
                dot_escape(&self.nodes[edge.from].id),
                dot_escape(&self.nodes[edge.to].id)
            )?;
        }
        writeln!(out, "}}")
    }

    /// A standalone SVG document (the HTML report inlines the same element).
    pub fn write_svg(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        self.write_svg_element(&Layout::of(self), true, out)
    }

    /// The `<svg>` element alone. `standalone`: declare the SVG namespace,
    /// which a file needs and HTML does not (the report holds no address).
    pub fn write_svg_element(
        &self,
        layout: &Layout,
        standalone: bool,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let (width, height) = (layout.width, layout.height);
        let namespace = if standalone {
            " xmlns=\"http://www.w3.org/2000/svg\""
        } else {
            ""
        };
        writeln!(
            out,
            "<svg{namespace} viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"Claim graph: sources, claims and canonical subjects\" font-family=\"system-ui, sans-serif\" font-size=\"12\">"
        )?;
        for (kind, title) in [
            (VertexKind::Source, "Sources"),
            (VertexKind::Claim, "Claims"),
            (VertexKind::Subject, "Subjects"),
        ] {
            let column = Layout::column(kind);
            writeln!(
                out,
                "<text x=\"{}\" y=\"20\" font-weight=\"bold\" fill=\"#444\">{title}</text>",
                column.x
            )?;
        }
        // Edges under nodes.
        for edge in &self.edges {
            let (from, to) = (layout.boxes[edge.from], layout.boxes[edge.to]);
            match edge.kind {
                ArrowKind::States | ArrowKind::About => {
                    let (x1, y1) = (from.x + from.width, from.y + NODE_HEIGHT / 2);
                    let (x2, y2) = (to.x, to.y + NODE_HEIGHT / 2);
                    let middle = (x1 + x2) / 2;
                    writeln!(
                        out,
                        "<path d=\"M{x1} {y1} C{middle} {y1} {middle} {y2} {x2} {y2}\" fill=\"none\" stroke=\"#9aa5b1\" stroke-width=\"1.2\"/>"
                    )?;
                }
                ArrowKind::Contradicts => {
                    // An arc on the left of the claims column, bulging
                    // further the further apart the two claims are.
                    let (y1, y2) = (from.y + NODE_HEIGHT / 2, to.y + NODE_HEIGHT / 2);
                    let x = from.x;
                    let bulge = 24 + (y2 - y1).abs() / 6;
                    writeln!(
                        out,
                        "<path d=\"M{x} {y1} C{} {y1} {} {y2} {x} {y2}\" fill=\"none\" stroke=\"#c62828\" stroke-width=\"2\" stroke-dasharray=\"5 3\" data-edge=\"contradicts\"><title>{} contradicts {}</title></path>",
                        x - bulge,
                        x - bulge,
                        escape(&self.nodes[edge.from].id),
                        escape(&self.nodes[edge.to].id)
                    )?;
                }
            }
        }
        for (node, place) in self.nodes.iter().zip(&layout.boxes) {
            let (fill, stroke, stroke_width) = match (node.kind, node.in_contradiction) {
                (VertexKind::Source, _) => ("#e3f2fd", "#1565c0", 1),
                (VertexKind::Claim, true) => ("#ffebee", "#c62828", 2),
                (VertexKind::Claim, false) => ("#f5f5f5", "#757575", 1),
                (VertexKind::Subject, _) => ("#e8f5e9", "#2e7d32", 1),
            };
            let shown = shorten(&node.label, Layout::column(node.kind).max_chars);
            writeln!(
                out,
                "<g data-node=\"{}\" data-id=\"{}\"><title>{}</title><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{NODE_HEIGHT}\" rx=\"5\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{stroke_width}\"/><text x=\"{}\" y=\"{}\" fill=\"#1a1a1a\">{}</text></g>",
                kind_name(node.kind),
                escape(&node.id),
                escape(&node.label),
                place.x,
                place.y,
                place.width,
                place.x + 8,
                place.y + NODE_HEIGHT / 2 + 4,
                escape(&shown)
            )?;
        }
        writeln!(out, "</svg>")
    }
}

fn kind_name(kind: VertexKind) -> &'static str {
    match kind {
        VertexKind::Source => "source",
        VertexKind::Claim => "claim",
        VertexKind::Subject => "subject",
    }
}

/// A label cut to `max` characters with `…` (the full text is the node's
/// `<title>`, shown on hover).
fn shorten(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        return label.to_owned();
    }
    let cut: String = label.chars().take(max - 1).collect();
    format!("{}…", cut.trim_end())
}

fn dot_escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => escaped.push_str("\\\""),
            '\\' => escaped.push_str("\\\\"),
            '\n' | '\r' => escaped.push_str("\\n"),
            c if c.is_control() => {}
            c => escaped.push(c),
        }
    }
    escaped
}

const NODE_HEIGHT: i64 = 26;
const ROW: i64 = 34;
const TOP: i64 = 36;

/// A node's rectangle, in whole pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VertexBox {
    pub x: i64,
    pub y: i64,
    pub width: i64,
}

/// One layer's place and width.
#[derive(Debug, Clone, Copy)]
struct Column {
    x: i64,
    width: i64,
    max_chars: usize,
}

/// Where each node goes: one box per node, in the order of
/// [`ClaimGraph::nodes`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub boxes: Vec<VertexBox>,
    pub width: i64,
    pub height: i64,
    /// Crossings between edges of adjacent layers in the chosen order.
    pub crossings: usize,
}

impl Layout {
    fn column(kind: VertexKind) -> Column {
        match kind {
            VertexKind::Source => Column {
                x: 10,
                width: 170,
                max_chars: 24,
            },
            VertexKind::Claim => Column {
                x: 290,
                width: 270,
                max_chars: 40,
            },
            VertexKind::Subject => Column {
                x: 660,
                width: 250,
                max_chars: 36,
            },
        }
    }

    /// Orders each layer to reduce crossings, then places claims one per
    /// row and every source and subject level with the middle of its claims.
    pub fn of(graph: &ClaimGraph) -> Layout {
        let layer = |kind: VertexKind| -> Vec<usize> {
            (0..graph.nodes.len())
                .filter(|&i| graph.nodes[i].kind == kind)
                .collect()
        };
        let mut layers = [
            layer(VertexKind::Source),
            layer(VertexKind::Claim),
            layer(VertexKind::Subject),
        ];
        let hierarchy: Vec<(usize, usize)> = graph
            .edges
            .iter()
            .filter(|edge| edge.kind != ArrowKind::Contradicts)
            .map(|edge| (edge.from, edge.to))
            .collect();

        // Each claim has one source and one subject, so a claim's place is
        // best decided within its source's block: sort claims by (source,
        // subject), subjects by the mean row of their claims, sources by
        // the mean place of their claims' subjects. Start from id order and
        // keep the order with the fewest crossings seen.
        let mut best = layers.clone();
        let mut best_crossings = count_crossings(&layers, &hierarchy);
        for _ in 0..8 {
            reorder(&mut layers, 2, &[1], &hierarchy);
            reorder(&mut layers, 0, &[2], &two_step(&hierarchy));
            sort_claims(&mut layers, &hierarchy);
            let crossings = count_crossings(&layers, &hierarchy);
            if crossings < best_crossings {
                best_crossings = crossings;
                best = layers.clone();
            }
        }

        let mut boxes = vec![
            VertexBox {
                x: 0,
                y: 0,
                width: 0
            };
            graph.nodes.len()
        ];
        for (row, &node) in best[1].iter().enumerate() {
            let column = Layout::column(VertexKind::Claim);
            boxes[node] = VertexBox {
                x: column.x,
                y: TOP + ROW * row as i64,
                width: column.width,
            };
        }
        let adjacent = neighbours(&hierarchy);
        for (layer_index, kind) in [(0, VertexKind::Source), (2, VertexKind::Subject)] {
            let column = Layout::column(kind);
            let mut next_free = TOP;
            for &node in &best[layer_index] {
                let ys: Vec<i64> = adjacent
                    .get(node)
                    .into_iter()
                    .flatten()
                    .map(|&claim| boxes[claim].y)
                    .collect();
                let wanted = if ys.is_empty() {
                    next_free
                } else {
                    (ys.iter().min().unwrap_or(&TOP) + ys.iter().max().unwrap_or(&TOP)) / 2
                };
                let y = wanted.max(next_free);
                boxes[node] = VertexBox {
                    x: column.x,
                    y,
                    width: column.width,
                };
                next_free = y + ROW;
            }
        }
        let bottom = boxes.iter().map(|b| b.y).max().unwrap_or(TOP);
        let subject = Layout::column(VertexKind::Subject);
        Layout {
            boxes,
            width: subject.x + subject.width + 10,
            height: bottom + NODE_HEIGHT + 12,
            crossings: best_crossings,
        }
    }
}

/// Source–subject edges through claims (one per claim), for ordering
/// sources by the subjects their claims reach.
fn two_step(edges: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let claims: BTreeSet<usize> = edges.iter().map(|&(_, claim)| claim).collect();
    let subject_of: BTreeMap<usize, usize> = edges
        .iter()
        .filter(|(claim, _)| claims.contains(claim))
        .map(|&(claim, subject)| (claim, subject))
        .collect();
    edges
        .iter()
        .filter_map(|&(source, claim)| Some((source, *subject_of.get(&claim)?)))
        .collect()
}

/// Claims in blocks by source, each block ordered by subject place; ties
/// keep the previous order (stable sort).
fn sort_claims(layers: &mut [Vec<usize>; 3], edges: &[(usize, usize)]) {
    let place = |layer: &Vec<usize>| -> BTreeMap<usize, usize> {
        layer
            .iter()
            .enumerate()
            .map(|(i, &node)| (node, i))
            .collect()
    };
    let (sources, subjects) = (place(&layers[0]), place(&layers[2]));
    let adjacent = neighbours(edges);
    let neighbour = |claim: usize, places: &BTreeMap<usize, usize>| {
        adjacent
            .get(claim)
            .into_iter()
            .flatten()
            .find_map(|other| places.get(other).copied())
            .unwrap_or(usize::MAX)
    };
    // Each key computed once, then a stable sort.
    let keys: BTreeMap<usize, (usize, usize)> = layers[1]
        .iter()
        .map(|&claim| {
            (
                claim,
                (neighbour(claim, &sources), neighbour(claim, &subjects)),
            )
        })
        .collect();
    layers[1].sort_by_key(|claim| keys.get(claim).copied());
}

/// Each node's neighbours along `edges`, in edge order, indexed by node: the
/// layout asks for them per node, and scanning every edge each time made it
/// quadratic (minutes at 10,000 claims).
fn neighbours(edges: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let size = edges.iter().map(|&(a, b)| a.max(b) + 1).max().unwrap_or(0);
    let mut adjacent = vec![Vec::new(); size];
    for &(a, b) in edges {
        adjacent[a].push(b);
        if a != b {
            adjacent[b].push(a);
        }
    }
    adjacent
}

/// Sorts layer `target` by the mean position (as a fraction of its layer)
/// of each node's neighbours in the `by` layers; a node without neighbours
/// keeps its place, and ties keep the previous order (stable sort).
fn reorder(layers: &mut [Vec<usize>; 3], target: usize, by: &[usize], edges: &[(usize, usize)]) {
    let mut position: BTreeMap<usize, f64> = BTreeMap::new();
    for &layer in by {
        let len = layers[layer].len().max(2) - 1;
        for (i, &node) in layers[layer].iter().enumerate() {
            position.insert(node, i as f64 / len as f64);
        }
    }
    let own_len = layers[target].len().max(2) - 1;
    let adjacent = neighbours(edges);
    let mut keyed: Vec<(f64, usize)> = layers[target]
        .iter()
        .enumerate()
        .map(|(i, &node)| {
            let neighbours: Vec<f64> = adjacent
                .get(node)
                .into_iter()
                .flatten()
                .filter_map(|other| position.get(other).copied())
                .collect();
            let key = if neighbours.is_empty() {
                i as f64 / own_len as f64
            } else {
                neighbours.iter().sum::<f64>() / neighbours.len() as f64
            };
            (key, node)
        })
        .collect();
    keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
    layers[target] = keyed.into_iter().map(|(_, node)| node).collect();
}

/// Crossings between edges of adjacent layers: two edges cross when their
/// ends are in opposite orders.
fn count_crossings(layers: &[Vec<usize>; 3], edges: &[(usize, usize)]) -> usize {
    let mut position: BTreeMap<usize, usize> = BTreeMap::new();
    for layer in layers {
        for (i, &node) in layer.iter().enumerate() {
            position.insert(node, i);
        }
    }
    let mut layer_of: BTreeMap<usize, usize> = BTreeMap::new();
    for (index, layer) in layers.iter().enumerate() {
        for &node in layer {
            layer_of.insert(node, index);
        }
    }
    let mut between: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
    for &(a, b) in edges {
        if let (Some(&layer), Some(&pa), Some(&pb)) =
            (layer_of.get(&a), position.get(&a), position.get(&b))
        {
            between.entry(layer).or_default().push((pa, pb));
        }
    }
    between.into_values().map(inversions).sum()
}

/// How many pairs of edges `(a, b)` cross: `a1 < a2` and `b1 > b2`. Sorted
/// by `(a, b)`, that is the strict inversions of the `b` sequence (edges
/// sharing an end never cross), counted with a Fenwick tree: O(E log E),
/// where comparing every pair was hours at 100,000 claims.
fn inversions(mut edges: Vec<(usize, usize)>) -> usize {
    edges.sort_unstable();
    let size = edges.iter().map(|&(_, b)| b + 1).max().unwrap_or(0);
    // tree[i] counts the `b`s seen so far in a range ending at i (1-based).
    let mut tree = vec![0usize; size + 1];
    let mut crossings = 0;
    for (seen, &(_, b)) in edges.iter().enumerate() {
        // How many earlier edges have an end at or before `b`.
        let mut at_or_before = 0;
        let mut i = b + 1;
        while i > 0 {
            at_or_before += tree[i];
            i &= i - 1;
        }
        crossings += seen - at_or_before;
        let mut i = b + 1;
        while i <= size {
            tree[i] += 1;
            i += i & i.wrapping_neg();
        }
    }
    crossings
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::inversions;

    /// Every pair compared: the definition `inversions` must agree with.
    fn crossings_by_pairs(edges: &[(usize, usize)]) -> usize {
        let mut crossings = 0;
        for (i, &(a1, b1)) in edges.iter().enumerate() {
            for &(a2, b2) in &edges[i + 1..] {
                if (a1 < a2 && b1 > b2) || (a1 > a2 && b1 < b2) {
                    crossings += 1;
                }
            }
        }
        crossings
    }

    #[test]
    fn crossings_of_small_cases() {
        assert_eq!(inversions(vec![]), 0);
        assert_eq!(inversions(vec![(0, 1), (1, 0)]), 1);
        // Edges sharing an end never cross.
        assert_eq!(inversions(vec![(0, 0), (0, 1), (1, 1)]), 0);
        assert_eq!(inversions(vec![(0, 2), (1, 1), (2, 0)]), 3);
    }

    proptest! {
        #[test]
        fn inversions_count_every_crossing(
            edges in proptest::collection::vec((0usize..12, 0usize..12), 0..80)
        ) {
            prop_assert_eq!(inversions(edges.clone()), crossings_by_pairs(&edges));
        }
    }
}
