#![allow(clippy::unwrap_used)] // tests fail loudly
use super::*;
use proptest::prelude::*;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn calendar(events: Vec<Event>) -> Calendar {
    Calendar {
        plan_year: 2027,
        as_of: date(2026, 11, 15),
        currency: "PLN".into(),
        events,
    }
}

fn event(kind: EventKind, id: &str, title: &str, d: NaiveDate) -> Event {
    Event {
        date: d,
        kind,
        id: id.into(),
        title: title.into(),
    }
}

/// The physical lines, each without its CRLF; fails on a bare LF or CR.
fn physical_lines(ics: &[u8]) -> Vec<&[u8]> {
    assert!(ics.ends_with(b"\r\n"));
    let body = &ics[..ics.len() - 1];
    let lines: Vec<&[u8]> = body
        .split(|b| *b == b'\n')
        .map(|l| l.strip_suffix(b"\r").expect("every line ends in CRLF"))
        .collect();
    for l in &lines {
        assert!(!l.contains(&b'\r'), "a bare CR");
    }
    lines
}

/// The content lines, unfolded.
fn unfolded(ics: &[u8]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for l in physical_lines(ics) {
        let l = std::str::from_utf8(l).expect("each physical line is whole UTF-8");
        match l.strip_prefix(' ') {
            Some(rest) => out.last_mut().unwrap().push_str(rest),
            None => out.push(l.to_string()),
        }
    }
    out
}

#[test]
fn text_is_escaped_as_rfc_5545_says() {
    assert_eq!(escape_text("a;b,c\\d"), "a\\;b\\,c\\\\d");
    assert_eq!(
        escape_text("one\r\ntwo\nthree\rfour"),
        "one\\ntwo\\nthree\\nfour"
    );
    assert_eq!(escape_text("p\u{2028}q"), "p\\nq");
    assert_eq!(escape_text("tab\there"), "tab here");
    // A control or bidi character: a visible escape, its backslash escaped.
    assert_eq!(
        escape_text("x\u{1b}[2Jy\u{202e}"),
        "x\\\\u{1b}[2Jy\\\\u{202e}"
    );
    assert_eq!(escape_text("Żółć: 漢字"), "Żółć: 漢字");
}

#[test]
fn an_event_is_all_day_with_a_stable_uid_and_the_stamp_of_as_of() {
    let c = calendar(vec![event(
        EventKind::Start,
        "cx-vision",
        "CX vision",
        date(2027, 2, 1),
    )]);
    let text = String::from_utf8(ics(&c, Language::En)).unwrap();
    let want = "BEGIN:VCALENDAR\r\n\
        VERSION:2.0\r\n\
        PRODID:-//cxm//CXM roadmap calendar//EN\r\n\
        CALSCALE:GREGORIAN\r\n\
        METHOD:PUBLISH\r\n\
        X-WR-CALNAME:CXM calendar 2027\r\n\
        BEGIN:VEVENT\r\n\
        UID:start-cx-vision-20270201@cxm\r\n\
        DTSTAMP:20261115T000000Z\r\n\
        DTSTART;VALUE=DATE:20270201\r\n\
        DTEND;VALUE=DATE:20270202\r\n\
        SUMMARY:Start: CX vision\r\n\
        TRANSP:TRANSPARENT\r\n\
        END:VEVENT\r\n\
        END:VCALENDAR\r\n";
    assert_eq!(text, want);
    let pl = String::from_utf8(ics(&c, Language::Pl)).unwrap();
    assert!(pl.contains("\r\nSUMMARY:Start: CX vision\r\n"), "{pl}");
    assert!(pl.contains("X-WR-CALNAME:Kalendarz CXM 2027\r\n"), "{pl}");
}

#[test]
fn the_last_day_of_9999_has_no_dtend() {
    let c = calendar(vec![event(EventKind::End, "x", "X", date(9999, 12, 31))]);
    let text = String::from_utf8(ics(&c, Language::En)).unwrap();
    assert!(text.contains("DTSTART;VALUE=DATE:99991231\r\n"));
    assert!(!text.contains("DTEND"));
}

#[test]
fn no_events_is_a_calendar_without_events() {
    let text = String::from_utf8(ics(&calendar(Vec::new()), Language::En)).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(text.ends_with("X-WR-CALNAME:CXM calendar 2027\r\nEND:VCALENDAR\r\n"));
    assert!(!text.contains("VEVENT"));
}

#[test]
fn long_polish_titles_fold_between_characters() {
    let title = "Zażółć gęślą jaźń – mapa ścieżki klienta po zakupie, \
        wdrożenie w oddziałach i szkolenia; ćwiczenia z żółwiem"
        .repeat(3);
    let c = calendar(vec![event(
        EventKind::Communication,
        "spotkanie",
        &title,
        date(2027, 3, 1),
    )]);
    let bytes = ics(&c, Language::Pl);
    let lines = physical_lines(&bytes);
    assert!(lines.iter().all(|l| l.len() <= 75));
    assert!(lines.iter().filter(|l| l.starts_with(b" ")).count() >= 3);
    let summary = unfolded(&bytes)
        .into_iter()
        .find(|l| l.starts_with("SUMMARY:"))
        .unwrap();
    assert_eq!(
        summary,
        format!("SUMMARY:Komunikacja: {}", escape_text(&title))
    );
}

proptest! {
    /// Any text: every physical line fits in 75 octets, is whole UTF-8,
    /// ends in CRLF, and unfolding gives back the line.
    #[test]
    fn folding_keeps_lines_short_and_whole(s in "\\PC{0,200}") {
        let mut out = Vec::new();
        let line = format!("SUMMARY:{}", escape_text(&s));
        content_line(&mut out, &line);
        let lines = physical_lines(&out);
        prop_assert!(lines.iter().all(|l| l.len() <= FOLD_AT));
        prop_assert_eq!(unfolded(&out), vec![line]);
    }

    /// Unescaping the escaped text, as a reader does, gives the text back
    /// (line breaks as LF, controls as their escapes).
    #[test]
    fn escaping_round_trips(s in "[a-zA-Zżółć;,\\\\\n :]{0,60}") {
        let e = escape_text(&s);
        let mut back = String::new();
        let mut chars = e.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') => back.push('\n'),
                    Some(x) => back.push(x),
                    None => prop_assert!(false, "a trailing backslash"),
                }
            } else {
                prop_assert!(c != ';' && c != ',' && c != '\n', "unescaped {c:?}");
                back.push(c);
            }
        }
        prop_assert_eq!(back, s);
    }
}
