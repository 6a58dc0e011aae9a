//! The KPI report (`cxm kpi`, SPEC section 6): every `[[kpis]]` entry with
//! its baseline, latest measurement, target, progress, trend, a status and
//! the initiatives that name it, grouped the way the board reads them: the
//! company's eyes, the customer's, the business's. Pure: `&Roadmap ->
//! KpiReport`; renderers only lay it out.
//!
//! Progress is `(latest − baseline) / (target − baseline)` as a percentage,
//! computed exactly on the decimals written in the file and rounded once,
//! half away from zero, to one place. It is `null` without a measurement,
//! without a baseline or target, or when `target = baseline`. It does not
//! depend on `direction`: for a "down" KPI the target lies below the
//! baseline, so a fall is positive progress and a rise is negative.
//!
//! Decisions where the SPEC is silent:
//! - **Order**: company, customer, business; within a group, file order.
//! - **Series**: every measurement, in date order (measurements on the same
//!   date keep their file order); the latest is the last one. `--as-of`
//!   does not hide measurements dated after it: a KPI's figures are what
//!   was measured, not a view of the past.
//! - **Status**, the question a board asks of a KPI: will we get there?
//!   - `reached`: the latest measurement is at or beyond the target in the
//!     KPI's direction (`up`: latest ≥ target; `down`: latest ≤ target);
//!   - `on-track`: not reached, and progress is at least the share of time
//!     elapsed (at the latest measurement's date) between the first
//!     measurement and the end of the plan year, the date targets are set
//!     for. A single measurement has no time elapsed yet, so it is on track
//!     when it has not moved the wrong way (progress ≥ 0);
//!   - `behind`: otherwise (including every KPI still short of its target
//!     at or after the end of the plan year);
//!   - `null` (shown as "no data") without a measurement, without a target,
//!     or when progress cannot be computed and the target is not reached.
//! - **Initiatives**: the ids of every initiative whose `kpis` names the
//!   KPI, whatever its status, in file order.
//! - A KPI without `id`, `group` or `direction` (E012, a data error) is
//!   left out.

use crate::money::Decimal;
use crate::money_json as mj;
use crate::roadmap::{Direction, Group, Roadmap};
use chrono::NaiveDate;
use serde::{Serialize, Serializer};

/// The KPI dashboard of the roadmap.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KpiReport {
    #[serde(serialize_with = "mj::date")]
    pub as_of: NaiveDate,
    pub plan_year: i32,
    /// 31 December of the plan year: the date the status measures time to.
    #[serde(serialize_with = "mj::date")]
    pub target_date: NaiveDate,
    /// Company, customer, business; file order within each group.
    pub kpis: Vec<KpiLine>,
}

impl KpiReport {
    /// The KPIs of one group, in report order.
    pub(crate) fn group(&self, g: Group) -> impl Iterator<Item = &KpiLine> {
        self.kpis.iter().filter(move |k| k.group == g)
    }
}

/// Whether a KPI will get to its target (see the module doc for the rule).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum KpiStatus {
    Reached,
    OnTrack,
    Behind,
}

impl KpiStatus {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            KpiStatus::Reached => "reached",
            KpiStatus::OnTrack => "on-track",
            KpiStatus::Behind => "behind",
        }
    }
}

/// One measurement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Point {
    #[serde(serialize_with = "mj::date")]
    pub date: NaiveDate,
    #[serde(serialize_with = "mj::decimal")]
    pub value: Decimal,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KpiLine {
    pub id: String,
    pub name: Option<String>,
    pub group: Group,
    pub unit: Option<String>,
    pub direction: Direction,
    #[serde(serialize_with = "mj::opt_decimal")]
    pub baseline: Option<Decimal>,
    #[serde(serialize_with = "mj::opt_decimal")]
    pub target: Option<Decimal>,
    /// The value of the latest measurement.
    #[serde(serialize_with = "mj::opt_decimal")]
    pub latest: Option<Decimal>,
    #[serde(serialize_with = "mj::opt_date")]
    pub latest_date: Option<NaiveDate>,
    /// Rounded to one place; serialised as `"38.5"`.
    #[serde(serialize_with = "one_place")]
    pub progress_percent: Option<Decimal>,
    /// The share of time elapsed from the first measurement to the target
    /// date, at the latest measurement, rounded to one place: the progress
    /// that counts as on track.
    #[serde(serialize_with = "one_place")]
    pub time_elapsed_percent: Option<Decimal>,
    pub status: Option<KpiStatus>,
    /// The measurements in date order.
    pub series: Vec<Point>,
    /// Ids of the initiatives that name this KPI.
    pub initiatives: Vec<String>,
}

fn one_place<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&d.fixed(1)),
        None => s.serialize_none(),
    }
}

/// Builds the report. `plan_year` sets the target date (its 31 December).
pub fn build(r: &Roadmap, as_of: NaiveDate, plan_year: i32) -> KpiReport {
    let target_date = NaiveDate::from_ymd_opt(plan_year, 12, 31).unwrap_or(NaiveDate::MAX);
    let mut kpis: Vec<KpiLine> = r
        .kpis
        .iter()
        .filter_map(|k| {
            let (Some(id), Some(group), Some(direction)) = (&k.id, &k.group, &k.direction) else {
                return None;
            };
            let mut series: Vec<Point> = k
                .measurements
                .iter()
                .map(|m| Point {
                    date: m.date.value,
                    value: m.value.value,
                })
                .collect();
            series.sort_by_key(|p| p.date);
            let baseline = k.baseline.as_ref().map(|b| b.value);
            let target = k.target.as_ref().map(|t| t.value);
            let first = series.first().copied();
            let last = series.last().copied();
            let progress = match (baseline, target, last) {
                (Some(b), Some(t), Some(l)) => progress_percent(b, t, l.value),
                _ => None,
            };
            let elapsed = match (first, last) {
                (Some(f), Some(l)) => Some(elapsed_share(f.date, l.date, target_date)),
                _ => None,
            };
            let status = match (target, last) {
                (Some(t), Some(l)) => status(baseline, t, l.value, direction.value, elapsed),
                _ => None,
            };
            let initiatives = r
                .initiatives
                .iter()
                .filter(|i| i.kpis.iter().any(|n| n.value == id.value))
                .filter_map(|i| i.id.as_ref().map(|x| x.value.clone()))
                .collect();
            Some(KpiLine {
                id: id.value.clone(),
                name: k.name.as_ref().map(|n| n.value.clone()),
                group: group.value,
                unit: k.unit.as_ref().map(|u| u.value.clone()),
                direction: direction.value,
                baseline,
                target,
                latest: last.map(|p| p.value),
                latest_date: last.map(|p| p.date),
                progress_percent: progress,
                time_elapsed_percent: elapsed.and_then(Share::percent),
                status,
                series,
                initiatives,
            })
        })
        .collect();
    kpis.sort_by_key(|k| k.group);
    KpiReport {
        as_of,
        plan_year,
        target_date,
        kpis,
    }
}

/// `(latest − baseline) / (target − baseline) × 100`, rounded half away
/// from zero to one place; `None` when `target = baseline` or on overflow.
pub(crate) fn progress_percent(
    baseline: Decimal,
    target: Decimal,
    latest: Decimal,
) -> Option<Decimal> {
    Decimal::percent_of(
        latest.checked_sub(baseline)?.0,
        target.checked_sub(baseline)?.0,
    )
}

/// An exact fraction `num / den` with `0 ≤ num ≤ den`, `den > 0`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Share {
    pub num: i128,
    pub den: i128,
}

impl Share {
    /// As a percentage rounded to one place.
    pub(crate) fn percent(self) -> Option<Decimal> {
        Decimal::percent_of(self.num, self.den)
    }
}

/// The share of `[first, end]` elapsed at `at`, in days, clamped to 0–1.
/// When `first` is at or after `end` the time is up: 1.
pub(crate) fn elapsed_share(first: NaiveDate, at: NaiveDate, end: NaiveDate) -> Share {
    let total = i128::from((end - first).num_days());
    if total <= 0 {
        return Share { num: 1, den: 1 };
    }
    let done = i128::from((at - first).num_days()).clamp(0, total);
    Share {
        num: done,
        den: total,
    }
}

/// The status rule of the module doc.
pub(crate) fn status(
    baseline: Option<Decimal>,
    target: Decimal,
    latest: Decimal,
    direction: Direction,
    elapsed: Option<Share>,
) -> Option<KpiStatus> {
    let reached = match direction {
        Direction::Up => latest >= target,
        Direction::Down => latest <= target,
    };
    if reached {
        return Some(KpiStatus::Reached);
    }
    let b = baseline?;
    let e = elapsed?;
    // progress ≥ e ⇔ (latest − b) / (target − b) ≥ num / den; with the
    // progress' denominator made positive: (latest − b) × den ≥ num × (target − b).
    let mut p_num = latest.checked_sub(b)?.0;
    let mut p_den = target.checked_sub(b)?.0;
    if p_den == 0 {
        return Some(KpiStatus::Behind);
    }
    if p_den < 0 {
        p_num = p_num.checked_neg()?;
        p_den = p_den.checked_neg()?;
    }
    let on_track = match (p_num.checked_mul(e.den), e.num.checked_mul(p_den)) {
        (Some(l), Some(r)) => l >= r,
        // Values beyond 10^25: compare the rounded percentages instead.
        _ => progress_percent(b, target, latest)? >= e.percent()?,
    };
    Some(if on_track {
        KpiStatus::OnTrack
    } else {
        KpiStatus::Behind
    })
}

#[cfg(test)]
mod tests;
