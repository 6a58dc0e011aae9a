//! `cxm diff` as a table, Markdown (for a pull-request comment), CSV and JSON.

use super::columns::{Columns, CsvColumns, DETAIL, KEY, MAIN, Table};
use super::csv::{Cell, CountsIn};
use super::sections::{self, Doc, Section};
use super::{Format, RenderOptions};
use crate::diff::{Change, Diff, MoneyDelta};
use crate::i18n::{self, Text};
use crate::money::Money;
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
            Ok(out.write_all(&sections::table(&doc(d, opts.lang), opts.color).into_bytes())?)
        }
        Format::Markdown => {
            Ok(out.write_all(&sections::markdown(&doc(d, opts.lang)).into_bytes())?)
        }
    }
}

const DASH: &str = "—";

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
    let value = |v: &Option<String>| v.clone().unwrap_or_else(|| DASH.to_string());
    let columns = Columns::<FieldRow>::new()
        .left(Text::Id, KEY, |r, _| r.id.unwrap_or_default().to_string())
        .left(Text::Field, KEY, |r, _| r.field.to_string())
        .left(Text::Old, MAIN, move |r, _| value(&r.change.old))
        .left(Text::New, KEY, move |r, _| value(&r.change.new));
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
        .left(Text::Blank, KEY, |r, _| r.label.clone())
        .right(Text::Old, DETAIL, |r, lang| i18n::amount(r.money.old, lang))
        .right(Text::New, MAIN, |r, lang| i18n::amount(r.money.new, lang))
        .right(Text::Change, KEY, |r, lang| signed(r.money.delta, lang));
    let mut t = Table::new(columns, lang);
    t.row(&MoneyRow {
        label: i18n::text(Text::DiffCxmTotal, lang).to_string(),
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
                label: format!("Q{}", q + 1),
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
