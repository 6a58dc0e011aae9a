//! Findings as text for people (rustc style), JSON for tools, and GitHub
//! Actions workflow commands for annotations on a pull request.
//!
//! In every format the words a person reads (message, help, and in the
//! human format the severity, `= help:` and the summary) are in the chosen
//! language; what tools read stays English in both: the code, the JSON keys
//! and the JSON `severity` value, and GitHub's `::error`/`::warning`
//! command names. The Polish summary uses the three plural forms (`1 błąd`,
//! `2 błędy`, `5 błędów`; 12–14 take the last).
//!
//! Every format writes a finding as soon as its text is made, so the text
//! of all findings is never held at once. The human and GitHub formats list
//! the first [`LISTED_PER_CODE`] findings of each code and then, per code,
//! one line with the count of the rest (`… and 4998 more E002`): a file with
//! millions of findings gives a reviewer a readable list, and GitHub shows
//! only a few annotations of a step anyway. The summary counts every
//! finding. JSON lists every finding (tools count and filter them); each
//! is a few hundred bytes without its source line, so its size grows with
//! the number of findings only.
//!
//! What a person reads is inert ([`crate::render::inert`]): the source
//! excerpt, the file name, the message and help (whose quoted values are
//! escaped already). A source line is an excerpt of at most
//! [`excerpt::WIDTH`] columns around the span (see [`excerpt`] for how it
//! is cut, what a tab becomes and how carets are placed). Line numbers
//! count a lone CR as a line end (see `source`). JSON keeps the values as
//! they are (its escaping is JSON's); GitHub's `file=` property keeps the
//! path as given, for GitHub to match it.

mod excerpt;

use crate::diag::{Code, Finding, Severity};
use crate::render::inert::inert;
use crate::render::messages;
use crate::roadmap::Language;
use crate::source::Source;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

/// ANSI styling for a terminal; empty strings when colour is off.
struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    fn severity(&self, s: Severity, text: &str) -> String {
        match s {
            Severity::Error => self.wrap("1;31", text),
            Severity::Warning => self.wrap("1;33", text),
        }
    }
    fn gutter(&self, text: &str) -> String {
        self.wrap("1;34", text)
    }
    fn bold(&self, text: &str) -> String {
        self.wrap("1", text)
    }
}

/// The severity as GitHub's workflow commands name it (`::error`), never
/// translated.
fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// The severity as a person reads it, before the code: `error[E005]`,
/// `błąd[E005]`.
fn severity_label(s: Severity, lang: Language) -> &'static str {
    match (s, lang) {
        (_, Language::En) => severity_word(s),
        (Severity::Error, Language::Pl) => "błąd",
        (Severity::Warning, Language::Pl) => "ostrzeżenie",
    }
}

/// The word before a help line: `= help:` in the human format, `help:` in
/// GitHub's.
fn help_label(lang: Language) -> &'static str {
    match lang {
        Language::En => "help:",
        Language::Pl => "wskazówka:",
    }
}

/// A count and its noun: `1 error`, `2 errors`; in Polish with the three
/// forms, `1 błąd`, `2 błędy` (2–4, 22–24…, but not 12–14), `5 błędów`.
fn plural(n: usize, forms: [&str; 3], lang: Language) -> String {
    let [one, few, many] = forms;
    let word = match lang {
        Language::En if n == 1 => one,
        Language::En => many,
        Language::Pl if n == 1 => one,
        Language::Pl if (2..=4).contains(&(n % 10)) && !(12..=14).contains(&(n % 100)) => few,
        Language::Pl => many,
    };
    format!("{n} {word}")
}

/// The line under a report's findings on standard error when the report
/// is refused for them.
pub(crate) fn report_not_printed(lang: Language) -> &'static str {
    match lang {
        Language::En => {
            "the report is not printed: the roadmap has errors (see above, or run `cxm check`)"
        }
        Language::Pl => {
            "raport nie powstał: w roadmapie są błędy (zob. wyżej albo uruchom `cxm check`)"
        }
    }
}

/// The same for `cxm diff`, when a version has errors.
pub(crate) fn diff_not_printed(lang: Language) -> &'static str {
    match lang {
        Language::En => "the diff is not printed: a version has errors (see above)",
        Language::Pl => "porównanie nie powstało: jedna z wersji ma błędy (zob. wyżej)",
    }
}

/// The note a report prints on standard error when the roadmap also has
/// warnings: `note: roadmap.toml also has 3 warnings; …`.
pub(crate) fn warnings_note(name: &str, warnings: usize, file: &str, lang: Language) -> String {
    match lang {
        Language::En => format!(
            "note: {} also has {warnings} warning{}; `cxm check {}` shows {}",
            inert(name),
            if warnings == 1 { "" } else { "s" },
            inert(file),
            if warnings == 1 { "it" } else { "them" }
        ),
        Language::Pl => format!(
            "uwaga: {} ma też {}; pokaże je `cxm check {}`",
            inert(name),
            plural(warnings, ["ostrzeżenie", "ostrzeżenia", "ostrzeżeń"], lang),
            inert(file)
        ),
    }
}

/// How many findings of one code the human and GitHub formats list; the
/// rest are counted on one line (`… and 4998 more E002`), and the summary
/// still counts every finding. JSON lists every finding.
pub(crate) const LISTED_PER_CODE: usize = 100;

/// Findings counted as they are written: how many of each code, and the
/// errors and warnings in all.
#[derive(Debug, Default)]
pub(crate) struct Tally {
    per_code: BTreeMap<Code, usize>,
    errors: usize,
    warnings: usize,
}

impl Tally {
    /// Counts `f`, and says whether it is among the ones listed.
    fn count(&mut self, f: &Finding) -> bool {
        match f.severity() {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
        }
        let n = self.per_code.entry(f.code).or_default();
        *n += 1;
        *n <= LISTED_PER_CODE
    }

    /// The codes with findings not listed, and how many, in code order.
    fn unlisted(&self) -> impl Iterator<Item = (Code, usize)> + '_ {
        self.per_code
            .iter()
            .filter(|&(_, &n)| n > LISTED_PER_CODE)
            .map(|(&c, &n)| (c, n - LISTED_PER_CODE))
    }

    /// The lines saying how many findings of each code were not listed.
    fn write_unlisted(&self, out: &mut dyn Write, lang: Language) -> io::Result<()> {
        for (code, n) in self.unlisted() {
            writeln!(out, "{}", unlisted_line(code, n, lang))?;
        }
        Ok(())
    }
}

/// `… and 4998 more E002 (…)`: the findings of a code past the first
/// [`LISTED_PER_CODE`].
fn unlisted_line(code: Code, n: usize, lang: Language) -> String {
    let code = code.as_str();
    match lang {
        Language::En => format!(
            "… and {n} more {code} (only the first {LISTED_PER_CODE} findings of a code are listed)"
        ),
        Language::Pl => format!(
            "… i jeszcze {} {code} (lista pokazuje pierwsze {LISTED_PER_CODE} uwag o każdym kodzie)",
            plural(n, ["uwaga", "uwagi", "uwag"], lang)
        ),
    }
}

/// The summary line: `2 errors, 3 warnings`, `2 błędy, 3 ostrzeżenia`.
fn summary_of(errors: usize, warnings: usize, lang: Language) -> String {
    let (error_forms, warning_forms) = match lang {
        Language::En => (
            ["error", "errors", "errors"],
            ["warning", "warnings", "warnings"],
        ),
        Language::Pl => (
            ["błąd", "błędy", "błędów"],
            ["ostrzeżenie", "ostrzeżenia", "ostrzeżeń"],
        ),
    };
    format!(
        "{}, {}",
        plural(errors, error_forms, lang),
        plural(warnings, warning_forms, lang)
    )
}

/// One finding, rustc style:
///
/// ```text
/// error[E005]: owner "jk" is not in the team
///   --> roadmap.toml:42:9
///    |
/// 42 | owner = "jk"
///    |         ^^^^
///    = help: did you mean "ak"?
/// ```
///
/// The source line is an excerpt ([`excerpt`]): at most
/// [`excerpt::WIDTH`] columns around the span, inert. The file name and
/// the message are inert too (the values a message quotes are escaped
/// already).
pub(crate) fn human_one(
    out: &mut dyn Write,
    src: &Source,
    f: &Finding,
    color: bool,
    lang: Language,
) -> io::Result<()> {
    let p = Paint { on: color };
    let pos = src.position(f.span.start());
    let shown = excerpt::excerpt(&src.on_line(f.span));
    let num = pos.line.to_string();
    let pad = " ".repeat(num.len());
    let sev = f.severity();
    writeln!(
        out,
        "{}{}",
        p.severity(
            sev,
            &format!("{}[{}]", severity_label(sev, lang), f.code.as_str())
        ),
        p.bold(&format!(": {}", inert(&messages::text(f, lang))))
    )?;
    writeln!(
        out,
        "{pad}{} {}:{}:{}",
        p.gutter("-->"),
        inert(&src.name),
        pos.line,
        pos.column
    )?;
    writeln!(out, "{pad} {}", p.gutter("|"))?;
    writeln!(out, "{} {} {}", p.gutter(&num), p.gutter("|"), shown.text)?;
    writeln!(
        out,
        "{pad} {} {}{}",
        p.gutter("|"),
        " ".repeat(shown.caret_at),
        p.severity(sev, &"^".repeat(shown.caret_width))
    )?;
    for h in messages::help(f, lang) {
        writeln!(
            out,
            "{pad} {} {}",
            p.gutter(&format!("= {}", help_label(lang))),
            inert(&h)
        )?;
    }
    Ok(())
}

/// Findings for people, each followed by a blank line, as they come: the
/// first [`LISTED_PER_CODE`] of each code, then a line for each code with
/// more. What was counted is returned for the summary.
pub(crate) fn human_listed<'a>(
    out: &mut dyn Write,
    src: &Source,
    findings: impl IntoIterator<Item = &'a Finding>,
    color: bool,
    lang: Language,
) -> io::Result<Tally> {
    let mut tally = Tally::default();
    for f in findings {
        if tally.count(f) {
            human_one(out, src, f, color, lang)?;
            writeln!(out)?;
        }
    }
    tally.write_unlisted(out, lang)?;
    Ok(tally)
}

/// [`human_listed`], then the summary, which counts every finding.
pub(crate) fn human<'a>(
    out: &mut dyn Write,
    src: &Source,
    findings: impl IntoIterator<Item = &'a Finding>,
    color: bool,
    lang: Language,
) -> io::Result<()> {
    let tally = human_listed(out, src, findings, color, lang)?;
    let p = Paint { on: color };
    writeln!(
        out,
        "{}: {}",
        inert(&src.name),
        p.bold(&summary_of(tally.errors, tally.warnings, lang))
    )
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    code: &'a str,
    severity: Severity,
    message: String,
    file: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    help: Vec<String>,
}

/// A JSON array of findings (SPEC section 6), every one of them, written
/// one at a time: tools count and filter them, and the output grows only
/// with their number.
pub fn json<'a>(
    out: &mut dyn Write,
    src: &Source,
    findings: impl IntoIterator<Item = &'a Finding>,
    lang: Language,
) -> io::Result<()> {
    let mut first = true;
    for f in findings {
        let pos = src.position(f.span.start());
        let end = src.position(f.span.end().max(f.span.start()));
        let item = JsonFinding {
            code: f.code.as_str(),
            severity: f.severity(),
            message: messages::text(f, lang),
            file: &src.name,
            line: pos.line,
            column: pos.column,
            end_line: end.line,
            end_column: end.column,
            help: messages::help(f, lang),
        };
        let text = serde_json::to_string_pretty(&item).map_err(io::Error::other)?;
        out.write_all(if first { b"[\n" } else { b",\n" })?;
        first = false;
        // The array's items are indented by two spaces, as a pretty array
        // of them would be; a JSON string holds no raw line break.
        for (i, line) in text.lines().enumerate() {
            if i > 0 {
                out.write_all(b"\n")?;
            }
            write!(out, "  {line}")?;
        }
    }
    out.write_all(if first { b"[]\n" } else { b"\n]\n" })
}

/// Escapes workflow-command data as the Actions toolkit does.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow-command property (also `:` and `,`).
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// One `::error file=…,line=…,col=…,title=E005::message` line per finding,
/// the first [`LISTED_PER_CODE`] of each code (GitHub shows only a few
/// annotations of a step anyway), then a plain log line for each code with
/// more.
pub(crate) fn github<'a>(
    out: &mut dyn Write,
    src: &Source,
    findings: impl IntoIterator<Item = &'a Finding>,
    lang: Language,
) -> io::Result<()> {
    let mut tally = Tally::default();
    for f in findings {
        if !tally.count(f) {
            continue;
        }
        let pos = src.position(f.span.start());
        let end = src.position(f.span.end().max(f.span.start()));
        let mut message = inert(&messages::text(f, lang)).into_owned();
        for h in messages::help(f, lang) {
            message.push('\n');
            message.push_str(help_label(lang));
            message.push(' ');
            message.push_str(&inert(&h));
        }
        let mut props = format!(
            "file={},line={},col={}",
            escape_property(&src.name),
            pos.line,
            pos.column
        );
        if end.line == pos.line && end.column > pos.column {
            let _ = write!(props, ",endColumn={}", end.column);
        }
        writeln!(
            out,
            "::{} {props},title={}::{}",
            severity_word(f.severity()),
            escape_property(f.code.as_str()),
            escape_data(&message)
        )?;
    }
    tally.write_unlisted(out, lang)
}

#[cfg(test)]
mod tests;
