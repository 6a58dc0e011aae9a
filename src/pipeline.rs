//! The one way from a roadmap's bytes to a checked roadmap: decode, load,
//! compute the budget, run the rules, drop the allowed warnings, sort. Every
//! command, test and the benchmark go through [`run`]; `app` only reads the
//! input and writes what the renderers make of the result.
//!
//! The budget is computed before the rules so that they run once, E010 (the
//! CXM total over the cap) among them. Nothing here fails: every problem in
//! the file is a finding.

use crate::budget::{self, Budget};
use crate::check::{self, CheckContext, PlanMark};
use crate::diag::{Code, Finding, RuleMessage, Severity};
use crate::plan;
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
    // The loader's findings are taken over, not copied: a large file has
    // millions of them. A file that is not UTF-8 has no others.
    let mut findings: Vec<Finding> = loaded.findings;
    findings.extend(utf8);
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
        // Only W014 reads the cut line, and only a file with goals has it.
        let plan = budget
            .as_ref()
            .filter(|_| !roadmap.goals.is_empty())
            .and_then(|b| plan::build(&roadmap, b).ok());
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
mod tests;
