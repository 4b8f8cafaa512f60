//! End-to-end tests of the command line, in one test binary with one
//! harness ([`harness`]): each module is one command or one concern
//! (`exchange`: import, CSV, SARIF, diff; `hostile`: hostile and odd input;
//! `review`: the linking review loop; `ci_recipe`: docs/ci.md run as
//! written), and snapshots hold stdout, stderr and the exit status together.

// Test support may unwrap: a panic is a failing test, not a user's crash.
#![allow(clippy::unwrap_used)]

mod harness;
#[path = "../sarif/mod.rs"]
mod sarif_schema;

mod add;
mod check;
mod ci_recipe;
mod coverage;
mod exchange;
mod hostile;
mod review;
mod validate;
mod values;
