//! The Polish words of the rules' findings, from the same data as the
//! English ones in `rules.rs`.
//!
//! Keys, ids, titles and TOML values are shown as in English (the values as
//! written in the file, so that they can be searched for); what the reader
//! is told is Polish. Amounts cxm computed or read as money are written as
//! the Polish reports write them (`45 000,00 zł`, [`i18n::money`]), so a
//! finding and the report beside it show the same figure the same way; JSON
//! keeps its `code` and these words, the figures in them included. Statuses are named by their Polish words
//! from `i18n`, with the TOML value beside them where the help asks the
//! reader to write it. The number of a person's own capacity is said
//! without the person's grammatical gender, which the file does not know.

use super::rules::{cycle_with, key, other};
use crate::diag::{Entry, Known, Quoted as Q, RuleMessage};
use crate::i18n;
use crate::roadmap::{Choice as _, Competency, Direction, Language};
use std::fmt;

/// An amount with its currency, as the Polish reports write it.
fn money(m: crate::money::Money, currency: &str) -> String {
    i18n::money(m, currency, Language::Pl)
}

pub(super) fn text(m: &RuleMessage) -> String {
    use RuleMessage as M;
    match m {
        M::UnknownScenarioInitiative {
            scenario,
            key,
            initiative,
            ..
        } => format!(
            "scenariusz {} wymienia w `{key}` inicjatywę {}, której nie ma w [[initiatives]]",
            Q(scenario),
            Q(initiative)
        ),
        M::ScenarioExcludesUnplanned {
            scenario,
            initiative,
            status,
        } => format!(
            "scenariusz {} wyłącza inicjatywę {} o statusie {}, a wyłączyć można tylko zaplanowaną",
            Q(scenario),
            Q(initiative),
            status.as_str()
        ),
        M::ScenarioIncludesNonIdea {
            scenario,
            initiative,
            status,
        } => format!(
            "scenariusz {} włącza inicjatywę {} o statusie {}, a włączyć można tylko pomysł",
            Q(scenario),
            Q(initiative),
            status.as_str()
        ),
        M::ScenarioIncludesUndated {
            scenario,
            initiative,
        } => format!(
            "scenariusz {} włącza pomysł {}, który nie ma dat `start` i `end`",
            Q(scenario),
            Q(initiative)
        ),
        M::ScenarioCapacityInexact { scenario, member } => format!(
            "scenariusz {} daje członkowi zespołu {} dostępność z dokładnością ponad milionową część dnia",
            Q(scenario),
            Q(member)
        ),
        M::ScenarioProblem { scenario, problem } => {
            format!("tylko w scenariuszu {}: {}", Q(scenario), text(problem))
        }
        M::ActualAndSpend { initiative } => format!(
            "inicjatywa {} podaje jednocześnie `actual` i wpisy wydatków",
            Q(initiative)
        ),
        M::DuplicateId { kind, id, .. } => {
            format!(
                "identyfikator {} {} występuje dwa razy",
                genitive(*kind),
                Q(id)
            )
        }
        M::UnknownOwner {
            initiative, owner, ..
        } => format!(
            "właściciel {} inicjatywy {} nie jest członkiem zespołu [[team]]",
            Q(owner),
            Q(initiative)
        ),
        M::UnknownDepartment {
            initiative,
            department,
            ..
        } => format!(
            "dział {} inicjatywy {} nie figuruje w [[departments]]",
            Q(department),
            Q(initiative)
        ),
        M::UnknownKpi {
            initiative, kpi, ..
        } => format!(
            "inicjatywa {} wskazuje KPI {}, którego nie ma w [[kpis]]",
            Q(initiative),
            Q(kpi)
        ),
        M::UnknownDependency {
            initiative,
            dependency,
            ..
        } => format!(
            "inicjatywa {} zależy od {}, a takiej inicjatywy nie ma w tym pliku",
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
                "szkolenie{name} określa potrzeby działu {}, którego nie ma w [[departments]]",
                Q(department)
            )
        }
        M::UnknownCurrency {
            initiative,
            currency,
            ..
        } => format!(
            "wycena inicjatywy {} jest w {currency}, a dla tej waluty nie ma kursu w [fx]",
            Q(initiative)
        ),
        M::UnknownSpendCurrency {
            initiative,
            currency,
            ..
        } => format!(
            "wpis wydatku inicjatywy {} jest w {currency}, a dla tej waluty nie ma kursu w [fx]",
            Q(initiative)
        ),
        M::QuoteMinAboveMax {
            initiative,
            vendor,
            min,
            max,
        } => format!(
            "wycena{} dla {} ma minimum ({}) wyższe niż maksimum ({})",
            FromVendor(vendor),
            Q(initiative),
            i18n::amount(*min, Language::Pl),
            i18n::amount(*max, Language::Pl)
        ),
        M::QuoteWithoutPrice { initiative, vendor } => format!(
            "wycena{} dla {} nie podaje ceny",
            FromVendor(vendor),
            Q(initiative)
        ),
        M::QuoteHalfRange {
            initiative,
            vendor,
            given,
        } => format!(
            "wycena{} dla {} ma `{}`, ale nie ma `{}`",
            FromVendor(vendor),
            Q(initiative),
            key(*given),
            key(other(*given))
        ),
        M::QuoteAmountAndRange { initiative, vendor } => format!(
            "wycena{} dla {} ma jednocześnie `amount` i przedział `min`/`max`",
            FromVendor(vendor),
            Q(initiative)
        ),
        M::BudgetOverflow => "budżet jest zbyt duży, by policzyć go dokładnie".to_string(),
        M::EndBeforeStart {
            initiative,
            start,
            end,
        } => format!(
            "inicjatywa {} kończy się ({end}) przed rozpoczęciem ({start})",
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
                "inicjatywa {} jest {}, ale nie ma daty `{}`",
                Q(initiative),
                i18n::status(*status, Language::Pl),
                missing.join("` ani `")
            )
        }
        M::Uncovered {
            competency,
            year,
            gap,
        } => {
            let mut text = format!(
                "żadna inicjatywa CXM w planie na {year} nie rozwija kompetencji {}",
                Named(*competency)
            );
            if let Some((current, target)) = gap {
                text.push_str(&format!(
                    ", choć jej dojrzałość ma wzrosnąć z {current} do {target}"
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
            "dojrzałość kompetencji {} ma wzrosnąć z {current} do {target}, ale na {year} nie zaplanowano dla niej żadnej nowej inicjatywy CXM",
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
            let year = year.map_or(String::new(), |y| format!(" na {y}"));
            format!(
                "budżet CXM{year} ({}) przekracza limit budżetu ({}) o {}",
                money(*total, cur),
                money(*cap, cur),
                money(over, cur)
            )
        }
        M::CxWithoutDepartment { initiative } => format!(
            "inicjatywa {} to usprawnienie CX (area = \"cx\"), ale nie wskazuje działu",
            Q(initiative)
        ),
        M::DependencyCycle { cycle } => match cycle.as_slice() {
            [one] => format!("inicjatywa {} zależy sama od siebie: {one} → {one}", Q(one)),
            ids => format!(
                "inicjatywy zależą od siebie nawzajem w cyklu: {}",
                cycle_with(ids, |n| format!("… jeszcze {n} …"))
            ),
        },
        M::TargetNotBeyondBaseline {
            kpi,
            direction,
            baseline,
            target,
        } => {
            let (better, beyond) = match direction {
                Direction::Up => ("wyższa", "powyżej"),
                Direction::Down => ("niższa", "poniżej"),
            };
            format!(
                "cel {target} KPI {} nie jest {beyond} punktu wyjścia {baseline}, choć lepsza jest wartość {better} (direction = \"{}\")",
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
                "data docelowa"
            } else {
                "domyślna data docelowa (koniec roku planu)"
            };
            format!(
                "{which} {target_date} KPI {} nie jest późniejsza niż początek jego ścieżki ({start})",
                Q(kpi)
            )
        }
        M::CheckpointOutsidePeriod {
            kpi,
            date,
            start,
            target_date,
        } => format!(
            "punkt kontrolny KPI {} ma datę {date}, poza jego ścieżką od {start} do daty docelowej {target_date}",
            Q(kpi)
        ),
        M::CheckpointNotBetween {
            kpi,
            date,
            value,
            baseline,
            target,
        } => format!(
            "punkt kontrolny {value} z {date} dla KPI {} nie leży między punktem wyjścia {baseline} a celem {target}",
            Q(kpi)
        ),
        M::CheckpointAwayFromTarget {
            kpi,
            date,
            value,
            before,
            before_date,
        } => format!(
            "punkt kontrolny {value} z {date} dla KPI {} oddala się od celu: na {before_date} ustalono {before}",
            Q(kpi)
        ),
        M::NoOwner { initiative } => {
            format!("inicjatywa CXM {} nie ma właściciela", Q(initiative))
        }
        M::NoSuccessMeasure { initiative } => format!(
            "inicjatywa {} nie określa, jak mierzony jest jej sukces",
            Q(initiative)
        ),
        M::NoEffort { initiative } => format!(
            "inicjatywa {} jest w planie, ale nie ma oszacowanej pracochłonności",
            Q(initiative)
        ),
        M::NoPrice { initiative } => format!(
            "inicjatywa CXM {} jest w planie, ale nie ma ceny: ani `cost`, ani wycen",
            Q(initiative)
        ),
        M::OneQuote { initiative } => format!(
            "inicjatywa {} ma wycenę tylko od jednego dostawcy",
            Q(initiative)
        ),
        M::StaleQuote {
            initiative,
            date,
            as_of,
        } => format!(
            "wycena dla {} pochodzi z {date}, ponad 12 miesięcy przed {as_of}",
            Q(initiative)
        ),
        M::UnusualMarkup { initiative, markup } => {
            let what = initiative.as_ref().map_or_else(
                || "narzut całego planu".to_string(),
                |i| format!("narzut {}", Q(i)),
            );
            format!("{what} wynosi {markup} %, poza typowym przedziałem 10–15 %")
        }
        M::TeamOwnsCxWork {
            initiative, owner, ..
        } => format!(
            "pożeracz czasu: inicjatywa {} to usprawnienie CX (area = \"cx\"), a jej właścicielem jest {}, członek zespołu CX",
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
                "{who}: {load} dni pracy jako właściciel w planie na {year}, ponad dostępne {capacity} dni"
            )
        }
        M::TeamOverloaded {
            year,
            needed,
            capacity,
        } => format!(
            "plan na {year} wymaga {needed} dni pracy zespołu, więcej niż łącznie ma zespół: {capacity} dni"
        ),
        M::DoneInFuture {
            initiative,
            end,
            as_of,
        } => format!(
            "inicjatywa {} jest zakończona, ale jej koniec przypada na {end}, po {as_of}",
            Q(initiative)
        ),
        M::PlannedInPast {
            initiative,
            end,
            as_of,
        } => format!(
            "inicjatywa {} jest wciąż zaplanowana, a miała się skończyć {end}, przed {as_of}",
            Q(initiative)
        ),
        M::PlannedButStarted {
            initiative,
            start,
            as_of,
        } => format!(
            "inicjatywa {} jest wciąż zaplanowana, a miała się zacząć {start}, przed {as_of}",
            Q(initiative)
        ),
        M::InProgressBeforeStart {
            initiative,
            start,
            as_of,
        } => format!(
            "inicjatywa {} jest w toku, ale zaczyna się dopiero {start}, po {as_of}",
            Q(initiative)
        ),
        M::StartsBeforeDependencyEnds {
            initiative,
            start,
            dependency,
            end,
        } => format!(
            "inicjatywa {} zaczyna się {start}, ale {}, od której zależy, kończy się dopiero {end}",
            Q(initiative),
            Q(dependency)
        ),
        M::SpendAfterAsOf {
            initiative,
            date,
            as_of,
        } => format!(
            "wpis wydatku inicjatywy {} ma datę {date}, późniejszą niż {as_of}; nie wchodzi do żadnego wyliczenia",
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
                "inicjatywa {} wydała {}, o {} więcej niż jej budżet {}",
                Q(initiative),
                money(*actual, cur),
                money(over, cur),
                money(*budget, cur)
            )
        }
        M::DoneWithoutActual { initiative } => format!(
            "inicjatywa {} jest zakończona, ale nie podaje, ile kosztowała: brak `actual` i wpisów wydatków",
            Q(initiative)
        ),
        M::UpdateBeforeStart {
            initiative,
            date,
            start,
        } => format!(
            "wpis postępu inicjatywy {} ma datę {date}, wcześniejszą niż jej start ({start})",
            Q(initiative)
        ),
        M::UpdateAfterAsOf {
            initiative,
            date,
            as_of,
        } => format!(
            "wpis postępu inicjatywy {} ma datę {date}, późniejszą niż {as_of}; na razie nie jest brany pod uwagę",
            Q(initiative)
        ),
        M::MeasurementAfterAsOf { kpi, date, as_of } => format!(
            "pomiar KPI {} ma datę {date}, późniejszą niż {as_of}; nie wchodzi do żadnego wyliczenia",
            Q(kpi)
        ),
        M::NoPriority { initiative, year } => format!(
            "zaplanowana inicjatywa {} nie ma priorytetu: w planie na {year} trafia na koniec i jako pierwsza wypada przy cięciach",
            Q(initiative)
        ),
        M::GoalUntilBeforePlanYear {
            goal,
            until,
            plan_year,
        } => format!(
            "cel długoterminowy {} kończy się w {until}, przed planowanym rokiem {plan_year}",
            Q(goal)
        ),
        M::UnknownGoalOwner { goal, owner, .. } => format!(
            "właściciel {} celu {} nie jest członkiem zespołu [[team]]",
            Q(owner),
            Q(goal)
        ),
        M::UnknownParent { goal, parent, .. } => format!(
            "cel {} wskazuje cel nadrzędny {}, którego nie ma w pliku",
            Q(goal),
            Q(parent)
        ),
        M::ParentNotLong { goal, parent } => format!(
            "cel {} wskazuje jako nadrzędny cel roczny {}, a nie cel długoterminowy",
            Q(goal),
            Q(parent)
        ),
        M::UnknownGoalKpi { goal, kpi, .. } => format!(
            "cel {} wyznacza wartość KPI {}, którego nie ma w [[kpis]]",
            Q(goal),
            Q(kpi)
        ),
        M::UnknownInitiativeGoal {
            initiative, goal, ..
        } => format!(
            "inicjatywa {} służy celowi {}, którego nie ma w [[goals]]",
            Q(initiative),
            Q(goal)
        ),
        M::UnknownCommunicationOwner {
            communication,
            owner,
            ..
        } => format!(
            "właściciel {} komunikacji {} nie jest członkiem zespołu [[team]]",
            Q(owner),
            Q(communication)
        ),
        M::UnknownCommunicationGoal {
            communication,
            goal,
            ..
        } => format!(
            "komunikacja {} wskazuje cel {}, którego nie ma w [[goals]]",
            Q(communication),
            Q(goal)
        ),
        M::CommunicationEndBeforeStart {
            communication,
            start,
            end,
        } => format!(
            "komunikacja {} kończy się ({end}) przed początkiem ({start})",
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
                Direction::Up => ("wyższa", "powyżej"),
                Direction::Down => ("niższa", "poniżej"),
            };
            format!(
                "cel {} zakłada dla KPI {} wartość {value}, która nie jest {beyond} punktu wyjścia {baseline}, choć lepsza jest {better}",
                Q(goal),
                Q(kpi)
            )
        }
        M::TooManyInFocus { year, goals } => {
            let n = goals.len();
            let few = (2..=4).contains(&(n % 10)) && !(12..=14).contains(&(n % 100));
            let (verb, noun) = if few {
                ("są", "cele")
            } else {
                ("jest", "celów")
            };
            format!(
                "w {year} r. priorytetem {verb} aż {n} {noun}: {}",
                quoted_list(goals)
            )
        }
        M::FocusGoalWithoutWork {
            goal,
            year,
            below_line,
        } => {
            if below_line.is_empty() {
                format!(
                    "priorytetowemu celowi {} nie służy żadna inicjatywa planu na {year}",
                    Q(goal)
                )
            } else {
                format!(
                    "priorytetowemu celowi {} nie służy żadna inicjatywa nad linią cięcia planu na {year}; pod linią: {}",
                    Q(goal),
                    quoted_list(below_line)
                )
            }
        }
        M::ServesNoGoal { initiative, year } => format!(
            "inicjatywa CXM {} z planu na {year} nie służy żadnemu celowi",
            Q(initiative)
        ),
        M::UnitValueLowAboveHigh { kpi, low, high } => format!(
            "value_per_unit KPI {} ma dolną granicę ({low}) wyższą niż górną ({high})",
            Q(kpi)
        ),
        M::ExpectedLowAboveHigh {
            initiative,
            kpi,
            low,
            high,
        } => format!(
            "inicjatywa {} zakłada zmianę KPI {} od {low} do {high}: dolna granica jest wyższa niż górna",
            Q(initiative),
            Q(kpi)
        ),
        M::UnitValueWithoutNote { kpi } => format!(
            "KPI {} ma wartość w pieniądzu bez `note`: kwota bez założenia wygląda na pewnik",
            Q(kpi)
        ),
        M::ExpectedWithoutValue { initiative, kpi } => format!(
            "inicjatywa {} zakłada zmianę KPI {}, który nie ma value_per_unit: nie wlicza się do korzyści",
            Q(initiative),
            Q(kpi)
        ),
    }
}

use super::rules::quoted_list;

pub(super) fn help(m: &RuleMessage) -> Vec<String> {
    use RuleMessage as M;
    let line = match m {
        M::UnknownScenarioInitiative { known, .. } => {
            return known_help(known, "inicjatywy", "inicjatyw");
        }
        M::ScenarioExcludesUnplanned { .. } => {
            "scenariusz wyłącza tylko pracę zaplanowaną: rozpoczęta, wstrzymana, zakończona czy anulowana zostaje w planie, a pomysł i tak jest poza nim".to_string()
        }
        M::ScenarioIncludesNonIdea { .. } => {
            "scenariusz włącza tylko pomysły: praca zaplanowana i rozpoczęta już jest w planie".to_string()
        }
        M::ScenarioIncludesUndated { .. } => {
            "wpisz pomysłowi `start` i `end`, żeby scenariusz mógł go zaplanować".to_string()
        }
        M::ScenarioCapacityInexact { .. } => {
            "podaj `capacity_percent` z mniejszą liczbą miejsc po przecinku".to_string()
        }
        M::ScenarioProblem { problem, .. } => {
            let mut lines = help(problem);
            lines.push("sama roadmapa jest w porządku, ale zarząd, który wybierze ten scenariusz, powinien o tym wiedzieć".to_string());
            return lines;
        }
        M::ActualAndSpend { .. } => "zostaw jedno: usuń `actual` (sumę dadzą wpisy wydatków) albo wpisy".to_string(),
        M::DuplicateId { kind, first_title, .. } => {
            let first = match first_title {
                Some(t) => format!("po raz pierwszy użyty dla {} {}", genitive(*kind), Q(t)),
                None => "użyty już wcześniej w pliku".to_string(),
            };
            format!("{first}; nadaj każdemu wpisowi własny identyfikator")
        }
        M::UnknownOwner { known, .. } => {
            return known_help(known, "członkowie zespołu", "członków zespołu");
        }
        M::UnknownDepartment { known, .. } | M::UnknownTrainingDepartment { known, .. } => {
            return known_help(known, "działy", "działów");
        }
        M::UnknownKpi { known, .. } => return known_help(known, "KPI", "KPI"),
        M::UnknownDependency { known, .. } => return known_help(known, "inicjatywy", "inicjatyw"),
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
            Some(s) => czy_chodzi(s),
            None => format!("dodaj w [fx] kurs tej waluty w {home}, np. {currency} = 4.30"),
        },
        M::QuoteMinAboveMax { .. } => "zamień miejscami `min` i `max`".to_string(),
        M::QuoteWithoutPrice { .. } => {
            "podaj przedział przez `min` i `max` albo jedną kwotę w `amount`".to_string()
        }
        M::QuoteHalfRange { given, .. } => format!(
            "dodaj `{}` albo zapisz jedną kwotę jako `amount`",
            key(other(*given))
        ),
        M::QuoteAmountAndRange { .. } => "zostaw albo przedział, albo jedną kwotę".to_string(),
        M::BudgetOverflow => "kwoty i ich sumy nie mogą przekraczać 10^13".to_string(),
        M::EndBeforeStart { .. } => {
            "popraw `start` lub `end`: inicjatywa nie może się skończyć, zanim się zacznie"
                .to_string()
        }
        M::Undated { .. } => {
            "prace zaplanowane i w toku potrzebują dat `start` i `end`, żeby trafić do planu"
                .to_string()
        }
        M::Uncovered {
            competency, year, ..
        } => format!(
            "zaplanuj na {year} co najmniej jedną inicjatywę area = \"cxm\" z competency = \"{}\"; zdrowy plan co roku rozwija wszystkie cztery kompetencje",
            competency.as_str()
        ),
        M::NoNewWork { .. } => "prace już trwające utrzymują poziom; aby go podnieść, zaplanuj inicjatywę ze status = \"planned\" albo obniż cel".to_string(),
        M::OverCap { .. } => "zrealizuj mniej inicjatyw: przenieś część na kolejny rok lub z powrotem do pomysłów albo podnieś limit".to_string(),
        M::CxWithoutDepartment { .. } => {
            "dodaj `department`: dział, który odpowiada za usprawnienie i je finansuje".to_string()
        }
        M::DependencyCycle { .. } => "żadna z nich nie może ruszyć pierwsza; usuń ten wpis `depends_on`, który nie jest rzeczywistym warunkiem".to_string(),
        M::TargetNotBeyondBaseline { .. } => {
            "sprawdź `direction` albo `baseline` i `target`: cel musi być lepszy niż punkt wyjścia".to_string()
        }
        M::TargetDateNotAfterStart { given: true, .. } => {
            "ustaw `target_date` po `baseline_date` (lub po pierwszym pomiarze)".to_string()
        }
        M::TargetDateNotAfterStart { given: false, .. } => {
            "ustaw `target_date`, czyli datę, do której cel ma zostać osiągnięty".to_string()
        }
        M::CheckpointOutsidePeriod { .. } => "każdy punkt kontrolny w `targets` datuj po punkcie wyjścia i przed `target_date`".to_string(),
        M::CheckpointNotBetween { .. } => "punkt kontrolny to etap drogi od punktu wyjścia do celu".to_string(),
        M::CheckpointAwayFromTarget { .. } => "w kolejności dat każdy punkt kontrolny musi być co najmniej tak blisko celu jak poprzedni".to_string(),
        M::NoOwner { .. } => {
            "ustaw `owner` na identyfikator członka zespołu [[team]], który za nią odpowiada".to_string()
        }
        M::NoSuccessMeasure { .. } => {
            "dodaj `kpi`, miarę sukcesu, np. kpi = \"NPS mierzony co kwartał\"".to_string()
        }
        M::NoEffort { .. } => "dodaj `effort_days`, liczbę osobodni pracy zespołu, żeby dało się porównać plan z możliwościami zespołu".to_string(),
        M::NoPrice { .. } => "poproś dostawców o widełki cenowe ([[initiatives.quotes]]) albo wpisz stały `cost` (0, jeśli kosztuje tylko czas zespołu)".to_string(),
        M::OneQuote { .. } => "poproś o widełki cenowe co najmniej dwóch dostawców i uśrednij je".to_string(),
        M::StaleQuote { .. } => "ceny się zmieniają: poproś dostawcę o aktualne widełki".to_string(),
        M::UnusualMarkup { .. } => {
            "narzut inflacyjny na widełki dostawców wynosi zwykle 10–15 %".to_string()
        }
        M::TeamOwnsCxWork { department, .. } => {
            let dept = department
                .as_ref()
                .map_or_else(|| "jej działowi".to_string(), |d| format!("działowi {}", Q(d)));
            format!("przekaż ją {dept}, który odpowiada za usprawnienie; czas zespołu CX jest przeznaczony na prace CXM")
        }
        M::OwnerOverloaded { .. } => "lepiej zrealizować mniej inicjatyw: przekaż część innemu właścicielowi, przesuń na kolejny rok albo do listy pomysłów".to_string(),
        M::TeamOverloaded { .. } => {
            "lepiej zrealizować mniej inicjatyw: dopasuj plan do możliwości zespołu".to_string()
        }
        M::DoneInFuture { .. } => "popraw status albo datę końca".to_string(),
        M::PlannedInPast { .. } => {
            "oznacz ją jako zakończoną (done), w toku (in-progress) lub anulowaną (cancelled) albo przesuń jej daty".to_string()
        }
        M::PlannedButStarted { .. } => {
            "jeśli już ruszyła, oznacz ją jako w toku (in-progress), a jeśli nie, przesuń datę startu".to_string()
        }
        M::InProgressBeforeStart { .. } => {
            "jeśli jeszcze nie ruszyła, oznacz ją jako zaplanowaną (planned), a jeśli ruszyła, popraw datę startu".to_string()
        }
        M::StartsBeforeDependencyEnds { .. } => {
            "zacznij ją po zakończeniu tamtej albo usuń zależność".to_string()
        }
        M::SpendAfterAsOf { .. } => {
            "popraw datę albo przesuń `as_of`, gdy pieniądze zostaną wydane".to_string()
        }
        M::Overspent { .. } => {
            "przekroczenie liczy się jako wydatek; podnieś budżet (`cost` lub wyceny) albo je uzasadnij".to_string()
        }
        M::DoneWithoutActual { .. } => {
            "dodaj `actual` lub wpisy wydatków; do tego czasu cały jej budżet liczy się jako wydany".to_string()
        }
        M::MeasurementAfterAsOf { .. } => {
            "popraw datę albo przesuń `as_of` (lub `--as-of`), żeby go uwzględnić".to_string()
        }
        M::UpdateBeforeStart { .. } => {
            "popraw datę wpisu albo datę startu inicjatywy, jeśli prace ruszyły wcześniej".to_string()
        }
        M::UpdateAfterAsOf { .. } => {
            "popraw datę albo przesuń `as_of` (lub `--as-of`), żeby go uwzględnić".to_string()
        }
        M::NoPriority { .. } => "nadaj jej `priority` (1 to najwyższy)".to_string(),
        M::GoalUntilBeforePlanYear { .. } => {
            "cel długoterminowy sięga 3–5 lat naprzód: ustaw `until` na planowany rok lub późniejszy".to_string()
        }
        M::UnknownGoalOwner { known, .. } | M::UnknownCommunicationOwner { known, .. } => {
            return known_help(known, "członkowie zespołu", "członków zespołu");
        }
        M::UnknownParent { known, .. } => {
            return known_help(known, "cele długoterminowe", "celów długoterminowych");
        }
        M::ParentNotLong { .. } => {
            "`parent` celu rocznego to cel długoterminowy (horizon = \"long\"), do którego ten cel przybliża".to_string()
        }
        M::UnknownGoalKpi { known, .. } => return known_help(known, "KPI", "KPI"),
        M::UnknownInitiativeGoal { known, .. } | M::UnknownCommunicationGoal { known, .. } => {
            return known_help(known, "cele", "celów");
        }
        M::CommunicationEndBeforeStart { .. } => {
            "popraw `start` albo `end`: `start` to pierwsze wystąpienie, `end` ostatni możliwy termin".to_string()
        }
        M::GoalValueNotBeyondBaseline { .. } => {
            "wartość KPI w celu to poziom, który chcemy osiągnąć do końca celu: lepszy niż `baseline` tego KPI".to_string()
        }
        M::TooManyInFocus { .. } => {
            "w roku skup się na 2–3 celach: pozostałym ustaw `focus = false`".to_string()
        }
        M::FocusGoalWithoutWork { below_line, .. } if below_line.is_empty() => {
            "wpisz ten cel w `goals` inicjatyw, które mu służą, albo zaplanuj nową".to_string()
        }
        M::FocusGoalWithoutWork { .. } => {
            "podnieś priorytet pracy dla tego celu albo limit budżetu, albo zdejmij cel z listy priorytetów".to_string()
        }
        M::ServesNoGoal { .. } => {
            "wpisz w `goals` cele, którym służy, albo zastanów się, czy powinna być w planie".to_string()
        }
        M::UnitValueLowAboveHigh { .. } | M::ExpectedLowAboveHigh { .. } => {
            "zamień `low` i `high` miejscami".to_string()
        }
        M::UnitValueWithoutNote { .. } => {
            "dopisz `note`: skąd ten przedział, np. \"model churnu 2025, finanse\"".to_string()
        }
        M::ExpectedWithoutValue { .. } => {
            "nadaj KPI `value_per_unit = { low, high, note }` albo usuń go z `expected`".to_string()
        }
    };
    vec![line]
}

/// The help of E005 in Polish: `what` and `whom` name the kind in the
/// nominative and the genitive plural.
fn known_help(known: &Known, what: &str, whom: &str) -> Vec<String> {
    match known {
        Known::Suggestion(s) => vec![czy_chodzi(s)],
        Known::Empty => vec![format!("w pliku nie ma żadnych {whom}")],
        Known::Few(ids) => vec![format!("{what} w pliku: {}", ids.join(", "))],
        Known::Many => Vec::new(),
    }
}

fn czy_chodzi(s: &str) -> String {
    format!("czy chodziło o \"{s}\"?")
}

/// An entry's kind in the genitive: `identyfikator inicjatywy …`.
fn genitive(kind: Entry) -> &'static str {
    match kind {
        Entry::Initiative => "inicjatywy",
        Entry::TeamMember => "członka zespołu",
        Entry::Department => "działu",
        Entry::Training => "szkolenia",
        Entry::Kpi => "KPI",
        Entry::Goal => "celu",
        Entry::Communication => "komunikacji",
    }
}

/// ` od "vendor"` in a message about a quote, or nothing.
struct FromVendor<'a>(&'a Option<crate::diag::Text>);

impl fmt::Display for FromVendor<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(v) => write!(f, " od {}", Q(v)),
            None => Ok(()),
        }
    }
}

/// A competency by its name, with the key the file uses: `„Diagnoza i
/// projektowanie doświadczeń” (competency = "design")`.
struct Named(Competency);

impl fmt::Display for Named {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "„{}” (competency = \"{}\")",
            i18n::competency(self.0, Language::Pl),
            self.0.as_str()
        )
    }
}
