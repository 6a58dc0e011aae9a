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
//!   decimal (positive: over budget), `null` when either is unknown or the
//!   budget is 0; `remaining` is `budget − actual` and may be negative;
//! - `missing` names `owner` and `budget` only for `cxm` work (a `cx`
//!   initiative is owned and paid for by its department; W001 and W004 ask
//!   the same), `kpi` and `effort` for both areas;
//! - the time-eater share is the effort of the listed `cx` initiatives over
//!   the effort of all listed initiatives (SPEC: "effort days spent on `cx`
//!   work"; `effort_days` are team days whoever owns the work), rounded half
//!   away from zero to two places; `null` when no listed initiative records
//!   effort. `time_eater` per row is SPEC's flag: `cx` and owned by a team
//!   member;
//! - rows are grouped in the order of the four competencies, in file order
//!   within each.

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
    /// Effort days of the listed `cx` initiatives.
    #[serde(serialize_with = "mj::decimal")]
    pub cx_effort_days: Decimal,
    /// The listed `cx` initiatives with effort, in row order: where the
    /// team's days went that belong to departments.
    pub cx_work: Vec<String>,
    /// `cx_effort_days / totals.effort_days`, two places (`"0.25"`).
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
    /// `(actual − budget) / budget` in percent, one decimal.
    #[serde(serialize_with = "fixed1")]
    pub variance_percent: Option<Decimal>,
    #[serde(serialize_with = "mj::opt_decimal")]
    pub effort_days: Option<Decimal>,
    /// `effort_days × day_rate`.
    #[serde(serialize_with = "mj::opt_money")]
    pub internal_cost: Option<Money>,
    pub kpi: Option<String>,
    /// Area `cx` and owned by a member of the CX team.
    pub time_eater: bool,
    pub missing: Vec<Missing>,
}

/// Sums over rows; money and days that are unknown count as nothing.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Subtotal {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub competency: Option<Competency>,
    pub initiatives: usize,
    #[serde(serialize_with = "mj::money")]
    pub budget: Money,
    #[serde(serialize_with = "mj::money")]
    pub actual: Money,
    /// Σ remaining of the rows where it is known.
    #[serde(serialize_with = "mj::money")]
    pub remaining: Money,
    #[serde(serialize_with = "mj::decimal")]
    pub effort_days: Decimal,
    /// `null` without `day_rate`.
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
            effort_days: Decimal::ZERO,
            internal_cost: with_rate.then_some(Money::ZERO),
        }
    }

    fn add(&mut self, l: &InventoryLine) -> Option<()> {
        let add = |a: Money, b: Option<Money>| a.checked_add(b.unwrap_or(Money::ZERO));
        self.initiatives += 1;
        self.budget = add(self.budget, l.budget)?;
        self.actual = add(self.actual, l.actual)?;
        self.remaining = add(self.remaining, l.remaining)?;
        self.effort_days = self
            .effort_days
            .checked_add(l.effort_days.unwrap_or(Decimal::ZERO))?;
        if let Some(c) = self.internal_cost {
            self.internal_cost = Some(add(c, l.internal_cost)?);
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

/// `(actual − budget) / budget × 100`, rounded to one decimal.
fn variance(budget: Money, actual: Money) -> Option<Decimal> {
    Decimal::percent_of(actual.0.checked_sub(budget.0)?, budget.0)
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
    // `actual`, or the spend entries up to as_of (SPEC section 4, *Cash*).
    let actual = budget::actual(ini, r, b.as_of)?;
    let remaining = match (budget, actual) {
        (Some(bu), Some(ac)) => Some(bu.checked_sub(ac).ok_or_else(overflow)?),
        _ => None,
    };
    let variance_percent = match (budget, actual) {
        (Some(bu), Some(ac)) => variance(bu, ac),
        _ => None,
    };
    let effort = ini.effort_days.as_ref().map(|e| e.value);
    let owner = ini.owner.as_ref().map(|o| o.value.clone());
    let kpi = ini.kpi.as_ref().map(|k| k.value.clone());
    let cxm = area.value == Area::Cxm;
    let mut missing = Vec::new();
    if cxm && owner.is_none() {
        missing.push(Missing::Owner);
    }
    if kpi.as_deref().is_none_or(|k| k.trim().is_empty()) {
        missing.push(Missing::Kpi);
    }
    if effort.is_none() {
        missing.push(Missing::Effort);
    }
    if cxm && budget.is_none() {
        missing.push(Missing::Budget);
    }
    Ok(Some(InventoryLine {
        id: id.value.clone(),
        title: ini.title.as_ref().map(|t| t.value.clone()),
        competency: comp.value,
        area: area.value,
        department: ini.department.as_ref().map(|d| d.value.clone()),
        status: status.value,
        time_eater: area.value == Area::Cx && owner.as_deref().is_some_and(|o| team.contains(o)),
        owner,
        start: ini.start.as_ref().map(|d| d.value),
        end: ini.end.as_ref().map(|d| d.value),
        budget,
        actual,
        remaining,
        variance_percent,
        effort_days: effort,
        internal_cost: budget::internal_cost(effort, b.day_rate, span)?,
        kpi,
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
    let mut cx_work = Vec::new();
    for l in &lines {
        totals.add(l).ok_or_else(overflow)?;
        for c in competencies
            .iter_mut()
            .filter(|c| c.competency == Some(l.competency))
        {
            c.add(l).ok_or_else(overflow)?;
        }
        if l.area == Area::Cx
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
        time_eater_share: share(cx_effort, totals.effort_days),
        initiatives: lines,
        competencies,
        totals,
        cx_effort_days: cx_effort,
        cx_work,
    })
}

#[cfg(test)]
mod tests;
