//! The kinds of finding the loader makes (reading, TOML syntax, keys and
//! values one at a time), with their data: the key and its table, the value
//! as written, what the key's declaration expected (its kind, its range),
//! the suggestions and the lists of what is known. Their words are in
//! `render::messages::load`.

use crate::money::{Decimal, MoneyError};
use crate::roadmap::fields::{Bounds, Whole};

/// A finding of the loader.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadMessage {
    /// The TOML reader's error, its message as the reader wrote it.
    Syntax {
        parser: String,
    },
    /// E001: a date shaped `YYYY-MM-DD` that names no day (`2027-02-30`).
    ImpossibleDate {
        text: String,
    },
    /// E001: a number written the Polish way (`650 000`, `4,27`): `toml`
    /// is the TOML form (`650000`, `4.27`), `grouped` the form with `_`
    /// between thousands when the text had spaces there.
    LocalNumber {
        key: String,
        written: String,
        toml: String,
        grouped: Option<String>,
    },
    /// E001: a date written the Polish way (`01.05.2027`) or without its
    /// leading zeros (`2027-1-11`); `toml` is `YYYY-MM-DD`.
    LocalDate {
        key: String,
        written: String,
        toml: String,
    },
    /// E001: a bare key with letters outside ASCII (`obsługa`); `rest` is
    /// what follows it on its line (`= 10`), `plain` the key without
    /// diacritics (`obsluga`).
    BareKeyNotAscii {
        key: String,
        rest: String,
        plain: String,
    },
    /// A second byte-order mark after the one dropped on reading.
    SecondBom,
    /// The bytes are not UTF-8.
    NotUtf8,
    /// `table` names the table as its declaration does (`[roadmap]`, `an
    /// initiative`); `known` is every key it has, `suggestion` the one
    /// meant, if any is close.
    UnknownKey {
        key: String,
        table: &'static str,
        suggestion: Option<&'static str>,
        known: Vec<&'static str>,
    },
    MissingKey {
        key: &'static str,
        whose: Whose,
    },
    /// The file has no `[roadmap]` table.
    NoRoadmap,
    /// E003: `focus` or `parent` (`key`) on a long goal: they belong to
    /// year goals.
    NotForLongGoal {
        goal: Option<String>,
        key: &'static str,
    },
    WrongType {
        key: String,
        expected: Expected,
        found: Found,
    },
    /// `[[key]]` written as something else than an array of tables.
    NotTables {
        key: String,
        found: Found,
    },
    /// An entry of an array of tables that is not a table.
    EntryNotTable {
        key: String,
        found: Found,
    },
    InvalidId {
        text: String,
    },
    /// A word outside a closed set; `what` names the set (`status`).
    UnknownChoice {
        what: &'static str,
        text: String,
        suggestion: Option<&'static str>,
        known: Vec<&'static str>,
    },
    NotCurrency {
        text: String,
        suggestion: Option<&'static str>,
    },
    /// E003: a number in quotes (`"20,5"`, `"650 000 zł"`); `toml` is the
    /// number as TOML writes it (`20.5`, `650000`).
    QuotedNumber {
        key: String,
        expected: Expected,
        toml: String,
    },
    /// A date with a time or an offset.
    DateWithTime {
        key: String,
    },
    /// E003 (rev. 2): an `id` or `title` that is empty or only whitespace.
    EmptyText {
        key: String,
    },
    /// A date in quotes; `date` is the text when it reads as a date.
    QuotedDate {
        key: String,
        date: Option<String>,
    },
    BadAmount {
        key: String,
        error: MoneyError,
    },
    NumberOutOfRange {
        key: String,
        value: Decimal,
        bounds: Bounds,
    },
    TooManyPlaces {
        key: String,
    },
    NumberTooLarge {
        key: String,
    },
    NotFinite {
        key: String,
        bounds: Bounds,
    },
    /// A whole number outside its range; `text` as written.
    WholeOutOfRange {
        key: String,
        text: String,
        range: Whole,
    },
    /// An exchange rate of 0 or less.
    RateNotPositive {
        code: String,
    },
    /// A code in `[check] allow` that is not a warning.
    NotAllowable {
        text: String,
        suggestion: Option<&'static str>,
    },
}

/// The table a missing key belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Whose {
    Roadmap,
    Member,
    Department,
    /// An initiative, by its id when it has one (and the id is not what is
    /// missing).
    Initiative(Option<String>),
    Training,
    Kpi,
    Measurement,
    /// A spend entry of the initiative with this id, when it has one.
    Spend(Option<String>),
    /// A check-in of the initiative with this id, when it has one.
    Update(Option<String>),
    /// A checkpoint in a KPI's `targets`.
    Checkpoint,
    /// A goal, by its id when it has one (and the id is not what is missing).
    Goal(Option<String>),
    /// A communication, by its id when it has one (and the id is not what
    /// is missing).
    Communication(Option<String>),
    /// The `value_per_unit` of the KPI with this id, when it has one.
    ValuePerUnit(Option<String>),
    /// The change an initiative's `expected` gives for this KPI id.
    Expected(String),
}

/// What a value should have been, by the kind its key declares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Text,
    TextList,
    Date,
    Amount,
    Number,
    WholeNumber,
    Table,
    Boolean,
}

/// What a TOML value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    String,
    Integer,
    Float,
    Boolean,
    Datetime,
    Array,
    Table,
}
