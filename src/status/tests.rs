#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn pct(n: i128) -> Decimal {
    Decimal(n * Decimal::SCALE)
}

#[test]
fn behind_time_is_more_than_25_points_below_the_elapsed_share() {
    // 100 days; at day 60 the elapsed share is 60 %: 35 is exactly 25
    // below (not behind), 34.999999 is.
    let (s, e) = (d("2027-01-01"), d("2027-04-10"));
    let at = d("2027-03-01"); // day 60
    assert_eq!((at - s).num_days() + 1, 60);
    assert!(!behind_time(pct(35), s, e, at));
    assert!(behind_time(Decimal(35 * Decimal::SCALE - 1), s, e, at));
    // Before the start nothing has elapsed; after the end, all of it.
    assert!(!behind_time(pct(0), s, e, d("2026-12-01")));
    assert!(behind_time(pct(74), s, e, d("2027-12-31")));
    assert!(!behind_time(pct(75), s, e, d("2027-12-31")));
    // One day: the whole span has elapsed at it.
    assert!(behind_time(pct(74), s, s, s));
}

#[test]
fn the_default_period_is_the_91_days_up_to_as_of() {
    assert_eq!(default_since(d("2026-11-15")), d("2026-08-16"));
}

#[test]
fn the_latest_check_in_up_to_as_of_is_the_state() {
    let text = r#"[roadmap]
plan_year = 2027
as_of = 2027-06-30

[[initiatives]]
id = "a"
title = "A"
competency = "design"
area = "cxm"
status = "in-progress"
start = 2027-01-01
end = 2027-12-31

  [[initiatives.updates]]
  date = 2027-05-31
  progress = 40
  confidence = "low"

  [[initiatives.updates]]
  date = 2027-03-31
  progress = 20

  [[initiatives.updates]]
  date = 2027-07-31
  progress = 60
  confidence = "high"
"#;
    let loaded = crate::roadmap::load::load_str(text);
    let ini = &loaded.roadmap.initiatives[0];
    let u = ini.latest_update(d("2027-06-30")).unwrap();
    assert_eq!(u.date, d("2027-05-31"));
    assert_eq!(u.progress, pct(40));
    assert_eq!(u.confidence, Some(Confidence::Low));
    let u = ini.latest_update(d("2027-04-30")).unwrap();
    assert_eq!((u.date, u.confidence), (d("2027-03-31"), None));
    assert!(ini.latest_update(d("2027-03-30")).is_none());
}
