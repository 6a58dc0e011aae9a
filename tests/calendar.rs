//! `cxm calendar` through the binary: both shipped examples in every
//! format and both languages (snapshots); the ICS file read back by an
//! independent parser (the `icalendar` crate) and held against the JSON;
//! its physical form (lines of at most 75 octets, CRLF, UIDs unique and the
//! same on every run); and hostile titles.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use icalendar::{Component, DatePerhapsTime};
use insta_cmd::{assert_cmd_snapshot, get_cargo_bin};
use std::collections::HashSet;
use std::path::Path;
use std::process::{Command, Output};

const EXAMPLES: [&str; 2] = ["roadmap.toml.example", "examples/roadmap.pl.toml"];

fn cxm(args: &[&str]) -> Command {
    let mut cmd = Command::new(get_cargo_bin("cxm"));
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .env_remove("CLICOLOR_FORCE");
    cmd
}

fn ok(args: &[&str]) -> Vec<u8> {
    let out = cxm(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn calendar_in_every_format_and_language() {
    for file in EXAMPLES {
        let name = Path::new(file).file_name().unwrap().to_str().unwrap();
        for lang in ["en", "pl"] {
            insta::with_settings!({ snapshot_suffix => format!("{name}-{lang}") }, {
                assert_cmd_snapshot!("table", cxm(&["calendar", file, "--lang", lang]));
                assert_cmd_snapshot!(
                    "ics",
                    cxm(&["calendar", file, "--lang", lang, "--format", "ics"])
                );
            });
        }
        insta::with_settings!({ snapshot_suffix => name.to_string() }, {
            assert_cmd_snapshot!("json", cxm(&["calendar", file, "--format", "json"]));
            assert_cmd_snapshot!("csv", cxm(&["calendar", file, "--format", "csv"]));
            assert_cmd_snapshot!(
                "excel_pl",
                cxm(&["calendar", file, "--excel", "--lang", "pl"])
            );
        });
    }
}

/// The physical lines without their CRLF; fails on a line break that is
/// not CRLF.
fn physical_lines(ics: &[u8]) -> Vec<&[u8]> {
    assert!(ics.ends_with(b"\r\n"), "the last line ends in CRLF");
    ics[..ics.len() - 1]
        .split(|b| *b == b'\n')
        .map(|l| {
            let l = l.strip_suffix(b"\r").expect("LF without CR");
            assert!(!l.contains(&b'\r'), "CR without LF");
            l
        })
        .collect()
}

/// Every physical line of at most 75 octets and whole UTF-8 (a fold never
/// splits a character), every line ending in CRLF.
fn assert_physical_form(ics: &[u8]) {
    for l in physical_lines(ics) {
        assert!(
            l.len() <= 75,
            "{} octets: {}",
            l.len(),
            String::from_utf8_lossy(l)
        );
        std::str::from_utf8(l).expect("a fold split a UTF-8 sequence");
    }
}

/// One event as the parser reads it: UID, start date, end date, summary.
#[derive(Debug, PartialEq, Eq)]
struct Read {
    uid: String,
    start: String,
    end: Option<String>,
    summary: String,
}

fn date_of(d: Option<DatePerhapsTime>) -> Option<String> {
    match d {
        Some(DatePerhapsTime::Date(d)) => Some(d.format("%Y-%m-%d").to_string()),
        Some(other) => panic!("not an all-day date: {other:?}"),
        None => None,
    }
}

/// The ICS read by the `icalendar` crate's parser: the calendar's
/// properties checked, its events returned in file order.
fn parse(ics: &[u8]) -> Vec<Read> {
    let text = std::str::from_utf8(ics).unwrap();
    let cal: icalendar::Calendar = text.parse().expect("the parser reads it");
    assert_eq!(cal.property_value("VERSION"), Some("2.0"));
    assert!(cal.property_value("PRODID").is_some());
    assert_eq!(text.matches("BEGIN:VCALENDAR").count(), 1, "one VCALENDAR");
    cal.components
        .iter()
        .map(|c| {
            let e = c.as_event().expect("only events");
            assert_eq!(
                e.property_value("DTSTAMP"),
                Some("20261115T000000Z"),
                "DTSTAMP is as_of at midnight UTC"
            );
            Read {
                uid: e.get_uid().unwrap().to_string(),
                start: date_of(e.get_start()).expect("DTSTART"),
                end: date_of(e.get_end()),
                summary: e.get_summary().unwrap().to_string(),
            }
        })
        .collect()
}

/// The kind's label in an ICS summary, as the table shows it.
fn label(kind: &str, lang: &str) -> &'static str {
    match (kind, lang) {
        ("start", _) => "Start",
        ("end", "en") => "End",
        ("end", _) => "Koniec",
        ("kpi", "en") => "KPI measurement due",
        ("kpi", _) => "Pomiar KPI",
        ("communication", "en") => "Communication",
        ("communication", _) => "Komunikacja",
        _ => panic!("unknown kind {kind}"),
    }
}

fn next_day(date: &str) -> String {
    let d = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
    d.succ_opt().unwrap().format("%Y-%m-%d").to_string()
}

/// The ICS read back holds exactly the JSON's events, in its order: all
/// day (the next day as DTEND), `UID:KIND-ID-YYYYMMDD@cxm`, the summary
/// in the language asked for.
#[test]
fn the_ics_read_back_is_the_json() {
    for file in EXAMPLES {
        let json: serde_json::Value =
            serde_json::from_slice(&ok(&["calendar", file, "--format", "json"])).unwrap();
        let events = json["events"].as_array().unwrap();
        assert!(events.len() > 20, "{file}: the example has a year of dates");
        for kind in ["start", "end", "kpi", "communication"] {
            assert!(
                events.iter().any(|e| e["kind"] == kind),
                "{file}: no {kind} event"
            );
        }
        for lang in ["en", "pl"] {
            let ics = ok(&["calendar", file, "--format", "ics", "--lang", lang]);
            assert_physical_form(&ics);
            let read = parse(&ics);
            let want: Vec<Read> = events
                .iter()
                .map(|e| {
                    let (date, kind) = (e["date"].as_str().unwrap(), e["kind"].as_str().unwrap());
                    Read {
                        uid: format!(
                            "{kind}-{}-{}@cxm",
                            e["id"].as_str().unwrap(),
                            date.replace('-', "")
                        ),
                        start: date.to_string(),
                        end: Some(next_day(date)),
                        summary: format!("{}: {}", label(kind, lang), e["title"].as_str().unwrap()),
                    }
                })
                .collect();
            assert_eq!(read, want, "{file} --lang {lang}");
            let uids: HashSet<&str> = read.iter().map(|r| r.uid.as_str()).collect();
            assert_eq!(uids.len(), read.len(), "{file}: UIDs are unique");
        }
    }
}

/// The same roadmap gives the same file, byte for byte, on every run:
/// UIDs and DTSTAMP come from the roadmap, never the clock; and the UIDs
/// do not depend on the language.
#[test]
fn the_ics_is_the_same_on_every_run() {
    for file in EXAMPLES {
        let args = ["calendar", file, "--format", "ics"];
        let first = ok(&args);
        std::thread::sleep(std::time::Duration::from_millis(1100));
        assert_eq!(first, ok(&args), "{file}");
        let uids = |ics: &[u8]| -> Vec<String> { parse(ics).into_iter().map(|r| r.uid).collect() };
        let other = ok(&["calendar", file, "--format", "ics", "--lang", "pl"]);
        assert_eq!(uids(&first), uids(&other));
    }
}

/// A roadmap with one initiative of the given title starting and ending
/// in 2027.
fn roadmap_titled(title: &str) -> String {
    format!(
        r#"[roadmap]
plan_year = 2027
as_of = 2026-11-15
language = "pl"

[[team]]
id = "ak"
capacity_days = 100

[[initiatives]]
id = "wrogi-tytuł"
title = {title}
competency = "culture"
area = "cxm"
status = "planned"
owner = "ak"
priority = 1
effort_days = 5
start = 2027-03-01
end = 2027-04-30
cost = 1000
"#
    )
}

fn calendar_of(text: &str, args: &[&str]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("r.toml"), text).unwrap();
    let out = Command::new(get_cargo_bin("cxm"))
        .arg("calendar")
        .arg("r.toml")
        .args(args)
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// `;`, `,`, a backslash and a line break are escaped, and the parser gives
/// the title back whole. (A backslash is followed by a letter other than
/// `n`: the parser unescapes `\\n` wrongly, as a backslash and a line
/// break; the raw escape is checked on its own below.)
#[test]
fn a_hostile_title_is_escaped_and_read_back_whole() {
    let title = "Semi;colon, comma\\back\nsecond line";
    let toml_title = "\"Semi;colon, comma\\\\back\\nsecond line\"";
    let ics = calendar_of(&roadmap_titled(toml_title), &["--format", "ics"]).stdout;
    assert_physical_form(&ics);
    let text = String::from_utf8(ics.clone()).unwrap();
    assert!(
        text.contains("SUMMARY:Start: Semi\\;colon\\, comma\\\\back\\nsecond line\r\n"),
        "{text}"
    );
    let read = parse(&ics);
    assert_eq!(read.len(), 2);
    assert_eq!(read[0].summary, format!("Start: {title}"));
    assert_eq!(read[1].summary, format!("Koniec: {title}"));
    assert_eq!(read[0].uid, "start-wrogi-tytuł-20270301@cxm");
}

/// A long Polish title folds inside multibyte text without splitting a
/// character, and unfolds to the title.
#[test]
fn a_long_polish_title_folds_between_characters() {
    let title = "Źródła żółci: ścieżka klienta po zakupie, ćwiczenia z gęślą jaźnią "
        .repeat(4)
        .trim_end()
        .to_string();
    let ics = calendar_of(
        &roadmap_titled(&format!("\"{title}\"")),
        &["--format", "ics"],
    )
    .stdout;
    assert_physical_form(&ics);
    let folds = physical_lines(&ics)
        .iter()
        .filter(|l| l.starts_with(b" "))
        .count();
    assert!(folds >= 8, "{folds} folds");
    let read = parse(&ics);
    assert_eq!(read[0].summary, format!("Start: {title}"));
}

#[test]
fn no_dates_is_a_calendar_without_events() {
    let text = "[roadmap]\nplan_year = 2027\nas_of = 2026-11-15\n";
    let ics = calendar_of(text, &["--format", "ics"]).stdout;
    assert_physical_form(&ics);
    assert!(parse(&ics).is_empty());
    let json: serde_json::Value =
        serde_json::from_slice(&calendar_of(text, &["--format", "json"]).stdout).unwrap();
    assert_eq!(json, serde_json::json!({ "events": [] }));
    let table = String::from_utf8(calendar_of(text, &[]).stdout).unwrap();
    assert!(table.contains("No dates in the plan year"), "{table}");
}

/// `--output` writes the same bytes as standard output; `--excel` with
/// `--format ics` is refused (exit 2), in the language asked for.
#[test]
fn ics_to_a_file_and_a_refused_combination() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kalendarz.ics");
    let file = EXAMPLES[1];
    let out = cxm(&[
        "calendar",
        file,
        "--format",
        "ics",
        "-o",
        path.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    assert_eq!(
        std::fs::read(&path).unwrap(),
        ok(&["calendar", file, "--format", "ics"])
    );
    let out = cxm(&[
        "calendar", file, "--format", "ics", "--excel", "--lang", "pl",
    ])
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--format ics"), "{err}");
    assert!(err.contains("pomiń"), "{err}");
}

/// The workbook: one sheet of the CSV's lines.
#[test]
fn calendar_as_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k.xlsx");
    let out = cxm(&[
        "calendar",
        EXAMPLES[0],
        "--format",
        "xlsx",
        "-o",
        path.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&path).unwrap();
    assert_eq!(book.sheet_names(), ["Calendar"]);
    let range = book.worksheet_range("Calendar").unwrap();
    let json: serde_json::Value =
        serde_json::from_slice(&ok(&["calendar", EXAMPLES[0], "--format", "json"])).unwrap();
    // A header, then a row per event.
    assert_eq!(range.height(), json["events"].as_array().unwrap().len() + 1);
}
