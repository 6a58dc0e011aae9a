#![allow(clippy::unwrap_used)] // tests fail loudly
use super::*;

fn as_of() -> Overrides {
    Overrides {
        as_of: NaiveDate::from_ymd_opt(2026, 11, 15),
        year: None,
        scenario: None,
    }
}

/// A small roadmap over its cap of 1000 (E010), with an unknown key in
/// `[roadmap]` (a loader finding, W-code) and an owner not in the team
/// (E005, a rule).
const OVER_CAP: &str = "[roadmap]\nplan_year = 2027\nas_of = 2026-11-15\nbudget_cap = 1000\n\
        colour = \"red\"\n\n\
        [[team]]\nid = \"ak\"\nname = \"Anna\"\ncapacity_days = 10\n\n\
        [[initiatives]]\nid = \"i1\"\ntitle = \"One\"\ncompetency = \"design\"\narea = \"cxm\"\n\
        status = \"planned\"\nowner = \"zz\"\nstart = 2027-02-01\nend = 2027-06-30\n\
        effort_days = 5\nkpi = \"k\"\n\n\
        [[initiatives.quotes]]\nvendor = \"A\"\nmin = 1000\nmax = 2000\ndate = 2026-10-01\n";

fn codes(checked: &Checked) -> Vec<&'static str> {
    checked.findings.iter().map(|f| f.code.as_str()).collect()
}

#[test]
fn loader_rule_and_budget_cap_findings_come_together_sorted() {
    let checked = run("r.toml", OVER_CAP.as_bytes().to_vec(), &as_of());
    let codes = codes(&checked);
    for code in ["E010", "E005"] {
        assert!(codes.contains(&code), "no {code} in {codes:?}");
    }
    let loader = checked
        .findings
        .iter()
        .find(|f| f.span.start() == OVER_CAP.find("colour").unwrap());
    assert!(loader.is_some(), "no loader finding in {codes:?}");
    assert!(
        checked
            .findings
            .windows(2)
            .all(|w| (w[0].span.start(), w[0].code) <= (w[1].span.start(), w[1].code)),
        "not sorted: {codes:?}"
    );
    assert!(checked.budget.is_some());
    assert_eq!(checked.plan_year, Some(2027));
}

#[test]
fn an_allowed_warning_is_dropped_and_an_error_is_not() {
    let all = run("r.toml", OVER_CAP.as_bytes().to_vec(), &as_of());
    let warning = all
        .findings
        .iter()
        .find(|f| f.severity() == Severity::Warning)
        .map(|f| f.code.as_str())
        .unwrap();
    let allowing = format!("{OVER_CAP}\n[check]\nallow = [\"{warning}\", \"E010\"]\n");
    let allowed = run("r.toml", allowing.into_bytes(), &as_of());
    let codes = codes(&allowed);
    assert!(!codes.contains(&warning), "{warning} still in {codes:?}");
    assert!(codes.contains(&"E010"), "an error was dropped: {codes:?}");
}

#[test]
fn a_syntax_error_skips_the_budget_and_the_cross_file_rules() {
    let broken = format!("{OVER_CAP}\nthis is = = not toml\n");
    let checked = run("r.toml", broken.into_bytes(), &as_of());
    let codes = codes(&checked);
    assert!(codes.contains(&"E002"), "no syntax error in {codes:?}");
    assert!(
        !codes.contains(&"E010") && !codes.contains(&"E005"),
        "{codes:?}"
    );
    assert!(checked.budget.is_none());
}

#[test]
fn the_command_line_overrides_the_file() {
    let overrides = Overrides {
        as_of: NaiveDate::from_ymd_opt(2027, 1, 2),
        year: Some(2028),
        scenario: None,
    };
    let checked = run("r.toml", OVER_CAP.as_bytes().to_vec(), &overrides);
    assert_eq!(checked.as_of, overrides.as_of.unwrap());
    assert_eq!(checked.plan_year, Some(2028));
    assert_eq!(checked.budget.map(|b| b.plan_year), Some(2028));
}

#[test]
fn bytes_that_are_not_utf8_give_one_finding() {
    let checked = run("r.toml", b"[roadmap]\nx = \"\xff\"\n".to_vec(), &as_of());
    assert_eq!(codes(&checked), ["E001"]);
}

/// W014 reads the plan's own cut line: the focus goal's only work is last
/// in priority and falls below the line; raising its priority, or the
/// team's capacity that draws the line, clears the warning.
#[test]
fn the_cut_line_decides_w014() {
    let case = include_str!("../../tests/cases/check/W014-below-the-line.toml");
    let has_w014 = |text: &str| {
        let checked = run("r.toml", text.as_bytes().to_vec(), &as_of());
        codes(&checked).contains(&"W014")
    };
    assert!(has_w014(case));
    let raised = case.replace("priority = 4", "priority = 1");
    assert_ne!(raised, case);
    assert!(!has_w014(&raised));
    let more_days = case.replace("capacity_days = 35", "capacity_days = 45");
    assert_ne!(more_days, case);
    assert!(!has_w014(&more_days));
}
