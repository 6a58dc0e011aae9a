//! The dashboard as one self-contained HTML file (`cxm report --html`):
//! inline CSS and SVG, no scripts, fonts or images from anywhere, so that a
//! CX manager can mail it to the board and print it on A4 landscape. Every
//! text from the roadmap is escaped; every figure comes from the
//! [`Dashboard`] model and is formatted by [`crate::i18n`].
//!
//! On paper (SPEC section 11: A4 landscape, no near-empty page, no text
//! under 7 pt), decided here and in `assets/dashboard.css`:
//! - each chart prints at a fixed width in millimetres, with its text sized
//!   for that scale, so the size on paper does not depend on the page's
//!   layout; the timeline keeps its whole width's share of the page;
//! - the timeline shows whole titles, wrapped onto further lines, since
//!   paper has no tooltip; the tooltip stays for the screen;
//! - cards, chart panels, table rows and the timeline never break across
//!   pages; sections do; the KPI groups share one grid on paper, each card
//!   naming its group, so that a group of one card does not take a row;
//! - the page is a sequence of sections, one function each (`strategy`,
//!   `headline`, `budget_charts`, `scenarios`, `since_last_quarter`, `timeline`,
//!   `backlog`, `guidelines`, `kpis`, `findings`): a new section is a
//!   function called from [`render`], a `<section>` printed under the same
//!   rules; the goals, the money and the quarter come first, then the plan,
//!   what it leaves out and the departments' share, then the results
//!   (KPIs): on paper the breakable lists and tables fill the pages the
//!   timeline and the KPI cards (which do not break) leave, so no page is
//!   near-empty;
//! - strategy on a page comes first (what the money is for), then the
//!   headline figures, the budget and what moved since last quarter; a
//!   roadmap without
//!   goals has no strategy section; the quarter's empty lists each say
//!   "none" in one line;
//! - the timeline names each initiative's owner and its latest check-in
//!   (progress · confidence) beside its bar (after it where there is room,
//!   else before it, else inside it), so the rows stay one line tall; the
//!   focus goals list theirs the same way.

use super::svg::{self, Ahead, Bar, BenefitRow, GanttRow, Mark, PathMark, RefLine, esc};
use crate::dashboard::{About, BacklogKind, Dashboard, FocusGoal, PlanRow};
use crate::diag::Severity;
use crate::i18n::{self, Text};
use crate::kpi::{KpiLine, KpiStatus};
use crate::money::{Decimal, Money, div_round};
use crate::roadmap::{Area, Choice, Competency, Group, Language};
use chrono::{Datelike, NaiveDate};
use std::fmt::Write as _;

/// The colour of each competency, everywhere on the page.
pub(crate) fn competency_color(c: Competency) -> &'static str {
    match c {
        Competency::Governance => "#2f5d8a",
        Competency::Measurement => "#2a9d8f",
        Competency::Design => "#c7831f",
        Competency::Culture => "#b5473a",
    }
}

fn status_class(s: KpiStatus) -> &'static str {
    match s {
        KpiStatus::NoData => "no-data",
        KpiStatus::Reached => "reached",
        KpiStatus::TooEarly => "too-early",
        KpiStatus::Stale => "stale",
        KpiStatus::OnTrack => "on-track",
        KpiStatus::Behind => "behind",
    }
}

fn money_f64(m: Money) -> f64 {
    m.0 as f64 / 100.0
}

fn decimal_f64(d: Decimal) -> f64 {
    d.0 as f64 / Decimal::SCALE as f64
}

/// An amount rounded to whole units, for chart labels: `173,250`.
fn whole(m: Money, lang: Language) -> String {
    let units = div_round(m.0, 100).unwrap_or(0);
    let text = i18n::amount(Money(units.saturating_mul(100)), lang);
    text.get(..text.len().saturating_sub(3))
        .unwrap_or(&text)
        .to_string()
}

fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The page's style sheet, kept as a file to be read and edited as CSS. The
/// newline first keeps `<style>` on a line of its own, as it always was.
const CSS: &str = concat!("\n", include_str!("../../assets/dashboard.css"));

/// The whole page.
pub fn render(d: &Dashboard<'_>, lang: Language) -> Vec<u8> {
    let t = |x| i18n::text(x, lang);
    let b = d.budget;
    let mut h = String::with_capacity(64 * 1024);
    let mut title = match &d.organisation {
        Some(o) => format!("{} {} · {o}", t(Text::DashboardTitle), b.plan_year),
        None => format!("{} {}", t(Text::DashboardTitle), b.plan_year),
    };
    if let Some(name) = &d.scenario {
        title = format!("{title} · {}: {name}", t(Text::Scenario));
    }
    let _ = writeln!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{l}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{t}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>",
        l = match lang {
            Language::En => "en",
            Language::Pl => "pl",
        },
        t = esc(&title)
    );
    let mut sub = Vec::new();
    if let Some(team) = &d.team {
        sub.push(esc(team));
    }
    sub.push(format!("{}: {}", esc(t(Text::AsOf)), date(b.as_of)));
    sub.push(format!("{}: {}", esc(t(Text::Currency)), esc(&b.currency)));
    let _ = writeln!(
        h,
        "<header><h1>{}</h1><p>{}</p></header>",
        esc(&title),
        sub.join(" · ")
    );
    strategy(&mut h, d, lang);
    headline(&mut h, d, lang);
    budget_charts(&mut h, d, lang);
    scenarios(&mut h, d, lang);
    since_last_quarter(&mut h, d, lang);
    timeline(&mut h, d, lang);
    backlog(&mut h, d, lang);
    kpis(&mut h, d, lang);
    guidelines(&mut h, d, lang);
    findings(&mut h, d, lang);
    let _ = writeln!(
        h,
        "<footer>{} {} · {}: {}</footer>\n</main>\n</body>\n</html>",
        esc(t(Text::Generated)),
        esc(&d.source_name),
        esc(t(Text::AsOf)),
        date(b.as_of)
    );
    h.into_bytes()
}

fn headline(h: &mut String, d: &Dashboard<'_>, lang: Language) {
    h.push_str("<div class=\"cards\">\n");
    budget_card(h, d, lang);
    coverage_card(h, d, lang);
    time_eaters_card(h, d, lang);
    kpis_card(h, d, lang);
    h.push_str("</div>\n");
}

/// The CXM budget against the cap.
fn budget_card(h: &mut String, d: &Dashboard<'_>, lang: Language) {
    let t = |x| i18n::text(x, lang);
    let b = d.budget;
    let total = i18n::money(b.totals.cxm, &b.currency, lang);
    let (note, fill, over) = match (b.budget_cap, d.cap_used_percent) {
        (Some(cap), Some(pct)) => {
            let left = cap.checked_sub(b.totals.cxm).unwrap_or(Money::ZERO);
            let over = left.0 < 0;
            let rest = if over {
                format!(
                    "{} {}",
                    i18n::money(Money(left.0.saturating_neg()), &b.currency, lang),
                    t(Text::OverCap)
                )
            } else {
                format!("{} {}", i18n::money(left, &b.currency, lang), t(Text::Left))
            };
            (
                format!(
                    "{} {}: {}<br>{}",
                    i18n::percent_fixed(pct, 1, lang),
                    t(Text::OfCap),
                    i18n::money(cap, &b.currency, lang),
                    rest
                ),
                svg::progress_fill(Some(decimal_f64(pct))),
                over,
            )
        }
        _ => (t(Text::NoCap).to_string(), 0.0, false),
    };
    let _ = writeln!(
        h,
        "<div class=\"card\" id=\"headline-budget\"><div class=\"label\">{}</div><div class=\"big{}\">{}</div>{}<div class=\"note\">{}</div></div>",
        esc(t(Text::HeadlineBudget)),
        if over { " over" } else { "" },
        esc(&total),
        svg::meter("cap", fill, if over { "#b3261e" } else { "#2f5d8a" }),
        // The note holds only escaped texts and formatted figures.
        note.split("<br>").map(esc).collect::<Vec<_>>().join("<br>")
    );
}

/// Coverage of the four competencies.
fn coverage_card(h: &mut String, d: &Dashboard<'_>, lang: Language) {
    let t = |x| i18n::text(x, lang);
    let covered = d.covered();
    let chips: String = d
        .coverage
        .iter()
        .map(|(c, n)| {
            format!(
                "<span class=\"chip{}\" style=\"background:{}\" title=\"{}\">{} · {n}</span>",
                if *n == 0 { " missing" } else { "" },
                competency_color(*c),
                esc(i18n::competency(*c, lang)),
                esc(i18n::competency_short(*c, lang)),
            )
        })
        .collect();
    let _ = writeln!(
        h,
        "<div class=\"card\" id=\"headline-coverage\"><div class=\"label\">{}</div><div class=\"big{}\">{covered} / 4</div><div class=\"note\">{}</div><div class=\"chips\">{chips}</div></div>",
        esc(t(Text::HeadlineCoverage)),
        if covered < 4 { " over" } else { "" },
        esc(t(Text::CoverageNote)),
    );
}

/// The time eaters: the team's days on CX work the departments own.
fn time_eaters_card(h: &mut String, d: &Dashboard<'_>, lang: Language) {
    let t = |x| i18n::text(x, lang);
    let te = &d.time_eaters;
    let (big, fill, note) = match te.share {
        Some(s) => {
            let pct = Decimal(s.0.saturating_mul(100));
            (
                i18n::percent_fixed(pct, 0, lang),
                svg::progress_fill(Some(decimal_f64(pct))),
                format!(
                    "{} ({} / {} {})",
                    t(Text::TimeEaterNote),
                    i18n::decimal(te.eater_days, lang),
                    i18n::decimal(te.total_days, lang),
                    t(Text::DaysShort)
                ),
            )
        }
        None => ("—".to_string(), 0.0, t(Text::NoEffort).to_string()),
    };
    let _ = writeln!(
        h,
        "<div class=\"card\" id=\"headline-time-eaters\"><div class=\"label\">{}</div><div class=\"big\">{}</div>{}<div class=\"note\">{}</div></div>",
        esc(t(Text::HeadlineTimeEaters)),
        esc(&big),
        svg::meter("time-eaters", fill, "#c7831f"),
        esc(&note)
    );
}

/// The KPIs at a glance.
fn kpis_card(h: &mut String, d: &Dashboard<'_>, lang: Language) {
    let t = |x| i18n::text(x, lang);
    let count = |s: KpiStatus| d.kpis.kpis.iter().filter(|k| k.status == s).count();
    let _ = write!(
        h,
        "<div class=\"card\" id=\"headline-kpis\"><div class=\"label\">{}</div><div class=\"big\">{}</div><div class=\"chips\">",
        esc(t(Text::KpiCount)),
        d.kpis.kpis.len()
    );
    // The statuses the board acts on first, then the others; a status no
    // KPI has is left out.
    for s in [
        KpiStatus::Reached,
        KpiStatus::OnTrack,
        KpiStatus::Behind,
        KpiStatus::Stale,
        KpiStatus::TooEarly,
        KpiStatus::NoData,
    ] {
        if count(s) == 0 {
            continue;
        }
        let _ = write!(
            h,
            "<span class=\"badge {}\">{} {}</span>",
            status_class(s),
            count(s),
            esc(i18n::kpi_status(s, lang))
        );
    }
    h.push_str("</div></div>\n");
}

fn budget_charts(h: &mut String, d: &Dashboard<'_>, lang: Language) {
    let t = |x| i18n::text(x, lang);
    let b = d.budget;
    let pl = lang == Language::Pl;
    let axis = i18n::currency_symbol(&b.currency, lang);
    let by_comp: Vec<Bar> = b
        .totals
        .by_competency
        .iter()
        .map(|(c, m)| Bar {
            label: i18n::competency(*c, lang).to_string(),
            value: money_f64(*m),
            value_text: whole(*m, lang),
            color: competency_color(*c).to_string(),
        })
        .collect();
    let quarters = [Text::Q1, Text::Q2, Text::Q3, Text::Q4];
    let by_q: Vec<Bar> = quarters
        .iter()
        .zip(b.totals.by_quarter)
        .map(|(q, m)| Bar {
            label: t(*q).to_string(),
            value: money_f64(m),
            value_text: whole(m, lang),
            color: "#2f5d8a".to_string(),
        })
        .collect();
    let _ = writeln!(
        h,
        "<div class=\"two\" style=\"margin-top:12px\"><div class=\"panel\"><h3>{}</h3>{}</div><div class=\"panel\"><h3>{}</h3>{}</div></div>",
        esc(t(Text::BudgetByCompetency)),
        svg::hbar_chart("chart-competency", &by_comp, axis, pl)
            .replace("class=\"bar\"", "class=\"bar bar-competency\""),
        esc(t(Text::BudgetByQuarter)),
        svg::vbar_chart("chart-quarter", &by_q, axis, pl)
            .replace("class=\"bar\"", "class=\"bar bar-quarter\""),
    );
}

/// The scenarios panel (SPEC section 10): the base and each scenario with
/// its CXM total, cap and what falls below its cut line; none when the
/// model has no columns (`--scenario`, or a file without scenarios).
fn scenarios(h: &mut String, d: &Dashboard<'_>, lang: Language) {
    let t = |x| i18n::text(x, lang);
    if d.scenarios.is_empty() {
        return;
    }
    let cur = &d.budget.currency;
    let title = |id: &str| {
        d.plan
            .iter()
            .find(|r| r.id == id)
            .and_then(|r| r.title.clone())
            .or_else(|| {
                d.backlog
                    .iter()
                    .find(|b| b.id == id)
                    .and_then(|b| b.title.clone())
            })
            .unwrap_or_else(|| id.to_string())
    };
    let _ = writeln!(
        h,
        "<section id=\"scenarios\"><h2>{} <span class=\"period\">{}</span></h2>",
        esc(t(Text::DashScenarios)),
        esc(t(Text::DashScenariosNote)),
    );
    let _ = writeln!(
        h,
        "<table><thead><tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th>{}</th></tr></thead><tbody>",
        esc(t(Text::Scenario)),
        esc(t(Text::CxmTotal)),
        esc(t(Text::BudgetCap)),
        esc(t(Text::DashScenarioCuts)),
    );
    for s in &d.scenarios {
        let name = if s.name == crate::scenarios::BASE {
            t(Text::ScenarioBase).to_string()
        } else {
            s.name.clone()
        };
        let cap = s
            .budget_cap
            .map_or_else(|| "—".to_string(), |c| i18n::money(c, cur, lang));
        let cuts = if s.below_line.is_empty() {
            t(Text::DashScenarioCutsNothing).to_string()
        } else {
            s.below_line
                .iter()
                .map(|id| title(id))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = writeln!(
            h,
            "<tr class=\"scenario-row\"><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            esc(&name),
            esc(&i18n::money(s.cxm_total, cur, lang)),
            esc(&cap),
            esc(&cuts),
        );
    }
    h.push_str("</tbody></table></section>\n");
}

fn gantt_row(r: &PlanRow, year: i32, currency: &str, lang: Language) -> GanttRow {
    let jan1 = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(r.start);
    let dec31 = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(r.end);
    let from = r.start.max(jan1);
    let to = r.end.min(dec31);
    let days = |x: NaiveDate| (x - jan1).num_days();
    let prio = r
        .priority
        .map_or_else(|| "–".to_string(), |p| p.to_string());
    let effort = r.effort_days.map(|e| {
        format!(
            "{} {}",
            i18n::decimal(e, lang),
            i18n::text(Text::DaysShort, lang)
        )
    });
    let right = match (r.area, effort) {
        (Area::Cxm, Some(e)) => format!("{} · {e}", whole(r.plan_year_budget, lang)),
        (Area::Cxm, None) => whole(r.plan_year_budget, lang),
        (Area::Cx, Some(e)) => e,
        (Area::Cx, None) => String::new(),
    };
    let mut tip = vec![match &r.title {
        Some(title) => format!("{title} ({})", r.id),
        None => r.id.clone(),
    }];
    tip.push(format!("{} – {}", date(r.start), date(r.end)));
    if let Some(o) = &r.owner {
        tip.push(format!("{}: {o}", i18n::text(Text::Owner, lang)));
    }
    tip.push(format!(
        "{}: {}",
        i18n::text(Text::PlanYearBudget, lang),
        i18n::money(r.plan_year_budget, currency, lang)
    ));
    if let Some(u) = &r.latest_update {
        tip.push(format!(
            "{} ({}): {}",
            i18n::text(Text::DashLatestCheckIn, lang),
            date(u.date),
            i18n::latest_update(u, lang)
        ));
    }
    GanttRow {
        label: svg::wrap(
            &format!("{prio} · {}", r.title.as_deref().unwrap_or(&r.id)),
            GANTT_LABEL_CHARS,
        ),
        tooltip: tip.join("\n"),
        from: days(from),
        to: days(to),
        before: r.start < jan1,
        after: r.end > dec31,
        color: competency_color(r.competency).to_string(),
        cx: r.area == Area::Cx,
        below_line: r.below_line,
        right_text: right,
        sub: Some(owner_and_update(
            r.owner_name.as_deref(),
            r.latest_update.as_ref(),
            lang,
        )),
    }
}

/// An initiative's owner (`—` for a department's work) and, when it has
/// one, its latest check-in: `Anna Kowalska · 30% · medium`.
fn owner_and_update(
    owner: Option<&str>,
    update: Option<&crate::roadmap::LatestUpdate>,
    lang: Language,
) -> String {
    let owner = owner.unwrap_or("—");
    match update {
        Some(u) => format!("{owner} · {}", i18n::latest_update(u, lang)),
        None => owner.to_string(),
    }
}

/// Characters on a line of a timeline label: the label column (320 px)
/// holds about 54 at the size the label is drawn (11 px; a character is
/// about half as wide as high), 48 leave room for wider fonts; longer
/// titles wrap onto further lines, whole.
const GANTT_LABEL_CHARS: usize = 48;

fn timeline(h: &mut String, d: &Dashboard<'_>, lang: Language) {
    let t = |x| i18n::text(x, lang);
    let b = d.budget;
    let _ = writeln!(
        h,
        "<section id=\"timeline\"><h2>{}</h2>",
        esc(t(Text::Timeline))
    );
    if d.plan.is_empty() {
        let _ = writeln!(
            h,
            "<p class=\"empty-note\">{}</p></section>",
            esc(t(Text::NoPlan))
        );
        return;
    }
    let rows: Vec<GanttRow> = d
        .plan
        .iter()
        .map(|r| gantt_row(r, b.plan_year, &b.currency, lang))
        .collect();
    let quarters =
        [Text::Q1, Text::Q2, Text::Q3, Text::Q4].map(|q| format!("{} {}", t(q), b.plan_year));
    let months: Vec<String> = (1..=12).map(|m| i18n::month(m, lang).to_string()).collect();
    h.push_str(&svg::gantt(
        &rows,
        b.plan_year,
        &quarters,
        &months,
        t(Text::DashBelowLine),
    ));
    h.push_str("<div class=\"legend\">");
    for c in Competency::ALL {
        let _ = write!(
            h,
            "<span><span class=\"swatch\" style=\"background:{}\"></span>{}</span>",
            competency_color(*c),
            esc(i18n::competency(*c, lang))
        );
    }
    let cut = if d.plan.iter().any(|r| r.below_line) {
        format!(
            "<span class=\"swatch cut\"></span>{}",
            esc(t(Text::CutLine))
        )
    } else {
        esc(t(Text::DashNoCutLine))
    };
    let _ = writeln!(
        h,
        "<span><span class=\"swatch cx\"></span>{}</span><span>{cut}</span></div>\n</section>",
        esc(t(Text::CxWork)),
    );
}

fn kpi_card(h: &mut String, k: &KpiLine, group: Group, lang: Language) {
    let t = |x| i18n::text(x, lang);
    let unit = k.unit.clone().unwrap_or_default();
    let with_unit = |d: Decimal| {
        if unit.is_empty() {
            i18n::decimal(d, lang)
        } else {
            format!("{} {unit}", i18n::decimal(d, lang))
        }
    };
    let marks: Vec<Mark> = k
        .series
        .iter()
        .map(|p| Mark {
            day: i64::from(p.date.num_days_from_ce()),
            value: decimal_f64(p.value),
            value_text: i18n::decimal(p.value, lang),
            date_text: format!("{} {}", i18n::month(p.date.month(), lang), p.date.year()),
        })
        .collect();
    let mut refs = Vec::new();
    if let Some(bl) = k.baseline {
        refs.push(RefLine {
            class: "baseline",
            value: decimal_f64(bl),
            text: format!("{} {}", t(Text::BaselineShort), i18n::decimal(bl, lang)),
        });
    }
    if let Some(tg) = k.target {
        refs.push(RefLine {
            class: "target",
            value: decimal_f64(tg),
            text: format!(
                "{} {}",
                t(Text::Target).to_lowercase(),
                i18n::decimal(tg, lang)
            ),
        });
    }
    let latest = match (k.latest, k.latest_date) {
        (Some(l), Some(dt)) => {
            // Where the path to the target stood on that date.
            let path = k.path_value.as_ref().map_or_else(String::new, |_| {
                format!(
                    " · {} {}",
                    esc(&t(Text::PathValue).to_lowercase()),
                    esc(&crate::render::kpi::path_value(k, lang))
                )
            });
            format!(
                "<span class=\"latest\">{}</span> ({}){path}",
                esc(&with_unit(l)),
                date(dt)
            )
        }
        _ => format!(
            "<span class=\"latest\">—</span> {}",
            esc(t(Text::NoMeasurement))
        ),
    };
    let goal = format!(
        "{} {} → {} {} ({} {})",
        t(Text::Baseline),
        k.baseline.map_or_else(|| "—".to_string(), &with_unit),
        t(Text::Target).to_lowercase(),
        k.target.map_or_else(|| "—".to_string(), &with_unit),
        t(Text::Better).to_lowercase(),
        i18n::direction(k.direction, lang)
    );
    let progress = k
        .progress_percent
        .map_or_else(|| "—".to_string(), |p| i18n::percent_fixed(p, 1, lang));
    let path_mark = match (&k.path_value, k.latest_date) {
        (Some(p), Some(dt)) => Decimal::parse(p).ok().map(|v| PathMark {
            day: i64::from(dt.num_days_from_ce()),
            value: decimal_f64(v),
            text: format!(
                "{} {}",
                t(Text::PathValue).to_lowercase(),
                crate::render::kpi::path_value(k, lang)
            ),
        }),
        _ => None,
    };
    let fill = svg::progress_fill(k.progress_percent.map(decimal_f64));
    let ahead = ahead(k, lang);
    let money = money_lines(k, lang);
    let _ = writeln!(
        h,
        "<div class=\"kpi-card card\" id=\"kpi-{id}\"><div class=\"group\">{group}</div><h4><span>{name}</span><span class=\"badge {sc}\">{st}</span></h4><div class=\"figures\">{latest}</div><div class=\"figures\">{goal}</div>{meter}<div class=\"figures\">{pl}: <strong class=\"{pc}\">{progress}</strong></div>{chart}{money}<div class=\"initiatives\">{il}: {ini}</div></div>",
        id = esc(&k.id),
        group = esc(i18n::group_title(group, lang)),
        name = esc(k.name.as_deref().unwrap_or(&k.id)),
        sc = status_class(k.status),
        st = esc(i18n::kpi_status(k.status, lang)),
        goal = esc(&goal),
        meter = svg::meter("progress-meter", fill, "#2e7d32"),
        pl = esc(t(Text::Progress)),
        progress = esc(&progress),
        // The wrong way reads red: the meter cannot show it.
        pc = if k.progress_percent.is_some_and(|p| p.0 < 0) {
            "over"
        } else {
            ""
        },
        chart = svg::kpi_chart_ahead(
            &marks,
            &refs,
            path_mark.as_ref(),
            &ahead,
            &unit,
            t(Text::NoMeasurement),
            lang == Language::Pl
        ),
        il = esc(t(Text::Initiatives)),
        ini = if k.initiatives.is_empty() {
            "—".to_string()
        } else {
            esc(&k.initiatives.join(", "))
        },
    );
}

/// The path through the checkpoints and the projection, for the chart.
fn ahead(k: &KpiLine, lang: Language) -> Ahead {
    let day = |d: NaiveDate| i64::from(d.num_days_from_ce());
    let mut path = Vec::new();
    if let (Some(start), Some(b), Some(t)) = (k.start, k.baseline, k.target)
        && k.target_date > start
    {
        path.push((day(start), decimal_f64(b)));
        path.extend(
            k.targets
                .iter()
                .filter(|c| c.date > start && c.date < k.target_date)
                .map(|c| (day(c.date), decimal_f64(c.value))),
        );
        path.push((day(k.target_date), decimal_f64(t)));
    }
    Ahead {
        path,
        projection: k
            .projection_line
            .map(|[(d0, v0), (d1, v1)]| [(day(d0), v0), (day(d1), v1)]),
        end: Some((
            day(k.target_date),
            format!(
                "{} {}",
                i18n::month(k.target_date.month(), lang),
                k.target_date.year()
            ),
        )),
        projection_text: format!(
            "{} {}: {}",
            i18n::text(Text::Projected, lang),
            date(k.target_date),
            crate::render::kpi::projected(k, lang)
        ),
    }
}

/// What the KPI is worth, under its chart: the improvement so far and
/// what reaching the target would add, each a range a year, with the
/// assumption. Nothing without a money value.
fn money_lines(k: &KpiLine, lang: Language) -> String {
    let t = |x| i18n::text(x, lang);
    let Some(u) = &k.value_per_unit else {
        return String::new();
    };
    let unit = k.unit.clone().unwrap_or_default();
    let mut parts = Vec::new();
    let worth = |r: crate::kpi::MoneyRange| {
        format!(
            "{} – {} {}/{}",
            whole(r.low, lang),
            whole(r.high, lang),
            i18n::currency_symbol(&k.currency, lang),
            t(Text::YearShort)
        )
    };
    if let (Some(r), Some(b), Some(l)) = (k.value_so_far, k.baseline, k.latest) {
        let change = l.checked_sub(b).unwrap_or(Decimal::ZERO);
        let sign = if change.0 > 0 { "+" } else { "" };
        parts.push(format!(
            "{}{} {} ≈ <strong>{}</strong>",
            sign,
            esc(&i18n::decimal(change, lang)),
            esc(&unit),
            esc(&worth(r))
        ));
    }
    if let Some(r) = k.value_to_target {
        parts.push(format!(
            "{}: <strong>{}</strong>",
            esc(t(Text::ReachingTarget)),
            esc(&worth(r))
        ));
    }
    let note = u.note.as_deref().unwrap_or(t(Text::NoAssumption));
    // One paragraph, as a sentence: the figures, then what they rest on.
    format!(
        "<div class=\"money\">{} <span class=\"assumption\">— {}: {}</span></div>",
        parts.join("; "),
        esc(t(Text::Assumption)),
        esc(note)
    )
}

fn kpis(h: &mut String, d: &Dashboard<'_>, lang: Language) {
    let t = |x| i18n::text(x, lang);
    // What the KPIs are worth and which move together, before the cards:
    // the board's summary first, and on paper it fills the page the
    // backlog leaves.
    money_panels(h, d, lang);
    let _ = writeln!(
        h,
        "<section id=\"kpis\"><h2>{}</h2><p class=\"note\" style=\"margin:0;color:var(--muted);font-size:12px\">{} · {}: {}</p>",
        esc(t(Text::KpiTitle)),
        esc(t(Text::StatusRule)),
        esc(t(Text::TargetsBy)),
        date(d.kpis.target_date)
    );
    if d.kpis.kpis.is_empty() {
        let _ = write!(h, "<p class=\"empty-note\">{}</p>", esc(t(Text::NoKpis)));
    }
    // On paper the groups share one grid (each card names its group), so
    // that a group of one or two cards does not leave a row half empty.
    h.push_str("<div class=\"kpi-groups\">\n");
    for g in Group::ALL {
        let list: Vec<&KpiLine> = d.kpis.group(*g).collect();
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(
            h,
            "<h3>{}</h3><div class=\"kpis\">",
            esc(i18n::group_title(*g, lang))
        );
        for k in list {
            kpi_card(h, k, *g, lang);
        }
        h.push_str("</div>\n");
    }
    h.push_str("</div>\n</section>\n");
}

/// Under the KPI cards: the benefit of each initiative against its cost,
/// and which KPIs move together; each only when there is something to
/// show.
fn money_panels(h: &mut String, d: &Dashboard<'_>, lang: Language) {
    let t = |x| i18n::text(x, lang);
    let b = d.budget;
    let cur = i18n::currency_symbol(&b.currency, lang);
    let rows: Vec<BenefitRow> = b
        .initiatives
        .iter()
        .filter_map(|l| {
            let (lo, hi) = (l.benefit.benefit_low?, l.benefit.benefit_high?);
            let cost = l.figures.known_budget()?;
            Some(BenefitRow {
                label: l
                    .header
                    .title
                    .clone()
                    .unwrap_or_else(|| l.header.id.clone()),
                cost: money_f64(cost),
                cost_text: format!("{}: {} {cur}", t(Text::Budget), whole(cost, lang),),
                low: money_f64(lo),
                high: money_f64(hi),
                range_text: format!("{} – {} {cur}", whole(lo, lang), whole(hi, lang)),
            })
        })
        .collect();
    let shown: Vec<&crate::kpi::Relation> = d
        .kpis
        .relations
        .iter()
        .filter(|r| r.r.unsigned_abs() >= 50)
        .collect();
    if rows.is_empty() && shown.is_empty() {
        return;
    }
    h.push_str("<div class=\"money-panels\">");
    if !rows.is_empty() {
        let axis = i18n::currency_symbol(&b.currency, lang);
        let _ = write!(
            h,
            "<div class=\"panel\" id=\"benefit\"><h3>{}</h3>{}<p class=\"note\">{}</p></div>",
            esc(t(Text::BenefitTitle)),
            svg::benefit_chart("chart-benefit", &rows, axis, lang == Language::Pl),
            esc(t(Text::BenefitNote))
        );
    }
    if !shown.is_empty() {
        let name = |id: &str| {
            d.kpis
                .kpis
                .iter()
                .find(|k| k.id == id)
                .and_then(|k| k.name.clone())
                .unwrap_or_else(|| id.to_string())
        };
        let items: Vec<String> = shown
            .iter()
            .map(|r| {
                let r_text = crate::kpi::ahead::hundredths_text(r.r);
                let r_text = if lang == Language::Pl {
                    r_text.replace('.', ",")
                } else {
                    r_text
                };
                let how = if r.together {
                    Text::TogetherShort
                } else {
                    Text::AgainstShort
                };
                format!(
                    "<span class=\"relation\">{} ~ {} (r = {}, n = {}, {})</span>",
                    esc(&name(&r.a)),
                    esc(&name(&r.b)),
                    esc(&r_text),
                    r.n,
                    esc(t(how)),
                )
            })
            .collect();
        let _ = write!(
            h,
            "<div class=\"panel\" id=\"moves-with\"><p><strong>{}:</strong> {}. <span class=\"note\">{}</span></p></div>",
            esc(t(Text::MovesWith)),
            items.join("; "),
            esc(t(Text::RelationsNote))
        );
    }
    h.push_str("</div>\n");
}

fn guidelines(h: &mut String, d: &Dashboard<'_>, lang: Language) {
    let t = |x| i18n::text(x, lang);
    let b = d.budget;
    let _ = writeln!(
        h,
        "<section id=\"guidelines\"><h2>{}</h2>",
        esc(t(Text::DepartmentGuidelines))
    );
    if b.departments.is_empty() {
        let _ = writeln!(
            h,
            "<p class=\"empty-note\">{}</p></section>",
            esc(t(Text::NoGuidelines))
        );
        return;
    }
    let _ = writeln!(
        h,
        "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
        esc(t(Text::Department)),
        esc(t(Text::Kind)),
        esc(t(Text::Title)),
        esc(t(Text::People)),
        esc(t(Text::Amount)),
    );
    for g in &b.departments {
        let name = g.name.clone().unwrap_or_else(|| g.id.clone());
        for (i, l) in g.lines.iter().enumerate() {
            let kind = match l.kind {
                crate::budget::LineKind::Initiative => t(Text::Initiative),
                crate::budget::LineKind::Training => t(Text::Training),
            };
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                if i == 0 { esc(&name) } else { String::new() },
                esc(kind),
                esc(l.title.as_deref().unwrap_or(&l.id)),
                l.people.map_or_else(String::new, |p| p.to_string()),
                esc(&i18n::money(l.amount, &b.currency, lang)),
            );
        }
        let _ = writeln!(
            h,
            "<tr class=\"total\"><td colspan=\"4\">{} {}</td><td class=\"num\">{}</td></tr>",
            esc(t(Text::Total)),
            esc(&name),
            esc(&i18n::money(g.total, &b.currency, lang)),
        );
    }
    h.push_str("</tbody></table></section>\n");
}

fn findings(h: &mut String, d: &Dashboard<'_>, lang: Language) {
    let t = |x| i18n::text(x, lang);
    let _ = writeln!(
        h,
        "<section id=\"findings\"><h2>{}</h2>",
        esc(t(Text::Findings))
    );
    if d.findings.is_empty() {
        let _ = writeln!(
            h,
            "<p class=\"empty-note\">{}</p></section>",
            esc(t(Text::NoFindings))
        );
        return;
    }
    let _ = writeln!(
        h,
        "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        esc(t(Text::Code)),
        esc(t(Text::Severity)),
        esc(t(Text::DashConcerns)),
        esc(t(Text::Message)),
    );
    for f in &d.findings {
        let (class, word) = match f.severity {
            Severity::Error => ("sev-error", t(Text::Error)),
            Severity::Warning => ("sev-warning", t(Text::Warning)),
        };
        let _ = writeln!(
            h,
            "<tr class=\"finding\"><td>{}</td><td class=\"{class}\">{}</td><td>{}</td><td>{}</td></tr>",
            esc(f.code),
            esc(word),
            esc(&about(&f.about, lang)),
            esc(&crate::render::messages::text(&f.finding, lang)),
        );
    }
    h.push_str("</tbody></table></section>\n");
}

/// What a finding is about, in words: `initiative cx-vision`, `table
/// [fx]`, or the roadmap as a whole for keys before the first table.
fn about(a: &About, lang: Language) -> String {
    let t = |x| i18n::text(x, lang);
    let Some(table) = &a.table else {
        return t(Text::DashAboutFile).to_string();
    };
    let kind = match table.as_str() {
        "initiatives" => Some(t(Text::Initiative)),
        "kpis" => Some(t(Text::DashAboutKpi)),
        "team" => Some(t(Text::DashAboutMember)),
        "training" => Some(t(Text::Training)),
        "departments" => Some(t(Text::DashAboutDepartment)),
        _ => None,
    };
    match (kind, &a.id) {
        (Some(k), Some(id)) => format!("{k} {id}"),
        (None, Some(id)) => format!("{} [{table}] {id}", t(Text::DashAboutTable)),
        (_, None) => format!("{} [{table}]", t(Text::DashAboutTable)),
    }
}

/// Strategy on a page (SPEC section 7): the vision, then a card per focus
/// goal of the plan year with its KPI progress, the money and the work
/// behind it, and W014's red flag; nothing without goals.
fn strategy(h: &mut String, d: &Dashboard<'_>, lang: Language) {
    let t = |x| i18n::text(x, lang);
    let Some(s) = &d.strategy else {
        return;
    };
    let _ = writeln!(
        h,
        "<section id=\"strategy\"><h2>{}</h2>",
        esc(t(Text::DashStrategy))
    );
    if let Some(v) = &s.vision {
        let _ = writeln!(
            h,
            "<p class=\"vision\"><strong>{}:</strong> {}</p>",
            esc(t(Text::DashVision)),
            esc(v)
        );
    }
    if s.focus.is_empty() {
        let _ = writeln!(
            h,
            "<p class=\"empty-note\">{}</p>",
            esc(t(Text::DashNoFocus))
        );
    } else {
        h.push_str("<div class=\"goals\">\n");
        for g in &s.focus {
            goal_card(h, d, g, lang);
        }
        h.push_str("</div>\n");
    }
    let _ = writeln!(
        h,
        "<p class=\"note\">{}</p></section>",
        esc(&i18n::cxm_serving_no_goal(
            &i18n::money(s.cxm_serving_no_goal, &d.budget.currency, lang),
            lang
        ))
    );
}

fn goal_card(h: &mut String, d: &Dashboard<'_>, g: &FocusGoal, lang: Language) {
    let t = |x| i18n::text(x, lang);
    let goal = &g.goal;
    let flag = if g.without_work {
        format!(
            "<div class=\"goal-flag\">⚑ {}</div>",
            esc(t(Text::DashWithoutWork))
        )
    } else {
        String::new()
    };
    let _ = write!(
        h,
        "<div class=\"card goal-card{}\" id=\"goal-{}\"><h4>{}</h4>{flag}<div class=\"note\">{}: {}</div>",
        if g.without_work { " flagged" } else { "" },
        esc(&goal.id),
        esc(goal.title.as_deref().unwrap_or(&goal.id)),
        esc(t(Text::Owner)),
        esc(g.owner.as_deref().unwrap_or("—")),
    );
    for k in &goal.kpis {
        let line = d.kpis.kpis.iter().find(|l| l.id == k.kpi);
        let name = line.and_then(|l| l.name.as_deref()).unwrap_or(&k.kpi);
        let num =
            |v: Option<Decimal>| v.map_or_else(|| "—".to_string(), |v| i18n::decimal(v, lang));
        // Without a measurement there is no progress to show.
        let progress = k
            .progress_percent
            .map_or_else(String::new, |p| i18n::percent_fixed(p, 1, lang));
        let _ = write!(
            h,
            "<div class=\"goal-kpi\"><span>{}</span> <span class=\"figures\">{} → {} · {}</span> <strong class=\"{}\">{}</strong>{}</div>",
            esc(name),
            esc(&num(k.baseline)),
            esc(&i18n::decimal(k.value, lang)),
            esc(&format!(
                "{} {}",
                t(Text::Latest).to_lowercase(),
                num(k.latest)
            )),
            if k.progress_percent.is_some_and(|p| p.0 < 0) {
                "over"
            } else {
                ""
            },
            esc(&progress),
            svg::meter(
                "progress-meter",
                svg::progress_fill(k.progress_percent.map(decimal_f64)),
                "#2e7d32"
            ),
        );
    }
    let share = goal
        .share_of_cxm_percent
        .map_or_else(|| "—".to_string(), |p| i18n::percent_fixed(p, 1, lang));
    let _ = write!(
        h,
        "<div class=\"goal-money\"><strong>{}</strong> · {} {} · {} {}</div>",
        esc(&i18n::money(
            goal.plan_year_budget,
            &d.budget.currency,
            lang
        )),
        esc(&share),
        esc(t(Text::DashOfCxmTotal)),
        esc(&i18n::decimal(goal.plan_year_effort, lang)),
        esc(t(Text::DaysShort)),
    );
    if g.initiatives.is_empty() {
        let _ = write!(
            h,
            "<div class=\"empty-note\">{}</div>",
            esc(t(Text::DashNoServing))
        );
    } else {
        h.push_str("<ul class=\"serving\">");
        for i in &g.initiatives {
            let _ = write!(
                h,
                "<li class=\"{}\">{} <span class=\"who\">· {}</span>{}</li>",
                if i.serving.below_line {
                    "below"
                } else {
                    "above"
                },
                esc(i.serving.title.as_deref().unwrap_or(&i.serving.id)),
                esc(&owner_and_update(
                    i.owner.as_deref(),
                    i.latest_update.as_ref(),
                    lang
                )),
                if i.serving.below_line {
                    format!(
                        " <span class=\"cut-note\">({})</span>",
                        esc(t(Text::DashBelowLine))
                    )
                } else {
                    String::new()
                },
            );
        }
        h.push_str("</ul>");
    }
    h.push_str("</div>\n");
}

fn why_text(w: crate::status::Why) -> Text {
    use crate::status::Why;
    match w {
        Why::Finished => Text::WhyFinished,
        Why::Started => Text::WhyStarted,
        Why::LateEnd => Text::WhyLateEnd,
        Why::LateStart => Text::WhyLateStart,
        Why::LowConfidence => Text::WhyLowConfidence,
        Why::BehindTime => Text::WhyBehindTime,
    }
}

/// A change with its sign: `+2.5`, `-1`, `0`.
fn signed(d: Decimal, lang: Language) -> String {
    let t = i18n::decimal(d, lang);
    if d > Decimal::ZERO {
        format!("+{t}")
    } else {
        t
    }
}

/// An initiative's title as the plan has it, else its id.
fn title_in_plan(d: &Dashboard<'_>, id: &str) -> String {
    d.plan
        .iter()
        .find(|r| r.id == id)
        .and_then(|r| r.title.clone())
        .unwrap_or_else(|| id.to_string())
}

/// Since last quarter (SPEC section 9): the `cxm status` note of the
/// default period — what finished, started, slipped or is at risk (and
/// why), the period's spending, the plan-year cash against what was spent,
/// and the KPI measurements with their change.
fn since_last_quarter(h: &mut String, d: &Dashboard<'_>, lang: Language) {
    let t = |x| i18n::text(x, lang);
    let s = &d.status;
    let cur = &d.budget.currency;
    let title_of =
        |id: &str, title: &Option<String>| title.clone().unwrap_or_else(|| id.to_string());
    let _ = writeln!(
        h,
        "<section id=\"since\"><h2>{} <span class=\"period\">{} – {}</span></h2><div class=\"moves\">",
        esc(t(Text::DashSince)),
        date(s.since),
        date(s.as_of)
    );
    let lists = [
        ("finished", Text::StatusFinished, &s.finished),
        ("started", Text::StatusStarted, &s.started),
        ("slipped", Text::StatusSlipped, &s.slipped),
        ("at-risk", Text::StatusAtRisk, &s.at_risk),
    ];
    for (id, title, list) in lists {
        let _ = write!(
            h,
            "<div class=\"move\" id=\"since-{id}\"><h3>{} ({})</h3>",
            esc(t(title)),
            list.len()
        );
        if list.is_empty() {
            let _ = write!(
                h,
                "<div class=\"empty-note\">{}</div>",
                esc(t(Text::StatusNone))
            );
        } else {
            h.push_str("<ul>");
            for m in list {
                let why = match m.why {
                    crate::status::Why::Finished | crate::status::Why::Started => String::new(),
                    w => {
                        let p = m
                            .progress
                            .map(|p| format!(", {}", i18n::percent(p, lang)))
                            .unwrap_or_default();
                        format!(
                            " <span class=\"why\">{}{}</span>",
                            esc(t(why_text(w))),
                            esc(&p)
                        )
                    }
                };
                let _ = write!(
                    h,
                    "<li>{} <span class=\"when\">{}</span>{why}</li>",
                    esc(&title_of(&m.id, &m.title)),
                    date(m.date)
                );
            }
            h.push_str("</ul>");
        }
        h.push_str("</div>");
    }
    // The period's spending: dated entries, with their total.
    let _ = write!(
        h,
        "<div class=\"move\" id=\"since-spending\"><h3>{} ({})</h3>",
        esc(t(Text::StatusSpending)),
        s.spending.len()
    );
    if s.spending.is_empty() {
        let _ = write!(
            h,
            "<div class=\"empty-note\">{}</div>",
            esc(t(Text::StatusNone))
        );
    } else {
        h.push_str("<ul>");
        for e in &s.spending {
            let _ = write!(
                h,
                "<li>{} <span class=\"when\">{}</span> <span class=\"amount\">{}</span></li>",
                esc(&title_in_plan(d, &e.id)),
                date(e.date),
                esc(&i18n::money(e.amount, cur, lang))
            );
        }
        h.push_str("</ul>");
        // A total too large to add up exactly is left out, not wrong.
        let total = s
            .spending
            .iter()
            .try_fold(Money::ZERO, |sum, e| sum.checked_add(e.amount));
        if let Some(total) = total {
            let _ = write!(
                h,
                "<div class=\"total\">{}: {}</div>",
                esc(t(Text::Total)),
                esc(&i18n::money(total, cur, lang))
            );
        }
    }
    h.push_str("</div></div>\n");
    let _ = write!(
        h,
        "<p class=\"cash\">{} {}: <strong>{}</strong> · {}: <strong>{}</strong>",
        esc(t(Text::StatusPlanYearCash)),
        s.plan_year,
        esc(&i18n::money(s.plan_year_cash, cur, lang)),
        esc(t(Text::StatusSpentInPlanYear)),
        esc(&i18n::money(s.spent_in_plan_year, cur, lang)),
    );
    if !s.undated_actual.is_empty() {
        let list: Vec<String> = s
            .undated_actual
            .iter()
            .map(|u| format!("{} {}", u.id, i18n::money(u.amount, cur, lang)))
            .collect();
        let _ = write!(
            h,
            "<br>{}: {}",
            esc(t(Text::StatusUndatedActual)),
            esc(&list.join(", "))
        );
    }
    h.push_str("</p>\n");
    let _ = write!(h, "<h3>{}</h3>", esc(t(Text::StatusKpis)));
    if s.kpis.is_empty() {
        let _ = writeln!(
            h,
            "<p class=\"empty-note\">{}</p></section>",
            esc(t(Text::StatusNone))
        );
        return;
    }
    let _ = writeln!(
        h,
        "<table class=\"kpi-moves\"><thead><tr><th>{}</th><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th>{}</th></tr></thead><tbody>",
        esc(t(Text::Kpi)),
        esc(t(Text::Date)),
        esc(t(Text::StatusValue)),
        esc(t(Text::Change)),
        esc(t(Text::Status)),
    );
    for k in &s.kpis {
        let _ = writeln!(
            h,
            "<tr class=\"kpi-move\"><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td><span class=\"badge {}\">{}</span></td></tr>",
            esc(k.name.as_deref().unwrap_or(&k.id)),
            date(k.date),
            esc(&i18n::decimal(k.value, lang)),
            esc(&k
                .change
                .map_or_else(|| "—".to_string(), |c| signed(c, lang))),
            status_class(k.status),
            esc(i18n::kpi_status(k.status, lang)),
        );
    }
    h.push_str("</tbody></table></section>\n");
}

/// What we do not do this year (SPEC section 7): ideas, on-hold and
/// cancelled work and the planned work below the cut line, each with its
/// owner and reason.
fn backlog(h: &mut String, d: &Dashboard<'_>, lang: Language) {
    let t = |x| i18n::text(x, lang);
    let _ = writeln!(
        h,
        "<section id=\"backlog\"><h2>{}</h2>",
        esc(t(Text::DashBacklog))
    );
    if d.backlog.is_empty() {
        let _ = writeln!(
            h,
            "<p class=\"empty-note\">{}</p></section>",
            esc(t(Text::DashNoBacklog))
        );
        return;
    }
    let _ = writeln!(
        h,
        "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        esc(t(Text::InitiativeColumn)),
        esc(t(Text::Kind)),
        esc(t(Text::Owner)),
        esc(t(Text::Reason)),
    );
    for b in &d.backlog {
        let (class, kind) = match b.kind {
            BacklogKind::Idea => ("idea", Text::DashIdea),
            BacklogKind::OnHold => ("on-hold", Text::DashOnHold),
            BacklogKind::Cancelled => ("cancelled", Text::DashCancelled),
            BacklogKind::BelowLine => ("below-line", Text::DashBelowLineKind),
        };
        let _ = writeln!(
            h,
            "<tr class=\"backlog-row {class}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(b.title.as_deref().unwrap_or(&b.id)),
            esc(t(kind)),
            esc(b.owner.as_deref().unwrap_or("—")),
            esc(b.reason.as_deref().unwrap_or("—")),
        );
    }
    h.push_str("</tbody></table></section>\n");
}
