#![allow(clippy::unwrap_used)] // tests fail loudly
use super::*;
use crate::pipeline;
use crate::roadmap::Measurement;
use crate::source::{Sp, Span};
use proptest::prelude::*;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn sp<T>(v: T) -> Option<Sp<T>> {
    Some(Sp::new(v, Span::default()))
}

#[test]
fn months_clamp_to_the_month_end_counted_from_the_first_date() {
    let jan31 = date(2027, 1, 31);
    let q = Period::Months(3);
    assert_eq!(add_periods(jan31, q, 1), Some(date(2027, 4, 30)));
    assert_eq!(add_periods(jan31, q, 2), Some(date(2027, 7, 31)));
    assert_eq!(
        add_periods(jan31, Period::Months(6), 1),
        Some(date(2027, 7, 31))
    );
    // Monthly from 31 January: February's end, then back to the 31st.
    let m = Period::Months(1);
    assert_eq!(add_periods(jan31, m, 1), Some(date(2027, 2, 28)));
    assert_eq!(add_periods(jan31, m, 2), Some(date(2027, 3, 31)));
    assert_eq!(
        add_periods(date(2028, 1, 31), m, 1),
        Some(date(2028, 2, 29))
    );
    // Yearly from a leap day.
    assert_eq!(
        add_periods(date(2028, 2, 29), Period::Months(12), 1),
        Some(date(2029, 2, 28))
    );
    assert_eq!(add_periods(jan31, Period::Days(7), 0), Some(jan31));
    assert_eq!(
        add_periods(jan31, Period::Days(7), 2),
        Some(date(2027, 2, 14))
    );
    // Past what a date can hold: no date, no panic.
    assert_eq!(add_periods(NaiveDate::MAX, m, 1), None);
    assert_eq!(add_periods(jan31, Period::Months(12), u32::MAX), None);
    assert_eq!(add_periods(jan31, Period::Days(7), u32::MAX), None);
}

#[test]
fn a_series_skips_to_the_window_without_walking_there() {
    // Weekly since the year 1: the plan year's Mondays only.
    let first = date(1, 1, 1);
    let dates = series(
        first,
        Period::Days(7),
        0,
        date(2027, 1, 1),
        date(2027, 12, 31),
    );
    assert!(dates.len() == 52 || dates.len() == 53, "{}", dates.len());
    assert!(dates.iter().all(|d| d.year() == 2027));
    assert!(dates.windows(2).all(|w| (w[1] - w[0]).num_days() == 7));
    // Monthly from 31 January 2020: each month's last day in 2027.
    let dates = series(
        date(2020, 1, 31),
        Period::Months(1),
        0,
        date(2027, 1, 1),
        date(2027, 12, 31),
    );
    assert_eq!(dates.len(), 12);
    assert_eq!(dates[1], date(2027, 2, 28));
    assert_eq!(dates[3], date(2027, 4, 30));
}

proptest! {
    /// The series is exactly the dates `first + k` periods in the window,
    /// as a plain walk from k = k_from finds them.
    #[test]
    fn the_series_is_the_walk(
        first_days in 0i64..4000,
        step in prop_oneof![Just(Period::Days(7)), Just(Period::Months(1)),
            Just(Period::Months(3)), Just(Period::Months(6)), Just(Period::Months(12))],
        k_from in 0u32..3,
    ) {
        let first = date(2020, 1, 1) + chrono::Duration::days(first_days);
        let (from, to) = (date(2027, 1, 1), date(2027, 12, 31));
        let mut walked = Vec::new();
        let mut k = k_from;
        while let Some(d) = add_periods(first, step, k) {
            if d > to { break; }
            if d >= from { walked.push(d); }
            k += 1;
        }
        prop_assert_eq!(series(first, step, k_from, from, to), walked);
    }
}

fn measurement(d: NaiveDate) -> Measurement {
    Measurement {
        span: Span::default(),
        date: Sp::new(d, Span::default()),
        value: Sp::new(crate::roadmap::Written::default(), Span::default()),
    }
}

#[test]
fn a_kpi_is_due_a_cadence_after_its_latest_measurement_up_to_as_of() {
    let as_of = date(2026, 11, 15);
    let mut k = Kpi {
        id: sp("nps".to_string()),
        baseline_date: sp(date(2026, 3, 31)),
        ..Kpi::default()
    };
    // The baseline only: quarterly by default.
    assert_eq!(kpi_anchor(&k, as_of), Some(date(2026, 3, 31)));
    assert_eq!(
        kpi_anchor(&k, as_of).and_then(|a| add_periods(a, kpi_period(&k), 1)),
        Some(date(2026, 6, 30))
    );
    // The latest measurement on or before as_of; one after it is not known yet.
    k.measurements = vec![
        measurement(date(2026, 9, 30)),
        measurement(date(2026, 5, 31)),
        measurement(date(2026, 12, 31)),
    ];
    k.cadence = sp(Cadence::HalfYearly);
    assert_eq!(kpi_anchor(&k, as_of), Some(date(2026, 9, 30)));
    assert_eq!(
        kpi_anchor(&k, as_of).and_then(|a| add_periods(a, kpi_period(&k), 1)),
        Some(date(2027, 3, 30))
    );
    // Neither a measurement nor a baseline date: nothing is due.
    let bare = Kpi {
        id: sp("x".to_string()),
        ..Kpi::default()
    };
    assert_eq!(
        kpi_anchor(&bare, as_of).and_then(|a| add_periods(a, kpi_period(&bare), 1)),
        None
    );
}

const ROADMAP: &str = r#"
[roadmap]
plan_year = 2027
as_of = 2026-11-15

[[initiatives]]
id = "a"
title = "Across the year"
competency = "governance"
area = "cxm"
status = "planned"
start = 2026-10-01
end = 2027-03-31
cost = 1000

[[initiatives]]
id = "b"
title = "Within it"
competency = "design"
area = "cxm"
status = "planned"
start = 2027-03-31
end = 2028-02-01
cost = 1000

[[initiatives]]
id = "idea"
title = "Not in the plan"
competency = "design"
area = "cxm"
status = "idea"
start = 2027-05-01
end = 2027-06-01

[[kpis]]
id = "nps"
name = "Relationship NPS"
group = "customer"
direction = "up"
baseline = 12
target = 25
baseline_date = 2026-01-31
cadence = "quarterly"

[[kpis]]
id = "churn"
group = "business"
direction = "down"
baseline = 5
target = 4
cadence = "yearly"
measurements = [ { date = 2026-06-30, value = 5 } ]

[[kpis]]
id = "silent"
group = "company"
direction = "up"
baseline = 1
target = 2

[[communications]]
id = "once"
title = "Kick-off"
channel = "meeting"
cadence = "once"
start = 2027-03-31

[[communications]]
id = "weekly"
title = "Stand-up note"
channel = "email"
cadence = "weekly"
start = 2026-12-20
end = 2027-01-20

[[communications]]
id = "half"
title = "Board review"
channel = "meeting"
cadence = "half-yearly"
start = 2026-08-31
"#;

fn calendar(text: &str) -> Calendar {
    let (checked, _, plan) = pipeline::planned(text, None);
    build(&checked.roadmap, &plan, checked.as_of)
}

#[test]
fn the_plan_years_dates_in_order_of_date_kind_id() {
    let c = calendar(ROADMAP);
    let got: Vec<(String, &str, &str)> = c
        .events
        .iter()
        .map(|e| (e.date.to_string(), e.kind.as_str(), e.id.as_str()))
        .collect();
    let want = [
        // Weekly from 20 December 2026, up to its end on 20 January.
        ("2027-01-03", "communication", "weekly"),
        ("2027-01-10", "communication", "weekly"),
        ("2027-01-17", "communication", "weekly"),
        // NPS: baseline 31 January 2026, quarterly: 31 Jan + 12, 15, 18,
        // 21 months, clamped.
        ("2027-01-31", "kpi", "nps"),
        // Half-yearly from 31 August 2026: 28 February, 31 August.
        ("2027-02-28", "communication", "half"),
        // One date, three kinds: start before end before communication.
        ("2027-03-31", "start", "b"),
        ("2027-03-31", "end", "a"),
        ("2027-03-31", "communication", "once"),
        ("2027-04-30", "kpi", "nps"),
        // Churn: yearly after its measurement of 30 June 2026.
        ("2027-06-30", "kpi", "churn"),
        ("2027-07-31", "kpi", "nps"),
        ("2027-08-31", "communication", "half"),
        ("2027-10-31", "kpi", "nps"),
    ];
    let want: Vec<(String, &str, &str)> = want
        .iter()
        .map(|(d, k, i)| (d.to_string(), *k, *i))
        .collect();
    assert_eq!(got, want);
    // The title: the KPI's name, else its id.
    let title = |id: &str| &c.events.iter().find(|e| e.id == id).unwrap().title;
    assert_eq!(title("nps"), "Relationship NPS");
    assert_eq!(title("churn"), "churn");
    assert_eq!(title("b"), "Within it");
}

#[test]
fn json_is_the_shape_of_spec_section_13() {
    let c = calendar(ROADMAP);
    let v = serde_json::to_value(&c).unwrap();
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["events"]);
    assert_eq!(
        v["events"][0],
        serde_json::json!({
            "date": "2027-01-03", "kind": "communication", "id": "weekly",
            "title": "Stand-up note"
        })
    );
}

#[test]
fn no_dates_no_events() {
    let c = calendar("[roadmap]\nplan_year = 2027\nas_of = 2026-11-15\n");
    assert!(c.events.is_empty());
}
