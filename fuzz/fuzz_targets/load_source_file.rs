//! Any bytes as a claim file: loading must never panic, and rendering its
//! diagnostics must never panic either (spans must stay inside the file and
//! on character boundaries).
//!
//! Run (nightly): `cargo +nightly fuzz run load_source_file`

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Err(failure) = crosscheck::load::parse_source_file("claims/fuzz.json", bytes) {
        let _ = crosscheck::diagnostic::render_plain(&failure.diagnostics, &failure.files);
    }
});
