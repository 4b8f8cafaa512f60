//! The claim file format as Rust types, for the JSON Schema that editors and
//! `crosscheck schema` show. The loader does not deserialise through these
//! (it needs positions; see `load::json`), so a test holds the two together:
//! the field lists the loader accepts are the properties of these types, and
//! the committed docs/claims.schema.json is what these types generate.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A crosscheck claim file (`claims/<name>.json`): one source document and
/// the claims curated from it. See docs/claim-format.md.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "crosscheck claim file")]
pub struct SourceFile {
    /// This schema's location, for editors. crosscheck ignores it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub source: SourceWire,
    /// The claims taken from the document, in any order.
    pub claims: Vec<ClaimWire>,
}

/// The source document the claims come from.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceWire {
    /// Unique across the project; claims are known as `<source id>/<claim id>`.
    /// No `/` and no white space.
    pub id: String,
    /// The publication or outlet ("Tanja7").
    #[serde(default)]
    pub outlet: Option<String>,
    /// The article's title.
    #[serde(default)]
    pub title: Option<String>,
    /// When the source was published, as a date expression ("2025",
    /// "2025-03-14"). Anchors relative dates such as "published-5y".
    #[serde(default)]
    pub published: Option<String>,
    /// The document's language, as a BCP 47 tag ("ar", "fr").
    #[serde(default)]
    pub language: Option<String>,
    /// The source text, relative to the project directory
    /// ("seeds/004_783066b5de977b4c.txt"). It must stay inside the project.
    /// With a document, every claim needs a `quote` found in it.
    #[serde(default)]
    pub document: Option<String>,
    /// Where the source was published online.
    #[serde(default)]
    pub url: Option<String>,
}

/// One fact the source states: a subject, an attribute, a typed value, and
/// the verbatim quote that supports it.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClaimWire {
    /// Unique within the source. No `/` and no white space.
    pub id: String,
    /// What the claim is about, free text in any script. Linked to a
    /// canonical subject through claims/subjects.json aliases, normalised
    /// match, then fuzzy match.
    pub subject: String,
    /// Which property of the subject: a snake_case name ("value", "date",
    /// "signed", "rank", "range_km").
    pub attribute: String,
    pub value: ClaimValue,
    /// Verbatim text of the document supporting the claim. Required when the
    /// source has a document.
    #[serde(default)]
    pub quote: Option<String>,
    /// The time the claim is about, as a date expression ("2023"). Claims
    /// whose `as_of` do not overlap never contradict each other.
    #[serde(default)]
    pub as_of: Option<String>,
    /// Whom the source attributes the claim to.
    #[serde(default)]
    pub according_to: Option<Vec<String>>,
    /// Free text for the reader.
    #[serde(default)]
    pub note: Option<String>,
}

/// The claim's value. A string is read with the value grammar
/// (docs/values.md): "~500M USD", "100M..999M USD", "2020-12", "<2021-01",
/// "--12-10", "published-5y", "6th", or a name ("Barak 8"). A number is exact
/// to its last written digit. An array of strings is a set of names. `null`:
/// the source states the fact but its value is unreadable.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum ClaimValue {
    Text(String),
    Number(serde_json::Number),
    Bool(bool),
    Set(Vec<String>),
    Unreadable,
}

/// `claims/subjects.json`: canonical names, their aliases, and pairs of
/// names that must never be linked.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "crosscheck subject registry")]
pub struct RegistryFile {
    /// This schema's location, for editors. crosscheck ignores it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Canonical subjects and the other names claims use for them.
    #[serde(default)]
    pub subjects: Option<Vec<RegistryEntryWire>>,
    /// Values written differently that name the same thing (a naming
    /// variant, not a contradiction).
    #[serde(default)]
    pub values: Option<Vec<RegistryEntryWire>>,
    /// Pairs of subject names that must never be linked, however similar.
    #[serde(default)]
    pub distinct: Option<Vec<[String; 2]>>,
}

/// A canonical name and its aliases.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegistryEntryWire {
    /// The canonical name, shown in reports.
    pub name: String,
    /// Other names for it, in any script.
    #[serde(default)]
    pub aliases: Option<Vec<String>>,
}

/// The JSON Schema of a claim file, pretty-printed, ending in a newline.
pub fn claim_file_schema() -> String {
    pretty(&schemars::schema_for!(SourceFile))
}

/// The JSON Schema of the report `crosscheck check --format json` prints.
pub fn report_schema() -> String {
    pretty(&schemars::schema_for!(
        crate::report::json::JsonReport<'static>
    ))
}

/// The JSON Schema of `claims/subjects.json`.
pub fn registry_schema() -> String {
    pretty(&schemars::schema_for!(RegistryFile))
}

fn pretty(schema: &schemars::Schema) -> String {
    // A schema is plain JSON data: serialising it cannot fail.
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{registry, source};

    fn properties(schema: &serde_json::Value, pointer: &str) -> Vec<String> {
        let mut names: Vec<String> = schema
            .pointer(pointer)
            .and_then(|p| p.as_object())
            .expect("properties")
            .keys()
            .cloned()
            .collect();
        names.sort();
        names
    }

    fn sorted(fields: &[&str]) -> Vec<String> {
        let mut names: Vec<String> = fields.iter().map(|f| (*f).to_owned()).collect();
        names.sort();
        names
    }

    #[test]
    fn loader_accepts_exactly_the_schema_fields() {
        let schema: serde_json::Value = serde_json::from_str(&claim_file_schema()).unwrap();
        assert_eq!(
            properties(&schema, "/properties"),
            sorted(source::FILE_FIELDS)
        );
        assert_eq!(
            properties(&schema, "/$defs/SourceWire/properties"),
            sorted(source::SOURCE_FIELDS)
        );
        assert_eq!(
            properties(&schema, "/$defs/ClaimWire/properties"),
            sorted(source::CLAIM_FIELDS)
        );
        let schema: serde_json::Value = serde_json::from_str(&registry_schema()).unwrap();
        assert_eq!(
            properties(&schema, "/properties"),
            sorted(registry::REGISTRY_FIELDS)
        );
        assert_eq!(
            properties(&schema, "/$defs/RegistryEntryWire/properties"),
            sorted(registry::ENTRY_FIELDS)
        );
    }

    /// docs/*.schema.json are generated: `CROSSCHECK_UPDATE=1 cargo test schema` rewrites them.
    #[test]
    fn committed_schemas_are_current() {
        let docs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
        for (name, generated) in [
            ("claims.schema.json", claim_file_schema()),
            ("subjects.schema.json", registry_schema()),
            ("report.schema.json", report_schema()),
        ] {
            let path = docs.join(name);
            if std::env::var_os("CROSSCHECK_UPDATE").is_some_and(|v| v == "1") {
                std::fs::write(&path, &generated).unwrap();
            }
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            similar_asserts::assert_eq!(
                committed,
                generated,
                "docs/{name} is stale: run CROSSCHECK_UPDATE=1 cargo test --lib schema"
            );
        }
    }

    #[test]
    fn the_spec_example_fits_the_schema_types() {
        let example = r#"{
          "source": { "id": "tanja7", "outlet": "Tanja7", "published": "2025",
                      "language": "ar", "document": "seeds/004.txt", "url": null },
          "claims": [ { "id": "a", "subject": "s", "attribute": "value",
                        "value": "~500M USD", "quote": "q", "according_to": ["Clash Report"] },
                      { "id": "b", "subject": "s", "attribute": "members", "value": ["x", "y"] },
                      { "id": "c", "subject": "s", "attribute": "value", "value": null },
                      { "id": "d", "subject": "s", "attribute": "count", "value": 3 } ]
        }"#;
        let file: SourceFile = serde_json::from_str(example).unwrap();
        assert_eq!(file.claims.len(), 4);
        assert!(
            serde_json::from_str::<SourceFile>(
                r#"{"source": {"id": "x"}, "claims": [], "extra": 1}"#
            )
            .is_err()
        );
    }
}
