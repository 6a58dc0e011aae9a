use super::*;
use crate::roadmap::{Initiative, Kpi, Measurement};
use crate::source::{Sp, Span};

fn d(text: &str) -> Decimal {
    Decimal::parse(text).unwrap()
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
        baseline: sp(d(b)),
        target: sp(d(t)),
        ..Kpi::default()
    }
}

fn m(date: NaiveDate, v: &str) -> Measurement {
    Measurement {
        span: Span::default(),
        date: Sp::new(date, Span::default()),
        value: Sp::new(d(v), Span::default()),
    }
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
    // Half away from zero: 1/8 = 12.5 % → 12.5; 1/16 = 6.25 % → 6.3.
    assert_eq!(progress_percent(d("0"), d("16"), d("1")), Some(d("6.3")));
    assert_eq!(progress_percent(d("0"), d("-16"), d("1")), Some(d("-6.3")));
    assert_eq!(progress_percent(d("5"), d("5"), d("7")), None);
    assert_eq!(
        progress_percent(Decimal(i128::MAX), d("0"), Decimal(i128::MIN)),
        None
    );
}

#[test]
fn status_rule() {
    let half = Some(Share { num: 1, den: 2 });
    let up = Direction::Up;
    let down = Direction::Down;
    let s = |b: &str, t: &str, l: &str, dir, e| status(Some(d(b)), d(t), d(l), dir, e);
    assert_eq!(s("0", "10", "10", up, half), Some(KpiStatus::Reached));
    assert_eq!(s("0", "10", "12", up, half), Some(KpiStatus::Reached));
    assert_eq!(s("10", "5", "4", down, half), Some(KpiStatus::Reached));
    assert_eq!(s("0", "10", "5", up, half), Some(KpiStatus::OnTrack));
    assert_eq!(s("0", "10", "4.9", up, half), Some(KpiStatus::Behind));
    assert_eq!(s("10", "5", "7.5", down, half), Some(KpiStatus::OnTrack));
    assert_eq!(s("10", "5", "7.6", down, half), Some(KpiStatus::Behind));
    // A single measurement: on track unless it moved the wrong way.
    let none = Some(Share { num: 0, den: 10 });
    assert_eq!(s("10", "20", "10", up, none), Some(KpiStatus::OnTrack));
    assert_eq!(s("10", "20", "9", up, none), Some(KpiStatus::Behind));
    // Target equal to baseline and not reached: behind.
    assert_eq!(s("10", "10", "9", up, none), Some(KpiStatus::Behind));
    // No baseline: only "reached" can be told.
    assert_eq!(
        status(None, d("10"), d("11"), up, half),
        Some(KpiStatus::Reached)
    );
    assert_eq!(status(None, d("10"), d("9"), up, half), None);
}

#[test]
fn elapsed_share_is_clamped() {
    let end = date(2027, 12, 31);
    let s = elapsed_share(date(2027, 1, 1), date(2027, 7, 2), end);
    assert_eq!(s, Share { num: 182, den: 364 });
    assert_eq!(s.percent(), Some(d("50")));
    let late = elapsed_share(date(2027, 1, 1), date(2028, 3, 1), end);
    assert_eq!(late.num, late.den);
    assert_eq!(
        elapsed_share(date(2028, 1, 1), date(2028, 1, 1), end),
        Share { num: 1, den: 1 }
    );
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
                kpis: vec![Sp::new("nps".to_string(), Span::default())],
                ..Initiative::default()
            },
            Initiative {
                id: sp("b".to_string()),
                kpis: vec![
                    Sp::new("churn".to_string(), Span::default()),
                    Sp::new("nps".to_string(), Span::default()),
                ],
                ..Initiative::default()
            },
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
    assert_eq!(nps.status, Some(KpiStatus::OnTrack));
    assert_eq!(nps.initiatives, ["a", "b"]);
    // A single measurement at the baseline: no time elapsed, on track.
    assert_eq!(rep.kpis[0].progress_percent, Some(d("0")));
    assert_eq!(rep.kpis[0].time_elapsed_percent, Some(d("0")));
    assert_eq!(rep.kpis[0].status, Some(KpiStatus::OnTrack));
    // No measurement: no latest, no progress, no status.
    let churn = &rep.kpis[2];
    assert_eq!(
        (churn.latest, churn.progress_percent, churn.status),
        (None, None, None)
    );
    let json = serde_json::to_value(&rep).unwrap();
    assert_eq!(json["kpis"][1]["progress_percent"], "38.5");
    assert_eq!(json["kpis"][1]["status"], "on-track");
    assert_eq!(json["kpis"][1]["series"][1]["value"], "17");
    assert_eq!(json["kpis"][2]["latest"], serde_json::Value::Null);
    assert_eq!(json["kpis"][0]["progress_percent"], "0.0");
}
