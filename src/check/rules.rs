//! The rules themselves: one function per rule, run in the order of
//! [`RULES`]. Each reads the roadmap through a [`Ctx`] and pushes findings
//! of the one code it is listed with; none prints. Adding a rule is one
//! function, one line in [`RULES`] and one fixture.
//!
//! A code with two separate conditions has two functions (E007: the order
//! of the dates, and missing dates); E008 and E009 read one coverage table,
//! which each computes for itself (it is linear, and the two stay apart).
//! Findings come in list order, not file order; `check` sorts them, and
//! findings of one rule at one place keep the order the rule gave them.
//!
//! A warning that `[check] allow` silences is not run at all.

use super::{CheckContext, PlanMark, in_plan, is_allowed, planned_in};
use crate::budget;
use crate::diag::{self, Bound, Code, Entry, Finding, Known, RuleMessage as M};
use crate::effort::{self, Effort};
use crate::money::{Decimal, Money};
use crate::roadmap::{
    Area, Choice as _, Competency, Direction, Horizon, Initiative, Kpi, Roadmap, Status,
};
use crate::roadmap::{InitiativeKey as K, QuoteKey as Q};
use crate::source::{Sp, Span};
use chrono::{Months, NaiveDate};
use foldhash::{HashMap, HashMapExt as _};

/// A rule: reads the roadmap, pushes findings.
type Rule = fn(&Ctx<'_>, &mut Vec<Finding>);

/// Every rule, with the one code its findings have.
const RULES: &[(Code, Rule)] = &[
    (Code::E003, actual_and_spend),
    (Code::E003, goal_until),
    (Code::E004, duplicate_ids),
    (Code::E005, unknown_references),
    (Code::E005, unknown_spend_currencies),
    (Code::E005, unknown_goal_references),
    (Code::E003, expected_ranges),
    (Code::E006, quote_shapes),
    (Code::E006, unit_value_ranges),
    (Code::E007, end_before_start),
    (Code::E007, undated_active_work),
    (Code::E007, communication_dates),
    (Code::E008, uncovered_competencies),
    (Code::E009, no_new_work),
    (Code::E010, budget_cap),
    (Code::E011, cx_without_department),
    (Code::E013, dependency_cycles),
    (Code::E014, kpi_targets),
    (Code::E014, goal_kpi_values),
    (Code::W001, cxm_without_owner),
    (Code::W002, no_success_measure),
    (Code::W003, no_effort),
    (Code::W004, no_price),
    (Code::W005, one_quote),
    (Code::W006, stale_quotes),
    (Code::W007, unusual_markups),
    (Code::W008, team_owns_cx_work),
    (Code::W009, capacity),
    (Code::W010, status_against_dates),
    (Code::W010, updates_before_start),
    (Code::W011, dependency_order),
    (Code::W012, no_priority),
    (Code::W013, too_many_in_focus),
    (Code::W014, focus_goal_without_work),
    (Code::W015, serves_no_goal),
    (Code::W016, measurements_after_as_of),
    (Code::W016, spend_after_as_of),
    (Code::W016, updates_after_as_of),
    (Code::W017, overspent),
    (Code::W017, done_without_actual),
    (Code::W019, unit_value_notes),
    (Code::W019, expected_without_value),
    (Code::E003, scenario_statuses),
    (Code::E003, scenario_capacities),
    (Code::E005, scenario_references),
    (Code::E007, scenario_undated_includes),
];

pub(super) fn run(r: &Roadmap, ctx: &CheckContext) -> Vec<Finding> {
    let ctx = Ctx::new(r, ctx);
    let mut out = Vec::new();
    for &(code, rule) in RULES {
        if is_allowed(r, code) {
            continue;
        }
        let from = out.len();
        rule(&ctx, &mut out);
        debug_assert!(
            out[from..].iter().all(|f| f.code == code
                && matches!(&f.message, diag::Message::Rule(m) if m.code() == code)),
            "a rule listed as {} made another finding",
            code.as_str()
        );
    }
    out
}

/// What every rule may read: the roadmap, the dates and total it is checked
/// against, and the ids of each kind that references name.
struct Ctx<'r> {
    r: &'r Roadmap,
    /// The plan with its cut line, when the budget could be computed and
    /// the file has goals (W014).
    plan: Option<&'r [PlanMark]>,
    as_of: NaiveDate,
    plan_year: Option<i32>,
    cxm_total: Option<Money>,
    initiatives: Ids<'r>,
    team: Ids<'r>,
    departments: Ids<'r>,
    kpis: Ids<'r>,
    goals: Ids<'r>,
}

impl<'r> Ctx<'r> {
    fn new(r: &'r Roadmap, ctx: &'r CheckContext) -> Ctx<'r> {
        Ctx {
            r,
            as_of: ctx.as_of,
            plan_year: ctx.plan_year,
            cxm_total: ctx.cxm_total,
            initiatives: Ids::of(r.initiatives.iter().map(|i| i.id.as_ref())),
            team: Ids::of(r.team.iter().map(|m| m.id.as_ref())),
            departments: Ids::of(r.departments.iter().map(|d| d.id.as_ref())),
            kpis: Ids::of(r.kpis.iter().map(|k| k.id.as_ref())),
            goals: Ids::of(r.goals.iter().map(|g| g.id.as_ref())),
            plan: ctx.plan.as_deref(),
        }
    }
}

/// The ids of one kind of entry: where each was first defined, and the
/// distinct ids in file order (for suggestions).
struct Ids<'r> {
    first: HashMap<&'r str, usize>,
    names: Vec<&'r str>,
}

impl<'r> Ids<'r> {
    fn of(ids: impl Iterator<Item = Option<&'r Sp<String>>>) -> Ids<'r> {
        let n = ids.size_hint().0;
        let mut out = Ids {
            first: HashMap::with_capacity(n),
            names: Vec::with_capacity(n),
        };
        for (i, id) in ids.enumerate() {
            let Some(id) = id else { continue };
            if !out.first.contains_key(id.value.as_str()) {
                out.first.insert(id.value.as_str(), i);
                out.names.push(id.value.as_str());
            }
        }
        out
    }

    fn get(&self, id: &str) -> Option<usize> {
        self.first.get(id).copied()
    }
}

/// E003: `actual` and spend entries together: what was spent has one
/// source of truth (SPEC section 5, rev. 2). The finding points at
/// `actual`.
fn actual_and_spend(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for ini in &ctx.r.initiatives {
        if let Some(actual) = &ini.actual
            && !ini.spend.is_empty()
        {
            let m = M::ActualAndSpend {
                initiative: ini.id_str().into(),
            };
            out.push(Finding::new(Code::E003, actual.span, m));
        }
    }
}

/// E004: an id defined twice among entries of one kind. Ids of different
/// kinds never meet (an owner is always a team id, a department always a
/// department id), so `sales` may name both a department and a KPI. The
/// second definition is the finding.
fn duplicate_ids(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let r = ctx.r;
    let initiatives: Vec<_> = r
        .initiatives
        .iter()
        .map(|i| (&i.id, title(&i.title)))
        .collect();
    duplicates_in(Entry::Initiative, &initiatives, &ctx.initiatives, out);
    let team: Vec<_> = r.team.iter().map(|m| (&m.id, title(&m.name))).collect();
    duplicates_in(Entry::TeamMember, &team, &ctx.team, out);
    let departments: Vec<_> = r
        .departments
        .iter()
        .map(|d| (&d.id, title(&d.name)))
        .collect();
    duplicates_in(Entry::Department, &departments, &ctx.departments, out);
    let training: Vec<_> = r
        .training
        .iter()
        .map(|t| (&t.id, title(&t.title)))
        .collect();
    let training_ids = Ids::of(r.training.iter().map(|t| t.id.as_ref()));
    duplicates_in(Entry::Training, &training, &training_ids, out);
    let kpis: Vec<_> = r.kpis.iter().map(|k| (&k.id, title(&k.name))).collect();
    duplicates_in(Entry::Kpi, &kpis, &ctx.kpis, out);
    let goals: Vec<_> = r.goals.iter().map(|g| (&g.id, title(&g.title))).collect();
    duplicates_in(Entry::Goal, &goals, &ctx.goals, out);
    let communications: Vec<_> = r
        .communications
        .iter()
        .map(|c| (&c.id, title(&c.title)))
        .collect();
    let communication_ids = Ids::of(r.communications.iter().map(|c| c.id.as_ref()));
    duplicates_in(
        Entry::Communication,
        &communications,
        &communication_ids,
        out,
    );
}

fn title(t: &Option<Sp<String>>) -> Option<&str> {
    t.as_ref().map(|t| t.value.as_str())
}

/// E004 for the entries of one kind, each its id and title (or name).
fn duplicates_in(
    kind: Entry,
    entries: &[(&Option<Sp<String>>, Option<&str>)],
    ids: &Ids<'_>,
    out: &mut Vec<Finding>,
) {
    for (i, (id, _)) in entries.iter().enumerate() {
        let Some(id) = id else { continue };
        let Some(first) = ids.get(&id.value).filter(|&first| first != i) else {
            continue;
        };
        let first_title = entries.get(first).and_then(|e| e.1).map(str::to_string);
        out.push(Finding::new(
            Code::E004,
            id.span,
            M::DuplicateId {
                kind,
                id: id.value.as_str().into(),
                first_title: first_title.map(Into::into),
            },
        ));
    }
}

/// How many id comparisons "did you mean" may spend in one run. Enough for
/// every typo in a hand-written file; in a generated file with thousands of
/// broken references the later ones go without a suggestion rather than
/// make the check quadratic.
const SUGGEST_BUDGET: usize = 200_000;
/// Words longer than this get no suggestion (the distance is quadratic in
/// their length, and no id that long is a typo of a known one).
const SUGGEST_MAX_LEN: usize = 64;

/// "did you mean" within the run's budget ([`SUGGEST_BUDGET`]).
struct Suggester {
    budget: usize,
}

impl Suggester {
    fn suggest<'k>(&mut self, word: &str, known: &[&'k str]) -> Option<&'k str> {
        if word.len() > SUGGEST_MAX_LEN || known.len() > self.budget {
            return None;
        }
        self.budget -= known.len();
        diag::suggest(word, known.iter().copied())
    }

    /// The best help there is for an unknown id among `known`.
    fn known(&mut self, word: &str, known: &[&str]) -> Known {
        if let Some(s) = self.suggest(word, known) {
            Known::Suggestion(s.to_string().into())
        } else if known.is_empty() {
            Known::Empty
        } else if known.len() <= Known::LIST_MAX {
            Known::Few(known.iter().map(|s| s.to_string()).collect())
        } else {
            Known::Many
        }
    }
}

/// E005: owners, departments, training needs, KPIs, dependencies and quote
/// currencies must name something the file defines. One walk over the file
/// in order, so the suggestion budget goes to the first broken references.
fn unknown_references(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let r = ctx.r;
    let mut s = Suggester {
        budget: SUGGEST_BUDGET,
    };
    let home = r.meta.currency();
    let mut currencies: Vec<&str> = vec![home];
    currencies.extend(r.fx.iter().map(|f| f.code.value.as_str()));
    for ini in &r.initiatives {
        let initiative = || ini.id_str().to_string();
        if let Some(owner) = &ini.owner
            && ctx.team.get(&owner.value).is_none()
        {
            let m = M::UnknownOwner {
                initiative: initiative().into(),
                owner: owner.value.as_str().into(),
                known: s.known(&owner.value, &ctx.team.names),
            };
            out.push(Finding::new(Code::E005, owner.span, m));
        }
        if let Some(dept) = &ini.department
            && ctx.departments.get(&dept.value).is_none()
        {
            let m = M::UnknownDepartment {
                initiative: initiative().into(),
                department: dept.value.as_str().into(),
                known: s.known(&dept.value, &ctx.departments.names),
            };
            out.push(Finding::new(Code::E005, dept.span, m));
        }
        for kpi in ini.kpis.iter().filter(|k| ctx.kpis.get(&k.value).is_none()) {
            let m = M::UnknownKpi {
                initiative: initiative().into(),
                kpi: kpi.value.as_str().into(),
                known: s.known(&kpi.value, &ctx.kpis.names),
            };
            out.push(Finding::new(Code::E005, kpi.span, m));
        }
        for kpi in
            (ini.expected.iter().map(|e| &e.kpi)).filter(|k| ctx.kpis.get(&k.value).is_none())
        {
            let m = M::UnknownKpi {
                initiative: initiative().into(),
                kpi: kpi.value.as_str().into(),
                known: s.known(&kpi.value, &ctx.kpis.names),
            };
            out.push(Finding::new(Code::E005, kpi.span, m));
        }
        for dep in (ini.depends_on.iter()).filter(|d| ctx.initiatives.get(&d.value).is_none()) {
            let m = M::UnknownDependency {
                initiative: initiative().into(),
                dependency: dep.value.as_str().into(),
                known: s.known(&dep.value, &ctx.initiatives.names),
            };
            out.push(Finding::new(Code::E005, dep.span, m));
        }
        for cur in ini.quotes.iter().filter_map(|q| q.currency.as_ref()) {
            if currencies.contains(&cur.value.as_str()) {
                continue;
            }
            let suggestion = s.suggest(&cur.value, &currencies).map(str::to_string);
            let m = M::UnknownCurrency {
                initiative: initiative().into(),
                currency: cur.value.as_str().into(),
                home: home.to_string().into(),
                suggestion: suggestion.map(Into::into),
            };
            out.push(Finding::new(Code::E005, cur.span, m));
        }
    }
    for tr in &r.training {
        for (dept, _) in &tr.needs {
            if ctx.departments.get(&dept.value).is_none() {
                let m = M::UnknownTrainingDepartment {
                    training: tr.id.as_ref().map(|i| i.value.as_str().into()),
                    department: dept.value.as_str().into(),
                    known: s.known(&dept.value, &ctx.departments.names),
                };
                out.push(Finding::new(Code::E005, dept.span, m));
            }
        }
    }
}

/// E005: a spend entry's currency needs a rate in `[fx]`, like a quote's.
fn unknown_spend_currencies(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let r = ctx.r;
    let mut s = Suggester {
        budget: SUGGEST_BUDGET,
    };
    let home = r.meta.currency();
    let mut currencies: Vec<&str> = vec![home];
    currencies.extend(r.fx.iter().map(|f| f.code.value.as_str()));
    for ini in &r.initiatives {
        for cur in ini.spend.iter().filter_map(|e| e.currency.as_ref()) {
            if currencies.contains(&cur.value.as_str()) {
                continue;
            }
            let suggestion = s.suggest(&cur.value, &currencies).map(str::to_string);
            let m = M::UnknownSpendCurrency {
                initiative: ini.id_str().into(),
                currency: cur.value.as_str().into(),
                home: home.to_string().into(),
                suggestion: suggestion.map(Into::into),
            };
            out.push(Finding::new(Code::E005, cur.span, m));
        }
    }
}

/// E006: the shape of each quote: a range `min`–`max` or one `amount`.
/// A bound the loader refused has been reported already.
fn quote_shapes(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for ini in &ctx.r.initiatives {
        for quote in &ini.quotes {
            let bad = [Q::Min, Q::Max, Q::Amount]
                .into_iter()
                .any(|k| quote.is_rejected(k));
            if bad {
                continue; // the loader reported the amount
            }
            let initiative = ini.id_str().to_string();
            let vendor = quote.vendor.as_ref().map(|v| v.value.clone());
            let (span, m) = match (&quote.min, &quote.max, &quote.amount) {
                (Some(min), Some(max), None) if min.value > max.value => {
                    let (min, max, span) = (min.value, max.value, min.span);
                    let m = M::QuoteMinAboveMax {
                        initiative: initiative.into(),
                        vendor: vendor.map(Into::into),
                        min,
                        max,
                    };
                    (span, m)
                }
                (Some(_), Some(_), None) | (None, None, Some(_)) => continue,
                (None, None, None) => (
                    quote.span,
                    M::QuoteWithoutPrice {
                        initiative: initiative.into(),
                        vendor: vendor.map(Into::into),
                    },
                ),
                (Some(one), None, None) | (None, Some(one), None) => {
                    let given = if quote.min.is_some() {
                        Bound::Min
                    } else {
                        Bound::Max
                    };
                    let m = M::QuoteHalfRange {
                        initiative: initiative.into(),
                        vendor: vendor.map(Into::into),
                        given,
                    };
                    (one.span, m)
                }
                (_, _, Some(amount)) => (
                    amount.span,
                    M::QuoteAmountAndRange {
                        initiative: initiative.into(),
                        vendor: vendor.map(Into::into),
                    },
                ),
            };
            out.push(Finding::new(Code::E006, span, m));
        }
    }
}

/// E007: `end` before `start`.
fn end_before_start(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for ini in &ctx.r.initiatives {
        if let (Some(start), Some(end)) = (&ini.start, &ini.end)
            && end.value < start.value
        {
            let m = M::EndBeforeStart {
                initiative: ini.id_str().into(),
                start: start.value,
                end: end.value,
            };
            out.push(Finding::new(Code::E007, end.span, m));
        }
    }
}

/// E007: planned or in-progress work without dates. A date the loader
/// refused (E003) is not also called missing.
fn undated_active_work(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for ini in &ctx.r.initiatives {
        let Some(status) = ini.status.as_ref().filter(|s| s.value.is_active()) else {
            continue;
        };
        let no_start = ini.start.is_none() && !ini.is_rejected(K::Start);
        let no_end = ini.end.is_none() && !ini.is_rejected(K::End);
        if no_start || no_end {
            let m = M::Undated {
                initiative: ini.id_str().into(),
                status: status.value,
                no_start,
                no_end,
            };
            out.push(Finding::new(Code::E007, ini.anchor(), m));
        }
    }
}

/// How the plan serves one competency: what E008 and E009 judge.
struct Coverage {
    competency: Competency,
    /// Some `cxm` initiative in the plan develops it.
    covered: bool,
    /// Some of those is new work (status `planned`).
    new_work: bool,
    /// Its maturity's `(current, target)`, when the target is higher.
    gap: Option<(u8, u8)>,
    /// Its `[maturity]` entry, else `plan_year`, else the `[roadmap]` header.
    span: Span,
}

/// The plan year and each competency's coverage, in the order of
/// [`Competency::ALL`]; nothing without a plan year. Nothing either while
/// an initiative's competency, area, status or dates could not be read: a
/// finding would only echo that error.
fn coverage(ctx: &Ctx<'_>) -> Option<(i32, Vec<Coverage>)> {
    let year = ctx.plan_year?;
    let r = ctx.r;
    let unreadable = r.initiatives.iter().any(|ini| {
        ini.competency.is_none()
            || ini.area.is_none()
            || ini.status.is_none()
            || [K::Start, K::End].into_iter().any(|k| ini.is_rejected(k))
    });
    if unreadable {
        return None;
    }
    let mut covered = [false; Competency::ALL.len()];
    let mut planned = [false; Competency::ALL.len()];
    for ini in &r.initiatives {
        let (Some(c), Some(area)) = (&ini.competency, &ini.area) else {
            continue;
        };
        if area.value != Area::Cxm || !in_plan(ini, year) {
            continue;
        }
        let k = c.value as usize;
        covered[k] = true;
        planned[k] |= planned_in(ini, year);
    }
    let of = |c: Competency| {
        let gap = r
            .maturity
            .iter()
            .find_map(|m| match (&m.current, &m.target) {
                (Some(cur), Some(tgt)) if m.competency.value == c && tgt.value > cur.value => {
                    Some((cur.value, tgt.value))
                }
                _ => None,
            });
        let span = r
            .maturity
            .iter()
            .find(|m| m.competency.value == c)
            .map_or_else(
                || r.meta.plan_year.as_ref().map_or(r.meta.span, |y| y.span),
                |m| m.competency.span,
            );
        Coverage {
            competency: c,
            covered: covered[c as usize],
            new_work: planned[c as usize],
            gap,
            span,
        }
    };
    Some((year, Competency::ALL.iter().map(|&c| of(c)).collect()))
}

/// E008: every competency needs `cxm` work in the plan. When it has none
/// and a maturity gap too, this one finding says both.
fn uncovered_competencies(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let Some((year, table)) = coverage(ctx) else {
        return;
    };
    for c in table.into_iter().filter(|c| !c.covered) {
        let m = M::Uncovered {
            competency: c.competency,
            year,
            gap: c.gap,
        };
        out.push(Finding::new(Code::E008, c.span, m));
    }
}

/// E009: a competency whose maturity is to rise needs *new* (status
/// `planned`) `cxm` work; work already in progress alone does not do.
fn no_new_work(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let Some((year, table)) = coverage(ctx) else {
        return;
    };
    for c in table {
        if let (true, false, Some((current, target))) = (c.covered, c.new_work, c.gap) {
            let m = M::NoNewWork {
                competency: c.competency,
                year,
                current,
                target,
            };
            out.push(Finding::new(Code::E009, c.span, m));
        }
    }
}

/// E010: the CXM total of the plan year against `budget_cap`; nothing
/// without the total.
fn budget_cap(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let (Some(total), Some(cap)) = (ctx.cxm_total, &ctx.r.meta.budget_cap) else {
        return;
    };
    if total <= cap.value {
        return;
    }
    let m = M::OverCap {
        year: ctx.plan_year,
        total,
        cap: cap.value,
        currency: ctx.r.meta.currency().to_string().into(),
    };
    out.push(Finding::new(Code::E010, cap.span, m));
}

/// E011: improvement work (`cx`) belongs to a department.
fn cx_without_department(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for ini in &ctx.r.initiatives {
        if ini.area.as_ref().is_some_and(|a| a.value == Area::Cx)
            && ini.department.is_none()
            && !ini.is_rejected(K::Department)
        {
            let m = M::CxWithoutDepartment {
                initiative: ini.id_str().into(),
            };
            out.push(Finding::new(Code::E011, ini.anchor(), m));
        }
    }
}

/// E013: one finding per strongly connected component of `depends_on`,
/// naming its shortest cycle through the component's first initiative in
/// the file, at that initiative's entry for the next one in the cycle.
fn dependency_cycles(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let inis = &ctx.r.initiatives;
    let adj: Vec<Vec<usize>> = inis
        .iter()
        .map(|ini| {
            ini.depends_on
                .iter()
                .filter_map(|d| ctx.initiatives.get(&d.value))
                .collect()
        })
        .collect();
    for cycle in super::cycles(&adj) {
        let (Some(&a), Some(&b)) = (cycle.first(), cycle.get(1).or(cycle.first())) else {
            continue;
        };
        let target = inis[b].id_str();
        let span = inis[a]
            .depends_on
            .iter()
            .find(|d| d.value == target)
            .map_or(inis[a].anchor(), |d| d.span);
        let cycle = cycle
            .iter()
            .map(|&i| inis[i].id_str().to_string())
            .collect();
        out.push(Finding::new(Code::E013, span, M::DependencyCycle { cycle }));
    }
}

/// W001: `cxm` work needs an owner.
fn cxm_without_owner(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for ini in &ctx.r.initiatives {
        let cxm = ini.area.as_ref().is_some_and(|a| a.value == Area::Cxm);
        if cxm && ini.owner.is_none() && !ini.is_rejected(K::Owner) {
            let initiative = ini.id_str().to_string();
            out.push(Finding::new(
                Code::W001,
                ini.anchor(),
                M::NoOwner {
                    initiative: initiative.into(),
                },
            ));
        }
    }
}

/// W002: every initiative, whatever its status, says how its success is
/// measured: `kpi`, or at least one entry of `kpis`.
fn no_success_measure(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for ini in &ctx.r.initiatives {
        let has_kpi = ini.kpi.as_ref().is_some_and(|k| !k.value.trim().is_empty())
            || ini.is_rejected(K::Kpi)
            || !ini.kpis.is_empty();
        if !has_kpi {
            let m = M::NoSuccessMeasure {
                initiative: ini.id_str().into(),
            };
            out.push(Finding::new(Code::W002, ini.anchor(), m));
        }
    }
}

/// Whether an initiative is in the plan of the year checked, if there is one.
fn planned(ctx: &Ctx<'_>, ini: &Initiative) -> bool {
    ctx.plan_year.is_some_and(|y| in_plan(ini, y))
}

/// W003: plan work needs an effort estimate, to be weighed against capacity.
fn no_effort(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for ini in &ctx.r.initiatives {
        if planned(ctx, ini) && ini.effort_days.is_none() && !ini.is_rejected(K::EffortDays) {
            let initiative = ini.id_str().to_string();
            out.push(Finding::new(
                Code::W003,
                ini.anchor(),
                M::NoEffort {
                    initiative: initiative.into(),
                },
            ));
        }
    }
}

/// W004: `cxm` plan work needs a price: `cost` or quotes.
fn no_price(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for ini in &ctx.r.initiatives {
        if planned(ctx, ini)
            && ini.area.as_ref().is_some_and(|a| a.value == Area::Cxm)
            && ini.cost.is_none()
            && !ini.is_rejected(K::Cost)
            && ini.quotes.is_empty()
            && !ini.is_rejected(K::Quotes)
        {
            let initiative = ini.id_str().to_string();
            out.push(Finding::new(
                Code::W004,
                ini.anchor(),
                M::NoPrice {
                    initiative: initiative.into(),
                },
            ));
        }
    }
}

/// W005: one vendor quote is no range.
fn one_quote(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for ini in &ctx.r.initiatives {
        if let [only] = ini.quotes.as_slice() {
            let initiative = ini.id_str().to_string();
            out.push(Finding::new(
                Code::W005,
                only.span,
                M::OneQuote {
                    initiative: initiative.into(),
                },
            ));
        }
    }
}

/// W006: a quote more than 12 months older than the inventory date, on
/// work still to be bought: `planned`, `in-progress` or an `idea` (rev. 2).
/// A quote of finished, cancelled or paused work is history, and moving to
/// a new year must not turn it into a warning that breaks `--strict`.
fn stale_quotes(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let Some(limit) = ctx.as_of.checked_sub_months(Months::new(12)) else {
        return;
    };
    let still_to_buy = |ini: &&Initiative| {
        matches!(
            ini.status.as_ref().map(|s| s.value),
            Some(Status::Planned | Status::InProgress | Status::Idea)
        )
    };
    for ini in ctx.r.initiatives.iter().filter(still_to_buy) {
        for date in ini.quotes.iter().filter_map(|q| q.date.as_ref()) {
            if date.value < limit {
                let m = M::StaleQuote {
                    initiative: ini.id_str().into(),
                    date: date.value,
                    as_of: ctx.as_of,
                };
                out.push(Finding::new(Code::W006, date.span, m));
            }
        }
    }
}

/// W007: a markup outside the usual 10–15 %, the roadmap's or an
/// initiative's.
fn unusual_markups(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    const LOW: Decimal = Decimal(10 * Decimal::SCALE);
    const HIGH: Decimal = Decimal(15 * Decimal::SCALE);
    let unusual = |m: &&Sp<Decimal>| m.value < LOW || m.value > HIGH;
    if let Some(m) = ctx.r.meta.markup_percent.as_ref().filter(unusual) {
        let markup = m.value;
        let msg = M::UnusualMarkup {
            initiative: None,
            markup,
        };
        out.push(Finding::new(Code::W007, m.span, msg));
    }
    for ini in &ctx.r.initiatives {
        if let Some(m) = ini.markup_percent.as_ref().filter(unusual) {
            let msg = M::UnusualMarkup {
                initiative: Some(ini.id_str().into()),
                markup: m.value,
            };
            out.push(Finding::new(Code::W007, m.span, msg));
        }
    }
}

/// W008, the time eater: improvement work (`cx`), planned or in progress,
/// owned by a member of the CX team, whose time is for `cxm` work.
fn team_owns_cx_work(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for ini in &ctx.r.initiatives {
        if ini.area.as_ref().is_some_and(|a| a.value == Area::Cx)
            && ini.status.as_ref().is_some_and(|s| s.value.is_active())
            && let Some(owner) = &ini.owner
            && ctx.team.get(&owner.value).is_some()
        {
            let m = M::TeamOwnsCxWork {
                initiative: ini.id_str().into(),
                owner: owner.value.as_str().into(),
                department: ini
                    .department
                    .as_ref()
                    .map(|d| d.value.clone())
                    .map(Into::into),
            };
            out.push(Finding::new(Code::W008, owner.span, m));
        }
    }
}

/// W009: plan-year effort per team member and for the whole team against
/// capacity (SPEC section 4 *Effort*, rev. 2). Only team-owned work takes
/// the team's days: the team's total counts the plan-year effort of every
/// plan initiative a member owns (both areas) against the sum of the
/// `capacity_days` that are given, and points at the first `[[team]]`
/// header; a member's overload points at their `capacity_days`. Sums too
/// large to compute exactly count as over any capacity.
fn capacity(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let Some(year) = ctx.plan_year else {
        return;
    };
    let r = ctx.r;
    let huge = || Effort::from_decimal(Decimal(i128::MAX));
    let add = |a: &Effort, b: &Effort| a.checked_add(b).unwrap_or_else(huge);
    let dates = |ini: &Initiative| {
        (
            ini.start.as_ref().map(|d| d.value),
            ini.end.as_ref().map(|d| d.value),
        )
    };
    // Team-owned plan work with effort: what takes the team's days.
    let owned: Vec<(&Initiative, &Sp<String>, Decimal)> = r
        .initiatives
        .iter()
        .filter_map(|ini| {
            let effort = ini.effort_days.as_ref()?;
            let owner = ini
                .owner
                .as_ref()
                .filter(|o| ctx.team.get(&o.value).is_some())?;
            in_plan(ini, year).then_some((ini, owner, effort.value))
        })
        .collect();
    let scale = effort::Scale::new(owned.iter().filter_map(|(ini, ..)| {
        let (s, e) = dates(ini);
        effort::span_days(s, e)
    }));
    let mut per_owner: HashMap<&str, Effort> = HashMap::new();
    let mut total = Effort::zero();
    for (ini, owner, effort) in owned {
        let (start, end) = dates(ini);
        let e = effort::plan_year_share(&scale, effort, start, end, year).unwrap_or_else(huge);
        total = add(&total, &e);
        let o = per_owner
            .entry(owner.value.as_str())
            .or_insert_with(Effort::zero);
        *o = add(o, &e);
    }
    let shown = |e: &Effort| e.one_place().unwrap_or(Decimal(i128::MAX));
    let mut capacity = Effort::zero();
    let mut any_capacity = false;
    for (i, m) in r.team.iter().enumerate() {
        let Some(cap) = &m.capacity_days else {
            continue;
        };
        any_capacity = true;
        capacity = add(&capacity, &Effort::from_decimal(cap.value));
        // A duplicated id is E004; only its first entry carries the load.
        let Some(id) =
            m.id.as_ref()
                .filter(|id| ctx.team.get(&id.value) == Some(i))
        else {
            continue;
        };
        let load = per_owner
            .get(id.value.as_str())
            .cloned()
            .unwrap_or_default();
        if load
            .exceeds(&Effort::from_decimal(cap.value))
            .unwrap_or(true)
        {
            let m = M::OwnerOverloaded {
                member: id.value.as_str().into(),
                name: m.name.as_ref().map(|n| n.value.as_str().into()),
                year,
                load: shown(&load),
                capacity: cap.value,
            };
            out.push(Finding::new(Code::W009, cap.span, m));
        }
    }
    if let Some(first) = r.team.first()
        && any_capacity
        && total.exceeds(&capacity).unwrap_or(true)
    {
        let m = M::TeamOverloaded {
            year,
            needed: shown(&total),
            capacity: shown(&capacity),
        };
        out.push(Finding::new(Code::W009, first.span, m));
    }
}

/// W012: `planned` plan-year work without a priority sorts last in the
/// walk and is the first to fall below the cut line: say so.
fn no_priority(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let Some(year) = ctx.plan_year else {
        return;
    };
    for ini in &ctx.r.initiatives {
        if planned_in(ini, year) && ini.priority.is_none() && !ini.is_rejected(K::Priority) {
            let m = M::NoPriority {
                initiative: ini.id_str().into(),
                year,
            };
            out.push(Finding::new(Code::W012, ini.anchor(), m));
        }
    }
}

/// W010: a status the dates contradict: done but ending after the
/// inventory date, or still planned but meant to have ended before it;
/// (rev. 2) still planned but meant to have started before it, or in
/// progress but starting after it. A planned initiative whose end has
/// passed gets the one finding about its end (its start has passed too:
/// one finding says it).
fn status_against_dates(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let as_of = ctx.as_of;
    for ini in &ctx.r.initiatives {
        let Some(status) = &ini.status else {
            continue;
        };
        let initiative = ini.id_str().to_string();
        let (start, end) = (ini.start.as_ref(), ini.end.as_ref());
        let (m, span) = match (status.value, start, end) {
            (Status::Done, _, Some(end)) if end.value > as_of => (
                M::DoneInFuture {
                    initiative: initiative.into(),
                    end: end.value,
                    as_of,
                },
                end.span,
            ),
            (Status::Planned, _, Some(end)) if end.value < as_of => (
                M::PlannedInPast {
                    initiative: initiative.into(),
                    end: end.value,
                    as_of,
                },
                end.span,
            ),
            (Status::Planned, Some(start), _) if start.value < as_of => (
                M::PlannedButStarted {
                    initiative: initiative.into(),
                    start: start.value,
                    as_of,
                },
                start.span,
            ),
            (Status::InProgress, Some(start), _) if start.value > as_of => (
                M::InProgressBeforeStart {
                    initiative: initiative.into(),
                    start: start.value,
                    as_of,
                },
                start.span,
            ),
            _ => continue,
        };
        out.push(Finding::new(Code::W010, span, m));
    }
}

/// W011: an initiative must start after every initiative it depends on
/// has ended. Starting on the day the dependency ends counts as too early
/// (the dependency's last day is still spent on it): `start <= end` of the
/// dependency is a finding, `start > end` is fine. A dependency on itself
/// is E013's business.
fn dependency_order(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let inis = &ctx.r.initiatives;
    for (i, ini) in inis.iter().enumerate() {
        let Some(start) = &ini.start else { continue };
        for dep in &ini.depends_on {
            let Some(j) = ctx.initiatives.get(&dep.value).filter(|&j| j != i) else {
                continue;
            };
            let Some(end) = &inis[j].end else { continue };
            if start.value <= end.value {
                let m = M::StartsBeforeDependencyEnds {
                    initiative: ini.id_str().into(),
                    start: start.value,
                    dependency: dep.value.as_str().into(),
                    end: end.value,
                };
                out.push(Finding::new(Code::W011, dep.span, m));
            }
        }
    }
}

/// W016: a spend entry dated after the inventory date: it is left out of
/// `actual` and of every figure until `as_of` reaches it.
fn spend_after_as_of(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for ini in &ctx.r.initiatives {
        for date in ini.spend.iter().filter_map(|e| e.date.as_ref()) {
            if date.value > ctx.as_of {
                let m = M::SpendAfterAsOf {
                    initiative: ini.id_str().into(),
                    date: date.value,
                    as_of: ctx.as_of,
                };
                out.push(Finding::new(Code::W016, date.span, m));
            }
        }
    }
}

/// W016: a check-in dated after the inventory date: it is not the
/// initiative's state until `as_of` reaches it.
fn updates_after_as_of(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for ini in &ctx.r.initiatives {
        for date in ini.updates.iter().filter_map(|u| u.date.as_ref()) {
            if date.value > ctx.as_of {
                let m = M::UpdateAfterAsOf {
                    initiative: ini.id_str().into(),
                    date: date.value,
                    as_of: ctx.as_of,
                };
                out.push(Finding::new(Code::W016, date.span, m));
            }
        }
    }
}

/// W010: a check-in dated before the initiative's `start`: the work had
/// not begun, so the date or the start is wrong.
fn updates_before_start(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for ini in &ctx.r.initiatives {
        let Some(start) = &ini.start else { continue };
        for date in ini.updates.iter().filter_map(|u| u.date.as_ref()) {
            if date.value < start.value {
                let m = M::UpdateBeforeStart {
                    initiative: ini.id_str().into(),
                    date: date.value,
                    start: start.value,
                };
                out.push(Finding::new(Code::W010, date.span, m));
            }
        }
    }
}

/// W017: spent more than the budget, whatever the status. Only an
/// initiative with a price (quotes or `cost`) has a budget to overspend;
/// one whose figures cannot be computed (an unknown currency, E005) is
/// left to that error. Points at `actual`, or at the initiative when the
/// spend entries give the actual.
fn overspent(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let r = ctx.r;
    for ini in &r.initiatives {
        if ini.actual.is_some() && !ini.spend.is_empty() {
            continue; // E003
        }
        let Ok(Some(actual)) = budget::actual(ini, r, ctx.as_of) else {
            continue;
        };
        let Some(budget) = budget::figures(ini, r).ok().and_then(|f| f.known_budget()) else {
            continue;
        };
        if actual <= budget {
            continue;
        }
        let span = ini.actual.as_ref().map_or(ini.anchor(), |a| a.span);
        let m = M::Overspent {
            initiative: ini.id_str().into(),
            actual,
            budget,
            currency: r.meta.currency().to_string().into(),
        };
        out.push(Finding::new(Code::W017, span, m));
    }
}

/// W017: `done` work without `actual` or spend entries: its budget then
/// counts as spent (SPEC section 4, *Cash*), which is a guess.
fn done_without_actual(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for ini in &ctx.r.initiatives {
        if let Some(status) = ini.status.as_ref().filter(|s| s.value == Status::Done)
            && ini.actual.is_none()
            && !ini.is_rejected(K::Actual)
            && ini.spend.is_empty()
            && !ini.is_rejected(K::Spend)
        {
            let m = M::DoneWithoutActual {
                initiative: ini.id_str().into(),
            };
            out.push(Finding::new(Code::W017, status.span, m));
        }
    }
}

/// The start of a KPI's path (SPEC section 8): `baseline_date`, else the
/// earliest measurement on or before the inventory date; with the span
/// that gives it.
fn kpi_start(k: &Kpi, as_of: NaiveDate) -> Option<Sp<NaiveDate>> {
    k.baseline_date.clone().or_else(|| {
        k.measurements
            .iter()
            .filter(|m| m.date.value <= as_of)
            .min_by_key(|m| m.date.value)
            .map(|m| m.date.clone())
    })
}

/// E014: a KPI's target must be better than its baseline, its target
/// date after the start of its path, and its checkpoints steps on the way:
/// dated strictly between the start and the target date, valued between
/// the baseline and the target (either included), and in date order never
/// further from the target than the checkpoint before. One finding per
/// checkpoint, the first of these it breaks; a checkpoint's value is not
/// judged while the target itself is wrong, nor its date while the target
/// date is.
fn kpi_targets(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for k in &ctx.r.kpis {
        let Some(direction) = k.direction.as_ref().map(|d| d.value) else {
            continue;
        };
        let kpi = k.id.as_ref().map_or("", |i| i.value.as_str());
        let better = |a: Decimal, b: Decimal| match direction {
            Direction::Up => a > b,
            Direction::Down => a < b,
        };
        let baseline = k.baseline.as_ref().map(|b| b.value.value);
        let mut ends = None;
        if let (Some(b), Some(t)) = (baseline, &k.target) {
            if better(t.value.value, b) {
                ends = Some((b, t.value.value));
            } else {
                let m = M::TargetNotBeyondBaseline {
                    kpi: kpi.to_string().into(),
                    direction,
                    baseline: b,
                    target: t.value.value,
                };
                out.push(Finding::new(Code::E014, t.span, m));
            }
        }
        let start = kpi_start(k, ctx.as_of);
        let target_date = match (&k.target_date, ctx.plan_year) {
            (Some(d), _) => Some((d.clone(), true)),
            (None, Some(y)) => start.as_ref().map(|s| {
                let d = crate::kpi::default_target_date(y);
                (Sp::new(d, s.span), false)
            }),
            (None, None) => None,
        };
        // The path's period, when both its ends are known and in order.
        let mut period = None;
        if let (Some((td, given)), Some(s)) = (&target_date, &start) {
            if td.value <= s.value {
                let m = M::TargetDateNotAfterStart {
                    kpi: kpi.to_string().into(),
                    target_date: td.value,
                    given: *given,
                    start: s.value,
                };
                out.push(Finding::new(Code::E014, td.span, m));
            } else {
                period = Some((s.value, td.value));
            }
        }
        let mut checkpoints: Vec<_> = k.targets.iter().collect();
        checkpoints.sort_by_key(|c| c.date.value);
        let mut before: Option<(Decimal, NaiveDate)> = None;
        for c in checkpoints {
            let (date, value) = (c.date.value, c.value.value.value);
            if let Some((start, target_date)) = period
                && (date <= start || date >= target_date)
            {
                let m = M::CheckpointOutsidePeriod {
                    kpi: kpi.to_string().into(),
                    date,
                    start,
                    target_date,
                };
                out.push(Finding::new(Code::E014, c.date.span, m));
                continue;
            }
            let Some((b, t)) = ends else { continue };
            if better(b, value) || better(value, t) {
                let m = M::CheckpointNotBetween {
                    kpi: kpi.to_string().into(),
                    date,
                    value,
                    baseline: b,
                    target: t,
                };
                out.push(Finding::new(Code::E014, c.value.span, m));
                continue;
            }
            if let Some((prev, prev_date)) = before
                && better(prev, value)
            {
                let m = M::CheckpointAwayFromTarget {
                    kpi: kpi.to_string().into(),
                    date,
                    value,
                    before: prev,
                    before_date: prev_date,
                };
                out.push(Finding::new(Code::E014, c.value.span, m));
                continue;
            }
            before = Some((value, date));
        }
    }
}

/// W016: a KPI measurement dated after the inventory date: every figure
/// leaves it out, which the reader should know. One finding per
/// measurement, at its date.
fn measurements_after_as_of(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for k in &ctx.r.kpis {
        let kpi = k.id.as_ref().map_or("", |i| i.value.as_str());
        for m in k.measurements.iter().filter(|m| m.date.value > ctx.as_of) {
            let msg = M::MeasurementAfterAsOf {
                kpi: kpi.to_string().into(),
                date: m.date.value,
                as_of: ctx.as_of,
            };
            out.push(Finding::new(Code::W016, m.date.span, msg));
        }
    }
}

/// E003: a long goal ends (`until`) before the plan year: it cannot steer
/// the year being planned (SPEC section 7).
fn goal_until(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let Some(plan_year) = ctx.plan_year else {
        return;
    };
    for g in &ctx.r.goals {
        if g.horizon() != Some(Horizon::Long) {
            continue;
        }
        if let Some(until) = g.until.as_ref().filter(|u| u.value < plan_year) {
            let m = M::GoalUntilBeforePlanYear {
                goal: g.id_str().to_string().into(),
                until: until.value,
                plan_year,
            };
            out.push(Finding::new(Code::E003, until.span, m));
        }
    }
}

/// E005: what goals, initiatives and communications say about goals must
/// name what the file defines: a goal's owner and KPIs, its parent (a long
/// goal), an initiative's and a communication's goals, a communication's
/// owner. A parent naming a year goal is E005 as well (the long goal it
/// should name is unknown), so parents never form a cycle: a long goal has
/// no parent (E003, from the loader).
fn unknown_goal_references(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let r = ctx.r;
    let mut s = Suggester {
        budget: SUGGEST_BUDGET,
    };
    let long: Vec<&str> = r
        .goals
        .iter()
        .filter(|g| g.horizon() == Some(Horizon::Long))
        .filter_map(|g| g.id.as_ref().map(|i| i.value.as_str()))
        .collect();
    for g in &r.goals {
        let goal = || g.id_str().to_string();
        if let Some(owner) = &g.owner
            && ctx.team.get(&owner.value).is_none()
        {
            let m = M::UnknownGoalOwner {
                goal: goal().into(),
                owner: owner.value.as_str().into(),
                known: s.known(&owner.value, &ctx.team.names),
            };
            out.push(Finding::new(Code::E005, owner.span, m));
        }
        if let Some(parent) = &g.parent
            && !long.contains(&parent.value.as_str())
        {
            let m = if ctx.goals.get(&parent.value).is_some() {
                M::ParentNotLong {
                    goal: goal().into(),
                    parent: parent.value.as_str().into(),
                }
            } else {
                M::UnknownParent {
                    goal: goal().into(),
                    parent: parent.value.as_str().into(),
                    known: s.known(&parent.value, &long),
                }
            };
            out.push(Finding::new(Code::E005, parent.span, m));
        }
        for (kpi, _) in g
            .kpis
            .iter()
            .filter(|(k, _)| ctx.kpis.get(&k.value).is_none())
        {
            let m = M::UnknownGoalKpi {
                goal: goal().into(),
                kpi: kpi.value.as_str().into(),
                known: s.known(&kpi.value, &ctx.kpis.names),
            };
            out.push(Finding::new(Code::E005, kpi.span, m));
        }
    }
    for ini in &r.initiatives {
        for goal in ini
            .goals
            .iter()
            .filter(|g| ctx.goals.get(&g.value).is_none())
        {
            let m = M::UnknownInitiativeGoal {
                initiative: ini.id_str().into(),
                goal: goal.value.as_str().into(),
                known: s.known(&goal.value, &ctx.goals.names),
            };
            out.push(Finding::new(Code::E005, goal.span, m));
        }
    }
    for c in &r.communications {
        if let Some(owner) = &c.owner
            && ctx.team.get(&owner.value).is_none()
        {
            let m = M::UnknownCommunicationOwner {
                communication: c.id_str().to_string().into(),
                owner: owner.value.as_str().into(),
                known: s.known(&owner.value, &ctx.team.names),
            };
            out.push(Finding::new(Code::E005, owner.span, m));
        }
        for goal in c.goals.iter().filter(|g| ctx.goals.get(&g.value).is_none()) {
            let m = M::UnknownCommunicationGoal {
                communication: c.id_str().to_string().into(),
                goal: goal.value.as_str().into(),
                known: s.known(&goal.value, &ctx.goals.names),
            };
            out.push(Finding::new(Code::E005, goal.span, m));
        }
    }
}

/// E007: a communication's `end` before its `start`.
fn communication_dates(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for c in &ctx.r.communications {
        if let (Some(start), Some(end)) = (&c.start, &c.end)
            && end.value < start.value
        {
            let m = M::CommunicationEndBeforeStart {
                communication: c.id_str().to_string().into(),
                start: start.value,
                end: end.value,
            };
            out.push(Finding::new(Code::E007, end.span, m));
        }
    }
}

/// E014: a goal's value for a KPI must be beyond the KPI's baseline in its
/// direction (equal included), like the KPI's own target. A KPI without a
/// baseline or a direction gives nothing to compare with.
fn goal_kpi_values(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let kpis: HashMap<&str, &Kpi> = ctx
        .r
        .kpis
        .iter()
        .filter_map(|k| k.id.as_ref().map(|i| (i.value.as_str(), k)))
        .collect();
    for g in &ctx.r.goals {
        for (id, value) in &g.kpis {
            let Some(k) = kpis.get(id.value.as_str()) else {
                continue;
            };
            let (Some(direction), Some(baseline)) = (&k.direction, &k.baseline) else {
                continue;
            };
            let (b, v) = (baseline.value.value, value.value.value);
            let beyond = match direction.value {
                Direction::Up => v > b,
                Direction::Down => v < b,
            };
            if !beyond {
                let m = M::GoalValueNotBeyondBaseline {
                    goal: g.id_str().to_string().into(),
                    kpi: id.value.as_str().into(),
                    direction: direction.value,
                    baseline: b,
                    value: v,
                };
                out.push(Finding::new(Code::E014, value.span, m));
            }
        }
    }
}

/// The year goals of the plan year in focus, in file order.
fn focus_goals<'r>(ctx: &Ctx<'r>, year: i32) -> impl Iterator<Item = &'r crate::roadmap::Goal> {
    ctx.r.goals.iter().filter(move |g| {
        g.in_focus()
            && g.horizon() == Some(Horizon::Year)
            && g.year.as_ref().is_some_and(|y| y.value == year)
    })
}

/// W013: more than 3 year goals of the plan year in focus: one finding, at
/// the fourth one's `focus`, naming them all.
fn too_many_in_focus(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let Some(year) = ctx.plan_year else {
        return;
    };
    let focus: Vec<_> = focus_goals(ctx, year).collect();
    let Some(fourth) = focus.get(3) else {
        return;
    };
    let span = fourth.focus.as_ref().map_or(fourth.anchor(), |f| f.span);
    let goals = focus.iter().map(|g| g.id_str().to_string()).collect();
    out.push(Finding::new(
        Code::W013,
        span,
        M::TooManyInFocus { year, goals },
    ));
}

/// W014: a focus goal of the plan year that no plan initiative above the
/// cut line serves (names in `goals`). Cancelled and on-hold work does not
/// serve a goal, wherever the walk put it. Computed from the plan's own
/// cut line, so raising a priority or the cap clears it; nothing without a
/// plan (no budget).
fn focus_goal_without_work(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let (Some(year), Some(plan)) = (ctx.plan_year, ctx.plan) else {
        return;
    };
    let by_id: HashMap<&str, &Initiative> =
        ctx.r.initiatives.iter().map(|i| (i.id_str(), i)).collect();
    for g in focus_goals(ctx, year) {
        let serving = plan.iter().filter(|p| {
            !matches!(p.status, Status::Cancelled | Status::OnHold)
                && by_id
                    .get(p.id.as_str())
                    .is_some_and(|i| i.goals.iter().any(|x| x.value == g.id_str()))
        });
        let (mut above, mut below_line) = (false, Vec::new());
        for p in serving {
            if p.below_line {
                below_line.push(p.id.clone());
            } else {
                above = true;
            }
        }
        if !above {
            let span = g.focus.as_ref().map_or(g.anchor(), |f| f.span);
            let m = M::FocusGoalWithoutWork {
                goal: g.id_str().to_string().into(),
                year,
                below_line,
            };
            out.push(Finding::new(Code::W014, span, m));
        }
    }
}

/// W015: when the file has goals, plan work of area `cxm` (planned or in
/// progress in the plan year, as the other plan rules count it) should name
/// the goals it serves: CXM money that serves no goal is what a strategy
/// review cuts first.
fn serves_no_goal(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if ctx.r.goals.is_empty() {
        return;
    }
    let Some(year) = ctx.plan_year else {
        return;
    };
    for ini in &ctx.r.initiatives {
        let cxm = ini.area.as_ref().is_some_and(|a| a.value == Area::Cxm);
        if cxm && in_plan(ini, year) && ini.goals.is_empty() && !ini.is_rejected(K::Goals) {
            let m = M::ServesNoGoal {
                initiative: ini.id_str().into(),
                year,
            };
            out.push(Finding::new(Code::W015, ini.anchor(), m));
        }
    }
}

/// E003: an expected change whose `low` is above its `high` (SPEC 13).
fn expected_ranges(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for ini in &ctx.r.initiatives {
        for e in &ini.expected {
            let (Some(low), Some(high)) = (&e.low, &e.high) else {
                continue;
            };
            if low.value.value > high.value.value {
                let m = M::ExpectedLowAboveHigh {
                    initiative: ini.id_str().into(),
                    kpi: e.kpi.value.as_str().into(),
                    low: low.value.value,
                    high: high.value.value,
                };
                out.push(Finding::new(Code::E003, low.span, m));
            }
        }
    }
}

/// E006: a KPI's `value_per_unit` with `low` above `high` (a negative end
/// is the loader's E006).
fn unit_value_ranges(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for k in &ctx.r.kpis {
        let Some(u) = &k.value_per_unit else {
            continue;
        };
        if let (Some(low), Some(high)) = (&u.low, &u.high)
            && low.value > high.value
        {
            let m = M::UnitValueLowAboveHigh {
                kpi: k
                    .id
                    .as_ref()
                    .map_or("", |i| i.value.as_str())
                    .to_string()
                    .into(),
                low: low.value,
                high: high.value,
            };
            out.push(Finding::new(Code::E006, low.span, m));
        }
    }
}

/// W019: a money value without the assumption behind it.
fn unit_value_notes(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for k in &ctx.r.kpis {
        let Some(u) = &k.value_per_unit else {
            continue;
        };
        if u.note.as_ref().is_none_or(|n| n.value.trim().is_empty()) {
            let kpi = k.id.as_ref().map_or("", |i| i.value.as_str()).to_string();
            out.push(Finding::new(
                Code::W019,
                u.span,
                M::UnitValueWithoutNote { kpi: kpi.into() },
            ));
        }
    }
}

/// W019: an expected change of a known KPI that has no money value.
fn expected_without_value(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for ini in &ctx.r.initiatives {
        for e in &ini.expected {
            let kpi = ctx
                .r
                .kpis
                .iter()
                .find(|k| k.id.as_ref().is_some_and(|i| i.value == e.kpi.value));
            let Some(kpi) = kpi else {
                continue; // E005
            };
            if kpi.value_per_unit.is_none() {
                let m = M::ExpectedWithoutValue {
                    initiative: ini.id_str().into(),
                    kpi: e.kpi.value.as_str().into(),
                };
                out.push(Finding::new(Code::W019, e.kpi.span, m));
            }
        }
    }
}

/// The initiatives a scenario names, with the key that names each:
/// `exclude`, `include`, then `priorities`.
fn scenario_ids(s: &crate::roadmap::Scenario) -> impl Iterator<Item = (&'static str, &Sp<String>)> {
    let exclude = s.exclude.iter().map(|i| ("exclude", i));
    let include = s.include.iter().map(|i| ("include", i));
    let priorities = s.priorities.iter().map(|(i, _)| ("priorities", i));
    exclude.chain(include).chain(priorities)
}

/// E005: a scenario's `exclude`, `include` or `priorities` naming no
/// initiative (SPEC section 10).
fn scenario_references(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let mut s = Suggester {
        budget: SUGGEST_BUDGET,
    };
    for sc in &ctx.r.scenarios {
        for (key, id) in scenario_ids(sc) {
            if ctx.initiatives.get(&id.value).is_none() {
                let m = M::UnknownScenarioInitiative {
                    scenario: sc.name.value.as_str().into(),
                    key,
                    initiative: id.value.as_str().into(),
                    known: Box::new(s.known(&id.value, &ctx.initiatives.names)),
                };
                out.push(Finding::new(Code::E005, id.span, m));
            }
        }
    }
}

/// The initiative `id` names (the first with that id).
fn initiative_named<'r>(ctx: &Ctx<'r>, id: &str) -> Option<&'r Initiative> {
    ctx.initiatives
        .get(id)
        .and_then(|i| ctx.r.initiatives.get(i))
}

/// E003: a scenario excluding work that is not `planned`, or including
/// work that is not an `idea` (SPEC sections 10 and 13).
fn scenario_statuses(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for sc in &ctx.r.scenarios {
        let scenario = || sc.name.value.clone();
        for id in &sc.exclude {
            let status = initiative_named(ctx, &id.value).and_then(|i| i.status.as_ref());
            if let Some(status) = status.filter(|s| s.value != Status::Planned) {
                let m = M::ScenarioExcludesUnplanned {
                    scenario: scenario().into(),
                    initiative: id.value.as_str().into(),
                    status: status.value,
                };
                out.push(Finding::new(Code::E003, id.span, m));
            }
        }
        for id in &sc.include {
            let status = initiative_named(ctx, &id.value).and_then(|i| i.status.as_ref());
            if let Some(status) = status.filter(|s| s.value != Status::Idea) {
                let m = M::ScenarioIncludesNonIdea {
                    scenario: scenario().into(),
                    initiative: id.value.as_str().into(),
                    status: status.value,
                };
                out.push(Finding::new(Code::E003, id.span, m));
            }
        }
    }
}

/// E003: a scenario's `capacity_percent` whose exact product with a
/// member's `capacity_days` has more decimals than the model keeps.
fn scenario_capacities(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for sc in &ctx.r.scenarios {
        let Some(p) = &sc.capacity_percent else {
            continue;
        };
        for m in &ctx.r.team {
            let Some(c) = &m.capacity_days else { continue };
            if crate::scenario::scaled_capacity(c.value, p.value).is_none() {
                let msg = M::ScenarioCapacityInexact {
                    scenario: sc.name.value.as_str().into(),
                    member: m.id.as_ref().map_or("".into(), |i| i.value.as_str().into()),
                };
                out.push(Finding::new(Code::E003, p.span, msg));
                break;
            }
        }
    }
}

/// E007: a scenario including an idea without `start` and `end`: the
/// scenario would plan it, and planned work needs both dates.
fn scenario_undated_includes(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for sc in &ctx.r.scenarios {
        for id in &sc.include {
            let Some(ini) = initiative_named(ctx, &id.value) else {
                continue;
            };
            let idea = ini.status.as_ref().is_some_and(|s| s.value == Status::Idea);
            if idea && (ini.start.is_none() || ini.end.is_none()) {
                let m = M::ScenarioIncludesUndated {
                    scenario: sc.name.value.as_str().into(),
                    initiative: id.value.as_str().into(),
                };
                out.push(Finding::new(Code::E007, id.span, m));
            }
        }
    }
}
