//! Scenarios (SPEC section 10), through the binary.
//!
//! By construction: for each scenario of both examples, the roadmap with
//! the scenario's values written in (by a format-preserving TOML editor,
//! `[scenarios]` removed) gives byte for byte the reports that
//! `--scenario NAME` gives. `prices` has no form in the file (SPEC section
//! 13): it is written as every quote's range narrowed to the end it names,
//! which gives the same estimates, so the plan and goals are compared for
//! such a scenario (the budget shows the quote averages, which differ).
//! Then the `cxm scenarios` snapshots, and an empty overlay giving exactly
//! the base.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::path::Path;
use std::process::{Command, Output};
use toml_edit::{DocumentMut, Item, value};

const EXAMPLES: [&str; 2] = ["roadmap.toml.example", "examples/roadmap.pl.toml"];

fn cxm(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cxm"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .output()
        .unwrap()
}

fn stdout(args: &[&str]) -> String {
    let out = cxm(args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The roadmap `text` with scenario `name` written in, and whether it sets
/// `prices`.
fn written_in(text: &str, name: &str) -> (String, bool) {
    let mut doc: DocumentMut = text.parse().unwrap();
    let sc = doc["scenarios"][name].as_table().unwrap().clone();
    doc.remove("scenarios");
    for key in ["budget_cap", "markup_percent"] {
        if let Some(v) = sc.get(key) {
            doc["roadmap"][key] = v.clone();
        }
    }
    if let Some(p) = sc.get("capacity_percent").and_then(Item::as_integer) {
        for m in doc["team"].as_array_of_tables_mut().unwrap().iter_mut() {
            let c = m["capacity_days"].as_integer().unwrap();
            assert_eq!(c * p % 100, 0, "the examples' capacities stay whole");
            m["capacity_days"] = value(c * p / 100);
        }
    }
    let ids = |key: &str| -> Vec<String> {
        sc.get(key)
            .and_then(Item::as_array)
            .map(|a| a.iter().map(|v| v.as_str().unwrap().to_string()).collect())
            .unwrap_or_default()
    };
    let (exclude, include) = (ids("exclude"), ids("include"));
    let prices = sc.get("prices").and_then(Item::as_str).map(str::to_string);
    for ini in doc["initiatives"]
        .as_array_of_tables_mut()
        .unwrap()
        .iter_mut()
    {
        let id = ini["id"].as_str().unwrap().to_string();
        if exclude.contains(&id) {
            ini["status"] = value("idea");
        }
        if include.contains(&id) {
            ini["status"] = value("planned");
        }
        if let Some(p) = sc
            .get("priorities")
            .and_then(Item::as_inline_table)
            .and_then(|t| t.get(&id))
        {
            ini["priority"] = value(p.as_integer().unwrap());
        }
        if let (Some(end), Some(quotes)) = (
            prices.as_deref(),
            ini.get_mut("quotes").and_then(Item::as_array_of_tables_mut),
        ) {
            for q in quotes.iter_mut() {
                if q.contains_key("amount") {
                    continue;
                }
                let (lo, hi) = (q["min"].clone(), q["max"].clone());
                match end {
                    "high" => q["min"] = hi,
                    "low" => q["max"] = lo,
                    _ => {}
                }
            }
        }
    }
    (doc.to_string(), prices.is_some_and(|p| p != "mid"))
}

/// The example's scenario names.
fn names(text: &str) -> Vec<String> {
    let doc: DocumentMut = text.parse().unwrap();
    doc["scenarios"]
        .as_table()
        .unwrap()
        .iter()
        .map(|(k, _)| k.to_string())
        .collect()
}

#[test]
fn a_scenario_is_the_roadmap_with_its_values_written_in() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for example in EXAMPLES {
        let text = std::fs::read_to_string(root.join(example)).unwrap();
        let names = names(&text);
        assert_eq!(names.len(), 2, "{example}: {names:?}");
        for name in names {
            let (edited, priced) = written_in(&text, &name);
            let file = dir.path().join(format!("{name}.toml"));
            std::fs::write(&file, edited).unwrap();
            let file = file.to_str().unwrap();
            let mut reports = vec!["plan", "goals"];
            if !priced {
                reports.push("budget");
            }
            for report in reports {
                for format in ["json", "table", "csv", "markdown"] {
                    for lang in ["en", "pl"] {
                        let common = ["--format", format, "--lang", lang, "--wide"];
                        let mut with = vec![report, example, "--scenario", &name];
                        with.extend(common);
                        let mut edited = vec![report, file];
                        edited.extend(common);
                        assert_eq!(
                            stdout(&with),
                            stdout(&edited),
                            "{example} --scenario {name}: {report} {format} {lang}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn the_scenarios_move_the_cut_line() {
    for example in EXAMPLES {
        let j: serde_json::Value =
            serde_json::from_str(&stdout(&["scenarios", example, "--format", "json"])).unwrap();
        let s = j["scenarios"].as_array().unwrap();
        assert_eq!(s[0]["name"], "base");
        assert_eq!(s[0]["below_line"], serde_json::json!([]), "{example}");
        assert_ne!(s[1]["below_line"], serde_json::json!([]), "{example}: cut");
        assert_ne!(s[2]["below_line"], s[1]["below_line"], "{example}: stretch");
    }
}

#[test]
fn an_empty_overlay_gives_exactly_the_base() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    for example in EXAMPLES {
        let mut text = std::fs::read_to_string(root.join(example)).unwrap();
        text.push_str("\n[scenarios.same]\nnote = \"Nothing changes\"\n");
        let file = dir.path().join("same.toml");
        std::fs::write(&file, &text).unwrap();
        let file = file.to_str().unwrap();
        let j: serde_json::Value =
            serde_json::from_str(&stdout(&["scenarios", file, "--format", "json"])).unwrap();
        let s = j["scenarios"].as_array().unwrap();
        let (mut base, mut same) = (s[0].clone(), s.last().unwrap().clone());
        for v in [&mut base, &mut same] {
            v.as_object_mut().unwrap().remove("name");
            v.as_object_mut().unwrap().remove("note");
        }
        assert_eq!(base, same, "{example}");
        for report in ["plan", "budget", "goals"] {
            assert_eq!(
                stdout(&[report, file, "--format", "json"]),
                stdout(&[report, file, "--format", "json", "--scenario", "same"]),
                "{example}: {report}"
            );
        }
    }
}

#[test]
fn an_unknown_scenario_is_a_wrong_argument() {
    let out = cxm(&["plan", EXAMPLES[0], "--scenario", "cutt"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cut, stretch"), "{err}");
}

#[test]
fn cxm_scenarios_in_every_format_and_language() {
    for example in EXAMPLES {
        for format in ["table", "markdown", "csv", "json"] {
            for lang in ["en", "pl"] {
                let out = stdout(&[
                    "scenarios",
                    example,
                    "--format",
                    format,
                    "--lang",
                    lang,
                    "--wide",
                ]);
                let name = format!("scenarios-{}-{format}-{lang}", example.replace('/', "_"));
                insta::assert_snapshot!(name, out);
            }
        }
    }
}

#[test]
fn the_workbook_says_which_scenario_it_shows() {
    use calamine::{Reader, Xlsx, open_workbook};
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("cut.xlsx");
    let book = book.to_str().unwrap();
    stdout(&["report", EXAMPLES[0], "--xlsx", book, "--scenario", "cut"]);
    let mut wb: Xlsx<_> = open_workbook(book).unwrap();
    let about = wb.worksheet_range("About").unwrap();
    let row = about
        .rows()
        .find(|r| r[0] == "Scenario")
        .expect("a scenario row");
    assert_eq!(row[1].to_string(), "cut");
}

#[test]
fn the_dashboard_is_titled_with_its_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("cut.html");
    let html = html.to_str().unwrap();
    stdout(&["report", EXAMPLES[0], "--html", html, "--scenario", "cut"]);
    let page = std::fs::read_to_string(html).unwrap();
    assert!(
        page.contains("<title>CX dashboard 2027 · Example Bank · Scenario: cut</title>"),
        "{}",
        &page[..page.find("</title>").unwrap_or(0)]
    );
}
