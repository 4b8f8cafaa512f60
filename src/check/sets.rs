//! # Sets
//!
//! ## What it checks
//!
//! Two set claims (`["Morocco", "Israel"]`) about one subject and
//! attribute, compared by their members: each member is normalised
//! to its key under the linking rules (`link::rules::name_key`: case,
//! punctuation, word order, articles, so `Knuth, Donald E.` and `Donald E.
//! Knuth` are one member) and mapped to its registry `values` entry when it
//! has one, so `Barak 8` and `Barak MX` are one member. The same members agree;
//! one set's members all within the other's are compatible (a source that
//! lists fewer members is less complete, not wrong); anything else
//! contradicts, even when the sets share some members.
//!
//! ## Why it matters
//!
//! Lists of parties, buyers or systems are where sources drop or swap a
//! name. A shorter list is common and harmless; a list naming someone the
//! other leaves out while leaving out someone the other names is not.
//!
//! ## Example
//!
//! ```text
//! a/members  ["Morocco", "Israel"]
//! b/members  ["Israel", "Morocco", "USA"]   => compatible (a within b)
//! c/members  ["Morocco", "France"]          => contradiction with a and b
//! ```
//!
//! Members are also read for precision, as the consensus reads them: a
//! list naming some members less fully (`["McClure", "Shah"]` beside
//! `["McClure, Stuart", "Shah, Saumil"]`, `Walter Ciciora` beside
//! `Ciciora, Walter S`) is compatible, not a contradiction: one is less
//! precise, not wrong.
//!
//! Two lists whose differing members are all Latin on one side and all
//! Arabic on the other (`["UAE", "Morocco"]` against `["الإمارات",
//! "المغرب"]`) are `incomparable`: the same members written in each
//! article's script is the common case, and only the registry can say
//! that "Morocco" is "المغرب" (a translation, not a spelling).

use std::collections::BTreeSet;

use super::{
    Check, CheckCode, CheckContext, ClaimFacts, ClaimGroup, PairComparison, Reason, ReasonCode,
    ValueNames, Verdict, VerdictSink, comparison, pairs_among, quoted,
};
use crate::link::skeleton::{Script, latin_consonants, one_vowel_more};
use crate::value::{Denotation, SetRelation, ValueKind};

pub const CHECK: Check = Check {
    code: CheckCode::Sets,
    run,
};

fn run(group: &ClaimGroup<'_>, context: &CheckContext<'_>, sink: &mut VerdictSink) {
    let claims = group.of_kind(ValueKind::Set);
    // Each member normalised and looked up once, not once per pair.
    let members: Vec<BTreeSet<Member>> = claims
        .iter()
        .map(|claim| members(claim, context.names))
        .collect();
    for (i, j) in pairs_among(&claims) {
        sink.pair(compare(
            claims[i],
            &members[i],
            claims[j],
            &members[j],
            context.names,
        ));
    }
}

/// A member as compared: its registry entry, else its normalised name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Member {
    Entry(String),
    Name(String),
}

fn members(claim: &ClaimFacts, names: &dyn ValueNames) -> BTreeSet<Member> {
    written(claim)
        .iter()
        .map(|name| member(name, names))
        .collect()
}

/// The set's members as written.
fn written<'c>(claim: &'c ClaimFacts) -> &'c [String] {
    match &claim.denotation {
        Ok(Denotation::Set(list)) => list,
        _ => &[],
    }
}

fn member(name: &str, names: &dyn ValueNames) -> Member {
    match names.entry_of(name) {
        Some(entry) => Member::Entry(entry),
        None => Member::Name(names.member_key(name)),
    }
}

/// The verdict on two set claims (`a.id < b.id`), given their members.
fn compare(
    a: &ClaimFacts,
    x: &BTreeSet<Member>,
    b: &ClaimFacts,
    y: &BTreeSet<Member>,
    names: &dyn ValueNames,
) -> PairComparison {
    if differing_in_two_scripts(x, y) {
        // The differing members as written, in the claims' order.
        let only = |claim: &ClaimFacts, other: &BTreeSet<Member>| {
            let mut seen = BTreeSet::new();
            written(claim)
                .iter()
                .filter(|name| {
                    let member = member(name, names);
                    !other.contains(&member) && seen.insert(member)
                })
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(", ")
        };
        let (only_x, only_y) = (only(a, y), only(b, x));
        let relation = match x.is_disjoint(y) {
            true => SetRelation::Disjoint,
            false => SetRelation::Overlap,
        };
        return comparison(
            a,
            b,
            CHECK.code,
            Verdict::Incomparable,
            Some(relation),
            ReasonCode::MembersInTwoScripts,
            Reason::text(format!(
                "{} and {} differ only in members written in two scripts ({only_x}; {only_y}): they may be the same members, which registry `values` entries listing each name in both scripts would show",
                quoted(a),
                quoted(b)
            )),
        );
    }
    let relation = match (x.is_subset(y), y.is_subset(x)) {
        (true, true) => SetRelation::Equal,
        (true, false) => SetRelation::Subset,
        (false, true) => SetRelation::Superset,
        (false, false) if x.is_disjoint(y) => SetRelation::Disjoint,
        (false, false) => SetRelation::Overlap,
    };
    let (verdict, code, reason) = match relation {
        SetRelation::Equal => (
            Verdict::Agreement,
            ReasonCode::SameMembers,
            Reason::Both("name the same members"),
        ),
        SetRelation::Subset => (
            Verdict::Compatible,
            ReasonCode::SubsetOfMembers,
            Reason::SubsetOf { first: true },
        ),
        SetRelation::Superset => (
            Verdict::Compatible,
            ReasonCode::SubsetOfMembers,
            Reason::SubsetOf { first: false },
        ),
        SetRelation::Overlap | SetRelation::Disjoint => {
            return named_less_fully(a, b, names)
                .or_else(|| transliterated(a, x, b, y, relation))
                .unwrap_or_else(|| {
                    comparison(
                        a,
                        b,
                        CHECK.code,
                        Verdict::Contradiction,
                        Some(relation),
                        ReasonCode::DifferentMembers,
                        Reason::Both(
                            "each name members the other lacks: they cannot both be the list",
                        ),
                    )
                });
        }
    };
    comparison(a, b, CHECK.code, verdict, Some(relation), code, reason)
}

/// Two lists whose members differ only in how fully they are named (a
/// surname alone, an initial, a middle name left out: `McClure, Shah` and
/// `McClure, Stuart, Shah, Saumil`; `Walter Ciciora` and `Ciciora, Walter
/// S`): compatible, as the consensus reads members ([`MemberName::allows`]),
/// the less precise list possibly also the shorter. `None` when some
/// member of each names no member of the other.
fn named_less_fully(
    a: &ClaimFacts,
    b: &ClaimFacts,
    names: &dyn ValueNames,
) -> Option<PairComparison> {
    let read = |claim: &ClaimFacts| -> Vec<MemberName> {
        written(claim)
            .iter()
            .map(|name| MemberName::of(name, names))
            .collect()
    };
    let (x, y) = (read(a), read(b));
    let within =
        |from: &[MemberName], to: &[MemberName], one: &dyn Fn(&MemberName, &MemberName) -> bool| {
            from.iter().all(|m| to.iter().any(|n| one(m, n)))
        };
    let fuller = |m: &MemberName, n: &MemberName| m.named_less_fully(n);
    let one_name = |m: &MemberName, n: &MemberName| m.may_be_one(n);
    let (relation, reason) = match (within(&x, &y, &one_name), within(&y, &x, &one_name)) {
        // A shortened given name is said only when one was needed: most
        // lists differ by a name left out.
        (true, true) => (
            SetRelation::Equal,
            Reason::Both(if within(&x, &y, &fuller) && within(&y, &x, &fuller) {
                "name the same members, some less fully (a surname alone, an initial, a middle name left out)"
            } else {
                "name the same members, some less fully (a surname alone, an initial, a middle name left out, a given name shortened)"
            }),
        ),
        (true, false) => (SetRelation::Subset, Reason::SubsetOf { first: true }),
        (false, true) => (SetRelation::Superset, Reason::SubsetOf { first: false }),
        (false, false) => return None,
    };
    Some(comparison(
        a,
        b,
        CHECK.code,
        Verdict::Compatible,
        Some(relation),
        ReasonCode::MembersNamedLessFully,
        reason,
    ))
}

/// Two lists whose differing members pair up as Latin names with the same
/// consonants (`Mohammed bin Salman` in one, `Muhammad bin Salman` in the
/// other: [`latin_consonants`]): incomparable, as two texts so are. `None`
/// when some differing member has no such partner.
fn transliterated(
    a: &ClaimFacts,
    x: &BTreeSet<Member>,
    b: &ClaimFacts,
    y: &BTreeSet<Member>,
    relation: SetRelation,
) -> Option<PairComparison> {
    let consonants = |only: std::collections::btree_set::Difference<'_, Member>| {
        let mut keys = only
            .map(|m| match m {
                Member::Name(name) if Script::of(name) == Script::Latin => latin_consonants(name),
                _ => None,
            })
            .collect::<Option<Vec<String>>>()?;
        keys.sort_unstable();
        Some(keys)
    };
    let keys = consonants(x.difference(y))?;
    if keys.is_empty() || consonants(y.difference(x))? != keys {
        return None;
    }
    Some(comparison(
        a,
        b,
        CHECK.code,
        Verdict::Incomparable,
        Some(relation),
        ReasonCode::MembersTransliterated,
        Reason::text(format!(
            "{} and {} differ only in members with the same consonants, as transliterations are read ('{}'): the same members spelt or transliterated two ways, or other members that differ in their vowels; registry `values` entries listing both spellings would make them one",
            quoted(a),
            quoted(b),
            keys.join("', '")
        )),
    ))
}

/// Whether the members only `x` has and those only `y` has are both there,
/// one side's all in Latin script and the other's all in Arabic. Registry
/// entries are compared as entries, never by script.
fn differing_in_two_scripts(x: &BTreeSet<Member>, y: &BTreeSet<Member>) -> bool {
    let script = |mut only: std::collections::btree_set::Difference<'_, Member>| {
        let first = match only.next()? {
            Member::Name(name) => Script::of(name),
            Member::Entry(_) => return None,
        };
        let alike = only.all(|m| matches!(m, Member::Name(name) if Script::of(name) == first));
        (alike && matches!(first, Script::Arabic | Script::Latin)).then_some(first)
    };
    match (script(x.difference(y)), script(y.difference(x))) {
        (Some(sx), Some(sy)) => sx != sy,
        _ => false,
    }
}

/// A member name as words, for precision: `Knuth, Donald E.` is
/// `{donald, e, knuth}`.
#[derive(Debug, Clone)]
pub struct MemberName {
    /// Sorted normalised words.
    pub words: Vec<String>,
    /// The word read as the family name, and whether the writing says so:
    /// the last word before a comma (`Jennings, Dan W`) for certain, else
    /// the last word (`Dan W. Jennings`), as a guess (booksellers also
    /// write `Jennings Dan`). Only [`MemberName::shortens`] reads it: a
    /// given name may be shortened, a family name is another name
    /// (`Johns`, `Johnson`).
    family: Option<(String, bool)>,
}

/// Two names are equal when their words are: the family name is a reading.
impl PartialEq for MemberName {
    fn eq(&self, other: &MemberName) -> bool {
        self.words == other.words
    }
}

impl Eq for MemberName {}

impl MemberName {
    pub fn of(name: &str, names: &dyn ValueNames) -> MemberName {
        match names.entry_of(name) {
            Some(entry) => MemberName::of_read(None, Some(&entry), names),
            None => MemberName::of_read(Some(&names.normalize(name)), None, names)
                .with_family(name, names),
        }
    }

    /// This name with its family name read from `written` (the name as
    /// written, commas and all).
    pub fn with_family(mut self, written: &str, names: &dyn ValueNames) -> MemberName {
        let last_word = |text: &str| {
            names
                .normalize(text)
                .split_whitespace()
                .rfind(|w| !is_title(w) && !NAME_PARTICLES.contains(w))
                .map(str::to_owned)
        };
        self.family = match written.split_once(',') {
            Some((family, _)) => last_word(family).map(|w| (w, true)),
            None if self.words.len() >= 2 => last_word(written).map(|w| (w, false)),
            None => None,
        };
        self
    }

    /// [`MemberName::of`] from what a caller has read already: the name's
    /// registry entry, else its normalised form.
    pub fn of_read(
        normalized: Option<&str>,
        entry: Option<&str>,
        names: &dyn ValueNames,
    ) -> MemberName {
        if let Some(entry) = entry {
            return MemberName {
                words: vec![format!("entry:{}", names.normalize(entry))],
                family: None,
            };
        }
        let normalized = normalized.unwrap_or_default();
        let all: Vec<&str> = normalized.split_whitespace().collect();
        // A title says who someone is, not which one: `Dr. Ahmed Ali` is
        // `Ahmed Ali` (a name that is only a title keeps it).
        let untitled: Vec<&str> = all.iter().copied().filter(|w| !is_title(w)).collect();
        let kept = if untitled.is_empty() { &all } else { &untitled };
        let mut words: Vec<String> = kept.iter().map(|w| (*w).to_owned()).collect();
        // A word repeated adds no precision (`Pease, Robert A. Pease`).
        words.sort_unstable();
        words.dedup();
        MemberName {
            words,
            family: None,
        }
    }

    /// Whether this name may denote the same person or thing as the more
    /// precise `fuller`: each of its words is a distinct word of `fuller`,
    /// or the initial of one, and `fuller` has at most one word more (a
    /// middle name left out), not counting the particles that introduce
    /// it ([`NAME_PARTICLES`]: `عبد الله بن زايد آل نهيان` is `عبد الله بن
    /// زايد` with the family name). A name of many more words is another
    /// name that contains this one (`Donald E. Knuth John Fuller` is two
    /// people run together), not a more precise spelling of it.
    pub fn allows(&self, fuller: &MemberName) -> bool {
        let named = |name: &MemberName| {
            name.words
                .iter()
                .filter(|w| !NAME_PARTICLES.contains(&w.as_str()))
                .count()
        };
        if self.words.is_empty()
            || self.words.len() > fuller.words.len()
            || named(fuller) > named(self) + 1
        {
            return false;
        }
        // A place qualifier names another place: `Sudan` is not `South
        // Sudan` named less fully.
        if fuller
            .words
            .iter()
            .any(|w| is_place_qualifier(w) && !self.words.contains(w))
        {
            return false;
        }
        let mut used = vec![false; fuller.words.len()];
        // Whole words first, then initials, so an initial never takes the
        // word a whole word needs.
        let mut initials = Vec::new();
        for word in &self.words {
            match (0..fuller.words.len()).find(|&j| !used[j] && fuller.words[j] == *word) {
                Some(j) => used[j] = true,
                None if word.chars().count() == 1 => initials.push(word),
                None => return false,
            }
        }
        for initial in initials {
            match (0..fuller.words.len())
                .find(|&j| !used[j] && fuller.words[j].starts_with(initial.as_str()))
            {
                Some(j) => used[j] = true,
                None => return false,
            }
        }
        true
    }

    /// Whether one of the two names is the other or names it less fully
    /// ([`MemberName::allows`], either way).
    pub fn named_less_fully(&self, other: &MemberName) -> bool {
        self == other || self.allows(other) || other.allows(self)
    }

    /// Whether this name and `other` may name one person: one names the
    /// other less fully, or one shortens a given name of the other
    /// ([`MemberName::shortens`]). Symmetric, unlike `allows`.
    pub fn may_be_one(&self, other: &MemberName) -> bool {
        self.named_less_fully(other) || self.shortens(other)
    }

    /// Whether the two names are one name with a given name shortened on
    /// one side, neither more precise than the other: `Dan W. Jennings`
    /// and `Daniel Jennings` (`Dan` begins `Daniel`; the `W.` is a middle
    /// initial left out). They share their family name, as one of them is
    /// read ([`MemberName::with_family`]: `Ron Johns` and `Ron Johnson`
    /// share only a given name), and a family name written before a comma
    /// is neither shortened nor left out; every other word of each pairs
    /// with a word of the other that begins with it, at least one of them
    /// a short form of three letters or more (`Dan`, `Chris`, `Alex`; two
    /// letters, `Al`, `Jo`, are as often a particle or a name of their
    /// own), not one vowel longer (`Paul`, `Paula`: another name); and at
    /// most one word, not a place qualifier, is left unpaired.
    /// Symmetric. Short forms are read in Latin script only: an Arabic
    /// given name is not shortened so, and one that begins another is
    /// another name (`حسن` Hassan, `حسني` Hosni).
    pub fn shortens(&self, other: &MemberName) -> bool {
        let (mut xs, mut ys) = (self.words.clone(), other.words.clone());
        let family = |name: &MemberName, w: &str| name.family.as_ref().is_some_and(|(f, _)| f == w);
        let mut shared_family = false;
        xs.retain(|w| match ys.iter().position(|v| v == w) {
            Some(j) => {
                ys.remove(j);
                shared_family |= family(self, w) || family(other, w);
                false
            }
            None => true,
        });
        // A family name written as such (before a comma) is never the
        // word shortened or left out.
        let certain_left = |name: &MemberName, left: &[String]| {
            name.family
                .as_ref()
                .is_some_and(|(f, certain)| *certain && left.contains(f))
        };
        if !shared_family
            || xs.is_empty()
            || ys.is_empty()
            || certain_left(self, &xs)
            || certain_left(other, &ys)
        {
            return false;
        }
        let (fewer, more) = if xs.len() <= ys.len() {
            (xs, ys)
        } else {
            (ys, xs)
        };
        if more.len() > fewer.len() + 1 || more.iter().any(|w| is_place_qualifier(w)) {
            return false;
        }
        let begins = |u: &str, v: &str| u != v && (u.starts_with(v) || v.starts_with(u));
        let latin = |w: &str| w.chars().all(|c| c.is_alphabetic() && c < '\u{250}');
        // One vowel more makes another name, often the feminine one: `Paul`,
        // `Paula`; `Carl`, `Carla`; `Denis`, `Denise` ([`one_vowel_more`]).
        let short_form = |u: &str, v: &str| {
            begins(u, v)
                && u.chars().count().min(v.chars().count()) >= 3
                && latin(u)
                && latin(v)
                && !one_vowel_more(u, v)
        };
        // Names have a handful of words: try every way to pair them.
        fn pair(
            fewer: &[String],
            more: &[String],
            used: &mut Vec<bool>,
            begins: &dyn Fn(&str, &str) -> bool,
            short_form: &dyn Fn(&str, &str) -> bool,
            shortened: bool,
        ) -> bool {
            let Some((word, rest)) = fewer.split_first() else {
                return shortened;
            };
            (0..more.len()).any(|j| {
                if used[j] || !begins(word, &more[j]) {
                    return false;
                }
                used[j] = true;
                let found = pair(
                    rest,
                    more,
                    used,
                    begins,
                    short_form,
                    shortened || short_form(word, &more[j]),
                );
                used[j] = false;
                found
            })
        }
        pair(
            &fewer,
            &more,
            &mut vec![false; more.len()],
            &begins,
            &short_form,
            false,
        )
    }
}

/// Words that introduce a part of a name rather than name anyone
/// (normalised): the Arabic markers of descent, family and kunya (`bin`,
/// `ibn`, `bint`, `Al`, `Abu`, `Abd`, in Latin and Arabic script; `آل`
/// normalises to `ال`) and the European particles (`van`, `von`, `de`).
/// A fuller name adds one with the part it introduces (`Mohammed bin
/// Salman Al Saud`, `Ludwig van Beethoven`), so it does not count as a
/// word more.
const NAME_PARTICLES: &[&str] = &[
    "bin", "ibn", "bint", "al", "el", "abu", "abd", "بن", "ابن", "بنت", "ال", "ابو", "عبد", "van",
    "von", "de", "da", "di", "del", "der", "du",
];

/// Titles and honorifics written before names in English and Arabic news
/// (normalised: lower case, no punctuation).
const TITLES: &[&str] = &[
    "dr",
    "prof",
    "professor",
    "mr",
    "mrs",
    "ms",
    "sir",
    "president",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "sheik",
    "emir",
    "general",
    "gen",
    "colonel",
    "col",
    "minister",
    "الدكتور",
    "د",
    "الرئيس",
    "الملك",
    "الملكة",
    "الأمير",
    "الامير",
    "الشيخ",
    "الوزير",
    "الجنرال",
    "العقيد",
    "السيد",
    "السيدة",
];

/// Words that give a person's part in a work or a story rather than name
/// them (normalised): booksellers write `Editor: Lacroix, Zoe` and
/// `Lacroix, Zoé (Edited by)`, reporters `المتحدث` (the spokesman). Read
/// like titles: `Editor: Lacroix, Zoe` is `Lacroix, Zoe`. `Ed` and `eds`
/// are left out: `Ed` is also a given name.
const ROLES: &[&str] = &[
    "editor",
    "editors",
    "edited",
    "translator",
    "translated",
    "compiler",
    "compiled",
    "illustrator",
    "illustrated",
    "foreword",
    "contributor",
    "contributors",
    "by",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "المحرر",
    "تحرير",
    "ترجمة",
    "المترجم",
    "المتحدث",
    "الناطق",
];

/// Whether a word says who someone is rather than which one: a title or
/// honorific ([`TITLES`]) or a role ([`ROLES`]).
pub(crate) fn is_title(word: &str) -> bool {
    TITLES.contains(&word) || ROLES.contains(&word)
}

/// Words that make a place another place (`South Sudan`, `North Korea`,
/// `Equatorial Guinea`, `New Caledonia`, `جنوب السودان`).
const PLACE_QUALIFIERS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "equatorial",
    "new",
    "upper",
    "lower",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
];

pub(crate) fn is_place_qualifier(word: &str) -> bool {
    PLACE_QUALIFIERS.contains(&word)
}
