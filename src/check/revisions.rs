//! # Revisions
//!
//! ## What it checks
//!
//! A claim whose `supersedes` names another claim of the same subject and
//! attribute: the pair is a `revision` (old value, new value, up or down
//! and by how much for numbers, with both quotes), whatever the values and
//! whatever their `as_of`. The pair is never a contradiction, a rounding
//! difference or an agreement: the other checks' verdicts on it are
//! dropped when findings are assembled.
//!
//! ## Why it matters
//!
//! Tolls, budgets and counts are revised. "At least 11,300 dead" revised to
//! "at least 3,958" is two true lower bounds, so comparing them finds
//! nothing, yet the revision is the story; and a revised figure is not a
//! source contradicting another.
//!
//! ## Example
//!
//! ```text
//! un/toll-sep-15  ">=11300"
//! un/toll-sep-17  ">=3958"   supersedes un/toll-sep-15
//! => revision: UN revised '>=11300' to '>=3958': down by 7,342
//! ```

use rust_decimal::Decimal;

use super::{
    Check, CheckCode, CheckContext, ClaimFacts, ClaimGroup, Reason, ReasonCode, Verdict,
    VerdictSink, comparison, describe,
};
use crate::value::{Form, MeasureUnit, Unit, Value};

pub const CHECK: Check = Check {
    code: CheckCode::Revisions,
    run,
};

fn run(group: &ClaimGroup<'_>, context: &CheckContext<'_>, sink: &mut VerdictSink) {
    for new in &group.claims {
        let Some(old) = new.supersedes().and_then(|id| group.claim(id)) else {
            continue;
        };
        let (a, b) = if old.id() < new.id() {
            (old, *new)
        } else {
            (*new, old)
        };
        sink.pair(comparison(
            a,
            b,
            CHECK.code,
            Verdict::Revision,
            None,
            ReasonCode::Supersedes,
            Reason::text(sentence(old, new, context)),
        ));
    }
}

/// `UN revised '>=11300' (as of 2023-09-15) to '>=3958' (as of
/// 2023-09-17): down by 7,342`.
fn sentence(old: &ClaimFacts, new: &ClaimFacts, context: &CheckContext<'_>) -> String {
    let as_of = |claim: &ClaimFacts| {
        claim
            .as_of_written()
            .map(|d| format!(" (as of {d})"))
            .unwrap_or_default()
    };
    let mut text = format!(
        "{} revised '{}'{} to '{}'{}",
        super::assemble::origin_name(new, context.names),
        old.written(),
        as_of(old),
        new.written(),
        as_of(new)
    );
    if same_unit(old, new)
        && let (Some(before), Some(after)) = (figure(old.value()), figure(new.value()))
    {
        let change = after - before;
        // In the unit the figures are written in; a change between two
        // percentages is in points, not a percentage of the old figure.
        let unit = match number_unit(new) {
            None => String::new(),
            Some(Unit::Measure(MeasureUnit::Percent)) => " percentage points".to_owned(),
            Some(unit) => format!(" {unit}"),
        };
        let words = if change.is_zero() {
            "the same figure".to_owned()
        } else if change.is_sign_negative() {
            format!("down by {}{unit}", describe::grouped(-change))
        } else {
            format!("up by {}{unit}", describe::grouped(change))
        };
        text.push_str(": ");
        text.push_str(&words);
    }
    text
}

/// The figure a number states (its written number, or a bound's), in the
/// unit it is written in; `None` for ranges and non-numbers.
fn figure(value: &Value) -> Option<Decimal> {
    let Value::Number(number) = value else {
        return None;
    };
    match &number.form {
        Form::Exact(n) | Form::Approx(n) | Form::Bound(_, n) => Some(n.value()),
        Form::Range(..) => None,
    }
}

/// The unit of a claim's number, if it has one.
fn number_unit(claim: &ClaimFacts) -> Option<Unit> {
    match claim.value() {
        Value::Number(number) => number.unit,
        _ => None,
    }
}

/// Whether the two claims' values are numbers in one unit, so a change can
/// be stated.
fn same_unit(a: &ClaimFacts, b: &ClaimFacts) -> bool {
    match (a.value(), b.value()) {
        (Value::Number(x), Value::Number(y)) => x.unit == y.unit,
        _ => false,
    }
}
