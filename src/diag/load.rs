//! The kinds of finding the loader makes (reading, TOML syntax, keys and
//! values one at a time), with their data: the key and its table, the value
//! as written, what the key's declaration expected (its kind, its range),
//! the suggestions and the lists of what is known. Their words are in
//! `render::messages::load`.

use super::Text;
use crate::money::{Decimal, MoneyError};
use crate::roadmap::fields::{Bounds, TableDef, Whole};

/// A finding of the loader.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadMessage {
    /// The TOML reader's error, its message as the reader wrote it.
    Syntax {
        parser: Text,
    },
    /// E001: a date shaped `YYYY-MM-DD` that names no day (`2027-02-30`).
    ImpossibleDate {
        text: Text,
    },
    /// E001: a number written the Polish way (`650 000`, `4,27`): `toml`
    /// is the TOML form (`650000`, `4.27`), `grouped` the form with `_`
    /// between thousands when the text had spaces there.
    LocalNumber {
        key: Text,
        written: Text,
        toml: Text,
        /// Whether the text had spaces between thousands: the message
        /// then also shows `toml` with `_` there.
        grouped: bool,
    },
    /// E001: a date written the Polish way (`01.05.2027`) or without its
    /// leading zeros (`2027-1-11`); `toml` is `YYYY-MM-DD`.
    LocalDate {
        key: Text,
        written: Text,
        toml: Text,
    },
    /// E001: a bare key with letters outside ASCII (`obsługa`); `rest` is
    /// what follows it on its line (`= 10`), `plain` the key without
    /// diacritics (`obsluga`).
    BareKeyNotAscii {
        key: Text,
        rest: Text,
        plain: Text,
    },
    /// A second byte-order mark after the one dropped on reading.
    SecondBom,
    /// The bytes are not UTF-8.
    NotUtf8,
    /// `table` names the table as its declaration does (`[roadmap]`, `an
    /// initiative`); `known` is every key it has, `suggestion` the one
    /// meant, if any is close.
    UnknownKey {
        key: Text,
        table: &'static str,
        known: Names,
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
        goal: Option<Text>,
        key: &'static str,
    },
    WrongType {
        key: Text,
        expected: Expected,
        found: Found,
    },
    /// `[[key]]` written as something else than an array of tables.
    NotTables {
        key: Text,
        found: Found,
    },
    /// An entry of an array of tables that is not a table.
    EntryNotTable {
        key: Text,
        found: Found,
    },
    InvalidId {
        text: Text,
    },
    /// A word outside a closed set; `what` names the set (`status`).
    UnknownChoice {
        what: &'static str,
        text: Text,
        known: Names,
    },
    NotCurrency {
        text: Text,
        suggestion: Option<&'static str>,
    },
    /// E003: a number in quotes (`"20,5"`, `"650 000 zł"`); `toml` is the
    /// number as TOML writes it (`20.5`, `650000`).
    QuotedNumber {
        key: Text,
        expected: Expected,
        toml: Text,
    },
    /// A date with a time or an offset.
    DateWithTime {
        key: Text,
    },
    /// E003 (rev. 2): an `id` or `title` that is empty or only whitespace.
    EmptyText {
        key: Text,
    },
    /// A date in quotes; `date` is the text when it reads as a date.
    QuotedDate {
        key: Text,
        date: Option<Text>,
    },
    BadAmount {
        key: Text,
        error: MoneyError,
    },
    NumberOutOfRange {
        key: Text,
        value: Decimal,
        bounds: &'static Bounds,
    },
    TooManyPlaces {
        key: Text,
    },
    NumberTooLarge {
        key: Text,
    },
    NotFinite {
        key: Text,
        bounds: &'static Bounds,
    },
    /// A whole number outside its range; `text` as written.
    WholeOutOfRange {
        key: Text,
        text: Text,
        range: Whole,
    },
    /// An exchange rate of 0 or less.
    RateNotPositive {
        code: Text,
    },
    /// A code in `[check] allow` that is not a warning.
    NotAllowable {
        text: Text,
        suggestion: Option<&'static str>,
    },
}

/// The words an unknown one could have been: a table's keys, or the words
/// of a closed set. They are listed when the message is rendered, not held
/// by each finding (a table has some thirty keys, and a file can have a
/// million unknown ones).
#[derive(Clone, Copy)]
pub enum Names {
    Keys(&'static TableDef),
    Words(fn() -> Vec<&'static str>),
}

impl Names {
    pub(crate) fn list(self) -> Vec<&'static str> {
        match self {
            Names::Keys(def) => def.names(),
            Names::Words(words) => words(),
        }
    }
}

impl PartialEq for Names {
    fn eq(&self, other: &Names) -> bool {
        self.list() == other.list()
    }
}

impl std::fmt::Debug for Names {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.list()).finish()
    }
}

/// The table a missing key belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Whose {
    Roadmap,
    Member,
    Department,
    /// An initiative, by its id when it has one (and the id is not what is
    /// missing).
    Initiative(Option<Text>),
    Training,
    Kpi,
    Measurement,
    /// A spend entry of the initiative with this id, when it has one.
    Spend(Option<Text>),
    /// A check-in of the initiative with this id, when it has one.
    Update(Option<Text>),
    /// A checkpoint in a KPI's `targets`.
    Checkpoint,
    /// A goal, by its id when it has one (and the id is not what is missing).
    Goal(Option<Text>),
    /// A communication, by its id when it has one (and the id is not what
    /// is missing).
    Communication(Option<Text>),
    /// The `value_per_unit` of the KPI with this id, when it has one.
    ValuePerUnit(Option<Text>),
    /// The change an initiative's `expected` gives for this KPI id.
    Expected(Text),
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
