//! The piece of a source line a finding shows, and where its carets go.
//!
//! A line is shown whole when it fits in [`WIDTH`] columns; a longer one is
//! cut around the span as rustc cuts it, with `...` where text is left out:
//! up to [`BEFORE`] columns before the span (more when the rest of the line
//! is short), then the span and what follows, up to [`WIDTH`] columns in
//! all. Only the characters near the span are looked at, so a finding on a
//! 50 MB line costs what one on a short line costs, and the output of any
//! finding is bounded.
//!
//! What is shown is inert ([`crate::render::inert`]): a control or bidi
//! character is its escape (`\u{1b}`), and the carets under it are as wide
//! as the escape. A tab is four spaces, as rustc shows it. Columns are
//! display columns (`unicode-width`): a CJK character takes two, a
//! combining mark none, so the carets sit under the value in a terminal.
//! (The column numbers of `file:line:column` stay character counts, as the
//! SPEC has them.)

use crate::render::inert::is_unsafe;
use crate::source::OnLine;
use unicode_width::UnicodeWidthChar;

/// The most columns of source text a finding shows.
pub(crate) const WIDTH: usize = 120;

/// The columns kept before the span when the line is cut.
const BEFORE: usize = 40;

/// What marks text left out.
const CUT: &str = "...";

/// A line as shown: its text, and the carets' first column and width.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Excerpt {
    pub text: String,
    pub caret_at: usize,
    pub caret_width: usize,
}

/// How one character is shown, and its width.
fn cell(c: char) -> (Shown, usize) {
    if c == '\t' {
        (Shown::Tab, 4)
    } else if is_unsafe(c) {
        (Shown::Escaped, c.escape_debug().count())
    } else {
        (Shown::Plain, c.width().unwrap_or(1))
    }
}

#[derive(Clone, Copy)]
enum Shown {
    Plain,
    Tab,
    Escaped,
}

fn push(out: &mut String, c: char) {
    match cell(c).0 {
        Shown::Plain => out.push(c),
        Shown::Tab => out.push_str("    "),
        Shown::Escaped => out.extend(c.escape_debug()),
    }
}

/// The width of the characters of `s`, stopping once it passes `limit`.
fn width_upto(s: &str, limit: usize) -> usize {
    let mut w = 0;
    for c in s.chars() {
        w += cell(c).1;
        if w > limit {
            break;
        }
    }
    w
}

/// The start of the longest end of `s` no wider than `room`, and its width.
fn tail_within(s: &str, room: usize) -> (usize, usize) {
    let mut w = 0;
    let mut at = s.len();
    for (i, c) in s.char_indices().rev() {
        let cw = cell(c).1;
        if w + cw > room {
            break;
        }
        w += cw;
        at = i;
    }
    (at, w)
}

/// The end of the longest start of `s` no wider than `room`, and its width.
fn head_within(s: &str, room: usize) -> (usize, usize) {
    let mut w = 0;
    for (i, c) in s.char_indices() {
        let cw = cell(c).1;
        if w + cw > room {
            return (i, w);
        }
        w += cw;
    }
    (s.len(), w)
}

/// The excerpt of `at`'s line around its span.
pub(crate) fn excerpt(at: &OnLine<'_>) -> Excerpt {
    let (before, after) = at.text.split_at(at.from);
    // The room before the span: what the rest of the line leaves, at least
    // BEFORE columns.
    let rest = width_upto(after, WIDTH);
    let room_before = WIDTH.saturating_sub(rest).max(BEFORE);
    let (start, mut shown_before) = tail_within(before, room_before);
    let (start, cut_left) = if start == 0 {
        (0, false)
    } else {
        let (s, w) = tail_within(before, room_before.saturating_sub(CUT.len()));
        shown_before = w;
        (s, true)
    };
    let left = if cut_left { CUT.len() } else { 0 };
    let room_after = WIDTH.saturating_sub(left + shown_before);
    let (mut end, _) = head_within(after, room_after);
    let cut_right = end < after.len();
    if cut_right {
        end = head_within(after, room_after.saturating_sub(CUT.len())).0;
    }
    let mut text = String::with_capacity(WIDTH + 8);
    if cut_left {
        text.push_str(CUT);
    }
    before[start..].chars().for_each(|c| push(&mut text, c));
    after[..end].chars().for_each(|c| push(&mut text, c));
    if cut_right {
        text.push_str(CUT);
    }
    let span = &after[..(at.to - at.from).min(end)];
    let span_width = span.chars().map(|c| cell(c).1).sum::<usize>();
    Excerpt {
        text,
        caret_at: left + shown_before,
        caret_width: span_width.max(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(text: &str, from: usize, to: usize) -> Excerpt {
        excerpt(&OnLine {
            line: 1,
            text,
            from,
            to,
        })
    }

    #[test]
    fn a_short_line_is_whole() {
        let e = on("owner = \"jk\"", 8, 12);
        assert_eq!(e.text, "owner = \"jk\"");
        assert_eq!((e.caret_at, e.caret_width), (8, 4));
        let e = on("x = 1", 5, 5);
        assert_eq!((e.caret_at, e.caret_width), (5, 1));
    }

    #[test]
    fn a_long_line_is_cut_around_the_span() {
        let line = format!("{}needle{}", "a".repeat(10_000), "b".repeat(10_000));
        let e = on(&line, 10_000, 10_006);
        assert_eq!(e.text.chars().count(), WIDTH);
        assert!(e.text.starts_with("...aaa") && e.text.ends_with("bbb..."));
        assert_eq!(&e.text[e.caret_at..e.caret_at + 6], "needle");
        assert_eq!(e.caret_at, BEFORE);
        // At the end of the line: all the room goes before it.
        let e = on(&line, line.len() - 3, line.len());
        assert_eq!(e.text.chars().count(), WIDTH);
        assert!(e.text.ends_with("bbb") && e.text.starts_with("..."));
        assert_eq!((e.caret_at, e.caret_width), (WIDTH - 3, 3));
        // At its start, a span longer than the room: carets to the cut.
        let e = on(&line, 0, line.len());
        assert!(e.text.starts_with("aaa") && e.text.ends_with("..."));
        assert_eq!((e.caret_at, e.caret_width), (0, WIDTH - 3));
    }

    #[test]
    fn widths_are_display_columns() {
        let e = on("t = \"漢字\" x", 4, 12);
        assert_eq!((e.caret_at, e.caret_width), (4, 6));
        let e = on("t = \"e\u{301}\" x", 4, 9);
        assert_eq!((e.caret_at, e.caret_width), (4, 3));
        let e = on("\tt = \"\u{1b}[2J\" x", 5, 11);
        assert_eq!(e.text, "    t = \"\\u{1b}[2J\" x");
        assert_eq!((e.caret_at, e.caret_width), (8, 11));
    }
}
