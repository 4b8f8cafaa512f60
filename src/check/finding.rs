//! What the checker concludes: findings, the contract between `check` and
//! `report`. Reports render these; they never decide what a finding is.

use crate::model::ClaimId;

/// The kind of a finding. The kebab-case names are part of the JSON report's
/// fixed part (docs/claim-format.md); the order here is the order of reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FindingKind {
    Contradiction,
    InternalContradiction,
    Incomparable,
    Compatible,
    NamingVariant,
    Agreement,
    Unreadable,
}

impl FindingKind {
    pub const ALL: [FindingKind; 7] = [
        FindingKind::Contradiction,
        FindingKind::InternalContradiction,
        FindingKind::Incomparable,
        FindingKind::Compatible,
        FindingKind::NamingVariant,
        FindingKind::Agreement,
        FindingKind::Unreadable,
    ];

    pub fn name(self) -> &'static str {
        match self {
            FindingKind::Contradiction => "contradiction",
            FindingKind::InternalContradiction => "internal-contradiction",
            FindingKind::Incomparable => "incomparable",
            FindingKind::Compatible => "compatible",
            FindingKind::NamingVariant => "naming-variant",
            FindingKind::Agreement => "agreement",
            FindingKind::Unreadable => "unreadable",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            FindingKind::Contradiction => "claims from different sources that cannot both be true",
            FindingKind::InternalContradiction => "claims of one source that cannot both be true",
            FindingKind::Incomparable => {
                "values that cannot be compared (a missing currency rate, different dimensions)"
            }
            FindingKind::Compatible => {
                "claims that can both be true, one less precise than the other"
            }
            FindingKind::NamingVariant => "the same thing named differently (registry aliases)",
            FindingKind::Agreement => "claims that state the same value",
            FindingKind::Unreadable => "a stated fact whose value is unreadable in the source",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            FindingKind::Contradiction | FindingKind::InternalContradiction => {
                Severity::Contradiction
            }
            FindingKind::Incomparable | FindingKind::Unreadable => Severity::Warning,
            FindingKind::Compatible | FindingKind::NamingVariant | FindingKind::Agreement => {
                Severity::Info
            }
        }
    }
}

/// How much a finding matters to a pipeline: `--fail-on` compares with this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Contradiction,
    Warning,
    Info,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Contradiction => "contradiction",
            Severity::Warning => "warning",
            Severity::Info => "info",
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
    /// For the contradiction kinds: every pair that cannot both be true,
    /// each sorted, the list sorted. Empty for the other kinds.
    pub pairs: Vec<[ClaimId; 2]>,
    /// The finding in plain words, for example
    /// "200M EUR is 216.26M USD at 1.0813 (2023), above 'up to 150M USD'".
    pub explanation: String,
    /// The relation and reason for each compared pair, sorted by pair.
    pub comparisons: Vec<PairComparison>,
    /// Every currency conversion made, with its rate.
    pub conversions: Vec<Conversion>,
    /// How many independent origins stand behind each distinct value (claims
    /// sharing an `according_to` origin count once).
    pub independent_origins: usize,
}

/// The verdict on one pair of claims.
#[derive(Debug, Clone, PartialEq)]
pub struct PairComparison {
    pub claims: [ClaimId; 2],
    pub relation: crate::value::SetRelation,
    /// Why, in plain words.
    pub reason: String,
}

/// A currency conversion the checker made.
#[derive(Debug, Clone, PartialEq)]
pub struct Conversion {
    pub claim: ClaimId,
    pub from: String,
    pub to: String,
    /// USD per unit of `from`, from `crosscheck.toml` `[rates.<year>]`.
    pub rate: String,
    pub year: i32,
}
