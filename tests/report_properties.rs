//! Properties of the reports on generated roadmaps of every shape: statuses,
//! areas, dates across the year boundaries, priorities or none, caps and
//! capacities or none, quotes in two currencies. Every report renders in
//! every format and language without a panic, and the figures foot: the
//! plan's running sums end at its totals, the CXM total equals its
//! competencies and its quarters, the plan and the budget agree, and every
//! inventory totals row foots.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use chrono::NaiveDate;
use cxm::money::Money;
use cxm::pipeline::{self, Overrides};
use cxm::render::{Format, RenderOptions};
use cxm::roadmap::{Area, Language};
use proptest::prelude::*;

#[derive(Debug, Clone)]
struct Ini {
    competency: usize,
    cx: bool,
    status: usize,
    priority: Option<u8>,
    start: (i32, u32),
    months: u32,
    effort: Option<u16>,
    cost: Option<u32>,
    quotes: Vec<(u32, u32, bool)>,
    /// What was spent, when known.
    actual: Option<u32>,
    /// Owned by the team member, or by nobody (a department's own work).
    owned: bool,
}

const COMPETENCIES: [&str; 4] = ["governance", "measurement", "design", "culture"];
const STATUSES: [&str; 6] = [
    "idea",
    "planned",
    "in-progress",
    "on-hold",
    "done",
    "cancelled",
];

fn ini() -> impl Strategy<Value = Ini> {
    (
        0usize..4,
        any::<bool>(),
        0usize..6,
        proptest::option::of(1u8..5),
        (2025i32..=2028, 1u32..=12),
        0u32..20,
        proptest::option::of(0u16..200),
        proptest::option::of(0u32..100_000),
        prop::collection::vec((0u32..200_000, 0u32..50_000, any::<bool>()), 0..3),
        (proptest::option::of(0u32..150_000), any::<bool>()),
    )
        .prop_map(
            |(
                competency,
                cx,
                status,
                priority,
                start,
                months,
                effort,
                cost,
                quotes,
                (actual, owned),
            )| Ini {
                competency,
                cx,
                status,
                priority,
                start,
                months,
                effort,
                cost,
                quotes,
                actual,
                owned,
            },
        )
}

fn text(inis: &[Ini], cap: Option<u32>, capacity: Option<u16>) -> String {
    let mut s = String::from(
        "[roadmap]\nplan_year = 2027\nas_of = 2026-11-15\nmarkup_percent = 12.5\nday_rate = 700\n",
    );
    if let Some(c) = cap {
        s.push_str(&format!("budget_cap = {c}\n"));
    }
    s.push_str("\n[fx]\nEUR = 4.3012\n\n[[team]]\nid = \"ak\"\nname = \"Anna\"\n");
    if let Some(c) = capacity {
        s.push_str(&format!("capacity_days = {c}\n"));
    }
    s.push_str("\n[[departments]]\nid = \"care\"\nname = \"Care\"\n\n");
    for (i, x) in inis.iter().enumerate() {
        let (y, m) = x.start;
        let end_total = (y * 12 + m as i32 - 1) + x.months as i32;
        let (ey, em) = (end_total / 12, end_total % 12 + 1);
        s.push_str(&format!(
            "[[initiatives]]\nid = \"i{i}\"\ntitle = \"=Initiative {i}\"\ncompetency = \"{}\"\n\
             area = \"{}\"\nstatus = \"{}\"\nstart = {y}-{m:02}-01\nend = {ey}-{em:02}-28\n",
            COMPETENCIES[x.competency],
            if x.cx { "cx" } else { "cxm" },
            STATUSES[x.status],
        ));
        if x.owned {
            s.push_str("owner = \"ak\"\n");
        }
        if let Some(a) = x.actual {
            s.push_str(&format!("actual = {a}.35\n"));
        }
        if x.cx {
            s.push_str("department = \"care\"\n");
        }
        if let Some(p) = x.priority {
            s.push_str(&format!("priority = {p}\n"));
        }
        if let Some(e) = x.effort {
            s.push_str(&format!("effort_days = {e}.5\n"));
        }
        if let Some(c) = x.cost {
            s.push_str(&format!("cost = {c}.07\n"));
        }
        for (lo, span, eur) in &x.quotes {
            s.push_str(&format!(
                "\n  [[initiatives.quotes]]\n  min = {lo}.01\n  max = {}.99\n",
                lo + span
            ));
            if *eur {
                s.push_str("  currency = \"EUR\"\n");
            }
        }
        s.push('\n');
    }
    s.push_str(
        "[[training]]\nid = \"t\"\ncompetency = \"design\"\ncost_per_person = 333.33\n\
         funding = \"central\"\nneeds = { care = 7 }\n",
    );
    s
}

fn cents(s: &serde_json::Value) -> i128 {
    s.as_str().unwrap().replace('.', "").parse().unwrap()
}

fn all_options() -> Vec<RenderOptions> {
    let mut v = Vec::new();
    for format in [Format::Table, Format::Csv, Format::Json, Format::Markdown] {
        for lang in [Language::En, Language::Pl] {
            v.push(RenderOptions {
                format,
                lang,
                color: lang == Language::Pl,
                excel: lang == Language::Pl,
                // A narrow terminal's layout must hold up on any roadmap too.
                width: (lang == Language::Pl).then_some(60),
            });
        }
    }
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Every inventory totals row foots (SPEC section 6, rev. 2):
    /// `remaining = budget − actual` over the same initiatives; the
    /// competencies add up to the total; the total and the two lines of
    /// what it could not take account for every listed budget and actual.
    #[test]
    fn inventory_totals_foot(
        inis in prop::collection::vec(ini(), 0..12),
        as_of in prop::sample::select(vec![(2026, 11, 15), (2027, 6, 30), (2025, 12, 31)]),
    ) {
        let text = text(&inis, None, None);
        let as_of = NaiveDate::from_ymd_opt(as_of.0, as_of.1, as_of.2);
        let checked = pipeline::run("gen.toml", text.into_bytes(), &Overrides { as_of, year: None, scenario: None });
        let data_errors: Vec<_> = checked.findings.iter().filter(|f| f.is_data_error()).collect();
        prop_assert!(data_errors.is_empty(), "{data_errors:?}");
        let budget = checked.budget.as_ref().expect("a budget");
        let inv = cxm::inventory::build(&checked.roadmap, checked.as_of, budget).unwrap();
        let t = &inv.totals;
        for s in inv.competencies.iter().chain(std::iter::once(t)) {
            prop_assert_eq!(s.remaining.0, s.budget.0 - s.actual.0);
            prop_assert!(
                s.initiatives + s.budget_without_actual.initiatives
                    + s.actual_without_budget.initiatives <= s.listed
            );
        }
        // The competencies add up to the total, row by row.
        let sum = |f: &dyn Fn(&cxm::inventory::Subtotal) -> i128| -> i128 {
            inv.competencies.iter().map(f).sum()
        };
        prop_assert_eq!(sum(&|s| s.budget.0), t.budget.0);
        prop_assert_eq!(sum(&|s| s.actual.0), t.actual.0);
        prop_assert_eq!(sum(&|s| s.remaining.0), t.remaining.0);
        prop_assert_eq!(sum(&|s| s.initiatives as i128), t.initiatives as i128);
        prop_assert_eq!(sum(&|s| s.listed as i128), t.listed as i128);
        prop_assert_eq!(sum(&|s| s.budget_without_actual.budget.0), t.budget_without_actual.budget.0);
        prop_assert_eq!(sum(&|s| s.actual_without_budget.actual.0), t.actual_without_budget.actual.0);
        prop_assert_eq!(sum(&|s| s.effort_days.0), t.effort_days.0);
        // With the two lines beside it, the total accounts for every listed
        // initiative with a budget and every one with an actual.
        let lines = &inv.initiatives;
        prop_assert_eq!(t.listed, lines.len());
        let budgets: i128 = lines.iter().filter_map(|l| l.budget).map(|m| m.0).sum();
        let actuals: i128 = lines.iter().filter_map(|l| l.actual).map(|m| m.0).sum();
        prop_assert_eq!(t.budget.0 + t.budget_without_actual.budget.0, budgets);
        prop_assert_eq!(t.actual.0 + t.actual_without_budget.actual.0, actuals);
        let with_budget = lines.iter().filter(|l| l.budget.is_some()).count();
        let with_actual = lines.iter().filter(|l| l.actual.is_some()).count();
        prop_assert_eq!(t.initiatives + t.budget_without_actual.initiatives, with_budget);
        prop_assert_eq!(t.initiatives + t.actual_without_budget.initiatives, with_actual);
        let remaining: i128 = lines.iter().filter_map(|l| l.remaining).map(|m| m.0).sum();
        prop_assert_eq!(remaining, t.remaining.0);
        prop_assert_eq!(inv.budget_without_actual, t.budget_without_actual);
        prop_assert_eq!(inv.actual_without_budget, t.actual_without_budget);
        // Variance for done work, the share spent for running work.
        for l in lines {
            let done = l.status == cxm::roadmap::Status::Done;
            let running = matches!(l.status, cxm::roadmap::Status::InProgress | cxm::roadmap::Status::OnHold);
            prop_assert!(done || l.variance_percent.is_none());
            prop_assert!(running || l.spent_percent.is_none());
            if l.status == cxm::roadmap::Status::Cancelled {
                prop_assert!(l.missing.iter().all(|m| *m == cxm::inventory::Missing::Owner));
            }
        }
        // The JSON says the same.
        let json: serde_json::Value = serde_json::from_slice(&cxm::render::inventory::render(&inv, &RenderOptions {
            format: Format::Json, lang: Language::En, color: false, excel: false, width: None,
        }).unwrap()).unwrap();
        let tj = &json["totals"];
        prop_assert_eq!(cents(&tj["remaining"]), cents(&tj["budget"]) - cents(&tj["actual"]));
        prop_assert_eq!(cents(&json["budget_without_actual"]["budget"]) + cents(&tj["budget"]), budgets);
    }

    #[test]
    fn reports_render_and_foot(
        inis in prop::collection::vec(ini(), 0..12),
        cap in proptest::option::of(0u32..600_000),
        capacity in proptest::option::of(0u16..400),
    ) {
        let text = text(&inis, cap, capacity);
        let checked = pipeline::run("gen.toml", text.into_bytes(), &Overrides { as_of: NaiveDate::from_ymd_opt(2026, 11, 15), year: None, scenario: None });
        let data_errors: Vec<_> = checked.findings.iter().filter(|f| f.is_data_error()).collect();
        prop_assert!(data_errors.is_empty(), "{data_errors:?}");
        let budget = checked.budget.as_ref().expect("a budget");
        let plan = cxm::plan::build(&checked.roadmap, budget).unwrap();
        let inventory = cxm::inventory::build(&checked.roadmap, checked.as_of, budget).unwrap();
        for opts in all_options() {
            cxm::render::budget::render(budget, &opts).unwrap();
            cxm::render::plan::render(&plan, &opts).unwrap();
            cxm::render::inventory::render(&inventory, &opts).unwrap();
        }

        // The CXM total is its competencies and its quarters.
        let t = &budget.totals;
        let by_comp: i128 = t.by_competency.iter().map(|(_, m)| m.0).sum();
        let by_q: i128 = t.by_quarter.iter().map(|m| m.0).sum();
        prop_assert_eq!(t.cxm.0, by_comp);
        prop_assert_eq!(t.cxm.0, by_q);
        // Each line's parts are its cash: what it spent and what remains
        // (SPEC section 4, *Cash*); work without spending spreads its budget.
        for l in &budget.initiatives {
            let parts: i128 = l.before.0 + l.after.0 + l.quarters.iter().map(|m| m.0).sum::<i128>();
            prop_assert_eq!(parts, l.spent.0 + l.remaining.0);
            if l.actual.is_none() && l.header.status == cxm::roadmap::Status::Planned {
                prop_assert_eq!(parts, l.figures.budget.0);
            }
            if let (Some(lo), Some(e), Some(hi)) = (l.figures.estimate_low, l.figures.estimate, l.figures.estimate_high) {
                prop_assert!(lo <= e && e <= hi);
            }
        }
        // The plan's running budget ends at the CXM initiatives' total, and
        // with central training it is the budget's CXM total.
        let last = plan.initiatives.last().map_or(Money::ZERO, |l| l.cumulative_budget);
        prop_assert_eq!(last, plan.totals.cxm_initiatives);
        prop_assert_eq!(plan.totals.cxm_total, t.cxm);
        let cxm_lines: i128 = plan
            .initiatives
            .iter()
            .filter(|l| l.area == Area::Cxm)
            .map(|l| l.plan_year_budget.0)
            .sum();
        prop_assert_eq!(cxm_lines, plan.totals.cxm_initiatives.0);
        // Below the line (SPEC section 6, rev. 2): only planned work that
        // draws on the cap or the team, and from the first such line on,
        // every planned line that draws on either.
        let draws = |l: &cxm::plan::PlanLine| {
            l.status == cxm::roadmap::Status::Planned && (l.area == Area::Cxm || l.team_owned)
        };
        prop_assert!(plan.initiatives.iter().all(|l| !l.below_line || draws(l)));
        let first_below = plan.initiatives.iter().position(|l| l.below_line);
        if let Some(i) = first_below {
            prop_assert!(plan.initiatives[i..].iter().filter(|l| draws(l)).all(|l| l.below_line));
            prop_assert!(cap.is_some() || capacity.is_some());
        }

        // JSON of the budget foots as well.
        let json: serde_json::Value =
            serde_json::from_slice(&cxm::render::budget::render(budget, &RenderOptions {
                format: Format::Json, lang: Language::En, color: false, excel: false, width: None,
            }).unwrap()).unwrap();
        let quarters: i128 = json["totals"]["by_quarter"].as_array().unwrap().iter().map(cents).sum();
        prop_assert_eq!(quarters, cents(&json["totals"]["cxm"]));
    }
}
