//! `cxm diff`: what changed between two versions of a roadmap — causes and
//! effects. Causes: the `[roadmap]` settings, `[fx]` rates, the team,
//! departments, maturity, training, KPIs, the vision, goals,
//! communications and `[scenarios.NAME]` overlays, and each
//! initiative added, removed or changed field by field. Effects: the CXM
//! total per competency and per quarter, old against new. The model holds
//! every figure, typed ([`Value`]); renderers only lay it out.
//!
//! Entries are matched by id (an `[fx]` rate by its currency code, a
//! maturity table by its competency, `[vision]` as the one entry `vision`, a
//! scenario by its NAME): a
//! renamed id shows as one removed and one added. Values are compared
//! typed — money as [`Money`], decimals as [`Decimal`], dates as dates — so
//! `cost = 5000` and `cost = 5000.0` are equal, and so are KPI values `12.5`
//! and `12.50`. JSON and CSV write each value as plain text, as before
//! (money with two decimals, dates as ISO).
//!
//! What is compared of an initiative, in which order and under which label,
//! is declared with the keys ([`DIFF`] in `roadmap::fields`); how each key
//! is read from the model is [`reader`], one arm per key. The other
//! sections are [`Part`]s: each compares every key of its table but `id`
//! (`[roadmap]` every key), in declaration order; each table's keys are an
//! enum, so a new key does not compile until diff reads it. A new section
//! (scenarios, say) is one [`Part`] variant: its line in [`Part::ALL`], its
//! JSON key and its reader ([`Part::entries`]), then its words in the
//! renderer, which the compiler asks for.
//!
//! Decisions the SPEC leaves open:
//! - `added` and `removed` initiatives (SPEC section 13) carry `budget`: the
//!   plan-year budget of an initiative in the plan, the whole estimate of an
//!   idea (which has no plan-year part); `null` when there is none.
//! - `settings` lists only the `[roadmap]` keys that changed; a key left out
//!   of one side is `null` there (its default is not filled in).
//! - Lists of entries — an initiative's check-ins, spend entries and
//!   expected changes, a KPI's measurements and checkpoints — show only the
//!   items not on both sides: a new measurement shows alone, not the whole
//!   series, and a changed expected change only that KPI's.
//! - A training's `needs` reads as `sales = 10, care = 5`, a goal's `kpis`
//!   as `nps = 35, churn = 9`, `focus` as `true`/`false`.
//! - Amounts of settings and training are in the roadmap's currency (the
//!   new side's, as the report's language is the new side's).
//! - A scenario compares its keys as written, not their effect: `exclude`
//!   and `include` read as `a, b` in file order, `priorities` as
//!   `rnps-2027 = 1, gov = 2`, `budget_cap` in the roadmap's currency; the
//!   effect on figures is `cxm scenarios`' part.

use crate::budget::Budget;
use crate::money::{Decimal, Money};
use crate::money_json as mj;
use crate::roadmap::fields::{
    CommunicationKey, Compared, DIFF, DepartmentKey, GoalKey, InitiativeKey, Key, KpiKey, LevelKey,
    MemberKey, RoadmapKey, ScenarioKey, TrainingKey, VisionKey,
};
use crate::roadmap::{
    Choice, Communication, Competency, Confidence, Department, Goal, Initiative, Kpi, Measurement,
    Member, Roadmap, Scenario, Status, Training,
};
use crate::source::Sp;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// One version of the roadmap: its model and its budget.
pub(crate) struct Side<'a> {
    pub name: &'a str,
    pub roadmap: &'a Roadmap,
    pub budget: &'a Budget,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Diff {
    pub old: String,
    pub new: String,
    pub currency: String,
    pub plan_year: Change<i32>,
    /// Initiatives only in the new version, in its order.
    pub added: Vec<Summary>,
    /// Initiatives only in the old version, in its order.
    pub removed: Vec<Summary>,
    pub changed: Vec<Changed>,
    pub totals: Totals,
    /// The `[roadmap]` keys that changed, in declaration order.
    pub settings: FieldChanges,
    /// Each [`Part`] of [`Part::ALL`] with what changed in it.
    pub parts: Vec<(Part, Entries)>,
}

impl Diff {
    /// Whether nothing but the totals differ (and they do not either).
    pub(crate) fn nothing_changed(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && self.settings.is_empty()
            && self.parts.iter().all(|(_, e)| e.is_empty())
    }
}

/// The JSON (SPEC section 13): the keys of revision 1 first, then
/// `settings` and one key per section.
impl Serialize for Diff {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("old", &self.old)?;
        m.serialize_entry("new", &self.new)?;
        m.serialize_entry("currency", &self.currency)?;
        m.serialize_entry("plan_year", &self.plan_year)?;
        m.serialize_entry("added", &self.added)?;
        m.serialize_entry("removed", &self.removed)?;
        m.serialize_entry("changed", &self.changed)?;
        m.serialize_entry("totals", &self.totals)?;
        m.serialize_entry("settings", &FieldsMap(&self.settings))?;
        for (part, entries) in &self.parts {
            m.serialize_entry(part.key(), entries)?;
        }
        m.end()
    }
}

/// The sections compared entry by entry, besides initiatives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    Fx,
    Team,
    Departments,
    Maturity,
    Training,
    Kpis,
    Vision,
    Goals,
    Communications,
    Scenarios,
}

impl Part {
    /// Every section, in the order reports list them. A new section is a
    /// line here (and the arms the compiler then asks for).
    pub(crate) const ALL: &'static [Part] = &[
        Part::Fx,
        Part::Team,
        Part::Departments,
        Part::Maturity,
        Part::Training,
        Part::Kpis,
        Part::Vision,
        Part::Goals,
        Part::Communications,
        Part::Scenarios,
    ];

    /// The section's JSON key, and its CSV `section` value.
    pub(crate) fn key(self) -> &'static str {
        match self {
            Part::Fx => "fx",
            Part::Team => "team",
            Part::Departments => "departments",
            Part::Maturity => "maturity",
            Part::Training => "training",
            Part::Kpis => "kpis",
            Part::Vision => "vision",
            Part::Goals => "goals",
            Part::Communications => "communications",
            Part::Scenarios => "scenarios",
        }
    }

    /// The section's entries in one version, each its id and its fields.
    fn entries(self, r: &Roadmap) -> Vec<(String, Fields)> {
        match self {
            Part::Fx => {
                r.fx.iter()
                    .map(|f| {
                        let rate = f.rate.as_ref().map(|r| Value::Decimal(r.value));
                        (f.code.value.clone(), vec![("rate", rate)])
                    })
                    .collect()
            }
            Part::Team => r.team.iter().map(member_fields).collect(),
            Part::Departments => r.departments.iter().map(department_fields).collect(),
            Part::Maturity => r
                .maturity
                .iter()
                .map(|m| {
                    let level =
                        |l: &Option<Sp<u8>>| l.as_ref().map(|l| Value::Whole(l.value.into()));
                    let fields = LevelKey::ALL
                        .iter()
                        .map(|&k| {
                            let v = match k {
                                LevelKey::Current => level(&m.current),
                                LevelKey::Target => level(&m.target),
                            };
                            (k.name(), v)
                        })
                        .collect();
                    (m.competency.value.as_str().to_string(), fields)
                })
                .collect(),
            Part::Training => r.training.iter().map(training_fields).collect(),
            Part::Kpis => r.kpis.iter().map(kpi_fields).collect(),
            Part::Vision => r
                .vision
                .iter()
                .map(|v| {
                    let fields = VisionKey::ALL
                        .iter()
                        .map(|&k| {
                            let value = match k {
                                VisionKey::Statement => text(&v.statement),
                                VisionKey::Until => {
                                    v.until.as_ref().map(|y| Value::Whole(y.value.into()))
                                }
                            };
                            (k.name(), value)
                        })
                        .collect();
                    ("vision".to_string(), fields)
                })
                .collect(),
            Part::Goals => r.goals.iter().map(goal_fields).collect(),
            Part::Communications => r.communications.iter().map(communication_fields).collect(),
            Part::Scenarios => r.scenarios.iter().map(scenario_fields).collect(),
        }
    }
}

/// A compared value, typed. JSON and CSV write it as plain text
/// ([`Value::plain`]); the people's tables format it for their language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Value {
    Text(String),
    /// In the roadmap's currency.
    Money(Money),
    Decimal(Decimal),
    Whole(i64),
    Date(NaiveDate),
    Status(Status),
    Competency(Competency),
    /// An initiative's vendor quotes.
    Quotes(Vec<QuoteValue>),
    /// A KPI's measurements or checkpoints: date and value, in file order.
    Series(Vec<(NaiveDate, Decimal)>),
    /// An initiative's check-ins, spend entries or expected changes, in
    /// file order, each its words.
    Entries(Vec<Vec<Word>>),
}

/// One word of an entry: JSON and CSV write it plain, the people's tables
/// in their language's way (`3 100,00 zł`, `12,5 %`, `wysoka pewność`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Word {
    Text(String),
    Date(NaiveDate),
    /// In the currency written beside it, else the roadmap's.
    Money(Money, Option<String>),
    Decimal(Decimal),
    Percent(Decimal),
    Confidence(Confidence),
    /// A value not read (the loader has reported it): `?`.
    Unknown,
}

impl Word {
    fn of<T>(v: &Option<Sp<T>>, word: impl Fn(&T) -> Word) -> Word {
        v.as_ref().map_or(Word::Unknown, |v| word(&v.value))
    }

    pub(crate) fn plain(&self) -> String {
        match self {
            Word::Text(t) => t.clone(),
            Word::Date(d) => d.format("%Y-%m-%d").to_string(),
            Word::Money(m, None) => m.plain(),
            Word::Money(m, Some(c)) => format!("{} {c}", m.plain()),
            Word::Decimal(d) => d.text(),
            Word::Percent(d) => format!("{} %", d.text()),
            Word::Confidence(c) => c.as_str().to_string(),
            Word::Unknown => "?".to_string(),
        }
    }
}

/// One vendor quote: the vendor, its range (equal ends for one amount) and
/// its own currency, when it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct QuoteValue {
    pub vendor: Option<String>,
    pub range: Option<(Money, Money)>,
    pub currency: Option<String>,
}

impl Value {
    /// The value as JSON and CSV write it: money `84375.00`, dates ISO,
    /// quotes `VENDOR 40000.00–60000.00 [CURRENCY]` joined by `; `.
    pub(crate) fn plain(&self) -> String {
        match self {
            Value::Text(t) => t.clone(),
            Value::Money(m) => m.plain(),
            Value::Decimal(d) => d.text(),
            Value::Whole(n) => n.to_string(),
            Value::Date(d) => d.format("%Y-%m-%d").to_string(),
            Value::Status(s) => s.as_str().to_string(),
            Value::Competency(c) => c.as_str().to_string(),
            Value::Quotes(qs) => qs
                .iter()
                .map(|q| {
                    let vendor = q.vendor.as_deref().unwrap_or("?");
                    let range = match q.range {
                        Some((lo, hi)) if lo == hi => lo.plain(),
                        Some((lo, hi)) => format!("{}–{}", lo.plain(), hi.plain()),
                        None => "?".to_string(),
                    };
                    match &q.currency {
                        Some(c) => format!("{vendor} {range} {c}"),
                        None => format!("{vendor} {range}"),
                    }
                })
                .collect::<Vec<_>>()
                .join("; "),
            Value::Series(items) => items
                .iter()
                .map(|(d, v)| format!("{} = {}", d.format("%Y-%m-%d"), v.text()))
                .collect::<Vec<_>>()
                .join("; "),
            Value::Entries(entries) => entries_joined(entries, Word::plain),
        }
    }
}

impl Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.plain())
    }
}

/// An initiative added or removed: who and what it is (SPEC section 13).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Summary {
    pub id: String,
    pub title: Option<String>,
    pub owner: Option<String>,
    #[serde(serialize_with = "opt_status")]
    pub status: Option<Status>,
    /// The plan-year budget; an idea's whole estimate.
    #[serde(serialize_with = "mj::opt_money")]
    pub budget: Option<Money>,
}

fn opt_status<S: serde::Serializer>(v: &Option<Status>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(x) => s.serialize_str(x.as_str()),
        None => s.serialize_none(),
    }
}

/// What changed among the entries of one kind, matched by id: ids only in
/// the new version, ids only in the old one (each in its file's order),
/// and the changed fields of the others.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub(crate) struct Entries {
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub changed: Vec<Changed>,
}

impl Entries {
    pub(crate) fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// One entry's compared fields, in declaration order.
type Fields = Vec<(&'static str, Option<Value>)>;

/// Changed fields: name, old and new value (`None` where absent).
pub(crate) type FieldChanges = Vec<(&'static str, Change<Option<Value>>)>;

/// The fields that differ between two readings of one entry, in order.
/// Lists of entries ([`ITEMWISE`]) keep only the items not on both sides.
fn changes(old: &Fields, new: &Fields) -> FieldChanges {
    new.iter()
        .zip(old.iter())
        .filter(|((_, n), (_, o))| n != o)
        .map(|((name, n), (_, o))| {
            let (old, new) = if ITEMWISE.contains(name) {
                only_changed_items(o.clone(), n.clone())
            } else {
                (o.clone(), n.clone())
            };
            (*name, Change { old, new })
        })
        .collect()
}

/// Fields that are lists of entries, most growing over the year: a change
/// shows the items added or changed, not the whole list.
const ITEMWISE: &[&str] = &["updates", "spend", "expected", "measurements", "targets"];

/// Compares entries of one kind, each its id and its fields.
fn entries(old: Vec<(String, Fields)>, new: Vec<(String, Fields)>) -> Entries {
    let old_by_id: HashMap<&str, &Fields> = old.iter().map(|(id, f)| (id.as_str(), f)).collect();
    let new_ids: HashSet<&str> = new.iter().map(|(id, _)| id.as_str()).collect();
    let mut out = Entries::default();
    for (id, fields) in &new {
        let Some(before) = old_by_id.get(id.as_str()) else {
            out.added.push(id.clone());
            continue;
        };
        let fields = changes(before, fields);
        if !fields.is_empty() {
            out.changed.push(Changed {
                id: id.clone(),
                fields,
            });
        }
    }
    out.removed = old
        .iter()
        .filter(|(id, _)| !new_ids.contains(id.as_str()))
        .map(|(id, _)| id.clone())
        .collect();
    out
}

fn text(v: &Option<Sp<String>>) -> Option<Value> {
    v.as_ref().map(|s| Value::Text(s.value.clone()))
}

fn choice<T: Choice>(v: &Option<Sp<T>>) -> Option<Value> {
    v.as_ref().map(|c| Value::Text(c.value.as_str().into()))
}

fn date(d: &Option<Sp<NaiveDate>>) -> Option<Value> {
    d.as_ref().map(|d| Value::Date(d.value))
}

fn decimal(d: &Option<Sp<Decimal>>) -> Option<Value> {
    d.as_ref().map(|d| Value::Decimal(d.value))
}

fn money(m: &Option<Sp<Money>>) -> Option<Value> {
    m.as_ref().map(|m| Value::Money(m.value))
}

fn list(l: &[Sp<String>]) -> Option<Value> {
    (!l.is_empty()).then(|| {
        Value::Text(
            l.iter()
                .map(|s| s.value.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        )
    })
}

/// `a = 1, b = 2`, in file order; none when empty.
fn pairs<'a>(items: impl Iterator<Item = (&'a str, String)>) -> Option<Value> {
    let parts: Vec<String> = items.map(|(k, v)| format!("{k} = {v}")).collect();
    (!parts.is_empty()).then(|| Value::Text(parts.join(", ")))
}

/// Measurements or checkpoints as `2027-03-31 = 42; …`, in file order.
fn series(ms: &[Measurement]) -> Option<Value> {
    (!ms.is_empty()).then(|| {
        Value::Series(
            ms.iter()
                .map(|m| (m.date.value, m.value.value.value))
                .collect(),
        )
    })
}

/// Every key of `K` but `id`, each read by `value`.
fn keyed<K: Key>(
    id: Option<&Sp<String>>,
    skip: K,
    value: impl Fn(K) -> Option<Value>,
) -> (String, Fields) {
    let fields = K::ALL
        .iter()
        .filter(|&&k| k != skip)
        .map(|&k| (k.name(), value(k)))
        .collect();
    (id.map_or_else(String::new, |i| i.value.clone()), fields)
}

/// The `[roadmap]` settings, every key.
fn settings_fields(r: &Roadmap) -> Fields {
    use RoadmapKey as K;
    let m = &r.meta;
    K::ALL
        .iter()
        .map(|&k| {
            let v = match k {
                K::Organisation => text(&m.organisation),
                K::Team => text(&m.team),
                K::Currency => text(&m.currency),
                K::Language => choice(&m.language),
                K::PlanYear => m.plan_year.as_ref().map(|y| Value::Whole(y.value.into())),
                K::AsOf => date(&m.as_of),
                K::MarkupPercent => decimal(&m.markup_percent),
                K::BudgetCap => money(&m.budget_cap),
                K::DayRate => money(&m.day_rate),
            };
            (k.name(), v)
        })
        .collect()
}

fn member_fields(x: &Member) -> (String, Fields) {
    use MemberKey as K;
    keyed(x.id.as_ref(), K::Id, |k| match k {
        K::Id => None,
        K::Name => text(&x.name),
        K::Role => text(&x.role),
        K::CapacityDays => decimal(&x.capacity_days),
    })
}

fn department_fields(x: &Department) -> (String, Fields) {
    use DepartmentKey as K;
    keyed(x.id.as_ref(), K::Id, |k| match k {
        K::Id => None,
        K::Name => text(&x.name),
        K::Headcount => x
            .headcount
            .as_ref()
            .map(|h| Value::Whole(h.value.try_into().unwrap_or(i64::MAX))),
    })
}

fn training_fields(x: &Training) -> (String, Fields) {
    use TrainingKey as K;
    keyed(x.id.as_ref(), K::Id, |k| match k {
        K::Id => None,
        K::Title => text(&x.title),
        K::Competency => x.competency.as_ref().map(|c| Value::Competency(c.value)),
        K::CostPerPerson => money(&x.cost_per_person),
        K::Funding => choice(&x.funding),
        K::Needs => pairs(
            x.needs
                .iter()
                .map(|(d, n)| (d.value.as_str(), n.value.to_string())),
        ),
    })
}

fn kpi_fields(x: &Kpi) -> (String, Fields) {
    use KpiKey as K;
    let written =
        |w: &Option<Sp<crate::roadmap::Written>>| w.as_ref().map(|w| Value::Decimal(w.value.value));
    keyed(x.id.as_ref(), K::Id, |k| match k {
        K::Id => None,
        K::Name => text(&x.name),
        K::Group => choice(&x.group),
        K::Unit => text(&x.unit),
        K::Direction => choice(&x.direction),
        K::Baseline => written(&x.baseline),
        K::Target => written(&x.target),
        K::Measurements => series(&x.measurements),
        K::BaselineDate => date(&x.baseline_date),
        K::TargetDate => date(&x.target_date),
        K::Cadence => choice(&x.cadence),
        K::Targets => series(&x.targets),
        K::ValuePerUnit => x.value_per_unit.as_ref().map(|u| {
            let end = |m: &Option<Sp<crate::money::Money>>| {
                m.as_ref()
                    .map_or_else(|| "—".to_string(), |m| m.value.to_string())
            };
            let note = u.note.as_ref().map_or("", |n| n.value.as_str());
            Value::Text(format!("{} – {} ({note})", end(&u.low), end(&u.high)))
        }),
    })
}

/// A goal's fields as diff compares them: every key but `id`.
fn goal_fields(g: &Goal) -> (String, Fields) {
    use GoalKey as K;
    keyed(g.id.as_ref(), K::Id, |k| match k {
        K::Id => None,
        K::Title => text(&g.title),
        K::Horizon => choice(&g.horizon),
        K::Year => g.year.as_ref().map(|y| Value::Whole(y.value.into())),
        K::Until => g.until.as_ref().map(|y| Value::Whole(y.value.into())),
        K::Parent => text(&g.parent),
        K::Focus => g.focus.as_ref().map(|f| Value::Text(f.value.to_string())),
        K::Owner => text(&g.owner),
        K::PainPoints => list(&g.pain_points),
        K::Kpis => pairs(
            g.kpis
                .iter()
                .map(|(k, v)| (k.value.as_str(), v.value.value.text())),
        ),
    })
}

/// A scenario's fields as diff compares them: every key, as written; its
/// id is its NAME.
fn scenario_fields(s: &Scenario) -> (String, Fields) {
    use ScenarioKey as K;
    let fields = K::ALL
        .iter()
        .map(|&k| {
            let v = match k {
                K::Note => text(&s.note),
                K::BudgetCap => money(&s.budget_cap),
                K::MarkupPercent => decimal(&s.markup_percent),
                K::CapacityPercent => decimal(&s.capacity_percent),
                K::Exclude => list(&s.exclude),
                K::Include => list(&s.include),
                K::Priorities => pairs(
                    s.priorities
                        .iter()
                        .map(|(id, p)| (id.value.as_str(), p.value.to_string())),
                ),
                K::Prices => choice(&s.prices),
            };
            (k.name(), v)
        })
        .collect();
    (s.name.value.clone(), fields)
}

/// A communication's fields as diff compares them: every key but `id`.
fn communication_fields(c: &Communication) -> (String, Fields) {
    use CommunicationKey as K;
    keyed(c.id.as_ref(), K::Id, |k| match k {
        K::Id => None,
        K::Title => text(&c.title),
        K::Channel => choice(&c.channel),
        K::Audience => text(&c.audience),
        K::Cadence => choice(&c.cadence),
        K::Start => date(&c.start),
        K::End => date(&c.end),
        K::Owner => text(&c.owner),
        K::Sponsor => text(&c.sponsor),
        K::Goals => list(&c.goals),
    })
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
    pub fields: FieldChanges,
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

/// Changed fields as a JSON object: name → `{ "old", "new" }`.
struct FieldsMap<'a>(&'a FieldChanges);

impl Serialize for FieldsMap<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        fields_map(self.0, s)
    }
}

fn fields_map<S: serde::Serializer>(fields: &FieldChanges, s: S) -> Result<S::Ok, S::Error> {
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

fn quotes_value(ini: &Initiative) -> Option<Value> {
    (!ini.quotes.is_empty()).then(|| {
        Value::Quotes(
            ini.quotes
                .iter()
                .map(|q| QuoteValue {
                    vendor: q.vendor.as_ref().map(|v| v.value.clone()),
                    range: q.bounds(),
                    currency: q.currency.as_ref().map(|c| c.value.clone()),
                })
                .collect(),
        )
    })
}

/// Entries, each its words joined by spaces, `; ` between, every word
/// written by `word`.
pub(crate) fn entries_joined(entries: &[Vec<Word>], word: impl Fn(&Word) -> String) -> String {
    entries
        .iter()
        .map(|e| e.iter().map(&word).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Entries of an initiative as a value, in file order, each its words:
/// check-ins, spend entries, expected changes. A changed, added or removed
/// entry changes it.
fn entries_value<T>(items: &[T], words: impl Fn(&T) -> Vec<Word>) -> Option<Value> {
    (!items.is_empty()).then(|| Value::Entries(items.iter().map(words).collect()))
}

/// Check-ins: `2027-03-31 40 % medium "note"` each.
fn updates_value(ini: &Initiative) -> Option<Value> {
    entries_value(&ini.updates, |u| {
        let mut w = vec![
            Word::of(&u.date, |d| Word::Date(*d)),
            Word::of(&u.progress, |p| Word::Percent(*p)),
        ];
        w.extend(u.confidence.as_ref().map(|c| Word::Confidence(c.value)));
        w.extend(
            u.note
                .as_ref()
                .map(|n| Word::Text(format!("\"{}\"", n.value))),
        );
        w
    })
}

/// The expected changes of KPIs: `nps 2 – 4` each.
fn expected_value(ini: &Initiative) -> Option<Value> {
    entries_value(&ini.expected, |c| {
        let bound = |w: &crate::roadmap::Written| Word::Decimal(w.value);
        vec![
            Word::Text(c.kpi.value.clone()),
            Word::of(&c.low, bound),
            Word::Text("–".to_string()),
            Word::of(&c.high, bound),
        ]
    })
}

/// Spend entries: `2027-03-31 12000.00 PLN "note"` each (the currency
/// when written); like check-ins, a change shows the entries added or
/// changed.
fn spend_value(ini: &Initiative) -> Option<Value> {
    entries_value(&ini.spend, |e| {
        let currency = e.currency.as_ref().map(|c| c.value.clone());
        let mut w = vec![
            Word::of(&e.date, |d| Word::Date(*d)),
            Word::of(&e.amount, |a| Word::Money(*a, currency.clone())),
        ];
        w.extend(
            e.note
                .as_ref()
                .map(|n| Word::Text(format!("\"{}\"", n.value))),
        );
        w
    })
}

/// Of two lists (check-ins, spend entries, a KPI's series), only the
/// items that are not on both sides: a new check-in shows alone, not the
/// whole history. `None` for a side left with none.
fn only_changed_items(old: Option<Value>, new: Option<Value>) -> (Option<Value>, Option<Value>) {
    fn keep<T: PartialEq + Clone>(a: &[T], b: &[T]) -> Vec<T> {
        a.iter().filter(|x| !b.contains(x)).cloned().collect()
    }
    fn split<T: PartialEq + Clone>(
        o: &[T],
        n: &[T],
        value: fn(Vec<T>) -> Value,
    ) -> (Option<Value>, Option<Value>) {
        let side = |items: Vec<T>| (!items.is_empty()).then(|| value(items));
        (side(keep(o, n)), side(keep(n, o)))
    }
    match (&old, &new) {
        (Some(Value::Series(o)), Some(Value::Series(n))) => split(o, n, Value::Series),
        (Some(Value::Series(o)), None) => split(o, &[], Value::Series),
        (None, Some(Value::Series(n))) => split(&[], n, Value::Series),
        (Some(Value::Entries(o)), Some(Value::Entries(n))) => split(o, n, Value::Entries),
        (Some(Value::Entries(o)), None) => split(o, &[], Value::Entries),
        (None, Some(Value::Entries(n))) => split(&[], n, Value::Entries),
        _ => (old, new),
    }
}

/// What diff compares, from one side's initiative and budget figures;
/// `None` where absent.
fn compared_value(
    ini: &Initiative,
    compared: Compared,
    figures: Option<&(Money, Option<Money>)>,
) -> Option<Value> {
    match compared {
        Compared::Key(key) => reader(key).and_then(|read| read(ini)),
        Compared::Budget => figures.map(|f| Value::Money(f.0)),
        Compared::PlanYearBudget => figures.and_then(|f| f.1).map(Value::Money),
    }
}

/// How diff reads a declared key from the model; `None` for a key [`DIFF`]
/// does not compare. Every key is named here, so a new key does not compile
/// until it is given a reader or none.
fn reader(key: InitiativeKey) -> Option<fn(&Initiative) -> Option<Value>> {
    use InitiativeKey as K;
    Some(match key {
        K::Title => |i| text(&i.title),
        K::Competency => |i| i.competency.as_ref().map(|c| Value::Competency(c.value)),
        K::Area => |i| choice(&i.area),
        K::Status => |i| i.status.as_ref().map(|s| Value::Status(s.value)),
        K::Owner => |i| text(&i.owner),
        K::Department => |i| text(&i.department),
        K::Priority => |i| i.priority.as_ref().map(|p| Value::Whole(p.value.into())),
        K::Start => |i| date(&i.start),
        K::End => |i| date(&i.end),
        K::EffortDays => |i| decimal(&i.effort_days),
        K::Kpi => |i| text(&i.kpi),
        K::Reason => |i| text(&i.reason),
        K::Cost => |i| money(&i.cost),
        K::MarkupPercent => |i| decimal(&i.markup_percent),
        K::Quotes => quotes_value,
        K::Kpis => |i| list(&i.kpis),
        K::DependsOn => |i| list(&i.depends_on),
        K::Updates => updates_value,
        K::Goals => |i| list(&i.goals),
        K::Benefit => |i| text(&i.benefit),
        K::Expected => expected_value,
        K::Actual => |i| money(&i.actual),
        K::Spend => spend_value,
        K::Id => return None,
    })
}

/// Who and what an initiative is, for the added and removed lists.
fn summary(ini: &Initiative, figures: Option<&(Money, Option<Money>)>) -> Summary {
    Summary {
        id: ini.id_str().to_string(),
        title: ini.title.as_ref().map(|t| t.value.clone()),
        owner: ini.owner.as_ref().map(|t| t.value.clone()),
        status: ini.status.as_ref().map(|s| s.value),
        budget: figures.map(|&(budget, plan_year)| plan_year.unwrap_or(budget)),
    }
}

/// Compares two versions.
pub(crate) fn build(old: &Side<'_>, new: &Side<'_>) -> Diff {
    let old_by_id: HashMap<&str, &Initiative> = old
        .roadmap
        .initiatives
        .iter()
        .map(|i| (i.id_str(), i))
        .collect();
    let new_ids: HashSet<&str> = new.roadmap.initiatives.iter().map(|i| i.id_str()).collect();
    let old_figures = budget_figures(old.budget);
    let new_figures = budget_figures(new.budget);

    let mut added = Vec::new();
    let mut changed = Vec::new();
    for ini in &new.roadmap.initiatives {
        let id = ini.id_str();
        let Some(before) = old_by_id.get(id) else {
            added.push(summary(ini, new_figures.get(id)));
            continue;
        };
        let read = |c: Compared| {
            (
                c.label(),
                compared_value(before, c, old_figures.get(id)),
                compared_value(ini, c, new_figures.get(id)),
            )
        };
        let (o, n): (Fields, Fields) = DIFF
            .iter()
            .map(|&c| {
                let (label, o, n) = read(c);
                ((label, o), (label, n))
            })
            .unzip();
        let fields = changes(&o, &n);
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
        .filter(|i| !new_ids.contains(i.id_str()))
        .map(|i| summary(i, old_figures.get(i.id_str())))
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
        settings: changes(&settings_fields(old.roadmap), &settings_fields(new.roadmap)),
        parts: Part::ALL
            .iter()
            .map(|&p| (p, entries(p.entries(old.roadmap), p.entries(new.roadmap))))
            .collect(),
    }
}

#[cfg(test)]
mod tests;
