//! What the checker concludes: findings, the contract between `check` and
//! `report`. Reports render these; they never decide what a finding is.
//!
//! The names of [`FindingKind`], [`Verdict`], [`ReasonCode`] and
//! [`super::CheckCode`] are kebab-case and part of the JSON report; a test
//! snapshots all of them so a rename shows up in review.

use std::fmt;

use strum::{IntoStaticStr, VariantArray};

use super::describe::{self, Order};
use crate::model::ClaimId;
use crate::value::SetRelation;

/// The kind of a finding: the one definition of everything a report shows
/// about a kind. The kebab-case names are part of the JSON report's fixed
/// part (docs/claim-format.md) and derived from the variants; the list of
/// all kinds ([`FindingKind::ALL`]) is derived too, so it cannot miss one.
/// The order here is the order of reports.
///
/// Adding a kind: a variant here with its [`KindInfo`] in [`FindingKind::info`]
/// (the compiler asks for it), the check that emits it, and its fixture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, IntoStaticStr, VariantArray)]
#[strum(serialize_all = "kebab-case")]
pub enum FindingKind {
    Contradiction,
    InternalContradiction,
    /// Two values disjoint as written that overlap once a round figure is
    /// read as rounded (`11,000` and `11,300`).
    Rounding,
    /// A claim that `supersedes` another: a revised value.
    Revision,
    /// One subject and attribute holds values of two kinds (a date and an
    /// amount): a curation error, since such claims are never compared.
    MixedKinds,
    Incomparable,
    Compatible,
    NamingVariant,
    Agreement,
    Unreadable,
}

/// What reports show of a [`FindingKind`], in one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindInfo {
    /// As a heading: `Internal contradiction`.
    pub title: &'static str,
    /// Counted, one and many: `1 internal contradiction`, `2 internal
    /// contradictions` (`3 unreadable`: some kinds read as adjectives).
    pub one: &'static str,
    pub many: &'static str,
    pub severity: Severity,
    /// The badge and border colour in the HTML report: a CSS colour (the
    /// page's palette variables).
    pub colour: &'static str,
    /// One sentence for docs, `--help`-like listings and SARIF rules.
    pub description: &'static str,
    /// For the kinds whose findings list `pairs` (the exact relation the
    /// JSON report keeps): what a pair is, in words (`Cannot both be
    /// true`). The terminal summary shows these findings in full.
    pub pairs: Option<&'static str>,
    /// Whether a reader must look at the finding (`check --detail`): its
    /// comparisons are in every report, and its claims' quotes and
    /// denotations in the claim table. Agreements, compatible values and
    /// naming variants are listed with their claims and one sentence.
    pub needs_attention: bool,
}

impl FindingKind {
    /// Every kind, in report order.
    pub const ALL: &'static [FindingKind] = <FindingKind as VariantArray>::VARIANTS;

    /// The kebab-case name of the JSON report.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// Everything reports show of the kind.
    pub const fn info(self) -> KindInfo {
        use Severity::{Contradiction, Info, Warning};
        match self {
            FindingKind::Contradiction => KindInfo {
                title: "Contradiction",
                one: "contradiction",
                many: "contradictions",
                severity: Contradiction,
                colour: "var(--red)",
                description: "claims from different sources that cannot both be true",
                pairs: Some("Cannot both be true"),
                needs_attention: true,
            },
            FindingKind::InternalContradiction => KindInfo {
                title: "Internal contradiction",
                one: "internal contradiction",
                many: "internal contradictions",
                severity: Contradiction,
                colour: "var(--orange)",
                description: "claims of one source, on its own account or from one origin, that cannot both be true",
                pairs: Some("Cannot both be true"),
                needs_attention: true,
            },
            FindingKind::Rounding => KindInfo {
                title: "Rounding",
                one: "difference within rounding",
                many: "differences within rounding",
                severity: Warning,
                colour: "var(--olive)",
                description: "the values differ by no more than rounding: disjoint as written, overlapping once a round figure is read as rounded",
                pairs: Some("Differ by no more than rounding"),
                needs_attention: true,
            },
            FindingKind::Revision => KindInfo {
                title: "Revision",
                one: "revision",
                many: "revisions",
                severity: Info,
                colour: "var(--teal)",
                description: "a claim that supersedes another: the value was revised",
                pairs: Some("Revised"),
                needs_attention: true,
            },
            FindingKind::MixedKinds => KindInfo {
                title: "Mixed kinds",
                one: "mixed-kinds curation error",
                many: "mixed-kinds curation errors",
                severity: Warning,
                colour: "var(--brown)",
                description: "one subject and attribute holds values of different kinds (say a date and an amount), which are never compared",
                pairs: None,
                needs_attention: true,
            },
            FindingKind::Incomparable => KindInfo {
                title: "Incomparable",
                one: "incomparable",
                many: "incomparable",
                severity: Warning,
                colour: "var(--amber)",
                description: "values that cannot be compared (a missing currency rate, different dimensions)",
                pairs: None,
                needs_attention: true,
            },
            FindingKind::Compatible => KindInfo {
                title: "Compatible",
                one: "compatible",
                many: "compatible",
                severity: Info,
                colour: "var(--blue)",
                description: "claims that can both be true, one less precise than the other",
                pairs: None,
                needs_attention: false,
            },
            FindingKind::NamingVariant => KindInfo {
                title: "Naming variant",
                one: "naming variant",
                many: "naming variants",
                severity: Info,
                colour: "var(--purple)",
                description: "the same thing named differently (registry aliases)",
                pairs: None,
                needs_attention: false,
            },
            FindingKind::Agreement => KindInfo {
                title: "Agreement",
                one: "agreement",
                many: "agreements",
                severity: Info,
                colour: "var(--green)",
                description: "claims that state the same value",
                pairs: None,
                needs_attention: false,
            },
            FindingKind::Unreadable => KindInfo {
                title: "Unreadable",
                one: "unreadable",
                many: "unreadable",
                severity: Warning,
                colour: "var(--grey)",
                description: "a stated fact whose value is unreadable in the source",
                pairs: None,
                needs_attention: true,
            },
        }
    }

    /// As a heading: `Internal contradiction`.
    pub fn title(self) -> &'static str {
        self.info().title
    }

    pub fn description(self) -> &'static str {
        self.info().description
    }

    pub fn severity(self) -> Severity {
        self.info().severity
    }

    /// `2 contradictions`, `1 internal contradiction`, `3 unreadable`.
    pub fn counted(self, count: usize) -> String {
        let info = self.info();
        let word = if count == 1 { info.one } else { info.many };
        format!("{count} {word}")
    }
}

/// How much a finding matters to a pipeline: `--fail-on` compares with this.
/// Ordered from most to least serious.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, IntoStaticStr, VariantArray)]
#[strum(serialize_all = "kebab-case")]
pub enum Severity {
    Contradiction,
    Warning,
    Info,
}

impl Severity {
    /// Every severity, most serious first.
    pub const ALL: &'static [Severity] = <Severity as VariantArray>::VARIANTS;

    pub fn name(self) -> &'static str {
        self.into()
    }

    /// A report section's heading for the findings of this severity.
    pub fn title(self) -> &'static str {
        match self {
            Severity::Contradiction => "Contradictions",
            Severity::Warning => "Warnings",
            Severity::Info => "Revisions, agreements and compatible claims",
        }
    }
}

/// The verdict on one pair of claims. A contradiction between two claims of
/// one source becomes an `internal-contradiction` finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, IntoStaticStr, VariantArray)]
#[strum(serialize_all = "kebab-case")]
pub enum Verdict {
    /// They cannot both be true.
    Contradiction,
    /// Disjoint as written, overlapping once a round figure is read as rounded.
    Rounding,
    /// One supersedes the other.
    Revision,
    /// They cannot be compared (no rate, different dimensions, a date with
    /// no anchor).
    Incomparable,
    /// Both can be true; one is less precise, or they overlap.
    Compatible,
    /// Two names of one registry `values` entry.
    NamingVariant,
    /// The same value.
    Agreement,
}

impl Verdict {
    /// The kind of finding a pair with this verdict belongs to. (Two
    /// claims of one source and one origin that contradict each other make
    /// an internal contradiction instead: the assembly decides that, since
    /// it needs the claims.)
    pub fn kind(self) -> FindingKind {
        match self {
            Verdict::Contradiction => FindingKind::Contradiction,
            Verdict::Rounding => FindingKind::Rounding,
            Verdict::Revision => FindingKind::Revision,
            Verdict::Incomparable => FindingKind::Incomparable,
            Verdict::Compatible => FindingKind::Compatible,
            Verdict::NamingVariant => FindingKind::NamingVariant,
            Verdict::Agreement => FindingKind::Agreement,
        }
    }

    /// Every variant, in declaration order (derived).
    pub const ALL: &'static [Verdict] = <Verdict as VariantArray>::VARIANTS;

    /// The kebab-case name of the JSON report.
    pub fn name(self) -> &'static str {
        self.into()
    }

    pub fn description(self) -> &'static str {
        match self {
            Verdict::Contradiction => "the two claims cannot both be true",
            Verdict::Rounding => "the two values differ by no more than rounding",
            Verdict::Revision => "one claim supersedes the other",
            Verdict::Incomparable => "the two claims cannot be compared",
            Verdict::Compatible => "both can be true; one is less precise or they overlap",
            Verdict::NamingVariant => "two names of one registry values entry",
            Verdict::Agreement => "the two claims state the same value",
        }
    }
}

/// Why a pair got its verdict, for machines. The plain-words reason is in
/// [`PairComparison::reason`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, IntoStaticStr, VariantArray)]
#[strum(serialize_all = "kebab-case")]
pub enum ReasonCode {
    /// The two values denote the same set.
    SameSet,
    /// One value's set lies inside the other's.
    Nested,
    /// The sets share values and each has values the other lacks.
    Overlapping,
    /// No value is in both sets.
    Disjoint,
    /// Disjoint as written, overlapping with a round figure read as rounded.
    WithinRounding,
    /// One claim names the other in `supersedes`.
    Supersedes,
    /// A day of year (`--12-10`) falls inside a date or span in some year.
    DayOfYearInside,
    /// A day of year (`--12-10`) falls in no year of a date or span.
    DayOfYearOutside,
    /// Two amounts in currencies with no rate for the claim's year.
    NoRate,
    /// An amount with no year to pick a rate for (no `as_of`, no `published`).
    NoYearForRate,
    /// A converted amount too large to represent exactly.
    ConversionOverflow,
    /// Numbers in different dimensions (an amount of money and a length).
    DifferentDimensions,
    /// A relative date whose source has no calendar `published`.
    UnanchoredDate,
    /// Texts equal after name normalisation.
    SameName,
    /// Texts that are aliases of one registry `values` entry.
    RegistryAlias,
    /// Texts that are one name under a rule of `link::rules` (another word
    /// order, an article or stop word, an initial for a given name).
    OtherFormOfName,
    /// Texts that differ and are not aliases of one entry.
    DifferentNames,
    /// An Arabic and a Latin text whose consonant skeletons are close: maybe
    /// one name in two scripts, which only the registry can say.
    OtherScript,
    /// Latin texts with the same consonants, differing in their vowels or
    /// doubled letters: maybe one name transliterated two ways, which only
    /// the registry can say.
    Transliterated,
    /// Sets with the same members (after normalisation and aliases).
    SameMembers,
    /// One set's members are all members of the other.
    SubsetOfMembers,
    /// Each set has members the other lacks.
    DifferentMembers,
    /// Two texts that may be one name, one written less fully (a title,
    /// an initial, a first or middle name left out).
    NamedLessFully,
    /// Sets whose members differ only in how fully they are named (a
    /// surname alone, an initial, a middle name left out).
    MembersNamedLessFully,
    /// The members only one set has are in Latin script and those only the
    /// other has in Arabic: maybe the same members, which only the
    /// registry can say.
    MembersInTwoScripts,
    /// The members only one set has and those only the other has pair up
    /// as Latin names with the same consonants: maybe the same members
    /// transliterated two ways, which only the registry can say.
    MembersTransliterated,
    /// The same position in an order.
    SamePosition,
    /// Different positions in an order.
    DifferentPosition,
    /// The same truth value.
    SameTruth,
    /// Opposite truth values.
    OppositeTruth,
}

impl ReasonCode {
    /// Every variant, in declaration order (derived).
    pub const ALL: &'static [ReasonCode] = <ReasonCode as VariantArray>::VARIANTS;

    /// The kebab-case name of the JSON report.
    pub fn name(self) -> &'static str {
        self.into()
    }

    pub fn description(self) -> &'static str {
        match self {
            ReasonCode::SameSet => "the two values denote the same set",
            ReasonCode::Nested => "one value's set lies inside the other's",
            ReasonCode::Overlapping => "the sets share values and each has values the other lacks",
            ReasonCode::Disjoint => "no value is in both sets",
            ReasonCode::WithinRounding => {
                "disjoint as written, overlapping once a round figure is read as rounded"
            }
            ReasonCode::Supersedes => "one claim names the other in `supersedes`",
            ReasonCode::DayOfYearInside => "a day of year falls inside the other date in some year",
            ReasonCode::DayOfYearOutside => "a day of year falls in no year of the other date",
            ReasonCode::NoRate => "crosscheck.toml has no rate for a currency in the claim's year",
            ReasonCode::NoYearForRate => {
                "an amount has no year (no as_of, no published) to pick a rate for"
            }
            ReasonCode::ConversionOverflow => "a converted amount is too large to represent",
            ReasonCode::DifferentDimensions => {
                "numbers in different dimensions (money, length, mass, area, volume, power, energy, percent, plain)"
            }
            ReasonCode::UnanchoredDate => {
                "a relative date whose source has no calendar published date"
            }
            ReasonCode::SameName => "texts equal after name normalisation",
            ReasonCode::RegistryAlias => "texts that are aliases of one registry values entry",
            ReasonCode::OtherFormOfName => {
                "texts that are one name in another form: word order, an article or stop word, an initial"
            }
            ReasonCode::DifferentNames => "texts that differ and are not aliases of one entry",
            ReasonCode::OtherScript => {
                "an Arabic and a Latin text with close consonant skeletons, or whose words pair up by their skeletons: maybe one name in two scripts"
            }
            ReasonCode::Transliterated => {
                "Latin texts with the same consonants, or whose words pair up by their consonants: maybe one name transliterated two ways"
            }
            ReasonCode::SameMembers => "sets with the same members",
            ReasonCode::SubsetOfMembers => "one set's members are all members of the other",
            ReasonCode::DifferentMembers => "each set has members the other lacks",
            ReasonCode::NamedLessFully => "texts that may be one name, one written less fully",
            ReasonCode::MembersNamedLessFully => {
                "sets whose members differ only in how fully they are named"
            }
            ReasonCode::MembersInTwoScripts => {
                "the members only one set has are Latin, those only the other has Arabic: maybe the same members"
            }
            ReasonCode::MembersTransliterated => {
                "the members only each set has pair up as Latin names with the same consonants: maybe the same members"
            }
            ReasonCode::SamePosition => "the same position in an order",
            ReasonCode::DifferentPosition => "different positions in an order",
            ReasonCode::SameTruth => "the same truth value",
            ReasonCode::OppositeTruth => "opposite truth values",
        }
    }
}

/// One finding: a group of claims about one subject and attribute, the kind
/// of their relation, and the exact pairs behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub kind: FindingKind,
    /// The canonical subject name.
    pub subject: String,
    pub attribute: String,
    /// Global ids of the claims involved, sorted.
    pub claims: Vec<ClaimId>,
    /// For the contradiction kinds: every pair that cannot both be true;
    /// for `rounding`, every pair that differs by no more than rounding;
    /// for `revision`, the superseded and the superseding claim. Each
    /// sorted, the list sorted. Empty for the other kinds.
    pub pairs: Vec<[ClaimId; 2]>,
    /// Instead of `pairs`, in a fact of more than [`super::SIDES_ABOVE`]
    /// claims (unless `--detail full`): the same exact relation as sides,
    /// each pair of the relation being one claim of `left` and one of
    /// `right` of some side. A fact where 30,000 sources state one figure
    /// and 300 another has one side, not 9 million pairs.
    pub sides: Vec<Side>,
    /// Pairs of the group (at least one claim of it in this finding) that
    /// were not compared because their `as_of` do not overlap, each
    /// sorted, the list sorted. Not gathered when `by_value`.
    pub not_compared: Vec<[ClaimId; 2]>,
    /// Whether the finding comes from a fact compared value by value
    /// ([`super::SIDES_ABOVE`]): its `not_compared` is then unknown, not
    /// empty, and reports say so rather than list none.
    pub by_value: bool,
    /// The finding in plain words, for example
    /// "200M EUR is 216.26M USD at 1.0813 (2023), above 'up to 150M USD'".
    pub explanation: String,
    /// The verdict and reason for each compared pair behind this finding,
    /// sorted by pair.
    pub comparisons: Vec<PairComparison>,
    /// Every currency conversion made for those comparisons, with its rate,
    /// sorted by claim.
    pub conversions: Vec<Conversion>,
    /// How many independent origins stand behind the finding's claims
    /// (claims sharing an `according_to` origin count once).
    /// (The origins themselves, each with the claims resting on it, are
    /// [`super::origins_of`] the finding's claims: the JSON report lists
    /// them; keeping them in every finding was a tenth of the memory of a
    /// million-claim run.)
    pub independent_origins: usize,
}

impl Finding {
    /// How many pairs of claims the finding relates: its `pairs`, or the
    /// pairs its `sides` stand for.
    pub fn pair_count(&self) -> usize {
        self.pairs.len()
            + self
                .sides
                .iter()
                .map(|side| side.left.len() * side.right.len())
                .sum::<usize>()
    }

    /// Every pair of the finding's relation, each sorted, from `pairs` or
    /// by expanding `sides` (as many as [`Finding::pair_count`]: for
    /// `--detail full`-like output only).
    pub fn expanded_pairs(&self) -> Vec<[ClaimId; 2]> {
        let mut pairs = self.pairs.clone();
        for side in &self.sides {
            for a in &side.left {
                for b in &side.right {
                    pairs.push(if a < b {
                        [a.clone(), b.clone()]
                    } else {
                        [b.clone(), a.clone()]
                    });
                }
            }
        }
        pairs.sort();
        pairs
    }
}

/// Two sets of claims every claim of one relates to every claim of the
/// other (they cannot both be true, say): a block of a finding's relation.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Side {
    /// Sorted.
    pub left: Vec<ClaimId>,
    /// Sorted.
    pub right: Vec<ClaimId>,
    /// The distinct values written on the left, in the order of their
    /// first claim: what the side spans.
    pub left_values: Vec<String>,
    /// The same for the right.
    pub right_values: Vec<String>,
}

/// The verdict on one pair of claims.
#[derive(Debug, Clone, PartialEq)]
pub struct PairComparison {
    /// Sorted; `relation` reads from the first to the second.
    pub claims: [ClaimId; 2],
    /// The check that compared them.
    pub check: super::CheckCode,
    pub verdict: Verdict,
    /// How the first claim's denoted set relates to the second's, when the
    /// values are sets of numbers, instants or members.
    pub relation: Option<SetRelation>,
    pub code: ReasonCode,
    /// Why, in plain words: see [`PairComparison::reason_text`].
    pub reason: Reason,
    /// Currency conversions this comparison made (a boxed slice: most
    /// comparisons make none, and there are millions of comparisons).
    pub conversions: Box<[Conversion]>,
}

/// Why a pair got its verdict, kept as what its words are made of and
/// worded when a report is written: a million-claim project has millions
/// of compared pairs, and their sentences, built up front, were most of the
/// checker's memory. Most reasons only quote the two values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// Worded when the pair was compared (conversions, days of year,
    /// registry entries, values that cannot be compared).
    Text(Box<str>),
    /// How the two values' sets relate ([`describe::relation_clause`] with
    /// the comparison's `relation`); `a_first` is whether the first set
    /// lies below (before) the second, when they are disjoint.
    Relation { order: Order, a_first: bool },
    /// `'a' and 'b' <words>`.
    Both(&'static str),
    /// One set of names inside the other: `first` is whether the first
    /// claim's set is the smaller.
    SubsetOf { first: bool },
}

/// What a reason quotes of a claim: its value as written and what it
/// denotes in words ([`super::denoted_text`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quoted<'a> {
    pub written: &'a str,
    pub denoted: &'a str,
}

impl Reason {
    /// A reason worded when the pair was compared.
    pub fn text(words: impl Into<String>) -> Reason {
        Reason::Text(words.into().into_boxed_str())
    }
}

impl PairComparison {
    /// The reason in plain words, given the two claims (`claims[0]`, then
    /// `claims[1]`).
    pub fn reason_text(&self, a: Quoted<'_>, b: Quoted<'_>) -> String {
        self.reason_words(a, b).to_string()
    }

    /// The reason in plain words, to be written where it is needed
    /// (reports serialise millions of them without a `String` each).
    pub fn reason_words<'a>(&'a self, a: Quoted<'a>, b: Quoted<'a>) -> ReasonWords<'a> {
        ReasonWords {
            comparison: self,
            a,
            b,
        }
    }
}

/// A comparison's reason with the two values it quotes: `Display` writes
/// it in plain words.
#[derive(Debug, Clone, Copy)]
pub struct ReasonWords<'a> {
    comparison: &'a PairComparison,
    a: Quoted<'a>,
    b: Quoted<'a>,
}

impl fmt::Display for ReasonWords<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (a, b) = (self.a, self.b);
        match &self.comparison.reason {
            Reason::Text(text) => f.write_str(text),
            Reason::Relation { order, a_first } => describe::write_relation_clause(
                f,
                a.written,
                a.denoted,
                b.written,
                b.denoted,
                self.comparison.relation.unwrap_or(SetRelation::Equal),
                *a_first,
                *order,
            ),
            Reason::Both(words) => write!(f, "'{}' and '{}' {words}", a.written, b.written),
            Reason::SubsetOf { first } => {
                let (small, large) = if *first {
                    (a.written, b.written)
                } else {
                    (b.written, a.written)
                };
                write!(
                    f,
                    "every member of '{small}' is in '{large}': '{small}' is less complete"
                )
            }
        }
    }
}

/// A currency conversion the checker made.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Conversion {
    pub claim: ClaimId,
    pub from: String,
    pub to: String,
    /// USD per unit of `from`, from `crosscheck.toml` `[rates.<year>]`.
    pub rate: String,
    pub year: i32,
    /// The value as written (`200M EUR`).
    pub written: String,
    /// The converted value in plain words (`216.26M USD`).
    pub converted: String,
}

impl Conversion {
    /// The conversion in plain words, after the claim's id:
    /// `from EUR to USD at 1.0813 USD per EUR (2023)`.
    pub fn describe(&self) -> String {
        format!(
            "from {} to {} at {} {} per {} ({})",
            self.from, self.to, self.rate, self.to, self.from, self.year
        )
    }
}

/// One independent origin: an `according_to` name (or, for claims citing
/// none, their source) and the claims that rest on it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Origin {
    /// The cited names as written (first spelling met, in claim order), or
    /// `source <id>` for claims that cite no one.
    pub names: Vec<String>,
    pub claims: Vec<ClaimId>,
}
