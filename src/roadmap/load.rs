//! Loading: the TOML text into the typed [`Roadmap`], with every value's span
//! and one finding for every bad key or value, never stopping at the first.
//!
//! The TOML is parsed with recovery into a spanned tree ([`super::tree`]),
//! then walked by hand: a serde derive would stop at the first wrong type and
//! lose the spans, while a walk reports every unknown key (E002), wrong type
//! (E003), bad amount (E006) and missing key (E012) in one run. Entries of
//! arrays of tables are walked as the reader finishes them, so a large file's
//! tree is never whole in memory.
//!
//! Which keys a table has, their kinds, ranges and whether they are required
//! come from their declaration ([`super::fields`]); each table's walk
//! matches on its enum of keys, so a key declared and not loaded does not
//! compile.
//!
//! Numbers and dates written the Polish way (`650 000`, `4,27`,
//! `01.05.2027`, `2027-1-11`) and bare keys with Polish letters are read
//! from the line around the parser's error, simply: `key = value` on one
//! line, a comment after `#` dropped; a value inside an inline table or an
//! array keeps the parser's own words. They get one E001 whose help shows
//! the TOML form, however many errors the parser made of the value. In
//! quotes, such a number is E003 with the same help; a unit after it
//! (`zł`, `PLN`, `EUR`, `€`, `%`) is dropped from the TOML form. Spaces
//! count as thousands separators only between groups of three digits.

use super::fields::{
    self, Bounds, CURRENCIES, ChangeKey, CheckKey, CheckpointKey, CommunicationKey, DepartmentKey,
    DocumentKey, GoalKey, InitiativeKey, Key, KeySet, KpiKey, LevelKey, MeasurementKey, MemberKey,
    QuoteKey, RoadmapKey, ScenarioKey, SpendKey, TableDef, TrainingKey, UpdateKey, ValueKey,
    VisionKey, Whole,
};
use super::model::*;
use super::tree::{self, Node, Table as DeTable, Value as DeValue};
use crate::diag::{
    Code, Expected, Finding, Found, LoadMessage, Names, Severity, Text, Whose, suggest,
};
use crate::money::{self, Decimal, Money};
use crate::source::{Source, Sp, Span};
use chrono::NaiveDate;
use std::borrow::Cow;
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
pub(crate) fn load(src: &Source) -> Loaded {
    load_str(&src.text)
}

/// Loads TOML text (without a byte-order mark).
pub fn load_str(text: &str) -> Loaded {
    let mut l = Loader {
        findings: Vec::new(),
        taken: Taken::default(),
    };
    let (doc, errors) = tree::parse_into(text, &mut l);
    // A value written the Polish way gets one finding however many errors
    // the parser made of it (`01.05.2027` is two).
    let mut local: Vec<Span> = Vec::new();
    for e in &errors {
        let span = e
            .span
            .clone()
            .map_or(Span::new(text.len(), text.len()), Span::from);
        if local.iter().any(|&s| overlaps(s, span)) {
            continue;
        }
        if let Some((at, m)) = written_locally(text, span) {
            local.push(at);
            l.error(Code::E001, at, m);
            continue;
        }
        let m = match impossible_date(text, span) {
            Some(text) => LoadMessage::ImpossibleDate { text: text.into() },
            None => LoadMessage::Syntax {
                parser: e.message.clone().into(),
            },
        };
        l.error(Code::E001, span, m);
    }
    // `input::decode` drops one byte-order mark; the TOML lexer would skip
    // a second one.
    let second_bom = text.starts_with('\u{feff}');
    if second_bom {
        l.error(Code::E001, Span::new(0, 3), LoadMessage::SecondBom);
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
        // One finding per bad value: what the parser made of a value it
        // could not read (`2027-02-30` became a date-time of sorts) is not
        // a second finding about the same text.
        let syntax: Vec<Span> = l
            .findings
            .iter()
            .filter(|f| f.code == Code::E001)
            .map(|f| f.span)
            .collect();
        l.findings
            .retain(|f| f.code == Code::E001 || !syntax.iter().any(|&s| overlaps(s, f.span)));
    }
    Loaded {
        roadmap,
        findings: l.findings,
        syntax_ok,
    }
}

/// Whether two spans share a byte; an empty span stands for the byte at
/// its place (a parser error points between characters).
fn overlaps(a: Span, b: Span) -> bool {
    let (a_end, b_end) = (a.end().max(a.start() + 1), b.end().max(b.start() + 1));
    a.start() < b_end && b.start() < a_end
}

/// The text of a TOML date at `span` that is shaped right (`YYYY-MM-DD`)
/// but names no day of the calendar (`2027-02-30`, `2027-13-01`): the
/// parser's error there gets words that say so.
fn impossible_date(text: &str, span: Span) -> Option<String> {
    let at = text.get(span.start()..)?;
    let date = at.get(..10)?;
    let shaped = date.bytes().enumerate().all(|(i, b)| match i {
        4 | 7 => b == b'-',
        _ => b.is_ascii_digit(),
    });
    // A date alone: not the start of a date-time or of a longer number.
    let alone = at
        .get(10..)?
        .chars()
        .next()
        .is_none_or(|c| !c.is_ascii_alphanumeric() && c != ':' && c != '.');
    (shaped && alone && NaiveDate::parse_from_str(date, "%Y-%m-%d").is_err())
        .then(|| date.to_string())
}

/// The longest line [`written_locally`] reads.
const LOCAL_LINE_MAX: usize = 4096;

/// A syntax error at `span` on a line whose value is a number or a date
/// written the Polish way (`650 000`, `4,27`, `01.05.2027`, `2027-1-11`), or
/// at a bare key with Polish letters: the value's (or key's) span and the
/// finding that shows the TOML form. Read from the line's text alone:
/// `key = value`, an optional comment after the value.
///
/// A line ends at `\n` or a lone `\r`, as `source` counts lines. Only a
/// line of at most [`LOCAL_LINE_MAX`] bytes around the error is looked at:
/// a longer one is no hand-written `key = value`, and reading a long line
/// for each of its errors would take time with the square of its length
/// (a CR-only file of 120 KB took minutes).
fn written_locally(text: &str, span: Span) -> Option<(Span, LoadMessage)> {
    let at = span.start();
    let mut from = at.saturating_sub(LOCAL_LINE_MAX);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = at.saturating_add(LOCAL_LINE_MAX).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let start = match text.get(from..at)?.rfind(['\n', '\r']) {
        Some(i) => from + i + 1,
        None if from == 0 => 0,
        None => return None,
    };
    let end = match text.get(at..to)?.find(['\n', '\r']) {
        Some(i) => at + i,
        None if to == text.len() => to,
        None => return None,
    };
    let line = text.get(start..end)?;
    if let Some(found) = bare_key_not_ascii(line, span.start() - start) {
        let (from, to, m) = found;
        return Some((Span::new(start + from, start + to), m));
    }
    let eq = line.find('=')?;
    let key = line.get(..eq)?.trim();
    let after = line.get(eq + 1..)?;
    let value = after.split('#').next()?.trim_end();
    let lead = after.len() - after.trim_start().len();
    let value = value.trim_start();
    let from = start + eq + 1 + lead;
    let at = Span::new(from, from + value.len());
    // The error must be in the value, not somewhere else on its line.
    if span.start() < at.start() || span.start() > at.end() || value.is_empty() {
        return None;
    }
    let key = key.to_string();
    let written = value.to_string();
    if let Some(toml) = local_date(value) {
        return Some((
            at,
            LoadMessage::LocalDate {
                key: key.into(),
                written: written.into(),
                toml: toml.into(),
            },
        ));
    }
    let (toml, spaced) = local_number(value)?;
    let m = LoadMessage::LocalNumber {
        key: key.into(),
        written: written.into(),
        toml: toml.into(),
        grouped: spaced,
    };
    Some((at, m))
}

/// A bare key with letters outside ASCII around byte `at` of `line`: its
/// start and end in the line and the finding.
fn bare_key_not_ascii(line: &str, at: usize) -> Option<(usize, usize, LoadMessage)> {
    let is_key = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    if !line
        .get(at..)?
        .chars()
        .next()
        .is_some_and(|c| is_key(c) && !c.is_ascii())
    {
        return None;
    }
    let from = line
        .get(..at)?
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_key(c))
        .last()
        .map_or(at, |(i, _)| i);
    let to = line
        .get(at..)?
        .char_indices()
        .find(|&(_, c)| !is_key(c))
        .map_or(line.len(), |(i, _)| at + i);
    let key = line.get(from..to)?;
    let rest = line.get(to..)?;
    // A key, not a word in a value: at the start of the line or after
    // `{`, `,` or `.`, and followed by `=` or `.`.
    let before = line.get(..from)?.trim_end();
    let placed = before.is_empty() || before.ends_with(['{', ',', '.', '[']);
    if !placed || !rest.trim_start().starts_with(['=', '.']) {
        return None;
    }
    let rest = rest
        .split([',', '}', '#'])
        .next()
        .unwrap_or_default()
        .trim()
        .to_string();
    let plain: String = key.chars().map(plain_letter).collect();
    let m = LoadMessage::BareKeyNotAscii {
        key: key.to_string().into(),
        rest: rest.into(),
        plain: plain.into(),
    };
    Some((from, to, m))
}

/// A Polish letter without its diacritic; other characters as they are.
fn plain_letter(c: char) -> char {
    match c {
        'ą' => 'a',
        'ć' => 'c',
        'ę' => 'e',
        'ł' => 'l',
        'ń' => 'n',
        'ó' => 'o',
        'ś' => 's',
        'ź' | 'ż' => 'z',
        'Ą' => 'A',
        'Ć' => 'C',
        'Ę' => 'E',
        'Ł' => 'L',
        'Ń' => 'N',
        'Ó' => 'O',
        'Ś' => 'S',
        'Ź' | 'Ż' => 'Z',
        c => c,
    }
}

/// A date written `DD.MM.YYYY` or `YYYY-M-D` (a leading zero missing) as
/// TOML writes it, `YYYY-MM-DD`, when it names a day.
fn local_date(text: &str) -> Option<String> {
    let parts: Vec<&str> = text.split(['.', '-']).collect();
    let digits = |p: &str| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit());
    if parts.len() != 3 || !parts.iter().all(|p| digits(p)) {
        return None;
    }
    let (y, m, d) = if text.contains('.') && !text.contains('-') && parts[2].len() == 4 {
        (parts[2], parts[1], parts[0])
    } else if text.contains('-') && !text.contains('.') && parts[0].len() == 4 {
        (parts[0], parts[1], parts[2])
    } else {
        return None;
    };
    if m.len() > 2 || d.len() > 2 {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
    Some(date.format("%Y-%m-%d").to_string())
}

/// A number written the Polish way, with spaces between thousands or a
/// decimal comma (`650 000`, `4,27`, `2 400,00`), or plainly (`20.5`): the
/// TOML form and whether the text had spaces. A currency or `%` after the
/// number (`650 000 zł`) is dropped.
fn local_number(text: &str) -> Option<(String, bool)> {
    let mut t = text.trim();
    for unit in ["zł", "zl", "PLN", "pln", "EUR", "€", "%"] {
        if let Some(rest) = t.strip_suffix(unit) {
            t = rest.trim_end();
            break;
        }
    }
    let (sign, body) = match t.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", t),
    };
    let space = |c: char| c == ' ' || c == '\u{a0}' || c == '\u{202f}';
    let (whole, fraction) = match body.split_once([',', '.']) {
        Some((w, f)) => (w, Some(f)),
        None => (body, None),
    };
    let spaced = whole.contains(space);
    let whole: String = whole.chars().filter(|&c| !space(c)).collect();
    let number = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if !number(&whole)
        || !fraction.is_none_or(number)
        || !body.starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    // Spaces only between groups of three digits.
    if spaced {
        let groups: Vec<&str> = body.split([',', '.']).next()?.split(space).collect();
        if groups.iter().skip(1).any(|g| g.len() != 3)
            || groups.first().is_none_or(|g| g.is_empty() || g.len() > 3)
        {
            return None;
        }
    }
    let toml = match fraction {
        Some(f) => format!("{sign}{whole}.{f}"),
        None => format!("{sign}{whole}"),
    };
    Some((toml, spaced))
}

/// `650000` as `650_000`: `_` between groups of three digits of the whole
/// part. Also used when a message is rendered.
pub(crate) fn grouped(toml: &str) -> String {
    let (sign, body) = match toml.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", toml),
    };
    let (whole, fraction) = match body.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (body, None),
    };
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push('_');
        }
        out.push(c);
    }
    match fraction {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

type Value<'i> = Node<'i>;
type KeyNode<'i> = Spanned<Cow<'i, str>>;

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
        use DocumentKey as D;
        matches!(
            D::parse(key),
            Some(D::Team | D::Departments | D::Initiatives | D::Training | D::Kpis)
        )
    }

    fn take(&mut self, key: &str, element: &Node<'i>) {
        use DocumentKey as D;
        let span = span_of(element);
        let DeValue::Table(t) = element.get_ref() else {
            return;
        };
        match D::parse(key) {
            Some(D::Team) => {
                let m = self.member(t, span);
                self.taken.team.push(m);
            }
            Some(D::Departments) => {
                let d = self.department(t, span);
                self.taken.departments.push(d);
            }
            Some(D::Initiatives) => {
                let ini = self.initiative(t, span);
                self.taken.initiatives.push(ini);
            }
            Some(D::Training) => {
                let tr = self.training(t, span);
                self.taken.training.push(tr);
            }
            Some(D::Kpis) => {
                let k = self.kpi(t, span);
                self.taken.kpis.push(k);
            }
            Some(
                D::Roadmap
                | D::Fx
                | D::Maturity
                | D::Check
                | D::Vision
                | D::Goals
                | D::Communications
                | D::Scenarios,
            )
            | None => {}
        }
    }
}

/// A key starting with `x-` is the user's own annotation (`x-jira =
/// "CX-12"`): in every table whose keys are names from the SPEC it is
/// accepted and ignored, whatever its value, rather than an unknown key
/// (E002). Tables whose keys are ids (`[fx]`, `needs`, `kpis`,
/// `priorities`) never ask here: there `x-…` is an id like any other
/// (SPEC section 13).
fn is_annotation(key: &str) -> bool {
    key.starts_with("x-")
}

fn span_of<T>(v: &Spanned<T>) -> Span {
    Span::from(v.span())
}

fn found(v: &DeValue<'_>) -> Found {
    match v {
        DeValue::String(_) => Found::String,
        DeValue::Integer(_) => Found::Integer,
        DeValue::Float(_) => Found::Float,
        DeValue::Boolean(_) => Found::Boolean,
        DeValue::Datetime(_) => Found::Datetime,
        DeValue::Array(_) => Found::Array,
        DeValue::Table(_) => Found::Table,
    }
}

/// Findings, keys, and values one at a time.
impl Loader {
    fn error(&mut self, code: Code, span: Span, m: LoadMessage) {
        self.findings.push(Finding::new(code, span, m));
    }

    /// The key of `K`'s table that `k` names, or E002 for a key the table
    /// does not know.
    fn key<K: Key>(&mut self, k: &KeyNode<'_>) -> Option<K> {
        let key = K::parse(k.get_ref());
        if key.is_none() {
            self.unknown_key(k, K::table());
        }
        key
    }

    /// E002 for a key `def` does not know; returns the known key it
    /// suggests instead, if any.
    fn unknown_key(&mut self, key: &KeyNode<'_>, def: &'static TableDef) -> Option<&'static str> {
        self.unknown_among(key, Names::Keys(def), def.what)
    }

    fn unknown_among(
        &mut self,
        key: &KeyNode<'_>,
        known: Names,
        table: &'static str,
    ) -> Option<&'static str> {
        let name = key.get_ref().as_ref();
        if is_annotation(name) {
            return None;
        }
        let suggestion = suggest(name, known.list());
        // The message makes the same suggestion when it is rendered.
        let m = LoadMessage::UnknownKey {
            key: name.into(),
            table,
            known,
        };
        self.error(Code::E002, span_of(key), m);
        suggestion
    }

    fn missing(&mut self, span: Span, key: &'static str, whose: Whose) {
        self.error(Code::E012, span, LoadMessage::MissingKey { key, whose });
    }

    fn wrong_type(&mut self, v: &Value<'_>, key: &str, expected: Expected) {
        let number = matches!(
            expected,
            Expected::Amount | Expected::Number | Expected::WholeNumber
        );
        if let (true, DeValue::String(s)) = (number, v.get_ref())
            && let Some((toml, _)) = local_number(s)
        {
            let key = key.to_string();
            let m = LoadMessage::QuotedNumber {
                key: key.into(),
                expected,
                toml: toml.into(),
            };
            self.error(Code::E003, span_of(v), m);
            return;
        }
        let m = LoadMessage::WrongType {
            key: key.to_string().into(),
            expected,
            found: found(v.get_ref()),
        };
        self.error(Code::E003, span_of(v), m);
    }

    fn string(&mut self, v: &Value<'_>, key: &str) -> Option<Sp<String>> {
        match v.get_ref() {
            DeValue::String(s) => Some(Sp::new(s.to_string(), span_of(v))),
            _ => {
                self.wrong_type(v, key, Expected::Text);
                None
            }
        }
    }

    /// A text people read (`title`): E003 when it is empty or only
    /// whitespace (SPEC section 5, rev. 2).
    fn title(&mut self, v: &Value<'_>, key: &str) -> Option<Sp<String>> {
        let s = self.string(v, key)?;
        if s.value.trim().is_empty() {
            let key = key.to_string();
            self.error(
                Code::E003,
                s.span,
                LoadMessage::EmptyText { key: key.into() },
            );
            return None;
        }
        Some(s)
    }

    /// An id: letters, digits, `-` and `_`; an empty one (or only
    /// whitespace) is said to be empty.
    fn id(&mut self, v: &Value<'_>, key: &str) -> Option<Sp<String>> {
        let s = self.string(v, key)?;
        if s.value.trim().is_empty() {
            let key = key.to_string();
            self.error(
                Code::E003,
                s.span,
                LoadMessage::EmptyText { key: key.into() },
            );
            return None;
        }
        if s.value.is_empty()
            || !s
                .value
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        {
            let text = s.value;
            self.error(
                Code::E003,
                s.span,
                LoadMessage::InvalidId { text: text.into() },
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
                self.wrong_type(v, key, Expected::TextList);
                Vec::new()
            }
        }
    }

    fn choice<T: Choice>(&mut self, v: &Value<'_>, key: &str) -> Option<Sp<T>> {
        let s = self.string(v, key)?;
        if let Some(c) = T::parse(&s.value) {
            return Some(Sp::new(c, s.span));
        }
        let m = LoadMessage::UnknownChoice {
            what: T::WHAT,
            text: s.value.into(),
            known: Names::Words(T::names),
        };
        self.error(Code::E003, s.span, m);
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
        let suggestion = match CURRENCIES.binary_search(&upper.as_str()) {
            Ok(i) => CURRENCIES.get(i).copied(),
            Err(_) => suggest(&upper, CURRENCIES.iter().copied()),
        };
        let text = s.value;
        let m = LoadMessage::NotCurrency {
            text: text.into(),
            suggestion,
        };
        self.error(Code::E003, s.span, m);
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
                let key = key.to_string();
                self.error(
                    Code::E003,
                    span,
                    LoadMessage::DateWithTime { key: key.into() },
                );
                None
            }
            DeValue::String(s) => {
                let date = local_date(s);
                let key = key.to_string();
                self.error(
                    Code::E003,
                    span,
                    LoadMessage::QuotedDate {
                        key: key.into(),
                        date: date.map(Into::into),
                    },
                );
                None
            }
            _ => {
                self.wrong_type(v, key, Expected::Date);
                None
            }
        }
    }

    fn money(&mut self, v: &Value<'_>, key: &str) -> Option<Sp<Money>> {
        let span = span_of(v);
        let r = match v.get_ref() {
            DeValue::Integer(i) => money::money_from_int_text(i.as_str(), i.radix()),
            DeValue::Float(f) => money::money_from_plain_float(f.as_str())
                .unwrap_or_else(|| money::money_from_float_text(f.as_str())),
            _ => {
                self.wrong_type(v, key, Expected::Amount);
                return None;
            }
        };
        match r {
            Ok(m) => Some(Sp::new(m, span)),
            Err(error) => {
                let key = key.to_string();
                self.error(
                    Code::E006,
                    span,
                    LoadMessage::BadAmount {
                        key: key.into(),
                        error,
                    },
                );
                None
            }
        }
    }

    /// An exact decimal within `bounds`.
    fn decimal(
        &mut self,
        v: &Value<'_>,
        key: &str,
        bounds: &'static Bounds,
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
                self.wrong_type(v, key, Expected::Number);
                return None;
            }
        };
        let key = key.to_string();
        let problem = match parsed {
            Ok(d) if bounds.min.is_some_and(|lo| d < lo) || bounds.max.is_some_and(|hi| d > hi) => {
                LoadMessage::NumberOutOfRange {
                    key: key.into(),
                    value: d,
                    bounds,
                }
            }
            Ok(d) => return Some(Sp::new(d, span)),
            Err(money::DecimalError::TooManyPlaces(_)) => {
                LoadMessage::TooManyPlaces { key: key.into() }
            }
            Err(money::DecimalError::TooLarge) => LoadMessage::NumberTooLarge { key: key.into() },
            Err(money::DecimalError::NotANumber) => LoadMessage::NotFinite {
                key: key.into(),
                bounds,
            },
        };
        self.error(Code::E003, span, problem);
        None
    }

    /// A whole number within `range`.
    fn whole(&mut self, v: &Value<'_>, key: &str, range: Whole) -> Option<Sp<u32>> {
        let span = span_of(v);
        let DeValue::Integer(i) = v.get_ref() else {
            self.wrong_type(v, key, Expected::WholeNumber);
            return None;
        };
        match u32::from_str_radix(i.as_str(), i.radix()) {
            Ok(n) if (range.min..=range.top()).contains(&n) => Some(Sp::new(n, span)),
            _ => {
                let m = LoadMessage::WholeOutOfRange {
                    key: key.to_string().into(),
                    text: i.as_str().to_string().into(),
                    range,
                };
                self.error(Code::E003, span, m);
                None
            }
        }
    }

    fn percent(&mut self, v: &Value<'_>, key: &str) -> Option<Sp<Decimal>> {
        self.decimal(v, key, &fields::PERCENTS)
    }

    fn days(&mut self, v: &Value<'_>, key: &str) -> Option<Sp<Decimal>> {
        self.decimal(v, key, &fields::DAYS)
    }

    fn count(&mut self, v: &Value<'_>, key: &str) -> Option<Sp<u64>> {
        self.whole(v, key, fields::COUNTS)
            .map(|n| Sp::new(u64::from(n.value), n.span))
    }

    /// A year in [`fields::YEARS`] (which `i32` holds).
    fn year(&mut self, v: &Value<'_>, key: &str) -> Option<Sp<i32>> {
        self.whole(v, key, fields::YEARS)
            .map(|y| Sp::new(i32::try_from(y.value).unwrap_or(i32::MAX), y.span))
    }

    /// `true` or `false`.
    fn flag(&mut self, v: &Value<'_>, key: &str) -> Option<Sp<bool>> {
        match v.get_ref() {
            DeValue::Boolean(b) => Some(Sp::new(*b, span_of(v))),
            _ => {
                self.wrong_type(v, key, Expected::Boolean);
                None
            }
        }
    }

    /// The elements of an array of tables (`[[name]]` or `name = [{…}]`).
    fn tables<'v, 'i>(&mut self, v: &'v Value<'i>, key: &str) -> Vec<(&'v DeTable<'i>, Span)> {
        let DeValue::Array(items) = v.get_ref() else {
            let m = LoadMessage::NotTables {
                key: key.to_string().into(),
                found: found(v.get_ref()),
            };
            self.error(Code::E003, span_of(v), m);
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Table(t) => out.push((t, span_of(item))),
                other => {
                    let m = LoadMessage::EntryNotTable {
                        key: key.to_string().into(),
                        found: found(other),
                    };
                    self.error(Code::E003, span_of(item), m);
                }
            }
        }
        out
    }

    fn table<'v, 'i>(&mut self, v: &'v Value<'i>, key: &str) -> Option<&'v DeTable<'i>> {
        match v.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => {
                self.wrong_type(v, key, Expected::Table);
                None
            }
        }
    }
}

/// The tables of the file, each walked by its enum of keys.
impl Loader {
    fn document(&mut self, root: &DeTable<'_>) -> Roadmap {
        use DocumentKey as D;
        let mut r = Roadmap::default();
        let mut saw_roadmap = false;
        for (k, v) in root.iter() {
            let Some(key) = self.key::<D>(k) else {
                continue;
            };
            let name = key.name();
            match key {
                D::Roadmap => {
                    saw_roadmap = true;
                    if let Some(t) = self.table(v, name) {
                        r.meta = self.meta(t, span_of(v));
                    }
                }
                D::Fx => {
                    if let Some(t) = self.table(v, name) {
                        r.fx = self.fx(t);
                    }
                }
                D::Team => {
                    r.team = std::mem::take(&mut self.taken.team);
                    for (t, span) in self.tables(v, name) {
                        r.team.push(self.member(t, span));
                    }
                }
                D::Departments => {
                    r.departments = std::mem::take(&mut self.taken.departments);
                    for (t, span) in self.tables(v, name) {
                        r.departments.push(self.department(t, span));
                    }
                }
                D::Maturity => {
                    if let Some(t) = self.table(v, name) {
                        r.maturity = self.maturity(t);
                    }
                }
                D::Initiatives => {
                    r.initiatives = std::mem::take(&mut self.taken.initiatives);
                    for (t, span) in self.tables(v, name) {
                        r.initiatives.push(self.initiative(t, span));
                    }
                }
                D::Training => {
                    r.training = std::mem::take(&mut self.taken.training);
                    for (t, span) in self.tables(v, name) {
                        r.training.push(self.training(t, span));
                    }
                }
                D::Kpis => {
                    r.kpis = std::mem::take(&mut self.taken.kpis);
                    for (t, span) in self.tables(v, name) {
                        r.kpis.push(self.kpi(t, span));
                    }
                }
                D::Check => {
                    if let Some(t) = self.table(v, name) {
                        r.allow = self.check(t);
                    }
                }
                D::Vision => {
                    if let Some(t) = self.table(v, name) {
                        r.vision = Some(self.vision(t, span_of(v)));
                    }
                }
                D::Goals => {
                    for (t, span) in self.tables(v, name) {
                        r.goals.push(self.goal(t, span));
                    }
                }
                D::Communications => {
                    for (t, span) in self.tables(v, name) {
                        r.communications.push(self.communication(t, span));
                    }
                }
                D::Scenarios => {
                    if let Some(t) = self.table(v, name) {
                        r.scenarios = self.scenarios(t);
                    }
                }
            }
        }
        if !saw_roadmap {
            self.error(Code::E012, Span::new(0, 0), LoadMessage::NoRoadmap);
        }
        r
    }

    fn meta(&mut self, t: &DeTable<'_>, span: Span) -> Meta {
        use RoadmapKey as K;
        let mut m = Meta {
            span,
            ..Meta::default()
        };
        let rejected = self.read_keys(t, |this, key: K, v| {
            let name = key.name();
            match key {
                K::Organisation => m.organisation = this.string(v, name),
                K::Team => m.team = this.string(v, name),
                K::Currency => m.currency = this.currency(v, name),
                K::Language => m.language = this.choice(v, name),
                K::PlanYear => {
                    // Within `YEARS`, which `i32` holds.
                    m.plan_year = this
                        .whole(v, name, fields::YEARS)
                        .map(|y| Sp::new(y.value as i32, y.span));
                }
                K::AsOf => m.as_of = this.date(v, name),
                K::MarkupPercent => m.markup_percent = this.percent(v, name),
                K::BudgetCap => m.budget_cap = this.money(v, name),
                K::DayRate => m.day_rate = this.money(v, name),
            }
        });
        self.missing_keys(t, span, rejected, |_| Whose::Roadmap);
        m
    }

    fn fx(&mut self, t: &DeTable<'_>) -> Vec<FxRate> {
        let mut out = Vec::new();
        for (k, v) in t.iter() {
            let code = Sp::new(k.get_ref().to_string(), span_of(k));
            let Some(code) = self.currency_code(code) else {
                continue;
            };
            let rate = match self.decimal(v, &code.value, &fields::NUMBERS) {
                Some(r) if r.value <= Decimal::ZERO => {
                    let m = LoadMessage::RateNotPositive {
                        code: code.value.as_str().into(),
                    };
                    self.error(Code::E003, r.span, m);
                    None
                }
                r => r,
            };
            out.push(FxRate { code, rate });
        }
        out
    }

    fn member(&mut self, t: &DeTable<'_>, span: Span) -> Member {
        use MemberKey as K;
        let mut m = Member {
            span,
            ..Member::default()
        };
        let rejected = self.read_keys(t, |this, key: K, v| {
            let name = key.name();
            match key {
                K::Id => m.id = this.id(v, name),
                K::Name => m.name = this.string(v, name),
                K::Role => m.role = this.string(v, name),
                K::CapacityDays => m.capacity_days = this.days(v, name),
            }
        });
        self.missing_keys(t, span, rejected, |_| Whose::Member);
        m
    }

    fn department(&mut self, t: &DeTable<'_>, span: Span) -> Department {
        use DepartmentKey as K;
        let mut d = Department {
            span,
            ..Department::default()
        };
        let rejected = self.read_keys(t, |this, key: K, v| {
            let name = key.name();
            match key {
                K::Id => d.id = this.id(v, name),
                K::Name => d.name = this.string(v, name),
                K::Headcount => d.headcount = this.count(v, name),
            }
        });
        self.missing_keys(t, span, rejected, |_| Whose::Department);
        d
    }

    fn maturity(&mut self, t: &DeTable<'_>) -> Vec<Maturity> {
        let mut out = Vec::new();
        for (k, v) in t.iter() {
            let name = k.get_ref().as_ref();
            let Some(competency) = Competency::parse(name) else {
                self.unknown_among(k, Names::Words(Competency::names), fields::MATURITY);
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
                let Some(key) = self.key::<LevelKey>(k2) else {
                    continue;
                };
                // Within `LEVELS`, which `u8` holds.
                let level = self
                    .whole(v2, key.name(), fields::LEVELS)
                    .map(|n| Sp::new(n.value as u8, n.span));
                match key {
                    LevelKey::Current => m.current = level,
                    LevelKey::Target => m.target = level,
                }
            }
            out.push(m);
        }
        out
    }

    /// The one walk over a table's keys that every table shares:
    /// an unknown key is E002, and the key it was meant as counts as
    /// rejected (so no rule calls that one missing as well); `read` sets each
    /// known key; a key whose reading made a finding is rejected. The
    /// rejected keys.
    fn read_keys<K: Key>(
        &mut self,
        t: &DeTable<'_>,
        mut read: impl FnMut(&mut Self, K, &Value<'_>),
    ) -> KeySet<K> {
        let mut rejected = KeySet::default();
        for (k, v) in t.iter() {
            let Some(key) = K::parse(k.get_ref()) else {
                let meant = self.unknown_key(k, K::table());
                if let Some(meant) = meant.and_then(K::parse) {
                    rejected.insert(meant);
                }
                continue;
            };
            let before = self.findings.len();
            read(self, key, v);
            if self.findings.len() > before {
                rejected.insert(key);
            }
        }
        rejected
    }

    /// E012 for each required key of `K` that `t` neither has nor had
    /// rejected, said of `whose(key)`.
    fn missing_keys<K: Key>(
        &mut self,
        t: &DeTable<'_>,
        span: Span,
        rejected: KeySet<K>,
        whose: impl Fn(K) -> Whose,
    ) {
        for &key in K::ALL {
            let name = key.name();
            if key.field().required
                && !t.iter().any(|(k, _)| k.get_ref() == name)
                && !rejected.contains(key)
            {
                self.missing(span, name, whose(key));
            }
        }
    }

    fn initiative(&mut self, t: &DeTable<'_>, span: Span) -> Initiative {
        use InitiativeKey as K;
        let mut ini = Initiative {
            span,
            ..Initiative::default()
        };
        ini.rejected = self.read_keys(t, |this, key, v| this.initiative_key(&mut ini, key, v));
        // One copy of the id, shared by the findings about its keys.
        let id: Option<Text> = ini.id.as_ref().map(|id| id.value.as_str().into());
        self.missing_keys(t, span, ini.rejected, |key| {
            Whose::Initiative(id.clone().filter(|_| key != K::Id))
        });
        ini
    }

    fn initiative_key(&mut self, ini: &mut Initiative, key: InitiativeKey, v: &Value<'_>) {
        use InitiativeKey as K;
        let name = key.name();
        match key {
            K::Id => ini.id = self.id(v, name),
            K::Title => ini.title = self.title(v, name),
            K::Competency => ini.competency = self.choice(v, name),
            K::Area => ini.area = self.choice(v, name),
            K::Status => ini.status = self.choice(v, name),
            K::Owner => ini.owner = self.string(v, name),
            K::Department => ini.department = self.string(v, name),
            K::Priority => ini.priority = self.whole(v, name, fields::PRIORITIES),
            K::Start => ini.start = self.date(v, name),
            K::End => ini.end = self.date(v, name),
            K::EffortDays => ini.effort_days = self.days(v, name),
            K::Kpi => ini.kpi = self.string(v, name),
            K::Benefit => ini.benefit = self.string(v, name),
            K::Reason => ini.reason = self.string(v, name),
            K::Cost => ini.cost = self.money(v, name),
            K::Actual => ini.actual = self.money(v, name),
            K::MarkupPercent => ini.markup_percent = self.percent(v, name),
            K::Kpis => ini.kpis = self.string_list(v, name),
            K::DependsOn => ini.depends_on = self.string_list(v, name),
            K::Goals => ini.goals = self.string_list(v, name),
            K::Quotes => {
                ini.has_quotes_key = true;
                let tables = self.tables(v, "initiatives.quotes");
                ini.quotes.reserve_exact(tables.len());
                for (qt, qspan) in tables {
                    ini.quotes.push(self.quote(qt, qspan));
                }
            }
            K::Spend => {
                let tables = self.tables(v, "initiatives.spend");
                ini.spend.reserve_exact(tables.len());
                for (st, sspan) in tables {
                    let id = ini.id.as_ref().map(|i| i.value.as_str().into());
                    ini.spend.push(self.spend(st, sspan, id));
                }
            }
            K::Updates => {
                let tables = self.tables(v, "initiatives.updates");
                ini.updates.reserve_exact(tables.len());
                for (ut, uspan) in tables {
                    let id = ini.id.as_ref().map(|i| i.value.as_str().into());
                    ini.updates.push(self.update(ut, uspan, id));
                }
            }
            K::Expected => {
                let Some(t) = self.table(v, name) else {
                    return;
                };
                for (kk, kv) in t.iter() {
                    let kpi = Sp::new(kk.get_ref().to_string(), span_of(kk));
                    if let Some(c) = self.change(kv, kpi) {
                        ini.expected.push(c);
                    }
                }
            }
        }
    }

    /// One entry of an initiative's `expected`: `KPI = { low, high }`.
    fn change(&mut self, v: &Value<'_>, kpi: Sp<String>) -> Option<ExpectedChange> {
        use ChangeKey as K;
        let t = self.table(v, &kpi.value)?;
        let span = span_of(v);
        let mut c = ExpectedChange {
            span,
            kpi,
            low: None,
            high: None,
        };
        let rejected = self.read_keys(t, |this, key: K, v| {
            let name = key.name();
            match key {
                K::Low => c.low = this.written(v, name),
                K::High => c.high = this.written(v, name),
            }
        });
        let whose: Text = c.kpi.value.as_str().into();
        self.missing_keys(t, span, rejected, |_| Whose::Expected(whose.clone()));
        Some(c)
    }

    /// A KPI's `value_per_unit`: `{ low, high, note }`.
    fn value_per_unit(&mut self, v: &Value<'_>, kpi: Option<String>) -> Option<ValuePerUnit> {
        use ValueKey as K;
        let t = self.table(v, KpiKey::ValuePerUnit.name())?;
        let span = span_of(v);
        let mut u = ValuePerUnit {
            span,
            ..ValuePerUnit::default()
        };
        let rejected = self.read_keys(t, |this, key: K, v| {
            let name = key.name();
            match key {
                K::Low => u.low = this.money(v, name),
                K::High => u.high = this.money(v, name),
                K::Note => u.note = this.string(v, name),
            }
        });
        let kpi: Option<Text> = kpi.map(Into::into);
        self.missing_keys(t, span, rejected, |_| Whose::ValuePerUnit(kpi.clone()));
        Some(u)
    }

    /// A spend entry; E012 for a missing `date` or `amount`.
    fn spend(&mut self, t: &DeTable<'_>, span: Span, initiative: Option<Text>) -> Spend {
        use SpendKey as K;
        let mut s = Spend {
            span,
            ..Spend::default()
        };
        s.rejected = self.read_keys(t, |this, key: K, v| {
            let name = key.name();
            match key {
                K::Date => s.date = this.date(v, name),
                K::Amount => s.amount = this.money(v, name),
                K::Currency => s.currency = this.currency(v, name),
                K::Note => s.note = this.string(v, name),
            }
        });
        self.missing_keys(t, span, s.rejected, |_| Whose::Spend(initiative.clone()));
        s
    }

    /// A check-in; E012 for a missing `date` or `progress`, E003 for a
    /// progress outside 0–100 or an unknown confidence.
    fn update(&mut self, t: &DeTable<'_>, span: Span, initiative: Option<Text>) -> Update {
        use UpdateKey as K;
        let mut u = Update {
            span,
            ..Update::default()
        };
        u.rejected = self.read_keys(t, |this, key: K, v| {
            let name = key.name();
            match key {
                K::Date => u.date = this.date(v, name),
                K::Progress => u.progress = this.percent(v, name),
                K::Confidence => u.confidence = this.choice(v, name),
                K::Note => u.note = this.string(v, name),
            }
        });
        self.missing_keys(t, span, u.rejected, |_| Whose::Update(initiative.clone()));
        u
    }

    fn quote(&mut self, t: &DeTable<'_>, span: Span) -> Quote {
        use QuoteKey as K;
        let mut q = Quote {
            span,
            ..Quote::default()
        };
        q.rejected = self.read_keys(t, |this, key: K, v| {
            let name = key.name();
            match key {
                K::Vendor => q.vendor = this.string(v, name),
                K::Min => q.min = this.money(v, name),
                K::Max => q.max = this.money(v, name),
                K::Amount => q.amount = this.money(v, name),
                K::Date => q.date = this.date(v, name),
                K::Currency => q.currency = this.currency(v, name),
            }
        });
        q
    }

    fn training(&mut self, t: &DeTable<'_>, span: Span) -> Training {
        use TrainingKey as K;
        let mut tr = Training {
            span,
            ..Training::default()
        };
        let rejected = self.read_keys(t, |this, key: K, v| {
            let name = key.name();
            match key {
                K::Id => tr.id = this.id(v, name),
                K::Title => tr.title = this.title(v, name),
                K::Competency => tr.competency = this.choice(v, name),
                K::CostPerPerson => tr.cost_per_person = this.money(v, name),
                K::Funding => tr.funding = this.choice(v, name),
                K::Needs => {
                    let Some(needs) = this.table(v, name) else {
                        return;
                    };
                    for (dk, dv) in needs.iter() {
                        let dept = Sp::new(dk.get_ref().to_string(), span_of(dk));
                        if let Some(n) = this.count(dv, dk.get_ref()) {
                            tr.needs.push((dept, n));
                        }
                    }
                }
            }
        });
        self.missing_keys(t, span, rejected, |_| Whose::Training);
        tr
    }

    fn kpi(&mut self, t: &DeTable<'_>, span: Span) -> Kpi {
        use KpiKey as K;
        let mut kpi = Kpi {
            span,
            ..Kpi::default()
        };
        let rejected = self.read_keys(t, |this, key: K, v| {
            let name = key.name();
            match key {
                K::Id => kpi.id = this.id(v, name),
                K::Name => kpi.name = this.string(v, name),
                K::Group => kpi.group = this.choice(v, name),
                K::Unit => kpi.unit = this.string(v, name),
                K::Direction => kpi.direction = this.choice(v, name),
                K::Baseline => kpi.baseline = this.written(v, name),
                K::Target => kpi.target = this.written(v, name),
                K::Measurements => {
                    for (mt, mspan) in this.tables(v, name) {
                        if let Some(m) = this.measurement(mt, mspan) {
                            kpi.measurements.push(m);
                        }
                    }
                }
                K::BaselineDate => kpi.baseline_date = this.date(v, name),
                K::TargetDate => kpi.target_date = this.date(v, name),
                K::Cadence => kpi.cadence = this.choice(v, name),
                K::Targets => {
                    for (ct, cspan) in this.tables(v, name) {
                        if let Some(c) = this.checkpoint(ct, cspan) {
                            kpi.targets.push(c);
                        }
                    }
                }
                K::ValuePerUnit => {
                    let id = kpi.id.as_ref().map(|i| i.value.clone());
                    kpi.value_per_unit = this.value_per_unit(v, id);
                }
            }
        });
        self.missing_keys(t, span, rejected, |_| Whose::Kpi);
        kpi
    }

    fn measurement(&mut self, t: &DeTable<'_>, span: Span) -> Option<Measurement> {
        use MeasurementKey as K;
        let mut date = None;
        let mut value = None;
        let rejected = self.read_keys(t, |this, key: K, v| {
            let name = key.name();
            match key {
                K::Date => date = this.date(v, name),
                K::Value => value = this.written(v, name),
            }
        });
        self.missing_keys(t, span, rejected, |_| Whose::Measurement);
        Some(Measurement {
            span,
            date: date?,
            value: value?,
        })
    }

    /// A checkpoint of a KPI's `targets`: a measurement's shape.
    fn checkpoint(&mut self, t: &DeTable<'_>, span: Span) -> Option<Measurement> {
        use CheckpointKey as K;
        let mut date = None;
        let mut value = None;
        let rejected = self.read_keys(t, |this, key: K, v| {
            let name = key.name();
            match key {
                K::Date => date = this.date(v, name),
                K::Value => value = this.written(v, name),
            }
        });
        self.missing_keys(t, span, rejected, |_| Whose::Checkpoint);
        Some(Measurement {
            span,
            date: date?,
            value: value?,
        })
    }

    /// A KPI value, with the decimals its text has.
    fn written(&mut self, v: &Value<'_>, key: &str) -> Option<Sp<Written>> {
        let d = self.decimal(v, key, &fields::NUMBERS)?;
        let places = match v.get_ref() {
            DeValue::Float(f) => places_written(f.as_str()),
            _ => 0,
        };
        Some(Sp::new(
            Written {
                value: d.value,
                places,
            },
            d.span,
        ))
    }

    fn vision(&mut self, t: &DeTable<'_>, span: Span) -> Vision {
        let mut vision = Vision {
            span,
            ..Vision::default()
        };
        // Nothing here is required: what is rejected is reported already.
        let _ = self.read_keys(t, |this, key: VisionKey, v| {
            let name = key.name();
            match key {
                VisionKey::Statement => vision.statement = this.title(v, name),
                VisionKey::Until => vision.until = this.year(v, name),
            }
        });
        vision
    }

    /// A goal. Besides the declared required keys, a year goal needs
    /// `year` and a long goal `until` (E012); `focus` and `parent` belong
    /// to year goals (E003 on a long goal).
    fn goal(&mut self, t: &DeTable<'_>, span: Span) -> Goal {
        use GoalKey as K;
        let mut g = Goal {
            span,
            ..Goal::default()
        };
        g.rejected = self.read_keys(t, |this, key: K, v| {
            let name = key.name();
            match key {
                K::Id => g.id = this.id(v, name),
                K::Title => g.title = this.title(v, name),
                K::Horizon => g.horizon = this.choice(v, name),
                K::Year => g.year = this.year(v, name),
                K::Until => g.until = this.year(v, name),
                K::Parent => g.parent = this.string(v, name),
                K::Focus => g.focus = this.flag(v, name),
                K::Owner => g.owner = this.string(v, name),
                K::PainPoints => g.pain_points = this.string_list(v, name),
                // Not a table: its finding rejects the key.
                K::Kpis => {
                    for (kk, kv) in this.table(v, name).iter().flat_map(|t| t.iter()) {
                        let kpi = Sp::new(kk.get_ref().to_string(), span_of(kk));
                        if let Some(value) = this.written(kv, kk.get_ref()) {
                            g.kpis.push((kpi, value));
                        }
                    }
                }
            }
        });
        let whose = |key: K, g: &Goal| {
            let id = g.id.as_ref().filter(|_| key != K::Id);
            Whose::Goal(id.map(|id| id.value.as_str().into()))
        };
        let written = |key: K| t.iter().any(|(k, _)| k.get_ref() == key.name());
        for &key in K::ALL {
            if key.field().required && !written(key) && !g.rejected.contains(key) {
                self.missing(span, key.name(), whose(key, &g));
            }
        }
        let needs = match g.horizon() {
            Some(Horizon::Year) => Some(K::Year),
            Some(Horizon::Long) => Some(K::Until),
            None => None,
        };
        if let Some(key) = needs
            && !written(key)
            && !g.rejected.contains(key)
        {
            self.missing(span, key.name(), whose(key, &g));
        }
        if g.horizon() == Some(Horizon::Long) {
            let spans = [
                (K::Focus, g.focus.as_ref().map(|f| f.span)),
                (K::Parent, g.parent.as_ref().map(|p| p.span)),
            ];
            for (key, at) in spans {
                if let Some(at) = at {
                    let m = LoadMessage::NotForLongGoal {
                        goal: g.id.as_ref().map(|i| i.value.as_str().into()),
                        key: key.name(),
                    };
                    self.error(Code::E003, at, m);
                }
            }
        }
        g
    }

    fn communication(&mut self, t: &DeTable<'_>, span: Span) -> Communication {
        use CommunicationKey as K;
        let mut c = Communication {
            span,
            ..Communication::default()
        };
        c.rejected = self.read_keys(t, |this, key: K, v| {
            let name = key.name();
            match key {
                K::Id => c.id = this.id(v, name),
                K::Title => c.title = this.title(v, name),
                K::Channel => c.channel = this.choice(v, name),
                K::Audience => c.audience = this.string(v, name),
                K::Cadence => c.cadence = this.choice(v, name),
                K::Start => c.start = this.date(v, name),
                K::End => c.end = this.date(v, name),
                K::Owner => c.owner = this.string(v, name),
                K::Sponsor => c.sponsor = this.string(v, name),
                K::Goals => c.goals = this.string_list(v, name),
            }
        });
        let id: Option<Text> = c.id.as_ref().map(|id| id.value.as_str().into());
        self.missing_keys(t, span, c.rejected, |key| {
            Whose::Communication(id.clone().filter(|_| key != K::Id))
        });
        c
    }

    /// `[scenarios]`: one `[scenarios.NAME]` table per variant.
    fn scenarios(&mut self, t: &DeTable<'_>) -> Vec<Scenario> {
        let mut out = Vec::new();
        for (k, v) in t.iter() {
            let Some(table) = self.table(v, k.get_ref()) else {
                continue;
            };
            out.push(self.scenario(table, Sp::new(k.get_ref().to_string(), span_of(k))));
        }
        out
    }

    fn scenario(&mut self, t: &DeTable<'_>, name: Sp<String>) -> Scenario {
        use ScenarioKey as K;
        let mut s = Scenario {
            name,
            note: None,
            budget_cap: None,
            markup_percent: None,
            capacity_percent: None,
            exclude: Vec::new(),
            include: Vec::new(),
            priorities: Vec::new(),
            prices: None,
        };
        // Nothing here is required: what is rejected is reported already.
        let _ = self.read_keys(t, |this, key: K, v| {
            let name = key.name();
            match key {
                K::Note => s.note = this.string(v, name),
                K::BudgetCap => s.budget_cap = this.money(v, name),
                K::MarkupPercent => s.markup_percent = this.percent(v, name),
                K::CapacityPercent => {
                    s.capacity_percent = this.decimal(v, name, &fields::CAPACITY_PERCENTS);
                }
                K::Exclude => s.exclude = this.string_list(v, name),
                K::Include => s.include = this.string_list(v, name),
                K::Priorities => {
                    let Some(table) = this.table(v, name) else {
                        return;
                    };
                    for (ik, iv) in table.iter() {
                        let id = Sp::new(ik.get_ref().to_string(), span_of(ik));
                        if let Some(p) = this.whole(iv, ik.get_ref(), fields::PRIORITIES) {
                            s.priorities.push((id, p));
                        }
                    }
                }
                K::Prices => s.prices = this.choice(v, name),
            }
        });
        s
    }

    fn check(&mut self, t: &DeTable<'_>) -> Vec<Sp<String>> {
        let mut allow = Vec::new();
        for (k, v) in t.iter() {
            let Some(key) = self.key::<CheckKey>(k) else {
                continue;
            };
            let CheckKey::Allow = key;
            for code in self.string_list(v, key.name()) {
                match Code::parse(&code.value) {
                    Some(c) if c.severity() == Severity::Warning => allow.push(code),
                    _ => {
                        let warnings = fields::warning_codes();
                        let suggestion =
                            suggest(&code.value.to_uppercase(), warnings.iter().copied());
                        let m = LoadMessage::NotAllowable {
                            text: code.value.into(),
                            suggestion,
                        };
                        self.error(Code::E003, code.span, m);
                    }
                }
            }
        }
        allow
    }
}

/// The decimals a TOML float's text has: the digits after its point, less
/// its exponent (`12.50`: 2, `1.25e1`: 1, `5e-3`: 3), never below 0.
fn places_written(text: &str) -> u32 {
    let text: String = text.chars().filter(|&c| c != '_').collect();
    let (mantissa, exp) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i64>().unwrap_or(0)),
        None => (text.as_str(), 0),
    };
    let frac = mantissa.split_once('.').map_or(0, |(_, f)| f.len());
    let places = i64::try_from(frac).unwrap_or(i64::MAX).saturating_sub(exp);
    u32::try_from(places.max(0)).unwrap_or(u32::MAX)
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
    use super::*;

    #[test]
    fn numbers_written_the_polish_way() {
        let n = |t: &str| local_number(t);
        assert_eq!(n("650 000"), Some(("650000".into(), true)));
        assert_eq!(n("4,27"), Some(("4.27".into(), false)));
        assert_eq!(n("2 400,00"), Some(("2400.00".into(), true)));
        assert_eq!(n("650 000 zł"), Some(("650000".into(), true)));
        assert_eq!(n("-1 200"), Some(("-1200".into(), true)));
        assert_eq!(n("65 00"), None);
        assert_eq!(n("1,2,3"), None);
        assert_eq!(n("abc"), None);
        assert_eq!(n(""), None);
        assert_eq!(grouped("650000"), "650_000");
        assert_eq!(grouped("1234567.5"), "1_234_567.5");
        assert_eq!(grouped("-100"), "-100");
    }

    #[test]
    fn dates_written_the_polish_way() {
        assert_eq!(local_date("01.05.2027").as_deref(), Some("2027-05-01"));
        assert_eq!(local_date("1.5.2027").as_deref(), Some("2027-05-01"));
        assert_eq!(local_date("2027-1-11").as_deref(), Some("2027-01-11"));
        assert_eq!(local_date("2027-01-11").as_deref(), Some("2027-01-11"));
        assert_eq!(local_date("31.02.2027"), None);
        assert_eq!(local_date("2027.01.11"), None);
        assert_eq!(local_date("4,27"), None);
    }

    #[test]
    fn one_finding_per_polish_value() {
        for (text, toml) in [
            ("[roadmap]\nbudget_cap = 650 000\n", "650000"),
            ("[fx]\nEUR = 4,27 # rate\n", "4.27"),
            ("[roadmap]\nas_of = 01.05.2027\n", "2027-05-01"),
        ] {
            let found: Vec<_> = load_str(text)
                .findings
                .into_iter()
                .filter(|f| f.code != Code::E012)
                .collect();
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            let shown = format!("{:?}", found[0]);
            assert!(shown.contains(toml), "{text}: {shown}");
        }
    }

    #[test]
    fn polish_letters_in_a_key_not_in_a_value() {
        let m =
            |line: &str| bare_key_not_ascii(line, line.find(|c: char| !c.is_ascii()).unwrap_or(0));
        assert!(m("needs = { obsługa = 10 }").is_some());
        assert!(m("żółw = 1").is_some());
        assert!(m("kpi = Żaneta").is_none());
        assert!(m("kpi = ąę = 1").is_none());
    }
}
