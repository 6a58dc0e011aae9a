#![allow(clippy::unwrap_used)] // tests fail loudly
use super::*;
use crate::pipeline;
use chrono::NaiveDate;

/// A long goal with a year goal under it, a year goal without a parent;
/// `a` (20 000, 10 days) serves the year goal and the long one, `b`
/// (30 000) serves nothing, `c` (50 000) serves the year goal but falls
/// below the cap of 60 000 with central training of 4 000.
const ROADMAP: &str = r#"
[roadmap]
plan_year = 2027
as_of = 2026-11-15
budget_cap = 60000

[[team]]
id = "ak"

[[kpis]]
id = "nps"
group = "customer"
direction = "up"
baseline = 12
target = 25
measurements = [ { date = 2026-09-30, value = 17 } ]

[[goals]]
id = "alone"
title = "Alone"
horizon = "year"
year = 2027

[[goals]]
id = "long"
title = "Long"
horizon = "long"
until = 2030
kpis = { nps = 35 }

[[goals]]
id = "year"
title = "Year"
horizon = "year"
year = 2027
parent = "long"
focus = true
owner = "ak"
pain_points = ["nobody calls back"]
kpis = { nps = 22 }

[[training]]
id = "t"
competency = "culture"
cost_per_person = 1000
funding = "central"
needs = { d = 4 }

[[departments]]
id = "d"

[[initiatives]]
id = "a"
title = "A"
competency = "governance"
area = "cxm"
status = "planned"
priority = 1
owner = "ak"
start = 2027-01-01
end = 2027-12-31
effort_days = 10
cost = 20000
goals = ["year", "long"]

[[initiatives]]
id = "b"
title = "B"
competency = "measurement"
area = "cxm"
status = "planned"
priority = 2
start = 2027-01-01
end = 2027-12-31
cost = 30000

[[initiatives]]
id = "c"
title = "C"
competency = "design"
area = "cxm"
status = "planned"
priority = 3
start = 2027-01-01
end = 2027-12-31
cost = 50000
goals = ["year"]
"#;

fn report(text: &str) -> GoalsReport {
    let (checked, _, plan) = pipeline::planned(text, NaiveDate::from_ymd_opt(2026, 11, 15));
    let kpis = crate::kpi::build(&checked.roadmap, checked.as_of, 2027);
    build(&checked.roadmap, &plan, &kpis).unwrap()
}

fn money(major: i128) -> Money {
    Money(major * 100)
}

#[test]
fn the_tree_money_and_progress() {
    let r = report(ROADMAP);
    let order: Vec<(&str, u8)> = r.goals.iter().map(|g| (g.id.as_str(), g.depth)).collect();
    assert_eq!(order, [("long", 0), ("year", 1), ("alone", 0)]);
    let year = &r.goals[1];
    // `c` is below the line: listed, but not in the money.
    let serving: Vec<(&str, bool)> = year
        .initiatives
        .iter()
        .map(|s| (s.id.as_str(), s.below_line))
        .collect();
    assert_eq!(serving, [("a", false), ("c", true)]);
    assert_eq!(year.plan_year_budget, money(20_000));
    assert_eq!(year.plan_year_effort.fixed(1), "10.0");
    // CXM total: 20 000 + 30 000 + 50 000 + central training 4 000.
    assert_eq!(r.cxm_total, money(104_000));
    assert_eq!(year.share_of_cxm_percent.unwrap().fixed(1), "19.2");
    // (17 − 12) / (22 − 12) = 50 %; the long goal's 35: 5 / 23 = 21.7 %.
    assert_eq!(year.kpis[0].progress_percent.unwrap().fixed(1), "50.0");
    assert_eq!(
        r.goals[0].kpis[0].progress_percent.unwrap().fixed(1),
        "21.7"
    );
    // The long goal does not roll up its year goal; `a` names it directly.
    assert_eq!(r.goals[0].plan_year_budget, money(20_000));
    assert_eq!(r.goals[2].plan_year_budget, Money::ZERO);
    assert_eq!(r.goals[2].share_of_cxm_percent.unwrap().fixed(1), "0.0");
    assert_eq!(r.cxm_serving_no_goal, money(30_000));
}

#[test]
fn json_has_the_shape_of_spec_section_13() {
    let r = report(ROADMAP);
    let v = serde_json::to_value(&r).unwrap();
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["goals", "cxm_serving_no_goal"]);
    assert_eq!(v["cxm_serving_no_goal"], "30000.00");
    let year = &v["goals"][1];
    let mut keys: Vec<&String> = year.as_object().unwrap().keys().collect();
    keys.sort();
    let mut want = [
        "id",
        "title",
        "horizon",
        "year",
        "until",
        "parent",
        "focus",
        "owner",
        "kpis",
        "initiatives",
        "plan_year_budget",
        "plan_year_effort",
        "share_of_cxm_percent",
    ];
    want.sort_unstable();
    assert_eq!(keys, want);
    assert_eq!(year["horizon"], "year");
    assert_eq!(year["focus"], true);
    assert_eq!(year["plan_year_effort"], "10.0");
    assert_eq!(
        year["kpis"][0],
        serde_json::json!({ "kpi": "nps", "value": "22", "latest": "17", "progress_percent": "50.0" })
    );
    assert_eq!(
        year["initiatives"][1],
        serde_json::json!({ "id": "c", "below_line": true })
    );
}

#[test]
fn without_goals_all_money_above_the_line_serves_no_goal() {
    let text: String = ROADMAP.split("[[goals]]").next().unwrap().to_string()
        + &ROADMAP[ROADMAP.find("[[training]]").unwrap()..]
            .replace("goals = [\"year\", \"long\"]\n", "")
            .replace("goals = [\"year\"]\n", "");
    let r = report(&text);
    assert!(r.goals.is_empty());
    assert_eq!(r.cxm_serving_no_goal, money(50_000));
}
