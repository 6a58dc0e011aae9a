//! The KPI report (`cxm kpi`) in every format. It lays out what
//! [`crate::kpi::KpiReport`] holds; the only thing drawn here is the trend
//! sparkline, a picture of the series, not a figure.

use super::csv::{Cell, CsvWriter};
use super::markdown::{self, Align};
use super::table::{new_table, row};
use super::{Format, RenderOptions};
use crate::i18n::{self, Text};
use crate::kpi::{KpiLine, KpiReport};
use crate::money::Decimal;
use crate::roadmap::{Choice, Direction, Group, Language};

pub fn render(k: &KpiReport, opts: &RenderOptions) -> anyhow::Result<Vec<u8>> {
    match opts.format {
        Format::Json => super::json(k),
        Format::Csv => csv(k, opts.excel),
        Format::Table => Ok(table(k, opts).into_bytes()),
        Format::Markdown => Ok(markdown(k, opts.lang).into_bytes()),
    }
}

const BLOCKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// A Unicode sparkline of the values, scaled from their minimum to their
/// maximum: one block per value. A flat series (or a single value) sits in
/// the middle; no values draw nothing.
pub fn sparkline(values: &[Decimal]) -> String {
    let (Some(min), Some(max)) = (values.iter().min(), values.iter().max()) else {
        return String::new();
    };
    let span = max.0.checked_sub(min.0).filter(|s| *s > 0);
    values
        .iter()
        .map(|v| {
            let level = span
                .and_then(|s| {
                    let off = v.0.checked_sub(min.0)?;
                    crate::money::div_round(off.checked_mul(7)?, s)
                })
                .unwrap_or(3);
            usize::try_from(level)
                .ok()
                .and_then(|l| BLOCKS.get(l))
                .copied()
                .unwrap_or('▄')
        })
        .collect()
}

const DASH: &str = "—";

fn num(d: Option<Decimal>, lang: Language) -> String {
    d.map_or_else(|| DASH.to_string(), |d| i18n::decimal(d, lang))
}

fn arrow(d: Direction) -> &'static str {
    match d {
        Direction::Up => "↑",
        Direction::Down => "↓",
    }
}

fn progress(k: &KpiLine, lang: Language) -> String {
    k.progress_percent
        .map_or_else(|| DASH.to_string(), |p| i18n::percent_fixed(p, 1, lang))
}

fn trend(k: &KpiLine) -> String {
    let values: Vec<Decimal> = k.series.iter().map(|p| p.value).collect();
    let s = sparkline(&values);
    if s.is_empty() { DASH.to_string() } else { s }
}

fn header(lang: Language) -> Vec<String> {
    [
        Text::KpiName,
        Text::Unit,
        Text::Baseline,
        Text::Latest,
        Text::Date,
        Text::Target,
        Text::Better,
        Text::Progress,
        Text::Trend,
        Text::Status,
        Text::Initiatives,
    ]
    .iter()
    .map(|t| i18n::text(*t, lang).to_string())
    .collect()
}

/// Columns 2–7 (baseline … progress) are numbers, right-aligned.
const RIGHT: [usize; 4] = [2, 3, 5, 7];

fn cells(k: &KpiLine, lang: Language) -> Vec<String> {
    vec![
        k.name.clone().unwrap_or_else(|| k.id.clone()),
        k.unit.clone().unwrap_or_default(),
        num(k.baseline, lang),
        num(k.latest, lang),
        k.latest_date
            .map_or_else(|| DASH.to_string(), |d| d.format("%Y-%m-%d").to_string()),
        num(k.target, lang),
        format!(
            "{} {}",
            arrow(k.direction),
            i18n::direction(k.direction, lang)
        ),
        progress(k, lang),
        trend(k),
        i18n::kpi_status(k.status, lang).to_string(),
        if k.initiatives.is_empty() {
            DASH.to_string()
        } else {
            k.initiatives.join(", ")
        },
    ]
}

fn intro(k: &KpiReport, lang: Language) -> (String, Vec<String>) {
    let t = |x| i18n::text(x, lang);
    (
        t(Text::KpiTitle).to_string(),
        vec![
            format!("{}: {}", t(Text::AsOf), k.as_of.format("%Y-%m-%d")),
            format!(
                "{}: {}",
                t(Text::TargetsBy),
                k.target_date.format("%Y-%m-%d")
            ),
            t(Text::StatusRule).to_string(),
        ],
    )
}

fn table(k: &KpiReport, opts: &RenderOptions) -> String {
    let lang = opts.lang;
    let (title, lines) = intro(k, lang);
    let mut out = format!("{title}\n");
    for l in lines {
        out.push_str(&l);
        out.push('\n');
    }
    if k.kpis.is_empty() {
        out.push('\n');
        out.push_str(i18n::text(Text::NoKpis, lang));
        out.push('\n');
    }
    for g in Group::ALL {
        let rows: Vec<&KpiLine> = k.group(*g).collect();
        if rows.is_empty() {
            continue;
        }
        out.push('\n');
        out.push_str(i18n::group_title(*g, lang));
        out.push('\n');
        let mut t = new_table(&header(lang), &RIGHT, opts.color);
        for line in rows {
            t.add_row(row(cells(line, lang), opts.color, false));
        }
        out.push_str(&t.to_string());
        out.push('\n');
    }
    out
}

fn markdown(k: &KpiReport, lang: Language) -> String {
    let (title, lines) = intro(k, lang);
    let mut out = format!("# {}\n\n", markdown::escape(&title));
    for l in lines {
        out.push_str(&format!("- {}\n", markdown::escape(&l)));
    }
    if k.kpis.is_empty() {
        out.push_str(&format!("\n{}\n", i18n::text(Text::NoKpis, lang)));
    }
    let header = header(lang);
    let align: Vec<Align> = (0..header.len())
        .map(|i| {
            if RIGHT.contains(&i) {
                Align::Right
            } else {
                Align::Left
            }
        })
        .collect();
    for g in Group::ALL {
        let rows: Vec<Vec<String>> = k.group(*g).map(|l| cells(l, lang)).collect();
        if rows.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "\n## {}\n\n",
            markdown::escape(i18n::group_title(*g, lang))
        ));
        out.push_str(&markdown::table(&header, &align, &rows));
    }
    out
}

pub const CSV_HEADER: [&str; 14] = [
    "group",
    "id",
    "name",
    "unit",
    "direction",
    "baseline",
    "target",
    "latest",
    "latest_date",
    "progress_percent",
    "status",
    "measurements",
    "series",
    "initiatives",
];

fn csv(k: &KpiReport, excel: bool) -> anyhow::Result<Vec<u8>> {
    let mut w = CsvWriter::new(excel);
    w.header(&CSV_HEADER)?;
    for l in &k.kpis {
        // The series in one cell: `date value` pairs, `; `-separated, the
        // value with the decimal mark of the variant.
        let series = l
            .series
            .iter()
            .map(|p| {
                let v = p.value.text();
                let v = if excel { v.replace('.', ",") } else { v };
                format!("{} {v}", p.date.format("%Y-%m-%d"))
            })
            .collect::<Vec<_>>()
            .join("; ");
        w.row(&[
            Cell::text(l.group.as_str()),
            Cell::text(&l.id),
            Cell::opt_text(l.name.as_deref()),
            Cell::opt_text(l.unit.as_deref()),
            Cell::text(l.direction.as_str()),
            Cell::opt_decimal(l.baseline),
            Cell::opt_decimal(l.target),
            Cell::opt_decimal(l.latest),
            l.latest_date.map_or(Cell::Empty, |d| {
                Cell::text(d.format("%Y-%m-%d").to_string())
            }),
            Cell::opt_decimal(l.progress_percent),
            l.status.map_or(Cell::Empty, |s| Cell::text(s.as_str())),
            Cell::Int(i128::try_from(l.series.len()).unwrap_or(i128::MAX)),
            Cell::text(series),
            Cell::text(l.initiatives.join(" ")),
        ])?;
    }
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::parse(s).unwrap()
    }

    #[test]
    fn sparkline_scales_min_to_max() {
        assert_eq!(sparkline(&[]), "");
        assert_eq!(sparkline(&[d("5")]), "▄");
        assert_eq!(sparkline(&[d("5"), d("5")]), "▄▄");
        assert_eq!(sparkline(&[d("68"), d("70"), d("71.5")]), "▁▅█");
        assert_eq!(sparkline(&[d("-1"), d("0"), d("1")]), "▁▅█");
        assert_eq!(sparkline(&[d("9.5"), d("9.1")]), "█▁");
        assert_eq!(sparkline(&[Decimal(i128::MIN), Decimal(i128::MAX)]), "▄▄");
    }
}
