//! No English in what a Polish user reads, from any command (SPEC section
//! 11): `plan`, `budget`, `inventory`, `kpi`, `calendar` and `diff` as `table`,
//! `markdown` and `--excel`, with what each prints on standard error;
//! `init`; a report with a plan error (E010) on standard error; the
//! commands that cannot run (exit 2); and the text of the dashboard, tags
//! taken out. `tests/check_cases.rs` does the same for every finding of
//! `check`, in every format.
//!
//! Everything runs on the shipped Polish example (`examples/roadmap.pl.toml`,
//! `language = "pl"`), so the language comes from the file, as a Polish
//! user's would; `--lang pl` is given where the roadmap is not read yet
//! (init, a file that cannot be read).
//!
//! The search is for whole words ([`ENGLISH`]) in what is not quoted from
//! the file or named by it (see [`readable`]): ids, titles, keys and file
//! names stay as written in any language. Plain CSV and JSON are for tools
//! and keep English keys and values by design, so they are not searched.
//! Not searched either: what git says when it cannot read `REV:PATH` (its
//! own words, quoted after ours) and clap's errors about the command line
//! (clap has no Polish).
//!
//! [`the_search_finds_english_in_every_english_output`] runs the same
//! commands with `--lang en` and shows the search finds English in each: it
//! can fail.

use std::path::Path;
use std::process::{Command, Output};

/// English words the texts use and Polish text never does; matched as
/// whole words, case-insensitive. Words Polish shares with English (`plan`,
/// `status`, `trend`, `data`, `start`) are not listed, nor the competency's
/// Polish name "CX Governance (ład CX)", nor "dashboard", the loanword the
/// Polish dashboard's title uses ("Dashboard CX 2027").
const ENGLISH: &[&str] = &[
    "the",
    "of",
    "and",
    "or",
    "is",
    "are",
    "not",
    "has",
    "have",
    "with",
    "without",
    "from",
    "into",
    "than",
    "by",
    "for",
    "at",
    "it",
    "its",
    "this",
    "that",
    "which",
    "also",
    "only",
    "see",
    "above",
    "shows",
    "run",
    "wrote",
    "next",
    "edit",
    "error",
    "errors",
    "warning",
    "warnings",
    "note",
    "help",
    "could",
    "cannot",
    "read",
    "write",
    "file",
    "directory",
    "such",
    "exists",
    "already",
    "never",
    "overwrites",
    "printed",
    "report",
    "roadmap",
    "budget",
    "total",
    "totals",
    "initiative",
    "initiatives",
    "quarter",
    "owner",
    "priority",
    "effort",
    "days",
    "cost",
    "costs",
    "quote",
    "quotes",
    "planned",
    "done",
    "progress",
    "rejected",
    "hold",
    "cut",
    "line",
    "capacity",
    "team",
    "department",
    "departments",
    "competency",
    "target",
    "baseline",
    "latest",
    "reached",
    "behind",
    "track",
    "early",
    "stale",
    "measurement",
    "culture",
    "title",
    "field",
    "old",
    "new",
    "changed",
    "added",
    "removed",
    "nothing",
    "year",
    "currency",
    "markup",
    "rate",
    "spent",
    "remaining",
    "variance",
    "people",
    "training",
    "central",
    "higher",
    "lower",
    "inventory",
    "exceeds",
    "cap",
    "over",
    "under",
    "way",
    "none",
    "unit",
    "value",
    "change",
    "changes",
    "kind",
    "missing",
    "estimate",
    "high",
    "low",
    "mid",
    "rank",
    "reason",
    "funding",
    "yes",
    "no",
    "true",
    "false",
    "page",
    "generated",
    "as",
    "until",
    "between",
    "each",
    "every",
    "per",
    "month",
    "months",
    "week",
    "weeks",
    "all",
    "show",
    "left",
    "out",
    "wide",
    "columns",
];

/// The English words a text holds outside what it quotes.
fn english_in(text: &str) -> Vec<&'static str> {
    let text = readable(text).to_lowercase();
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    ENGLISH
        .iter()
        .copied()
        .filter(|e| words.contains(e))
        .collect()
}

/// A text without what it quotes from the file or names: `"…"`, `„…”`,
/// `` `…` ``, `[…]`, the ids of the example (written as the file writes
/// them), paths and file names, and words joined by `-` or `_` (ids, keys).
fn readable(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        let close = match c {
            '"' => Some('"'),
            '„' => Some('”'),
            '`' => Some('`'),
            '[' => Some(']'),
            _ => None,
        };
        match close {
            Some(close) => {
                for d in chars.by_ref() {
                    if d == close {
                        break;
                    }
                }
                out.push(' ');
            }
            None => out.push(c),
        }
    }
    out.split(|c: char| c.is_whitespace() || c == ';')
        .filter(|w| {
            !(w.contains('-')
                || w.contains('_')
                || w.contains('/')
                || w.contains('\\')
                || w.contains(".toml")
                || w.contains(".csv")
                || w.contains(".html")
                || w.contains(".json"))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text a person reads of an HTML page: no tags, no `<style>` or
/// `<script>`, entities as the characters they stand for.
fn html_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        out.push(' ');
        let tag = &rest[open..];
        // The end of the tag, or of the element for style and script.
        let end = ["style", "script"]
            .iter()
            .find(|t| tag[1..].starts_with(*t))
            .and_then(|t| {
                let close = format!("</{t}>");
                tag.find(&close).map(|e| e + close.len())
            })
            .unwrap_or_else(|| tag.find('>').map_or(tag.len(), |e| e + 1));
        rest = &tag[end..];
    }
    out.push_str(rest);
    out.replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn cxm(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cxm"))
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .current_dir(dir)
        .output()
        .expect("cxm runs")
}

/// A directory holding `r.toml` (the Polish example), `cap.toml` (the same
/// with a budget cap the plan exceeds: E010, a plan error the reports show
/// on standard error) and `new.toml` (a later version for `diff`: one
/// initiative gone, one new, changed priority, status, quotes and dates, a
/// changed budget cap, training price and team capacity).
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let example = std::fs::read_to_string(root().join("examples/roadmap.pl.toml"))
        .expect("the Polish example");
    std::fs::write(dir.path().join("r.toml"), &example).expect("r.toml");
    let cap = example.replacen("budget_cap = 300000", "budget_cap = 150000", 1);
    assert_ne!(cap, example, "the example's budget_cap moved");
    std::fs::write(dir.path().join("cap.toml"), cap).expect("cap.toml");
    let new = example
        .replacen("priority = 3", "priority = 1", 1)
        .replacen("status = \"in-progress\"", "status = \"on-hold\"", 1)
        .replacen("min = 45000", "min = 47000", 1)
        .replacen("end = 2027-04-30", "end = 2027-05-29", 1)
        .replacen("id = \"mapa-reklamacji\"", "id = \"mapa-skarg\"", 1)
        // The causes diff shows: a setting, a training price, a capacity.
        .replacen("budget_cap = 300000", "budget_cap = 280000", 1)
        .replacen("cost_per_person = 1200", "cost_per_person = 1300", 1)
        .replacen("capacity_days = 170", "capacity_days = 150", 1);
    assert_eq!(new.matches("mapa-skarg").count(), 1, "the example moved");
    assert!(new.contains("budget_cap = 280000") && new.contains("cost_per_person = 1300"));
    std::fs::write(dir.path().join("new.toml"), new).expect("new.toml");
    dir
}

/// Each command a Polish user runs, by a name for the report: its
/// arguments. `{lang}` is `pl` here, `en` for the search's own test.
fn commands(lang: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let with = |args: &[&str], extra: &[&str]| -> Vec<String> {
        args.iter()
            .chain(extra)
            .map(|s| s.replace("{lang}", lang))
            .collect()
    };
    for report in [
        "plan",
        "budget",
        "inventory",
        "kpi",
        "calendar",
        "goals",
        "status",
        "scenarios",
    ] {
        for (format, extra) in [
            ("table", &["--format", "table"][..]),
            ("markdown", &["--format", "markdown"]),
            ("excel", &["--excel"]),
        ] {
            let mut args = with(&[report, "r.toml"], extra);
            if lang == "en" {
                args.extend(["--lang".into(), "en".into()]);
            }
            out.push((format!("{report} {format}"), args));
            // With a plan error (E010) and warnings on standard error.
            let mut args = with(&[report, "cap.toml"], extra);
            if lang == "en" {
                args.extend(["--lang".into(), "en".into()]);
            }
            out.push((format!("{report} {format} with E010"), args));
        }
    }
    for (format, extra) in [
        ("table", &["--format", "table"][..]),
        ("markdown", &["--format", "markdown"]),
        ("excel", &["--excel"]),
    ] {
        let mut args = with(&["diff", "r.toml", "new.toml"], extra);
        if lang == "en" {
            args.extend(["--lang".into(), "en".into()]);
        }
        out.push((format!("diff {format}"), args));
    }
    // The strategy document in Markdown (its HTML's text is searched in
    // `strategy_html_text`), with a plan error on standard error too.
    for file in ["r.toml", "cap.toml"] {
        let mut args = with(&["strategy", file], &[]);
        if lang == "en" {
            args.extend(["--lang".into(), "en".into()]);
        }
        out.push((format!("strategy markdown {file}"), args));
    }
    // The dashboard's own text is searched in `dashboard_text`; here what
    // `report --html` says on standard error (E010 and the warnings note).
    let mut report = with(&["report", "cap.toml", "--html", "d.html"], &[]);
    if lang == "en" {
        report.extend(["--lang".into(), "en".into()]);
    }
    out.push(("report --html with E010".into(), report));
    out.push((
        "check".into(),
        with(&["check", "cap.toml", "--lang", "{lang}"], &[]),
    ));
    out.push((
        "init".into(),
        with(&["init", "fresh/roadmap.toml", "--lang", "{lang}"], &[]),
    ));
    out.push((
        "init over a file".into(),
        with(&["init", "r.toml", "--lang", "{lang}"], &[]),
    ));
    out.push((
        "a missing file".into(),
        with(&["check", "nonexist.toml", "--lang", "{lang}"], &[]),
    ));
    out.push((
        "no roadmap.toml here".into(),
        with(&["plan", "--lang", "{lang}"], &[]),
    ));
    out.push((
        "a directory".into(),
        with(&["budget", "fresh", "--lang", "{lang}"], &[]),
    ));
    out.push((
        "--excel with --format".into(),
        with(
            &[
                "kpi", "r.toml", "--excel", "--format", "json", "--lang", "{lang}",
            ],
            &[],
        ),
    ));
    let mut unwritable = with(&["plan", "r.toml", "-o", "missing/dir/x.csv"], &[]);
    let mut unwritable_diff = with(&["diff", "r.toml", "new.toml", "-o", "missing/x"], &[]);
    let mut unwritable_html = with(&["report", "r.toml", "--html", "missing/x.html"], &[]);
    if lang == "en" {
        for a in [&mut unwritable, &mut unwritable_diff, &mut unwritable_html] {
            a.extend(["--lang".into(), "en".into()]);
        }
    }
    out.push(("an unwritable output".into(), unwritable));
    out.push(("diff to an unwritable output".into(), unwritable_diff));
    out.push(("report to an unwritable output".into(), unwritable_html));
    out
}

/// Runs every command in a fresh workspace: (name, standard output,
/// standard error, exit code).
fn run_all(lang: &str) -> Vec<(String, String, String, Option<i32>)> {
    let dir = workspace();
    std::fs::create_dir(dir.path().join("fresh")).expect("fresh/");
    commands(lang)
        .into_iter()
        .map(|(name, args)| {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let out = cxm(dir.path(), &args);
            let stdout = String::from_utf8(out.stdout).expect("UTF-8");
            let stderr = String::from_utf8(out.stderr).expect("UTF-8");
            (name, stdout, stderr, out.status.code())
        })
        .collect()
}

/// The dashboard's text, from `cxm report --html` of the example with the
/// plan error, so its findings table shows too.
fn dashboard_text(lang: &str) -> String {
    let dir = workspace();
    let out = cxm(
        dir.path(),
        &["report", "cap.toml", "--html", "d.html", "--lang", lang],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    html_text(&std::fs::read_to_string(dir.path().join("d.html")).expect("the dashboard"))
}

/// The text of the strategy document in HTML, tags taken out.
fn strategy_html_text(lang: &str) -> String {
    let dir = workspace();
    let out = cxm(
        dir.path(),
        &["strategy", "r.toml", "--format", "html", "--lang", lang],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    html_text(&String::from_utf8(out.stdout).expect("UTF-8"))
}

/// The exit codes each command is expected to give, so that a run that
/// failed for another reason is not taken for a clean one.
fn expected_exit(name: &str) -> i32 {
    match name {
        "check" => 1,
        n if n.starts_with("init over")
            || n.starts_with("a ")
            || n.starts_with("no ")
            || n.starts_with("--excel")
            || n.contains("unwritable") =>
        {
            2
        }
        _ => 0,
    }
}

#[test]
fn polish_output_of_every_command_has_no_english_words() {
    let mut problems = Vec::new();
    for (name, stdout, stderr, code) in run_all("pl") {
        assert_eq!(
            code,
            Some(expected_exit(&name)),
            "{name}: exit {code:?}\n{stderr}"
        );
        assert!(
            !stdout.is_empty() || !stderr.is_empty(),
            "{name} printed nothing"
        );
        for (stream, text) in [("stdout", &stdout), ("stderr", &stderr)] {
            for line in text.lines() {
                // The echoed source lines of a finding quote the file.
                let t = line.trim_start();
                let t = t
                    .trim_start_matches(|c: char| c.is_ascii_digit())
                    .trim_start();
                if t.starts_with('|') || t.starts_with("-->") {
                    continue;
                }
                let found = english_in(line);
                if !found.is_empty() {
                    problems.push(format!("{name} ({stream}): {found:?} in: {line}"));
                }
            }
        }
    }
    for line in dashboard_text("pl").lines() {
        let found = english_in(line);
        if !found.is_empty() {
            problems.push(format!("dashboard: {found:?} in: {}", line.trim()));
        }
    }
    for line in strategy_html_text("pl").lines() {
        let found = english_in(line);
        if !found.is_empty() {
            problems.push(format!("strategy html: {found:?} in: {}", line.trim()));
        }
    }
    assert!(
        problems.is_empty(),
        "English in Polish output:\n{}",
        problems.join("\n")
    );
}

/// The same commands in English: the search finds English words in what
/// each prints (its standard output, or standard error when that is all it
/// says), so the Polish test can fail.
#[test]
fn the_search_finds_english_in_every_english_output() {
    let mut blind = Vec::new();
    for (name, stdout, stderr, code) in run_all("en") {
        assert_eq!(
            code,
            Some(expected_exit(&name)),
            "{name}: exit {code:?}\n{stderr}"
        );
        let text = if stdout.is_empty() { &stderr } else { &stdout };
        if english_in(text).is_empty() {
            blind.push(format!("{name}:\n{text}"));
        }
        // Standard error of a report with E010 holds the finding.
        if name.ends_with("with E010") && english_in(&stderr).is_empty() {
            blind.push(format!("{name} (stderr):\n{stderr}"));
        }
    }
    assert!(english_in(&dashboard_text("en")).len() > 3, "the dashboard");
    assert!(
        english_in(&strategy_html_text("en")).len() > 3,
        "the strategy in HTML"
    );
    assert!(
        blind.is_empty(),
        "the search finds no English in:\n{}",
        blind.join("\n")
    );
    // What is quoted or names the file is not searched.
    assert!(english_in("zapisano \"the roadmap\" `owner` [team] the-id r.toml").is_empty());
    assert_eq!(english_in("raport of x"), ["of"]);
    assert_eq!(
        html_text("<p>a<style>p { x }</style>b &amp; c</p>"),
        " a b & c "
    );
}
