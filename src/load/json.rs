//! A strict JSON parser that keeps every position.
//!
//! serde_json reports errors as byte counts and forgets where each value
//! stood; a curator needs `line:column` of the exact character. This parser
//! keeps the byte span of every value and key, keeps numbers as their literal
//! text (values are exact decimals later, never `f64`), and can map each
//! decoded character of a string back to its file offset, so an error at
//! character `k` of a decoded string points at the right column even after
//! `\u0627` escapes.
//!
//! The tree borrows from the text: a number is a slice of it, and so is a
//! string without escapes (nearly all of them). A claim file is parsed with
//! a few allocations per object, not several per string; the offsets of a
//! string's characters are recomputed from its literal only when a
//! diagnostic needs them.
//!
//! It is strict RFC 8259: no comments, no trailing commas, no duplicate keys
//! (an error labelling both), at most [`MAX_DEPTH`] nested arrays and objects
//! (a clean error, never a stack overflow). Input is `&str`: checking UTF-8
//! and the byte-order mark is the caller's job ([`decode_utf8`]).

use std::borrow::Cow;
use std::ops::Range;

use crate::diagnostic::DiagnosticCode;

/// Nesting deeper than this is refused. Claim files need four levels.
pub const MAX_DEPTH: usize = 64;

/// A JSON value and the bytes it spans in its file.
#[derive(Debug, Clone, PartialEq)]
pub struct Json<'a> {
    pub kind: JsonKind<'a>,
    pub span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum JsonKind<'a> {
    Null,
    Bool(bool),
    /// The number's literal text, exactly as written (`1.50`, `2e3`).
    Number(&'a str),
    String(JsonString<'a>),
    Array(Vec<Json<'a>>),
    /// Members in file order (duplicates are refused while parsing).
    Object(Vec<Member<'a>>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member<'a> {
    pub key: JsonString<'a>,
    pub value: Json<'a>,
}

/// A decoded string that can map its characters back to file offsets.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonString<'a> {
    /// The decoded text: borrowed from the file unless it holds escapes.
    pub value: Cow<'a, str>,
    /// The literal's span, quotes included.
    pub span: Range<usize>,
    /// The literal's contents as written (escapes not decoded); they start
    /// at `span.start + 1`.
    raw: &'a str,
}

impl JsonString<'_> {
    /// The file bytes of decoded characters `char_offset..char_offset + char_len`
    /// (clamped to the string). An empty range when `char_len` is 0.
    pub fn char_span(&self, char_offset: usize, char_len: usize) -> Range<usize> {
        let end_offset = char_offset.saturating_add(char_len);
        // Where each decoded character's source starts in `raw`, then where
        // the closing quote is (an escape such as `\u0627` is six bytes for
        // one character, a surrogate pair twelve).
        let starts = RawChars {
            raw: self.raw,
            at: 0,
        }
        .chain(std::iter::once(self.raw.len()));
        let mut start = None;
        let mut last = 0;
        for (index, at) in starts.enumerate() {
            last = at;
            if index == char_offset {
                start = Some(at);
            }
            if index == end_offset {
                break;
            }
        }
        let base = self.span.start + 1;
        base + start.unwrap_or(last)..base + last
    }

    /// The span of the string's contents, quotes excluded.
    pub fn inner_span(&self) -> Range<usize> {
        (self.span.start + 1)..(self.span.end - 1).max(self.span.start + 1)
    }
}

/// The offset, in a string literal's contents (already validated by the
/// parser), where each decoded character's source starts.
struct RawChars<'a> {
    raw: &'a str,
    at: usize,
}

impl Iterator for RawChars<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        let at = self.at;
        let bytes = self.raw.as_bytes();
        let first = *bytes.get(at)?;
        self.at += if first != b'\\' {
            self.raw[at..].chars().next().map_or(1, char::len_utf8)
        } else if bytes.get(at + 1) != Some(&b'u') {
            2
        } else if bytes
            .get(at + 2..at + 6)
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u32::from_str_radix(hex, 16).ok())
            .is_some_and(|code| (0xD800..0xDC00).contains(&code))
        {
            // A high surrogate: the parser made sure its low half follows.
            12
        } else {
            6
        };
        Some(at)
    }
}

impl Json<'_> {
    /// The word for this value's type in an error message.
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            JsonKind::Null => "null",
            JsonKind::Bool(_) => "a boolean",
            JsonKind::Number(_) => "a number",
            JsonKind::String(_) => "a string",
            JsonKind::Array(_) => "an array",
            JsonKind::Object(_) => "an object",
        }
    }

    pub fn as_object(&self) -> Option<&[Member<'_>]> {
        match &self.kind {
            JsonKind::Object(members) => Some(members),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&JsonString<'_>> {
        match &self.kind {
            JsonKind::String(s) => Some(s),
            _ => None,
        }
    }
}

/// A syntax error: where, what, how to fix, and sometimes a second place
/// (the first occurrence of a duplicated key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    pub code: DiagnosticCode,
    pub span: Range<usize>,
    pub label: String,
    pub message: String,
    pub help: Option<String>,
    pub secondary: Option<(Range<usize>, String)>,
}

/// The text of a file, or why it is not UTF-8 / is empty. A leading UTF-8
/// byte-order mark is accepted and dropped (editors on Windows write one), so
/// columns count from the first character after it.
pub fn decode_utf8(bytes: &[u8]) -> Result<&str, Utf8Problem> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(error) => Err(Utf8Problem {
            valid_up_to: error.valid_up_to(),
            lossy: String::from_utf8_lossy(bytes).into_owned(),
        }),
    }
}

/// A file that is not UTF-8: the first bad byte, and the text with each bad
/// sequence replaced by U+FFFD (identical up to that byte) for rendering.
#[derive(Debug, Clone)]
pub struct Utf8Problem {
    pub valid_up_to: usize,
    pub lossy: String,
}

/// Parses one JSON document (the whole text; trailing non-space is an error).
pub fn parse(text: &str) -> Result<Json<'_>, Box<JsonError>> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        items: Vec::new(),
        members: Vec::new(),
    };
    parser.skip_ws();
    if parser.pos == parser.bytes.len() {
        return Err(Box::new(JsonError {
            code: DiagnosticCode::EmptyFile,
            span: parser.pos..parser.pos,
            label: "the file ends here".into(),
            message: "the file holds no JSON".into(),
            help: Some(
                "a claim file is one object: { \"source\": { \"id\": ... }, \"claims\": [ ... ] }"
                    .into(),
            ),
            secondary: None,
        }));
    }
    let value = parser.value(0)?;
    parser.skip_ws();
    if parser.pos < parser.bytes.len() {
        let start = parser.pos;
        return Err(parser.error_at(
            DiagnosticCode::JsonSyntax,
            start..parser.char_end(start),
            "unexpected text after the end of the JSON value",
            "the JSON value ended before this",
            Some("a file holds exactly one JSON value; remove what follows it (or a stray closing bracket)"),
        ));
    }
    Ok(value)
}

/// The bytes that end a run of plain string contents: `"`, `\` and the
/// control characters (one table look-up per byte, not three comparisons).
const STOPS_STRING: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = true;
        byte += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// The items of the arrays being parsed, innermost last: an array's
    /// items are gathered here and moved into a vector of their exact size
    /// when it closes (one allocation per array, no regrowth).
    items: Vec<Json<'a>>,
    /// The same for the members of the objects being parsed.
    members: Vec<Member<'a>>,
}

impl<'a> Parser<'a> {
    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    /// End of the character starting at `at` (for a one-character label).
    fn char_end(&self, at: usize) -> usize {
        self.text[at..]
            .chars()
            .next()
            .map_or(at, |c| at + c.len_utf8())
    }

    fn error_at(
        &self,
        code: DiagnosticCode,
        span: Range<usize>,
        message: &str,
        label: &str,
        help: Option<&str>,
    ) -> Box<JsonError> {
        Box::new(JsonError {
            code,
            span,
            label: label.into(),
            message: message.into(),
            help: help.map(Into::into),
            secondary: None,
        })
    }

    /// "expected X" at the current position, naming what was found.
    fn expected(&self, what: &str, help: Option<&str>) -> Box<JsonError> {
        let at = self.pos;
        if at >= self.bytes.len() {
            return self.error_at(
                DiagnosticCode::JsonSyntax,
                at..at,
                &format!("the file ends where {what} was expected"),
                &format!("expected {what}"),
                help.or(Some(
                    "the file is cut short: close every open `{`, `[` and `\"`",
                )),
            );
        }
        let found = self.text[at..].chars().next().unwrap_or(' ');
        self.error_at(
            DiagnosticCode::JsonSyntax,
            at..self.char_end(at),
            &format!("expected {what}, found `{found}`"),
            &format!("expected {what}"),
            help,
        )
    }

    fn value(&mut self, depth: usize) -> Result<Json<'a>, Box<JsonError>> {
        let start = self.pos;
        match self.bytes.get(start) {
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => {
                let s = self.string()?;
                let span = s.span.clone();
                Ok(Json {
                    kind: JsonKind::String(s),
                    span,
                })
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.literal("true", JsonKind::Bool(true)),
            Some(b'f') => self.literal("false", JsonKind::Bool(false)),
            Some(b'n') => self.literal("null", JsonKind::Null),
            Some(b'\'') => Err(self.expected(
                "a value",
                Some("JSON strings use double quotes: \"like this\""),
            )),
            _ => Err(self.expected(
                "a value",
                Some("a value is a \"string\", a number, true, false, null, [an array] or {an object}"),
            )),
        }
    }

    fn literal(&mut self, word: &str, kind: JsonKind<'a>) -> Result<Json<'a>, Box<JsonError>> {
        let start = self.pos;
        if self.bytes[start..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            // `truex` is not `true` followed by garbage we want to explain later.
            if self
                .bytes
                .get(self.pos)
                .is_some_and(|b| b.is_ascii_alphanumeric())
            {
                self.pos = start;
                return Err(self.bad_word());
            }
            Ok(Json {
                kind,
                span: start..self.pos,
            })
        } else {
            Err(self.bad_word())
        }
    }

    fn bad_word(&self) -> Box<JsonError> {
        let start = self.pos;
        let end = self.text[start..]
            .char_indices()
            .find(|(_, c)| !c.is_alphanumeric() && *c != '_')
            .map_or(self.text.len(), |(i, _)| start + i)
            .max(self.char_end(start));
        let word = &self.text[start..end];
        self.error_at(
            DiagnosticCode::JsonSyntax,
            start..end,
            &format!("`{word}` is not a JSON value"),
            "not a JSON value",
            Some("text must be in double quotes: \"like this\"; the bare words are true, false and null"),
        )
    }

    fn number(&mut self) -> Result<Json<'a>, Box<JsonError>> {
        let start = self.pos;
        let b = self.bytes;
        let mut i = start;
        if b.get(i) == Some(&b'-') {
            i += 1;
        }
        let int_start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        let mut valid = i > int_start && !(b[int_start] == b'0' && i - int_start > 1);
        if valid && b.get(i) == Some(&b'.') {
            i += 1;
            let frac_start = i;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            valid = i > frac_start;
        }
        if valid && matches!(b.get(i), Some(b'e' | b'E')) {
            i += 1;
            if matches!(b.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            let exp_start = i;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            valid = i > exp_start;
        }
        // A number glued to letters (`500M`) is a value the curator meant as a string.
        let glued = b
            .get(i)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'.');
        if !valid || glued {
            let mut end = i;
            while end < b.len()
                && !matches!(b[end], b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t')
            {
                end += 1;
            }
            while !self.text.is_char_boundary(end) {
                end += 1;
            }
            let end = end.max(self.char_end(start));
            let written = &self.text[start..end];
            return Err(self.error_at(
                DiagnosticCode::JsonSyntax,
                start..end,
                &format!("`{written}` is not a JSON number"),
                "not a JSON number",
                Some(&format!(
                    "write values with units, scales or separators as a string: \"{written}\"; \
                     JSON numbers have no leading zeros, no `,` and no trailing `.`"
                )),
            ));
        }
        self.pos = i;
        Ok(Json {
            kind: JsonKind::Number(&self.text[start..i]),
            span: start..i,
        })
    }

    fn string(&mut self) -> Result<JsonString<'a>, Box<JsonError>> {
        let start = self.pos;
        let contents = start + 1;
        self.pos = contents; // opening quote
        // The decoded text, once an escape forces a copy.
        let mut owned: Option<String> = None;
        // Start of the literal's text not yet copied into `owned`.
        let mut pending = contents;
        loop {
            // Only `"`, `\` and control characters stop the scan: every byte
            // of a multi-byte UTF-8 character is at least 0x80.
            let at = self.bytes[self.pos..]
                .iter()
                .position(|&b| STOPS_STRING[usize::from(b)])
                .map(|i| self.pos + i);
            let Some(at) = at else {
                return Err(Box::new(JsonError {
                    code: DiagnosticCode::JsonSyntax,
                    span: start..start + 1,
                    label: "this string is never closed".into(),
                    message: "unterminated string".into(),
                    help: Some("close the string with `\"`".into()),
                    secondary: None,
                }));
            };
            match self.bytes[at] {
                b'"' => {
                    self.pos = at + 1;
                    let raw = &self.text[contents..at];
                    let value = match owned {
                        Some(mut decoded) => {
                            decoded.push_str(&self.text[pending..at]);
                            Cow::Owned(decoded)
                        }
                        None => Cow::Borrowed(raw),
                    };
                    return Ok(JsonString {
                        value,
                        span: start..self.pos,
                        raw,
                    });
                }
                b'\\' => {
                    self.pos = at;
                    let decoded = self.escape()?;
                    let buffer = owned.get_or_insert_with(String::new);
                    buffer.push_str(&self.text[pending..at]);
                    buffer.push(decoded);
                    pending = self.pos;
                }
                control => {
                    let help = if control == b'\n' {
                        "a string cannot span lines: write a line break as \\n, or close the string with `\"`"
                    } else {
                        "write control characters as escapes (\\t, \\u0001)"
                    };
                    return Err(self.error_at(
                        DiagnosticCode::JsonSyntax,
                        at..at + 1,
                        &format!(
                            "a raw control character (U+{:04X}) inside a string",
                            u32::from(control)
                        ),
                        "control character",
                        Some(help),
                    ));
                }
            }
        }
    }

    /// Decodes the escape at `self.pos` (a backslash) and moves past it.
    fn escape(&mut self) -> Result<char, Box<JsonError>> {
        let at = self.pos;
        let next = self.bytes.get(at + 1).copied();
        let simple = match next {
            Some(b'"') => Some('"'),
            Some(b'\\') => Some('\\'),
            Some(b'/') => Some('/'),
            Some(b'b') => Some('\u{8}'),
            Some(b'f') => Some('\u{c}'),
            Some(b'n') => Some('\n'),
            Some(b'r') => Some('\r'),
            Some(b't') => Some('\t'),
            _ => None,
        };
        if let Some(c) = simple {
            self.pos = at + 2;
            return Ok(c);
        }
        if next != Some(b'u') {
            let end = if at + 1 < self.bytes.len() {
                self.char_end(at + 1)
            } else {
                at + 1
            };
            return Err(self.error_at(
                DiagnosticCode::JsonSyntax,
                at..end,
                "invalid escape in a string",
                "not a JSON escape",
                Some("the escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX; write a backslash as \\\\"),
            ));
        }
        let first = self.hex4(at)?;
        self.pos = at + 6;
        if (0xD800..0xDC00).contains(&first) {
            // A high surrogate must be followed by an escaped low surrogate.
            if self.bytes.get(self.pos) == Some(&b'\\')
                && self.bytes.get(self.pos + 1) == Some(&b'u')
            {
                let second = self.hex4(self.pos)?;
                if (0xDC00..0xE000).contains(&second) {
                    self.pos += 6;
                    let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                    return char::from_u32(code).ok_or_else(|| self.bad_surrogate(at));
                }
            }
            return Err(self.bad_surrogate(at));
        }
        char::from_u32(first).ok_or_else(|| self.bad_surrogate(at))
    }

    fn hex4(&self, at: usize) -> Result<u32, Box<JsonError>> {
        let digits = self.bytes.get(at + 2..at + 6);
        match digits {
            Some(d) if d.iter().all(u8::is_ascii_hexdigit) => {
                // Four ASCII hex digits always parse.
                Ok(d.iter().fold(0, |acc, b| {
                    acc * 16 + (*b as char).to_digit(16).unwrap_or(0)
                }))
            }
            _ => {
                let mut end = (at + 6).min(self.bytes.len());
                while !self.text.is_char_boundary(end) {
                    end -= 1;
                }
                Err(self.error_at(
                    DiagnosticCode::JsonSyntax,
                    at..end,
                    "`\\u` must be followed by four hexadecimal digits",
                    "incomplete \\u escape",
                    Some("write the character itself (the file is UTF-8), or \\u0627 with four hex digits"),
                ))
            }
        }
    }

    fn bad_surrogate(&self, at: usize) -> Box<JsonError> {
        self.error_at(
            DiagnosticCode::JsonSyntax,
            at..(at + 6).min(self.bytes.len()),
            "a \\u escape names half of a surrogate pair without the other half",
            "lone surrogate",
            Some("write the character itself (the file is UTF-8) instead of escaping it"),
        )
    }

    fn too_deep(&self) -> Box<JsonError> {
        let at = self.pos;
        self.error_at(
            DiagnosticCode::JsonTooDeep,
            at..at + 1,
            &format!("arrays and objects are nested more than {MAX_DEPTH} deep"),
            "too deep",
            Some("a claim file needs four levels (file, claims, claim, value); look for stray `[` or `{`"),
        )
    }

    fn array(&mut self, depth: usize) -> Result<Json<'a>, Box<JsonError>> {
        if depth > MAX_DEPTH {
            return Err(self.too_deep());
        }
        let start = self.pos;
        self.pos += 1;
        self.skip_ws();
        if self.bytes.get(self.pos) == Some(&b']') {
            self.pos += 1;
            return Ok(Json {
                kind: JsonKind::Array(Vec::new()),
                span: start..self.pos,
            });
        }
        let first = self.items.len();
        loop {
            self.skip_ws();
            let item = self.value(depth)?;
            self.items.push(item);
            self.skip_ws();
            if self.after_item(b']', "`,` or `]`", "separate array items with `,`")? {
                let items = self.items.drain(first..).collect();
                return Ok(Json {
                    kind: JsonKind::Array(items),
                    span: start..self.pos,
                });
            }
        }
    }

    /// After an array item or object member: consumes a `,` (refusing a
    /// trailing one) or the closing `close`, and says whether it closed.
    fn after_item(
        &mut self,
        close: u8,
        expected: &str,
        help: &'static str,
    ) -> Result<bool, Box<JsonError>> {
        match self.bytes.get(self.pos) {
            Some(b',') => {
                let comma = self.pos;
                self.pos += 1;
                self.skip_ws();
                if self.bytes.get(self.pos) == Some(&close) {
                    return Err(self.trailing_comma(comma));
                }
                Ok(false)
            }
            Some(&byte) if byte == close => {
                self.pos += 1;
                Ok(true)
            }
            _ => Err(self.expected(expected, Some(help))),
        }
    }

    fn trailing_comma(&self, comma: usize) -> Box<JsonError> {
        self.error_at(
            DiagnosticCode::JsonTrailingComma,
            comma..comma + 1,
            "trailing comma",
            "remove this comma",
            Some("JSON allows no comma after the last item of an array or object"),
        )
    }

    fn object(&mut self, depth: usize) -> Result<Json<'a>, Box<JsonError>> {
        if depth > MAX_DEPTH {
            return Err(self.too_deep());
        }
        let start = self.pos;
        self.pos += 1;
        self.skip_ws();
        if self.bytes.get(self.pos) == Some(&b'}') {
            self.pos += 1;
            return Ok(Json {
                kind: JsonKind::Object(Vec::new()),
                span: start..self.pos,
            });
        }
        let first = self.members.len();
        loop {
            self.skip_ws();
            if self.bytes.get(self.pos) != Some(&b'"') {
                return Err(self.expected(
                    "a key in double quotes",
                    Some("object keys are strings: \"subject\": ..."),
                ));
            }
            let key = self.string()?;
            if let Some(first) = self.members[first..]
                .iter()
                .find(|m| m.key.value == key.value)
            {
                return Err(Box::new(JsonError {
                    code: DiagnosticCode::JsonDuplicateKey,
                    span: key.span.clone(),
                    label: "written again here".into(),
                    message: format!("the key `{}` appears twice in one object", key.value),
                    help: Some("keep one of them: JSON readers disagree on which one wins".into()),
                    secondary: Some((first.key.span.clone(), "first written here".into())),
                }));
            }
            self.skip_ws();
            if self.bytes.get(self.pos) != Some(&b':') {
                return Err(self.expected("`:` after the key", None));
            }
            self.pos += 1;
            self.skip_ws();
            let value = self.value(depth)?;
            self.members.push(Member { key, value });
            self.skip_ws();
            if self.after_item(
                b'}',
                "`,` or `}`",
                "separate members with `,`; is a `,` missing at the end of the previous line?",
            )? {
                let members = self.members.drain(first..).collect();
                return Ok(Json {
                    kind: JsonKind::Object(members),
                    span: start..self.pos,
                });
            }
        }
    }
}

/// Writes `text` as a JSON string literal (non-ASCII kept as is: claim files
/// are UTF-8 and curators read Arabic, not `\u0627`).
pub fn quote_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> Box<JsonError> {
        parse(text).unwrap_err()
    }

    #[test]
    fn keeps_spans_and_number_literals() {
        let text = r#"{"a": [1.50, -0, 2e3], "b": null}"#;
        let json = parse(text).unwrap();
        let members = json.as_object().unwrap();
        assert_eq!(&text[members[0].key.span.clone()], "\"a\"");
        let JsonKind::Array(items) = &members[0].value.kind else {
            panic!()
        };
        let literals: Vec<_> = items
            .iter()
            .map(|i| match &i.kind {
                JsonKind::Number(n) => *n,
                _ => "",
            })
            .collect();
        assert_eq!(literals, ["1.50", "-0", "2e3"]);
        assert_eq!(&text[members[1].value.span.clone()], "null");
    }

    #[test]
    fn maps_decoded_characters_back_through_escapes() {
        let text = r#"["\u0627\u0628 5OOM", "a\"b"]"#;
        let json = parse(text).unwrap();
        let JsonKind::Array(items) = &json.kind else {
            panic!()
        };
        let s = items[0].as_str().unwrap();
        assert_eq!(s.value, "اب 5OOM");
        // Character 4 is the first `O`.
        assert_eq!(&text[s.char_span(4, 1)], "O");
        assert_eq!(&text[s.char_span(0, 1)], "\\u0627");
        assert_eq!(&text[s.char_span(3, 4)], "5OOM");
        // At the end: empty, just before the closing quote.
        let end = s.char_span(7, 0);
        assert_eq!(end.clone(), end.start..end.start);
        assert_eq!(&text[end.start..=end.start], "\"");
        let t = items[1].as_str().unwrap();
        assert_eq!(&text[t.char_span(1, 1)], "\\\"");
    }

    #[test]
    fn maps_characters_through_surrogate_pairs_and_clamps_at_the_end() {
        let text = r#"["a\ud83d\ude00b\n", "plain"]"#;
        let json = parse(text).unwrap();
        let JsonKind::Array(items) = &json.kind else {
            panic!()
        };
        let s = items[0].as_str().unwrap();
        assert_eq!(s.value, "a😀b\n");
        assert_eq!(&text[s.char_span(1, 1)], "\\ud83d\\ude00");
        assert_eq!(&text[s.char_span(2, 2)], "b\\n");
        // Past the end: the empty range at the closing quote.
        let end = s.char_span(9, 3);
        assert_eq!(end.clone(), end.start..end.start);
        assert_eq!(&text[end.start..=end.start], "\"");
        // Strings without escapes borrow the file's text.
        assert!(matches!(
            items[1].as_str().unwrap().value,
            Cow::Borrowed("plain")
        ));
    }

    #[test]
    fn surrogate_pairs_decode_and_lone_halves_fail() {
        let json = parse(r#""\ud83d\ude00""#).unwrap();
        assert_eq!(json.as_str().unwrap().value, "😀");
        assert_eq!(err(r#""\ud83d x""#).label, "lone surrogate");
        assert_eq!(err(r#""\ude00""#).label, "lone surrogate");
    }

    #[test]
    fn duplicate_keys_label_both() {
        let e = err(r#"{"a": 1, "a": 2}"#);
        assert_eq!(e.code, DiagnosticCode::JsonDuplicateKey);
        assert_eq!(e.span, 9..12);
        assert_eq!(e.secondary.unwrap().0, 1..4);
    }

    #[test]
    fn deep_nesting_is_a_clean_error() {
        let text = "[".repeat(100_000);
        assert_eq!(err(&text).code, DiagnosticCode::JsonTooDeep);
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert!(parse(&deep).is_err());
    }

    #[test]
    fn syntax_errors() {
        assert_eq!(err("").code, DiagnosticCode::EmptyFile);
        assert_eq!(err("  \n").code, DiagnosticCode::EmptyFile);
        assert_eq!(err("[1,]").code, DiagnosticCode::JsonTrailingComma);
        assert_eq!(err(r#"{"a":1,}"#).code, DiagnosticCode::JsonTrailingComma);
        assert_eq!(err("{} x").span, 3..4);
        assert_eq!(err("[01]").message, "`01` is not a JSON number");
        assert_eq!(err("[500M]").message, "`500M` is not a JSON number");
        assert_eq!(err("[1.]").message, "`1.` is not a JSON number");
        assert_eq!(err("[-]").message, "`-` is not a JSON number");
        assert_eq!(err("[truex]").message, "`truex` is not a JSON value");
        assert_eq!(err("\"abc").message, "unterminated string");
        assert_eq!(err("\"a\nb\"").span, 2..3);
        assert_eq!(err(r#""\x""#).message, "invalid escape in a string");
        assert_eq!(err(r#""\u12""#).label, "incomplete \\u escape");
        assert_eq!(err("{'a': 1}").code, DiagnosticCode::JsonSyntax);
        assert_eq!(err("[1 2]").message, "expected `,` or `]`, found `2`");
        assert_eq!(
            err("[\"ب\" ب]").span,
            6..8,
            "spans stop at character boundaries"
        );
        assert_eq!(err("{\"a\": 1").span, 7..7);
    }

    #[test]
    fn byte_order_mark_is_dropped_and_bad_utf8_located() {
        assert_eq!(decode_utf8(b"\xEF\xBB\xBF{}").unwrap(), "{}");
        let problem = decode_utf8(b"{\"a\": \"\xC3\x28\"}").unwrap_err();
        assert_eq!(problem.valid_up_to, 7);
        assert!(problem.lossy[7..].starts_with('\u{FFFD}'));
    }

    #[test]
    fn quote_string_round_trips() {
        let text = "قال \"x\"\\\n\t\u{1}";
        let literal = quote_string(text);
        let json = parse(&literal).unwrap();
        assert_eq!(json.as_str().unwrap().value, text);
    }
}
