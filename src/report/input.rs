//! What every human renderer reads: the project, the checker's outcome, and
//! for each claim the facts a reader needs beside it (its canonical subject,
//! its value in normalised form), computed once so text, Markdown, HTML and
//! the claim graph all show the same thing.
//!
//! Renderers take a [`ReportInput`] and a writer; none of them decides what a
//! finding is, and none of them reads a `HashMap` into output.

use std::collections::BTreeMap;
use std::ops::Bound;

use rust_decimal::Decimal;

use crate::check::{CheckOutcome, Finding, FindingKind};
use crate::diagnostic::Diagnostic;
use crate::link::SubjectGraph;
use crate::model::{Claim, ClaimId, Project, Source};
use crate::value::calendar;
use crate::value::denote::{DenoteError, Minute, denote};
use crate::value::{Denotation, DenoteContext, Dimension, Interval, NumericSet, TimeSet};

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
}

/// What a report shows beside a claim besides what the claim file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimFacts {
    /// The canonical subject the claim's subject links to.
    pub canonical_subject: String,
    /// The set the value denotes, written for people:
    /// `[450M, 550M] USD`, `2020-12-01 … 2020-12-31`.
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
        let claims = project
            .claims()
            .map(|(source, claim)| {
                let facts = ClaimFacts {
                    canonical_subject: graph
                        .canonical_subject(&claim.id)
                        .unwrap_or(claim.subject.as_str())
                        .to_owned(),
                    normalised: normalised_value(project, source, claim),
                };
                (claim.id.clone(), facts)
            })
            .collect();
        ReportInput {
            project,
            outcome,
            claims,
            warnings,
        }
    }

    /// The claim with this global id and its source.
    pub fn claim(&self, id: &ClaimId) -> Option<(&'a Source, &'a Claim)> {
        self.project.claims().find(|(_, claim)| &claim.id == id)
    }

    /// The canonical subject of a claim (its own subject if the linker gave none).
    pub fn canonical_subject<'s>(&'s self, claim: &'s Claim) -> &'s str {
        self.claims
            .get(&claim.id)
            .map_or(claim.subject.as_str(), |facts| {
                facts.canonical_subject.as_str()
            })
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

    /// Counts of findings by kind, in the order of [`FindingKind::ALL`],
    /// kinds with no finding left out.
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

/// The value of `claim` as the set it denotes, for people.
pub fn normalised_value(project: &Project, source: &Source, claim: &Claim) -> String {
    let context = DenoteContext {
        approx_tolerance: project.settings.compare.approx_tolerance,
        published: source.published.as_ref(),
    };
    match denote(&claim.value, &context) {
        Ok(denotation) => describe_denotation(&denotation),
        Err(DenoteError::NoPublicationDate) => {
            "relative to publication, but the source has no published date".to_owned()
        }
        Err(DenoteError::UnanchoredPublication) => {
            "relative to a publication date that is itself not a calendar date".to_owned()
        }
    }
}

/// A denotation written for people.
pub fn describe_denotation(denotation: &Denotation) -> String {
    match denotation {
        Denotation::Numeric(set) => describe_numeric(set),
        Denotation::Time(TimeSet::Span(interval)) => describe_time(interval),
        Denotation::Time(TimeSet::Annual { month, day }) => {
            format!("--{month:02}-{day:02} (that day, any year)")
        }
        Denotation::Ordinal(n) => format!("position {n}"),
        Denotation::Text(text) => text.clone(),
        Denotation::Set(members) => format!("{{{}}}", members.join(", ")),
        Denotation::Bool(b) => b.to_string(),
        Denotation::Unreadable => "unreadable".to_owned(),
    }
}

fn describe_numeric(set: &NumericSet) -> String {
    let unit = match set.dimension {
        Dimension::Pure => String::new(),
        Dimension::Money(currency) => format!(" {}", currency.as_str()),
        Dimension::Length => " m".to_owned(),
        Dimension::Mass => " kg".to_owned(),
        Dimension::Percent => " %".to_owned(),
    };
    let interval = describe_interval(&set.interval, |d| compact_decimal(*d));
    format!("{interval}{unit}")
}

/// `[lo, hi]`, `[lo, hi)`, `≤ hi`, `> lo`, or the single value.
fn describe_interval<T: Ord + Copy>(interval: &Interval<T>, show: impl Fn(&T) -> String) -> String {
    match (interval.lo(), interval.hi()) {
        (Bound::Included(lo), Bound::Included(hi)) if lo == hi => show(&lo),
        (Bound::Unbounded, Bound::Unbounded) => "any value".to_owned(),
        (Bound::Unbounded, Bound::Included(hi)) => format!("≤ {}", show(&hi)),
        (Bound::Unbounded, Bound::Excluded(hi)) => format!("< {}", show(&hi)),
        (Bound::Included(lo), Bound::Unbounded) => format!("≥ {}", show(&lo)),
        (Bound::Excluded(lo), Bound::Unbounded) => format!("> {}", show(&lo)),
        (lo, hi) => {
            let lo = match lo {
                Bound::Included(v) => format!("[{}", show(&v)),
                Bound::Excluded(v) => format!("({}", show(&v)),
                Bound::Unbounded => "(…".to_owned(),
            };
            let hi = match hi {
                Bound::Included(v) => format!("{}]", show(&v)),
                Bound::Excluded(v) => format!("{})", show(&v)),
                Bound::Unbounded => "…)".to_owned(),
            };
            format!("{lo}, {hi}")
        }
    }
}

/// A decimal in the scale a reader expects: `499.5M`, `216.26M`, `1.2B`, `40`.
pub fn compact_decimal(value: Decimal) -> String {
    let magnitude = value.abs();
    let scales: [(u64, &str); 4] = [
        (1_000_000_000_000, "T"),
        (1_000_000_000, "B"),
        (1_000_000, "M"),
        (1_000, "k"),
    ];
    for (factor, suffix) in scales {
        let factor = Decimal::from(factor);
        if magnitude >= factor {
            let scaled = (value / factor).round_dp(4).normalize();
            return format!("{scaled}{suffix}");
        }
    }
    value.round_dp(4).normalize().to_string()
}

/// Minutes since 1970 as dates: whole days print as `2020-12-01 … 2020-12-31`.
fn describe_time(interval: &Interval<Minute>) -> String {
    const DAY: Minute = 24 * 60;
    let whole_days = [interval.lo(), interval.hi()]
        .iter()
        .all(|bound| match bound {
            Bound::Included(m) | Bound::Excluded(m) => m.rem_euclid(DAY) == 0,
            Bound::Unbounded => true,
        });
    if !whole_days {
        return describe_interval(interval, |m| minute_text(*m));
    }
    // A day-aligned half-open span reads best as its first and last day.
    let first = match interval.lo() {
        Bound::Included(m) => Some(day_text(m)),
        Bound::Excluded(m) => Some(day_text(m + DAY)),
        Bound::Unbounded => None,
    };
    let last = match interval.hi() {
        Bound::Excluded(m) => Some(day_text(m - DAY)),
        Bound::Included(m) => Some(day_text(m)),
        Bound::Unbounded => None,
    };
    match (first, last) {
        (Some(first), Some(last)) if first == last => first,
        (Some(first), Some(last)) => format!("{first} … {last}"),
        (Some(first), None) => format!("from {first}"),
        (None, Some(last)) => format!("until {last}"),
        (None, None) => "any time".to_owned(),
    }
}

fn day_text(minute: Minute) -> String {
    let (y, m, d) = calendar::civil_from_days(minute.div_euclid(calendar::MINUTES_PER_DAY));
    format!("{y:04}-{m:02}-{d:02}")
}

fn minute_text(minute: Minute) -> String {
    let of_day = minute.rem_euclid(24 * 60);
    format!("{}T{:02}:{:02}", day_text(minute), of_day / 60, of_day % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_compact() {
        assert_eq!(compact_decimal(Decimal::from(499_500_000)), "499.5M");
        assert_eq!(
            compact_decimal(Decimal::new(21_626, 2) * Decimal::from(1_000_000)),
            "216.26M"
        );
        assert_eq!(compact_decimal(Decimal::from(40)), "40");
        assert_eq!(compact_decimal(Decimal::from(1_500_000_000)), "1.5B");
    }

    #[test]
    fn days_count_from_1970() {
        assert_eq!(calendar::civil_from_days(0), (1970, 1, 1));
        assert_eq!(calendar::civil_from_days(18_606), (2020, 12, 10));
        assert_eq!(calendar::civil_from_days(-1), (1969, 12, 31));
    }

    #[test]
    fn a_month_reads_as_its_first_and_last_day() {
        let start = 18_597 * 24 * 60; // 2020-12-01
        let end = 18_628 * 24 * 60; // 2021-01-01
        let month = Interval::half_open(start, end).unwrap();
        assert_eq!(describe_time(&month), "2020-12-01 … 2020-12-31");
        let before = Interval::new(Bound::Unbounded, Bound::Excluded(end)).unwrap();
        assert_eq!(describe_time(&before), "until 2020-12-31");
    }
}
