//! The plan report's formats: the cut line drawn where the model puts it,
//! with its reason, and the machine formats' shapes.

use super::*;
use crate::budget::compute;
use crate::budget::tests::{date, initiative, money, opts, roadmap, sp};
use crate::plan::build;
use crate::roadmap::{Competency, Funding, Initiative, Member, Training};
use crate::source::{Sp, Span};

fn ini(id: &str, priority: u32, cost: i128, effort: i128) -> Initiative {
    Initiative {
        title: sp(format!("=cmd|{id}")),
        ..initiative(
            id,
            Competency::Governance,
            Area::Cxm,
            date(2027, 1, 1),
            date(2027, 12, 31),
        )
    }
    .with(|i| {
        i.priority = sp(priority);
        i.cost = sp(money(cost));
        i.effort_days = sp(Decimal(effort * Decimal::SCALE));
        i.owner = sp("ak".to_string());
    })
}

fn sample(cap: Option<i128>, capacity: Option<i128>) -> Plan {
    let mut r = roadmap(vec![
        ini("a", 1, 100_000, 10),
        ini("b", 2, 200_000, 10),
        ini("c", 3, 200_000, 10),
    ]);
    r.meta.budget_cap = cap.and_then(|c| sp(money(c)));
    r.team = vec![Member {
        id: sp("ak".to_string()),
        capacity_days: capacity.and_then(|c| sp(Decimal(c * Decimal::SCALE))),
        ..Member::default()
    }];
    r.training = vec![Training {
        id: sp("t".to_string()),
        competency: sp(Competency::Culture),
        cost_per_person: sp(money(27_000)),
        funding: sp(Funding::Central),
        needs: vec![(
            Sp::new("sales".to_string(), Span::default()),
            Sp::new(1, Span::default()),
        )],
        ..Training::default()
    }];
    let b = compute(&r, &opts(2027)).unwrap();
    build(&r, &b).unwrap()
}

fn text(p: &Plan, format: Format, lang: Language) -> String {
    String::from_utf8(
        render(
            p,
            &RenderOptions {
                format,
                lang,
                color: false,
                excel: false,
                width: None,
            },
        )
        .unwrap(),
    )
    .unwrap()
}

fn line_after(out: &str, needle: &str) -> String {
    let lines: Vec<&str> = out.lines().collect();
    let i = lines
        .iter()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle} not in {out}"));
    lines[i + 1].to_string()
}

#[test]
fn the_table_draws_the_budget_cut_line_after_the_last_that_fits() {
    let p = sample(Some(450_000), None);
    let out = text(&p, Format::Table, Language::En);
    let rule = line_after(&out, " b ");
    assert!(
        rule.starts_with(
            "├─── cut line: budget cap 450,000.00 PLN reached (423,000.00 PLN left after central training 27,000.00 PLN) ──"
        ),
        "{out}"
    );
    assert!(rule.ends_with('┤'), "{rule}");
    assert!(line_after(&out, "── cut line").contains(" c "), "{out}");
    assert_eq!(out.matches("cut line").count(), 1, "{out}");
}

#[test]
fn the_polish_table_says_it_in_polish() {
    let p = sample(Some(450_000), None);
    let out = text(&p, Format::Table, Language::Pl);
    assert!(
        out.contains(
            "── linia odcięcia: wyczerpany limit budżetu 450\u{a0}000,00\u{a0}zł (po szkoleniach centralnych 27\u{a0}000,00\u{a0}zł zostaje 423\u{a0}000,00\u{a0}zł) ──"
        ),
        "{out}"
    );
}

#[test]
fn capacity_and_both_reasons() {
    let out = text(&sample(None, Some(15)), Format::Table, Language::En);
    assert!(
        line_after(&out, " a ").starts_with("├─── cut line: team capacity of 15 days reached ──"),
        "{out}"
    );
    let out = text(
        &sample(Some(250_000), Some(15)),
        Format::Markdown,
        Language::En,
    );
    assert!(
        out.contains("| **── cut line: budget cap 250,000.00 PLN reached (223,000.00 PLN left after central training 27,000.00 PLN) and team capacity of 15 days reached ──** |"),
        "{out}"
    );
}

#[test]
fn no_line_says_why() {
    let out = text(&sample(None, None), Format::Table, Language::En);
    assert!(!out.contains("── cut line"), "{out}");
    assert!(out.contains("No cut line: the roadmap gives neither a budget cap nor team capacity"));
    let out = text(
        &sample(Some(10_000_000), Some(100)),
        Format::Table,
        Language::Pl,
    );
    assert!(out.contains("Bez linii odcięcia: plan się mieści"), "{out}");
}

#[test]
fn json_has_the_shape_of_section_6() {
    let p = sample(Some(450_000), None);
    let v: serde_json::Value = serde_json::from_str(&text(&p, Format::Json, Language::En)).unwrap();
    assert_eq!(v["plan_year"], 2027);
    let first = &v["initiatives"][0];
    for key in [
        "id",
        "priority",
        "owner",
        "competency",
        "area",
        "status",
        "effort_days",
        "plan_year_budget",
        "cumulative_budget",
        "cumulative_effort",
        "below_line",
    ] {
        assert!(first.get(key).is_some(), "{key} missing: {first}");
    }
    assert_eq!(v["initiatives"][2]["cumulative_budget"], "500000.00");
    assert_eq!(v["initiatives"][2]["below_line"], true);
    assert_eq!(v["initiatives"][1]["below_line"], false);
    assert_eq!(v["coverage"]["governance"], 3);
    assert_eq!(v["coverage"]["culture"], 0);
    assert_eq!(v["cut_line"]["reason"], "budget_cap");
    assert!(v["backlog"].as_array().unwrap().is_empty());
}

#[test]
fn csv_escapes_formulas_and_marks_the_line() {
    let p = sample(Some(450_000), None);
    let out = text(&p, Format::Csv, Language::En);
    assert!(out.starts_with("kind,rank,id,title,priority,"), "{out}");
    assert!(
        out.contains("plan,3,c,'=cmd|c,3,ak,governance,cxm,,planned,2027-01-01,2027-12-31,Q1 Q2 Q3 Q4,10,10,200000.00,500000.00,30,true,,,,,,,,,cxm\r\n"),
        "{out}"
    );
}
