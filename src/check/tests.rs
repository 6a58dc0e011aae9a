//! One fixture per rule under `tests/fixtures/check/`, each a small valid
//! roadmap broken in one place. Its first line says what it must give:
//! `# expect: E005 14:9` (several entries separated by commas), or
//! `# expect: nothing` for `valid.toml`. A fixture must give exactly the
//! codes it expects, so it also shows that the rule fires alone.

use super::*;
use crate::diag::{Bound, Code, Entry, Message, RuleMessage};
use crate::money::{self, Decimal};
use crate::roadmap::load::load_str;
use crate::roadmap::{Area, Funding};
use crate::source::Source;

const FIXTURES: &[(&str, &str)] = &[
    (
        "valid",
        include_str!("../../tests/fixtures/check/valid.toml"),
    ),
    ("E001", include_str!("../../tests/fixtures/check/E001.toml")),
    ("E002", include_str!("../../tests/fixtures/check/E002.toml")),
    ("E003", include_str!("../../tests/fixtures/check/E003.toml")),
    ("E004", include_str!("../../tests/fixtures/check/E004.toml")),
    ("E005", include_str!("../../tests/fixtures/check/E005.toml")),
    ("E006", include_str!("../../tests/fixtures/check/E006.toml")),
    ("E007", include_str!("../../tests/fixtures/check/E007.toml")),
    ("E008", include_str!("../../tests/fixtures/check/E008.toml")),
    ("E009", include_str!("../../tests/fixtures/check/E009.toml")),
    ("E010", include_str!("../../tests/fixtures/check/E010.toml")),
    ("E011", include_str!("../../tests/fixtures/check/E011.toml")),
    ("E012", include_str!("../../tests/fixtures/check/E012.toml")),
    ("E013", include_str!("../../tests/fixtures/check/E013.toml")),
    ("W001", include_str!("../../tests/fixtures/check/W001.toml")),
    ("W002", include_str!("../../tests/fixtures/check/W002.toml")),
    ("W003", include_str!("../../tests/fixtures/check/W003.toml")),
    ("W004", include_str!("../../tests/fixtures/check/W004.toml")),
    ("W005", include_str!("../../tests/fixtures/check/W005.toml")),
    ("W006", include_str!("../../tests/fixtures/check/W006.toml")),
    ("W007", include_str!("../../tests/fixtures/check/W007.toml")),
    ("W008", include_str!("../../tests/fixtures/check/W008.toml")),
    ("W009", include_str!("../../tests/fixtures/check/W009.toml")),
    ("W010", include_str!("../../tests/fixtures/check/W010.toml")),
    ("W011", include_str!("../../tests/fixtures/check/W011.toml")),
];

/// A stand-in for the budget module's CXM total, good enough for fixtures
/// whose initiatives lie wholly inside the plan year: the estimate of each
/// planned CXM initiative plus its cost, plus central training.
fn simple_cxm_total(r: &Roadmap, year: i32) -> Money {
    let rate = |code: Option<&str>| match code {
        Some(c) if c != r.meta.currency() => {
            r.fx.iter()
                .find(|f| f.code.value == c)
                .and_then(|f| f.rate.as_ref())
                .map_or(Decimal::from_int(1).unwrap(), |x| x.value)
        }
        _ => Decimal::from_int(1).unwrap(),
    };
    let mut total = 0i128;
    for ini in &r.initiatives {
        if ini.area.as_ref().is_none_or(|a| a.value != Area::Cxm) || !in_plan(ini, year) {
            continue;
        }
        let markup = ini
            .markup_percent
            .as_ref()
            .map_or(r.meta.markup(), |m| m.value);
        let (mut smin, mut smax, mut n) = (0i128, 0i128, 0i128);
        for q in &ini.quotes {
            if let Some((lo, hi)) = q.bounds() {
                let x = rate(q.currency.as_ref().map(|c| c.value.as_str()));
                smin += lo.mul_decimal(x).unwrap().0;
                smax += hi.mul_decimal(x).unwrap().0;
                n += 1;
            }
        }
        if n > 0 {
            let num = (smin + smax) * (100 * Decimal::SCALE + markup.0);
            total += money::div_round(num, 200 * n * Decimal::SCALE).unwrap();
        }
        total += ini.cost.as_ref().map_or(0, |c| c.value.0);
    }
    for tr in &r.training {
        if tr
            .funding
            .as_ref()
            .is_some_and(|f| f.value == Funding::Central)
        {
            let people: u64 = tr.needs.iter().map(|(_, n)| n.value).sum();
            let per = tr.cost_per_person.as_ref().map_or(0, |c| c.value.0);
            total += per * i128::from(people);
        }
    }
    Money(total)
}

/// Loads and checks a text the way `cxm check` does: the loader's findings,
/// then (when the TOML parsed) the rules', sorted together.
fn run(text: &str) -> Vec<Finding> {
    let loaded = load_str(text);
    let mut all = loaded.findings;
    if loaded.syntax_ok {
        let r = &loaded.roadmap;
        let plan_year = r.meta.plan_year.as_ref().map(|y| y.value);
        let ctx = CheckContext {
            as_of: r
                .meta
                .as_of
                .as_ref()
                .map_or(NaiveDate::from_ymd_opt(2026, 11, 15).unwrap(), |d| d.value),
            plan_year,
            cxm_total: plan_year.map(|y| simple_cxm_total(r, y)),
        };
        all.extend(check(r, &ctx));
    }
    sort(&mut all);
    all
}

fn located(text: &str, findings: &[Finding]) -> Vec<(Code, usize, usize)> {
    let src = Source::new("fixture.toml", text.to_string());
    findings
        .iter()
        .map(|f| {
            let p = src.position(f.span.start());
            (f.code, p.line, p.column)
        })
        .collect()
}

/// The `# expect:` line: `E005 14:9, W003 20:1`, or `nothing`.
fn expectations(name: &str, text: &str) -> Vec<(Code, usize, usize)> {
    let first = text.lines().next().unwrap_or("");
    let list = first
        .strip_prefix("# expect:")
        .unwrap_or_else(|| panic!("{name}: the first line must be `# expect: …`"))
        .trim();
    if list == "nothing" {
        return Vec::new();
    }
    list.split(',')
        .map(|item| {
            let (code, at) = item.trim().split_once(' ').expect("`CODE line:column`");
            let (line, col) = at.split_once(':').expect("`line:column`");
            (
                Code::parse(code).unwrap_or_else(|| panic!("{name}: unknown code {code}")),
                line.parse().expect("a line number"),
                col.parse().expect("a column number"),
            )
        })
        .collect()
}

#[test]
fn every_rule_has_a_fixture() {
    for code in Code::ALL {
        assert!(
            FIXTURES.iter().any(|(n, _)| *n == code.as_str()),
            "no fixture for {}",
            code.as_str()
        );
    }
}

#[test]
fn fixtures_give_what_they_expect() {
    for (name, text) in FIXTURES {
        let findings = run(text);
        let got = located(text, &findings);
        let expected = expectations(name, text);
        for e in &expected {
            assert!(
                got.contains(e),
                "{name}: expected {} at {}:{}, got {got:?}\n{findings:#?}",
                e.0.as_str(),
                e.1,
                e.2
            );
        }
        for g in &got {
            assert!(
                expected.iter().any(|e| e.0 == g.0),
                "{name}: unexpected {} at {}:{}\n{findings:#?}",
                g.0.as_str(),
                g.1,
                g.2
            );
        }
        if *name != "valid" {
            assert!(!expected.is_empty(), "{name}: expects nothing");
            assert!(
                expected.iter().all(|e| e.0.as_str() == *name),
                "{name}: a fixture is named after the one code it expects"
            );
        }
    }
}

#[test]
fn allow_silences_warnings_only() {
    let text = FIXTURES.iter().find(|(n, _)| *n == "W005").unwrap().1;
    assert!(run(text).iter().any(|f| f.code == Code::W005));
    let allowed = format!("{text}\n[check]\nallow = [\"W005\"]\n");
    assert_eq!(run(&allowed), Vec::new());

    let loaded = load_str(&allowed);
    assert!(is_allowed(&loaded.roadmap, Code::W005));
    assert!(!is_allowed(&loaded.roadmap, Code::W006));
    // Errors are never silenced, even when the list somehow names them.
    let mut r = loaded.roadmap;
    r.allow.push(crate::source::Sp::new(
        "E004".to_string(),
        Default::default(),
    ));
    assert!(!is_allowed(&r, Code::E004));
    let duplicate = FIXTURES.iter().find(|(n, _)| *n == "E004").unwrap().1;
    let mut loaded = load_str(duplicate);
    loaded.roadmap.allow = r.allow.clone();
    let ctx = CheckContext {
        as_of: NaiveDate::from_ymd_opt(2026, 11, 15).unwrap(),
        plan_year: Some(2027),
        cxm_total: None,
    };
    assert!(
        check(&loaded.roadmap, &ctx)
            .iter()
            .any(|f| f.code == Code::E004)
    );
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
fn cycle_message_names_the_cycle() {
    let text = FIXTURES.iter().find(|(n, _)| *n == "E013").unwrap().1;
    let findings = run(text);
    let f = findings.iter().find(|f| f.code == Code::E013).unwrap();
    let Message::Rule(RuleMessage::DependencyCycle { cycle }) = &f.message else {
        panic!("{f:?}");
    };
    assert_eq!(cycle, &["voc-hub", "cx-council", "cx-ambassadors"]);
    assert_eq!(findings.iter().filter(|f| f.code == Code::E013).count(), 1);
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

/// The valid fixture with some text replaced (each `old` must occur).
fn variant(edits: &[(&str, &str)]) -> Vec<Finding> {
    let mut text = FIXTURES[0].1.to_string();
    for (old, new) in edits {
        assert!(text.contains(old), "{old:?} is not in valid.toml");
        text = text.replacen(old, new, 1);
    }
    run(&text)
}

fn codes(findings: &[Finding]) -> Vec<Code> {
    findings.iter().map(|f| f.code).collect()
}

/// The message of a rule's finding.
fn rule_message(f: &Finding) -> &RuleMessage {
    match &f.message {
        Message::Rule(m) => m,
        other => panic!("not a rule's message: {other:?}"),
    }
}

#[test]
fn quote_shapes() {
    let only_min = variant(&[("min = 9000\n  max = 12000", "min = 9000")]);
    assert_eq!(codes(&only_min), [Code::E006]);
    assert!(matches!(
        rule_message(&only_min[0]),
        RuleMessage::QuoteHalfRange {
            given: Bound::Min,
            ..
        }
    ));

    let both = variant(&[("amount = 26000", "amount = 26000\n  max = 27000")]);
    assert_eq!(codes(&both), [Code::E006]);
    assert!(matches!(
        rule_message(&both[0]),
        RuleMessage::QuoteAmountAndRange { .. }
    ));

    let neither = variant(&[("amount = 26000\n", "")]);
    assert_eq!(codes(&neither), [Code::E006]);
    assert!(matches!(
        rule_message(&neither[0]),
        RuleMessage::QuoteWithoutPrice { .. }
    ));

    // A bound the loader refused is reported once, by the loader.
    let negative = variant(&[("min = 9000", "min = -9000")]);
    assert_eq!(codes(&negative), [Code::E006]);
    assert!(
        crate::render::messages::text(&negative[0], crate::roadmap::Language::En)
            .contains("negative")
    );
}

#[test]
fn unknown_references() {
    let cases: &[(&str, &str, Option<&str>)] = &[
        ("currency = \"EUR\"", "currency = \"USD\"", None),
        (
            "kpis = [\"nps\"]",
            "kpis = [\"nsp\"]",
            Some("did you mean \"nps\"?"),
        ),
        (
            "needs = { sales = 10 }",
            "needs = { sale = 10 }",
            Some("did you mean \"sales\"?"),
        ),
        (
            "depends_on = [\"cx-vision\"]",
            "depends_on = [\"cx-visoin\"]",
            Some("did you mean \"cx-vision\"?"),
        ),
        (
            "department = \"sales\"",
            "department = \"sale\"",
            Some("did you mean \"sales\"?"),
        ),
        (
            "owner = \"ak\"",
            "owner = \"zz\"",
            Some("known team members: ak"),
        ),
    ];
    for (old, new, help) in cases {
        let found = variant(&[(old, new)]);
        assert_eq!(codes(&found), [Code::E005], "{new}: {found:#?}");
        if let Some(h) = help {
            assert_eq!(
                crate::render::messages::help(&found[0], crate::roadmap::Language::En),
                [h.to_string()],
                "{new}"
            );
        }
    }
}

#[test]
fn duplicate_ids_of_every_kind() {
    let team = variant(&[(
        "[[departments]]",
        "[[team]]\nid = \"ak\"\nname = \"Adam Kot\"\ncapacity_days = 10\n\n[[departments]]",
    )]);
    assert_eq!(codes(&team), [Code::E004]);
    assert_eq!(
        rule_message(&team[0]),
        &RuleMessage::DuplicateId {
            kind: Entry::TeamMember,
            id: "ak".to_string(),
            first_title: Some("Anna Kowalska".to_string()),
        }
    );
    let dept = variant(&[(
        "[maturity.measurement]",
        "[[departments]]\nid = \"sales\"\n\n[maturity.measurement]",
    )]);
    assert_eq!(codes(&dept), [Code::E004]);
    let kpi = variant(&[(
        "[[kpis]]",
        "[[kpis]]\nid = \"nps\"\ngroup = \"customer\"\ndirection = \"up\"\n\n[[kpis]]",
    )]);
    assert_eq!(codes(&kpi), [Code::E004]);
    let training = variant(&[(
        "[[kpis]]",
        "[[training]]\nid = \"voc-analysis\"\ncompetency = \"design\"\ncost_per_person = 1\nfunding = \"central\"\n\n[[kpis]]",
    )]);
    assert_eq!(codes(&training), [Code::E004]);
}

#[test]
fn missing_dates_but_not_rejected_ones() {
    let no_end = variant(&[("end = 2027-05-31\n", "")]);
    assert_eq!(codes(&no_end), [Code::E007]);
    assert!(matches!(
        rule_message(&no_end[0]),
        RuleMessage::Undated {
            no_start: false,
            no_end: true,
            ..
        }
    ));
    // A date written as a string is E003; it is not also "missing".
    let quoted = variant(&[("start = 2027-03-01", "start = \"2027-03-01\"")]);
    assert_eq!(codes(&quoted), [Code::E003]);
}

#[test]
fn coverage_and_maturity_gap_merge_into_one_finding() {
    let both = variant(&[
        ("competency = \"culture\"", "competency = \"design\""),
        (
            "[maturity.measurement]",
            "[maturity.culture]\ncurrent = 1\ntarget = 3\n\n[maturity.measurement]",
        ),
    ]);
    assert_eq!(codes(&both), [Code::E008]);
    assert_eq!(
        rule_message(&both[0]),
        &RuleMessage::Uncovered {
            competency: crate::roadmap::Competency::Culture,
            year: 2027,
            gap: Some((1, 3)),
        }
    );
    // It points at the maturity entry of the competency.
    let text = FIXTURES[0].1;
    let src = Source::new("v", text.to_string());
    assert_eq!(src.position(both[0].span.start()).line, 24);
}

#[test]
fn cx_work_of_the_team_and_plans_in_the_past() {
    let past = variant(&[
        ("start = 2027-03-01", "start = 2026-09-01"),
        ("end = 2027-05-31", "end = 2026-10-31"),
    ]);
    assert_eq!(codes(&past), [Code::W010]);
    assert!(matches!(
        rule_message(&past[0]),
        RuleMessage::PlannedInPast { .. }
    ));
}

#[test]
fn dependency_may_start_the_day_after() {
    // valid.toml: cx-vision ends 2027-03-31, cx-academy starts 2027-04-01.
    assert!(run(FIXTURES[0].1).is_empty());
    let same_day = variant(&[(
        "start = 2027-04-01\nend = 2027-12-15",
        "start = 2027-03-31\nend = 2027-12-15",
    )]);
    assert_eq!(codes(&same_day), [Code::W011]);
}

#[test]
fn plan_window() {
    let text = FIXTURES[0].1;
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
        initiative: id.to_string(),
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

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    /// One edit of the valid fixture: drop a line, repeat it, or replace
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
        let mut lines: Vec<String> = FIXTURES[0].1.lines().map(str::to_string).collect();
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
            };
            let findings = check(&loaded.roadmap, &ctx);
            // Sorted, and no warning that [check] allow names.
            prop_assert!(findings.windows(2).all(|w| (w[0].span.start(), w[0].code) <= (w[1].span.start(), w[1].code)));
            prop_assert!(findings.iter().all(|f| !is_allowed(&loaded.roadmap, f.code)));
        }
    }
}
