//! The rules under which two names cannot denote different things, each
//! stated in one sentence. Subject linking and the comparison of value names
//! (authors, systems, people) both use them, so a name is one name in the
//! same way everywhere.
//!
//! 1. **Equal after normalisation**: case, punctuation, white space, Latin
//!    diacritics and Arabic letter forms folded ([`normalize_name`]).
//! 2. **Same words in another order**: the same multiset of words
//!    ("Knuth, Donald E." / "Donald E. Knuth").
//! 3. **An article or stop word added or removed**, where it is one of the
//!    name's language: English `the`, `of`, `and`; the Arabic article `ال`
//!    written on an Arabic word; and its transliteration `al-` / `el-`
//!    *joined by a hyphen* ("al-Qaeda" / "Qaeda"). A separate Latin `el`,
//!    `la`, `los`, `le`, `al` ... is part of the proper name: in Spanish,
//!    French or Italian place names the article is part of the name ("El
//!    Lago, Texas" and "Lago, Texas" are two towns), and "Al Gore" is not
//!    "Gore".
//! 4. **An initial for a whole given name**: the words two names do not
//!    share are single letters on one side, each the first letter of a word
//!    on the other, and they share at least one word of two or more letters
//!    ("D. E. Knuth" / "Donald E. Knuth"); a lone extra initial is allowed
//!    too ("Donald Knuth" / "Donald E. Knuth"). This rule is not transitive
//!    ("D. Knuth" fits "Donald Knuth" and "David Knuth"), so subject linking
//!    applies it only where the initialled name fits exactly one subject.
//!
//! Rules 1-3 are equalities of a key ([`name_key`]), so many names are
//! grouped by hashing, never by comparing pairs.

use crate::text::normalize::normalize_name;

/// English words whose presence does not change what a name denotes.
const STOP_WORDS: &[&str] = &["the", "of", "and"];

/// How two names are one name, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NameRule {
    /// Equal after [`normalize_name`].
    Normalisation,
    /// The same words in another order.
    WordOrder,
    /// An article or stop word of the name's language added or removed.
    ArticleOrStopWord,
    /// An initial for a whole given name (or an extra initial).
    Initials,
}

impl NameRule {
    /// The rule as a clause of a sentence ("... are one name: ...").
    pub fn describe(self) -> &'static str {
        match self {
            NameRule::Normalisation => "equal after normalisation",
            NameRule::WordOrder => "the same words in another order",
            NameRule::ArticleOrStopWord => "an article or stop word added or removed",
            NameRule::Initials => "an initial for a whole given name",
        }
    }
}

/// The key two names share exactly when rules 1-3 make them one name: the
/// words of the normalised name without its droppable articles and stop
/// words, sorted, joined by one space. Digits are words like any other, so
/// names that differ in digits never share a key.
pub fn name_key(name: &str) -> String {
    let folded = normalize_name(&drop_hyphenated_articles(name));
    key_of_folded(&folded)
}

/// [`name_key`] of a name already folded by [`normalize_name`] and without
/// hyphenated articles.
fn key_of_folded(folded: &str) -> String {
    let words: Vec<&str> = folded
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(strip_arabic_article)
        .collect();
    let mut kept: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !STOP_WORDS.contains(w))
        .collect();
    if kept.is_empty() {
        kept = words;
    }
    kept.sort_unstable();
    kept.join(" ")
}

/// The words of a folded name sorted: equal for names that differ only in
/// order (rule 2), used to tell rule 2 from rule 3 in a reason.
fn sorted_words(folded: &str) -> Vec<&str> {
    let mut words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    words.sort_unstable();
    words
}

/// The strongest rule that makes `a` and `b` one name, if any.
pub fn rule_between(a: &str, b: &str) -> Option<NameRule> {
    let (fa, fb) = (normalize_name(a), normalize_name(b));
    if fa == fb {
        return Some(NameRule::Normalisation);
    }
    if sorted_words(&fa) == sorted_words(&fb) {
        return Some(NameRule::WordOrder);
    }
    let (ka, kb) = (name_key(a), name_key(b));
    if ka == kb {
        return Some(NameRule::ArticleOrStopWord);
    }
    initials_fit(&ka, &kb).then_some(NameRule::Initials)
}

/// Rule 4 on two keys: after setting aside the words both hold, every word
/// left on one side is a single letter, each either the initial of a
/// distinct word left on the other side or an extra initial; at least one
/// shared word has two or more letters; the names differ; and no digit is
/// left over.
pub fn initials_fit(a: &str, b: &str) -> bool {
    if a == b {
        return false;
    }
    let mut rest_a: Vec<&str> = a.split(' ').filter(|w| !w.is_empty()).collect();
    let mut rest_b: Vec<&str> = b.split(' ').filter(|w| !w.is_empty()).collect();
    let mut shared_full = false;
    rest_a.retain(|w| {
        if let Some(at) = rest_b.iter().position(|x| x == w) {
            rest_b.swap_remove(at);
            shared_full |= w.chars().count() >= 2;
            false
        } else {
            true
        }
    });
    if !shared_full || (rest_a.is_empty() && rest_b.is_empty()) {
        return false;
    }
    let words = |key: &str| key.split(' ').filter(|w| !w.is_empty()).count();
    let full_words = |key: &str| {
        key.split(' ')
            .filter(|w| w.chars().count() >= 2)
            .count()
    };
    if words(a) < 2 || words(b) < 2 {
        return false;
    }
    let is_initial = |w: &str| {
        let mut chars = w.chars();
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
    };
    // Full words left must each be matched by an initial of the other side;
    // initials left unmatched are extras.
    let (initials_a, full_a): (Vec<&str>, Vec<&str>) = rest_a.iter().partition(|w| is_initial(w));
    let (initials_b, full_b): (Vec<&str>, Vec<&str>) = rest_b.iter().partition(|w| is_initial(w));
    if !full_a.is_empty() && !full_b.is_empty() {
        return false;
    }
    // Each full word left is matched by an initial of the other side.
    let (mut initials, full, mut extras) = if full_a.is_empty() {
        (initials_a, full_b, initials_b)
    } else {
        (initials_b, full_a, initials_a)
    };
    for word in full {
        if word.chars().any(|c| c.is_numeric()) {
            return false;
        }
        let first = word.chars().next();
        match initials.iter().position(|i| i.chars().next() == first) {
            Some(at) => {
                initials.swap_remove(at);
            }
            None => return false,
        }
    }
    extras.append(&mut initials);
    // An extra initial only between names that both write out two words
    // ("Donald Knuth" / "Donald E. Knuth"), never against a one-word name
    // ("Plan" / "Plan A", "Washington" / "Washington D C").
    extras.is_empty() || (full_words(a) >= 2 && full_words(b) >= 2)
}

/// Whether a key holds an initial (a one-letter word): only such names take
/// part in rule 4.
pub fn has_initial(key: &str) -> bool {
    key.split(' ').any(|w| {
        let mut chars = w.chars();
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
    })
}

/// The words of `a` that `b` lacks and the words of `b` that `a` lacks (as
/// multisets, in their order), each joined by one space: what a curator
/// compares when judging a suggestion.
pub fn differing_words(a: &str, b: &str) -> (String, String) {
    let words_a: Vec<&str> = a.split(' ').filter(|w| !w.is_empty()).collect();
    let mut rest_b: Vec<&str> = b.split(' ').filter(|w| !w.is_empty()).collect();
    let mut only_a = Vec::new();
    for w in words_a {
        match rest_b.iter().position(|x| *x == w) {
            Some(at) => {
                rest_b.remove(at);
            }
            None => only_a.push(w),
        }
    }
    (only_a.join(" "), rest_b.join(" "))
}

/// Removes a transliterated Arabic article joined to its word by a hyphen
/// (`al-`, `el-`, any case, at the start of a word): "al-Qaeda" → "Qaeda".
/// A separate "el" or "al" is kept: see rule 3.
fn drop_hyphenated_articles(name: &str) -> std::borrow::Cow<'_, str> {
    let is_hyphen = |c: char| matches!(c, '-' | '\u{2010}' | '\u{2011}');
    let chars: Vec<(usize, char)> = name.char_indices().collect();
    let mut cut: Vec<(usize, usize)> = Vec::new();
    for i in 0..chars.len() {
        let starts_word = i == 0 || !chars[i - 1].1.is_alphanumeric();
        if !starts_word || i + 3 >= chars.len() {
            continue;
        }
        let (a, l, h, next) = (chars[i].1, chars[i + 1].1, chars[i + 2].1, chars[i + 3].1);
        if matches!(a, 'a' | 'A' | 'e' | 'E')
            && matches!(l, 'l' | 'L')
            && is_hyphen(h)
            && next.is_alphabetic()
        {
            cut.push((chars[i].0, chars[i + 3].0));
        }
    }
    if cut.is_empty() {
        return std::borrow::Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(name.len());
    let mut at = 0;
    for (start, end) in cut {
        out.push_str(&name[at..start]);
        at = end;
    }
    out.push_str(&name[at..]);
    std::borrow::Cow::Owned(out)
}

/// Strips "ال" from the start of an Arabic word while at least two letters
/// remain (so "الى" is not cut to one letter).
fn strip_arabic_article(mut word: &str) -> &str {
    while let Some(rest) = word.strip_prefix("ال") {
        if rest.chars().count() < 2 {
            break;
        }
        word = rest;
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_sentence_rules() {
        let rule = |a, b| rule_between(a, b);
        assert_eq!(
            rule("Barak-8 deal", "barak 8 DEAL"),
            Some(NameRule::Normalisation)
        );
        assert_eq!(
            rule("Knuth, Donald E.", "Donald E. Knuth"),
            Some(NameRule::WordOrder)
        );
        assert_eq!(
            rule(
                "People missing after Derna flood",
                "People missing after the Derna flood"
            ),
            Some(NameRule::ArticleOrStopWord)
        );
        assert_eq!(rule("al-Qaeda", "Qaeda"), Some(NameRule::ArticleOrStopWord));
        assert_eq!(rule("المغرب", "مغرب"), Some(NameRule::ArticleOrStopWord));
        assert_eq!(rule("D. E. Knuth", "Donald E. Knuth"), Some(NameRule::Initials));
        assert_eq!(rule("Knuth, D.", "Donald Knuth"), Some(NameRule::Initials));
        assert_eq!(rule("Donald Knuth", "Donald E. Knuth"), Some(NameRule::Initials));
        // Not one name.
        assert_eq!(rule("el lago, texas", "lago, texas"), None);
        assert_eq!(rule("Al Gore", "Gore"), None);
        assert_eq!(rule("2023 artillery deal", "2025 artillery deal"), None);
        assert_eq!(rule("Brampton township", "Hampton township"), None);
        assert_eq!(rule("D. Knuth", "E. Knuth"), None);
        assert_eq!(rule("Donald Knuth", "Daniel Knuth"), None);
        assert_eq!(rule("D", "Donald"), None);
        assert_eq!(rule("Plan A", "Plan B"), None);
        assert_eq!(rule("deal 2", "deal"), None);
        assert_eq!(rule("Plan", "Plan A"), None);
        assert_eq!(rule("washington", "washington, d.c."), None);
        assert_eq!(rule("Knuth", "D. Knuth"), None);
    }

    #[test]
    fn punctuation_around_a_hyphenated_article_still_links() {
        assert_eq!(name_key("al-Qaeda"), "qaeda");
        assert_eq!(name_key("Al-Qaeda"), name_key("al\u{2010}qaeda"));
        assert_eq!(rule_between("al Qaeda", "al-Qaeda"), Some(NameRule::Normalisation));
        assert_eq!(name_key("the the"), "the the");
    }

    #[test]
    fn differing_words_are_listed_per_side() {
        assert_eq!(
            differing_words("brampton michigan township", "hampton michigan township"),
            ("brampton".to_string(), "hampton".to_string())
        );
    }
}
