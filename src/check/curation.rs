//! Curation warnings: what the curator may want to fix in the claims
//! themselves, as opposed to what the sources say. Gathered here, once, so
//! `check` and the test that keeps `reports/` fresh show the same list; the
//! renderers only lay it out.
//!
//! # What it warns about
//!
//! - `close-subject-names`: two subject names in one script that differ by
//!   a spelling inside a word (similarity at or above `[link]
//!   suggest_threshold`), or an initialled name that fits several subjects,
//!   left as two subjects, so their claims are never compared;
//! - `cross-script-subject-names`: an Arabic and a Latin name with close
//!   consonant skeletons (only a registry alias links across scripts);
//! - `cross-script-origin-names`: an Arabic and a Latin cited name (the
//!   last of `according_to`) with one consonant skeleton ("Fouzi Lekjaa",
//!   "فوزي لقجع"), not joined by a registry `values` entry: two origins to
//!   the checker and the consensus, so one person quoted in two languages
//!   would count as two corroborations;
//! - `vetoed-link`: a link the evidence supported and a registry `distinct`
//!   pair (or two registry entries) refused;
//! - `supersedes-another-fact`: a claim that `supersedes` a claim of
//!   another subject or attribute (after linking), so no revision can be
//!   reported;
//! - `uncovered-figure`: a figure in a document that no quote covers and no
//!   `[[coverage.ignore]]` entry explains (the list `crosscheck coverage`
//!   prints);
//! - `idle-coverage-ignore`: an ignore entry whose passage holds no figure;
//! - `coverage-ignore-not-found`: an ignore entry whose passage is not in
//!   its document (coverage is then not computed).
//!
//! A suggestion or a veto whose two names (or, for a suggestion, two
//! subjects) the registry already lists as `distinct` is not repeated: the
//! curator has decided. A veto that comes through a chain of links (the
//! names are not themselves the `distinct` pair) is reported, since the
//! curator may not have seen it coming.
//!
//! # Why it matters
//!
//! Two spellings of one deal left unlinked hide a contradiction as surely as
//! a figure nobody turned into a claim. Neither is a finding about the
//! sources, so warnings never change `check`'s exit status.
//!
//! # Example
//!
//! ```text
//! warning[close-subject-names]: subject names "Brampton township, michigan" and "Hampton township, michigan" differ inside a word ("brampton" / "hampton", levenshtein 0.88): a spelling difference is not linked automatically
//! ```

use crate::coverage::{self, Coverage, IgnoreNotFound};
use crate::diagnostic::{Diagnostic, DiagnosticCode, Label};
use crate::link::{LinkReason, SubjectGraph, Suggestion, SuggestionKind, Veto, VetoedLink};
use crate::model::{Project, Span};
use crate::text::normalize::normalize_name;

/// Every curation warning of `project`: linking first (suggestions, then
/// vetoes, each sorted by names), then cited names in two scripts, then
/// revisions of other facts, then coverage (by document and place).
pub fn curation_warnings(project: &Project, graph: &SubjectGraph) -> Vec<Diagnostic> {
    let mut warnings: Vec<Diagnostic> = graph
        .suggestions()
        .iter()
        .filter(|s| {
            !listed_distinct(project, &s.a, &s.b)
                && !listed_distinct(project, &s.subject_a, &s.subject_b)
        })
        .map(|suggestion| suggestion_warning(project, suggestion))
        .collect();
    warnings.extend(
        graph
            .vetoes()
            .iter()
            .filter(|veto| !listed_distinct(project, &veto.a, &veto.b))
            .map(|veto| veto_warning(project, veto)),
    );
    warnings.extend(origins_across_scripts(project));
    warnings.extend(revisions_of_other_facts(project, graph));
    match coverage::coverage(project) {
        Ok(coverage) => warnings.extend(coverage_warnings(project, &coverage)),
        Err(missing) => warnings.extend(missing.iter().map(|m| ignore_not_found(project, m))),
    }
    warnings
}

/// Cited names in Arabic and in Latin script with one consonant skeleton
/// that are two origins (no registry `values` entry joins them), each pair
/// once, by skeleton then origin key. Skeletons are compared whole, not
/// scored: the names are only ever grouped by equal keys, so the work is
/// linear in the claims, and a warning is only a pointer (the curator
/// decides).
fn origins_across_scripts(project: &Project) -> Vec<Diagnostic> {
    use crate::check::{RegistryNames, ValueNames};
    use crate::link::skeleton::{Script, skeleton};
    use crate::model::ClaimOrigin;
    use std::collections::BTreeMap;

    let names = RegistryNames::new(project);
    /// An origin as reports name it, where it is first cited, and the
    /// script of its key.
    struct Cited {
        name: String,
        place: Span,
        script: Script,
    }
    // By origin key: its registry entry, else the name, normalised.
    let mut origins: BTreeMap<String, Cited> = BTreeMap::new();
    // Each name written is keyed once: a large project cites a few names
    // in hundreds of thousands of claims.
    let mut seen: std::collections::HashSet<&str, foldhash::fast::RandomState> = Default::default();
    for (_, claim) in project.claims() {
        if let ClaimOrigin::Cited(name) = claim.origin()
            && seen.insert(name)
        {
            let key = names.origin_key(name);
            if let std::collections::btree_map::Entry::Vacant(slot) = origins.entry(key) {
                let place = string_within(project, &claim.span, "", name)
                    .unwrap_or_else(|| claim.span.clone());
                let script = Script::of(slot.key());
                slot.insert(Cited {
                    name: names.origin_name(name),
                    place,
                    script,
                });
            }
        }
    }
    let mut by_skeleton: BTreeMap<String, Vec<&Cited>> = BTreeMap::new();
    for (key, origin) in &origins {
        if matches!(origin.script, Script::Arabic | Script::Latin) {
            let key_skeleton = skeleton(key);
            if !key_skeleton.is_empty() {
                by_skeleton.entry(key_skeleton).or_default().push(origin);
            }
        }
    }
    let mut warnings = Vec::new();
    for (shared, group) in &by_skeleton {
        for (i, a) in group.iter().enumerate() {
            for b in &group[i + 1..] {
                if a.script == b.script {
                    continue;
                }
                let (x, y) = (&a.name, &b.name);
                let warning = Diagnostic::warning(
                    DiagnosticCode::CrossScriptOriginNames,
                    format!(
                        "cited names \"{x}\" and \"{y}\" may be one origin in two scripts (consonant skeleton \"{shared}\"): they count as two independent origins"
                    ),
                )
                .with_label(Label::primary(a.place.clone(), "cited here"))
                .with_label(Label::secondary(b.place.clone(), "and here"))
                .with_help(format!(
                    "if they name one person or body, list both under one entry of \"values\" in claims/subjects.json ({{\"name\": \"{x}\", \"aliases\": [\"{y}\"]}}): it then counts once in every finding and in the consensus"
                ));
                warnings.push(warning);
            }
        }
    }
    warnings
}

/// Claims whose `supersedes` names a claim of another fact: a revision is
/// a new value for the same fact, so the pair is compared with nothing.
fn revisions_of_other_facts(project: &Project, graph: &SubjectGraph) -> Vec<Diagnostic> {
    if !project.claims().any(|(_, c)| c.supersedes().is_some()) {
        return Vec::new();
    }
    // Each claim's fact, looked up by id (one pass, not one per revision).
    let facts: std::collections::BTreeMap<&crate::model::ClaimId, (&str, &str)> = project
        .claims()
        .map(|(_, claim)| {
            let subject = graph
                .canonical_subject(&claim.id)
                .unwrap_or(&*claim.subject);
            (&claim.id, (subject, &*claim.attribute))
        })
        .collect();
    let fact = |id: &crate::model::ClaimId| facts.get(id).copied();
    project
        .claims()
        .filter_map(|(_, claim)| {
            let (target, span) = claim.supersedes()?;
            let (mine, theirs) = (fact(&claim.id)?, fact(target)?);
            (mine != theirs).then(|| {
                Diagnostic::warning(
                    DiagnosticCode::SupersedesAnotherFact,
                    format!(
                        "`{}` supersedes `{target}`, a claim of another fact (\"{}\" · {}, not \"{}\" · {}): no revision is reported",
                        claim.id, theirs.0, theirs.1, mine.0, mine.1
                    ),
                )
                .with_label(Label::primary(span.clone(), "another subject or attribute"))
                .with_help(
                    "a revision replaces a value of the same subject and attribute: give both claims one subject (or a registry alias) and one attribute, or remove `supersedes`",
                )
            })
        })
        .collect()
}

/// Whether the registry lists `a` and `b` (after name normalisation) as a
/// `distinct` pair: the curator has already decided about them.
fn listed_distinct(project: &Project, a: &str, b: &str) -> bool {
    let (a, b) = (normalize_name(a), normalize_name(b));
    project.registry.distinct.iter().any(|(x, y)| {
        let (x, y) = (normalize_name(x), normalize_name(y));
        (x == a && y == b) || (x == b && y == a)
    })
}

fn suggestion_warning(project: &Project, suggestion: &Suggestion) -> Diagnostic {
    let (a, b) = (&suggestion.a, &suggestion.b);
    let warning = match &suggestion.kind {
        SuggestionKind::CloseName { measure, score } => Diagnostic::warning(
            DiagnosticCode::CloseSubjectNames,
            format!(
                "subject names \"{a}\" and \"{b}\" differ inside a word (\"{}\" / \"{}\", {measure} {score:.2}): a spelling difference is not linked automatically",
                suggestion.differing.0, suggestion.differing.1
            ),
        ),
        SuggestionKind::WordsMoved { score } => Diagnostic::warning(
            DiagnosticCode::CloseSubjectNames,
            format!(
                "subject names \"{a}\" and \"{b}\" hold {}: words moved are not linked automatically",
                suggestion.words_moved(*score)
            ),
        ),
        SuggestionKind::AmbiguousInitials => Diagnostic::warning(
            DiagnosticCode::CloseSubjectNames,
            format!(
                "subject name \"{a}\" fits \"{b}\" with an initial for a given name, but also names of other subjects: not linked"
            ),
        ),
        SuggestionKind::CrossScript {
            skeleton_a,
            skeleton_b,
            score,
        } => Diagnostic::warning(
            DiagnosticCode::CrossScriptSubjectNames,
            format!(
                "subject names \"{a}\" and \"{b}\" may be one name in two scripts (consonant skeletons \"{skeleton_a}\" and \"{skeleton_b}\", {score:.2}); only a registry alias links across scripts"
            ),
        ),
    };
    let mut warning = with_name_labels(project, warning, a, b)
        .with_help(format!(
            "if they name one thing, list both under one entry of claims/subjects.json (\"{a}\" among the aliases of \"{}\", say)",
            suggestion.subject_b
        ))
        .with_help(format!(
            "if they do not, add [\"{a}\", \"{b}\"] to \"distinct\" in claims/subjects.json, which silences this warning"
        ))
        .with_help(format!(
            "or review it: `crosscheck subjects --suggestions`, then `crosscheck link accept {id}` or `crosscheck link reject {id}`",
            id = suggestion.id
        ));
    if suggestion.subject_a != *a || suggestion.subject_b != *b {
        warning = warning.with_note(format!(
            "their subjects: \"{}\" and \"{}\"",
            suggestion.subject_a, suggestion.subject_b
        ));
    }
    warning
}

fn veto_warning(project: &Project, veto: &VetoedLink) -> Diagnostic {
    let evidence = match &veto.reason {
        LinkReason::RegistryAlias { entry } => format!("both are names of \"{entry}\""),
        LinkReason::EqualAfterNormalisation => "they are equal after normalisation".to_owned(),
        LinkReason::Rule(rule) => format!("they are one name ({})", rule.describe()),
        LinkReason::Similar { measure, score } => {
            format!("they are similar ({measure} {score:.2})")
        }
    };
    let refusal = match &veto.veto {
        Veto::Distinct { a, b } => format!("the registry lists \"{a}\" and \"{b}\" as distinct"),
        Veto::DifferentEntries { a, b } => {
            format!("the link would join registry entries \"{a}\" and \"{b}\"")
        }
    };
    let warning = Diagnostic::warning(
        DiagnosticCode::VetoedLink,
        format!(
            "subject names \"{}\" and \"{}\" are not linked: {evidence}, but {refusal}",
            veto.a, veto.b
        ),
    );
    with_name_labels(project, warning, &veto.a, &veto.b)
        .with_help(format!(
            "if they are different things, add [\"{}\", \"{}\"] to \"distinct\" in claims/subjects.json, which silences this warning",
            veto.a, veto.b
        ))
        .with_help("if they are one thing, the registry pair or entries named above are wrong: fix them in claims/subjects.json")
}

/// Labels the places where names `a` (primary) and `b` are written.
fn with_name_labels(project: &Project, mut warning: Diagnostic, a: &str, b: &str) -> Diagnostic {
    if let Some(span) = name_place(project, a) {
        warning = warning.with_label(Label::primary(span, "this name"));
    }
    if let Some(span) = name_place(project, b) {
        warning = warning.with_label(Label::secondary(span, "and this one"));
    }
    warning
}

/// Where a subject name is first written: in the first claim that uses it,
/// else in the registry entry that lists it; the string itself when it is
/// written there without escapes, else the whole claim or entry.
fn name_place(project: &Project, name: &str) -> Option<Span> {
    if let Some((_, claim)) = project.claims().find(|(_, claim)| &*claim.subject == name) {
        return Some(
            string_within(project, &claim.span, "\"subject\"", name)
                .unwrap_or_else(|| claim.span.clone()),
        );
    }
    let entry = project
        .registry
        .subjects
        .iter()
        .find(|entry| entry.name == name || entry.aliases.iter().any(|alias| alias == name))?;
    let span = entry.span.as_ref()?;
    Some(string_within(project, span, "", name).unwrap_or_else(|| span.clone()))
}

/// The JSON string `value`, written verbatim after `key` inside `span`.
fn string_within(project: &Project, span: &Span, key: &str, value: &str) -> Option<Span> {
    let text = project.files.text(span.file);
    let within = text.get(span.bytes.clone())?;
    let key_at = within.find(key)?;
    let written = serde_json::to_string(value).ok()?;
    let at = key_at + within[key_at..].find(&written)?;
    let start = span.bytes.start + at;
    Some(Span {
        file: span.file,
        bytes: start..start + written.len(),
    })
}

fn coverage_warnings<'a>(
    project: &'a Project,
    coverage: &'a Coverage,
) -> impl Iterator<Item = Diagnostic> + 'a {
    let uncovered = coverage.uncovered.iter().map(|figure| {
        Diagnostic::warning(
            DiagnosticCode::UncoveredFigure,
            format!(
                "{} `{}` in {} is covered by no claim's quote",
                figure.kind, figure.text, figure.document
            ),
        )
        .with_label(Label::primary(figure.span.clone(), "not covered"))
        .with_help(
            "add a claim quoting this passage (`crosscheck add`), or explain why it needs none with a [[coverage.ignore]] entry in crosscheck.toml",
        )
    });
    let idle = coverage.idle_ignores.iter().filter_map(|&index| {
        let ignore = project.settings.coverage.ignore.get(index)?;
        let mut warning = Diagnostic::warning(
            DiagnosticCode::IdleCoverageIgnore,
            format!(
                "[[coverage.ignore]] entry {} ({}) holds no figure",
                index + 1,
                ignore.document
            ),
        )
        .with_help("remove the entry, or quote the passage with the figure it was meant for");
        if let Some(span) = settings_place(project, &ignore.text) {
            warning = warning.with_label(Label::primary(span, "this passage"));
        }
        Some(warning)
    });
    uncovered.chain(idle)
}

fn ignore_not_found(project: &Project, missing: &IgnoreNotFound) -> Diagnostic {
    let mut warning = Diagnostic::warning(
        DiagnosticCode::CoverageIgnoreNotFound,
        format!(
            "the text of [[coverage.ignore]] entry {} is not in {}, so coverage was not computed",
            missing.index + 1,
            missing.document
        ),
    )
    .with_help("copy the passage from the document exactly, or remove the entry")
    .with_note(format!(
        "closest passage, {}:{} ({:.0}% similar): {}",
        missing.document,
        missing.closest_at,
        missing.similarity * 100.0,
        missing.closest.trim()
    ));
    if let Some(span) = settings_place(project, &missing.text) {
        warning = warning.with_label(Label::primary(span, "not in the document"));
    }
    warning
}

/// Where `text` is written in the project's `crosscheck.toml`, if verbatim.
fn settings_place(project: &Project, text: &str) -> Option<Span> {
    let (file, settings) = (0..)
        .map_while(|id| project.files.get(id).map(|file| (id, file)))
        .find(|(_, file)| file.name == "crosscheck.toml")?;
    let start = settings.text().find(text)?;
    Some(Span {
        file,
        bytes: start..start + text.len(),
    })
}
