//! Laws of round figures, on values read by the real grammar and denoted
//! with a random `rounding_tolerance`: the `rounding` verdict is symmetric;
//! a pair is `rounding` exactly when it is disjoint as written and
//! overlapping as rounded; and no round-figure reading is wider than the
//! tolerance allows (nor narrower than the value as written).

use std::collections::BTreeMap;
use std::ops::Bound;

use proptest::prelude::*;
use rust_decimal::Decimal;

use crosscheck::check::{CheckContext, ClaimFacts, ValueNames, Verdict, numeric};
use crosscheck::model::{Claim, ClaimId};
use crosscheck::value::{Currency, Denotation, DenoteContext, denote, parse_value_str};

struct PlainNames;

impl ValueNames for PlainNames {
    fn normalize(&self, name: &str) -> String {
        name.to_lowercase()
    }
    fn entry_of(&self, _name: &str) -> Option<String> {
        None
    }
}

fn leak<T>(value: T) -> &'static T {
    Box::leak(Box::new(value))
}

fn leak_str(text: &str) -> &'static str {
    Box::leak(text.to_owned().into_boxed_str())
}

/// A claim `id` whose value is `written`, denoted at `tolerance`.
fn claim(id: &str, written: &str, tolerance: Decimal) -> ClaimFacts<'static> {
    let value = parse_value_str(written).unwrap_or_else(|e| panic!("{written}: {e:?}"));
    let ctx = DenoteContext {
        approx_tolerance: Decimal::new(10, 2),
        rounding_tolerance: tolerance,
        published: None,
    };
    let denotation = denote(&value, &ctx).expect("numbers always denote");
    let (source, _) = id.split_once('/').expect("a global id");
    let claim = Claim::by_hand(ClaimId(id.into()), "Derna flood", "deaths", value, written);
    ClaimFacts::by_hand(leak(claim), leak_str(source), Ok(denotation))
}

fn verdict(a: &ClaimFacts, b: &ClaimFacts) -> Verdict {
    let rates: BTreeMap<i32, BTreeMap<Currency, Decimal>> = BTreeMap::new();
    let context = CheckContext {
        rates: &rates,
        names: &PlainNames,
        detail: Default::default(),
        publications: &Default::default(),
    };
    numeric::compare(a, b, &context).verdict
}

fn dimension(claim: &ClaimFacts) -> crosscheck::value::Dimension {
    match &claim.denotation {
        Ok(Denotation::Numeric(set)) => set.dimension,
        other => panic!("not a number: {other:?}"),
    }
}

fn sets(
    claim: &ClaimFacts,
) -> (
    crosscheck::value::Interval<Decimal>,
    Option<crosscheck::value::Interval<Decimal>>,
) {
    match &claim.denotation {
        Ok(Denotation::Numeric(set)) => (set.interval, set.rounded),
        other => panic!("not a number: {other:?}"),
    }
}

/// A figure as a reporter writes it: some significant digits, trailing
/// zeros, thousands separators or a scale suffix, a bound or `~` now and
/// then, `=` to mark it exact now and then, a unit now and then.
fn figure() -> impl Strategy<Value = String> {
    let digits = (1u64..1000, 0u32..6);
    let form =
        prop_oneof![6 => Just(""), 1 => Just("~"), 1 => Just(">="), 1 => Just("<"), 1 => Just("=")];
    let unit = prop_oneof![4 => Just(""), 1 => Just(" km"), 1 => Just(" people")];
    (digits, form, unit, any::<bool>()).prop_map(|((lead, zeros), form, unit, suffix)| {
        let n = lead * 10u64.pow(zeros);
        let body = if suffix && n % 1000 == 0 && n >= 1000 {
            format!("{}k", n / 1000)
        } else {
            // Thousands separators, as news figures are written.
            let plain = n.to_string();
            let mut grouped = String::new();
            for (i, c) in plain.chars().enumerate() {
                if i > 0 && (plain.len() - i) % 3 == 0 {
                    grouped.push(',');
                }
                grouped.push(c);
            }
            grouped
        };
        format!("{form}{body}{unit}")
    })
}

fn tolerance() -> impl Strategy<Value = Decimal> {
    (0i64..=20).prop_map(|hundredths| Decimal::new(hundredths, 2))
}

fn lo_hi(i: &crosscheck::value::Interval<Decimal>) -> (Option<Decimal>, Option<Decimal>) {
    let end = |b: Bound<Decimal>| match b {
        Bound::Included(v) | Bound::Excluded(v) => Some(v),
        Bound::Unbounded => None,
    };
    (end(i.lo()), end(i.hi()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn rounding_is_symmetric(x in figure(), y in figure(), t in tolerance()) {
        let (a, b) = (claim("a/x", &x, t), claim("b/y", &y, t));
        let (a2, b2) = (claim("a/y", &y, t), claim("b/x", &x, t));
        prop_assert_eq!(
            verdict(&a, &b) == Verdict::Rounding,
            verdict(&a2, &b2) == Verdict::Rounding,
            "{} vs {} at {}", x, y, t
        );
    }

    #[test]
    fn rounding_means_disjoint_as_written_and_overlapping_as_rounded(
        x in figure(), y in figure(), t in tolerance()
    ) {
        let (a, b) = (claim("a/x", &x, t), claim("b/y", &y, t));
        // Numbers of two dimensions (km and people) are incomparable.
        prop_assume!(dimension(&a) == dimension(&b));
        let ((wa, ra), (wb, rb)) = (sets(&a), sets(&b));
        let disjoint_as_written = wa.intersection(&wb).is_none();
        let overlapping_as_rounded = ra.unwrap_or(wa).intersection(&rb.unwrap_or(wb)).is_some();
        let is_rounding = verdict(&a, &b) == Verdict::Rounding;
        prop_assert_eq!(
            is_rounding,
            disjoint_as_written && overlapping_as_rounded,
            "{} vs {} at {}", x, y, t
        );
        // And a contradiction stays one only when disjoint both ways.
        if verdict(&a, &b) == Verdict::Contradiction {
            prop_assert!(disjoint_as_written && !overlapping_as_rounded);
        }
    }

    #[test]
    fn no_round_reading_is_wider_than_the_setting(x in figure(), t in tolerance()) {
        let a = claim("a/x", &x, t);
        let (written, rounded) = sets(&a);
        let Some(rounded) = rounded else { return Ok(()); };
        prop_assert!(!x.starts_with(['~', '<', '>', '=']), "only plain figures are rounded: {}", x);
        let (Some(lo), Some(hi)) = lo_hi(&rounded) else {
            return Err(TestCaseError::fail(format!("a bounded reading: {x}")));
        };
        let centre = (lo + hi) / Decimal::TWO;
        prop_assert!(hi - lo <= Decimal::TWO * t * centre.abs(), "{} read as {}..{} at {}", x, lo, hi, t);
        // Wider than the written reading, which it contains.
        prop_assert!(written.is_subset_of(&rounded), "{} read as {}..{}", x, lo, hi);
        prop_assert!(written != rounded);
    }
}

#[test]
fn the_issue_examples() {
    let t = Decimal::new(5, 2);
    let pair = |x: &str, y: &str| verdict(&claim("a/x", x, t), &claim("b/y", y, t));
    assert_eq!(pair("11,000", "11,300"), Verdict::Rounding);
    assert_eq!(pair("100,000", ">=120,000"), Verdict::Contradiction);
    assert_eq!(pair("500M USD", "540M USD"), Verdict::Contradiction);
    assert_eq!(pair("=11,000", "11,300"), Verdict::Contradiction);
    // The setting at 0 reads every figure as written.
    let pair0 = |x: &str, y: &str| {
        verdict(
            &claim("a/x", x, Decimal::ZERO),
            &claim("b/y", y, Decimal::ZERO),
        )
    };
    assert_eq!(pair0("11,000", "11,300"), Verdict::Contradiction);
}
