//! `claims/subjects.json`: canonical subject and value names, their aliases,
//! and pairs of names that must never be linked, into a [`Registry`].

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, DiagnosticCode, Label};
use crate::model::{FileId, Registry, RegistryEntry};
use crate::text::normalize::normalize_name;

use super::fields::{Sink, read_object};
use super::json::{self, Json, JsonKind};

pub const REGISTRY_FIELDS: &[&str] = &["$schema", "subjects", "values", "distinct"];
pub const ENTRY_FIELDS: &[&str] = &["name", "aliases"];

/// Reads the registry. Entries with errors are left out (and reported).
pub fn read_registry(file: FileId, text: &str, diagnostics: &mut Vec<Diagnostic>) -> Registry {
    let mut sink = Sink { file, diagnostics };
    let mut registry = Registry::default();
    let root = match json::parse(text) {
        Ok(root) => root,
        Err(error) => {
            super::push_json_error(&mut sink, *error);
            return registry;
        }
    };
    let Some(top) = read_object(
        &mut sink,
        &root,
        "the subject registry",
        "the file",
        REGISTRY_FIELDS,
        &[],
    ) else {
        return registry;
    };
    registry.subjects = entries(&mut sink, top.get("subjects"), "subjects");
    registry.values = entries(&mut sink, top.get("values"), "values");
    if let Some(distinct) = top.get("distinct") {
        registry.distinct = pairs(&mut sink, distinct);
    }
    registry
}

fn entries(sink: &mut Sink<'_>, list: Option<&Json>, field: &str) -> Vec<RegistryEntry> {
    let Some(list) = list else {
        return Vec::new();
    };
    let JsonKind::Array(items) = &list.kind else {
        sink.wrong_type(
            list,
            field,
            "an array of { \"name\": ..., \"aliases\": [...] } objects",
        );
        return Vec::new();
    };
    let mut out = Vec::new();
    // Folded name -> (entry index, span of the text, the text): the first
    // place each name is given.
    let mut seen: BTreeMap<String, (usize, std::ops::Range<usize>, String)> = BTreeMap::new();
    for item in items {
        let Some(fields) = read_object(
            sink,
            item,
            &format!("a `{field}` entry"),
            &format!("{field}[]"),
            ENTRY_FIELDS,
            &["name"],
        ) else {
            continue;
        };
        let Some(name) = fields.optional_string(sink, "name") else {
            continue;
        };
        if name.value.trim().is_empty() {
            sink.error(
                DiagnosticCode::MissingField,
                name.span.clone(),
                format!("a `{field}` entry has an empty `name`"),
                "empty name",
            )
            .help
            .push("write the canonical name: \"Barak MX air-defence deal\"".into());
            continue;
        }
        let alias_strings = fields.optional_strings(sink, "aliases");
        // A name under two entries (or two entries naming each other) makes
        // the linker's answer depend on the order of the entries.
        let entry = out.len();
        for text in std::iter::once(name).chain(alias_strings.iter().copied()) {
            let key = normalize_name(&text.value);
            match seen.get(&key) {
                Some((other, span, first)) if *other != entry => {
                    sink.push(
                        Diagnostic::error(
                            DiagnosticCode::DuplicateRegistryName,
                            if *first == *text.value {
                                format!("`{first}` is under two entries of `{field}`")
                            } else {
                                format!(
                                    "`{}` is under two entries of `{field}` (it reads as `{first}`)",
                                    text.value
                                )
                            },
                        )
                        .with_label(Label::primary(sink.span(text.span.clone()), "given again here"))
                        .with_label(Label::secondary(sink.span(span.clone()), "first given here, under another entry"))
                        .with_help("a name belongs to one entry: keep it under one, or merge the two entries into one")
                        .with_note("the linker joins every name of an entry; a name under two entries would join them, or not, depending on their order"),
                    );
                }
                Some(_) => {}
                None => {
                    seen.insert(key, (entry, text.span.clone(), text.value.to_string()));
                }
            }
        }
        let aliases = alias_strings
            .into_iter()
            .map(|s| s.value.to_string())
            .collect();
        out.push(RegistryEntry {
            name: name.value.to_string(),
            aliases,
            span: Some(sink.span(item.span.clone())),
        });
    }
    out
}

fn pairs(sink: &mut Sink<'_>, distinct: &Json) -> Vec<(String, String)> {
    let JsonKind::Array(items) = &distinct.kind else {
        sink.wrong_type(distinct, "distinct", "an array of pairs of names");
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in items {
        let names: Option<Vec<&str>> = match &item.kind {
            JsonKind::Array(pair) => pair.iter().map(|n| n.as_str().map(|s| &*s.value)).collect(),
            _ => None,
        };
        match names.as_deref() {
            Some([a, b]) => out.push(((*a).to_owned(), (*b).to_owned())),
            _ => {
                sink.error(
                    DiagnosticCode::WrongType,
                    item.span.clone(),
                    "each `distinct` entry must be a pair of names",
                    "expected [\"name\", \"other name\"]",
                )
                .help
                .push("write [\"2023 artillery deal\", \"2025 artillery deal\"]".into());
            }
        }
    }
    out
}
