//! `cxm rollover` through the binary, on both example roadmaps: the new
//! file keeps the comments, `check` finds only what a new year's plan is
//! expected to lack, KPI baselines moved, rolling over twice works, and
//! nothing is ever overwritten.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn cxm(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cxm"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

/// The codes `check` finds in `file`, errors and warnings apart.
fn codes(dir: &Path, file: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let out = cxm(dir, &["check", file, "--format", "json"]);
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut errors = BTreeSet::new();
    let mut warnings = BTreeSet::new();
    for f in findings.as_array().unwrap() {
        let code = f["code"].as_str().unwrap().to_string();
        match f["severity"].as_str().unwrap() {
            "error" => errors.insert(code),
            _ => warnings.insert(code),
        };
    }
    (errors, warnings)
}

fn comment_lines(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| l.starts_with('#'))
        .collect()
}

/// Rolls `example` over (as `roadmap.toml` in a fresh directory) and checks
/// the result; `baseline` is a line the new file must have.
fn rolls_over(example: &str, baseline: &str) {
    let dir = tempfile::tempdir().unwrap();
    let source = std::fs::read_to_string(root().join(example)).unwrap();
    std::fs::write(dir.path().join("roadmap.toml"), &source).unwrap();
    let out = cxm(dir.path(), &["rollover"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The source is untouched.
    let after = std::fs::read_to_string(dir.path().join("roadmap.toml")).unwrap();
    assert_eq!(after, source);
    let new = std::fs::read_to_string(dir.path().join("roadmap-2028.toml")).unwrap();
    assert!(new.contains("plan_year = 2028"));
    assert!(new.contains(baseline), "{new}");
    // Comments survive: every one of the new file is the source's, and all
    // but those of dropped initiatives are there.
    let old_comments = comment_lines(&source);
    let new_comments = comment_lines(&new);
    assert!(new_comments.iter().all(|c| old_comments.contains(c)));
    assert!(new_comments.len() + 2 >= old_comments.len(), "{new}");
    assert_eq!(new_comments.first(), old_comments.first());
    // Only what a new year's plan is expected to lack.
    let (errors, warnings) = codes(dir.path(), "roadmap-2028.toml");
    let allowed: BTreeSet<String> = ["E008", "E009", "E010"].map(String::from).into();
    assert!(errors.is_subset(&allowed), "{errors:?}");
    let (_, old_warnings) = codes(dir.path(), "roadmap.toml");
    for w in &warnings {
        assert!(
            old_warnings.contains(w) || w.as_str() >= "W012",
            "a new warning {w} in the rolled-over file"
        );
    }
    // Twice: the new file rolls over again.
    let out = cxm(dir.path(), &["rollover", "roadmap-2028.toml"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let third = std::fs::read_to_string(dir.path().join("roadmap-2029.toml")).unwrap();
    assert!(third.contains("plan_year = 2029"));
}

#[test]
fn the_english_example_rolls_over() {
    rolls_over("roadmap.toml.example", "baseline = 71.5");
}

#[test]
fn the_polish_example_rolls_over() {
    rolls_over("examples/roadmap.pl.toml", "baseline = 4.6");
}

#[test]
fn never_overwrites_and_never_reads_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("roadmap.toml.example"),
        dir.path().join("roadmap.toml"),
    )
    .unwrap();
    std::fs::write(dir.path().join("next.toml"), "mine").unwrap();
    let out = cxm(dir.path(), &["rollover", "--output", "next.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("never overwrites"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("next.toml")).unwrap(),
        "mine"
    );
    // Naming the source itself as the output is the same refusal.
    let out = cxm(dir.path(), &["rollover", "--output", "roadmap.toml"]);
    assert_eq!(out.status.code(), Some(2));
    let out = cxm(dir.path(), &["rollover", "-"]);
    assert_eq!(out.status.code(), Some(2));
    // Nothing else was written.
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["next.toml", "roadmap.toml"]);
}

#[test]
fn the_report_speaks_the_roadmaps_language_or_lang() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("examples/roadmap.pl.toml"),
        dir.path().join("roadmap.toml"),
    )
    .unwrap();
    let out = cxm(dir.path(), &["rollover", "--to", "2029"]);
    let text = String::from_utf8(out.stdout).unwrap();
    insta::assert_snapshot!("rollover_pl", text);
    let out = cxm(dir.path(), &["rollover", "--lang", "en", "-o", "en.toml"]);
    let text = String::from_utf8(out.stdout).unwrap();
    insta::assert_snapshot!("rollover_en", text);
}
