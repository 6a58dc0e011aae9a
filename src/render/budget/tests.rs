//! The budget report's formats agree with each other and with the model.

use super::*;
use crate::budget::tests::{
    amount as quote, date, initiative, money, need, opts, rnps, roadmap, sp,
};
use crate::budget::{BudgetOptions, compute};
use crate::roadmap::{Competency, Initiative, Roadmap, Status, Training};

fn sample() -> Roadmap {
    let cx = initiative(
        "cx-1",
        Competency::Design,
        Area::Cx,
        date(2027, 3, 1),
        date(2027, 9, 30),
    )
    .with(|i| {
        i.department = sp("care".to_string());
        i.quotes = vec![quote(999)];
    });
    let bare = initiative(
        "bare",
        Competency::Governance,
        Area::Cxm,
        date(2027, 1, 1),
        date(2027, 1, 31),
    );
    let idea = Initiative {
        status: sp(Status::Idea),
        ..initiative(
            "idea-1",
            Competency::Culture,
            Area::Cxm,
            date(2028, 1, 1),
            date(2028, 2, 1),
        )
    }
    .with(|i| {
        i.cost = sp(money(300));
    });
    let mut r = roadmap(vec![rnps(), cx, bare, idea]);
    r.meta.day_rate = sp(money(900));
    r.training = vec![
        Training {
            id: sp("onboarding".to_string()),
            title: sp("CX onboarding".to_string()),
            competency: sp(Competency::Culture),
            cost_per_person: sp(Money(33_333)),
            funding: sp(Funding::Central),
            needs: vec![need("sales", 1)],
            ..Training::default()
        },
        Training {
            id: sp("voc-analysis".to_string()),
            competency: sp(Competency::Measurement),
            cost_per_person: sp(money(1200)),
            funding: sp(Funding::Department),
            needs: vec![need("sales", 10), need("care", 25)],
            ..Training::default()
        },
    ];
    r
}

fn render_as(b: &Budget, format: Format, lang: Language, excel: bool) -> Vec<u8> {
    render(
        b,
        &RenderOptions {
            format,
            lang,
            color: false,
            excel,
            width: None,
        },
    )
    .unwrap()
}

fn records(bytes: &[u8], excel: bool) -> Vec<std::collections::HashMap<String, String>> {
    let bytes = if excel {
        bytes.strip_prefix("\u{feff}".as_bytes()).expect("a BOM")
    } else {
        bytes
    };
    let mut rd = ::csv::ReaderBuilder::new()
        .delimiter(if excel { b';' } else { b',' })
        .from_reader(bytes);
    let headers = rd.headers().unwrap().clone();
    rd.records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// A JSON value as the CSV writes it: `null` is an empty cell.
fn as_cell(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[test]
fn csv_reads_back_as_the_json() {
    let b = compute(&sample(), &opts(2027)).unwrap();
    let json: serde_json::Value =
        serde_json::from_slice(&render_as(&b, Format::Json, Language::En, false)).unwrap();
    let csv = render_as(&b, Format::Csv, Language::En, false);
    let rows = records(&csv, false);
    assert_eq!(rows.len(), 3 + 2 + 1);
    let keys = [
        "quotes",
        "low",
        "mid",
        "high",
        "markup_percent",
        "estimate",
        "estimate_low",
        "estimate_high",
        "cost",
        "budget",
        "before",
        "after",
        "plan_year_budget",
        "effort_days",
        "internal_cost",
        "competency",
        "area",
        "department",
        "status",
        "title",
    ];
    let mut seen = 0;
    for (kind, list) in [("initiative", "initiatives"), ("backlog", "backlog")] {
        for j in json[list].as_array().unwrap() {
            let row = rows
                .iter()
                .find(|r| r["kind"] == kind && r["id"] == j["id"].as_str().unwrap())
                .unwrap();
            for k in keys {
                if j.get(k).is_some() {
                    assert_eq!(row[k], as_cell(&j[k]), "{} {k}", row["id"]);
                }
            }
            if let Some(q) = j["quarters"].as_array() {
                for (i, q) in q.iter().enumerate() {
                    assert_eq!(row[&format!("q{}", i + 1)], as_cell(q));
                }
            }
            seen += 1;
        }
    }
    for j in json["training"].as_array().unwrap() {
        let row = rows
            .iter()
            .find(|r| r["kind"] == "training" && r["id"] == j["id"].as_str().unwrap())
            .unwrap();
        for k in ["cost", "people", "cost_per_person", "funding", "competency"] {
            assert_eq!(row[k], as_cell(&j[k]), "{k}");
        }
        for i in 0..4 {
            assert_eq!(row[&format!("q{}", i + 1)], as_cell(&j["quarters"][i]));
        }
        seen += 1;
    }
    assert_eq!(seen, rows.len());
    let rnps = rows.iter().find(|r| r["id"] == "rnps-2027").unwrap();
    assert_eq!(rnps["q1"], "24131.00");
    assert_eq!(rnps["q2"], "37219.00");
    assert_eq!(rnps["low"], "44000.00");

    // The Excel variant holds the same figures with a decimal comma.
    let excel = records(&render_as(&b, Format::Csv, Language::En, true), true);
    assert_eq!(excel.len(), rows.len());
    for (e, r) in excel.iter().zip(&rows) {
        for (k, v) in r {
            if k == "title" {
                assert_eq!(&e[k], v);
            } else {
                assert_eq!(&e[k].replace(',', "."), v, "{k}");
            }
        }
    }
    assert!(
        String::from_utf8(render_as(&b, Format::Csv, Language::En, true))
            .unwrap()
            .contains("44000,00")
    );
}

#[test]
fn csv_defuses_formulas() {
    let titles = [
        "=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "\rx", "plain", "a=b",
    ];
    let inis = titles
        .iter()
        .enumerate()
        .map(|(k, t)| Initiative {
            title: sp(t.to_string()),
            ..initiative(
                &format!("i{k}"),
                Competency::Design,
                Area::Cxm,
                date(2027, 1, 1),
                date(2027, 1, 1),
            )
        })
        .collect();
    let b = compute(&roadmap(inis), &opts(2027)).unwrap();
    let rows = records(&render_as(&b, Format::Csv, Language::En, false), false);
    for (r, t) in rows.iter().zip(titles) {
        let expected = if t.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{t}")
        } else {
            t.to_string()
        };
        assert_eq!(r["title"], expected);
    }
}

#[test]
fn table_in_english_and_polish() {
    let b = compute(&sample(), &opts(2027)).unwrap();
    let en = String::from_utf8(render_as(&b, Format::Table, Language::En, false)).unwrap();
    assert!(!en.contains('\u{1b}'));
    for s in [
        "CXM budget 2027",
        "Currency: PLN",
        "Markup: 12.5%",
        "24,131.00",
        "37,219.00",
        "Experience measurement and metrics analysis",
        "Department guidelines",
        "voc-analysis",
        "30,000.00",
        "idea-1",
    ] {
        assert!(en.contains(s), "{s} in\n{en}");
    }
    let pl = String::from_utf8(render_as(&b, Format::Table, Language::Pl, false)).unwrap();
    for s in [
        "Budżet CXM 2027",
        "24\u{a0}131,00",
        "Pomiar doświadczeń i analiza wskaźników",
        "12,5\u{a0}%",
    ] {
        assert!(pl.contains(s), "{s} in\n{pl}");
    }
}

#[test]
fn markdown_has_the_table_content() {
    let mut r = sample();
    r.initiatives[0].id = sp("a|b".to_string());
    let b = compute(
        &r,
        &BudgetOptions {
            plan_year: 2027,
            as_of: date(2026, 11, 15),
        },
    )
    .unwrap();
    let md = String::from_utf8(render_as(&b, Format::Markdown, Language::En, false)).unwrap();
    assert!(md.starts_with("# CXM budget 2027\n"));
    assert!(
        md.contains("| a\\|b | Title of rnps-2027 | 2 | 44,000.00 |"),
        "{md}"
    );
    assert!(md.contains("## Department guidelines"));
    assert!(md.contains("**61,350.00**") || md.contains("**"), "{md}");
}

#[test]
fn colour_only_when_asked() {
    let b = compute(&sample(), &opts(2027)).unwrap();
    let opts = |color| RenderOptions {
        format: Format::Table,
        lang: Language::En,
        color,
        excel: false,
        width: None,
    };
    let plain = String::from_utf8(render(&b, &opts(false)).unwrap()).unwrap();
    let styled = String::from_utf8(render(&b, &opts(true)).unwrap()).unwrap();
    assert!(!plain.contains('\u{1b}'));
    assert!(styled.contains('\u{1b}'));
}

#[test]
fn json_is_serde_jsons_text_of_the_model() {
    let small = compute(&sample(), &opts(2027)).unwrap();
    // The report is written into the output as it renders, through a
    // buffer: enough lines for that buffer to be flushed many times.
    let mut large = sample();
    let copies: Vec<Initiative> = (0..2_500)
        .flat_map(|i| {
            large.initiatives.iter().map(move |ini| {
                let mut ini = ini.clone();
                ini.id = sp(format!(
                    "{}-{i}",
                    ini.id.as_ref().map_or("", |id| &id.value)
                ));
                ini
            })
        })
        .collect();
    large.initiatives = copies;
    let large = compute(&large, &opts(2027)).unwrap();
    assert!(large.initiatives.len() > 5_000 && large.backlog.len() > 2_000);
    for b in [&small, &large] {
        let mut expected = serde_json::to_vec_pretty(b).unwrap();
        expected.push(b'\n');
        let json = render_as(b, Format::Json, Language::En, false);
        assert!(
            json == expected,
            "the budget's JSON differs from serde_json's"
        );
    }
}
