#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use super::*;

const GOALS: &str = r#"[roadmap]
plan_year = 2027 # the year we plan
as_of = 2026-11-15

# Long goals
[[goals]]
id = "long-old"
horizon = "long"
until = 2027

[[goals]]
id = "long-keep"
horizon = "long"
until = 2030

[[goals]]
id = "y2026"
horizon = "year"
year = 2026
parent = "long-old"

[[goals]]
id = "y2027"
horizon = "year"
year = 2027
parent = "long-old"

[[initiatives]]
id = "old-done"
status = "done"
end = 2026-12-31
goals = ["y2026"]

[[initiatives]]
id = "old-cancelled"
status = "cancelled"
end = 2026-03-31

[[initiatives]]
id = "late-done"
status = "done"
end = 2027-01-15

[[initiatives]]
id = "running"
status = "in-progress"
end = 2026-06-30
goals = ["y2026", "y2027", "long-old", "long-keep"] # served goals
depends_on = ["old-done", "late-done"]

[scenarios.lean]
exclude = ["old-done", "running"]
include = ["old-cancelled"]
priorities = { old-done = 1, running = 2 }
"#;

#[test]
fn drops_old_work_and_goals_and_every_reference_to_them() {
    let r = roll(GOALS, Some(2028)).unwrap();
    let t = &r.text;
    assert!(t.contains("plan_year = 2028 # the year we plan"), "{t}");
    assert!(!t.contains("id = \"old-done\""), "{t}");
    assert!(!t.contains("id = \"old-cancelled\""), "{t}");
    assert!(t.contains("id = \"late-done\""), "{t}");
    assert!(!t.contains("id = \"long-old\""), "{t}");
    assert!(t.contains("id = \"long-keep\""), "{t}");
    assert!(!t.contains("id = \"y2026\""), "{t}");
    assert!(t.contains("id = \"y2027\""), "{t}");
    assert!(!t.contains("parent"), "{t}");
    assert!(
        t.contains("goals = [\"y2027\", \"long-keep\"] # served goals"),
        "{t}"
    );
    assert!(t.contains("depends_on = [\"late-done\"]"), "{t}");
    assert!(t.contains("exclude = [\"running\"]"), "{t}");
    assert!(t.contains("include = []"), "{t}");
    assert!(t.contains("priorities = { running = 2 }"), "{t}");
    // A comment right above a dropped entry is that entry's: it goes too.
    assert!(!t.contains("# Long goals"), "{t}");
    let dropped_refs = r
        .notes
        .iter()
        .filter(|n| matches!(n, Note::DroppedReference { .. }))
        .count();
    // y2026 and long-old from goals, old-done from depends_on, y2027's
    // parent, and three in the scenario (y2026's parent went with it).
    assert_eq!(dropped_refs, 7, "{:#?}", r.notes);
}

#[test]
fn the_year_defaults_to_the_next_and_needs_a_plan_year() {
    assert_eq!(roll(GOALS, None).unwrap().year, 2028);
    assert_eq!(
        roll("[roadmap]\n", None).unwrap_err(),
        RolloverError::NoYear
    );
    assert!(matches!(
        roll("[roadmap", None),
        Err(RolloverError::NotToml(_))
    ));
}

const KPIS: &str = r#"[roadmap]
plan_year = 2027
as_of = 2026-11-15

[[kpis]]
id = "nps"
direction = "up"
baseline = 10 # first survey
baseline_date = 2026-01-31
target = 25
targets = [
  { date = 2026-09-30, value = 14 },
  { date = 2027-06-30, value = 20 },
]
measurements = [
  { date = 2026-03-31, value = 12 },
  { date = 2026-09-30, value = 17.5 },
  { date = 2026-12-31, value = 30 },
]

[[kpis]]
id = "handle-time"
direction = "down"
baseline = 300
target = 240

  [[kpis.measurements]]
  date = 2026-10-31
  value = 235

[[kpis]]
id = "fresh"
direction = "up"
measurements = [{ date = 2026-10-31, value = 4 }]
"#;

#[test]
fn kpi_baselines_move_to_the_latest_measurement_up_to_as_of() {
    let r = roll(KPIS, None).unwrap();
    let t = &r.text;
    assert!(t.contains("baseline = 17.5 # first survey"), "{t}");
    assert!(t.contains("baseline_date = 2026-09-30"), "{t}");
    assert!(!t.contains("value = 14 }"), "{t}");
    assert!(t.contains("{ date = 2027-06-30, value = 20 }"), "{t}");
    // Reached its target (down: 235 ≤ 240): kept, and listed.
    assert!(t.contains("baseline = 300\n"), "{t}");
    assert!(r.notes.contains(&Note::NeedsTarget {
        kpi: "handle-time".into(),
        latest: "235".into()
    }));
    // No baseline before: one is added.
    assert!(
        t.contains("baseline = 4\nbaseline_date = 2026-10-31"),
        "{t}"
    );
    assert!(r.notes.contains(&Note::BaselineMoved {
        kpi: "nps".into(),
        value: "17.5".into(),
        date: NaiveDate::from_ymd_opt(2026, 9, 30).unwrap(),
        checkpoints: 1,
    }));
}

#[test]
fn rolling_twice_works() {
    let once = roll(GOALS, None).unwrap();
    let twice = roll(&once.text, None).unwrap();
    assert_eq!(twice.year, 2029);
    assert!(twice.text.contains("plan_year = 2029 # the year we plan"));
    // late-done ended 2027-01-15, before 1 January 2028.
    assert!(!twice.text.contains("id = \"late-done\""));
    assert!(!twice.text.contains("id = \"y2027\""));
}
