//! Running a command: reading the input, [`pipeline::run`], choosing the
//! renderer, writing, and the exit code. Errors returned from here mean the
//! command could not run (exit 2); problems in the roadmap are findings, not
//! errors.

use crate::budget;
use crate::cli::{
    CheckArgs, CheckFormat, Cli, Command, DiffArgs, InitArgs, InputArgs, Lang, ReportArgs,
};
use crate::diag::Severity;
use crate::pipeline::{self, Checked, Overrides};
use crate::render::diagnostics;
use crate::render::{Format, RenderOptions};
use crate::roadmap::schema;
use crate::roadmap::{Language, input};
use anyhow::{Context, Result};
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
            None => Err(anyhow::anyhow!("the roadmap names no plan year")),
        }),
        Command::Goals(args) => run_report(&args, |checked, opts, out| {
            let plan = crate::plan::build(&checked.roadmap, budget_of(checked)?)?;
            let kpis = crate::kpi::build(&checked.roadmap, checked.as_of, plan.plan_year);
            let report = crate::goals::build(&checked.roadmap, &plan, &kpis).ok_or_else(|| {
                anyhow::anyhow!("a sum of the goals is too large to compute exactly")
            })?;
            crate::render::goals::write(&report, opts, out)
        }),
        Command::Report(args) => {
            run_checked(&args.input(), args.lang, |checked, out| {
                match &checked.budget {
                    Some(b) => {
                        let d = crate::dashboard::build(
                            &checked.roadmap,
                            &checked.source,
                            &checked.findings,
                            b,
                            checked.as_of,
                        )?;
                        let html = crate::render::html::render(&d, report_lang(args.lang, checked));
                        Ok(out.write_all(&html)?)
                    }
                    None => Err(anyhow::anyhow!("the budget could not be computed")),
                }
            })
        }
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
        Command::Man(args) => {
            let pages = crate::man::pages(Cli::command())?;
            match args.dir {
                Some(dir) => {
                    crate::man::write_pages(&dir, &pages)?;
                }
                None => {
                    let main = pages.first().map_or(&[][..], |p| &p.text[..]);
                    write_output(None, main)?;
                }
            }
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

/// Reads, loads and checks a roadmap. Only an unreadable input is an `Err`.
fn load_and_check(args: &InputArgs) -> Result<Checked> {
    let bytes = input::read(&args.file).map_err(|e| no_roadmap_here(&args.file, e))?;
    let overrides = Overrides {
        as_of: args.as_of,
        year: args.year,
    };
    Ok(pipeline::run(
        &input::display_name(&args.file),
        bytes,
        &overrides,
    ))
}

/// The file every roadmap command reads when none is named.
const DEFAULT_ROADMAP: &str = "roadmap.toml";

/// A missing `roadmap.toml` in the current directory is most often a first
/// run: say how to start. Any other file, or any other reason, keeps the
/// plain message. The default cannot be told from `roadmap.toml` named
/// explicitly, and needs no telling: the advice fits both.
fn no_roadmap_here(file: &str, err: anyhow::Error) -> anyhow::Error {
    let missing = err
        .root_cause()
        .downcast_ref::<std::io::Error>()
        .is_some_and(|e| e.kind() == std::io::ErrorKind::NotFound);
    if missing && file == DEFAULT_ROADMAP {
        anyhow::anyhow!(
            "no {DEFAULT_ROADMAP} in this directory; `cxm init` writes a starter roadmap, \
             or name the file to read"
        )
    } else {
        err
    }
}

fn run_check(args: &CheckArgs) -> Result<ExitCode> {
    let checked = load_and_check(&args.input)?;
    let findings = &checked.findings;
    let lang = report_lang(args.lang, &checked);
    let text = match args.format {
        CheckFormat::Human => diagnostics::human(
            &checked.source,
            findings,
            use_color(args.input.output.is_some()),
            lang,
        ),
        CheckFormat::Json => diagnostics::json(&checked.source, findings, lang),
        CheckFormat::Github => diagnostics::github(&checked.source, findings, lang),
    };
    write_output(args.input.output.as_deref(), text.as_bytes())?;
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
    let format = args.output.render_format()?;
    run_checked(&args.input, args.output.lang, |checked, out| {
        let opts = RenderOptions {
            format,
            lang: report_lang(args.output.lang, checked),
            color: format == Format::Table && use_color(args.input.output.is_some()),
            excel: args.output.excel,
        };
        render(checked, &opts, out)
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
    lang: Option<Lang>,
    render: impl FnOnce(&Checked, &mut dyn Write) -> Result<()>,
) -> Result<ExitCode> {
    let checked = load_and_check(input)?;
    let stderr_color = stderr_color();
    // What the report says on standard error is in the report's language.
    let lang = report_lang(lang, &checked);
    if checked.has_data_errors() {
        let shown = checked.errors();
        eprint!(
            "{}",
            diagnostics::human(&checked.source, &shown, stderr_color, lang)
        );
        eprintln!("{}", diagnostics::report_not_printed(lang));
        return Ok(ExitCode::from(1));
    }
    // Each finding followed by a blank line, as `cxm check` prints them, so
    // findings and the note after them stay apart.
    let errors = checked.errors();
    for f in &errors {
        eprintln!(
            "{}",
            diagnostics::human_one(&checked.source, f, stderr_color, lang)
        );
    }
    let warnings = checked.findings.len() - errors.len();
    if warnings > 0 {
        eprintln!(
            "{}",
            diagnostics::warnings_note(&checked.source.name, warnings, &input.file, lang)
        );
    }
    write_output_with(input.output.as_deref(), |out| render(&checked, out))?;
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
        let overrides = Overrides {
            as_of: None,
            year: args.year,
        };
        sides.push(pipeline::run(&name, bytes, &overrides));
    }
    let mut refused = false;
    // The new side's language, as the diff itself uses.
    let lang = match (args.format.lang, sides.last()) {
        (Some(l), _) => l.language(),
        (None, Some(new)) => new.roadmap.meta.language(),
        (None, None) => Language::En,
    };
    for c in &sides {
        if c.has_data_errors() || c.budget.is_none() {
            let errors = c.errors();
            eprint!(
                "{}",
                diagnostics::human(&c.source, &errors, stderr_color, lang)
            );
            refused = true;
        }
    }
    if refused {
        eprintln!("{}", diagnostics::diff_not_printed(lang));
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
    let format = args.format.render_format()?;
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
    write_output_with(args.output.as_deref(), |out| {
        crate::render::diff::write(&d, &opts, out)
    })?;
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
fn default_permissions(_file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Ok(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions(file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    Ok(file.metadata()?.permissions())
}

/// Colour only on a terminal, and never with `NO_COLOR` set (no-color.org).
pub(crate) fn use_color(to_file: bool) -> bool {
    !to_file
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::io::stdout().is_terminal()
}

/// Writes to standard output, or atomically to a file: a temporary file in
/// the same directory, then a rename, so a reader never sees half a report.
/// The path `-` is standard output, as `-` is standard input for a roadmap
/// (`cxm report --html -`, `-o -`); a file named `-` is `./-`.
pub(crate) fn write_output(path: Option<&Path>, bytes: &[u8]) -> Result<()> {
    write_output_with(path, |out| Ok(out.write_all(bytes)?))
}

/// [`write_output`] of what `write` writes, buffered: a report goes out as
/// it is rendered, never held whole in memory a second time.
pub(crate) fn write_output_with(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    match path.filter(|p| *p != Path::new("-")) {
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            write(&mut out)?;
            Ok(out.flush()?)
        }
        Some(path) => {
            let dir = match path.parent() {
                Some(d) if !d.as_os_str().is_empty() => d,
                _ => Path::new("."),
            };
            let mut tmp =
                tempfile::NamedTempFile::new_in(dir).map_err(|e| write_failed(path, &e))?;
            {
                let mut out = std::io::BufWriter::new(tmp.as_file_mut());
                // A failure to write is said as one; a report that could not
                // be made (no plan year…) says why, as on standard output.
                write(&mut out)
                    .and_then(|()| Ok(out.flush()?))
                    .map_err(|e| match e.downcast_ref::<std::io::Error>() {
                        Some(io) => write_failed(path, io),
                        None => e,
                    })?;
            }
            // A temporary file is private (0600); the report is not: keep the
            // permissions of the file it replaces, or make it readable as a
            // newly created file would be.
            let permissions = match std::fs::metadata(path) {
                Ok(m) => m.permissions(),
                Err(_) => default_permissions(tmp.as_file()).map_err(|e| write_failed(path, &e))?,
            };
            tmp.as_file()
                .set_permissions(permissions)
                .map_err(|e| write_failed(path, &e))?;
            tmp.persist(path)
                .map_err(|e| write_failed(path, &e.error))?;
            Ok(())
        }
    }
}

/// "could not write PATH: REASON", naming only the path the user gave: the
/// temporary file is ours, and `tempfile` adds its name to its errors
/// (`… at path "/dir/.tmpAbC123"`), which is cut here. The reason reads as
/// an unreadable input's does (`No such file or directory (os error 2)`).
fn write_failed(path: &Path, e: &std::io::Error) -> anyhow::Error {
    let text = e.to_string();
    let reason = text.split(" at path \"").next().unwrap_or(&text);
    anyhow::anyhow!("could not write {}: {reason}", path.display())
}

#[cfg(test)]
mod tests;
