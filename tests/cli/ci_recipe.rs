//! docs/ci.md's workflow, run: every `run:` step of its YAML (except
//! installing crosscheck and posting the comment, which need the network and
//! GitHub) is executed with `sh -e` in a git repository whose `main` branch
//! holds a project and whose pull request adds a contradiction, with the
//! built binary first on PATH. What the steps produce is checked: a SARIF log
//! valid against the SARIF 2.1.0 schema, a Markdown diff naming the new
//! contradiction, and a baseline step that fails (exit 1) because of it.

// Test support: a panic is a failing test.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Command;

use crate::sarif_schema;

/// The `run:` steps of the workflow in docs/ci.md, each with its step name.
fn run_steps(markdown: &str) -> Vec<(String, String)> {
    let yaml = markdown
        .split("```yaml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .unwrap();
    let lines: Vec<&str> = yaml.lines().collect();
    let mut steps = Vec::new();
    let mut name = String::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim_start();
        if let Some(n) = trimmed.strip_prefix("- name: ") {
            name = n.to_owned();
        }
        if let Some(command) = trimmed.strip_prefix("run: ") {
            if command == "|" {
                let indent = line.len() - trimmed.len();
                let mut block = String::new();
                i += 1;
                while i < lines.len() {
                    let next = lines[i];
                    let next_indent = next.len() - next.trim_start().len();
                    if !next.trim().is_empty() && next_indent <= indent {
                        break;
                    }
                    block.push_str(next.trim_start());
                    block.push('\n');
                    i += 1;
                }
                steps.push((name.clone(), block));
                continue;
            }
            steps.push((name.clone(), command.to_owned()));
        }
        i += 1;
    }
    steps
}

fn git(dir: &Path, args: &[&str]) {
    let output = Command::new("git")
        .args(["-c", "user.name=test", "-c", "user.email=test@example.org"])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(output.status.success(), "git {args:?}: {output:?}");
}

fn claim_file(id: &str, value: &str) -> String {
    format!(
        r#"{{
  "source": {{"id": "{id}", "published": "2023"}},
  "claims": [
    {{"id": "value", "subject": "Barak deal", "attribute": "value", "value": "{value}"}}
  ]
}}
"#
    )
}

#[test]
fn the_ci_recipe_runs_as_documented() {
    let steps = run_steps(&std::fs::read_to_string("docs/ci.md").unwrap());
    let names: Vec<&str> = steps.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Install crosscheck",
            "Check the claims",
            "What changed against the base branch",
            "Comment the diff on the pull request",
            "Fail on contradictions the base branch did not have",
        ]
    );

    // A claims repository: main holds two agreeing sources; the pull
    // request adds a third that contradicts them. `origin/main` is main.
    let root = tempfile::tempdir().unwrap();
    let repo = root.path().join("claims-repo");
    std::fs::create_dir_all(repo.join("claims")).unwrap();
    std::fs::write(
        repo.join("claims/alpha.json"),
        claim_file("alpha", "500M USD"),
    )
    .unwrap();
    std::fs::write(
        repo.join("claims/beta.json"),
        claim_file("beta", "500M USD"),
    )
    .unwrap();
    git(&repo, &["init", "-q", "-b", "main"]);
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "-q", "-m", "base"]);
    git(&repo, &["update-ref", "refs/remotes/origin/main", "main"]);
    git(&repo, &["checkout", "-q", "-b", "pr"]);
    std::fs::write(
        repo.join("claims/gamma.json"),
        claim_file("gamma", "900M USD"),
    )
    .unwrap();
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "-q", "-m", "a contradicting source"]);

    let binary_dir = Path::new(env!("CARGO_BIN_EXE_crosscheck"))
        .parent()
        .unwrap();
    let path = format!(
        "{}:{}",
        binary_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut statuses = Vec::new();
    for (name, script) in &steps {
        if script.contains("cargo install") || script.contains("gh pr comment") {
            continue;
        }
        let output = Command::new("sh")
            .args(["-e", "-c", script])
            .current_dir(&repo)
            .env("PATH", &path)
            .env("BASE_REF", "main")
            .output()
            .unwrap();
        statuses.push((name.as_str(), output.status.code()));
        if name == "Fail on contradictions the base branch did not have" {
            let stdout = String::from_utf8_lossy(&output.stdout);
            assert!(stdout.contains("Contradiction"), "{stdout}");
        }
    }
    assert_eq!(
        statuses,
        [
            ("Check the claims", Some(0)),
            ("What changed against the base branch", Some(0)),
            (
                "Fail on contradictions the base branch did not have",
                Some(1)
            ),
        ]
    );

    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo.join("crosscheck.sarif")).unwrap())
            .unwrap();
    let errors = sarif_schema::errors(&sarif);
    assert!(errors.is_empty(), "{errors:#?}");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 2, "gamma contradicts alpha and beta");
    assert_eq!(
        results[0]["partialFingerprints"]["crosscheck/v1"],
        "alpha/value|gamma/value"
    );
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "claims/alpha.json"
    );
    let diff = std::fs::read_to_string(repo.join("crosscheck-diff.md")).unwrap();
    assert!(
        diff.contains("2 new, 0 resolved, 0 changed, 1 unchanged"),
        "{diff}"
    );
    assert!(
        diff.contains("alpha/value '500M USD' / gamma/value '900M USD'"),
        "{diff}"
    );
}
