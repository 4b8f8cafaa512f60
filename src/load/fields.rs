//! Reading JSON objects field by field, with the diagnostics every object of
//! the format shares: unknown field (with a "did you mean"), missing field,
//! wrong type.

use std::ops::Range;

use crate::diagnostic::{Diagnostic, DiagnosticCode, Label};
use crate::model::{FileId, Span};

use super::json::{Json, JsonKind, JsonString, Member};

/// Where diagnostics of one file go.
pub(crate) struct Sink<'a> {
    pub file: FileId,
    pub diagnostics: &'a mut Vec<Diagnostic>,
}

impl Sink<'_> {
    pub fn span(&self, bytes: Range<usize>) -> Span {
        Span {
            file: self.file,
            bytes,
        }
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// A diagnostic with one primary label in this file.
    pub fn error(
        &mut self,
        code: DiagnosticCode,
        bytes: Range<usize>,
        message: impl Into<String>,
        label: impl Into<String>,
    ) -> &mut Diagnostic {
        let span = self.span(bytes);
        self.diagnostics
            .push(Diagnostic::error(code, message).with_label(Label::primary(span, label)));
        let last = self.diagnostics.len() - 1;
        &mut self.diagnostics[last]
    }

    pub fn wrong_type(&mut self, value: &Json, field: &str, expected: &str) {
        let help = match (&value.kind, expected) {
            (JsonKind::Number(n), "a string") => format!("write it as a string: \"{n}\""),
            (JsonKind::String(s), "an array of strings") => {
                format!(
                    "write it as a list: [{}]",
                    super::json::quote_string(&s.value)
                )
            }
            _ => format!("`{field}` takes {expected}"),
        };
        self.error(
            DiagnosticCode::WrongType,
            value.span.clone(),
            format!("`{field}` must be {expected}, not {}", value.type_name()),
            format!("expected {expected}"),
        )
        .help
        .push(help);
    }
}

/// An object's members, after unknown and missing fields were reported.
pub(crate) struct Fields<'a> {
    members: &'a [Member<'a>],
    /// The object's opening brace, where "missing field" points.
    pub brace: Range<usize>,
}

impl<'a> Fields<'a> {
    pub fn get(&self, name: &str) -> Option<&'a Json<'a>> {
        self.members
            .iter()
            .find(|m| m.key.value == name)
            .map(|m| &m.value)
    }

    /// A string field; `null` counts as absent. Wrong types are reported.
    pub fn optional_string(&self, sink: &mut Sink<'_>, name: &str) -> Option<&'a JsonString<'a>> {
        match self.get(name) {
            None => None,
            Some(Json {
                kind: JsonKind::Null,
                ..
            }) => None,
            Some(Json {
                kind: JsonKind::String(s),
                ..
            }) => Some(s),
            Some(other) => {
                sink.wrong_type(other, name, "a string");
                None
            }
        }
    }

    /// A list of strings; `null` counts as absent.
    pub fn optional_strings(&self, sink: &mut Sink<'_>, name: &str) -> Vec<&'a JsonString<'a>> {
        match self.get(name) {
            None
            | Some(Json {
                kind: JsonKind::Null,
                ..
            }) => Vec::new(),
            Some(Json {
                kind: JsonKind::Array(items),
                ..
            }) => items
                .iter()
                .filter_map(|item| match &item.kind {
                    JsonKind::String(s) => Some(s),
                    _ => {
                        sink.wrong_type(item, &format!("{name}[]"), "a string");
                        None
                    }
                })
                .collect(),
            Some(other) => {
                sink.wrong_type(other, name, "an array of strings");
                Vec::new()
            }
        }
    }
}

/// Checks that `value` is an object of known fields with the required ones
/// present. `what` names the object in messages ("a claim"). Returns `None`
/// when `value` is not an object (after reporting it).
pub(crate) fn read_object<'a>(
    sink: &mut Sink<'_>,
    value: &'a Json,
    what: &str,
    field: &str,
    known: &[&str],
    required: &[&str],
) -> Option<Fields<'a>> {
    let Some(members) = value.as_object() else {
        sink.wrong_type(value, field, "an object");
        return None;
    };
    for member in members {
        let name: &str = &member.key.value;
        if known.contains(&name) {
            continue;
        }
        let diagnostic = sink.error(
            DiagnosticCode::UnknownField,
            member.key.span.clone(),
            format!("unknown field `{name}` in {what}"),
            "unknown field",
        );
        if let Some(close) = closest(name, known) {
            diagnostic.help.push(format!("did you mean `{close}`?"));
        }
        diagnostic.notes.push(format!(
            "the fields of {what} are: {}",
            known
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let brace = value.span.start..value.span.start + 1;
    for name in required {
        if !members.iter().any(|m| m.key.value == *name) {
            sink.error(
                DiagnosticCode::MissingField,
                brace.clone(),
                format!("{what} has no `{name}`"),
                format!("`{name}` is required here"),
            )
            .help
            .push(format!("add \"{name}\": ... to this object"));
        }
    }
    Some(Fields { members, brace })
}

/// The known name most like `name`, if one is close enough to be a typo.
pub(crate) fn closest<'k>(name: &str, known: &[&'k str]) -> Option<&'k str> {
    let lower = name.to_lowercase();
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(&lower, k), *k))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn suggests_only_close_names() {
        let known = ["id", "subject", "attribute", "value", "quote", "as_of"];
        assert_eq!(closest("subjet", &known), Some("subject"));
        assert_eq!(closest("Subject", &known), Some("subject"));
        assert_eq!(closest("asof", &known), Some("as_of"));
        assert_eq!(closest("colour", &known), None);
    }
}
