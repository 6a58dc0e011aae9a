//! Running a command: reading the input, [`pipeline::run`], choosing the
//! renderer, writing, and the exit code. Errors returned from here mean the
//! command could not run (exit 2); problems in the roadmap are findings, not
//! errors.

use crate::budget;
use crate::cli::{
    CheckArgs, CheckFormat, Cli, Command, DiffArgs, InitArgs, InputArgs, Lang, ReportArgs,
    RolloverArgs,
};
use crate::diag::Severity;
use crate::output;
use crate::pipeline::{self, Checked, Overrides};
use crate::render::diagnostics;
use crate::render::messages::app::{AppError, Reason, spoken};
use crate::render::{Format, RenderOptions};
use crate::roadmap::schema;
use crate::roadmap::{Language, input};
use anyhow::Result;
use clap::CommandFactory;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Check(args) => run_check(&args),
        Command::Inventory(args) => run_report(&args, |checked, opts, out| {
            let inv =
                crate::inventory::build(&checked.roadmap, checked.as_of, budget_of(checked)?)?;
            crate::render::inventory::write(&inv, opts, out)
        }),
        Command::Plan(args) => run_report(&args, |checked, opts, out| {
            let plan = crate::plan::build(&checked.roadmap, budget_of(checked)?)?;
            crate::render::plan::write(&plan, opts, out)
        }),
        Command::Budget(args) => run_report(&args, |checked, opts, out| {
            crate::render::budget::write(budget_of(checked)?, opts, out)
        }),
        Command::Diff(args) => run_diff(&args),
        Command::Kpi(args) => run_report(&args, |checked, opts, out| match checked.plan_year {
            Some(year) => {
                let report = crate::kpi::build(&checked.roadmap, checked.as_of, year);
                crate::render::kpi::write(&report, opts, out)
            }
            None => Err(AppError::NoPlanYear.into()),
        }),
        Command::Goals(args) => run_report(&args, |checked, opts, out| {
            let plan = crate::plan::build(&checked.roadmap, budget_of(checked)?)?;
            let kpis = crate::kpi::build(&checked.roadmap, checked.as_of, plan.plan_year);
            let report = crate::goals::build(&checked.roadmap, &plan, &kpis).ok_or_else(|| {
                anyhow::anyhow!("a sum of the goals is too large to compute exactly")
            })?;
            crate::render::goals::write(&report, opts, out)
        }),
        Command::Calendar(args) => {
            let report = args.report_args().map_err(|e| in_lang(e, args.lang))?;
            let ics = args.ics();
            run_report(&report, |checked, opts, out| {
                let plan = crate::plan::build(&checked.roadmap, budget_of(checked)?)?;
                let calendar = crate::calendar::build(&checked.roadmap, &plan, checked.as_of);
                if ics {
                    crate::render::calendar::write_ics(&calendar, opts.lang, out)
                } else {
                    crate::render::calendar::write(&calendar, opts, out)
                }
            })
        }
        Command::Strategy(args) => run_checked(&args.input, args.lang, false, |checked, out| {
            let budget = budget_of(checked)?;
            let plan = crate::plan::build(&checked.roadmap, budget)?;
            let kpis = crate::kpi::build(&checked.roadmap, checked.as_of, plan.plan_year);
            let goals = crate::goals::build(&checked.roadmap, &plan, &kpis).ok_or_else(|| {
                anyhow::anyhow!("a sum of the goals is too large to compute exactly")
            })?;
            let doc = crate::strategy::build(&crate::strategy::Inputs {
                roadmap: &checked.roadmap,
                source: &checked.source.name,
                as_of: checked.as_of,
                budget,
                plan: &plan,
                kpis: &kpis,
                goals: &goals,
            });
            let format = match args.format {
                crate::cli::StrategyFormat::Markdown => {
                    crate::render::strategy::StrategyFormat::Markdown
                }
                crate::cli::StrategyFormat::Html => crate::render::strategy::StrategyFormat::Html,
            };
            crate::render::strategy::write(&doc, format, report_lang(args.lang, checked), out)
        }),
        Command::Report(args) => {
            if let Some(path) = &args.xlsx {
                if path == Path::new("-") {
                    anyhow::bail!(
                        "{}",
                        crate::i18n::xlsx_needs_file(args.lang.map(Lang::language))
                    );
                }
                if path
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
                {
                    return Err(output::Refused {
                        refusal: output::Refusal::XlsxIntoToml {
                            output: path.display().to_string(),
                        },
                        lang: args.lang.map_or(Language::En, |l| l.language()),
                    }
                    .into());
                }
            }
            run_checked(
                &args.input(),
                args.lang,
                args.html.is_some(),
                |checked, out| {
                    if let Some(path) = &args.xlsx {
                        let book = workbook(checked, report_lang(args.lang, checked))?;
                        if args.html.is_none() {
                            return Ok(out.write_all(&book)?);
                        }
                        let lang = report_lang(args.lang, checked);
                        output::refuse_input(Some(path), &[&args.input().file], lang)?;
                        output::write(Some(path), &book)?;
                    }
                    match &checked.budget {
                        Some(b) => {
                            let mut d = crate::dashboard::build(
                                &checked.roadmap,
                                &checked.source,
                                &checked.findings,
                                b,
                                checked.as_of,
                            )?;
                            d.scenario = checked.scenario.clone();
                            // Without `--scenario`: the scenarios panel, the
                            // same columns as `cxm scenarios`.
                            if checked.scenario.is_none() && !checked.roadmap.scenarios.is_empty() {
                                d.scenarios = scenarios_report(checked, None)?.scenarios;
                            }
                            let html =
                                crate::render::html::render(&d, report_lang(args.lang, checked));
                            Ok(out.write_all(&html)?)
                        }
                        None => Err(AppError::NoBudget.into()),
                    }
                },
            )
        }
        Command::Scenarios(mut args) => {
            // The comparison starts from the file as written; `--scenario`
            // narrows it to the base and that one scenario.
            let only = args.input.scenario.take();
            run_report(&args, |checked, opts, out| {
                let report = scenarios_report(checked, only.as_deref())?;
                crate::render::scenarios::write(&report, opts, out)
            })
        }
        Command::Init(args) => run_init(&args),
        Command::Rollover(args) => run_rollover(&args),
        Command::Status(args) => run_report(&args.report, |checked, opts, out| {
            let as_of = checked.as_of;
            let since = args
                .since
                .unwrap_or_else(|| crate::status::default_since(as_of));
            if since > as_of {
                return Err(AppError::SinceAfterAsOf {
                    since: since.to_string(),
                    as_of: as_of.to_string(),
                }
                .into());
            }
            let b = budget_of(checked)?;
            let s = crate::status::build(&checked.roadmap, b, &checked.findings, since, as_of)?;
            crate::render::status::write(&s, opts, out)
        }),
        Command::Schema(args) => {
            let mut text = serde_json::to_string_pretty(&schema::json_schema())?;
            text.push('\n');
            output::write(args.output.as_deref(), text.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions(args) => {
            let mut cmd = Cli::command();
            let mut out = Vec::new();
            clap_complete::generate(args.shell, &mut cmd, "cxm", &mut out);
            output::write(None, &out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Man(args) => {
            let pages = crate::man::pages(Cli::command())?;
            match args.dir {
                Some(dir) => {
                    crate::man::write_pages(&dir, &pages)?;
                }
                None => {
                    let main = pages.first().map_or(&[][..], |p| &p.text[..]);
                    output::write(None, main)?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `cxm scenarios`: the base and each scenario (or only `only`), each
/// through the one pipeline.
fn scenarios_report(
    checked: &Checked,
    only: Option<&str>,
) -> Result<crate::scenarios::ScenariosReport> {
    if let Some(name) = only
        && !checked.scenario_names.iter().any(|n| n == name)
    {
        return Err(AppError::UnknownScenario {
            name: name.to_string(),
            known: checked.scenario_names.clone(),
        }
        .into());
    }
    let base = budget_of(checked)?;
    let mut columns = vec![crate::scenarios::figures(
        crate::scenarios::BASE,
        None,
        &checked.roadmap,
        base,
    )?];
    for sc in &checked.roadmap.scenarios {
        let name = sc.name.value.as_str();
        if only.is_some_and(|o| o != name) {
            continue;
        }
        let Some(overlaid) = pipeline::scenario(checked, name) else {
            continue;
        };
        let note = sc.note.as_ref().map(|n| n.value.clone());
        columns.push(crate::scenarios::figures(
            name,
            note,
            &overlaid.roadmap,
            budget_of(&overlaid)?,
        )?);
    }
    Ok(crate::scenarios::ScenariosReport {
        currency: checked.roadmap.meta.currency().to_string(),
        plan_year: base.plan_year,
        scenarios: columns,
    })
}

/// The workbook of `cxm report --xlsx`: every report of the roadmap.
fn workbook(checked: &Checked, lang: Language) -> Result<Vec<u8>> {
    let budget = budget_of(checked)?;
    let plan = crate::plan::build(&checked.roadmap, budget)?;
    let inventory = crate::inventory::build(&checked.roadmap, checked.as_of, budget)?;
    let kpi = checked
        .plan_year
        .map(|year| crate::kpi::build(&checked.roadmap, checked.as_of, year));
    let goals = kpi
        .as_ref()
        .and_then(|k| crate::goals::build(&checked.roadmap, &plan, k))
        .filter(|g| !g.goals.is_empty());
    let scenarios = if checked.scenario.is_none() && !checked.scenario_names.is_empty() {
        Some(scenarios_report(checked, None)?)
    } else {
        None
    };
    let calendar = crate::calendar::build(&checked.roadmap, &plan, checked.as_of);
    let meta = &checked.roadmap.meta;
    let about = crate::render::xlsx::About {
        organisation: meta.organisation.as_ref().map(|o| o.value.clone()),
        plan_year: checked.plan_year,
        as_of: checked.as_of,
        currency: budget.currency.clone(),
        markup_percent: budget.markup_percent,
        fx: checked
            .roadmap
            .fx
            .iter()
            .map(|f| (f.code.value.clone(), f.rate.as_ref().map(|r| r.value)))
            .collect(),
        scenario: checked.scenario.clone(),
    };
    let reports = crate::render::xlsx::Reports {
        budget,
        plan: &plan,
        inventory: &inventory,
        kpi: kpi.as_ref(),
        goals: goals.as_ref(),
        scenarios: scenarios.as_ref(),
        calendar: Some(&calendar).filter(|c| !c.events.is_empty()),
    };
    crate::render::xlsx::report(&reports, &about, lang)
}

/// The budget every report builds on. A roadmap without data errors always
/// has one; this is the message should it not.
fn budget_of(checked: &Checked) -> Result<&budget::Budget> {
    checked
        .budget
        .as_ref()
        .ok_or_else(|| AppError::NoBudget.into())
}

/// The line `main` prints for a command that could not run: `error: …`, or
/// `błąd: …` when the command speaks Polish.
pub fn fatal(err: &anyhow::Error) -> String {
    crate::render::messages::app::fatal(err)
}

/// Whether an error is only a closed pipe (`cxm plan | head`): not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    let (err, _) = crate::render::messages::app::unspoken(err);
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Reads, loads and checks a roadmap. Only an unreadable input is an `Err`.
fn load_and_check(args: &InputArgs) -> Result<Checked> {
    let bytes = input::read(&args.file).map_err(|e| no_roadmap_here(&args.file, e))?;
    let overrides = Overrides {
        as_of: args.as_of,
        year: args.year,
        scenario: args.scenario.clone(),
    };
    let checked = pipeline::run(&input::display_name(&args.file), bytes, &overrides);
    // An unknown scenario is a wrong argument (exit 2), named with the
    // scenarios the file has (SPEC section 10).
    if let Some(name) = &args.scenario
        && !checked.scenario_names.contains(name)
    {
        return Err(AppError::UnknownScenario {
            name: name.clone(),
            known: checked.scenario_names,
        }
        .into());
    }
    Ok(checked)
}

/// The file every roadmap command reads when none is named.
const DEFAULT_ROADMAP: &str = "roadmap.toml";

/// A missing `roadmap.toml` in the current directory is most often a first
/// run: say how to start. Any other file, or any other reason, keeps the
/// plain message. The default cannot be told from `roadmap.toml` named
/// explicitly, and needs no telling: the advice fits both.
fn no_roadmap_here(file: &str, err: anyhow::Error) -> anyhow::Error {
    let missing = err
        .downcast_ref::<AppError>()
        .is_some_and(AppError::is_not_found);
    if missing && file == DEFAULT_ROADMAP {
        AppError::NoRoadmapHere {
            default: DEFAULT_ROADMAP,
        }
        .into()
    } else {
        err
    }
}

fn run_check(args: &CheckArgs) -> Result<ExitCode> {
    let checked = load_and_check(&args.input).map_err(|e| in_lang(e, args.lang))?;
    let findings = &checked.findings;
    let lang = report_lang(args.lang, &checked);
    output::refuse_input(args.input.output.as_deref(), &[&args.input.file], lang)?;
    let color = use_color(args.input.output.is_some());
    let src = &checked.source;
    output::write_with(args.input.output.as_deref(), |out| {
        match args.format {
            CheckFormat::Human => diagnostics::human(out, src, findings, color, lang),
            CheckFormat::Json => diagnostics::json(out, src, findings, lang),
            CheckFormat::Github => diagnostics::github(out, src, findings, lang),
        }?;
        Ok(())
    })
    .map_err(|e| spoken(e, lang))?;
    let errors = findings.iter().any(|f| f.severity() == Severity::Error);
    let warnings = findings.iter().any(|f| f.severity() == Severity::Warning);
    Ok(if errors || (args.strict && warnings) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Runs a report: load and check, refuse on data errors (their diagnostics
/// on standard error, exit 1), else render. Plan errors (E008–E010) are what
/// the reports show, so they print too, with the findings on standard error.
fn run_report(
    args: &ReportArgs,
    render: impl Fn(&Checked, &RenderOptions, &mut dyn Write) -> Result<()>,
) -> Result<ExitCode> {
    let format = args
        .output
        .render_format()
        .map_err(|e| in_lang(e, args.output.lang))?;
    args.output.check_output(args.input.output.as_deref())?;
    run_checked(&args.input, args.output.lang, false, |checked, out| {
        let opts = RenderOptions {
            format,
            lang: report_lang(args.output.lang, checked),
            color: format == Format::Table && use_color(args.input.output.is_some()),
            excel: args.output.excel,
            width: table_width(args.output.wide, args.input.output.as_deref()),
        };
        render(checked, &opts, out)
    })
}

/// `err` in the language `--lang` gives, when given; else as it is (the
/// roadmap, whose `language` would say, is not read yet).
fn in_lang(err: anyhow::Error, lang: Option<Lang>) -> anyhow::Error {
    match lang {
        Some(l) => spoken(err, l.language()),
        None => err,
    }
}

/// `--lang`, else the roadmap's `language`.
fn report_lang(lang: Option<Lang>, checked: &Checked) -> Language {
    lang.map(|l| l.language())
        .unwrap_or_else(|| checked.roadmap.meta.language())
}

/// The flow every report shares: load and check, refuse on data errors,
/// show plan errors and count warnings on standard error, then write what
/// `render` makes of the checked roadmap. The output is never the input,
/// and a dashboard (`dashboard`) is never written to a `.toml` name.
fn run_checked(
    input: &InputArgs,
    lang: Option<Lang>,
    dashboard: bool,
    render: impl FnOnce(&Checked, &mut dyn Write) -> Result<()>,
) -> Result<ExitCode> {
    let dashboard_to = input.output.as_deref().filter(|_| dashboard);
    let checked = match load_and_check(input) {
        Ok(checked) => checked,
        // `cxm report --html plan.toml` with no roadmap.toml here: the
        // slip, not the missing default, is what to say.
        Err(e) => {
            if let Some(out) = dashboard_to {
                let asked = lang.map_or(Language::En, |l| l.language());
                output::refuse_toml_dashboard(out, asked)?;
            }
            return Err(in_lang(e, lang));
        }
    };
    let stderr_color = stderr_color();
    // What the report says on standard error is in the report's language.
    let lang = report_lang(lang, &checked);
    // Refused before anything is said: the command was not what was meant.
    if let Some(out) = dashboard_to {
        output::refuse_toml_dashboard(out, lang)?;
    }
    output::refuse_input(input.output.as_deref(), &[&input.file], lang)?;
    if checked.has_data_errors() {
        let errors = checked
            .findings
            .iter()
            .filter(|f| f.severity() == Severity::Error);
        to_stderr(|err| diagnostics::human(err, &checked.source, errors, stderr_color, lang));
        output::eprintln(diagnostics::report_not_printed(lang));
        return Ok(ExitCode::from(1));
    }
    // Each finding followed by a blank line, as `cxm check` prints them, so
    // findings and the note after them stay apart.
    let errors = checked
        .findings
        .iter()
        .filter(|f| f.severity() == Severity::Error);
    to_stderr(|err| {
        diagnostics::human_listed(err, &checked.source, errors, stderr_color, lang).map(drop)
    });
    let warnings = checked
        .findings
        .iter()
        .filter(|f| f.severity() == Severity::Warning)
        .count();
    if warnings > 0 {
        output::eprintln(&diagnostics::warnings_note(
            &checked.source.name,
            warnings,
            &input.file,
            lang,
        ));
    }
    output::write_with(input.output.as_deref(), |out| render(&checked, out))
        .map_err(|e| spoken(e, lang))?;
    Ok(ExitCode::SUCCESS)
}

/// Findings on standard error, buffered (they may be many). A standard
/// error that cannot be written loses them: there is nowhere else to say so.
fn to_stderr(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) {
    let mut err = std::io::BufWriter::new(std::io::stderr().lock());
    let _ = write(&mut err).and_then(|()| err.flush());
}

fn stderr_color() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
}

/// Reads one side of a diff: a file, or `REV:PATH` through `git show` when
/// no file has that name. The revision never reaches git as an option: one
/// starting with `-` is refused, and `--end-of-options` (git 2.24) comes
/// before it.
fn read_side(spec: &str, lang: Language) -> Result<Vec<u8>> {
    if spec == "-" || Path::new(spec).exists() {
        return input::read(spec);
    }
    let Some((rev, path)) = spec.split_once(':') else {
        return input::read(spec);
    };
    if rev.is_empty() || path.is_empty() || is_drive_path(rev, path) {
        return input::read(spec);
    }
    if rev.starts_with('-') {
        return Err(output::Refused {
            refusal: output::Refusal::RevisionLikeOption {
                rev: rev.to_string(),
                spec: spec.to_string(),
            },
            lang,
        }
        .into());
    }
    let out = std::process::Command::new("git")
        .args(["show", "--end-of-options", spec])
        .output()
        .map_err(|e| AppError::GitRun {
            spec: spec.to_string(),
            reason: Reason::of(&e),
        })?;
    if !out.status.success() {
        return Err(AppError::GitShow {
            spec: spec.to_string(),
            stderr: String::from_utf8_lossy(&out.stderr).trim().to_string(),
        }
        .into());
    }
    if out.stdout.len() as u64 > input::MAX_BYTES {
        return Err(AppError::TooLarge {
            path: spec.to_string(),
        }
        .into());
    }
    Ok(out.stdout)
}

/// Whether `REV:PATH` is rather a Windows path with a drive letter
/// (`C:\plans\old.toml`, `C:/plans/old.toml`) that does not exist: said
/// to be missing as a file, not looked up in git. Only on Windows, where
/// such a path is a path.
fn is_drive_path(rev: &str, path: &str) -> bool {
    cfg!(windows)
        && rev.len() == 1
        && rev.chars().all(|c| c.is_ascii_alphabetic())
        && path.starts_with(['\\', '/'])
}

fn run_diff(args: &DiffArgs) -> Result<ExitCode> {
    args.format.check_output(args.output.as_deref())?;
    let stderr_color = stderr_color();
    // Before either side is read, a refusal is in `--lang` or English.
    let asked = args.format.lang.map_or(Language::En, |l| l.language());
    if args.old == "-" && args.new == "-" {
        return Err(output::Refused {
            refusal: output::Refusal::StdinTwice,
            lang: asked,
        }
        .into());
    }
    // Both sides are read first (a side that cannot be read is reported in
    // that order), then checked one at a time, the new one first (its
    // language is the diff's), each refusal made into text at once: a side
    // with errors is never held beside the other, nor any findings of a
    // side that is compared (diff shows no warnings). Two large hostile
    // files thus take the memory of one.
    let old_bytes = read_side(&args.old, asked).map_err(|e| in_lang(e, args.format.lang))?;
    let new_bytes = read_side(&args.new, asked).map_err(|e| in_lang(e, args.format.lang))?;
    let overrides = Overrides {
        as_of: None,
        year: args.year,
        scenario: None,
    };
    let check = |spec: &str, bytes| pipeline::run(&input::display_name(spec), bytes, &overrides);
    let new = check(&args.new, new_bytes);
    // The new side's language, as the diff itself uses.
    let lang = args
        .format
        .lang
        .map_or_else(|| new.roadmap.meta.language(), |l| l.language());
    output::refuse_input(args.output.as_deref(), &[&args.old, &args.new], lang)?;
    let (new, new_refusal) = comparable(new, stderr_color, lang);
    let (old, old_refusal) = comparable(check(&args.old, old_bytes), stderr_color, lang);
    if old_refusal.is_some() || new_refusal.is_some() {
        for text in [old_refusal, new_refusal].into_iter().flatten() {
            to_stderr(|err| err.write_all(&text));
        }
        output::eprintln(diagnostics::diff_not_printed(lang));
        return Ok(ExitCode::from(1));
    }
    // Each side is here: it was not refused.
    let (Some(old), Some(new)) = (old, new) else {
        anyhow::bail!("a diff needs two versions");
    };
    let (Some(old_budget), Some(new_budget)) = (&old.budget, &new.budget) else {
        return Err(AppError::NoBudget.into());
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
    let format = args.format.render_format().map_err(|e| spoken(e, lang))?;
    let opts = RenderOptions {
        format,
        lang: args
            .format
            .lang
            .map(|l| l.language())
            .unwrap_or_else(|| new.roadmap.meta.language()),
        color: format == Format::Table && use_color(args.output.is_some()),
        excel: args.format.excel,
        width: table_width(args.format.wide, args.output.as_deref()),
    };
    output::write_with(args.output.as_deref(), |out| {
        crate::render::diff::write(&d, &opts, out)
    })
    .map_err(|e| spoken(e, lang))?;
    Ok(ExitCode::SUCCESS)
}

/// A side of a diff, without its findings, when it can be compared (no
/// data errors, a budget); else its errors as the human format writes them
/// (at most a hundred of each code: a few kilobytes, however large the
/// file).
fn comparable(mut c: Checked, color: bool, lang: Language) -> (Option<Checked>, Option<Vec<u8>>) {
    if c.has_data_errors() || c.budget.is_none() {
        let mut text = Vec::new();
        let errors = c
            .findings
            .iter()
            .filter(|f| f.severity() == Severity::Error);
        let _ = diagnostics::human(&mut text, &c.source, errors, color, lang);
        return (None, Some(text));
    }
    c.findings = Vec::new();
    (Some(c), None)
}

/// Writes the starter roadmap, and the schema it names beside it when there
/// is none yet. An existing roadmap is never overwritten (exit 2). What it
/// says, and why it could not, is in `--lang`'s language.
fn run_init(args: &InitArgs) -> Result<ExitCode> {
    let lang = args.lang.language();
    init(args, lang).map_err(|e| spoken(e, lang))
}

fn init(args: &InitArgs, lang: Language) -> Result<ExitCode> {
    let text = crate::init::starter(lang, chrono::Local::now().date_naive());
    let path = &args.path;
    let cannot_write = |p: &Path, e: &std::io::Error| AppError::Write {
        path: p.display().to_string(),
        reason: Reason::of(e),
    };
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                AppError::InitExists {
                    path: path.display().to_string(),
                }
            } else {
                cannot_write(path, &e)
            }
        })?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.flush())
        .map_err(|e| cannot_write(path, &e))?;
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
            .map_err(|e| cannot_write(&schema_path, &e))?;
        wrote_schema = true;
    }
    let schema_path = wrote_schema.then_some(schema_path.as_path());
    for line in crate::init::wrote(path, schema_path, lang) {
        output::eprintln(&line);
    }
    Ok(ExitCode::SUCCESS)
}

/// The most a text table may take (SPEC section 11): with `--wide`, no
/// limit; on a terminal, its width; otherwise `COLUMNS` when it is a
/// positive whole number; otherwise no limit, so piped output stays whole.
/// A report written to a file (`--output`) is not on a terminal: only
/// `COLUMNS` narrows it.
fn table_width(wide: bool, output: Option<&Path>) -> Option<usize> {
    if wide {
        return None;
    }
    let to_stdout = output.is_none_or(|p| p == Path::new("-"));
    if to_stdout
        && std::io::stdout().is_terminal()
        && let Some((terminal_size::Width(w), _)) = terminal_size::terminal_size()
    {
        return Some(usize::from(w)).filter(|w| *w > 0);
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|w| *w > 0)
}

/// Colour only on a terminal, and never with `NO_COLOR` set (no-color.org).
pub(crate) fn use_color(to_file: bool) -> bool {
    !to_file
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::io::stdout().is_terminal()
}

/// `cxm rollover`: reads FILE, writes NEW only when nothing is there (the
/// file is written beside NEW and moved in without replacing anything),
/// prints what changed.
fn run_rollover(args: &RolloverArgs) -> Result<ExitCode> {
    let file = &args.file;
    if file.as_os_str() == "-" {
        return Err(AppError::RolloverStdin.into());
    }
    let text = std::fs::read_to_string(file).map_err(|e| AppError::Read {
        path: file.display().to_string(),
        reason: Reason::of(&e),
    })?;
    let rolled = crate::rollover::roll(&text, args.to)?;
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| crate::rollover::default_output(file, rolled.year));
    if output.exists() {
        return Err(AppError::RolloverExists {
            path: output.display().to_string(),
        }
        .into());
    }
    let dir = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp =
        tempfile::NamedTempFile::new_in(dir).map_err(|e| output::write_failed(&output, &e))?;
    tmp.write_all(rolled.text.as_bytes())
        .and_then(|()| tmp.flush())
        .map_err(|e| output::write_failed(&output, &e))?;
    tmp.persist_noclobber(&output).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            AppError::RolloverExists {
                path: output.display().to_string(),
            }
            .into()
        } else {
            output::write_failed(&output, &e.error)
        }
    })?;
    let lang = match (args.lang, rolled.language.as_deref()) {
        (Some(l), _) => l.language(),
        (None, Some("pl")) => Language::Pl,
        (None, _) => Language::En,
    };
    let report = crate::render::rollover::text(&rolled, &output.display().to_string(), lang);
    output::write(None, report.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
