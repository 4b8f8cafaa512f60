//! The benchmark generator (examples/generate_project.rs) is only worth its
//! figures if its planted truth can be trusted: these tests check that it is
//! deterministic and that `truth.json` agrees with the claim files it wrote.

#[allow(dead_code, clippy::print_stderr)]
#[path = "../examples/generate_project.rs"]
mod generate_project;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use generate_project::{Config, generate, write_project};
use serde_json::Value as Json;

fn config(claims: usize, seed: u64, documents: bool) -> Config {
    Config {
        claims,
        sources: 7,
        subjects: claims / 15,
        seed,
        documents,
    }
}

fn write(config: &Config) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    write_project(&generate(config), dir.path()).expect("project written");
    dir
}

/// Every file under `root`, relative path → bytes.
fn files(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("readable directory") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).expect("readable file");
                out.insert(
                    path.strip_prefix(root).expect("under root").to_path_buf(),
                    bytes,
                );
            }
        }
    }
    out
}

fn read_json(path: &Path) -> Json {
    serde_json::from_str(&std::fs::read_to_string(path).expect("readable")).expect("valid JSON")
}

/// Global claim id → the claim object, from every claim file.
fn claims_of(root: &Path) -> BTreeMap<String, Json> {
    let mut claims = BTreeMap::new();
    for (path, _) in files(&root.join("claims")) {
        if path == Path::new("subjects.json") {
            continue;
        }
        let file = read_json(&root.join("claims").join(&path));
        let source = file["source"]["id"].as_str().expect("source id").to_owned();
        assert_eq!(
            path,
            PathBuf::from(format!("{source}.json")),
            "file named after its source"
        );
        for claim in file["claims"].as_array().expect("claims array") {
            let id = format!("{source}/{}", claim["id"].as_str().expect("claim id"));
            assert!(
                claims.insert(id.clone(), claim.clone()).is_none(),
                "duplicate claim id {id}"
            );
        }
    }
    claims
}

fn pairs(truth: &Json, key: &str) -> Vec<(String, String)> {
    truth[key]
        .as_array()
        .expect("pair list")
        .iter()
        .map(|pair| {
            let pair = pair.as_array().expect("pair");
            assert_eq!(pair.len(), 2, "{key}: a pair has two ids");
            (
                pair[0].as_str().expect("id").to_owned(),
                pair[1].as_str().expect("id").to_owned(),
            )
        })
        .collect()
}

#[test]
fn same_seed_writes_byte_identical_projects() {
    for documents in [false, true] {
        let first = write(&config(300, 42, documents));
        let second = write(&config(300, 42, documents));
        let (a, b) = (files(first.path()), files(second.path()));
        assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
        for (path, bytes) in &a {
            assert!(
                bytes == &b[path],
                "{} differs between two runs with one seed",
                path.display()
            );
        }
    }
}

#[test]
fn another_seed_writes_another_project() {
    let a = files(write(&config(300, 42, false)).path());
    let b = files(write(&config(300, 43, false)).path());
    assert_ne!(
        a.get(Path::new("truth.json")),
        b.get(Path::new("truth.json"))
    );
}

#[test]
fn truth_agrees_with_the_claim_files() {
    let dir = write(&config(3000, 7, false));
    let root = dir.path();
    let claims = claims_of(root);
    let truth = read_json(&root.join("truth.json"));
    assert_eq!(
        truth["claims"].as_u64(),
        Some(claims.len() as u64),
        "claim count"
    );
    assert_eq!(claims.len(), 3000);

    // Groups partition the claims; every claim of a group has its attribute
    // and a subject spelling of that group's canonical subject.
    let names = truth["subject_names"].as_object().expect("subject_names");
    let mut owner_of_spelling: BTreeMap<&str, &str> = BTreeMap::new();
    for (canonical, spellings) in names {
        for spelling in spellings.as_array().expect("spellings") {
            let spelling = spelling.as_str().expect("spelling");
            let previous = owner_of_spelling.insert(spelling, canonical);
            assert!(
                previous.is_none(),
                "spelling {spelling:?} used for two subjects"
            );
        }
    }
    let mut group_of: BTreeMap<String, usize> = BTreeMap::new();
    for (g, group) in truth["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .enumerate()
    {
        let subject = group["subject"].as_str().expect("subject");
        let attribute = group["attribute"].as_str().expect("attribute");
        for id in group["claims"].as_array().expect("group claims") {
            let id = id.as_str().expect("id");
            let claim = claims
                .get(id)
                .unwrap_or_else(|| panic!("group lists unknown claim {id}"));
            assert_eq!(claim["attribute"].as_str(), Some(attribute), "{id}");
            let spelling = claim["subject"].as_str().expect("subject");
            assert_eq!(
                owner_of_spelling.get(spelling),
                Some(&subject),
                "{id}: {spelling:?}"
            );
            assert!(
                group_of.insert(id.to_owned(), g).is_none(),
                "{id} in two groups"
            );
        }
    }
    assert_eq!(group_of.len(), claims.len(), "every claim is in a group");

    // Every listed pair: known claims, sorted, in one group, list sorted and unique.
    let contradictions = pairs(&truth, "contradictions");
    assert!(
        !contradictions.is_empty(),
        "some contradictions are planted"
    );
    let mut internal = 0;
    for key in [
        "contradictions",
        "compatible",
        "naming_variants",
        "as_of_separated",
    ] {
        let list = pairs(&truth, key);
        assert!(
            list.windows(2).all(|w| w[0] < w[1]),
            "{key} sorted and unique"
        );
        for (a, b) in &list {
            assert!(a < b, "{key}: pair ({a}, {b}) sorted");
            assert_eq!(
                group_of.get(a),
                group_of.get(b),
                "{key}: ({a}, {b}) in one group"
            );
            assert!(
                claims.contains_key(a) && claims.contains_key(b),
                "{key}: ({a}, {b}) exist"
            );
        }
        if key == "contradictions" {
            internal = list
                .iter()
                .filter(|(a, b)| a.split('/').next() == b.split('/').next())
                .count();
        }
    }
    assert_eq!(
        truth["internal_contradictions"].as_u64(),
        Some(internal as u64)
    );
    assert!(internal > 0, "some internal contradictions are planted");
    let contradiction_set: BTreeSet<_> = contradictions.iter().collect();
    for key in ["compatible", "naming_variants", "as_of_separated"] {
        let list = pairs(&truth, key);
        assert!(!list.is_empty(), "some {key} pairs are planted");
        for pair in &list {
            assert!(
                !contradiction_set.contains(pair),
                "{key} pair {pair:?} is also a contradiction"
            );
        }
    }
    // A contradiction pair never involves an unreadable value, and claims
    // with `as_of` are only paired within overlapping periods (same year here).
    for (a, b) in &contradictions {
        assert!(
            !claims[a]["value"].is_null() && !claims[b]["value"].is_null(),
            "({a}, {b})"
        );
        let year = |id: &String| claims[id]["as_of"].as_str().map(|s| s[..4].to_owned());
        assert_eq!(year(a), year(b), "({a}, {b}) compared across as_of years");
    }
    let groups_with_pairs: BTreeSet<_> = contradictions.iter().map(|(a, _)| group_of[a]).collect();
    assert_eq!(
        truth["contradiction_groups"].as_u64(),
        Some(groups_with_pairs.len() as u64)
    );
}

#[test]
fn every_value_form_of_the_spec_is_generated() {
    let generated = generate(&config(3000, 7, false));
    let forms: BTreeSet<&str> = generated.truth.forms.keys().map(String::as_str).collect();
    let expected = [
        "approx",
        "boolean",
        "bound",
        "date-approx",
        "date-bound",
        "date-day",
        "date-minute",
        "date-month",
        "date-range",
        "date-relative",
        "date-year",
        "day-of-year",
        "exact",
        "exact-digits",
        "exact-metres",
        "json-number",
        "money-currency",
        "null",
        "ordinal",
        "range",
        "set",
        "text",
        "text-alias",
        "text-alias-arabic",
        "text-case",
    ];
    assert_eq!(forms, expected.into_iter().collect::<BTreeSet<_>>());
}

#[test]
fn documents_hold_every_quote() {
    let dir = write(&config(300, 42, true));
    let root = dir.path();
    let claims = claims_of(root);
    for (id, claim) in &claims {
        let source = id.split('/').next().expect("source");
        let document = std::fs::read_to_string(root.join("seeds").join(format!("{source}.txt")))
            .expect("document");
        let quote = claim["quote"]
            .as_str()
            .unwrap_or_else(|| panic!("{id} has a quote"));
        assert!(document.contains(quote), "{id}: quote not in its document");
    }
}

/// The correctness test of the whole pipeline on planted truth: load, link
/// and check a generated project through the library, and compare the
/// contradiction pairs with `truth.json`: every planted pair found (recall
/// 1.0), nothing else reported (no false contradiction). Run with and without
/// documents, so quote verification is on the path too.
#[test]
fn the_pipeline_finds_exactly_the_planted_contradictions() {
    use crosscheck::check::{self, FindingKind};
    use crosscheck::link::SubjectGraph;
    use crosscheck::load::load_project;

    for (claims, seed, documents) in [(300, 42, false), (300, 42, true), (2000, 9, false)] {
        let generated = generate(&config(claims, seed, documents));
        let dir = tempfile::tempdir().expect("temporary directory");
        write_project(&generated, dir.path()).expect("project written");

        let project = match load_project(dir.path()) {
            Ok(project) => project,
            Err(failure) => panic!(
                "generated project (seed {seed}) does not load:\n{}",
                crosscheck::diagnostic::render_plain(&failure.diagnostics, &failure.files)
            ),
        };
        assert_eq!(project.claims().count(), claims);
        let graph = SubjectGraph::build(&project);
        let outcome = check::run(&project, &graph);
        let reported: BTreeSet<(String, String)> = outcome
            .findings
            .iter()
            .filter(|f| {
                matches!(
                    f.kind,
                    FindingKind::Contradiction | FindingKind::InternalContradiction
                )
            })
            .flat_map(|f| f.pairs.iter())
            .map(|[a, b]| (a.0.to_string(), b.0.to_string()))
            .collect();
        let planted: BTreeSet<(String, String)> = generated
            .truth
            .contradictions
            .iter()
            .map(|[a, b]| (a.clone(), b.clone()))
            .collect();
        let missed: Vec<_> = planted.difference(&reported).collect();
        let false_pairs: Vec<_> = reported.difference(&planted).collect();
        assert!(
            missed.is_empty() && false_pairs.is_empty(),
            "seed {seed}, {claims} claims, documents {documents}: {} planted pairs, {} missed \
             (first: {:?}), {} false contradictions (first: {:?})",
            planted.len(),
            missed.len(),
            missed.first(),
            false_pairs.len(),
            false_pairs.first()
        );

        // Every subject spelling links to its canonical subject, and only to it.
        let mut canonical_of_claim = BTreeMap::new();
        for group in &generated.truth.groups {
            for id in &group.claims {
                canonical_of_claim.insert(id.clone(), group.subject.clone());
            }
        }
        let mut linked: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (_, claim) in project.claims() {
            let canonical = graph.canonical_subject(&claim.id).expect("claim linked");
            linked
                .entry(canonical_of_claim[claim.id.as_str()].clone())
                .or_default()
                .insert(canonical.to_owned());
        }
        for (planted_subject, found) in &linked {
            assert_eq!(found.len(), 1, "{planted_subject} split into {found:?}");
        }
        let distinct: BTreeSet<_> = linked.values().flatten().collect();
        assert_eq!(distinct.len(), linked.len(), "two planted subjects merged");
    }
}

/// The JSON report is checked and serialised in parallel, chunk by chunk:
/// its bytes must not depend on the number of threads. The project is large
/// enough (12,000 claims) that the report spans several chunks and windows.
#[test]
fn the_report_does_not_depend_on_the_number_of_threads() {
    let dir = write(&config(12_000, 11, false));
    let project = crosscheck::load::load_project(dir.path()).expect("the generated project loads");
    let report_with = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a thread pool");
        pool.install(|| {
            let graph = crosscheck::link::SubjectGraph::build(&project);
            let canonical = graph.canonical_subjects();
            let facts = crosscheck::check::claim_facts(&project, &canonical);
            let outcome = crosscheck::check::check_facts(&project, &facts);
            let mut out = Vec::new();
            let input = crosscheck::report::ReportInput::new(&project, &facts, &outcome, &[]);
            crosscheck::report::json::render(&input, &mut out)
                .expect("writing to a Vec cannot fail");
            out
        })
    };
    let one = report_with(1);
    assert!(one.len() > 1_000_000, "the report spans many chunks");
    assert!(
        one == report_with(3),
        "1 and 3 threads give different bytes"
    );
}
