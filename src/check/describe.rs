//! Values and sets in plain words, for the reasons and explanations the
//! checks write and for every report: the JSON report's denotation text and
//! the human reports' normalised column read [`denotation`], so a value is
//! worded one way wherever it appears. Only wording lives here: no verdict
//! depends on it.

use std::fmt;
use std::ops::Bound;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::value::calendar;
use crate::value::denote::{DenoteError, Minute};
use crate::value::{
    BoundOp, Denotation, Dimension, Form, Interval, NumericSet, SetRelation, TimeSet, Value,
    WrittenNumber,
};

/// Any denotation for people: `450M..550M USD`, `2020-12`, `4` (a
/// position), a text or registry name as is, a set's members joined by
/// commas, `true`, `unreadable`.
pub fn denotation(denotation: &Denotation) -> String {
    match denotation {
        Denotation::Numeric(set) => numeric(set),
        Denotation::Time(set) => time(set),
        Denotation::Ordinal(n) => n.to_string(),
        Denotation::Text(text) => text.clone(),
        Denotation::Set(members) => members.join(", "),
        Denotation::Bool(b) => b.to_string(),
        Denotation::Unreadable => "unreadable".to_owned(),
    }
}

/// A claim's value in the words a reader uses, from its written form and
/// what it denotes: `3,252`, `at least 3,958`, `about 500M USD
/// (450M..550M)`, `11,000 (rounded: 10,500..11,500)`, `exactly 11,000`,
/// `between 100M and 999M USD`; dates and the other kinds as
/// [`denotation`] words them. Never a machine interval where the written
/// form says it.
pub fn value_words(value: &Value, denotation: &Denotation) -> String {
    let (Value::Number(number), Denotation::Numeric(set)) = (value, denotation) else {
        return self::denotation(denotation);
    };
    let unit = number.unit.map(|u| format!(" {u}")).unwrap_or_default();
    let written = |n: &WrittenNumber| {
        let digits = if n.mantissa.scale() == 0 {
            grouped(n.mantissa)
        } else {
            // Keep the written decimals: `1.50` says more than `1.5`.
            let text = n.mantissa.to_string();
            match text.split_once('.') {
                Some((int, frac)) => {
                    let int = int
                        .parse::<Decimal>()
                        .map_or_else(|_| int.to_owned(), grouped);
                    let int = if int == "0" && text.starts_with('-') {
                        "-0".to_owned()
                    } else {
                        int
                    };
                    format!("{int}.{frac}")
                }
                None => text,
            }
        };
        format!("{digits}{}", n.scale.suffix())
    };
    // An interval in the unit the figure is written in (the set is in
    // the dimension's base unit), which the words already name.
    let factor = match number.unit {
        Some(crate::value::Unit::Measure(m)) => m.base().1,
        _ => Decimal::ONE,
    };
    let between = |interval: Interval<Decimal>| {
        let end = |bound: Bound<Decimal>| match bound {
            Bound::Included(v) | Bound::Excluded(v) => Some(v / factor),
            Bound::Unbounded => None,
        };
        match (end(interval.lo()), end(interval.hi())) {
            (Some(a), Some(b)) => {
                let (a, b) = distinct_ends(a, b);
                format!("{a}..{b}")
            }
            _ => numeric(&NumericSet {
                dimension: set.dimension,
                interval,
                rounded: None,
            }),
        }
    };
    match &number.form {
        Form::Exact(n) if number.marked_exact => format!("exactly {}{unit}", written(n)),
        Form::Exact(n) => match set.rounded {
            Some(rounded) => format!("{}{unit} (rounded: {})", written(n), between(rounded)),
            None => format!("{}{unit}", written(n)),
        },
        Form::Approx(n) => format!("about {}{unit} ({})", written(n), between(set.interval)),
        Form::Bound(op, n) => {
            let words = match op {
                BoundOp::GreaterEqual => "at least",
                BoundOp::Greater => "more than",
                BoundOp::LessEqual => "at most",
                BoundOp::Less => "less than",
            };
            format!("{words} {}{unit}", written(n))
        }
        Form::Range(a, b) => format!("between {} and {}{unit}", written(a), written(b)),
    }
}

/// Why a value denotes nothing, in the place its denotation would stand.
pub fn denote_error(error: &DenoteError) -> &'static str {
    match error {
        DenoteError::NoPublicationDate => {
            "relative to publication, but the source has no published date"
        }
        DenoteError::UnanchoredPublication => {
            "relative to a published date that is not a calendar date"
        }
    }
}

/// A number with thousands separators, exact: `7,342`, `3,252.5`, `-40`.
pub fn grouped(value: Decimal) -> String {
    let text = format_plain(value);
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let mut out = String::with_capacity(text.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

fn format_plain(value: Decimal) -> String {
    if value.is_zero() {
        "0".to_owned()
    } else {
        value.normalize().to_string()
    }
}

/// A number for people: `216.26M`, `499.5M`, `3`, `0.25`, rounded to two
/// decimals after the scale suffix (the JSON report keeps exact ends).
pub fn number(value: Decimal) -> String {
    number_dp(value, 2)
}

/// A number with a scale suffix, rounded to `dp` decimals.
fn number_dp(value: Decimal, dp: u32) -> String {
    let scale = suffix_scale(value.abs());
    let suffix = match scale.mantissa() {
        1_000_000_000_000 => "T",
        1_000_000_000 => "B",
        1_000_000 => "M",
        _ => return grouped_rounded(value, dp),
    };
    format!("{}{suffix}", rounded(value / scale, dp))
}

/// Below a million, a number is written in full with thousands
/// separators (`3,252`, `10,500`), rounded to `dp` decimals.
fn grouped_rounded(value: Decimal, dp: u32) -> String {
    grouped(value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero))
}

fn rounded(value: Decimal, dp: u32) -> String {
    value
        .round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
        .to_string()
}

/// Two ends of an interval, with enough decimals that rounding moves
/// neither by more than a tenth of the interval's width (at least two
/// decimals, at most twelve).
fn distinct_ends(a: Decimal, b: Decimal) -> (String, String) {
    let width = (b - a).abs();
    let unit = suffix_scale(a.abs().max(b.abs()));
    let mut dp: u32 = 2;
    while dp < 12 && unit * Decimal::new(1, dp) * Decimal::TEN > width {
        dp += 1;
    }
    (number_dp(a, dp), number_dp(b, dp))
}

/// The multiplier of the scale suffix [`number`] uses for `magnitude`.
fn suffix_scale(magnitude: Decimal) -> Decimal {
    [1_000_000_000_000i64, 1_000_000_000, 1_000_000]
        .into_iter()
        .map(Decimal::from)
        .find(|scale| magnitude >= *scale)
        .unwrap_or(Decimal::ONE)
}

/// The unit a number of this dimension is shown in, and the factor from
/// the base unit to it. Lengths of a kilometre and more show in km, masses
/// of a tonne and more in t.
fn display_unit(dimension: Dimension, magnitude: Decimal) -> (String, Decimal) {
    match dimension {
        Dimension::Pure => (String::new(), Decimal::ONE),
        Dimension::Money(currency) => (format!(" {}", currency.as_str()), Decimal::ONE),
        Dimension::Length if magnitude >= Decimal::from(1000) => {
            (" km".to_owned(), Decimal::from(1000))
        }
        Dimension::Length if magnitude >= Decimal::ONE => (" m".to_owned(), Decimal::ONE),
        Dimension::Length => (" mm".to_owned(), Decimal::new(1, 3)),
        Dimension::Mass if magnitude >= Decimal::from(1000) => {
            (" t".to_owned(), Decimal::from(1000))
        }
        Dimension::Mass if magnitude >= Decimal::ONE => (" kg".to_owned(), Decimal::ONE),
        Dimension::Mass => (" g".to_owned(), Decimal::new(1, 3)),
        Dimension::Percent => (" %".to_owned(), Decimal::ONE),
        Dimension::Area if magnitude >= Decimal::from(1_000_000) => {
            (" km²".to_owned(), Decimal::from(1_000_000))
        }
        Dimension::Area if magnitude >= Decimal::from(10_000) => {
            (" ha".to_owned(), Decimal::from(10_000))
        }
        Dimension::Area => (" m²".to_owned(), Decimal::ONE),
        Dimension::Volume if magnitude >= Decimal::ONE => (" m³".to_owned(), Decimal::ONE),
        Dimension::Volume => (" l".to_owned(), Decimal::new(1, 3)),
        Dimension::Power | Dimension::Energy => {
            let hours = if dimension == Dimension::Energy {
                "h"
            } else {
                ""
            };
            let (prefix, factor) = [
                ("T", 1_000_000_000_000i64),
                ("G", 1_000_000_000),
                ("M", 1_000_000),
                ("k", 1_000),
            ]
            .into_iter()
            .find(|(_, factor)| magnitude >= Decimal::from(*factor))
            .unwrap_or(("", 1));
            (format!(" {prefix}W{hours}"), Decimal::from(factor))
        }
    }
}

/// A numeric set for people: `450M..550M USD`, `up to 150M USD`, `above 40 km`.
pub fn numeric(set: &NumericSet) -> String {
    let ends = [set.interval.lo(), set.interval.hi()];
    let magnitude = ends
        .iter()
        .filter_map(|bound| match bound {
            Bound::Included(v) | Bound::Excluded(v) => Some(v.abs()),
            Bound::Unbounded => None,
        })
        .max()
        .unwrap_or(Decimal::ZERO);
    let (unit, factor) = display_unit(set.dimension, magnitude);
    let show = |v: Decimal| number(v / factor);
    let body = match (set.interval.lo(), set.interval.hi()) {
        (Bound::Included(a), Bound::Included(b)) if a == b => show(a),
        (Bound::Included(a) | Bound::Excluded(a), Bound::Included(b) | Bound::Excluded(b)) => {
            let (a, b) = distinct_ends(a / factor, b / factor);
            format!("{a}..{b}")
        }
        (Bound::Unbounded, Bound::Included(b)) => format!("up to {}", show(b)),
        (Bound::Unbounded, Bound::Excluded(b)) => format!("below {}", show(b)),
        (Bound::Included(a), Bound::Unbounded) => format!("at least {}", show(a)),
        (Bound::Excluded(a), Bound::Unbounded) => format!("above {}", show(a)),
        (Bound::Unbounded, Bound::Unbounded) => "any number".to_owned(),
    };
    format!("{body}{unit}")
}

/// What a dimension measures, for "a length and an amount of money".
pub fn dimension(dimension: Dimension) -> String {
    match dimension {
        Dimension::Pure => "a plain number".to_owned(),
        Dimension::Money(currency) => format!("an amount in {}", currency.as_str()),
        Dimension::Length => "a length".to_owned(),
        Dimension::Mass => "a mass".to_owned(),
        Dimension::Percent => "a percentage".to_owned(),
        Dimension::Area => "an area".to_owned(),
        Dimension::Volume => "a volume".to_owned(),
        Dimension::Power => "a power (capacity)".to_owned(),
        Dimension::Energy => "an amount of energy".to_owned(),
    }
}

/// A time set for people: `2020`, `2020-12`, `2020-12-10`,
/// `2020-12-01..2021-01-15`, `before 2021-01-01`, `--12-10 (any year)`.
pub fn time(set: &TimeSet) -> String {
    match set {
        TimeSet::Annual { month, day } => format!("--{month:02}-{day:02} (any year)"),
        TimeSet::Span(interval) => span(interval),
    }
}

fn span(interval: &Interval<Minute>) -> String {
    match (interval.lo(), interval.hi()) {
        (Bound::Included(a), Bound::Excluded(b)) => {
            whole_unit(a, b).unwrap_or_else(|| format!("{}..{}", instant(a), last_instant(a, b)))
        }
        (Bound::Included(a), Bound::Included(b)) => format!("{}..{}", instant(a), instant(b)),
        (Bound::Excluded(a), Bound::Excluded(b) | Bound::Included(b)) => {
            format!("after {}, up to {}", instant(a), instant(b))
        }
        // `<=2021-11-25` ends at the midnight after it: say the last day.
        (Bound::Unbounded, Bound::Excluded(b)) if b.rem_euclid(MINUTES_PER_DAY) == 0 => {
            let day = civil(b - MINUTES_PER_DAY);
            format!("up to {:04}-{:02}-{:02}", day.year, day.month, day.day)
        }
        (Bound::Unbounded, Bound::Excluded(b)) => format!("before {}", instant(b)),
        (Bound::Unbounded, Bound::Included(b)) => format!("up to {}", instant(b)),
        (Bound::Included(a), Bound::Unbounded) => format!("from {}", instant(a)),
        (Bound::Excluded(a), Bound::Unbounded) => format!("after {}", instant(a)),
        (Bound::Unbounded, Bound::Unbounded) => "any time".to_owned(),
    }
}

/// `[a, b)` as one year, month, day or minute, if it is exactly one.
fn whole_unit(a: Minute, b: Minute) -> Option<String> {
    let (start, next) = (civil(a), civil(b));
    if b - a == 1 {
        return Some(instant(a));
    }
    if start.time != 0 || next.time != 0 {
        return None;
    }
    if b - a == MINUTES_PER_DAY {
        return Some(format!(
            "{:04}-{:02}-{:02}",
            start.year, start.month, start.day
        ));
    }
    if start.day == 1 && next.day == 1 {
        if start.month == 1 && next.month == 1 && next.year == start.year + 1 {
            return Some(format!("{:04}", start.year));
        }
        let following = if start.month == 12 {
            (start.year + 1, 1)
        } else {
            (start.year, start.month + 1)
        };
        if (next.year, next.month) == following {
            return Some(format!("{:04}-{:02}", start.year, start.month));
        }
    }
    None
}

/// The last instant of `[a, b)` shown at the precision of its ends: the day
/// before `b` when both are midnights.
fn last_instant(a: Minute, b: Minute) -> String {
    if a.rem_euclid(MINUTES_PER_DAY) == 0 && b.rem_euclid(MINUTES_PER_DAY) == 0 {
        let day = civil(b - MINUTES_PER_DAY);
        format!("{:04}-{:02}-{:02}", day.year, day.month, day.day)
    } else {
        instant(b - 1)
    }
}

/// One instant: `2020-12-10` at midnight, else `2020-12-10T19:10`.
pub fn instant(minute: Minute) -> String {
    let c = civil(minute);
    if c.time == 0 {
        format!("{:04}-{:02}-{:02}", c.year, c.month, c.day)
    } else {
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}",
            c.year,
            c.month,
            c.day,
            c.time / 60,
            c.time % 60
        )
    }
}

pub use calendar::MINUTES_PER_DAY;

/// A minute as a calendar date and time of day (minutes since midnight).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Civil {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub time: i64,
}

/// The calendar date and time of day of a minute since 1970-01-01T00:00.
pub fn civil(minute: Minute) -> Civil {
    let (year, month, day) = calendar::civil_from_days(minute.div_euclid(MINUTES_PER_DAY));
    Civil {
        year,
        month: u32::try_from(month).unwrap_or(1),
        day: u32::try_from(day).unwrap_or(1),
        time: minute.rem_euclid(MINUTES_PER_DAY),
    }
}

/// A decimal as exact text (`1.0813`, `499500000`), for JSON and rates.
pub fn exact(value: Decimal) -> String {
    value.normalize().to_string()
}

/// How one set of values stands to another, in words: the clause a
/// numeric or date comparison ends its reason with. `a` and `b` are the
/// values as written (the clause quotes them), `da` and `db` what they
/// denote; `a_first` says, for disjoint sets, whether `a` lies below
/// (before) `b`.
pub fn relation_clause(
    a: &str,
    da: &str,
    b: &str,
    db: &str,
    relation: SetRelation,
    a_first: bool,
    order: Order,
) -> String {
    let mut clause = String::new();
    // Writing to a String cannot fail.
    let _ = write_relation_clause(&mut clause, a, da, b, db, relation, a_first, order);
    clause
}

/// [`relation_clause`], written to `out`: reports write millions of these
/// straight into their output.
#[allow(clippy::too_many_arguments)]
pub fn write_relation_clause(
    out: &mut dyn fmt::Write,
    a: &str,
    da: &str,
    b: &str,
    db: &str,
    relation: SetRelation,
    a_first: bool,
    order: Order,
) -> fmt::Result {
    // `'2022' (2022)` says nothing twice: the set is shown only when it
    // reads differently from what was written.
    let (la, lb) = (Labelled(a, da), Labelled(b, db));
    match relation {
        SetRelation::Equal => write!(
            out,
            "'{a}' and '{b}' denote the same {} ({da})",
            order.noun()
        ),
        SetRelation::Subset => write!(out, "{la} lies within {lb}: '{b}' is less precise"),
        SetRelation::Superset => write!(out, "{lb} lies within {la}: '{a}' is less precise"),
        SetRelation::Overlap => write!(out, "{la} and {lb} overlap; neither lies within the other"),
        SetRelation::Disjoint => {
            let side = match (a_first, order) {
                (true, Order::Numbers) => "below",
                (false, Order::Numbers) => "above",
                (true, Order::Time) => "before",
                (false, Order::Time) => "after",
            };
            write!(out, "{la} is {side} {lb}: they cannot both be true")
        }
    }
}

/// `'~500M USD' (450M..550M USD)`, or just `'2022'` when the set reads as
/// written: a value as written, quoted, and what it denotes.
struct Labelled<'a>(&'a str, &'a str);

impl fmt::Display for Labelled<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Labelled(written, denoted) = *self;
        if written.trim_matches('\'') == denoted {
            write!(f, "'{written}'")
        } else if let Some(rest) = denoted
            .strip_prefix(written)
            .filter(|rest| rest.starts_with(" ("))
        {
            // `'11,000' (rounded: 10,500..11,500)`: the words already
            // repeat the written figure.
            write!(f, "'{written}'{rest}")
        } else {
            write!(f, "'{written}' ({denoted})")
        }
    }
}

/// What is being ordered, for the words of [`relation_clause`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    Numbers,
    Time,
}

impl Order {
    fn noun(self) -> &'static str {
        match self {
            Order::Numbers => "amount",
            Order::Time => "time",
        }
    }
}

/// Whether every value of `a` lies below every value of `b`, given that
/// they are disjoint.
pub fn lies_below<T: Ord + Copy>(a: &Interval<T>, b: &Interval<T>) -> bool {
    match (a.hi(), b.lo()) {
        (Bound::Unbounded, _) | (_, Bound::Unbounded) => false,
        (Bound::Included(x) | Bound::Excluded(x), Bound::Included(y) | Bound::Excluded(y)) => {
            x <= y
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interval_ends_stay_apart() {
        let set = |lo: &str, hi: &str, dimension| NumericSet {
            dimension,
            interval: Interval::half_open(lo.parse().unwrap(), hi.parse().unwrap()).unwrap(),
            rounded: None,
        };
        assert_eq!(
            numeric(&set("499999999.5", "500000000.5", Dimension::Pure)),
            "499.9999995M..500.0000005M"
        );
        assert_eq!(
            numeric(&set("0.1545", "0.1555", Dimension::Length)),
            "154.5..155.5 mm"
        );
        assert_eq!(
            numeric(&set("2999.5", "3000.5", Dimension::Mass)),
            "2.9995..3.0005 t"
        );
    }

    #[test]
    fn numbers_use_scale_suffixes() {
        assert_eq!(number(Decimal::from(216_260_000)), "216.26M");
        assert_eq!(number(Decimal::from(499_500_000)), "499.5M");
        assert_eq!(number(Decimal::from(3)), "3");
        assert_eq!(number(Decimal::new(15, 1)), "1.5");
        // Below a million, in full with separators: `3,252`, not `3.25k`.
        assert_eq!(number(Decimal::from(40_000)), "40,000");
        assert_eq!(number(Decimal::from(3_252)), "3,252");
    }

    #[test]
    fn spans_read_as_dates() {
        let day = |y, m, d| calendar::days_from_civil(y, m, d) * MINUTES_PER_DAY;
        let year = Interval::half_open(day(2020, 1, 1), day(2021, 1, 1)).unwrap();
        assert_eq!(span(&year), "2020");
        let month = Interval::half_open(day(2020, 12, 1), day(2021, 1, 1)).unwrap();
        assert_eq!(span(&month), "2020-12");
        let one = Interval::half_open(day(2020, 12, 10), day(2020, 12, 11)).unwrap();
        assert_eq!(span(&one), "2020-12-10");
        let range = Interval::half_open(day(2022, 6, 20), day(2022, 7, 1)).unwrap();
        assert_eq!(span(&range), "2022-06-20..2022-06-30");
    }
}
