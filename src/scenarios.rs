//! `cxm scenarios`: the base plan and every `[scenarios.NAME]` side by
//! side (SPEC section 10). Each column is computed from a roadmap that went
//! through the one pipeline (`pipeline::scenario` applies the overlay), so a
//! scenario's figures are those `--scenario NAME` shows.
//!
//! Per scenario: the CXM total, by competency and by quarter, central
//! training, the budget cap, the initiatives below the cut line (plan
//! order), coverage above the line per competency (the plan's own
//! `coverage_above_line`: `cxm` plan initiatives above the line; E008
//! ignores the line), the focus goals of the plan year left without work
//! above the line (as W014 sees it: cancelled and on-hold work does not
//! serve), and the team capacity used: the plan-year effort of team-owned
//! work above the line, against the team's capacity.
//!
//! JSON is SPEC section 13's shape; `budget_cap` is added.

use crate::budget::{Budget, BudgetError};
use crate::effort;
use crate::money::{Decimal, Money};
use crate::money_json as mj;
use crate::plan;
use crate::roadmap::{Choice as _, Competency, Horizon, Roadmap, Status};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

/// The comparison.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScenariosReport {
    pub currency: String,
    pub plan_year: i32,
    /// `base` first, then the scenarios in file order.
    pub scenarios: Vec<ScenarioFigures>,
}

/// One column: the base or a scenario.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScenarioFigures {
    /// `base`, or the scenario's name.
    pub name: String,
    pub note: Option<String>,
    #[serde(serialize_with = "mj::money")]
    pub cxm_total: Money,
    #[serde(serialize_with = "competency_money")]
    pub by_competency: Vec<(Competency, Money)>,
    #[serde(serialize_with = "mj::money_seq")]
    pub by_quarter: [Money; 4],
    #[serde(serialize_with = "mj::money")]
    pub central_training: Money,
    #[serde(serialize_with = "mj::opt_money")]
    pub budget_cap: Option<Money>,
    /// Ids below the cut line, in plan order.
    pub below_line: Vec<String>,
    #[serde(serialize_with = "competency_count")]
    pub coverage_above_line: Vec<(Competency, usize)>,
    /// Ids of focus goals of the plan year with no work above the line.
    pub focus_goals_without_work: Vec<String>,
    /// Plan-year effort of team-owned work above the line, one decimal.
    #[serde(serialize_with = "effort::json_one_place")]
    pub effort: Decimal,
    /// The team's capacity (scaled by the scenario's `capacity_percent`).
    #[serde(serialize_with = "mj::opt_decimal")]
    pub capacity: Option<Decimal>,
}

/// The name of the base column.
pub const BASE: &str = "base";

/// One column from a checked roadmap's roadmap and budget.
pub fn figures(
    name: &str,
    note: Option<String>,
    r: &Roadmap,
    b: &Budget,
) -> Result<ScenarioFigures, BudgetError> {
    let p = plan::build(r, b)?;
    let below_line = p
        .initiatives
        .iter()
        .filter(|l| l.below_line)
        .map(|l| l.id.clone())
        .collect();
    let serving: Vec<&str> = p
        .initiatives
        .iter()
        .filter(|l| !l.below_line && !matches!(l.status, Status::Cancelled | Status::OnHold))
        .map(|l| l.id.as_str())
        .collect();
    let focus_goals_without_work = r
        .goals
        .iter()
        .filter(|g| g.in_focus() && g.horizon() == Some(Horizon::Year))
        .filter(|g| g.year.as_ref().map(|y| y.value) == Some(p.plan_year))
        .filter(|g| {
            let id = g.id_str();
            !r.initiatives
                .iter()
                .any(|i| serving.contains(&i.id_str()) && i.goals.iter().any(|x| x.value == id))
        })
        .map(|g| g.id_str().to_string())
        .collect();
    Ok(ScenarioFigures {
        name: name.to_string(),
        note,
        cxm_total: b.totals.cxm,
        by_competency: b.totals.by_competency.clone(),
        by_quarter: b.totals.by_quarter,
        central_training: p.central_training,
        budget_cap: p.budget_cap,
        below_line,
        coverage_above_line: p.coverage_above_line.clone(),
        focus_goals_without_work,
        effort: p.totals.above_line_effort,
        capacity: p.capacity_days,
    })
}

fn competency_money<S: Serializer>(v: &[(Competency, Money)], s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(v.len()))?;
    for (c, m) in v {
        map.serialize_entry(c.as_str(), &m.plain())?;
    }
    map.end()
}

fn competency_count<S: Serializer>(v: &[(Competency, usize)], s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(v.len()))?;
    for (c, n) in v {
        map.serialize_entry(c.as_str(), n)?;
    }
    map.end()
}
