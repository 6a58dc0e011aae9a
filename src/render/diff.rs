//! `cxm diff` as a table, Markdown (for a pull-request comment), CSV and JSON.

use super::csv::{Cell, CsvWriter};
use super::sections::{self, Doc, Row, Section};
use super::{Format, RenderOptions};
use crate::diff::{Diff, MoneyDelta};
use crate::i18n;
use crate::money::Money;
use crate::roadmap::Language;

pub fn render(d: &Diff, opts: &RenderOptions) -> anyhow::Result<Vec<u8>> {
    match opts.format {
        Format::Json => super::json(d),
        Format::Csv => csv(d, opts.excel),
        Format::Table => Ok(sections::table(&doc(d, opts.lang), opts.color).into_bytes()),
        Format::Markdown => Ok(sections::markdown(&doc(d, opts.lang)).into_bytes()),
    }
}

fn tr(lang: Language, en: &'static str, pl: &'static str) -> &'static str {
    match lang {
        Language::En => en,
        Language::Pl => pl,
    }
}

/// A signed amount for people: `+1,250.00`, `-300.00`, `0.00`.
fn signed(m: Money, lang: Language) -> String {
    let a = i18n::amount(m, lang);
    if m.0 > 0 { format!("+{a}") } else { a }
}

fn sections(d: &Diff, lang: Language) -> Vec<Section> {
    let none = "—".to_string();
    let mut out = Vec::new();
    // Added and removed initiatives: a list of ids each, when there are any.
    for (ids, en, pl) in [
        (&d.added, "Added initiatives", "Dodane inicjatywy"),
        (&d.removed, "Removed initiatives", "Usunięte inicjatywy"),
    ] {
        if !ids.is_empty() {
            out.push(Section {
                title: tr(lang, en, pl).into(),
                header: vec!["ID".into()],
                right: Vec::new(),
                rows: ids.iter().map(|id| cells(vec![id.clone()])).collect(),
                notes: Vec::new(),
            });
        }
    }
    if !d.changed.is_empty() {
        let mut rows = Vec::new();
        for c in &d.changed {
            for (i, (field, ch)) in c.fields.iter().enumerate() {
                rows.push(cells(vec![
                    if i == 0 { c.id.clone() } else { String::new() },
                    (*field).to_string(),
                    ch.old.clone().unwrap_or_else(|| none.clone()),
                    ch.new.clone().unwrap_or_else(|| none.clone()),
                ]));
            }
        }
        out.push(Section {
            title: tr(lang, "Changed initiatives", "Zmienione inicjatywy").into(),
            header: vec![
                "ID".into(),
                tr(lang, "Field", "Pole").into(),
                tr(lang, "Old", "Było").into(),
                tr(lang, "New", "Jest").into(),
            ],
            right: Vec::new(),
            rows,
            notes: Vec::new(),
        });
    }
    let money_row = |label: String, m: &MoneyDelta| {
        cells(vec![
            label,
            i18n::amount(m.old, lang),
            i18n::amount(m.new, lang),
            signed(m.delta, lang),
        ])
    };
    let mut rows = vec![money_row(
        tr(lang, "CXM total", "Razem CXM").into(),
        &d.totals.cxm,
    )];
    for (c, m) in &d.totals.by_competency {
        rows.push(money_row(i18n::competency(*c, lang).into(), m));
    }
    for (q, m) in d.totals.by_quarter.iter().enumerate() {
        rows.push(money_row(format!("Q{}", q + 1), m));
    }
    let year = if d.plan_year.old == d.plan_year.new {
        d.plan_year.new.to_string()
    } else {
        format!("{} → {}", d.plan_year.old, d.plan_year.new)
    };
    out.push(Section {
        title: format!(
            "{} {year} ({})",
            tr(lang, "CXM budget", "Budżet CXM"),
            i18n::currency_symbol(&d.currency, lang)
        ),
        header: vec![
            String::new(),
            tr(lang, "Old", "Było").into(),
            tr(lang, "New", "Jest").into(),
            tr(lang, "Change", "Zmiana").into(),
        ],
        right: vec![1, 2, 3],
        rows,
        notes: Vec::new(),
    });
    out
}

fn cells(c: Vec<String>) -> Row {
    Row::Cells(c, false)
}

/// The people-facing diff: what changed, then the money.
fn doc(d: &Diff, lang: Language) -> Doc {
    let title = format!(
        "{}: {} → {}",
        tr(lang, "Roadmap changes", "Zmiany w roadmapie"),
        d.old,
        d.new
    );
    let mut lines = Vec::new();
    if d.added.is_empty() && d.removed.is_empty() && d.changed.is_empty() {
        lines.push(
            tr(
                lang,
                "No initiative was added, removed or changed.",
                "Żadna inicjatywa nie została dodana, usunięta ani zmieniona.",
            )
            .to_string(),
        );
    }
    Doc {
        title,
        lines,
        sections: sections(d, lang),
    }
}

/// One row per change: `kind,id,field,old,new,delta`. Initiative rows carry
/// text; total rows carry money (never escaped as formulas).
fn csv(d: &Diff, excel: bool) -> anyhow::Result<Vec<u8>> {
    let mut w = CsvWriter::new(excel);
    w.header(&["kind", "id", "field", "old", "new", "delta"])?;
    for id in &d.added {
        w.row(&[
            Cell::text("added"),
            Cell::text(id),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
        ])?;
    }
    for id in &d.removed {
        w.row(&[
            Cell::text("removed"),
            Cell::text(id),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
        ])?;
    }
    for c in &d.changed {
        for (field, ch) in &c.fields {
            w.row(&[
                Cell::text("changed"),
                Cell::text(&c.id),
                Cell::text(*field),
                Cell::opt_text(ch.old.as_deref()),
                Cell::opt_text(ch.new.as_deref()),
                Cell::Empty,
            ])?;
        }
    }
    let total = |w: &mut CsvWriter, id: &str, m: &MoneyDelta| {
        w.row(&[
            Cell::text("total"),
            Cell::text(id),
            Cell::text("cxm"),
            Cell::Money(m.old),
            Cell::Money(m.new),
            Cell::Money(m.delta),
        ])
    };
    total(&mut w, "cxm", &d.totals.cxm)?;
    for (c, m) in &d.totals.by_competency {
        total(&mut w, crate::roadmap::Choice::as_str(*c), m)?;
    }
    for (q, m) in d.totals.by_quarter.iter().enumerate() {
        total(&mut w, &format!("Q{}", q + 1), m)?;
    }
    w.finish()
}
