use super::*;

/// A key has a reader exactly when [`DIFF`] compares it: one cannot be
/// added without the other.
#[test]
fn diff_reads_exactly_the_keys_it_compares() {
    for &key in InitiativeKey::ALL {
        let compared = DIFF.contains(&Compared::Key(key));
        assert_eq!(
            reader(key).is_some(),
            compared,
            "`{}`: compared by diff but no reader, or a reader but not in DIFF",
            key.name()
        );
    }
}
