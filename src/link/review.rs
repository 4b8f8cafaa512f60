//! The review loop over suggestions: what accepting one would change, and
//! the edit of `claims/subjects.json` that accepting or rejecting it makes.
//!
//! - Accepting a suggestion between names `a` (subject A) and `b` (subject
//!   B) adds `b` to the aliases of A's registry entry, or `a` to B's, or,
//!   when neither subject is a registry entry, a new entry named A with `b`
//!   as its alias. Two different registry entries are not merged by the
//!   loop: that is an edit for the curator.
//! - Rejecting it adds `[a, b]` to `distinct`: the pair is never linked and
//!   never suggested again.
//!
//! The file is edited as text: the new alias, entry or pair is inserted
//! before the closing bracket of its array, so everything else in the file
//! (layout, order, other entries) stays byte for byte as the curator wrote
//! it.

use std::collections::{BTreeMap, BTreeSet};

use crate::check;
use crate::load::json::{self, Json, JsonKind};
use crate::model::{Files, Project, Registry, RegistryEntry};

use super::{CanonicalSubject, SubjectGraph, Suggestion};

/// What a curator decides about a suggestion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Accept,
    Reject,
}

/// The registry change a decision makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegistryChange {
    /// Add `alias` to the aliases of the subject entry named `entry`.
    AddAlias { entry: String, alias: String },
    /// Add a subject entry `name` with the one alias `alias`.
    AddEntry { name: String, alias: String },
    /// Add `[a, b]` to `distinct`.
    AddDistinct { a: String, b: String },
}

impl RegistryChange {
    /// The change as a sentence for the terminal.
    pub fn describe(&self) -> String {
        match self {
            RegistryChange::AddAlias { entry, alias } => {
                format!("added \"{alias}\" to the aliases of \"{entry}\"")
            }
            RegistryChange::AddEntry { name, alias } => {
                format!("added the subject \"{name}\" with the alias \"{alias}\"")
            }
            RegistryChange::AddDistinct { a, b } => {
                format!("added [\"{a}\", \"{b}\"] to \"distinct\"")
            }
        }
    }

    /// The registry with this change made.
    pub fn apply(&self, registry: &Registry) -> Registry {
        let mut registry = registry.clone();
        match self {
            RegistryChange::AddAlias { entry, alias } => {
                if let Some(e) = registry.subjects.iter_mut().find(|e| e.name == *entry) {
                    e.aliases.push(alias.clone());
                }
            }
            RegistryChange::AddEntry { name, alias } => registry.subjects.push(RegistryEntry {
                name: name.clone(),
                aliases: vec![alias.clone()],
                span: None,
            }),
            RegistryChange::AddDistinct { a, b } => registry.distinct.push((a.clone(), b.clone())),
        }
        registry
    }
}

/// The registry change `decision` on `suggestion` makes, or why the loop
/// cannot make it.
pub fn change_for(
    suggestion: &Suggestion,
    decision: Decision,
    subjects: &[CanonicalSubject],
) -> Result<RegistryChange, String> {
    if decision == Decision::Reject {
        return Ok(RegistryChange::AddDistinct {
            a: suggestion.a.clone(),
            b: suggestion.b.clone(),
        });
    }
    let from_registry = |name: &str| {
        subjects
            .binary_search_by(|s| s.name.as_str().cmp(name))
            .ok()
            .is_some_and(|at| subjects[at].from_registry)
    };
    match (
        from_registry(&suggestion.subject_a),
        from_registry(&suggestion.subject_b),
    ) {
        (true, true) => Err(format!(
            "\"{}\" and \"{}\" are two registry entries: merge them in claims/subjects.json by hand",
            suggestion.subject_a, suggestion.subject_b
        )),
        (true, false) => Ok(RegistryChange::AddAlias {
            entry: suggestion.subject_a.clone(),
            alias: suggestion.b.clone(),
        }),
        (false, true) => Ok(RegistryChange::AddAlias {
            entry: suggestion.subject_b.clone(),
            alias: suggestion.a.clone(),
        }),
        (false, false) => Ok(RegistryChange::AddEntry {
            name: suggestion.subject_a.clone(),
            alias: suggestion.b.clone(),
        }),
    }
}

/// A finding as the review loop compares it: its kind, attribute and claims
/// (not its subject, whose name a link may change).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FindingSummary {
    pub kind: &'static str,
    pub attribute: String,
    pub claims: Vec<String>,
    pub explanation: String,
}

/// The findings accepting a suggestion would add and remove.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Consequence {
    pub added: Vec<FindingSummary>,
    pub removed: Vec<FindingSummary>,
}

/// What accepting each of `suggestions` would change in the findings.
///
/// Only the claims of the two subjects a suggestion joins can change, so
/// each is judged on a project of those claims alone (same settings and
/// registry), checked as it is and with the accepted registry: the cost is
/// the size of the two subjects, not of the project. Origins are counted
/// by `according_to` alone there ([`findings_of`]).
pub fn consequences(
    project: &Project,
    graph: &SubjectGraph,
    suggestions: &[Suggestion],
) -> Vec<Result<Consequence, String>> {
    // Each subject's claims, as (source index, claim index).
    let mut by_subject: BTreeMap<&str, Vec<(usize, usize)>> = BTreeMap::new();
    let canonical = graph.canonical_subjects();
    let subjects: Vec<Option<&str>> = canonical.iter().collect();
    let mut at = 0;
    for (s, source) in project.sources.iter().enumerate() {
        for c in 0..source.claims.len() {
            if let Some(Some(subject)) = subjects.get(at) {
                by_subject.entry(subject).or_default().push((s, c));
            }
            at += 1;
        }
    }
    suggestions
        .iter()
        .map(|suggestion| {
            let change = change_for(suggestion, Decision::Accept, graph.subjects())?;
            let mut claims: Vec<(usize, usize)> = [&suggestion.subject_a, &suggestion.subject_b]
                .iter()
                .filter_map(|s| by_subject.get(s.as_str()))
                .flatten()
                .copied()
                .collect();
            claims.sort_unstable();
            claims.dedup();
            let part = sub_project(project, &claims);
            let before = findings_of(&part);
            let after = findings_of(&Project {
                registry: change.apply(&part.registry),
                ..part
            });
            Ok(Consequence {
                added: after.difference(&before).cloned().collect(),
                removed: before.difference(&after).cloned().collect(),
            })
        })
        .collect()
}

/// `project` with only the given claims (sorted `(source, claim)` indices).
fn sub_project(project: &Project, claims: &[(usize, usize)]) -> Project {
    let mut sources = Vec::new();
    for &(s, c) in claims {
        let source = &project.sources[s];
        if sources
            .last()
            .is_none_or(|last: &crate::model::Source| last.id != source.id)
        {
            sources.push(crate::model::Source {
                id: source.id.clone(),
                outlet: source.outlet.clone(),
                title: source.title.clone(),
                published: source.published.clone(),
                published_written: source.published_written.clone(),
                language: source.language.clone(),
                document: source.document.clone(),
                url: source.url.clone(),
                file: source.file,
                claims: Vec::new(),
            });
        }
        if let Some(last) = sources.last_mut() {
            last.claims.push(source.claims[c].clone());
        }
    }
    Project {
        root: project.root.clone(),
        settings: project.settings.clone(),
        registry: project.registry.clone(),
        sources,
        files: Files::default(),
        warnings: Vec::new(),
    }
}

/// The findings of a sub-project, without copy detection: which sources
/// copy each other is read from every fact they share, and two sources
/// alone on the two subjects' facts, agreeing, looked like copies of each
/// other ("1 independent origin ... (copies)") though the whole project
/// showed them independent. `check` counts the copy groups.
fn findings_of(project: &Project) -> BTreeSet<FindingSummary> {
    let graph = SubjectGraph::build(project);
    let canonical = graph.canonical_subjects();
    let facts = check::claim_facts(project, &canonical);
    let outcome = check::check_facts_with(project, &facts, false, check::Detail::default());
    outcome
        .findings
        .into_iter()
        .map(|f| FindingSummary {
            kind: f.kind.name(),
            attribute: f.attribute,
            claims: f.claims.iter().map(|c| c.0.to_string()).collect(),
            explanation: f.explanation,
        })
        .collect()
}

/// `text` (the registry file, or `None` when there is none) with `change`
/// made, everything else kept as written. `None`: the file is not a JSON
/// object (the loader reports why).
pub fn edit_registry_text(text: Option<&str>, change: &RegistryChange) -> Option<String> {
    let quote = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| format!("\"{s}\""));
    let (array, item) = match change {
        RegistryChange::AddAlias { entry, alias } => {
            return add_alias(text?, entry, &quote(alias));
        }
        RegistryChange::AddEntry { name, alias } => (
            "subjects",
            format!(
                "{{ \"name\": {}, \"aliases\": [{}] }}",
                quote(name),
                quote(alias)
            ),
        ),
        RegistryChange::AddDistinct { a, b } => {
            ("distinct", format!("[{}, {}]", quote(a), quote(b)))
        }
    };
    let Some(text) = text else {
        return Some(format!("{{\n  \"{array}\": [\n    {item}\n  ]\n}}\n"));
    };
    let root = json::parse(text).ok()?;
    let JsonKind::Object(members) = &root.kind else {
        return None;
    };
    match members.iter().find(|m| m.key.value == array) {
        Some(member) => append_to_array(text, &member.value, &item),
        None => {
            // A new member before the object's closing brace.
            let close = root.span.end - 1;
            let indent = "  ";
            let separator = if members.is_empty() { "" } else { "," };
            let body_end = text[..close].trim_end().len();
            Some(format!(
                "{}{separator}\n{indent}\"{array}\": [\n{indent}{indent}{item}\n{indent}]\n{}",
                &text[..body_end],
                &text[close..]
            ))
        }
    }
}

/// Adds `alias` (a JSON string literal) to the aliases of entry `entry`.
fn add_alias(text: &str, entry: &str, alias: &str) -> Option<String> {
    let root = json::parse(text).ok()?;
    let subjects = root
        .as_object()?
        .iter()
        .find(|m| m.key.value == "subjects")?;
    let JsonKind::Array(entries) = &subjects.value.kind else {
        return None;
    };
    let found = entries.iter().find_map(|e| {
        let members = e.as_object()?;
        let name = members.iter().find(|m| m.key.value == "name")?;
        matches!(&name.value.kind, JsonKind::String(s) if s.value == entry).then_some((e, members))
    })?;
    let (object, members) = found;
    match members.iter().find(|m| m.key.value == "aliases") {
        Some(aliases) => append_to_array(text, &aliases.value, alias),
        None => {
            let close = object.span.end - 1;
            let body_end = text[..close].trim_end().len();
            Some(format!(
                "{}, \"aliases\": [{alias}] {}",
                &text[..body_end],
                &text[close..]
            ))
        }
    }
}

/// Inserts `item` as the last element of the JSON array `array` of `text`,
/// laid out like the elements before it: on their line when they share one,
/// else on a new line with the last element's indentation.
fn append_to_array(text: &str, array: &Json<'_>, item: &str) -> Option<String> {
    let JsonKind::Array(items) = &array.kind else {
        return None;
    };
    let Some(last) = items.last() else {
        let close = array.span.end - 1;
        return Some(format!("{}{item}{}", &text[..close], &text[close..]));
    };
    let last_line_start = text[..last.span.start].rfind('\n').map_or(0, |i| i + 1);
    let before_last = &text[last_line_start..last.span.start];
    let insertion = if before_last.trim().is_empty() {
        // The last element has a line of its own: so does the new one.
        format!(",\n{before_last}{item}")
    } else {
        format!(", {item}")
    };
    Some(format!(
        "{}{insertion}{}",
        &text[..last.span.end],
        &text[last.span.end..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const REGISTRY: &str = r#"{
  "subjects": [
    { "name": "Barak deal",
      "aliases": ["Barak 8 deal", "صفقة باراك"] },
    { "name": "Empty", "aliases": [] },
    { "name": "Bare" }
  ],
  "distinct": [["2023 deal", "2025 deal"]]
}
"#;

    #[test]
    fn edits_keep_everything_else_as_written() {
        let edit = |change| edit_registry_text(Some(REGISTRY), &change).unwrap();
        let alias = edit(RegistryChange::AddAlias {
            entry: "Barak deal".into(),
            alias: "Baraq deal".into(),
        });
        assert_eq!(
            alias,
            REGISTRY.replace(r#""صفقة باراك"]"#, r#""صفقة باراك", "Baraq deal"]"#)
        );
        let empty = edit(RegistryChange::AddAlias {
            entry: "Empty".into(),
            alias: "x".into(),
        });
        assert_eq!(
            empty,
            REGISTRY.replace(r#""aliases": [] }"#, r#""aliases": ["x"] }"#)
        );
        let bare = edit(RegistryChange::AddAlias {
            entry: "Bare".into(),
            alias: "y".into(),
        });
        assert_eq!(
            bare,
            REGISTRY.replace(
                r#""name": "Bare" }"#,
                r#""name": "Bare", "aliases": ["y"] }"#
            )
        );
        let entry = edit(RegistryChange::AddEntry {
            name: "A \"quoted\" name".into(),
            alias: "b".into(),
        });
        assert_eq!(
            entry,
            REGISTRY.replace(
                "{ \"name\": \"Bare\" }\n",
                "{ \"name\": \"Bare\" },\n    { \"name\": \"A \\\"quoted\\\" name\", \"aliases\": [\"b\"] }\n"
            )
        );
        let distinct = edit(RegistryChange::AddDistinct {
            a: "x".into(),
            b: "y".into(),
        });
        assert_eq!(
            distinct,
            REGISTRY.replace(
                r#"[["2023 deal", "2025 deal"]]"#,
                r#"[["2023 deal", "2025 deal"], ["x", "y"]]"#
            )
        );
    }

    #[test]
    fn a_missing_array_or_file_is_created() {
        let text = "{\n  \"subjects\": []\n}\n";
        let out = edit_registry_text(
            Some(text),
            &RegistryChange::AddDistinct {
                a: "x".into(),
                b: "y".into(),
            },
        )
        .unwrap();
        assert_eq!(
            out,
            "{\n  \"subjects\": [],\n  \"distinct\": [\n    [\"x\", \"y\"]\n  ]\n}\n"
        );
        assert!(json::parse(&out).is_ok());
        let new = edit_registry_text(
            None,
            &RegistryChange::AddEntry {
                name: "a".into(),
                alias: "b".into(),
            },
        )
        .unwrap();
        assert!(json::parse(&new).is_ok());
    }
}
