//! The status note (`cxm status`) in every format, laid out from column
//! lists: aligned tables, Markdown ready to paste into an e-mail or a pull
//! request, CSV (one row per listed item, its `section` first) and JSON
//! (the model, with SPEC section 9's field names).

use super::columns::{Columns, CsvColumns, KEY, MAIN};
use super::csv::Cell;
use super::sections::{self, Doc, Section};
use super::{Format, RenderOptions, xlsx};
use crate::i18n::{self, Text};
use crate::money::{Decimal, Money};
use crate::roadmap::Language;
use crate::status::{KpiMove, Moved, SpendLine, StatusReport, UndatedActual, Why};

pub fn render(s: &StatusReport, opts: &RenderOptions) -> anyhow::Result<Vec<u8>> {
    super::to_vec(|out| write(s, opts, out))
}

/// The note in `opts.format`, written into `out`.
pub fn write(
    s: &StatusReport,
    opts: &RenderOptions,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    match opts.format {
        Format::Json => super::json_to(s, out),
        Format::Csv => Ok(out.write_all(&csv(s, opts.excel.then_some(opts.lang))?)?),
        Format::Table => Ok(out.write_all(sections::table(&doc(s, opts.lang), opts).as_bytes())?),
        Format::Markdown => Ok(out.write_all(sections::markdown(&doc(s, opts.lang)).as_bytes())?),
        Format::Xlsx => Ok(out.write_all(&xlsx::one(xlsx_sheet(s), opts.lang, &s.currency)?)?),
    }
}

const DASH: &str = "—";

fn why_text(w: Why) -> Text {
    match w {
        Why::Finished => Text::WhyFinished,
        Why::Started => Text::WhyStarted,
        Why::LateEnd => Text::WhyLateEnd,
        Why::LateStart => Text::WhyLateStart,
        Why::LowConfidence => Text::WhyLowConfidence,
        Why::BehindTime => Text::WhyBehindTime,
    }
}

fn why_key(w: Why) -> &'static str {
    match w {
        Why::Finished => "finished",
        Why::Started => "started",
        Why::LateEnd => "late-end",
        Why::LateStart => "late-start",
        Why::LowConfidence => "low-confidence",
        Why::BehindTime => "behind-time",
    }
}

fn date(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A change with its sign: `+2.5`, `-1`, `0`.
fn signed(d: Decimal, lang: Language) -> String {
    let t = i18n::decimal(d, lang);
    if d > Decimal::ZERO {
        format!("+{t}")
    } else {
        t
    }
}

fn money(m: Money, s: &StatusReport, lang: Language) -> String {
    i18n::money(m, &s.currency, lang)
}

/// A list of initiatives; `why`: the reason column (slipped, at risk);
/// `progress`: the check-in's progress (at risk).
fn moved_section(
    list: &[Moved],
    title: Text,
    why: bool,
    progress: bool,
    lang: Language,
) -> Section {
    let t = i18n::text(title, lang).to_string();
    if list.is_empty() {
        return Section::notes(t, vec![i18n::text(Text::StatusNone, lang).to_string()]);
    }
    let columns = Columns::<Moved>::new()
        .left(Text::Id, KEY, |m, _| m.id.clone())
        .text(Text::Title, MAIN, |m, _| {
            m.title.clone().unwrap_or_default()
        })
        .when(why, |c| {
            c.left(Text::StatusWhy, KEY, |m, lang| {
                i18n::text(why_text(m.why), lang).to_string()
            })
        })
        .left(Text::Date, KEY, |m, _| date(m.date))
        .when(progress, |c| {
            c.right(Text::LatestUpdate, MAIN, |m, lang| {
                m.progress
                    .map_or_else(|| DASH.to_string(), |p| i18n::percent(p, lang))
            })
        });
    let mut table = super::columns::Table::new(columns, lang);
    table.rows(list);
    table.section(t, Vec::new())
}

fn spending_section(s: &StatusReport, lang: Language) -> Section {
    let t = i18n::text(Text::StatusSpending, lang).to_string();
    if s.spending.is_empty() {
        return Section::notes(t, vec![i18n::text(Text::StatusNone, lang).to_string()]);
    }
    let columns = Columns::<SpendLine>::new()
        .left(Text::Id, KEY, |l, _| l.id.clone())
        .left(Text::Date, KEY, |l, _| date(l.date))
        .right(Text::Amount, KEY, |l, lang| i18n::amount(l.amount, lang));
    let mut table = super::columns::Table::new(columns, lang);
    table.rows(&s.spending);
    let total = s
        .spending
        .iter()
        .try_fold(Money::ZERO, |acc, l| acc.checked_add(l.amount));
    let notes = total
        .map(|m| {
            vec![format!(
                "{}: {}",
                i18n::text(Text::Total, lang),
                money(m, s, lang)
            )]
        })
        .unwrap_or_default();
    table.section(t, notes)
}

fn undated_section(s: &StatusReport, lang: Language) -> Option<Section> {
    if s.undated_actual.is_empty() {
        return None;
    }
    let columns = Columns::<UndatedActual>::new()
        .left(Text::Id, KEY, |l, _| l.id.clone())
        .right(Text::Amount, KEY, |l, lang| i18n::amount(l.amount, lang));
    let mut table = super::columns::Table::new(columns, lang);
    table.rows(&s.undated_actual);
    Some(table.section(
        i18n::text(Text::StatusUndatedActual, lang).to_string(),
        Vec::new(),
    ))
}

fn kpi_section(s: &StatusReport, lang: Language) -> Section {
    let t = i18n::text(Text::StatusKpis, lang).to_string();
    if s.kpis.is_empty() {
        return Section::notes(t, vec![i18n::text(Text::StatusNone, lang).to_string()]);
    }
    let columns = Columns::<KpiMove>::new()
        .text(Text::KpiName, KEY, |k, _| {
            k.name.clone().unwrap_or_else(|| k.id.clone())
        })
        .left(Text::Date, KEY, |k, _| date(k.date))
        .right(Text::StatusValue, KEY, |k, lang| {
            i18n::decimal(k.value, lang)
        })
        .right(Text::Change, MAIN, |k, lang| {
            k.change
                .map_or_else(|| DASH.to_string(), |c| signed(c, lang))
        })
        .left(Text::Status, KEY, |k, lang| {
            i18n::kpi_status(k.status, lang).to_string()
        });
    let mut table = super::columns::Table::new(columns, lang);
    table.rows(&s.kpis);
    table.section(t, Vec::new())
}

fn doc(s: &StatusReport, lang: Language) -> Doc {
    let t = |x| i18n::text(x, lang);
    let mut sections = vec![
        moved_section(&s.finished, Text::StatusFinished, false, false, lang),
        moved_section(&s.started, Text::StatusStarted, false, false, lang),
        moved_section(&s.slipped, Text::StatusSlipped, true, false, lang),
        moved_section(&s.at_risk, Text::StatusAtRisk, true, true, lang),
        spending_section(s, lang),
    ];
    sections.extend(undated_section(s, lang));
    sections.push(kpi_section(s, lang));
    let findings = match lang {
        Language::En => format!(
            "errors: {}, warnings: {}",
            s.findings.errors, s.findings.warnings
        ),
        Language::Pl => format!(
            "błędy: {}, ostrzeżenia: {}",
            s.findings.errors, s.findings.warnings
        ),
    };
    Doc {
        title: format!(
            "{} ({} {} – {})",
            t(Text::StatusTitle),
            t(Text::StatusPeriod).to_lowercase(),
            date(s.since),
            date(s.as_of)
        ),
        lines: vec![
            format!(
                "{} {}: {}",
                t(Text::StatusPlanYearCash),
                s.plan_year,
                money(s.plan_year_cash, s, lang)
            ),
            format!(
                "{}: {}",
                t(Text::StatusSpentInPlanYear),
                money(s.spent_in_plan_year, s, lang)
            ),
            format!("{}: {findings}", t(Text::StatusFindings)),
        ],
        sections,
    }
}

/// One CSV row: a listed item of any section.
enum Row<'a> {
    /// The section's key and its Polish word.
    Moved((&'static str, &'static str), &'a Moved),
    Spend(&'a SpendLine),
    Undated(&'a UndatedActual),
    Kpi(&'a KpiMove),
}

fn csv(s: &StatusReport, excel: Option<Language>) -> anyhow::Result<Vec<u8>> {
    csv_columns().write(rows(s), excel)
}

/// The status note's sheet: the CSV's lines.
fn xlsx_sheet(s: &StatusReport) -> xlsx::Sheet {
    xlsx::Sheet::from_columns(Text::SheetStatus, &csv_columns(), rows(s))
}

fn rows(s: &StatusReport) -> Vec<Row<'_>> {
    let mut rows: Vec<Row> = Vec::new();
    for (name, list) in [
        (("finished", "zakończone"), &s.finished),
        (("started", "rozpoczęte"), &s.started),
        (("slipped", "opóźnione"), &s.slipped),
        (("at_risk", "zagrożone"), &s.at_risk),
    ] {
        rows.extend(list.iter().map(|m| Row::Moved(name, m)));
    }
    rows.extend(s.spending.iter().map(Row::Spend));
    rows.extend(s.undated_actual.iter().map(Row::Undated));
    rows.extend(s.kpis.iter().map(Row::Kpi));
    rows
}

fn csv_columns<'r>() -> CsvColumns<'r, Row<'r>> {
    CsvColumns::<Row>::new()
        .col("section", |r| match r {
            Row::Moved((key, pl), _) => Cell::word(*key, *pl),
            Row::Spend(_) => Cell::word("spending", "wydatki"),
            Row::Undated(_) => Cell::word("undated_actual", "wydatki bez dat"),
            Row::Kpi(_) => Cell::word("kpis", "pomiary KPI"),
        })
        .col("id", |r| match r {
            Row::Moved(_, m) => Cell::text(&m.id),
            Row::Spend(l) => Cell::text(&l.id),
            Row::Undated(l) => Cell::text(&l.id),
            Row::Kpi(k) => Cell::text(&k.id),
        })
        .col("title", |r| match r {
            Row::Moved(_, m) => Cell::opt_text(m.title.as_deref()),
            Row::Kpi(k) => Cell::opt_text(k.name.as_deref()),
            _ => Cell::Empty,
        })
        .col("why", |r| match r {
            Row::Moved(_, m) => {
                Cell::word(why_key(m.why), i18n::text(why_text(m.why), Language::Pl))
            }
            _ => Cell::Empty,
        })
        .col("date", |r| match r {
            Row::Moved(_, m) => Cell::date(m.date),
            Row::Spend(l) => Cell::date(l.date),
            Row::Undated(_) => Cell::Empty,
            Row::Kpi(k) => Cell::date(k.date),
        })
        .col("progress", |r| match r {
            Row::Moved(_, m) => Cell::opt_decimal(m.progress),
            _ => Cell::Empty,
        })
        .col("amount", |r| match r {
            Row::Spend(l) => Cell::Money(l.amount),
            Row::Undated(l) => Cell::Money(l.amount),
            _ => Cell::Empty,
        })
        .col("value", |r| match r {
            Row::Kpi(k) => Cell::Decimal(k.value),
            _ => Cell::Empty,
        })
        .col("change", |r| match r {
            Row::Kpi(k) => Cell::opt_decimal(k.change),
            _ => Cell::Empty,
        })
        .col("status", |r| match r {
            Row::Kpi(k) => Cell::word(
                serde_json::to_value(k.status)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default(),
                i18n::kpi_status(k.status, Language::Pl),
            ),
            _ => Cell::Empty,
        })
}
