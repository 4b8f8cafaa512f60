//! The JSON report: what `crosscheck check --format json` prints.
//!
//! The checker's findings, with everything a reader or another renderer
//! needs to show them (each claim's written and denoted value, its quote and
//! place, its origins), as one JSON object. The output is byte-identical
//! across runs, input orders and thread counts: every list is sorted,
//! objects have a fixed field order, and nothing holds an absolute path or a
//! timestamp.
//!
//! # Layout
//!
//! The top-level object is indented; each finding, claim, source and
//! warning is one compact line. A diff of two reports then shows which
//! records changed, and the report is a third smaller than a fully
//! indented one (it is still one JSON document: any parser reads it). The
//! report is streamed, never built in memory: see [`write`].
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
//!   - `kind`: `contradiction`, `internal-contradiction`, `rounding`,
//!     `revision`, `mixed-kinds`,
//!     `incomparable`, `compatible`, `naming-variant`, `agreement`,
//!     `unreadable`;
//!   - `severity`: `contradiction`, `warning` or `info`;
//!   - `subject` (canonical), `attribute`;
//!   - `claims`: global ids, sorted;
//!   - `pairs`: for the two contradiction kinds, every pair that cannot both
//!     be true; for `rounding`, every pair that differs by no more than
//!     rounding; for `revision`, the revised pair (each sorted, the list
//!     sorted); `[]` for the other kinds. Absent when the finding has
//!     `sides`;
//!   - `sides` (only in a fact of more than 100 claims, unless `--detail
//!     full`): the same relation as blocks, `left` and `right` (claim ids,
//!     sorted) and `left_values` and `right_values` (the distinct values
//!     each states, as written): every claim of `left` relates to every
//!     claim of `right`, and those are exactly the finding's pairs
//!     (src/check/sides.rs);
//!   - `not_compared`: pairs involving the finding's claims that were not
//!     compared because their `as_of` do not overlap (each sorted, sorted);
//!     absent from agreements, compatible values and naming variants unless
//!     `--detail full`, and from the findings of a fact compared value by
//!     value (over 100 claims), where it is not gathered;
//!   - `explanation`: the finding in one sentence: the reason of its one
//!     pair, or, for several pairs, how many and among which values (each
//!     pair's reason is in `comparisons`);
//!   - `comparisons`: each compared pair behind the finding (`[]` for
//!     agreements, compatible values and naming variants unless `--detail
//!     full`; one per pair of classes in a finding with `sides`): `claims`,
//!     `check`, `verdict`, `relation` (`equal`, `subset`, `superset`,
//!     `overlap`, `disjoint`, read from the first claim to the second, or
//!     `null` for names, ordinals and booleans), `code`, `reason`;
//!   - `conversions` (`[]` where `comparisons` is left out): every currency
//!     conversion made: `claim`, `from`, `to`,
//!     `rate` (exact decimal text, USD per unit), `year`, `written`,
//!     `converted`;
//!   - `independent_origins`, and `origins` (`names`, `claims`; absent where
//!     `not_compared` is).
//! - `timelines`: one per fact (canonical subject and attribute) whose
//!   claims are about more than one `as_of`: `subject`, `attribute` and
//!   `entries` in time order, each `claim`, `as_of`, `value` (as written),
//!   `origin` and `supersedes`.
//! - `claims`: every claim of the project, sorted by id: `id`, `source`,
//!   `subject` (as written), `canonical_subject`, `attribute`, `value` (as
//!   written) and `location` always; unless `--detail full`, `as_of`,
//!   `according_to`, `supersedes`, `note` and `quote` only when the claim has
//!   them, and `canonical_value`, `value_kind`, `denotation`, `origin`,
//!   `note` and `quote` only for a claim that a finding needing attention
//!   cites (the slim table). The fields: `canonical_value`, `value_kind`, `denotation` (`kind`, `text` and, for numbers
//!   and spans, `dimension`, `lo` and `hi` with an exact `value` or `null`
//!   when unbounded, and `closed`), `as_of`, `according_to`, `origin` (the
//!   last `according_to` name, else `source <id>`), `supersedes`, `note`,
//!   `quote` (`text`, `document`, `start` and `end` as `line:column` in
//!   characters), and `location` (`file`, `line`, `column` of the claim).
//! - `facts` (src/consensus): one per fact (canonical subject, attribute,
//!   `as_of` as denoted or `null`) holding a readable value, in (subject,
//!   attribute, as_of) order: `subject`, `attribute`, `as_of`, `claims`
//!   (sorted), `consensus` (`null` when the evidence does not decide, "no
//!   consensus"; else an estimate), `independent_origins` (copy groups
//!   counted once), `leading` (the most likely value, decided or not:
//!   where `consensus` is not `null`, the same estimate), `against`
//!   (the other values, most likely first; for a set, each member left
//!   out) and `summary` (the sentence the human reports show: only for a
//!   fact with no consensus or a value against it, unless `--detail
//!   full`). An
//!   estimate is `value` (as written by a claim stating it most precisely:
//!   a string, or for a set an array of its members), `claims` (those
//!   stating exactly that value), `confidence` in [0, 1] (six decimals) and
//!   `origins` (the independent origins supporting it, fully or in part).
//!   Absent only under `check --no-consensus`.
//! - `sources`: every source, sorted by id, with `trust` (its estimated
//!   accuracy in [0, 1] from the claims it states in its own voice, the
//!   prior 0.8 when it only attributes; `null` where no fact with two
//!   origins or more involves it) and `trust_facts` (how many such facts
//!   its own-voice claims are in).
//! - `cited_origins`: every origin a claim cites (the last name of
//!   `according_to`), in the order of their keys, with `name` (as first
//!   written), `trust` (its estimated accuracy in [0, 1] over the facts
//!   with two origins or more it is cited on, several sources citing it on
//!   one fact counted once; `null` where there is none) and
//!   `trust_facts`. `[]` under `check --no-consensus`.
//! - `copy_groups`: origins counted as one origin because they copy one
//!   another: `origins` (sorted) and `pairs`, each with `origins`,
//!   `common_facts`, `same_values`, `same_unlikely_values`, `probability`
//!   (posterior of copying), `verbatim` (the same values everywhere),
//!   `reprinted_facts` (facts on which both quote the same passage for the
//!   same value) and `evidence` (in words).
//! - `warnings`: curation warnings (close subject names not linked, vetoed
//!   links, figures no quote covers), each with `code`, `message`, `places`
//!   (`file`, `line`, `column` in characters, `label`; the main place first),
//!   `help` and `notes`. They never change the exit status.
//!
//! # Example
//!
//! One finding, indented here for reading (the report writes it on one
//! line):
//!
//! ```json
//! {
//!   "schema_version": 1,
//!   "counts": {"agreement":0,"compatible":0,"contradiction":1,...},
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

use rayon::prelude::*;
use schemars::JsonSchema;
use serde::Serialize;

use crate::check::describe;
use crate::check::{
    self, ClaimFacts, Detail, Finding, FindingKind, Origin, Quoted, ReasonWords, RegistryNames,
};
use crate::consensus::{
    CopyGroup, Estimate, EstimateValue, FactConsensus, OriginTrust, SourceTrust,
};
use crate::diagnostic::Diagnostic;
use crate::model::{Claim, ClaimId, Project, Source};
use crate::report::ReportInput;
use crate::value::denote::{DenoteError, Minute};
use crate::value::{Denotation, Dimension, SetRelation, TimeSet, ValueKind};

/// The version of this wire format; bumped on any change that is not an
/// addition.
pub const SCHEMA_VERSION: u32 = 1;

/// The report `crosscheck check --format json` prints (docs/report.schema.json
/// is generated from this type).
//
// `write` streams the same fields, element by element, so a report of a
// million claims is never held in memory; a test checks that the stream and
// this type's serialisation are the same JSON.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JsonReport<'a> {
    pub schema_version: u32,
    pub counts: BTreeMap<&'static str, usize>,
    pub findings: Vec<JsonFinding<'a>>,
    /// One per fact whose claims are about more than one `as_of`, in time
    /// order.
    pub timelines: Vec<JsonTimeline<'a>>,
    pub claims: Vec<JsonClaim<'a>>,
    /// One per fact holding a readable value, with its consensus
    /// (src/consensus); absent only under `check --no-consensus`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facts: Option<Vec<JsonFact<'a>>>,
    pub sources: Vec<JsonSource<'a>>,
    /// Every origin a claim cites (`according_to`), with its trust.
    pub cited_origins: Vec<JsonCitedOrigin<'a>>,
    /// Origins grouped as copies of one another, with the evidence.
    pub copy_groups: Vec<JsonCopyGroup<'a>>,
    /// Curation warnings (close subject names not linked, uncovered
    /// figures, ...): about the claims, not findings of the checker.
    pub warnings: Vec<JsonWarning<'a>>,
}

/// A fact's claims in time order ([`check::Timeline`]).
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JsonTimeline<'a> {
    pub subject: &'a str,
    pub attribute: &'a str,
    pub entries: Vec<JsonTimelineEntry<'a>>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JsonTimelineEntry<'a> {
    pub claim: &'a str,
    /// As written.
    pub as_of: &'a str,
    /// The times `as_of` denotes, as a denotation's `text` says them
    /// (`2023-02-24`, `before 2021-01-01`): a relative form
    /// (`published-4d`) resolved against its source's `published`.
    pub as_of_dates: &'a str,
    pub value: &'a str,
    pub origin: &'a str,
    pub supersedes: Option<&'a str>,
}

fn json_timeline(timeline: &check::Timeline) -> JsonTimeline<'_> {
    JsonTimeline {
        subject: &timeline.subject,
        attribute: &timeline.attribute,
        entries: timeline
            .entries
            .iter()
            .map(|e| JsonTimelineEntry {
                claim: e.claim.as_str(),
                as_of: &e.as_of,
                as_of_dates: &e.as_of_dates,
                value: &e.value,
                origin: &e.origin,
                supersedes: e.supersedes.as_ref().map(ClaimId::as_str),
            })
            .collect(),
    }
}

/// A curation warning: its code, message, places and fixes.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JsonWarning<'a> {
    pub code: &'static str,
    pub message: &'a str,
    /// The main place first.
    pub places: Vec<JsonPlace<'a>>,
    pub help: &'a [String],
    pub notes: &'a [String],
}

/// A labelled place in a project file, the column in characters.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JsonPlace<'a> {
    pub file: &'a str,
    pub line: usize,
    pub column: usize,
    pub label: &'a str,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JsonFinding<'a> {
    pub kind: &'static str,
    pub severity: &'static str,
    pub subject: &'a str,
    pub attribute: &'a str,
    pub claims: Vec<&'a str>,
    /// Absent when the finding has `sides` instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pairs: Option<Vec<[&'a str; 2]>>,
    /// Instead of `pairs`, in a fact of more than 100 claims (the contract's
    /// `sides`): each pair of the relation is one claim of `left` and one of
    /// `right` of some side; `left_values` and `right_values` are the
    /// distinct values each side states, as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sides: Option<Vec<JsonSide<'a>>>,
    /// Pairs involving the finding's claims that were not compared because
    /// their `as_of` do not overlap. Like `origins`, absent from agreements,
    /// compatible values and naming variants unless `--detail full`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_compared: Option<Vec<[&'a str; 2]>>,
    pub explanation: &'a str,
    pub comparisons: Vec<JsonComparison<'a>>,
    pub conversions: Vec<JsonConversion<'a>>,
    pub independent_origins: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origins: Option<Vec<JsonOrigin<'a>>>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JsonSide<'a> {
    pub left: Vec<&'a str>,
    pub right: Vec<&'a str>,
    pub left_values: &'a [String],
    pub right_values: &'a [String],
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JsonComparison<'a> {
    pub claims: [&'a str; 2],
    pub check: &'static str,
    pub verdict: &'static str,
    pub relation: Option<&'static str>,
    pub code: &'static str,
    #[schemars(with = "String")]
    pub reason: JsonWords<'a>,
}

/// A reason in plain words, serialised as a JSON string straight from its
/// parts: a million-claim report writes millions of them.
#[derive(Debug, Clone)]
pub struct JsonWords<'a>(Option<ReasonWords<'a>>);

impl Serialize for JsonWords<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            Some(words) => serializer.collect_str(words),
            None => serializer.serialize_str(""),
        }
    }
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JsonConversion<'a> {
    pub claim: &'a str,
    pub from: &'a str,
    pub to: &'a str,
    pub rate: &'a str,
    pub year: i32,
    pub written: &'a str,
    pub converted: &'a str,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JsonOrigin<'a> {
    pub names: Vec<String>,
    pub claims: Vec<&'a str>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JsonClaim<'a> {
    pub id: &'a str,
    pub source: &'a str,
    pub subject: &'a str,
    pub canonical_subject: &'a str,
    pub attribute: &'a str,
    pub value: &'a str,
    /// The value in canonical form (`value::canonical`): what it parses to,
    /// written one way. Like `value_kind`, `denotation`, `origin`, `note`
    /// and `quote`, only for a claim a finding that needs attention cites,
    /// or under `--detail full` (the slim claim table).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical_value: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_kind: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub denotation: Option<JsonDenotation>,
    /// `as_of`, `according_to` and `supersedes` are absent when the claim
    /// has none, unless `--detail full` (`null`, `[]`, `null`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Option<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub according_to: Option<&'a [String]>,
    /// Where the value comes from: the last `according_to` name, else
    /// `source <id>` (model::ClaimOrigin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// The global id of the claim this one revises, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supersedes: Option<Option<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Option<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<Option<JsonQuote<'a>>>,
    pub location: JsonLocation<'a>,
}

/// The set a value denotes. `dimension`, `lo` and `hi` only for numbers and
/// spans of time (times are `YYYY-MM-DDTHH:MM`, minutes, no time zone).
/// `dimension` names the dimension and the base unit `lo` and `hi` are in:
/// `pure`, `percent`, `money:<ISO 4217 code>`, `length:m`, `mass:kg`,
/// `area:m2`, `volume:m3`, `power:W`, `energy:Wh`.
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
pub struct JsonQuote<'a> {
    pub text: &'a str,
    pub document: Option<&'a str>,
    /// `line:column`, the column in characters.
    pub start: Option<String>,
    pub end: Option<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JsonLocation<'a> {
    /// Relative to the project directory.
    pub file: &'a str,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JsonSource<'a> {
    pub id: &'a str,
    pub outlet: Option<&'a str>,
    pub title: Option<&'a str>,
    pub published: Option<&'a str>,
    pub language: Option<&'a str>,
    pub document: Option<&'a str>,
    pub url: Option<&'a str>,
    pub file: &'a str,
    /// Estimated accuracy in [0, 1], from the claims the source states in
    /// its own voice (the prior when it only attributes); `null` when no
    /// fact with two origins or more involves the source.
    pub trust: Option<f64>,
    /// Facts with two origins or more behind `trust` (own-voice claims).
    pub trust_facts: usize,
}

/// An origin some claim cites.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JsonCitedOrigin<'a> {
    /// As reports show it (the name as first written).
    pub name: &'a str,
    /// Estimated accuracy in [0, 1]; `null` when no fact with two origins
    /// or more involves the origin.
    pub trust: Option<f64>,
    /// Facts with two origins or more behind `trust`.
    pub trust_facts: usize,
}

fn json_cited_origin(origin: &OriginTrust) -> JsonCitedOrigin<'_> {
    JsonCitedOrigin {
        name: &origin.name,
        trust: origin.trust.map(rounded),
        trust_facts: origin.facts,
    }
}

/// One fact: a canonical subject, an attribute and an `as_of`.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JsonFact<'a> {
    pub subject: &'a str,
    pub attribute: &'a str,
    /// The `as_of` the fact's claims share, denoted; `null` for none.
    pub as_of: Option<&'a str>,
    pub claims: Vec<&'a str>,
    /// `null` when the evidence does not decide ("no consensus").
    pub consensus: Option<JsonEstimate<'a>>,
    /// Independent origins (copy groups counted once) behind the fact.
    pub independent_origins: usize,
    /// The most likely value, decided or not: where `consensus` is not
    /// `null`, the same estimate (kept so that a reader of the most likely
    /// value reads one field).
    pub leading: JsonEstimate<'a>,
    /// Every other value (for sets: every member left out), most likely first.
    pub against: Vec<JsonEstimate<'a>>,
    /// The estimate in one sentence: only for a fact that needs attention
    /// (no consensus, or a value against it), unless `--detail full`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
}

/// A value with its evidence.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JsonEstimate<'a> {
    /// As written by a claim stating it most precisely: a string, or for a
    /// set an array of its members.
    pub value: JsonEstimateValue<'a>,
    /// The claims stating exactly this value.
    pub claims: Vec<&'a str>,
    /// In [0, 1].
    pub confidence: f64,
    /// The independent origins supporting it, fully or in part.
    pub origins: Vec<&'a str>,
}

/// A string, or an array of a set's members.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum JsonEstimateValue<'a> {
    Written(&'a str),
    Members(&'a [String]),
}

/// Origins grouped as copies.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JsonCopyGroup<'a> {
    pub origins: &'a [String],
    pub pairs: Vec<JsonCopyPair<'a>>,
}

/// Why two origins were grouped.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JsonCopyPair<'a> {
    pub origins: [&'a str; 2],
    pub common_facts: usize,
    pub same_values: usize,
    pub same_unlikely_values: usize,
    pub probability: f64,
    pub verbatim: bool,
    /// Facts on which both quote the same passage for the same value.
    pub reprinted_facts: usize,
    pub evidence: String,
}

fn json_estimate(estimate: &Estimate) -> JsonEstimate<'_> {
    JsonEstimate {
        value: match &estimate.value {
            EstimateValue::Written(value) => JsonEstimateValue::Written(value),
            EstimateValue::Members(members) => JsonEstimateValue::Members(members),
        },
        claims: estimate.claims.iter().map(ClaimId::as_str).collect(),
        confidence: rounded(estimate.confidence),
        origins: estimate.origins.iter().map(|origin| &**origin).collect(),
    }
}

/// Six decimals: enough for any reader, and the same bytes on every
/// machine whatever the last bits of the float arithmetic.
fn rounded(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// One fact. In the slim layout (the default) a settled fact (decided,
/// nothing against it) has no sentence: it would only repeat its
/// estimate, and at a million claims those sentences were 29 MB.
fn json_fact(fact: &FactConsensus, detail: Detail) -> JsonFact<'_> {
    let full = detail == Detail::Full;
    let needs_attention = !fact.decided || !fact.against.is_empty();
    JsonFact {
        subject: &fact.subject,
        attribute: &fact.attribute,
        as_of: fact.as_of.as_deref(),
        claims: fact.claims.iter().map(ClaimId::as_str).collect(),
        consensus: fact.decided.then(|| json_estimate(&fact.leading)),
        independent_origins: fact.origins,
        leading: json_estimate(&fact.leading),
        against: fact.against.iter().map(json_estimate).collect(),
        summary: (full || needs_attention).then(|| fact.summary()),
    }
}

fn json_copy_group(group: &CopyGroup) -> JsonCopyGroup<'_> {
    JsonCopyGroup {
        origins: &group.origins,
        pairs: group
            .pairs
            .iter()
            .map(|pair| JsonCopyPair {
                origins: [&pair.a, &pair.b],
                common_facts: pair.common_facts,
                same_values: pair.same_values,
                same_unlikely_values: pair.same_unlikely_values,
                probability: rounded(pair.probability),
                verbatim: pair.verbatim,
                reprinted_facts: pair.reprinted,
                evidence: pair.evidence(),
            })
            .collect(),
    }
}

/// Up to this many claims a finding's claims are scanned (a scan of a few
/// shared ids is faster than a search); above it, searched.
const SCAN_AT_MOST: usize = 32;

/// Everything one report is made of, borrowed, with the claims in id order.
struct Parts<'a> {
    input: &'a ReportInput<'a>,
    /// Each claim with its source and resolved facts, sorted by global id.
    claims: Vec<(&'a Source, &'a Claim, &'a ClaimFacts<'a>)>,
    /// How origins' names compare, for each finding's origins.
    names: RegistryNames,
    /// Sorted by id.
    sources: Vec<&'a Source>,
    /// For each claim (as in `claims`), whether its row has every field:
    /// under `--detail full`, or when a finding that needs attention cites
    /// it.
    whole_claim: Vec<bool>,
}

impl<'a> Parts<'a> {
    fn new(input: &'a ReportInput<'a>) -> Parts<'a> {
        let project = input.project;
        // `facts` are in project order, as `Project::claims` yields them.
        let mut claims: Vec<_> = project
            .claims()
            .zip(input.facts)
            .map(|((source, claim), facts)| (source, claim, facts))
            .collect();
        // The id table (for wording reasons) and the sort are independent:
        // one thread each.
        rayon::join(
            || input.index_claims(),
            || {
                // Projects are usually in id order already (sources and
                // claims in file order): checking is cheaper than sorting.
                if !claims.is_sorted_by(|a, b| a.1.id <= b.1.id) {
                    claims.par_sort_unstable_by(|a, b| a.1.id.cmp(&b.1.id));
                }
            },
        );
        let mut sources: Vec<&Source> = project.sources.iter().collect();
        sources.sort_by(|a, b| a.id.cmp(&b.id));
        let whole_claim = match input.outcome.detail {
            Detail::Full => vec![true; claims.len()],
            Detail::Attention => {
                let mut whole = vec![false; claims.len()];
                let cited = input
                    .outcome
                    .findings
                    .iter()
                    .filter(|finding| finding.kind.info().needs_attention)
                    .flat_map(|finding| &finding.claims);
                for id in cited {
                    if let Ok(at) = claims.binary_search_by(|c| c.1.id.cmp(id)) {
                        whole[at] = true;
                    }
                }
                whole
            }
        };
        Parts {
            input,
            claims,
            names: RegistryNames::new(project),
            sources,
            whole_claim,
        }
    }

    fn counts(&self) -> BTreeMap<&'static str, usize> {
        let mut counts: BTreeMap<&'static str, usize> = FindingKind::ALL
            .iter()
            .map(|kind| (kind.name(), 0))
            .collect();
        for finding in &self.input.outcome.findings {
            *counts.entry(finding.kind.name()).or_default() += 1;
        }
        counts
    }

    /// The finding's JSON, its reasons worded from the claims' values.
    fn finding(&self, finding: &'a Finding) -> JsonFinding<'a> {
        // An agreement's claims, origins and reasons are not written unless
        // `--detail full` (`json_finding`): not looked up either.
        if self.input.outcome.detail == Detail::Attention && !finding.kind.info().needs_attention {
            return json_finding(finding, |_| None, Vec::new(), Detail::Attention);
        }
        // The finding's claims, looked up once; its comparisons only name
        // these (and compare the shared ids by pointer first).
        let facts: Vec<&'a ClaimFacts<'a>> = finding
            .claims
            .iter()
            .filter_map(|id| self.input.facts_of(id))
            .collect();
        let origins = check::origins_of(&facts, &self.names);
        json_finding(
            finding,
            // `facts` is in id order (the finding's claims are sorted): a
            // binary search keeps a finding of thousands of claims from
            // scanning them for each of its pairs.
            move |id| {
                let at = if facts.len() <= SCAN_AT_MOST {
                    facts.iter().position(|facts| facts.id() == id)
                } else {
                    facts.binary_search_by(|facts| facts.id().cmp(id)).ok()
                };
                at.map(|i| facts[i].quoted())
            },
            origins,
            self.input.outcome.detail,
        )
    }

    /// The consensus trust of source `id`.
    fn trust(&self, id: &str) -> Option<&'a SourceTrust> {
        let sources = &self.input.outcome.consensus.as_ref()?.sources;
        let at = sources.binary_search_by(|t| t.id.as_str().cmp(id)).ok()?;
        sources.get(at)
    }

    fn copy_groups(&self) -> &'a [CopyGroup] {
        self.input
            .outcome
            .consensus
            .as_ref()
            .map_or(&[], |c| c.copy_groups.as_slice())
    }

    fn claim(&self, i: usize) -> JsonClaim<'a> {
        let (source, claim, facts) = self.claims[i];
        json_claim(
            self.input.project,
            source,
            claim,
            facts,
            self.input.outcome.detail,
            self.whole_claim[i],
        )
    }

    fn warning(&self, i: usize) -> JsonWarning<'a> {
        json_warning(self.input.project, &self.input.warnings[i])
    }
}

impl<'a> JsonReport<'a> {
    /// The whole report in memory: for tests and the schema. [`render`]
    /// streams the same JSON.
    pub fn build(input: &'a ReportInput<'a>) -> JsonReport<'a> {
        let parts = Parts::new(input);
        JsonReport {
            schema_version: SCHEMA_VERSION,
            counts: parts.counts(),
            findings: input
                .outcome
                .findings
                .iter()
                .map(|finding| parts.finding(finding))
                .collect(),
            timelines: input.outcome.timelines.iter().map(json_timeline).collect(),
            claims: (0..parts.claims.len()).map(|i| parts.claim(i)).collect(),
            facts: input.outcome.consensus.as_ref().map(|c| {
                c.facts
                    .iter()
                    .map(|fact| json_fact(fact, input.outcome.detail))
                    .collect()
            }),
            sources: parts
                .sources
                .iter()
                .map(|source| json_source(input.project, source, parts.trust(&source.id)))
                .collect(),
            cited_origins: input
                .cited_origin_trust()
                .iter()
                .map(json_cited_origin)
                .collect(),
            copy_groups: parts.copy_groups().iter().map(json_copy_group).collect(),
            warnings: (0..input.warnings.len())
                .map(|i| parts.warning(i))
                .collect(),
        }
    }
}

/// How many elements each thread serialises at a time. The output is
/// written window by window, so memory stays bounded whatever the size of
/// the project.
const CHUNK: usize = 2048;

/// Writes the JSON report, streaming: one line per finding, claim, source
/// and warning (so a diff shows which records changed), the top-level
/// object around them, and a final newline. Elements are serialised in
/// parallel, a window at a time, and written in order: the bytes do not
/// depend on the number of threads.
pub fn render(input: &ReportInput<'_>, out: &mut dyn Write) -> io::Result<()> {
    let (project, outcome, warnings) = (input.project, input.outcome, input.warnings);
    let parts = Parts::new(input);
    write!(
        out,
        "{{\n  \"schema_version\": {SCHEMA_VERSION},\n  \"counts\": "
    )?;
    serde_json::to_writer(&mut *out, &parts.counts())?;
    write!(out, ",\n  \"findings\": ")?;
    write_array(out, outcome.findings.len(), |i| {
        parts.finding(&outcome.findings[i])
    })?;
    write!(out, ",\n  \"timelines\": ")?;
    write_array(out, outcome.timelines.len(), |i| {
        json_timeline(&outcome.timelines[i])
    })?;
    write!(out, ",\n  \"claims\": ")?;
    write_array(out, parts.claims.len(), |i| parts.claim(i))?;
    if let Some(consensus) = &outcome.consensus {
        write!(out, ",\n  \"facts\": ")?;
        write_array(out, consensus.facts.len(), |i| {
            json_fact(&consensus.facts[i], outcome.detail)
        })?;
    }
    write!(out, ",\n  \"sources\": ")?;
    write_array(out, parts.sources.len(), |i| {
        json_source(project, parts.sources[i], parts.trust(&parts.sources[i].id))
    })?;
    write!(out, ",\n  \"cited_origins\": ")?;
    let cited = input.cited_origin_trust();
    write_array(out, cited.len(), |i| json_cited_origin(&cited[i]))?;
    write!(out, ",\n  \"copy_groups\": ")?;
    let groups = parts.copy_groups();
    write_array(out, groups.len(), |i| json_copy_group(&groups[i]))?;
    write!(out, ",\n  \"warnings\": ")?;
    write_array(out, warnings.len(), |i| parts.warning(i))?;
    writeln!(out, "\n}}")
}

/// Writes `[]`, or a JSON array of `len` elements made by `element`, one
/// per line.
///
/// A producer thread serialises windows of elements (each window's chunks
/// in parallel) while this thread writes the previous window: at a million
/// claims, writing a gigabyte to a file is a second of system time that
/// would otherwise leave the cores idle. Windows arrive in order, so the
/// bytes do not depend on timing.
fn write_array<T: Serialize>(
    out: &mut dyn Write,
    len: usize,
    element: impl Fn(usize) -> T + Sync,
) -> io::Result<()> {
    if len == 0 {
        return out.write_all(b"[]");
    }
    out.write_all(b"[")?;
    let window = CHUNK * rayon::current_num_threads().max(1);
    let serialise = |start: usize| -> io::Result<Vec<Vec<u8>>> {
        let end = (start + window).min(len);
        (start..end)
            .step_by(CHUNK)
            .collect::<Vec<_>>()
            .into_par_iter()
            .map(|from| {
                let mut buffer = Vec::with_capacity(CHUNK * 256);
                for i in from..(from + CHUNK).min(end) {
                    buffer.extend_from_slice(if i == 0 { b"\n    " } else { b",\n    " });
                    serde_json::to_writer(&mut buffer, &element(i)).map_err(io::Error::other)?;
                }
                Ok(buffer)
            })
            .collect()
    };
    std::thread::scope(|scope| {
        // One window ahead: memory stays bounded by two windows.
        let (windows, serialised) = std::sync::mpsc::sync_channel(1);
        scope.spawn(move || {
            for start in (0..len).step_by(window) {
                let chunks = serialise(start);
                let failed = chunks.is_err();
                // The writer has stopped (a write failed): stop too.
                if windows.send(chunks).is_err() || failed {
                    return;
                }
            }
        });
        for chunks in serialised {
            for chunk in chunks? {
                out.write_all(&chunk)?;
            }
        }
        Ok::<(), io::Error>(())
    })?;
    out.write_all(b"\n  ]")
}

/// The JSON of a finding; `quoted` gives what its reasons quote of a
/// claim, `origins` are the origins of its claims ([`check::origins_of`]).
pub fn json_finding<'a>(
    finding: &'a Finding,
    quoted: impl Fn(&ClaimId) -> Option<Quoted<'a>>,
    origins: Vec<Origin>,
    detail: Detail,
) -> JsonFinding<'a> {
    // Agreements and compatible values are their claims and a sentence,
    // unless `--detail full`.
    let whole = detail == Detail::Full || finding.kind.info().needs_attention;
    let compared: &[check::PairComparison] = if whole { &finding.comparisons } else { &[] };
    let ids = |ids: &'a [ClaimId]| ids.iter().map(ClaimId::as_str).collect();
    JsonFinding {
        kind: finding.kind.name(),
        severity: finding.kind.severity().name(),
        subject: &finding.subject,
        attribute: &finding.attribute,
        claims: finding.claims.iter().map(|id| id.as_str()).collect(),
        pairs: finding.sides.is_empty().then(|| {
            finding
                .pairs
                .iter()
                .map(|[a, b]| [a.as_str(), b.as_str()])
                .collect()
        }),
        sides: (!finding.sides.is_empty()).then(|| {
            finding
                .sides
                .iter()
                .map(|side| JsonSide {
                    left: ids(&side.left),
                    right: ids(&side.right),
                    left_values: &side.left_values,
                    right_values: &side.right_values,
                })
                .collect()
        }),
        not_compared: (whole && !finding.by_value).then(|| {
            finding
                .not_compared
                .iter()
                .map(|[a, b]| [a.as_str(), b.as_str()])
                .collect()
        }),
        explanation: &finding.explanation,
        comparisons: compared
            .iter()
            .map(|c| JsonComparison {
                claims: [c.claims[0].as_str(), c.claims[1].as_str()],
                check: c.check.name(),
                verdict: c.verdict.name(),
                relation: c.relation.map(relation_name),
                code: c.code.name(),
                reason: JsonWords(
                    quoted(&c.claims[0])
                        .zip(quoted(&c.claims[1]))
                        .map(|(a, b)| c.reason_words(a, b)),
                ),
            })
            .collect(),
        conversions: finding
            .conversions
            .iter()
            .map(|c| JsonConversion {
                claim: &c.claim.0,
                from: &c.from,
                to: &c.to,
                rate: &c.rate,
                year: c.year,
                written: &c.written,
                converted: &c.converted,
            })
            .collect(),
        independent_origins: finding.independent_origins,
        origins: whole.then(|| {
            origins
                .into_iter()
                .map(|origin| JsonOrigin {
                    claims: origin
                        .claims
                        .iter()
                        .filter_map(|id| {
                            let at = finding.claims.binary_search(id).ok()?;
                            Some(finding.claims[at].as_str())
                        })
                        .collect(),
                    names: origin.names,
                })
                .collect()
        }),
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

fn json_claim<'a>(
    project: &'a Project,
    source: &'a Source,
    claim: &'a Claim,
    facts: &ClaimFacts<'a>,
    detail: Detail,
    cited: bool,
) -> JsonClaim<'a> {
    let files = &project.files;
    let at = files.line_column(claim.span.file, claim.span.bytes.start);
    let full = detail == Detail::Full;
    let whole = full || cited;
    // A field the claim does not have: `null` in full detail, else absent.
    fn present<T>(field: Option<T>, full: bool) -> Option<Option<T>> {
        if full { Some(field) } else { field.map(Some) }
    }
    JsonClaim {
        id: &claim.id.0,
        source: &source.id,
        subject: &claim.subject,
        canonical_subject: facts.subject,
        attribute: &claim.attribute,
        value: &claim.value_written,
        canonical_value: whole.then(|| claim.value.to_string()),
        value_kind: whole.then(|| kind_name(claim.value.kind())),
        denotation: whole.then(|| json_denotation(&facts.denotation, facts.denoted())),
        as_of: present(claim.as_of_written(), full),
        according_to: (full || !claim.according_to().is_empty()).then_some(claim.according_to()),
        origin: whole.then(|| claim.origin().name()),
        supersedes: present(claim.supersedes().map(|(id, _)| id.as_str()), full),
        note: whole.then(|| present(claim.note(), full)).flatten(),
        quote: whole
            .then(|| {
                let quote = claim.quote.as_ref().map(|quote| JsonQuote {
                    text: &quote.text,
                    document: source.document.as_ref().map(|d| d.path.as_str()),
                    start: quote.location.as_ref().map(|l| l.start.to_string()),
                    end: quote.location.as_ref().map(|l| l.end.to_string()),
                });
                present(quote, full)
            })
            .flatten(),
        location: JsonLocation {
            file: files.name(claim.span.file),
            line: at.line,
            column: at.column,
        },
    }
}

fn json_source<'a>(
    project: &'a Project,
    source: &'a Source,
    trust: Option<&SourceTrust>,
) -> JsonSource<'a> {
    JsonSource {
        trust: trust.and_then(|t| t.trust).map(rounded),
        trust_facts: trust.map_or(0, |t| t.facts),
        id: &source.id,
        outlet: source.outlet.as_deref(),
        title: source.title.as_deref(),
        published: source.published_written.as_deref(),
        language: source.language.as_deref(),
        document: source.document.as_ref().map(|d| d.path.as_str()),
        url: source.url.as_deref(),
        file: project.files.name(source.file),
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

/// The JSON of a denotation, given its words ([`check::denoted_text`]).
pub fn json_denotation(denotation: &Result<Denotation, DenoteError>, text: &str) -> JsonDenotation {
    let text = text.to_owned();
    let Ok(denotation) = denotation else {
        return JsonDenotation::plain("none", text);
    };
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
        Dimension::Area => "area:m2".to_owned(),
        Dimension::Volume => "volume:m3".to_owned(),
        Dimension::Power => "power:W".to_owned(),
        Dimension::Energy => "energy:Wh".to_owned(),
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

fn json_warning<'a>(project: &'a Project, warning: &'a Diagnostic) -> JsonWarning<'a> {
    // Primary labels first, then the rest, each group in label order.
    let mut labels: Vec<_> = warning.labels.iter().collect();
    labels.sort_by_key(|label| !label.primary);
    JsonWarning {
        code: warning.code.name(),
        message: &warning.message,
        places: labels
            .into_iter()
            .map(|label| {
                let at = project
                    .files
                    .line_column(label.span.file, label.span.bytes.start);
                JsonPlace {
                    file: project.files.name(label.span.file),
                    line: at.line,
                    column: at.column,
                    label: &label.message,
                }
            })
            .collect(),
        help: &warning.help,
        notes: &warning.notes,
    }
}
