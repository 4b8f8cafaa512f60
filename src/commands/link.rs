//! `crosscheck link accept ID` / `crosscheck link reject ID`: the curator's
//! decision on a suggestion listed by `crosscheck subjects --suggestions`,
//! written into `claims/subjects.json` (an alias, or a `distinct` pair; see
//! `link::review`).
//!
//! Safe to run concurrently: the registry is changed under an exclusive lock
//! on `claims/subjects.json.lock`, the project is loaded and the suggestion
//! looked up *under the lock* (so a decision made meanwhile by another
//! `link` is seen), the new text is validated by loading the project with
//! it, and written atomically (temporary file, fsync, rename).

use std::fs::OpenOptions;
use std::io;
use std::path::PathBuf;

use super::{Console, ExitStatus};
use crate::atomic_file::write_atomically;
use crate::link::SubjectGraph;
use crate::link::review::{Decision, change_for, edit_registry_text};
use crate::load;

#[derive(Debug, clap::Args)]
#[command(after_help = "Example:
  crosscheck subjects --suggestions     # lists suggestions with their ids
  crosscheck link accept 3f2a9c01b7e4   # the two names are one subject: adds an alias
  crosscheck link reject 3f2a9c01b7e4   # they are not: adds a distinct pair, never suggested again")]
pub struct Args {
    #[command(subcommand)]
    pub decision: DecisionArg,
}

#[derive(Debug, clap::Subcommand)]
pub enum DecisionArg {
    /// Link the suggestion's two names: add a registry alias.
    Accept(Target),
    /// Keep them apart: add a `distinct` pair; the pair is never suggested again.
    Reject(Target),
}

#[derive(Debug, clap::Args)]
pub struct Target {
    /// The suggestion's id, as `crosscheck subjects --suggestions` lists it.
    pub id: String,
    /// The project directory (the one holding `claims/`).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
}

pub fn run(args: &Args, console: &mut Console<'_>) -> io::Result<ExitStatus> {
    let (decision, target) = match &args.decision {
        DecisionArg::Accept(target) => (Decision::Accept, target),
        DecisionArg::Reject(target) => (Decision::Reject, target),
    };
    let claims = target.dir.join("claims");
    if !claims.is_dir() {
        // Let the loader say what is wrong, as every command does.
        return console
            .load_project(&target.dir)
            .map(|r| r.err().unwrap_or(ExitStatus::Invalid));
    }
    let path = claims.join("subjects.json");
    let lock = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(claims.join("subjects.json.lock"))?;
    lock.lock()?;

    let project = match console.load_project(&target.dir)? {
        Ok(project) => project,
        Err(status) => return Ok(status),
    };
    let graph = SubjectGraph::build(&project);
    let Some(suggestion) = graph.suggestions().iter().find(|s| s.id == target.id) else {
        writeln!(
            console.stderr,
            "error: no suggestion has the id `{}`\n  = help: `crosscheck subjects --suggestions` lists the current ones (a decided pair is no longer suggested)",
            target.id
        )?;
        return Ok(ExitStatus::Invalid);
    };
    let change = match change_for(suggestion, decision, graph.subjects()) {
        Ok(change) => change,
        Err(why) => {
            writeln!(console.stderr, "error: {why}")?;
            return Ok(ExitStatus::Invalid);
        }
    };
    let old = match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(error) if error.kind() == io::ErrorKind::NotFound => None,
        Err(error) => return Err(error),
    };
    let Some(new) = edit_registry_text(old.as_deref(), &change) else {
        writeln!(
            console.stderr,
            "error: claims/subjects.json is not a JSON object with the expected arrays; fix it (crosscheck validate shows where) and run this again"
        )?;
        return Ok(ExitStatus::Invalid);
    };
    if old.is_some()
        && let Err(failure) = load::load_project_with(&target.dir, Some((&path, new.as_bytes())))
    {
        return console.refuse(&failure);
    }
    write_atomically(&path, new.as_bytes())?;
    drop(lock);
    let verb = match decision {
        Decision::Accept => "accepted",
        Decision::Reject => "rejected",
    };
    writeln!(
        console.stdout,
        "{verb} {}: \"{}\" ~ \"{}\"; claims/subjects.json: {}",
        suggestion.id,
        suggestion.a,
        suggestion.b,
        change.describe()
    )?;
    Ok(ExitStatus::Success)
}
