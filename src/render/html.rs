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
//! - the page is a sequence of sections, one function each (`headline`,
//!   `budget_charts`, `timeline`, `kpis`, `guidelines`, `findings`): a new
//!   section is a function called from [`render`], a `<section>` printed
//!   under the same rules.

use super::svg::{self, Bar, GanttRow, Mark, PathMark, RefLine, esc};
use crate::dashboard::{About, Dashboard, PlanRow};
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
    headline(&mut h, d, lang);
    budget_charts(&mut h, d, lang);
    timeline(&mut h, d, lang);
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
    let _ = writeln!(
        h,
        "<div class=\"kpi-card card\" id=\"kpi-{id}\"><div class=\"group\">{group}</div><h4><span>{name}</span><span class=\"badge {sc}\">{st}</span></h4><div class=\"figures\">{latest}</div><div class=\"figures\">{goal}</div>{meter}<div class=\"figures\">{pl}: <strong class=\"{pc}\">{progress}</strong></div>{chart}<div class=\"initiatives\">{il}: {ini}</div></div>",
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
        chart = svg::kpi_chart(
            &marks,
            &refs,
            path_mark.as_ref(),
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

fn kpis(h: &mut String, d: &Dashboard<'_>, lang: Language) {
    let t = |x| i18n::text(x, lang);
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
