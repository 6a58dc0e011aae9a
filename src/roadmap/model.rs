//! The roadmap as typed data. Every value keeps the span it was read from so
//! that a finding can point at it. Values that failed to load are `None`
//! (the loader has already reported them); reports work on a roadmap that
//! has no data errors.
//!
//! Memory: a file may hold a great many small entries, so an initiative
//! keeps its optional keys out of line ([`InitiativeExtra`], read through
//! `Deref`; see [`Initiative`]) and every entry's rejected keys are a bit
//! set ([`KeySet`]).

use super::fields::{
    CommunicationKey, GoalKey, InitiativeKey, KeySet, QuoteKey, SpendKey, UpdateKey,
};
use crate::money::{Decimal, Money};
use crate::source::{Sp, Span};
use chrono::NaiveDate;

/// A closed set of words read from the file (competency, area, status…).
pub(crate) trait Choice: Sized + Copy + 'static {
    const ALL: &'static [Self];
    const WHAT: &'static str;
    fn as_str(self) -> &'static str;
    fn parse(s: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.as_str() == s)
    }
    fn names() -> Vec<&'static str> {
        Self::ALL.iter().map(|c| c.as_str()).collect()
    }
}

macro_rules! choice {
    ($(#[$m:meta])* $name:ident, $what:literal, { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),+ }
        impl Choice for $name {
            const ALL: &'static [Self] = &[$($name::$variant),+];
            const WHAT: &'static str = $what;
            fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}

choice!(
    /// The four CX competencies, in the order the articles give them.
    Competency, "competency", {
    Governance = "governance",
    Measurement = "measurement",
    Design = "design",
    Culture = "culture",
});
choice!(Area, "area", { Cx = "cx", Cxm = "cxm" });
choice!(Status, "status", {
    Idea = "idea",
    Planned = "planned",
    InProgress = "in-progress",
    OnHold = "on-hold",
    Done = "done",
    Cancelled = "cancelled",
});
choice!(Group, "group", { Company = "company", Customer = "customer", Business = "business" });
choice!(Direction, "direction", { Up = "up", Down = "down" });
choice!(Funding, "funding", { Department = "department", Central = "central" });
choice!(Language, "language", { En = "en", Pl = "pl" });
choice!(
    /// How often a KPI is measured (SPEC section 8): a latest measurement
    /// older than the cadence's days is stale.
    Cadence, "cadence", {
    Monthly = "monthly",
    Quarterly = "quarterly",
    HalfYearly = "half-yearly",
    Yearly = "yearly",
});

choice!(
    /// How sure the owner is, in a check-in, that the work ends as planned.
    Confidence, "confidence", {
    High = "high",
    Medium = "medium",
    Low = "low",
});
choice!(
    /// A goal's horizon (SPEC section 7): `long` (3–5 years, with `until`)
    /// or `year` (with `year`).
    Horizon, "horizon", { Long = "long", Year = "year" });
choice!(
    /// Where a communication of the internal plan happens.
    Channel, "channel", {
    Meeting = "meeting",
    Intranet = "intranet",
    Email = "email",
    Newsletter = "newsletter",
    Workshop = "workshop",
    Video = "video",
    Other = "other",
});
choice!(
    /// How often a communication recurs (SPEC section 7): `once` is one
    /// occurrence on `start`.
    Recurrence, "cadence", {
    Once = "once",
    Weekly = "weekly",
    Monthly = "monthly",
    Quarterly = "quarterly",
    HalfYearly = "half-yearly",
    Yearly = "yearly",
});

choice!(
    /// Which end of the vendor ranges a scenario prices at (SPEC section
    /// 10): `low`, `mid` or `high` make every quoted initiative's estimate
    /// its `estimate_low`, `estimate` or `estimate_high`.
    Prices, "prices", { Low = "low", Mid = "mid", High = "high" });

impl Cadence {
    /// The days after which the latest measurement is stale: monthly 31,
    /// quarterly 92, half-yearly 183, yearly 366.
    pub(crate) fn days(self) -> i64 {
        match self {
            Cadence::Monthly => 31,
            Cadence::Quarterly => 92,
            Cadence::HalfYearly => 183,
            Cadence::Yearly => 366,
        }
    }
}

impl Status {
    /// Planned or in progress: the statuses that take part in the plan.
    pub(crate) fn is_active(self) -> bool {
        matches!(self, Status::Planned | Status::InProgress)
    }
}

#[derive(Debug, Default, Clone)]
pub struct Roadmap {
    pub meta: Meta,
    pub fx: Vec<FxRate>,
    pub team: Vec<Member>,
    pub departments: Vec<Department>,
    pub maturity: Vec<Maturity>,
    pub initiatives: Vec<Initiative>,
    pub training: Vec<Training>,
    pub kpis: Vec<Kpi>,
    pub allow: Vec<Sp<String>>,
    /// `[vision]`, when the file has one.
    pub vision: Option<Vision>,
    /// `[[goals]]`, in file order.
    pub goals: Vec<Goal>,
    /// `[[communications]]`, in file order.
    pub communications: Vec<Communication>,
    /// `[scenarios.NAME]` tables, in file order.
    pub scenarios: Vec<Scenario>,
    /// The end of the vendor ranges every estimate takes: a scenario's
    /// `prices` once applied (`crate::scenario`); no key of the file, so
    /// `None` (the midpoint estimate) when read.
    pub prices: Option<Prices>,
}

/// The `[roadmap]` table.
#[derive(Debug, Default, Clone)]
pub struct Meta {
    /// The `[roadmap]` header, or the file's start when the table is missing.
    pub span: Span,
    pub organisation: Option<Sp<String>>,
    pub team: Option<Sp<String>>,
    pub currency: Option<Sp<String>>,
    pub language: Option<Sp<Language>>,
    pub plan_year: Option<Sp<i32>>,
    pub as_of: Option<Sp<NaiveDate>>,
    pub markup_percent: Option<Sp<Decimal>>,
    pub budget_cap: Option<Sp<Money>>,
    pub day_rate: Option<Sp<Money>>,
}

/// The default markup when the roadmap names none: 12.5 %.
pub(crate) const DEFAULT_MARKUP: Decimal = Decimal(12_500_000);
pub(crate) const DEFAULT_CURRENCY: &str = "PLN";

impl Meta {
    pub(crate) fn currency(&self) -> &str {
        self.currency
            .as_ref()
            .map_or(DEFAULT_CURRENCY, |c| c.value.as_str())
    }

    pub(crate) fn markup(&self) -> Decimal {
        self.markup_percent
            .as_ref()
            .map_or(DEFAULT_MARKUP, |m| m.value)
    }

    pub(crate) fn language(&self) -> Language {
        self.language.as_ref().map_or(Language::En, |l| l.value)
    }
}

#[derive(Debug, Clone)]
pub struct FxRate {
    pub code: Sp<String>,
    pub rate: Option<Sp<Decimal>>,
}

#[derive(Debug, Default, Clone)]
pub struct Member {
    pub span: Span,
    pub id: Option<Sp<String>>,
    pub name: Option<Sp<String>>,
    pub role: Option<Sp<String>>,
    pub capacity_days: Option<Sp<Decimal>>,
}

#[derive(Debug, Default, Clone)]
pub struct Department {
    pub span: Span,
    pub id: Option<Sp<String>>,
    pub name: Option<Sp<String>>,
    pub headcount: Option<Sp<u64>>,
}

#[derive(Debug, Clone)]
pub struct Maturity {
    pub competency: Sp<Competency>,
    pub current: Option<Sp<u8>>,
    pub target: Option<Sp<u8>>,
}

/// An `[[initiatives]]` entry: the keys every real initiative has, and the
/// optional rest out of line in [`InitiativeExtra`].
///
/// Why out of line: a file may hold a great many initiatives with few keys
/// each (a million entries of only an `id` is a valid file), and all the
/// optional keys inline made an initiative about 700 bytes, most of them
/// empty. Here an initiative without optional keys is the core and a null
/// box. The optional keys read as fields of the initiative through `Deref`
/// (`ini.cost`, `&ini.quotes`), so no code has to know where they live: an
/// initiative without them reads them empty (`None`, `[]`, `false`), from
/// one shared empty [`InitiativeExtra`]. Writing one through `DerefMut`
/// (`ini.cost = …`, `ini.quotes.push(…)`) allocates the box on the first
/// write and keeps it.
#[derive(Default, Clone)]
pub struct Initiative {
    /// The `[[initiatives]]` header (or the inline table).
    pub span: Span,
    pub id: Option<Sp<String>>,
    pub title: Option<Sp<String>>,
    pub competency: Option<Sp<Competency>>,
    pub area: Option<Sp<Area>>,
    pub status: Option<Sp<Status>>,
    /// Keys that were written but rejected by the loader (wrong type or
    /// value, already reported): a rule must not call them missing.
    pub rejected: KeySet<InitiativeKey>,
    /// The optional keys, when one was written (see the struct's doc).
    pub extra: Option<Box<InitiativeExtra>>,
}

/// An initiative's optional keys, stored out of line (see [`Initiative`]).
#[derive(Debug, Default, Clone)]
pub struct InitiativeExtra {
    pub owner: Option<Sp<String>>,
    pub department: Option<Sp<String>>,
    pub priority: Option<Sp<u32>>,
    pub start: Option<Sp<NaiveDate>>,
    pub end: Option<Sp<NaiveDate>>,
    pub effort_days: Option<Sp<Decimal>>,
    pub kpi: Option<Sp<String>>,
    pub benefit: Option<Sp<String>>,
    /// Why it is an idea, on hold, cancelled or below the cut line.
    pub reason: Option<Sp<String>>,
    pub cost: Option<Sp<Money>>,
    pub actual: Option<Sp<Money>>,
    pub markup_percent: Option<Sp<Decimal>>,
    pub kpis: Vec<Sp<String>>,
    pub depends_on: Vec<Sp<String>>,
    /// Ids of the `[[goals]]` it serves.
    pub goals: Vec<Sp<String>>,
    pub quotes: Vec<Quote>,
    /// Dated spending (`[[initiatives.spend]]`), in file order.
    pub spend: Vec<Spend>,
    /// Check-ins (`[[initiatives.updates]]`), in file order.
    pub updates: Vec<Update>,
    /// `expected`: the change expected of each KPI named, in file order.
    pub expected: Vec<ExpectedChange>,
    /// Whether `quotes` was written at all (even empty).
    pub has_quotes_key: bool,
}

impl InitiativeExtra {
    /// No optional key written.
    const EMPTY: InitiativeExtra = InitiativeExtra {
        owner: None,
        department: None,
        priority: None,
        start: None,
        end: None,
        effort_days: None,
        kpi: None,
        benefit: None,
        reason: None,
        cost: None,
        actual: None,
        markup_percent: None,
        kpis: Vec::new(),
        depends_on: Vec::new(),
        goals: Vec::new(),
        quotes: Vec::new(),
        spend: Vec::new(),
        updates: Vec::new(),
        expected: Vec::new(),
        has_quotes_key: false,
    };
}

/// What every initiative without optional keys reads.
static NO_EXTRA: InitiativeExtra = InitiativeExtra::EMPTY;

impl std::ops::Deref for Initiative {
    type Target = InitiativeExtra;

    fn deref(&self) -> &InitiativeExtra {
        self.extra.as_deref().unwrap_or(&NO_EXTRA)
    }
}

impl std::ops::DerefMut for Initiative {
    /// Allocates the optional keys on the first write.
    fn deref_mut(&mut self) -> &mut InitiativeExtra {
        self.extra.get_or_insert_with(Default::default)
    }
}

impl std::fmt::Debug for Initiative {
    /// Every key at the top, as if all were fields of the initiative:
    /// where a key is stored is no business of a reader of the value.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let x: &InitiativeExtra = self;
        f.debug_struct("Initiative")
            .field("span", &self.span)
            .field("id", &self.id)
            .field("title", &self.title)
            .field("competency", &self.competency)
            .field("area", &self.area)
            .field("status", &self.status)
            .field("owner", &x.owner)
            .field("department", &x.department)
            .field("priority", &x.priority)
            .field("start", &x.start)
            .field("end", &x.end)
            .field("effort_days", &x.effort_days)
            .field("kpi", &x.kpi)
            .field("benefit", &x.benefit)
            .field("reason", &x.reason)
            .field("cost", &x.cost)
            .field("actual", &x.actual)
            .field("markup_percent", &x.markup_percent)
            .field("kpis", &x.kpis)
            .field("depends_on", &x.depends_on)
            .field("goals", &x.goals)
            .field("quotes", &x.quotes)
            .field("spend", &x.spend)
            .field("updates", &x.updates)
            .field("expected", &x.expected)
            .field("has_quotes_key", &x.has_quotes_key)
            .field("rejected", &self.rejected)
            .finish()
    }
}

impl Initiative {
    pub(crate) fn id_str(&self) -> &str {
        self.id.as_ref().map_or("", |i| i.value.as_str())
    }

    /// Whether `key` was written but rejected by the loader.
    pub(crate) fn is_rejected(&self, key: InitiativeKey) -> bool {
        self.rejected.contains(key)
    }

    /// The initiative with `set` applied: tests build one from another
    /// with optional keys changed, which a struct literal's `..base` no
    /// longer reaches (they are out of line).
    #[cfg(test)]
    pub(crate) fn with(mut self, set: impl FnOnce(&mut Initiative)) -> Initiative {
        set(&mut self);
        self
    }

    /// The span best naming this initiative: its id, else its header.
    pub(crate) fn anchor(&self) -> Span {
        self.id.as_ref().map_or(self.span, |i| i.span)
    }
}

#[derive(Debug, Default, Clone)]
pub struct Quote {
    pub span: Span,
    pub vendor: Option<Sp<String>>,
    pub min: Option<Sp<Money>>,
    pub max: Option<Sp<Money>>,
    pub amount: Option<Sp<Money>>,
    pub date: Option<Sp<NaiveDate>>,
    pub currency: Option<Sp<String>>,
    /// Keys that were written but rejected by the loader (already reported).
    pub rejected: KeySet<QuoteKey>,
}

impl Quote {
    /// Whether `key` was written but rejected by the loader.
    pub(crate) fn is_rejected(&self, key: QuoteKey) -> bool {
        self.rejected.contains(key)
    }

    /// The range in the quote's own currency: `amount` stands for both bounds.
    pub(crate) fn bounds(&self) -> Option<(Money, Money)> {
        match (&self.min, &self.max, &self.amount) {
            (Some(lo), Some(hi), _) => Some((lo.value, hi.value)),
            (None, None, Some(a)) => Some((a.value, a.value)),
            _ => None,
        }
    }
}

/// A spend entry: money spent on a date, in the roadmap's currency or
/// another with a rate in `[fx]`.
#[derive(Debug, Default, Clone)]
pub struct Spend {
    pub span: Span,
    pub date: Option<Sp<NaiveDate>>,
    pub amount: Option<Sp<Money>>,
    pub currency: Option<Sp<String>>,
    pub note: Option<Sp<String>>,
    /// Keys that were written but rejected by the loader (already reported).
    pub rejected: KeySet<SpendKey>,
}

/// A check-in: how far the work is on a date, and how sure its owner is
/// that it ends as planned. The latest on or before `as_of` is the
/// initiative's state (SPEC section 9).
#[derive(Debug, Default, Clone)]
pub struct Update {
    pub span: Span,
    pub date: Option<Sp<NaiveDate>>,
    /// Per cent done, 0 to 100.
    pub progress: Option<Sp<Decimal>>,
    pub confidence: Option<Sp<Confidence>>,
    pub note: Option<Sp<String>>,
    /// Keys that were written but rejected by the loader (already reported).
    pub rejected: KeySet<UpdateKey>,
}

impl Initiative {
    /// The initiative's state: the latest check-in with a date and
    /// progress dated on or before `as_of` (the later in file order on a
    /// tie). `confidence` is optional (SPEC section 13 requires only `date`
    /// and `progress`).
    pub(crate) fn latest_update(&self, as_of: NaiveDate) -> Option<LatestUpdate> {
        let mut best: Option<LatestUpdate> = None;
        for u in &self.updates {
            let (Some(date), Some(progress)) = (&u.date, &u.progress) else {
                continue;
            };
            if date.value > as_of || best.as_ref().is_some_and(|b| b.date > date.value) {
                continue;
            }
            best = Some(LatestUpdate {
                date: date.value,
                progress: progress.value,
                confidence: u.confidence.as_ref().map(|c| c.value),
            });
        }
        best
    }
}

/// The values of the check-in that gives an initiative's state (JSON:
/// `{ "date", "progress", "confidence" }`, progress a decimal string).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct LatestUpdate {
    #[serde(serialize_with = "crate::money_json::date")]
    pub date: NaiveDate,
    #[serde(serialize_with = "crate::money_json::decimal")]
    pub progress: Decimal,
    pub confidence: Option<Confidence>,
}

#[derive(Debug, Default, Clone)]
pub struct Training {
    pub span: Span,
    pub id: Option<Sp<String>>,
    pub title: Option<Sp<String>>,
    pub competency: Option<Sp<Competency>>,
    pub cost_per_person: Option<Sp<Money>>,
    pub funding: Option<Sp<Funding>>,
    /// Department id -> people to train, in file order.
    pub needs: Vec<(Sp<String>, Sp<u64>)>,
}

#[derive(Debug, Default, Clone)]
pub struct Kpi {
    pub span: Span,
    pub id: Option<Sp<String>>,
    pub name: Option<Sp<String>>,
    pub group: Option<Sp<Group>>,
    pub unit: Option<Sp<String>>,
    pub direction: Option<Sp<Direction>>,
    pub baseline: Option<Sp<Written>>,
    pub target: Option<Sp<Written>>,
    pub measurements: Vec<Measurement>,
    /// When the baseline was measured: where the path starts.
    pub baseline_date: Option<Sp<NaiveDate>>,
    /// When the target is to be reached; default 31 December of the plan year.
    pub target_date: Option<Sp<NaiveDate>>,
    /// How often it is measured; default quarterly.
    pub cadence: Option<Sp<Cadence>>,
    /// Checkpoints on the way to the target, in file order.
    pub targets: Vec<Measurement>,
    /// What one unit of the KPI is worth a year.
    pub value_per_unit: Option<ValuePerUnit>,
}

/// A KPI's `value_per_unit`: the money one unit is worth a year, as a
/// range, with the assumption behind it.
#[derive(Debug, Default, Clone)]
pub struct ValuePerUnit {
    pub span: Span,
    pub low: Option<Sp<Money>>,
    pub high: Option<Sp<Money>>,
    pub note: Option<Sp<String>>,
}

impl ValuePerUnit {
    /// `(low, high)` when both were read and `low ≤ high` (E006 otherwise).
    pub(crate) fn range(&self) -> Option<(Money, Money)> {
        match (&self.low, &self.high) {
            (Some(lo), Some(hi)) if lo.value <= hi.value => Some((lo.value, hi.value)),
            _ => None,
        }
    }
}

/// One entry of an initiative's `expected`: the change of a KPI, in its
/// units, from `low` to `high`.
#[derive(Debug, Clone)]
pub struct ExpectedChange {
    pub span: Span,
    /// The KPI's id (the key).
    pub kpi: Sp<String>,
    pub low: Option<Sp<Written>>,
    pub high: Option<Sp<Written>>,
}

impl ExpectedChange {
    /// `(low, high)` when both were read and `low ≤ high` (E003 otherwise).
    pub(crate) fn range(&self) -> Option<(Decimal, Decimal)> {
        match (&self.low, &self.high) {
            (Some(lo), Some(hi)) if lo.value.value <= hi.value.value => {
                Some((lo.value.value, hi.value.value))
            }
            _ => None,
        }
    }
}

/// A KPI's measurement, or a checkpoint of its `targets` (the same shape:
/// a date and a value).
#[derive(Debug, Clone)]
pub struct Measurement {
    pub span: Span,
    pub date: Sp<NaiveDate>,
    pub value: Sp<Written>,
}

/// A KPI value with the number of decimals its text has (`12.50`: two,
/// `12.5`: one, `12`: none): figures computed from KPI values are shown to
/// one place more than the most written (SPEC section 8).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Written {
    pub value: Decimal,
    pub places: u32,
}

/// `[vision]`: where the company wants to be (SPEC section 7).
#[derive(Debug, Default, Clone)]
pub struct Vision {
    pub span: Span,
    pub statement: Option<Sp<String>>,
    /// The year the vision is for.
    pub until: Option<Sp<i32>>,
}

/// A `[[goals]]` entry: a long goal (3–5 years, `until`) or a year goal
/// (`year`, optionally under a long `parent`, perhaps in `focus`).
#[derive(Debug, Default, Clone)]
pub struct Goal {
    pub span: Span,
    pub id: Option<Sp<String>>,
    pub title: Option<Sp<String>>,
    pub horizon: Option<Sp<Horizon>>,
    /// A year goal's year.
    pub year: Option<Sp<i32>>,
    /// A long goal's last year.
    pub until: Option<Sp<i32>>,
    /// The long goal a year goal serves.
    pub parent: Option<Sp<String>>,
    /// One of the few year goals in focus.
    pub focus: Option<Sp<bool>>,
    /// A `[[team]]` id.
    pub owner: Option<Sp<String>>,
    /// The customers' pain points it answers, in file order.
    pub pain_points: Vec<Sp<String>>,
    /// KPI id -> the value to reach by the goal's end, in file order.
    pub kpis: Vec<(Sp<String>, Sp<Written>)>,
    /// Keys that were written but rejected by the loader (already reported).
    pub rejected: KeySet<GoalKey>,
}

impl Goal {
    pub(crate) fn id_str(&self) -> &str {
        self.id.as_ref().map_or("", |i| i.value.as_str())
    }

    /// Whether it is in focus (`focus = true`).
    pub(crate) fn in_focus(&self) -> bool {
        self.focus.as_ref().is_some_and(|f| f.value)
    }

    pub(crate) fn horizon(&self) -> Option<Horizon> {
        self.horizon.as_ref().map(|h| h.value)
    }

    /// The span best naming this goal: its id, else its header.
    pub(crate) fn anchor(&self) -> Span {
        self.id.as_ref().map_or(self.span, |i| i.span)
    }
}

/// A `[[communications]]` entry: one line of the internal communication
/// plan (SPEC section 7).
#[derive(Debug, Default, Clone)]
pub struct Communication {
    pub span: Span,
    pub id: Option<Sp<String>>,
    pub title: Option<Sp<String>>,
    pub channel: Option<Sp<Channel>>,
    pub audience: Option<Sp<String>>,
    pub cadence: Option<Sp<Recurrence>>,
    /// The first occurrence.
    pub start: Option<Sp<NaiveDate>>,
    /// The last possible date.
    pub end: Option<Sp<NaiveDate>>,
    /// A `[[team]]` id.
    pub owner: Option<Sp<String>>,
    /// Whose visible support it carries (free text: a board member).
    pub sponsor: Option<Sp<String>>,
    /// Ids of the goals it speaks for.
    pub goals: Vec<Sp<String>>,
    /// Keys that were written but rejected by the loader (already reported).
    pub rejected: KeySet<CommunicationKey>,
}

impl Communication {
    pub(crate) fn id_str(&self) -> &str {
        self.id.as_ref().map_or("", |i| i.value.as_str())
    }
}

/// A `[scenarios.NAME]` table: a variant of the plan in a few keys (SPEC
/// section 10), applied by `crate::scenario::apply`.
#[derive(Debug, Clone)]
pub struct Scenario {
    /// The table's name in `[scenarios.NAME]` (its header, where W018
    /// points).
    pub name: Sp<String>,
    pub note: Option<Sp<String>>,
    pub budget_cap: Option<Sp<Money>>,
    pub markup_percent: Option<Sp<Decimal>>,
    /// 0–200: every member's `capacity_days` times this percentage.
    pub capacity_percent: Option<Sp<Decimal>>,
    /// `planned` initiatives treated as ideas.
    pub exclude: Vec<Sp<String>>,
    /// Ideas treated as `planned`.
    pub include: Vec<Sp<String>>,
    /// Initiative id -> priority, in file order.
    pub priorities: Vec<(Sp<String>, Sp<u32>)>,
    pub prices: Option<Sp<Prices>>,
}

#[cfg(test)]
mod tests;
