//! The rules themselves, one function per code (or per pair of codes that
//! look at the same thing). Each pushes findings; none prints.

use super::{CheckContext, in_plan, planned_in};
use crate::diag::{self, Code, Finding};
use crate::money::Decimal;
use crate::roadmap::{Area, Choice, Competency, Roadmap, Status};
use crate::roadmap::{InitiativeKey as K, QuoteKey as Q, fields::Key as _};
use crate::source::{Sp, Span};
use chrono::Months;
use foldhash::{HashMap, HashMapExt as _};

pub(super) fn run(r: &Roadmap, ctx: &CheckContext) -> Vec<Finding> {
    let mut c = Checker {
        r,
        ctx,
        out: Vec::new(),
        suggest_budget: SUGGEST_BUDGET,
        initiatives: Ids::default(),
        team: Ids::default(),
        departments: Ids::default(),
        kpis: Ids::default(),
    };
    c.duplicates();
    c.references();
    c.quotes();
    c.dates();
    c.coverage();
    c.budget_cap();
    c.departments_of_cx();
    c.cycles();
    c.warnings();
    c.capacity();
    c.dependency_order();
    c.out
}

/// E010 alone, for a caller that has the budget's total only after the
/// other rules ran (with `cxm_total` unset, [`run`] skips E010).
pub(super) fn run_budget_cap(r: &Roadmap, ctx: &CheckContext) -> Vec<Finding> {
    let mut c = Checker {
        r,
        ctx,
        out: Vec::new(),
        suggest_budget: SUGGEST_BUDGET,
        initiatives: Ids::default(),
        team: Ids::default(),
        departments: Ids::default(),
        kpis: Ids::default(),
    };
    c.budget_cap();
    c.out
}

/// How many id comparisons "did you mean" may spend in one run. Enough for
/// every typo in a hand-written file; in a generated file with thousands of
/// broken references the later ones go without a suggestion rather than
/// make the check quadratic.
const SUGGEST_BUDGET: usize = 200_000;
/// Words longer than this get no suggestion (the distance is quadratic in
/// their length, and no id that long is a typo of a known one).
const SUGGEST_MAX_LEN: usize = 64;

/// The ids of one kind of entry: where each was first defined, and the
/// distinct ids in file order (for suggestions).
#[derive(Default)]
struct Ids<'r> {
    first: HashMap<&'r str, usize>,
    names: Vec<&'r str>,
}

impl<'r> Ids<'r> {
    fn get(&self, id: &str) -> Option<usize> {
        self.first.get(id).copied()
    }
}

struct Checker<'r> {
    r: &'r Roadmap,
    ctx: &'r CheckContext,
    out: Vec<Finding>,
    suggest_budget: usize,
    initiatives: Ids<'r>,
    team: Ids<'r>,
    departments: Ids<'r>,
    kpis: Ids<'r>,
}

/// A word in quotes for a message, formatted only if the message is.
fn q(s: &str) -> diag::Quoted<'_> {
    diag::Quoted(s)
}

/// ` from "vendor"` in a message about a quote, or nothing.
struct FromVendor<'a>(Option<&'a str>);

impl std::fmt::Display for FromVendor<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Some(v) => write!(f, " from {}", q(v)),
            None => Ok(()),
        }
    }
}

/// Days as a person reads them: `12.5`, `180`.
fn days(d: Decimal) -> String {
    d.text()
}

fn label(c: Competency) -> &'static str {
    match c {
        Competency::Governance => "CX governance",
        Competency::Measurement => "experience measurement and metrics analysis",
        Competency::Design => "experience diagnosis and design",
        Competency::Culture => "customer-centric culture and attitudes",
    }
}

impl<'r> Checker<'r> {
    fn push(&mut self, f: Finding) {
        self.out.push(f);
    }

    /// "did you mean", within the run's budget.
    fn suggest(&mut self, word: &str, known: &[&'r str]) -> Option<&'r str> {
        if word.len() > SUGGEST_MAX_LEN || known.len() > self.suggest_budget {
            return None;
        }
        self.suggest_budget -= known.len();
        diag::suggest(word, known.iter().copied())
    }

    /// A finding for a reference to an unknown id, with the best help there is.
    fn unknown(&mut self, value: &Sp<String>, message: String, known: &[&'r str], what: &str) {
        let mut f = Finding::new(Code::E005, value.span, message);
        f = if let Some(s) = self.suggest(&value.value, known) {
            f.help(format!("did you mean \"{s}\"?"))
        } else if known.is_empty() {
            f.help(format!("the file defines no {what}"))
        } else if known.len() <= 8 {
            f.help(format!("known {what}: {}", known.join(", ")))
        } else {
            f
        };
        self.push(f);
    }

    /// E004: an id defined twice among entries of one kind. Ids of different
    /// kinds never meet (an owner is always a team id, a department always a
    /// department id), so `sales` may name both a department and a KPI.
    fn duplicates(&mut self) {
        let r = self.r;
        let initiatives = r
            .initiatives
            .iter()
            .map(|i| (i.id.as_ref(), i.title.as_ref().map(|t| t.value.as_str())));
        self.initiatives = self.index("initiative", "the initiative", initiatives);
        let team = r
            .team
            .iter()
            .map(|m| (m.id.as_ref(), m.name.as_ref().map(|n| n.value.as_str())));
        self.team = self.index("team member", "team member", team);
        let departments = r
            .departments
            .iter()
            .map(|d| (d.id.as_ref(), d.name.as_ref().map(|n| n.value.as_str())));
        self.departments = self.index("department", "department", departments);
        let training = r
            .training
            .iter()
            .map(|t| (t.id.as_ref(), t.title.as_ref().map(|n| n.value.as_str())));
        self.index("training", "the training", training);
        let kpis = r
            .kpis
            .iter()
            .map(|k| (k.id.as_ref(), k.name.as_ref().map(|n| n.value.as_str())));
        self.kpis = self.index("KPI", "the KPI", kpis);
    }

    /// The ids of one kind with E004 for each repeated one; `described` is
    /// how an entry is named by its title (`the initiative "…"`).
    fn index(
        &mut self,
        kind: &str,
        described: &str,
        entries: impl Iterator<Item = (Option<&'r Sp<String>>, Option<&'r str>)>,
    ) -> Ids<'r> {
        let n = entries.size_hint().0;
        let mut ids = Ids {
            first: HashMap::with_capacity(n),
            names: Vec::with_capacity(n),
        };
        let mut titles: Vec<Option<&'r str>> = Vec::with_capacity(n);
        for (i, (id, title)) in entries.enumerate() {
            titles.push(title);
            let Some(id) = id else { continue };
            match ids.first.get(id.value.as_str()) {
                Some(&first) => {
                    let earlier = match titles.get(first).copied().flatten() {
                        Some(t) => format!("{described} {}", q(t)),
                        None => format!("an earlier {kind}"),
                    };
                    self.push(
                        Finding::new(
                            Code::E004,
                            id.span,
                            format!("the {kind} id {} is used twice", q(&id.value)),
                        )
                        .help(format!(
                            "first defined as {earlier}; give each {kind} its own id"
                        )),
                    );
                }
                None => {
                    ids.first.insert(id.value.as_str(), i);
                    ids.names.push(id.value.as_str());
                }
            }
        }
        ids
    }

    /// E005: owners, departments, training needs, KPIs, dependencies and
    /// quote currencies must name something the file defines.
    fn references(&mut self) {
        let r = self.r;
        let team = std::mem::take(&mut self.team.names);
        let departments = std::mem::take(&mut self.departments.names);
        let kpis = std::mem::take(&mut self.kpis.names);
        let initiatives = std::mem::take(&mut self.initiatives.names);
        let home = r.meta.currency();
        let mut currencies: Vec<&'r str> = vec![home];
        currencies.extend(r.fx.iter().map(|f| f.code.value.as_str()));

        for ini in &r.initiatives {
            let name = q(ini.id_str());
            if let Some(owner) = &ini.owner
                && self.team.get(&owner.value).is_none()
            {
                let msg = format!(
                    "the owner {} of initiative {name} is not a [[team]] member",
                    q(&owner.value)
                );
                self.unknown(owner, msg, &team, "team members");
            }
            if let Some(dept) = &ini.department
                && self.departments.get(&dept.value).is_none()
            {
                let msg = format!(
                    "the department {} of initiative {name} is not in [[departments]]",
                    q(&dept.value)
                );
                self.unknown(dept, msg, &departments, "departments");
            }
            for kpi in &ini.kpis {
                if self.kpis.get(&kpi.value).is_none() {
                    let msg = format!(
                        "initiative {name} names the KPI {}, which is not in [[kpis]]",
                        q(&kpi.value)
                    );
                    self.unknown(kpi, msg, &kpis, "KPIs");
                }
            }
            for dep in &ini.depends_on {
                if self.initiatives.get(&dep.value).is_none() {
                    let msg = format!(
                        "initiative {name} depends on {}, which is not an initiative in this file",
                        q(&dep.value)
                    );
                    self.unknown(dep, msg, &initiatives, "initiatives");
                }
            }
            for quote in &ini.quotes {
                if let Some(cur) = &quote.currency
                    && !currencies.contains(&cur.value.as_str())
                {
                    let mut f = Finding::new(
                        Code::E005,
                        cur.span,
                        format!(
                            "a quote of initiative {name} is in {}, which has no rate in [fx]",
                            cur.value
                        ),
                    );
                    f = match self.suggest(&cur.value, &currencies) {
                        Some(s) => f.help(format!("did you mean \"{s}\"?")),
                        None => f.help(format!(
                            "add a rate into {home} under [fx], e.g. {} = 4.30",
                            cur.value
                        )),
                    };
                    self.push(f);
                }
            }
        }
        for tr in &r.training {
            let name = tr
                .id
                .as_ref()
                .map_or(String::new(), |i| format!(" {}", q(&i.value)));
            for (dept, _) in &tr.needs {
                if self.departments.get(&dept.value).is_none() {
                    let msg = format!(
                        "the training{name} lists needs of {}, which is not in [[departments]]",
                        q(&dept.value)
                    );
                    self.unknown(dept, msg, &departments, "departments");
                }
            }
        }
        self.team.names = team;
        self.departments.names = departments;
        self.kpis.names = kpis;
        self.initiatives.names = initiatives;
    }

    /// E006: the shape of each quote: a range `min`–`max` or one `amount`.
    fn quotes(&mut self) {
        for ini in &self.r.initiatives {
            let name = q(ini.id_str());
            for quote in &ini.quotes {
                let bad = [Q::Min, Q::Max, Q::Amount]
                    .into_iter()
                    .any(|k| quote.is_rejected(k));
                if bad {
                    continue; // the loader reported the amount
                }
                let vendor = FromVendor(quote.vendor.as_ref().map(|v| v.value.as_str()));
                match (&quote.min, &quote.max, &quote.amount) {
                    (Some(min), Some(max), None) if min.value > max.value => {
                        self.push(
                            Finding::new(
                                Code::E006,
                                min.span,
                                format!(
                                    "the quote{vendor} for {name} has a minimum ({}) above its maximum ({})",
                                    min.value, max.value
                                ),
                            )
                            .help("swap `min` and `max`"),
                        );
                    }
                    (Some(_), Some(_), None) | (None, None, Some(_)) => {}
                    (None, None, None) => self.push(
                        Finding::new(
                            Code::E006,
                            quote.span,
                            format!("the quote{vendor} for {name} gives no price"),
                        )
                        .help("give a range with `min` and `max`, or one figure with `amount`"),
                    ),
                    (Some(one), None, None) | (None, Some(one), None) => {
                        let (has, lacks) = if quote.min.is_some() {
                            ("min", "max")
                        } else {
                            ("max", "min")
                        };
                        self.push(
                            Finding::new(
                                Code::E006,
                                one.span,
                                format!(
                                    "the quote{vendor} for {name} has `{has}` but no `{lacks}`"
                                ),
                            )
                            .help(format!(
                                "add `{lacks}`, or write a single figure as `amount`"
                            )),
                        );
                    }
                    (_, _, Some(amount)) => self.push(
                        Finding::new(
                            Code::E006,
                            amount.span,
                            format!(
                                "the quote{vendor} for {name} has both `amount` and a `min`/`max` range"
                            ),
                        )
                        .help("keep either the range or the single figure"),
                    ),
                }
            }
        }
    }

    /// E007: `end` before `start`; planned or in-progress work without dates.
    fn dates(&mut self) {
        for ini in &self.r.initiatives {
            let name = q(ini.id_str());
            if let (Some(start), Some(end)) = (&ini.start, &ini.end)
                && end.value < start.value
            {
                self.push(Finding::new(
                    Code::E007,
                    end.span,
                    format!(
                        "initiative {name} ends ({}) before it starts ({})",
                        end.value, start.value
                    ),
                ));
            }
            let Some(status) = &ini.status else { continue };
            if !status.value.is_active() {
                continue;
            }
            let missing: Vec<&str> = [(K::Start, ini.start.is_some()), (K::End, ini.end.is_some())]
                .into_iter()
                .filter(|&(k, has)| !has && !ini.is_rejected(k))
                .map(|(k, _)| k.name())
                .collect();
            if !missing.is_empty() {
                self.push(
                    Finding::new(
                        Code::E007,
                        ini.anchor(),
                        format!(
                            "initiative {name} is {} but has no `{}` date",
                            status.value.as_str(),
                            missing.join("` or `")
                        ),
                    )
                    .help("planned and in-progress work needs `start` and `end` to be placed in the plan"),
                );
            }
        }
    }

    /// Where a plan-level finding about a competency points: its `[maturity]`
    /// entry, else `plan_year`, else the `[roadmap]` header.
    fn competency_span(&self, c: Competency) -> Span {
        let r = self.r;
        if let Some(m) = r.maturity.iter().find(|m| m.competency.value == c) {
            return m.competency.span;
        }
        r.meta.plan_year.as_ref().map_or(r.meta.span, |y| y.span)
    }

    /// E008 and E009: every competency needs CXM work in the plan; a
    /// competency whose maturity is to rise needs *new* (status `planned`)
    /// CXM work. E009 alone therefore means: only work already in progress
    /// serves a competency that is meant to grow. When a competency has no
    /// CXM work at all and a maturity gap, one E008 says both.
    ///
    /// Coverage is not judged while an initiative's competency, area, status
    /// or dates could not be read: the finding would only echo that error.
    fn coverage(&mut self) {
        let Some(year) = self.ctx.plan_year else {
            return;
        };
        let unreadable = self.r.initiatives.iter().any(|ini| {
            ini.competency.is_none()
                || ini.area.is_none()
                || ini.status.is_none()
                || [K::Start, K::End].into_iter().any(|k| ini.is_rejected(k))
        });
        if unreadable {
            return;
        }
        let mut covered = [false; Competency::ALL.len()];
        let mut planned = [false; Competency::ALL.len()];
        for ini in &self.r.initiatives {
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
        for &c in Competency::ALL {
            let k = c as usize;
            let gap = self
                .r
                .maturity
                .iter()
                .find_map(|m| match (&m.current, &m.target) {
                    (Some(cur), Some(tgt)) if m.competency.value == c && tgt.value > cur.value => {
                        Some((cur.value, tgt.value))
                    }
                    _ => None,
                });
            let span = self.competency_span(c);
            let what = format!("{} ({})", c.as_str(), label(c));
            if !covered[k] {
                let mut msg =
                    format!("no CXM initiative in the {year} plan develops the competency {what}");
                if let Some((cur, tgt)) = gap {
                    msg.push_str(&format!(
                        ", although its maturity is to rise from {cur} to {tgt}"
                    ));
                }
                self.push(Finding::new(Code::E008, span, msg).help(format!(
                    "plan at least one area = \"cxm\" initiative with competency = \"{}\" in {year}; a healthy plan develops all four competencies every year",
                    c.as_str()
                )));
            } else if let (false, Some((cur, tgt))) = (planned[k], gap) {
                self.push(
                    Finding::new(
                        Code::E009,
                        span,
                        format!(
                            "the maturity of {what} is to rise from {cur} to {tgt}, but no new CXM initiative is planned for it in {year}"
                        ),
                    )
                    .help("work already in progress keeps the level; plan an initiative with status = \"planned\" to raise it, or lower the target"),
                );
            }
        }
    }

    /// E010: the CXM total of the plan year against `budget_cap`.
    fn budget_cap(&mut self) {
        let (Some(total), Some(cap)) = (self.ctx.cxm_total, &self.r.meta.budget_cap) else {
            return;
        };
        if total <= cap.value {
            return;
        }
        let cur = self.r.meta.currency();
        let over = total.checked_sub(cap.value).unwrap_or_default();
        let year = self
            .ctx
            .plan_year
            .map_or(String::new(), |y| format!(" of {y}"));
        self.push(
            Finding::new(
                Code::E010,
                cap.span,
                format!(
                    "the CXM budget{year} ({total} {cur}) exceeds the budget cap ({} {cur}) by {over} {cur}",
                    cap.value
                ),
            )
            .help("finish fewer initiatives: move some to a later year or back to ideas, or raise the cap"),
        );
    }

    /// E011: improvement work (`cx`) belongs to a department.
    fn departments_of_cx(&mut self) {
        for ini in &self.r.initiatives {
            if ini.area.as_ref().is_some_and(|a| a.value == Area::Cx)
                && ini.department.is_none()
                && !ini.is_rejected(K::Department)
            {
                self.push(
                    Finding::new(
                        Code::E011,
                        ini.anchor(),
                        format!(
                            "initiative {} is CX improvement work (area = \"cx\") but names no department",
                            q(ini.id_str())
                        ),
                    )
                    .help("add `department`: the department that owns and pays for the improvement"),
                );
            }
        }
    }

    /// E013: one finding per cycle of `depends_on`, at the dependency entry
    /// of the cycle's first initiative in the file.
    fn cycles(&mut self) {
        let inis = &self.r.initiatives;
        let adj: Vec<Vec<usize>> = inis
            .iter()
            .map(|ini| {
                ini.depends_on
                    .iter()
                    .filter_map(|d| self.initiatives.get(&d.value))
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
            let ids: Vec<&str> = cycle.iter().map(|&i| inis[i].id_str()).collect();
            let message = if ids.len() == 1 {
                format!(
                    "initiative {} depends on itself: {} → {}",
                    q(ids[0]),
                    ids[0],
                    ids[0]
                )
            } else {
                format!(
                    "initiatives depend on each other in a cycle: {}",
                    name_cycle(&ids)
                )
            };
            self.push(Finding::new(Code::E013, span, message).help(
                "none of them can start first; remove the `depends_on` entry that is not a real prerequisite",
            ));
        }
    }

    /// The warnings about one initiative or quote at a time.
    fn warnings(&mut self) {
        let r = self.r;
        let year = self.ctx.plan_year;
        let too_old = self.ctx.as_of.checked_sub_months(Months::new(12));
        let low = Decimal(10 * Decimal::SCALE);
        let high = Decimal(15 * Decimal::SCALE);
        if let Some(m) = &r.meta.markup_percent
            && (m.value < low || m.value > high)
        {
            self.push(markup_finding(m, "the roadmap's markup"));
        }
        for ini in &r.initiatives {
            let name = q(ini.id_str());
            let area = ini.area.as_ref().map(|a| a.value);
            let status = ini.status.as_ref().map(|s| s.value);
            let planned = year.is_some_and(|y| in_plan(ini, y));

            // W001
            if area == Some(Area::Cxm) && ini.owner.is_none() && !ini.is_rejected(K::Owner) {
                self.push(
                    Finding::new(
                        Code::W001,
                        ini.anchor(),
                        format!("CXM initiative {name} has no owner"),
                    )
                    .help("set `owner` to the id of the [[team]] member who answers for it"),
                );
            }
            // W002: `kpi` or at least one entry of `kpis` says how success is measured.
            let has_kpi = ini.kpi.as_ref().is_some_and(|k| !k.value.trim().is_empty())
                || ini.is_rejected(K::Kpi)
                || !ini.kpis.is_empty();
            if !has_kpi {
                self.push(
                    Finding::new(
                        Code::W002,
                        ini.anchor(),
                        format!("initiative {name} does not say how its success is measured"),
                    )
                    .help("add `kpi`, the success measure, e.g. kpi = \"NPS measured quarterly\""),
                );
            }
            // W003
            if planned && ini.effort_days.is_none() && !ini.is_rejected(K::EffortDays) {
                self.push(
                    Finding::new(
                        Code::W003,
                        ini.anchor(),
                        format!("initiative {name} is in the plan but has no effort estimate"),
                    )
                    .help("add `effort_days`, the team person-days it takes, so the plan can be checked against capacity"),
                );
            }
            // W004
            if planned
                && area == Some(Area::Cxm)
                && ini.cost.is_none()
                && !ini.is_rejected(K::Cost)
                && ini.quotes.is_empty()
                && !ini.is_rejected(K::Quotes)
            {
                self.push(
                    Finding::new(
                        Code::W004,
                        ini.anchor(),
                        format!("CXM initiative {name} is in the plan but has no price: neither `cost` nor quotes"),
                    )
                    .help("ask vendors for price ranges ([[initiatives.quotes]]), or write a fixed `cost` (0 if it costs only team time)"),
                );
            }
            // W005
            if let [only] = ini.quotes.as_slice() {
                self.push(
                    Finding::new(
                        Code::W005,
                        only.span,
                        format!("initiative {name} has only one vendor quote"),
                    )
                    .help("ask at least two vendors for a price range and average them"),
                );
            }
            // W006
            for quote in &ini.quotes {
                if let (Some(date), Some(limit)) = (&quote.date, too_old)
                    && date.value < limit
                {
                    self.push(
                        Finding::new(
                            Code::W006,
                            date.span,
                            format!(
                                "a quote for {name} dates from {}, more than 12 months before {}",
                                date.value, self.ctx.as_of
                            ),
                        )
                        .help("prices move: ask the vendor for a fresh range"),
                    );
                }
            }
            // W007
            if let Some(m) = &ini.markup_percent
                && (m.value < low || m.value > high)
            {
                self.push(markup_finding(m, &format!("the markup of {name}")));
            }
            // W008
            if area == Some(Area::Cx)
                && status.is_some_and(Status::is_active)
                && let Some(owner) = &ini.owner
                && self.team.get(&owner.value).is_some()
            {
                let dept = ini
                    .department
                    .as_ref()
                    .map_or("its department".to_string(), |d| q(&d.value).to_string());
                self.push(
                    Finding::new(
                        Code::W008,
                        owner.span,
                        format!(
                            "time eater: initiative {name} is CX improvement work (area = \"cx\") owned by {}, a member of the CX team",
                            q(&owner.value)
                        ),
                    )
                    .help(format!("hand it to {dept}, which owns the improvement; the CX team's time is for CXM work")),
                );
            }
            // W010
            if let (Some(s), Some(end)) = (status, &ini.end) {
                let as_of = self.ctx.as_of;
                if s == Status::Done && end.value > as_of {
                    self.push(
                        Finding::new(
                            Code::W010,
                            end.span,
                            format!(
                                "initiative {name} is done but ends on {}, after {as_of}",
                                end.value
                            ),
                        )
                        .help("correct the status or the end date"),
                    );
                } else if s == Status::Planned && end.value < as_of {
                    self.push(
                        Finding::new(
                            Code::W010,
                            end.span,
                            format!(
                                "initiative {name} is still planned but was to end on {}, before {as_of}",
                                end.value
                            ),
                        )
                        .help("mark it done, in-progress or cancelled, or move its dates"),
                    );
                }
            }
        }
    }

    /// W009: plan effort per team member and for the whole team against
    /// capacity. The team's total counts the effort of every plan initiative
    /// (both areas, owned or not) against the sum of the `capacity_days`
    /// that are given, and points at the first `[[team]]` header.
    fn capacity(&mut self) {
        let Some(year) = self.ctx.plan_year else {
            return;
        };
        let r = self.r;
        let mut per_owner: HashMap<&str, Decimal> = HashMap::new();
        let mut total = Decimal::ZERO;
        for ini in &r.initiatives {
            let Some(effort) = &ini.effort_days else {
                continue;
            };
            if !in_plan(ini, year) {
                continue;
            }
            total = total
                .checked_add(effort.value)
                .unwrap_or(Decimal(i128::MAX));
            if let Some(owner) = &ini.owner {
                let e = per_owner
                    .entry(owner.value.as_str())
                    .or_insert(Decimal::ZERO);
                *e = e.checked_add(effort.value).unwrap_or(Decimal(i128::MAX));
            }
        }
        let mut capacity = Decimal::ZERO;
        let mut any_capacity = false;
        let mut first_span = None;
        for (i, m) in r.team.iter().enumerate() {
            let span = m
                .capacity_days
                .as_ref()
                .map(|c| c.span)
                .or(m.id.as_ref().map(|id| id.span))
                .unwrap_or(m.span);
            first_span.get_or_insert(m.span);
            let Some(cap) = &m.capacity_days else {
                continue;
            };
            any_capacity = true;
            capacity = capacity
                .checked_add(cap.value)
                .unwrap_or(Decimal(i128::MAX));
            // A duplicated id is E004; only its first entry carries the load.
            let Some(id) = &m.id else { continue };
            if self.team.get(&id.value) != Some(i) {
                continue;
            }
            let load = per_owner
                .get(id.value.as_str())
                .copied()
                .unwrap_or_default();
            if load > cap.value {
                let who = m.name.as_ref().map_or(q(&id.value).to_string(), |n| {
                    format!("{} ({})", n.value, id.value)
                });
                self.push(
                    Finding::new(
                        Code::W009,
                        span,
                        format!(
                            "{who} owns {} days of {year} plan work, more than the capacity of {} days",
                            days(load),
                            days(cap.value)
                        ),
                    )
                    .help("better to finish fewer initiatives: move some to another owner, a later year or the backlog"),
                );
            }
        }
        if let Some(span) = first_span
            && any_capacity
            && total > capacity
        {
            self.push(
                Finding::new(
                    Code::W009,
                    span,
                    format!(
                        "the {year} plan needs {} team days, more than the team's total capacity of {} days",
                        days(total),
                        days(capacity)
                    ),
                )
                .help("better to finish fewer initiatives: cut the plan to fit the team"),
            );
        }
    }

    /// W011: an initiative must start after every initiative it depends on
    /// has ended. Starting on the day the dependency ends counts as too early
    /// (the dependency's last day is still spent on it): `start <= end` of the
    /// dependency is a finding, `start > end` is fine. A dependency on itself
    /// is E013's business.
    fn dependency_order(&mut self) {
        let inis = &self.r.initiatives;
        for (i, ini) in inis.iter().enumerate() {
            let Some(start) = &ini.start else { continue };
            for dep in &ini.depends_on {
                let Some(j) = self.initiatives.get(&dep.value) else {
                    continue;
                };
                if j == i {
                    continue;
                }
                let Some(end) = &inis[j].end else { continue };
                if start.value <= end.value {
                    self.push(
                        Finding::new(
                            Code::W011,
                            dep.span,
                            format!(
                                "initiative {} starts on {}, but {}, which it depends on, ends only on {}",
                                q(ini.id_str()),
                                start.value,
                                q(&dep.value),
                                end.value
                            ),
                        )
                        .help("start it after the dependency ends, or drop the dependency"),
                    );
                }
            }
        }
    }
}

fn markup_finding(m: &Sp<Decimal>, what: &str) -> Finding {
    Finding::new(
        Code::W007,
        m.span,
        format!("{what} is {} %, outside the usual 10–15 %", m.value),
    )
    .help("the inflation markup on vendor ranges is normally 10–15 %")
}

/// `a → b → c → a`; a very long cycle shows its ends and how many between.
fn name_cycle(ids: &[&str]) -> String {
    const SHOW: usize = 12;
    let mut parts: Vec<String> = Vec::new();
    if ids.len() <= SHOW {
        parts.extend(ids.iter().map(|s| s.to_string()));
    } else {
        parts.extend(ids[..SHOW / 2].iter().map(|s| s.to_string()));
        parts.push(format!("… {} more …", ids.len() - SHOW));
        parts.extend(ids[ids.len() - SHOW / 2..].iter().map(|s| s.to_string()));
    }
    parts.push(ids.first().map_or(String::new(), |s| s.to_string()));
    parts.join(" → ")
}
