//! The plan (`cxm plan`, SPEC sections 3 and 6): the plan year's
//! initiatives in priority order with cumulative budget and effort, the cut
//! line where the budget cap or the team's capacity runs out, and around it
//! coverage, load per team member, maturity, dependencies and the backlog.
//! Pure: built from the roadmap and the [`Budget`], whose plan-year figures
//! it takes as they are; renderers only lay it out.
//!
//! The cut line is SPEC section 6's, to the letter: walk in plan order; the
//! cumulative budget adds the plan-year budgets of area `cxm` only (`cx`
//! work is paid by departments), the cumulative effort adds the
//! `effort_days` of both areas (the team's days are spent either way). The
//! first initiative whose cumulative budget exceeds `budget_cap − central
//! training`, or whose cumulative effort exceeds the team's total
//! `capacity_days`, and all after it, are below the line.
//!
//! Decisions where the SPEC is silent:
//! - plan order is priority ascending, no priority last, ties by id (byte
//!   order); the backlog of ideas is listed in the same order;
//! - a missing `effort_days` adds nothing to the cumulative effort (W003
//!   says so where it matters);
//! - the team's capacity is the sum of the `capacity_days` that are given;
//!   with none given there is no capacity and no line on that count;
//! - when central training alone uses up the cap, what is left is negative
//!   and the first initiative is already below the line;
//! - "quarters touched" are the plan-year quarters that `[start, end]` has
//!   days in; a budget of 0 still touches them;
//! - load counts the plan effort each team member owns, both areas, like
//!   W009; effort of initiatives owned by no team member shows apart;
//! - maturity lists each competency's `cxm` plan initiatives, marking those
//!   below the line; a competency is `addressed` when one of them is above;
//! - a backlog idea without quotes or fixed cost has budget `null`;
//! - `cx` initiatives stay in the list, with their plan-year budget shown
//!   (their department pays it) and their effort counted, in their place in
//!   priority order;
//! - the line is not a best fit: an initiative below it may be small enough
//!   to fit on its own, but SPEC puts everything after the first that does
//!   not fit below, and finishing fewer initiatives is the point;
//! - central training comes off the cap even when it alone exceeds it;
//! - besides SPEC's keys the JSON carries the cut line (`null` without
//!   one), `coverage_by_quarter`, `coverage_above_line`, `load`,
//!   `team_load`, `maturity`, `dependencies`, `below_line_dependencies` and
//!   `totals`, so a tool sees what the table shows.

use crate::budget::{Budget, BudgetError, period_days};
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
    #[serde(serialize_with = "mj::money")]
    pub plan_year_budget: Money,
    /// Σ plan-year budgets of the `cxm` initiatives up to this one.
    #[serde(serialize_with = "mj::money")]
    pub cumulative_budget: Money,
    /// Σ effort days of the initiatives up to this one (both areas).
    #[serde(serialize_with = "mj::decimal")]
    pub cumulative_effort: Decimal,
    pub below_line: bool,
    pub depends_on: Vec<String>,
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
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MemberLoad {
    pub id: String,
    pub name: Option<String>,
    #[serde(serialize_with = "mj::opt_decimal")]
    pub capacity_days: Option<Decimal>,
    /// Effort of the plan initiatives this member owns.
    #[serde(serialize_with = "mj::decimal")]
    pub load_days: Decimal,
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
    /// Effort of every plan initiative.
    #[serde(serialize_with = "mj::decimal")]
    pub load_days: Decimal,
    #[serde(serialize_with = "mj::decimal")]
    pub above_line_days: Decimal,
    /// Effort of plan initiatives owned by no team member.
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

/// The walk down the plan: the cumulative budget and effort after each
/// initiative, and where the line falls (the index of the first initiative
/// below it) and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Walk {
    pub cumulative: Vec<(Money, Decimal)>,
    pub line: Option<(usize, CutReason)>,
}

/// Walks the initiatives (area, plan-year budget, effort) in plan order
/// against what the cap leaves and the team's capacity. `None` on overflow.
pub(crate) fn cut(
    lines: &[(Area, Money, Option<Decimal>)],
    available: Option<Money>,
    capacity: Option<Decimal>,
) -> Option<Walk> {
    let mut cum_b = Money::ZERO;
    let mut cum_e = Decimal::ZERO;
    let mut cumulative = Vec::with_capacity(lines.len());
    let mut line = None;
    for (i, (area, budget, effort)) in lines.iter().enumerate() {
        if *area == Area::Cxm {
            cum_b = cum_b.checked_add(*budget)?;
        }
        cum_e = cum_e.checked_add(effort.unwrap_or(Decimal::ZERO))?;
        cumulative.push((cum_b, cum_e));
        if line.is_none() {
            let over_budget = available.is_some_and(|a| cum_b > a);
            let over_capacity = capacity.is_some_and(|c| cum_e > c);
            line = match (over_budget, over_capacity) {
                (true, true) => Some((i, CutReason::BudgetCapAndCapacity)),
                (true, false) => Some((i, CutReason::BudgetCap)),
                (false, true) => Some((i, CutReason::Capacity)),
                (false, false) => None,
            };
        }
    }
    Some(Walk { cumulative, line })
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

    let mut sorted: Vec<&crate::budget::InitiativeLine> = b.initiatives.iter().collect();
    sorted.sort_by(|x, y| {
        plan_order(
            (x.header.priority, &x.header.id),
            (y.header.priority, &y.header.id),
        )
    });
    let walk: Vec<(Area, Money, Option<Decimal>)> = sorted
        .iter()
        .map(|l| (l.header.area, l.plan_year_budget, l.header.effort_days))
        .collect();
    let Walk {
        cumulative,
        line: cut_at,
    } = cut(&walk, available, capacity).ok_or_else(overflow)?;
    let first_below = cut_at.map_or(usize::MAX, |(i, _)| i);

    // Lookups by id, so that a roadmap of many initiatives stays linear. A
    // duplicate id is E004, a data error: reports never see one.
    let by_id: HashMap<&str, &crate::roadmap::Initiative> = r
        .initiatives
        .iter()
        .map(|x| (x.id_str(), x))
        .rev()
        .collect();
    let lines = plan_lines(&sorted, cumulative, first_below, year, &by_id);
    let cut_line = cut_at.and_then(|(i, reason)| {
        Some(CutLine {
            first_below: lines.get(i)?.id.clone(),
            last_above: i
                .checked_sub(1)
                .and_then(|j| lines.get(j))
                .map(|l| l.id.clone()),
            above: i,
            reason,
        })
    });

    let totals = totals(&lines, central).ok_or_else(overflow)?;
    let (coverage, coverage_by_quarter, coverage_above_line) = coverage(&lines);
    let (load, team_load) = load(r, &lines, capacity).ok_or_else(overflow)?;
    let maturity = maturity(r, &lines);
    let (dependencies, below_line_dependencies) = dependencies(&by_id, &lines);

    let backlog = backlog(b);

    Ok(Plan {
        currency: b.currency.clone(),
        plan_year: year,
        budget_cap: b.budget_cap,
        central_training: central,
        budget_available: available,
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

/// The plan's lines in plan order, with their running totals and whether
/// they fall below the cut line.
fn plan_lines(
    sorted: &[&crate::budget::InitiativeLine],
    cumulative: Vec<(Money, Decimal)>,
    first_below: usize,
    year: i32,
    by_id: &HashMap<&str, &crate::roadmap::Initiative>,
) -> Vec<PlanLine> {
    let mut lines = Vec::with_capacity(sorted.len());
    for (i, (l, (cum_b, cum_e))) in sorted.iter().zip(cumulative).enumerate() {
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
        let depends_on = by_id
            .get(h.id.as_str())
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
            plan_year_budget: l.plan_year_budget,
            cumulative_budget: cum_b,
            cumulative_effort: cum_e,
            below_line: i >= first_below,
            depends_on,
        });
    }
    lines
}

/// Ideas and other work outside the plan, in plan order.
fn backlog(b: &Budget) -> Vec<BacklogItem> {
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
    };
    for l in lines {
        let effort = l.effort_days.unwrap_or(Decimal::ZERO);
        t.effort_days = t.effort_days.checked_add(effort)?;
        match l.area {
            Area::Cxm => t.cxm_initiatives = t.cxm_initiatives.checked_add(l.plan_year_budget)?,
            Area::Cx => t.cx_initiatives = t.cx_initiatives.checked_add(l.plan_year_budget)?,
        }
        if !l.below_line {
            t.above_line_effort = t.above_line_effort.checked_add(effort)?;
            if l.area == Area::Cxm {
                t.above_line_budget = t.above_line_budget.checked_add(l.plan_year_budget)?;
            }
        }
    }
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
        let mut load = Decimal::ZERO;
        let mut above = Decimal::ZERO;
        let mut initiatives = Vec::new();
        for l in owned.get(id.value.as_str()).into_iter().flatten() {
            let e = l.effort_days.unwrap_or(Decimal::ZERO);
            load = load.checked_add(e)?;
            if !l.below_line {
                above = above.checked_add(e)?;
            }
            initiatives.push(l.id.clone());
        }
        let free_days = match cap {
            Some(c) => Some(c.checked_sub(load)?),
            None => None,
        };
        members.push(MemberLoad {
            id: id.value.clone(),
            name: m.name.as_ref().map(|n| n.value.clone()),
            capacity_days: cap,
            load_days: load,
            above_line_days: above,
            free_days,
            over_capacity: cap.is_some_and(|c| load > c),
            initiatives,
        });
    }
    let mut team = TeamLoad {
        capacity_days: capacity,
        load_days: Decimal::ZERO,
        above_line_days: Decimal::ZERO,
        unowned_days: Decimal::ZERO,
        free_days: None,
        over_capacity: false,
    };
    for l in lines {
        let e = l.effort_days.unwrap_or(Decimal::ZERO);
        team.load_days = team.load_days.checked_add(e)?;
        if !l.below_line {
            team.above_line_days = team.above_line_days.checked_add(e)?;
        }
        let in_team = l.owner.as_deref().is_some_and(|o| seen.contains(o));
        if !in_team {
            team.unowned_days = team.unowned_days.checked_add(e)?;
        }
    }
    if let Some(c) = capacity {
        team.free_days = Some(c.checked_sub(team.load_days)?);
        team.over_capacity = team.load_days > c;
    }
    Some((members, team))
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
