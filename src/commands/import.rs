//! `crosscheck import FILE`: claims from a spreadsheet (CSV, TSV, `.xlsx`,
//! `.ods`), one claim per row, into `claims/<source>.json` files.
//!
//! # How rows become claims
//!
//! Columns map to fields by header name (case, spaces and `-` ignored):
//! the claim fields `id, subject, attribute, value, quote, as_of,
//! according_to, note, supersedes`, the source fields `source, outlet,
//! title, published, language, document, url`, and `claim` (a global id
//! `source/id`, as `check --format claims-csv` writes it). The claims
//! table's other columns (`canonical subject`, `normalised`, `line`,
//! `column`) are skipped and `value as written` is `value`, so that table
//! imports as it is. `--map HEADER=FIELD` maps any other header
//! (`--map HEADER=ignore` skips a column); a header nothing maps is an
//! error, so no column is lost silently.
//!
//! - `source` is the source id; a name that is no id (a character other
//!   than letters, digits, `-` and `_` in it: `5512121: CapitalBot`) gets
//!   the id with each run of those replaced by `-` and a checksum of the
//!   name (`5512121-CapitalBot-df005791`), and is kept as the new source's
//!   `outlet`.
//! - `id`, when absent: the subject's words and the attribute
//!   (`barak-mx-air-defence-deal-value`), with `-2`, `-3` for later rows of
//!   one source with the same subject and attribute, so re-importing the
//!   same file gives the same ids.
//! - `attribute` is written in snake_case (`Population 2006` →
//!   `population_2006`).
//! - `value`: a CSV cell is a string (the value grammar reads `3,000`,
//!   `~500M USD`, `2020-12`), except `true`, `false`, `null` and a JSON
//!   array (`["a", "b"]`, a set); a spreadsheet's number, boolean and date
//!   cells are a JSON number, a boolean and an ISO date.
//! - `according_to` names are separated by `;`.
//! - a cell starting with `'` before `=`, `+`, `-`, `@` loses the `'` (what
//!   `check --format csv` adds against formula injection).
//! - An empty cell is an absent field.
//!
//! Source fields are used when the source's file is created
//! (`claims/<source id>.json`); an existing file's `source` is kept.
//!
//! # Validation and writing
//!
//! Every file to be written is validated with the whole project exactly as
//! `crosscheck add` validates one claim (the same loader, with the new
//! bytes in place of the files), under the same lock files
//! (`claims/<name>.json.lock`, taken in path order), and written
//! atomically. Each error names the file, the sheet, the row and the
//! column, says what is wrong and how to fix it. Nothing is written unless
//! every row is valid, or with `--skip-invalid` the valid rows are written
//! and each skipped row is reported. A row whose claim is already in the
//! file with the same fields adds nothing; with other fields it is an error
//! unless `--update`, which replaces the claim.
//!
//! Text files must be UTF-8 (a UTF-8 or UTF-16 byte-order mark is read);
//! anything else is an error at its row and column with the `iconv`
//! command that converts it.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::{File, OpenOptions};
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader};
use rayon::prelude::*;

use super::add::{self, Members};
use super::{Console, ExitStatus};
use crate::atomic_file::write_atomically;
use crate::diagnostic::Diagnostic;
use crate::load;
use crate::load::json::{self, JsonKind};
use crate::model::Files;
use crate::report::csv::restore;

#[derive(Debug, clap::Args)]
#[command(after_help = r#"Examples:
  crosscheck import claims.csv
  crosscheck import sheet.xlsx --sheet Claims --dir cases/morocco
  crosscheck import export.csv --map "Outlet id=source" --map Figure=value --map Remarks=ignore
  crosscheck check --format claims-csv > claims.csv && crosscheck import claims.csv --dir copy

  # the DAFNA truth-discovery layout (no header, fields end in "|<TAB>"):
  crosscheck import claims.tsv --delimiter '|\t' --no-header \
      --map 1=id --map 2=ignore --map 3=subject --map 4=attribute --map 5=value \
      --map 6=source --map 7=ignore --map 8=ignore

Exit status: 0 when imported, 2 when a row (or the project with the rows) is
invalid; nothing is written then unless --skip-invalid."#)]
pub struct Args {
    /// The file to import: .csv, .tsv (or .tab, .txt), .xlsx, .xlsm, .xls, .ods.
    pub file: PathBuf,
    /// The project directory (the one holding claims/).
    #[arg(long, default_value = ".")]
    pub dir: PathBuf,
    /// Map a column to a field: HEADER=FIELD (repeatable); FIELD `ignore`
    /// skips the column. With --no-header, HEADER is the column's number.
    #[arg(long = "map", value_name = "HEADER=FIELD")]
    pub map: Vec<String>,
    /// The sheet of a spreadsheet (default: the first).
    #[arg(long)]
    pub sheet: Option<String>,
    /// The field separator of a text file (default: tab for .tsv, .tab
    /// and .txt, else a comma, or a semicolon when the first line has
    /// semicolons and no comma). `\t` is a tab. A separator of more than
    /// one character splits each line as it is (no quoting).
    #[arg(long, allow_hyphen_values = true)]
    pub delimiter: Option<String>,
    /// The first row is data: columns are named 1, 2, 3...
    #[arg(long)]
    pub no_header: bool,
    /// Write the valid rows and report each invalid one, instead of
    /// writing nothing.
    #[arg(long)]
    pub skip_invalid: bool,
    /// A row whose claim exists with other fields replaces it.
    #[arg(long)]
    pub update: bool,
}

/// The fields a column can map to.
const CLAIM_FIELDS: [&str; 9] = [
    "id",
    "subject",
    "attribute",
    "value",
    "quote",
    "as_of",
    "according_to",
    "note",
    "supersedes",
];
const SOURCE_FIELDS: [&str; 7] = [
    "source",
    "outlet",
    "title",
    "published",
    "language",
    "document",
    "url",
];
/// Columns of the claims table (`check --format claims-csv`) that are
/// computed by the checker, not curated: skipped.
const COMPUTED_COLUMNS: [&str; 4] = ["canonical_subject", "normalised", "line", "column"];

/// A cell as read: spreadsheets keep their cell types.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Text(String),
    /// Already a JSON literal (a number or boolean cell).
    Literal(String),
}

impl Cell {
    fn text(&self) -> &str {
        match self {
            Cell::Text(text) | Cell::Literal(text) => text,
        }
    }
}

/// The rows of one table, with where each came from.
struct Table {
    sheet: Option<String>,
    headers: Vec<String>,
    /// (row number as a spreadsheet shows it, cells).
    rows: Vec<(usize, Vec<Cell>)>,
}

/// Where a problem is: a row and maybe a column of the imported file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Place {
    row: usize,
    column: Option<usize>,
}

/// A problem with the file or one of its rows.
#[derive(Debug, Clone)]
struct Problem {
    place: Option<Place>,
    code: &'static str,
    message: String,
    help: Vec<String>,
}

impl Problem {
    fn new(place: Option<Place>, code: &'static str, message: impl Into<String>) -> Problem {
        Problem {
            place,
            code,
            message: message.into(),
            help: Vec::new(),
        }
    }

    fn help(mut self, help: impl Into<String>) -> Problem {
        self.help.push(help.into());
        self
    }
}

/// What a column maps to.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    Field(&'static str),
    /// `source/id`.
    GlobalId,
    Ignore,
}

/// One row turned into a claim of a source.
#[derive(Debug, Clone)]
struct RowClaim {
    row: usize,
    source: String,
    /// Source fields from the row (for a new file), as JSON members.
    source_members: Members,
    members: Members,
    /// Column of each member (same order), for errors.
    columns: Vec<Option<usize>>,
    id: String,
}

pub fn run(args: &Args, console: &mut Console<'_>) -> io::Result<ExitStatus> {
    let table = match read_table(args) {
        Ok(table) => table,
        Err(problem) => return report(args, None, &[problem], console),
    };
    let sheet = table.sheet.clone();
    let targets = match map_columns(args, &table.headers) {
        Ok(targets) => targets,
        Err(problems) => return report(args, sheet.as_deref(), &problems, console),
    };
    let (mut claims, mut problems) = row_claims(&table, &targets);
    let sheet_fields = claim_fields_of(&targets);
    // Rows with a problem are set aside and the rest validated, so one run
    // names every invalid row; without --skip-invalid nothing is then
    // written.
    let mut skipped: BTreeSet<usize> = problems
        .iter()
        .filter_map(|p| p.place.as_ref().map(|place| place.row))
        .collect();
    claims.retain(|claim| !skipped.contains(&claim.row));

    let existing = existing_sources(&args.dir);
    let mut paths = target_paths(&args.dir, &claims, &existing);
    // The same lock files as `add`, taken in path order so two imports
    // cannot wait on each other.
    let _locks = lock_all(paths.values().collect::<BTreeSet<_>>())?;

    loop {
        let plan = match plan(args, &claims, &paths, &sheet_fields) {
            Ok(plan) => plan,
            Err(row_problems) => {
                drop_rows(&mut claims, &mut skipped, &mut problems, row_problems);
                continue;
            }
        };
        match load::load_project_with_files(&args.dir, &plan.files) {
            Ok(_) if !problems.is_empty() && !args.skip_invalid => {
                return report(args, sheet.as_deref(), &problems, console);
            }
            Ok(project) => {
                if !problems.is_empty() {
                    write_problems(args, sheet.as_deref(), &problems, "skipped", console)?;
                }
                // The imported rows' warnings (a risky reading of a value,
                // with the form probably meant), by row and column, as
                // `add` shows a new claim's: a spreadsheet's "$1.2bn" is
                // best fixed in the spreadsheet.
                // At most the first [`WARNINGS_SHOWN`]: a data set of
                // town populations has thousands of bare four-digit counts,
                // and one line says the rest.
                let (mut warnings, _) =
                    row_problems(&project.warnings, &project.files, &plan, &claims);
                warnings.sort_by(|a, b| a.place.cmp(&b.place));
                let hidden = warnings.len().saturating_sub(WARNINGS_SHOWN);
                warnings.truncate(WARNINGS_SHOWN);
                write_problems(args, sheet.as_deref(), &warnings, "warning", console)?;
                if hidden > 0 {
                    writeln!(
                        console.stderr,
                        "warning: {} more on imported rows, not shown; `crosscheck validate` lists every one",
                        crate::check::describe::grouped(hidden.into())
                    )?;
                }
                // In parallel: each atomic write waits for its fsync, and a
                // data set with one source per editor writes thousands of
                // files (one at a time, 50k rows took a minute of fsyncs).
                plan.files
                    .par_iter()
                    .try_for_each(|(path, bytes)| write_atomically(path, bytes))?;
                writeln!(
                    console.stdout,
                    "imported {} claim{} from {} ({} unchanged, {} updated, {} skipped) into {} file{}",
                    plan.added,
                    if plan.added == 1 { "" } else { "s" },
                    args.file.display(),
                    plan.unchanged,
                    plan.updated,
                    skipped.len(),
                    plan.files.len(),
                    if plan.files.len() == 1 { "" } else { "s" },
                )?;
                return Ok(ExitStatus::Success);
            }
            Err(failure) => {
                let (row_problems, other) =
                    row_problems(&failure.diagnostics, &failure.files, &plan, &claims);
                if !other.is_empty() || row_problems.is_empty() {
                    // Not about a row (a broken claim file already there):
                    // shown as `validate` shows it.
                    console.refuse(&failure)?;
                    if problems.is_empty() {
                        return Ok(ExitStatus::Invalid);
                    }
                    return report(args, sheet.as_deref(), &problems, console);
                }
                drop_rows(&mut claims, &mut skipped, &mut problems, row_problems);
                paths = target_paths(&args.dir, &claims, &existing);
            }
        }
    }
}

/// Warnings on imported rows that `import` shows; `validate` shows all.
const WARNINGS_SHOWN: usize = 20;

/// Removes the rows `row_problems` point at and keeps the problems to report.
fn drop_rows(
    claims: &mut Vec<RowClaim>,
    skipped: &mut BTreeSet<usize>,
    problems: &mut Vec<Problem>,
    row_problems: Vec<Problem>,
) {
    for problem in &row_problems {
        if let Some(place) = &problem.place {
            skipped.insert(place.row);
        }
    }
    claims.retain(|claim| !skipped.contains(&claim.row));
    problems.extend(row_problems);
}

fn report(
    args: &Args,
    sheet: Option<&str>,
    problems: &[Problem],
    console: &mut Console<'_>,
) -> io::Result<ExitStatus> {
    write_problems(args, sheet, problems, "error", console)?;
    writeln!(
        console.stderr,
        "nothing was written: fix the rows above, or import the valid rows with --skip-invalid"
    )?;
    Ok(ExitStatus::Invalid)
}

fn write_problems(
    args: &Args,
    sheet: Option<&str>,
    problems: &[Problem],
    level: &str,
    console: &mut Console<'_>,
) -> io::Result<()> {
    let mut problems: Vec<&Problem> = problems.iter().collect();
    problems.sort_by(|a, b| a.place.cmp(&b.place));
    for problem in problems {
        let mut place = args.file.display().to_string();
        if let Some(sheet) = sheet {
            place.push_str(&format!(", sheet {sheet}"));
        }
        if let Some(at) = &problem.place {
            place.push_str(&format!(", row {}", at.row));
            if let Some(column) = at.column {
                place.push_str(&format!(", column {}", column_name(column)));
            }
        }
        writeln!(
            console.stderr,
            "{level}[{}]: {place}: {}",
            problem.code, problem.message
        )?;
        for help in &problem.help {
            writeln!(console.stderr, "  = help: {help}")?;
        }
    }
    Ok(())
}

/// A column as a spreadsheet names it, with its number: `C (3)`.
fn column_name(index: usize) -> String {
    let mut letters = String::new();
    let mut n = index + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.insert(0, (b'A' + rem as u8) as char);
        n = (n - 1) / 26;
    }
    format!("{letters} ({})", index + 1)
}

// ---------------------------------------------------------------- reading

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase()
}

fn read_table(args: &Args) -> Result<Table, Problem> {
    let ext = extension(&args.file);
    let mut table = if matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "xlsb" | "ods") {
        read_workbook(args)?
    } else {
        read_text(args, &ext)?
    };
    if args.no_header {
        let width = table.rows.iter().map(|(_, r)| r.len()).max().unwrap_or(0);
        table.headers = (1..=width).map(|i| i.to_string()).collect();
    }
    Ok(table)
}

fn read_workbook(args: &Args) -> Result<Table, Problem> {
    let mut workbook = calamine::open_workbook_auto(&args.file).map_err(|e| {
        Problem::new(
            None,
            "unreadable-file",
            format!("cannot open the workbook: {e}"),
        )
    })?;
    let names = workbook.sheet_names();
    let sheet = match &args.sheet {
        Some(sheet) if names.contains(sheet) => sheet.clone(),
        Some(sheet) => {
            return Err(Problem::new(
                None,
                "unknown-sheet",
                format!("the workbook has no sheet `{sheet}`"),
            )
            .help(format!("its sheets are: {}", names.join(", "))));
        }
        None => names
            .first()
            .cloned()
            .ok_or_else(|| Problem::new(None, "unreadable-file", "the workbook has no sheet"))?,
    };
    let range = workbook.worksheet_range(&sheet).map_err(|e| {
        Problem::new(
            None,
            "unreadable-file",
            format!("cannot read sheet {sheet}: {e}"),
        )
    })?;
    let first_row = range.start().map_or(0, |(row, _)| row as usize);
    let first_column = range.start().map_or(0, |(_, column)| column as usize);
    let mut rows: Vec<(usize, Vec<Cell>)> = range
        .rows()
        .enumerate()
        .map(|(i, cells)| {
            let mut row: Vec<Cell> = vec![Cell::Text(String::new()); first_column];
            row.extend(cells.iter().map(workbook_cell));
            (first_row + i + 1, row)
        })
        .collect();
    let headers = header_row(&mut rows, args.no_header);
    Ok(Table {
        sheet: Some(sheet),
        headers,
        rows,
    })
}

fn workbook_cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Text(String::new()),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => {
            Cell::Text(text.clone())
        }
        Data::Int(n) => Cell::Literal(n.to_string()),
        Data::Float(f) if f.is_finite() => Cell::Literal(float_text(*f)),
        Data::Float(f) => Cell::Text(f.to_string()),
        Data::Bool(b) => Cell::Literal(b.to_string()),
        Data::DateTime(date) if date.is_datetime() => Cell::Text(excel_date(date.as_f64())),
        Data::DateTime(date) => Cell::Text(date.as_f64().to_string()),
        Data::Error(error) => Cell::Text(format!("#{error:?}")),
    }
}

/// A float cell as the shortest decimal that reads back to it.
fn float_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// An Excel date serial (days since 1899-12-30) as `YYYY-MM-DD`, with
/// `THH:MM` when it has a time of day.
fn excel_date(serial: f64) -> String {
    let days = serial.floor() as i64;
    let minutes = ((serial - serial.floor()) * 24.0 * 60.0).round() as i64;
    // Days from 1970-01-01 (Howard Hinnant's civil_from_days).
    let z = days - 25_569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    if minutes == 0 {
        format!("{year:04}-{month:02}-{day:02}")
    } else {
        format!(
            "{year:04}-{month:02}-{day:02}T{:02}:{:02}",
            minutes / 60,
            minutes % 60
        )
    }
}

/// Takes the header row off `rows` (none with --no-header).
fn header_row(rows: &mut Vec<(usize, Vec<Cell>)>, no_header: bool) -> Vec<String> {
    if no_header || rows.is_empty() {
        return Vec::new();
    }
    rows.remove(0)
        .1
        .iter()
        .map(|cell| cell.text().trim().to_owned())
        .collect()
}

fn read_text(args: &Args, ext: &str) -> Result<Table, Problem> {
    let bytes = std::fs::read(&args.file).map_err(|e| {
        Problem::new(
            None,
            "unreadable-file",
            format!("cannot read the file: {e}"),
        )
    })?;
    let text = decode(&bytes)?;
    let delimiter = match args.delimiter.as_deref() {
        Some(d) => d.replace("\\t", "\t"),
        None if matches!(ext, "tsv" | "tab" | "txt") => "\t".to_owned(),
        None => sniffed_delimiter(&text).to_owned(),
    };
    let mut rows = if delimiter.len() == 1 {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter.as_bytes()[0])
            .from_reader(text.as_bytes());
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| {
                let row = e.position().map(|p| p.line() as usize);
                Problem::new(
                    row.map(|row| Place { row, column: None }),
                    "malformed-csv",
                    format!("the file is not valid CSV: {e}"),
                )
                .help("a field holding the separator, a quote or a line break must be quoted: \"a, b\"; a quote inside is doubled: \"say \"\"hi\"\"\"")
            })?;
            let line = record.position().map_or(0, |p| p.line() as usize);
            let cells = record
                .iter()
                .map(|cell| Cell::Text(restore(cell).to_owned()))
                .collect();
            rows.push((line, cells));
        }
        rows
    } else if delimiter.is_empty() {
        return Err(
            Problem::new(None, "bad-delimiter", "the delimiter is empty")
                .help("give --delimiter ',' or --delimiter '\\t'"),
        );
    } else {
        text.lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty())
            .map(|(i, line)| {
                let cells = line
                    .split(delimiter.as_str())
                    .map(|cell| Cell::Text(restore(cell).to_owned()))
                    .collect();
                (i + 1, cells)
            })
            .collect()
    };
    let headers = header_row(&mut rows, args.no_header);
    Ok(Table {
        sheet: None,
        headers,
        rows,
    })
}

/// The separator of a `.csv` given without `--delimiter`: a comma, or a
/// semicolon when the first line holds semicolons and no comma. Spreadsheet
/// programs set to a language whose decimal mark is a comma (French, German,
/// Arabic as written in the Maghreb) save "CSV" with semicolons; read with
/// commas, the whole header was one column named `source;subject;...`.
fn sniffed_delimiter(text: &str) -> &'static str {
    let first = text
        .lines()
        .find(|line| !line.trim().is_empty())
        .unwrap_or("");
    match first.contains(';') && !first.contains(',') {
        true => ";",
        false => ",",
    }
}

/// The file's text: UTF-8 (a byte-order mark dropped) or UTF-16 with a
/// byte-order mark; anything else is an error at the first bad byte.
fn decode(bytes: &[u8]) -> Result<String, Problem> {
    let utf16 = |bytes: &[u8], little: bool| {
        let units: Vec<u16> = bytes
            .chunks(2)
            .map(|pair| {
                let pair = [pair[0], pair.get(1).copied().unwrap_or(0)];
                if little {
                    u16::from_le_bytes(pair)
                } else {
                    u16::from_be_bytes(pair)
                }
            })
            .collect();
        String::from_utf16(&units).map_err(|_| {
            Problem::new(
                None,
                "invalid-encoding",
                "the file starts like UTF-16 but is not valid UTF-16",
            )
            .help("save it as CSV UTF-8 (Excel: File > Save As > CSV UTF-8)")
        })
    };
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        return utf16(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        return utf16(rest, false);
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    // UTF-16 without a byte-order mark is valid UTF-8 when it is ASCII
    // (every other byte NUL), and no text file holds a NUL.
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        let row = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        return Err(Problem::new(
            Some(Place { row, column: None }),
            "invalid-encoding",
            "the file holds NUL bytes: it is not UTF-8 text (UTF-16 without a byte-order mark?)",
        )
        .help("convert it with `iconv -f UTF-16LE -t UTF-8 FILE > FILE.utf8.csv`, or save it from the spreadsheet as CSV UTF-8"));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(error) => {
            let at = error.valid_up_to();
            let before = &bytes[..at];
            let row = before.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let column_chars = String::from_utf8_lossy(&before[line_start..])
                .chars()
                .count()
                + 1;
            let utf16_without_bom = bytes.len() >= 2 && (bytes[0] == 0 || bytes[1] == 0);
            let mut problem = Problem::new(
                Some(Place { row, column: None }),
                "invalid-encoding",
                format!(
                    "the file is not UTF-8: byte 0x{:02X} at character {column_chars} of the line",
                    bytes[at]
                ),
            );
            problem = if utf16_without_bom {
                problem.help("it looks like UTF-16 without a byte-order mark: convert it with `iconv -f UTF-16LE -t UTF-8 FILE > FILE.utf8.csv`")
            } else {
                problem.help("convert it to UTF-8, for Latin-1 (ISO-8859-1) or Windows-1252: `iconv -f WINDOWS-1252 -t UTF-8 FILE > FILE.utf8.csv`, or save it from the spreadsheet as CSV UTF-8")
            };
            Err(problem)
        }
    }
}

// ---------------------------------------------------------------- mapping

/// A header as compared with field names: lower case, runs of spaces,
/// `-` and `_` as one `_`.
fn normalise_header(header: &str) -> String {
    let mut out = String::new();
    for c in header.trim().chars() {
        if c.is_whitespace() || c == '-' || c == '_' || c == '.' {
            if !out.is_empty() && !out.ends_with('_') {
                out.push('_');
            }
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out.trim_end_matches('_').to_owned()
}

fn target_of(field: &str) -> Option<Target> {
    let field = normalise_header(field);
    if field == "ignore" || COMPUTED_COLUMNS.contains(&field.as_str()) {
        return Some(Target::Ignore);
    }
    if field == "claim" {
        return Some(Target::GlobalId);
    }
    if field == "value_as_written" {
        return Some(Target::Field("value"));
    }
    if field == "source_id" {
        return Some(Target::Field("source"));
    }
    CLAIM_FIELDS
        .iter()
        .chain(SOURCE_FIELDS.iter())
        .find(|known| **known == field)
        .map(|known| Target::Field(known))
}

fn map_columns(args: &Args, headers: &[String]) -> Result<Vec<Target>, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut mapped: BTreeMap<String, Target> = BTreeMap::new();
    for entry in &args.map {
        let Some((header, field)) = entry.split_once('=') else {
            problems.push(
                Problem::new(None, "bad-map", format!("--map {entry} has no `=`"))
                    .help("write --map HEADER=FIELD, for example --map Figure=value"),
            );
            continue;
        };
        match target_of(field) {
            Some(target) => {
                mapped.insert(header.trim().to_owned(), target);
            }
            None => problems.push(
                Problem::new(
                    None,
                    "bad-map",
                    format!("--map {entry}: `{field}` is not a field"),
                )
                .help(known_fields()),
            ),
        }
    }
    for header in mapped.keys() {
        if !headers.iter().any(|h| h == header) {
            problems.push(
                Problem::new(
                    None,
                    "bad-map",
                    format!("--map names the column `{header}`, which the file does not have"),
                )
                .help(format!("the columns are: {}", headers.join(", "))),
            );
        }
    }
    let mut targets = Vec::with_capacity(headers.len());
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (column, header) in headers.iter().enumerate() {
        let target = mapped
            .get(header)
            .cloned()
            .or_else(|| target_of(header))
            .or_else(|| header.is_empty().then_some(Target::Ignore));
        let Some(target) = target else {
            problems.push(
                Problem::new(
                    Some(Place {
                        row: 1,
                        column: Some(column),
                    }),
                    "unknown-column",
                    format!("the column `{header}` maps to no claim field"),
                )
                .help(format!(
                    "map it: --map '{header}=FIELD', or skip it: --map '{header}=ignore'"
                ))
                .help(known_fields()),
            );
            targets.push(Target::Ignore);
            continue;
        };
        let name = match &target {
            Target::Field(field) => (*field).to_owned(),
            Target::GlobalId => "claim".to_owned(),
            Target::Ignore => String::new(),
        };
        if !name.is_empty()
            && let Some(first) = seen.insert(name.clone(), column)
        {
            problems.push(
                Problem::new(
                    Some(Place {
                        row: 1,
                        column: Some(column),
                    }),
                    "duplicate-column",
                    format!(
                        "the columns {} and {} both map to `{name}`",
                        column_name(first),
                        column_name(column)
                    ),
                )
                .help(format!("skip one: --map '{header}=ignore'")),
            );
        }
        targets.push(target);
    }
    if problems.is_empty() {
        let has = |field: &str| seen.contains_key(field);
        if !has("source") && !has("claim") {
            problems.push(
                Problem::new(
                    None,
                    "missing-column",
                    "no column gives the source of each row",
                )
                .help("add a `source` column, or map one: --map 'Outlet=source'"),
            );
        }
    }
    if problems.is_empty() {
        Ok(targets)
    } else {
        Err(problems)
    }
}

fn known_fields() -> String {
    format!(
        "the fields are: {}, {}, claim (source/id), ignore",
        CLAIM_FIELDS.join(", "),
        SOURCE_FIELDS.join(", ")
    )
}

/// An id from a name. A name that is an id already (letters, digits, `-`,
/// `_`) is kept; any other gets each run of other characters replaced by
/// `-`, and a checksum of the whole name after it, so two names that differ
/// only there (`Ilse@`, `Ilse`) never become one source. The checksum is
/// FNV-1a, fixed forever: re-importing the same file gives the same ids.
fn id_from(name: &str) -> String {
    let name = name.trim();
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() || c == '-' || c == '_' {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out == name {
        return out.to_owned();
    }
    let checksum = name.bytes().fold(0x811c_9dc5_u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    });
    if out.is_empty() {
        format!("source-{checksum:08x}")
    } else {
        format!("{out}-{checksum:08x}")
    }
}

/// A claim id from a subject's words: lower case letters and digits, runs
/// of anything else as one `-`.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// Attribute names in snake_case (lower case ASCII words joined by `_`).
fn snake_case(text: &str) -> String {
    let mut out = String::new();
    let mut previous_lower = false;
    for c in text.trim().chars() {
        if c.is_ascii_uppercase() {
            if previous_lower {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
            previous_lower = false;
        } else if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
            previous_lower = c.is_ascii_lowercase();
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
            previous_lower = false;
        }
    }
    let out = out.trim_matches('_');
    if out.is_empty() {
        // Nothing ASCII to keep: the loader names the problem.
        text.to_owned()
    } else {
        out.to_owned()
    }
}

fn row_claims(table: &Table, targets: &[Target]) -> (Vec<RowClaim>, Vec<Problem>) {
    let mut claims = Vec::with_capacity(table.rows.len());
    let mut problems = Vec::new();
    let mut repeats: BTreeMap<(String, String), usize> = BTreeMap::new();
    for (row, cells) in &table.rows {
        if cells.iter().all(|cell| cell.text().trim().is_empty()) {
            continue;
        }
        let at = |column: usize| Place {
            row: *row,
            column: Some(column),
        };
        let mut fields: BTreeMap<&str, (usize, &Cell)> = BTreeMap::new();
        let mut global: Option<(usize, &str)> = None;
        for (column, cell) in cells.iter().enumerate() {
            if cell.text().trim().is_empty() {
                continue;
            }
            match targets.get(column) {
                Some(Target::Field(field)) => {
                    fields.insert(field, (column, cell));
                }
                Some(Target::GlobalId) => global = Some((column, cell.text().trim())),
                Some(Target::Ignore) => {}
                None => problems.push(
                    Problem::new(
                        Some(at(column)),
                        "extra-cell",
                        "this cell is beyond the last column of the header",
                    )
                    .help("give the column a header, or remove the cell"),
                ),
            }
        }
        let (mut source, mut id) = (None, None);
        if let Some((column, global)) = global {
            match global.split_once('/') {
                Some((s, i)) => {
                    source = Some((column, s.to_owned()));
                    id = Some((column, i.to_owned()));
                }
                None => problems.push(
                    Problem::new(
                        Some(at(column)),
                        "bad-claim-id",
                        format!("`{global}` is not a global claim id `source/id`"),
                    )
                    .help("write the source id, `/`, and the claim's id: le360/deal-value"),
                ),
            }
        }
        if let Some((column, cell)) = fields.get("source") {
            source = Some((*column, cell.text().trim().to_owned()));
        }
        if let Some((column, cell)) = fields.get("id") {
            id = Some((*column, cell.text().trim().to_owned()));
        }
        let Some((source_column, source_name)) = source else {
            problems.push(
                Problem::new(
                    Some(Place {
                        row: *row,
                        column: None,
                    }),
                    "missing-source",
                    "the row has no source",
                )
                .help("fill the row's `source` cell with the source's id"),
            );
            continue;
        };
        let source_id = id_from(&source_name);
        let mut source_members: Members = vec![("id".into(), json::quote_string(&source_id))];
        let mut columns: Vec<Option<usize>> = Vec::new();
        let mut members: Members = Vec::new();
        for field in SOURCE_FIELDS.iter().skip(1) {
            if let Some((_, cell)) = fields.get(field) {
                source_members.push(((*field).into(), json::quote_string(cell.text().trim())));
            }
        }
        if source_id != source_name && !fields.contains_key("outlet") {
            source_members.push(("outlet".into(), json::quote_string(&source_name)));
        }
        let attribute = fields
            .get("attribute")
            .map(|(_, cell)| snake_case(cell.text()));
        let claim_id = match id {
            Some((_, id)) => id,
            None => {
                let subject = fields
                    .get("subject")
                    .map(|(_, c)| slug(c.text()))
                    .unwrap_or_default();
                let mut base = [subject, attribute.clone().unwrap_or_default()]
                    .into_iter()
                    .filter(|part| !part.is_empty())
                    .collect::<Vec<_>>()
                    .join("-");
                if base.is_empty() {
                    base = "claim".into();
                }
                let count = repeats
                    .entry((source_id.clone(), base.clone()))
                    .or_default();
                *count += 1;
                if *count == 1 {
                    base
                } else {
                    format!("{base}-{count}")
                }
            }
        };
        members.push(("id".into(), json::quote_string(&claim_id)));
        columns.push(fields.get("id").map(|(c, _)| *c).or(global.map(|(c, _)| c)));
        for field in CLAIM_FIELDS.iter().skip(1) {
            let Some((column, cell)) = fields.get(field) else {
                continue;
            };
            let literal = match (*field, cell) {
                ("value", Cell::Literal(literal)) => literal.clone(),
                ("value", Cell::Text(text)) => value_literal(text.trim()),
                ("attribute", _) => json::quote_string(attribute.as_deref().unwrap_or_default()),
                ("according_to", _) => {
                    let names: Vec<String> = cell
                        .text()
                        .split(';')
                        .map(str::trim)
                        .filter(|n| !n.is_empty())
                        .map(json::quote_string)
                        .collect();
                    format!("[{}]", names.join(", "))
                }
                _ => json::quote_string(cell.text().trim()),
            };
            members.push(((*field).into(), literal));
            columns.push(Some(*column));
        }
        let _ = source_column;
        claims.push(RowClaim {
            row: *row,
            source: source_id,
            source_members,
            members,
            columns,
            id: claim_id,
        });
    }
    (claims, problems)
}

/// A CSV value cell: `true`, `false`, `null` and a JSON array as
/// themselves, anything else a string.
fn value_literal(text: &str) -> String {
    if matches!(text, "true" | "false" | "null") || text.starts_with('[') {
        add::value_literal(text)
    } else {
        json::quote_string(text)
    }
}

// ---------------------------------------------------------------- planning

/// Source id → its claim file, for the files already in claims/.
fn existing_sources(dir: &Path) -> BTreeMap<String, PathBuf> {
    let mut sources = BTreeMap::new();
    let Ok(entries) = std::fs::read_dir(dir.join("claims")) else {
        return sources;
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|e| e == "json")
                && p.file_name().is_some_and(|n| n != "subjects.json")
        })
        .collect();
    paths.sort();
    for path in paths {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        if let Some(id) = json::decode_utf8(&bytes)
            .ok()
            .and_then(|text| json::parse(text).ok())
            .and_then(|root| add::source_id(&root))
        {
            sources.entry(id).or_insert(path);
        }
    }
    sources
}

/// The file each source's claims go to: its file, or a new
/// `claims/<id>.json` (a file name safe on every system; `-2`, `-3` when
/// taken).
fn target_paths(
    dir: &Path,
    claims: &[RowClaim],
    existing: &BTreeMap<String, PathBuf>,
) -> BTreeMap<String, PathBuf> {
    let mut paths = BTreeMap::new();
    let mut taken: BTreeSet<PathBuf> = existing.values().cloned().collect();
    let sources: BTreeSet<&str> = claims.iter().map(|c| c.source.as_str()).collect();
    for source in sources {
        if let Some(path) = existing.get(source) {
            paths.insert(source.to_owned(), path.clone());
            continue;
        }
        let safe: String = source
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' || c == '_' || c == '.' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let safe = if safe.trim_matches('.').is_empty() || safe == "subjects" {
            format!("source_{safe}")
        } else {
            safe
        };
        let mut path = dir.join("claims").join(format!("{safe}.json"));
        let mut n = 1;
        while taken.contains(&path) || (path.exists() && !existing.values().any(|p| *p == path)) {
            n += 1;
            path = dir.join("claims").join(format!("{safe}-{n}.json"));
        }
        taken.insert(path.clone());
        paths.insert(source.to_owned(), path);
    }
    paths
}

fn lock_all(paths: BTreeSet<&PathBuf>) -> io::Result<Vec<File>> {
    let mut locks = Vec::with_capacity(paths.len());
    for path in paths {
        if let Some(parent) = path.parent()
            && !parent.is_dir()
        {
            // load_project reports a missing claims/ directory.
            continue;
        }
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(path.with_extension("json.lock"))?;
        lock.lock()?;
        locks.push(lock);
    }
    Ok(locks)
}

/// Per imported claim in a file: its object's byte range, its members'
/// value ranges, and its index in the list of row claims.
type Placed = Vec<(Range<usize>, Vec<Range<usize>>, usize)>;

/// The bytes to write, and where each imported claim is in them.
struct Plan {
    files: BTreeMap<PathBuf, Vec<u8>>,
    /// Per file: (claim's byte range, member value ranges, row claim index).
    placed: BTreeMap<PathBuf, Placed>,
    added: usize,
    unchanged: usize,
    updated: usize,
}

/// A claim already in a file: its object's byte range and its members.
struct ExistingClaim {
    span: Range<usize>,
    members: BTreeMap<String, String>,
    /// The same members in the file's order.
    ordered: Members,
}

/// The claim fields some column of the sheet gives (an empty cell in such
/// a column removes the field; a field no column gives is kept).
fn claim_fields_of(targets: &[Target]) -> BTreeSet<&'static str> {
    targets
        .iter()
        .filter_map(|target| match target {
            Target::Field(field) if CLAIM_FIELDS.contains(field) => Some(*field),
            Target::GlobalId => Some("id"),
            _ => None,
        })
        .collect()
}

/// A row's claim as it replaces `old`: the row's members, then the fields
/// of `old` that no column of the sheet gives. A sheet without a `note`
/// column, as the claims table `check --format claims-csv` writes, must
/// not remove every note when it updates a value.
fn merged_members(row: &Members, old: &ExistingClaim, sheet_fields: &BTreeSet<&str>) -> Members {
    let mut members = row.clone();
    // A value the cell writes as the file's JSON number reads (`600` and
    // 600, `1,500` and 1500) is the file's: a round trip changes nothing.
    if let Some((_, new)) = members.iter_mut().find(|(key, _)| key == "value")
        && let Some(old) = old.members.get("value")
        && new != old
        && let Ok(number) = crate::value::parse::parse_json_number(old)
        && let Ok(text) = serde_json::from_str::<String>(new)
        && crate::value::parse_value_str(&text).is_ok_and(|read| read == number)
    {
        new.clone_from(old);
    }
    for (key, literal) in &old.ordered {
        if !sheet_fields.contains(key.as_str()) && !members.iter().any(|(k, _)| k == key) {
            members.push((key.clone(), literal.clone()));
        }
    }
    members
}

fn plan(
    args: &Args,
    claims: &[RowClaim],
    paths: &BTreeMap<String, PathBuf>,
    sheet_fields: &BTreeSet<&str>,
) -> Result<Plan, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut plan = Plan {
        files: BTreeMap::new(),
        placed: BTreeMap::new(),
        added: 0,
        unchanged: 0,
        updated: 0,
    };
    let mut by_source: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, claim) in claims.iter().enumerate() {
        by_source.entry(&claim.source).or_default().push(i);
    }
    for (source, indices) in by_source {
        let Some(path) = paths.get(source) else {
            continue;
        };
        // Re-read under the lock: another `add` or `import` may have written.
        let original = match std::fs::read(path) {
            Ok(bytes) => Some(bytes),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => {
                problems.push(Problem::new(
                    None,
                    "unreadable-file",
                    format!("cannot read {}: {e}", path.display()),
                ));
                continue;
            }
        };
        let base = match &original {
            Some(bytes) => bytes.clone(),
            None => new_file(&claims[indices[0]].source_members).into_bytes(),
        };
        let existing = existing_claims(&base);
        let mut seen_in_file: BTreeMap<&str, usize> = BTreeMap::new();
        let mut to_insert: Vec<usize> = Vec::new();
        let mut replacements: Vec<(Range<usize>, Members)> = Vec::new();
        for &i in &indices {
            let claim = &claims[i];
            if let Some(first) = seen_in_file.insert(&claim.id, claim.row) {
                problems.push(
                    Problem::new(
                        Some(Place {
                            row: claim.row,
                            column: claim.columns.first().copied().flatten(),
                        }),
                        "duplicate-row",
                        format!(
                            "row {first} already gives the claim {}/{}",
                            claim.source, claim.id
                        ),
                    )
                    .help("give one of the rows another id"),
                );
                continue;
            }
            match existing.get(&claim.id) {
                None => to_insert.push(i),
                Some(old) => {
                    let merged = merged_members(&claim.members, old, sheet_fields);
                    let new: BTreeMap<String, String> = merged.iter().cloned().collect();
                    if old.members == new {
                        plan.unchanged += 1;
                    } else if args.update {
                        replacements.push((old.span.clone(), merged));
                    } else {
                        let changed: Vec<&str> = new
                            .keys()
                            .chain(old.members.keys())
                            .filter(|k| old.members.get(*k) != new.get(*k))
                            .map(String::as_str)
                            .collect::<BTreeSet<_>>()
                            .into_iter()
                            .collect();
                        problems.push(
                            Problem::new(
                                Some(Place {
                                    row: claim.row,
                                    column: None,
                                }),
                                "changed-claim",
                                format!(
                                    "the claim {}/{} is already in {} with other fields ({})",
                                    claim.source,
                                    claim.id,
                                    display_path(path),
                                    changed.join(", ")
                                ),
                            )
                            .help("to replace it with the row, run again with --update; to keep both, give the row another id"),
                        );
                    }
                }
            }
        }
        if to_insert.is_empty() && replacements.is_empty() && original.is_some() {
            continue;
        }
        // Replace from the end so earlier spans stay valid; replaced claims
        // are written as one line of members.
        let mut text = String::from_utf8_lossy(&base).into_owned();
        replacements.sort_by_key(|(span, _)| std::cmp::Reverse(span.start));
        for (span, merged) in &replacements {
            let members: Vec<String> = merged
                .iter()
                .map(|(k, v)| format!("{}: {v}", json::quote_string(k)))
                .collect();
            text.replace_range(span.clone(), &format!("{{{}}}", members.join(", ")));
            plan.updated += 1;
        }
        let members: Vec<Members> = to_insert
            .iter()
            .map(|&i| claims[i].members.clone())
            .collect();
        let inserted = if members.is_empty() {
            None
        } else {
            match add::insert_claims(text.as_bytes(), &members) {
                Some(inserted) => Some(inserted),
                None => {
                    problems.push(
                        Problem::new(
                            None,
                            "unreadable-file",
                            format!("{} has no \"claims\" array to add to", display_path(path)),
                        )
                        .help("run `crosscheck validate` to see what is wrong with it"),
                    );
                    continue;
                }
            }
        };
        let placed = match inserted {
            Some(inserted) => {
                text = inserted.text;
                plan.added += to_insert.len();
                inserted
                    .claims
                    .into_iter()
                    .zip(&to_insert)
                    .map(|((span, values), &i)| (span, values, i))
                    .collect()
            }
            None => Vec::new(),
        };
        plan.placed.insert(path.clone(), placed);
        plan.files.insert(path.clone(), text.into_bytes());
    }
    if problems.is_empty() {
        Ok(plan)
    } else {
        Err(problems)
    }
}

fn display_path(path: &Path) -> String {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    format!("claims/{name}")
}

/// A new claim file for a source with these fields and no claims.
fn new_file(source: &Members) -> String {
    let members: Vec<String> = source
        .iter()
        .map(|(k, v)| format!("    {}: {v}", json::quote_string(k)))
        .collect();
    format!(
        "{{\n  \"source\": {{\n{}\n  }},\n  \"claims\": []\n}}\n",
        members.join(",\n")
    )
}

/// The claims of a claim file by id, with their members as compact JSON.
fn existing_claims(bytes: &[u8]) -> BTreeMap<String, ExistingClaim> {
    let mut claims = BTreeMap::new();
    let Some(root) = json::decode_utf8(bytes)
        .ok()
        .and_then(|text| json::parse(text).ok())
    else {
        return claims;
    };
    // A byte-order mark is not in the parsed text: spans are shifted by it.
    let shift = bytes.len() - json::decode_utf8(bytes).map_or(bytes.len(), str::len);
    let Some(array) = root
        .as_object()
        .and_then(|members| members.iter().find(|m| m.key.value == "claims"))
    else {
        return claims;
    };
    let JsonKind::Array(items) = &array.value.kind else {
        return claims;
    };
    for item in items {
        let Some(members) = item.as_object() else {
            continue;
        };
        let Some(id) = members
            .iter()
            .find(|m| m.key.value == "id")
            .and_then(|m| m.value.as_str())
        else {
            continue;
        };
        let ordered: Members = members
            .iter()
            .map(|m| (m.key.value.to_string(), add::compact(&m.value)))
            .collect();
        claims.insert(
            id.value.to_string(),
            ExistingClaim {
                span: item.span.start + shift..item.span.end + shift,
                members: ordered.iter().cloned().collect(),
                ordered,
            },
        );
    }
    claims
}

/// The load diagnostics that fall in an imported claim, as row problems
/// (the claim's row and the column of the member they point at), and the
/// others as they are.
fn row_problems(
    diagnostics: &[Diagnostic],
    files: &Files,
    plan: &Plan,
    claims: &[RowClaim],
) -> (Vec<Problem>, Vec<Diagnostic>) {
    let mut rows = Vec::new();
    let mut other = Vec::new();
    // Files by their name as the loader shows it (claims/<name>).
    let placed: BTreeMap<String, &Placed> = plan
        .placed
        .iter()
        .map(|(path, placed)| (display_path(path), placed))
        .collect();
    for diagnostic in diagnostics {
        let label = diagnostic
            .labels
            .iter()
            .find(|l| l.primary)
            .or(diagnostic.labels.first());
        let hit = label.and_then(|label| {
            let name = files.name(label.span.file);
            let at = label.span.bytes.start;
            placed.get(name).and_then(|placed| {
                placed
                    .iter()
                    .find(|(span, _, _)| span.contains(&at))
                    .map(|(_, values, i)| (values, *i, at, &label.message))
            })
        });
        match hit {
            Some((values, i, at, label)) => {
                let member = values
                    .iter()
                    .position(|v| v.start <= at && at <= v.end)
                    .or_else(|| values.iter().rposition(|v| v.start <= at));
                rows.push((i, member, diagnostic, label.clone()));
            }
            None => other.push(diagnostic.clone()),
        }
    }
    let problems = rows
        .into_iter()
        .map(|(i, member, diagnostic, label)| {
            let claim = &claims[i];
            let mut message = diagnostic.message.clone();
            if !label.is_empty() {
                message.push_str(&format!(" ({label})"));
            }
            let mut problem = Problem::new(
                Some(Place {
                    row: claim.row,
                    column: member.and_then(|m| claim.columns.get(m).copied().flatten()),
                }),
                diagnostic.code.name(),
                message,
            );
            problem.help = diagnostic.help.clone();
            problem.help.extend(diagnostic.notes.iter().cloned());
            problem
        })
        .collect();
    (problems, other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_as_spreadsheets_name_them() {
        assert_eq!(column_name(0), "A (1)");
        assert_eq!(column_name(25), "Z (26)");
        assert_eq!(column_name(26), "AA (27)");
        assert_eq!(column_name(701), "ZZ (702)");
        assert_eq!(column_name(702), "AAA (703)");
    }

    #[test]
    fn excel_serials_are_iso_dates() {
        assert_eq!(excel_date(44197.0), "2021-01-01");
        assert_eq!(excel_date(1.0), "1899-12-31");
        assert_eq!(excel_date(44197.5), "2021-01-01T12:00");
        assert_eq!(excel_date(45658.75), "2025-01-01T18:00");
    }

    #[test]
    fn headers_match_fields_whatever_their_case_and_separators() {
        assert_eq!(target_of("As of"), Some(Target::Field("as_of")));
        assert_eq!(
            target_of("ACCORDING-TO"),
            Some(Target::Field("according_to"))
        );
        assert_eq!(target_of("value as written"), Some(Target::Field("value")));
        assert_eq!(target_of("Canonical subject"), Some(Target::Ignore));
        assert_eq!(target_of("claim"), Some(Target::GlobalId));
        assert_eq!(target_of("Figure"), None);
    }

    #[test]
    fn names_become_ids_and_attributes_snake_case() {
        assert_eq!(
            id_from("5512121: CapitalBot"),
            "5512121-CapitalBot-df005791"
        );
        assert_eq!(id_from("Ilse@"), "Ilse-dcd06ff4");
        assert_eq!(id_from("Ilse"), "Ilse");
        assert_eq!(id_from(" a / b "), "a-b-aac0a7d3");
        assert_eq!(
            slug("Barak MX air-defence deal"),
            "barak-mx-air-defence-deal"
        );
        assert_eq!(slug("صفقة باراك"), "صفقة-باراك");
        assert_eq!(snake_case("Population2006"), "population2006");
        assert_eq!(snake_case("Population/2006"), "population_2006");
        assert_eq!(snake_case("Range KM"), "range_km");
        assert_eq!(snake_case("مدى"), "مدى");
    }

    #[test]
    fn value_cells_are_strings_unless_json_literals() {
        assert_eq!(value_literal("3"), "\"3\"");
        assert_eq!(value_literal("2020"), "\"2020\"");
        assert_eq!(value_literal("true"), "true");
        assert_eq!(value_literal("null"), "null");
        assert_eq!(value_literal("[\"a\", \"b\"]"), "[\"a\", \"b\"]");
        assert_eq!(value_literal("~500M USD"), "\"~500M USD\"");
    }
}
