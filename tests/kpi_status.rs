//! KPI status through the binary (SPEC section 8, *KPI status*): the cases
//! of issue 12, each a KPI added to the check cases' valid roadmap (as of
//! 2026-11-15, plan year 2027) and read back from `cxm kpi --format json`
//! or `cxm check`.

// Test helpers outside #[test] functions may unwrap too.
#![allow(clippy::unwrap_used)]

use insta_cmd::get_cargo_bin;
use serde_json::Value;
use std::io::Write as _;
use std::process::{Command, Output, Stdio};

/// Runs `cxm ARGS -` with the valid roadmap and `kpis` on standard input.
fn run(args: &[&str], kpis: &str) -> Output {
    let root = env!("CARGO_MANIFEST_DIR");
    let base = std::fs::read_to_string(format!("{root}/tests/cases/check/valid.toml")).unwrap();
    let mut child = Command::new(get_cargo_bin("cxm"))
        .args(args)
        .arg("-")
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin
        .write_all(format!("{base}\n{kpis}").as_bytes())
        .unwrap();
    drop(stdin);
    child.wait_with_output().unwrap()
}

/// The one KPI of `cxm kpi --format json`.
fn kpi(kpis: &str) -> Value {
    let out = run(&["kpi", "--format", "json"], kpis);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["kpis"][0].clone()
}

#[test]
fn measured_once_at_the_baseline_is_too_early() {
    let k = kpi(r#"
[[kpis]]
id = "claims"
group = "business"
direction = "down"
baseline = 9.2
target = 7
measurements = [{ date = 2026-09-30, value = 9.2 }]
"#);
    assert_eq!(k["status"], "too-early");
    assert_eq!(k["progress_percent"], "0.0");
    assert_eq!(k["start"], "2026-09-30");
    assert_eq!(k["path_value"], Value::Null);
}

#[test]
fn an_improving_kpi_is_judged_by_its_path() {
    let text = |target_date: &str| {
        format!(
            r#"
[[kpis]]
id = "fcr"
group = "company"
direction = "up"
baseline = 71.5
target = 76
target_date = {target_date}
measurements = [
  {{ date = 2026-06-30, value = 71.5 }},
  {{ date = 2026-09-30, value = 72.1 }},
]
"#
        )
    };
    // To 76 by the end of 2027: 71.5 + 4.5 × 92 / 549 = 72.254… on
    // 2026-09-30, and 72.1 is below it.
    let k = kpi(&text("2027-12-31"));
    assert_eq!(k["path_value"], "72.25");
    assert_eq!(k["status"], "behind");
    // By the end of 2028: 71.5 + 4.5 × 92 / 915 = 71.952…: on track.
    let k = kpi(&text("2028-12-31"));
    assert_eq!(k["path_value"], "71.95");
    assert_eq!(k["status"], "on-track");
}

#[test]
fn a_target_against_the_direction_is_an_error() {
    let kpis = r#"
[[kpis]]
id = "claims"
group = "business"
direction = "down"
baseline = 9.2
target = 12
measurements = [{ date = 2026-09-30, value = 9.2 }]
"#;
    let out = run(&["check"], kpis);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("error[E014]"), "{text}");
    // A data error: the report prints no figures, so nothing reads "reached".
    let out = run(&["kpi", "--format", "json"], kpis);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("E014"));
}

#[test]
fn a_measurement_after_as_of_is_named_and_not_counted() {
    let text = r#"
[[kpis]]
id = "nps"
group = "customer"
direction = "up"
baseline = 12
target = 25
measurements = [
  { date = 2026-03-31, value = 12 },
  { date = 2026-09-30, value = 17 },
  { date = 2026-12-31, value = 30 },
]
"#;
    let k = kpi(text);
    assert_eq!(k["latest"], "17");
    assert_eq!(k["latest_date"], "2026-09-30");
    assert_eq!(k["status"], "on-track");
    assert_eq!(k["series"].as_array().unwrap().len(), 2);
    let out = run(&["check"], text);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("warning[W016]"), "{text}");
    assert!(text.contains("left out of every figure"), "{text}");
}
