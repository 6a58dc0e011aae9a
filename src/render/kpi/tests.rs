use super::*;

fn d(s: &str) -> Decimal {
    Decimal::parse(s).unwrap()
}

#[test]
fn sparkline_scales_min_to_max() {
    assert_eq!(sparkline(&[]), "");
    assert_eq!(sparkline(&[d("5")]), "▄");
    assert_eq!(sparkline(&[d("5"), d("5")]), "▄▄");
    assert_eq!(sparkline(&[d("68"), d("70"), d("71.5")]), "▁▅█");
    assert_eq!(sparkline(&[d("-1"), d("0"), d("1")]), "▁▅█");
    assert_eq!(sparkline(&[d("9.5"), d("9.1")]), "█▁");
    assert_eq!(sparkline(&[Decimal(i128::MIN), Decimal(i128::MAX)]), "▄▄");
}
