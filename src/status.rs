//! `cxm status`: the quarterly note to the board (SPEC sections 9 and 13):
//! what moved in `[since, as_of]`, both days included. Pure: the checked
//! roadmap in, [`StatusReport`] out; `render::status` lays it out.
//!
//! The default `since` is `as_of` − 91 days (SPEC section 13), so the
//! period `[since, as_of]` has 92 days, both ends included.
//!
//! Decisions the SPEC leaves open:
//!
//! - *At risk* takes only `planned` and `in-progress` work with a check-in
//!   on or before `as_of` (the latest). The elapsed share at the check-in
//!   is clamped to `[0, 1]` (a check-in before the start is W010, one after
//!   the end counts the whole span). "More than 25 points below" is exact:
//!   `progress × span < 100 × elapsed − 25 × span`, in days and integers.
//!   Low confidence is named first when both hold.
//! - *Slipped* names `late-end` before `late-start` when both hold.
//! - *Undated actual*: initiatives with an `actual` (no spend entries) whose
//!   work touches the period (started on or before `as_of`, and without an
//!   end or ending on or after `since`); it has no date, so it is never
//!   in the period's spending nor in `spent_in_plan_year`.
//! - *Spending* lists every initiative's spend entries dated in the period,
//!   in the roadmap's currency, by date then id.
//! - *KPIs*: each measurement dated in the period, with its change from
//!   the measurement before it (else from the baseline; `null` without
//!   either) and the KPI's status at `as_of`.

use crate::budget::{self, Budget, BudgetError};
use crate::diag::{Finding, Severity};
use crate::kpi::{self, KpiStatus};
use crate::money::{Decimal, Money};
use crate::money_json as mj;
use crate::roadmap::{Area, Confidence, Initiative, Roadmap, Status};
use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

/// The default period: the 91 days up to `as_of`.
pub const DEFAULT_DAYS: u64 = 91;

/// What put an initiative on a list (SPEC section 13).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Why {
    Finished,
    Started,
    LateEnd,
    LateStart,
    LowConfidence,
    BehindTime,
}

/// An initiative on one of the lists, with the date that put it there
/// (its end, its start, or the check-in's).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Moved {
    pub id: String,
    pub title: Option<String>,
    pub why: Why,
    #[serde(serialize_with = "mj::date")]
    pub date: NaiveDate,
    /// The check-in's progress (at risk only).
    #[serde(serialize_with = "mj::opt_decimal")]
    pub progress: Option<Decimal>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SpendLine {
    pub id: String,
    #[serde(serialize_with = "mj::date")]
    pub date: NaiveDate,
    #[serde(serialize_with = "mj::money")]
    pub amount: Money,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UndatedActual {
    pub id: String,
    #[serde(serialize_with = "mj::money")]
    pub amount: Money,
}

/// A KPI measurement taken in the period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KpiMove {
    pub id: String,
    pub name: Option<String>,
    #[serde(serialize_with = "mj::date")]
    pub date: NaiveDate,
    #[serde(serialize_with = "mj::decimal")]
    pub value: Decimal,
    #[serde(serialize_with = "mj::opt_decimal")]
    pub change: Option<Decimal>,
    pub status: KpiStatus,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct FindingCount {
    pub errors: usize,
    pub warnings: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StatusReport {
    #[serde(serialize_with = "mj::date")]
    pub since: NaiveDate,
    #[serde(serialize_with = "mj::date")]
    pub as_of: NaiveDate,
    pub currency: String,
    pub plan_year: i32,
    pub finished: Vec<Moved>,
    pub started: Vec<Moved>,
    pub slipped: Vec<Moved>,
    pub at_risk: Vec<Moved>,
    pub spending: Vec<SpendLine>,
    pub undated_actual: Vec<UndatedActual>,
    #[serde(serialize_with = "mj::money")]
    pub plan_year_cash: Money,
    #[serde(serialize_with = "mj::money")]
    pub spent_in_plan_year: Money,
    pub kpis: Vec<KpiMove>,
    pub findings: FindingCount,
}

/// `since` by default: `as_of` − 91 days.
pub fn default_since(as_of: NaiveDate) -> NaiveDate {
    as_of
        .checked_sub_days(Days::new(DEFAULT_DAYS))
        .unwrap_or(as_of)
}

fn moved(ini: &Initiative, why: Why, date: NaiveDate, progress: Option<Decimal>) -> Moved {
    Moved {
        id: ini.id_str().to_string(),
        title: ini.title.as_ref().map(|t| t.value.clone()),
        why,
        date,
        progress,
    }
}

/// Whether `progress` is more than 25 points below the elapsed share of
/// `[start, end]` at `date`, exactly.
pub(crate) fn behind_time(
    progress: Decimal,
    start: NaiveDate,
    end: NaiveDate,
    date: NaiveDate,
) -> bool {
    let span = i128::from((end - start).num_days()) + 1;
    if span <= 0 {
        return false;
    }
    let elapsed = (i128::from((date - start).num_days()) + 1).clamp(0, span);
    // progress/100 < elapsed/span − 1/4  ⇔  progress·span < 100·elapsed − 25·span
    let lhs = progress.0.checked_mul(span);
    let rhs = (100 * elapsed - 25 * span).checked_mul(Decimal::SCALE);
    matches!((lhs, rhs), (Some(l), Some(r)) if l < r)
}

/// Why an active initiative is at risk, from its latest check-in.
fn at_risk(ini: &Initiative, as_of: NaiveDate) -> Option<Moved> {
    let status = ini.status.as_ref()?.value;
    if !status.is_active() {
        return None;
    }
    let u = ini.latest_update(as_of)?;
    if u.confidence == Some(Confidence::Low) {
        return Some(moved(ini, Why::LowConfidence, u.date, Some(u.progress)));
    }
    let (start, end) = (ini.start.as_ref()?.value, ini.end.as_ref()?.value);
    behind_time(u.progress, start, end, u.date)
        .then(|| moved(ini, Why::BehindTime, u.date, Some(u.progress)))
}

/// Builds the note of `[since, as_of]`.
pub fn build(
    r: &Roadmap,
    b: &Budget,
    findings: &[Finding],
    since: NaiveDate,
    as_of: NaiveDate,
) -> Result<StatusReport, BudgetError> {
    let overflow = || BudgetError::Overflow { span: r.meta.span };
    let within = |d: NaiveDate| since <= d && d <= as_of;
    let mut report = StatusReport {
        since,
        as_of,
        currency: b.currency.clone(),
        plan_year: b.plan_year,
        finished: Vec::new(),
        started: Vec::new(),
        slipped: Vec::new(),
        at_risk: Vec::new(),
        spending: Vec::new(),
        undated_actual: Vec::new(),
        plan_year_cash: b.totals.cxm,
        spent_in_plan_year: Money::ZERO,
        kpis: Vec::new(),
        findings: FindingCount {
            errors: findings
                .iter()
                .filter(|f| f.severity() == Severity::Error)
                .count(),
            warnings: findings
                .iter()
                .filter(|f| f.severity() != Severity::Error)
                .count(),
        },
    };
    for ini in &r.initiatives {
        let Some(status) = ini.status.as_ref().map(|s| s.value) else {
            continue;
        };
        let start = ini.start.as_ref().map(|s| s.value);
        let end = ini.end.as_ref().map(|s| s.value);
        match (status, end) {
            (Status::Done, Some(e)) if within(e) => {
                report.finished.push(moved(ini, Why::Finished, e, None));
            }
            _ => {}
        }
        match (status, start) {
            (Status::InProgress, Some(s)) if within(s) => {
                report.started.push(moved(ini, Why::Started, s, None));
            }
            _ => {}
        }
        if status.is_active() {
            match (start, end) {
                (_, Some(e)) if e < as_of => {
                    report.slipped.push(moved(ini, Why::LateEnd, e, None));
                }
                (Some(s), _) if status == Status::Planned && s < as_of => {
                    report.slipped.push(moved(ini, Why::LateStart, s, None));
                }
                _ => {}
            }
        }
        report.at_risk.extend(at_risk(ini, as_of));
        for (date, amount) in budget::spend_entries(ini, r, as_of)? {
            if within(date) {
                report.spending.push(SpendLine {
                    id: ini.id_str().to_string(),
                    date,
                    amount,
                });
            }
        }
        if let (true, Some(actual)) = (ini.spend.is_empty(), &ini.actual) {
            let touches = start.is_some_and(|s| s <= as_of) && end.is_none_or(|e| e >= since);
            if touches {
                report.undated_actual.push(UndatedActual {
                    id: ini.id_str().to_string(),
                    amount: actual.value,
                });
            }
        }
    }
    report
        .spending
        .sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));

    // The dated spending of the plan's cxm initiatives in the plan year.
    for line in b.initiatives.iter().filter(|l| l.header.area == Area::Cxm) {
        let Some(ini) = r.initiatives.iter().find(|i| i.id_str() == line.header.id) else {
            continue;
        };
        for (date, amount) in budget::spend_entries(ini, r, as_of)? {
            if date.year() == b.plan_year {
                report.spent_in_plan_year = report
                    .spent_in_plan_year
                    .checked_add(amount)
                    .ok_or_else(overflow)?;
            }
        }
    }

    let k = kpi::build(r, as_of, b.plan_year);
    for line in &k.kpis {
        let mut previous = line.baseline;
        for p in &line.series {
            if within(p.date) {
                report.kpis.push(KpiMove {
                    id: line.id.clone(),
                    name: line.name.clone(),
                    date: p.date,
                    value: p.value,
                    change: previous.and_then(|v| p.value.checked_sub(v)),
                    status: line.status,
                });
            }
            previous = Some(p.value);
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests;
