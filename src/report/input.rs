//! What every renderer reads: the project, the claims as the checker
//! resolved them (canonical subject, denotation and its words), the
//! checker's outcome and the curation warnings. Built once per run, it
//! borrows everything, so text, Markdown, JSON, HTML and the claim graph all
//! show exactly what the checker compared, at no cost per claim.
//!
//! Every format is a `render(&ReportInput, &mut dyn Write)` in its own file
//! under `src/report/`; none of them decides what a finding is, and none of
//! them reads a `HashMap` into output.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use crate::check::{self, CheckOutcome, Detail, Finding, FindingKind, PairComparison, Quoted};
use crate::consensus::{CopyGroup, OriginTrust, SourceTrust};
use crate::diagnostic::Diagnostic;
use crate::model::{Claim, ClaimId, Project, Source};

/// Everything a report shows.
#[derive(Debug)]
pub struct ReportInput<'a> {
    pub project: &'a Project,
    /// Every claim as the checker resolved it ([`check::claim_facts`]), in
    /// project order (source by source, each in file order).
    pub facts: &'a [check::ClaimFacts<'a>],
    pub outcome: &'a CheckOutcome,
    /// Warnings about the curation itself (near-duplicate subjects,
    /// uncovered figures, ...), listed last in every report.
    pub warnings: &'a [Diagnostic],
    /// Claim lookup by global id, built on first use: renderers look claims
    /// up once per row, so a scan would make reports quadratic, and the
    /// terminal summary needs no table at all.
    index: OnceLock<ClaimIndex>,
}

/// Where each claim is: its position in `facts`, and the first position of
/// each source's claims (so a position gives the source by binary search).
#[derive(Debug)]
struct ClaimIndex {
    /// Keyed by shared ids (no borrow, so a `ReportInput` stays covariant
    /// in what it borrows).
    position: HashMap<ClaimId, usize, foldhash::fast::RandomState>,
    source_starts: Vec<usize>,
}

impl<'a> ReportInput<'a> {
    /// The input of every report of one run. `facts` must be the project's
    /// claims in project order, as [`check::claim_facts`] returns them.
    pub fn new(
        project: &'a Project,
        facts: &'a [check::ClaimFacts<'a>],
        outcome: &'a CheckOutcome,
        warnings: &'a [Diagnostic],
    ) -> ReportInput<'a> {
        debug_assert_eq!(facts.len(), project.claims().count());
        ReportInput {
            project,
            facts,
            outcome,
            warnings,
            index: OnceLock::new(),
        }
    }

    fn index(&self) -> &ClaimIndex {
        self.index.get_or_init(|| {
            let mut source_starts = Vec::with_capacity(self.project.sources.len());
            let mut start = 0;
            for source in &self.project.sources {
                source_starts.push(start);
                start += source.claims.len();
            }
            let position = self
                .facts
                .iter()
                .enumerate()
                .map(|(i, facts)| (facts.id().clone(), i))
                .collect();
            ClaimIndex {
                position,
                source_starts,
            }
        })
    }

    /// Builds the claim lookup now rather than on first use (the JSON
    /// report builds it on one thread while it sorts on another).
    pub fn index_claims(&self) {
        self.index();
    }

    /// Where the claim with this id is in `facts`.
    pub fn position(&self, id: &ClaimId) -> Option<usize> {
        self.index().position.get(id).copied()
    }

    /// The checker's facts of the claim with this id.
    pub fn facts_of(&self, id: &ClaimId) -> Option<&'a check::ClaimFacts<'a>> {
        self.position(id).map(|i| &self.facts[i])
    }

    /// The claim at a position of `facts`, with its source.
    pub fn claim_at(&self, position: usize) -> Option<(&'a Source, &'a Claim)> {
        let starts = &self.index().source_starts;
        // The last source starting at or before `position` (a source with
        // no claims shares its start with the next one: take the last).
        let s = starts
            .partition_point(|&start| start <= position)
            .checked_sub(1)?;
        let source = self.project.sources.get(s)?;
        Some((source, source.claims.get(position - starts[s])?))
    }

    /// The claim with this global id and its source.
    pub fn claim(&self, id: &ClaimId) -> Option<(&'a Source, &'a Claim)> {
        self.claim_at(self.position(id)?)
    }

    /// The canonical subject of a claim (its own subject if the linker gave none).
    pub fn canonical_subject<'s>(&'s self, claim: &'s Claim) -> &'s str {
        self.facts_of(&claim.id)
            .map_or(&*claim.subject, |facts| facts.subject)
    }

    /// A compared pair's reason in plain words.
    pub fn reason(&self, comparison: &PairComparison) -> String {
        let quoted = |id: &ClaimId| self.facts_of(id).map(|facts| facts.quoted());
        match (quoted(&comparison.claims[0]), quoted(&comparison.claims[1])) {
            (Some(a), Some(b)) => comparison.reason_text(a, b),
            _ => String::new(),
        }
    }

    /// What a claim's value denotes, in words (`450M..550M USD`), empty if
    /// the claim is unknown.
    pub fn normalised(&self, claim: &ClaimId) -> &'a str {
        self.facts_of(claim).map_or("", |facts| facts.denoted())
    }

    /// What reasons quote of a claim.
    pub fn quoted(&self, claim: &ClaimId) -> Option<Quoted<'a>> {
        self.facts_of(claim).map(|facts| facts.quoted())
    }

    /// Where a claim's quote stands: `seeds/x.txt:3:15`, if it was located.
    pub fn quote_place(source: &Source, claim: &Claim) -> Option<String> {
        let document = source.document.as_ref()?;
        let location = claim.quote.as_ref()?.location.as_ref()?;
        Some(format!("{}:{}", document.path, location.start))
    }

    /// Where a warning points, `file:line:column` per label, the primary
    /// label first (several labels may share a place: listed once).
    pub fn warning_places(&self, warning: &Diagnostic) -> Vec<String> {
        let files = &self.project.files;
        let mut labels: Vec<&crate::diagnostic::Label> = warning.labels.iter().collect();
        labels.sort_by_key(|label| !label.primary);
        let mut places: Vec<String> = Vec::new();
        for label in labels {
            let at = files.line_column(label.span.file, label.span.bytes.start);
            let place = format!("{}:{at}", files.name(label.span.file));
            if !places.contains(&place) {
                places.push(place);
            }
        }
        places
    }

    /// Counts of findings by kind, in the order of [`FindingKind::ALL`],
    /// kinds with no finding left out.
    /// The consensus of the facts a contradiction is about, one sentence
    /// each ("most likely: X (confidence 0.87), supported by ..."), for
    /// every renderer to show under it; empty for other kinds.
    pub fn consensus_lines(&self, finding: &Finding) -> Vec<String> {
        let contradiction = matches!(
            finding.kind,
            FindingKind::Contradiction | FindingKind::InternalContradiction
        );
        let Some(consensus) = &self.outcome.consensus else {
            return Vec::new();
        };
        if !contradiction {
            return Vec::new();
        }
        let facts = consensus.fact_of(&finding.subject, &finding.attribute, &finding.claims);
        facts
            .into_iter()
            .map(|fact| match &fact.as_of {
                Some(as_of) => format!("as of {as_of}: {}", fact.summary()),
                None => fact.summary(),
            })
            .collect()
    }

    /// Sources with their trust (`None`: no fact with two origins or more
    /// involves them), by id; empty when no consensus was estimated.
    pub fn source_trust(&self) -> &'a [SourceTrust] {
        self.outcome
            .consensus
            .as_ref()
            .map_or(&[], |c| c.sources.as_slice())
    }

    /// Every origin a claim cites, with its trust.
    pub fn cited_origin_trust(&self) -> &'a [OriginTrust] {
        self.outcome
            .consensus
            .as_ref()
            .map_or(&[], |c| c.cited_origins.as_slice())
    }

    /// Origins grouped as copies, with the evidence.
    pub fn copy_groups(&self) -> &'a [CopyGroup] {
        self.outcome
            .consensus
            .as_ref()
            .map_or(&[], |c| c.copy_groups.as_slice())
    }

    pub fn counts(&self) -> Vec<(FindingKind, usize)> {
        FindingKind::ALL
            .iter()
            .map(|kind| {
                let count = self
                    .outcome
                    .findings
                    .iter()
                    .filter(|finding| finding.kind == *kind)
                    .count();
                (*kind, count)
            })
            .filter(|(_, count)| *count > 0)
            .collect()
    }

    /// The findings in report order: by severity, then subject, attribute,
    /// kind and claims, whatever order the checker listed them in.
    pub fn findings_in_report_order(&self) -> Vec<&'a Finding> {
        let mut findings: Vec<&Finding> = self.outcome.findings.iter().collect();
        findings.sort_by(|a, b| {
            (
                a.kind.severity(),
                &a.subject,
                &a.attribute,
                a.kind,
                &a.claims,
            )
                .cmp(&(
                    b.kind.severity(),
                    &b.subject,
                    &b.attribute,
                    b.kind,
                    &b.claims,
                ))
        });
        findings
    }

    /// Which findings a human report (Markdown, HTML) shows in full, which
    /// in one line, and how many it leaves to the JSON report.
    ///
    /// Under `--detail full` every finding is shown in full. Otherwise the
    /// findings that need attention come first (contradictions, then
    /// warnings, then revisions), then agreements, compatible values and
    /// naming variants; the first [`SHOWN_IN_FULL`] are shown in full, the
    /// next [`SHOWN_IN_ONE_LINE`] in one line each, and the rest are
    /// counted by kind. A project of a few hundred findings reads as
    /// before; a million claims make a page a browser opens, not 180 MB.
    pub fn findings_shown(&self) -> FindingsShown<'a> {
        let mut findings = self.findings_in_report_order();
        if self.outcome.detail == Detail::Full {
            return FindingsShown {
                in_full: findings,
                in_one_line: Vec::new(),
                left_out: BTreeMap::new(),
            };
        }
        // A stable sort: report order within attention and the rest.
        findings.sort_by_key(|finding| !finding.kind.info().needs_attention);
        let rest = findings.split_off(findings.len().min(SHOWN_IN_FULL));
        let mut in_one_line = rest;
        let left: Vec<&Finding> = in_one_line.split_off(in_one_line.len().min(SHOWN_IN_ONE_LINE));
        let mut left_out = BTreeMap::new();
        for finding in left {
            *left_out.entry(finding.kind).or_insert(0) += 1;
        }
        FindingsShown {
            in_full: findings,
            in_one_line,
            left_out,
        }
    }

    /// Whether human reports cap long lists (claims of a finding, pairs,
    /// timelines, warnings): always, unless `--detail full`.
    pub fn capped(&self) -> bool {
        self.outcome.detail != Detail::Full
    }
}

/// How many findings a human report shows in full (unless `--detail
/// full`): enough for a whole investigation, few enough to read.
pub const SHOWN_IN_FULL: usize = 300;

/// How many more findings it lists in one line each.
pub const SHOWN_IN_ONE_LINE: usize = 3_000;

/// How many items of one list (a finding's claims or pairs, timelines,
/// curation warnings) a human report shows before saying how many more
/// the JSON report holds (unless `--detail full`).
pub const LIST_AT_MOST: usize = 50;

/// See [`ReportInput::findings_shown`].
#[derive(Debug)]
pub struct FindingsShown<'a> {
    pub in_full: Vec<&'a Finding>,
    pub in_one_line: Vec<&'a Finding>,
    /// The findings shown in neither, by kind.
    pub left_out: BTreeMap<FindingKind, usize>,
}

impl FindingsShown<'_> {
    /// "12,345 more findings (12,000 agreements, 345 compatible) are in
    /// report.json", or `None` when nothing was left out.
    pub fn left_out_note(&self) -> Option<String> {
        let total: usize = self.left_out.values().sum();
        if total == 0 {
            return None;
        }
        let kinds: Vec<String> = self
            .left_out
            .iter()
            .map(|(kind, &n)| crate::text::plural::counted_as(n, kind.info().one, kind.info().many))
            .collect();
        Some(format!(
            "{} ({}) are not shown here: they are in report.json (`crosscheck check --format json`), or all in this page with `--detail full`.",
            crate::text::plural::counted_as(total, "more finding", "more findings"),
            kinds.join(", ")
        ))
    }
}

/// A finding's explanation for a one-line list: its first 200 characters.
pub fn one_line(text: &str) -> String {
    const AT_MOST: usize = 200;
    match text.char_indices().nth(AT_MOST) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// `values` joined by commas, at most [`LIST_AT_MOST`] when `capped`, then
/// how many more: what a side spans.
pub fn joined_at_most(values: &[String], capped: bool) -> String {
    let (shown, more) = at_most(values, capped);
    let mut text = shown.join(", ");
    if more > 0 {
        text.push_str(&format!(" and {more} more"));
    }
    text
}

/// `items` up to [`LIST_AT_MOST`] when `capped`, and how many were left out.
pub fn at_most<T>(items: &[T], capped: bool) -> (&[T], usize) {
    limited(items, capped, LIST_AT_MOST)
}

/// How many rows of a table of sources (sources, trust, copy groups) a
/// human report shows (unless `--detail full`): machine-collected data has
/// thousands of sources, one claim each.
pub const ROWS_AT_MOST: usize = 500;

/// `items` up to [`ROWS_AT_MOST`] when `capped`, and how many were left out.
pub fn rows_at_most<T>(items: &[T], capped: bool) -> (&[T], usize) {
    limited(items, capped, ROWS_AT_MOST)
}

fn limited<T>(items: &[T], capped: bool, limit: usize) -> (&[T], usize) {
    if capped && items.len() > limit {
        (&items[..limit], items.len() - limit)
    } else {
        (items, 0)
    }
}
