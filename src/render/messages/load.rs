//! The words of the loader's findings, in English and in Polish, made from
//! the same data.
//!
//! In Polish, keys, ids and values stay as written in the file (in
//! backticks or quotes); the table an unknown key was found in is named by
//! [`table_pl`], and the month of an impossible date by its Polish name.

use crate::diag::{Code, Expected, Found, LoadMessage as M, Quoted, Whose, suggest};
use crate::money::{Decimal, MoneyError};
use crate::roadmap::Language;
use crate::roadmap::fields::{Bounds, Whole};
use crate::roadmap::load::grouped;

pub(super) fn text(m: &M, lang: Language) -> String {
    match lang {
        Language::En => text_en(m),
        Language::Pl => text_pl(m),
    }
}

pub(super) fn help(m: &M, lang: Language) -> Vec<String> {
    match lang {
        Language::En => help_en(m),
        Language::Pl => help_pl(m),
    }
}

fn text_en(m: &M) -> String {
    match m {
        M::Syntax { parser } => {
            let first = parser.lines().next().unwrap_or("invalid TOML").trim();
            format!("TOML syntax error: {first}")
        }
        M::ImpossibleDate { text } => {
            format!("{text} is not a date: there is no such day in the calendar")
        }
        M::LocalNumber { written, .. } if written.contains(',') => format!(
            "TOML syntax error: {written} looks like a number with a decimal comma; TOML numbers use a point"
        ),
        M::LocalNumber { written, .. } => format!(
            "TOML syntax error: {written} looks like a number with spaces between thousands; TOML numbers have no spaces"
        ),
        M::LocalDate { written, .. } => format!(
            "TOML syntax error: {written} looks like a date; TOML dates are written YYYY-MM-DD"
        ),
        M::BareKeyNotAscii { key, .. } => format!(
            "TOML syntax error: the key {key} has letters a bare key cannot have (only a-z, A-Z, 0-9, '-' and '_')"
        ),
        M::QuotedNumber { key, expected, .. } => format!(
            "`{key}` must be {}, not {}",
            expected_text(*expected),
            found_text(Found::String)
        ),
        M::EmptyText { key } => format!("`{key}` is empty"),
        M::SecondBom => {
            "TOML syntax error: a byte-order mark is only allowed at the start of the file".into()
        }
        M::NotUtf8 => "the file is not valid UTF-8".into(),
        M::UnknownKey { key, table, .. } => format!("unknown key {} in {table}", Quoted(key)),
        M::MissingKey { key, whose } => {
            format!("{} has no `{key}`, which is required", whose_text(whose))
        }
        M::NoRoadmap => "the file has no [roadmap] table".into(),
        M::NotForLongGoal { goal, key } => match goal {
            Some(id) => format!(
                "long goal {} has `{key}`, which only a year goal takes",
                Quoted(id)
            ),
            None => format!("this long goal has `{key}`, which only a year goal takes"),
        },
        M::WrongType {
            key,
            expected,
            found,
        } => format!(
            "`{key}` must be {}, not {}",
            expected_text(*expected),
            found_text(*found)
        ),
        M::NotTables { key, found } => {
            format!(
                "`{key}` must be an array of tables, not {}",
                found_text(*found)
            )
        }
        M::EntryNotTable { key, found } => {
            format!(
                "each entry of `{key}` must be a table, not {}",
                found_text(*found)
            )
        }
        M::InvalidId { text } => format!("{} is not a valid id", Quoted(text)),
        M::UnknownChoice { what, text, .. } => format!("unknown {what} {}", Quoted(text)),
        M::NotCurrency { text, .. } => {
            format!("{} is not an ISO 4217 currency code", Quoted(text))
        }
        M::DateWithTime { key } => {
            format!("`{key}` must be a date without a time, like 2027-03-01")
        }
        M::QuotedDate { key, .. } => format!("`{key}` must be a date, not a string"),
        M::BadAmount { key, error } => format!("invalid amount in `{key}`: {error}"),
        M::NumberOutOfRange { key, value, bounds } => {
            format!(
                "`{key}` must be a number{}, not {value}",
                bounds_text(**bounds)
            )
        }
        M::TooManyPlaces { key } => format!("`{key}` has more than six decimal places"),
        M::NumberTooLarge { key } => format!("`{key}` is too large"),
        M::NotFinite { key, bounds } => {
            format!("`{key}` must be a finite number{}", bounds_text(**bounds))
        }
        M::WholeOutOfRange { key, text, range } => format!(
            "`{key}` must be a whole number {}, not {text}",
            whole_text(*range)
        ),
        M::RateNotPositive { code } => format!("the rate of {code} must be more than 0"),
        M::NotAllowable { text, .. } => {
            format!("{} is not a warning code that can be allowed", Quoted(text))
        }
    }
}

fn help_en(m: &M) -> Vec<String> {
    let line = match m {
        M::NotUtf8 => {
            "save the roadmap as UTF-8 (without another encoding such as Windows-1250)".into()
        }
        M::UnknownKey { key, known, .. } => match suggest(key, known.list()) {
            Some(s) => did_you_mean(s),
            None => format!("known keys: {}", known.list().join(", ")),
        },
        M::NoRoadmap => {
            "start the file with [roadmap] and plan_year = <the year being planned>".into()
        }
        M::NotForLongGoal { key, .. } if *key == "focus" => {
            "focus marks one of this year's 2–3 goals: put it on a year goal (horizon = \"year\")"
                .into()
        }
        M::NotForLongGoal { .. } => {
            "a long goal has no parent: name it as the parent of its year goals instead".into()
        }
        M::NotTables { key, .. } => format!("write each entry under its own [[{key}]] header"),
        M::InvalidId { .. } => "an id uses only letters, digits, '-' and '_'".into(),
        M::ImpossibleDate { text } => impossible_date_help(text),
        M::LocalNumber {
            key,
            toml,
            grouped: true,
            ..
        } => format!("write it as {key} = {toml} (or {key} = {})", grouped(toml)),
        M::LocalNumber { key, toml, .. } => format!("write it as {key} = {toml}"),
        M::LocalDate { key, toml, .. } => format!("write it as {key} = {toml}"),
        M::BareKeyNotAscii { key, rest, plain } => format!(
            "put the key in quotes, \"{key}\" {rest}, or use the id without Polish letters, {plain}"
        ),
        M::QuotedNumber { key, toml, .. } => {
            format!("write it as a TOML number, without quotes: {key} = {toml}")
        }
        M::EmptyText { key } if &**key == "id" => {
            "give it an id of letters, digits, '-' and '_', like cx-board".into()
        }
        M::EmptyText { key } => format!("give it a {key} people will recognise in the reports"),
        M::UnknownChoice { text, known, .. } => match suggest(text, known.list()) {
            Some(s) => did_you_mean(s),
            None => format!("one of: {}", known.list().join(", ")),
        },
        M::NotCurrency {
            suggestion: Some(s),
            ..
        } => did_you_mean(s),
        M::QuotedDate {
            key,
            date: Some(date),
        } => format!("drop the quotes: {key} = {date}"),
        M::NotAllowable { suggestion, .. } => match suggestion {
            Some(s) => format!("{} (errors cannot be silenced)", did_you_mean(s)),
            None => format!("only warnings {} can be allowed", Code::warning_range()),
        },
        M::Syntax { .. }
        | M::SecondBom
        | M::MissingKey { .. }
        | M::WrongType { .. }
        | M::EntryNotTable { .. }
        | M::NotCurrency {
            suggestion: None, ..
        }
        | M::DateWithTime { .. }
        | M::QuotedDate { date: None, .. }
        | M::BadAmount { .. }
        | M::NumberOutOfRange { .. }
        | M::TooManyPlaces { .. }
        | M::NumberTooLarge { .. }
        | M::NotFinite { .. }
        | M::WholeOutOfRange { .. }
        | M::RateNotPositive { .. } => return Vec::new(),
    };
    vec![line]
}

/// The month's last day when the day is past it, else the form alone:
/// a date is `YYYY-MM-DD`, unquoted.
fn impossible_date_help(text: &str) -> String {
    let part = |r: std::ops::Range<usize>| text.get(r).and_then(|p| p.parse::<u32>().ok());
    let (year, month) = (part(0..4), part(5..7));
    let last_day = year.zip(month).and_then(|(y, m)| {
        let first = chrono::NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, 1)?;
        let next = first.checked_add_months(chrono::Months::new(1))?;
        next.pred_opt()
    });
    match last_day {
        Some(last) => format!(
            "{} has {} days: write a day that exists, as YYYY-MM-DD without quotes, like {}",
            last.format("%B %Y"),
            last.format("%-d"),
            last.format("%Y-%m-%d")
        ),
        None => "a month is 01 to 12: write the date as YYYY-MM-DD without quotes, like 2027-03-01"
            .into(),
    }
}

fn did_you_mean(s: &str) -> String {
    format!("did you mean \"{s}\"?")
}

fn whose_text(whose: &Whose) -> String {
    match whose {
        Whose::Roadmap => "[roadmap]".into(),
        Whose::Member => "this team member".into(),
        Whose::Department => "this department".into(),
        Whose::Initiative(Some(id)) => format!("initiative {}", Quoted(id)),
        Whose::Initiative(None) => "this initiative".into(),
        Whose::Training => "this training".into(),
        Whose::Kpi => "this KPI".into(),
        Whose::Measurement => "this measurement".into(),
        Whose::Checkpoint => "this checkpoint".into(),
        Whose::ValuePerUnit(Some(id)) => format!("the value_per_unit of KPI {}", Quoted(id)),
        Whose::ValuePerUnit(None) => "this value_per_unit".into(),
        Whose::Expected(kpi) => format!("the expected change of KPI {}", Quoted(kpi)),
        Whose::Spend(Some(id)) => format!("a spend entry of initiative {}", Quoted(id)),
        Whose::Spend(None) => "this spend entry".into(),
        Whose::Update(Some(id)) => format!("a check-in of initiative {}", Quoted(id)),
        Whose::Update(None) => "this check-in".into(),
        Whose::Goal(Some(id)) => format!("goal {}", Quoted(id)),
        Whose::Goal(None) => "this goal".into(),
        Whose::Communication(Some(id)) => format!("communication {}", Quoted(id)),
        Whose::Communication(None) => "this communication".into(),
    }
}

fn expected_text(e: Expected) -> &'static str {
    match e {
        Expected::Text => "a string",
        Expected::TextList => "an array of strings",
        Expected::Date => "a date like 2027-03-01",
        Expected::Amount => "an amount (a number)",
        Expected::Number => "a number",
        Expected::WholeNumber => "a whole number",
        Expected::Table => "a table",
        Expected::Boolean => "true or false",
    }
}

fn found_text(f: Found) -> &'static str {
    match f {
        Found::String => "a string",
        Found::Integer => "an integer",
        Found::Float => "a float",
        Found::Boolean => "a boolean",
        Found::Datetime => "a date",
        Found::Array => "an array",
        Found::Table => "a table",
    }
}

/// A decimal's range as messages give it, after "a number".
fn bounds_text(b: Bounds) -> String {
    match (b.min, b.max) {
        (Some(lo), Some(hi)) => format!(" from {lo} to {hi}"),
        (Some(lo), None) if lo == Decimal::ZERO => " of 0 or more".to_string(),
        (Some(lo), None) => format!(" of {lo} or more"),
        (None, Some(hi)) => format!(" of at most {hi}"),
        (None, None) => String::new(),
    }
}

/// A whole number's range as messages give it.
fn whole_text(r: Whole) -> String {
    match r.max {
        Some(max) => format!("from {} to {max}", r.min),
        None => format!("of {} or more", r.min),
    }
}

fn text_pl(m: &M) -> String {
    match m {
        M::Syntax { parser } => {
            let first = parser.lines().next().unwrap_or_default().trim();
            match super::toml_pl::translate(first) {
                Some(said) => format!("błąd składni TOML: {said}"),
                None => "błąd składni TOML".into(),
            }
        }
        M::ImpossibleDate { text } => {
            format!("{text} to nie jest data: takiego dnia nie ma w kalendarzu")
        }
        M::EmptyText { key } => format!("pole `{key}` jest puste"),
        M::SecondBom => {
            "błąd składni TOML: znacznik kolejności bajtów (BOM) może stać tylko na początku pliku"
                .into()
        }
        M::NotUtf8 => "plik nie jest zapisany w UTF-8".into(),
        M::UnknownKey { key, table, .. } => {
            format!("nieznany klucz {} {}", Quoted(key), table_pl(table))
        }
        M::MissingKey { key, whose } => {
            format!("{} nie ma wymaganego klucza `{key}`", whose_pl(whose))
        }
        M::NoRoadmap => "w pliku brakuje tabeli [roadmap]".into(),
        M::NotForLongGoal { goal, key } => match goal {
            Some(id) => format!(
                "cel długoterminowy {} ma klucz `{key}`, który przysługuje tylko celom rocznym",
                Quoted(id)
            ),
            None => format!(
                "ten cel długoterminowy ma klucz `{key}`, który przysługuje tylko celom rocznym"
            ),
        },
        M::WrongType {
            key,
            expected,
            found,
        } => format!(
            "`{key}` ma być {}, a jest {}",
            expected_pl(*expected),
            found_pl(*found)
        ),
        M::NotTables { key, found } => {
            format!("`{key}` ma być tablicą tabel, a jest {}", found_pl(*found))
        }
        M::EntryNotTable { key, found } => {
            format!(
                "każdy wpis `{key}` ma być tabelą, a ten jest {}",
                found_pl(*found)
            )
        }
        M::InvalidId { text } => format!("{} nie jest poprawnym identyfikatorem", Quoted(text)),
        M::UnknownChoice { what, text, .. } => {
            format!("{} nie jest dozwoloną wartością `{what}`", Quoted(text))
        }
        M::NotCurrency { text, .. } => {
            format!("{} nie jest kodem waluty ISO 4217", Quoted(text))
        }
        M::DateWithTime { key } => {
            format!("`{key}` ma być samą datą, bez godziny, np. 2027-03-01")
        }
        M::QuotedDate { key, .. } => format!("`{key}` ma być datą, a nie tekstem"),
        M::LocalNumber { written, .. } if written.contains(',') => format!(
            "błąd składni TOML: {written} wygląda na liczbę z przecinkiem dziesiętnym; w TOML część ułamkową oddziela kropka"
        ),
        M::LocalNumber { written, .. } => format!(
            "błąd składni TOML: {written} wygląda na liczbę ze spacjami między tysiącami; liczby w TOML nie mają spacji"
        ),
        M::LocalDate { written, .. } => format!(
            "błąd składni TOML: {written} wygląda na datę; daty w TOML zapisuje się jako RRRR-MM-DD"
        ),
        M::BareKeyNotAscii { key, .. } => format!(
            "błąd składni TOML: klucz {key} bez cudzysłowu może zawierać tylko a-z, A-Z, 0-9, '-' i '_' (bez polskich znaków)"
        ),
        M::QuotedNumber { key, expected, .. } => format!(
            "`{key}` ma być {}, a jest {}",
            expected_pl(*expected),
            found_pl(Found::String)
        ),
        M::BadAmount { key, error } => {
            format!("niepoprawna kwota w `{key}`: {}", money_error_pl(error))
        }
        M::NumberOutOfRange { key, value, bounds } => {
            format!(
                "`{key}` ma być liczbą{}, a jest {value}",
                bounds_pl(**bounds)
            )
        }
        M::TooManyPlaces { key } => {
            format!("wartość `{key}` ma więcej niż sześć miejsc po przecinku")
        }
        M::NumberTooLarge { key } => format!("wartość `{key}` jest za duża"),
        M::NotFinite { key, bounds } => {
            format!("`{key}` ma być liczbą skończoną{}", bounds_pl(**bounds))
        }
        M::WholeOutOfRange { key, text, range } => format!(
            "`{key}` ma być liczbą całkowitą {}, a jest {text}",
            whole_pl(*range)
        ),
        M::RateNotPositive { code } => format!("kurs {code} musi być większy od 0"),
        M::NotAllowable { text, .. } => {
            format!(
                "{} nie jest kodem ostrzeżenia, które można dopuścić",
                Quoted(text)
            )
        }
    }
}

fn help_pl(m: &M) -> Vec<String> {
    let line = match m {
        M::Syntax { parser } => {
            let first = parser.lines().next().unwrap_or_default().trim();
            match super::toml_pl::translate(first) {
                Some(_) => return Vec::new(),
                None => format!("komunikat parsera TOML (po angielsku): {first}"),
            }
        }
        M::NotUtf8 => "zapisz plan w kodowaniu UTF-8 (nie w innym, np. Windows-1250)".into(),
        M::UnknownKey { key, known, .. } => match suggest(key, known.list()) {
            Some(s) => czy_chodzi(s),
            None => format!("dozwolone klucze: {}", known.list().join(", ")),
        },
        M::NoRoadmap => "zacznij plik od [roadmap] i plan_year = <planowany rok>".into(),
        M::NotForLongGoal { key, .. } if *key == "focus" => {
            "focus oznacza jeden z 2–3 priorytetowych celów roku: ustaw go w celu rocznym (horizon = \"year\")".into()
        }
        M::NotForLongGoal { .. } => {
            "cel długoterminowy nie ma celu nadrzędnego: wskaż go jako parent w jego celach rocznych".into()
        }
        M::NotTables { key, .. } => {
            format!("zapisz każdy wpis pod osobnym nagłówkiem [[{key}]]")
        }
        M::InvalidId { .. } => "identyfikator może zawierać tylko litery, cyfry, '-' i '_'".into(),
        M::ImpossibleDate { text } => impossible_date_pl(text),
        M::LocalNumber {
            key,
            toml,
            grouped: true,
            ..
        } => format!(
            "zapisz tak: {key} = {toml} (albo {key} = {})",
            grouped(toml)
        ),
        M::LocalNumber { key, toml, .. } => format!("zapisz tak: {key} = {toml}"),
        M::LocalDate { key, toml, .. } => format!("zapisz tak: {key} = {toml}"),
        M::BareKeyNotAscii { key, rest, plain } => format!(
            "ujmij klucz w cudzysłów, \"{key}\" {rest}, albo użyj identyfikatora bez polskich znaków, {plain}"
        ),
        M::QuotedNumber { key, toml, .. } => {
            format!("zapisz jako liczbę TOML, bez cudzysłowu: {key} = {toml}")
        }
        M::EmptyText { key } if &**key == "id" => {
            "nadaj identyfikator z liter, cyfr, '-' i '_', np. cx-board".into()
        }
        M::EmptyText { key } => {
            format!("wpisz `{key}`, po którym odbiorcy raportów rozpoznają pozycję")
        }
        M::UnknownChoice { text, known, .. } => match suggest(text, known.list()) {
            Some(s) => czy_chodzi(s),
            None => format!("dozwolone wartości: {}", known.list().join(", ")),
        },
        M::NotCurrency {
            suggestion: Some(s),
            ..
        } => czy_chodzi(s),
        M::QuotedDate {
            key,
            date: Some(date),
        } => format!("usuń cudzysłów: {key} = {date}"),
        M::NotAllowable { suggestion, .. } => match suggestion {
            Some(s) => format!("{} (błędów nie można wyciszyć)", czy_chodzi(s)),
            None => format!("dopuścić można tylko ostrzeżenia {}", Code::warning_range()),
        },
        M::SecondBom
        | M::MissingKey { .. }
        | M::WrongType { .. }
        | M::EntryNotTable { .. }
        | M::NotCurrency {
            suggestion: None, ..
        }
        | M::DateWithTime { .. }
        | M::QuotedDate { date: None, .. }
        | M::BadAmount { .. }
        | M::NumberOutOfRange { .. }
        | M::TooManyPlaces { .. }
        | M::NumberTooLarge { .. }
        | M::NotFinite { .. }
        | M::WholeOutOfRange { .. }
        | M::RateNotPositive { .. } => return Vec::new(),
    };
    vec![line]
}

/// The Polish of [`impossible_date_help`].
fn impossible_date_pl(text: &str) -> String {
    const MONTHS: [&str; 12] = [
        "styczeń",
        "luty",
        "marzec",
        "kwiecień",
        "maj",
        "czerwiec",
        "lipiec",
        "sierpień",
        "wrzesień",
        "październik",
        "listopad",
        "grudzień",
    ];
    use chrono::Datelike as _;
    let part = |r: std::ops::Range<usize>| text.get(r).and_then(|p| p.parse::<u32>().ok());
    let (year, month) = (part(0..4), part(5..7));
    let last_day = year.zip(month).and_then(|(y, m)| {
        let first = chrono::NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, 1)?;
        let next = first.checked_add_months(chrono::Months::new(1))?;
        next.pred_opt()
    });
    let name = last_day.and_then(|d| MONTHS.get(usize::try_from(d.month0()).ok()?));
    match (last_day, name) {
        (Some(last), Some(name)) => format!(
            "{name} {} r. ma {} dni: wpisz istniejący dzień jako RRRR-MM-DD bez cudzysłowu, np. {}",
            last.format("%Y"),
            last.format("%-d"),
            last.format("%Y-%m-%d")
        ),
        _ => "miesiąc to 01–12: zapisz datę jako RRRR-MM-DD bez cudzysłowu, np. 2027-03-01".into(),
    }
}

fn czy_chodzi(s: &str) -> String {
    format!("czy chodziło o \"{s}\"?")
}

/// Where an unknown key was found, as the Polish message says it: the
/// preposition and the table in the locative ("w tabeli [roadmap]", "we
/// wpisie [[kpis]]": "we" before "w" and a consonant). The tables are those
/// of `roadmap::fields`; a table this list does not know is shown as
/// declared, after "w".
fn table_pl(table: &str) -> String {
    table_pl_known(table).map_or_else(|| format!("w {table}"), str::to_string)
}

/// [`table_pl`] for the tables `roadmap::fields` declares (a test holds
/// every one of them here).
pub(super) fn table_pl_known(table: &str) -> Option<&'static str> {
    Some(match table {
        "[roadmap]" => "w tabeli [roadmap]",
        "a [[team]] member" => "we wpisie członka zespołu [[team]]",
        "a [[departments]] entry" => "we wpisie [[departments]]",
        "[maturity]" => "w tabeli [maturity]",
        "a [maturity] table" => "w tabeli poziomów [maturity]",
        "a quote" => "w wycenie dostawcy",
        "a spend entry" => "we wpisie wydatku",
        "a check-in" => "we wpisie postępu",
        "an initiative" => "w inicjatywie",
        "a [[training]] entry" => "we wpisie [[training]]",
        "a measurement" => "w pomiarze",
        "a checkpoint" => "w punkcie kontrolnym",
        "a value_per_unit table" => "w wartości jednostki (value_per_unit)",
        "an expected change" => "w oczekiwanej zmianie (expected)",
        "a [[kpis]] entry" => "we wpisie [[kpis]]",
        "[vision]" => "w tabeli [vision]",
        "a [[goals]] entry" => "we wpisie [[goals]]",
        "a [[communications]] entry" => "we wpisie [[communications]]",
        "a [scenarios] table" => "w scenariuszu [scenarios]",
        "[check]" => "w tabeli [check]",
        "the roadmap file" => "w pliku planu",
        _ => return None,
    })
}

fn whose_pl(whose: &Whose) -> String {
    match whose {
        Whose::Roadmap => "[roadmap]".into(),
        Whose::Member => "ten członek zespołu".into(),
        Whose::Department => "ten dział".into(),
        Whose::Initiative(Some(id)) => format!("inicjatywa {}", Quoted(id)),
        Whose::Initiative(None) => "ta inicjatywa".into(),
        Whose::Training => "to szkolenie".into(),
        Whose::Kpi => "ten KPI".into(),
        Whose::Measurement => "ten pomiar".into(),
        Whose::Checkpoint => "ten punkt kontrolny".into(),
        Whose::ValuePerUnit(Some(id)) => format!("value_per_unit KPI {}", Quoted(id)),
        Whose::ValuePerUnit(None) => "to value_per_unit".into(),
        Whose::Expected(kpi) => format!("oczekiwana zmiana KPI {}", Quoted(kpi)),
        Whose::Spend(Some(id)) => format!("wpis wydatku inicjatywy {}", Quoted(id)),
        Whose::Spend(None) => "ten wpis wydatku".into(),
        Whose::Update(Some(id)) => format!("wpis postępu inicjatywy {}", Quoted(id)),
        Whose::Update(None) => "ten wpis postępu".into(),
        Whose::Goal(Some(id)) => format!("cel {}", Quoted(id)),
        Whose::Goal(None) => "ten cel".into(),
        Whose::Communication(Some(id)) => format!("komunikacja {}", Quoted(id)),
        Whose::Communication(None) => "ta komunikacja".into(),
    }
}

/// What a key must be, in the instrumental after "ma być".
fn expected_pl(e: Expected) -> &'static str {
    match e {
        Expected::Text => "tekstem",
        Expected::TextList => "tablicą tekstów",
        Expected::Date => "datą, np. 2027-03-01",
        Expected::Amount => "kwotą (liczbą)",
        Expected::Number => "liczbą",
        Expected::WholeNumber => "liczbą całkowitą",
        Expected::Table => "tabelą",
        Expected::Boolean => "wartością true albo false",
    }
}

/// What was found, in the instrumental after "a jest".
fn found_pl(f: Found) -> &'static str {
    match f {
        Found::String => "tekstem",
        Found::Integer => "liczbą całkowitą",
        Found::Float => "liczbą dziesiętną",
        Found::Boolean => "wartością logiczną",
        Found::Datetime => "datą",
        Found::Array => "tablicą",
        Found::Table => "tabelą",
    }
}

fn money_error_pl(e: &MoneyError) -> &'static str {
    match e {
        MoneyError::Negative => "kwota nie może być ujemna",
        MoneyError::TooManyDecimals => "kwota ma najwyżej dwa miejsca po przecinku",
        MoneyError::TooLarge => "kwota może wynosić najwyżej 10^13",
        MoneyError::NotFinite => "kwota musi być liczbą skończoną",
    }
}

/// A decimal's range after "liczbą".
fn bounds_pl(b: Bounds) -> String {
    match (b.min, b.max) {
        (Some(lo), Some(hi)) => format!(" od {lo} do {hi}"),
        (Some(lo), None) if lo == Decimal::ZERO => " nieujemną (0 lub więcej)".to_string(),
        (Some(lo), None) => format!(" nie mniejszą niż {lo}"),
        (None, Some(hi)) => format!(" nie większą niż {hi}"),
        (None, None) => String::new(),
    }
}

/// A whole number's range after "liczbą całkowitą".
fn whole_pl(r: Whole) -> String {
    match r.max {
        Some(max) => format!("od {} do {max}", r.min),
        None => format!("nie mniejszą niż {}", r.min),
    }
}
