use super::*;
use crate::roadmap::{Choice as _, Initiative, Kpi, Measurement, Written};
use crate::source::{Sp, Span};
use proptest::prelude::*;

fn d(text: &str) -> Decimal {
    Decimal::parse(text).unwrap()
}

/// A value with the places its text has.
fn w(text: &str) -> Written {
    Written {
        value: d(text),
        places: text.split_once('.').map_or(0, |(_, f)| f.len() as u32),
    }
}

fn date(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn sp<T>(v: T) -> Option<Sp<T>> {
    Some(Sp::new(v, Span::default()))
}

fn kpi(id: &str, group: Group, direction: Direction, b: &str, t: &str) -> Kpi {
    Kpi {
        id: sp(id.to_string()),
        group: sp(group),
        direction: sp(direction),
        baseline: sp(w(b)),
        target: sp(w(t)),
        ..Kpi::default()
    }
}

fn m(date: NaiveDate, v: &str) -> Measurement {
    Measurement {
        span: Span::default(),
        date: Sp::new(date, Span::default()),
        value: Sp::new(w(v), Span::default()),
    }
}

const END: NaiveDate = match NaiveDate::from_ymd_opt(2027, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

fn judged(k: &Kpi, as_of: NaiveDate) -> Judged {
    let dir = k.direction.as_ref().unwrap().value;
    judge(k, dir, as_of, END)
}

#[test]
fn progress_is_exact_and_rounded_once() {
    // (17 − 12) / (25 − 12) = 38.46… %
    assert_eq!(progress_percent(d("12"), d("25"), d("17")), Some(d("38.5")));
    // Down: 9.5 → 9.1 of 9.5 → 8.0 = 26.66… %
    assert_eq!(
        progress_percent(d("9.5"), d("8.0"), d("9.1")),
        Some(d("26.7"))
    );
    // The wrong way is negative.
    assert_eq!(
        progress_percent(d("9.5"), d("8.0"), d("9.8")),
        Some(d("-20"))
    );
    // Half away from zero: 1/16 = 6.25 % → 6.3.
    assert_eq!(progress_percent(d("0"), d("16"), d("1")), Some(d("6.3")));
    assert_eq!(progress_percent(d("0"), d("-16"), d("1")), Some(d("-6.3")));
    assert_eq!(progress_percent(d("5"), d("5"), d("7")), None);
    assert_eq!(
        progress_percent(Decimal(i128::MAX), d("0"), Decimal(i128::MIN)),
        None
    );
}

#[test]
fn the_path_interpolates_exactly() {
    let start = date(2027, 1, 1);
    let cps = [Point {
        date: date(2027, 1, 11),
        value: d("15"),
    }];
    let p = Path::new(start, d("10"), &cps, date(2027, 1, 31), d("25"));
    // Before and at the start: the baseline; after the target date: the target.
    assert_eq!(
        p.at(date(2026, 12, 1)).unwrap().cmp_decimal(d("10")),
        Some(std::cmp::Ordering::Equal)
    );
    assert_eq!(
        p.at(date(2027, 3, 1)).unwrap().cmp_decimal(d("25")),
        Some(std::cmp::Ordering::Equal)
    );
    // At the checkpoint: its value.
    let at_cp = p.at(date(2027, 1, 11)).unwrap();
    assert_eq!(at_cp.cmp_decimal(d("15")), Some(std::cmp::Ordering::Equal));
    // 3 of 10 days from 10 to 15: 11.5 exactly.
    let f = p.at(date(2027, 1, 4)).unwrap();
    assert_eq!(f.cmp_decimal(d("11.5")), Some(std::cmp::Ordering::Equal));
    // 1 of 20 days from 15 to 25: 15.5.
    assert_eq!(
        p.at(date(2027, 1, 12)).unwrap().cmp_decimal(d("15.5")),
        Some(std::cmp::Ordering::Equal)
    );
    // A third: 10 + 5/3 on day 2 of a segment of 6 → never rounded.
    let p = Path::new(start, d("10"), &[], date(2027, 1, 7), d("15"));
    let f = p.at(date(2027, 1, 3)).unwrap();
    assert_eq!(f.num * 3, f.den * 35_000_000);
    assert_eq!(
        f.cmp_decimal(d("11.666666")),
        Some(std::cmp::Ordering::Less)
    );
    assert_eq!(
        f.cmp_decimal(d("11.666667")),
        Some(std::cmp::Ordering::Greater)
    );
    assert_eq!(f.fixed(2).as_deref(), Some("11.67"));
    assert_eq!(f.fixed(0).as_deref(), Some("12"));
    assert_eq!(f.fixed(8).as_deref(), Some("11.66666667"));
    // Half away from zero, negative too.
    let half = Fraction {
        num: -2_500_000,
        den: 2,
    };
    assert_eq!(half.fixed(0).as_deref(), Some("-1"));
    assert_eq!(half.fixed(1).as_deref(), Some("-1.3"));
    // A target date not after the start: the target throughout.
    let p = Path::new(start, d("10"), &cps, start, d("25"));
    assert_eq!(
        p.at(date(2027, 2, 1)).unwrap().cmp_decimal(d("25")),
        Some(std::cmp::Ordering::Equal)
    );
}

fn inputs(latest: Option<(NaiveDate, &str)>) -> StatusInputs {
    StatusInputs {
        direction: Direction::Up,
        as_of: date(2026, 11, 15),
        cadence: Cadence::Quarterly,
        target: Some(d("20")),
        latest: latest.map(|(date, v)| Point { date, value: d(v) }),
        moved: true,
        path_at_latest: Some(Fraction {
            num: 15_000_000,
            den: 1,
        }),
    }
}

#[test]
fn each_status() {
    let recent = date(2026, 10, 31);
    assert_eq!(status(inputs(None)), KpiStatus::NoData);
    assert_eq!(status(inputs(Some((recent, "20")))), KpiStatus::Reached);
    assert_eq!(
        status(StatusInputs {
            moved: false,
            ..inputs(Some((recent, "10")))
        }),
        KpiStatus::TooEarly
    );
    // Quarterly: 92 days is still fresh, 93 is stale.
    let as_of = date(2026, 11, 15);
    let fresh = as_of - chrono::Days::new(92);
    let old = as_of - chrono::Days::new(93);
    assert_eq!(status(inputs(Some((fresh, "15")))), KpiStatus::OnTrack);
    assert_eq!(status(inputs(Some((old, "15")))), KpiStatus::Stale);
    assert_eq!(
        status(StatusInputs {
            cadence: Cadence::HalfYearly,
            ..inputs(Some((old, "15")))
        }),
        KpiStatus::OnTrack
    );
    assert_eq!(
        status(inputs(Some((recent, "14.999999")))),
        KpiStatus::Behind
    );
    // Down: at or below the path is on track.
    let down = |v: &str| {
        status(StatusInputs {
            direction: Direction::Down,
            target: Some(d("10")),
            ..inputs(Some((recent, v)))
        })
    };
    assert_eq!(down("15"), KpiStatus::OnTrack);
    assert_eq!(down("15.000001"), KpiStatus::Behind);
    assert_eq!(down("10"), KpiStatus::Reached);
    // No path (no baseline): nothing to judge against.
    assert_eq!(
        status(StatusInputs {
            path_at_latest: None,
            ..inputs(Some((recent, "15")))
        }),
        KpiStatus::NoData
    );
    let codes: Vec<&str> = KpiStatus::ALL.iter().map(|s| s.as_str()).collect();
    assert_eq!(
        codes,
        [
            "no-data",
            "reached",
            "too-early",
            "stale",
            "on-track",
            "behind"
        ]
    );
}

#[test]
fn measured_once_at_the_baseline_is_too_early() {
    // Issue 12: baseline 9.2, one measurement 9.2, target 7, down.
    let mut k = kpi("claims", Group::Business, Direction::Down, "9.2", "7");
    k.measurements = vec![m(date(2026, 9, 30), "9.2")];
    let j = judged(&k, date(2026, 11, 15));
    assert_eq!(j.status, KpiStatus::TooEarly);
    assert_eq!(j.progress, Some(d("0")));
    assert_eq!(j.path_value, None);
    // With a baseline date before it, the measurement is after the start:
    // no longer too early, and behind (it has not moved, the path has).
    k.baseline_date = sp(date(2026, 3, 31));
    assert_eq!(judged(&k, date(2026, 11, 15)).status, KpiStatus::Behind);
}

#[test]
fn an_improving_kpi_is_judged_by_the_path() {
    // Issue 12: 71.5 → 72.1, target 76 by the end of 2027.
    let mut k = kpi("fcr", Group::Company, Direction::Up, "71.5", "76");
    k.measurements = vec![m(date(2026, 6, 30), "71.5"), m(date(2026, 9, 30), "72.1")];
    let j = judged(&k, date(2026, 11, 15));
    // Path: 71.5 + 4.5 × 92 / 549 = 72.254… at 2026-09-30: 72.1 is below.
    assert_eq!(j.start, Some(date(2026, 6, 30)));
    assert_eq!(j.path_value.as_deref(), Some("72.25"));
    assert_eq!(j.status, KpiStatus::Behind);
    // A checkpoint of 72 by the end of 2026 lowers the path: on track.
    k.targets = vec![m(date(2026, 12, 31), "72")];
    let j = judged(&k, date(2026, 11, 15));
    // 71.5 + 0.5 × 92 / 184 = 71.75
    assert_eq!(j.path_value.as_deref(), Some("71.75"));
    assert_eq!(j.status, KpiStatus::OnTrack);
    // Two places written (a checkpoint of 72.00): three shown.
    k.targets = vec![m(date(2026, 12, 31), "72.00")];
    assert_eq!(
        judged(&k, date(2026, 11, 15)).path_value.as_deref(),
        Some("71.750")
    );
}

#[test]
fn measurements_after_as_of_are_left_out() {
    let mut k = kpi("nps", Group::Customer, Direction::Up, "12", "25");
    k.baseline_date = sp(date(2026, 3, 31));
    k.measurements = vec![m(date(2026, 9, 30), "17"), m(date(2026, 12, 31), "30.125")];
    let j = judged(&k, date(2026, 11, 15));
    assert_eq!(j.latest.map(|p| p.value), Some(d("17")));
    assert_eq!(j.series.len(), 1);
    assert_eq!(j.status, KpiStatus::OnTrack);
    // Its three places do not count either: one place more than none.
    assert_eq!(j.path_value.as_deref(), Some("15.7"));
    // No measurement up to as_of and no baseline date: no start, no data.
    let mut k = kpi("nps", Group::Customer, Direction::Up, "12", "25");
    k.measurements = vec![m(date(2026, 12, 31), "30")];
    let j = judged(&k, date(2026, 11, 15));
    assert_eq!(
        (j.status, j.start, j.latest),
        (KpiStatus::NoData, None, None)
    );
}

#[test]
fn stale_by_cadence() {
    let mut k = kpi("nps", Group::Customer, Direction::Up, "12", "25");
    k.measurements = vec![m(date(2026, 3, 31), "12"), m(date(2026, 6, 30), "20")];
    assert_eq!(judged(&k, date(2026, 11, 15)).status, KpiStatus::Stale);
    k.cadence = sp(Cadence::HalfYearly);
    assert_eq!(judged(&k, date(2026, 11, 15)).status, KpiStatus::OnTrack);
}

#[test]
fn build_groups_sorts_and_links() {
    let mut nps = kpi("nps", Group::Customer, Direction::Up, "12", "25");
    nps.measurements = vec![m(date(2026, 9, 30), "17"), m(date(2026, 3, 31), "12")];
    let mut fcr = kpi("fcr", Group::Company, Direction::Up, "68", "75");
    fcr.measurements = vec![m(date(2026, 3, 31), "68")];
    let churn = kpi("churn", Group::Business, Direction::Down, "9.5", "8");
    let no_group = Kpi {
        group: None,
        ..kpi("x", Group::Company, Direction::Up, "1", "2")
    };
    let r = Roadmap {
        kpis: vec![churn, nps, no_group, fcr],
        initiatives: vec![
            Initiative {
                id: sp("a".to_string()),
                ..Initiative::default()
            }
            .with(|i| {
                i.kpis = vec![Sp::new("nps".to_string(), Span::default())];
            }),
            Initiative {
                id: sp("b".to_string()),
                ..Initiative::default()
            }
            .with(|i| {
                i.kpis = vec![
                    Sp::new("churn".to_string(), Span::default()),
                    Sp::new("nps".to_string(), Span::default()),
                ];
            }),
        ],
        ..Roadmap::default()
    };
    let rep = build(&r, date(2026, 11, 15), 2027);
    let ids: Vec<&str> = rep.kpis.iter().map(|k| k.id.as_str()).collect();
    assert_eq!(ids, ["fcr", "nps", "churn"]);
    let nps = &rep.kpis[1];
    assert_eq!(nps.series[0].date, date(2026, 3, 31));
    assert_eq!(nps.latest, Some(d("17")));
    assert_eq!(nps.latest_date, Some(date(2026, 9, 30)));
    assert_eq!(nps.progress_percent, Some(d("38.5")));
    assert_eq!(nps.status, KpiStatus::OnTrack);
    assert_eq!(nps.initiatives, ["a", "b"]);
    assert_eq!(nps.target_date, END);
    // A single measurement at the start: too early to tell.
    assert_eq!(rep.kpis[0].progress_percent, Some(d("0")));
    assert_eq!(rep.kpis[0].status, KpiStatus::TooEarly);
    // No measurement: no latest, no progress, no data.
    let churn = &rep.kpis[2];
    assert_eq!(
        (churn.latest, churn.progress_percent, churn.status),
        (None, None, KpiStatus::NoData)
    );
    let json = serde_json::to_value(&rep).unwrap();
    assert_eq!(json["kpis"][1]["progress_percent"], "38.5");
    assert_eq!(json["kpis"][1]["status"], "on-track");
    assert_eq!(json["kpis"][1]["start"], "2026-03-31");
    assert_eq!(json["kpis"][1]["target_date"], "2027-12-31");
    // 12 + 13 × 183 / 640 = 15.717…
    assert_eq!(json["kpis"][1]["path_value"], "15.7");
    assert_eq!(json["kpis"][1]["series"][1]["value"], "17");
    assert_eq!(json["kpis"][2]["latest"], serde_json::Value::Null);
    assert_eq!(json["kpis"][2]["status"], "no-data");
    assert_eq!(json["kpis"][2]["path_value"], serde_json::Value::Null);
    assert_eq!(json["kpis"][0]["progress_percent"], "0.0");
    assert_eq!(json["kpis"][0]["status"], "too-early");
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    (0i64..1200).prop_map(|n| date(2025, 1, 1) + chrono::Days::new(n as u64))
}

fn any_value() -> impl Strategy<Value = String> {
    (-5000i32..5000, 0u32..3).prop_map(|(v, places)| match places {
        0 => v.to_string(),
        p => {
            let s = format!("{:.*}", p as usize, f64::from(v) / 10f64.powi(p as i32));
            s
        }
    })
}

proptest! {
    /// SPEC section 8: a measurement dated after `as_of` changes nothing
    /// of a KPI's status (nor any other figure).
    #[test]
    fn a_later_measurement_never_changes_the_status(
        up in any::<bool>(),
        baseline in any_value(),
        target in any_value(),
        baseline_date in proptest::option::of(any_date()),
        target_date in proptest::option::of(any_date()),
        checkpoints in proptest::collection::vec((any_date(), any_value()), 0..3),
        measured in proptest::collection::vec((any_date(), any_value()), 0..5),
        as_of in any_date(),
        later_days in 1u64..400,
        later_value in any_value(),
        cadence in proptest::sample::select(Cadence::ALL),
    ) {
        let dir = if up { Direction::Up } else { Direction::Down };
        let mut k = kpi("k", Group::Company, dir, &baseline, &target);
        k.baseline_date = baseline_date.and_then(sp);
        k.target_date = target_date.and_then(sp);
        k.cadence = sp(cadence);
        k.targets = checkpoints.iter().map(|(dt, v)| m(*dt, v)).collect();
        k.measurements = measured.iter().map(|(dt, v)| m(*dt, v)).collect();
        let before = judge(&k, dir, as_of, END);
        k.measurements.push(m(as_of + chrono::Days::new(later_days), &later_value));
        let after = judge(&k, dir, as_of, END);
        prop_assert_eq!(before.status, after.status);
        prop_assert_eq!(before, after);
    }
}

#[test]
fn the_loader_keeps_the_decimals_written() {
    let text = r#"
[roadmap]
plan_year = 2027

[[kpis]]
id = "k"
group = "company"
direction = "up"
baseline = 12.50
target = 1.25e1
targets = [{ date = 2027-06-30, value = 13 }]
measurements = [{ date = 2026-09-30, value = 5e-3 }, { date = 2026-10-31, value = 1_000.5 }]
"#;
    let loaded = crate::roadmap::load::load_str(text);
    let k = &loaded.roadmap.kpis[0];
    let places = |w: &Option<Sp<Written>>| w.as_ref().map(|w| (w.value.value, w.value.places));
    assert_eq!(places(&k.baseline), Some((d("12.5"), 2)));
    assert_eq!(places(&k.target), Some((d("12.5"), 1)));
    assert_eq!(k.targets[0].value.value.places, 0);
    assert_eq!(k.measurements[0].value.value.places, 3);
    assert_eq!(k.measurements[1].value.value.places, 1);
}
