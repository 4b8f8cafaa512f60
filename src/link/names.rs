//! Linking plain names: which spellings name one subject, and why. This is
//! the whole linking algorithm; [`super::SubjectGraph`] wraps its result in
//! a graph of sources, claims, names and subjects.
//!
//! Precision first: an automatic link is made only where the two names
//! cannot denote different things under one of the rules of
//! [`super::rules`] (each stated in one sentence), or the registry says so.
//! A spelling difference inside a word is a suggestion, never a link, unless
//! the curator opts in to fuzzy linking with `[link] fuzzy_threshold`.
//!
//! Steps, strongest evidence first:
//!
//! 1. Spellings that are equal after [`normalize_name`] are one *atom*
//!    (reason: equal after normalisation).
//! 2. Registry entries join their name's atom with their aliases' atoms
//!    (reason: registry alias).
//! 3. Atoms whose spellings share one of their [`name_keys`] are joined (reason: the
//!    same words in another order, or an article or stop word added or
//!    removed): grouped by hashing the key, no pair compared.
//! 4. A name holding an initial is joined with the one subject whose name it
//!    fits ([`initials_fit_keys`], reason: an initial for a whole given name);
//!    when it fits names of two or more subjects ("D. Knuth": "Donald
//!    Knuth", "David Knuth") it is suggested with each instead. Candidates
//!    come from an index of the initialled names' rarest full word.
//! 5. Candidate pairs from the blocking index ([`super::blocking`]) whose
//!    digits are equal and whose scripts are the same are scored with the
//!    normalised Levenshtein similarity. Only when the curator sets
//!    `fuzzy_threshold` are pairs at or above it joined (reason: similar,
//!    with the score); otherwise every pair at or above `suggest_threshold`
//!    is a suggestion, shown with the words in which the names differ.
//!    Levenshtein rather than Jaro-Winkler because subject names are
//!    multi-word phrases: Jaro-Winkler rewards a long shared prefix, and
//!    "barak 8 deal with india" / "barak 8 deal with israel" would score
//!    0.95.
//!
//!    A score is not enough even for a suggestion: the words in which the
//!    two names differ (once the words both hold are set aside) must be
//!    spellings of each other, within one edit per
//!    [`VARIANT_CHARS_PER_EDIT`] characters ([`differ_by_spelling`]).
//!    "Barak deal" / "Baraq deal" is suggested; "naval deal with Israel" /
//!    "naval deal with Isvigan" (0.82) is not: a different proper noun is a
//!    different thing, not a near miss, and listing every such pair buried
//!    the real near misses.
//!
//! Every join goes through [`Components::union`], which refuses a join that
//! would put a registry `distinct` pair, or two registry entries, into one
//! component; refused joins are kept as vetoes. Arabic/Latin pairs whose
//! consonant skeletons are close (the same word rule applied to the
//! skeletons' words) are suggestions, never links. A pair the registry lists
//! as `distinct` (a rejected suggestion) is never suggested.

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use crate::model::{LinkSettings, Registry};
use crate::text::normalize::normalize_name;

use super::blocking::{candidate_pairs, sorted_order};
use super::rules::{
    NameRule, differing_words, has_initial, initials_fit_keys, name_keys, rule_between,
};
use super::skeleton::{Script, digit_runs, skeleton};
use super::union_find::{Components, Refusal};

/// The similarity measure named in reasons and suggestions.
pub const MEASURE: &str = "levenshtein";

/// The words in which two names differ are spellings of one word when they
/// are at most one edit per this many characters apart (see
/// [`differ_by_spelling`]): "Barak" / "Baraq" (1 in 5) and "factory" /
/// "factories" (3 in 9) are; "Israel" / "Isvigan" (4 in 7) is not.
pub const VARIANT_CHARS_PER_EDIT: usize = 3;

/// Why two names are linked.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkReason {
    /// Both are names of this registry entry (its name or an alias).
    RegistryAlias { entry: String },
    /// They are equal after [`normalize_name`].
    EqualAfterNormalisation,
    /// One of the rules of [`super::rules`] other than normalisation (the
    /// same words in another order, an article or stop word, an initial).
    Rule(NameRule),
    /// Their normalised forms are this similar (only with the curator's
    /// `fuzzy_threshold`).
    Similar { measure: &'static str, score: f64 },
}

/// A link between two spellings, in the subject it helps form.
#[derive(Debug, Clone, PartialEq)]
pub struct NameLink {
    /// The canonical subject both names belong to.
    pub subject: String,
    pub a: String,
    pub b: String,
    pub reason: LinkReason,
}

/// Why a pair is suggested to the curator rather than linked.
#[derive(Debug, Clone, PartialEq)]
pub enum SuggestionKind {
    /// Same script, similar, but below the link threshold.
    CloseName { measure: &'static str, score: f64 },
    /// Same script, similar once each name's words are sorted: words
    /// moved ("2025 US-Saudi arms deal" / "US-Saudi arms deal (2025)"),
    /// perhaps also a spelling difference. Never linked automatically,
    /// even by fuzzy linking: moving any word may change what a name says.
    WordsMoved { score: f64 },
    /// Arabic and Latin spellings with close consonant skeletons: only the
    /// registry may link across scripts.
    CrossScript {
        skeleton_a: String,
        skeleton_b: String,
        score: f64,
    },
    /// An initialled name that fits names of several subjects: which one it
    /// is, only the curator can say.
    AmbiguousInitials,
}

impl SuggestionKind {
    /// The score suggestions are ranked by (best first); an initial that
    /// fits counts as 1.
    pub fn score(&self) -> f64 {
        match self {
            SuggestionKind::CloseName { score, .. }
            | SuggestionKind::WordsMoved { score }
            | SuggestionKind::CrossScript { score, .. } => *score,
            SuggestionKind::AmbiguousInitials => 1.0,
        }
    }
}

/// A link not made that a curator may want to make (a registry alias).
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// A stable id for the review loop (`crosscheck link accept ID`): a
    /// hash of the two names' normalised forms, the same in every run that
    /// suggests the pair, whatever else the project holds.
    pub id: String,
    pub a: String,
    pub b: String,
    /// The canonical subjects the two names belong to.
    pub subject_a: String,
    pub subject_b: String,
    /// The words of `a` that `b` lacks, and of `b` that `a` lacks
    /// (normalised): where the two names differ.
    pub differing: (String, String),
    pub kind: SuggestionKind,
}

impl Suggestion {
    /// What a [`SuggestionKind::WordsMoved`] suggestion's names differ by,
    /// in words, with its `score`.
    pub fn words_moved(&self, score: f64) -> String {
        let measure = "levenshtein of the words sorted";
        match &self.differing {
            (x, y) if x.is_empty() && y.is_empty() => {
                format!("the same words in another order ({measure} {score:.2})")
            }
            (x, y) => {
                format!("words in another order, and \"{x}\" / \"{y}\" ({measure} {score:.2})")
            }
        }
    }
}

/// The id of a suggestion between two normalised names: FNV-1a (64 bits)
/// of the two, sorted, as 12 hex digits. FNV is fixed by its definition, so
/// ids survive rebuilds and other versions of the standard library.
pub fn suggestion_id(key_a: &str, key_b: &str) -> String {
    let (x, y) = if key_a <= key_b {
        (key_a, key_b)
    } else {
        (key_b, key_a)
    };
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in x.bytes().chain([0]).chain(y.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{:012x}", hash >> 16)
}

/// What refused a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Veto {
    /// The registry says these two names are distinct; the link would have
    /// joined them (directly or through other links).
    Distinct { a: String, b: String },
    /// The link would have joined two registry entries.
    DifferentEntries { a: String, b: String },
}

/// A link that evidence supported and the registry refused.
#[derive(Debug, Clone, PartialEq)]
pub struct VetoedLink {
    pub a: String,
    pub b: String,
    pub reason: LinkReason,
    pub veto: Veto,
}

/// One spelling of a subject and how many claims use it (0: a registry name
/// no claim uses).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct SubjectName {
    pub spelling: String,
    pub claims: usize,
}

/// A canonical subject: a connected component of linked names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CanonicalSubject {
    /// The registry entry's name, else the most common spelling (ties: the
    /// smallest spelling in byte order).
    pub name: String,
    /// Whether `name` comes from the registry.
    pub from_registry: bool,
    /// Sorted by spelling.
    pub names: Vec<SubjectName>,
}

/// The result of linking: canonical subjects, and every link, suggestion and
/// veto with its reason. All lists are sorted.
#[derive(Debug, Clone)]
pub struct Linking {
    /// Sorted by name.
    pub subjects: Vec<CanonicalSubject>,
    /// Sorted by subject, then `a`, then `b`.
    pub links: Vec<NameLink>,
    /// Sorted by `a`, then `b`.
    pub suggestions: Vec<Suggestion>,
    /// Sorted by `a`, then `b`.
    pub vetoes: Vec<VetoedLink>,
    /// Normalised name → index in `subjects`, sorted by name.
    by_key: Vec<(String, usize)>,
}

impl Linking {
    /// The canonical subject a spelling belongs to (any spelling equal to a
    /// linked one after normalisation).
    pub fn subject_of(&self, spelling: &str) -> Option<&CanonicalSubject> {
        let key = normalize_name(spelling);
        let found = self.by_key.binary_search_by(|(k, _)| k.as_str().cmp(&key));
        found
            .ok()
            .and_then(|at| self.subjects.get(self.by_key[at].1))
    }
}

/// Spellings equal after normalisation.
#[derive(Debug, Default)]
struct Atom {
    key: String,
    /// Spellings used by claims, with how many claims use each.
    claim_spellings: Vec<(String, usize)>,
    /// The first registry text with this key.
    registry_spelling: Option<String>,
    entry: Option<usize>,
}

impl Atom {
    /// The spelling that stands for the atom in links: the registry's, else
    /// the most common claim spelling.
    fn representative(&self) -> &str {
        if let Some(spelling) = &self.registry_spelling {
            return spelling;
        }
        most_common(self.claim_spellings.iter().map(|(s, c)| (s.as_str(), *c))).unwrap_or("")
    }
}

/// The spelling with the most claims; ties go to the smallest spelling.
fn most_common<'a>(spellings: impl Iterator<Item = (&'a str, usize)>) -> Option<&'a str> {
    spellings
        .max_by(|(sa, ca), (sb, cb)| ca.cmp(cb).then(sb.cmp(sa)))
        .map(|(s, _)| s)
}

/// A join made or refused, between two atoms.
struct Join {
    a: usize,
    b: usize,
    reason: LinkReason,
}

/// Links `names` (spelling → number of claims using it) with the registry's
/// subjects, aliases and distinct pairs, under `settings`.
pub fn link_names(
    names: &BTreeMap<String, usize>,
    registry: &Registry,
    settings: &LinkSettings,
) -> Linking {
    let names: Vec<(&str, usize)> = names.iter().map(|(s, &c)| (s.as_str(), c)).collect();
    link_spellings(&names, registry, settings).0
}

/// [`link_names`] over `names` sorted by spelling and without repeats; also
/// returns, per name, the index in `subjects` of the subject it belongs to
/// (what [`Linking::subject_of`] answers, without normalising the name
/// again).
pub(super) fn link_spellings(
    names: &[(&str, usize)],
    registry: &Registry,
    settings: &LinkSettings,
) -> (Linking, Vec<Option<usize>>) {
    let (atoms, name_atoms, registry_atoms) = build_atoms(names, registry);
    let index = |text: &str| -> Option<usize> {
        let key = normalize_name(text);
        atoms.binary_search_by(|a| a.key.as_str().cmp(&key)).ok()
    };

    let mut distinct_texts: HashMap<(usize, usize), (String, String)> = HashMap::new();
    let mut distinct = Vec::new();
    for (x, y) in &registry.distinct {
        if let (Some(a), Some(b)) = (index(x), index(y)) {
            distinct.push((a, b));
            distinct_texts
                .entry((a.min(b), a.max(b)))
                .or_insert_with(|| (x.clone(), y.clone()));
        }
    }
    let entries: Vec<Option<usize>> = atoms.iter().map(|a| a.entry).collect();
    let mut components = Components::new(&entries, &distinct);
    let mut made: Vec<Join> = Vec::new();
    let mut refused: Vec<(Join, Refusal)> = Vec::new();
    let mut join = |components: &mut Components, join: Join| match components.union(join.a, join.b)
    {
        Ok(_) => made.push(join),
        Err(refusal) => refused.push((join, refusal)),
    };

    // Every registry text is an atom: `registry_atoms` lists them, entry by
    // entry, the name then the aliases.
    let mut registry_atoms = registry_atoms.into_iter();
    for entry in &registry.subjects {
        let Some(name_atom) = registry_atoms.next() else {
            break;
        };
        for alias_atom in registry_atoms.by_ref().take(entry.aliases.len()) {
            if alias_atom != name_atom {
                let reason = LinkReason::RegistryAlias {
                    entry: entry.name.clone(),
                };
                join(
                    &mut components,
                    Join {
                        a: alias_atom,
                        b: name_atom,
                        reason,
                    },
                );
            }
        }
    }

    let keys = join_by_rule_key(&atoms, &mut components, &mut join);
    let ambiguous = join_by_initials(&atoms, &keys, &mut components, &mut join);
    drop(keys);

    let mut scored = score_candidates(&atoms, settings);
    scored.ambiguous = ambiguous;
    for &(score, a, b) in &scored.links {
        let reason = LinkReason::Similar {
            measure: MEASURE,
            score,
        };
        join(&mut components, Join { a, b, reason });
    }

    let (linking, atom_subjects) = assemble(
        &atoms,
        registry,
        &mut components,
        made,
        refused,
        &scored,
        DistinctPairs {
            atoms: &distinct,
            texts: &distinct_texts,
        },
    );
    let name_subjects = name_atoms
        .iter()
        .map(|&atom| atom_subjects.get(atom).copied().flatten())
        .collect();
    (linking, name_subjects)
}

/// The atoms, sorted by key; the atom of each of `names`; the atom of each
/// registry subject text (entry by entry, the name then the aliases).
fn build_atoms(
    names: &[(&str, usize)],
    registry: &Registry,
) -> (Vec<Atom>, Vec<usize>, Vec<usize>) {
    /// Where a normalised text comes from.
    enum From<'a> {
        /// `names[.0]`.
        Claims(usize),
        Registry(usize, &'a String),
    }
    // Claim spellings first (in spelling order), then registry texts (in
    // registry order); the stable sort by key keeps that order within a key.
    // Each name is normalised once, in parallel: the order of the results
    // is the order of the names whatever the threads do.
    let mut texts: Vec<(String, From)> = names
        .par_iter()
        .enumerate()
        .map(|(i, (spelling, _))| (normalize_name(spelling), From::Claims(i)))
        .collect();
    let registry_texts: Vec<(usize, &String)> = registry
        .subjects
        .iter()
        .enumerate()
        .flat_map(|(e, entry)| {
            std::iter::once(&entry.name)
                .chain(&entry.aliases)
                .map(move |t| (e, t))
        })
        .collect();
    texts.par_extend(
        registry_texts
            .par_iter()
            .map(|&(e, text)| (normalize_name(text), From::Registry(e, text))),
    );
    let keys: Vec<&str> = texts.iter().map(|(key, _)| key.as_str()).collect();
    let order = sorted_order(&keys);
    let mut slots: Vec<Option<(String, From)>> = texts.into_iter().map(Some).collect();
    let mut atoms: Vec<Atom> = Vec::new();
    let mut name_atoms = vec![0usize; names.len()];
    let mut registry_atoms = vec![0usize; registry_texts.len()];
    for i in order {
        let Some((key, from)) = slots[i].take() else {
            continue;
        };
        if atoms.last().is_none_or(|atom| atom.key != key) {
            atoms.push(Atom {
                key,
                ..Atom::default()
            });
        }
        let at = atoms.len() - 1;
        let Some(atom) = atoms.last_mut() else {
            continue;
        };
        match from {
            From::Claims(n) => {
                let (spelling, count) = names[n];
                atom.claim_spellings.push((spelling.to_string(), count));
                name_atoms[n] = at;
            }
            From::Registry(e, text) => {
                registry_atoms[i - names.len()] = at;
                atom.registry_spelling.get_or_insert_with(|| text.clone());
                // The first entry to claim a name keeps it; a later entry
                // naming it too is refused when its aliases are joined.
                atom.entry.get_or_insert(e);
            }
        }
    }
    (atoms, name_atoms, registry_atoms)
}

/// Step 3: joins atoms whose spellings share one of their [`name_keys`]
/// (the parts of the name in another order, an article or stop word added
/// or removed). Returns the keys of each atom's representative spelling.
fn join_by_rule_key(
    atoms: &[Atom],
    components: &mut Components,
    join: &mut impl FnMut(&mut Components, Join),
) -> Vec<Vec<String>> {
    // The keys of each atom's spellings, computed in parallel; usually one
    // per atom (spellings equal after normalisation differ in a key only
    // through a hyphenated article, "al-Qaeda" / "al Qaeda").
    let keyed: Vec<Vec<(String, &str)>> = atoms
        .par_iter()
        .map(|atom| {
            let mut keys: Vec<(String, &str)> = atom
                .claim_spellings
                .iter()
                .map(|(s, _)| s.as_str())
                .chain(atom.registry_spelling.as_deref())
                .flat_map(|s| name_keys(s).into_iter().map(move |k| (k, s)))
                .collect();
            keys.sort_unstable();
            keys.dedup_by(|x, y| x.0 == y.0);
            keys
        })
        .collect();
    let mut first: HashMap<&str, (usize, &str)> = HashMap::with_capacity(atoms.len());
    for (atom, keys) in keyed.iter().enumerate() {
        for (key, spelling) in keys {
            match first.entry(key.as_str()) {
                std::collections::hash_map::Entry::Occupied(seen) => {
                    let (other, other_spelling) = *seen.get();
                    if other != atom {
                        let rule = rule_between(other_spelling, spelling)
                            .unwrap_or(NameRule::ArticleOrStopWord);
                        let reason = match rule {
                            NameRule::Normalisation => LinkReason::EqualAfterNormalisation,
                            rule => LinkReason::Rule(rule),
                        };
                        join(
                            components,
                            Join {
                                a: other,
                                b: atom,
                                reason,
                            },
                        );
                    }
                }
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert((atom, spelling));
                }
            }
        }
    }
    drop(first);
    let representatives: Vec<Vec<String>> = atoms
        .par_iter()
        .map(|atom| name_keys(atom.representative()))
        .collect();
    representatives
}

/// A full word held by more names than this is not used to find the names
/// an initialled name may fit: the lookup stays linear. An initialled name
/// whose every full word is that common ("J. Smith" among thousands of
/// Smiths) is left to the curator.
pub const INITIALS_BLOCK: usize = 64;

/// Step 4: joins each atom whose key holds an initial with the one subject
/// it fits ([`initials_fit_keys`]); returns the pairs `(initialled, other)` where
/// it fits several subjects, for suggestions.
fn join_by_initials(
    atoms: &[Atom],
    keys: &[Vec<String>],
    components: &mut Components,
    join: &mut impl FnMut(&mut Components, Join),
) -> Vec<(usize, usize)> {
    let initial_count = |key: &str| key.split(' ').filter(|w| w.chars().count() == 1).count();
    let mut initialled: Vec<usize> = (0..atoms.len())
        .filter(|&i| !atoms[i].claim_spellings.is_empty() && has_initial(&keys[i][0]))
        .collect();
    if initialled.is_empty() {
        return Vec::new();
    }
    // Fuller names first: "D. E. Knuth" then finds "Donald E. Knuth" already
    // joined with what fits it.
    initialled.sort_by_key(|&i| (initial_count(&keys[i][0]), i));
    let full = |w: &&str| w.chars().count() >= 2;
    let mut postings: HashMap<&str, Vec<u32>> = HashMap::new();
    for &i in &initialled {
        for word in keys[i][0].split(' ').filter(full) {
            postings.entry(word).or_default();
        }
    }
    for (atom, key) in keys.iter().enumerate() {
        for word in key[0].split(' ').filter(full) {
            if let Some(list) = postings.get_mut(word)
                && list.len() <= INITIALS_BLOCK
            {
                // Atoms are fewer than u32::MAX (see `Claims::collect`).
                list.push(atom as u32);
            }
        }
    }
    let mut ambiguous = Vec::new();
    for &i in &initialled {
        let Some(list) = keys[i][0]
            .split(' ')
            .filter(full)
            .filter_map(|w| postings.get(w))
            .filter(|list| list.len() <= INITIALS_BLOCK)
            .min_by_key(|list| list.len())
        else {
            continue;
        };
        let own = components.find(i);
        let mut fits: Vec<(usize, usize)> = list
            .iter()
            .map(|&c| c as usize)
            .filter(|&c| c != i && initials_fit_keys(&keys[i], &keys[c]))
            .map(|c| (components.find(c), c))
            .filter(|&(root, _)| root != own)
            .collect();
        fits.sort_unstable();
        fits.dedup_by_key(|(root, _)| *root);
        match fits.as_slice() {
            [] => {}
            [(_, c)] => join(
                components,
                Join {
                    a: *c,
                    b: i,
                    reason: LinkReason::Rule(NameRule::Initials),
                },
            ),
            many => ambiguous.extend(many.iter().map(|&(_, c)| (i, c))),
        }
    }
    ambiguous
}

/// Scored candidate pairs, `(score, a, b)` with atoms `a < b`.
struct Scored {
    /// At or above the link threshold, best first.
    links: Vec<(f64, usize, usize)>,
    /// Same script, between the suggestion and the link threshold.
    close: Vec<(f64, usize, usize)>,
    /// Same script, at or above the suggestion threshold only with each
    /// name's words sorted.
    moved: Vec<(f64, usize, usize)>,
    /// Across scripts, skeletons at or above the suggestion threshold.
    cross: Vec<(f64, usize, usize)>,
    /// `(initialled, other)`: an initialled name that fits several subjects.
    ambiguous: Vec<(usize, usize)>,
    skeletons: Vec<String>,
}

/// Slices of one kind laid end to end: the scoring loop reads two names'
/// data per pair in random order, and one allocation per name would make
/// that a pointer chase into cold memory at every step.
struct Flat<T> {
    items: Vec<T>,
    /// `starts[i]..starts[i + 1]` is slice `i`.
    starts: Vec<usize>,
}

impl<T> Flat<T> {
    fn collect<I: IntoIterator<Item = T>>(slices: impl Iterator<Item = I>) -> Flat<T> {
        let mut flat = Flat {
            items: Vec::new(),
            starts: vec![0],
        };
        for slice in slices {
            flat.items.extend(slice);
            flat.starts.push(flat.items.len());
        }
        flat
    }

    fn get(&self, i: usize) -> &[T] {
        &self.items[self.starts[i]..self.starts[i + 1]]
    }
}

/// What the scoring loop checks of a name before reading its characters.
struct PairMeta {
    /// Characters in the normalised name.
    length: usize,
    /// [`digits_hash`] of the name's digit runs.
    digits: u64,
    script: Script,
    /// Whether a claim uses the name (pairs of registry-only names are
    /// not scored).
    used: bool,
}

/// A fixed hash of a name's digit runs ([`blocking::NameHasher`]).
fn digits_hash(bytes: &[u8]) -> u64 {
    use std::hash::BuildHasher;
    super::blocking::NameHasher::default().hash_one(bytes)
}

fn score_candidates(atoms: &[Atom], settings: &LinkSettings) -> Scored {
    let keys: Vec<&str> = atoms.iter().map(|a| a.key.as_str()).collect();
    let skeletons: Vec<String> = keys.par_iter().map(|k| skeleton(k)).collect();
    // What a pair is judged by, per atom: script, whether a claim uses it,
    // its digit runs and its length in characters. The characters are
    // decoded per pair, into reused buffers, and only for pairs that pass
    // these: a copy of every name decoded up front (4 bytes a character)
    // made the scoring loop's random reads several times larger than the
    // names, and the loop slower per name as the names grew past the cache.
    // Packed in one record per atom, so that judging a pair reads one place
    // per name; the digit runs are compared by hash first, in full only when
    // the hashes agree.
    let digit_texts: Vec<Vec<u8>> = keys
        .par_iter()
        .map(|k| digit_runs(k).join(",").into_bytes())
        .collect();
    let digits: Flat<u8> = Flat::collect(digit_texts.into_iter());
    let meta: Vec<PairMeta> = atoms
        .par_iter()
        .zip(&keys)
        .enumerate()
        .map(|(i, (atom, key))| PairMeta {
            length: key.chars().count(),
            digits: digits_hash(digits.get(i)),
            script: Script::of(key),
            used: !atom.claim_spellings.is_empty(),
        })
        .collect();
    let judge = Judge {
        keys: &keys,
        skeletons: &skeletons,
        digits: &digits,
        meta: &meta,
        fuzzy: settings.fuzzy_threshold.unwrap_or(f64::INFINITY),
        suggest: settings.suggest_threshold,
    };
    // Pairs are judged in parallel, a run of them per task with its own
    // buffers; the runs' verdicts are joined in pair order, so the result
    // is the same whatever the threads do.
    let pairs = candidate_pairs(&keys, &skeletons);
    let verdicts: Vec<Verdicts> = pairs
        .par_chunks(PAIRS_PER_TASK)
        .map_init(Buffers::default, |buffers, run| {
            let mut verdicts = Verdicts::default();
            for &(a, b) in run {
                judge.pair(a as usize, b as usize, buffers, &mut verdicts);
            }
            verdicts
        })
        .collect();
    let mut scored = Scored {
        links: Vec::new(),
        close: Vec::new(),
        moved: Vec::new(),
        cross: Vec::new(),
        ambiguous: Vec::new(),
        skeletons: Vec::new(),
    };
    for run in verdicts {
        scored.links.extend(run.links);
        scored.close.extend(run.close);
        scored.moved.extend(run.moved);
        scored.cross.extend(run.cross);
    }
    // Strongest first; equal scores in atom (normalised name) order.
    scored
        .links
        .sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    scored.skeletons = skeletons;
    scored
}

/// Candidate pairs judged per parallel task: enough that a task's set-up
/// (its buffers) is nothing beside its work.
const PAIRS_PER_TASK: usize = 4096;

/// What [`score_candidates`] judges a pair by.
struct Judge<'a> {
    keys: &'a [&'a str],
    skeletons: &'a [String],
    digits: &'a Flat<u8>,
    meta: &'a [PairMeta],
    /// The link threshold (infinite when fuzzy links are off).
    fuzzy: f64,
    suggest: f64,
}

/// One task's reused buffers.
#[derive(Default)]
struct Buffers {
    chars_a: Vec<char>,
    chars_b: Vec<char>,
    row: Vec<usize>,
    words: WordScratch,
}

/// One run of pairs' verdicts, in pair order ([`Scored`]'s lists).
#[derive(Default)]
struct Verdicts {
    links: Vec<(f64, usize, usize)>,
    close: Vec<(f64, usize, usize)>,
    moved: Vec<(f64, usize, usize)>,
    cross: Vec<(f64, usize, usize)>,
}

impl Judge<'_> {
    /// Judges atoms `a` and `b` into `verdicts`: a link, a close pair, a
    /// cross-script pair, or nothing.
    fn pair(&self, a: usize, b: usize, buffers: &mut Buffers, verdicts: &mut Verdicts) {
        let (meta_a, meta_b) = (&self.meta[a], &self.meta[b]);
        if !(meta_a.used || meta_b.used) || meta_a.length == 0 || meta_b.length == 0 {
            return;
        }
        if meta_a.digits != meta_b.digits || self.digits.get(a) != self.digits.get(b) {
            return;
        }
        let Buffers {
            chars_a,
            chars_b,
            row,
            words,
        } = buffers;
        let decode = |text: &str, into: &mut Vec<char>| {
            into.clear();
            into.extend(text.chars());
        };
        if meta_a.script.may_link_fuzzily(meta_b.script) {
            let lowest = self.suggest.min(self.fuzzy);
            // Normalised Levenshtein is at most 1 - |la - lb| / max(la, lb).
            let longest = meta_a.length.max(meta_b.length).max(1) as f64;
            if 1.0 - meta_a.length.abs_diff(meta_b.length) as f64 / longest < lowest {
                return;
            }
            decode(self.keys[a], chars_a);
            decode(self.keys[b], chars_b);
            let Some(score) = similarity(chars_a, chars_b, lowest, row) else {
                // Words moved ("2025 US-Saudi arms deal" / "US-Saudi arms
                // deal (2025)") cost an edit per character moved: scored
                // again with each name's words sorted, for a suggestion
                // only (a link never rests on words moved freely).
                let (sorted_a, sorted_b) = (&mut words.sorted_a, &mut words.sorted_b);
                sort_words(chars_a, &mut words.words_a, sorted_a);
                sort_words(chars_b, &mut words.words_b, sorted_b);
                if let Some(score) = similarity(sorted_a, sorted_b, self.suggest, row)
                    && differ_by_spelling(chars_a, chars_b, words)
                {
                    verdicts.moved.push((score, a, b));
                }
                return;
            };
            if !differ_by_spelling(chars_a, chars_b, words) {
                return;
            }
            if score >= self.fuzzy {
                verdicts.links.push((score, a, b));
            } else if score >= self.suggest {
                verdicts.close.push((score, a, b));
            }
        } else if meta_a.script.is_cross_script_pair(meta_b.script) {
            if self.skeletons[a].is_empty() || self.skeletons[b].is_empty() {
                return;
            }
            decode(&self.skeletons[a], chars_a);
            decode(&self.skeletons[b], chars_b);
            if let Some(score) = similarity(chars_a, chars_b, self.suggest, row)
                && differ_by_spelling(chars_a, chars_b, words)
            {
                verdicts.cross.push((score, a, b));
            }
        }
    }
}

/// Where each word of `text` (separated by spaces, as normalised names
/// are) starts and ends, into `into`.
fn word_places(text: &[char], into: &mut Vec<(usize, usize)>) {
    into.clear();
    let mut start = 0;
    for (i, &c) in text
        .iter()
        .enumerate()
        .chain(std::iter::once((text.len(), &' ')))
    {
        if c == ' ' {
            if i > start {
                into.push((start, i));
            }
            start = i + 1;
        }
    }
}

/// The words of `text` (separated by spaces, as normalised names are)
/// sorted and joined by a space, into `into`; `words` is reused for their
/// places (this runs for most candidate pairs).
fn sort_words(text: &[char], words: &mut Vec<(usize, usize)>, into: &mut Vec<char>) {
    word_places(text, words);
    words.sort_unstable_by(|&(sx, ex), &(sy, ey)| text[sx..ex].cmp(&text[sy..ey]));
    into.clear();
    for (k, &(start, end)) in words.iter().enumerate() {
        if k > 0 {
            into.push(' ');
        }
        into.extend_from_slice(&text[start..end]);
    }
}

/// Normalised Levenshtein similarity, 1 - distance / length of the longer:
/// the same figure as `strsim::normalized_levenshtein`, computed over
/// characters decoded once and with one reused row, because linking makes
/// millions of comparisons (strsim decodes and allocates on each).
///
/// Pairs that cannot reach `floor` are cut short (their exact score is not
/// needed; `None`).
fn similarity(a: &[char], b: &[char], floor: f64, row: &mut Vec<usize>) -> Option<f64> {
    let longest = a.len().max(b.len());
    if longest == 0 {
        return Some(1.0);
    }
    // The largest distance that still scores at least `floor`.
    let allowed = ((1.0 - floor) * longest as f64 + 1e-9).floor() as usize;
    let distance = bounded_distance(a, b, allowed, row)?;
    let score = 1.0 - distance as f64 / longest as f64;
    (score >= floor).then_some(score)
}

/// The Levenshtein distance of `a` and `b` if it is at most `allowed`, else
/// `None`. Cut short first by a character-bag bound, then as soon as every
/// cell of a row is beyond `allowed`.
fn bounded_distance(a: &[char], b: &[char], allowed: usize, row: &mut Vec<usize>) -> Option<usize> {
    // A shared prefix or suffix costs no edits: strip it, and the distance
    // of what remains is the distance of the whole (exact, and names that
    // differ in one word of a long shared frame compare in a few steps).
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    if a.len().abs_diff(b.len()) > allowed || bag_distance(a, b) > allowed {
        return None;
    }
    row.clear();
    row.extend(1..=b.len());
    let mut result = b.len();
    for (i, x) in a.iter().enumerate() {
        result = i + 1;
        let mut diagonal = i;
        let mut row_min = result;
        for (j, y) in b.iter().enumerate() {
            let substitute = diagonal + usize::from(x != y);
            diagonal = row[j];
            result = (result + 1).min(substitute).min(diagonal + 1);
            row[j] = result;
            row_min = row_min.min(result);
        }
        if row_min > allowed {
            return None;
        }
    }
    (result <= allowed).then_some(result)
}

/// Reused buffers of [`differ_by_spelling`].
#[derive(Default)]
struct WordScratch {
    words_a: Vec<(usize, usize)>,
    words_b: Vec<(usize, usize)>,
    common_a: Vec<bool>,
    common_b: Vec<bool>,
    rest_a: Vec<char>,
    rest_b: Vec<char>,
    row: Vec<usize>,
    /// For [`sort_words`], kept apart from what [`differ_by_spelling`] uses.
    sorted_a: Vec<char>,
    sorted_b: Vec<char>,
}

/// Whether the words two names do not share are spellings of each other,
/// so that the names may be one thing written two ways.
///
/// The words both names hold (as a multiset, wherever they stand) are set
/// aside; what is left of each name, its words in order joined by a space,
/// must be within one Levenshtein edit per [`VARIANT_CHARS_PER_EDIT`]
/// characters of the longer rest. "artillery deal with Israel" / "artilery
/// deal with Israel" leave "artillery" / "artilery" (1 edit in 9: a
/// variant); "Barak deal" / "Baraq deal" and "drone factory" / "drone
/// factories" (3 edits in 9) pass too. "naval deal with Israel" / "naval
/// deal with Isvigan" leave "israel" / "isvigan" (4 edits in 7): a different
/// proper noun, so a different thing, however close the whole names score.
/// A name holding a whole extra word ("Iron Dome" / "Iron Dome battery")
/// leaves an empty rest against a word: not a variant either. Equal word
/// multisets (the same words reordered) are variants.
fn differ_by_spelling(a: &[char], b: &[char], scratch: &mut WordScratch) -> bool {
    fn join(
        text: &[char],
        words: &[(usize, usize)],
        keep: impl Fn(usize) -> bool,
        into: &mut Vec<char>,
    ) {
        into.clear();
        for (k, &(start, end)) in words.iter().enumerate() {
            if keep(k) {
                if !into.is_empty() {
                    into.push(' ');
                }
                into.extend_from_slice(&text[start..end]);
            }
        }
    }
    let WordScratch {
        words_a,
        words_b,
        common_a,
        common_b,
        rest_a,
        rest_b,
        row,
        ..
    } = scratch;
    word_places(a, words_a);
    word_places(b, words_b);
    common_a.clear();
    common_a.resize(words_a.len(), false);
    common_b.clear();
    common_b.resize(words_b.len(), false);
    for (k, &(sa, ea)) in words_a.iter().enumerate() {
        let word = &a[sa..ea];
        let twin = (0..words_b.len()).find(|&m| {
            let (sb, eb) = words_b[m];
            !common_b[m] && &b[sb..eb] == word
        });
        if let Some(m) = twin {
            common_a[k] = true;
            common_b[m] = true;
        }
    }
    join(a, words_a, |k| !common_a[k], rest_a);
    join(b, words_b, |m| !common_b[m], rest_b);
    let longest = rest_a.len().max(rest_b.len());
    bounded_distance(rest_a, rest_b, longest / VARIANT_CHARS_PER_EDIT, row).is_some()
}

/// A lower bound of the Levenshtein distance: each edit changes the
/// multiset of characters by at most one in each direction. Characters are
/// counted in 64 buckets; sharing a bucket only lowers the bound.
fn bag_distance(a: &[char], b: &[char]) -> usize {
    let mut counts = [0i32; 64];
    for &c in a {
        counts[(c as usize) % 64] += 1;
    }
    for &c in b {
        counts[(c as usize) % 64] -= 1;
    }
    let (mut surplus, mut deficit) = (0usize, 0usize);
    for count in counts {
        if count > 0 {
            surplus += count.unsigned_abs() as usize;
        } else {
            deficit += count.unsigned_abs() as usize;
        }
    }
    surplus.max(deficit)
}

/// The registry's `distinct` pairs, as atoms and as written.
struct DistinctPairs<'a> {
    atoms: &'a [(usize, usize)],
    texts: &'a HashMap<(usize, usize), (String, String)>,
}

fn assemble(
    atoms: &[Atom],
    registry: &Registry,
    components: &mut Components,
    made: Vec<Join>,
    refused: Vec<(Join, Refusal)>,
    scored: &Scored,
    distinct: DistinctPairs<'_>,
) -> (Linking, Vec<Option<usize>>) {
    let DistinctPairs {
        atoms: distinct,
        texts: distinct_texts,
    } = distinct;
    let roots: Vec<usize> = (0..atoms.len()).map(|i| components.find(i)).collect();
    // The atoms of each component, components by root, atoms in order: a
    // counting sort by root (linear; a map of vectors allocates per atom).
    let mut starts = vec![0usize; atoms.len() + 1];
    for &root in &roots {
        starts[root + 1] += 1;
    }
    for i in 0..atoms.len() {
        starts[i + 1] += starts[i];
    }
    let mut next = starts.clone();
    let mut by_root = vec![0usize; atoms.len()];
    for (atom, &root) in roots.iter().enumerate() {
        by_root[next[root]] = atom;
        next[root] += 1;
    }

    // Components some claim uses become canonical subjects; `subject_of_root`
    // first holds the index of the subject in the order made, then (below)
    // in the sorted list.
    let mut subject_of_root: Vec<Option<usize>> = vec![None; atoms.len()];
    let mut subjects: Vec<CanonicalSubject> = Vec::new();
    for root in 0..atoms.len() {
        let atom_ids = &by_root[starts[root]..starts[root + 1]];
        if atom_ids.is_empty() {
            continue;
        }
        let used = atom_ids
            .iter()
            .any(|&i| !atoms[i].claim_spellings.is_empty());
        if !used {
            continue;
        }
        let entry = atom_ids.iter().find_map(|&i| atoms[i].entry);
        let mut names: BTreeMap<&str, usize> = BTreeMap::new();
        for &i in atom_ids {
            for (spelling, count) in &atoms[i].claim_spellings {
                *names.entry(spelling).or_default() += count;
            }
            if let Some(spelling) = &atoms[i].registry_spelling {
                names.entry(spelling).or_default();
            }
        }
        let (name, from_registry) = match entry.and_then(|e| registry.subjects.get(e)) {
            Some(entry) => (entry.name.clone(), true),
            None => {
                let claim_names = atom_ids
                    .iter()
                    .flat_map(|&i| &atoms[i].claim_spellings)
                    .map(|(s, _)| (s.as_str(), names.get(s.as_str()).copied().unwrap_or(0)));
                (most_common(claim_names).unwrap_or("").to_string(), false)
            }
        };
        subject_of_root[root] = Some(subjects.len());
        subjects.push(CanonicalSubject {
            name,
            from_registry,
            names: names
                .into_iter()
                .map(|(spelling, claims)| SubjectName {
                    spelling: spelling.to_string(),
                    claims,
                })
                .collect(),
        });
    }
    let names: Vec<&str> = subjects.iter().map(|s| s.name.as_str()).collect();
    let order = sorted_order(&names);
    let mut position = vec![0usize; subjects.len()];
    for (sorted, &made) in order.iter().enumerate() {
        position[made] = sorted;
    }
    let mut slots: Vec<Option<CanonicalSubject>> = subjects.into_iter().map(Some).collect();
    let subjects: Vec<CanonicalSubject> = order.iter().filter_map(|&i| slots[i].take()).collect();
    for slot in &mut subject_of_root {
        *slot = slot.map(|made| position[made]);
    }
    let subject_index = subject_of_root;
    let subject_of_root: Vec<Option<&str>> = subject_index
        .iter()
        .map(|slot| slot.map(|i| subjects[i].name.as_str()))
        .collect();
    // Atoms are sorted by key: `by_key` is too, for a binary search.
    let by_key: Vec<(String, usize)> = roots
        .iter()
        .enumerate()
        .filter_map(|(atom, &root)| Some((atoms[atom].key.clone(), subject_index[root]?)))
        .collect();

    let mut links = Vec::new();
    for (atom, root) in roots.iter().enumerate() {
        let Some(subject) = subject_of_root[*root] else {
            continue;
        };
        let representative = atoms[atom].representative();
        for (spelling, _) in &atoms[atom].claim_spellings {
            if spelling != representative {
                links.push(NameLink {
                    subject: subject.to_string(),
                    a: spelling.clone(),
                    b: representative.to_string(),
                    reason: LinkReason::EqualAfterNormalisation,
                });
            }
        }
    }
    for join in made {
        if let Some(subject) = subject_of_root[roots[join.a]] {
            links.push(NameLink {
                subject: subject.to_string(),
                a: atoms[join.a].representative().to_string(),
                b: atoms[join.b].representative().to_string(),
                reason: join.reason,
            });
        }
    }
    links.sort_by(|x, y| (&x.subject, &x.a, &x.b).cmp(&(&y.subject, &y.a, &y.b)));

    let mut vetoes: Vec<VetoedLink> = refused
        .into_iter()
        .map(|(join, refusal)| {
            let veto = match refusal {
                Refusal::Distinct(x, y) => {
                    let (a, b) = distinct_texts.get(&(x, y)).cloned().unwrap_or_else(|| {
                        (
                            atoms[x].representative().to_string(),
                            atoms[y].representative().to_string(),
                        )
                    });
                    Veto::Distinct { a, b }
                }
                Refusal::DifferentEntries(x, y) => {
                    let name = |e: usize| registry.subjects.get(e).map_or("", |e| &e.name);
                    Veto::DifferentEntries {
                        a: name(x).to_string(),
                        b: name(y).to_string(),
                    }
                }
            };
            VetoedLink {
                a: atoms[join.a].representative().to_string(),
                b: atoms[join.b].representative().to_string(),
                reason: join.reason,
                veto,
            }
        })
        .collect();
    vetoes.sort_by(|x, y| (&x.a, &x.b).cmp(&(&y.a, &y.b)));

    let subject_name = |atom: usize| {
        subject_of_root[roots[atom]]
            .unwrap_or_else(|| atoms[atom].representative())
            .to_string()
    };
    let mut suggestions = Vec::new();
    let close = scored.close.iter().map(|&(score, a, b)| {
        (
            a,
            b,
            SuggestionKind::CloseName {
                measure: MEASURE,
                score,
            },
        )
    });
    let moved = scored
        .moved
        .iter()
        .map(|&(score, a, b)| (a, b, SuggestionKind::WordsMoved { score }));
    let cross = scored.cross.iter().map(|&(score, a, b)| {
        let kind = SuggestionKind::CrossScript {
            skeleton_a: scored.skeletons[a].clone(),
            skeleton_b: scored.skeletons[b].clone(),
            score,
        };
        (a, b, kind)
    });
    let initials = scored
        .ambiguous
        .iter()
        .map(|&(a, b)| (a, b, SuggestionKind::AmbiguousInitials));
    // Pairs the registry lists as distinct (rejected suggestions) are
    // decided: never suggested again, whichever of their names is listed.
    let decided: std::collections::HashSet<(usize, usize)> = distinct
        .iter()
        .map(|&(x, y)| (roots[x].min(roots[y]), roots[x].max(roots[y])))
        .collect();
    let mut seen = std::collections::HashSet::new();
    for (a, b, kind) in close.chain(moved).chain(cross).chain(initials) {
        let (ra, rb) = (roots[a], roots[b]);
        if ra == rb || decided.contains(&(ra.min(rb), ra.max(rb))) {
            continue;
        }
        let id = suggestion_id(&atoms[a].key, &atoms[b].key);
        if !seen.insert(id.clone()) {
            continue;
        }
        suggestions.push(Suggestion {
            id,
            a: atoms[a].representative().to_string(),
            b: atoms[b].representative().to_string(),
            subject_a: subject_name(a),
            subject_b: subject_name(b),
            differing: differing_words(&atoms[a].key, &atoms[b].key),
            kind,
        });
    }
    suggestions.sort_by(|x, y| (&x.a, &x.b).cmp(&(&y.a, &y.b)));

    let atom_subjects = roots.iter().map(|&root| subject_index[root]).collect();
    (
        Linking {
            subjects,
            links,
            suggestions,
            vetoes,
            by_key,
        },
        atom_subjects,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differing_words_must_be_spellings_of_each_other() {
        let mut scratch = WordScratch::default();
        let mut variants = |a: &str, b: &str| {
            let chars = |s: &str| s.chars().collect::<Vec<char>>();
            differ_by_spelling(&chars(a), &chars(b), &mut scratch)
        };
        assert!(variants("barak deal", "baraq deal"));
        assert!(variants("gantz visit", "ganz visit"));
        assert!(variants("drone factory", "drone factories"));
        assert!(variants("air defence deal", "airdefence deal"));
        assert!(variants("deal with israel", "israel deal with"));
        assert!(variants("same", "same"));
        assert!(!variants(
            "naval deal with israel",
            "naval deal with isvigan"
        ));
        assert!(!variants("heron deal", "hermes deal"));
        assert!(!variants("iron dome", "iron dome battery"));
        // Two misspelt words are judged together, one proper noun apart is not.
        assert!(variants("artillery deal israel", "artilery deal isreal"));
        assert!(!variants("artillery deal israel", "artilery deal isvigan"));
    }

    #[test]
    fn similarity_agrees_with_strsim() {
        let mut row = Vec::new();
        for (a, b) in [
            ("artillery deal", "artilery deal"),
            ("kitten", "sitting"),
            ("", "abc"),
            ("صفقه باراك", "صفقه براك"),
            ("abcxyzdef", "abcdef"),
            ("same", "same"),
            ("prefix only", "prefix"),
        ] {
            let chars = |s: &str| s.chars().collect::<Vec<char>>();
            let expected = strsim::normalized_levenshtein(a, b);
            let ours = similarity(&chars(a), &chars(b), 0.0, &mut row);
            assert_eq!(ours, Some(expected), "{a} / {b}");
            // Cut short only below the floor.
            let cut = similarity(&chars(a), &chars(b), expected + 0.01, &mut row);
            assert_eq!(cut, None, "{a} / {b}");
            let kept = similarity(&chars(a), &chars(b), expected, &mut row);
            assert_eq!(kept, Some(expected), "{a} / {b}");
        }
    }
}
