//! Tables that fit (SPEC section 11, issue 13): every table report run
//! through the binary with `COLUMNS=80` and `COLUMNS=120` (standard output
//! piped, so `COLUMNS` decides) keeps every line within that many columns
//! of display width; the 80-column output is a snapshot in English and
//! Polish. Without `COLUMNS` (and with `--wide`) nothing is cut: the other
//! snapshot tests hold that output. Text from the file is inert in tables
//! (SPEC sections 6 and 13).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::path::{Path, PathBuf};
use std::process::Command;
use unicode_width::UnicodeWidthStr;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The binary's standard output, `COLUMNS` set as given (unset: `None`).
fn cxm(args: &[&str], columns: Option<&str>) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cxm"));
    cmd.args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS");
    if let Some(c) = columns {
        cmd.env("COLUMNS", c);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "cxm {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A newer version of the shipped example for `diff`: a title much longer,
/// a priority and a cost changed.
fn newer_example(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(root().join("roadmap.toml.example")).unwrap();
    let changed = text.replacen(
        "title = \"CX vision and customer promises\"",
        "title = \"CX vision, customer promises and the service principles every branch signs up to\"",
        1,
    );
    assert_ne!(changed, text, "the example still has the title to change");
    let path = dir.join("newer.toml");
    std::fs::write(&path, changed).unwrap();
    path
}

/// The table reports on the shipped examples, as argument lists.
fn reports(newer: &str) -> Vec<(String, Vec<String>)> {
    let mut runs = Vec::new();
    for report in [
        "plan",
        "budget",
        "inventory",
        "kpi",
        "goals",
        "status",
        "calendar",
        "scenarios",
    ] {
        for file in ["roadmap.toml.example", "examples/roadmap.pl.toml"] {
            runs.push((
                format!("{report} {file}"),
                vec![report.to_string(), file.to_string()],
            ));
        }
    }
    runs.push((
        "diff".to_string(),
        vec![
            "diff".to_string(),
            "roadmap.toml.example".to_string(),
            newer.to_string(),
        ],
    ));
    runs
}

fn widest(text: &str) -> (usize, String) {
    text.lines()
        .map(|l| (l.width(), l.to_string()))
        .max_by_key(|(w, _)| *w)
        .unwrap_or_default()
}

#[test]
fn no_line_is_wider_than_columns() {
    let dir = tempfile::tempdir().unwrap();
    let newer = newer_example(dir.path());
    let newer = newer.to_str().unwrap();
    for (name, args) in reports(newer) {
        for lang in ["en", "pl"] {
            for columns in [80, 120] {
                let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
                args.extend(["--lang", lang]);
                let out = cxm(&args, Some(&columns.to_string()));
                let (w, line) = widest(&out);
                assert!(
                    w <= columns,
                    "{name} --lang {lang} at {columns} columns has a line {w} wide:\n{line}\n\n{out}"
                );
            }
        }
    }
}

#[test]
fn the_80_column_tables_as_people_see_them() {
    let dir = tempfile::tempdir().unwrap();
    let newer = newer_example(dir.path());
    let newer = newer.to_str().unwrap();
    for (name, args) in reports(newer) {
        // The Polish example speaks Polish already; the English one in both.
        let langs: &[&str] = if name.contains("roadmap.pl.toml") {
            &["pl"]
        } else {
            &["en", "pl"]
        };
        for lang in langs {
            let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
            args.extend(["--lang", lang]);
            let out = cxm(&args, Some("80")).replace(newer, "newer.toml");
            let snapshot = format!("{}-{lang}", name.replace([' ', '/', '.'], "_"));
            insta::assert_snapshot!(snapshot, out);
        }
    }
}

#[test]
fn wide_and_no_columns_show_every_column_whole() {
    for report in ["plan", "budget", "inventory", "kpi", "goals"] {
        let whole = cxm(&[report, "roadmap.toml.example"], None);
        let wide = cxm(&[report, "roadmap.toml.example", "--wide"], Some("80"));
        assert_eq!(whole, wide, "{report}: --wide is the whole table");
        let narrow = cxm(&[report, "roadmap.toml.example"], Some("80"));
        assert_ne!(whole, narrow, "{report}: COLUMNS=80 narrows it");
        assert!(
            narrow
                .replace('\n', " ")
                .contains("(--wide shows all columns)"),
            "{narrow}"
        );
        assert!(!whole.contains('…'), "{report}: nothing cut:\n{whole}");
        assert!(!whole.contains("--wide"), "{report}: nothing left out");
    }
    // COLUMNS that is not a positive whole number sets no limit.
    for bad in ["0", "abc", "-80", ""] {
        assert_eq!(
            cxm(&["plan", "roadmap.toml.example"], Some(bad)),
            cxm(&["plan", "roadmap.toml.example"], None),
            "COLUMNS={bad:?}"
        );
    }
}

#[test]
fn a_title_from_the_file_cannot_drive_the_terminal() {
    let text = std::fs::read_to_string(root().join("roadmap.toml.example")).unwrap();
    let hostile = text.replacen(
        "title = \"CX vision and customer promises\"",
        r#"title = "Claims\u001b]0;PWNED\u0007\u001b[2J\u001b[H\rAll checks passed\u202e\u2066x""#,
        1,
    );
    assert_ne!(hostile, text);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.toml");
    std::fs::write(&path, hostile).unwrap();
    let path = path.to_str().unwrap();
    for columns in [None, Some("400"), Some("80")] {
        for report in ["plan", "budget"] {
            let out = cxm(&[report, path], columns);
            for raw in ['\u{1b}', '\u{7}', '\r', '\u{202e}', '\u{2066}'] {
                assert!(!out.contains(raw), "{report}: raw {raw:?} in\n{out}");
            }
            // A line break, a lone CR included, is a space in a cell.
            let shown =
                r"Claims\u{1b}]0;PWNED\u{7}\u{1b}[2J\u{1b}[H All checks passed\u{202e}\u{2066}x";
            let expected = if columns == Some("80") {
                "Claims\\u{1b}"
            } else {
                shown
            };
            assert!(
                out.contains(expected),
                "{report}: the title with visible escapes:\n{out}"
            );
        }
    }
}
