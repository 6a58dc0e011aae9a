//! Effort in the plan year (SPEC section 4 *Effort*, rev. 2): the one place
//! where person-days are prorated. An initiative's `plan_year_effort` is
//! `effort_days × (days of [start, end] in the plan year) / (days of
//! [start, end])`, kept as an exact fraction; so is each quarter's share
//! (the same formula with the quarter's days), so the four quarters sum to
//! the plan-year effort exactly. Figures are rounded only where they are
//! shown: one decimal, half away from zero.
//!
//! Decisions where the SPEC is silent:
//! - a fraction is a big rational of millionths of a day: the sum of shares
//!   over many different day counts has a common denominator far beyond
//!   `i128`, and an exact sum must not fail on a large roadmap; only a
//!   rounded figure too large for [`Decimal`] or [`Money`] is an overflow;
//! - a team member is a `[[team]]` id; an initiative whose `owner` names
//!   no member (or has no owner) is not the team's work: it takes none of
//!   the team's days and none of its day rate.

use crate::budget::{Header, period_days};
use crate::money::{Decimal, Money};
use crate::roadmap::Roadmap;
use chrono::NaiveDate;
use num_bigint::BigInt;
use num_rational::BigRational;
use serde::Serializer;
use std::collections::HashSet;

/// An exact amount of person-days, in millionths of a day (the unit of
/// [`Decimal`]), as a fraction of arbitrary size: sums of shares over
/// different day counts need a common denominator that outgrows `i128`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Effort(BigRational);

impl Default for Effort {
    fn default() -> Self {
        Effort::zero()
    }
}

impl Effort {
    pub(crate) fn zero() -> Effort {
        Effort(BigRational::from_integer(BigInt::from(0)))
    }

    pub(crate) fn from_decimal(d: Decimal) -> Effort {
        Effort(BigRational::from_integer(BigInt::from(d.0)))
    }

    /// `self × num / den`: a share of this effort; `None` when `den` is 0.
    pub(crate) fn share(&self, num: i128, den: i128) -> Option<Effort> {
        if den == 0 {
            return None;
        }
        let f = BigRational::new(BigInt::from(num), BigInt::from(den));
        Some(Effort(&self.0 * f))
    }

    /// Exact: never overflows; `Option` to read like the other sums.
    pub(crate) fn checked_add(&self, o: &Effort) -> Option<Effort> {
        Some(Effort(&self.0 + &o.0))
    }

    pub(crate) fn checked_sub(&self, o: &Effort) -> Option<Effort> {
        Some(Effort(&self.0 - &o.0))
    }

    #[cfg(test)]
    pub(crate) fn cmp_exact(&self, o: &Effort) -> Option<std::cmp::Ordering> {
        Some(self.0.cmp(&o.0))
    }

    /// Whether this effort exceeds `limit`.
    pub(crate) fn exceeds(&self, limit: &Effort) -> Option<bool> {
        Some(self.0 > limit.0)
    }

    /// Rounded to one decimal, half away from zero (how effort is shown);
    /// `None` when it leaves the range of [`Decimal`].
    pub(crate) fn one_place(&self) -> Option<Decimal> {
        let step = Decimal::SCALE / 10;
        let tenths = (&self.0 / BigInt::from(step)).round().to_integer();
        i128::try_from(&tenths).ok()?.checked_mul(step).map(Decimal)
    }

    /// `round(self × rate)`: internal time, rounded once.
    pub(crate) fn times(&self, rate: Money) -> Option<Money> {
        let v = (&self.0 * BigInt::from(rate.0) / BigInt::from(Decimal::SCALE))
            .round()
            .to_integer();
        i128::try_from(&v).ok().map(Money)
    }
}

/// An initiative's effort in the plan year and in each of its quarters,
/// exact. `None` on overflow or a plan year out of the calendar's range.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct YearEffort {
    pub plan_year: Effort,
    pub quarters: [Effort; 4],
}

/// `effort_days` prorated to the plan year and its quarters by the days of
/// `[start, end]` in each. Without dates (or with `end` before `start`) no
/// day falls in the plan year: zero.
pub(crate) fn year_effort(
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
    let whole = Effort::from_decimal(effort_days);
    let mut quarters: [Effort; 4] = Default::default();
    let mut plan_year_effort = Effort::zero();
    for (q, d) in quarters.iter_mut().zip(days.iter().skip(1)) {
        *q = whole.share(*d, total)?;
        plan_year_effort = plan_year_effort.checked_add(q)?;
    }
    Some(YearEffort {
        plan_year: plan_year_effort,
        quarters,
    })
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
    r: &Roadmap,
    h: &Header,
    plan_year: i32,
    day_rate: Option<Money>,
) -> Option<Option<Money>> {
    let (Some(rate), Some(days)) = (day_rate, h.effort_days) else {
        return Some(None);
    };
    if !team_member(r, h.owner.as_deref()) {
        return Some(None);
    }
    let e = year_effort(days, h.start, h.end, plan_year)?;
    e.plan_year.times(rate).map(Some)
}

/// Whether `owner` names a `[[team]]` member.
pub(crate) fn team_member(r: &Roadmap, owner: Option<&str>) -> bool {
    owner.is_some_and(|o| {
        r.team
            .iter()
            .any(|m| m.id.as_ref().is_some_and(|i| i.value == o))
    })
}

/// JSON: a one-decimal string (`"70.0"`), SPEC section 13.
pub(crate) fn json_one_place<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&d.fixed(1))
}

#[cfg(test)]
mod tests;
