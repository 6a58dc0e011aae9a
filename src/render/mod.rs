//! Turning report models into bytes. Each report has one `render` that
//! matches on [`Format`] once; the helpers here know one output form each and
//! nothing about reports.

pub mod budget;
pub mod calendar;
pub(crate) mod columns;
pub(crate) mod csv;
pub mod diagnostics;
pub(crate) mod diff;
pub mod goals;
pub mod html;
pub(crate) mod inert;
pub mod inventory;
pub mod kpi;
pub(crate) mod markdown;
pub(crate) mod messages;
pub mod plan;
pub mod rollover;
pub mod scenarios;
pub(crate) mod sections;
pub mod status;
pub mod strategy;
pub(crate) mod svg;
pub(crate) mod table;
pub(crate) mod xlsx;

use crate::roadmap::Language;
use std::io::Write as _;

/// The output formats of the reports (SPEC section 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Csv,
    Json,
    Markdown,
    /// An Excel workbook (binary; written to a file only).
    Xlsx,
}

/// How to render, resolved by the CLI: `color` is already false when stdout
/// is not a terminal or `NO_COLOR` is set; `excel` matters for CSV only;
/// `width` is the most a text table may take (the terminal's width, else
/// `COLUMNS`; `None`: no limit, as piped output and `--wide` have).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RenderOptions {
    pub format: Format,
    pub lang: Language,
    pub color: bool,
    pub excel: bool,
    pub width: Option<usize>,
}

/// A report model as pretty JSON with a final newline, written straight
/// into `out`: the `json` format of every report. A large report is never
/// held in memory a second time as text.
pub fn json_to<T: serde::Serialize>(model: &T, out: &mut dyn std::io::Write) -> anyhow::Result<()> {
    // serde_json writes many small pieces: a buffer of its own keeps them
    // off the dynamic writer. An I/O error stays an I/O error (a closed
    // pipe is not a failure).
    let mut buffered = std::io::BufWriter::with_capacity(64 * 1024, &mut *out);
    serde_json::to_writer_pretty(&mut buffered, model).map_err(|e| {
        if e.is_io() {
            anyhow::Error::new(std::io::Error::from(e))
        } else {
            anyhow::anyhow!("could not write the JSON: {e}")
        }
    })?;
    buffered.write_all(b"\n")?;
    buffered.flush()?;
    Ok(())
}

/// A report model as pretty JSON with a final newline.
pub fn json<T: serde::Serialize>(model: &T) -> anyhow::Result<Vec<u8>> {
    to_vec(|out| json_to(model, out))
}

/// What a `write` function writes, as bytes (for tests and callers that
/// want the whole text).
pub fn to_vec(
    write: impl FnOnce(&mut dyn std::io::Write) -> anyhow::Result<()>,
) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    write(&mut out)?;
    Ok(out)
}
