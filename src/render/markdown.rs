//! GitHub-flavoured Markdown: tables, and the text that goes in them and
//! around them.
//!
//! Text is made inert (SPEC sections 6 and 13): a pull-request comment shows
//! exactly the text of the file, never HTML, a link, an image or a split
//! cell of it. Every ASCII punctuation character that Markdown gives a
//! meaning to inside a line is escaped with a backslash wherever it stands
//! (`\` `` ` `` `*` `_` `~` `[` `]` `<` `>` `!` `|` `&`; `_` not inside a
//! word, where it means nothing: `effort_days`); those that mean
//! something only at the start of a line (`#` a heading, `-` `+` `=` a
//! list or a rule, `1.` `1)` a numbered list) are escaped there. `(` `)`
//! mean nothing once `[` `]` are escaped, and `.` or `:` nothing else, so
//! they stay as they are, as do digits (`-3.05` in a cell is left alone:
//! a cell never starts a line: [`escape`] for cells, [`escape_line`]
//! for lines). Line breaks become `<br>`, the one piece of
//! HTML cxm itself writes.

use super::columns::{Align, Head};

/// Text made inert for a table cell or a heading, where no block can
/// begin; line breaks as `<br>`.
pub(crate) fn escape(s: &str) -> String {
    inert(s, false)
}

/// Text made inert for a heading: as in a cell, and every `#` escaped too
/// (`#` at a heading's end would close it and be dropped: `Top #` shows
/// as "Top").
pub(crate) fn escape_heading(s: &str) -> String {
    escape(s).replace('#', "\\#")
}

/// Text made inert for the start of a line (a list item, a note): also
/// what would begin a heading, a list or a rule there.
pub(crate) fn escape_line(s: &str) -> String {
    inert(s, true)
}

fn inert(s: &str, starts_line: bool) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    // Where the text starts a line (after any leading spaces): block
    // markers are escaped only there.
    let lead = s.len() - s.trim_start_matches(' ').len();
    let mut chars = s.char_indices().peekable();
    let mut prev = ' ';
    while let Some((i, c)) = chars.next() {
        let at_start = starts_line && i == lead;
        let next = chars.peek().map_or(' ', |&(_, n)| n);
        let before = prev;
        prev = c;
        match c {
            // Inside a word (`effort_days`) `_` never emphasises.
            '_' if before.is_alphanumeric() && next.is_alphanumeric() => out.push(c),
            '\r' | '\n' => {
                if c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n') {
                    chars.next();
                }
                out.push_str("<br>");
            }
            '\\' | '`' | '*' | '_' | '~' | '[' | ']' | '<' | '>' | '!' | '|' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '#' | '-' | '+' | '=' if at_start => {
                out.push('\\');
                out.push(c);
            }
            '0'..='9' if at_start => {
                // `2027. ` or `1) ` would begin a numbered list.
                let digits: String = std::iter::once(c)
                    .chain(std::iter::from_fn(|| {
                        chars.next_if(|&(_, d)| d.is_ascii_digit()).map(|(_, d)| d)
                    }))
                    .collect();
                out.push_str(&digits);
                if let Some(&(_, m @ ('.' | ')'))) = chars.peek() {
                    chars.next();
                    out.push('\\');
                    out.push(m);
                }
            }
            // Controls and bidi marks: a visible escape, as in a terminal.
            c if super::inert::is_unsafe(c) => out.extend(c.escape_debug()),
            _ => out.push(c),
        }
    }
    out
}

/// A table with these columns; each row has a cell for every column.
pub(crate) fn table(heads: &[Head], rows: &[Vec<String>]) -> String {
    let rows: Vec<(&[String], bool)> = rows.iter().map(|r| (&r[..], false)).collect();
    table_with_strong(heads, &rows)
}

/// [`table`] where a row marked `true` is in bold (a subtotal). The cells
/// are plain text, escaped here; the bold is cxm's own markup around them.
pub(crate) fn table_with_strong(heads: &[Head], rows: &[(&[String], bool)]) -> String {
    let mut out = String::new();
    let line = |cells: &mut dyn Iterator<Item = String>| {
        let mut l = String::from("|");
        for c in cells {
            l.push(' ');
            l.push_str(&c);
            l.push_str(" |");
        }
        l.push('\n');
        l
    };
    out.push_str(&line(&mut heads.iter().map(|h| escape(&h.label))));
    out.push_str(&line(&mut heads.iter().map(|h| match h.align {
        Align::Right => "---:".to_string(),
        Align::Left => "---".to_string(),
    })));
    for (cells, strong) in rows {
        out.push_str(&line(&mut cells.iter().map(|c| {
            let text = escape(c);
            if *strong && !text.is_empty() {
                format!("**{text}**")
            } else {
                text
            }
        })));
    }
    out
}

#[cfg(test)]
mod tests;
