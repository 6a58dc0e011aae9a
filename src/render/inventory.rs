//! The inventory report (`cxm inventory`) in every format. It lays out what
//! [`crate::inventory::Inventory`] holds; every sum and the time-eater share
//! come from the model.

use super::columns::{Columns, CsvColumns, DETAIL, KEY, MAIN, Table};
use super::csv::Cell;
use super::sections::{self, Doc, Section};
use super::{Format, RenderOptions};
use crate::i18n::{self, Text};
use crate::inventory::{Inventory, InventoryLine, Subtotal};
use crate::money::{Decimal, Money};
use crate::roadmap::{Choice, Competency, Language};

pub fn render(inv: &Inventory, opts: &RenderOptions) -> anyhow::Result<Vec<u8>> {
    match opts.format {
        Format::Json => super::json(inv),
        Format::Csv => csv(inv, opts.excel),
        Format::Table => Ok(sections::table(&doc(inv, opts.lang), opts.color).into_bytes()),
        Format::Markdown => Ok(sections::markdown(&doc(inv, opts.lang)).into_bytes()),
    }
}

/// The CSV: fixed English keys.
fn csv(inv: &Inventory, excel: bool) -> anyhow::Result<Vec<u8>> {
    let columns = CsvColumns::<InventoryLine>::new()
        .col("id", |l| Cell::text(&l.id))
        .col("title", |l| Cell::opt_text(l.title.as_deref()))
        .col("competency", |l| Cell::text(l.competency.as_str()))
        .col("area", |l| Cell::text(l.area.as_str()))
        .col("department", |l| Cell::opt_text(l.department.as_deref()))
        .col("status", |l| Cell::text(l.status.as_str()))
        .col("owner", |l| Cell::opt_text(l.owner.as_deref()))
        .col("start", |l| Cell::opt_date(l.start))
        .col("end", |l| Cell::opt_date(l.end))
        .col("budget", |l| Cell::opt_money(l.budget))
        .col("actual", |l| Cell::opt_money(l.actual))
        .col("remaining", |l| Cell::opt_money(l.remaining))
        .col("variance_percent", |l| {
            Cell::opt_decimal(l.variance_percent)
        })
        .col("effort_days", |l| Cell::opt_decimal(l.effort_days))
        .col("internal_cost", |l| Cell::opt_money(l.internal_cost))
        .col("kpi", |l| Cell::opt_text(l.kpi.as_deref()))
        .col("time_eater", |l| Cell::bool(l.time_eater))
        .col("missing", |l| {
            let missing: Vec<&str> = l.missing.iter().map(|m| m.as_str()).collect();
            Cell::text(missing.join(" "))
        });
    columns.write(&inv.initiatives, excel)
}

const DASH: &str = "—";

fn opt_amount(m: Option<Money>, lang: Language) -> String {
    m.map_or_else(|| DASH.to_string(), |m| i18n::amount(m, lang))
}

fn opt_days(d: Option<Decimal>, lang: Language) -> String {
    d.map_or_else(|| DASH.to_string(), |d| i18n::decimal(d, lang))
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
/// or a subtotal (a competency's or the total) under its label.
enum LineRow<'a> {
    Competency(Competency),
    Line(&'a InventoryLine),
    Sum(Text, &'a Subtotal),
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
/// column (there is a day rate to price effort with).
fn line_columns<'a>(with_rate: bool) -> Columns<'a, LineRow<'a>> {
    use LineRow as R;
    Columns::<LineRow>::new()
        .left(Text::Id, KEY, |r, lang| match r {
            R::Competency(c) => i18n::competency(*c, lang).to_string(),
            R::Line(l) => l.id.clone(),
            R::Sum(label, _) => i18n::text(*label, lang).to_string(),
        })
        .left(Text::Status, MAIN, |r, lang| match r {
            R::Line(l) => i18n::status(l.status, lang).to_string(),
            R::Competency(_) | R::Sum(..) => String::new(),
        })
        .left(Text::Area, MAIN, |r, lang| match r {
            R::Line(l) => area(l, lang),
            R::Competency(_) | R::Sum(..) => String::new(),
        })
        .left(Text::Owner, MAIN, |r, _| match r {
            R::Line(l) => l.owner.clone().unwrap_or_else(|| DASH.to_string()),
            R::Competency(_) | R::Sum(..) => String::new(),
        })
        .right(Text::Budget, KEY, |r, lang| match r {
            R::Line(l) => opt_amount(l.budget, lang),
            R::Sum(_, s) => i18n::amount(s.budget, lang),
            R::Competency(_) => String::new(),
        })
        .right(Text::Actual, KEY, |r, lang| match r {
            R::Line(l) => opt_amount(l.actual, lang),
            R::Sum(_, s) => i18n::amount(s.actual, lang),
            R::Competency(_) => String::new(),
        })
        .right(Text::Remaining, MAIN, |r, lang| match r {
            R::Line(l) => opt_amount(l.remaining, lang),
            R::Sum(_, s) => i18n::amount(s.remaining, lang),
            R::Competency(_) => String::new(),
        })
        .right(Text::Variance, MAIN, |r, lang| match r {
            R::Line(l) => variance(l.variance_percent, lang),
            R::Competency(_) | R::Sum(..) => String::new(),
        })
        .right(Text::EffortDays, MAIN, |r, lang| match r {
            R::Line(l) => opt_days(l.effort_days, lang),
            R::Sum(_, s) => i18n::decimal(s.effort_days, lang),
            R::Competency(_) => String::new(),
        })
        .when(with_rate, |c| {
            c.right(Text::InternalTime, DETAIL, |r, lang| match r {
                R::Line(l) => opt_amount(l.internal_cost, lang),
                R::Sum(_, s) => opt_amount(s.internal_cost, lang),
                R::Competency(_) => String::new(),
            })
        })
        .left(Text::Missing, MAIN, |r, lang| match r {
            R::Line(l) => {
                let missing: Vec<&str> = l
                    .missing
                    .iter()
                    .map(|m| i18n::missing(m.as_str(), lang))
                    .collect();
                missing.join(", ")
            }
            R::Competency(_) | R::Sum(..) => String::new(),
        })
        .left(Text::Kpi, DETAIL, |r, _| match r {
            R::Line(l) => l.kpi.clone().unwrap_or_else(|| DASH.to_string()),
            R::Competency(_) | R::Sum(..) => String::new(),
        })
}

/// Each competency with work in the window: a heading, its initiatives, its
/// subtotal; then the total.
fn lines_section(inv: &Inventory, lang: Language) -> Section {
    let title = i18n::text(Text::ByCompetencyRows, lang).to_string();
    if inv.initiatives.is_empty() {
        return Section::notes(title, vec![i18n::text(Text::EmptyWindow, lang).to_string()]);
    }
    let mut t = Table::new(line_columns(inv.day_rate.is_some()), lang);
    for c in inv.competencies.iter().filter(|c| c.initiatives > 0) {
        let Some(comp) = c.competency else { continue };
        t.strong(&LineRow::Competency(comp));
        t.rows(
            inv.initiatives
                .iter()
                .filter(|l| l.competency == comp)
                .map(LineRow::Line),
        );
        t.strong(&LineRow::Sum(Text::Subtotal, c));
    }
    t.strong(&LineRow::Sum(Text::Total, &inv.totals));
    t.section(title, Vec::new())
}

/// All four competencies, empty ones too (a competency with nothing done
/// is worth seeing), then the total: a subtotal without a competency.
fn competencies_section(inv: &Inventory, lang: Language) -> Section {
    let columns = Columns::<Subtotal>::new()
        .left(Text::Competency, KEY, |s, lang| match s.competency {
            Some(c) => i18n::competency(c, lang).to_string(),
            None => i18n::text(Text::Total, lang).to_string(),
        })
        .right(Text::Count, MAIN, |s, _| s.initiatives.to_string())
        .right(Text::Budget, KEY, |s, lang| i18n::amount(s.budget, lang))
        .right(Text::Actual, KEY, |s, lang| i18n::amount(s.actual, lang))
        .right(Text::Remaining, MAIN, |s, lang| {
            i18n::amount(s.remaining, lang)
        })
        .right(Text::EffortDays, MAIN, |s, lang| {
            i18n::decimal(s.effort_days, lang)
        })
        .when(inv.day_rate.is_some(), |c| {
            c.right(Text::InternalTime, DETAIL, |s, lang| {
                opt_amount(s.internal_cost, lang)
            })
        });
    let mut t = Table::new(columns, lang);
    t.rows(inv.competencies.iter().filter(|c| c.competency.is_some()));
    t.strong(&inv.totals);
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
