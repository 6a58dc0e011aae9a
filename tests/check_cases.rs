//! Every rule of `cxm check`, shown by example and run through the binary.
//!
//! `tests/cases/check/` holds one small roadmap per case, `CODE-what.toml`
//! (`E005-unknown-owner.toml`), whose first lines say what it shows, and
//! beside it what `cxm check` prints for it, `CODE-what.en.stdout`:
//!
//! ```text
//! exit: 1
//! error[E005]: the owner "ka" of initiative "cx-board" is not a [[team]] member
//!   --> tests/cases/check/E005-unknown-owner.toml:17:9
//! …
//! ```
//!
//! The first line is the exit code; the rest is standard output, byte for
//! byte, of `cxm check tests/cases/check/CODE-what.toml` run from the crate
//! root with `NO_COLOR=1` (the human format; the path as given is part of
//! the output). Standard error must stay empty. `valid.toml` is the one case
//! without findings. A case must give exactly its expected output, so it
//! also shows that its rule fires alone.
//!
//! The cases are found by listing the directory, so adding a rule is adding
//! a case file and its expected output:
//!
//! ```text
//! CXM_BLESS=1 cargo test --test check_cases
//! ```
//!
//! writes (or rewrites) every expectation from what the binary prints now;
//! review the diff before committing it. Without `CXM_BLESS=1` the test
//! compares, and reports every mismatch of the run at once, each with a
//! line diff (`-` expected, `+` printed).
//!
//! The test also fails when a code of the `codes!` list in
//! `src/diag/mod.rs` has no case (a case is `CODE-what.toml`; a rule may
//! have several), when a case's name does not start with a known code, when
//! a case has no expectation, when the directory holds any other file, and
//! when a case does not set `as_of` (without it the output would depend on
//! the day the test runs).
//!
//! Why every case is `valid.toml` with one change rather than a roadmap of
//! a few lines: `plan_year` is required, and E008 wants the plan to develop
//! all four competencies, so the smallest roadmap without findings already
//! plans four CXM initiatives, each with an owner, dates, effort, a price
//! and a success measure. Starting every case from that one base keeps each
//! case to the rule it shows; the case's first lines name its change, and
//! its expected output points at the line.
//!
//! The `en` in `.en.stdout` is the language of the messages: each case also
//! has a `.pl.stdout`, run with `--lang pl` ([`LANGUAGES`] lists both).

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

/// The cases, relative to the crate root (as the binary is given them).
const DIR: &str = "tests/cases/check";

/// The languages each case is run in, by the suffix of its expectation.
const LANGUAGES: &[&str] = &["en", "pl"];

#[test]
fn every_case_gives_its_expected_output() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bless = std::env::var_os("CXM_BLESS").is_some_and(|v| v == "1");
    let mut files: Vec<String> = std::fs::read_dir(root.join(DIR))
        .expect("the cases directory")
        .map(|e| {
            e.expect("a directory entry")
                .file_name()
                .into_string()
                .expect("a UTF-8 file name")
        })
        .collect();
    files.sort();
    let cases: Vec<&str> = files
        .iter()
        .filter_map(|f| f.strip_suffix(".toml"))
        .collect();
    let codes = rule_codes(root);
    let mut problems: Vec<String> = Vec::new();

    for code in &codes {
        if !cases.iter().any(|c| code_of(c) == Some(code.as_str())) {
            problems.push(format!("{code}: no case (add {DIR}/{code}-what.toml)"));
        }
    }
    for file in &files {
        let known = file.ends_with(".toml")
            || LANGUAGES.iter().any(|lang| {
                file.strip_suffix(&format!(".{lang}.stdout"))
                    .is_some_and(|case| cases.contains(&case))
            });
        if !known {
            problems.push(format!(
                "{file}: neither a case nor the expected output of one"
            ));
        }
    }

    let mut blessed = 0;
    for case in &cases {
        if *case != "valid" && code_of(case).is_none_or(|c| !codes.iter().any(|k| k == c)) {
            problems.push(format!(
                "{case}.toml: the name must be `valid` or start with a rule code (`E005-what`)"
            ));
        }
        let path = format!("{DIR}/{case}.toml");
        let text = std::fs::read_to_string(root.join(&path)).expect("a readable case");
        if !text.lines().any(|l| l.trim_start().starts_with("as_of")) {
            problems.push(format!(
                "{case}.toml: set `as_of` in [roadmap], or the output depends on today"
            ));
        }
        for lang in LANGUAGES {
            let printed = match run(root, &path, lang) {
                Ok(printed) => printed,
                Err(e) => {
                    problems.push(format!("{case}.toml: {e}"));
                    continue;
                }
            };
            let expected_path = root.join(DIR).join(format!("{case}.{lang}.stdout"));
            let expected = std::fs::read_to_string(&expected_path).ok();
            if expected.as_deref() == Some(printed.as_str()) {
                continue;
            }
            if bless {
                std::fs::write(&expected_path, &printed).expect("a writable expectation");
                blessed += 1;
                continue;
            }
            match expected {
                None => problems.push(format!(
                    "{case}.toml: no {case}.{lang}.stdout (write it with CXM_BLESS=1)"
                )),
                Some(expected) => problems.push(format!(
                    "{case}.toml ({lang}) prints other than {case}.{lang}.stdout:\n{}",
                    diff(&expected, &printed)
                )),
            }
        }
    }
    if blessed > 0 {
        eprintln!("CXM_BLESS: wrote {blessed} expectation(s) in {DIR}; review the diff");
    }
    assert!(
        problems.is_empty(),
        "{} problem(s) with the check cases in {DIR} \
         (CXM_BLESS=1 cargo test --test check_cases rewrites the expectations):\n\n{}",
        problems.len(),
        problems.join("\n\n")
    );
}

/// Words and phrases the English findings use and Polish text never
/// contains: no finding of `check --lang pl`, in any format, may hold one
/// outside what it quotes from the file (see [`readable`]).
const ENGLISH: &[&str] = &[
    "initiative",
    "must",
    "the ",
    " has ",
    "has no",
    "did you mean",
    "warning",
    "error",
    "help",
    "expected",
    " is ",
    " not ",
    " and ",
    " or ",
    " of ",
    "which",
    "before",
    "after",
    "quote",
    "owner",
    "effort",
    "price",
    "measure",
    "cannot",
    "known",
    "unknown",
    "invalid",
    "missing",
    "team ",
    "without",
    "budget",
    "cycle",
    "checkpoint",
    "syntax",
];

/// The English words a text holds, once [`readable`] has taken out what it
/// quotes.
fn english_in(text: &str) -> Vec<&'static str> {
    let text = readable(text).to_lowercase();
    ENGLISH
        .iter()
        .copied()
        .filter(|w| text.contains(w))
        .collect()
}

/// A finding's words without what they quote from the file, which stays as
/// written in any language: `"…"` (ids, titles, values), `` `…` `` (keys),
/// `[…]` (tables), `(…)` that holds a TOML value (`(in-progress)`), and a
/// key before ` = ` (`direction = "up"`).
fn readable(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let close = match c {
            '"' => Some('"'),
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
                while close == ']' && chars.peek() == Some(&']') {
                    chars.next();
                }
                out.push(' ');
            }
            None => out.push(c),
        }
    }
    let words: Vec<&str> = out.split(' ').collect();
    let mut kept: Vec<&str> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let is_key = words.get(i + 1) == Some(&"=");
        let is_value = w.starts_with('(')
            && w.ends_with(')')
            && w[1..w.len() - 1]
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-');
        if !is_key && !is_value {
            kept.push(w);
        }
    }
    format!(" {} ", kept.join(" "))
}

/// What a person reads of `cxm check --lang pl --format FORMAT`: the
/// messages and help lines, without the echoed source lines, the file's
/// name, and the machine parts (JSON keys, `severity`, `::error`).
fn polish_words(root: &Path, path: &str, format: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_cxm"))
        .args(["check", path, "--lang", "pl", "--format", format])
        .env("NO_COLOR", "1")
        .current_dir(root)
        .output()
        .expect("cxm runs");
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    let stdout = stdout.replace(path, "");
    match format {
        "json" => {
            let items: Vec<serde_json::Value> = serde_json::from_str(&stdout).expect("JSON");
            let mut text = String::new();
            for item in items {
                text.push_str(item["message"].as_str().expect("a message"));
                text.push('\n');
                for h in item["help"].as_array().expect("help lines") {
                    text.push_str(h.as_str().expect("a help line"));
                    text.push('\n');
                }
            }
            text
        }
        "github" => stdout
            .lines()
            .filter_map(|l| l.splitn(3, "::").nth(2))
            .map(|m| m.replace("%0A", "\n").replace("%25", "%") + "\n")
            .collect(),
        _ => stdout
            .lines()
            .filter(|l| {
                let t = l.trim_start();
                let t = t
                    .trim_start_matches(|c: char| c.is_ascii_digit())
                    .trim_start();
                !(t.starts_with('|') || t.starts_with("-->") || l.starts_with("exit:"))
            })
            .map(|l| l.to_string() + "\n")
            .collect(),
    }
}

#[test]
fn polish_findings_have_no_english_words() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut cases: Vec<String> = std::fs::read_dir(root.join(DIR))
        .expect("the cases directory")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|f| f.ends_with(".toml"))
        .collect();
    cases.sort();
    let mut problems = Vec::new();
    for case in &cases {
        let path = format!("{DIR}/{case}");
        for format in ["human", "json", "github"] {
            let text = polish_words(root, &path, format);
            for line in text.lines() {
                let found = english_in(line);
                if !found.is_empty() {
                    problems.push(format!("{case} ({format}): {found:?} in: {line}"));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "English in the Polish findings:\n{}",
        problems.join("\n")
    );
}

/// The search finds English where it is, and not in what is quoted.
#[test]
fn the_english_search_can_fail() {
    let english = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(DIR)
            .join("W001-no-owner.en.stdout"),
    )
    .expect("an expectation");
    let first = english.lines().nth(1).expect("a finding line");
    assert!(!english_in(first).is_empty(), "{first}");
    assert!(
        english_in(
            "inicjatywa \"the initiative\" ma `owner` w [[team]] (in-progress), direction = \"up\""
        )
        .is_empty()
    );
}

/// The code a case is named after: `E005` of `E005-unknown-owner`.
fn code_of(case: &str) -> Option<&str> {
    case.split_once('-').map(|(code, _)| code)
}

/// The rule codes, as `src/diag/mod.rs` declares them in its `codes!` list
/// (`E001: Error,` one a line).
fn rule_codes(root: &Path) -> BTreeSet<String> {
    let source = std::fs::read_to_string(root.join("src/diag/mod.rs")).expect("src/diag/mod.rs");
    let list = source
        .split_once("\ncodes! {")
        .and_then(|(_, rest)| rest.split_once('}'))
        .map(|(list, _)| list)
        .expect("a `codes! { … }` list in src/diag/mod.rs");
    let codes: BTreeSet<String> = list
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(code, _)| code.trim().to_string())
        .collect();
    assert!(
        codes.len() > 20 && codes.iter().all(|c| c.len() == 4),
        "the codes! list of src/diag/mod.rs reads as {codes:?}"
    );
    codes
}

/// `cxm check PATH --lang LANG` as a user runs it, without colour: the exit
/// line and standard output, or why that could not be had.
fn run(root: &Path, path: &str, lang: &str) -> Result<String, String> {
    let out = Command::new(env!("CARGO_BIN_EXE_cxm"))
        .args(["check", path, "--lang", lang])
        .env("NO_COLOR", "1")
        .current_dir(root)
        .output()
        .map_err(|e| format!("cxm did not run: {e}"))?;
    if !out.stderr.is_empty() {
        return Err(format!(
            "cxm wrote to standard error:\n{}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let exit = out
        .status
        .code()
        .map_or("killed".to_string(), |c| c.to_string());
    let stdout = String::from_utf8(out.stdout).map_err(|e| format!("stdout is not UTF-8: {e}"))?;
    Ok(format!("exit: {exit}\n{stdout}"))
}

/// A line diff of two texts, every line shown: `-` only expected, `+` only
/// printed, two spaces in both. The texts are a few dozen lines, so the
/// quadratic longest-common-subsequence table is small.
fn diff(expected: &str, printed: &str) -> String {
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = printed.lines().collect();
    let mut common = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            common[i][j] = if a[i] == b[j] {
                common[i + 1][j + 1] + 1
            } else {
                common[i + 1][j].max(common[i][j + 1])
            };
        }
    }
    let mut out = String::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            let _ = writeln!(out, "  {}", a[i]);
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || common[i + 1][j] >= common[i][j + 1]) {
            let _ = writeln!(out, "- {}", a[i]);
            i += 1;
        } else {
            let _ = writeln!(out, "+ {}", b[j]);
            j += 1;
        }
    }
    if a == b {
        out.push_str("(the lines agree; the texts differ in line endings or the final newline)\n");
    }
    out
}
