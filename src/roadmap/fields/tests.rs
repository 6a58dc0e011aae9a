#[test]
fn currencies_are_sorted_for_binary_search() {
    assert!(super::CURRENCIES.windows(2).all(|w| w[0] < w[1]));
}
