//! What every human renderer reads: the project, the checker's outcome, and
//! for each claim the facts a reader needs beside it (its canonical subject,
//! its value in normalised form), computed once so text, Markdown, HTML and
//! the claim graph all show the same thing.
//!
//! Renderers take a [`ReportInput`] and a writer; none of them decides what a
//! finding is, and none of them reads a `HashMap` into output.

use std::collections::BTreeMap;

use crate::check::{self, CheckOutcome, Finding, FindingKind, PairComparison, Quoted};
use crate::consensus::{CopyGroup, SourceTrust};
use crate::diagnostic::Diagnostic;
use crate::link::SubjectGraph;
use crate::model::{Claim, ClaimId, Project, Source};

/// Everything a human report shows.
#[derive(Debug, Clone)]
pub struct ReportInput<'a> {
    pub project: &'a Project,
    pub outcome: &'a CheckOutcome,
    /// Per claim: what the linker and the value grammar say about it.
    pub claims: BTreeMap<ClaimId, ClaimFacts>,
    /// Warnings about the curation itself (near-duplicate subjects,
    /// uncovered figures, ...), listed last in every report.
    pub warnings: &'a [Diagnostic],
    /// Where each claim is in `project.sources`: renderers look claims up
    /// by id once per row, so a scan would make reports quadratic.
    positions: BTreeMap<ClaimId, (usize, usize)>,
}

/// What a report shows beside a claim besides what the claim file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimFacts {
    /// The canonical subject the claim's subject links to.
    pub canonical_subject: String,
    /// The set the value denotes, in the words of the checker and the JSON
    /// report ([`check::denoted_text`]): `450M..550M USD`, `2020-12`.
    pub normalised: String,
}

impl<'a> ReportInput<'a> {
    /// Gathers the facts of every claim of `project` from the subject graph
    /// and the value grammar.
    pub fn new(
        project: &'a Project,
        graph: &SubjectGraph,
        outcome: &'a CheckOutcome,
        warnings: &'a [Diagnostic],
    ) -> ReportInput<'a> {
        let facts = check::claim_facts(project, graph);
        ReportInput::from_facts(project, &facts, outcome, warnings)
    }

    /// A report input from the facts the checker resolved
    /// ([`check::claim_facts`]), so reports show what the checker compared.
    pub fn from_facts(
        project: &'a Project,
        facts: &[check::ClaimFacts<'_>],
        outcome: &'a CheckOutcome,
        warnings: &'a [Diagnostic],
    ) -> ReportInput<'a> {
        let claims = facts
            .iter()
            .map(|facts| {
                let shown = ClaimFacts {
                    canonical_subject: facts.subject.to_owned(),
                    normalised: facts.denoted.clone(),
                };
                (facts.id.clone(), shown)
            })
            .collect();
        ReportInput::from_parts(project, outcome, claims, warnings)
    }

    /// A report input from facts gathered elsewhere (tests build them by hand).
    pub fn from_parts(
        project: &'a Project,
        outcome: &'a CheckOutcome,
        claims: BTreeMap<ClaimId, ClaimFacts>,
        warnings: &'a [Diagnostic],
    ) -> ReportInput<'a> {
        let positions = project
            .sources
            .iter()
            .enumerate()
            .flat_map(|(s, source)| {
                source
                    .claims
                    .iter()
                    .enumerate()
                    .map(move |(c, claim)| (claim.id.clone(), (s, c)))
            })
            .collect();
        ReportInput {
            project,
            outcome,
            claims,
            warnings,
            positions,
        }
    }

    /// The claim with this global id and its source.
    pub fn claim(&self, id: &ClaimId) -> Option<(&'a Source, &'a Claim)> {
        let &(s, c) = self.positions.get(id)?;
        let source = self.project.sources.get(s)?;
        Some((source, source.claims.get(c)?))
    }

    /// The canonical subject of a claim (its own subject if the linker gave none).
    pub fn canonical_subject<'s>(&'s self, claim: &'s Claim) -> &'s str {
        self.claims
            .get(&claim.id)
            .map_or(claim.subject.as_str(), |facts| {
                facts.canonical_subject.as_str()
            })
    }

    /// A compared pair's reason in plain words.
    pub fn reason(&self, comparison: &PairComparison) -> String {
        let quoted = |id: &ClaimId| {
            self.claim(id).map(|(_, claim)| Quoted {
                written: &claim.value_written,
                denoted: self.normalised(id),
            })
        };
        match (quoted(&comparison.claims[0]), quoted(&comparison.claims[1])) {
            (Some(a), Some(b)) => comparison.reason_text(a, b),
            _ => String::new(),
        }
    }

    /// The normalised value of a claim, empty if unknown.
    pub fn normalised(&self, claim: &ClaimId) -> &str {
        self.claims
            .get(claim)
            .map_or("", |facts| facts.normalised.as_str())
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
}

/// `1 claim`, `3 claims`.
pub fn counted(count: usize, noun: &str) -> String {
    let plural = if count == 1 { "" } else { "s" };
    format!("{count} {noun}{plural}")
}

/// A kind as a heading: `Internal contradiction`.
pub fn kind_title(kind: FindingKind) -> &'static str {
    match kind {
        FindingKind::Contradiction => "Contradiction",
        FindingKind::InternalContradiction => "Internal contradiction",
        FindingKind::MixedKinds => "Mixed kinds",
        FindingKind::Incomparable => "Incomparable",
        FindingKind::Compatible => "Compatible",
        FindingKind::NamingVariant => "Naming variant",
        FindingKind::Agreement => "Agreement",
        FindingKind::Unreadable => "Unreadable",
    }
}

/// `2 contradictions`, `1 internal contradiction`, `3 unreadable`.
pub fn kind_count(kind: FindingKind, count: usize) -> String {
    let word = match kind {
        FindingKind::Contradiction => "contradiction",
        FindingKind::InternalContradiction => "internal contradiction",
        FindingKind::MixedKinds => "mixed-kinds curation error",
        FindingKind::Incomparable => "incomparable",
        FindingKind::Compatible => "compatible",
        FindingKind::NamingVariant => "naming variant",
        FindingKind::Agreement => "agreement",
        FindingKind::Unreadable => "unreadable",
    };
    let countable = matches!(
        kind,
        FindingKind::Contradiction
            | FindingKind::InternalContradiction
            | FindingKind::MixedKinds
            | FindingKind::NamingVariant
            | FindingKind::Agreement
    );
    let plural = if countable && count != 1 { "s" } else { "" };
    format!("{count} {word}{plural}")
}
