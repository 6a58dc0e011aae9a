//! The plan (`cxm plan`, SPEC sections 3 and 6): the plan year's
//! initiatives in priority order with cumulative budget and effort, the cut
//! line where the budget cap or the team's capacity runs out, and around it
//! coverage, load per team member, maturity, dependencies and the backlog.
//! Pure: built from the roadmap and the [`Budget`], whose plan-year figures
//! it takes as they are; renderers only lay it out.
//!
//! The cut line is SPEC section 6's (rev. 2), to the letter: the walk takes
//! first what is committed — `done`, `cancelled` (and `on-hold`, SPEC
//! section 13) plan-year work, then `in-progress` — then `planned` work;
//! within each group priority ascending, no priority last, ties by id. The
//! cumulative budget adds the plan-year budgets of area `cxm` only (`cx`
//! work is paid by departments), the cumulative effort adds the plan-year
//! effort (section 4 *Effort*, [`crate::effort`]) of initiatives whose
//! `owner` is a `[[team]]` member. The first `planned` initiative whose
//! cumulative budget exceeds `budget_cap − central training`, or whose
//! cumulative effort exceeds the team's total `capacity_days`, and every
//! `planned` initiative after it, are below the line, except those that
//! draw on neither (area `cx` with no team owner). Committed work is never
//! below the line.
//!
//! Decisions where the SPEC is silent:
//! - ids order by bytes; the backlog of ideas is listed in plan order
//!   (priority, then id);
//! - a missing `effort_days` adds nothing to the cumulative effort (W003
//!   says so where it matters);
//! - `cumulative_effort`, `plan_year_effort`, the load and the totals'
//!   effort are exact fractions rounded to one decimal only when shown;
//!   the comparisons with capacity are exact;
//! - `effort_days` stays the whole estimate; `plan_year_effort` is its
//!   plan-year share, and only team-owned work counts in the cumulative
//!   effort, the load and the totals' `effort_days` (their plan-year
//!   effort);
//! - the cut line's `above` counts the initiatives above the line (with
//!   any team-less `cx` work after it); `first_below` is the first below;
//! - the team's capacity is the sum of the `capacity_days` that are given;
//!   with none given there is no capacity and no line on that count;
//! - when central training alone uses up the cap, what is left is negative
//!   and the first planned initiative is already below the line;
//! - the walk's groups: `done`, `cancelled` and `on-hold` first (one
//!   group, so they sort among themselves by priority, then id), then
//!   `in-progress`, then `planned`;
//! - committed work over the cap or capacity does not move the line onto
//!   itself: the first *planned* initiative (that draws on the cap or the
//!   team) past a limit is where the line falls; E010 and W009 speak for
//!   the committed overrun;
//! - a `cxm` initiative without a team owner still draws on the cap and can
//!   fall below the line; a team-owned `cx` initiative (a time eater, W008)
//!   draws on the team and can too;
//! - `reason` is carried on every plan line and backlog item (JSON, CSV);
//!   the table lists the reasons of the initiatives below the line in a
//!   section of their own under the plan (a column would widen the widest
//!   table for a few rows), then those of the cancelled and on-hold plan
//!   lines in another (SPEC section 7), and the backlog has a reason
//!   column;
//! - `team_owned` on each line says whether its effort takes team days;
//! - the plan shows internal time too (SPEC section 4: plan-year reports),
//!   per line (`internal_cost`, as the budget has it) and in total, taken
//!   from the budget; the table column appears only with a `day_rate`;
//! - "quarters touched" are the plan-year quarters that `[start, end]` has
//!   days in; a budget of 0 still touches them;
//! - load counts the plan-year effort each team member owns, both areas,
//!   like W009, per quarter (each quarter's share of an initiative's days,
//!   SPEC section 13, against a quarter of the member's `capacity_days`,
//!   compared exactly) and for the year; `over_quarters` lists the
//!   quarters over their quarter of capacity; effort of initiatives owned
//!   by no team member shows apart and counts nowhere;
//! - maturity lists each competency's `cxm` plan initiatives, marking those
//!   below the line; a competency is `addressed` when one of them is above;
//! - a backlog idea without quotes or fixed cost has budget `null`;
//! - `cx` initiatives stay in the list, with their plan-year budget shown
//!   (their department pays it), in their place in the walk; their effort
//!   counts only when a team member owns them;
//! - the line is not a best fit: an initiative below it may be small enough
//!   to fit on its own, but SPEC puts everything after the first that does
//!   not fit below, and finishing fewer initiatives is the point;
//! - central training comes off the cap even when it alone exceeds it;
//! - besides SPEC's keys the JSON carries the cut line (`null` without
//!   one), `coverage_by_quarter`, `coverage_above_line`, `load`,
//!   `team_load`, `maturity`, `dependencies`, `below_line_dependencies` and
//!   `totals`, so a tool sees what the table shows.

use crate::budget::{Budget, BudgetError, period_days};
use crate::effort::{self, Effort, Scale, YearEffort};
use crate::money::{Decimal, Money};
use crate::money_json as mj;
use crate::roadmap::{Area, Choice, Competency, Roadmap, Status};
use chrono::NaiveDate;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

/// The plan report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Plan {
    pub currency: String,
    pub plan_year: i32,
    #[serde(serialize_with = "mj::opt_money")]
    pub budget_cap: Option<Money>,
    /// Central training of the plan year: it comes off the cap first.
    #[serde(serialize_with = "mj::money")]
    pub central_training: Money,
    /// `budget_cap − central_training`: what the cap leaves for initiatives.
    #[serde(serialize_with = "mj::opt_money")]
    pub budget_available: Option<Money>,
    /// The internal cost of one person-day; `null` without `day_rate`.
    #[serde(serialize_with = "mj::opt_money")]
    pub day_rate: Option<Money>,
    /// The team's total `capacity_days`; `null` when no member gives one.
    #[serde(serialize_with = "mj::opt_decimal")]
    pub capacity_days: Option<Decimal>,
    /// The plan's initiatives (both areas) in plan order.
    pub initiatives: Vec<PlanLine>,
    /// `null`: everything fits (or there is neither cap nor capacity).
    pub cut_line: Option<CutLine>,
    pub totals: PlanTotals,
    /// Competency -> number of `cxm` plan initiatives.
    #[serde(serialize_with = "count_map")]
    pub coverage: Vec<(Competency, usize)>,
    /// Competency -> `cxm` plan initiatives touching Q1..Q4.
    #[serde(serialize_with = "quarter_map")]
    pub coverage_by_quarter: Vec<(Competency, [usize; 4])>,
    /// Competency -> `cxm` plan initiatives above the line.
    #[serde(serialize_with = "count_map")]
    pub coverage_above_line: Vec<(Competency, usize)>,
    /// Per team member, in file order.
    pub load: Vec<MemberLoad>,
    pub team_load: TeamLoad,
    /// All four competencies in order.
    pub maturity: Vec<MaturityLine>,
    /// Every `depends_on` of a plan initiative, in plan order.
    pub dependencies: Vec<Dependency>,
    /// Initiatives below the line that plan initiatives depend on.
    pub below_line_dependencies: Vec<BelowLineDependency>,
    pub backlog: Vec<BacklogItem>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlanLine {
    /// 1-based position in plan order.
    pub rank: usize,
    pub id: String,
    pub title: Option<String>,
    pub priority: Option<u32>,
    pub owner: Option<String>,
    pub competency: Competency,
    pub area: Area,
    pub department: Option<String>,
    pub status: Status,
    #[serde(serialize_with = "mj::opt_date")]
    pub start: Option<NaiveDate>,
    #[serde(serialize_with = "mj::opt_date")]
    pub end: Option<NaiveDate>,
    /// Plan-year quarters (1–4) that `[start, end]` has days in.
    pub quarters: Vec<u8>,
    #[serde(serialize_with = "mj::opt_decimal")]
    pub effort_days: Option<Decimal>,
    /// `effort_days` prorated to the days in the plan year, one decimal.
    #[serde(serialize_with = "effort::json_one_place")]
    pub plan_year_effort: Decimal,
    /// Whether `owner` is a `[[team]]` member: only then does the effort
    /// take the team's days.
    pub team_owned: bool,
    #[serde(serialize_with = "mj::money")]
    pub plan_year_budget: Money,
    /// Σ plan-year budgets of the `cxm` initiatives up to this one.
    #[serde(serialize_with = "mj::money")]
    pub cumulative_budget: Money,
    /// Σ exact plan-year effort of the team-owned initiatives up to this
    /// one, rounded to one decimal.
    #[serde(serialize_with = "effort::json_one_place")]
    pub cumulative_effort: Decimal,
    pub below_line: bool,
    /// `plan_year_effort × day_rate` of team-owned work, rounded once
    /// (SPEC section 4); `null` without a day rate, effort or team owner.
    #[serde(serialize_with = "mj::opt_money")]
    pub internal_cost: Option<Money>,
    /// Why it is below the line (or on hold, cancelled), from the file.
    pub reason: Option<String>,
    pub depends_on: Vec<String>,
    /// The latest check-in on or before `as_of` (SPEC section 9), `null`
    /// without one.
    pub latest_update: Option<crate::roadmap::LatestUpdate>,
    /// The exact plan-year effort and its quarters (not shown as such).
    #[serde(skip)]
    pub effort: YearEffort,
    /// What its `expected` KPI changes are worth a year (SPEC section 8).
    #[serde(flatten)]
    pub benefit: crate::benefit::Benefit,
}

/// Why the line falls where it does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CutReason {
    BudgetCap,
    Capacity,
    BudgetCapAndCapacity,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CutLine {
    /// The first initiative below the line.
    pub first_below: String,
    /// The last initiative above it; `null` when nothing fits.
    pub last_above: Option<String>,
    /// How many initiatives are above the line.
    pub above: usize,
    pub reason: CutReason,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct PlanTotals {
    /// Σ plan-year budgets of the `cxm` plan initiatives.
    #[serde(serialize_with = "mj::money")]
    pub cxm_initiatives: Money,
    /// `cxm_initiatives + central_training`: the CXM total of the budget.
    #[serde(serialize_with = "mj::money")]
    pub cxm_total: Money,
    /// Σ plan-year budgets of the `cx` plan initiatives (departments pay).
    #[serde(serialize_with = "mj::money")]
    pub cx_initiatives: Money,
    #[serde(serialize_with = "mj::decimal")]
    pub effort_days: Decimal,
    /// The `cxm` plan-year budget above the line.
    #[serde(serialize_with = "mj::money")]
    pub above_line_budget: Money,
    #[serde(serialize_with = "mj::decimal")]
    pub above_line_effort: Decimal,
    /// Σ internal cost of the plan lines; `null` without `day_rate`. Never
    /// part of the cash figures.
    #[serde(serialize_with = "mj::opt_money")]
    pub internal_time: Option<Money>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MemberLoad {
    pub id: String,
    pub name: Option<String>,
    #[serde(serialize_with = "mj::opt_decimal")]
    pub capacity_days: Option<Decimal>,
    /// Plan-year effort of the plan initiatives this member owns, one
    /// decimal.
    #[serde(serialize_with = "mj::decimal")]
    pub load_days: Decimal,
    /// That effort per quarter (one decimal each).
    #[serde(serialize_with = "one_place_seq")]
    pub quarters: [Decimal; 4],
    /// A quarter of `capacity_days`, one decimal.
    #[serde(serialize_with = "mj::opt_decimal")]
    pub quarter_capacity_days: Option<Decimal>,
    /// Quarters (1–4) whose load exceeds a quarter of the capacity.
    pub over_quarters: Vec<u8>,
    #[serde(serialize_with = "mj::decimal")]
    pub above_line_days: Decimal,
    /// `capacity − load`; negative when overloaded.
    #[serde(serialize_with = "mj::opt_decimal")]
    pub free_days: Option<Decimal>,
    pub over_capacity: bool,
    pub initiatives: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TeamLoad {
    #[serde(serialize_with = "mj::opt_decimal")]
    pub capacity_days: Option<Decimal>,
    /// Plan-year effort of the team-owned plan initiatives.
    #[serde(serialize_with = "mj::decimal")]
    pub load_days: Decimal,
    /// That effort per quarter (one decimal each).
    #[serde(serialize_with = "one_place_seq")]
    pub quarters: [Decimal; 4],
    /// A quarter of the team's capacity, one decimal.
    #[serde(serialize_with = "mj::opt_decimal")]
    pub quarter_capacity_days: Option<Decimal>,
    /// Quarters (1–4) whose load exceeds a quarter of the capacity.
    pub over_quarters: Vec<u8>,
    #[serde(serialize_with = "mj::decimal")]
    pub above_line_days: Decimal,
    /// Plan-year effort of plan initiatives owned by no team member: it
    /// takes none of the team's days.
    #[serde(serialize_with = "mj::decimal")]
    pub unowned_days: Decimal,
    #[serde(serialize_with = "mj::opt_decimal")]
    pub free_days: Option<Decimal>,
    pub over_capacity: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MaturityLine {
    pub competency: Competency,
    pub current: Option<u8>,
    pub target: Option<u8>,
    /// The competency's `cxm` plan initiatives, in plan order.
    pub initiatives: Vec<String>,
    /// Those of them below the line.
    pub below_line: Vec<String>,
    /// Whether one of them is above the line.
    pub addressed: bool,
}

/// Where a dependency stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DependencyState {
    AboveLine,
    BelowLine,
    /// Not in the plan, but done: nothing to wait for.
    Done,
    /// Not in the plan and not done (on hold, an idea, cancelled, or not in
    /// the plan year).
    NotInPlan,
    /// No initiative has this id (E005 reports it).
    Unknown,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Dependency {
    pub id: String,
    pub depends_on: String,
    pub state: DependencyState,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BelowLineDependency {
    /// An initiative below the line…
    pub id: String,
    /// …that these plan initiatives depend on.
    pub dependents: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BacklogItem {
    pub id: String,
    pub title: Option<String>,
    pub priority: Option<u32>,
    pub owner: Option<String>,
    pub competency: Competency,
    pub area: Area,
    #[serde(serialize_with = "mj::opt_decimal")]
    pub effort_days: Option<Decimal>,
    #[serde(serialize_with = "mj::opt_money")]
    pub budget: Option<Money>,
    /// Why it is an idea, from the file.
    pub reason: Option<String>,
}

fn one_place_seq<S: Serializer>(v: &[Decimal; 4], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let mut seq = s.serialize_seq(Some(v.len()))?;
    for d in v {
        seq.serialize_element(&d.fixed(1))?;
    }
    seq.end()
}

fn count_map<S: Serializer>(v: &[(Competency, usize)], s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(v.len()))?;
    for (c, n) in v {
        map.serialize_entry(c.as_str(), n)?;
    }
    map.end()
}

fn quarter_map<S: Serializer>(v: &[(Competency, [usize; 4])], s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(v.len()))?;
    for (c, n) in v {
        map.serialize_entry(c.as_str(), n)?;
    }
    map.end()
}

/// Plan order: priority ascending, no priority last, ties by id.
pub(crate) fn plan_order(a: (Option<u32>, &str), b: (Option<u32>, &str)) -> Ordering {
    let key = |p: Option<u32>| (p.is_none(), p);
    key(a.0).cmp(&key(b.0)).then_with(|| a.1.cmp(b.1))
}

/// Which group of the walk a status falls in: committed work first
/// (`done`, `cancelled`, `on-hold`), then `in-progress`, then `planned`.
pub(crate) fn walk_group(status: Status) -> u8 {
    match status {
        Status::Done | Status::Cancelled | Status::OnHold => 0,
        Status::InProgress => 1,
        Status::Planned | Status::Idea => 2,
    }
}

/// One initiative as the walk sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Step {
    /// The plan-year budget when it is `cxm` money, else zero.
    pub budget: Money,
    /// The plan-year effort when the team owns it, else zero.
    pub effort: Effort,
    /// Whether it may fall below the line: `planned` work that draws on
    /// the cap or the team (not team-less `cx` work).
    pub may_cut: bool,
}

/// The walk down the plan: the cumulative budget and effort after each
/// initiative, where the line falls (the index of the first initiative
/// below it) and why, and which initiatives are below it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Walk {
    pub cumulative: Vec<(Money, Effort)>,
    pub line: Option<(usize, CutReason)>,
    pub below: Vec<bool>,
}

/// Walks the steps in plan order against what the cap leaves and the
/// team's capacity. `None` on overflow.
pub(crate) fn cut(
    steps: &[Step],
    available: Option<Money>,
    capacity: Option<&Effort>,
) -> Option<Walk> {
    let mut cum_b = Money::ZERO;
    let mut cum_e = Effort::zero();
    let mut cumulative = Vec::with_capacity(steps.len());
    let mut below = Vec::with_capacity(steps.len());
    let mut line = None;
    for (i, step) in steps.iter().enumerate() {
        cum_b = cum_b.checked_add(step.budget)?;
        cum_e = cum_e.checked_add(&step.effort)?;
        cumulative.push((cum_b, cum_e.clone()));
        if line.is_none() && step.may_cut {
            let over_budget = available.is_some_and(|a| cum_b > a);
            let over_capacity = match capacity {
                Some(c) => cum_e.exceeds(c)?,
                None => false,
            };
            line = match (over_budget, over_capacity) {
                (true, true) => Some((i, CutReason::BudgetCapAndCapacity)),
                (true, false) => Some((i, CutReason::BudgetCap)),
                (false, true) => Some((i, CutReason::Capacity)),
                (false, false) => None,
            };
        }
        below.push(line.is_some() && step.may_cut);
    }
    Some(Walk {
        cumulative,
        line,
        below,
    })
}

/// Builds the plan of the budget's plan year. Only a sum too large to
/// compute exactly is an error.
pub fn build(r: &Roadmap, b: &Budget) -> Result<Plan, BudgetError> {
    let overflow = || BudgetError::Overflow { span: r.meta.span };
    let year = b.plan_year;
    let central = b.totals.central_training.plan_year_budget;
    let available = match b.budget_cap {
        Some(cap) => Some(cap.checked_sub(central).ok_or_else(overflow)?),
        None => None,
    };
    let capacity = team_capacity(r).ok_or_else(overflow)?;

    let team = effort::team_ids(r);

    let sorted = walk_order(b);
    let scale = Scale::new(
        sorted
            .iter()
            .filter_map(|l| effort::span_days(l.header.start, l.header.end)),
    );
    let (steps, efforts) = steps(&sorted, &scale, &team, year).ok_or_else(overflow)?;
    let Walk {
        cumulative,
        line: cut_at,
        below,
    } = cut(
        &steps,
        available,
        capacity.and_then(|c| scale.whole(c)).as_ref(),
    )
    .ok_or_else(overflow)?;

    // Lookups by id, so that a roadmap of many initiatives stays linear. A
    // duplicate id is E004, a data error: reports never see one.
    let by_id: HashMap<&str, &crate::roadmap::Initiative> = r
        .initiatives
        .iter()
        .map(|x| (x.id_str(), x))
        .rev()
        .collect();
    let walked = Walked {
        cumulative,
        below,
        efforts,
    };
    let lines = plan_lines(&sorted, walked, (year, b.as_of), &by_id).ok_or_else(overflow)?;
    let cut_line = cut_at.and_then(|(i, reason)| {
        Some(CutLine {
            first_below: lines.get(i)?.id.clone(),
            last_above: i
                .checked_sub(1)
                .and_then(|j| lines.get(j))
                .map(|l| l.id.clone()),
            above: lines.iter().filter(|l| !l.below_line).count(),
            reason,
        })
    });

    let mut totals = totals(&lines, central).ok_or_else(overflow)?;
    totals.internal_time = b.totals.internal_time;
    let (coverage, coverage_by_quarter, coverage_above_line) = coverage(&lines);
    let (load, team_load) = load(r, &lines, capacity).ok_or_else(overflow)?;
    let maturity = maturity(r, &lines);
    let (dependencies, below_line_dependencies) = dependencies(&by_id, &lines);

    let backlog = backlog(b, &by_id);

    Ok(Plan {
        currency: b.currency.clone(),
        plan_year: year,
        budget_cap: b.budget_cap,
        central_training: central,
        budget_available: available,
        day_rate: b.day_rate,
        capacity_days: capacity,
        initiatives: lines,
        cut_line,
        totals,
        coverage,
        coverage_by_quarter,
        coverage_above_line,
        load,
        team_load,
        maturity,
        dependencies,
        below_line_dependencies,
        backlog,
    })
}

/// The budget's plan lines in the order of the walk (SPEC section 6, rev.
/// 2): committed work first, then planned work, each by priority, then id.
fn walk_order(b: &Budget) -> Vec<&crate::budget::InitiativeLine> {
    let mut sorted: Vec<&crate::budget::InitiativeLine> = b.initiatives.iter().collect();
    sorted.sort_by(|x, y| {
        walk_group(x.header.status)
            .cmp(&walk_group(y.header.status))
            .then_with(|| {
                plan_order(
                    (x.header.priority, &x.header.id),
                    (y.header.priority, &y.header.id),
                )
            })
    });
    sorted
}

/// A line's plan-year effort, and whether the team owns it.
type LineEffort = (YearEffort, bool);

/// Each line's step of the walk (what it draws on the cap and the team,
/// and whether it may be cut), with its plan-year effort and whether the
/// team owns it; `None` on overflow.
fn steps(
    sorted: &[&crate::budget::InitiativeLine],
    scale: &Scale,
    team: &std::collections::HashSet<&str>,
    year: i32,
) -> Option<(Vec<Step>, Vec<LineEffort>)> {
    let mut efforts = Vec::with_capacity(sorted.len());
    let mut steps = Vec::with_capacity(sorted.len());
    for l in sorted {
        let h = &l.header;
        let e = match h.effort_days {
            Some(d) => effort::year_effort(scale, d, h.start, h.end, year)?,
            None => YearEffort::default(),
        };
        let team_owned = effort::team_owned(h.owner.as_deref(), team);
        steps.push(Step {
            budget: if h.area == Area::Cxm {
                l.plan_year_budget
            } else {
                Money::ZERO
            },
            effort: if team_owned {
                e.plan_year.clone()
            } else {
                Effort::zero()
            },
            may_cut: h.status == Status::Planned && (h.area == Area::Cxm || team_owned),
        });
        efforts.push((e, team_owned));
    }
    Some((steps, efforts))
}

/// The team's capacity in person-days: the sum of the `capacity_days`
/// given, `None` when no member gives one (`Some(None)`), or `None` on an
/// overflow.
fn team_capacity(r: &Roadmap) -> Option<Option<Decimal>> {
    let mut capacity: Option<Decimal> = None;
    for c in r.team.iter().filter_map(|m| m.capacity_days.as_ref()) {
        capacity = Some(capacity.unwrap_or(Decimal::ZERO).checked_add(c.value)?);
    }
    Some(capacity)
}

/// What the walk gives each line, in plan order.
struct Walked {
    cumulative: Vec<(Money, Effort)>,
    below: Vec<bool>,
    efforts: Vec<(YearEffort, bool)>,
}

/// The plan's lines in plan order, with their running totals and whether
/// they fall below the cut line. `None` on overflow.
fn plan_lines(
    sorted: &[&crate::budget::InitiativeLine],
    walked: Walked,
    (year, as_of): (i32, NaiveDate),
    by_id: &HashMap<&str, &crate::roadmap::Initiative>,
) -> Option<Vec<PlanLine>> {
    let mut lines = Vec::with_capacity(sorted.len());
    let rows = sorted
        .iter()
        .zip(walked.cumulative)
        .zip(walked.below)
        .zip(walked.efforts);
    for (i, (((l, (cum_b, cum_e)), below_line), (effort, team_owned))) in rows.enumerate() {
        let h = &l.header;
        let quarters = match (h.start, h.end) {
            (Some(s), Some(e)) => period_days(s, e, year)
                .map(|d| {
                    (1u8..=4)
                        .zip(d.iter().skip(1))
                        .filter(|(_, days)| **days > 0)
                        .map(|(q, _)| q)
                        .collect()
                })
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        let ini = by_id.get(h.id.as_str());
        let depends_on = ini
            .map(|x| x.depends_on.iter().map(|d| d.value.clone()).collect())
            .unwrap_or_default();
        lines.push(PlanLine {
            rank: i + 1,
            id: h.id.clone(),
            title: h.title.clone(),
            priority: h.priority,
            owner: h.owner.clone(),
            competency: h.competency,
            area: h.area,
            department: h.department.clone(),
            status: h.status,
            start: h.start,
            end: h.end,
            quarters,
            effort_days: h.effort_days,
            plan_year_effort: effort.plan_year.one_place()?,
            team_owned,
            plan_year_budget: l.plan_year_budget,
            cumulative_budget: cum_b,
            cumulative_effort: cum_e.one_place()?,
            below_line,
            internal_cost: h.internal_cost,
            reason: ini.and_then(|x| x.reason.as_ref().map(|r| r.value.clone())),
            depends_on,
            latest_update: ini.and_then(|x| x.latest_update(as_of)),
            effort,
            benefit: (*l.benefit).clone(),
        });
    }
    Some(lines)
}

/// Ideas and other work outside the plan, in plan order.
fn backlog(b: &Budget, by_id: &HashMap<&str, &crate::roadmap::Initiative>) -> Vec<BacklogItem> {
    let mut backlog: Vec<BacklogItem> = b
        .backlog
        .iter()
        .map(|l| BacklogItem {
            id: l.header.id.clone(),
            title: l.header.title.clone(),
            priority: l.header.priority,
            owner: l.header.owner.clone(),
            competency: l.header.competency,
            area: l.header.area,
            effort_days: l.header.effort_days,
            budget: l.figures.known_budget(),
            reason: by_id
                .get(l.header.id.as_str())
                .and_then(|x| x.reason.as_ref().map(|r| r.value.clone())),
        })
        .collect();
    backlog.sort_by(|x, y| plan_order((x.priority, &x.id), (y.priority, &y.id)));
    backlog
}

fn totals(lines: &[PlanLine], central: Money) -> Option<PlanTotals> {
    let mut t = PlanTotals {
        cxm_initiatives: Money::ZERO,
        cxm_total: Money::ZERO,
        cx_initiatives: Money::ZERO,
        effort_days: Decimal::ZERO,
        above_line_budget: Money::ZERO,
        above_line_effort: Decimal::ZERO,
        internal_time: None,
    };
    let mut effort = Effort::zero();
    let mut above_effort = Effort::zero();
    for l in lines {
        match l.area {
            Area::Cxm => t.cxm_initiatives = t.cxm_initiatives.checked_add(l.plan_year_budget)?,
            Area::Cx => t.cx_initiatives = t.cx_initiatives.checked_add(l.plan_year_budget)?,
        }
        if !l.below_line && l.area == Area::Cxm {
            t.above_line_budget = t.above_line_budget.checked_add(l.plan_year_budget)?;
        }
        if l.team_owned {
            effort = effort.checked_add(&l.effort.plan_year)?;
            if !l.below_line {
                above_effort = above_effort.checked_add(&l.effort.plan_year)?;
            }
        }
    }
    t.effort_days = effort.one_place()?;
    t.above_line_effort = above_effort.one_place()?;
    t.cxm_total = t.cxm_initiatives.checked_add(central)?;
    Some(t)
}

type Coverage = (
    Vec<(Competency, usize)>,
    Vec<(Competency, [usize; 4])>,
    Vec<(Competency, usize)>,
);

fn coverage(lines: &[PlanLine]) -> Coverage {
    let cxm = |c: Competency| {
        lines
            .iter()
            .filter(move |l| l.area == Area::Cxm && l.competency == c)
    };
    let total = Competency::ALL
        .iter()
        .map(|&c| (c, cxm(c).count()))
        .collect();
    let by_quarter = Competency::ALL
        .iter()
        .map(|&c| {
            let mut q = [0usize; 4];
            for l in cxm(c) {
                for n in &l.quarters {
                    if let Some(slot) = q.get_mut(usize::from(*n).wrapping_sub(1)) {
                        *slot += 1;
                    }
                }
            }
            (c, q)
        })
        .collect();
    let above = Competency::ALL
        .iter()
        .map(|&c| (c, cxm(c).filter(|l| !l.below_line).count()))
        .collect();
    (total, by_quarter, above)
}

/// Effort summed for the year and per quarter, exact.
#[derive(Clone, Default)]
struct Sum {
    year: Effort,
    above: Effort,
    quarters: [Effort; 4],
}

impl Sum {
    fn add(&mut self, l: &PlanLine) -> Option<()> {
        self.year = self.year.checked_add(&l.effort.plan_year)?;
        if !l.below_line {
            self.above = self.above.checked_add(&l.effort.plan_year)?;
        }
        for (q, e) in self.quarters.iter_mut().zip(&l.effort.quarters) {
            *q = q.checked_add(e)?;
        }
        Some(())
    }

    fn quarters(&self) -> Option<[Decimal; 4]> {
        let [a, b, c, d] = &self.quarters;
        Some([
            a.one_place()?,
            b.one_place()?,
            c.one_place()?,
            d.one_place()?,
        ])
    }

    /// The quarters (1–4) whose load exceeds a quarter of `capacity`.
    fn over_quarters(&self, capacity: Option<Decimal>) -> Option<Vec<u8>> {
        let Some(c) = capacity else {
            return Some(Vec::new());
        };
        let quarter = Effort::from_decimal(c).share(1, 4)?;
        let mut over = Vec::new();
        for (n, q) in (1u8..=4).zip(&self.quarters) {
            if q.exceeds(&quarter)? {
                over.push(n);
            }
        }
        Some(over)
    }
}

/// A quarter of `capacity`, one decimal.
fn quarter_of(capacity: Option<Decimal>) -> Option<Option<Decimal>> {
    match capacity {
        Some(c) => Some(Some(Effort::from_decimal(c).share(1, 4)?.one_place()?)),
        None => Some(None),
    }
}

fn load(
    r: &Roadmap,
    lines: &[PlanLine],
    capacity: Option<Decimal>,
) -> Option<(Vec<MemberLoad>, TeamLoad)> {
    let mut owned: HashMap<&str, Vec<&PlanLine>> = HashMap::new();
    for l in lines {
        if let Some(o) = &l.owner {
            owned.entry(o.as_str()).or_default().push(l);
        }
    }
    let mut members: Vec<MemberLoad> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for m in &r.team {
        let Some(id) = &m.id else { continue };
        if !seen.insert(id.value.as_str()) {
            continue;
        }
        let cap = m.capacity_days.as_ref().map(|c| c.value);
        let mut sum = Sum::default();
        let mut initiatives = Vec::new();
        for l in owned.get(id.value.as_str()).into_iter().flatten() {
            sum.add(l)?;
            initiatives.push(l.id.clone());
        }
        let free_days = match cap {
            Some(c) => Some(
                Effort::from_decimal(c)
                    .checked_sub(&sum.year)?
                    .one_place()?,
            ),
            None => None,
        };
        let over_capacity = match cap {
            Some(c) => sum.year.exceeds(&Effort::from_decimal(c))?,
            None => false,
        };
        members.push(MemberLoad {
            id: id.value.clone(),
            name: m.name.as_ref().map(|n| n.value.clone()),
            capacity_days: cap,
            load_days: sum.year.one_place()?,
            quarters: sum.quarters()?,
            quarter_capacity_days: quarter_of(cap)?,
            over_quarters: sum.over_quarters(cap)?,
            above_line_days: sum.above.one_place()?,
            free_days,
            over_capacity,
            initiatives,
        });
    }
    let mut team = Sum::default();
    let mut unowned = Effort::zero();
    for l in lines {
        if l.team_owned {
            team.add(l)?;
        } else {
            unowned = unowned.checked_add(&l.effort.plan_year)?;
        }
    }
    let (free_days, over_capacity) = match capacity {
        Some(c) => {
            let c = Effort::from_decimal(c);
            (
                Some(c.checked_sub(&team.year)?.one_place()?),
                team.year.exceeds(&c)?,
            )
        }
        None => (None, false),
    };
    let team_load = TeamLoad {
        capacity_days: capacity,
        load_days: team.year.one_place()?,
        quarters: team.quarters()?,
        quarter_capacity_days: quarter_of(capacity)?,
        over_quarters: team.over_quarters(capacity)?,
        above_line_days: team.above.one_place()?,
        unowned_days: unowned.one_place()?,
        free_days,
        over_capacity,
    };
    Some((members, team_load))
}

fn maturity(r: &Roadmap, lines: &[PlanLine]) -> Vec<MaturityLine> {
    Competency::ALL
        .iter()
        .map(|&c| {
            let m = r.maturity.iter().find(|m| m.competency.value == c);
            let mine: Vec<&PlanLine> = lines
                .iter()
                .filter(|l| l.area == Area::Cxm && l.competency == c)
                .collect();
            MaturityLine {
                competency: c,
                current: m.and_then(|m| m.current.as_ref().map(|v| v.value)),
                target: m.and_then(|m| m.target.as_ref().map(|v| v.value)),
                initiatives: mine.iter().map(|l| l.id.clone()).collect(),
                below_line: mine
                    .iter()
                    .filter(|l| l.below_line)
                    .map(|l| l.id.clone())
                    .collect(),
                addressed: mine.iter().any(|l| !l.below_line),
            }
        })
        .collect()
}

fn dependencies(
    by_id: &HashMap<&str, &crate::roadmap::Initiative>,
    lines: &[PlanLine],
) -> (Vec<Dependency>, Vec<BelowLineDependency>) {
    let in_plan: HashMap<&str, &PlanLine> = lines.iter().map(|l| (l.id.as_str(), l)).collect();
    let mut dependents: HashMap<&str, Vec<String>> = HashMap::new();
    let mut deps = Vec::new();
    for l in lines {
        for d in &l.depends_on {
            let list = dependents.entry(d.as_str()).or_default();
            if !list.contains(&l.id) {
                list.push(l.id.clone());
            }
            let state = match in_plan.get(d.as_str()) {
                Some(x) if x.below_line => DependencyState::BelowLine,
                Some(_) => DependencyState::AboveLine,
                None => match by_id
                    .get(d.as_str())
                    .map(|x| x.status.as_ref().map(|s| s.value))
                {
                    Some(Some(Status::Done)) => DependencyState::Done,
                    Some(_) => DependencyState::NotInPlan,
                    None => DependencyState::Unknown,
                },
            };
            deps.push(Dependency {
                id: l.id.clone(),
                depends_on: d.clone(),
                state,
            });
        }
    }
    let below = lines
        .iter()
        .filter(|l| l.below_line)
        .filter_map(|l| {
            let dependents = dependents.remove(l.id.as_str())?;
            Some(BelowLineDependency {
                id: l.id.clone(),
                dependents,
            })
        })
        .collect();
    (deps, below)
}

#[cfg(test)]
mod tests;
