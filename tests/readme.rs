//! The outputs the README shows are what the binary prints: a change of
//! output that leaves the README behind fails here.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(dir: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_cxm"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// The part of `text` from the line starting with `from` up to the next
/// blank line (or `until`, exclusive, when given).
fn excerpt(text: &str, from: &str, until: Option<&str>) -> String {
    let i = text
        .find(from)
        .unwrap_or_else(|| panic!("{from:?} not in output"));
    let rest = &text[i..];
    let j = match until {
        Some(u) => rest.find(u).unwrap(),
        None => rest.find("\n\n").unwrap_or(rest.len()),
    };
    rest[..j].trim_end().to_string()
}

#[test]
fn readme_outputs_are_real() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("tests/fixtures/cli/mixed.toml"),
        dir.path().join("roadmap.toml"),
    )
    .unwrap();
    let mut shown = vec![
        run(dir.path(), &["check", "roadmap.toml"])
            .trim_end()
            .to_string(),
        run(&root(), &["check", "roadmap.toml.example"])
            .trim_end()
            .to_string(),
    ];
    let inventory = run(&root(), &["inventory", "roadmap.toml.example"]);
    shown.push(
        inventory
            .lines()
            .find(|l| l.contains("team's days"))
            .unwrap()
            .to_string(),
    );
    let plan = run(&root(), &["plan", "roadmap.toml.example"]);
    shown.push(excerpt(&plan, "Initiatives in priority order", None));
    let kpi = run(&root(), &["kpi", "roadmap.toml.example"]);
    shown.push(excerpt(&kpi, "The customer's eyes", None));
    let budget = run(&root(), &["budget", "roadmap.toml.example"]);
    shown.push(excerpt(
        &budget,
        "By competency",
        Some("Department guidelines"),
    ));
    for s in shown {
        assert!(
            readme.contains(&s),
            "README.md no longer shows what the binary prints:\n{s}"
        );
    }
}
