use super::*;

#[test]
fn formulas_are_defused_and_numbers_are_not() {
    let mut w = CsvWriter::new(None);
    w.header(&["a", "b", "c"]).unwrap();
    w.row(&[
        Cell::text("=SUM(A1)"),
        Cell::Money(Money(-305)),
        Cell::text("x,y"),
    ])
    .unwrap();
    let out = String::from_utf8(w.finish().unwrap()).unwrap();
    assert_eq!(out, "a,b,c\r\n'=SUM(A1),-3.05,\"x,y\"\r\n");
}

#[test]
fn excel_variant() {
    let mut w = CsvWriter::new(crate::roadmap::Language::En);
    w.header(&["a", "b"]).unwrap();
    w.row(&[Cell::text("1;2"), Cell::Money(Money(1_234_560))])
        .unwrap();
    w.row(&[Cell::Decimal(Decimal(12_500_000)), Cell::Empty])
        .unwrap();
    let out = w.finish().unwrap();
    assert_eq!(
        out,
        "\u{feff}a;b\r\n\"1;2\";12345,60\r\n12,5;\r\n".as_bytes()
    );
}

/// The one place that words headers and enumerated values: Polish only in
/// Polish `--excel`; plain CSV in any language and English `--excel` keep
/// the English keys. An unknown key stays as it is.
#[test]
fn words_are_polish_only_in_polish_excel() {
    use crate::roadmap::{Language, Status};
    let write = |excel: Option<Language>| {
        let mut w = CsvWriter::new(excel);
        w.header(&["status", "below_line", "q9"]).unwrap();
        w.row(&[
            Cell::status(Status::InProgress),
            Cell::bool(true),
            Cell::Empty,
        ])
        .unwrap();
        String::from_utf8(w.finish().unwrap()).unwrap()
    };
    assert_eq!(write(None), "status,below_line,q9\r\nin-progress,true,\r\n");
    assert_eq!(
        write(Some(Language::En)),
        "\u{feff}status;below_line;q9\r\nin-progress;true;\r\n"
    );
    assert_eq!(
        write(Some(Language::Pl)),
        "\u{feff}status;pod kreską;q9\r\nw toku;tak;\r\n"
    );
}

/// The formula rule after leading whitespace and line breaks, in plain CSV
/// and `--excel`; numbers and harmless text stay as they are.
#[test]
fn formulas_after_whitespace_are_defused() {
    let cases = [
        (
            " =HYPERLINK(\"https://e.x\")",
            "' =HYPERLINK(\"https://e.x\")",
        ),
        ("   +cmd|' /C calc'!A0", "'   +cmd|' /C calc'!A0"),
        ("\n=cmd", "'\n=cmd"),
        ("\r\n@SUM(1)", "'\r\n@SUM(1)"),
        ("\u{a0}-2+3", "'\u{a0}-2+3"),
        ("\t", "'\t"),
        ("  plain", "  plain"),
        ("a = b", "a = b"),
        ("", ""),
    ];
    for (text, want) in cases {
        assert_eq!(defuse(text), want, "{text:?}");
    }
    for excel in [None, Some(crate::roadmap::Language::Pl)] {
        let mut w = CsvWriter::new(excel);
        w.row(&[Cell::text(" =1+1"), Cell::Money(Money(-305))])
            .unwrap();
        let out = String::from_utf8(w.finish().unwrap()).unwrap();
        assert!(out.contains("' =1+1"), "{out}");
        assert!(out.contains("-3"), "{out}");
        assert!(!out.contains("'-3"), "{out}");
    }
}
