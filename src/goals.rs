//! The goals (`cxm goals`, SPEC sections 7 and 13): the goal tree with
//! focus and owner, each goal's KPI values with the latest measurement and
//! the progress toward the goal's value, the plan's initiatives serving it
//! (above and below the cut line), the plan-year budget and effort of those
//! above the line and their share of the CXM total, and the plan-year CXM
//! money that serves no goal. Pure: built from the roadmap, the [`Plan`]
//! (its cut line and plan-year figures taken as they are) and the
//! [`KpiReport`] (its latest values); renderers only lay it out.
//!
//! The JSON is SPEC section 13's shape exactly; what else the renderers
//! need (titles of the serving work, pain points, the tree's depth) is
//! carried but not serialised.
//!
//! Decisions where the SPEC is silent:
//! - **Order**: long goals in file order, each followed by its year goals
//!   (file order); then the goals without a parent, in file order. A
//!   reader of the file sees the tree; `depth` is 1 for a year goal under
//!   its long goal, else 0.
//! - **Serving work** is every initiative of the plan (SPEC section 3,
//!   both areas, above and below the line, committed work too) whose
//!   `goals` names the goal directly, in plan order. Ideas are not in the
//!   plan and are not listed (the backlog shows them).
//! - **Money and effort** are those of the serving `cxm` initiatives
//!   above the line (section 13): the plan-year budget and the exact
//!   plan-year effort (whoever owns the work), rounded to one place once,
//!   on the sum. A long goal does not roll up its year goals; work serving
//!   two goals counts in both, so shares may sum past 100 %.
//! - **Share** is the plan-year budget over the CXM total (central training
//!   included, as `cxm plan` shows it), a percentage with one place; `null`
//!   when the CXM total is zero.
//! - **KPI progress** is the KPI report's formula with the goal's value as
//!   the target: `(latest − baseline) / (value − baseline) × 100`, one
//!   place; `null` without a baseline, without a measurement up to
//!   `as_of`, or when the value equals the baseline (E014 anyway).
//! - `cxm_serving_no_goal` is the plan-year budget of the `cxm` plan
//!   initiatives above the line that name no goal (central training is not
//!   in it). A roadmap without goals has an empty list and all its
//!   above-the-line CXM money here.

use crate::kpi::{self, KpiReport};
use crate::money::{Decimal, Money};
use crate::money_json as mj;
use crate::plan::{Plan, PlanLine};
use crate::roadmap::{Area, Goal, Horizon, Initiative, Roadmap, Status};
use serde::{Serialize, Serializer};
use std::collections::HashMap;

/// The goals report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GoalsReport {
    #[serde(skip)]
    pub currency: String,
    #[serde(skip)]
    pub plan_year: i32,
    /// The CXM total the shares are of.
    #[serde(skip)]
    pub cxm_total: Money,
    /// The tree in report order (see the module's doc).
    pub goals: Vec<GoalLine>,
    /// Plan-year budget of `cxm` work above the line that names no goal.
    #[serde(serialize_with = "mj::money")]
    pub cxm_serving_no_goal: Money,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GoalLine {
    pub id: String,
    pub title: Option<String>,
    pub horizon: Horizon,
    pub year: Option<i32>,
    pub until: Option<i32>,
    pub parent: Option<String>,
    pub focus: bool,
    pub owner: Option<String>,
    pub kpis: Vec<GoalKpi>,
    pub initiatives: Vec<Serving>,
    #[serde(serialize_with = "mj::money")]
    pub plan_year_budget: Money,
    /// Exact sum, shown with one place.
    #[serde(serialize_with = "one_place")]
    pub plan_year_effort: Decimal,
    #[serde(serialize_with = "opt_one_place")]
    pub share_of_cxm_percent: Option<Decimal>,
    /// 1 for a year goal listed under its long goal, else 0.
    #[serde(skip)]
    pub depth: u8,
    #[serde(skip)]
    pub pain_points: Vec<String>,
}

/// One KPI value of a goal, with where the KPI stands.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GoalKpi {
    pub kpi: String,
    /// The value to reach by the goal's end.
    #[serde(serialize_with = "mj::decimal")]
    pub value: Decimal,
    /// The KPI's latest measurement on or before `as_of`.
    #[serde(serialize_with = "mj::opt_decimal")]
    pub latest: Option<Decimal>,
    #[serde(serialize_with = "opt_one_place")]
    pub progress_percent: Option<Decimal>,
    /// The KPI's baseline and unit, for people.
    #[serde(skip)]
    pub baseline: Option<Decimal>,
    #[serde(skip)]
    pub unit: Option<String>,
}

/// A plan initiative serving a goal.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Serving {
    pub id: String,
    pub below_line: bool,
    #[serde(skip)]
    pub title: Option<String>,
    #[serde(skip)]
    pub status: Status,
    #[serde(skip)]
    pub area: Area,
    #[serde(skip)]
    pub owner: Option<String>,
    #[serde(skip)]
    pub plan_year_budget: Money,
}

fn one_place<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&d.fixed(1))
}

fn opt_one_place<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&d.fixed(1)),
        None => s.serialize_none(),
    }
}

/// The goals in report order, each with its depth: long goals each
/// followed by their year goals, then the goals without a parent (or whose
/// parent is no long goal of the file).
fn tree(r: &Roadmap) -> Vec<(&Goal, u8)> {
    let is_long = |g: &Goal| g.horizon() == Some(Horizon::Long);
    let long_ids: Vec<&str> = r
        .goals
        .iter()
        .filter(|g| is_long(g))
        .map(Goal::id_str)
        .collect();
    fn parent<'g>(g: &'g Goal, long_ids: &[&str]) -> Option<&'g str> {
        g.parent
            .as_ref()
            .map(|p| p.value.as_str())
            .filter(|p| g.horizon() != Some(Horizon::Long) && long_ids.contains(p))
    }
    let parent_of = |g: &Goal| parent(g, &long_ids).map(str::to_string);
    let mut out = Vec::with_capacity(r.goals.len());
    for long in r.goals.iter().filter(|g| is_long(g)) {
        out.push((long, 0));
        for child in r
            .goals
            .iter()
            .filter(|g| parent_of(g).as_deref() == Some(long.id_str()))
        {
            out.push((child, 1));
        }
    }
    for g in r
        .goals
        .iter()
        .filter(|g| !is_long(g) && parent_of(g).is_none())
    {
        out.push((g, 0));
    }
    out
}

/// Whether a plan line counts in a goal's money: `cxm` and above the line.
fn counts(line: &PlanLine) -> bool {
    line.area == Area::Cxm && !line.below_line
}

/// Builds the report. `None` only on a sum too large to compute exactly.
pub fn build(r: &Roadmap, plan: &Plan, kpis: &KpiReport) -> Option<GoalsReport> {
    let cxm_total = plan.totals.cxm_total;
    let by_id: HashMap<&str, &Initiative> = r.initiatives.iter().map(|i| (i.id_str(), i)).collect();
    let goals_of = |id: &str| -> Vec<&str> {
        by_id
            .get(id)
            .map(|i| i.goals.iter().map(|g| g.value.as_str()).collect())
            .unwrap_or_default()
    };
    // Each plan line's goals, looked up once.
    let line_goals: Vec<(&PlanLine, Vec<&str>)> = plan
        .initiatives
        .iter()
        .map(|l| (l, goals_of(&l.id)))
        .collect();
    let mut goals = Vec::with_capacity(r.goals.len());
    for (g, depth) in tree(r) {
        let Some(horizon) = g.horizon() else {
            continue;
        };
        let id = g.id_str();
        let serving: Vec<&PlanLine> = line_goals
            .iter()
            .filter(|(_, gs)| gs.contains(&id))
            .map(|(l, _)| *l)
            .collect();
        let mut budget = Money::ZERO;
        let mut effort = crate::effort::Effort::zero();
        for line in serving.iter().filter(|l| counts(l)) {
            budget = budget.checked_add(line.plan_year_budget)?;
            effort = effort.checked_add(&line.effort.plan_year)?;
        }
        let share = if cxm_total.0 == 0 {
            None
        } else {
            Decimal::percent_of(budget.0, cxm_total.0)
        };
        let goal_kpis = g
            .kpis
            .iter()
            .map(|(kpi, value)| {
                let line = kpis.kpis.iter().find(|k| k.id == kpi.value);
                let baseline = line.and_then(|k| k.baseline);
                let latest = line.and_then(|k| k.latest);
                let progress = match (baseline, latest) {
                    (Some(b), Some(l)) => kpi::progress_percent(b, value.value.value, l),
                    _ => None,
                };
                GoalKpi {
                    kpi: kpi.value.clone(),
                    value: value.value.value,
                    latest,
                    progress_percent: progress,
                    baseline,
                    unit: line.and_then(|k| k.unit.clone()),
                }
            })
            .collect();
        goals.push(GoalLine {
            id: id.to_string(),
            title: g.title.as_ref().map(|t| t.value.clone()),
            horizon,
            year: g.year.as_ref().map(|y| y.value),
            until: g.until.as_ref().map(|u| u.value),
            parent: g.parent.as_ref().map(|p| p.value.clone()),
            focus: g.in_focus(),
            owner: g.owner.as_ref().map(|o| o.value.clone()),
            kpis: goal_kpis,
            initiatives: serving
                .iter()
                .map(|l| Serving {
                    id: l.id.clone(),
                    below_line: l.below_line,
                    title: l.title.clone(),
                    status: l.status,
                    area: l.area,
                    owner: l.owner.clone(),
                    plan_year_budget: l.plan_year_budget,
                })
                .collect(),
            plan_year_budget: budget,
            plan_year_effort: effort.one_place()?,
            share_of_cxm_percent: share,
            depth,
            pain_points: g.pain_points.iter().map(|p| p.value.clone()).collect(),
        });
    }
    let mut no_goal = Money::ZERO;
    for (line, gs) in &line_goals {
        if counts(line) && gs.is_empty() {
            no_goal = no_goal.checked_add(line.plan_year_budget)?;
        }
    }
    Some(GoalsReport {
        currency: plan.currency.clone(),
        plan_year: plan.plan_year,
        cxm_total,
        goals,
        cxm_serving_no_goal: no_goal,
    })
}

#[cfg(test)]
mod tests;
