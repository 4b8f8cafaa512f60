//! Scores a `crosscheck check --format json` report against the `truth.json`
//! of a generated project (examples/generate_project.rs).
//!
//! ```text
//! cargo run --release --example score_report -- DIR/truth.json report.json
//! ```
//!
//! Prints one JSON object. Pair level (the exact relation): a reported pair
//! is the `pairs` (or the pairs its `sides` stand for) of every
//! `contradiction` and `internal-contradiction` finding; recall = planted pairs reported / planted pairs; precision =
//! reported pairs that were planted / reported pairs (a reported pair not
//! planted is a false contradiction). Group level, to set beside the naive
//! DuckDB query: a group is flagged when one of its pairs is reported.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, BufReader, Write as _};
use std::path::Path;

use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize)]
pub struct TruthFile {
    pub contradictions: Vec<[String; 2]>,
    pub groups: Vec<TruthGroupFile>,
}

#[derive(Debug, Deserialize)]
pub struct TruthGroupFile {
    pub claims: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct ReportFile {
    findings: Vec<ReportFinding>,
}

#[derive(Debug, Deserialize)]
struct ReportFinding {
    kind: String,
    #[serde(default)]
    pairs: Vec<[String; 2]>,
    /// A large fact's contradictions as sides: every pair of one claim of
    /// `left` and one of `right`.
    #[serde(default)]
    sides: Vec<ReportSide>,
}

#[derive(Debug, Deserialize)]
struct ReportSide {
    left: Vec<String>,
    right: Vec<String>,
}

impl ReportFinding {
    /// `pairs`, and the pairs `sides` stand for.
    fn all_pairs(self) -> Vec<[String; 2]> {
        let mut pairs = self.pairs;
        for side in &self.sides {
            for a in &side.left {
                for b in &side.right {
                    pairs.push([a.clone(), b.clone()]);
                }
            }
        }
        pairs
    }
}

/// Recall and precision of reported contradiction pairs against the truth.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    pub planted_pairs: usize,
    pub reported_pairs: usize,
    pub found_pairs: usize,
    pub recall: f64,
    pub precision: f64,
    /// Up to ten planted pairs not reported, for debugging.
    pub missed_examples: Vec<[String; 2]>,
    /// Up to ten reported pairs not planted (false contradictions).
    pub false_examples: Vec<[String; 2]>,
    pub planted_groups: usize,
    pub flagged_groups: usize,
    pub correct_flagged_groups: usize,
    pub group_recall: f64,
    pub group_precision: f64,
}

/// Scores `reported` pairs (each sorted or not) against the truth.
pub fn score(truth: &TruthFile, reported: &[[String; 2]]) -> Score {
    let sorted = |[a, b]: &[String; 2]| {
        if a <= b {
            (a.clone(), b.clone())
        } else {
            (b.clone(), a.clone())
        }
    };
    let planted: BTreeSet<(String, String)> = truth.contradictions.iter().map(sorted).collect();
    let reported: BTreeSet<(String, String)> = reported.iter().map(sorted).collect();
    let found = planted.intersection(&reported).count();
    let as_array = |(a, b): &(String, String)| [a.clone(), b.clone()];

    let group_of: BTreeMap<&str, usize> = truth
        .groups
        .iter()
        .enumerate()
        .flat_map(|(g, group)| group.claims.iter().map(move |c| (c.as_str(), g)))
        .collect();
    let group = |(a, _): &(String, String)| group_of.get(a.as_str()).copied();
    let planted_groups: BTreeSet<Option<usize>> = planted.iter().map(group).collect();
    let flagged_groups: BTreeSet<Option<usize>> = reported.iter().map(group).collect();
    let correct = flagged_groups.intersection(&planted_groups).count();

    let ratio = |part: usize, whole: usize| {
        if whole == 0 {
            1.0
        } else {
            part as f64 / whole as f64
        }
    };
    Score {
        planted_pairs: planted.len(),
        reported_pairs: reported.len(),
        found_pairs: found,
        recall: ratio(found, planted.len()),
        precision: ratio(found, reported.len()),
        missed_examples: planted
            .difference(&reported)
            .take(10)
            .map(as_array)
            .collect(),
        false_examples: reported
            .difference(&planted)
            .take(10)
            .map(as_array)
            .collect(),
        planted_groups: planted_groups.len(),
        flagged_groups: flagged_groups.len(),
        correct_flagged_groups: correct,
        group_recall: ratio(correct, planted_groups.len()),
        group_precision: ratio(correct, flagged_groups.len()),
    }
}

fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_reader(BufReader::new(file)).map_err(|e| format!("{}: {e}", path.display()))
}

#[allow(clippy::print_stderr)]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [truth, report] = args.as_slice() else {
        eprintln!("usage: score_report TRUTH_JSON REPORT_JSON");
        std::process::exit(2);
    };
    let result = read_json::<TruthFile>(Path::new(truth)).and_then(|truth| {
        let report = read_json::<ReportFile>(Path::new(report))?;
        let pairs: Vec<[String; 2]> = report
            .findings
            .into_iter()
            .filter(|f| f.kind == "contradiction" || f.kind == "internal-contradiction")
            .flat_map(ReportFinding::all_pairs)
            .collect();
        Ok(score(&truth, &pairs))
    });
    match result.and_then(|s| serde_json::to_string(&s).map_err(|e| e.to_string())) {
        Ok(json) => {
            let _ = writeln!(io::stdout().lock(), "{json}");
        }
        Err(message) => {
            eprintln!("score_report: {message}");
            std::process::exit(2);
        }
    }
}
