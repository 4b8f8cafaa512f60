//! The value grammar's round trip: any string that parses to a number,
//! date, ordinal or text prints (canonical form, `Display`) a string that
//! parses back to the same value; and parsing never panics.
//!
//! Run (nightly): `cargo +nightly fuzz run value_round_trip`

#![no_main]

use crosscheck::value::{Value, parse_value_str};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let Ok(value) = parse_value_str(text) else {
        return;
    };
    if matches!(value, Value::Set(_) | Value::Bool(_) | Value::Unreadable) {
        // Not produced by the string grammar.
        return;
    }
    let canonical = value.to_string();
    match parse_value_str(&canonical) {
        Ok(again) => assert_eq!(
            again, value,
            "{text:?} printed as {canonical:?}, which reads back as another value"
        ),
        Err(error) => panic!(
            "{text:?} printed as {canonical:?}, which does not parse: {}",
            error.message
        ),
    }
    // The canonical form is a fixed point.
    assert_eq!(parse_value_str(&canonical).map(|v| v.to_string()), Ok(canonical.clone()));
});
