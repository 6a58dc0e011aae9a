//! The inventory: its window to the day, budgets against actuals, what is
//! missing, and the time-eater share.

use super::*;
use crate::budget::compute;
use crate::budget::tests::{date, initiative, money, opts, range, roadmap, sp};
use crate::roadmap::Member;

const AS_OF: (i32, u32, u32) = (2026, 11, 15);

fn as_of() -> NaiveDate {
    date(AS_OF.0, AS_OF.1, AS_OF.2)
}

fn days(n: i128) -> Decimal {
    Decimal(n * Decimal::SCALE)
}

fn ended(id: &str, status: Status, end: NaiveDate) -> Initiative {
    Initiative {
        status: sp(status),
        owner: sp("ak".to_string()),
        kpi: sp("a measure".to_string()),
        effort_days: sp(days(1)),
        cost: sp(money(100)),
        ..initiative(id, Competency::Governance, Area::Cxm, date(2025, 1, 1), end)
    }
}

fn inventory_of(r: &Roadmap) -> Inventory {
    let b = compute(r, &opts(2027)).unwrap();
    build(r, as_of(), &b).unwrap()
}

fn ids(inv: &Inventory) -> Vec<&str> {
    inv.initiatives.iter().map(|l| l.id.as_str()).collect()
}

#[test]
fn the_window_to_the_day() {
    // 2026-11-15 minus 365 days is 2025-11-15.
    assert_eq!(window_start(as_of()), date(2025, 11, 15));
    let r = roadmap(vec![
        ended("year-ago", Status::Done, date(2025, 11, 15)),
        ended("day-before-window", Status::Done, date(2025, 11, 14)),
        ended("on-as-of", Status::Cancelled, date(2026, 11, 15)),
        ended("day-after", Status::Done, date(2026, 11, 16)),
    ]);
    assert_eq!(ids(&inventory_of(&r)), ["year-ago", "on-as-of"]);
}

#[test]
fn work_under_way_whatever_its_dates_and_nothing_planned() {
    let on_hold = Initiative {
        status: sp(Status::OnHold),
        ..ended("on-hold", Status::OnHold, date(2020, 1, 1))
    };
    let r = roadmap(vec![
        ended("running", Status::InProgress, date(2030, 1, 1)),
        on_hold,
        ended("planned", Status::Planned, date(2026, 6, 1)),
        ended("idea", Status::Idea, date(2026, 6, 1)),
        Initiative {
            end: None,
            ..ended("done-no-end", Status::Done, date(2026, 6, 1))
        },
    ]);
    assert_eq!(ids(&inventory_of(&r)), ["running", "on-hold"]);
}

#[test]
fn grouped_by_competency_in_file_order_within() {
    let culture = Initiative {
        competency: sp(Competency::Culture),
        ..ended("culture-1", Status::Done, date(2026, 6, 1))
    };
    let design = Initiative {
        competency: sp(Competency::Design),
        ..ended("design-1", Status::Done, date(2026, 6, 1))
    };
    let r = roadmap(vec![
        culture,
        ended("gov-b", Status::Done, date(2026, 6, 1)),
        design,
        ended("gov-a", Status::Done, date(2026, 6, 1)),
    ]);
    let inv = inventory_of(&r);
    assert_eq!(ids(&inv), ["gov-b", "gov-a", "design-1", "culture-1"]);
    let counts: Vec<usize> = inv.competencies.iter().map(|c| c.initiatives).collect();
    assert_eq!(counts, [2, 0, 1, 1]);
    assert_eq!(inv.totals.budget, money(400));
    assert_eq!(inv.competencies[0].budget, money(200));
}

#[test]
fn budget_actual_remaining_and_variance() {
    let over = Initiative {
        actual: sp(money(150)),
        ..ended("over", Status::Done, date(2026, 6, 1))
    };
    let no_actual = ended("no-actual", Status::Done, date(2026, 6, 1));
    let quoted = Initiative {
        cost: None,
        quotes: vec![range(100, 300)],
        actual: sp(Money(20_001)),
        ..ended("quoted", Status::Done, date(2026, 6, 1))
    };
    let unpriced = Initiative {
        cost: None,
        actual: sp(money(5)),
        ..ended("unpriced", Status::Done, date(2026, 6, 1))
    };
    let r = roadmap(vec![over, no_actual, quoted, unpriced]);
    let inv = inventory_of(&r);
    let l = &inv.initiatives;
    assert_eq!(l[0].remaining, Some(money(-50)));
    assert_eq!(l[0].variance_percent, Some(days(50)));
    assert_eq!(l[1].actual, None);
    assert_eq!((l[1].remaining, l[1].variance_percent), (None, None));
    // Estimate: 400 × 112.5 / 200 = 225.00 (the roadmap's markup).
    assert_eq!(l[2].budget, Some(money(225)));
    assert_eq!(l[2].remaining, Some(Money(22_500 - 20_001)));
    // (200.01 − 225) / 225 = −11.106…% → −11.1
    assert_eq!(l[2].variance_percent, Some(Decimal(-11_100_000)));
    assert_eq!(l[3].budget, None);
    assert_eq!(l[3].remaining, None);
    assert_eq!(l[3].missing, [Missing::Budget]);
    // Unknown values count as nothing in the sums.
    assert_eq!(inv.totals.budget, money(100 + 100 + 225));
    assert_eq!(inv.totals.actual, Money(15_000 + 20_001 + 500));
    assert_eq!(inv.totals.remaining, Money(-5_000 + 2_499));
}

#[test]
fn the_budget_of_plan_work_is_the_budget_line() {
    let running = Initiative {
        quotes: vec![range(1000, 2000)],
        cost: sp(money(7)),
        ..ended("running", Status::InProgress, date(2027, 3, 31))
    };
    let r = roadmap(vec![running]);
    let b = compute(&r, &opts(2027)).unwrap();
    let inv = build(&r, as_of(), &b).unwrap();
    assert_eq!(
        inv.initiatives[0].budget,
        Some(b.initiatives[0].figures.budget)
    );
    assert_eq!(inv.initiatives[0].budget, Some(Money(169_450)));
}

#[test]
fn what_each_initiative_lacks() {
    let bare = Initiative {
        owner: None,
        kpi: None,
        effort_days: None,
        cost: None,
        ..ended("bare", Status::Done, date(2026, 6, 1))
    };
    let cx_bare = Initiative {
        area: sp(Area::Cx),
        department: sp("care".to_string()),
        ..bare.clone()
    };
    let blank_kpi = Initiative {
        kpi: sp("  ".to_string()),
        ..ended("blank-kpi", Status::Done, date(2026, 6, 1))
    };
    let mut cx_bare = cx_bare;
    cx_bare.id = sp("cx-bare".to_string());
    let r = roadmap(vec![bare, cx_bare, blank_kpi]);
    let inv = inventory_of(&r);
    let l = &inv.initiatives;
    assert_eq!(
        l[0].missing,
        [
            Missing::Owner,
            Missing::Kpi,
            Missing::Effort,
            Missing::Budget
        ]
    );
    // cx work is owned and paid for by its department.
    assert_eq!(l[1].id, "cx-bare");
    assert_eq!(l[1].missing, [Missing::Kpi, Missing::Effort]);
    assert_eq!(l[2].missing, [Missing::Kpi]);
}

fn cx(id: &str, owner: Option<&str>, effort: i128) -> Initiative {
    Initiative {
        area: sp(Area::Cx),
        department: sp("care".to_string()),
        owner: owner.and_then(|o| sp(o.to_string())),
        effort_days: sp(days(effort)),
        ..ended(id, Status::Done, date(2026, 6, 1))
    }
}

#[test]
fn time_eaters_and_their_share() {
    let mut own = ended("own", Status::Done, date(2026, 6, 1));
    own.effort_days = sp(days(69));
    let mut r = roadmap(vec![
        own,
        cx("eater", Some("ak"), 20),
        cx("dept-owned", Some("someone"), 11),
        cx("no-effort", Some("ak"), 0),
    ]);
    r.team = vec![Member {
        id: sp("ak".to_string()),
        ..Member::default()
    }];
    let inv = inventory_of(&r);
    let flags: Vec<bool> = inv.initiatives.iter().map(|l| l.time_eater).collect();
    assert_eq!(flags, [false, true, false, true]);
    // (20 + 11) / (69 + 20 + 11) = 0.31
    assert_eq!(inv.cx_effort_days, days(31));
    assert_eq!(inv.time_eater_share, Some(Decimal(310_000)));
    assert_eq!(inv.cx_work, ["eater", "dept-owned"]);
    let json = serde_json::to_value(&inv).unwrap();
    assert_eq!(json["time_eater_share"], "0.31");
}

#[test]
fn share_rounds_half_away_from_zero_and_is_null_without_effort() {
    let mut own = ended("own", Status::Done, date(2026, 6, 1));
    own.effort_days = sp(days(7));
    // 1 / 8 = 0.125 → 0.13
    let inv = inventory_of(&roadmap(vec![own.clone(), cx("c", None, 1)]));
    assert_eq!(inv.time_eater_share, Some(Decimal(130_000)));
    own.effort_days = None;
    let inv = inventory_of(&roadmap(vec![own]));
    assert_eq!(inv.time_eater_share, None);
    assert_eq!(
        serde_json::to_value(&inv).unwrap()["time_eater_share"],
        serde_json::Value::Null
    );
    let inv = inventory_of(&roadmap(vec![]));
    assert!(inv.initiatives.is_empty());
    assert_eq!(inv.time_eater_share, None);
}

#[test]
fn internal_time_with_a_day_rate() {
    let mut r = roadmap(vec![ended("a", Status::Done, date(2026, 6, 1))]);
    r.initiatives[0].effort_days = sp(Decimal(2_500_000));
    assert_eq!(inventory_of(&r).totals.internal_cost, None);
    r.meta.day_rate = sp(money(900));
    let inv = inventory_of(&r);
    assert_eq!(inv.initiatives[0].internal_cost, Some(money(2250)));
    assert_eq!(inv.totals.internal_cost, Some(money(2250)));
}
