//! `cxm check --lang`: the findings in Polish in every format, the
//! machine parts (JSON keys, `code`, `severity`, GitHub's `::error`) in
//! English. Bless a deliberate change with
//! `INSTA_UPDATE=always cargo test --test check_lang` and read the diff.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use insta_cmd::{assert_cmd_snapshot, get_cargo_bin};
use std::process::Command;

const CASE: &str = "tests/cases/check/E005-every-reference.toml";

fn cxm(args: &[&str]) -> Command {
    let mut cmd = Command::new(get_cargo_bin("cxm"));
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE");
    cmd
}

#[test]
fn check_json_in_polish() {
    assert_cmd_snapshot!(cxm(&["check", CASE, "--lang", "pl", "--format", "json"]));
}

#[test]
fn check_github_in_polish() {
    assert_cmd_snapshot!(cxm(&["check", CASE, "--lang", "pl", "--format", "github"]));
}

/// Without `--lang`, a roadmap with `language = "pl"` is checked in Polish,
/// and `--lang en` overrides it.
#[test]
fn the_roadmap_language_is_the_default() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/cases/check/W001-no-owner.toml"),
    )
    .unwrap();
    let polish = text.replacen("[roadmap]\n", "[roadmap]\nlanguage = \"pl\"\n", 1);
    assert_ne!(polish, text, "the case has a [roadmap] line");
    let dir = std::env::temp_dir().join(format!("cxm-check-lang-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("roadmap.toml");
    std::fs::write(&path, polish).unwrap();
    let path = path.to_str().unwrap();
    let default = cxm(&["check", path]).output().unwrap();
    let english = cxm(&["check", path, "--lang", "en"]).output().unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let default = String::from_utf8(default.stdout).unwrap();
    let english = String::from_utf8(english.stdout).unwrap();
    assert!(
        default.contains("ostrzeżenie[W001]: inicjatywa CXM"),
        "{default}"
    );
    assert!(default.contains("0 błędów, 1 ostrzeżenie"), "{default}");
    assert!(
        english.contains("warning[W001]: CXM initiative"),
        "{english}"
    );
}
