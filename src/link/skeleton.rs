//! What the fuzzy matcher needs to know about a normalised name besides its
//! text: its script, its digits, and a romanised consonant skeleton.
//!
//! The skeleton maps Arabic and Latin letters onto one small consonant
//! alphabet and drops vowels, weak letters and `h`, so "Barak", "باراك" and
//! "براك" all read `brk`. It is deliberately coarse: it proposes
//! cross-script candidates (which are only ever suggestions, never links) and
//! blocks same-script names with a misspelt word together. It is not a
//! transliteration.

/// The script of a normalised name, by the letters it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Script {
    Arabic,
    Latin,
    /// Arabic and Latin letters both ("باراك MX").
    Mixed,
    /// Other scripts, or no letters at all (digits only).
    Other,
}

impl Script {
    pub fn of(name: &str) -> Script {
        let (mut arabic, mut latin) = (false, false);
        for c in name.chars() {
            arabic |= is_arabic_letter(c);
            latin |= c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c);
        }
        match (arabic, latin) {
            (true, true) => Script::Mixed,
            (true, false) => Script::Arabic,
            (false, true) => Script::Latin,
            (false, false) => Script::Other,
        }
    }

    /// Two names of these scripts may be linked by similarity. Across
    /// scripts only the registry links names.
    pub fn may_link_fuzzily(self, other: Script) -> bool {
        self == other
    }

    /// Two names of these scripts are worth comparing through skeletons.
    pub fn is_cross_script_pair(self, other: Script) -> bool {
        self != other && self != Script::Other && other != Script::Other
    }
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}')
}

/// The runs of ASCII digits in a normalised name, sorted: two names link by
/// similarity only when these are equal ("2023 artillery deal" never joins
/// "2025 artillery deal", however close the strings).
pub fn digit_runs(name: &str) -> Vec<&str> {
    let mut runs: Vec<&str> = name
        .split(|c: char| !c.is_ascii_digit())
        .filter(|run| !run.is_empty())
        .collect();
    runs.sort_unstable();
    runs
}

/// The romanised consonant skeleton of a normalised name, word by word,
/// words separated by one space. Digits are kept.
pub fn skeleton(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split(' ') {
        let start = out.len();
        let mut last: Option<char> = None;
        for c in word.chars() {
            for consonant in consonants(c).chars() {
                if last != Some(consonant) {
                    out.push(consonant);
                    last = Some(consonant);
                }
            }
        }
        if out.len() > start {
            out.push(' ');
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// The letters two Latin transliterations of one name keep: per word its
/// consonants in order, a doubled one once, with `·` before a word that
/// begins with a vowel; words sorted and joined by one space. The vowels
/// are left out, since they are where transliterations of Arabic and
/// Hebrew names differ (`Mohammed`, `Muhammad`, `Mohamed`: `mhmd`;
/// `Nasser`, `Naser`: `nsr`; `Osama`, `Usama`: `·sm`), and so is an `h`
/// that ends a word after a vowel: the Arabic feminine ending is written
/// with it or without (`Dbeibah`, `Dbeiba`; `Hamzah`, `Hamza`). Letters
/// that English and French spellings use for one Arabic letter are read as
/// one consonant ([`consonant_at`]: `Qaddafi`, `Gaddafi`, `Kadhafi`: `kdf`;
/// `Cherkaoui`, `Sharqawi`: `shrkw`). Unlike the [`skeleton`], every other
/// `h`, and `w` and `y`, are kept and no other consonants are merged, so
/// `Ahmed` (`·hmd`) is not `Mohammed`, nor `Ghanem` `Kanem`. `None` unless
/// the normalised name is all Latin letters, digits and spaces.
pub fn latin_consonants(name: &str) -> Option<String> {
    let mut words = name
        .split_whitespace()
        .map(word_consonants)
        .collect::<Option<Vec<String>>>()?;
    words.sort_unstable();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Whether two words are one word and that word with one vowel more at
/// its end (`Paul`, `Paula`; `Samir`, `Samira`; `Denis`, `Denise`): most
/// often a man's name and a woman's, two names that [`latin_consonants`]
/// alone would read as one.
pub fn one_vowel_more(u: &str, v: &str) -> bool {
    let (short, long) = if u.len() < v.len() { (u, v) } else { (v, u) };
    long.starts_with(short) && matches!(&long[short.len()..], "a" | "e" | "i" | "o")
}

/// Whether a word of one name is a word of the other with one vowel more
/// ([`one_vowel_more`]): such names are two, whatever their consonants.
pub fn a_word_gains_a_vowel(x: &str, y: &str) -> bool {
    x.split_whitespace()
        .any(|u| y.split_whitespace().any(|v| one_vowel_more(u, v)))
}

/// [`latin_consonants`] of the name's words run together in their order:
/// one key for `Abdul Hamid` and `Abdulhamid` (`·bdlhmd`), `Abdul Latif`
/// and `Abdullatif` (`·bdltf`), which Arabic compound names are written
/// both ways.
pub fn latin_consonants_run_together(name: &str) -> Option<String> {
    let joined: String = name.split_whitespace().collect();
    (!joined.is_empty()).then(|| word_consonants(&joined))?
}

/// One word's consonants for [`latin_consonants`]; `None` when it has a
/// character other than a lower-case Latin letter or a digit.
fn word_consonants(word: &str) -> Option<String> {
    if !word
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        return None;
    }
    let word = word.as_bytes();
    let mut key = String::with_capacity(word.len() + 1);
    let mut last: Option<&str> = None;
    let mut at = 0;
    while at < word.len() {
        let (unit, len) = consonant_at(word, at);
        let next = word.get(at + len);
        // A final `h` after a vowel: the feminine ending, written or not.
        let final_h = unit == "h" && next.is_none() && last == Some("");
        if at == 0 && unit.is_empty() {
            key.push('·');
        }
        if !unit.is_empty() && last != Some(unit) && !final_h {
            key.push_str(unit);
        }
        last = Some(unit);
        at += len;
    }
    Some(key)
}

/// The consonant that the letters at `at` of a lower-case ASCII word
/// spell, and how many letters spell it; `""` for a vowel. English and
/// French spellings of Arabic names write one Arabic letter with several
/// letters or pairs, read here as one: qaf as `q`, `k` or `g` (`Qaddafi`,
/// `Kadhafi`, `Gaddafi`); dhal as `dh` or `d`; jim as `dj` or `j`
/// (`Djamel`, `Jamel`); shin as `sh` or `ch` (`Chakib`, `Shakib`); waw
/// before a vowel as `w` or `ou` (`Ouahbi`, `Wahbi`). `kh` and `gh` (kha,
/// ghain) stay pairs of their own. Every other letter is itself.
fn consonant_at(word: &[u8], at: usize) -> (&'static str, usize) {
    let vowel = |b: Option<&u8>| matches!(b, Some(b'a' | b'e' | b'i' | b'o' | b'u'));
    let pair = (word[at], word.get(at + 1).copied());
    match pair {
        (b'o', Some(b'u')) if vowel(word.get(at + 2)) => ("w", 2),
        (b'k', Some(b'h')) => ("kh", 2),
        (b'g', Some(b'h')) => ("gh", 2),
        (b's' | b'c', Some(b'h')) => ("sh", 2),
        (b'd', Some(b'h')) => ("d", 2),
        (b'd', Some(b'j')) => ("j", 2),
        (b'q' | b'k' | b'g', _) => ("k", 1),
        (b, _) if vowel(Some(&b)) => ("", 1),
        (b, _) => (letter(b), 1),
    }
}

/// A lower-case ASCII letter or digit as a string of its own, borrowed
/// from the alphabet, for [`consonant_at`]'s keys.
fn letter(b: u8) -> &'static str {
    const LETTERS: &str = "0123456789abcdefghijklmnopqrstuvwxyz";
    let at = if b.is_ascii_digit() {
        usize::from(b - b'0')
    } else {
        10 + usize::from(b - b'a')
    };
    &LETTERS[at..at + 1]
}

/// One letter's consonants in the skeleton alphabet (`b d f g k l m n r s t z`
/// and digits). Vowels, weak letters (alef, waw, yaa, hamza, ain) and the
/// `h` sounds are dropped: they are where spellings and transliterations
/// disagree most.
fn consonants(c: char) -> &'static str {
    match c {
        'b' | 'p' | 'ب' | 'پ' => "b",
        'd' | 'د' | 'ض' | 'ذ' => "d",
        'f' | 'v' | 'ف' | 'ڤ' => "f",
        'g' | 'j' | 'ج' | 'غ' | 'گ' => "g",
        'k' | 'c' | 'q' | 'ك' | 'ق' => "k",
        'x' => "ks",
        'l' | 'ل' => "l",
        'm' | 'م' => "m",
        'n' | 'ن' => "n",
        'r' | 'ر' => "r",
        's' | 'س' | 'ص' | 'ش' | 'ث' => "s",
        't' | 'ت' | 'ط' => "t",
        'z' | 'ز' | 'ظ' => "z",
        '0' => "0",
        '1' => "1",
        '2' => "2",
        '3' => "3",
        '4' => "4",
        '5' => "5",
        '6' => "6",
        '7' => "7",
        '8' => "8",
        '9' => "9",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_transliterations_keep_their_consonants() {
        let key = |name: &str| latin_consonants(name).unwrap();
        assert_eq!(key("mohammed bin salman"), key("muhammad bin salman"));
        assert_eq!(key("mohamed"), "mhmd");
        assert_eq!(key("nasser bourita"), key("naser burita"));
        assert_eq!(key("osama"), key("usama"));
        assert_ne!(key("ahmed"), key("mohammed"));
        assert_eq!(key("muammar qaddafi"), key("moammar gaddafi"));
        assert_eq!(key("kadhafi"), "kdf");
        assert_eq!(key("gadhafi"), "kdf");
        assert_eq!(key("cherkaoui"), key("sharqawi"));
        assert_eq!(key("ouahbi"), key("wahbi"));
        assert_eq!(key("djamel"), key("jamel"));
        assert_ne!(key("ghanem"), key("kanem"));
        assert_ne!(key("khalid"), key("halid"));
        assert_ne!(key("mark smith"), key("mike smith"));
        assert_eq!(latin_consonants("محمد"), None);
        assert_eq!(key("abdulhamid dbeibah"), key("abdulhamid dbeiba"));
        assert_eq!(key("hamzah"), key("hamza"));
        assert_ne!(key("smith"), key("smit"));
        assert_ne!(key("hamid"), key("ahmed"));
    }

    #[test]
    fn a_vowel_more_makes_another_name() {
        assert!(a_word_gains_a_vowel("paul kline", "paula kline"));
        assert!(a_word_gains_a_vowel("samira khalil", "samir khalil"));
        assert!(!a_word_gains_a_vowel("nasser bourita", "naser burita"));
        assert!(!a_word_gains_a_vowel("paul kline", "paul kline"));
    }

    #[test]
    fn compound_names_run_together_keep_one_key() {
        let key = |name: &str| latin_consonants_run_together(name).unwrap();
        assert_eq!(key("abdul hamid dbeibah"), key("abdulhamid dbeiba"));
        assert_eq!(key("abdul latif"), key("abdullatif"));
        assert_ne!(key("abdul hamid"), key("hamid abdul"));
        assert_eq!(latin_consonants_run_together(" "), None);
    }

    #[test]
    fn arabic_and_latin_spellings_share_a_skeleton() {
        assert_eq!(skeleton("barak"), "brk");
        assert_eq!(skeleton("باراك"), "brk");
        assert_eq!(skeleton("براك"), "brk");
        assert_eq!(skeleton("barak 8 deal"), "brk 8 dl");
        assert_eq!(skeleton("artillery"), skeleton("artilery"));
    }

    #[test]
    fn scripts_and_digits() {
        assert_eq!(Script::of("barak 8"), Script::Latin);
        assert_eq!(Script::of("باراك mx"), Script::Mixed);
        assert_eq!(Script::of("2023"), Script::Other);
        assert_eq!(digit_runs("deal 2023 of 12"), vec!["12", "2023"]);
    }
}
