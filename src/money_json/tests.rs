#![allow(clippy::unwrap_used)]
use super::*;

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
        assert_eq!(Iso(date).to_string(), date.format("%Y-%m-%d").to_string());
    }
}
