//! Excel workbooks (SPEC section 12): `--format xlsx` writes one report as
//! one sheet, `cxm report --xlsx` every report in one workbook with an
//! *About* sheet.
//!
//! A sheet is laid out from the report's CSV column list
//! ([`super::columns::CsvColumns`]): the same keys in the same order and
//! the same typed cells, so a column added to the CSV appears in the
//! workbook too. What the workbook adds:
//!
//! - **Typed cells.** Money is a number in the currency's number format
//!   (`#,##0.00 "zł"` for PLN, `#,##0.00 "EUR"` for any other code: Excel and
//!   LibreOffice put the locale's separators in, so a Polish locale shows
//!   `12 345,60 zł`); decimals (percentages as in the CSV, `15` for 15 %,
//!   effort days, KPI values) and counts are plain numbers; dates are date
//!   cells shown `yyyy-mm-dd`; every text, a title starting with `=`
//!   included, is a string cell, never a formula.
//! - **Words of the report's language.** Headers and enumerated values are
//!   worded as the `--excel` CSV words them: Polish with `--lang pl`, the
//!   fixed English keys otherwise. The header row is bold, frozen and has
//!   an autofilter; column widths fit the longest cell (capped at 60).
//! - **Totals as formulas.** Under the table, after one empty row, the
//!   model's totals and subtotals are `SUM`/`SUMIFS` formulas over the
//!   table's lines, each stored with cxm's own figure as its cached value:
//!   a viewer that does not recompute shows cxm's figure, and a
//!   recomputation gives the same, because every line is in the table. A
//!   total is filtered by the `counts_in` column (`cxm`, `department`,
//!   `none`; Polish `CXM`, `dział`, `nigdzie`) and where needed by a
//!   competency or department; criteria are written `="…"` with wildcards
//!   escaped, so an id is matched as it is. The totals sit outside the
//!   filtered range: sorting or filtering the lines leaves them right.
//! - **More than 15 significant digits.** A spreadsheet number keeps 15;
//!   cxm allows amounts up to 10^13 with grosze (16 digits). Such a cell
//!   still holds the number (the nearest one a spreadsheet can keep) and
//!   gets a note with the exact amount; SPEC section 13 promises the
//!   recomputation only below that size.
//!
//! The only floating point in cxm is here, at the edge: a spreadsheet
//! stores numbers as IEEE doubles, so each figure is converted from its
//! exact decimal text once, when written. No sum is computed in floating
//! point by cxm.
//!
//! The bytes are reproducible: the workbook's creation date is the
//! roadmap's `as_of` (a single report's workbook: a fixed date), never the
//! clock. Excel recomputes on load; LibreOffice by default shows the stored
//! figures, which are cxm's (the test has it recompute with a profile whose
//! "recalculation on file load" is *always*).
//!
//! `--format xlsx` needs `--output FILE`; a workbook to standard output is
//! refused, whether it is a terminal or a pipe (`-o -` too): one rule that
//! is easy to say, and a binary that lands in a pipe by mistake helps no
//! one. The refusal is in `app.rs`, before the roadmap is read.

use super::columns::CsvColumns;
use super::csv::Cell;
use crate::i18n::{self, Text};
use crate::money::Money;
use crate::roadmap::Language;
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Note, Workbook, Worksheet, XlsxError};
use std::borrow::Borrow;

/// One sheet: a table laid out from a report's CSV columns, and the totals
/// under it.
pub(crate) struct Sheet {
    pub(crate) name: Text,
    pub(crate) keys: Vec<&'static str>,
    pub(crate) rows: Vec<Vec<Cell>>,
    pub(crate) totals: Vec<Total>,
    /// Columns whose money cells are the difference of two others in the
    /// same row (the diff's `delta = new − old`), written as formulas.
    pub(crate) differences: Vec<Difference>,
    /// Whether the table gets an autofilter (not the About sheet).
    pub(crate) filter: bool,
}

/// A column of money that is `minuend − subtrahend` of its own row.
pub(crate) struct Difference {
    pub(crate) column: &'static str,
    pub(crate) minuend: &'static str,
    pub(crate) subtrahend: &'static str,
}

/// A row under the table: a label and a formula per column it sums.
pub(crate) struct Total {
    pub(crate) label: String,
    pub(crate) sums: Vec<Sum>,
}

/// One total cell: the sum of `column` over the lines that pass every
/// filter, and cxm's own figure for it.
pub(crate) struct Sum {
    pub(crate) column: &'static str,
    pub(crate) filters: Vec<(&'static str, Filter)>,
    pub(crate) value: Money,
}

/// Which lines a total takes.
pub(crate) enum Filter {
    /// The column's cell is this value (as worded in the sheet).
    Is(Cell),
    /// The column's cell is not empty.
    NotEmpty,
    /// The column's cell is empty: written as the sum of all lines less
    /// those where it is not empty, which Excel and LibreOffice read alike.
    Empty,
}

impl Sum {
    pub(crate) fn of(column: &'static str, value: Money) -> Sum {
        Sum {
            column,
            filters: Vec::new(),
            value,
        }
    }

    pub(crate) fn when(mut self, column: &'static str, filter: Filter) -> Sum {
        self.filters.push((column, filter));
        self
    }
}

impl Total {
    pub(crate) fn new(label: impl Into<String>, sums: Vec<Sum>) -> Total {
        Total {
            label: label.into(),
            sums,
        }
    }
}

impl Sheet {
    /// A sheet with the columns and rows of a report's CSV.
    pub(crate) fn from_columns<R>(
        name: Text,
        columns: &CsvColumns<'_, R>,
        rows: impl IntoIterator<Item = impl Borrow<R>>,
    ) -> Sheet {
        Sheet {
            name,
            keys: columns.keys(),
            rows: rows
                .into_iter()
                .map(|r| columns.cells(r.borrow()))
                .collect(),
            totals: Vec::new(),
            differences: Vec::new(),
            filter: true,
        }
    }

    pub(crate) fn with_totals(mut self, totals: Vec<Total>) -> Sheet {
        self.totals = totals;
        self
    }
}

/// What the *About* sheet says (SPEC section 12).
pub(crate) struct About {
    pub(crate) organisation: Option<String>,
    pub(crate) plan_year: Option<i32>,
    pub(crate) as_of: chrono::NaiveDate,
    pub(crate) currency: String,
    pub(crate) markup_percent: crate::money::Decimal,
    /// Currency code and its rate to the roadmap's currency.
    pub(crate) fx: Vec<(String, Option<crate::money::Decimal>)>,
    /// The scenario applied (`--scenario`), `None` for the file as written.
    pub(crate) scenario: Option<String>,
}

impl About {
    /// The About sheet: a field and its value per row, then the list of
    /// the workbook's sheets (goals and scenarios join that list when cxm
    /// has them).
    fn sheet(&self, sheets: &[Text], lang: Language) -> Sheet {
        let t = |x| i18n::text(x, lang).to_string();
        let mut rows = vec![
            vec![
                Cell::Text(t(Text::Organisation)),
                Cell::opt_text(self.organisation.as_deref()),
            ],
            vec![Cell::Text(t(Text::PlanYear)), Cell::opt_int(self.plan_year)],
            vec![Cell::Text(t(Text::AsOf)), Cell::date(self.as_of)],
            vec![Cell::Text(t(Text::Currency)), Cell::text(&self.currency)],
            vec![
                Cell::Text(t(Text::MarkupUsed)),
                Cell::Decimal(self.markup_percent),
            ],
        ];
        for (code, rate) in &self.fx {
            rows.push(vec![
                Cell::Text(format!("{} {code}", t(Text::FxRate))),
                Cell::opt_decimal(*rate),
            ]);
        }
        rows.push(vec![
            Cell::Text(t(Text::Scenario)),
            match &self.scenario {
                Some(name) => Cell::text(name),
                None => Cell::Text(t(Text::NoScenario)),
            },
        ]);
        rows.push(vec![
            Cell::Text(t(Text::CxmVersion)),
            Cell::text(env!("CARGO_PKG_VERSION")),
        ]);
        for (k, s) in sheets.iter().enumerate() {
            let label = if k == 0 {
                t(Text::Sheets)
            } else {
                String::new()
            };
            rows.push(vec![Cell::Text(label), Cell::Text(t(*s))]);
        }
        Sheet {
            name: Text::SheetAbout,
            keys: vec!["field", "value"],
            rows,
            totals: Vec::new(),
            differences: Vec::new(),
            filter: false,
        }
    }
}

/// The reports of `cxm report --xlsx`, built from one checked roadmap.
pub(crate) struct Reports<'a> {
    pub(crate) budget: &'a crate::budget::Budget,
    pub(crate) plan: &'a crate::plan::Plan,
    pub(crate) inventory: &'a crate::inventory::Inventory,
    pub(crate) kpi: Option<&'a crate::kpi::KpiReport>,
    /// Present when the roadmap has goals.
    pub(crate) goals: Option<&'a crate::goals::GoalsReport>,
    /// Present when the roadmap has scenarios and none is applied.
    pub(crate) scenarios: Option<&'a crate::scenarios::ScenariosReport>,
    /// Present when the plan year has dated events (communications, KPI
    /// measurements due).
    pub(crate) calendar: Option<&'a crate::calendar::Calendar>,
}

/// The workbook of `cxm report --xlsx`: About, then budget, department
/// guidelines, plan, inventory, KPIs, goals, calendar and scenarios (each
/// when the roadmap has any; scenarios only for the file as written).
pub(crate) fn report(r: &Reports<'_>, about: &About, lang: Language) -> anyhow::Result<Vec<u8>> {
    let mut sheets = vec![
        super::budget::xlsx_sheet(r.budget, lang),
        super::budget::guidelines_sheet(r.budget, lang),
        super::plan::xlsx_sheet(r.plan, lang),
        super::inventory::xlsx_sheet(r.inventory, lang),
    ];
    sheets.extend(r.kpi.map(super::kpi::xlsx_sheet));
    sheets.extend(r.goals.map(|g| super::goals::xlsx_sheet(g, lang)));
    sheets.extend(r.calendar.map(|c| super::calendar::xlsx_sheet(c, lang)));
    sheets.extend(r.scenarios.map(|s| super::scenarios::xlsx_sheet(s, lang)));
    book(&sheets, Some(about), lang, &r.budget.currency)
}

/// One report as a workbook of one sheet (`--format xlsx`).
pub(crate) fn one(sheet: Sheet, lang: Language, currency: &str) -> anyhow::Result<Vec<u8>> {
    book(&[sheet], None, lang, currency)
}

/// The whole workbook of `cxm report --xlsx`: the About sheet first, then
/// each report's.
pub(crate) fn book(
    sheets: &[Sheet],
    about: Option<&About>,
    lang: Language,
    currency: &str,
) -> anyhow::Result<Vec<u8>> {
    build(sheets, about, lang, currency)
        .map_err(|e| anyhow::anyhow!("could not make the workbook: {e}"))
}

fn build(
    sheets: &[Sheet],
    about: Option<&About>,
    lang: Language,
    currency: &str,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    // Reproducible output: the workbook's creation date is the roadmap's
    // `as_of` when there is one, else a fixed date, never the clock.
    let created = about.map_or_else(|| ExcelDateTime::from_ymd(2000, 1, 1), |a| ymd(a.as_of))?;
    wb.set_properties(
        &rust_xlsxwriter::DocProperties::new()
            .set_creation_datetime(&created)
            .set_author("cxm"),
    );
    let styles = Styles::new(currency);
    if let Some(a) = about {
        let names: Vec<Text> = sheets.iter().map(|s| s.name).collect();
        write_sheet(wb.add_worksheet(), &a.sheet(&names, lang), lang, &styles)?;
    }
    for s in sheets {
        write_sheet(wb.add_worksheet(), s, lang, &styles)?;
    }
    wb.save_to_buffer()
}

fn ymd(d: chrono::NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike as _;
    let year = u16::try_from(d.year()).map_err(|_| XlsxError::DateTimeRangeError(d.to_string()))?;
    // Month and day always fit a byte.
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8)
}

/// The cell formats of a workbook.
struct Styles {
    header: Format,
    money: Format,
    money_bold: Format,
    date: Format,
    bold: Format,
    plain: Format,
}

impl Styles {
    fn new(currency: &str) -> Styles {
        let money = money_format(currency);
        Styles {
            header: Format::new().set_bold(),
            money: Format::new().set_num_format(&money),
            money_bold: Format::new().set_num_format(&money).set_bold(),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            bold: Format::new().set_bold(),
            plain: Format::new(),
        }
    }
}

/// The number format of amounts: two places, thousands grouped, and the
/// currency after the number, as a Polish reader writes `12 345,60 zł`.
fn money_format(currency: &str) -> String {
    let symbol: String = match currency {
        "PLN" => "zł".to_string(),
        other => other
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect(),
    };
    if symbol.is_empty() {
        "#,##0.00".to_string()
    } else {
        format!("#,##0.00 \"{symbol}\"")
    }
}

/// The header of a column: the fixed key, or its Polish label.
fn header(key: &str, lang: Language) -> &str {
    match lang {
        Language::Pl => i18n::csv_header(key).unwrap_or(key),
        Language::En => key,
    }
}

/// What a cell shows as text: the words of the report's language, amounts
/// and decimals with the language's decimal mark (text cells only: the
/// joined parts of a KPI's series, and criteria).
fn text_of(c: &Cell, lang: Language) -> String {
    let mark = |s: String| match lang {
        Language::Pl => s.replace('.', ","),
        Language::En => s,
    };
    match c {
        Cell::Text(s) => s.clone(),
        Cell::Word { key, pl } => match lang {
            Language::Pl => pl.to_string(),
            Language::En => key.to_string(),
        },
        Cell::Money(m) => mark(m.plain()),
        Cell::Decimal(d) => mark(d.text()),
        Cell::Int(i) => i.to_string(),
        Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
        Cell::Joined(parts, sep) => parts
            .iter()
            .map(|p| text_of(p, lang))
            .collect::<Vec<_>>()
            .join(sep),
        Cell::Empty => String::new(),
    }
}

/// The number of significant digits of a plain decimal (`-0012.3400` has
/// four): what a spreadsheet can keep is 15.
fn significant_digits(plain: &str) -> usize {
    let digits: String = plain.chars().filter(char::is_ascii_digit).collect();
    digits.trim_start_matches('0').trim_end_matches('0').len()
}

/// The most significant digits a spreadsheet number keeps.
const MAX_DIGITS: usize = 15;

/// A plain decimal as the spreadsheet number nearest to it.
fn number(plain: &str) -> Result<f64, XlsxError> {
    plain
        .parse::<f64>()
        .map_err(|_| XlsxError::ParameterError(format!("not a number: {plain}")))
}

/// The widest a column gets, in characters.
const MAX_WIDTH: usize = 60;

fn write_sheet(
    ws: &mut Worksheet,
    sheet: &Sheet,
    lang: Language,
    styles: &Styles,
) -> Result<(), XlsxError> {
    ws.set_name(i18n::text(sheet.name, lang))?;
    let columns = sheet.keys.len();
    let mut widths: Vec<usize> = sheet
        .keys
        .iter()
        .map(|k| header(k, lang).chars().count())
        .collect();
    let col_of = |key: &str| sheet.keys.iter().position(|k| *k == key);
    for (c, key) in sheet.keys.iter().enumerate() {
        ws.write_string_with_format(0, col(c)?, header(key, lang), &styles.header)?;
    }
    for (r, cells) in sheet.rows.iter().enumerate() {
        let row = row_num(r + 1)?;
        for (c, cell) in cells.iter().enumerate() {
            let difference = sheet
                .differences
                .iter()
                .find(|d| d.column == sheet.keys.get(c).copied().unwrap_or_default());
            let width = match (difference, cell) {
                (Some(d), Cell::Money(m)) => {
                    let (Some(a), Some(b)) = (col_of(d.minuend), col_of(d.subtrahend)) else {
                        return Err(XlsxError::ParameterError(format!(
                            "no column {} or {}",
                            d.minuend, d.subtrahend
                        )));
                    };
                    let formula = format!("={}-{}", cell_ref(row, a)?, cell_ref(row, b)?);
                    write_money_formula(ws, row, col(c)?, &formula, *m, &styles.money, lang)?
                }
                _ => write_cell(ws, row, col(c)?, cell, lang, styles)?,
            };
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(width);
            }
        }
    }
    let last_line = sheet.rows.len();
    if sheet.filter && columns > 0 {
        ws.autofilter(0, 0, row_num(last_line)?, col(columns - 1)?)?;
    }
    ws.set_freeze_panes(1, 0)?;
    // On paper: A4 landscape, the columns on one page's width, the header
    // row on every page.
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 0)?;
    // The totals: one empty row under the lines, then a row per total.
    let first = 2u32;
    // With no lines, the ranges cover the empty row (sums of nothing: 0).
    let last = row_num(last_line.max(1) + 1)?;
    for (k, total) in sheet.totals.iter().enumerate() {
        let row = row_num(last_line + 2 + k)?;
        // The label runs on into the empty cells beside it: it does not
        // widen the first column.
        ws.write_string_with_format(row, 0, &total.label, &styles.bold)?;
        for sum in &total.sums {
            let Some(c) = col_of(sum.column) else {
                return Err(XlsxError::ParameterError(format!(
                    "no column {}",
                    sum.column
                )));
            };
            let formula = sum_formula(sheet, sum, first, last, lang)?;
            let width = write_money_formula(
                ws,
                row,
                col(c)?,
                &formula,
                sum.value,
                &styles.money_bold,
                lang,
            )?;
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(width);
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        let w = u16::try_from((*w).clamp(4, MAX_WIDTH) + 3).unwrap_or(20);
        ws.set_column_width(col(c)?, w)?;
    }
    Ok(())
}

/// A column's whole range of lines: `$J$2:$J$41`.
fn range(column: usize, first: u32, last: u32) -> Result<String, XlsxError> {
    let name = rust_xlsxwriter::utility::column_number_to_name(col(column)?);
    Ok(format!("${name}${}:${name}${}", first, last))
}

/// `A1`-style reference of a cell (0-based row and column).
fn cell_ref(row: u32, column: usize) -> Result<String, XlsxError> {
    Ok(rust_xlsxwriter::utility::row_col_to_cell(row, col(column)?))
}

/// A criterion that matches exactly this text: `=` before it, so that a
/// text starting with `<` or `>` is not a comparison, and `*`, `?`, `~`
/// escaped, so that they are not wildcards.
fn criterion(text: &str) -> String {
    let mut out = String::from("=");
    for ch in text.chars() {
        if matches!(ch, '*' | '?' | '~') {
            out.push('~');
        }
        out.push(ch);
    }
    out
}

/// A string literal in a formula.
fn literal(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

fn sum_formula(
    sheet: &Sheet,
    sum: &Sum,
    first: u32,
    last: u32,
    lang: Language,
) -> Result<String, XlsxError> {
    let col_of = |key: &str| {
        sheet
            .keys
            .iter()
            .position(|k| *k == key)
            .ok_or_else(|| XlsxError::ParameterError(format!("no column {key}")))
    };
    let target = range(col_of(sum.column)?, first, last)?;
    let mut criteria = Vec::new();
    let mut empty = Vec::new();
    for (key, filter) in &sum.filters {
        let r = range(col_of(key)?, first, last)?;
        match filter {
            Filter::Is(cell) => {
                criteria.push(format!("{r},{}", literal(&criterion(&text_of(cell, lang)))))
            }
            Filter::NotEmpty => criteria.push(format!("{r},{}", literal("<>"))),
            Filter::Empty => empty.push(r),
        }
    }
    let ifs = |criteria: &[String]| {
        if criteria.is_empty() {
            format!("SUM({target})")
        } else {
            format!("SUMIFS({target},{})", criteria.join(","))
        }
    };
    let mut formula = format!("={}", ifs(&criteria));
    // Each column that must be empty: take away the lines where it is not.
    // With one such column (all the reports need), this is exact.
    for r in empty {
        let mut with = criteria.clone();
        with.push(format!("{r},{}", literal("<>")));
        formula.push_str(&format!("-{}", ifs(&with)));
    }
    Ok(formula)
}

/// A money formula with cxm's figure as its cached result; returns the
/// width it shows.
fn write_money_formula(
    ws: &mut Worksheet,
    row: u32,
    column: u16,
    formula: &str,
    value: Money,
    format: &Format,
    lang: Language,
) -> Result<usize, XlsxError> {
    let plain = value.plain();
    ws.write_formula_with_format(
        row,
        column,
        Formula::new(formula).set_result(&plain),
        format,
    )?;
    note_if_inexact(ws, row, column, &plain, lang)?;
    Ok(money_width(&plain))
}

/// How wide an amount shows: grouped, two places, a currency after it.
fn money_width(plain: &str) -> usize {
    let digits = plain.chars().filter(char::is_ascii_digit).count();
    plain.len() + digits.saturating_sub(3) / 3 + 4
}

/// A note with the exact figure on a cell whose number a spreadsheet
/// cannot hold exactly.
fn note_if_inexact(
    ws: &mut Worksheet,
    row: u32,
    column: u16,
    plain: &str,
    lang: Language,
) -> Result<(), XlsxError> {
    if significant_digits(plain) > MAX_DIGITS {
        let text = format!("{}: {plain}", i18n::text(Text::ExactAmount, lang));
        ws.insert_note(row, column, &Note::new(text).add_author_prefix(false))?;
    }
    Ok(())
}

/// Writes one typed cell; returns the width it shows.
fn write_cell(
    ws: &mut Worksheet,
    row: u32,
    column: u16,
    cell: &Cell,
    lang: Language,
    styles: &Styles,
) -> Result<usize, XlsxError> {
    Ok(match cell {
        Cell::Money(m) => {
            let plain = m.plain();
            ws.write_number_with_format(row, column, number(&plain)?, &styles.money)?;
            note_if_inexact(ws, row, column, &plain, lang)?;
            money_width(&plain)
        }
        Cell::Decimal(d) => {
            let plain = d.text();
            ws.write_number_with_format(row, column, number(&plain)?, &styles.plain)?;
            note_if_inexact(ws, row, column, &plain, lang)?;
            plain.len()
        }
        Cell::Int(i) => {
            let plain = i.to_string();
            ws.write_number_with_format(row, column, number(&plain)?, &styles.plain)?;
            note_if_inexact(ws, row, column, &plain, lang)?;
            plain.len()
        }
        Cell::Date(d) => {
            ws.write_datetime_with_format(row, column, ymd(*d)?, &styles.date)?;
            10
        }
        Cell::Empty => 0,
        Cell::Text(_) | Cell::Word { .. } | Cell::Joined(..) => {
            let text = text_of(cell, lang);
            ws.write_string_with_format(row, column, &text, &styles.plain)?;
            text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
        }
    })
}

fn col(c: usize) -> Result<u16, XlsxError> {
    u16::try_from(c).map_err(|_| XlsxError::ParameterError(format!("column {c}")))
}

fn row_num(r: usize) -> Result<u32, XlsxError> {
    u32::try_from(r).map_err(|_| XlsxError::ParameterError(format!("row {r}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn criteria_match_the_text_as_it_is() {
        assert_eq!(criterion("sales"), "=sales");
        assert_eq!(criterion("a*b?c~"), "=a~*b~?c~~");
        assert_eq!(criterion(">5"), "=>5");
        assert_eq!(literal("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn significant_digits_ignore_signs_points_and_outer_zeros() {
        assert_eq!(significant_digits("-0012.3400"), 4);
        assert_eq!(significant_digits("9999999999999.99"), 15);
        assert_eq!(significant_digits("10000000000000.01"), 16);
        assert_eq!(significant_digits("0.00"), 0);
    }

    #[test]
    fn money_formats_put_the_currency_after_the_number() {
        assert_eq!(money_format("PLN"), "#,##0.00 \"zł\"");
        assert_eq!(money_format("EUR"), "#,##0.00 \"EUR\"");
        assert_eq!(money_format("\"\""), "#,##0.00");
    }
}
