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

use rust_decimal::Decimal;

use super::{Currency, DateExpr, Interval, MeasureUnit, Value};

/// Minutes since 1970-01-01T00:00, proleptic Gregorian calendar.
pub type Minute = i64;

/// What `denote` needs besides the value itself.
#[derive(Debug, Clone, Copy)]
pub struct DenoteContext<'a> {
    /// What `~` allows, as a fraction of the value (`crosscheck.toml`,
    /// `compare.approx_tolerance`, default 0.10).
    pub approx_tolerance: Decimal,
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
}

/// A number's denotation: an interval in the dimension's base unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumericSet {
    pub dimension: Dimension,
    /// In metres for lengths, kilograms for masses, the currency's unit for
    /// money, and as written otherwise.
    pub interval: Interval<Decimal>,
}

/// A date's denotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
        }
    }
}

/// The set `value` denotes in `ctx`.
pub fn denote(value: &Value, ctx: &DenoteContext<'_>) -> Result<Denotation, DenoteError> {
    let _ = (value, ctx);
    unimplemented!("value::denote: being written in the grammar branch")
}
