//! # Texts
//!
//! ## What it checks
//!
//! Two text claims (`Barak 8`, `Tel Aviv`) about one subject and attribute.
//! Texts equal after name normalisation (`text::normalize::normalize_name`:
//! case, punctuation, Arabic letter forms) agree. Texts that are one name
//! in another form under the linking rules (`link::rules::value_rule_between`:
//! the same words in another order, any word moving, an article or stop word of the name's language, an
//! initial for a whole given name: "Knuth, Donald E." / "Donald E. Knuth" /
//! "D. E. Knuth") are a naming variant, as are aliases of one entry of the
//! registry's `values`. An Arabic and a Latin text whose consonant
//! skeletons are close (`link::skeleton`: "Benslimane" and "بنسليمان" both
//! read `bnslmn`), with no registry entry telling them apart, are
//! incomparable: maybe one name in two scripts, which only the registry can
//! say. Any other two texts contradict.
//!
//! ## Why it matters
//!
//! One weapon system is "Barak MX", "Barak 8" and "باراك" in three
//! articles: reporting that as a contradiction would bury the real ones.
//! The registry says which names are one thing, and the report shows that it
//! relied on it; without an entry, two different names are a disagreement a
//! curator must look at. A town written "Benslimane" in an English article
//! and "بنسليمان" in an Arabic one is the commonest case of a bilingual
//! story: calling it a contradiction would be false, calling it agreement a
//! guess the checker cannot make (skeletons are coarse: "Ali Hassan" and
//! "علي حسين", Ali Hussein, share one). So the pair is shown as
//! incomparable, with both skeletons, until a `values` entry decides.
//!
//! ## Example
//!
//! ```text
//! registry values: { "name": "Barak MX", "aliases": ["Barak 8"] }
//! a/system  "Barak 8"
//! b/system  "Barak MX"   => naming-variant (both name "Barak MX")
//! c/system  "Spyder"     => contradiction with a and b
//! d/place   "Benslimane"
//! e/place   "بنسليمان"    => incomparable (skeletons "bnslmn" and "bnslmn")
//! ```

use super::sets::{MemberName, is_place_qualifier, is_title};
use super::{
    Check, CheckCode, CheckContext, ClaimFacts, ClaimGroup, PairComparison, Reason, ReasonCode,
    ValueNames, Verdict, VerdictSink, comparison, pairs_among, quoted,
};
use crate::link::rules::{NameRule, ValueName, value_rule_between, without_articles};
use crate::link::skeleton::{
    Script, a_word_gains_a_vowel, digit_runs, latin_consonants, latin_consonants_run_together,
    skeleton,
};
use crate::value::{Denotation, ValueKind};

pub const CHECK: Check = Check {
    code: CheckCode::Texts,
    run,
};

fn run(group: &ClaimGroup<'_>, context: &CheckContext<'_>, sink: &mut VerdictSink) {
    let claims = group.of_kind(ValueKind::Text);
    // Each text normalised and looked up once, not once per pair.
    let names: Vec<Name> = claims
        .iter()
        .map(|claim| Name::of(text_of(claim), context.names))
        .collect();
    let threshold = context.names.cross_script_threshold();
    for (i, j) in pairs_among(&claims) {
        sink.pair(compare(
            claims[i], &names[i], claims[j], &names[j], threshold,
        ));
    }
}

fn text_of<'a>(claim: &'a ClaimFacts<'a>) -> &'a str {
    match &claim.denotation {
        Ok(Denotation::Text(text)) => text,
        _ => claim.written(),
    }
}

/// A text as compared: its normalised form, its key under the linking
/// rules, its registry entry, and its script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    normalized: String,
    form: ValueName,
    entry: Option<String>,
    script: Script,
    /// Its words, for precision ([`MemberName`]).
    words: MemberName,
    /// `normalized` without its Arabic article ([`without_articles`]), as
    /// transliterations are compared; `None` when it has none.
    bare: Option<String>,
}

impl Name {
    pub fn of(text: &str, names: &dyn ValueNames) -> Name {
        let normalized = names.normalize(text);
        let entry = names.entry_of(text);
        let bare = without_articles(text, &|t| names.normalize(t));
        Name {
            bare: (bare != normalized).then_some(bare),
            script: Script::of(&normalized),
            words: match entry {
                Some(_) => MemberName::of_read(None, entry.as_deref(), names),
                None => {
                    MemberName::of_read(Some(&normalized), None, names).with_family(text, names)
                }
            },
            normalized,
            form: ValueName::of(text),
            entry,
        }
    }

    /// Whether this name may be `fuller` written less fully
    /// ([`MemberName::allows`]): every word of it is in `fuller`.
    pub fn allows(&self, fuller: &Name) -> bool {
        self.words.allows(&fuller.words)
    }

    /// Whether one names the other less fully (a title, an initial, or a
    /// first or middle name left out), as set members are read. (A given
    /// name shortened is asked before, with its own reason.)
    fn named_less_fully(&self, other: &Name) -> bool {
        self.words.named_less_fully(&other.words)
    }

    /// The consonants both names keep, when they are Latin names that
    /// differ only in their vowels and doubled letters
    /// ([`latin_consonants`]: `Mohammed bin Salman`, `Muhammad bin
    /// Salman`), or in where they split their words
    /// ([`latin_consonants_run_together`]: `Abdul Hamid Dbeibah`,
    /// `Abdulhamid Dbeiba`). Arabic and Hebrew names are transliterated so in many
    /// ways that such a pair is no evidence of two people; nor is it of
    /// one (`Hassan`, `Hussein`), so only the registry decides.
    fn transliterated(&self, other: &Name) -> Option<String> {
        if self.script != Script::Latin || other.script != Script::Latin {
            return None;
        }
        // With or without the article (`al-Gaddafi`, `Qaddafi`).
        let (x, y) = (self.bare(), other.bare());
        let consonants = latin_consonants(x)?;
        if latin_consonants(y)? == consonants {
            return Some(consonants);
        }
        let run_together = latin_consonants_run_together(x)?;
        (latin_consonants_run_together(y)? == run_together).then_some(run_together)
    }

    /// The name without its Arabic article, else as normalised.
    fn bare(&self) -> &str {
        self.bare.as_deref().unwrap_or(&self.normalized)
    }

    /// How `self` and `other` may be one name when neither the whole
    /// consonants nor the whole skeletons match: titles and articles left
    /// out, the words of the name with fewer pair up with distinct words
    /// of the other, which has at most one word more, by their consonants
    /// (two Latin names: `Professor Qais Said`, `Kais Saied`; `Karoui`,
    /// `Nabil Karaoui`) or their skeletons (an Arabic and a Latin name:
    /// `Karoui`, `نبيل القروي`), as a name written less fully pairs up by
    /// its words ([`MemberName::allows`]).
    fn spellings_pair_up(&self, other: &Name) -> Option<NameRelation> {
        let scripts = [self.script, other.script];
        if scripts == [Script::Latin, Script::Latin] {
            let (x, y) = self.words_pair_up(other, latin_consonants)?;
            return Some(NameRelation::TransliteratedInPart(x, y));
        }
        if !scripts.contains(&Script::Arabic) || !scripts.contains(&Script::Latin) {
            return None;
        }
        let word_skeleton = |word: &str| Some(skeleton(word)).filter(|s| !s.is_empty());
        let (x, y) = self.words_pair_up(other, word_skeleton)?;
        Some(NameRelation::OtherScript(x, y))
    }

    /// Both names' word keys (by `key`; `None` when a word has none), when
    /// the keys of the name with fewer words are keys of distinct words of
    /// the other, which has at most one word more, not a place qualifier
    /// (`Sudan` is not `South Sudan` written less fully); titles and
    /// articles left out.
    fn words_pair_up(
        &self,
        other: &Name,
        key: impl Fn(&str) -> Option<String>,
    ) -> Option<(String, String)> {
        let keys = |name: &Name| -> Option<Vec<(String, String)>> {
            name.bare()
                .split(' ')
                .filter(|word| !word.is_empty() && !is_title(word))
                .map(|word| Some((key(word)?, word.to_owned())))
                .collect()
        };
        let (xs, ys) = (keys(self)?, keys(other)?);
        let (fewer, more) = if xs.len() <= ys.len() {
            (&xs, &ys)
        } else {
            (&ys, &xs)
        };
        if fewer.is_empty() || more.len() > fewer.len() + 1 {
            return None;
        }
        let mut unpaired = more.clone();
        for (word_key, _) in fewer {
            let at = unpaired.iter().position(|(other, _)| other == word_key)?;
            unpaired.remove(at);
        }
        if unpaired.iter().any(|(_, word)| is_place_qualifier(word)) {
            return None;
        }
        let joined = |keys: &[(String, String)]| {
            keys.iter()
                .map(|(k, _)| k.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        Some((joined(&xs), joined(&ys)))
    }

    /// Both consonant skeletons, when `self` and `other` are an Arabic and
    /// a Latin name whose skeletons (with the same digits) are at least
    /// `threshold` similar (normalised Levenshtein, as linking scores
    /// cross-script subject names).
    fn skeletons_across_scripts(&self, other: &Name, threshold: f64) -> Option<(String, String)> {
        let scripts = [self.script, other.script];
        if !scripts.contains(&Script::Arabic) || !scripts.contains(&Script::Latin) {
            return None;
        }
        // Names that differ in their digits are never one name, as in
        // linking (`digit_runs`).
        if digit_runs(&self.normalized) != digit_runs(&other.normalized) {
            return None;
        }
        // Also with the words run together: a compound is one word or two
        // in either script (`عبد الحميد`, `Abdulhamid`, `Abdul Hamid`).
        let joined = |s: &str| s.replace(' ', "");
        let close = |x: &str, y: &str| {
            !x.is_empty()
                && (strsim::normalized_levenshtein(x, y) >= threshold
                    || strsim::normalized_levenshtein(&joined(x), &joined(y)) >= threshold)
        };
        let (x, y) = (skeleton(&self.normalized), skeleton(&other.normalized));
        if close(&x, &y) {
            return Some((x, y));
        }
        // The article is written in one script and not the other (`معمر
        // القذافي`, `Muammar Gaddafi`), or written differently.
        let (x, y) = (skeleton(self.bare()), skeleton(other.bare()));
        close(&x, &y).then_some((x, y))
    }
}

/// How two names relate, as the checker reads them; what both the verdict
/// on two text claims ([`compare`]) and the consensus on a fact of texts
/// ([`crate::consensus::candidates`]) are made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameRelation {
    /// Equal after normalisation.
    Same,
    /// One name in another form under the linking rules.
    OtherForm(NameRule),
    /// Names of one registry `values` entry, the entry.
    RegistryAlias(String),
    /// An Arabic and a Latin name with close consonant skeletons, both.
    OtherScript(String, String),
    /// A given name shortened on one side, neither more precise.
    Shortened,
    /// One names the other less fully.
    LessFully,
    /// Latin names with the same consonants, as transliterations are read.
    Transliterated(String),
    /// Latin names whose words pair up by their consonants, titles and
    /// articles left out, one perhaps with a word more: both names' keys.
    TransliteratedInPart(String, String),
    /// Two names.
    Different,
}

impl NameRelation {
    /// Whether the two are one name (a naming variant or the same).
    pub fn is_one_name(&self) -> bool {
        matches!(
            self,
            NameRelation::Same | NameRelation::OtherForm(_) | NameRelation::RegistryAlias(_)
        )
    }

    /// Whether the two may be one name written two ways, neither more
    /// precise than the other: only the registry can say.
    pub fn is_maybe_one_name(&self) -> bool {
        matches!(
            self,
            NameRelation::Shortened
                | NameRelation::OtherScript(..)
                | NameRelation::Transliterated(_)
                | NameRelation::TransliteratedInPart(..)
        )
    }
}

/// How `x` (written `x_text`) and `y` relate, given the skeleton
/// similarity from which names in two scripts may be one.
pub fn relate(
    x_text: &str,
    x: &Name,
    y_text: &str,
    y: &Name,
    cross_script_threshold: f64,
) -> NameRelation {
    if x.normalized == y.normalized {
        return NameRelation::Same;
    }
    // Two different registry entries are two things, whatever their form.
    let other_entries = matches!((&x.entry, &y.entry), (Some(ex), Some(ey)) if ex != ey);
    // The rule is worded only for the few pairs that are one name.
    let rule = if other_entries || !x.form.same_as(&y.form) {
        None
    } else {
        value_rule_between(x_text, y_text)
    };
    if let Some(rule) = rule.filter(|&r| r != NameRule::Normalisation) {
        return NameRelation::OtherForm(rule);
    }
    match (&x.entry, &y.entry) {
        (Some(ex), Some(ey)) if ex == ey => NameRelation::RegistryAlias(ex.clone()),
        (Some(_), Some(_)) => NameRelation::Different,
        _ => match x.skeletons_across_scripts(y, cross_script_threshold) {
            Some((sx, sy)) => NameRelation::OtherScript(sx, sy),
            None if x.words.shortens(&y.words) => NameRelation::Shortened,
            None if x.named_less_fully(y) => NameRelation::LessFully,
            // Whatever their consonants, a word with a vowel more makes
            // another name (`Samir`, `Samira`).
            None if a_word_gains_a_vowel(x.bare(), y.bare()) => NameRelation::Different,
            None => match x.transliterated(y) {
                Some(consonants) => NameRelation::Transliterated(consonants),
                None => x.spellings_pair_up(y).unwrap_or(NameRelation::Different),
            },
        },
    }
}

/// The verdict on two text claims (`a.id < b.id`), given their names and
/// the skeleton similarity from which names in two scripts may be one.
pub fn compare(
    a: &ClaimFacts,
    x: &Name,
    b: &ClaimFacts,
    y: &Name,
    cross_script_threshold: f64,
) -> PairComparison {
    let pair = |verdict, code, reason| comparison(a, b, CHECK.code, verdict, None, code, reason);
    // The reason's words after "'a' and 'b'".
    let both = |words: &str| Reason::text(format!("{} and {} {words}", quoted(a), quoted(b)));
    match relate(text_of(a), x, text_of(b), y, cross_script_threshold) {
        NameRelation::Same => pair(
            Verdict::Agreement,
            ReasonCode::SameName,
            Reason::Both("are the same name"),
        ),
        NameRelation::OtherForm(rule) => pair(
            Verdict::NamingVariant,
            ReasonCode::OtherFormOfName,
            both(&format!(
                "are one name written two ways ({})",
                rule.describe()
            )),
        ),
        NameRelation::RegistryAlias(entry) => pair(
            Verdict::NamingVariant,
            ReasonCode::RegistryAlias,
            both(&format!("are names of one registry entry, '{entry}'")),
        ),
        NameRelation::OtherScript(sx, sy) => pair(
            Verdict::Incomparable,
            ReasonCode::OtherScript,
            both(&format!(
                "are written in two scripts and may be one name (consonant skeletons '{sx}' and '{sy}'): a registry `values` entry listing both would make them one"
            )),
        ),
        NameRelation::Shortened => pair(
            Verdict::Compatible,
            ReasonCode::NamedLessFully,
            both("may be one name, a given name shortened in one"),
        ),
        NameRelation::LessFully => pair(
            Verdict::Compatible,
            ReasonCode::NamedLessFully,
            both(
                "may be one name, one written less fully (a title, an initial, or a first or middle name left out)",
            ),
        ),
        NameRelation::Transliterated(consonants) => pair(
            Verdict::Incomparable,
            ReasonCode::Transliterated,
            both(&format!(
                "have the same consonants, as transliterations are read ('{consonants}'): one name spelt or transliterated two ways, or two names that differ in their vowels; a registry `values` entry listing both would make them one, two entries two"
            )),
        ),
        NameRelation::TransliteratedInPart(kx, ky) => pair(
            Verdict::Incomparable,
            ReasonCode::Transliterated,
            both(&format!(
                "pair up word for word by their consonants, as transliterations are read, titles and articles left out and one word perhaps left out ('{kx}' and '{ky}'): one name spelt or transliterated two ways, or two names; a registry `values` entry listing both would make them one, two entries two"
            )),
        ),
        NameRelation::Different => different_names(a, b),
    }
}

/// Two texts that are not one name: a contradiction.
fn different_names(a: &ClaimFacts, b: &ClaimFacts) -> PairComparison {
    comparison(
        a,
        b,
        CHECK.code,
        Verdict::Contradiction,
        None,
        ReasonCode::DifferentNames,
        Reason::Both(
            "are different names, not aliases of one registry entry: they cannot both be true",
        ),
    )
}
