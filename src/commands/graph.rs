//! `crosscheck graph [DIR] --format dot|svg|json`: the claim graph alone
//! (sources → claims → canonical subjects, contradicting pairs marked), for
//! people who want to lay it out or process it themselves.

use std::io;
use std::path::PathBuf;

use super::{Console, ExitStatus};
use crate::link::SubjectGraph;
use crate::report::ReportInput;
use crate::report::graph::ClaimGraph;

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  crosscheck graph --format svg > claims.svg
  crosscheck graph cases/morocco --format dot | dot -Tpng > claims.png
  crosscheck graph --format json")]
pub struct Args {
    /// The project directory (the one holding `claims/`); the current
    /// directory by default.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = GraphFormat::Svg)]
    pub format: GraphFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GraphFormat {
    /// Graphviz DOT.
    Dot,
    /// A standalone SVG picture, laid out by crosscheck.
    Svg,
    /// `{"nodes": [...], "edges": [...]}`.
    Json,
}

pub fn run(args: &Args, console: &mut Console<'_>) -> io::Result<ExitStatus> {
    let project = match console.load_project(&args.dir)? {
        Ok(project) => project,
        Err(status) => return Ok(status),
    };
    let subjects = SubjectGraph::build(&project);
    let canonical = subjects.canonical_subjects();
    let facts = crate::check::claim_facts(&project, &canonical);
    let outcome = crate::check::check_facts(&project, &facts);
    let input = ReportInput::new(&project, &facts, &outcome, &[]);
    let graph = ClaimGraph::build(&input);
    match args.format {
        GraphFormat::Dot => graph.write_dot(console.stdout)?,
        GraphFormat::Svg => graph.write_svg(console.stdout)?,
        GraphFormat::Json => graph.write_json(console.stdout)?,
    }
    Ok(ExitStatus::Success)
}
