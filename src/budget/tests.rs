//! Unit and property tests of the budget computation, on roadmaps built in Rust.

use super::*;
use crate::roadmap::{FxRate, Meta, Quote, Training};
use crate::source::Sp;
use proptest::prelude::*;

pub(crate) fn sp<T>(v: T) -> Option<Sp<T>> {
    Some(Sp::new(v, Span::default()))
}

/// A training's need: `n` people of department `d`.
pub(crate) fn need(d: &str, n: u64) -> (Sp<String>, Sp<u64>) {
    (
        Sp::new(d.to_string(), Span::default()),
        Sp::new(n, Span::default()),
    )
}

pub(crate) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub(crate) fn money(major: i128) -> Money {
    Money(major * 100)
}

pub(crate) fn range(min: i128, max: i128) -> Quote {
    Quote {
        min: sp(money(min)),
        max: sp(money(max)),
        ..Quote::default()
    }
}

pub(crate) fn amount(a: i128) -> Quote {
    Quote {
        amount: sp(money(a)),
        ..Quote::default()
    }
}

pub(crate) fn initiative(
    id: &str,
    comp: Competency,
    area: Area,
    start: NaiveDate,
    end: NaiveDate,
) -> Initiative {
    Initiative {
        id: sp(id.to_string()),
        title: sp(format!("Title of {id}")),
        competency: sp(comp),
        area: sp(area),
        status: sp(Status::Planned),
        ..Initiative::default()
    }
    .with(|i| {
        i.start = sp(start);
        i.end = sp(end);
    })
}

pub(crate) fn roadmap(initiatives: Vec<Initiative>) -> Roadmap {
    Roadmap {
        meta: Meta {
            plan_year: sp(2027),
            ..Meta::default()
        },
        initiatives,
        ..Roadmap::default()
    }
}

pub(crate) fn opts(year: i32) -> BudgetOptions {
    BudgetOptions {
        plan_year: year,
        as_of: date(year - 1, 11, 15),
    }
}

/// The worked example of SPEC section 6.
pub(crate) fn rnps() -> Initiative {
    initiative(
        "rnps-2027",
        Competency::Measurement,
        Area::Cxm,
        date(2027, 2, 1),
        date(2027, 6, 30),
    )
    .with(|i| {
        i.department = sp("sales".to_string());
        i.cost = sp(money(5000));
        i.markup_percent = sp(Decimal(15_000_000));
        i.quotes = vec![range(40000, 60000), amount(48000)];
    })
}

fn only(b: &Budget) -> &InitiativeLine {
    assert_eq!(b.initiatives.len(), 1);
    &b.initiatives[0]
}

fn plain(m: Option<Money>) -> Option<String> {
    m.map(Money::plain)
}

#[test]
fn worked_example() {
    let b = compute(&roadmap(vec![rnps()]), &opts(2027)).unwrap();
    let l = only(&b);
    let f = &l.figures;
    assert_eq!(f.quotes, 2);
    assert_eq!(plain(f.low).as_deref(), Some("44000.00"));
    assert_eq!(plain(f.mid).as_deref(), Some("49000.00"));
    assert_eq!(plain(f.high).as_deref(), Some("54000.00"));
    assert_eq!(f.markup_percent.text(), "15");
    assert_eq!(plain(f.estimate).as_deref(), Some("56350.00"));
    assert_eq!(plain(f.estimate_low).as_deref(), Some("50600.00"));
    assert_eq!(plain(f.estimate_high).as_deref(), Some("62100.00"));
    assert_eq!(f.budget.plain(), "61350.00");
    // Days: Q1 59 (Feb 28 + Mar 31), Q2 91, total 150:
    // 6135000 × 59 / 150 = 2413100 and 6135000 × 91 / 150 = 3721900, exact.
    assert_eq!(
        l.quarters.map(Money::plain),
        ["24131.00", "37219.00", "0.00", "0.00"]
    );
    assert_eq!(l.before, Money::ZERO);
    assert_eq!(l.after, Money::ZERO);
    assert_eq!(l.plan_year_budget.plain(), "61350.00");
    assert_eq!(b.totals.cxm.plain(), "61350.00");
    assert_eq!(
        b.totals.by_competency,
        vec![
            (Competency::Governance, Money::ZERO),
            (Competency::Measurement, money(61350)),
            (Competency::Design, Money::ZERO),
            (Competency::Culture, Money::ZERO),
        ]
    );

    let json: serde_json::Value = serde_json::to_value(&b).unwrap();
    let i = &json["initiatives"][0];
    for (k, v) in [
        ("id", "rnps-2027"),
        ("competency", "measurement"),
        ("area", "cxm"),
        ("department", "sales"),
        ("status", "planned"),
        ("low", "44000.00"),
        ("mid", "49000.00"),
        ("high", "54000.00"),
        ("markup_percent", "15"),
        ("estimate", "56350.00"),
        ("estimate_low", "50600.00"),
        ("estimate_high", "62100.00"),
        ("cost", "5000.00"),
        ("budget", "61350.00"),
        ("before", "0.00"),
        ("after", "0.00"),
        ("plan_year_budget", "61350.00"),
        ("start", "2027-02-01"),
    ] {
        assert_eq!(i[k], v, "{k}");
    }
    assert_eq!(i["quotes"], 2);
    assert_eq!(
        i["quarters"],
        serde_json::json!(["24131.00", "37219.00", "0.00", "0.00"])
    );
    assert_eq!(json["currency"], "PLN");
    assert_eq!(json["plan_year"], 2027);
    assert_eq!(json["totals"]["cxm"], "61350.00");
    assert_eq!(json["totals"]["by_competency"]["measurement"], "61350.00");
    assert_eq!(json["totals"]["by_competency"]["governance"], "0.00");
    assert_eq!(
        json["totals"]["by_quarter"],
        serde_json::json!(["24131.00", "37219.00", "0.00", "0.00"])
    );
}

#[test]
fn fx_rates_with_several_decimals() {
    let mut r = roadmap(vec![
        initiative(
            "a",
            Competency::Design,
            Area::Cxm,
            date(2027, 1, 1),
            date(2027, 12, 31),
        )
        .with(|i| {
            i.quotes = vec![
                Quote {
                    currency: sp("EUR".to_string()),
                    ..range(1000, 1001)
                },
                Quote {
                    currency: sp("PLN".to_string()),
                    ..amount(100)
                },
            ];
            i.markup_percent = sp(Decimal::ZERO);
        }),
    ]);
    r.fx = vec![FxRate {
        code: Sp::new("EUR".to_string(), Span::default()),
        rate: sp(Decimal(4_301_234)), // 4.301234
    }];
    let b = compute(&r, &opts(2027)).unwrap();
    let f = &only(&b).figures;
    // 1000 EUR = 4301.234 → 4301.23; 1001 EUR = 4305.535234 → 4305.54.
    assert_eq!(f.low, Some(Money(div_round(430_123 + 10_000, 2).unwrap())));
    assert_eq!(f.low.unwrap().plain(), "2200.62"); // (4301.23 + 100) / 2 = 2200.615 → .62
    assert_eq!(f.high.unwrap().plain(), "2202.77"); // (4305.54 + 100) / 2
    assert_eq!(f.estimate.unwrap().plain(), "2201.69"); // 880677 / 4 = 220169.25

    // A currency without a rate is an error value, not a panic.
    r.fx.clear();
    assert!(matches!(
        compute(&r, &opts(2027)),
        Err(BudgetError::UnknownCurrency { ref code, .. }) if code == "EUR"
    ));
    // A rate written without a value (failed to load) counts as no rate.
    r.fx = vec![FxRate {
        code: Sp::new("EUR".to_string(), Span::default()),
        rate: None,
    }];
    assert!(compute(&r, &opts(2027)).is_err());
}

#[test]
fn quote_in_roadmap_currency_is_not_converted() {
    let mut r = roadmap(vec![
        initiative(
            "a",
            Competency::Design,
            Area::Cxm,
            date(2027, 1, 1),
            date(2027, 1, 1),
        )
        .with(|i| {
            i.quotes = vec![Quote {
                currency: sp("EUR".to_string()),
                ..amount(100)
            }];
        }),
    ]);
    r.meta.currency = sp("EUR".to_string());
    let b = compute(&r, &opts(2027)).unwrap();
    assert_eq!(only(&b).figures.low, Some(money(100)));
}

#[test]
fn year_crossing_initiative() {
    // 2026-12-01 .. 2028-01-31: 31 days before, 365 in 2027, 31 after.
    let r = roadmap(vec![
        initiative(
            "x",
            Competency::Culture,
            Area::Cxm,
            date(2026, 12, 1),
            date(2028, 1, 31),
        )
        .with(|i| {
            i.cost = sp(money(4270));
        }),
    ]);
    let b = compute(&r, &opts(2027)).unwrap();
    let l = only(&b);
    assert_eq!(
        period_days(date(2026, 12, 1), date(2028, 1, 31), 2027),
        Some([31, 90, 91, 92, 92, 31])
    );
    // 427000 × 31 / 427 = 31000 exactly, and so on.
    assert_eq!(l.before, Money(31_000));
    assert_eq!(
        l.quarters,
        [Money(90_000), Money(91_000), Money(92_000), Money(92_000)]
    );
    assert_eq!(l.after, Money(31_000));
    assert_eq!(l.plan_year_budget, Money(365_000));
    assert_eq!(b.totals.cxm, Money(365_000));
    assert_eq!(b.totals.cxm_breakdown.before, Money(31_000));
}

#[test]
fn leap_year_has_a_longer_first_quarter() {
    assert_eq!(
        period_days(date(2028, 1, 1), date(2028, 12, 31), 2028),
        Some([0, 91, 91, 92, 92, 0])
    );
    assert_eq!(
        period_days(date(2027, 1, 1), date(2027, 12, 31), 2027),
        Some([0, 90, 91, 92, 92, 0])
    );
    let r = roadmap(vec![
        initiative(
            "x",
            Competency::Culture,
            Area::Cxm,
            date(2028, 1, 1),
            date(2028, 12, 31),
        )
        .with(|i| {
            i.cost = sp(Money(366));
        }),
    ]);
    let b = compute(&r, &opts(2028)).unwrap();
    assert_eq!(
        only(&b).quarters,
        [Money(91), Money(91), Money(92), Money(92)]
    );
    // Feb 29 exists in 2028.
    let r = roadmap(vec![
        initiative(
            "y",
            Competency::Culture,
            Area::Cxm,
            date(2028, 2, 29),
            date(2028, 2, 29),
        )
        .with(|i| {
            i.cost = sp(money(10));
        }),
    ]);
    let b = compute(&r, &opts(2028)).unwrap();
    assert_eq!(only(&b).quarters[0], money(10));
}

#[test]
fn one_day_initiative() {
    let r = roadmap(vec![
        initiative(
            "d",
            Competency::Governance,
            Area::Cxm,
            date(2027, 9, 30),
            date(2027, 9, 30),
        )
        .with(|i| {
            i.cost = sp(Money(12_345));
        }),
    ]);
    let b = compute(&r, &opts(2027)).unwrap();
    assert_eq!(
        only(&b).quarters,
        [Money(0), Money(0), Money(12_345), Money(0)]
    );
    // A day just outside the plan year is not in the plan.
    let r = roadmap(vec![initiative(
        "e",
        Competency::Governance,
        Area::Cxm,
        date(2026, 12, 31),
        date(2026, 12, 31),
    )]);
    assert!(compute(&r, &opts(2027)).unwrap().initiatives.is_empty());
}

#[test]
fn zero_cost_and_no_quotes() {
    let r = roadmap(vec![
        initiative(
            "z",
            Competency::Design,
            Area::Cxm,
            date(2027, 1, 1),
            date(2027, 3, 31),
        )
        .with(|i| {
            i.cost = sp(Money::ZERO);
        }),
    ]);
    let b = compute(&r, &opts(2027)).unwrap();
    let l = only(&b);
    assert_eq!(l.figures.quotes, 0);
    assert_eq!(l.figures.low, None);
    assert_eq!(l.figures.estimate, None);
    assert_eq!(l.figures.cost, Some(Money::ZERO));
    assert_eq!(l.figures.budget, Money::ZERO);
    assert_eq!(l.quarters, [Money::ZERO; 4]);
    let json = serde_json::to_value(&b).unwrap();
    let i = &json["initiatives"][0];
    for k in [
        "low",
        "mid",
        "high",
        "estimate",
        "estimate_low",
        "estimate_high",
    ] {
        assert!(i[k].is_null(), "{k}");
    }
    assert_eq!(i["cost"], "0.00");
    assert_eq!(i["budget"], "0.00");

    // No cost and no quotes: budget 0, cost null.
    let r = roadmap(vec![initiative(
        "n",
        Competency::Design,
        Area::Cxm,
        date(2027, 1, 1),
        date(2027, 3, 31),
    )]);
    let b = compute(&r, &opts(2027)).unwrap();
    assert_eq!(only(&b).figures.cost, None);
    assert_eq!(only(&b).figures.budget, Money::ZERO);
}

#[test]
fn single_amount_quote() {
    let r = roadmap(vec![
        initiative(
            "s",
            Competency::Design,
            Area::Cxm,
            date(2027, 1, 1),
            date(2027, 12, 31),
        )
        .with(|i| {
            i.quotes = vec![amount(1000)];
            i.markup_percent = sp(Decimal(12_500_000));
        }),
    ]);
    let b = compute(&r, &opts(2027)).unwrap();
    let f = &only(&b).figures;
    assert_eq!(
        (f.low, f.mid, f.high),
        (Some(money(1000)), Some(money(1000)), Some(money(1000)))
    );
    assert_eq!(f.estimate, Some(money(1125)));
    assert_eq!(f.estimate_low, f.estimate);
    assert_eq!(f.estimate_high, f.estimate);
}

#[test]
fn default_markup_and_exact_rounding() {
    // S_min + S_max = 1 + 2 minor, n = 2: estimate = 3 × 112.5 / 400 = 0.84375 → 1.
    let r = roadmap(vec![
        initiative(
            "r",
            Competency::Design,
            Area::Cxm,
            date(2027, 1, 1),
            date(2027, 12, 31),
        )
        .with(|i| {
            i.quotes = vec![
                Quote {
                    min: sp(Money(1)),
                    max: sp(Money(2)),
                    ..Quote::default()
                },
                Quote {
                    amount: sp(Money(0)),
                    ..Quote::default()
                },
            ];
        }),
    ]);
    let b = compute(&r, &opts(2027)).unwrap();
    let f = &only(&b).figures;
    assert_eq!(f.markup_percent, DEFAULT_MARKUP_FOR_TEST);
    assert_eq!(f.low, Some(Money(1))); // 0.5 → 1
    assert_eq!(f.mid, Some(Money(1))); // 3/4
    assert_eq!(f.high, Some(Money(1)));
    assert_eq!(f.estimate, Some(Money(1)));
    assert_eq!(f.estimate_low, Some(Money(1))); // 1 × 112.5 / 200 = 0.5625
    assert_eq!(f.estimate_high, Some(Money(1))); // 2 × 112.5 / 200 = 1.125
}

const DEFAULT_MARKUP_FOR_TEST: Decimal = crate::roadmap::DEFAULT_MARKUP;

#[test]
fn central_training_is_spread_evenly() {
    let mut r = roadmap(vec![]);
    r.training = vec![
        Training {
            id: sp("c".to_string()),
            title: sp("Central".to_string()),
            competency: sp(Competency::Culture),
            cost_per_person: sp(Money(1001)),
            funding: sp(Funding::Central),
            needs: vec![need("sales", 2), need("care", 1)],
            ..Training::default()
        },
        Training {
            id: sp("voc-analysis".to_string()),
            competency: sp(Competency::Measurement),
            cost_per_person: sp(money(1200)),
            funding: sp(Funding::Department),
            needs: vec![need("sales", 10), need("care", 25)],
            ..Training::default()
        },
    ];
    let b = compute(&r, &opts(2027)).unwrap();
    let c = &b.training[0];
    assert_eq!(c.people, 3);
    assert_eq!(c.cost, Money(3003));
    // 3003 = 4 × 750 + 3: the first three quarters get one more.
    assert_eq!(
        c.quarters,
        Some([Money(751), Money(751), Money(751), Money(750)])
    );
    assert_eq!(b.totals.cxm, Money(3003));
    assert_eq!(
        b.totals.by_quarter,
        [Money(751), Money(751), Money(751), Money(750)]
    );
    assert_eq!(
        b.totals.by_competency[3],
        (Competency::Culture, Money(3003))
    );

    let d = &b.training[1];
    assert_eq!(d.people, 35);
    assert_eq!(d.cost, money(42000));
    assert_eq!(d.quarters, None);
    assert_eq!(
        b.totals.departments,
        vec![
            ("sales".to_string(), money(12000)),
            ("care".to_string(), money(30000))
        ]
    );
    let json = serde_json::to_value(&b).unwrap();
    assert_eq!(json["training"][1]["cost"], "42000.00");
    assert_eq!(json["training"][1]["people"], 35);
    assert_eq!(json["training"][1]["funding"], "department");
    assert_eq!(json["totals"]["departments"]["care"], "30000.00");
}

#[test]
fn cx_work_goes_to_its_department_and_ideas_to_the_backlog() {
    let cx = initiative(
        "cx1",
        Competency::Design,
        Area::Cx,
        date(2027, 1, 1),
        date(2027, 3, 31),
    )
    .with(|i| {
        i.department = sp("care".to_string());
        i.cost = sp(money(100));
    });
    let idea = Initiative {
        status: sp(Status::Idea),
        ..initiative(
            "idea1",
            Competency::Design,
            Area::Cxm,
            date(2027, 1, 1),
            date(2027, 3, 31),
        )
    }
    .with(|i| {
        i.start = None;
        i.end = None;
        i.quotes = vec![amount(200)];
    });
    let on_hold = Initiative {
        status: sp(Status::OnHold),
        ..initiative(
            "held",
            Competency::Design,
            Area::Cxm,
            date(2027, 1, 1),
            date(2027, 3, 31),
        )
    }
    .with(|i| {
        i.cost = sp(money(7));
    });
    let broken = Initiative {
        competency: None,
        ..initiative(
            "broken",
            Competency::Design,
            Area::Cxm,
            date(2027, 1, 1),
            date(2027, 3, 31),
        )
    }
    .with(|i| {
        i.cost = sp(money(9));
    });
    let b = compute(
        &roadmap(vec![cx, idea, on_hold, broken, rnps()]),
        &opts(2027),
    )
    .unwrap();
    assert_eq!(b.initiatives.len(), 2);
    assert_eq!(b.totals.cxm, money(61350));
    assert_eq!(b.totals.departments, vec![("care".to_string(), money(100))]);
    assert_eq!(b.departments[0].lines[0].id, "cx1");
    assert_eq!(b.backlog.len(), 1);
    assert_eq!(b.backlog[0].figures.budget, Money(22_500)); // 200 × 1.125
}

#[test]
fn internal_time_is_shown_apart() {
    let mut r = roadmap(vec![rnps().with(|i| {
        i.effort_days = sp(Decimal(2_500_000)); // 2.5 days
        i.owner = sp("ak".to_string());
    })]);
    let b = compute(&r, &opts(2027)).unwrap();
    assert_eq!(only(&b).header.internal_cost, None);
    assert_eq!(b.totals.internal_time, None);
    r.meta.day_rate = sp(Money(90_001));
    let b = compute(&r, &opts(2027)).unwrap();
    // Not a team member's work: none of the team's day rate.
    assert_eq!(only(&b).header.internal_cost, None);
    r.team = vec![crate::roadmap::Member {
        id: sp("ak".to_string()),
        ..crate::roadmap::Member::default()
    }];
    let b = compute(&r, &opts(2027)).unwrap();
    // 900.01 × 2.5 = 2250.025 → 2250.03
    assert_eq!(only(&b).header.internal_cost, Some(Money(225_003)));
    assert_eq!(b.totals.internal_time, Some(Money(225_003)));
    assert_eq!(b.totals.cxm, money(61350));
}

#[test]
fn internal_time_counts_the_plan_year_share_of_effort() {
    // 2026-12-02 → 2027-01-30: 30 of 60 days in 2027; 3 days → 1.5 in 2027.
    let mut r = roadmap(vec![rnps().with(|i| {
        i.effort_days = sp(Decimal(3_000_000));
        i.owner = sp("ak".to_string());
        i.start = sp(date(2026, 12, 2));
        i.end = sp(date(2027, 1, 30));
    })]);
    r.team = vec![crate::roadmap::Member {
        id: sp("ak".to_string()),
        ..crate::roadmap::Member::default()
    }];
    r.meta.day_rate = sp(Money(100_001));
    let b = compute(&r, &opts(2027)).unwrap();
    // 1000.01 × 1.5 = 1500.015 → 1500.02, rounded once.
    assert_eq!(only(&b).header.internal_cost, Some(Money(150_002)));
}

#[test]
fn overflow_is_an_error_not_a_panic() {
    let huge = Quote {
        amount: sp(Money(i128::MAX / 2)),
        ..Quote::default()
    };
    let r = roadmap(vec![rnps().with(|i| {
        i.quotes = vec![huge.clone(), huge.clone(), huge];
    })]);
    assert!(matches!(
        compute(&r, &opts(2027)),
        Err(BudgetError::Overflow { .. })
    ));
    let incomplete = roadmap(vec![rnps().with(|i| {
        i.quotes = vec![Quote::default()];
    })]);
    assert!(matches!(
        compute(&incomplete, &opts(2027)),
        Err(BudgetError::IncompleteQuote { .. })
    ));
    assert!(matches!(
        compute(
            &roadmap(vec![]),
            &BudgetOptions {
                plan_year: i32::MAX,
                as_of: date(2026, 1, 1)
            }
        ),
        Err(BudgetError::PlanYear { .. })
    ));
}

#[test]
fn in_plan_rules() {
    let mut i = rnps();
    assert!(in_plan(&i, 2027));
    assert!(!in_plan(&i, 2026));
    assert!(!in_plan(&i, 2028));
    i.status = sp(Status::InProgress);
    assert!(in_plan(&i, 2027));
    for s in [
        Status::Idea,
        Status::OnHold,
        Status::Done,
        Status::Cancelled,
    ] {
        i.status = sp(s);
        assert!(!in_plan(&i, 2027), "{s:?}");
    }
    i.status = sp(Status::Planned);
    i.end = None;
    assert!(!in_plan(&i, 2027));
    i.end = sp(date(2027, 1, 1)); // before start
    assert!(!in_plan(&i, 2027));
}

#[test]
fn allocate_examples() {
    // Ties go to the earlier period.
    assert_eq!(
        allocate(Money(2), &[1, 1, 1, 1]),
        vec![Money(1), Money(1), Money(0), Money(0)]
    );
    assert_eq!(allocate(Money(10), &[0, 0]), vec![Money(5), Money(5)]);
    assert_eq!(allocate(Money(-7), &[1, 1]), vec![Money(-4), Money(-3)]);
    assert_eq!(allocate(Money(5), &[]), vec![]);
    assert_eq!(allocate(Money(5), &[-3, 1]), vec![Money(0), Money(5)]);
    // Exact even where total × weight would not fit in i128.
    let big = allocate(Money(i128::MAX), &[i128::MAX, i128::MAX, 1]);
    assert_eq!(Money::sum(big.iter().copied()), Some(Money(i128::MAX)));
    assert_eq!(
        allocate(Money(i128::MIN), &[1, 1]),
        vec![Money(i128::MIN / 2), Money(i128::MIN / 2)]
    );
}

proptest! {
    #[test]
    fn allocate_sums_and_is_fair(
        total in -(10i128.pow(17))..10i128.pow(17),
        weights in proptest::collection::vec(0i128..5_000, 1..8),
    ) {
        let parts = allocate(Money(total), &weights);
        prop_assert_eq!(parts.len(), weights.len());
        prop_assert_eq!(Money::sum(parts.iter().copied()), Some(Money(total)));
        let sum: i128 = weights.iter().sum();
        for (p, w) in parts.iter().zip(&weights) {
            // |part × Σw − total × w| < Σw (within one minor unit of the exact share).
            let (num, den) = if sum == 0 { (total, weights.len() as i128) } else { (total * w, sum) };
            prop_assert!((p.0 * den - num).abs() < den, "{:?} {:?}", parts, weights);
        }
    }

    #[test]
    fn totals_foot_and_estimates_are_ordered(
        specs in proptest::collection::vec(
            (0usize..4, any::<bool>(), 0i128..1_000_000_000, 0i128..1_000_000_000, 0usize..4,
             0i64..800, 0i64..400, 0i128..100_000_000, 0i128..100_000_000),
            0..8),
    ) {
        let inis: Vec<Initiative> = specs.iter().enumerate().map(|(k, s)| {
            let (c, cxm, a, b, nq, off, len, cost, markup) = *s;
            let start = date(2026, 6, 1) + chrono::Duration::days(off);
            let q = Quote { min: sp(Money(a.min(b))), max: sp(Money(a.max(b))), ..Quote::default() };
            initiative(&format!("i{k}"), Competency::ALL[c],
                    if cxm { Area::Cxm } else { Area::Cx }, start, start + chrono::Duration::days(len)).with(|i| { i.department = sp(format!("d{}", k % 3)); i.quotes = vec![q; nq]; i.cost = sp(Money(cost)); i.markup_percent = sp(Decimal(markup)); })
        }).collect();
        let b = compute(&roadmap(inis), &opts(2027)).unwrap();
        let mut cxm = Money::ZERO;
        let mut quarters = [Money::ZERO; 4];
        for l in &b.initiatives {
            let f = &l.figures;
            if let (Some(lo), Some(e), Some(hi)) = (f.estimate_low, f.estimate, f.estimate_high) {
                prop_assert!(lo <= e && e <= hi);
                prop_assert!(f.low <= f.mid && f.mid <= f.high);
            }
            prop_assert_eq!(
                Money::sum([l.before, l.after].into_iter().chain(l.quarters)),
                Some(f.budget)
            );
            if l.header.area == Area::Cxm {
                cxm = cxm.checked_add(l.plan_year_budget).unwrap();
                for (t, q) in quarters.iter_mut().zip(l.quarters) {
                    *t = t.checked_add(q).unwrap();
                }
            }
        }
        prop_assert_eq!(b.totals.cxm, cxm);
        prop_assert_eq!(b.totals.by_quarter, quarters);
        prop_assert_eq!(Money::sum(b.totals.by_quarter), Some(b.totals.cxm));
        prop_assert_eq!(Money::sum(b.totals.by_competency.iter().map(|c| c.1)), Some(b.totals.cxm));
        let depts: Vec<Money> = b.departments.iter().map(|d| Money::sum(d.lines.iter().map(|l| l.amount)).unwrap()).collect();
        prop_assert_eq!(depts, b.totals.departments.iter().map(|d| d.1).collect::<Vec<_>>());
    }

    #[test]
    fn allocate_always_sums(
        total in any::<i128>(),
        weights in proptest::collection::vec(any::<i128>(), 1..6),
    ) {
        let parts = allocate(Money(total), &weights);
        prop_assert_eq!(parts.len(), weights.len());
        let sum = parts.iter().try_fold(0i128, |a, p| a.checked_add(p.0));
        prop_assert_eq!(sum, Some(total));
    }

    /// Any amounts the loader accepts, any dates and plan years: a budget
    /// or an error value, never a panic, and what comes out foots.
    #[test]
    fn never_panics(
        specs in proptest::collection::vec(
            (0i128..=crate::money::MAX_MINOR, 0i128..=crate::money::MAX_MINOR, 0usize..6,
             -100_000i32..100_000, 0i64..80_000_000, 0i128..=100_000_000,
             0i128..=crate::money::MAX_MINOR, 0i128..1_000_000_000_000),
            0..5),
        year in -200_000i32..200_000,
        rate in 0i128..1_000_000_000_000,
        day_rate in 0i128..=crate::money::MAX_MINOR,
    ) {
        let inis: Vec<Initiative> = specs.iter().enumerate().map(|(k, s)| {
            let (a, b, nq, y, len, markup, cost, effort) = *s;
            let start = NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
            let end = start.checked_add_signed(chrono::Duration::days(len)).unwrap_or(start);
            let q = Quote {
                min: sp(Money(a.min(b))),
                max: sp(Money(a.max(b))),
                currency: if k % 2 == 0 { sp("USD".to_string()) } else { None },
                ..Quote::default()
            };
            initiative(&format!("i{k}"), Competency::ALL[k % 4], Area::Cxm, start, end).with(|i| { i.quotes = vec![q; nq]; i.cost = sp(Money(cost)); i.markup_percent = sp(Decimal(markup)); i.effort_days = sp(Decimal(effort)); })
        }).collect();
        let mut r = roadmap(inis);
        r.fx = vec![FxRate { code: Sp::new("USD".to_string(), Span::default()), rate: sp(Decimal(rate)) }];
        r.meta.day_rate = sp(Money(day_rate));
        let o = BudgetOptions { plan_year: year, as_of: date(2026, 1, 1) };
        match compute(&r, &o) {
            Ok(b) => {
                for l in &b.initiatives {
                    prop_assert_eq!(
                        Money::sum([l.before, l.after].into_iter().chain(l.quarters)),
                        Some(l.figures.budget)
                    );
                }
                prop_assert_eq!(Money::sum(b.totals.by_quarter), Some(b.totals.cxm));
            }
            Err(BudgetError::Overflow { .. }) => {}
            Err(e) => prop_assert!(false, "unexpected {e:?}"),
        }
    }
}

proptest! {
    /// The bit-by-bit division agrees with plain arithmetic wherever the
    /// product fits, so the fast path and the wide one give the same.
    #[test]
    fn wide_division_agrees_with_plain(d in 1u128..=u128::from(u64::MAX), a_frac in 0.0f64..1.0, b_frac in 0.0f64..=1.0) {
        let a = ((d as f64 * a_frac) as u128).min(d - 1);
        let b = ((d as f64 * b_frac) as u128).min(d);
        let p = a * b;
        prop_assert_eq!(mul_div_rem_wide(a, b, d), (p / d, p % d));
    }
}

/// A spend entry of `minor` units in the roadmap's currency on `d`.
fn spend(d: NaiveDate, minor: i128) -> crate::roadmap::Spend {
    crate::roadmap::Spend {
        date: sp(d),
        amount: sp(Money(minor)),
        ..crate::roadmap::Spend::default()
    }
}

#[test]
fn the_issues_running_work_plans_what_remains() {
    // tnps-szkody: 24 000 budget, 17 800 spent as of 2026-12-01; the 6 200
    // left over 2026-12-02..2027-02-28 (30 days before 2027, 59 in Q1).
    let ini = Initiative {
        status: sp(Status::InProgress),
        ..initiative(
            "tnps-szkody",
            Competency::Measurement,
            Area::Cxm,
            date(2026, 6, 1),
            date(2027, 2, 28),
        )
    }
    .with(|i| {
        i.cost = sp(money(24_000));
        i.actual = sp(money(17_800));
    });
    let r = roadmap(vec![ini.clone()]);
    let c = cash(
        &ini,
        &r,
        Status::InProgress,
        Some(money(24_000)),
        (date(2026, 6, 1), date(2027, 2, 28)),
        2027,
        date(2026, 12, 1),
    )
    .unwrap();
    assert_eq!(c.parts[1], Money(411_011));
    assert_eq!(c.plan_year(), Money(411_011));
    assert_eq!(c.spent, money(17_800));
    assert_eq!(c.remaining, money(6_200));
}

#[test]
fn cancelled_and_on_hold_count_their_spending_only() {
    for status in [Status::Cancelled, Status::OnHold] {
        let ini = Initiative {
            status: sp(status),
            ..initiative(
                "x",
                Competency::Design,
                Area::Cxm,
                date(2027, 1, 4),
                date(2027, 9, 30),
            )
        }
        .with(|i| {
            i.cost = sp(money(10_000));
            i.spend = vec![spend(date(2027, 2, 10), 300_000)];
        });
        let b = compute(
            &roadmap(vec![ini]),
            &BudgetOptions {
                plan_year: 2027,
                as_of: date(2027, 6, 1),
            },
        )
        .unwrap();
        let l = &b.initiatives[0];
        assert_eq!(
            l.quarters,
            [money(3_000), Money::ZERO, Money::ZERO, Money::ZERO]
        );
        assert_eq!(l.remaining, Money::ZERO);
    }
}

/// An initiative from generated figures: dates from offsets around
/// 2027-01-01, `actual` in minor units or spend entries at day offsets.
fn generated(
    status: Status,
    (start_off, len): (i64, i64),
    cost: i128,
    actual: Option<i128>,
    entries: &[(i64, i128)],
) -> Initiative {
    let base = date(2027, 1, 1);
    let start = base + chrono::Duration::days(start_off);
    Initiative {
        status: sp(status),
        ..initiative(
            "g",
            Competency::Measurement,
            Area::Cxm,
            start,
            start + chrono::Duration::days(len),
        )
    }
    .with(|i| {
        i.cost = sp(Money(cost));
        i.actual = actual.map(Money).and_then(sp);
        i.spend = entries
            .iter()
            .map(|&(off, a)| spend(base + chrono::Duration::days(off), a))
            .collect();
    })
}

proptest! {
    /// Running work's cash: its parts are never negative and sum to
    /// `max(budget, actual)`, whether the actual is written or comes from
    /// spend entries (those after as_of left out), wherever as_of falls.
    #[test]
    fn running_cash_sums_to_the_larger_of_budget_and_actual(
        dates in (-800i64..800, 0i64..900),
        as_of_off in -900i64..900,
        cost in 0i128..10_000_000_000,
        actual in proptest::option::of(0i128..10_000_000_000),
        entries in proptest::collection::vec((-900i64..900, 0i128..1_000_000_000), 0..6),
        use_entries in any::<bool>(),
    ) {
        let entries = if use_entries { entries } else { Vec::new() };
        let actual = if use_entries { None } else { actual };
        let ini = generated(Status::InProgress, dates, cost, actual, &entries);
        let r = roadmap(vec![ini.clone()]);
        let as_of = date(2027, 1, 1) + chrono::Duration::days(as_of_off);
        let (s, e) = (ini.start.as_ref().unwrap().value, ini.end.as_ref().unwrap().value);
        let c = cash(&ini, &r, Status::InProgress, Some(Money(cost)), (s, e), 2027, as_of).unwrap();
        let spent = super::actual(&ini, &r, as_of).unwrap().unwrap_or(Money::ZERO);
        prop_assert!(c.parts.iter().all(|p| *p >= Money::ZERO), "{:?}", c.parts);
        prop_assert_eq!(Money::sum(c.parts), Some(Money(cost).max(spent)));
        prop_assert_eq!(c.spent.checked_add(c.remaining), Some(Money(cost).max(spent)));
    }

    /// Spend entries all after as_of: the actual is 0, not absent, and the
    /// whole budget remains.
    #[test]
    fn all_future_spending_gives_actual_zero(
        entries in proptest::collection::vec((1i64..900, 0i128..1_000_000_000), 1..6),
        cost in 0i128..10_000_000_000,
    ) {
        let ini = generated(Status::InProgress, (-100, 400), cost, None, &entries);
        let r = roadmap(vec![ini.clone()]);
        let as_of = date(2027, 1, 1);
        prop_assert_eq!(super::actual(&ini, &r, as_of).unwrap(), Some(Money::ZERO));
        let (s, e) = (ini.start.as_ref().unwrap().value, ini.end.as_ref().unwrap().value);
        let c = cash(&ini, &r, Status::InProgress, Some(Money(cost)), (s, e), 2027, as_of).unwrap();
        prop_assert_eq!(c.remaining, Money(cost));
        prop_assert_eq!(Money::sum(c.parts), Some(Money(cost)));
    }

    /// Planned work: its budget over its days, whatever it says it spent.
    #[test]
    fn planned_cash_sums_to_the_budget(
        dates in (-800i64..800, 0i64..900),
        as_of_off in -900i64..900,
        cost in 0i128..10_000_000_000,
        actual in proptest::option::of(0i128..10_000_000_000),
    ) {
        let ini = generated(Status::Planned, dates, cost, actual, &[]);
        let r = roadmap(vec![ini.clone()]);
        let as_of = date(2027, 1, 1) + chrono::Duration::days(as_of_off);
        let (s, e) = (ini.start.as_ref().unwrap().value, ini.end.as_ref().unwrap().value);
        let c = cash(&ini, &r, Status::Planned, Some(Money(cost)), (s, e), 2027, as_of).unwrap();
        prop_assert!(c.parts.iter().all(|p| *p >= Money::ZERO));
        prop_assert_eq!(Money::sum(c.parts), Some(Money(cost)));
    }

    /// Finished work: its parts sum to what it spent, or to its budget when
    /// it is done without an actual; never negative.
    #[test]
    fn finished_cash_is_the_spent_part(
        status in prop_oneof![Just(Status::Done), Just(Status::Cancelled), Just(Status::OnHold)],
        dates in (-800i64..800, 0i64..900),
        as_of_off in -900i64..900,
        cost in 0i128..10_000_000_000,
        actual in proptest::option::of(0i128..10_000_000_000),
    ) {
        let ini = generated(status, dates, cost, actual, &[]);
        let r = roadmap(vec![ini.clone()]);
        let as_of = date(2027, 1, 1) + chrono::Duration::days(as_of_off);
        let (s, e) = (ini.start.as_ref().unwrap().value, ini.end.as_ref().unwrap().value);
        let c = cash(&ini, &r, status, Some(Money(cost)), (s, e), 2027, as_of).unwrap();
        let expected = match (actual, status) {
            (Some(a), _) => Money(a),
            (None, Status::Done) => Money(cost),
            (None, _) => Money::ZERO,
        };
        prop_assert!(c.parts.iter().all(|p| *p >= Money::ZERO));
        prop_assert_eq!(Money::sum(c.parts), Some(expected));
        prop_assert_eq!(c.remaining, Money::ZERO);
    }
}

#[test]
fn work_without_a_price_counts_nothing_even_when_it_spent() {
    // SPEC section 4: no quotes and no cost count 0 in every sum.
    let ini = Initiative {
        status: sp(Status::InProgress),
        ..initiative(
            "unpriced",
            Competency::Culture,
            Area::Cxm,
            date(2026, 10, 1),
            date(2027, 3, 31),
        )
    }
    .with(|i| {
        i.actual = sp(money(5_000));
    });
    let r = roadmap(vec![ini.clone()]);
    let c = cash(
        &ini,
        &r,
        Status::InProgress,
        None,
        (date(2026, 10, 1), date(2027, 3, 31)),
        2027,
        date(2026, 11, 15),
    )
    .unwrap();
    assert_eq!(c.parts, [Money::ZERO; 6]);
    assert_eq!(c.actual, Some(money(5_000)));
}
