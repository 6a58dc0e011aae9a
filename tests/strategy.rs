//! `cxm strategy` through the binary: the strategy document of both
//! shipped examples in Markdown and HTML, in English and Polish
//! (snapshots); the HTML is self-contained and escapes the file's text;
//! and printed by a headless Chromium (when one is installed; `.ci/run`
//! installs Debian's `chromium`) it fills A4 portrait pages with no text
//! under 7 pt and no near-empty page but the last.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use insta_cmd::{assert_cmd_snapshot, get_cargo_bin};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn cxm(args: &[&str]) -> Command {
    let mut cmd = Command::new(get_cargo_bin("cxm"));
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .env_remove("CLICOLOR_FORCE");
    cmd
}

fn stdout(args: &[&str]) -> String {
    let out = cxm(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn strategy_of_both_examples_in_both_languages() {
    for file in ["roadmap.toml.example", "examples/roadmap.pl.toml"] {
        for lang in ["en", "pl"] {
            for format in ["markdown", "html"] {
                let name = format!(
                    "strategy-{}-{lang}-{format}",
                    if file.contains(".pl.") {
                        "pl-example"
                    } else {
                        "example"
                    }
                );
                insta::with_settings!({ snapshot_suffix => name }, {
                    assert_cmd_snapshot!(cxm(&["strategy", file, "--lang", lang, "--format", format]));
                });
            }
        }
    }
}

/// Markdown is the default format, and the roadmap's language the default
/// language.
#[test]
fn markdown_in_the_roadmaps_language_by_default() {
    let md = stdout(&["strategy", "examples/roadmap.pl.toml"]);
    assert!(md.starts_with("# Strategia CX na 2027 rok"), "{md:.80}");
    assert_eq!(
        md,
        stdout(&[
            "strategy",
            "examples/roadmap.pl.toml",
            "--lang",
            "pl",
            "--format",
            "markdown"
        ])
    );
}

/// A roadmap with a hostile title and no goals, vision, KPIs or
/// communications.
fn hostile(dir: &Path) -> PathBuf {
    let text = r##"
[roadmap]
organisation = "<script>alert(1)</script> & <img src=https://evil.example/x.png>"
plan_year = 2027
as_of = 2026-11-15

[[team]]
id = "ak"
name = "<b>Anna</b>"
capacity_days = 100

[[initiatives]]
id = "x"
title = "<script src=\"http://evil.example/a.js\"></script>[link](http://evil.example) ![i](https://evil.example/i.png)"
competency = "governance"
area = "cxm"
status = "planned"
owner = "ak"
priority = 1
start = 2027-01-01
end = 2027-06-30
effort_days = 5
cost = 1000
kpi = "k"

[[initiatives]]
id = "y"
title = "# Heading | pipe"
competency = "measurement"
area = "cxm"
status = "idea"
reason = "<iframe src=https://evil.example>"
"##;
    let path = dir.join("hostile.toml");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn html_is_self_contained_and_escapes_the_files_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = hostile(dir.path());
    let html = stdout(&["strategy", path.to_str().unwrap(), "--format", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "a script tag");
    assert!(!lower.contains("<img"), "an image tag");
    assert!(!lower.contains("<iframe"), "a frame");
    assert!(!lower.contains("<link"), "a linked style sheet");
    assert!(!lower.contains("@import"), "an imported style sheet");
    // Every tag cxm writes: none loads anything (the file's text has no
    // raw `<`, so every `<` opens a tag of cxm's own).
    for tag in html.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or("").to_lowercase();
        for bad in ["http:", "https:", "src=", "href=", "url("] {
            assert!(!tag.contains(bad), "a resource in <{tag}>");
        }
    }
    let style = html
        .split("<style>")
        .nth(1)
        .unwrap()
        .split("</style>")
        .next()
        .unwrap();
    assert!(
        !style.contains("url(") && !style.contains("@import"),
        "a resource in the CSS"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img"));
    assert!(html.contains("&lt;b&gt;Anna&lt;/b&gt;"));
    assert!(html.contains("&lt;iframe src=https://evil.example&gt;"));
    // Sections with nothing to say say so.
    assert!(html.contains("No goals are written down yet."));
    assert!(html.contains("No vision is written down yet."));
    assert!(html.contains("No internal communication is planned yet."));
    assert!(html.contains("No KPIs are defined yet."));
}

#[test]
fn markdown_escapes_the_files_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = hostile(dir.path());
    let md = stdout(&["strategy", path.to_str().unwrap()]);
    assert!(
        md.contains(r"\<script\>alert(1)\</script\> \& \<img"),
        "{md}"
    );
    assert!(md.contains(r"\<b\>Anna\</b\>"));
    assert!(md.contains(r"\[link\](http://evil.example) \!\[i\]"));
    assert!(md.contains(r"# Heading \| pipe"));
    // Every `<` is escaped: no tag reaches the wiki.
    for (at, _) in md.match_indices('<') {
        assert!(md[..at].ends_with('\\'), "an unescaped < at {at}");
    }
    assert!(md.contains("*No goals are written down yet.*"));
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

/// What a printed page holds, read from the PDF's content streams: the
/// size on paper (pt) and height above the page's foot (pt) of every run of
/// text, forms (SVG groups, transparency) followed into.
struct PrintedPage {
    height: f64,
    text: Vec<(f64, f64)>,
}

type Matrix = [f64; 6];

/// `a × b`: first `a`, then `b` (PDF's row-vector convention).
fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn numbers(ops: &[lopdf::Object]) -> Vec<f64> {
    ops.iter()
        .filter_map(|o| o.as_float().ok().map(f64::from))
        .collect()
}

fn matrix(ops: &[lopdf::Object]) -> Option<Matrix> {
    let n = numbers(ops);
    (n.len() == 6).then(|| [n[0], n[1], n[2], n[3], n[4], n[5]])
}

/// Walks a content stream, recording each text run's size on paper (the
/// font size times the vertical scale of text and graphics matrices) and
/// its baseline's height.
fn walk(
    doc: &lopdf::Document,
    content: &[u8],
    resources: Option<&lopdf::Dictionary>,
    ctm: Matrix,
    out: &mut Vec<(f64, f64)>,
    depth: usize,
) {
    let ops = lopdf::content::Content::decode(content).expect("a content stream");
    let mut stack = vec![ctm];
    let mut ctm = ctm;
    let (mut tm, mut tlm, mut size, mut leading) = (IDENTITY, IDENTITY, 0.0, 0.0);
    for op in &ops.operations {
        let o = &op.operands;
        match op.operator.as_str() {
            "q" => stack.push(ctm),
            "Q" => ctm = stack.pop().unwrap_or(IDENTITY),
            "cm" => {
                if let Some(m) = matrix(o) {
                    ctm = mul(&m, &ctm);
                }
            }
            "BT" => (tm, tlm) = (IDENTITY, IDENTITY),
            "Tf" => size = numbers(o).first().copied().unwrap_or(0.0),
            "TL" => leading = numbers(o).first().copied().unwrap_or(0.0),
            "Tm" => {
                if let Some(m) = matrix(o) {
                    (tm, tlm) = (m, m);
                }
            }
            "Td" | "TD" => {
                let n = numbers(o);
                if n.len() == 2 {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, n[0], n[1]], &tlm);
                    tm = tlm;
                }
            }
            "T*" => {
                tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -leading], &tlm);
                tm = tlm;
            }
            "Tj" | "TJ" | "'" | "\"" => {
                let m = mul(&tm, &ctm);
                let scale = (m[2] * m[2] + m[3] * m[3]).sqrt();
                out.push((size * scale, m[5]));
            }
            "Do" if depth < 8 => {
                let Some(name) = o.first().and_then(|n| n.as_name().ok()) else {
                    continue;
                };
                let Some(stream) = resources
                    .and_then(|r| r.get_deref(b"XObject", doc).ok())
                    .and_then(|x| x.as_dict().ok())
                    .and_then(|x| x.get_deref(name, doc).ok())
                    .and_then(|s| s.as_stream().ok())
                else {
                    continue;
                };
                let form = stream
                    .dict
                    .get(b"Subtype")
                    .and_then(|s| s.as_name())
                    .is_ok_and(|s| s == b"Form");
                if !form {
                    continue;
                }
                let m = stream
                    .dict
                    .get(b"Matrix")
                    .ok()
                    .and_then(|m| m.as_array().ok())
                    .and_then(|a| matrix(a))
                    .unwrap_or(IDENTITY);
                let inner = stream
                    .dict
                    .get_deref(b"Resources", doc)
                    .ok()
                    .and_then(|r| r.as_dict().ok())
                    .or(resources);
                let data = stream
                    .decompressed_content()
                    .unwrap_or_else(|_| stream.content.clone());
                walk(doc, &data, inner, mul(&m, &ctm), out, depth + 1);
            }
            _ => {}
        }
    }
}

/// Reads a PDF Chromium printed: each page's height and text runs.
fn printed_pages(pdf: &Path) -> Vec<PrintedPage> {
    let doc = lopdf::Document::load(pdf).expect("a PDF");
    doc.get_pages()
        .values()
        .map(|&id| {
            let page = doc.get_dictionary(id).expect("a page");
            let height = page
                .get(b"MediaBox")
                .and_then(|b| b.as_array())
                .map(|b| numbers(b))
                .ok()
                .and_then(|b| b.get(3).copied())
                .expect("a media box");
            let (resources, _) = doc.get_page_resources(id).expect("resources");
            let content = doc.get_page_content(id);
            let mut text = Vec::new();
            walk(&doc, &content, resources, IDENTITY, &mut text, 0);
            PrintedPage { height, text }
        })
        .collect()
}

/// How much of the page's height its content takes: from the top down to
/// the lowest line of text, as a share of the page.
fn fullness(p: &PrintedPage) -> f64 {
    let lowest = p.text.iter().map(|t| t.1).fold(p.height, f64::min);
    (p.height - lowest) / p.height
}

/// Both examples' documents, in English and Polish, printed by Chromium:
/// A4 portrait, at most the pages each needs, each page but the last at
/// least 70 % full and the last at least 10 %, no text under 7 pt. The
/// PDFs are kept beside the build for a person to look at.
#[test]
fn strategy_prints_on_a4_portrait() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "no chromium on PATH in CI: .ci/run should have installed Debian's chromium"
        );
        eprintln!("skipped: no chromium on PATH (.ci/run installs Debian's chromium)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &str, usize); 4] = [
        ("roadmap.toml.example", "en", 5),
        ("roadmap.toml.example", "pl", 5),
        ("examples/roadmap.pl.toml", "pl", 4),
        ("examples/roadmap.pl.toml", "en", 4),
    ];
    let (mut report, mut failures) = (Vec::new(), Vec::new());
    for (i, (file, lang, max_pages)) in cases.into_iter().enumerate() {
        let sub = dir.path().join(i.to_string());
        std::fs::create_dir(&sub).unwrap();
        let page = sub.join("strategy.html");
        let html = stdout(&["strategy", file, "--format", "html", "--lang", lang]);
        std::fs::write(&page, html).unwrap();
        let pdf = sub.join("strategy.pdf");
        headless(
            &browser,
            &sub.join("profile"),
            &page,
            &[
                "--no-pdf-header-footer".to_string(),
                format!("--print-to-pdf={}", pdf.display()),
            ],
        );
        let pages = printed_pages(&pdf);
        let keep = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("strategy-{i}.pdf"));
        std::fs::copy(&pdf, &keep).unwrap();
        let full: Vec<String> = pages
            .iter()
            .map(|p| format!("{:.0} %", fullness(p) * 100.0))
            .collect();
        let smallest = pages
            .iter()
            .flat_map(|p| p.text.iter().map(|t| t.0))
            .filter(|s| *s > 0.0)
            .fold(f64::INFINITY, f64::min);
        report.push(format!(
            "{file} {lang}: {} pages ({}), smallest text {smallest:.2} pt, {}",
            pages.len(),
            full.join(", "),
            keep.display()
        ));
        // A4 portrait: 595 × 842 pt.
        if pages.iter().any(|p| (p.height - 842.0).abs() > 2.0) {
            failures.push(format!("{file} {lang}: not A4 portrait"));
        }
        if pages.is_empty() || pages.len() > max_pages {
            failures.push(format!("{file} {lang}: {} pages", pages.len()));
        }
        for (n, p) in pages.iter().enumerate() {
            let least = if n + 1 == pages.len() { 0.1 } else { 0.7 };
            if fullness(p) < least {
                failures.push(format!("{file} {lang}: page {} near-empty", n + 1));
            }
        }
        if smallest < 6.99 {
            failures.push(format!("{file} {lang}: text under 7 pt"));
        }
    }
    eprintln!("{}", report.join("\n"));
    assert!(
        failures.is_empty(),
        "{}\n{}",
        failures.join("\n"),
        report.join("\n")
    );
}
