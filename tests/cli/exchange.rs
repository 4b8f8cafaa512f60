//! Spreadsheets in and out, and what changed between runs, end to end
//! through the binary: `import` (the claims table round trip, the DAFNA
//! truth-discovery layout, errors with row and column, idempotence,
//! `--update`, `--skip-invalid`, hostile files), `diff` (new, resolved,
//! changed, unchanged; two reports and `--since`) and `check --baseline`.

// Test support: a panic is a failing test.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// Exit status, stdout and stderr of the binary run in `dir`.
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = crate::harness::binary()
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn shown((code, stdout, stderr): (i32, String, String)) -> String {
    format!("exit status: {code}\n--- stdout ---\n{stdout}--- stderr ---\n{stderr}")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// An empty project: a claims/ directory and nothing else.
fn empty_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("claims")).unwrap();
    dir
}

/// The JSON report in full detail: every field of every claim (the default
/// report keeps notes and quotes for the claims findings cite).
fn json_report(dir: &Path) -> Value {
    let (_, stdout, stderr) = run(dir, &["check", "--format", "json", "--detail", "full"]);
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stderr}"))
}

/// Every claim's value as written, in report order.
fn claim_values(dir: &Path) -> Vec<String> {
    json_report(dir)["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["value"].as_str().unwrap().to_owned())
        .collect()
}

/// Every claim file's text, by name (lock files left out).
fn claim_files(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir.join("claims"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn claims_table_round_trip_gives_the_same_findings() {
    // The seed project, its claims exported as the claims table.
    let original = tempfile::tempdir().unwrap();
    for part in ["claims", "seeds"] {
        copy_dir(Path::new(part), &original.path().join(part));
    }
    std::fs::copy("crosscheck.toml", original.path().join("crosscheck.toml")).unwrap();
    let (code, table, stderr) = run(original.path(), &["check", "--format", "claims-csv"]);
    assert_eq!(code, 1, "{stderr}");

    // A project with the same documents, settings, registry and sources,
    // and no claim at all (an existing source file's fields are kept; the
    // table's source columns fill the files it creates:
    // `the_claims_table_updates_only_what_its_cells_change`).
    let copy = tempfile::tempdir().unwrap();
    copy_dir(Path::new("seeds"), &copy.path().join("seeds"));
    std::fs::copy("crosscheck.toml", copy.path().join("crosscheck.toml")).unwrap();
    std::fs::create_dir(copy.path().join("claims")).unwrap();
    for (name, text) in claim_files(original.path()) {
        let mut file: Value = serde_json::from_str(&text).unwrap();
        if name != "subjects.json" {
            file["claims"] = Value::Array(Vec::new());
        }
        std::fs::write(
            copy.path().join("claims").join(name),
            serde_json::to_string_pretty(&file).unwrap(),
        )
        .unwrap();
    }
    assert!(
        json_report(copy.path())["findings"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    std::fs::write(copy.path().join("claims.csv"), &table).unwrap();
    let (code, stdout, stderr) = run(copy.path(), &["import", "claims.csv"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("imported 93 claims"), "{stdout}");

    let (before, after) = (json_report(original.path()), json_report(copy.path()));
    assert!(!before["findings"].as_array().unwrap().is_empty());
    assert_eq!(before["findings"], after["findings"]);
    assert_eq!(before["counts"], after["counts"]);

    // Importing the same rows again adds nothing and changes no byte.
    let files = claim_files(copy.path());
    let (code, stdout, _) = run(copy.path(), &["import", "claims.csv"]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with("imported 0 claims"), "{stdout}");
    assert!(stdout.contains("(93 unchanged"), "{stdout}");
    assert_eq!(files, claim_files(copy.path()));
}

const DAFNA_MAP: [&str; 16] = [
    "--map",
    "1=id",
    "--map",
    "2=ignore",
    "--map",
    "3=subject",
    "--map",
    "4=attribute",
    "--map",
    "5=value",
    "--map",
    "6=source",
    "--map",
    "7=ignore",
    "--map",
    "8=ignore",
];

#[test]
fn imports_the_dafna_layout_one_source_per_editor() {
    let project = empty_project();
    let sample = std::fs::canonicalize("tests/fixtures/import/dafna_sample.tsv").unwrap();
    let mut args = vec![
        "import",
        sample.to_str().unwrap(),
        "--delimiter",
        "|\\t",
        "--no-header",
    ];
    args.extend(DAFNA_MAP);
    let (code, stdout, stderr) = run(project.path(), &args);
    assert_eq!(code, 0, "{stderr}");
    let report = json_report(project.path());
    let claims = report["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 300);
    // One source per editor, named by the editor column.
    let text = std::fs::read_to_string(&sample).unwrap();
    let editors: std::collections::BTreeSet<&str> = text
        .lines()
        .map(|line| line.split("|\t").nth(5).unwrap())
        .collect();
    assert_eq!(report["sources"].as_array().unwrap().len(), editors.len());
    assert!(
        stdout.contains(&format!("into {} files", editors.len())),
        "{stdout}"
    );
    let first = &claims
        .iter()
        .find(|c| c["id"] == "0-68-162-248-83-75cae47a/13847310")
        .unwrap();
    assert_eq!(first["subject"], "abu dhabi");
    assert_eq!(first["attribute"], "population2006");
    assert_eq!(first["value"], "1000230");
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

#[test]
fn an_unknown_column_is_an_error_with_the_fix() {
    let project = empty_project();
    write(
        project.path(),
        "rows.csv",
        "source,subject,attribute,Figure\nalpha,Deal,value,500M USD\n",
    );
    let out = shown(run(project.path(), &["import", "rows.csv"]));
    insta::assert_snapshot!(out);
    assert!(claim_files(project.path()).is_empty());
    // Mapped, the same file imports.
    let (code, _, stderr) = run(
        project.path(),
        &["import", "rows.csv", "--map", "Figure=value"],
    );
    assert_eq!(code, 0, "{stderr}");
}

/// A spreadsheet program set to French (or German, or Arabic as the
/// Maghreb writes it) saves "CSV" separated by semicolons, since its
/// decimal mark is the comma: such a file imports without `--delimiter`,
/// and a decimal comma in it is still an error with the fix.
#[test]
fn a_csv_separated_by_semicolons_is_read_as_such() {
    let project = empty_project();
    write(
        project.path(),
        "rows.csv",
        "source;id;subject;attribute;value;as_of\n\
         ennahar;share;Abdelmadjid Tebboune;vote_share;94.65 %;2024-09-07\n\
         ennahar;voters;2024 Algerian presidential election;voters;5630196;\n",
    );
    let (code, stdout, stderr) = run(project.path(), &["import", "rows.csv"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("imported 2 claims"), "{stdout}");
    let values = claim_values(project.path());
    assert_eq!(values, ["94.65 %", "5630196"]);
    write(
        project.path(),
        "more.csv",
        "source;id;subject;attribute;value\nennahar;hassani;Hassani Cherif;vote_share;3,17 %\n",
    );
    let (code, _, stderr) = run(project.path(), &["import", "more.csv"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("row 2, column E (5): invalid value `3,17 %`")
            && stderr.contains("did you mean \"3.17 %\"?"),
        "{stderr}"
    );
}

const BAD_ROWS: &str = "source,id,subject,attribute,value,as_of\n\
alpha,ok,Barak deal,value,500M USD,\n\
alpha,bad-date,Barak deal,signed,2020-13-45,\n\
,no-source,Barak deal,value,3,\n\
beta,bad-as-of,Barak deal,value,200M EUR,last spring\n\
beta,ok,Barak deal,count,3,\n";

#[test]
fn invalid_rows_are_errors_at_their_row_and_column_and_nothing_is_written() {
    let project = empty_project();
    write(project.path(), "rows.csv", BAD_ROWS);
    let out = shown(run(project.path(), &["import", "rows.csv"]));
    insta::assert_snapshot!(out);
    assert!(claim_files(project.path()).is_empty());
}

#[test]
fn skip_invalid_writes_the_valid_rows_and_reports_each_skipped_one() {
    let project = empty_project();
    write(project.path(), "rows.csv", BAD_ROWS);
    let out = shown(run(
        project.path(),
        &["import", "rows.csv", "--skip-invalid"],
    ));
    insta::assert_snapshot!(out);
    let report = json_report(project.path());
    let ids: Vec<&str> = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["alpha/ok", "beta/ok"]);
}

/// A value a journalist wrote in the spreadsheet ("$1.2bn", "early 2024")
/// is imported as it is (text), and the import names its row and column
/// with the form the grammar reads, as `add` warns about a new claim's.
#[test]
fn risky_values_are_imported_with_a_warning_at_their_row_and_column() {
    let project = empty_project();
    write(
        project.path(),
        "rows.csv",
        "source,id,subject,attribute,value\n\
         wire,aid,Derna flood,aid_pledged,$1.2bn\n\
         wire,start,Derna flood,rebuilding_start,early 2024\n\
         obs,aid,Derna flood,aid_pledged,1.2B USD\n",
    );
    let out = shown(run(project.path(), &["import", "rows.csv"]));
    insta::assert_snapshot!(out);
    let report = json_report(project.path());
    assert_eq!(report["claims"].as_array().unwrap().len(), 3);
}

/// Past the first 20, warnings are counted, not listed.
#[test]
fn many_warnings_are_shown_twenty_then_counted() {
    let project = empty_project();
    let mut rows = String::from("source,id,subject,attribute,value\n");
    for town in 0..25 {
        rows.push_str(&format!(
            "census,t{town},town {town},population,{}\n",
            1500 + town
        ));
    }
    write(project.path(), "rows.csv", rows);
    let (code, _, stderr) = run(project.path(), &["import", "rows.csv"]);
    assert_eq!(code, 0, "{stderr}");
    let shown = stderr
        .lines()
        .filter(|l| l.starts_with("warning[risky-value]"))
        .count();
    assert_eq!(shown, 20, "{stderr}");
    assert!(
        stderr.contains("warning: 5 more on imported rows, not shown"),
        "{stderr}"
    );
}

#[test]
fn a_changed_row_is_an_error_unless_update() {
    let project = empty_project();
    write(
        project.path(),
        "rows.csv",
        "source,subject,attribute,value\nalpha,Barak deal,value,500M USD\nalpha,Barak deal,value,600M USD\n",
    );
    let (code, stdout, stderr) = run(project.path(), &["import", "rows.csv"]);
    assert_eq!(code, 0, "{stderr}");
    // Ids without an id column: subject words and attribute, numbered.
    assert!(stdout.starts_with("imported 2 claims"), "{stdout}");
    write(
        project.path(),
        "rows.csv",
        "source,subject,attribute,value\nalpha,Barak deal,value,500M USD\nalpha,Barak deal,value,650M USD\n",
    );
    let before = claim_files(project.path());
    let out = shown(run(project.path(), &["import", "rows.csv"]));
    insta::assert_snapshot!(out);
    assert_eq!(before, claim_files(project.path()));
    let (code, stdout, _) = run(project.path(), &["import", "rows.csv", "--update"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("1 unchanged, 1 updated"), "{stdout}");
    let values = claim_values(project.path());
    assert_eq!(values, ["500M USD", "650M USD"]);
}

/// The claims table edited in a spreadsheet and imported with `--update`
/// changes what the cells change and nothing else: a note and a
/// `supersedes` the table once lacked were dropped from every updated
/// claim, and a count written as the JSON number 1500 came back as the
/// cell `1500`, the year. Imported into an empty project, the table gives
/// the same report: the sources' `published` (which converts a plan's
/// dirhams at its year's rate) travels with it.
#[test]
fn the_claims_table_updates_only_what_its_cells_change() {
    let project = empty_project();
    write(
        project.path(),
        "crosscheck.toml",
        "[rates.2022]\nMAD = 0.0955\n",
    );
    let source = |id: &str, claims: Value| {
        serde_json::json!({
            "source": {"id": id, "outlet": id.to_uppercase(), "published": "2022-12-03", "language": "en"},
            "claims": claims,
        })
        .to_string()
    };
    write(
        project.path(),
        "claims/alpha.json",
        source(
            "alpha",
            serde_json::json!([
                {"id": "plan", "subject": "Plan", "attribute": "investment", "value": "130B MAD", "as_of": "2023..2027"},
                {"id": "mines", "subject": "Plan", "attribute": "mines", "value": 1500, "note": "a count"},
                {"id": "jobs", "subject": "Plan", "attribute": "jobs", "value": "25,000", "note": "rounded"},
            ]),
        ),
    );
    write(
        project.path(),
        "claims/beta.json",
        source(
            "beta",
            serde_json::json!([
                {"id": "plan", "subject": "Plan", "attribute": "investment", "value": "12.3B USD", "as_of": "2023..2027"},
                {"id": "jobs", "subject": "Plan", "attribute": "jobs", "value": "~25,000", "supersedes": "alpha/jobs"},
            ]),
        ),
    );
    let (_, table, stderr) = run(project.path(), &["check", "--format", "claims-csv"]);
    assert!(table.contains(",\"1,500\","), "{table}{stderr}");
    let edited = table
        .replace(
            "alpha/jobs,alpha,Plan,Plan,jobs,\"25,000\"",
            "alpha/jobs,alpha,Plan,Plan,jobs,\"26,000\"",
        )
        .replace(
            "beta/jobs,beta,Plan,Plan,jobs,\"~25,000\"",
            "beta/jobs,beta,Plan,Plan,jobs,\"~26,000\"",
        );
    assert_ne!(edited, table);
    write(project.path(), "claims.csv", &edited);
    let (code, stdout, stderr) = run(project.path(), &["import", "claims.csv", "--update"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("(3 unchanged, 2 updated"), "{stdout}");
    let alpha: Value = serde_json::from_str(
        &std::fs::read_to_string(project.path().join("claims/alpha.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(alpha["claims"][1]["value"], 1500);
    assert_eq!(alpha["claims"][2]["value"], "26,000");
    assert_eq!(alpha["claims"][2]["note"], "rounded");
    let beta: Value = serde_json::from_str(
        &std::fs::read_to_string(project.path().join("claims/beta.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(beta["claims"][1]["supersedes"], "alpha/jobs");

    // Into an empty project, with the settings: the same report.
    let copy = empty_project();
    write(
        copy.path(),
        "crosscheck.toml",
        "[rates.2022]\nMAD = 0.0955\n",
    );
    write(copy.path(), "claims.csv", &edited);
    let (code, _, stderr) = run(copy.path(), &["import", "claims.csv"]);
    assert_eq!(code, 0, "{stderr}");
    let (before, after) = (json_report(project.path()), json_report(copy.path()));
    assert_eq!(before["counts"]["rounding"], 1, "{before}");
    assert_eq!(before["findings"], after["findings"]);
    assert_eq!(before["sources"], after["sources"]);
}

#[test]
fn hostile_cells_round_trip_verbatim() {
    // A formula, a cell with line breaks and quotes, and a 1 MB cell.
    let formula = "=cmd|' /C calc'!A0";
    let big = "x".repeat(1 << 20);
    let mut table = csv::Writer::from_writer(Vec::new());
    table
        .write_record(["source", "id", "subject", "attribute", "value", "note"])
        .unwrap();
    table
        .write_record([
            "alpha",
            "f",
            formula,
            "value",
            "500M USD",
            "+1 \"quoted\"\nsecond line",
        ])
        .unwrap();
    table
        .write_record(["alpha", "big", "Deal", "count", "3", &big])
        .unwrap();
    let project = empty_project();
    write(project.path(), "rows.csv", table.into_inner().unwrap());
    let (code, _, stderr) = run(project.path(), &["import", "rows.csv"]);
    assert_eq!(code, 0, "{stderr}");
    let check = |dir: &Path| {
        let report = json_report(dir);
        let claims = report["claims"].as_array().unwrap().clone();
        assert_eq!(claims[0]["id"], "alpha/big");
        assert_eq!(claims[0]["note"].as_str().unwrap().len(), 1 << 20);
        assert_eq!(claims[1]["subject"], formula);
        assert_eq!(claims[1]["note"], "+1 \"quoted\"\nsecond line");
    };
    check(project.path());

    // Exported, the formula is neutralised; imported again, it is restored.
    let (_, exported, _) = run(project.path(), &["check", "--format", "claims-csv"]);
    assert!(
        exported.contains(",'=cmd|' /C calc'!A0,"),
        "{exported:.300}"
    );
    let again = empty_project();
    write(again.path(), "claims.csv", &exported);
    let (code, _, stderr) = run(again.path(), &["import", "claims.csv"]);
    assert_eq!(code, 0, "{stderr}");
    let report = json_report(again.path());
    assert_eq!(report["claims"][1]["subject"], formula);
}

#[test]
fn a_file_in_another_encoding_is_an_error_at_its_row_with_the_iconv_command() {
    let project = empty_project();
    // "Société" in Latin-1 on the third line.
    let mut latin1 = b"source,subject,attribute,value\nalpha,Deal,value,3\nalpha,Soci".to_vec();
    latin1.extend([0xE9]);
    latin1.extend(b"t\xe9,value,4\n");
    write(project.path(), "latin1.csv", &latin1);
    let out = shown(run(project.path(), &["import", "latin1.csv"]));
    insta::assert_snapshot!(out);
    assert!(claim_files(project.path()).is_empty());

    // UTF-16 without a byte-order mark: the same error, another command.
    let utf16: Vec<u8> = "source,subject,attribute,value\nalpha,Deal,value,3\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    write(project.path(), "utf16.csv", &utf16);
    let (code, _, stderr) = run(project.path(), &["import", "utf16.csv"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("iconv -f UTF-16LE -t UTF-8"), "{stderr}");

    // With its byte-order mark (Excel's "Unicode text"), UTF-16 is read.
    let mut with_bom = vec![0xFF, 0xFE];
    with_bom.extend(
        "source\tsubject\tattribute\tvalue\nalpha\tصفقة باراك\tvalue\t3\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    write(project.path(), "unicode.txt", &with_bom);
    let (code, _, stderr) = run(project.path(), &["import", "unicode.txt"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        json_report(project.path())["claims"][0]["subject"],
        "صفقة باراك"
    );
}

// ------------------------------------------------------------------ diff

fn source_file(id: &str, claims: &[(&str, &str, &str)]) -> String {
    let claims: Vec<Value> = claims
        .iter()
        .map(|(claim, attribute, value)| {
            serde_json::json!({"id": claim, "subject": "Barak deal", "attribute": attribute, "value": value})
        })
        .collect();
    serde_json::to_string_pretty(&serde_json::json!({
        "source": {"id": id, "published": "2023"},
        "claims": claims,
    }))
    .unwrap()
}

/// The old project: a contradiction on `value`, agreements on `signed`
/// and `rank`, one claim on `count`.
fn old_project(dir: &Path) {
    std::fs::create_dir_all(dir.join("claims")).unwrap();
    write(
        dir,
        "claims/alpha.json",
        source_file(
            "alpha",
            &[
                ("value", "value", "500M USD"),
                ("signed", "signed", "2020"),
                ("rank", "rank", "3rd"),
                ("count", "count", "10"),
            ],
        ),
    );
    write(
        dir,
        "claims/beta.json",
        source_file(
            "beta",
            &[
                ("value", "value", "900M USD"),
                ("signed", "signed", "2020"),
                ("rank", "rank", "3rd"),
            ],
        ),
    );
}

/// The new project: beta's value claim removed (resolved), beta's rank
/// now 5th (changed), gamma's count contradicting alpha's (new), `signed`
/// untouched (unchanged); alpha's claims reordered, which changes nothing.
fn new_project(dir: &Path) {
    write(
        dir,
        "claims/alpha.json",
        source_file(
            "alpha",
            &[
                ("count", "count", "10"),
                ("rank", "rank", "3rd"),
                ("signed", "signed", "2020"),
                ("value", "value", "500M USD"),
            ],
        ),
    );
    write(
        dir,
        "claims/beta.json",
        source_file(
            "beta",
            &[("signed", "signed", "2020"), ("rank", "rank", "5th")],
        ),
    );
    write(
        dir,
        "claims/gamma.json",
        source_file("gamma", &[("count", "count", "20")]),
    );
}

fn keys(diff: &Value, list: &str) -> Vec<String> {
    diff[list]
        .as_array()
        .unwrap()
        .iter()
        .map(|unit| unit["key"].as_str().unwrap().to_owned())
        .collect()
}

/// Also each fact whose consensus the new run changed.
#[test]
fn diff_lists_new_resolved_changed_and_unchanged_findings() {
    let dir = tempfile::tempdir().unwrap();
    old_project(dir.path());
    let (_, old, _) = run(dir.path(), &["check", "--format", "json"]);
    write(dir.path(), "old.json", &old);
    new_project(dir.path());
    let (_, new, _) = run(dir.path(), &["check", "--format", "json"]);
    write(dir.path(), "new.json", &new);

    let (code, json, stderr) = run(
        dir.path(),
        &["diff", "old.json", "new.json", "--format", "json"],
    );
    assert_eq!(code, 0, "{stderr}");
    let diff: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(keys(&diff, "new"), ["alpha/count|gamma/count"]);
    assert_eq!(keys(&diff, "resolved"), ["alpha/value|beta/value"]);
    assert_eq!(keys(&diff, "changed"), ["alpha/rank|beta/rank"]);
    assert_eq!(keys(&diff, "unchanged"), ["alpha/signed|beta/signed"]);
    // The consensus each change moved: gamma's count and beta's rank leave
    // one origin against another; with beta's value gone, alpha's stands.
    let consensus: Vec<String> = diff["consensus"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| format!("{}: {} -> {}", c["attribute"], c["old"], c["new"]))
        .collect();
    assert_eq!(
        consensus,
        [
            r#""count": "10" -> null"#,
            r#""rank": "3rd" -> null"#,
            r#""value": null -> "500M USD""#
        ]
    );
    insta::assert_snapshot!("diff_json", json);
    insta::assert_snapshot!(
        "diff_text",
        shown(run(dir.path(), &["diff", "old.json", "new.json"]))
    );
    insta::assert_snapshot!(
        "diff_markdown",
        shown(run(
            dir.path(),
            &["diff", "old.json", "new.json", "--format", "md"]
        ))
    );
    // A run against itself: everything unchanged.
    let (_, same, _) = run(
        dir.path(),
        &["diff", "new.json", "new.json", "--format", "json"],
    );
    let same: Value = serde_json::from_str(&same).unwrap();
    assert_eq!(keys(&same, "unchanged").len(), 3);
    assert!(keys(&same, "new").is_empty() && keys(&same, "changed").is_empty());
    assert_eq!(same["consensus"], serde_json::json!([]));
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(["-c", "user.name=test", "-c", "user.email=test@example.org"])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
}

#[test]
fn diff_since_a_git_revision_is_the_diff_of_the_two_reports() {
    let repo = tempfile::tempdir().unwrap();
    // The project in a subdirectory of the repository.
    let dir = repo.path().join("cases/barak");
    old_project(&dir);
    git(repo.path(), &["init", "-q"]);
    git(repo.path(), &["add", "."]);
    git(repo.path(), &["commit", "-q", "-m", "old"]);
    let (_, old, _) = run(&dir, &["check", "--format", "json"]);
    new_project(&dir);
    let (_, new, _) = run(&dir, &["check", "--format", "json"]);
    let reports = tempfile::tempdir().unwrap();
    write(reports.path(), "old.json", old);
    write(reports.path(), "new.json", new);
    let (_, from_reports, _) = run(
        reports.path(),
        &["diff", "old.json", "new.json", "--format", "json"],
    );
    let (code, since, stderr) = run(
        repo.path(),
        &["diff", "--since", "HEAD", "cases/barak", "--format", "json"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(since, from_reports);
    // A revision that does not exist is an error, not an empty diff.
    let (code, _, stderr) = run(&dir, &["diff", "--since", "no-such-rev"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("git archive"), "{stderr}");
}

#[test]
fn check_with_a_baseline_fails_only_on_findings_not_in_it() {
    let dir = tempfile::tempdir().unwrap();
    old_project(dir.path());
    let (code, old, _) = run(dir.path(), &["check", "--format", "json"]);
    assert_eq!(code, 1, "the old project has a contradiction");
    write(dir.path(), "baseline.json", &old);
    // The same findings as the baseline: success.
    let (code, _, stderr) = run(
        dir.path(),
        &["check", "--baseline", "baseline.json", "--format", "text"],
    );
    assert_eq!(code, 0, "{stderr}");
    // A new contradiction (and a changed one): failure.
    new_project(dir.path());
    let (code, _, _) = run(
        dir.path(),
        &["check", "--baseline", "baseline.json", "--format", "text"],
    );
    assert_eq!(code, 1);
    let (code, _, _) = run(
        dir.path(),
        &["check", "--baseline", "baseline.json", "--format", "json"],
    );
    assert_eq!(code, 1);
    // A baseline that is not a report is invalid input.
    write(dir.path(), "bad.json", "{\"no\": 1}");
    let (code, _, stderr) = run(dir.path(), &["check", "--baseline", "bad.json"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("is not a crosscheck JSON report"),
        "{stderr}"
    );
}

#[test]
fn imports_xlsx_and_ods_sheets_with_their_cell_types() {
    // tests/fixtures/import/make_workbooks.py wrote both workbooks: a first
    // sheet "Notes", then "Claims" with text, number and boolean cells.
    for workbook in ["claims.xlsx", "claims.ods"] {
        let project = empty_project();
        let path =
            std::fs::canonicalize(Path::new("tests/fixtures/import").join(workbook)).unwrap();
        let path = path.to_str().unwrap();
        // The first sheet is not claims: its one column maps to nothing.
        let (code, _, stderr) = run(project.path(), &["import", path]);
        assert_eq!(code, 2, "{workbook}");
        assert!(
            stderr.contains(", sheet Notes, row 1, column A (1): the column `not claims`"),
            "{stderr}"
        );
        let (code, _, stderr) = run(project.path(), &["import", path, "--sheet", "Nope"]);
        assert_eq!(code, 2);
        assert!(stderr.contains("its sheets are: Notes, Claims"), "{stderr}");
        let (code, stdout, stderr) = run(project.path(), &["import", path, "--sheet", "Claims"]);
        assert_eq!(code, 0, "{workbook}: {stderr}");
        assert!(stdout.starts_with("imported 4 claims"), "{stdout}");
        let claims = claim_files(project.path());
        let alpha: Value = serde_json::from_str(&claims[0].1).unwrap();
        let beta: Value = serde_json::from_str(&claims[1].1).unwrap();
        assert_eq!(alpha["claims"][0]["value"], "500M USD", "{workbook}");
        // A number cell is a JSON number, a boolean cell a boolean.
        assert_eq!(alpha["claims"][1]["value"], 3, "{workbook}");
        assert_eq!(beta["claims"][1]["value"], true, "{workbook}");
        let report = json_report(project.path());
        assert_eq!(report["counts"]["contradiction"], 1, "{workbook}");
    }
}
