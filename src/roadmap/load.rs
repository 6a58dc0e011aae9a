//! Loading: the TOML text into the typed [`Roadmap`], with every value's span
//! and one finding for every bad key or value, never stopping at the first.
//!
//! The TOML is parsed with recovery into a spanned tree ([`super::tree`]),
//! then walked by hand: a serde derive would stop at the first wrong type and
//! lose the spans, while a walk reports every unknown key (E002), wrong type
//! (E003), bad amount (E006) and missing key (E012) in one run. Entries of
//! arrays of tables are walked as the reader finishes them, so a large file's
//! tree is never whole in memory.

use super::model::*;
use super::schema::{self, TableDef};
use super::tree::{self, Node, Table as DeTable, Value as DeValue};
use crate::diag::{Code, Finding, quoted, suggest};
use crate::money::{self, Decimal, Money, MoneyError};
use crate::source::{Source, Sp, Span};
use chrono::NaiveDate;
use toml::Spanned;

/// The result of loading: the model (as complete as the file allows) and the
/// findings of loading.
#[derive(Debug, Default)]
pub struct Loaded {
    pub roadmap: Roadmap,
    pub findings: Vec<Finding>,
    /// Whether the TOML itself parsed without error. Rules that look across
    /// the whole roadmap only run on a file that parsed.
    pub syntax_ok: bool,
}

/// Loads a source's text.
pub fn load(src: &Source) -> Loaded {
    load_str(&src.text)
}

/// Loads TOML text (without a byte-order mark).
pub fn load_str(text: &str) -> Loaded {
    let mut l = Loader {
        findings: Vec::new(),
        taken: Taken::default(),
    };
    let (doc, errors) = tree::parse_into(text, &mut l);
    for e in &errors {
        let span = e
            .span
            .clone()
            .map_or(Span::new(text.len(), text.len()), Span::from);
        l.findings
            .push(Finding::new(Code::E001, span, syntax_message(&e.message)));
    }
    // `input::decode` drops one byte-order mark; the TOML lexer would skip
    // a second one.
    let second_bom = text.starts_with('\u{feff}');
    if second_bom {
        l.findings.push(Finding::new(
            Code::E001,
            Span::new(0, 3),
            "TOML syntax error: a byte-order mark is only allowed at the start of the file",
        ));
    }
    let syntax_ok = errors.is_empty() && !second_bom;
    let roadmap = l.document(&doc);
    if !syntax_ok {
        // A value the parser invents while recovering from a syntax error
        // has an empty span at the file's start; what it seems to say
        // (`plan_year` is 0, `title` is not a string) is noise. And what
        // the parser could not read may hold a "missing" key.
        let invented = Span::new(0, 0);
        l.findings
            .retain(|f| f.code == Code::E001 || (f.span != invented && f.code != Code::E012));
    }
    Loaded {
        roadmap,
        findings: l.findings,
        syntax_ok,
    }
}

fn syntax_message(msg: &str) -> String {
    let first = msg.lines().next().unwrap_or("invalid TOML").trim();
    format!("TOML syntax error: {first}")
}

/// ISO 4217 codes in use, sorted (looked up by binary search).
pub const CURRENCIES: &[&str] = &[
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

type Value<'i> = Node<'i>;

struct Loader {
    findings: Vec<Finding>,
    /// Entries of the arrays of tables, loaded while the file is read.
    taken: Taken,
}

/// What the loader took from the reader before the walk of the document:
/// every `[[initiatives]]` (and the like) but the last of each array.
#[derive(Default)]
struct Taken {
    team: Vec<Member>,
    departments: Vec<Department>,
    initiatives: Vec<Initiative>,
    training: Vec<Training>,
    kpis: Vec<Kpi>,
}

/// Each entry of an array of tables is loaded as soon as the reader has
/// finished it, and its tree dropped: the reader never holds more than one
/// entry of a large roadmap. Findings and spans are the walk's own.
impl<'i> tree::Sink<'i> for Loader {
    fn takes(&self, key: &str) -> bool {
        matches!(
            key,
            "team" | "departments" | "initiatives" | "training" | "kpis"
        )
    }

    fn take(&mut self, key: &str, element: &Node<'i>) {
        let span = span_of(element);
        let DeValue::Table(t) = element.get_ref() else {
            return;
        };
        match key {
            "team" => {
                let m = self.member(t, span);
                self.taken.team.push(m);
            }
            "departments" => {
                let d = self.department(t, span);
                self.taken.departments.push(d);
            }
            "initiatives" => {
                let ini = self.initiative(t, span);
                self.taken.initiatives.push(ini);
            }
            "training" => {
                let tr = self.training(t, span);
                self.taken.training.push(tr);
            }
            "kpis" => {
                let k = self.kpi(t, span);
                self.taken.kpis.push(k);
            }
            _ => {}
        }
    }
}

fn span_of<T>(v: &Spanned<T>) -> Span {
    Span::from(v.span())
}

fn type_name(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

impl Loader {
    fn push(&mut self, f: Finding) {
        self.findings.push(f);
    }

    /// E002 for a key `def` does not know; returns the known key it
    /// suggests instead, if any.
    fn unknown_key(
        &mut self,
        key: &Spanned<std::borrow::Cow<'_, str>>,
        def: &TableDef,
    ) -> Option<&'static str> {
        self.unknown_among(key, &def.names(), def.what)
    }

    fn unknown_among(
        &mut self,
        key: &Spanned<std::borrow::Cow<'_, str>>,
        known: &[&'static str],
        ctx: &str,
    ) -> Option<&'static str> {
        let name = key.get_ref().as_ref();
        let mut f = Finding::new(
            Code::E002,
            span_of(key),
            format!("unknown key {} in {ctx}", quoted(name)),
        );
        let suggestion = suggest(name, known.iter().copied());
        f = match suggestion {
            Some(s) => f.help(format!("did you mean \"{s}\"?")),
            None => f.help(format!("known keys: {}", known.join(", "))),
        };
        self.push(f);
        suggestion
    }

    /// E012 for every required key of `def` that `t` does not have.
    fn require(&mut self, t: &DeTable<'_>, span: Span, def: &TableDef, ctx: &str) {
        for key in def.required() {
            if !t.iter().any(|(k, _)| k.get_ref() == key) {
                self.missing(span, key, ctx);
            }
        }
    }

    fn wrong_type(&mut self, v: &Value<'_>, key: &str, expected: &str) {
        self.push(Finding::new(
            Code::E003,
            span_of(v),
            format!("`{key}` must be {expected}, not {}", type_name(v.get_ref())),
        ));
    }

    fn missing(&mut self, span: Span, key: &str, ctx: &str) {
        self.push(Finding::new(
            Code::E012,
            span,
            format!("{ctx} has no `{key}`, which is required"),
        ));
    }

    fn string(&mut self, v: &Value<'_>, key: &str) -> Option<Sp<String>> {
        match v.get_ref() {
            DeValue::String(s) => Some(Sp::new(s.to_string(), span_of(v))),
            _ => {
                self.wrong_type(v, key, "a string");
                None
            }
        }
    }

    /// An id: letters, digits, `-` and `_`.
    fn id(&mut self, v: &Value<'_>, key: &str) -> Option<Sp<String>> {
        let s = self.string(v, key)?;
        if s.value.is_empty()
            || !s
                .value
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        {
            self.push(
                Finding::new(
                    Code::E003,
                    s.span,
                    format!("{} is not a valid id", quoted(&s.value)),
                )
                .help("an id uses only letters, digits, '-' and '_'"),
            );
            return None;
        }
        Some(s)
    }

    fn string_list(&mut self, v: &Value<'_>, key: &str) -> Vec<Sp<String>> {
        match v.get_ref() {
            DeValue::Array(items) => items
                .iter()
                .filter_map(|item| self.string(item, key))
                .collect(),
            _ => {
                self.wrong_type(v, key, "an array of strings");
                Vec::new()
            }
        }
    }

    fn choice<T: Choice>(&mut self, v: &Value<'_>, key: &str) -> Option<Sp<T>> {
        let s = self.string(v, key)?;
        if let Some(c) = T::parse(&s.value) {
            return Some(Sp::new(c, s.span));
        }
        let names = T::names();
        let mut f = Finding::new(
            Code::E003,
            s.span,
            format!("unknown {} {}", T::WHAT, quoted(&s.value)),
        );
        f = match suggest(&s.value, names.iter().copied()) {
            Some(n) => f.help(format!("did you mean \"{n}\"?")),
            None => f.help(format!("one of: {}", names.join(", "))),
        };
        self.push(f);
        None
    }

    fn currency(&mut self, v: &Value<'_>, key: &str) -> Option<Sp<String>> {
        let s = self.string(v, key)?;
        self.currency_code(s)
    }

    fn currency_code(&mut self, s: Sp<String>) -> Option<Sp<String>> {
        if CURRENCIES.binary_search(&s.value.as_str()).is_ok() {
            return Some(s);
        }
        let upper = s.value.to_uppercase();
        let mut f = Finding::new(
            Code::E003,
            s.span,
            format!("{} is not an ISO 4217 currency code", quoted(&s.value)),
        );
        if CURRENCIES.binary_search(&upper.as_str()).is_ok() {
            f = f.help(format!("did you mean \"{upper}\"?"));
        } else if let Some(n) = suggest(&upper, CURRENCIES.iter().copied()) {
            f = f.help(format!("did you mean \"{n}\"?"));
        }
        self.push(f);
        None
    }

    fn date(&mut self, v: &Value<'_>, key: &str) -> Option<Sp<NaiveDate>> {
        let span = span_of(v);
        match v.get_ref() {
            DeValue::Datetime(dt) => {
                if let (Some(d), None, None) = (dt.date, dt.time, dt.offset)
                    && let Some(date) = NaiveDate::from_ymd_opt(
                        i32::from(d.year),
                        u32::from(d.month),
                        u32::from(d.day),
                    )
                {
                    return Some(Sp::new(date, span));
                }
                self.push(Finding::new(
                    Code::E003,
                    span,
                    format!("`{key}` must be a date without a time, like 2027-03-01"),
                ));
                None
            }
            DeValue::String(s) => {
                let mut f = Finding::new(
                    Code::E003,
                    span,
                    format!("`{key}` must be a date, not a string"),
                );
                if NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok() {
                    f = f.help(format!("drop the quotes: {key} = {s}"));
                }
                self.push(f);
                None
            }
            _ => {
                self.wrong_type(v, key, "a date like 2027-03-01");
                None
            }
        }
    }

    fn money(&mut self, v: &Value<'_>, key: &str) -> Option<Sp<Money>> {
        let span = span_of(v);
        let r = match v.get_ref() {
            DeValue::Integer(i) => money::money_from_int_text(i.as_str(), i.radix()),
            DeValue::Float(f) => match money::money_from_plain_float(f.as_str()) {
                Some(read) => read,
                None => match parse_float(f.as_str()) {
                    Some(x) => money::money_from_float(x),
                    None => Err(MoneyError::NotFinite),
                },
            },
            _ => {
                self.wrong_type(v, key, "an amount (a number)");
                return None;
            }
        };
        match r {
            Ok(m) => Some(Sp::new(m, span)),
            Err(e) => {
                self.push(Finding::new(
                    Code::E006,
                    span,
                    format!("invalid amount in `{key}`: {e}"),
                ));
                None
            }
        }
    }

    /// An exact decimal within `[min, max]` (either bound optional).
    fn decimal(
        &mut self,
        v: &Value<'_>,
        key: &str,
        min: Option<Decimal>,
        max: Option<Decimal>,
    ) -> Option<Sp<Decimal>> {
        let span = span_of(v);
        let parsed = match v.get_ref() {
            DeValue::Integer(i) => money::decimal_from_int_text(i.as_str(), i.radix()),
            DeValue::Float(f) => match money::decimal_from_plain_float(f.as_str()) {
                Some(read) => read,
                None => match parse_float(f.as_str()) {
                    Some(x) => money::decimal_from_float(x),
                    None => Err(money::DecimalError::NotANumber),
                },
            },
            _ => {
                self.wrong_type(v, key, "a number");
                return None;
            }
        };
        let range_text = match (min, max) {
            (Some(lo), Some(hi)) => format!(" from {lo} to {hi}"),
            (Some(lo), None) if lo == Decimal::ZERO => " of 0 or more".to_string(),
            (Some(lo), None) => format!(" of {lo} or more"),
            (None, Some(hi)) => format!(" of at most {hi}"),
            (None, None) => String::new(),
        };
        let problem = match parsed {
            Ok(d) if min.is_some_and(|lo| d < lo) || max.is_some_and(|hi| d > hi) => {
                format!("`{key}` must be a number{range_text}, not {d}")
            }
            Ok(d) => return Some(Sp::new(d, span)),
            Err(money::DecimalError::TooManyPlaces(_)) => {
                format!("`{key}` has more than six decimal places")
            }
            Err(money::DecimalError::TooLarge) => format!("`{key}` is too large"),
            Err(money::DecimalError::NotANumber) => {
                format!("`{key}` must be a finite number{range_text}")
            }
        };
        self.push(Finding::new(Code::E003, span, problem));
        None
    }

    /// A whole number within `[min, max]`.
    fn whole(&mut self, v: &Value<'_>, key: &str, min: i128, max: i128) -> Option<Sp<i128>> {
        let span = span_of(v);
        let DeValue::Integer(i) = v.get_ref() else {
            self.wrong_type(v, key, "a whole number");
            return None;
        };
        match i128::from_str_radix(i.as_str(), i.radix()) {
            Ok(n) if (min..=max).contains(&n) => Some(Sp::new(n, span)),
            _ => {
                let range = if max == i128::from(u32::MAX) || max == i128::from(u64::MAX) {
                    format!("of {min} or more")
                } else {
                    format!("from {min} to {max}")
                };
                self.push(Finding::new(
                    Code::E003,
                    span,
                    format!("`{key}` must be a whole number {range}, not {}", i.as_str()),
                ));
                None
            }
        }
    }

    /// The elements of an array of tables (`[[name]]` or `name = [{…}]`).
    fn tables<'v, 'i>(&mut self, v: &'v Value<'i>, key: &str) -> Vec<(&'v DeTable<'i>, Span)> {
        let DeValue::Array(items) = v.get_ref() else {
            self.push(
                Finding::new(
                    Code::E003,
                    span_of(v),
                    format!(
                        "`{key}` must be an array of tables, not {}",
                        type_name(v.get_ref())
                    ),
                )
                .help(format!("write each entry under its own [[{key}]] header")),
            );
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Table(t) => out.push((t, span_of(item))),
                other => self.push(Finding::new(
                    Code::E003,
                    span_of(item),
                    format!(
                        "each entry of `{key}` must be a table, not {}",
                        type_name(other)
                    ),
                )),
            }
        }
        out
    }

    fn table<'v, 'i>(&mut self, v: &'v Value<'i>, key: &str) -> Option<&'v DeTable<'i>> {
        match v.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => {
                self.wrong_type(v, key, "a table");
                None
            }
        }
    }

    fn document(&mut self, root: &DeTable<'_>) -> Roadmap {
        let mut r = Roadmap::default();
        let mut saw_roadmap = false;
        for (k, v) in root.iter() {
            match k.get_ref().as_ref() {
                "roadmap" => {
                    saw_roadmap = true;
                    if let Some(t) = self.table(v, "roadmap") {
                        r.meta = self.meta(t, span_of(v));
                    }
                }
                "fx" => {
                    if let Some(t) = self.table(v, "fx") {
                        r.fx = self.fx(t);
                    }
                }
                "team" => {
                    r.team = std::mem::take(&mut self.taken.team);
                    for (t, span) in self.tables(v, "team") {
                        r.team.push(self.member(t, span));
                    }
                }
                "departments" => {
                    r.departments = std::mem::take(&mut self.taken.departments);
                    for (t, span) in self.tables(v, "departments") {
                        r.departments.push(self.department(t, span));
                    }
                }
                "maturity" => {
                    if let Some(t) = self.table(v, "maturity") {
                        r.maturity = self.maturity(t);
                    }
                }
                "initiatives" => {
                    r.initiatives = std::mem::take(&mut self.taken.initiatives);
                    for (t, span) in self.tables(v, "initiatives") {
                        r.initiatives.push(self.initiative(t, span));
                    }
                }
                "training" => {
                    r.training = std::mem::take(&mut self.taken.training);
                    for (t, span) in self.tables(v, "training") {
                        r.training.push(self.training(t, span));
                    }
                }
                "kpis" => {
                    r.kpis = std::mem::take(&mut self.taken.kpis);
                    for (t, span) in self.tables(v, "kpis") {
                        r.kpis.push(self.kpi(t, span));
                    }
                }
                "check" => {
                    if let Some(t) = self.table(v, "check") {
                        r.allow = self.check(t);
                    }
                }
                _ => {
                    self.unknown_key(k, &schema::DOCUMENT);
                }
            }
        }
        if !saw_roadmap {
            self.push(
                Finding::new(
                    Code::E012,
                    Span::new(0, 0),
                    "the file has no [roadmap] table",
                )
                .help("start the file with [roadmap] and plan_year = <the year being planned>"),
            );
        }
        r
    }

    fn meta(&mut self, t: &DeTable<'_>, span: Span) -> Meta {
        let mut m = Meta {
            span,
            ..Meta::default()
        };
        for (k, v) in t.iter() {
            let key = k.get_ref().as_ref();
            match key {
                "organisation" => m.organisation = self.string(v, key),
                "team" => m.team = self.string(v, key),
                "currency" => m.currency = self.currency(v, key),
                "language" => m.language = self.choice(v, key),
                "plan_year" => {
                    m.plan_year = self
                        .whole(v, key, 1, 9999)
                        .map(|y| Sp::new(y.value as i32, y.span));
                }
                "as_of" => m.as_of = self.date(v, key),
                "markup_percent" => m.markup_percent = self.percent(v, key),
                "budget_cap" => m.budget_cap = self.money(v, key),
                "day_rate" => m.day_rate = self.money(v, key),
                _ => {
                    self.unknown_key(k, &schema::ROADMAP);
                }
            }
        }
        self.require(t, span, &schema::ROADMAP, "[roadmap]");
        m
    }

    fn percent(&mut self, v: &Value<'_>, key: &str) -> Option<Sp<Decimal>> {
        self.decimal(v, key, Some(Decimal::ZERO), Decimal::from_int(100))
    }

    fn days(&mut self, v: &Value<'_>, key: &str) -> Option<Sp<Decimal>> {
        self.decimal(
            v,
            key,
            Some(Decimal::ZERO),
            Decimal::from_int(1_000_000_000),
        )
    }

    fn count(&mut self, v: &Value<'_>, key: &str) -> Option<Sp<u64>> {
        self.whole(v, key, 0, i128::from(u32::MAX))
            .map(|n| Sp::new(n.value as u64, n.span))
    }

    fn fx(&mut self, t: &DeTable<'_>) -> Vec<FxRate> {
        let mut out = Vec::new();
        for (k, v) in t.iter() {
            let code = Sp::new(k.get_ref().to_string(), span_of(k));
            let Some(code) = self.currency_code(code) else {
                continue;
            };
            let rate = self.decimal(v, &code.value, None, None);
            let rate = match rate {
                Some(r) if r.value <= Decimal::ZERO => {
                    self.push(Finding::new(
                        Code::E003,
                        r.span,
                        format!("the rate of {} must be more than 0", code.value),
                    ));
                    None
                }
                r => r,
            };
            out.push(FxRate { code, rate });
        }
        out
    }

    fn member(&mut self, t: &DeTable<'_>, span: Span) -> Member {
        let mut m = Member {
            span,
            ..Member::default()
        };
        for (k, v) in t.iter() {
            let key = k.get_ref().as_ref();
            match key {
                "id" => m.id = self.id(v, key),
                "name" => m.name = self.string(v, key),
                "role" => m.role = self.string(v, key),
                "capacity_days" => m.capacity_days = self.days(v, key),
                _ => {
                    self.unknown_key(k, &schema::MEMBER);
                }
            }
        }
        self.require(t, span, &schema::MEMBER, "this team member");
        m
    }

    fn department(&mut self, t: &DeTable<'_>, span: Span) -> Department {
        let mut d = Department {
            span,
            ..Department::default()
        };
        for (k, v) in t.iter() {
            let key = k.get_ref().as_ref();
            match key {
                "id" => d.id = self.id(v, key),
                "name" => d.name = self.string(v, key),
                "headcount" => d.headcount = self.count(v, key),
                _ => {
                    self.unknown_key(k, &schema::DEPARTMENT);
                }
            }
        }
        self.require(t, span, &schema::DEPARTMENT, "this department");
        d
    }

    fn maturity(&mut self, t: &DeTable<'_>) -> Vec<Maturity> {
        let mut out = Vec::new();
        for (k, v) in t.iter() {
            let name = k.get_ref().as_ref();
            let Some(competency) = Competency::parse(name) else {
                self.unknown_among(k, &Competency::names(), "[maturity]");
                continue;
            };
            let Some(table) = self.table(v, name) else {
                continue;
            };
            let mut m = Maturity {
                competency: Sp::new(competency, span_of(k)),
                current: None,
                target: None,
            };
            for (k2, v2) in table.iter() {
                let key = k2.get_ref().as_ref();
                let level = |l: &mut Loader| {
                    l.whole(v2, key, 1, 5)
                        .map(|n| Sp::new(n.value as u8, n.span))
                };
                match key {
                    "current" => m.current = level(self),
                    "target" => m.target = level(self),
                    _ => {
                        self.unknown_key(k2, &schema::MATURITY_LEVEL);
                    }
                }
            }
            out.push(m);
        }
        out
    }

    fn initiative(&mut self, t: &DeTable<'_>, span: Span) -> Initiative {
        let mut ini = Initiative {
            span,
            ..Initiative::default()
        };
        for (k, v) in t.iter() {
            let key = k.get_ref().as_ref();
            let before = self.findings.len();
            match key {
                "id" => ini.id = self.id(v, key),
                "title" => ini.title = self.string(v, key),
                "competency" => ini.competency = self.choice(v, key),
                "area" => ini.area = self.choice(v, key),
                "status" => ini.status = self.choice(v, key),
                "owner" => ini.owner = self.string(v, key),
                "department" => ini.department = self.string(v, key),
                "priority" => {
                    ini.priority = self
                        .whole(v, key, 1, i128::from(u32::MAX))
                        .map(|n| Sp::new(n.value as u32, n.span));
                }
                "start" => ini.start = self.date(v, key),
                "end" => ini.end = self.date(v, key),
                "effort_days" => ini.effort_days = self.days(v, key),
                "kpi" => ini.kpi = self.string(v, key),
                "benefit" => ini.benefit = self.string(v, key),
                "cost" => ini.cost = self.money(v, key),
                "actual" => ini.actual = self.money(v, key),
                "markup_percent" => ini.markup_percent = self.percent(v, key),
                "kpis" => ini.kpis = self.string_list(v, key),
                "depends_on" => ini.depends_on = self.string_list(v, key),
                "quotes" => {
                    ini.has_quotes_key = true;
                    let tables = self.tables(v, "initiatives.quotes");
                    ini.quotes.reserve_exact(tables.len());
                    for (qt, qspan) in tables {
                        ini.quotes.push(self.quote(qt, qspan));
                    }
                }
                _ => {
                    // A misspelt key was written: the rules must not call
                    // the key it stands for missing as well.
                    if let Some(meant) = self.unknown_key(k, &schema::INITIATIVE) {
                        ini.rejected.push(meant);
                    }
                }
            }
            if self.findings.len() > before
                && let Some(known) = schema::INITIATIVE
                    .fields
                    .iter()
                    .map(|f| f.name)
                    .find(|&n| n == key)
            {
                ini.rejected.push(known);
            }
        }
        for key in schema::INITIATIVE.required() {
            if !t.iter().any(|(k, _)| k.get_ref() == key) && !ini.is_rejected(key) {
                let ctx = match &ini.id {
                    Some(id) if key != "id" => format!("initiative {}", quoted(&id.value)),
                    _ => "this initiative".to_string(),
                };
                self.missing(span, key, &ctx);
            }
        }
        ini
    }

    fn quote(&mut self, t: &DeTable<'_>, span: Span) -> Quote {
        let mut q = Quote {
            span,
            ..Quote::default()
        };
        for (k, v) in t.iter() {
            let key = k.get_ref().as_ref();
            let before = self.findings.len();
            match key {
                "vendor" => q.vendor = self.string(v, key),
                "min" => q.min = self.money(v, key),
                "max" => q.max = self.money(v, key),
                "amount" => q.amount = self.money(v, key),
                "date" => q.date = self.date(v, key),
                "currency" => q.currency = self.currency(v, key),
                _ => {
                    if let Some(meant) = self.unknown_key(k, &schema::QUOTE) {
                        q.rejected.push(meant);
                    }
                }
            }
            if self.findings.len() > before
                && let Some(known) = schema::QUOTE
                    .fields
                    .iter()
                    .map(|f| f.name)
                    .find(|&n| n == key)
            {
                q.rejected.push(known);
            }
        }
        q
    }

    fn training(&mut self, t: &DeTable<'_>, span: Span) -> Training {
        let mut tr = Training {
            span,
            ..Training::default()
        };
        for (k, v) in t.iter() {
            let key = k.get_ref().as_ref();
            match key {
                "id" => tr.id = self.id(v, key),
                "title" => tr.title = self.string(v, key),
                "competency" => tr.competency = self.choice(v, key),
                "cost_per_person" => tr.cost_per_person = self.money(v, key),
                "funding" => tr.funding = self.choice(v, key),
                "needs" => {
                    if let Some(needs) = self.table(v, key) {
                        for (dk, dv) in needs.iter() {
                            let dept = Sp::new(dk.get_ref().to_string(), span_of(dk));
                            if let Some(n) = self.count(dv, dk.get_ref()) {
                                tr.needs.push((dept, n));
                            }
                        }
                    }
                }
                _ => {
                    self.unknown_key(k, &schema::TRAINING);
                }
            }
        }
        self.require(t, span, &schema::TRAINING, "this training");
        tr
    }

    fn kpi(&mut self, t: &DeTable<'_>, span: Span) -> Kpi {
        let mut kpi = Kpi {
            span,
            ..Kpi::default()
        };
        for (k, v) in t.iter() {
            let key = k.get_ref().as_ref();
            match key {
                "id" => kpi.id = self.id(v, key),
                "name" => kpi.name = self.string(v, key),
                "group" => kpi.group = self.choice(v, key),
                "unit" => kpi.unit = self.string(v, key),
                "direction" => kpi.direction = self.choice(v, key),
                "baseline" => kpi.baseline = self.decimal(v, key, None, None),
                "target" => kpi.target = self.decimal(v, key, None, None),
                "measurements" => {
                    for (mt, mspan) in self.tables(v, key) {
                        if let Some(m) = self.measurement(mt, mspan) {
                            kpi.measurements.push(m);
                        }
                    }
                }
                _ => {
                    self.unknown_key(k, &schema::KPI);
                }
            }
        }
        self.require(t, span, &schema::KPI, "this KPI");
        kpi
    }

    fn measurement(&mut self, t: &DeTable<'_>, span: Span) -> Option<Measurement> {
        let mut date = None;
        let mut value = None;
        for (k, v) in t.iter() {
            let key = k.get_ref().as_ref();
            match key {
                "date" => date = self.date(v, key),
                "value" => value = self.decimal(v, key, None, None),
                _ => {
                    self.unknown_key(k, &schema::MEASUREMENT);
                }
            }
        }
        self.require(t, span, &schema::MEASUREMENT, "this measurement");
        Some(Measurement {
            span,
            date: date?,
            value: value?,
        })
    }

    fn check(&mut self, t: &DeTable<'_>) -> Vec<Sp<String>> {
        let mut allow = Vec::new();
        for (k, v) in t.iter() {
            let key = k.get_ref().as_ref();
            if key != "allow" {
                self.unknown_key(k, &schema::CHECK);
                continue;
            }
            for code in self.string_list(v, key) {
                match crate::diag::Code::parse(&code.value) {
                    Some(c) if c.severity() == crate::diag::Severity::Warning => allow.push(code),
                    _ => {
                        let warnings: Vec<&str> = crate::diag::Code::ALL
                            .iter()
                            .filter(|c| c.severity() == crate::diag::Severity::Warning)
                            .map(|c| c.as_str())
                            .collect();
                        let mut f = Finding::new(
                            Code::E003,
                            code.span,
                            format!(
                                "{} is not a warning code that can be allowed",
                                quoted(&code.value)
                            ),
                        );
                        f = match suggest(&code.value.to_uppercase(), warnings.iter().copied()) {
                            Some(s) => {
                                f.help(format!("did you mean \"{s}\"? (errors cannot be silenced)"))
                            }
                            None => f.help("only warnings W001–W011 can be allowed"),
                        };
                        self.push(f);
                    }
                }
            }
        }
        allow
    }
}

/// A TOML float's text as an `f64` (`inf` and `nan` included, rejected later).
fn parse_float(text: &str) -> Option<f64> {
    if !text.contains('_') {
        return text.parse().ok();
    }
    let cleaned: String = text.chars().filter(|&c| c != '_').collect();
    cleaned.parse().ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn currencies_are_sorted_for_binary_search() {
        assert!(super::CURRENCIES.windows(2).all(|w| w[0] < w[1]));
    }
}
