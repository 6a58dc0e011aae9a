#[test]
fn currencies_are_sorted_for_binary_search() {
    assert!(super::CURRENCIES.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn a_key_set_holds_keys_in_declaration_order() {
    use super::{InitiativeKey as K, KeySet};
    let mut set = KeySet::<K>::default();
    assert!(set.is_empty());
    set.insert(K::Expected);
    set.insert(K::Id);
    set.insert(K::Cost);
    set.insert(K::Id);
    assert!(!set.is_empty());
    assert!(set.contains(K::Cost));
    assert!(!set.contains(K::Title));
    assert_eq!(
        set.iter().collect::<Vec<_>>(),
        [K::Id, K::Cost, K::Expected]
    );
    assert_eq!(format!("{set:?}"), "[Id, Cost, Expected]");
    assert_eq!(set, [K::Cost, K::Expected, K::Id].into_iter().collect());
}

#[test]
fn the_largest_table_fits_a_key_set() {
    use super::{Key, KeySet};
    // The `table!` macro asserts this at compile time for every table; the
    // largest, said here to fail loudly should the assertion go.
    assert!(super::InitiativeKey::ALL.len() <= KeySet::<super::InitiativeKey>::CAPACITY);
}
