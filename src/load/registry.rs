//! `claims/subjects.json`: canonical subject and value names, their aliases,
//! and pairs of names that must never be linked, into a [`Registry`].

use crate::diagnostic::{Diagnostic, DiagnosticCode};
use crate::model::{FileId, Registry, RegistryEntry};

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
        let aliases = fields
            .optional_strings(sink, "aliases")
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
