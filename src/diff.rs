//! What changed between two runs: findings keyed by stable fingerprints,
//! sorted into new, resolved, changed and unchanged. `crosscheck diff` and
//! `check --baseline` read JSON reports (the wire format of
//! [`crate::report::json`]), so a report kept from an earlier run, or
//! made from the project at an earlier git revision, is all either needs.
//!
//! # Units and their keys
//!
//! A report's findings are cut into units that keep their identity across
//! runs whatever else changes:
//!
//! - every compared pair of a finding is a unit keyed by its two global
//!   claim ids, sorted and joined by `|` (the key SARIF's
//!   `partialFingerprints` carries); its kind is the finding's kind when
//!   the pair is one of the finding's `pairs` (or of its `sides`: a
//!   contradiction), else the
//!   pair's verdict (`agreement`, `compatible`, ...);
//! - a finding with no compared pair (an unreadable value) is one unit
//!   keyed by its claims joined by `|`.
//!
//! Keys hold claim ids, never positions or report order, so moving a claim
//! in its file or adding an unrelated one changes nothing. A unit is
//! *changed* when its kind or the values of its claims (as written) differ.
//!
//! # Consensus
//!
//! The journalist's next question after "where do they disagree" is "what
//! is most likely true", and a run that adds a source or a `supersedes`
//! can change that answer without changing any finding's kind. Each fact
//! in both runs (keyed by subject, attribute and `as_of`) whose consensus
//! value differs is listed, "no consensus" included.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use crate::check::{FindingKind, Severity};
use crate::report::sarif::pair_fingerprint;

/// One unit of a report (see the module doc).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unit {
    pub key: String,
    pub kind: String,
    pub subject: String,
    pub attribute: String,
    /// The unit's claims, sorted, each with its value as written.
    pub claims: Vec<ClaimValue>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimValue {
    pub id: String,
    pub value: String,
}

/// A unit in both runs whose kind or values differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub key: String,
    pub old: Unit,
    pub new: Unit,
}

/// The comparison of two runs, each list sorted by key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Diff {
    pub new: Vec<Unit>,
    pub resolved: Vec<Unit>,
    pub changed: Vec<Change>,
    pub unchanged: Vec<Unit>,
    /// Facts in both runs whose consensus differs, in (subject, attribute,
    /// as_of) order.
    pub consensus: Vec<ConsensusChange>,
}

/// A fact in both runs whose consensus value differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConsensusChange {
    pub subject: String,
    pub attribute: String,
    pub as_of: Option<String>,
    /// The consensus value as written (a set as its JSON array); `None`
    /// for "no consensus".
    pub old: Option<String>,
    pub new: Option<String>,
}

/// A report's findings as units, and each fact's consensus.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Run {
    pub units: BTreeMap<String, Unit>,
    /// (subject, attribute, as_of) → consensus value (`None`: no
    /// consensus). Empty for a report made with `--no-consensus`.
    pub consensus: BTreeMap<FactKey, Option<String>>,
}

/// A fact's subject, attribute and `as_of`.
pub type FactKey = (String, String, Option<String>);

/// Why a JSON text is not a report this can read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAReport(pub String);

impl Unit {
    /// The kind's severity; `None` for a kind this build does not know (a
    /// report from a newer crosscheck).
    pub fn severity(&self) -> Option<Severity> {
        FindingKind::ALL
            .iter()
            .find(|kind| kind.name() == self.kind)
            .map(|kind| kind.severity())
    }
}

/// The units of a JSON report, by key.
pub fn units(report: &Value) -> Result<BTreeMap<String, Unit>, NotAReport> {
    let findings = report
        .get("findings")
        .and_then(Value::as_array)
        .ok_or_else(|| NotAReport("it has no \"findings\" array".into()))?;
    let values: BTreeMap<&str, &str> = report
        .get("claims")
        .and_then(Value::as_array)
        .map(|claims| {
            claims
                .iter()
                .filter_map(|c| Some((c.get("id")?.as_str()?, c.get("value")?.as_str()?)))
                .collect()
        })
        .unwrap_or_default();
    let text = |v: &Value, field: &str| {
        v.get(field)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let ids = |v: Option<&Value>| -> Vec<String> {
        v.and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|id| id.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut units = BTreeMap::new();
    for finding in findings {
        let kind = text(finding, "kind");
        if kind.is_empty() {
            return Err(NotAReport("a finding has no \"kind\"".into()));
        }
        let pairs: Vec<Vec<String>> = finding
            .get("pairs")
            .and_then(Value::as_array)
            .map(|pairs| pairs.iter().map(|p| ids(Some(p))).collect())
            .unwrap_or_default();
        // `sides` (the contract's form for a finding over many claims):
        // every pair of one claim from `left` and one from `right`.
        let sides: Vec<(Vec<String>, Vec<String>)> = finding
            .get("sides")
            .and_then(Value::as_array)
            .map(|sides| {
                sides
                    .iter()
                    .map(|side| (ids(side.get("left")), ids(side.get("right"))))
                    .collect()
            })
            .unwrap_or_default();
        let in_sides = |a: &String, b: &String| {
            sides.iter().any(|(left, right)| {
                (left.contains(a) && right.contains(b)) || (left.contains(b) && right.contains(a))
            })
        };
        let make = |claims: Vec<String>, kind: String| Unit {
            key: claims.join("|"),
            kind,
            subject: text(finding, "subject"),
            attribute: text(finding, "attribute"),
            claims: claims
                .into_iter()
                .map(|id| ClaimValue {
                    value: values
                        .get(id.as_str())
                        .copied()
                        .unwrap_or_default()
                        .to_owned(),
                    id,
                })
                .collect(),
        };
        let comparisons = finding
            .get("comparisons")
            .and_then(Value::as_array)
            .filter(|c| !c.is_empty());
        let found: Vec<Unit> = match comparisons {
            Some(comparisons) => comparisons
                .iter()
                .map(|comparison| {
                    let mut pair = ids(comparison.get("claims"));
                    pair.sort();
                    let in_pairs = pairs.iter().any(|p| {
                        let mut p = p.clone();
                        p.sort();
                        p == pair
                    }) || (pair.len() == 2 && in_sides(&pair[0], &pair[1]));
                    let kind = if in_pairs {
                        kind.clone()
                    } else {
                        text(comparison, "verdict")
                    };
                    make(pair, kind)
                })
                .collect(),
            None => {
                let mut claims = ids(finding.get("claims"));
                claims.sort();
                vec![make(claims, kind.clone())]
            }
        };
        for unit in found {
            debug_assert!(
                unit.claims.len() != 2 || {
                    unit.key == pair_fingerprint(&unit.claims[0].id, &unit.claims[1].id)
                }
            );
            units.entry(unit.key.clone()).or_insert(unit);
        }
    }
    Ok(units)
}

/// A report's units ([`units`]) and each fact's consensus value.
pub fn run(report: &Value) -> Result<Run, NotAReport> {
    let text = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_owned);
    let consensus = report
        .get("facts")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|fact| {
            let key = (
                text(fact.get("subject")).unwrap_or_default(),
                text(fact.get("attribute")).unwrap_or_default(),
                text(fact.get("as_of")),
            );
            let value = fact
                .get("consensus")
                .and_then(|c| c.get("value"))
                .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned));
            (key, value)
        })
        .collect();
    Ok(Run {
        units: units(report)?,
        consensus,
    })
}

/// Compares an old and a new run: their units, and the consensus of the
/// facts in both.
pub fn diff_runs(old: &Run, new: &Run) -> Diff {
    let mut diff = diff(&old.units, &new.units);
    diff.consensus = new
        .consensus
        .iter()
        .filter_map(|(key, value)| {
            let before = old.consensus.get(key)?;
            (before != value).then(|| ConsensusChange {
                subject: key.0.clone(),
                attribute: key.1.clone(),
                as_of: key.2.clone(),
                old: before.clone(),
                new: value.clone(),
            })
        })
        .collect();
    diff
}

/// Compares the units of an old and a new run.
pub fn diff(old: &BTreeMap<String, Unit>, new: &BTreeMap<String, Unit>) -> Diff {
    let mut diff = Diff::default();
    for (key, unit) in new {
        match old.get(key) {
            None => diff.new.push(unit.clone()),
            Some(before) if before.kind != unit.kind || before.claims != unit.claims => {
                diff.changed.push(Change {
                    key: key.clone(),
                    old: before.clone(),
                    new: unit.clone(),
                });
            }
            Some(_) => diff.unchanged.push(unit.clone()),
        }
    }
    diff.resolved = old
        .iter()
        .filter(|(key, _)| !new.contains_key(*key))
        .map(|(_, unit)| unit.clone())
        .collect();
    diff
}

/// The units of `current` at or above `threshold` that the baseline does
/// not hold with the same kind: what `check --baseline` fails on.
pub fn beyond_baseline<'a>(
    current: &'a BTreeMap<String, Unit>,
    baseline: &BTreeMap<String, Unit>,
    threshold: Severity,
) -> Vec<&'a Unit> {
    current
        .values()
        .filter(|unit| unit.severity().is_some_and(|s| s <= threshold))
        .filter(|unit| {
            baseline
                .get(&unit.key)
                .is_none_or(|before| before.kind != unit.kind)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(findings: Value) -> BTreeMap<String, Unit> {
        let claims: Vec<Value> = ["s/a", "s/b", "s/c"]
            .iter()
            .map(|id| serde_json::json!({"id": id, "value": format!("v of {id}")}))
            .collect();
        units(&serde_json::json!({"findings": findings, "claims": claims})).unwrap_or_default()
    }

    fn comparison(a: &str, b: &str, verdict: &str) -> Value {
        serde_json::json!({"claims": [a, b], "verdict": verdict})
    }

    #[test]
    fn pairs_and_sides_give_the_finding_kind_other_pairs_their_verdict() {
        let comparisons = [
            comparison("s/a", "s/b", "contradiction"),
            comparison("s/a", "s/c", "contradiction"),
            comparison("s/b", "s/c", "agreement"),
        ];
        let with_pairs = report(serde_json::json!([{
            "kind": "internal-contradiction", "subject": "x", "attribute": "y",
            "claims": ["s/a", "s/b", "s/c"],
            "pairs": [["s/a", "s/b"], ["s/a", "s/c"]],
            "comparisons": comparisons,
        }]));
        let with_sides = report(serde_json::json!([{
            "kind": "internal-contradiction", "subject": "x", "attribute": "y",
            "claims": ["s/a", "s/b", "s/c"],
            "sides": [{"left": ["s/a"], "right": ["s/b", "s/c"]}],
            "comparisons": comparisons,
        }]));
        assert_eq!(with_pairs, with_sides);
        let kinds: Vec<(&str, &str)> = with_pairs
            .values()
            .map(|u| (u.key.as_str(), u.kind.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                ("s/a|s/b", "internal-contradiction"),
                ("s/a|s/c", "internal-contradiction"),
                ("s/b|s/c", "agreement"),
            ]
        );
        assert_eq!(with_pairs["s/a|s/b"].claims[1].value, "v of s/b");
    }

    #[test]
    fn a_finding_without_comparisons_is_one_unit_and_a_bad_report_is_refused() {
        let units = report(serde_json::json!([{
            "kind": "unreadable", "subject": "x", "attribute": "y", "claims": ["s/c"],
        }]));
        assert_eq!(units.keys().collect::<Vec<_>>(), ["s/c"]);
        assert!(super::units(&serde_json::json!({"findings": [{}]})).is_err());
        assert!(super::units(&serde_json::json!({"claims": []})).is_err());
    }

    #[test]
    fn baseline_keeps_known_findings_and_fails_on_new_or_changed_kinds() {
        let old = report(serde_json::json!([{
            "kind": "contradiction", "subject": "x", "attribute": "y",
            "claims": ["s/a", "s/b"], "pairs": [["s/a", "s/b"]],
            "comparisons": [comparison("s/a", "s/b", "contradiction")],
        }, {
            "kind": "agreement", "subject": "x", "attribute": "z",
            "claims": ["s/b", "s/c"], "pairs": [],
            "comparisons": [comparison("s/b", "s/c", "agreement")],
        }]));
        assert!(beyond_baseline(&old, &old, Severity::Contradiction).is_empty());
        let mut new = old.clone();
        if let Some(unit) = new.get_mut("s/b|s/c") {
            unit.kind = "contradiction".into();
        }
        let beyond: Vec<&str> = beyond_baseline(&new, &old, Severity::Contradiction)
            .iter()
            .map(|u| u.key.as_str())
            .collect();
        assert_eq!(beyond, ["s/b|s/c"]);
    }
}
