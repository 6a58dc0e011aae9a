//! `cxm diff` as a table, Markdown (for a pull-request comment), CSV and JSON.
//!
//! The people tables (table, Markdown) speak the report's language: each
//! compared field of [`DIFF`] has a [`Text`] label ([`field_text`], an
//! exhaustive match, so a new key cannot go unlabelled: a new
//! `InitiativeKey` does not compile, and `tests` check every entry of
//! [`DIFF`] has one); the keys of `[roadmap]` and of each section's tables
//! have theirs in [`entry_field_text`] (a test checks every key of every
//! table). English labels are the TOML keys, as before: they are what a
//! person looks up and edits in the file. Values are typed ([`Value`]):
//! money shows as the other reports write money ([`i18n::money`], a quote's
//! amounts in the quote's currency), decimals with the language's decimal
//! mark, `status` and `competency` by the words the other reports use for
//! them; other values as the file has them. Added and removed initiatives
//! are a table of id, title (cut on narrow terminals), owner, status and
//! budget; other sections list the ids added and removed, then the changed
//! fields. Quarters and the CXM total use the same labels as the budget
//! report. Each section's titles are [`part_words`], one arm per [`Part`].
//!
//! CSV and JSON keep the keys and plain numbers. The CSV's rows are
//! `kind,id,field,old,new,delta,counts_in,section`: an added or removed
//! initiative is one row per `title`, `owner`, `status` and `budget`; an
//! entry of another section one row without a field; settings rows have no
//! id. Polish `--excel` names a changed field by its Polish label, as the
//! tables do, its status or competency values and the `section` by Polish
//! words; money and decimals are numbers (the decimal comma of `--excel`),
//! other values text as `diff` reads them.

use super::columns::{Columns, CsvColumns, DETAIL, KEY, MAIN, Table};
use super::csv::{Cell, CountsIn};
use super::sections::{self, Doc, Section};
use super::xlsx;
use super::{Format, RenderOptions};
use crate::diff::{
    Change, Changed, Diff, Entries, FieldChanges, MoneyDelta, Part, QuoteValue, Summary, Value,
    Word,
};
use crate::i18n::{self, Text};
use crate::money::Money;
use crate::roadmap::fields::{Compared, DIFF, InitiativeKey};
use crate::roadmap::{Choice, Language};

/// The report in `opts.format`, written into `out`.
pub(crate) fn write(
    d: &Diff,
    opts: &RenderOptions,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    match opts.format {
        Format::Json => super::json_to(d, out),
        Format::Csv => Ok(out.write_all(&csv(d, opts.excel.then_some(opts.lang))?)?),
        Format::Table => {
            Ok(out.write_all(&sections::table(&doc(d, opts.lang), opts).into_bytes())?)
        }
        Format::Markdown => {
            Ok(out.write_all(&sections::markdown(&doc(d, opts.lang)).into_bytes())?)
        }
        Format::Xlsx => Ok(out.write_all(&xlsx::one(xlsx_sheet(d), opts.lang, &d.currency)?)?),
    }
}

const DASH: &str = "—";

/// The quarters' labels, as the budget report writes them.
const QUARTERS: [Text; 4] = [Text::Q1, Text::Q2, Text::Q3, Text::Q4];

/// A signed amount for people: `+1,250.00`, `-300.00`, `0.00`.
fn signed(m: Money, lang: Language) -> String {
    let a = i18n::amount(m, lang);
    if m.0 > 0 { format!("+{a}") } else { a }
}

/// A list of initiative ids under a title (added, removed); none when empty.
fn ids_section(ids: &[String], title: Text, lang: Language) -> Option<Section> {
    if ids.is_empty() {
        return None;
    }
    let columns = Columns::<String>::new().left(Text::Id, KEY, |id, _| id.clone());
    let mut t = Table::new(columns, lang);
    t.rows(ids);
    Some(t.section(i18n::text(title, lang).to_string(), Vec::new()))
}

/// The label of a compared field; `None` for a key `diff` does not compare.
fn field_text(c: Compared) -> Option<Text> {
    use InitiativeKey as K;
    Some(match c {
        Compared::Budget => Text::DiffFieldBudget,
        Compared::PlanYearBudget => Text::DiffFieldPlanYearBudget,
        Compared::Key(k) => match k {
            K::Title => Text::DiffFieldTitle,
            K::Competency => Text::DiffFieldCompetency,
            K::Area => Text::DiffFieldArea,
            K::Status => Text::DiffFieldStatus,
            K::Owner => Text::DiffFieldOwner,
            K::Department => Text::DiffFieldDepartment,
            K::Priority => Text::DiffFieldPriority,
            K::Start => Text::DiffFieldStart,
            K::End => Text::DiffFieldEnd,
            K::EffortDays => Text::DiffFieldEffortDays,
            K::Kpi => Text::DiffFieldKpi,
            K::Reason => Text::DiffFieldReason,
            K::Cost => Text::DiffFieldCost,
            K::MarkupPercent => Text::DiffFieldMarkupPercent,
            K::Quotes => Text::DiffFieldQuotes,
            K::Kpis => Text::DiffFieldKpis,
            K::DependsOn => Text::DiffFieldDependsOn,
            K::Updates => Text::DiffFieldUpdates,
            K::Goals => Text::DiffFieldGoals,
            K::Benefit => Text::DiffFieldBenefit,
            K::Expected => Text::DiffFieldExpected,
            K::Actual => Text::DiffFieldActual,
            K::Spend => Text::DiffFieldSpend,
            K::Id => return None,
        },
    })
}

/// The compared field `diff` names `field` (its [`Compared::label`]).
fn compared(field: &str) -> Option<Compared> {
    DIFF.iter().copied().find(|c| c.label() == field)
}

/// Where a changed field sits: an initiative, `[roadmap]`, or a section.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    Initiatives,
    Totals,
    Settings,
    Part(Part),
}

impl Scope {
    /// The CSV `section` value: its key, in Polish `--excel` its word.
    fn cell(self) -> Cell {
        let (key, pl) = match self {
            Scope::Initiatives => ("initiatives", "inicjatywy"),
            Scope::Totals => ("totals", "sumy"),
            Scope::Settings => ("settings", "ustawienia"),
            Scope::Part(p) => (p.key(), part_words(p).3),
        };
        Cell::word(key, pl)
    }
}

/// A section's titles (added, removed, changed) and its Polish CSV word.
fn part_words(p: Part) -> (Text, Text, Text, &'static str) {
    match p {
        Part::Fx => (
            Text::AddedFx,
            Text::RemovedFx,
            Text::ChangedFx,
            "kursy walut",
        ),
        Part::Team => (
            Text::AddedMembers,
            Text::RemovedMembers,
            Text::ChangedMembers,
            "zespół",
        ),
        Part::Departments => (
            Text::AddedDepartments,
            Text::RemovedDepartments,
            Text::ChangedDepartments,
            "działy",
        ),
        Part::Maturity => (
            Text::AddedMaturity,
            Text::RemovedMaturity,
            Text::ChangedMaturity,
            "dojrzałość",
        ),
        Part::Vision => (
            Text::AddedVision,
            Text::RemovedVision,
            Text::ChangedVision,
            "wizja",
        ),
        Part::Training => (
            Text::AddedTraining,
            Text::RemovedTraining,
            Text::ChangedTraining,
            "szkolenia",
        ),
        Part::Kpis => (
            Text::AddedKpis,
            Text::RemovedKpis,
            Text::ChangedKpis,
            "wskaźniki",
        ),
        Part::Goals => (
            Text::AddedGoals,
            Text::RemovedGoals,
            Text::ChangedGoals,
            "cele",
        ),
        Part::Communications => (
            Text::AddedCommunications,
            Text::RemovedCommunications,
            Text::ChangedCommunications,
            "komunikacje",
        ),
        Part::Scenarios => (
            Text::AddedScenarios,
            Text::RemovedScenarios,
            Text::ChangedScenarios,
            "scenariusze",
        ),
    }
}

/// The label of a field of `[roadmap]` or of a section's entry: the key in
/// English, as for initiatives; words in Polish. `None` for a key without
/// one (the key itself then shows; a test checks every key has one).
fn entry_field_text(scope: Scope, field: &str) -> Option<Text> {
    Some(match field {
        "title" => Text::DiffFieldTitle,
        "horizon" => Text::DiffFieldHorizon,
        "year" => Text::DiffFieldYear,
        "until" => Text::DiffFieldUntil,
        "parent" => Text::DiffFieldParent,
        "focus" => Text::DiffFieldFocus,
        "owner" => Text::DiffFieldOwner,
        "pain_points" => Text::DiffFieldPainPoints,
        "kpis" if scope == Scope::Part(Part::Goals) => Text::DiffFieldGoalKpis,
        "target" if scope == Scope::Part(Part::Maturity) => Text::DiffFieldTargetLevel,
        "current" => Text::DiffFieldCurrentLevel,
        "statement" => Text::DiffFieldStatement,
        "channel" => Text::DiffFieldChannel,
        "audience" => Text::DiffFieldAudience,
        "cadence" => Text::DiffFieldCadence,
        "start" => Text::DiffFieldStart,
        "end" => Text::DiffFieldEnd,
        "sponsor" => Text::DiffFieldSponsor,
        "goals" => Text::DiffFieldGoals,
        "competency" => Text::DiffFieldCompetency,
        "markup_percent" => Text::DiffFieldMarkupPercent,
        "organisation" => Text::DiffFieldOrganisation,
        "team" => Text::DiffFieldTeam,
        "currency" => Text::DiffFieldCurrency,
        "language" => Text::DiffFieldLanguage,
        "plan_year" => Text::DiffFieldPlanYear,
        "as_of" => Text::DiffFieldAsOf,
        "budget_cap" => Text::DiffFieldBudgetCap,
        "day_rate" => Text::DiffFieldDayRate,
        "rate" => Text::DiffFieldRate,
        "name" => Text::DiffFieldName,
        "role" => Text::DiffFieldRole,
        "capacity_days" => Text::DiffFieldCapacityDays,
        "headcount" => Text::DiffFieldHeadcount,
        "cost_per_person" => Text::DiffFieldCostPerPerson,
        "funding" => Text::DiffFieldFunding,
        "needs" => Text::DiffFieldNeeds,
        "group" => Text::DiffFieldGroup,
        "unit" => Text::DiffFieldUnit,
        "direction" => Text::DiffFieldDirection,
        "baseline" => Text::DiffFieldBaseline,
        "target" => Text::DiffFieldTarget,
        "measurements" => Text::DiffFieldMeasurements,
        "baseline_date" => Text::DiffFieldBaselineDate,
        "target_date" => Text::DiffFieldTargetDate,
        "targets" => Text::DiffFieldTargets,
        "value_per_unit" => Text::DiffFieldValuePerUnit,
        "note" => Text::DiffFieldNote,
        "capacity_percent" => Text::DiffFieldCapacityPercent,
        "exclude" => Text::DiffFieldExclude,
        "include" => Text::DiffFieldInclude,
        "priorities" => Text::DiffFieldPriorities,
        "prices" => Text::DiffFieldPrices,
        _ => return None,
    })
}

/// A field's label in its scope.
fn scoped_field_text(scope: Scope, field: &str) -> Option<Text> {
    match scope {
        Scope::Initiatives => compared(field).and_then(field_text),
        Scope::Totals => None,
        Scope::Settings | Scope::Part(_) => entry_field_text(scope, field),
    }
}

/// A field's label for people; the key itself should one ever lack a label.
fn field_label(scope: Scope, field: &str, lang: Language) -> String {
    scoped_field_text(scope, field)
        .map_or_else(|| field.to_string(), |t| i18n::text(t, lang).to_string())
}

/// A value for people: money in the roadmap's currency (a quote's in its
/// own), decimals with the language's mark, a status or a competency by
/// the words the other reports use, the rest as written.
fn value_text(v: &Value, currency: &str, lang: Language) -> String {
    match v {
        Value::Money(m) => i18n::money(*m, currency, lang),
        Value::Decimal(d) => i18n::decimal(*d, lang),
        Value::Status(s) => i18n::status(*s, lang).to_string(),
        Value::Competency(c) => i18n::competency(*c, lang).to_string(),
        Value::Quotes(qs) => qs
            .iter()
            .map(|q| quote_text(q, currency, lang))
            .collect::<Vec<_>>()
            .join("; "),
        Value::Series(items) => items
            .iter()
            .map(|(d, x)| format!("{} = {}", d.format("%Y-%m-%d"), i18n::decimal(*x, lang)))
            .collect::<Vec<_>>()
            .join("; "),
        Value::Entries(entries) => {
            crate::diff::entries_joined(entries, |w| word_text(w, currency, lang))
        }
        Value::Text(_) | Value::Whole(_) | Value::Date(_) => v.plain(),
    }
}

/// One word of an entry for people: amounts, decimals and a check-in's
/// confidence in the language's way.
fn word_text(w: &Word, currency: &str, lang: Language) -> String {
    match w {
        Word::Money(m, c) => i18n::money(*m, c.as_deref().unwrap_or(currency), lang),
        Word::Decimal(d) => i18n::decimal(*d, lang),
        Word::Percent(d) => format!("{} %", i18n::decimal(*d, lang)),
        Word::Confidence(c) => i18n::confidence(*c, lang).to_string(),
        Word::Text(_) | Word::Date(_) | Word::Unknown => w.plain(),
    }
}

/// One quote: `VENDOR 40 000,00–60 000,00 zł`, in the quote's currency,
/// else the roadmap's.
fn quote_text(q: &QuoteValue, currency: &str, lang: Language) -> String {
    let currency = q.currency.as_deref().unwrap_or(currency);
    let money = |m| i18n::money(m, currency, lang);
    let range = match q.range {
        Some((lo, hi)) if lo == hi => money(lo),
        Some((lo, hi)) => format!("{}–{}", i18n::amount(lo, lang), money(hi)),
        None => "?".to_string(),
    };
    format!("{} {range}", q.vendor.as_deref().unwrap_or("?"))
}

/// One changed field of an entry; the id only on its first field.
struct FieldRow<'a> {
    id: Option<&'a str>,
    field: &'static str,
    change: &'a Change<Option<Value>>,
}

/// A table of changed fields (`ID`, field, old, new) under `title`; none
/// when nothing changed. Settings have no id column.
fn changes_section(
    scope: Scope,
    changed: &[(Option<&str>, &FieldChanges)],
    title: Text,
    currency: &str,
    lang: Language,
) -> Option<Section> {
    if changed.iter().all(|(_, f)| f.is_empty()) {
        return None;
    }
    let value = move |v: &Option<Value>, lang| match v {
        Some(v) => value_text(v, currency, lang),
        None => DASH.to_string(),
    };
    let mut columns = Columns::<FieldRow>::new();
    if scope != Scope::Settings {
        columns = columns.left(Text::Id, KEY, |r, _| r.id.unwrap_or_default().to_string());
    }
    let columns = columns
        .left(Text::Field, KEY, move |r, lang| {
            field_label(scope, r.field, lang)
        })
        .text(Text::Old, MAIN, move |r, lang| value(&r.change.old, lang))
        .text(Text::New, KEY, move |r, lang| value(&r.change.new, lang));
    let mut t = Table::new(columns, lang);
    for (id, fields) in changed {
        t.rows(
            fields
                .iter()
                .enumerate()
                .map(|(i, (field, change))| FieldRow {
                    id: if i == 0 { *id } else { None },
                    field,
                    change,
                }),
        );
    }
    Some(t.section(i18n::text(title, lang).to_string(), Vec::new()))
}

fn changed_section(d: &Diff, lang: Language) -> Option<Section> {
    let changed: Vec<(Option<&str>, &FieldChanges)> = d
        .changed
        .iter()
        .map(|c| (Some(c.id.as_str()), &c.fields))
        .collect();
    changes_section(
        Scope::Initiatives,
        &changed,
        Text::ChangedInitiatives,
        &d.currency,
        lang,
    )
}

/// Initiatives added or removed: id, title, owner, status, budget.
fn summaries_section(
    items: &[Summary],
    title: Text,
    currency: &str,
    lang: Language,
) -> Option<Section> {
    if items.is_empty() {
        return None;
    }
    let columns = Columns::<Summary>::new()
        .left(Text::Id, KEY, |s, _| s.id.clone())
        .text(Text::Title, MAIN, |s, _| {
            s.title.clone().unwrap_or_else(|| DASH.to_string())
        })
        .left(Text::Owner, DETAIL, |s, _| {
            s.owner.clone().unwrap_or_else(|| DASH.to_string())
        })
        .left(Text::Status, DETAIL, |s, lang| {
            s.status
                .map_or_else(|| DASH.to_string(), |x| i18n::status(x, lang).to_string())
        })
        .right(Text::Budget, KEY, move |s, lang| {
            s.budget
                .map_or_else(|| DASH.to_string(), |m| i18n::money(m, currency, lang))
        });
    let mut t = Table::new(columns, lang);
    t.rows(items);
    Some(t.section(i18n::text(title, lang).to_string(), Vec::new()))
}

/// A section's changes: added, removed, changed fields.
fn part_sections(part: Part, e: &Entries, currency: &str, lang: Language) -> Vec<Section> {
    let (added, removed, changed_title, _) = part_words(part);
    let changed: Vec<(Option<&str>, &FieldChanges)> = e
        .changed
        .iter()
        .map(|c| (Some(c.id.as_str()), &c.fields))
        .collect();
    [
        ids_section(&e.added, added, lang),
        ids_section(&e.removed, removed, lang),
        changes_section(Scope::Part(part), &changed, changed_title, currency, lang),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// One line of the money table: the CXM total, a competency or a quarter.
struct MoneyRow<'a> {
    label: String,
    money: &'a MoneyDelta,
}

fn money_section(d: &Diff, lang: Language) -> Section {
    let columns = Columns::<MoneyRow>::new()
        .text(Text::Blank, KEY, |r, _| r.label.clone())
        .right(Text::Old, DETAIL, |r, lang| i18n::amount(r.money.old, lang))
        .right(Text::New, MAIN, |r, lang| i18n::amount(r.money.new, lang))
        .right(Text::Change, KEY, |r, lang| signed(r.money.delta, lang));
    let mut t = Table::new(columns, lang);
    t.row(&MoneyRow {
        label: i18n::text(Text::CxmTotal, lang).to_string(),
        money: &d.totals.cxm,
    });
    t.rows(d.totals.by_competency.iter().map(|(c, m)| MoneyRow {
        label: i18n::competency(*c, lang).to_string(),
        money: m,
    }));
    t.rows(
        d.totals
            .by_quarter
            .iter()
            .enumerate()
            .map(|(q, m)| MoneyRow {
                label: i18n::text(QUARTERS[q], lang).to_string(),
                money: m,
            }),
    );
    let year = if d.plan_year.old == d.plan_year.new {
        d.plan_year.new.to_string()
    } else {
        format!("{} → {}", d.plan_year.old, d.plan_year.new)
    };
    let title = format!(
        "{} {year} ({})",
        i18n::text(Text::BudgetTitle, lang),
        i18n::currency_symbol(&d.currency, lang)
    );
    t.section(title, Vec::new())
}

/// The people-facing diff: what changed — initiatives, then the causes
/// (settings and each section) — then the money.
fn doc(d: &Diff, lang: Language) -> Doc {
    let t = |x| i18n::text(x, lang);
    let title = format!("{}: {} → {}", t(Text::RoadmapChanges), d.old, d.new);
    let mut lines = Vec::new();
    if d.nothing_changed() {
        lines.push(t(Text::NothingChanged).to_string());
    }
    let currency = d.currency.as_str();
    let mut sections: Vec<Section> = [
        summaries_section(&d.added, Text::AddedInitiatives, currency, lang),
        summaries_section(&d.removed, Text::RemovedInitiatives, currency, lang),
        changed_section(d, lang),
        changes_section(
            Scope::Settings,
            &[(None, &d.settings)],
            Text::ChangedSettings,
            currency,
            lang,
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    for (part, entries) in &d.parts {
        sections.extend(part_sections(*part, entries, currency, lang));
    }
    sections.push(money_section(d, lang));
    Doc {
        title,
        lines,
        sections,
    }
}

/// One line of the CSV.
enum Item<'a> {
    /// An entry added or removed; an initiative's row per what it is
    /// (`title`, `owner`, `status`, `budget`).
    Listed {
        added: bool,
        scope: Scope,
        id: &'a str,
        field: Option<(&'static str, Value)>,
    },
    /// A changed field; settings have no id.
    Changed {
        scope: Scope,
        id: Option<&'a str>,
        field: &'static str,
        change: &'a Change<Option<Value>>,
    },
    /// `id` is `cxm`, a competency's key or a quarter (`Q1`).
    Total { id: String, money: &'a MoneyDelta },
}

/// One row per change: `kind,id,field,old,new,delta,counts_in,section`.
/// Changed rows carry their values typed (money as money, a status or a
/// competency as an enumerated value), total rows money (never escaped as
/// formulas). `counts_in` (SPEC section 11) is `cxm` on the CXM total's row
/// and `none` on its breakdowns by competency and by quarter: they split
/// the same total, so a sum filtered to `cxm` is the CXM total (old, new,
/// delta) rather than three times it. Rows without money leave it empty.
/// `section` says where the row belongs: `initiatives`, `totals`,
/// `settings` (no id) or a section's JSON key (`team`, `kpis`…).
fn csv_columns<'a>() -> CsvColumns<'a, Item<'a>> {
    CsvColumns::<Item>::new()
        .col("kind", |i| match i {
            Item::Listed { added: true, .. } => Cell::word("added", "dodana"),
            Item::Listed { added: false, .. } => Cell::word("removed", "usunięta"),
            Item::Changed { .. } => Cell::word("changed", "zmieniona"),
            Item::Total { .. } => Cell::word("total", "suma"),
        })
        .col("id", |i| match i {
            Item::Listed { id, .. } | Item::Changed { id: Some(id), .. } => Cell::text(*id),
            Item::Changed { id: None, .. } => Cell::Empty,
            Item::Total { id, .. } => total_id(id),
        })
        .col("field", |i| match i {
            Item::Changed { scope, field, .. }
            | Item::Listed {
                scope,
                field: Some((field, _)),
                ..
            } => field_cell(*scope, field),
            Item::Total { .. } => Cell::word("cxm", "CXM"),
            Item::Listed { field: None, .. } => Cell::Empty,
        })
        .col("old", |i| match i {
            Item::Changed { change, .. } => value_cell(change.old.as_ref()),
            Item::Listed {
                added: false,
                field: Some((_, v)),
                ..
            } => value_cell(Some(v)),
            Item::Total { money, .. } => Cell::Money(money.old),
            Item::Listed { .. } => Cell::Empty,
        })
        .col("new", |i| match i {
            Item::Changed { change, .. } => value_cell(change.new.as_ref()),
            Item::Listed {
                added: true,
                field: Some((_, v)),
                ..
            } => value_cell(Some(v)),
            Item::Total { money, .. } => Cell::Money(money.new),
            Item::Listed { .. } => Cell::Empty,
        })
        .col("delta", |i| match i {
            Item::Total { money, .. } => Cell::Money(money.delta),
            Item::Listed { .. } | Item::Changed { .. } => Cell::Empty,
        })
        .col("counts_in", |i| match i {
            Item::Total { id, .. } if id == "cxm" => CountsIn::Cxm.cell(),
            Item::Total { .. } => CountsIn::None.cell(),
            Item::Listed { .. } | Item::Changed { .. } => Cell::Empty,
        })
        .col("section", |i| match i {
            Item::Listed { scope, .. } | Item::Changed { scope, .. } => scope.cell(),
            Item::Total { .. } => Scope::Totals.cell(),
        })
}

/// A changed field's cell: its key, in Polish `--excel` its Polish label
/// (the people tables' words); plain CSV keeps the key.
fn field_cell(scope: Scope, field: &'static str) -> Cell {
    match scoped_field_text(scope, field) {
        Some(t) => Cell::word(field, i18n::text(t, Language::Pl)),
        None => Cell::text(field),
    }
}

/// A value's cell, typed: a status or a competency as an enumerated value
/// (Polish `--excel`: `w toku`, `Pomiar`), money and decimals as numbers
/// (`--excel`: the decimal comma), dates as dates, the rest as text.
fn value_cell(v: Option<&Value>) -> Cell {
    match v {
        None => Cell::Empty,
        Some(Value::Status(s)) => Cell::status(*s),
        Some(Value::Competency(c)) => Cell::competency(*c),
        Some(Value::Money(m)) => Cell::Money(*m),
        Some(Value::Decimal(d)) => Cell::Decimal(*d),
        Some(Value::Whole(n)) => Cell::Int((*n).into()),
        Some(Value::Date(d)) => Cell::Date(*d),
        Some(v @ (Value::Text(_) | Value::Quotes(_) | Value::Series(_) | Value::Entries(_))) => {
            Cell::text(v.plain())
        }
    }
}

/// The id of a total's row: `cxm`, a competency or a quarter (`Q1`), worded
/// as enumerated values (Polish `--excel`: `CXM`, `Pomiar`, `I kw.`).
fn total_id(id: &str) -> Cell {
    if id == "cxm" {
        return Cell::word("cxm", "CXM");
    }
    if let Some(c) = crate::roadmap::Competency::parse(id) {
        return Cell::competency(c);
    }
    match id.strip_prefix('Q').and_then(|q| q.parse::<u8>().ok()) {
        Some(q) => Cell::quarters(&[q]),
        None => Cell::text(id),
    }
}

fn csv(d: &Diff, excel: Option<Language>) -> anyhow::Result<Vec<u8>> {
    csv_columns().write(rows(d), excel)
}

/// The diff's sheet: the CSV's lines, each total's `delta` a formula
/// `new − old` of its row.
pub(crate) fn xlsx_sheet(d: &Diff) -> xlsx::Sheet {
    let mut sheet = xlsx::Sheet::from_columns(Text::SheetDiff, &csv_columns(), rows(d));
    sheet.differences.push(xlsx::Difference {
        column: "delta",
        minuend: "new",
        subtrahend: "old",
    });
    sheet
}

/// An added or removed initiative's rows: one per what it is.
fn summary_rows(s: &Summary, added: bool) -> Vec<Item<'_>> {
    let fields = [
        ("title", s.title.clone().map(Value::Text)),
        ("owner", s.owner.clone().map(Value::Text)),
        ("status", s.status.map(Value::Status)),
        ("budget", s.budget.map(Value::Money)),
    ];
    let listed = |field| Item::Listed {
        added,
        scope: Scope::Initiatives,
        id: &s.id,
        field,
    };
    let rows: Vec<Item> = fields
        .into_iter()
        .filter_map(|(name, v)| v.map(|v| listed(Some((name, v)))))
        .collect();
    if rows.is_empty() {
        vec![listed(None)]
    } else {
        rows
    }
}

/// Each changed field of `changed` in `scope`.
fn changed_rows<'a>(scope: Scope, changed: &'a [Changed]) -> impl Iterator<Item = Item<'a>> {
    changed.iter().flat_map(move |c| {
        c.fields.iter().map(move |(field, change)| Item::Changed {
            scope,
            id: Some(&c.id),
            field,
            change,
        })
    })
}

/// The CSV's rows: initiatives added, removed and changed, the totals,
/// then the settings and each section.
fn rows<'a>(d: &'a Diff) -> impl Iterator<Item = Item<'a>> {
    let total = |id: String, money| Item::Total { id, money };
    let totals = std::iter::once(total("cxm".to_string(), &d.totals.cxm))
        .chain(
            d.totals
                .by_competency
                .iter()
                .map(move |(c, m)| total(c.as_str().to_string(), m)),
        )
        .chain(
            d.totals
                .by_quarter
                .iter()
                .enumerate()
                .map(move |(q, m)| total(format!("Q{}", q + 1), m)),
        );
    let settings = d.settings.iter().map(|(field, change)| Item::Changed {
        scope: Scope::Settings,
        id: None,
        field,
        change,
    });
    let parts = d.parts.iter().flat_map(|(part, e)| {
        let scope = Scope::Part(*part);
        let listed = move |added, id: &'a String| Item::Listed {
            added,
            scope,
            id,
            field: None,
        };
        e.added
            .iter()
            .map(move |id| listed(true, id))
            .chain(e.removed.iter().map(move |id| listed(false, id)))
            .chain(changed_rows(scope, &e.changed))
    });
    d.added
        .iter()
        .flat_map(|s| summary_rows(s, true))
        .chain(d.removed.iter().flat_map(|s| summary_rows(s, false)))
        .chain(changed_rows(Scope::Initiatives, &d.changed))
        .chain(totals)
        .chain(settings)
        .chain(parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Decimal;
    use crate::roadmap::fields::{
        CommunicationKey, DepartmentKey, GoalKey, Key, KpiKey, LevelKey, MemberKey, RoadmapKey,
        ScenarioKey, TrainingKey, VisionKey,
    };
    use crate::roadmap::{Competency, Status};

    #[test]
    fn every_compared_field_has_a_label_in_both_languages() {
        for &c in DIFF {
            let t = field_text(c).unwrap_or_else(|| panic!("{} has no label", c.label()));
            assert_eq!(i18n::text(t, Language::En), c.label());
            assert!(!i18n::text(t, Language::Pl).is_empty());
            assert_ne!(i18n::text(t, Language::Pl), c.label(), "{}", c.label());
        }
    }

    /// Every key of `[roadmap]` and of each section's tables has a label:
    /// the key in English, words in Polish.
    #[test]
    fn every_key_of_every_section_has_a_label_in_both_languages() {
        fn names<K: Key>() -> Vec<&'static str> {
            K::ALL
                .iter()
                .map(|k| k.name())
                .filter(|&n| n != "id")
                .collect()
        }
        let scopes: Vec<(Scope, Vec<&str>)> = vec![
            (Scope::Settings, names::<RoadmapKey>()),
            (Scope::Part(Part::Fx), vec!["rate"]),
            (Scope::Part(Part::Team), names::<MemberKey>()),
            (Scope::Part(Part::Departments), names::<DepartmentKey>()),
            (Scope::Part(Part::Maturity), names::<LevelKey>()),
            (Scope::Part(Part::Vision), names::<VisionKey>()),
            (Scope::Part(Part::Training), names::<TrainingKey>()),
            (Scope::Part(Part::Kpis), names::<KpiKey>()),
            (Scope::Part(Part::Goals), names::<GoalKey>()),
            (
                Scope::Part(Part::Communications),
                names::<CommunicationKey>(),
            ),
            (Scope::Part(Part::Scenarios), names::<ScenarioKey>()),
        ];
        for (scope, keys) in scopes {
            for key in keys {
                let t = scoped_field_text(scope, key).unwrap_or_else(|| panic!("{key}: no label"));
                assert_eq!(i18n::text(t, Language::En), key);
                assert_ne!(i18n::text(t, Language::Pl), key);
            }
        }
    }

    /// Changed rows of `status`, `plan_year_budget` and `priority` as each
    /// CSV variant writes them.
    fn changed_csv(excel: Option<Language>) -> String {
        let change = |old: Value, new: Value| Change {
            old: Some(old),
            new: Some(new),
        };
        let status = change(
            Value::Status(Status::InProgress),
            Value::Status(Status::OnHold),
        );
        let budget = change(Value::Money(Money(1_243_209)), Value::Money(Money(100_050)));
        let priority = change(Value::Whole(3), Value::Whole(1));
        let rows = [
            ("status", &status),
            ("plan_year_budget", &budget),
            ("priority", &priority),
        ]
        .map(|(field, change)| Item::Changed {
            scope: Scope::Initiatives,
            id: Some("x"),
            field,
            change,
        });
        let bytes = csv_columns().write(rows, excel).expect("CSV");
        String::from_utf8(bytes).expect("UTF-8")
    }

    #[test]
    fn polish_excel_names_changed_fields_in_polish_and_plain_csv_keeps_keys() {
        assert_eq!(
            changed_csv(None),
            "kind,id,field,old,new,delta,counts_in,section\r\n\
             changed,x,status,in-progress,on-hold,,,initiatives\r\n\
             changed,x,plan_year_budget,12432.09,1000.50,,,initiatives\r\n\
             changed,x,priority,3,1,,,initiatives\r\n"
        );
        let pl = changed_csv(Some(Language::Pl));
        assert!(
            pl.ends_with(
                "zmieniona;x;Status;w toku;wstrzymana;;;inicjatywy\r\n\
                 zmieniona;x;Budżet w roku planu;12432,09;1000,50;;;inicjatywy\r\n\
                 zmieniona;x;Priorytet;3;1;;;inicjatywy\r\n"
            ),
            "{pl}"
        );
        let en = changed_csv(Some(Language::En));
        assert!(en.contains(";plan_year_budget;12432,09;"), "{en}");
    }

    #[test]
    fn values_show_the_languages_way() {
        let pl = |v: Value| value_text(&v, "PLN", Language::Pl);
        assert_eq!(pl(Value::Money(Money(8_437_500))), "84\u{a0}375,00\u{a0}zł");
        assert_eq!(pl(Value::Whole(3)), "3");
        assert_eq!(pl(Value::Status(Status::OnHold)), "wstrzymana");
        assert_eq!(
            pl(Value::Competency(Competency::Culture)),
            "Budowanie kultury i postaw proklienckich"
        );
        assert_eq!(pl(Value::Decimal(Decimal(12_500_000))), "12,5");
        let quote = |vendor: &str, lo, hi, currency: Option<&str>| QuoteValue {
            vendor: Some(vendor.to_string()),
            range: Some((Money(lo), Money(hi))),
            currency: currency.map(str::to_string),
        };
        let quotes = Value::Quotes(vec![
            quote("Big Co", 100_000, 200_050, None),
            quote("W", 30_000, 30_000, Some("EUR")),
            QuoteValue {
                vendor: Some("X".into()),
                range: None,
                currency: None,
            },
        ]);
        assert_eq!(
            value_text(&quotes, "PLN", Language::En),
            "Big Co 1,000.00–2,000.50 PLN; W 300.00 EUR; X ?"
        );
        assert_eq!(quotes.plain(), "Big Co 1000.00–2000.50; W 300.00 EUR; X ?");
    }
}
