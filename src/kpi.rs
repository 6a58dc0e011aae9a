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
mod tests {
    use super::*;
    use crate::roadmap::{Initiative, Kpi, Measurement};
    use crate::source::{Sp, Span};

    fn d(text: &str) -> Decimal {
        Decimal::parse(text).unwrap()
    }

    fn date(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn sp<T>(v: T) -> Option<Sp<T>> {
        Some(Sp::new(v, Span::default()))
    }

    fn kpi(id: &str, group: Group, direction: Direction, b: &str, t: &str) -> Kpi {
        Kpi {
            id: sp(id.to_string()),
            group: sp(group),
            direction: sp(direction),
            baseline: sp(d(b)),
            target: sp(d(t)),
            ..Kpi::default()
        }
    }

    fn m(date: NaiveDate, v: &str) -> Measurement {
        Measurement {
            span: Span::default(),
            date: Sp::new(date, Span::default()),
            value: Sp::new(d(v), Span::default()),
        }
    }

    #[test]
    fn progress_is_exact_and_rounded_once() {
        // (17 − 12) / (25 − 12) = 38.46… %
        assert_eq!(progress_percent(d("12"), d("25"), d("17")), Some(d("38.5")));
        // Down: 9.5 → 9.1 of 9.5 → 8.0 = 26.66… %
        assert_eq!(
            progress_percent(d("9.5"), d("8.0"), d("9.1")),
            Some(d("26.7"))
        );
        // The wrong way is negative.
        assert_eq!(
            progress_percent(d("9.5"), d("8.0"), d("9.8")),
            Some(d("-20"))
        );
        // Half away from zero: 1/8 = 12.5 % → 12.5; 1/16 = 6.25 % → 6.3.
        assert_eq!(progress_percent(d("0"), d("16"), d("1")), Some(d("6.3")));
        assert_eq!(progress_percent(d("0"), d("-16"), d("1")), Some(d("-6.3")));
        assert_eq!(progress_percent(d("5"), d("5"), d("7")), None);
        assert_eq!(
            progress_percent(Decimal(i128::MAX), d("0"), Decimal(i128::MIN)),
            None
        );
    }

    #[test]
    fn status_rule() {
        let half = Some(Share { num: 1, den: 2 });
        let up = Direction::Up;
        let down = Direction::Down;
        let s = |b: &str, t: &str, l: &str, dir, e| status(Some(d(b)), d(t), d(l), dir, e);
        assert_eq!(s("0", "10", "10", up, half), Some(KpiStatus::Reached));
        assert_eq!(s("0", "10", "12", up, half), Some(KpiStatus::Reached));
        assert_eq!(s("10", "5", "4", down, half), Some(KpiStatus::Reached));
        assert_eq!(s("0", "10", "5", up, half), Some(KpiStatus::OnTrack));
        assert_eq!(s("0", "10", "4.9", up, half), Some(KpiStatus::Behind));
        assert_eq!(s("10", "5", "7.5", down, half), Some(KpiStatus::OnTrack));
        assert_eq!(s("10", "5", "7.6", down, half), Some(KpiStatus::Behind));
        // A single measurement: on track unless it moved the wrong way.
        let none = Some(Share { num: 0, den: 10 });
        assert_eq!(s("10", "20", "10", up, none), Some(KpiStatus::OnTrack));
        assert_eq!(s("10", "20", "9", up, none), Some(KpiStatus::Behind));
        // Target equal to baseline and not reached: behind.
        assert_eq!(s("10", "10", "9", up, none), Some(KpiStatus::Behind));
        // No baseline: only "reached" can be told.
        assert_eq!(
            status(None, d("10"), d("11"), up, half),
            Some(KpiStatus::Reached)
        );
        assert_eq!(status(None, d("10"), d("9"), up, half), None);
    }

    #[test]
    fn elapsed_share_is_clamped() {
        let end = date(2027, 12, 31);
        let s = elapsed_share(date(2027, 1, 1), date(2027, 7, 2), end);
        assert_eq!(s, Share { num: 182, den: 364 });
        assert_eq!(s.percent(), Some(d("50")));
        let late = elapsed_share(date(2027, 1, 1), date(2028, 3, 1), end);
        assert_eq!(late.num, late.den);
        assert_eq!(
            elapsed_share(date(2028, 1, 1), date(2028, 1, 1), end),
            Share { num: 1, den: 1 }
        );
    }

    #[test]
    fn build_groups_sorts_and_links() {
        let mut nps = kpi("nps", Group::Customer, Direction::Up, "12", "25");
        nps.measurements = vec![m(date(2026, 9, 30), "17"), m(date(2026, 3, 31), "12")];
        let mut fcr = kpi("fcr", Group::Company, Direction::Up, "68", "75");
        fcr.measurements = vec![m(date(2026, 3, 31), "68")];
        let churn = kpi("churn", Group::Business, Direction::Down, "9.5", "8");
        let no_group = Kpi {
            group: None,
            ..kpi("x", Group::Company, Direction::Up, "1", "2")
        };
        let r = Roadmap {
            kpis: vec![churn, nps, no_group, fcr],
            initiatives: vec![
                Initiative {
                    id: sp("a".to_string()),
                    kpis: vec![Sp::new("nps".to_string(), Span::default())],
                    ..Initiative::default()
                },
                Initiative {
                    id: sp("b".to_string()),
                    kpis: vec![
                        Sp::new("churn".to_string(), Span::default()),
                        Sp::new("nps".to_string(), Span::default()),
                    ],
                    ..Initiative::default()
                },
            ],
            ..Roadmap::default()
        };
        let rep = build(&r, date(2026, 11, 15), 2027);
        let ids: Vec<&str> = rep.kpis.iter().map(|k| k.id.as_str()).collect();
        assert_eq!(ids, ["fcr", "nps", "churn"]);
        let nps = &rep.kpis[1];
        assert_eq!(nps.series[0].date, date(2026, 3, 31));
        assert_eq!(nps.latest, Some(d("17")));
        assert_eq!(nps.latest_date, Some(date(2026, 9, 30)));
        assert_eq!(nps.progress_percent, Some(d("38.5")));
        assert_eq!(nps.status, Some(KpiStatus::OnTrack));
        assert_eq!(nps.initiatives, ["a", "b"]);
        // A single measurement at the baseline: no time elapsed, on track.
        assert_eq!(rep.kpis[0].progress_percent, Some(d("0")));
        assert_eq!(rep.kpis[0].time_elapsed_percent, Some(d("0")));
        assert_eq!(rep.kpis[0].status, Some(KpiStatus::OnTrack));
        // No measurement: no latest, no progress, no status.
        let churn = &rep.kpis[2];
        assert_eq!(
            (churn.latest, churn.progress_percent, churn.status),
            (None, None, None)
        );
        let json = serde_json::to_value(&rep).unwrap();
        assert_eq!(json["kpis"][1]["progress_percent"], "38.5");
        assert_eq!(json["kpis"][1]["status"], "on-track");
        assert_eq!(json["kpis"][1]["series"][1]["value"], "17");
        assert_eq!(json["kpis"][2]["latest"], serde_json::Value::Null);
        assert_eq!(json["kpis"][0]["progress_percent"], "0.0");
    }
}
