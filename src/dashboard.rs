//! The HTML dashboard's model (`cxm report --html`): what the board sees on
//! one page, computed once from the checked roadmap. Money figures come from
//! [`Budget`] and KPI figures from [`KpiReport`]; nothing here recomputes
//! them.
//!
//! The plan's order and cut line come from the plan model (`src/plan.rs`)
//! and the time-eater share from the inventory model (`src/inventory.rs`),
//! so the dashboard shows the same figures as `cxm plan` and `cxm inventory`.
//!
//! Decisions where the SPEC is silent:
//! - coverage counts the plan's `cxm` initiatives per competency (as in
//!   `cxm plan --format json`); a competency is covered when it has one;
//! - the budget's share of the cap is shown rounded to one place; without a
//!   cap there is no share;
//! - the KPI headline counts the KPIs of each status (SPEC section 8) that
//!   some KPI has, in the order a board acts on them: reached, on track,
//!   behind, stale, too early, no data; a status no KPI has is left out;
//! - the open findings are every finding `cxm check` would print (errors
//!   that leave the reports printing, and warnings not allowed in
//!   `[check]`), in its order, worded in the dashboard's language; each
//!   says what it is about — the initiative, KPI, team member, training or
//!   department whose table holds it (by its `id`), else the table's name —
//!   since the board reads the dashboard, not the TOML file, and a
//!   `line:column` means nothing to it.

use crate::budget::{Budget, BudgetError};
use crate::diag::{Finding, Severity};
use crate::kpi::{KpiReport, Share};
use crate::money::{Decimal, Money};
use crate::roadmap::{Area, Competency, Roadmap, Status};
use crate::source::Source;
use chrono::NaiveDate;
use std::collections::HashSet;

/// Everything the dashboard shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Dashboard<'a> {
    pub organisation: Option<String>,
    pub team: Option<String>,
    /// The roadmap file's name, for the footer.
    pub source_name: String,
    pub budget: &'a Budget,
    /// `totals.cxm / budget_cap` as a percentage with one place.
    pub cap_used_percent: Option<Decimal>,
    /// Plan initiatives of area `cxm` per competency, all four in order.
    pub coverage: Vec<(Competency, usize)>,
    pub time_eaters: TimeEaters,
    /// The plan in cut-line order.
    pub plan: Vec<PlanRow>,
    pub kpis: KpiReport,
    pub findings: Vec<FindingRow>,
    /// The scenario shown (`--scenario`, SPEC section 10): the title says
    /// it. `None` for the file as written.
    pub scenario: Option<String>,
}

impl Dashboard<'_> {
    /// How many of the four competencies have a `cxm` plan initiative.
    pub(crate) fn covered(&self) -> usize {
        self.coverage.iter().filter(|(_, n)| *n > 0).count()
    }
}

/// The team's effort on `cx` work in the inventory (SPEC section 6), as
/// `cxm inventory` counts it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeEaters {
    /// Effort days of the inventory's time eaters (`cx` work owned by a
    /// team member).
    pub eater_days: Decimal,
    /// Effort days of the inventory's team-owned initiatives (SPEC section
    /// 6, rev. 2: the share counts the team's own work only).
    pub total_days: Decimal,
    /// `eater_days / total_days` with two places (`0.25`); `None` without effort.
    pub share: Option<Decimal>,
}

/// One plan initiative on the timeline, with the running sums of the cut line.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanRow {
    pub id: String,
    pub title: Option<String>,
    pub competency: Competency,
    pub area: Area,
    pub status: Status,
    pub owner: Option<String>,
    pub priority: Option<u32>,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub effort_days: Option<Decimal>,
    pub plan_year_budget: Money,
    /// Σ plan-year budgets of area `cxm` so far.
    pub cumulative_budget: Money,
    /// Σ plan-year effort of team-owned work so far (SPEC section 4, rev. 2).
    pub cumulative_effort: Decimal,
    /// Whether a team member owns `cx` work: a time eater (W008).
    pub time_eater: bool,
    pub below_line: bool,
}

/// A finding of `cxm check`, with what it is about.
#[derive(Clone, Debug, PartialEq)]
pub struct FindingRow {
    pub code: &'static str,
    pub severity: Severity,
    pub finding: Finding,
    pub about: About,
}

/// What a finding is about: the table it sits in (`initiatives`, `fx`,
/// `maturity.culture`) and that table's `id` when it has one; no table
/// for keys before the first table.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct About {
    pub table: Option<String>,
    pub id: Option<String>,
}

/// The table header a line of TOML is, if it is one: `[fx]` gives `fx`,
/// `[[initiatives]]` gives `initiatives`.
fn table_header(line: &str) -> Option<&str> {
    let line = line.split('#').next().unwrap_or("").trim();
    let inner = line.strip_prefix('[')?.strip_suffix(']')?;
    let inner = inner
        .strip_prefix('[')
        .and_then(|i| i.strip_suffix(']'))
        .unwrap_or(inner)
        .trim();
    let ok = !inner.is_empty()
        && inner
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '"' | ' '));
    ok.then_some(inner)
}

/// The `id = "…"` of a table's own lines.
fn table_id<'t>(lines: impl Iterator<Item = &'t str>) -> Option<String> {
    for line in lines {
        if table_header(line).is_some() {
            return None;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        if key.trim() == "id" {
            let v = value.split('#').next().unwrap_or("").trim();
            let v = v.trim_matches(|c| c == '"' || c == '\'');
            return (!v.is_empty()).then(|| v.to_string());
        }
    }
    None
}

/// What the finding at byte `offset` of `text` is about: the nearest table
/// header on or above its line, and that table's `id`. Only the lines
/// between the header and the finding, and the table's own, are read.
pub(crate) fn about(text: &str, offset: usize) -> About {
    let mut end = offset.min(text.len());
    while end > 0 && !text.is_char_boundary(end) {
        end -= 1;
    }
    // The finding's line, whole, then the lines above it.
    let line_end = text[end..].find('\n').map_or(text.len(), |n| end + n);
    // Where the line looked at ends.
    let mut stop = line_end;
    for line in text[..line_end].rsplit('\n') {
        if let Some(table) = table_header(line) {
            return About {
                table: Some(table.to_string()),
                id: table_id(text.get(stop + 1..).unwrap_or("").lines()),
            };
        }
        stop = stop.saturating_sub(line.len() + 1);
    }
    About::default()
}

/// Builds the dashboard of a roadmap without data errors.
pub fn build<'a>(
    r: &Roadmap,
    source: &Source,
    findings: &[Finding],
    budget: &'a Budget,
    as_of: NaiveDate,
) -> Result<Dashboard<'a>, BudgetError> {
    let team: HashSet<&str> = r
        .team
        .iter()
        .filter_map(|m| m.id.as_ref().map(|i| i.value.as_str()))
        .collect();
    let plan = crate::plan::build(r, budget)?;
    let inventory = crate::inventory::build(r, as_of, budget)?;
    let cap_used_percent = budget.budget_cap.and_then(|cap| {
        Share {
            num: budget.totals.cxm.0,
            den: cap.0,
        }
        .percent()
    });
    let rows = plan
        .initiatives
        .iter()
        .filter_map(|l| {
            let (Some(start), Some(end)) = (l.start, l.end) else {
                return None;
            };
            Some(PlanRow {
                id: l.id.clone(),
                title: l.title.clone(),
                competency: l.competency,
                area: l.area,
                status: l.status,
                owner: l.owner.clone(),
                priority: l.priority,
                start,
                end,
                effort_days: l.effort_days,
                plan_year_budget: l.plan_year_budget,
                cumulative_budget: l.cumulative_budget,
                cumulative_effort: l.cumulative_effort,
                time_eater: l.area == Area::Cx
                    && l.owner.as_deref().is_some_and(|o| team.contains(o)),
                below_line: l.below_line,
            })
        })
        .collect();
    Ok(Dashboard {
        scenario: None,
        organisation: r.meta.organisation.as_ref().map(|o| o.value.clone()),
        team: r.meta.team.as_ref().map(|t| t.value.clone()),
        source_name: source.name.clone(),
        budget,
        cap_used_percent,
        coverage: plan.coverage.clone(),
        time_eaters: TimeEaters {
            eater_days: inventory.cx_effort_days,
            total_days: inventory.team_effort_days,
            share: inventory.time_eater_share,
        },
        plan: rows,
        kpis: crate::kpi::build(r, as_of, budget.plan_year),
        findings: findings
            .iter()
            .map(|f| FindingRow {
                code: f.code.as_str(),
                severity: f.severity(),
                finding: f.clone(),
                about: about(&source.text, f.span.start()),
            })
            .collect(),
    })
}

#[cfg(test)]
mod about_tests {
    use super::{About, about};

    const TOML: &str = "organisation = \"X\"\n[roadmap]\nplan_year = 2027\n\n[[initiatives]] # first\nid = \"cx-vision\"\ntitle = \"A\"\n[[initiatives]]\ntitle = \"B\"\nid = 'voc'\n[maturity.culture]\nlevel = 2\n";

    fn at(needle: &str) -> About {
        about(TOML, TOML.find(needle).unwrap())
    }

    #[test]
    fn a_finding_is_about_the_table_it_sits_in() {
        assert_eq!(at("organisation"), About::default());
        let t = |t: &str, id: Option<&str>| About {
            table: Some(t.to_string()),
            id: id.map(str::to_string),
        };
        assert_eq!(at("plan_year"), t("roadmap", None));
        assert_eq!(at("title = \"A\""), t("initiatives", Some("cx-vision")));
        assert_eq!(at("[[initiatives]] #"), t("initiatives", Some("cx-vision")));
        assert_eq!(at("title = \"B\""), t("initiatives", Some("voc")));
        assert_eq!(at("level"), t("maturity.culture", None));
        assert_eq!(about(TOML, TOML.len() + 10), t("maturity.culture", None));
    }
}
