//! `cxm scenarios` in every format, laid out from
//! [`crate::scenarios::ScenariosReport`]: one row per scenario (the base
//! first), so the table fits the terminal like any other. Three tables:
//! the totals (CXM total, cap, central training, quarters, effort above
//! the line against capacity); per scenario and competency the CXM budget
//! and the `cxm` initiatives above the line; and what each scenario cuts
//! (the initiatives below the line, the focus goals left without work).
//!
//! CSV: one row per scenario with every figure; `counts_in` is `cxm` on
//! the base row (its CXM total is the plan's) and `none` on the others
//! (alternatives, never to be added up). JSON is SPEC section 13's shape.

use super::columns::{Columns, CsvColumns, DETAIL, KEY, MAIN, Table};
use super::csv::{Cell, CountsIn};
use super::sections::{self, Doc};
use super::{Format, RenderOptions, xlsx};
use crate::i18n::{self, Text};
use crate::roadmap::{Competency, Language};
use crate::scenarios::{BASE, ScenarioFigures, ScenariosReport};

/// The report in `opts.format`, written into `out`.
pub fn write(
    r: &ScenariosReport,
    opts: &RenderOptions,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    match opts.format {
        Format::Json => super::json_to(r, out),
        Format::Csv => Ok(out.write_all(
            &csv_columns().write(r.scenarios.iter(), opts.excel.then_some(opts.lang))?,
        )?),
        Format::Table => {
            Ok(out.write_all(&sections::table(&doc(r, opts.lang), opts).into_bytes())?)
        }
        Format::Markdown => {
            Ok(out.write_all(&sections::markdown(&doc(r, opts.lang)).into_bytes())?)
        }
        Format::Xlsx => Ok(out.write_all(&xlsx::one(
            xlsx_sheet(r, opts.lang),
            opts.lang,
            &r.currency,
        )?)?),
    }
}

const DASH: &str = "—";

/// The scenario's name; the base in the report's language.
fn name(s: &ScenarioFigures, lang: Language) -> String {
    if s.name == BASE {
        i18n::text(Text::ScenarioBase, lang).to_string()
    } else {
        s.name.clone()
    }
}

fn ids(ids: &[String]) -> String {
    if ids.is_empty() {
        DASH.to_string()
    } else {
        ids.join(", ")
    }
}

fn totals_columns<'a>(currency: &'a str) -> Columns<'a, ScenarioFigures> {
    Columns::<ScenarioFigures>::new()
        .left(Text::Scenario, KEY, name)
        .right(Text::CxmTotal, KEY, move |s, lang| {
            i18n::money(s.cxm_total, currency, lang)
        })
        .right(Text::BudgetCap, MAIN, move |s, lang| {
            s.budget_cap
                .map_or_else(|| DASH.to_string(), |c| i18n::money(c, currency, lang))
        })
        .right(Text::CentralTraining, DETAIL, move |s, lang| {
            i18n::money(s.central_training, currency, lang)
        })
        .quarters(
            DETAIL,
            |s| Some(s.by_quarter),
            |m, lang| i18n::amount(*m, lang),
        )
        .right(Text::CapacityUsed, MAIN, |s, lang| {
            i18n::one_place(s.effort, lang)
        })
        .right(Text::TeamCapacity, MAIN, |s, lang| {
            s.capacity
                .map_or_else(|| DASH.to_string(), |c| i18n::decimal(c, lang))
        })
        .text(Text::Note, DETAIL, |s, _| {
            s.note.clone().unwrap_or_default()
        })
}

/// A scenario's figures for one competency.
struct CompetencyRow<'s> {
    scenario: &'s ScenarioFigures,
    competency: Competency,
}

fn competency_columns<'a>(currency: &'a str) -> Columns<'a, CompetencyRow<'a>> {
    Columns::<CompetencyRow>::new()
        .left(Text::Scenario, KEY, |r, lang| name(r.scenario, lang))
        .text(Text::Competency, KEY, |r, lang| {
            i18n::competency(r.competency, lang).to_string()
        })
        .right(Text::CxmTotal, KEY, move |r, lang| {
            let m = r
                .scenario
                .by_competency
                .iter()
                .find(|(c, _)| *c == r.competency)
                .map(|(_, m)| *m)
                .unwrap_or_default();
            i18n::money(m, currency, lang)
        })
        .right(Text::AboveLine, KEY, |r, _| {
            let n = r
                .scenario
                .coverage_above_line
                .iter()
                .find(|(c, _)| *c == r.competency)
                .map_or(0, |(_, n)| *n);
            n.to_string()
        })
}

fn cuts_columns<'a>() -> Columns<'a, ScenarioFigures> {
    Columns::<ScenarioFigures>::new()
        .left(Text::Scenario, KEY, name)
        .text(Text::ScenarioBelowLine, KEY, |s, _| ids(&s.below_line))
        .text(Text::FocusGoalsWithoutWork, KEY, |s, _| {
            ids(&s.focus_goals_without_work)
        })
}

fn doc(r: &ScenariosReport, lang: Language) -> Doc {
    let title = format!("{} {}", i18n::text(Text::ScenariosTitle, lang), r.plan_year);
    let mut totals = Table::new(totals_columns(&r.currency), lang);
    totals.rows(&r.scenarios);
    let mut by_competency = Table::new(competency_columns(&r.currency), lang);
    for s in &r.scenarios {
        for &competency in <Competency as crate::roadmap::Choice>::ALL {
            by_competency.row(&CompetencyRow {
                scenario: s,
                competency,
            });
        }
    }
    let mut cuts = Table::new(cuts_columns(), lang);
    cuts.rows(&r.scenarios);
    Doc {
        title,
        lines: Vec::new(),
        sections: vec![
            totals.section(i18n::text(Text::CxmTotal, lang).to_string(), Vec::new()),
            by_competency.section(
                i18n::text(Text::ScenariosByCompetency, lang).to_string(),
                Vec::new(),
            ),
            cuts.section(
                i18n::text(Text::ScenariosCuts, lang).to_string(),
                Vec::new(),
            ),
        ],
    }
}

fn csv_columns<'a>() -> CsvColumns<'a, &'a ScenarioFigures> {
    let mut c = CsvColumns::<&ScenarioFigures>::new()
        .col("scenario", |s| Cell::text(s.name.clone()))
        .col("note", |s| Cell::opt_text(s.note.as_deref()))
        .col("cxm_total", |s| Cell::Money(s.cxm_total))
        .col("budget_cap", |s| Cell::opt_money(s.budget_cap))
        .col("central_training", |s| Cell::Money(s.central_training));
    for (q, key) in ["q1", "q2", "q3", "q4"].into_iter().enumerate() {
        c = c.col(key, move |s| Cell::Money(s.by_quarter[q]));
    }
    for &(competency, key, coverage) in &[
        (Competency::Governance, "governance", "coverage_governance"),
        (
            Competency::Measurement,
            "measurement",
            "coverage_measurement",
        ),
        (Competency::Design, "design", "coverage_design"),
        (Competency::Culture, "culture", "coverage_culture"),
    ] {
        c = c.col(key, move |s| {
            Cell::opt_money(
                s.by_competency
                    .iter()
                    .find(|(x, _)| *x == competency)
                    .map(|(_, m)| *m),
            )
        });
        c = c.col(coverage, move |s| {
            Cell::count(
                s.coverage_above_line
                    .iter()
                    .find(|(x, _)| *x == competency)
                    .map_or(0, |(_, n)| *n),
            )
        });
    }
    c.col("below_line", |s| Cell::text(s.below_line.join(", ")))
        .col("focus_goals_without_work", |s| {
            Cell::text(s.focus_goals_without_work.join(", "))
        })
        .col("effort", |s| Cell::Decimal(s.effort))
        .col("capacity", |s| Cell::opt_decimal(s.capacity))
        .col("counts_in", |s| {
            if s.name == BASE {
                CountsIn::Cxm.cell()
            } else {
                CountsIn::None.cell()
            }
        })
}

/// The scenarios' sheet: the CSV's lines (no totals: scenarios are
/// alternatives, never added up).
pub(crate) fn xlsx_sheet(r: &ScenariosReport, _lang: Language) -> xlsx::Sheet {
    xlsx::Sheet::from_columns(Text::SheetScenarios, &csv_columns(), r.scenarios.iter())
}
