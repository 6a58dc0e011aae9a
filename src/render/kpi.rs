//! The KPI report (`cxm kpi`) in every format. It lays out what
//! [`crate::kpi::KpiReport`] holds; the only thing drawn here is the trend
//! sparkline, a picture of the series, not a figure.

use super::columns::{Columns, CsvColumns, DETAIL, KEY, MAIN, Table};
use super::csv::Cell;
use super::markdown;
use super::sections::{self, Doc, Section};
use super::xlsx;
use super::{Format, RenderOptions};
use crate::i18n::{self, Text};
use crate::kpi::{KpiLine, KpiReport, MoneyRange};
use crate::money::Decimal;
use crate::roadmap::{Choice, Direction, Group, Language};

pub fn render(k: &KpiReport, opts: &RenderOptions) -> anyhow::Result<Vec<u8>> {
    super::to_vec(|out| write(k, opts, out))
}

/// The report in `opts.format`, written into `out`.
pub fn write(
    k: &KpiReport,
    opts: &RenderOptions,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    match opts.format {
        Format::Json => super::json_to(k, out),
        Format::Csv => Ok(out.write_all(&csv(k, opts.excel.then_some(opts.lang))?)?),
        Format::Table => Ok(out.write_all(&table(k, opts).into_bytes())?),
        Format::Markdown => Ok(out.write_all(&markdown(k, opts.lang).into_bytes())?),
        // KPIs hold no money: the currency's format is never used.
        Format::Xlsx => Ok(out.write_all(&xlsx::one(xlsx_sheet(k), opts.lang, "")?)?),
    }
}

/// The KPIs' sheet: the CSV's lines (no totals: KPIs do not add up).
pub(crate) fn xlsx_sheet(k: &KpiReport) -> xlsx::Sheet {
    xlsx::Sheet::from_columns(Text::SheetKpis, &csv_columns(), &k.kpis)
}

const BLOCKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// A Unicode sparkline of the values, scaled from their minimum to their
/// maximum: one block per value. A flat series (or a single value) sits in
/// the middle; no values draw nothing.
pub(crate) fn sparkline(values: &[Decimal]) -> String {
    let (Some(min), Some(max)) = (values.iter().min(), values.iter().max()) else {
        return String::new();
    };
    let span = max.0.checked_sub(min.0).filter(|s| *s > 0);
    values
        .iter()
        .map(|v| {
            let level = span
                .and_then(|s| {
                    let off = v.0.checked_sub(min.0)?;
                    crate::money::div_round(off.checked_mul(7)?, s)
                })
                .unwrap_or(3);
            usize::try_from(level)
                .ok()
                .and_then(|l| BLOCKS.get(l))
                .copied()
                .unwrap_or('▄')
        })
        .collect()
}

const DASH: &str = "—";

fn num(d: Option<Decimal>, lang: Language) -> String {
    d.map_or_else(|| DASH.to_string(), |d| i18n::decimal(d, lang))
}

fn arrow(d: Direction) -> &'static str {
    match d {
        Direction::Up => "↑",
        Direction::Down => "↓",
    }
}

fn progress(k: &KpiLine, lang: Language) -> String {
    k.progress_percent
        .map_or_else(|| DASH.to_string(), |p| i18n::percent_fixed(p, 1, lang))
}

/// Where the path to the target stood at the latest measurement's date,
/// with the places the model rounded it to.
pub(crate) fn path_value(k: &KpiLine, lang: Language) -> String {
    match (&k.path_value, lang) {
        (None, _) => DASH.to_string(),
        (Some(p), Language::En) => p.clone(),
        (Some(p), Language::Pl) => p.replace('.', ","),
    }
}

/// The projection at the target date with ✓ when it reaches the target
/// and ✗ when not; a dash without one.
pub(crate) fn projected(k: &KpiLine, lang: Language) -> String {
    let Some(p) = &k.projection else {
        return DASH.to_string();
    };
    let p = match lang {
        Language::En => p.clone(),
        Language::Pl => p.replace('.', ","),
    };
    match k.projection_reaches {
        Some(true) => format!("{p} ✓"),
        Some(false) => format!("{p} ✗"),
        None => p,
    }
}

/// A money range, or a dash.
pub(crate) fn range(r: Option<MoneyRange>, currency: &str, lang: Language) -> String {
    r.map_or_else(
        || DASH.to_string(),
        |r| i18n::money_range(r.low, r.high, currency, lang),
    )
}

/// The lines under a group's table: how each projection was made, and what
/// each money value rests on.
fn notes(lines: &[&KpiLine], lang: Language) -> Vec<String> {
    let t = |x| i18n::text(x, lang);
    let name = |k: &KpiLine| k.name.clone().unwrap_or_else(|| k.id.clone());
    let mut out = Vec::new();
    let ahead: Vec<String> = lines
        .iter()
        .map(|k| match k.projection {
            Some(_) => format!("{}: n = {}", name(k), k.projection_n),
            None => format!("{}: {}", name(k), t(Text::NeedsThree)),
        })
        .collect();
    if !ahead.is_empty() {
        out.push(format!("{} {}", t(Text::ProjectionNote), ahead.join("; ")));
    }
    let valued: Vec<&&KpiLine> = lines
        .iter()
        .filter(|k| k.value_per_unit.is_some())
        .collect();
    if !valued.is_empty() {
        out.push(t(Text::ValueNote).to_string());
        for k in valued {
            if let Some(u) = &k.value_per_unit {
                out.push(unit_value_line(&name(k), k, u, lang));
            }
        }
    }
    out
}

/// "NPS: 1 pt ≈ 40,000.00 – 90,000.00 PLN a year — assumption: …".
pub(crate) fn unit_value_line(
    name: &str,
    k: &KpiLine,
    u: &crate::kpi::UnitValue,
    lang: Language,
) -> String {
    let t = |x| i18n::text(x, lang);
    let unit = k.unit.clone().unwrap_or_default();
    let note = u
        .note
        .clone()
        .unwrap_or_else(|| t(Text::NoAssumption).to_string());
    format!(
        "{name}: 1 {unit} ≈ {} {} — {}: {note}",
        i18n::money_range(u.low, u.high, &k.currency, lang),
        t(Text::AYear),
        t(Text::Assumption)
    )
    .replace("1  ≈", "1 ≈")
}

/// The pairs `cxm kpi` lists: |r| ≥ 0.5, strongest first.
fn shown_relations(k: &KpiReport) -> impl Iterator<Item = &crate::kpi::Relation> {
    k.relations.iter().filter(|r| r.r.unsigned_abs() >= 50)
}

fn kpi_name(k: &KpiReport, id: &str) -> String {
    k.kpis
        .iter()
        .find(|l| l.id == id)
        .and_then(|l| l.name.clone())
        .unwrap_or_else(|| id.to_string())
}

fn relation_columns<'a>(k: &'a KpiReport) -> Columns<'a, crate::kpi::Relation> {
    Columns::<crate::kpi::Relation>::new()
        .text(Text::KpiPair, KEY, move |r, _| {
            format!("{} ~ {}", kpi_name(k, &r.a), kpi_name(k, &r.b))
        })
        .right(Text::Blank, KEY, |r, lang| {
            let t = crate::kpi::ahead::hundredths_text(r.r);
            let t = match lang {
                Language::En => t,
                Language::Pl => t.replace('.', ","),
            };
            format!("r = {t}")
        })
        .right(Text::Blank, MAIN, |r, _| format!("n = {}", r.n))
        .left(Text::Blank, MAIN, |r, lang| {
            let w = if r.together {
                Text::ImproveTogether
            } else {
                Text::ImproveAgainst
            };
            i18n::text(w, lang).to_string()
        })
}

fn trend(k: &KpiLine) -> String {
    let values: Vec<Decimal> = k.series.iter().map(|p| p.value).collect();
    let s = sparkline(&values);
    if s.is_empty() { DASH.to_string() } else { s }
}

fn columns<'a>() -> Columns<'a, KpiLine> {
    Columns::<KpiLine>::new()
        .text(Text::KpiName, KEY, |k, _| {
            k.name.clone().unwrap_or_else(|| k.id.clone())
        })
        .left(Text::Unit, DETAIL, |k, _| {
            k.unit.clone().unwrap_or_default()
        })
        .right(Text::Baseline, MAIN, |k, lang| num(k.baseline, lang))
        .right(Text::Latest, KEY, |k, lang| num(k.latest, lang))
        .left(Text::Date, DETAIL, |k, _| {
            k.latest_date
                .map_or_else(|| DASH.to_string(), |d| d.format("%Y-%m-%d").to_string())
        })
        .right(Text::PathValue, MAIN, path_value)
        .right(Text::Target, KEY, |k, lang| num(k.target, lang))
        .left(Text::Better, DETAIL, |k, lang| {
            format!(
                "{} {}",
                arrow(k.direction),
                i18n::direction(k.direction, lang)
            )
        })
        .right(Text::Progress, MAIN, progress)
        .right(Text::Projected, MAIN, projected)
        .right(Text::ValueSoFar, DETAIL, |k, lang| {
            range(k.value_so_far, &k.currency, lang)
        })
        .right(Text::ValueToTarget, MAIN, |k, lang| {
            range(k.value_to_target, &k.currency, lang)
        })
        .left(Text::Trend, MAIN, |k, _| trend(k))
        .left(Text::Status, KEY, |k, lang| {
            i18n::kpi_status(k.status, lang).to_string()
        })
        .text(Text::Initiatives, DETAIL, |k, _| {
            if k.initiatives.is_empty() {
                DASH.to_string()
            } else {
                k.initiatives.join(", ")
            }
        })
}

/// The groups that have KPIs, with their KPIs. In the text table each
/// group is a section, laid out to the terminal's width as every report's
/// (a line break in a name shows as a space there, `<br>` in Markdown).
fn groups(k: &KpiReport) -> impl Iterator<Item = (Group, Vec<&KpiLine>)> {
    Group::ALL
        .iter()
        .map(|g| (*g, k.group(*g).collect::<Vec<_>>()))
        .filter(|(_, lines)| !lines.is_empty())
}

fn intro(k: &KpiReport, lang: Language) -> (String, Vec<String>) {
    let t = |x| i18n::text(x, lang);
    (
        t(Text::KpiTitle).to_string(),
        vec![
            format!("{}: {}", t(Text::AsOf), k.as_of.format("%Y-%m-%d")),
            format!(
                "{}: {}",
                t(Text::TargetsBy),
                k.target_date.format("%Y-%m-%d")
            ),
            t(Text::StatusRule).to_string(),
        ],
    )
}

fn table(k: &KpiReport, opts: &RenderOptions) -> String {
    let lang = opts.lang;
    let (title, lines) = intro(k, lang);
    let mut sections = Vec::new();
    if k.kpis.is_empty() {
        // Said after a blank line, as a section's title would be.
        sections.push(Section::notes(
            i18n::text(Text::NoKpis, lang).to_string(),
            Vec::new(),
        ));
    }
    for (g, group) in groups(k) {
        let notes = notes(&group, lang);
        let mut t = Table::new(columns(), lang);
        t.rows(group);
        sections.push(t.section(i18n::group_title(g, lang).to_string(), notes));
    }
    if !k.kpis.is_empty() {
        let title = i18n::text(Text::Relations, lang).to_string();
        let shown: Vec<&crate::kpi::Relation> = shown_relations(k).collect();
        if shown.is_empty() {
            let note = i18n::text(Text::NoRelations, lang).to_string();
            sections.push(Section::notes(title, vec![note]));
        } else {
            let mut t = Table::new(relation_columns(k), lang);
            t.rows(shown);
            let note = i18n::text(Text::RelationsNote, lang).to_string();
            sections.push(t.section(title, vec![note]));
        }
    }
    sections::table(
        &Doc {
            title,
            lines,
            sections,
        },
        opts,
    )
}

fn markdown(k: &KpiReport, lang: Language) -> String {
    let (title, lines) = intro(k, lang);
    let mut out = format!("# {}\n\n", markdown::escape_heading(&title));
    for l in lines {
        out.push_str(&format!("- {}\n", markdown::escape_line(&l)));
    }
    if k.kpis.is_empty() {
        out.push_str(&format!("\n{}\n", i18n::text(Text::NoKpis, lang)));
    }
    let columns = columns();
    for (g, lines) in groups(k) {
        out.push_str(&format!(
            "\n## {}\n\n",
            markdown::escape(i18n::group_title(g, lang))
        ));
        let rows: Vec<Vec<String>> = lines.iter().map(|l| columns.cells(l, lang)).collect();
        out.push_str(&markdown::table(&columns.heads(lang), &rows));
        for n in notes(&lines, lang) {
            out.push_str(&format!("\n{}\n", markdown::escape_line(&n)));
        }
    }
    if !k.kpis.is_empty() {
        out.push_str(&format!(
            "\n## {}\n\n",
            markdown::escape(i18n::text(Text::Relations, lang))
        ));
        let shown: Vec<&crate::kpi::Relation> = shown_relations(k).collect();
        if shown.is_empty() {
            out.push_str(&format!(
                "{}\n",
                markdown::escape_line(i18n::text(Text::NoRelations, lang))
            ));
        } else {
            let columns = relation_columns(k);
            let rows: Vec<Vec<String>> = shown.iter().map(|r| columns.cells(r, lang)).collect();
            out.push_str(&markdown::table(&columns.heads(lang), &rows));
            out.push_str(&format!(
                "\n{}\n",
                markdown::escape_line(i18n::text(Text::RelationsNote, lang))
            ));
        }
    }
    out
}

fn opt_money(m: Option<crate::money::Money>) -> Cell {
    m.map_or(Cell::Empty, Cell::Money)
}

/// The CSV: fixed English keys. The series goes in one cell: `date value`
/// pairs, `; `-separated, the value with the decimal mark of the variant.
fn csv(k: &KpiReport, excel: Option<Language>) -> anyhow::Result<Vec<u8>> {
    csv_columns().write(&k.kpis, excel)
}

/// The columns of the CSV and of the sheet.
fn csv_columns<'a>() -> CsvColumns<'a, KpiLine> {
    CsvColumns::<KpiLine>::new()
        .col("group", |l| {
            Cell::word(l.group.as_str(), i18n::group_title(l.group, Language::Pl))
        })
        .col("id", |l| Cell::text(&l.id))
        .col("name", |l| Cell::opt_text(l.name.as_deref()))
        .col("unit", |l| Cell::opt_text(l.unit.as_deref()))
        .col("direction", |l| {
            Cell::word(
                l.direction.as_str(),
                i18n::direction(l.direction, Language::Pl),
            )
        })
        .col("baseline", |l| Cell::opt_decimal(l.baseline))
        .col("target", |l| Cell::opt_decimal(l.target))
        .col("latest", |l| Cell::opt_decimal(l.latest))
        .col("latest_date", |l| Cell::opt_date(l.latest_date))
        .col("progress_percent", |l| {
            Cell::opt_decimal(l.progress_percent)
        })
        .col("status", |l| {
            Cell::word(l.status.as_str(), i18n::kpi_status(l.status, Language::Pl))
        })
        .col("start", |l| Cell::opt_date(l.start))
        .col("target_date", |l| Cell::date(l.target_date))
        .col("path_value", |l| match l.path_value.as_deref() {
            // A number, so that a negative one is not defused as a formula;
            // its places are at most six unless values were written with more.
            Some(p) => Decimal::parse(p).map_or_else(|_| Cell::text(p), Cell::Decimal),
            None => Cell::Empty,
        })
        .col("projection", |l| match l.projection.as_deref() {
            Some(p) => Decimal::parse(p).map_or_else(|_| Cell::text(p), Cell::Decimal),
            None => Cell::Empty,
        })
        .col("projection_reaches", |l| match l.projection_reaches {
            Some(b) => Cell::bool(b),
            None => Cell::Empty,
        })
        .col("value_so_far_low", |l| {
            opt_money(l.value_so_far.map(|r| r.low))
        })
        .col("value_so_far_high", |l| {
            opt_money(l.value_so_far.map(|r| r.high))
        })
        .col("value_to_target_low", |l| {
            opt_money(l.value_to_target.map(|r| r.low))
        })
        .col("value_to_target_high", |l| {
            opt_money(l.value_to_target.map(|r| r.high))
        })
        .col("value_note", |l| {
            Cell::opt_text(l.value_per_unit.as_ref().and_then(|u| u.note.as_deref()))
        })
        .col("measurements", |l| Cell::count(l.series.len()))
        .col("series", |l| {
            let points = l
                .series
                .iter()
                .map(|p| Cell::Joined(vec![Cell::date(p.date), Cell::Decimal(p.value)], " "));
            Cell::Joined(points.collect(), "; ")
        })
        .col("initiatives", |l| Cell::text(l.initiatives.join(" ")))
}

#[cfg(test)]
mod tests;
