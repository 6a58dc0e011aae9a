//! `cxm diff` as a table, Markdown (for a pull-request comment), CSV and JSON.
//!
//! The people tables (table, Markdown) speak the report's language: each
//! compared field of [`DIFF`] has a [`Text`] label ([`field_text`], an
//! exhaustive match, so a new key cannot go unlabelled: a new
//! `InitiativeKey` does not compile, and `tests` check every entry of
//! [`DIFF`] has one). English labels are the TOML keys, as before: they are
//! what a person looks up and edits in the file. Money fields (`cost`,
//! `budget`, `plan_year_budget`, and the amounts of `quotes`, in the quote's
//! currency) show as the other reports write money
//! ([`i18n::money`]), decimals (`effort_days`, `markup_percent`) with the
//! language's decimal mark, `status` and `competency` by the words the other
//! reports use for them; other values as the file has them. Quarters and
//! the CXM total use the same labels as the budget report. CSV and JSON keep
//! the keys and plain numbers.

use super::columns::{Columns, CsvColumns, DETAIL, KEY, MAIN, Table};
use super::csv::{Cell, CountsIn};
use super::sections::{self, Doc, Section};
use super::{Format, RenderOptions};
use crate::diff::{Change, Diff, MoneyDelta};
use crate::i18n::{self, Text};
use crate::money::Decimal;
use crate::money::Money;
use crate::roadmap::fields::{Compared, DIFF, InitiativeKey};
use crate::roadmap::{Choice, Competency, Language, Status};

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
            K::Id | K::Benefit | K::Actual | K::Spend | K::Expected => return None,
        },
    })
}

/// The compared field `diff` names `field` (its [`Compared::label`]).
fn compared(field: &str) -> Option<Compared> {
    DIFF.iter().copied().find(|c| c.label() == field)
}

/// A field's label for people; the key itself should one ever lack a label.
fn field_label(field: &str, lang: Language) -> String {
    compared(field)
        .and_then(field_text)
        .map_or_else(|| field.to_string(), |t| i18n::text(t, lang).to_string())
}

/// A plain amount (`84375.00`, as `diff` reads money) as money.
fn plain_money(v: &str) -> Option<Money> {
    let (_, cents) = v.split_once('.')?;
    if cents.len() != 2 {
        return None;
    }
    let d = Decimal::parse(v).ok()?;
    let per_minor = Decimal::SCALE / crate::money::MINOR_PER_MAJOR;
    (d.0 % per_minor == 0).then(|| Money(d.0 / per_minor))
}

/// A field's value for people: money and decimals the language's way, the
/// rest as written; whatever does not read as its kind stays as written.
fn field_value(field: &str, v: &str, currency: &str, lang: Language) -> String {
    use InitiativeKey as K;
    let shown = match compared(field) {
        Some(Compared::Budget | Compared::PlanYearBudget | Compared::Key(K::Cost)) => {
            plain_money(v).map(|m| i18n::money(m, currency, lang))
        }
        Some(Compared::Key(K::Status)) => Status::parse(v).map(|x| i18n::status(x, lang).into()),
        Some(Compared::Key(K::Competency)) => {
            Competency::parse(v).map(|x| i18n::competency(x, lang).into())
        }
        Some(Compared::Key(K::Quotes)) => Some(
            v.split("; ")
                .map(|q| quote_value(q, currency, lang))
                .collect::<Vec<_>>()
                .join("; "),
        ),
        Some(Compared::Key(K::EffortDays | K::MarkupPercent)) => {
            Decimal::parse(v).ok().map(|d| i18n::decimal(d, lang))
        }
        _ => None,
    };
    shown.unwrap_or_else(|| v.to_string())
}

/// One quote as `diff` reads it, `VENDOR RANGE [CURRENCY]` (the range
/// `84375.00` or `40000.00–60000.00`), with its amounts as money in the
/// quote's currency, else the roadmap's; as written when it does not read so.
fn quote_value(q: &str, currency: &str, lang: Language) -> String {
    let shown = || {
        let (head, last) = q.rsplit_once(' ')?;
        let (vendor, range, currency) = match range_money(last) {
            Some(range) => (head, range, currency),
            None => {
                let (vendor, range) = head.rsplit_once(' ')?;
                (vendor, range_money(range)?, last)
            }
        };
        let money = |m| i18n::money(m, currency, lang);
        let range = match range {
            (lo, Some(hi)) => format!("{}–{}", i18n::amount(lo, lang), money(hi)),
            (lo, None) => money(lo),
        };
        Some(format!("{vendor} {range}"))
    };
    shown().unwrap_or_else(|| q.to_string())
}

/// `84375.00` or `40000.00–60000.00` as money.
fn range_money(range: &str) -> Option<(Money, Option<Money>)> {
    match range.split_once('–') {
        Some((lo, hi)) => Some((plain_money(lo)?, Some(plain_money(hi)?))),
        None => Some((plain_money(range)?, None)),
    }
}

/// One changed field of an initiative; the id only on its first field.
struct FieldRow<'a> {
    id: Option<&'a str>,
    field: &'static str,
    change: &'a Change<Option<String>>,
}

fn changed_section(d: &Diff, lang: Language) -> Option<Section> {
    if d.changed.is_empty() {
        return None;
    }
    let currency = d.currency.as_str();
    let value = move |field: &str, v: &Option<String>, lang| match v {
        Some(v) => field_value(field, v, currency, lang),
        None => DASH.to_string(),
    };
    let columns = Columns::<FieldRow>::new()
        .left(Text::Id, KEY, |r, _| r.id.unwrap_or_default().to_string())
        .left(Text::Field, KEY, |r, lang| field_label(r.field, lang))
        .text(Text::Old, MAIN, move |r, lang| {
            value(r.field, &r.change.old, lang)
        })
        .text(Text::New, KEY, move |r, lang| {
            value(r.field, &r.change.new, lang)
        });
    let mut t = Table::new(columns, lang);
    for c in &d.changed {
        t.rows(
            c.fields
                .iter()
                .enumerate()
                .map(|(i, (field, change))| FieldRow {
                    id: (i == 0).then_some(c.id.as_str()),
                    field,
                    change,
                }),
        );
    }
    Some(t.section(
        i18n::text(Text::ChangedInitiatives, lang).to_string(),
        Vec::new(),
    ))
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

/// The people-facing diff: what changed, then the money.
fn doc(d: &Diff, lang: Language) -> Doc {
    let t = |x| i18n::text(x, lang);
    let title = format!("{}: {} → {}", t(Text::RoadmapChanges), d.old, d.new);
    let mut lines = Vec::new();
    if d.added.is_empty() && d.removed.is_empty() && d.changed.is_empty() {
        lines.push(t(Text::NothingChanged).to_string());
    }
    let mut sections: Vec<Section> = [
        ids_section(&d.added, Text::AddedInitiatives, lang),
        ids_section(&d.removed, Text::RemovedInitiatives, lang),
        changed_section(d, lang),
    ]
    .into_iter()
    .flatten()
    .collect();
    sections.push(money_section(d, lang));
    Doc {
        title,
        lines,
        sections,
    }
}

/// One line of the CSV.
enum Item<'a> {
    Added(&'a str),
    Removed(&'a str),
    Changed {
        id: &'a str,
        field: &'static str,
        change: &'a Change<Option<String>>,
    },
    /// `id` is `cxm`, a competency's key or a quarter (`Q1`).
    Total {
        id: String,
        money: &'a MoneyDelta,
    },
}

/// One row per change: `kind,id,field,old,new,delta,counts_in`. Initiative
/// rows carry text; total rows carry money (never escaped as formulas).
/// `counts_in` (SPEC section 11) is `cxm` on the CXM total's row and `none`
/// on its breakdowns by competency and by quarter: they split the same
/// total, so a sum filtered to `cxm` is the CXM total (old, new, delta)
/// rather than three times it. Rows without money leave it empty.
fn csv_columns<'a>() -> CsvColumns<'a, Item<'a>> {
    CsvColumns::<Item>::new()
        .col("kind", |i| match i {
            Item::Added(_) => Cell::word("added", "dodana"),
            Item::Removed(_) => Cell::word("removed", "usunięta"),
            Item::Changed { .. } => Cell::word("changed", "zmieniona"),
            Item::Total { .. } => Cell::word("total", "suma"),
        })
        .col("id", |i| match i {
            Item::Added(id) | Item::Removed(id) | Item::Changed { id, .. } => Cell::text(*id),
            Item::Total { id, .. } => total_id(id),
        })
        .col("field", |i| match i {
            Item::Changed { field, .. } => Cell::text(*field),
            Item::Total { .. } => Cell::word("cxm", "CXM"),
            Item::Added(_) | Item::Removed(_) => Cell::Empty,
        })
        .col("old", |i| match i {
            Item::Changed { change, .. } => Cell::opt_text(change.old.as_deref()),
            Item::Total { money, .. } => Cell::Money(money.old),
            Item::Added(_) | Item::Removed(_) => Cell::Empty,
        })
        .col("new", |i| match i {
            Item::Changed { change, .. } => Cell::opt_text(change.new.as_deref()),
            Item::Total { money, .. } => Cell::Money(money.new),
            Item::Added(_) | Item::Removed(_) => Cell::Empty,
        })
        .col("delta", |i| match i {
            Item::Total { money, .. } => Cell::Money(money.delta),
            Item::Added(_) | Item::Removed(_) | Item::Changed { .. } => Cell::Empty,
        })
        .col("counts_in", |i| match i {
            Item::Total { id, .. } if id == "cxm" => CountsIn::Cxm.cell(),
            Item::Total { .. } => CountsIn::None.cell(),
            Item::Added(_) | Item::Removed(_) | Item::Changed { .. } => Cell::Empty,
        })
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
    let changed = d.changed.iter().flat_map(|c| {
        c.fields.iter().map(|(field, change)| Item::Changed {
            id: &c.id,
            field,
            change,
        })
    });
    let total = |id: String, money| Item::Total { id, money };
    let totals = std::iter::once(total("cxm".to_string(), &d.totals.cxm))
        .chain(
            d.totals
                .by_competency
                .iter()
                .map(|(c, m)| total(c.as_str().to_string(), m)),
        )
        .chain(
            d.totals
                .by_quarter
                .iter()
                .enumerate()
                .map(|(q, m)| total(format!("Q{}", q + 1), m)),
        );
    let rows = d
        .added
        .iter()
        .map(|id| Item::Added(id))
        .chain(d.removed.iter().map(|id| Item::Removed(id)))
        .chain(changed)
        .chain(totals);
    csv_columns().write(rows, excel)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_compared_field_has_a_label_in_both_languages() {
        for &c in DIFF {
            let t = field_text(c).unwrap_or_else(|| panic!("{} has no label", c.label()));
            assert_eq!(i18n::text(t, Language::En), c.label());
            assert!(!i18n::text(t, Language::Pl).is_empty());
            assert_ne!(i18n::text(t, Language::Pl), c.label(), "{}", c.label());
        }
    }

    #[test]
    fn money_fields_read_back_exactly() {
        assert_eq!(plain_money("84375.00"), Some(Money(8_437_500)));
        assert_eq!(plain_money("-0.05"), Some(Money(-5)));
        assert_eq!(plain_money("1.005"), None);
        assert_eq!(plain_money("2024"), None);
        assert_eq!(
            field_value("budget", "84375.00", "PLN", Language::Pl),
            "84\u{a0}375,00\u{a0}zł"
        );
        assert_eq!(field_value("priority", "3", "PLN", Language::Pl), "3");
        assert_eq!(
            field_value("status", "on-hold", "PLN", Language::Pl),
            "wstrzymana"
        );
        assert_eq!(
            field_value("competency", "culture", "PLN", Language::Pl),
            "Budowanie kultury i postaw proklienckich"
        );
        assert_eq!(
            field_value(
                "quotes",
                "Big Co 1000.00–2000.50; W 300.00 EUR; X ?; Y 2024",
                "PLN",
                Language::En
            ),
            "Big Co 1,000.00–2,000.50 PLN; W 300.00 EUR; X ?; Y 2024"
        );
        assert_eq!(
            field_value("effort_days", "12.5", "PLN", Language::Pl),
            "12,5"
        );
    }
}
