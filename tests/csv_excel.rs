//! CSV for tools, `--excel` for people (SPEC section 11), through the
//! binary: plain CSV keeps the English keys and values whatever the
//! language; `--excel --lang pl` words headers and enumerated values in
//! Polish and keeps `;`, the BOM, the decimal comma and the defusing of
//! formulas; `--excel --lang en` keeps the English keys and values. Bless a
//! deliberate change with `INSTA_UPDATE=always cargo test --test csv_excel`
//! and read the diff.

// Test helpers outside #[test] functions may unwrap too.
#![allow(clippy::unwrap_used)]

use insta_cmd::get_cargo_bin;
use std::process::Command;

const PL: &str = "examples/roadmap.pl.toml";
const BUDGET_CUT: &str = "tests/fixtures/plan/budget-cut.toml";

/// The report's standard output; it must exit 0.
fn run(args: &[&str]) -> String {
    let out = Command::new(get_cargo_bin("cxm"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn polish_excel_budget_has_polish_headers_and_values() {
    let text = run(&["budget", PL, "--excel", "--lang", "pl"]);
    assert!(text.starts_with("\u{feff}rodzaj;id;tytuł;"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn polish_excel_plan_has_polish_headers_and_values() {
    let text = run(&["plan", PL, "--excel", "--lang", "pl"]);
    assert!(text.starts_with("\u{feff}rodzaj;pozycja;id;"), "{text}");
    assert!(text.contains(";zaplanowana;"), "{text}");
    assert!(text.contains(";nie;"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn the_roadmap_language_chooses_the_excel_words() {
    // examples/roadmap.pl.toml says `language = "pl"`.
    assert_eq!(
        run(&["plan", PL, "--excel"]),
        run(&["plan", PL, "--excel", "--lang", "pl"])
    );
}

#[test]
fn plain_csv_stays_english_in_every_language() {
    for report in ["budget", "plan", "inventory", "kpi"] {
        let pl = run(&[report, PL, "--format", "csv", "--lang", "pl"]);
        let en = run(&[report, PL, "--format", "csv", "--lang", "en"]);
        assert_eq!(pl, en, "{report}");
        assert!(!pl.starts_with('\u{feff}'), "{report}: {pl}");
        for polish in ["zaplanowana", "w toku", "tytuł", "rodzaj", "nigdzie"] {
            assert!(!pl.contains(polish), "{report}: {polish} in {pl}");
        }
    }
    let diff = run(&["diff", PL, PL, "--format", "csv", "--lang", "pl"]);
    assert!(
        diff.starts_with("kind,id,field,old,new,delta,counts_in,section\r\n"),
        "{diff}"
    );
}

#[test]
fn english_excel_keeps_the_english_keys_and_values() {
    let text = run(&["plan", PL, "--excel", "--lang", "en"]);
    assert!(text.starts_with("\u{feff}kind;rank;id;title;"), "{text}");
    assert!(text.contains(";planned;"), "{text}");
    assert!(text.contains(";false;"), "{text}");
    assert!(text.contains(";cxm\r\n"), "{text}");
}

#[test]
fn every_report_words_its_excel_in_polish() {
    for (report, head) in [
        ("inventory", "\u{feff}id;tytuł;kompetencja;"),
        ("kpi", "\u{feff}grupa;id;nazwa;"),
    ] {
        let text = run(&[report, PL, "--excel", "--lang", "pl"]);
        assert!(text.starts_with(head), "{report}: {text}");
    }
    let diff = run(&["diff", PL, PL, "--excel", "--lang", "pl"]);
    assert!(
        diff.starts_with("\u{feff}rodzaj;id;pole;poprzednia wartość;"),
        "{diff}"
    );
    assert!(diff.contains("\r\nsuma;CXM;CXM;"), "{diff}");
    assert!(diff.contains("\r\nsuma;Ład CX;CXM;"), "{diff}");
    assert!(diff.contains("\r\nsuma;I kw.;CXM;"), "{diff}");
}

#[test]
fn polish_excel_still_defuses_formulas_and_writes_the_decimal_comma() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roadmap.toml");
    let source =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(BUDGET_CUT))
            .unwrap()
            .replace("title = \"CX vision\"", "title = \"=HYPERLINK(1)\"");
    std::fs::write(&path, source).unwrap();
    let text = run(&["plan", path.to_str().unwrap(), "--excel", "--lang", "pl"]);
    assert!(text.starts_with("\u{feff}rodzaj;"), "{text}");
    assert!(text.contains(";'=HYPERLINK(1);"), "{text}");
    assert!(text.contains(";12,5;"), "{text}");
    assert!(!text.contains(";=HYPERLINK"), "{text}");
}
