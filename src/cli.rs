//! The command line: the only module that knows clap. Parsed arguments are
//! turned into plain option structs before any domain code sees them.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// The CXM roadmap in plain text: check it, plan it, budget it.
#[derive(Debug, Parser)]
#[command(name = "cxm", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the roadmap: the CI gate (exit 1 on errors, or on warnings with --strict).
    Check(CheckArgs),
    /// The last 12 months and the work under way, by competency: budget against actual, what is missing, time eaters.
    Inventory(ReportArgs),
    /// The plan year in priority order: owners, quarters, cumulative budget and effort, the cut line, coverage, load, maturity, backlog.
    Plan(ReportArgs),
    /// The CXM budget of the plan year, department guidelines and training.
    Budget(ReportArgs),
    /// What changed between two versions: settings, rates, team, departments, training, KPIs, goals and initiatives (the causes), and the CXM budget per competency and quarter (the effects).
    Diff(DiffArgs),
    /// KPI dashboard: baseline, latest, target, progress, trend and status, grouped company / customer / business.
    Kpi(ReportArgs),
    /// The goals: focus, KPI values and progress, the initiatives and money behind each, and the CXM money serving no goal.
    Goals(ReportArgs),
    /// The plan year's dates: initiatives starting and ending, KPI measurements due, communications; --format ics for Outlook or Google Calendar.
    Calendar(CalendarArgs),
    /// The strategy document, generated from the file: vision, goals, responsibilities, KPI monitoring, communication plan, what we chose not to do (Markdown or HTML).
    Strategy(StrategyArgs),
    /// One self-contained HTML dashboard with charts, for the board (prints on A4 landscape); with --xlsx, every report in one Excel workbook.
    Report(ReportHtmlArgs),
    /// Write a commented starter roadmap that passes `cxm check` (never overwrites).
    Init(InitArgs),
    /// Print the JSON Schema of the roadmap file, for editors (Taplo, Even Better TOML).
    Schema(SchemaArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// The quarterly note: what finished, started, slipped or is at risk, spending, KPI measurements.
    Status(StatusArgs),
    /// Base and every [scenarios.NAME] side by side: CXM total, by competency and quarter, training, the cut line, coverage, focus goals, capacity.
    Scenarios(ReportArgs),
    /// Write next year's roadmap beside this one (never overwrites): plan_year, finished work and old goals dropped, KPI baselines moved.
    Rollover(RolloverArgs),
    /// Print the manual page cxm(1) (roff), e.g. `cxm man > cxm.1`, or write every page with --dir.
    Man(ManArgs),
}

/// Options of the reports.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub output: FormatArgs,
}

/// How a report is written: shared by the reports and `diff`.
#[derive(Debug, clap::Args)]
pub struct FormatArgs {
    /// Output format [default: table; csv with --excel].
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    /// Language of labels and numbers in table and markdown (default: the roadmap's `language`).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// CSV for Excel or LibreOffice in a Polish locale: `;`, decimal comma and a byte-order mark (implies --format csv).
    #[arg(long)]
    pub excel: bool,
    /// Show every column of every table, however wide: no fitting to the terminal's width or COLUMNS.
    #[arg(long)]
    pub wide: bool,
}

impl FormatArgs {
    /// The format to render: `--excel` implies CSV (SPEC section 11), so
    /// `cxm budget --excel > budzet.csv` never writes a table into a `.csv`;
    /// `--excel` with another `--format` is a contradiction, refused.
    pub fn render_format(&self) -> anyhow::Result<crate::render::Format> {
        match (self.excel, self.format) {
            (true, None | Some(ReportFormat::Csv)) => Ok(crate::render::Format::Csv),
            (true, Some(other)) => Err(crate::render::messages::app::AppError::ExcelWithFormat {
                format: other.name(),
            }
            .into()),
            (false, f) => Ok(f.unwrap_or(ReportFormat::Table).format()),
        }
    }

    /// A workbook is written to a file only (SPEC section 13): to standard
    /// output, a terminal or a pipe alike (`-o -` too), it is refused
    /// before anything is read. Said in `--lang`, or in both languages when
    /// the roadmap's language is not known yet.
    pub fn check_output(&self, output: Option<&std::path::Path>) -> anyhow::Result<()> {
        let to_file = output.is_some_and(|p| p != std::path::Path::new("-"));
        if self.format == Some(ReportFormat::Xlsx) && !to_file {
            let lang = self.lang.map(Lang::language);
            anyhow::bail!("{}", crate::i18n::xlsx_needs_file(lang));
        }
        Ok(())
    }
}

/// Options of `cxm report`.
#[derive(Debug, clap::Args)]
pub struct ReportHtmlArgs {
    /// The roadmap file; `-` reads standard input.
    #[arg(default_value = "roadmap.toml")]
    pub file: String,
    /// Write the HTML dashboard to this file (atomically).
    #[arg(long, value_name = "OUT", required_unless_present = "xlsx")]
    pub html: Option<PathBuf>,
    /// Write an Excel workbook to this file (atomically): a sheet per report, totals as formulas, and an About sheet.
    #[arg(long, value_name = "OUT")]
    pub xlsx: Option<PathBuf>,
    /// Language of the dashboard (default: the roadmap's `language`).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// The inventory date, instead of the file's `as_of` (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<chrono::NaiveDate>,
    /// The plan year, instead of the file's `plan_year`.
    #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1..=9999))]
    pub year: Option<i32>,
    /// Apply the roadmap's [scenarios.NAME]; the dashboard and the workbook say which.
    #[arg(long, value_name = "NAME")]
    pub scenario: Option<String>,
}

impl ReportHtmlArgs {
    /// The input options every roadmap command shares, writing to `--html`
    /// (or to `--xlsx` when it is the only output).
    pub fn input(&self) -> InputArgs {
        InputArgs {
            file: self.file.clone(),
            as_of: self.as_of,
            year: self.year,
            output: self.html.clone().or_else(|| self.xlsx.clone()),
            scenario: self.scenario.clone(),
        }
    }
}

/// Options of `cxm strategy`.
#[derive(Debug, clap::Args)]
pub struct StrategyArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format: Markdown for a wiki, or one self-contained HTML page that prints on A4.
    #[arg(long, value_enum, default_value_t = StrategyFormat::Markdown)]
    pub format: StrategyFormat,
    /// Language of the document (default: the roadmap's `language`).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StrategyFormat {
    /// A Markdown document, ready to paste into a wiki.
    Markdown,
    /// One self-contained HTML page (inline CSS, no scripts), printable on A4 portrait.
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Aligned text for people.
    Table,
    /// RFC 4180 CSV, one row per line item.
    Csv,
    /// JSON, money as strings with two decimals.
    Json,
    /// A GitHub-flavoured Markdown document.
    Markdown,
    /// An Excel workbook: numbers as numbers, totals as formulas (needs --output FILE).
    Xlsx,
}

impl ReportFormat {
    /// The name on the command line.
    fn name(self) -> &'static str {
        match self {
            ReportFormat::Table => "table",
            ReportFormat::Csv => "csv",
            ReportFormat::Json => "json",
            ReportFormat::Markdown => "markdown",
            ReportFormat::Xlsx => "xlsx",
        }
    }

    pub fn format(self) -> crate::render::Format {
        match self {
            ReportFormat::Table => crate::render::Format::Table,
            ReportFormat::Csv => crate::render::Format::Csv,
            ReportFormat::Json => crate::render::Format::Json,
            ReportFormat::Markdown => crate::render::Format::Markdown,
            ReportFormat::Xlsx => crate::render::Format::Xlsx,
        }
    }
}

/// Options of `cxm calendar`: those of the reports, with a format of its
/// own. `ics` is the calendar's alone, so it has its own list rather than
/// a variant of [`crate::render::Format`] that every other report would
/// have to refuse.
#[derive(Debug, clap::Args)]
pub struct CalendarArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format [default: table; csv with --excel].
    #[arg(long, value_enum)]
    pub format: Option<CalendarFormat>,
    /// Language of labels and of the ICS summaries (default: the roadmap's `language`).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// CSV for Excel or LibreOffice in a Polish locale: `;`, decimal comma and a byte-order mark (implies --format csv).
    #[arg(long)]
    pub excel: bool,
    /// Show every column of the table, however wide: no fitting to the terminal's width or COLUMNS.
    #[arg(long)]
    pub wide: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CalendarFormat {
    /// Aligned text for people.
    Table,
    /// RFC 4180 CSV, one row per date.
    Csv,
    /// JSON: `{ "events": [ { "date", "kind", "id", "title" } ] }`.
    Json,
    /// A GitHub-flavoured Markdown document.
    Markdown,
    /// An Excel workbook (needs --output FILE).
    Xlsx,
    /// An iCalendar file (RFC 5545) of all-day events, to import into Outlook or Google Calendar.
    Ics,
}

impl CalendarArgs {
    /// Whether the output is the ICS file.
    pub fn ics(&self) -> bool {
        self.format == Some(CalendarFormat::Ics)
    }

    /// The options as every other report takes them. For `ics`, the
    /// report's format stands at `table` (the renderer then writes the ICS
    /// file instead); `--excel` with `--format ics` is a contradiction,
    /// refused like `--excel` with any other format.
    pub fn report_args(&self) -> anyhow::Result<ReportArgs> {
        let format = match self.format {
            None => None,
            Some(CalendarFormat::Table) => Some(ReportFormat::Table),
            Some(CalendarFormat::Csv) => Some(ReportFormat::Csv),
            Some(CalendarFormat::Json) => Some(ReportFormat::Json),
            Some(CalendarFormat::Markdown) => Some(ReportFormat::Markdown),
            Some(CalendarFormat::Xlsx) => Some(ReportFormat::Xlsx),
            Some(CalendarFormat::Ics) if self.excel => {
                return Err(crate::render::messages::app::AppError::ExcelWithFormat {
                    format: "ics",
                }
                .into());
            }
            Some(CalendarFormat::Ics) => Some(ReportFormat::Table),
        };
        Ok(ReportArgs {
            input: self.input.clone(),
            output: FormatArgs {
                format,
                lang: self.lang,
                excel: self.excel,
                wide: self.wide,
            },
        })
    }
}

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The old version: a path, or REV:PATH read from git (e.g. `main:roadmap.toml`).
    pub old: String,
    /// The new version: a path, or REV:PATH read from git.
    pub new: String,
    /// The plan year of both, instead of each file's `plan_year`.
    #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1..=9999))]
    pub year: Option<i32>,
    #[command(flatten)]
    pub format: FormatArgs,
    /// Write to this file (atomically) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct StatusArgs {
    #[command(flatten)]
    pub report: ReportArgs,
    /// The period's first day [default: 91 days before as_of] (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<chrono::NaiveDate>,
}

#[derive(Debug, clap::Args)]
pub struct RolloverArgs {
    /// This year's roadmap (not `-`: it is read, never changed).
    #[arg(default_value = "roadmap.toml")]
    pub file: PathBuf,
    /// The new plan year [default: plan_year + 1].
    #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1..=9999))]
    pub to: Option<i32>,
    /// Where to write the new roadmap [default: roadmap-YEAR.toml beside FILE]; never overwritten.
    #[arg(long, short, value_name = "NEW")]
    pub output: Option<PathBuf>,
    /// Language of the report (default: the roadmap's `language`).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
}

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// Where to write the roadmap.
    #[arg(default_value = "roadmap.toml")]
    pub path: PathBuf,
    /// Language of the comments and titles.
    #[arg(long, value_enum, default_value_t = Lang::En)]
    pub lang: Lang,
}

#[derive(Debug, clap::Args)]
pub struct SchemaArgs {
    /// Write to this file (atomically) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// Write every page (cxm.1, cxm-check.1, …) into this directory, creating it.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// English.
    En,
    /// Polish.
    Pl,
}

impl Lang {
    pub fn language(self) -> crate::roadmap::Language {
        match self {
            Lang::En => crate::roadmap::Language::En,
            Lang::Pl => crate::roadmap::Language::Pl,
        }
    }
}

/// Options every command that reads a roadmap shares.
#[derive(Debug, Clone, clap::Args)]
pub struct InputArgs {
    /// The roadmap file; `-` reads standard input.
    #[arg(default_value = "roadmap.toml")]
    pub file: String,
    /// The inventory date, instead of the file's `as_of` (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<chrono::NaiveDate>,
    /// The plan year, instead of the file's `plan_year`.
    #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1..=9999))]
    pub year: Option<i32>,
    /// Write to this file (atomically) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Apply the roadmap's [scenarios.NAME]: every figure is what the file with those values written in gives.
    #[arg(long, value_name = "NAME")]
    pub scenario: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// How to print the findings.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// Fail on warnings too.
    #[arg(long)]
    pub strict: bool,
    /// Language of the findings (default: the roadmap's `language`).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// rustc-style messages with the source line.
    Human,
    /// A JSON array of findings.
    Json,
    /// GitHub Actions workflow commands (annotations on a pull request).
    Github,
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date like 2026-11-15"))
}

#[cfg(test)]
mod tests;
