//! The strategy document (`cxm strategy`) as Markdown or HTML, laid out
//! from [`crate::strategy::Strategy`]. The document is first a list of
//! blocks (headings, paragraphs, lists, tables) in the report's language;
//! each format writes the same blocks, so the two never say different
//! things.
//!
//! - **Markdown** is for pasting into a wiki: every text, the file's and
//!   cxm's own, goes through [`markdown::escape`] or
//!   [`markdown::escape_line`], so a title can never become a link, an
//!   image or HTML; the only markup is cxm's own (headings, `**`, `*`,
//!   lists, tables).
//! - **HTML** is one self-contained page: inline CSS
//!   (`assets/strategy.css`), no script, no font, image or style sheet
//!   from anywhere; every text is HTML-escaped (the dashboard's `esc`).
//!   It prints on **A4 portrait**: a strategy is a document read from top
//!   to bottom and filed with other policies, and its widest table (the
//!   communication plan, seven columns) fits a portrait page at 8 pt.
//!   Headings keep with what follows, table rows and a goal's heading
//!   with its first lines never split across pages; sections do, so no
//!   page is left near-empty.

use super::columns::{Align, Head};
use super::markdown;
use super::svg::esc;
use crate::i18n::{self, StrategyText as S};
use crate::roadmap::{Funding, Horizon, Language, Recurrence};
use crate::strategy::{NotDoingKind, Strategy, Work};
use chrono::NaiveDate;
use std::fmt::Write as _;

/// Which format to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StrategyFormat {
    Markdown,
    Html,
}

/// The document in `format`, written into `out`.
pub fn write(
    s: &Strategy,
    format: StrategyFormat,
    lang: Language,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    let doc = document(s, lang);
    let text = match format {
        StrategyFormat::Markdown => to_markdown(&doc),
        StrategyFormat::Html => to_html(&doc, lang),
    };
    Ok(out.write_all(text.as_bytes())?)
}

/// A run of text: plain, strong or emphasised.
#[derive(Clone, Debug, PartialEq)]
enum Inline {
    Text(String),
    Strong(String),
    Em(String),
}

type Line = Vec<Inline>;

#[derive(Clone, Debug, PartialEq)]
enum Block {
    /// A heading, level 2–4 (the title is the document's own).
    Heading(u8, String),
    Para(Line),
    Quote(Line),
    /// A muted note: an empty section says so.
    Note(String),
    List(Vec<Line>),
    Table {
        heads: Vec<(String, Align)>,
        rows: Vec<Vec<String>>,
    },
    /// Blocks kept together on paper (a goal, a person, a department).
    Keep(Vec<Block>),
}

struct Section {
    id: &'static str,
    title: String,
    blocks: Vec<Block>,
}

struct Doc {
    title: String,
    lead: Vec<String>,
    sections: Vec<Section>,
}

fn t(x: S, lang: Language) -> String {
    i18n::strategy_text(x, lang).to_string()
}

fn text(s: impl Into<String>) -> Inline {
    Inline::Text(s.into())
}

fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A title from the file, else the id.
fn title_or_id(title: Option<&String>, id: &str) -> String {
    title.cloned().unwrap_or_else(|| id.to_string())
}

fn document(s: &Strategy, lang: Language) -> Doc {
    let mut title = i18n::strategy_title(s.plan_year, lang);
    if let Some(o) = &s.organisation {
        title = format!("{title} · {o}");
    }
    let mut lead = Vec::new();
    let generated = i18n::strategy_generated(&date(s.as_of), &s.source, lang);
    lead.push(match &s.team {
        Some(team) => format!("{team}. {generated}"),
        None => generated,
    });
    let money = |m| i18n::money(m, &s.currency, lang);
    lead.push(i18n::strategy_budget(
        s.plan_year,
        &money(s.cxm_total),
        s.budget_cap.map(money).as_deref(),
        lang,
    ));
    Doc {
        title,
        lead,
        sections: vec![
            vision(s, lang),
            goals(s, lang),
            responsibilities(s, lang),
            monitoring(s, lang),
            communication(s, lang),
            not_doing(s, lang),
        ],
    }
}

fn vision(s: &Strategy, lang: Language) -> Section {
    let mut blocks = Vec::new();
    match s
        .vision
        .as_ref()
        .and_then(|v| v.statement.as_ref().map(|st| (v, st)))
    {
        Some((v, statement)) => {
            if let Some(y) = v.until {
                blocks.push(Block::Para(vec![Inline::Em(i18n::strategy_vision_until(
                    y, lang,
                ))]));
            }
            blocks.push(Block::Quote(vec![Inline::Strong(statement.clone())]));
        }
        None => blocks.push(Block::Note(t(S::NoVision, lang))),
    }
    Section {
        id: "vision",
        title: t(S::Vision, lang),
        blocks,
    }
}

/// `title (id)`, with `below the cut line` and the plan-year budget.
fn work_item(w: &Work, currency: &str, lang: Language) -> Line {
    let mut line = vec![
        text(title_or_id(w.title.as_ref(), &w.id)),
        Inline::Em(format!(" ({})", w.id)),
        text(format!(
            " · {}",
            i18n::money(w.plan_year_budget, currency, lang)
        )),
    ];
    if w.below_line {
        line.push(Inline::Strong(format!(" · {}", t(S::BelowLine, lang))));
    }
    line
}

fn goals(s: &Strategy, lang: Language) -> Section {
    let mut blocks = Vec::new();
    if s.goals.is_empty() {
        blocks.push(Block::Note(t(S::NoGoals, lang)));
    } else {
        blocks.push(Block::Para(vec![text(t(S::GoalsIntro, lang))]));
    }
    for g in &s.goals {
        let line = &g.goal;
        let mut keep = Vec::new();
        let star = if line.focus { "★ " } else { "" };
        let level = if line.depth > 0 { 4 } else { 3 };
        keep.push(Block::Heading(
            level,
            format!("{star}{}", title_or_id(line.title.as_ref(), &line.id)),
        ));
        let long = line.horizon == Horizon::Long;
        let mut meta = vec![i18n::strategy_horizon(
            long,
            if long { line.until } else { line.year },
            lang,
        )];
        if line.focus {
            meta.push(t(S::InFocus, lang));
        }
        if let Some(p) = &g.parent_title {
            meta.push(i18n::strategy_serves(p, lang));
        }
        if let Some(o) = &g.owner_name {
            meta.push(i18n::strategy_owner(o, lang));
        }
        keep.push(Block::Para(vec![Inline::Em(meta.join(" · "))]));
        if !line.pain_points.is_empty() {
            keep.push(Block::Para(vec![
                Inline::Strong(format!("{}: ", t(S::PainPoints, lang))),
                text(line.pain_points.join("; ")),
            ]));
        }
        blocks.push(Block::Keep(keep));
        if g.kpis.is_empty() {
            blocks.push(Block::Note(t(S::NoGoalKpis, lang)));
        } else {
            let dash = || "—".to_string();
            let rows = g
                .kpis
                .iter()
                .map(|k| {
                    let name = match &k.name {
                        Some(n) => format!("{n} ({})", k.kpi.kpi),
                        None => k.kpi.kpi.clone(),
                    };
                    let unit = |v| match &k.kpi.unit {
                        Some(u) => format!("{} {u}", i18n::decimal(v, lang)),
                        None => i18n::decimal(v, lang),
                    };
                    vec![
                        name,
                        k.kpi.baseline.map_or_else(dash, unit),
                        k.kpi.latest.map_or_else(dash, unit),
                        unit(k.kpi.value),
                        k.kpi
                            .progress_percent
                            .map_or_else(dash, |p| i18n::percent_fixed(p, 1, lang)),
                        k.status
                            .map_or_else(dash, |st| i18n::kpi_status(st, lang).to_string()),
                    ]
                })
                .collect();
            blocks.push(Block::Table {
                heads: vec![
                    (t(S::Kpi, lang), Align::Left),
                    (t(S::Baseline, lang), Align::Right),
                    (t(S::Latest, lang), Align::Right),
                    (t(S::GoalValue, lang), Align::Right),
                    (t(S::Progress, lang), Align::Right),
                    (t(S::Standing, lang), Align::Left),
                ],
                rows,
            });
        }
        blocks.push(Block::Para(vec![Inline::Strong(format!(
            "{}:",
            t(S::ServingWork, lang)
        ))]));
        if line.initiatives.is_empty() {
            blocks.push(Block::Note(t(S::NoServingWork, lang)));
        } else {
            blocks.push(Block::List(
                line.initiatives
                    .iter()
                    .map(|w| {
                        work_item(
                            &Work {
                                id: w.id.clone(),
                                title: w.title.clone(),
                                below_line: w.below_line,
                                plan_year_budget: w.plan_year_budget,
                            },
                            &s.currency,
                            lang,
                        )
                    })
                    .collect(),
            ));
        }
        let share = line
            .share_of_cxm_percent
            .map(|p| i18n::percent_fixed(p, 1, lang));
        blocks.push(Block::Para(vec![text(i18n::strategy_goal_money(
            &i18n::money(line.plan_year_budget, &s.currency, lang),
            share.as_deref(),
            &i18n::one_place(line.plan_year_effort, lang),
            lang,
        ))]));
    }
    blocks.push(Block::Para(vec![text(i18n::cxm_serving_no_goal(
        &i18n::money(s.cxm_serving_no_goal, &s.currency, lang),
        lang,
    ))]));
    Section {
        id: "goals",
        title: t(S::Goals, lang),
        blocks,
    }
}

/// `Label: a; b; c` (or `none`).
fn labelled(label: S, items: Vec<String>, lang: Language) -> Line {
    let list = if items.is_empty() {
        t(S::None, lang)
    } else {
        items.join("; ")
    };
    vec![Inline::Strong(format!("{}: ", t(label, lang))), text(list)]
}

fn responsibilities(s: &Strategy, lang: Language) -> Section {
    let mut blocks = vec![Block::Heading(3, t(S::Team, lang))];
    if s.members.is_empty() {
        blocks.push(Block::Note(t(S::NoTeam, lang)));
    }
    for m in &s.members {
        let name = match (&m.name, &m.role) {
            (Some(n), Some(r)) => format!("{n} — {r}"),
            (Some(n), None) => n.clone(),
            (None, Some(r)) => format!("{} — {r}", m.id),
            (None, None) => m.id.clone(),
        };
        let effort = i18n::strategy_effort(
            &i18n::one_place(m.load_days, lang),
            m.capacity_days.map(|c| i18n::decimal(c, lang)).as_deref(),
            m.over_capacity,
            lang,
        );
        let initiatives = m
            .initiatives
            .iter()
            .map(|w| {
                let title = title_or_id(w.title.as_ref(), &w.id);
                if w.below_line {
                    format!("{title} ({})", t(S::BelowLine, lang))
                } else {
                    title
                }
            })
            .collect();
        let named = |v: &[crate::strategy::Named]| {
            v.iter()
                .map(|n| title_or_id(n.title.as_ref(), &n.id))
                .collect::<Vec<_>>()
        };
        blocks.push(Block::Keep(vec![
            Block::Heading(4, name),
            Block::List(vec![
                vec![if m.over_capacity {
                    Inline::Strong(effort)
                } else {
                    text(effort)
                }],
                labelled(S::GoalsOwned, named(&m.goals), lang),
                labelled(S::InitiativesOwned, initiatives, lang),
                labelled(S::CommunicationsOwned, named(&m.communications), lang),
            ]),
        ]));
    }
    blocks.push(Block::Heading(3, t(S::Departments, lang)));
    if s.departments.is_empty() {
        blocks.push(Block::Note(t(S::NoDepartments, lang)));
    }
    for d in &s.departments {
        let work = d
            .initiatives
            .iter()
            .map(|w| {
                let mut x = format!(
                    "{} · {}",
                    title_or_id(w.title.as_ref(), &w.id),
                    i18n::money(w.plan_year_budget, &s.currency, lang)
                );
                if w.below_line {
                    x.push_str(&format!(" ({})", t(S::BelowLine, lang)));
                }
                x
            })
            .collect();
        let training = d
            .training
            .iter()
            .map(|tr| {
                let how = match tr.funding {
                    Funding::Department => t(S::DepartmentPays, lang),
                    Funding::Central => t(S::PaidCentrally, lang),
                };
                format!(
                    "{}: {}",
                    title_or_id(tr.title.as_ref(), &tr.id),
                    i18n::strategy_people(tr.people, &how, lang)
                )
            })
            .collect();
        blocks.push(Block::Keep(vec![
            Block::Heading(4, title_or_id(d.name.as_ref(), &d.id)),
            Block::List(vec![
                labelled(S::CxInitiatives, work, lang),
                labelled(S::PeopleToTrain, training, lang),
                vec![Inline::Strong(i18n::strategy_guideline(
                    s.plan_year,
                    &i18n::money(d.guideline, &s.currency, lang),
                    lang,
                ))],
            ]),
        ]));
    }
    Section {
        id: "responsibilities",
        title: t(S::Responsibilities, lang),
        blocks,
    }
}

fn monitoring(s: &Strategy, lang: Language) -> Section {
    let mut blocks = Vec::new();
    if s.monitoring.is_empty() {
        blocks.push(Block::Note(t(S::NoKpis, lang)));
    } else {
        blocks.push(Block::Para(vec![text(t(S::MonitoringIntro, lang))]));
        let rows = s
            .monitoring
            .iter()
            .map(|m| {
                let name = match &m.name {
                    Some(n) => format!("{n} ({})", m.id),
                    None => m.id.clone(),
                };
                let last = match (m.latest, m.latest_date) {
                    (Some(v), Some(d)) => match &m.unit {
                        Some(u) => format!("{} {u}, {}", i18n::decimal(v, lang), date(d)),
                        None => format!("{}, {}", i18n::decimal(v, lang), date(d)),
                    },
                    _ => "—".to_string(),
                };
                let next = match m.next_due {
                    Some(d) if m.overdue => format!("{} ({})", date(d), t(S::Overdue, lang)),
                    Some(d) => date(d),
                    None => "—".to_string(),
                };
                vec![
                    name,
                    i18n::strategy_cadence(m.cadence, lang).to_string(),
                    last,
                    next,
                    i18n::kpi_status(m.status, lang).to_string(),
                ]
            })
            .collect();
        blocks.push(Block::Table {
            heads: vec![
                (t(S::Kpi, lang), Align::Left),
                (t(S::Cadence, lang), Align::Left),
                (t(S::LastMeasurement, lang), Align::Left),
                (t(S::NextDue, lang), Align::Left),
                (t(S::Standing, lang), Align::Left),
            ],
            rows,
        });
    }
    Section {
        id: "monitoring",
        title: t(S::Monitoring, lang),
        blocks,
    }
}

fn communication(s: &Strategy, lang: Language) -> Section {
    let mut blocks = Vec::new();
    if s.communications.is_empty() {
        blocks.push(Block::Note(t(S::NoCommunication, lang)));
    } else {
        blocks.push(Block::Para(vec![text(t(S::CommunicationIntro, lang))]));
        let dash = || "—".to_string();
        let rows = s
            .communications
            .iter()
            .map(|c| {
                let start = c.start.map(date);
                let when = match c.cadence {
                    Some(Recurrence::Once) => {
                        let once = i18n::strategy_recurrence(Recurrence::Once, lang);
                        match &start {
                            Some(st) => format!("{once}, {st}"),
                            None => once.to_string(),
                        }
                    }
                    Some(r) => i18n::strategy_when(
                        i18n::strategy_recurrence(r, lang),
                        start.as_deref(),
                        c.end.map(date).as_deref(),
                        lang,
                    ),
                    None => start.unwrap_or_else(dash),
                };
                vec![
                    title_or_id(c.title.as_ref(), &c.id),
                    c.channel
                        .map_or_else(dash, |ch| i18n::strategy_channel(ch, lang).to_string()),
                    c.audience.clone().unwrap_or_else(dash),
                    when,
                    c.owner.clone().unwrap_or_else(dash),
                    c.sponsor.clone().unwrap_or_else(dash),
                    if c.goals.is_empty() {
                        dash()
                    } else {
                        c.goals
                            .iter()
                            .map(|g| title_or_id(g.title.as_ref(), &g.id))
                            .collect::<Vec<_>>()
                            .join("; ")
                    },
                ]
            })
            .collect();
        blocks.push(Block::Table {
            heads: vec![
                (t(S::CommunicationsOwned, lang), Align::Left),
                (t(S::Channel, lang), Align::Left),
                (t(S::Audience, lang), Align::Left),
                (t(S::When, lang), Align::Left),
                (t(S::Owner, lang), Align::Left),
                (t(S::Sponsor, lang), Align::Left),
                (t(S::GoalsOwned, lang), Align::Left),
            ],
            rows,
        });
    }
    Section {
        id: "communication",
        title: t(S::Communication, lang),
        blocks,
    }
}

fn not_doing(s: &Strategy, lang: Language) -> Section {
    let mut blocks = Vec::new();
    if s.not_doing.is_empty() {
        blocks.push(Block::Note(t(S::NothingLeftOut, lang)));
    } else {
        blocks.push(Block::Para(vec![text(t(S::NotDoingIntro, lang))]));
        let rows = s
            .not_doing
            .iter()
            .map(|n| {
                let kind = match n.kind {
                    NotDoingKind::Idea => S::Idea,
                    NotDoingKind::BelowLine => S::BelowLine,
                    NotDoingKind::OnHold => S::OnHold,
                    NotDoingKind::Cancelled => S::Cancelled,
                };
                vec![
                    format!("{} ({})", title_or_id(n.title.as_ref(), &n.id), n.id),
                    t(kind, lang),
                    n.budget
                        .map_or_else(|| "—".to_string(), |b| i18n::money(b, &s.currency, lang)),
                    n.reason.clone().unwrap_or_else(|| t(S::NoReason, lang)),
                ]
            })
            .collect();
        blocks.push(Block::Table {
            heads: vec![
                (t(S::Initiative, lang), Align::Left),
                (t(S::WhyOut, lang), Align::Left),
                (t(S::Budget, lang), Align::Right),
                (t(S::Reason, lang), Align::Left),
            ],
            rows,
        });
    }
    Section {
        id: "not-doing",
        title: t(S::NotDoing, lang),
        blocks,
    }
}

// ---- Markdown ----------------------------------------------------------

/// A line of inlines; the first text starts the line when `starts`.
fn md_inline(line: &Line, starts: bool) -> String {
    let mut out = String::new();
    for (n, i) in line.iter().enumerate() {
        match i {
            Inline::Text(s) if n == 0 && starts => out.push_str(&markdown::escape_line(s)),
            Inline::Text(s) => out.push_str(&markdown::escape(s)),
            Inline::Strong(s) => out.push_str(&wrap(s, "**")),
            Inline::Em(s) => out.push_str(&wrap(s, "*")),
        }
    }
    out
}

/// `s` escaped between `mark`s, its outer spaces kept outside (emphasis
/// does not open or close next to a space).
fn wrap(s: &str, mark: &str) -> String {
    let lead = &s[..s.len() - s.trim_start().len()];
    let trail = &s[s.trim_end().len()..];
    let core = s.trim();
    if core.is_empty() {
        return s.to_string();
    }
    format!("{lead}{mark}{}{mark}{trail}", markdown::escape(core))
}

fn md_block(b: &Block, out: &mut String) {
    match b {
        Block::Heading(level, s) => {
            let _ = writeln!(
                out,
                "{} {}\n",
                "#".repeat(usize::from(*level)),
                markdown::escape_heading(s)
            );
        }
        Block::Para(line) => {
            let _ = writeln!(out, "{}\n", md_inline(line, true));
        }
        Block::Quote(line) => {
            let _ = writeln!(out, "> {}\n", md_inline(line, true));
        }
        Block::Note(s) => {
            let _ = writeln!(out, "{}\n", wrap(s, "*"));
        }
        Block::List(items) => {
            for i in items {
                let _ = writeln!(out, "- {}", md_inline(i, true));
            }
            out.push('\n');
        }
        Block::Table { heads, rows } => {
            let heads: Vec<Head> = heads
                .iter()
                .map(|(label, align)| Head {
                    label: label.clone(),
                    align: *align,
                    importance: 0,
                    shortens: false,
                })
                .collect();
            out.push_str(&markdown::table(&heads, rows));
            out.push('\n');
        }
        Block::Keep(blocks) => {
            for b in blocks {
                md_block(b, out);
            }
        }
    }
}

fn to_markdown(doc: &Doc) -> String {
    let mut out = format!("# {}\n\n", markdown::escape_heading(&doc.title));
    for l in &doc.lead {
        let _ = writeln!(out, "{}\n", markdown::escape_line(l));
    }
    for s in &doc.sections {
        let _ = writeln!(out, "## {}\n", markdown::escape_heading(&s.title));
        for b in &s.blocks {
            md_block(b, &mut out);
        }
    }
    // One final newline.
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

// ---- HTML --------------------------------------------------------------

/// The page's style sheet, a file of its own to be read and edited as CSS.
const CSS: &str = concat!("\n", include_str!("../../assets/strategy.css"));

fn html_inline(line: &Line) -> String {
    let mut out = String::new();
    for i in line {
        match i {
            Inline::Text(s) => out.push_str(&esc(s)),
            Inline::Strong(s) => {
                let _ = write!(out, "<strong>{}</strong>", esc(s));
            }
            Inline::Em(s) => {
                let _ = write!(out, "<em>{}</em>", esc(s));
            }
        }
    }
    out
}

fn html_block(b: &Block, out: &mut String) {
    match b {
        Block::Heading(level, s) => {
            let _ = writeln!(out, "<h{level}>{}</h{level}>", esc(s));
        }
        Block::Para(line) => {
            let _ = writeln!(out, "<p>{}</p>", html_inline(line));
        }
        Block::Quote(line) => {
            let _ = writeln!(out, "<blockquote>{}</blockquote>", html_inline(line));
        }
        Block::Note(s) => {
            let _ = writeln!(out, "<p class=\"empty\">{}</p>", esc(s));
        }
        Block::List(items) => {
            out.push_str("<ul>\n");
            for i in items {
                let _ = writeln!(out, "<li>{}</li>", html_inline(i));
            }
            out.push_str("</ul>\n");
        }
        Block::Table { heads, rows } => {
            let class = |a: &Align| match a {
                Align::Right => " class=\"num\"",
                Align::Left => "",
            };
            out.push_str("<table>\n<thead><tr>");
            for (label, align) in heads {
                let _ = write!(out, "<th{}>{}</th>", class(align), esc(label));
            }
            out.push_str("</tr></thead>\n<tbody>\n");
            for row in rows {
                out.push_str("<tr>");
                for (cell, (_, align)) in row.iter().zip(heads) {
                    let _ = write!(out, "<td{}>{}</td>", class(align), esc(cell));
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table>\n");
        }
        Block::Keep(blocks) => {
            out.push_str("<div class=\"keep\">\n");
            for b in blocks {
                html_block(b, out);
            }
            out.push_str("</div>\n");
        }
    }
}

fn to_html(doc: &Doc, lang: Language) -> String {
    let mut h = String::with_capacity(32 * 1024);
    let _ = writeln!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{l}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{t}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>",
        l = match lang {
            Language::En => "en",
            Language::Pl => "pl",
        },
        t = esc(&doc.title)
    );
    let _ = writeln!(h, "<header>\n<h1>{}</h1>", esc(&doc.title));
    for l in &doc.lead {
        let _ = writeln!(h, "<p>{}</p>", esc(l));
    }
    h.push_str("</header>\n");
    for s in &doc.sections {
        let _ = writeln!(h, "<section id=\"{}\">\n<h2>{}</h2>", s.id, esc(&s.title));
        for b in &s.blocks {
            html_block(b, &mut h);
        }
        h.push_str("</section>\n");
    }
    h.push_str("</main>\n</body>\n</html>\n");
    h
}
