use super::*;
use crate::render::columns::{DETAIL, KEY, MAIN};

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

fn h(label: &str, importance: u8, shortens: bool) -> Head {
    Head {
        label: label.into(),
        align: Align::Left,
        importance,
        shortens,
    }
}

fn cells(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|t| (*t).to_string()).collect()
}

/// The columns the fit keeps, by label.
fn kept(heads: &[Head], fit: &Fit) -> Vec<String> {
    fit.kept.iter().map(|&i| heads[i].label.clone()).collect()
}

#[test]
fn no_width_or_room_enough_keeps_everything_whole() {
    let heads = [h("id", KEY, false), h("title", DETAIL, true)];
    let row = cells(&["a", "a rather long title indeed"]);
    let rows = [row.as_slice()];
    for max in [None, Some(80), Some(2 + 26 + frame(2))] {
        let f = fit(&heads, &rows, &[], max);
        assert_eq!(f.kept, [0, 1]);
        assert_eq!(f.widths, [2, 26]);
        assert!(f.left_out.is_empty());
    }
}

#[test]
fn titles_shorten_before_any_column_goes() {
    let heads = [
        h("id", KEY, false),
        h("title", MAIN, true),
        h("n", DETAIL, false),
    ];
    let row = cells(&["a", "a rather long title indeed", "1"]);
    let rows = [row.as_slice()];
    // The whole table is 2 + 26 + 1 + 10 = 39; at 30 the title gives 9.
    let f = fit(&heads, &rows, &[], Some(30));
    assert_eq!(f.kept, [0, 1, 2]);
    assert_eq!(f.widths, [2, 17, 1]);
    assert_eq!(shorten(&row[1], 17), "a rather long ti…");
    assert_eq!(width(&shorten(&row[1], 17)), 17);
}

#[test]
fn columns_go_least_important_first_then_from_the_right_and_key_stays() {
    let heads = [
        h("id", KEY, false),
        h("a", MAIN, false),
        h("b", DETAIL, false),
        h("c", MAIN, false),
        h("d", DETAIL, false),
        h("total", KEY, false),
    ];
    let row = cells(&["x", "1234", "1234", "1234", "1234", "9"]);
    let rows = [row.as_slice()];
    let order = |max| kept(&heads, &fit(&heads, &rows, &[], Some(max)));
    // All: 2 + 4 * 4 + 5 + frame(6) = 42.
    assert_eq!(order(42), ["id", "a", "b", "c", "d", "total"]);
    assert_eq!(order(41), ["id", "a", "b", "c", "total"]);
    assert_eq!(order(34), ["id", "a", "c", "total"]);
    assert_eq!(order(27), ["id", "a", "total"]);
    assert_eq!(order(20), ["id", "total"]);
    // Too narrow for the key columns alone: they stay, the table is wider.
    let f = fit(&heads, &rows, &[], Some(5));
    assert_eq!(kept(&heads, &f), ["id", "total"]);
    assert_eq!(f.left_out, [1, 2, 3, 4]);
}

#[test]
fn room_left_after_a_drop_goes_back_to_the_titles() {
    let heads = [
        h("id", KEY, false),
        h("title", MAIN, true),
        h("wide detail", DETAIL, false),
    ];
    let row = cells(&["x", "a title of thirty columns wide", "1"]);
    let rows = [row.as_slice()];
    // At 40 the title shortened to 16 leaves room for the detail: no drop.
    let f = fit(&heads, &rows, &[], Some(40));
    assert!(f.left_out.is_empty());
    assert_eq!(f.widths, [2, 17, 11]);
    // At 38 it does not: the detail goes, and the title takes the rest.
    let f = fit(&heads, &rows, &[], Some(38));
    assert_eq!(f.left_out, [2]);
    assert_eq!(f.widths, [2, 29]);
}

#[test]
fn widths_are_display_widths() {
    assert_eq!(width("Wiśniewska"), 10);
    assert_eq!(width("日本語"), 6);
    assert_eq!(width("a…—"), 3);
    assert_eq!(width("two\nlines!"), 6);
    assert_eq!(shorten("日本語のタイトル", 7), "日本語…");
    assert_eq!(width(&shorten("日本語のタイトル", 7)), 7);
    assert_eq!(shorten("Zażółć gęślą jaźń", 8), "Zażółć…");
    assert_eq!(shorten("short", 8), "short");
}

#[test]
fn control_and_bidi_characters_show_as_escapes() {
    assert_eq!(inert("plain żółw 日本"), "plain żółw 日本");
    assert_eq!(
        inert("a\u{1b}[2J\u{7}\r\t\u{0}\u{7f}\u{85}b"),
        r"a\u{1b}[2J\u{7}\r\t\0\u{7f}\u{85}b"
    );
    assert_eq!(
        inert("\u{202a}\u{202e}\u{2066}\u{2069}\u{200e}\u{200f}\u{61c}"),
        r"\u{202a}\u{202e}\u{2066}\u{2069}\u{200e}\u{200f}\u{61c}"
    );
    // A combining mark is text, not a control.
    assert_eq!(inert("e\u{301}"), "e\u{301}");
    assert_eq!(inert("two\nlines"), "two\nlines");
}

#[test]
fn a_heading_row_is_cut_to_the_ids_under_it() {
    let heads = [h("id", KEY, false), h("title", MAIN, true)];
    let heading = cells(&["A competency with a long name", ""]);
    let line = cells(&["an-id", "a title"]);
    let rows = [heading.as_slice(), line.as_slice()];
    let f = fit(&heads, &rows, &[true, false], Some(24));
    assert_eq!(f.kept, [0, 1]);
    // The title takes its 7 first; the heading gets what is left: 24-7-7.
    assert_eq!(f.widths, [10, 7]);
    // Without the flag the heading is a row like any other: the title goes.
    let f = fit(&heads, &rows, &[false, false], Some(24));
    assert_eq!(f.kept, [0]);
    // A total's figure is never cut, however wide.
    let heads = [
        h("id", KEY, false),
        Head {
            align: Align::Right,
            ..h("amount", KEY, false)
        },
    ];
    let total = cells(&["Total", "1,234,567.00"]);
    let line = cells(&["a", "1.00"]);
    let rows = [line.as_slice(), total.as_slice()];
    let f = fit(&heads, &rows, &[false, true], Some(10));
    assert_eq!(f.widths[1], 12);
}
