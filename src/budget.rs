//! The CXM budget of the plan year (SPEC sections 3 and 4): quotes converted
//! and averaged, markup, fixed cost, allocation to periods, training,
//! department guidelines and every total. Pure: `&Roadmap -> Budget`; the
//! renderers only read the result, so every report foots the same way.
//!
//! Decisions where the SPEC is silent:
//! - an absent `cost` is `null` in the model (no value), but counts as 0 in
//!   `budget`;
//! - a `cx` initiative without `department` (E011) has no guideline line;
//! - training without `id`, `competency`, `funding` or `cost_per_person` is
//!   skipped, like initiatives without `id`, `competency`, `area` or `status`;
//! - `totals.internal_time` sums the internal time of every plan initiative
//!   (both areas: `cx` work done by the team costs its time too); a plan
//!   line's internal time is its plan-year effort × `day_rate` of
//!   team-owned work only (SPEC section 4 *Effort*, rev. 2;
//!   [`crate::effort::internal_time`]); an idea's (team-owned) stays
//!   `effort_days × day_rate`, as an idea has no plan-year share.
//!
//! Cash (SPEC section 4, *Cash*, rev. 2) and which initiatives the plan
//! takes (section 3, rev. 2) are decided in `cash` and `takes_part`:
//! - an initiative's `before`, `quarters` and `after` are its *cash*; they
//!   sum to its `budget` for planned work only. `figures.budget` stays
//!   the priced budget (estimate + cost), so `Sums::budget` adds priced
//!   budgets, not cash;
//! - each line also carries `actual` (the written `actual`, or the sum of
//!   the spend entries up to `as_of`; `null` without either), `spent` and
//!   `remaining` (the two parts of its cash over all periods);
//! - a spend entry's period is that of its date, even when the date lies
//!   outside `[start, end]`; entries after `as_of` count nowhere (W016);
//!   entries the loader refused (E003, E006, E012) count nothing;
//! - a `done` initiative whose spend entries all lie after `as_of` has an
//!   actual of 0 (it has entries), so its budget is not counted as spent;
//! - an initiative without a price (no quotes, no `cost`) counts 0 in
//!   every period even when it has spent something: SPEC section 4 says
//!   it counts 0 in every sum; its `actual` is still on its line, and the
//!   inventory shows it;
//! - `on-hold` counts like `cancelled` (SPEC section 13); `planned` work
//!   with an `actual` is still its budget over its days (W017 tells of an
//!   overspend);
//! - an initiative needs both dates, in order, to be in the plan, whatever
//!   its spending (SPEC section 13);
//! - the check rules' "plan work" (`in_plan`: planned or in progress,
//!   dates overlapping the plan year) is unchanged: E008 and E009 count
//!   `cxm` work that is planned or in progress as SPEC section 5 says, and
//!   W003, W004 and W009 judge work still to do. Finished work in the plan
//!   for its plan-year cash counts in the money only.

use crate::money::{Decimal, Money, div_round};
use crate::money_json as mj;
use crate::roadmap::{Area, Choice, Competency, Funding, Initiative, Roadmap, Status, Training};
use crate::source::{Sp, Span};
use chrono::{Datelike, NaiveDate};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// What the budget needs beyond the file: the CLI resolves `--year` and
/// `--as-of` against the file's values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct BudgetOptions {
    pub plan_year: i32,
    pub as_of: NaiveDate,
}

/// Why no budget could be computed. A roadmap that passed `check` never
/// gives one of these but `Overflow` (amounts near the 10^13 limit summed
/// many times).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BudgetError {
    /// An amount left the range of exact arithmetic; the span names the
    /// initiative or training whose figure overflowed.
    Overflow { span: Span },
    /// A quote in a currency that has no rate in `[fx]` (E005).
    UnknownCurrency { code: String, span: Span },
    /// A quote with neither `min`/`max` nor `amount` (E006).
    IncompleteQuote { span: Span },
    /// A plan year outside the calendar the date library knows.
    PlanYear { year: i32 },
}

impl fmt::Display for BudgetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BudgetError::Overflow { .. } => {
                f.write_str("an amount is too large to compute exactly")
            }
            BudgetError::UnknownCurrency { code, .. } => {
                write!(f, "no exchange rate for {code} in [fx]")
            }
            BudgetError::IncompleteQuote { .. } => {
                f.write_str("a quote has neither min/max nor amount")
            }
            BudgetError::PlanYear { year } => write!(f, "plan year {year} is out of range"),
        }
    }
}

impl std::error::Error for BudgetError {}

/// The budget report: every line and every total, ready to render.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Budget {
    pub currency: String,
    pub plan_year: i32,
    #[serde(serialize_with = "mj::date")]
    pub as_of: NaiveDate,
    /// The roadmap's markup (initiatives may override it).
    #[serde(serialize_with = "mj::decimal")]
    pub markup_percent: Decimal,
    #[serde(serialize_with = "mj::opt_money")]
    pub day_rate: Option<Money>,
    #[serde(serialize_with = "mj::opt_money")]
    pub budget_cap: Option<Money>,
    /// The plan's initiatives (both areas), in file order.
    pub initiatives: Vec<InitiativeLine>,
    /// Every training, in file order.
    pub training: Vec<TrainingLine>,
    /// Ideas with their budgets; never in any total.
    pub backlog: Vec<BacklogLine>,
    /// Guidelines per department: `cx` initiatives and department-funded training.
    pub departments: Vec<DepartmentGuideline>,
    pub totals: Totals,
}

/// What the quotes say about an initiative's price, and its budget.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figures {
    pub quotes: usize,
    #[serde(serialize_with = "mj::opt_money")]
    pub low: Option<Money>,
    #[serde(serialize_with = "mj::opt_money")]
    pub mid: Option<Money>,
    #[serde(serialize_with = "mj::opt_money")]
    pub high: Option<Money>,
    /// The markup applied: the initiative's own or the roadmap's.
    #[serde(serialize_with = "mj::decimal")]
    pub markup_percent: Decimal,
    #[serde(serialize_with = "mj::opt_money")]
    pub estimate: Option<Money>,
    #[serde(serialize_with = "mj::opt_money")]
    pub estimate_low: Option<Money>,
    #[serde(serialize_with = "mj::opt_money")]
    pub estimate_high: Option<Money>,
    #[serde(serialize_with = "mj::opt_money")]
    pub cost: Option<Money>,
    /// `estimate + cost`, each counted as 0 when absent.
    #[serde(serialize_with = "mj::money")]
    pub budget: Money,
}

impl Figures {
    /// The budget when the initiative is priced at all (quotes or a fixed
    /// cost); `None` when it has neither: no price is not a price of zero.
    pub(crate) fn known_budget(&self) -> Option<Money> {
        (self.quotes > 0 || self.cost.is_some()).then_some(self.budget)
    }
}

/// What names an initiative in every list.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Header {
    pub id: String,
    pub title: Option<String>,
    pub competency: Competency,
    pub area: Area,
    pub department: Option<String>,
    pub status: Status,
    pub owner: Option<String>,
    pub priority: Option<u32>,
    #[serde(serialize_with = "mj::opt_date")]
    pub start: Option<NaiveDate>,
    #[serde(serialize_with = "mj::opt_date")]
    pub end: Option<NaiveDate>,
    #[serde(serialize_with = "mj::opt_decimal")]
    pub effort_days: Option<Decimal>,
    /// `effort_days × day_rate`, when both are known; never in the cash budget.
    #[serde(serialize_with = "mj::opt_money")]
    pub internal_cost: Option<Money>,
}

/// A plan initiative with its budget spread over the periods.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InitiativeLine {
    #[serde(flatten)]
    pub header: Header,
    #[serde(flatten)]
    pub figures: Figures,
    #[serde(serialize_with = "mj::money")]
    pub before: Money,
    #[serde(serialize_with = "mj::money_seq")]
    pub quarters: [Money; 4],
    #[serde(serialize_with = "mj::money")]
    pub after: Money,
    /// Q1 + Q2 + Q3 + Q4.
    #[serde(serialize_with = "mj::money")]
    pub plan_year_budget: Money,
    /// What was spent up to `as_of`: `actual`, or the sum of the spend
    /// entries dated on or before it; `null` when the file gives neither.
    #[serde(serialize_with = "mj::opt_money")]
    pub actual: Option<Money>,
    /// The spent part of the cash, over all periods (SPEC section 4, *Cash*).
    #[serde(serialize_with = "mj::money")]
    pub spent: Money,
    /// The remaining (still to spend) part of the cash, over all periods.
    #[serde(serialize_with = "mj::money")]
    pub remaining: Money,
    /// What its `expected` KPI changes are worth a year (SPEC section 8).
    #[serde(flatten)]
    pub benefit: Box<crate::benefit::Benefit>,
}

/// An idea: priced, but outside the plan and every total.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BacklogLine {
    #[serde(flatten)]
    pub header: Header,
    #[serde(flatten)]
    pub figures: Figures,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TrainingLine {
    pub id: String,
    pub title: Option<String>,
    pub funding: Funding,
    pub competency: Competency,
    /// Σ needs.
    pub people: u64,
    #[serde(serialize_with = "mj::money")]
    pub cost_per_person: Money,
    /// `cost_per_person × people`.
    #[serde(serialize_with = "mj::money")]
    pub cost: Money,
    /// Central training spread evenly over Q1–Q4; `null` for department-funded.
    #[serde(serialize_with = "mj::opt_money_seq")]
    pub quarters: Option<[Money; 4]>,
    pub needs: Vec<Need>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Need {
    pub department: String,
    pub people: u64,
    #[serde(serialize_with = "mj::money")]
    pub cost: Money,
}

/// What one department should budget for its own CX work and training.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DepartmentGuideline {
    pub id: String,
    pub name: Option<String>,
    pub lines: Vec<GuidelineLine>,
    #[serde(serialize_with = "mj::money")]
    pub total: Money,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LineKind {
    Initiative,
    Training,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GuidelineLine {
    pub kind: LineKind,
    pub id: String,
    pub title: Option<String>,
    /// People to train (training lines only).
    pub people: Option<u64>,
    /// The initiative's plan-year budget, or the training's cost for this department.
    #[serde(serialize_with = "mj::money")]
    pub amount: Money,
}

/// A sum of lines over the periods.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Sums {
    #[serde(serialize_with = "mj::money")]
    pub budget: Money,
    #[serde(serialize_with = "mj::money")]
    pub before: Money,
    #[serde(serialize_with = "mj::money_seq")]
    pub quarters: [Money; 4],
    #[serde(serialize_with = "mj::money")]
    pub after: Money,
    #[serde(serialize_with = "mj::money")]
    pub plan_year_budget: Money,
}

impl Sums {
    /// Adds `o`; `None` on overflow.
    fn add(&mut self, o: &Sums) -> Option<()> {
        self.budget = self.budget.checked_add(o.budget)?;
        self.before = self.before.checked_add(o.before)?;
        for (q, oq) in self.quarters.iter_mut().zip(o.quarters) {
            *q = q.checked_add(oq)?;
        }
        self.after = self.after.checked_add(o.after)?;
        self.plan_year_budget = self.plan_year_budget.checked_add(o.plan_year_budget)?;
        Some(())
    }

    fn of_line(l: &InitiativeLine) -> Sums {
        Sums {
            budget: l.figures.budget,
            before: l.before,
            quarters: l.quarters,
            after: l.after,
            plan_year_budget: l.plan_year_budget,
        }
    }

    fn of_training(cost: Money, quarters: [Money; 4]) -> Sums {
        Sums {
            budget: cost,
            before: Money::ZERO,
            quarters,
            after: Money::ZERO,
            plan_year_budget: cost,
        }
    }
}

/// One competency's part of the CXM budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct CompetencyTotal {
    pub competency: Competency,
    /// The `cxm` plan initiatives of this competency.
    pub initiatives: Sums,
    pub central_training: Sums,
    /// Initiatives plus central training.
    pub total: Sums,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Totals {
    /// The CXM total of the plan year: Σ plan-year budgets of `cxm` plan
    /// initiatives + Σ central training.
    #[serde(serialize_with = "mj::money")]
    pub cxm: Money,
    /// The CXM total per competency, all four in order.
    #[serde(serialize_with = "competency_map")]
    pub by_competency: Vec<(Competency, Money)>,
    /// The CXM total per quarter.
    #[serde(serialize_with = "mj::money_seq")]
    pub by_quarter: [Money; 4],
    /// Department id -> guideline total, in the order of `departments`.
    #[serde(serialize_with = "string_map")]
    pub departments: Vec<(String, Money)>,
    /// Subtotals per competency, all four in order.
    pub competencies: Vec<CompetencyTotal>,
    /// The `cxm` plan initiatives.
    pub initiatives: Sums,
    pub central_training: Sums,
    /// `initiatives + central_training`; its `plan_year_budget` is `cxm`.
    pub cxm_breakdown: Sums,
    /// Σ internal time of the plan initiatives; `null` without `day_rate`.
    #[serde(serialize_with = "mj::opt_money")]
    pub internal_time: Option<Money>,
}

fn competency_map<S: Serializer>(v: &[(Competency, Money)], s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(v.len()))?;
    for (c, m) in v {
        map.serialize_entry(c.as_str(), &m.plain())?;
    }
    map.end()
}

fn string_map<S: Serializer>(v: &[(String, Money)], s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(v.len()))?;
    for (k, m) in v {
        map.serialize_entry(k, &m.plain())?;
    }
    map.end()
}

/// Whether an initiative is *dated plan work* of `plan_year`: status
/// `planned` or `in-progress`, and `[start, end]` overlapping 1 January–31
/// December of that year. Without both dates, or with `end` before `start`
/// (E007), it is not. The rules that judge the plan's work (E008, E009,
/// W003, W004, W009) read this; the budget's own list of the plan's
/// initiatives (SPEC section 3, rev. 2) adds work that has cash in the plan
/// year, see [`takes_part`].
pub(crate) fn in_plan(ini: &Initiative, plan_year: i32) -> bool {
    let active = ini.status.as_ref().is_some_and(|s| s.value.is_active());
    match (&ini.start, &ini.end) {
        (Some(s), Some(e)) => active && overlaps(s.value, e.value, plan_year),
        _ => false,
    }
}

/// Whether `[start, end]` has days in `plan_year` (and is in order).
fn overlaps(start: NaiveDate, end: NaiveDate, plan_year: i32) -> bool {
    start <= end && start.year() <= plan_year && end.year() >= plan_year
}

/// Whether the budget (and so the plan) takes an initiative (SPEC section
/// 3, rev. 2), given its §4 cash: `planned` work whose dates overlap the
/// plan year; `in-progress` work whose dates overlap it or whose cash in
/// it is more than zero; `done`, `cancelled` and `on-hold` work whose cash
/// in it is more than zero (SPEC section 13: on-hold counts like
/// cancelled). Ideas never; work without both dates never.
fn takes_part(status: Status, start: NaiveDate, end: NaiveDate, year: i32, cash: &Cash) -> bool {
    let has_cash = cash.plan_year() > Money::ZERO;
    match status {
        Status::Idea => false,
        Status::Planned => overlaps(start, end, year),
        Status::InProgress => overlaps(start, end, year) || has_cash,
        Status::Done | Status::Cancelled | Status::OnHold => has_cash,
    }
}

/// Splits `total` in proportion to `weights` by the largest-remainder rule
/// (SPEC section 4): each part first gets `floor(total × w / Σw)`, then the
/// minor units left go one each to the largest remainders, ties to the
/// earlier part. The parts always sum to `total`, and each lies within one
/// minor unit of its exact share.
///
/// Negative weights count as 0; when every weight is 0 the split is even.
/// A negative total is split as its absolute value, then negated. The
/// arithmetic is exact for any weights (no overflow); only if the weights'
/// sum exceeds 2^128 are they halved until it fits.
pub(crate) fn allocate(total: Money, weights: &[i128]) -> Vec<Money> {
    if weights.is_empty() {
        return Vec::new();
    }
    let mut w: Vec<u128> = weights
        .iter()
        .map(|&x| u128::try_from(x).unwrap_or(0))
        .collect();
    let mut sum = loop {
        match w.iter().try_fold(0u128, |a, &x| a.checked_add(x)) {
            Some(s) => break s,
            None => w.iter_mut().for_each(|x| *x >>= 1),
        }
    };
    if sum == 0 {
        w.iter_mut().for_each(|x| *x = 1);
        sum = w.len() as u128;
    }
    let abs = total.0.unsigned_abs();
    // total × w / sum = q × w + r × w / sum, with r < sum and w ≤ sum.
    let (q, r) = (abs / sum, abs % sum);
    let mut parts = Vec::with_capacity(w.len());
    let mut rems = Vec::with_capacity(w.len());
    let mut given: u128 = 0;
    for &x in &w {
        let (fq, fr) = mul_div_rem(r, x, sum);
        // q × x ≤ q × sum ≤ abs, and the parts never exceed abs in all.
        let part = q * x + fq;
        given += part;
        parts.push(part);
        rems.push(fr);
    }
    let left = abs - given;
    // Largest remainder first, ties to the earlier part.
    let mut order: Vec<(u128, usize)> = rems.into_iter().zip(0..).collect();
    order.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(_, i) in order
        .iter()
        .take(usize::try_from(left).unwrap_or(usize::MAX))
    {
        if let Some(p) = parts.get_mut(i) {
            *p += 1;
        }
    }
    parts
        .into_iter()
        .map(|p| {
            if total.0 < 0 {
                Money(0i128.checked_sub_unsigned(p).unwrap_or(i128::MIN))
            } else {
                Money(i128::try_from(p).unwrap_or(i128::MAX))
            }
        })
        .collect()
}

/// `(floor(a × b / d), (a × b) mod d)` for `a < d`, `b ≤ d`, `d > 0`, without
/// a 256-bit product: shift-and-add over the bits of `b`, keeping the
/// remainder below `d` at every step.
fn mul_div_rem(a: u128, b: u128, d: u128) -> (u128, u128) {
    // The usual case, money and days far below 2^64: the product fits.
    match a.checked_mul(b) {
        Some(p) => (p / d, p % d),
        None => mul_div_rem_wide(a, b, d),
    }
}

/// [`mul_div_rem`] for a product beyond 128 bits.
fn mul_div_rem_wide(a: u128, b: u128, d: u128) -> (u128, u128) {
    let (mut q, mut rem) = (0u128, 0u128);
    for i in (0..128).rev() {
        // Double: (q, rem) ← 2 × (q, rem), carrying into q.
        q <<= 1;
        if rem >= d - rem {
            rem -= d - rem;
            q += 1;
        } else {
            rem += rem;
        }
        if (b >> i) & 1 == 1 {
            if rem >= d - a {
                rem -= d - a;
                q += 1;
            } else {
                rem += a;
            }
        }
    }
    (q, rem)
}

/// Days of `[start, end]` (inclusive) that fall before the plan year, in
/// each quarter, and after it.
pub(crate) fn period_days(start: NaiveDate, end: NaiveDate, plan_year: i32) -> Option<[i128; 6]> {
    let day =
        |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1).map(|d| i128::from(d.num_days_from_ce()));
    let next = plan_year.checked_add(1)?;
    let bounds = [
        i128::MIN,
        day(plan_year, 1)?,
        day(plan_year, 4)?,
        day(plan_year, 7)?,
        day(plan_year, 10)?,
        day(next, 1)?,
        i128::MAX,
    ];
    let s = i128::from(start.num_days_from_ce());
    let e = i128::from(end.num_days_from_ce()) + 1;
    let mut out = [0i128; 6];
    for (k, (lo, hi)) in bounds.iter().zip(bounds.iter().skip(1)).enumerate() {
        let days = e.min(*hi) - s.max(*lo);
        if let Some(o) = out.get_mut(k) {
            *o = days.max(0);
        }
    }
    Some(out)
}

/// Computes the budget of the plan year `opts.plan_year`.
pub(crate) fn compute(r: &Roadmap, opts: &BudgetOptions) -> Result<Budget, BudgetError> {
    let year = opts.plan_year;
    // The plan year's quarter boundaries must exist as dates.
    if period_days(NaiveDate::MIN, NaiveDate::MIN, year).is_none() {
        return Err(BudgetError::PlanYear { year });
    }
    let day_rate = r.meta.day_rate.as_ref().map(|d| d.value);
    let mut departments = Guidelines::new(r);
    let team = crate::effort::team_ids(r);
    let mut initiatives = Vec::new();
    let mut backlog = Vec::new();
    for ini in &r.initiatives {
        match initiative_line(
            ini,
            r,
            &team,
            (year, opts.as_of),
            day_rate,
            &mut departments,
        )? {
            Some(Line::Plan(line)) => initiatives.push(line),
            Some(Line::Backlog(line)) => backlog.push(line),
            None => {}
        }
    }
    let mut training = Vec::new();
    for t in &r.training {
        training.extend(training_line(t, &mut departments)?);
    }
    let departments = departments.finish();
    let totals = totals(r, &initiatives, &training, &departments, day_rate.is_some())?;
    Ok(Budget {
        currency: r.meta.currency().to_string(),
        plan_year: year,
        as_of: opts.as_of,
        markup_percent: r.meta.markup(),
        day_rate,
        budget_cap: r.meta.budget_cap.as_ref().map(|c| c.value),
        initiatives,
        training,
        backlog,
        departments,
        totals,
    })
}

/// Where an initiative goes in the budget.
enum Line {
    Plan(InitiativeLine),
    Backlog(BacklogLine),
}

/// An initiative's line: an idea goes to the backlog, an initiative the
/// plan takes (see [`takes_part`]) has its cash spread over the periods
/// (and, for a `cx` one, added to its department's guideline). `None` for one that is neither, or that
/// lacks a field the budget needs (the rules report it).
fn initiative_line(
    ini: &Initiative,
    r: &Roadmap,
    team: &HashSet<&str>,
    (year, as_of): (i32, NaiveDate),
    day_rate: Option<Money>,
    departments: &mut Guidelines<'_>,
) -> Result<Option<Line>, BudgetError> {
    let Some(header) = header(ini, day_rate)? else {
        return Ok(None);
    };
    if header.status == Status::Idea {
        let mut header = header;
        if !crate::effort::team_owned(header.owner.as_deref(), team) {
            header.internal_cost = None;
        }
        let figures = figures(ini, r)?;
        return Ok(Some(Line::Backlog(BacklogLine { header, figures })));
    }
    let (Some(start), Some(end)) = (header.start, header.end) else {
        return Ok(None);
    };
    if start > end {
        return Ok(None);
    }
    let figures = figures(ini, r)?;
    let figures_budget = figures.known_budget();
    let span = ini.anchor();
    let overflow = BudgetError::Overflow { span };
    let cash = cash(
        ini,
        r,
        header.status,
        figures.known_budget(),
        (start, end),
        year,
        as_of,
    )?;
    if !takes_part(header.status, start, end, year, &cash) {
        return Ok(None);
    }
    let mut header = header;
    header.internal_cost = crate::effort::internal_time(team, &header, year, day_rate)
        .ok_or(BudgetError::Overflow { span })?;
    let [before, q1, q2, q3, q4, after] = &cash.parts;
    let quarters = [*q1, *q2, *q3, *q4];
    let plan_year_budget = Money::sum(quarters).ok_or(overflow)?;
    if header.area == Area::Cx
        && let Some(dept) = &header.department
    {
        let gl = GuidelineLine {
            kind: LineKind::Initiative,
            id: header.id.clone(),
            title: header.title.clone(),
            people: None,
            amount: plan_year_budget,
        };
        departments.add(dept, gl, span)?;
    }
    Ok(Some(Line::Plan(InitiativeLine {
        header,
        figures,
        before: *before,
        quarters,
        after: *after,
        plan_year_budget,
        actual: cash.actual,
        spent: cash.spent,
        remaining: cash.remaining,
        benefit: Box::new(crate::benefit::of(r, ini, figures_budget)),
    })))
}

/// An initiative's cash (SPEC section 4, *Cash*, rev. 2): what it costs in
/// each period (before the plan year, Q1–Q4, after it), split into the
/// part already spent and the part still to spend.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Cash {
    /// Before, Q1, Q2, Q3, Q4, after: spent plus remaining.
    pub parts: [Money; 6],
    /// What was spent up to `as_of` ([`actual`]).
    pub actual: Option<Money>,
    /// Σ of the spent part over the periods.
    pub spent: Money,
    /// Σ of the remaining part over the periods.
    pub remaining: Money,
}

impl Cash {
    /// Q1 + Q2 + Q3 + Q4; saturates (an overflow is reported when the line
    /// is summed again).
    pub(crate) fn plan_year(&self) -> Money {
        let [_, q1, q2, q3, q4, _] = self.parts;
        Money::sum([q1, q2, q3, q4]).unwrap_or(Money(i128::MAX))
    }
}

/// What an initiative spent up to `as_of` (SPEC sections 4 and 9): the sum
/// of its spend entries dated on or before `as_of`, each converted like a
/// quote (0 when all are later); else its `actual`; `None` when it has
/// neither. An entry whose date or amount could not be read (E003, E006,
/// E012) counts nothing.
pub(crate) fn actual(
    ini: &Initiative,
    r: &Roadmap,
    as_of: NaiveDate,
) -> Result<Option<Money>, BudgetError> {
    if ini.spend.is_empty() {
        return Ok(ini.actual.as_ref().map(|a| a.value));
    }
    let span = ini.anchor();
    let mut sum = Money::ZERO;
    for (_, amount) in spend_entries(ini, r, as_of)? {
        sum = sum
            .checked_add(amount)
            .ok_or(BudgetError::Overflow { span })?;
    }
    Ok(Some(sum))
}

/// The spend entries dated on or before `as_of`, each with its amount in
/// the roadmap's currency.
pub(crate) fn spend_entries(
    ini: &Initiative,
    r: &Roadmap,
    as_of: NaiveDate,
) -> Result<Vec<(NaiveDate, Money)>, BudgetError> {
    let mut out = Vec::with_capacity(ini.spend.len());
    for e in &ini.spend {
        let (Some(date), Some(amount)) = (&e.date, &e.amount) else {
            continue;
        };
        if date.value > as_of {
            continue;
        }
        let amount = convert(amount.value, e.currency.as_ref(), r, e.span)?;
        out.push((date.value, amount));
    }
    Ok(out)
}

/// The day after `d`, or `d` at the end of the calendar.
fn next_day(d: NaiveDate) -> NaiveDate {
    d.succ_opt().unwrap_or(d)
}

/// `total` over the days of `[from, to]` into the six periods, by the
/// largest-remainder rule.
fn spread(
    total: Money,
    (from, to): (NaiveDate, NaiveDate),
    year: i32,
) -> Result<[Money; 6], BudgetError> {
    let days = period_days(from, to, year).ok_or(BudgetError::PlanYear { year })?;
    match allocate(total, &days).as_slice() {
        [a, b, c, d, e, f] => Ok([*a, *b, *c, *d, *e, *f]),
        _ => Err(BudgetError::PlanYear { year }),
    }
}

/// Adds `b` to `a` period by period; `None` on overflow.
fn add_parts(a: &mut [Money; 6], b: &[Money; 6]) -> Option<()> {
    for (x, y) in a.iter_mut().zip(b) {
        *x = x.checked_add(*y)?;
    }
    Some(())
}

/// The cash of an initiative with status `status`, budget `budget` and
/// dates `[start, end]` (`start <= end`) in the periods of `year`, as of
/// `as_of` (SPEC section 4, *Cash*). An initiative without a price (no
/// quotes, no `cost`: `budget` is `None`) counts 0 in every period, even
/// with an actual, as SPEC section 4 says; otherwise:
///
/// - `planned` (and `idea`, which no total takes): `budget` over the days
///   of `[start, end]`;
/// - `in-progress`: the spent part plus `max(budget − actual, 0)` over the
///   days of `[max(start, as_of + 1), end]` (the single day `as_of + 1`
///   when `end <= as_of`);
/// - `done`, `cancelled`, `on-hold`: the spent part only; `done` without
///   an actual counts its budget as spent.
///
/// The spent part: each spend entry dated up to `as_of` in the period of
/// its date; an `actual` without entries over the days of `[start,
/// min(end, as_of)]` (the single day `as_of` when `start > as_of`); no
/// actual, nothing.
pub(crate) fn cash(
    ini: &Initiative,
    r: &Roadmap,
    status: Status,
    budget: Option<Money>,
    (start, end): (NaiveDate, NaiveDate),
    year: i32,
    as_of: NaiveDate,
) -> Result<Cash, BudgetError> {
    let span = ini.anchor();
    let overflow = || BudgetError::Overflow { span };
    let actual = actual(ini, r, as_of)?;
    let Some(budget) = budget else {
        return Ok(Cash {
            parts: [Money::ZERO; 6],
            actual,
            spent: Money::ZERO,
            remaining: Money::ZERO,
        });
    };
    if matches!(status, Status::Planned | Status::Idea) {
        return Ok(Cash {
            parts: spread(budget, (start, end), year)?,
            actual,
            spent: Money::ZERO,
            remaining: budget,
        });
    }
    // What counts as spent: a done initiative without an actual counts its
    // budget, spread as an undated actual would be.
    let spent_total = match (actual, status) {
        (None, Status::Done) => Some(budget),
        (a, _) => a,
    };
    let mut parts = [Money::ZERO; 6];
    let spent_days = if start > as_of {
        (as_of, as_of)
    } else {
        (start, end.min(as_of))
    };
    if ini.spend.is_empty() {
        if let Some(a) = spent_total {
            parts = spread(a, spent_days, year)?;
        }
    } else {
        for (date, amount) in spend_entries(ini, r, as_of)? {
            let one = spread(amount, (date, date), year)?;
            add_parts(&mut parts, &one).ok_or_else(overflow)?;
        }
    }
    let spent = spent_total.unwrap_or(Money::ZERO);
    let mut remaining = Money::ZERO;
    if status == Status::InProgress {
        remaining = budget
            .checked_sub(spent)
            .ok_or_else(overflow)?
            .max(Money::ZERO);
        let days = if end <= as_of {
            (next_day(as_of), next_day(as_of))
        } else {
            (start.max(next_day(as_of)), end)
        };
        let rest = spread(remaining, days, year)?;
        add_parts(&mut parts, &rest).ok_or_else(overflow)?;
    }
    Ok(Cash {
        parts,
        actual,
        spent,
        remaining,
    })
}

/// What every line of an initiative shows; `None` without an id,
/// competency, area or status.
fn header(ini: &Initiative, day_rate: Option<Money>) -> Result<Option<Header>, BudgetError> {
    let (Some(id), Some(comp), Some(area), Some(status)) =
        (&ini.id, &ini.competency, &ini.area, &ini.status)
    else {
        return Ok(None);
    };
    let effort = ini.effort_days.as_ref().map(|e| e.value);
    Ok(Some(Header {
        id: id.value.clone(),
        title: ini.title.as_ref().map(|t| t.value.clone()),
        competency: comp.value,
        area: area.value,
        department: ini.department.as_ref().map(|d| d.value.clone()),
        status: status.value,
        owner: ini.owner.as_ref().map(|o| o.value.clone()),
        priority: ini.priority.as_ref().map(|p| p.value),
        start: ini.start.as_ref().map(|d| d.value),
        end: ini.end.as_ref().map(|d| d.value),
        effort_days: effort,
        internal_cost: internal_cost(effort, day_rate, ini.anchor())?,
    }))
}

/// A training's line: its cost for the people each department needs
/// trained, spread over the quarters when central, else added to those
/// departments' guidelines. `None` without an id, competency, funding or
/// cost per person.
fn training_line(
    t: &Training,
    departments: &mut Guidelines<'_>,
) -> Result<Option<TrainingLine>, BudgetError> {
    let (Some(id), Some(comp), Some(funding), Some(cpp)) =
        (&t.id, &t.competency, &t.funding, &t.cost_per_person)
    else {
        return Ok(None);
    };
    let span = id.span;
    let overflow = || BudgetError::Overflow { span };
    let cpp = cpp.value;
    let mut needs = Vec::new();
    let mut people: u64 = 0;
    for (dept, n) in &t.needs {
        people = people.checked_add(n.value).ok_or_else(overflow)?;
        let cost = times(cpp, n.value).ok_or_else(overflow)?;
        needs.push(Need {
            department: dept.value.clone(),
            people: n.value,
            cost,
        });
    }
    let cost = times(cpp, people).ok_or_else(overflow)?;
    let quarters = match funding.value {
        Funding::Central => match allocate(cost, &[1, 1, 1, 1]).as_slice() {
            [a, b, c, d] => Some([*a, *b, *c, *d]),
            _ => return Err(overflow()),
        },
        Funding::Department => {
            for need in &needs {
                let gl = GuidelineLine {
                    kind: LineKind::Training,
                    id: id.value.clone(),
                    title: t.title.as_ref().map(|x| x.value.clone()),
                    people: Some(need.people),
                    amount: need.cost,
                };
                departments.add(&need.department, gl, span)?;
            }
            None
        }
    };
    Ok(Some(TrainingLine {
        id: id.value.clone(),
        title: t.title.as_ref().map(|x| x.value.clone()),
        funding: funding.value,
        competency: comp.value,
        people,
        cost_per_person: cpp,
        cost,
        quarters,
        needs,
    }))
}

fn times(m: Money, n: u64) -> Option<Money> {
    m.0.checked_mul(i128::from(n)).map(Money)
}

/// The department guidelines as they are collected, with an index by id so
/// that adding a line stays constant time however many departments there are.
struct Guidelines<'r> {
    r: &'r Roadmap,
    list: Vec<DepartmentGuideline>,
    index: HashMap<String, usize>,
}

impl<'r> Guidelines<'r> {
    fn new(r: &'r Roadmap) -> Self {
        Guidelines {
            r,
            list: Vec::new(),
            index: HashMap::new(),
        }
    }

    /// Adds a line to the guideline of department `id`, created on first use.
    fn add(&mut self, id: &str, line: GuidelineLine, span: Span) -> Result<(), BudgetError> {
        if let Some(g) = self.index.get(id).and_then(|&i| self.list.get_mut(i)) {
            g.total = g
                .total
                .checked_add(line.amount)
                .ok_or(BudgetError::Overflow { span })?;
            g.lines.push(line);
            return Ok(());
        }
        let name = self
            .r
            .departments
            .iter()
            .find(|d| d.id.as_ref().is_some_and(|i| i.value == id))
            .and_then(|d| d.name.as_ref().map(|n| n.value.clone()));
        self.index.insert(id.to_string(), self.list.len());
        self.list.push(DepartmentGuideline {
            id: id.to_string(),
            name,
            total: line.amount,
            lines: vec![line],
        });
        Ok(())
    }

    /// The guidelines in the file's order of departments, unknown ids
    /// (E005) after them.
    fn finish(mut self) -> Vec<DepartmentGuideline> {
        let order: HashMap<&str, usize> = self
            .r
            .departments
            .iter()
            .enumerate()
            .filter_map(|(i, d)| d.id.as_ref().map(|id| (id.value.as_str(), i)))
            .collect();
        self.list
            .sort_by_key(|g| order.get(g.id.as_str()).copied().unwrap_or(usize::MAX));
        self.list
    }
}

fn totals(
    r: &Roadmap,
    initiatives: &[InitiativeLine],
    training: &[TrainingLine],
    departments: &[DepartmentGuideline],
    has_day_rate: bool,
) -> Result<Totals, BudgetError> {
    let mut competencies: Vec<CompetencyTotal> = Competency::ALL
        .iter()
        .map(|&c| CompetencyTotal {
            competency: c,
            initiatives: Sums::default(),
            central_training: Sums::default(),
            total: Sums::default(),
        })
        .collect();
    let mut all_initiatives = Sums::default();
    let mut central = Sums::default();
    let mut internal = Money::ZERO;
    for l in initiatives {
        let overflow = || BudgetError::Overflow {
            span: initiative_span(r, &l.header.id),
        };
        if let Some(c) = l.header.internal_cost {
            internal = internal.checked_add(c).ok_or_else(overflow)?;
        }
        if l.header.area != Area::Cxm {
            continue;
        }
        let s = Sums::of_line(l);
        all_initiatives.add(&s).ok_or_else(overflow)?;
        add_to_competency(&mut competencies, l.header.competency, &s, |ct| {
            &mut ct.initiatives
        })
        .ok_or_else(overflow)?;
    }
    for t in training {
        let (Some(q), Funding::Central) = (t.quarters, t.funding) else {
            continue;
        };
        let overflow = || BudgetError::Overflow {
            span: training_span(r, &t.id),
        };
        let s = Sums::of_training(t.cost, q);
        central.add(&s).ok_or_else(overflow)?;
        add_to_competency(&mut competencies, t.competency, &s, |ct| {
            &mut ct.central_training
        })
        .ok_or_else(overflow)?;
    }
    let mut cxm = all_initiatives;
    cxm.add(&central)
        .ok_or(BudgetError::Overflow { span: r.meta.span })?;
    Ok(Totals {
        cxm: cxm.plan_year_budget,
        by_competency: competencies
            .iter()
            .map(|c| (c.competency, c.total.plan_year_budget))
            .collect(),
        by_quarter: cxm.quarters,
        departments: departments
            .iter()
            .map(|g| (g.id.clone(), g.total))
            .collect(),
        competencies,
        initiatives: all_initiatives,
        central_training: central,
        cxm_breakdown: cxm,
        internal_time: has_day_rate.then_some(internal),
    })
}

/// Adds a line's sums to its competency's part (`part` picks initiatives or
/// central training) and to the competency's total; `None` on overflow.
fn add_to_competency(
    competencies: &mut [CompetencyTotal],
    competency: Competency,
    s: &Sums,
    part: impl Fn(&mut CompetencyTotal) -> &mut Sums,
) -> Option<()> {
    for ct in competencies
        .iter_mut()
        .filter(|c| c.competency == competency)
    {
        part(ct).add(s)?;
        ct.total.add(s)?;
    }
    Some(())
}

// Where an overflow in the totals is reported: the entry with the line's id
// (the last one of a repeated id), searched for only when a sum overflows,
// which ends the computation anyway.

fn initiative_span(r: &Roadmap, id: &str) -> Span {
    r.initiatives
        .iter()
        .rev()
        .find(|i| i.id_str() == id)
        .map_or(r.meta.span, |i| i.anchor())
}

fn training_span(r: &Roadmap, id: &str) -> Span {
    r.training
        .iter()
        .rev()
        .filter_map(|t| t.id.as_ref())
        .find(|i| i.value == id)
        .map_or_else(Span::default, |i| i.span)
}

/// Converts an amount in `currency` (a quote bound, a spend entry) into
/// the roadmap currency: `round(amount × rate)`.
fn convert(
    m: Money,
    currency: Option<&Sp<String>>,
    r: &Roadmap,
    span: Span,
) -> Result<Money, BudgetError> {
    let Some(cur) = currency else {
        return Ok(m);
    };
    if cur.value.eq_ignore_ascii_case(r.meta.currency()) {
        return Ok(m);
    }
    let rate =
        r.fx.iter()
            .find(|f| f.code.value.eq_ignore_ascii_case(&cur.value))
            .and_then(|f| f.rate.as_ref())
            .ok_or_else(|| BudgetError::UnknownCurrency {
                code: cur.value.clone(),
                span: cur.span,
            })?;
    m.mul_decimal(rate.value)
        .ok_or(BudgetError::Overflow { span })
}

/// Internal time (SPEC section 4): `effort_days × day_rate`, when both are
/// known. Never part of the cash budget.
pub(crate) fn internal_cost(
    effort: Option<Decimal>,
    day_rate: Option<Money>,
    span: Span,
) -> Result<Option<Money>, BudgetError> {
    match (effort, day_rate) {
        (Some(e), Some(rate)) => rate
            .mul_decimal(e)
            .map(Some)
            .ok_or(BudgetError::Overflow { span }),
        _ => Ok(None),
    }
}

/// The quote averages, estimates and budget of one initiative (SPEC
/// section 4), whatever its status or dates: `compute` prices the plan and
/// the backlog with it, and the inventory prices past work with it.
pub(crate) fn figures(ini: &Initiative, r: &Roadmap) -> Result<Figures, BudgetError> {
    let span = ini.anchor();
    let overflow = || BudgetError::Overflow { span };
    let markup = ini
        .markup_percent
        .as_ref()
        .map_or(r.meta.markup(), |m| m.value);
    let cost = ini.cost.as_ref().map(|c| c.value);

    let (mut s_min, mut s_max) = (0i128, 0i128);
    for q in &ini.quotes {
        let (lo, hi) = q
            .bounds()
            .ok_or(BudgetError::IncompleteQuote { span: q.span })?;
        let lo = convert(lo, q.currency.as_ref(), r, span)?;
        let hi = convert(hi, q.currency.as_ref(), r, span)?;
        s_min = s_min.checked_add(lo.0).ok_or_else(overflow)?;
        s_max = s_max.checked_add(hi.0).ok_or_else(overflow)?;
    }
    let n = i128::try_from(ini.quotes.len()).map_err(|_| overflow())?;

    let (low, mid, high, estimate, estimate_low, estimate_high) = if n == 0 {
        (None, None, None, None, None, None)
    } else {
        // (100 + m) scaled by 10^6, so every division below is exact until `round`.
        let hundred_m = Decimal::SCALE
            .checked_mul(100)
            .and_then(|h| h.checked_add(markup.0))
            .ok_or_else(overflow)?;
        let sum = s_min.checked_add(s_max).ok_or_else(overflow)?;
        let scaled = |num: i128, k: i128| -> Result<Money, BudgetError> {
            let num = num.checked_mul(hundred_m).ok_or_else(overflow)?;
            let den = n
                .checked_mul(k)
                .and_then(|d| d.checked_mul(Decimal::SCALE))
                .ok_or_else(overflow)?;
            div_round(num, den).map(Money).ok_or_else(overflow)
        };
        let avg = |num: i128, k: i128| -> Result<Money, BudgetError> {
            let den = n.checked_mul(k).ok_or_else(overflow)?;
            div_round(num, den).map(Money).ok_or_else(overflow)
        };
        (
            Some(avg(s_min, 1)?),
            Some(avg(sum, 2)?),
            Some(avg(s_max, 1)?),
            Some(scaled(sum, 200)?),
            Some(scaled(s_min, 100)?),
            Some(scaled(s_max, 100)?),
        )
    };
    // A scenario's `prices` (SPEC section 10) moves the estimate to an end
    // of the vendor ranges; the averages stay as quoted.
    let estimate = match r.prices {
        Some(crate::roadmap::Prices::Low) => estimate_low,
        Some(crate::roadmap::Prices::High) => estimate_high,
        Some(crate::roadmap::Prices::Mid) | None => estimate,
    };
    let budget = estimate
        .unwrap_or(Money::ZERO)
        .checked_add(cost.unwrap_or(Money::ZERO))
        .ok_or_else(overflow)?;
    Ok(Figures {
        quotes: ini.quotes.len(),
        low,
        mid,
        high,
        markup_percent: markup,
        estimate,
        estimate_low,
        estimate_high,
        cost,
        budget,
    })
}

#[cfg(test)]
pub(crate) mod tests;
