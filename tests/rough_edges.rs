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

/// A failed write names the path given and the reason, never the temporary
/// file beside it, and leaves nothing behind (exit 2).
#[test]
#[cfg(unix)] // the reasons are the OS's words
fn a_failed_write_names_only_the_path_given() {
    let dir = tempfile::tempdir().unwrap();
    let example = root().join(EXAMPLE);
    let example = example.to_str().unwrap();
    std::fs::create_dir(dir.path().join("a-directory")).unwrap();
    std::fs::write(dir.path().join("a-file"), "").unwrap();
    let cases = [
        (
            "missing/dir/x.csv",
            "error: could not write missing/dir/x.csv: No such file or directory (os error 2)\n",
        ),
        (
            "a-file/x.csv",
            "error: could not write a-file/x.csv: Not a directory (os error 20)\n",
        ),
        (
            "a-directory",
            "error: could not write a-directory: Is a directory (os error 21)\n",
        ),
    ];
    for (output, expected) in cases {
        for command in ["budget", "plan", "kpi", "inventory"] {
            let out = cxm_in(dir.path(), &[command, example, "-o", output]);
            assert_eq!(out.status.code(), Some(2), "{command} -o {output}");
            let err = stderr(&out);
            let last = err.lines().last().unwrap_or_default();
            assert_eq!(
                format!("{last}\n"),
                expected,
                "{command} -o {output}: {err}"
            );
            assert!(!err.contains(".tmp"), "{command} -o {output}: {err}");
        }
        let out = cxm_in(dir.path(), &["report", example, "--html", output]);
        assert_eq!(out.status.code(), Some(2), "report --html {output}");
        assert!(stderr(&out).ends_with(expected), "{}", stderr(&out));
        let out = cxm_in(dir.path(), &["schema", "-o", output]);
        assert_eq!(stderr(&out), expected, "schema -o {output}");
        let out = cxm_in(dir.path(), &["check", example, "-o", output]);
        assert_eq!(stderr(&out), expected, "check -o {output}");
        let out = cxm_in(dir.path(), &["diff", example, example, "-o", output]);
        assert_eq!(stderr(&out), expected, "diff -o {output}");
    }
    let mut left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    left.sort();
    assert_eq!(left, ["a-directory", "a-file"]);
    assert_eq!(
        std::fs::read_dir(dir.path().join("a-directory"))
            .unwrap()
            .count(),
        0
    );
}

/// No `roadmap.toml` where a command looks for it by default: say how to
/// start. A missing file named on the command line keeps the plain message.
#[test]
fn a_missing_default_roadmap_says_how_to_start() {
    let dir = tempfile::tempdir().unwrap();
    let hint = "error: no roadmap.toml in this directory; `cxm init` writes a starter roadmap, \
                or name the file to read\n";
    for args in [
        &["check"][..],
        &["plan"],
        &["budget"],
        &["kpi"],
        &["inventory"],
        &["report", "--html", "out.html"],
    ] {
        let out = cxm_in(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&out), hint, "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    let out = cxm_in(dir.path(), &["check", "other.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: could not read other.toml: No such file or directory (os error 2)\n"
    );
    // After `cxm init` the same command finds the roadmap.
    let out = cxm_in(dir.path(), &["init"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = cxm_in(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// Plan errors a report prints on standard error come apart, a blank line
/// after each as `cxm check` prints them, and the note on warnings after
/// them on a line of its own.
#[test]
fn findings_on_standard_error_are_set_apart() {
    let out = cxm_in(root(), &["plan", "tests/fixtures/plan/both-cut.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    let findings: Vec<&str> = err.split("\n\n").collect();
    assert_eq!(findings.len(), 4, "{err}");
    for f in &findings[..3] {
        assert!(f.starts_with("error[E0"), "{f}");
        assert_eq!(f.matches("error[").count(), 1, "{f}");
    }
    assert!(findings[3].starts_with("note: "), "{err}");
    assert_eq!(findings[3].lines().count(), 1, "{err}");
}
