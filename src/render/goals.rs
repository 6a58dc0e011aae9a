//! The goals report (`cxm goals`) in every format, laid out from
//! [`crate::goals::GoalsReport`]: one table of the goal tree (a year goal
//! under its long goal is indented), each goal's KPI values with the
//! latest measurement and the progress toward them, the initiatives
//! serving it (those below the cut line marked), its plan-year budget,
//! effort and share of the CXM total; then the CXM money serving no goal.
//!
//! CSV: one row per goal (`kind = goal`) and a last row `kind = no-goal`
//! with the money serving no goal; `counts_in` is `none` on every row (a
//! goal's money may count in two goals, so no filter of the rows sums to
//! the CXM total). JSON is SPEC section 13's shape.

use super::columns::{Columns, CsvColumns, DETAIL, KEY, MAIN, Table};
use super::csv::{Cell, CountsIn};
use super::sections::{self, Doc};
use super::{Format, RenderOptions, xlsx};
use crate::goals::{GoalKpi, GoalLine, GoalsReport};
use crate::i18n::{self, Text};
use crate::roadmap::{Horizon, Language};

/// The report in `opts.format`, written into `out`.
pub fn write(
    g: &GoalsReport,
    opts: &RenderOptions,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    match opts.format {
        Format::Json => super::json_to(g, out),
        Format::Csv => Ok(out.write_all(&csv(g, opts.excel.then_some(opts.lang))?)?),
        Format::Table => {
            Ok(out.write_all(&sections::table(&doc(g, opts.lang), opts).into_bytes())?)
        }
        Format::Markdown => {
            Ok(out.write_all(&sections::markdown(&doc(g, opts.lang)).into_bytes())?)
        }
        Format::Xlsx => Ok(out.write_all(&xlsx::one(
            xlsx_sheet(g, opts.lang),
            opts.lang,
            &g.currency,
        )?)?),
    }
}

const DASH: &str = "—";

/// `long, until 2030` or `year 2027`, in the language.
fn horizon(g: &GoalLine, lang: Language) -> String {
    match g.horizon {
        Horizon::Long => i18n::long_goal_until(g.until, lang),
        Horizon::Year => match g.year {
            Some(y) => format!("{} {y}", i18n::text(Text::HorizonYear, lang)),
            None => i18n::text(Text::HorizonYear, lang).to_string(),
        },
    }
}

/// `nps 17 → 22 (50.0 %)`: the KPI, its latest value, the goal's value and
/// the progress toward it.
fn kpi_text(k: &GoalKpi, lang: Language) -> String {
    let latest = k
        .latest
        .map_or_else(|| DASH.to_string(), |l| i18n::decimal(l, lang));
    let value = i18n::decimal(k.value, lang);
    match k.progress_percent {
        Some(p) => format!(
            "{} {latest} → {value} ({})",
            k.kpi,
            i18n::percent_fixed(p, 1, lang)
        ),
        None => format!("{} {latest} → {value}", k.kpi),
    }
}

fn columns<'a>(currency: &'a str) -> Columns<'a, GoalLine> {
    Columns::<GoalLine>::new()
        .left(Text::Goal, KEY, |g, _| {
            let indent = if g.depth > 0 { "  " } else { "" };
            format!("{indent}{}", g.id)
        })
        .text(Text::Title, MAIN, |g, _| {
            g.title.clone().unwrap_or_default()
        })
        .left(Text::Horizon, DETAIL, horizon)
        .left(Text::Focus, KEY, |g, _| {
            if g.focus { "★" } else { "" }.to_string()
        })
        .left(Text::Owner, DETAIL, |g, _| {
            g.owner.clone().unwrap_or_else(|| DASH.to_string())
        })
        .text(Text::KpiTargets, MAIN, |g, lang| {
            if g.kpis.is_empty() {
                return DASH.to_string();
            }
            g.kpis
                .iter()
                .map(|k| kpi_text(k, lang))
                .collect::<Vec<_>>()
                .join("; ")
        })
        .text(Text::ServingInitiatives, MAIN, |g, lang| {
            if g.initiatives.is_empty() {
                return DASH.to_string();
            }
            g.initiatives
                .iter()
                .map(|s| {
                    if s.below_line {
                        format!("{} ({})", s.id, i18n::text(Text::BelowLine, lang))
                    } else {
                        s.id.clone()
                    }
                })
                .collect::<Vec<_>>()
                .join(", ")
        })
        .right(Text::PlanYearBudget, KEY, move |g, lang| {
            i18n::money(g.plan_year_budget, currency, lang)
        })
        .right(Text::PlanYearEffort, DETAIL, |g, lang| {
            i18n::decimal(g.plan_year_effort, lang)
        })
        .right(Text::ShareOfCxm, MAIN, |g, lang| {
            g.share_of_cxm_percent
                .map_or_else(|| DASH.to_string(), |p| i18n::percent_fixed(p, 1, lang))
        })
}

fn doc(g: &GoalsReport, lang: Language) -> Doc {
    let title = format!("{} {}", i18n::text(Text::GoalsTitle, lang), g.plan_year);
    let no_goal =
        i18n::cxm_serving_no_goal(&i18n::money(g.cxm_serving_no_goal, &g.currency, lang), lang);
    let mut t = Table::new(columns(&g.currency), lang);
    t.rows(&g.goals);
    let section = t.section(
        i18n::text(Text::GoalsTitle, lang).to_string(),
        vec![no_goal],
    );
    Doc {
        title,
        lines: Vec::new(),
        sections: vec![section],
    }
}

/// One row of the CSV: a goal, or the money serving none.
enum Row<'a> {
    Goal(&'a GoalLine),
    NoGoal(&'a GoalsReport),
}

fn csv_columns<'a>() -> CsvColumns<'a, Row<'a>> {
    let goal = |f: fn(&GoalLine) -> Cell| {
        move |r: &Row<'_>| match r {
            Row::Goal(g) => f(g),
            Row::NoGoal(_) => Cell::Empty,
        }
    };
    CsvColumns::<Row>::new()
        .col("kind", |r| match r {
            Row::Goal(_) => Cell::word("goal", "cel"),
            Row::NoGoal(_) => Cell::word("no-goal", "bez celu"),
        })
        .col("id", goal(|g| Cell::text(&g.id)))
        .col("title", goal(|g| Cell::opt_text(g.title.as_deref())))
        .col(
            "horizon",
            goal(|g| match g.horizon {
                Horizon::Long => Cell::word("long", "długoterminowy"),
                Horizon::Year => Cell::word("year", "roczny"),
            }),
        )
        .col("year", goal(|g| Cell::opt_int(g.year)))
        .col("until", goal(|g| Cell::opt_int(g.until)))
        .col("parent", goal(|g| Cell::opt_text(g.parent.as_deref())))
        .col("focus", goal(|g| Cell::bool(g.focus)))
        .col("owner", goal(|g| Cell::opt_text(g.owner.as_deref())))
        .col(
            "kpis",
            goal(|g| {
                let parts = g
                    .kpis
                    .iter()
                    .map(|k| {
                        Cell::Joined(vec![Cell::text(k.kpi.clone()), Cell::Decimal(k.value)], " ")
                    })
                    .collect();
                Cell::Joined(parts, "; ")
            }),
        )
        .col(
            "initiatives",
            goal(|g| {
                let ids: Vec<&str> = g
                    .initiatives
                    .iter()
                    .filter(|s| !s.below_line)
                    .map(|s| s.id.as_str())
                    .collect();
                Cell::text(ids.join(", "))
            }),
        )
        .col(
            "below_line_initiatives",
            goal(|g| {
                let ids: Vec<&str> = g
                    .initiatives
                    .iter()
                    .filter(|s| s.below_line)
                    .map(|s| s.id.as_str())
                    .collect();
                Cell::text(ids.join(", "))
            }),
        )
        .col("plan_year_budget", |r| match r {
            Row::Goal(g) => Cell::Money(g.plan_year_budget),
            Row::NoGoal(report) => Cell::Money(report.cxm_serving_no_goal),
        })
        .col(
            "plan_year_effort",
            goal(|g| Cell::Decimal(g.plan_year_effort)),
        )
        .col(
            "share_of_cxm_percent",
            goal(|g| Cell::opt_decimal(g.share_of_cxm_percent)),
        )
        .col("counts_in", |_| CountsIn::None.cell())
}

fn rows(g: &GoalsReport) -> impl Iterator<Item = Row<'_>> {
    g.goals
        .iter()
        .map(Row::Goal)
        .chain(std::iter::once(Row::NoGoal(g)))
}

fn csv(g: &GoalsReport, excel: Option<Language>) -> anyhow::Result<Vec<u8>> {
    csv_columns().write(rows(g), excel)
}

/// The goals' sheet: the CSV's lines (no totals: a goal's money may count
/// in two goals).
pub(crate) fn xlsx_sheet(g: &GoalsReport, _lang: Language) -> xlsx::Sheet {
    xlsx::Sheet::from_columns(Text::SheetGoals, &csv_columns(), rows(g))
}
