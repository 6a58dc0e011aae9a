//! Unit tests of the checks' parts: the cycle finder, the order of
//! findings, the plan window, `[check] allow`, and that any edit of the
//! example roadmap checks without panic. What each rule finds, and its
//! words, is shown by the cases in `tests/cases/check/`, run through the
//! binary by `tests/check_cases.rs`.

use super::*;
use crate::diag::{Code, Message, RuleMessage};
use crate::roadmap::load::load_str;

/// The findings of a roadmap's text, through the one pipeline.
fn run(text: &str) -> Vec<Finding> {
    let overrides = crate::pipeline::Overrides {
        as_of: NaiveDate::from_ymd_opt(2026, 11, 15),
        ..Default::default()
    };
    crate::pipeline::run("roadmap.toml", text.as_bytes().to_vec(), &overrides).findings
}

#[test]
fn only_warnings_can_be_allowed() {
    let mut r = load_str("[roadmap]\nplan_year = 2027\n").roadmap;
    for code in ["W005", "E004"] {
        r.allow
            .push(crate::source::Sp::new(code.to_string(), Default::default()));
    }
    assert!(is_allowed(&r, Code::W005));
    assert!(!is_allowed(&r, Code::W006));
    // Errors are never silenced, even when the list somehow names them.
    assert!(!is_allowed(&r, Code::E004));
}

#[test]
fn cycle_of_one() {
    assert_eq!(cycles(&[vec![0]]), vec![vec![0]]);
    assert_eq!(cycles(&[vec![1], vec![]]), Vec::<Vec<usize>>::new());
}

#[test]
fn cycle_of_three_named_from_its_first_node() {
    // 0 → 1 → 2 → 0, and 3 hangs off the cycle without being in it.
    let adj = vec![vec![1], vec![2], vec![0], vec![0]];
    assert_eq!(cycles(&adj), vec![vec![0, 1, 2]]);
    // The same cycle entered from its last node is still named from 0.
    let adj = vec![vec![1], vec![2], vec![0, 3], vec![]];
    assert_eq!(cycles(&adj), vec![vec![0, 1, 2]]);
}

#[test]
fn one_cycle_per_component() {
    // Two separate cycles, 0 ⇄ 1 and 2 → 3 → 4 → 2 (with a chord 3 → 2).
    let adj = vec![vec![1], vec![0], vec![3], vec![4, 2], vec![2]];
    assert_eq!(cycles(&adj), vec![vec![0, 1], vec![2, 3]]);
}

#[test]
fn long_chain_has_no_cycle_and_does_not_overflow() {
    let n = 200_000;
    let adj: Vec<Vec<usize>> = (0..n)
        .map(|i| if i + 1 < n { vec![i + 1] } else { vec![] })
        .collect();
    assert!(cycles(&adj).is_empty());
    // Closing the chain makes one cycle through all of it.
    let mut closed = adj;
    closed[n - 1].push(0);
    let found = cycles(&closed);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].len(), n);
    assert_eq!(found[0][..3], [0, 1, 2]);
}

#[test]
fn big_generated_roadmap_checks() {
    // 100 000 initiatives in one dependency chain with unknown owners: the
    // check must finish (linear) and report every broken reference.
    let n = 100_000;
    let mut text = String::from("[roadmap]\nplan_year = 2027\n");
    for i in 0..n {
        text.push_str(&format!(
            "[[initiatives]]\nid = \"i{i}\"\ntitle = \"t\"\ncompetency = \"design\"\narea = \"cxm\"\nstatus = \"idea\"\nowner = \"x{i}\"\nkpi = \"k\"\n"
        ));
        if i + 1 < n {
            text.push_str(&format!("depends_on = [\"i{}\"]\n", i + 1));
        }
    }
    let findings = run(&text);
    assert_eq!(findings.iter().filter(|f| f.code == Code::E005).count(), n);
    assert!(!findings.iter().any(|f| f.code == Code::E013));
}

#[test]
fn plan_window() {
    let text = include_str!("../../tests/cases/check/valid.toml");
    let r = load_str(text).roadmap;
    let mut ini = r.initiatives[0].clone();
    assert!(in_plan(&ini, 2027));
    assert!(!in_plan(&ini, 2026));
    assert!(!in_plan(&ini, 2028));
    ini.status = Some(crate::source::Sp::new(Status::OnHold, Default::default()));
    assert!(!in_plan(&ini, 2027));
    ini.status = Some(crate::source::Sp::new(
        Status::InProgress,
        Default::default(),
    ));
    assert!(in_plan(&ini, 2027) && !planned_in(&ini, 2027));
    ini.end = None;
    assert!(!in_plan(&ini, 2027));
}

#[test]
fn sort_by_place_then_code_stably() {
    use crate::source::Span;
    // The messages only tell the findings apart.
    let m = |id: &str| RuleMessage::NoOwner {
        initiative: id.into(),
    };
    let mut f = vec![
        Finding::new(Code::W002, Span::new(5, 6), m("b")),
        Finding::new(Code::E004, Span::new(5, 6), m("a")),
        Finding::new(Code::W002, Span::new(5, 6), m("c")),
        Finding::new(Code::E001, Span::new(1, 2), m("d")),
    ];
    sort(&mut f);
    let order: Vec<&RuleMessage> = f.iter().map(rule_message).collect();
    assert_eq!(order, [&m("d"), &m("a"), &m("b"), &m("c")]);
}

mod sort_without_buffer {
    use super::*;
    use crate::source::Span;
    use proptest::prelude::*;

    proptest! {
        /// `sort` orders as a stable sort by place and code does.
        #[test]
        fn orders_as_a_stable_sort(places in proptest::collection::vec((0usize..6, 0usize..3), 0..60)) {
            let codes = [Code::E001, Code::E012, Code::W002];
            let findings: Vec<Finding> = places
                .iter()
                .enumerate()
                .map(|(n, &(at, c))| {
                    Finding::new(
                        codes[c],
                        Span::new(at, at + 1),
                        RuleMessage::NoOwner { initiative: n.to_string().into() },
                    )
                })
                .collect();
            let mut expected = findings.clone();
            expected.sort_by_key(|f| (f.span.start(), f.code));
            let mut got = findings;
            sort(&mut got);
            prop_assert_eq!(got, expected);
        }
    }
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    /// One edit of the example roadmap: drop a line, repeat it, or replace
    /// the value after its `=` by another line's value.
    #[derive(Debug, Clone)]
    enum Edit {
        Drop(usize),
        Repeat(usize),
        Swap(usize, usize),
    }

    fn edit() -> impl Strategy<Value = Edit> {
        prop_oneof![
            any::<usize>().prop_map(Edit::Drop),
            any::<usize>().prop_map(Edit::Repeat),
            (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Swap(a, b)),
        ]
    }

    fn apply(edits: &[Edit]) -> String {
        let mut lines: Vec<String> = include_str!("../../roadmap.toml.example")
            .lines()
            .map(str::to_string)
            .collect();
        for e in edits {
            let n = lines.len().max(1);
            match *e {
                Edit::Drop(i) if !lines.is_empty() => {
                    lines.remove(i % n);
                }
                Edit::Repeat(i) if !lines.is_empty() => {
                    let l = lines[i % n].clone();
                    lines.insert(i % n, l);
                }
                Edit::Swap(a, b) if !lines.is_empty() => {
                    let value = lines[b % n].split_once('=').map(|(_, v)| v.to_string());
                    if let (Some((key, _)), Some(v)) = (lines[a % n].clone().split_once('='), value)
                    {
                        lines[a % n] = format!("{key}={v}");
                    }
                }
                _ => {}
            }
        }
        lines.join("\n")
    }

    proptest! {
        #[test]
        fn edited_roadmaps_check_without_panic(
            edits in proptest::collection::vec(edit(), 0..12),
            year in prop_oneof![Just(2027), any::<i32>()],
            days in -400_000i64..400_000,
        ) {
            let text = apply(&edits);
            let loaded = load_str(&text);
            let ctx = CheckContext {
                as_of: NaiveDate::from_ymd_opt(2026, 11, 15).unwrap()
                    + chrono::Duration::days(days),
                plan_year: Some(year),
                cxm_total: Some(Money(i128::MAX)),
                plan: None,
            };
            let findings = check(&loaded.roadmap, &ctx);
            // Sorted, and no warning that [check] allow names.
            prop_assert!(findings.windows(2).all(|w| (w[0].span.start(), w[0].code) <= (w[1].span.start(), w[1].code)));
            prop_assert!(findings.iter().all(|f| !is_allowed(&loaded.roadmap, f.code)));
        }
    }
}

fn rule_message(f: &Finding) -> &RuleMessage {
    match &f.message {
        Message::Rule(m) => m,
        other => panic!("not a rule's message: {other:?}"),
    }
}
