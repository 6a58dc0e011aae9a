//! The inventory report (`cxm inventory`) in every format. It lays out what
//! [`crate::inventory::Inventory`] holds; every sum and the time-eater share
//! come from the model.

use super::csv::{Cell, CsvWriter};
use super::sections::{self, Doc, Row, Section};
use super::{Format, RenderOptions};
use crate::i18n::{self, Text};
use crate::inventory::{Inventory, InventoryLine, Subtotal};
use crate::money::{Decimal, Money};
use crate::roadmap::{Choice, Language};

pub fn render(inv: &Inventory, opts: &RenderOptions) -> anyhow::Result<Vec<u8>> {
    match opts.format {
        Format::Json => super::json(inv),
        Format::Csv => csv(inv, opts.excel),
        Format::Table => Ok(sections::table(&doc(inv, opts.lang), opts.color).into_bytes()),
        Format::Markdown => Ok(sections::markdown(&doc(inv, opts.lang)).into_bytes()),
    }
}

/// The CSV header: fixed English keys.
pub const CSV_HEADER: [&str; 18] = [
    "id",
    "title",
    "competency",
    "area",
    "department",
    "status",
    "owner",
    "start",
    "end",
    "budget",
    "actual",
    "remaining",
    "variance_percent",
    "effort_days",
    "internal_cost",
    "kpi",
    "time_eater",
    "missing",
];

fn date(d: Option<chrono::NaiveDate>) -> Cell {
    d.map_or(Cell::Empty, |d| {
        Cell::text(d.format("%Y-%m-%d").to_string())
    })
}

fn csv(inv: &Inventory, excel: bool) -> anyhow::Result<Vec<u8>> {
    let mut w = CsvWriter::new(excel);
    w.header(&CSV_HEADER)?;
    for l in &inv.initiatives {
        let missing: Vec<&str> = l.missing.iter().map(|m| m.as_str()).collect();
        w.row(&[
            Cell::text(&l.id),
            Cell::opt_text(l.title.as_deref()),
            Cell::text(l.competency.as_str()),
            Cell::text(l.area.as_str()),
            Cell::opt_text(l.department.as_deref()),
            Cell::text(l.status.as_str()),
            Cell::opt_text(l.owner.as_deref()),
            date(l.start),
            date(l.end),
            Cell::opt_money(l.budget),
            Cell::opt_money(l.actual),
            Cell::opt_money(l.remaining),
            Cell::opt_decimal(l.variance_percent),
            Cell::opt_decimal(l.effort_days),
            Cell::opt_money(l.internal_cost),
            Cell::opt_text(l.kpi.as_deref()),
            Cell::text(if l.time_eater { "true" } else { "false" }),
            Cell::text(missing.join(" ")),
        ])?;
    }
    w.finish()
}

const DASH: &str = "—";

fn opt_amount(m: Option<Money>, lang: Language) -> String {
    m.map_or_else(|| DASH.to_string(), |m| i18n::amount(m, lang))
}

fn opt_days(d: Option<Decimal>, lang: Language) -> String {
    d.map_or_else(|| DASH.to_string(), |d| i18n::decimal(d, lang))
}

fn variance(d: Option<Decimal>, lang: Language) -> String {
    d.map_or_else(
        || DASH.to_string(),
        |d| {
            let sign = if d.0 > 0 { "+" } else { "" };
            format!("{sign}{}", i18n::percent(d, lang))
        },
    )
}

fn line_row(l: &InventoryLine, lang: Language, with_rate: bool) -> Vec<String> {
    let t = |x| i18n::text(x, lang);
    let area = if l.time_eater {
        format!(
            "{} ({})",
            i18n::area(l.area, lang),
            t(Text::TimeEater).to_lowercase()
        )
    } else {
        i18n::area(l.area, lang).to_string()
    };
    let mut r = vec![
        l.id.clone(),
        i18n::status(l.status, lang).to_string(),
        area,
        l.owner.clone().unwrap_or_else(|| DASH.to_string()),
        opt_amount(l.budget, lang),
        opt_amount(l.actual, lang),
        opt_amount(l.remaining, lang),
        variance(l.variance_percent, lang),
        opt_days(l.effort_days, lang),
    ];
    if with_rate {
        r.push(opt_amount(l.internal_cost, lang));
    }
    let missing: Vec<&str> = l
        .missing
        .iter()
        .map(|m| i18n::missing(m.as_str(), lang))
        .collect();
    r.push(missing.join(", "));
    r.push(l.kpi.clone().unwrap_or_else(|| DASH.to_string()));
    r
}

/// A subtotal row under the line columns: label, blanks, then the sums.
fn sum_row(label: String, s: &Subtotal, lang: Language, with_rate: bool) -> Vec<String> {
    let mut r = vec![label, String::new(), String::new(), String::new()];
    r.push(i18n::amount(s.budget, lang));
    r.push(i18n::amount(s.actual, lang));
    r.push(i18n::amount(s.remaining, lang));
    r.push(String::new());
    r.push(i18n::decimal(s.effort_days, lang));
    if with_rate {
        r.push(opt_amount(s.internal_cost, lang));
    }
    r
}

fn doc(inv: &Inventory, lang: Language) -> Doc {
    let t = |x| i18n::text(x, lang).to_string();
    let with_rate = inv.day_rate.is_some();
    let mut lines = vec![
        format!("{}: {}", t(Text::AsOf), inv.as_of.format("%Y-%m-%d")),
        format!(
            "{}: {} – {}",
            t(Text::Window),
            inv.window_start.format("%Y-%m-%d"),
            inv.as_of.format("%Y-%m-%d")
        ),
        format!("{}: {}", t(Text::Currency), inv.currency),
    ];
    if let Some(r) = inv.day_rate {
        lines.push(format!(
            "{}: {}",
            t(Text::DayRate),
            i18n::money(r, &inv.currency, lang)
        ));
    }
    lines.push(i18n::time_eaters(inv.time_eater_share, &inv.cx_work, lang));

    let mut header = vec![
        t(Text::Id),
        t(Text::Status),
        t(Text::Area),
        t(Text::Owner),
        t(Text::Budget),
        t(Text::Actual),
        t(Text::Remaining),
        t(Text::Variance),
        t(Text::EffortDays),
    ];
    if with_rate {
        header.push(t(Text::InternalTime));
    }
    let right: Vec<usize> = (4..header.len()).collect();
    header.push(t(Text::Missing));
    header.push(t(Text::Kpi));

    let mut sections = Vec::new();
    if inv.initiatives.is_empty() {
        sections.push(Section {
            title: t(Text::ByCompetencyRows),
            header: Vec::new(),
            right: Vec::new(),
            rows: Vec::new(),
            notes: vec![t(Text::EmptyWindow)],
        });
    } else {
        let mut rows = Vec::new();
        for c in inv.competencies.iter().filter(|c| c.initiatives > 0) {
            let Some(comp) = c.competency else { continue };
            rows.push(Row::Cells(
                vec![i18n::competency(comp, lang).to_string()],
                true,
            ));
            for l in inv.initiatives.iter().filter(|l| l.competency == comp) {
                rows.push(Row::Cells(line_row(l, lang, with_rate), false));
            }
            rows.push(Row::Cells(
                sum_row(t(Text::Subtotal), c, lang, with_rate),
                true,
            ));
        }
        rows.push(Row::Cells(
            sum_row(t(Text::Total), &inv.totals, lang, with_rate),
            true,
        ));
        sections.push(Section {
            title: t(Text::ByCompetencyRows),
            header,
            right,
            rows,
            notes: Vec::new(),
        });
    }

    // All four competencies, empty ones too: a competency with nothing done
    // is worth seeing.
    let mut header = vec![
        t(Text::Competency),
        t(Text::Count),
        t(Text::Budget),
        t(Text::Actual),
        t(Text::Remaining),
        t(Text::EffortDays),
    ];
    if with_rate {
        header.push(t(Text::InternalTime));
    }
    let right = (1..header.len()).collect();
    let by = |label: String, s: &Subtotal, strong: bool| {
        let mut r = vec![
            label,
            s.initiatives.to_string(),
            i18n::amount(s.budget, lang),
            i18n::amount(s.actual, lang),
            i18n::amount(s.remaining, lang),
            i18n::decimal(s.effort_days, lang),
        ];
        if with_rate {
            r.push(opt_amount(s.internal_cost, lang));
        }
        Row::Cells(r, strong)
    };
    let mut rows: Vec<Row> = inv
        .competencies
        .iter()
        .filter_map(|c| {
            let comp = c.competency?;
            Some(by(i18n::competency(comp, lang).to_string(), c, false))
        })
        .collect();
    rows.push(by(t(Text::Total), &inv.totals, true));
    sections.push(Section {
        title: t(Text::ByCompetency),
        header,
        right,
        rows,
        notes: Vec::new(),
    });

    Doc {
        title: format!(
            "{} {}",
            t(Text::InventoryTitle),
            inv.as_of.format("%Y-%m-%d")
        ),
        lines,
        sections,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inventory::Missing;
    use crate::roadmap::{Area, Competency, Status};

    fn line(id: &str, area: Area) -> InventoryLine {
        InventoryLine {
            id: id.to_string(),
            title: Some("=HYPERLINK(\"x\")".to_string()),
            competency: Competency::Design,
            area,
            department: None,
            status: Status::Done,
            owner: Some("ak".to_string()),
            start: None,
            end: None,
            budget: Some(Money(100_000)),
            actual: Some(Money(110_000)),
            remaining: Some(Money(-10_000)),
            variance_percent: Some(Decimal(10_000_000)),
            effort_days: Some(Decimal(5_000_000)),
            internal_cost: None,
            kpi: None,
            time_eater: area == Area::Cx,
            missing: vec![Missing::Kpi],
        }
    }

    fn sample() -> Inventory {
        let zero = Subtotal {
            competency: None,
            initiatives: 0,
            budget: Money::ZERO,
            actual: Money::ZERO,
            remaining: Money::ZERO,
            effort_days: Decimal::ZERO,
            internal_cost: None,
        };
        Inventory {
            currency: "PLN".into(),
            as_of: chrono::NaiveDate::from_ymd_opt(2026, 11, 15).unwrap(),
            window_start: chrono::NaiveDate::from_ymd_opt(2025, 11, 15).unwrap(),
            day_rate: None,
            initiatives: vec![line("a", Area::Cx)],
            competencies: Competency::ALL
                .iter()
                .map(|&c| Subtotal {
                    competency: Some(c),
                    initiatives: usize::from(c == Competency::Design),
                    ..zero
                })
                .collect(),
            totals: zero,
            cx_effort_days: Decimal(5_000_000),
            cx_work: vec!["a".into()],
            time_eater_share: Some(Decimal(1_000_000)),
        }
    }

    fn opts(format: Format) -> RenderOptions {
        RenderOptions {
            format,
            lang: Language::En,
            color: false,
            excel: false,
        }
    }

    #[test]
    fn csv_defuses_formulas_and_keeps_negative_numbers() {
        let out = String::from_utf8(render(&sample(), &opts(Format::Csv)).unwrap()).unwrap();
        assert!(out.contains(",\"'=HYPERLINK"), "{out}");
        assert!(
            out.contains(",1000.00,1100.00,-100.00,10,5,,,true,kpi\r\n"),
            "{out}"
        );
    }

    #[test]
    fn json_share_has_two_places() {
        let v: serde_json::Value =
            serde_json::from_slice(&render(&sample(), &opts(Format::Json)).unwrap()).unwrap();
        assert_eq!(v["time_eater_share"], "1.00");
        assert_eq!(v["initiatives"][0]["missing"][0], "kpi");
        assert_eq!(v["initiatives"][0]["variance_percent"], "10.0");
    }

    #[test]
    fn table_says_the_share_plainly() {
        let out = String::from_utf8(render(&sample(), &opts(Format::Table)).unwrap()).unwrap();
        assert!(
            out.contains(
                "100 % of the team's days went to CX work that belongs to departments: a."
            ),
            "{out}"
        );
        assert!(out.contains("+10%"), "{out}");
    }
}
