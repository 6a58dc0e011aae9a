//! The plan report (`cxm plan`) in every format. It lays out what
//! [`crate::plan::Plan`] holds: the cumulative figures, the cut line,
//! coverage and load all come from the model. The table and Markdown draw
//! the cut line across the initiatives, saying why it falls there.

use super::columns::{Columns, CsvColumns, DETAIL, KEY, MAIN, Table};
use super::csv::{Cell, CountsIn};
use super::sections::{self, Doc, Section};
use super::xlsx::{self, Filter, Sum, Total};
use super::{Format, RenderOptions};
use crate::i18n::{self, Text};
use crate::money::{Decimal, Money};
use crate::plan::{
    BacklogItem, CutReason, Dependency, DependencyState, MaturityLine, MemberLoad, Plan, PlanLine,
    TeamLoad,
};
use crate::roadmap::{Area, Competency, Language, Status};

pub fn render(p: &Plan, opts: &RenderOptions) -> anyhow::Result<Vec<u8>> {
    super::to_vec(|out| write(p, opts, out))
}

/// The report in `opts.format`, written into `out`.
pub fn write(p: &Plan, opts: &RenderOptions, out: &mut dyn std::io::Write) -> anyhow::Result<()> {
    match opts.format {
        Format::Json => super::json_to(p, out),
        Format::Csv => Ok(out.write_all(&csv(p, opts.excel.then_some(opts.lang))?)?),
        Format::Table => {
            Ok(out.write_all(&sections::table(&doc(p, opts.lang), opts).into_bytes())?)
        }
        Format::Markdown => {
            Ok(out.write_all(&sections::markdown(&doc(p, opts.lang)).into_bytes())?)
        }
        Format::Xlsx => Ok(out.write_all(&xlsx::one(
            xlsx_sheet(p, opts.lang),
            opts.lang,
            &p.currency,
        )?)?),
    }
}

/// One line of the CSV: a plan row or a backlog idea.
enum Item<'a> {
    Plan(&'a PlanLine),
    Backlog(&'a BacklogItem),
}

impl Item<'_> {
    /// A cell only a plan row has.
    fn plan(&self, cell: impl Fn(&PlanLine) -> Cell) -> Cell {
        match self {
            Item::Plan(l) => cell(l),
            Item::Backlog(_) => Cell::Empty,
        }
    }
}

/// The CSV: fixed English keys. `kind` is `plan` or `backlog`; `budget` is
/// an idea's whole budget (plan rows have `plan_year_budget`). `counts_in`
/// says where a row's money counts: summing `plan_year_budget` over the
/// `cxm` rows gives the CXM initiatives' total (the budget's CXM total less
/// central training, which the plan has no rows for).
fn csv_columns<'a>() -> CsvColumns<'a, Item<'a>> {
    CsvColumns::<Item>::new()
        .col("kind", |i| match i {
            Item::Plan(_) => Cell::word("plan", "plan"),
            Item::Backlog(_) => Cell::word("backlog", "poza planem"),
        })
        .col("rank", |i| i.plan(|l| Cell::count(l.rank)))
        .col("id", |i| match i {
            Item::Plan(l) => Cell::text(&l.id),
            Item::Backlog(b) => Cell::text(&b.id),
        })
        .col("title", |i| match i {
            Item::Plan(l) => Cell::opt_text(l.title.as_deref()),
            Item::Backlog(b) => Cell::opt_text(b.title.as_deref()),
        })
        .col("priority", |i| match i {
            Item::Plan(l) => Cell::opt_int(l.priority),
            Item::Backlog(b) => Cell::opt_int(b.priority),
        })
        .col("owner", |i| match i {
            Item::Plan(l) => Cell::opt_text(l.owner.as_deref()),
            Item::Backlog(b) => Cell::opt_text(b.owner.as_deref()),
        })
        .col("competency", |i| match i {
            Item::Plan(l) => Cell::competency(l.competency),
            Item::Backlog(b) => Cell::competency(b.competency),
        })
        .col("area", |i| match i {
            Item::Plan(l) => Cell::area(l.area),
            Item::Backlog(b) => Cell::area(b.area),
        })
        .col("department", |i| {
            i.plan(|l| Cell::opt_text(l.department.as_deref()))
        })
        .col("status", |i| i.plan(|l| Cell::status(l.status)))
        .col("start", |i| i.plan(|l| Cell::opt_date(l.start)))
        .col("end", |i| i.plan(|l| Cell::opt_date(l.end)))
        .col("quarters", |i| i.plan(|l| Cell::quarters(&l.quarters)))
        .col("effort_days", |i| match i {
            Item::Plan(l) => Cell::opt_decimal(l.effort_days),
            Item::Backlog(b) => Cell::opt_decimal(b.effort_days),
        })
        .col("plan_year_effort", |i| {
            i.plan(|l| Cell::Decimal(l.plan_year_effort))
        })
        .col("plan_year_budget", |i| {
            i.plan(|l| Cell::Money(l.plan_year_budget))
        })
        .col("cumulative_budget", |i| {
            i.plan(|l| Cell::Money(l.cumulative_budget))
        })
        .col("cumulative_effort", |i| {
            i.plan(|l| Cell::Decimal(l.cumulative_effort))
        })
        .col("below_line", |i| i.plan(|l| Cell::bool(l.below_line)))
        .col("internal_cost", |i| {
            i.plan(|l| Cell::opt_money(l.internal_cost))
        })
        .col("depends_on", |i| {
            i.plan(|l| Cell::text(l.depends_on.join(" ")))
        })
        .col("benefit_low", |i| {
            i.plan(|l| Cell::opt_money(l.benefit.benefit_low))
        })
        .col("benefit_high", |i| {
            i.plan(|l| Cell::opt_money(l.benefit.benefit_high))
        })
        .col("benefit_per_budget_low", |i| {
            i.plan(|l| Cell::opt_decimal(l.benefit.benefit_per_budget.map(|p| p.low)))
        })
        .col("benefit_per_budget_high", |i| {
            i.plan(|l| Cell::opt_decimal(l.benefit.benefit_per_budget.map(|p| p.high)))
        })
        .col("budget", |i| match i {
            Item::Plan(_) => Cell::Empty,
            Item::Backlog(b) => Cell::opt_money(b.budget),
        })
        .col("reason", |i| match i {
            Item::Plan(l) => Cell::opt_text(l.reason.as_deref()),
            Item::Backlog(b) => Cell::opt_text(b.reason.as_deref()),
        })
        .col("counts_in", |i| {
            match i {
                Item::Plan(l) => CountsIn::of_plan_line(true, l.area),
                Item::Backlog(_) => CountsIn::None,
            }
            .cell()
        })
}

fn csv(p: &Plan, excel: Option<Language>) -> anyhow::Result<Vec<u8>> {
    let rows = p
        .initiatives
        .iter()
        .map(Item::Plan)
        .chain(p.backlog.iter().map(Item::Backlog));
    csv_columns().write(rows, excel)
}

/// The plan's sheet: the CSV's lines, then as formulas over them the
/// plan-year budget of the CXM initiatives and of the CX initiatives
/// (departments pay), and the internal time when there is a day rate. The
/// budget's CXM total also counts central training, which the plan has no
/// lines for: the budget's sheet has it. Effort totals are not money and
/// stay figures of the CSV's `cumulative_effort`.
pub(crate) fn xlsx_sheet(p: &Plan, lang: Language) -> xlsx::Sheet {
    let rows = p
        .initiatives
        .iter()
        .map(Item::Plan)
        .chain(p.backlog.iter().map(Item::Backlog));
    let t = |x| i18n::text(x, lang).to_string();
    let mut totals = vec![
        Total::new(
            t(Text::CxmInitiatives),
            vec![
                Sum::of("plan_year_budget", p.totals.cxm_initiatives)
                    .when("counts_in", Filter::Is(CountsIn::Cxm.cell())),
            ],
        ),
        Total::new(
            t(Text::CxInitiatives),
            vec![
                Sum::of("plan_year_budget", p.totals.cx_initiatives)
                    .when("counts_in", Filter::Is(CountsIn::Department.cell())),
            ],
        ),
    ];
    if let Some(internal) = p.totals.internal_time {
        totals.push(Total::new(
            t(Text::InternalTime),
            vec![
                Sum::of("internal_cost", internal)
                    .when("kind", Filter::Is(Cell::word("plan", "plan"))),
            ],
        ));
    }
    xlsx::Sheet::from_columns(Text::SheetPlan, &csv_columns(), rows).with_totals(totals)
}

const DASH: &str = "—";

fn opt_days(d: Option<Decimal>, lang: Language) -> String {
    d.map_or_else(|| DASH.to_string(), |d| i18n::decimal(d, lang))
}

fn money(m: Money, p: &Plan, lang: Language) -> String {
    i18n::money(m, &p.currency, lang)
}

/// The text drawn across the table where the line falls.
fn cut_text(p: &Plan, reason: CutReason, lang: Language) -> String {
    let budget = p.budget_cap.map(|cap| {
        let central = if p.central_training == Money::ZERO {
            String::new()
        } else {
            money(p.central_training, p, lang)
        };
        let left = p
            .budget_available
            .map_or_else(String::new, |a| money(a, p, lang));
        (money(cap, p, lang), central, left)
    });
    let capacity = p.capacity_days.map(|c| i18n::days(c, lang));
    match reason {
        CutReason::BudgetCap => i18n::cut_line(budget, None, lang),
        CutReason::Capacity => i18n::cut_line(None, capacity, lang),
        CutReason::BudgetCapAndCapacity => i18n::cut_line(budget, capacity, lang),
    }
}

fn intro(p: &Plan, lang: Language) -> Vec<String> {
    let t = |x| i18n::text(x, lang);
    let mut lines = vec![
        format!("{}: {}", t(Text::PlanYear), p.plan_year),
        format!("{}: {}", t(Text::Currency), p.currency),
    ];
    if let Some(cap) = p.budget_cap {
        lines.push(format!("{}: {}", t(Text::BudgetCap), money(cap, p, lang)));
        lines.push(format!(
            "{}: {}",
            t(Text::CentralTraining),
            money(p.central_training, p, lang)
        ));
        if let Some(a) = p.budget_available {
            lines.push(format!(
                "{}: {}",
                t(Text::BudgetAvailable),
                money(a, p, lang)
            ));
        }
    }
    lines.push(format!(
        "{}: {}",
        t(Text::CxmInitiatives),
        money(p.totals.cxm_initiatives, p, lang)
    ));
    lines.push(format!(
        "{}: {}",
        t(Text::CxmTotal),
        money(p.totals.cxm_total, p, lang)
    ));
    if let Some(i) = p.totals.internal_time {
        lines.push(format!("{}: {}", t(Text::InternalTime), money(i, p, lang)));
    }
    if let Some(c) = p.capacity_days {
        lines.push(format!(
            "{}: {}",
            t(Text::TeamCapacity),
            i18n::decimal(c, lang)
        ));
    }
    lines.push(format!(
        "{}: {}",
        t(Text::PlanEffort),
        i18n::one_place(p.totals.effort_days, lang)
    ));
    match &p.cut_line {
        Some(c) => lines.push(format!(
            "{}: {}/{}, {}, {}",
            t(Text::AboveLine),
            c.above,
            p.initiatives.len(),
            money(p.totals.above_line_budget, p, lang),
            i18n::days(p.totals.above_line_effort, lang)
        )),
        None if p.budget_cap.is_none() && p.capacity_days.is_none() => {
            lines.push(t(Text::NoLimits).to_string());
        }
        None => lines.push(t(Text::NoCutLine).to_string()),
    }
    lines
}

fn opt_priority(n: Option<u32>) -> String {
    n.map_or_else(|| DASH.to_string(), |n| n.to_string())
}

/// A title, or a dash when the initiative has none.
fn opt_title(t: Option<&str>) -> String {
    t.unwrap_or(DASH).to_string()
}

fn opt_owner(o: Option<&str>) -> String {
    o.unwrap_or(DASH).to_string()
}

/// The plan's columns; `with_internal`: the internal time column, shown
/// when the roadmap sets a day rate; `with_updates`: the latest check-in,
/// shown when some line has one; `with_benefit`: the benefit, shown when
/// some initiative has one (an `expected` change of a KPI with a money
/// value).
fn initiative_columns<'a>(
    with_internal: bool,
    with_updates: bool,
    with_benefit: bool,
) -> Columns<'a, PlanLine> {
    Columns::<PlanLine>::new()
        .right(Text::Rank, MAIN, |l, _| l.rank.to_string())
        .left(Text::Id, KEY, |l, _| l.id.clone())
        .text(Text::Title, MAIN, |l, _| opt_title(l.title.as_deref()))
        .right(Text::Priority, DETAIL, |l, _| opt_priority(l.priority))
        .left(Text::Owner, MAIN, |l, _| opt_owner(l.owner.as_deref()))
        .left(Text::Competency, MAIN, |l, lang| {
            i18n::competency_short(l.competency, lang).to_string()
        })
        .left(Text::Area, DETAIL, |l, lang| {
            i18n::area(l.area, lang).to_string()
        })
        .left(Text::Status, DETAIL, |l, lang| {
            i18n::status(l.status, lang).to_string()
        })
        .left(Text::Quarters, MAIN, |l, lang| {
            i18n::quarter_span(&l.quarters, lang)
        })
        .right(Text::EffortDays, DETAIL, |l, lang| {
            opt_days(l.effort_days, lang)
        })
        .right(Text::PlanYearEffort, MAIN, |l, lang| match l.effort_days {
            Some(_) => i18n::one_place(l.plan_year_effort, lang),
            None => DASH.to_string(),
        })
        .right(Text::PlanYearBudget, KEY, |l, lang| {
            i18n::amount(l.plan_year_budget, lang)
        })
        .right(Text::CumulativeBudget, KEY, |l, lang| {
            i18n::amount(l.cumulative_budget, lang)
        })
        .right(Text::CumulativeEffort, MAIN, |l, lang| {
            i18n::one_place(l.cumulative_effort, lang)
        })
        .when(with_internal, |c| {
            c.right(Text::InternalTime, DETAIL, |l, lang| {
                l.internal_cost
                    .map_or_else(|| DASH.to_string(), |m| i18n::amount(m, lang))
            })
        })
        .when(with_updates, |c| {
            c.left(Text::LatestUpdate, DETAIL, |l, lang| {
                l.latest_update
                    .map_or_else(|| DASH.to_string(), |u| i18n::latest_update(&u, lang))
            })
        })
        .when(with_benefit, |c| {
            c.right(Text::Benefit, MAIN, |l, lang| {
                crate::render::budget::benefit_text(&l.benefit, lang)
            })
        })
}

fn initiatives_section(p: &Plan, lang: Language) -> Section {
    let t = |x| i18n::text(x, lang).to_string();
    let title = t(Text::InPriorityOrder);
    if p.initiatives.is_empty() {
        return Section::notes(title, vec![t(Text::EmptyPlan)]);
    }
    let with_updates = p.initiatives.iter().any(|l| l.latest_update.is_some());
    let with_benefit = p
        .initiatives
        .iter()
        .any(|l| l.benefit.benefit_low.is_some());
    let mut table = Table::new(
        initiative_columns(p.day_rate.is_some(), with_updates, with_benefit),
        lang,
    );
    for l in &p.initiatives {
        if let Some(c) = p.cut_line.as_ref().filter(|c| c.first_below == l.id) {
            table.rule(cut_text(p, c.reason, lang));
        }
        table.row(l);
    }
    let mut notes = Vec::new();
    if p.initiatives.iter().any(|l| l.area == Area::Cx) {
        notes.push(t(Text::CxRowsNote));
    }
    notes.extend(crate::render::budget::benefit_notes(
        p.initiatives.iter().map(|l| &l.benefit),
        lang,
    ));
    table.section(title, notes)
}

/// The initiatives below the line that give a `reason`, with it.
fn below_line_reasons_section(p: &Plan, lang: Language) -> Option<Section> {
    reasons_section(p, lang, Text::BelowLineReasons, |l| l.below_line)
}

/// The plan's cancelled and on-hold work (committed, with plan-year cash)
/// that gives a `reason`, with it (SPEC section 7: the reason shows
/// wherever such work is listed).
fn stopped_reasons_section(p: &Plan, lang: Language) -> Option<Section> {
    reasons_section(p, lang, Text::StoppedReasons, |l| {
        matches!(l.status, Status::Cancelled | Status::OnHold)
    })
}

/// The plan lines `which` takes that give a `reason`, with it, under
/// `title`; none when there are none.
fn reasons_section(
    p: &Plan,
    lang: Language,
    title: Text,
    which: fn(&PlanLine) -> bool,
) -> Option<Section> {
    let lines: Vec<&PlanLine> = p
        .initiatives
        .iter()
        .filter(|l| which(l) && l.reason.is_some())
        .collect();
    if lines.is_empty() {
        return None;
    }
    let columns = Columns::<&PlanLine>::new()
        .left(Text::Id, KEY, |l, _| l.id.clone())
        .text(Text::Reason, KEY, |l, _| {
            l.reason.clone().unwrap_or_default()
        });
    let mut t = Table::new(columns, lang);
    t.rows(lines);
    Some(t.section(i18n::text(title, lang).to_string(), Vec::new()))
}

/// A competency's CXM initiatives per quarter, in the plan year and above
/// the line (`None` when the plan does not count the competency).
struct CoverageRow {
    competency: Competency,
    quarters: [usize; 4],
    total: Option<usize>,
    above_line: Option<usize>,
}

fn coverage_section(p: &Plan, lang: Language) -> Section {
    let count = |n: &Option<usize>| n.map_or_else(String::new, |n| n.to_string());
    let columns = Columns::<CoverageRow>::new()
        .text(Text::Competency, KEY, |r, lang| {
            i18n::competency(r.competency, lang).to_string()
        })
        .quarters(MAIN, |r| Some(r.quarters), |n, _| n.to_string())
        .right(Text::Total, KEY, move |r, _| count(&r.total))
        .right(Text::AboveLine, KEY, move |r, _| count(&r.above_line));
    let find =
        |v: &[(Competency, usize)], c: Competency| v.iter().find(|(x, _)| *x == c).map(|(_, n)| *n);
    let mut t = Table::new(columns, lang);
    t.rows(p.coverage_by_quarter.iter().map(|(c, q)| CoverageRow {
        competency: *c,
        quarters: *q,
        total: find(&p.coverage, *c),
        above_line: find(&p.coverage_above_line, *c),
    }));
    t.section(i18n::text(Text::Coverage, lang).to_string(), Vec::new())
}

/// A row of the load table.
enum LoadRow<'a> {
    Member(&'a MemberLoad),
    /// The effort of initiatives no team member owns, and their ids.
    Unowned(Decimal, Vec<String>),
    Team(&'a TeamLoad),
}

fn load_columns<'a>() -> Columns<'a, LoadRow<'a>> {
    let over = |year: bool, quarters: &[u8], lang| {
        if year {
            i18n::text(Text::OverCapacity, lang).to_string()
        } else if !quarters.is_empty() {
            i18n::over_quarters(quarters, lang)
        } else {
            String::new()
        }
    };
    Columns::<LoadRow>::new()
        .text(Text::Member, KEY, |r, lang| match r {
            LoadRow::Member(m) => match &m.name {
                Some(n) => format!("{n} ({})", m.id),
                None => m.id.clone(),
            },
            LoadRow::Unowned(..) => i18n::text(Text::NotOwnedByTeam, lang).to_string(),
            LoadRow::Team(_) => i18n::text(Text::Team, lang).to_string(),
        })
        .right(Text::CapacityDays, MAIN, |r, lang| match r {
            LoadRow::Member(m) => opt_days(m.capacity_days, lang),
            LoadRow::Unowned(..) => String::new(),
            LoadRow::Team(t) => opt_days(t.capacity_days, lang),
        })
        .right(Text::QuarterCapacity, MAIN, |r, lang| match r {
            LoadRow::Member(m) => opt_one_place(m.quarter_capacity_days, lang),
            LoadRow::Unowned(..) => String::new(),
            LoadRow::Team(t) => opt_one_place(t.quarter_capacity_days, lang),
        })
        .quarters(
            MAIN,
            |r| match r {
                LoadRow::Member(m) => Some(m.quarters),
                LoadRow::Unowned(..) => None,
                LoadRow::Team(t) => Some(t.quarters),
            },
            |load, lang| i18n::one_place(*load, lang),
        )
        .right(Text::LoadDays, KEY, |r, lang| match r {
            LoadRow::Member(m) => i18n::one_place(m.load_days, lang),
            LoadRow::Unowned(days, _) => i18n::one_place(*days, lang),
            LoadRow::Team(t) => i18n::one_place(t.load_days, lang),
        })
        .right(Text::AboveLine, MAIN, |r, lang| match r {
            LoadRow::Member(m) => i18n::one_place(m.above_line_days, lang),
            LoadRow::Unowned(..) => String::new(),
            LoadRow::Team(t) => i18n::one_place(t.above_line_days, lang),
        })
        .right(Text::FreeDays, MAIN, |r, lang| match r {
            LoadRow::Member(m) => opt_one_place(m.free_days, lang),
            LoadRow::Unowned(..) => String::new(),
            LoadRow::Team(t) => opt_one_place(t.free_days, lang),
        })
        .left(Text::Note, KEY, move |r, lang| match r {
            LoadRow::Member(m) => over(m.over_capacity, &m.over_quarters, lang),
            LoadRow::Unowned(..) => String::new(),
            LoadRow::Team(t) => over(t.over_capacity, &t.over_quarters, lang),
        })
        .text(Text::Count, DETAIL, |r, _| match r {
            LoadRow::Member(m) => m.initiatives.join(", "),
            LoadRow::Unowned(_, ids) => ids.join(", "),
            LoadRow::Team(_) => String::new(),
        })
}

fn opt_one_place(d: Option<Decimal>, lang: Language) -> String {
    d.map_or_else(|| DASH.to_string(), |d| i18n::one_place(d, lang))
}

fn load_section(p: &Plan, lang: Language) -> Section {
    let mut t = Table::new(load_columns(), lang);
    t.rows(p.load.iter().map(LoadRow::Member));
    let team = &p.team_load;
    if team.unowned_days.0 != 0 {
        let ids: Vec<String> = p
            .initiatives
            .iter()
            .filter(|l| {
                l.owner
                    .as_deref()
                    .is_none_or(|o| !p.load.iter().any(|m| m.id == o))
            })
            .filter(|l| l.plan_year_effort.0 != 0)
            .map(|l| l.id.clone())
            .collect();
        t.row(&LoadRow::Unowned(team.unowned_days, ids));
    }
    t.strong(&LoadRow::Team(team));
    t.section(i18n::text(Text::Load, lang).to_string(), Vec::new())
}

fn maturity_columns<'a>() -> Columns<'a, MaturityLine> {
    let level = |v: Option<u8>| v.map_or_else(|| DASH.to_string(), |v| v.to_string());
    Columns::<MaturityLine>::new()
        .text(Text::Competency, KEY, |m, lang| {
            i18n::competency(m.competency, lang).to_string()
        })
        .left(Text::MaturityLevels, MAIN, move |m, _| {
            format!("{} → {}", level(m.current), level(m.target))
        })
        .text(Text::AddressedBy, MAIN, |m, lang| {
            let ids: Vec<String> = m
                .initiatives
                .iter()
                .map(|id| {
                    if m.below_line.contains(id) {
                        format!("{id} ({})", i18n::text(Text::BelowLine, lang))
                    } else {
                        id.clone()
                    }
                })
                .collect();
            ids.join(", ")
        })
        .left(Text::Note, KEY, |m, lang| {
            // Only a maturity that is to rise needs work above the line.
            let rises = matches!((m.current, m.target), (Some(c), Some(t)) if t > c);
            if rises && !m.addressed {
                i18n::text(Text::NotAddressed, lang).to_string()
            } else {
                String::new()
            }
        })
}

fn maturity_section(p: &Plan, lang: Language) -> Section {
    let mut t = Table::new(maturity_columns(), lang);
    t.rows(&p.maturity);
    t.section(i18n::text(Text::Maturity, lang).to_string(), Vec::new())
}

fn dependencies_section(p: &Plan, lang: Language) -> Option<Section> {
    if p.dependencies.is_empty() {
        return None;
    }
    let columns = Columns::<Dependency>::new()
        .left(Text::InitiativeColumn, KEY, |d, _| d.id.clone())
        .left(Text::DependsOn, KEY, |d, _| d.depends_on.clone())
        .left(Text::Note, MAIN, |d, lang| {
            let note = match d.state {
                DependencyState::AboveLine => return String::new(),
                DependencyState::BelowLine => Text::BelowLine,
                DependencyState::Done => Text::Done,
                DependencyState::NotInPlan => Text::NotInPlan,
                DependencyState::Unknown => Text::UnknownId,
            };
            i18n::text(note, lang).to_string()
        });
    let mut t = Table::new(columns, lang);
    t.rows(&p.dependencies);
    let notes = p
        .below_line_dependencies
        .iter()
        .map(|b| i18n::below_line_dependency(&b.id, &b.dependents, lang))
        .collect();
    Some(t.section(i18n::text(Text::Dependencies, lang).to_string(), notes))
}

fn backlog_section(p: &Plan, lang: Language) -> Option<Section> {
    if p.backlog.is_empty() {
        return None;
    }
    let columns = Columns::<BacklogItem>::new()
        .left(Text::Id, KEY, |b, _| b.id.clone())
        .text(Text::Title, MAIN, |b, _| opt_title(b.title.as_deref()))
        .right(Text::Priority, MAIN, |b, _| opt_priority(b.priority))
        .left(Text::Owner, MAIN, |b, _| opt_owner(b.owner.as_deref()))
        .left(Text::Competency, MAIN, |b, lang| {
            i18n::competency_short(b.competency, lang).to_string()
        })
        .left(Text::Area, DETAIL, |b, lang| {
            i18n::area(b.area, lang).to_string()
        })
        .right(Text::EffortDays, MAIN, |b, lang| {
            opt_days(b.effort_days, lang)
        })
        .right(Text::Budget, KEY, |b, lang| {
            b.budget
                .map_or_else(|| DASH.to_string(), |m| i18n::amount(m, lang))
        })
        .text(Text::Reason, DETAIL, |b, _| {
            b.reason.clone().unwrap_or_default()
        });
    let mut t = Table::new(columns, lang);
    t.rows(&p.backlog);
    Some(t.section(i18n::text(Text::Backlog, lang).to_string(), Vec::new()))
}

fn doc(p: &Plan, lang: Language) -> Doc {
    let mut sections = vec![initiatives_section(p, lang)];
    sections.extend(below_line_reasons_section(p, lang));
    sections.extend(stopped_reasons_section(p, lang));
    sections.extend([
        coverage_section(p, lang),
        load_section(p, lang),
        maturity_section(p, lang),
    ]);
    sections.extend(dependencies_section(p, lang));
    sections.extend(backlog_section(p, lang));
    Doc {
        title: format!("{} {}", i18n::text(Text::PlanTitle, lang), p.plan_year),
        lines: intro(p, lang),
        sections,
    }
}

#[cfg(test)]
mod tests;
