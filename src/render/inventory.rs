//! The inventory report (`cxm inventory`) in every format. It lays out what
//! [`crate::inventory::Inventory`] holds; every sum and the time-eater share
//! come from the model.
//!
//! Totals rows foot (SPEC section 6, rev. 2): each subtotal and the total
//! show budget, actual and remaining over the initiatives with both, and
//! beneath them, when there are any, a line for the budget without an
//! actual and one for the actual without a budget. The table shows
//! variance for `done` work and, in its own column, the share of the budget
//! spent for running work.
//!
//! Decisions where the SPEC is silent: the table of initiatives puts the
//! two "without" lines under each competency's subtotal and under the total
//! (only when they hold an initiative), each label with its count; the
//! table by competency shows them under the total only, and its count
//! column counts every listed initiative (what a reader counts), while the
//! JSON's `initiatives` is, as the SPEC names it, the count of those with
//! both figures. The CSV adds `spent_percent` after `variance_percent` and
//! ends with `counts_in`.

use super::columns::{Columns, CsvColumns, DETAIL, KEY, MAIN, Table};
use super::csv::{Cell, CountsIn};
use super::sections::{self, Doc, Section};
use super::xlsx::{self, Filter, Sum, Total};
use super::{Format, RenderOptions};
use crate::i18n::{self, Text};
use crate::inventory::{ActualOnly, BudgetOnly, Inventory, InventoryLine, Subtotal};
use crate::money::{Decimal, Money};
use crate::roadmap::{Competency, Language};

pub fn render(inv: &Inventory, opts: &RenderOptions) -> anyhow::Result<Vec<u8>> {
    super::to_vec(|out| write(inv, opts, out))
}

/// The report in `opts.format`, written into `out`.
pub fn write(
    inv: &Inventory,
    opts: &RenderOptions,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    match opts.format {
        Format::Json => super::json_to(inv, out),
        Format::Csv => Ok(out.write_all(&csv(inv, opts.excel.then_some(opts.lang))?)?),
        Format::Table => {
            Ok(out.write_all(&sections::table(&doc(inv, opts.lang), opts).into_bytes())?)
        }
        Format::Markdown => {
            Ok(out.write_all(&sections::markdown(&doc(inv, opts.lang)).into_bytes())?)
        }
        Format::Xlsx => Ok(out.write_all(&xlsx::one(
            xlsx_sheet(inv, opts.lang),
            opts.lang,
            &inv.currency,
        )?)?),
    }
}

/// The CSV: fixed English keys.
fn csv(inv: &Inventory, excel: Option<Language>) -> anyhow::Result<Vec<u8>> {
    csv_columns().write(&inv.initiatives, excel)
}

/// The inventory's sheet: the CSV's lines, then per competency and for
/// all, as formulas over them, the totals as the report foots them (SPEC
/// section 6): budget, actual and remaining over the initiatives with both,
/// then, where there are any, the budget without an actual and the actual
/// without a budget.
pub(crate) fn xlsx_sheet(inv: &Inventory, lang: Language) -> xlsx::Sheet {
    let mut totals = Vec::new();
    for s in inv.competencies.iter().chain(std::iter::once(&inv.totals)) {
        let label = s.competency.map_or_else(
            || i18n::text(Text::Total, lang).to_string(),
            |c| i18n::competency(c, lang).to_string(),
        );
        let scope = |sum: Sum| match s.competency {
            Some(c) => sum.when("competency", Filter::Is(Cell::competency(c))),
            None => sum,
        };
        let both = |sum: Sum| {
            scope(sum)
                .when("budget", Filter::NotEmpty)
                .when("actual", Filter::NotEmpty)
        };
        let mut sums = vec![
            both(Sum::of("budget", s.budget)),
            both(Sum::of("actual", s.actual)),
            scope(Sum::of("remaining", s.remaining)),
        ];
        if let Some(internal) = s.internal_cost {
            sums.push(scope(Sum::of("internal_cost", internal)));
        }
        totals.push(Total::new(label.clone(), sums));
        // What the subtotal could not take, on lines of its own when any.
        if s.budget_without_actual.initiatives > 0 {
            totals.push(Total::new(
                format!(
                    "{label}: {}",
                    budget_only_label(&s.budget_without_actual, lang)
                ),
                vec![
                    scope(Sum::of("budget", s.budget_without_actual.budget))
                        .when("actual", Filter::Empty),
                ],
            ));
        }
        if s.actual_without_budget.initiatives > 0 {
            totals.push(Total::new(
                format!(
                    "{label}: {}",
                    actual_only_label(&s.actual_without_budget, lang)
                ),
                vec![
                    scope(Sum::of("actual", s.actual_without_budget.actual))
                        .when("budget", Filter::Empty),
                ],
            ));
        }
    }
    xlsx::Sheet::from_columns(Text::SheetInventory, &csv_columns(), &inv.initiatives)
        .with_totals(totals)
}

/// The columns of the CSV and of the sheet.
fn csv_columns<'a>() -> CsvColumns<'a, InventoryLine> {
    CsvColumns::<InventoryLine>::new()
        .col("id", |l| Cell::text(&l.id))
        .col("title", |l| Cell::opt_text(l.title.as_deref()))
        .col("competency", |l| Cell::competency(l.competency))
        .col("area", |l| Cell::area(l.area))
        .col("department", |l| Cell::opt_text(l.department.as_deref()))
        .col("status", |l| Cell::status(l.status))
        .col("owner", |l| Cell::opt_text(l.owner.as_deref()))
        .col("start", |l| Cell::opt_date(l.start))
        .col("end", |l| Cell::opt_date(l.end))
        .col("budget", |l| Cell::opt_money(l.budget))
        .col("actual", |l| Cell::opt_money(l.actual))
        .col("remaining", |l| Cell::opt_money(l.remaining))
        .col("variance_percent", |l| {
            Cell::opt_decimal(l.variance_percent)
        })
        .col("spent_percent", |l| Cell::opt_decimal(l.spent_percent))
        .col("effort_days", |l| Cell::opt_decimal(l.effort_days))
        .col("internal_cost", |l| Cell::opt_money(l.internal_cost))
        .col("kpi", |l| Cell::opt_text(l.kpi.as_deref()))
        .col("reason", |l| Cell::opt_text(l.reason.as_deref()))
        .col("time_eater", |l| Cell::bool(l.time_eater))
        .col("missing", |l| {
            let missing = l
                .missing
                .iter()
                .map(|m| Cell::word(m.as_str(), i18n::missing(m.as_str(), Language::Pl)));
            Cell::Joined(missing.collect(), " ")
        })
        .col("counts_in", |l| {
            CountsIn::of_plan_line(l.in_plan, l.area).cell()
        })
}

const DASH: &str = "—";

fn opt_amount(m: Option<Money>, lang: Language) -> String {
    m.map_or_else(|| DASH.to_string(), |m| i18n::amount(m, lang))
}

fn opt_days(d: Option<Decimal>, lang: Language) -> String {
    d.map_or_else(|| DASH.to_string(), |d| i18n::decimal(d, lang))
}

fn opt_percent(d: Option<Decimal>, lang: Language) -> String {
    d.map_or_else(|| DASH.to_string(), |d| i18n::percent(d, lang))
}

fn variance(d: Option<Decimal>, lang: Language) -> String {
    d.map_or_else(
        || DASH.to_string(),
        |d| {
            let sign = if d.0 > 0 { "+" } else { "" };
            format!("{sign}{}", i18n::percent(d, lang))
        },
    )
}

/// A row of the table of initiatives: a competency heading, an initiative,
/// or a subtotal (a competency's or the total) under its label, and the
/// two lines of what the subtotal could not take.
enum LineRow<'a> {
    Competency(Competency),
    Line(&'a InventoryLine),
    Sum(Text, &'a Subtotal),
    BudgetOnly(&'a BudgetOnly),
    ActualOnly(&'a ActualOnly),
}

/// "Budget without an actual (2)".
fn budget_only_label(o: &BudgetOnly, lang: Language) -> String {
    format!(
        "{} ({})",
        i18n::text(Text::BudgetWithoutActual, lang),
        o.initiatives
    )
}

/// "Actual without a budget (1)".
fn actual_only_label(o: &ActualOnly, lang: Language) -> String {
    format!(
        "{} ({})",
        i18n::text(Text::ActualWithoutBudget, lang),
        o.initiatives
    )
}

fn area(l: &InventoryLine, lang: Language) -> String {
    let area = i18n::area(l.area, lang);
    if l.time_eater {
        let eater = i18n::text(Text::TimeEater, lang).to_lowercase();
        format!("{area} ({eater})")
    } else {
        area.to_string()
    }
}

/// The columns of the table of initiatives; `with_rate`: the internal time
/// column (there is a day rate to price effort with); `with_reasons`: the
/// reasons column, last (some listed initiative gives a `reason`: why it
/// is on hold or cancelled).
fn line_columns<'a>(with_rate: bool, with_reasons: bool) -> Columns<'a, LineRow<'a>> {
    use LineRow as R;
    Columns::<LineRow>::new()
        .left(Text::Id, KEY, |r, lang| match r {
            R::Competency(c) => i18n::competency(*c, lang).to_string(),
            R::Line(l) => l.id.clone(),
            R::Sum(label, _) => i18n::text(*label, lang).to_string(),
            R::BudgetOnly(o) => budget_only_label(o, lang),
            R::ActualOnly(o) => actual_only_label(o, lang),
        })
        .text(Text::Title, MAIN, |r, _| match r {
            R::Line(l) => l.title.clone().unwrap_or_else(|| DASH.to_string()),
            _ => String::new(),
        })
        .left(Text::Status, MAIN, |r, lang| match r {
            R::Line(l) => i18n::status(l.status, lang).to_string(),
            _ => String::new(),
        })
        .left(Text::Area, MAIN, |r, lang| match r {
            R::Line(l) => area(l, lang),
            _ => String::new(),
        })
        .left(Text::Owner, MAIN, |r, _| match r {
            R::Line(l) => l.owner.clone().unwrap_or_else(|| DASH.to_string()),
            _ => String::new(),
        })
        .right(Text::Budget, KEY, |r, lang| match r {
            R::Line(l) => opt_amount(l.budget, lang),
            R::Sum(_, s) => i18n::amount(s.budget, lang),
            R::BudgetOnly(o) => i18n::amount(o.budget, lang),
            _ => String::new(),
        })
        .right(Text::Actual, KEY, |r, lang| match r {
            R::Line(l) => opt_amount(l.actual, lang),
            R::Sum(_, s) => i18n::amount(s.actual, lang),
            R::ActualOnly(o) => i18n::amount(o.actual, lang),
            _ => String::new(),
        })
        .right(Text::Remaining, MAIN, |r, lang| match r {
            R::Line(l) => opt_amount(l.remaining, lang),
            R::Sum(_, s) => i18n::amount(s.remaining, lang),
            _ => String::new(),
        })
        .right(Text::Variance, MAIN, |r, lang| match r {
            R::Line(l) => variance(l.variance_percent, lang),
            _ => String::new(),
        })
        .right(Text::SpentShare, MAIN, |r, lang| match r {
            R::Line(l) => opt_percent(l.spent_percent, lang),
            _ => String::new(),
        })
        .right(Text::EffortDays, MAIN, |r, lang| match r {
            R::Line(l) => opt_days(l.effort_days, lang),
            R::Sum(_, s) => i18n::decimal(s.effort_days, lang),
            _ => String::new(),
        })
        .when(with_rate, |c| {
            c.right(Text::InternalTime, DETAIL, |r, lang| match r {
                R::Line(l) => opt_amount(l.internal_cost, lang),
                R::Sum(_, s) => opt_amount(s.internal_cost, lang),
                _ => String::new(),
            })
        })
        .text(Text::Missing, MAIN, |r, lang| match r {
            R::Line(l) => {
                let missing: Vec<&str> = l
                    .missing
                    .iter()
                    .map(|m| i18n::missing(m.as_str(), lang))
                    .collect();
                missing.join(", ")
            }
            _ => String::new(),
        })
        .text(Text::Kpi, DETAIL, |r, _| match r {
            R::Line(l) => l.kpi.clone().unwrap_or_else(|| DASH.to_string()),
            _ => String::new(),
        })
        .when(with_reasons, |c| {
            c.left(Text::Reason, DETAIL, |r, _| match r {
                R::Line(l) => l.reason.clone().unwrap_or_default(),
                _ => String::new(),
            })
        })
}

/// Each competency with work in the window: a heading, its initiatives, its
/// subtotal; then the total.
fn lines_section(inv: &Inventory, lang: Language) -> Section {
    let title = i18n::text(Text::ByCompetencyRows, lang).to_string();
    if inv.initiatives.is_empty() {
        return Section::notes(title, vec![i18n::text(Text::EmptyWindow, lang).to_string()]);
    }
    let with_reasons = inv.initiatives.iter().any(|l| l.reason.is_some());
    let mut t = Table::new(line_columns(inv.day_rate.is_some(), with_reasons), lang);
    for c in inv.competencies.iter().filter(|c| c.listed > 0) {
        let Some(comp) = c.competency else { continue };
        t.strong(&LineRow::Competency(comp));
        t.rows(
            inv.initiatives
                .iter()
                .filter(|l| l.competency == comp)
                .map(LineRow::Line),
        );
        sums(&mut t, Text::Subtotal, c);
    }
    sums(&mut t, Text::Total, &inv.totals);
    t.section(title, Vec::new())
}

/// A subtotal and, beneath it, what it could not take.
fn sums<'a>(t: &mut Table<'a, LineRow<'a>>, label: Text, s: &'a Subtotal) {
    t.strong(&LineRow::Sum(label, s));
    if s.budget_without_actual.initiatives > 0 {
        t.row(&LineRow::BudgetOnly(&s.budget_without_actual));
    }
    if s.actual_without_budget.initiatives > 0 {
        t.row(&LineRow::ActualOnly(&s.actual_without_budget));
    }
}

/// A row of the table by competency: a competency's subtotal or the total
/// (a subtotal without a competency), and beneath the total what it could
/// not take.
enum SumRow<'a> {
    Sum(&'a Subtotal),
    BudgetOnly(&'a BudgetOnly),
    ActualOnly(&'a ActualOnly),
}

/// All four competencies, empty ones too (a competency with nothing done
/// is worth seeing), then the total: a subtotal without a competency. The
/// count is of every listed initiative (what a reader counts); the money
/// columns add up those with both a budget and an actual, and the lines
/// beneath the total, each with its own count, hold the others.
fn competencies_section(inv: &Inventory, lang: Language) -> Section {
    use SumRow as R;
    let columns = Columns::<SumRow>::new()
        .text(Text::Competency, KEY, |r, lang| match r {
            R::Sum(s) => match s.competency {
                Some(c) => i18n::competency(c, lang).to_string(),
                None => i18n::text(Text::Total, lang).to_string(),
            },
            R::BudgetOnly(_) => i18n::text(Text::BudgetWithoutActual, lang).to_string(),
            R::ActualOnly(_) => i18n::text(Text::ActualWithoutBudget, lang).to_string(),
        })
        .right(Text::Count, MAIN, |r, _| match r {
            R::Sum(s) => s.listed.to_string(),
            R::BudgetOnly(o) => o.initiatives.to_string(),
            R::ActualOnly(o) => o.initiatives.to_string(),
        })
        .right(Text::Budget, KEY, |r, lang| match r {
            R::Sum(s) => i18n::amount(s.budget, lang),
            R::BudgetOnly(o) => i18n::amount(o.budget, lang),
            R::ActualOnly(_) => String::new(),
        })
        .right(Text::Actual, KEY, |r, lang| match r {
            R::Sum(s) => i18n::amount(s.actual, lang),
            R::ActualOnly(o) => i18n::amount(o.actual, lang),
            R::BudgetOnly(_) => String::new(),
        })
        .right(Text::Remaining, MAIN, |r, lang| match r {
            R::Sum(s) => i18n::amount(s.remaining, lang),
            _ => String::new(),
        })
        .right(Text::EffortDays, MAIN, |r, lang| match r {
            R::Sum(s) => i18n::decimal(s.effort_days, lang),
            _ => String::new(),
        })
        .when(inv.day_rate.is_some(), |c| {
            c.right(Text::InternalTime, DETAIL, |r, lang| match r {
                R::Sum(s) => opt_amount(s.internal_cost, lang),
                _ => String::new(),
            })
        });
    let mut t = Table::new(columns, lang);
    t.rows(
        inv.competencies
            .iter()
            .filter(|c| c.competency.is_some())
            .map(R::Sum),
    );
    t.strong(&R::Sum(&inv.totals));
    if inv.budget_without_actual.initiatives > 0 {
        t.row(&R::BudgetOnly(&inv.budget_without_actual));
    }
    if inv.actual_without_budget.initiatives > 0 {
        t.row(&R::ActualOnly(&inv.actual_without_budget));
    }
    t.section(i18n::text(Text::ByCompetency, lang).to_string(), Vec::new())
}

fn doc(inv: &Inventory, lang: Language) -> Doc {
    let t = |x| i18n::text(x, lang).to_string();
    let mut lines = vec![
        format!("{}: {}", t(Text::AsOf), inv.as_of.format("%Y-%m-%d")),
        format!(
            "{}: {} – {}",
            t(Text::Window),
            inv.window_start.format("%Y-%m-%d"),
            inv.as_of.format("%Y-%m-%d")
        ),
        format!("{}: {}", t(Text::Currency), inv.currency),
    ];
    if let Some(r) = inv.day_rate {
        lines.push(format!(
            "{}: {}",
            t(Text::DayRate),
            i18n::money(r, &inv.currency, lang)
        ));
    }
    lines.push(i18n::time_eaters(inv.time_eater_share, &inv.cx_work, lang));
    Doc {
        title: format!(
            "{} {}",
            t(Text::InventoryTitle),
            inv.as_of.format("%Y-%m-%d")
        ),
        lines,
        sections: vec![lines_section(inv, lang), competencies_section(inv, lang)],
    }
}

#[cfg(test)]
mod tests;
