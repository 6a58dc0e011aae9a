//! The words of the rules' findings.

use crate::diag::RuleMessage;
use crate::roadmap::Language;

pub(super) fn text(m: &RuleMessage, _lang: Language) -> String {
    match *m {}
}

pub(super) fn help(m: &RuleMessage, _lang: Language) -> Vec<String> {
    match *m {}
}
