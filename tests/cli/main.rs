//! End-to-end tests of the command line, in one test binary with one
//! harness ([`harness`]): each module is one command, and snapshots hold
//! stdout, stderr and the exit status together.

// Test support may unwrap: a panic is a failing test, not a user's crash.
#![allow(clippy::unwrap_used)]

mod harness;

mod add;
mod check;
mod coverage;
mod validate;
