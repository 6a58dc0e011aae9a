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
        out.contains("100 % of the team's days went to CX work that belongs to departments: a."),
        "{out}"
    );
    assert!(out.contains("+10%"), "{out}");
}
