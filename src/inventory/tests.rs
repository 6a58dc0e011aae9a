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
        ..initiative(id, Competency::Governance, Area::Cxm, date(2025, 1, 1), end)
    }
    .with(|i| {
        i.owner = sp("ak".to_string());
        i.kpi = sp("a measure".to_string());
        i.effort_days = sp(days(1));
        i.cost = sp(money(100));
    })
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
        ended("done-no-end", Status::Done, date(2026, 6, 1)).with(|i| {
            i.end = None;
        }),
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
    let counts: Vec<usize> = inv.competencies.iter().map(|c| c.listed).collect();
    assert_eq!(counts, [2, 0, 1, 1]);
    // No actual anywhere: the budgets are summed on their own line.
    assert_eq!(inv.totals.initiatives, 0);
    assert_eq!(inv.totals.budget, Money::ZERO);
    assert_eq!(inv.budget_without_actual.budget, money(400));
    assert_eq!(inv.budget_without_actual.initiatives, 4);
    assert_eq!(inv.competencies[0].budget_without_actual.budget, money(200));
}

#[test]
fn budget_actual_remaining_and_variance() {
    let over = ended("over", Status::Done, date(2026, 6, 1)).with(|i| {
        i.actual = sp(money(150));
    });
    let no_actual = ended("no-actual", Status::Done, date(2026, 6, 1));
    let quoted = ended("quoted", Status::Done, date(2026, 6, 1)).with(|i| {
        i.cost = None;
        i.quotes = vec![range(100, 300)];
        i.actual = sp(Money(20_001));
    });
    let unpriced = ended("unpriced", Status::Done, date(2026, 6, 1)).with(|i| {
        i.cost = None;
        i.actual = sp(money(5));
    });
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
    // The totals take the rows with both, so they foot; the others are
    // summed apart (SPEC section 6, rev. 2).
    assert_eq!(inv.totals.initiatives, 2);
    assert_eq!(inv.totals.budget, money(100 + 225));
    assert_eq!(inv.totals.actual, Money(15_000 + 20_001));
    assert_eq!(inv.totals.remaining, Money(-5_000 + 2_499));
    assert_eq!(inv.budget_without_actual.initiatives, 1);
    assert_eq!(inv.budget_without_actual.budget, money(100));
    assert_eq!(inv.actual_without_budget.initiatives, 1);
    assert_eq!(inv.actual_without_budget.actual, money(5));
    assert_eq!(inv.totals.listed, 4);
}

#[test]
fn variance_for_done_work_and_the_share_spent_for_running_work() {
    let running = ended("running", Status::InProgress, date(2027, 6, 1)).with(|i| {
        i.actual = sp(money(25));
    });
    let paused = ended("paused", Status::OnHold, date(2027, 6, 1)).with(|i| {
        i.actual = sp(Money(3_333));
    });
    let done = ended("done", Status::Done, date(2026, 6, 1)).with(|i| {
        i.actual = sp(money(80));
    });
    let cancelled = ended("cancelled", Status::Cancelled, date(2026, 6, 1)).with(|i| {
        i.actual = sp(money(10));
    });
    let inv = inventory_of(&roadmap(vec![running, paused, done, cancelled]));
    let l = &inv.initiatives;
    // 25 of 100 spent: 25.0 %, not a −75 % "variance".
    assert_eq!(
        (l[0].variance_percent, l[0].spent_percent),
        (None, Some(days(25)))
    );
    // 33.33 of 100 → 33.3 %
    assert_eq!(l[1].spent_percent, Some(Decimal(33_300_000)));
    assert_eq!(
        (l[2].variance_percent, l[2].spent_percent),
        (Some(days(-20)), None)
    );
    assert_eq!((l[3].variance_percent, l[3].spent_percent), (None, None));
    let json = serde_json::to_value(&inv).unwrap();
    assert_eq!(json["initiatives"][0]["spent_percent"], "25.0");
    assert_eq!(
        json["initiatives"][0]["variance_percent"],
        serde_json::Value::Null
    );
}

#[test]
fn cancelled_work_misses_no_kpi_effort_or_budget() {
    let cancelled = ended("stopped", Status::Cancelled, date(2026, 6, 1)).with(|i| {
        i.kpi = None;
        i.effort_days = None;
        i.cost = None;
        i.owner = None;
    });
    let done = Initiative {
        id: sp("finished".to_string()),
        status: sp(Status::Done),
        ..cancelled.clone()
    };
    let inv = inventory_of(&roadmap(vec![cancelled, done]));
    assert_eq!(inv.initiatives[0].missing, [Missing::Owner]);
    assert_eq!(
        inv.initiatives[1].missing,
        [
            Missing::Owner,
            Missing::Kpi,
            Missing::Effort,
            Missing::Budget
        ]
    );
}

#[test]
fn the_budget_of_plan_work_is_the_budget_line() {
    let running = ended("running", Status::InProgress, date(2027, 3, 31)).with(|i| {
        i.quotes = vec![range(1000, 2000)];
        i.cost = sp(money(7));
    });
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
    let bare = ended("bare", Status::Done, date(2026, 6, 1)).with(|i| {
        i.owner = None;
        i.kpi = None;
        i.effort_days = None;
        i.cost = None;
    });
    let cx_bare = Initiative {
        area: sp(Area::Cx),
        ..bare.clone()
    }
    .with(|i| {
        i.department = sp("care".to_string());
    });
    let blank_kpi = ended("blank-kpi", Status::Done, date(2026, 6, 1)).with(|i| {
        i.kpi = sp("  ".to_string());
    });
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
        ..ended(id, Status::Done, date(2026, 6, 1))
    }
    .with(|i| {
        i.department = sp("care".to_string());
        i.owner = owner.and_then(|o| sp(o.to_string()));
        i.effort_days = sp(days(effort));
    })
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
    // Team-owned work only, above and below (rev. 2): 20 / (69 + 20 + 0) =
    // 0.2247… → 0.22; the department's own 11 days are not the team's.
    assert_eq!(inv.cx_effort_days, days(20));
    assert_eq!(inv.team_effort_days, days(89));
    assert_eq!(inv.time_eater_share, Some(Decimal(220_000)));
    assert_eq!(inv.cx_work, ["eater"]);
    let json = serde_json::to_value(&inv).unwrap();
    assert_eq!(json["time_eater_share"], "0.22");
}

#[test]
fn share_rounds_half_away_from_zero_and_is_null_without_effort() {
    let mut own = ended("own", Status::Done, date(2026, 6, 1));
    own.effort_days = sp(days(7));
    // 1 / 8 = 0.125 → 0.13
    let inv = inventory_of(&with_ak(roadmap(vec![
        own.clone(),
        cx("c", Some("ak"), 1),
        cx("theirs", None, 50),
    ])));
    assert_eq!(inv.time_eater_share, Some(Decimal(130_000)));
    own.effort_days = None;
    let inv = inventory_of(&with_ak(roadmap(vec![own, cx("theirs", None, 5)])));
    assert_eq!(inv.time_eater_share, None);
    assert_eq!(
        serde_json::to_value(&inv).unwrap()["time_eater_share"],
        serde_json::Value::Null
    );
    let inv = inventory_of(&roadmap(vec![]));
    assert!(inv.initiatives.is_empty());
    assert_eq!(inv.time_eater_share, None);
}

fn with_ak(mut r: Roadmap) -> Roadmap {
    r.team = vec![Member {
        id: sp("ak".to_string()),
        ..Member::default()
    }];
    r
}

#[test]
fn internal_time_with_a_day_rate_for_team_owned_work_only() {
    let mut r = with_ak(roadmap(vec![
        ended("a", Status::Done, date(2026, 6, 1)),
        cx("theirs", Some("someone"), 4),
    ]));
    r.initiatives[0].effort_days = sp(Decimal(2_500_000));
    assert_eq!(inventory_of(&r).totals.internal_cost, None);
    r.meta.day_rate = sp(money(900));
    let inv = inventory_of(&r);
    assert_eq!(inv.initiatives[0].internal_cost, Some(money(2250)));
    assert_eq!(inv.initiatives[1].internal_cost, None);
    assert_eq!(inv.totals.internal_cost, Some(money(2250)));
    // Effort is what was carried, whoever carried it.
    assert_eq!(inv.totals.effort_days, Decimal(6_500_000));
}
