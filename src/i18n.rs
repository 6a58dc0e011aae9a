//! Labels and number formatting for English and Polish: what people read in
//! `table` and `markdown` output. Machine formats (CSV, JSON) never go
//! through here: their keys and numbers are fixed.
//!
//! A report's fixed words (headers, titles, notes) are [`Text`] keys, the one
//! way renderers name things: both languages of a label sit in one `match`,
//! so a new label cannot be written in one language and forgotten in the
//! other. Sentences with figures in them are functions here.

use crate::kpi::KpiStatus;
use crate::money::{Decimal, Money};
use crate::roadmap::{
    Area, Competency, Confidence, Direction, Group, Language, LatestUpdate, Status,
};

/// U+00A0, the non-breaking space Polish uses between thousands and before
/// the currency, so a figure never breaks across lines.
pub(crate) const NBSP: char = '\u{a0}';

/// Fixed texts of the reports: column headers, section titles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Text {
    Id,
    Title,
    Competency,
    Area,
    Status,
    Department,
    Owner,
    Quotes,
    Low,
    Mid,
    High,
    Markup,
    Estimate,
    Cost,
    Budget,
    Q1,
    Q2,
    Q3,
    Q4,
    PlanYearBudget,
    InternalTime,
    EffortDays,
    People,
    CostPerPerson,
    Kind,
    Amount,
    Subtotal,
    Total,
    CxmInitiatives,
    CxmTotal,
    CentralTraining,
    DepartmentGuidelines,
    Backlog,
    BudgetTitle,
    PlanYear,
    Currency,
    MarkupUsed,
    BudgetCap,
    DayRate,
    AsOf,
    ByCompetency,
    Initiative,
    Training,
    // The inventory.
    InventoryTitle,
    Window,
    Actual,
    Remaining,
    Variance,
    Kpi,
    Missing,
    TimeEater,
    Count,
    EmptyWindow,
    ByCompetencyRows,
    BudgetWithoutActual,
    ActualWithoutBudget,
    SpentShare,
    // The plan.
    PlanTitle,
    InPriorityOrder,
    MaturityLevels,
    Rank,
    Priority,
    Quarters,
    CumulativeBudget,
    CumulativeEffort,
    PlanYearEffort,
    QuarterCapacity,
    Reason,
    BelowLineReasons,
    BudgetAvailable,
    TeamCapacity,
    PlanEffort,
    AboveLine,
    BelowLine,
    Coverage,
    Load,
    Member,
    CapacityDays,
    LoadDays,
    FreeDays,
    OverCapacity,
    NotOwnedByTeam,
    Team,
    Maturity,
    AddressedBy,
    NotAddressed,
    Dependencies,
    DependsOn,
    Note,
    NotInPlan,
    UnknownId,
    Done,
    EmptyPlan,
    NoCutLine,
    NoLimits,
    KpiTitle,
    GroupCompany,
    GroupCustomer,
    GroupBusiness,
    KpiName,
    Unit,
    Baseline,
    Latest,
    Date,
    Target,
    Better,
    Higher,
    Lower,
    Progress,
    Trend,
    Initiatives,
    TargetsBy,
    StatusReached,
    StatusOnTrack,
    StatusBehind,
    StatusTooEarly,
    StatusStale,
    PathValue,
    NoData,
    NoKpis,
    StatusRule,
    DashboardTitle,
    HeadlineBudget,
    OfCap,
    NoCap,
    Left,
    OverCap,
    HeadlineCoverage,
    CoverageNote,
    HeadlineTimeEaters,
    TimeEaterNote,
    NoEffort,
    BudgetByCompetency,
    BudgetByQuarter,
    Timeline,
    CutLine,
    DashBelowLine,
    CxWork,
    Findings,
    NoFindings,
    Error,
    Warning,
    Message,
    Code,
    NoGuidelines,
    NoPlan,
    NoMeasurement,
    Generated,
    DaysShort,
    KpiCount,
    BaselineShort,
    Severity,
    DashNoCutLine,
    // The plan, more.
    InitiativeColumn,
    CxRowsNote,
    // The diff.
    RoadmapChanges,
    NothingChanged,
    AddedInitiatives,
    RemovedInitiatives,
    ChangedInitiatives,
    StoppedReasons,
    GoalsTitle,
    Goal,
    Horizon,
    Focus,
    KpiTargets,
    ServingInitiatives,
    ShareOfCxm,
    HorizonLong,
    HorizonYear,
    AddedGoals,
    RemovedGoals,
    ChangedGoals,
    AddedCommunications,
    RemovedCommunications,
    ChangedCommunications,
    DiffFieldHorizon,
    DiffFieldYear,
    DiffFieldUntil,
    DiffFieldParent,
    DiffFieldFocus,
    DiffFieldPainPoints,
    DiffFieldGoalKpis,
    DiffFieldChannel,
    DiffFieldAudience,
    DiffFieldCadence,
    DiffFieldSponsor,
    Field,
    Old,
    New,
    Change,
    /// A compared field's label; English keeps the TOML key a person edits.
    DiffFieldTitle,
    DiffFieldCompetency,
    DiffFieldArea,
    DiffFieldStatus,
    DiffFieldOwner,
    DiffFieldDepartment,
    DiffFieldPriority,
    DiffFieldStart,
    DiffFieldEnd,
    DiffFieldEffortDays,
    DiffFieldKpi,
    DiffFieldReason,
    DiffFieldCost,
    DiffFieldMarkupPercent,
    DiffFieldQuotes,
    DiffFieldBudget,
    DiffFieldPlanYearBudget,
    DiffFieldKpis,
    DiffFieldDependsOn,
    DiffFieldUpdates,
    /// The plan's column of the latest check-in.
    LatestUpdate,
    ConfidenceHigh,
    ConfidenceMedium,
    ConfidenceLow,
    /// `cxm status`.
    StatusTitle,
    StatusPeriod,
    StatusFinished,
    StatusStarted,
    StatusSlipped,
    StatusAtRisk,
    StatusSpending,
    StatusUndatedActual,
    StatusKpis,
    StatusPlanYearCash,
    StatusSpentInPlanYear,
    StatusFindings,
    StatusNone,
    StatusWhy,
    StatusValue,
    WhyFinished,
    WhyStarted,
    WhyLateEnd,
    WhyLateStart,
    WhyLowConfidence,
    WhyBehindTime,
    DiffFieldGoals,
    DiffFieldBenefit,
    DiffFieldExpected,
    DiffFieldActual,
    DiffFieldSpend,
    /// No header: the column's cells say what each row is.
    Blank,
    /// Under a table too wide for the terminal: the columns left out.
    LeftOutColumns,
    /// After [`Text::LeftOutColumns`]: how to see them.
    WideShowsAll,
    /// The dashboard's findings: what a finding is about.
    DashConcerns,
    DashAboutTable,
    DashAboutFile,
    DashAboutDepartment,
    DashAboutMember,
    DashAboutKpi,
    /// The dashboard's strategy on a page, backlog and quarter.
    DashStrategy,
    DashVision,
    DashNoFocus,
    DashWithoutWork,
    DashNoServing,
    DashSince,
    DashBacklog,
    DashIdea,
    DashOnHold,
    DashCancelled,
    DashBelowLineKind,
    DashNoBacklog,
    DashLatestCheckIn,
    DashOfCxmTotal,
    // The workbook (`--format xlsx`, `report --xlsx`).
    SheetBudget,
    SheetPlan,
    SheetInventory,
    SheetKpis,
    SheetGuidelines,
    SheetDiff,
    SheetAbout,
    SheetStatus,
    SheetGoals,
    Organisation,
    FxRate,
    Scenario,
    NoScenario,
    CxmVersion,
    Sheets,
    ExactAmount,
    CxInitiatives,
    // `cxm calendar`.
    CalendarTitle,
    EventStart,
    EventEnd,
    EventKpi,
    EventCommunication,
    NoEvents,
    SheetCalendar,
    // `cxm diff`: the causes (settings and sections).
    ChangedSettings,
    AddedFx,
    RemovedFx,
    ChangedFx,
    AddedMembers,
    RemovedMembers,
    ChangedMembers,
    AddedDepartments,
    RemovedDepartments,
    ChangedDepartments,
    AddedTraining,
    RemovedTraining,
    ChangedTraining,
    AddedKpis,
    RemovedKpis,
    ChangedKpis,
    DiffFieldOrganisation,
    DiffFieldTeam,
    DiffFieldCurrency,
    DiffFieldLanguage,
    DiffFieldPlanYear,
    DiffFieldAsOf,
    DiffFieldBudgetCap,
    DiffFieldDayRate,
    DiffFieldRate,
    DiffFieldName,
    DiffFieldRole,
    DiffFieldCapacityDays,
    DiffFieldHeadcount,
    DiffFieldCostPerPerson,
    DiffFieldFunding,
    DiffFieldNeeds,
    DiffFieldGroup,
    DiffFieldUnit,
    DiffFieldDirection,
    DiffFieldBaseline,
    DiffFieldTarget,
    DiffFieldMeasurements,
    DiffFieldBaselineDate,
    DiffFieldTargetDate,
    DiffFieldTargets,
    DiffFieldValuePerUnit,
    AddedMaturity,
    RemovedMaturity,
    ChangedMaturity,
    AddedVision,
    RemovedVision,
    ChangedVision,
    DiffFieldCurrentLevel,
    DiffFieldTargetLevel,
    DiffFieldStatement,
    /// KPIs in money, the look ahead and relations (SPEC section 8).
    Projected,
    ProjectionNote,
    NeedsThree,
    ValueSoFar,
    ValueToTarget,
    ValueNote,
    Assumption,
    NoAssumption,
    Relations,
    RelationsNote,
    KpiPair,
    ImproveTogether,
    ImproveAgainst,
    NoRelations,
    Benefit,
    BenefitNote,
    AYear,
    ReachingTarget,
    YearShort,
    TogetherShort,
    AgainstShort,
    MovesWith,
    BenefitTitle,
    // `cxm scenarios`.
    ScenariosTitle,
    ScenarioBase,
    ScenariosByCompetency,
    ScenariosCuts,
    ScenarioBelowLine,
    FocusGoalsWithoutWork,
    CapacityUsed,
    SheetScenarios,
    // `cxm diff` of `[scenarios.NAME]`.
    AddedScenarios,
    RemovedScenarios,
    ChangedScenarios,
    DiffFieldNote,
    DiffFieldCapacityPercent,
    DiffFieldExclude,
    DiffFieldInclude,
    DiffFieldPriorities,
    DiffFieldPrices,
    // The dashboard's scenarios panel.
    DashScenarios,
    DashScenariosNote,
    DashScenarioCuts,
    DashScenarioCutsNothing,
}

/// The label of a fixed text.
pub(crate) fn text(t: Text, lang: Language) -> &'static str {
    use Text as T;
    let (en, pl) = match t {
        T::Id => ("ID", "ID"),
        T::Title => ("Title", "Tytuł"),
        T::Competency => ("Competency", "Kompetencja"),
        T::Area => ("Area", "Obszar"),
        T::Status => ("Status", "Status"),
        T::Department => ("Department", "Dział"),
        T::Owner => ("Owner", "Właściciel"),
        T::Quotes => ("Quotes", "Wyceny"),
        T::Low => ("Low", "Min."),
        T::Mid => ("Mid", "Śr."),
        T::High => ("High", "Maks."),
        T::Markup => ("Markup", "Narzut"),
        T::Estimate => ("Estimate", "Szacunek"),
        T::Cost => ("Fixed cost", "Koszt stały"),
        T::Budget => ("Budget", "Budżet"),
        T::Q1 => ("Q1", "I kw."),
        T::Q2 => ("Q2", "II kw."),
        T::Q3 => ("Q3", "III kw."),
        T::Q4 => ("Q4", "IV kw."),
        T::PlanYearBudget => ("Plan year", "Rok planu"),
        T::InternalTime => ("Internal time", "Czas zespołu"),
        T::EffortDays => ("Effort (days)", "Nakład (dni)"),
        T::People => ("People", "Osoby"),
        T::CostPerPerson => ("Cost per person", "Koszt na osobę"),
        T::Kind => ("Kind", "Rodzaj"),
        T::Amount => ("Amount", "Kwota"),
        T::Subtotal => ("Subtotal", "Razem"),
        T::Total => ("Total", "Suma"),
        T::CxmInitiatives => ("CXM initiatives", "Inicjatywy CXM"),
        T::CxmTotal => ("CXM total", "Budżet CXM razem"),
        T::CentralTraining => ("Central training", "Szkolenia centralne"),
        T::DepartmentGuidelines => ("Department guidelines", "Wytyczne dla działów"),
        T::Backlog => ("Backlog (ideas, not in totals)", "Pomysły (poza sumami)"),
        T::BudgetTitle => ("CXM budget", "Budżet CXM"),
        T::PlanYear => ("Plan year", "Rok planu"),
        T::Currency => ("Currency", "Waluta"),
        T::MarkupUsed => ("Markup", "Narzut"),
        T::BudgetCap => ("Budget cap", "Limit budżetu"),
        T::DayRate => ("Day rate", "Stawka dzienna"),
        T::AsOf => ("As of", "Stan na"),
        T::ByCompetency => ("By competency", "Według kompetencji"),
        T::Initiative => ("initiative", "inicjatywa"),
        T::Training => ("training", "szkolenie"),
        T::InventoryTitle => ("CXM inventory", "Inwentaryzacja CXM"),
        T::Window => ("Window", "Okres"),
        T::Actual => ("Actual", "Wydano"),
        T::Remaining => ("Remaining", "Pozostało"),
        T::Variance => ("Variance", "Odchylenie"),
        T::Kpi => ("KPI", "KPI"),
        T::Missing => ("Missing", "Brakuje"),
        T::TimeEater => ("Time eater", "Pożeracz czasu"),
        T::Count => ("Initiatives", "Inicjatywy"),
        T::EmptyWindow => (
            "Nothing was finished in the window and nothing is under way.",
            "W tym okresie nic nie zakończono i nic nie jest w toku.",
        ),
        T::ByCompetencyRows => ("Initiatives by competency", "Inicjatywy według kompetencji"),
        T::BudgetWithoutActual => ("Budget without an actual", "Budżet bez danych o wydatkach"),
        T::ActualWithoutBudget => ("Actual without a budget", "Wydatki bez budżetu"),
        T::SpentShare => ("Spent", "Wykorzystano"),
        T::PlanTitle => ("CXM plan", "Plan CXM"),
        T::InPriorityOrder => (
            "Initiatives in priority order",
            "Inicjatywy według priorytetu",
        ),
        T::MaturityLevels => ("Current → target", "Obecna → docelowa"),
        T::Rank => ("#", "#"),
        T::Priority => ("Priority", "Priorytet"),
        T::Quarters => ("Quarters", "Kwartały"),
        T::CumulativeBudget => ("Cum. budget", "Budżet narast."),
        T::CumulativeEffort => ("Cum. effort", "Nakład narast."),
        T::PlanYearEffort => ("Effort in year", "Nakład w roku"),
        T::QuarterCapacity => ("Per quarter", "Na kwartał"),
        T::Reason => ("Reason", "Powód"),
        T::BelowLineReasons => ("Below the line, and why", "Pod kreską i dlaczego"),
        T::BudgetAvailable => (
            "Left for initiatives after central training",
            "Na inicjatywy po szkoleniach centralnych",
        ),
        T::TeamCapacity => ("Team capacity (days)", "Zdolność zespołu (dni)"),
        T::PlanEffort => ("Plan effort (days)", "Nakład planu (dni)"),
        T::AboveLine => ("Above the line", "Nad kreską"),
        T::BelowLine => ("below the line", "pod kreską"),
        T::Coverage => (
            "Coverage: CXM initiatives per competency and quarter",
            "Pokrycie: inicjatywy CXM według kompetencji i kwartałów",
        ),
        T::Load => ("Load against capacity", "Obciążenie a zdolność zespołu"),
        T::Member => ("Team member", "Członek zespołu"),
        T::CapacityDays => ("Capacity", "Zdolność"),
        T::LoadDays => ("Year", "Rok"),
        T::FreeDays => ("Free", "Wolne"),
        T::OverCapacity => ("over capacity", "ponad zdolność"),
        T::NotOwnedByTeam => ("Not owned by the team", "Poza zespołem"),
        T::Team => ("Team", "Zespół"),
        T::Maturity => ("Maturity", "Dojrzałość"),
        T::AddressedBy => ("Addressed by", "Inicjatywy"),
        T::NotAddressed => (
            "no CXM initiative above the line",
            "brak inicjatywy CXM nad kreską",
        ),
        T::Dependencies => ("Dependencies", "Zależności"),
        T::DependsOn => ("Depends on", "Zależy od"),
        T::Note => ("Note", "Uwaga"),
        T::NotInPlan => ("not in the plan", "poza planem"),
        T::UnknownId => ("unknown initiative", "nieznana inicjatywa"),
        T::Done => ("done", "zakończona"),
        T::EmptyPlan => (
            "No initiative is planned or in progress in the plan year.",
            "Na rok planu nie zaplanowano ani nie prowadzi się żadnej inicjatywy.",
        ),
        T::NoCutLine => (
            "No cut line: the plan fits",
            "Bez linii odcięcia: plan się mieści",
        ),
        T::NoLimits => (
            "No cut line: the roadmap gives neither a budget cap nor team capacity",
            "Bez linii odcięcia: roadmapa nie podaje ani limitu budżetu, ani zdolności zespołu",
        ),
        T::KpiTitle => ("KPI dashboard", "Kokpit wskaźników"),
        T::GroupCompany => (
            "The company's eyes: operational metrics",
            "Oczami firmy: wskaźniki operacyjne",
        ),
        T::GroupCustomer => (
            "The customer's eyes: NPS, CSAT, CES",
            "Oczami klienta: NPS, CSAT, CES",
        ),
        T::GroupBusiness => (
            "The business: revenue, cost to serve, complaints, churn",
            "Wyniki biznesowe: przychód, koszt obsługi, reklamacje, odejścia",
        ),
        T::KpiName => ("KPI", "Wskaźnik"),
        T::Unit => ("Unit", "Jednostka"),
        T::Baseline => ("Baseline", "Punkt wyjścia"),
        T::Latest => ("Latest", "Ostatni pomiar"),
        T::Date => ("Date", "Data"),
        T::Target => ("Target", "Cel"),
        T::Better => ("Better", "Lepiej"),
        T::Higher => ("higher", "wyżej"),
        T::Lower => ("lower", "niżej"),
        T::Progress => ("Progress", "Postęp"),
        T::Trend => ("Trend", "Trend"),
        T::Initiatives => ("Initiatives", "Inicjatywy"),
        T::TargetsBy => (
            "Target date unless a KPI gives its own (end of the plan year)",
            "Termin celu, jeśli wskaźnik nie podaje własnego (koniec roku planu)",
        ),
        T::StatusReached => ("reached", "osiągnięty"),
        T::StatusOnTrack => ("on track", "zgodnie z planem"),
        T::StatusBehind => ("behind", "opóźniony"),
        T::StatusTooEarly => ("too early", "za wcześnie na ocenę"),
        T::StatusStale => ("stale", "brak świeżego pomiaru"),
        T::PathValue => ("Path", "Wg ścieżki"),
        T::NoData => ("no data", "brak danych"),
        T::NoKpis => ("No KPIs in the roadmap.", "Brak wskaźników w roadmapie."),
        T::StatusRule => (
            "Status: reached at or beyond the target; too early without a measurement after the baseline; stale when the latest measurement is older than the KPI's cadence; on track at or beyond the path from the baseline through the checkpoints to the target; else behind.",
            "Status: osiągnięty, gdy pomiar jest na poziomie celu lub lepszy; za wcześnie na ocenę, gdy nie ma pomiaru po punkcie wyjścia; brak świeżego pomiaru, gdy ostatni jest starszy niż cykl pomiaru wskaźnika; zgodnie z planem, gdy pomiar jest na ścieżce od punktu wyjścia przez punkty kontrolne do celu lub lepszy; w przeciwnym razie opóźniony.",
        ),
        T::DashboardTitle => ("CX dashboard", "Dashboard CX"),
        T::HeadlineBudget => ("CXM budget", "Budżet CXM"),
        T::OfCap => ("of the cap", "limitu"),
        T::NoCap => ("no budget cap set", "brak limitu budżetu"),
        T::Left => ("left under the cap", "zostaje do limitu"),
        T::OverCap => ("over the cap", "ponad limit"),
        T::HeadlineCoverage => ("Competencies covered", "Pokryte kompetencje"),
        T::CoverageNote => (
            "have a CXM initiative in the plan",
            "ma inicjatywę CXM w planie",
        ),
        T::HeadlineTimeEaters => ("Time eaters", "Pożeracze czasu"),
        T::TimeEaterNote => (
            "of the team's effort (last 12 months and work under way) went to CX work its departments should own",
            "nakładu zespołu (ostatnie 12 miesięcy i prace w toku) poszło na prace CX, które powinny prowadzić działy",
        ),
        T::NoEffort => ("no effort recorded", "brak danych o nakładzie"),
        T::BudgetByCompetency => ("CXM budget by competency", "Budżet CXM według kompetencji"),
        T::BudgetByQuarter => ("CXM budget by quarter", "Budżet CXM według kwartałów"),
        T::Timeline => ("The plan by quarter", "Plan według kwartałów"),
        T::CutLine => (
            "Cut line: below it the budget cap or the team's capacity runs out",
            "Linia odcięcia: poniżej niej brakuje budżetu lub czasu zespołu",
        ),
        T::DashBelowLine => ("below the cut line", "poniżej linii odcięcia"),
        T::CxWork => ("CX work (department's)", "prace CX (działu)"),
        T::Findings => ("Open findings of cxm check", "Otwarte uwagi z cxm check"),
        T::NoFindings => (
            "None: the roadmap passes cxm check.",
            "Brak: roadmapa przechodzi cxm check.",
        ),
        T::Error => ("error", "błąd"),
        T::Warning => ("warning", "ostrzeżenie"),
        T::Message => ("Message", "Opis"),
        T::Code => ("Code", "Kod"),
        T::NoGuidelines => ("No department guidelines.", "Brak wytycznych dla działów."),
        T::NoPlan => ("No initiatives in the plan.", "Brak inicjatyw w planie."),
        T::NoMeasurement => ("no measurement yet", "brak pomiaru"),
        T::Generated => ("Generated by cxm from", "Wygenerowano przez cxm z pliku"),
        T::DaysShort => ("d", "dni"),
        T::KpiCount => ("KPIs", "Wskaźniki"),
        T::BaselineShort => ("baseline", "start"),
        T::Severity => ("Severity", "Waga"),
        T::DashNoCutLine => (
            "No cut line: the whole plan fits the budget cap and the team's capacity.",
            "Brak linii odcięcia: cały plan mieści się w limicie budżetu i czasie zespołu.",
        ),
        T::InitiativeColumn => ("Initiative", "Inicjatywa"),
        T::CxRowsNote => (
            "CX rows are paid by their departments: their budget is not in the cumulative budget; their effort is in the cumulative effort only when a team member owns them.",
            "Wiersze CX opłacają działy: ich budżet nie wchodzi do budżetu narastająco, a ich nakład wchodzi do nakładu narastająco tylko wtedy, gdy prowadzi je ktoś z zespołu.",
        ),
        T::RoadmapChanges => ("Roadmap changes", "Zmiany w roadmapie"),
        T::NothingChanged => (
            "No initiative was added, removed or changed.",
            "Żadna inicjatywa nie została dodana, usunięta ani zmieniona.",
        ),
        T::AddedInitiatives => ("Added initiatives", "Dodane inicjatywy"),
        T::RemovedInitiatives => ("Removed initiatives", "Usunięte inicjatywy"),
        T::ChangedInitiatives => ("Changed initiatives", "Zmienione inicjatywy"),
        T::StoppedReasons => (
            "Cancelled or on hold, and why",
            "Anulowane lub wstrzymane i dlaczego",
        ),
        T::GoalsTitle => ("Goals", "Cele"),
        T::Goal => ("Goal", "Cel"),
        T::Horizon => ("Horizon", "Horyzont"),
        T::Focus => ("Focus", "Fokus"),
        T::KpiTargets => ("KPI targets", "Wartości KPI"),
        T::ServingInitiatives => ("Initiatives", "Inicjatywy"),
        T::ShareOfCxm => ("Share of CXM", "Udział w CXM"),
        T::HorizonLong => ("long", "długoterminowy"),
        T::HorizonYear => ("year", "roczny"),
        T::AddedGoals => ("Added goals", "Dodane cele"),
        T::RemovedGoals => ("Removed goals", "Usunięte cele"),
        T::ChangedGoals => ("Changed goals", "Zmienione cele"),
        T::AddedCommunications => ("Added communications", "Dodane komunikacje"),
        T::RemovedCommunications => ("Removed communications", "Usunięte komunikacje"),
        T::ChangedCommunications => ("Changed communications", "Zmienione komunikacje"),
        T::DiffFieldHorizon => ("horizon", "Horyzont"),
        T::DiffFieldYear => ("year", "Rok"),
        T::DiffFieldUntil => ("until", "Do roku"),
        T::DiffFieldParent => ("parent", "Cel nadrzędny"),
        T::DiffFieldFocus => ("focus", "Fokus"),
        T::DiffFieldPainPoints => ("pain_points", "Problemy klientów"),
        T::DiffFieldGoalKpis => ("kpis", "Wartości KPI"),
        T::DiffFieldChannel => ("channel", "Kanał"),
        T::DiffFieldAudience => ("audience", "Odbiorcy"),
        T::DiffFieldCadence => ("cadence", "Częstotliwość"),
        T::DiffFieldSponsor => ("sponsor", "Sponsor"),
        T::Field => ("Field", "Pole"),
        T::Old => ("Old", "Było"),
        T::New => ("New", "Jest"),
        T::Change => ("Change", "Zmiana"),
        T::DiffFieldTitle => ("title", "Tytuł"),
        T::DiffFieldCompetency => ("competency", "Kompetencja"),
        T::DiffFieldArea => ("area", "Obszar"),
        T::DiffFieldStatus => ("status", "Status"),
        T::DiffFieldOwner => ("owner", "Właściciel"),
        T::DiffFieldDepartment => ("department", "Dział"),
        T::DiffFieldPriority => ("priority", "Priorytet"),
        T::DiffFieldStart => ("start", "Początek"),
        T::DiffFieldEnd => ("end", "Koniec"),
        T::DiffFieldEffortDays => ("effort_days", "Nakład (dni)"),
        T::DiffFieldKpi => ("kpi", "KPI"),
        T::DiffFieldReason => ("reason", "Powód"),
        T::DiffFieldCost => ("cost", "Koszt stały"),
        T::DiffFieldMarkupPercent => ("markup_percent", "Narzut (%)"),
        T::DiffFieldQuotes => ("quotes", "Wyceny"),
        T::DiffFieldBudget => ("budget", "Budżet"),
        T::DiffFieldPlanYearBudget => ("plan_year_budget", "Budżet w roku planu"),
        T::DiffFieldKpis => ("kpis", "Powiązane wskaźniki"),
        T::DiffFieldDependsOn => ("depends_on", "Zależy od"),
        T::DiffFieldUpdates => ("updates", "Wpisy postępu"),
        T::LatestUpdate => ("Progress", "Postęp"),
        T::ConfidenceHigh => ("high", "wysoka pewność"),
        T::ConfidenceMedium => ("medium", "średnia pewność"),
        T::ConfidenceLow => ("low", "niska pewność"),
        T::StatusTitle => ("Status note", "Stan realizacji"),
        T::StatusPeriod => ("Period", "Okres"),
        T::StatusFinished => ("Finished", "Zakończone"),
        T::StatusStarted => ("Started", "Rozpoczęte"),
        T::StatusSlipped => ("Slipped", "Opóźnione"),
        T::StatusAtRisk => ("At risk", "Zagrożone"),
        T::StatusSpending => ("Spending in the period", "Wydatki w okresie"),
        T::StatusUndatedActual => (
            "Spent without dates (actual), not in the period's spending",
            "Wydatki bez dat (actual), poza wydatkami okresu",
        ),
        T::StatusKpis => (
            "KPI measurements in the period",
            "Pomiary wskaźników w okresie",
        ),
        T::StatusPlanYearCash => (
            "Plan-year cash (CXM total)",
            "Wydatki roku planu (suma CXM)",
        ),
        T::StatusSpentInPlanYear => ("Spent of it so far", "Wydano z tego do tej pory"),
        T::StatusFindings => ("Findings of cxm check", "Uwagi cxm check"),
        T::StatusNone => ("none", "brak"),
        T::StatusWhy => ("Why", "Dlaczego"),
        T::StatusValue => ("Value", "Wartość"),
        T::WhyFinished => ("finished", "zakończona"),
        T::WhyStarted => ("started", "rozpoczęta"),
        T::WhyLateEnd => ("end date passed", "minął termin końca"),
        T::WhyLateStart => (
            "start date passed, not started",
            "minął termin startu, nie ruszyła",
        ),
        T::WhyLowConfidence => ("low confidence", "niska pewność"),
        T::WhyBehindTime => (
            "progress more than 25 points behind time",
            "postęp o ponad 25 pkt za upływem czasu",
        ),
        T::DiffFieldGoals => ("goals", "Cele"),
        T::DiffFieldBenefit => ("benefit", "Korzyść"),
        T::DiffFieldExpected => ("expected", "Oczekiwany wpływ na KPI"),
        T::DiffFieldActual => ("actual", "Wydano"),
        T::DiffFieldSpend => ("spend", "Wydatki"),
        T::Blank => ("", ""),
        T::LeftOutColumns => ("Not shown for lack of room", "Pominięte z braku miejsca"),
        T::WideShowsAll => (
            "--wide shows all columns",
            "--wide pokazuje wszystkie kolumny",
        ),
        T::DashConcerns => ("Concerns", "Dotyczy"),
        T::DashAboutTable => ("table", "tabela"),
        T::DashAboutFile => ("the roadmap as a whole", "plan jako całość"),
        T::DashAboutDepartment => ("department", "dział"),
        T::DashAboutMember => ("team member", "członek zespołu"),
        T::DashAboutKpi => ("KPI", "wskaźnik"),
        T::DashStrategy => ("Strategy on a page", "Strategia na jednej stronie"),
        T::DashVision => ("Vision", "Wizja"),
        T::DashNoFocus => (
            "No goal of the plan year is in focus.",
            "Żaden cel roku planu nie jest priorytetem.",
        ),
        T::DashWithoutWork => (
            "No work above the cut line serves this goal (W014)",
            "Nad linią odcięcia nic nie pracuje na ten cel (W014)",
        ),
        T::DashNoServing => ("no initiative", "brak inicjatyw"),
        T::DashSince => ("Since last quarter", "Od ostatniego kwartału"),
        T::DashBacklog => (
            "What we do not do this year, and why",
            "Czego w tym roku nie robimy i dlaczego",
        ),
        T::DashIdea => ("idea", "pomysł"),
        T::DashOnHold => ("on hold", "wstrzymana"),
        T::DashCancelled => ("cancelled", "anulowana"),
        T::DashBelowLineKind => ("below the cut line", "pod linią odcięcia"),
        T::DashNoBacklog => (
            "Nothing: every initiative is in this year's plan.",
            "Nic: wszystkie inicjatywy są w planie na ten rok.",
        ),
        T::DashLatestCheckIn => ("Latest check-in", "Ostatni wpis postępu"),
        T::DashOfCxmTotal => ("of the CXM total", "sumy CXM"),
        T::SheetBudget => ("Budget", "Budżet"),
        T::SheetPlan => ("Plan", "Plan"),
        T::SheetInventory => ("Inventory", "Inwentaryzacja"),
        T::SheetKpis => ("KPIs", "KPI"),
        T::SheetGuidelines => ("Department guidelines", "Wytyczne dla działów"),
        T::SheetDiff => ("Changes", "Zmiany"),
        T::SheetAbout => ("About", "O zestawieniu"),
        T::SheetStatus => ("Status", "Stan"),
        T::SheetGoals => ("Goals", "Cele"),
        T::Organisation => ("Organisation", "Organizacja"),
        T::FxRate => ("Exchange rate", "Kurs wymiany"),
        T::Scenario => ("Scenario", "Scenariusz"),
        T::ScenariosTitle => ("Scenarios of the plan", "Scenariusze planu"),
        T::ScenarioBase => ("base", "bazowy"),
        T::ScenariosByCompetency => (
            "By competency: CXM budget and initiatives above the line",
            "Według kompetencji: budżet CXM i inicjatywy nad kreską",
        ),
        T::ScenariosCuts => ("What each cuts", "Co odcina każdy scenariusz"),
        T::ScenarioBelowLine => ("Below the line", "Pod kreską"),
        T::FocusGoalsWithoutWork => (
            "Focus goals without work above the line",
            "Cele priorytetowe bez pracy nad kreską",
        ),
        T::CapacityUsed => ("Effort above the line (days)", "Nakład nad kreską (dni)"),
        T::SheetScenarios => ("Scenarios", "Scenariusze"),
        T::NoScenario => (
            "none (the roadmap as written)",
            "brak (roadmapa w obecnej postaci)",
        ),
        T::CxmVersion => ("cxm version", "Wersja cxm"),
        T::Sheets => ("Sheets", "Arkusze"),
        T::ExactAmount => (
            "Exact amount (a spreadsheet keeps only 15 significant digits)",
            "Dokładna kwota (arkusz przechowuje tylko 15 cyfr znaczących)",
        ),
        T::CxInitiatives => ("CX initiatives (departments)", "Inicjatywy CX (działy)"),
        T::CalendarTitle => ("CXM calendar", "Kalendarz CXM"),
        T::EventStart => ("Start", "Start"),
        T::EventEnd => ("End", "Koniec"),
        T::EventKpi => ("KPI measurement due", "Pomiar KPI"),
        T::EventCommunication => ("Communication", "Komunikacja"),
        T::NoEvents => (
            "No dates in the plan year: no initiative starts or ends in it, no KPI measurement falls due, no communication is planned.",
            "W roku planu nie ma żadnych terminów: żadna inicjatywa się nie zaczyna ani nie kończy, nie przypada żaden pomiar KPI ani żadna komunikacja.",
        ),
        T::SheetCalendar => ("Calendar", "Kalendarz"),
        T::ChangedSettings => ("Changed settings", "Zmienione ustawienia"),
        T::AddedFx => ("Added exchange rates", "Dodane kursy walut"),
        T::RemovedFx => ("Removed exchange rates", "Usunięte kursy walut"),
        T::ChangedFx => ("Changed exchange rates", "Zmienione kursy walut"),
        T::AddedMembers => ("Added team members", "Nowe osoby w zespole"),
        T::RemovedMembers => ("Removed team members", "Osoby usunięte z zespołu"),
        T::ChangedMembers => ("Changed team members", "Zmiany w zespole"),
        T::AddedDepartments => ("Added departments", "Dodane działy"),
        T::RemovedDepartments => ("Removed departments", "Usunięte działy"),
        T::ChangedDepartments => ("Changed departments", "Zmienione działy"),
        T::AddedTraining => ("Added training", "Dodane szkolenia"),
        T::RemovedTraining => ("Removed training", "Usunięte szkolenia"),
        T::ChangedTraining => ("Changed training", "Zmienione szkolenia"),
        T::AddedKpis => ("Added KPIs", "Dodane wskaźniki"),
        T::RemovedKpis => ("Removed KPIs", "Usunięte wskaźniki"),
        T::ChangedKpis => ("Changed KPIs", "Zmienione wskaźniki"),
        T::DiffFieldOrganisation => ("organisation", "Organizacja"),
        T::DiffFieldTeam => ("team", "Zespół"),
        T::DiffFieldCurrency => ("currency", "Waluta"),
        T::DiffFieldLanguage => ("language", "Język raportów"),
        T::DiffFieldPlanYear => ("plan_year", "Rok planu"),
        T::DiffFieldAsOf => ("as_of", "Stan na dzień"),
        T::DiffFieldBudgetCap => ("budget_cap", "Limit budżetu"),
        T::DiffFieldDayRate => ("day_rate", "Stawka dzienna"),
        T::DiffFieldRate => ("rate", "Kurs"),
        T::DiffFieldName => ("name", "Nazwa"),
        T::DiffFieldRole => ("role", "Rola"),
        T::DiffFieldCapacityDays => ("capacity_days", "Dostępność (dni)"),
        T::DiffFieldHeadcount => ("headcount", "Liczba pracowników"),
        T::DiffFieldCostPerPerson => ("cost_per_person", "Koszt na osobę"),
        T::DiffFieldFunding => ("funding", "Finansowanie"),
        T::DiffFieldNeeds => ("needs", "Osoby do przeszkolenia"),
        T::DiffFieldGroup => ("group", "Grupa"),
        T::DiffFieldUnit => ("unit", "Jednostka"),
        T::DiffFieldDirection => ("direction", "Kierunek"),
        T::DiffFieldBaseline => ("baseline", "Punkt wyjścia"),
        T::DiffFieldTarget => ("target", "Wartość docelowa"),
        T::DiffFieldMeasurements => ("measurements", "Pomiary"),
        T::DiffFieldBaselineDate => ("baseline_date", "Data punktu wyjścia"),
        T::DiffFieldTargetDate => ("target_date", "Termin celu"),
        T::DiffFieldTargets => ("targets", "Punkty kontrolne"),
        T::DiffFieldValuePerUnit => ("value_per_unit", "Wartość jednostki"),
        T::AddedMaturity => ("Added maturity levels", "Dodane poziomy dojrzałości"),
        T::RemovedMaturity => ("Removed maturity levels", "Usunięte poziomy dojrzałości"),
        T::ChangedMaturity => ("Changed maturity levels", "Zmienione poziomy dojrzałości"),
        T::AddedVision => ("Added vision", "Dodana wizja"),
        T::RemovedVision => ("Removed vision", "Usunięta wizja"),
        T::ChangedVision => ("Changed vision", "Zmieniona wizja"),
        T::DiffFieldCurrentLevel => ("current", "Poziom obecny"),
        T::DiffFieldTargetLevel => ("target", "Poziom docelowy"),
        T::DiffFieldStatement => ("statement", "Wizja"),
        T::Projected => ("Projected", "Prognoza"),
        T::ProjectionNote => (
            "Projected: the least-squares line through the measurements from the start to the as-of date, read at the target date (✓ reaches the target, ✗ does not); n is how many measurements it rests on.",
            "Prognoza: prosta najmniejszych kwadratów przez pomiary od punktu wyjścia do dnia stanu, odczytana w terminie celu (✓ osiąga cel, ✗ nie osiąga); n to liczba pomiarów, na których się opiera.",
        ),
        T::NeedsThree => ("needs 3 measurements", "potrzeba 3 pomiarów"),
        T::ValueSoFar => ("Worth so far / yr", "Wartość dotąd / rok"),
        T::ValueToTarget => ("Worth to target / yr", "Wartość do celu / rok"),
        T::ValueNote => (
            "Money a year, low – high: the improvement times the KPI's value_per_unit, which rests on the assumption below, not on a measurement.",
            "Kwoty rocznie, od – do: poprawa razy value_per_unit wskaźnika, oparte na założeniu podanym niżej, a nie na pomiarze.",
        ),
        T::Assumption => ("assumption", "założenie"),
        T::NoAssumption => ("no note given", "brak opisu założenia"),
        T::Relations => ("Moving together", "Wskaźniki, które zmieniają się razem"),
        T::RelationsNote => (
            "Pearson's r over the quarters both KPIs were measured in, |r| ≥ 0.5, strongest first. Moving together is not a cause.",
            "Korelacja Pearsona r ze wspólnych kwartałów pomiaru, |r| ≥ 0,5, od najsilniejszej. Wspólna zmiana nie oznacza związku przyczynowego.",
        ),
        T::KpiPair => ("KPIs", "Wskaźniki"),
        T::ImproveTogether => ("improve together", "poprawiają się razem"),
        T::ImproveAgainst => (
            "one improves as the other worsens",
            "jeden się poprawia, gdy drugi się pogarsza",
        ),
        T::NoRelations => (
            "No pair of KPIs moves together (|r| ≥ 0.5 over at least 4 common quarters).",
            "Żadna para wskaźników nie zmienia się razem (|r| ≥ 0,5 z co najmniej 4 wspólnych kwartałów).",
        ),
        T::Benefit => ("Benefit / yr", "Korzyść / rok"),
        T::BenefitNote => (
            "Benefit / yr: the expected KPI changes times each KPI's value_per_unit, low – high: an estimate on the stated assumptions, not a fact.",
            "Korzyść / rok: oczekiwane zmiany wskaźników razy value_per_unit każdego z nich, od – do: szacunek przy podanych założeniach, nie pewnik.",
        ),
        T::AYear => ("a year", "rocznie"),
        T::ReachingTarget => ("to the target", "do celu"),
        T::YearShort => ("yr", "rok"),
        T::TogetherShort => ("better together", "lepsze razem"),
        T::AgainstShort => ("one better, one worse", "jeden lepszy, drugi gorszy"),
        T::MovesWith => ("Moves with", "Zmieniają się razem"),
        T::BenefitTitle => ("Benefit a year against budget", "Korzyść rocznie a budżet"),
        T::AddedScenarios => ("Added scenarios", "Dodane scenariusze"),
        T::RemovedScenarios => ("Removed scenarios", "Usunięte scenariusze"),
        T::ChangedScenarios => ("Changed scenarios", "Zmienione scenariusze"),
        T::DiffFieldNote => ("note", "Opis"),
        T::DiffFieldCapacityPercent => ("capacity_percent", "Dostępność zespołu (%)"),
        T::DiffFieldExclude => ("exclude", "Wyłączone inicjatywy"),
        T::DiffFieldInclude => ("include", "Dołączone pomysły"),
        T::DiffFieldPriorities => ("priorities", "Priorytety"),
        T::DiffFieldPrices => ("prices", "Poziom cen"),
        T::DashScenarios => ("Scenarios", "Scenariusze"),
        T::DashScenariosNote => (
            "The plan as written and each scenario in the file: what it costs and what falls below its cut line.",
            "Plan w obecnej wersji i każdy scenariusz z pliku: ile kosztuje i co spada pod kreskę.",
        ),
        T::DashScenarioCuts => ("Cut (below the line)", "Odcina (pod kreską)"),
        T::DashScenarioCutsNothing => ("nothing", "nic"),
    };
    match lang {
        Language::En => en,
        Language::Pl => pl,
    }
}

/// A short competency label, for narrow columns.
pub(crate) fn competency_short(c: Competency, lang: Language) -> &'static str {
    match (c, lang) {
        (Competency::Governance, Language::En) => "Governance",
        (Competency::Governance, Language::Pl) => "Ład CX",
        (Competency::Measurement, Language::En) => "Measurement",
        (Competency::Measurement, Language::Pl) => "Pomiar",
        (Competency::Design, Language::En) => "Design",
        (Competency::Design, Language::Pl) => "Projektowanie",
        (Competency::Culture, Language::En) => "Culture",
        (Competency::Culture, Language::Pl) => "Kultura",
    }
}

/// The quarters an initiative touches, which are always consecutive:
/// en `Q2` or `Q1–Q3`, pl `II kw.` or `I–III kw.`; empty for none.
pub(crate) fn quarter_span(quarters: &[u8], lang: Language) -> String {
    const ROMAN: [&str; 5] = ["", "I", "II", "III", "IV"];
    let roman = |q: u8| ROMAN.get(usize::from(q)).copied().unwrap_or("");
    let (Some(&first), Some(&last)) = (quarters.first(), quarters.last()) else {
        return String::new();
    };
    match (lang, first == last) {
        (Language::En, true) => format!("Q{first}"),
        (Language::En, false) => format!("Q{first}–Q{last}"),
        (Language::Pl, true) => format!("{} kw.", roman(first)),
        (Language::Pl, false) => format!("{}–{} kw.", roman(first), roman(last)),
    }
}

/// What an inventory line lacks: `owner`, `kpi`, `effort`, `budget`.
pub(crate) fn missing(what: &str, lang: Language) -> &'static str {
    match (what, lang) {
        ("owner", Language::En) => "owner",
        ("owner", Language::Pl) => "właściciel",
        ("kpi", _) => "KPI",
        ("effort", Language::En) => "effort",
        ("effort", Language::Pl) => "nakład",
        ("budget", Language::En) => "budget",
        ("budget", Language::Pl) => "budżet",
        _ => "?",
    }
}

/// Days: en `12.5 days`, pl `12,5 dni`.
pub(crate) fn days(d: Decimal, lang: Language) -> String {
    match lang {
        Language::En if d == Decimal(Decimal::SCALE) => "1 day".to_string(),
        Language::En => format!("{} days", decimal(d, lang)),
        Language::Pl if d == Decimal(Decimal::SCALE) => "1 dzień".to_string(),
        Language::Pl => format!("{}{NBSP}dni", decimal(d, lang)),
    }
}

/// The time-eater sentence of the inventory. `share` is a fraction with two
/// places (`0.31`), `None` when no effort is recorded; `work` names the `cx`
/// initiatives that took the days.
pub(crate) fn time_eaters(share: Option<Decimal>, work: &[String], lang: Language) -> String {
    let list = work.join(", ");
    match (share, lang) {
        (None, Language::En) => {
            "No effort days are recorded on the team's own work, so the share of the team's days spent on CX work that belongs to departments cannot be told.".to_string()
        }
        (None, Language::Pl) => {
            "Przy pracach zespołu nie zapisano nakładu w dniach, więc nie wiadomo, jaką część dni zespołu zajęły prace CX należące do działów.".to_string()
        }
        (Some(s), Language::En) if s.0 == 0 => {
            "None of the team's days went to CX work that belongs to departments.".to_string()
        }
        (Some(s), Language::Pl) if s.0 == 0 => {
            "Żaden dzień zespołu nie poszedł na prace CX należące do działów.".to_string()
        }
        (Some(s), Language::En) => format!(
            "{} % of the team's days went to CX work that belongs to departments: {list}. Hand it to them.",
            decimal(Decimal(s.0.saturating_mul(100)), lang)
        ),
        (Some(s), Language::Pl) => format!(
            "{}{NBSP}% dni zespołu poszło na prace CX, które należą do działów: {list}. Przekaż je działom.",
            decimal(Decimal(s.0.saturating_mul(100)), lang)
        ),
    }
}

/// The text of the cut line drawn across the plan table.
pub(crate) fn cut_line(
    budget: Option<(String, String, String)>,
    capacity: Option<String>,
    lang: Language,
) -> String {
    // budget: (cap, central training, left), already formatted.
    let budget_text = |(cap, central, left): &(String, String, String)| match lang {
        Language::En if central.is_empty() => format!("budget cap {cap} reached"),
        Language::En => {
            format!("budget cap {cap} reached ({left} left after central training {central})")
        }
        Language::Pl if central.is_empty() => format!("wyczerpany limit budżetu {cap}"),
        Language::Pl => format!(
            "wyczerpany limit budżetu {cap} (po szkoleniach centralnych {central} zostaje {left})"
        ),
    };
    let capacity_text = |c: &String| match lang {
        Language::En => format!("team capacity of {c} reached"),
        Language::Pl => format!("wyczerpana zdolność zespołu: {c}"),
    };
    let why = match (&budget, &capacity) {
        (Some(b), Some(c)) => match lang {
            Language::En => format!("{} and {}", budget_text(b), capacity_text(c)),
            Language::Pl => format!("{} i {}", budget_text(b), capacity_text(c)),
        },
        (Some(b), None) => budget_text(b),
        (None, Some(c)) => capacity_text(c),
        (None, None) => String::new(),
    };
    match lang {
        Language::En => format!("── cut line: {why} ──"),
        Language::Pl => format!("── linia odcięcia: {why} ──"),
    }
}

/// The sentence naming an initiative below the line that others need.
pub(crate) fn below_line_dependency(id: &str, dependents: &[String], lang: Language) -> String {
    let list = dependents.join(", ");
    match lang {
        Language::En => format!(
            "{id} is below the line, but {list} {} on it.",
            if dependents.len() == 1 {
                "depends"
            } else {
                "depend"
            }
        ),
        Language::Pl => format!(
            "{id} jest pod kreską, a zależ{} od niej: {list}.",
            if dependents.len() == 1 { "y" } else { "ą" }
        ),
    }
}

/// The competency labels of SPEC section 2.
pub(crate) fn competency(c: Competency, lang: Language) -> &'static str {
    match (c, lang) {
        (Competency::Governance, Language::En) => "CX governance",
        (Competency::Governance, Language::Pl) => "CX Governance (ład CX)",
        (Competency::Measurement, Language::En) => "Experience measurement and metrics analysis",
        (Competency::Measurement, Language::Pl) => "Pomiar doświadczeń i analiza wskaźników",
        (Competency::Design, Language::En) => "Experience diagnosis and design",
        (Competency::Design, Language::Pl) => "Diagnoza i projektowanie doświadczeń",
        (Competency::Culture, Language::En) => "Customer-centric culture and attitudes",
        (Competency::Culture, Language::Pl) => "Budowanie kultury i postaw proklienckich",
    }
}

pub(crate) fn status(s: Status, lang: Language) -> &'static str {
    match (s, lang) {
        (Status::Idea, Language::En) => "idea",
        (Status::Idea, Language::Pl) => "pomysł",
        (Status::Planned, Language::En) => "planned",
        (Status::Planned, Language::Pl) => "zaplanowana",
        (Status::InProgress, Language::En) => "in progress",
        (Status::InProgress, Language::Pl) => "w toku",
        (Status::OnHold, Language::En) => "on hold",
        (Status::OnHold, Language::Pl) => "wstrzymana",
        (Status::Done, Language::En) => "done",
        (Status::Done, Language::Pl) => "zakończona",
        (Status::Cancelled, Language::En) => "cancelled",
        (Status::Cancelled, Language::Pl) => "anulowana",
    }
}

pub(crate) fn area(a: Area, _lang: Language) -> &'static str {
    match a {
        Area::Cx => "CX",
        Area::Cxm => "CXM",
    }
}

/// Groups the digits of a non-negative integer text by three.
fn group(digits: &str, sep: char) -> String {
    let n = digits.chars().count();
    let mut out = String::with_capacity(n + n / 3 * sep.len_utf8());
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// An amount without currency: en `12,345.60`, pl `12 345,60` (NBSP).
pub(crate) fn amount(m: Money, lang: Language) -> String {
    let sign = if m.0 < 0 { "-" } else { "" };
    let abs = m.0.unsigned_abs();
    let int = (abs / 100).to_string();
    let frac = abs % 100;
    match lang {
        Language::En => format!("{sign}{}.{frac:02}", group(&int, ',')),
        Language::Pl => format!("{sign}{},{frac:02}", group(&int, NBSP)),
    }
}

/// The symbol a language writes after an amount: `zł` for PLN in Polish,
/// else the ISO code.
pub(crate) fn currency_symbol(code: &str, lang: Language) -> &str {
    match lang {
        Language::Pl if code.eq_ignore_ascii_case("PLN") => "zł",
        _ => code,
    }
}

/// An amount with its currency: en `12,345.60 PLN`, pl `12 345,60 zł`.
pub(crate) fn money(m: Money, currency: &str, lang: Language) -> String {
    let sep = match lang {
        Language::En => ' ',
        Language::Pl => NBSP,
    };
    format!(
        "{}{sep}{}",
        amount(m, lang),
        currency_symbol(currency, lang)
    )
}

/// A decimal as written, with the language's decimal mark: `12.5` / `12,5`.
pub(crate) fn decimal(d: Decimal, lang: Language) -> String {
    let t = d.text();
    match lang {
        Language::En => t,
        Language::Pl => t.replace('.', ","),
    }
}

/// Person-days with one decimal (half away from zero): en `70.0`, pl
/// `70,0`.
pub(crate) fn one_place(d: Decimal, lang: Language) -> String {
    let t = d.fixed(1);
    match lang {
        Language::En => t,
        Language::Pl => t.replace('.', ","),
    }
}

/// The quarters whose load exceeds a quarter of the capacity: en `over
/// capacity in Q2, Q3`, pl `ponad zdolność w II kw., III kw.`.
pub(crate) fn over_quarters(quarters: &[u8], lang: Language) -> String {
    let list: Vec<String> = quarters.iter().map(|q| quarter_span(&[*q], lang)).collect();
    match lang {
        Language::En => format!("over capacity in {}", list.join(", ")),
        Language::Pl => format!("ponad zdolność w {}", list.join(", ")),
    }
}

/// A percentage: en `12.5%`, pl `12,5 %` (NBSP).
pub(crate) fn percent(d: Decimal, lang: Language) -> String {
    match lang {
        Language::En => format!("{}%", decimal(d, lang)),
        Language::Pl => format!("{}{NBSP}%", decimal(d, lang)),
    }
}

/// A check-in's confidence in words.
pub(crate) fn confidence(c: Confidence, lang: Language) -> &'static str {
    text(
        match c {
            Confidence::High => Text::ConfidenceHigh,
            Confidence::Medium => Text::ConfidenceMedium,
            Confidence::Low => Text::ConfidenceLow,
        },
        lang,
    )
}

/// The latest check-in, for a narrow column: en `60% · medium`, pl
/// `60 % · średnia pewność`; without a confidence, the progress alone.
pub(crate) fn latest_update(u: &LatestUpdate, lang: Language) -> String {
    let p = percent(u.progress, lang);
    match u.confidence {
        Some(c) => format!("{p} · {}", confidence(c, lang)),
        None => p,
    }
}

/// The title of a KPI group: the eyes it sees the results through.
pub(crate) fn group_title(g: Group, lang: Language) -> &'static str {
    text(
        match g {
            Group::Company => Text::GroupCompany,
            Group::Customer => Text::GroupCustomer,
            Group::Business => Text::GroupBusiness,
        },
        lang,
    )
}

/// A KPI's status in words.
pub(crate) fn kpi_status(s: KpiStatus, lang: Language) -> &'static str {
    text(
        match s {
            KpiStatus::NoData => Text::NoData,
            KpiStatus::Reached => Text::StatusReached,
            KpiStatus::TooEarly => Text::StatusTooEarly,
            KpiStatus::Stale => Text::StatusStale,
            KpiStatus::OnTrack => Text::StatusOnTrack,
            KpiStatus::Behind => Text::StatusBehind,
        },
        lang,
    )
}

/// Which way is better, as a word: `higher` / `lower`.
pub(crate) fn direction(d: Direction, lang: Language) -> &'static str {
    text(
        match d {
            Direction::Up => Text::Higher,
            Direction::Down => Text::Lower,
        },
        lang,
    )
}

/// A month's short name, 1–12: en `Jan`, pl `sty`.
pub(crate) fn month(m: u32, lang: Language) -> &'static str {
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    const PL: [&str; 12] = [
        "sty", "lut", "mar", "kwi", "maj", "cze", "lip", "sie", "wrz", "paź", "lis", "gru",
    ];
    let names = match lang {
        Language::En => &EN,
        Language::Pl => &PL,
    };
    usize::try_from(m)
        .ok()
        .and_then(|m| m.checked_sub(1))
        .and_then(|i| names.get(i))
        .copied()
        .unwrap_or("")
}

/// A percentage with exactly `places` decimals: en `38.5%`, pl `38,5 %`.
pub(crate) fn percent_fixed(d: Decimal, places: u32, lang: Language) -> String {
    let t = d.fixed(places);
    match lang {
        Language::En => format!("{t}%"),
        Language::Pl => format!("{}{NBSP}%", t.replace('.', ",")),
    }
}

/// The Polish header of a CSV column for `--excel --lang pl`, by its fixed
/// English key (SPEC section 11); `None` for a key with no Polish word.
/// Why `--format xlsx` without `--output FILE` is refused: in `lang`, or
/// in both languages when none is known yet.
pub(crate) fn xlsx_needs_file(lang: Option<Language>) -> String {
    let en = "--format xlsx writes a binary workbook: name the file with --output FILE \
              (never standard output)";
    let pl = "--format xlsx zapisuje skoroszyt Excela (plik binarny): podaj plik w --output PLIK \
              (nie standardowe wyjście)";
    match lang {
        Some(Language::En) => en.to_string(),
        Some(Language::Pl) => pl.to_string(),
        None => format!("{en}\n{pl}"),
    }
}

pub(crate) fn csv_header(key: &str) -> Option<&'static str> {
    Some(match key {
        "actual" => "wydatki",
        "amount" => "kwota",
        "change" => "zmiana",
        "date" => "data",
        "progress" => "postęp %",
        "section" => "sekcja",
        "value" => "wartość",
        "why" => "dlaczego",
        "after" => "po roku planu",
        "area" => "obszar",
        "baseline" => "punkt wyjścia",
        "before" => "przed rokiem planu",
        "below_line" => "pod kreską",
        "budget" => "budżet",
        "competency" => "kompetencja",
        "cost" => "koszt",
        "cost_per_person" => "koszt na osobę",
        "counts_in" => "liczy się w",
        "cumulative_budget" => "budżet narastająco",
        "cumulative_effort" => "nakład narastająco",
        "delta" => "różnica",
        "department" => "dział",
        "depends_on" => "zależy od",
        "direction" => "kierunek",
        "effort_days" => "nakład (dni)",
        "end" => "koniec",
        "estimate" => "szacunek",
        "estimate_high" => "szacunek górny",
        "estimate_low" => "szacunek dolny",
        "field" => "pole",
        "funding" => "finansowanie",
        "group" => "grupa",
        "high" => "najwyższa",
        "id" => "id",
        "initiatives" => "inicjatywy",
        "internal_cost" => "koszt wewnętrzny",
        "kind" => "rodzaj",
        "kpi" => "KPI",
        "latest" => "ostatni pomiar",
        "latest_date" => "data ostatniego pomiaru",
        "low" => "najniższa",
        "markup_percent" => "narzut %",
        "measurements" => "liczba pomiarów",
        "mid" => "środkowa",
        "missing" => "braki",
        "name" => "nazwa",
        "new" => "nowa wartość",
        "old" => "poprzednia wartość",
        "owner" => "właściciel",
        "path_value" => "wartość na ścieżce",
        "people" => "osoby",
        "plan_year_budget" => "budżet roku planu",
        "plan_year_effort" => "nakład w roku planu",
        "share_of_cxm_percent" => "udział w CXM %",
        "horizon" => "horyzont",
        "until" => "do roku",
        "year" => "rok",
        "kpis" => "wartości KPI",
        "parent" => "cel nadrzędny",
        "focus" => "priorytet",
        "below_line_initiatives" => "inicjatywy pod kreską",
        "priority" => "priorytet",
        "progress_percent" => "postęp %",
        "q1" => "I kw.",
        "q2" => "II kw.",
        "q3" => "III kw.",
        "q4" => "IV kw.",
        "quarters" => "kwartały",
        "quotes" => "oferty",
        "rank" => "pozycja",
        "reason" => "powód",
        "remaining" => "pozostało",
        "series" => "pomiary",
        "spent_percent" => "wydano %",
        "start" => "początek",
        "status" => "status",
        "target" => "cel",
        "target_date" => "termin celu",
        "time_eater" => "pożeracz czasu",
        "title" => "tytuł",
        "unit" => "jednostka",
        "variance_percent" => "odchylenie %",
        "scenario" => "scenariusz",
        "note" => "uwaga",
        "cxm_total" => "budżet CXM razem",
        "central_training" => "szkolenia centralne",
        "budget_cap" => "limit budżetu",
        "governance" => "ład CX",
        "measurement" => "pomiar",
        "design" => "projektowanie",
        "culture" => "kultura",
        "coverage_governance" => "ład CX nad kreską",
        "coverage_measurement" => "pomiar nad kreską",
        "coverage_design" => "projektowanie nad kreską",
        "coverage_culture" => "kultura nad kreską",
        "focus_goals_without_work" => "cele priorytetowe bez pracy",
        "effort" => "nakład nad kreską",
        "capacity" => "zdolność zespołu",
        _ => return None,
    })
}

/// The line under a table too wide for the terminal: which columns it left
/// out, and that `--wide` shows them (`labels` in the table's language).
pub(crate) fn left_out(labels: &[String], lang: Language) -> String {
    format!(
        "{}: {} ({})",
        text(Text::LeftOutColumns, lang),
        labels.join(", "),
        text(Text::WideShowsAll, lang)
    )
}

#[cfg(test)]
mod tests;

/// The last line of `cxm goals`: the plan-year CXM money that serves no
/// goal, `amount` already formatted.
pub(crate) fn cxm_serving_no_goal(amount: &str, lang: Language) -> String {
    match lang {
        Language::En => format!("Plan-year CXM money serving no goal: {amount}"),
        Language::Pl => format!("Budżet CXM roku planu, który nie służy żadnemu celowi: {amount}"),
    }
}

/// A long goal's horizon: `long, until 2030`.
pub(crate) fn long_goal_until(until: Option<i32>, lang: Language) -> String {
    match (until, lang) {
        (Some(y), Language::En) => format!("long, until {y}"),
        (Some(y), Language::Pl) => format!("długoterminowy, do {y}"),
        (None, _) => text(Text::HorizonLong, lang).to_string(),
    }
}

/// A month of the calendar as its heading: `January 2027`, `Styczeń 2027`.
pub(crate) fn calendar_month(m: u32, year: i32, lang: Language) -> String {
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const PL: [&str; 12] = [
        "Styczeń",
        "Luty",
        "Marzec",
        "Kwiecień",
        "Maj",
        "Czerwiec",
        "Lipiec",
        "Sierpień",
        "Wrzesień",
        "Październik",
        "Listopad",
        "Grudzień",
    ];
    let names = match lang {
        Language::En => &EN,
        Language::Pl => &PL,
    };
    let name = usize::try_from(m)
        .ok()
        .and_then(|m| m.checked_sub(1))
        .and_then(|i| names.get(i))
        .copied()
        .unwrap_or("");
    format!("{name} {year}")
}

/// The strategy document's fixed words (`cxm strategy`, SPEC section 7),
/// English and Polish side by side. The Polish is written as a Polish CX
/// manager writes a strategy, not word for word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum StrategyText {
    Vision,
    NoVision,
    Goals,
    GoalsIntro,
    NoGoals,
    PainPoints,
    Kpi,
    Baseline,
    Latest,
    GoalValue,
    Progress,
    Standing,
    NoGoalKpis,
    ServingWork,
    NoServingWork,
    BelowLine,
    InFocus,
    Responsibilities,
    Team,
    NoTeam,
    Departments,
    NoDepartments,
    GoalsOwned,
    InitiativesOwned,
    CommunicationsOwned,
    CxInitiatives,
    PeopleToTrain,
    None,
    Monitoring,
    MonitoringIntro,
    NoKpis,
    Cadence,
    LastMeasurement,
    NextDue,
    Overdue,
    Communication,
    CommunicationIntro,
    NoCommunication,
    Channel,
    Audience,
    When,
    Owner,
    Sponsor,
    NotDoing,
    NotDoingIntro,
    NothingLeftOut,
    Initiative,
    WhyOut,
    Budget,
    Reason,
    NoReason,
    Idea,
    OnHold,
    Cancelled,
    DepartmentPays,
    PaidCentrally,
}

/// The label of a strategy text.
pub(crate) fn strategy_text(t: StrategyText, lang: Language) -> &'static str {
    use StrategyText as S;
    let (en, pl) = match t {
        S::Vision => ("Vision", "Wizja"),
        S::NoVision => (
            "No vision is written down yet.",
            "Wizja nie została jeszcze spisana.",
        ),
        S::Goals => ("Goals", "Cele"),
        S::GoalsIntro => (
            "Where we want to be in 3–5 years, and this year's goals that take us there. ★ marks the goals in focus this year.",
            "Dokąd chcemy dojść w ciągu 3–5 lat i jakie cele na ten rok nas tam prowadzą. ★ oznacza cele, na których skupiamy się w tym roku.",
        ),
        S::NoGoals => (
            "No goals are written down yet.",
            "Cele nie zostały jeszcze spisane.",
        ),
        S::PainPoints => (
            "Customers' pain points",
            "Problemy klientów, na które odpowiada",
        ),
        S::Kpi => ("KPI", "Wskaźnik"),
        S::Baseline => ("Baseline", "Punkt wyjścia"),
        S::Latest => ("Latest", "Ostatni pomiar"),
        S::GoalValue => ("Goal value", "Wartość celu"),
        S::Progress => ("Progress", "Postęp"),
        S::Standing => ("Status", "Ocena"),
        S::NoGoalKpis => (
            "No KPI value is set for this goal.",
            "Dla tego celu nie określono wartości wskaźników.",
        ),
        S::ServingWork => ("Initiatives serving it", "Inicjatywy, które go realizują"),
        S::NoServingWork => (
            "No initiative in the plan serves it.",
            "Żadna inicjatywa w planie go nie realizuje.",
        ),
        S::BelowLine => ("below the cut line", "pod kreską"),
        S::InFocus => ("in focus", "priorytet roku"),
        S::Responsibilities => ("Responsibilities", "Podział odpowiedzialności"),
        S::Team => ("The CX team", "Zespół CX"),
        S::NoTeam => (
            "No team members are listed.",
            "Roadmapa nie wymienia członków zespołu.",
        ),
        S::Departments => ("Departments", "Działy"),
        S::NoDepartments => (
            "No departments are listed.",
            "Roadmapa nie wymienia działów.",
        ),
        S::GoalsOwned => ("Goals", "Cele"),
        S::InitiativesOwned => ("Initiatives", "Inicjatywy"),
        S::CommunicationsOwned => ("Communication", "Komunikacja"),
        S::CxInitiatives => ("Its CX initiatives", "Własne inicjatywy CX"),
        S::PeopleToTrain => ("People to train", "Osoby do przeszkolenia"),
        S::None => ("none", "brak"),
        S::Monitoring => ("How we monitor the KPIs", "Jak mierzymy postęp"),
        S::MonitoringIntro => (
            "Each KPI is measured at its cadence; the next measurement is due one period after the last.",
            "Każdy wskaźnik mierzymy z ustaloną częstotliwością; kolejny pomiar przypada okres po ostatnim.",
        ),
        S::NoKpis => (
            "No KPIs are defined yet.",
            "Wskaźniki nie zostały jeszcze określone.",
        ),
        S::Cadence => ("Cadence", "Częstotliwość"),
        S::LastMeasurement => ("Last measurement", "Ostatni pomiar"),
        S::NextDue => ("Next due", "Kolejny pomiar"),
        S::Overdue => ("overdue", "zaległy"),
        S::Communication => ("Communication plan", "Plan komunikacji wewnętrznej"),
        S::CommunicationIntro => (
            "How we keep the strategy visible inside the company, and whose support each message carries.",
            "Jak utrzymujemy strategię na widoku w firmie i kto z kierownictwa wspiera każdy komunikat.",
        ),
        S::NoCommunication => (
            "No internal communication is planned yet.",
            "Komunikacja wewnętrzna nie została jeszcze zaplanowana.",
        ),
        S::Channel => ("Channel", "Kanał"),
        S::Audience => ("Audience", "Odbiorcy"),
        S::When => ("When", "Kiedy"),
        S::Owner => ("Owner", "Prowadzi"),
        S::Sponsor => ("Sponsor", "Sponsor"),
        S::NotDoing => ("What we chose not to do", "Czego świadomie nie robimy"),
        S::NotDoingIntro => (
            "Strategy is choosing what not to do. These stay out of this year's work:",
            "Strategia to także decyzja, czego nie robimy. Te prace zostają poza planem na ten rok:",
        ),
        S::NothingLeftOut => (
            "Nothing is left out: every piece of work is in the plan.",
            "Nic nie zostało odłożone: wszystkie prace są w planie.",
        ),
        S::Initiative => ("Initiative", "Inicjatywa"),
        S::WhyOut => ("Where it stands", "Stan"),
        S::Budget => ("Budget", "Budżet"),
        S::Reason => ("Reason", "Uzasadnienie"),
        S::NoReason => ("no reason written down", "nie podano uzasadnienia"),
        S::Idea => ("idea", "pomysł"),
        S::OnHold => ("on hold", "wstrzymana"),
        S::Cancelled => ("cancelled", "anulowana"),
        S::DepartmentPays => ("paid by the department", "finansuje dział"),
        S::PaidCentrally => ("paid centrally", "finansowane centralnie"),
    };
    match lang {
        Language::En => en,
        Language::Pl => pl,
    }
}

/// The strategy document's title: `CX strategy 2027`.
pub(crate) fn strategy_title(year: i32, lang: Language) -> String {
    match lang {
        Language::En => format!("CX strategy {year}"),
        Language::Pl => format!("Strategia CX na {year} rok"),
    }
}

/// Under the title: when and from what the document was made.
pub(crate) fn strategy_generated(as_of: &str, source: &str, lang: Language) -> String {
    match lang {
        Language::En => format!(
            "As of {as_of}. Generated by cxm from {source}: change the roadmap, not this document."
        ),
        Language::Pl => format!(
            "Stan na {as_of}. Dokument wygenerowany przez cxm z pliku {source}: zmiany wprowadzamy w roadmapie, nie tutaj."
        ),
    }
}

/// The CXM budget of the plan year, and the cap when there is one.
pub(crate) fn strategy_budget(year: i32, total: &str, cap: Option<&str>, lang: Language) -> String {
    match (lang, cap) {
        (Language::En, Some(c)) => {
            format!("The CXM budget for {year}: {total}, within a cap of {c}.")
        }
        (Language::En, None) => format!("The CXM budget for {year}: {total}."),
        (Language::Pl, Some(c)) => format!("Budżet CXM na {year} rok: {total} przy limicie {c}."),
        (Language::Pl, None) => format!("Budżet CXM na {year} rok: {total}."),
    }
}

/// The vision's horizon: `until 2030`.
pub(crate) fn strategy_vision_until(year: i32, lang: Language) -> String {
    match lang {
        Language::En => format!("Our vision for {year}"),
        Language::Pl => format!("Nasza wizja na {year} rok"),
    }
}

/// A goal's horizon in a sentence: `Long-term goal until 2030`, `Goal for 2027`.
pub(crate) fn strategy_horizon(long: bool, year: Option<i32>, lang: Language) -> String {
    match (long, year, lang) {
        (true, Some(y), Language::En) => format!("Long-term goal until {y}"),
        (true, Some(y), Language::Pl) => format!("Cel długoterminowy do {y} roku"),
        (true, None, Language::En) => "Long-term goal".to_string(),
        (true, None, Language::Pl) => "Cel długoterminowy".to_string(),
        (false, Some(y), Language::En) => format!("Goal for {y}"),
        (false, Some(y), Language::Pl) => format!("Cel na {y} rok"),
        (false, None, Language::En) => "Goal for the year".to_string(),
        (false, None, Language::Pl) => "Cel roczny".to_string(),
    }
}

/// `serves: Customers know…` for a year goal under a long goal.
pub(crate) fn strategy_serves(parent: &str, lang: Language) -> String {
    match lang {
        Language::En => format!("serves: {parent}"),
        Language::Pl => format!("służy celowi: {parent}"),
    }
}

/// `owner: Anna Kowalska`.
pub(crate) fn strategy_owner(owner: &str, lang: Language) -> String {
    match lang {
        Language::En => format!("owner: {owner}"),
        Language::Pl => format!("odpowiada: {owner}"),
    }
}

/// The money and effort behind a goal, figures already formatted.
pub(crate) fn strategy_goal_money(
    budget: &str,
    share: Option<&str>,
    days: &str,
    lang: Language,
) -> String {
    match (lang, share) {
        (Language::En, Some(s)) => format!(
            "Plan-year CXM budget behind it: {budget} ({s} of the CXM budget); team effort {days} person-days."
        ),
        (Language::En, None) => {
            format!("Plan-year CXM budget behind it: {budget}; team effort {days} person-days.")
        }
        (Language::Pl, Some(s)) => format!(
            "Budżet CXM na ten cel w roku planu: {budget} ({s} budżetu CXM); praca zespołu: {days} osobodni."
        ),
        (Language::Pl, None) => {
            format!("Budżet CXM na ten cel w roku planu: {budget}; praca zespołu: {days} osobodni.")
        }
    }
}

/// A member's plan-year effort against capacity, figures formatted.
pub(crate) fn strategy_effort(
    load: &str,
    capacity: Option<&str>,
    over: bool,
    lang: Language,
) -> String {
    let line = match (lang, capacity) {
        (Language::En, Some(c)) => format!("Plan-year effort: {load} of {c} person-days available"),
        (Language::En, None) => format!("Plan-year effort: {load} person-days (no capacity given)"),
        (Language::Pl, Some(c)) => format!("Praca w roku planu: {load} z {c} dostępnych osobodni"),
        (Language::Pl, None) => {
            format!("Praca w roku planu: {load} osobodni (nie podano dostępności)")
        }
    };
    match (over, lang) {
        (true, Language::En) => format!("{line}: over capacity"),
        (true, Language::Pl) => format!("{line}: ponad możliwości"),
        (false, _) => line,
    }
}

/// `10 people, paid by the department`.
pub(crate) fn strategy_people(people: u64, how: &str, lang: Language) -> String {
    match lang {
        Language::En if people == 1 => format!("1 person, {how}"),
        Language::En => format!("{people} people, {how}"),
        Language::Pl => format!("{people} os., {how}"),
    }
}

/// A department's guideline budget for the plan year.
pub(crate) fn strategy_guideline(year: i32, amount: &str, lang: Language) -> String {
    match lang {
        Language::En => format!("Guideline budget for {year}: {amount}"),
        Language::Pl => format!("Budżet orientacyjny na {year} rok: {amount}"),
    }
}

/// How often a KPI is measured.
pub(crate) fn strategy_cadence(c: crate::roadmap::Cadence, lang: Language) -> &'static str {
    use crate::roadmap::Cadence as C;
    match (c, lang) {
        (C::Monthly, Language::En) => "monthly",
        (C::Quarterly, Language::En) => "quarterly",
        (C::HalfYearly, Language::En) => "half-yearly",
        (C::Yearly, Language::En) => "yearly",
        (C::Monthly, Language::Pl) => "co miesiąc",
        (C::Quarterly, Language::Pl) => "co kwartał",
        (C::HalfYearly, Language::Pl) => "co pół roku",
        (C::Yearly, Language::Pl) => "raz w roku",
    }
}

/// How often a communication recurs.
pub(crate) fn strategy_recurrence(r: crate::roadmap::Recurrence, lang: Language) -> &'static str {
    use crate::roadmap::Recurrence as R;
    match (r, lang) {
        (R::Once, Language::En) => "once",
        (R::Weekly, Language::En) => "weekly",
        (R::Monthly, Language::En) => "monthly",
        (R::Quarterly, Language::En) => "quarterly",
        (R::HalfYearly, Language::En) => "half-yearly",
        (R::Yearly, Language::En) => "yearly",
        (R::Once, Language::Pl) => "jednorazowo",
        (R::Weekly, Language::Pl) => "co tydzień",
        (R::Monthly, Language::Pl) => "co miesiąc",
        (R::Quarterly, Language::Pl) => "co kwartał",
        (R::HalfYearly, Language::Pl) => "co pół roku",
        (R::Yearly, Language::Pl) => "raz w roku",
    }
}

/// Where a communication happens.
pub(crate) fn strategy_channel(c: crate::roadmap::Channel, lang: Language) -> &'static str {
    use crate::roadmap::Channel as C;
    match (c, lang) {
        (C::Meeting, Language::En) => "meeting",
        (C::Intranet, Language::En) => "intranet",
        (C::Email, Language::En) => "email",
        (C::Newsletter, Language::En) => "newsletter",
        (C::Workshop, Language::En) => "workshop",
        (C::Video, Language::En) => "video",
        (C::Other, Language::En) => "other",
        (C::Meeting, Language::Pl) => "spotkanie",
        (C::Intranet, Language::Pl) => "intranet",
        (C::Email, Language::Pl) => "e-mail",
        (C::Newsletter, Language::Pl) => "newsletter",
        (C::Workshop, Language::Pl) => "warsztaty",
        (C::Video, Language::Pl) => "wideo",
        (C::Other, Language::Pl) => "inny",
    }
}

/// When a communication happens: `quarterly from 2027-01-15 to 2027-12-31`.
pub(crate) fn strategy_when(
    how: &str,
    start: Option<&str>,
    end: Option<&str>,
    lang: Language,
) -> String {
    let (from, to) = match lang {
        Language::En => ("from", "to"),
        Language::Pl => ("od", "do"),
    };
    let mut s = how.to_string();
    if let Some(st) = start {
        s.push_str(&format!(" {from} {st}"));
    }
    if let Some(e) = end {
        s.push_str(&format!(" {to} {e}"));
    }
    s
}

/// A low–high money range: en `80,000.00 – 180,000.00 PLN`, pl
/// `80 000,00 – 180 000,00 zł`.
pub(crate) fn money_range(low: Money, high: Money, currency: &str, lang: Language) -> String {
    format!("{} – {}", amount(low, lang), money(high, currency, lang))
}
