//! `reports/report.md`: the report a reviewer reads on GitHub.
//!
//! Summary counts first; the sources; then the findings by severity and
//! subject, each with a table of its claims (source, value as written, the
//! set it denotes, whom the source cites, and the quote with its
//! `line:column` in the document), the explanation in plain words, the pairs
//! that cannot both be true and every currency conversion made; curation
//! warnings last.
//!
//! Every string from a claim file goes through [`escape`]: Markdown
//! punctuation is backslash-escaped, `&`, `<` and `>` become entities (so a
//! claim cannot inject HTML, and a `|` cannot split a table cell), and text in
//! a right-to-left script is wrapped in `<span dir="auto">`, which GitHub's
//! sanitiser keeps and browsers isolate, so Arabic quotes read right to left
//! without reordering the punctuation around them.

use std::io::{self, Write};

use crate::check::{Finding, Severity};
use crate::diagnostic::Diagnostic;
use crate::report::{ReportInput, at_most, counted, joined_at_most, one_line, rows_at_most};

pub fn render(input: &ReportInput<'_>, out: &mut dyn Write) -> io::Result<()> {
    let claims = input.project.claims().count();
    writeln!(out, "# crosscheck report")?;
    writeln!(out)?;
    writeln!(
        out,
        "{} from {}; {}, {}.",
        counted(claims, "claim"),
        counted(input.project.sources.len(), "source"),
        counted(input.outcome.findings.len(), "finding"),
        counted(input.warnings.len(), "curation warning")
    )?;
    writeln!(out)?;
    let counts = input.counts();
    if !counts.is_empty() {
        writeln!(out, "| Finding | Count | Meaning |")?;
        writeln!(out, "|---|---:|---|")?;
        for (kind, count) in &counts {
            writeln!(
                out,
                "| {} | {count} | {} |",
                kind.name(),
                escape(kind.description())
            )?;
        }
        writeln!(out)?;
    }

    render_sources(input, out)?;
    render_trust(input, out)?;

    let shown = input.findings_shown();
    for &severity in Severity::ALL {
        let group: Vec<&&Finding> = shown
            .in_full
            .iter()
            .filter(|finding| finding.kind.severity() == severity)
            .collect();
        if group.is_empty() {
            continue;
        }
        writeln!(out, "## {}", severity.title())?;
        writeln!(out)?;
        for finding in group {
            render_finding(input, finding, out)?;
        }
    }
    if !shown.in_one_line.is_empty() {
        writeln!(out, "## More findings, one line each")?;
        writeln!(out)?;
        for finding in &shown.in_one_line {
            writeln!(
                out,
                "- **{}**: {} · {}: {}",
                finding.kind.title(),
                escape(&finding.subject),
                escape(&finding.attribute),
                escape(&one_line(&finding.explanation))
            )?;
        }
        writeln!(out)?;
    }
    if let Some(note) = shown.left_out_note() {
        writeln!(out, "{}", escape(&note))?;
        writeln!(out)?;
    }

    render_timelines(input, out)?;

    if !input.warnings.is_empty() {
        writeln!(out, "## Curation warnings")?;
        writeln!(out)?;
        let (warnings, more) = at_most(input.warnings, input.capped());
        for warning in warnings {
            render_warning(input, warning, out)?;
        }
        more_rows(out, more, "curation warning")?;
        writeln!(out)?;
    }
    Ok(())
}

fn render_sources(input: &ReportInput<'_>, out: &mut dyn Write) -> io::Result<()> {
    if input.project.sources.is_empty() {
        return Ok(());
    }
    writeln!(out, "## Sources")?;
    writeln!(out)?;
    writeln!(
        out,
        "| Source | Outlet | Title | Published | Language | Document | Claims |"
    )?;
    writeln!(out, "|---|---|---|---|---|---|---:|")?;
    let (sources, more) = rows_at_most(&input.project.sources, input.capped());
    for source in sources {
        let optional = |text: Option<&str>| text.map_or_else(|| "—".to_owned(), escape);
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            escape(&source.id),
            optional(source.outlet.as_deref()),
            optional(source.title.as_deref()),
            optional(source.published_written.as_deref()),
            optional(source.language.as_deref()),
            optional(source.document.as_ref().map(|d| d.path.as_str())),
            source.claims.len()
        )?;
    }
    more_rows(out, more, "source")?;
    writeln!(out)?;
    Ok(())
}

/// The source-trust table and the copy groups.
fn render_trust(input: &ReportInput<'_>, out: &mut dyn Write) -> io::Result<()> {
    let sources: Vec<TrustRow<'_>> = input
        .source_trust()
        .iter()
        .map(|t| (t.id.as_str(), t.trust, t.facts))
        .collect();
    trust_table(
        out,
        &sources,
        input.capped(),
        ["Source trust", "Source", "source"],
        "Estimated accuracy of each source over the facts where two independent origins or more state a value, from the claims it states in its own voice (a claim it attributes with according_to is judged as the cited origin's; with none of its own, the prior 0.80); — where it is in no such fact.",
    )?;
    let cited: Vec<TrustRow<'_>> = input
        .cited_origin_trust()
        .iter()
        .map(|t| (t.name.as_str(), t.trust, t.facts))
        .collect();
    trust_table(
        out,
        &cited,
        input.capped(),
        ["Cited origin trust", "Origin", "origin"],
        "Estimated accuracy of each origin the claims cite (the last name of according_to), over the facts where two independent origins or more state a value; — where it is in no such fact.",
    )?;
    let groups = input.copy_groups();
    if !groups.is_empty() {
        writeln!(out, "## Copy groups")?;
        writeln!(out)?;
        let (shown, more) = rows_at_most(groups, input.capped());
        for group in shown {
            let evidence: Vec<String> = group.pairs.iter().map(|p| escape(&p.evidence())).collect();
            writeln!(
                out,
                "- Counted as one origin: {}. {}.",
                escape(&group.origins.join(", ")),
                evidence.join("; ")
            )?;
        }
        more_rows(out, more, "copy group")?;
        writeln!(out)?;
    }
    Ok(())
}

/// A name, its trust (if any fact with two origins involves it) and the
/// facts behind it.
type TrustRow<'a> = (&'a str, Option<f64>, usize);

/// A trust table (`[heading, column, noun]`) under its explanation; nothing
/// when no row has a trust.
fn trust_table(
    out: &mut dyn Write,
    rows: &[TrustRow<'_>],
    capped: bool,
    [heading, column, noun]: [&str; 3],
    explanation: &str,
) -> io::Result<()> {
    if !rows.iter().any(|row| row.1.is_some()) {
        return Ok(());
    }
    writeln!(out, "## {heading}")?;
    writeln!(out)?;
    writeln!(out, "{explanation}")?;
    writeln!(out)?;
    writeln!(out, "| {column} | Trust | Facts |")?;
    writeln!(out, "|---|---:|---:|")?;
    let (shown, more) = rows_at_most(rows, capped);
    for (name, trust, facts) in shown {
        let value = trust.map_or_else(|| "—".to_owned(), |x| format!("{x:.2}"));
        writeln!(out, "| {} | {value} | {facts} |", escape(name))?;
    }
    more_rows(out, more, noun)?;
    writeln!(out)
}

/// "And 2,500 more sources, in report.json." after a capped table.
fn more_rows(out: &mut dyn Write, more: usize, noun: &str) -> io::Result<()> {
    if more > 0 {
        writeln!(out)?;
        writeln!(out, "And {} more, in report.json.", counted(more, noun))?;
    }
    Ok(())
}

fn render_finding(
    input: &ReportInput<'_>,
    finding: &Finding,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "### {}: {} · {}",
        finding.kind.title(),
        escape(&finding.subject),
        escape(&finding.attribute)
    )?;
    writeln!(out)?;
    writeln!(out, "{}", paragraph(&finding.explanation))?;
    writeln!(out)?;
    for line in input.consensus_lines(finding) {
        writeln!(out, "**Consensus:** {}", escape(&line))?;
        writeln!(out)?;
    }
    // A large fact's relation first: its sides, then the reason for each
    // pair of values.
    let capped = input.capped();
    let (sides, more_sides) = at_most(&finding.sides, capped);
    for side in sides {
        writeln!(
            out,
            "- {}: {} ({}) against {} ({}).",
            finding.kind.info().pairs.unwrap_or("Related"),
            counted(side.left.len(), "claim"),
            escape(&joined_at_most(&side.left_values, capped)),
            counted(side.right.len(), "claim"),
            escape(&joined_at_most(&side.right_values, capped)),
        )?;
    }
    if more_sides > 0 {
        writeln!(
            out,
            "- and {} more (in report.json).",
            counted(more_sides, "side")
        )?;
    }
    if !sides.is_empty() {
        writeln!(out)?;
    }
    // One pair's reason is the explanation; several are listed (those of
    // agreements and compatible values only under `--detail full`).
    let listed = !capped || finding.kind.info().needs_attention;
    if listed && finding.comparisons.len() > 1 {
        let (comparisons, more) = at_most(&finding.comparisons, capped);
        for comparison in comparisons {
            let [a, b] = &comparison.claims;
            writeln!(
                out,
                "- {} / {}: {}",
                escape(a.as_str()),
                escape(b.as_str()),
                escape(&input.reason(comparison))
            )?;
        }
        if more > 0 {
            writeln!(out, "- and {} more (in report.json)", counted(more, "pair"))?;
        }
        writeln!(out)?;
    }
    writeln!(
        out,
        "| Claim | Source | Value as written | Meaning | As of | According to | Quote |"
    )?;
    writeln!(out, "|---|---|---|---|---|---|---|")?;
    let (claims, more_claims) = at_most(&finding.claims, capped);
    for id in claims {
        let Some((source, claim)) = input.claim(id) else {
            writeln!(out, "| {} | not in the project | | | | | |", escape(&id.0))?;
            continue;
        };
        let according_to = if claim.according_to().is_empty() {
            "—".to_owned()
        } else {
            claim
                .according_to()
                .iter()
                .map(|name| escape(name))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let quote = match &claim.quote {
            None => "—".to_owned(),
            Some(quote) => {
                let place = ReportInput::quote_place(source, claim)
                    .map(|place| format!(" ({})", escape(&place)))
                    .unwrap_or_default();
                format!("{}{place}", escape(&quote.text))
            }
        };
        let outlet = source.outlet.as_deref().unwrap_or(source.id.as_str());
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {according_to} | {quote} |",
            escape(&id.0),
            escape(outlet),
            escape(&claim.value_written),
            escape(input.normalised(id)),
            claim.as_of_written().map_or_else(|| "—".to_owned(), escape),
        )?;
    }
    if more_claims > 0 {
        writeln!(
            out,
            "| and {} more (in report.json) | | | | | | |",
            counted(more_claims, "claim")
        )?;
    }
    writeln!(out)?;
    let pairs_of = |pairs: &[[crate::model::ClaimId; 2]]| -> String {
        let (shown, more) = at_most(pairs, capped);
        let mut listed: Vec<String> = shown
            .iter()
            .map(|[a, b]| format!("{} × {}", escape(&a.0), escape(&b.0)))
            .collect();
        if more > 0 {
            listed.push(format!("and {} more", counted(more, "pair")));
        }
        listed.join("; ")
    };
    if !finding.pairs.is_empty() {
        writeln!(
            out,
            "{}: {}.",
            finding.kind.info().pairs.unwrap_or("Pairs"),
            pairs_of(&finding.pairs)
        )?;
        writeln!(out)?;
    }
    if !finding.not_compared.is_empty() {
        writeln!(
            out,
            "Not compared (their as\\_of do not overlap): {}.",
            pairs_of(&finding.not_compared)
        )?;
        writeln!(out)?;
    }
    let (conversions, more_conversions) = at_most(&finding.conversions, capped);
    for conversion in conversions {
        writeln!(
            out,
            "- Converted {} {}.",
            escape(&conversion.claim.0),
            escape(&conversion.describe()),
        )?;
    }
    if more_conversions > 0 {
        writeln!(
            out,
            "- and {} more.",
            counted(more_conversions, "conversion")
        )?;
    }
    if !finding.conversions.is_empty() {
        writeln!(out)?;
    }
    if finding.claims.len() > 1 {
        writeln!(out, "Independent origins: {}.", finding.independent_origins)?;
        writeln!(out)?;
    }
    Ok(())
}

/// Each fact whose claims hold at more than one `as_of`, in time order.
fn render_timelines(input: &ReportInput<'_>, out: &mut dyn Write) -> io::Result<()> {
    if input.outcome.timelines.is_empty() {
        return Ok(());
    }
    writeln!(out, "## Timelines")?;
    writeln!(out)?;
    let (timelines, more) = at_most(&input.outcome.timelines, input.capped());
    for timeline in timelines {
        writeln!(
            out,
            "### {} · {}",
            escape(&timeline.subject),
            escape(&timeline.attribute)
        )?;
        writeln!(out)?;
        writeln!(out, "| As of | Value | Origin | Claim | Supersedes |")?;
        writeln!(out, "|---|---|---|---|---|")?;
        let (entries, more_entries) = at_most(&timeline.entries, input.capped());
        for entry in entries {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                escape(&entry.as_of_shown()),
                escape(&entry.value),
                escape(&entry.origin),
                escape(entry.claim.as_str()),
                entry
                    .supersedes
                    .as_ref()
                    .map_or_else(|| "—".to_owned(), |id| escape(id.as_str()))
            )?;
        }
        if more_entries > 0 {
            writeln!(
                out,
                "| and {} more | | | | |",
                counted(more_entries, "claim")
            )?;
        }
        writeln!(out)?;
    }
    more_rows(out, more, "timeline")?;
    Ok(())
}

/// One warning as a list item: code, places (the primary label first),
/// message, then its help and notes as a nested list.
fn render_warning(
    input: &ReportInput<'_>,
    warning: &Diagnostic,
    out: &mut dyn Write,
) -> io::Result<()> {
    let places = input.warning_places(warning);
    let at = if places.is_empty() {
        String::new()
    } else {
        let places: Vec<String> = places.iter().map(|place| escape(place)).collect();
        format!(" ({})", places.join(", "))
    };
    writeln!(
        out,
        "- **{}**{at}: {}",
        escape(warning.code.name()),
        escape(&warning.message)
    )?;
    for help in &warning.help {
        writeln!(out, "  - Help: {}", escape(help))?;
    }
    for note in &warning.notes {
        writeln!(out, "  - Note: {}", escape(note))?;
    }
    Ok(())
}

/// Escaped text that may begin a paragraph: a leading `1.` or `-` would
/// otherwise start a list.
fn paragraph(text: &str) -> String {
    let escaped = escape(text);
    let digits = escaped.chars().take_while(char::is_ascii_digit).count();
    let rest = &escaped[digits..];
    if digits > 0 && (rest.starts_with('.') || rest.starts_with(')')) {
        format!("{}\\{}", &escaped[..digits], rest)
    } else if escaped.starts_with(['-', '+', '=']) {
        format!("\\{escaped}")
    } else {
        escaped
    }
}

/// Text from a claim file, safe anywhere in a Markdown line and in a table
/// cell: Markdown punctuation escaped, HTML special characters as entities,
/// line breaks as spaces, private-use characters as visible `⟨U+E005⟩`, and
/// right-to-left text isolated in `<span dir="auto">`.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '#' | '!' | '$' => {
                escaped.push('\\');
                escaped.push(c);
            }
            '\n' | '\r' | '\t' => escaped.push(' '),
            c if c.is_control() => {}
            // Shown, not obeyed, as in the text report (the backslash escaped).
            c if super::is_bidi_control(c) => {
                escaped.push('\\');
                escaped.push_str(&c.escape_unicode().to_string());
            }
            // GitHub turns a bare `https://…`, `www.…` or `a@b.c` into a
            // link; an empty element inside the trigger keeps it text.
            ':' if text_at(&chars, i + 1, "//") => escaped.push_str(":<span></span>"),
            '.' if i >= 3 && text_at(&chars, i - 3, "www") => escaped.push_str("<span></span>."),
            '@' => escaped.push_str("<span></span>@"),
            // A PDF's private digit glyphs: no font on GitHub draws them, and
            // a blank where a figure stood reads as a figure left out.
            '\u{E000}'..='\u{F8FF}' => {
                escaped.push_str(&format!("⟨U+{:04X}⟩", u32::from(c)));
            }
            c => escaped.push(c),
        }
    }
    if text.chars().any(is_right_to_left) {
        format!("<span dir=\"auto\">{escaped}</span>")
    } else {
        escaped
    }
}

/// Whether `chars[at..]` starts with `word`, ASCII case ignored.
fn text_at(chars: &[char], at: usize, word: &str) -> bool {
    let mut i = at;
    for w in word.chars() {
        match chars.get(i) {
            Some(c) if c.eq_ignore_ascii_case(&w) => i += 1,
            _ => return false,
        }
    }
    true
}

/// Letters of the Hebrew, Arabic, Syriac, Thaana and N'Ko blocks and their
/// presentation forms.
pub(crate) fn is_right_to_left(c: char) -> bool {
    matches!(c,
        '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cannot_be_split_or_inject_html() {
        assert_eq!(escape("a|b"), "a\\|b");
        assert_eq!(
            escape("<img src=x onerror=alert(1)>"),
            "&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(escape("**x**\nnext"), "\\*\\*x\\*\\* next");
    }

    #[test]
    fn private_use_glyphs_stay_visible() {
        assert_eq!(
            escape("نحو \u{E00F}\u{E005} ألف"),
            "<span dir=\"auto\">نحو ⟨U+E00F⟩⟨U+E005⟩ ألف</span>"
        );
    }

    #[test]
    fn arabic_is_isolated() {
        assert_eq!(
            escape("بقيمة 500 مليون"),
            "<span dir=\"auto\">بقيمة 500 مليون</span>"
        );
    }

    #[test]
    fn paragraphs_do_not_start_lists() {
        assert_eq!(paragraph("1. first"), "1\\. first");
        assert_eq!(paragraph("- item"), "\\- item");
        assert_eq!(paragraph("200M EUR"), "200M EUR");
    }
}
