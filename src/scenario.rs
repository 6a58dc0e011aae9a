//! A scenario applied: `[scenarios.NAME]` written into the roadmap (SPEC
//! section 10). [`apply`] turns the loaded roadmap into the roadmap with the
//! scenario's values written in and its `[scenarios]` removed, and the one
//! pipeline (`pipeline::run`) then computes every figure from it, so a
//! figure under `--scenario NAME` is what the edited file gives, by
//! construction.
//!
//! Decisions where SPEC section 10 leaves room:
//!
//! - `budget_cap` and `markup_percent` replace the `[roadmap]` values
//!   (initiatives with their own markup keep it).
//! - `capacity_percent` multiplies every member's `capacity_days`, exactly;
//!   a product finer than the model's millionth of a day is E003 (the check
//!   `ScenarioCapacityInexact`), and [`apply`] refuses it.
//! - `exclude` makes a `planned` initiative an `idea`; `include` makes an
//!   `idea` `planned`; `priorities` set `priority`. The values keep the
//!   scenario's spans, so a finding about them points into the scenario.
//! - `prices` has no form in the file: it sets `Roadmap::prices`, which the
//!   budget reads (`low`, `mid`, `high`: `estimate_low`, `estimate`,
//!   `estimate_high`); the quote averages stay as quoted.
//! - An overlay with findings of its own (E003, E005, E007) is not applied
//!   by `check`'s W018, and a report under it refuses like any data error.

use crate::money::Decimal;
use crate::roadmap::{Roadmap, Scenario, Status};
use crate::source::Sp;

/// Why a scenario could not be applied: a capacity the model cannot hold
/// exactly (reported by `check` as E003).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inexact {
    /// The member whose capacity it is.
    pub member: String,
}

/// `member`'s capacity times `percent` %, exactly; `None` when the product
/// has more decimals than the model keeps, or overflows.
pub(crate) fn scaled_capacity(capacity: Decimal, percent: Decimal) -> Option<Decimal> {
    let num = capacity.0.checked_mul(percent.0)?;
    let den = Decimal::SCALE.checked_mul(100)?;
    (num % den == 0).then(|| Decimal(num / den))
}

/// The roadmap with `scenario`'s values written in and its `[scenarios]`
/// removed.
pub fn apply(base: &Roadmap, scenario: &Scenario) -> Result<Roadmap, Inexact> {
    let mut r = base.clone();
    r.scenarios.clear();
    if let Some(cap) = &scenario.budget_cap {
        r.meta.budget_cap = Some(cap.clone());
    }
    if let Some(m) = &scenario.markup_percent {
        r.meta.markup_percent = Some(m.clone());
    }
    if let Some(p) = &scenario.capacity_percent {
        for m in &mut r.team {
            if let Some(c) = &mut m.capacity_days {
                c.value = scaled_capacity(c.value, p.value).ok_or_else(|| Inexact {
                    member: m.id.as_ref().map_or(String::new(), |i| i.value.clone()),
                })?;
            }
        }
    }
    for ini in &mut r.initiatives {
        let id = ini.id_str().to_string();
        if let Some(status) = &mut ini.status {
            if status.value == Status::Planned && scenario.exclude.iter().any(|e| e.value == id) {
                let span = scenario
                    .exclude
                    .iter()
                    .find(|e| e.value == id)
                    .map_or(status.span, |e| e.span);
                *status = Sp::new(Status::Idea, span);
            } else if status.value == Status::Idea
                && let Some(e) = scenario.include.iter().find(|e| e.value == id)
            {
                *status = Sp::new(Status::Planned, e.span);
            }
        }
        // The last entry for an id wins, as a second key would in TOML.
        if let Some((_, p)) = scenario
            .priorities
            .iter()
            .rev()
            .find(|(i, _)| i.value == id)
        {
            ini.priority = Some(p.clone());
        }
    }
    if let Some(p) = &scenario.prices {
        r.prices = Some(p.value);
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capacity_is_scaled_exactly_or_not_at_all() {
        let d = |x: i128| Decimal(x * Decimal::SCALE);
        assert_eq!(scaled_capacity(d(180), d(90)), Some(d(162)));
        assert_eq!(
            scaled_capacity(d(5), d(33)),
            Some(Decimal(1_650_000)),
            "1.65 days"
        );
        assert_eq!(scaled_capacity(Decimal(1), d(33)), None);
    }
}
