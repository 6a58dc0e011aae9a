//! The text of one roadmap file and the mapping of byte offsets to lines and
//! character columns (Polish letters are one column each, not two bytes).

use std::ops::Range;

/// A byte range in the source text. Offsets are kept in 32 bits, which
/// halves the spans every value of a large roadmap carries: a file is at
/// most 64 MiB (`input::MAX_BYTES`), so no offset comes near the limit
/// (one past it would be clamped to it).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    start: u32,
    end: u32,
}

impl Span {
    pub(crate) fn new(start: usize, end: usize) -> Span {
        let offset = |o: usize| u32::try_from(o).unwrap_or(u32::MAX);
        Span {
            start: offset(start),
            end: offset(end),
        }
    }

    /// The first byte.
    pub fn start(self) -> usize {
        self.start as usize
    }

    /// One past the last byte.
    pub(crate) fn end(self) -> usize {
        self.end as usize
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// A value read from the file together with where it stands.
#[derive(Clone, Debug, PartialEq)]
pub struct Sp<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Sp<T> {
    pub(crate) fn new(value: T, span: Span) -> Sp<T> {
        Sp { value, span }
    }
}

/// A loaded source: its display name, its text (without a byte-order mark)
/// and where each line starts, found when first asked (a file without
/// findings never needs it). The source is only ever read on one thread, so
/// a `OnceCell` is enough.
#[derive(Debug, Clone)]
pub struct Source {
    pub name: String,
    pub text: String,
    line_starts: std::cell::OnceCell<Vec<usize>>,
    char_marks: std::cell::OnceCell<Vec<usize>>,
}

/// A 1-based line and character column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// A span's first line and where on it the span is (see
/// [`Source::on_line`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct OnLine<'a> {
    pub line: usize,
    pub text: &'a str,
    pub from: usize,
    pub to: usize,
}

/// Where each line starts: 0, the byte after every `\n`, and the byte
/// after every `\r` not followed by `\n`. A lone CR ends a line as it did
/// on old Macs, and as a terminal shows it: counting it keeps the line a
/// finding names the one an editor shows, and keeps a CR-only file from
/// being one long line that every finding prints whole. TOML allows no lone
/// CR, so a file without syntax errors has the same lines either way.
///
/// A large roadmap has a million lines, so line ends are found eight bytes
/// at a time: in `x = word ^ 0x0a…0a` a newline is a zero byte, and
/// `!(((x & 0x7f…7f) + 0x7f…7f) | x | 0x7f…7f)` sets the high bit of
/// exactly the zero bytes (no carry crosses a byte); the same with
/// `0x0d…0d` finds carriage returns.
fn line_starts(text: &str) -> Vec<usize> {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const NEWLINES: u64 = 0x0a0a_0a0a_0a0a_0a0a;
    const RETURNS: u64 = 0x0d0d_0d0d_0d0d_0d0d;
    let zero_bytes = |x: u64| !(((x & LOW7) + LOW7) | x | LOW7);
    let bytes = text.as_bytes();
    // A line starts after `\n`, and after a `\r` that no `\n` follows.
    let ends_line = |i: usize| match bytes[i] {
        b'\n' => true,
        b'\r' => bytes.get(i + 1) != Some(&b'\n'),
        _ => false,
    };
    // Room for a line every 8 bytes: more than a roadmap has, and the part
    // never written costs no memory (it is only reserved).
    let mut starts = Vec::with_capacity(bytes.len() / 8 + 1);
    starts.push(0);
    let mut chunks = bytes.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let word = u64::from_le_bytes(word);
        let mut hits = zero_bytes(word ^ NEWLINES) | zero_bytes(word ^ RETURNS);
        while hits != 0 {
            let i = base + hits.trailing_zeros() as usize / 8;
            if ends_line(i) {
                starts.push(i + 1);
            }
            hits &= hits - 1;
        }
        base += 8;
    }
    for i in base..bytes.len() {
        if ends_line(i) {
            starts.push(i + 1);
        }
    }
    starts
}

/// Bytes between two marks of the character index (see
/// [`Source::chars_before`]).
const MARK: usize = 1024;

/// The characters in UTF-8 bytes: the bytes that do not continue one.
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

/// The characters before byte 0, [`MARK`], 2 × [`MARK`] and so on: one
/// number per KiB of text.
fn char_marks(text: &str) -> Vec<usize> {
    let mut marks = Vec::with_capacity(text.len() / MARK + 1);
    let mut counted = 0;
    marks.push(0);
    for block in text.as_bytes().chunks(MARK) {
        counted += chars_in(block);
        marks.push(counted);
    }
    marks
}

impl Source {
    pub(crate) fn new(name: impl Into<String>, text: String) -> Source {
        Source {
            name: name.into(),
            text,
            line_starts: std::cell::OnceCell::new(),
            char_marks: std::cell::OnceCell::new(),
        }
    }

    /// Where each line starts, found on the first call.
    fn starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| line_starts(&self.text))
    }

    /// The line index (0-based) holding byte `offset`.
    fn line_index(&self, offset: usize) -> usize {
        match self.starts().binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Clamps an offset into the text and back onto a character boundary.
    fn clamp(&self, offset: usize) -> usize {
        let mut o = offset.min(self.text.len());
        while o > 0 && !self.text.is_char_boundary(o) {
            o -= 1;
        }
        o
    }

    /// How many characters the text has before byte `offset` (a character
    /// boundary). A column is the difference of two of these, so a column
    /// far along a long line costs a scan of at most [`MARK`] bytes, not of
    /// the line: JSON gives the column of every finding, and a file of one
    /// long line can have millions.
    fn chars_before(&self, offset: usize) -> usize {
        let marks = self.char_marks.get_or_init(|| char_marks(&self.text));
        let block = offset / MARK;
        let counted = marks.get(block).copied().unwrap_or(0);
        counted + chars_in(&self.text.as_bytes()[block * MARK..offset])
    }

    pub fn position(&self, offset: usize) -> Position {
        let offset = self.clamp(offset);
        let idx = self.line_index(offset);
        let start = self.starts()[idx];
        // A short way into the line is counted; a long one by the index.
        let counted = if offset - start <= MARK {
            chars_in(&self.text.as_bytes()[start..offset])
        } else {
            self.chars_before(offset) - self.chars_before(start)
        };
        let column = counted + 1;
        Position {
            line: idx + 1,
            column,
        }
    }

    /// The text of a 1-based line, without its line end.
    pub(crate) fn line_text(&self, line: usize) -> &str {
        let starts = self.starts();
        let Some(&start) = starts.get(line.saturating_sub(1)) else {
            return "";
        };
        let end = starts.get(line).copied().unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }

    /// Where a span stands on its first line: the line's number and text,
    /// and the span's bytes within that text (`from..to`, on character
    /// boundaries, `to` at most the line's end: the part of a longer span
    /// that is on its first line; possibly empty).
    pub(crate) fn on_line(&self, span: Span) -> OnLine<'_> {
        let start = self.clamp(span.start());
        let idx = self.line_index(start);
        let line_start = self.starts()[idx];
        let text = self.line_text(idx + 1);
        let from = (start - line_start).min(text.len());
        let end = self.clamp(span.end().max(span.start()));
        let to = end.saturating_sub(line_start).clamp(from, text.len());
        OnLine {
            line: idx + 1,
            text,
            from,
            to,
        }
    }
}

#[cfg(test)]
mod tests;
