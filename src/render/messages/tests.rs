//! Every loader finding has Polish words: one sample of each kind, with
//! each of its shapes of data, rendered in Polish and searched for the
//! English the English words use (outside what is quoted from the file).
//! The rules' findings are covered the same way through the binary by the
//! check cases (`tests/check_cases.rs`).

use super::load;
use crate::diag::{Expected, Found, LoadMessage as M, Names, Whose};
use crate::money::{Decimal, MoneyError};
use crate::roadmap::Language;
use crate::roadmap::fields::{Bounds, Whole};

const ENGLISH: &[&str] = &[
    "must", "the ", " is ", " not ", " an ", "has ", "number", "string", "date ", "table", "valid",
    "unknown", "key", "help", "did you", "known", "give", "write", "one of", "only", "warning",
    "error", "amount", "empty", "large", "file", "quotes",
];

fn samples() -> Vec<M> {
    let d = |v| Decimal::from_int(v).expect("a small number");
    let bounds = [
        Bounds {
            min: None,
            max: None,
        },
        Bounds {
            min: Some(Decimal::ZERO),
            max: None,
        },
        Bounds {
            min: Some(d(1)),
            max: None,
        },
        Bounds {
            min: None,
            max: Some(d(5)),
        },
        Bounds {
            min: Some(d(0)),
            max: Some(d(100)),
        },
    ];
    let mut all = vec![
        M::Syntax {
            parser: "extra `=`, expected nothing".into(),
        },
        M::Syntax {
            parser: "duplicate key `a`".into(),
        },
        M::ImpossibleDate {
            text: "2027-02-30".into(),
        },
        M::ImpossibleDate {
            text: "2027-13-01".into(),
        },
        M::LocalNumber {
            key: "budget_cap".into(),
            written: "650 000".into(),
            toml: "650000".into(),
            grouped: true,
        },
        M::LocalNumber {
            key: "EUR".into(),
            written: "4,27".into(),
            toml: "4.27".into(),
            grouped: false,
        },
        M::LocalDate {
            key: "start".into(),
            written: "01.05.2027".into(),
            toml: "2027-05-01".into(),
        },
        M::BareKeyNotAscii {
            key: "obsługa".into(),
            rest: "= 10".into(),
            plain: "obsluga".into(),
        },
        M::QuotedNumber {
            key: "value".into(),
            expected: Expected::Number,
            toml: "20.5".into(),
        },
        M::SecondBom,
        M::NotUtf8,
        M::UnknownKey {
            key: "idd".into(),
            table: "an initiative",
            known: Names::Words(|| vec!["id"]),
        },
        M::UnknownKey {
            key: "x".into(),
            table: "a [[kpis]] entry",
            known: Names::Words(|| vec!["id"]),
        },
        M::NoRoadmap,
        M::InvalidId { text: "a b".into() },
        M::UnknownChoice {
            what: "status",
            text: "idee".into(),
            known: Names::Words(|| vec!["idea"]),
        },
        M::UnknownChoice {
            what: "status",
            text: "x".into(),
            known: Names::Words(|| vec!["idea"]),
        },
        M::NotCurrency {
            text: "PLX".into(),
            suggestion: Some("PLN"),
        },
        M::NotCurrency {
            text: "QQQ".into(),
            suggestion: None,
        },
        M::DateWithTime {
            key: "start".into(),
        },
        M::EmptyText { key: "id".into() },
        M::EmptyText {
            key: "title".into(),
        },
        M::QuotedDate {
            key: "start".into(),
            date: Some("2027-01-04".into()),
        },
        M::QuotedDate {
            key: "start".into(),
            date: None,
        },
        M::TooManyPlaces {
            key: "value".into(),
        },
        M::NumberTooLarge {
            key: "value".into(),
        },
        M::WholeOutOfRange {
            key: "priority".into(),
            text: "0".into(),
            range: Whole { min: 1, max: None },
        },
        M::WholeOutOfRange {
            key: "level".into(),
            text: "9".into(),
            range: Whole {
                min: 1,
                max: Some(5),
            },
        },
        M::RateNotPositive { code: "EUR".into() },
        M::NotAllowable {
            text: "E004".into(),
            suggestion: Some("W004"),
        },
        M::NotAllowable {
            text: "X".into(),
            suggestion: None,
        },
    ];
    for error in [
        MoneyError::Negative,
        MoneyError::TooManyDecimals,
        MoneyError::TooLarge,
        MoneyError::NotFinite,
    ] {
        all.push(M::BadAmount {
            key: "cost".into(),
            error,
        });
    }
    for b in bounds {
        all.push(M::NumberOutOfRange {
            key: "value".into(),
            value: d(-1),
            bounds: Box::leak(Box::new(b)),
        });
        all.push(M::NotFinite {
            key: "value".into(),
            bounds: Box::leak(Box::new(b)),
        });
    }
    for key in ["focus", "parent"] {
        all.push(M::NotForLongGoal {
            goal: Some("x".into()),
            key,
        });
        all.push(M::NotForLongGoal { goal: None, key });
    }
    for whose in [
        Whose::Roadmap,
        Whose::Member,
        Whose::Department,
        Whose::Initiative(Some("x".into())),
        Whose::Initiative(None),
        Whose::Training,
        Whose::Kpi,
        Whose::Measurement,
        Whose::Checkpoint,
        Whose::Spend(Some("x".into())),
        Whose::Spend(None),
        Whose::Goal(Some("x".into())),
        Whose::Goal(None),
        Whose::Communication(Some("x".into())),
        Whose::Communication(None),
    ] {
        all.push(M::MissingKey { key: "id", whose });
    }
    let expected = [
        Expected::Text,
        Expected::TextList,
        Expected::Date,
        Expected::Amount,
        Expected::Number,
        Expected::WholeNumber,
        Expected::Table,
        Expected::Boolean,
    ];
    let found = [
        Found::String,
        Found::Integer,
        Found::Float,
        Found::Boolean,
        Found::Datetime,
        Found::Array,
        Found::Table,
        Found::String,
    ];
    for (e, f) in expected.into_iter().zip(found) {
        all.push(M::WrongType {
            key: "k".into(),
            expected: e,
            found: f,
        });
        all.push(M::NotTables {
            key: "team".into(),
            found: f,
        });
        all.push(M::EntryNotTable {
            key: "team".into(),
            found: f,
        });
    }
    all
}

/// The words outside quotes, backticks and brackets, as in the check cases.
fn outside_quotes(text: &str) -> String {
    let mut out = String::from(" ");
    let mut inside: Option<char> = None;
    for c in text.chars() {
        match (inside, c) {
            (None, '"') => inside = Some('"'),
            (None, '`') => inside = Some('`'),
            (None, '[') => inside = Some(']'),
            (Some(close), c) if c == close => inside = None,
            (Some(_), _) => {}
            (None, c) => out.push(c),
        }
    }
    out.push(' ');
    out.to_lowercase()
}

#[test]
fn every_loader_finding_speaks_polish() {
    let mut problems = Vec::new();
    for m in samples() {
        let en = load::text(&m, Language::En);
        let pl = load::text(&m, Language::Pl);
        let mut lines = vec![pl.clone()];
        // The parser's own line, quoted when it cannot be translated, is
        // the one English a Polish help may hold (tested below).
        if !matches!(m, M::Syntax { .. }) {
            lines.extend(load::help(&m, Language::Pl));
        }
        assert_ne!(en, pl, "{m:?}");
        for line in lines {
            let words = outside_quotes(&line);
            let found: Vec<&&str> = ENGLISH.iter().filter(|w| words.contains(**w)).collect();
            if !found.is_empty() {
                problems.push(format!("{m:?}: {found:?} in {line}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn an_unknown_parser_line_is_quoted_as_the_parsers() {
    let m = M::Syntax {
        parser: "duplicate key `a`".into(),
    };
    assert_eq!(load::text(&m, Language::Pl), "błąd składni TOML");
    assert_eq!(
        load::help(&m, Language::Pl),
        ["komunikat parsera TOML (po angielsku): duplicate key `a`"]
    );
}

/// Every table `roadmap::fields` declares has its Polish place in an
/// unknown-key message (a new table without one would show its English
/// name in Polish).
#[test]
fn every_table_has_its_polish_place() {
    use crate::roadmap::fields::{self, Kind, TableDef};
    fn walk(def: &'static TableDef, out: &mut Vec<&'static str>) {
        out.push(def.what);
        for f in def.fields {
            match f.kind {
                Kind::Table(inner) | Kind::Tables(inner) | Kind::Scenarios(inner) => {
                    walk(inner, out);
                }
                Kind::Expected => walk(&fields::CHANGE, out),
                Kind::Maturity => {
                    out.push(fields::MATURITY);
                    walk(&fields::MATURITY_LEVEL, out);
                }
                _ => {}
            }
        }
    }
    let mut tables = Vec::new();
    walk(&fields::DOCUMENT, &mut tables);
    assert!(tables.len() >= 20, "{tables:?}");
    for what in tables {
        assert!(load::table_pl_known(what).is_some(), "no Polish for {what}");
    }
}
