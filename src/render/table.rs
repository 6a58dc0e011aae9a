//! Aligned text tables for people (comfy-table): numbers right-aligned, no
//! colour or styling unless the caller asks for it (it decides from the
//! terminal and `NO_COLOR`).

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

#[cfg(test)]
mod tests;
