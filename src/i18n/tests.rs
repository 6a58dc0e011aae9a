use super::*;

#[test]
fn numbers_per_language() {
    assert_eq!(
        money(Money(1_234_560), "PLN", Language::En),
        "12,345.60 PLN"
    );
    assert_eq!(
        money(Money(1_234_560), "PLN", Language::Pl),
        "12\u{a0}345,60\u{a0}zł"
    );
    assert_eq!(
        money(Money(1_234_560), "EUR", Language::Pl),
        "12\u{a0}345,60\u{a0}EUR"
    );
    assert_eq!(amount(Money(-123_456_789), Language::En), "-1,234,567.89");
    assert_eq!(amount(Money(5), Language::En), "0.05");
    assert_eq!(amount(Money(99_999), Language::Pl), "999,99");
    assert_eq!(amount(Money(100_000), Language::Pl), "1\u{a0}000,00");
    assert_eq!(percent(Decimal(12_500_000), Language::Pl), "12,5\u{a0}%");
    assert_eq!(percent(Decimal(15_000_000), Language::En), "15%");
}

#[test]
fn competency_labels() {
    assert_eq!(
        competency(Competency::Governance, Language::Pl),
        "CX Governance (ład CX)"
    );
    assert_eq!(
        competency(Competency::Culture, Language::En),
        "Customer-centric culture and attitudes"
    );
}
