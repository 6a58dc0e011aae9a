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
}

/// A 1-based line and character column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Where each line starts: 0 and the byte after every `\n`. A large
/// roadmap has a million lines, so the newlines are found eight bytes at a
/// time: in `x = word ^ 0x0a…0a` a newline is a zero byte, and
/// `!(((x & 0x7f…7f) + 0x7f…7f) | x | 0x7f…7f)` sets the high bit of
/// exactly the zero bytes (no carry crosses a byte).
fn line_starts(text: &str) -> Vec<usize> {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const NEWLINES: u64 = 0x0a0a_0a0a_0a0a_0a0a;
    let bytes = text.as_bytes();
    // Room for a line every 8 bytes: more than a roadmap has, and the part
    // never written costs no memory (it is only reserved).
    let mut starts = Vec::with_capacity(bytes.len() / 8 + 1);
    starts.push(0);
    let mut chunks = bytes.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word) ^ NEWLINES;
        let mut zeros = !(((x & LOW7) + LOW7) | x | LOW7);
        while zeros != 0 {
            starts.push(base + zeros.trailing_zeros() as usize / 8 + 1);
            zeros &= zeros - 1;
        }
        base += 8;
    }
    for (i, &b) in chunks.remainder().iter().enumerate() {
        if b == b'\n' {
            starts.push(base + i + 1);
        }
    }
    starts
}

impl Source {
    pub(crate) fn new(name: impl Into<String>, text: String) -> Source {
        Source {
            name: name.into(),
            text,
            line_starts: std::cell::OnceCell::new(),
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

    pub fn position(&self, offset: usize) -> Position {
        let offset = self.clamp(offset);
        let idx = self.line_index(offset);
        let start = self.starts()[idx];
        let column = self.text[start..offset].chars().count() + 1;
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

    /// The character range a span covers on its first line (at least one
    /// character wide), as 0-based character offsets within that line.
    pub(crate) fn caret_range(&self, span: Span) -> (usize, usize) {
        let pos = self.position(span.start());
        let line = self.line_text(pos.line);
        let start_col = pos.column - 1;
        let end = self.clamp(span.end().max(span.start()));
        let line_start = self.starts()[pos.line - 1];
        let line_end = line_start + line.len();
        let end = end.min(line_end).max(self.clamp(span.start()));
        let width = self.text[self.clamp(span.start())..end].chars().count();
        (start_col, start_col + width.max(1))
    }
}

#[cfg(test)]
mod tests;
