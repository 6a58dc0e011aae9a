//! The kinds of finding the rules across the roadmap make (`check`) and the
//! budget's own (an overflow), with their data. Their words are in
//! `render::messages::rules`.
//!
//! A variant carries what the words need and nothing the reader could not
//! be shown: ids and titles as written, amounts as [`Money`], days and
//! percentages as [`Decimal`], dates, and the model's own enums. Figures a
//! rule computed (the amount over the cap, a member's load) travel as
//! figures, so that no renderer recomputes them.
//!
//! Each variant belongs to exactly one code ([`RuleMessage::code`]); a rule
//! still names the code where it makes the finding, and `check` asserts in
//! debug builds that the two agree.

use super::Code;
use super::Text;
use crate::money::{Decimal, Money};
use crate::roadmap::{Competency, Direction, Status};

use chrono::NaiveDate;

/// A finding of a rule.
#[derive(Clone, Debug, PartialEq)]
pub enum RuleMessage {
    /// E005: an initiative id in a scenario's `exclude`, `include` or
    /// `priorities` that names no initiative.
    UnknownScenarioInitiative {
        scenario: Text,
        key: &'static str,
        initiative: Text,
        /// Boxed: the other fields fill what every finding has room for.
        known: Box<Known>,
    },
    /// E003: a scenario excludes an initiative that is not `planned`
    /// (committed work cannot be excluded; an idea is out already).
    ScenarioExcludesUnplanned {
        scenario: Text,
        initiative: Text,
        status: Status,
    },
    /// E003: a scenario includes an initiative that is not an idea.
    ScenarioIncludesNonIdea {
        scenario: Text,
        initiative: Text,
        status: Status,
    },
    /// E007: a scenario includes an idea without `start` and `end`.
    ScenarioIncludesUndated { scenario: Text, initiative: Text },
    /// E003: a scenario's `capacity_percent` that gives a capacity finer
    /// than a millionth of a day (the exact product has no place in the
    /// model's decimals).
    ScenarioCapacityInexact { scenario: Text, member: Text },
    /// W018: a plan problem (E008, E009, W014) that the roadmap has only
    /// under a scenario.
    ScenarioProblem {
        scenario: Text,
        problem: Box<RuleMessage>,
    },
    /// E003: an initiative with both `actual` and spend entries: one
    /// source of truth for what was spent.
    ActualAndSpend { initiative: Text },
    /// E004: an id used by two entries of one kind. `first_title` is the
    /// title (or name) of the entry that defined it first, if it has one.
    DuplicateId {
        kind: Entry,
        id: Text,
        first_title: Option<Text>,
    },
    /// E005: an initiative's `owner` that is no `[[team]]` member.
    UnknownOwner {
        initiative: Text,
        owner: Text,
        known: Known,
    },
    /// E005: an initiative's `department` that is not in `[[departments]]`.
    UnknownDepartment {
        initiative: Text,
        department: Text,
        known: Known,
    },
    /// E005: an entry of an initiative's `kpis` that is not in `[[kpis]]`.
    UnknownKpi {
        initiative: Text,
        kpi: Text,
        known: Known,
    },
    /// E005: an entry of `depends_on` that names no initiative.
    UnknownDependency {
        initiative: Text,
        dependency: Text,
        known: Known,
    },
    /// E005: a department in a training's `needs` that is not in
    /// `[[departments]]`; `training` is the training's id, if it has one.
    UnknownTrainingDepartment {
        training: Option<Text>,
        department: Text,
        known: Known,
    },
    /// E005: a quote in a currency without a rate in `[fx]`. `home` is the
    /// roadmap's currency; `suggestion` a known currency close to it.
    UnknownCurrency {
        initiative: Text,
        currency: Text,
        home: Text,
        suggestion: Option<Text>,
    },
    /// E005: a spend entry in a currency without a rate in `[fx]`; `home`
    /// and `suggestion` as for a quote's.
    UnknownSpendCurrency {
        initiative: Text,
        currency: Text,
        home: Text,
        suggestion: Option<Text>,
    },
    /// E006: a quote whose `min` is above its `max`.
    QuoteMinAboveMax {
        initiative: Text,
        vendor: Option<Text>,
        min: Money,
        max: Money,
    },
    /// E006: a quote with neither a range nor an `amount`.
    QuoteWithoutPrice {
        initiative: Text,
        vendor: Option<Text>,
    },
    /// E006: a quote with one bound of its range, `given`, and not the other.
    QuoteHalfRange {
        initiative: Text,
        vendor: Option<Text>,
        given: Bound,
    },
    /// E006: a quote with both `amount` and a range.
    QuoteAmountAndRange {
        initiative: Text,
        vendor: Option<Text>,
    },
    /// E006: a budget whose amounts or sums leave the exact range.
    BudgetOverflow,
    /// E007: `end` before `start`.
    EndBeforeStart {
        initiative: Text,
        start: NaiveDate,
        end: NaiveDate,
    },
    /// E007: planned or in-progress work without `start`, `end` or both
    /// (at least one of the two flags is set).
    Undated {
        initiative: Text,
        status: Status,
        no_start: bool,
        no_end: bool,
    },
    /// E008: no `cxm` work in the plan develops a competency; `gap` is its
    /// maturity's `(current, target)` when the target is higher.
    Uncovered {
        competency: Competency,
        year: i32,
        gap: Option<(u8, u8)>,
    },
    /// E009: a competency's maturity is to rise, but no new `cxm` work is
    /// planned for it.
    NoNewWork {
        competency: Competency,
        year: i32,
        current: u8,
        target: u8,
    },
    /// E010: the CXM total over `budget_cap`, by `over`, in `currency`.
    OverCap {
        year: Option<i32>,
        total: Money,
        cap: Money,
        currency: Text,
    },
    /// E011: improvement work (`cx`) without a department.
    CxWithoutDepartment { initiative: Text },
    /// E013: a cycle of `depends_on`, each initiative's id in order, the
    /// first depending on the second and the last on the first. One id is
    /// an initiative that depends on itself.
    DependencyCycle { cycle: Vec<String> },
    /// E014: a KPI's `target` that is not beyond its `baseline` in its
    /// `direction` (equal included).
    TargetNotBeyondBaseline {
        kpi: Text,
        direction: Direction,
        baseline: Decimal,
        target: Decimal,
    },
    /// E014: a KPI's `target_date` (its own, or 31 December of the plan
    /// year when `given` is false) not after the path's `start`.
    TargetDateNotAfterStart {
        kpi: Text,
        target_date: NaiveDate,
        given: bool,
        start: NaiveDate,
    },
    /// E014: a checkpoint dated outside `(start, target_date)`.
    CheckpointOutsidePeriod {
        kpi: Text,
        date: NaiveDate,
        start: NaiveDate,
        target_date: NaiveDate,
    },
    /// E014: a checkpoint's value not between the baseline and the target.
    CheckpointNotBetween {
        kpi: Text,
        date: NaiveDate,
        value: Decimal,
        baseline: Decimal,
        target: Decimal,
    },
    /// E014: a checkpoint further from the target than the point before it
    /// on the path (the baseline or the previous checkpoint).
    CheckpointAwayFromTarget {
        kpi: Text,
        date: NaiveDate,
        value: Decimal,
        before: Decimal,
        before_date: NaiveDate,
    },
    /// W001: `cxm` work without an owner.
    NoOwner { initiative: Text },
    /// W002: no `kpi` or `kpis`.
    NoSuccessMeasure { initiative: Text },
    /// W003: plan work without `effort_days`.
    NoEffort { initiative: Text },
    /// W004: `cxm` plan work with neither `cost` nor quotes.
    NoPrice { initiative: Text },
    /// W005: a single vendor quote.
    OneQuote { initiative: Text },
    /// W006: a quote dated more than 12 months before the inventory date,
    /// on planned, running or idea work (rev. 2).
    StaleQuote {
        initiative: Text,
        date: NaiveDate,
        as_of: NaiveDate,
    },
    /// W007: a markup outside 10–15 %: an initiative's, or the roadmap's
    /// when `initiative` is `None`.
    UnusualMarkup {
        initiative: Option<Text>,
        markup: Decimal,
    },
    /// W008: improvement work (`cx`) in progress or planned, owned by a
    /// member of the CX team. `department` is the initiative's, if it names
    /// one.
    TeamOwnsCxWork {
        initiative: Text,
        owner: Text,
        department: Option<Text>,
    },
    /// W009: a team member owns more plan work than their capacity.
    OwnerOverloaded {
        member: Text,
        name: Option<Text>,
        year: i32,
        load: Decimal,
        capacity: Decimal,
    },
    /// W009: the plan needs more days than the team's total capacity.
    TeamOverloaded {
        year: i32,
        needed: Decimal,
        capacity: Decimal,
    },
    /// W010: done, but its end date is after the inventory date.
    DoneInFuture {
        initiative: Text,
        end: NaiveDate,
        as_of: NaiveDate,
    },
    /// W010: still planned, but its end date has passed.
    PlannedInPast {
        initiative: Text,
        end: NaiveDate,
        as_of: NaiveDate,
    },
    /// W010 (rev. 2): still planned, but its start date has passed.
    PlannedButStarted {
        initiative: Text,
        start: NaiveDate,
        as_of: NaiveDate,
    },
    /// W010 (rev. 2): in progress, but its start date is still ahead.
    InProgressBeforeStart {
        initiative: Text,
        start: NaiveDate,
        as_of: NaiveDate,
    },
    /// W010 (rev. 2): a check-in dated before the initiative's start.
    UpdateBeforeStart {
        initiative: Text,
        date: NaiveDate,
        start: NaiveDate,
    },
    /// W011: starts on or before the last day of a dependency.
    StartsBeforeDependencyEnds {
        initiative: Text,
        start: NaiveDate,
        dependency: Text,
        end: NaiveDate,
    },
    /// W016: a spend entry dated after the inventory date, left out of
    /// every figure.
    SpendAfterAsOf {
        initiative: Text,
        date: NaiveDate,
        as_of: NaiveDate,
    },
    /// W016 (rev. 2): a check-in dated after the inventory date: not the
    /// initiative's state yet.
    UpdateAfterAsOf {
        initiative: Text,
        date: NaiveDate,
        as_of: NaiveDate,
    },
    /// W017: spent more than the budget (`actual > budget`), by `over`.
    Overspent {
        initiative: Text,
        actual: Money,
        budget: Money,
        currency: Text,
    },
    /// W017: done, but neither `actual` nor spend entries say what it cost.
    DoneWithoutActual { initiative: Text },
    /// W016: a KPI measurement dated after the inventory date, left out of
    /// every figure.
    MeasurementAfterAsOf {
        kpi: Text,
        date: NaiveDate,
        as_of: NaiveDate,
    },
    /// W012: planned plan-year work without a priority: it sorts last and
    /// is the first to be cut.
    NoPriority { initiative: Text, year: i32 },
    /// E003: a long goal whose `until` is before the plan year.
    GoalUntilBeforePlanYear {
        goal: Text,
        until: i32,
        plan_year: i32,
    },
    /// E005: a goal's `owner` that is no `[[team]]` member.
    UnknownGoalOwner {
        goal: Text,
        owner: Text,
        known: Known,
    },
    /// E005: a goal's `parent` that names no goal; `known` offers the long
    /// goals.
    UnknownParent {
        goal: Text,
        parent: Text,
        known: Known,
    },
    /// E005: a goal's `parent` that names a year goal, not a long one.
    ParentNotLong { goal: Text, parent: Text },
    /// E005: a KPI id in a goal's `kpis` that is not in `[[kpis]]`.
    UnknownGoalKpi { goal: Text, kpi: Text, known: Known },
    /// E005: an entry of an initiative's `goals` that names no goal.
    UnknownInitiativeGoal {
        initiative: Text,
        goal: Text,
        known: Known,
    },
    /// E005: a communication's `owner` that is no `[[team]]` member.
    UnknownCommunicationOwner {
        communication: Text,
        owner: Text,
        known: Known,
    },
    /// E005: an entry of a communication's `goals` that names no goal.
    UnknownCommunicationGoal {
        communication: Text,
        goal: Text,
        known: Known,
    },
    /// E007: a communication whose `end` is before its `start`.
    CommunicationEndBeforeStart {
        communication: Text,
        start: NaiveDate,
        end: NaiveDate,
    },
    /// E014: a goal's value for a KPI that is not beyond the KPI's
    /// baseline in its direction (equal included).
    GoalValueNotBeyondBaseline {
        goal: Text,
        kpi: Text,
        direction: Direction,
        baseline: Decimal,
        value: Decimal,
    },
    /// W013: more than 3 goals in focus in the plan year; `goals` are all
    /// of them, in file order.
    TooManyInFocus { year: i32, goals: Vec<String> },
    /// W014: a focus goal of the plan year that no initiative above the cut
    /// line serves; `below_line` are the plan's initiatives serving it that
    /// fell below the line.
    FocusGoalWithoutWork {
        goal: Text,
        year: i32,
        below_line: Vec<String>,
    },
    /// W015: plan-year `cxm` work that names no goal it serves.
    ServesNoGoal { initiative: Text, year: i32 },
    /// E006: a KPI's `value_per_unit` whose `low` is above its `high`.
    UnitValueLowAboveHigh { kpi: Text, low: Money, high: Money },
    /// E003: an expected change whose `low` is above its `high`.
    ExpectedLowAboveHigh {
        initiative: Text,
        kpi: Text,
        low: Decimal,
        high: Decimal,
    },
    /// W019: a KPI's `value_per_unit` without a `note`: a money value
    /// without its assumption.
    UnitValueWithoutNote { kpi: Text },
    /// W019: an initiative's `expected` names a KPI without a money value,
    /// which adds nothing to the benefit.
    ExpectedWithoutValue { initiative: Text, kpi: Text },
}

impl RuleMessage {
    /// The code every finding with this message has.
    pub(crate) fn code(&self) -> Code {
        use RuleMessage as M;
        match self {
            M::ActualAndSpend { .. } | M::ExpectedLowAboveHigh { .. } => Code::E003,
            M::UnknownScenarioInitiative { .. } => Code::E005,
            M::ScenarioExcludesUnplanned { .. }
            | M::ScenarioIncludesNonIdea { .. }
            | M::ScenarioCapacityInexact { .. } => Code::E003,
            M::ScenarioIncludesUndated { .. } => Code::E007,
            M::ScenarioProblem { .. } => Code::W018,
            M::DuplicateId { .. } => Code::E004,
            M::UnknownOwner { .. }
            | M::UnknownDepartment { .. }
            | M::UnknownKpi { .. }
            | M::UnknownDependency { .. }
            | M::UnknownTrainingDepartment { .. }
            | M::UnknownCurrency { .. }
            | M::UnknownSpendCurrency { .. }
            | M::UnknownGoalOwner { .. }
            | M::UnknownParent { .. }
            | M::ParentNotLong { .. }
            | M::UnknownGoalKpi { .. }
            | M::UnknownInitiativeGoal { .. }
            | M::UnknownCommunicationOwner { .. }
            | M::UnknownCommunicationGoal { .. } => Code::E005,
            M::GoalUntilBeforePlanYear { .. } => Code::E003,
            M::CommunicationEndBeforeStart { .. } => Code::E007,
            M::GoalValueNotBeyondBaseline { .. } => Code::E014,
            M::TooManyInFocus { .. } => Code::W013,
            M::FocusGoalWithoutWork { .. } => Code::W014,
            M::ServesNoGoal { .. } => Code::W015,
            M::QuoteMinAboveMax { .. }
            | M::QuoteWithoutPrice { .. }
            | M::QuoteHalfRange { .. }
            | M::QuoteAmountAndRange { .. }
            | M::BudgetOverflow
            | M::UnitValueLowAboveHigh { .. } => Code::E006,
            M::EndBeforeStart { .. } | M::Undated { .. } => Code::E007,
            M::Uncovered { .. } => Code::E008,
            M::NoNewWork { .. } => Code::E009,
            M::OverCap { .. } => Code::E010,
            M::CxWithoutDepartment { .. } => Code::E011,
            M::DependencyCycle { .. } => Code::E013,
            M::TargetNotBeyondBaseline { .. }
            | M::TargetDateNotAfterStart { .. }
            | M::CheckpointOutsidePeriod { .. }
            | M::CheckpointNotBetween { .. }
            | M::CheckpointAwayFromTarget { .. } => Code::E014,
            M::NoOwner { .. } => Code::W001,
            M::NoSuccessMeasure { .. } => Code::W002,
            M::NoEffort { .. } => Code::W003,
            M::NoPrice { .. } => Code::W004,
            M::OneQuote { .. } => Code::W005,
            M::StaleQuote { .. } => Code::W006,
            M::UnusualMarkup { .. } => Code::W007,
            M::TeamOwnsCxWork { .. } => Code::W008,
            M::OwnerOverloaded { .. } | M::TeamOverloaded { .. } => Code::W009,
            M::DoneInFuture { .. }
            | M::PlannedInPast { .. }
            | M::PlannedButStarted { .. }
            | M::InProgressBeforeStart { .. }
            | M::UpdateBeforeStart { .. } => Code::W010,
            M::StartsBeforeDependencyEnds { .. } => Code::W011,
            M::SpendAfterAsOf { .. }
            | M::MeasurementAfterAsOf { .. }
            | M::UpdateAfterAsOf { .. } => Code::W016,
            M::Overspent { .. } | M::DoneWithoutActual { .. } => Code::W017,
            M::NoPriority { .. } => Code::W012,
            M::UnitValueWithoutNote { .. } | M::ExpectedWithoutValue { .. } => Code::W019,
        }
    }
}

/// The kinds of entry that have ids (E004 compares ids within one kind).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    Initiative,
    TeamMember,
    Department,
    Training,
    Kpi,
    Goal,
    Communication,
}

/// What the file offers in place of an unknown id: the help of E005.
///
/// The rule decides which, not the renderer: suggestions have a budget per
/// run (see `check`), and a list is kept only when it is short enough to
/// show, so that a file with thousands of broken references does not copy
/// thousands of ids into each finding.
#[derive(Clone, Debug, PartialEq)]
pub enum Known {
    /// A known id close enough to be what was meant.
    Suggestion(Text),
    /// No close one; the few ids of the kind the file defines, in file order
    /// (at most [`Known::LIST_MAX`]).
    Few(Vec<String>),
    /// The file defines no id of the kind.
    Empty,
    /// No close one among more ids than are worth listing.
    Many,
}

impl Known {
    /// The most ids a finding lists.
    pub(crate) const LIST_MAX: usize = 8;
}

/// One end of a quote's range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    Min,
    Max,
}
