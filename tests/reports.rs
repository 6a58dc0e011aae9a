//! `cxm inventory` and `cxm plan` through the binary: the window's edges,
//! the cut line on each count, and snapshots of the tables in English and
//! Polish and of the machine formats. Bless a deliberate change with
//! `INSTA_UPDATE=always cargo test --test reports` and read the diff.

// Test helpers outside #[test] functions may unwrap too.
#![allow(clippy::unwrap_used)]

use insta_cmd::{assert_cmd_snapshot, get_cargo_bin};
use serde_json::Value;
use std::process::Command;

fn cxm(args: &[&str]) -> Command {
    let mut cmd = Command::new(get_cargo_bin("cxm"));
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        // Tables fit COLUMNS when it is set: these snapshots are whole.
        .env_remove("COLUMNS");
    cmd
}

/// Runs a report as JSON; it must print and exit 0.
fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let out = cxm(&all).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn ids(v: &Value) -> Vec<String> {
    v["initiatives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

fn below(v: &Value) -> Vec<String> {
    v["initiatives"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["below_line"] == true)
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

const WINDOW: &str = "tests/fixtures/inventory/window.toml";
const BUDGET_CUT: &str = "tests/fixtures/plan/budget-cut.toml";
const CAPACITY_CUT: &str = "tests/fixtures/plan/capacity-cut.toml";
const BOTH_CUT: &str = "tests/fixtures/plan/both-cut.toml";
const COMMITTED_FIRST: &str = "tests/fixtures/plan/committed-first.toml";
const NO_LINE: &str = "tests/fixtures/plan/no-line.toml";

// --- inventory --------------------------------------------------------------

#[test]
fn inventory_window_edges() {
    // Ending exactly 365 days before as_of and ending on as_of are in; a
    // day outside either end is out; work under way is in, planned is not.
    let v = json(&["inventory", WINDOW]);
    assert_eq!(v["as_of"], "2026-11-15");
    assert_eq!(
        ids(&v),
        [
            "edge-year-ago",
            "edge-as-of",
            "running",
            "complaints",
            "paused"
        ]
    );
    // A day earlier: the old edge comes in, the as_of edge goes out.
    let v = json(&["inventory", WINDOW, "--as-of", "2026-11-14"]);
    assert_eq!(v["as_of"], "2026-11-14");
    assert_eq!(
        ids(&v),
        [
            "edge-year-ago",
            "edge-too-old",
            "running",
            "complaints",
            "paused"
        ]
    );
    // A day later: the old edge goes out, the new one comes in.
    let v = json(&["inventory", WINDOW, "--as-of", "2026-11-16"]);
    assert_eq!(
        ids(&v),
        [
            "edge-as-of",
            "running",
            "complaints",
            "edge-too-new",
            "paused"
        ]
    );
}

#[test]
fn inventory_json_shape() {
    let v = json(&["inventory", WINDOW]);
    let first = &v["initiatives"][0];
    for key in [
        "id",
        "competency",
        "area",
        "status",
        "owner",
        "budget",
        "actual",
        "remaining",
        "effort_days",
        "time_eater",
        "missing",
    ] {
        assert!(first.get(key).is_some(), "{key} missing: {first}");
    }
    assert_eq!(first["remaining"], "-1000.00");
    // (10 + 5 + 30 + 25 + 0): 25 of 70 days on cx work.
    assert_eq!(v["time_eater_share"], "0.36");
    let by_id = |id: &str| {
        v["initiatives"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(by_id("complaints")["time_eater"], true);
    assert_eq!(by_id("complaints")["budget"], "49500.00");
    // Cancelled: it misses no KPI (SPEC section 6, rev. 2).
    assert_eq!(by_id("edge-as-of")["missing"], serde_json::json!([]));
    assert_eq!(
        by_id("paused")["missing"],
        serde_json::json!(["owner", "effort", "budget"])
    );
    assert_eq!(by_id("paused")["remaining"], Value::Null);
    assert_eq!(by_id("paused")["budget"], Value::Null);
}

const FOOTING: &str = "tests/fixtures/inventory/footing.toml";

/// Issue 12, case 5: budget 78 000, spent 49 250, remaining 22 750 did not
/// foot. Now the totals take the initiatives with both figures and the
/// rest stands on its own line.
#[test]
fn inventory_totals_foot() {
    let v = json(&["inventory", FOOTING]);
    assert_eq!(
        v["totals"],
        serde_json::json!({
            "initiatives": 3, "budget": "72000.00", "actual": "49250.00",
            "remaining": "22750.00",
            "budget_without_actual": { "initiatives": 1, "budget": "6000.00" },
            "actual_without_budget": { "initiatives": 0, "actual": "0.00" },
            "listed": 6, "effort_days": "63", "internal_cost": "48000.00"
        })
    );
    assert_eq!(
        v["budget_without_actual"],
        serde_json::json!({ "initiatives": 1, "budget": "6000.00" })
    );
    assert_eq!(
        v["actual_without_budget"],
        serde_json::json!({ "initiatives": 0, "actual": "0.00" })
    );
    let by_id = |id: &str| {
        v["initiatives"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()
            .clone()
    };
    // Running work: the share spent, not a −25.8 % "variance".
    assert_eq!(by_id("tnps-szkody")["spent_percent"], "74.2");
    assert_eq!(by_id("tnps-szkody")["variance_percent"], Value::Null);
    assert_eq!(by_id("badanie-dojrzalosci")["variance_percent"], "4.2");
    // Cancelled work lacks nothing.
    assert_eq!(by_id("rada-cx")["missing"], serde_json::json!([]));
    // The department's own days: no internal time, not in the share.
    assert_eq!(by_id("onboarding-cyfrowy")["internal_cost"], Value::Null);
    assert_eq!(v["time_eater_share"], "0.21");
    assert_eq!(v["team_effort_days"], "48");
}

#[test]
fn inventory_footing_tables() {
    assert_cmd_snapshot!(cxm(&["inventory", FOOTING]));
    assert_cmd_snapshot!(cxm(&["inventory", FOOTING, "--lang", "pl"]));
    assert_cmd_snapshot!(cxm(&["inventory", FOOTING, "--format", "csv"]));
}

#[test]
fn inventory_table_en() {
    // E008 is a plan error: the report prints, the finding goes to stderr.
    assert_cmd_snapshot!(cxm(&["inventory", WINDOW]));
}

#[test]
fn inventory_table_pl() {
    assert_cmd_snapshot!(cxm(&["inventory", WINDOW, "--lang", "pl"]));
}

#[test]
fn inventory_csv_and_markdown() {
    assert_cmd_snapshot!(cxm(&["inventory", WINDOW, "--format", "csv"]));
    assert_cmd_snapshot!(cxm(&["inventory", WINDOW, "--format", "markdown"]));
}

#[test]
fn inventory_of_the_shipped_examples() {
    assert_cmd_snapshot!(cxm(&["inventory", "roadmap.toml.example"]));
    assert_cmd_snapshot!(cxm(&["inventory", "examples/roadmap.pl.toml"]));
}

// --- plan -------------------------------------------------------------------

#[test]
fn plan_cut_by_budget_after_central_training() {
    let v = json(&["plan", BUDGET_CUT]);
    assert_eq!(v["plan_year"], 2027);
    // Priority 1 ties by id; no priority last.
    assert_eq!(
        ids(&v),
        [
            "nps",
            "vision",
            "journey",
            "standard",
            "dashboard",
            "ambassadors"
        ]
    );
    assert_eq!(v["budget_available"], "90000.00");
    assert_eq!(below(&v), ["standard", "dashboard", "ambassadors"]);
    assert_eq!(v["cut_line"]["reason"], "budget_cap");
    let cum: Vec<&str> = v["initiatives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["cumulative_budget"].as_str().unwrap())
        .collect();
    assert_eq!(
        cum,
        [
            "40000.00",
            "70000.00",
            "70000.00",
            "95000.00",
            "100000.00",
            "101000.00"
        ]
    );
    assert_eq!(v["initiatives"][4]["cumulative_effort"], "77.5");
    assert_eq!(
        v["backlog"],
        serde_json::json!([
            { "id": "academy", "title": "CX academy", "priority": 1, "owner": "ak",
              "competency": "culture", "area": "cxm", "effort_days": "30", "budget": "20000.00",
              "reason": null },
            { "id": "roadshow", "title": "CX roadshow", "priority": null, "owner": null,
              "competency": "culture", "area": "cxm", "effort_days": null, "budget": null,
              "reason": null }
        ])
    );
    assert_eq!(
        v["coverage"],
        serde_json::json!({ "governance": 1, "measurement": 2, "design": 1, "culture": 1 })
    );
    assert_eq!(
        v["below_line_dependencies"],
        serde_json::json!([{ "id": "standard", "dependents": ["ambassadors"] }])
    );
}

#[test]
fn plan_year_without_initiatives_has_no_line() {
    // With --year 2028 nothing is in the plan and central training still
    // comes off the cap: it is a line of every plan year.
    let v = json(&["plan", BUDGET_CUT, "--year", "2028"]);
    assert!(ids(&v).is_empty());
    assert_eq!(v["budget_available"], "90000.00");
    assert_eq!(v["cut_line"], Value::Null);
}

#[test]
fn plan_cut_by_capacity() {
    let v = json(&["plan", CAPACITY_CUT]);
    assert_eq!(ids(&v), ["a", "b", "sales-fix", "culture"]);
    assert_eq!(below(&v), ["sales-fix", "culture"]);
    assert_eq!(v["cut_line"]["reason"], "capacity");
    assert_eq!(v["capacity_days"], "60");
    assert_eq!(v["budget_cap"], Value::Null);
    // The cx work adds effort, not budget.
    assert_eq!(v["initiatives"][2]["cumulative_budget"], "2000.00");
    assert_eq!(v["initiatives"][2]["cumulative_effort"], "70.0");
    // No effort adds nothing.
    assert_eq!(v["initiatives"][3]["cumulative_effort"], "70.0");
}

#[test]
fn plan_cut_by_both() {
    let v = json(&["plan", BOTH_CUT]);
    assert_eq!(below(&v), ["second"]);
    assert_eq!(v["cut_line"]["reason"], "budget_cap_and_capacity");
}

#[test]
fn plan_walks_committed_work_first_and_counts_plan_year_team_effort() {
    // SPEC rev. 2 §4 Effort and §6: the insurer.
    let v = json(&["plan", COMMITTED_FIRST]);
    // In-progress work first (priority, then id; none last), then planned.
    assert_eq!(
        ids(&v),
        [
            "rada-cx",
            "tnps-szkody",
            "standard-projektowania",
            "akademia-cx",
            "dashboard-voc",
            "ambasadorzy",
            "onboarding-cyfrowy"
        ]
    );
    // Running work without priority is never below the line; department
    // work drawing on neither the cap nor the team is never below it.
    assert_eq!(below(&v), ["dashboard-voc", "ambasadorzy"]);
    assert_eq!(v["cut_line"]["first_below"], "dashboard-voc");
    assert_eq!(v["cut_line"]["reason"], "budget_cap");
    assert_eq!(v["cut_line"]["above"], 5);
    let line = |id: &str| {
        v["initiatives"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["id"] == id)
            .unwrap()
            .clone()
    };
    // rada-cx: 60 days × 365 / 487 in 2027.
    assert_eq!(line("rada-cx")["effort_days"], "60");
    assert_eq!(line("rada-cx")["plan_year_effort"], "45.0");
    assert_eq!(line("rada-cx")["cumulative_effort"], "45.0");
    // onboarding-cyfrowy: 15 days, none of them the team's.
    let onboarding = line("onboarding-cyfrowy");
    assert_eq!(onboarding["plan_year_effort"], "15.0");
    assert_eq!(onboarding["team_owned"], false);
    assert_eq!(onboarding["below_line"], false);
    assert_eq!(onboarding["cumulative_effort"], "189.3");
    assert_eq!(v["team_load"]["load_days"], "189.3");
    assert_eq!(v["team_load"]["unowned_days"], "15");
    assert_eq!(
        line("dashboard-voc")["reason"],
        "Waits for the data warehouse"
    );
    assert_eq!(line("ambasadorzy")["reason"], Value::Null);
    assert_eq!(v["backlog"][0]["reason"], "No budget before the CRM change");
    // Load per quarter against a quarter of capacity: 115 / 4 = 28.75.
    let ab = &v["load"][1];
    assert_eq!(ab["quarter_capacity_days"], "28.8");
    assert_eq!(ab["over_quarters"], serde_json::json!([2, 3]));
    assert_eq!(ab["load_days"], "105");

    // Internal time: plan-year effort × day rate of team-owned work only.
    let b = json(&["budget", COMMITTED_FIRST]);
    let cost = |id: &str| {
        b["initiatives"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["id"] == id)
            .unwrap()["internal_cost"]
            .clone()
    };
    // 60 × 365 / 487 × 800 = 35 975.359… → 35 975.36, rounded once.
    assert_eq!(cost("rada-cx"), "35975.36");
    assert_eq!(cost("onboarding-cyfrowy"), Value::Null);
    // The plan shows the same internal time.
    assert_eq!(line("rada-cx")["internal_cost"], "35975.36");
    assert_eq!(onboarding["internal_cost"], Value::Null);
    assert_eq!(v["totals"]["internal_time"], b["totals"]["internal_time"]);
}

#[test]
fn plan_table_of_committed_work_and_department_work() {
    assert_cmd_snapshot!(cxm(&["plan", COMMITTED_FIRST]));
    assert_cmd_snapshot!(cxm(&["plan", COMMITTED_FIRST, "--lang", "pl"]));
}

#[test]
fn plan_without_cap_or_capacity_has_no_line() {
    let v = json(&["plan", NO_LINE]);
    assert!(below(&v).is_empty());
    assert_eq!(v["cut_line"], Value::Null);
    assert_eq!(v["initiatives"][1]["cumulative_budget"], "18000000.00");
}

#[test]
fn plan_table_en() {
    // E010 is a plan error: the report prints, the finding goes to stderr.
    assert_cmd_snapshot!(cxm(&["plan", BUDGET_CUT]));
}

#[test]
fn plan_table_pl() {
    assert_cmd_snapshot!(cxm(&["plan", BUDGET_CUT, "--lang", "pl"]));
}

#[test]
fn plan_tables_capacity_and_both() {
    assert_cmd_snapshot!(cxm(&["plan", CAPACITY_CUT]));
    assert_cmd_snapshot!(cxm(&["plan", BOTH_CUT, "--lang", "pl"]));
}

#[test]
fn plan_csv_and_markdown() {
    assert_cmd_snapshot!(cxm(&["plan", BUDGET_CUT, "--format", "csv"]));
    assert_cmd_snapshot!(cxm(&["plan", BUDGET_CUT, "--format", "markdown"]));
}

#[test]
fn plan_of_the_shipped_examples() {
    assert_cmd_snapshot!(cxm(&["plan", "roadmap.toml.example"]));
    assert_cmd_snapshot!(cxm(&["plan", "examples/roadmap.pl.toml"]));
}

#[test]
fn reports_refuse_a_roadmap_with_data_errors() {
    for report in ["plan", "inventory"] {
        let out = cxm(&[report, "tests/fixtures/cli/mixed.toml"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{report}");
        assert!(out.stdout.is_empty(), "{report}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("the report is not printed"),
            "{report}"
        );
    }
}

#[test]
fn excel_csv_uses_semicolons_and_the_decimal_comma() {
    let out = cxm(&["plan", BUDGET_CUT, "--format", "csv", "--excel"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("\u{feff}kind;rank;id;"), "{text}");
    assert!(text.contains(";12,5;"), "{text}");
}
