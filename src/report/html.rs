//! `reports/report.html`: one self-contained page a journalist opens on a
//! laptop or a phone, offline.
//!
//! It holds the summary counts, filters by kind and by source, the claim
//! graph as inline SVG (laid out by [`super::graph`]), every finding with its
//! claims and quotes, the sources, and the curation warnings.
//!
//! The page is built with maud templates, which escape every interpolated
//! string by default; text from claim files is interpolated as [`Text`],
//! whose escaping ([`escape`]) also covers apostrophes and drops control
//! characters. The few pre-escaped fragments ([`PreEscaped`]) are built only
//! from [`escape`]d text and fixed markup, by the helpers at the end of
//! this file. Each finding is rendered and written on its own, so memory
//! stays bounded by one finding, not by the page.
//!
//! Self-contained means no request of any kind: the CSS (`html/report.css`)
//! and the script (`html/report.js`) are inlined, fonts are the system's, the
//! SVG has no `xmlns` URL, and a Content-Security-Policy of
//! `default-src 'none'` makes the browser refuse any fetch, with the one
//! script allowed by its hash ([`SCRIPT_SHA256`]).
//!
//! Text in any script gets `dir="auto"`, so Arabic quotes read right to
//! left. Each finding is an `<article data-finding data-kind="...">`, so a
//! test can count them; the script writes how many it rendered into
//! `<body data-rendered-findings>`. Without the script every finding shows
//! and the filter form stays hidden.

use std::io::{self, Write};

use maud::{Markup, PreEscaped, Render, html};

use crate::check::{Finding, FindingKind};
use crate::diagnostic::Diagnostic;
use crate::model::Source;
use crate::report::graph::{ClaimGraph, Layout};
use crate::report::{ReportInput, at_most, counted, joined_at_most, one_line, rows_at_most};

const CSS: &str = include_str!("html/report.css");
const SCRIPT: &str = include_str!("html/report.js");

/// Base64 SHA-256 of [`SCRIPT`], for the Content-Security-Policy. A test
/// recomputes it; update it whenever `html/report.js` changes.
pub const SCRIPT_SHA256: &str = "F4wq08JWwRPvyNikcQKjsfidSxkvdnbW8Zgq7EqnHdM=";

/// Text from a claim file, a curator or a document, escaped by [`escape`]
/// when a template interpolates it.
struct Text<'a>(&'a str);

impl Render for Text<'_> {
    fn render_to(&self, buffer: &mut String) {
        buffer.push_str(&escape(self.0));
    }
}

/// A line break between elements, as the page has always been laid out
/// (one element a line), so a diff of two reports reads line by line.
const NL: &str = "\n";

pub fn render(input: &ReportInput<'_>, out: &mut dyn Write) -> io::Result<()> {
    let shown = input.findings_shown();
    let findings = &shown.in_full;
    let total = input.outcome.findings.len();
    let csp = format!(
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{SCRIPT_SHA256}'; img-src data:; base-uri 'none'; form-action 'none'"
    );
    let top = html! {
        (maud::DOCTYPE) (NL)
        (PreEscaped("<html lang=\"en\">")) (NL)
        (PreEscaped("<head>")) (NL)
        meta charset="utf-8"; (NL)
        meta name="viewport" content="width=device-width, initial-scale=1"; (NL)
        meta http-equiv="Content-Security-Policy" content=(csp); (NL)
        title { "crosscheck report" } (NL)
        style { (NL) (PreEscaped(CSS)) (PreEscaped(kind_colours())) } (NL)
        (PreEscaped("</head>")) (NL)
        (PreEscaped(format!("<body data-findings=\"{}\">", findings.len()))) (NL)
        header {
            (NL)
            h1 { "crosscheck report" } (NL)
            p class="lede" {
                (counted(input.project.claims().count(), "claim")) " from "
                (counted(input.project.sources.len(), "source")) "; "
                (counted(total, "finding")) ", "
                (counted(input.warnings.len(), "curation warning")) "."
            } (NL)
            ul class="counts" {
                (NL)
                @for (kind, count) in input.counts() {
                    li {
                        strong { (count) }
                        span class={ "badge kind-" (kind.name()) } title=(kind.description()) { (kind.name()) }
                    } (NL)
                }
            } (NL)
        } (NL)
        (PreEscaped("<main>")) (NL)
        (filters(input))
        (PreEscaped("<section id=\"findings\">")) (NL)
        h2 { "Findings" } (NL)
        @if findings.is_empty() {
            p { "No finding: no two claims were compared." } (NL)
        }
    };
    out.write_all(top.into_string().as_bytes())?;
    for finding in findings {
        out.write_all(finding_html(input, finding).into_string().as_bytes())?;
    }
    let bottom = html! {
        @if !shown.in_one_line.is_empty() {
            h3 { "More findings, one line each" } (NL)
            ul class="one-line" {
                (NL)
                @for finding in &shown.in_one_line {
                    li {
                        span class={ "badge kind-" (finding.kind.name()) } { (finding.kind.title()) } " "
                        span dir="auto" { (Text(&finding.subject)) } " · "
                        span dir="auto" { (Text(&finding.attribute)) } ": "
                        span dir="ltr" { (sentence(&one_line(&finding.explanation))) }
                    } (NL)
                }
            } (NL)
        }
        @if let Some(note) = shown.left_out_note() {
            p class="left-out" { (Text(&note)) } (NL)
        }
        (PreEscaped("</section>")) (NL)
        // After the findings: readers come for those; the graph is the map
        // behind them, and on a real case it is long.
        (timelines_section(input))
        (graph_section(input))
        (sources_section(input))
        (trust_section(input))
        (warnings_section(input))
        (PreEscaped("</main>")) (NL)
        footer { "Generated by crosscheck. Every value, quote and name above is copied from the claim files; nothing in this page is fetched from anywhere." } (NL)
        script { (PreEscaped(SCRIPT)) } (NL)
        (PreEscaped("</body>")) (NL)
        (PreEscaped("</html>")) (NL)
    };
    out.write_all(bottom.into_string().as_bytes())
}

/// The badge and border colour of each finding kind, from the kind's one
/// definition ([`FindingKind::info`]), so a new kind cannot go uncoloured.
fn kind_colours() -> String {
    FindingKind::ALL
        .iter()
        .map(|kind| {
            let (name, colour) = (kind.name(), kind.info().colour);
            format!(
                ".kind-{name} {{ background: {colour}; }}\n.finding[data-kind=\"{name}\"] {{ border-inline-start-color: {colour}; }}\n"
            )
        })
        .collect()
}

fn filters(input: &ReportInput<'_>) -> Markup {
    html! {
        // Hidden until the script runs: without it, filters would do nothing.
        form id="filters" class="filters" hidden aria-label="Filter findings" {
            (NL)
            fieldset {
                legend { "Kind" } (NL)
                @for (kind, count) in input.counts() {
                    label {
                        input type="checkbox" name="kind" value=(kind.name()) checked;
                        " " (kind.name()) " (" (count) ")"
                    } (NL)
                }
            } (NL)
            label {
                "Source "
                select id="filter-source" name="source" {
                    option value="" { "all sources" } (NL)
                    @for source in &input.project.sources {
                        option value=(Text(&source.id)) { (Text(&source_name(source))) } (NL)
                    }
                }
            } (NL)
            span id="filter-shown" class="shown" {} (NL)
        } (NL)
    }
}

fn source_name(source: &Source) -> String {
    match &source.outlet {
        Some(outlet) if outlet != &source.id => format!("{outlet} ({})", source.id),
        _ => source.id.clone(),
    }
}

/// Above this many claims the page shows no claim graph: a picture of
/// thousands of boxes is unreadable, and its layout (crossing reduction)
/// grows faster than the claims. `crosscheck graph` still exports it.
pub const MAX_GRAPH_CLAIMS: usize = 1500;

fn graph_section(input: &ReportInput<'_>) -> Markup {
    let claims = input.project.claims().count();
    if claims > MAX_GRAPH_CLAIMS {
        return html! {
            section id="graph" {
                (NL)
                h2 { "Claim graph" } (NL)
                p class="legend" {
                    "Not drawn: " (claims) " claims is more than a picture can show (the page draws up to " (MAX_GRAPH_CLAIMS) "). Export it with "
                    code { "crosscheck graph --format svg" } " or " code { "--format dot" } "."
                } (NL)
            } (NL)
        };
    }
    let graph = ClaimGraph::build(input);
    if graph.nodes.is_empty() {
        return html! {};
    }
    let layout = Layout::of(&graph);
    let mut svg = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = graph.write_svg_element(&layout, false, &mut svg);
    html! {
        section id="graph" {
            (NL)
            h2 { "Claim graph" } (NL)
            p class="legend" {
                span class="swatch" style="background:#e3f2fd;border-color:#1565c0" {} " source → "
                span class="swatch" style="background:#f5f5f5;border-color:#757575" {} " claim → "
                span class="swatch" style="background:#e8f5e9;border-color:#2e7d32" {} " canonical subject. "
                span class="swatch" style="background:#ffebee;border-color:#c62828" {}
                " red claims and dashed red arcs: pairs that cannot both be true. Hover (or tap) a box for its full text; on a narrow screen, scroll the picture sideways."
            } (NL)
            div class="graph-scroll" {
                (NL)
                // The SVG writer escapes every text it draws (`escape`).
                (PreEscaped(String::from_utf8_lossy(&svg)))
            } (NL)
        } (NL)
    }
}

fn finding_html(input: &ReportInput<'_>, finding: &Finding) -> Markup {
    let kind = finding.kind;
    let capped = input.capped();
    let listed = !capped || kind.info().needs_attention;
    let (comparisons, more_comparisons) = at_most(&finding.comparisons, capped);
    let (claims, more_claims) = at_most(&finding.claims, capped);
    let (sides, more_sides) = at_most(&finding.sides, capped);
    let (conversions, _) = at_most(&finding.conversions, capped);
    html! {
        article class="finding" data-finding data-kind=(kind.name()) data-severity=(kind.severity().name()) {
            (NL)
            h3 {
                span class={ "badge kind-" (kind.name()) } { (kind.title()) } " "
                span dir="auto" { (Text(&finding.subject)) } " "
                span class="attribute" { "· " span dir="auto" { (Text(&finding.attribute)) } }
            } (NL)
            // English sentences quoting values: left to right whatever
            // script the first value is in (`dir="auto"` turned a sentence
            // starting with an Arabic name around).
            p class="explanation" dir="ltr" { (sentence(&finding.explanation)) } (NL)
            @for line in input.consensus_lines(finding) {
                p class="consensus" dir="ltr" { strong { "Consensus:" } " " (Text(&line)) } (NL)
            }
            // A large fact's relation first: its sides, then the reason
            // for each pair of values.
            @if !sides.is_empty() {
                ul class="pairs sides" {
                    (NL)
                    @for side in sides {
                        li {
                            strong { (kind.info().pairs.unwrap_or("Related")) ":" } " "
                            (counted(side.left.len(), "claim")) " (" bdi { (Text(&joined_at_most(&side.left_values, capped))) } ") against "
                            (counted(side.right.len(), "claim")) " (" bdi { (Text(&joined_at_most(&side.right_values, capped))) } ")"
                        } (NL)
                    }
                    @if more_sides > 0 {
                        li { "and " (counted(more_sides, "more side")) " (in report.json)" } (NL)
                    }
                } (NL)
            }
            // One pair's reason is the explanation; several are listed
            // (those of agreements and compatible values only under
            // `--detail full`).
            @if listed && finding.comparisons.len() > 1 {
                ul class="comparisons" {
                    (NL)
                    @for comparison in comparisons {
                        li {
                            span class="claim-id" { (breakable_id(comparison.claims[0].as_str())) }
                            " / "
                            span class="claim-id" { (breakable_id(comparison.claims[1].as_str())) }
                            ": "
                            span dir="ltr" { (sentence(&input.reason(comparison))) }
                        } (NL)
                    }
                    @if more_comparisons > 0 {
                        li { "and " (counted(more_comparisons, "more pair")) " (in report.json)" } (NL)
                    }
                } (NL)
            }
            (PreEscaped("<table class=\"claims\">")) (NL)
            thead { tr { th { "Claim" } th { "Source" } th { "Value as written" } th { "Meaning" } th { "As of" } th { "According to" } th { "Quote" } } } (NL)
            (PreEscaped("<tbody>")) (NL)
            @for id in claims {
                (claim_row(input, finding, id))
            }
            @if more_claims > 0 {
                tr { td colspan="7" { "and " (counted(more_claims, "more claim")) " (in report.json)" } } (NL)
            }
            (PreEscaped("</tbody></table>")) (NL)
            @if !finding.pairs.is_empty() {
                p class="pairs" {
                    strong { (kind.info().pairs.unwrap_or("Pairs")) ":" } " "
                    (pair_list(&finding.pairs, capped))
                } (NL)
            }
            @if !finding.not_compared.is_empty() {
                p class="not-compared" {
                    strong { "Not compared (their as_of do not overlap):" } " "
                    (pair_list(&finding.not_compared, capped))
                } (NL)
            }
            @if !finding.conversions.is_empty() {
                ul class="conversions" {
                    (NL)
                    @for conversion in conversions {
                        li {
                            "Converted " span class="claim-id" { (breakable_id(&conversion.claim.0)) } " "
                            (Text(&conversion.describe())) "."
                        } (NL)
                    }
                } (NL)
            }
            @if finding.claims.len() > 1 && kind != FindingKind::Unreadable {
                p class="origins" { "Independent origins: " (finding.independent_origins) "." } (NL)
            }
        } (NL)
    }
}

/// `a × b; c × d`, each id breakable after its slashes and hyphens, at
/// most [`crate::report::LIST_AT_MOST`] when `capped`.
fn pair_list(pairs: &[[crate::model::ClaimId; 2]], capped: bool) -> Markup {
    let (pairs, more) = at_most(pairs, capped);
    html! {
        @for (i, [a, b]) in pairs.iter().enumerate() {
            @if i > 0 { "; " }
            span class="claim-id" { (breakable_id(&a.0)) } " × " span class="claim-id" { (breakable_id(&b.0)) }
        }
        @if more > 0 { "; and " (counted(more, "more pair")) }
    }
}

/// Each fact whose claims hold at more than one `as_of`, in time order.
fn timelines_section(input: &ReportInput<'_>) -> Markup {
    html! {
        @if !input.outcome.timelines.is_empty() {
            (PreEscaped("<section id=\"timelines\">")) (NL)
            h2 { "Timelines" } (NL)
            @for timeline in at_most(&input.outcome.timelines, input.capped()).0 {
                h3 {
                    span dir="auto" { (Text(&timeline.subject)) } " "
                    span class="attribute" { "· " span dir="auto" { (Text(&timeline.attribute)) } }
                } (NL)
                (PreEscaped("<table class=\"timeline\">")) (NL)
                thead { tr { th { "As of" } th { "Value" } th { "Origin" } th { "Claim" } th { "Supersedes" } } } (NL)
                (PreEscaped("<tbody>")) (NL)
                @for entry in at_most(&timeline.entries, input.capped()).0 {
                    tr {
                        td data-label="As of" { bdi { (Text(&entry.as_of_shown())) } }
                        td class="value" data-label="Value" { bdi { (Text(&entry.value)) } }
                        td data-label="Origin" { bdi { (Text(&entry.origin)) } }
                        td class="claim-id" data-label="Claim" { (breakable_id(entry.claim.as_str())) }
                        td class="claim-id" data-label="Supersedes" {
                            @match &entry.supersedes {
                                Some(id) => { (breakable_id(id.as_str())) }
                                None => { "—" }
                            }
                        }
                    } (NL)
                }
                @let more = at_most(&timeline.entries, input.capped()).1;
                @if more > 0 {
                    tr { td colspan="5" { "and " (counted(more, "more claim")) " (in report.json)" } } (NL)
                }
                (PreEscaped("</tbody></table>")) (NL)
            }
            (more_rows(at_most(&input.outcome.timelines, input.capped()).1, "more timeline"))
            (PreEscaped("</section>")) (NL)
        }
    }
}

fn claim_row(input: &ReportInput<'_>, finding: &Finding, id: &crate::model::ClaimId) -> Markup {
    let Some((source, claim)) = input.claim(id) else {
        return html! {
            tr { td class="claim-id" data-label="Claim" { (breakable_id(&id.0)) } td colspan="6" { "not in the project" } } (NL)
        };
    };
    let in_pair = finding.pairs.iter().any(|pair| pair.contains(id));
    html! {
        tr data-source=(Text(&source.id)) class=[in_pair.then_some("in-pair")] {
            td class="claim-id" data-label="Claim" { (breakable_id(&id.0)) }
            td data-label="Source" dir="auto" { (Text(&source_name(source))) }
            td class="value" data-label="As written" { bdi { (Text(&claim.value_written)) } }
            td class="normalised" data-label="Meaning" { bdi { (normalised_html(input.normalised(id))) } }
            td class="as-of" data-label="As of" {
                @match &claim.as_of_written() {
                    Some(as_of) => { bdi { (Text(as_of)) } }
                    None => { "—" }
                }
            }
            td data-label="According to" {
                @if claim.according_to().is_empty() {
                    "—"
                } @else {
                    @for (i, name) in claim.according_to().iter().enumerate() {
                        @if i > 0 { ", " }
                        bdi { (Text(name)) }
                    }
                }
            }
            td data-label="Quote" {
                @match &claim.quote {
                    Some(quote) => {
                        blockquote dir="auto" lang=[source.language.as_deref().map(Text)] { (Text(&quote.text)) }
                        @if let Some(place) = ReportInput::quote_place(source, claim) {
                            span class="place" { (Text(&place)) }
                        }
                    }
                    None => { "—" }
                }
                @if let Some(note) = &claim.note() {
                    p class="note" dir="auto" { "Note: " (Text(note)) }
                }
            }
        } (NL)
    }
}

fn sources_section(input: &ReportInput<'_>) -> Markup {
    if input.project.sources.is_empty() {
        return html! {};
    }
    let optional = |text: Option<&str>| -> Markup {
        match text {
            Some(text) => html! { (Text(text)) },
            None => html! { "—" },
        }
    };
    html! {
        section id="sources" {
            (NL)
            h2 { "Sources" } (NL)
            (PreEscaped("<table class=\"sources-table\">")) (NL)
            thead { tr { th { "Source" } th { "Outlet" } th { "Title" } th { "Published" } th { "Document" } th { "Address" } th { "Claims" } } } (NL)
            (PreEscaped("<tbody>")) (NL)
            @let (sources, more) = rows_at_most(&input.project.sources, input.capped());
            @for source in sources {
                // The address is shown as text, never a link: the report
                // makes no request and invites none by accident.
                tr {
                    td class="claim-id" { (breakable_id(&source.id)) }
                    td dir="auto" { (optional(source.outlet.as_deref())) }
                    td dir="auto" { (optional(source.title.as_deref())) }
                    td { (optional(source.published_written.as_deref())) }
                    td class="path" { (optional(source.document.as_ref().map(|d| d.path.as_str()))) }
                    td class="path" { (optional(source.url.as_deref())) }
                    td { (source.claims.len()) }
                } (NL)
            }
            (PreEscaped("</tbody></table>")) (NL)
            (more_rows(more, "more source"))
        } (NL)
    }
}

/// The source-trust table and the copy groups.
/// "And 2,500 more sources, in report.json." after a capped table.
fn more_rows(more: usize, noun: &str) -> Markup {
    html! {
        @if more > 0 {
            p class="left-out" { "And " (counted(more, noun)) ", in report.json." } (NL)
        }
    }
}

/// A table of names (as markup) with their trust and the facts behind it.
fn trust_table(
    column: &str,
    more_noun: &str,
    rows: &[(Markup, Option<f64>, usize)],
    capped: bool,
) -> Markup {
    let (shown, more) = rows_at_most(rows, capped);
    html! {
        (PreEscaped("<table class=\"sources-table\">")) (NL)
        thead { tr { th { (column) } th { "Trust" } th { "Facts" } } } (NL)
        (PreEscaped("<tbody>")) (NL)
        @for (name, trust, facts) in shown {
            tr {
                td class="claim-id" { (name) }
                td { (trust.map_or_else(|| "—".to_owned(), |x| format!("{x:.2}"))) }
                td { (facts) }
            } (NL)
        }
        (PreEscaped("</tbody></table>")) (NL)
        (more_rows(more, more_noun))
    }
}

fn trust_section(input: &ReportInput<'_>) -> Markup {
    let trust = input.source_trust();
    let cited = input.cited_origin_trust();
    let groups = input.copy_groups();
    if !trust.iter().any(|t| t.trust.is_some()) && groups.is_empty() {
        return html! {};
    }
    html! {
        section id="trust" {
            (NL)
            h2 { "Source trust" } (NL)
            p { "Estimated accuracy of each source over the facts where two independent origins or more state a value, from the claims it states in its own voice (a claim it attributes with according_to is judged as the cited origin's; with none of its own, the prior 0.80); — where it is in no such fact." } (NL)
            @let sources: Vec<_> = trust.iter().map(|t| (breakable_id(&t.id), t.trust, t.facts)).collect();
            (trust_table("Source", "more source", &sources, input.capped()))
            @if cited.iter().any(|t| t.trust.is_some()) {
                h3 { "Cited origin trust" } (NL)
                p { "Estimated accuracy of each origin the claims cite (the last name of according_to), over the facts where two independent origins or more state a value; — where it is in no such fact." } (NL)
                @let cited: Vec<_> = cited.iter().map(|t| (html! { bdi { (t.name) } }, t.trust, t.facts)).collect();
                (trust_table("Origin", "more origin", &cited, input.capped()))
            }
            @if !groups.is_empty() {
                h3 { "Copy groups" } (NL)
                @let (shown, more) = rows_at_most(groups, input.capped());
                ul {
                    @for group in shown {
                        li dir="ltr" {
                            "Counted as one origin: " (Text(&group.origins.join(", "))) ". "
                            @for pair in &group.pairs {
                                (Text(&pair.evidence())) ". "
                            }
                        } (NL)
                    }
                }
                (NL)
                (more_rows(more, "more copy group"))
            }
        } (NL)
    }
}

fn warnings_section(input: &ReportInput<'_>) -> Markup {
    if input.warnings.is_empty() {
        return html! {};
    }
    html! {
        section id="warnings" {
            (NL)
            h2 { "Curation warnings" } (NL)
            ul class="warnings" {
                (NL)
                @for warning in at_most(input.warnings, input.capped()).0 {
                    (warning_item(input, warning))
                }
            } (NL)
            (more_rows(at_most(input.warnings, input.capped()).1, "more curation warning"))
        } (NL)
    }
}

/// One warning as a list item: code, places (the primary label first),
/// message, then its help and notes.
fn warning_item(input: &ReportInput<'_>, warning: &Diagnostic) -> Markup {
    html! {
        li {
            span class="code" { (Text(warning.code.name())) }
            @for place in input.warning_places(warning) {
                " " span class="place" { (Text(&place)) }
            }
            ": " span dir="auto" { (Text(&warning.message)) }
            @for help in &warning.help {
                p class="help" dir="auto" { "Help: " (Text(help)) }
            }
            @for note in &warning.notes {
                p class="note" dir="auto" { "Note: " (Text(note)) }
            }
        } (NL)
    }
}

/// A claim or source id, escaped, that may wrap only after a `/` or a `-`
/// (`normalisation-<wbr>or-<wbr>alliance/<wbr>barak-<wbr>signed`): the CSS
/// keeps it from breaking inside a word, so a narrow column shows
/// `alliance/` and `barak-signed`, never `allia` and `nce/`.
///
/// A segment longer than [`LONGEST_UNBROKEN`] characters may also wrap
/// every that many characters, so no id makes the page scroll sideways.
fn breakable_id(id: &str) -> PreEscaped<String> {
    let mut html = String::with_capacity(id.len() + 16);
    let mut run = 0;
    let mut buffer = [0u8; 4];
    for c in id.chars() {
        if run == LONGEST_UNBROKEN {
            html.push_str("<wbr>");
            run = 0;
        }
        html.push_str(&escape(c.encode_utf8(&mut buffer)));
        run += 1;
        if c == '/' || c == '-' {
            html.push_str("<wbr>");
            run = 0;
        }
    }
    PreEscaped(html)
}

/// The longest run of an id, or of a normalised value's part, kept from
/// wrapping.
const LONGEST_UNBROKEN: usize = 32;

/// A normalised value, escaped, that wraps at spaces and after `..` but
/// never at the hyphens of a date: `2022-06-20..<wbr>2022-06-30`, not
/// `2022-06-` / `20..2022-`.
fn normalised_html(text: &str) -> PreEscaped<String> {
    PreEscaped(
        text.split(' ')
            .map(|word| {
                if !word.contains('-') {
                    return escape(word);
                }
                word.split("..")
                    .map(|part| {
                        if part.chars().count() > LONGEST_UNBROKEN {
                            // Long text, not a date: it may wrap (the CSS breaks it).
                            escape(part)
                        } else {
                            format!("<span class=\"nobr\">{}</span>", escape(part))
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("..<wbr>")
            })
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// An English sentence quoting values (`'براك 8' and 'Barak MX' are ...`),
/// escaped, each quoted value isolated in `<bdi>`: a right-to-left value
/// then keeps its own order without reordering the words and values around
/// it. A sentence whose apostrophes do not pair up is only escaped.
fn sentence(text: &str) -> PreEscaped<String> {
    let parts: Vec<&str> = text.split('\'').collect();
    if parts.len().is_multiple_of(2) {
        return PreEscaped(escape(text));
    }
    let mut html = String::with_capacity(text.len() + 16);
    for (i, part) in parts.iter().enumerate() {
        if i % 2 == 1 {
            html.push_str("<bdi>&#39;");
            html.push_str(&escape(part));
            html.push_str("&#39;</bdi>");
        } else {
            html.push_str(&escape(part));
        }
    }
    PreEscaped(html)
}

/// The one escaping function for HTML and SVG: text and double- or
/// single-quoted attribute values alike. Characters XML forbids (C0
/// controls other than tab, line feed and carriage return) are dropped, so
/// the standalone SVG stays well-formed.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            '\t' | '\n' | '\r' => escaped.push(c),
            c if c.is_control() => {}
            // Shown, not obeyed, as in the text report.
            c if super::is_bidi_control(c) => escaped.push_str(&c.escape_unicode().to_string()),
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_wrap_only_after_slashes_and_hyphens() {
        assert_eq!(
            breakable_id("normalisation-or-alliance/barak-signed").0,
            "normalisation-<wbr>or-<wbr>alliance/<wbr>barak-<wbr>signed"
        );
        assert_eq!(breakable_id("a/<b>").0, "a/<wbr>&lt;b&gt;");
    }

    #[test]
    fn dates_do_not_wrap_at_their_hyphens() {
        assert_eq!(
            normalised_html("2022-06-20..2022-06-30").0,
            "<span class=\"nobr\">2022-06-20</span>..<wbr><span class=\"nobr\">2022-06-30</span>"
        );
        assert_eq!(
            normalised_html("up to 2021-11-25").0,
            "up to <span class=\"nobr\">2021-11-25</span>"
        );
        assert_eq!(normalised_html("450M..550M USD").0, "450M..550M USD");
    }

    #[test]
    fn markup_in_claims_is_text() {
        assert_eq!(
            escape("<img src=x onerror=\"alert('1')\">&"),
            "&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;"
        );
        assert_eq!(escape("a\u{0}b\u{1b}c"), "abc");
    }

    #[test]
    fn the_script_has_no_line_comment_or_address() {
        // `//` is what the network test looks for; keep the script free of it.
        assert!(!SCRIPT.contains("//"));
        assert!(!CSS.contains("//"));
        assert!(!CSS.contains("url("));
    }
}
