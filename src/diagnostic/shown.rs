//! The files as a diagnostic shows them: a labelled line longer than
//! [`MAX_LINE_CHARS`] is cut to a window around its label, marked with `…`
//! at each cut, so an error in an 8 MB one-line claim file prints a line of
//! a few hundred characters, not the whole file. Line numbers and columns
//! stay those of the original file (the header `file:line:column` is where
//! an editor finds the character).

use std::borrow::Cow;
use std::ops::Range;

use codespan_reporting::files::{self, Location};

use crate::model::Files;

/// The longest line shown whole, in characters; a longer labelled line is
/// shown as a window of this many characters.
pub const MAX_LINE_CHARS: usize = 240;

/// Characters of a long line shown before the label's start.
const BEFORE_LABEL: usize = 80;

const ELLIPSIS: &str = "…";

/// One file as shown by one diagnostic.
pub(super) struct ShownFile<'a> {
    name: &'a str,
    text: Cow<'a, str>,
    line_starts: Vec<usize>,
    /// The long lines cut to a window, in line order.
    windows: Vec<Window>,
}

/// A long line cut to `original[start..end]`, shown at `shown_start`.
struct Window {
    line: usize,
    /// The original line's bytes (without its line break).
    line_bytes: Range<usize>,
    start: usize,
    end: usize,
    /// Where the shown line starts in the shown text.
    shown_start: usize,
    /// Bytes of the leading `…` (0 when the window starts the line).
    lead: usize,
    /// Characters of the original line before the window.
    hidden_chars: usize,
    /// Shown length minus original length of this line, and of every
    /// window before it.
    delta_after: isize,
}

/// The files one diagnostic labels, by file id (`None`: not labelled).
pub(super) struct Shown<'a> {
    files: Vec<Option<ShownFile<'a>>>,
}

impl<'a> Shown<'a> {
    /// The files `labels` (file id, byte range) point into, each long
    /// labelled line cut to a window.
    pub(super) fn new(files: &'a Files, labels: &[(usize, Range<usize>)]) -> Shown<'a> {
        let mut shown: Vec<Option<ShownFile<'a>>> = Vec::new();
        for (file, _) in labels {
            if shown.len() <= *file {
                shown.resize_with(file + 1, || None);
            }
            if shown[*file].is_some() {
                continue;
            }
            let Some(text_file) = files.get(*file) else {
                continue;
            };
            let points: Vec<usize> = labels
                .iter()
                .filter(|(f, _)| f == file)
                .flat_map(|(_, range)| [range.start, range.end])
                .collect();
            shown[*file] = Some(ShownFile::new(&text_file.name, text_file.text(), &points));
        }
        Shown { files: shown }
    }

    /// Maps a label's byte range in the original file to the shown file.
    pub(super) fn map(&self, file: usize, range: Range<usize>) -> Range<usize> {
        match self.files.get(file).and_then(Option::as_ref) {
            Some(shown) => {
                let start = shown.map_point(range.start, false);
                let end = shown.map_point(range.end, true).max(start);
                start..end
            }
            None => range,
        }
    }

    fn file(&self, id: usize) -> Result<&ShownFile<'a>, files::Error> {
        self.files
            .get(id)
            .and_then(Option::as_ref)
            .ok_or(files::Error::FileMissing)
    }
}

impl<'a> ShownFile<'a> {
    fn new(name: &'a str, text: &'a str, points: &[usize]) -> ShownFile<'a> {
        let original_starts = line_starts(text);
        let mut long_lines: Vec<(usize, usize)> = Vec::new(); // (line, anchor)
        for &point in points {
            let line = line_of(&original_starts, point.min(text.len()));
            let range = line_range(&original_starts, text, line);
            if long_lines.iter().any(|(l, _)| *l == line)
                || text[range].chars().nth(MAX_LINE_CHARS).is_none()
            {
                continue;
            }
            long_lines.push((line, point.min(text.len())));
        }
        if long_lines.is_empty() {
            return ShownFile {
                name,
                text: Cow::Borrowed(text),
                line_starts: original_starts,
                windows: Vec::new(),
            };
        }
        long_lines.sort_unstable();
        let mut shown = String::new();
        let mut windows = Vec::with_capacity(long_lines.len());
        let mut copied = 0;
        let mut delta: isize = 0;
        for (line, anchor) in long_lines {
            let Range {
                start: line_start,
                end: line_end,
            } = line_range(&original_starts, text, line);
            let anchor = floor_char(text, anchor.clamp(line_start, line_end));
            let before: usize = text[line_start..anchor]
                .char_indices()
                .rev()
                .nth(BEFORE_LABEL - 1)
                .map_or(line_start, |(i, _)| line_start + i);
            let mut start = before;
            let mut end = text[start..line_end]
                .char_indices()
                .nth(MAX_LINE_CHARS)
                .map_or(line_end, |(i, _)| start + i);
            if end == line_end {
                // Near the end of the line: the window ends with it.
                start = text[line_start..line_end]
                    .char_indices()
                    .rev()
                    .nth(MAX_LINE_CHARS - 1)
                    .map_or(line_start, |(i, _)| line_start + i);
                end = line_end;
            }
            shown.push_str(&text[copied..line_start]);
            let shown_start = shown.len();
            let lead = if start > line_start {
                shown.push_str(ELLIPSIS);
                ELLIPSIS.len()
            } else {
                0
            };
            shown.push_str(&text[start..end]);
            if end < line_end {
                shown.push_str(ELLIPSIS);
            }
            copied = line_end;
            let shown_len = shown.len() - shown_start;
            delta += shown_len as isize - (line_end - line_start) as isize;
            windows.push(Window {
                line,
                line_bytes: line_start..line_end,
                start,
                end,
                shown_start,
                lead,
                hidden_chars: text[line_start..start].chars().count(),
                delta_after: delta,
            });
        }
        shown.push_str(&text[copied..]);
        let line_starts = line_starts(&shown);
        ShownFile {
            name,
            text: Cow::Owned(shown),
            line_starts,
            windows,
        }
    }

    /// Where the original byte `point` is in the shown text. A point cut
    /// off a window lands on the `…` that stands for it.
    fn map_point(&self, point: usize, is_end: bool) -> usize {
        let before = self
            .windows
            .partition_point(|w| w.line_bytes.start <= point)
            .checked_sub(1);
        let Some(index) = before else {
            return point;
        };
        let window = &self.windows[index];
        if point <= window.line_bytes.end {
            // On the windowed line.
            let offset = if point < window.start {
                0
            } else if point > window.end {
                window.lead + (window.end - window.start) + if is_end { ELLIPSIS.len() } else { 0 }
            } else {
                window.lead + (point - window.start)
            };
            return window.shown_start + offset;
        }
        (point as isize + window.delta_after).max(0) as usize
    }
}

impl<'f> files::Files<'f> for Shown<'_> {
    type FileId = usize;
    type Name = &'f str;
    type Source = &'f str;

    fn name(&'f self, id: usize) -> Result<&'f str, files::Error> {
        Ok(self.file(id)?.name)
    }

    fn source(&'f self, id: usize) -> Result<&'f str, files::Error> {
        Ok(&self.file(id)?.text)
    }

    fn line_index(&'f self, id: usize, byte_index: usize) -> Result<usize, files::Error> {
        Ok(line_of(&self.file(id)?.line_starts, byte_index))
    }

    fn line_range(&'f self, id: usize, line_index: usize) -> Result<Range<usize>, files::Error> {
        let file = self.file(id)?;
        if line_index >= file.line_starts.len() {
            return Err(files::Error::LineTooLarge {
                given: line_index,
                max: file.line_starts.len() - 1,
            });
        }
        Ok(line_range(&file.line_starts, &file.text, line_index))
    }

    fn location(&'f self, id: usize, byte_index: usize) -> Result<Location, files::Error> {
        let file = self.file(id)?;
        let line = line_of(&file.line_starts, byte_index);
        let line_start = file.line_starts[line];
        let byte_index = floor_char(&file.text, byte_index.clamp(line_start, file.text.len()));
        let column = match file.windows.iter().find(|w| w.line == line) {
            Some(window) => {
                let from = (window.shown_start + window.lead).min(byte_index);
                window.hidden_chars + file.text[from..byte_index].chars().count()
            }
            None => file.text[line_start..byte_index].chars().count(),
        };
        Ok(Location {
            line_number: line + 1,
            column_number: column + 1,
        })
    }
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

fn line_of(starts: &[usize], byte: usize) -> usize {
    starts.partition_point(|&s| s <= byte).saturating_sub(1)
}

/// The bytes of line `line`, without its line break.
fn line_range(starts: &[usize], text: &str, line: usize) -> Range<usize> {
    let start = starts[line];
    let end = starts.get(line + 1).map_or(text.len(), |&next| next - 1);
    let end = if end > start && text.as_bytes()[end - 1] == b'\r' {
        end - 1
    } else {
        end
    };
    start..end.max(start)
}

fn floor_char(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
