//! How money, decimals and dates appear in JSON reports (SPEC section 6):
//! money as strings with two decimals, decimals as their exact text, dates as
//! ISO strings, and "no value" as `null`. Used with `#[serde(serialize_with)]`
//! so that `money.rs` stays free of serde.

use crate::money::{Decimal, Money, PLAIN_LEN};
use chrono::NaiveDate;
use serde::Serializer;
use serde::ser::SerializeSeq;

pub(crate) fn money<S: Serializer>(m: &Money, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(m.plain_in(&mut [0; PLAIN_LEN]))
}

pub(crate) fn opt_money<S: Serializer>(m: &Option<Money>, s: S) -> Result<S::Ok, S::Error> {
    match m {
        Some(m) => money(m, s),
        None => s.serialize_none(),
    }
}

/// An amount as a JSON string, written without an intermediate `String`.
struct Plain(Money);

impl serde::Serialize for Plain {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        money(&self.0, s)
    }
}

/// A value's text as one JSON string, formatted on the stack: `collect_str`
/// would escape each piece `fmt` writes on its own, and reports write many
/// short values. Text longer than the buffer goes the long way.
fn short_str<S: Serializer, T: std::fmt::Display>(value: &T, s: S) -> Result<S::Ok, S::Error> {
    let mut short = Short::default();
    if std::fmt::write(&mut short, format_args!("{value}")).is_ok()
        && let Some(text) = short.as_str()
    {
        s.serialize_str(text)
    } else {
        s.collect_str(value)
    }
}

/// A fixed buffer for [`short_str`]; writing past its end fails.
struct Short {
    buf: [u8; 64],
    len: usize,
}

impl Default for Short {
    fn default() -> Self {
        Short {
            buf: [0; 64],
            len: 0,
        }
    }
}

impl Short {
    fn as_str(&self) -> Option<&str> {
        std::str::from_utf8(self.buf.get(..self.len)?).ok()
    }
}

impl std::fmt::Write for Short {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        let slot = self.buf.get_mut(self.len..end).ok_or(std::fmt::Error)?;
        slot.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

pub(crate) fn money_seq<S: Serializer>(ms: &[Money], s: S) -> Result<S::Ok, S::Error> {
    let mut seq = s.serialize_seq(Some(ms.len()))?;
    for m in ms {
        seq.serialize_element(&Plain(*m))?;
    }
    seq.end()
}

pub(crate) fn opt_money_seq<S: Serializer>(
    ms: &Option<[Money; 4]>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match ms {
        Some(ms) => money_seq(ms, s),
        None => s.serialize_none(),
    }
}

pub(crate) fn decimal<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    short_str(d, s)
}

pub(crate) fn opt_decimal<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => short_str(d, s),
        None => s.serialize_none(),
    }
}

pub(crate) fn date<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    match iso_digits(*d) {
        Some(text) => s.serialize_str(std::str::from_utf8(&text).unwrap_or_default()),
        None => short_str(&Iso(*d), s),
    }
}

/// `2027-03-01` as ten ASCII bytes for years 0–9999 (every date a TOML
/// file can hold); `None` for another year. Reports write many dates, and
/// the formatting machinery costs ten times as much.
fn iso_digits(d: NaiveDate) -> Option<[u8; 10]> {
    use chrono::Datelike as _;
    let y = u32::try_from(d.year()).ok().filter(|y| *y <= 9999)?;
    let digit = |n: u32| b'0' + u8::try_from(n % 10).unwrap_or(0);
    Some([
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(d.month() / 10),
        digit(d.month()),
        b'-',
        digit(d.day() / 10),
        digit(d.day()),
    ])
}

/// `2027-03-01`: chrono's `%Y-%m-%d` (for the years [`iso_digits`] leaves).
struct Iso(NaiveDate);

impl std::fmt::Display for Iso {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

pub(crate) fn opt_date<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => date(d, s),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests;
