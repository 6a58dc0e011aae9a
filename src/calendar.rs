//! The calendar (`cxm calendar`, SPEC sections 7 and 13): the plan year's
//! dates in one list — the plan's initiatives starting and ending, KPI
//! measurements falling due, and the occurrences of the internal
//! communication plan. Pure: built from the roadmap and the [`Plan`];
//! renderers only lay it out (`render::calendar`, the ICS file among them).
//!
//! The rules, from SPEC sections 7 and 13:
//! - **Initiatives**: every line of the plan (above and below the cut
//!   line alike) gives a `start` event on its `start` and an `end` event on
//!   its `end`, each only when that date falls in the plan year.
//! - **Communications**: the occurrences are `start`, then `start` plus k
//!   cadence periods (k = 1, 2, …), up to `end` or, without one, the plan
//!   year's end; `once` is the one occurrence on `start`.
//! - **KPIs**: a measurement falls due on the *anchor* plus k cadence
//!   periods (k = 1, 2, …); the anchor is the date of the latest
//!   measurement, else `baseline_date`. The cadence is the KPI's, else
//!   quarterly (SPEC section 2's default).
//! - **Periods** ([`add_periods`]): weekly is 7k days; monthly, quarterly,
//!   half-yearly and yearly add k, 3k, 6k and 12k months to the first
//!   date, the day clamped to the month's end. Each occurrence is counted
//!   from the first date, never from the previous occurrence, so 31
//!   January gives 28 February, 31 March, 30 April…, not 28 March.
//! - Only dates in the plan year (1 January to 31 December) are listed,
//!   in order of date, kind, id.
//!
//! Decisions where the SPEC is silent:
//! - **Kind order** on one date: `start`, `end`, `kpi`, `communication`,
//!   the order SPEC section 13 names them in (not the alphabet's): a day's
//!   work starting reads before what it brings.
//! - **Latest measurement** means the latest dated on or before `as_of`,
//!   as in `cxm kpi`: a measurement dated after `as_of` is left out of
//!   every figure (W016 says so), so the calendar of a past `--as-of` is
//!   what was known then. A KPI with neither a measurement up to `as_of`
//!   nor a `baseline_date` has no anchor and no due dates.
//! - The anchor itself is never "due": it is a measurement already taken
//!   (or the baseline); k starts at 1. A due date before `as_of` is still
//!   listed when it is in the plan year: the calendar is the year's, and an
//!   overdue measurement is worth seeing.
//! - A communication's `end` after the plan year is cut at the plan year's
//!   end; an occurrence on `end` itself is listed (`end` is "the last
//!   possible date").
//! - **Title**: the initiative's `title`, the KPI's `name`, the
//!   communication's `title`; the id when the file gives none, so a
//!   calendar entry always says something.
//! - Dates beyond what the calendar can hold (past the year 262143) end
//!   the series; they are far outside any plan year.

use crate::plan::Plan;
use crate::roadmap::{Cadence, Kpi, Recurrence, Roadmap};
use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

/// The calendar of the plan year. JSON: `{ "events": [...] }` (SPEC
/// section 13), nothing else.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Calendar {
    #[serde(skip)]
    pub plan_year: i32,
    /// The report's date: the ICS `DTSTAMP`, so output is reproducible.
    #[serde(skip)]
    pub as_of: NaiveDate,
    /// The roadmap's currency: a workbook names it on every sheet.
    #[serde(skip)]
    pub currency: String,
    /// In order of date, kind, id.
    pub events: Vec<Event>,
}

/// What happens on a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    /// An initiative of the plan starts.
    Start,
    /// An initiative of the plan ends.
    End,
    /// A KPI measurement falls due.
    Kpi,
    /// A communication of the internal plan takes place.
    Communication,
}

impl EventKind {
    /// The JSON, CSV and ICS `UID` code.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Start => "start",
            EventKind::End => "end",
            EventKind::Kpi => "kpi",
            EventKind::Communication => "communication",
        }
    }
}

/// One dated entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Event {
    #[serde(serialize_with = "crate::money_json::date")]
    pub date: NaiveDate,
    pub kind: EventKind,
    /// The initiative's, KPI's or communication's id.
    pub id: String,
    /// Its title (a KPI's name); its id when it has none.
    pub title: String,
}

/// A cadence's step: a number of days (weekly) or of months (the rest).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Period {
    Days(u32),
    Months(u32),
}

impl From<Cadence> for Period {
    fn from(c: Cadence) -> Period {
        match c {
            Cadence::Monthly => Period::Months(1),
            Cadence::Quarterly => Period::Months(3),
            Cadence::HalfYearly => Period::Months(6),
            Cadence::Yearly => Period::Months(12),
        }
    }
}

impl Period {
    /// A communication's cadence as a step; `once` has none.
    pub(crate) fn of_recurrence(r: Recurrence) -> Option<Period> {
        match r {
            Recurrence::Once => None,
            Recurrence::Weekly => Some(Period::Days(7)),
            Recurrence::Monthly => Some(Period::Months(1)),
            Recurrence::Quarterly => Some(Period::Months(3)),
            Recurrence::HalfYearly => Some(Period::Months(6)),
            Recurrence::Yearly => Some(Period::Months(12)),
        }
    }
}

/// `first` plus `k` periods (SPEC section 7): `7k` days for a weekly step;
/// `k` times the step's months for the others, the day clamped to the end
/// of the month it lands in (31 January + 3 months = 30 April, + 6 months
/// = 31 July). The one date arithmetic of communications and KPI
/// measurements alike; `None` past the dates chrono can hold.
pub(crate) fn add_periods(first: NaiveDate, period: Period, k: u32) -> Option<NaiveDate> {
    match period {
        Period::Days(d) => first.checked_add_days(chrono::Days::new(u64::from(d.checked_mul(k)?))),
        Period::Months(m) => first.checked_add_months(Months::new(m.checked_mul(k)?)),
    }
}

/// The dates `first + k` periods for `k` from `k_from` on, that lie in
/// `[from, to]`, in order. The first `k` worth trying is computed, so a
/// series started decades before the window costs nothing to skip.
fn series(
    first: NaiveDate,
    period: Period,
    k_from: u32,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<NaiveDate> {
    // A k at or below the first one in the window (never above: the loop
    // below steps over the dates before `from`).
    let skip = match period {
        Period::Days(d) => {
            let days = (from - first).num_days();
            u32::try_from(days.max(0) / i64::from(d.max(1))).unwrap_or(u32::MAX)
        }
        Period::Months(m) => {
            let months = (i64::from(from.year()) - i64::from(first.year())) * 12
                + i64::from(from.month())
                - i64::from(first.month())
                - 1;
            u32::try_from(months.max(0) / i64::from(m.max(1))).unwrap_or(u32::MAX)
        }
    };
    let mut out = Vec::new();
    let mut k = k_from.max(skip);
    while let Some(date) = add_periods(first, period, k) {
        if date > to {
            break;
        }
        if date >= from {
            out.push(date);
        }
        let Some(next) = k.checked_add(1) else { break };
        k = next;
    }
    out
}

/// A KPI's anchor: the date of its latest measurement on or before
/// `as_of`, else its `baseline_date`; `None` without either.
pub(crate) fn kpi_anchor(k: &Kpi, as_of: NaiveDate) -> Option<NaiveDate> {
    k.measurements
        .iter()
        .map(|m| m.date.value)
        .filter(|d| *d <= as_of)
        .max()
        .or(k.baseline_date.as_ref().map(|d| d.value))
}

/// The KPI's cadence as a step: its own, else quarterly.
fn kpi_period(k: &Kpi) -> Period {
    Period::from(k.cadence.as_ref().map_or(Cadence::Quarterly, |c| c.value))
}

/// Builds the calendar of the plan's year.
pub fn build(r: &Roadmap, plan: &Plan, as_of: NaiveDate) -> Calendar {
    let year = plan.plan_year;
    let mut events = Vec::new();
    let (Some(from), Some(to)) = (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year, 12, 31),
    ) else {
        return Calendar {
            plan_year: year,
            as_of,
            currency: plan.currency.clone(),
            events,
        };
    };
    let in_year = |d: NaiveDate| d >= from && d <= to;

    for line in &plan.initiatives {
        let title = line.title.clone().unwrap_or_else(|| line.id.clone());
        for (kind, date) in [(EventKind::Start, line.start), (EventKind::End, line.end)] {
            if let Some(date) = date.filter(|d| in_year(*d)) {
                events.push(Event {
                    date,
                    kind,
                    id: line.id.clone(),
                    title: title.clone(),
                });
            }
        }
    }

    for k in &r.kpis {
        let Some(id) = &k.id else { continue };
        let Some(anchor) = kpi_anchor(k, as_of) else {
            continue;
        };
        let title = k.name.as_ref().map_or(&id.value, |n| &n.value);
        for date in series(anchor, kpi_period(k), 1, from, to) {
            events.push(Event {
                date,
                kind: EventKind::Kpi,
                id: id.value.clone(),
                title: title.clone(),
            });
        }
    }

    for c in &r.communications {
        let (Some(id), Some(start), Some(cadence)) = (&c.id, &c.start, &c.cadence) else {
            continue;
        };
        let start = start.value;
        let last = c.end.as_ref().map_or(to, |e| e.value.min(to));
        let dates = match Period::of_recurrence(cadence.value) {
            None => [start].into_iter().filter(|d| in_year(*d)).collect(),
            Some(period) => series(start, period, 0, from, last),
        };
        let title = c.title.as_ref().map_or(&id.value, |t| &t.value);
        for date in dates {
            events.push(Event {
                date,
                kind: EventKind::Communication,
                id: id.value.clone(),
                title: title.clone(),
            });
        }
    }

    events.sort_by(|a, b| (a.date, a.kind, &a.id).cmp(&(b.date, b.kind, &b.id)));
    Calendar {
        plan_year: year,
        as_of,
        currency: plan.currency.clone(),
        events,
    }
}

#[cfg(test)]
mod tests;
