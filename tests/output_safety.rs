//! What cxm does with careless commands and hostile files, through the
//! binary: `--output` onto devices, FIFOs and symlinks, the input as the
//! output, git argument injection, closed pipes, Markdown and CSV
//! injection, the umask, and a signal during a write. These tests run as
//! root in CI: only `/dev/null` and `/dev/full` are ever written, and
//! `/dev/null` is checked to stay a device.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly
#![cfg(unix)]

use insta_cmd::get_cargo_bin;
use std::fmt::Write as _;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const EXAMPLE: &str = "roadmap.toml.example";

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE)
}

fn cxm() -> Command {
    let mut c = Command::new(get_cargo_bin("cxm"));
    c.env("NO_COLOR", "1").env_remove("CLICOLOR_FORCE");
    c
}

fn cxm_in(dir: &Path, args: &[&str]) -> Output {
    cxm()
        .args(args)
        .current_dir(dir)
        .output()
        .expect("cxm runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A directory with the example roadmap as `roadmap.toml`.
fn with_roadmap() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(example(), dir.path().join("roadmap.toml")).unwrap();
    dir
}

fn names(dir: &Path) -> Vec<String> {
    let mut n: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    n.sort();
    n
}

// 1. What is not a regular file is written in place.

#[test]
fn dev_null_is_written_in_place_and_stays_a_device() {
    let dir = with_roadmap();
    for args in [
        &["budget", "roadmap.toml", "-o", "/dev/null"][..],
        &["check", "roadmap.toml", "-o", "/dev/null"],
        &["diff", "roadmap.toml", "roadmap.toml", "-o", "/dev/null"],
        &["report", "roadmap.toml", "--html", "/dev/null"],
        &["schema", "-o", "/dev/null"],
    ] {
        let out = cxm_in(dir.path(), args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        let meta = std::fs::metadata("/dev/null").unwrap();
        assert!(
            meta.file_type().is_char_device(),
            "{args:?} replaced /dev/null"
        );
    }
    assert_eq!(names(dir.path()), ["roadmap.toml"]);
}

#[test]
fn dev_full_is_a_clear_failure() {
    let dir = with_roadmap();
    let out = cxm_in(dir.path(), &["budget", "roadmap.toml", "-o", "/dev/full"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out)
            .ends_with("error: could not write /dev/full: No space left on device (os error 28)\n"),
        "{}",
        stderr(&out)
    );
    assert!(
        std::fs::metadata("/dev/full")
            .unwrap()
            .file_type()
            .is_char_device()
    );
}

#[test]
fn dev_stdout_is_standard_output() {
    let dir = with_roadmap();
    let plain = cxm_in(dir.path(), &["budget", "roadmap.toml"]);
    let named = cxm_in(dir.path(), &["budget", "roadmap.toml", "-o", "/dev/stdout"]);
    assert_eq!(named.status.code(), Some(0), "{}", stderr(&named));
    assert_eq!(named.stdout, plain.stdout);
    assert!(
        std::fs::symlink_metadata("/dev/stdout")
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

/// `2>log` with `-o /dev/stderr`: the note before the report stays, the
/// report follows it, and the log is not replaced.
#[test]
fn dev_stderr_is_standard_error() {
    let dir = with_roadmap();
    let log = dir.path().join("log");
    let out = cxm()
        .args(["budget", "roadmap.toml", "-o", "/dev/stderr"])
        .current_dir(dir.path())
        .stderr(std::fs::File::create(&log).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(text.starts_with("note: roadmap.toml also has"), "{text}");
    assert!(text.contains("CXM budget 2027"), "{text}");
}

#[test]
fn a_fifo_reader_gets_the_report() {
    let dir = with_roadmap();
    let fifo = dir.path().join("pipe");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(fifo).unwrap())
    };
    let out = cxm_in(
        dir.path(),
        &["budget", "roadmap.toml", "--format", "json", "-o", "pipe"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let got = reader.join().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&got).unwrap();
    assert!(json.is_object());
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    assert_eq!(names(dir.path()), ["pipe", "roadmap.toml"]);
}

#[test]
fn a_symlink_is_followed_never_replaced() {
    let dir = with_roadmap();
    std::fs::create_dir(dir.path().join("reports")).unwrap();
    std::fs::write(dir.path().join("reports/budget.csv"), "old").unwrap();
    std::os::unix::fs::symlink("reports/budget.csv", dir.path().join("latest.csv")).unwrap();
    // A link to nothing yet: its target is created.
    std::os::unix::fs::symlink("reports/plan.csv", dir.path().join("plan.csv")).unwrap();
    for (command, link, target) in [
        ("budget", "latest.csv", "reports/budget.csv"),
        ("plan", "plan.csv", "reports/plan.csv"),
    ] {
        let out = cxm_in(
            dir.path(),
            &[command, "roadmap.toml", "--format", "csv", "-o", link],
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let link_meta = std::fs::symlink_metadata(dir.path().join(link)).unwrap();
        assert!(link_meta.file_type().is_symlink(), "{link} was replaced");
        let written = std::fs::read_to_string(dir.path().join(target)).unwrap();
        assert!(written.contains(','), "{target}: {written}");
    }
    assert_eq!(
        names(&dir.path().join("reports")),
        ["budget.csv", "plan.csv"]
    );
}

// 2. The output is never the input.

#[test]
fn the_input_is_never_the_output() {
    let dir = with_roadmap();
    std::os::unix::fs::symlink("roadmap.toml", dir.path().join("link.toml")).unwrap();
    std::fs::hard_link(
        dir.path().join("roadmap.toml"),
        dir.path().join("hard.toml"),
    )
    .unwrap();
    let before = std::fs::read(dir.path().join("roadmap.toml")).unwrap();
    let cases: [&[&str]; 9] = [
        &["report", "--html", "roadmap.toml"],
        &["budget", "roadmap.toml", "--output", "roadmap.toml"],
        &["check", "roadmap.toml", "--output", "./roadmap.toml"],
        &["plan", "link.toml", "-o", "roadmap.toml"],
        &["kpi", "roadmap.toml", "-o", "hard.toml"],
        &["inventory", "roadmap.toml", "-o", "x/../roadmap.toml"],
        &["diff", "roadmap.toml", "link.toml", "-o", "link.toml"],
        &["report", "roadmap.toml", "--html", "hard.toml"],
        &["report", "roadmap.toml", "--html", "x.TOML"],
    ];
    std::fs::create_dir(dir.path().join("x")).unwrap();
    for args in cases {
        let out = cxm_in(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.starts_with("error: refusing to write"),
            "{args:?}: {err}"
        );
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert_eq!(
            std::fs::read(dir.path().join("roadmap.toml")).unwrap(),
            before
        );
    }
    assert_eq!(
        names(dir.path()),
        ["hard.toml", "link.toml", "roadmap.toml", "x"]
    );
    // Standard input that is the file, too.
    let out = cxm()
        .args(["budget", "-", "-o", "roadmap.toml"])
        .current_dir(dir.path())
        .stdin(std::fs::File::open(dir.path().join("roadmap.toml")).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("(<stdin>)"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(dir.path().join("roadmap.toml")).unwrap(),
        before
    );
}

#[test]
fn the_refusal_speaks_polish() {
    let dir = with_roadmap();
    let out = cxm_in(
        dir.path(),
        &[
            "budget",
            "roadmap.toml",
            "--lang",
            "pl",
            "-o",
            "roadmap.toml",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "błąd: nie zapisano roadmap.toml: to plik roadmapy, który jest właśnie wczytywany \
         (roadmap.toml); podaj inny plik wyjściowy\n"
    );
    // A slip with no roadmap.toml here names the slip, not the missing file.
    let empty = tempfile::tempdir().unwrap();
    let out = cxm_in(empty.path(), &["report", "--html", "plan.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("a .toml file is a roadmap"),
        "{}",
        stderr(&out)
    );
    assert!(names(empty.path()).is_empty());
}

// 3. A diff side never reaches git as an option.

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.com")
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", stderr(&out));
}

#[test]
fn a_revision_is_never_an_option_to_git() {
    let dir = with_roadmap();
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "roadmap.toml"]);
    git(dir.path(), &["commit", "-q", "-m", "roadmap"]);
    for side in [
        "--output=pwned:roadmap.toml",
        "--format=%H:roadmap.toml",
        "-p:x",
    ] {
        let out = cxm_in(dir.path(), &["diff", "--", side, "roadmap.toml"]);
        assert_eq!(out.status.code(), Some(2), "{side}: {}", stderr(&out));
        assert!(stderr(&out).contains("starts with `-`"), "{}", stderr(&out));
        assert!(out.stdout.is_empty());
    }
    assert_eq!(names(dir.path()), [".git", "roadmap.toml"]);
    // The ordinary use still works.
    let out = cxm_in(dir.path(), &["diff", "HEAD:roadmap.toml", "roadmap.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Standard input can be one side only.
    let out = cxm_in(dir.path(), &["diff", "-", "-"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("standard input can be read only once"));
}

// 6. Closed pipes.

/// A roadmap with many errors: `n` initiatives with an unknown competency.
fn many_errors(n: usize) -> String {
    let mut s = std::fs::read_to_string(example()).unwrap();
    for i in 0..n {
        write!(
            s,
            "\n[[initiatives]]\nid = \"bad-{i}\"\ntitle = \"Bad {i}\"\ncompetency = \"nonsense\"\n\
             area = \"cxm\"\nstatus = \"planned\"\nowner = \"ak\"\nstart = 2027-01-04\n\
             end = 2027-03-31\neffort_days = 1\ncost = 100\n"
        )
        .unwrap();
    }
    s
}

#[test]
fn a_closed_pipe_keeps_the_exit_code_of_check() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.toml"), many_errors(3000)).unwrap();
    for format in ["human", "json", "github"] {
        // The read end is closed before cxm starts: every write fails.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = cxm()
            .args(["check", "bad.toml", "--format", format])
            .current_dir(dir.path())
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{format}: {}", stderr(&out));
        assert!(out.stderr.is_empty(), "{format}: {}", stderr(&out));
    }
}

#[test]
fn check_piped_into_head_fails_under_pipefail() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.toml"), many_errors(3000)).unwrap();
    if Command::new("bash").arg("-c").arg("true").status().is_err() {
        return; // no bash: the test above covers the same ground
    }
    for format in ["human", "json", "github"] {
        let out = Command::new("bash")
            .args([
                "-o",
                "pipefail",
                "-c",
                "\"$0\" check bad.toml --format \"$1\" | head -1",
            ])
            .arg(get_cargo_bin("cxm"))
            .arg(format)
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{format}: {}", stderr(&out));
        assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
    }
}

#[test]
fn a_closed_standard_error_never_panics() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.toml"), many_errors(50)).unwrap();
    std::fs::copy(example(), dir.path().join("good.toml")).unwrap();
    let cases: [(&[&str], i32); 7] = [
        (&["budget", "bad.toml"], 1),
        (&["plan", "bad.toml"], 1),
        (&["diff", "good.toml", "bad.toml"], 1),
        (&["budget", "good.toml"], 0),
        (&["budget", "good.toml", "-o", "/dev/full"], 2),
        (&["init", "new.toml"], 0),
        (&["diff", "-", "-"], 2),
    ];
    for (args, code) in cases {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = cxm()
            .args(args)
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(writer)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(code), "{args:?}");
    }
}

// 7. Markdown shows the text of the file, never markup.

#[test]
fn markdown_shows_text_never_markup() {
    let dir = with_roadmap();
    let text = std::fs::read_to_string(dir.path().join("roadmap.toml")).unwrap();
    let hostile = text.replacen(
        "title = \"Transactional NPS after contact-centre calls\"",
        "title = \"<img src=x> <!-- ![x](https://e.x/a.png) Mapwise\\\\| <a href=y>ok</a> `c` &amp;\"",
        1,
    );
    assert_ne!(hostile, text);
    std::fs::write(dir.path().join("new.toml"), &hostile).unwrap();
    let want = "\\<img src=x\\> \\<\\!-- \\!\\[x\\](https://e.x/a.png) Mapwise\\\\\\| \
                \\<a href=y\\>ok\\</a\\> \\`c\\` \\&amp;";
    // The diff is what a pull-request comment shows; every Markdown output
    // escapes through the same function (its unit tests).
    let commands: [&[&str]; 2] = [
        &["diff", "roadmap.toml", "new.toml", "--format", "markdown"],
        &[
            "diff",
            "roadmap.toml",
            "new.toml",
            "--format",
            "markdown",
            "--lang",
            "pl",
        ],
    ];
    for args in commands {
        let out = cxm_in(dir.path(), args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        let md = String::from_utf8(out.stdout).unwrap();
        assert!(md.contains(want), "{args:?}:\n{md}");
        for raw in ["<img", "<!--", "<a ", "](", "&amp;"] {
            let unescaped = md.match_indices(raw).any(|(i, _)| {
                let escaped = md[..i].ends_with('\\');
                let after_bracket = raw == "](" && md[..i].ends_with("\\]");
                !escaped && !after_bracket
            });
            assert!(!unescaped, "{args:?}: raw {raw} in\n{md}");
        }
    }
}

// 8. CSV formulas after whitespace.

#[test]
fn csv_defuses_formulas_after_whitespace() {
    let dir = with_roadmap();
    let text = std::fs::read_to_string(dir.path().join("roadmap.toml")).unwrap();
    let hostile = text.replacen(
        "title = \"Transactional NPS after contact-centre calls\"",
        "title = \"  =HYPERLINK(\\\"https://e.x\\\")\"",
        1,
    );
    assert_ne!(hostile, text);
    std::fs::write(dir.path().join("new.toml"), &hostile).unwrap();
    for excel in [false, true] {
        let mut args = vec!["plan", "new.toml", "--format", "csv"];
        if excel {
            args.push("--excel");
        }
        let out = cxm_in(dir.path(), &args);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let csv = String::from_utf8(out.stdout).unwrap();
        assert!(
            csv.contains("\"'  =HYPERLINK(\"\"https://e.x\"\")\""),
            "excel {excel}:\n{csv}"
        );
    }
}

// 9. New files get the mode the umask gives; a replaced file keeps its own.

#[test]
fn new_files_follow_the_umask_and_replaced_files_keep_their_mode() {
    let dir = with_roadmap();
    let run = |umask: &str, args: &str| {
        let out = Command::new("sh")
            .arg("-c")
            .arg(format!("umask {umask}; exec \"$0\" {args}"))
            .arg(get_cargo_bin("cxm"))
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{args}: {}", stderr(&out));
    };
    let mode = |name: &str| {
        std::fs::metadata(dir.path().join(name))
            .unwrap()
            .permissions()
            .mode()
            & 0o777
    };
    run("077", "budget roadmap.toml -o private.txt");
    run("077", "report roadmap.toml --html private.html");
    run("022", "budget roadmap.toml -o shared.txt");
    run("002", "check roadmap.toml -o group.txt");
    assert_eq!(mode("private.txt"), 0o600);
    assert_eq!(mode("private.html"), 0o600);
    assert_eq!(mode("shared.txt"), 0o644);
    assert_eq!(mode("group.txt"), 0o664);
    std::fs::set_permissions(
        dir.path().join("shared.txt"),
        std::fs::Permissions::from_mode(0o640),
    )
    .unwrap();
    run("077", "plan roadmap.toml -o shared.txt");
    assert_eq!(mode("shared.txt"), 0o640);
}

// 10. A signal during a write leaves no temporary file.

/// A roadmap large enough that writing its plan takes a while.
fn large(n: usize) -> String {
    let mut s = std::fs::read_to_string(example()).unwrap();
    for i in 0..n {
        write!(
            s,
            "\n[[initiatives]]\nid = \"gen-{i}\"\ntitle = \"Generated {i}\"\n\
             competency = \"design\"\narea = \"cxm\"\nstatus = \"planned\"\nowner = \"ak\"\n\
             priority = {}\nstart = 2027-01-04\nend = 2027-03-31\neffort_days = 1\ncost = 100\n",
            i % 5 + 1
        )
        .unwrap();
    }
    s
}

#[test]
fn sigterm_during_a_write_removes_the_temporary_file() {
    use std::os::unix::process::ExitStatusExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("big.toml"), large(20_000)).unwrap();
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    // Up to three tries to catch the write while its temporary file exists
    // (the machine may be fast); a try that misses it proves nothing.
    for _ in 0..3 {
        let mut child = cxm()
            .args([
                "plan",
                "big.toml",
                "--format",
                "json",
                "-o",
                "out/plan.json",
            ])
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let started = std::time::Instant::now();
        let mut seen = false;
        while started.elapsed() < std::time::Duration::from_secs(120) {
            if names(&out_dir).iter().any(|n| n.starts_with(".tmp")) {
                seen = true;
                break;
            }
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        if !seen {
            child.wait().unwrap();
            std::fs::remove_file(out_dir.join("plan.json")).ok();
            continue;
        }
        let killed = Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let status = child.wait().unwrap();
        assert_eq!(status.signal(), Some(15), "{status:?}");
        assert!(names(&out_dir).is_empty(), "{:?}", names(&out_dir));
        return;
    }
    panic!("the write never showed its temporary file: make the roadmap larger");
}
