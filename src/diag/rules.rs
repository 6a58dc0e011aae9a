//! The kinds of finding the rules across the roadmap make (`check`) and the
//! budget's own (an overflow), with their data. Their words are in
//! `render::messages::rules`.

/// A finding of a rule.
#[derive(Clone, Debug, PartialEq)]
pub enum RuleMessage {}
