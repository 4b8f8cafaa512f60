//! Times linking (`SubjectGraph::build`) alone on a project directory, so
//! that loading and printing are not in the figure.
//!
//! ```text
//! cargo run --release --example link_project -- bench/out/n1000000-s2000-k50000-seed42
//! ```
//!
//! Prints one line: `claims=N seconds=T subjects=S links=L suggestions=G
//! rss_before_mib=A rss_after_mib=B hwm_mib=H`. `rss_before` is the resident
//! memory with the project loaded, `rss_after` with the graph built too, and
//! `hwm` the peak of the whole run (Linux `/proc/self/status`; `nan`
//! elsewhere): `rss_after - rss_before` is what the graph keeps, `hwm -
//! rss_before` bounds what linking needed at its peak.

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use crosscheck::link::SubjectGraph;
use crosscheck::load::load_project;

fn main() -> std::io::Result<()> {
    let dir = std::env::args_os()
        .nth(1)
        .map_or_else(|| PathBuf::from("."), PathBuf::from);
    let Ok(project) = load_project(&dir) else {
        writeln!(
            std::io::stderr(),
            "{}: cannot load the project",
            dir.display()
        )?;
        std::process::exit(1);
    };
    let claims = project.claims().count();
    let before = status_mib("VmRSS");
    let start = Instant::now();
    let graph = SubjectGraph::build(&project);
    let seconds = start.elapsed().as_secs_f64();
    let after = status_mib("VmRSS");
    let hwm = status_mib("VmHWM");
    writeln!(
        std::io::stdout().lock(),
        "claims={claims} seconds={seconds:.3} subjects={} links={} suggestions={} rss_before_mib={before:.0} rss_after_mib={after:.0} hwm_mib={hwm:.0}",
        graph.subjects().len(),
        graph.links().len(),
        graph.suggestions().len(),
    )
}

/// A memory figure of `/proc/self/status`, in MiB (`nan` when unknown).
fn status_mib(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with(field))?;
            line.split_whitespace().nth(1)?.parse::<f64>().ok()
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}
