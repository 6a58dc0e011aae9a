//! The roadmap file format: typed model ([`model`]), reading bytes
//! ([`input`]) and loading the TOML tree into the model with spans ([`load`]).

pub mod input;
pub mod load;
pub mod model;
pub mod schema;
pub mod tree;

pub use model::*;
