//! cxm: the CXM roadmap in plain text. Load → check → compute → render.

pub mod check;
pub mod diag;
pub mod money;
pub mod roadmap;
pub mod source;
