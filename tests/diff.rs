//! `cxm diff` on a real git repository with two commits, reading `REV:PATH`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use cxm::roadmap::fields::DIFF;
use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.com")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn cxm(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_cxm"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .output()
        .unwrap()
}

fn example() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("roadmap.toml.example"))
        .unwrap()
}

#[test]
fn diff_between_two_commits() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    std::fs::write(d.join("roadmap.toml"), example()).unwrap();
    git(d, &["add", "roadmap.toml"]);
    git(d, &["commit", "-q", "-m", "first"]);

    let mut changed = example();
    // Webinars move to Q2 with a higher priority; the academy idea goes;
    // a newsletter with a fixed cost comes.
    changed = changed.replacen(
        "priority = 3\nstart = 2027-03-01",
        "priority = 2\nstart = 2027-04-01",
        1,
    );
    let academy = changed
        .find("[[initiatives]]\nid = \"cx-academy\"")
        .unwrap();
    let training = changed.find("# --- Training").unwrap();
    changed.replace_range(
        academy..training,
        "[[initiatives]]\nid = \"cx-newsletter\"\ntitle = \"Monthly CX newsletter\"\n\
         competency = \"culture\"\narea = \"cxm\"\nstatus = \"planned\"\nowner = \"ak\"\n\
         priority = 4\nstart = 2027-01-01\nend = 2027-12-31\neffort_days = 6\n\
         kpi = \"Open rate 50 %\"\ncost = 3650\n\n",
    );
    // The stretch scenario names the academy: it goes from there too.
    changed = changed.replace(
        "include = [\"cx-academy\"]\npriorities = { cx-academy = 2 }\n",
        "",
    );
    std::fs::write(d.join("roadmap.toml"), &changed).unwrap();
    git(d, &["commit", "-q", "-am", "second"]);

    let out = cxm(
        d,
        &[
            "diff",
            "HEAD~1:roadmap.toml",
            "HEAD:roadmap.toml",
            "--format",
            "json",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // Added and removed initiatives say who and what they are (SPEC 13).
    assert_eq!(
        j["added"],
        serde_json::json!([{ "id": "cx-newsletter", "title": "Monthly CX newsletter",
            "owner": "ak", "status": "planned", "budget": "3650.00" }])
    );
    assert_eq!(j["removed"][0]["id"], "cx-academy");
    assert_eq!(j["removed"][0]["status"], "idea");
    let changed = j["changed"].as_array().unwrap();
    assert_eq!(changed.len(), 1);
    assert_eq!(changed[0]["id"], "cx-webinars");
    assert_eq!(
        changed[0]["fields"]["priority"],
        serde_json::json!({"old": "3", "new": "2"})
    );
    assert_eq!(
        changed[0]["fields"]["start"],
        serde_json::json!({"old": "2027-03-01", "new": "2027-04-01"})
    );
    // The newsletter's 3650.00 over 365 days: 900.00 / 910.00 / 920.00 / 920.00
    // by quarter; the webinars' move shifts money between quarters only.
    assert_eq!(j["totals"]["cxm"]["delta"], "3650.00");
    assert_eq!(j["totals"]["by_competency"]["culture"]["delta"], "3650.00");
    assert_eq!(j["totals"]["by_competency"]["governance"]["delta"], "0.00");
    let q: Vec<i128> = (0..4)
        .map(|i| {
            let s = j["totals"]["by_quarter"][i]["delta"]
                .as_str()
                .unwrap()
                .replace('.', "");
            s.parse().unwrap()
        })
        .collect();
    assert_eq!(q.iter().sum::<i128>(), 365_000);
    assert!(q[0] < 90_000, "the webinars left Q1: {q:?}");

    // The working tree against the last commit: nothing changed.
    let out = cxm(d, &["diff", "HEAD:roadmap.toml", "roadmap.toml"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("No initiative was added, removed or changed."),
        "{text}"
    );

    // Markdown for a pull-request comment.
    let out = cxm(
        d,
        &[
            "diff",
            "HEAD~1:roadmap.toml",
            "roadmap.toml",
            "--format",
            "markdown",
        ],
    );
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("## Added initiatives"), "{md}");
    assert!(
        md.contains("| CXM total | 433,778.50 | 437,428.50 | +3,650.00 |"),
        "{md}"
    );

    // A revision that does not exist: the command cannot run.
    let out = cxm(d, &["diff", "nope:roadmap.toml", "roadmap.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("could not read nope:roadmap.toml from git")
    );
}

#[test]
fn diff_refuses_a_version_with_errors() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("old.toml"), example()).unwrap();
    std::fs::write(
        d.join("new.toml"),
        example().replacen("owner = \"pn\"", "owner = \"zz\"", 1),
    )
    .unwrap();
    let out = cxm(d, &["diff", "old.toml", "new.toml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("error[E005]"));
}

/// The shipped example, and a copy where the NPS survey moves a month later
/// with a lower priority, in progress, a longer KPI, more effort, a higher fixed cost, a
/// smaller markup, one KPI less and a dearer vendor quote.
fn example_and_changed() -> (String, String) {
    let old = example();
    let block = |priority, start, end, effort, kpi, cost, markup, kpis: &str| {
        format!(
            "priority = {priority}\nstart = {start}\nend = {end}\neffort_days = {effort}\n\
             kpi = \"{kpi}\"\nbenefit = \"A trusted baseline for every CX decision\"\n\
             cost = {cost}\nmarkup_percent = {markup}\nkpis = {kpis}\n"
        )
    };
    let was = block(
        "1",
        "2027-02-01",
        "2027-06-30",
        "25",
        "NPS measured quarterly in 3 channels",
        "5000",
        "15",
        "[\"nps\", \"churn\"]",
    );
    assert!(old.contains(&was), "the example's NPS survey changed");
    let new = old.replacen(
        &was,
        &block(
            "2",
            "2027-03-01",
            "2027-07-30",
            "27.5",
            "NPS measured quarterly in 4 channels",
            "5500",
            "12.5",
            "[\"nps\"]",
        ),
        1,
    );
    let status = "status = \"planned\"\nowner = \"pn\"\npriority = 2\nstart = 2027-03-01";
    assert!(new.contains(status), "the example's NPS survey changed");
    let new = new.replacen(status, &status.replace("planned", "in-progress"), 1);
    let quote = "vendor = \"Research House B\"\n  amount = 48000";
    assert!(new.contains(quote), "the example's quote changed");
    let new = new.replacen(quote, "vendor = \"Research House B\"\n  amount = 52000", 1);
    (old, new)
}

/// `cxm diff old.toml new.toml ARGS` in a folder holding both.
fn diff_of_example(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = example_and_changed();
    std::fs::write(dir.path().join("old.toml"), old).unwrap();
    std::fs::write(dir.path().join("new.toml"), new).unwrap();
    let mut all = vec!["diff", "old.toml", "new.toml"];
    all.extend(args);
    let out = cxm(dir.path(), &all);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn diff_tables_in_both_languages() {
    for lang in ["en", "pl"] {
        for format in ["table", "markdown"] {
            let out = diff_of_example(&["--lang", lang, "--format", format]);
            insta::assert_snapshot!(format!("diff_{format}_{lang}"), out);
        }
    }
}

#[test]
fn polish_diff_names_no_field_by_its_key() {
    let json: serde_json::Value =
        serde_json::from_str(&diff_of_example(&["--format", "json"])).unwrap();
    let shown: Vec<&str> = json["changed"][0]["fields"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    // The fixture changes these at least, so the check below has keys to find.
    for key in [
        "priority",
        "effort_days",
        "markup_percent",
        "budget",
        "plan_year_budget",
    ] {
        assert!(shown.contains(&key), "{key} not changed: {shown:?}");
    }
    let table = diff_of_example(&["--lang", "pl"]);
    let markdown = diff_of_example(&["--lang", "pl", "--format", "markdown"]);
    for c in DIFF {
        let key = c.label();
        assert!(
            !table.split_whitespace().any(|word| word == key),
            "`{key}` in\n{table}"
        );
        assert!(
            !markdown.contains(&format!("| {key} |")),
            "`{key}` in\n{markdown}"
        );
    }
    // The English table names them by their TOML keys, as the file does.
    let english = diff_of_example(&["--lang", "en"]);
    for key in shown {
        assert!(
            english.split_whitespace().any(|word| word == key),
            "`{key}` not in\n{english}"
        );
    }
}

#[test]
fn machine_formats_keep_keys_and_plain_amounts() {
    let json: serde_json::Value =
        serde_json::from_str(&diff_of_example(&["--lang", "pl", "--format", "json"])).unwrap();
    assert_eq!(
        json["changed"][0]["fields"]["cost"],
        serde_json::json!({"old": "5000.00", "new": "5500.00"})
    );
    let csv = diff_of_example(&["--lang", "pl", "--format", "csv"]);
    assert!(
        csv.contains("changed,rnps-2027,cost,5000.00,5500.00"),
        "{csv}"
    );
    assert!(csv.contains("total,Q1,cxm,"), "{csv}");
}

/// Goals and communications are matched by id like initiatives: added,
/// removed, and changed key by key (SPEC section 13).
#[test]
fn goals_and_communications_added_removed_and_changed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let old = example();
    let new = old
        .replacen(
            "kpis = { nps = 20, tnps-care = 30 }",
            "kpis = { nps = 22, tnps-care = 30 }",
            1,
        )
        .replace("\"cx-culture-2027\"", "\"culture-2027\"")
        .replacen(
            "cadence = \"half-yearly\"\nstart = 2027-03-30",
            "cadence = \"quarterly\"\nstart = 2027-03-30",
            1,
        );
    assert_ne!(new, old);
    std::fs::write(d.join("old.toml"), &old).unwrap();
    std::fs::write(d.join("new.toml"), &new).unwrap();
    let out = cxm(d, &["diff", "old.toml", "new.toml", "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["goals"]["added"], serde_json::json!(["culture-2027"]));
    assert_eq!(
        v["goals"]["removed"],
        serde_json::json!(["cx-culture-2027"])
    );
    assert_eq!(
        v["goals"]["changed"],
        serde_json::json!([{ "id": "trusted-measurement-2027", "fields": {
            "kpis": { "old": "nps = 20, tnps-care = 30", "new": "nps = 22, tnps-care = 30" } } }])
    );
    assert_eq!(
        v["communications"]["changed"],
        serde_json::json!([
            { "id": "cx-newsletter", "fields": { "goals": { "old": "cx-culture-2027", "new": "culture-2027" } } },
            { "id": "board-review", "fields": { "cadence": { "old": "half-yearly", "new": "quarterly" } } }
        ])
    );
    // The people's table names the sections and the fields in Polish.
    let out = cxm(d, &["diff", "old.toml", "new.toml", "--lang", "pl"]);
    let text = String::from_utf8_lossy(&out.stdout);
    for words in [
        "Dodane cele",
        "Usunięte cele",
        "Zmienione cele",
        "Wartości KPI",
        "Zmienione komunikacje",
        "Częstotliwość",
    ] {
        assert!(text.contains(words), "no {words:?} in:\n{text}");
    }
}

/// `cxm diff base.toml NAME.toml` in `tests/fixtures/diff`, every format,
/// in `lang`: one fixture per section of the file (SPEC section 9).
fn fixture_diff(name: &str, lang: &str) -> String {
    fixture_pair_diff("base", name, lang)
}

/// `cxm diff OLD.toml NEW.toml` in `tests/fixtures/diff`, every format, in
/// `lang`.
fn fixture_pair_diff(old: &str, name: &str, lang: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/diff");
    let mut out = String::new();
    for format in ["table", "markdown", "csv", "json"] {
        let o = cxm(
            &dir,
            &[
                "diff",
                &format!("{old}.toml"),
                &format!("{name}.toml"),
                "--lang",
                lang,
                "--format",
                format,
            ],
        );
        assert_eq!(
            o.status.code(),
            Some(0),
            "{name} {format}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        out.push_str(&format!(
            "===== {format}\n{}\n",
            String::from_utf8(o.stdout).unwrap()
        ));
    }
    out
}

#[test]
fn each_section_of_the_file_is_compared() {
    for name in [
        "settings",
        "fx",
        "team",
        "departments",
        "training",
        "kpis",
        "initiatives",
    ] {
        for lang in ["en", "pl"] {
            insta::assert_snapshot!(format!("section_{name}_{lang}"), fixture_diff(name, lang));
        }
    }
}

/// `[scenarios.NAME]` overlays (SPEC sections 9 and 10): `cut` changed in
/// every key, `stretch` removed, `lean` added; figures stay as they were.
#[test]
fn scenarios_added_removed_and_changed() {
    for lang in ["en", "pl"] {
        let out = fixture_pair_diff("scenarios-old", "scenarios-new", lang);
        for id in ["lean", "stretch", "cut"] {
            assert!(out.contains(id), "no {id} in:\n{out}");
        }
        insta::assert_snapshot!(format!("section_scenarios_{lang}"), out);
    }
}

/// The issue's case: a changed cap, markup, training price and team
/// capacity change budget figures, and the diff names them as causes.
#[test]
fn the_causes_of_changed_figures_show() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let old = example();
    let mut new = old.clone();
    for (from, to) in [
        ("budget_cap = 450000", "budget_cap = 420000"),
        ("markup_percent = 12.5", "markup_percent = 10"),
        ("cost_per_person = 1200", "cost_per_person = 1350"),
        ("capacity_days = 180", "capacity_days = 150"),
        (
            "[maturity.governance]\ncurrent = 2\ntarget = 3",
            "[maturity.governance]\ncurrent = 2\ntarget = 4",
        ),
        ("until = 2030", "until = 2031"),
    ] {
        assert!(new.contains(from), "the example has no {from:?}");
        new = new.replacen(from, to, 1);
    }
    std::fs::write(d.join("old.toml"), &old).unwrap();
    std::fs::write(d.join("new.toml"), &new).unwrap();
    let out = cxm(d, &["diff", "old.toml", "new.toml", "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        j["settings"]["budget_cap"],
        serde_json::json!({ "old": "450000.00", "new": "420000.00" })
    );
    assert_eq!(
        j["settings"]["markup_percent"],
        serde_json::json!({ "old": "12.5", "new": "10" })
    );
    assert_eq!(
        j["training"]["changed"][0]["fields"]["cost_per_person"],
        serde_json::json!({ "old": "1200.00", "new": "1350.00" })
    );
    assert_eq!(
        j["team"]["changed"][0]["fields"]["capacity_days"],
        serde_json::json!({ "old": "180", "new": "150" })
    );
    assert_eq!(
        j["maturity"]["changed"],
        serde_json::json!([{ "id": "governance", "fields": { "target": { "old": "3", "new": "4" } } }])
    );
    assert_eq!(
        j["vision"]["changed"][0]["fields"]["until"],
        serde_json::json!({ "old": "2030", "new": "2031" })
    );
    // The effects are still there, and every earlier key.
    for key in [
        "added",
        "removed",
        "changed",
        "totals",
        "goals",
        "communications",
    ] {
        assert!(j.get(key).is_some(), "no {key}");
    }
    assert_ne!(j["totals"]["cxm"]["delta"], "0.00");

    let out = cxm(d, &["diff", "old.toml", "new.toml", "--lang", "pl"]);
    let text = String::from_utf8(out.stdout).unwrap();
    for words in [
        "Zmienione ustawienia",
        "Limit budżetu",
        "450 000,00 zł",
        "Narzut (%)",
        "12,5",
        "Zmienione szkolenia",
        "1 350,00 zł",
        "Zmiany w zespole",
        "Dostępność (dni)",
        "Zmienione poziomy dojrzałości",
        "Poziom docelowy",
        "Zmieniona wizja",
    ] {
        assert!(
            text.contains(&words.replace(' ', "\u{a0}")) || text.contains(words),
            "no {words:?} in:\n{text}"
        );
    }
    let csv = cxm(d, &["diff", "old.toml", "new.toml", "--format", "csv"]);
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(
        csv.contains("\nchanged,,budget_cap,450000.00,420000.00,,,settings\r"),
        "{csv}"
    );
}

/// What the business case and the spending say are compared too:
/// `benefit`, `expected`, `actual` and the spend entries (a new entry shows
/// alone, as a new check-in does).
#[test]
fn business_case_and_spending_are_compared() {
    let old = example();
    let mut new = old.clone();
    for (was, now) in [
        (
            "expected = { complaints = { low = -2, high = -1 } }",
            "expected = { complaints = { low = -3, high = -1 } }",
        ),
        ("actual = 42000", "actual = 45000"),
        (
            "benefit = \"A trusted baseline for every CX decision\"",
            "benefit = \"A baseline the board trusts\"",
        ),
        (
            "  note = \"Invoice 2026-0412: licences for October and November\"\n",
            "  note = \"Invoice 2026-0412: licences for October and November\"\n\n  \
             [[initiatives.spend]]\n  date = 2026-11-30\n  amount = 3100\n",
        ),
    ] {
        assert!(new.contains(was), "the example changed: {was}");
        new = new.replacen(was, now, 1);
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("old.toml"), old).unwrap();
    std::fs::write(dir.path().join("new.toml"), new).unwrap();
    let out = cxm(
        dir.path(),
        &["diff", "old.toml", "new.toml", "--format", "json"],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let fields: serde_json::Map<String, serde_json::Value> = json["changed"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["fields"].as_object().unwrap().clone())
        .collect();
    assert_eq!(
        fields["expected"],
        serde_json::json!({"old": "complaints -2 – -1", "new": "complaints -3 – -1"})
    );
    assert_eq!(
        fields["actual"],
        serde_json::json!({"old": "42000.00", "new": "45000.00"})
    );
    assert_eq!(
        fields["benefit"]["new"],
        serde_json::json!("A baseline the board trusts")
    );
    assert_eq!(
        fields["spend"],
        serde_json::json!({"old": null, "new": "2026-11-30 3100.00"})
    );
    // In Polish, each by its Polish label.
    let pl = cxm(
        dir.path(),
        &["diff", "old.toml", "new.toml", "--lang", "pl"],
    );
    let pl = String::from_utf8(pl.stdout).unwrap();
    for label in ["Oczekiwany wpływ na KPI", "Wydano", "Wydatki", "Korzyść"] {
        assert!(pl.contains(label), "{label}: {pl}");
    }
    // And amounts and decimals written the Polish way, as everywhere.
    for value in ["2026-11-30 3\u{a0}100,00\u{a0}zł", "45\u{a0}000,00\u{a0}zł"] {
        assert!(pl.contains(value), "{value}: {pl}");
    }
    let pl_old = polish_diff_with_decimals(dir.path());
    assert!(pl_old.contains("churn -0,5 – -0,1"), "{pl_old}");
    // Only the changed KPI's entry shows, not the unchanged `nps` one.
    assert!(!pl_old.contains("nps 2 – 4"), "{pl_old}");
}

/// A Polish diff whose expected change and check-in have decimals.
fn polish_diff_with_decimals(dir: &Path) -> String {
    let old = example();
    let new = old
        .replacen(
            "churn = { low = -0.3, high = -0.1 }",
            "churn = { low = -0.5, high = -0.1 }",
            1,
        )
        .replacen("progress = 15\n", "progress = 12.5\n", 1);
    std::fs::write(dir.join("old.toml"), &old).unwrap();
    std::fs::write(dir.join("new.toml"), new).unwrap();
    let out = cxm(
        dir,
        &["diff", "old.toml", "new.toml", "--lang", "pl", "--wide"],
    );
    let pl = String::from_utf8(out.stdout).unwrap();
    assert!(pl.contains("12,5 % wysoka pewność"), "{pl}");
    pl
}
