//! The checker on denotations built by hand, so its comparison logic is
//! tested apart from the value grammar, the loader and the linker.

use std::collections::BTreeMap;
use std::ops::Bound;

use rust_decimal::Decimal;

use super::*;
use crate::model::ClaimMore;
use crate::value::{
    Currency, Dimension, Form, Interval, NumberExpr, NumericSet, Scale, Unit, WrittenNumber,
};

/// Lower-case names; entries from a small table.
struct FakeNames(BTreeMap<&'static str, &'static str>);

impl ValueNames for FakeNames {
    fn normalize(&self, name: &str) -> String {
        name.trim().to_lowercase()
    }
    fn entry_of(&self, name: &str) -> Option<String> {
        self.0
            .get(self.normalize(name).as_str())
            .map(|e| (*e).to_owned())
    }
}

fn names() -> FakeNames {
    FakeNames(BTreeMap::from([
        ("barak 8", "Barak MX"),
        ("barak mx", "Barak MX"),
        ("براك", "Barak MX"),
    ]))
}

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn claim(id: &str, written: &str, value: Value, denotation: Denotation) -> ClaimFacts<'static> {
    let (source, _) = id.split_once('/').unwrap();
    let claim = Claim::by_hand(ClaimId(id.into()), "deal", "value", value, written);
    ClaimFacts {
        denoted: denoted_text(&Ok(denotation.clone())).into(),
        rate_year: Some(2023),
        ..ClaimFacts::by_hand(leak(claim), leak_str(source), Ok(denotation))
    }
}

/// `facts` with its claim citing `according_to`.
fn citing(facts: ClaimFacts<'static>, according_to: &[&str]) -> ClaimFacts<'static> {
    let mut claim = facts.claim.clone();
    claim.more = ClaimMore {
        according_to: according_to.iter().map(|&n| n.to_owned()).collect(),
        ..ClaimMore::default()
    }
    .boxed();
    ClaimFacts {
        claim: leak(claim),
        ..facts
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

/// An exact amount `mantissa × scale` in `currency`, denoting `[lo, hi)`.
fn money(
    id: &str,
    written: &str,
    mantissa: i64,
    currency: &str,
    lo: &str,
    hi: &str,
) -> ClaimFacts<'static> {
    let code = Currency(currency.as_bytes().try_into().unwrap());
    let value = Value::Number(NumberExpr {
        form: Form::Exact(WrittenNumber {
            mantissa: Decimal::from(mantissa),
            scale: Scale::Million,
        }),
        unit: Some(Unit::Currency(code)),
        marked_exact: false,
    });
    let set = NumericSet {
        dimension: Dimension::Money(code),
        interval: Interval::half_open(d(lo), d(hi)).unwrap(),
        rounded: None,
    };
    claim(id, written, value, Denotation::Numeric(set))
}

fn number(
    id: &str,
    dimension: Dimension,
    lo: Bound<Decimal>,
    hi: Bound<Decimal>,
) -> ClaimFacts<'static> {
    let value = Value::Number(NumberExpr {
        form: Form::Exact(WrittenNumber {
            mantissa: Decimal::ONE,
            scale: Scale::One,
        }),
        unit: None,
        marked_exact: false,
    });
    let set = NumericSet {
        dimension,
        interval: Interval::new(lo, hi).unwrap(),
        rounded: None,
    };
    claim(id, id, value, Denotation::Numeric(set))
}

fn closed(id: &str, lo: &str, hi: &str) -> ClaimFacts<'static> {
    number(
        id,
        Dimension::Pure,
        Bound::Included(d(lo)),
        Bound::Included(d(hi)),
    )
}

fn text(id: &str, written: &str) -> ClaimFacts<'static> {
    claim(
        id,
        written,
        Value::Text(written.to_owned()),
        Denotation::Text(written.to_owned()),
    )
}

fn set(id: &str, members: &[&str]) -> ClaimFacts<'static> {
    let members: Vec<String> = members.iter().map(|m| (*m).to_owned()).collect();
    claim(
        id,
        &members.join(", "),
        Value::Set(members.clone()),
        Denotation::Set(members),
    )
}

fn check_with(claims: &[ClaimFacts], rates: &[(i32, &str, &str)]) -> Vec<Finding> {
    let mut table: BTreeMap<i32, BTreeMap<Currency, Decimal>> = BTreeMap::new();
    for (year, code, rate) in rates {
        table
            .entry(*year)
            .or_default()
            .insert(Currency(code.as_bytes().try_into().unwrap()), d(rate));
    }
    let names = names();
    check_claims(
        claims,
        &CheckContext {
            rates: &table,
            names: &names,
            // Every pair's record, conversions included: what these tests
            // look at.
            detail: super::Detail::Full,
            publications: &Default::default(),
        },
    )
}

fn check(claims: &[ClaimFacts]) -> Vec<Finding> {
    check_with(claims, &[])
}

fn kinds(findings: &[Finding]) -> Vec<(FindingKind, Vec<String>)> {
    findings
        .iter()
        .map(|f| (f.kind, f.claims.iter().map(|c| c.0.to_string()).collect()))
        .collect()
}

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn equal_nested_overlapping_and_disjoint_intervals() {
    let findings = check(&[
        closed("a/x", "10", "20"),
        closed("b/x", "10", "20"),
        closed("c/x", "12", "15"),
        closed("d/x", "30", "40"),
    ]);
    assert_eq!(
        kinds(&findings),
        vec![
            (
                FindingKind::Contradiction,
                ids(&["a/x", "b/x", "c/x", "d/x"])
            ),
            (FindingKind::Compatible, ids(&["a/x", "b/x", "c/x"])),
            (FindingKind::Agreement, ids(&["a/x", "b/x"])),
        ]
    );
    let pairs: Vec<[String; 2]> = findings[0]
        .pairs
        .iter()
        .map(|[a, b]| [a.0.to_string(), b.0.to_string()])
        .collect();
    assert_eq!(
        pairs,
        vec![
            ["a/x".to_owned(), "d/x".to_owned()],
            ["b/x".to_owned(), "d/x".to_owned()],
            ["c/x".to_owned(), "d/x".to_owned()],
        ]
    );
}

#[test]
fn same_source_disjoint_is_internal() {
    let findings = check(&[closed("a/x", "1", "2"), closed("a/y", "5", "6")]);
    assert_eq!(
        kinds(&findings),
        vec![(FindingKind::InternalContradiction, ids(&["a/x", "a/y"]))]
    );
    assert_eq!(findings[0].pairs.len(), 1);
}

#[test]
fn money_converts_at_the_claims_year_rate() {
    let findings = check_with(
        &[
            money(
                "euro/value",
                "200M EUR",
                200,
                "EUR",
                "199500000",
                "200500000",
            ),
            number(
                "usd/value",
                Dimension::Money(Currency::usd()),
                Bound::Unbounded,
                Bound::Included(d("150000000")),
            ),
        ],
        &[(2023, "EUR", "1.0813")],
    );
    assert_eq!(
        kinds(&findings),
        vec![(
            FindingKind::Contradiction,
            ids(&["euro/value", "usd/value"])
        )]
    );
    let finding = &findings[0];
    assert_eq!(
        finding.explanation,
        "'200M EUR' is 216.26M USD at 1.0813 USD per EUR (2023); \
         '200M EUR' (215.72M..216.8M USD) is above 'usd/value' (up to 150M USD): \
         they cannot both be true"
    );
    assert_eq!(
        finding.conversions,
        vec![Conversion {
            claim: ClaimId("euro/value".into()),
            from: "EUR".to_owned(),
            to: "USD".to_owned(),
            rate: "1.0813".to_owned(),
            year: 2023,
            written: "200M EUR".to_owned(),
            converted: "216.26M USD".to_owned(),
        }]
    );
}

#[test]
fn no_rate_is_incomparable_never_equal_or_different() {
    let findings = check(&[
        money("a/v", "200M EUR", 200, "EUR", "199500000", "200500000"),
        money("b/v", "200M USD", 200, "USD", "199500000", "200500000"),
    ]);
    assert_eq!(
        kinds(&findings),
        vec![(FindingKind::Incomparable, ids(&["a/v", "b/v"]))]
    );
    assert_eq!(findings[0].comparisons[0].code, ReasonCode::NoRate);
    // A rate for another year does not apply.
    let other_year = check_with(
        &[
            money("a/v", "200M EUR", 200, "EUR", "199500000", "200500000"),
            money("b/v", "200M USD", 200, "USD", "199500000", "200500000"),
        ],
        &[(2022, "EUR", "1.05")],
    );
    assert_eq!(other_year[0].kind, FindingKind::Incomparable);
}

#[test]
fn two_currencies_other_than_usd_meet_in_usd() {
    // 200M EUR = 216.26M USD; 2,196M MAD = 216.306M USD: overlapping.
    let findings = check_with(
        &[
            money("a/v", "200M EUR", 200, "EUR", "199500000", "200500000"),
            money("b/v", "2196M MAD", 2196, "MAD", "2195500000", "2196500000"),
        ],
        &[(2023, "EUR", "1.0813"), (2023, "MAD", "0.0985")],
    );
    assert_eq!(
        kinds(&findings),
        vec![(FindingKind::Compatible, ids(&["a/v", "b/v"]))]
    );
    let from: Vec<&str> = findings[0]
        .conversions
        .iter()
        .map(|c| c.from.as_str())
        .collect();
    assert_eq!(from, vec!["EUR", "MAD"]);
}

#[test]
fn different_dimensions_are_incomparable() {
    let findings = check(&[
        number(
            "a/v",
            Dimension::Length,
            Bound::Included(d("1")),
            Bound::Excluded(d("2")),
        ),
        number(
            "b/v",
            Dimension::Mass,
            Bound::Included(d("1")),
            Bound::Excluded(d("2")),
        ),
    ]);
    assert_eq!(
        kinds(&findings),
        vec![(FindingKind::Incomparable, ids(&["a/v", "b/v"]))]
    );
    assert_eq!(
        findings[0].comparisons[0].code,
        ReasonCode::DifferentDimensions
    );
}

#[test]
fn claims_about_different_times_are_never_compared() {
    let year = |y: i64| {
        let start = crate::value::calendar::days_from_civil(y, 1, 1) * describe::MINUTES_PER_DAY;
        let end = crate::value::calendar::days_from_civil(y + 1, 1, 1) * describe::MINUTES_PER_DAY;
        TimeSet::Span(Interval::half_open(start, end).unwrap())
    };
    let mut a = closed("a/rank", "3", "3");
    a.as_of = Some(year(2023));
    let mut b = closed("b/rank", "2", "2");
    b.as_of = Some(year(2025));
    assert_eq!(check(&[a.clone(), b.clone()]), vec![]);
    b.as_of = None;
    assert_eq!(check(&[a, b])[0].kind, FindingKind::Contradiction);
}

#[test]
fn agreement_counts_independent_origins() {
    let a = citing(closed("a/v", "1", "2"), &["Clash Report"]);
    let b = citing(closed("b/v", "1", "2"), &["clash report "]);
    let c = closed("c/v", "1", "2");
    let findings = check(&[a, b, c]);
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].kind, FindingKind::Agreement);
    assert_eq!(findings[0].independent_origins, 2);
    assert_eq!(
        findings[0].explanation,
        "3 claims state the same value, 1..2. \
         3 sources, 2 independent origins: a/v and b/v both cite Clash Report"
    );
}

#[test]
fn texts_agree_vary_or_contradict() {
    let findings = check(&[
        text("a/s", "Barak 8"),
        text("b/s", "barak 8"),
        text("c/s", "Barak MX"),
        text("d/s", "Spyder"),
    ]);
    assert_eq!(
        kinds(&findings),
        vec![
            (
                FindingKind::Contradiction,
                ids(&["a/s", "b/s", "c/s", "d/s"])
            ),
            (FindingKind::NamingVariant, ids(&["a/s", "b/s", "c/s"])),
            (FindingKind::Agreement, ids(&["a/s", "b/s"])),
        ]
    );
}

#[test]
fn sets_equal_subset_or_contradiction() {
    let findings = check(&[
        set("a/m", &["Morocco", "Israel"]),
        set("b/m", &["israel", "MOROCCO"]),
        set("c/m", &["Morocco", "Israel", "USA"]),
        set("d/m", &["Morocco", "France"]),
        set("e/m", &["Barak 8"]),
        set("f/m", &["براك"]),
    ]);
    let agreement: Vec<_> = findings
        .iter()
        .filter(|f| f.kind == FindingKind::Agreement)
        .map(|f| f.claims.iter().map(|c| c.0.to_string()).collect::<Vec<_>>())
        .collect();
    assert_eq!(agreement, vec![ids(&["a/m", "b/m"]), ids(&["e/m", "f/m"])]);
    let compatible = findings
        .iter()
        .find(|f| f.kind == FindingKind::Compatible)
        .unwrap();
    assert_eq!(compatible.claims.len(), 3);
    let contradiction = findings
        .iter()
        .find(|f| f.kind == FindingKind::Contradiction)
        .unwrap();
    assert!(
        contradiction
            .pairs
            .contains(&[ClaimId("a/m".into()), ClaimId("d/m".into())])
    );
}

#[test]
fn null_and_mixed_kinds_are_their_own_findings() {
    let unreadable = claim("a/v", "null", Value::Unreadable, Denotation::Unreadable);
    let findings = check(&[unreadable, closed("b/v", "1", "2"), text("c/v", "Barak 8")]);
    assert_eq!(
        kinds(&findings),
        vec![
            (FindingKind::MixedKinds, ids(&["b/v", "c/v"])),
            (FindingKind::Unreadable, ids(&["a/v"])),
        ]
    );
}

#[test]
fn findings_do_not_depend_on_claim_order() {
    let claims = vec![
        closed("a/x", "10", "20"),
        closed("b/x", "12", "15"),
        closed("c/x", "30", "40"),
        text("d/y", "Barak 8"),
        text("e/y", "Barak MX"),
    ];
    let mut reversed = claims.clone();
    reversed.reverse();
    assert_eq!(check(&claims), check(&reversed));
}

#[test]
fn codes_are_kebab_case_and_unique() {
    let mut all: Vec<String> = Vec::new();
    all.extend(
        FindingKind::ALL
            .iter()
            .map(|k| format!("finding-kind {}", k.name())),
    );
    all.extend(Verdict::ALL.iter().map(|v| format!("verdict {}", v.name())));
    all.extend(
        ReasonCode::ALL
            .iter()
            .map(|c| format!("reason {}", c.name())),
    );
    all.extend(CHECKS.iter().map(|c| format!("check {}", c.code.name())));
    for name in &all {
        let code = name.split(' ').nth(1).unwrap();
        assert!(
            code.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "{code}"
        );
    }
    let unique: std::collections::BTreeSet<&String> = all.iter().collect();
    assert_eq!(unique.len(), all.len());
}
