//! cxm: the CXM roadmap in plain text. Load → check → compute → render.

pub mod app;
pub mod budget;
pub mod check;
pub mod cli;
pub mod dashboard;
pub mod diag;
pub mod diff;
pub mod i18n;
pub mod init;
pub mod inventory;
pub mod kpi;
pub mod money;
pub mod money_json;
pub mod pipeline;
pub mod plan;
pub mod render;
pub mod roadmap;
pub mod source;
