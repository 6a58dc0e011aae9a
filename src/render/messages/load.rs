//! The words of the loader's findings.

use crate::diag::LoadMessage;
use crate::roadmap::Language;

pub(super) fn text(m: &LoadMessage, _lang: Language) -> String {
    match *m {}
}

pub(super) fn help(m: &LoadMessage, _lang: Language) -> Vec<String> {
    match *m {}
}
