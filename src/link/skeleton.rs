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
/// with it or without (`Dbeibah`, `Dbeiba`; `Hamzah`, `Hamza`). Unlike the
/// [`skeleton`], every other `h`, and `w` and `y`, are kept and no two
/// consonants are merged, so `Ahmed` (`·hmd`) is not `Mohammed`, nor
/// `Qaddafi` `Gaddafi`. `None` unless the normalised name is all Latin
/// letters, digits and spaces.
pub fn latin_consonants(name: &str) -> Option<String> {
    let mut words = name
        .split_whitespace()
        .map(word_consonants)
        .collect::<Option<Vec<String>>>()?;
    words.sort_unstable();
    (!words.is_empty()).then(|| words.join(" "))
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
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
    let mut key = String::with_capacity(word.len() + 1);
    if word.starts_with(vowel) {
        key.push('·');
    }
    let mut last = None;
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        if !(c.is_ascii_lowercase() || c.is_ascii_digit()) {
            return None;
        }
        let final_h = c == 'h' && chars.peek().is_none() && last.is_some_and(vowel);
        if !vowel(c) && last != Some(c) && !final_h {
            key.push(c);
        }
        last = Some(c);
    }
    Some(key)
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
        assert_ne!(key("qaddafi"), key("gaddafi"));
        assert_ne!(key("mark smith"), key("mike smith"));
        assert_eq!(latin_consonants("محمد"), None);
        assert_eq!(key("abdulhamid dbeibah"), key("abdulhamid dbeiba"));
        assert_eq!(key("hamzah"), key("hamza"));
        assert_ne!(key("smith"), key("smit"));
        assert_ne!(key("hamid"), key("ahmed"));
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
