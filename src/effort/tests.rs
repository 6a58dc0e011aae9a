//! Plan-year effort: exact shares that add up, and rounding only when shown.

use super::*;
use proptest::prelude::*;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A scale that knows no day count: shares fall back to their own
/// denominators (the slow, general path).
fn scale() -> Scale {
    Scale::new([])
}

fn days(n: i128) -> Decimal {
    Decimal(n * Decimal::SCALE)
}

#[test]
fn only_the_days_in_the_plan_year_count() {
    // 2026-09-01 → 2027-12-31: 122 days in 2026, 365 in 2027, 487 in all.
    let e = year_effort(
        &scale(),
        days(60),
        Some(date(2026, 9, 1)),
        Some(date(2027, 12, 31)),
        2027,
    )
    .unwrap();
    let expected = Effort::from_decimal(days(60)).share(365, 487).unwrap();
    assert_eq!(e.plan_year, expected);
    // 60 × 365 / 487 = 44.969… → 45.0
    assert_eq!(e.plan_year.one_place(), Some(Decimal(45_000_000)));
    let in_2026 = year_effort(
        &scale(),
        days(60),
        Some(date(2026, 9, 1)),
        Some(date(2027, 12, 31)),
        2026,
    )
    .unwrap();
    assert_eq!(
        in_2026.plan_year.checked_add(&e.plan_year),
        Some(Effort::from_decimal(days(60)))
    );
}

#[test]
fn rounding_is_half_away_from_zero_once() {
    // 1 day over 4 days with 1 in the year: 0.25 → 0.3.
    let e = Effort::from_decimal(days(1)).share(1, 4).unwrap();
    assert_eq!(e.one_place(), Some(Decimal(300_000)));
    assert_eq!(
        share_times(days(1), 1, 4, Money(90_000)),
        Some(Money(22_500))
    );
    // 1/3 of 100.00 is 33.33 (not 33.30 from a rounded effort).
    assert_eq!(
        share_times(days(1), 1, 3, Money(10_000)),
        Some(Money(3_333))
    );
}

#[test]
fn no_dates_no_plan_year_effort() {
    let e = year_effort(&scale(), days(5), None, Some(date(2027, 1, 1)), 2027).unwrap();
    assert_eq!(e.plan_year, Effort::zero());
    let e = year_effort(
        &scale(),
        days(5),
        Some(date(2027, 2, 1)),
        Some(date(2027, 1, 1)),
        2027,
    )
    .unwrap();
    assert_eq!(e.plan_year, Effort::zero());
}

#[test]
fn a_shared_scale_gives_the_same_efforts() {
    let (s, e) = (date(2026, 9, 1), date(2027, 12, 31));
    let shared = Scale::new(span_days(Some(s), Some(e)));
    let a = year_effort(&shared, days(60), Some(s), Some(e), 2027).unwrap();
    let b = year_effort(&scale(), days(60), Some(s), Some(e), 2027).unwrap();
    assert_eq!(a, b);
    assert_eq!(span_days(Some(s), Some(e)), Some(487));
    assert_eq!(span_days(Some(e), Some(s)), None);
}

proptest! {
    /// Wholly inside the plan year: the plan-year effort is `effort_days`.
    #[test]
    fn inside_the_year_it_is_the_whole_effort(
        micro in 0i128..10_000_000_000_000,
        a in 0u32..365,
        len in 0u32..365,
    ) {
        let start = date(2027, 1, 1) + chrono::Days::new(u64::from(a));
        let end = (start + chrono::Days::new(u64::from(len))).min(date(2027, 12, 31));
        let e = year_effort(&scale(), Decimal(micro), Some(start), Some(end), 2027).unwrap();
        prop_assert_eq!(e.plan_year, Effort::from_decimal(Decimal(micro)));
    }

    /// The quarters sum exactly to the plan-year effort, which is the
    /// formula's `effort × days in the year / days`.
    #[test]
    fn quarters_sum_to_the_plan_year_effort(
        micro in 0i128..10_000_000_000_000,
        a in 0u32..2_000,
        len in 0u32..2_000,
    ) {
        let start = date(2025, 6, 1) + chrono::Days::new(u64::from(a));
        let end = start + chrono::Days::new(u64::from(len));
        let e = year_effort(&scale(), Decimal(micro), Some(start), Some(end), 2027).unwrap();
        let sum = e.quarters.iter().try_fold(Effort::zero(), |s, q| s.checked_add(q)).unwrap();
        prop_assert_eq!(&sum, &e.plan_year);
        let d = period_days(start, end, 2027).unwrap();
        let total: i128 = d.iter().sum();
        let in_year: i128 = d[1..5].iter().sum();
        prop_assert_eq!(e.plan_year, Effort::from_decimal(Decimal(micro)).share(in_year, total).unwrap());
    }

    /// A running sum of plan-year efforts never decreases, rounded or not.
    #[test]
    fn cumulative_effort_never_decreases(
        items in proptest::collection::vec((0i128..1_000_000_000, 0u32..800, 0u32..800), 0..30),
    ) {
        let spans: Vec<(NaiveDate, NaiveDate)> = items
            .iter()
            .map(|(_, a, len)| {
                let start = date(2026, 3, 1) + chrono::Days::new(u64::from(*a));
                (start, start + chrono::Days::new(u64::from(*len)))
            })
            .collect();
        // One shared scale, as the plan uses; the slow path agrees with it.
        let shared = Scale::new(spans.iter().filter_map(|(s, e)| span_days(Some(*s), Some(*e))));
        let mut cum = Effort::zero();
        let mut slow = Effort::zero();
        let mut shown = Decimal::ZERO;
        for ((micro, ..), (start, end)) in items.iter().zip(&spans) {
            let e = year_effort(&shared, Decimal(*micro), Some(*start), Some(*end), 2027).unwrap();
            let f = year_effort(&scale(), Decimal(*micro), Some(*start), Some(*end), 2027).unwrap();
            slow = slow.checked_add(&f.plan_year).unwrap();
            let next = cum.checked_add(&e.plan_year).unwrap();
            prop_assert_eq!(&next, &slow);
            prop_assert!(next.cmp_exact(&cum) != std::cmp::Ordering::Less);
            let next_shown = next.one_place().unwrap();
            prop_assert!(next_shown >= shown);
            cum = next;
            shown = next_shown;
        }
    }
}

#[test]
fn plan_year_share_is_the_sum_of_the_quarters() {
    let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
    let ranges = [
        (d(2026, 9, 1), d(2027, 12, 31)),
        (d(2027, 2, 14), d(2027, 5, 3)),
        (d(2025, 1, 1), d(2029, 6, 30)),
        (d(2026, 1, 1), d(2026, 12, 31)),
        (d(2027, 6, 1), d(2027, 5, 1)),
        (None, d(2027, 5, 1)),
    ];
    let scale = Scale::new(ranges.iter().filter_map(|(s, e)| span_days(*s, *e)));
    for (s, e) in ranges {
        let whole = year_effort(&scale, days(37), s, e, 2027).unwrap();
        assert_eq!(
            plan_year_share(&scale, days(37), s, e, 2027),
            Some(whole.plan_year),
            "{s:?}–{e:?}"
        );
    }
}
