//! The roadmap file format: every key declared once ([`fields`]), typed
//! model ([`model`]), reading bytes ([`input`]) and loading the TOML tree
//! into the model with spans ([`load`]).

pub mod fields;
pub(crate) mod input;
pub mod load;
pub mod model;
pub mod tree;

/// `cxm schema`'s name for [`fields`], which makes the JSON Schema.
pub use fields as schema;
pub use fields::{InitiativeKey, QuoteKey, SpendKey, UpdateKey};
pub use model::*;
