//! The manual through the binary: `cxm man` prints cxm(1), `cxm man --dir`
//! writes one page per subcommand besides it, each with its options, and
//! cxm(1) lists every finding code and the exit codes.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn cxm(args: &[&str], dir: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_cxm"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

/// The subcommands, from `cxm --help`.
fn subcommands() -> Vec<String> {
    let out = cxm(&["--help"], &root());
    let text = String::from_utf8(out.stdout).unwrap();
    text.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        // A wrapped description is indented further.
        .filter(|l| !l[2..].starts_with(' '))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_owned)
        .collect()
}

/// The codes of the `codes!` list in `src/diag/mod.rs`.
fn codes() -> Vec<String> {
    let source = std::fs::read_to_string(root().join("src/diag/mod.rs")).unwrap();
    let list = source.split("codes! {").nth(1).unwrap();
    let list = &list[..list.find('}').unwrap()];
    let codes: Vec<String> = list
        .lines()
        .filter_map(|l| l.trim().split_once(':'))
        .map(|(code, _)| code.trim().to_owned())
        .collect();
    assert!(codes.len() > 20, "{codes:?}");
    codes
}

fn write_pages(dir: &Path) {
    let out = cxm(&["man", "--dir", dir.to_str().unwrap()], &root());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn man_dir_writes_a_page_per_subcommand() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("man/man1");
    write_pages(&dir);
    let mut expected: Vec<String> = subcommands().iter().map(|s| format!("cxm-{s}.1")).collect();
    assert!(expected.len() >= 10, "{expected:?}");
    expected.push("cxm.1".to_owned());
    expected.sort();
    let mut found: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    found.sort();
    assert_eq!(found, expected);

    // Each page holds its own command's options (roff escapes `-` as `\-`).
    for (page, options) in [
        (
            "cxm-check.1",
            &["\\-\\-strict", "\\-\\-format", "\\-\\-as\\-of"][..],
        ),
        (
            "cxm-budget.1",
            &["\\-\\-excel", "\\-\\-lang", "\\-\\-year"][..],
        ),
        ("cxm-diff.1", &["\\-\\-output", "OLD", "NEW"][..]),
        ("cxm-report.1", &["\\-\\-html"][..]),
        ("cxm-man.1", &["\\-\\-dir"][..]),
    ] {
        let text = std::fs::read_to_string(dir.join(page)).unwrap();
        let name = page.trim_end_matches(".1");
        assert!(text.contains(&format!(".TH {name} 1")), "{page}:\n{text}");
        for option in options {
            assert!(text.contains(option), "{page} lacks {option}:\n{text}");
        }
    }
    let check = std::fs::read_to_string(dir.join("cxm-check.1")).unwrap();
    assert!(!check.contains("\\-\\-html"), "{check}");

    // Writing again replaces the pages.
    write_pages(&dir);
}

#[test]
fn cxm_1_lists_every_code_and_the_exit_codes() {
    let out = cxm(&["man"], &root());
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains(".TH cxm 1"), "{text}");
    for code in codes() {
        let severity = if code.starts_with('E') {
            "error"
        } else {
            "warning"
        };
        assert!(
            text.contains(&format!("\\fB{code} ({severity})\\fR\n")),
            "{code} missing:\n{text}"
        );
    }
    let exit = text.split(".SH \"EXIT STATUS\"").nth(1).unwrap();
    for status in ["0", "1", "2"] {
        assert!(exit.contains(&format!(".TP\n\\fB{status}\\fR\n")), "{exit}");
    }
    for section in ["FILE FORMAT", "FINDING CODES", "EXAMPLES", "SEE ALSO"] {
        assert!(text.contains(section), "{section}");
    }
    assert!(text.contains("cxm\\-check(1)"), "{text}");

    // The same page as `man --dir` writes.
    let tmp = tempfile::tempdir().unwrap();
    write_pages(tmp.path());
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("cxm.1")).unwrap(),
        text
    );
}

#[test]
fn man_dir_never_overwrites_a_file_that_is_not_a_page() {
    let tmp = tempfile::tempdir().unwrap();
    let roadmap = std::fs::read_to_string(root().join("roadmap.toml.example")).unwrap();
    std::fs::write(tmp.path().join("cxm-plan.1"), &roadmap).unwrap();
    let out = cxm(&["man", "--dir", tmp.path().to_str().unwrap()], &root());
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("not a manual page"), "{err}");
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("cxm-plan.1")).unwrap(),
        roadmap
    );
    // Nothing was written.
    assert!(!tmp.path().join("cxm.1").exists());
}

#[test]
fn man_dir_that_cannot_be_made_is_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("plain");
    std::fs::write(&file, "x").unwrap();
    let out = cxm(
        &["man", "--dir", file.join("man1").to_str().unwrap()],
        &root(),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("cannot create the directory"), "{err}");
}

/// A bonus where `man` is installed: every page renders without a warning.
#[test]
fn pages_render_with_man_when_it_is_there() {
    let Ok(probe) = Command::new("man").arg("--version").output() else {
        return;
    };
    if !probe.status.success() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    write_pages(tmp.path());
    for page in ["cxm.1", "cxm-check.1"] {
        let out = Command::new("man")
            .args(["-l", "--warnings"])
            .arg(tmp.path().join(page))
            .env("MANPAGER", "cat")
            .env("MANWIDTH", "100")
            .output()
            .unwrap();
        assert!(out.status.success(), "{page}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("SYNOPSIS"), "{page}:\n{text}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.trim().is_empty(), "{page}:\n{err}");
    }
}
