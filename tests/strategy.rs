//! `cxm strategy` through the binary: the strategy document of both
//! shipped examples in Markdown and HTML, in English and Polish
//! (snapshots); the HTML is self-contained and escapes the file's text;
//! and printed by a headless Chromium (when one is installed; `.ci/run`
//! installs Debian's `chromium`) it fills A4 portrait pages with no text
//! under 7 pt and no near-empty page but the last.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use insta_cmd::{assert_cmd_snapshot, get_cargo_bin};
mod common;

use common::print::{PaperRule, assert_printed, browser, print_and_judge};
use std::path::{Path, PathBuf};
use std::process::Command;

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

/// Both examples' documents, in English and Polish, printed by Chromium:
/// A4 portrait, at most the pages each needs, each page but the last at
/// least 70 % full and the last at least 10 %, no text under 7 pt. The
/// PDFs are kept beside the build for a person to look at.
#[test]
fn strategy_prints_on_a4_portrait() {
    let Some(browser) = browser() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &str, usize); 4] = [
        ("roadmap.toml.example", "en", 5),
        ("roadmap.toml.example", "pl", 5),
        ("examples/roadmap.pl.toml", "pl", 4),
        ("examples/roadmap.pl.toml", "en", 4),
    ];
    let mut judged = Vec::new();
    for (i, (file, lang, max_pages)) in cases.into_iter().enumerate() {
        let sub = dir.path().join(i.to_string());
        std::fs::create_dir(&sub).unwrap();
        let page = sub.join("strategy.html");
        let html = stdout(&["strategy", file, "--format", "html", "--lang", lang]);
        std::fs::write(&page, html).unwrap();
        let (line, failed) = print_and_judge(
            &browser,
            &sub,
            &page,
            &format!("strategy-{i}.pdf"),
            &format!("{file} {lang}"),
            &PaperRule {
                height: 842.0, // A4 portrait: 595 × 842 pt
                max_pages,
                least_full: 0.7,
                last_full: 0.1,
            },
        );
        judged.push((line, failed));
    }
    assert_printed(judged);
}
