//! Every key of the roadmap file, declared once: its name, what it holds
//! (its TOML kind, and the range or set of values it takes), whether it is
//! required, and the words of its JSON Schema entry. Each table's keys are
//! an enum as well ([`InitiativeKey`] and the like), declared with the
//! table, so code that handles keys matches on them and the compiler names
//! a key one forgot.
//!
//! Read by: the loader (which keys a table knows, their kinds and ranges,
//! the "did you mean" lists, the required keys), `cxm schema` (the JSON
//! Schema, draft-07, made by [`json_schema`]), `cxm diff` ([`DIFF`], what it
//! compares of an initiative), and the model (the keys the loader rejected,
//! typed). The editor's schema, the loader and diff therefore cannot drift
//! apart.
//!
//! Ranges are data here, and nowhere else: the loader checks them, the
//! schema states them, messages quote them. A whole number's range with no
//! upper bound goes as far as the model's type holds (`u32`), which is not a
//! limit of the format: neither the schema nor a message names it. The
//! person-days' upper bound is a guard against a typo of many digits, which
//! messages name but the schema never has.

use super::model::{
    Area, Cadence, Channel, Choice, Competency, Confidence, Direction, Funding, Group, Horizon,
    Language, Prices, Recurrence, Status,
};
use crate::diag::{Code, Severity};
use crate::money::Decimal;
use serde_json::{Map, Value, json};

/// Declares a table from one list: the enum of its keys and its
/// [`TableDef`], in the same order, so a key's declaration is
/// `fields[key as usize]` by construction.
macro_rules! table {
    ($(#[$m:meta])* $key:ident, $def:ident, $what:literal, { $($variant:ident: $field:expr,)+ }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $key {
            $($variant,)+
        }

        impl Key for $key {
            const ALL: &'static [$key] = &[$($key::$variant,)+];

            fn table() -> &'static TableDef {
                &$def
            }

            fn index(self) -> usize {
                self as usize
            }
        }

        pub static $def: TableDef = TableDef {
            what: $what,
            fields: &[$($field,)+],
        };

        // A `KeySet` holds a table's keys as the bits of a `u64`.
        const _: () = assert!(<$key as Key>::ALL.len() <= KeySet::<$key>::CAPACITY);
    };
}

/// A table's keys as an enum (declared by `table!`).
pub trait Key: Copy + Eq + 'static {
    /// Every key, in the order of the declaration.
    const ALL: &'static [Self];

    fn table() -> &'static TableDef;

    fn index(self) -> usize;

    /// The key's declaration.
    fn field(self) -> &'static Field {
        &Self::table().fields[self.index()]
    }

    /// The key as written in the file.
    fn name(self) -> &'static str {
        self.field().name
    }

    /// The key written as `name`, if the table has it.
    fn parse(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|k| k.name() == name)
    }
}

/// A set of a table's keys (the keys the loader rejected, say): one bit
/// per key, by [`Key::index`], so an entry's set costs eight bytes and no
/// allocation however many entries a file has. Every table has at most
/// [`KeySet::CAPACITY`] keys (asserted at compile time where `table!`
/// declares it). Iterates in the order of the declaration.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct KeySet<K: Key> {
    bits: u64,
    keys: std::marker::PhantomData<K>,
}

impl<K: Key> KeySet<K> {
    /// The most keys a table may have.
    pub const CAPACITY: usize = 64;

    /// The key's bit; none for an index past the capacity, which the
    /// compile-time assertion rules out.
    fn bit(key: K) -> u64 {
        u32::try_from(key.index())
            .ok()
            .and_then(|i| 1u64.checked_shl(i))
            .unwrap_or(0)
    }

    pub fn insert(&mut self, key: K) {
        self.bits |= Self::bit(key);
    }

    pub fn contains(&self, key: K) -> bool {
        self.bits & Self::bit(key) != 0
    }

    pub fn is_empty(&self) -> bool {
        self.bits == 0
    }

    /// The keys in the set, in the order of the declaration.
    pub fn iter(&self) -> impl Iterator<Item = K> + '_ {
        K::ALL.iter().copied().filter(|&k| self.contains(k))
    }
}

impl<K: Key> Default for KeySet<K> {
    fn default() -> Self {
        KeySet {
            bits: 0,
            keys: std::marker::PhantomData,
        }
    }
}

impl<K: Key + std::fmt::Debug> std::fmt::Debug for KeySet<K> {
    /// As the list of its keys.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<K: Key> FromIterator<K> for KeySet<K> {
    fn from_iter<I: IntoIterator<Item = K>>(keys: I) -> Self {
        let mut set = KeySet::default();
        for key in keys {
            set.insert(key);
        }
        set
    }
}

/// Whole numbers from `min` to `max`. Without a `max`, as large as the
/// model's type holds (`u32`): not a limit of the format, so neither the
/// schema nor a message names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Whole {
    pub min: u32,
    pub max: Option<u32>,
}

impl Whole {
    /// The largest number taken.
    pub(crate) fn top(self) -> u32 {
        self.max.unwrap_or(u32::MAX)
    }
}

/// `plan_year`.
pub(crate) const YEARS: Whole = Whole {
    min: 1,
    max: Some(9999),
};
/// A competency's `current` and `target` maturity.
pub(crate) const LEVELS: Whole = Whole {
    min: 1,
    max: Some(5),
};
/// An initiative's `priority`: 1 is highest.
pub(crate) const PRIORITIES: Whole = Whole { min: 1, max: None };
/// Head counts and people to train.
pub(crate) const COUNTS: Whole = Whole { min: 0, max: None };

/// Exact decimals within bounds, either of them optional.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bounds {
    pub min: Option<Decimal>,
    pub max: Option<Decimal>,
}

/// Markups.
pub(crate) const PERCENTS: Bounds = Bounds {
    min: Some(Decimal::ZERO),
    max: Some(Decimal(100 * Decimal::SCALE)),
};
/// A scenario's `capacity_percent` (SPEC section 10): 0–200.
pub(crate) const CAPACITY_PERCENTS: Bounds = Bounds {
    min: Some(Decimal::ZERO),
    max: Some(Decimal(200 * Decimal::SCALE)),
};
/// Person-days; the upper bound is a guard against a typo (see the
/// module's doc).
pub(crate) const DAYS: Bounds = Bounds {
    min: Some(Decimal::ZERO),
    max: Some(Decimal(1_000_000_000 * Decimal::SCALE)),
};
/// KPI values and exchange rates (a rate is then checked to be above 0).
pub(crate) const NUMBERS: Bounds = Bounds {
    min: None,
    max: None,
};

/// The largest amount, in whole units of the currency (`money` refuses
/// more).
const MONEY_MAX: i64 = 10_000_000_000_000;

/// ISO 4217 codes in use, sorted (looked up by binary search).
pub(crate) const CURRENCIES: &[&str] = &[
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD",
    "CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD",
    "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ",
    "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD",
    "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR",
    "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR",
    "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN",
    "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR",
    "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB",
    "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS",
    "VES", "VND", "VUV", "WST", "XAF", "XCD", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG",
];

/// What a key holds.
#[derive(Clone, Copy, Debug)]
pub enum Kind {
    Text,
    /// Letters, digits, `-` and `_`.
    Id,
    /// A TOML local date.
    Date,
    /// An amount in the roadmap's currency, at most two decimals.
    Money,
    /// A percentage in [`PERCENTS`].
    Percent,
    /// Person-days in [`DAYS`].
    Days,
    /// A whole number in [`COUNTS`].
    Count,
    /// A whole number in [`PRIORITIES`].
    Priority,
    /// A year in [`YEARS`].
    Year,
    /// A maturity level in [`LEVELS`].
    Level,
    /// Any number in [`NUMBERS`] (KPI values).
    Number,
    /// One of a closed set of words.
    Choice(fn() -> Vec<&'static str>),
    /// One of [`CURRENCIES`] (ISO 4217).
    Currency,
    /// An array of ids.
    IdList,
    /// An array of texts.
    TextList,
    /// A warning code to silence.
    WarningList,
    /// A table of known keys.
    Table(&'static TableDef),
    /// KPI id → an expected change ([`CHANGE`]).
    Expected,
    /// An array of tables (`[[name]]`).
    Tables(&'static TableDef),
    /// Currency code → rate.
    FxRates,
    /// Department id → people.
    Needs,
    /// Competency → maturity table.
    Maturity,
    /// `true` or `false`.
    Flag,
    /// KPI id → the value to reach (a goal's `kpis`).
    KpiValues,
    /// A percentage in [`CAPACITY_PERCENTS`] (a scenario's capacity).
    CapacityPercent,
    /// Initiative id → priority (a scenario's `priorities`).
    Priorities,
    /// Scenario name → `[scenarios.NAME]` table.
    Scenarios(&'static TableDef),
}

#[derive(Debug)]
pub struct Field {
    pub name: &'static str,
    pub kind: Kind,
    pub required: bool,
    pub doc: &'static str,
}

#[derive(Debug)]
pub struct TableDef {
    /// How messages name the table: `[roadmap]`, `an initiative`.
    pub what: &'static str,
    pub fields: &'static [Field],
}

impl TableDef {
    pub fn names(&self) -> Vec<&'static str> {
        self.fields.iter().map(|f| f.name).collect()
    }

    pub fn required(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.fields.iter().filter(|f| f.required).map(|f| f.name)
    }
}

const fn field(name: &'static str, kind: Kind, doc: &'static str) -> Field {
    Field {
        name,
        kind,
        required: false,
        doc,
    }
}

const fn required(name: &'static str, kind: Kind, doc: &'static str) -> Field {
    Field {
        name,
        kind,
        required: true,
        doc,
    }
}

table!(
    /// The keys of `[roadmap]`.
    RoadmapKey, ROADMAP, "[roadmap]", {
        Organisation: field("organisation", Kind::Text, "The organisation's name."),
        Team: field("team", Kind::Text, "The CX team's name."),
        Currency: field(
            "currency",
            Kind::Currency,
            "ISO 4217 code of every amount; default PLN.",
        ),
        Language: field(
            "language",
            Kind::Choice(Language::names),
            "Language of reports: en or pl; default en.",
        ),
        PlanYear: required("plan_year", Kind::Year, "The year being planned."),
        AsOf: field("as_of", Kind::Date, "The inventory date; default today."),
        MarkupPercent: field(
            "markup_percent",
            Kind::Percent,
            "Added to the average of vendor ranges; default 12.5, 10–15 recommended.",
        ),
        BudgetCap: field(
            "budget_cap",
            Kind::Money,
            "The CXM budget limit of the plan year.",
        ),
        DayRate: field(
            "day_rate",
            Kind::Money,
            "Internal cost of one person-day of the team.",
        ),
    }
);

table!(
    /// The keys of a `[[team]]` member.
    MemberKey, MEMBER, "a [[team]] member", {
        Id: required("id", Kind::Id, "Unique id, used as an initiative's owner."),
        Name: field("name", Kind::Text, "Full name."),
        Role: field("role", Kind::Text, "Role in the CX team."),
        CapacityDays: field(
            "capacity_days",
            Kind::Days,
            "Person-days available for the roadmap in the plan year.",
        ),
    }
);

table!(
    /// The keys of a `[[departments]]` entry.
    DepartmentKey, DEPARTMENT, "a [[departments]] entry", {
        Id: required("id", Kind::Id, "Unique id."),
        Name: field("name", Kind::Text, "Department name."),
        Headcount: field("headcount", Kind::Count, "Number of employees."),
    }
);

table!(
    /// The keys of a competency's `[maturity]` table.
    LevelKey, MATURITY_LEVEL, "a [maturity] table", {
        Current: field("current", Kind::Level, "Maturity today, 1 to 5."),
        Target: field("target", Kind::Level, "Maturity aimed at, 1 to 5."),
    }
);

table!(
    /// The keys of a quote.
    QuoteKey, QUOTE, "a quote", {
        Vendor: field("vendor", Kind::Text, "Who gave the price range."),
        Min: field("min", Kind::Money, "Lower bound of the range."),
        Max: field("max", Kind::Money, "Upper bound of the range."),
        Amount: field(
            "amount",
            Kind::Money,
            "A single figure instead of min and max.",
        ),
        Date: field("date", Kind::Date, "When the range was given."),
        Currency: field(
            "currency",
            Kind::Currency,
            "The quote's currency; needs a rate in [fx].",
        ),
    }
);

table!(
    /// The keys of a spend entry (`[[initiatives.spend]]`).
    SpendKey, SPEND, "a spend entry", {
        Date: required("date", Kind::Date, "When the money was spent (the invoice date)."),
        Amount: required("amount", Kind::Money, "How much was spent."),
        Currency: field(
            "currency",
            Kind::Currency,
            "The entry's currency; needs a rate in [fx].",
        ),
        Note: field("note", Kind::Text, "What it was, e.g. the invoice number."),
    }
);

table!(
    /// The keys of a check-in (`[[initiatives.updates]]`).
    UpdateKey, UPDATE, "a check-in", {
        Date: required("date", Kind::Date, "The day of the check-in."),
        Progress: required("progress", Kind::Percent, "Per cent done, 0 to 100."),
        Confidence: field(
            "confidence",
            Kind::Choice(Confidence::names),
            "How sure the owner is that it ends as planned: high, medium or low.",
        ),
        Note: field("note", Kind::Text, "What moved, what is in the way."),
    }
);

table!(
    /// The keys of an initiative.
    InitiativeKey, INITIATIVE, "an initiative", {
        Id: required("id", Kind::Id, "Unique id: letters, digits, '-', '_'."),
        Title: required("title", Kind::Text, "What the initiative is."),
        Competency: required(
            "competency",
            Kind::Choice(Competency::names),
            "The CX competency it develops.",
        ),
        Area: required(
            "area",
            Kind::Choice(Area::names),
            "cxm: the organisation's CX competence (CX team's budget); cx: improving what customers experience (a department's).",
        ),
        Status: required("status", Kind::Choice(Status::names), "Where it stands."),
        Owner: field("owner", Kind::Id, "A [[team]] id."),
        Department: field(
            "department",
            Kind::Id,
            "A [[departments]] id; required for area = \"cx\".",
        ),
        Priority: field("priority", Kind::Priority, "1 is highest."),
        Start: field("start", Kind::Date, "First day."),
        End: field("end", Kind::Date, "Last day."),
        EffortDays: field("effort_days", Kind::Days, "Team person-days."),
        Kpi: field("kpi", Kind::Text, "How success is measured."),
        Benefit: field("benefit", Kind::Text, "What it brings."),
        Reason: field(
            "reason",
            Kind::Text,
            "Why it is an idea, on hold, cancelled or below the cut line.",
        ),
        Cost: field("cost", Kind::Money, "A fixed cost, added without markup."),
        Actual: field("actual", Kind::Money, "Spent so far."),
        MarkupPercent: field(
            "markup_percent",
            Kind::Percent,
            "Overrides the roadmap's markup for this initiative.",
        ),
        Kpis: field("kpis", Kind::IdList, "Ids of [[kpis]] it moves."),
        DependsOn: field(
            "depends_on",
            Kind::IdList,
            "Initiatives that must finish first.",
        ),
        Goals: field("goals", Kind::IdList, "Ids of the [[goals]] it serves."),
        Quotes: field("quotes", Kind::Tables(&QUOTE), "Vendor price ranges."),
        Spend: field(
            "spend",
            Kind::Tables(&SPEND),
            "Dated spending, instead of actual: actual is the sum of the entries up to as_of.",
        ),
        Updates: field(
            "updates",
            Kind::Tables(&UPDATE),
            "Check-ins: progress and confidence on a date; the latest up to as_of is the state.",
        ),
        Expected: field(
            "expected",
            Kind::Expected,
            "KPI id → { low, high }: the change the initiative is expected to bring, in the KPI's units.",
        ),
    }
);

table!(
    /// The keys of a `[[training]]` entry.
    TrainingKey, TRAINING, "a [[training]] entry", {
        Id: required("id", Kind::Id, "Unique id."),
        Title: field("title", Kind::Text, "The course."),
        Competency: required(
            "competency",
            Kind::Choice(Competency::names),
            "The competency it builds.",
        ),
        CostPerPerson: required(
            "cost_per_person",
            Kind::Money,
            "Cost of training one person.",
        ),
        Funding: required(
            "funding",
            Kind::Choice(Funding::names),
            "department: a guideline for the department's budget; central: a CXM budget line.",
        ),
        Needs: field("needs", Kind::Needs, "Department id → people to train."),
    }
);

table!(
    /// The keys of a KPI's measurement.
    MeasurementKey, MEASUREMENT, "a measurement", {
        Date: required("date", Kind::Date, "When it was measured."),
        Value: required("value", Kind::Number, "The value measured."),
    }
);

table!(
    /// The keys of a checkpoint in a KPI's `targets`.
    CheckpointKey, CHECKPOINT, "a checkpoint", {
        Date: required("date", Kind::Date, "When the value is to be reached."),
        Value: required("value", Kind::Number, "The value to reach by then."),
    }
);

table!(
    /// The keys of a KPI's `value_per_unit`: what one unit is worth a year.
    ValueKey, VALUE_PER_UNIT, "a value_per_unit table", {
        Low: required("low", Kind::Money, "The least one unit of the KPI is worth a year."),
        High: required("high", Kind::Money, "The most one unit of the KPI is worth a year."),
        Note: field(
            "note",
            Kind::Text,
            "The assumption behind the range, with its source.",
        ),
    }
);

table!(
    /// The keys of an expected change of a KPI (an initiative's `expected`).
    ChangeKey, CHANGE, "an expected change", {
        Low: required("low", Kind::Number, "The smallest change expected, in the KPI's units."),
        High: required("high", Kind::Number, "The largest change expected, in the KPI's units."),
    }
);

table!(
    /// The keys of a `[[kpis]]` entry.
    KpiKey, KPI, "a [[kpis]] entry", {
        Id: required("id", Kind::Id, "Unique id, named by initiatives' kpis."),
        Name: field("name", Kind::Text, "The KPI's name."),
        Group: required(
            "group",
            Kind::Choice(Group::names),
            "company (operational), customer (NPS, CSAT, CES) or business (revenue, cost, churn).",
        ),
        Unit: field("unit", Kind::Text, "Unit of the values."),
        Direction: required(
            "direction",
            Kind::Choice(Direction::names),
            "Which way is better.",
        ),
        Baseline: field("baseline", Kind::Number, "The value at the start."),
        Target: field("target", Kind::Number, "The value aimed at."),
        Measurements: field(
            "measurements",
            Kind::Tables(&MEASUREMENT),
            "Measured values with their dates.",
        ),
        BaselineDate: field(
            "baseline_date",
            Kind::Date,
            "When the baseline was measured: where the path to the target starts.",
        ),
        TargetDate: field(
            "target_date",
            Kind::Date,
            "When the target is to be reached; default 31 December of the plan year.",
        ),
        Cadence: field(
            "cadence",
            Kind::Choice(Cadence::names),
            "How often it is measured; default quarterly. A latest measurement older than that is stale.",
        ),
        Targets: field(
            "targets",
            Kind::Tables(&CHECKPOINT),
            "Checkpoints on the way: the value to reach by each date.",
        ),
        ValuePerUnit: field(
            "value_per_unit",
            Kind::Table(&VALUE_PER_UNIT),
            "The money one unit of the KPI is worth a year: { low, high, note }.",
        ),
    }
);

table!(
    /// The keys of `[vision]`.
    VisionKey, VISION, "[vision]", {
        Statement: field(
            "statement",
            Kind::Text,
            "Where the company wants to be, in one sentence.",
        ),
        Until: field("until", Kind::Year, "The year the vision is for."),
    }
);

table!(
    /// The keys of a `[[goals]]` entry.
    GoalKey, GOAL, "a [[goals]] entry", {
        Id: required("id", Kind::Id, "Unique id, named by initiatives' and communications' goals."),
        Title: required("title", Kind::Text, "The goal."),
        Horizon: required(
            "horizon",
            Kind::Choice(Horizon::names),
            "long: where the company wants to be in 3–5 years (needs until); year: this year's goal (needs year).",
        ),
        Year: field("year", Kind::Year, "A year goal's year (required for horizon = \"year\")."),
        Until: field(
            "until",
            Kind::Year,
            "A long goal's last year, at least plan_year (required for horizon = \"long\").",
        ),
        Parent: field("parent", Kind::Id, "A year goal's long goal: a [[goals]] id."),
        Focus: field(
            "focus",
            Kind::Flag,
            "A year goal in focus: at most 3 in the plan year.",
        ),
        Owner: field("owner", Kind::Id, "A [[team]] id."),
        PainPoints: field(
            "pain_points",
            Kind::TextList,
            "The customers' pain points it answers.",
        ),
        Kpis: field(
            "kpis",
            Kind::KpiValues,
            "KPI id → the value to reach by the goal's end, beyond the KPI's baseline.",
        ),
    }
);

table!(
    /// The keys of a `[[communications]]` entry.
    CommunicationKey, COMMUNICATION, "a [[communications]] entry", {
        Id: required("id", Kind::Id, "Unique id."),
        Title: required("title", Kind::Text, "What is communicated."),
        Channel: required(
            "channel",
            Kind::Choice(Channel::names),
            "Where it happens.",
        ),
        Audience: field("audience", Kind::Text, "Who it is for."),
        Cadence: required(
            "cadence",
            Kind::Choice(Recurrence::names),
            "How often it recurs; once is a single occurrence.",
        ),
        Start: required("start", Kind::Date, "The first occurrence."),
        End: field("end", Kind::Date, "The last possible date; default the plan year's end."),
        Owner: field("owner", Kind::Id, "A [[team]] id: who speaks or sends it."),
        Sponsor: field(
            "sponsor",
            Kind::Text,
            "Whose visible support it carries, e.g. a member of the board.",
        ),
        Goals: field("goals", Kind::IdList, "Ids of the [[goals]] it speaks for."),
    }
);

table!(
    /// The keys of a `[scenarios.NAME]` table (SPEC section 10): a variant
    /// of the plan in a few keys.
    ScenarioKey, SCENARIO, "a [scenarios] table", {
        Note: field("note", Kind::Text, "What the variant is, e.g. the board's -15 % variant."),
        BudgetCap: field(
            "budget_cap",
            Kind::Money,
            "The CXM budget limit of the plan year in this variant.",
        ),
        MarkupPercent: field(
            "markup_percent",
            Kind::Percent,
            "The roadmap's markup in this variant; initiatives with their own keep theirs.",
        ),
        CapacityPercent: field(
            "capacity_percent",
            Kind::CapacityPercent,
            "Every team member's capacity_days times this percentage, 0–200.",
        ),
        Exclude: field(
            "exclude",
            Kind::IdList,
            "Planned initiatives treated as ideas (committed work cannot be excluded).",
        ),
        Include: field(
            "include",
            Kind::IdList,
            "Ideas treated as planned; they need start and end.",
        ),
        Priorities: field(
            "priorities",
            Kind::Priorities,
            "Initiative id → its priority in this variant.",
        ),
        Prices: field(
            "prices",
            Kind::Choice(Prices::names),
            "low, mid or high: every quoted initiative's estimate becomes its estimate_low, estimate or estimate_high.",
        ),
    }
);

table!(
    /// The keys of `[check]`.
    CheckKey, CHECK, "[check]", {
        Allow: field(
        "allow",
        Kind::WarningList,
        "Warning codes to silence.",
    ),
    }
);

table!(
    /// The top-level keys of the file.
    DocumentKey, DOCUMENT, "the roadmap file", {
        Roadmap: required("roadmap", Kind::Table(&ROADMAP), "The roadmap's settings."),
        Fx: field(
            "fx",
            Kind::FxRates,
            "Exchange rates into the roadmap currency.",
        ),
        Team: field("team", Kind::Tables(&MEMBER), "The CX team."),
        Departments: field(
            "departments",
            Kind::Tables(&DEPARTMENT),
            "Departments that own CX work.",
        ),
        Maturity: field(
            "maturity",
            Kind::Maturity,
            "Maturity per competency, current and target.",
        ),
        Initiatives: field(
            "initiatives",
            Kind::Tables(&INITIATIVE),
            "Done, running and planned initiatives.",
        ),
        Training: field("training", Kind::Tables(&TRAINING), "Training needs."),
        Kpis: field("kpis", Kind::Tables(&KPI), "The KPI dashboard."),
        Check: field("check", Kind::Table(&CHECK), "Settings of cxm check."),
        Vision: field(
            "vision",
            Kind::Table(&VISION),
            "Where the company wants to be in 3–5 years.",
        ),
        Goals: field(
            "goals",
            Kind::Tables(&GOAL),
            "Long and year goals the initiatives serve.",
        ),
        Communications: field(
            "communications",
            Kind::Tables(&COMMUNICATION),
            "The internal communication plan.",
        ),
        Scenarios: field(
            "scenarios",
            Kind::Scenarios(&SCENARIO),
            "Variants of the plan, each a few keys: [scenarios.NAME].",
        ),
    }
);

/// How messages name the `[maturity]` table, whose keys are the
/// competencies rather than declared keys.
pub(crate) const MATURITY: &str = "[maturity]";

/// What `cxm diff` compares of an initiative: a declared key, or a budget
/// figure computed from the initiative (no key of the file).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compared {
    Key(InitiativeKey),
    Budget,
    PlanYearBudget,
}

impl Compared {
    /// How `diff` names it: a key by its name.
    pub fn label(self) -> &'static str {
        match self {
            Compared::Key(k) => k.name(),
            Compared::Budget => "budget",
            Compared::PlanYearBudget => "plan_year_budget",
        }
    }
}

/// What `cxm diff` compares of an initiative, in the order it shows them.
/// Keys it does not compare: `id` (which matches the two versions),
/// `benefit`, `actual` and `spend`.
pub const DIFF: &[Compared] = {
    use InitiativeKey as K;
    &[
        Compared::Key(K::Title),
        Compared::Key(K::Competency),
        Compared::Key(K::Area),
        Compared::Key(K::Status),
        Compared::Key(K::Owner),
        Compared::Key(K::Department),
        Compared::Key(K::Priority),
        Compared::Key(K::Start),
        Compared::Key(K::End),
        Compared::Key(K::EffortDays),
        Compared::Key(K::Kpi),
        Compared::Key(K::Reason),
        Compared::Key(K::Cost),
        Compared::Key(K::MarkupPercent),
        Compared::Key(K::Quotes),
        Compared::Budget,
        Compared::PlanYearBudget,
        Compared::Key(K::Kpis),
        Compared::Key(K::DependsOn),
        Compared::Key(K::Updates),
        Compared::Key(K::Goals),
        Compared::Key(K::Benefit),
        Compared::Key(K::Expected),
        Compared::Key(K::Actual),
        Compared::Key(K::Spend),
    ]
};

/// The codes `[check] allow` takes: the warnings.
pub(crate) fn warning_codes() -> Vec<&'static str> {
    Code::ALL
        .iter()
        .filter(|c| c.severity() == Severity::Warning)
        .map(|c| c.as_str())
        .collect()
}

fn kind_schema(kind: Kind) -> Value {
    match kind {
        Kind::Text => json!({ "type": "string" }),
        Kind::Id => json!({ "type": "string", "pattern": "^[\\p{L}\\p{N}_-]+$" }),
        Kind::Date => json!({ "type": "string", "format": "date" }),
        Kind::Money => json!({ "type": "number", "minimum": 0, "maximum": MONEY_MAX }),
        Kind::Percent => bounds_schema(PERCENTS),
        Kind::Days => bounds_schema(Bounds { max: None, ..DAYS }),
        Kind::Count => whole_schema(COUNTS),
        Kind::Priority => whole_schema(PRIORITIES),
        Kind::Year => whole_schema(YEARS),
        Kind::Level => whole_schema(LEVELS),
        Kind::Number => bounds_schema(NUMBERS),
        Kind::Choice(names) => json!({ "type": "string", "enum": names() }),
        Kind::Currency => json!({ "type": "string", "enum": CURRENCIES }),
        Kind::IdList => json!({ "type": "array", "items": kind_schema(Kind::Id) }),
        Kind::TextList => json!({ "type": "array", "items": kind_schema(Kind::Text) }),
        Kind::Flag => json!({ "type": "boolean" }),
        Kind::KpiValues => json!({
            "type": "object",
            "propertyNames": kind_schema(Kind::Id),
            "additionalProperties": kind_schema(Kind::Number)
        }),
        Kind::CapacityPercent => bounds_schema(CAPACITY_PERCENTS),
        Kind::Priorities => json!({
            "type": "object",
            "propertyNames": kind_schema(Kind::Id),
            "additionalProperties": kind_schema(Kind::Priority)
        }),
        Kind::Scenarios(def) => json!({
            "type": "object",
            "propertyNames": kind_schema(Kind::Id),
            "additionalProperties": table_schema(def)
        }),
        Kind::WarningList => {
            json!({ "type": "array", "items": { "type": "string", "enum": warning_codes() } })
        }
        Kind::Table(def) => table_schema(def),
        Kind::Expected => json!({
            "type": "object",
            "propertyNames": kind_schema(Kind::Id),
            "additionalProperties": table_schema(&CHANGE)
        }),
        Kind::Tables(def) => json!({ "type": "array", "items": table_schema(def) }),
        Kind::FxRates => json!({
            "type": "object",
            "propertyNames": { "enum": CURRENCIES },
            "additionalProperties": { "type": "number", "exclusiveMinimum": 0 }
        }),
        Kind::Needs => json!({
            "type": "object",
            "propertyNames": kind_schema(Kind::Id),
            "additionalProperties": kind_schema(Kind::Count)
        }),
        Kind::Maturity => {
            let mut props = Map::new();
            for c in Competency::ALL {
                props.insert(c.as_str().to_string(), table_schema(&MATURITY_LEVEL));
            }
            json!({
                "type": "object",
                "properties": props,
                "patternProperties": annotations(),
                "additionalProperties": false
            })
        }
    }
}

fn whole_schema(range: Whole) -> Value {
    let mut s = json!({ "type": "integer", "minimum": range.min });
    if let (Some(max), Value::Object(o)) = (range.max, &mut s) {
        o.insert("maximum".into(), json!(max));
    }
    s
}

fn bounds_schema(bounds: Bounds) -> Value {
    // The bounds in use are whole numbers, written as the schema always has.
    let whole = |d: Decimal| json!(i64::try_from(d.0 / Decimal::SCALE).unwrap_or(i64::MAX));
    let mut s = json!({ "type": "number" });
    if let Value::Object(o) = &mut s {
        if let Some(min) = bounds.min {
            o.insert("minimum".into(), whole(min));
        }
        if let Some(max) = bounds.max {
            o.insert("maximum".into(), whole(max));
        }
    }
    s
}

fn table_schema(def: &TableDef) -> Value {
    let mut props = Map::new();
    for f in def.fields {
        let mut s = kind_schema(f.kind);
        if let Value::Object(o) = &mut s {
            o.insert("description".into(), Value::String(f.doc.to_string()));
        }
        props.insert(f.name.to_string(), s);
    }
    let required: Vec<&str> = def.required().collect();
    json!({
        "type": "object",
        "properties": props,
        "required": required,
        "patternProperties": annotations(),
        "additionalProperties": false
    })
}

/// The user's own annotations, keys starting with `x-`, allowed with any
/// value in every table whose keys are names from the SPEC (the loader
/// ignores them; SPEC section 13). Tables whose keys are ids (`[fx]`,
/// `needs`) keep their own rule for their keys.
fn annotations() -> Value {
    json!({ "^x-": {} })
}

/// The JSON Schema (draft-07) of the roadmap file.
pub(crate) fn json_schema() -> Value {
    let mut root = table_schema(&DOCUMENT);
    if let Value::Object(o) = &mut root {
        let mut head = Map::new();
        head.insert(
            "$schema".into(),
            json!("http://json-schema.org/draft-07/schema#"),
        );
        head.insert("title".into(), json!("cxm roadmap"));
        head.insert(
            "description".into(),
            json!("The CXM roadmap of a customer experience team, read by cxm."),
        );
        head.extend(std::mem::take(o));
        *o = head;
    }
    root
}

#[cfg(test)]
mod tests;
