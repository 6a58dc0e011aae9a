//! The budget report (`cxm budget`) in every format. It only lays out what
//! [`crate::budget::Budget`] holds: every subtotal and total comes from the
//! model, none is computed here.

use super::columns::{Columns, CsvColumns, DETAIL, KEY, MAIN, Table};
use super::csv::{Cell, CountsIn};
use super::sections::{self, Doc, Section};
use super::xlsx::{self, Filter, Sum, Total};
use super::{Format, RenderOptions};
use crate::budget::{
    BacklogLine, Budget, CompetencyTotal, Figures, GuidelineLine, Header, InitiativeLine, LineKind,
    Sums, Totals, TrainingLine,
};
use crate::i18n::{self, Text};
use crate::money::Money;
use crate::roadmap::{Area, Competency, Funding, Language};

pub fn render(b: &Budget, opts: &RenderOptions) -> anyhow::Result<Vec<u8>> {
    super::to_vec(|out| write(b, opts, out))
}

/// The report in `opts.format`, written into `out`.
pub fn write(b: &Budget, opts: &RenderOptions, out: &mut dyn std::io::Write) -> anyhow::Result<()> {
    match opts.format {
        Format::Json => super::json_to(b, out),
        Format::Csv => Ok(out.write_all(&csv(b, opts.excel.then_some(opts.lang))?)?),
        Format::Table => Ok(out.write_all(&table(b, opts).into_bytes())?),
        Format::Markdown => Ok(out.write_all(&markdown(b, opts.lang).into_bytes())?),
        Format::Xlsx => Ok(out.write_all(&xlsx::one(
            xlsx_sheet(b, opts.lang),
            opts.lang,
            &b.currency,
        )?)?),
    }
}

/// One line of the CSV: an initiative of the plan year, a training, or a
/// backlog idea.
enum Item<'a> {
    Initiative(&'a InitiativeLine),
    Training(&'a TrainingLine),
    Backlog(&'a BacklogLine),
}

impl Item<'_> {
    /// A cell of an initiative's or an idea's header (a training has none).
    fn header(&self, cell: impl Fn(&Header) -> Cell) -> Cell {
        match self {
            Item::Initiative(l) => cell(&l.header),
            Item::Backlog(l) => cell(&l.header),
            Item::Training(_) => Cell::Empty,
        }
    }

    /// A cell of an initiative's or an idea's figures (a training has none).
    fn figures(&self, cell: impl Fn(&Figures) -> Cell) -> Cell {
        match self {
            Item::Initiative(l) => cell(&l.figures),
            Item::Backlog(l) => cell(&l.figures),
            Item::Training(_) => Cell::Empty,
        }
    }

    /// A cell of a plan-year initiative only.
    fn initiative(&self, cell: impl Fn(&InitiativeLine) -> Cell) -> Cell {
        match self {
            Item::Initiative(l) => cell(l),
            Item::Training(_) | Item::Backlog(_) => Cell::Empty,
        }
    }

    /// A cell of a training only.
    fn training(&self, cell: impl Fn(&TrainingLine) -> Cell) -> Cell {
        match self {
            Item::Training(t) => cell(t),
            Item::Initiative(_) | Item::Backlog(_) => Cell::Empty,
        }
    }

    /// A quarter's budget (0–3): an initiative's, or a scheduled training's.
    fn quarter(&self, q: usize) -> Cell {
        let quarters = match self {
            Item::Initiative(l) => Some(l.quarters),
            Item::Training(t) => t.quarters,
            Item::Backlog(_) => None,
        };
        quarters
            .and_then(|all| all.into_iter().nth(q))
            .map_or(Cell::Empty, Cell::Money)
    }
}

/// The CSV: fixed English keys, one column per figure of any line. A
/// training's cost is its budget and its plan-year budget. `counts_in`
/// (SPEC section 11): `plan_year_budget` summed over the `cxm` rows is the
/// CXM total; over the `department` rows, the department guidelines.
fn csv_columns<'a>() -> CsvColumns<'a, Item<'a>> {
    CsvColumns::<Item>::new()
        .col("kind", |i| match i {
            Item::Initiative(_) => Cell::word("initiative", "inicjatywa"),
            Item::Training(_) => Cell::word("training", "szkolenie"),
            Item::Backlog(_) => Cell::word("backlog", "poza planem"),
        })
        .col("id", |i| match i {
            Item::Training(t) => Cell::text(&t.id),
            _ => i.header(|h| Cell::text(&h.id)),
        })
        .col("title", |i| match i {
            Item::Training(t) => Cell::opt_text(t.title.as_deref()),
            _ => i.header(|h| Cell::opt_text(h.title.as_deref())),
        })
        .col("competency", |i| match i {
            Item::Training(t) => Cell::competency(t.competency),
            _ => i.header(|h| Cell::competency(h.competency)),
        })
        .col("area", |i| i.header(|h| Cell::area(h.area)))
        .col("department", |i| {
            i.header(|h| Cell::opt_text(h.department.as_deref()))
        })
        .col("status", |i| i.header(|h| Cell::status(h.status)))
        .col("funding", |i| i.training(|t| Cell::funding(t.funding)))
        .col("quotes", |i| i.figures(|f| Cell::count(f.quotes)))
        .col("low", |i| i.figures(|f| Cell::opt_money(f.low)))
        .col("mid", |i| i.figures(|f| Cell::opt_money(f.mid)))
        .col("high", |i| i.figures(|f| Cell::opt_money(f.high)))
        .col("markup_percent", |i| {
            i.figures(|f| Cell::Decimal(f.markup_percent))
        })
        .col("estimate", |i| i.figures(|f| Cell::opt_money(f.estimate)))
        .col("estimate_low", |i| {
            i.figures(|f| Cell::opt_money(f.estimate_low))
        })
        .col("estimate_high", |i| {
            i.figures(|f| Cell::opt_money(f.estimate_high))
        })
        .col("cost", |i| match i {
            Item::Training(t) => Cell::Money(t.cost),
            _ => i.figures(|f| Cell::opt_money(f.cost)),
        })
        .col("budget", |i| match i {
            Item::Training(t) => Cell::Money(t.cost),
            _ => i.figures(|f| Cell::Money(f.budget)),
        })
        .col("before", |i| i.initiative(|l| Cell::Money(l.before)))
        .col("q1", |i| i.quarter(0))
        .col("q2", |i| i.quarter(1))
        .col("q3", |i| i.quarter(2))
        .col("q4", |i| i.quarter(3))
        .col("after", |i| i.initiative(|l| Cell::Money(l.after)))
        .col("plan_year_budget", |i| match i {
            Item::Training(t) => Cell::Money(t.cost),
            _ => i.initiative(|l| Cell::Money(l.plan_year_budget)),
        })
        .col("people", |i| {
            i.training(|t| Cell::Int(i128::from(t.people)))
        })
        .col("cost_per_person", |i| {
            i.training(|t| Cell::Money(t.cost_per_person))
        })
        .col("effort_days", |i| {
            i.header(|h| Cell::opt_decimal(h.effort_days))
        })
        .col("internal_cost", |i| {
            i.header(|h| Cell::opt_money(h.internal_cost))
        })
        .col("benefit_low", |i| {
            i.initiative(|l| Cell::opt_money(l.benefit.benefit_low))
        })
        .col("benefit_high", |i| {
            i.initiative(|l| Cell::opt_money(l.benefit.benefit_high))
        })
        .col("benefit_per_budget_low", |i| {
            i.initiative(|l| Cell::opt_decimal(l.benefit.benefit_per_budget.map(|p| p.low)))
        })
        .col("benefit_per_budget_high", |i| {
            i.initiative(|l| Cell::opt_decimal(l.benefit.benefit_per_budget.map(|p| p.high)))
        })
        .col("counts_in", |i| {
            match i {
                Item::Initiative(l) => CountsIn::of_plan_line(true, l.header.area),
                Item::Training(t) => CountsIn::of_training(t.funding),
                Item::Backlog(_) => CountsIn::None,
            }
            .cell()
        })
}

fn csv(b: &Budget, excel: Option<Language>) -> anyhow::Result<Vec<u8>> {
    let rows = b
        .initiatives
        .iter()
        .map(Item::Initiative)
        .chain(b.training.iter().map(Item::Training))
        .chain(b.backlog.iter().map(Item::Backlog));
    csv_columns().write(rows, excel)
}

/// The budget's sheet: the CSV's lines, then its totals as formulas over
/// them (`render::xlsx`): the CXM total and its quarters, each competency's
/// CXM budget, the CXM initiatives, central training, and the department
/// guidelines altogether.
pub(crate) fn xlsx_sheet(b: &Budget, lang: Language) -> xlsx::Sheet {
    let rows = b
        .initiatives
        .iter()
        .map(Item::Initiative)
        .chain(b.training.iter().map(Item::Training))
        .chain(b.backlog.iter().map(Item::Backlog));
    let cxm = || Filter::Is(CountsIn::Cxm.cell());
    let quarters = |q: [Money; 4], filters: &dyn Fn(Sum) -> Sum| {
        ["q1", "q2", "q3", "q4"]
            .into_iter()
            .zip(q)
            .map(|(key, m)| filters(Sum::of(key, m)))
            .collect::<Vec<_>>()
    };
    let with_quarters = |first: Sum, q: [Money; 4], filters: &dyn Fn(Sum) -> Sum| {
        let mut sums = vec![first];
        sums.extend(quarters(q, filters));
        sums
    };
    let t = |x| i18n::text(x, lang).to_string();
    let only_cxm = |s: Sum| s.when("counts_in", cxm());
    let mut totals = vec![Total::new(
        t(Text::CxmTotal),
        with_quarters(
            only_cxm(Sum::of("plan_year_budget", b.totals.cxm)),
            b.totals.by_quarter,
            &only_cxm,
        ),
    )];
    for ct in &b.totals.competencies {
        let of_competency = |s: Sum| {
            s.when("counts_in", cxm())
                .when("competency", Filter::Is(Cell::competency(ct.competency)))
        };
        totals.push(Total::new(
            i18n::competency(ct.competency, lang),
            with_quarters(
                of_competency(Sum::of("plan_year_budget", ct.total.plan_year_budget)),
                ct.total.quarters,
                &of_competency,
            ),
        ));
    }
    let of_kind = |kind: Cell| {
        move |s: Sum| {
            s.when("counts_in", cxm())
                .when("kind", Filter::Is(kind.clone()))
        }
    };
    let initiatives = of_kind(Cell::word("initiative", "inicjatywa"));
    let sums = &b.totals.initiatives;
    let mut row = vec![
        initiatives(Sum::of("budget", sums.budget)),
        initiatives(Sum::of("before", sums.before)),
        initiatives(Sum::of("plan_year_budget", sums.plan_year_budget)),
        initiatives(Sum::of("after", sums.after)),
    ];
    row.extend(quarters(sums.quarters, &initiatives));
    totals.push(Total::new(t(Text::CxmInitiatives), row));
    let training = of_kind(Cell::word("training", "szkolenie"));
    let sums = &b.totals.central_training;
    totals.push(Total::new(
        t(Text::CentralTraining),
        with_quarters(
            training(Sum::of("plan_year_budget", sums.plan_year_budget)),
            sums.quarters,
            &training,
        ),
    ));
    if let Some(all) = Money::sum(b.totals.departments.iter().map(|(_, m)| *m)) {
        totals.push(Total::new(
            t(Text::DepartmentGuidelines),
            vec![
                Sum::of("plan_year_budget", all)
                    .when("counts_in", Filter::Is(CountsIn::Department.cell())),
            ],
        ));
    }
    xlsx::Sheet::from_columns(Text::SheetBudget, &csv_columns(), rows).with_totals(totals)
}

/// One line of a department's guideline, with its department.
struct GuidelineItem<'a> {
    department: &'a crate::budget::DepartmentGuideline,
    line: &'a GuidelineLine,
}

/// The department guidelines' sheet: every line with its department on
/// it (so it filters), then each department's total as a formula.
pub(crate) fn guidelines_sheet(b: &Budget, lang: Language) -> xlsx::Sheet {
    let columns = CsvColumns::<GuidelineItem>::new()
        .col("department", |i| Cell::text(&i.department.id))
        .col("name", |i| Cell::opt_text(i.department.name.as_deref()))
        .col("kind", |i| match i.line.kind {
            LineKind::Initiative => Cell::word("initiative", "inicjatywa"),
            LineKind::Training => Cell::word("training", "szkolenie"),
        })
        .col("id", |i| Cell::text(&i.line.id))
        .col("title", |i| Cell::opt_text(i.line.title.as_deref()))
        .col("people", |i| Cell::opt_int(i.line.people))
        .col("amount", |i| Cell::Money(i.line.amount));
    let rows = b.departments.iter().flat_map(|d| {
        d.lines.iter().map(move |line| GuidelineItem {
            department: d,
            line,
        })
    });
    let mut totals: Vec<Total> = b
        .departments
        .iter()
        .map(|d| {
            Total::new(
                format!(
                    "{} {}",
                    i18n::text(Text::Total, lang),
                    d.name.as_deref().unwrap_or(&d.id)
                ),
                vec![Sum::of("amount", d.total).when("department", Filter::Is(Cell::text(&d.id)))],
            )
        })
        .collect();
    if let Some(all) = Money::sum(b.departments.iter().map(|d| d.total)) {
        totals.push(Total::new(
            i18n::text(Text::Total, lang),
            vec![Sum::of("amount", all)],
        ));
    }
    xlsx::Sheet::from_columns(Text::SheetGuidelines, &columns, rows).with_totals(totals)
}

const DASH: &str = "—";

fn opt_amount(m: Option<Money>, lang: Language) -> String {
    m.map_or_else(|| DASH.to_string(), |m| i18n::amount(m, lang))
}

/// The lines above the tables: what the figures are.
fn intro(b: &Budget, lang: Language) -> (String, Vec<String>) {
    let t = |x| i18n::text(x, lang);
    let title = format!("{} {}", t(Text::BudgetTitle), b.plan_year);
    let mut lines = vec![
        format!("{}: {}", t(Text::PlanYear), b.plan_year),
        format!("{}: {}", t(Text::Currency), b.currency),
        format!(
            "{}: {}",
            t(Text::MarkupUsed),
            i18n::percent(b.markup_percent, lang)
        ),
    ];
    lines.push(format!("{}: {}", t(Text::AsOf), b.as_of.format("%Y-%m-%d")));
    if let Some(c) = b.budget_cap {
        lines.push(format!(
            "{}: {}",
            t(Text::BudgetCap),
            i18n::money(c, &b.currency, lang)
        ));
    }
    if let Some(r) = b.day_rate {
        lines.push(format!(
            "{}: {}",
            t(Text::DayRate),
            i18n::money(r, &b.currency, lang)
        ));
    }
    lines.push(format!(
        "{}: {}",
        t(Text::CxmTotal),
        i18n::money(b.totals.cxm, &b.currency, lang)
    ));
    if let Some(i) = b.totals.internal_time {
        lines.push(format!(
            "{}: {}",
            t(Text::InternalTime),
            i18n::money(i, &b.currency, lang)
        ));
    }
    (title, lines)
}

/// A row of the CXM initiatives table: a competency heading, an initiative,
/// or sums (a competency's subtotal, all initiatives) under their label.
enum InitiativeRow<'a> {
    Competency(Competency),
    Line(&'a InitiativeLine),
    Sums(Text, &'a Sums),
}

/// The columns of the CXM initiatives table; `with_internal`: the internal
/// time column (there is a day rate to price effort with).
/// With a benefit column only when some initiative has a benefit.
fn initiative_columns<'a>(
    with_internal: bool,
    with_benefit: bool,
) -> Columns<'a, InitiativeRow<'a>> {
    use InitiativeRow as R;
    // A figure of an initiative's quotes; blank on headings and sums.
    fn figure(r: &R, cell: impl Fn(&Figures) -> String) -> String {
        match r {
            R::Line(l) => cell(&l.figures),
            R::Competency(_) | R::Sums(..) => String::new(),
        }
    }
    Columns::<InitiativeRow>::new()
        .left(Text::Id, KEY, |r, lang| match r {
            R::Competency(c) => i18n::competency(*c, lang).to_string(),
            R::Line(l) => l.header.id.clone(),
            R::Sums(label, _) => i18n::text(*label, lang).to_string(),
        })
        .text(Text::Title, MAIN, |r, _| match r {
            R::Line(l) => l.header.title.clone().unwrap_or_else(|| DASH.to_string()),
            R::Competency(_) | R::Sums(..) => String::new(),
        })
        .right(Text::Quotes, DETAIL, |r, _| {
            figure(r, |f| f.quotes.to_string())
        })
        .right(Text::Low, DETAIL, |r, lang| {
            figure(r, |f| opt_amount(f.low, lang))
        })
        .right(Text::Mid, DETAIL, |r, lang| {
            figure(r, |f| opt_amount(f.mid, lang))
        })
        .right(Text::High, DETAIL, |r, lang| {
            figure(r, |f| opt_amount(f.high, lang))
        })
        .right(Text::Markup, DETAIL, |r, lang| {
            figure(r, |f| i18n::percent(f.markup_percent, lang))
        })
        .right(Text::Estimate, MAIN, |r, lang| {
            figure(r, |f| opt_amount(f.estimate, lang))
        })
        .right(Text::Cost, MAIN, |r, lang| {
            figure(r, |f| opt_amount(f.cost, lang))
        })
        .right(Text::Budget, KEY, |r, lang| match r {
            R::Line(l) => i18n::amount(l.figures.budget, lang),
            R::Sums(_, s) => i18n::amount(s.budget, lang),
            R::Competency(_) => String::new(),
        })
        .right(Text::PlanYearBudget, KEY, |r, lang| match r {
            R::Line(l) => i18n::amount(l.plan_year_budget, lang),
            R::Sums(_, s) => i18n::amount(s.plan_year_budget, lang),
            R::Competency(_) => String::new(),
        })
        .quarters(
            MAIN,
            |r| match r {
                R::Line(l) => Some(l.quarters),
                R::Sums(_, s) => Some(s.quarters),
                R::Competency(_) => None,
            },
            |m, lang| i18n::amount(*m, lang),
        )
        .when(with_internal, |c| {
            c.right(Text::InternalTime, DETAIL, |r, lang| match r {
                R::Line(l) => opt_amount(l.header.internal_cost, lang),
                R::Competency(_) | R::Sums(..) => String::new(),
            })
        })
        .when(with_benefit, |c| {
            c.right(Text::Benefit, MAIN, |r, lang| match r {
                R::Line(l) => benefit_text(&l.benefit, lang),
                R::Competency(_) | R::Sums(..) => String::new(),
            })
        })
}

/// A benefit range as a table shows it (`80,000.00 – 180,000.00`), or a
/// dash.
pub(crate) fn benefit_text(b: &crate::benefit::Benefit, lang: Language) -> String {
    match (b.benefit_low, b.benefit_high) {
        (Some(lo), Some(hi)) => format!("{} – {}", i18n::amount(lo, lang), i18n::amount(hi, lang)),
        _ => "—".to_string(),
    }
}

/// The lines under a table with benefits: what they are, and the
/// assumption of each KPI they rest on (each KPI once, in order of use).
pub(crate) fn benefit_notes<'a>(
    benefits: impl Iterator<Item = &'a crate::benefit::Benefit>,
    lang: Language,
) -> Vec<String> {
    let mut seen: Vec<(&str, Option<&str>)> = Vec::new();
    for b in benefits {
        for (kpi, note) in &b.assumptions {
            if !seen.iter().any(|(k, _)| *k == kpi.as_str()) {
                seen.push((kpi, note.as_deref()));
            }
        }
    }
    if seen.is_empty() {
        return Vec::new();
    }
    let t = |x| i18n::text(x, lang);
    let mut out = vec![t(Text::BenefitNote).to_string()];
    for (kpi, note) in seen {
        out.push(format!(
            "{kpi} — {}: {}",
            t(Text::Assumption),
            note.unwrap_or(t(Text::NoAssumption))
        ));
    }
    out
}

/// Per competency: a heading, its CXM initiatives, its subtotal; then the
/// sums of all CXM initiatives.
fn initiatives_section(b: &Budget, lang: Language) -> Section {
    let with_benefit = (b.initiatives.iter())
        .any(|l| l.header.area == Area::Cxm && l.benefit.benefit_low.is_some());
    let mut t = Table::new(initiative_columns(b.day_rate.is_some(), with_benefit), lang);
    for ct in &b.totals.competencies {
        t.strong(&InitiativeRow::Competency(ct.competency));
        t.rows(
            b.initiatives
                .iter()
                .filter(|l| l.header.area == Area::Cxm && l.header.competency == ct.competency)
                .map(InitiativeRow::Line),
        );
        t.strong(&InitiativeRow::Sums(Text::Subtotal, &ct.initiatives));
    }
    t.strong(&InitiativeRow::Sums(
        Text::CxmInitiatives,
        &b.totals.initiatives,
    ));
    let notes = benefit_notes(
        b.initiatives
            .iter()
            .filter(|l| l.header.area == Area::Cxm)
            .map(|l| &*l.benefit),
        lang,
    );
    t.section(i18n::text(Text::CxmInitiatives, lang).to_string(), notes)
}

/// A row of the central training table: a training, or the total.
enum TrainingRow<'a> {
    Line(&'a TrainingLine),
    Total(&'a Sums),
}

/// The centrally funded training, with its total; none without any.
fn central_training_section(b: &Budget, lang: Language) -> Option<Section> {
    use TrainingRow as R;
    let central: Vec<&TrainingLine> = b
        .training
        .iter()
        .filter(|x| x.funding == Funding::Central)
        .collect();
    if central.is_empty() {
        return None;
    }
    let columns = Columns::<TrainingRow>::new()
        .left(Text::Id, KEY, |r, lang| match r {
            R::Line(x) => x.id.clone(),
            R::Total(_) => i18n::text(Text::Total, lang).to_string(),
        })
        .text(Text::Title, MAIN, |r, _| match r {
            R::Line(x) => x.title.clone().unwrap_or_else(|| DASH.to_string()),
            R::Total(_) => String::new(),
        })
        .text(Text::Competency, MAIN, |r, lang| match r {
            R::Line(x) => i18n::competency(x.competency, lang).to_string(),
            R::Total(_) => String::new(),
        })
        .right(Text::People, MAIN, |r, _| match r {
            R::Line(x) => x.people.to_string(),
            R::Total(_) => String::new(),
        })
        .right(Text::CostPerPerson, DETAIL, |r, lang| match r {
            R::Line(x) => i18n::amount(x.cost_per_person, lang),
            R::Total(_) => String::new(),
        })
        .right(Text::Budget, KEY, |r, lang| match r {
            R::Line(x) => i18n::amount(x.cost, lang),
            R::Total(s) => i18n::amount(s.plan_year_budget, lang),
        })
        .quarters(
            MAIN,
            |r| match r {
                R::Line(x) => x.quarters,
                R::Total(s) => Some(s.quarters),
            },
            |m, lang| i18n::amount(*m, lang),
        );
    let mut t = Table::new(columns, lang);
    t.rows(central.into_iter().map(R::Line));
    t.strong(&R::Total(&b.totals.central_training));
    Some(t.section(
        i18n::text(Text::CentralTraining, lang).to_string(),
        Vec::new(),
    ))
}

/// A row of the CXM total by competency: a competency, or the CXM total.
enum CompetencyRow<'a> {
    Competency(&'a CompetencyTotal),
    Total(&'a Totals),
}

/// The plan-year budget of each competency (initiatives, central training,
/// both) and its quarters; then the CXM total.
fn by_competency_section(b: &Budget, lang: Language) -> Section {
    use CompetencyRow as R;
    let columns = Columns::<CompetencyRow>::new()
        .text(Text::Competency, KEY, |r, lang| match r {
            R::Competency(c) => i18n::competency(c.competency, lang).to_string(),
            R::Total(_) => i18n::text(Text::CxmTotal, lang).to_string(),
        })
        .right(Text::CxmInitiatives, MAIN, |r, lang| {
            let s = match r {
                R::Competency(c) => &c.initiatives,
                R::Total(t) => &t.initiatives,
            };
            i18n::amount(s.plan_year_budget, lang)
        })
        .right(Text::CentralTraining, MAIN, |r, lang| {
            let s = match r {
                R::Competency(c) => &c.central_training,
                R::Total(t) => &t.central_training,
            };
            i18n::amount(s.plan_year_budget, lang)
        })
        .right(Text::Total, KEY, |r, lang| match r {
            R::Competency(c) => i18n::amount(c.total.plan_year_budget, lang),
            R::Total(t) => i18n::amount(t.cxm, lang),
        })
        .quarters(
            MAIN,
            |r| match r {
                R::Competency(c) => Some(c.total.quarters),
                R::Total(t) => Some(t.by_quarter),
            },
            |m, lang| i18n::amount(*m, lang),
        );
    let mut t = Table::new(columns, lang);
    t.rows(b.totals.competencies.iter().map(R::Competency));
    t.strong(&R::Total(&b.totals));
    t.section(i18n::text(Text::ByCompetency, lang).to_string(), Vec::new())
}

/// A row of the department guidelines: a line of a department (its name on
/// the first only), or a department's total.
enum GuidelineRow<'a> {
    Line(Option<&'a str>, &'a GuidelineLine),
    Total(&'a str, Money),
}

/// What each department is to budget for, line by line, with its total;
/// none without departments.
fn guidelines_section(b: &Budget, lang: Language) -> Option<Section> {
    use GuidelineRow as R;
    if b.departments.is_empty() {
        return None;
    }
    let columns = Columns::<GuidelineRow>::new()
        .left(Text::Department, KEY, |r, lang| match r {
            R::Line(name, _) => name.unwrap_or_default().to_string(),
            R::Total(name, _) => format!("{} {name}", i18n::text(Text::Total, lang)),
        })
        .left(Text::Kind, DETAIL, |r, lang| match r {
            R::Line(_, l) => i18n::text(
                match l.kind {
                    LineKind::Initiative => Text::Initiative,
                    LineKind::Training => Text::Training,
                },
                lang,
            )
            .to_string(),
            R::Total(..) => String::new(),
        })
        .left(Text::Id, KEY, |r, _| match r {
            R::Line(_, l) => l.id.clone(),
            R::Total(..) => String::new(),
        })
        .right(Text::People, MAIN, |r, _| match r {
            R::Line(_, l) => l.people.map_or_else(String::new, |p| p.to_string()),
            R::Total(..) => String::new(),
        })
        .right(Text::Amount, KEY, |r, lang| match r {
            R::Line(_, l) => i18n::amount(l.amount, lang),
            R::Total(_, total) => i18n::amount(*total, lang),
        });
    let mut t = Table::new(columns, lang);
    for d in &b.departments {
        let name = d.name.as_deref().unwrap_or(&d.id);
        t.rows(
            d.lines
                .iter()
                .enumerate()
                .map(|(k, l)| R::Line((k == 0).then_some(name), l)),
        );
        t.strong(&R::Total(name, d.total));
    }
    Some(t.section(
        i18n::text(Text::DepartmentGuidelines, lang).to_string(),
        Vec::new(),
    ))
}

/// The ideas, outside every total; none without any.
fn backlog_section(b: &Budget, lang: Language) -> Option<Section> {
    if b.backlog.is_empty() {
        return None;
    }
    let columns = Columns::<BacklogLine>::new()
        .left(Text::Id, KEY, |l, _| l.header.id.clone())
        .text(Text::Title, MAIN, |l, _| {
            l.header.title.clone().unwrap_or_else(|| DASH.to_string())
        })
        .text(Text::Competency, MAIN, |l, lang| {
            i18n::competency(l.header.competency, lang).to_string()
        })
        .left(Text::Area, DETAIL, |l, lang| {
            i18n::area(l.header.area, lang).to_string()
        })
        .right(Text::Quotes, DETAIL, |l, _| l.figures.quotes.to_string())
        .right(Text::Estimate, MAIN, |l, lang| {
            opt_amount(l.figures.estimate, lang)
        })
        .right(Text::Cost, MAIN, |l, lang| opt_amount(l.figures.cost, lang))
        .right(Text::Budget, KEY, |l, lang| {
            i18n::amount(l.figures.budget, lang)
        });
    let mut t = Table::new(columns, lang);
    t.rows(&b.backlog);
    Some(t.section(i18n::text(Text::Backlog, lang).to_string(), Vec::new()))
}

/// The people-facing report as a document of titled tables.
fn doc(b: &Budget, lang: Language) -> Doc {
    let (title, lines) = intro(b, lang);
    let mut sections = vec![initiatives_section(b, lang)];
    sections.extend(central_training_section(b, lang));
    sections.push(by_competency_section(b, lang));
    sections.extend(guidelines_section(b, lang));
    sections.extend(backlog_section(b, lang));
    Doc {
        title,
        lines,
        sections,
    }
}

fn table(b: &Budget, opts: &RenderOptions) -> String {
    sections::table(&doc(b, opts.lang), opts)
}

fn markdown(b: &Budget, lang: Language) -> String {
    sections::markdown(&doc(b, lang))
}

#[cfg(test)]
mod tests;
