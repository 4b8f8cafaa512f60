//! Every human report format, snapshotted on one hand-built set of findings
//! (tests/report_fixture), plus the properties snapshots cannot show:
//! determinism, escaping of hostile claim text, and a self-contained HTML
//! page.

// Test support functions may unwrap: a panic is a failing test.
#![allow(clippy::unwrap_used)]

mod report_fixture;

use crosscheck::check::FindingKind;
use crosscheck::report::graph::{ClaimGraph, Layout};
use crosscheck::report::{ReportInput, html, json, markdown, text};
use report_fixture::Fixture;

fn rendered(
    render: impl Fn(&ReportInput<'_>, &mut Vec<u8>) -> std::io::Result<()>,
    fixture: &Fixture,
) -> String {
    let mut out = Vec::new();
    render(&fixture.input(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn text_plain(input: &ReportInput<'_>, out: &mut Vec<u8>) -> std::io::Result<()> {
    text::render(input, out, false)
}

fn md(input: &ReportInput<'_>, out: &mut Vec<u8>) -> std::io::Result<()> {
    markdown::render(input, out)
}

fn page(input: &ReportInput<'_>, out: &mut Vec<u8>) -> std::io::Result<()> {
    html::render(input, out)
}

fn json_report(input: &ReportInput<'_>, out: &mut Vec<u8>) -> std::io::Result<()> {
    json::render(input, out)
}

fn svg(input: &ReportInput<'_>, out: &mut Vec<u8>) -> std::io::Result<()> {
    ClaimGraph::build(input).write_svg(out)
}

fn dot(input: &ReportInput<'_>, out: &mut Vec<u8>) -> std::io::Result<()> {
    ClaimGraph::build(input).write_dot(out)
}

fn json_graph(input: &ReportInput<'_>, out: &mut Vec<u8>) -> std::io::Result<()> {
    ClaimGraph::build(input).write_json(out)
}

#[test]
fn text_summary() {
    insta::assert_snapshot!(rendered(text_plain, &Fixture::new()));
}

#[test]
fn text_summary_in_colour_only_when_asked() {
    let fixture = Fixture::new();
    let mut coloured = Vec::new();
    text::render(&fixture.input(), &mut coloured, true).unwrap();
    let coloured = String::from_utf8(coloured).unwrap();
    assert!(coloured.contains("\u{1b}[1;31mContradiction\u{1b}[0m"));
    let plain = rendered(text_plain, &fixture);
    assert!(!plain.contains('\u{1b}'));
    // Colour changes nothing but the escapes.
    let stripped = strip_ansi(&coloured);
    assert_eq!(stripped, plain);
}

fn strip_ansi(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn markdown_report() {
    insta::assert_snapshot!(rendered(md, &Fixture::new()));
}

#[test]
fn html_report() {
    insta::assert_snapshot!(rendered(page, &Fixture::new()));
}

#[test]
fn graph_svg() {
    insta::assert_snapshot!(rendered(svg, &Fixture::new()));
}

#[test]
fn graph_dot() {
    insta::assert_snapshot!(rendered(dot, &Fixture::new()));
}

#[test]
fn graph_json() {
    insta::assert_snapshot!(rendered(json_graph, &Fixture::new()));
}

#[test]
fn graph_layout_has_no_crossings_on_the_fixture() {
    let fixture = Fixture::new();
    let graph = ClaimGraph::build(&fixture.input());
    let layout = Layout::of(&graph);
    // hespress and le360 each state claims about both subjects, so three
    // crossings are unavoidable (le360's three deal claims under hespress's
    // rank claim, with sources tanja7 | hespress | le360); the sweeps must
    // find that order.
    assert_eq!(layout.crossings, 3);
    // No two boxes of one column overlap.
    for (i, a) in layout.boxes.iter().enumerate() {
        for b in &layout.boxes[i + 1..] {
            if a.x == b.x {
                assert!((a.y - b.y).abs() >= 26, "{a:?} overlaps {b:?}");
            }
        }
    }
}

#[test]
fn findings_order_does_not_change_any_report() {
    let fixture = Fixture::new();
    let mut reversed = Fixture::new();
    reversed.outcome.findings.reverse();
    for render in [text_plain, md, page, svg, dot, json_graph] {
        let a = rendered(render, &fixture);
        assert_eq!(a, rendered(render, &fixture), "two runs differ");
        assert_eq!(
            a,
            rendered(render, &reversed),
            "finding order leaks into output"
        );
        assert!(!a.contains("/nonexistent"), "an absolute path leaked");
    }
}

const SCRIPT_PAYLOAD: &str = "<script>alert(1)</script>";
const IMG_PAYLOAD: &str = "<img src=x onerror=alert(1)>";
const QUOTE_PAYLOAD: &str = "\"' onmouseover=alert(1) x='";

#[test]
fn html_shows_markup_in_claim_files_as_text() {
    for payload in [SCRIPT_PAYLOAD, IMG_PAYLOAD, QUOTE_PAYLOAD] {
        let fixture = Fixture::with_payload(payload);
        let html = rendered(page, &fixture);
        // Our own script is the only one; no image, no injected handler.
        assert_eq!(html.matches("<script").count(), 1, "{payload}");
        assert!(!html.contains("<img"), "{payload}");
        // Escaped text holds no `<`, so every tag is one this crate wrote.
        for tag in tags(&html) {
            for (name, _) in attributes(tag) {
                assert!(!name.starts_with("on"), "{payload}: {tag}");
            }
        }
        // And the payload is there, as text, in every field that held it.
        let shown = html::escape(payload);
        assert!(
            html.matches(shown.as_str()).count() >= 20,
            "{payload} shows {} times",
            html.matches(shown.as_str()).count()
        );
        let svg = rendered(svg, &fixture);
        assert!(
            !svg.contains("<script") && !svg.contains("<img"),
            "{payload}"
        );
    }
}

#[test]
fn markdown_shows_markup_in_claim_files_as_text() {
    for payload in [SCRIPT_PAYLOAD, IMG_PAYLOAD, "a | b", "**bold** [link](x)"] {
        let fixture = Fixture::with_payload(payload);
        let md = rendered(md, &fixture);
        assert!(!md.contains("<script") && !md.contains("<img"), "{payload}");
        assert!(
            !md.contains("**bold**") && !md.contains("[link]"),
            "{payload}"
        );
        // Every table row keeps its column count: no cell was split.
        for line in md.lines().filter(|line| line.starts_with('|')) {
            let cells = line.replace("\\|", "").matches('|').count();
            assert!([4, 7, 8].contains(&cells), "{payload}: {line}");
        }
    }
}

/// Every tag of `html`, from `<` to just before `>`, outside the contents of
/// `<style>` and `<script>` (checked on their own).
fn tags(html: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let after = &rest[open..];
        let close = after.find('>').unwrap_or(after.len());
        let tag = &after[..close];
        found.push(tag);
        rest = &after[close..];
        if tag == "<style" || tag == "<script" {
            let end = rest.find("</").unwrap_or(rest.len());
            rest = &rest[end..];
        }
    }
    found
}

/// The attributes of a tag as (lower-case name, value). Values are always
/// double-quoted here and escaped text holds no `"`, so splitting on quotes
/// is exact.
fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let body = tag.trim_start_matches('<');
    let body = body
        .split_once(char::is_whitespace)
        .map_or("", |(_, rest)| rest);
    let mut rest = body;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() || rest.starts_with('/') {
            break;
        }
        let name_end = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        if name_end == 0 {
            // A stray `=`: not an attribute; step over it.
            rest = &rest[1..];
            continue;
        }
        let name = rest[..name_end].to_ascii_lowercase();
        rest = &rest[name_end..];
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix("=\"") {
            let close = after.find('"').expect("unterminated attribute value");
            value = after[..close].to_owned();
            rest = &after[close + 1..];
        }
        found.push((name, value));
    }
    found
}

/// Finds every place a browser could fetch from: attributes that load
/// (`src`, `href`, ...), `url(` and `@import` in styles, and any `//` or
/// `http` outside text. Claim text is escaped, so it cannot form a tag.
fn fetchable_references(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for tag in tags(html) {
        for (name, value) in attributes(tag) {
            let loads = [
                "src",
                "href",
                "srcset",
                "action",
                "formaction",
                "poster",
                "data",
                "xmlns",
                "background",
                "ping",
            ];
            // `data-*` values are never fetched; any other value that looks
            // like an address, or a style that could load one, is reported.
            let value = value.to_ascii_lowercase();
            if loads.contains(&name.as_str())
                || (!name.starts_with("data-")
                    && (value.contains("//")
                        || value.contains("url(")
                        || value.contains("http:")
                        || value.contains("https:")))
            {
                found.push(format!("{tag} ({name})"));
            }
        }
    }
    for block in ["<style>", "<script>"] {
        if let Some(start) = html.find(block) {
            let end = html[start..].find("</").map_or(html.len(), |e| start + e);
            let body = &html[start..end];
            for needle in [
                "url(",
                "@import",
                "//",
                "http",
                "fetch(",
                "XMLHttpRequest",
                "import(",
            ] {
                if body.contains(needle) {
                    found.push(format!("{block} holds {needle}"));
                }
            }
        }
    }
    found
}

#[test]
fn html_references_nothing_outside_itself() {
    let html = rendered(page, &Fixture::new());
    assert_eq!(fetchable_references(&html), Vec::<String>::new());
    let hostile = rendered(page, &Fixture::with_payload(IMG_PAYLOAD));
    assert_eq!(fetchable_references(&hostile), Vec::<String>::new());
}

#[test]
fn csp_hash_matches_the_script() {
    // The page allows exactly one script, by hash; recompute it so a change
    // to report.js without a new hash fails here, not only in a browser.
    let script = include_str!("../src/report/html/report.js");
    assert_eq!(base64(&sha256(script.as_bytes())), html::SCRIPT_SHA256);
}

/// SHA-256 (FIPS 180-4), small and slow: only the test needs it.
fn sha256(data: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for block in message.chunks(64) {
        let mut w = [0u32; 64];
        for i in 0..16 {
            w[i] = u32::from_be_bytes(block[i * 4..i * 4 + 4].try_into().unwrap());
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (state, add) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *state = state.wrapping_add(add);
        }
    }
    let mut digest = [0u8; 32];
    for (i, word) in h.iter().enumerate() {
        digest[i * 4..i * 4 + 4].copy_from_slice(&word.to_be_bytes());
    }
    digest
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[test]
fn sha256_of_abc() {
    // FIPS 180-2 example, so the CSP test cannot pass with a broken hash.
    assert_eq!(
        base64(&sha256(b"abc")),
        "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
    );
}

/// The structured findings, snapshotted apart from their wording.
#[test]
fn json_findings() {
    insta::assert_snapshot!(rendered(json_report, &Fixture::new()));
}

/// A report format, as these tests call it.
type Renderer = fn(&ReportInput<'_>, &mut Vec<u8>) -> std::io::Result<()>;

/// The fixture holds a finding of every kind, and every report format shows
/// each: a new kind without a fixture finding, or a format that drops a
/// kind, fails here.
#[test]
fn every_kind_is_shown_in_every_format() {
    let fixture = Fixture::new();
    for &kind in FindingKind::ALL {
        assert!(
            fixture.outcome.findings.iter().any(|f| f.kind == kind),
            "tests/report_fixture has no {} finding: add one",
            kind.name()
        );
    }
    let formats: [(&str, Renderer); 4] = [
        ("text", text_plain),
        ("markdown", md),
        ("html", page),
        ("json", json_report),
    ];
    for (format, render) in formats {
        let output = rendered(render, &fixture);
        for &kind in FindingKind::ALL {
            let shown = match format {
                "text" => output.contains(kind.title()) || output.contains(&kind.counted(1)),
                "json" => output.contains(&format!("\"kind\":\"{}\"", kind.name())),
                "html" => output.contains(&format!("data-kind=\"{}\"", kind.name())),
                _ => output.contains(kind.title()),
            };
            assert!(
                shown,
                "the {format} report does not show the {} finding",
                kind.name()
            );
        }
    }
}
