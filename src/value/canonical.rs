//! The canonical written form of a value: `Display` prints what
//! [`super::parse_value_str`] reads back to the same [`super::Value`].
//!
//! The round-trip law `parse(display(v)) == v` (with the same written
//! precision) holds for every value the string grammar produces. Sets,
//! booleans and `null` come from JSON arrays, `true`/`false` and `null`, not
//! from the string grammar; they print in a readable display form (`[a, b]`,
//! `true`, `null`) that is not meant to be parsed back.
//!
//! Canonical choices:
//! - thousands commas are dropped (`3,000,000` prints `3000000`), except in a
//!   unit-less four-digit integer, which keeps one (`3,000`), because plain
//!   `3000` reads back as a year;
//! - the unit follows one space, `%` included (`12 %`);
//! - `published` with no offset prints bare; any other offset prints with
//!   its sign (`published+0y`, `published-5y`).
//!
//! Texts print verbatim, except that a text which starts like a number or
//! date, or with `'`, is printed after the text mark `'` (`'32H`), so a
//! text read back is always the same text. An exact-marked number prints
//! its `=` (`=11000`).

use std::fmt;

use super::parse::ordinal_suffix;
use super::{DatePoint, Form, NumberExpr, PartialDate, RelativeOffset, Unit, Value, WrittenNumber};

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Number(n) => n.fmt(f),
            Value::Date(d) => write_form(f, d, None),
            Value::Ordinal(n) => write!(f, "{n}{}", ordinal_suffix(*n)),
            // A text that would read back as something else (it starts
            // like a number or date, or with the text mark) takes the mark.
            Value::Text(text) => {
                if super::parse::needs_text_mark(text) {
                    write!(f, "{}", super::parse::TEXT_MARK)?;
                }
                f.write_str(text)
            }
            Value::Set(members) => write!(f, "[{}]", members.join(", ")),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Unreadable => f.write_str("null"),
        }
    }
}

impl fmt::Display for NumberExpr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.marked_exact {
            write!(f, "{}", super::parse::EXACT_MARK)?;
        }
        let plain = self.unit.is_none();
        let numbers = self.form.map_ref(|n| CanonicalNumber { number: *n, plain });
        write_form(f, &numbers, self.unit)
    }
}

/// A number in a value, knowing whether the value has a unit (which decides
/// whether a four-digit integer needs its comma).
struct CanonicalNumber {
    number: WrittenNumber,
    plain: bool,
}

impl fmt::Display for CanonicalNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let WrittenNumber { mantissa, scale } = self.number;
        let looks_like_year = self.plain
            && scale == super::Scale::One
            && mantissa.scale() == 0
            && !mantissa.is_sign_negative()
            && (1000..=9999).contains(&mantissa.mantissa());
        if looks_like_year {
            let n = mantissa.mantissa();
            write!(f, "{},{:03}", n / 1000, n % 1000)
        } else {
            write!(f, "{}", self.number)
        }
    }
}

impl fmt::Display for WrittenNumber {
    /// The digits with their written decimal places and the suffix: `1.50`,
    /// `500M`. No thousands commas.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A negative zero reads back as zero; print it as such.
        if self.mantissa.is_zero() {
            write!(f, "{}", self.mantissa.abs())?;
        } else {
            write!(f, "{}", self.mantissa)?;
        }
        f.write_str(self.scale.suffix())
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unit::Currency(c) => f.write_str(c.as_str()),
            Unit::Measure(m) => f.write_str(m.symbol()),
        }
    }
}

fn write_form<T: fmt::Display>(
    f: &mut fmt::Formatter<'_>,
    form: &Form<T>,
    unit: Option<Unit>,
) -> fmt::Result {
    match form {
        Form::Exact(x) => write!(f, "{x}")?,
        Form::Approx(x) => write!(f, "~{x}")?,
        Form::Bound(op, x) => write!(f, "{}{x}", op.symbol())?,
        Form::Range(a, b) => write!(f, "{a}..{b}")?,
    }
    match unit {
        Some(unit) => write!(f, " {unit}"),
        None => Ok(()),
    }
}

impl<T> Form<T> {
    /// The same form over the image of each written point.
    pub fn map_ref<U>(&self, f: impl Fn(&T) -> U) -> Form<U> {
        match self {
            Form::Exact(x) => Form::Exact(f(x)),
            Form::Approx(x) => Form::Approx(f(x)),
            Form::Bound(op, x) => Form::Bound(*op, f(x)),
            Form::Range(a, b) => Form::Range(f(a), f(b)),
        }
    }
}

impl fmt::Display for DatePoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DatePoint::Calendar(date) => date.fmt(f),
            DatePoint::DayOfYear { month, day } => write!(f, "--{month:02}-{day:02}"),
            DatePoint::Relative(offset) => offset.fmt(f),
        }
    }
}

impl fmt::Display for PartialDate {
    /// `2020`, `2020-12`, `2020-12-10`, `2011-12-08T19:10`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
            if let Some(day) = self.day {
                write!(f, "-{day:02}")?;
                if let Some((hour, minute)) = self.time {
                    write!(f, "T{hour:02}:{minute:02}")?;
                }
            }
        }
        Ok(())
    }
}

impl fmt::Display for RelativeOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.amount == 0 && self.unit == super::OffsetUnit::Day {
            return f.write_str("published");
        }
        let sign = if self.amount < 0 { '-' } else { '+' };
        write!(
            f,
            "published{sign}{}{}",
            self.amount.unsigned_abs(),
            self.unit.suffix()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse_value_str;

    #[test]
    fn canonical_forms() {
        let cases = [
            ("3,000", "3,000"),
            ("3,000,000", "3000000"),
            ("1.50", "1.50"),
            ("12%", "12 %"),
            ("~1,000", "~1,000"),
            ("1000 USD", "1000 USD"),
            ("-0", "0"),
            ("published-0d", "published"),
            ("published+0y", "published+0y"),
            ("published", "published"),
            ("0500", "0500"),
            ("111th", "111th"),
        ];
        for (written, canonical) in cases {
            let value = parse_value_str(written).unwrap();
            assert_eq!(value.to_string(), canonical, "{written}");
            assert_eq!(parse_value_str(canonical).unwrap(), value, "{written}");
        }
    }
}
