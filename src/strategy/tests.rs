#![allow(clippy::unwrap_used)] // tests fail loudly
use super::*;
use crate::pipeline;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A plan with a cap that leaves `late` below the line, an idea, work on
/// hold, a recent and an old cancellation, a KPI measured long ago (its
/// next measurement overdue) and one with only a baseline date.
const ROADMAP: &str = r#"
[roadmap]
plan_year = 2027
as_of = 2026-11-15
budget_cap = 50000

[[team]]
id = "ak"
name = "Anna"
capacity_days = 100

[[departments]]
id = "care"
name = "Care"

[[departments]]
id = "idle"

[[initiatives]]
id = "first"
title = "First"
competency = "governance"
area = "cxm"
status = "planned"
owner = "ak"
priority = 1
start = 2027-01-01
end = 2027-12-31
effort_days = 10
cost = 40000

[[initiatives]]
id = "late"
title = "Late"
competency = "measurement"
area = "cxm"
status = "planned"
owner = "ak"
priority = 2
start = 2027-01-01
end = 2027-12-31
effort_days = 10
cost = 20000
reason = "Waits for next year's money"

[[initiatives]]
id = "fix"
title = "Fix"
competency = "design"
area = "cx"
department = "care"
status = "planned"
priority = 3
start = 2027-01-01
end = 2027-06-30
cost = 9000

[[initiatives]]
id = "someday"
title = "Someday"
competency = "culture"
area = "cxm"
status = "idea"
cost = 5000
reason = "No sponsor yet"

[[initiatives]]
id = "paused"
title = "Paused"
competency = "culture"
area = "cxm"
status = "on-hold"
start = 2026-01-01
end = 2026-12-31
reason = "Vendor gone"

[[initiatives]]
id = "dropped"
title = "Dropped"
competency = "culture"
area = "cxm"
status = "cancelled"
start = 2026-01-01
end = 2026-06-30

[[initiatives]]
id = "ancient"
title = "Ancient"
competency = "culture"
area = "cxm"
status = "cancelled"
start = 2024-01-01
end = 2024-06-30

[[training]]
id = "voc"
title = "VoC"
competency = "measurement"
cost_per_person = 1000
funding = "department"
needs = { care = 3 }

[[kpis]]
id = "old"
group = "company"
direction = "up"
baseline = 1
target = 2
cadence = "monthly"
measurements = [ { date = 2026-01-31, value = 1 } ]

[[kpis]]
id = "fresh"
group = "customer"
direction = "up"
baseline = 1
target = 2
baseline_date = 2026-08-31
cadence = "half-yearly"
"#;

fn strategy(text: &str) -> Strategy {
    let (checked, budget, plan) = pipeline::planned(text, None);
    let kpis = crate::kpi::build(&checked.roadmap, checked.as_of, plan.plan_year);
    let goals = crate::goals::build(&checked.roadmap, &plan, &kpis).unwrap();
    build(&Inputs {
        roadmap: &checked.roadmap,
        source: "r.toml",
        as_of: checked.as_of,
        budget: &budget,
        plan: &plan,
        kpis: &kpis,
        goals: &goals,
    })
}

#[test]
fn what_we_chose_not_to_do() {
    let s = strategy(ROADMAP);
    let list: Vec<(NotDoingKind, &str, Option<&str>)> = s
        .not_doing
        .iter()
        .map(|n| (n.kind, n.id.as_str(), n.reason.as_deref()))
        .collect();
    assert_eq!(
        list,
        [
            (NotDoingKind::Idea, "someday", Some("No sponsor yet")),
            (
                NotDoingKind::BelowLine,
                "late",
                Some("Waits for next year's money")
            ),
            (NotDoingKind::OnHold, "paused", Some("Vendor gone")),
            // `ancient` ended more than a year before as_of: history.
            (NotDoingKind::Cancelled, "dropped", None),
        ]
    );
    assert_eq!(s.not_doing[0].budget, Some(Money(500_000)));
    assert_eq!(s.not_doing[1].budget, Some(Money(2_000_000)));
}

#[test]
fn next_measurement_due_and_overdue() {
    let s = strategy(ROADMAP);
    let old = s.monitoring.iter().find(|m| m.id == "old").unwrap();
    assert_eq!(old.next_due, Some(date(2026, 2, 28)));
    assert!(old.overdue);
    let fresh = s.monitoring.iter().find(|m| m.id == "fresh").unwrap();
    // No measurement: from the baseline date.
    assert_eq!(fresh.latest_date, None);
    assert_eq!(fresh.next_due, Some(date(2027, 2, 28)));
    assert!(!fresh.overdue);
}

#[test]
fn responsibilities_of_members_and_departments() {
    let s = strategy(ROADMAP);
    let ak = &s.members[0];
    let owned: Vec<(&str, bool)> = ak
        .initiatives
        .iter()
        .map(|w| (w.id.as_str(), w.below_line))
        .collect();
    assert_eq!(owned, [("first", false), ("late", true)]);
    assert_eq!(ak.capacity_days, Some(Decimal::from_int(100).unwrap()));
    assert_eq!(ak.load_days, Decimal::from_int(20).unwrap());
    let care = &s.departments[0];
    assert_eq!(care.initiatives[0].id, "fix");
    assert_eq!(care.training[0].people, 3);
    // 9 000 of work and 3 000 of training.
    assert_eq!(care.guideline, Money(1_200_000));
    let idle = &s.departments[1];
    assert!(idle.initiatives.is_empty() && idle.training.is_empty());
    assert_eq!(idle.guideline, Money::ZERO);
}

#[test]
fn a_roadmap_without_goals_still_has_a_document() {
    let s = strategy(ROADMAP);
    assert!(s.vision.is_none());
    assert!(s.goals.is_empty());
    assert!(s.communications.is_empty());
    // All the CXM money above the line serves no goal.
    assert_eq!(s.cxm_serving_no_goal, Money(4_000_000));
}
