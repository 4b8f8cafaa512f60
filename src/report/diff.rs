//! `crosscheck diff`'s output: the new, resolved and changed findings of a
//! [`Diff`] (src/diff.rs keys and compares them) as text, Markdown or JSON.
//!
//! The JSON is the [`Diff`] serialised: `new`, `resolved`, `unchanged`
//! (lists of units: `key`, `kind`, `subject`, `attribute`, `claims` with
//! each claim's `id` and `value` as written) and `changed` (`key`, `old`,
//! `new` units), each sorted by key; and `consensus`: the facts in both
//! runs whose consensus differs (`subject`, `attribute`, `as_of`, `old`,
//! `new`: the value as written, `null` for no consensus).

use std::io::{self, Write};

use crate::diff::{Change, ConsensusChange, Diff, Unit};

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
    let mut summary = format!(
        "{} new, {} resolved, {} changed, {} unchanged",
        diff.new.len(),
        diff.resolved.len(),
        diff.changed.len(),
        diff.unchanged.len()
    );
    if !diff.consensus.is_empty() {
        summary.push_str(&format!(
            "; the consensus of {} {} changed",
            diff.consensus.len(),
            if diff.consensus.len() == 1 {
                "fact"
            } else {
                "facts"
            }
        ));
    }
    summary
}

/// A fact as the human reports name it: `subject · attribute`, with its
/// `as_of` when it has one.
fn fact(change: &ConsensusChange) -> String {
    match &change.as_of {
        Some(as_of) => format!("{} · {} (as of {as_of})", change.subject, change.attribute),
        None => format!("{} · {}", change.subject, change.attribute),
    }
}

/// `no consensus -> 84.30%`.
fn consensus_words(change: &ConsensusChange) -> String {
    let value = |v: &Option<String>| v.clone().unwrap_or_else(|| "no consensus".to_owned());
    format!("{} -> {}", value(&change.old), value(&change.new))
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
    if !diff.consensus.is_empty() {
        writeln!(out, "\nconsensus changed:")?;
    }
    for change in &diff.consensus {
        writeln!(out, "  {}: {}", fact(change), consensus_words(change))?;
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
    if !diff.consensus.is_empty() {
        writeln!(
            out,
            "\n### Consensus changed\n\n| fact | consensus |\n|---|---|"
        )?;
        for change in &diff.consensus {
            writeln!(
                out,
                "| {} | {} |",
                cell(&fact(change)),
                cell(&consensus_words(change))
            )?;
        }
    }
    Ok(())
}
