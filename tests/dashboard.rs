//! `cxm report --html`: the dashboard written by the binary, checked as
//! text (always) and in a real headless Chromium (when one is installed;
//! `.ci/run` installs Debian's `chromium`, so in CI it always runs).
//!
//! For `roadmap.toml.example` the charts must hold: 4 bars by competency,
//! 4 by quarter, 10 initiatives on the timeline (its plan), 12 measurement
//! marks over 7 KPI charts, and no cut line (the plan fits its cap and
//! capacity). A copy with a lower cap draws the cut line.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const EXPECTED: [(&str, usize); 6] = [
    (r#"class="bar bar-competency""#, 4),
    (r#"class="bar bar-quarter""#, 4),
    (r#"class="gantt-bar"#, 10),
    (r#"class="mark""#, 12),
    (r#"class="kpi-chart""#, 7),
    (r#"class="cut-line""#, 0),
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Writes the dashboard of `roadmap` into `dir` with the binary.
fn write_dashboard(dir: &Path, roadmap: &Path, extra: &[&str]) -> PathBuf {
    let out = dir.join("dashboard.html");
    let status = Command::new(env!("CARGO_BIN_EXE_cxm"))
        .arg("report")
        .arg("--html")
        .arg(&out)
        .arg(roadmap)
        .args(extra)
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run cxm");
    assert_eq!(status.code(), Some(0));
    out
}

fn count(text: &str, what: &str) -> usize {
    text.matches(what).count()
}

#[test]
fn dashboard_is_self_contained_with_the_expected_charts() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_dashboard(dir.path(), &root().join("roadmap.toml.example"), &[]);
    let html = std::fs::read_to_string(path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    for (what, n) in EXPECTED {
        assert_eq!(count(&html, what), n, "{what}");
    }
    // Nothing from the network, no scripts: the only URL is SVG's namespace.
    assert!(!html.contains("<script"));
    assert!(!html.contains("<img"));
    assert!(!html.contains("<link"));
    assert!(!html.contains("@import"));
    assert!(!html.contains("url("));
    let urls = html.matches("http").count();
    assert_eq!(urls, html.matches("http://www.w3.org/2000/svg").count());
    assert!(html.contains("@page { size: A4 landscape"));
    assert!(html.contains("@media print"));
    // The figures come from the budget: the CXM total and the cap.
    assert!(html.contains("433,778.50 PLN"));
    assert!(html.contains("450,000.00 PLN"));
}

#[test]
fn dashboard_in_polish_and_with_a_cut_line() {
    let dir = tempfile::tempdir().unwrap();
    let example = std::fs::read_to_string(root().join("roadmap.toml.example")).unwrap();
    let low_cap = example.replace("budget_cap = 450000", "budget_cap = 250000");
    assert_ne!(low_cap, example);
    let roadmap = dir.path().join("roadmap.toml");
    std::fs::write(&roadmap, low_cap).unwrap();
    // Over the cap is a plan error (E010): the dashboard still prints it.
    let html =
        std::fs::read_to_string(write_dashboard(dir.path(), &roadmap, &["--lang", "pl"])).unwrap();
    assert!(html.contains(r#"<html lang="pl">"#));
    assert!(html.contains("Pokryte kompetencje"));
    assert!(html.contains("433\u{a0}778,50\u{a0}zł"));
    assert_eq!(count(&html, r#"class="cut-line""#), 1);
    assert!(count(&html, "gantt-bar below") + count(&html, "gantt-bar cx below") >= 1);
    assert!(html.contains("E010"));
}

#[test]
fn roadmap_text_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let example = std::fs::read_to_string(root().join("roadmap.toml.example")).unwrap();
    let hostile = example
        .replace(
            "organisation = \"Example Bank\"",
            "organisation = \"<script>alert(1)</script> & Co\"",
        )
        .replace(
            "name = \"Relationship NPS\"",
            "name = \"NPS <b>\\\"quoted\\\"</b>\"",
        );
    let roadmap = dir.path().join("roadmap.toml");
    std::fs::write(&roadmap, hostile).unwrap();
    let html = std::fs::read_to_string(write_dashboard(dir.path(), &roadmap, &[])).unwrap();
    assert!(!html.contains("<script"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"));
    assert!(html.contains("NPS &lt;b&gt;&quot;quoted&quot;&lt;/b&gt;"));
}

#[test]
fn report_needs_html_and_refuses_data_errors() {
    let out = Command::new(env!("CARGO_BIN_EXE_cxm"))
        .args(["report", "roadmap.toml.example"])
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("d.html");
    let out = Command::new(env!("CARGO_BIN_EXE_cxm"))
        .arg("report")
        .arg("--html")
        .arg(&target)
        .arg("tests/fixtures/cli/mixed.toml")
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!target.exists());
}

/// A Chromium on `PATH` (or named by `CHROMIUM`).
fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| {
            [
                "chromium",
                "chromium-browser",
                "google-chrome",
                "google-chrome-stable",
            ]
            .map(|n| dir.join(n))
        })
        .find(|p| p.is_file())
}

/// Runs Chromium headless on `page` with `extra` flags; its standard output.
/// A browser that hangs is killed after two minutes (a failure, not a skip).
fn headless(browser: &Path, profile: &Path, page: &Path, extra: &[String]) -> String {
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let mut stdout = child.stdout.take().expect("chromium's standard output");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).map(|_| s)
    });
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait for chromium") {
            assert!(status.success(), "chromium failed: {status}");
            break;
        }
        if start.elapsed() > Duration::from_secs(120) {
            child.kill().expect("stop chromium");
            panic!("chromium did not finish within two minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    reader
        .join()
        .expect("read chromium's output")
        .expect("chromium's output is UTF-8")
}

#[test]
fn dashboard_in_a_headless_browser() {
    let Some(browser) = chromium() else {
        // In CI the browser test must run: .ci/run installs the browser, and
        // a skip there would let the dashboard go unchecked.
        assert!(
            std::env::var_os("CI").is_none(),
            "no chromium on PATH in CI: .ci/run should have installed Debian's chromium"
        );
        eprintln!("skipped: no chromium on PATH (.ci/run installs Debian's chromium)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = write_dashboard(dir.path(), &root().join("roadmap.toml.example"), &[]);
    let profile = dir.path().join("profile");

    // It loads, and the DOM the browser built holds the charts.
    let dom = headless(&browser, &profile, &page, &["--dump-dom".to_string()]);
    assert!(dom.contains("<svg"), "no DOM from chromium: {dom:.200}");
    for (what, n) in EXPECTED {
        assert_eq!(count(&dom, what), n, "{what} in the browser's DOM");
    }
    assert!(dom.contains(r#"id="headline-budget""#));

    // A screenshot, kept beside the build for a person to look at.
    let shot = dir.path().join("dashboard.png");
    headless(
        &browser,
        &profile,
        &page,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1400,1000".to_string(),
        ],
    );
    let png = std::fs::read(&shot).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    assert!(
        png.len() > 20_000,
        "a near-empty screenshot: {} bytes",
        png.len()
    );
    let keep = Path::new(env!("CARGO_TARGET_TMPDIR")).join("dashboard.png");
    std::fs::copy(&shot, &keep).unwrap();
    eprintln!("screenshot: {}", keep.display());
}
