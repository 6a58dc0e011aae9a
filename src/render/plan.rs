//! The plan report (`cxm plan`) in every format. It lays out what
//! [`crate::plan::Plan`] holds: the cumulative figures, the cut line,
//! coverage and load all come from the model. The table and Markdown draw
//! the cut line across the initiatives, saying why it falls there.

use super::csv::{Cell, CsvWriter};
use super::sections::{self, Doc, Row, Section};
use super::{Format, RenderOptions};
use crate::i18n::{self, Text};
use crate::money::{Decimal, Money};
use crate::plan::{CutReason, DependencyState, Plan, PlanLine};
use crate::roadmap::{Area, Choice, Language};

pub fn render(p: &Plan, opts: &RenderOptions) -> anyhow::Result<Vec<u8>> {
    match opts.format {
        Format::Json => super::json(p),
        Format::Csv => csv(p, opts.excel),
        Format::Table => Ok(sections::table(&doc(p, opts.lang), opts.color).into_bytes()),
        Format::Markdown => Ok(sections::markdown(&doc(p, opts.lang)).into_bytes()),
    }
}

/// The CSV header: fixed English keys. `kind` is `plan` or `backlog`;
/// `budget` is an idea's whole budget (plan rows have `plan_year_budget`).
pub const CSV_HEADER: [&str; 20] = [
    "kind",
    "rank",
    "id",
    "title",
    "priority",
    "owner",
    "competency",
    "area",
    "department",
    "status",
    "start",
    "end",
    "quarters",
    "effort_days",
    "plan_year_budget",
    "cumulative_budget",
    "cumulative_effort",
    "below_line",
    "depends_on",
    "budget",
];

fn date(d: Option<chrono::NaiveDate>) -> Cell {
    d.map_or(Cell::Empty, |d| {
        Cell::text(d.format("%Y-%m-%d").to_string())
    })
}

fn int(n: usize) -> Cell {
    Cell::Int(i128::try_from(n).unwrap_or(i128::MAX))
}

fn csv(p: &Plan, excel: bool) -> anyhow::Result<Vec<u8>> {
    let mut w = CsvWriter::new(excel);
    w.header(&CSV_HEADER)?;
    for l in &p.initiatives {
        let quarters: Vec<String> = l.quarters.iter().map(|q| format!("Q{q}")).collect();
        w.row(&[
            Cell::text("plan"),
            int(l.rank),
            Cell::text(&l.id),
            Cell::opt_text(l.title.as_deref()),
            l.priority.map_or(Cell::Empty, |n| Cell::Int(i128::from(n))),
            Cell::opt_text(l.owner.as_deref()),
            Cell::text(l.competency.as_str()),
            Cell::text(l.area.as_str()),
            Cell::opt_text(l.department.as_deref()),
            Cell::text(l.status.as_str()),
            date(l.start),
            date(l.end),
            Cell::text(quarters.join(" ")),
            Cell::opt_decimal(l.effort_days),
            Cell::Money(l.plan_year_budget),
            Cell::Money(l.cumulative_budget),
            Cell::Decimal(l.cumulative_effort),
            Cell::text(if l.below_line { "true" } else { "false" }),
            Cell::text(l.depends_on.join(" ")),
            Cell::Empty,
        ])?;
    }
    for b in &p.backlog {
        let mut cells = vec![
            Cell::text("backlog"),
            Cell::Empty,
            Cell::text(&b.id),
            Cell::opt_text(b.title.as_deref()),
            b.priority.map_or(Cell::Empty, |n| Cell::Int(i128::from(n))),
            Cell::opt_text(b.owner.as_deref()),
            Cell::text(b.competency.as_str()),
            Cell::text(b.area.as_str()),
        ];
        cells.extend(std::iter::repeat_n(Cell::Empty, 5));
        cells.push(Cell::opt_decimal(b.effort_days));
        cells.extend(std::iter::repeat_n(Cell::Empty, 5));
        cells.push(Cell::opt_money(b.budget));
        w.row(&cells)?;
    }
    w.finish()
}

const DASH: &str = "—";

fn opt_days(d: Option<Decimal>, lang: Language) -> String {
    d.map_or_else(|| DASH.to_string(), |d| i18n::decimal(d, lang))
}

fn money(m: Money, p: &Plan, lang: Language) -> String {
    i18n::money(m, &p.currency, lang)
}

/// The text drawn across the table where the line falls.
fn cut_text(p: &Plan, reason: CutReason, lang: Language) -> String {
    let budget = p.budget_cap.map(|cap| {
        let central = if p.central_training == Money::ZERO {
            String::new()
        } else {
            money(p.central_training, p, lang)
        };
        let left = p
            .budget_available
            .map_or_else(String::new, |a| money(a, p, lang));
        (money(cap, p, lang), central, left)
    });
    let capacity = p.capacity_days.map(|c| i18n::days(c, lang));
    match reason {
        CutReason::BudgetCap => i18n::cut_line(budget, None, lang),
        CutReason::Capacity => i18n::cut_line(None, capacity, lang),
        CutReason::BudgetCapAndCapacity => i18n::cut_line(budget, capacity, lang),
    }
}

fn intro(p: &Plan, lang: Language) -> Vec<String> {
    let t = |x| i18n::text(x, lang);
    let mut lines = vec![
        format!("{}: {}", t(Text::PlanYear), p.plan_year),
        format!("{}: {}", t(Text::Currency), p.currency),
    ];
    if let Some(cap) = p.budget_cap {
        lines.push(format!("{}: {}", t(Text::BudgetCap), money(cap, p, lang)));
        lines.push(format!(
            "{}: {}",
            t(Text::CentralTraining),
            money(p.central_training, p, lang)
        ));
        if let Some(a) = p.budget_available {
            lines.push(format!(
                "{}: {}",
                t(Text::BudgetAvailable),
                money(a, p, lang)
            ));
        }
    }
    lines.push(format!(
        "{}: {}",
        t(Text::CxmInitiatives),
        money(p.totals.cxm_initiatives, p, lang)
    ));
    lines.push(format!(
        "{}: {}",
        t(Text::CxmTotal),
        money(p.totals.cxm_total, p, lang)
    ));
    if let Some(c) = p.capacity_days {
        lines.push(format!(
            "{}: {}",
            t(Text::TeamCapacity),
            i18n::decimal(c, lang)
        ));
    }
    lines.push(format!(
        "{}: {}",
        t(Text::PlanEffort),
        i18n::decimal(p.totals.effort_days, lang)
    ));
    match &p.cut_line {
        Some(c) => lines.push(format!(
            "{}: {}/{}, {}, {}",
            t(Text::AboveLine),
            c.above,
            p.initiatives.len(),
            money(p.totals.above_line_budget, p, lang),
            i18n::days(p.totals.above_line_effort, lang)
        )),
        None if p.budget_cap.is_none() && p.capacity_days.is_none() => {
            lines.push(t(Text::NoLimits).to_string());
        }
        None => lines.push(t(Text::NoCutLine).to_string()),
    }
    lines
}

fn line_row(l: &PlanLine, lang: Language) -> Vec<String> {
    vec![
        l.rank.to_string(),
        l.id.clone(),
        l.priority
            .map_or_else(|| DASH.to_string(), |n| n.to_string()),
        l.owner.clone().unwrap_or_else(|| DASH.to_string()),
        i18n::competency_short(l.competency, lang).to_string(),
        i18n::area(l.area, lang).to_string(),
        i18n::status(l.status, lang).to_string(),
        i18n::quarter_span(&l.quarters, lang),
        opt_days(l.effort_days, lang),
        i18n::amount(l.plan_year_budget, lang),
        i18n::amount(l.cumulative_budget, lang),
        i18n::decimal(l.cumulative_effort, lang),
    ]
}

fn initiatives_section(p: &Plan, lang: Language) -> Section {
    let t = |x| i18n::text(x, lang).to_string();
    let title = t(Text::InPriorityOrder);
    if p.initiatives.is_empty() {
        return Section {
            title,
            header: Vec::new(),
            right: Vec::new(),
            rows: Vec::new(),
            notes: vec![t(Text::EmptyPlan)],
        };
    }
    let header = vec![
        t(Text::Rank),
        t(Text::Id),
        t(Text::Priority),
        t(Text::Owner),
        t(Text::Competency),
        t(Text::Area),
        t(Text::Status),
        t(Text::Quarters),
        t(Text::EffortDays),
        t(Text::PlanYearBudget),
        t(Text::CumulativeBudget),
        t(Text::CumulativeEffort),
    ];
    let mut rows = Vec::new();
    for (i, l) in p.initiatives.iter().enumerate() {
        if let Some(c) = p.cut_line.as_ref().filter(|c| c.above == i) {
            rows.push(Row::Rule(cut_text(p, c.reason, lang)));
        }
        rows.push(Row::Cells(line_row(l, lang), false));
    }
    let mut notes = Vec::new();
    if p.initiatives.iter().any(|l| l.area == Area::Cx) {
        notes.push(match lang {
            Language::En => "CX rows are paid by their departments: their budget is not in the cumulative budget, their effort is in the cumulative effort.".to_string(),
            Language::Pl => "Wiersze CX opłacają działy: ich budżet nie wchodzi do budżetu narastająco, ich nakład wchodzi do nakładu narastająco.".to_string(),
        });
    }
    Section {
        title,
        header,
        right: vec![0, 2, 8, 9, 10, 11],
        rows,
        notes,
    }
}

fn coverage_section(p: &Plan, lang: Language) -> Section {
    let t = |x| i18n::text(x, lang).to_string();
    let mut header = vec![t(Text::Competency)];
    header.extend([Text::Q1, Text::Q2, Text::Q3, Text::Q4].map(t));
    header.push(t(Text::Total));
    header.push(t(Text::AboveLine));
    let rows = p
        .coverage_by_quarter
        .iter()
        .map(|(c, q)| {
            let mut r = vec![i18n::competency(*c, lang).to_string()];
            r.extend(q.iter().map(|n| n.to_string()));
            let count = |v: &[(crate::roadmap::Competency, usize)]| {
                v.iter()
                    .find(|(x, _)| x == c)
                    .map_or_else(String::new, |(_, n)| n.to_string())
            };
            r.push(count(&p.coverage));
            r.push(count(&p.coverage_above_line));
            Row::Cells(r, false)
        })
        .collect();
    Section {
        title: t(Text::Coverage),
        header,
        right: (1..7).collect(),
        rows,
        notes: Vec::new(),
    }
}

fn load_section(p: &Plan, lang: Language) -> Section {
    let t = |x| i18n::text(x, lang).to_string();
    let header = vec![
        t(Text::Member),
        t(Text::CapacityDays),
        t(Text::LoadDays),
        t(Text::AboveLine),
        t(Text::FreeDays),
        t(Text::Note),
        t(Text::Count),
    ];
    let over = |o: bool| {
        if o {
            t(Text::OverCapacity)
        } else {
            String::new()
        }
    };
    let mut rows: Vec<Row> = p
        .load
        .iter()
        .map(|m| {
            let who = match &m.name {
                Some(n) => format!("{n} ({})", m.id),
                None => m.id.clone(),
            };
            Row::Cells(
                vec![
                    who,
                    opt_days(m.capacity_days, lang),
                    i18n::decimal(m.load_days, lang),
                    i18n::decimal(m.above_line_days, lang),
                    opt_days(m.free_days, lang),
                    over(m.over_capacity),
                    m.initiatives.join(", "),
                ],
                false,
            )
        })
        .collect();
    let team = &p.team_load;
    if team.unowned_days.0 != 0 {
        let ids: Vec<String> = p
            .initiatives
            .iter()
            .filter(|l| {
                l.owner
                    .as_deref()
                    .is_none_or(|o| !p.load.iter().any(|m| m.id == o))
            })
            .filter(|l| l.effort_days.is_some_and(|e| e.0 != 0))
            .map(|l| l.id.clone())
            .collect();
        rows.push(Row::Cells(
            vec![
                t(Text::NotOwnedByTeam),
                String::new(),
                i18n::decimal(team.unowned_days, lang),
                String::new(),
                String::new(),
                String::new(),
                ids.join(", "),
            ],
            false,
        ));
    }
    rows.push(Row::Cells(
        vec![
            t(Text::Team),
            opt_days(team.capacity_days, lang),
            i18n::decimal(team.load_days, lang),
            i18n::decimal(team.above_line_days, lang),
            opt_days(team.free_days, lang),
            over(team.over_capacity),
            String::new(),
        ],
        true,
    ));
    Section {
        title: t(Text::Load),
        header,
        right: vec![1, 2, 3, 4],
        rows,
        notes: Vec::new(),
    }
}

fn maturity_section(p: &Plan, lang: Language) -> Section {
    let t = |x| i18n::text(x, lang).to_string();
    let header = vec![
        t(Text::Competency),
        t(Text::MaturityLevels),
        t(Text::AddressedBy),
        t(Text::Note),
    ];
    let level = |v: Option<u8>| v.map_or_else(|| DASH.to_string(), |v| v.to_string());
    let rows = p
        .maturity
        .iter()
        .map(|m| {
            let ids: Vec<String> = m
                .initiatives
                .iter()
                .map(|id| {
                    if m.below_line.contains(id) {
                        format!("{id} ({})", t(Text::BelowLine))
                    } else {
                        id.clone()
                    }
                })
                .collect();
            // Only a maturity that is to rise needs work above the line.
            let rises = matches!((m.current, m.target), (Some(c), Some(t)) if t > c);
            let note = if rises && !m.addressed {
                t(Text::NotAddressed)
            } else {
                String::new()
            };
            Row::Cells(
                vec![
                    i18n::competency(m.competency, lang).to_string(),
                    format!("{} → {}", level(m.current), level(m.target)),
                    ids.join(", "),
                    note,
                ],
                false,
            )
        })
        .collect();
    Section {
        title: t(Text::Maturity),
        header,
        right: Vec::new(),
        rows,
        notes: Vec::new(),
    }
}

fn dependencies_section(p: &Plan, lang: Language) -> Option<Section> {
    if p.dependencies.is_empty() {
        return None;
    }
    let t = |x| i18n::text(x, lang).to_string();
    let header = vec![
        capitalised(&t(Text::Initiative)),
        t(Text::DependsOn),
        t(Text::Note),
    ];
    let rows = p
        .dependencies
        .iter()
        .map(|d| {
            let note = match d.state {
                DependencyState::AboveLine => String::new(),
                DependencyState::BelowLine => t(Text::BelowLine),
                DependencyState::Done => t(Text::Done),
                DependencyState::NotInPlan => t(Text::NotInPlan),
                DependencyState::Unknown => t(Text::UnknownId),
            };
            Row::Cells(vec![d.id.clone(), d.depends_on.clone(), note], false)
        })
        .collect();
    let notes = p
        .below_line_dependencies
        .iter()
        .map(|b| i18n::below_line_dependency(&b.id, &b.dependents, lang))
        .collect();
    Some(Section {
        title: t(Text::Dependencies),
        header,
        right: Vec::new(),
        rows,
        notes,
    })
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

fn backlog_section(p: &Plan, lang: Language) -> Option<Section> {
    if p.backlog.is_empty() {
        return None;
    }
    let t = |x| i18n::text(x, lang).to_string();
    let header = vec![
        t(Text::Id),
        t(Text::Priority),
        t(Text::Owner),
        t(Text::Competency),
        t(Text::Area),
        t(Text::EffortDays),
        t(Text::Budget),
    ];
    let rows = p
        .backlog
        .iter()
        .map(|b| {
            Row::Cells(
                vec![
                    b.id.clone(),
                    b.priority
                        .map_or_else(|| DASH.to_string(), |n| n.to_string()),
                    b.owner.clone().unwrap_or_else(|| DASH.to_string()),
                    i18n::competency_short(b.competency, lang).to_string(),
                    i18n::area(b.area, lang).to_string(),
                    opt_days(b.effort_days, lang),
                    b.budget
                        .map_or_else(|| DASH.to_string(), |m| i18n::amount(m, lang)),
                ],
                false,
            )
        })
        .collect();
    Some(Section {
        title: t(Text::Backlog),
        header,
        right: vec![1, 5, 6],
        rows,
        notes: Vec::new(),
    })
}

fn doc(p: &Plan, lang: Language) -> Doc {
    let mut sections = vec![
        initiatives_section(p, lang),
        coverage_section(p, lang),
        load_section(p, lang),
        maturity_section(p, lang),
    ];
    sections.extend(dependencies_section(p, lang));
    sections.extend(backlog_section(p, lang));
    Doc {
        title: format!("{} {}", i18n::text(Text::PlanTitle, lang), p.plan_year),
        lines: intro(p, lang),
        sections,
    }
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
