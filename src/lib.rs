//! cxm: the CXM roadmap in plain text. Load → check → compute → render.

pub mod app;
pub mod budget;
pub(crate) mod check;
pub mod cli;
pub mod dashboard;
pub mod diag;
pub(crate) mod diff;
pub(crate) mod effort;
pub mod goals;
pub(crate) mod i18n;
pub(crate) mod init;
pub mod inventory;
pub mod kpi;
pub(crate) mod man;
pub mod money;
pub(crate) mod money_json;
pub mod output;
pub mod pipeline;
pub mod plan;
pub mod render;
pub mod roadmap;
pub mod rollover;
pub mod scenario;
pub mod scenarios;
pub(crate) mod source;
pub mod status;
