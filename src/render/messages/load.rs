//! The words of the loader's findings. Both languages read the English
//! words for now: the Polish ones come with the language issue, here, from
//! the same data.

use crate::diag::{Code, Expected, Found, LoadMessage as M, Quoted, Whose};
use crate::money::Decimal;
use crate::roadmap::Language;
use crate::roadmap::fields::{Bounds, Whole};

pub(super) fn text(m: &M, _lang: Language) -> String {
    match m {
        M::Syntax { parser } => {
            let first = parser.lines().next().unwrap_or("invalid TOML").trim();
            format!("TOML syntax error: {first}")
        }
        M::ImpossibleDate { text } => {
            format!("{text} is not a date: there is no such day in the calendar")
        }
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
                bounds_text(*bounds)
            )
        }
        M::TooManyPlaces { key } => format!("`{key}` has more than six decimal places"),
        M::NumberTooLarge { key } => format!("`{key}` is too large"),
        M::NotFinite { key, bounds } => {
            format!("`{key}` must be a finite number{}", bounds_text(*bounds))
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

pub(super) fn help(m: &M, _lang: Language) -> Vec<String> {
    let line = match m {
        M::NotUtf8 => {
            "save the roadmap as UTF-8 (without another encoding such as Windows-1250)".into()
        }
        M::UnknownKey {
            suggestion, known, ..
        } => match suggestion {
            Some(s) => did_you_mean(s),
            None => format!("known keys: {}", known.join(", ")),
        },
        M::NoRoadmap => {
            "start the file with [roadmap] and plan_year = <the year being planned>".into()
        }
        M::NotTables { key, .. } => format!("write each entry under its own [[{key}]] header"),
        M::InvalidId { .. } => "an id uses only letters, digits, '-' and '_'".into(),
        M::ImpossibleDate { text } => impossible_date_help(text),
        M::EmptyText { key } if key == "id" => {
            "give it an id of letters, digits, '-' and '_', like cx-board".into()
        }
        M::EmptyText { key } => format!("give it a {key} people will recognise in the reports"),
        M::UnknownChoice {
            suggestion, known, ..
        } => match suggestion {
            Some(s) => did_you_mean(s),
            None => format!("one of: {}", known.join(", ")),
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
        Whose::Spend(Some(id)) => format!("a spend entry of initiative {}", Quoted(id)),
        Whose::Spend(None) => "this spend entry".into(),
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
