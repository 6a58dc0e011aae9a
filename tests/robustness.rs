//! Any input, however malformed, loads and checks without a panic; and a
//! generated valid roadmap stays clean until a mutation breaks one rule, which
//! is then reported.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use chrono::NaiveDate;
use cxm::diag::Severity;
use cxm::pipeline::{self, Checked, Overrides};
use proptest::prelude::*;

/// The pipeline as of the generated roadmaps' date.
fn check_bytes(name: &str, bytes: Vec<u8>) -> Checked {
    let overrides = Overrides {
        as_of: NaiveDate::from_ymd_opt(2026, 11, 15),
        year: None,
        scenario: None,
    };
    pipeline::run(name, bytes, &overrides)
}

fn codes(text: &str) -> Vec<String> {
    check_bytes("gen.toml", text.as_bytes().to_vec())
        .findings
        .iter()
        .map(|f| f.code.as_str().to_string())
        .collect()
}

const COMPETENCIES: [&str; 4] = ["governance", "measurement", "design", "culture"];

/// A valid roadmap with `n` extra initiatives, each with two quotes.
fn roadmap(n: usize, quotes: &[(u32, u32)], markup: u8) -> String {
    let mut s = format!(
        "[roadmap]\nplan_year = 2027\nas_of = 2026-11-15\nmarkup_percent = {markup}\n\n\
         [[team]]\nid = \"ak\"\nname = \"Anna\"\ncapacity_days = 100000\n\n\
         [[departments]]\nid = \"sales\"\nname = \"Sales\"\n\n"
    );
    for i in 0..(n + 4) {
        let (lo, hi) = quotes[i % quotes.len()];
        s.push_str(&format!(
            "[[initiatives]]\nid = \"i{i}\"\ntitle = \"Initiative {i}\"\n\
             competency = \"{}\"\narea = \"cxm\"\nstatus = \"planned\"\nowner = \"ak\"\n\
             priority = {}\nstart = 2027-02-01\nend = 2027-06-30\neffort_days = 5\n\
             kpi = \"measured\"\n\n  [[initiatives.quotes]]\n  vendor = \"A\"\n  min = {lo}\n  max = {}\n  date = 2026-10-01\n\n\
             \x20 [[initiatives.quotes]]\n  vendor = \"B\"\n  amount = {lo}\n  date = 2026-10-02\n\n",
            COMPETENCIES[i % 4],
            i % 5 + 1,
            lo.max(hi),
        ));
    }
    s
}

/// Mutations that each break one rule, with the code that must be reported.
const MUTATIONS: &[(&str, &str, &str)] = &[
    ("competency = \"design\"", "competency = \"desing\"", "E003"),
    ("owner = \"ak\"", "ownr = \"ak\"", "E002"),
    ("owner = \"ak\"", "owner = \"zz\"", "E005"),
    ("id = \"i1\"", "id = \"i0\"", "E004"),
    ("min = ", "min = -", "E006"),
    ("end = 2027-06-30", "end = 2027-01-01", "E007"),
    ("area = \"cxm\"\nstatus", "status", "E012"),
    ("plan_year = 2027", "plan_year = \"2027\"", "E003"),
    ("start = 2027-02-01", "start = \"2027-02-01\"", "E003"),
    ("[[initiatives]]", "[[initiatives]", "E001"),
    ("area = \"cxm\"", "area = \"cx\"", "E011"),
    ("kpi = \"measured\"\n", "", "W002"),
    ("effort_days = 5\n", "", "W003"),
    ("markup_percent = ", "markup_percent = 0.", "W007"),
    ("capacity_days = 100000", "capacity_days = 1", "W009"),
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn generated_roadmaps_are_clean_and_each_mutation_is_reported(
        n in 0usize..6,
        quotes in prop::collection::vec((0u32..1_000_000, 0u32..1_000_000), 1..4),
        markup in 10u8..=15,
        which in 0usize..MUTATIONS.len(),
    ) {
        let text = roadmap(n, &quotes, markup);
        let clean = codes(&text);
        prop_assert!(clean.is_empty(), "clean roadmap gave {clean:?}");
        let (from, to, code) = MUTATIONS[which];
        let mutated = text.replacen(from, to, 1);
        prop_assert_ne!(&mutated, &text);
        let found = codes(&mutated);
        prop_assert!(found.iter().any(|c| c == code), "{from} -> {to}: expected {code}, got {found:?}");
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = check_bytes("any.toml", bytes);
    }

    #[test]
    fn mutated_roadmaps_never_panic(
        cut in 0usize..2000,
        len in 0usize..40,
        insert in "[\\[\\]{}=\"'\\n0-9a-z.,#-]{0,12}",
    ) {
        let text = roadmap(2, &[(100, 200)], 12);
        let start = cut.min(text.len());
        let end = (start + len).min(text.len());
        let mut bytes = text.into_bytes();
        bytes.splice(start..end, insert.into_bytes());
        let checked = check_bytes("mut.toml", bytes);
        for f in &checked.findings {
            // Every finding points inside the file.
            prop_assert!(f.span.start() <= checked.source.text.len());
        }
    }
}

#[test]
fn hostile_inputs_are_findings_not_crashes() {
    let deep_array = format!("a = {}{}", "[".repeat(100_000), "]".repeat(100_000));
    let deep_table = format!("a = {}1{}", "{b=".repeat(50_000), "}".repeat(50_000));
    let dotted = format!("{}b = 1", "a.".repeat(100_000));
    let long_string = format!(
        "[roadmap]\nplan_year = 2027\norganisation = \"{}\"\n",
        "x".repeat(30_000_000)
    );
    let cases: Vec<(&str, String, bool)> = vec![
        ("empty", String::new(), true),
        ("deep array", deep_array, true),
        ("deep inline table", deep_table, true),
        ("deep dotted key", dotted, true),
        ("long string", long_string, false),
        (
            "big integer",
            "[roadmap]\nplan_year = 2027\nbudget_cap = 99999999999999999999999999999\n".into(),
            true,
        ),
        (
            "nan and inf",
            "[roadmap]\nplan_year = 2027\nbudget_cap = nan\nday_rate = -inf\nmarkup_percent = inf\n"
                .into(),
            true,
        ),
        (
            "dates at the edges",
            "[roadmap]\nplan_year = 9999\nas_of = 0001-01-01\n[[initiatives]]\nid = \"a\"\n\
             title = \"t\"\ncompetency = \"design\"\narea = \"cxm\"\nstatus = \"planned\"\n\
             start = 0001-01-01\nend = 9999-12-31\n"
                .into(),
            false,
        ),
    ];
    for (what, text, must_fail) in cases {
        let checked = check_bytes(what, text.into_bytes());
        if must_fail {
            assert!(
                checked
                    .findings
                    .iter()
                    .any(|f| f.severity() == Severity::Error),
                "{what}: expected an error"
            );
        }
    }
    let not_utf8 = check_bytes(
        "latin2.toml",
        b"[roadmap]\nteam = \"Zesp\xf3\xb3\"\n".to_vec(),
    );
    assert_eq!(not_utf8.findings.len(), 1);
    assert_eq!(not_utf8.findings[0].code.as_str(), "E001");
    assert_eq!(
        not_utf8
            .source
            .position(not_utf8.findings[0].span.start())
            .line,
        2
    );
}

/// Renders the KPI report in every format and the HTML dashboard of a
/// checked roadmap, as the CLI does; panics are the failure.
fn render_everything(checked: &Checked) -> (cxm::kpi::KpiReport, String) {
    use cxm::render::{Format, RenderOptions};
    use cxm::roadmap::Language;
    let year = checked.plan_year.unwrap_or(2027);
    let report = cxm::kpi::build(&checked.roadmap, checked.as_of, year);
    for format in [Format::Table, Format::Csv, Format::Json, Format::Markdown] {
        for lang in [Language::En, Language::Pl] {
            let opts = RenderOptions {
                format,
                lang,
                color: false,
                excel: format == Format::Csv && lang == Language::Pl,
                width: None,
            };
            cxm::render::kpi::render(&report, &opts).expect("the KPI report renders");
        }
    }
    let mut html = String::new();
    if let Some(b) = &checked.budget {
        let d = cxm::dashboard::build(
            &checked.roadmap,
            &checked.source,
            &checked.findings,
            b,
            checked.as_of,
        )
        .expect("a budget that computed gives a dashboard");
        html = String::from_utf8(cxm::render::html::render(&d, Language::Pl))
            .expect("the dashboard is UTF-8");
    }
    (report, html)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// KPIs with any values, dates and directions: the reports never panic,
    /// never draw NaN, and the status agrees with the figures.
    #[test]
    fn any_kpis_render_and_agree_with_their_status(
        kpis in prop::collection::vec(
            (
                any::<bool>(),
                -1e7f64..1e7,
                1u32..1_000_000_000,
                prop::collection::vec((0u32..2000, -1e7f64..1e7), 0..5),
            ),
            0..5,
        ),
        extra in 0usize..3,
    ) {
        let mut text = roadmap(extra, &[(100, 200)], 12);
        for (i, (up, baseline, gain, ms)) in kpis.iter().enumerate() {
            // The target beyond the baseline in the KPI's direction (E014
            // otherwise), in hundredths.
            let baseline = (baseline * 100.0).round() / 100.0;
            let gain = f64::from(*gain) / 100.0;
            let target = if *up { baseline + gain } else { baseline - gain };
            let measurements: Vec<String> = ms
                .iter()
                .map(|(day, v)| {
                    let date = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap()
                        + chrono::Days::new(u64::from(*day));
                    format!("{{ date = {date}, value = {v:.2} }}")
                })
                .collect();
            text.push_str(&format!(
                "[[kpis]]\nid = \"k{i}\"\nname = \"KPI {i}\"\ngroup = \"{}\"\nunit = \"pts\"\n\
                 direction = \"{}\"\nbaseline = {baseline:.2}\ntarget = {target:.2}\n\
                 measurements = [{}]\n\n",
                ["company", "customer", "business"][i % 3],
                if *up { "up" } else { "down" },
                measurements.join(", "),
            ));
        }
        let checked = check_bytes("kpi.toml", text.into_bytes());
        prop_assert!(!checked.has_data_errors(), "{:?}", checked.findings);
        let (report, html) = render_everything(&checked);
        prop_assert_eq!(report.kpis.len(), kpis.len());
        prop_assert!(!html.contains("NaN") && !html.contains("=\"inf") && !html.contains("=\"-inf"));
        for k in &report.kpis {
            let dates: Vec<_> = k.series.iter().map(|p| p.date).collect();
            prop_assert!(dates.windows(2).all(|w| w[0] <= w[1]));
            if let (Some(l), Some(t), s) = (k.latest, k.target, k.status) {
                let beyond = match k.direction {
                    cxm::roadmap::Direction::Up => l >= t,
                    cxm::roadmap::Direction::Down => l <= t,
                };
                prop_assert_eq!(beyond, s == cxm::kpi::KpiStatus::Reached);
            }
        }
    }

    #[test]
    fn mutated_roadmaps_render_without_panic(
        cut in 0usize..2000,
        len in 0usize..40,
        insert in "[\\[\\]{}=\"'\\n0-9a-z.,#-]{0,12}",
    ) {
        let text = format!(
            "{}[[kpis]]\nid = \"nps\"\ngroup = \"customer\"\ndirection = \"up\"\nbaseline = 1\n\
             target = 2\nmeasurements = [{{ date = 2026-01-01, value = 1.5 }}]\n",
            roadmap(1, &[(100, 200)], 12)
        );
        let start = cut.min(text.len());
        let end = (start + len).min(text.len());
        let mut bytes = text.into_bytes();
        bytes.splice(start..end, insert.into_bytes());
        let checked = check_bytes("mut.toml", bytes);
        if !checked.has_data_errors() {
            render_everything(&checked);
        }
    }
}

/// One finding per bad value (SPEC section 11): a date shaped right that
/// names no day is one E001, wherever it stands, and not also an E003 about
/// what the parser made of it.
#[test]
fn an_impossible_date_is_one_finding() {
    for bad in [
        "2027-02-30",
        "2027-13-01",
        "2026-02-29",
        "2027-04-31",
        "2027-00-10",
        "2027-02-30T10:00:00",
    ] {
        for good in [
            "as_of = 2026-11-15",
            "start = 2027-02-01",
            "end = 2027-06-30",
        ] {
            let (key, _) = good.split_once(" = ").unwrap();
            let text = roadmap(0, &[(1000, 2000)], 12).replacen(good, &format!("{key} = {bad}"), 1);
            assert!(text.contains(bad), "{text}");
            assert_eq!(codes(&text), ["E001"], "{key} = {bad}");
        }
    }
}
