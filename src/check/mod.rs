//! The checks of SPEC section 5 that look across the loaded roadmap: ids,
//! references, quotes, dates, coverage, budget, cycles and the warnings.
//! The loader has already reported what one value alone shows (E001–E003,
//! E006 amounts, E012); [`check`] adds the rest. Rules return findings and
//! never print.
//!
//! Everything here is linear (or `n log n` for the final sort) in the size of
//! the roadmap: ids are looked up in hash maps, the dependency graph is walked
//! with explicit stacks, and "did you mean" suggestions have a fixed budget,
//! so a file with 100 000 initiatives checks as fast as it loads.
//!
//! Where SPEC section 5 leaves room, these are the decisions:
//!
//! - E004 compares ids within one kind (initiatives, team, departments,
//!   training, KPIs): references are always to one kind, so a department and
//!   a KPI may share an id. The second definition is the finding.
//! - E007 fires for a planned or in-progress initiative missing either date.
//!   A date the loader refused (E003) is not also called missing.
//! - E008 counts `cxm` initiatives in the plan (planned or in progress,
//!   overlapping the plan year). E009 asks for *new* work: a `cxm`
//!   initiative in the plan with status `planned`; so E009 alone means only
//!   in-progress work serves a competency whose maturity is to rise. When a
//!   competency has no `cxm` plan work at all, one E008 names the gap too.
//! - Rev. 2 adds done, cancelled and on-hold work with plan-year cash to
//!   the budget's plan (`budget::compute`); the rules keep their own "plan
//!   work" (`in_plan`: planned or in progress, overlapping the plan
//!   year), so E008 and E009 count what SPEC section 5 names, and W003,
//!   W004 and W009 ask about work still to do, not finished work.
//! - E003 (`actual` with spend entries) points at `actual`. W017's
//!   overspend compares the actual (written, or the spend entries up to
//!   `as_of`) with the priced budget, whatever the status; an initiative
//!   without quotes or `cost` has no budget to overspend (W004's
//!   business). W017 for done work without an actual points at `status`.
//! - E013 gives one finding per strongly connected component of
//!   `depends_on`, naming its shortest cycle through the component's first
//!   initiative in the file.
//! - W001 and W002 look at every initiative, whatever its status; `kpis`
//!   naming a KPI counts as a success measure for W002.
//! - W009 (rev. 2) weighs the plan-year effort (SPEC section 4 *Effort*)
//!   of team-owned plan work only (both areas; an owner that is no
//!   `[[team]]` member takes none of the team's days) against the sum of
//!   the `capacity_days` given, and points at the first `[[team]]` header;
//!   a member's overload points at their `capacity_days`. The days in the
//!   message are rounded to one decimal; the comparison is exact.
//! - W012 fires on each `planned` plan-year initiative without a
//!   `priority` (a priority the loader refused is not also called missing).
//! - W011: an initiative must start after its dependency's last day;
//!   starting on that day is a finding.
//! - E014 (KPI targets): a checkpoint equal to the baseline, the target or
//!   the checkpoint before it is on the way (a plateau), not a finding;
//!   each checkpoint gets at most one finding, the first of: its date
//!   outside `(start, target_date)`, its value not between baseline and
//!   target, its value further from the target than the checkpoint before.
//!   Checkpoint values are not judged while the target itself is wrong,
//!   nor checkpoint dates while the target date is, or while the KPI has
//!   no start (no `baseline_date` and no measurement up to `as_of`). A
//!   default target date (the end of the plan year) before the start is
//!   shown at the start's date.
//! - W016: one finding per KPI measurement dated after `as_of`, at its date.
//! - Goals (rev. 2, SPEC section 7). A `parent` must name a *long* goal:
//!   one naming a year goal is E005 like an unknown one (its help says a
//!   long goal is wanted), and a long goal with `parent` or `focus` is
//!   E003 (the loader), so parents never form a cycle. A year goal needs
//!   `year`, a long goal `until` (E012, the loader); a long goal's `until`
//!   before the plan year is E003. A goal's and a communication's `owner`
//!   must be a `[[team]]` member (E005); a communication's `sponsor` is
//!   free text (a board member is rarely on the CX team).
//! - E014 for a goal's KPI value compares it with the KPI's `baseline` in
//!   its `direction` (equal included); a KPI without a baseline gives
//!   nothing to compare with.
//! - W013 counts year goals with `focus = true` whose `year` is the plan
//!   year; one finding, at the fourth one's `focus`, naming them all.
//! - W014 walks the plan's own cut line (`plan::build`, the same as `cxm
//!   plan`), so raising a priority, the cap or the capacity clears it. Work
//!   serving a goal names it directly in `goals` (a year goal is not served
//!   by work naming its long goal). Cancelled and on-hold plan lines do not
//!   count as serving; done and in-progress ones above the line do. One
//!   finding per focus goal, at its `focus`, naming the serving work that
//!   fell below the line. Nothing without a budget (no plan year).
//! - W015 fires only when the file has `[[goals]]`, on each `cxm`
//!   initiative planned or in progress in the plan year (the rules' plan
//!   work, as for W003) whose `goals` is empty.

mod cycles;
mod rules;
#[cfg(test)]
mod tests;

use crate::diag::{Code, Finding, Severity};
use crate::money::Money;
use crate::roadmap::{Initiative, Roadmap, Status};
use chrono::NaiveDate;

pub(crate) use cycles::cycles;

/// What the checks need beyond the file: the resolved dates and the CXM
/// total, which the budget module computes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CheckContext {
    /// The inventory date: `--as-of`, else the file's `as_of`, else today.
    pub as_of: NaiveDate,
    /// The plan year: `--year`, else the file's `plan_year`. Without one the
    /// plan rules (E008, E009, W003, W004, W009) have nothing to look at.
    pub plan_year: Option<i32>,
    /// The CXM total of the plan year (SPEC section 4); E010 is skipped
    /// without it.
    pub cxm_total: Option<Money>,
    /// The plan's initiatives (SPEC section 3) with where the cut line
    /// left each (`plan::build`); W014 is skipped without it.
    pub plan: Option<Vec<PlanMark>>,
}

/// One initiative of the plan as W014 sees it: its id, status, and
/// whether the cut line left it below.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PlanMark {
    pub id: String,
    pub status: Status,
    pub below_line: bool,
}

/// Runs every cross-value rule. Warnings named in `[check] allow` are left
/// out (their rules do not run); errors never are. The findings come sorted
/// (see [`sort`]).
///
/// Run it only on a roadmap whose TOML parsed (`Loaded::syntax_ok`): after a
/// syntax error the model is partial, and cross-value findings (a missing
/// competency, an unknown owner) would be guesses.
pub(crate) fn check(r: &Roadmap, ctx: &CheckContext) -> Vec<Finding> {
    let mut out = rules::run(r, ctx);
    sort(&mut out);
    out
}

/// Whether `[check] allow` silences `code`. Only warnings can be silenced.
pub(crate) fn is_allowed(r: &Roadmap, code: Code) -> bool {
    code.severity() == Severity::Warning && r.allow.iter().any(|a| a.value == code.as_str())
}

/// Orders findings the way a reader walks the file: by where they start,
/// then by code. The sort is stable, so findings of one rule at one place
/// keep the order the rule gave them. Use it on the loader's and the
/// checks' findings together.
///
/// The order is a stable sort's, but the findings are not moved through a
/// buffer of half their number as `sort_by_key` would: a file with millions
/// of findings would hold them one and a half times. Their positions are
/// sorted instead, and the findings moved into place by swaps.
pub(crate) fn sort(findings: &mut [Finding]) {
    let key = |f: &Finding| (f.span.start(), f.code);
    if findings.is_sorted_by_key(key) {
        return;
    }
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by_key(|&i| key(&findings[i]));
    // Position `i` takes the finding at `order[i]`: each cycle of the
    // permutation is walked once, and a walked position marked done.
    const DONE: usize = usize::MAX;
    for start in 0..order.len() {
        let mut at = start;
        while order[at] != DONE {
            let from = order[at];
            order[at] = DONE;
            if from == start {
                break;
            }
            findings.swap(at, from);
            at = from;
        }
    }
}

pub(crate) use crate::budget::in_plan;

/// Whether an initiative is in the plan with status `planned` exactly: the
/// new work that E009 asks for when a competency's maturity is to rise.
pub(crate) fn planned_in(ini: &Initiative, year: i32) -> bool {
    in_plan(ini, year)
        && ini
            .status
            .as_ref()
            .is_some_and(|s| s.value == Status::Planned)
}
