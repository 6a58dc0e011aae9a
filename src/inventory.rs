//! The inventory (`cxm inventory`, SPEC sections 3 and 6): what the CX team
//! finished in the twelve months up to `as_of` and what is under way, by
//! competency, with what each initiative lacks and how much of the team's
//! time went to CX work that belongs to departments. Pure: built from the
//! roadmap, the date and the [`Budget`]; renderers only lay it out.
//!
//! Decisions where the SPEC is silent:
//! - the window is `[as_of − 365 days, as_of]`, both ends inclusive; a
//!   `done` or `cancelled` initiative without `end` is not in it (nothing
//!   says when it finished);
//! - `budget` is the initiative's whole budget (estimate + fixed cost, SPEC
//!   section 4), not its plan-year part: the inventory compares it with what
//!   was spent. It is taken from the budget's line when the initiative is in
//!   the plan, else computed by the same [`budget::figures`]. It is `null`
//!   when the initiative has neither quotes nor a fixed cost;
//! - `variance_percent` is `(actual − budget) / budget × 100` with one
//!   decimal (positive: over budget), for `done` work only (rev. 2: a
//!   running initiative halfway is not an underspend); `null` otherwise,
//!   when either is unknown or the budget is 0. `spent_percent` is
//!   `actual / budget × 100` with one decimal, for `in-progress` and
//!   `on-hold` work only, `null` likewise. A `cancelled` initiative has
//!   neither (it neither finished nor runs). `remaining` is
//!   `budget − actual` and may be negative;
//! - totals foot (rev. 2): each [`Subtotal`] — per competency and overall —
//!   takes `initiatives`, `budget`, `actual` and `remaining` over the rows
//!   with both a budget and an actual, so `remaining = budget − actual`;
//!   rows with only a budget are summed in `budget_without_actual`, rows
//!   with only an actual in `actual_without_budget`, rows with neither only
//!   in `listed`. `effort_days` and `internal_cost` are not money compared
//!   with a budget: they are summed over every listed row of the group
//!   (`listed` counts them). The overall two "without" sums are also given
//!   at the top level of the JSON (SPEC section 13);
//! - `missing` names `owner` and `budget` only for `cxm` work (a `cx`
//!   initiative is owned and paid for by its department; W001 and W004 ask
//!   the same), `kpi` and `effort` for both areas; a `cancelled` initiative
//!   never misses a KPI, effort or a budget (rev. 2), only an owner;
//! - internal time (`effort_days × day_rate`) is counted for team-owned
//!   work only (SPEC section 4 *Internal time*, rev. 2): a row owned by a
//!   department or by nobody has `internal_cost` `null`;
//! - the time-eater share (rev. 2) is the effort of the listed time eaters
//!   (`cx` work owned by a team member) over the effort of all listed
//!   team-owned initiatives, rounded half away from zero to two places;
//!   `null` when no listed team-owned initiative records effort.
//!   `team_effort_days` is that denominator, `cx_effort_days` the
//!   numerator;
//! - `actual` is read in one place, the function `actual`;
//! - a row's CSV `counts_in` (SPEC sections 11 and 13) follows `in_plan`:
//!   the initiative has a line in the budget, so its plan-year money counts
//!   in the CXM total (`cxm`) or its department's guideline (`department`
//!   for area `cx`); finished and paused work outside the plan is `none`;
//! - rows are grouped in the order of the four competencies, in file order
//!   within each.
//!
//! `reason` (SPEC section 7) is carried on every listed initiative (JSON,
//! CSV); the table shows it in a last column only when some listed
//! initiative gives one, so it says why work is on hold or cancelled
//! without widening every inventory.

use crate::budget::{self, Budget, BudgetError};
use crate::money::{Decimal, Money};
use crate::money_json as mj;
use crate::roadmap::{Area, Choice, Competency, Initiative, Roadmap, Status};
use chrono::{Days, NaiveDate};
use serde::{Serialize, Serializer};
use std::collections::{HashMap, HashSet};

/// The inventory report: rows, subtotals per competency, totals and the
/// time-eater share.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Inventory {
    pub currency: String,
    #[serde(serialize_with = "mj::date")]
    pub as_of: NaiveDate,
    /// The first day of the window: `as_of` minus 365 days.
    #[serde(serialize_with = "mj::date")]
    pub window_start: NaiveDate,
    #[serde(serialize_with = "mj::opt_money")]
    pub day_rate: Option<Money>,
    /// Grouped by competency (in the order of the four), file order within.
    pub initiatives: Vec<InventoryLine>,
    /// One per competency, all four in order, even when empty.
    pub competencies: Vec<Subtotal>,
    pub totals: Subtotal,
    /// The overall rows with a budget but no actual (also in `totals`).
    pub budget_without_actual: BudgetOnly,
    /// The overall rows with an actual but no budget (also in `totals`).
    pub actual_without_budget: ActualOnly,
    /// Effort days of the listed time eaters (`cx` work owned by a team
    /// member).
    #[serde(serialize_with = "mj::decimal")]
    pub cx_effort_days: Decimal,
    /// Effort days of the listed team-owned initiatives: the share's
    /// denominator.
    #[serde(serialize_with = "mj::decimal")]
    pub team_effort_days: Decimal,
    /// The listed time eaters with effort, in row order: where the team's
    /// days went that belong to departments.
    pub cx_work: Vec<String>,
    /// `cx_effort_days / team_effort_days`, two places (`"0.25"`).
    #[serde(serialize_with = "fixed2")]
    pub time_eater_share: Option<Decimal>,
}

/// What an initiative lacks for the roadmap to be complete.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Missing {
    Owner,
    Kpi,
    Effort,
    Budget,
}

impl Missing {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Missing::Owner => "owner",
            Missing::Kpi => "kpi",
            Missing::Effort => "effort",
            Missing::Budget => "budget",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InventoryLine {
    pub id: String,
    pub title: Option<String>,
    pub competency: Competency,
    pub area: Area,
    pub department: Option<String>,
    pub status: Status,
    pub owner: Option<String>,
    #[serde(serialize_with = "mj::opt_date")]
    pub start: Option<NaiveDate>,
    #[serde(serialize_with = "mj::opt_date")]
    pub end: Option<NaiveDate>,
    #[serde(serialize_with = "mj::opt_money")]
    pub budget: Option<Money>,
    #[serde(serialize_with = "mj::opt_money")]
    pub actual: Option<Money>,
    /// `budget − actual`; `null` when either is unknown.
    #[serde(serialize_with = "mj::opt_money")]
    pub remaining: Option<Money>,
    /// `(actual − budget) / budget` in percent, one decimal; `done` only.
    #[serde(serialize_with = "fixed1")]
    pub variance_percent: Option<Decimal>,
    /// `actual / budget` in percent, one decimal; running work only
    /// (`in-progress`, `on-hold`).
    #[serde(serialize_with = "fixed1")]
    pub spent_percent: Option<Decimal>,
    #[serde(serialize_with = "mj::opt_decimal")]
    pub effort_days: Option<Decimal>,
    /// `effort_days × day_rate`, team-owned work only.
    #[serde(serialize_with = "mj::opt_money")]
    pub internal_cost: Option<Money>,
    pub kpi: Option<String>,
    /// Why it is on hold or cancelled (or was an idea), from the file.
    pub reason: Option<String>,
    /// Area `cx` and owned by a member of the CX team.
    pub time_eater: bool,
    /// One of the plan's initiatives (the budget has its line): where the
    /// CSV's `counts_in` says it counts.
    #[serde(skip)]
    pub in_plan: bool,
    pub missing: Vec<Missing>,
}

/// Rows with a budget but no actual: their count and budget.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct BudgetOnly {
    pub initiatives: usize,
    #[serde(serialize_with = "mj::money")]
    pub budget: Money,
}

/// Rows with an actual but no budget: their count and actual.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ActualOnly {
    pub initiatives: usize,
    #[serde(serialize_with = "mj::money")]
    pub actual: Money,
}

/// Sums over a group of rows (a competency's or all). The money sums foot:
/// `initiatives`, `budget`, `actual` and `remaining` are taken over the rows
/// with both a budget and an actual; the others are counted apart.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Subtotal {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub competency: Option<Competency>,
    /// Rows with both a budget and an actual.
    pub initiatives: usize,
    #[serde(serialize_with = "mj::money")]
    pub budget: Money,
    #[serde(serialize_with = "mj::money")]
    pub actual: Money,
    /// `budget − actual` over the same rows.
    #[serde(serialize_with = "mj::money")]
    pub remaining: Money,
    pub budget_without_actual: BudgetOnly,
    pub actual_without_budget: ActualOnly,
    /// Every row of the group, whatever it knows.
    pub listed: usize,
    /// Σ effort days of every row of the group.
    #[serde(serialize_with = "mj::decimal")]
    pub effort_days: Decimal,
    /// Σ internal cost (team-owned rows); `null` without `day_rate`.
    #[serde(serialize_with = "mj::opt_money")]
    pub internal_cost: Option<Money>,
}

impl Subtotal {
    fn new(competency: Option<Competency>, with_rate: bool) -> Subtotal {
        Subtotal {
            competency,
            initiatives: 0,
            budget: Money::ZERO,
            actual: Money::ZERO,
            remaining: Money::ZERO,
            budget_without_actual: BudgetOnly {
                initiatives: 0,
                budget: Money::ZERO,
            },
            actual_without_budget: ActualOnly {
                initiatives: 0,
                actual: Money::ZERO,
            },
            listed: 0,
            effort_days: Decimal::ZERO,
            internal_cost: with_rate.then_some(Money::ZERO),
        }
    }

    fn add(&mut self, l: &InventoryLine) -> Option<()> {
        match (l.budget, l.actual) {
            (Some(b), Some(a)) => {
                self.initiatives += 1;
                self.budget = self.budget.checked_add(b)?;
                self.actual = self.actual.checked_add(a)?;
                // Σ budget − Σ actual over the same rows, not Σ of the
                // rows' rounded figures: the same thing, exactly.
                self.remaining = self.budget.checked_sub(self.actual)?;
            }
            (Some(b), None) => {
                let o = &mut self.budget_without_actual;
                o.initiatives += 1;
                o.budget = o.budget.checked_add(b)?;
            }
            (None, Some(a)) => {
                let o = &mut self.actual_without_budget;
                o.initiatives += 1;
                o.actual = o.actual.checked_add(a)?;
            }
            (None, None) => {}
        }
        self.listed += 1;
        self.effort_days = self
            .effort_days
            .checked_add(l.effort_days.unwrap_or(Decimal::ZERO))?;
        if let Some(c) = self.internal_cost {
            self.internal_cost = Some(c.checked_add(l.internal_cost.unwrap_or(Money::ZERO))?);
        }
        Some(())
    }
}

fn fixed2<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&d.fixed(2)),
        None => s.serialize_none(),
    }
}

fn fixed1<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&d.fixed(1)),
        None => s.serialize_none(),
    }
}

/// The first day of the inventory window: `as_of` minus 365 days.
pub(crate) fn window_start(as_of: NaiveDate) -> NaiveDate {
    as_of
        .checked_sub_days(Days::new(365))
        .unwrap_or(NaiveDate::MIN)
}

/// Whether an initiative belongs in the inventory as of `as_of` (SPEC
/// section 3): in progress or on hold, or done or cancelled with `end` in
/// `[as_of − 365 days, as_of]`.
pub(crate) fn in_window(ini: &Initiative, as_of: NaiveDate) -> bool {
    match ini.status.as_ref().map(|s| s.value) {
        Some(Status::InProgress | Status::OnHold) => true,
        Some(Status::Done | Status::Cancelled) => ini
            .end
            .as_ref()
            .is_some_and(|e| e.value >= window_start(as_of) && e.value <= as_of),
        _ => false,
    }
}

/// What an initiative spent up to `as_of` (its `actual`, or its spend
/// entries up to `as_of`, SPEC section 4 *Cash*): the one place the
/// inventory reads it.
fn actual(ini: &Initiative, r: &Roadmap, as_of: NaiveDate) -> Result<Option<Money>, BudgetError> {
    budget::actual(ini, r, as_of)
}

/// `(actual − budget) / budget × 100`, rounded to one decimal.
fn variance(budget: Money, actual: Money) -> Option<Decimal> {
    Decimal::percent_of(actual.0.checked_sub(budget.0)?, budget.0)
}

/// `actual / budget × 100`, rounded to one decimal.
fn spent(budget: Money, actual: Money) -> Option<Decimal> {
    Decimal::percent_of(actual.0, budget.0)
}

/// `part / whole`, rounded half away from zero to two places.
fn share(part: Decimal, whole: Decimal) -> Option<Decimal> {
    Decimal::ratio(part.0, whole.0, 2)
}

/// One initiative's inventory line; `None` for one whose id, competency,
/// area or status the loader could not read.
fn inventory_line(
    ini: &Initiative,
    r: &Roadmap,
    b: &Budget,
    planned: &HashMap<&str, &budget::InitiativeLine>,
    team: &HashSet<&str>,
) -> Result<Option<InventoryLine>, BudgetError> {
    let (Some(id), Some(comp), Some(area), Some(status)) =
        (&ini.id, &ini.competency, &ini.area, &ini.status)
    else {
        return Ok(None);
    };
    let span = ini.anchor();
    let overflow = || BudgetError::Overflow { span };
    let budget = match planned.get(id.value.as_str()) {
        Some(l) => l.figures.known_budget(),
        None => budget::figures(ini, r)?.known_budget(),
    };
    let actual = actual(ini, r, b.as_of)?;
    let remaining = match (budget, actual) {
        (Some(bu), Some(ac)) => Some(bu.checked_sub(ac).ok_or_else(overflow)?),
        _ => None,
    };
    let both = budget.zip(actual);
    let (variance_percent, spent_percent) = match status.value {
        Status::Done => (both.and_then(|(bu, ac)| variance(bu, ac)), None),
        Status::InProgress | Status::OnHold => (None, both.and_then(|(bu, ac)| spent(bu, ac))),
        _ => (None, None),
    };
    let effort = ini.effort_days.as_ref().map(|e| e.value);
    let owner = ini.owner.as_ref().map(|o| o.value.clone());
    let team_owned = owner.as_deref().is_some_and(|o| team.contains(o));
    let kpi = ini.kpi.as_ref().map(|k| k.value.clone());
    let cxm = area.value == Area::Cxm;
    // Cancelled work never delivered: it lacks no KPI, effort or budget.
    let live = status.value != Status::Cancelled;
    let mut missing = Vec::new();
    if cxm && owner.is_none() {
        missing.push(Missing::Owner);
    }
    if live && kpi.as_deref().is_none_or(|k| k.trim().is_empty()) {
        missing.push(Missing::Kpi);
    }
    if live && effort.is_none() {
        missing.push(Missing::Effort);
    }
    if live && cxm && budget.is_none() {
        missing.push(Missing::Budget);
    }
    let internal_cost = if team_owned {
        budget::internal_cost(effort, b.day_rate, span)?
    } else {
        None
    };
    Ok(Some(InventoryLine {
        id: id.value.clone(),
        title: ini.title.as_ref().map(|t| t.value.clone()),
        competency: comp.value,
        area: area.value,
        department: ini.department.as_ref().map(|d| d.value.clone()),
        status: status.value,
        time_eater: area.value == Area::Cx && team_owned,
        in_plan: planned.contains_key(id.value.as_str()),
        owner,
        start: ini.start.as_ref().map(|d| d.value),
        end: ini.end.as_ref().map(|d| d.value),
        budget,
        actual,
        remaining,
        variance_percent,
        spent_percent,
        effort_days: effort,
        internal_cost,
        kpi,
        reason: ini.reason.as_ref().map(|r| r.value.clone()),
        missing,
    }))
}

/// Builds the inventory as of `as_of`. Only an amount too large to add up
/// exactly is an error.
pub fn build(r: &Roadmap, as_of: NaiveDate, b: &Budget) -> Result<Inventory, BudgetError> {
    let team: HashSet<&str> = r
        .team
        .iter()
        .filter_map(|m| m.id.as_ref().map(|i| i.value.as_str()))
        .collect();
    // The budget's lines by id (duplicate ids are E004: reports never see one).
    let planned: HashMap<&str, &budget::InitiativeLine> = b
        .initiatives
        .iter()
        .map(|l| (l.header.id.as_str(), l))
        .collect();
    let with_rate = b.day_rate.is_some();
    let mut lines = Vec::new();
    for ini in r.initiatives.iter().filter(|i| in_window(i, as_of)) {
        if let Some(line) = inventory_line(ini, r, b, &planned, &team)? {
            lines.push(line);
        }
    }
    // Stable: file order within each competency.
    lines.sort_by_key(|l| l.competency);

    let overflow = || BudgetError::Overflow { span: r.meta.span };
    let mut competencies: Vec<Subtotal> = Competency::ALL
        .iter()
        .map(|&c| Subtotal::new(Some(c), with_rate))
        .collect();
    let mut totals = Subtotal::new(None, with_rate);
    let mut cx_effort = Decimal::ZERO;
    let mut team_effort = Decimal::ZERO;
    let mut cx_work = Vec::new();
    for l in &lines {
        totals.add(l).ok_or_else(overflow)?;
        for c in competencies
            .iter_mut()
            .filter(|c| c.competency == Some(l.competency))
        {
            c.add(l).ok_or_else(overflow)?;
        }
        let team_owned = l.owner.as_deref().is_some_and(|o| team.contains(o));
        if let Some(e) = l.effort_days.filter(|_| team_owned) {
            team_effort = team_effort.checked_add(e).ok_or_else(overflow)?;
        }
        if l.time_eater
            && let Some(e) = l.effort_days.filter(|e| e.0 > 0)
        {
            cx_effort = cx_effort.checked_add(e).ok_or_else(overflow)?;
            cx_work.push(l.id.clone());
        }
    }
    Ok(Inventory {
        currency: b.currency.clone(),
        as_of,
        window_start: window_start(as_of),
        day_rate: b.day_rate,
        time_eater_share: share(cx_effort, team_effort),
        initiatives: lines,
        competencies,
        budget_without_actual: totals.budget_without_actual,
        actual_without_budget: totals.actual_without_budget,
        totals,
        cx_effort_days: cx_effort,
        team_effort_days: team_effort,
        cx_work,
    })
}

#[cfg(test)]
mod tests;
