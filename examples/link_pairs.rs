//! Scores subject linking on labelled name pairs (bench/linking/pairs.tsv,
//! built by bench/linking/make_pairs.py): precision and recall of the
//! automatic links, and recall of the top-3 suggestions.
//!
//! ```text
//! cargo run --release --example link_pairs -- bench/linking/pairs.tsv
//! ```
//!
//! Each line is `label <TAB> set <TAB> a <TAB> b`. The names of one set are
//! linked together, as one project's subject names, with the default
//! settings and an empty registry. A pair is *linked* when both names end in
//! one canonical subject. A `same` pair left apart is *found by a
//! suggestion* when either name's subject is among the three best-scored
//! subjects suggested for the other's. Prints one line per set and a total.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use crosscheck::link::{Linking, link_names};
use crosscheck::model::{Registry, Settings};

#[derive(Default)]
struct Score {
    same: usize,
    different: usize,
    linked_same: usize,
    linked_different: usize,
    suggested_same: usize,
}

fn main() -> std::io::Result<()> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "bench/linking/pairs.tsv".into());
    let text = std::fs::read_to_string(&path)?;
    let mut sets: BTreeMap<&str, Vec<(bool, &str, &str)>> = BTreeMap::new();
    for line in text.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        if let [label, set, a, b] = fields[..] {
            sets.entry(set).or_default().push((label == "same", a, b));
        }
    }
    let settings = Settings::default();
    let mut out = std::io::stdout().lock();
    let mut total = Score::default();
    let mut false_links = Vec::new();
    for (set, pairs) in &sets {
        let mut names: BTreeMap<String, usize> = BTreeMap::new();
        for (_, a, b) in pairs {
            names.insert((*a).to_string(), 1);
            names.insert((*b).to_string(), 1);
        }
        let linking = link_names(&names, &Registry::default(), &settings.link);
        let top = top_suggestions(&linking, 3);
        let subject = |n: &str| linking.subject_of(n).map(|s| s.name.clone());
        let mut score = Score::default();
        for &(same, a, b) in pairs {
            let (sa, sb) = (subject(a), subject(b));
            let linked = sa.is_some() && sa == sb;
            if same {
                score.same += 1;
                if linked {
                    score.linked_same += 1;
                } else if let (Some(sa), Some(sb)) = (&sa, &sb) {
                    let hit = |x: &String, y: &String| top.get(x).is_some_and(|t| t.contains(y));
                    if hit(sa, sb) || hit(sb, sa) {
                        score.suggested_same += 1;
                    }
                }
            } else {
                score.different += 1;
                if linked {
                    score.linked_different += 1;
                    false_links.push(format!("{set}: {a} | {b}"));
                }
            }
        }
        line(&mut out, set, &score)?;
        total.same += score.same;
        total.different += score.different;
        total.linked_same += score.linked_same;
        total.linked_different += score.linked_different;
        total.suggested_same += score.suggested_same;
    }
    line(&mut out, "total", &total)?;
    for link in false_links {
        writeln!(out, "false link: {link}")?;
    }
    Ok(())
}

/// Per subject, the `k` best-scored other subjects suggested with it.
fn top_suggestions(linking: &Linking, k: usize) -> BTreeMap<String, BTreeSet<String>> {
    let mut scored: BTreeMap<&str, Vec<(f64, &str)>> = BTreeMap::new();
    for s in &linking.suggestions {
        let score = s.kind.score();
        scored
            .entry(&s.subject_a)
            .or_default()
            .push((score, &s.subject_b));
        scored
            .entry(&s.subject_b)
            .or_default()
            .push((score, &s.subject_a));
    }
    scored
        .into_iter()
        .map(|(subject, mut list)| {
            list.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(y.1)));
            let mut best = BTreeSet::new();
            for (_, other) in list {
                if best.len() == k {
                    break;
                }
                best.insert(other.to_string());
            }
            (subject.to_string(), best)
        })
        .collect()
}

fn line(out: &mut dyn Write, set: &str, s: &Score) -> std::io::Result<()> {
    let ratio = |x: usize, y: usize| {
        if y == 0 {
            "n/a".to_string()
        } else {
            format!("{:.3}", x as f64 / y as f64)
        }
    };
    let linked = s.linked_same + s.linked_different;
    writeln!(
        out,
        "{set}: same={} different={} links={} false_links={} precision={} recall={} top3_suggestion_recall={} linked_or_top3={}",
        s.same,
        s.different,
        linked,
        s.linked_different,
        ratio(s.linked_same, linked),
        ratio(s.linked_same, s.same),
        ratio(s.suggested_same, s.same - s.linked_same),
        ratio(s.linked_same + s.suggested_same, s.same),
    )
}
