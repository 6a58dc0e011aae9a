//! Headless Chromium and what it prints, shared by the dashboard's and the
//! strategy document's print tests: the browser found on `PATH`, a run of
//! it with a time limit, and each printed page's text sizes and fullness
//! read from the PDF with `lopdf`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A Chromium on `PATH` (or named by `CHROMIUM`).
pub(crate) fn chromium() -> Option<PathBuf> {
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

/// The browser for a test, or `None` to skip it: a skip only off CI, where
/// `.ci/run` installs Debian's chromium and a skip would let the page go
/// unchecked.
pub(crate) fn browser() -> Option<PathBuf> {
    let found = chromium();
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "no chromium on PATH in CI: .ci/run should have installed Debian's chromium"
        );
        eprintln!("skipped: no chromium on PATH (.ci/run installs Debian's chromium)");
    }
    found
}

/// Runs Chromium headless on `page` with `extra` flags; its standard output.
/// A browser that hangs is killed after two minutes (a failure, not a skip).
pub(crate) fn headless(browser: &Path, profile: &Path, page: &Path, extra: &[String]) -> String {
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
pub(crate) struct PrintedPage {
    pub(crate) height: f64,
    pub(crate) text: Vec<(f64, f64)>,
}

pub(crate) type Matrix = [f64; 6];

/// `a × b`: first `a`, then `b` (PDF's row-vector convention).
pub(crate) fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

pub(crate) const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

pub(crate) fn numbers(ops: &[lopdf::Object]) -> Vec<f64> {
    ops.iter()
        .filter_map(|o| o.as_float().ok().map(f64::from))
        .collect()
}

pub(crate) fn matrix(ops: &[lopdf::Object]) -> Option<Matrix> {
    let n = numbers(ops);
    (n.len() == 6).then(|| [n[0], n[1], n[2], n[3], n[4], n[5]])
}

/// Walks a content stream, recording each text run's size on paper (the
/// font size times the vertical scale of text and graphics matrices) and
/// its baseline's height.
pub(crate) fn walk(
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
pub(crate) fn printed_pages(pdf: &Path) -> Vec<PrintedPage> {
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
pub(crate) fn fullness(p: &PrintedPage) -> f64 {
    let lowest = p.text.iter().map(|t| t.1).fold(p.height, f64::min);
    (p.height - lowest) / p.height
}

/// What a printed document must be: its page height (pt: 595 landscape,
/// 842 portrait), at most `max_pages`, every page but the last at least
/// `least_full` full and the last at least `last_full`, no text under 7 pt.
pub(crate) struct PaperRule {
    pub(crate) height: f64,
    pub(crate) max_pages: usize,
    pub(crate) least_full: f64,
    pub(crate) last_full: f64,
}

/// Prints `page` to PDF with Chromium in `sub`, keeps the PDF beside the
/// build as `keep` for a person to look at, and judges it by `rule`: one
/// line of what it measured, and a line per failure, each named `name`.
pub(crate) fn print_and_judge(
    browser: &Path,
    sub: &Path,
    page: &Path,
    keep: &str,
    name: &str,
    rule: &PaperRule,
) -> (String, Vec<String>) {
    let pdf = sub.join("printed.pdf");
    headless(
        browser,
        &sub.join("profile"),
        page,
        &[
            "--no-pdf-header-footer".to_string(),
            format!("--print-to-pdf={}", pdf.display()),
        ],
    );
    let pages = printed_pages(&pdf);
    let kept = Path::new(env!("CARGO_TARGET_TMPDIR")).join(keep);
    std::fs::copy(&pdf, &kept).expect("the printed PDF is kept beside the build");
    let full: Vec<String> = pages
        .iter()
        .map(|p| format!("{:.0} %", fullness(p) * 100.0))
        .collect();
    let smallest = pages
        .iter()
        .flat_map(|p| p.text.iter().map(|t| t.0))
        .filter(|s| *s > 0.0)
        .fold(f64::INFINITY, f64::min);
    let report = format!(
        "{name}: {} pages ({}), smallest text {smallest:.2} pt, {}",
        pages.len(),
        full.join(", "),
        kept.display()
    );
    let mut failures = Vec::new();
    if pages.iter().any(|p| (p.height - rule.height).abs() > 2.0) {
        failures.push(format!("{name}: not {} pt high", rule.height));
    }
    if pages.is_empty() || pages.len() > rule.max_pages {
        failures.push(format!(
            "{name}: {} pages, at most {}",
            pages.len(),
            rule.max_pages
        ));
    }
    for (n, p) in pages.iter().enumerate() {
        let least = if n + 1 == pages.len() {
            rule.last_full
        } else {
            rule.least_full
        };
        if fullness(p) < least {
            failures.push(format!("{name}: page {} near-empty", n + 1));
        }
    }
    if smallest < 6.99 {
        failures.push(format!("{name}: text under 7 pt"));
    }
    (report, failures)
}

/// Prints what [`print_and_judge`] measured of each document, and fails
/// with every failure when there is any.
pub(crate) fn assert_printed(judged: Vec<(String, Vec<String>)>) {
    let report: Vec<String> = judged.iter().map(|(line, _)| line.clone()).collect();
    let failures: Vec<String> = judged.into_iter().flat_map(|(_, f)| f).collect();
    eprintln!("{}", report.join("\n"));
    assert!(
        failures.is_empty(),
        "{}\n{}",
        failures.join("\n"),
        report.join("\n")
    );
}
