use super::*;

#[test]
fn plain_and_right_aligned() {
    let head = |label: &str, align| Head {
        label: label.into(),
        align,
        importance: 1,
        shortens: false,
    };
    let mut t = new_table(
        &[head("name", Align::Left), head("amount", Align::Right)],
        false,
    );
    t.add_row(row(vec!["a".into(), "1.00".into()], false, true));
    t.add_row(row(vec!["b".into(), "100.00".into()], false, false));
    let s = t.to_string();
    assert!(!s.contains('\u{1b}'), "no escape codes: {s}");
    assert!(s.contains("|   1.00 |") || s.contains("┆   1.00 │"), "{s}");
}
