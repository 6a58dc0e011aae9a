//! Findings: what the checks say about a roadmap. They are values, never
//! printed here; `render::diagnostics` turns them into text, JSON or GitHub
//! annotations.

use crate::source::Span;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// Every rule of SPEC section 5 by its code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    E001,
    E002,
    E003,
    E004,
    E005,
    E006,
    E007,
    E008,
    E009,
    E010,
    E011,
    E012,
    E013,
    W001,
    W002,
    W003,
    W004,
    W005,
    W006,
    W007,
    W008,
    W009,
    W010,
    W011,
}

impl Code {
    pub const ALL: [Code; 24] = [
        Code::E001,
        Code::E002,
        Code::E003,
        Code::E004,
        Code::E005,
        Code::E006,
        Code::E007,
        Code::E008,
        Code::E009,
        Code::E010,
        Code::E011,
        Code::E012,
        Code::E013,
        Code::W001,
        Code::W002,
        Code::W003,
        Code::W004,
        Code::W005,
        Code::W006,
        Code::W007,
        Code::W008,
        Code::W009,
        Code::W010,
        Code::W011,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Code::E001 => "E001",
            Code::E002 => "E002",
            Code::E003 => "E003",
            Code::E004 => "E004",
            Code::E005 => "E005",
            Code::E006 => "E006",
            Code::E007 => "E007",
            Code::E008 => "E008",
            Code::E009 => "E009",
            Code::E010 => "E010",
            Code::E011 => "E011",
            Code::E012 => "E012",
            Code::E013 => "E013",
            Code::W001 => "W001",
            Code::W002 => "W002",
            Code::W003 => "W003",
            Code::W004 => "W004",
            Code::W005 => "W005",
            Code::W006 => "W006",
            Code::W007 => "W007",
            Code::W008 => "W008",
            Code::W009 => "W009",
            Code::W010 => "W010",
            Code::W011 => "W011",
        }
    }

    pub fn parse(s: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|c| c.as_str() == s)
    }

    pub fn severity(self) -> Severity {
        if self.as_str().starts_with('E') {
            Severity::Error
        } else {
            Severity::Warning
        }
    }

    /// Plan errors leave the reports printing (SPEC section 5): they are what
    /// the plan report exists to show.
    pub fn is_plan_error(self) -> bool {
        matches!(self, Code::E008 | Code::E009 | Code::E010)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub code: Code,
    pub message: String,
    pub span: Span,
    /// Extra lines shown as `= help: …`.
    pub help: Vec<String>,
}

impl Finding {
    pub fn new(code: Code, span: Span, message: impl Into<String>) -> Finding {
        Finding {
            code,
            message: message.into(),
            span,
            help: Vec::new(),
        }
    }

    pub fn help(mut self, text: impl Into<String>) -> Finding {
        self.help.push(text.into());
        self
    }

    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    /// A data error: any error but the plan errors E008–E010.
    pub fn is_data_error(&self) -> bool {
        self.severity() == Severity::Error && !self.code.is_plan_error()
    }
}

/// The findings of one run, with counts for the summary line.
#[derive(Debug, Default, Clone)]
pub struct Findings {
    pub items: Vec<Finding>,
}

impl Findings {
    pub fn errors(&self) -> usize {
        self.items
            .iter()
            .filter(|f| f.severity() == Severity::Error)
            .count()
    }

    pub fn warnings(&self) -> usize {
        self.items
            .iter()
            .filter(|f| f.severity() == Severity::Warning)
            .count()
    }

    pub fn has_data_errors(&self) -> bool {
        self.items.iter().any(Finding::is_data_error)
    }
}

/// "did you mean" for a word among known ones: the closest by
/// Damerau–Levenshtein distance, when it is close enough to be a typo.
pub fn suggest<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for k in known {
        let d = strsim::damerau_levenshtein(&lower, &k.to_lowercase());
        let limit = (k.chars().count().max(word.chars().count()) / 3).max(1);
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, k));
        }
    }
    best.map(|(_, k)| k)
}

/// A word in double quotes as messages show it (`"ini-1"`), escaped like
/// Rust's `escape_debug` where it must be. Formatting is deferred to the
/// message that uses it: rules name every initiative, most never in a
/// finding. Plain ASCII is written as is, without the per-character
/// escaping machinery.
#[derive(Clone, Copy, Debug)]
pub struct Quoted<'a>(pub &'a str);

impl std::fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use std::fmt::Write as _;
        f.write_char('"')?;
        let plain = self
            .0
            .bytes()
            .all(|b| (b' '..=b'~').contains(&b) && !matches!(b, b'"' | b'\'' | b'\\'));
        if plain {
            f.write_str(self.0)?;
        } else {
            write!(f, "{}", self.0.escape_debug())?;
        }
        f.write_char('"')
    }
}

/// [`Quoted`] as a string.
pub fn quoted(s: &str) -> String {
    Quoted(s).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_escapes_as_escape_debug_does() {
        for s in [
            "ini-1",
            "",
            "a b",
            "żółw",
            "say \"hi\"",
            "it's",
            "a\\b",
            "tab\there",
            "\u{301}e",
            "line\n",
        ] {
            assert_eq!(quoted(s), format!("\"{}\"", s.escape_debug()), "{s:?}");
        }
    }

    #[test]
    fn suggestions() {
        assert_eq!(
            suggest("measurment", ["governance", "measurement", "design"]),
            Some("measurement")
        );
        assert_eq!(suggest("ownr", ["owner", "kpi"]), Some("owner"));
        assert_eq!(suggest("zzzzzz", ["owner", "kpi"]), None);
    }
}
