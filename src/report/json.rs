//! The JSON report: what `crosscheck check --format json` prints.
//!
//! The checker's findings, with everything a reader or another renderer
//! needs to show them (each claim's written and denoted value, its quote and
//! place, its origins), as one JSON object. The output is byte-identical
//! across runs and input orders: every list is sorted, objects have a fixed
//! field order, and nothing holds an absolute path or a timestamp.
//!
//! # Wire format
//!
//! The fixed part (docs/claim-format.md, "The JSON report") is
//! `findings[].kind`, `subject`, `attribute`, `claims` and `pairs`; the rest
//! is added by crosscheck and versioned by `schema_version`.
//!
//! - `schema_version`: 1.
//! - `counts`: findings per kind, every kind present (kind name → count).
//! - `findings`: sorted by kind (in the order of the table below), subject,
//!   attribute, claims. Each has:
//!   - `kind`: `contradiction`, `internal-contradiction`, `mixed-kinds`,
//!     `incomparable`, `compatible`, `naming-variant`, `agreement`,
//!     `unreadable`;
//!   - `severity`: `contradiction`, `warning` or `info`;
//!   - `subject` (canonical), `attribute`;
//!   - `claims`: global ids, sorted;
//!   - `pairs`: for the two contradiction kinds, every pair that cannot both
//!     be true (each sorted, the list sorted); `[]` for the other kinds;
//!   - `explanation`: the finding in plain words;
//!   - `comparisons`: each compared pair behind the finding: `claims`,
//!     `check`, `verdict`, `relation` (`equal`, `subset`, `superset`,
//!     `overlap`, `disjoint`, read from the first claim to the second, or
//!     `null` for names, ordinals and booleans), `code`, `reason`;
//!   - `conversions`: every currency conversion made: `claim`, `from`, `to`,
//!     `rate` (exact decimal text, USD per unit), `year`, `written`,
//!     `converted`;
//!   - `independent_origins` and `origins` (`names`, `claims`).
//! - `claims`: every claim of the project, sorted by id: `id`, `source`,
//!   `subject` (as written), `canonical_subject`, `attribute`, `value` (as
//!   written), `canonical_value`, `value_kind`, `denotation` (`kind`, `text` and, for numbers
//!   and spans, `dimension`, `lo` and `hi` with an exact `value` or `null`
//!   when unbounded, and `closed`), `as_of`, `according_to`, `note`,
//!   `quote` (`text`, `document`, `start` and `end` as `line:column` in
//!   characters), and `location` (`file`, `line`, `column` of the claim).
//! - `sources`: every source, sorted by id.
//! - `warnings`: curation warnings (close subject names not linked, vetoed
//!   links, figures no quote covers), each with `code`, `message`, `places`
//!   (`file`, `line`, `column` in characters, `label`; the main place first),
//!   `help` and `notes`. They never change the exit status.
//!
//! # Example
//!
//! ```json
//! {
//!   "schema_version": 1,
//!   "counts": { "agreement": 0, "compatible": 0, "contradiction": 1, ... },
//!   "findings": [
//!     {
//!       "kind": "contradiction",
//!       "severity": "contradiction",
//!       "subject": "Barak MX air-defence deal",
//!       "attribute": "value",
//!       "claims": ["euro/value", "usd/value"],
//!       "pairs": [["euro/value", "usd/value"]],
//!       "explanation": "'200M EUR' is 216.26M USD at 1.0813 USD per EUR (2023); '200M EUR' (215.72M..216.8M USD) is above '<=150M USD' (up to 150M USD): they cannot both be true",
//!       "comparisons": [
//!         { "claims": ["euro/value", "usd/value"], "check": "numeric",
//!           "verdict": "contradiction", "relation": "disjoint",
//!           "code": "disjoint", "reason": "..." }
//!       ],
//!       "conversions": [
//!         { "claim": "euro/value", "from": "EUR", "to": "USD", "rate": "1.0813",
//!           "year": 2023, "written": "200M EUR", "converted": "216.26M USD" }
//!       ],
//!       "independent_origins": 2,
//!       "origins": [
//!         { "names": ["source euro"], "claims": ["euro/value"] },
//!         { "names": ["source usd"], "claims": ["usd/value"] }
//!       ]
//!     }
//!   ],
//!   "claims": [ ... ],
//!   "sources": [ ... ]
//! }
//! ```

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::ops::Bound;

use schemars::JsonSchema;
use serde::Serialize;

use crate::check::describe;
use crate::check::{self, CheckOutcome, Finding, FindingKind};
use crate::diagnostic::Diagnostic;
use crate::link::SubjectGraph;
use crate::model::{Claim, Project, Source};
use crate::value::denote::{DenoteError, Minute};
use crate::value::{Denotation, Dimension, SetRelation, TimeSet, ValueKind};

/// The version of this wire format; bumped on any change that is not an
/// addition.
pub const SCHEMA_VERSION: u32 = 1;

/// The report `crosscheck check --format json` prints (docs/report.schema.json
/// is generated from this type).
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JsonReport {
    pub schema_version: u32,
    pub counts: BTreeMap<&'static str, usize>,
    pub findings: Vec<JsonFinding>,
    pub claims: Vec<JsonClaim>,
    pub sources: Vec<JsonSource>,
    /// Curation warnings (close subject names not linked, uncovered
    /// figures, ...): about the claims, not findings of the checker.
    pub warnings: Vec<JsonWarning>,
}

/// A curation warning: its code, message, places and fixes.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JsonWarning {
    pub code: &'static str,
    pub message: String,
    /// The main place first.
    pub places: Vec<JsonPlace>,
    pub help: Vec<String>,
    pub notes: Vec<String>,
}

/// A labelled place in a project file, the column in characters.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JsonPlace {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub label: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JsonFinding {
    pub kind: &'static str,
    pub severity: &'static str,
    pub subject: String,
    pub attribute: String,
    pub claims: Vec<String>,
    pub pairs: Vec<[String; 2]>,
    pub explanation: String,
    pub comparisons: Vec<JsonComparison>,
    pub conversions: Vec<JsonConversion>,
    pub independent_origins: usize,
    pub origins: Vec<JsonOrigin>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JsonComparison {
    pub claims: [String; 2],
    pub check: &'static str,
    pub verdict: &'static str,
    pub relation: Option<&'static str>,
    pub code: &'static str,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JsonConversion {
    pub claim: String,
    pub from: String,
    pub to: String,
    pub rate: String,
    pub year: i32,
    pub written: String,
    pub converted: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JsonOrigin {
    pub names: Vec<String>,
    pub claims: Vec<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JsonClaim {
    pub id: String,
    pub source: String,
    pub subject: String,
    pub canonical_subject: String,
    pub attribute: String,
    pub value: String,
    /// The value in canonical form (`value::canonical`): what it parses to,
    /// written one way.
    pub canonical_value: String,
    pub value_kind: &'static str,
    pub denotation: JsonDenotation,
    pub as_of: Option<String>,
    pub according_to: Vec<String>,
    pub note: Option<String>,
    pub quote: Option<JsonQuote>,
    pub location: JsonLocation,
}

/// The set a value denotes. `dimension`, `lo` and `hi` only for numbers and
/// spans of time (times are `YYYY-MM-DDTHH:MM`, minutes, no time zone).
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JsonDenotation {
    pub kind: &'static str,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dimension: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lo: Option<JsonBound>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hi: Option<JsonBound>,
}

/// One end of an interval: `value` is `null` when unbounded.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JsonBound {
    pub value: Option<String>,
    pub closed: bool,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JsonQuote {
    pub text: String,
    pub document: Option<String>,
    /// `line:column`, the column in characters.
    pub start: Option<String>,
    pub end: Option<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JsonLocation {
    /// Relative to the project directory.
    pub file: String,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JsonSource {
    pub id: String,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    pub language: Option<String>,
    pub document: Option<String>,
    pub url: Option<String>,
    pub file: String,
}

impl JsonReport {
    /// The report of `outcome` on `project`.
    pub fn build(
        project: &Project,
        graph: &SubjectGraph,
        outcome: &CheckOutcome,
        warnings: &[Diagnostic],
    ) -> JsonReport {
        let mut counts: BTreeMap<&'static str, usize> = FindingKind::ALL
            .iter()
            .map(|kind| (kind.name(), 0))
            .collect();
        for finding in &outcome.findings {
            *counts.entry(finding.kind.name()).or_default() += 1;
        }
        let facts: BTreeMap<_, _> = check::claim_facts(project, graph)
            .into_iter()
            .map(|facts| (facts.id.clone(), facts))
            .collect();
        let mut claims: Vec<JsonClaim> = project
            .claims()
            .map(|(source, claim)| {
                let facts = facts.get(&claim.id);
                json_claim(
                    project,
                    source,
                    claim,
                    facts.map_or(claim.subject.as_str(), |f| f.subject.as_str()),
                    facts.map(|f| &f.denotation),
                )
            })
            .collect();
        claims.sort_by(|a, b| a.id.cmp(&b.id));
        let mut sources: Vec<JsonSource> = project
            .sources
            .iter()
            .map(|source| json_source(project, source))
            .collect();
        sources.sort_by(|a, b| a.id.cmp(&b.id));
        JsonReport {
            schema_version: SCHEMA_VERSION,
            counts,
            findings: outcome.findings.iter().map(json_finding).collect(),
            claims,
            sources,
            warnings: warnings
                .iter()
                .map(|warning| json_warning(project, warning))
                .collect(),
        }
    }

    /// Writes the report, pretty-printed, with a final newline.
    pub fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, self)?;
        writeln!(out)
    }
}

pub fn json_finding(finding: &Finding) -> JsonFinding {
    JsonFinding {
        kind: finding.kind.name(),
        severity: finding.kind.severity().name(),
        subject: finding.subject.clone(),
        attribute: finding.attribute.clone(),
        claims: finding.claims.iter().map(|id| id.0.clone()).collect(),
        pairs: finding
            .pairs
            .iter()
            .map(|[a, b]| [a.0.clone(), b.0.clone()])
            .collect(),
        explanation: finding.explanation.clone(),
        comparisons: finding
            .comparisons
            .iter()
            .map(|c| JsonComparison {
                claims: [c.claims[0].0.clone(), c.claims[1].0.clone()],
                check: c.check.name(),
                verdict: c.verdict.name(),
                relation: c.relation.map(relation_name),
                code: c.code.name(),
                reason: c.reason.clone(),
            })
            .collect(),
        conversions: finding
            .conversions
            .iter()
            .map(|c| JsonConversion {
                claim: c.claim.0.clone(),
                from: c.from.clone(),
                to: c.to.clone(),
                rate: c.rate.clone(),
                year: c.year,
                written: c.written.clone(),
                converted: c.converted.clone(),
            })
            .collect(),
        independent_origins: finding.independent_origins,
        origins: finding
            .origins
            .iter()
            .map(|o| JsonOrigin {
                names: o.names.clone(),
                claims: o.claims.iter().map(|id| id.0.clone()).collect(),
            })
            .collect(),
    }
}

pub fn relation_name(relation: SetRelation) -> &'static str {
    match relation {
        SetRelation::Equal => "equal",
        SetRelation::Subset => "subset",
        SetRelation::Superset => "superset",
        SetRelation::Overlap => "overlap",
        SetRelation::Disjoint => "disjoint",
    }
}

fn kind_name(kind: ValueKind) -> &'static str {
    match kind {
        ValueKind::Number => "number",
        ValueKind::Date => "date",
        ValueKind::Ordinal => "ordinal",
        ValueKind::Text => "text",
        ValueKind::Set => "set",
        ValueKind::Bool => "bool",
        ValueKind::Unreadable => "unreadable",
    }
}

fn json_claim(
    project: &Project,
    source: &Source,
    claim: &Claim,
    canonical_subject: &str,
    denotation: Option<&Result<Denotation, DenoteError>>,
) -> JsonClaim {
    let files = &project.files;
    let at = files.line_column(claim.span.file, claim.span.bytes.start);
    JsonClaim {
        id: claim.id.0.clone(),
        source: source.id.clone(),
        subject: claim.subject.clone(),
        canonical_subject: canonical_subject.to_owned(),
        attribute: claim.attribute.clone(),
        value: claim.value_written.clone(),
        canonical_value: claim.value.to_string(),
        value_kind: kind_name(claim.value.kind()),
        denotation: denotation.map_or_else(
            || JsonDenotation::plain("none", String::new()),
            json_denotation,
        ),
        as_of: claim.as_of_written.clone(),
        according_to: claim.according_to.clone(),
        note: claim.note.clone(),
        quote: claim.quote.as_ref().map(|quote| JsonQuote {
            text: quote.text.clone(),
            document: source.document.as_ref().map(|d| d.path.clone()),
            start: quote.location.as_ref().map(|l| l.start.to_string()),
            end: quote.location.as_ref().map(|l| l.end.to_string()),
        }),
        location: JsonLocation {
            file: files.name(claim.span.file).to_owned(),
            line: at.line,
            column: at.column,
        },
    }
}

fn json_source(project: &Project, source: &Source) -> JsonSource {
    JsonSource {
        id: source.id.clone(),
        outlet: source.outlet.clone(),
        title: source.title.clone(),
        published: source.published_written.clone(),
        language: source.language.clone(),
        document: source.document.as_ref().map(|d| d.path.clone()),
        url: source.url.clone(),
        file: project.files.name(source.file).to_owned(),
    }
}

impl JsonDenotation {
    fn plain(kind: &'static str, text: String) -> JsonDenotation {
        JsonDenotation {
            kind,
            text,
            dimension: None,
            lo: None,
            hi: None,
        }
    }
}

pub fn json_denotation(denotation: &Result<Denotation, DenoteError>) -> JsonDenotation {
    let denotation = match denotation {
        Ok(denotation) => denotation,
        Err(error) => {
            return JsonDenotation::plain("none", describe::denote_error(error).to_owned());
        }
    };
    let text = describe::denotation(denotation);
    match denotation {
        Denotation::Numeric(set) => JsonDenotation {
            kind: "numeric",
            text,
            dimension: Some(dimension_name(set.dimension)),
            lo: Some(bound(set.interval.lo(), describe::exact)),
            hi: Some(bound(set.interval.hi(), describe::exact)),
        },
        Denotation::Time(TimeSet::Span(interval)) => JsonDenotation {
            kind: "time",
            text,
            dimension: None,
            lo: Some(bound(interval.lo(), minute_text)),
            hi: Some(bound(interval.hi(), minute_text)),
        },
        Denotation::Time(TimeSet::Annual { .. }) => JsonDenotation::plain("day-of-year", text),
        Denotation::Ordinal(_) => JsonDenotation::plain("ordinal", text),
        Denotation::Text(_) => JsonDenotation::plain("text", text),
        Denotation::Set(_) => JsonDenotation::plain("set", text),
        Denotation::Bool(_) => JsonDenotation::plain("bool", text),
        Denotation::Unreadable => JsonDenotation::plain("unreadable", text),
    }
}

fn minute_text(minute: Minute) -> String {
    let c = describe::civil(minute);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        c.year,
        c.month,
        c.day,
        c.time / 60,
        c.time % 60
    )
}

fn dimension_name(dimension: Dimension) -> String {
    match dimension {
        Dimension::Pure => "pure".to_owned(),
        Dimension::Money(currency) => format!("money:{}", currency.as_str()),
        Dimension::Length => "length:m".to_owned(),
        Dimension::Mass => "mass:kg".to_owned(),
        Dimension::Percent => "percent".to_owned(),
    }
}

fn bound<T: Copy>(bound: Bound<T>, text: impl Fn(T) -> String) -> JsonBound {
    match bound {
        Bound::Included(v) => JsonBound {
            value: Some(text(v)),
            closed: true,
        },
        Bound::Excluded(v) => JsonBound {
            value: Some(text(v)),
            closed: false,
        },
        Bound::Unbounded => JsonBound {
            value: None,
            closed: false,
        },
    }
}

fn json_warning(project: &Project, warning: &Diagnostic) -> JsonWarning {
    // Primary labels first, then the rest, each group in label order.
    let mut labels: Vec<_> = warning.labels.iter().collect();
    labels.sort_by_key(|label| !label.primary);
    JsonWarning {
        code: warning.code.name(),
        message: warning.message.clone(),
        places: labels
            .into_iter()
            .map(|label| {
                let at = project
                    .files
                    .line_column(label.span.file, label.span.bytes.start);
                JsonPlace {
                    file: project.files.name(label.span.file).to_owned(),
                    line: at.line,
                    column: at.column,
                    label: label.message.clone(),
                }
            })
            .collect(),
        help: warning.help.clone(),
        notes: warning.notes.clone(),
    }
}
