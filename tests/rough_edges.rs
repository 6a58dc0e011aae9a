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

/// `roadmap.toml.example` with an annotation `PREFIX-note` in every table
/// whose keys are names from the SPEC: the document, each table and array
/// entry (`[[initiatives.quotes]]`, `[[initiatives.spend]]` and the rest),
/// each competency of `[maturity]` and `[maturity]` itself, `[check]`, and
/// the inline tables of `measurements` and `targets`.
/// Returns the text and how many annotations it holds.
fn annotated_example(prefix: &str) -> (String, usize) {
    let text = std::fs::read_to_string(root().join(EXAMPLE)).unwrap();
    let mut out = format!("{prefix}-owner = \"CX team\"\nmaturity.{prefix}-source = \"survey\"\n");
    let mut count = 2;
    for line in text.lines() {
        out.push_str(line);
        out.push('\n');
        let header = line.trim_start();
        if header.starts_with('[') && header != "[fx]" {
            out.push_str(&format!("{prefix}-jira = \"CX-12\"\n"));
            count += 1;
        }
    }
    out.push_str(&format!(
        "\n[check]\n{prefix}-why = {{ reviewed = 2026-11-01 }}\n"
    ));
    count += 1;
    // The inline tables of `measurements` and `targets` too.
    count += out.matches("{ date = ").count();
    let out = out.replace(
        "{ date = ",
        &format!("{{ {prefix}-source = \"survey\", date = "),
    );
    (out, count)
}

fn check_text(text: &str) -> (Option<i32>, String) {
    let out = Command::new(get_cargo_bin("cxm"))
        .args(["check", "-", "--format", "json"])
        .current_dir(root())
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write as _;
            child.stdin.take().unwrap().write_all(text.as_bytes())?;
            child.wait_with_output()
        })
        .unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap())
}

/// `x-` keys are the user's own annotations, ignored in every table whose
/// keys are names (SPEC section 13); any other unknown key is E002.
#[test]
fn x_keys_are_accepted_and_ignored() {
    let (plain_code, plain) = check_text(&std::fs::read_to_string(root().join(EXAMPLE)).unwrap());
    let (text, _) = annotated_example("x");
    let (code, findings) = check_text(&text);
    assert_eq!(code, plain_code);
    let codes = |json: &str| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        v.as_array()
            .unwrap_or_else(|| panic!("{json}"))
            .iter()
            .map(|f| f["code"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(codes(&findings), codes(&plain), "{findings}");
    // The same keys without the `x-` are unknown, each of them: every table
    // annotated above is one the loader checks.
    let (text, count) = annotated_example("y");
    let (code, findings) = check_text(&text);
    assert_eq!(code, Some(1));
    let e002 = codes(&findings).iter().filter(|c| *c == "E002").count();
    assert_eq!(e002, count, "{findings}");
}

/// In a table whose keys are ids an `x-` key is an id like any other: in
/// `[fx]` it is no currency.
#[test]
fn x_keys_are_ids_where_keys_are_ids() {
    let text = std::fs::read_to_string(root().join(EXAMPLE))
        .unwrap()
        .replace("[fx]\n", "[fx]\nx-jira = 1\n");
    let (code, findings) = check_text(&text);
    assert_eq!(code, Some(1), "{findings}");
    assert!(findings.contains("x-jira"), "{findings}");
}

/// `cxm diff` between a roadmap and the same roadmap with annotations
/// added finds nothing changed; changing an annotation changes nothing.
#[test]
fn diff_ignores_x_keys() {
    let dir = tempfile::tempdir().unwrap();
    let (annotated, _) = annotated_example("x");
    std::fs::write(dir.path().join("new.toml"), &annotated).unwrap();
    std::fs::write(
        dir.path().join("old.toml"),
        std::fs::read_to_string(root().join(EXAMPLE)).unwrap(),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("edited.toml"),
        annotated.replace("x-jira = \"CX-12\"", "x-jira = \"CX-13\""),
    )
    .unwrap();
    for (old, new) in [("old.toml", "new.toml"), ("new.toml", "edited.toml")] {
        let out = cxm_in(dir.path(), &["diff", old, new, "--format", "json"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        for list in ["added", "removed", "changed"] {
            assert_eq!(v[list], serde_json::json!([]), "{old} → {new}: {list}");
        }
        assert_eq!(v["totals"]["cxm"]["delta"], "0.00", "{old} → {new}");
    }
}
