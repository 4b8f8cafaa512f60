//! The SARIF 2.1.0 JSON Schema as a validator, for the tests that check
//! SARIF output (README.md here says where the schema comes from).

// Test support: a panic is a failing test.
#![allow(dead_code, clippy::unwrap_used)]

pub fn validator() -> jsonschema::Validator {
    let mut schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("tests/sarif/sarif-2.1.0-rtm.5.json").unwrap(),
    )
    .unwrap();
    // The schema's pattern for a language tag,
    // `^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`, holds a stray `]` that
    // the validator's regex dialect refuses (the schema does not compile
    // with it). crosscheck writes no `language`, so the pattern is dropped
    // here and the rest of the schema is used as published.
    for definition in ["run", "toolComponent"] {
        if let Some(language) = schema["definitions"][definition]["properties"]
            .get_mut("language")
            .and_then(|l| l.as_object_mut())
        {
            language.remove("pattern");
        }
    }
    jsonschema::validator_for(&schema).unwrap()
}

/// Every schema error in `log`, with where it is.
pub fn errors(log: &serde_json::Value) -> Vec<String> {
    validator()
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}
