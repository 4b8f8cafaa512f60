//! SARIF 2.1.0, what `crosscheck check --format sarif` prints: findings
//! where code review shows them (GitHub code scanning, VS Code's SARIF
//! viewer).
//!
//! # Layout
//!
//! One run; its tool's rules are every finding kind
//! ([`FindingKind::ALL`], with the kind's description) followed by the
//! code of each curation warning present. Results:
//!
//! - one per pair of every finding that has pairs (the contradiction
//!   kinds): `ruleId` the finding's kind, `level` `error` for the
//!   contradiction severity and `warning` otherwise, located at the pair's
//!   first claim (by id) in its `claims/*.json` file (its line and column,
//!   counted in Unicode code points: `columnKind` says so); related
//!   locations at the other claim and at each claim's quote in its
//!   document;
//! - one per curation warning, `level` `warning`, at the warning's main
//!   place, its other places as related locations.
//!
//! `partialFingerprints.crosscheck/v1` is built from claim ids (the pair's
//! two global ids joined by `|`; for a warning, its code and message), never
//! from positions, so a result keeps its identity when lines move and
//! `crosscheck diff` uses the same key ([`pair_fingerprint`]). Paths are
//! relative to the project directory (`uriBaseId` `PROJECTROOT`): a
//! workflow run in the project directory needs no path mapping.

use std::collections::BTreeSet;
use std::io::{self, Write};

use serde_json::{Value, json};

use crate::check::{Finding, FindingKind, Severity};
use crate::diagnostic::{Diagnostic, DiagnosticCode};
use crate::model::{ClaimId, FileId, Span};
use crate::report::ReportInput;

/// Where the SARIF 2.1.0 schema lives (the OASIS standard's schema).
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The key of a pair of claims, in SARIF fingerprints and in `diff`.
pub fn pair_fingerprint(a: &str, b: &str) -> String {
    format!("{a}|{b}")
}

/// Writes the SARIF log, indented, with a final newline.
pub fn render(input: &ReportInput<'_>, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &log(input))?;
    writeln!(out)
}

/// The SARIF log as a JSON value.
pub fn log(input: &ReportInput<'_>) -> Value {
    let warning_codes: BTreeSet<DiagnosticCode> =
        input.warnings.iter().map(|warning| warning.code).collect();
    let mut rules: Vec<Value> = FindingKind::ALL
        .iter()
        .map(|kind| {
            rule(
                kind.name(),
                kind.description(),
                level(kind.severity()),
                "finding",
            )
        })
        .collect();
    rules.extend(
        warning_codes
            .iter()
            .map(|code| rule(code.name(), code.description(), "warning", "curation")),
    );
    let rule_index = |id: &str| {
        rules
            .iter()
            .position(|rule| rule["id"] == id)
            .unwrap_or_default()
    };
    let mut results = Vec::new();
    for finding in input.findings_in_report_order() {
        for pair in &finding.pairs {
            results.push(pair_result(
                input,
                finding,
                pair,
                rule_index(finding.kind.name()),
            ));
        }
        // A fact of many claims: one result per side, located at the first
        // claim of each side (a code-scanning alert per pair of 30,000
        // claims would bury the others).
        for side in &finding.sides {
            let (Some(a), Some(b)) = (side.left.first(), side.right.first()) else {
                continue;
            };
            let pair = if a < b {
                [a.clone(), b.clone()]
            } else {
                [b.clone(), a.clone()]
            };
            results.push(pair_result(
                input,
                finding,
                &pair,
                rule_index(finding.kind.name()),
            ));
        }
    }
    let mut warnings: Vec<&Diagnostic> = input.warnings.iter().collect();
    warnings.sort_by(|a, b| (a.code, &a.message).cmp(&(b.code, &b.message)));
    for warning in warnings {
        results.push(warning_result(
            input,
            warning,
            rule_index(warning.code.name()),
        ));
    }
    json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "crosscheck",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://github.com/crosscheck/crosscheck",
                    "rules": rules,
                }
            },
            "originalUriBaseIds": {
                "PROJECTROOT": {
                    "description": { "text": "The project directory (the one holding claims/)." }
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    })
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Contradiction => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn rule(id: &str, description: &str, level: &str, category: &str) -> Value {
    json!({
        "id": id,
        "shortDescription": { "text": description },
        "fullDescription": { "text": description },
        "defaultConfiguration": { "level": level },
        "properties": { "category": category },
    })
}

fn pair_result(
    input: &ReportInput<'_>,
    finding: &Finding,
    pair: &[ClaimId; 2],
    rule_index: usize,
) -> Value {
    let reason = finding
        .comparisons
        .iter()
        .find(|c| c.claims == *pair)
        .map_or_else(|| finding.explanation.clone(), |c| input.reason(c));
    let message = format!(
        "{}: {} · {}: {} and {}: {}",
        finding.kind.description(),
        finding.subject,
        finding.attribute,
        pair[0],
        pair[1],
        reason
    );
    let mut related = Vec::new();
    if let Some(location) = claim_location(input, &pair[1]) {
        related.push(with_message(
            location,
            &format!("the other claim, {}", pair[1]),
        ));
    }
    for id in pair {
        if let Some(location) = quote_location(input, id) {
            related.push(with_message(location, &format!("the quote of {id}")));
        }
    }
    let related: Vec<Value> = related
        .into_iter()
        .enumerate()
        .map(|(i, mut location)| {
            location["id"] = json!(i);
            location
        })
        .collect();
    let mut result = json!({
        "ruleId": finding.kind.name(),
        "ruleIndex": rule_index,
        "level": level(finding.kind.severity()),
        "message": { "text": message },
        "locations": claim_location(input, &pair[0]).into_iter().collect::<Vec<_>>(),
        "partialFingerprints": { "crosscheck/v1": pair_fingerprint(pair[0].as_str(), pair[1].as_str()) },
    });
    if !related.is_empty() {
        result["relatedLocations"] = json!(related);
    }
    result
}

fn warning_result(input: &ReportInput<'_>, warning: &Diagnostic, rule_index: usize) -> Value {
    let mut labels: Vec<_> = warning.labels.iter().collect();
    labels.sort_by_key(|label| !label.primary);
    let mut locations = labels
        .iter()
        .map(|label| with_message(span_location(input, &label.span, false), &label.message));
    let primary: Vec<Value> = locations.next().into_iter().collect();
    let related: Vec<Value> = locations
        .enumerate()
        .map(|(i, mut location)| {
            location["id"] = json!(i);
            location
        })
        .collect();
    let mut text = warning.message.clone();
    for help in &warning.help {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    let mut result = json!({
        "ruleId": warning.code.name(),
        "ruleIndex": rule_index,
        "level": "warning",
        "message": { "text": text },
        "locations": primary,
        "partialFingerprints": {
            "crosscheck/v1": format!("{}|{}", warning.code.name(), warning.message)
        },
    });
    if !related.is_empty() {
        result["relatedLocations"] = json!(related);
    }
    result
}

fn with_message(mut location: Value, text: &str) -> Value {
    location["message"] = json!({ "text": text });
    location
}

/// A claim's place: the start of its object in its claim file.
fn claim_location(input: &ReportInput<'_>, id: &ClaimId) -> Option<Value> {
    let (_, claim) = input.claim(id)?;
    Some(span_location(input, &claim.span, false))
}

/// Where a claim's quote stands in its document.
fn quote_location(input: &ReportInput<'_>, id: &ClaimId) -> Option<Value> {
    let (_, claim) = input.claim(id)?;
    let location = claim.quote.as_ref()?.location.as_ref()?;
    Some(span_location(input, &location.span, true))
}

/// A physical location; `whole`: a region over the whole span, else its
/// start only.
fn span_location(input: &ReportInput<'_>, span: &Span, whole: bool) -> Value {
    let files = &input.project.files;
    let start = files.line_column(span.file, span.bytes.start);
    let mut region = json!({ "startLine": start.line, "startColumn": start.column });
    if whole {
        let end = files.line_column(span.file, span.bytes.end);
        region["endLine"] = json!(end.line);
        region["endColumn"] = json!(end.column);
    }
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(files.name(span.file as FileId)), "uriBaseId": "PROJECTROOT" },
            "region": region,
        }
    })
}

/// A relative path as a URI reference: the characters a URI cannot hold
/// percent-encoded (an Arabic file name, a space).
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}
