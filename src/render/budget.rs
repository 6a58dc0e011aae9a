//! The budget report (`cxm budget`) in every format. It only lays out what
//! [`crate::budget::Budget`] holds: every subtotal and total comes from the
//! model, none is computed here.

use super::csv::{Cell, CsvWriter};
use super::sections::{self, Doc, Row};
use super::{Format, RenderOptions};
use crate::budget::{Budget, Figures, Header, InitiativeLine, Sums};
use crate::i18n::{self, Text};
use crate::money::Money;
use crate::roadmap::{Area, Choice, Funding, Language};

pub fn render(b: &Budget, opts: &RenderOptions) -> anyhow::Result<Vec<u8>> {
    match opts.format {
        Format::Json => super::json(b),
        Format::Csv => csv(b, opts.excel),
        Format::Table => Ok(table(b, opts).into_bytes()),
        Format::Markdown => Ok(markdown(b, opts.lang).into_bytes()),
    }
}

/// The CSV header: fixed English keys, one column per figure of any line.
pub const CSV_HEADER: [&str; 29] = [
    "kind",
    "id",
    "title",
    "competency",
    "area",
    "department",
    "status",
    "funding",
    "quotes",
    "low",
    "mid",
    "high",
    "markup_percent",
    "estimate",
    "estimate_low",
    "estimate_high",
    "cost",
    "budget",
    "before",
    "q1",
    "q2",
    "q3",
    "q4",
    "after",
    "plan_year_budget",
    "people",
    "cost_per_person",
    "effort_days",
    "internal_cost",
];

fn figure_cells(f: &Figures) -> Vec<Cell> {
    vec![
        Cell::Int(i128::try_from(f.quotes).unwrap_or(i128::MAX)),
        Cell::opt_money(f.low),
        Cell::opt_money(f.mid),
        Cell::opt_money(f.high),
        Cell::Decimal(f.markup_percent),
        Cell::opt_money(f.estimate),
        Cell::opt_money(f.estimate_low),
        Cell::opt_money(f.estimate_high),
        Cell::opt_money(f.cost),
        Cell::Money(f.budget),
    ]
}

fn header_cells(kind: &str, h: &Header) -> Vec<Cell> {
    vec![
        Cell::text(kind),
        Cell::text(&h.id),
        Cell::opt_text(h.title.as_deref()),
        Cell::text(h.competency.as_str()),
        Cell::text(h.area.as_str()),
        Cell::opt_text(h.department.as_deref()),
        Cell::text(h.status.as_str()),
        Cell::Empty,
    ]
}

fn csv(b: &Budget, excel: bool) -> anyhow::Result<Vec<u8>> {
    let mut w = CsvWriter::new(excel);
    w.header(&CSV_HEADER)?;
    for l in &b.initiatives {
        let mut cells = header_cells("initiative", &l.header);
        cells.extend(figure_cells(&l.figures));
        cells.push(Cell::Money(l.before));
        cells.extend(l.quarters.iter().map(|q| Cell::Money(*q)));
        cells.push(Cell::Money(l.after));
        cells.push(Cell::Money(l.plan_year_budget));
        cells.push(Cell::Empty);
        cells.push(Cell::Empty);
        cells.push(Cell::opt_decimal(l.header.effort_days));
        cells.push(Cell::opt_money(l.header.internal_cost));
        w.row(&cells)?;
    }
    for t in &b.training {
        let mut cells = vec![
            Cell::text("training"),
            Cell::text(&t.id),
            Cell::opt_text(t.title.as_deref()),
            Cell::text(t.competency.as_str()),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::text(t.funding.as_str()),
        ];
        // quotes … estimate_high do not apply; cost and budget are the training's cost.
        cells.extend(std::iter::repeat_n(Cell::Empty, 8));
        cells.push(Cell::Money(t.cost));
        cells.push(Cell::Money(t.cost));
        cells.push(Cell::Empty);
        match t.quarters {
            Some(q) => cells.extend(q.iter().map(|m| Cell::Money(*m))),
            None => cells.extend(std::iter::repeat_n(Cell::Empty, 4)),
        }
        cells.push(Cell::Empty);
        cells.push(Cell::Money(t.cost));
        cells.push(Cell::Int(i128::from(t.people)));
        cells.push(Cell::Money(t.cost_per_person));
        cells.push(Cell::Empty);
        cells.push(Cell::Empty);
        w.row(&cells)?;
    }
    for l in &b.backlog {
        let mut cells = header_cells("backlog", &l.header);
        cells.extend(figure_cells(&l.figures));
        cells.extend(std::iter::repeat_n(Cell::Empty, 9));
        cells.push(Cell::opt_decimal(l.header.effort_days));
        cells.push(Cell::opt_money(l.header.internal_cost));
        w.row(&cells)?;
    }
    w.finish()
}

/// One titled table of the people-facing report; rows flagged `true` are
/// subtotals (bold when colour is on).
struct Section {
    title: String,
    header: Vec<String>,
    right_from: usize,
    rows: Vec<(Vec<String>, bool)>,
}

const DASH: &str = "—";

fn amount(m: Money, lang: Language) -> String {
    i18n::amount(m, lang)
}

fn opt_amount(m: Option<Money>, lang: Language) -> String {
    m.map_or_else(|| DASH.to_string(), |m| amount(m, lang))
}

fn quarter_headers(lang: Language) -> [String; 4] {
    [Text::Q1, Text::Q2, Text::Q3, Text::Q4].map(|t| i18n::text(t, lang).to_string())
}

fn quarter_cells(q: &[Money; 4], lang: Language) -> Vec<String> {
    q.iter().map(|m| amount(*m, lang)).collect()
}

/// The lines above the tables: what the figures are.
fn intro(b: &Budget, lang: Language) -> (String, Vec<String>) {
    let t = |x| i18n::text(x, lang);
    let title = format!("{} {}", t(Text::BudgetTitle), b.plan_year);
    let mut lines = vec![
        format!("{}: {}", t(Text::PlanYear), b.plan_year),
        format!("{}: {}", t(Text::Currency), b.currency),
        format!(
            "{}: {}",
            t(Text::MarkupUsed),
            i18n::percent(b.markup_percent, lang)
        ),
    ];
    lines.push(format!("{}: {}", t(Text::AsOf), b.as_of.format("%Y-%m-%d")));
    if let Some(c) = b.budget_cap {
        lines.push(format!(
            "{}: {}",
            t(Text::BudgetCap),
            i18n::money(c, &b.currency, lang)
        ));
    }
    if let Some(r) = b.day_rate {
        lines.push(format!(
            "{}: {}",
            t(Text::DayRate),
            i18n::money(r, &b.currency, lang)
        ));
    }
    lines.push(format!(
        "{}: {}",
        t(Text::CxmTotal),
        i18n::money(b.totals.cxm, &b.currency, lang)
    ));
    if let Some(i) = b.totals.internal_time {
        lines.push(format!(
            "{}: {}",
            t(Text::InternalTime),
            i18n::money(i, &b.currency, lang)
        ));
    }
    (title, lines)
}

fn sums_row(
    label: String,
    s: &Sums,
    lang: Language,
    width: usize,
    with_internal: bool,
) -> Vec<String> {
    // Label, then blanks up to the budget column, then budget, plan year, quarters.
    let mut r = vec![label];
    r.resize(width, String::new());
    r.push(amount(s.budget, lang));
    r.push(amount(s.plan_year_budget, lang));
    r.extend(quarter_cells(&s.quarters, lang));
    if with_internal {
        r.push(String::new());
    }
    r
}

fn initiative_row(l: &InitiativeLine, lang: Language, with_internal: bool) -> Vec<String> {
    let f = &l.figures;
    let mut r = vec![
        l.header.id.clone(),
        f.quotes.to_string(),
        opt_amount(f.low, lang),
        opt_amount(f.mid, lang),
        opt_amount(f.high, lang),
        i18n::percent(f.markup_percent, lang),
        opt_amount(f.estimate, lang),
        opt_amount(f.cost, lang),
        amount(f.budget, lang),
        amount(l.plan_year_budget, lang),
    ];
    r.extend(quarter_cells(&l.quarters, lang));
    if with_internal {
        r.push(opt_amount(l.header.internal_cost, lang));
    }
    r
}

fn sections(b: &Budget, lang: Language) -> Vec<Section> {
    let t = |x| i18n::text(x, lang).to_string();
    let with_internal = b.day_rate.is_some();
    let mut out = Vec::new();

    // CXM initiatives by competency.
    let mut header = vec![
        t(Text::Id),
        t(Text::Quotes),
        t(Text::Low),
        t(Text::Mid),
        t(Text::High),
        t(Text::Markup),
        t(Text::Estimate),
        t(Text::Cost),
        t(Text::Budget),
        t(Text::PlanYearBudget),
    ];
    header.extend(quarter_headers(lang));
    if with_internal {
        header.push(t(Text::InternalTime));
    }
    let mut rows = Vec::new();
    for ct in &b.totals.competencies {
        rows.push((
            vec![i18n::competency(ct.competency, lang).to_string()],
            true,
        ));
        for l in b
            .initiatives
            .iter()
            .filter(|l| l.header.area == Area::Cxm && l.header.competency == ct.competency)
        {
            rows.push((initiative_row(l, lang, with_internal), false));
        }
        rows.push((
            sums_row(t(Text::Subtotal), &ct.initiatives, lang, 8, with_internal),
            true,
        ));
    }
    rows.push((
        sums_row(
            t(Text::CxmInitiatives),
            &b.totals.initiatives,
            lang,
            8,
            with_internal,
        ),
        true,
    ));
    out.push(Section {
        title: t(Text::CxmInitiatives),
        header,
        right_from: 1,
        rows,
    });

    // Central training.
    let central: Vec<_> = b
        .training
        .iter()
        .filter(|x| x.funding == Funding::Central)
        .collect();
    if !central.is_empty() {
        let mut header = vec![
            t(Text::Id),
            t(Text::Competency),
            t(Text::People),
            t(Text::CostPerPerson),
            t(Text::Budget),
        ];
        header.extend(quarter_headers(lang));
        let mut rows = Vec::new();
        for x in central {
            let mut r = vec![
                x.id.clone(),
                i18n::competency(x.competency, lang).to_string(),
                x.people.to_string(),
                amount(x.cost_per_person, lang),
                amount(x.cost, lang),
            ];
            r.extend(
                x.quarters
                    .map_or_else(|| vec![String::new(); 4], |q| quarter_cells(&q, lang)),
            );
            rows.push((r, false));
        }
        let s = &b.totals.central_training;
        let mut r = vec![t(Text::Total), String::new(), String::new(), String::new()];
        r.push(amount(s.plan_year_budget, lang));
        r.extend(quarter_cells(&s.quarters, lang));
        rows.push((r, true));
        out.push(Section {
            title: t(Text::CentralTraining),
            header,
            right_from: 2,
            rows,
        });
    }

    // The CXM total by competency.
    let mut header = vec![
        t(Text::Competency),
        t(Text::CxmInitiatives),
        t(Text::CentralTraining),
        t(Text::Total),
    ];
    header.extend(quarter_headers(lang));
    let mut rows: Vec<(Vec<String>, bool)> = b
        .totals
        .competencies
        .iter()
        .map(|c| {
            let mut r = vec![
                i18n::competency(c.competency, lang).to_string(),
                amount(c.initiatives.plan_year_budget, lang),
                amount(c.central_training.plan_year_budget, lang),
                amount(c.total.plan_year_budget, lang),
            ];
            r.extend(quarter_cells(&c.total.quarters, lang));
            (r, false)
        })
        .collect();
    let mut r = vec![
        t(Text::CxmTotal),
        amount(b.totals.initiatives.plan_year_budget, lang),
        amount(b.totals.central_training.plan_year_budget, lang),
        amount(b.totals.cxm, lang),
    ];
    r.extend(quarter_cells(&b.totals.by_quarter, lang));
    rows.push((r, true));
    out.push(Section {
        title: t(Text::ByCompetency),
        header,
        right_from: 1,
        rows,
    });

    // Department guidelines.
    if !b.departments.is_empty() {
        let header = vec![
            t(Text::Department),
            t(Text::Kind),
            t(Text::Id),
            t(Text::People),
            t(Text::Amount),
        ];
        let mut rows = Vec::new();
        for d in &b.departments {
            let name = d.name.clone().unwrap_or_else(|| d.id.clone());
            for (k, l) in d.lines.iter().enumerate() {
                let kind = match l.kind {
                    crate::budget::LineKind::Initiative => t(Text::Initiative),
                    crate::budget::LineKind::Training => t(Text::Training),
                };
                rows.push((
                    vec![
                        if k == 0 { name.clone() } else { String::new() },
                        kind,
                        l.id.clone(),
                        l.people.map_or_else(String::new, |p| p.to_string()),
                        amount(l.amount, lang),
                    ],
                    false,
                ));
            }
            rows.push((
                vec![
                    format!("{} {}", t(Text::Total), name),
                    String::new(),
                    String::new(),
                    String::new(),
                    amount(d.total, lang),
                ],
                true,
            ));
        }
        out.push(Section {
            title: t(Text::DepartmentGuidelines),
            header,
            right_from: 3,
            rows,
        });
    }

    // Backlog.
    if !b.backlog.is_empty() {
        let header = vec![
            t(Text::Id),
            t(Text::Competency),
            t(Text::Area),
            t(Text::Quotes),
            t(Text::Estimate),
            t(Text::Cost),
            t(Text::Budget),
        ];
        let rows = b
            .backlog
            .iter()
            .map(|l| {
                (
                    vec![
                        l.header.id.clone(),
                        i18n::competency(l.header.competency, lang).to_string(),
                        i18n::area(l.header.area, lang).to_string(),
                        l.figures.quotes.to_string(),
                        opt_amount(l.figures.estimate, lang),
                        opt_amount(l.figures.cost, lang),
                        amount(l.figures.budget, lang),
                    ],
                    false,
                )
            })
            .collect();
        out.push(Section {
            title: t(Text::Backlog),
            header,
            right_from: 3,
            rows,
        });
    }
    out
}

/// The people-facing report as a document of titled tables.
fn doc(b: &Budget, lang: Language) -> Doc {
    let (title, lines) = intro(b, lang);
    let sections = sections(b, lang)
        .into_iter()
        .map(|s| sections::Section {
            right: (s.right_from..s.header.len()).collect(),
            title: s.title,
            header: s.header,
            rows: s
                .rows
                .into_iter()
                .map(|(cells, strong)| Row::Cells(cells, strong))
                .collect(),
            notes: Vec::new(),
        })
        .collect();
    Doc {
        title,
        lines,
        sections,
    }
}

fn table(b: &Budget, opts: &RenderOptions) -> String {
    sections::table(&doc(b, opts.lang), opts.color)
}

fn markdown(b: &Budget, lang: Language) -> String {
    sections::markdown(&doc(b, lang))
}

#[cfg(test)]
#[path = "budget_tests.rs"]
mod tests;
