//! The manual: `cxm(1)` and one page per subcommand (`cxm-check(1)`, …),
//! generated from the clap definition so every command and option is there
//! by construction. `cxm(1)` adds the file format, the finding codes (from
//! [`Code::ALL`] and [`Code::summary`]), the exit codes and examples.
//!
//! Decisions:
//! - `cxm man --dir DIR` creates DIR and writes `cxm.1`, `cxm-check.1`, …;
//!   an existing page is replaced, but an existing file there that is not a
//!   manual page (say, a roadmap named `cxm.1`) is never overwritten: the
//!   command refuses, before writing anything, and exits 2.
//! - Pages are written atomically (a temporary file, then a rename), as
//!   every other output.
//! - `help` is not a page: clap's built-in help subcommand is left out.
//! - The manual is in English only, as the command line's help is.
//! - A new finding code needs its line in [`Code::summary`]: the match is
//!   exhaustive, so the build says so.

use crate::diag::{Code, Severity};
use crate::render::messages::app::{AppError, Reason};
use anyhow::Result;
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, roman};
use std::path::Path;

/// One page: its file name (`cxm-check.1`) and its roff text.
pub(crate) struct Page {
    pub(crate) file_name: String,
    pub(crate) text: Vec<u8>,
}

/// Every page: `cxm.1` first, then one per subcommand in the order of the
/// command line's help.
pub(crate) fn pages(cmd: clap::Command) -> Result<Vec<Page>> {
    let mut cmd = cmd.disable_help_subcommand(true);
    cmd.build();
    let mut pages = vec![Page {
        file_name: "cxm.1".to_owned(),
        text: main_page(&cmd)?,
    }];
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let man = Man::new(sub.clone()).source(concat!("cxm ", env!("CARGO_PKG_VERSION")));
        let mut text = Vec::new();
        man.render(&mut text)?;
        text.extend_from_slice(see_also(&cmd, Some(sub.get_name())).to_roff().as_bytes());
        pages.push(Page {
            file_name: man.get_filename(),
            text,
        });
    }
    Ok(pages)
}

/// `cxm(1)`: clap's page of the top command, then the sections no clap
/// definition holds.
fn main_page(cmd: &clap::Command) -> Result<Vec<u8>> {
    let mut text = Vec::new();
    Man::new(cmd.clone()).render(&mut text)?;
    let mut roff = Roff::new();
    file_format(&mut roff);
    finding_codes(&mut roff);
    exit_status(&mut roff);
    examples(&mut roff);
    text.extend_from_slice(roff.to_roff().as_bytes());
    text.extend_from_slice(see_also(cmd, None).to_roff().as_bytes());
    Ok(text)
}

/// Writes every page into `dir`, creating it. Refuses, before writing any,
/// when a file there that is not a manual page would be replaced.
pub(crate) fn write_pages(dir: &Path, pages: &[Page]) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| AppError::ManDir {
        dir: dir.display().to_string(),
        reason: Reason::of(&e),
    })?;
    for page in pages {
        let path = dir.join(&page.file_name);
        if path.exists() && !is_man_page(&path) {
            return Err(AppError::ManNotAPage {
                path: path.display().to_string(),
            }
            .into());
        }
    }
    for page in pages {
        crate::output::write(Some(&dir.join(&page.file_name)), &page.text)?;
    }
    Ok(())
}

/// Whether a file is a roff manual page (as written by `cxm man`): its
/// first lines hold a `.TH` title.
fn is_man_page(path: &Path) -> bool {
    if path.is_dir() {
        return false;
    }
    std::fs::read(path).is_ok_and(|bytes| {
        String::from_utf8_lossy(&bytes)
            .lines()
            .take(5)
            .any(|l| l.starts_with(".TH "))
    })
}

fn section(roff: &mut Roff, title: &str) {
    roff.control("SH", [title]);
}

fn paragraph(roff: &mut Roff, text: &str) {
    roff.control("PP", []).text([roman(text)]);
}

/// A tagged paragraph: a bold term, its description indented below.
fn item(roff: &mut Roff, term: &str, text: &str) {
    roff.control("TP", [])
        .text([bold(term)])
        .text([roman(text)]);
}

fn file_format(roff: &mut Roff) {
    section(roff, "FILE FORMAT");
    paragraph(
        roff,
        "The roadmap is one TOML file, roadmap.toml unless named. Its tables:",
    );
    for (term, text) in [
        (
            "[roadmap]",
            "organisation, team, currency, language, plan_year, as_of, markup_percent, \
             budget_cap, day_rate.",
        ),
        (
            "[fx]",
            "exchange rates to the roadmap currency, by currency code.",
        ),
        ("[[team]]", "the CXM team: id, name, role, capacity_days."),
        (
            "[[departments]]",
            "departments that own cx work: id, name, headcount.",
        ),
        (
            "[maturity.COMPETENCY]",
            "current and target maturity, 1 to 5.",
        ),
        (
            "[[initiatives]]",
            "the work: id, title, competency, area (cxm or cx), status, start, end, owner, \
             department, priority, effort_days, cost or vendor quotes, actual, depends_on, kpi.",
        ),
        (
            "[[kpis]]",
            "KPIs: baseline, target, direction, measurements.",
        ),
        ("[[training]]", "training of the team, with its cost."),
        ("[check]", "allow: the warning codes not to report."),
    ] {
        item(roff, term, text);
    }
    paragraph(
        roff,
        "Keys starting with x- are the user's own annotations and are ignored. \
         roadmap.toml.example documents every key with a comment; cxm schema prints the \
         JSON Schema of the file for editors; cxm init writes a commented starter roadmap.",
    );
}

fn finding_codes(roff: &mut Roff) {
    section(roff, "FINDING CODES");
    paragraph(
        roff,
        "cxm check reports findings by code: E codes are errors, W codes warnings. Errors \
         E008, E009 and E010 are plan errors: the reports still print.",
    );
    for code in Code::ALL {
        let severity = match code.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        item(
            roff,
            &format!("{} ({severity})", code.as_str()),
            code.summary(),
        );
    }
}

fn exit_status(roff: &mut Roff) {
    section(roff, "EXIT STATUS");
    item(
        roff,
        "0",
        "Done; for check: no errors, and no warnings under --strict.",
    );
    item(
        roff,
        "1",
        "The roadmap has problems: reports refuse to print figures from a roadmap with data \
         errors and show the findings on standard error instead; plan errors E008 to E010 \
         leave them printing, with the findings on standard error.",
    );
    item(
        roff,
        "2",
        "The command could not run: bad arguments, an unreadable file, an unwritable output.",
    );
}

fn examples(roff: &mut Roff) {
    section(roff, "EXAMPLES");
    for (command, text) in [
        ("cxm init", "Write a commented starter roadmap.toml."),
        (
            "cxm check --strict",
            "The CI gate: fail on errors and on warnings.",
        ),
        (
            "cxm check --format github",
            "Findings as annotations on a pull request.",
        ),
        ("cxm plan --lang pl", "The plan year, in Polish."),
        (
            "cxm budget --excel -o budzet.csv",
            "The budget as CSV for Excel.",
        ),
        (
            "cxm diff main:roadmap.toml roadmap.toml",
            "What changed since main.",
        ),
        (
            "cxm report --html board.html",
            "The HTML dashboard for the board.",
        ),
        (
            "cxm report --xlsx cxm.xlsx",
            "Every report in one Excel workbook, totals as formulas.",
        ),
        ("cxm man --dir man/man1", "Write every manual page."),
    ] {
        item(roff, command, text);
    }
}

/// The SEE ALSO section: the other pages of the manual.
fn see_also(cmd: &clap::Command, this: Option<&str>) -> Roff {
    let mut roff = Roff::new();
    section(&mut roff, "SEE ALSO");
    let mut names: Vec<String> = Vec::new();
    if this.is_some() {
        names.push("cxm(1)".to_owned());
    }
    names.extend(
        cmd.get_subcommands()
            .filter(|s| !s.is_hide_set() && Some(s.get_name()) != this)
            .map(|s| format!("cxm-{}(1)", s.get_name())),
    );
    roff.text([roman(names.join(", "))]);
    roff
}
