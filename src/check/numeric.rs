//! # Numbers, money and quantities
//!
//! ## What it checks
//!
//! Two numeric claims (plain numbers, amounts of money, lengths, masses,
//! percentages) about one subject and attribute, compared as the intervals
//! they denote (`value::denote`: `500M` is 499.5M..500.5M, `~500M` is
//! 450M..550M at the default tolerance, `<=150M` is a ray). Equal intervals
//! agree; one inside the other, or overlapping, are compatible; disjoint
//! intervals contradict. Quantities are already in base units (m, kg), so
//! `40 km` and `40,000 m` compare directly. Money in two currencies is
//! converted to USD at `crosscheck.toml` `[rates.<year>]` (USD per unit),
//! the year being the claim's `as_of` year, else its source's `published`
//! year; two currencies other than USD both convert to USD. With no rate,
//! or numbers of two dimensions, the pair is `incomparable`.
//!
//! ## Why it matters
//!
//! Sources round, hedge and convert. "About 500 million dollars" and
//! "hundreds of millions of dollars" do not contradict each other, while
//! "200 million euros" and "up to 150 million dollars" do. Comparing the
//! written digits would get both wrong; comparing denoted sets gets both
//! right, and an amount is never silently taken as equal (or different)
//! when no rate says how to convert it.
//!
//! ## Example
//!
//! ```text
//! a/value  "200M EUR"     as_of 2023, rate EUR = 1.0813
//! b/value  "<=150M USD"
//! => contradiction: '200M EUR' is 216.26M USD at 1.0813 USD per EUR (2023);
//!    '200M EUR' (215.72M..216.8M USD) is above '<=150M USD' (up to 150M USD)
//! ```

use std::ops::Bound;

use rust_decimal::Decimal;

use super::describe::{self, Order};
use super::{
    Check, CheckCode, CheckContext, ClaimFacts, ClaimGroup, Conversion, PairComparison, Reason,
    ReasonCode, Verdict, VerdictSink, comparison, quoted,
};
use crate::value::{
    Currency, Denotation, Dimension, Form, Interval, NumericSet, SetRelation, Value, ValueKind,
};

pub const CHECK: Check = Check {
    code: CheckCode::Numeric,
    run,
};

fn run(group: &ClaimGroup<'_>, context: &CheckContext<'_>, sink: &mut VerdictSink) {
    for (a, b) in group.pairs_of(ValueKind::Number) {
        sink.pair(compare(a, b, context));
    }
}

/// The verdict on two numeric claims (`a.id < b.id`).
pub fn compare(a: &ClaimFacts, b: &ClaimFacts, context: &CheckContext<'_>) -> PairComparison {
    let (Ok(Denotation::Numeric(x)), Ok(Denotation::Numeric(y))) = (&a.denotation, &b.denotation)
    else {
        return incomparable(
            a,
            b,
            ReasonCode::DifferentDimensions,
            format!("{} and {} are not both numbers", quoted(a), quoted(b)),
        );
    };
    match (x.dimension, y.dimension) {
        (Dimension::Money(from_a), Dimension::Money(from_b)) if from_a != from_b => {
            compare_converted(a, x, from_a, b, y, from_b, context)
        }
        (da, db) if da != db => incomparable(
            a,
            b,
            ReasonCode::DifferentDimensions,
            format!(
                "{} is {} and {} is {}: they measure different things",
                quoted(a),
                describe::dimension(da),
                quoted(b),
                describe::dimension(db)
            ),
        ),
        _ => {
            let relation = x.interval.relation(&y.interval);
            if let Some(verdict) = within_rounding(a, x, b, y, relation, Vec::new()) {
                return verdict;
            }
            let reason = Reason::Relation {
                order: Order::Numbers,
                a_first: describe::lies_below(&x.interval, &y.interval),
            };
            by_relation(a, b, CHECK.code, relation, reason)
        }
    }
}

/// The dimension of a claim's own (unconverted) value.
fn x_or_y_dimension(claim: &ClaimFacts) -> Dimension {
    match &claim.denotation {
        Ok(Denotation::Numeric(set)) => set.dimension,
        _ => Dimension::Pure,
    }
}

/// The `rounding` verdict, when two sets disjoint as written overlap once
/// each round figure is read as rounded ([`NumericSet::rounded`]); `None`
/// otherwise. `before` are sentences to put first (conversions).
fn within_rounding(
    a: &ClaimFacts,
    x: &NumericSet,
    b: &ClaimFacts,
    y: &NumericSet,
    relation: SetRelation,
    mut before: Vec<String>,
) -> Option<PairComparison> {
    if relation != SetRelation::Disjoint || (x.rounded.is_none() && y.rounded.is_none()) {
        return None;
    }
    let (rx, ry) = (
        x.rounded.unwrap_or(x.interval),
        y.rounded.unwrap_or(y.interval),
    );
    rx.intersection(&ry)?;
    let read = |claim: &ClaimFacts, set: &NumericSet| match set.rounded {
        Some(rounded) => format!(
            "'{}' is a round figure, read as {}",
            claim.written(),
            describe::numeric(&NumericSet {
                dimension: set.dimension,
                interval: rounded,
                rounded: None,
            })
        ),
        // Converted amounts are shown converted; others in their words.
        None if set.dimension != x_or_y_dimension(claim) => {
            format!("'{}' is {}", claim.written(), describe::numeric(set))
        }
        None => format!("'{}' is {}", claim.written(), claim.denoted()),
    };
    before.push(format!(
        "'{}' and '{}' differ by no more than rounding: {}; {}",
        a.written(),
        b.written(),
        read(a, x),
        read(b, y)
    ));
    Some(comparison(
        a,
        b,
        CHECK.code,
        Verdict::Rounding,
        Some(relation),
        ReasonCode::WithinRounding,
        Reason::text(before.join("; ")),
    ))
}

/// The verdict that a relation between two sets of numbers or instants
/// carries, with its reason.
pub(crate) fn by_relation(
    a: &ClaimFacts,
    b: &ClaimFacts,
    check: CheckCode,
    relation: SetRelation,
    reason: Reason,
) -> PairComparison {
    let (verdict, code) = verdict_of(relation);
    comparison(a, b, check, verdict, Some(relation), code, reason)
}

/// Equal agrees; nested or overlapping is compatible; disjoint contradicts.
pub fn verdict_of(relation: SetRelation) -> (Verdict, ReasonCode) {
    match relation {
        SetRelation::Equal => (Verdict::Agreement, ReasonCode::SameSet),
        SetRelation::Subset | SetRelation::Superset => (Verdict::Compatible, ReasonCode::Nested),
        SetRelation::Overlap => (Verdict::Compatible, ReasonCode::Overlapping),
        SetRelation::Disjoint => (Verdict::Contradiction, ReasonCode::Disjoint),
    }
}

fn incomparable(
    a: &ClaimFacts,
    b: &ClaimFacts,
    code: ReasonCode,
    reason: String,
) -> PairComparison {
    comparison(
        a,
        b,
        CHECK.code,
        Verdict::Incomparable,
        None,
        code,
        Reason::text(reason),
    )
}

/// Two amounts in different currencies, compared in USD.
fn compare_converted(
    a: &ClaimFacts,
    x: &NumericSet,
    from_a: Currency,
    b: &ClaimFacts,
    y: &NumericSet,
    from_b: Currency,
    context: &CheckContext<'_>,
) -> PairComparison {
    let converted = to_usd(a, x, from_a, context)
        .and_then(|ca| to_usd(b, y, from_b, context).map(|cb| (ca, cb)));
    let ((xa, conv_a), (yb, conv_b)) = match converted {
        Ok(both) => both,
        Err((code, why)) => return incomparable(a, b, code, why),
    };
    let relation = xa.interval.relation(&yb.interval);
    let conversions: Vec<Conversion> = conv_a.into_iter().chain(conv_b).collect();
    let mut sentences: Vec<String> = conversions
        .iter()
        .map(|c| {
            format!(
                "'{}' is {} at {} USD per {} ({})",
                c.written, c.converted, c.rate, c.from, c.year
            )
        })
        .collect();
    if let Some(mut verdict) = within_rounding(a, &xa, b, &yb, relation, sentences.clone()) {
        verdict.conversions = conversions.into_boxed_slice();
        return verdict;
    }
    sentences.push(describe::relation_clause(
        a.written(),
        &describe::numeric(&xa),
        b.written(),
        &describe::numeric(&yb),
        relation,
        describe::lies_below(&xa.interval, &yb.interval),
        Order::Numbers,
    ));
    let mut verdict = by_relation(
        a,
        b,
        CHECK.code,
        relation,
        Reason::text(sentences.join("; ")),
    );
    verdict.conversions = conversions.into_boxed_slice();
    verdict
}

/// `set` (in `from`) in USD, and the conversion made (none for USD).
fn to_usd(
    claim: &ClaimFacts,
    set: &NumericSet,
    from: Currency,
    context: &CheckContext<'_>,
) -> Result<(NumericSet, Option<Conversion>), (ReasonCode, String)> {
    let usd = Currency::usd();
    if from == usd {
        return Ok((*set, None));
    }
    let Some(year) = claim.rate_year else {
        return Err((
            ReasonCode::NoYearForRate,
            format!(
                "{} is in {} but has no as_of and its source no published date, so no year's rate applies",
                quoted(claim),
                from.as_str()
            ),
        ));
    };
    let rate = context
        .rates
        .get(&year)
        .and_then(|rates| rates.get(&from))
        .copied()
        .filter(|rate| *rate > Decimal::ZERO);
    let Some(rate) = rate else {
        return Err((
            ReasonCode::NoRate,
            format!(
                "{} is in {} and crosscheck.toml has no rate for {} in [rates.{year}], so it cannot be compared with an amount in another currency",
                quoted(claim),
                from.as_str(),
                from.as_str()
            ),
        ));
    };
    let overflow = || {
        (
            ReasonCode::ConversionOverflow,
            format!("{} is too large to convert to USD", quoted(claim)),
        )
    };
    let lo = scale_bound(set.interval.lo(), rate).ok_or_else(overflow)?;
    let hi = scale_bound(set.interval.hi(), rate).ok_or_else(overflow)?;
    let interval = Interval::new(lo, hi).ok_or_else(overflow)?;
    let converted = NumericSet {
        dimension: Dimension::Money(usd),
        interval,
        rounded: set
            .rounded
            .and_then(|r| Interval::new(scale_bound(r.lo(), rate)?, scale_bound(r.hi(), rate)?)),
    };
    let shown = central_value(claim.value())
        .and_then(|(approx, v)| v.checked_mul(rate).map(|usd| (approx, usd)))
        .map_or_else(
            || describe::numeric(&converted),
            |(approx, usd)| {
                format!(
                    "{}{} USD",
                    if approx { "~" } else { "" },
                    describe::number(usd)
                )
            },
        );
    Ok((
        converted,
        Some(Conversion {
            claim: claim.id().clone(),
            from: from.as_str().to_owned(),
            to: usd.as_str().to_owned(),
            rate: describe::exact(rate),
            year,
            written: claim.written().to_owned(),
            converted: shown,
        }),
    ))
}

fn scale_bound(bound: Bound<Decimal>, rate: Decimal) -> Option<Bound<Decimal>> {
    Some(match bound {
        Bound::Unbounded => Bound::Unbounded,
        Bound::Included(v) => Bound::Included(v.checked_mul(rate)?),
        Bound::Excluded(v) => Bound::Excluded(v.checked_mul(rate)?),
    })
}

/// The written figure of an exact or approximate amount (`200M` → 200,000,000),
/// for saying what it converts to; `true` when approximate.
fn central_value(value: &Value) -> Option<(bool, Decimal)> {
    let Value::Number(number) = value else {
        return None;
    };
    let (approx, written) = match &number.form {
        Form::Exact(w) => (false, w),
        Form::Approx(w) => (true, w),
        Form::Bound(..) | Form::Range(..) => return None,
    };
    written
        .mantissa
        .checked_mul(written.scale.multiplier())
        .map(|v| (approx, v))
}
