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
