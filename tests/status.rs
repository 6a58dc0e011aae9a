//! `cxm status` through the binary: every format in both languages on the
//! shipped examples, and a fixture with an initiative for every list.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn status(args: &[&str]) -> (String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_cxm"))
        .current_dir(root())
        .arg("status")
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap(),
    )
}

#[test]
fn every_format_in_both_languages_on_the_examples() {
    for file in ["roadmap.toml.example", "examples/roadmap.pl.toml"] {
        for format in ["table", "markdown", "csv", "json"] {
            for lang in ["en", "pl"] {
                let (out, code) = status(&[file, "--format", format, "--lang", lang]);
                assert_eq!(code, 0, "{file} {format} {lang}");
                let name = format!(
                    "status_{}_{format}_{lang}",
                    if file.contains(".pl.") {
                        "pl_example"
                    } else {
                        "example"
                    }
                );
                insta::assert_snapshot!(name, out);
            }
        }
    }
}

fn ids(json: &serde_json::Value, list: &str) -> Vec<(String, String)> {
    json[list]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["id"].as_str().unwrap().to_string(),
                m["why"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn every_list_takes_what_the_spec_says() {
    let (out, code) = status(&["tests/fixtures/status/moved.toml", "--format", "json"]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["since"], "2027-03-31");
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(ids(&json, "finished"), [pair("finished", "finished")]);
    assert_eq!(
        ids(&json, "started"),
        [
            pair("started", "started"),
            pair("behind", "started"),
            pair("on-the-edge", "started")
        ]
    );
    assert_eq!(
        ids(&json, "slipped"),
        [
            pair("late-start", "late-start"),
            pair("late-end", "late-end")
        ]
    );
    // 34.5 at 60 % elapsed is more than 25 points behind; 35 is not.
    assert_eq!(
        ids(&json, "at_risk"),
        [
            pair("unsure", "low-confidence"),
            pair("behind", "behind-time")
        ]
    );
    let spending: Vec<&str> = json["spending"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(spending, ["finished"]);
    assert_eq!(json["undated_actual"][0]["id"], "late-end");
    assert_eq!(json["spent_in_plan_year"], "5800.00");
    assert_eq!(json["kpis"][1]["change"], "3.5");
    assert_eq!(json["findings"]["errors"], 1);
    // A later since narrows the period.
    let (out, _) = status(&[
        "tests/fixtures/status/moved.toml",
        "--format",
        "json",
        "--since",
        "2027-06-01",
    ]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(json["finished"].as_array().unwrap().is_empty());
    assert_eq!(json["kpis"].as_array().unwrap().len(), 1);
    // A since after as_of is refused.
    let (_, code) = status(&["tests/fixtures/status/moved.toml", "--since", "2027-07-01"]);
    assert_eq!(code, 2);
}

#[test]
fn excel_csv_words_headers_and_sections_in_polish() {
    let (out, code) = status(&["examples/roadmap.pl.toml", "--excel"]);
    assert_eq!(code, 0);
    let first = out.trim_start_matches('\u{feff}').lines().next().unwrap();
    assert_eq!(
        first,
        "sekcja;id;tytuł;dlaczego;data;postęp %;kwota;wartość;zmiana;status"
    );
    assert!(out.contains("\nrozpoczęte;ankieta-po-zakupie;"), "{out}");
}
