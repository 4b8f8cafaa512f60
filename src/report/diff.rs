//! `crosscheck diff`'s output: the new, resolved and changed findings of a
//! [`Diff`] (src/diff.rs keys and compares them) as text, Markdown or JSON.
//!
//! The JSON is the [`Diff`] serialised: `new`, `resolved`, `unchanged`
//! (lists of units: `key`, `kind`, `subject`, `attribute`, `claims` with
//! each claim's `id` and `value` as written) and `changed` (`key`, `old`,
//! `new` units), each sorted by key.

use std::io::{self, Write};

use crate::diff::{Change, Diff, Unit};

/// The diff as indented JSON, with a final newline.
pub fn render_json(diff: &Diff, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, diff)?;
    writeln!(out)
}

fn values(unit: &Unit) -> String {
    unit.claims
        .iter()
        .map(|c| format!("{} '{}'", c.id, c.value))
        .collect::<Vec<_>>()
        .join(" / ")
}

fn change_words(change: &Change) -> String {
    let mut words = Vec::new();
    if change.old.kind != change.new.kind {
        words.push(format!("{} -> {}", change.old.kind, change.new.kind));
    }
    if change.old.claims != change.new.claims {
        words.push(format!(
            "{} -> {}",
            values(&change.old),
            values(&change.new)
        ));
    }
    words.join("; ")
}

fn summary(diff: &Diff) -> String {
    format!(
        "{} new, {} resolved, {} changed, {} unchanged",
        diff.new.len(),
        diff.resolved.len(),
        diff.changed.len(),
        diff.unchanged.len()
    )
}

/// The diff for a terminal or a log: a summary line, then each new,
/// resolved and changed finding on a line.
pub fn render_text(diff: &Diff, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "crosscheck diff: {}", summary(diff))?;
    for (title, units) in [("new", &diff.new), ("resolved", &diff.resolved)] {
        if !units.is_empty() {
            writeln!(out, "\n{title}:")?;
        }
        for unit in units {
            writeln!(
                out,
                "  {}: {} · {}: {}",
                unit.kind,
                unit.subject,
                unit.attribute,
                values(unit)
            )?;
        }
    }
    if !diff.changed.is_empty() {
        writeln!(out, "\nchanged:")?;
    }
    for change in &diff.changed {
        writeln!(
            out,
            "  {}: {} · {}: {}",
            change.new.kind,
            change.new.subject,
            change.new.attribute,
            change_words(change)
        )?;
    }
    Ok(())
}

/// A Markdown table cell: pipes and line breaks would end the cell.
fn cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

/// The diff as Markdown, for a pull-request comment: a summary, then a
/// table per section.
pub fn render_markdown(diff: &Diff, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "## crosscheck: what changed\n\n{}", summary(diff))?;
    for (title, units) in [("New", &diff.new), ("Resolved", &diff.resolved)] {
        if units.is_empty() {
            continue;
        }
        writeln!(
            out,
            "\n### {title}\n\n| kind | subject | attribute | claims |\n|---|---|---|---|"
        )?;
        for unit in units {
            writeln!(
                out,
                "| {} | {} | {} | {} |",
                cell(&unit.kind),
                cell(&unit.subject),
                cell(&unit.attribute),
                cell(&values(unit))
            )?;
        }
    }
    if !diff.changed.is_empty() {
        writeln!(
            out,
            "\n### Changed\n\n| kind | subject | attribute | change |\n|---|---|---|---|"
        )?;
        for change in &diff.changed {
            writeln!(
                out,
                "| {} | {} | {} | {} |",
                cell(&change.new.kind),
                cell(&change.new.subject),
                cell(&change.new.attribute),
                cell(&change_words(change))
            )?;
        }
    }
    Ok(())
}
