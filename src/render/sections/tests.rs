use super::*;
use crate::render::columns::Align;

fn opts(color: bool, width: Option<usize>) -> RenderOptions {
    RenderOptions {
        format: crate::render::Format::Table,
        lang: crate::roadmap::Language::En,
        color,
        excel: false,
        width,
    }
}

fn doc(rows: Vec<Row>) -> Doc {
    let head = |label: &str, align| Head {
        label: label.into(),
        align,
        importance: 1,
        shortens: false,
    };
    Doc {
        title: "T".into(),
        lines: vec![],
        sections: vec![Section {
            title: "S".into(),
            heads: vec![head("id", Align::Left), head("amount", Align::Right)],
            rows,
            notes: vec!["a note".into()],
        }],
    }
}

#[test]
fn a_rule_is_drawn_between_rows_across_the_table() {
    let d = doc(vec![
        Row::Cells(vec!["a".into(), "1.00".into()], false),
        Row::Rule("cut".into()),
        Row::Cells(vec!["bb\nb".into(), "2.00".into()], false),
    ]);
    let t = table(&d, &opts(false, None));
    let lines: Vec<&str> = t.lines().collect();
    let a = lines.iter().position(|l| l.contains(" a ")).unwrap();
    assert!(lines[a + 1].starts_with("├─cut─"), "{t}");
    assert!(lines[a + 2].contains("bb b"), "{t}");
    let width = |l: &str| l.chars().count();
    assert_eq!(width(lines[a + 1]), width(lines[a]), "{t}");
    assert!(t.ends_with("a note\n"));
}

#[test]
fn a_rule_is_as_wide_as_the_table_with_colour_on() {
    let d = doc(vec![
        Row::Cells(vec!["a".into(), "1.00".into()], true),
        Row::Rule("cut".into()),
    ]);
    let t = table(&d, &opts(true, None));
    assert!(t.contains('\u{1b}'), "styled: {t}");
    let lines: Vec<&str> = t.lines().collect();
    let top = lines.iter().find(|l| l.starts_with('┌')).unwrap();
    let rule = lines.iter().find(|l| l.starts_with("├─cut")).unwrap();
    assert_eq!(rule.chars().count(), top.chars().count(), "{t}");
}

#[test]
fn a_rule_after_the_last_row_sits_above_the_border() {
    let d = doc(vec![
        Row::Cells(vec!["a".into(), "1.00".into()], false),
        Row::Rule("end".into()),
    ]);
    let t = table(&d, &opts(false, None));
    let lines: Vec<&str> = t.lines().collect();
    let a = lines.iter().position(|l| l.contains(" a ")).unwrap();
    assert!(lines[a + 1].starts_with("├─end"), "{t}");
    assert!(lines[a + 2].starts_with('└'), "{t}");
}

#[test]
fn markdown_rule_is_a_bold_row() {
    let d = doc(vec![Row::Rule("cut | here".into())]);
    let m = markdown(&d);
    assert!(m.contains("| **cut \\| here** |  |\n"), "{m}");
}

#[test]
fn a_narrow_table_says_what_it_left_out() {
    let head = |label: &str, importance, shortens| Head {
        label: label.into(),
        align: Align::Left,
        importance,
        shortens,
    };
    use crate::render::columns::{DETAIL, KEY, MAIN};
    let d = Doc {
        title: "T".into(),
        lines: vec!["a line long enough to be wrapped at the width".into()],
        sections: vec![Section {
            title: "S".into(),
            heads: vec![
                head("id", KEY, false),
                head("title", MAIN, true),
                head("detail", DETAIL, false),
            ],
            rows: vec![
                Row::Cells(
                    vec!["a".into(), "a title long enough to cut".into(), "x".into()],
                    false,
                ),
                Row::Rule("a cut line longer than the table is wide".into()),
            ],
            notes: vec![],
        }],
    };
    let t = table(&d, &opts(false, Some(30)));
    let w = unicode_width::UnicodeWidthStr::width;
    for l in t.lines() {
        assert!(w(l) <= 30, "{l:?} in\n{t}");
    }
    assert!(t.contains("│ a  ┆ a title long enough… │"), "{t}");
    // The cut line goes on inside the table's sides, as wide as the table.
    let top = t.lines().find(|l| l.starts_with('┌')).unwrap();
    let rule: Vec<&str> = t
        .lines()
        .skip_while(|l| !l.starts_with("├─a cut"))
        .take(2)
        .collect();
    assert_eq!(rule.len(), 2, "{t}");
    assert!(rule[1].starts_with("│ ") && rule[1].ends_with('│'), "{t}");
    assert!(rule.iter().all(|l| w(l) == w(top)), "{t}");
    let note = "Not shown for lack of room: detail (--wide shows all columns)";
    assert!(t.replace('\n', " ").contains(note), "{t}");
    let mut pl = opts(false, Some(30));
    pl.lang = crate::roadmap::Language::Pl;
    let t = table(&d, &pl).replace('\n', " ");
    assert!(
        t.contains("Pominięte z braku miejsca: detail (--wide pokazuje wszystkie kolumny)"),
        "{t}"
    );
    // Without a width, nothing is cut, left out or wrapped.
    let whole = table(&d, &opts(false, None));
    assert!(whole.contains("a title long enough to cut ┆ x"), "{whole}");
    assert!(!whole.contains("--wide"));
}
