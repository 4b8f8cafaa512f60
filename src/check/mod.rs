//! The checker: compares the claims that the subject graph links, pairwise,
//! with precision-aware semantics, and concludes [`Finding`]s.
//!
//! Nothing here knows about output formats; nothing in `report` decides what
//! a finding is.
//!
//! # How claims are compared
//!
//! Claims are grouped by (canonical subject from the [`SubjectGraph`],
//! attribute). Within a group, every pair of claims of one value kind whose
//! `as_of` overlap is handed to the check for that kind (a claim with no
//! `as_of` overlaps every time; two claims whose `as_of` do not overlap are
//! never compared, so never in contradiction). Each check is one module,
//! registered in [`CHECKS`], whose order is the order of the docs:
//! [`numeric`], [`dates`], [`ordinals`], [`texts`], [`sets`], [`booleans`],
//! [`unreadable`], [`mixed_kinds`].
//!
//! # How verdicts become findings
//!
//! Per (subject, attribute):
//!
//! - one `contradiction` finding holding every disjoint pair of claims from
//!   two different sources (`pairs` sorted, each pair sorted);
//! - one `internal-contradiction` finding holding every disjoint pair of
//!   claims from one source;
//! - one `mixed-kinds` finding when the group holds values of two kinds or
//!   more (its claims are all the group's readable claims);
//! - one `incomparable` finding with every pair that could not be compared;
//! - one `compatible` finding with every pair where one value is inside the
//!   other or they overlap;
//! - one `naming-variant` finding per set of claims joined by registry
//!   aliases (or by equal names, once one alias joins them);
//! - one `agreement` finding per set of claims stating the same value, with
//!   the independent origins behind it;
//! - one `unreadable` finding listing the claims whose value is `null`.
//!
//! A claim compatible with every other appears in no contradiction pair.
//! Each finding lists the pair comparisons behind it, with their reasons and
//! the currency conversions they made. Findings are sorted by kind (the
//! order of [`FindingKind`]), subject, attribute, then claims.
//!
//! # Independence
//!
//! Claims citing a common `according_to` origin (compared after name
//! normalisation) rest on one origin; a claim citing no one rests on its own
//! source. A finding counts its claims' distinct origins.

pub mod booleans;
pub mod curation;
pub mod dates;
pub mod describe;
pub mod finding;
pub mod groups;
pub mod mistyped;
pub mod mixed_kinds;
pub mod numeric;
pub mod ordinals;
pub mod reported_both_ways;
pub mod revisions;
pub mod sets;
pub mod texts;
pub mod undated;
pub mod unreadable;

mod assemble;
mod sides;

pub(crate) use assemble::same_origin;
pub use assemble::{origins_of, recount_origins};

use std::collections::{BTreeMap, HashMap};
use std::ops::Bound;
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;
use rust_decimal::Decimal;

pub use curation::curation_warnings;
pub use finding::{
    Conversion, Finding, FindingKind, Origin, PairComparison, Quoted, Reason, ReasonCode,
    ReasonWords, Severity, Side, Verdict,
};

use crate::consensus::Consensus;
use crate::link::{CanonicalSubjects, SubjectGraph, ValueAliases};
use crate::model::{Claim, ClaimId, ClaimOrigin, Project, Source};
use crate::text::normalize::normalize_name;
use crate::value::denote::{DenoteError, denote};
use crate::value::{Currency, Denotation, DenoteContext, TimeSet, Value, ValueKind};
use groups::SubjectGroup;

/// Everything the checker concludes about a project.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckOutcome {
    /// In the stable order of the JSON report.
    pub findings: Vec<Finding>,
    /// One per fact (canonical subject and attribute) whose claims are
    /// about more than one `as_of`, sorted by subject and attribute.
    pub timelines: Vec<Timeline>,
    /// The most likely value of each fact and the trust of each source
    /// ([`crate::consensus`]); `None` only when the caller skipped it
    /// (`check --no-consensus`, for measuring its cost).
    pub consensus: Option<Consensus>,
    /// How much evidence the findings carry, which the reports follow.
    pub detail: Detail,
}

/// How much evidence a run keeps (`check --detail`).
///
/// A report is read for what needs attention: contradictions, rounding,
/// revisions, mixed kinds, incomparable and unreadable values. Agreements
/// and compatible values are listed with their claims and one sentence.
/// At a million claims the per-pair records of agreeing claims were most
/// of a 1.5 GB report nobody reads; `full` keeps them for those who do.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Detail {
    /// Pairs and reasons for the findings that need attention; sides
    /// instead of pairs in a fact of more than [`SIDES_ABOVE`] claims; a
    /// slim claim table.
    #[default]
    Attention,
    /// Every compared pair of every finding with its reason, `pairs` (never
    /// `sides`), and every field of every claim: the reports before 0.2.
    Full,
}

/// Above this many claims in one fact (subject and attribute), the checker
/// compares each distinct value once instead of each pair of claims, and
/// findings hold `sides` instead of `pairs` (unless `--detail full`).
///
/// At 100 claims a fact has at most 4,950 pairs, a report anyone can read
/// pair by pair; above it, a fact is machine-collected (thousands of
/// sources repeating one figure), and pairs grow with the square of its
/// claims while sides grow with the claims.
pub const SIDES_ABOVE: usize = 100;

/// The claims about one fact that say when they hold, in time order: how a
/// toll or a budget moved, and who said what when.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub subject: String,
    pub attribute: String,
    /// Sorted by the start of `as_of`, then claim id.
    pub entries: Vec<TimelineEntry>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TimelineEntry {
    pub claim: ClaimId,
    /// `as_of` as written.
    pub as_of: String,
    /// The times `as_of` denotes (`2023-02-24` for `published-4d` in a
    /// source published on 2023-02-28): what a reader needs where `as_of`
    /// is written relative to the publication.
    pub as_of_dates: String,
    /// The value as written.
    pub value: String,
    /// The claim's origin, named as in findings (a registry entry's name).
    pub origin: String,
    /// The claim this one supersedes, if any.
    pub supersedes: Option<ClaimId>,
}

impl TimelineEntry {
    /// `as_of` as reports show it: as written, with the dates it denotes
    /// first when it is written relative to the publication
    /// (`2023-02-24 (published-4d)`), since a timeline read down its
    /// column must be in dates, whatever each source wrote.
    pub fn as_of_shown(&self) -> String {
        if self.as_of.contains("published") && !self.as_of_dates.is_empty() {
            format!("{} ({})", self.as_of_dates, self.as_of)
        } else {
            self.as_of.clone()
        }
    }
}

/// The timelines of `claims`: see [`CheckOutcome::timelines`]. Each
/// entry names its origin as the findings do (one registry entry, one
/// name), so a reader going down the column sees one authority once,
/// however each source wrote it.
pub fn timelines(claims: &[ClaimFacts<'_>], names: &dyn ValueNames) -> Vec<Timeline> {
    let mut by_fact: BTreeMap<(&str, &str), Vec<&ClaimFacts<'_>>> = BTreeMap::new();
    for claim in claims.iter().filter(|c| c.as_of.is_some()) {
        by_fact
            .entry((claim.subject, claim.attribute()))
            .or_default()
            .push(claim);
    }
    by_fact
        .into_iter()
        .filter_map(|((subject, attribute), mut dated)| {
            let distinct: std::collections::BTreeSet<Option<&str>> =
                dated.iter().map(|c| c.as_of_written()).collect();
            if distinct.len() < 2 {
                return None;
            }
            let start = |c: &ClaimFacts<'_>| match &c.as_of {
                Some(TimeSet::Span(interval)) => match interval.lo() {
                    Bound::Included(m) | Bound::Excluded(m) => Some(m),
                    Bound::Unbounded => Some(i64::MIN),
                },
                _ => None,
            };
            dated.sort_by(|a, b| {
                (start(a).is_none(), start(a), a.id()).cmp(&(start(b).is_none(), start(b), b.id()))
            });
            Some(Timeline {
                subject: subject.to_owned(),
                attribute: attribute.to_owned(),
                entries: dated
                    .into_iter()
                    .map(|c| TimelineEntry {
                        claim: c.id().clone(),
                        as_of: c.as_of_written().unwrap_or_default().to_owned(),
                        as_of_dates: c.as_of.as_ref().map(describe::time).unwrap_or_default(),
                        value: c.written().to_owned(),
                        origin: assemble::origin_name(c, names),
                        supersedes: c.supersedes().cloned(),
                    })
                    .collect(),
            })
        })
        .collect()
}

/// The checks, by the kebab-case name reports and docs use.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[strum(serialize_all = "kebab-case")]
pub enum CheckCode {
    Numeric,
    Dates,
    Ordinals,
    Texts,
    Sets,
    Booleans,
    Unreadable,
    MixedKinds,
    Revisions,
}

impl CheckCode {
    /// Every check code, in declaration order (derived).
    pub const ALL: &'static [CheckCode] = <CheckCode as strum::VariantArray>::VARIANTS;

    /// The kebab-case name reports and docs use.
    pub fn name(self) -> &'static str {
        self.into()
    }

    pub fn description(self) -> &'static str {
        match self {
            CheckCode::Numeric => {
                "numbers, money and quantities compared as the intervals they denote, money after conversion"
            }
            CheckCode::Dates => "dates, spans and days of year compared as sets of instants",
            CheckCode::Ordinals => "positions in an order: equal or a contradiction",
            CheckCode::Texts => {
                "names equal after normalisation, aliases of one registry entry, or a contradiction"
            }
            CheckCode::Sets => {
                "sets of names: equal, one a subset of the other, or a contradiction"
            }
            CheckCode::Booleans => "true/false: equal or a contradiction",
            CheckCode::Unreadable => "null values: never a contradiction, listed as unreadable",
            CheckCode::MixedKinds => "one subject and attribute holding values of two kinds",
            CheckCode::Revisions => {
                "a claim that supersedes another: reported as a revision, whatever the values"
            }
        }
    }
}

/// One check: what it is called and what it does to a group of claims.
#[derive(Debug, Clone, Copy)]
pub struct Check {
    pub code: CheckCode,
    /// Compares the group's claims, writing its verdicts to the sink.
    pub run: fn(&ClaimGroup<'_>, &CheckContext<'_>, &mut VerdictSink),
}

/// Every check, in the order of the docs and of reports.
pub const CHECKS: &[Check] = &[
    numeric::CHECK,
    dates::CHECK,
    ordinals::CHECK,
    texts::CHECK,
    sets::CHECK,
    booleans::CHECK,
    unreadable::CHECK,
    mixed_kinds::CHECK,
    revisions::CHECK,
];

/// One claim, resolved for comparison: everything a check may look at.
/// It borrows from the [`Project`] (a million claims are resolved per run:
/// copying their text would cost as much as the checks).
#[derive(Debug, Clone)]
pub struct ClaimFacts<'a> {
    /// The claim as loaded: its id, attribute, value as written, quote,
    /// `according_to` and `supersedes` are read through it (methods of the
    /// same names), one reference instead of eight.
    pub claim: &'a Claim,
    /// The id of the claim's source.
    pub source: &'a str,
    /// The canonical subject.
    pub subject: &'a str,
    /// The set the value denotes, or why it denotes none.
    pub denotation: Result<Denotation, DenoteError>,
    /// `denotation` in words ([`ClaimFacts::denoted`]): worded the first
    /// time a reason or report quotes it, then kept, since every pair the
    /// claim is in may quote it. Most claims of a large project are never
    /// quoted (agreements list ids), and wording each up front cost a
    /// string per claim.
    pub denoted: OnceLock<String>,
    /// The time the claim is about; `None` is any time.
    pub as_of: Option<TimeSet>,
    /// The year whose rate converts the claim's money: the year `as_of`
    /// starts in, but not after the year `published` starts in (a source
    /// converts a plan's amount at the rates it knows); else the year
    /// `published` starts in.
    pub rate_year: Option<i32>,
}

impl<'a> ClaimFacts<'a> {
    /// A claim of `source` resolved by hand (tests and tools that build
    /// checker input directly): its own subject as the canonical one, no
    /// `as_of`, no year for rates.
    pub fn by_hand(
        claim: &'a Claim,
        source: &'a str,
        denotation: Result<Denotation, DenoteError>,
    ) -> ClaimFacts<'a> {
        ClaimFacts {
            claim,
            source,
            subject: &claim.subject,
            denoted: OnceLock::new(),
            denotation,
            as_of: None,
            rate_year: None,
        }
    }

    /// Where the claim's value comes from: [`ClaimOrigin::of`].
    pub fn origin(&self) -> ClaimOrigin<'a> {
        ClaimOrigin::of(self.according_to(), self.source)
    }

    pub fn id(&self) -> &'a ClaimId {
        &self.claim.id
    }

    pub fn attribute(&self) -> &'a str {
        &self.claim.attribute
    }

    pub fn value(&self) -> &'a Value {
        &self.claim.value
    }

    /// The value as written in the claim file, for explanations.
    pub fn written(&self) -> &'a str {
        &self.claim.value_written
    }

    pub fn according_to(&self) -> &'a [String] {
        self.claim.according_to()
    }

    /// `as_of` as written, for reports.
    pub fn as_of_written(&self) -> Option<&'a str> {
        self.claim.as_of_written()
    }

    /// The quote, for revisions (both quotes are shown).
    pub fn quote(&self) -> Option<&'a str> {
        self.claim.quote.as_ref().map(|q| q.text.as_str())
    }

    /// The claim this one replaces (`supersedes`).
    pub fn supersedes(&self) -> Option<&'a ClaimId> {
        self.claim.supersedes().map(|(id, _)| id)
    }
}

impl ClaimFacts<'_> {
    pub fn kind(&self) -> ValueKind {
        self.value().kind()
    }

    /// What reasons quote of the claim.
    pub fn quoted(&self) -> Quoted<'_> {
        Quoted {
            written: self.written(),
            denoted: self.denoted(),
        }
    }

    /// What the value denotes, in words (`450M..550M USD`), or why it
    /// denotes nothing.
    pub fn denoted(&self) -> &str {
        self.denoted.get_or_init(|| match &self.denotation {
            Ok(denoted) => describe::value_words(self.value(), denoted),
            Err(error) => describe::denote_error(error).to_owned(),
        })
    }
}

/// How texts are compared: name normalisation and registry `values` aliases.
/// A trait so the checks can be tested without a registry.
pub trait ValueNames: Sync {
    /// The form two names share when they are written the same.
    fn normalize(&self, name: &str) -> String;
    /// The registry `values` entry a name belongs to.
    fn entry_of(&self, name: &str) -> Option<String>;

    /// The key a set member is compared by when it has no registry entry:
    /// [`crate::link::rules::name_key`].
    fn member_key(&self, name: &str) -> String {
        crate::link::rules::name_key(name)
    }

    /// The key two cited names (the last of `according_to`) share when
    /// they name one origin: the registry `values` entry they are names
    /// of, else the name normalised. An agency cited in two scripts
    /// ("USGS", "هيئة المسح الجيولوجي الأميركية") is then one origin, not
    /// two corroborations: a bilingual project lists both as one entry.
    /// The one definition: the checker's independence and the consensus
    /// both key origins with it.
    fn origin_key(&self, name: &str) -> String {
        cited_origin_key(self, name)
    }

    /// How reports name the origin a cited name stands for: its registry
    /// `values` entry (one name for every spelling that
    /// [`ValueNames::origin_key`] joins), else the name as written.
    fn origin_name(&self, name: &str) -> String {
        cited_origin_name(self, name)
    }

    /// The similarity of consonant skeletons from which an Arabic and a
    /// Latin name may be one name: `[link] suggest_threshold`, the figure
    /// from which linking suggests such subject names.
    fn cross_script_threshold(&self) -> f64 {
        crate::model::Settings::default().link.suggest_threshold
    }
}

/// [`ValueNames::origin_key`] as defined.
fn cited_origin_key<N: ValueNames + ?Sized>(names: &N, name: &str) -> String {
    match names.entry_of(name) {
        Some(entry) => names.normalize(&entry),
        None => names.normalize(name),
    }
}

/// [`ValueNames::origin_name`] as defined.
fn cited_origin_name<N: ValueNames + ?Sized>(names: &N, name: &str) -> String {
    names.entry_of(name).unwrap_or_else(|| name.to_owned())
}

/// [`ValueNames`] from the project's registry.
///
/// A project repeats a few names across many claims (the countries of a
/// thousand member lists, the outlets it cites), and keying a name for the
/// registry (transliteration, word order) costs far more than looking up
/// the answer: every name the project's claims state is answered once, up
/// front, and other names (none, in `check`) as they come.
pub struct RegistryNames {
    aliases: ValueAliases,
    cross_script_threshold: f64,
    /// A stated text or set member → its `values` entry; empty when the
    /// registry has no `values` entries (every answer is then `None`).
    entries: HashMap<Box<str>, Option<String>, foldhash::fast::RandomState>,
    /// A stated set member → [`ValueNames::member_key`].
    member_keys: HashMap<Box<str>, String, foldhash::fast::RandomState>,
    /// A cited name (the last of `according_to`) → its origin key and the
    /// name reports show for it.
    cited: HashMap<Box<str>, (String, String), foldhash::fast::RandomState>,
}

impl RegistryNames {
    pub fn new(project: &Project) -> RegistryNames {
        let aliases = ValueAliases::build(project);
        let claims = || project.sources.par_iter().flat_map_iter(|s| &s.claims);
        let stated: Vec<&str> = match aliases.is_empty() {
            true => Vec::new(),
            false => distinct(
                claims()
                    .flat_map_iter(|claim| match &claim.value {
                        Value::Text(text) => std::slice::from_ref(text),
                        Value::Set(members) => members.as_slice(),
                        _ => &[],
                    })
                    .map(String::as_str),
            ),
        };
        let members = distinct(
            claims()
                .flat_map_iter(|claim| match &claim.value {
                    Value::Set(members) => members.as_slice(),
                    _ => &[],
                })
                .map(String::as_str),
        );
        let cited = distinct(claims().filter_map(|claim| match claim.origin() {
            ClaimOrigin::Cited(name) => Some(name),
            ClaimOrigin::Source(_) => None,
        }));
        let mut names = RegistryNames {
            aliases,
            cross_script_threshold: project.settings.link.suggest_threshold,
            entries: HashMap::default(),
            member_keys: HashMap::default(),
            cited: HashMap::default(),
        };
        names.member_keys = members
            .par_iter()
            .map(|&member| (member.into(), crate::link::rules::name_key(member)))
            .collect();
        names.entries = stated
            .par_iter()
            .map(|&text| (text.into(), names.aliases.entry_of(text).map(str::to_owned)))
            .collect();
        names.cited = cited
            .par_iter()
            .map(|&name| {
                let key = cited_origin_key(&names, name);
                let shown = cited_origin_name(&names, name);
                (name.into(), (key, shown))
            })
            .collect();
        names
    }
}

/// The distinct texts: a few thousand names among millions of mentions.
fn distinct<'a>(texts: impl ParallelIterator<Item = &'a str>) -> Vec<&'a str> {
    type Seen<'s> = std::collections::HashSet<&'s str, foldhash::fast::RandomState>;
    let seen = texts
        .fold(Seen::default, |mut seen, text| {
            seen.insert(text);
            seen
        })
        .reduce(Seen::default, |mut all, some| {
            all.extend(some);
            all
        });
    seen.into_iter().collect()
}

impl ValueNames for RegistryNames {
    fn normalize(&self, name: &str) -> String {
        normalize_name(name)
    }

    fn entry_of(&self, name: &str) -> Option<String> {
        match self.entries.get(name) {
            Some(entry) => entry.clone(),
            None => self.aliases.entry_of(name).map(str::to_owned),
        }
    }

    fn member_key(&self, name: &str) -> String {
        match self.member_keys.get(name) {
            Some(key) => key.clone(),
            None => crate::link::rules::name_key(name),
        }
    }

    fn origin_key(&self, name: &str) -> String {
        match self.cited.get(name) {
            Some((key, _)) => key.clone(),
            None => cited_origin_key(self, name),
        }
    }

    fn origin_name(&self, name: &str) -> String {
        match self.cited.get(name) {
            Some((_, shown)) => shown.clone(),
            None => cited_origin_name(self, name),
        }
    }

    fn cross_script_threshold(&self) -> f64 {
        self.cross_script_threshold
    }
}

/// What the checks need besides the claims.
pub struct CheckContext<'a> {
    /// Year → currency → USD per one unit (`crosscheck.toml` `[rates.<year>]`).
    pub rates: &'a BTreeMap<i32, BTreeMap<Currency, Decimal>>,
    pub names: &'a dyn ValueNames,
    /// Whether a large fact is compared value by value ([`SIDES_ABOVE`]).
    pub detail: Detail,
    /// When each source was published, for contradictions between undated
    /// figures ([`undated`]); empty where none is known.
    pub publications: &'a undated::Publications<'a>,
}

/// The claims about one canonical subject and attribute, sorted by id.
#[derive(Debug, Clone)]
pub struct ClaimGroup<'a> {
    pub subject: &'a str,
    pub attribute: &'a str,
    pub claims: Vec<&'a ClaimFacts<'a>>,
}

impl<'a> ClaimGroup<'a> {
    /// Every pair `(a, b)` of claims of `kind` with `a.id < b.id` whose
    /// `as_of` overlap: the pairs a check compares.
    pub fn pairs_of(&self, kind: ValueKind) -> Vec<(&'a ClaimFacts<'a>, &'a ClaimFacts<'a>)> {
        let of_kind = self.of_kind(kind);
        pairs_among(&of_kind)
            .map(|(i, j)| (of_kind[i], of_kind[j]))
            .collect()
    }

    /// The position of the claim `id` in the group. Ids in comparisons
    /// share their text with the group's claims, so comparing pointers
    /// finds them without reading the text (a cache miss each at scale).
    pub fn index_of(&self, id: &ClaimId) -> Option<usize> {
        // A small group is scanned by pointer (ids are shared, so no text is
        // compared); a large one, searched (claims are in id order): a scan
        // per pair made a fact of thousands of claims cubic.
        const SCAN_AT_MOST: usize = 32;
        if self.claims.len() <= SCAN_AT_MOST
            && let Some(at) = self
                .claims
                .iter()
                .position(|claim| Arc::ptr_eq(&claim.id().0, &id.0))
        {
            return Some(at);
        }
        self.claims
            .binary_search_by(|claim| claim.id().cmp(id))
            .ok()
    }

    /// The group's claim `id`.
    pub fn claim(&self, id: &ClaimId) -> Option<&'a ClaimFacts<'a>> {
        self.index_of(id).map(|i| self.claims[i])
    }

    /// The group's claims of `kind`, in id order.
    pub fn of_kind(&self, kind: ValueKind) -> Vec<&'a ClaimFacts<'a>> {
        self.claims
            .iter()
            .copied()
            .filter(|claim| claim.kind() == kind)
            .collect()
    }
}

/// Every pair `(i, j)` of indices into `claims` with `i < j` whose `as_of`
/// overlap: for checks that prepare each claim once before comparing pairs.
pub fn pairs_among<'c>(claims: &'c [&ClaimFacts<'_>]) -> impl Iterator<Item = (usize, usize)> + 'c {
    (0..claims.len()).flat_map(move |i| {
        (i + 1..claims.len())
            .filter(move |&j| as_of_overlap(claims[i], claims[j]))
            .map(move |j| (i, j))
    })
}

/// Whether two claims are about overlapping times.
pub fn as_of_overlap(a: &ClaimFacts, b: &ClaimFacts) -> bool {
    match (&a.as_of, &b.as_of) {
        (Some(x), Some(y)) => dates::relate(x, y).is_compatible(),
        _ => true,
    }
}

/// Where every check writes what it concludes, through one of two typed
/// verdicts: a verdict on a pair of claims ([`VerdictSink::pair`]), or a
/// verdict on a set of claims of the group as a whole
/// ([`VerdictSink::claims`]: unreadable values, mixed kinds). No check
/// builds a [`Finding`]: [`assemble`] turns verdicts into findings by the
/// documented grouping, and is the one place that does.
#[derive(Debug, Default)]
pub struct VerdictSink {
    comparisons: Vec<PairComparison>,
    group_verdicts: Vec<GroupVerdict>,
}

/// A verdict on a set of claims of one group, with its reason in words.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupVerdict {
    pub kind: FindingKind,
    /// The claims concerned, sorted.
    pub claims: Vec<ClaimId>,
    pub explanation: String,
}

impl VerdictSink {
    /// The verdict on one pair of claims.
    pub fn pair(&mut self, comparison: PairComparison) {
        self.comparisons.push(comparison);
    }

    /// A verdict of `kind` on a set of claims, explained in words.
    pub fn claims(&mut self, kind: FindingKind, claims: &[&ClaimFacts<'_>], explanation: String) {
        let mut ids: Vec<ClaimId> = claims.iter().map(|claim| claim.id().clone()).collect();
        ids.sort();
        self.group_verdicts.push(GroupVerdict {
            kind,
            claims: ids,
            explanation,
        });
    }

    /// What the checks concluded: pair verdicts and group verdicts.
    pub(crate) fn into_parts(self) -> (Vec<PairComparison>, Vec<GroupVerdict>) {
        (self.comparisons, self.group_verdicts)
    }
}

/// Compares every linked group of claims in `project`.
pub fn run(project: &Project, graph: &SubjectGraph) -> CheckOutcome {
    check_facts(project, &claim_facts(project, &graph.canonical_subjects()))
}

/// Compares the claims of `project`, already resolved by [`claim_facts`]
/// (the JSON report reads the same facts, so they are resolved once).
pub fn check_facts(project: &Project, facts: &[ClaimFacts<'_>]) -> CheckOutcome {
    check_facts_with(project, facts, true, Detail::default())
}

/// [`check_facts`], estimating the consensus only when `consensus` is set.
/// Copy groups the estimator finds count as one origin in every finding.
///
/// The consensus reads the resolved claims, not the findings, and shares
/// only the grouping with the comparisons; it runs first, then they do
/// (each keeps both cores busy; side by side, at 10^6 claims, their
/// working sets raised the peak by 270 MiB for no gain in time:
/// `bench/RESULTS.md`). Only merging the copy groups into the findings
/// waits for both.
pub fn check_facts_with(
    project: &Project,
    facts: &[ClaimFacts<'_>],
    consensus: bool,
    detail: Detail,
) -> CheckOutcome {
    let names = RegistryNames::new(project);
    let publications = undated::Publications::new(project);
    let context = CheckContext {
        rates: &project.settings.rates,
        names: &names,
        detail,
        publications: &publications,
    };
    // The claims of each subject and attribute, found once for both.
    let rank = groups::id_ranks(facts);
    let groups = groups::subject_groups(facts, &rank);
    // The consensus first, then the check: each already keeps both cores
    // busy, and run side by side their working sets were held together
    // (at 10^6 claims the peak was 270 MiB higher for no gain in time).
    let estimate =
        consensus.then(|| crate::consensus::estimate_grouped(facts, &groups, &rank, &names));
    let (findings, timelines) = rayon::join(
        || check_groups(facts, &groups, &context),
        || timelines(facts, &names),
    );
    let mut outcome = CheckOutcome {
        findings,
        timelines,
        consensus: None,
        detail,
    };
    if let Some(estimate) = estimate {
        estimate.merge_copied_origins(&mut outcome, facts);
        outcome.consensus = Some(estimate);
    }
    outcome
}

/// Resolves every claim of `project`: canonical subject, denotation, `as_of`
/// and the year for currency rates. In project order (source id, then claim
/// file order); sources are resolved in parallel.
pub fn claim_facts<'a>(
    project: &'a Project,
    subjects: &'a CanonicalSubjects,
) -> Vec<ClaimFacts<'a>> {
    let tolerance = project.settings.compare.approx_tolerance;
    let rounding = project.settings.compare.rounding_tolerance;
    let published_years: Vec<Option<i32>> = publication_times(project)
        .iter()
        .map(|time| time.as_ref().and_then(start_year))
        .collect();
    // An indexed list, so the parallel collect writes each result in place.
    let claims: Vec<(usize, &Source, &Claim)> = project
        .sources
        .iter()
        .enumerate()
        .flat_map(|(s, source)| source.claims.iter().map(move |claim| (s, source, claim)))
        .collect();
    let subjects: Vec<Option<&str>> = subjects.iter().collect();
    claims
        .par_iter()
        .zip(&subjects)
        .map(|(&(s, source, claim), subject)| {
            let context = DenoteContext {
                approx_tolerance: tolerance,
                rounding_tolerance: rounding,
                published: source.published.as_ref(),
            };
            let as_of = claim
                .as_of
                .as_ref()
                .and_then(|expr| time_of(&Value::Date(expr.clone()), &context));
            // An amount planned for years ahead ("130 billion dirhams
            // between 2023 and 2027", written in 2022) was converted by its
            // source at the rates it knew: its publication year's.
            let rate_year = match (as_of.as_ref().and_then(start_year), published_years[s]) {
                (Some(about), Some(published)) => Some(about.min(published)),
                (about, published) => about.or(published),
            };
            let denotation = denote(&claim.value, &context);
            ClaimFacts {
                claim,
                source: &source.id,
                subject: subject.unwrap_or(&*claim.subject),
                denoted: OnceLock::new(),
                denotation,
                as_of,
                rate_year,
            }
        })
        .collect()
}

/// A denotation in words (`450M..550M USD`, `2020-12`), or why a value
/// denotes nothing: what reports show beside the value as written.
pub fn denoted_text(denotation: &Result<Denotation, DenoteError>) -> String {
    match denotation {
        Ok(denotation) => describe::denotation(denotation),
        Err(error) => describe::denote_error(error).to_owned(),
    }
}

/// Each source's `published` as the times it denotes, in source order;
/// `None` where it is absent, or relative and so anchored to nothing
/// (treated as unknown: any time).
pub fn publication_times(project: &Project) -> Vec<Option<TimeSet>> {
    let unanchored = DenoteContext {
        approx_tolerance: project.settings.compare.approx_tolerance,
        rounding_tolerance: project.settings.compare.rounding_tolerance,
        published: None,
    };
    project
        .sources
        .iter()
        .map(|source| {
            let published = source.published.as_ref()?;
            time_of(&Value::Date(published.clone()), &unanchored)
        })
        .collect()
}

fn time_of(value: &Value, context: &DenoteContext<'_>) -> Option<TimeSet> {
    match denote(value, context) {
        Ok(Denotation::Time(set)) => Some(set),
        _ => None,
    }
}

/// The year a time set starts in (or, unbounded below, ends in).
pub fn start_year(set: &TimeSet) -> Option<i32> {
    let TimeSet::Span(interval) = set else {
        return None;
    };
    let minute = match (interval.lo(), interval.hi()) {
        (Bound::Included(lo) | Bound::Excluded(lo), _) => lo,
        (Bound::Unbounded, Bound::Included(hi)) => hi,
        (Bound::Unbounded, Bound::Excluded(hi)) => hi - 1,
        (Bound::Unbounded, Bound::Unbounded) => return None,
    };
    i32::try_from(describe::civil(minute).year).ok()
}

/// Runs every check on every group of `claims` and returns the findings in
/// their stable order. The result does not depend on the order of `claims`,
/// nor on how the groups are spread over threads.
pub fn check_claims(claims: &[ClaimFacts<'_>], context: &CheckContext<'_>) -> Vec<Finding> {
    let rank = groups::id_ranks(claims);
    check_groups(claims, &groups::subject_groups(claims, &rank), context)
}

/// [`check_claims`] on the groups of one subject and attribute found
/// already ([`groups::subject_groups`]).
pub fn check_groups<'a>(
    claims: &'a [ClaimFacts<'a>],
    groups: &[SubjectGroup<'a>],
    context: &CheckContext<'_>,
) -> Vec<Finding> {
    // Each group's findings, sorted by (kind, claims); groups in (subject,
    // attribute) order. Findings are sorted by kind, subject, attribute and
    // claims: so a stable split by kind keeps that order.
    let per_group: Vec<Vec<Finding>> = groups
        .par_iter()
        .map(|group| {
            // Made as it is checked, so only the groups in hand are held.
            let group = &ClaimGroup {
                subject: group.subject,
                attribute: group.attribute,
                claims: group.claims.iter().map(|&i| &claims[i as usize]).collect(),
            };
            let mut findings =
                if context.detail == Detail::Attention && group.claims.len() > SIDES_ABOVE {
                    sides::findings(group, context)
                } else {
                    let mut sink = VerdictSink::default();
                    for check in CHECKS {
                        (check.run)(group, context, &mut sink);
                    }
                    assemble::findings(group, sink, context)
                };
            undated::note_publication_gaps(&mut findings, group, context.publications);
            mistyped::note_figures_not_in_quotes(&mut findings, group);
            reported_both_ways::note_origins_reported_both_ways(
                &mut findings,
                group,
                context.names,
            );
            findings.sort_by(|a, b| (a.kind, &a.claims).cmp(&(b.kind, &b.claims)));
            // Held until every group is checked: no room to spare in each.
            findings.shrink_to_fit();
            findings
        })
        .collect();
    // Sized once: grown by doubling, the list of a million claims' findings
    // was copied and briefly held twice.
    let mut findings: Vec<Finding> = Vec::with_capacity(per_group.iter().map(Vec::len).sum());
    for group in per_group {
        findings.extend(group);
    }
    // A stable sort by kind alone keeps each group's order within a kind,
    // and the groups' order: no list of kinds to walk, so none can be missed.
    findings.sort_by_key(|finding| finding.kind);
    findings
}

/// A verdict on a pair, its claims in id order (`a.id < b.id`).
pub(crate) fn comparison(
    a: &ClaimFacts,
    b: &ClaimFacts,
    check: CheckCode,
    verdict: Verdict,
    relation: Option<crate::value::SetRelation>,
    code: ReasonCode,
    reason: Reason,
) -> PairComparison {
    PairComparison {
        claims: [a.id().clone(), b.id().clone()],
        check,
        verdict,
        relation,
        code,
        reason,
        conversions: Box::default(),
    }
}

/// How a discrete check (one with no degrees of precision: ordinals,
/// booleans) words its two possible verdicts.
pub(crate) struct DiscreteWording {
    pub same: (ReasonCode, &'static str),
    pub different: (ReasonCode, &'static str),
}

/// The verdict on two values that are either the same or cannot both be
/// true: agreement or contradiction, worded by `wording`.
pub(crate) fn discrete_comparison(
    a: &ClaimFacts,
    b: &ClaimFacts,
    check: CheckCode,
    same: bool,
    wording: &DiscreteWording,
) -> PairComparison {
    let (verdict, (code, words)) = if same {
        (Verdict::Agreement, wording.same)
    } else {
        (Verdict::Contradiction, wording.different)
    };
    comparison(a, b, check, verdict, None, code, Reason::Both(words))
}

/// `'written'`, how explanations quote a claim's value.
pub(crate) fn quoted(claim: &ClaimFacts) -> String {
    format!("'{}'", claim.written())
}

#[cfg(test)]
mod tests;
