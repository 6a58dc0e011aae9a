//! Small edges of the command line, through the binary: `-` as standard
//! output, what a failed write says, the hint for a missing `roadmap.toml`,
//! findings on standard error set apart, and `x-` keys ignored.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use insta_cmd::get_cargo_bin;
use std::path::Path;
use std::process::{Command, Output};

const EXAMPLE: &str = "roadmap.toml.example";

fn cxm_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(get_cargo_bin("cxm"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("cxm runs")
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn html_to_dash_goes_to_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let example = root().join(EXAMPLE);
    let out = cxm_in(
        dir.path(),
        &["report", example.to_str().unwrap(), "--html", "-"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        out.stdout.starts_with(b"<!DOCTYPE html>"),
        "{}",
        String::from_utf8_lossy(&out.stdout[..out.stdout.len().min(200)])
    );
    assert!(
        !dir.path().join("-").exists(),
        "a file named `-` was written"
    );
}

#[test]
fn output_dash_goes_to_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let example = root().join(EXAMPLE);
    let to_stdout = cxm_in(dir.path(), &["budget", example.to_str().unwrap()]);
    let to_dash = cxm_in(
        dir.path(),
        &["budget", example.to_str().unwrap(), "-o", "-"],
    );
    assert_eq!(to_dash.status.code(), Some(0), "{}", stderr(&to_dash));
    assert_eq!(to_dash.stdout, to_stdout.stdout);
    assert!(
        !dir.path().join("-").exists(),
        "a file named `-` was written"
    );
}
