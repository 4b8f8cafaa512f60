//! `crosscheck.toml`: tolerances, currency rates, linking thresholds and
//! coverage exceptions, into [`Settings`]. Every key is known or an error;
//! numbers become exact decimals from their written text.
//!
//! ```toml
//! [compare]
//! approx_tolerance = 0.10
//! rounding_tolerance = 0.05
//!
//! [attributes]          # the kind of value an attribute holds
//! count = "number"
//! gate = "text"
//!
//! [rates.2023]          # 1 unit of the currency = this many USD in 2023
//! EUR = 1.0813
//!
//! [link]
//! suggest_threshold = 0.75
//! fuzzy_threshold = 0.95   # opt-in: links names by similarity (see docs)
//!
//! [[coverage.ignore]]
//! document = "seeds/a.txt"
//! text = "عام 2020"
//! reason = "the year of the report, not a claim"
//! ```

use std::ops::Range;
use std::str::FromStr;

use rust_decimal::Decimal;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::DiagnosticCode;
use crate::model::{AttributeKind, CoverageIgnore, Settings};
use crate::value::Currency;

use super::fields::{Sink, closest};

const SECTIONS: &[&str] = &["compare", "rates", "link", "coverage", "attributes"];
const COMPARE_KEYS: &[&str] = &["approx_tolerance", "rounding_tolerance"];
const LINK_KEYS: &[&str] = &["fuzzy_threshold", "suggest_threshold"];
const COVERAGE_KEYS: &[&str] = &["ignore"];
const IGNORE_KEYS: &[&str] = &["document", "text", "reason"];

/// The settings, and the `document` of each `[[coverage.ignore]]` with its
/// span (checked against the sources' documents by the caller).
pub(crate) fn read_settings(
    sink: &mut Sink<'_>,
    text: &str,
) -> (Settings, Vec<(String, Range<usize>)>) {
    let mut settings = Settings::default();
    let mut ignore_documents = Vec::new();
    let table = match DeTable::parse(text) {
        Ok(table) => table,
        Err(error) => {
            let span = error.span().unwrap_or(0..0);
            let message = error.message().trim().to_owned();
            sink.error(
                DiagnosticCode::SettingsSyntax,
                span,
                "crosscheck.toml is not valid TOML",
                message,
            )
            .help
            .push("see docs/claim-format.md, \"Settings\", for the file's shape".into());
            return (settings, ignore_documents);
        }
    };
    for (key, value) in table.get_ref() {
        let name = key.get_ref().as_ref();
        let Some(section) = table_of(sink, key, value, name) else {
            continue;
        };
        match name {
            "compare" => {
                for (key, value) in section {
                    let name = key.get_ref().as_ref();
                    if known(sink, key, COMPARE_KEYS, "[compare]")
                        && let Some(t) = decimal(sink, value, name)
                    {
                        if t < Decimal::ZERO || t >= Decimal::ONE {
                            invalid(
                                sink,
                                value.span(),
                                &format!("`{name}` must be at least 0 and below 1"),
                                if name == "approx_tolerance" {
                                    "0.10 means ±10 %"
                                } else {
                                    "0.05 reads a round figure as at most ±5 % of its value; 0 reads every figure as written"
                                },
                            );
                        } else if name == "approx_tolerance" {
                            settings.compare.approx_tolerance = t;
                        } else {
                            settings.compare.rounding_tolerance = t;
                        }
                    }
                }
            }
            "link" => {
                for (key, value) in section {
                    if !known(sink, key, LINK_KEYS, "[link]") {
                        continue;
                    }
                    let name = key.get_ref().as_ref();
                    let Some(t) = decimal(sink, value, name) else {
                        continue;
                    };
                    if t < Decimal::ZERO || t > Decimal::ONE {
                        invalid(
                            sink,
                            value.span(),
                            &format!("`{name}` must be between 0 and 1"),
                            "a similarity: 1 is identical",
                        );
                        continue;
                    }
                    let t = f64::from_str(&t.to_string()).unwrap_or(0.0);
                    if name == "fuzzy_threshold" {
                        settings.link.fuzzy_threshold = Some(t);
                    } else {
                        settings.link.suggest_threshold = t;
                    }
                }
                if let Some(fuzzy) = settings.link.fuzzy_threshold
                    && settings.link.suggest_threshold > fuzzy
                {
                    invalid(
                        sink,
                        key.span(),
                        "`suggest_threshold` is above `fuzzy_threshold`",
                        "suggestions list pairs just below the linking threshold, so suggest_threshold <= fuzzy_threshold",
                    );
                }
            }
            "rates" => read_rates(sink, section, &mut settings),
            "attributes" => read_attributes(sink, section, &mut settings),
            "coverage" => {
                for (key, value) in section {
                    if !known(sink, key, COVERAGE_KEYS, "[coverage]") {
                        continue;
                    }
                    let DeValue::Array(entries) = value.get_ref() else {
                        wrong(
                            sink,
                            value,
                            "`coverage.ignore` must be an array of tables: write [[coverage.ignore]]",
                        );
                        continue;
                    };
                    for entry in entries {
                        if let Some((ignore, span)) = read_ignore(sink, entry) {
                            ignore_documents.push((ignore.document.clone(), span));
                            settings.coverage.ignore.push(ignore);
                        }
                    }
                }
            }
            _ => {
                known(sink, key, SECTIONS, "crosscheck.toml");
            }
        }
    }
    (settings, ignore_documents)
}

/// `[attributes]`: `count = "number"`, one of [`AttributeKind::ALL`].
fn read_attributes(sink: &mut Sink<'_>, section: &DeTable<'_>, settings: &mut Settings) {
    let kinds: Vec<&str> = AttributeKind::ALL.iter().map(|k| k.name()).collect();
    for (key, value) in section {
        let name = key.get_ref().as_ref();
        let DeValue::String(kind) = value.get_ref() else {
            wrong(
                sink,
                value,
                &format!(
                    "`{name}` must name a kind as a string: {}",
                    kinds.join(" | ")
                ),
            );
            continue;
        };
        match AttributeKind::ALL
            .iter()
            .find(|k| k.name() == kind.as_ref())
        {
            Some(kind) => {
                settings.attributes.insert(name.to_owned(), *kind);
            }
            None => {
                let help = match closest(kind, &kinds) {
                    Some(close) => format!(
                        "did you mean \"{close}\"? The kinds are {}",
                        kinds.join(" | ")
                    ),
                    None => format!("the kinds are {}", kinds.join(" | ")),
                };
                invalid(
                    sink,
                    value.span(),
                    &format!("`{kind}` is not a kind of value"),
                    &help,
                );
            }
        }
    }
}

fn table_of<'t, 'i>(
    sink: &mut Sink<'_>,
    key: &Spanned<std::borrow::Cow<'i, str>>,
    value: &'t Spanned<DeValue<'i>>,
    name: &str,
) -> Option<&'t DeTable<'i>> {
    if !SECTIONS.contains(&name) {
        known(sink, key, SECTIONS, "crosscheck.toml");
        return None;
    }
    match value.get_ref() {
        DeValue::Table(table) => Some(table),
        _ => {
            wrong(
                sink,
                value,
                &format!("`{name}` must be a table: write [{name}] on its own line"),
            );
            None
        }
    }
}

/// Reports an unknown key with the known ones; true when known.
fn known(
    sink: &mut Sink<'_>,
    key: &Spanned<std::borrow::Cow<'_, str>>,
    keys: &[&str],
    place: &str,
) -> bool {
    let name = key.get_ref().as_ref();
    if keys.contains(&name) {
        return true;
    }
    let diagnostic = sink.error(
        DiagnosticCode::UnknownSetting,
        key.span(),
        format!("unknown key `{name}` in {place}"),
        "unknown key",
    );
    if let Some(close) = closest(name, keys) {
        diagnostic.help.push(format!("did you mean `{close}`?"));
    }
    diagnostic.notes.push(format!(
        "the keys of {place} are: {}",
        keys.iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(", ")
    ));
    false
}

fn wrong(sink: &mut Sink<'_>, value: &Spanned<DeValue<'_>>, message: &str) {
    sink.error(
        DiagnosticCode::InvalidSetting,
        value.span(),
        message.to_owned(),
        format!("this is {}", value.get_ref().type_str()),
    );
}

fn invalid(sink: &mut Sink<'_>, span: Range<usize>, message: &str, help: &str) {
    sink.error(
        DiagnosticCode::InvalidSetting,
        span,
        message.to_owned(),
        "out of range",
    )
    .help
    .push(help.to_owned());
}

/// A TOML integer or float (or a string holding a decimal, for exactness
/// beyond what a reader might round), read exactly from its text.
fn decimal(sink: &mut Sink<'_>, value: &Spanned<DeValue<'_>>, name: &str) -> Option<Decimal> {
    let text = match value.get_ref() {
        DeValue::Integer(i) if i.radix() == 10 => i.as_str().replace('_', ""),
        DeValue::Float(f) => f.as_str().replace('_', ""),
        DeValue::String(s) => s.to_string(),
        _ => {
            wrong(sink, value, &format!("`{name}` must be a number"));
            return None;
        }
    };
    let parsed = Decimal::from_str(&text)
        .or_else(|_| Decimal::from_scientific(&text))
        .ok();
    if parsed.is_none() {
        sink.error(
            DiagnosticCode::InvalidSetting,
            value.span(),
            format!("`{name}` = {text} is not a decimal number crosscheck can hold"),
            "not a decimal",
        )
        .help
        .push("write a plain decimal such as 1.0813".into());
    }
    parsed
}

fn read_rates(sink: &mut Sink<'_>, section: &DeTable<'_>, settings: &mut Settings) {
    for (year_key, year_table) in section {
        let written = year_key.get_ref().as_ref();
        let Some(year) = written
            .parse::<i32>()
            .ok()
            .filter(|y| (1000..=9999).contains(y) && written.len() == 4)
        else {
            sink.error(
                DiagnosticCode::InvalidSetting,
                year_key.span(),
                format!("`rates.{written}`: the key after `rates.` must be a four-digit year"),
                "not a year",
            )
            .help
            .push("write [rates.2023] and under it CUR = USD per unit, e.g. EUR = 1.0813".into());
            continue;
        };
        let DeValue::Table(rates) = year_table.get_ref() else {
            wrong(
                sink,
                year_table,
                &format!("`rates.{year}` must be a table: write [rates.{year}]"),
            );
            continue;
        };
        for (code_key, rate) in rates {
            let code = code_key.get_ref().as_ref();
            // The codes values accept: a typo (`QQQ`) or a withdrawn code
            // (`HRK`) would otherwise make pairs quietly incomparable.
            let Some(currency) = crate::value::currency(code) else {
                bad_currency(sink, code_key.span(), code);
                continue;
            };
            let Some(rate_value) = decimal(sink, rate, &format!("rates.{year}.{code}")) else {
                continue;
            };
            if rate_value <= Decimal::ZERO {
                invalid(
                    sink,
                    rate.span(),
                    &format!("the rate of {code} in {year} must be above 0"),
                    "a rate is how many USD one unit of the currency is worth",
                );
                continue;
            }
            if currency == Currency::usd() && rate_value != Decimal::ONE {
                invalid(
                    sink,
                    rate.span(),
                    "the rate of USD must be 1",
                    "rates are in USD per unit; remove the USD line",
                );
                continue;
            }
            settings
                .rates
                .entry(year)
                .or_default()
                .insert(currency, rate_value);
        }
    }
}

fn bad_currency(sink: &mut Sink<'_>, span: Range<usize>, code: &str) {
    sink.error(
        DiagnosticCode::InvalidSetting,
        span,
        format!("`{code}` is not a current ISO 4217 currency code"),
        "not a currency code",
    )
    .help
    .push(
        match crate::value::currency(&code.to_ascii_uppercase()) {
            Some(_) => format!("currency codes are upper case: {}", code.to_ascii_uppercase()),
            None => "write a current ISO 4217 code, as values take them (EUR, MAD, GBP); a withdrawn code (HRK) names no currency a value can have".into(),
        },
    );
}

fn read_ignore(
    sink: &mut Sink<'_>,
    entry: &Spanned<DeValue<'_>>,
) -> Option<(CoverageIgnore, Range<usize>)> {
    let DeValue::Table(table) = entry.get_ref() else {
        wrong(sink, entry, "each `coverage.ignore` entry must be a table");
        return None;
    };
    let mut ok = true;
    for (key, _) in table {
        ok &= known(sink, key, IGNORE_KEYS, "[[coverage.ignore]]");
    }
    let mut field = |name: &str| -> Option<(String, Range<usize>)> {
        match table.get(name) {
            Some(value) => match value.get_ref() {
                DeValue::String(s) if !s.trim().is_empty() => Some((s.to_string(), value.span())),
                _ => {
                    wrong(sink, value, &format!("`{name}` must be a non-empty string"));
                    None
                }
            },
            None => {
                sink.error(
                    DiagnosticCode::InvalidSetting,
                    entry.span(),
                    format!("this [[coverage.ignore]] entry has no `{name}`"),
                    format!("`{name}` is required"),
                )
                .help
                .push("each entry has document = \"seeds/...\", text = \"the passage\", reason = \"why no claim covers it\"".into());
                None
            }
        }
    };
    let document = field("document");
    let text = field("text");
    let reason = field("reason");
    let ((document, span), (text, _), (reason, _)) = (document?, text?, reason?);
    ok.then_some((
        CoverageIgnore {
            document,
            text,
            reason,
        },
        span,
    ))
}
