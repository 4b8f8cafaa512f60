//! # Dates
//!
//! ## What it checks
//!
//! Two date claims about one subject and attribute, compared as the sets of
//! instants they denote (`value::denote`): a year, month, day or minute is
//! the whole of it, bounds and ranges are intervals, relative dates are
//! anchored on the source's `published`, and a day of year (`--12-10`) is
//! that day in every year. Equal sets agree; one inside the other, or
//! overlapping, are compatible; disjoint sets contradict. A day of year
//! against a span is compatible exactly when that day of some year meets
//! the span (`--12-10` lies within `2020-12`, `2020`, `2020-12-10`; it
//! contradicts `2020-11` and `2020-12-11`); two days of year agree when
//! they are the same day and contradict otherwise. A relative date whose
//! source has no calendar `published` is `incomparable`.
//!
//! ## Why it matters
//!
//! Sources give dates at every precision: "in 2020", "in December",
//! "on 10 December" (no year), "five years ago". Treating them as sets of
//! instants means a less precise date never contradicts a more precise one
//! it contains, while two that cannot both hold are caught.
//!
//! ## Example
//!
//! ```text
//! a/signed  "--12-10"
//! b/signed  "2020-12"   => compatible ('2020-12' contains 12-10 of 2020)
//! c/signed  "2020-11"   => contradiction with a (2020-11 holds no 12-10)
//! ```

use super::describe::{self, MINUTES_PER_DAY, Order};
use super::numeric::by_relation;
use super::{
    Check, CheckCode, CheckContext, ClaimFacts, ClaimGroup, PairComparison, Reason, ReasonCode,
    Verdict, VerdictSink, comparison, quoted,
};
use crate::value::calendar;
use crate::value::denote::{DenoteError, Minute};
use crate::value::{Denotation, Interval, SetRelation, TimeSet, ValueKind};

pub const CHECK: Check = Check {
    code: CheckCode::Dates,
    run,
};

fn run(group: &ClaimGroup<'_>, _context: &CheckContext<'_>, sink: &mut VerdictSink) {
    for (a, b) in group.pairs_of(ValueKind::Date) {
        sink.pair(compare(a, b));
    }
}

/// The verdict on two date claims (`a.id < b.id`).
pub fn compare(a: &ClaimFacts, b: &ClaimFacts) -> PairComparison {
    let (x, y) = match (&a.denotation, &b.denotation) {
        (Ok(Denotation::Time(x)), Ok(Denotation::Time(y))) => (x, y),
        _ => {
            let unanchored = [a, b]
                .into_iter()
                .find(|claim| claim.denotation.is_err())
                .unwrap_or(a);
            let why = match unanchored.denotation {
                Err(DenoteError::UnanchoredPublication) => {
                    "its source's published date is not itself a calendar date"
                }
                _ => "its source has no published date",
            };
            return comparison(
                a,
                b,
                CHECK.code,
                Verdict::Incomparable,
                None,
                ReasonCode::UnanchoredDate,
                Reason::text(format!(
                    "{} counts from publication, but {why}, so it cannot be placed in time",
                    quoted(unanchored)
                )),
            );
        }
    };
    match (x, y) {
        (TimeSet::Span(p), TimeSet::Span(q)) => {
            let relation = p.relation(q);
            let reason = Reason::Relation {
                order: Order::Time,
                a_first: describe::lies_below(p, q),
            };
            by_relation(a, b, CHECK.code, relation, reason)
        }
        (TimeSet::Annual { .. }, TimeSet::Annual { .. }) => {
            let relation = relate(x, y);
            let clause = if relation == SetRelation::Equal {
                format!(
                    "{} and {} name the same day of the year",
                    quoted(a),
                    quoted(b)
                )
            } else {
                format!(
                    "{} and {} name different days of the year: they cannot both be true",
                    quoted(a),
                    quoted(b)
                )
            };
            by_relation(a, b, CHECK.code, relation, Reason::text(clause))
        }
        (TimeSet::Span(span), TimeSet::Annual { month, day }) => {
            annual_comparison(a, b, (b, *month, *day), (a, span))
        }
        (TimeSet::Annual { month, day }, TimeSet::Span(span)) => {
            annual_comparison(a, b, (a, *month, *day), (b, span))
        }
    }
}

/// A day of year against a span, worded from the span's side.
fn annual_comparison(
    a: &ClaimFacts,
    b: &ClaimFacts,
    (annual, month, day): (&ClaimFacts, u8, u8),
    (spanned, span): (&ClaimFacts, &Interval<Minute>),
) -> PairComparison {
    let (span_relation, year) = span_against_annual(span, month, day);
    let span_text = describe::time(&TimeSet::Span(*span));
    let (code, reason) = match span_relation {
        SetRelation::Disjoint => (
            ReasonCode::DayOfYearOutside,
            format!(
                "{} ({span_text}) holds no {month:02}-{day:02}, the day {} names: they cannot both be true",
                quoted(spanned),
                quoted(annual)
            ),
        ),
        SetRelation::Subset => (
            ReasonCode::DayOfYearInside,
            format!(
                "{} ({span_text}) falls on {month:02}-{day:02}, so it lies within {} (that day in any year)",
                quoted(spanned),
                quoted(annual)
            ),
        ),
        _ => (
            ReasonCode::DayOfYearInside,
            format!(
                "{} ({span_text}) contains {month:02}-{day:02}{}, so {} can fall within it",
                quoted(spanned),
                year.map(|y| format!(" of {y}")).unwrap_or_default(),
                quoted(annual)
            ),
        ),
    };
    // The relation reads from `a` to `b`.
    let relation = if std::ptr::eq(spanned, a) {
        span_relation
    } else {
        span_relation.flip()
    };
    let (verdict, _) = super::numeric::verdict_of(relation);
    comparison(
        a,
        b,
        CHECK.code,
        verdict,
        Some(relation),
        code,
        Reason::text(reason),
    )
}

/// How two time sets relate, from `x`'s side.
pub fn relate(x: &TimeSet, y: &TimeSet) -> SetRelation {
    match (x, y) {
        (TimeSet::Span(p), TimeSet::Span(q)) => p.relation(q),
        (
            TimeSet::Annual { month, day },
            TimeSet::Annual {
                month: month_y,
                day: day_y,
            },
        ) => {
            if (month, day) == (month_y, day_y) {
                SetRelation::Equal
            } else {
                SetRelation::Disjoint
            }
        }
        (TimeSet::Span(span), TimeSet::Annual { month, day }) => {
            span_against_annual(span, *month, *day).0
        }
        (TimeSet::Annual { month, day }, TimeSet::Span(span)) => {
            span_against_annual(span, *month, *day).0.flip()
        }
    }
}

/// How a span relates to "`month`-`day` of every year", from the span's
/// side, and the first year whose day meets it (when the span is bounded).
///
/// The span lies within the day-of-year set when it lies within one
/// occurrence; it overlaps it when it meets an occurrence without lying
/// within it; it is disjoint when it meets none. A span is never a superset:
/// the day-of-year set is unbounded.
fn span_against_annual(span: &Interval<Minute>, month: u8, day: u8) -> (SetRelation, Option<i64>) {
    use std::ops::Bound;
    let (lo, hi) = match (span.lo(), span.hi()) {
        (Bound::Included(lo) | Bound::Excluded(lo), Bound::Included(hi) | Bound::Excluded(hi)) => {
            (lo, hi)
        }
        // Unbounded on a side: it spans infinitely many years.
        _ => return (SetRelation::Overlap, None),
    };
    let (first, last) = (describe::civil(lo).year, describe::civil(hi).year);
    // Any ten consecutive years hold every day of the year, 29 February too.
    if last - first > 10 {
        return (SetRelation::Overlap, None);
    }
    for year in first..=last {
        if i64::from(day) > calendar::month_length(year, i64::from(month)) {
            continue;
        }
        let start =
            calendar::days_from_civil(year, i64::from(month), i64::from(day)) * MINUTES_PER_DAY;
        let Some(occurrence) = Interval::half_open(start, start + MINUTES_PER_DAY) else {
            continue;
        };
        if span.intersection(&occurrence).is_some() {
            let relation = if span.is_subset_of(&occurrence) {
                SetRelation::Subset
            } else {
                SetRelation::Overlap
            };
            return (relation, Some(year));
        }
    }
    (SetRelation::Disjoint, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i64, m: i64, d: i64) -> Minute {
        calendar::days_from_civil(y, m, d) * MINUTES_PER_DAY
    }

    fn span(lo: Minute, hi: Minute) -> TimeSet {
        TimeSet::Span(Interval::half_open(lo, hi).unwrap())
    }

    const DEC_10: TimeSet = TimeSet::Annual { month: 12, day: 10 };

    #[test]
    fn day_of_year_against_the_spec_examples() {
        // Compatible with 2020-12, 2020, 2020-12-10.
        assert_eq!(
            relate(&DEC_10, &span(day(2020, 12, 1), day(2021, 1, 1))),
            SetRelation::Overlap
        );
        assert_eq!(
            relate(&DEC_10, &span(day(2020, 1, 1), day(2021, 1, 1))),
            SetRelation::Overlap
        );
        assert_eq!(
            relate(&DEC_10, &span(day(2020, 12, 10), day(2020, 12, 11))),
            SetRelation::Superset
        );
        // Contradicts 2020-11 and 2020-12-11.
        assert_eq!(
            relate(&DEC_10, &span(day(2020, 11, 1), day(2020, 12, 1))),
            SetRelation::Disjoint
        );
        assert_eq!(
            relate(&DEC_10, &span(day(2020, 12, 11), day(2020, 12, 12))),
            SetRelation::Disjoint
        );
    }

    #[test]
    fn leap_day_only_meets_leap_years() {
        let leap = TimeSet::Annual { month: 2, day: 29 };
        assert_eq!(
            relate(&leap, &span(day(2021, 1, 1), day(2022, 1, 1))),
            SetRelation::Disjoint
        );
        assert_eq!(
            relate(&leap, &span(day(2020, 1, 1), day(2021, 1, 1))),
            SetRelation::Overlap
        );
    }

    #[test]
    fn days_of_year_equal_or_disjoint() {
        assert_eq!(relate(&DEC_10, &DEC_10), SetRelation::Equal);
        assert_eq!(
            relate(&DEC_10, &TimeSet::Annual { month: 12, day: 11 }),
            SetRelation::Disjoint
        );
    }

    #[test]
    fn a_span_across_new_year_meets_the_day() {
        let winter = span(day(2020, 12, 20), day(2021, 1, 20));
        assert_eq!(
            relate(&winter, &TimeSet::Annual { month: 1, day: 5 }),
            SetRelation::Overlap
        );
    }
}
