//! Laws of the checker, on denotations built directly (no grammar, loader
//! or linker involved): compatibility is symmetric, every value is
//! compatible with itself, two values contradict exactly when their denoted
//! sets are disjoint, and findings do not depend on the order of claims.

use std::collections::BTreeMap;
use std::ops::Bound;

use proptest::prelude::*;
use rust_decimal::Decimal;

use crosscheck::check::describe::{MINUTES_PER_DAY, civil};
use crosscheck::check::{
    CheckContext, ClaimFacts, ValueNames, Verdict, check_claims, dates, denoted_text, numeric,
};
use crosscheck::model::{Claim, ClaimId};
use crosscheck::value::calendar::{days_from_civil, month_length};
use crosscheck::value::{
    Currency, DatePoint, Denotation, Dimension, Form, Interval, NumberExpr, NumericSet,
    PartialDate, Scale, TimeSet, Value, WrittenNumber,
};

struct PlainNames;

impl ValueNames for PlainNames {
    fn normalize(&self, name: &str) -> String {
        name.to_lowercase()
    }
    fn entry_of(&self, _name: &str) -> Option<String> {
        None
    }
}

fn with_context<T>(f: impl FnOnce(&CheckContext<'_>) -> T) -> T {
    let rates: BTreeMap<i32, BTreeMap<Currency, Decimal>> = BTreeMap::new();
    f(&CheckContext {
        rates: &rates,
        names: &PlainNames,
        detail: Default::default(),
        publications: &Default::default(),
    })
}

fn facts(
    id: &str,
    source: &str,
    attribute: &str,
    value: Value,
    denotation: Denotation,
) -> ClaimFacts<'static> {
    let claim = Claim::by_hand(ClaimId(id.into()), "deal", attribute, value, id);
    ClaimFacts {
        denoted: denoted_text(&Ok(denotation.clone())).into(),
        ..ClaimFacts::by_hand(leak(claim), leak_str(source), Ok(denotation))
    }
}

/// Claim facts borrow from a loaded project; these tests have none, so
/// their few values live for the whole test run.
fn leak<T>(value: T) -> &'static T {
    Box::leak(Box::new(value))
}

fn leak_str(text: &str) -> &'static str {
    Box::leak(text.to_owned().into_boxed_str())
}

fn number_value() -> Value {
    Value::Number(NumberExpr {
        form: Form::Exact(WrittenNumber {
            mantissa: Decimal::ONE,
            scale: Scale::One,
        }),
        unit: None,
        marked_exact: false,
    })
}

fn date_value() -> Value {
    Value::Date(Form::Exact(DatePoint::Calendar(PartialDate {
        year: 2020,
        month: None,
        day: None,
        time: None,
    })))
}

/// A bound at an integer in -20..20, or unbounded.
fn bound() -> impl Strategy<Value = Bound<i64>> {
    prop_oneof![
        1 => Just(Bound::Unbounded),
        4 => (-20i64..20).prop_map(Bound::Included),
        4 => (-20i64..20).prop_map(Bound::Excluded),
    ]
}

fn interval() -> impl Strategy<Value = Interval<i64>> {
    (bound(), bound()).prop_filter_map("empty", |(lo, hi)| Interval::new(lo, hi))
}

fn to_decimal(interval: &Interval<i64>) -> Interval<Decimal> {
    interval.map(Decimal::from)
}

fn numeric_claim(id: &str, interval: &Interval<i64>) -> ClaimFacts<'static> {
    facts(
        id,
        id,
        "value",
        number_value(),
        Denotation::Numeric(NumericSet {
            dimension: Dimension::Pure,
            interval: to_decimal(interval),
            rounded: None,
        }),
    )
}

/// Whether two integer-ended intervals share a value, by looking at every
/// half-integer point: a non-empty intersection of such intervals holds an
/// end or a half-integer next to one.
fn share_a_value(a: &Interval<i64>, b: &Interval<i64>) -> bool {
    (-50..=50).any(|twice: i64| {
        let point = Decimal::from(twice) / Decimal::from(2);
        to_decimal(a).contains_value(point) && to_decimal(b).contains_value(point)
    })
}

/// A time set: a span of whole days in 2019..2022, or a day of the year.
fn time_set() -> impl Strategy<Value = TimeSet> {
    let start = days_from_civil(2019, 1, 1);
    prop_oneof![
        (0i64..1400, 1i64..400).prop_map(move |(from, len)| {
            let lo = (start + from) * MINUTES_PER_DAY;
            TimeSet::Span(Interval::half_open(lo, lo + len * MINUTES_PER_DAY).expect("len > 0"))
        }),
        (1u8..=12, 1u8..=31)
            .prop_filter("a real day", |(m, d)| {
                i64::from(*d) <= month_length(2020, i64::from(*m))
            })
            .prop_map(|(month, day)| TimeSet::Annual { month, day }),
    ]
}

fn date_claim(id: &str, set: TimeSet) -> ClaimFacts<'static> {
    facts(id, id, "value", date_value(), Denotation::Time(set))
}

/// Whether two time sets share a day, by walking the days of 2018..2024.
fn share_a_day(a: &TimeSet, b: &TimeSet) -> bool {
    let on = |set: &TimeSet, minute: i64| match set {
        TimeSet::Span(interval) => interval.contains_value(minute),
        TimeSet::Annual { month, day } => {
            let c = civil(minute);
            c.month == u32::from(*month) && c.day == u32::from(*day)
        }
    };
    (days_from_civil(2018, 1, 1)..days_from_civil(2024, 1, 1)).any(|day| {
        let noon = day * MINUTES_PER_DAY + 720;
        on(a, noon) && on(b, noon)
    })
}

proptest! {
    #[test]
    fn numeric_compatibility_is_symmetric(x in interval(), y in interval()) {
        with_context(|context| {
            let (a, b) = (numeric_claim("a/v", &x), numeric_claim("b/v", &y));
            let forward = numeric::compare(&a, &b, context);
            let backward = numeric::compare(&b, &a, context);
            prop_assert_eq!(forward.verdict, backward.verdict);
            prop_assert_eq!(forward.relation.map(|r| r.flip()), backward.relation);
            Ok(())
        })?;
    }

    #[test]
    fn every_number_agrees_with_itself(x in interval()) {
        with_context(|context| {
            let verdict = numeric::compare(&numeric_claim("a/v", &x), &numeric_claim("b/v", &x), context).verdict;
            prop_assert_eq!(verdict, Verdict::Agreement);
            Ok(())
        })?;
    }

    #[test]
    fn numbers_contradict_exactly_when_disjoint(x in interval(), y in interval()) {
        with_context(|context| {
            let verdict = numeric::compare(&numeric_claim("a/v", &x), &numeric_claim("b/v", &y), context).verdict;
            prop_assert_eq!(verdict == Verdict::Contradiction, !share_a_value(&x, &y));
            Ok(())
        })?;
    }

    #[test]
    fn date_compatibility_is_symmetric(x in time_set(), y in time_set()) {
        let (a, b) = (date_claim("a/d", x), date_claim("b/d", y));
        let forward = dates::compare(&a, &b);
        let backward = dates::compare(&b, &a);
        prop_assert_eq!(forward.verdict, backward.verdict);
        prop_assert_eq!(forward.relation.map(|r| r.flip()), backward.relation);
    }

    #[test]
    fn every_date_agrees_with_itself(x in time_set()) {
        let verdict = dates::compare(&date_claim("a/d", x), &date_claim("b/d", x)).verdict;
        prop_assert_eq!(verdict, Verdict::Agreement);
    }

    #[test]
    fn dates_contradict_exactly_when_disjoint(x in time_set(), y in time_set()) {
        let verdict = dates::compare(&date_claim("a/d", x), &date_claim("b/d", y)).verdict;
        prop_assert_eq!(verdict == Verdict::Contradiction, !share_a_day(&x, &y));
    }

    #[test]
    fn findings_do_not_depend_on_claim_order(
        (claims, shuffled) in proptest::collection::vec((0usize..3, 0usize..2, interval(), any::<bool>()), 1..8)
            .prop_map(|specs| {
                specs
                    .into_iter()
                    .enumerate()
                    .map(|(i, (source, attribute, interval, text))| {
                        let source = ["alpha", "beta", "gamma"][source];
                        let attribute = ["value", "rank"][attribute];
                        let id = format!("{source}/c{i}");
                        if text {
                            let name = ["Barak 8", "barak 8", "Spyder"][i % 3].to_owned();
                            facts(&id, source, attribute, Value::Text(name.clone()), Denotation::Text(name))
                        } else {
                            let claim = numeric_claim(&id, &interval);
                            let mut on = claim.claim.clone();
                            on.attribute = attribute.into();
                            ClaimFacts {
                                claim: leak(on),
                                source,
                                ..claim
                            }
                        }
                    })
                    .collect::<Vec<_>>()
            })
            .prop_flat_map(|claims| (Just(claims.clone()), Just(claims).prop_shuffle()))
    ) {
        with_context(|context| {
            prop_assert_eq!(check_claims(&claims, context), check_claims(&shuffled, context));
            Ok(())
        })?;
    }
}
