//! The words of the rules' findings (and of the budget's overflow).
//!
//! Each finding has English and Polish words, made from the same data. In
//! Polish, keys, ids and titles are shown as in English; amounts are
//! written the Polish way (`45 000,00 zł`, as the Polish reports write
//! them: see `rules_pl.rs`). English keeps its plain `45000.00 PLN`.
//!
//! Ids, vendors and titles are shown in double quotes ([`Quoted`]); a few
//! places show them bare, as they always have: the ids of a cycle, a
//! currency code, a member's id beside their name, and the word a "did you
//! mean" suggests.

use crate::diag::{Bound, Entry, Known, Quoted as Q, RuleMessage};
use crate::roadmap::{Choice as _, Competency, Direction, Language};
use std::fmt;

pub(super) fn text(m: &RuleMessage, lang: Language) -> String {
    match lang {
        Language::En => text_en(m),
        Language::Pl => super::rules_pl::text(m),
    }
}

pub(super) fn help(m: &RuleMessage, lang: Language) -> Vec<String> {
    match lang {
        Language::En => help_en(m),
        Language::Pl => super::rules_pl::help(m),
    }
}

fn text_en(m: &RuleMessage) -> String {
    use RuleMessage as M;
    match m {
        M::ActualAndSpend { initiative } => format!(
            "initiative {} gives both `actual` and spend entries",
            Q(initiative)
        ),
        M::UnknownScenarioInitiative {
            scenario,
            key,
            initiative,
            ..
        } => format!(
            "scenario {} names the initiative {} in `{key}`, which is not in [[initiatives]]",
            Q(scenario),
            Q(initiative)
        ),
        M::ScenarioExcludesUnplanned {
            scenario,
            initiative,
            status,
        } => format!(
            "scenario {} excludes initiative {}, which is {}, not planned",
            Q(scenario),
            Q(initiative),
            status.as_str()
        ),
        M::ScenarioIncludesNonIdea {
            scenario,
            initiative,
            status,
        } => format!(
            "scenario {} includes initiative {}, which is {}, not an idea",
            Q(scenario),
            Q(initiative),
            status.as_str()
        ),
        M::ScenarioIncludesUndated {
            scenario,
            initiative,
        } => format!(
            "scenario {} includes the idea {}, which has no `start` and `end`",
            Q(scenario),
            Q(initiative)
        ),
        M::ScenarioCapacityInexact { scenario, member } => format!(
            "scenario {} gives team member {} a capacity finer than a millionth of a day",
            Q(scenario),
            Q(member)
        ),
        M::ScenarioProblem { scenario, problem } => {
            format!("only in scenario {}: {}", Q(scenario), text_en(problem))
        }
        M::DuplicateId { kind, id, .. } => {
            format!("the {} id {} is used twice", entry(*kind), Q(id))
        }
        M::UnknownOwner {
            initiative, owner, ..
        } => format!(
            "the owner {} of initiative {} is not a [[team]] member",
            Q(owner),
            Q(initiative)
        ),
        M::UnknownDepartment {
            initiative,
            department,
            ..
        } => format!(
            "the department {} of initiative {} is not in [[departments]]",
            Q(department),
            Q(initiative)
        ),
        M::UnknownKpi {
            initiative, kpi, ..
        } => format!(
            "initiative {} names the KPI {}, which is not in [[kpis]]",
            Q(initiative),
            Q(kpi)
        ),
        M::UnknownDependency {
            initiative,
            dependency,
            ..
        } => format!(
            "initiative {} depends on {}, which is not an initiative in this file",
            Q(initiative),
            Q(dependency)
        ),
        M::UnknownTrainingDepartment {
            training,
            department,
            ..
        } => {
            let name = training
                .as_ref()
                .map_or(String::new(), |t| format!(" {}", Q(t)));
            format!(
                "the training{name} lists needs of {}, which is not in [[departments]]",
                Q(department)
            )
        }
        M::UnknownCurrency {
            initiative,
            currency,
            ..
        } => format!(
            "a quote of initiative {} is in {currency}, which has no rate in [fx]",
            Q(initiative)
        ),
        M::UnknownSpendCurrency {
            initiative,
            currency,
            ..
        } => format!(
            "a spend entry of initiative {} is in {currency}, which has no rate in [fx]",
            Q(initiative)
        ),
        M::QuoteMinAboveMax {
            initiative,
            vendor,
            min,
            max,
        } => format!(
            "the quote{} for {} has a minimum ({min}) above its maximum ({max})",
            FromVendor(vendor),
            Q(initiative)
        ),
        M::QuoteWithoutPrice { initiative, vendor } => format!(
            "the quote{} for {} gives no price",
            FromVendor(vendor),
            Q(initiative)
        ),
        M::QuoteHalfRange {
            initiative,
            vendor,
            given,
        } => format!(
            "the quote{} for {} has `{}` but no `{}`",
            FromVendor(vendor),
            Q(initiative),
            key(*given),
            key(other(*given))
        ),
        M::QuoteAmountAndRange { initiative, vendor } => format!(
            "the quote{} for {} has both `amount` and a `min`/`max` range",
            FromVendor(vendor),
            Q(initiative)
        ),
        M::BudgetOverflow => "the budget is too large to compute exactly".to_string(),
        M::EndBeforeStart {
            initiative,
            start,
            end,
        } => format!(
            "initiative {} ends ({end}) before it starts ({start})",
            Q(initiative)
        ),
        M::Undated {
            initiative,
            status,
            no_start,
            no_end,
        } => {
            let missing: Vec<&str> = [("start", *no_start), ("end", *no_end)]
                .into_iter()
                .filter(|&(_, no)| no)
                .map(|(k, _)| k)
                .collect();
            format!(
                "initiative {} is {} but has no `{}` date",
                Q(initiative),
                status.as_str(),
                missing.join("` or `")
            )
        }
        M::Uncovered {
            competency,
            year,
            gap,
        } => {
            let mut text = format!(
                "no CXM initiative in the {year} plan develops the competency {}",
                Named(*competency)
            );
            if let Some((current, target)) = gap {
                text.push_str(&format!(
                    ", although its maturity is to rise from {current} to {target}"
                ));
            }
            text
        }
        M::NoNewWork {
            competency,
            year,
            current,
            target,
        } => format!(
            "the maturity of {} is to rise from {current} to {target}, but no new CXM initiative is planned for it in {year}",
            Named(*competency)
        ),
        M::OverCap {
            year,
            total,
            cap,
            currency: cur,
        } => {
            // Above the cap, so the difference is positive and in range.
            let over = total.checked_sub(*cap).unwrap_or_default();
            let year = year.map_or(String::new(), |y| format!(" of {y}"));
            format!(
                "the CXM budget{year} ({total} {cur}) exceeds the budget cap ({cap} {cur}) by {over} {cur}"
            )
        }
        M::CxWithoutDepartment { initiative } => format!(
            "initiative {} is CX improvement work (area = \"cx\") but names no department",
            Q(initiative)
        ),
        M::DependencyCycle { cycle } => match cycle.as_slice() {
            [one] => format!("initiative {} depends on itself: {one} → {one}", Q(one)),
            ids => format!(
                "initiatives depend on each other in a cycle: {}",
                name_cycle(ids)
            ),
        },
        M::TargetNotBeyondBaseline {
            kpi,
            direction,
            baseline,
            target,
        } => {
            let (better, beyond) = match direction {
                Direction::Up => ("higher", "above"),
                Direction::Down => ("lower", "below"),
            };
            format!(
                "the target {target} of KPI {} is not {beyond} its baseline {baseline}, though {better} is better (direction = \"{}\")",
                Q(kpi),
                direction.as_str()
            )
        }
        M::TargetDateNotAfterStart {
            kpi,
            target_date,
            given,
            start,
        } => {
            let which = if *given {
                "the target date"
            } else {
                "the default target date (the end of the plan year)"
            };
            format!(
                "{which} {target_date} of KPI {} is not after the start of its path, {start}",
                Q(kpi)
            )
        }
        M::CheckpointOutsidePeriod {
            kpi,
            date,
            start,
            target_date,
        } => format!(
            "a checkpoint of KPI {} is dated {date}, outside its path from {start} to the target date {target_date}",
            Q(kpi)
        ),
        M::CheckpointNotBetween {
            kpi,
            date,
            value,
            baseline,
            target,
        } => format!(
            "the checkpoint {value} on {date} of KPI {} is not between its baseline {baseline} and target {target}",
            Q(kpi)
        ),
        M::CheckpointAwayFromTarget {
            kpi,
            date,
            value,
            before,
            before_date,
        } => format!(
            "the checkpoint {value} on {date} of KPI {} moves away from the target: {before} was set for {before_date}",
            Q(kpi)
        ),
        M::NoOwner { initiative } => format!("CXM initiative {} has no owner", Q(initiative)),
        M::NoSuccessMeasure { initiative } => format!(
            "initiative {} does not say how its success is measured",
            Q(initiative)
        ),
        M::NoEffort { initiative } => format!(
            "initiative {} is in the plan but has no effort estimate",
            Q(initiative)
        ),
        M::NoPrice { initiative } => format!(
            "CXM initiative {} is in the plan but has no price: neither `cost` nor quotes",
            Q(initiative)
        ),
        M::OneQuote { initiative } => {
            format!("initiative {} has only one vendor quote", Q(initiative))
        }
        M::StaleQuote {
            initiative,
            date,
            as_of,
        } => format!(
            "a quote for {} dates from {date}, more than 12 months before {as_of}",
            Q(initiative)
        ),
        M::UnusualMarkup { initiative, markup } => {
            let what = initiative.as_ref().map_or_else(
                || "the roadmap's markup".to_string(),
                |i| format!("the markup of {}", Q(i)),
            );
            format!("{what} is {markup} %, outside the usual 10–15 %")
        }
        M::TeamOwnsCxWork {
            initiative, owner, ..
        } => format!(
            "time eater: initiative {} is CX improvement work (area = \"cx\") owned by {}, a member of the CX team",
            Q(initiative),
            Q(owner)
        ),
        M::OwnerOverloaded {
            member,
            name,
            year,
            load,
            capacity,
        } => {
            let who = name
                .as_ref()
                .map_or_else(|| Q(member).to_string(), |n| format!("{n} ({member})"));
            format!(
                "{who} owns {load} days of {year} plan work, more than the capacity of {capacity} days"
            )
        }
        M::TeamOverloaded {
            year,
            needed,
            capacity,
        } => format!(
            "the {year} plan needs {needed} team days, more than the team's total capacity of {capacity} days"
        ),
        M::DoneInFuture {
            initiative,
            end,
            as_of,
        } => format!(
            "initiative {} is done but ends on {end}, after {as_of}",
            Q(initiative)
        ),
        M::PlannedInPast {
            initiative,
            end,
            as_of,
        } => format!(
            "initiative {} is still planned but was to end on {end}, before {as_of}",
            Q(initiative)
        ),
        M::PlannedButStarted {
            initiative,
            start,
            as_of,
        } => format!(
            "initiative {} is still planned but was to start on {start}, before {as_of}",
            Q(initiative)
        ),
        M::InProgressBeforeStart {
            initiative,
            start,
            as_of,
        } => format!(
            "initiative {} is in progress but starts on {start}, after {as_of}",
            Q(initiative)
        ),
        M::StartsBeforeDependencyEnds {
            initiative,
            start,
            dependency,
            end,
        } => format!(
            "initiative {} starts on {start}, but {}, which it depends on, ends only on {end}",
            Q(initiative),
            Q(dependency)
        ),
        M::SpendAfterAsOf {
            initiative,
            date,
            as_of,
        } => format!(
            "a spend entry of {} is dated {date}, after {as_of}; it is left out of every figure",
            Q(initiative)
        ),
        M::Overspent {
            initiative,
            actual,
            budget,
            currency: cur,
        } => {
            // Spent beyond the budget, so the difference is positive.
            let over = actual.checked_sub(*budget).unwrap_or_default();
            format!(
                "initiative {} has spent {actual} {cur}, more than its budget of {budget} {cur} by {over} {cur}",
                Q(initiative)
            )
        }
        M::DoneWithoutActual { initiative } => format!(
            "initiative {} is done but does not say what it cost: no `actual` and no spend entries",
            Q(initiative)
        ),
        M::UpdateBeforeStart {
            initiative,
            date,
            start,
        } => format!(
            "a check-in of {} is dated {date}, before the initiative starts on {start}",
            Q(initiative)
        ),
        M::UpdateAfterAsOf {
            initiative,
            date,
            as_of,
        } => format!(
            "a check-in of {} is dated {date}, after {as_of}; it is not the initiative's state yet",
            Q(initiative)
        ),
        M::MeasurementAfterAsOf { kpi, date, as_of } => format!(
            "a measurement of KPI {} is dated {date}, after {as_of}; it is left out of every figure",
            Q(kpi)
        ),
        M::NoPriority { initiative, year } => format!(
            "planned initiative {} has no priority: it sorts last in the {year} plan and is the first to be cut",
            Q(initiative)
        ),
        M::GoalUntilBeforePlanYear {
            goal,
            until,
            plan_year,
        } => format!(
            "long goal {} ends in {until}, before the plan year {plan_year}",
            Q(goal)
        ),
        M::UnknownGoalOwner { goal, owner, .. } => format!(
            "the owner {} of goal {} is not a [[team]] member",
            Q(owner),
            Q(goal)
        ),
        M::UnknownParent { goal, parent, .. } => format!(
            "goal {} names the parent {}, which is not a goal in this file",
            Q(goal),
            Q(parent)
        ),
        M::ParentNotLong { goal, parent } => format!(
            "goal {} names the parent {}, which is a year goal, not a long goal",
            Q(goal),
            Q(parent)
        ),
        M::UnknownGoalKpi { goal, kpi, .. } => format!(
            "goal {} sets a value for the KPI {}, which is not in [[kpis]]",
            Q(goal),
            Q(kpi)
        ),
        M::UnknownInitiativeGoal {
            initiative, goal, ..
        } => format!(
            "initiative {} serves the goal {}, which is not in [[goals]]",
            Q(initiative),
            Q(goal)
        ),
        M::UnknownCommunicationOwner {
            communication,
            owner,
            ..
        } => format!(
            "the owner {} of communication {} is not a [[team]] member",
            Q(owner),
            Q(communication)
        ),
        M::UnknownCommunicationGoal {
            communication,
            goal,
            ..
        } => format!(
            "communication {} names the goal {}, which is not in [[goals]]",
            Q(communication),
            Q(goal)
        ),
        M::CommunicationEndBeforeStart {
            communication,
            start,
            end,
        } => format!(
            "communication {} ends ({end}) before it starts ({start})",
            Q(communication)
        ),
        M::GoalValueNotBeyondBaseline {
            goal,
            kpi,
            direction,
            baseline,
            value,
        } => {
            let (better, beyond) = match direction {
                Direction::Up => ("higher", "above"),
                Direction::Down => ("lower", "below"),
            };
            format!(
                "goal {} aims at {value} for KPI {}, which is not {beyond} its baseline {baseline}, though {better} is better",
                Q(goal),
                Q(kpi)
            )
        }
        M::TooManyInFocus { year, goals } => format!(
            "{} goals are in focus for {year}: {}",
            goals.len(),
            quoted_list(goals)
        ),
        M::FocusGoalWithoutWork {
            goal,
            year,
            below_line,
        } => {
            if below_line.is_empty() {
                format!(
                    "focus goal {} has no initiative in the {year} plan serving it",
                    Q(goal)
                )
            } else {
                format!(
                    "focus goal {} has no initiative above the cut line of the {year} plan; below it: {}",
                    Q(goal),
                    quoted_list(below_line)
                )
            }
        }
        M::ServesNoGoal { initiative, year } => format!(
            "CXM initiative {} in the {year} plan serves no goal",
            Q(initiative)
        ),
        M::UnitValueLowAboveHigh { kpi, low, high } => format!(
            "the value_per_unit of KPI {} has a low ({low}) above its high ({high})",
            Q(kpi)
        ),
        M::ExpectedLowAboveHigh {
            initiative,
            kpi,
            low,
            high,
        } => format!(
            "initiative {} expects KPI {} to change by at least {low} and at most {high}: the low is above the high",
            Q(initiative),
            Q(kpi)
        ),
        M::UnitValueWithoutNote { kpi } => format!(
            "KPI {} has a money value without a note: a figure without its assumption reads as a fact",
            Q(kpi)
        ),
        M::ExpectedWithoutValue { initiative, kpi } => format!(
            "initiative {} expects a change of KPI {}, which has no value_per_unit: it adds nothing to the benefit",
            Q(initiative),
            Q(kpi)
        ),
    }
}

fn help_en(m: &RuleMessage) -> Vec<String> {
    use RuleMessage as M;
    let line = match m {
        M::ActualAndSpend { .. } => "keep one: remove `actual`, whose sum the spend entries give, or the entries".to_string(),
        M::UnknownScenarioInitiative { known, .. } => return known_help(known, "initiatives"),
        M::ScenarioExcludesUnplanned { .. } => {
            "a scenario excludes planned work only: committed work (done, in progress, on hold, cancelled) stays, and an idea is out already".to_string()
        }
        M::ScenarioIncludesNonIdea { .. } => {
            "a scenario includes ideas only: planned and committed work is in the plan already".to_string()
        }
        M::ScenarioIncludesUndated { .. } => {
            "give the idea `start` and `end`, so that the scenario can plan it".to_string()
        }
        M::ScenarioCapacityInexact { .. } => {
            "choose a `capacity_percent` with fewer decimals".to_string()
        }
        M::ScenarioProblem { problem, .. } => {
            let mut lines = help_en(problem);
            lines.push("the roadmap itself is fine; a board that may choose this scenario should know".to_string());
            return lines;
        }
        M::DuplicateId {
            kind, first_title, ..
        } => {
            let earlier = match first_title {
                Some(t) => format!("{} {}", described(*kind), Q(t)),
                None => format!("an earlier {}", entry(*kind)),
            };
            let kind = entry(*kind);
            format!("first defined as {earlier}; give each {kind} its own id")
        }
        M::UnknownOwner { known, .. } => return known_help(known, "team members"),
        M::UnknownDepartment { known, .. } | M::UnknownTrainingDepartment { known, .. } => {
            return known_help(known, "departments");
        }
        M::UnknownKpi { known, .. } => return known_help(known, "KPIs"),
        M::UnknownDependency { known, .. } => return known_help(known, "initiatives"),
        M::UnknownCurrency {
            currency,
            home,
            suggestion,
            ..
        }
        | M::UnknownSpendCurrency {
            currency,
            home,
            suggestion,
            ..
        } => match suggestion {
            Some(s) => did_you_mean(s),
            None => format!("add a rate into {home} under [fx], e.g. {currency} = 4.30"),
        },
        M::QuoteMinAboveMax { .. } => "swap `min` and `max`".to_string(),
        M::QuoteWithoutPrice { .. } => {
            "give a range with `min` and `max`, or one figure with `amount`".to_string()
        }
        M::QuoteHalfRange { given, .. } => format!(
            "add `{}`, or write a single figure as `amount`",
            key(other(*given))
        ),
        M::QuoteAmountAndRange { .. } => "keep either the range or the single figure".to_string(),
        M::BudgetOverflow => "amounts and their sums must stay within 10^13".to_string(),
        M::EndBeforeStart { .. } => {
            "correct `start` or `end`: an initiative cannot end before it starts".to_string()
        }
        M::Undated { .. } => {
            "planned and in-progress work needs `start` and `end` to be placed in the plan"
                .to_string()
        }
        M::Uncovered {
            competency, year, ..
        } => format!(
            "plan at least one area = \"cxm\" initiative with competency = \"{}\" in {year}; a healthy plan develops all four competencies every year",
            competency.as_str()
        ),
        M::NoNewWork { .. } => "work already in progress keeps the level; plan an initiative with status = \"planned\" to raise it, or lower the target".to_string(),
        M::OverCap { .. } => "finish fewer initiatives: move some to a later year or back to ideas, or raise the cap".to_string(),
        M::CxWithoutDepartment { .. } => {
            "add `department`: the department that owns and pays for the improvement".to_string()
        }
        M::DependencyCycle { .. } => "none of them can start first; remove the `depends_on` entry that is not a real prerequisite".to_string(),
        M::TargetNotBeyondBaseline { .. } => {
            "check `direction`, or the `baseline` and `target`: the target must be better than the baseline".to_string()
        }
        M::TargetDateNotAfterStart { given: true, .. } => {
            "set `target_date` after `baseline_date` (or the first measurement)".to_string()
        }
        M::TargetDateNotAfterStart { given: false, .. } => {
            "set `target_date`, the date the target is to be reached".to_string()
        }
        M::CheckpointOutsidePeriod { .. } => "date each checkpoint of `targets` after the baseline and before `target_date`".to_string(),
        M::CheckpointNotBetween { .. } => "a checkpoint is a step on the way from the baseline to the target".to_string(),
        M::CheckpointAwayFromTarget { .. } => "in date order, each checkpoint must be at least as close to the target as the one before".to_string(),
        M::NoOwner { .. } => {
            "set `owner` to the id of the [[team]] member who answers for it".to_string()
        }
        M::NoSuccessMeasure { .. } => {
            "add `kpi`, the success measure, e.g. kpi = \"NPS measured quarterly\"".to_string()
        }
        M::NoEffort { .. } => "add `effort_days`, the team person-days it takes, so the plan can be checked against capacity".to_string(),
        M::NoPrice { .. } => "ask vendors for price ranges ([[initiatives.quotes]]), or write a fixed `cost` (0 if it costs only team time)".to_string(),
        M::OneQuote { .. } => "ask at least two vendors for a price range and average them".to_string(),
        M::StaleQuote { .. } => "prices move: ask the vendor for a fresh range".to_string(),
        M::UnusualMarkup { .. } => {
            "the inflation markup on vendor ranges is normally 10–15 %".to_string()
        }
        M::TeamOwnsCxWork { department, .. } => {
            let dept = department
                .as_ref()
                .map_or_else(|| "its department".to_string(), |d| Q(d).to_string());
            format!("hand it to {dept}, which owns the improvement; the CX team's time is for CXM work")
        }
        M::OwnerOverloaded { .. } => "better to finish fewer initiatives: move some to another owner, a later year or the backlog".to_string(),
        M::TeamOverloaded { .. } => {
            "better to finish fewer initiatives: cut the plan to fit the team".to_string()
        }
        M::DoneInFuture { .. } => "correct the status or the end date".to_string(),
        M::PlannedInPast { .. } => {
            "mark it done, in-progress or cancelled, or move its dates".to_string()
        }
        M::PlannedButStarted { .. } => {
            "mark it in-progress if it has begun, or move its start date".to_string()
        }
        M::InProgressBeforeStart { .. } => {
            "mark it planned if it has not begun, or correct its start date".to_string()
        }
        M::StartsBeforeDependencyEnds { .. } => {
            "start it after the dependency ends, or drop the dependency".to_string()
        }
        M::SpendAfterAsOf { .. } => {
            "correct the date, or move `as_of` when the money has been spent".to_string()
        }
        M::Overspent { .. } => {
            "the overspend counts as cash; raise the budget (cost or quotes) or explain it".to_string()
        }
        M::DoneWithoutActual { .. } => {
            "add `actual` or spend entries; until then its budget counts as spent".to_string()
        }
        M::MeasurementAfterAsOf { .. } => {
            "correct the date, or move `as_of` (or `--as-of`) to include it".to_string()
        }
        M::UpdateBeforeStart { .. } => {
            "correct the check-in's date, or the initiative's start if the work began earlier"
                .to_string()
        }
        M::UpdateAfterAsOf { .. } => {
            "correct the date, or move `as_of` (or `--as-of`) to include it".to_string()
        }
        M::NoPriority { .. } => "give it a `priority` (1 is highest)".to_string(),
        M::GoalUntilBeforePlanYear { .. } => {
            "a long goal looks 3–5 years ahead: set `until` to the plan year or later".to_string()
        }
        M::UnknownGoalOwner { known, .. } | M::UnknownCommunicationOwner { known, .. } => {
            return known_help(known, "team members");
        }
        M::UnknownParent { known, .. } => return known_help(known, "long goals"),
        M::ParentNotLong { .. } => {
            "a year goal's `parent` is the long goal (horizon = \"long\") it brings closer".to_string()
        }
        M::UnknownGoalKpi { known, .. } => return known_help(known, "KPIs"),
        M::UnknownInitiativeGoal { known, .. } | M::UnknownCommunicationGoal { known, .. } => {
            return known_help(known, "goals");
        }
        M::CommunicationEndBeforeStart { .. } => {
            "correct `start` or `end`: `start` is the first occurrence, `end` the last possible date".to_string()
        }
        M::GoalValueNotBeyondBaseline { .. } => {
            "a goal's value for a KPI is where it should be by the goal's end: better than the KPI's `baseline`".to_string()
        }
        M::TooManyInFocus { .. } => {
            "focus on 2–3 goals a year: set `focus = false` on the others".to_string()
        }
        M::FocusGoalWithoutWork { below_line, .. } if below_line.is_empty() => {
            "name the goal in the `goals` of the initiatives that serve it, or plan one".to_string()
        }
        M::FocusGoalWithoutWork { .. } => {
            "raise the priority of work serving it, or the budget cap, or take the goal out of focus".to_string()
        }
        M::ServesNoGoal { .. } => {
            "name the goals it serves in `goals`, or ask whether it belongs in the plan".to_string()
        }
        M::UnitValueLowAboveHigh { .. } | M::ExpectedLowAboveHigh { .. } => {
            "swap `low` and `high`".to_string()
        }
        M::UnitValueWithoutNote { .. } => {
            "add `note`: where the range comes from, e.g. \"churn model 2025, finance\"".to_string()
        }
        M::ExpectedWithoutValue { .. } => {
            "give the KPI a `value_per_unit = { low, high, note }`, or remove it from `expected`"
                .to_string()
        }
    };
    vec![line]
}

/// The help of E005: a suggestion, the few known ids, or that there are none.
fn known_help(known: &Known, what: &str) -> Vec<String> {
    match known {
        Known::Suggestion(s) => vec![did_you_mean(s)],
        Known::Empty => vec![format!("the file defines no {what}")],
        Known::Few(ids) => vec![format!("known {what}: {}", ids.join(", "))],
        Known::Many => Vec::new(),
    }
}

/// Ids in double quotes, separated by commas.
pub(super) fn quoted_list(ids: &[String]) -> String {
    ids.iter()
        .map(|id| Q(id).to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn did_you_mean(s: &str) -> String {
    format!("did you mean \"{s}\"?")
}

/// An entry's kind as a message names it: `the KPI id …`.
fn entry(kind: Entry) -> &'static str {
    match kind {
        Entry::Initiative => "initiative",
        Entry::TeamMember => "team member",
        Entry::Department => "department",
        Entry::Training => "training",
        Entry::Kpi => "KPI",
        Entry::Goal => "goal",
        Entry::Communication => "communication",
    }
}

/// An entry as named before its title: `the initiative "…"`.
fn described(kind: Entry) -> &'static str {
    match kind {
        Entry::Initiative => "the initiative",
        Entry::TeamMember => "team member",
        Entry::Department => "department",
        Entry::Training => "the training",
        Entry::Kpi => "the KPI",
        Entry::Goal => "the goal",
        Entry::Communication => "the communication",
    }
}

pub(super) fn key(b: Bound) -> &'static str {
    match b {
        Bound::Min => "min",
        Bound::Max => "max",
    }
}

pub(super) fn other(b: Bound) -> Bound {
    match b {
        Bound::Min => Bound::Max,
        Bound::Max => Bound::Min,
    }
}

/// ` from "vendor"` in a message about a quote, or nothing.
struct FromVendor<'a>(&'a Option<crate::diag::Text>);

impl fmt::Display for FromVendor<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(v) => write!(f, " from {}", Q(v)),
            None => Ok(()),
        }
    }
}

/// A competency by its key and what it means: `design (experience
/// diagnosis and design)`.
struct Named(Competency);

impl fmt::Display for Named {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.0 {
            Competency::Governance => "CX governance",
            Competency::Measurement => "experience measurement and metrics analysis",
            Competency::Design => "experience diagnosis and design",
            Competency::Culture => "customer-centric culture and attitudes",
        };
        write!(f, "{} ({label})", self.0.as_str())
    }
}

/// `a → b → c → a`; a very long cycle shows its ends and how many between.
fn name_cycle(ids: &[String]) -> String {
    cycle_with(ids, |n| format!("… {n} more …"))
}

/// [`name_cycle`] with the words for the ids left out.
pub(super) fn cycle_with(ids: &[String], left_out: impl Fn(usize) -> String) -> String {
    const SHOW: usize = 12;
    let mut parts: Vec<&str> = Vec::new();
    let more;
    if ids.len() <= SHOW {
        parts.extend(ids.iter().map(String::as_str));
    } else {
        parts.extend(ids[..SHOW / 2].iter().map(String::as_str));
        more = left_out(ids.len() - SHOW);
        parts.push(&more);
        parts.extend(ids[ids.len() - SHOW / 2..].iter().map(String::as_str));
    }
    parts.push(ids.first().map_or("", String::as_str));
    parts.join(" → ")
}

#[cfg(test)]
mod tests;
