//! The words of every finding: its message and its help lines, made from the
//! finding's data when it is rendered, in the language asked for. The kinds
//! and their data live low, in `diag`; the words live here, with the other
//! renderers.

pub(crate) mod app;
mod load;
pub(crate) mod output;
mod rules;
mod rules_pl;
mod toml_pl;

use crate::diag::{Finding, Message};
use crate::roadmap::Language;

/// The finding's message, one line.
pub(crate) fn text(f: &Finding, lang: Language) -> String {
    match &f.message {
        Message::Load(m) => load::text(m, lang),
        Message::Rule(m) => rules::text(m, lang),
    }
}

/// The finding's help lines, shown as `= help: …`.
pub(crate) fn help(f: &Finding, lang: Language) -> Vec<String> {
    match &f.message {
        Message::Load(m) => load::help(m, lang),
        Message::Rule(m) => rules::help(m, lang),
    }
}

#[cfg(test)]
mod tests;
