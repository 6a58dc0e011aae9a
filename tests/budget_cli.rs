//! `cxm budget` through the binary: the SPEC's worked example to the grosz,
//! every format, formula injection, and the refusal on data errors.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use insta_cmd::{assert_cmd_snapshot, get_cargo_bin};
use std::process::Command;

fn cxm(args: &[&str]) -> Command {
    let mut cmd = Command::new(get_cargo_bin("cxm"));
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1");
    cmd
}

fn json(args: &[&str]) -> serde_json::Value {
    let out = cxm(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

const SPEC: &str = "tests/fixtures/budget/spec-example.toml";

#[test]
fn spec_worked_example_to_the_grosz() {
    let b = json(&["budget", SPEC, "--format", "json"]);
    let rnps = &b["initiatives"][0];
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
    for (k, v) in expected.as_object().unwrap() {
        assert_eq!(&rnps[k], v, "{k}");
    }
    assert_eq!(
        b["training"][0],
        serde_json::json!({
            "id": "voc-analysis", "title": "Voice-of-customer analysis", "funding": "department",
            "competency": "measurement", "people": 35, "cost_per_person": "1200.00",
            "cost": "42000.00", "quarters": null,
            "needs": [
                { "department": "sales", "people": 10, "cost": "12000.00" },
                { "department": "care", "people": 25, "cost": "30000.00" }
            ]
        })
    );
    // Hand-computed: 3650.00 over the 365 days of 2027 (90/91/92/92 days);
    // a one-day initiative; 6200.00 over 31 days of December and 31 of
    // January (half before the plan year); central training 300.03 in four
    // equal parts, the leftover grosze to the earlier quarters.
    let by_id = |id: &str| {
        b["initiatives"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(
        by_id("gov")["quarters"],
        serde_json::json!(["900.00", "910.00", "920.00", "920.00"])
    );
    assert_eq!(by_id("gov")["estimate"], serde_json::Value::Null);
    assert_eq!(by_id("gov")["low"], serde_json::Value::Null);
    assert_eq!(
        by_id("design")["quarters"],
        serde_json::json!(["1000.01", "0.00", "0.00", "0.00"])
    );
    assert_eq!(by_id("culture")["before"], "3100.00");
    assert_eq!(by_id("culture")["plan_year_budget"], "3100.00");
    assert_eq!(
        b["training"][1]["quarters"],
        serde_json::json!(["75.01", "75.01", "75.01", "75.00"])
    );
    // CXM total = Σ plan-year budgets (cxm) + Σ central training.
    assert_eq!(b["totals"]["cxm"], "69400.04");
    assert_eq!(
        b["totals"]["by_quarter"],
        serde_json::json!(["29206.02", "38204.01", "995.01", "995.00"])
    );
    assert_eq!(b["totals"]["by_competency"]["design"], "1300.04");
    assert_eq!(
        b["totals"]["departments"],
        serde_json::json!({ "sales": "12000.00", "care": "30000.00" })
    );
}

#[test]
fn the_shipped_example_in_every_format() {
    assert_cmd_snapshot!(cxm(&["budget", "roadmap.toml.example"]));
    assert_cmd_snapshot!(cxm(&["budget", "roadmap.toml.example", "--format", "csv"]));
    assert_cmd_snapshot!(cxm(&[
        "budget",
        "roadmap.toml.example",
        "--format",
        "markdown"
    ]));
    assert_cmd_snapshot!(cxm(&["budget", "examples/roadmap.pl.toml"]));
    assert_cmd_snapshot!(cxm(&["budget", "roadmap.toml.example", "--lang", "pl"]));
}

#[test]
fn csv_and_json_give_the_same_figures_and_totals_foot() {
    let b = json(&["budget", "roadmap.toml.example", "--format", "json"]);
    let out = cxm(&["budget", "roadmap.toml.example", "--format", "csv"])
        .output()
        .unwrap();
    let mut rdr = csv::Reader::from_reader(out.stdout.as_slice());
    let headers = rdr.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let mut sum_plan_year = 0i128;
    let mut seen = 0;
    for rec in rdr.records() {
        let rec = rec.unwrap();
        if &rec[col("kind")] != "initiative" {
            continue;
        }
        let j = b["initiatives"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == rec[col("id")])
            .unwrap();
        for f in [
            "budget",
            "plan_year_budget",
            "low",
            "mid",
            "high",
            "estimate",
        ] {
            let csv_v = &rec[col(f)];
            let json_v = j[f].as_str().unwrap_or("");
            assert_eq!(csv_v, json_v, "{} {f}", &rec[col("id")]);
        }
        if &rec[col("area")] == "cxm" {
            sum_plan_year += rec[col("plan_year_budget")]
                .replace('.', "")
                .parse::<i128>()
                .unwrap();
        }
        seen += 1;
    }
    assert_eq!(seen, b["initiatives"].as_array().unwrap().len());
    let central: i128 = b["training"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["funding"] == "central")
        .map(|t| {
            t["cost"]
                .as_str()
                .unwrap()
                .replace('.', "")
                .parse::<i128>()
                .unwrap()
        })
        .sum();
    let total: i128 = b["totals"]["cxm"]
        .as_str()
        .unwrap()
        .replace('.', "")
        .parse()
        .unwrap();
    assert_eq!(sum_plan_year + central, total);
}

#[test]
fn excel_csv_opens_in_a_polish_spreadsheet() {
    let out = cxm(&[
        "budget",
        "roadmap.toml.example",
        "--format",
        "csv",
        "--excel",
    ])
    .output()
    .unwrap();
    assert!(out.stdout.starts_with("\u{feff}".as_bytes()));
    let text = String::from_utf8(out.stdout).unwrap();
    let line = text.lines().find(|l| l.contains("rnps-2027")).unwrap();
    assert!(line.contains(";61350,00;"), "{line}");
}

#[test]
fn titles_that_look_like_formulas_are_defused() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("roadmap.toml.example"),
    )
    .unwrap();
    let titles = [
        (
            "CX vision and customer promises",
            "=HYPERLINK(\\\"http://x\\\")",
        ),
        ("Relationship NPS survey", "+1+1"),
        (
            "CX operating model: roles, forums and decision rights",
            "-2+3",
        ),
        (
            "Standard for journey mapping and service design",
            "@SUM(A1)",
        ),
        ("CX ambassador workshops", "\\tTabbed"),
        ("Company-wide CX webinars", "\\rReturn"),
    ];
    for (from, to) in titles {
        let before = text.clone();
        text = text.replacen(
            &format!("title = \"{from}\""),
            &format!("title = \"{to}\""),
            1,
        );
        assert_ne!(before, text, "{from}");
    }
    let path = dir.path().join("roadmap.toml");
    std::fs::write(&path, text).unwrap();
    let out = cxm(&["budget", path.to_str().unwrap(), "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let mut rdr = csv::Reader::from_reader(out.stdout.as_slice());
    let title_col = rdr
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "title")
        .unwrap();
    let got: Vec<String> = rdr
        .records()
        .map(|r| r.unwrap()[title_col].to_string())
        .collect();
    for expected in [
        "'=HYPERLINK(\"http://x\")",
        "'+1+1",
        "'-2+3",
        "'@SUM(A1)",
        "'\tTabbed",
        "'\rReturn",
    ] {
        assert!(
            got.iter().any(|t| t == expected),
            "{expected:?} not in {got:?}"
        );
    }
}

#[test]
fn data_errors_refuse_the_report_and_plan_errors_do_not() {
    let out = cxm(&["budget", "tests/cases/check/E005-unknown-owner.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("error[E005]") && err.contains("the report is not printed"),
        "{err}"
    );

    let out = cxm(&["budget", "tests/cases/check/E010-over-budget-cap.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(!out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("error[E010]"));
}
