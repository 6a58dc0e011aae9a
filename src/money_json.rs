//! How money, decimals and dates appear in JSON reports (SPEC section 6):
//! money as strings with two decimals, decimals as their exact text, dates as
//! ISO strings, and "no value" as `null`. Used with `#[serde(serialize_with)]`
//! so that `money.rs` stays free of serde.

use crate::money::{Decimal, Money};
use chrono::NaiveDate;
use serde::Serializer;
use serde::ser::SerializeSeq;

pub fn money<S: Serializer>(m: &Money, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(m)
}

pub fn opt_money<S: Serializer>(m: &Option<Money>, s: S) -> Result<S::Ok, S::Error> {
    match m {
        Some(m) => s.collect_str(m),
        None => s.serialize_none(),
    }
}

/// An amount as a JSON string, written without an intermediate `String`.
struct Plain(Money);

impl serde::Serialize for Plain {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

pub fn money_seq<S: Serializer>(ms: &[Money], s: S) -> Result<S::Ok, S::Error> {
    let mut seq = s.serialize_seq(Some(ms.len()))?;
    for m in ms {
        seq.serialize_element(&Plain(*m))?;
    }
    seq.end()
}

pub fn opt_money_seq<S: Serializer>(ms: &Option<[Money; 4]>, s: S) -> Result<S::Ok, S::Error> {
    match ms {
        Some(ms) => money_seq(ms, s),
        None => s.serialize_none(),
    }
}

pub fn decimal<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

pub fn opt_decimal<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.collect_str(d),
        None => s.serialize_none(),
    }
}

pub fn date<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&Iso(*d))
}

/// `2027-03-01`: chrono's `%Y-%m-%d`, written directly for years 0–9999
/// (chrono parses its format string at every call; reports write many dates).
struct Iso(NaiveDate);

impl std::fmt::Display for Iso {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use chrono::Datelike as _;
        let d = self.0;
        if (0..=9999).contains(&d.year()) {
            write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
        } else {
            write!(f, "{}", d.format("%Y-%m-%d"))
        }
    }
}

pub fn opt_date<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.collect_str(&Iso(*d)),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn iso_dates_are_chronos() {
        for (y, m, d) in [
            (2027, 3, 1),
            (1, 1, 1),
            (0, 12, 31),
            (9999, 12, 31),
            (10000, 1, 1),
            (-5, 6, 7),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(Iso(date).to_string(), date.format("%Y-%m-%d").to_string());
        }
    }
}
