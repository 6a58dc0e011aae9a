//! `cxm report --html`: the dashboard written by the binary, checked as
//! text (always) and in a real headless Chromium (when one is installed;
//! `.ci/run` installs Debian's `chromium`, so in CI it always runs).
//!
//! For `roadmap.toml.example` the charts must hold: 4 bars by competency,
//! 4 by quarter, 10 initiatives on the timeline (its plan), 32 measurement
//! marks over 8 KPI charts with 4 projections, 3 initiatives on the
//! benefit chart, 3 pairs of KPIs that move together, and no cut line (the
//! plan fits its cap and capacity). A copy with a lower cap draws the cut line.

mod common;

use common::print::{PaperRule, assert_printed, browser, headless, print_and_judge};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const EXPECTED: [(&str, usize); 11] = [
    (r#"class="bar bar-competency""#, 4),
    (r#"class="bar bar-quarter""#, 4),
    (r#"class="gantt-bar"#, 10),
    (r#"class="mark""#, 32),
    (r#"class="kpi-chart""#, 8),
    (r#"class="cut-line""#, 0),
    // SPEC section 8: a dashed projection on each KPI with 3 measurements
    // from its start (first contact resolution, complaints, NPS, churn),
    // the path wherever there is a start, baseline and target, the money
    // line of the 4 KPIs with a value (so far, to the target, the
    // assumption), the
    // benefit of the 3 initiatives with `expected`, and 3 pairs that move
    // together.
    (r#"class="projection""#, 4),
    (r#"class="kpi-path""#, 7),
    (r#"class="money""#, 4),
    (r#"class="benefit-range""#, 3),
    (r#"class="relation""#, 3),
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
    // Paper has no tooltips: the timeline's labels hold whole titles.
    let labels = timeline_labels(&html);
    assert_eq!(labels.len(), 10);
    assert!(labels.iter().all(|l| !l.contains('…')), "{labels:?}");
    for title in [
        "Transactional NPS after contact-centre calls",
        "CX operating model: roles, forums and decision rights",
        "Standard for journey mapping and service design",
    ] {
        assert!(labels.iter().any(|l| l.ends_with(title)), "{title}");
    }
}

/// The timeline's row labels, their lines joined by spaces.
fn timeline_labels(html: &str) -> Vec<String> {
    html.split(r#"<text class="label">"#)
        .skip(1)
        .filter(|s| s.starts_with("<tspan"))
        .map(|s| {
            let label = s.split("</text>").next().unwrap_or("");
            label
                .split("</tspan>")
                .filter_map(|t| t.split('>').nth(1))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
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
    // The findings in Polish, each with what it is about, not where in the
    // TOML file it is.
    let findings = &html[html.find(r#"id="findings""#).unwrap()..];
    assert!(findings.contains("<th>Dotyczy</th>"));
    assert!(findings.contains("<td>tabela [roadmap]</td>"));
    assert!(findings.contains("<td>inicjatywa onboarding-journey</td>"));
    assert!(findings.contains("pożeracz czasu"));
    assert!(!findings.contains("time eater"));
    assert!(!findings.contains("Line") && !findings.contains("Wiersz"));
    let line_column = findings.split("<td").any(|cell| {
        let text = cell
            .split('>')
            .nth(1)
            .unwrap_or("")
            .split('<')
            .next()
            .unwrap_or("");
        text.split_once(':').is_some_and(|(l, c)| {
            !l.is_empty() && l.chars().chain(c.chars()).all(|ch| ch.is_ascii_digit())
        })
    });
    assert!(!line_column, "a line:column in the findings");
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

#[test]
fn dashboard_in_a_headless_browser() {
    let Some(browser) = browser() else {
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

/// The example dashboards (`roadmap.toml.example` and
/// `examples/roadmap.pl.toml` in English and Polish, and the first with a
/// cut line) printed by Chromium to A4
/// landscape: at most the pages each needs, each page but the last at
/// least 40 % full (a KPI card row or the timeline cannot split, so a page
/// may end early, never near empty) and the last at least 20 %, and no
/// text under 7 pt on paper.
///
/// The PDF is read with `lopdf` rather than poppler's tools, which CI need
/// not have: its content streams give every run of text with its font size
/// and matrices, so the size on paper is measured, not computed from the
/// CSS, and a page's fullness is how far down its lowest text sits.
#[test]
fn dashboard_prints_on_a4_landscape() {
    let Some(browser) = browser() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    // The example with a lower cap: the timeline gains a cut line.
    let example = std::fs::read_to_string(root().join("roadmap.toml.example")).unwrap();
    let low_cap = dir.path().join("low-cap.toml");
    std::fs::write(
        &low_cap,
        example.replace("budget_cap = 450000", "budget_cap = 250000"),
    )
    .unwrap();
    // Strategy on a page, the quarter's note and the backlog take a page
    // more than the charts, the timeline and the KPIs alone did.
    let cases: [(PathBuf, &str, usize); 5] = [
        (root().join("roadmap.toml.example"), "en", 4),
        (root().join("roadmap.toml.example"), "pl", 4),
        // The cut line's backlog pushes the KPI cards a page on.
        (low_cap, "pl", 5),
        (root().join("examples/roadmap.pl.toml"), "pl", 3),
        (root().join("examples/roadmap.pl.toml"), "en", 3),
    ];
    let mut judged = Vec::new();
    for (i, (path, lang, max_pages)) in cases.into_iter().enumerate() {
        let roadmap = path.file_name().unwrap().to_string_lossy();
        let sub = dir.path().join(i.to_string());
        std::fs::create_dir(&sub).unwrap();
        let page = write_dashboard(&sub, &path, &["--lang", lang]);
        let (line, failed) = print_and_judge(
            &browser,
            &sub,
            &page,
            &format!("dashboard-{i}.pdf"),
            &format!("{roadmap} {lang}"),
            &PaperRule {
                height: 595.0, // A4 landscape: 842 × 595 pt
                max_pages,
                least_full: 0.4,
                last_full: 0.2,
            },
        );
        judged.push((line, failed));
    }
    assert_printed(judged);
}

/// The fixture where the budget cap cuts the only initiative of a focus
/// goal: W014's red flag, owners, the quarter's lists and the backlog.
fn focus_cut() -> PathBuf {
    root().join("tests/fixtures/dashboard/focus-cut.toml")
}

/// The part of `html` from the section `id` to the end of that section.
fn section<'h>(html: &'h str, id: &str) -> &'h str {
    let from = html
        .find(&format!(r#"<section id="{id}">"#))
        .unwrap_or_else(|| panic!("no section {id}"));
    let rest = &html[from..];
    &rest[..rest.find("</section>").map_or(rest.len(), |e| e + 10)]
}

#[test]
fn strategy_on_a_page_flags_a_focus_goal_the_cut_line_kills() {
    let dir = tempfile::tempdir().unwrap();
    let html = std::fs::read_to_string(write_dashboard(dir.path(), &focus_cut(), &[])).unwrap();
    // It comes first, before the headline figures.
    assert!(html.find(r#"id="strategy""#).unwrap() < html.find(r#"id="headline-budget""#).unwrap());
    let strategy = section(&html, "strategy");
    assert_eq!(count(strategy, r#"class="card goal-card"#), 2);
    // Only the goal whose only initiative is below the line is flagged.
    assert_eq!(count(strategy, r#"class="goal-flag""#), 1);
    let flagged = &strategy[strategy.find(r#"id="goal-journeys-2027""#).unwrap()..];
    assert!(flagged.starts_with(
        r#"id="goal-journeys-2027"><h4>Journeys fixed first</h4><div class="goal-flag">"#
    ));
    assert!(flagged.contains("(W014)"));
    assert!(strategy.contains(r#"class="card goal-card flagged" id="goal-journeys-2027""#));
    assert!(strategy.contains(r#"class="card goal-card" id="goal-measure-2027""#));
    // KPI progress toward the goal's value, the money and the share.
    assert!(strategy.contains("10 → 20 · latest 14</span> <strong class=\"\">40.0%</strong>"));
    assert!(strategy.contains("<strong>43,854.63 PLN</strong> · 38.5% of the CXM total"));
    // Owners: the team member's name (escaped), the id of one without a
    // name, and the latest check-in.
    assert!(strategy.contains(
        "Survey after calls <span class=\"who\">· Anna &lt;Kowalska&gt; · 10% · low</span>"
    ));
    assert!(strategy.contains("Journey map of claims <span class=\"who\">· pn</span>"));
    assert!(!html.contains("<Kowalska>"));
}

#[test]
fn owners_quarter_and_backlog_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let html = std::fs::read_to_string(write_dashboard(dir.path(), &focus_cut(), &[])).unwrap();
    // The timeline names the owner beside each bar: a name, an id, and
    // "—" for a department's work.
    let timeline = section(&html, "timeline");
    assert_eq!(count(timeline, r#"<text class="sub"#), 3);
    assert!(timeline.contains(">Anna &lt;Kowalska&gt; · 10% · low</text>"));
    assert!(timeline.contains(">pn</text>"));
    assert!(timeline.contains(">—</text>"));
    // Since last quarter: what started, what is at risk and why, the
    // spending, the cash, the KPI measurement with its change.
    let since = section(&html, "since");
    assert!(since.contains("2026-08-16 – 2026-11-15"));
    let list = |id: &str| {
        let from = since.find(&format!(r#"id="since-{id}""#)).unwrap();
        let rest = &since[from..];
        rest[..rest[1..]
            .find("<div class=\"move\"")
            .map_or(rest.len(), |e| e + 1)]
            .to_string()
    };
    assert_eq!(count(&list("started"), "<li>"), 1);
    assert_eq!(count(&list("finished"), "<li>"), 0);
    assert!(list("finished").contains(">none<"));
    assert!(list("at-risk").contains("Survey after calls <span class=\"when\">2026-11-01</span> <span class=\"why\">low confidence, 10%</span>"));
    assert!(list("spending").contains("5,000.00 PLN"));
    assert!(since.contains("<strong>113,854.63 PLN</strong>"));
    assert_eq!(count(since, r#"class="kpi-move""#), 1);
    assert!(since.contains(">+4<"));
    // The backlog: the idea, the cancelled work and the work below the
    // line, each with its reason.
    let backlog = section(&html, "backlog");
    assert_eq!(count(backlog, "class=\"backlog-row"), 3);
    for (class, title, reason) in [
        (
            "idea",
            "Chatbot for claims",
            "Not before the journeys are mapped",
        ),
        (
            "cancelled",
            "Old portal refresh",
            "The portal is being replaced",
        ),
        (
            "below-line",
            "Journey map of claims",
            "Waits for the cap to rise",
        ),
    ] {
        let row = &backlog[backlog.find(&format!("backlog-row {class}\"")).unwrap()..];
        let row = &row[..row.find("</tr>").unwrap()];
        assert!(row.contains(title) && row.contains(reason), "{row}");
    }

    // In Polish.
    let html =
        std::fs::read_to_string(write_dashboard(dir.path(), &focus_cut(), &["--lang", "pl"]))
            .unwrap();
    assert!(html.contains("<h2>Strategia na jednej stronie</h2>"));
    assert!(html.contains("Nad linią odcięcia nic nie pracuje na ten cel (W014)"));
    assert!(html.contains("Od ostatniego kwartału"));
    assert!(html.contains("niska pewność, 10\u{a0}%"));
    assert!(html.contains("Czego w tym roku nie robimy i dlaczego"));
    assert!(html.contains("<td>pod linią odcięcia</td>"));
    assert!(html.contains("38,5\u{a0}% sumy CXM"));
}

#[test]
fn the_examples_show_their_focus_goals_and_no_strategy_without_goals() {
    let dir = tempfile::tempdir().unwrap();
    for (example, lang) in [
        ("roadmap.toml.example", "en"),
        ("examples/roadmap.pl.toml", "pl"),
    ] {
        let html = std::fs::read_to_string(write_dashboard(
            dir.path(),
            &root().join(example),
            &["--lang", lang],
        ))
        .unwrap();
        let strategy = section(&html, "strategy");
        assert_eq!(count(strategy, r#"class="card goal-card"#), 2, "{example}");
        assert_eq!(count(strategy, "goal-flag"), 0, "{example}");
        assert!(strategy.contains(r#"class="vision""#), "{example}");
    }
    // A roadmap without goals has no strategy section (and no empty one).
    let html = std::fs::read_to_string(write_dashboard(
        dir.path(),
        &root().join("tests/fixtures/plan/no-line.toml"),
        &[],
    ))
    .unwrap();
    assert!(!html.contains(r#"id="strategy""#));
    assert!(!html.contains(r#"class="card goal-card"#));
}

#[test]
fn strategy_and_quarter_in_a_headless_browser() {
    let Some(browser) = browser() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = write_dashboard(dir.path(), &focus_cut(), &[]);
    let dom = headless(
        &browser,
        &dir.path().join("profile"),
        &page,
        &["--dump-dom".to_string()],
    );
    assert!(dom.contains("<svg"), "no DOM from chromium: {dom:.200}");
    assert_eq!(count(&dom, r#"class="card goal-card"#), 2);
    assert_eq!(count(&dom, r#"class="goal-flag""#), 1);
    assert_eq!(count(&dom, r#"class="card goal-card flagged""#), 1);
    assert_eq!(count(&dom, "class=\"backlog-row"), 3);
    assert_eq!(count(&dom, r#"<text class="sub"#), 3);
    assert_eq!(count(&dom, r#"class="kpi-move""#), 1);
    let at_risk = &dom[dom.find(r#"id="since-at-risk""#).unwrap()..];
    assert!(at_risk.contains("low confidence"));
}

#[test]
fn scenarios_panel_compares_the_base_and_each_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let example = root().join("roadmap.toml.example");
    let html = std::fs::read_to_string(write_dashboard(dir.path(), &example, &[])).unwrap();
    // Right after the budget charts, before what moved since last quarter.
    let at = html.find(r#"<section id="scenarios">"#).unwrap();
    assert!(html.find(r#"id="chart-quarter""#).unwrap() < at);
    assert!(at < html.find(r#"<section id="since""#).unwrap());
    let panel = section(&html, "scenarios");
    assert!(panel.contains("<h2>Scenarios <span class=\"period\">"));
    // One row each: the base, `cut` and `stretch`, in file order.
    assert_eq!(count(panel, r#"<tr class="scenario-row">"#), 3);
    assert!(panel.contains(
        r#"<tr class="scenario-row"><td>base</td><td class="num">433,778.50 PLN</td><td class="num">450,000.00 PLN</td><td>nothing</td></tr>"#
    ));
    assert!(panel.contains(
        r#"<tr class="scenario-row"><td>cut</td><td class="num">415,497.25 PLN</td><td class="num">380,000.00 PLN</td><td>Voice-of-customer dashboard for the board, Digital onboarding journey map</td></tr>"#
    ));
    assert!(panel.contains(r#"<tr class="scenario-row"><td>stretch</td>"#));
    // In Polish, the base named in Polish.
    let pl = dir.path().join("pl");
    std::fs::create_dir(&pl).unwrap();
    let html_pl = std::fs::read_to_string(write_dashboard(
        &pl,
        &root().join("examples/roadmap.pl.toml"),
        &[],
    ))
    .unwrap();
    let panel_pl = section(&html_pl, "scenarios");
    assert!(panel_pl.contains("<h2>Scenariusze <span class=\"period\">"));
    assert!(panel_pl.contains(r#"<tr class="scenario-row"><td>bazowy</td>"#));
    assert_eq!(count(panel_pl, r#"<tr class="scenario-row">"#), 3);
    assert!(panel_pl.contains("<td>oszczedny</td>"));
    // With `--scenario` the title names it and there is no panel.
    let one = dir.path().join("one");
    std::fs::create_dir(&one).unwrap();
    let html_cut =
        std::fs::read_to_string(write_dashboard(&one, &example, &["--scenario", "cut"])).unwrap();
    assert!(!html_cut.contains(r#"id="scenarios""#));
    // A roadmap without scenarios has no panel.
    let none = dir.path().join("none");
    std::fs::create_dir(&none).unwrap();
    let html_none = std::fs::read_to_string(write_dashboard(&none, &focus_cut(), &[])).unwrap();
    assert!(!html_none.contains(r#"id="scenarios""#));
}
