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
/// `Nasser`, `Naser`: `nsr`; `Osama`, `Usama`: `·sm`). Unlike the
/// [`skeleton`], `h`, `w` and `y` are kept and no two consonants are
/// merged, so `Ahmed` (`·hmd`) is not `Mohammed`, nor `Qaddafi`
/// `Gaddafi`. `None` unless the normalised name is all Latin letters,
/// digits and spaces.
pub fn latin_consonants(name: &str) -> Option<String> {
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
    let mut words = Vec::new();
    for word in name.split_whitespace() {
        let mut key = String::with_capacity(word.len());
        if word.starts_with(vowel) {
            key.push('·');
        }
        let mut last = None;
        for c in word.chars() {
            if !(c.is_ascii_lowercase() || c.is_ascii_digit()) {
                return None;
            }
            if !vowel(c) && last != Some(c) {
                key.push(c);
            }
            last = Some(c);
        }
        words.push(key);
    }
    words.sort_unstable();
    (!words.is_empty()).then(|| words.join(" "))
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
