//! Typed claim values: the syntax a curator writes, and the sets it denotes.
//!
//! A [`Value`] is the parsed form of a claim's `value` field. It keeps what
//! the curator wrote (the written digits, the scale suffix, the form: exact,
//! approximate, bound or range), because precision is part of the claim:
//! `500M` denotes 499.5M..500.5M while `500,000,000` denotes a much narrower
//! interval. [`parse`] reads the grammar of `docs/claim-format.md`, the
//! `Display` impl in [`canonical`] prints a value back in a canonical form
//! that parses to the same value, and [`denote`] turns a value into the set
//! it stands for ([`Interval`]s of exact decimals or of minutes), which is
//! all the checker compares.

pub mod calendar;
pub mod canonical;
pub mod denote;
pub mod hedge;
pub mod hint;
pub mod interval;
pub mod parse;
pub mod quoted_digits;
mod typography;

use rust_decimal::Decimal;

pub use denote::{Denotation, DenoteContext, Dimension, NumericSet, TimeSet};
pub use denote::{DenoteError, Minute, MinuteStamp, denote, format_decimal, format_interval};
pub use interval::{Interval, SetRelation};
pub use parse::{Reading, ValueError, parse_value_str, parse_value_with};
pub use parse::{currency, parse_json_number};

/// A claim's value, as parsed from the claim file.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Value {
    /// A number, optionally with a unit or an ISO 4217 currency.
    Number(NumberExpr),
    /// A date, a date interval, a day of year, or a date relative to publication.
    Date(DateExpr),
    /// A position in an order: `6th`.
    Ordinal(u32),
    /// A name or free text: `Barak 8`.
    Text(String),
    /// An array of names: the set of its members.
    Set(Vec<String>),
    /// `true` / `false`.
    Bool(bool),
    /// `null`: the source states the fact but its value is unreadable.
    Unreadable,
}

/// The kind of a value, for "one subject and attribute holds values of two kinds".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ValueKind {
    Number,
    Date,
    Ordinal,
    Text,
    Set,
    Bool,
    Unreadable,
}

impl Value {
    pub fn kind(&self) -> ValueKind {
        match self {
            Value::Number(_) => ValueKind::Number,
            Value::Date(_) => ValueKind::Date,
            Value::Ordinal(_) => ValueKind::Ordinal,
            Value::Text(_) => ValueKind::Text,
            Value::Set(_) => ValueKind::Set,
            Value::Bool(_) => ValueKind::Bool,
            Value::Unreadable => ValueKind::Unreadable,
        }
    }
}

impl ValueKind {
    /// The word a curator would use for this kind in an error message.
    pub fn describe(self) -> &'static str {
        match self {
            ValueKind::Number => "a number or amount",
            ValueKind::Date => "a date",
            ValueKind::Ordinal => "an ordinal",
            ValueKind::Text => "a name or text",
            ValueKind::Set => "a set of names",
            ValueKind::Bool => "true/false",
            ValueKind::Unreadable => "unreadable (null)",
        }
    }
}

/// How a number or date was qualified.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Form<T> {
    /// `500M`, `2020-12`: the value, exact to its written precision.
    Exact(T),
    /// `~500M`: within the configured tolerance.
    Approx(T),
    /// `<=150M`, `<2021-01`: a half-open interval.
    Bound(BoundOp, T),
    /// `100M..999M`: a closed interval.
    Range(T, T),
}

/// The comparison in a bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BoundOp {
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
}

impl BoundOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BoundOp::Less => "<",
            BoundOp::LessEqual => "<=",
            BoundOp::Greater => ">",
            BoundOp::GreaterEqual => ">=",
        }
    }
}

/// A number with an optional unit: `500M USD`, `~40 km`, `100M..999M USD`.
///
/// The unit is written once, after the whole form (`100M..999M USD`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NumberExpr {
    pub form: Form<WrittenNumber>,
    pub unit: Option<Unit>,
    /// Written with a leading `=` (`=11,000`): the figure is exact, never
    /// read as a round figure (docs/values.md, "Round figures").
    pub marked_exact: bool,
}

impl NumberExpr {
    /// A number as written, not marked exact.
    pub fn new(form: Form<WrittenNumber>, unit: Option<Unit>) -> NumberExpr {
        NumberExpr {
            form,
            unit,
            marked_exact: false,
        }
    }
}

/// A number as written: its digits (with their precision) and a scale suffix.
///
/// `mantissa` keeps the written scale of the decimal: `1.50` has scale 2 and
/// so a precision of ±0.005 (times the suffix's multiplier).
#[derive(Debug, Clone, Copy)]
pub struct WrittenNumber {
    pub mantissa: Decimal,
    pub scale: Scale,
}

// Equality must see the written precision: `Decimal` ignores trailing zeros
// (1.5 == 1.50), but `1.5` denotes [1.45, 1.55) and `1.50` [1.495, 1.505).
impl PartialEq for WrittenNumber {
    fn eq(&self, other: &Self) -> bool {
        self.mantissa == other.mantissa
            && self.mantissa.scale() == other.mantissa.scale()
            && self.scale == other.scale
    }
}

impl Eq for WrittenNumber {}

impl std::hash::Hash for WrittenNumber {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.mantissa.normalize().hash(state);
        self.mantissa.scale().hash(state);
        self.scale.hash(state);
    }
}

/// A scale suffix: `40k`, `500M`, `1B`, `2T`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scale {
    One,
    Thousand,
    Million,
    Billion,
    Trillion,
}

impl Scale {
    pub fn suffix(self) -> &'static str {
        match self {
            Scale::One => "",
            Scale::Thousand => "k",
            Scale::Million => "M",
            Scale::Billion => "B",
            Scale::Trillion => "T",
        }
    }

    pub fn multiplier(self) -> Decimal {
        match self {
            Scale::One => Decimal::ONE,
            Scale::Thousand => Decimal::from(1_000u64),
            Scale::Million => Decimal::from(1_000_000u64),
            Scale::Billion => Decimal::from(1_000_000_000u64),
            Scale::Trillion => Decimal::from(1_000_000_000_000u64),
        }
    }
}

/// A unit of measure or a currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    /// An ISO 4217 code, upper case: `USD`, `EUR`, `MAD`.
    Currency(Currency),
    Measure(MeasureUnit),
}

/// An ISO 4217 currency code, three upper-case ASCII letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Currency(pub [u8; 3]);

impl Currency {
    pub fn as_str(&self) -> &str {
        // The parser only builds codes from ASCII upper-case letters.
        std::str::from_utf8(&self.0).unwrap_or("???")
    }

    pub fn usd() -> Currency {
        Currency(*b"USD")
    }
}

/// Units of measure crosscheck converts between, grouped by dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MeasureUnit {
    Millimetre,
    Centimetre,
    Metre,
    Kilometre,
    Gram,
    Kilogram,
    Tonne,
    Percent,
    Mile,
    SquareKilometre,
    SquareMile,
    Hectare,
    SquareMetre,
    CubicMetre,
    Litre,
    /// An oil barrel (42 US gallons).
    Barrel,
    Watt,
    Kilowatt,
    Megawatt,
    Gigawatt,
    WattHour,
    KilowattHour,
    MegawattHour,
    GigawattHour,
    TerawattHour,
    /// A count of people: the same dimension as a plain number, so
    /// `3,000 people` and `3000` compare.
    People,
}

/// A date expression: partial dates, day-of-year, relative to publication,
/// each exact, approximate, bounded or as a range.
pub type DateExpr = Form<DatePoint>;

/// One date as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DatePoint {
    /// `2020`, `2020-12`, `2020-12-10`, `2011-12-08T19:10`.
    Calendar(PartialDate),
    /// `--12-10`: that day in any year.
    DayOfYear { month: u8, day: u8 },
    /// `published-5y`: counted back (or forward) from the source's `published`.
    Relative(RelativeOffset),
}

/// A calendar date known to a year, month, day or minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// Hour and minute, only with a day.
    pub time: Option<(u8, u8)>,
}

/// `published`, `published-5y`, `published-18mo`, `published+2w`, `published-2d`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RelativeOffset {
    /// Signed count of `unit`s; negative is before publication.
    pub amount: i32,
    pub unit: OffsetUnit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum OffsetUnit {
    Year,
    Month,
    Week,
    Day,
}

impl OffsetUnit {
    pub fn suffix(self) -> &'static str {
        match self {
            OffsetUnit::Year => "y",
            OffsetUnit::Month => "mo",
            OffsetUnit::Week => "w",
            OffsetUnit::Day => "d",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_precision_is_part_of_equality() {
        let coarse = parse_value_str("1.5").unwrap();
        let fine = parse_value_str("1.50").unwrap();
        assert_ne!(coarse, fine);
        assert_eq!(fine, parse_value_str("1.50").unwrap());
    }
}
