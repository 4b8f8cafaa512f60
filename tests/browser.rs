//! The HTML report in a real browser: headless Chromium loads it and we
//! check that the page logs no console message, makes no network request,
//! and renders as many findings as the checker's outcome holds; then it
//! takes screenshots (laptop and phone width) for people to look at.
//!
//! Network: Chromium runs with its proxy pointed at a listener of ours and
//! loopback not bypassed, so any http(s) request the page makes arrives
//! there and is counted. Console: `--enable-logging=stderr` prints every
//! console message (including Content-Security-Policy refusals) as a
//! `CONSOLE` line. A control page with a deliberate request and console
//! error proves both detectors work, so this test cannot pass blind.
//!
//! Needs `chromium` (Debian: `apt-get install -y chromium`), or the path in
//! `CROSSCHECK_CHROMIUM`. Without a browser (or with
//! `CROSSCHECK_SKIP_BROWSER=1`) it is skipped with a note on stderr, unless
//! `CROSSCHECK_REQUIRE_BROWSER=1` (set by `.ci/run`) makes that a failure.

// Test support functions may unwrap: a panic is a failing test.
#![allow(clippy::unwrap_used)]

mod report_fixture;

use std::io::Read;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use crosscheck::report::html;
use report_fixture::Fixture;

/// The browser to test with, or `None` to skip. Without one the test is
/// skipped with a note on stderr, so `cargo test` passes on a fresh machine;
/// CI sets `CROSSCHECK_REQUIRE_BROWSER=1` (in `.ci/run`), which turns a
/// missing browser into a failure, so CI can never skip it.
fn chromium() -> Option<PathBuf> {
    let required = std::env::var("CROSSCHECK_REQUIRE_BROWSER").as_deref() == Ok("1");
    if std::env::var("CROSSCHECK_SKIP_BROWSER").as_deref() == Ok("1") {
        assert!(
            !required,
            "CROSSCHECK_SKIP_BROWSER=1 and CROSSCHECK_REQUIRE_BROWSER=1 contradict each other"
        );
        return None;
    }
    let candidates = [
        std::env::var("CROSSCHECK_CHROMIUM").ok(),
        Some("/usr/bin/chromium".to_owned()),
        Some("/usr/bin/chromium-browser".to_owned()),
        Some("/usr/bin/google-chrome".to_owned()),
    ];
    let found = candidates
        .into_iter()
        .flatten()
        .map(PathBuf::from)
        .find(|path| path.is_file());
    let help = "headless Chromium tests the HTML report and was not found.\n\
         Install it (Debian/Ubuntu: `apt-get update && apt-get install -y chromium`),\n\
         or set CROSSCHECK_CHROMIUM to its path; `.ci/run` installs it.";
    match found {
        Some(path) => Some(path),
        None if required => panic!("{help}\n(CROSSCHECK_REQUIRE_BROWSER=1 makes this a failure.)"),
        None => {
            // A skipped test must say so where `cargo test` shows it: the
            // test harness captures `eprintln!` of a passing test, not a
            // write to the process's stderr.
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED: the browser test of the HTML report: {help}"
            );
            None
        }
    }
}

/// A proxy that records every request's first line, and answers none.
///
/// Each connection is read on a thread of its own, so one idle connection
/// does not hold up the next. Chromium opens sockets ahead of need
/// (preconnects) and closes them unused when it exits: a connection closed
/// without a byte carried no request and is not recorded. One still silent
/// after [`SILENT_FOR`] is recorded, so a slow request is never missed.
struct CountingProxy {
    port: u16,
    requests: Arc<Mutex<Vec<String>>>,
    /// Connections being read.
    reading: Arc<AtomicUsize>,
    /// Times the listener found no connection waiting.
    idle_polls: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
    thread: Option<thread::JoinHandle<()>>,
}

/// How long a connection may stay silent before it counts as a request.
const SILENT_FOR: Duration = Duration::from_secs(5);

impl CountingProxy {
    fn start() -> CountingProxy {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let port = listener.local_addr().unwrap().port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let reading = Arc::new(AtomicUsize::new(0));
        let idle_polls = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let (seen, open, idle, halt) = (
            requests.clone(),
            reading.clone(),
            idle_polls.clone(),
            stop.clone(),
        );
        let thread = thread::spawn(move || {
            while !halt.load(Ordering::SeqCst) {
                match listener.accept() {
                    Ok((mut stream, _)) => {
                        let (seen, open) = (seen.clone(), open.clone());
                        open.fetch_add(1, Ordering::SeqCst);
                        thread::spawn(move || {
                            let _ = stream.set_nonblocking(false);
                            let _ = stream.set_read_timeout(Some(SILENT_FOR));
                            let mut buffer = [0u8; 2048];
                            let line = match stream.read(&mut buffer) {
                                // Closed unused: a preconnect, no request.
                                Ok(0) => None,
                                Ok(read) => Some(
                                    String::from_utf8_lossy(&buffer[..read])
                                        .lines()
                                        .next()
                                        .unwrap_or_default()
                                        .to_owned(),
                                ),
                                Err(_) => Some(format!("(nothing read in {SILENT_FOR:?})")),
                            };
                            if let Some(line) = line {
                                seen.lock().unwrap().push(line);
                            }
                            // Dropping the stream refuses the request.
                            open.fetch_sub(1, Ordering::SeqCst);
                        });
                    }
                    Err(_) => {
                        idle.fetch_add(1, Ordering::SeqCst);
                        thread::sleep(Duration::from_millis(20));
                    }
                }
            }
        });
        CountingProxy {
            port,
            requests,
            reading,
            idle_polls,
            stop,
            thread: Some(thread),
        }
    }

    /// Waits until every connection made so far is accepted and read: the
    /// listener has twice found none waiting, and none is being read.
    fn settle(&self) {
        let polls = self.idle_polls.load(Ordering::SeqCst);
        let deadline = std::time::Instant::now() + SILENT_FOR * 2;
        while std::time::Instant::now() < deadline {
            if self.idle_polls.load(Ordering::SeqCst) >= polls + 2
                && self.reading.load(Ordering::SeqCst) == 0
            {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "the proxy still reads a connection after {:?}",
            SILENT_FOR * 2
        );
    }

    /// Requests other than Chromium's own calls home (component updater,
    /// clock, sign-in), which Debian's build makes even with background
    /// networking disabled. The page cannot hide a request among them: its
    /// Content-Security-Policy refuses every fetch, and a refusal is a
    /// console message, which fails the test too.
    fn page_requests(&self) -> Vec<String> {
        const BROWSER_SERVICES: [&str; 3] = [".google.com", ".googleapis.com", ".gvt1.com"];
        self.settle();
        self.requests
            .lock()
            .unwrap()
            .iter()
            .filter(|line| {
                let target = line.split_whitespace().nth(1).unwrap_or("");
                let host = target
                    .trim_start_matches("http://")
                    .trim_start_matches("https://")
                    .split(['/', ':'])
                    .next()
                    .unwrap_or("");
                !BROWSER_SERVICES
                    .iter()
                    .any(|service| host.ends_with(service))
            })
            .cloned()
            .collect()
    }
}

impl Drop for CountingProxy {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Runs Chromium headless on `page` with `extra` arguments.
fn run_chromium(browser: &Path, proxy: &CountingProxy, page: &Path, extra: &[String]) -> Output {
    let profile = tempfile::tempdir().unwrap();
    let mut command = Command::new(browser);
    command
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--disable-default-apps",
            "--disable-client-side-phishing-detection",
            "--disable-domain-reliability",
            "--no-pings",
            "--safebrowsing-disable-auto-update",
            "--disable-features=OptimizationHints,MediaRouter,Translate,AutofillServerCommunication,CertificateTransparencyComponentUpdater,InterestFeedContentSuggestions",
            "--hide-scrollbars",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=3000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--proxy-server=127.0.0.1:{}", proxy.port))
        // Send loopback through the proxy too: nothing may bypass it.
        .arg("--proxy-bypass-list=<-loopback>")
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null());
    let output = command.output().unwrap();
    drop(profile);
    output
}

/// The console messages Chromium logged: lines holding `CONSOLE`.
fn console_messages(stderr: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(stderr)
        .lines()
        .filter(|line| line.contains("CONSOLE"))
        .map(str::to_owned)
        .collect()
}

fn rendered_findings(dom: &str) -> Option<usize> {
    let at = dom.find("data-rendered-findings=\"")? + "data-rendered-findings=\"".len();
    let end = dom[at..].find('"')? + at;
    dom[at..end].parse().ok()
}

fn write_page(dir: &Path, name: &str, fixture: &Fixture) -> PathBuf {
    let mut out = Vec::new();
    html::render(&fixture.input(), &mut out).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, out).unwrap();
    path
}

#[test]
fn report_renders_every_finding_offline_without_console_errors() {
    let Some(browser) = chromium() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let proxy = CountingProxy::start();

    // Control: a page that requests an address and logs an error must be
    // caught by both detectors.
    let control = dir.path().join("control.html");
    std::fs::write(
        &control,
        "<!DOCTYPE html><html><body><img src=\"http://crosscheck.invalid/x.png\">\
         <script>console.error(\"control error\");</script></body></html>",
    )
    .unwrap();
    let output = run_chromium(&browser, &proxy, &control, &["--dump-dom".to_owned()]);
    assert!(
        console_messages(&output.stderr)
            .iter()
            .any(|line| line.contains("control error")),
        "the console detector saw nothing on the control page; stderr:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let control_requests = proxy.page_requests();
    assert!(
        !control_requests.is_empty()
            && control_requests
                .iter()
                .all(|line| line.contains("crosscheck.invalid")),
        "the network detector did not see the control page's request alone: {control_requests:?}"
    );
    let after_control = proxy.page_requests();

    // The fixture, a fixture with hostile text in every field, and the
    // committed report on the seeds, whose count must equal the JSON report's.
    let mut pages = Vec::new();
    for (name, fixture) in [
        ("report.html", Fixture::new()),
        (
            "hostile.html",
            Fixture::with_payload("<img src=x onerror=alert(1)><script>alert(2)</script>"),
        ),
    ] {
        let findings = fixture.outcome.findings.len();
        pages.push((
            name.to_owned(),
            write_page(dir.path(), name, &fixture),
            findings,
        ));
    }
    let seed_report = Path::new(env!("CARGO_MANIFEST_DIR")).join("reports");
    let seed_json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(seed_report.join("report.json")).unwrap()).unwrap();
    let seed_findings = seed_json["findings"].as_array().unwrap().len();
    pages.push((
        "reports/report.html".to_owned(),
        seed_report.join("report.html"),
        seed_findings,
    ));
    for (name, page, findings) in &pages {
        let output = run_chromium(&browser, &proxy, page, &["--dump-dom".to_owned()]);
        let dom = String::from_utf8_lossy(&output.stdout);
        assert_eq!(
            console_messages(&output.stderr),
            Vec::<String>::new(),
            "{name} logged console messages"
        );
        assert_eq!(
            proxy.page_requests(),
            after_control,
            "{name} made a network request"
        );
        assert_eq!(
            rendered_findings(&dom),
            Some(*findings),
            "{name}: the script did not run, or rendered another number of findings"
        );
        // The filter form appears once the script ran.
        assert!(
            dom.contains("id=\"filters\" class=\"filters\" aria-label"),
            "{name}"
        );
    }

    // Screenshots of the seed report for people (docs/report.png), laptop
    // and phone width.
    let page = seed_report.join("report.html");
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("report-screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    for (file, size) in [
        ("report-1280.png", "1280,2400"),
        ("report-390.png", "390,3600"),
    ] {
        let target = shots.join(file);
        let _ = std::fs::remove_file(&target);
        let output = run_chromium(
            &browser,
            &proxy,
            &page,
            &[
                format!("--screenshot={}", target.display()),
                format!("--window-size={size}"),
            ],
        );
        assert!(
            target.is_file(),
            "no screenshot written; stderr:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert_eq!(console_messages(&output.stderr), Vec::<String>::new());
    }
    assert_eq!(
        proxy.page_requests(),
        after_control,
        "a screenshot run made a request"
    );
}

/// A project whose every user-written field is one long word: a URL of
/// 370 characters as a value, a subject, ids, titles and a quote with no
/// space to break at.
fn wide_project(dir: &Path) {
    let word = |n: usize| "W".repeat(n);
    let url = format!("https://example.com/{}", "segment/".repeat(44));
    let source = |id: &str, value: &str| {
        let claim_id = format!("c{}", word(400));
        format!(
            r#"{{"source": {{"id": "{id}", "outlet": "{outlet}", "title": "{title}", "published": "2023", "language": "en", "url": "{url}", "document": "seeds/{id}.txt"}},
 "claims": [
  {{"id": "{claim_id}", "subject": "{subject}", "attribute": "{attribute}", "value": "{value}", "quote": "{quote}", "according_to": ["{who}"], "note": "{note}"}},
  {{"id": "v", "subject": "{subject}", "attribute": "value", "value": "{money}", "quote": "{quote}"}}
 ]}}"#,
            outlet = word(600),
            title = word(900),
            subject = word(700),
            attribute = "a".repeat(300),
            quote = word(800),
            who = word(500),
            note = word(1000),
            money = if id == "aa" { "500M USD" } else { "900M USD" },
        )
    };
    std::fs::create_dir_all(dir.join("claims")).unwrap();
    std::fs::create_dir_all(dir.join("seeds")).unwrap();
    for (id, value) in [("aa", url.clone()), ("bb", format!("{url}x"))] {
        std::fs::write(dir.join(format!("claims/{id}.json")), source(id, &value)).unwrap();
        std::fs::write(dir.join(format!("seeds/{id}.txt")), word(800)).unwrap();
    }
}

#[test]
fn report_never_scrolls_sideways_at_1280_px() {
    let Some(browser) = chromium() else {
        eprintln!("CROSSCHECK_SKIP_BROWSER=1: browser test skipped");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    wide_project(dir.path());
    let output = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["check", "--fail-on", "never"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report = dir.path().join("reports/report.html");
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(
        html.contains("segment/segment/"),
        "the long URL is not in the report"
    );
    // The report in a 1280 px frame of a page that reads the frame's width
    // (the report's own Content-Security-Policy admits no other script).
    let measure = dir.path().join("reports/measure.html");
    std::fs::write(
        &measure,
        "<!DOCTYPE html><html><body style=\"margin:0\">\
         <iframe id=\"f\" src=\"report.html\" style=\"width:1280px;height:900px;border:0\"></iframe>\
         <script>document.getElementById('f').addEventListener('load', function () {\
           var d = this.contentDocument.documentElement;\
           document.body.setAttribute('data-scroll-width', String(d.scrollWidth));\
           document.body.setAttribute('data-client-width', String(d.clientWidth));\
         });</script></body></html>",
    )
    .unwrap();
    let proxy = CountingProxy::start();
    let output = run_chromium(
        &browser,
        &proxy,
        &measure,
        &[
            "--dump-dom".to_owned(),
            "--allow-file-access-from-files".to_owned(),
            "--window-size=1400,1000".to_owned(),
        ],
    );
    let dom = String::from_utf8_lossy(&output.stdout);
    let attribute = |name: &str| -> Option<u32> {
        let key = format!("{name}=\"");
        let at = dom.find(&key)? + key.len();
        let end = dom[at..].find('"')? + at;
        dom[at..end].parse().ok()
    };
    let (Some(scroll), Some(client)) = (
        attribute("data-scroll-width"),
        attribute("data-client-width"),
    ) else {
        panic!(
            "the frame was not measured: {dom}\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    assert_eq!(client, 1280);
    assert!(
        scroll <= 1280,
        "the report is {scroll} px wide at 1280 px: it scrolls sideways"
    );
}
