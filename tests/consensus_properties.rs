//! Laws of the consensus estimator (src/consensus): an exact copy of a
//! source changes no consensus, the order of sources changes nothing, and a
//! fact on which every claim agrees is confident.

use proptest::prelude::*;
use rust_decimal::Decimal;

use crosscheck::check::{ClaimFacts, ValueNames, denoted_text};
use crosscheck::consensus::{Consensus, estimate};
use crosscheck::model::{Claim, ClaimId};
use crosscheck::value::{DenoteContext, denote, parse_value_str};

struct PlainNames;

impl ValueNames for PlainNames {
    fn normalize(&self, name: &str) -> String {
        crosscheck::text::normalize::normalize_name(name)
    }
    fn entry_of(&self, _name: &str) -> Option<String> {
        None
    }
}

/// Values facts can take: some nested (`~500`, `hundreds`), some round.
const VALUES: &[&str] = &[
    "500",
    "512",
    "~500",
    "100..999",
    "700",
    "2020",
    "2020-12-10",
];

/// `(source, fact, value)` triples: what each source states.
type Statements = Vec<(usize, usize, usize)>;

fn claims(statements: &[(String, usize, usize)]) -> Vec<ClaimFacts<'static>> {
    let context = DenoteContext {
        approx_tolerance: Decimal::new(10, 2),
        rounding_tolerance: Decimal::new(5, 2),
        published: None,
    };
    statements
        .iter()
        .map(|(source, fact, value)| {
            let written = VALUES[*value];
            let parsed = parse_value_str(written).expect("the test's values parse");
            let denotation = denote(&parsed, &context);
            plain_claim(
                ClaimId::new(source, &format!("f{fact}")),
                source,
                leak(format!("subject {fact}")).as_str(),
                if written.starts_with("20") {
                    "date"
                } else {
                    "value"
                },
                parsed,
                written,
                denotation,
            )
        })
        .collect()
}

/// A claim with no `as_of`, quote, origin or revision.
fn plain_claim(
    id: ClaimId,
    source: &str,
    subject: &'static str,
    attribute: &'static str,
    value: crosscheck::value::Value,
    written: &'static str,
    denotation: Result<crosscheck::value::Denotation, crosscheck::value::denote::DenoteError>,
) -> ClaimFacts<'static> {
    let claim = Claim::by_hand(id, subject, attribute, value, written);
    ClaimFacts {
        denoted: denoted_text(&denotation).into(),
        ..ClaimFacts::by_hand(leak(claim), leak(source.to_owned()), denotation)
    }
}

fn leak<T>(value: T) -> &'static T {
    Box::leak(Box::new(value))
}

fn named(statements: &Statements) -> Vec<(String, usize, usize)> {
    statements
        .iter()
        .map(|&(s, f, v)| (format!("s{s}"), f, v))
        .collect()
}

/// Sources 0..4 each stating a value on two to four facts.
fn statements() -> impl Strategy<Value = Statements> {
    prop::collection::vec(
        prop::collection::btree_map(0..4usize, 0..VALUES.len(), 2..=4),
        2..=4,
    )
    .prop_map(|sources| {
        sources
            .into_iter()
            .enumerate()
            .flat_map(|(s, facts)| facts.into_iter().map(move |(f, v)| (s, f, v)))
            .collect()
    })
}

/// Per fact: subject, attribute, leading value, decided, confidence.
fn verdicts(consensus: &Consensus) -> Vec<(String, String, String, bool, f64)> {
    consensus
        .facts
        .iter()
        .map(|f| {
            (
                f.subject.clone(),
                f.attribute.clone(),
                f.leading.value.to_string(),
                f.decided,
                f.leading.confidence,
            )
        })
        .collect()
}

proptest! {
    #[test]
    fn an_exact_copy_of_a_source_changes_no_consensus(statements in statements(), copied in 0..4usize) {
        let original = named(&statements);
        let mut with_copy = original.clone();
        let copy: Vec<(String, usize, usize)> = original
            .iter()
            .filter(|(s, _, _)| *s == format!("s{copied}"))
            .map(|(_, f, v)| ("copy".to_owned(), *f, *v))
            .collect();
        prop_assume!(!copy.is_empty());
        with_copy.extend(copy);
        let before = estimate(&claims(&original), &PlainNames);
        let after = estimate(&claims(&with_copy), &PlainNames);
        let (before, after) = (verdicts(&before), verdicts(&after));
        prop_assert_eq!(before.len(), after.len());
        // The consensus (the report's `consensus`): the value when the
        // evidence decides, else none.
        for (b, a) in before.iter().zip(&after) {
            prop_assert_eq!((&b.0, &b.1, b.3.then_some(&b.2)), (&a.0, &a.1, a.3.then_some(&a.2)));
        }
    }

    #[test]
    fn the_order_of_sources_changes_nothing(statements in statements(), seed in any::<u64>()) {
        let original = named(&statements);
        let mut shuffled = original.clone();
        // A deterministic shuffle by the seed.
        shuffled.sort_by_key(|(s, f, v)| {
            let mut h = seed ^ (*f as u64) << 8 ^ (*v as u64) << 16;
            for b in s.bytes() {
                h = h.wrapping_mul(0x100000001b3) ^ u64::from(b);
            }
            h
        });
        let a = estimate(&claims(&original), &PlainNames);
        let b = estimate(&claims(&shuffled), &PlainNames);
        prop_assert_eq!(verdicts(&a), verdicts(&b));
        prop_assert_eq!(a.sources, b.sources);
        prop_assert_eq!(a.copy_groups, b.copy_groups);
    }

    #[test]
    fn a_fact_on_which_every_claim_agrees_is_confident(
        statements in statements(),
        value in 0..VALUES.len(),
        agreeing in 2..5usize,
    ) {
        // Fact 9 is stated alike by `agreeing` sources of their own.
        let mut all = named(&statements);
        for s in 0..agreeing {
            all.push((format!("agree{s}"), 9, value));
        }
        let consensus = estimate(&claims(&all), &PlainNames);
        let fact = consensus
            .facts
            .iter()
            .find(|f| f.subject == "subject 9")
            .expect("fact 9 is estimated");
        prop_assert!(fact.decided);
        prop_assert!(fact.leading.confidence >= 0.95, "confidence {}", fact.leading.confidence);
    }
}

#[test]
fn one_each_way_is_no_consensus() {
    let statements = vec![("a".to_owned(), 0, 0), ("b".to_owned(), 0, 4)];
    let consensus = estimate(&claims(&statements), &PlainNames);
    let fact = &consensus.facts[0];
    assert!(!fact.decided);
    assert!(
        (fact.leading.confidence - 0.5).abs() < 0.01,
        "{}",
        fact.leading.confidence
    );
    assert!(
        fact.summary().starts_with("no consensus"),
        "{}",
        fact.summary()
    );
}

#[test]
fn a_precise_value_inside_a_vague_one_is_preferred() {
    // "~500" allows "512": with one each, the precise value leads.
    let statements = vec![
        ("a".to_owned(), 0, 2),
        ("b".to_owned(), 0, 1),
        ("c".to_owned(), 0, 1),
    ];
    let consensus = estimate(&claims(&statements), &PlainNames);
    let fact = &consensus.facts[0];
    assert_eq!(fact.leading.value.to_string(), "512");
    assert!(fact.decided);
}

/// Set claims: `(source, members)` on one fact.
fn set_claims(lists: &[(&str, &[&str])]) -> Vec<ClaimFacts<'static>> {
    lists
        .iter()
        .map(|(source, members)| {
            let members: Vec<String> = members.iter().map(|m| (*m).to_owned()).collect();
            let denotation = Ok(crosscheck::value::Denotation::Set(members.clone()));
            plain_claim(
                ClaimId::new(source, "authors"),
                source,
                "a book",
                "authors",
                crosscheck::value::Value::Set(members.clone()),
                leak(members.join("; ")).as_str(),
                denotation,
            )
        })
        .collect()
}

/// Asserts that the one fact of `lists` leads with exactly `members`;
/// returns whether it is decided.
fn assert_leading_members(lists: &[(&str, &[&str])], members: &[&str]) -> bool {
    let consensus = estimate(&set_claims(lists), &PlainNames);
    let fact = &consensus.facts[0];
    assert_eq!(
        fact.leading.value,
        crosscheck::consensus::EstimateValue::Members(
            members.iter().map(|m| (*m).to_owned()).collect()
        ),
        "{}",
        fact.summary()
    );
    fact.decided
}

#[test]
fn a_set_is_voted_person_by_person_under_every_spelling() {
    // One person spelt three ways, one seller giving the first author
    // only, and one running two names together: two people, each written
    // as precisely as the sources that give more than a surname agree.
    let decided = assert_leading_members(
        &[
            ("a", &["Geary, David M.", "Horstmann, Cay S."]),
            ("b", &["David M. Geary", "Cay S. Horstmann"]),
            ("c", &["Geary, David", "Horstmann, Cay"]),
            ("d", &["Geary, David"]),
            ("e", &["Geary, David M. Horstmann", "Cay S."]),
        ],
        &["Geary, David M.", "Horstmann, Cay S."],
    );
    assert!(decided);
}

#[test]
fn a_name_that_runs_listed_names_together_lists_each_of_them() {
    // Two sellers give three authors, four give the first two, and three
    // run the three names together without a separator: those three list
    // all three authors, so the third has five sellers for and four silent.
    let three: &[&str] = &["Dowd, Mark", "McDonald, John", "Schuh, Justin"];
    let two: &[&str] = &["Dowd, Mark", "McDonald, John"];
    let run_together: &[&str] = &["Mark Dowd John McDonald Justin Schuh"];
    let lists = [
        ("a", three),
        ("b", &["Mark Dowd", "John McDonald", "Justin Schuh"]),
        ("c", two),
        ("d", two),
        ("e", two),
        ("f", two),
        ("g", run_together),
        ("h", run_together),
        ("i", run_together),
    ];
    assert_leading_members(&lists, three);
    // The run-together lists are what carry the third author.
    assert_leading_members(&lists[..6], two);
}

#[test]
fn a_given_name_shortened_is_the_same_author() {
    // Two sellers write `Daniel Jennings`, two `Jennings, Dan W`, and three
    // give the first author only: one second author with four sellers for
    // and three silent, not two authors with two each.
    let lists = [
        ("a", &["Daniel Jennings", "Joseph Boyce"][..]),
        ("b", &["Joseph Boyce", "Daniel Jennings"]),
        ("c", &["Boyce, Joseph G.", "Jennings, Dan W"]),
        ("d", &["Boyce, Joseph G", "Jennings, Dan W"]),
        ("e", &["Boyce, Joseph G"]),
        ("f", &["Boyce, Joseph"]),
        ("g", &["Boyce, Joseph G"]),
    ];
    assert_leading_members(&lists, &["Daniel Jennings", "Boyce, Joseph G."]);
}

#[test]
fn a_long_name_that_only_extends_a_listed_one_is_not_split() {
    // `محمد بن سلمان بن عبد العزيز` beside `محمد بن سلمان`: its remaining
    // words (`عبد العزيز`) are no listed name, so it is not read as names
    // run together; it stays a member as written. (That the shorter
    // spelling is not joined to it is the older rule that a fuller name
    // has at most one word more: `عبد العزيز` is two.) The same in Latin
    // script: `Mary Ann Smith Jones` beside `Mary Ann` only (no listed
    // `Smith Jones`) is one member.
    assert_leading_members(
        &[
            ("a", &["محمد بن سلمان بن عبد العزيز", "عبد الله بن زايد"]),
            ("b", &["محمد بن سلمان", "عبد الله بن زايد"]),
            ("c", &["محمد بن سلمان بن عبد العزيز", "عبد الله بن زايد"]),
        ],
        &["محمد بن سلمان بن عبد العزيز", "عبد الله بن زايد"],
    );
    assert_leading_members(
        &[
            ("a", &["Mary Ann Smith Jones"]),
            ("b", &["Mary Ann"]),
            ("c", &["Mary Ann Smith Jones"]),
        ],
        &["Mary Ann Smith Jones"],
    );
}

#[test]
fn two_lists_one_name_each_are_no_consensus() {
    // Each host has one list for it and one leaving it out: one each way,
    // as for a single value, decides nothing.
    let decided = assert_leading_members(
        &[
            ("a", &["Mohammed bin Salman"]),
            ("b", &["Mohammed bin Zayed"]),
        ],
        &["Mohammed bin Salman", "Mohammed bin Zayed"],
    );
    assert!(!decided);
    // A third list naming both backs each with two origins: decided.
    let decided = assert_leading_members(
        &[
            ("a", &["Mohammed bin Salman"]),
            ("b", &["Mohammed bin Zayed"]),
            ("c", &["Mohammed bin Salman", "Mohammed bin Zayed"]),
        ],
        &["Mohammed bin Salman", "Mohammed bin Zayed"],
    );
    assert!(decided);
}
