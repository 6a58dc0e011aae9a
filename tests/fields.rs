//! The declaration of the keys (`roadmap::fields`) against the places a key
//! must reach: a roadmap that sets every declared initiative key loads each
//! into the model, validates against the committed JSON Schema, and `diff`
//! shows every key it compares when its value changes. Forgetting a key in
//! one of them fails here (or does not compile: the samples below match on
//! every key).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use cxm::roadmap::fields::{
    self, CommunicationKey, Compared, DIFF, GoalKey, InitiativeKey, Key, Kind, ScenarioKey,
    TableDef, VisionKey,
};
use cxm::roadmap::load::load_str;
use std::path::Path;
use std::process::Command;

/// A valid value of `key` as TOML, one of two that differ (`v` is 0 or 1).
/// Every key is named: a new key does not compile until it has its samples.
fn sample(key: InitiativeKey, v: usize) -> String {
    use InitiativeKey as K;
    let pick = |a: &str, b: &str| if v == 0 { a } else { b }.to_string();
    match key {
        K::Id => "\"ini-x\"".into(),
        K::Title => pick("\"Title A\"", "\"Title B\""),
        K::Competency | K::Area | K::Status => {
            let Kind::Choice(names) = key.field().kind else {
                panic!("`{}` is not declared as a choice", key.name());
            };
            // From the second word on: `planned` (not `idea`, which leaves
            // the plan) and `cxm` (the CX team's budget).
            let names = names();
            let skip = usize::from(key != K::Competency);
            format!("\"{}\"", names[(v + skip) % names.len()])
        }
        K::Owner => pick("\"anna\"", "\"ben\""),
        K::Department => pick("\"sales\"", "\"ops\""),
        K::Priority => pick("1", "2"),
        K::Start => pick("2027-01-04", "2027-02-01"),
        K::End => pick("2027-06-30", "2027-07-30"),
        K::EffortDays => pick("10", "20.5"),
        K::Kpi => pick("\"NPS up\"", "\"CSAT up\""),
        K::Benefit => pick("\"happier\"", "\"faster\""),
        K::Reason => pick("\"no budget\"", "\"waits for CRM\""),
        K::Cost => pick("1000", "2500.5"),
        K::Actual => pick("100", "200"),
        K::MarkupPercent => pick("10", "15"),
        K::Kpis => pick("[\"nps\"]", "[\"csat\"]"),
        K::DependsOn => pick("[\"base\"]", "[\"other\"]"),
        K::Goals => pick("[\"g-long\"]", "[\"g-year\"]"),
        K::Quotes => pick(
            "[{ vendor = \"V\", min = 100, max = 200, date = 2026-11-02 }]",
            "[{ vendor = \"W\", amount = 300, currency = \"EUR\" }]",
        ),
        K::Spend => pick(
            "[{ date = 2026-11-02, amount = 100, note = \"FV/1\" }]",
            "[{ date = 2026-11-03, amount = 50.5, currency = \"EUR\" }]",
        ),
        K::Updates => pick(
            "[{ date = 2027-01-29, progress = 10, confidence = \"high\", note = \"n\" }]",
            "[{ date = 2027-01-29, progress = 12.5, confidence = \"low\" }]",
        ),
        K::Expected => pick(
            "{ nps = { low = 1, high = 2 } }",
            "{ csat = { low = -0.5, high = 0.5 } }",
        ),
    }
}

/// A valid roadmap whose initiative `ini-x` sets every declared key, with
/// sample 0, except `changed`, which takes sample 1.
fn roadmap(changed: Option<InitiativeKey>) -> String {
    let mut text = String::from(
        r#"[roadmap]
plan_year = 2027
as_of = 2026-12-01
organisation = "Org"

[fx]
EUR = 4.3

[[team]]
id = "anna"
capacity_days = 200

[[team]]
id = "ben"
capacity_days = 200

[[departments]]
id = "sales"

[[departments]]
id = "ops"

[[kpis]]
id = "nps"
group = "customer"
direction = "up"

[[kpis]]
id = "csat"
group = "customer"
direction = "up"

[[goals]]
id = "g-long"
title = "Long"
horizon = "long"
until = 2030

[[goals]]
id = "g-year"
title = "Year"
horizon = "year"
year = 2027
parent = "g-long"

[[initiatives]]
id = "base"
title = "Base"
competency = "design"
area = "cxm"
status = "done"
kpi = "k"

[[initiatives]]
id = "other"
title = "Other"
competency = "design"
area = "cxm"
status = "done"
kpi = "k"

[[initiatives]]
"#,
    );
    for &key in InitiativeKey::ALL {
        let v = usize::from(Some(key) == changed);
        text.push_str(&format!("{} = {}\n", key.name(), sample(key, v)));
    }
    text
}

/// The top-level fields of a value's `{:#?}`, each with its value's first
/// line.
fn debug_fields(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter_map(|l| l.strip_prefix("    "))
        .filter(|l| !l.starts_with(' '))
        .filter_map(|l| l.split_once(": "))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn every_declared_initiative_key_lands_in_the_model() {
    // Both samples of every key load without a finding.
    for &key in InitiativeKey::ALL {
        let loaded = load_str(&roadmap(Some(key)));
        assert_eq!(loaded.findings, Vec::new(), "`{}`", key.name());
    }
    {
        let loaded = load_str(&roadmap(None));
        assert_eq!(loaded.findings, Vec::new());
        let ini = loaded.roadmap.initiatives.last().unwrap();
        let fields = debug_fields(&format!("{ini:#?}"));
        for &key in InitiativeKey::ALL {
            let Some((_, value)) = fields.iter().find(|(k, _)| k == key.name()) else {
                panic!(
                    "`{}` is declared but the model has no such field",
                    key.name()
                );
            };
            assert!(
                !["None,", "[],"].contains(&value.as_str()),
                "`{}` was written but did not land in the model",
                key.name()
            );
        }
        // The other way: a field of the model that is no declared key.
        let bookkeeping = ["span", "has_quotes_key", "rejected"];
        for (name, _) in &fields {
            assert!(
                bookkeeping.contains(&name.as_str()) || InitiativeKey::parse(name).is_some(),
                "the model's initiative has `{name}`, which no key declares"
            );
        }
    }
}

/// TOML as JSON the way editors see it: dates as strings.
fn to_json(v: toml::Value) -> serde_json::Value {
    match v {
        toml::Value::String(s) => s.into(),
        toml::Value::Integer(i) => i.into(),
        toml::Value::Float(f) => {
            serde_json::Number::from_f64(f).map_or(serde_json::Value::Null, Into::into)
        }
        toml::Value::Boolean(b) => b.into(),
        toml::Value::Datetime(d) => d.to_string().into(),
        toml::Value::Array(a) => a.into_iter().map(to_json).collect(),
        toml::Value::Table(t) => t
            .into_iter()
            .map(|(k, v)| (k, to_json(v)))
            .collect::<serde_json::Map<_, _>>()
            .into(),
    }
}

fn schema() -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("roadmap.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Every key of `def` (and of the tables within) is in `schema`, required
/// as declared, and `schema` has no other.
fn walk_schema(def: &TableDef, schema: &serde_json::Value, path: &str) {
    let props = schema["properties"].as_object().unwrap();
    let names: Vec<&str> = props.keys().map(String::as_str).collect();
    assert_eq!(names, def.names(), "keys of {path}");
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert_eq!(required, def.required().collect::<Vec<_>>(), "{path}");
    for f in def.fields {
        let entry = &props[f.name];
        assert_eq!(entry["description"], f.doc, "{path}.{}", f.name);
        match f.kind {
            Kind::Table(inner) => walk_schema(inner, entry, &format!("{path}.{}", f.name)),
            Kind::Tables(inner) => {
                walk_schema(inner, &entry["items"], &format!("{path}.{}", f.name));
            }
            _ => {}
        }
    }
}

#[test]
fn every_declared_key_is_in_the_json_schema() {
    walk_schema(&fields::DOCUMENT, &schema(), "the file");
    // And a roadmap that writes every initiative key validates.
    let validator = jsonschema::draft7::new(&schema()).unwrap();
    let doc = to_json(toml::from_str(&roadmap(None)).unwrap());
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert_eq!(errors, Vec::<String>::new());
}

fn diff_json(dir: &Path, changed: InitiativeKey) -> serde_json::Value {
    let old = dir.join("old.toml");
    let new = dir.join("new.toml");
    // `diff` refuses a file with data errors, and `actual` beside spend
    // entries is one (E003): the spend entries go when `actual` is the key
    // changed, else `actual` does.
    let one_of_them = |t: String| {
        if changed == InitiativeKey::Actual {
            let spend = format!("spend = {}\n", sample(InitiativeKey::Spend, 0));
            assert!(t.contains(&spend), "{t}");
            t.replace(&spend, "")
        } else {
            t.replace("\nactual = 100\n", "\n")
        }
    };
    std::fs::write(&old, one_of_them(roadmap(None))).unwrap();
    std::fs::write(&new, one_of_them(roadmap(Some(changed)))).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_cxm"))
        .args(["diff", "--format", "json"])
        .arg(&old)
        .arg(&new)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "diff with `{}` changed: {}",
        changed.name(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn diff_shows_every_key_it_compares_when_it_changes() {
    let dir = tempfile::tempdir().unwrap();
    for &compared in DIFF {
        // The budget figures change with the cost.
        let key = match compared {
            Compared::Key(k) => k,
            Compared::Budget | Compared::PlanYearBudget => InitiativeKey::Cost,
        };
        let diff = diff_json(dir.path(), key);
        let changed = &diff["changed"][0];
        assert_eq!(changed["id"], "ini-x", "`{}`", key.name());
        let fields = changed["fields"].as_object().unwrap();
        assert!(
            fields.contains_key(compared.label()),
            "`{}` changed, but diff shows only {:?}",
            key.name(),
            fields.keys().collect::<Vec<_>>()
        );
    }
}

/// A sample value of every key of `[vision]`, a goal and a communication.
fn strategy_sample(name: &str) -> &'static str {
    match name {
        "statement" => "\"Customers always know what happens next\"",
        "until" => "2030",
        "id" => "\"g-year-2\"",
        "title" => "\"A title\"",
        "horizon" => "\"year\"",
        "year" => "2027",
        "parent" => "\"g-long\"",
        "focus" => "true",
        "owner" => "\"anna\"",
        "pain_points" => "[\"nobody calls back\"]",
        "kpis" => "{ nps = 35 }",
        "channel" => "\"meeting\"",
        "audience" => "\"all staff\"",
        "cadence" => "\"quarterly\"",
        "start" => "2027-01-15",
        "end" => "2027-12-31",
        "sponsor" => "\"The board\"",
        "goals" => "[\"g-year\"]",
        other => panic!("no sample for `{other}`"),
    }
}

/// `[vision]`, a goal and a communication that write every declared key
/// load without a finding, and every key lands in the model.
#[test]
fn every_declared_strategy_key_lands_in_the_model() {
    fn table<K: Key>(header: &str) -> String {
        let mut t = format!("\n{header}\n");
        for &k in K::ALL {
            // A year goal has no `until` (a long goal's), so it is written
            // on `[vision]` only.
            if header == "[[goals]]" && k.name() == "until" {
                continue;
            }
            t.push_str(&format!("{} = {}\n", k.name(), strategy_sample(k.name())));
        }
        t
    }
    let mut text = roadmap(None);
    text.push_str(&table::<VisionKey>("[vision]"));
    text.push_str(&table::<GoalKey>("[[goals]]"));
    text.push_str(&table::<CommunicationKey>("[[communications]]"));
    let loaded = load_str(&text);
    assert_eq!(loaded.findings, Vec::new());
    let r = &loaded.roadmap;
    let check = |debug: String, names: Vec<&'static str>, skip: &[&str]| {
        let fields = debug_fields(&debug);
        for name in names.into_iter().filter(|n| !skip.contains(n)) {
            let Some((_, value)) = fields.iter().find(|(k, _)| k == name) else {
                panic!("`{name}` is declared but the model has no such field");
            };
            assert!(
                !["None,", "[],"].contains(&value.as_str()),
                "`{name}` was written but did not land in the model"
            );
        }
    };
    check(
        format!("{:#?}", r.vision.as_ref().unwrap()),
        fields::VISION.names(),
        &[],
    );
    check(
        format!("{:#?}", r.goals.last().unwrap()),
        fields::GOAL.names(),
        &["until"],
    );
    assert_eq!(r.goals.last().unwrap().kpis.len(), 1);
    check(
        format!("{:#?}", r.communications.last().unwrap()),
        fields::COMMUNICATION.names(),
        &[],
    );
    // And the whole validates against the JSON Schema.
    let validator = jsonschema::draft7::new(&schema()).unwrap();
    let doc = to_json(toml::from_str(&text).unwrap());
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert_eq!(errors, Vec::<String>::new());
}

/// A sample value of every key of a `[scenarios.NAME]` table.
fn scenario_sample(key: ScenarioKey) -> &'static str {
    use ScenarioKey as K;
    match key {
        K::Note => "\"The board's -15 % variant\"",
        K::BudgetCap => "380000",
        K::MarkupPercent => "15",
        K::CapacityPercent => "90",
        K::Exclude => "[\"ini-x\"]",
        K::Include => "[\"idea-x\"]",
        K::Priorities => "{ ini-x = 2 }",
        K::Prices => "\"high\"",
    }
}

/// A scenario that writes every declared key loads without a finding,
/// every key lands in the model, and the file validates against the JSON
/// Schema.
#[test]
fn every_declared_scenario_key_lands_in_the_model() {
    let mut text = roadmap(None).replace("\nactual = 100\n", "\n");
    text.push_str(
        "\n[[initiatives]]\nid = \"idea-x\"\ntitle = \"Idea\"\ncompetency = \"culture\"\n\
         area = \"cxm\"\nstatus = \"idea\"\nstart = 2027-03-01\nend = 2027-05-31\nkpi = \"k\"\n",
    );
    text.push_str("\n[scenarios.cut]\n");
    for &k in ScenarioKey::ALL {
        text.push_str(&format!("{} = {}\n", k.name(), scenario_sample(k)));
    }
    let loaded = load_str(&text);
    assert_eq!(loaded.findings, Vec::new());
    let sc = loaded.roadmap.scenarios.last().unwrap();
    let fields = debug_fields(&format!("{sc:#?}"));
    for name in fields::SCENARIO.names() {
        let Some((_, value)) = fields.iter().find(|(k, _)| k == name) else {
            panic!("`{name}` is declared but the model has no such field");
        };
        assert!(
            !["None,", "[],"].contains(&value.as_str()),
            "`{name}` was written but did not land in the model"
        );
    }
    let validator = jsonschema::draft7::new(&schema()).unwrap();
    let doc = to_json(toml::from_str(&text).unwrap());
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert_eq!(errors, Vec::<String>::new());
    // A key the schema does not know is refused there too.
    let bad = to_json(toml::from_str(&format!("{text}budget_cup = 1\n")).unwrap());
    assert!(!validator.is_valid(&bad));
}
