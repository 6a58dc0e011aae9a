//! The HTML dashboard's model (`cxm report --html`): what the board sees on
//! one page, computed once from the checked roadmap. Money figures come from
//! [`Budget`] and KPI figures from [`KpiReport`]; nothing here recomputes
//! them.
//!
//! The plan's cut line and the inventory's time-eater share belong to the
//! plan and inventory models (`src/plan.rs`, `src/inventory.rs`), which are
//! being built on another branch. Until they land, [`cut_line`],
//! [`inventory_window`] and [`time_eater_share`] below follow SPEC sections
//! 3 and 6 to the letter; replace them with those models when they do.
//!
//! Decisions where the SPEC is silent:
//! - coverage counts the plan's `cxm` initiatives per competency (as in
//!   `cxm plan --format json`); a competency is covered when it has one;
//! - the budget's share of the cap is shown rounded to one place; without a
//!   cap there is no share;
//! - the open findings are every finding `cxm check` would print (errors
//!   that leave the reports printing, and warnings not allowed in
//!   `[check]`), in its order.

use crate::budget::{Budget, InitiativeLine};
use crate::diag::{Finding, Severity};
use crate::kpi::{KpiReport, Share};
use crate::money::{Decimal, Money, div_round};
use crate::roadmap::{Area, Choice, Competency, Roadmap, Status};
use crate::source::Source;
use chrono::{Days, NaiveDate};

/// Everything the dashboard shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Dashboard<'a> {
    pub organisation: Option<String>,
    pub team: Option<String>,
    /// The roadmap file's name, for the footer.
    pub source_name: String,
    pub budget: &'a Budget,
    /// `totals.cxm / budget_cap` as a percentage with one place.
    pub cap_used_percent: Option<Decimal>,
    /// Plan initiatives of area `cxm` per competency, all four in order.
    pub coverage: Vec<(Competency, usize)>,
    pub time_eaters: TimeEaters,
    /// The plan in cut-line order.
    pub plan: Vec<PlanRow>,
    pub kpis: KpiReport,
    pub findings: Vec<FindingRow>,
}

impl Dashboard<'_> {
    /// How many of the four competencies have a `cxm` plan initiative.
    pub fn covered(&self) -> usize {
        self.coverage.iter().filter(|(_, n)| *n > 0).count()
    }
}

/// The team's effort on `cx` work in the inventory (SPEC section 6).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeEaters {
    /// Effort days of inventory initiatives of area `cx` owned by a team member.
    pub eater_days: Decimal,
    /// Effort days of every inventory initiative.
    pub total_days: Decimal,
    /// `eater_days / total_days` with two places (`0.25`); `None` without effort.
    pub share: Option<Decimal>,
}

/// One plan initiative on the timeline, with the running sums of the cut line.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanRow {
    pub id: String,
    pub title: Option<String>,
    pub competency: Competency,
    pub area: Area,
    pub status: Status,
    pub owner: Option<String>,
    pub priority: Option<u32>,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub effort_days: Option<Decimal>,
    pub plan_year_budget: Money,
    /// Σ plan-year budgets of area `cxm` so far.
    pub cumulative_budget: Money,
    /// Σ effort days of both areas so far.
    pub cumulative_effort: Decimal,
    /// Whether a team member owns `cx` work: a time eater (W008).
    pub time_eater: bool,
    pub below_line: bool,
}

/// A finding of `cxm check`, placed in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FindingRow {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub line: usize,
    pub column: usize,
}

/// Builds the dashboard of a roadmap without data errors.
pub fn build<'a>(
    r: &Roadmap,
    source: &Source,
    findings: &[Finding],
    budget: &'a Budget,
    as_of: NaiveDate,
) -> Dashboard<'a> {
    let team: Vec<&str> = r
        .team
        .iter()
        .filter_map(|m| m.id.as_ref().map(|i| i.value.as_str()))
        .collect();
    let capacity = r
        .team
        .iter()
        .filter_map(|m| m.capacity_days.as_ref().map(|c| c.value))
        .try_fold(None::<Decimal>, |acc, c| {
            acc.unwrap_or(Decimal::ZERO).checked_add(c).map(Some)
        })
        .flatten();
    let room = budget
        .budget_cap
        .and_then(|cap| cap.checked_sub(budget.totals.central_training.plan_year_budget));
    let coverage = Competency::ALL
        .iter()
        .map(|&c| {
            let n = budget
                .initiatives
                .iter()
                .filter(|l| l.header.area == Area::Cxm && l.header.competency == c)
                .count();
            (c, n)
        })
        .collect();
    let cap_used_percent = budget.budget_cap.and_then(|cap| {
        Share {
            num: budget.totals.cxm.0,
            den: cap.0,
        }
        .percent()
    });
    Dashboard {
        organisation: r.meta.organisation.as_ref().map(|o| o.value.clone()),
        team: r.meta.team.as_ref().map(|t| t.value.clone()),
        source_name: source.name.clone(),
        budget,
        cap_used_percent,
        coverage,
        time_eaters: time_eater_share(r, &team, as_of),
        plan: cut_line(&budget.initiatives, &team, room, capacity),
        kpis: crate::kpi::build(r, as_of, budget.plan_year),
        findings: findings
            .iter()
            .map(|f| {
                let pos = source.position(f.span.start);
                FindingRow {
                    code: f.code.as_str(),
                    severity: f.severity(),
                    message: f.message.clone(),
                    line: pos.line,
                    column: pos.column,
                }
            })
            .collect(),
    }
}

/// The plan in priority order (no priority last, ties by id) with the cut
/// line of SPEC section 6: the cumulative budget adds the plan-year budgets
/// of area `cxm`, the cumulative effort the `effort_days` of both areas; the
/// first initiative whose cumulative budget exceeds `room` (the cap less
/// central training) or whose cumulative effort exceeds `capacity` (the
/// team's total `capacity_days`), and every one after it, is below the
/// line. `None` draws no line on that count.
///
/// To be replaced by the plan model (`src/plan.rs`) when it lands.
pub fn cut_line(
    lines: &[InitiativeLine],
    team: &[&str],
    room: Option<Money>,
    capacity: Option<Decimal>,
) -> Vec<PlanRow> {
    let mut order: Vec<&InitiativeLine> = lines.iter().collect();
    order.sort_by(|a, b| {
        let key = |l: &InitiativeLine| (l.header.priority.is_none(), l.header.priority);
        key(a)
            .cmp(&key(b))
            .then_with(|| a.header.id.cmp(&b.header.id))
    });
    let mut budget = Money::ZERO;
    let mut effort = Decimal::ZERO;
    let mut below = false;
    let mut rows = Vec::with_capacity(order.len());
    for l in order {
        let h = &l.header;
        let (Some(start), Some(end)) = (h.start, h.end) else {
            continue;
        };
        // Sums past i128 are beyond any cap: saturate, which puts them below.
        if h.area == Area::Cxm {
            budget = budget
                .checked_add(l.plan_year_budget)
                .unwrap_or(Money(i128::MAX));
        }
        if let Some(e) = h.effort_days {
            effort = effort.checked_add(e).unwrap_or(Decimal(i128::MAX));
        }
        below = below || room.is_some_and(|r| budget > r) || capacity.is_some_and(|c| effort > c);
        rows.push(PlanRow {
            id: h.id.clone(),
            title: h.title.clone(),
            competency: h.competency,
            area: h.area,
            status: h.status,
            owner: h.owner.clone(),
            priority: h.priority,
            start,
            end,
            effort_days: h.effort_days,
            plan_year_budget: l.plan_year_budget,
            cumulative_budget: budget,
            cumulative_effort: effort,
            time_eater: h.area == Area::Cx && h.owner.as_deref().is_some_and(|o| team.contains(&o)),
            below_line: below,
        });
    }
    rows
}

/// Whether an initiative is in the inventory (SPEC section 3): in progress
/// or on hold; or done or cancelled with `end` from `as_of` − 365 days to
/// `as_of`, both inclusive.
///
/// To be replaced by the inventory model (`src/inventory.rs`) when it lands.
pub fn inventory_window(status: Status, end: Option<NaiveDate>, as_of: NaiveDate) -> bool {
    match status {
        Status::InProgress | Status::OnHold => true,
        Status::Done | Status::Cancelled => {
            let from = as_of.checked_sub_days(Days::new(365));
            end.is_some_and(|e| e <= as_of && from.is_none_or(|f| e >= f))
        }
        Status::Idea | Status::Planned => false,
    }
}

/// The time-eater share of SPEC section 6: effort days of inventory
/// initiatives of area `cx` owned by a team member, over the effort days of
/// every inventory initiative. Initiatives without `effort_days` count 0.
///
/// To be replaced by the inventory model (`src/inventory.rs`) when it lands.
pub fn time_eater_share(r: &Roadmap, team: &[&str], as_of: NaiveDate) -> TimeEaters {
    let mut eater = Decimal::ZERO;
    let mut total = Decimal::ZERO;
    for ini in &r.initiatives {
        let Some(status) = &ini.status else { continue };
        if ini.id.is_none()
            || !inventory_window(status.value, ini.end.as_ref().map(|e| e.value), as_of)
        {
            continue;
        }
        let days = ini.effort_days.as_ref().map_or(Decimal::ZERO, |e| e.value);
        total = total.checked_add(days).unwrap_or(total);
        let is_cx = ini.area.as_ref().is_some_and(|a| a.value == Area::Cx);
        let owned = ini
            .owner
            .as_ref()
            .is_some_and(|o| team.contains(&o.value.as_str()));
        if is_cx && owned {
            eater = eater.checked_add(days).unwrap_or(eater);
        }
    }
    let share = if total.0 > 0 {
        eater
            .0
            .checked_mul(100)
            .and_then(|n| div_round(n, total.0))
            .and_then(|h| h.checked_mul(Decimal::SCALE / 100))
            .map(Decimal)
    } else {
        None
    };
    TimeEaters {
        eater_days: eater,
        total_days: total,
        share,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::budget::tests::{date, initiative, money, sp};
    use crate::budget::{BudgetOptions, compute};
    use crate::roadmap::{Initiative, Member, Roadmap};

    fn days(n: i128) -> Decimal {
        Decimal::from_int(n).unwrap()
    }

    fn plan_ini(
        id: &str,
        area: Area,
        priority: Option<u32>,
        cost: i128,
        effort: i128,
    ) -> Initiative {
        Initiative {
            priority: priority.and_then(sp),
            cost: sp(money(cost)),
            effort_days: sp(days(effort)),
            owner: sp("ak".to_string()),
            department: sp("care".to_string()),
            ..initiative(
                id,
                Competency::Governance,
                area,
                date(2027, 1, 1),
                date(2027, 12, 31),
            )
        }
    }

    fn lines(inis: Vec<Initiative>) -> Vec<InitiativeLine> {
        let r = Roadmap {
            initiatives: inis,
            ..Roadmap::default()
        };
        compute(
            &r,
            &BudgetOptions {
                plan_year: 2027,
                as_of: date(2026, 11, 15),
            },
        )
        .unwrap()
        .initiatives
    }

    #[test]
    fn cut_line_orders_and_cuts_on_budget_or_effort() {
        let l = lines(vec![
            plan_ini("c", Area::Cxm, None, 100, 10),
            plan_ini("b", Area::Cxm, Some(2), 100, 10),
            plan_ini("a", Area::Cxm, Some(2), 100, 10),
            plan_ini("x", Area::Cx, Some(1), 1000, 10),
        ]);
        let ids = |rows: &[PlanRow]| rows.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
        let below = |rows: &[PlanRow]| rows.iter().map(|r| r.below_line).collect::<Vec<_>>();
        // No cap, no capacity: no line.
        let rows = cut_line(&l, &["ak"], None, None);
        assert_eq!(ids(&rows), ["x", "a", "b", "c"]);
        assert_eq!(below(&rows), [false; 4]);
        // cx budget never counts; the cap of 200 is exceeded by the third cxm.
        assert_eq!(rows[0].cumulative_budget, Money::ZERO);
        assert!(rows[0].time_eater);
        let rows = cut_line(&l, &["ak"], Some(money(200)), None);
        assert_eq!(below(&rows), [false, false, false, true]);
        // Exactly at the cap is within it; effort of both areas counts.
        let rows = cut_line(&l, &["ak"], None, Some(days(20)));
        assert_eq!(below(&rows), [false, false, true, true]);
        // Once below, always below.
        let rows = cut_line(&l, &[], Some(money(0)), None);
        assert_eq!(below(&rows), [false, true, true, true]);
        assert!(!rows[0].time_eater);
    }

    #[test]
    fn inventory_window_and_time_eaters() {
        let as_of = date(2026, 11, 15);
        assert!(inventory_window(Status::OnHold, None, as_of));
        assert!(inventory_window(
            Status::Done,
            Some(date(2025, 11, 15)),
            as_of
        ));
        assert!(!inventory_window(
            Status::Done,
            Some(date(2025, 11, 14)),
            as_of
        ));
        assert!(!inventory_window(
            Status::Cancelled,
            Some(date(2026, 11, 16)),
            as_of
        ));
        assert!(!inventory_window(Status::Done, None, as_of));
        assert!(!inventory_window(Status::Planned, Some(as_of), as_of));

        let done = |id: &str, area, owner: &str, effort| Initiative {
            status: sp(Status::Done),
            owner: sp(owner.to_string()),
            effort_days: sp(days(effort)),
            ..initiative(
                id,
                Competency::Design,
                area,
                date(2026, 1, 1),
                date(2026, 6, 30),
            )
        };
        let r = Roadmap {
            team: vec![Member {
                id: sp("mw".to_string()),
                ..Member::default()
            }],
            initiatives: vec![
                done("a", Area::Cx, "mw", 35),
                done("b", Area::Cxm, "mw", 50),
                done("c", Area::Cx, "outsider", 15),
            ],
            ..Roadmap::default()
        };
        let t = time_eater_share(&r, &["mw"], as_of);
        assert_eq!((t.eater_days, t.total_days), (days(35), days(100)));
        assert_eq!(t.share.map(|s| s.text()), Some("0.35".to_string()));
        let empty = time_eater_share(&Roadmap::default(), &[], as_of);
        assert_eq!(empty.share, None);
    }
}
