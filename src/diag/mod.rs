//! Findings: what the checks say about a roadmap. They are values, never
//! printed here; `render::diagnostics` turns them into text, JSON or GitHub
//! annotations.

mod load;
mod rules;

pub(crate) use load::{Expected, Found, LoadMessage, Names, Whose};
pub(crate) use rules::{Bound, Entry, Known, RuleMessage};

use crate::source::Span;
use serde::Serialize;

/// Text a finding holds: an id, a value as written, a name. A shared
/// `str` takes 16 bytes where a `String` takes 24, and the findings about
/// one table (its missing keys) share their copy of its id: a large file
/// has millions of findings, all held to be sorted.
pub(crate) type Text = std::sync::Arc<str>;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// Declares every finding code once: the enum, [`Code::ALL`], the code's
/// text and its severity all come from this one list.
macro_rules! codes {
    ($($code:ident: $severity:ident,)*) => {
        /// Every rule of SPEC section 5 by its code.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($code,)*
        }

        impl Code {
            /// Every code, errors first, in order.
            pub const ALL: &'static [Code] = &[$(Code::$code,)*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$code => stringify!($code),)*
                }
            }

            pub fn severity(self) -> Severity {
                match self {
                    $(Code::$code => Severity::$severity,)*
                }
            }
        }
    };
}

codes! {
    E001: Error,
    E002: Error,
    E003: Error,
    E004: Error,
    E005: Error,
    E006: Error,
    E007: Error,
    E008: Error,
    E009: Error,
    E010: Error,
    E011: Error,
    E012: Error,
    E013: Error,
    E014: Error,
    W001: Warning,
    W002: Warning,
    W003: Warning,
    W004: Warning,
    W005: Warning,
    W006: Warning,
    W007: Warning,
    W008: Warning,
    W009: Warning,
    W010: Warning,
    W011: Warning,
    W012: Warning,
    W013: Warning,
    W014: Warning,
    W015: Warning,
    W016: Warning,
    W017: Warning,
    W018: Warning,
    W019: Warning,
}

/// What each code is about, in one line (SPEC section 5), for the manual.
impl Code {
    pub fn summary(self) -> &'static str {
        match self {
            Code::E001 => "TOML syntax error.",
            Code::E002 => "Unknown key.",
            Code::E003 => "Wrong type, or a value not in its set.",
            Code::E004 => "Duplicate id.",
            Code::E005 => "Reference to an unknown id.",
            Code::E006 => "Invalid money or quote.",
            Code::E007 => {
                "Dates: end before start, or a planned or in-progress initiative without dates."
            }
            Code::E008 => "Coverage: a competency has no cxm initiative in the plan.",
            Code::E009 => "Maturity gap: target above current with no planned cxm initiative.",
            Code::E010 => "The CXM total of the plan exceeds budget_cap.",
            Code::E011 => "Area cx without department.",
            Code::E012 => "A required key is missing.",
            Code::E013 => "depends_on forms a cycle.",
            Code::E014 => "A KPI target not beyond its baseline, or a checkpoint out of line.",
            Code::W001 => "No owner on a cxm initiative.",
            Code::W002 => "No kpi (success measure).",
            Code::W003 => "No effort_days on a plan initiative.",
            Code::W004 => "A budgeted cxm initiative with neither cost nor quotes.",
            Code::W005 => "Only one vendor quote.",
            Code::W006 => "A quote more than 12 months old on unfinished work.",
            Code::W007 => "Markup outside 10 to 15 percent.",
            Code::W008 => "Time eater: a cx initiative owned by a team member.",
            Code::W009 => "A team member's plan effort exceeds their capacity, or the team's does.",
            Code::W010 => "Status contradicts dates, or a check-in predates the start.",
            Code::W011 => "An initiative starts before one it depends on ends.",
            Code::W012 => "A planned plan-year initiative without priority.",
            Code::W013 => "More than 3 goals in focus for the plan year.",
            Code::W014 => "A focus goal of the plan year with no initiative above the cut line.",
            Code::W015 => "A plan-year cxm initiative that serves no goal.",
            Code::W016 => "A KPI measurement, spend entry or check-in dated after as_of.",
            Code::W017 => "Spending beyond the budget, or a done initiative without actual.",
            Code::W018 => "A plan problem (E008, E009, W014) that appears only in a scenario.",
            Code::W019 => {
                "A KPI's money value without its note, or an expected change of a KPI without one."
            }
        }
    }
}

impl Code {
    pub(crate) fn parse(s: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == s)
    }

    /// The codes `[check] allow` takes, as "W001–W011" for messages.
    pub(crate) fn warning_range() -> String {
        let mut warnings = Code::ALL
            .iter()
            .filter(|c| c.severity() == Severity::Warning);
        let first = warnings.next().map_or("", |c| c.as_str());
        let last = warnings.next_back().map_or(first, |c| c.as_str());
        format!("{first}–{last}")
    }

    /// Plan errors leave the reports printing (SPEC section 5): they are what
    /// the plan report exists to show.
    pub(crate) fn is_plan_error(self) -> bool {
        matches!(self, Code::E008 | Code::E009 | Code::E010)
    }
}

/// One finding: the rule's code, where it is, and what it says as data.
/// Its words are made when it is rendered (`render::messages`), in the
/// language asked for.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub code: Code,
    pub span: Span,
    pub message: Message,
}

impl Finding {
    pub(crate) fn new(code: Code, span: Span, message: impl Into<Message>) -> Finding {
        Finding {
            code,
            span,
            message: message.into(),
        }
    }

    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    /// A data error: any error but the plan errors E008–E010.
    pub fn is_data_error(&self) -> bool {
        self.severity() == Severity::Error && !self.code.is_plan_error()
    }
}

/// What a finding says, as data: the kind of message and its values (ids,
/// amounts, dates, suggestions). Each layer that makes findings declares its
/// own kinds; `render::messages` has their words.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    /// Findings of reading and loading the file (`roadmap::input`,
    /// `roadmap::load`, the TOML reader's syntax errors).
    Load(LoadMessage),
    /// Findings of the rules that look across the roadmap (`check`), and of
    /// computing its budget.
    Rule(RuleMessage),
}

impl From<LoadMessage> for Message {
    fn from(m: LoadMessage) -> Message {
        Message::Load(m)
    }
}

impl From<RuleMessage> for Message {
    fn from(m: RuleMessage) -> Message {
        Message::Rule(m)
    }
}

/// "did you mean" for a word among known ones: the closest by
/// Damerau–Levenshtein distance, when it is close enough to be a typo.
pub(crate) fn suggest<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
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
pub(crate) struct Quoted<'a>(pub &'a str);

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

#[cfg(test)]
mod tests;
