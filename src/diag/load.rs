//! The kinds of finding the loader makes (reading, TOML syntax, keys and
//! values one at a time), with their data. Their words are in
//! `render::messages::load`.

/// A finding of the loader.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadMessage {}
