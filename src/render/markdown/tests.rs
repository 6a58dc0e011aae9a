use super::*;

#[test]
fn pipes_are_escaped() {
    let head = |label: &str, align| Head {
        label: label.into(),
        align,
        importance: 1,
        shortens: false,
    };
    let t = table(
        &[head("a", Align::Left), head("b", Align::Right)],
        &[vec!["x|y".into(), "1".into()]],
    );
    assert_eq!(t, "| a | b |\n| --- | ---: |\n| x\\|y | 1 |\n");
}

/// The forgeries: raw HTML, a comment, an image, a link and a
/// backslash that would swallow the pipe after it all show as text.
#[test]
fn text_from_the_file_is_inert() {
    let cases = [
        ("<img src=x>", "\\<img src=x\\>"),
        ("<!-- hide", "\\<\\!-- hide"),
        ("Mapwise\\|", "Mapwise\\\\\\|"),
        ("![x](https://e.x/a.png)", "\\!\\[x\\](https://e.x/a.png)"),
        ("<a href=y>approved</a>", "\\<a href=y\\>approved\\</a\\>"),
        (
            "`code` & &amp; *b* _i_ ~s~",
            "\\`code\\` \\& \\&amp; \\*b\\* \\_i\\_ \\~s\\~",
        ),
        ("# title", "\\# title"),
        ("- item", "\\- item"),
        ("  + item", "  \\+ item"),
        ("2027. year", "2027\\. year"),
        ("1) one", "1\\) one"),
        ("C# - 3.05 + 1", "C# - 3.05 + 1"),
        ("effort_days _x_ a_", "effort_days \\_x\\_ a\\_"),
        ("a\r\nb\nc\rd", "a<br>b<br>c<br>d"),
    ];
    for (text, want) in cases {
        assert_eq!(escape_line(text), want, "{text}");
    }
    // A cell or a heading never starts a block: a negative amount stays.
    assert_eq!(escape("-3.05"), "-3.05");
    assert_eq!(escape("# 1. <b>"), "# 1. \\<b\\>");
    assert_eq!(escape_line("-3.05"), "\\-3.05");
}

#[test]
fn a_strong_row_is_bold_around_the_escaped_text() {
    let head = Head {
        label: "a".into(),
        align: Align::Left,
        importance: 1,
        shortens: false,
    };
    let cells = ["*x*".to_string(), String::new()];
    let t = table_with_strong(&[head.clone(), head], &[(&cells[..], true)]);
    assert_eq!(t, "| a | a |\n| --- | --- |\n| **\\*x\\*** |  |\n");
}

#[test]
fn controls_and_bidi_marks_show_as_escapes() {
    assert_eq!(
        escape("a\u{1b}]0;x\u{7}b\u{202e}c"),
        "a\\u{1b}\\]0;x\\u{7}b\\u{202e}c"
    );
}

#[test]
fn a_heading_keeps_its_hashes() {
    // `## Top #` would be the heading "Top": a closing sequence.
    assert_eq!(escape_heading("Top #"), "Top \\#");
    assert_eq!(escape_heading("#1 in NPS"), "\\#1 in NPS");
    assert_eq!(escape_heading("a [link]"), "a \\[link\\]");
}
