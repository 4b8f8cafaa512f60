//! The two CSV tables `crosscheck check --format csv` (findings) and
//! `--format claims-csv` (claims) print: what a spreadsheet opens as it is.
//!
//! # Columns
//!
//! - claims: `claim, source, subject, canonical subject, attribute, value as
//!   written, normalised, as_of, according_to, quote, document, line,
//!   column, note, supersedes, outlet, title, published, language, url`
//!   (one row per claim, sorted by id; `according_to` names joined by `; `;
//!   `line` and `column` are where the quote starts in the document, the
//!   column in characters; the last five are the claim's source's fields,
//!   so the table imported into an empty project gives the same report);
//! - findings: `finding, kind, subject, attribute, claim a, value a, source
//!   a, claim b, value b, source b, reason` (findings numbered in report
//!   order; one row per pair for the kinds with pairs, the contradictions;
//!   one row per finding otherwise, its claims in `claim a` joined by ` `
//!   when it has more than two).
//!
//! # Why it is written this way
//!
//! Quoting is RFC 4180 (a field is quoted when it holds a comma, a quote or
//! a line break; quotes are doubled), lines end in CRLF, and the text is
//! UTF-8, with a byte-order mark on request (`--bom`) because Excel reads a
//! CSV without one in the system's legacy code page. A cell that starts
//! with `=`, `+`, `-`, `@`, a tab or a carriage return would be run as a
//! formula by a spreadsheet (CSV injection): it is written with a leading
//! `'`, which spreadsheets show as text; `crosscheck import` removes that
//! `'` again, so the claims table round-trips.

use std::io::{self, Write};

use crate::check::Finding;
use crate::report::ReportInput;
use crate::value::Value;

/// The header of the claims table.
pub const CLAIM_COLUMNS: [&str; 20] = [
    "claim",
    "source",
    "subject",
    "canonical subject",
    "attribute",
    "value as written",
    "normalised",
    "as_of",
    "according_to",
    "quote",
    "document",
    "line",
    "column",
    "note",
    "supersedes",
    "outlet",
    "title",
    "published",
    "language",
    "url",
];

/// The header of the findings table.
pub const FINDING_COLUMNS: [&str; 11] = [
    "finding",
    "kind",
    "subject",
    "attribute",
    "claim a",
    "value a",
    "source a",
    "claim b",
    "value b",
    "source b",
    "reason",
];

/// The characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `cell` as a spreadsheet should show it: a leading `'` before a formula
/// start (see the module doc).
pub fn neutralise(cell: &str) -> String {
    if cell.starts_with(FORMULA_STARTS) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// The inverse of [`neutralise`], for `import`.
pub fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => cell,
    }
}

fn writer(out: &mut dyn Write, bom: bool) -> io::Result<csv::Writer<&mut dyn Write>> {
    if bom {
        out.write_all("\u{feff}".as_bytes())?;
    }
    Ok(csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(out))
}

fn row<const N: usize>(
    table: &mut csv::Writer<&mut dyn Write>,
    cells: [&str; N],
) -> io::Result<()> {
    table.write_record(cells.iter().map(|cell| neutralise(cell)))?;
    Ok(())
}

/// Writes the claims table.
pub fn render_claims(input: &ReportInput<'_>, out: &mut dyn Write, bom: bool) -> io::Result<()> {
    let mut table = writer(out, bom)?;
    row(&mut table, CLAIM_COLUMNS)?;
    let mut claims: Vec<_> = input.project.claims().collect();
    claims.sort_by(|a, b| a.1.id.cmp(&b.1.id));
    for (source, claim) in claims {
        let quote = claim.quote.as_deref();
        let location = quote.and_then(|q| q.location.as_ref());
        // A set as its JSON array, which `import` reads back as a set (its
        // members joined by ", " would read as one text).
        // A value as written reads back as itself, except a JSON number:
        // `1500` written as a number is the count, and the cell `1500` would
        // read as the year; its canonical form (`1,500`) reads as the count.
        let value = match &claim.value {
            Value::Set(members) => serde_json::to_string(members).map_err(io::Error::other)?,
            value => match crate::value::parse_value_str(&claim.value_written) {
                Ok(read) if read == *value => claim.value_written.to_string(),
                _ => value.to_string(),
            },
        };
        let (line, column) = location.map_or((String::new(), String::new()), |l| {
            (l.start.line.to_string(), l.start.column.to_string())
        });
        row(
            &mut table,
            [
                claim.id.as_str(),
                &source.id,
                &claim.subject,
                input.canonical_subject(claim),
                &claim.attribute,
                &value,
                input.normalised(&claim.id),
                claim.as_of_written().unwrap_or(""),
                &claim.according_to().join("; "),
                quote.map_or("", |q| q.text.as_str()),
                source.document.as_ref().map_or("", |d| d.path.as_str()),
                &line,
                &column,
                claim.note().unwrap_or(""),
                claim.supersedes().map_or("", |(id, _)| id.as_str()),
                source.outlet.as_deref().unwrap_or(""),
                source.title.as_deref().unwrap_or(""),
                source.published_written.as_deref().unwrap_or(""),
                source.language.as_deref().unwrap_or(""),
                source.url.as_deref().unwrap_or(""),
            ],
        )?;
    }
    table.flush()
}

/// Writes the findings table.
pub fn render_findings(input: &ReportInput<'_>, out: &mut dyn Write, bom: bool) -> io::Result<()> {
    let mut table = writer(out, bom)?;
    row(&mut table, FINDING_COLUMNS)?;
    for (number, finding) in input.findings_in_report_order().into_iter().enumerate() {
        let number = (number + 1).to_string();
        if finding.pairs.is_empty() {
            finding_row(&mut table, input, &number, finding)?;
            continue;
        }
        for pair in &finding.pairs {
            let reason = finding
                .comparisons
                .iter()
                .find(|c| c.claims == *pair)
                .map_or_else(|| finding.explanation.clone(), |c| input.reason(c));
            let [a, b] = [side(input, &pair[0]), side(input, &pair[1])];
            row(
                &mut table,
                [
                    &number,
                    finding.kind.name(),
                    &finding.subject,
                    &finding.attribute,
                    pair[0].as_str(),
                    a.0,
                    a.1,
                    pair[1].as_str(),
                    b.0,
                    b.1,
                    &reason,
                ],
            )?;
        }
    }
    table.flush()
}

/// A finding without pairs: its one or two claims side by side, or all of
/// its claims in `claim a`.
fn finding_row(
    table: &mut csv::Writer<&mut dyn Write>,
    input: &ReportInput<'_>,
    number: &str,
    finding: &Finding,
) -> io::Result<()> {
    let (claim_a, a, claim_b, b) = match finding.claims.as_slice() {
        [one] => (one.to_string(), side(input, one), String::new(), ("", "")),
        [one, two] => (
            one.to_string(),
            side(input, one),
            two.to_string(),
            side(input, two),
        ),
        many => (
            many.iter()
                .map(|id| id.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            ("", ""),
            String::new(),
            ("", ""),
        ),
    };
    row(
        table,
        [
            number,
            finding.kind.name(),
            &finding.subject,
            &finding.attribute,
            &claim_a,
            a.0,
            a.1,
            &claim_b,
            b.0,
            b.1,
            &finding.explanation,
        ],
    )
}

/// A claim's value as written and its source id.
fn side<'a>(input: &ReportInput<'a>, id: &crate::model::ClaimId) -> (&'a str, &'a str) {
    input.claim(id).map_or(("", ""), |(source, claim)| {
        (&*claim.value_written, source.id.as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised_and_restored() {
        for cell in ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "--12-10"] {
            let written = neutralise(cell);
            assert!(written.starts_with('\''), "{cell}");
            assert_eq!(restore(&written), cell);
        }
        for cell in ["500M USD", "'quoted", "<=150M USD", ""] {
            assert_eq!(neutralise(cell), cell);
            assert_eq!(restore(cell), cell);
        }
    }
}
