//! Effort in the plan year (SPEC section 4 *Effort*, rev. 2): the one place
//! where person-days are prorated. An initiative's `plan_year_effort` is
//! `effort_days × (days of [start, end] in the plan year) / (days of
//! [start, end])`, kept as an exact fraction; so is each quarter's share
//! (the same formula with the quarter's days), so the four quarters sum to
//! the plan-year effort exactly. Figures are rounded only where they are
//! shown: one decimal, half away from zero.
//!
//! Decisions where the SPEC is silent:
//! - a fraction is a big integer of millionths of a day over a common
//!   denominator, the least common multiple of the report's day counts
//!   ([`Scale`]): that multiple outgrows `i128` on a large roadmap, and an
//!   exact sum must neither fail nor slow down (a reduced rational would
//!   take a gcd at every step); only a rounded figure too large for
//!   [`Decimal`] or [`Money`] is an overflow;
//! - a team member is a `[[team]]` id; an initiative whose `owner` names
//!   no member (or has no owner) is not the team's work: it takes none of
//!   the team's days and none of its day rate.

use crate::budget::{Header, period_days};
use crate::money::{Decimal, Money};
use crate::roadmap::Roadmap;
use chrono::NaiveDate;
use num_bigint::BigInt;
use serde::Serializer;
use std::cmp::Ordering;
use std::collections::HashSet;
use std::rc::Rc;

/// An exact amount of person-days: `num / den` millionths of a day (the
/// unit of [`Decimal`]), `den > 0`. Efforts made with one [`Scale`] share
/// its denominator, so sums and comparisons are additions and comparisons
/// of numerators; efforts of different denominators still combine exactly
/// (cross-multiplied), only more slowly.
#[derive(Clone, Debug)]
pub struct Effort {
    num: BigInt,
    den: Rc<BigInt>,
}

impl Default for Effort {
    fn default() -> Self {
        Effort::zero()
    }
}

impl PartialEq for Effort {
    fn eq(&self, o: &Effort) -> bool {
        self.cmp_exact(o) == Ordering::Equal
    }
}

impl Eq for Effort {}

/// `round(num / den)`, half away from zero, for `den > 0`.
fn div_round_big(num: &BigInt, den: &BigInt) -> BigInt {
    let q = num / den;
    let r = num - &q * den;
    let twice = &r + &r;
    let zero = BigInt::from(0);
    if twice >= *den {
        q + 1
    } else if -twice >= *den && r < zero {
        q - 1
    } else {
        q
    }
}

impl Effort {
    pub(crate) fn zero() -> Effort {
        Effort::from_decimal(Decimal::ZERO)
    }

    pub(crate) fn from_decimal(d: Decimal) -> Effort {
        Effort {
            num: BigInt::from(d.0),
            den: Rc::new(BigInt::from(1)),
        }
    }

    /// `self × num / den`: a share of this effort; `None` when `den` is
    /// not positive.
    pub(crate) fn share(&self, num: i128, den: i128) -> Option<Effort> {
        if den <= 0 {
            return None;
        }
        Some(Effort {
            num: &self.num * BigInt::from(num),
            den: Rc::new(&*self.den * BigInt::from(den)),
        })
    }

    /// Exact: never overflows; `Option` to read like the other sums.
    pub(crate) fn checked_add(&self, o: &Effort) -> Option<Effort> {
        Some(self.combine(o, false))
    }

    pub(crate) fn checked_sub(&self, o: &Effort) -> Option<Effort> {
        Some(self.combine(o, true))
    }

    fn combine(&self, o: &Effort, minus: bool) -> Effort {
        let other = if minus { -&o.num } else { o.num.clone() };
        if Rc::ptr_eq(&self.den, &o.den) || self.den == o.den {
            return Effort {
                num: &self.num + other,
                den: Rc::clone(&self.den),
            };
        }
        let zero = BigInt::from(0);
        if o.num == zero {
            return self.clone();
        }
        if self.num == zero {
            return Effort {
                num: other,
                den: Rc::clone(&o.den),
            };
        }
        Effort {
            num: &self.num * &*o.den + other * &*self.den,
            den: Rc::new(&*self.den * &*o.den),
        }
    }

    fn cmp_exact(&self, o: &Effort) -> Ordering {
        if Rc::ptr_eq(&self.den, &o.den) || self.den == o.den {
            return self.num.cmp(&o.num);
        }
        (&self.num * &*o.den).cmp(&(&o.num * &*self.den))
    }

    /// Whether this effort exceeds `limit`.
    pub(crate) fn exceeds(&self, limit: &Effort) -> Option<bool> {
        Some(self.cmp_exact(limit) == Ordering::Greater)
    }

    /// Rounded to one decimal, half away from zero (how effort is shown);
    /// `None` when it leaves the range of [`Decimal`].
    pub(crate) fn one_place(&self) -> Option<Decimal> {
        let step = Decimal::SCALE / 10;
        let tenths = div_round_big(&self.num, &(&*self.den * BigInt::from(step)));
        i128::try_from(&tenths).ok()?.checked_mul(step).map(Decimal)
    }
}

/// A common denominator for the efforts of one report: the least common
/// multiple of the initiatives' day counts (and 4, for quarters), so that every share is a whole numerator over it and a sum
/// of thousands of shares costs no reduction.
#[derive(Clone, Debug)]
pub(crate) struct Scale {
    den: Rc<BigInt>,
}

impl Scale {
    /// The scale of these day counts (non-positive ones are left out).
    pub(crate) fn new(day_counts: impl IntoIterator<Item = i128>) -> Scale {
        let mut seen: HashSet<i128> = HashSet::new();
        let mut den = BigInt::from(4);
        for t in day_counts {
            if t <= 0 || !seen.insert(t) {
                continue;
            }
            // gcd(den, t) = gcd(den mod t, t), which fits i128.
            let rem = i128::try_from(&(&den % BigInt::from(t))).unwrap_or(0);
            let g = gcd(rem, t);
            den *= BigInt::from(t / g);
        }
        Scale { den: Rc::new(den) }
    }

    /// `effort × num / total` over this scale's denominator when `total`
    /// divides it, else over `total`.
    fn share(&self, effort: Decimal, num: i128, total: i128) -> Option<Effort> {
        if total <= 0 {
            return None;
        }
        let t = BigInt::from(total);
        let factor = &*self.den / &t;
        if &factor * &t == *self.den {
            Some(Effort {
                num: BigInt::from(effort.0) * BigInt::from(num) * factor,
                den: Rc::clone(&self.den),
            })
        } else {
            Effort::from_decimal(effort).share(num, total)
        }
    }

    /// `days` over this scale.
    pub(crate) fn whole(&self, days: Decimal) -> Option<Effort> {
        self.share(days, 1, 1)
    }
}

fn gcd(a: i128, b: i128) -> i128 {
    let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
    while b != 0 {
        (a, b) = (b, a % b);
    }
    i128::try_from(a).unwrap_or(1).max(1)
}

/// The days of `[start, end]`, both inclusive; `None` without both dates
/// or with `end` before `start`.
pub(crate) fn span_days(start: Option<NaiveDate>, end: Option<NaiveDate>) -> Option<i128> {
    let (s, e) = (start?, end?);
    (e >= s).then(|| i128::from((e - s).num_days()) + 1)
}

/// An initiative's effort in the plan year and in each of its quarters,
/// exact.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct YearEffort {
    pub plan_year: Effort,
    pub quarters: [Effort; 4],
}

/// `effort_days` prorated to the plan year and its quarters by the days of
/// `[start, end]` in each, over `scale`. Without dates (or with `end`
/// before `start`) no day falls in the plan year: zero. `None` for a plan
/// year out of the calendar's range.
pub(crate) fn year_effort(
    scale: &Scale,
    effort_days: Decimal,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    plan_year: i32,
) -> Option<YearEffort> {
    let (Some(start), Some(end)) = (start, end) else {
        return Some(YearEffort::default());
    };
    if end < start {
        return Some(YearEffort::default());
    }
    let days = period_days(start, end, plan_year)?;
    let total: i128 = days.iter().sum();
    let mut quarters: [Effort; 4] = Default::default();
    let mut plan_year_effort = Effort::zero();
    for (q, d) in quarters.iter_mut().zip(days.iter().skip(1)) {
        *q = scale.share(effort_days, *d, total)?;
        plan_year_effort = plan_year_effort.checked_add(q)?;
    }
    Some(YearEffort {
        plan_year: plan_year_effort,
        quarters,
    })
}

/// `effort_days` prorated to the plan year alone (what [`year_effort`]
/// gives as `plan_year`, without the quarters), over `scale`.
pub(crate) fn plan_year_share(
    scale: &Scale,
    effort_days: Decimal,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    plan_year: i32,
) -> Option<Effort> {
    let (Some(start), Some(end)) = (start, end) else {
        return Some(Effort::zero());
    };
    if end < start {
        return Some(Effort::zero());
    }
    let days = period_days(start, end, plan_year)?;
    let total: i128 = days.iter().sum();
    let in_year: i128 = days.get(1..5)?.iter().sum();
    scale.share(effort_days, in_year, total)
}

/// The ids of the `[[team]]` members.
pub(crate) fn team_ids(r: &Roadmap) -> HashSet<&str> {
    r.team
        .iter()
        .filter_map(|m| m.id.as_ref().map(|i| i.value.as_str()))
        .collect()
}

/// Whether `owner` is a team member: only then is the work the team's.
pub(crate) fn team_owned(owner: Option<&str>, team: &HashSet<&str>) -> bool {
    owner.is_some_and(|o| team.contains(o))
}

/// Internal time of a plan-year report (SPEC section 4, rev. 2):
/// `plan_year_effort × day_rate`, rounded once, of team-owned work only.
/// `Some(None)` without a day rate or effort, or for work no team member
/// owns; `None` on overflow.
pub(crate) fn internal_time(
    team: &HashSet<&str>,
    h: &Header,
    plan_year: i32,
    day_rate: Option<Money>,
) -> Option<Option<Money>> {
    let (Some(rate), Some(days)) = (day_rate, h.effort_days) else {
        return Some(None);
    };
    if !team_owned(h.owner.as_deref(), team) {
        return Some(None);
    }
    // One initiative's share needs no common denominator: `effort × days
    // in the year / days × rate` fits an i128 for every value the loader
    // takes (10^9 days, 10^13 in money).
    let (Some(start), Some(end)) = (h.start, h.end) else {
        return Some(Some(Money::ZERO));
    };
    if end < start {
        return Some(Some(Money::ZERO));
    }
    let periods = period_days(start, end, plan_year)?;
    let total: i128 = periods.iter().sum();
    let in_year: i128 = periods.get(1..5)?.iter().sum();
    share_times(days, in_year, total, rate).map(Some)
}

/// `round(days × part / total × rate)`, rounded once: the internal time
/// of `part` of `total` days.
fn share_times(days: Decimal, part: i128, total: i128, rate: Money) -> Option<Money> {
    let num = days.0.checked_mul(part)?.checked_mul(rate.0)?;
    let den = total.checked_mul(Decimal::SCALE)?;
    crate::money::div_round(num, den).map(Money)
}

/// JSON: a one-decimal string (`"70.0"`), SPEC section 13.
pub(crate) fn json_one_place<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&d.fixed(1))
}

#[cfg(test)]
mod tests;
