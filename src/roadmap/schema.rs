//! The roadmap file's shape as data: every table, its keys, their kinds and
//! whether they are required. The loader takes its known and required keys
//! from here, and `cxm schema` turns the same descriptions into a JSON Schema
//! (draft-07), so the editor's schema and the loader cannot drift apart.

use super::load::CURRENCIES;
use super::model::{Area, Choice, Competency, Direction, Funding, Group, Language, Status};
use crate::diag::{Code, Severity};
use serde_json::{Map, Value, json};

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
    /// A percentage from 0 to 100.
    Percent,
    /// Person-days, 0 or more.
    Days,
    /// A whole number of 0 or more.
    Count,
    /// A whole number from 1 (priority).
    Priority,
    /// A year from 1 to 9999.
    Year,
    /// A maturity level from 1 to 5.
    Level,
    /// Any number (KPI values).
    Number,
    /// One of a closed set of words.
    Choice(fn() -> Vec<&'static str>),
    /// An ISO 4217 code.
    Currency,
    /// An array of ids.
    IdList,
    /// A warning code to silence.
    WarningList,
    /// A table of known keys.
    Table(&'static TableDef),
    /// An array of tables (`[[name]]`).
    Tables(&'static TableDef),
    /// Currency code → rate.
    FxRates,
    /// Department id → people.
    Needs,
    /// Competency → maturity table.
    Maturity,
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

pub static ROADMAP: TableDef = TableDef {
    what: "[roadmap]",
    fields: &[
        field("organisation", Kind::Text, "The organisation's name."),
        field("team", Kind::Text, "The CX team's name."),
        field(
            "currency",
            Kind::Currency,
            "ISO 4217 code of every amount; default PLN.",
        ),
        field(
            "language",
            Kind::Choice(Language::names),
            "Language of reports: en or pl; default en.",
        ),
        required("plan_year", Kind::Year, "The year being planned."),
        field("as_of", Kind::Date, "The inventory date; default today."),
        field(
            "markup_percent",
            Kind::Percent,
            "Added to the average of vendor ranges; default 12.5, 10–15 recommended.",
        ),
        field(
            "budget_cap",
            Kind::Money,
            "The CXM budget limit of the plan year.",
        ),
        field(
            "day_rate",
            Kind::Money,
            "Internal cost of one person-day of the team.",
        ),
    ],
};

pub static MEMBER: TableDef = TableDef {
    what: "a [[team]] member",
    fields: &[
        required("id", Kind::Id, "Unique id, used as an initiative's owner."),
        field("name", Kind::Text, "Full name."),
        field("role", Kind::Text, "Role in the CX team."),
        field(
            "capacity_days",
            Kind::Days,
            "Person-days available for the roadmap in the plan year.",
        ),
    ],
};

pub static DEPARTMENT: TableDef = TableDef {
    what: "a [[departments]] entry",
    fields: &[
        required("id", Kind::Id, "Unique id."),
        field("name", Kind::Text, "Department name."),
        field("headcount", Kind::Count, "Number of employees."),
    ],
};

pub static MATURITY_LEVEL: TableDef = TableDef {
    what: "a [maturity] table",
    fields: &[
        field("current", Kind::Level, "Maturity today, 1 to 5."),
        field("target", Kind::Level, "Maturity aimed at, 1 to 5."),
    ],
};

pub static QUOTE: TableDef = TableDef {
    what: "a quote",
    fields: &[
        field("vendor", Kind::Text, "Who gave the price range."),
        field("min", Kind::Money, "Lower bound of the range."),
        field("max", Kind::Money, "Upper bound of the range."),
        field(
            "amount",
            Kind::Money,
            "A single figure instead of min and max.",
        ),
        field("date", Kind::Date, "When the range was given."),
        field(
            "currency",
            Kind::Currency,
            "The quote's currency; needs a rate in [fx].",
        ),
    ],
};

pub static INITIATIVE: TableDef = TableDef {
    what: "an initiative",
    fields: &[
        required("id", Kind::Id, "Unique id: letters, digits, '-', '_'."),
        required("title", Kind::Text, "What the initiative is."),
        required(
            "competency",
            Kind::Choice(Competency::names),
            "The CX competency it develops.",
        ),
        required(
            "area",
            Kind::Choice(Area::names),
            "cxm: the organisation's CX competence (CX team's budget); cx: improving what customers experience (a department's).",
        ),
        required("status", Kind::Choice(Status::names), "Where it stands."),
        field("owner", Kind::Id, "A [[team]] id."),
        field(
            "department",
            Kind::Id,
            "A [[departments]] id; required for area = \"cx\".",
        ),
        field("priority", Kind::Priority, "1 is highest."),
        field("start", Kind::Date, "First day."),
        field("end", Kind::Date, "Last day."),
        field("effort_days", Kind::Days, "Team person-days."),
        field("kpi", Kind::Text, "How success is measured."),
        field("benefit", Kind::Text, "What it brings."),
        field("cost", Kind::Money, "A fixed cost, added without markup."),
        field("actual", Kind::Money, "Spent so far."),
        field(
            "markup_percent",
            Kind::Percent,
            "Overrides the roadmap's markup for this initiative.",
        ),
        field("kpis", Kind::IdList, "Ids of [[kpis]] it moves."),
        field(
            "depends_on",
            Kind::IdList,
            "Initiatives that must finish first.",
        ),
        field("quotes", Kind::Tables(&QUOTE), "Vendor price ranges."),
    ],
};

pub static TRAINING: TableDef = TableDef {
    what: "a [[training]] entry",
    fields: &[
        required("id", Kind::Id, "Unique id."),
        field("title", Kind::Text, "The course."),
        required(
            "competency",
            Kind::Choice(Competency::names),
            "The competency it builds.",
        ),
        required(
            "cost_per_person",
            Kind::Money,
            "Cost of training one person.",
        ),
        required(
            "funding",
            Kind::Choice(Funding::names),
            "department: a guideline for the department's budget; central: a CXM budget line.",
        ),
        field("needs", Kind::Needs, "Department id → people to train."),
    ],
};

pub static MEASUREMENT: TableDef = TableDef {
    what: "a measurement",
    fields: &[
        required("date", Kind::Date, "When it was measured."),
        required("value", Kind::Number, "The value measured."),
    ],
};

pub static KPI: TableDef = TableDef {
    what: "a [[kpis]] entry",
    fields: &[
        required("id", Kind::Id, "Unique id, named by initiatives' kpis."),
        field("name", Kind::Text, "The KPI's name."),
        required(
            "group",
            Kind::Choice(Group::names),
            "company (operational), customer (NPS, CSAT, CES) or business (revenue, cost, churn).",
        ),
        field("unit", Kind::Text, "Unit of the values."),
        required(
            "direction",
            Kind::Choice(Direction::names),
            "Which way is better.",
        ),
        field("baseline", Kind::Number, "The value at the start."),
        field("target", Kind::Number, "The value aimed at."),
        field(
            "measurements",
            Kind::Tables(&MEASUREMENT),
            "Measured values with their dates.",
        ),
    ],
};

pub static CHECK: TableDef = TableDef {
    what: "[check]",
    fields: &[field(
        "allow",
        Kind::WarningList,
        "Warning codes to silence.",
    )],
};

pub static DOCUMENT: TableDef = TableDef {
    what: "the roadmap file",
    fields: &[
        required("roadmap", Kind::Table(&ROADMAP), "The roadmap's settings."),
        field(
            "fx",
            Kind::FxRates,
            "Exchange rates into the roadmap currency.",
        ),
        field("team", Kind::Tables(&MEMBER), "The CX team."),
        field(
            "departments",
            Kind::Tables(&DEPARTMENT),
            "Departments that own CX work.",
        ),
        field(
            "maturity",
            Kind::Maturity,
            "Maturity per competency, current and target.",
        ),
        field(
            "initiatives",
            Kind::Tables(&INITIATIVE),
            "Done, running and planned initiatives.",
        ),
        field("training", Kind::Tables(&TRAINING), "Training needs."),
        field("kpis", Kind::Tables(&KPI), "The KPI dashboard."),
        field("check", Kind::Table(&CHECK), "Settings of cxm check."),
    ],
};

fn warning_codes() -> Vec<&'static str> {
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
        Kind::Money => json!({ "type": "number", "minimum": 0, "maximum": 10_000_000_000_000_i64 }),
        Kind::Percent => json!({ "type": "number", "minimum": 0, "maximum": 100 }),
        Kind::Days => json!({ "type": "number", "minimum": 0 }),
        Kind::Count => json!({ "type": "integer", "minimum": 0 }),
        Kind::Priority => json!({ "type": "integer", "minimum": 1 }),
        Kind::Year => json!({ "type": "integer", "minimum": 1, "maximum": 9999 }),
        Kind::Level => json!({ "type": "integer", "minimum": 1, "maximum": 5 }),
        Kind::Number => json!({ "type": "number" }),
        Kind::Choice(names) => json!({ "type": "string", "enum": names() }),
        Kind::Currency => json!({ "type": "string", "enum": CURRENCIES }),
        Kind::IdList => json!({ "type": "array", "items": kind_schema(Kind::Id) }),
        Kind::WarningList => {
            json!({ "type": "array", "items": { "type": "string", "enum": warning_codes() } })
        }
        Kind::Table(def) => table_schema(def),
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
            json!({ "type": "object", "properties": props, "additionalProperties": false })
        }
    }
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
        "additionalProperties": false
    })
}

/// The JSON Schema (draft-07) of the roadmap file.
pub fn json_schema() -> Value {
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
