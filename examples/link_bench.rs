//! Measures subject linking on N synthetic names.
//!
//! ```text
//! cargo run --release --example link_bench -- 100000
//! ```
//!
//! The names imitate what curators write: multi-word deal and system names
//! with years and model numbers, a share in Arabic, and variants of earlier
//! names (a typo, a leading "the", other case, a hyphen), so the blocking
//! index sees both common words and near-duplicates. Generation is
//! deterministic (a fixed-seed xorshift), so runs are comparable.
//!
//! Half of the proper nouns (partners, systems, companies) come from a pool
//! of invented names that grows with N (N/10 Latin, N/20 Arabic): a project with twice
//! the subjects names more distinct things, it does not only recombine the
//! same few words. With a fixed vocabulary, doubling N packs the names
//! closer together: more pairs differ in one whole word (a partner, a
//! system), which the word rule of `src/link/names.rs` keeps apart without
//! listing them, but more true variants meet too; pass `--fixed-vocabulary`
//! to measure that case.
//!
//! Prints one line: `names=N seconds=T cpu_seconds=C subjects=S links=L
//! suggestions=G reference_cpu_seconds=R`. `seconds` is wall-clock time of
//! linking; `cpu_seconds` is the time the linking thread spent on a CPU
//! (Linux `/proc/thread-self/schedstat`; `nan` elsewhere), which stays
//! meaningful on a machine shared with other work. `reference_cpu_seconds`
//! is the CPU time of normalising every name once, a step whose work per
//! name is fixed: how it grows with N is how much this machine's caches and
//! allocator alone add to a linear pass over these names.

use std::collections::{BTreeMap, HashSet};
use std::io::Write;
use std::time::Instant;

use crosscheck::link::link_names;
use crosscheck::model::{Registry, Settings};
use crosscheck::text::normalize::normalize_name;

const ADJECTIVES: &[&str] = &[
    "artillery",
    "air-defence",
    "drone",
    "naval",
    "missile",
    "radar",
    "satellite",
    "armoured",
    "training",
    "surveillance",
    "cyber",
    "logistics",
    "helicopter",
    "patrol",
    "border",
    "intelligence",
    "transport",
    "fighter",
    "electronic",
    "ammunition",
];
const THINGS: &[&str] = &[
    "deal",
    "contract",
    "agreement",
    "purchase",
    "order",
    "programme",
    "package",
    "sale",
    "memorandum",
    "partnership",
    "plant",
    "system",
    "upgrade",
    "delivery",
    "licence",
    "tender",
];
const PARTNERS: &[&str] = &[
    "Israel",
    "Morocco",
    "India",
    "France",
    "Spain",
    "Turkey",
    "Egypt",
    "Algeria",
    "Tunisia",
    "Jordan",
    "UAE",
    "Bahrain",
    "Sudan",
    "Greece",
    "Cyprus",
    "Italy",
    "Germany",
    "Poland",
    "Brazil",
    "Chile",
    "Vietnam",
    "Azerbaijan",
    "Georgia",
    "Kenya",
    "Nigeria",
    "Ghana",
];
const SYSTEMS: &[&str] = &[
    "Barak",
    "Spyder",
    "Heron",
    "Hermes",
    "Harop",
    "SkyStriker",
    "Iron Dome",
    "David's Sling",
    "Arrow",
    "Tavor",
    "Negev",
    "ATMOS",
    "PULS",
    "Elbit",
    "Rafael",
    "IAI",
];
const ARABIC_THINGS: &[&str] = &[
    "صفقة",
    "اتفاقية",
    "عقد",
    "منظومة",
    "مصنع",
    "برنامج",
    "شراكة",
    "طائرات",
];
const ARABIC_WORDS: &[&str] = &[
    "المدفعية",
    "الدفاع الجوي",
    "المسيرات",
    "الصواريخ",
    "الرادار",
    "الأقمار الصناعية",
    "المغرب",
    "إسرائيل",
    "الهند",
    "فرنسا",
    "باراك",
    "هيرون",
    "العسكرية",
    "الأمنية",
];

/// xorshift64*: deterministic and dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }
}

/// Syllables of the invented proper nouns.
const SYLLABLES: &[&str] = &[
    "ka", "ro", "mi", "tal", "ven", "dor", "sa", "lu", "ne", "bri", "gan", "zo", "ha", "ri", "mon",
    "tek", "ar", "vi", "sen", "qu", "bel", "tor", "an", "is",
];

/// The same syllables in Arabic letters, for invented Arabic names.
const ARABIC_SYLLABLES: &[&str] = &[
    "كا", "رو", "مي", "تال", "فين", "دور", "سا", "لو", "نا", "بري", "غان", "زو", "ها", "ري", "مون",
    "تيك", "ار", "في", "سين", "قو", "بيل", "تور", "ان", "يس",
];

/// `count` distinct invented proper nouns of 2 to 4 syllables.
fn invented_nouns(rng: &mut Rng, count: usize, syllables_from: &[&str]) -> Vec<&'static str> {
    let mut seen = HashSet::new();
    let mut nouns = Vec::with_capacity(count);
    while nouns.len() < count {
        let syllables = 2 + rng.below(3);
        let mut noun = String::new();
        for _ in 0..syllables {
            noun.push_str(rng.pick(syllables_from));
        }
        let mut chars = noun.chars();
        let noun: String = chars
            .next()
            .map(|c| c.to_ascii_uppercase())
            .into_iter()
            .chain(chars)
            .collect();
        if seen.insert(noun.clone()) {
            // Leaked once per run: the example lives as long as the names.
            nouns.push(&*Box::leak(noun.into_boxed_str()));
        }
    }
    nouns
}

/// Proper nouns: the real lists, and as many invented ones.
struct Vocabulary {
    partners: Vec<&'static str>,
    systems: Vec<&'static str>,
    arabic: Vec<&'static str>,
}

fn fresh_name(rng: &mut Rng, vocabulary: &Vocabulary) -> String {
    let partners = vocabulary.partners.as_slice();
    let systems = vocabulary.systems.as_slice();
    let arabic = vocabulary.arabic.as_slice();
    let year = 1990 + rng.below(40);
    match rng.below(5) {
        0 => format!(
            "{year} {} {} with {}",
            rng.pick(ADJECTIVES),
            rng.pick(THINGS),
            rng.pick(partners)
        ),
        1 => format!(
            "{} {} {} {}",
            rng.pick(systems),
            rng.below(12),
            rng.pick(ADJECTIVES),
            rng.pick(THINGS)
        ),
        2 => format!(
            "{}-{} {} {} of {year}",
            rng.pick(partners),
            rng.pick(partners),
            rng.pick(ADJECTIVES),
            rng.pick(THINGS)
        ),
        3 => format!(
            "{} {} {} {year}",
            rng.pick(ARABIC_THINGS),
            rng.pick(arabic),
            rng.pick(arabic)
        ),
        _ => format!(
            "{} {} {} batch {}",
            rng.pick(partners),
            rng.pick(systems),
            rng.pick(THINGS),
            rng.below(500)
        ),
    }
}

/// A variant a curator might write of `name`.
fn variant(rng: &mut Rng, name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    match rng.below(4) {
        0 => format!("The {name}"),
        1 => name.to_uppercase(),
        2 => name.replacen(' ', "-", 1),
        _ => {
            // A typo: drop one letter.
            let at = rng.below(chars.len().max(1));
            chars
                .iter()
                .enumerate()
                .filter(|&(i, c)| i != at || c.is_ascii_digit())
                .map(|(_, c)| c)
                .collect()
        }
    }
}

fn names(n: usize, fixed_vocabulary: bool) -> BTreeMap<String, usize> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut vocabulary = Vocabulary {
        partners: PARTNERS.to_vec(),
        systems: SYSTEMS.to_vec(),
        arabic: ARABIC_WORDS.to_vec(),
    };
    if !fixed_vocabulary {
        let invented = invented_nouns(&mut rng, n / 10, SYLLABLES);
        let invented_arabic = invented_nouns(&mut rng, n / 20, ARABIC_SYLLABLES);
        let (partners, systems) = invented.split_at(invented.len() / 2);
        // As many invented as real picks: repeat the real lists to match.
        let repeat = |real: &[&'static str], invented: &[&'static str]| {
            let mut all: Vec<&'static str> = Vec::new();
            while all.len() < invented.len() {
                all.extend_from_slice(real);
            }
            all.extend_from_slice(invented);
            all
        };
        vocabulary.partners = repeat(PARTNERS, partners);
        vocabulary.systems = repeat(SYSTEMS, systems);
        vocabulary.arabic = repeat(ARABIC_WORDS, &invented_arabic);
    }
    let mut seen: HashSet<String> = HashSet::with_capacity(n);
    let mut order: Vec<String> = Vec::with_capacity(n);
    while order.len() < n {
        let name = if !order.is_empty() && rng.below(5) == 0 {
            let base = order[rng.below(order.len())].clone();
            variant(&mut rng, &base)
        } else {
            fresh_name(&mut rng, &vocabulary)
        };
        if seen.insert(name.clone()) {
            order.push(name);
        }
    }
    order.into_iter().map(|name| (name, 1)).collect()
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let fixed_vocabulary = args.iter().any(|a| a == "--fixed-vocabulary");
    let n: usize = args
        .iter()
        .find_map(|arg| arg.parse().ok())
        .unwrap_or(100_000);
    let names = names(n, fixed_vocabulary);
    let settings = Settings::default();
    let cpu_start = thread_cpu_seconds();
    let start = Instant::now();
    let linking = link_names(&names, &Registry::default(), &settings.link);
    let seconds = start.elapsed().as_secs_f64();
    let cpu_seconds = thread_cpu_seconds() - cpu_start;
    // The reference: normalising every name, which costs the same per name
    // by construction. Measured after linking, so it cannot warm linking up.
    let reference_start = thread_cpu_seconds();
    let normalised: Vec<String> = names.keys().map(|name| normalize_name(name)).collect();
    let reference_seconds = thread_cpu_seconds() - reference_start;
    drop(normalised);
    writeln!(
        std::io::stdout().lock(),
        "names={n} seconds={seconds:.3} cpu_seconds={cpu_seconds:.3} subjects={} links={} suggestions={} reference_cpu_seconds={reference_seconds:.3}",
        linking.subjects.len(),
        linking.links.len(),
        linking.suggestions.len()
    )
}

/// Time this thread has run on a CPU, in seconds (`nan` when unknown).
fn thread_cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map_or(f64::NAN, |ns| ns as f64 / 1e9)
}
