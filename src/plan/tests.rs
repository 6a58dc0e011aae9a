//! The plan: its order, the cut line of SPEC section 6 on each count, and
//! the figures around it.

use super::*;
use crate::budget::compute;
use crate::budget::tests::{date, initiative, money, need, opts, roadmap, sp};
use crate::roadmap::{Funding, Initiative, Maturity, Member, Training};
use crate::source::{Sp, Span};
use proptest::prelude::*;

fn days(n: i128) -> Decimal {
    Decimal(n * Decimal::SCALE)
}

/// A `cxm` initiative across all of 2027 with a fixed cost (its whole
/// budget falls in the plan year), a priority and effort.
fn ini(id: &str, priority: Option<u32>, cost: i128, effort: Option<i128>) -> Initiative {
    initiative(
        id,
        Competency::Governance,
        Area::Cxm,
        date(2027, 1, 1),
        date(2027, 12, 31),
    )
    .with(|i| {
        i.priority = priority.and_then(sp);
        i.cost = sp(money(cost));
        i.effort_days = effort.and_then(|e| sp(days(e)));
        i.owner = sp("ak".to_string());
    })
}

fn member(id: &str, capacity: Option<i128>) -> Member {
    Member {
        id: sp(id.to_string()),
        name: sp(format!("Name of {id}")),
        capacity_days: capacity.and_then(|c| sp(days(c))),
        ..Member::default()
    }
}

fn central(cost: i128) -> Training {
    Training {
        id: sp("central".to_string()),
        competency: sp(Competency::Culture),
        cost_per_person: sp(money(cost)),
        funding: sp(Funding::Central),
        needs: vec![need("sales", 1)],
        ..Training::default()
    }
}

fn plan_of(r: &Roadmap) -> Plan {
    let b = compute(r, &opts(2027)).unwrap();
    build(r, &b).unwrap()
}

fn ids(p: &Plan) -> Vec<&str> {
    p.initiatives.iter().map(|l| l.id.as_str()).collect()
}

fn below(p: &Plan) -> Vec<&str> {
    p.initiatives
        .iter()
        .filter(|l| l.below_line)
        .map(|l| l.id.as_str())
        .collect()
}

#[test]
fn priority_order_ties_by_id_and_no_priority_last() {
    let r = roadmap(vec![
        ini("zeta", None, 1, None),
        ini("b", Some(2), 1, None),
        ini("a", Some(2), 1, None),
        ini("alpha", None, 1, None),
        ini("c", Some(1), 1, None),
        ini("d", Some(10), 1, None),
    ]);
    let p = plan_of(&r);
    assert_eq!(ids(&p), ["c", "a", "b", "d", "alpha", "zeta"]);
    assert_eq!(
        p.initiatives.iter().map(|l| l.rank).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5, 6]
    );
}

#[test]
fn no_cap_and_no_capacity_means_no_line() {
    let mut r = roadmap(vec![
        ini("a", Some(1), 1_000_000, Some(500)),
        ini("b", Some(2), 1_000_000, Some(500)),
    ]);
    r.team = vec![member("ak", None)];
    let p = plan_of(&r);
    assert_eq!(p.cut_line, None);
    assert!(below(&p).is_empty());
    assert_eq!(p.capacity_days, None);
    assert_eq!(p.budget_available, None);
    assert_eq!(p.initiatives[1].cumulative_budget, money(2_000_000));
    assert_eq!(p.initiatives[1].cumulative_effort, days(1000));
}

#[test]
fn cut_by_budget_cap() {
    let mut r = roadmap(vec![
        ini("a", Some(1), 100, Some(1)),
        ini("b", Some(2), 100, Some(1)),
        ini("c", Some(3), 1, Some(1)),
        ini("d", Some(4), 1, Some(1)),
    ]);
    r.meta.budget_cap = sp(money(200));
    r.team = vec![member("ak", None)];
    let p = plan_of(&r);
    // 200 is not more than 200: b fits exactly; c tips it over, d follows.
    assert_eq!(below(&p), ["c", "d"]);
    let c = p.cut_line.unwrap();
    assert_eq!(c.reason, CutReason::BudgetCap);
    assert_eq!(c.first_below, "c");
    assert_eq!(c.last_above.as_deref(), Some("b"));
    assert_eq!(c.above, 2);
    assert_eq!(p.totals.above_line_budget, money(200));
    assert_eq!(p.totals.above_line_effort, days(2));
}

#[test]
fn cut_by_capacity() {
    let mut r = roadmap(vec![
        ini("a", Some(1), 100, Some(60)),
        ini("b", Some(2), 100, Some(50)),
        ini("c", Some(3), 100, Some(1)),
    ]);
    r.meta.budget_cap = sp(money(1_000));
    r.team = vec![
        member("ak", Some(80)),
        member("pn", Some(20)),
        member("x", None),
    ];
    let p = plan_of(&r);
    assert_eq!(p.capacity_days, Some(days(100)));
    assert_eq!(below(&p), ["b", "c"]);
    assert_eq!(p.cut_line.unwrap().reason, CutReason::Capacity);
}

#[test]
fn cut_by_both_on_the_same_initiative() {
    let mut r = roadmap(vec![
        ini("a", Some(1), 100, Some(10)),
        ini("b", Some(2), 100, Some(10)),
    ]);
    r.meta.budget_cap = sp(money(150));
    r.team = vec![member("ak", Some(15))];
    let p = plan_of(&r);
    assert_eq!(below(&p), ["b"]);
    assert_eq!(p.cut_line.unwrap().reason, CutReason::BudgetCapAndCapacity);
}

#[test]
fn the_earlier_count_wins_when_both_would_cut() {
    let mut r = roadmap(vec![
        ini("a", Some(1), 100, Some(10)),
        ini("b", Some(2), 100, Some(10)),
        ini("c", Some(3), 100, Some(10)),
    ]);
    // Capacity runs out at b, the budget only at c.
    r.meta.budget_cap = sp(money(250));
    r.team = vec![member("ak", Some(15))];
    let p = plan_of(&r);
    assert_eq!(below(&p), ["b", "c"]);
    assert_eq!(p.cut_line.unwrap().reason, CutReason::Capacity);
}

#[test]
fn central_training_reduces_what_the_cap_leaves() {
    let mut r = roadmap(vec![
        ini("a", Some(1), 100, None),
        ini("b", Some(2), 100, None),
    ]);
    r.meta.budget_cap = sp(money(200));
    assert!(plan_of(&r).cut_line.is_none());
    r.training = vec![central(1)];
    let p = plan_of(&r);
    assert_eq!(p.central_training, money(1));
    assert_eq!(p.budget_available, Some(money(199)));
    assert_eq!(below(&p), ["b"]);
    assert_eq!(p.totals.cxm_total, money(201));
}

#[test]
fn central_training_over_the_cap_puts_everything_below() {
    let mut r = roadmap(vec![ini("a", Some(1), 0, None)]);
    r.meta.budget_cap = sp(money(10));
    r.training = vec![central(11)];
    let p = plan_of(&r);
    assert_eq!(p.budget_available, Some(money(-1)));
    assert_eq!(below(&p), ["a"]);
    assert_eq!(p.cut_line.unwrap().last_above, None);
}

#[test]
fn cx_work_adds_effort_but_not_budget() {
    let cx = Initiative {
        area: sp(Area::Cx),
        ..ini("cx", Some(1), 1_000, Some(30))
    }
    .with(|i| {
        i.department = sp("care".to_string());
    });
    let mut r = roadmap(vec![cx, ini("m", Some(2), 100, Some(10))]);
    r.meta.budget_cap = sp(money(150));
    r.team = vec![member("ak", Some(35))];
    let p = plan_of(&r);
    assert_eq!(p.initiatives[0].cumulative_budget, Money::ZERO);
    assert_eq!(p.initiatives[0].plan_year_budget, money(1_000));
    assert_eq!(p.initiatives[1].cumulative_budget, money(100));
    assert_eq!(p.initiatives[1].cumulative_effort, days(40));
    // The budget fits; the capacity does not, because of the cx effort.
    assert_eq!(below(&p), ["m"]);
    assert_eq!(p.cut_line.unwrap().reason, CutReason::Capacity);
    assert_eq!(p.totals.cx_initiatives, money(1_000));
    assert_eq!(p.totals.cxm_initiatives, money(100));
}

#[test]
fn missing_priorities_and_effort_are_walked_last_and_add_nothing() {
    let mut r = roadmap(vec![
        ini("late", None, 100, None),
        ini("first", Some(1), 100, Some(10)),
    ]);
    r.team = vec![member("ak", Some(10))];
    let p = plan_of(&r);
    assert_eq!(ids(&p), ["first", "late"]);
    assert_eq!(p.initiatives[1].cumulative_effort, days(10));
    assert!(p.cut_line.is_none());
}

#[test]
fn plan_year_budget_only_counts_toward_the_line() {
    // Half the days in 2026, half in 2027 (2 × 365 days): only the 2027
    // half comes off the cap. Planned: running work's cash depends on
    // what it spent (SPEC section 4, *Cash*).
    let split = Initiative {
        status: sp(Status::Planned),
        ..initiative(
            "split",
            Competency::Measurement,
            Area::Cxm,
            date(2026, 1, 1),
            date(2027, 12, 31),
        )
    }
    .with(|i| {
        i.cost = sp(money(730));
    });
    let mut r = roadmap(vec![split]);
    r.meta.budget_cap = sp(money(365));
    let p = plan_of(&r);
    assert_eq!(p.initiatives[0].plan_year_budget, money(365));
    assert!(p.cut_line.is_none());
    assert_eq!(p.initiatives[0].quarters, [1, 2, 3, 4]);
}

#[test]
fn quarters_touched_coverage_and_maturity() {
    let q2 = Initiative {
        competency: sp(Competency::Design),
        ..initiative(
            "q2",
            Competency::Design,
            Area::Cxm,
            date(2027, 4, 1),
            date(2027, 6, 30),
        )
    };
    let q3q4 = initiative(
        "q3q4",
        Competency::Design,
        Area::Cxm,
        date(2027, 9, 30),
        date(2028, 2, 1),
    );
    let cx = initiative(
        "cx",
        Competency::Culture,
        Area::Cx,
        date(2027, 1, 1),
        date(2027, 1, 1),
    )
    .with(|i| {
        i.department = sp("care".to_string());
    });
    let mut r = roadmap(vec![q2, q3q4, cx]);
    r.maturity = vec![Maturity {
        competency: Sp::new(Competency::Design, Span::default()),
        current: sp(1),
        target: sp(3),
    }];
    let p = plan_of(&r);
    let by_id = |id: &str| p.initiatives.iter().find(|l| l.id == id).unwrap();
    assert_eq!(by_id("q2").quarters, [2]);
    assert_eq!(by_id("q3q4").quarters, [3, 4]);
    assert_eq!(by_id("cx").quarters, [1]);
    let cov: Vec<usize> = p.coverage.iter().map(|(_, n)| *n).collect();
    // cx work is not CXM coverage.
    assert_eq!(cov, [0, 0, 2, 0]);
    let design = p
        .coverage_by_quarter
        .iter()
        .find(|(c, _)| *c == Competency::Design)
        .unwrap();
    assert_eq!(design.1, [0, 1, 1, 1]);
    let m = &p.maturity[2];
    assert_eq!((m.current, m.target), (Some(1), Some(3)));
    assert_eq!(m.initiatives, ["q2", "q3q4"]);
    assert!(m.addressed);
    assert!(!p.maturity[0].addressed);
    assert_eq!(p.maturity[0].current, None);
}

#[test]
fn load_per_member_and_for_the_team() {
    let mut a = ini("a", Some(1), 0, Some(30));
    a.owner = sp("pn".to_string());
    let b = ini("b", Some(2), 0, Some(20));
    let mut c = ini("c", Some(3), 0, Some(5));
    c.owner = None;
    let mut d = ini("d", Some(4), 0, Some(1));
    d.owner = sp("pn".to_string());
    let mut r = roadmap(vec![a, b, c, d]);
    r.team = vec![member("ak", Some(10)), member("pn", Some(40))];
    let p = plan_of(&r);
    // Team capacity 50: a (30) fits, b (50) fits; c has no team owner and
    // takes none of the team's days (SPEC rev. 2); d (51) is below.
    assert_eq!(below(&p), ["d"]);
    assert_eq!(p.initiatives[2].cumulative_effort, days(50));
    let ak = &p.load[0];
    assert_eq!(ak.load_days, days(20));
    assert_eq!(ak.free_days, Some(days(-10)));
    assert!(ak.over_capacity);
    assert_eq!(ak.initiatives, ["b"]);
    let pn = &p.load[1];
    assert_eq!((pn.load_days, pn.over_capacity), (days(31), false));
    // A whole-year initiative spreads over the quarters by their days:
    // 30 + 1 days × 90/365 = 7.64… → 7.6 in Q1, against 40 / 4 = 10.
    assert_eq!(pn.quarters[0], Decimal(7_600_000));
    assert_eq!(pn.quarter_capacity_days, Some(days(10)));
    assert!(pn.over_quarters.is_empty());
    // ak: 20 days × 92/365 = 5.04… in Q3, over 10 / 4 = 2.5 every quarter.
    assert_eq!(ak.over_quarters, [1, 2, 3, 4]);
    let team = &p.team_load;
    assert_eq!(team.load_days, days(51));
    assert_eq!(team.above_line_days, days(50));
    assert_eq!(team.unowned_days, days(5));
    assert_eq!(team.free_days, Some(days(-1)));
    assert!(team.over_capacity);
}

#[test]
fn a_dependency_below_the_line_is_named_with_its_dependents() {
    let mut base = ini("base", Some(5), 100, None);
    base.depends_on = vec![Sp::new("done-work".to_string(), Span::default())];
    let mut top = ini("top", Some(1), 100, None);
    top.depends_on = vec![Sp::new("base".to_string(), Span::default())];
    let mut other = ini("other", Some(6), 0, None);
    other.depends_on = vec![
        Sp::new("base".to_string(), Span::default()),
        Sp::new("top".to_string(), Span::default()),
        Sp::new("someday".to_string(), Span::default()),
    ];
    let done = Initiative {
        status: sp(Status::Done),
        ..ini("done-work", None, 0, None)
    };
    let idea = Initiative {
        status: sp(Status::Idea),
        ..ini("someday", None, 0, None)
    };
    let mut r = roadmap(vec![base, top, other, done, idea]);
    r.meta.budget_cap = sp(money(150));
    let p = plan_of(&r);
    assert_eq!(below(&p), ["base", "other"]);
    assert_eq!(
        p.below_line_dependencies,
        [BelowLineDependency {
            id: "base".into(),
            dependents: vec!["top".into(), "other".into()],
        }]
    );
    let states: Vec<(&str, &str, DependencyState)> = p
        .dependencies
        .iter()
        .map(|d| (d.id.as_str(), d.depends_on.as_str(), d.state))
        .collect();
    assert_eq!(
        states,
        [
            ("top", "base", DependencyState::BelowLine),
            ("base", "done-work", DependencyState::Done),
            ("other", "base", DependencyState::BelowLine),
            ("other", "top", DependencyState::AboveLine),
            ("other", "someday", DependencyState::NotInPlan),
        ]
    );
    // The idea is in the backlog, with its budget; not in the plan.
    assert_eq!(p.backlog.len(), 1);
    assert_eq!(p.backlog[0].budget, Some(Money::ZERO));
}

#[test]
fn backlog_idea_without_a_price_has_no_budget() {
    let idea = Initiative {
        status: sp(Status::Idea),
        ..ini("idea", Some(2), 0, None)
    }
    .with(|i| {
        i.cost = None;
    });
    let priced = Initiative {
        status: sp(Status::Idea),
        ..ini("priced", Some(1), 70, None)
    };
    let p = plan_of(&roadmap(vec![idea, priced]));
    assert!(p.initiatives.is_empty());
    assert_eq!(p.backlog[0].id, "priced");
    assert_eq!(p.backlog[0].budget, Some(money(70)));
    assert_eq!(p.backlog[1].budget, None);
}

#[test]
fn figures_are_the_budgets() {
    let r = roadmap(vec![
        crate::budget::tests::rnps(),
        ini("x", Some(3), 12, Some(1)),
    ]);
    let b = compute(&r, &opts(2027)).unwrap();
    let p = build(&r, &b).unwrap();
    for l in &p.initiatives {
        let line = b.initiatives.iter().find(|x| x.header.id == l.id).unwrap();
        assert_eq!(l.plan_year_budget, line.plan_year_budget);
    }
    assert_eq!(p.totals.cxm_total, b.totals.cxm);
}

proptest! {
    /// The walk: cumulative figures are running sums, nothing that may be
    /// cut is cut before a limit is exceeded, the first cut exceeds one,
    /// and work that may not be cut never is.
    #[test]
    fn the_cut_line_is_where_a_limit_is_first_exceeded(
        lines in proptest::collection::vec((0i128..1_000, 0i128..50, any::<bool>()), 0..20),
        cap in proptest::option::of(-10i128..5_000),
        capacity in proptest::option::of(0i128..300),
    ) {
        let steps: Vec<Step> = lines
            .iter()
            .map(|(b, e, may_cut)| Step {
                budget: Money(*b),
                effort: Effort::from_decimal(days(*e)),
                may_cut: *may_cut,
            })
            .collect();
        let w = cut(&steps, cap.map(Money), capacity.map(|c| Effort::from_decimal(days(c))).as_ref()).unwrap();
        let (mut b, mut e) = (0i128, 0i128);
        let mut cut_yet = false;
        for (i, (bb, ee, may_cut)) in lines.iter().enumerate() {
            b += bb;
            e += ee;
            prop_assert_eq!(&w.cumulative[i], &(Money(b), Effort::from_decimal(days(e))));
            let over = cap.is_some_and(|c| b > c) || capacity.is_some_and(|c| e > c);
            if *may_cut && over {
                cut_yet = true;
            }
            prop_assert_eq!(w.below[i], *may_cut && cut_yet);
            if let Some((at, _)) = w.line {
                prop_assert_eq!(i == at, *may_cut && over && !w.below[..i].iter().any(|x| *x));
            }
        }
        if cap.is_none() && capacity.is_none() {
            prop_assert!(w.line.is_none());
        }
    }
}

#[test]
fn committed_work_is_walked_first_and_never_cut() {
    assert!(walk_group(Status::Done) < walk_group(Status::InProgress));
    assert_eq!(walk_group(Status::Cancelled), walk_group(Status::OnHold));
    assert!(walk_group(Status::InProgress) < walk_group(Status::Planned));
    // Running work without priority, over the cap on its own.
    let running = Initiative {
        status: sp(Status::InProgress),
        ..ini("running", None, 500, Some(10))
    };
    // A department's own cx work: no team owner, no CXM money.
    let dept = Initiative {
        area: sp(Area::Cx),
        ..ini("dept", Some(9), 900, Some(50))
    }
    .with(|i| {
        i.department = sp("sales".to_string());
        i.owner = None;
    });
    let mut r = roadmap(vec![
        ini("first", Some(1), 1, Some(1)),
        dept,
        running,
        ini("second", Some(2), 1, Some(1)),
    ]);
    r.meta.budget_cap = sp(money(100));
    r.team = vec![member("ak", Some(5))];
    let p = plan_of(&r);
    assert_eq!(ids(&p), ["running", "first", "second", "dept"]);
    assert_eq!(below(&p), ["first", "second"]);
    let c = p.cut_line.unwrap();
    assert_eq!((c.first_below.as_str(), c.above), ("first", 2));
    // The department's 50 days are not the team's.
    assert_eq!(p.initiatives[3].cumulative_effort, days(12));
    assert!(!p.initiatives[3].team_owned);
    assert_eq!(p.team_load.unowned_days, days(50));
}
