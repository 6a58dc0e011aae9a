//! The benchmark's tools: `gen N OUT` writes a realistic roadmap of N
//! initiatives (quotes, dates, fx, training, KPIs); `toml FILE` parses a file
//! with the `toml` crate's plain document parser, the baseline; `phases
//! FILE` times the reader, `pipeline::run` and the JSON renderers in-process. Run through
//! `benches/run.sh`, which times both against `cxm check` and `cxm budget`.

use std::fmt::Write as _;
use std::process::ExitCode;

const COMPETENCIES: [&str; 4] = ["governance", "measurement", "design", "culture"];
const STATUSES: [&str; 6] = [
    "planned",
    "in-progress",
    "done",
    "idea",
    "on-hold",
    "planned",
];

fn generate(n: usize) -> String {
    let mut s = String::with_capacity(n * 700);
    let teams = (n / 50).max(3);
    let depts = (n / 200).max(2);
    let _ = write!(
        s,
        "#:schema ./roadmap.schema.json\n[roadmap]\norganisation = \"Bench Bank\"\nteam = \"CX Team\"\n\
         currency = \"PLN\"\nlanguage = \"en\"\nplan_year = 2027\nas_of = 2026-11-15\n\
         markup_percent = 12.5\nday_rate = 900\n\n[fx]\nEUR = 4.30\nUSD = 3.95\n\n"
    );
    for t in 0..teams {
        let _ = write!(
            s,
            "[[team]]\nid = \"m{t}\"\nname = \"Member {t}\"\nrole = \"CX Analyst\"\ncapacity_days = 100000\n\n"
        );
    }
    for d in 0..depts {
        let _ = write!(
            s,
            "[[departments]]\nid = \"d{d}\"\nname = \"Department {d}\"\nheadcount = 120\n\n"
        );
    }
    for c in COMPETENCIES {
        let _ = write!(s, "[maturity.{c}]\ncurrent = 2\ntarget = 3\n\n");
    }
    for i in 0..n {
        let c = COMPETENCIES[i % 4];
        let status = STATUSES[i % STATUSES.len()];
        let area = if i % 7 == 0 { "cx" } else { "cxm" };
        let month = i % 12 + 1;
        let _ = write!(
            s,
            "[[initiatives]]\nid = \"ini-{i}\"\ntitle = \"Initiative number {i}: żółta ścieżka klienta\"\n\
             competency = \"{c}\"\narea = \"{area}\"\nstatus = \"{status}\"\nowner = \"m{}\"\n",
            i % teams
        );
        if area == "cx" {
            let _ = writeln!(s, "department = \"d{}\"", i % depts);
        }
        // As in a real roadmap checked clean: finished work in 2026 with
        // what it cost, running work started before `as_of` with what it
        // has spent so far, the rest in the plan year.
        let (start_year, start_month, end_year, end_month) = match status {
            "done" => (2026, month.min(10), 2026, month.min(10)),
            "in-progress" => (2026, month.min(10), 2027, (month + 2).min(12)),
            _ => (2027, month, 2027, (month + 2).min(12)),
        };
        let cost = (i % 97) * 100;
        let _ = write!(
            s,
            "priority = {}\nstart = {start_year}-{start_month:02}-01\nend = {end_year}-{end_month:02}-28\n\
             effort_days = {}\nkpi = \"KPI of initiative {i}\"\nbenefit = \"Benefit {i}\"\ncost = {cost}.50\n",
            i % 5 + 1,
            i % 40 + 1,
        );
        if matches!(status, "done" | "in-progress") {
            let _ = writeln!(s, "actual = {}", cost / 2);
        }
        if i > 0 && i % 3 == 0 {
            let _ = writeln!(s, "depends_on = [\"ini-{}\"]", i - 1);
        }
        let lo = 10_000 + (i % 500) * 100;
        let _ = write!(
            s,
            "\n  [[initiatives.quotes]]\n  vendor = \"Vendor A\"\n  min = {lo}\n  max = {}\n  date = 2026-10-01\n\n\
             \x20 [[initiatives.quotes]]\n  vendor = \"Vendor B\"\n  amount = {}\n  date = 2026-10-15\n  currency = \"EUR\"\n\n",
            lo + 5_000,
            lo / 4,
        );
    }
    for t in 0..(n / 100).max(1) {
        let _ = write!(
            s,
            "[[training]]\nid = \"tr-{t}\"\ntitle = \"Training {t}\"\ncompetency = \"{}\"\ncost_per_person = 1200\n\
             funding = \"{}\"\nneeds = {{ d0 = 10, d1 = 5 }}\n\n",
            COMPETENCIES[t % 4],
            if t % 2 == 0 { "central" } else { "department" }
        );
    }
    for k in 0..(n / 100).max(1) {
        let _ = write!(
            s,
            "[[kpis]]\nid = \"kpi-{k}\"\nname = \"KPI {k}\"\ngroup = \"customer\"\nunit = \"pts\"\ndirection = \"up\"\n\
             baseline = 12\ntarget = 25\nmeasurements = [ {{ date = 2026-03-31, value = 12 }}, {{ date = 2026-09-30, value = 17.5 }} ]\n\n"
        );
    }
    s
}

/// Where `cxm check` and `cxm budget` spend their time, in-process: the
/// TOML reader alone, then the whole pipeline, then the two JSON renderers.
fn phases(file: &str, bytes: Vec<u8>) {
    use std::time::Instant;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let t = Instant::now();
    let (tree, errors) = cxm::roadmap::tree::parse(&text);
    let parsed = t.elapsed();
    println!(
        "{} top-level keys, {} syntax errors",
        tree.len(),
        errors.len()
    );
    drop(tree);
    let t = Instant::now();
    let checked = cxm::pipeline::run(file, bytes, &cxm::pipeline::Overrides::default());
    let all = t.elapsed();
    let t = Instant::now();
    let mut json = Vec::new();
    let _ = cxm::render::diagnostics::json(
        &mut json,
        &checked.source,
        &checked.findings,
        cxm::roadmap::Language::En,
    );
    let rendered = t.elapsed();
    let t = Instant::now();
    let opts = cxm::render::RenderOptions {
        format: cxm::render::Format::Json,
        lang: cxm::roadmap::Language::En,
        color: false,
        excel: false,
        width: None,
    };
    let budget_json = checked
        .budget
        .as_ref()
        .and_then(|b| cxm::render::budget::render(b, &opts).ok())
        .unwrap_or_default();
    let budget_rendered = t.elapsed();
    println!(
        "tree only (whole tree kept) {parsed:.1?}  pipeline::run (decode+load+budget+rules) {all:.1?}  \
         json of {} findings {rendered:.1?} ({} bytes)  budget json {budget_rendered:.1?} ({} bytes)",
        checked.findings.len(),
        json.len(),
        budget_json.len()
    );
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["gen", n, out] => {
            let Ok(n) = n.parse::<usize>() else {
                eprintln!("gen: N must be a number");
                return ExitCode::from(2);
            };
            if let Err(e) = std::fs::write(out, generate(n)) {
                eprintln!("gen: {e}");
                return ExitCode::from(2);
            }
            ExitCode::SUCCESS
        }
        ["toml", file] => {
            let text = match std::fs::read_to_string(file) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("toml: {e}");
                    return ExitCode::from(2);
                }
            };
            match text.parse::<toml::Table>() {
                Ok(t) => {
                    println!("{} top-level keys", t.len());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("toml: {e}");
                    ExitCode::from(1)
                }
            }
        }
        ["phases", file] => {
            let bytes = match std::fs::read(file) {
                Ok(b) => b,
                Err(e) => {
                    eprintln!("phases: {e}");
                    return ExitCode::from(2);
                }
            };
            phases(file, bytes);
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!(
                "usage: bench_tool gen N OUT | bench_tool toml FILE | bench_tool phases FILE"
            );
            ExitCode::from(2)
        }
    }
}
