//! The one way from a roadmap's bytes to a checked roadmap: decode, load,
//! compute the budget, run the rules, drop the allowed warnings, sort. Every
//! command, test and the benchmark go through [`run`]; `app` only reads the
//! input and writes what the renderers make of the result.
//!
//! The budget is computed before the rules so that they run once, E010 (the
//! CXM total over the cap) among them. Nothing here fails: every problem in
//! the file is a finding.
//!
//! Scenarios (SPEC section 10). With [`Overrides::scenario`], the file is
//! checked as it is first; when it has no data errors and declares the
//! scenario, the scenario is applied (`scenario::apply`) and the overlaid
//! roadmap goes through the same steps, so [`Checked`] carries the
//! overlaid roadmap, its budget and its own findings: exactly what the
//! file with the scenario written in gives. Without it, each scenario of a
//! file without data errors is applied and checked too, and the coverage
//! problems only it has (E008, E009, W014, compared by code and message
//! with the file's own) come back as W018 at the scenario's name. W018 is
//! made here, not in `check::rules`, because it needs each overlaid
//! roadmap's budget and cut line.

use crate::budget::{self, Budget};
use crate::check::{self, CheckContext, PlanMark};
use crate::diag::{Code, Finding, RuleMessage, Severity};
use crate::plan;
use crate::roadmap::{Roadmap, Scenario, input, load};
use crate::source::Source;
use chrono::NaiveDate;

/// What the command line says over the file's own values.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    /// `--as-of`, over the file's `as_of` (else today).
    pub as_of: Option<NaiveDate>,
    /// `--year`, over the file's `plan_year`.
    pub year: Option<i32>,
    /// `--scenario`: the `[scenarios.NAME]` to apply (SPEC section 10).
    pub scenario: Option<String>,
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
    /// The scenario applied to `roadmap`, when one was asked for and the
    /// file has it (and no data errors).
    pub scenario: Option<String>,
    /// The names of the file's `[scenarios]`, in file order (also when one
    /// is applied, whose roadmap has none).
    pub scenario_names: Vec<String>,
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
    // The loader's findings are taken over, not copied: a large file has
    // millions of them. A file that is not UTF-8 has no others.
    let mut findings: Vec<Finding> = loaded.findings;
    findings.extend(utf8);
    let checked = evaluate(
        source,
        loaded.roadmap,
        findings,
        loaded.syntax_ok,
        overrides,
    );
    match &overrides.scenario {
        Some(name) => with_scenario(checked, name, overrides),
        None => checked,
    }
}

/// `checked` with the scenario `name` applied, when the file has it and
/// no data errors; else `checked` as it is (the caller tells an unknown
/// name from `scenario_names`).
fn with_scenario(checked: Checked, name: &str, overrides: &Overrides) -> Checked {
    match applied(&checked, name, overrides) {
        Some(overlaid) => overlaid,
        None => checked,
    }
}

/// The roadmap of `base` (checked without a scenario) with the scenario
/// `name` applied and checked like a file of its own; `None` when `base`
/// has data errors or no such scenario. `cxm scenarios` takes each
/// scenario this way.
pub fn scenario(base: &Checked, name: &str) -> Option<Checked> {
    let overrides = Overrides {
        as_of: Some(base.as_of),
        year: base.plan_year,
        scenario: None,
    };
    applied(base, name, &overrides)
}

fn applied(base: &Checked, name: &str, overrides: &Overrides) -> Option<Checked> {
    if base.has_data_errors() {
        return None;
    }
    let sc = base
        .roadmap
        .scenarios
        .iter()
        .find(|s| s.name.value == name)?;
    // An inexact capacity is an E003 of the file: not reached.
    let roadmap = crate::scenario::apply(&base.roadmap, sc).ok()?;
    let mut overlaid = evaluate(base.source.clone(), roadmap, Vec::new(), true, overrides);
    overlaid.scenario = Some(name.to_string());
    overlaid.scenario_names = base.scenario_names.clone();
    Some(overlaid)
}

/// The resolved dates, the budget and the findings of a loaded roadmap.
fn evaluate(
    source: Source,
    roadmap: Roadmap,
    mut findings: Vec<Finding>,
    syntax_ok: bool,
    overrides: &Overrides,
) -> Checked {
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
    if syntax_ok {
        let (b, ctx) = context(&roadmap, plan_year, as_of, &mut findings);
        budget = b;
        findings.extend(check::check(&roadmap, &ctx));
        if !findings.iter().any(Finding::is_data_error) {
            for sc in &roadmap.scenarios {
                findings.extend(scenario_problems(
                    &roadmap,
                    sc,
                    &findings,
                    (plan_year, as_of),
                ));
            }
        }
    }
    findings.retain(|f| f.severity() == Severity::Error || !check::is_allowed(&roadmap, f.code));
    check::sort(&mut findings);
    let scenario_names = roadmap
        .scenarios
        .iter()
        .map(|s| s.name.value.clone())
        .collect();
    Checked {
        source,
        roadmap,
        findings,
        as_of,
        plan_year,
        budget,
        scenario: None,
        scenario_names,
    }
}

/// The budget and what the rules need beyond the file.
fn context(
    roadmap: &Roadmap,
    plan_year: Option<i32>,
    as_of: NaiveDate,
    findings: &mut Vec<Finding>,
) -> (Option<Budget>, CheckContext) {
    let budget = compute_budget(roadmap, plan_year, as_of, findings);
    // Only W014 reads the cut line, and only a file with goals has it.
    let plan = budget
        .as_ref()
        .filter(|_| !roadmap.goals.is_empty())
        .and_then(|b| plan::build(roadmap, b).ok());
    let ctx = CheckContext {
        as_of,
        plan_year,
        cxm_total: budget.as_ref().map(|b| b.totals.cxm),
        plan: plan.map(|p| {
            p.initiatives
                .into_iter()
                .map(|l| PlanMark {
                    id: l.id,
                    status: l.status,
                    below_line: l.below_line,
                })
                .collect()
        }),
    };
    (budget, ctx)
}

/// The codes a scenario's W018 reports (SPEC section 10): coverage, not
/// the cap or the capacity, which a scenario is for.
const SCENARIO_CODES: [Code; 3] = [Code::E008, Code::E009, Code::W014];

/// W018: the E008, E009 and W014 findings of `base` with `sc` applied that
/// `base` itself does not have (same code and message), each at the
/// scenario's name.
fn scenario_problems(
    base: &Roadmap,
    sc: &Scenario,
    base_findings: &[Finding],
    (plan_year, as_of): (Option<i32>, NaiveDate),
) -> Vec<Finding> {
    let Ok(overlaid) = crate::scenario::apply(base, sc) else {
        return Vec::new();
    };
    let mut ignored = Vec::new();
    let (_, ctx) = context(&overlaid, plan_year, as_of, &mut ignored);
    check::check(&overlaid, &ctx)
        .into_iter()
        .filter(|f| SCENARIO_CODES.contains(&f.code))
        .filter(|f| {
            !base_findings
                .iter()
                .any(|b| b.code == f.code && b.message == f.message)
        })
        .filter_map(|f| match f.message {
            crate::diag::Message::Rule(problem) => Some(Finding::new(
                Code::W018,
                sc.name.span,
                RuleMessage::ScenarioProblem {
                    scenario: sc.name.value.as_str().into(),
                    problem: Box::new(problem),
                },
            )),
            _ => None,
        })
        .collect()
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

/// For unit tests of the reports: a roadmap's text checked as `r.toml`
/// (it must have no data errors), with its budget and plan.
#[cfg(test)]
pub(crate) fn planned(
    text: &str,
    as_of: Option<NaiveDate>,
) -> (Checked, Budget, crate::plan::Plan) {
    let over = Overrides {
        as_of,
        year: None,
        scenario: None,
    };
    let mut checked = run("r.toml", text.as_bytes().to_vec(), &over);
    assert!(!checked.has_data_errors(), "{:?}", checked.findings);
    let budget = checked.budget.take().expect("a budget");
    let plan = crate::plan::build(&checked.roadmap, &budget).expect("a plan");
    (checked, budget, plan)
}

#[cfg(test)]
mod tests;
