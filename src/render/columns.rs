//! A report table as one list of columns. A column says once what people
//! read above it (an [`i18n::Text`] label, so it is translated), which side
//! its cells keep to, how important it is, and how to make its cell from a
//! row; the aligned text table and the Markdown table are both laid out from
//! that list, so a header, its alignment and its cells cannot drift apart.
//!
//! A table's row type is usually an enum of the kinds of row it holds (a
//! competency heading, an initiative, a subtotal). Each column decides what
//! every kind shows, an empty cell included: rows are never padded to width
//! by counting.
//!
//! The CSV of a report is a table of its own, a list of [`CsvColumn`]s that
//! hold the fixed English key next to the typed cell. It is not the people
//! tables' list with a CSV cell added: SPEC section 6 fixes the CSV's keys,
//! their order and its plain values, and those differ from the people tables
//! (other columns, another order, rows of several kinds in one list, where
//! people get one titled table per kind). One list for both would change one
//! of the outputs. `--excel` in Polish words the keys and the enumerated
//! cells ([`Cell::Word`]) in Polish; [`CsvWriter`] alone decides that, so a
//! report's column list only says which cells are enumerated.
//!
//! Importance ranks columns for narrow terminals: [`KEY`] columns say what a
//! row is or hold the figures a reader came for (ids, labels, budgets,
//! totals), [`MAIN`] ones the usual figures, [`DETAIL`] ones what can go
//! first. A table too wide for the terminal first shortens its columns of
//! free text (declared with [`Columns::text`]: titles, reasons, lists) with
//! `…`, then leaves out columns, the least important first and among equals
//! the rightmost first, so a report declares its order by the importance and
//! place of each column; a [`KEY`] column always stays (see
//! [`super::table::fit`]).

use super::csv::{Cell, CsvWriter};
use super::sections::{Row, Section};
use crate::i18n::{self, Text};
use crate::roadmap::Language;
use std::borrow::Borrow;

/// Which side a column's cells keep to: numbers right, words left.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Right,
}

/// The importance of a column that says what a row is, or holds the
/// figures a reader came for: dropped last.
pub(crate) const KEY: u8 = 1;
/// The importance of the usual figures.
pub(crate) const MAIN: u8 = 2;
/// The importance of a detail: dropped first.
pub(crate) const DETAIL: u8 = 3;

/// A cell for people, made from a row in the report's language.
type Make<'a, R> = Box<dyn Fn(&R, Language) -> String + 'a>;

/// One column of a table for people.
pub(crate) struct Column<'a, R> {
    label: Text,
    align: Align,
    importance: u8,
    shortens: bool,
    cell: Make<'a, R>,
}

/// A column as laid out: its header in the report's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Head {
    pub label: String,
    pub align: Align,
    /// See the module doc: which columns go first when space is short.
    pub importance: u8,
    /// Whether its cells may be shortened with `…` when space is short.
    pub shortens: bool,
}

/// The columns of one table, in their order, for rows of type `R`.
pub(crate) struct Columns<'a, R>(Vec<Column<'a, R>>);

impl<'a, R> Columns<'a, R> {
    pub(crate) fn new() -> Self {
        Columns(Vec::new())
    }

    /// Adds a column of words.
    pub(crate) fn left(
        mut self,
        label: Text,
        importance: u8,
        cell: impl Fn(&R, Language) -> String + 'a,
    ) -> Self {
        self.0.push(Column {
            label,
            align: Align::Left,
            importance,
            shortens: false,
            cell: Box::new(cell),
        });
        self
    }

    /// Adds a column of free text (titles, reasons, lists of ids): words
    /// whose cells a narrow terminal shortens with `…` before any column
    /// is left out.
    pub(crate) fn text(
        mut self,
        label: Text,
        importance: u8,
        cell: impl Fn(&R, Language) -> String + 'a,
    ) -> Self {
        self.0.push(Column {
            label,
            align: Align::Left,
            importance,
            shortens: true,
            cell: Box::new(cell),
        });
        self
    }

    /// Adds a column of numbers.
    pub(crate) fn right(
        mut self,
        label: Text,
        importance: u8,
        cell: impl Fn(&R, Language) -> String + 'a,
    ) -> Self {
        self.0.push(Column {
            label,
            align: Align::Right,
            importance,
            shortens: false,
            cell: Box::new(cell),
        });
        self
    }

    /// Adds what `add` adds only when `shown`: a column that only some
    /// reports have (internal time, when there is a day rate).
    pub(crate) fn when(self, shown: bool, add: impl FnOnce(Self) -> Self) -> Self {
        if shown { add(self) } else { self }
    }

    /// Four number columns Q1–Q4, each cell one quarter of what `quarter`
    /// gives for the row (from 0), made by `cell`.
    pub(crate) fn quarters<T>(
        mut self,
        importance: u8,
        quarters: impl Fn(&R) -> Option<[T; 4]> + Copy + 'a,
        cell: impl Fn(&T, Language) -> String + Copy + 'a,
    ) -> Self {
        for (q, label) in [Text::Q1, Text::Q2, Text::Q3, Text::Q4]
            .into_iter()
            .enumerate()
        {
            self = self.right(label, importance, move |r, lang| {
                quarters(r)
                    .and_then(|all| all.into_iter().nth(q))
                    .map_or_else(String::new, |v| cell(&v, lang))
            });
        }
        self
    }

    /// The columns as laid out in `lang`.
    pub(crate) fn heads(&self, lang: Language) -> Vec<Head> {
        self.0
            .iter()
            .map(|c| Head {
                label: i18n::text(c.label, lang).to_string(),
                align: c.align,
                importance: c.importance,
                shortens: c.shortens,
            })
            .collect()
    }

    /// A row's cells, one per column.
    pub(crate) fn cells(&self, r: &R, lang: Language) -> Vec<String> {
        self.0.iter().map(|c| (c.cell)(r, lang)).collect()
    }
}

/// A table for people being filled row by row, then titled as a section.
pub(crate) struct Table<'a, R> {
    columns: Columns<'a, R>,
    lang: Language,
    rows: Vec<Row>,
}

impl<'a, R> Table<'a, R> {
    pub(crate) fn new(columns: Columns<'a, R>, lang: Language) -> Self {
        Table {
            columns,
            lang,
            rows: Vec::new(),
        }
    }

    /// A row of plain cells.
    pub(crate) fn row(&mut self, r: &R) {
        let cells = self.columns.cells(r, self.lang);
        self.rows.push(Row::Cells(cells, false));
    }

    /// A row of plain cells for each of `rows` (rows or references to them).
    pub(crate) fn rows(&mut self, rows: impl IntoIterator<Item = impl Borrow<R>>) {
        for r in rows {
            self.row(r.borrow());
        }
    }

    /// A heading or subtotal row: bold with colour and in Markdown.
    pub(crate) fn strong(&mut self, r: &R) {
        let cells = self.columns.cells(r, self.lang);
        self.rows.push(Row::Cells(cells, true));
    }

    /// A line across the table with this text.
    pub(crate) fn rule(&mut self, text: String) {
        self.rows.push(Row::Rule(text));
    }

    /// The table under a title, with sentences under it.
    pub(crate) fn section(self, title: String, notes: Vec<String>) -> Section {
        Section {
            title,
            heads: self.columns.heads(self.lang),
            rows: self.rows,
            notes,
        }
    }
}

/// A cell for CSV, made from a row.
type MakeCsv<'a, R> = Box<dyn Fn(&R) -> Cell + 'a>;

/// One column of a report's CSV: its fixed English key (the header) and
/// its typed cell.
pub(crate) struct CsvColumn<'a, R> {
    key: &'static str,
    cell: MakeCsv<'a, R>,
}

/// The columns of a report's CSV, in their order.
pub(crate) struct CsvColumns<'a, R>(Vec<CsvColumn<'a, R>>);

impl<'a, R> CsvColumns<'a, R> {
    pub(crate) fn new() -> Self {
        CsvColumns(Vec::new())
    }

    /// Adds a column.
    pub(crate) fn col(mut self, key: &'static str, cell: impl Fn(&R) -> Cell + 'a) -> Self {
        self.0.push(CsvColumn {
            key,
            cell: Box::new(cell),
        });
        self
    }

    /// The fixed English keys, in order: the CSV's header, and the
    /// workbook's before it is worded (`render::xlsx`).
    pub(crate) fn keys(&self) -> Vec<&'static str> {
        self.0.iter().map(|c| c.key).collect()
    }

    /// A row's typed cells, one per column: what the CSV writes as text and
    /// the workbook as typed cells.
    pub(crate) fn cells(&self, r: &R) -> Vec<Cell> {
        self.0.iter().map(|c| (c.cell)(r)).collect()
    }

    /// The CSV: the keys, then a line per row (`excel`: the `--excel`
    /// variant in that language, its headers and enumerated values worded
    /// by [`CsvWriter`]; `None`: plain CSV).
    pub(crate) fn write(
        &self,
        rows: impl IntoIterator<Item = impl Borrow<R>>,
        excel: Option<Language>,
    ) -> anyhow::Result<Vec<u8>> {
        let mut w = CsvWriter::new(excel);
        let keys: Vec<&str> = self.0.iter().map(|c| c.key).collect();
        w.header(&keys)?;
        for r in rows {
            let cells: Vec<Cell> = self.0.iter().map(|c| (c.cell)(r.borrow())).collect();
            w.row(&cells)?;
        }
        w.finish()
    }
}

#[cfg(test)]
mod tests;
