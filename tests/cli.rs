//! Behaviour through the binary: snapshots of real output (with the exit
//! code) reviewed as data. Bless a deliberate change with
//! `INSTA_UPDATE=always cargo test --test cli` and read the diff.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use insta_cmd::{assert_cmd_snapshot, get_cargo_bin};
use std::process::Command;

fn cxm(args: &[&str]) -> Command {
    let mut cmd = Command::new(get_cargo_bin("cxm"));
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        // Tables fit COLUMNS when it is set: these snapshots are whole.
        .env_remove("COLUMNS");
    cmd
}

#[test]
fn check_human() {
    assert_cmd_snapshot!(cxm(&["check", "tests/fixtures/cli/mixed.toml"]));
}

#[test]
fn check_json() {
    assert_cmd_snapshot!(cxm(&[
        "check",
        "tests/fixtures/cli/mixed.toml",
        "--format",
        "json"
    ]));
}

#[test]
fn check_github() {
    assert_cmd_snapshot!(cxm(&[
        "check",
        "tests/fixtures/cli/mixed.toml",
        "--format",
        "github"
    ]));
}

#[test]
fn check_shipped_examples() {
    assert_cmd_snapshot!(cxm(&["check", "roadmap.toml.example"]));
    assert_cmd_snapshot!(cxm(&["check", "examples/roadmap.pl.toml", "--strict"]));
}

#[test]
fn check_reads_standard_input() {
    assert_cmd_snapshot!(
        cxm(&["check", "-"]).pass_stdin("[roadmap]\nplan_year = 2027\ncurency = \"PLN\"\n")
    );
}

#[test]
fn exit_code_2_when_the_command_cannot_run() {
    assert_cmd_snapshot!(cxm(&["check", "no-such-roadmap.toml"]));
    assert_cmd_snapshot!(cxm(&["check", "tests"]));
    let out = cxm(&["check", "roadmap.toml.example", "--format", "yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = cxm(&["check", "roadmap.toml.example", "--as-of", "2026-13-01"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn warnings_pass_unless_strict_and_allow_silences_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roadmap.toml");
    let example = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("roadmap.toml.example"),
    )
    .unwrap();
    // Only one quote for the vision: W005.
    let one_quote = example.replacen(
        "  [[initiatives.quotes]]\n  vendor = \"CX Advisory\"\n  min = 55000\n  max = 75000\n  date = 2026-10-12\n",
        "",
        1,
    );
    assert_ne!(one_quote, example);
    std::fs::write(&path, &one_quote).unwrap();
    let p = path.to_str().unwrap();
    let out = cxm(&["check", p]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("warning[W005]"));
    let out = cxm(&["check", p, "--strict"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    std::fs::write(
        &path,
        format!("{one_quote}\n[check]\nallow = [\"W005\", \"W008\"]\n"),
    )
    .unwrap();
    let out = cxm(&["check", p, "--strict"]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn output_file_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("findings.json");
    let out = cxm(&[
        "check",
        "tests/fixtures/cli/mixed.toml",
        "--format",
        "json",
        "--output",
        out_path.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out_path).unwrap()).unwrap();
    assert!(written.as_array().is_some_and(|a| !a.is_empty()));
    // An unwritable place is exit 2.
    let out = cxm(&[
        "check",
        "roadmap.toml.example",
        "--output",
        "/nonexistent-dir/x.txt",
    ])
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_file_over_64_mib_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.toml");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(64 * 1024 * 1024 + 1).unwrap();
    let out = cxm(&["check", path.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("larger than 64 MiB"));
}

#[test]
fn byte_order_mark_and_crlf_are_accepted() {
    let example = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/roadmap.pl.toml"),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.toml");
    let text = format!("\u{feff}{}", example.replace('\n', "\r\n"));
    // And a mistake on line 10, to see the position is still right.
    let text = text.replacen("plan_year = 2027", "plan_yaer = 2027", 1);
    std::fs::write(&path, text).unwrap();
    let out = cxm(&["check", path.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let e002 = findings
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "E002")
        .unwrap();
    assert_eq!(
        (e002["line"].as_u64(), e002["column"].as_u64()),
        (Some(10), Some(1))
    );
}

#[test]
fn kpi_every_format() {
    assert_cmd_snapshot!(cxm(&["kpi", "roadmap.toml.example"]));
    assert_cmd_snapshot!(cxm(&["kpi", "roadmap.toml.example", "--lang", "pl"]));
    assert_cmd_snapshot!(cxm(&["kpi", "roadmap.toml.example", "--format", "json"]));
    assert_cmd_snapshot!(cxm(&["kpi", "roadmap.toml.example", "--format", "csv"]));
    assert_cmd_snapshot!(cxm(&[
        "kpi",
        "roadmap.toml.example",
        "--format",
        "markdown"
    ]));
}

#[test]
fn kpi_refuses_a_roadmap_with_data_errors() {
    let out = cxm(&["kpi", "tests/fixtures/cli/mixed.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
}

#[cfg(unix)]
#[test]
fn output_files_are_readable_like_any_new_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("budget.csv");
    let out = cxm(&[
        "budget",
        "roadmap.toml.example",
        "--format",
        "csv",
        "-o",
        path.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644);
}

#[test]
fn a_misspelt_key_is_one_finding_not_two() {
    // `titel` is reported as unknown with "did you mean title"; the title is
    // then not also called missing (E012), nor `ownr`'s owner (W001). (The
    // roadmap has no plan, so coverage findings are left aside.)
    let text = "[roadmap]\nplan_year = 2027\nas_of = 2026-11-15\n\n[[team]]\nid = \"ak\"\n\n\
                [[initiatives]]\nid = \"a\"\ntitel = \"Vision\"\ncompetency = \"governance\"\n\
                area = \"cxm\"\nstatus = \"idea\"\nownr = \"ak\"\nkpi = \"k\"\n";
    let out = cxm(&["check", "-", "--format", "json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(text.as_bytes())?;
            child.wait_with_output()
        })
        .unwrap();
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .filter(|c| !matches!(*c, "E008" | "E009"))
        .collect();
    assert_eq!(codes, ["E002", "E002"], "{findings:#}");
}
