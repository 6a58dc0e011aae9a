//! What the KPI report says beyond the status (SPEC section 8): the look
//! ahead (a least-squares line to the target date), what a KPI is worth in
//! money, and which KPIs move together.
//!
//! **Looking ahead.** With at least 3 measurements dated from `start` to
//! `as_of`, the least-squares line through `(days since start, value)` is
//! computed exactly, in big integers (sums of squares of day counts times
//! values in millionths leave 128 bits behind), and its value at
//! `target_date` is the projection: `(Σy·D + N·(n·X − Σx)) / (n·D)` with
//! `D = nΣx² − (Σx)²`, `N = nΣxy − ΣxΣy` and `X` the target date's day.
//! Measurements on one date only (`D = 0`) give none. It is rounded half
//! away from zero to the places of `path_value`; `projection_reaches`
//! compares the exact value with the target (`null` without a target).
//!
//! **Money value.** `value_so_far` = improvement(latest − baseline) × value
//! per unit, `value_to_target` = improvement(target − latest) × value per
//! unit, each end of the value range multiplied and rounded once to the
//! minor unit, half away from zero; the range is the smaller and the larger
//! product. `null` without the figures, or with `value_per_unit` in error
//! (E006). A negative `value_to_target` (beyond the target) is shown as it
//! is: a margin already won.
//!
//! **Relations.** Quarterly series, Pearson's r in `f64` (SPEC: a
//! statistic, not money), rounded half away from zero to hundredths and kept
//! as whole hundredths from then on, so the |r| ≥ 0.5 threshold and the
//! order read the rounded figure. Pairs follow the report's KPI order (`a`
//! before `b`); the list is ordered strongest first (|r| descending), ties
//! in pair order, in JSON too. A rounded r of 0.00 is not "together".

use super::Point;
use crate::money::{Decimal, Money};
use crate::roadmap::Direction;
use chrono::{Datelike, NaiveDate};
use num_bigint::BigInt;
use serde::{Serialize, Serializer};

/// `round(num / den)`, half away from zero; `den ≠ 0`.
fn div_round_big(num: &BigInt, den: &BigInt) -> BigInt {
    let zero = BigInt::from(0);
    let (num, den) = if *den < zero {
        (-num, -den)
    } else {
        (num.clone(), den.clone())
    };
    let q = &num / &den;
    let r = &num - &q * &den;
    let twice = &r + &r;
    if twice >= den {
        q + 1
    } else if -twice >= den {
        q - 1
    } else {
        q
    }
}

/// The exact value `num / den` (in millionths, `den > 0`) as text with
/// `places` decimals, rounded half away from zero.
fn fixed_big(num: &BigInt, den: &BigInt, places: u32) -> String {
    let ten = BigInt::from(10);
    let six = Decimal::PLACES;
    let units = if places <= six {
        div_round_big(num, &(den * ten.pow(six - places)))
    } else {
        div_round_big(&(num * ten.pow(places - six)), den)
    };
    let negative = units < BigInt::from(0);
    let digits = if negative { -units } else { units }.to_string();
    let sign = if negative { "-" } else { "" };
    let places = places as usize;
    if places == 0 {
        return format!("{sign}{digits}");
    }
    let padded = format!("{digits:0>width$}", width = places + 1);
    let (whole, frac) = padded.split_at(padded.len() - places);
    format!("{sign}{whole}.{frac}")
}

/// The projection at `target_date` and whether it reaches the target.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Projection {
    /// Rounded to `places`.
    pub text: String,
    /// `None` without a target.
    pub reaches: Option<bool>,
    /// How many measurements the line went through.
    pub n: usize,
    /// For drawing only: the line from the first measurement it rests on
    /// to the target date (values as `f64`, a picture, not a figure).
    pub line: [(NaiveDate, f64); 2],
}

/// The least-squares projection (module doc) through the points dated from
/// `start` on, at `target_date`; `None` with fewer than 3 of them or all
/// on one date.
pub(crate) fn project(
    points: &[Point],
    start: NaiveDate,
    target_date: NaiveDate,
    target: Option<Decimal>,
    direction: Direction,
    places: u32,
) -> Option<Projection> {
    let used: Vec<&Point> = points.iter().filter(|p| p.date >= start).collect();
    let n = used.len();
    if n < 3 {
        return None;
    }
    let (mut sx, mut sy, mut sxx, mut sxy) = (
        BigInt::from(0),
        BigInt::from(0),
        BigInt::from(0),
        BigInt::from(0),
    );
    for p in &used {
        let x = BigInt::from((p.date - start).num_days());
        let y = BigInt::from(p.value.0);
        sxx += &x * &x;
        sxy += &x * &y;
        sx += x;
        sy += y;
    }
    let nb = BigInt::from(n);
    let d = &nb * &sxx - &sx * &sx;
    if d <= BigInt::from(0) {
        return None;
    }
    let slope = &nb * &sxy - &sx * &sy;
    let den = &nb * &d;
    let value_at = |day: i64| &sy * &d + &slope * (&nb * BigInt::from(day) - &sx);
    let num = value_at((target_date - start).num_days());
    let first = used.first().map_or(start, |p| p.date);
    let picture = |num: &BigInt| fixed_big(num, &den, 6).parse::<f64>().unwrap_or(f64::NAN);
    let line = [
        (first, picture(&value_at((first - start).num_days()))),
        (target_date, picture(&num)),
    ];
    let reaches = target.map(|t| {
        let t = BigInt::from(t.0) * &den;
        match direction {
            Direction::Up => num >= t,
            Direction::Down => num <= t,
        }
    });
    Some(Projection {
        text: fixed_big(&num, &den, places),
        reaches,
        n,
        line,
    })
}

/// A low–high money range; in JSON `{ "low": "…", "high": "…" }`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct MoneyRange {
    #[serde(serialize_with = "crate::money_json::money")]
    pub low: Money,
    #[serde(serialize_with = "crate::money_json::money")]
    pub high: Money,
}

impl MoneyRange {
    /// The smallest and largest of the products, each rounded once.
    pub(crate) fn of(products: &[Money]) -> Option<MoneyRange> {
        Some(MoneyRange {
            low: products.iter().min().copied()?,
            high: products.iter().max().copied()?,
        })
    }
}

/// A change `Δ` as an improvement: `Δ` for `up`, `−Δ` for `down`.
pub(crate) fn improvement(delta: Decimal, direction: Direction) -> Option<Decimal> {
    match direction {
        Direction::Up => Some(delta),
        Direction::Down => Decimal::ZERO.checked_sub(delta),
    }
}

/// improvement(`delta`) × each end of `value`, each rounded once.
pub(crate) fn worth(
    delta: Decimal,
    direction: Direction,
    value: (Money, Money),
) -> Option<MoneyRange> {
    let i = improvement(delta, direction)?;
    MoneyRange::of(&[value.0.mul_decimal(i)?, value.1.mul_decimal(i)?])
}

/// Two KPIs that move together, or against each other.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Relation {
    pub a: String,
    pub b: String,
    /// Quarters in common.
    pub n: usize,
    /// Pearson's r in hundredths (rounded), as `"0.87"` in JSON.
    #[serde(serialize_with = "hundredths")]
    pub r: i32,
    /// Whether improvements of both go together.
    pub together: bool,
}

fn hundredths<S: Serializer>(r: &i32, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&hundredths_text(*r))
}

/// `87` as `0.87`, `-50` as `-0.50`.
pub(crate) fn hundredths_text(r: i32) -> String {
    let sign = if r < 0 { "-" } else { "" };
    let a = r.unsigned_abs();
    format!("{sign}{}.{:02}", a / 100, a % 100)
}

/// The quarter of a date, as a number that orders quarters.
fn quarter(d: NaiveDate) -> i32 {
    d.year() * 4 + d.month0() as i32 / 3
}

/// The last measurement of each calendar quarter (`series` in date order).
pub(crate) fn quarterly(series: &[Point]) -> Vec<(i32, Decimal)> {
    let mut out: Vec<(i32, Decimal)> = Vec::new();
    for p in series {
        let q = quarter(p.date);
        match out.last_mut() {
            Some(last) if last.0 == q => last.1 = p.value,
            _ => out.push((q, p.value)),
        }
    }
    out
}

/// Pearson's r of two equally long series, rounded to hundredths; `None`
/// when one is constant (or shorter than 2).
pub(crate) fn pearson(xs: &[f64], ys: &[f64]) -> Option<i32> {
    let n = xs.len();
    if n < 2 || ys.len() != n {
        return None;
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / n as f64;
    let (mx, my) = (mean(xs), mean(ys));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in xs.iter().zip(ys) {
        let (dx, dy) = (x - mx, y - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    if sxx <= 0.0 || syy <= 0.0 {
        return None;
    }
    let r = (sxy / (sxx.sqrt() * syy.sqrt())).clamp(-1.0, 1.0);
    // f64::round is half away from zero; |r| ≤ 1, so the cast is exact.
    Some((r * 100.0).round() as i32)
}

/// One KPI as [`relations`] reads it.
pub(crate) struct Series<'a> {
    pub id: &'a str,
    pub direction: Direction,
    pub quarters: Vec<(i32, Decimal)>,
}

/// Every pair with at least 4 quarters in common and an r, strongest first.
pub(crate) fn relations(kpis: &[Series<'_>]) -> Vec<Relation> {
    let sign = |d: Direction| match d {
        Direction::Up => 1,
        Direction::Down => -1,
    };
    let mut out = Vec::new();
    for (i, a) in kpis.iter().enumerate() {
        for b in kpis.iter().skip(i + 1) {
            let (mut xs, mut ys) = (Vec::new(), Vec::new());
            for (q, x) in &a.quarters {
                if let Some((_, y)) = b.quarters.iter().find(|(qb, _)| qb == q) {
                    // Millionths as f64: a statistic, not a figure.
                    xs.push(x.0 as f64);
                    ys.push(y.0 as f64);
                }
            }
            if xs.len() < 4 {
                continue;
            }
            let Some(r) = pearson(&xs, &ys) else {
                continue;
            };
            out.push(Relation {
                a: a.id.to_string(),
                b: b.id.to_string(),
                n: xs.len(),
                r,
                together: r * sign(a.direction) * sign(b.direction) > 0,
            });
        }
    }
    out.sort_by_key(|r| std::cmp::Reverse(r.r.unsigned_abs()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(n: i64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default() + chrono::Duration::days(n)
    }

    proptest! {
        /// Points on a line project onto that line, exactly.
        #[test]
        fn projection_of_a_line_is_the_line(
            a in -1_000_000i64..1_000_000,
            b in -1_000i64..1_000,
            mut xs in proptest::collection::btree_set(0i64..2000, 3..12),
            at in 1i64..4000,
        ) {
            let xs: Vec<i64> = std::mem::take(&mut xs).into_iter().collect();
            // value = a + b·x, in thousandths.
            let pts: Vec<Point> = xs.iter().map(|x| Point {
                date: day(*x),
                value: Decimal(i128::from(a + b * x) * 1000),
            }).collect();
            let p = project(&pts, day(0), day(at), None, Direction::Up, 3).unwrap();
            let want = Decimal(i128::from(a + b * at) * 1000).fixed(3);
            prop_assert_eq!(p.text, want);
            prop_assert_eq!(p.n, xs.len());
        }

        /// r of a series with itself is 1, with its negation −1.
        #[test]
        fn r_of_itself_and_its_negation(v in proptest::collection::vec(-1e6f64..1e6, 4..20)) {
            prop_assume!(v.iter().any(|x| (x - v[0]).abs() > 1e-3));
            let neg: Vec<f64> = v.iter().map(|x| -x).collect();
            prop_assert_eq!(pearson(&v, &v), Some(100));
            prop_assert_eq!(pearson(&v, &neg), Some(-100));
        }

        /// Worth ranges have their ends in order, whatever the signs.
        #[test]
        fn worth_ends_ordered(delta in -1_000_000_000i128..1_000_000_000, lo in 0i128..10_000_000, extra in 0i128..10_000_000, up in any::<bool>()) {
            let dir = if up { Direction::Up } else { Direction::Down };
            let r = worth(Decimal(delta), dir, (Money(lo), Money(lo + extra))).unwrap();
            prop_assert!(r.low <= r.high);
        }
    }

    #[test]
    fn too_few_or_one_date_give_no_projection() {
        let p = |d: i64, v: i128| Point {
            date: day(d),
            value: Decimal(v),
        };
        assert!(project(&[p(1, 1), p(2, 2)], day(0), day(9), None, Direction::Up, 1).is_none());
        assert!(
            project(
                &[p(1, 1), p(1, 2), p(1, 3)],
                day(0),
                day(9),
                None,
                Direction::Up,
                1
            )
            .is_none()
        );
        // Before start: not counted.
        assert!(
            project(
                &[p(1, 1), p(2, 2), p(3, 3)],
                day(2),
                day(9),
                None,
                Direction::Up,
                1
            )
            .is_none()
        );
    }

    #[test]
    fn projection_rounds_half_away_and_reaches() {
        let p = |d: i64, v: i128| Point {
            date: day(d),
            value: Decimal(v * Decimal::SCALE),
        };
        // 0, 1, 0 at days 0, 1, 2: slope 0, mean 1/3.
        let pr = project(
            &[p(0, 0), p(1, 1), p(2, 0)],
            day(0),
            day(10),
            Some(Decimal(0)),
            Direction::Down,
            1,
        )
        .unwrap();
        assert_eq!(pr.text, "0.3");
        assert_eq!(pr.reaches, Some(false));
        // -1, -2, -3 → at day 10: -11; places 0.
        let pr = project(
            &[p(0, -1), p(1, -2), p(2, -3)],
            day(0),
            day(10),
            Some(Decimal(-11 * Decimal::SCALE)),
            Direction::Down,
            2,
        )
        .unwrap();
        assert_eq!(pr.text, "-11.00");
        assert_eq!(pr.reaches, Some(true));
        assert_eq!(
            fixed_big(&BigInt::from(-5), &BigInt::from(10), 6),
            "-0.000001"
        );
        assert_eq!(
            fixed_big(&BigInt::from(-500_000), &BigInt::from(1), 0),
            "-1"
        );
        assert_eq!(fixed_big(&BigInt::from(-499_999), &BigInt::from(1), 0), "0");
    }

    #[test]
    fn quarterly_keeps_the_last_of_each_quarter() {
        let p = |d: i64, v: i128| Point {
            date: day(d),
            value: Decimal(v),
        };
        let q = quarterly(&[p(0, 1), p(40, 2), p(100, 3)]);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].1, Decimal(2));
        assert_eq!(q[1].1, Decimal(3));
        assert_eq!(hundredths_text(-5), "-0.05");
        assert_eq!(hundredths_text(100), "1.00");
    }

    #[test]
    fn relations_need_four_quarters_and_a_spread() {
        let s = |id, dir, vals: &[i128]| Series {
            id,
            direction: dir,
            quarters: vals
                .iter()
                .enumerate()
                .map(|(i, v)| (i as i32, Decimal(*v)))
                .collect(),
        };
        let nps = s("nps", Direction::Up, &[1, 2, 3, 4]);
        let churn = s("churn", Direction::Down, &[8, 6, 4, 2]);
        let flat = s("flat", Direction::Up, &[5, 5, 5, 5]);
        let short = s("short", Direction::Up, &[1, 2, 3]);
        let r = relations(&[nps, churn, flat, short]);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].r, -100);
        assert!(r[0].together);
        assert_eq!(r[0].n, 4);
    }
}
