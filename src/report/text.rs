//! The terminal summary `crosscheck check` prints: counts by kind, then each
//! contradiction and mixed-kinds error briefly (its claims, values as
//! written, and quotes with their place), then how many curation warnings
//! there are.
//!
//! Colour is the caller's decision (it knows whether stdout is a terminal);
//! without it the output is plain text, the form snapshots hold. Every string
//! from a claim file goes through [`terminal_safe`], so a control character
//! in a claim cannot move the cursor or recolour the reader's terminal.

use crate::text::plural::noun;
use std::io::{self, Write};

use crate::check::{Finding, FindingKind, Severity};
use crate::report::{ReportInput, at_most};

/// Longest quote shown in full; longer ones are cut with `…` (the Markdown
/// and HTML reports carry them whole).
const QUOTE_CHARS: usize = 90;

/// Writes the summary. `colour`: emit ANSI colours (only on a terminal).
pub fn render(input: &ReportInput<'_>, out: &mut dyn Write, colour: bool) -> io::Result<()> {
    let paint = Paint { colour };
    let claims = input.project.claims().count();
    let sources = input.project.sources.len();
    let findings = input.outcome.findings.len();
    writeln!(
        out,
        "{}",
        paint.bold(&format!(
            "crosscheck: {claims} claim{} from {sources} source{}, {findings} finding{}",
            noun(claims, "", "s"),
            noun(sources, "", "s"),
            noun(findings, "", "s")
        ))
    )?;
    let counts = input.counts();
    if !counts.is_empty() {
        let counts: Vec<String> = counts
            .iter()
            .map(|(kind, count)| paint.kind(*kind, &kind.counted(*count)))
            .collect();
        writeln!(out, "  {}", counts.join(", "))?;
    }

    // The kinds whose findings list pairs: contradictions, and what a
    // journalist must see beside them (figures that differ only by
    // rounding, revised figures); and the curation errors that keep claims
    // from being compared at all (mixed kinds), which the curator must fix
    // and should not have to open another report to find; as many as the
    // reports show in full.
    let shown = input.findings_shown();
    let in_terminal =
        |kind: FindingKind| kind.info().pairs.is_some() || kind == FindingKind::MixedKinds;
    let with_pairs = |finding: &&&Finding| in_terminal(finding.kind);
    for finding in shown.in_full.iter().filter(with_pairs) {
        writeln!(out)?;
        render_contradiction(input, finding, &paint, out)?;
    }
    let more = shown.in_one_line.iter().filter(with_pairs).count()
        + shown
            .left_out
            .iter()
            .filter(|(kind, _)| in_terminal(**kind))
            .map(|(_, n)| n)
            .sum::<usize>();
    left_out_note(
        out,
        &paint,
        more,
        ("finding", "findings"),
        "with pairs: see reports/report.json, or all of them with --detail full",
    )?;

    let (timelines, more_timelines) = at_most(&input.outcome.timelines, input.capped());
    for timeline in timelines {
        writeln!(out)?;
        writeln!(
            out,
            "{}: {} · {}",
            paint.bold("Timeline"),
            paint.bold(&terminal_safe(&timeline.subject)),
            terminal_safe(&timeline.attribute)
        )?;
        for entry in &timeline.entries {
            let revises = entry
                .supersedes
                .as_ref()
                .map(|id| format!(", revises {}", terminal_safe(id.as_str())))
                .unwrap_or_default();
            writeln!(
                out,
                "  {}  {}  {} ({}{revises})",
                terminal_safe(&entry.as_of_shown()),
                paint.bold(&terminal_safe(&entry.value)),
                terminal_safe(&entry.origin),
                terminal_safe(entry.claim.as_str())
            )?;
        }
    }
    left_out_note(
        out,
        &paint,
        more_timelines,
        ("timeline", "timelines"),
        ": see reports/report.md",
    )?;

    render_trust(input, &paint, out)?;

    if !input.warnings.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            paint.yellow(&format!(
                "{} curation warning{} (see the Markdown or HTML report)",
                input.warnings.len(),
                noun(input.warnings.len(), "", "s")
            ))
        )?;
    }
    Ok(())
}

/// `title (facts behind it):` and one aligned line per name with its trust
/// and facts; nothing when there are none.
fn trust_list(
    out: &mut dyn Write,
    paint: &Paint,
    title: &str,
    rows: Vec<(&str, f64, usize)>,
) -> io::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        paint.bold(&format!("{title} (facts behind it):"))
    )?;
    let width = rows
        .iter()
        .map(|(name, ..)| name.chars().count())
        .max()
        .unwrap_or(0);
    for (name, trust, facts) in rows {
        writeln!(
            out,
            "  {}{}  {trust:.2} ({facts})",
            terminal_safe(name),
            " ".repeat(width.saturating_sub(name.chars().count())),
        )?;
    }
    Ok(())
}

/// The trust of every source some disputed fact involves, and the copy
/// groups with their evidence.
fn render_trust(input: &ReportInput<'_>, paint: &Paint, out: &mut dyn Write) -> io::Result<()> {
    let sources = input
        .source_trust()
        .iter()
        .filter_map(|t| Some((t.id.as_str(), t.trust?, t.facts)));
    trust_list(out, paint, "source trust", sources.collect())?;
    let cited = input
        .cited_origin_trust()
        .iter()
        .filter_map(|t| Some((t.name.as_str(), t.trust?, t.facts)));
    trust_list(out, paint, "cited origin trust", cited.collect())?;
    for group in input.copy_groups() {
        writeln!(out)?;
        writeln!(
            out,
            "{} {}",
            paint.yellow("counted as one origin (copies):"),
            terminal_safe(&group.origins.join(", "))
        )?;
        for pair in &group.pairs {
            writeln!(out, "  {}", paint.dim(&terminal_safe(&pair.evidence())))?;
        }
    }
    Ok(())
}

/// "and 12 more findings with pairs: ...", dimmed, when `more` > 0.
fn left_out_note(
    out: &mut dyn Write,
    paint: &Paint,
    more: usize,
    (one, many): (&str, &str),
    what_then: &str,
) -> io::Result<()> {
    if more == 0 {
        return Ok(());
    }
    let space = if what_then.starts_with(':') { "" } else { " " };
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        paint.dim(&format!(
            "and {more} more {}{space}{what_then}",
            noun(more, one, many)
        ))
    )
}

/// "  and 12 more claims", dimmed, under a finding's capped list, when
/// `more` > 0.
fn more_in_finding(
    out: &mut dyn Write,
    paint: &Paint,
    more: usize,
    (one, many): (&str, &str),
) -> io::Result<()> {
    if more > 0 {
        writeln!(
            out,
            "  {}",
            paint.dim(&format!("and {more} more {}", noun(more, one, many)))
        )?;
    }
    Ok(())
}

fn render_contradiction(
    input: &ReportInput<'_>,
    finding: &Finding,
    paint: &Paint,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "{}: {} · {}",
        paint.kind(finding.kind, finding.kind.title()),
        paint.bold(&terminal_safe(&finding.subject)),
        terminal_safe(&finding.attribute)
    )?;
    writeln!(out, "  {}", terminal_safe(&finding.explanation))?;
    for line in input.consensus_lines(finding) {
        writeln!(out, "  {}", paint.bold(&terminal_safe(&line)))?;
    }
    let id_width = finding
        .claims
        .iter()
        .map(|id| id.0.chars().count())
        .max()
        .unwrap_or(0);
    let value_width = finding
        .claims
        .iter()
        .filter_map(|id| input.claim(id))
        .map(|(_, claim)| terminal_safe(&claim.value_written).chars().count())
        .max()
        .unwrap_or(0);
    let (claims, more_claims) = at_most(&finding.claims, input.capped());
    for id in claims {
        let Some((source, claim)) = input.claim(id) else {
            writeln!(out, "  {}  (not in the project)", terminal_safe(&id.0))?;
            continue;
        };
        let value = terminal_safe(&claim.value_written);
        let mut line = format!(
            "  {}{}  {}{}",
            terminal_safe(&id.0),
            " ".repeat(id_width.saturating_sub(id.0.chars().count())),
            paint.bold(&value),
            " ".repeat(value_width.saturating_sub(value.chars().count()))
        );
        if let Some(as_of) = &claim.as_of_written() {
            line.push_str(&format!("  as of {}", terminal_safe(as_of)));
        }
        if let Some(quote) = &claim.quote {
            line.push_str(&format!("  \"{}\"", terminal_safe(&shorten(&quote.text))));
        }
        if let Some(place) = ReportInput::quote_place(source, claim) {
            line.push_str(&format!(
                " {}",
                paint.dim(&format!("({})", terminal_safe(&place)))
            ));
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    more_in_finding(out, paint, more_claims, ("claim", "claims"))?;
    let (pairs, more_pairs) = at_most(&finding.pairs, input.capped());
    for [a, b] in pairs {
        writeln!(
            out,
            "  {} {} × {}",
            paint.dim(&format!(
                "{}:",
                finding.kind.info().pairs.unwrap_or("pairs").to_lowercase()
            )),
            terminal_safe(&a.0),
            terminal_safe(&b.0)
        )?;
        // One pair's reason is the explanation; several each get theirs.
        if finding.pairs.len() > 1
            && let Some(comparison) = finding
                .comparisons
                .iter()
                .find(|c| c.claims == [a.clone(), b.clone()])
        {
            writeln!(
                out,
                "    {}",
                paint.dim(&terminal_safe(&input.reason(comparison)))
            )?;
        }
    }
    more_in_finding(out, paint, more_pairs, ("pair", "pairs"))?;
    for side in at_most(&finding.sides, true).0 {
        writeln!(
            out,
            "  {} {} ({}) × {} ({})",
            paint.dim(&format!(
                "{}:",
                finding
                    .kind
                    .info()
                    .pairs
                    .unwrap_or("related")
                    .to_lowercase()
            )),
            crate::report::counted(side.left.len(), "claim"),
            terminal_safe(&crate::report::joined_at_most(&side.left_values, true)),
            crate::report::counted(side.right.len(), "claim"),
            terminal_safe(&crate::report::joined_at_most(&side.right_values, true)),
        )?;
    }
    for [a, b] in &finding.not_compared {
        writeln!(
            out,
            "  {} {} × {}",
            paint.dim("not compared (as_of do not overlap):"),
            terminal_safe(&a.0),
            terminal_safe(&b.0)
        )?;
    }
    Ok(())
}

fn shorten(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= QUOTE_CHARS {
        return flat;
    }
    let cut: String = flat.chars().take(QUOTE_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

/// Replaces control characters (ESC, BEL, CR, the C1 range, bidi
/// overrides) with visible escapes, so claim text cannot drive the terminal
/// or reorder what is shown around it.
pub fn terminal_safe(text: &str) -> String {
    let mut safe = String::with_capacity(text.len());
    for c in text.chars() {
        let bidi_control = super::is_bidi_control(c);
        if c == '\n' || c == '\t' {
            safe.push(' ');
        } else if c.is_control() || bidi_control {
            safe.push_str(&c.escape_unicode().to_string());
        } else {
            safe.push(c);
        }
    }
    safe
}

/// ANSI styling that is a no-op without colour.
struct Paint {
    colour: bool,
}

impl Paint {
    fn wrap(&self, code: &str, text: &str) -> String {
        if self.colour {
            format!("\u{1b}[{code}m{text}\u{1b}[0m")
        } else {
            text.to_owned()
        }
    }

    fn bold(&self, text: &str) -> String {
        self.wrap("1", text)
    }

    fn dim(&self, text: &str) -> String {
        self.wrap("2", text)
    }

    fn yellow(&self, text: &str) -> String {
        self.wrap("33", text)
    }

    fn kind(&self, kind: FindingKind, text: &str) -> String {
        match kind.severity() {
            Severity::Contradiction => self.wrap("1;31", text),
            Severity::Warning => self.wrap("33", text),
            Severity::Info => self.wrap("32", text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(terminal_safe("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(terminal_safe("x\u{202E}y"), "x\\u{202e}y");
        assert_eq!(terminal_safe("بقيمة 500"), "بقيمة 500");
    }
}
