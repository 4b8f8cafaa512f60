//! One claim file: `{ "source": {...}, "claims": [...] }` to a [`Source`],
//! without touching the filesystem (the document and its quotes are checked
//! by [`super::document`]).

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, DiagnosticCode, Label};
use crate::model::{AttributeKind, Claim, ClaimId, ClaimMore, FileId, Quote, Source};
use crate::value::hedge::{self, Hedge};
use crate::value::hint::{self, Risk};
use crate::value::quoted_digits::{self, MissingDigits};
use crate::value::{self, DateExpr, DatePoint, Form, Reading, Value, ValueError};

use super::fields::{Fields, Sink, read_object};
use super::json::{self, Json, JsonKind, JsonString};

/// The top-level fields of a claim file. `$schema` lets editors find
/// docs/claims.schema.json; crosscheck ignores its value.
pub const FILE_FIELDS: &[&str] = &["$schema", "source", "claims"];
/// The fields of `source`.
pub const SOURCE_FIELDS: &[&str] = &[
    "id",
    "outlet",
    "title",
    "published",
    "language",
    "document",
    "url",
];
/// The fields of a claim.
pub const CLAIM_FIELDS: &[&str] = &[
    "id",
    "subject",
    "attribute",
    "value",
    "quote",
    "as_of",
    "according_to",
    "supersedes",
    "note",
];

/// A claim file read as far as it goes without the filesystem: the source
/// (with `document: None` and unlocated quotes) and the places later checks
/// label.
#[derive(Debug, Clone)]
pub struct SourceDraft {
    pub source: Source,
    /// The `source.id` string.
    pub id_span: Range<usize>,
    /// `source.document` as written and the span of its string.
    pub document: Option<(String, Range<usize>)>,
    /// The `source` object, for "this source has no `published`".
    pub source_span: Range<usize>,
    /// Per claim in `source.claims`: the quote string's span, if any.
    pub quote_spans: Vec<Option<Range<usize>>>,
}

/// Reads one claim file's text. Returns the draft whenever the source id
/// could be read (so duplicate source ids are still found in a file with
/// other errors); claims with errors are left out of it.
pub fn read_source(
    file: FileId,
    text: &str,
    attributes: &BTreeMap<String, AttributeKind>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<SourceDraft> {
    let mut sink = Sink { file, diagnostics };
    let root = match json::parse(text) {
        Ok(root) => root,
        Err(error) => {
            super::push_json_error(&mut sink, *error);
            return None;
        }
    };
    let top = read_object(
        &mut sink,
        &root,
        "a claim file",
        "the file",
        FILE_FIELDS,
        &["source", "claims"],
    )?;
    let source_json = top.get("source")?;
    let source_fields = read_object(
        &mut sink,
        source_json,
        "`source`",
        "source",
        SOURCE_FIELDS,
        &["id"],
    )?;
    let id = source_fields.optional_string(&mut sink, "id")?;
    check_id(&mut sink, id, "source id");
    let published_string = source_fields.optional_string(&mut sink, "published");
    let published = published_string.and_then(|s| {
        let date = read_date(&mut sink, s, "published")?;
        check_calendar_range(&mut sink, &date, None, s.span.clone(), "published");
        if is_relative(&date) {
            sink.error(
                DiagnosticCode::InvalidDate,
                s.span.clone(),
                "`published` cannot be relative to publication",
                "relative date",
            )
            .help
            .push(
                "write the publication date itself: \"2025\", \"2025-03\", \"2025-03-14\"".into(),
            );
            return None;
        }
        Some(date)
    });
    let document = source_fields.optional_string(&mut sink, "document");
    // A path refused here is not looked up again (one diagnostic per problem).
    let checked_document =
        document.filter(|document| super::document::check_path_lexically(&mut sink, document));
    let context = SourceContext {
        published_present: published_string.is_some(),
        published: published.clone(),
        source_span: source_json.span.clone(),
        has_document: document.is_some(),
        attributes,
    };
    let mut source = Source {
        id: id.value.to_string(),
        outlet: string_of(&source_fields, &mut sink, "outlet"),
        title: string_of(&source_fields, &mut sink, "title"),
        published,
        published_written: published_string.map(|s| s.value.to_string()),
        language: string_of(&source_fields, &mut sink, "language"),
        document: None,
        url: string_of(&source_fields, &mut sink, "url"),
        file,
        claims: Vec::new(),
    };
    let mut quote_spans = Vec::new();
    if let Some(claims) = top.get("claims") {
        if let JsonKind::Array(items) = &claims.kind {
            source.claims.reserve_exact(items.len());
            quote_spans.reserve_exact(items.len());
            // Only looked up, never iterated: a hash map is deterministic here.
            let mut seen: HashMap<&str, Range<usize>, foldhash::fast::RandomState> =
                HashMap::with_capacity_and_hasher(items.len(), Default::default());
            for item in items {
                if let Some((claim, quote_span, id_span)) =
                    read_claim(&mut sink, item, &source.id, &context)
                {
                    if let Some(first) = seen.get(claim.local_id()) {
                        let first = sink.span(first.clone());
                        sink.error(
                            DiagnosticCode::DuplicateClaimId,
                            id_span,
                            format!(
                                "the claim id `{}` is used twice in this source",
                                claim.local_id()
                            ),
                            "used again here",
                        )
                        .labels
                        .push(Label::secondary(first, "first used here"));
                        if let Some(last) = sink.diagnostics.last_mut() {
                            last.help.push(
                                "claim ids are unique within a source: rename one of them".into(),
                            );
                        }
                        continue;
                    }
                    // The id's text lives in `item`, which outlives `seen`.
                    if let Some(id) = item
                        .as_object()
                        .and_then(|m| m.iter().find(|m| m.key.value == "id"))
                        .and_then(|m| m.value.as_str())
                    {
                        seen.insert(&*id.value, id_span);
                    }
                    quote_spans.push(quote_span);
                    source.claims.push(claim);
                }
            }
        } else {
            sink.wrong_type(claims, "claims", "an array of claim objects");
            if let Some(last) = sink.diagnostics.last_mut() {
                last.help = vec!["write \"claims\": [ { \"id\": ..., ... }, ... ]".into()];
            }
        }
    }
    Some(SourceDraft {
        source,
        id_span: id.span.clone(),
        document: checked_document.map(|d| (d.value.to_string(), d.span.clone())),
        source_span: source_json.span.clone(),
        quote_spans,
    })
}

struct SourceContext<'a> {
    published_present: bool,
    /// The source's `published`, which anchors relative dates.
    published: Option<DateExpr>,
    source_span: Range<usize>,
    has_document: bool,
    /// `crosscheck.toml` `[attributes]`.
    attributes: &'a BTreeMap<String, AttributeKind>,
}

fn string_of(fields: &Fields<'_>, sink: &mut Sink<'_>, name: &str) -> Option<String> {
    fields
        .optional_string(sink, name)
        .map(|s| s.value.to_string())
}

/// Ids become `<source>/<claim>` and appear in reports and on command lines:
/// letters and digits (of any script), `-` and `_` only, so no id holds a
/// NUL, an invisible character or a bidirectional control that would make
/// two ids look alike or a report show one reversed.
fn check_id(sink: &mut Sink<'_>, id: &JsonString, what: &str) -> bool {
    let bad = id.value.chars().position(|c| !id_char(c));
    if id.value.is_empty() {
        sink.error(
            DiagnosticCode::InvalidId,
            id.span.clone(),
            format!("the {what} is empty"),
            "empty id",
        )
        .help
        .push("give it a short name: \"air-defence-value\"".into());
        return false;
    }
    if let Some(at) = bad {
        sink.error(
            DiagnosticCode::InvalidId,
            id.char_span(at, 1),
            match id.value.chars().nth(at) {
                Some(c) if c == '/' || c.is_whitespace() => {
                    format!("the {what} `{}` holds `/` or white space", id.value)
                }
                Some(c) => format!(
                    "the {what} `{}` holds U+{:04X}, which is not a letter, digit, `-` or `_`",
                    id.value.escape_debug(),
                    c as u32
                ),
                None => format!("the {what} holds a character not allowed in an id"),
            },
            "not allowed in an id",
        )
        .help
        .push(format!(
            "use letters, digits, `-` and `_`: \"{}\"",
            suggest_id(&id.value)
        ));
        return false;
    }
    true
}

fn id_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

fn suggest_id(id: &str) -> String {
    id.chars()
        .filter_map(|c| {
            if id_char(c) {
                Some(c)
            } else if c == '/' || c.is_whitespace() {
                Some('-')
            } else {
                // Invisible and control characters are dropped.
                None
            }
        })
        .collect()
}

/// A claim, the span of its quote string, and the span of its id.
fn read_claim(
    sink: &mut Sink<'_>,
    item: &Json,
    source_id: &str,
    context: &SourceContext<'_>,
) -> Option<(Claim, Option<Range<usize>>, Range<usize>)> {
    let errors_before = sink.diagnostics.len();
    let fields = read_object(
        sink,
        item,
        "a claim",
        "claims[]",
        CLAIM_FIELDS,
        &["id", "subject", "attribute", "value"],
    )?;
    let id = fields.optional_string(sink, "id");
    if let Some(id) = id {
        check_id(sink, id, "claim id");
    }
    let subject = fields.optional_string(sink, "subject");
    if let Some(subject) = subject.filter(|s| s.value.trim().is_empty()) {
        sink.error(
            DiagnosticCode::MissingField,
            subject.span.clone(),
            "the claim's `subject` is empty",
            "empty subject",
        )
        .help
        .push("name what the claim is about: \"Barak MX air-defence deal\"".into());
    }
    let attribute = fields.optional_string(sink, "attribute");
    if let Some(attribute) = attribute {
        check_attribute(sink, attribute);
    }
    let declared = attribute.and_then(|a| {
        context
            .attributes
            .get(&*a.value)
            .map(|kind| (&*a.value, *kind))
    });
    let value = fields
        .get("value")
        .and_then(|v| read_value(sink, v, declared));
    let quote = fields.optional_string(sink, "quote");
    if let Some(q) = quote.filter(|q| q.value.trim().is_empty()) {
        sink.error(
            DiagnosticCode::MissingQuote,
            q.span.clone(),
            "the claim's `quote` is empty",
            "empty quote",
        )
        .help
        .push("copy the sentence of the document that supports the claim".into());
    } else if quote.is_none() && context.has_document {
        sink.error(
            DiagnosticCode::MissingQuote,
            fields.brace.clone(),
            "this claim has no `quote`, and its source has a document",
            "no quote",
        )
        .help
        .push("add \"quote\": the verbatim text of the document that supports the claim".into());
    }
    let as_of_string = fields.optional_string(sink, "as_of");
    let as_of = as_of_string.and_then(|s| read_date(sink, s, "as_of"));
    let according_to: Vec<String> = fields
        .optional_strings(sink, "according_to")
        .into_iter()
        .map(|s| s.value.to_string())
        .collect();
    let note = string_of(&fields, sink, "note");
    let supersedes = fields.optional_string(sink, "supersedes");
    if let Some(s) = supersedes
        && !is_global_id(&s.value)
    {
        sink.error(
            DiagnosticCode::UnknownSupersededClaim,
            s.span.clone(),
            format!("`supersedes` is `{}`, which is not a global claim id", s.value),
            "not `<source.id>/<claim.id>`",
        )
        .help
        .push(format!(
            "name the replaced claim by its global id, its source's id and its own joined by `/`: \"{source_id}/{}\" for a claim of this source",
            s.value.trim_matches('/')
        ));
    }

    if !context.published_present {
        let relative_value = matches!(&value, Some((Value::Date(d), _)) if is_relative(d));
        let places = [
            (
                relative_value,
                fields.get("value").map(|v| v.span.clone()),
                "value",
            ),
            (
                as_of.as_ref().is_some_and(is_relative),
                as_of_string.map(|s| s.span.clone()),
                "as_of",
            ),
        ];
        for (relative, span, field) in places {
            if let (true, Some(span)) = (relative, span) {
                let source = sink.span(context.source_span.start..context.source_span.start + 1);
                sink.error(
                    DiagnosticCode::RelativeDateWithoutPublished,
                    span,
                    format!(
                        "`{field}` is relative to publication, but the source has no `published`"
                    ),
                    "relative to publication",
                )
                .labels
                .push(Label::secondary(source, "this source has no `published`"));
                if let Some(last) = sink.diagnostics.last_mut() {
                    last.help.push(
                        "add \"published\": \"2025-03-14\" (or as precise as known) to `source`, or write an absolute date"
                            .into(),
                    );
                }
            }
        }
    }

    if let (Some((Value::Date(date), _)), Some(json)) = (&value, fields.get("value")) {
        check_calendar_range(
            sink,
            date,
            context.published.as_ref(),
            json.span.clone(),
            "value",
        );
    }
    if let (Some(date), Some(s)) = (&as_of, as_of_string) {
        check_calendar_range(
            sink,
            date,
            context.published.as_ref(),
            s.span.clone(),
            "as_of",
        );
    }

    if sink.diagnostics.len() > errors_before {
        return None;
    }
    // A declared kind settles whether a value is a number, a date or a
    // text, but not whether a number's dot groups its thousands.
    if let (Some(attribute), Some(json), Some((value, written))) =
        (attribute, fields.get("value"), value.as_ref())
        && let Some(risk) = hint::risk(written, value, context.published.as_ref())
        && (declared.is_none() || matches!(risk, Risk::DotThousands { .. }))
    {
        push_risk(sink, json.span.clone(), &attribute.value, written, &risk);
    }
    if let (Some(json), Some((value, written)), Some(quote)) =
        (fields.get("value"), value.as_ref(), quote.as_ref())
        && let Some(hedge) = hedge::hedged_in_quote(written, value, &quote.value)
    {
        push_hedge(sink, json.span.clone(), written, &hedge);
    }
    if let (Some(json), Some((value, written)), Some(quote)) =
        (fields.get("value"), value.as_ref(), quote.as_ref())
        && let Some(missing) = quoted_digits::missing_from_quote(value, &quote.value)
    {
        push_missing_digits(sink, json.span.clone(), written, &missing);
    }
    let (id, subject, attribute, (value, value_written)) = (id?, subject?, attribute?, value?);
    Some((
        Claim {
            id: ClaimId::new(source_id, &id.value),
            subject: Arc::from(&*subject.value),
            attribute: Arc::from(&*attribute.value),
            value,
            value_written: value_written.into_boxed_str(),
            quote: quote.map(|q| {
                Box::new(Quote {
                    text: q.value.to_string(),
                    location: None,
                })
            }),
            as_of,
            more: ClaimMore {
                as_of_written: as_of_string.map(|s| Box::from(&*s.value)),
                according_to: according_to.into_boxed_slice(),
                supersedes: supersedes
                    .map(|s| (ClaimId(Arc::from(&*s.value)), sink.span(s.span.clone()))),
                note: note.map(String::into_boxed_str),
            }
            .boxed(),
            span: sink.span(item.span.clone()),
        },
        quote.map(|q| q.span.clone()),
        id.span.clone(),
    ))
}

/// `value`, `range_km`, `signed`: lower-case ASCII words joined by `_`.
fn check_attribute(sink: &mut Sink<'_>, attribute: &JsonString) {
    let text: &str = &attribute.value;
    let valid = !text.is_empty()
        && text.split('_').all(|word| {
            !word.is_empty()
                && word
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
        && text.starts_with(|c: char| c.is_ascii_lowercase());
    if valid {
        return;
    }
    let suggestion = snake_case(text);
    let diagnostic = sink.error(
        DiagnosticCode::InvalidAttribute,
        attribute.span.clone(),
        format!("the attribute `{text}` is not a snake_case name"),
        "not snake_case",
    );
    if suggestion.is_empty() {
        diagnostic
            .help
            .push("an attribute is a short English snake_case name: value, date, range_km".into());
    } else {
        diagnostic.help.push(format!("write \"{suggestion}\""));
    }
    diagnostic.notes.push(
        "attributes are compared by name across sources, so they use one spelling: lower-case ASCII words joined by `_`"
            .into(),
    );
}

fn snake_case(text: &str) -> String {
    let mut out = String::new();
    let mut previous_lower = false;
    for c in text.chars() {
        if c.is_ascii_uppercase() {
            if previous_lower {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
            previous_lower = false;
        } else if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
            previous_lower = true;
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
            previous_lower = false;
        }
    }
    let trimmed = out.trim_matches('_');
    trimmed
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '_')
        .to_owned()
}

/// Whether `id` has the shape of a global claim id, `<source.id>/<claim.id>`.
fn is_global_id(id: &str) -> bool {
    match id.split_once('/') {
        Some((source, claim)) => {
            let part = |p: &str| !p.is_empty() && !p.contains(['/', ' ', '\t', '\n']);
            part(source) && part(claim)
        }
        None => false,
    }
}

/// The warning for a value read by a risky inference (see [`hint`]).
fn push_risk(sink: &mut Sink<'_>, span: Range<usize>, attribute: &str, written: &str, risk: &Risk) {
    let (message, label, help) = match risk {
        Risk::BareYear {
            year,
            years_after_publication,
        } => (
            match years_after_publication {
                Some(after) => format!(
                    "`{written}` on `{attribute}` is read as the year {year}, {} after its source was published",
                    crate::text::plural::counted_as(*after as usize, "year", "years")
                ),
                None => format!("`{written}` on `{attribute}` is read as the year {year}"),
            },
            "read as a year".to_owned(),
            format!(
                "if it is a count or amount, declare `{attribute} = \"number\"` under [attributes] in crosscheck.toml (or write `{},{:03}`); if it is a year, declare `{attribute} = \"date\"` to say so",
                year / 1000,
                year % 1000
            ),
        ),
        Risk::YearsAfterPublication {
            year,
            years_after_publication,
            meant,
        } => (
            format!(
                "`{written}` on `{attribute}` is read as a date (the year {year}, {} after its source was published)",
                crate::text::plural::counted_as(*years_after_publication as usize, "year", "years")
            ),
            "read as a date".to_owned(),
            format!(
                "if it is a count or amount, write \"{meant}\" (a comma keeps a four-digit figure a number) or declare `{attribute} = \"number\"` under [attributes] in crosscheck.toml; if years are meant, declare `{attribute} = \"date\"` to say so"
            ),
        ),
        Risk::DotThousands { meant } => (
            format!(
                "`{written}` on `{attribute}` is read with three decimals, but the dot may group thousands"
            ),
            "read with three decimals".to_owned(),
            format!(
                "if the dot groups thousands (as French, German or Spanish write them), write \"{meant}\"; if decimals are meant, drop the trailing zeros that no one measured"
            ),
        ),
        Risk::TextLooksStructured { meant } => (
            format!(
                "`{written}` on `{attribute}` is read as text, though it looks like a number, date or bound"
            ),
            "read as text".to_owned(),
            match meant {
                Some(meant) => format!(
                    "did you mean \"{meant}\"? Text is never compared as a number or date; to keep it as text, write \"'{written}\" or declare `{attribute} = \"text\"` under [attributes]"
                ),
                None => format!(
                    "write it in the value grammar (docs/values.md); to keep it as text, write \"'{written}\" or declare `{attribute} = \"text\"` under [attributes]"
                ),
            },
        ),
    };
    let span = sink.span(span);
    sink.push(
        Diagnostic::warning(DiagnosticCode::RiskyValue, message)
            .with_label(Label::primary(span, label))
            .with_help(help),
    );
}

/// The warning for a figure written exact that its quote hedges (see
/// [`hedge`]).
fn push_hedge(sink: &mut Sink<'_>, span: Range<usize>, written: &str, hedge: &Hedge) {
    let span = sink.span(span);
    sink.push(
        Diagnostic::warning(
            DiagnosticCode::HedgedFigure,
            format!(
                "`{written}` is read as exact, but its quote hedges it: \"{}\"",
                hedge.written
            ),
        )
        .with_label(Label::primary(span, "read as exact"))
        .with_help(format!(
            "write \"{}\" to keep the source's hedge{}, or \"={written}\" if the figure is exact as written",
            hedge.meant,
            if hedge.meant.starts_with('~') {
                " (`~` allows [compare] approx_tolerance, 10 % by default)"
            } else {
                ""
            }
        )),
    );
}

/// The warning for a number whose digits its quote does not hold (see
/// [`quoted_digits`]).
fn push_missing_digits(
    sink: &mut Sink<'_>,
    span: Range<usize>,
    written: &str,
    missing: &MissingDigits,
) {
    let span = sink.span(span);
    let quoted = missing.listed();
    sink.push(
        Diagnostic::warning(
            DiagnosticCode::FigureNotInQuote,
            format!("the digits of `{written}` are not in its quote, which gives {quoted}"),
        )
        .with_label(Label::primary(span, "not in the quote"))
        .with_help(
            "check the value against the quote: a figure mistyped while copying contradicts \
             every source that gives it right",
        ),
    );
}

/// A claim's `value`, and the value as written (see [`Claim::value_written`]),
/// read as the attribute's declared kind when `[attributes]` declares one.
fn read_value(
    sink: &mut Sink<'_>,
    json: &Json,
    declared: Option<(&str, AttributeKind)>,
) -> Option<(Value, String)> {
    let read = read_value_as(sink, json, declared.map(|(_, kind)| kind))?;
    let Some((attribute, kind)) = declared else {
        return Some(read);
    };
    let (value, written) = &read;
    if matches!(value, Value::Unreadable) || value.kind() == kind.value_kind() {
        return Some(read);
    }
    let example = match kind {
        AttributeKind::Number => "a number such as \"11,300\", \">=3958\" or \"~500M USD\"",
        AttributeKind::Date => "a date such as \"2023-09-10\" or \"2023-09\"",
        AttributeKind::Ordinal => "an ordinal such as \"3rd\"",
        AttributeKind::Text => "a string (text is written as is)",
        AttributeKind::Boolean => "true or false (not in quotes)",
        AttributeKind::Set => "an array of names: [\"a\", \"b\"]",
    };
    let mut help = format!("write {example}");
    if let Value::Text(text) = value
        && let Some(meant) = hint::probable_form(text)
    {
        help = format!("did you mean \"{meant}\"? {help}");
    }
    help.push_str(&format!(
        ", or change `{attribute} = \"{}\"` under [attributes] in crosscheck.toml",
        kind.name()
    ));
    sink.error(
        DiagnosticCode::ValueOfWrongKind,
        json.span.clone(),
        format!(
            "`{attribute}` is declared a {} in crosscheck.toml, but `{written}` reads as {}",
            kind.name(),
            value.kind().describe()
        ),
        format!("not a {}", kind.name()),
    )
    .help
    .push(help);
    None
}

fn read_value_as(
    sink: &mut Sink<'_>,
    json: &Json,
    declared: Option<AttributeKind>,
) -> Option<(Value, String)> {
    let reading = Reading {
        numbers_not_years: declared == Some(AttributeKind::Number),
        text_only: declared == Some(AttributeKind::Text),
    };
    match &json.kind {
        JsonKind::Null => Some((Value::Unreadable, "null".into())),
        JsonKind::Bool(b) => Some((Value::Bool(*b), b.to_string())),
        JsonKind::Number(literal) => match value::parse::parse_json_number(literal) {
            Ok(value) => Some((value, (*literal).to_owned())),
            Err(error) => {
                // A JSON number's literal is ASCII: characters are bytes.
                let start = json.span.start + error.char_offset.min(literal.len());
                let end = (start + error.char_len).min(json.span.end);
                push_value_error(sink, start..end, literal, &error);
                None
            }
        },
        JsonKind::String(s) => match value::parse_value_with(&s.value, reading) {
            Ok(value) => Some((value, s.value.to_string())),
            Err(error) => {
                let span = s.char_span(error.char_offset, error.char_len);
                push_value_error(sink, span, &s.value, &error);
                None
            }
        },
        JsonKind::Array(items) => {
            let mut members = Vec::new();
            let mut ok = true;
            for item in items {
                match &item.kind {
                    JsonKind::String(s) if !s.value.trim().is_empty() => {
                        members.push(s.value.to_string());
                    }
                    JsonKind::String(_) => {
                        ok = false;
                        sink.error(
                            DiagnosticCode::InvalidValue,
                            item.span.clone(),
                            "an empty name in a set value",
                            "empty",
                        )
                        .help
                        .push("remove it, or write the name".into());
                    }
                    _ => {
                        ok = false;
                        sink.wrong_type(item, "value[]", "a string");
                    }
                }
            }
            if items.is_empty() {
                sink.error(
                    DiagnosticCode::InvalidValue,
                    json.span.clone(),
                    "an empty set states nothing",
                    "empty set",
                )
                .help
                .push("list the members, or write null when the source states the fact but its value is unreadable".into());
                return None;
            }
            ok.then(|| {
                let written = members.join(", ");
                (Value::Set(members), written)
            })
        }
        JsonKind::Object(_) => {
            sink.wrong_type(
                json,
                "value",
                "a string, a number, true/false, null or an array of strings",
            );
            None
        }
    }
}

fn push_value_error(sink: &mut Sink<'_>, span: Range<usize>, written: &str, error: &ValueError) {
    let diagnostic = sink.error(
        DiagnosticCode::InvalidValue,
        span,
        format!("invalid value `{written}`"),
        error.message.clone(),
    );
    if let Some(readings) = hint::slashed_date(written) {
        diagnostic.help.push(match readings.as_slice() {
            [only] => format!("did you mean \"{only}\"? (a date is written `YYYY-MM-DD`)"),
            [day_first, month_first, ..] => format!(
                "a date is written `YYYY-MM-DD`: \"{day_first}\" if `{written}` is day first (as in most of the world, and in Arabic reporting), \"{month_first}\" if month first (as in the United States); the source's convention decides"
            ),
            [] => unreachable!("slashed_date gives at least one reading"),
        });
    } else if let Some(meant) = hint::probable_form(written) {
        diagnostic.help.push(format!(
            "did you mean \"{meant}\"? (a text that starts with a digit is written after `'`: \"'{written}\")"
        ));
    } else if !error.help.is_empty() {
        diagnostic.help.push(error.help.clone());
    }
    diagnostic
        .notes
        .push("the value forms are listed in docs/values.md".into());
}

/// `published` or `as_of`: a date expression.
fn read_date(sink: &mut Sink<'_>, s: &JsonString, field: &str) -> Option<DateExpr> {
    match value::parse_value_str(&s.value) {
        Ok(Value::Date(date)) => Some(date),
        Ok(other) => {
            sink.error(
                DiagnosticCode::InvalidDate,
                s.span.clone(),
                format!("`{field}` must be a date, but `{}` reads as {}", s.value, other.kind().describe()),
                "not a date",
            )
            .help
            .push("write a date expression: \"2023\", \"2023-05\", \"2023-05-14\", \"~2020\", \"2022-06..2022-09\", \"published-2y\"".into());
            None
        }
        Err(error) => {
            let span = s.char_span(error.char_offset, error.char_len);
            let diagnostic = sink.error(
                DiagnosticCode::InvalidDate,
                span,
                format!("invalid date `{}` in `{field}`", s.value),
                error.message.clone(),
            );
            if !error.help.is_empty() {
                diagnostic.help.push(error.help.clone());
            }
            None
        }
    }
}

/// A date that reaches outside the years 0000-9999 once anchored and
/// widened (`published-99999999y`; `published+1d` published 9999-12-31;
/// `~9999-12-31`) is an error: no report could print it as a date.
pub(crate) fn check_calendar_range(
    sink: &mut Sink<'_>,
    date: &DateExpr,
    published: Option<&DateExpr>,
    span: Range<usize>,
    field: &str,
) {
    use std::ops::Bound;
    use value::calendar::{END_MINUTE, FIRST_MINUTE};
    let context = value::DenoteContext {
        approx_tolerance: rust_decimal::Decimal::ZERO,
        rounding_tolerance: rust_decimal::Decimal::ZERO,
        published,
    };
    let Ok(value::Denotation::Time(value::TimeSet::Span(interval))) =
        value::denote(&Value::Date(date.clone()), &context)
    else {
        return;
    };
    let before = match interval.lo() {
        Bound::Included(m) | Bound::Excluded(m) => m < FIRST_MINUTE,
        Bound::Unbounded => false,
    };
    let after = match interval.hi() {
        Bound::Included(m) | Bound::Excluded(m) => m > END_MINUTE,
        Bound::Unbounded => false,
    };
    if before || after {
        sink.error(
            DiagnosticCode::InvalidDate,
            span,
            format!(
                "`{field}` reaches {} the years 0000-9999 crosscheck keeps dates in",
                if before { "before" } else { "past" }
            ),
            "outside 0000-9999",
        )
        .help
        .push("write a date between 0000-01-01 and 9999-12-31 (a relative date counts from `published`; `~` widens a date by one of its units)".into());
    }
}

/// Whether a date expression counts from the source's `published`.
pub(crate) fn is_relative(date: &DateExpr) -> bool {
    let relative = |p: &DatePoint| matches!(p, DatePoint::Relative(_));
    match date {
        Form::Exact(p) | Form::Approx(p) | Form::Bound(_, p) => relative(p),
        Form::Range(a, b) => relative(a) || relative(b),
    }
}

#[cfg(test)]
mod tests {
    use super::snake_case;

    #[test]
    fn suggests_snake_case() {
        assert_eq!(snake_case("rangeKm"), "range_km");
        assert_eq!(snake_case("Range KM"), "range_km");
        assert_eq!(snake_case("date-signed"), "date_signed");
        assert_eq!(snake_case("مدى"), "");
    }
}
