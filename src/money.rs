//! Exact money and exact decimals: parsing from TOML values, arithmetic with
//! i128 intermediates, rounding half away from zero, and plain formatting.
//!
//! Money is held in minor units (grosze for PLN). Percentages, exchange
//! rates, days and KPI values are [`Decimal`]s: the decimal written in the
//! file, scaled by 10^6, never its binary approximation.

use std::fmt;

/// Minor units per major unit (every supported currency has two decimals).
pub(crate) const MINOR_PER_MAJOR: i128 = 100;
/// The largest amount accepted in a file, in major units (SPEC section 4).
pub(crate) const MAX_MAJOR: i128 = 10_000_000_000_000;
/// The largest amount accepted, in minor units.
pub(crate) const MAX_MINOR: i128 = MAX_MAJOR * MINOR_PER_MAJOR;

/// An amount of money in minor units.
///
/// Aligned to 8 bytes rather than `i128`'s 16 (`repr(packed(8))`): an
/// optional amount beside a span then takes 32 bytes instead of 48, and a
/// finding that names an amount does not double the alignment of every
/// finding. A large file holds a million initiatives and millions of
/// findings. The value is read by copy (`m.0`); a reference to it cannot
/// be taken, which the compiler enforces.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(Rust, packed(8))]
pub struct Money(pub i128);

impl Money {
    pub const ZERO: Money = Money(0);

    pub fn minor(self) -> i128 {
        self.0
    }

    pub(crate) fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }

    pub(crate) fn checked_sub(self, other: Money) -> Option<Money> {
        self.0.checked_sub(other.0).map(Money)
    }

    /// `round(self × d)`, half away from zero.
    pub(crate) fn mul_decimal(self, d: Decimal) -> Option<Money> {
        let num = self.0.checked_mul(d.0)?;
        div_round(num, Decimal::SCALE).map(Money)
    }

    /// Sums money, `None` on overflow.
    pub(crate) fn sum<I: IntoIterator<Item = Money>>(items: I) -> Option<Money> {
        items
            .into_iter()
            .try_fold(Money::ZERO, |acc, m| acc.checked_add(m))
    }

    /// Plain decimal with a point and two places: `12345.60`, `-3.05`.
    pub fn plain(self) -> String {
        self.to_string()
    }
}

/// The plain text (`-1234.50`), written straight into the output: reports
/// write tens of thousands of amounts.
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.plain_in(&mut [0; PLAIN_LEN]))
    }
}

/// Room for any amount's plain text: a sign, 39 digits, a point, two places.
pub(crate) const PLAIN_LEN: usize = 44;

impl Money {
    /// The plain text (`-1234.50`) written into `buf` from its end, digit by
    /// digit: reports write tens of thousands of amounts, and `fmt` costs
    /// several times as much.
    pub(crate) fn plain_in(self, buf: &mut [u8; PLAIN_LEN]) -> &str {
        let abs = self.0.unsigned_abs();
        let mut at = PLAIN_LEN;
        let mut put = |byte: u8| {
            at -= 1;
            if let Some(slot) = buf.get_mut(at) {
                *slot = byte;
            }
        };
        let cents = (abs % 100) as u8;
        put(b'0' + cents % 10);
        put(b'0' + cents / 10);
        put(b'.');
        let mut int = abs / 100;
        // 64-bit division is much cheaper than 128-bit, and every real
        // amount fits.
        if let Ok(mut small) = u64::try_from(int) {
            loop {
                put(b'0' + (small % 10) as u8);
                small /= 10;
                if small == 0 {
                    break;
                }
            }
        } else {
            loop {
                put(b'0' + (int % 10) as u8);
                int /= 10;
                if int == 0 {
                    break;
                }
            }
        }
        if self.0 < 0 {
            put(b'-');
        }
        buf.get(at..)
            .and_then(|text| std::str::from_utf8(text).ok())
            .unwrap_or_default()
    }
}

/// `round(num / den)` half away from zero; `None` when `den` is 0 or on overflow.
pub(crate) fn div_round(num: i128, den: i128) -> Option<i128> {
    if den == 0 {
        return None;
    }
    let q = num.checked_div(den)?;
    let r = num.checked_rem(den)?;
    // |2r| >= |den| means the remainder is at least half.
    let twice = r.unsigned_abs().checked_mul(2)?;
    if twice >= den.unsigned_abs() {
        let away = if (num < 0) != (den < 0) { -1 } else { 1 };
        q.checked_add(away)
    } else {
        Some(q)
    }
}

/// An exact decimal with six places (value × 10^6), aligned to 8 bytes
/// like [`Money`] (and for the same reason).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(Rust, packed(8))]
pub struct Decimal(pub i128);

impl Decimal {
    pub(crate) const PLACES: u32 = 6;
    pub(crate) const SCALE: i128 = 1_000_000;
    pub(crate) const ZERO: Decimal = Decimal(0);

    pub(crate) fn from_int(v: i128) -> Option<Decimal> {
        v.checked_mul(Self::SCALE).map(Decimal)
    }

    pub(crate) fn checked_add(self, o: Decimal) -> Option<Decimal> {
        self.0.checked_add(o.0).map(Decimal)
    }

    pub(crate) fn checked_sub(self, o: Decimal) -> Option<Decimal> {
        self.0.checked_sub(o.0).map(Decimal)
    }

    /// `num / den` rounded half away from zero to `places` decimals (at
    /// most six); `None` when `den` is 0 or on overflow. Every ratio the
    /// reports show (progress, variance, shares) is this one computation.
    pub(crate) fn ratio(num: i128, den: i128, places: u32) -> Option<Decimal> {
        let places = places.min(Self::PLACES);
        let rounded = div_round(num.checked_mul(10i128.pow(places))?, den)?;
        rounded
            .checked_mul(10i128.pow(Self::PLACES - places))
            .map(Decimal)
    }

    /// `num / den` as a percentage with one decimal.
    pub(crate) fn percent_of(num: i128, den: i128) -> Option<Decimal> {
        Decimal::ratio(num.checked_mul(100)?, den, 1)
    }

    /// The shortest exact text: `12.5`, `15`, `-0.25`.
    pub(crate) fn text(self) -> String {
        self.to_string()
    }

    /// Rounded to `places` decimals (half away from zero), as text with
    /// exactly that many places.
    pub(crate) fn fixed(self, places: u32) -> String {
        let places = places.min(Self::PLACES);
        let div = 10i128.pow(Self::PLACES - places);
        let v = div_round(self.0, div).unwrap_or(0);
        let sign = if v < 0 { "-" } else { "" };
        let abs = v.unsigned_abs();
        if places == 0 {
            return format!("{sign}{abs}");
        }
        let p = 10u128.pow(places);
        format!(
            "{sign}{}.{:0width$}",
            abs / p,
            abs % p,
            width = places as usize
        )
    }

    /// Parses a plain decimal text (`-12.50`, `3`), at most six places.
    pub(crate) fn parse(text: &str) -> Result<Decimal, DecimalError> {
        let (digits, places) = parse_scaled(text)?;
        if places > Self::PLACES {
            return Err(DecimalError::TooManyPlaces(places));
        }
        let scaled = digits
            .checked_mul(10i128.pow(Self::PLACES - places))
            .ok_or(DecimalError::TooLarge)?;
        Ok(Decimal(scaled))
    }
}

/// The exact text: `12.5`, `-3`, `0.000001` (no trailing zeros), written
/// straight into the output.
impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let abs = self.0.unsigned_abs();
        let int = abs / Self::SCALE as u128;
        let mut frac = abs % Self::SCALE as u128;
        if self.0 < 0 {
            f.write_str("-")?;
        }
        match u64::try_from(int) {
            Ok(small) => write!(f, "{small}")?,
            Err(_) => write!(f, "{int}")?,
        }
        if frac == 0 {
            return Ok(());
        }
        // Six places without the zeros at the end.
        let mut places = Self::PLACES;
        while frac.is_multiple_of(10) {
            frac /= 10;
            places -= 1;
        }
        write!(f, ".{frac:0width$}", width = places as usize)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DecimalError {
    NotANumber,
    TooManyPlaces(u32),
    TooLarge,
}

/// Splits a plain decimal text into its digits as an integer and the number
/// of places after the point. Accepts an optional sign and `_` separators.
fn parse_scaled(text: &str) -> Result<(i128, u32), DecimalError> {
    let (neg, body) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, f),
        None => (body, ""),
    };
    if int.is_empty() && frac.is_empty() {
        return Err(DecimalError::NotANumber);
    }
    let mut value: i128 = 0;
    let mut places: u32 = 0;
    let frac_trimmed = frac.trim_end_matches('0');
    for (part, is_frac) in [(int, false), (frac_trimmed, true)] {
        for c in part.chars() {
            if c == '_' {
                continue;
            }
            let d = c.to_digit(10).ok_or(DecimalError::NotANumber)?;
            value = value
                .checked_mul(10)
                .and_then(|v| v.checked_add(i128::from(d)))
                .ok_or(DecimalError::TooLarge)?;
            if is_frac {
                places += 1;
                if places > 30 {
                    return Err(DecimalError::TooManyPlaces(places));
                }
            }
        }
    }
    Ok((if neg { -value } else { value }, places))
}

/// The shortest text that reads back as `f` (Rust's `Display` for `f64`
/// never uses an exponent), so `12.5` stays `12.5` and not its binary value.
pub(crate) fn float_text(f: f64) -> String {
    format!("{f}")
}

/// Why a money value was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoneyError {
    Negative,
    TooManyDecimals,
    TooLarge,
    NotFinite,
}

impl fmt::Display for MoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            MoneyError::Negative => "an amount may not be negative",
            MoneyError::TooManyDecimals => "an amount has at most two decimals",
            MoneyError::TooLarge => "an amount may be at most 10^13",
            MoneyError::NotFinite => "an amount must be a finite number",
        })
    }
}

/// Money from a TOML integer (its decimal text and radix).
pub(crate) fn money_from_int_text(text: &str, radix: u32) -> Result<Money, MoneyError> {
    let v = i128::from_str_radix(text, radix).map_err(|_| MoneyError::TooLarge)?;
    money_from_minor(v.checked_mul(MINOR_PER_MAJOR).ok_or(MoneyError::TooLarge)?)
}

/// Money from a TOML float's text (`12.5`, `1_000.25`, `1.5e3`, `inf`),
/// read exactly: never through an `f64`, whose nearest whole number of
/// minor units would make `1e-17` or `1e-300` an amount of 0.00. An amount
/// that is not a whole number of minor units is refused however it is
/// written (`0.001`, `1.5e-3`, `1e-17`), as is one beyond 10^13; the
/// errors come in the order: not finite, negative, too large, too many
/// decimals. Zeros at either end do not count (`12.50`, `1.000e2`, `-0.0`
/// is 0).
pub(crate) fn money_from_float_text(text: &str) -> Result<Money, MoneyError> {
    let (neg, body) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let (mantissa, exp) = match body.split_once(['e', 'E']) {
        Some((m, e)) => (m, exponent(e)),
        None => (body, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = || int.bytes().chain(frac.bytes()).filter(|&b| b != b'_');
    if mantissa.is_empty() || !digits().all(|b| b.is_ascii_digit()) {
        return Err(MoneyError::NotFinite);
    }
    let frac_len = frac.bytes().filter(|&b| b != b'_').count();
    // The significant digits: no zeros in front, none at the end (each one
    // dropped there raises the scale).
    let all: Vec<u8> = digits().skip_while(|&b| b == b'0').collect();
    let trailing = all.iter().rev().take_while(|&&b| b == b'0').count();
    let sig = &all[..all.len() - trailing];
    if sig.is_empty() {
        return Ok(Money::ZERO);
    }
    if neg {
        return Err(MoneyError::Negative);
    }
    // The value is sig × 10^scale.
    let scale = exp
        .saturating_sub(i64::try_from(frac_len).unwrap_or(i64::MAX))
        .saturating_add(i64::try_from(trailing).unwrap_or(i64::MAX));
    let whole_digits = i64::try_from(sig.len())
        .unwrap_or(i64::MAX)
        .saturating_add(scale);
    if whole_digits > 14 {
        return Err(MoneyError::TooLarge);
    }
    if scale < -2 {
        return Err(MoneyError::TooManyDecimals);
    }
    // At most 16 significant digits and a power of at most 10^16 here.
    let mut minor: i128 = 0;
    for &b in sig {
        minor = minor * 10 + i128::from(b - b'0');
    }
    let power = u32::try_from(scale + 2).map_err(|_| MoneyError::TooManyDecimals)?;
    money_from_minor(
        minor
            .checked_mul(10i128.pow(power))
            .ok_or(MoneyError::TooLarge)?,
    )
}

/// A float's exponent (`-17`, `+3`, `1_0`), saturated far beyond any that
/// matters.
fn exponent(text: &str) -> i64 {
    let (neg, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let mut e: i64 = 0;
    for b in digits.bytes().filter(u8::is_ascii_digit) {
        e = (e * 10 + i64::from(b - b'0')).min(1_000_000_000);
    }
    if neg { -e } else { e }
}

/// A TOML float written as plain digits with a point (`12345.6`: no sign,
/// exponent or underscore) and at most 15 digits in all. Such a text is the
/// shortest text of the `f64` it reads as (up to zeros at its end: an `f64`
/// keeps 15 significant digits), so reading it directly gives what
/// [`money_from_float_text`] and [`decimal_from_float`] give, without the
/// binary round trip. `None` for any other form.
fn plain_float(text: &str) -> Option<&str> {
    let (int, frac) = text.split_once('.')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (digits(int) && digits(frac) && int.len() + frac.len() <= 15).then_some(text)
}

/// [`money_from_float_text`] of a plain float's text (see [`plain_float`])
/// with at most two places, quickly; `None` for other texts.
pub(crate) fn money_from_plain_float(text: &str) -> Option<Result<Money, MoneyError>> {
    let (digits, places) = parse_scaled(plain_float(text)?).ok()?;
    (places <= 2).then(|| {
        digits
            .checked_mul(10i128.pow(2 - places))
            .ok_or(MoneyError::TooLarge)
            .and_then(money_from_minor)
    })
}

/// [`decimal_from_float`] of a plain float's text (see [`plain_float`]);
/// `None` for other texts.
pub(crate) fn decimal_from_plain_float(text: &str) -> Option<Result<Decimal, DecimalError>> {
    plain_float(text).map(Decimal::parse)
}

fn money_from_minor(minor: i128) -> Result<Money, MoneyError> {
    if minor < 0 {
        Err(MoneyError::Negative)
    } else if minor > MAX_MINOR {
        Err(MoneyError::TooLarge)
    } else {
        Ok(Money(minor))
    }
}

/// A decimal from a TOML integer.
pub(crate) fn decimal_from_int_text(text: &str, radix: u32) -> Result<Decimal, DecimalError> {
    let v = i128::from_str_radix(text, radix).map_err(|_| DecimalError::TooLarge)?;
    Decimal::from_int(v).ok_or(DecimalError::TooLarge)
}

/// A decimal from a TOML float, by its shortest text.
pub(crate) fn decimal_from_float(f: f64) -> Result<Decimal, DecimalError> {
    if !f.is_finite() {
        return Err(DecimalError::NotANumber);
    }
    if f.abs() >= 1e20 {
        return Err(DecimalError::TooLarge);
    }
    Decimal::parse(&float_text(f))
}

#[cfg(test)]
mod tests;
