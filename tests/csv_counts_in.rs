//! CSV for spreadsheets through the binary (SPEC section 11): `--excel`
//! implies `--format csv`, and every row of money says where it counts, so
//! a spreadsheet sum filtered to `counts_in = cxm` is exactly the CXM total
//! (issue 12: the plan-year column summed to 787 093,73 against a CXM total
//! of 511 343,73 because department-funded rows were mixed in).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use insta_cmd::get_cargo_bin;
use std::collections::HashMap;
use std::process::Command;

const FILES: [&str; 3] = [
    "roadmap.toml.example",
    "examples/roadmap.pl.toml",
    "tests/fixtures/inventory/footing.toml",
];

fn run(args: &[&str]) -> std::process::Output {
    Command::new(get_cargo_bin("cxm"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn stdout(args: &[&str]) -> Vec<u8> {
    let out = run(args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// `12345.60` or `12345,60` (the `--excel` variant) in minor units.
fn cents(s: &str) -> i128 {
    let (units, frac) = s.split_once(['.', ',']).unwrap();
    assert_eq!(frac.len(), 2, "{s}");
    let sign = if units.starts_with('-') { -1 } else { 1 };
    let units: i128 = units.trim_start_matches('-').parse().unwrap();
    sign * (units * 100 + frac.parse::<i128>().unwrap())
}

fn records(bytes: &[u8], excel: bool) -> Vec<HashMap<String, String>> {
    let bytes = if excel {
        bytes.strip_prefix("\u{feff}".as_bytes()).expect("a BOM")
    } else {
        bytes
    };
    let mut r = csv::ReaderBuilder::new()
        .delimiter(if excel { b';' } else { b',' })
        .from_reader(bytes);
    let heads: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            heads
                .iter()
                .cloned()
                .zip(rec.iter().map(String::from))
                .collect()
        })
        .collect()
}

/// Σ `column` over the rows whose `counts_in` is `counts_in`.
fn sum(rows: &[HashMap<String, String>], column: &str, counts_in: &str) -> i128 {
    rows.iter()
        .filter(|r| r["counts_in"] == counts_in)
        .map(|r| r[column].as_str())
        .filter(|c| !c.is_empty())
        .map(cents)
        .sum()
}

fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_slice(&stdout(args)).unwrap()
}

fn money(v: &serde_json::Value) -> i128 {
    cents(v.as_str().unwrap())
}

#[test]
fn budget_csv_filtered_to_cxm_sums_to_the_cxm_total() {
    for file in FILES {
        let j = json(&["budget", file, "--format", "json"]);
        let departments: i128 = j["totals"]["departments"]
            .as_object()
            .unwrap()
            .values()
            .map(money)
            .sum();
        for (args, excel) in [
            (vec!["budget", file, "--format", "csv"], false),
            // English `--excel`: the keys stay `counts_in`, `cxm`…; the
            // Polish words are tests/csv_excel.rs's.
            (vec!["budget", file, "--excel", "--lang", "en"], true),
        ] {
            let rows = records(&stdout(&args), excel);
            assert!(
                rows.iter()
                    .all(|r| ["cxm", "department", "none"].contains(&r["counts_in"].as_str()))
            );
            assert_eq!(
                sum(&rows, "plan_year_budget", "cxm"),
                money(&j["totals"]["cxm"]),
                "{args:?}"
            );
            assert_eq!(
                sum(&rows, "plan_year_budget", "department"),
                departments,
                "{args:?}"
            );
        }
    }
}

#[test]
fn plan_csv_filtered_to_cxm_sums_to_the_cxm_initiatives() {
    for file in FILES {
        let j = json(&["plan", file, "--format", "json"]);
        let rows = records(&stdout(&["plan", file, "--format", "csv"]), false);
        assert_eq!(
            sum(&rows, "plan_year_budget", "cxm"),
            money(&j["totals"]["cxm_initiatives"]),
            "{file}"
        );
        assert_eq!(
            sum(&rows, "plan_year_budget", "department"),
            money(&j["totals"]["cx_initiatives"]),
            "{file}"
        );
        // Ideas count nowhere.
        assert!(
            rows.iter()
                .filter(|r| r["kind"] == "backlog")
                .all(|r| r["counts_in"] == "none")
        );
    }
}

#[test]
fn excel_implies_csv_for_every_report_that_has_it() {
    for report in ["budget", "plan", "inventory", "kpi"] {
        let out = stdout(&[report, "roadmap.toml.example", "--excel"]);
        assert!(out.starts_with("\u{feff}".as_bytes()), "{report}: no BOM");
        let text = String::from_utf8(out).unwrap();
        assert!(!text.contains('│'), "{report}: a table, not CSV");
        assert!(text.lines().next().unwrap().contains(';'), "{report}");
    }
    let out = stdout(&[
        "diff",
        "roadmap.toml.example",
        "examples/roadmap.pl.toml",
        "--excel",
    ]);
    assert!(out.starts_with("\u{feff}".as_bytes()));
}

#[test]
fn excel_with_another_format_is_refused() {
    let out = run(&[
        "budget",
        "roadmap.toml.example",
        "--excel",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--excel"));
    // `--excel --format csv` says the same twice: fine.
    let out = run(&[
        "budget",
        "roadmap.toml.example",
        "--excel",
        "--format",
        "csv",
    ]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn kpi_csv_has_no_counts_in() {
    let out = stdout(&["kpi", "roadmap.toml.example", "--format", "csv"]);
    let head = String::from_utf8(out).unwrap();
    assert!(!head.lines().next().unwrap().contains("counts_in"));
}

#[test]
fn inventory_csv_counts_only_plan_work() {
    let rows = records(
        &stdout(&[
            "inventory",
            "tests/fixtures/inventory/footing.toml",
            "--format",
            "csv",
        ]),
        false,
    );
    let counts: HashMap<&str, &str> = rows
        .iter()
        .map(|r| (r["id"].as_str(), r["counts_in"].as_str()))
        .collect();
    assert_eq!(counts["tnps-szkody"], "cxm");
    assert_eq!(counts["onboarding-cyfrowy"], "department");
    assert_eq!(counts["mapa-reklamacji"], "none");
    assert_eq!(counts["badanie-dojrzalosci"], "none");
}
