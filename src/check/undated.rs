//! Contradictions between figures that may be from different times: no
//! claim dates them (or only some do), or every one is dated to one day.
//!
//! A death toll, a count of damaged buildings: figures that grow while a
//! story is reported. Two articles a week apart give two tolls, and without
//! an `as_of` on either claim the checker compares them as one fact and
//! finds a contradiction, the commonest false one in breaking news. The
//! checker cannot know the figure changed; it can say what it does know: no
//! claim of the finding is dated (or only some are: an early toll dated,
//! later ones not), its sources were published at different times, and no
//! later one gives a lower figure. A toll also changes within a day (the
//! 2023 Al Haouz earthquake: 632 dead by the morning's count, at least 820
//! by the evening's, both reported on 9 September): figures all dated to
//! one day, by `as_of` on at least one of them, and reported by the next
//! day, may have been given at different hours, which only a time of day
//! in `as_of` tells apart. A source's contradiction with itself (an early
//! figure dated, its final one not) gets the sentences too. The
//! sentence is added to the finding's explanation, where the curator
//! decides, and names the fix (an `as_of` on each claim, or its time of
//! day, after which the claims are not compared). The finding stays a
//! contradiction: the sources may as well disagree.

use std::collections::HashMap;
use std::ops::Bound;

use rust_decimal::Decimal;

use crate::model::Project;
use crate::value::{Denotation, Interval, NumericSet, TimeSet};

use super::finding::{Finding, FindingKind};
use super::{ClaimGroup, publication_times};

/// When each source was published, for the sources whose `published` is a
/// span of time: read once per run, looked up per finding.
#[derive(Debug, Default)]
pub struct Publications<'a> {
    /// Source id → first minute, first minute after, as written.
    by_source: HashMap<&'a str, (i64, i64, &'a str)>,
}

impl<'a> Publications<'a> {
    pub fn new(project: &'a Project) -> Publications<'a> {
        let by_source = project
            .sources
            .iter()
            .zip(publication_times(project))
            .filter_map(|(source, time)| {
                let written = source.published_written.as_deref()?;
                let TimeSet::Span(span) = time? else {
                    return None;
                };
                let (Bound::Included(start), Bound::Excluded(end)) = (span.lo(), span.hi()) else {
                    return None;
                };
                Some((source.id.as_str(), (start, end, written)))
            })
            .collect();
        Publications { by_source }
    }
}

/// Adds the publication gap to each contradiction of `group`'s findings
/// (a source's with itself included) between undated figures (numbers, amounts, quantities) whose sources
/// were published at times that do not overlap, when no later report gives
/// a lower figure ([`rising_undated`]), or to each contradiction between
/// figures all dated to one day ([`one_day`]). Run per group, where the
/// claims are at hand (sorted by id): a pass over all findings afterwards
/// had to find each claim among all of them.
pub fn note_publication_gaps(
    findings: &mut [Finding],
    group: &ClaimGroup<'_>,
    publications: &Publications<'_>,
) {
    for finding in findings.iter_mut().filter(|finding| {
        matches!(
            finding.kind,
            FindingKind::Contradiction | FindingKind::InternalContradiction
        )
    }) {
        let reports: Option<Vec<Report<'_>>> = finding
            .claims
            .iter()
            .map(|id| {
                let claim = group.claim(id)?;
                let Ok(Denotation::Numeric(figure)) = &claim.denotation else {
                    return None;
                };
                let published = publications.by_source.get(claim.source).copied();
                let (time, dated) = match &claim.as_of {
                    None => (published?, false),
                    Some(TimeSet::Span(span)) => {
                        let (Bound::Included(start), Bound::Excluded(end)) = (span.lo(), span.hi())
                        else {
                            return None;
                        };
                        ((start, end, claim.as_of_written()?), true)
                    }
                    Some(TimeSet::Annual { .. }) => return None,
                };
                Some(Report {
                    source: claim.source,
                    time,
                    dated,
                    published: published.map(|(start, _, _)| start),
                    figure: *figure,
                })
            })
            .collect();
        let sentence = reports
            .as_deref()
            .and_then(|reports| rising_undated(reports).or_else(|| one_day(reports)));
        if let Some(sentence) = sentence {
            finding.explanation.push_str(&sentence);
        }
    }
}

/// One claim of a finding: its source, the time its figure holds at, its
/// figure.
struct Report<'a> {
    source: &'a str,
    /// Its `as_of`, else when its source was published: first minute,
    /// first minute after, as written.
    time: (i64, i64, &'a str),
    /// Whether `time` is the claim's `as_of`.
    dated: bool,
    /// The first minute of its source's publication, when known.
    published: Option<i64>,
    figure: NumericSet,
}

/// The sentence for undated figures in one dimension that were published
/// at different times and never fell from one report to a later one (a
/// toll, a count of damage: figures that grow while a story is reported);
/// `None` otherwise. A figure that falls in a later report is as likely a
/// dispute as a revision, and one that does not move with time (a
/// magnitude, a deal's value) gets no sentence, so most contradictions
/// between articles of different dates are left as they are.
fn rising_undated(reports: &[Report<'_>]) -> Option<String> {
    let dimension = reports.first()?.figure.dimension;
    if reports.iter().any(|r| r.figure.dimension != dimension) || reports.iter().all(|r| r.dated) {
        return None;
    }
    let mut later_pairs = 0;
    for earlier in reports {
        for later in reports {
            if earlier.time.1 > later.time.0 {
                continue;
            }
            later_pairs += 1;
            if below(&later.figure.interval, &earlier.figure.interval) {
                return None;
            }
        }
    }
    if later_pairs == 0 {
        return None;
    }
    let first = reports
        .iter()
        .min_by_key(|r| (r.time.0, r.time.1, r.source))?;
    let last = reports
        .iter()
        .max_by_key(|r| (r.time.1, r.time.0, r.source))?;
    let fix = "if the figure grew between them, give each claim the `as_of` it \
               holds at, and they will not be compared";
    if reports.iter().all(|r| !r.dated) {
        return Some(format!(
            ". None of these claims has an `as_of`, their sources were published \
             from {} ({}) to {} ({}), and no later one gives a lower figure: {fix}",
            first.time.2, first.source, last.time.2, last.source
        ));
    }
    let when = |r: &Report<'_>| match r.dated {
        true => format!("{} (as of, {})", r.time.2, r.source),
        false => format!("{} ({}, published)", r.time.2, r.source),
    };
    Some(format!(
        ". Some of these claims have no `as_of` and are read as of any time; by \
         their `as_of`, else when their source was published, they run from {} \
         to {}, and no later one gives a lower figure: {fix}",
        when(first),
        when(last)
    ))
}

/// The sentence for figures in one dimension all dated to one same day,
/// by `as_of` on at least one claim (the curator dated the figure: it
/// changes with time), else when its source was published, and all
/// published by the end of the next day; `None` otherwise. Figures dated
/// to a month or a year are not noted: read at one day, a difference is as
/// likely a dispute, and the fix (a time of day) would not apply. Nor are
/// figures a source published days later: an election's results dated to
/// its day, the authority's count (published the next day) and the court's
/// final one (a week later), are that day's final figures, not a count
/// caught at some hour of it while it grew.
fn one_day(reports: &[Report<'_>]) -> Option<String> {
    let first = reports.first()?;
    let (start, end, written) = first.time;
    let day = super::describe::MINUTES_PER_DAY;
    let one_day = end - start == day
        && reports.iter().all(|r| {
            r.figure.dimension == first.figure.dimension
                && (r.time.0, r.time.1) == (start, end)
                && r.published.is_none_or(|published| published < end + day)
        });
    if !one_day || !reports.iter().any(|r| r.dated) {
        return None;
    }
    // The day as a date, for the fix: `as_of` may be written relative to
    // the publication (`published-1d`), which takes no time of day.
    let day = super::describe::instant(start);
    let dated = match written == day {
        true => day.clone(),
        false => format!("{day} ({written})"),
    };
    let by = match reports.iter().all(|r| r.dated) {
        true => "by its `as_of`",
        false => "by its `as_of`, else when its source was published,",
    };
    Some(format!(
        ". Every one of these figures is dated {dated} {by} to the day only: a figure \
         that changes within a day, such as a toll, may have been given at different \
         hours. If it was, give each claim's `as_of` its time of day (`{day}T10:00`), \
         and they will not be compared"
    ))
}

/// Whether every value of `a` lies below every value of `b`.
fn below(a: &Interval<Decimal>, b: &Interval<Decimal>) -> bool {
    match (a.hi(), b.lo()) {
        (Bound::Included(x), Bound::Included(y)) => x < y,
        (Bound::Included(x) | Bound::Excluded(x), Bound::Included(y) | Bound::Excluded(y)) => {
            x <= y
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Dimension;

    const DAY: i64 = 24 * 60;

    /// A count of `value` (exactly) from `source`, published on day `day`.
    fn report(source: &str, day: i64, value: i64, dimension: Dimension) -> Report<'_> {
        let value = Decimal::from(value);
        Report {
            source,
            time: (day * DAY, (day + 1) * DAY, "a day"),
            dated: false,
            published: Some(day * DAY),
            figure: NumericSet {
                dimension,
                interval: Interval::closed(value, value).unwrap(),
                rounded: None,
            },
        }
    }

    #[test]
    fn a_figure_that_grew_with_later_reports_is_noted() {
        let reports = [
            report("wire", 1, 385_000, Dimension::Pure),
            report("daily", 9, 520_000, Dimension::Pure),
        ];
        let sentence = rising_undated(&reports).unwrap();
        assert!(sentence.contains("(wire) to a day (daily)"), "{sentence}");
    }

    #[test]
    fn an_early_dated_toll_below_later_undated_ones_is_noted() {
        let dated = Report {
            dated: true,
            ..report("aawsat", 1, 4, Dimension::Pure)
        };
        let reports = [
            dated,
            report("ap", 1, 9, Dimension::Pure),
            report("guardian", 2, 10, Dimension::Pure),
        ];
        let sentence = rising_undated(&reports).unwrap();
        assert!(
            sentence.contains("Some of these claims have no `as_of`"),
            "{sentence}"
        );
        assert!(
            sentence.contains("from a day (as of, aawsat) to a day (guardian, published)"),
            "{sentence}"
        );
        // Every claim dated: their `as_of` overlap, so the figures disagree
        // at one time.
        let all_dated: Vec<Report<'_>> = reports
            .into_iter()
            .map(|r| Report { dated: true, ..r })
            .collect();
        assert_eq!(rising_undated(&all_dated), None);
    }

    #[test]
    fn figures_dated_to_one_day_may_be_from_different_hours() {
        let dated = |r: Report<'static>| Report { dated: true, ..r };
        // The Al Haouz earthquake: the morning's toll and the evening's,
        // both dated 9 September.
        let reports = [
            dated(report("hespress", 1, 632, Dimension::Pure)),
            dated(report("reuters", 1, 820, Dimension::Pure)),
        ];
        let sentence = one_day(&reports).unwrap();
        assert!(
            sentence.contains("dated 1970-01-02 (a day) by its `as_of` to the day only"),
            "{sentence}"
        );
        assert!(sentence.contains("(`1970-01-02T10:00`)"), "{sentence}");
        // One dated, one read at its publication on the same day.
        let mixed = [
            dated(report("hespress", 1, 632, Dimension::Pure)),
            report("reuters", 1, 820, Dimension::Pure),
        ];
        let sentence = one_day(&mixed).unwrap();
        assert!(
            sentence.contains("by its `as_of`, else when its source was published, to"),
            "{sentence}"
        );
        // No `as_of` at all: nothing says the figure changes with time (a
        // magnitude published twice in a day).
        let undated = [
            report("wire", 1, 68, Dimension::Pure),
            report("daily", 1, 72, Dimension::Pure),
        ];
        assert_eq!(one_day(&undated), None);
        // Two days: the sentence for undated figures, or none.
        let two_days = [
            dated(report("hespress", 1, 632, Dimension::Pure)),
            dated(report("reuters", 2, 820, Dimension::Pure)),
        ];
        assert_eq!(one_day(&two_days), None);
        // Dated to a month: too coarse for a time of day to be the fix.
        let month = |source, value| Report {
            time: (0, 30 * DAY, "a month"),
            ..dated(report(source, 0, value, Dimension::Pure))
        };
        assert_eq!(one_day(&[month("a", 632), month("b", 820)]), None);
    }

    #[test]
    fn figures_of_one_day_published_days_later_are_that_days_final_ones() {
        // The 2024 Algerian presidential election, dated to its day (7
        // September): the authority's count published the next day, the
        // court's final one a week later.
        let of_election_day = |source, published: i64, value| Report {
            dated: true,
            published: Some(published * DAY),
            ..report(source, 7, value, Dimension::Percent)
        };
        let announced = [
            of_election_day("aps", 8, 9465),
            of_election_day("aljazeera", 14, 8430),
        ];
        assert_eq!(one_day(&announced), None);
        // Both published by the end of the next day: the sentence, as for
        // the tolls.
        let next_day = [
            of_election_day("aps", 8, 9465),
            of_election_day("reuters", 8, 9400),
        ];
        assert!(one_day(&next_day).is_some());
    }

    #[test]
    fn a_figure_that_fell_or_was_published_at_once_is_not() {
        // A later report below an earlier one: a dispute as likely as a change.
        let fell = [
            report("wire", 1, 78, Dimension::Pure),
            report("aljazeera", 2, 77, Dimension::Pure),
            report("daily", 9, 78, Dimension::Pure),
        ];
        assert_eq!(rising_undated(&fell), None);
        // Published the same day: no time for the figure to change.
        let same_day = [
            report("wire", 1, 385_000, Dimension::Pure),
            report("daily", 1, 520_000, Dimension::Pure),
        ];
        assert_eq!(rising_undated(&same_day), None);
        // Two dimensions: not one figure read at two times.
        let two_units = [
            report("wire", 1, 40, Dimension::Length),
            report("daily", 9, 50, Dimension::Pure),
        ];
        assert_eq!(rising_undated(&two_units), None);
    }
}
