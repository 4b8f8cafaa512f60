//! A hand-built project and its findings, for testing the renderers apart
//! from the loader, linker and checker: three sources (Arabic quotes), a
//! money conversion, and a finding of every kind ([`FindingKind::ALL`]; a
//! test fails when a kind has none), and curation warnings.
//!
//! `Fixture::with_payload` puts a string into every field a claim file (or a
//! curator) controls, for the escaping tests.

// Test support: a panic here is a failing test, as in `#[test]` functions.
#![allow(dead_code, clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::ops::Bound;

use crosscheck::check::describe;
use crosscheck::check::finding::{ReasonCode, Verdict};
use crosscheck::check::{
    CheckCode, CheckOutcome, ClaimFacts, Conversion, Finding, FindingKind, PairComparison,
};
use crosscheck::diagnostic::{Diagnostic, DiagnosticCode, Label, Level};
use crosscheck::model::{
    Claim, ClaimId, ClaimMore, Document, Files, LineColumn, Project, Quote, QuoteLocation,
    Settings, Source, Span,
};
use crosscheck::report::ReportInput;
use crosscheck::value::{
    Currency, Denotation, Dimension, Interval, NumericSet, SetRelation, TimeSet, Value,
};
use rust_decimal::Decimal;

/// Built once per test and leaked: the checker's facts borrow from the
/// project, as they do in a real run.
pub struct Fixture {
    pub project: &'static Project,
    pub outcome: CheckOutcome,
    /// Every claim as the checker would resolve it, in project order.
    pub facts: Vec<ClaimFacts<'static>>,
    pub warnings: Vec<Diagnostic>,
}

/// What the fixture says the linker and the value grammar made of a claim.
struct Resolved {
    canonical_subject: String,
    denotation: Denotation,
    normalised: String,
}

struct ClaimSpec {
    id: &'static str,
    subject: &'static str,
    attribute: &'static str,
    written: &'static str,
    quote: &'static str,
    according_to: &'static [&'static str],
    note: Option<&'static str>,
    denotation: Denotation,
}

struct SourceSpec {
    id: &'static str,
    outlet: &'static str,
    title: &'static str,
    published: &'static str,
    document: &'static str,
    text: &'static str,
    claims: Vec<ClaimSpec>,
}

const DEAL: &str = "Barak MX air-defence deal";
const MINUTES_PER_DAY: i64 = 24 * 60;

/// A plain number `[lo + 0.5, hi - 0.5)`: an integer written to the unit.
fn plain(lo: i64, hi: i64) -> Denotation {
    Denotation::Numeric(NumericSet {
        dimension: Dimension::Pure,
        interval: Interval::half_open(
            Decimal::from(lo) + Decimal::new(5, 1),
            Decimal::from(hi) - Decimal::new(5, 1),
        )
        .unwrap(),
        rounded: None,
    })
}

fn usd(lo: i64, hi: i64) -> Denotation {
    money("USD", Decimal::from(lo), Decimal::from(hi))
}

fn money(currency: &str, lo: Decimal, hi: Decimal) -> Denotation {
    let code: [u8; 3] = currency.as_bytes().try_into().unwrap();
    Denotation::Numeric(NumericSet {
        dimension: Dimension::Money(Currency(code)),
        interval: Interval::closed(lo, hi).unwrap(),
        rounded: None,
    })
}

/// Days since 1970-01-01 as `[start, end)` in minutes.
fn days(first: i64, after_last: i64) -> Denotation {
    Denotation::Time(TimeSet::Span(
        Interval::half_open(first * MINUTES_PER_DAY, after_last * MINUTES_PER_DAY).unwrap(),
    ))
}

fn sources() -> Vec<SourceSpec> {
    vec![
        SourceSpec {
            id: "tanja7",
            outlet: "Tanja7",
            title: "ماذا تقول أرقام كلاش ريبورت",
            published: "2025",
            document: "seeds/tanja7.txt",
            text: "قالت الصحيفة إن الصفقة بلغت 200 مليون يورو.\nووقعت في 10 ديسمبر 2020، ثم أعيد توقيعها في يناير 2021.\nوكلفة الوحدة 20 مليون درهم.\nوتسلم المغرب 4000 طائرة مسيرة، أي 4150 بالضبط، ثم صحح الرقم إلى 4300.\n",
            claims: vec![
                ClaimSpec {
                    id: "drones",
                    subject: "صفقة باراك",
                    attribute: "drones",
                    written: "4,000",
                    quote: "وتسلم المغرب 4000 طائرة مسيرة",
                    according_to: &[],
                    note: None,
                    denotation: plain(3_999, 4_001),
                },
                ClaimSpec {
                    id: "drones-count",
                    subject: "صفقة باراك",
                    attribute: "drones",
                    written: "4,150",
                    quote: "أي 4150 بالضبط",
                    according_to: &["Clash Report"],
                    note: None,
                    denotation: plain(4_149, 4_151),
                },
                ClaimSpec {
                    id: "drones-revised",
                    subject: "صفقة باراك",
                    attribute: "drones",
                    written: "4,300",
                    quote: "ثم صحح الرقم إلى 4300",
                    according_to: &["Clash Report"],
                    note: Some("Supersedes tanja7/drones-count."),
                    denotation: plain(4_299, 4_301),
                },
                ClaimSpec {
                    id: "deal-value",
                    subject: "صفقة باراك",
                    attribute: "value",
                    written: "200M EUR",
                    quote: "بلغت 200 مليون يورو",
                    according_to: &["Clash Report"],
                    note: None,
                    denotation: money(
                        "EUR",
                        Decimal::from(199_500_000),
                        Decimal::from(200_500_000),
                    ),
                },
                ClaimSpec {
                    id: "signed",
                    subject: "صفقة باراك",
                    attribute: "signed",
                    written: "2020-12-10",
                    quote: "ووقعت في 10 ديسمبر 2020",
                    according_to: &[],
                    note: None,
                    denotation: days(18_606, 18_607),
                },
                ClaimSpec {
                    id: "signed-again",
                    subject: "صفقة باراك",
                    attribute: "signed",
                    written: "2021-01",
                    quote: "أعيد توقيعها في يناير 2021",
                    according_to: &[],
                    note: Some("Possibly a second signature; the article is unclear."),
                    denotation: days(18_628, 18_659),
                },
                ClaimSpec {
                    id: "cost-per-unit",
                    subject: "صفقة باراك",
                    attribute: "cost-per-unit",
                    written: "20M MAD",
                    quote: "وكلفة الوحدة 20 مليون درهم",
                    according_to: &[],
                    note: None,
                    denotation: money("MAD", Decimal::from(19_500_000), Decimal::from(20_500_000)),
                },
            ],
        },
        SourceSpec {
            id: "hespress",
            outlet: "Hespress",
            title: "صفقة الدفاع الجوي مع إسرائيل",
            published: "2023-05-02",
            document: "seeds/hespress.txt",
            text: "أبرم المغرب صفقة بقيمة تقارب 500 مليون دولار\nوقعت الصفقة في ديسمبر 2020.\nوعدد الوحدات ... غير مقروء.\nإسرائيل ثالث أكبر شريك تجاري للمغرب في 2023.\nوكلفة الوحدة 2 مليون دولار.\nالمنظومة باراك MX.\nالتسليم في 2024.\n",
            claims: vec![
                ClaimSpec {
                    id: "deal-value",
                    subject: DEAL,
                    attribute: "value",
                    written: "~500M USD",
                    quote: "بقيمة تقارب 500 مليون دولار",
                    according_to: &["Clash Report"],
                    note: Some("The article names no system; 2022 missile-defence deal."),
                    denotation: usd(450_000_000, 550_000_000),
                },
                ClaimSpec {
                    id: "signed",
                    subject: DEAL,
                    attribute: "signed",
                    written: "2020-12",
                    quote: "وقعت الصفقة في ديسمبر 2020",
                    according_to: &[],
                    note: None,
                    denotation: days(18_597, 18_628),
                },
                ClaimSpec {
                    id: "units",
                    subject: DEAL,
                    attribute: "count",
                    written: "null",
                    quote: "وعدد الوحدات ... غير مقروء",
                    according_to: &[],
                    note: Some("Digits lost in extraction."),
                    denotation: Denotation::Unreadable,
                },
                ClaimSpec {
                    id: "trade-rank",
                    subject: "Israel as Morocco's trade partner",
                    attribute: "rank",
                    written: "3rd",
                    quote: "ثالث أكبر شريك تجاري للمغرب",
                    according_to: &[],
                    note: None,
                    denotation: Denotation::Ordinal(3),
                },
                ClaimSpec {
                    id: "cost-per-unit",
                    subject: DEAL,
                    attribute: "cost-per-unit",
                    written: "2M USD",
                    quote: "وكلفة الوحدة 2 مليون دولار",
                    according_to: &[],
                    note: None,
                    denotation: usd(1_500_000, 2_500_000),
                },
                ClaimSpec {
                    id: "system",
                    subject: DEAL,
                    attribute: "system",
                    written: "باراك MX",
                    quote: "المنظومة باراك MX",
                    according_to: &[],
                    note: None,
                    denotation: Denotation::Text("باراك MX".to_owned()),
                },
                ClaimSpec {
                    id: "delivered",
                    subject: DEAL,
                    attribute: "delivered",
                    written: "2024",
                    quote: "التسليم في 2024",
                    according_to: &[],
                    note: None,
                    denotation: days(19_723, 20_089),
                },
            ],
        },
        SourceSpec {
            id: "le360",
            outlet: "Le360",
            title: "Le Maroc et Israël | chiffres",
            published: "2023",
            document: "seeds/le360.txt",
            text: "Un contrat qui ne dépasse pas 150 millions de dollars.\nIsraël, troisième partenaire commercial du Maroc.\nLe système Barak 8.\nLivré en troisième position.\n",
            claims: vec![
                ClaimSpec {
                    id: "deal-value",
                    subject: "Barak 8 deal",
                    attribute: "value",
                    written: "<=150M USD",
                    quote: "ne dépasse pas 150 millions de dollars",
                    according_to: &[],
                    note: None,
                    denotation: Denotation::Numeric(NumericSet {
                        dimension: Dimension::Money(Currency(*b"USD")),
                        interval: Interval::new(
                            Bound::Unbounded,
                            Bound::Included(Decimal::from(150_000_000)),
                        )
                        .unwrap(),
                        rounded: None,
                    }),
                },
                ClaimSpec {
                    id: "trade-rank",
                    subject: "Israel as Morocco's trade partner",
                    attribute: "rank",
                    written: "3rd",
                    quote: "troisième partenaire commercial du Maroc",
                    according_to: &[],
                    note: None,
                    denotation: Denotation::Ordinal(3),
                },
                ClaimSpec {
                    id: "system",
                    subject: "Barak 8 deal",
                    attribute: "system",
                    written: "Barak 8",
                    quote: "Le système Barak 8",
                    according_to: &[],
                    note: None,
                    denotation: Denotation::Text("Barak 8".to_owned()),
                },
                ClaimSpec {
                    id: "delivered",
                    subject: "Barak 8 deal",
                    attribute: "delivered",
                    written: "3rd",
                    quote: "Livré en troisième position",
                    according_to: &[],
                    note: None,
                    denotation: Denotation::Ordinal(3),
                },
            ],
        },
    ]
}

fn id(text: &str) -> ClaimId {
    ClaimId(text.into())
}

fn pair(a: &str, b: &str) -> [ClaimId; 2] {
    [id(a), id(b)]
}

fn findings() -> Vec<Finding> {
    let comparison = |a: &str, b: &str, relation: SetRelation, reason: &str| {
        let (verdict, code) = match relation {
            SetRelation::Equal => (Verdict::Agreement, ReasonCode::SameSet),
            SetRelation::Subset | SetRelation::Superset => {
                (Verdict::Compatible, ReasonCode::Nested)
            }
            SetRelation::Overlap => (Verdict::Compatible, ReasonCode::Overlapping),
            SetRelation::Disjoint => (Verdict::Contradiction, ReasonCode::Disjoint),
        };
        PairComparison {
            claims: pair(a, b),
            check: CheckCode::Numeric,
            verdict,
            relation: Some(relation),
            code,
            reason: crosscheck::check::Reason::text(reason.to_owned()),
            conversions: Box::default(),
        }
    };
    vec![
        Finding {
            kind: FindingKind::Rounding,
            subject: DEAL.to_owned(),
            attribute: "drones".to_owned(),
            claims: vec![id("tanja7/drones"), id("tanja7/drones-count")],
            pairs: vec![pair("tanja7/drones", "tanja7/drones-count")],
            sides: Vec::new(),
            not_compared: Vec::new(),
            by_value: false,
            explanation: "'4,000' and '4,150' differ by no more than rounding: '4,000' is a round figure, read as 3,800..4,200; '4,150' is 4,150"
                .to_owned(),
            comparisons: vec![PairComparison {
                claims: pair("tanja7/drones", "tanja7/drones-count"),
                check: CheckCode::Numeric,
                verdict: Verdict::Rounding,
                relation: Some(SetRelation::Disjoint),
                code: ReasonCode::WithinRounding,
                reason: crosscheck::check::Reason::text(
                    "'4,000' and '4,150' differ by no more than rounding: '4,000' is a round figure, read as 3,800..4,200; '4,150' is 4,150",
                ),
                conversions: Box::default(),
            }],
            conversions: vec![],
            independent_origins: 2,
        },
        Finding {
            kind: FindingKind::Revision,
            subject: DEAL.to_owned(),
            attribute: "drones".to_owned(),
            claims: vec![id("tanja7/drones-count"), id("tanja7/drones-revised")],
            pairs: vec![pair("tanja7/drones-count", "tanja7/drones-revised")],
            sides: Vec::new(),
            not_compared: Vec::new(),
            by_value: false,
            explanation: "Clash Report revised '4,150' to '4,300': up by 150".to_owned(),
            comparisons: vec![PairComparison {
                claims: pair("tanja7/drones-count", "tanja7/drones-revised"),
                check: CheckCode::Revisions,
                verdict: Verdict::Revision,
                relation: None,
                code: ReasonCode::Supersedes,
                reason: crosscheck::check::Reason::text("Clash Report revised '4,150' to '4,300': up by 150"),
                conversions: Box::default(),
            }],
            conversions: vec![],
            independent_origins: 1,
        },
        Finding {
            kind: FindingKind::MixedKinds,
            subject: DEAL.to_owned(),
            attribute: "delivered".to_owned(),
            claims: vec![id("hespress/delivered"), id("le360/delivered")],
            pairs: vec![],
            sides: Vec::new(),
            not_compared: Vec::new(),
            by_value: false,
            explanation: "'2024' is a date and '3rd' a position in an order: values of different kinds are never compared."
                .to_owned(),
            comparisons: vec![],
            conversions: vec![],
            independent_origins: 2,
        },
        Finding {
            kind: FindingKind::Incomparable,
            subject: DEAL.to_owned(),
            attribute: "cost-per-unit".to_owned(),
            claims: vec![id("hespress/cost-per-unit"), id("tanja7/cost-per-unit")],
            pairs: vec![],
            sides: Vec::new(),
            not_compared: Vec::new(),
            by_value: false,
            explanation: "crosscheck.toml has no MAD rate for 2025: '2M USD' and '20M MAD' cannot be compared."
                .to_owned(),
            comparisons: vec![PairComparison {
                claims: pair("hespress/cost-per-unit", "tanja7/cost-per-unit"),
                check: CheckCode::Numeric,
                verdict: Verdict::Incomparable,
                relation: None,
                code: ReasonCode::NoRate,
                reason: crosscheck::check::Reason::text("no MAD rate for 2025 in crosscheck.toml"),
                conversions: Box::default(),
            }],
            conversions: vec![],
            independent_origins: 2,
        },
        Finding {
            kind: FindingKind::NamingVariant,
            subject: DEAL.to_owned(),
            attribute: "system".to_owned(),
            claims: vec![id("hespress/system"), id("le360/system")],
            pairs: vec![],
            sides: Vec::new(),
            not_compared: Vec::new(),
            by_value: false,
            explanation: "'باراك MX' and 'Barak 8' are names of one registry entry (Barak MX)."
                .to_owned(),
            comparisons: vec![PairComparison {
                claims: pair("hespress/system", "le360/system"),
                check: CheckCode::Texts,
                verdict: Verdict::NamingVariant,
                relation: None,
                code: ReasonCode::RegistryAlias,
                reason: crosscheck::check::Reason::text("'باراك MX' and 'Barak 8' are aliases of the registry entry 'Barak MX'"),
                conversions: Box::default(),
            }],
            conversions: vec![],
            independent_origins: 2,
        },
        Finding {
            kind: FindingKind::Unreadable,
            subject: DEAL.to_owned(),
            attribute: "count".to_owned(),
            claims: vec![id("hespress/units")],
            pairs: vec![],
            sides: Vec::new(),
            not_compared: Vec::new(),
            by_value: false,
            explanation: "Hespress states the number of units, but the digits are unreadable."
                .to_owned(),
            comparisons: vec![],
            conversions: vec![],
            independent_origins: 1,
        },
        Finding {
            kind: FindingKind::Contradiction,
            subject: DEAL.to_owned(),
            attribute: "value".to_owned(),
            claims: vec![
                id("hespress/deal-value"),
                id("le360/deal-value"),
                id("tanja7/deal-value"),
            ],
            pairs: vec![
                pair("hespress/deal-value", "le360/deal-value"),
                pair("hespress/deal-value", "tanja7/deal-value"),
                pair("le360/deal-value", "tanja7/deal-value"),
            ],
            sides: Vec::new(),
            not_compared: Vec::new(),
            by_value: false,
            explanation: "200M EUR is 216.26M USD at 1.0813 (2023), above 'up to 150M USD' and below 'about 500M USD' (450M..550M USD)."
                .to_owned(),
            comparisons: vec![
                comparison(
                    "hespress/deal-value",
                    "le360/deal-value",
                    SetRelation::Disjoint,
                    "450M..550M USD is above up to 150M USD",
                ),
                comparison(
                    "hespress/deal-value",
                    "tanja7/deal-value",
                    SetRelation::Disjoint,
                    "450M..550M USD is above 215.72M..216.80M USD",
                ),
                comparison(
                    "le360/deal-value",
                    "tanja7/deal-value",
                    SetRelation::Disjoint,
                    "up to 150M USD is below 215.72M..216.80M USD",
                ),
            ],
            conversions: vec![Conversion {
                claim: id("tanja7/deal-value"),
                from: "EUR".to_owned(),
                to: "USD".to_owned(),
                rate: "1.0813".to_owned(),
                year: 2023,
                written: "200M EUR".to_owned(),
                converted: "216.26M USD".to_owned(),
            }],
            independent_origins: 2,
        },
        Finding {
            kind: FindingKind::Contradiction,
            subject: DEAL.to_owned(),
            attribute: "signed".to_owned(),
            claims: vec![id("hespress/signed"), id("tanja7/signed-again")],
            pairs: vec![pair("hespress/signed", "tanja7/signed-again")],
            sides: Vec::new(),
            not_compared: Vec::new(),
            by_value: false,
            explanation: "December 2020 and January 2021 do not overlap.".to_owned(),
            comparisons: vec![comparison(
                "hespress/signed",
                "tanja7/signed-again",
                SetRelation::Disjoint,
                "2020-12 ends before 2021-01 starts",
            )],
            conversions: vec![],
            independent_origins: 2,
        },
        Finding {
            kind: FindingKind::InternalContradiction,
            subject: DEAL.to_owned(),
            attribute: "signed".to_owned(),
            claims: vec![id("tanja7/signed"), id("tanja7/signed-again")],
            pairs: vec![pair("tanja7/signed", "tanja7/signed-again")],
            sides: Vec::new(),
            not_compared: Vec::new(),
            by_value: false,
            explanation: "Tanja7 gives two signing dates, 2020-12-10 and 2021-01, that do not overlap."
                .to_owned(),
            comparisons: vec![comparison(
                "tanja7/signed",
                "tanja7/signed-again",
                SetRelation::Disjoint,
                "2020-12-10 is before 2021-01",
            )],
            conversions: vec![],
            independent_origins: 1,
        },
        Finding {
            kind: FindingKind::Compatible,
            subject: DEAL.to_owned(),
            attribute: "signed".to_owned(),
            claims: vec![id("hespress/signed"), id("tanja7/signed")],
            pairs: vec![],
            sides: Vec::new(),
            not_compared: Vec::new(),
            by_value: false,
            explanation: "2020-12-10 lies inside December 2020: the same date, one more precise."
                .to_owned(),
            comparisons: vec![comparison(
                "hespress/signed",
                "tanja7/signed",
                SetRelation::Superset,
                "2020-12 contains 2020-12-10",
            )],
            conversions: vec![],
            independent_origins: 2,
        },
        Finding {
            kind: FindingKind::Agreement,
            subject: "Israel as Morocco's trade partner".to_owned(),
            attribute: "rank".to_owned(),
            claims: vec![id("hespress/trade-rank"), id("le360/trade-rank")],
            pairs: vec![],
            sides: Vec::new(),
            not_compared: Vec::new(),
            by_value: false,
            explanation: "Both sources rank Israel 3rd.".to_owned(),
            comparisons: vec![comparison(
                "hespress/trade-rank",
                "le360/trade-rank",
                SetRelation::Equal,
                "3rd equals 3rd",
            )],
            conversions: vec![],
            independent_origins: 2,
        },
    ]
}

impl Fixture {
    pub fn new() -> Fixture {
        Fixture::build(None)
    }

    /// The fixture with `payload` in every string a claim file controls.
    pub fn with_payload(payload: &str) -> Fixture {
        Fixture::build(Some(payload))
    }

    fn build(payload: Option<&str>) -> Fixture {
        let taint = |text: &str| match payload {
            Some(payload) => format!("{text} {payload}"),
            None => text.to_owned(),
        };
        let mut files = Files::default();
        let mut sources = Vec::new();
        let mut claims = BTreeMap::new();
        for spec in sources_sorted() {
            let claim_file = format!("claims/{}.json", spec.id);
            let claim_text = claim_file_text(&spec);
            let file = files.add(&claim_file, claim_text.clone());
            let document_text = taint(spec.text);
            let document_file = files.add(spec.document, document_text.clone());
            let mut source_claims = Vec::new();
            for claim in &spec.claims {
                let global = ClaimId::new(spec.id, claim.id);
                let quote_text = taint(claim.quote);
                let start = document_text.find(claim.quote).unwrap();
                let end = start + quote_text.len().min(document_text.len() - start);
                let in_claims = claim_text.find(&format!("\"{}\"", claim.id)).unwrap();
                source_claims.push(Claim {
                    id: global.clone(),
                    subject: taint(claim.subject).into(),
                    attribute: claim.attribute.into(),
                    value: Value::Text(claim.written.to_owned()),
                    value_written: taint(claim.written).into(),
                    quote: Some(Box::new(Quote {
                        text: quote_text,
                        location: Some(QuoteLocation {
                            span: Span {
                                file: document_file,
                                bytes: start..end,
                            },
                            start: LineColumn::of(&document_text, start),
                            end: LineColumn::of(&document_text, end),
                        }),
                    })),
                    as_of: None,
                    more: ClaimMore {
                        according_to: claim.according_to.iter().map(|name| taint(name)).collect(),
                        note: claim.note.map(|note| taint(note).into()),
                        ..ClaimMore::default()
                    }
                    .boxed(),
                    span: Span {
                        file,
                        bytes: in_claims..in_claims + claim.id.len(),
                    },
                });
                let canonical = if claim.subject.starts_with("Israel") {
                    claim.subject.to_owned()
                } else {
                    DEAL.to_owned()
                };
                claims.insert(
                    global,
                    Resolved {
                        canonical_subject: taint(&canonical),
                        denotation: claim.denotation.clone(),
                        normalised: taint(&describe::denotation(&claim.denotation)),
                    },
                );
            }
            sources.push(Source {
                id: spec.id.to_owned(),
                outlet: Some(taint(spec.outlet)),
                title: Some(taint(spec.title)),
                published: None,
                published_written: Some(spec.published.to_owned()),
                language: Some(if spec.id == "le360" { "fr" } else { "ar" }.to_owned()),
                document: Some(Document {
                    path: spec.document.to_owned(),
                    file: document_file,
                }),
                url: payload.map(|payload| format!("https://example.org/{payload}")),
                file,
                claims: source_claims,
            });
        }
        // A settings warning (one place, one help) and a curation warning
        // (two places in two files, Arabic in the message, two helps, a
        // note): every part of a warning the reports lay out.
        let settings_text = "[link]\nfuzzy_treshold = 0.9\n";
        let settings = files.add("crosscheck.toml", settings_text);
        let at = settings_text.find("fuzzy_treshold").unwrap();
        let subject_place = |name: &str, subject: &str| {
            let file = (0..)
                .find(|&id| files.get(id).unwrap().name == name)
                .unwrap();
            let written = format!("\"{subject}\"");
            let at = files.text(file).find(&written).unwrap();
            Span {
                file,
                bytes: at..at + written.len(),
            }
        };
        let barak_ar = subject_place("claims/tanja7.json", "صفقة باراك");
        let barak_en = subject_place("claims/le360.json", "Barak 8 deal");
        let warnings = vec![
            Diagnostic {
                level: Level::Warning,
                code: DiagnosticCode::UnknownSetting,
                message: taint("unknown key `link.fuzzy_treshold` | ignored"),
                labels: vec![Label {
                    span: Span {
                        file: settings,
                        bytes: at..at + "fuzzy_treshold".len(),
                    },
                    message: "not a setting".to_owned(),
                    primary: true,
                }],
                help: vec![taint("did you mean `link.fuzzy_threshold`?")],
                notes: vec![],
            },
            Diagnostic {
                level: Level::Warning,
                code: DiagnosticCode::CrossScriptSubjectNames,
                message: taint(
                    "subject names \"صفقة باراك\" and \"Barak 8 deal\" may be one name in two scripts",
                ),
                labels: vec![
                    Label {
                        span: barak_en,
                        message: "and this one".to_owned(),
                        primary: false,
                    },
                    Label {
                        span: barak_ar,
                        message: "this name".to_owned(),
                        primary: true,
                    },
                ],
                help: vec![
                    taint("if they name one thing, list both under one entry"),
                    taint("if they do not, add them to \"distinct\""),
                ],
                notes: vec![taint("their subjects: \"صفقة باراك\" and \"Barak 8 deal\"")],
            },
        ];
        let mut findings = findings();
        if payload.is_some() {
            for finding in &mut findings {
                finding.subject = taint(&finding.subject);
                finding.attribute = taint(&finding.attribute);
                finding.explanation = taint(&finding.explanation);
            }
        }
        let project: &'static Project = Box::leak(Box::new(Project {
            root: "/nonexistent/absolute/root".into(),
            settings: Settings::default(),
            registry: Default::default(),
            sources,
            files,
            warnings: Vec::new(),
        }));
        let facts = project
            .claims()
            .map(|(source, claim)| {
                let resolved = claims.remove(&claim.id).unwrap();
                ClaimFacts {
                    claim,
                    source: &source.id,
                    subject: resolved.canonical_subject.leak(),
                    denotation: Ok(resolved.denotation),
                    denoted: resolved.normalised.into(),
                    as_of: None,
                    rate_year: None,
                }
            })
            .collect();
        Fixture {
            project,
            outcome: CheckOutcome {
                findings,
                timelines: Vec::new(),
                consensus: None,
                detail: crosscheck::check::Detail::Attention,
            },
            facts,
            warnings,
        }
    }

    pub fn input(&self) -> ReportInput<'_> {
        ReportInput::new(self.project, &self.facts, &self.outcome, &self.warnings)
    }
}

/// Sources sorted by id, as the loader hands them on.
fn sources_sorted() -> Vec<SourceSpec> {
    let mut specs = sources();
    specs.sort_by_key(|spec| spec.id);
    specs
}

fn claim_file_text(spec: &SourceSpec) -> String {
    let claims: Vec<serde_json::Value> = spec
        .claims
        .iter()
        .map(|claim| {
            serde_json::json!({
                "id": claim.id,
                "subject": claim.subject,
                "attribute": claim.attribute,
                "value": claim.written,
                "quote": claim.quote,
            })
        })
        .collect();
    let file = serde_json::json!({
        "source": { "id": spec.id, "outlet": spec.outlet, "document": spec.document },
        "claims": claims,
    });
    serde_json::to_string_pretty(&file).unwrap()
}
