//! The checker against small fixture projects, one per rule of
//! docs/claim-format.md "What the checker concludes": each case is a
//! directory under `tests/fixtures/checker/`, and its snapshot (the JSON
//! report's `findings`) is named after it.

use std::path::{Path, PathBuf};

use crosscheck::check::{self, CHECKS, FindingKind, ReasonCode, Verdict};
use crosscheck::link::SubjectGraph;
use crosscheck::load::load_project;
use crosscheck::report::{ReportInput, json};

fn fixture(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/checker")
        .join(case)
}

/// The whole JSON report of a fixture, as a JSON value.
fn report(case: &str) -> serde_json::Value {
    let project = match load_project(&fixture(case)) {
        Ok(project) => project,
        Err(failure) => panic!(
            "fixture {case} does not load:\n{}",
            crosscheck::diagnostic::render_plain(&failure.diagnostics, &failure.files)
        ),
    };
    serde_json::from_slice(&json_report(&project)).expect("the report is JSON")
}

/// The first fact of `report` about `attribute`.
fn fact_of(report: &serde_json::Value, attribute: &str) -> serde_json::Value {
    report["facts"]
        .as_array()
        .expect("facts")
        .iter()
        .find(|fact| fact["attribute"] == attribute)
        .unwrap_or_else(|| panic!("no fact {attribute}"))
        .clone()
}

/// The JSON report of a loaded project, with no curation warnings, in
/// full detail: these cases document each rule, so every compared pair's
/// verdict and reason is in the snapshot (the default report leaves out
/// those of agreements and compatible values).
fn json_report(project: &crosscheck::model::Project) -> Vec<u8> {
    let graph = SubjectGraph::build(project);
    let canonical = graph.canonical_subjects();
    let facts = check::claim_facts(project, &canonical);
    let outcome = check::check_facts_with(project, &facts, true, check::Detail::Full);
    let mut out = Vec::new();
    json::render(&ReportInput::new(project, &facts, &outcome, &[]), &mut out)
        .expect("writing to a Vec cannot fail");
    out
}

macro_rules! cases {
    ($($(#[$meta:meta])* $case:ident,)*) => {
        $(
            $(#[$meta])*
            #[test]
            fn $case() {
                let report = report(stringify!($case));
                insta::assert_json_snapshot!(stringify!($case), report["findings"]);
            }
        )*
    };
}

cases! {
    /// Numbers are exact to their last written digit: 500M = 500M agree,
    /// 500,000,000 lies within 500M.
    exact,
    /// `~` allows the default 10 %: 540M fits ~500M, 560M does not.
    approx_tolerance,
    /// `compare.approx_tolerance = 0.05`: 540M no longer fits ~500M.
    approx_configured_tolerance,
    /// `<=`, `>`, `<` are half-open rays.
    bounds,
    /// `a..b` is closed: ~500M lies within 100M..999M, 2B does not.
    ranges,
    /// Overlapping intervals, neither inside the other: compatible.
    overlap_compatible,
    /// 500M and 501M are adjacent, disjoint intervals as written; 500M is a
    /// round figure (read as 475M..525M), so the pair differs by no more
    /// than rounding: `rounding`, not a contradiction.
    disjoint_contradiction,
    /// 200M EUR at 1.0813 (2023) against <=150M USD: a contradiction, with the conversion.
    money_rate,
    /// The rate is the as_of year's (2022), not the published year's (2025).
    money_as_of_year,
    /// No rate: incomparable, never equal or different.
    money_no_rate,
    /// EUR and MAD both convert to USD.
    money_two_currencies,
    /// km against m, mm against cm, t against kg; a length against a mass is incomparable;
    /// barrels against cubic metres, MW against GW, TWh against GWh and MWh.
    units,
    /// `--12-10` against 2020-12, 2020, 2020-12-10 (compatible) and 2020-11, 2020-12-11 (contradiction).
    day_of_year,
    /// Years, months, days, bounds and ranges of dates.
    partial_dates,
    /// `published-5y` counts back from the source's published year.
    relative_dates,
    /// Claims whose as_of do not overlap are never compared.
    as_of,
    /// Positions agree or contradict.
    ordinals,
    /// Names equal after normalisation agree; different names contradict.
    texts,
    /// Aliases of one registry `values` entry are a naming variant.
    naming_variant,
    /// An Arabic and a Latin name with close consonant skeletons and no
    /// registry entry ("Benslimane", "بنسليمان") are incomparable, not a
    /// contradiction; so are "Ali Hassan" and "علي حسين" (Ali Hussein),
    /// whose skeletons are one: the registry decides. "Casablanca" against
    /// "الرباط" still contradicts, and with a `values` entry "Rabat" and
    /// "الرباط" are a naming variant.
    texts_across_scripts,
    /// A name written less fully is compatible with the fuller one: a
    /// title ("Dr. Ahmed Ali", "الملك محمد السادس", "King Mohammed VI") or
    /// a first name left out ("President Macron", "Emmanuel Macron"); a
    /// place qualifier makes another place ("Sudan", "South Sudan").
    texts_named_less_fully,
    /// Sets: equal agree, a subset is compatible, anything else contradicts.
    sets,
    /// Lists whose differing members are Latin on one side and Arabic on
    /// the other are incomparable (the signatories of the Abraham Accords,
    /// "Sudan" against "السودان", no registry entry; two Arabic lists and
    /// one Latin); with a `values` entry
    /// for every country the summit's guests agree; "France" against
    /// "Spain", both Latin, still contradicts beside Morocco in both
    /// scripts.
    sets_across_scripts,
    /// Members named less fully are the same members: "Kushner, Jared C."
    /// beside "Jared Kushner" is compatible (`members-named-less-fully`),
    /// and so is "Ben-Shabbat, Kushner" beside the three names of the
    /// delegation (fewer, and less fully); "Avi Berkowitz" against "David
    /// Friedman" still contradicts, and so does "Sudan" against "South
    /// Sudan" (a place qualifier makes another place).
    sets_named_less_fully,
    /// A fuller name may add a part with the particle that introduces it:
    /// "محمد بن سلمان" beside "محمد بن سلمان بن عبد العزيز" and "عبد الله
    /// بن زايد" beside "عبد الله بن زايد آل نهيان" are compatible; "Mohammed
    /// bin Salman" against "Mohammed bin Zayed Al Nahyan" still contradicts.
    sets_named_with_particles,
    /// A given name shortened is not another person: "Daniel Jennings"
    /// beside "Jennings, Dan W." and "Christopher Hale" beside "Chris
    /// Hale" are compatible; a short form of two letters ("Al Reed" beside
    /// "Alan Reed") is not read as one, so the panel still contradicts, and
    /// neither is an Arabic name that begins another ("حسن", "حسني").
    names_shortened,
    /// Latin names that differ only in their vowels and doubled letters
    /// ("Mohammed bin Salman", "Muhammad bin Salman"; "Nasser Bourita",
    /// "Naser Burita", also as a list member) are incomparable: one name
    /// transliterated two ways, or two names, which only the registry can
    /// say; so are "Gaddafi" and "Qaddafi" (`g` and `q` both spell qaf),
    /// and "Ouahbi" and "Wahbi" (French `ou` for waw).
    /// "Ahmed Nasser" against "Mohammed Nasser" still contradicts.
    names_transliterated,
    /// An Arabic `عبد` or `أبو` name reads the same joined or spaced
    /// ("أبوظبي", "أبو ظبي"; "عبدالله بن
    /// زايد", "عبد الله بن زايد"), as a text and as a list member; "عبد
    /// ربه" against "عبد الله" still contradicts.
    names_abd_joined,
    /// `null` is listed as unreadable and contradicts nothing.
    unreadable,
    /// Two claims of one source that cannot both be true.
    internal_contradiction,
    /// A date and an amount under one subject and attribute.
    mixed_kinds,
    /// true against false.
    booleans,
    /// Two sources citing one origin are one independent origin.
    independence,
    /// An agency cited in English and in Arabic, both names of one registry
    /// `values` entry, is one origin; another agency's figure is a second.
    origin_across_scripts,
    /// Subjects linked through registry aliases are compared.
    linked_subjects,
    /// The Valencia fire (2024): an early toll dated, later ones not; the
    /// contradiction says the figures may be from different times.
    undated_partly,
    /// The 2023 Al Haouz earthquake: the morning's toll and the evening's,
    /// both dated to 9 September, contradict with the sentence that they
    /// may be from different hours; dated to the minute, they are not
    /// compared. A magnitude published twice that day, undated, gets no
    /// such sentence. A day written relative to the publication
    /// (`published-1d`) is named as a date in the fix.
    tolls_one_day,
    /// The 2024 Algerian presidential election: the authority's share for
    /// the winner (published the next day) against the court's final one
    /// (a week later, superseding the authority's in one article), all
    /// dated to election day: a revision, and a contradiction with the
    /// article that repeated the authority's figure, without the sentence
    /// on hours (figures published days later are that day's final ones).
    /// One article's turnout at 5 p.m. against its undated final turnout
    /// contradicts itself, with the sentence that the figure may have
    /// grown between them.
    election_results,
    /// Libya reported in English and Arabic: one prime minister in three
    /// spellings against a rival's name, the former leader with and
    /// without the article in two scripts, an envoy by family name, a
    /// list with one member transliterated two ways.
    texts_consensus,
    /// OCP's 2022 green investment plan in Arabic, English and French: an
    /// amount for 2023-2027 in dirhams and dollars, converted at the rate
    /// of 2022 when the articles were written (rounding, not incomparable);
    /// desalination in cubic metres; a chief executive cited for 4 GW by
    /// one article and 5 GW by another, which the contradiction names.
    green_plan,
}

/// A revised statement votes no more, in any report of it: the court's
/// share supersedes the authority's in one article, and the other article
/// citing the authority's figure does not hold the consensus split.
#[test]
fn reports_of_a_revised_figure_do_not_vote() {
    let share = fact_of(&report("election_results"), "vote_share");
    assert_eq!(share["consensus"]["value"], "84.30%", "{share}");
    assert_eq!(
        share["consensus"]["claims"],
        serde_json::json!(["aljazeera/tebboune_share"])
    );
    assert!(
        share["against"].as_array().expect("against").is_empty(),
        "{share}"
    );
}

/// The consensus reads names as the texts check does: spellings that may
/// be one name (two transliterations, two scripts) support each other and
/// add up, a family name alone supports the full name, and only the rival
/// name is against.
#[test]
fn spellings_of_one_name_add_up_in_the_consensus() {
    let report = report("texts_consensus");
    let fact = |attribute: &str| fact_of(&report, attribute);
    let against = |fact: &serde_json::Value| -> Vec<String> {
        fact["against"]
            .as_array()
            .expect("against")
            .iter()
            .map(|estimate| estimate["value"].as_str().expect("a text").to_owned())
            .collect()
    };
    let prime_minister = fact("prime_minister");
    assert!(
        [
            "Abdul Hamid Dbeibah",
            "Abdulhamid Dbeiba",
            "عبد الحميد الدبيبة"
        ]
        .contains(&prime_minister["leading"]["value"].as_str().expect("a text")),
        "{prime_minister}"
    );
    assert!(!prime_minister["consensus"].is_null(), "{prime_minister}");
    assert_eq!(
        prime_minister["leading"]["origins"]
            .as_array()
            .map(Vec::len),
        Some(3)
    );
    assert_eq!(against(&prime_minister), ["Fathi Bashagha"]);
    let head = fact("head");
    assert_eq!(head["leading"]["value"], "Stephanie Williams", "{head}");
    assert!(!head["consensus"].is_null(), "{head}");
    assert_eq!(against(&head), ["Jan Kubis"]);
    // Transliterations of one member that no list names together are one
    // member; `Ali Hussein`, listed beside both, is another.
    let negotiators = fact("negotiators");
    assert_eq!(
        negotiators["leading"]["value"].as_array().map(Vec::len),
        Some(3),
        "{negotiators}"
    );
    assert!(!negotiators["consensus"].is_null(), "{negotiators}");
    let former_leader = fact("former_leader");
    assert!(against(&former_leader).is_empty(), "{former_leader}");
    assert!(
        report["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .all(|f| f["attribute"] != "former_leader" || f["kind"] != "contradiction"),
        "the former leader's spellings are no contradiction"
    );
}

/// The consensus keys origins as the checker does: the agency cited in
/// English and in Arabic votes once, so one origin against one decides
/// nothing, and the fact is named by the registry entry.
#[test]
fn an_origin_cited_in_two_scripts_votes_once() {
    let report = report("origin_across_scripts");
    let facts = report["facts"].as_array().expect("facts");
    assert_eq!(facts.len(), 1);
    let fact = &facts[0];
    assert_eq!(fact["independent_origins"], 2);
    assert!(fact["consensus"].is_null(), "{fact}");
    assert_eq!(fact["leading"]["origins"], serde_json::json!(["USGS"]));
}

/// Two Arabic lists against one Latin list of the same four signatories:
/// the Latin names voted down say nothing about the signatories, only
/// about the script, so the consensus does not decide.
#[test]
fn members_voted_down_for_their_script_decide_nothing() {
    let report = report("sets_across_scripts");
    let fact = fact_of(&report, "signatories");
    assert_eq!(fact["independent_origins"], 3);
    assert!(fact["consensus"].is_null(), "{fact}");
    assert!(
        fact["summary"]
            .as_str()
            .expect("summary")
            .starts_with("no consensus: the lists name members in two scripts"),
        "{fact}"
    );
}

#[test]
fn whole_report_money_rate() {
    insta::assert_json_snapshot!("whole_report_money_rate", report("money_rate"));
}

#[test]
fn report_is_byte_identical_across_runs() {
    let first = report("naming_variant").to_string();
    let second = report("naming_variant").to_string();
    assert_eq!(first, second);
}

/// Copies a fixture with its claim files renamed into reverse order and the
/// claims of each file reversed: the findings must not change.
#[test]
fn input_order_does_not_change_the_findings() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let claims = dir.path().join("claims");
    std::fs::create_dir(&claims).expect("claims/");
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixture("bounds").join("claims"))
        .expect("the fixture's claims")
        .map(|entry| entry.expect("an entry").path())
        .collect();
    files.sort();
    for (i, file) in files.iter().enumerate() {
        let text = std::fs::read_to_string(file).expect("a claim file");
        let mut json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        if let Some(list) = json["claims"].as_array_mut() {
            list.reverse();
        }
        let renamed = claims.join(format!("{}.json", files.len() - i));
        std::fs::write(renamed, serde_json::to_string_pretty(&json).expect("JSON")).expect("write");
    }
    let project = load_project(dir.path()).expect("the copy loads");
    let copy: serde_json::Value = serde_json::from_slice(&json_report(&project)).expect("JSON");
    assert_eq!(copy["findings"], report("bounds")["findings"]);
}

/// Every code a report can hold, with its description: a rename shows up here.
#[test]
fn codes_and_finding_kinds() {
    let mut lines = Vec::new();
    for &kind in FindingKind::ALL {
        lines.push(format!(
            "finding-kind {} [{}]: {}",
            kind.name(),
            kind.severity().name(),
            kind.description()
        ));
    }
    for check in CHECKS {
        lines.push(format!(
            "check {}: {}",
            check.code.name(),
            check.code.description()
        ));
    }
    for &verdict in Verdict::ALL {
        lines.push(format!(
            "verdict {}: {}",
            verdict.name(),
            verdict.description()
        ));
    }
    for &code in ReasonCode::ALL {
        lines.push(format!("reason {}: {}", code.name(), code.description()));
    }
    insta::assert_snapshot!("codes_and_finding_kinds", lines.join("\n"));
}

#[test]
fn json_output_is_the_report() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["check", "--format", "json", "--detail", "full"])
        .arg(fixture("money_rate"))
        .output()
        .expect("the binary runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stderr.is_empty());
    let printed: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("stdout is JSON");
    assert_eq!(printed, report("money_rate"));
}

/// `json::render` streams the report element by element; `JsonReport` is the
/// type docs/report.schema.json is generated from. Both must be the same
/// JSON, or the schema describes a report nobody gets.
#[test]
fn the_streamed_report_is_the_schema_type() {
    for case in [
        "money_rate",
        "independence",
        "sets",
        "unreadable",
        "mixed_kinds",
    ] {
        let project = load_project(&fixture(case)).expect("the fixture loads");
        let graph = SubjectGraph::build(&project);
        let canonical = graph.canonical_subjects();
        let facts = check::claim_facts(&project, &canonical);
        let outcome = check::check_facts(&project, &facts);
        let warnings = check::curation_warnings(&project, &graph);
        let input = ReportInput::new(&project, &facts, &outcome, &warnings);
        let mut out = Vec::new();
        json::render(&input, &mut out).expect("writing to a Vec cannot fail");
        let streamed: serde_json::Value = serde_json::from_slice(&out).expect("the report is JSON");
        let built = serde_json::to_value(json::JsonReport::build(&input))
            .expect("the report type serialises");
        assert_eq!(streamed, built, "{case}");
    }
}
