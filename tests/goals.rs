//! `cxm goals` through the binary: the goal tree of both shipped examples
//! in every format and both languages (snapshots), and the JSON's figures
//! against the plan's own.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use insta_cmd::{assert_cmd_snapshot, get_cargo_bin};
use std::process::Command;

fn cxm(args: &[&str]) -> Command {
    let mut cmd = Command::new(get_cargo_bin("cxm"));
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .env_remove("CLICOLOR_FORCE");
    cmd
}

fn json(args: &[&str]) -> serde_json::Value {
    let out = cxm(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn goals_in_every_format() {
    assert_cmd_snapshot!(cxm(&["goals", "roadmap.toml.example"]));
    assert_cmd_snapshot!(cxm(&["goals", "examples/roadmap.pl.toml"]));
    assert_cmd_snapshot!(cxm(&[
        "goals",
        "roadmap.toml.example",
        "--lang",
        "pl",
        "--format",
        "markdown"
    ]));
    assert_cmd_snapshot!(cxm(&["goals", "roadmap.toml.example", "--format", "json"]));
    assert_cmd_snapshot!(cxm(&["goals", "roadmap.toml.example", "--format", "csv"]));
    assert_cmd_snapshot!(cxm(&["goals", "examples/roadmap.pl.toml", "--excel"]));
}

/// A goal's money is the plan-year budget of the `cxm` plan lines above
/// the line naming it; the money serving no goal is the rest of those
/// lines' budget.
#[test]
fn goal_money_adds_up_from_the_plan() {
    for file in ["roadmap.toml.example", "examples/roadmap.pl.toml"] {
        let goals = json(&["goals", file, "--format", "json"]);
        let plan = json(&["plan", file, "--format", "json"]);
        let cents = |v: &serde_json::Value| -> i64 {
            v.as_str().unwrap().replace('.', "").parse().unwrap()
        };
        let lines = plan["initiatives"].as_array().unwrap();
        for g in goals["goals"].as_array().unwrap() {
            let ids: Vec<&str> = g["initiatives"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|s| s["below_line"] == false)
                .map(|s| s["id"].as_str().unwrap())
                .collect();
            let sum: i64 = lines
                .iter()
                .filter(|l| l["area"] == "cxm" && ids.contains(&l["id"].as_str().unwrap()))
                .map(|l| cents(&l["plan_year_budget"]))
                .sum();
            assert_eq!(sum, cents(&g["plan_year_budget"]), "{file}: {}", g["id"]);
        }
    }
}

/// `reason` shows wherever work that waits or stopped is listed: the
/// inventory's table (a last column, only when some listed initiative
/// gives one), its JSON and its CSV.
#[test]
fn the_inventory_shows_why_work_is_on_hold() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.toml");
    std::fs::write(
        &path,
        "[roadmap]\nplan_year = 2027\nas_of = 2026-11-15\n\n\
         [[team]]\nid = \"ak\"\n\n\
         [[initiatives]]\nid = \"crm-journeys\"\ntitle = \"Journeys in the CRM\"\n\
         competency = \"design\"\narea = \"cxm\"\nstatus = \"on-hold\"\nowner = \"ak\"\n\
         start = 2026-03-01\nend = 2027-03-31\neffort_days = 10\ncost = 1000\nkpi = \"k\"\n\
         reason = \"Waits for the CRM change\"\n",
    )
    .unwrap();
    let file = path.to_str().unwrap();
    for (lang, label) in [("en", "Reason"), ("pl", "Powód")] {
        let out = cxm(&["inventory", file, "--lang", lang]).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains(label), "{text}");
        assert!(text.contains("Waits for the CRM change"), "{text}");
    }
    let inv = json(&["inventory", file, "--format", "json"]);
    assert_eq!(inv["initiatives"][0]["reason"], "Waits for the CRM change");
    let out = cxm(&["inventory", file, "--format", "csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(csv.lines().next().unwrap().contains(",reason,"), "{csv}");
    assert!(csv.contains("Waits for the CRM change"), "{csv}");
    // Without a reason anywhere, the table has no such column.
    let out = cxm(&["inventory", "roadmap.toml.example"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains("Reason"));
}

/// The plan lists cancelled and on-hold work that spent plan-year money;
/// its reasons show in a section of their own.
#[test]
fn the_plan_shows_why_work_was_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.toml");
    std::fs::write(
        &path,
        "[roadmap]\nplan_year = 2027\nas_of = 2027-05-01\n\n\
         [[team]]\nid = \"ak\"\n\n\
         [[initiatives]]\nid = \"voc-tool\"\ntitle = \"VoC tool\"\n\
         competency = \"measurement\"\narea = \"cxm\"\nstatus = \"cancelled\"\nowner = \"ak\"\n\
         start = 2027-01-11\nend = 2027-06-30\neffort_days = 10\ncost = 9000\nactual = 3000\n\
         kpi = \"k\"\nreason = \"The vendor left the market\"\n",
    )
    .unwrap();
    let file = path.to_str().unwrap();
    for (lang, title) in [
        ("en", "Cancelled or on hold, and why"),
        ("pl", "Anulowane lub wstrzymane i dlaczego"),
    ] {
        let out = cxm(&["plan", file, "--lang", lang]).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains(title), "{text}");
        assert!(text.contains("The vendor left the market"), "{text}");
    }
}
