//! CSV as SPEC section 6 wants it: RFC 4180 (CRLF, quoting when needed), a
//! header row, money as plain decimals, and text cells that a spreadsheet
//! could run as a formula defused with a leading `'`. The `--excel` variant
//! writes `;`, the decimal comma and a UTF-8 BOM, so that Excel and
//! LibreOffice in a Polish locale open it right with a double click.
//!
//! CSV is for tools, `--excel` for people (SPEC section 11): plain CSV keeps
//! the fixed English header keys and enumerated values whatever the
//! language, byte for byte. `--excel` words the headers and the enumerated
//! values ([`Cell::Word`]: statuses, areas, `counts_in`, `true`/`false`…) in
//! the report's language, and this writer is the one place that decides.
//! English `--excel` keeps the English keys and values: they already are
//! English words, a spreadsheet someone built on an English export keeps
//! working, and the only difference from plain CSV stays the locale (`;`,
//! decimal comma, BOM). The Polish headers come from
//! [`crate::i18n::csv_header`], keyed by the fixed English key; a key with
//! no Polish entry stays as it is (ids of quarters, currency codes).

use crate::i18n;
use crate::money::{Decimal, Money};
use crate::roadmap::{Choice, Language};
use anyhow::Context;
use std::borrow::Cow;

/// One cell, typed, so that only text is ever escaped: a negative amount
/// (`-3.05`) is a number, not a formula.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Cell {
    Text(String),
    Money(Money),
    Decimal(Decimal),
    Int(i128),
    /// A date: `YYYY-MM-DD` in CSV, a date cell in a workbook.
    Date(chrono::NaiveDate),
    /// Parts joined by a separator in one cell, each part written as its own
    /// cell would be (a KPI's series: `date value; date value`, the value
    /// with the variant's decimal mark).
    Joined(Vec<Cell>, &'static str),
    /// An enumerated value: its fixed English key (plain CSV, English
    /// `--excel`) and its Polish word (Polish `--excel`).
    Word {
        key: Cow<'static, str>,
        pl: Cow<'static, str>,
    },
    Empty,
}

impl Cell {
    pub(crate) fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    pub(crate) fn opt_text(s: Option<&str>) -> Cell {
        s.map_or(Cell::Empty, Cell::text)
    }

    pub(crate) fn opt_money(m: Option<Money>) -> Cell {
        m.map_or(Cell::Empty, Cell::Money)
    }

    pub(crate) fn opt_decimal(d: Option<Decimal>) -> Cell {
        d.map_or(Cell::Empty, Cell::Decimal)
    }

    pub(crate) fn opt_int(n: Option<impl Into<i128>>) -> Cell {
        n.map_or(Cell::Empty, |n| Cell::Int(n.into()))
    }

    /// A count (of quotes, of measurements, a rank).
    pub(crate) fn count(n: usize) -> Cell {
        Cell::Int(i128::try_from(n).unwrap_or(i128::MAX))
    }

    /// A date as `YYYY-MM-DD`.
    pub(crate) fn date(d: chrono::NaiveDate) -> Cell {
        Cell::Date(d)
    }

    pub(crate) fn opt_date(d: Option<chrono::NaiveDate>) -> Cell {
        d.map_or(Cell::Empty, Cell::date)
    }

    /// `true` or `false` (Polish `--excel`: `tak` or `nie`).
    pub(crate) fn bool(b: bool) -> Cell {
        if b {
            Cell::word("true", "tak")
        } else {
            Cell::word("false", "nie")
        }
    }

    /// An enumerated value: its English key and its Polish word.
    pub(crate) fn word(
        key: impl Into<Cow<'static, str>>,
        pl: impl Into<Cow<'static, str>>,
    ) -> Cell {
        Cell::Word {
            key: key.into(),
            pl: pl.into(),
        }
    }

    /// The quarters an initiative touches: `Q1 Q2 Q3`; Polish `I–III kw.`
    /// (the people tables' span: they are always consecutive).
    pub(crate) fn quarters(quarters: &[u8]) -> Cell {
        let key: Vec<String> = quarters.iter().map(|q| format!("Q{q}")).collect();
        Cell::word(key.join(" "), i18n::quarter_span(quarters, Language::Pl))
    }

    /// An initiative's status: `in-progress`; Polish `w toku`.
    pub(crate) fn status(s: crate::roadmap::Status) -> Cell {
        Cell::word(s.as_str(), i18n::status(s, Language::Pl))
    }

    /// A competency: `governance`; Polish `Ład CX`.
    pub(crate) fn competency(c: crate::roadmap::Competency) -> Cell {
        Cell::word(c.as_str(), i18n::competency_short(c, Language::Pl))
    }

    /// An area: `cx`, `cxm`; Polish `CX`, `CXM`.
    pub(crate) fn area(a: crate::roadmap::Area) -> Cell {
        Cell::word(a.as_str(), i18n::area(a, Language::Pl))
    }

    /// How a training is paid for: `central`, `department`; Polish
    /// `centralnie`, `dział`.
    pub(crate) fn funding(f: crate::roadmap::Funding) -> Cell {
        Cell::word(
            f.as_str(),
            match f {
                crate::roadmap::Funding::Central => "centralnie",
                crate::roadmap::Funding::Department => "dział",
            },
        )
    }
}

/// Where a CSV row of money counts (SPEC sections 11 and 13): in the CXM
/// total (below the cut line too), in a department's guideline, or in
/// neither (ideas, work not in the plan). A spreadsheet sum filtered to
/// `cxm` is the CXM total.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CountsIn {
    Cxm,
    Department,
    None,
}

impl CountsIn {
    /// An initiative: in the plan, by its area; outside it, nowhere.
    pub(crate) fn of_plan_line(in_plan: bool, area: crate::roadmap::Area) -> CountsIn {
        match (in_plan, area) {
            (false, _) => CountsIn::None,
            (true, crate::roadmap::Area::Cxm) => CountsIn::Cxm,
            (true, crate::roadmap::Area::Cx) => CountsIn::Department,
        }
    }

    /// A training: central training is a CXM line, department training a
    /// guideline.
    pub(crate) fn of_training(funding: crate::roadmap::Funding) -> CountsIn {
        match funding {
            crate::roadmap::Funding::Central => CountsIn::Cxm,
            crate::roadmap::Funding::Department => CountsIn::Department,
        }
    }

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            CountsIn::Cxm => "cxm",
            CountsIn::Department => "department",
            CountsIn::None => "none",
        }
    }

    /// The cell: `cxm`, `department`, `none`; Polish `--excel`: `CXM`,
    /// `dział`, `nigdzie`.
    pub(crate) fn cell(self) -> Cell {
        Cell::word(
            self.as_str(),
            match self {
                CountsIn::Cxm => "CXM",
                CountsIn::Department => "dział",
                CountsIn::None => "nigdzie",
            },
        )
    }
}

/// Prefixes `'` to a text that begins with `=`, `+`, `-`, `@`, tab or
/// carriage return, also after leading whitespace and line breaks (SPEC
/// section 6, rev. 2): importers that trim spaces (LibreOffice's "trim
/// spaces", Google Sheets) would run ` =HYPERLINK(…)` or `\n=cmd…`.
/// Whitespace is Unicode's (a no-break space included). Only text cells
/// come here: a negative amount stays a number.
pub(crate) fn defuse(s: &str) -> String {
    let first = s.trim_start_matches(char::is_whitespace).chars().next();
    if s.starts_with(['\t', '\r']) || first.is_some_and(|c| matches!(c, '=' | '+' | '-' | '@')) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// Writes CSV into memory.
pub(crate) struct CsvWriter {
    inner: ::csv::Writer<Vec<u8>>,
    excel: bool,
    /// Polish `--excel`: headers and enumerated values in Polish.
    polish: bool,
}

impl CsvWriter {
    /// `excel`: the `--excel` variant in the report's language; `None`:
    /// plain CSV.
    pub(crate) fn new(excel: impl Into<Option<Language>>) -> CsvWriter {
        let lang = excel.into();
        let excel = lang.is_some();
        let mut b = ::csv::WriterBuilder::new();
        b.terminator(::csv::Terminator::CRLF);
        let start = if excel {
            b.delimiter(b';');
            "\u{feff}".as_bytes().to_vec()
        } else {
            Vec::new()
        };
        CsvWriter {
            inner: b.from_writer(start),
            excel,
            polish: lang == Some(Language::Pl),
        }
    }

    /// Writes the header row: the fixed English keys, or in Polish
    /// `--excel` their Polish labels (never escaped).
    pub(crate) fn header(&mut self, names: &[&str]) -> anyhow::Result<()> {
        let names: Vec<&str> = if self.polish {
            names
                .iter()
                .map(|k| i18n::csv_header(k).unwrap_or(k))
                .collect()
        } else {
            names.to_vec()
        };
        self.inner
            .write_record(&names)
            .context("could not write a CSV header")
    }

    pub(crate) fn row(&mut self, cells: &[Cell]) -> anyhow::Result<()> {
        let fields: Vec<String> = cells.iter().map(|c| self.field(c)).collect();
        self.inner
            .write_record(&fields)
            .context("could not write a CSV row")
    }

    fn field(&self, c: &Cell) -> String {
        let comma = |s: String| if self.excel { s.replace('.', ",") } else { s };
        match c {
            Cell::Text(s) => defuse(s),
            Cell::Money(m) => comma(m.plain()),
            Cell::Decimal(d) => comma(d.text()),
            Cell::Int(i) => i.to_string(),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
            Cell::Joined(parts, sep) => parts
                .iter()
                .map(|p| self.field(p))
                .collect::<Vec<_>>()
                .join(sep),
            Cell::Word { key, pl } => defuse(if self.polish { pl } else { key }),
            Cell::Empty => String::new(),
        }
    }

    pub(crate) fn finish(self) -> anyhow::Result<Vec<u8>> {
        self.inner
            .into_inner()
            .map_err(|e| anyhow::anyhow!("could not finish the CSV output: {}", e.error()))
    }
}

#[cfg(test)]
mod tests;
