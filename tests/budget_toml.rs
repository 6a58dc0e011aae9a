//! The budget from roadmap text, through the one pipeline.

// Test helpers outside #[test] functions may unwrap too.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use cxm::budget::Budget;
use cxm::pipeline::{self, Overrides};
use cxm::render::budget::render;
use cxm::render::{Format, RenderOptions};
use cxm::roadmap::Language;

fn budget(text: &str) -> Option<Budget> {
    let overrides = Overrides {
        as_of: NaiveDate::from_ymd_opt(2026, 11, 15),
        ..Overrides::default()
    };
    let checked = pipeline::run("roadmap.toml", text.as_bytes().to_vec(), &overrides);
    assert!(
        !checked.has_data_errors(),
        "unexpected errors: {:?}",
        checked.errors()
    );
    checked.budget
}

fn json(b: &Budget) -> serde_json::Value {
    let opts = RenderOptions {
        format: Format::Json,
        lang: Language::En,
        color: false,
        excel: false,
        width: None,
    };
    serde_json::from_slice(&render(b, &opts).unwrap()).unwrap()
}

const EXAMPLE: &str = r#"
[roadmap]
organisation = "Example Bank"
currency = "PLN"
plan_year = 2027
markup_percent = 12.5

[[departments]]
id = "sales"
name = "Sales"
headcount = 120

[[departments]]
id = "care"
name = "Customer care"
headcount = 300

[[initiatives]]
id = "rnps-2027"
title = "Relationship NPS survey"
competency = "measurement"
area = "cxm"
status = "planned"
department = "sales"
priority = 1
start = 2027-02-01
end = 2027-06-30
effort_days = 25
cost = 5000
markup_percent = 15

  [[initiatives.quotes]]
  vendor = "Research House A"
  min = 40000
  max = 60000

  [[initiatives.quotes]]
  vendor = "Research House B"
  amount = 48000

[[training]]
id = "voc-analysis"
title = "Voice-of-customer analysis"
competency = "measurement"
cost_per_person = 1200
funding = "department"
needs = { sales = 10, care = 25 }
"#;

#[test]
fn spec_worked_example_from_toml() {
    let b = budget(EXAMPLE).unwrap();
    let j = json(&b);
    let expected = serde_json::json!({
        "id": "rnps-2027", "competency": "measurement", "area": "cxm",
        "department": "sales", "status": "planned",
        "quotes": 2, "low": "44000.00", "mid": "49000.00", "high": "54000.00",
        "markup_percent": "15", "estimate": "56350.00",
        "estimate_low": "50600.00", "estimate_high": "62100.00",
        "cost": "5000.00", "budget": "61350.00",
        "before": "0.00", "quarters": ["24131.00", "37219.00", "0.00", "0.00"], "after": "0.00",
        "plan_year_budget": "61350.00"
    });
    let got = &j["initiatives"][0];
    for (k, v) in expected.as_object().unwrap() {
        assert_eq!(&got[k], v, "{k}");
    }
    let t = &j["training"][0];
    assert_eq!(t["id"], "voc-analysis");
    assert_eq!(t["funding"], "department");
    assert_eq!(t["competency"], "measurement");
    assert_eq!(t["people"], 35);
    assert_eq!(t["cost"], "42000.00");
    assert_eq!(j["totals"]["cxm"], "61350.00");
    assert_eq!(j["totals"]["by_competency"]["measurement"], "61350.00");
    assert_eq!(
        j["totals"]["by_quarter"],
        serde_json::json!(["24131.00", "37219.00", "0.00", "0.00"])
    );
    assert_eq!(j["totals"]["departments"]["sales"], "12000.00");
    assert_eq!(j["totals"]["departments"]["care"], "30000.00");
}

#[test]
fn fx_from_toml() {
    let text = r#"
[roadmap]
plan_year = 2027
markup_percent = 10

[fx]
EUR = 4.3012

[[initiatives]]
id = "a"
title = "A"
competency = "design"
area = "cxm"
status = "planned"
start = 2026-07-01
end = 2027-12-31

  [[initiatives.quotes]]
  vendor = "V"
  min = 1000.5
  max = 2000
  currency = "EUR"
"#;
    let b = budget(text).unwrap();
    let l = &b.initiatives[0];
    // 1000.50 × 4.3012 = 4303.3506 → 4303.35; 2000 × 4.3012 = 8602.40.
    assert_eq!(l.figures.low.unwrap().plain(), "4303.35");
    assert_eq!(l.figures.high.unwrap().plain(), "8602.40");
    // (430335 + 860240) × 110 / 200 = 709816.25 → 7098.16
    assert_eq!(l.figures.estimate.unwrap().plain(), "7098.16");
    // Days: 184 before, then 90, 91, 92, 92 (549). Floors 237898, 116363,
    // 117656, 118949, 118949 leave one grosz; the largest remainder (153/549)
    // is Q1's.
    assert_eq!(l.before.minor(), 237_898);
    assert_eq!(
        l.quarters.map(|q| q.0),
        [116_364, 117_656, 118_949, 118_949]
    );
    assert_eq!(l.plan_year_budget.minor(), 709_816 - 237_898);
    assert_eq!(b.totals.cxm, l.plan_year_budget);
}
