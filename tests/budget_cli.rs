//! `cxm budget` through the binary: the SPEC's worked example to the grosz,
//! every format, formula injection, and the refusal on data errors.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use insta_cmd::{assert_cmd_snapshot, get_cargo_bin};
use std::process::Command;

fn cxm(args: &[&str]) -> Command {
    let mut cmd = Command::new(get_cargo_bin("cxm"));
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        // Tables fit COLUMNS when it is set: these snapshots are whole.
        .env_remove("COLUMNS");
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

const RUNNING: &str = "tests/fixtures/budget/running-work.toml";

/// The case (SPEC section 4, *Cash*, rev. 2): running work plans
/// only what remains, over the days still ahead.
#[test]
fn running_work_plans_only_what_remains() {
    let b = json(&["budget", RUNNING, "--format", "json"]);
    let line = |id: &str| {
        b["initiatives"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["id"] == id)
            .cloned()
            .unwrap()
    };
    // tnps-szkody: 2026-06-01 → 2027-02-28, budget 24 000, actual 17 800,
    // as of 2026-12-01. Spent: 17 800 over 2026-06-01..2026-12-01, all
    // before 2027. Remaining: 24 000 − 17 800 = 6 200 over 2026-12-02 ..
    // 2027-02-28: 30 days of December, 59 of Q1 (89). In grosze, Q1:
    // 620000 × 59 / 89 = 411011 rest 21; before: 620000 × 30 / 89 = 208988
    // rest 68; the one grosz left goes to the larger rest, before's. So Q1
    // is 4 110.11 (not 5 186.81, its share of all the days), before is
    // 17 800 + 2 089.89.
    let t = line("tnps-szkody");
    assert_eq!(t["plan_year_budget"], "4110.11");
    assert_eq!(
        t["quarters"],
        serde_json::json!(["4110.11", "0.00", "0.00", "0.00"])
    );
    assert_eq!(t["before"], "19889.89");
    assert_eq!(t["after"], "0.00");
    assert_eq!(t["actual"], "17800.00");
    assert_eq!(t["spent"], "17800.00");
    assert_eq!(t["remaining"], "6200.00");
    // tnps-spend: entries up to as_of are 9 300 and 2 000 EUR × 4.25 =
    // 8 500, so actual = 17 800 again and the remaining part is the same;
    // the entry of 2027-01-20 is after as_of and counts nowhere.
    let s = line("tnps-spend");
    assert_eq!(s["actual"], "17800.00");
    assert_eq!(s["plan_year_budget"], "4110.11");
    assert_eq!(s["before"], "19889.89");
    // 4 110.11 twice; the done and cancelled work has no 2027 cash as of
    // 2026-12-01 (diag-2027's actual sits on as_of, its start being later).
    assert_eq!(b["totals"]["cxm"], "8220.22");
}

/// A plan revised in June 2027 keeps what done work spent in Q1, and
/// cancelled work that spent nothing leaves the plan (SPEC section 3, rev. 2).
#[test]
fn done_work_keeps_the_plan_years_spending() {
    let b = json(&[
        "budget",
        RUNNING,
        "--as-of",
        "2027-06-15",
        "--format",
        "json",
    ]);
    let ids: Vec<&str> = b["initiatives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].as_str().unwrap())
        .collect();
    // diag-2027 is done with 8 000 spent in Q1; "dropped" was cancelled
    // having spent nothing.
    assert_eq!(ids, ["tnps-szkody", "tnps-spend", "diag-2027"]);
    // As of 2027-06-15 tnps-szkody (still in progress, end passed) has its
    // 17 800 spread over 2026-06-01..2027-02-28 (273 days, 214 before and
    // 59 in Q1: 1780000 × 59 / 273 = 384688 rest 176, before 1395311 rest
    // 97; the grosz left goes to Q1's larger rest: 3 846.89)
    // and the remaining 6 200 on the single day 2027-06-16 (Q2).
    let t = &b["initiatives"][0];
    assert_eq!(
        t["quarters"],
        serde_json::json!(["3846.89", "6200.00", "0.00", "0.00"])
    );
    // tnps-spend: the 2027-01-20 entry (5 000) now counts, in Q1; actual
    // 22 800, remaining 1 200 on 2027-06-16.
    let s = &b["initiatives"][1];
    assert_eq!(s["actual"], "22800.00");
    assert_eq!(
        s["quarters"],
        serde_json::json!(["5000.00", "1200.00", "0.00", "0.00"])
    );
    // diag-2027: its actual over its days, all in Q1; nothing remains.
    let d = &b["initiatives"][2];
    assert_eq!(d["plan_year_budget"], "8000.00");
    assert_eq!(d["remaining"], "0.00");
}
