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
//!   `line:column` means nothing to it;
//! - *strategy on a page* (SPEC section 7) takes the goals report
//!   ([`crate::goals::build`]) as it is and keeps the plan year's focus
//!   goals (year goals of `plan_year` with `focus = true`), in its order;
//!   a focus goal is *without work* (W014's red flag) when none of its
//!   serving initiatives above the cut line is active or done — W014's own
//!   predicate on the same plan — so the flag shows even where `[check]`
//!   allows W014; a roadmap without goals has no such section;
//! - an owner is shown by the team member's name, else by the id the file
//!   gives (a department, a person outside the team); work without an
//!   owner (a department's) shows `—`;
//! - the backlog lists what the plan does not do this year, each with its
//!   `reason`: the ideas (plan order), on-hold and cancelled work as the
//!   inventory takes it (SPEC section 3: on hold, or cancelled with `end`
//!   in the 365 days up to `as_of`) or as the plan holds it, then the
//!   planned work below the cut line (plan order);
//! - *since last quarter* is the `cxm status` note ([`crate::status::build`])
//!   of its default period (`as_of` − 91 days to `as_of`), as it is;
//! - the scenarios panel (SPEC section 10, without `--scenario`) shows the
//!   base and every scenario in file order with the CXM total, the budget
//!   cap and the initiatives below each cut line, by title (else id);
//!   with `--scenario`, or in a file without scenarios, there is none.

use crate::budget::{Budget, BudgetError};
use crate::diag::{Finding, Severity};
use crate::goals::{GoalLine, GoalsReport, Serving};
use crate::kpi::{KpiReport, Share};
use crate::money::{Decimal, Money};
use crate::roadmap::{Area, Competency, Horizon, LatestUpdate, Roadmap, Status};
use crate::source::Source;
use crate::status::StatusReport;
use chrono::{Days, NaiveDate};
use std::collections::{HashMap, HashSet};

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
    /// The focus goals of the plan year; `None` when the file has no goals.
    pub strategy: Option<Strategy>,
    /// What the plan does not do, with the reasons.
    pub backlog: Vec<BacklogRow>,
    /// The `cxm status` note of the default period.
    pub status: StatusReport,
    /// The scenario shown (`--scenario`, SPEC section 10): the title says
    /// it. `None` for the file as written.
    pub scenario: Option<String>,
    /// The scenarios panel: the base and each `[scenarios.NAME]` as
    /// `cxm scenarios` computes them ([`crate::scenarios::figures`]). Empty
    /// (no panel) when a scenario is shown or the file has none; the caller
    /// fills it, since each column runs the pipeline again.
    pub scenarios: Vec<crate::scenarios::ScenarioFigures>,
}

/// Strategy on a page (SPEC section 7): the focus goals with the money and
/// work behind them.
#[derive(Clone, Debug, PartialEq)]
pub struct Strategy {
    pub vision: Option<String>,
    pub focus: Vec<FocusGoal>,
    /// The CXM total the shares are of.
    pub cxm_total: Money,
    /// Plan-year CXM money above the line that serves no goal.
    pub cxm_serving_no_goal: Money,
}

/// A focus goal of the plan year, as `cxm goals` reports it.
#[derive(Clone, Debug, PartialEq)]
pub struct FocusGoal {
    pub goal: GoalLine,
    /// The owner's name (else id).
    pub owner: Option<String>,
    /// W014: no active or done work above the cut line serves it.
    pub without_work: bool,
    pub initiatives: Vec<ServingRow>,
}

/// An initiative serving a focus goal, with its owner and latest check-in.
#[derive(Clone, Debug, PartialEq)]
pub struct ServingRow {
    pub serving: Serving,
    pub owner: Option<String>,
    pub latest_update: Option<LatestUpdate>,
}

/// Why a backlog row is not in this year's work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BacklogKind {
    Idea,
    OnHold,
    Cancelled,
    BelowLine,
}

/// One line of the backlog.
#[derive(Clone, Debug, PartialEq)]
pub struct BacklogRow {
    pub id: String,
    pub title: Option<String>,
    pub kind: BacklogKind,
    pub owner: Option<String>,
    pub reason: Option<String>,
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
    /// The owner's name from the team, else the owner's id.
    pub owner_name: Option<String>,
    /// The latest check-in on or before `as_of`.
    pub latest_update: Option<LatestUpdate>,
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
    let names: HashMap<&str, &str> = r
        .team
        .iter()
        .filter_map(|m| {
            Some((
                m.id.as_ref()?.value.as_str(),
                m.name.as_ref()?.value.as_str(),
            ))
        })
        .collect();
    let owner_name = |o: Option<&str>| o.map(|o| names.get(o).copied().unwrap_or(o).to_string());
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
                owner_name: owner_name(l.owner.as_deref()),
                latest_update: l.latest_update,
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
    let kpis = crate::kpi::build(r, as_of, budget.plan_year);
    let strategy = if r.goals.is_empty() {
        None
    } else {
        let report = crate::goals::build(r, &plan, &kpis)
            .ok_or(BudgetError::Overflow { span: r.meta.span })?;
        Some(strategy(r, report, &plan, &owner_name))
    };
    let status = crate::status::build(
        r,
        budget,
        findings,
        crate::status::default_since(as_of),
        as_of,
    )?;
    Ok(Dashboard {
        scenario: None,
        scenarios: Vec::new(),
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
        kpis,
        strategy,
        backlog: backlog(r, &plan, as_of, &owner_name),
        status,
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

/// The focus goals of the plan year out of the goals report.
fn strategy(
    r: &Roadmap,
    report: GoalsReport,
    plan: &crate::plan::Plan,
    owner_name: &dyn Fn(Option<&str>) -> Option<String>,
) -> Strategy {
    let update = |id: &str| {
        plan.initiatives
            .iter()
            .find(|l| l.id == id)
            .and_then(|l| l.latest_update)
    };
    let focus = report
        .goals
        .into_iter()
        .filter(|g| g.focus && g.horizon == Horizon::Year && g.year == Some(report.plan_year))
        .map(|goal| {
            let without_work = !goal
                .initiatives
                .iter()
                .any(|s| !s.below_line && !matches!(s.status, Status::Cancelled | Status::OnHold));
            let initiatives = goal
                .initiatives
                .iter()
                .map(|s| ServingRow {
                    serving: s.clone(),
                    owner: owner_name(s.owner.as_deref()),
                    latest_update: update(&s.id),
                })
                .collect();
            FocusGoal {
                owner: owner_name(goal.owner.as_deref()),
                without_work,
                initiatives,
                goal,
            }
        })
        .collect();
    Strategy {
        vision: r
            .vision
            .as_ref()
            .and_then(|v| v.statement.as_ref())
            .map(|s| s.value.clone()),
        focus,
        cxm_total: report.cxm_total,
        cxm_serving_no_goal: report.cxm_serving_no_goal,
    }
}

/// What the plan does not do this year, with the reasons (see the
/// module's doc for what each kind takes).
fn backlog(
    r: &Roadmap,
    plan: &crate::plan::Plan,
    as_of: NaiveDate,
    owner_name: &dyn Fn(Option<&str>) -> Option<String>,
) -> Vec<BacklogRow> {
    let mut rows: Vec<BacklogRow> = plan
        .backlog
        .iter()
        .map(|b| BacklogRow {
            id: b.id.clone(),
            title: b.title.clone(),
            kind: BacklogKind::Idea,
            owner: owner_name(b.owner.as_deref()),
            reason: b.reason.clone(),
        })
        .collect();
    let in_plan: HashSet<&str> = plan.initiatives.iter().map(|l| l.id.as_str()).collect();
    let window = as_of.checked_sub_days(Days::new(365)).unwrap_or(as_of);
    for kind in [BacklogKind::OnHold, BacklogKind::Cancelled] {
        for ini in &r.initiatives {
            let status = ini.status.as_ref().map(|s| s.value);
            let end = ini.end.as_ref().map(|e| e.value);
            let takes = match (kind, status) {
                (BacklogKind::OnHold, Some(Status::OnHold)) => true,
                (BacklogKind::Cancelled, Some(Status::Cancelled)) => {
                    in_plan.contains(ini.id_str()) || end.is_some_and(|e| window <= e && e <= as_of)
                }
                _ => false,
            };
            if takes {
                rows.push(BacklogRow {
                    id: ini.id_str().to_string(),
                    title: ini.title.as_ref().map(|t| t.value.clone()),
                    kind,
                    owner: owner_name(ini.owner.as_ref().map(|o| o.value.as_str())),
                    reason: ini.reason.as_ref().map(|x| x.value.clone()),
                });
            }
        }
    }
    rows.extend(
        plan.initiatives
            .iter()
            .filter(|l| l.below_line)
            .map(|l| BacklogRow {
                id: l.id.clone(),
                title: l.title.clone(),
                kind: BacklogKind::BelowLine,
                owner: owner_name(l.owner.as_deref()),
                reason: l.reason.clone(),
            }),
    );
    rows
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
