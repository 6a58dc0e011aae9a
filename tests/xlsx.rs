//! Workbooks (SPEC section 12), through the binary: every report's sheet
//! read back with calamine holds the same lines as its CSV, cell by cell
//! (numbers to the last digit the CSV writes, dates as dates, text as
//! text), its headers in the report's language; totals are formulas with
//! cxm's figures stored; a title that looks like a formula stays text; an
//! amount past 15 significant digits carries a note with the exact figure;
//! and LibreOffice, when installed (required on CI), recomputes every
//! formula to exactly the figure cxm stored.

// Test helpers outside #[test] functions may unwrap too.
#![allow(clippy::unwrap_used)]

use calamine::{Data, Reader, Xlsx, open_workbook};
use insta_cmd::get_cargo_bin;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const EXAMPLE: &str = "roadmap.toml.example";
const PL: &str = "examples/roadmap.pl.toml";
const FOOTING: &str = "tests/fixtures/inventory/footing.toml";
const REPORTS: [&str; 4] = ["budget", "plan", "inventory", "kpi"];

fn cxm(args: &[&str]) -> Output {
    Command::new(get_cargo_bin("cxm"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// Standard output of a command that must succeed.
fn ok(args: &[&str]) -> Vec<u8> {
    let out = cxm(args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Runs a command that writes a workbook to `dir/name` and returns its path.
fn workbook(dir: &Path, name: &str, args: &[&str]) -> PathBuf {
    let path = dir.join(name);
    let mut all: Vec<&str> = args.to_vec();
    let p = path.to_str().unwrap().to_string();
    all.extend(["-o", &p]);
    ok(&all);
    path
}

/// The CSV of a report as rows of fields: plain CSV in English, Polish
/// `--excel` (its BOM cut, `;`) in Polish.
fn csv_rows(bytes: &[u8], excel: bool) -> Vec<Vec<String>> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(if excel { b';' } else { b',' })
        .from_reader(bytes);
    r.records()
        .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// What the CSV writes for a text that a spreadsheet would run.
fn defuse(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// A spreadsheet date serial as `YYYY-MM-DD`.
fn serial_date(serial: f64) -> String {
    let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
    (base + chrono::Days::new(serial as u64))
        .format("%Y-%m-%d")
        .to_string()
}

/// Compares a sheet's cell with the CSV's field: the same number (the
/// double nearest the CSV's decimal, which is what cxm writes), the same
/// date, the same text.
fn same(cell: &Data, field: &str, at: &str) {
    let field_num = field.replace(',', ".");
    match cell {
        Data::Empty => assert_eq!(field, "", "{at}: empty cell, CSV has {field:?}"),
        Data::String(s) => assert_eq!(&defuse(s), field, "{at}"),
        Data::Float(f) => {
            let want: f64 = field_num
                .parse()
                .unwrap_or_else(|_| panic!("{at}: number {f}, CSV has {field:?}"));
            assert_eq!(*f, want, "{at}: {f} against the CSV's {field}");
        }
        Data::Int(i) => assert_eq!(i.to_string(), field, "{at}"),
        Data::DateTime(d) => assert_eq!(serial_date(d.as_f64()), field, "{at}"),
        other => panic!("{at}: unexpected cell {other:?}"),
    }
}

/// A sheet's table is its CSV, and what is under it are total rows whose
/// figures are formulas. Returns the number of formulas.
fn compare_sheet(book: &Path, sheet: &str, csv: &[Vec<String>], what: &str) -> usize {
    let mut wb: Xlsx<_> = open_workbook(book).unwrap();
    let range = wb.worksheet_range(sheet).unwrap();
    let formulas = wb.worksheet_formula(sheet).unwrap();
    assert_eq!(range.start(), Some((0, 0)), "{what}");
    for (r, fields) in csv.iter().enumerate() {
        for (c, field) in fields.iter().enumerate() {
            let at = format!("{what} row {} column {}", r + 1, c + 1);
            let cell = range
                .get_value((r as u32, c as u32))
                .cloned()
                .unwrap_or(Data::Empty);
            same(&cell, field, &at);
            let formula = formulas.get_value((r as u32, c as u32));
            // Lines hold values, never formulas (the diff's delta aside).
            if what.starts_with("diff") && r > 0 && c == 5 && !field.is_empty() {
                assert!(
                    formula.is_some_and(|f| f.contains('-')),
                    "{at}: delta {formula:?}"
                );
            } else {
                assert!(
                    formula.is_none_or(String::is_empty),
                    "{at}: a formula {formula:?} in a line"
                );
            }
        }
    }
    // The row under the table is empty; every figure below it is a formula.
    let (height, width) = range.get_size();
    let mut count = 0;
    let first_total = csv.len() + 1;
    for r in csv.len()..height {
        for c in 1..width {
            let cell = range
                .get_value((r as u32, c as u32))
                .unwrap_or(&Data::Empty);
            if matches!(cell, Data::Empty) {
                continue;
            }
            assert!(
                r >= first_total,
                "{what}: the row under the table is not empty"
            );
            let formula = formulas.get_value((r as u32, c as u32)).unwrap();
            assert!(
                formula.starts_with("SUM(") || formula.starts_with("SUMIFS("),
                "{what} row {}: {formula}",
                r + 1
            );
            assert!(matches!(cell, Data::Float(_)), "{what}: total {cell:?}");
            count += 1;
        }
    }
    count
}

/// Every report of both examples, English and Polish: the sheet is its
/// CSV to the grosz, with Polish headers and words in Polish.
#[test]
fn every_report_reads_back_as_its_csv() {
    let dir = tempfile::tempdir().unwrap();
    for file in [EXAMPLE, PL] {
        for report in REPORTS {
            for lang in ["en", "pl"] {
                let name = format!("{report}-{lang}-{}.xlsx", file.len());
                let book = workbook(
                    dir.path(),
                    &name,
                    &[report, file, "--format", "xlsx", "--lang", lang],
                );
                let csv = if lang == "en" {
                    csv_rows(&ok(&[report, file, "--format", "csv"]), false)
                } else {
                    csv_rows(&ok(&[report, file, "--excel", "--lang", "pl"]), true)
                };
                let wb: Xlsx<_> = open_workbook(&book).unwrap();
                let sheet = wb.sheet_names()[0].clone();
                let formulas =
                    compare_sheet(&book, &sheet, &csv, &format!("{report} {lang} {file}"));
                if report != "kpi" {
                    assert!(formulas > 0, "{report}: no totals");
                }
            }
        }
    }
}

/// The Polish sheet's headers are the Polish `--excel` headers.
#[test]
fn polish_headers_and_sheet_names() {
    let dir = tempfile::tempdir().unwrap();
    let book = workbook(dir.path(), "b.xlsx", &["budget", PL, "--format", "xlsx"]);
    let mut wb: Xlsx<_> = open_workbook(&book).unwrap();
    assert_eq!(wb.sheet_names(), vec!["Budżet".to_string()]);
    let range = wb.worksheet_range("Budżet").unwrap();
    assert_eq!(
        range.get_value((0, 0)),
        Some(&Data::String("rodzaj".into()))
    );
    let header: Vec<String> = (0..range.width())
        .map(|c| range.get_value((0, c as u32)).unwrap().to_string())
        .collect();
    assert!(
        header.contains(&"budżet roku planu".to_string()),
        "{header:?}"
    );
    assert!(header.contains(&"liczy się w".to_string()), "{header:?}");
}

/// The CXM total is a SUMIFS over the `counts_in` column, and its stored
/// figure is the budget's CXM total in JSON.
#[test]
fn the_cxm_total_is_a_sumifs_with_cxms_figure() {
    let dir = tempfile::tempdir().unwrap();
    let book = workbook(
        dir.path(),
        "b.xlsx",
        &["budget", EXAMPLE, "--format", "xlsx"],
    );
    let json: serde_json::Value =
        serde_json::from_slice(&ok(&["budget", EXAMPLE, "--format", "json"])).unwrap();
    let cxm_total: f64 = json["totals"]["cxm"].as_str().unwrap().parse().unwrap();
    let mut wb: Xlsx<_> = open_workbook(&book).unwrap();
    let range = wb.worksheet_range("Budget").unwrap();
    let formulas = wb.worksheet_formula("Budget").unwrap();
    let header: Vec<String> = (0..range.width())
        .map(|c| range.get_value((0, c as u32)).unwrap().to_string())
        .collect();
    let col = header.iter().position(|h| h == "plan_year_budget").unwrap() as u32;
    let row = (0..range.height() as u32)
        .find(|r| range.get_value((*r, 0)) == Some(&Data::String("CXM total".into())))
        .unwrap();
    assert_eq!(range.get_value((row, col)), Some(&Data::Float(cxm_total)));
    let f = formulas.get_value((row, col)).unwrap();
    assert!(f.starts_with("SUMIFS($"), "{f}");
    assert!(f.contains("\"=cxm\""), "{f}");
}

/// A title that starts with `=` is a text cell, never a formula.
#[test]
fn a_formula_like_title_stays_text() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE))
        .unwrap()
        .replace(
            "title = \"Relationship NPS survey\"",
            "title = \"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\"",
        );
    let roadmap = dir.path().join("roadmap.toml");
    std::fs::write(&roadmap, text).unwrap();
    let r = roadmap.to_str().unwrap();
    let book = workbook(dir.path(), "b.xlsx", &["budget", r, "--format", "xlsx"]);
    let mut wb: Xlsx<_> = open_workbook(&book).unwrap();
    let range = wb.worksheet_range("Budget").unwrap();
    let formulas = wb.worksheet_formula("Budget").unwrap();
    let hits: Vec<_> = range
        .used_cells()
        .filter(|(_, _, v)| matches!(v, Data::String(s) if s.starts_with("=HYPERLINK")))
        .collect();
    assert_eq!(hits.len(), 1, "{hits:?}");
    let (r, c, _) = hits[0];
    assert!(
        formulas
            .get_value((r as u32, c as u32))
            .is_none_or(String::is_empty)
    );
}

/// An amount of 16 significant digits is still a number, with a note that
/// gives it exactly.
#[test]
fn amounts_past_fifteen_digits_carry_the_exact_figure() {
    let dir = tempfile::tempdir().unwrap();
    // A fixed cost of 9999999999000.01 on a plan-year initiative: its
    // budget is 10000000055350.01, 16 significant digits (and over the
    // cap: E010, which the report still shows).
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE))
        .unwrap()
        .replace("\ncost = 5000\n", "\ncost = 9999999999000.01\n");
    let roadmap = dir.path().join("roadmap.toml");
    std::fs::write(&roadmap, &text).unwrap();
    let r = roadmap.to_str().unwrap();
    let book = workbook(dir.path(), "b.xlsx", &["budget", r, "--format", "xlsx"]);
    let csv = csv_rows(&ok(&["budget", r, "--format", "csv"]), false);
    assert!(
        csv.iter().flatten().any(|f| f == "10000000055350.01"),
        "the fixture has no such cost"
    );
    compare_sheet(&book, "Budget", &csv, "big budget");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&book).unwrap()).unwrap();
    let mut comments = String::new();
    zip.by_name("xl/comments1.xml")
        .unwrap()
        .read_to_string(&mut comments)
        .unwrap();
    assert!(
        comments.contains("Exact amount") && comments.contains("10000000055350.01"),
        "{comments}"
    );
}

/// No workbook to standard output: a terminal, a pipe or `-o -`, exit 2 in
/// both languages.
#[test]
fn a_workbook_needs_a_file() {
    for args in [
        &["budget", EXAMPLE, "--format", "xlsx"][..],
        &["plan", EXAMPLE, "--format", "xlsx", "-o", "-"][..],
    ] {
        let out = cxm(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("--output FILE"), "{err}");
        assert!(err.contains("podaj plik"), "{err}");
    }
    let out = cxm(&["kpi", EXAMPLE, "--format", "xlsx", "--lang", "pl"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("podaj plik") && !err.contains("--output FILE"),
        "{err}"
    );
    let out = cxm(&["report", EXAMPLE, "--xlsx", "-"]);
    assert_eq!(out.status.code(), Some(2));
    let out = cxm(&["report", EXAMPLE, "--xlsx", "out.toml"]);
    assert_eq!(out.status.code(), Some(2));
}

/// The diff's sheet: its CSV, each total's delta a formula `new − old`.
#[test]
fn the_diff_sheet_reads_back_as_its_csv() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE)).unwrap();
    let new = text.replacen("max = 64000", "max = 70000", 1);
    assert_ne!(new, text);
    let old_path = dir.path().join("old.toml");
    let new_path = dir.path().join("new.toml");
    std::fs::write(&old_path, &text).unwrap();
    std::fs::write(&new_path, &new).unwrap();
    let (o, n) = (old_path.to_str().unwrap(), new_path.to_str().unwrap());
    let book = workbook(dir.path(), "d.xlsx", &["diff", o, n, "--format", "xlsx"]);
    let csv = csv_rows(&ok(&["diff", o, n, "--format", "csv"]), false);
    compare_sheet(&book, "Changes", &csv, "diff");
    let book = workbook(
        dir.path(),
        "d-pl.xlsx",
        &["diff", o, n, "--format", "xlsx", "--lang", "pl"],
    );
    let csv = csv_rows(&ok(&["diff", o, n, "--excel", "--lang", "pl"]), true);
    compare_sheet(&book, "Zmiany", &csv, "diff pl");
}

/// `cxm report --xlsx`: About first, then a sheet per report, and the HTML
/// beside it when both are asked for.
#[test]
fn the_report_workbook_has_a_sheet_per_report() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("all.xlsx");
    let html = dir.path().join("all.html");
    ok(&[
        "report",
        EXAMPLE,
        "--xlsx",
        book.to_str().unwrap(),
        "--html",
        html.to_str().unwrap(),
    ]);
    assert!(std::fs::read_to_string(&html).unwrap().contains("<html"));
    // The same roadmap gives the same bytes: no clock in the workbook.
    let again = dir.path().join("again.xlsx");
    ok(&["report", EXAMPLE, "--xlsx", again.to_str().unwrap()]);
    assert!(std::fs::read(&book).unwrap() == std::fs::read(&again).unwrap());
    let mut wb: Xlsx<_> = open_workbook(&book).unwrap();
    assert_eq!(
        wb.sheet_names(),
        [
            "About",
            "Budget",
            "Department guidelines",
            "Plan",
            "Inventory",
            "KPIs",
            "Goals",
            "Calendar",
            "Scenarios"
        ]
    );
    // The calendar's events, as `cxm calendar` lists them.
    let calendar = wb.worksheet_range("Calendar").unwrap();
    let events: Vec<String> = calendar
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join(",")
        })
        .collect();
    assert!(
        events
            .iter()
            .any(|e| e.contains("communication,town-hall,CX results at the quarterly town hall")),
        "{events:?}"
    );
    let about = wb.worksheet_range("About").unwrap();
    let labels: Vec<String> = (0..about.height() as u32)
        .map(|r| about.get_value((r, 0)).unwrap().to_string())
        .collect();
    for l in [
        "Organisation",
        "Plan year",
        "As of",
        "Scenario",
        "cxm version",
    ] {
        assert!(labels.iter().any(|x| x == l), "{l} not in {labels:?}");
    }
    assert!(
        labels.iter().any(|x| x.starts_with("Exchange rate")),
        "{labels:?}"
    );
    // Each sheet is the report's own `--format xlsx` sheet.
    for (sheet, report) in [
        ("Budget", "budget"),
        ("Plan", "plan"),
        ("Inventory", "inventory"),
        ("KPIs", "kpi"),
    ] {
        let csv = csv_rows(&ok(&[report, EXAMPLE, "--format", "csv"]), false);
        compare_sheet(&book, sheet, &csv, sheet);
    }
}

/// Where LibreOffice is (`soffice`), or `None`; on CI it must be there.
fn soffice() -> Option<&'static str> {
    for name in ["soffice", "libreoffice"] {
        let found = Command::new(name)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
        if found {
            return Some(name);
        }
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI needs LibreOffice (Debian's libreoffice-calc-nogui) for the recomputation test"
    );
    None
}

/// A LibreOffice profile that recomputes every formula of a workbook it
/// loads: by default it shows the values stored in an `.xlsx`.
fn recomputing_profile(dir: &Path) -> String {
    let user = dir.join("profile/user");
    std::fs::create_dir_all(&user).unwrap();
    std::fs::write(
        user.join("registrymodifications.xcu"),
        r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"#,
    )
    .unwrap();
    format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    )
}

/// LibreOffice loads the workbook, recomputes it and saves it again as
/// `.xlsx` in `out`: the saved values are its own.
fn recompute(soffice: &str, profile: &str, book: &Path, out: &Path) -> PathBuf {
    let status = Command::new(soffice)
        .args([
            profile,
            "--headless",
            "--norestore",
            "--convert-to",
            "xlsx",
            "--outdir",
        ])
        .arg(out)
        .arg(book)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let saved = out.join(book.file_name().unwrap());
    assert!(
        saved.exists(),
        "LibreOffice wrote nothing: {}",
        String::from_utf8_lossy(&status.stdout)
    );
    saved
}

/// Every figure LibreOffice computes equals the figure cxm stored, in every
/// sheet of the report workbook of both examples; and the profile does make
/// LibreOffice recompute (a formula stored with a wrong value comes back
/// right), so the comparison is not of stored values with themselves.
#[test]
fn libreoffice_recomputes_every_total_to_cxms_figure() {
    let Some(soffice) = soffice() else {
        eprintln!("LibreOffice is not installed: recomputation not tested");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let profile = recomputing_profile(dir.path());
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();

    // The profile recomputes: `=1+1` stored as 5 comes back 2.
    let probe = dir.path().join("probe.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    wb.add_worksheet()
        .write_formula(0, 0, rust_xlsxwriter::Formula::new("=1+1").set_result("5"))
        .unwrap();
    wb.save(&probe).unwrap();
    let saved = recompute(soffice, &profile, &probe, &out);
    let mut back: Xlsx<_> = open_workbook(&saved).unwrap();
    let first = back.sheet_names()[0].clone();
    let range = back.worksheet_range(&first).unwrap();
    assert_eq!(range.get_value((0, 0)), Some(&Data::Float(2.0)));

    // The examples, and a roadmap with a budget but no actual (the
    // inventory's "budget without an actual" line: a formula of its own).
    for (k, file) in [EXAMPLE, PL, FOOTING].into_iter().enumerate() {
        let book = dir.path().join(format!("book{k}.xlsx"));
        ok(&["report", file, "--xlsx", book.to_str().unwrap()]);
        let saved = recompute(soffice, &profile, &book, &out);
        let mut ours: Xlsx<_> = open_workbook(&book).unwrap();
        let mut theirs: Xlsx<_> = open_workbook(&saved).unwrap();
        let mut checked = 0;
        for sheet in ours.sheet_names() {
            let formulas = ours.worksheet_formula(&sheet).unwrap();
            let stored = ours.worksheet_range(&sheet).unwrap();
            let computed = theirs.worksheet_range(&sheet).unwrap();
            for (r, c, f) in formulas.used_cells() {
                if f.is_empty() {
                    continue;
                }
                let (r, c) = (
                    r as u32 + formulas.start().unwrap().0,
                    c as u32 + formulas.start().unwrap().1,
                );
                let want = stored.get_value((r, c)).unwrap();
                let got = computed.get_value((r, c)).unwrap();
                let (Data::Float(w), Data::Float(g)) = (want, got) else {
                    panic!("{file} {sheet} {r}:{c}: {want:?} against {got:?}");
                };
                // To the grosz, rounded as cxm's figures are.
                assert_eq!(
                    format!("{w:.2}"),
                    format!("{g:.2}"),
                    "{file} {sheet} row {} column {}: {f}",
                    r + 1,
                    c + 1
                );
                checked += 1;
            }
        }
        assert!(checked > 10, "{file}: only {checked} formulas");
    }
}
