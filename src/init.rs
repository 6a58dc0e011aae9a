//! `cxm init`: a commented starter roadmap in English or Polish that passes
//! `cxm check` as written, so a new user starts from something that works.

use crate::roadmap::Language;
use chrono::{Datelike, NaiveDate};

/// The starter roadmap for the year after `today`.
pub fn starter(lang: Language, today: NaiveDate) -> String {
    let template = match lang {
        Language::En => EN,
        Language::Pl => PL,
    };
    let plan_year = today.year() + 1;
    template
        .replace("{schema}", "./roadmap.schema.json")
        .replace("{as_of}", &today.format("%Y-%m-%d").to_string())
        .replace("{quote_date}", &today.format("%Y-%m-%d").to_string())
        .replace("{year}", &plan_year.to_string())
}

const EN: &str = r#"#:schema {schema}
# The CXM roadmap: what the CX team did, what is under way, and the plan for
# the next year. Check it with `cxm check`; see the budget with `cxm budget`.

[roadmap]
organisation = "Your company"
team = "CX Team"
currency = "PLN"           # ISO 4217 code of every amount
language = "en"            # en | pl: labels and number formatting of reports
plan_year = {year}           # the year being planned
as_of = {as_of}         # the inventory date: the last 12 months end here
markup_percent = 12.5      # added to the average of vendor ranges (10–15 %)
budget_cap = 250000        # the CXM budget limit of the plan year
day_rate = 800             # internal cost of one person-day of the team

# The CX team: owners of CXM initiatives.
[[team]]
id = "cxm"
name = "CX Manager"
role = "CX Manager"
capacity_days = 160        # person-days available for the roadmap

# Departments own CX improvements (area "cx") and budget them themselves.
[[departments]]
id = "care"
name = "Customer Care"
headcount = 50

# One initiative per competency: a healthy plan develops all four each year.
# Area "cxm" builds the organisation's competence and is the CX team's budget.

[[initiatives]]
id = "cx-vision"
title = "CX vision and customer promises"
competency = "governance"
area = "cxm"
status = "planned"         # idea | planned | in-progress | on-hold | done | cancelled
owner = "cxm"
priority = 1               # 1 is highest
start = {year}-01-15
end = {year}-04-30
effort_days = 30
kpi = "Vision approved by the board"      # how success is measured
benefit = "One shared picture of the experience we want to give"

  # Ask vendors for a price range, not a full offer: cxm averages the ranges
  # and adds the markup.
  [[initiatives.quotes]]
  vendor = "Vendor A"
  min = 40000
  max = 55000
  date = {quote_date}

  [[initiatives.quotes]]
  vendor = "Vendor B"
  amount = 50000           # a single figure counts as min = max
  date = {quote_date}

[[initiatives]]
id = "nps-survey"
title = "Relationship NPS survey"
competency = "measurement"
area = "cxm"
status = "planned"
owner = "cxm"
priority = 1
start = {year}-05-04
end = {year}-09-30
effort_days = 25
kpi = "NPS measured every quarter"
benefit = "A trusted baseline for CX decisions"
kpis = ["nps"]
depends_on = ["cx-vision"]

  [[initiatives.quotes]]
  vendor = "Research House A"
  min = 30000
  max = 45000
  date = {quote_date}

  [[initiatives.quotes]]
  vendor = "Research House B"
  min = 35000
  max = 50000
  date = {quote_date}

[[initiatives]]
id = "design-standard"
title = "Standard for journey mapping"
competency = "design"
area = "cxm"
status = "planned"
owner = "cxm"
priority = 2
start = {year}-05-01
end = {year}-09-30
effort_days = 20
kpi = "Every journey map follows the standard"
benefit = "Comparable diagnoses across departments"
cost = 5000                # a fixed cost, added without markup

  [[initiatives.quotes]]
  vendor = "Design Studio A"
  min = 20000
  max = 30000
  date = {quote_date}

  [[initiatives.quotes]]
  vendor = "Design Studio B"
  min = 25000
  max = 32000
  date = {quote_date}

[[initiatives]]
id = "cx-ambassadors"
title = "CX ambassador workshops"
competency = "culture"
area = "cxm"
status = "planned"
owner = "cxm"
priority = 2
start = {year}-03-01
end = {year}-11-30
effort_days = 30
kpi = "An ambassador in every team"
benefit = "Customer-centric habits spread from inside the teams"

  [[initiatives.quotes]]
  vendor = "Training Company A"
  min = 25000
  max = 35000
  date = {quote_date}

  [[initiatives.quotes]]
  vendor = "Training Company B"
  min = 28000
  max = 38000
  date = {quote_date}

# Results on the dashboard: the company's, the customer's and the business's eyes.
[[kpis]]
id = "nps"
name = "Relationship NPS"
group = "customer"         # company | customer | business
unit = "pts"
direction = "up"           # up | down: which way is better
baseline = 10
target = 20
measurements = [
  { date = {as_of}, value = 10 },
]
"#;

const PL: &str = r#"#:schema {schema}
# Roadmapa CXM: co zespół CX zrobił, co trwa i plan na kolejny rok.
# Sprawdź ją poleceniem `cxm check`, budżet pokaże `cxm budget`.
# Klucze są po angielsku i stałe; wartości tekstowe mogą być po polsku.

[roadmap]
organisation = "Twoja firma"
team = "Zespół CX"
currency = "PLN"           # kod waluty ISO 4217 wszystkich kwot
language = "pl"            # en | pl: etykiety i format liczb w raportach
plan_year = {year}           # planowany rok
as_of = {as_of}         # data inwentaryzacji: tu kończy się ostatnie 12 miesięcy
markup_percent = 12.5      # narzut na średnią z widełek dostawców (10–15 %)
budget_cap = 250000        # limit budżetu CXM na planowany rok
day_rate = 800             # wewnętrzny koszt osobodnia zespołu

# Zespół CX: właściciele inicjatyw CXM.
[[team]]
id = "cxm"
name = "Menedżer CX"
role = "Menedżer CX"
capacity_days = 160        # osobodni dostępnych na roadmapę

# Działy odpowiadają za usprawnienia CX (obszar "cx") i same je budżetują.
[[departments]]
id = "obsluga"
name = "Obsługa klienta"
headcount = 50

# Po jednej inicjatywie na kompetencję: zdrowy plan rozwija co roku wszystkie cztery.
# Obszar "cxm" buduje kompetencje organizacji i jest budżetem zespołu CX.

[[initiatives]]
id = "wizja-cx"
title = "Wizja CX i obietnice dla klientów"
competency = "governance"
area = "cxm"
status = "planned"         # idea | planned | in-progress | on-hold | done | cancelled
owner = "cxm"
priority = 1               # 1 to najwyższy priorytet
start = {year}-01-15
end = {year}-04-30
effort_days = 30
kpi = "Wizja zatwierdzona przez zarząd"   # jak mierzymy sukces
benefit = "Wspólny obraz doświadczeń, których chcemy dostarczać"

  # Poproś dostawców o widełki cenowe, nie o pełną ofertę: cxm uśredni
  # widełki i doda narzut.
  [[initiatives.quotes]]
  vendor = "Dostawca A"
  min = 40000
  max = 55000
  date = {quote_date}

  [[initiatives.quotes]]
  vendor = "Dostawca B"
  amount = 50000           # jedna kwota liczy się jako min = max
  date = {quote_date}

[[initiatives]]
id = "badanie-nps"
title = "Relacyjne badanie NPS"
competency = "measurement"
area = "cxm"
status = "planned"
owner = "cxm"
priority = 1
start = {year}-05-04
end = {year}-09-30
effort_days = 25
kpi = "NPS mierzony co kwartał"
benefit = "Wiarygodny punkt odniesienia dla decyzji CX"
kpis = ["nps"]
depends_on = ["wizja-cx"]

  [[initiatives.quotes]]
  vendor = "Instytut Badawczy A"
  min = 30000
  max = 45000
  date = {quote_date}

  [[initiatives.quotes]]
  vendor = "Instytut Badawczy B"
  min = 35000
  max = 50000
  date = {quote_date}

[[initiatives]]
id = "standard-projektowania"
title = "Standard mapowania podróży klienta"
competency = "design"
area = "cxm"
status = "planned"
owner = "cxm"
priority = 2
start = {year}-05-01
end = {year}-09-30
effort_days = 20
kpi = "Każda mapa podróży powstaje według standardu"
benefit = "Porównywalne diagnozy we wszystkich działach"
cost = 5000                # koszt stały, bez narzutu

  [[initiatives.quotes]]
  vendor = "Studio Projektowe A"
  min = 20000
  max = 30000
  date = {quote_date}

  [[initiatives.quotes]]
  vendor = "Studio Projektowe B"
  min = 25000
  max = 32000
  date = {quote_date}

[[initiatives]]
id = "ambasadorzy-cx"
title = "Warsztaty dla ambasadorów CX"
competency = "culture"
area = "cxm"
status = "planned"
owner = "cxm"
priority = 2
start = {year}-03-01
end = {year}-11-30
effort_days = 30
kpi = "Ambasador CX w każdym zespole"
benefit = "Postawy proklienckie szerzone od środka zespołów"

  [[initiatives.quotes]]
  vendor = "Firma Szkoleniowa A"
  min = 25000
  max = 35000
  date = {quote_date}

  [[initiatives.quotes]]
  vendor = "Firma Szkoleniowa B"
  min = 28000
  max = 38000
  date = {quote_date}

# Wyniki na dashboardzie: oczami firmy, klienta i biznesu.
[[kpis]]
id = "nps"
name = "Relacyjny NPS"
group = "customer"         # company | customer | business
unit = "pkt"
direction = "up"           # up | down: który kierunek jest lepszy
baseline = 10
target = 20
measurements = [
  { date = {as_of}, value = 10 },
]
"#;
