#![allow(clippy::unwrap_used)]
use super::*;
use chrono::Datelike as _;

#[test]
fn iso_dates_are_chronos() {
    for (y, m, d) in [
        (2027, 3, 1),
        (1, 1, 1),
        (0, 12, 31),
        (9999, 12, 31),
        (10000, 1, 1),
        (-5, 6, 7),
    ] {
        let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let chrono = date.format("%Y-%m-%d").to_string();
        assert_eq!(Iso(date).to_string(), chrono);
        match iso_digits(date) {
            Some(text) => assert_eq!(std::str::from_utf8(&text).unwrap(), chrono),
            None => assert!(!(0..=9999).contains(&y), "{chrono}"),
        }
    }
    // Every day of a leap year and of the years around the digits' turns.
    for y in [999, 1000, 2024, 2027, 9999] {
        let mut day = NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
        while day.year() == y {
            let text = iso_digits(day).unwrap();
            assert_eq!(
                std::str::from_utf8(&text).unwrap(),
                day.format("%Y-%m-%d").to_string()
            );
            day = day.succ_opt().unwrap();
        }
    }
}
