//! How money, decimals and dates appear in JSON reports (SPEC section 6):
//! money as strings with two decimals, decimals as their exact text, dates as
//! ISO strings, and "no value" as `null`. Used with `#[serde(serialize_with)]`
//! so that `money.rs` stays free of serde.

use crate::money::{Decimal, Money};
use chrono::NaiveDate;
use serde::Serializer;
use serde::ser::SerializeSeq;

pub fn money<S: Serializer>(m: &Money, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&m.plain())
}

pub fn opt_money<S: Serializer>(m: &Option<Money>, s: S) -> Result<S::Ok, S::Error> {
    match m {
        Some(m) => s.serialize_str(&m.plain()),
        None => s.serialize_none(),
    }
}

pub fn money_seq<S: Serializer>(ms: &[Money], s: S) -> Result<S::Ok, S::Error> {
    let mut seq = s.serialize_seq(Some(ms.len()))?;
    for m in ms {
        seq.serialize_element(&m.plain())?;
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
    s.serialize_str(&d.format("%Y-%m-%d").to_string())
}

pub fn opt_date<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&d.format("%Y-%m-%d").to_string()),
        None => s.serialize_none(),
    }
}
