//! Aligned text tables for people (comfy-table): numbers right-aligned, no
//! colour or styling unless the caller asks for it (it decides from the
//! terminal and `NO_COLOR`).
//!
//! A table fits a width when it is given one ([`fit`]): the CLI decides it
//! (the terminal's width, else `COLUMNS`, else none, and none with
//! `--wide`), so laying out stays a pure function of the width. Widths are
//! display widths (unicode-width), never bytes or characters. Every cell
//! from the file is made [`inert`] before it reaches the terminal.

use super::columns::{Align, Head};
use comfy_table::{Attribute, Cell, CellAlignment, ContentArrangement, Table, presets};

/// A table with these columns (headers in one line each).
pub(crate) fn new_table(heads: &[Head], color: bool) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED);
    t.set_content_arrangement(ContentArrangement::Disabled);
    if color {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
    t.set_header(
        heads
            .iter()
            .map(|h| cell(&h.label, color, true))
            .collect::<Vec<_>>(),
    );
    for (h, c) in heads.iter().zip(t.column_iter_mut()) {
        if h.align == Align::Right {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    t
}

/// A cell, bold when `strong` and colour is on.
pub(crate) fn cell(text: &str, color: bool, strong: bool) -> Cell {
    let c = Cell::new(text);
    if color && strong {
        c.add_attribute(Attribute::Bold)
    } else {
        c
    }
}

/// A row of plain cells, or of bold ones (subtotals) when colour is on.
pub(crate) fn row(texts: impl IntoIterator<Item = String>, color: bool, strong: bool) -> Vec<Cell> {
    texts.into_iter().map(|t| cell(&t, color, strong)).collect()
}

/// The display width of a text: what it takes in a terminal (`…`, `—` and
/// Polish letters one column, CJK two), never its bytes. A text of several
/// lines is as wide as its widest line.
pub(crate) fn width(text: &str) -> usize {
    text.lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
}

/// Text from the file made inert for a terminal (SPEC sections 6 and 13):
/// each control character shows as a visible escape, `\u{1b}`, so a title
/// can neither move the cursor, clear the screen nor reorder what is shown
/// ([`super::inert`] says which characters). A line break (`\n`) stays: a
/// table lays a cell out line by line, so it never reaches the terminal as
/// a control.
pub(crate) fn inert(text: &str) -> String {
    text.split('\n')
        .map(super::inert::inert)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The ellipsis that ends a shortened cell: one column wide.
const ELLIPSIS: char = '…';

/// `text` in at most `max` columns: each line that is wider ends in `…`.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let lines: Vec<String> = text
        .split('\n')
        .map(|line| {
            if unicode_width::UnicodeWidthStr::width(line) <= max {
                return line.to_string();
            }
            let room = max.saturating_sub(1);
            let mut out = String::new();
            let mut used = 0;
            for c in line.chars() {
                let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                if used + w > room {
                    break;
                }
                used += w;
                out.push(c);
            }
            // Spaces before the ellipsis say nothing.
            let kept = out.trim_end().len();
            out.truncate(kept);
            if max > 0 {
                out.push(ELLIPSIS);
            }
            out
        })
        .collect();
    lines.join("\n")
}

/// The narrowest a shortened column gets: enough of a title to know it.
pub(crate) const SHORTEST: usize = 16;

/// How a table fits a width: the columns it keeps (indices, in order), the
/// width each kept column's cells may take, and the columns left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Fit {
    pub kept: Vec<usize>,
    /// One per kept column: the most its cells may take; a wider cell is
    /// shortened with `…`.
    pub widths: Vec<usize>,
    pub left_out: Vec<usize>,
}

/// What the frame of a table of `n` columns takes: a border on each side,
/// one between columns, and a space of padding either side of each cell.
pub(crate) fn frame(n: usize) -> usize {
    3 * n + 1
}

/// How a table with these columns and rows of cells fits in `max` columns
/// (`None`: no limit, everything as it is). First the columns that may be
/// shortened (titles, reasons, lists; see [`Head::shortens`]) give up what
/// they need, down to [`SHORTEST`] or their header, and in other columns
/// the labels of `strong` rows (headings, subtotals) in columns of words
/// down to what the column's plain rows need (figures are never cut); if that is not enough,
/// columns are left out, the least important first (the highest
/// `importance`, among equals the rightmost first); a [`KEY`] column is
/// never left out. Room left over goes back to the shortened columns,
/// narrowest first. A table whose key columns alone are too wide stays too
/// wide: what a row is, and its key figures, are never cut away.
///
/// [`KEY`]: super::columns::KEY
pub(crate) fn fit(heads: &[Head], rows: &[&[String]], strong: &[bool], max: Option<usize>) -> Fit {
    let natural: Vec<usize> = heads
        .iter()
        .enumerate()
        .map(|(i, h)| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| width(c))
                .chain([width(&h.label)])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let all: Vec<usize> = (0..heads.len()).collect();
    let whole = Fit {
        kept: all.clone(),
        widths: natural.clone(),
        left_out: Vec::new(),
    };
    let Some(max) = max else { return whole };
    if natural.iter().sum::<usize>() + frame(heads.len()) <= max {
        return whole;
    }
    // A heading or subtotal row's label (`strong`) in a column of words
    // may be cut to what the column's other rows need: a competency's name over its initiatives'
    // ids does not make the id column wide.
    let plain: Vec<usize> = heads
        .iter()
        .enumerate()
        .map(|(i, h)| {
            rows.iter()
                .zip(strong.iter().chain(std::iter::repeat(&false)))
                .filter(|(_, s)| !**s)
                .filter_map(|(r, _)| r.get(i))
                .map(|c| width(c))
                .chain([width(&h.label)])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let least: Vec<usize> = heads
        .iter()
        .enumerate()
        .map(|(i, h)| {
            if h.shortens {
                natural[i].min(SHORTEST.max(width(&h.label)))
            } else if h.align == Align::Left {
                plain[i]
            } else {
                // A figure is never cut, a total's least of all.
                natural[i]
            }
        })
        .collect();
    let need = |kept: &[usize]| kept.iter().map(|&i| least[i]).sum::<usize>() + frame(kept.len());
    // The order columns go in: least important first, then from the right.
    let mut order: Vec<usize> = all
        .iter()
        .copied()
        .filter(|&i| heads[i].importance != super::columns::KEY)
        .collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(heads[i].importance), std::cmp::Reverse(i)));
    let mut kept = all;
    let mut left_out = Vec::new();
    for i in order {
        if need(&kept) <= max {
            break;
        }
        kept.retain(|&k| k != i);
        left_out.push(i);
    }
    left_out.sort_unstable();
    let mut widths: Vec<usize> = kept.iter().map(|&i| least[i]).collect();
    let mut room = max.saturating_sub(need(&kept));
    while room > 0 {
        // The narrowest column still short of its natural width grows by one.
        let grow = kept
            .iter()
            .enumerate()
            .filter(|(k, i)| widths[*k] < natural[**i])
            .min_by_key(|(k, _)| widths[*k])
            .map(|(k, _)| k);
        let Some(k) = grow else { break };
        widths[k] += 1;
        room -= 1;
    }
    Fit {
        kept,
        widths,
        left_out,
    }
}

#[cfg(test)]
mod tests;
