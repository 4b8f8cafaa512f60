//! Linking rules of docs/claim-format.md ("Linking subjects"), one fixture
//! per rule under `tests/fixtures/linking/<case>/input.json`, each
//! snapshotting the `crosscheck subjects` listing; plus targeted assertions
//! on the structured result, and the graph built from a project.
//!
//! A fixture holds the claims' subjects (one entry per claim) and an
//! optional registry (`subjects` with aliases, `distinct` pairs).

// Helpers outside #[test] functions are not covered by .clippy.toml's
// allow-unwrap-in-tests; a panic here is still just a failing test.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crosscheck::commands::subjects::render;
use crosscheck::link::{
    LinkReason, Linking, SubjectGraph, SuggestionKind, ValueAliases, Veto, link_names,
};
use crosscheck::model::{
    Claim, ClaimId, Files, Project, Registry, RegistryEntry, Settings, Source, Span,
};
use crosscheck::value::Value;

#[derive(serde::Deserialize)]
struct Fixture {
    claims: Vec<String>,
    #[serde(default)]
    registry: FixtureRegistry,
    /// `[link] fuzzy_threshold`: the curator's opt-in to fuzzy links.
    #[serde(default)]
    fuzzy_threshold: Option<f64>,
}

#[derive(serde::Deserialize, Default)]
struct FixtureRegistry {
    #[serde(default)]
    subjects: Vec<FixtureEntry>,
    #[serde(default)]
    distinct: Vec<(String, String)>,
}

#[derive(serde::Deserialize)]
struct FixtureEntry {
    name: String,
    aliases: Vec<String>,
}

fn fixture_dir(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/linking")
        .join(case)
}

fn registry(fixture: &FixtureRegistry) -> Registry {
    Registry {
        subjects: fixture
            .subjects
            .iter()
            .map(|e| RegistryEntry {
                name: e.name.clone(),
                aliases: e.aliases.clone(),
                span: None,
            })
            .collect(),
        values: Vec::new(),
        distinct: fixture.distinct.clone(),
    }
}

/// Links a fixture's names as a project would: one claim per entry of
/// `claims`, the fixture's registry and threshold. Returns the result and
/// the `crosscheck subjects` listing, which is read from the subject graph.
fn link_case(case: &str) -> (Linking, String) {
    let text = std::fs::read_to_string(fixture_dir(case).join("input.json")).unwrap();
    let fixture: Fixture = serde_json::from_str(&text).unwrap();
    let mut settings = Settings::default();
    settings.link.fuzzy_threshold = fixture.fuzzy_threshold;
    let claims = fixture
        .claims
        .iter()
        .enumerate()
        .map(|(i, subject)| claim("fixture", &format!("c{i}"), subject))
        .collect();
    let mut files = Files::default();
    files.add("claims/fixture.json", "{}");
    let project = Project {
        root: PathBuf::from("."),
        settings,
        registry: registry(&fixture.registry),
        sources: vec![source("fixture", claims)],
        files,
        warnings: Vec::new(),
    };
    let graph = SubjectGraph::build(&project);
    let mut out = Vec::new();
    render(&graph, &project.settings.link, &mut out).unwrap();
    (graph.linking().clone(), String::from_utf8(out).unwrap())
}

fn snapshot(case: &str) -> Linking {
    let (linking, listing) = link_case(case);
    insta::assert_snapshot!(case, listing);
    linking
}

fn subject_names(linking: &Linking) -> Vec<&str> {
    linking.subjects.iter().map(|s| s.name.as_str()).collect()
}

#[test]
fn registry_alias() {
    let linking = snapshot("registry_alias");
    assert_eq!(subject_names(&linking), ["Barak MX air-defence deal"]);
    assert!(linking.links.iter().all(|l| matches!(
        &l.reason,
        LinkReason::RegistryAlias { entry } if entry == "Barak MX air-defence deal"
    )));
    assert_eq!(linking.links.len(), 3);
}

#[test]
fn equal_after_normalisation() {
    let linking = snapshot("equal_after_normalisation");
    assert_eq!(linking.subjects.len(), 2);
    // "The" and the Arabic article are the article rule, not normalisation.
    assert!(linking.links.iter().all(|l| matches!(
        l.reason,
        LinkReason::EqualAfterNormalisation
            | LinkReason::Rule(crosscheck::link::rules::NameRule::ArticleOrStopWord)
    )));
    assert_eq!(linking.links.len(), 3);
}

#[test]
fn similarity() {
    let linking = snapshot("similarity");
    assert_eq!(linking.subjects.len(), 2);
    let [link] = linking.links.as_slice() else {
        panic!("{:?}", linking.links)
    };
    let LinkReason::Similar { measure, score } = link.reason else {
        panic!("{link:?}")
    };
    assert_eq!(measure, "levenshtein");
    // One letter of 26 differs.
    assert!((score - (1.0 - 1.0 / 26.0)).abs() < 1e-9, "{score}");
}

#[test]
fn digits_never_link() {
    let linking = snapshot("digits_never_link");
    assert_eq!(linking.subjects.len(), 4);
    assert!(linking.links.is_empty());
    // Not even suggested: different figures name different things.
    assert!(linking.suggestions.is_empty());
}

#[test]
fn distinct_veto_transitive() {
    let linking = snapshot("distinct_veto_transitive");
    assert_eq!(
        subject_names(&linking),
        ["Elbit artilery deal", "Elbit artillery deal"]
    );
    // "artillery deals" joins "artillery deal" (0.95) first; then both the
    // direct link to "artilery deal" and the transitive one through
    // "artillery deal" are refused.
    assert_eq!(linking.vetoes.len(), 2);
    assert!(linking.vetoes.iter().all(|v| v.veto
        == Veto::Distinct {
            a: "Elbit artilery deal".into(),
            b: "Elbit artillery deals".into()
        }));
    assert!(
        linking
            .vetoes
            .iter()
            .any(|v| v.a == "Elbit artilery deal" && v.b == "Elbit artillery deal"),
        "the transitive veto: {:?}",
        linking.vetoes
    );
}

#[test]
fn cross_script_and_close_names() {
    let linking = snapshot("cross_script_and_close_names");
    assert_eq!(linking.subjects.len(), 4);
    assert!(linking.links.is_empty());
    let kinds: Vec<_> = linking
        .suggestions
        .iter()
        .map(|s| (s.a.as_str(), s.b.as_str(), &s.kind))
        .collect();
    assert!(
        matches!(
            kinds.as_slice(),
            [
                ("Barak", "باراك", SuggestionKind::CrossScript { .. }),
                (
                    "drone factories",
                    "drone factory",
                    SuggestionKind::CloseName { .. }
                ),
            ]
        ),
        "{kinds:?}"
    );
}

#[test]
fn canonical_name_choice() {
    let linking = snapshot("canonical_name_choice");
    // "Heron deal" is used twice; "Hermes 900 deal" and "hermes 900 deal"
    // once each, and the tie goes to the first in byte order.
    assert_eq!(subject_names(&linking), ["Hermes 900 deal", "Heron deal"]);
}

/// Normalised Levenshtein similarity of two names, as linking scores them.
fn whole_name_score(a: &str, b: &str) -> f64 {
    use crosscheck::text::normalize::normalize_name;
    strsim::normalized_levenshtein(&normalize_name(a), &normalize_name(b))
}

#[test]
fn spelling_variant_in_one_word() {
    let linking = snapshot("spelling_variant_in_one_word");
    // "Barak" / "Baraq" and "Gantz" / "Ganz" are spellings of one word: the
    // long names link, the short pair (0.80) is suggested.
    assert_eq!(linking.subjects.len(), 4, "{:?}", subject_names(&linking));
    let links: Vec<_> = linking
        .links
        .iter()
        .map(|l| (l.a.as_str(), l.b.as_str()))
        .collect();
    assert_eq!(
        links,
        [
            ("Barak deal with India", "Baraq deal with India"),
            ("Gantz visit to Rabat", "Ganz visit to Rabat"),
        ]
    );
    let [suggestion] = linking.suggestions.as_slice() else {
        panic!("{:?}", linking.suggestions)
    };
    assert_eq!(
        (suggestion.a.as_str(), suggestion.b.as_str()),
        ("Barak", "Baraq")
    );
}

#[test]
fn different_proper_noun_in_one_word() {
    let settings = Settings::default().link;
    // Each pair scores at or above a threshold as whole names (so the rule,
    // not the score, keeps them apart): two would link, two be suggested.
    let pairs = [
        (
            "2024 naval deal with Israel",
            "2024 naval deal with Isvigan",
        ),
        (
            "air-defence systems sale to Morocco signed in Rabat with France",
            "air-defence systems sale to Morocco signed in Rabat with Greece",
        ),
        (
            "France's rank among Morocco's security partners",
            "Israel's rank among Morocco's security partners",
        ),
        (
            "Morocco-Israel security cooperation agreement",
            "Morocco-Israel security cooperation agreement draft",
        ),
    ];
    let scores: Vec<f64> = pairs.iter().map(|(a, b)| whole_name_score(a, b)).collect();
    assert!(
        scores.iter().all(|&s| s >= settings.suggest_threshold),
        "{scores:?}"
    );
    // At or above the 0.90 a curator might opt in to.
    assert!(scores[1] >= 0.90, "{scores:?}");

    let linking = snapshot("different_proper_noun_in_one_word");
    assert_eq!(linking.subjects.len(), 8, "{:?}", subject_names(&linking));
    assert!(linking.links.is_empty(), "{:?}", linking.links);
    assert!(linking.suggestions.is_empty(), "{:?}", linking.suggestions);
}

/// Words moved cost an edit per character under Levenshtein: such names
/// are suggested as words moved, scored with each name's words sorted, and
/// never linked, even with fuzzy linking on. Digits still keep two years
/// apart, and a spelling difference besides the move ("acord",
/// "Brampton") is shown.
#[test]
fn words_moved_are_suggested_never_linked() {
    let linking = snapshot("words_moved");
    assert!(linking.links.is_empty(), "{:?}", linking.links);
    let suggested: Vec<(&str, &str, String)> = linking
        .suggestions
        .iter()
        .map(|s| {
            let SuggestionKind::WordsMoved { score } = s.kind else {
                panic!("{s:?}")
            };
            (s.a.as_str(), s.b.as_str(), s.words_moved(score))
        })
        .collect();
    assert_eq!(
        suggested,
        [
            (
                "2025 US-Saudi arms deal",
                "US-Saudi arms deal (2025)",
                "the same words in another order (levenshtein of the words sorted 1.00)".to_owned()
            ),
            // Suggested as "Brampton township, michigan" / "Hampton
            // township, michigan" are; scored 0.92 with the words sorted,
            // above the fuzzy threshold of 0.90, and still not linked.
            (
                "Hampton township, Michigan",
                "Michigan Brampton township",
                "words in another order, and \"hampton\" / \"brampton\" (levenshtein of the words sorted 0.92)"
                    .to_owned()
            ),
            (
                "Israel Morocco security accord",
                "Morocco Israel security acord",
                "words in another order, and \"accord\" / \"acord\" (levenshtein of the words sorted 0.97)"
                    .to_owned()
            ),
        ]
    );
}

/// A claim with only what linking reads.
fn claim(source: &str, id: &str, subject: &str) -> Claim {
    let span = Span {
        file: 0,
        bytes: 0..0,
    };
    Claim {
        id: ClaimId::new(source, id),
        subject: subject.into(),
        attribute: "value".into(),
        value: Value::Text("x".to_string()),
        value_written: "x".into(),
        quote: None,
        as_of: None,
        more: None,
        span,
    }
}

fn source(id: &str, claims: Vec<Claim>) -> Source {
    Source {
        id: id.to_string(),
        outlet: None,
        title: None,
        published: None,
        published_written: None,
        language: None,
        document: None,
        url: None,
        file: 0,
        claims,
    }
}

#[test]
fn subject_graph_resolves_every_claim() {
    let mut files = Files::default();
    files.add("claims/a.json", "{}");
    let project = Project {
        root: PathBuf::from("."),
        settings: Settings::default(),
        registry: Registry {
            subjects: vec![RegistryEntry {
                name: "Barak MX air-defence deal".into(),
                aliases: vec!["صفقة باراك".into()],
                span: None,
            }],
            values: Vec::new(),
            distinct: Vec::new(),
        },
        sources: vec![
            source("a", vec![claim("a", "one", "صفقة باراك")]),
            source(
                "b",
                vec![
                    claim("b", "two", "The Barak MX air-defence deal"),
                    claim("b", "three", "Heron"),
                ],
            ),
        ],
        files,
        warnings: Vec::new(),
    };
    let graph = SubjectGraph::build(&project);
    let of = |id: &str| graph.canonical_subject(&ClaimId(id.into()));
    assert_eq!(of("a/one"), Some("Barak MX air-defence deal"));
    assert_eq!(of("b/two"), Some("Barak MX air-defence deal"));
    assert_eq!(of("b/three"), Some("Heron"));
    assert_eq!(of("b/four"), None);
    // 2 sources, 3 claims, 4 names (3 spellings + the registry's), 2 subjects.
    assert_eq!(graph.graph().node_count(), 2 + 3 + 4 + 2);
    let groups = graph.claims_by_subject();
    assert_eq!(groups["Barak MX air-defence deal"].len(), 2);
}

#[test]
fn value_aliases_resolve_under_name_normalisation() {
    let project = Project {
        root: PathBuf::from("."),
        settings: Settings::default(),
        registry: Registry {
            subjects: Vec::new(),
            values: vec![RegistryEntry {
                name: "Barak MX".into(),
                aliases: vec!["Barak 8".into(), "باراك MX".into(), "براك".into()],
                span: None,
            }],
            distinct: Vec::new(),
        },
        sources: Vec::new(),
        files: Files::default(),
        warnings: Vec::new(),
    };
    let aliases = ValueAliases::build(&project);
    assert_eq!(aliases.entry_of("barak-8"), Some("Barak MX"));
    assert_eq!(aliases.entry_of("البراك"), Some("Barak MX"));
    assert_eq!(aliases.entry_of("BARAK MX"), Some("Barak MX"));
    assert_eq!(aliases.entry_of("Barak 9"), None);
}

/// `canonical_subjects` (what the checker uses, to avoid a lookup
/// per claim) gives every claim the subject `canonical_subject` gives it, on
/// every checker fixture project and on the seed project.
#[test]
fn canonical_subjects_agree_with_the_lookup() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/checker");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .expect("the checker fixtures")
        .map(|entry| entry.expect("a fixture").path())
        .collect();
    dirs.sort();
    dirs.push(PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    let mut compared = 0;
    for dir in dirs {
        let Ok(project) = crosscheck::load::load_project(&dir) else {
            continue; // a fixture of invalid input
        };
        compared += 1;
        let graph = SubjectGraph::build(&project);
        let canonical = graph.canonical_subjects();
        let in_order: Vec<Option<&str>> = canonical.iter().collect();
        let looked_up: Vec<Option<&str>> = project
            .claims()
            .map(|(_, claim)| graph.canonical_subject(&claim.id))
            .collect();
        assert_eq!(in_order, looked_up, "{}", dir.display());
        assert!(looked_up.iter().any(Option::is_some), "{}", dir.display());
    }
    assert!(compared > 20, "only {compared} projects loaded");
}

#[test]
fn precision_rules_link_only_what_cannot_differ() {
    let linking = snapshot("precision_rules");
    let together = |a: &str, b: &str| {
        let (x, y) = (
            linking.subject_of(a).unwrap(),
            linking.subject_of(b).unwrap(),
        );
        x.name == y.name
    };
    assert!(together(
        "People missing after Derna flood",
        "People missing after the Derna flood"
    ));
    assert!(together("Knuth, Donald E.", "Donald E. Knuth"));
    assert!(together("al-Qaeda attack", "Qaeda attack"));
    assert!(together("al Qaeda attack", "Qaeda attack"));
    assert!(together("المغرب", "مغرب"));
    // An article of another language is part of the place name.
    assert!(!together("el lago, texas", "lago, texas"));
    assert!(!together("Al Gore visit", "Gore visit"));
    assert!(!together("2023 artillery deal", "2025 artillery deal"));
    assert!(
        linking
            .links
            .iter()
            .all(|l| !matches!(l.reason, LinkReason::Similar { .. }))
    );
}

#[test]
fn an_initial_links_only_where_it_fits_one_subject() {
    let linking = snapshot("initials");
    let subject = |n: &str| linking.subject_of(n).unwrap().name.clone();
    assert_eq!(subject("D. E. Knuth"), subject("Donald E. Knuth"));
    // "J. Smith" fits John and Jane: suggested with both, linked with neither.
    assert_ne!(subject("J. Smith"), subject("John Smith"));
    assert_ne!(subject("J. Smith"), subject("Jane Smith"));
    let ambiguous: Vec<_> = linking
        .suggestions
        .iter()
        .filter(|s| s.kind == SuggestionKind::AmbiguousInitials)
        .map(|s| (s.a.as_str(), s.b.as_str()))
        .collect();
    assert_eq!(ambiguous.len(), 2, "{ambiguous:?}");
    assert_ne!(subject("Plan"), subject("Plan A"));
}

#[test]
fn close_names_are_suggestions_and_a_rejected_pair_is_not() {
    let linking = snapshot("close_names_are_suggestions");
    assert_eq!(linking.subjects.len(), 4);
    assert!(linking.links.is_empty());
    let pairs: Vec<_> = linking
        .suggestions
        .iter()
        .map(|s| (s.a.as_str(), s.b.as_str(), &s.differing))
        .collect();
    assert!(pairs.contains(&(
        "Brampton township, michigan",
        "Hampton township, michigan",
        &("brampton".to_string(), "hampton".to_string())
    )));
    // The `distinct` pair (a rejected suggestion) is never suggested.
    assert!(
        !linking
            .suggestions
            .iter()
            .any(|s| s.a.starts_with("Eaton") && s.b.starts_with("Hatton")),
        "{pairs:?}"
    );
    // Ids are stable: a hash of the two normalised names, in either order.
    let id =
        crosscheck::link::suggestion_id("brampton township michigan", "hampton township michigan");
    assert!(linking.suggestions.iter().any(|s| s.id == id));
    assert_eq!(
        id,
        crosscheck::link::suggestion_id("hampton township michigan", "brampton township michigan")
    );
}

#[test]
fn arabic_and_latin_people_are_suggested_never_linked() {
    let linking = snapshot("cross_script_people");
    assert_eq!(linking.subjects.len(), 4);
    let pairs: Vec<_> = linking
        .suggestions
        .iter()
        .filter(|s| matches!(s.kind, SuggestionKind::CrossScript { .. }))
        .map(|s| (s.a.as_str(), s.b.as_str()))
        .collect();
    assert!(pairs.contains(&("Benny Gantz", "بيني جانتس")), "{pairs:?}");
    assert!(
        pairs.contains(&("Aviv Kochavi", "أفيف كوخافي")),
        "{pairs:?}"
    );
}

#[test]
fn a_distinct_pair_vetoes_a_rule_link_too() {
    let mut uses = BTreeMap::new();
    for name in [
        "Adams, Jackson",
        "Jackson Adams",
        "the Derna flood",
        "Derna flood",
    ] {
        uses.insert(name.to_string(), 1);
    }
    let registry = Registry {
        subjects: Vec::new(),
        values: Vec::new(),
        distinct: vec![
            ("Adams, Jackson".into(), "Jackson Adams".into()),
            ("the Derna flood".into(), "Derna flood".into()),
        ],
    };
    let linking = link_names(&uses, &registry, &Settings::default().link);
    assert_eq!(linking.subjects.len(), 4, "{:?}", subject_names(&linking));
    assert_eq!(linking.vetoes.len(), 2, "{:?}", linking.vetoes);
    assert!(linking.links.is_empty());
    assert!(linking.suggestions.is_empty());
}
