//! The review loop end to end, through the binary (insta-cmd): `crosscheck
//! subjects --suggestions` lists suggestions with ids and what accepting
//! each would change; `crosscheck link accept|reject ID` writes the alias or
//! the `distinct` pair into claims/subjects.json, keeping the rest of the
//! file as written; a rejected pair is never suggested again; two accepts
//! run at once both land.

// Helpers outside #[test] fns: a panic here is a failing test, not a user's crash.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Command;

use insta_cmd::assert_cmd_snapshot;

/// A fresh copy of tests/fixtures/review.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/review/claims");
    std::fs::create_dir(dir.path().join("claims")).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(
            &path,
            dir.path().join("claims").join(path.file_name().unwrap()),
        )
        .unwrap();
    }
    dir
}

/// The binary, run in `dir` (relative paths keep the snapshots stable).
fn crosscheck(dir: &Path) -> Command {
    let mut command = crate::harness::binary();
    command.current_dir(dir);
    command
}

/// The id of the suggestion whose line in `listing` holds `name`.
fn suggestion_id(listing: &str, name: &str) -> String {
    listing
        .lines()
        .find(|l| l.contains(name))
        .and_then(|l| l.split_whitespace().next())
        .unwrap()
        .to_string()
}

fn registry(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("claims/subjects.json")).unwrap()
}

const ORIGINAL: &str = include_str!("../fixtures/review/claims/subjects.json");
/// "Brampton township, michigan" ~ "Hampton township, michigan".
const BRAMPTON: &str = "f14ef3590300";
/// "Eaton township, michigan" ~ "Eeaton township, michigan".
const EATON: &str = "f46882ae133b";

#[test]
fn suggestions_show_ids_differences_and_consequences() {
    let dir = project();
    assert_cmd_snapshot!(crosscheck(dir.path()).args(["subjects", "--suggestions"]));
}

#[test]
fn accept_writes_an_entry_and_the_pair_is_linked() {
    let dir = project();
    assert_cmd_snapshot!(crosscheck(dir.path()).args(["link", "accept", BRAMPTON]));
    let after = registry(dir.path());
    assert_eq!(
        after,
        ORIGINAL.replace(
            "      \"aliases\": [\"Gantz visit to Rabat\"] }\n",
            "      \"aliases\": [\"Gantz visit to Rabat\"] },\n    { \"name\": \"Brampton township, michigan\", \"aliases\": [\"Hampton township, michigan\"] }\n"
        )
    );
    // Now one subject, and the contradiction the listing announced is there.
    let check = crosscheck(dir.path())
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    let contradictions: Vec<_> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "contradiction")
        .map(|f| f["claims"].clone())
        .collect();
    assert_eq!(
        contradictions,
        [serde_json::json!(["census/brampton", "wiki/hampton"])]
    );
    // Accepted: no longer suggested, and its id is gone.
    let listing = crosscheck(dir.path())
        .args(["subjects", "--suggestions"])
        .output()
        .unwrap();
    assert!(
        !String::from_utf8(listing.stdout)
            .unwrap()
            .contains(BRAMPTON)
    );
}

#[test]
fn accept_adds_an_alias_to_a_registry_entry() {
    let dir = project();
    let listing = crosscheck(dir.path())
        .args(["subjects", "--suggestions"])
        .output()
        .unwrap();
    let listing = String::from_utf8(listing.stdout).unwrap();
    // The suggestion between the registry entry and "Beny Gantz visit".
    let id = suggestion_id(&listing, "\"Beny Gantz visit\"");
    let output = crosscheck(dir.path())
        .args(["link", "accept", &id])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        registry(dir.path()),
        ORIGINAL.replace(
            "[\"Gantz visit to Rabat\"]",
            "[\"Gantz visit to Rabat\", \"Beny Gantz visit\"]"
        )
    );
}

#[test]
fn a_rejected_pair_is_never_suggested_again() {
    let dir = project();
    assert_cmd_snapshot!(crosscheck(dir.path()).args(["link", "reject", BRAMPTON]));
    assert_eq!(
        registry(dir.path()),
        ORIGINAL.replace(
            "[[\"2023 artillery deal\", \"2025 artillery deal\"]]",
            "[[\"2023 artillery deal\", \"2025 artillery deal\"], [\"Brampton township, michigan\", \"Hampton township, michigan\"]]"
        )
    );
    assert_cmd_snapshot!(crosscheck(dir.path()).args(["subjects", "--suggestions"]));
    // Deciding it again: there is no such suggestion any more.
    assert_cmd_snapshot!(crosscheck(dir.path()).args(["link", "accept", BRAMPTON]));
}

#[test]
fn an_unknown_id_exits_two_and_writes_nothing() {
    let dir = project();
    assert_cmd_snapshot!(crosscheck(dir.path()).args(["link", "accept", "000000000000"]));
    assert_eq!(registry(dir.path()), ORIGINAL);
}

#[test]
fn two_concurrent_accepts_both_land() {
    for _ in 0..3 {
        let dir = project();
        let children: Vec<_> = [BRAMPTON, EATON]
            .iter()
            .map(|id| {
                crosscheck(dir.path())
                    .args(["link", "accept", id])
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let output = child.wait_with_output().unwrap();
            assert!(output.status.success(), "{output:?}");
        }
        let after = registry(dir.path());
        serde_json::from_str::<serde_json::Value>(&after).unwrap();
        assert!(
            after.contains("\"aliases\": [\"Hampton township, michigan\"]"),
            "{after}"
        );
        assert!(
            after.contains("\"aliases\": [\"Eeaton township, michigan\"]"),
            "{after}"
        );
        // Everything that was there is still there, as written.
        assert!(after.starts_with(&ORIGINAL[..ORIGINAL.find("] }").unwrap()]));
        assert!(after.contains("  \"values\": [],\n  \"distinct\": [[\"2023 artillery deal\", \"2025 artillery deal\"]]\n}\n"));
        let listing = crosscheck(dir.path())
            .args(["subjects", "--suggestions"])
            .output()
            .unwrap();
        let listing = String::from_utf8(listing.stdout).unwrap();
        assert!(
            !listing.contains(BRAMPTON) && !listing.contains(EATON),
            "{listing}"
        );
    }
}

/// Value names follow the linking rules: "Knuth, Donald E.", "Donald E.
/// Knuth" and "D. E. Knuth" are naming variants of one author, "Knuth" alone
/// (a given name missing) still contradicts them.
#[test]
fn author_names_in_another_form_are_naming_variants() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("claims")).unwrap();
    for (source, value) in [
        ("a", "Knuth, Donald E."),
        ("b", "Donald E. Knuth"),
        ("c", "D. E. Knuth"),
    ] {
        let text = format!(
            r#"{{"source": {{"id": "{source}", "outlet": null, "title": null, "published": "2007",
                "language": "en", "document": null, "url": null}},
              "claims": [{{"id": "authors", "subject": "0201853949", "attribute": "authors", "value": "{value}"}}]}}"#
        );
        std::fs::write(dir.path().join(format!("claims/{source}.json")), text).unwrap();
    }
    let output = crosscheck(dir.path())
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let kinds: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["naming-variant"]);
}

/// Two sources alone on the two subjects a suggestion joins, agreeing on
/// both facts, looked like copies of each other in the preview ("1
/// independent origin ... (copies)"), which only reads those subjects'
/// claims; the whole project shows them independent (they differ on
/// another fact), and so does the preview now, as `check` does once the
/// link is accepted.
#[test]
fn the_preview_counts_the_origins_check_counts() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("claims")).unwrap();
    let source = |id: &str, subject: &str, jobs: &str| {
        serde_json::json!({
            "source": { "id": id, "outlet": id, "published": "2022-12-03" },
            "claims": [
                { "id": "ammonia27", "subject": subject, "attribute": "capacity",
                  "value": "1M t", "as_of": "2027" },
                { "id": "ammonia32", "subject": subject, "attribute": "capacity",
                  "value": "3M t", "as_of": "2032" },
                { "id": "jobs", "subject": "OCP green investment programme",
                  "attribute": "jobs", "value": jobs },
            ]
        })
    };
    for (id, subject, jobs) in [
        ("hespress", "Green ammonia output", "~25,000"),
        ("alarabiya", "Green amonia output", "~20,000"),
        ("reuters", "Fertiliser output", "~25,000"),
    ] {
        std::fs::write(
            dir.path().join(format!("claims/{id}.json")),
            source(id, subject, jobs).to_string(),
        )
        .unwrap();
    }
    let listing = crosscheck(dir.path())
        .args(["subjects", "--suggestions"])
        .output()
        .unwrap();
    let listing = String::from_utf8(listing.stdout).unwrap();
    let preview: Vec<&str> = listing
        .lines()
        .filter(|l| l.contains("+ agreement capacity"))
        .collect();
    assert_eq!(preview.len(), 2, "{listing}");
    for line in &preview {
        assert!(line.contains("2 sources, 2 independent origins)"), "{line}");
    }
    let id = suggestion_id(&listing, "\"Green amonia output\"");
    let accepted = crosscheck(dir.path())
        .args(["link", "accept", &id])
        .output()
        .unwrap();
    assert!(accepted.status.success(), "{accepted:?}");
    let check = crosscheck(dir.path())
        .args(["check", "--format", "json", "--fail-on", "never"])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    let agreements: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "agreement" && f["attribute"] == "capacity")
        .map(|f| f["explanation"].as_str().unwrap())
        .collect();
    assert_eq!(agreements.len(), 2, "{report}");
    for explanation in agreements {
        assert!(
            explanation.ends_with("2 sources, 2 independent origins"),
            "{explanation}"
        );
    }
}
