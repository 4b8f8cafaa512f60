//! A fact of many claims is compared value by value and reported as sides
//! (src/check/sides.rs); `--detail full` compares it pair by pair. Both
//! must conclude exactly the same relation: on generated projects with
//! large facts of numbers, dates, names (with registry aliases), sets and
//! ordinals (few sources, so one source holds several claims of a fact;
//! cited origins; `as_of` that split the claims; revisions; unreadable
//! values; a currency without a rate), every kind holds the same claims in
//! both, and the pairs the sides stand for are exactly the full pairs.
//!
//! And a project of thousands of findings: the human reports show the
//! first ones in full, the next in one line, and say how many they leave
//! out, unless `--detail full`.

// Helpers outside #[test] fns: a panic here is a failing test, not a user's crash.
#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crosscheck::check::{self, Detail, Finding, FindingKind, SIDES_ABOVE};
use crosscheck::link::SubjectGraph;
use crosscheck::load::load_project;

/// A small deterministic generator (splitmix64), so a failing seed can be
/// replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const VALUES: &[&str] = &[
    "512M USD",
    "512M USD",
    "512M USD",
    "512,000,000 USD",
    "~510M USD",
    "500M..550M USD",
    "640M USD",
    "642M USD",
    "1.2B USD",
    "470M EUR",
    "300M MAD",
    "<=600M USD",
    "null",
];
const DATES: &[&str] = &[
    "2020",
    "2020-12",
    "2020-12-10",
    "2021",
    "2019-06",
    "published-3mo",
];
const AS_OF: &[&str] = &["2023", "2024", "2024-06"];
const SYSTEMS: &[&str] = &[
    "Barak MX",
    "Barak MX",
    "Barak 8",
    "باراك",
    "barak mx",
    "Iron Dome",
    "MX, Barak",
];
const MEMBERS: &[&str] = &[
    "Morocco, Israel",
    "Israel, Morocco",
    "Morocco, Israel, USA",
    "Morocco, USA",
    "UAE, Bahrain",
];
const RANKS: &[&str] = &["4th", "4th", "6th", "1st"];

/// Writes a project of `claims` claims about two facts (a value and a date)
/// over `sources` sources.
fn write_project(dir: &Path, seed: u64, claims: usize, sources: usize) {
    let mut rng = Rng(seed);
    std::fs::create_dir_all(dir.join("claims")).unwrap();
    std::fs::write(
        dir.join("crosscheck.toml"),
        "[attributes]\nsigned = \"date\"\nvalue = \"number\"\nsystem = \"text\"\nmembers = \"set\"\nrank = \"ordinal\"\n\n[rates.2023]\nEUR = 1.08\n[rates.2024]\nEUR = 1.09\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("claims/subjects.json"),
        r#"{"subjects": [], "values": [{"name": "Barak MX", "aliases": ["Barak 8", "باراك"]}]}"#,
    )
    .unwrap();
    let mut by_source: Vec<Vec<String>> = vec![Vec::new(); sources];
    for i in 0..claims {
        let source = (rng.next() % sources as u64) as usize;
        let n = by_source[source].len() + 1;
        // Each attribute a fact of well over 100 claims.
        let (attribute, value) = match rng.next() % 20 {
            0..=4 => ("value", rng.pick(VALUES)),
            5..=8 => ("signed", rng.pick(DATES)),
            9..=12 => ("system", rng.pick(SYSTEMS)),
            13..=16 => ("members", rng.pick(MEMBERS)),
            _ => ("rank", rng.pick(RANKS)),
        };
        let value = if value == "null" {
            "null".to_owned()
        } else if attribute == "members" {
            let names: Vec<String> = value.split(", ").map(|n| format!("\"{n}\"")).collect();
            format!("[{}]", names.join(", "))
        } else {
            format!("\"{value}\"")
        };
        let mut claim = format!(
            "{{\"id\": \"c{n}\", \"subject\": \"Barak deal\", \"attribute\": \"{attribute}\", \"value\": {value}"
        );
        if rng.chance(20) {
            let who = rng.pick(&["ministry", "Reuters", "the ministry"]);
            claim.push_str(&format!(", \"according_to\": [\"{who}\"]"));
        }
        if rng.chance(15) {
            claim.push_str(&format!(", \"as_of\": \"{}\"", rng.pick(AS_OF)));
        }
        if n > 1 && rng.chance(3) {
            claim.push_str(&format!(", \"supersedes\": \"s{source}/c{}\"", n - 1));
        }
        claim.push('}');
        by_source[source].push(claim);
        let _ = i;
    }
    for (s, claims) in by_source.iter().enumerate() {
        let year = 2022 + s % 3;
        let text = format!(
            "{{\"source\": {{\"id\": \"s{s}\", \"published\": \"{year}-05\"}}, \"claims\": [{}]}}",
            claims.join(",\n")
        );
        std::fs::write(dir.join(format!("claims/s{s}.json")), text).unwrap();
    }
}

/// Per kind: the claims of its findings, and the pairs of its relation
/// (for kinds without `pairs`, the pairs compared: incomparable values).
type Relation = BTreeMap<&'static str, (BTreeSet<String>, BTreeSet<[String; 2]>)>;

fn relation(findings: &[Finding]) -> Relation {
    let mut relation = Relation::new();
    for finding in findings {
        let (claims, pairs) = relation.entry(finding.kind.name()).or_default();
        claims.extend(finding.claims.iter().map(|id| id.to_string()));
        let mut related = finding.expanded_pairs();
        if finding.kind == FindingKind::Incomparable && finding.sides.is_empty() {
            related.extend(finding.comparisons.iter().map(|c| c.claims.clone()));
        }
        if finding.kind.info().pairs.is_some() || finding.kind == FindingKind::Incomparable {
            pairs.extend(
                related
                    .into_iter()
                    .map(|[a, b]| [a.to_string(), b.to_string()]),
            );
        }
    }
    relation
}

/// What one relation holds that the other lacks, briefly.
fn difference(
    a: &(BTreeSet<String>, BTreeSet<[String; 2]>),
    b: &(BTreeSet<String>, BTreeSet<[String; 2]>),
) -> String {
    let claims: Vec<&String> = a.0.symmetric_difference(&b.0).take(5).collect();
    let pairs: Vec<&[String; 2]> = a.1.symmetric_difference(&b.1).take(5).collect();
    format!(
        "{} vs {} claims, {} vs {} pairs; first differences: {claims:?} {pairs:?}",
        a.0.len(),
        b.0.len(),
        a.1.len(),
        b.1.len()
    )
}

#[test]
fn sides_stand_for_exactly_the_pairs_of_full_detail() {
    let root = std::env::temp_dir().join(format!("crosscheck-sides-{}", std::process::id()));
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    for seed in 0..12 {
        let dir = root.join(seed.to_string());
        // Few sources: one source states a fact several times.
        write_project(&dir, seed, 8 * SIDES_ABOVE, 4 + seed as usize % 20);
        let project = load_project(&dir).unwrap_or_else(|failure| {
            panic!(
                "seed {seed}: {}",
                crosscheck::diagnostic::render_plain(&failure.diagnostics, &failure.files)
            )
        });
        let graph = SubjectGraph::build(&project);
        let canonical = graph.canonical_subjects();
        let facts = check::claim_facts(&project, &canonical);
        let full = check::check_facts_with(&project, &facts, false, Detail::Full);
        let attention = check::check_facts_with(&project, &facts, false, Detail::Attention);
        for attribute in ["value", "signed", "system", "members", "rank"] {
            assert!(
                attention
                    .findings
                    .iter()
                    .any(|f| f.attribute == attribute && !f.sides.is_empty()),
                "seed {seed}: no {attribute} finding has sides, so it was not tested"
            );
        }
        assert!(
            full.findings
                .iter()
                .all(|f| f.sides.is_empty() && !f.by_value)
        );
        // Their pairs not compared (`as_of`) are not gathered: unknown, not
        // none.
        assert!(
            attention
                .findings
                .iter()
                .all(|f| f.by_value && f.not_compared.is_empty())
        );
        seen.extend(attention.findings.iter().map(|f| f.kind.name()));
        let (full, attention) = (relation(&full.findings), relation(&attention.findings));
        for kind in FindingKind::ALL {
            let name = kind.name();
            let empty = Default::default();
            let (f, a) = (
                full.get(name).unwrap_or(&empty),
                attention.get(name).unwrap_or(&empty),
            );
            assert!(
                f == a,
                "seed {seed}: the {name} findings differ between --detail full and sides: {}",
                difference(f, a)
            );
        }
    }
    std::fs::remove_dir_all(&root).ok();
    // The generated projects hold every kind the sides path treats apart.
    for kind in [
        "contradiction",
        "internal-contradiction",
        "rounding",
        "revision",
        "incomparable",
        "compatible",
        "agreement",
        "unreadable",
        "naming-variant",
    ] {
        assert!(
            seen.contains(kind),
            "no {kind} finding in any seed: {seen:?}"
        );
    }
}

/// Writes a project of `subjects` subjects, each stated by two sources that
/// contradict each other: as many contradictions as subjects.
fn write_contradictions(dir: &Path, subjects: usize) {
    std::fs::create_dir_all(dir.join("claims")).unwrap();
    for (source, value) in [("a", "100M USD"), ("b", "900M USD")] {
        let claims: Vec<String> = (0..subjects)
            .map(|i| {
                format!(
                    "{{\"id\": \"c{i}\", \"subject\": \"Deal {i}\", \"attribute\": \"value\", \"value\": \"{value}\"}}"
                )
            })
            .collect();
        let text = format!(
            "{{\"source\": {{\"id\": \"{source}\"}}, \"claims\": [{}]}}",
            claims.join(",\n")
        );
        std::fs::write(dir.join(format!("claims/{source}.json")), text).unwrap();
    }
}

/// The Markdown and HTML reports of `dir` at `detail`.
fn human_reports(dir: &Path, detail: Detail) -> (String, String) {
    use crosscheck::report::{ReportInput, html, markdown};
    let project = load_project(dir).unwrap_or_else(|_| panic!("{} loads", dir.display()));
    let graph = SubjectGraph::build(&project);
    let canonical = graph.canonical_subjects();
    let facts = check::claim_facts(&project, &canonical);
    let outcome = check::check_facts_with(&project, &facts, false, detail);
    let input = ReportInput::new(&project, &facts, &outcome, &[]);
    let (mut md, mut page) = (Vec::new(), Vec::new());
    markdown::render(&input, &mut md).unwrap();
    html::render(&input, &mut page).unwrap();
    (
        String::from_utf8(md).unwrap(),
        String::from_utf8(page).unwrap(),
    )
}

#[test]
fn human_reports_show_what_fits_and_say_what_they_leave_out() {
    use crosscheck::report::{SHOWN_IN_FULL, SHOWN_IN_ONE_LINE};
    let dir = std::env::temp_dir().join(format!("crosscheck-caps-{}", std::process::id()));
    let subjects = SHOWN_IN_FULL + SHOWN_IN_ONE_LINE + 7;
    write_contradictions(&dir, subjects);

    let (md, page) = human_reports(&dir, Detail::Attention);
    assert_eq!(md.matches("\n### Contradiction: ").count(), SHOWN_IN_FULL);
    assert_eq!(
        md.matches("\n- **Contradiction**: ").count(),
        SHOWN_IN_ONE_LINE
    );
    assert!(
        md.contains("7 more findings (7 contradictions) are not shown here"),
        "no note of what was left out"
    );
    assert_eq!(
        page.matches("<article class=\"finding\"").count(),
        SHOWN_IN_FULL
    );
    assert!(page.contains("7 more findings (7 contradictions) are not shown here"));

    let (md, page) = human_reports(&dir, Detail::Full);
    assert_eq!(md.matches("\n### Contradiction: ").count(), subjects);
    assert!(!md.contains("are not shown here"));
    assert_eq!(page.matches("<article class=\"finding\"").count(), subjects);
    std::fs::remove_dir_all(&dir).ok();
}
