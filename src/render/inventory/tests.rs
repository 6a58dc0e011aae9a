use super::*;
use crate::inventory::Missing;
use crate::roadmap::{Area, Choice, Competency, Status};

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
        spent_percent: None,
        effort_days: Some(Decimal(5_000_000)),
        internal_cost: None,
        kpi: None,
        reason: None,
        time_eater: area == Area::Cx,
        in_plan: false,
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
        budget_without_actual: crate::inventory::BudgetOnly {
            initiatives: 0,
            budget: Money::ZERO,
        },
        actual_without_budget: crate::inventory::ActualOnly {
            initiatives: 0,
            actual: Money::ZERO,
        },
        listed: 0,
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
                listed: usize::from(c == Competency::Design),
                ..zero
            })
            .collect(),
        totals: zero,
        budget_without_actual: zero.budget_without_actual,
        actual_without_budget: zero.actual_without_budget,
        cx_effort_days: Decimal(5_000_000),
        team_effort_days: Decimal(5_000_000),
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
        width: None,
    }
}

#[test]
fn csv_defuses_formulas_and_keeps_negative_numbers() {
    let out = String::from_utf8(render(&sample(), &opts(Format::Csv)).unwrap()).unwrap();
    assert!(out.contains(",\"'=HYPERLINK"), "{out}");
    assert!(
        out.contains(",1000.00,1100.00,-100.00,10,,5,,,,true,kpi,none\r\n"),
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

#[test]
fn what_the_totals_cannot_take_stands_on_its_own_lines() {
    let mut inv = sample();
    let design = &mut inv.competencies[2];
    design.budget_without_actual = crate::inventory::BudgetOnly {
        initiatives: 2,
        budget: Money(600_000),
    };
    design.actual_without_budget = crate::inventory::ActualOnly {
        initiatives: 1,
        actual: Money(150_000),
    };
    inv.budget_without_actual = design.budget_without_actual;
    inv.actual_without_budget = design.actual_without_budget;
    inv.totals.budget_without_actual = design.budget_without_actual;
    let out = String::from_utf8(render(&inv, &opts(Format::Table)).unwrap()).unwrap();
    assert!(out.contains("Budget without an actual (2)"), "{out}");
    assert!(out.contains("Actual without a budget (1)"), "{out}");
    assert!(
        out.contains("6,000.00") && out.contains("1,500.00"),
        "{out}"
    );
    let pl = String::from_utf8(
        render(
            &inv,
            &RenderOptions {
                lang: Language::Pl,
                ..opts(Format::Table)
            },
        )
        .unwrap(),
    )
    .unwrap();
    assert!(pl.contains("Budżet bez danych o wydatkach (2)"), "{pl}");
    assert!(pl.contains("Wydatki bez budżetu (1)"), "{pl}");
}
