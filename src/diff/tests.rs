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

#[test]
fn only_the_check_ins_that_changed_show() {
    // Each check-in an entry (of one word here: equal or not as a whole).
    let s = |t: &str| {
        Some(Value::Entries(
            t.split("; ")
                .map(|e| vec![Word::Text(e.to_string())])
                .collect(),
        ))
    };
    // A new check-in shows alone.
    assert_eq!(
        super::only_changed_items(
            s("2027-03-31 20 %"),
            s("2027-03-31 20 %; 2027-06-30 40 % low")
        ),
        (None, s("2027-06-30 40 % low"))
    );
    // A changed one shows on both sides; the rest does not.
    assert_eq!(
        super::only_changed_items(
            s("2027-03-31 20 %; 2027-06-30 40 %"),
            s("2027-03-31 20 %; 2027-06-30 45 %")
        ),
        (s("2027-06-30 40 %"), s("2027-06-30 45 %"))
    );
    assert_eq!(
        super::only_changed_items(s("2027-03-31 20 %"), None),
        (s("2027-03-31 20 %"), None)
    );
}

#[test]
fn only_the_measurements_that_changed_show() {
    let d = |m| NaiveDate::from_ymd_opt(2026, m, 30).expect("a date");
    let v = |x: i128| Decimal(x * Decimal::SCALE);
    let old = Value::Series(vec![(d(6), v(21))]);
    let new = Value::Series(vec![(d(6), v(21)), (d(9), v(23))]);
    assert_eq!(
        only_changed_items(Some(old.clone()), Some(new)),
        (None, Some(Value::Series(vec![(d(9), v(23))])))
    );
    assert_eq!(
        only_changed_items(Some(old.clone()), None),
        (Some(old), None)
    );
}
