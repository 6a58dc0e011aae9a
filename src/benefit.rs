//! The business case of an initiative (SPEC section 8, *Business case*):
//! what its `expected` changes of KPIs are worth a year, as a range.
//!
//! Per KPI named in `expected` that has a money value (`value_per_unit`),
//! the four products improvement({low, high}) × value {low, high}, each
//! rounded once to the minor unit (half away from zero); the smallest and
//! largest are that KPI's range, and `benefit_low` and `benefit_high` are
//! the sums over the KPIs. A KPI without a money value, an unknown KPI
//! (E005) or a change or value in error (E003, E006) adds nothing; with no
//! KPI adding anything the benefit is `null`. `benefit_per_budget` is each
//! end divided by the initiative's budget (its `budget`, the quotes' estimate
//! plus cost, not the plan year's part), rounded half away from zero to two
//! places; `null` when the budget is 0 or unknown (no quotes and no cost).
//!
//! Decisions where the SPEC is silent: a KPI named twice in `expected`
//! cannot happen (TOML refuses a duplicate key). On overflow the benefit is
//! `null`, never a guess.

use crate::kpi::ahead::improvement;
use crate::money::{Decimal, Money};
use crate::money_json as mj;
use crate::roadmap::{Initiative, Roadmap};
use serde::{Serialize, Serializer};

/// An initiative's benefit range and its ratio to the budget.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Benefit {
    #[serde(serialize_with = "mj::opt_money")]
    pub benefit_low: Option<Money>,
    #[serde(serialize_with = "mj::opt_money")]
    pub benefit_high: Option<Money>,
    pub benefit_per_budget: Option<PerBudget>,
    /// The KPIs that added to the range, with their notes (the assumptions).
    #[serde(skip)]
    pub assumptions: Vec<(String, Option<String>)>,
}

/// Each end of the benefit per unit of budget, two places.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct PerBudget {
    #[serde(serialize_with = "two_places")]
    pub low: Decimal,
    #[serde(serialize_with = "two_places")]
    pub high: Decimal,
}

fn two_places<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&d.fixed(2))
}

/// The benefit of `ini` with its `budget` (`None` when unknown).
pub(crate) fn of(r: &Roadmap, ini: &Initiative, budget: Option<Money>) -> Benefit {
    range(r, ini)
        .map(|(low, high, assumptions)| {
            let per = budget.filter(|b| b.0 != 0).and_then(|b| {
                Some(PerBudget {
                    low: Decimal::ratio(low.0, b.0, 2)?,
                    high: Decimal::ratio(high.0, b.0, 2)?,
                })
            });
            Benefit {
                benefit_low: Some(low),
                benefit_high: Some(high),
                benefit_per_budget: per,
                assumptions,
            }
        })
        .unwrap_or_default()
}

type Range = (Money, Money, Vec<(String, Option<String>)>);

fn range(r: &Roadmap, ini: &Initiative) -> Option<Range> {
    let mut total: Option<(Money, Money)> = None;
    let mut assumptions = Vec::new();
    for e in &ini.expected {
        let Some(kpi) = r
            .kpis
            .iter()
            .find(|k| k.id.as_ref().is_some_and(|i| i.value == e.kpi.value))
        else {
            continue;
        };
        let (Some(dir), Some(unit), Some((lo, hi))) = (
            kpi.direction.as_ref(),
            kpi.value_per_unit.as_ref(),
            e.range(),
        ) else {
            continue;
        };
        let Some((vlo, vhi)) = unit.range() else {
            continue;
        };
        let (ilo, ihi) = (improvement(lo, dir.value)?, improvement(hi, dir.value)?);
        let products = [
            vlo.mul_decimal(ilo)?,
            vlo.mul_decimal(ihi)?,
            vhi.mul_decimal(ilo)?,
            vhi.mul_decimal(ihi)?,
        ];
        let (min, max) = (
            products.iter().min().copied()?,
            products.iter().max().copied()?,
        );
        total = Some(match total {
            None => (min, max),
            Some((a, b)) => (a.checked_add(min)?, b.checked_add(max)?),
        });
        assumptions.push((
            e.kpi.value.clone(),
            unit.note.as_ref().map(|n| n.value.clone()),
        ));
    }
    let (low, high) = total?;
    Some((low, high, assumptions))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The ends of a benefit range are in order, whatever the signs.
        #[test]
        fn benefit_range_ends_ordered(
            lo in -1_000_000_000i128..1_000_000_000,
            extra in 0i128..1_000_000_000,
            v in 0i128..100_000_000,
            vextra in 0i128..100_000_000,
            down in any::<bool>(),
        ) {
            let toml = format!(
                "[roadmap]\nplan_year = 2026\n[[kpis]]\nid = \"k\"\ngroup = \"customer\"\ndirection = \"{}\"\nvalue_per_unit = {{ low = {}.{:02}, high = {}.{:02}, note = \"n\" }}\n[[initiatives]]\nid = \"a\"\ntitle = \"A\"\ncompetency = \"design\"\narea = \"cxm\"\nstatus = \"planned\"\nexpected = {{ k = {{ low = {}, high = {} }} }}\n",
                if down { "down" } else { "up" },
                v / 100, v % 100,
                (v + vextra) / 100, (v + vextra) % 100,
                Decimal(lo), Decimal(lo + extra),
            );
            let loaded = crate::roadmap::load::load_str(&toml);
            prop_assert!(loaded.findings.is_empty(), "{:?}", loaded.findings);
            let r = loaded.roadmap;
            let ini = &r.initiatives[0];
            let b = of(&r, ini, Some(Money(100)));
            prop_assert!(b.benefit_low <= b.benefit_high);
            let p = b.benefit_per_budget.unwrap();
            prop_assert!(p.low <= p.high);
        }
    }
}
