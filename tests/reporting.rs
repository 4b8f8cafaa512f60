//! Real reporting (issue 11): round figures, typed attributes and risky
//! readings, attributed disputes, revisions over time, and readable
//! numbers, on fixtures modelled on the reporting of the September 2023
//! Derna flood (UN, Libyan Red Crescent, OCHA, the eastern health
//! ministry; English and Arabic). Each case under
//! `tests/fixtures/reporting/` is snapshotted as JSON (findings, timelines,
//! and each claim's meaning and origin) and as rendered Markdown and text,
//! so a wording change and a logic change are reviewed apart.

use std::path::PathBuf;

use crosscheck::check;
use crosscheck::link::SubjectGraph;
use crosscheck::load::load_project;
use crosscheck::report::{ReportInput, json, markdown, text};

fn fixture(case: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/reporting")
        .join(case)
}

/// The JSON report, the Markdown report and the text summary of a case.
fn reports(case: &str) -> (serde_json::Value, String, String) {
    let project = match load_project(&fixture(case)) {
        Ok(project) => project,
        Err(failure) => panic!(
            "fixture {case} does not load:\n{}",
            crosscheck::diagnostic::render_plain(&failure.diagnostics, &failure.files)
        ),
    };
    let graph = SubjectGraph::build(&project);
    let canonical = graph.canonical_subjects();
    let facts = check::claim_facts(&project, &canonical);
    let outcome = check::check_facts(&project, &facts);
    let input = ReportInput::new(&project, &facts, &outcome, &[]);
    let mut out = Vec::new();
    json::render(&input, &mut out).expect("writing to a Vec");
    let report: serde_json::Value = serde_json::from_slice(&out).expect("the report is JSON");
    let mut md = Vec::new();
    markdown::render(&input, &mut md).expect("writing to a Vec");
    let mut summary = Vec::new();
    text::render(&input, &mut summary, false).expect("writing to a Vec");
    (
        report,
        String::from_utf8(md).expect("utf-8"),
        String::from_utf8(summary).expect("utf-8"),
    )
}

/// What the JSON snapshot keeps: findings, timelines, and per claim its
/// value, meaning, as_of, origin and supersedes.
fn essentials(report: &serde_json::Value) -> serde_json::Value {
    let claims: Vec<serde_json::Value> = report["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .map(|claim| {
            serde_json::json!({
                "id": claim["id"],
                "value": claim["value"],
                "meaning": claim["denotation"]["text"],
                "as_of": claim["as_of"],
                "origin": claim["origin"],
                "supersedes": claim["supersedes"],
            })
        })
        .collect();
    serde_json::json!({
        "counts": report["counts"],
        "findings": report["findings"],
        "timelines": report["timelines"],
        "claims": claims,
    })
}

macro_rules! cases {
    ($($(#[$meta:meta])* $case:ident,)*) => {
        $(
            $(#[$meta])*
            #[test]
            fn $case() {
                let (report, md, summary) = reports(stringify!($case));
                insta::assert_json_snapshot!(concat!(stringify!($case), "_json"), essentials(&report));
                insta::assert_snapshot!(concat!(stringify!($case), "_md"), md);
                insta::assert_snapshot!(concat!(stringify!($case), "_text"), summary);
            }
        )*
    };
}

cases! {
    /// UN "11,000" and the Red Crescent "11,300": rounding, also inside one
    /// article; "100,000" against ">=120,000" and "500M USD" against
    /// "540M USD" stay contradictions; "=10,000" is marked exact, so
    /// "10,100" contradicts it. Both contradictions are undated figures
    /// that a later source gives higher, and their explanations say so
    /// and name `as_of` as the fix.
    round_figures,
    /// Only a rounding difference: shown, but no failing finding.
    rounding_only,
    /// `[attributes]`: "1500" on a number attribute is 1500 (agrees with
    /// "1,500"), "32H" on a text attribute is text; km² against sq mi and
    /// ha, barrels, tonnes against t, people against a plain count, mi
    /// against km; `'12B` is explicit text.
    typed_attributes,
    /// One article quoting OCHA (>=11,300) and the eastern health minister
    /// (3,252): a contradiction between those origins, not an internal one;
    /// two sources each contradicting themselves get one finding each;
    /// ["OCHA", "Libyan Red Crescent"] and ["WHO", "OCHA"] are two origins.
    attribution,
    /// OCHA revises ">=11,300" to ">=3,958" (supersedes): a revision with
    /// both quotes; the timeline of the toll; pairs not compared because of
    /// as_of listed per finding.
    revisions,
    /// The September 2023 Al Haouz earthquake in two English and two
    /// Arabic articles: the USGS cited in both scripts (one registry
    /// `values` entry) is one origin; the rising death toll over `as_of` is
    /// a timeline, not a contradiction; "7" (a whole number, the Moroccan
    /// institute) is compatible with the USGS's "6.8", but its depth "8 km"
    /// contradicts "18.5 km"; Ouirgane and Ourika (أوريكا) stay two places.
    earthquake,
    /// Morocco's planned Grand Stade Hassan II (October 2024), in two
    /// English articles and one Arabic, tried as a new user would: the town
    /// written "Benslimane" and "بنسليمان" is incomparable (maybe one name in
    /// two scripts), not a contradiction; "~5B MAD" at the 2024 rate lies
    /// within "hundreds of millions" of dollars (`100M..999M USD`);
    /// "more than 110,000" holds "115,000"; "1st" against "2nd" and the
    /// federation's 2027 against the ministry's 2028 (one article quoting
    /// both) contradict between origins. The federation president, cited
    /// in both scripts, is one `values` entry (as the
    /// `cross-script-origin-names` warning asks), so his 2027 is one origin
    /// against the ministry's one: "no consensus".
    stadium,
    /// Floods in southeastern Morocco (September 2024): an aggregator's
    /// "14 missing" reprinted by an English site (its sentences, plus a
    /// fact of its own) and translated by an Arabic one (the same values,
    /// fact for fact), against the interior ministry's "4" reported by
    /// Reuters and Al Jazeera (the ministry named in both scripts, one
    /// `values` entry). The three are one origin (a copy group), so three
    /// outlets against two is one origin against one: "no consensus", not
    /// the majority's "14".
    wire_copies,
}

/// The first entry of a report array whose `field` is `value`.
fn first<'r>(array: &'r serde_json::Value, field: &str, value: &str) -> &'r serde_json::Value {
    array
        .as_array()
        .expect("an array")
        .iter()
        .find(|entry| entry[field] == value)
        .unwrap_or_else(|| panic!("no entry with {field} = {value}"))
}

/// Copy detection on reporting: sources stating the same values on every
/// fact are grouped, the group votes once, and reports name it as a group.
#[test]
fn reprints_of_one_article_are_one_origin() {
    let (report, _, summary) = reports("wire_copies");
    let groups = report["copy_groups"].as_array().expect("copy_groups");
    assert_eq!(groups.len(), 1, "{groups:#?}");
    assert_eq!(
        groups[0]["origins"],
        serde_json::json!([
            "source akhbar-alyawm",
            "source morocco-latest",
            "source north-africa-wire"
        ])
    );
    // The Arabic translation states what the aggregator states, fact for
    // fact; the English reprint adds a fact of its own but quotes the
    // aggregator's sentences.
    let evidence: Vec<(&str, bool, u64)> = groups[0]["pairs"]
        .as_array()
        .expect("pairs")
        .iter()
        .map(|pair| {
            (
                pair["evidence"].as_str().expect("evidence"),
                pair["verbatim"].as_bool().expect("verbatim"),
                pair["reprinted_facts"].as_u64().expect("reprinted_facts"),
            )
        })
        .collect();
    assert_eq!(
        evidence,
        [
            (
                "source akhbar-alyawm and source morocco-latest state the same value on every one of their 3 facts",
                true,
                0
            ),
            (
                "source morocco-latest and source north-africa-wire quote the same passages for the same values on 3 facts",
                false,
                3
            ),
        ]
    );
    let missing = first(&report["facts"], "attribute", "missing");
    assert_eq!(missing["consensus"], serde_json::Value::Null);
    assert_eq!(
        missing["leading"]["origins"],
        serde_json::json!(["source akhbar-alyawm and 2 copies"])
    );
    let contradiction = first(&report["findings"], "kind", "contradiction");
    assert_eq!(contradiction["attribute"], "missing");
    assert_eq!(contradiction["independent_origins"], 2);
    assert!(summary.contains("no consensus"), "{summary}");
    // Every sentence that counts origins counts them as the finding does,
    // the copies once.
    for finding in report["findings"].as_array().expect("findings") {
        let explanation = finding["explanation"].as_str().expect("explanation");
        let count = finding["independent_origins"].as_u64().expect("count");
        if let Some(at) = explanation.find(" independent origin") {
            let stated = explanation[..at].rsplit(' ').next().expect("a number");
            assert_eq!(stated, count.to_string(), "{explanation}");
        }
    }
    let deaths = first(&report["findings"], "attribute", "deaths");
    assert!(
        deaths["explanation"]
            .as_str()
            .expect("explanation")
            .ends_with(
                "akhbar-alyawm/deaths, morocco-latest/deaths and north-africa-wire/deaths \
             come from sources counted as one origin (copies)"
            ),
        "{deaths:#?}"
    );
}

/// A superseded figure stays in its fact but no longer votes: the
/// consensus is the revised figure, not the earlier, more precise-looking
/// one (as lower bounds, `>=11,300` lies inside `>=3,958`).
#[test]
fn a_superseded_claim_does_not_vote() {
    let (report, _, _) = reports("superseded_vote");
    let fact = report["facts"]
        .as_array()
        .expect("facts")
        .iter()
        .find(|fact| fact["attribute"] == "deaths")
        .expect("the deaths fact");
    assert_eq!(
        fact["claims"],
        serde_json::json!(["un-news/toll-first", "un-news/toll-revised"])
    );
    assert_eq!(fact["consensus"]["value"], ">=3,958");
    assert_eq!(
        fact["consensus"]["claims"],
        serde_json::json!(["un-news/toll-revised"])
    );
}

/// An article that quotes two officials who disagree reports them
/// faithfully: its trust comes from what it states in its own voice, and
/// the cited officials are judged instead, each on the facts it is cited
/// on (the minister's 3,252 against OCHA and the Red Crescent's 11,300).
#[test]
fn quoting_two_officials_judges_the_officials_not_the_article() {
    let (report, _, _) = reports("attribution");
    let lakome = first(&report["sources"], "id", "lakome");
    assert_eq!(
        lakome["trust_facts"], 2,
        "only its own estimates of the missing count: {lakome}"
    );
    let trust = |name: &str| {
        first(&report["cited_origins"], "name", name)["trust"]
            .as_f64()
            .unwrap_or_else(|| panic!("{name} has a trust"))
    };
    let minister = trust("وزير الصحة في الحكومة الشرقية");
    assert!(minister < trust("OCHA"), "{minister}");
    assert!(minister < trust("Libyan Red Crescent"), "{minister}");
    // A source that only attributes keeps the prior, on no facts of its own.
    let bbc = first(&report["sources"], "id", "bbc");
    assert_eq!(
        (bbc["trust"].as_f64(), &bbc["trust_facts"]),
        (Some(0.8), &serde_json::json!(0))
    );
}
