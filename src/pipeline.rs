//! The one way from a roadmap's bytes to a checked roadmap: decode, load,
//! compute the budget, run the rules, drop the allowed warnings, sort. Every
//! command, test and the benchmark go through [`run`]; `app` only reads the
//! input and writes what the renderers make of the result.
//!
//! The budget is computed before the rules so that they run once, E010 (the
//! CXM total over the cap) among them. Nothing here fails: every problem in
//! the file is a finding.

use crate::budget::{self, Budget};
use crate::check::{self, CheckContext};
use crate::diag::{Code, Finding, RuleMessage, Severity};
use crate::roadmap::{Roadmap, input, load};
use crate::source::Source;
use chrono::NaiveDate;

/// What the command line says over the file's own values.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Overrides {
    /// `--as-of`, over the file's `as_of` (else today).
    pub as_of: Option<NaiveDate>,
    /// `--year`, over the file's `plan_year`.
    pub year: Option<i32>,
}

/// A roadmap loaded and checked, with the dates resolved.
pub struct Checked {
    pub source: Source,
    pub roadmap: Roadmap,
    pub findings: Vec<Finding>,
    pub as_of: NaiveDate,
    pub plan_year: Option<i32>,
    /// The budget of the plan year, when the roadmap allows computing it.
    pub budget: Option<Budget>,
}

impl Checked {
    pub fn has_data_errors(&self) -> bool {
        self.findings.iter().any(Finding::is_data_error)
    }

    /// The findings that are errors, data and plan errors alike.
    pub fn errors(&self) -> Vec<Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity() == Severity::Error)
            .cloned()
            .collect()
    }
}

/// Decodes, loads and checks a roadmap's bytes, named `name` in findings.
pub fn run(name: &str, bytes: Vec<u8>, overrides: &Overrides) -> Checked {
    let (source, utf8) = input::decode(name, bytes);
    // Text that is not UTF-8 is reported once: parsing its lossy decoding
    // would only add findings about the replacement characters.
    let loaded = match &utf8 {
        Some(_) => load::Loaded::default(),
        None => load::load(&source),
    };
    let roadmap = loaded.roadmap;
    let mut findings: Vec<Finding> = utf8.into_iter().chain(loaded.findings).collect();
    let as_of = overrides
        .as_of
        .or(roadmap.meta.as_of.as_ref().map(|d| d.value))
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let plan_year = overrides
        .year
        .or(roadmap.meta.plan_year.as_ref().map(|y| y.value));
    // Rules that look across the whole file, and the budget, would only
    // mislead on a file the TOML parser could not read in full.
    let mut budget = None;
    if loaded.syntax_ok {
        budget = compute_budget(&roadmap, plan_year, as_of, &mut findings);
        let ctx = CheckContext {
            as_of,
            plan_year,
            cxm_total: budget.as_ref().map(|b| b.totals.cxm),
        };
        findings.extend(check::check(&roadmap, &ctx));
    }
    findings.retain(|f| f.severity() == Severity::Error || !check::is_allowed(&roadmap, f.code));
    check::sort(&mut findings);
    Checked {
        source,
        roadmap,
        findings,
        as_of,
        plan_year,
        budget,
    }
}

/// The budget of the plan year, computed once for the budget-cap rule and
/// the reports. A budget that cannot be computed because of a finding the
/// rules report anyway (an unknown currency, an incomplete quote) is `None`;
/// an overflow is a finding of its own.
fn compute_budget(
    roadmap: &Roadmap,
    plan_year: Option<i32>,
    as_of: NaiveDate,
    findings: &mut Vec<Finding>,
) -> Option<Budget> {
    let opts = budget::BudgetOptions {
        plan_year: plan_year?,
        as_of,
    };
    match budget::compute(roadmap, &opts) {
        Ok(b) => Some(b),
        Err(budget::BudgetError::Overflow { span }) => {
            findings.push(Finding::new(Code::E006, span, RuleMessage::BudgetOverflow));
            None
        }
        Err(_) => None,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // tests fail loudly
    use super::*;

    fn as_of() -> Overrides {
        Overrides {
            as_of: NaiveDate::from_ymd_opt(2026, 11, 15),
            year: None,
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
}
