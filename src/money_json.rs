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
    s.serialize_str(&d.text())
}

pub fn opt_decimal<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&d.text()),
        None => s.serialize_none(),
    }
}

pub fn date<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&iso(*d))
}

/// `2027-03-01`: chrono's `%Y-%m-%d`, written directly for years 0–9999
/// (chrono parses its format string at every call; reports write many dates).
fn iso(d: NaiveDate) -> String {
    use chrono::Datelike as _;
    if (0..=9999).contains(&d.year()) {
        format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
    } else {
        d.format("%Y-%m-%d").to_string()
    }
}

pub fn opt_date<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&iso(*d)),
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
            assert_eq!(iso(date), date.format("%Y-%m-%d").to_string());
        }
    }
}
