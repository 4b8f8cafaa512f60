//! What a value stands for: the set of numbers or instants it allows.
//!
//! Owned by the value grammar; consumed by the checker, which never looks at
//! the written form to decide a verdict.
//!
//! Rules (docs/claim-format.md, "Values"):
//! - a number is exact to its last written digit: `500M` is `[499.5M, 500.5M)`;
//! - `~x` is `[x·(1−t), x·(1+t)]` with `t` the configured tolerance;
//! - `<x` / `<=x` / `>x` / `>=x` are half-open rays from the written value;
//! - `a..b` is the closed interval `[a, b]`;
//! - a calendar date is the whole year / month / day / minute, `[start, end)`
//!   in minutes since 1970-01-01T00:00 (proleptic Gregorian, no time zone);
//! - `~date` widens by one unit of the date's precision on each side;
//! - `<d` is before `d` starts, `<=d` up to `d`'s end, `>d` after `d` ends,
//!   `>=d` from `d`'s start; `a..b` runs from `a`'s start to `b`'s end;
//! - `--12-10` is that day in every year;
//! - `published-18mo` shifts the source's `published` interval by 18 months.
//!   A relative date is one instant known only to lie in that interval, so a
//!   bound on it takes the permissive end: `<published-18mo` is before the
//!   interval's end (imprecision must never manufacture a contradiction).
//!
//! Decided here as well (docs/values.md says the same to curators):
//! - the anchor is `published` when it is an exact or `~` calendar date;
//!   shifting moves the interval's first minute and its last minute, and a
//!   month shift keeps the day when the month has it, else takes the
//!   month's last day (2022-03-31 − 1mo is 2022-02-28), so a shifted day is
//!   still one day;
//! - `~` on a relative date widens it by one unit of its offset (`~published-5y`
//!   by a year on each side; bare `~published` by a day);
//! - a range whose ends cross once anchored (`2024..published-1y` when
//!   published is 2024) covers both ends rather than nothing;
//! - an arithmetic overflow (only possible for values the parser never
//!   produces) leaves that end unbounded, and a day of year in a form other
//!   than exact (likewise) denotes the whole time line: both only widen the
//!   set, which can never make a contradiction.

use std::fmt;
use std::ops::Bound;

use rust_decimal::Decimal;

use super::calendar::{MINUTES_PER_DAY, civil_from_days, days_from_civil, month_length};

use super::{
    BoundOp, Currency, DateExpr, DatePoint, Form, Interval, MeasureUnit, NumberExpr, OffsetUnit,
    PartialDate, RelativeOffset, Unit, Value,
};

/// Minutes since 1970-01-01T00:00, proleptic Gregorian calendar.
pub type Minute = i64;

/// What `denote` needs besides the value itself.
#[derive(Debug, Clone, Copy)]
pub struct DenoteContext<'a> {
    /// What `~` allows, as a fraction of the value (`crosscheck.toml`,
    /// `compare.approx_tolerance`, default 0.10).
    pub approx_tolerance: Decimal,
    /// The widest a round figure is read, as a fraction of its value
    /// (`crosscheck.toml`, `compare.rounding_tolerance`, default 0.05).
    pub rounding_tolerance: Decimal,
    /// The source's `published`, which anchors relative dates.
    pub published: Option<&'a DateExpr>,
}

/// The dimension a number is measured in. Numbers compare only within one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Dimension {
    /// A plain count or ratio with no unit.
    Pure,
    /// Money in one currency; conversion is the checker's job (it needs rates).
    Money(Currency),
    /// Metres.
    Length,
    /// Kilograms.
    Mass,
    /// Percent points.
    Percent,
    /// Square metres.
    Area,
    /// Cubic metres.
    Volume,
    /// Watts: the capacity of a plant or a grid.
    Power,
    /// Watt-hours: what a plant produces or a country consumes.
    Energy,
}

/// A number's denotation: an interval in the dimension's base unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumericSet {
    pub dimension: Dimension,
    /// In metres for lengths, kilograms for masses, the currency's unit for
    /// money, and as written otherwise.
    pub interval: Interval<Decimal>,
    /// For a round figure (`11,000`, `500M`, `40 km`), the figure read as
    /// rounded at its last non-zero digit, never wider than the rounding
    /// tolerance of its value on each side, in the same unit as
    /// `interval`; `None` for any other value (docs/values.md, "Round
    /// figures"). The checker compares it only when the written readings
    /// are disjoint.
    pub rounded: Option<Interval<Decimal>>,
}

/// A date's denotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeSet {
    Span(Interval<Minute>),
    /// The given day in every year.
    Annual {
        month: u8,
        day: u8,
    },
}

/// The set a value denotes, by kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Denotation {
    Numeric(NumericSet),
    Time(TimeSet),
    Ordinal(u32),
    Text(String),
    Set(Vec<String>),
    Bool(bool),
    Unreadable,
}

/// Why a value has no denotation in its context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DenoteError {
    /// A relative date in a source that has no `published`.
    NoPublicationDate,
    /// `published` is itself relative or a day of year, so it anchors nothing.
    UnanchoredPublication,
}

impl MeasureUnit {
    /// The dimension and the factor to its base unit.
    pub fn base(self) -> (Dimension, Decimal) {
        match self {
            MeasureUnit::Millimetre => (Dimension::Length, Decimal::new(1, 3)),
            MeasureUnit::Centimetre => (Dimension::Length, Decimal::new(1, 2)),
            MeasureUnit::Metre => (Dimension::Length, Decimal::ONE),
            MeasureUnit::Kilometre => (Dimension::Length, Decimal::from(1000)),
            MeasureUnit::Gram => (Dimension::Mass, Decimal::new(1, 3)),
            MeasureUnit::Kilogram => (Dimension::Mass, Decimal::ONE),
            MeasureUnit::Tonne => (Dimension::Mass, Decimal::from(1000)),
            MeasureUnit::Percent => (Dimension::Percent, Decimal::ONE),
            MeasureUnit::Mile => (Dimension::Length, Decimal::new(1_609_344, 3)),
            MeasureUnit::SquareKilometre => (Dimension::Area, Decimal::from(1_000_000)),
            MeasureUnit::SquareMile => (Dimension::Area, Decimal::new(2_589_988_110_336, 6)),
            MeasureUnit::Hectare => (Dimension::Area, Decimal::from(10_000)),
            MeasureUnit::SquareMetre => (Dimension::Area, Decimal::ONE),
            MeasureUnit::CubicMetre => (Dimension::Volume, Decimal::ONE),
            MeasureUnit::Litre => (Dimension::Volume, Decimal::new(1, 3)),
            // 42 US gallons of 3.785411784 litres, both exact by definition.
            MeasureUnit::Barrel => (Dimension::Volume, Decimal::new(158_987_294_928, 12)),
            MeasureUnit::Watt => (Dimension::Power, Decimal::ONE),
            MeasureUnit::Kilowatt => (Dimension::Power, Decimal::from(1_000)),
            MeasureUnit::Megawatt => (Dimension::Power, Decimal::from(1_000_000)),
            MeasureUnit::Gigawatt => (Dimension::Power, Decimal::from(1_000_000_000)),
            MeasureUnit::WattHour => (Dimension::Energy, Decimal::ONE),
            MeasureUnit::KilowattHour => (Dimension::Energy, Decimal::from(1_000)),
            MeasureUnit::MegawattHour => (Dimension::Energy, Decimal::from(1_000_000)),
            MeasureUnit::GigawattHour => (Dimension::Energy, Decimal::from(1_000_000_000)),
            MeasureUnit::TerawattHour => (Dimension::Energy, Decimal::from(1_000_000_000_000i64)),
            MeasureUnit::People => (Dimension::Pure, Decimal::ONE),
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            MeasureUnit::Millimetre => "mm",
            MeasureUnit::Centimetre => "cm",
            MeasureUnit::Metre => "m",
            MeasureUnit::Kilometre => "km",
            MeasureUnit::Gram => "g",
            MeasureUnit::Kilogram => "kg",
            MeasureUnit::Tonne => "t",
            MeasureUnit::Percent => "%",
            MeasureUnit::Mile => "mi",
            MeasureUnit::SquareKilometre => "km²",
            MeasureUnit::SquareMile => "sq mi",
            MeasureUnit::Hectare => "ha",
            MeasureUnit::SquareMetre => "m²",
            MeasureUnit::CubicMetre => "m³",
            MeasureUnit::Litre => "l",
            MeasureUnit::Barrel => "barrels",
            MeasureUnit::Watt => "W",
            MeasureUnit::Kilowatt => "kW",
            MeasureUnit::Megawatt => "MW",
            MeasureUnit::Gigawatt => "GW",
            MeasureUnit::WattHour => "Wh",
            MeasureUnit::KilowattHour => "kWh",
            MeasureUnit::MegawattHour => "MWh",
            MeasureUnit::GigawattHour => "GWh",
            MeasureUnit::TerawattHour => "TWh",
            MeasureUnit::People => "people",
        }
    }
}

/// The set `value` denotes in `ctx`.
pub fn denote(value: &Value, ctx: &DenoteContext<'_>) -> Result<Denotation, DenoteError> {
    Ok(match value {
        Value::Number(n) => Denotation::Numeric(denote_number(
            n,
            ctx.approx_tolerance,
            ctx.rounding_tolerance,
        )),
        Value::Date(d) => Denotation::Time(denote_date(d, ctx.published)?),
        Value::Ordinal(n) => Denotation::Ordinal(*n),
        Value::Text(t) => Denotation::Text(t.clone()),
        Value::Set(members) => Denotation::Set(members.clone()),
        Value::Bool(b) => Denotation::Bool(*b),
        Value::Unreadable => Denotation::Unreadable,
    })
}

fn denote_number(expr: &NumberExpr, tolerance: Decimal, rounding: Decimal) -> NumericSet {
    let (dimension, factor) = match expr.unit {
        None => (Dimension::Pure, Decimal::ONE),
        Some(Unit::Currency(c)) => (Dimension::Money(c), Decimal::ONE),
        Some(Unit::Measure(m)) => m.base(),
    };
    let (lo, hi) = match &expr.form {
        Form::Exact(n) => {
            let v = n.value();
            let half = n.unit_of_last_digit().checked_div(Decimal::TWO);
            let lo = half.and_then(|h| v.checked_sub(h));
            let hi = half.and_then(|h| v.checked_add(h));
            (included(lo), excluded(hi))
        }
        Form::Approx(n) => {
            let v = n.value();
            let a = Decimal::ONE
                .checked_sub(tolerance)
                .and_then(|k| v.checked_mul(k));
            let b = Decimal::ONE
                .checked_add(tolerance)
                .and_then(|k| v.checked_mul(k));
            match (a, b) {
                // Below zero (or with a tolerance over 1) the ends swap.
                (Some(a), Some(b)) => (Bound::Included(a.min(b)), Bound::Included(a.max(b))),
                _ => (Bound::Unbounded, Bound::Unbounded),
            }
        }
        Form::Bound(op, n) => {
            let v = n.value();
            match op {
                BoundOp::Less => (Bound::Unbounded, Bound::Excluded(v)),
                BoundOp::LessEqual => (Bound::Unbounded, Bound::Included(v)),
                BoundOp::Greater => (Bound::Excluded(v), Bound::Unbounded),
                BoundOp::GreaterEqual => (Bound::Included(v), Bound::Unbounded),
            }
        }
        Form::Range(a, b) => {
            let (a, b) = (a.value(), b.value());
            (Bound::Included(a.min(b)), Bound::Included(a.max(b)))
        }
    };
    let (lo, hi) = (to_base(lo, factor), to_base(hi, factor));
    let rounded = round_reading(expr, rounding).and_then(|(lo, hi)| {
        Interval::new(
            to_base(Bound::Included(lo), factor),
            to_base(Bound::Included(hi), factor),
        )
    });
    NumericSet {
        dimension,
        interval: Interval::new(lo, hi).unwrap_or_else(|| everything(Decimal::ZERO)),
        rounded,
    }
}

/// A round figure read as rounded: `[v − h, v + h]` with `h` half a unit
/// of the figure's last non-zero digit, at most `tolerance · |v|`; `None`
/// when the value is not a round figure (not exact, marked exact with `=`,
/// written with decimals, or with no trailing zero) or when that reading is
/// no wider than the written one.
///
/// `11,000` → `[10,500, 11,500]`; `100,000` → `[95,000, 105,000]` (the
/// tolerance, 5 %, is narrower than half of 100,000); `500M` →
/// `[475M, 525M]`; `40 km` → `[38, 42]` km.
pub fn round_reading(expr: &NumberExpr, tolerance: Decimal) -> Option<(Decimal, Decimal)> {
    let Form::Exact(number) = &expr.form else {
        return None;
    };
    if expr.marked_exact || number.mantissa.scale() != 0 || number.mantissa.is_zero() {
        return None;
    }
    let mut digits = number.mantissa.abs();
    let mut unit = number.scale.multiplier();
    while (digits % Decimal::TEN).is_zero() {
        digits /= Decimal::TEN;
        unit = unit.checked_mul(Decimal::TEN)?;
    }
    let value = number.value();
    let cap = value.abs().checked_mul(tolerance)?;
    let half = (unit / Decimal::TWO).min(cap);
    if half <= number.unit_of_last_digit() / Decimal::TWO {
        return None;
    }
    Some((value.checked_sub(half)?, value.checked_add(half)?))
}

fn included(v: Option<Decimal>) -> Bound<Decimal> {
    v.map_or(Bound::Unbounded, Bound::Included)
}

fn excluded(v: Option<Decimal>) -> Bound<Decimal> {
    v.map_or(Bound::Unbounded, Bound::Excluded)
}

/// Converts an end to the dimension's base unit; the factor is positive, so
/// the order is kept.
fn to_base(bound: Bound<Decimal>, factor: Decimal) -> Bound<Decimal> {
    match bound {
        Bound::Included(v) => included(v.checked_mul(factor)),
        Bound::Excluded(v) => excluded(v.checked_mul(factor)),
        Bound::Unbounded => Bound::Unbounded,
    }
}

/// The whole line (`any` is only a fallback that is never used: an interval
/// with two unbounded ends is never empty).
fn everything<T: Ord + Copy>(any: T) -> Interval<T> {
    Interval::new(Bound::Unbounded, Bound::Unbounded).unwrap_or(Interval::point(any))
}

fn denote_date(expr: &DateExpr, published: Option<&DateExpr>) -> Result<TimeSet, DenoteError> {
    if let Form::Exact(DatePoint::DayOfYear { month, day }) = expr {
        return Ok(TimeSet::Annual {
            month: *month,
            day: *day,
        });
    }
    let span = |point: &DatePoint| -> Result<Option<(Minute, Minute)>, DenoteError> {
        Ok(match point {
            DatePoint::Calendar(date) => Some(date.span()),
            DatePoint::Relative(offset) => Some(offset.shift_span(anchor(published)?)),
            DatePoint::DayOfYear { .. } => None,
        })
    };
    let (lo, hi) = match expr {
        Form::Exact(point) => match span(point)? {
            Some((start, end)) => (Bound::Included(start), Bound::Excluded(end)),
            None => (Bound::Unbounded, Bound::Unbounded),
        },
        Form::Approx(point) => {
            let widened = match point {
                DatePoint::Calendar(date) => Some(date.widened()),
                DatePoint::Relative(offset) => {
                    let (start, end) = offset.shift_span(anchor(published)?);
                    let unit = RelativeOffset {
                        amount: 1,
                        unit: offset.unit,
                    };
                    Some((unit.shift(start, -1), unit.shift(end, 1)))
                }
                DatePoint::DayOfYear { .. } => None,
            };
            match widened {
                Some((start, end)) => (Bound::Included(start), Bound::Excluded(end)),
                None => (Bound::Unbounded, Bound::Unbounded),
            }
        }
        Form::Bound(op, point) => match span(point)? {
            None => (Bound::Unbounded, Bound::Unbounded),
            Some((start, end)) => {
                // A relative date is one unknown instant in its interval: take
                // the permissive end. A calendar date is the whole interval.
                let relative = matches!(point, DatePoint::Relative(_));
                match op {
                    BoundOp::Less if relative => (Bound::Unbounded, Bound::Excluded(end)),
                    BoundOp::Less => (Bound::Unbounded, Bound::Excluded(start)),
                    BoundOp::LessEqual => (Bound::Unbounded, Bound::Excluded(end)),
                    BoundOp::Greater if relative => (Bound::Included(start), Bound::Unbounded),
                    BoundOp::Greater => (Bound::Included(end), Bound::Unbounded),
                    BoundOp::GreaterEqual => (Bound::Included(start), Bound::Unbounded),
                }
            }
        },
        Form::Range(a, b) => match (span(a)?, span(b)?) {
            (Some((a_start, a_end)), Some((b_start, b_end))) => {
                if a_start < b_end {
                    (Bound::Included(a_start), Bound::Excluded(b_end))
                } else {
                    (
                        Bound::Included(a_start.min(b_start)),
                        Bound::Excluded(a_end.max(b_end)),
                    )
                }
            }
            _ => (Bound::Unbounded, Bound::Unbounded),
        },
    };
    Ok(TimeSet::Span(
        Interval::new(lo, hi).unwrap_or_else(|| everything(0)),
    ))
}

/// The interval `published` stands for, when it can anchor relative dates.
fn anchor(published: Option<&DateExpr>) -> Result<(Minute, Minute), DenoteError> {
    match published {
        None => Err(DenoteError::NoPublicationDate),
        Some(Form::Exact(DatePoint::Calendar(date))) => Ok(date.span()),
        Some(Form::Approx(DatePoint::Calendar(date))) => Ok(date.widened()),
        Some(_) => Err(DenoteError::UnanchoredPublication),
    }
}

impl PartialDate {
    /// The first minute of the date.
    pub fn start_minute(&self) -> Minute {
        let month = self.month.map_or(1, i64::from);
        let day = self.day.map_or(1, i64::from);
        let (hour, minute) = self
            .time
            .map_or((0, 0), |(h, m)| (i64::from(h), i64::from(m)));
        days_from_civil(i64::from(self.year), month, day) * MINUTES_PER_DAY + hour * 60 + minute
    }

    /// The first minute after the date.
    pub fn end_minute(&self) -> Minute {
        let start = self.start_minute();
        match (self.month, self.day, self.time) {
            (_, Some(_), Some(_)) => start + 1,
            (_, Some(_), None) => start + MINUTES_PER_DAY,
            (Some(_), None, _) => add_months(start, 1),
            (None, _, _) => add_months(start, 12),
        }
    }

    /// `[start, end)` in minutes.
    pub fn span(&self) -> (Minute, Minute) {
        (self.start_minute(), self.end_minute())
    }

    /// The date as an interval of minutes.
    pub fn interval(&self) -> Interval<Minute> {
        let (start, end) = self.span();
        Interval::half_open(start, end).unwrap_or(Interval::point(start))
    }

    /// `~date`: the span widened by one unit of its precision on each side.
    pub fn widened(&self) -> (Minute, Minute) {
        let (start, end) = self.span();
        match (self.month, self.day, self.time) {
            (_, Some(_), Some(_)) => (start - 1, end + 1),
            (_, Some(_), None) => (start - MINUTES_PER_DAY, end + MINUTES_PER_DAY),
            (Some(_), None, _) => (add_months(start, -1), add_months(end, 1)),
            (None, _, _) => (add_months(start, -12), add_months(end, 12)),
        }
    }
}

impl RelativeOffset {
    /// `minute` moved by `times` this offset.
    fn shift(&self, minute: Minute, times: i64) -> Minute {
        let n = i64::from(self.amount) * times;
        match self.unit {
            OffsetUnit::Year => add_months(minute, n * 12),
            OffsetUnit::Month => add_months(minute, n),
            OffsetUnit::Week => minute + n * 7 * MINUTES_PER_DAY,
            OffsetUnit::Day => minute + n * MINUTES_PER_DAY,
        }
    }

    /// The anchor's `[start, end)` moved by this offset.
    ///
    /// An end on a month boundary moves as a boundary, so a month-precise
    /// anchor stays a whole month (`2022-04` − 69 months is all of July
    /// 2016, 31 July included); any other end moves through its last minute,
    /// so a clamped month shift never empties a day (`2022-03-31` − 1 month
    /// is 28 February).
    pub fn shift_span(&self, (start, end): (Minute, Minute)) -> (Minute, Minute) {
        let new_start = self.shift(start, 1);
        let new_end = if starts_a_month(end) {
            self.shift(end, 1)
        } else {
            self.shift(end - 1, 1) + 1
        };
        (new_start, new_end.max(new_start + 1))
    }
}

/// Whether `minute` is midnight on the first day of a month.
fn starts_a_month(minute: Minute) -> bool {
    let (_, _, day) = civil_from_days(minute.div_euclid(MINUTES_PER_DAY));
    minute.rem_euclid(MINUTES_PER_DAY) == 0 && day == 1
}

/// `minute` moved by whole months, keeping the time of day and the day of
/// the month, or the month's last day when it is shorter.
fn add_months(minute: Minute, months: i64) -> Minute {
    let days = minute.div_euclid(MINUTES_PER_DAY);
    let time = minute.rem_euclid(MINUTES_PER_DAY);
    let (year, month, day) = civil_from_days(days);
    let total = year * 12 + (month - 1) + months;
    let (year, month) = (total.div_euclid(12), total.rem_euclid(12) + 1);
    let day = day.min(month_length(year, month));
    days_from_civil(year, month, day) * MINUTES_PER_DAY + time
}

/// A minute instant printed as `2020-12-10T00:00`, for reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct MinuteStamp(pub Minute);

impl fmt::Display for MinuteStamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (year, month, day) = civil_from_days(self.0.div_euclid(MINUTES_PER_DAY));
        let time = self.0.rem_euclid(MINUTES_PER_DAY);
        write!(
            f,
            "{year:04}-{month:02}-{day:02}T{:02}:{:02}",
            time / 60,
            time % 60
        )
    }
}

/// An exact decimal in plain digits, without trailing zeros: `499500000`, `0.05`.
pub fn format_decimal(value: Decimal) -> String {
    if value.is_zero() {
        return "0".to_string();
    }
    value.normalize().to_string()
}

/// An interval in mathematical notation, each end formatted by `show`:
/// `[499500000, 500500000)`, `(-inf, 3)`.
pub fn format_interval<T: Ord + Copy>(
    interval: &Interval<T>,
    show: impl Fn(T) -> String,
) -> String {
    let lo = match interval.lo() {
        Bound::Included(v) => format!("[{}", show(v)),
        Bound::Excluded(v) => format!("({}", show(v)),
        Bound::Unbounded => "(-inf".to_string(),
    };
    let hi = match interval.hi() {
        Bound::Included(v) => format!("{}]", show(v)),
        Bound::Excluded(v) => format!("{})", show(v)),
        Bound::Unbounded => "+inf)".to_string(),
    };
    format!("{lo}, {hi}")
}

impl fmt::Display for Dimension {
    /// The base unit's symbol; empty for a pure number.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Dimension::Pure => Ok(()),
            Dimension::Money(c) => f.write_str(c.as_str()),
            Dimension::Length => f.write_str("m"),
            Dimension::Mass => f.write_str("kg"),
            Dimension::Percent => f.write_str("%"),
            Dimension::Area => f.write_str("m²"),
            Dimension::Volume => f.write_str("m³"),
            Dimension::Power => f.write_str("W"),
            Dimension::Energy => f.write_str("Wh"),
        }
    }
}

impl fmt::Display for NumericSet {
    /// `[499500000, 500500000) USD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_interval(&self.interval, format_decimal))?;
        match self.dimension {
            Dimension::Pure => Ok(()),
            other => write!(f, " {other}"),
        }
    }
}

impl fmt::Display for TimeSet {
    /// `[2020-12-10T00:00, 2020-12-11T00:00)`, or `every --12-10`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimeSet::Span(interval) => {
                f.write_str(&format_interval(interval, |m| MinuteStamp(m).to_string()))
            }
            TimeSet::Annual { month, day } => write!(f, "every --{month:02}-{day:02}"),
        }
    }
}

impl fmt::Display for Denotation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Denotation::Numeric(set) => set.fmt(f),
            Denotation::Time(set) => set.fmt(f),
            Denotation::Ordinal(n) => write!(f, "position {n}"),
            Denotation::Text(text) => write!(f, "text {text:?}"),
            Denotation::Set(members) => write!(f, "set {members:?}"),
            Denotation::Bool(b) => write!(f, "{b}"),
            Denotation::Unreadable => f.write_str("unreadable"),
        }
    }
}

impl fmt::Display for DenoteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DenoteError::NoPublicationDate => {
                "a date relative to publication, but the source has no `published` date"
            }
            DenoteError::UnanchoredPublication => {
                "a date relative to publication, but the source's `published` is not a calendar date \
(write it as `2025`, `2025-03` or `2025-03-14`, optionally with `~`)"
            }
        })
    }
}

impl std::error::Error for DenoteError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_shift_clamps_the_day() {
        let day = |y, m, d| days_from_civil(y, m, d) * MINUTES_PER_DAY;
        assert_eq!(add_months(day(2022, 3, 31), -1), day(2022, 2, 28));
        assert_eq!(add_months(day(2024, 3, 31), -1), day(2024, 2, 29));
        assert_eq!(add_months(day(2022, 1, 15), -18), day(2020, 7, 15));
        assert_eq!(add_months(day(2020, 2, 29), 12), day(2021, 2, 28));
    }

    #[test]
    fn minute_stamp() {
        assert_eq!(MinuteStamp(0).to_string(), "1970-01-01T00:00");
        let date = PartialDate {
            year: 2011,
            month: Some(12),
            day: Some(8),
            time: Some((19, 10)),
        };
        assert_eq!(
            MinuteStamp(date.start_minute()).to_string(),
            "2011-12-08T19:10"
        );
    }
}
