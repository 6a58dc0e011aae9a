#[test]
fn decimal_text_is_exact_without_trailing_zeros() {
    for v in [
        0i128,
        1,
        -1,
        10,
        120_000,
        1_000_000,
        -1_500_000,
        12_345_678,
        100_000_001,
        i128::MAX,
        i128::MIN + 1,
    ] {
        let sign = if v < 0 { "-" } else { "" };
        let abs = v.unsigned_abs();
        let (int, frac) = (abs / 1_000_000, abs % 1_000_000);
        let expected = if frac == 0 {
            format!("{sign}{int}")
        } else {
            format!("{sign}{int}.{}", format!("{frac:06}").trim_end_matches('0'))
        };
        assert_eq!(super::Decimal(v).text(), expected, "{v}");
    }
}

#[test]
fn plain_is_the_two_place_text() {
    for v in [
        0i128,
        1,
        -1,
        99,
        100,
        -101,
        123_456_789,
        i128::from(u64::MAX) * 100 + 7,
        i128::MAX,
        i128::MIN + 1,
    ] {
        let sign = if v < 0 { "-" } else { "" };
        let abs = v.unsigned_abs();
        let expected = format!("{sign}{}.{:02}", abs / 100, abs % 100);
        assert_eq!(super::Money(v).plain(), expected);
    }
}

use super::*;

#[test]
fn rounding_is_half_away_from_zero() {
    assert_eq!(div_round(5, 2), Some(3));
    assert_eq!(div_round(-5, 2), Some(-3));
    assert_eq!(div_round(4, 3), Some(1));
    assert_eq!(div_round(-4, 3), Some(-1));
    assert_eq!(div_round(7, -2), Some(-4));
    assert_eq!(div_round(1, 0), None);
}

#[test]
fn floats_read_as_written() {
    let m = money_from_float_text;
    assert_eq!(m("12345.6"), Ok(Money(1_234_560)));
    assert_eq!(m("0.1"), Ok(Money(10)));
    assert_eq!(m("1.005"), Err(MoneyError::TooManyDecimals));
    assert_eq!(m("-1.0"), Err(MoneyError::Negative));
    assert_eq!(m("nan"), Err(MoneyError::NotFinite));
    assert_eq!(m("-inf"), Err(MoneyError::NotFinite));
    assert_eq!(m("1e14"), Err(MoneyError::TooLarge));
    assert_eq!(m("1e13"), Ok(Money(MAX_MINOR)));
    assert_eq!(m("1.5e3"), Ok(Money(150_000)));
    assert_eq!(m("1_000.000_0e-1"), Ok(Money(10_000)));
    assert_eq!(m("12.50"), Ok(Money(1250)));
    assert_eq!(m("-0.0"), Ok(Money(0)));
    assert_eq!(m("0e99999999999999999999"), Ok(Money(0)));
    assert_eq!(m("1e99999999999999999999"), Err(MoneyError::TooLarge));
    // Not a whole number of minor units, however small or however written.
    for t in [
        "1e-17",
        "1e-300",
        "0.001",
        "1.5e-3",
        "1e-99999999999999999999",
    ] {
        assert_eq!(m(t), Err(MoneyError::TooManyDecimals), "{t}");
    }
    assert_eq!(m("-1e-17"), Err(MoneyError::Negative));
    assert_eq!(decimal_from_float(12.5), Ok(Decimal(12_500_000)));
    assert_eq!(decimal_from_float(4.3012), Ok(Decimal(4_301_200)));
    assert_eq!(
        decimal_from_float(0.1234567),
        Err(DecimalError::TooManyPlaces(7))
    );
}

#[test]
fn integers_and_limits() {
    assert_eq!(money_from_int_text("45", 10), Ok(Money(4500)));
    assert_eq!(
        money_from_int_text("10000000000000", 10),
        Ok(Money(MAX_MINOR))
    );
    assert_eq!(
        money_from_int_text("10000000000001", 10),
        Err(MoneyError::TooLarge)
    );
    assert_eq!(
        money_from_int_text("99999999999999999999999999999999999999999", 10),
        Err(MoneyError::TooLarge)
    );
    assert_eq!(money_from_int_text("-1", 10), Err(MoneyError::Negative));
}

#[test]
fn plain_floats_read_as_their_f64() {
    let mut texts: Vec<String> = [
        "0.0",
        "0.5",
        "0.1",
        "0.01",
        "0.10",
        "12.5",
        "12345.6",
        "4.30",
        "1.005",
        "0.3",
        "9999999999999.99",
        "10000000000000.0",
        "10000000000000.1",
        "99999999999999.9",
        "123456789012.345",
        "1234567890123.45",
        "0.000001",
        "0.0000001",
        "1.1234567",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // Numbers of every length and place count a roadmap may hold.
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..20_000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let int_len = (x % 14) as usize + 1;
        let frac_len = ((x >> 8) % 7) as usize + 1;
        let digits = format!("{:024}", x >> 4);
        let int = digits[..int_len].trim_start_matches('0');
        let int = if int.is_empty() { "0" } else { int };
        texts.push(format!("{int}.{}", &digits[int_len..int_len + frac_len]));
    }
    let mut quick_ones = 0;
    for t in &texts {
        let f: f64 = t.parse().unwrap();
        if let Some(quick) = money_from_plain_float(t) {
            assert_eq!(quick, money_from_float_text(t), "money {t}");
            quick_ones += 1;
        }
        if let Some(quick) = decimal_from_plain_float(t) {
            assert_eq!(quick, decimal_from_float(f), "decimal {t}");
        }
    }
    assert!(quick_ones > 4_000, "{quick_ones} amounts read directly");
    assert_eq!(money_from_plain_float("12.5"), Some(Ok(Money(1250))));
    assert_eq!(money_from_plain_float("1.005"), None);
    assert_eq!(money_from_plain_float("1_000.5"), None);
    assert_eq!(money_from_plain_float("1e3"), None);
    assert_eq!(decimal_from_plain_float("-1.5"), None);
}

#[test]
fn plain_text_is_sign_units_point_two_places() {
    let spelled = |m: i128| {
        let abs = m.unsigned_abs();
        let sign = if m < 0 { "-" } else { "" };
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    };
    let edges = [
        0,
        1,
        -1,
        99,
        100,
        -100,
        1_234_560,
        MAX_MINOR,
        -MAX_MINOR,
        i128::from(u64::MAX) * 100 + 99,
        i128::from(u64::MAX) * 100 + 100,
        i128::MAX,
        i128::MIN,
        i128::MIN + 1,
    ];
    let steps = (-20_000..20_000).map(|i: i128| i * 7_919);
    for m in edges.into_iter().chain(steps) {
        assert_eq!(Money(m).plain(), spelled(m), "{m}");
    }
}

#[test]
fn formatting() {
    assert_eq!(Money(1_234_560).plain(), "12345.60");
    assert_eq!(Money(-305).plain(), "-3.05");
    assert_eq!(Decimal(12_500_000).text(), "12.5");
    assert_eq!(Decimal(15_000_000).text(), "15");
    assert_eq!(Decimal(-250_000).text(), "-0.25");
    assert_eq!(Decimal(1_250_000).fixed(1), "1.3");
    assert_eq!(Decimal(-1_250_000).fixed(1), "-1.3");
    assert_eq!(Decimal(250_000).fixed(2), "0.25");
    assert_eq!(
        Money(1000).mul_decimal(Decimal(4_300_000)),
        Some(Money(4300))
    );
}
