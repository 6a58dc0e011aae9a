//! Running a command: load → check → compute → render, and the exit code.
//! Errors returned from here mean the command could not run (exit 2);
//! problems in the roadmap are findings, not errors.

use crate::budget;
use crate::check::{self, CheckContext};
use crate::cli::{
    CheckArgs, CheckFormat, Cli, Command, DiffArgs, InitArgs, InputArgs, Lang, ReportArgs,
};
use crate::diag::{Finding, Severity};
use crate::render::diagnostics;
use crate::render::{Format, RenderOptions, Rendered};
use crate::roadmap::schema;
use crate::roadmap::{Language, Roadmap, input, load};
use crate::source::Source;
use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::CommandFactory;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Check(args) => run_check(&args),
        Command::Inventory(args) => run_report(&args, |checked, opts| {
            let inv =
                crate::inventory::build(&checked.roadmap, checked.as_of, budget_of(checked)?)?;
            crate::render::inventory::render(&inv, opts).map(Rendered::from)
        }),
        Command::Plan(args) => run_report(&args, |checked, opts| {
            let plan = crate::plan::build(&checked.roadmap, budget_of(checked)?)?;
            crate::render::plan::render(&plan, opts).map(Rendered::from)
        }),
        Command::Budget(args) => run_report(&args, |checked, opts| {
            crate::render::budget::render_parts(budget_of(checked)?, opts)
        }),
        Command::Diff(args) => run_diff(&args),
        Command::Kpi(args) => run_report(&args, |checked, opts| match checked.plan_year {
            Some(year) => {
                let report = crate::kpi::build(&checked.roadmap, checked.as_of, year);
                crate::render::kpi::render(&report, opts).map(Rendered::from)
            }
            None => Err(anyhow::anyhow!("the roadmap names no plan year")),
        }),
        Command::Report(args) => run_checked(&args.input(), |checked| match &checked.budget {
            Some(b) => {
                let d = crate::dashboard::build(
                    &checked.roadmap,
                    &checked.source,
                    &checked.findings,
                    b,
                    checked.as_of,
                )?;
                Ok(crate::render::html::render(&d, report_lang(args.lang, checked)).into())
            }
            None => Err(anyhow::anyhow!("the budget could not be computed")),
        }),
        Command::Init(args) => run_init(&args),
        Command::Schema(args) => {
            let mut text = serde_json::to_string_pretty(&schema::json_schema())?;
            text.push('\n');
            write_output(args.output.as_deref(), text.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions(args) => {
            let mut cmd = Cli::command();
            let mut out = Vec::new();
            clap_complete::generate(args.shell, &mut cmd, "cxm", &mut out);
            write_output(None, &out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => {
            let mut out = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut out)?;
            write_output(None, &out)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The budget every report builds on. A roadmap without data errors always
/// has one; this is the message should it not.
fn budget_of(checked: &Checked) -> Result<&budget::Budget> {
    checked
        .budget
        .as_ref()
        .ok_or_else(|| anyhow::anyhow!("the budget could not be computed"))
}

/// Whether an error is only a closed pipe (`cxm plan | head`): not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// A roadmap loaded and checked, with the dates resolved.
pub struct Checked {
    pub source: Source,
    pub roadmap: Roadmap,
    pub findings: Vec<Finding>,
    pub as_of: NaiveDate,
    pub plan_year: Option<i32>,
    /// The budget of the plan year, when the roadmap allows computing it.
    pub budget: Option<budget::Budget>,
}

impl Checked {
    pub fn has_data_errors(&self) -> bool {
        self.findings.iter().any(Finding::is_data_error)
    }
}

/// From how many initiatives the budget is computed on a thread of its own
/// while the rules run: below, a thread costs more than it saves.
const PARALLEL_FROM: usize = 2_000;

/// Reads, loads and checks a roadmap. Only an unreadable input is an `Err`.
pub fn load_and_check(args: &InputArgs) -> Result<Checked> {
    let bytes = input::read(&args.file)?;
    Ok(check_bytes(
        &input::display_name(&args.file),
        bytes,
        args.as_of,
        args.year,
    ))
}

/// Loads and checks a roadmap's bytes; `as_of` and `year` override the
/// file's values. Never fails: every problem is a finding.
pub fn check_bytes(
    name: &str,
    bytes: Vec<u8>,
    as_of: Option<NaiveDate>,
    year: Option<i32>,
) -> Checked {
    let (source, utf8) = input::decode(name, bytes);
    // Text that is not UTF-8 is reported once: parsing its lossy decoding
    // would only add findings about the replacement characters.
    let loaded = match &utf8 {
        Some(_) => load::Loaded::default(),
        None => load::load(&source),
    };
    let roadmap = loaded.roadmap;
    let mut findings: Vec<Finding> = utf8.into_iter().chain(loaded.findings).collect();
    let as_of = as_of
        .or(roadmap.meta.as_of.as_ref().map(|d| d.value))
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let plan_year = year.or(roadmap.meta.plan_year.as_ref().map(|y| y.value));
    // Rules that look across the whole file would only mislead on a file the
    // TOML parser could not read in full.
    let mut budget = None;
    if loaded.syntax_ok {
        // The budget and the rules only read the roadmap: on a large file
        // they run side by side, and E010, which needs the budget's total,
        // after both.
        let mut ctx = CheckContext {
            as_of,
            plan_year,
            cxm_total: None,
        };
        let (computed, budget_findings) = std::thread::scope(|scope| {
            let in_parallel = roadmap.initiatives.len() >= PARALLEL_FROM;
            let budget_thread = in_parallel
                .then(|| {
                    std::thread::Builder::new()
                        .name("cxm-budget".into())
                        .spawn_scoped(scope, || {
                            let mut found = Vec::new();
                            let b = compute_budget(&roadmap, plan_year, as_of, &mut found);
                            // Whichever of the two threads is done first
                            // finds where the lines start, for the findings.
                            source.index_lines();
                            (b, found)
                        })
                        .ok()
                })
                .flatten();
            if budget_thread.is_some() {
                source.index_lines();
            }
            let (computed, budget_findings) = match budget_thread {
                Some(handle) => match handle.join() {
                    Ok(done) => done,
                    Err(panic) => std::panic::resume_unwind(panic),
                },
                None => {
                    let mut found = Vec::new();
                    let b = compute_budget(&roadmap, plan_year, as_of, &mut found);
                    (b, found)
                }
            };
            (computed, budget_findings)
        });
        budget = computed;
        ctx.cxm_total = budget.as_ref().map(|b| b.totals.cxm);
        findings.extend(budget_findings);
        findings.extend(check::check(&roadmap, &ctx));
    }
    findings.retain(|f| f.severity() == Severity::Error || !check::is_allowed(&roadmap, f.code));
    check::sort(&mut findings);
    Checked {
        source,
        roadmap,
        findings,
        as_of,
        plan_year,
        budget,
    }
}

/// The budget of the plan year, computed once for the budget-cap rule and
/// the reports. A budget that cannot be computed because of a finding the
/// rules report anyway (an unknown currency, an incomplete quote) is `None`;
/// an overflow is a finding of its own.
fn compute_budget(
    roadmap: &Roadmap,
    plan_year: Option<i32>,
    as_of: NaiveDate,
    findings: &mut Vec<Finding>,
) -> Option<budget::Budget> {
    let opts = budget::BudgetOptions {
        plan_year: plan_year?,
        as_of,
    };
    match budget::compute(roadmap, &opts) {
        Ok(b) => Some(b),
        Err(budget::BudgetError::Overflow { span }) => {
            findings.push(
                Finding::new(
                    crate::diag::Code::E006,
                    span,
                    "the budget is too large to compute exactly",
                )
                .help("amounts and their sums must stay within 10^13"),
            );
            None
        }
        Err(_) => None,
    }
}

fn run_check(args: &CheckArgs) -> Result<ExitCode> {
    let checked = load_and_check(&args.input)?;
    let findings = &checked.findings;
    let text = match args.format {
        CheckFormat::Human => diagnostics::human(
            &checked.source,
            findings,
            use_color(args.input.output.is_some()),
            Language::En,
        ),
        CheckFormat::Json => diagnostics::json(&checked.source, findings, Language::En),
        CheckFormat::Github => diagnostics::github(&checked.source, findings, Language::En),
    };
    write_output(args.input.output.as_deref(), text.as_bytes())?;
    let errors = findings.iter().any(|f| f.severity() == Severity::Error);
    let warnings = findings.iter().any(|f| f.severity() == Severity::Warning);
    exiting(checked);
    Ok(if errors || (args.strict && warnings) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Leaves a checked roadmap to the end of the process instead of freeing it:
/// `run` is the last thing the command does, and freeing a roadmap of many
/// thousand initiatives one allocation at a time costs a tenth of the run.
fn exiting(checked: Checked) {
    std::mem::forget(checked);
}

/// Runs a report: load and check, refuse on data errors (their diagnostics
/// on standard error, exit 1), else render. Plan errors (E008–E010) are what
/// the reports show, so they print too, with the findings on standard error.
fn run_report(
    args: &ReportArgs,
    render: impl Fn(&Checked, &RenderOptions) -> Result<Rendered>,
) -> Result<ExitCode> {
    let format = args.output.format.format();
    run_checked(&args.input, |checked| {
        let opts = RenderOptions {
            format,
            lang: report_lang(args.output.lang, checked),
            color: format == Format::Table && use_color(args.input.output.is_some()),
            excel: args.output.excel,
        };
        render(checked, &opts)
    })
}

/// `--lang`, else the roadmap's `language`.
fn report_lang(lang: Option<Lang>, checked: &Checked) -> Language {
    lang.map(|l| l.language())
        .unwrap_or_else(|| checked.roadmap.meta.language())
}

/// The flow every report shares: load and check, refuse on data errors,
/// show plan errors and count warnings on standard error, then write what
/// `render` makes of the checked roadmap.
fn run_checked(
    input: &InputArgs,
    render: impl FnOnce(&Checked) -> Result<Rendered>,
) -> Result<ExitCode> {
    let checked = load_and_check(input)?;
    let stderr_color = stderr_color();
    if checked.has_data_errors() {
        let shown: Vec<Finding> = checked
            .findings
            .iter()
            .filter(|f| f.severity() == Severity::Error)
            .cloned()
            .collect();
        eprint!(
            "{}",
            diagnostics::human(&checked.source, &shown, stderr_color, Language::En)
        );
        eprintln!(
            "the report is not printed: the roadmap has errors (see above, or run `cxm check`)"
        );
        return Ok(ExitCode::from(1));
    }
    let errors: Vec<Finding> = checked
        .findings
        .iter()
        .filter(|f| f.severity() == Severity::Error)
        .cloned()
        .collect();
    for f in &errors {
        eprint!(
            "{}",
            diagnostics::human_one(&checked.source, f, stderr_color, Language::En)
        );
    }
    let warnings = checked.findings.len() - errors.len();
    if warnings > 0 {
        eprintln!(
            "note: {} also has {warnings} warning{}; `cxm check {}` shows {}",
            checked.source.name,
            if warnings == 1 { "" } else { "s" },
            input.file,
            if warnings == 1 { "it" } else { "them" }
        );
    }
    let rendered = render(&checked)?;
    write_parts(input.output.as_deref(), rendered.parts())?;
    exiting(checked);
    Ok(ExitCode::SUCCESS)
}

fn stderr_color() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
}

/// Reads one side of a diff: a file, or `REV:PATH` through `git show` when
/// no file has that name.
fn read_side(spec: &str) -> Result<Vec<u8>> {
    if spec == "-" || Path::new(spec).exists() {
        return input::read(spec);
    }
    let Some((rev, path)) = spec.split_once(':') else {
        return input::read(spec);
    };
    if rev.is_empty() || path.is_empty() {
        return input::read(spec);
    }
    let out = std::process::Command::new("git")
        .args(["show", spec])
        .output()
        .with_context(|| format!("could not run git to read {spec}"))?;
    if !out.status.success() {
        anyhow::bail!(
            "could not read {spec} from git: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    if out.stdout.len() as u64 > input::MAX_BYTES {
        anyhow::bail!("{spec} is larger than 64 MiB; cxm refuses files that large");
    }
    Ok(out.stdout)
}

fn run_diff(args: &DiffArgs) -> Result<ExitCode> {
    let stderr_color = stderr_color();
    let mut sides = Vec::new();
    for spec in [&args.old, &args.new] {
        let bytes = read_side(spec)?;
        let name = input::display_name(spec);
        sides.push(check_bytes(&name, bytes, None, args.year));
    }
    let mut refused = false;
    for c in &sides {
        if c.has_data_errors() || c.budget.is_none() {
            let errors: Vec<Finding> = c
                .findings
                .iter()
                .filter(|f| f.severity() == Severity::Error)
                .cloned()
                .collect();
            eprint!(
                "{}",
                diagnostics::human(&c.source, &errors, stderr_color, Language::En)
            );
            refused = true;
        }
    }
    if refused {
        eprintln!("the diff is not printed: a version has errors (see above)");
        return Ok(ExitCode::from(1));
    }
    let [old, new] = sides.as_slice() else {
        anyhow::bail!("a diff needs two versions");
    };
    let (Some(old_budget), Some(new_budget)) = (&old.budget, &new.budget) else {
        anyhow::bail!("the budget could not be computed");
    };
    let d = crate::diff::build(
        &crate::diff::Side {
            name: &old.source.name,
            roadmap: &old.roadmap,
            budget: old_budget,
        },
        &crate::diff::Side {
            name: &new.source.name,
            roadmap: &new.roadmap,
            budget: new_budget,
        },
    );
    let format = args.format.format.format();
    let opts = RenderOptions {
        format,
        lang: args
            .format
            .lang
            .map(|l| l.language())
            .unwrap_or_else(|| new.roadmap.meta.language()),
        color: format == Format::Table && use_color(args.output.is_some()),
        excel: args.format.excel,
    };
    let bytes = crate::render::diff::render(&d, &opts)?;
    write_output(args.output.as_deref(), &bytes)?;
    Ok(ExitCode::SUCCESS)
}

/// Writes the starter roadmap, and the schema it names beside it when there
/// is none yet. An existing roadmap is never overwritten (exit 2).
fn run_init(args: &InitArgs) -> Result<ExitCode> {
    let text = crate::init::starter(args.lang.language(), chrono::Local::now().date_naive());
    let path = &args.path;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                anyhow::anyhow!(
                    "{} already exists; cxm init never overwrites a file",
                    path.display()
                )
            } else {
                anyhow::Error::new(e).context(format!("could not write {}", path.display()))
            }
        })?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.flush())
        .with_context(|| format!("could not write {}", path.display()))?;
    let schema_path = path
        .parent()
        .unwrap_or(Path::new(""))
        .join("roadmap.schema.json");
    let mut wrote_schema = false;
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&schema_path)
    {
        let mut schema_text = serde_json::to_string_pretty(&schema::json_schema())?;
        schema_text.push('\n');
        f.write_all(schema_text.as_bytes())
            .with_context(|| format!("could not write {}", schema_path.display()))?;
        wrote_schema = true;
    }
    eprintln!("wrote {}", path.display());
    if wrote_schema {
        eprintln!(
            "wrote {} (the schema its first line names, for editors)",
            schema_path.display()
        );
    }
    eprintln!("next: edit it, then run `cxm check {}`", path.display());
    Ok(ExitCode::SUCCESS)
}

#[cfg(unix)]
fn default_permissions(_file: &std::fs::File) -> Result<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Ok(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions(file: &std::fs::File) -> Result<std::fs::Permissions> {
    Ok(file.metadata()?.permissions())
}

/// Colour only on a terminal, and never with `NO_COLOR` set (no-color.org).
pub fn use_color(to_file: bool) -> bool {
    !to_file
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::io::stdout().is_terminal()
}

/// Writes to standard output, or atomically to a file: a temporary file in
/// the same directory, then a rename, so a reader never sees half a report.
pub fn write_output(path: Option<&Path>, bytes: &[u8]) -> Result<()> {
    write_parts(path, std::iter::once(bytes))
}

/// [`write_output`] of bytes in parts, written one after the other.
pub fn write_parts<'b>(
    path: Option<&Path>,
    parts: impl IntoIterator<Item = &'b [u8]>,
) -> Result<()> {
    let write_all = |out: &mut dyn Write| -> std::io::Result<()> {
        for part in parts {
            out.write_all(part)?;
        }
        out.flush()
    };
    match path {
        None => Ok(write_all(&mut std::io::stdout().lock())?),
        Some(path) => {
            let dir = match path.parent() {
                Some(d) if !d.as_os_str().is_empty() => d,
                _ => Path::new("."),
            };
            let mut tmp = tempfile::NamedTempFile::new_in(dir)
                .with_context(|| format!("could not write {}", path.display()))?;
            write_all(&mut tmp).with_context(|| format!("could not write {}", path.display()))?;
            // A temporary file is private (0600); the report is not: keep the
            // permissions of the file it replaces, or make it readable as a
            // newly created file would be.
            let permissions = match std::fs::metadata(path) {
                Ok(m) => m.permissions(),
                Err(_) => default_permissions(tmp.as_file())?,
            };
            tmp.as_file()
                .set_permissions(permissions)
                .with_context(|| format!("could not write {}", path.display()))?;
            tmp.persist(path)
                .with_context(|| format!("could not write {}", path.display()))?;
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // tests fail loudly
    use super::*;

    /// A roadmap large enough for the budget to run beside the rules, with
    /// findings of the loader, the rules and E010.
    fn large(n: usize) -> String {
        let mut s = String::from(
            "[roadmap]\nplan_year = 2027\nas_of = 2026-11-15\nbudget_cap = 1000\n\n\
             [[team]]\nid = \"ak\"\nname = \"Anna\"\ncapacity_days = 10\n\n",
        );
        for i in 0..n {
            s.push_str(&format!(
                "[[initiatives]]\nid = \"i{i}\"\ntitle = \"Initiative {i}\"\ncompetency = \"design\"\n\
                 area = \"cxm\"\nstatus = \"planned\"\nowner = \"{}\"\nstart = 2027-02-01\n\
                 end = 2027-06-30\neffort_days = 5\nkpi = \"k\"\n{}\n\
                 [[initiatives.quotes]]\nvendor = \"A\"\nmin = 100\nmax = 200\ndate = 2026-10-01\n\n",
                if i % 97 == 0 { "zz" } else { "ak" },
                if i % 101 == 0 { "colour = \"red\"" } else { "" },
            ));
        }
        s
    }

    #[test]
    fn budget_beside_the_rules_gives_the_same_findings() {
        let n = PARALLEL_FROM + 100;
        let text = large(n);
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 15);
        let parallel = check_bytes("big.toml", text.clone().into_bytes(), as_of, None);
        assert_eq!(parallel.roadmap.initiatives.len(), n);

        // The same steps one after the other.
        let (source, _) = input::decode("big.toml", text.into_bytes());
        let loaded = load::load(&source);
        assert!(loaded.syntax_ok);
        let mut findings = loaded.findings;
        let as_of = as_of.unwrap();
        let budget = compute_budget(&loaded.roadmap, Some(2027), as_of, &mut findings);
        let ctx = CheckContext {
            as_of,
            plan_year: Some(2027),
            cxm_total: budget.as_ref().map(|b| b.totals.cxm),
        };
        findings.extend(check::check(&loaded.roadmap, &ctx));
        findings.retain(|f| {
            f.severity() == Severity::Error || !check::is_allowed(&loaded.roadmap, f.code)
        });
        check::sort(&mut findings);

        assert_eq!(format!("{:?}", parallel.findings), format!("{findings:?}"));
        for code in ["E002", "E005", "E010", "W009"] {
            assert!(
                findings.iter().any(|f| f.code.as_str() == code),
                "no {code} in the test roadmap"
            );
        }
        assert_eq!(
            parallel.budget.map(|b| b.totals.cxm),
            budget.map(|b| b.totals.cxm)
        );
    }
}
