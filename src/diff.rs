//! `cxm diff`: what changed between two versions of a roadmap — initiatives
//! added, removed and changed field by field, and the CXM total per
//! competency and per quarter, old against new. The model holds every figure;
//! renderers only lay it out.
//!
//! Initiatives are matched by `id`: a renamed id shows as one removed and one
//! added. Fields are compared as the text a reader would see (money with two
//! decimals, dates as ISO), so `cost = 5000` and `cost = 5000.0` are equal.
//!
//! What is compared, in which order and under which label, is declared with
//! the keys ([`DIFF`] in `roadmap::fields`); how each key is read from the
//! model is [`reader`], one arm per key.

use crate::budget::Budget;
use crate::money::Money;
use crate::money_json as mj;
use crate::roadmap::fields::{Compared, DIFF, InitiativeKey};
use crate::roadmap::{Choice, Competency, Initiative, Roadmap};
use crate::source::Sp;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;

/// One version of the roadmap: its model and its budget.
pub(crate) struct Side<'a> {
    pub name: &'a str,
    pub roadmap: &'a Roadmap,
    pub budget: &'a Budget,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Diff {
    pub old: String,
    pub new: String,
    pub currency: String,
    pub plan_year: Change<i32>,
    /// Ids of initiatives only in the new version, in its order.
    pub added: Vec<String>,
    /// Ids of initiatives only in the old version, in its order.
    pub removed: Vec<String>,
    pub changed: Vec<Changed>,
    pub totals: Totals,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Change<T> {
    pub old: T,
    pub new: T,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Changed {
    pub id: String,
    /// Field name → old and new value (`null` where absent), in a fixed order.
    #[serde(serialize_with = "fields_map")]
    pub fields: Vec<(&'static str, Change<Option<String>>)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub(crate) struct MoneyDelta {
    #[serde(serialize_with = "mj::money")]
    pub old: Money,
    #[serde(serialize_with = "mj::money")]
    pub new: Money,
    #[serde(serialize_with = "mj::money")]
    pub delta: Money,
}

impl MoneyDelta {
    fn new(old: Money, new: Money) -> MoneyDelta {
        MoneyDelta {
            old,
            new,
            // Both sides are sums of amounts bounded far below i128's range.
            delta: Money(new.0.saturating_sub(old.0)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Totals {
    pub cxm: MoneyDelta,
    #[serde(serialize_with = "competency_map")]
    pub by_competency: Vec<(Competency, MoneyDelta)>,
    pub by_quarter: [MoneyDelta; 4],
}

fn fields_map<S: serde::Serializer>(
    fields: &[(&'static str, Change<Option<String>>)],
    s: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut m = s.serialize_map(Some(fields.len()))?;
    for (k, v) in fields {
        m.serialize_entry(k, v)?;
    }
    m.end()
}

fn competency_map<S: serde::Serializer>(
    items: &[(Competency, MoneyDelta)],
    s: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut m = s.serialize_map(Some(items.len()))?;
    for (c, d) in items {
        m.serialize_entry(c.as_str(), d)?;
    }
    m.end()
}

/// An initiative's budget figures from the side's budget: the total budget
/// and the plan-year part (plan initiatives), or the budget alone (ideas).
fn budget_figures(b: &Budget) -> HashMap<&str, (Money, Option<Money>)> {
    let mut m = HashMap::new();
    for line in &b.initiatives {
        m.insert(
            line.header.id.as_str(),
            (line.figures.budget, Some(line.plan_year_budget)),
        );
    }
    for line in &b.backlog {
        m.insert(line.header.id.as_str(), (line.figures.budget, None));
    }
    m
}

fn quotes_text(ini: &Initiative) -> Option<String> {
    if ini.quotes.is_empty() {
        return None;
    }
    let parts: Vec<String> = ini
        .quotes
        .iter()
        .map(|q| {
            let vendor = q.vendor.as_ref().map_or("?", |v| v.value.as_str());
            let range = match q.bounds() {
                Some((lo, hi)) if lo == hi => lo.plain(),
                Some((lo, hi)) => format!("{}–{}", lo.plain(), hi.plain()),
                None => "?".to_string(),
            };
            match &q.currency {
                Some(c) => format!("{vendor} {range} {}", c.value),
                None => format!("{vendor} {range}"),
            }
        })
        .collect();
    Some(parts.join("; "))
}

/// The text of what diff compares, from one side's initiative and budget
/// figures; `None` where absent.
fn compared_value(
    ini: &Initiative,
    compared: Compared,
    figures: Option<&(Money, Option<Money>)>,
) -> Option<String> {
    match compared {
        Compared::Key(key) => reader(key).and_then(|read| read(ini)),
        Compared::Budget => figures.map(|f| f.0.plain()),
        Compared::PlanYearBudget => figures.and_then(|f| f.1).map(Money::plain),
    }
}

/// How diff reads a declared key from the model, as a reader would see it;
/// `None` for a key [`DIFF`] does not compare. Every key is named here, so
/// a new key does not compile until it is given a reader or none.
fn reader(key: InitiativeKey) -> Option<fn(&Initiative) -> Option<String>> {
    use InitiativeKey as K;
    fn text(v: &Option<Sp<String>>) -> Option<String> {
        v.as_ref().map(|s| s.value.clone())
    }
    fn choice<T: Choice>(v: &Option<Sp<T>>) -> Option<String> {
        v.as_ref().map(|c| c.value.as_str().into())
    }
    fn date(d: &Option<Sp<NaiveDate>>) -> Option<String> {
        d.as_ref().map(|d| d.value.format("%Y-%m-%d").to_string())
    }
    fn list(l: &[Sp<String>]) -> Option<String> {
        (!l.is_empty()).then(|| {
            l.iter()
                .map(|s| s.value.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        })
    }
    Some(match key {
        K::Title => |i| text(&i.title),
        K::Competency => |i| choice(&i.competency),
        K::Area => |i| choice(&i.area),
        K::Status => |i| choice(&i.status),
        K::Owner => |i| text(&i.owner),
        K::Department => |i| text(&i.department),
        K::Priority => |i| i.priority.as_ref().map(|p| p.value.to_string()),
        K::Start => |i| date(&i.start),
        K::End => |i| date(&i.end),
        K::EffortDays => |i| i.effort_days.as_ref().map(|d| d.value.text()),
        K::Kpi => |i| text(&i.kpi),
        K::Reason => |i| text(&i.reason),
        K::Cost => |i| i.cost.as_ref().map(|m| m.value.plain()),
        K::MarkupPercent => |i| i.markup_percent.as_ref().map(|m| m.value.text()),
        K::Quotes => quotes_text,
        K::Kpis => |i| list(&i.kpis),
        K::DependsOn => |i| list(&i.depends_on),
        K::Id | K::Benefit | K::Actual | K::Spend | K::Expected => return None,
    })
}

/// Compares two versions.
pub(crate) fn build(old: &Side<'_>, new: &Side<'_>) -> Diff {
    let old_by_id: HashMap<&str, &Initiative> = old
        .roadmap
        .initiatives
        .iter()
        .map(|i| (i.id_str(), i))
        .collect();
    let new_ids: std::collections::HashSet<&str> =
        new.roadmap.initiatives.iter().map(|i| i.id_str()).collect();
    let old_figures = budget_figures(old.budget);
    let new_figures = budget_figures(new.budget);

    let mut added = Vec::new();
    let mut changed = Vec::new();
    for ini in &new.roadmap.initiatives {
        let id = ini.id_str();
        let Some(before) = old_by_id.get(id) else {
            added.push(id.to_string());
            continue;
        };
        let fields: Vec<(&'static str, Change<Option<String>>)> = DIFF
            .iter()
            .filter_map(|&c| {
                let o = compared_value(before, c, old_figures.get(id));
                let n = compared_value(ini, c, new_figures.get(id));
                (o != n).then_some((c.label(), Change { old: o, new: n }))
            })
            .collect();
        if !fields.is_empty() {
            changed.push(Changed {
                id: id.to_string(),
                fields,
            });
        }
    }
    let removed = old
        .roadmap
        .initiatives
        .iter()
        .map(|i| i.id_str())
        .filter(|id| !new_ids.contains(id))
        .map(str::to_string)
        .collect();

    let (ot, nt) = (&old.budget.totals, &new.budget.totals);
    let by_competency = Competency::ALL
        .iter()
        .map(|&c| {
            let get = |v: &[(Competency, Money)]| {
                v.iter()
                    .find(|(k, _)| *k == c)
                    .map_or(Money::ZERO, |(_, m)| *m)
            };
            (
                c,
                MoneyDelta::new(get(&ot.by_competency), get(&nt.by_competency)),
            )
        })
        .collect();
    let by_quarter = std::array::from_fn(|q| MoneyDelta::new(ot.by_quarter[q], nt.by_quarter[q]));
    Diff {
        old: old.name.to_string(),
        new: new.name.to_string(),
        currency: new.budget.currency.clone(),
        plan_year: Change {
            old: old.budget.plan_year,
            new: new.budget.plan_year,
        },
        added,
        removed,
        changed,
        totals: Totals {
            cxm: MoneyDelta::new(ot.cxm, nt.cxm),
            by_competency,
            by_quarter,
        },
    }
}

#[cfg(test)]
mod tests;
