//! Findings as text for people (rustc style), JSON for tools, and GitHub
//! Actions workflow commands for annotations on a pull request.
//!
//! In every format the words a person reads (message, help, and in the
//! human format the severity, `= help:` and the summary) are in the chosen
//! language; what tools read stays English in both: the code, the JSON keys
//! and the JSON `severity` value, and GitHub's `::error`/`::warning`
//! command names. The Polish summary uses the three plural forms (`1 błąd`,
//! `2 błędy`, `5 błędów`; 12–14 take the last).

use crate::diag::{Finding, Severity};
use crate::render::messages;
use crate::roadmap::Language;
use crate::source::Source;
use serde::Serialize;
use std::fmt::Write as _;

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
            "note: {name} also has {warnings} warning{}; `cxm check {file}` shows {}",
            if warnings == 1 { "" } else { "s" },
            if warnings == 1 { "it" } else { "them" }
        ),
        Language::Pl => format!(
            "uwaga: {name} ma też {}; pokaże je `cxm check {file}`",
            plural(warnings, ["ostrzeżenie", "ostrzeżenia", "ostrzeżeń"], lang)
        ),
    }
}

/// The summary line: `2 errors, 3 warnings`, `2 błędy, 3 ostrzeżenia`.
pub(crate) fn summary(findings: &[Finding], lang: Language) -> String {
    let errors = findings
        .iter()
        .filter(|f| f.severity() == Severity::Error)
        .count();
    let warnings = findings.len() - errors;
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
pub(crate) fn human_one(src: &Source, f: &Finding, color: bool, lang: Language) -> String {
    let p = Paint { on: color };
    let pos = src.position(f.span.start());
    let line_text = src.line_text(pos.line).replace('\t', " ");
    let (from, to) = src.caret_range(f.span);
    let num = pos.line.to_string();
    let pad = " ".repeat(num.len());
    let sev = f.severity();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}{}",
        p.severity(
            sev,
            &format!("{}[{}]", severity_label(sev, lang), f.code.as_str())
        ),
        p.bold(&format!(": {}", messages::text(f, lang)))
    );
    let _ = writeln!(
        out,
        "{pad}{} {}:{}:{}",
        p.gutter("-->"),
        src.name,
        pos.line,
        pos.column
    );
    let _ = writeln!(out, "{pad} {}", p.gutter("|"));
    let _ = writeln!(out, "{} {} {line_text}", p.gutter(&num), p.gutter("|"));
    let _ = writeln!(
        out,
        "{pad} {} {}{}",
        p.gutter("|"),
        " ".repeat(from),
        p.severity(sev, &"^".repeat(to - from))
    );
    for h in messages::help(f, lang) {
        let _ = writeln!(
            out,
            "{pad} {} {h}",
            p.gutter(&format!("= {}", help_label(lang)))
        );
    }
    out
}

/// All findings for people, each followed by a blank line, then the summary.
pub(crate) fn human(src: &Source, findings: &[Finding], color: bool, lang: Language) -> String {
    let mut out = String::new();
    for f in findings {
        out.push_str(&human_one(src, f, color, lang));
        out.push('\n');
    }
    let p = Paint { on: color };
    let _ = writeln!(out, "{}: {}", src.name, p.bold(&summary(findings, lang)));
    out
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

/// A JSON array of findings (SPEC section 6).
pub fn json(src: &Source, findings: &[Finding], lang: Language) -> String {
    let items: Vec<JsonFinding<'_>> = findings
        .iter()
        .map(|f| {
            let pos = src.position(f.span.start());
            let end = src.position(f.span.end().max(f.span.start()));
            JsonFinding {
                code: f.code.as_str(),
                severity: f.severity(),
                message: messages::text(f, lang),
                file: &src.name,
                line: pos.line,
                column: pos.column,
                end_line: end.line,
                end_column: end.column,
                help: messages::help(f, lang),
            }
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".to_string());
    s.push('\n');
    s
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

/// One `::error file=…,line=…,col=…,title=E005::message` line per finding.
pub(crate) fn github(src: &Source, findings: &[Finding], lang: Language) -> String {
    let mut out = String::new();
    for f in findings {
        let pos = src.position(f.span.start());
        let end = src.position(f.span.end().max(f.span.start()));
        let mut message = messages::text(f, lang);
        for h in messages::help(f, lang) {
            message.push('\n');
            message.push_str(help_label(lang));
            message.push(' ');
            message.push_str(&h);
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
        let _ = writeln!(
            out,
            "::{} {props},title={}::{}",
            severity_word(f.severity()),
            escape_property(f.code.as_str()),
            escape_data(&message)
        );
    }
    out
}

#[cfg(test)]
mod tests;
