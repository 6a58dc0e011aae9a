//! The strategy document (`cxm strategy`, SPEC section 7): the vision, the
//! goals with their pain points, KPI values and where each stands and the
//! work serving them, who is responsible for what (each team member, each
//! department), how each KPI is monitored, the communication plan, and
//! what we chose not to do. Pure: built from the roadmap and the models the
//! other reports already compute — the [`Plan`] (cut line, load against
//! capacity, backlog), the [`Budget`] (department guidelines, training),
//! the [`KpiReport`] (latest values, status) and the [`GoalsReport`] (the
//! goal tree, the money and effort behind each goal) — so no figure is
//! computed twice; renderers only lay it out.
//!
//! Decisions where the SPEC is silent:
//! - **Goals** keep `cxm goals`' order (long goals, each followed by its
//!   year goals, then goals without a parent) and its figures; each goal
//!   KPI also carries the KPI's name and status from the KPI report.
//! - **Team members** are every `[[team]]` entry in file order. *Goals
//!   owned* are goals whose `owner` is the member; *initiatives owned* are
//!   the plan's initiatives (above and below the line) the member owns, in
//!   plan order; *communications owned* likewise. The plan-year effort and
//!   the capacity are the plan's load line of that member (SPEC section 4
//!   *Effort*).
//! - **Departments** are every `[[departments]]` entry in file order:
//!   its `cx` plan initiatives (plan order), its people to train from
//!   every training line with a need for it (central and department-funded
//!   alike: the department sends the people, whoever pays), and its
//!   guideline budget from the budget's department guidelines (0 when it
//!   has none).
//! - **Next measurement due** is the latest measurement on or before
//!   `as_of` (else `baseline_date`) plus one cadence period, by SPEC
//!   section 7's rule (months added, the day clamped to the month's end).
//!   When that date is before `as_of` the measurement is *overdue*: the
//!   document says so rather than skipping to a later date, since the one
//!   expected next is the one missing. No measurement and no
//!   `baseline_date`: no date.
//! - **What we chose not to do**: ideas (the plan's backlog, with their
//!   budget), `on-hold` work (every one in the file), `cancelled` work
//!   that ended within the 365 days up to `as_of` or later, or has no end
//!   (older cancellations are history, not this year's choice), and the
//!   plan's work below the cut line (with its plan-year budget); each with
//!   its `reason`. Ideas first, then below the line, on hold, cancelled;
//!   within each, the plan's or the file's order.
//! - A roadmap without goals, vision, KPIs or communications still gets a
//!   document: those sections are empty and the renderers say so.

use crate::budget::Budget;
use crate::goals::{GoalKpi, GoalLine, GoalsReport};
use crate::kpi::{KpiReport, KpiStatus};
use crate::money::{Decimal, Money};
use crate::plan::Plan;
use crate::roadmap::{Area, Cadence, Channel, Funding, Recurrence, Roadmap, Status};
use chrono::NaiveDate;

/// The whole document.
#[derive(Clone, Debug, PartialEq)]
pub struct Strategy {
    pub organisation: Option<String>,
    pub team: Option<String>,
    pub plan_year: i32,
    pub as_of: NaiveDate,
    pub currency: String,
    /// The roadmap's name as given on the command line.
    pub source: String,
    pub cxm_total: Money,
    pub budget_cap: Option<Money>,
    pub vision: Option<Vision>,
    pub goals: Vec<StrategyGoal>,
    /// Plan-year CXM money above the line serving no goal.
    pub cxm_serving_no_goal: Money,
    pub members: Vec<MemberPart>,
    pub departments: Vec<DepartmentPart>,
    pub monitoring: Vec<Monitoring>,
    pub communications: Vec<CommunicationLine>,
    pub not_doing: Vec<NotDoing>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Vision {
    pub statement: Option<String>,
    pub until: Option<i32>,
}

/// A goal of `cxm goals`, with each KPI's name and status.
#[derive(Clone, Debug, PartialEq)]
pub struct StrategyGoal {
    pub goal: GoalLine,
    /// The parent goal's title (or id), for a year goal under a long goal.
    pub parent_title: Option<String>,
    /// The owner's name, else the owner id.
    pub owner_name: Option<String>,
    pub kpis: Vec<GoalKpiPart>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GoalKpiPart {
    pub kpi: GoalKpi,
    pub name: Option<String>,
    /// `None` for a KPI the KPI report does not have.
    pub status: Option<KpiStatus>,
}

/// A named thing: its id and title (or name).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Named {
    pub id: String,
    pub title: Option<String>,
}

/// A plan initiative as the responsibilities list it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Work {
    pub id: String,
    pub title: Option<String>,
    pub below_line: bool,
    pub plan_year_budget: Money,
}

/// One team member's part.
#[derive(Clone, Debug, PartialEq)]
pub struct MemberPart {
    pub id: String,
    pub name: Option<String>,
    pub role: Option<String>,
    pub goals: Vec<Named>,
    pub initiatives: Vec<Work>,
    pub communications: Vec<Named>,
    /// Plan-year effort of the plan work the member owns (one place).
    pub load_days: Decimal,
    pub capacity_days: Option<Decimal>,
    pub over_capacity: bool,
}

/// People of a department to train on one training.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ToTrain {
    pub id: String,
    pub title: Option<String>,
    pub people: u64,
    pub funding: Funding,
    pub cost: Money,
}

/// One department's part.
#[derive(Clone, Debug, PartialEq)]
pub struct DepartmentPart {
    pub id: String,
    pub name: Option<String>,
    pub initiatives: Vec<Work>,
    pub training: Vec<ToTrain>,
    /// What the department should budget: its `cx` plan work and the
    /// training it pays for.
    pub guideline: Money,
}

/// How one KPI is monitored.
#[derive(Clone, Debug, PartialEq)]
pub struct Monitoring {
    pub id: String,
    pub name: Option<String>,
    pub unit: Option<String>,
    pub cadence: Cadence,
    pub latest: Option<Decimal>,
    pub latest_date: Option<NaiveDate>,
    pub next_due: Option<NaiveDate>,
    /// The next measurement's date is before `as_of`.
    pub overdue: bool,
    pub status: KpiStatus,
}

/// One line of the communication plan.
#[derive(Clone, Debug, PartialEq)]
pub struct CommunicationLine {
    pub id: String,
    pub title: Option<String>,
    pub channel: Option<Channel>,
    pub audience: Option<String>,
    pub cadence: Option<Recurrence>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub owner: Option<String>,
    pub sponsor: Option<String>,
    pub goals: Vec<Named>,
}

/// Why a piece of work is on the "not doing" list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotDoingKind {
    Idea,
    BelowLine,
    OnHold,
    Cancelled,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NotDoing {
    pub kind: NotDoingKind,
    pub id: String,
    pub title: Option<String>,
    /// An idea's budget, or the plan-year budget of work below the line;
    /// `None` otherwise (or for an idea without a price).
    pub budget: Option<Money>,
    pub reason: Option<String>,
}

/// The inputs the document reads: each already computed once.
pub struct Inputs<'a> {
    pub roadmap: &'a Roadmap,
    pub source: &'a str,
    pub as_of: NaiveDate,
    pub budget: &'a Budget,
    pub plan: &'a Plan,
    pub kpis: &'a KpiReport,
    pub goals: &'a GoalsReport,
}

fn opt(s: Option<&crate::source::Sp<String>>) -> Option<String> {
    s.map(|v| v.value.clone())
}

/// Builds the document.
pub fn build(i: &Inputs<'_>) -> Strategy {
    let r = i.roadmap;
    let member_name = |id: &str| {
        r.team
            .iter()
            .find(|m| m.id.as_ref().is_some_and(|x| x.value == id))
            .and_then(|m| opt(m.name.as_ref()))
    };
    let goal_title = |id: &str| {
        r.goals
            .iter()
            .find(|g| g.id_str() == id)
            .and_then(|g| opt(g.title.as_ref()))
    };
    let goals = i
        .goals
        .goals
        .iter()
        .map(|g| StrategyGoal {
            parent_title: g
                .parent
                .as_ref()
                .map(|p| goal_title(p).unwrap_or_else(|| p.clone())),
            owner_name: g
                .owner
                .as_ref()
                .map(|o| member_name(o).unwrap_or_else(|| o.clone())),
            kpis: g
                .kpis
                .iter()
                .map(|k| {
                    let line = i.kpis.kpis.iter().find(|l| l.id == k.kpi);
                    GoalKpiPart {
                        kpi: k.clone(),
                        name: line.and_then(|l| l.name.clone()),
                        status: line.map(|l| l.status),
                    }
                })
                .collect(),
            goal: g.clone(),
        })
        .collect();
    let work = |l: &crate::plan::PlanLine| Work {
        id: l.id.clone(),
        title: l.title.clone(),
        below_line: l.below_line,
        plan_year_budget: l.plan_year_budget,
    };
    let members = r
        .team
        .iter()
        .filter_map(|m| {
            let id = m.id.as_ref()?.value.clone();
            let load = i.plan.load.iter().find(|l| l.id == id);
            Some(MemberPart {
                name: opt(m.name.as_ref()),
                role: opt(m.role.as_ref()),
                goals: r
                    .goals
                    .iter()
                    .filter(|g| g.owner.as_ref().is_some_and(|o| o.value == id))
                    .map(|g| Named {
                        id: g.id_str().to_string(),
                        title: opt(g.title.as_ref()),
                    })
                    .collect(),
                initiatives: i
                    .plan
                    .initiatives
                    .iter()
                    .filter(|l| l.owner.as_deref() == Some(id.as_str()))
                    .map(work)
                    .collect(),
                communications: r
                    .communications
                    .iter()
                    .filter(|c| c.owner.as_ref().is_some_and(|o| o.value == id))
                    .map(|c| Named {
                        id: c.id_str().to_string(),
                        title: opt(c.title.as_ref()),
                    })
                    .collect(),
                load_days: load.map_or(Decimal(0), |l| l.load_days),
                capacity_days: load.and_then(|l| l.capacity_days),
                over_capacity: load.is_some_and(|l| l.over_capacity),
                id,
            })
        })
        .collect();
    let departments = r
        .departments
        .iter()
        .filter_map(|d| {
            let id = d.id.as_ref()?.value.clone();
            Some(DepartmentPart {
                name: opt(d.name.as_ref()),
                initiatives: i
                    .plan
                    .initiatives
                    .iter()
                    .filter(|l| l.area == Area::Cx && l.department.as_deref() == Some(id.as_str()))
                    .map(work)
                    .collect(),
                training: i
                    .budget
                    .training
                    .iter()
                    .filter_map(|t| {
                        let need = t.needs.iter().find(|n| n.department == id)?;
                        Some(ToTrain {
                            id: t.id.clone(),
                            title: t.title.clone(),
                            people: need.people,
                            funding: t.funding,
                            cost: need.cost,
                        })
                    })
                    .collect(),
                guideline: i
                    .budget
                    .departments
                    .iter()
                    .find(|g| g.id == id)
                    .map_or(Money::ZERO, |g| g.total),
                id,
            })
        })
        .collect();
    let monitoring = i
        .kpis
        .kpis
        .iter()
        .map(|k| {
            // Without a measurement up to as_of, `start` is baseline_date.
            let base = k.latest_date.or(k.start);
            let next_due = base.and_then(|b| crate::calendar::add_periods(b, k.cadence.into(), 1));
            Monitoring {
                id: k.id.clone(),
                name: k.name.clone(),
                unit: k.unit.clone(),
                cadence: k.cadence,
                latest: k.latest,
                latest_date: k.latest_date,
                next_due,
                overdue: next_due.is_some_and(|d| d < i.as_of),
                status: k.status,
            }
        })
        .collect();
    let communications = r
        .communications
        .iter()
        .map(|c| CommunicationLine {
            id: c.id_str().to_string(),
            title: opt(c.title.as_ref()),
            channel: c.channel.as_ref().map(|x| x.value),
            audience: opt(c.audience.as_ref()),
            cadence: c.cadence.as_ref().map(|x| x.value),
            start: c.start.as_ref().map(|x| x.value),
            end: c.end.as_ref().map(|x| x.value),
            owner: c
                .owner
                .as_ref()
                .map(|o| member_name(&o.value).unwrap_or_else(|| o.value.clone())),
            sponsor: opt(c.sponsor.as_ref()),
            goals: c
                .goals
                .iter()
                .map(|g| Named {
                    id: g.value.clone(),
                    title: goal_title(&g.value),
                })
                .collect(),
        })
        .collect();
    Strategy {
        organisation: opt(r.meta.organisation.as_ref()),
        team: opt(r.meta.team.as_ref()),
        plan_year: i.plan.plan_year,
        as_of: i.as_of,
        currency: i.plan.currency.clone(),
        source: i.source.to_string(),
        cxm_total: i.plan.totals.cxm_total,
        budget_cap: i.plan.budget_cap,
        vision: r.vision.as_ref().map(|v| Vision {
            statement: opt(v.statement.as_ref()),
            until: v.until.as_ref().map(|u| u.value),
        }),
        goals,
        cxm_serving_no_goal: i.goals.cxm_serving_no_goal,
        members,
        departments,
        monitoring,
        communications,
        not_doing: not_doing(r, i.plan, i.as_of),
    }
}

/// Ideas, work below the line, on hold and recently cancelled (see the
/// module's doc).
fn not_doing(r: &Roadmap, plan: &Plan, as_of: NaiveDate) -> Vec<NotDoing> {
    let mut out: Vec<NotDoing> = plan
        .backlog
        .iter()
        .map(|b| NotDoing {
            kind: NotDoingKind::Idea,
            id: b.id.clone(),
            title: b.title.clone(),
            budget: b.budget,
            reason: b.reason.clone(),
        })
        .collect();
    out.extend(
        plan.initiatives
            .iter()
            .filter(|l| l.below_line)
            .map(|l| NotDoing {
                kind: NotDoingKind::BelowLine,
                id: l.id.clone(),
                title: l.title.clone(),
                budget: Some(l.plan_year_budget),
                reason: l.reason.clone(),
            }),
    );
    let since = as_of.checked_sub_days(chrono::Days::new(365));
    for (kind, status) in [
        (NotDoingKind::OnHold, Status::OnHold),
        (NotDoingKind::Cancelled, Status::Cancelled),
    ] {
        for ini in &r.initiatives {
            if ini.status.as_ref().map(|s| s.value) != Some(status) {
                continue;
            }
            let end = ini.end.as_ref().map(|e| e.value);
            let recent = match (status, end, since) {
                (Status::Cancelled, Some(e), Some(s)) => e >= s,
                _ => true,
            };
            if !recent {
                continue;
            }
            out.push(NotDoing {
                kind,
                id: ini.id_str().to_string(),
                title: opt(ini.title.as_ref()),
                budget: None,
                reason: opt(ini.reason.as_ref()),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests;
