//! `crosscheck schema`: print the JSON Schema of claim files (or of
//! `claims/subjects.json`), generated from the types in `crate::schema`.

use std::io;

use super::{Console, ExitStatus};
use crate::schema;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  crosscheck schema > claims.schema.json\n  crosscheck schema --subjects > subjects.schema.json\n\nPoint an editor at it with \"$schema\": \"../claims.schema.json\" at the top of a claim file."
)]
pub struct Args {
    /// Print the schema of claims/subjects.json instead of a claim file's.
    #[arg(long)]
    pub subjects: bool,
}

pub fn run(args: &Args, console: &mut Console<'_>) -> io::Result<ExitStatus> {
    let text = if args.subjects {
        schema::registry_schema()
    } else {
        schema::claim_file_schema()
    };
    console.stdout.write_all(text.as_bytes())?;
    Ok(ExitStatus::Success)
}
