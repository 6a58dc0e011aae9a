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
//! **Status** (SPEC section 8, *KPI status*). `start` is `baseline_date`,
//! else the date of the earliest measurement on or before `as_of`;
//! `target_date` the KPI's, else 31 December of the plan year; the *path*
//! the straight lines through `(start, baseline)`, each checkpoint of
//! `targets` in date order and `(target_date, target)`, flat at `target`
//! after `target_date`; `latest` the last measurement dated on or before
//! `as_of`. The status is the first that holds: `no-data` (no measurement
//! on or before `as_of`), `reached` (latest at or beyond the target in the
//! KPI's direction), `too-early` (no measurement dated after `start`),
//! `stale` (`as_of − latest date` more days than the cadence allows:
//! monthly 31, quarterly 92, half-yearly 183, yearly 366; default
//! quarterly), `on-track` (latest at or beyond the path at its date),
//! `behind`. The path's value is an exact fraction, compared without
//! rounding; `path_value` shows it rounded half away from zero to one
//! place more than the most decimals written (as in the file's text:
//! `12.50` has two) among the baseline, target, checkpoints and the
//! measurements on or before `as_of`.
//!
//! Measurements dated after `as_of` are left out of every figure (W016
//! says so): of `latest`, progress, the status, `series` and the places of
//! `path_value`. The report of a past `--as-of` is what was known then.
//!
//! Decisions where the SPEC is silent:
//! - **Order**: company, customer, business; within a group, file order.
//! - **Series**: the measurements up to `as_of`, in date order
//!   (measurements on the same date keep their file order); the latest is
//!   the last one.
//! - **No baseline or no target**: without a target nothing can be
//!   reached; without either there is no path. A rule that needs a missing
//!   value does not hold, and a KPI that none of `reached` … `behind` can
//!   judge is `no-data`: there is not the data to say.
//! - **Checkpoints** outside `(start, target_date)` are E014 and the
//!   reports do not run; should one reach the path anyway it is left out.
//!   Checkpoints on one date: the path reaches the first of them written.
//! - **Decimals written**: a whole number has none; a float's text has
//!   the digits after its point less its exponent (`1.25e1`: one, `5e-3`:
//!   three). Measurements after `as_of` do not count.
//! - **`path_value` of a reached KPI** is shown too: the status rule stops
//!   at `reached`, but where the path stood is still a fact.
//! - **Overflow**: values so large that the exact comparison overflows 128
//!   bits (beyond 10^25) leave the KPI `no-data`, never a guess.
//! - **Initiatives**: the ids of every initiative whose `kpis` names the
//!   KPI, whatever its status, in file order.
//! - A KPI without `id`, `group` or `direction` (E012, a data error) is
//!   left out.

pub(crate) mod ahead;

pub use ahead::{MoneyRange, Relation};

use crate::money::{Decimal, Money, div_round};
use crate::money_json as mj;
use crate::roadmap::{Cadence, Direction, Group, Kpi, Roadmap};
use chrono::NaiveDate;
use serde::{Serialize, Serializer};

/// The KPI dashboard of the roadmap.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KpiReport {
    #[serde(serialize_with = "mj::date")]
    pub as_of: NaiveDate,
    pub plan_year: i32,
    /// 31 December of the plan year: the target date of a KPI without one.
    #[serde(serialize_with = "mj::date")]
    pub target_date: NaiveDate,
    /// Company, customer, business; file order within each group.
    pub kpis: Vec<KpiLine>,
    /// Pairs of KPIs with at least 4 quarters in common, strongest first.
    pub relations: Vec<Relation>,
}

impl KpiReport {
    /// The KPIs of one group, in report order.
    pub(crate) fn group(&self, g: Group) -> impl Iterator<Item = &KpiLine> {
        self.kpis.iter().filter(move |k| k.group == g)
    }
}

/// Where a KPI stands (see the module doc for the rule), in the order the
/// rule tries them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum KpiStatus {
    NoData,
    Reached,
    TooEarly,
    Stale,
    OnTrack,
    Behind,
}

impl KpiStatus {
    /// Every status, in the order of the rule.
    pub const ALL: [KpiStatus; 6] = [
        KpiStatus::NoData,
        KpiStatus::Reached,
        KpiStatus::TooEarly,
        KpiStatus::Stale,
        KpiStatus::OnTrack,
        KpiStatus::Behind,
    ];

    /// The JSON and CSV code.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            KpiStatus::NoData => "no-data",
            KpiStatus::Reached => "reached",
            KpiStatus::TooEarly => "too-early",
            KpiStatus::Stale => "stale",
            KpiStatus::OnTrack => "on-track",
            KpiStatus::Behind => "behind",
        }
    }
}

/// One measurement, or one checkpoint.
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
    /// The value of the latest measurement on or before `as_of`.
    #[serde(serialize_with = "mj::opt_decimal")]
    pub latest: Option<Decimal>,
    #[serde(serialize_with = "mj::opt_date")]
    pub latest_date: Option<NaiveDate>,
    /// Rounded to one place; serialised as `"38.5"`.
    #[serde(serialize_with = "one_place")]
    pub progress_percent: Option<Decimal>,
    pub status: KpiStatus,
    /// Where the path starts: `baseline_date`, else the earliest
    /// measurement on or before `as_of`.
    #[serde(serialize_with = "mj::opt_date")]
    pub start: Option<NaiveDate>,
    /// When the target is to be reached.
    #[serde(serialize_with = "mj::date")]
    pub target_date: NaiveDate,
    /// The path at the latest measurement's date, rounded (see the module
    /// doc); only with a measurement after `start`.
    pub path_value: Option<String>,
    pub cadence: Cadence,
    /// The checkpoints in date order.
    pub targets: Vec<Point>,
    /// The measurements up to `as_of`, in date order.
    pub series: Vec<Point>,
    /// Ids of the initiatives that name this KPI.
    pub initiatives: Vec<String>,
    /// The least-squares projection at `target_date`, rounded like
    /// `path_value`; `null` with fewer than 3 measurements from `start`.
    pub projection: Option<String>,
    /// Whether the exact projection is at or beyond the target.
    pub projection_reaches: Option<bool>,
    /// The measurements the projection went through.
    #[serde(skip)]
    pub projection_n: usize,
    /// The projection's line for the dashboard's chart (a picture).
    #[serde(skip)]
    pub projection_line: Option<[(NaiveDate, f64); 2]>,
    /// What one unit is worth a year, with the assumption behind it.
    pub value_per_unit: Option<UnitValue>,
    /// The roadmap's currency, for the money values.
    #[serde(skip)]
    pub currency: String,
    /// improvement(latest − baseline) × value per unit.
    pub value_so_far: Option<MoneyRange>,
    /// improvement(target − latest) × value per unit.
    pub value_to_target: Option<MoneyRange>,
}

/// A KPI's `value_per_unit` as the report shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnitValue {
    #[serde(serialize_with = "mj::money")]
    pub low: Money,
    #[serde(serialize_with = "mj::money")]
    pub high: Money,
    pub note: Option<String>,
}

fn one_place<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&d.fixed(1)),
        None => s.serialize_none(),
    }
}

/// 31 December of the plan year: the target date of a KPI without one.
pub(crate) fn default_target_date(plan_year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(plan_year, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// Builds the report. `plan_year` sets the default target date (its 31
/// December).
pub fn build(r: &Roadmap, as_of: NaiveDate, plan_year: i32) -> KpiReport {
    let target_date = default_target_date(plan_year);
    let mut kpis: Vec<KpiLine> = r
        .kpis
        .iter()
        .filter_map(|k| {
            let (Some(id), Some(group), Some(direction)) = (&k.id, &k.group, &k.direction) else {
                return None;
            };
            let judged = judge(k, direction.value, as_of, target_date);
            let unit = k.value_per_unit.as_ref().and_then(|u| {
                let (low, high) = u.range()?;
                Some(UnitValue {
                    low,
                    high,
                    note: u.note.as_ref().map(|n| n.value.clone()),
                })
            });
            let worth = |from: Option<Decimal>, to: Option<Decimal>| {
                let u = unit.as_ref()?;
                ahead::worth(to?.checked_sub(from?)?, direction.value, (u.low, u.high))
            };
            let latest = judged.latest.map(|p| p.value);
            let value_so_far = worth(judged.baseline, latest);
            let value_to_target = worth(latest, judged.target);
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
                baseline: judged.baseline,
                target: judged.target,
                latest: judged.latest.map(|p| p.value),
                latest_date: judged.latest.map(|p| p.date),
                progress_percent: judged.progress,
                status: judged.status,
                start: judged.start,
                target_date: judged.target_date,
                path_value: judged.path_value,
                cadence: judged.cadence,
                targets: judged.checkpoints,
                series: judged.series,
                initiatives,
                projection: judged.projection.as_ref().map(|p| p.text.clone()),
                projection_reaches: judged.projection.as_ref().and_then(|p| p.reaches),
                projection_n: judged.projection.as_ref().map_or(0, |p| p.n),
                projection_line: judged.projection.as_ref().map(|p| p.line),
                value_per_unit: unit,
                currency: r.meta.currency().to_string(),
                value_so_far,
                value_to_target,
            })
        })
        .collect();
    kpis.sort_by_key(|k| k.group);
    let series: Vec<ahead::Series<'_>> = kpis
        .iter()
        .map(|k| ahead::Series {
            id: &k.id,
            direction: k.direction,
            quarters: ahead::quarterly(&k.series),
        })
        .collect();
    let relations = ahead::relations(&series);
    KpiReport {
        as_of,
        plan_year,
        target_date,
        kpis,
        relations,
    }
}

/// What [`judge`] finds of one KPI.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Judged {
    pub baseline: Option<Decimal>,
    pub target: Option<Decimal>,
    pub latest: Option<Point>,
    pub progress: Option<Decimal>,
    pub status: KpiStatus,
    pub start: Option<NaiveDate>,
    pub target_date: NaiveDate,
    pub path_value: Option<String>,
    pub cadence: Cadence,
    pub checkpoints: Vec<Point>,
    pub series: Vec<Point>,
    pub projection: Option<ahead::Projection>,
}

/// The status rule of the module doc, and the figures it reads.
pub(crate) fn judge(
    k: &Kpi,
    direction: Direction,
    as_of: NaiveDate,
    default_target: NaiveDate,
) -> Judged {
    let known: Vec<_> = k
        .measurements
        .iter()
        .filter(|m| m.date.value <= as_of)
        .collect();
    let mut series: Vec<Point> = known
        .iter()
        .map(|m| Point {
            date: m.date.value,
            value: m.value.value.value,
        })
        .collect();
    series.sort_by_key(|p| p.date);
    let mut checkpoints: Vec<Point> = k
        .targets
        .iter()
        .map(|c| Point {
            date: c.date.value,
            value: c.value.value.value,
        })
        .collect();
    checkpoints.sort_by_key(|p| p.date);
    let baseline = k.baseline.as_ref().map(|b| b.value.value);
    let target = k.target.as_ref().map(|t| t.value.value);
    let start = k
        .baseline_date
        .as_ref()
        .map(|d| d.value)
        .or_else(|| series.first().map(|p| p.date));
    let target_date = k.target_date.as_ref().map_or(default_target, |d| d.value);
    let cadence = k.cadence.as_ref().map_or(Cadence::Quarterly, |c| c.value);
    let latest = series.last().copied();
    let progress = match (baseline, target, latest) {
        (Some(b), Some(t), Some(l)) => progress_percent(b, t, l.value),
        _ => None,
    };
    // The places of `path_value`: one more than the most written.
    let places = k
        .baseline
        .iter()
        .chain(k.target.iter())
        .map(|w| w.value.places)
        .chain(k.targets.iter().map(|c| c.value.value.places))
        .chain(known.iter().map(|m| m.value.value.places))
        .max()
        .unwrap_or(0)
        .saturating_add(1);
    let moved = match (start, latest) {
        (Some(s), Some(l)) => l.date > s,
        _ => false,
    };
    let path = match (start, baseline, target) {
        (Some(s), Some(b), Some(t)) => Some(Path::new(s, b, &checkpoints, target_date, t)),
        _ => None,
    };
    let at_latest = match (&path, latest) {
        (Some(p), Some(l)) if moved => p.at(l.date),
        _ => None,
    };
    let status = status(StatusInputs {
        direction,
        as_of,
        cadence,
        target,
        latest,
        moved,
        path_at_latest: at_latest,
    });
    let projection =
        start.and_then(|s| ahead::project(&series, s, target_date, target, direction, places));
    Judged {
        projection,
        baseline,
        target,
        latest,
        progress,
        status,
        start,
        target_date,
        path_value: at_latest.and_then(|f| f.fixed(places)),
        cadence,
        checkpoints,
        series,
    }
}

/// What the status rule reads.
#[derive(Clone, Copy, Debug)]
pub(crate) struct StatusInputs {
    pub direction: Direction,
    pub as_of: NaiveDate,
    pub cadence: Cadence,
    pub target: Option<Decimal>,
    /// The last measurement on or before `as_of`.
    pub latest: Option<Point>,
    /// Whether a measurement is dated after `start`.
    pub moved: bool,
    /// The path at the latest measurement's date.
    pub path_at_latest: Option<Fraction>,
}

/// The first status that holds (module doc).
pub(crate) fn status(i: StatusInputs) -> KpiStatus {
    let Some(latest) = i.latest else {
        return KpiStatus::NoData;
    };
    let at_or_beyond = |x: std::cmp::Ordering| match i.direction {
        Direction::Up => x.is_ge(),
        Direction::Down => x.is_le(),
    };
    if i.target.is_some_and(|t| at_or_beyond(latest.value.cmp(&t))) {
        return KpiStatus::Reached;
    }
    if !i.moved {
        return KpiStatus::TooEarly;
    }
    if (i.as_of - latest.date).num_days() > i.cadence.days() {
        return KpiStatus::Stale;
    }
    match i.path_at_latest.and_then(|p| p.cmp_decimal(latest.value)) {
        Some(o) if at_or_beyond(o) => KpiStatus::OnTrack,
        Some(_) => KpiStatus::Behind,
        None => KpiStatus::NoData,
    }
}

/// An exact value `num / den` in the units of [`Decimal`] (millionths),
/// `den > 0`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Fraction {
    pub num: i128,
    pub den: i128,
}

impl Fraction {
    /// How `d` compares with this value, exactly; `None` on overflow.
    pub(crate) fn cmp_decimal(self, d: Decimal) -> Option<std::cmp::Ordering> {
        Some(d.0.checked_mul(self.den)?.cmp(&self.num))
    }

    /// Rounded half away from zero to `places` decimals, as text with
    /// exactly that many places; `None` on overflow.
    pub(crate) fn fixed(self, places: u32) -> Option<String> {
        let six = Decimal::PLACES;
        let units = if places <= six {
            let den = self.den.checked_mul(10i128.checked_pow(six - places)?)?;
            div_round(self.num, den)?
        } else {
            let num = self.num.checked_mul(10i128.checked_pow(places - six)?)?;
            div_round(num, self.den)?
        };
        let sign = if units < 0 { "-" } else { "" };
        let abs = units.unsigned_abs();
        if places == 0 {
            return Some(format!("{sign}{abs}"));
        }
        let p = 10u128.checked_pow(places)?;
        Some(format!(
            "{sign}{}.{:0width$}",
            abs / p,
            abs % p,
            width = places as usize
        ))
    }
}

/// The path to the target: straight lines through its points in date
/// order, flat before the first and after the last.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Path {
    points: Vec<Point>,
}

impl Path {
    /// Through `(start, baseline)`, the checkpoints strictly between
    /// `start` and `target_date` (in date order, as given), and
    /// `(target_date, target)`. When `target_date` is not after `start`
    /// (E014) the path is the target from `start` on.
    pub(crate) fn new(
        start: NaiveDate,
        baseline: Decimal,
        checkpoints: &[Point],
        target_date: NaiveDate,
        target: Decimal,
    ) -> Path {
        let mut points = Vec::with_capacity(checkpoints.len() + 2);
        if target_date > start {
            points.push(Point {
                date: start,
                value: baseline,
            });
            points.extend(
                checkpoints
                    .iter()
                    .filter(|c| c.date > start && c.date < target_date),
            );
        }
        points.push(Point {
            date: target_date,
            value: target,
        });
        Path { points }
    }

    /// The path's exact value at `t`; `None` on overflow.
    pub(crate) fn at(&self, t: NaiveDate) -> Option<Fraction> {
        let first = self.points.first()?;
        let last = self.points.last()?;
        if t <= first.date {
            return Some(Fraction {
                num: first.value.0,
                den: 1,
            });
        }
        if t >= last.date {
            return Some(Fraction {
                num: last.value.0,
                den: 1,
            });
        }
        // The first point at or after `t`; the one before it is before `t`.
        let j = self.points.iter().position(|p| p.date >= t)?;
        let (a, b) = (self.points.get(j.checked_sub(1)?)?, self.points.get(j)?);
        let span = i128::from((b.date - a.date).num_days());
        let done = i128::from((t - a.date).num_days());
        let rise = b.value.0.checked_sub(a.value.0)?;
        let num = a
            .value
            .0
            .checked_mul(span)?
            .checked_add(rise.checked_mul(done)?)?;
        Some(Fraction { num, den: span })
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

#[cfg(test)]
mod tests;
