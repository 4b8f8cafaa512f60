//! Intervals over a totally ordered domain, and how two of them relate.
//!
//! Every number, amount, quantity and date denotes an interval (or, for a
//! day of year, a periodic union of them). The checker's verdicts are set
//! relations between those: equal, one inside the other, overlapping, or
//! disjoint. Keeping the algebra here, generic over the domain, means
//! decimals and minutes follow one set of rules.

use std::cmp::Ordering;
use std::ops::Bound;

/// A possibly unbounded interval `lo..hi`, each end open or closed.
///
/// Construct through [`Interval::new`], which rejects empty intervals, so a
/// value of this type is never empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Interval<T> {
    lo: Bound<T>,
    hi: Bound<T>,
}

/// How the set denoted by one value relates to another's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SetRelation {
    /// The same set.
    Equal,
    /// The first is strictly inside the second (the first is more precise).
    Subset,
    /// The second is strictly inside the first.
    Superset,
    /// They share some values, and each has values the other lacks.
    Overlap,
    /// No value is in both: they cannot both be true.
    Disjoint,
}

impl SetRelation {
    /// The relation seen from the other side.
    pub fn flip(self) -> SetRelation {
        match self {
            SetRelation::Subset => SetRelation::Superset,
            SetRelation::Superset => SetRelation::Subset,
            other => other,
        }
    }

    /// Whether both can be true at once.
    pub fn is_compatible(self) -> bool {
        self != SetRelation::Disjoint
    }
}

impl<T: Ord + Copy> Interval<T> {
    /// The interval `lo..hi`, or `None` when it holds no value.
    pub fn new(lo: Bound<T>, hi: Bound<T>) -> Option<Self> {
        let interval = Interval { lo, hi };
        (!interval.is_empty()).then_some(interval)
    }

    /// The closed interval `[lo, hi]`.
    pub fn closed(lo: T, hi: T) -> Option<Self> {
        Self::new(Bound::Included(lo), Bound::Included(hi))
    }

    /// The half-open interval `[lo, hi)`.
    pub fn half_open(lo: T, hi: T) -> Option<Self> {
        Self::new(Bound::Included(lo), Bound::Excluded(hi))
    }

    pub fn point(value: T) -> Self {
        Interval {
            lo: Bound::Included(value),
            hi: Bound::Included(value),
        }
    }

    pub fn lo(&self) -> Bound<T> {
        self.lo
    }

    pub fn hi(&self) -> Bound<T> {
        self.hi
    }

    fn is_empty(&self) -> bool {
        match (self.lo, self.hi) {
            (Bound::Unbounded, _) | (_, Bound::Unbounded) => false,
            (Bound::Included(a), Bound::Included(b)) => a > b,
            (Bound::Included(a), Bound::Excluded(b))
            | (Bound::Excluded(a), Bound::Included(b))
            | (Bound::Excluded(a), Bound::Excluded(b)) => a >= b,
        }
    }

    pub fn contains_value(&self, value: T) -> bool {
        let above_lo = match self.lo {
            Bound::Unbounded => true,
            Bound::Included(lo) => value >= lo,
            Bound::Excluded(lo) => value > lo,
        };
        let below_hi = match self.hi {
            Bound::Unbounded => true,
            Bound::Included(hi) => value <= hi,
            Bound::Excluded(hi) => value < hi,
        };
        above_lo && below_hi
    }

    /// The values in both, or `None` when they are disjoint.
    pub fn intersection(&self, other: &Self) -> Option<Self> {
        let lo = match compare_lower(self.lo, other.lo) {
            Ordering::Less => other.lo,
            _ => self.lo,
        };
        let hi = match compare_upper(self.hi, other.hi) {
            Ordering::Greater => other.hi,
            _ => self.hi,
        };
        Interval::new(lo, hi)
    }

    /// Whether every value of `self` is in `other`.
    pub fn is_subset_of(&self, other: &Self) -> bool {
        compare_lower(self.lo, other.lo) != Ordering::Less
            && compare_upper(self.hi, other.hi) != Ordering::Greater
    }

    /// How `self` relates to `other` as sets.
    pub fn relation(&self, other: &Self) -> SetRelation {
        if self.intersection(other).is_none() {
            return SetRelation::Disjoint;
        }
        match (self.is_subset_of(other), other.is_subset_of(self)) {
            (true, true) => SetRelation::Equal,
            (true, false) => SetRelation::Subset,
            (false, true) => SetRelation::Superset,
            (false, false) => SetRelation::Overlap,
        }
    }

    /// Applies a monotonic increasing map to both ends (a unit conversion).
    pub fn map<U: Ord + Copy>(&self, f: impl Fn(T) -> U) -> Interval<U> {
        Interval {
            lo: map_bound(self.lo, &f),
            hi: map_bound(self.hi, &f),
        }
    }
}

fn map_bound<T: Copy, U>(bound: Bound<T>, f: &impl Fn(T) -> U) -> Bound<U> {
    match bound {
        Bound::Unbounded => Bound::Unbounded,
        Bound::Included(v) => Bound::Included(f(v)),
        Bound::Excluded(v) => Bound::Excluded(f(v)),
    }
}

/// Orders lower bounds: the smaller one admits more values.
fn compare_lower<T: Ord>(a: Bound<T>, b: Bound<T>) -> Ordering {
    match (a, b) {
        (Bound::Unbounded, Bound::Unbounded) => Ordering::Equal,
        (Bound::Unbounded, _) => Ordering::Less,
        (_, Bound::Unbounded) => Ordering::Greater,
        (Bound::Included(x), Bound::Included(y)) | (Bound::Excluded(x), Bound::Excluded(y)) => {
            x.cmp(&y)
        }
        // [x is below (x when both start at x.
        (Bound::Included(x), Bound::Excluded(y)) => x.cmp(&y).then(Ordering::Less),
        (Bound::Excluded(x), Bound::Included(y)) => x.cmp(&y).then(Ordering::Greater),
    }
}

/// Orders upper bounds: the larger one admits more values.
fn compare_upper<T: Ord>(a: Bound<T>, b: Bound<T>) -> Ordering {
    match (a, b) {
        (Bound::Unbounded, Bound::Unbounded) => Ordering::Equal,
        (Bound::Unbounded, _) => Ordering::Greater,
        (_, Bound::Unbounded) => Ordering::Less,
        (Bound::Included(x), Bound::Included(y)) | (Bound::Excluded(x), Bound::Excluded(y)) => {
            x.cmp(&y)
        }
        // x] is above x) when both end at x.
        (Bound::Included(x), Bound::Excluded(y)) => x.cmp(&y).then(Ordering::Greater),
        (Bound::Excluded(x), Bound::Included(y)) => x.cmp(&y).then(Ordering::Less),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn half(lo: i64, hi: i64) -> Interval<i64> {
        Interval::half_open(lo, hi).unwrap()
    }

    #[test]
    fn empty_intervals_are_refused() {
        assert!(Interval::half_open(3, 3).is_none());
        assert!(Interval::closed(4, 3).is_none());
        assert!(Interval::closed(3, 3).is_some());
    }

    #[test]
    fn adjacent_half_open_intervals_are_disjoint() {
        // 500M and 501M written to the million: [499.5, 500.5) and [500.5, 501.5).
        assert_eq!(
            half(4995, 5005).relation(&half(5005, 5015)),
            SetRelation::Disjoint
        );
    }

    #[test]
    fn relations() {
        assert_eq!(half(0, 10).relation(&half(0, 10)), SetRelation::Equal);
        assert_eq!(half(2, 5).relation(&half(0, 10)), SetRelation::Subset);
        assert_eq!(half(0, 10).relation(&half(2, 5)), SetRelation::Superset);
        assert_eq!(half(0, 5).relation(&half(3, 10)), SetRelation::Overlap);
        let below = Interval::new(Bound::Unbounded, Bound::Excluded(5)).unwrap();
        assert_eq!(below.relation(&half(5, 6)), SetRelation::Disjoint);
        let up_to = Interval::new(Bound::Unbounded, Bound::Included(5)).unwrap();
        assert_eq!(up_to.relation(&half(5, 6)), SetRelation::Overlap);
    }
}
