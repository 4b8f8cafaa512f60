//! Generates a synthetic crosscheck project with planted truth, for
//! benchmarks and for the end-to-end correctness test (`tests/generator.rs`).
//!
//! ```text
//! cargo run --release --example generate_project -- \
//!     --claims 10000 --sources 20 --subjects 500 --seed 42 --out bench/out/n10000
//! ```
//!
//! It writes, in the format of docs/claim-format.md:
//!
//! - `claims/<source>.json`: one file per source. By default no source has a
//!   `document`, so no claim needs a `quote` (the spec only requires a quote
//!   when the source has a document). With `--documents` each source gets a
//!   generated `seeds/<source>.txt` holding every claim's quote, so quote
//!   verification runs too.
//! - `claims/subjects.json`: canonical subject names with Latin and Arabic
//!   aliases, text-value aliases, and `distinct` pairs of sibling subjects.
//! - `crosscheck.toml`: the `~` tolerance and a USD rate for every currency
//!   and every year a money claim can fall in.
//! - `truth.json`: what was planted (see [`Truth`]).
//!
//! # How the truth is kept trustworthy
//!
//! Every (subject, attribute) group has a hidden true value. An honest claim
//! is written so that the set it denotes contains the true value strictly
//! inside (an exact number is rounded to its written precision and kept at
//! most 0.45 of a unit from the truth; a currency amount is converted with the
//! very rate written to `crosscheck.toml`; a relative date is counted from
//! its own source's `published`; a set is a prefix of the true members, so
//! any two honest sets nest). So no two honest claims can be disjoint.
//!
//! A planted ("bad") claim is written around a false value far from the
//! truth. Its relation to every other claim of the group is then computed
//! from the denoted sets the generator built, and the claim is only kept when
//! every relation is clear: disjoint by a margin (1 % of the truth for
//! numbers, a whole day for dates) or overlapping by a margin, never at a
//! rounding edge. The contradiction pairs of `truth.json` are every disjoint
//! pair so computed: the list is exhaustive, not a sample. Honest pairs are
//! computed too, and the generator panics if one is ever disjoint.
//!
//! Subjects of different groups can never link by accident: every subject
//! name carries a number no other subject has, and the spec forbids fuzzy
//! links between names that differ in their digits.
//!
//! Deterministic for a seed: a splitmix64 generator, no hash maps iterated
//! into output, and every file written from sorted data.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::Value as Json;

// ---------------------------------------------------------------------------
// Configuration and entry points

/// What to generate.
#[derive(Debug, Clone)]
pub struct Config {
    pub claims: usize,
    pub sources: usize,
    pub subjects: usize,
    pub seed: u64,
    /// Write `seeds/<source>.txt` documents and a quote on every claim.
    pub documents: bool,
}

#[allow(clippy::print_stderr)]
fn main() {
    let config = match parse_args(std::env::args().skip(1)) {
        Ok((config, out)) => (config, out),
        Err(message) => {
            eprintln!("generate_project: {message}\n\n{USAGE}");
            std::process::exit(2);
        }
    };
    let (config, out) = config;
    let generated = generate(&config);
    if let Err(error) = write_project(&generated, &out) {
        eprintln!("generate_project: writing {}: {error}", out.display());
        std::process::exit(1);
    }
    let summary = format!(
        "generated {} claims, {} sources, {} subjects, {} groups; planted {} contradiction pairs \
         ({} internal) in {} groups, {} compatible pairs, {} naming variants -> {}\n",
        generated.truth.claims,
        generated.truth.sources,
        generated.truth.subjects,
        generated.truth.groups.len(),
        generated.truth.contradictions.len(),
        generated.truth.internal_contradictions,
        generated.truth.contradiction_groups,
        generated.truth.compatible.len(),
        generated.truth.naming_variants.len(),
        out.display()
    );
    let _ = io::stderr().write_all(summary.as_bytes());
}

const USAGE: &str = "usage: generate_project --claims N --sources S --subjects K --seed SEED --out DIR [--documents]";

fn parse_args(args: impl Iterator<Item = String>) -> Result<(Config, PathBuf), String> {
    let mut config = Config {
        claims: 10_000,
        sources: 20,
        subjects: 500,
        seed: 42,
        documents: false,
    };
    let mut out = None;
    let mut args = args.peekable();
    while let Some(flag) = args.next() {
        if flag == "--documents" {
            config.documents = true;
            continue;
        }
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let number = || {
            value
                .parse::<u64>()
                .map_err(|_| format!("{flag} wants a whole number, got {value:?}"))
        };
        match flag.as_str() {
            "--claims" => config.claims = number()? as usize,
            "--sources" => config.sources = number()? as usize,
            "--subjects" => config.subjects = number()? as usize,
            "--seed" => config.seed = number()?,
            "--out" => out = Some(PathBuf::from(&value)),
            _ => return Err(format!("unknown flag {flag}")),
        }
    }
    if config.sources == 0 || config.subjects == 0 || config.claims == 0 {
        return Err("--claims, --sources and --subjects must be at least 1".into());
    }
    let out = out.ok_or("--out DIR is required")?;
    Ok((config, out))
}

// ---------------------------------------------------------------------------
// The PRNG: splitmix64 (Steele, Lea, Flood 2014), enough for test data.

#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        // Multiply-shift; the bias is far below anything a benchmark notices.
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64) / ((1u64 << 53) as f64) < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            items.swap(i, j);
        }
    }
}

// ---------------------------------------------------------------------------
// Word lists

#[rustfmt::skip]
const ADJECTIVES: &[&str] = &[
    "Northern", "Southern", "Eastern", "Western", "Coastal", "Desert", "Mountain", "Atlas",
    "Royal", "Joint", "Strategic", "Tactical", "Naval", "Aerial", "Border", "Harbour", "Silver",
    "Golden", "Crimson", "Azure", "Granite", "Iron", "Cedar", "Falcon", "Eagle", "Thunder",
    "Horizon", "Meridian", "Solstice", "Summit", "Delta", "Sahara", "Rif", "Oasis", "Saffron",
    "Cobalt", "Amber", "Onyx", "Zenith", "Polar",
];

#[rustfmt::skip]
const NOUNS: &[&str] = &[
    "Shield", "Lance", "Arrow", "Sentinel", "Beacon", "Bastion", "Rampart", "Compass", "Anchor",
    "Trident", "Citadel", "Gateway", "Vanguard", "Harvest", "Bridge", "Corridor", "Pipeline",
    "Network", "Array", "Grid", "Relay", "Forge", "Quarry", "Keystone", "Watchtower", "Outpost",
    "Causeway", "Lighthouse", "Caravan", "Orchard", "Canal", "Terminal", "Reservoir", "Spire",
    "Garrison", "Frontier", "Dome", "Harness", "Signal", "Current",
];

#[rustfmt::skip]
const KINDS: &[&str] = &[
    "deal", "contract", "programme", "agreement", "procurement", "tender", "order",
    "partnership", "acquisition", "upgrade", "project", "package", "accord", "purchase",
];

const ARABIC_KINDS: &[&str] = &["صفقة", "عقد", "برنامج", "اتفاقية", "مشروع", "طلبية"];

#[rustfmt::skip]
const ARABIC_NOUNS: &[&str] = &[
    "الصقر", "النسر", "البرق", "الرعد", "الدرع", "الرمح", "السهم", "المنارة", "الأطلس", "الحصن",
    "البوابة", "القلعة", "الجسر", "الممر", "الشبكة", "المرساة", "البوصلة", "الواحة", "الصحراء",
    "الريف", "الأفق", "القمة", "الزمرد", "الياقوت",
];

#[rustfmt::skip]
const SYSTEM_WORDS: &[&str] = &[
    "Barak", "Spyder", "Harop", "Hermes", "Heron", "Iron Dome", "Patriot", "Caesar", "Apache",
    "Sky Sonic", "Mistral", "Crotale", "Aster", "Tiger", "Falcon", "Kestrel", "Osprey",
    "Condor", "Merlin", "Griffon",
];

#[rustfmt::skip]
const ARABIC_SYSTEM_WORDS: &[&str] = &[
    "باراك", "سبايدر", "هاروب", "هيرميس", "هيرون", "القبة الحديدية", "باتريوت", "قيصر",
    "أباتشي", "سكاي سونيك", "ميسترال", "كروتال", "أستر", "تايغر", "فالكون", "كيستريل", "أوسبري",
    "كوندور", "ميرلين", "غريفون",
];

#[rustfmt::skip]
const MEMBERS: &[&str] = &[
    "Morocco", "Israel", "France", "India", "United States", "Spain", "Germany", "Italy",
    "Turkey", "China", "Brazil", "Egypt", "Algeria", "Tunisia", "Jordan", "Saudi Arabia",
    "United Arab Emirates", "Qatar", "Greece", "Portugal", "Netherlands", "Poland", "Sweden",
    "Norway", "Japan", "South Korea", "Canada", "Mexico", "Nigeria", "Senegal", "Kenya",
    "Ethiopia", "Pakistan", "Indonesia", "Vietnam", "Chile", "Argentina", "Peru", "Australia",
    "Ukraine",
];

#[rustfmt::skip]
const OUTLETS: &[&str] = &[
    "Tanja7", "Hespress", "Le360", "Al Akhbar", "Assabah", "Barlamane", "Yabiladi", "Lakome",
    "Clash Monitor", "Defence Weekly", "Maghreb Post", "Atlas Times",
];

const LANGUAGES: &[&str] = &["ar", "ar", "fr", "en"];

#[rustfmt::skip]
const ORIGINS: &[&str] = &[
    "Clash Report", "Ministry of Defence", "SIPRI", "Israeli media", "Military Africa",
    "anonymous official",
];

/// Currencies with a base USD rate in ten-thousandths; each year varies it.
const CURRENCIES: &[(&str, i128)] = &[
    ("EUR", 10_813),
    ("GBP", 12_434),
    ("MAD", 985),
    ("ILS", 2_712),
];

/// Years a source can be published in; money claims take their rate year from here.
const PUBLISHED_YEARS: std::ops::RangeInclusive<i64> = 2018..=2025;

// ---------------------------------------------------------------------------
// The output model (serialised as the spec's files)

#[derive(Debug, Clone, Serialize)]
struct SourceFile {
    source: SourceHeader,
    claims: Vec<ClaimOut>,
}

#[derive(Debug, Clone, Serialize)]
struct SourceHeader {
    id: String,
    outlet: String,
    title: String,
    published: String,
    language: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    document: Option<String>,
    url: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
struct ClaimOut {
    id: String,
    subject: String,
    attribute: String,
    value: Json,
    #[serde(skip_serializing_if = "Option::is_none")]
    quote: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    as_of: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    according_to: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
struct RegistryFile {
    subjects: Vec<RegistryEntryOut>,
    values: Vec<RegistryEntryOut>,
    distinct: Vec<[String; 2]>,
}

#[derive(Debug, Clone, Serialize)]
struct RegistryEntryOut {
    name: String,
    aliases: Vec<String>,
}

/// `truth.json`: what the generator planted.
#[derive(Debug, Clone, Serialize)]
pub struct Truth {
    pub seed: u64,
    pub claims: usize,
    pub sources: usize,
    pub subjects: usize,
    /// Groups holding at least one contradiction pair.
    pub contradiction_groups: usize,
    /// Every pair of claims (global ids, each pair sorted, the list sorted)
    /// whose denoted sets are disjoint (with overlapping `as_of`): exhaustive.
    pub contradictions: Vec<[String; 2]>,
    /// How many of `contradictions` are within one source.
    pub internal_contradictions: usize,
    /// Planted pairs that overlap without being equal (one less precise).
    pub compatible: Vec<[String; 2]>,
    /// Planted pairs of text values naming one registry entry differently.
    pub naming_variants: Vec<[String; 2]>,
    /// Planted pairs with different values whose `as_of` do not overlap.
    pub as_of_separated: Vec<[String; 2]>,
    /// Canonical subject name → every spelling the claims use.
    pub subject_names: BTreeMap<String, Vec<String>>,
    /// How many claims use each value form.
    pub forms: BTreeMap<String, usize>,
    /// Every (subject, attribute) group with its claims, sorted.
    pub groups: Vec<TruthGroup>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TruthGroup {
    pub subject: String,
    pub attribute: String,
    pub claims: Vec<String>,
}

/// A generated project, ready to write.
pub struct Generated {
    sources: Vec<SourceFile>,
    registry: RegistryFile,
    settings: String,
    documents: Vec<(String, String)>,
    pub truth: Truth,
}

/// Writes the project into `dir` (created if missing).
pub fn write_project(generated: &Generated, dir: &Path) -> io::Result<()> {
    let claims_dir = dir.join("claims");
    std::fs::create_dir_all(&claims_dir)?;
    for source in &generated.sources {
        let path = claims_dir.join(format!("{}.json", source.source.id));
        write_json(&path, source)?;
    }
    write_json(&claims_dir.join("subjects.json"), &generated.registry)?;
    std::fs::write(dir.join("crosscheck.toml"), &generated.settings)?;
    if !generated.documents.is_empty() {
        std::fs::create_dir_all(dir.join("seeds"))?;
        for (path, text) in &generated.documents {
            std::fs::write(dir.join(path), text)?;
        }
    }
    write_json(&dir.join("truth.json"), &generated.truth)
}

fn write_json(path: &Path, value: &impl Serialize) -> io::Result<()> {
    let file = std::fs::File::create(path)?;
    let mut writer = io::BufWriter::new(file);
    serde_json::to_writer_pretty(&mut writer, value).map_err(io::Error::other)?;
    writer.write_all(b"\n")?;
    writer.flush()
}

// ---------------------------------------------------------------------------
// Calendar arithmetic (proleptic Gregorian, minutes since 1970-01-01T00:00)

const DAY: i64 = 1440;
const NEG_INF: i64 = i64::MIN / 4;
const POS_INF: i64 = i64::MAX / 4;

/// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Start of month `m` (may overflow 1..=12) of year `y`, in minutes.
fn month_start(y: i64, m: i64) -> i64 {
    let index = y * 12 + (m - 1);
    days_from_civil(index.div_euclid(12), index.rem_euclid(12) + 1, 1) * DAY
}

fn year_span(y: i64) -> (i64, i64) {
    (month_start(y, 1), month_start(y + 1, 1))
}

fn month_span(y: i64, m: i64) -> (i64, i64) {
    (month_start(y, m), month_start(y, m + 1))
}

fn day_span(day: i64) -> (i64, i64) {
    (day * DAY, (day + 1) * DAY)
}

fn fmt_day(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

// ---------------------------------------------------------------------------
// Denotations, as the generator knows them, and the pair oracle

#[derive(Debug, Clone, PartialEq)]
enum Den {
    /// A closed numeric interval in the dimension's base unit (USD for money).
    Num(f64, f64),
    /// A half-open span of minutes.
    Span(i64, i64),
    /// A day of the year in every year.
    Annual(i64, i64),
    Ordinal(u32),
    /// A value registry entry.
    Text(usize),
    Set(BTreeSet<usize>),
    Bool(bool),
    Null,
}

impl Den {
    /// A size to rank precision by (for picking a compatible pair).
    fn width(&self) -> f64 {
        match self {
            Den::Num(lo, hi) => hi - lo,
            Den::Span(lo, hi) => (hi - lo) as f64,
            Den::Annual(..) => DAY as f64,
            Den::Set(members) => -(members.len() as f64),
            _ => 0.0,
        }
    }
}

/// The relation of two denoted sets, and whether it is clear of any edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Relation {
    /// Not compared (a null, or `as_of` that do not overlap).
    NotCompared,
    Overlap {
        clear: bool,
    },
    Disjoint {
        clear: bool,
    },
}

/// `margin`: how far apart (or how deep into each other) two numeric sets
/// must be for the relation to be clear.
fn relate(a: &Den, b: &Den, margin: f64) -> Relation {
    match (a, b) {
        (Den::Null, _) | (_, Den::Null) => Relation::NotCompared,
        (Den::Num(a0, a1), Den::Num(b0, b1)) => {
            let gap = a0.max(*b0) - a1.min(*b1);
            if gap > 0.0 {
                Relation::Disjoint {
                    clear: gap >= margin,
                }
            } else {
                let narrowest = (a1 - a0).min(b1 - b0);
                Relation::Overlap {
                    clear: -gap >= narrowest.min(margin) * 0.25 && -gap > 0.0,
                }
            }
        }
        (Den::Span(a0, a1), Den::Span(b0, b1)) => spans(*a0, *a1, *b0, *b1),
        (Den::Annual(m, d), Den::Span(s0, s1)) | (Den::Span(s0, s1), Den::Annual(m, d)) => {
            if s1 - s0 > 400 * DAY {
                return Relation::Overlap { clear: true };
            }
            let (y0, ..) = civil_from_days(s0.div_euclid(DAY));
            let (y1, ..) = civil_from_days(s1.div_euclid(DAY));
            let mut best = Relation::Disjoint { clear: true };
            for y in y0 - 1..=y1 + 1 {
                let (o0, o1) = day_span(days_from_civil(y, *m, *d));
                match spans(o0, o1, *s0, *s1) {
                    Relation::Overlap { clear } => return Relation::Overlap { clear },
                    Relation::Disjoint { clear: false } => {
                        best = Relation::Disjoint { clear: false }
                    }
                    _ => {}
                }
            }
            best
        }
        (Den::Annual(m1, d1), Den::Annual(m2, d2)) => {
            if (m1, d1) == (m2, d2) {
                Relation::Overlap { clear: true }
            } else {
                // Adjacent days touch: not clear.
                let a = days_from_civil(2001, *m1, *d1);
                let b = days_from_civil(2001, *m2, *d2);
                let distance = (a - b).rem_euclid(365).min((b - a).rem_euclid(365));
                Relation::Disjoint {
                    clear: distance >= 2,
                }
            }
        }
        (Den::Ordinal(x), Den::Ordinal(y)) => equal_or_not(x == y),
        (Den::Text(x), Den::Text(y)) => equal_or_not(x == y),
        (Den::Bool(x), Den::Bool(y)) => equal_or_not(x == y),
        (Den::Set(x), Den::Set(y)) => equal_or_not(x.is_subset(y) || y.is_subset(x)),
        _ => panic!("generator bug: one group mixes value kinds: {a:?} / {b:?}"),
    }
}

fn equal_or_not(compatible: bool) -> Relation {
    if compatible {
        Relation::Overlap { clear: true }
    } else {
        Relation::Disjoint { clear: true }
    }
}

/// Half-open minute spans: clear when a whole day apart or a whole day deep
/// (or one contains the other).
fn spans(a0: i64, a1: i64, b0: i64, b1: i64) -> Relation {
    let gap = a0.max(b0) - a1.min(b1);
    if gap >= 0 {
        Relation::Disjoint { clear: gap >= DAY }
    } else {
        let contained = (a0 >= b0 && a1 <= b1) || (b0 >= a0 && b1 <= a1);
        Relation::Overlap {
            clear: contained || -gap >= DAY,
        }
    }
}

// ---------------------------------------------------------------------------
// Numbers as written

/// A unit a number is written in: `num / den` grains of the dimension's base
/// per written unit (for money: USD per unit of the currency, exactly the
/// rate in `crosscheck.toml`).
#[derive(Debug, Clone, Copy)]
struct NumUnit {
    label: &'static str,
    num: i128,
    den: i128,
    /// Scale suffixes allowed, with their powers of ten, smallest first.
    scales: &'static [(&'static str, u32)],
}

const MONEY_SCALES: &[(&str, u32)] = &[("", 0), ("M", 6), ("B", 9), ("T", 12)];
const PLAIN: &[(&str, u32)] = &[("", 0)];
const COUNT_SCALES: &[(&str, u32)] = &[("", 0), ("k", 3)];

fn pow10(e: u32) -> i128 {
    10i128.pow(e)
}

/// One written number: `mantissa / 10^decimals` times the scale suffix.
#[derive(Debug, Clone, Copy)]
struct Written {
    mantissa: i128,
    decimals: u32,
    scale: u32,
    suffix: &'static str,
}

impl Written {
    /// Its value in grains of the base (f64: only for margins and widths).
    fn grains(&self, unit: NumUnit) -> f64 {
        self.mantissa as f64 * pow10(self.scale) as f64 * unit.num as f64
            / (pow10(self.decimals) as f64 * unit.den as f64)
    }

    /// One unit of its last written digit, in grains.
    fn precision(&self, unit: NumUnit) -> f64 {
        pow10(self.scale) as f64 * unit.num as f64 / (pow10(self.decimals) as f64 * unit.den as f64)
    }

    fn text(&self) -> String {
        let negative = self.mantissa < 0;
        let magnitude = self.mantissa.unsigned_abs();
        let divisor = pow10(self.decimals) as u128;
        let integer = (magnitude / divisor).to_string();
        let mut grouped = String::new();
        for (i, digit) in integer.chars().enumerate() {
            if i > 0 && (integer.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(digit);
        }
        let mut text = String::new();
        if negative {
            text.push('-');
        }
        text.push_str(&grouped);
        if self.decimals > 0 {
            let fraction = magnitude % divisor;
            let _ = write!(
                text,
                ".{:0width$}",
                fraction,
                width = self.decimals as usize
            );
        }
        text.push_str(self.suffix);
        text
    }
}

#[derive(Debug, Clone, Copy)]
enum Rounding {
    Nearest,
    Up,
    Down,
}

fn divide(numerator: i128, denominator: i128, rounding: Rounding) -> i128 {
    let q = numerator.div_euclid(denominator);
    let r = numerator.rem_euclid(denominator);
    match rounding {
        Rounding::Down => q,
        Rounding::Up => q + i128::from(r > 0),
        Rounding::Nearest => q + i128::from(2 * r >= denominator),
    }
}

/// Writes `value` grains in `unit` with about `significant` digits, choosing
/// the scale suffix so the integer part stays below 1000 (or, with
/// `plain`, no suffix and thousands separators). With `exact`, every digit of
/// the integer part is kept (a written digit is a claim of precision);
/// otherwise the integer part is rounded to `significant` digits.
fn write_number(
    value: i128,
    unit: NumUnit,
    significant: u32,
    plain: bool,
    exact: bool,
    rounding: Rounding,
) -> Written {
    let in_units = value as f64 * unit.den as f64 / unit.num as f64;
    let (suffix, scale) = if plain {
        unit.scales[0]
    } else {
        *unit
            .scales
            .iter()
            .rev()
            .find(|(_, e)| in_units / pow10(*e) as f64 >= 1.0)
            .unwrap_or(&unit.scales[0])
    };
    let scaled = in_units / pow10(scale) as f64;
    let integer_digits = if scaled >= 1.0 {
        scaled.log10().floor() as u32 + 1
    } else {
        1
    };
    // Decimals only when the integer part has no thousands separator, so a
    // value never reads like `1,234.5`.
    let decimals = if scaled >= 1000.0 {
        0
    } else {
        significant.saturating_sub(integer_digits).min(4)
    };
    // Below the decimals: drop whole digits (round to tens, hundreds) when
    // fewer significant digits are asked than the integer part has.
    let drop = if decimals == 0 && !exact {
        integer_digits.saturating_sub(significant)
    } else {
        0
    };
    let numerator = value * unit.den * pow10(decimals);
    let denominator = unit.num * pow10(scale) * pow10(drop);
    let mantissa = divide(numerator, denominator, rounding) * pow10(drop);
    Written {
        mantissa,
        decimals,
        scale,
        suffix,
    }
}

/// Whether `value` lies within 0.45 of a unit of the written number's last
/// digit (so strictly inside the set it denotes, away from the edges).
fn exact_contains(value: i128, written: &Written, unit: NumUnit) -> bool {
    // value·den·10^d  vs  mantissa·num·10^scale, with one unit = num·10^scale.
    let lhs = value * unit.den * pow10(written.decimals);
    let rhs = written.mantissa * unit.num * pow10(written.scale);
    let unit_size = unit.num * pow10(written.scale);
    (lhs - rhs).abs() * 100 <= 45 * unit_size
}

// ---------------------------------------------------------------------------
// The generation context

struct SourceInfo {
    id: String,
    published: Published,
    language: &'static str,
}

#[derive(Debug, Clone, Copy)]
enum Published {
    Year(i64),
    Month(i64, i64),
    Day(i64),
}

impl Published {
    fn year(self) -> i64 {
        match self {
            Published::Year(y) | Published::Month(y, _) => y,
            Published::Day(day) => civil_from_days(day).0,
        }
    }

    fn written(self) -> String {
        match self {
            Published::Year(y) => format!("{y}"),
            Published::Month(y, m) => format!("{y}-{m:02}"),
            Published::Day(day) => fmt_day(day),
        }
    }
}

struct SubjectInfo {
    canonical: String,
    /// Spellings claims may use; all link to the canonical name.
    spellings: Vec<String>,
    registry_aliases: Vec<String>,
}

struct ValueEntry {
    name: String,
    /// Latin alias, Arabic alias.
    aliases: [String; 2],
}

/// Rates in ten-thousandths of a USD, by year then currency.
type Rates = BTreeMap<i64, BTreeMap<&'static str, i128>>;

struct Context<'a> {
    sources: &'a [SourceInfo],
    rates: &'a Rates,
    values: &'a [ValueEntry],
    /// Currency → the rate year it is written for in the current group.
    currency_years: RefCell<BTreeMap<&'static str, i64>>,
}

/// One claim before ids are assigned.
struct GenClaim {
    source: usize,
    subject: String,
    value: Json,
    form: &'static str,
    den: Den,
    as_of: Option<(i64, Option<i64>)>,
    honest: bool,
    /// For text values: which spelling class (0 name, 1 Latin alias, 2 Arabic alias).
    spelling_class: u8,
}

impl GenClaim {
    fn written_value(&self) -> String {
        match &self.value {
            Json::String(s) => s.clone(),
            Json::Array(items) => items
                .iter()
                .filter_map(Json::as_str)
                .collect::<Vec<_>>()
                .join(", "),
            other => other.to_string(),
        }
    }
}

fn as_of_overlap(a: Option<(i64, Option<i64>)>, b: Option<(i64, Option<i64>)>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some((ya, ma)), Some((yb, mb))) => ya == yb && (ma.is_none() || mb.is_none() || ma == mb),
        // The generator never mixes claims with and without `as_of` in a group.
        _ => panic!("generator bug: a group mixes claims with and without as_of"),
    }
}

fn relate_claims(a: &GenClaim, b: &GenClaim, margin: f64) -> Relation {
    if !as_of_overlap(a.as_of, b.as_of) {
        return Relation::NotCompared;
    }
    relate(&a.den, &b.den, margin)
}

// ---------------------------------------------------------------------------
// Attribute kinds and their value generators

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Money,
    Date,
    Count,
    Length,
    Text,
    Rank,
    Set,
    Bool,
    Share,
}

const ATTRIBUTES: &[(&str, Kind)] = &[
    ("value", Kind::Money),
    ("signed", Kind::Date),
    ("count", Kind::Count),
    ("range_km", Kind::Length),
    ("system", Kind::Text),
    ("rank", Kind::Rank),
    ("members", Kind::Set),
    ("confirmed", Kind::Bool),
    ("share", Kind::Share),
];

/// The hidden true value of a group.
enum TrueValue {
    /// Grains of the base unit (USD, units, metres, hundredths of a percent).
    Number(i128),
    /// A day, and a minute of it for some.
    Date {
        day: i64,
        minute: Option<i64>,
    },
    /// One rank per `as_of` year.
    Rank(Vec<(i64, u32)>),
    Text(usize),
    /// Members in prefix order: every honest claim is a prefix.
    Set(Vec<usize>),
    Bool(bool),
}

fn unit_of(kind: Kind, currency: Option<(&'static str, i128)>) -> NumUnit {
    match (kind, currency) {
        (Kind::Money, None) => NumUnit {
            label: " USD",
            num: 1,
            den: 1,
            scales: MONEY_SCALES,
        },
        (Kind::Money, Some((code, rate))) => NumUnit {
            label: currency_label(code),
            num: rate,
            den: 10_000,
            scales: MONEY_SCALES,
        },
        (Kind::Count, _) => NumUnit {
            label: "",
            num: 1,
            den: 1,
            scales: COUNT_SCALES,
        },
        (Kind::Length, _) => NumUnit {
            label: " km",
            num: 1000,
            den: 1,
            scales: PLAIN,
        },
        (Kind::Share, _) => NumUnit {
            label: " %",
            num: 100,
            den: 1,
            scales: PLAIN,
        },
        _ => unreachable!("not a numeric kind"),
    }
}

fn currency_label(code: &str) -> &'static str {
    match code {
        "EUR" => " EUR",
        "GBP" => " GBP",
        "MAD" => " MAD",
        _ => " ILS",
    }
}

const METRES: NumUnit = NumUnit {
    label: " m",
    num: 1,
    den: 1,
    scales: PLAIN,
};

fn true_value(kind: Kind, rng: &mut Rng, ctx: &Context<'_>) -> TrueValue {
    match kind {
        Kind::Money => {
            TrueValue::Number(i128::from(rng.range(1000, 99_999)) * pow10(rng.range(3, 6) as u32))
        }
        // From 4,000: even a planted quarter stays at 1,000 or more, written `1.2k`.
        Kind::Count => TrueValue::Number(i128::from(rng.range(4_000, 98_000))),
        Kind::Length => TrueValue::Number(i128::from(rng.range(1_500, 3_000_000))),
        Kind::Share => TrueValue::Number(i128::from(rng.range(150, 9_500))),
        Kind::Date => {
            let day = days_from_civil(rng.range(2000, 2016), rng.range(1, 12), rng.range(1, 28));
            let minute = rng.chance(0.25).then(|| rng.range(0, DAY - 1));
            TrueValue::Date { day, minute }
        }
        Kind::Rank => {
            let first = rng.range(2019, 2022);
            let years = rng.range(2, 3);
            TrueValue::Rank(
                (0..years)
                    .map(|i| (first + i, rng.range(1, 12) as u32))
                    .collect(),
            )
        }
        Kind::Text => TrueValue::Text(rng.below(ctx.values.len() as u64) as usize),
        Kind::Set => {
            let size = rng.range(3, 6) as usize;
            let mut members: Vec<usize> = (0..MEMBERS.len()).collect();
            rng.shuffle(&mut members);
            members.truncate(size);
            TrueValue::Set(members)
        }
        Kind::Bool => TrueValue::Bool(rng.chance(0.5)),
    }
}

/// A value, its form label and its denotation.
struct Made {
    value: Json,
    form: &'static str,
    den: Den,
    as_of: Option<(i64, Option<i64>)>,
    spelling_class: u8,
}

impl Made {
    fn new(value: Json, form: &'static str, den: Den) -> Made {
        Made {
            value,
            form,
            den,
            as_of: None,
            spelling_class: 0,
        }
    }
}

/// A currency for a money claim from `source`, at its year's rate; `None`
/// when every currency is already used in the group with another year.
///
/// The checker converts only between two currencies: two amounts in one
/// currency compare as written, whatever their years. So within a group one
/// currency is only ever written for one rate year, and converting each claim
/// at its own year's rate (what the generator's denotations do) agrees with
/// comparing them as written.
fn money_currency(rng: &mut Rng, ctx: &Context<'_>, source: usize) -> Option<(&'static str, i128)> {
    let year = ctx.sources[source].published.year();
    let mut years = ctx.currency_years.borrow_mut();
    let usable: Vec<&'static str> = CURRENCIES
        .iter()
        .map(|(code, _)| *code)
        .filter(|code| years.get(code).is_none_or(|y| *y == year))
        .collect();
    if usable.is_empty() {
        return None;
    }
    let code = *rng.pick(&usable);
    years.insert(code, year);
    Some((code, ctx.rates[&year][code]))
}

/// An honest numeric claim about `v` grains.
fn honest_number(kind: Kind, v: i128, rng: &mut Rng, ctx: &Context<'_>, source: usize) -> Made {
    let unit = unit_of(kind, None);
    loop {
        let choice = rng.below(100);
        let made = match choice {
            // Exact at some precision in the dimension's main unit.
            0..=29 => exact_number(v, unit, rng.range(2, 5) as u32, false)
                .map(|w| made_exact(w, unit, "exact")),
            // Exact, all digits, thousands separators (or a JSON number for counts).
            30..=39 => exact_number(v, unit, digits(v), true).map(|w| {
                if kind == Kind::Count {
                    Made::new(
                        Json::from(w.mantissa as i64),
                        "json-number",
                        exact_den(&w, unit),
                    )
                } else {
                    made_exact(w, unit, "exact-digits")
                }
            }),
            // Metres for lengths, another currency for money.
            40..=54 if kind == Kind::Length => exact_number(v, METRES, digits(v), true)
                .map(|w| made_exact(w, METRES, "exact-metres")),
            40..=54 if kind == Kind::Money => {
                money_currency(rng, ctx, source).and_then(|currency| {
                    let unit = unit_of(kind, Some(currency));
                    exact_number(v, unit, rng.range(2, 5) as u32, false)
                        .map(|w| made_exact(w, unit, "money-currency"))
                })
            }
            55..=69 => Some(approx_number(v, unit, rng)),
            70..=84 => Some(bound_number(v, unit, rng)),
            _ => Some(range_number(v, unit, rng)),
        };
        if let Some(made) = made {
            return made;
        }
    }
}

fn exact_number(v: i128, unit: NumUnit, significant: u32, plain: bool) -> Option<Written> {
    let written = write_number(v, unit, significant, plain, true, Rounding::Nearest);
    (written.mantissa > 0 && exact_contains(v, &written, unit)).then_some(written)
}

fn digits(v: i128) -> u32 {
    v.unsigned_abs().to_string().len() as u32
}

fn exact_den(w: &Written, unit: NumUnit) -> Den {
    let centre = w.grains(unit);
    let half = w.precision(unit) / 2.0;
    Den::Num(centre - half, centre + half)
}

fn made_exact(w: Written, unit: NumUnit, form: &'static str) -> Made {
    Made::new(
        Json::from(format!("{}{}", w.text(), unit.label)),
        form,
        exact_den(&w, unit),
    )
}

fn approx_number(v: i128, unit: NumUnit, rng: &mut Rng) -> Made {
    let significant = rng.range(2, 3) as u32;
    let w = write_number(v, unit, significant, false, false, Rounding::Nearest);
    let centre = w.grains(unit);
    // 2 significant digits are within 5 % of the truth: inside ±10 %.
    Made::new(
        Json::from(format!("~{}{}", w.text(), unit.label)),
        "approx",
        Den::Num(centre * 0.9, centre * 1.1),
    )
}

fn bound_number(v: i128, unit: NumUnit, rng: &mut Rng) -> Made {
    if rng.chance(0.5) {
        let factor = i128::from(rng.range(1150, 1600));
        let w = write_number(
            v * factor / 1000,
            unit,
            rng.range(1, 2) as u32,
            false,
            false,
            Rounding::Up,
        );
        let op = if rng.chance(0.5) { "<" } else { "<=" };
        Made::new(
            Json::from(format!("{op}{}{}", w.text(), unit.label)),
            "bound",
            Den::Num(f64::NEG_INFINITY, w.grains(unit)),
        )
    } else {
        let factor = i128::from(rng.range(500, 850));
        let w = write_number(
            v * factor / 1000,
            unit,
            rng.range(1, 2) as u32,
            false,
            false,
            Rounding::Down,
        );
        let op = if rng.chance(0.5) { ">" } else { ">=" };
        Made::new(
            Json::from(format!("{op}{}{}", w.text(), unit.label)),
            "bound",
            Den::Num(w.grains(unit), f64::INFINITY),
        )
    }
}

fn range_number(v: i128, unit: NumUnit, rng: &mut Rng) -> Made {
    let low = write_number(
        v * i128::from(rng.range(400, 880)) / 1000,
        unit,
        2,
        false,
        false,
        Rounding::Down,
    );
    let high = write_number(
        v * i128::from(rng.range(1120, 1900)) / 1000,
        unit,
        2,
        false,
        false,
        Rounding::Up,
    );
    Made::new(
        Json::from(format!("{}..{}{}", low.text(), high.text(), unit.label)),
        "range",
        Den::Num(low.grains(unit), high.grains(unit)),
    )
}

/// A claim stating a false number `b` (exact or approximate).
fn false_number(kind: Kind, b: i128, rng: &mut Rng, ctx: &Context<'_>, source: usize) -> Made {
    let currency = if kind == Kind::Money && rng.chance(0.3) {
        money_currency(rng, ctx, source)
    } else {
        None
    };
    let unit = unit_of(kind, currency);
    if rng.chance(0.7) {
        // Some values cannot be written exactly with the truth strictly
        // inside (a remainder near half a unit at every precision).
        for _ in 0..4 {
            if let Some(w) = exact_number(b, unit, rng.range(2, 4) as u32, false) {
                return made_exact(w, unit, "exact");
            }
        }
    }
    approx_number(b, unit, rng)
}

fn honest_date(
    day: i64,
    minute: Option<i64>,
    rng: &mut Rng,
    ctx: &Context<'_>,
    source: usize,
) -> Made {
    let (y, m, d) = civil_from_days(day);
    let choice = rng.below(100);
    let text = |s: String| Json::from(s);
    match choice {
        0..=11 => Made::new(text(format!("{y}")), "date-year", span(year_span(y))),
        12..=23 => Made::new(
            text(format!("{y}-{m:02}")),
            "date-month",
            span(month_span(y, m)),
        ),
        24..=37 => Made::new(text(fmt_day(day)), "date-day", span(day_span(day))),
        38..=43 if minute.is_some() => {
            let minute = minute.unwrap_or(0);
            let at = day * DAY + minute;
            Made::new(
                text(format!(
                    "{}T{:02}:{:02}",
                    fmt_day(day),
                    minute / 60,
                    minute % 60
                )),
                "date-minute",
                Den::Span(at, at + 1),
            )
        }
        38..=49 => {
            if rng.chance(0.5) {
                Made::new(
                    text(format!("~{y}")),
                    "date-approx",
                    span((year_span(y - 1).0, year_span(y + 1).1)),
                )
            } else {
                Made::new(
                    text(format!("~{y}-{m:02}")),
                    "date-approx",
                    span((month_start(y, m - 1), month_start(y, m + 2))),
                )
            }
        }
        50..=59 => Made::new(
            text(format!("--{m:02}-{d:02}")),
            "day-of-year",
            Den::Annual(m, d),
        ),
        60..=69 => match rng.below(4) {
            0 => {
                let k = rng.range(1, 3);
                Made::new(
                    text(format!("<{}", y + k)),
                    "date-bound",
                    Den::Span(NEG_INF, year_span(y + k).0),
                )
            }
            1 => Made::new(
                text(format!("<={y}")),
                "date-bound",
                Den::Span(NEG_INF, year_span(y).1),
            ),
            2 => Made::new(
                text(format!(">={y}-{m:02}")),
                "date-bound",
                Den::Span(month_span(y, m).0, POS_INF),
            ),
            _ => Made::new(
                text(format!(">{}", y - 1)),
                "date-bound",
                Den::Span(year_span(y - 1).1, POS_INF),
            ),
        },
        70..=79 => {
            if rng.chance(0.6) {
                let low = day - rng.range(1, 30);
                let high = day + rng.range(1, 30);
                Made::new(
                    text(format!("{}..{}", fmt_day(low), fmt_day(high))),
                    "date-range",
                    Den::Span(day_span(low).0, day_span(high).1),
                )
            } else {
                let low = y - rng.range(0, 2);
                let high = y + rng.range(1, 2);
                Made::new(
                    text(format!("{low}..{high}")),
                    "date-range",
                    Den::Span(year_span(low).0, year_span(high).1),
                )
            }
        }
        _ => relative_date(day, ctx.sources[source].published),
    }
}

fn span((lo, hi): (i64, i64)) -> Den {
    Den::Span(lo, hi)
}

/// `published-…` counted in the unit of the source's `published` precision,
/// so the shifted interval is a whole year, month or day holding the truth.
fn relative_date(day: i64, published: Published) -> Made {
    let (y, m, _) = civil_from_days(day);
    match published {
        Published::Year(py) => Made::new(
            Json::from(format!("published-{}y", py - y)),
            "date-relative",
            span(year_span(y)),
        ),
        Published::Month(py, pm) => Made::new(
            Json::from(format!("published-{}mo", (py * 12 + pm) - (y * 12 + m))),
            "date-relative",
            span(month_span(y, m)),
        ),
        Published::Day(pday) => {
            let back = pday - day;
            let text = if back % 7 == 0 {
                format!("published-{}w", back / 7)
            } else {
                format!("published-{back}d")
            };
            Made::new(Json::from(text), "date-relative", span(day_span(day)))
        }
    }
}

fn false_date(day: i64, rng: &mut Rng) -> Made {
    let (y, m, d) = civil_from_days(day);
    match rng.below(4) {
        0 => {
            let shift = rng.range(2, 6) * if rng.chance(0.5) { 1 } else { -1 };
            let fy = y + shift;
            Made::new(
                Json::from(format!("{fy}")),
                "date-year",
                span(year_span(fy)),
            )
        }
        1 => {
            let shift = rng.range(3, 8) * if rng.chance(0.5) { 1 } else { -1 };
            let start = month_start(y, m + shift);
            let (fy, fm, _) = civil_from_days(start / DAY);
            Made::new(
                Json::from(format!("{fy}-{fm:02}")),
                "date-month",
                span(month_span(fy, fm)),
            )
        }
        2 => {
            let shifted = day + rng.range(4, 25) * if rng.chance(0.5) { 1 } else { -1 };
            Made::new(
                Json::from(fmt_day(shifted)),
                "date-day",
                span(day_span(shifted)),
            )
        }
        _ => {
            let shifted = days_from_civil(2001, m, d) + rng.range(5, 60);
            let (_, fm, fd) = civil_from_days(shifted);
            let fd = fd.min(28);
            Made::new(
                Json::from(format!("--{fm:02}-{fd:02}")),
                "day-of-year",
                Den::Annual(fm, fd),
            )
        }
    }
}

fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn as_of_written((year, month): (i64, Option<i64>)) -> String {
    match month {
        Some(m) => format!("{year}-{m:02}"),
        None => format!("{year}"),
    }
}

fn pick_as_of(years: &[(i64, u32)], rng: &mut Rng) -> (i64, u32, (i64, Option<i64>)) {
    let (year, rank) = *rng.pick(years);
    let month = rng.chance(0.2).then(|| rng.range(1, 12));
    (year, rank, (year, month))
}

fn text_value(entry: usize, ctx: &Context<'_>, rng: &mut Rng) -> Made {
    let values = &ctx.values[entry];
    let (text, class, form) = match rng.below(100) {
        0..=49 => (values.name.clone(), 0, "text"),
        50..=64 => (values.name.to_uppercase(), 0, "text-case"),
        65..=79 => (values.aliases[0].clone(), 1, "text-alias"),
        _ => (values.aliases[1].clone(), 2, "text-alias-arabic"),
    };
    let mut made = Made::new(Json::from(text), form, Den::Text(entry));
    made.spelling_class = class;
    made
}

fn set_value(members: &[usize], rng: &mut Rng) -> Made {
    let mut written: Vec<usize> = members.to_vec();
    rng.shuffle(&mut written);
    let den = Den::Set(members.iter().copied().collect());
    Made::new(
        Json::Array(written.iter().map(|&i| Json::from(MEMBERS[i])).collect()),
        if members.is_empty() {
            "set-empty"
        } else {
            "set"
        },
        den,
    )
}

/// An honest claim for the group's truth, from `source`.
fn honest_value(
    kind: Kind,
    truth: &TrueValue,
    rng: &mut Rng,
    ctx: &Context<'_>,
    source: usize,
) -> Made {
    match (kind, truth) {
        (Kind::Money | Kind::Count | Kind::Length | Kind::Share, TrueValue::Number(v)) => {
            honest_number(kind, *v, rng, ctx, source)
        }
        (Kind::Date, TrueValue::Date { day, minute }) => {
            honest_date(*day, *minute, rng, ctx, source)
        }
        (Kind::Rank, TrueValue::Rank(years)) => {
            let (_, rank, as_of) = pick_as_of(years, rng);
            let mut made = Made::new(Json::from(ordinal(rank)), "ordinal", Den::Ordinal(rank));
            made.as_of = Some(as_of);
            made
        }
        (Kind::Text, TrueValue::Text(entry)) => text_value(*entry, ctx, rng),
        (Kind::Set, TrueValue::Set(members)) => {
            let k = if rng.chance(0.5) {
                members.len()
            } else {
                rng.range(1, members.len() as i64) as usize
            };
            set_value(&members[..k], rng)
        }
        (Kind::Bool, TrueValue::Bool(b)) => Made::new(Json::Bool(*b), "boolean", Den::Bool(*b)),
        _ => unreachable!("truth of another kind"),
    }
}

/// A claim stating something false about the group.
fn false_value(
    kind: Kind,
    truth: &TrueValue,
    rng: &mut Rng,
    ctx: &Context<'_>,
    source: usize,
) -> Made {
    match truth {
        TrueValue::Number(v) => {
            let factor = if rng.chance(0.5) {
                rng.range(1600, 3200)
            } else {
                rng.range(250, 600)
            };
            false_number(kind, v * i128::from(factor) / 1000, rng, ctx, source)
        }
        TrueValue::Date { day, .. } => false_date(*day, rng),
        TrueValue::Rank(years) => {
            let (_, rank, as_of) = pick_as_of(years, rng);
            let wrong = if rank > 2 && rng.chance(0.5) {
                rank - rng.range(1, i64::from(rank) - 1) as u32
            } else {
                rank + rng.range(1, 4) as u32
            };
            let mut made = Made::new(Json::from(ordinal(wrong)), "ordinal", Den::Ordinal(wrong));
            made.as_of = Some(as_of);
            made
        }
        TrueValue::Text(entry) => {
            let other =
                (entry + 1 + rng.below(ctx.values.len() as u64 - 1) as usize) % ctx.values.len();
            text_value(other, ctx, rng)
        }
        TrueValue::Set(members) => {
            let keep = rng.range(0, members.len() as i64 - 1) as usize;
            let mut false_members: Vec<usize> = members[..keep].to_vec();
            let foreign: Vec<usize> = (0..MEMBERS.len())
                .filter(|i| !members.contains(i))
                .collect();
            let extra = rng.range(1, 2);
            for _ in 0..extra {
                let pick = *rng.pick(&foreign);
                if !false_members.contains(&pick) {
                    false_members.push(pick);
                }
            }
            set_value(&false_members, rng)
        }
        TrueValue::Bool(b) => Made::new(Json::Bool(!b), "boolean", Den::Bool(!b)),
    }
}

/// The margin a numeric relation must clear: 1 % of the truth.
fn margin_of(truth: &TrueValue) -> f64 {
    match truth {
        TrueValue::Number(v) => *v as f64 * 0.01,
        _ => 0.0,
    }
}

// ---------------------------------------------------------------------------
// Subjects, sources, registry

fn make_subjects(config: &Config, rng: &mut Rng) -> Vec<SubjectInfo> {
    let mut subjects = Vec::with_capacity(config.subjects);
    let mut previous_words: Option<(usize, usize, usize)> = None;
    for i in 0..config.subjects {
        // Every subject carries its own number: names differing in digits never link.
        let number = 100 + i;
        let words = match previous_words {
            // A sibling: the same words as the previous subject, another number
            // ("2023 artillery deal" / "2025 artillery deal"), listed as distinct.
            Some(words) if i % 2 == 1 && rng.chance(0.2) => words,
            _ => (
                rng.below(ADJECTIVES.len() as u64) as usize,
                rng.below(NOUNS.len() as u64) as usize,
                rng.below(KINDS.len() as u64) as usize,
            ),
        };
        previous_words = Some(words);
        let (adjective, noun, kind) = (ADJECTIVES[words.0], NOUNS[words.1], KINDS[words.2]);
        let canonical = format!("{adjective} {noun} {kind} {number}");
        let in_registry = rng.chance(0.8);
        let mut spellings = vec![
            canonical.clone(),
            canonical.to_lowercase(),
            canonical.to_uppercase(),
            format!("the {canonical}"),
            format!("The {canonical}"),
            format!("{adjective}  {noun} {kind}  {number}"),
            format!("{adjective}-{noun} {kind} {number}"),
            format!("“{adjective} {noun}” {kind} {number}"),
            format!("{adjective} {noun} {kind}, {number}"),
        ];
        let mut registry_aliases = Vec::new();
        if in_registry {
            let initials: String = [adjective, noun]
                .iter()
                .filter_map(|w| w.chars().next())
                .collect();
            let latin = format!("{initials} {kind} {number}");
            let arabic = format!(
                "{} {} {}",
                ARABIC_KINDS[words.2 % ARABIC_KINDS.len()],
                ARABIC_NOUNS[(words.0 + words.1) % ARABIC_NOUNS.len()],
                number
            );
            // The same alias as a curator might type it: taa marbuta as haa,
            // hamza dropped from alef, Arabic-Indic digits; equal after normalisation.
            let folded: String = arabic
                .chars()
                .map(|c| match c {
                    'ة' => 'ه',
                    'أ' => 'ا',
                    '0'..='9' => char::from_u32(0x0660 + (c as u32 - '0' as u32)).unwrap_or(c),
                    other => other,
                })
                .collect();
            spellings.push(latin.clone());
            spellings.push(arabic.clone());
            spellings.push(folded);
            registry_aliases = vec![latin, arabic];
        }
        subjects.push(SubjectInfo {
            canonical,
            spellings,
            registry_aliases,
        });
    }
    subjects
}

fn pick_spelling(subject: &SubjectInfo, rng: &mut Rng) -> String {
    if rng.chance(0.4) {
        subject.canonical.clone()
    } else {
        rng.pick(&subject.spellings).clone()
    }
}

fn make_sources(config: &Config, rng: &mut Rng) -> Vec<SourceInfo> {
    let width = config.sources.to_string().len().max(4);
    (0..config.sources)
        .map(|i| {
            let year = rng.range(*PUBLISHED_YEARS.start(), *PUBLISHED_YEARS.end());
            let published = match rng.below(10) {
                0..=2 => Published::Year(year),
                3..=6 => Published::Month(year, rng.range(1, 12)),
                _ => Published::Day(days_from_civil(year, rng.range(1, 12), rng.range(1, 28))),
            };
            SourceInfo {
                id: format!("src-{i:0width$}"),
                published,
                language: LANGUAGES[rng.below(LANGUAGES.len() as u64) as usize],
            }
        })
        .collect()
}

fn make_rates() -> Rates {
    let mut rates = Rates::new();
    for year in PUBLISHED_YEARS {
        let mut by_currency = BTreeMap::new();
        for (c, &(code, base)) in CURRENCIES.iter().enumerate() {
            // ±5 % by year, fixed (not random) so the settings read plausibly.
            let percent = ((year * 7 + c as i64 * 3) % 11) - 5;
            by_currency.insert(code, base * i128::from(100 + percent) / 100);
        }
        rates.insert(year, by_currency);
    }
    rates
}

fn settings_toml(rates: &Rates) -> String {
    let mut toml = String::from(
        "# Generated by examples/generate_project.rs: every rate a money claim uses.\n\n\
         [compare]\napprox_tolerance = 0.10\n",
    );
    for (year, by_currency) in rates {
        let _ = write!(toml, "\n[rates.{year}]\n");
        for (code, rate) in by_currency {
            let _ = writeln!(toml, "{code} = {}.{:04}", rate / 10_000, rate % 10_000);
        }
    }
    toml
}

fn make_value_entries() -> Vec<ValueEntry> {
    let mut entries = Vec::new();
    for (w, (word, arabic)) in SYSTEM_WORDS.iter().zip(ARABIC_SYSTEM_WORDS).enumerate() {
        for k in 0..6 {
            let number = 2 + w * 6 + k;
            entries.push(ValueEntry {
                name: format!("{word} {number}"),
                aliases: [format!("{word} Mk {number}"), format!("{arabic} {number}")],
            });
        }
    }
    entries
}

// ---------------------------------------------------------------------------
// The whole project

/// Generates the project described by `config`. Pure: same config, same result.
pub fn generate(config: &Config) -> Generated {
    let mut rng = Rng::new(config.seed);
    let sources = make_sources(config, &mut rng);
    let subjects = make_subjects(config, &mut rng);
    let rates = make_rates();
    let values = make_value_entries();
    let ctx = Context {
        sources: &sources,
        rates: &rates,
        values: &values,
        currency_years: RefCell::new(BTreeMap::new()),
    };

    // Attributes per subject, so groups hold about six claims.
    let per_subject = ((config.claims as f64 / (config.subjects as f64 * 6.0)).round() as usize)
        .clamp(1, ATTRIBUTES.len());
    let group_count = config.subjects * per_subject;
    let sizes = group_sizes(config.claims, group_count, &mut rng);

    let mut groups: Vec<(usize, &'static str, Vec<GenClaim>)> = Vec::with_capacity(group_count);
    for (g, &size) in sizes.iter().enumerate() {
        let subject = g / per_subject;
        let offset = subject * 7 % ATTRIBUTES.len();
        let (attribute, kind) = ATTRIBUTES[(offset + g % per_subject) % ATTRIBUTES.len()];
        let claims = generate_group(&subjects[subject], kind, size, &mut rng, &ctx);
        groups.push((subject, attribute, claims));
    }

    assemble(config, &sources, &subjects, &values, &rates, groups)
}

/// Sizes of `groups` groups summing to `claims`, jittered around the mean.
fn group_sizes(claims: usize, groups: usize, rng: &mut Rng) -> Vec<usize> {
    let mean = claims as f64 / groups as f64;
    let low = (mean * 0.5).floor().max(1.0) as i64;
    let high = (mean * 1.5).ceil().max(1.0) as i64;
    let mut sizes: Vec<usize> = (0..groups).map(|_| rng.range(low, high) as usize).collect();
    let mut total: usize = sizes.iter().sum();
    while total < claims {
        let g = rng.below(groups as u64) as usize;
        sizes[g] += 1;
        total += 1;
    }
    while total > claims {
        let g = rng.below(groups as u64) as usize;
        if sizes[g] > 1 {
            sizes[g] -= 1;
            total -= 1;
        }
    }
    sizes
}

fn generate_group(
    subject: &SubjectInfo,
    kind: Kind,
    size: usize,
    rng: &mut Rng,
    ctx: &Context<'_>,
) -> Vec<GenClaim> {
    ctx.currency_years.borrow_mut().clear();
    let truth = true_value(kind, rng, ctx);
    let margin = margin_of(&truth);
    let bad = if size >= 3 && rng.chance(0.15) {
        if size >= 5 && rng.chance(0.25) { 2 } else { 1 }
    } else {
        0
    };
    let mut claims: Vec<GenClaim> = Vec::with_capacity(size);
    for i in 0..size - bad {
        let source = rng.below(ctx.sources.len() as u64) as usize;
        // A few unreadable values, never the only honest one next to a planted claim.
        let made = if i > 0 && rng.chance(0.03) {
            let mut null = Made::new(Json::Null, "null", Den::Null);
            if let TrueValue::Rank(years) = &truth {
                null.as_of = Some(pick_as_of(years, rng).2);
            }
            null
        } else {
            honest_value(kind, &truth, rng, ctx, source)
        };
        claims.push(claim_from(made, source, subject, rng, true));
    }
    for _ in 0..bad {
        // Some planted claims come from a source already in the group: an
        // internal contradiction when they disagree.
        let source = if rng.chance(0.3) {
            claims[rng.below(claims.len() as u64) as usize].source
        } else {
            rng.below(ctx.sources.len() as u64) as usize
        };
        let mut planted = false;
        for _attempt in 0..20 {
            let made = false_value(kind, &truth, rng, ctx, source);
            let candidate = claim_from(made, source, subject, rng, false);
            let clear = claims.iter().all(|other| {
                !matches!(
                    relate_claims(&candidate, other, margin),
                    Relation::Overlap { clear: false } | Relation::Disjoint { clear: false }
                )
            });
            let contradicts_someone = claims.iter().any(|other| {
                matches!(
                    relate_claims(&candidate, other, margin),
                    Relation::Disjoint { .. }
                )
            });
            if clear && contradicts_someone {
                claims.push(candidate);
                planted = true;
                break;
            }
        }
        if !planted {
            // No clear false value found: keep the group's size with an honest claim.
            let made = honest_value(kind, &truth, rng, ctx, source);
            claims.push(claim_from(made, source, subject, rng, true));
        }
    }
    // Honest pairs must never be disjoint: that would be a generator bug.
    for (i, a) in claims.iter().enumerate() {
        for b in &claims[i + 1..] {
            if a.honest && b.honest {
                assert!(
                    !matches!(relate_claims(a, b, margin), Relation::Disjoint { .. }),
                    "generator bug: honest claims {:?} and {:?} are disjoint",
                    a.value,
                    b.value
                );
            }
        }
    }
    rng.shuffle(&mut claims);
    claims
}

fn claim_from(
    made: Made,
    source: usize,
    subject: &SubjectInfo,
    rng: &mut Rng,
    honest: bool,
) -> GenClaim {
    GenClaim {
        source,
        subject: pick_spelling(subject, rng),
        value: made.value,
        form: made.form,
        den: made.den,
        as_of: made.as_of,
        honest,
        spelling_class: made.spelling_class,
    }
}

fn sorted_pair(a: &str, b: &str) -> [String; 2] {
    if a <= b {
        [a.to_owned(), b.to_owned()]
    } else {
        [b.to_owned(), a.to_owned()]
    }
}

fn assemble(
    config: &Config,
    sources: &[SourceInfo],
    subjects: &[SubjectInfo],
    values: &[ValueEntry],
    rates: &Rates,
    groups: Vec<(usize, &'static str, Vec<GenClaim>)>,
) -> Generated {
    let mut files: Vec<SourceFile> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| SourceFile {
            source: SourceHeader {
                id: s.id.clone(),
                outlet: format!("{} {}", OUTLETS[i % OUTLETS.len()], i / OUTLETS.len() + 1),
                title: format!("Defence procurement report {}", i + 1),
                published: s.published.written(),
                language: s.language.to_owned(),
                document: config.documents.then(|| format!("seeds/{}.txt", s.id)),
                url: None,
            },
            claims: Vec::new(),
        })
        .collect();
    let mut documents: Vec<String> = vec![String::new(); sources.len()];
    let id_width = (config.claims / sources.len().max(1) * 2 + 10)
        .to_string()
        .len()
        .max(5);

    let mut contradictions = Vec::new();
    let mut internal = 0;
    let mut contradiction_groups = 0;
    let mut compatible = Vec::new();
    let mut naming_variants = Vec::new();
    let mut as_of_separated = Vec::new();
    let mut forms: BTreeMap<String, usize> = BTreeMap::new();
    let mut subject_names: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut truth_groups = Vec::with_capacity(groups.len());
    let mut detail_rng = Rng::new(config.seed.wrapping_add(1));

    for (subject, attribute, claims) in groups {
        let info = &subjects[subject];
        let mut ids = Vec::with_capacity(claims.len());
        for claim in &claims {
            let file = &mut files[claim.source];
            let local = format!("c{:0width$}", file.claims.len() + 1, width = id_width);
            let global = format!("{}/{}", file.source.id, local);
            *forms.entry(claim.form.to_owned()).or_default() += 1;
            subject_names
                .entry(info.canonical.clone())
                .or_default()
                .insert(claim.subject.clone());
            let quote = config.documents.then(|| {
                let quote = format!(
                    "{} — {}: {} [{}]",
                    claim.subject,
                    attribute,
                    claim.written_value(),
                    local
                );
                let document = &mut documents[claim.source];
                document.push_str(&quote);
                document.push('\n');
                quote
            });
            let according_to = if detail_rng.chance(0.2) {
                vec![(*detail_rng.pick(ORIGINS)).to_owned()]
            } else {
                Vec::new()
            };
            let note = detail_rng
                .chance(0.05)
                .then(|| "Figure as printed in the article.".to_owned());
            file.claims.push(ClaimOut {
                id: local,
                subject: claim.subject.clone(),
                attribute: attribute.to_owned(),
                value: claim.value.clone(),
                quote,
                as_of: claim.as_of.map(as_of_written),
                according_to,
                note,
            });
            ids.push(global);
        }

        let margin = 0.0;
        let mut group_has_contradiction = false;
        let mut first_compatible = None;
        let mut first_variant = None;
        let mut first_separated = None;
        for i in 0..claims.len() {
            for j in i + 1..claims.len() {
                let (a, b) = (&claims[i], &claims[j]);
                match relate_claims(a, b, margin) {
                    Relation::Disjoint { .. } => {
                        group_has_contradiction = true;
                        contradictions.push(sorted_pair(&ids[i], &ids[j]));
                        if a.source == b.source {
                            internal += 1;
                        }
                    }
                    Relation::Overlap { .. } if a.honest && b.honest => {
                        let (wa, wb) = (a.den.width(), b.den.width());
                        let distinct_sets = match (&a.den, &b.den) {
                            (Den::Set(x), Den::Set(y)) => x != y,
                            (Den::Num(..) | Den::Span(..), Den::Num(..) | Den::Span(..)) => {
                                wa.max(wb) >= 3.0 * wa.min(wb)
                            }
                            (Den::Annual(..), Den::Span(..)) | (Den::Span(..), Den::Annual(..)) => {
                                true
                            }
                            _ => false,
                        };
                        if distinct_sets && first_compatible.is_none() {
                            first_compatible = Some(sorted_pair(&ids[i], &ids[j]));
                        }
                        if matches!(a.den, Den::Text(_))
                            && a.spelling_class != b.spelling_class
                            && first_variant.is_none()
                        {
                            first_variant = Some(sorted_pair(&ids[i], &ids[j]));
                        }
                    }
                    Relation::NotCompared
                        if a.honest
                            && b.honest
                            && a.den != Den::Null
                            && b.den != Den::Null
                            && a.den != b.den
                            && first_separated.is_none() =>
                    {
                        first_separated = Some(sorted_pair(&ids[i], &ids[j]));
                    }
                    _ => {}
                }
            }
        }
        contradiction_groups += usize::from(group_has_contradiction);
        compatible.extend(first_compatible);
        naming_variants.extend(first_variant);
        as_of_separated.extend(first_separated);
        ids.sort();
        truth_groups.push(TruthGroup {
            subject: info.canonical.clone(),
            attribute: attribute.to_owned(),
            claims: ids,
        });
    }
    contradictions.sort();
    compatible.sort();
    naming_variants.sort();
    as_of_separated.sort();
    truth_groups.sort_by(|a, b| (&a.subject, &a.attribute).cmp(&(&b.subject, &b.attribute)));

    let registry = RegistryFile {
        subjects: subjects
            .iter()
            .filter(|s| !s.registry_aliases.is_empty())
            .map(|s| RegistryEntryOut {
                name: s.canonical.clone(),
                aliases: s.registry_aliases.clone(),
            })
            .collect(),
        values: values
            .iter()
            .map(|v| RegistryEntryOut {
                name: v.name.clone(),
                aliases: v.aliases.to_vec(),
            })
            .collect(),
        distinct: subjects
            .windows(2)
            .filter(|pair| same_words(&pair[0].canonical, &pair[1].canonical))
            .map(|pair| [pair[0].canonical.clone(), pair[1].canonical.clone()])
            .collect(),
    };
    let document_files = if config.documents {
        sources
            .iter()
            .zip(documents)
            .map(|(s, text)| (format!("seeds/{}.txt", s.id), text))
            .collect()
    } else {
        Vec::new()
    };
    Generated {
        truth: Truth {
            seed: config.seed,
            claims: config.claims,
            sources: sources.len(),
            subjects: subjects.len(),
            contradiction_groups,
            contradictions,
            internal_contradictions: internal,
            compatible,
            naming_variants,
            as_of_separated,
            subject_names: subject_names
                .into_iter()
                .map(|(k, v)| (k, v.into_iter().collect()))
                .collect(),
            forms,
            groups: truth_groups,
        },
        sources: files,
        registry,
        settings: settings_toml(rates),
        documents: document_files,
    }
}

/// Whether two canonical names differ only in their number.
fn same_words(a: &str, b: &str) -> bool {
    let strip = |s: &str| s.rsplit_once(' ').map(|(words, _)| words.to_owned());
    strip(a) == strip(b)
}
