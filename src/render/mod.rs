//! Turning report models into bytes. Each report has one `render` that
//! matches on [`Format`] once; the helpers here know one output form each and
//! nothing about reports.

pub mod budget;
mod columns;
pub mod csv;
pub mod diagnostics;
pub mod diff;
pub mod html;
pub mod inventory;
pub mod kpi;
pub mod markdown;
pub mod messages;
pub mod plan;
pub mod pretty;
pub mod sections;
pub mod svg;
pub mod table;

use crate::roadmap::Language;

/// The output formats of the reports (SPEC section 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Csv,
    Json,
    Markdown,
}

/// How to render, resolved by the CLI: `color` is already false when stdout
/// is not a terminal or `NO_COLOR` is set; `excel` matters for CSV only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RenderOptions {
    pub format: Format,
    pub lang: Language,
    pub color: bool,
    pub excel: bool,
}

/// A rendered report: its bytes in one or more parts, to be written one
/// after the other (a large JSON report is written on two threads, and its
/// halves are not copied together).
#[derive(Debug, Default)]
pub struct Rendered(pub Vec<Vec<u8>>);

impl From<Vec<u8>> for Rendered {
    fn from(bytes: Vec<u8>) -> Self {
        Rendered(vec![bytes])
    }
}

impl Rendered {
    pub fn parts(&self) -> impl Iterator<Item = &[u8]> {
        self.0.iter().map(Vec::as_slice)
    }

    pub fn into_bytes(self) -> Vec<u8> {
        match <[Vec<u8>; 1]>::try_from(self.0) {
            Ok([one]) => one,
            Err(parts) => parts.concat(),
        }
    }
}

/// A report model as pretty JSON with a final newline: the `json` format of
/// every report.
pub fn json<T: serde::Serialize>(model: &T) -> anyhow::Result<Vec<u8>> {
    json_sized(model, 0)
}

/// As [`json`], into a buffer reserved for `lines` report lines of up to a
/// kilobyte each: a report of many megabytes then does not grow by copying
/// (reserved memory that stays unwritten costs nothing).
pub fn json_sized<T: serde::Serialize>(model: &T, lines: usize) -> anyhow::Result<Vec<u8>> {
    let mut out = json_buffer(lines);
    serde_json::to_writer_pretty(&mut out, model)
        .map_err(|e| anyhow::anyhow!("could not write the JSON: {e}"))?;
    out.push(b'\n');
    Ok(out)
}

/// An output buffer with room for `lines` report lines of up to a kilobyte.
pub fn json_buffer(lines: usize) -> Vec<u8> {
    Vec::with_capacity(lines.saturating_mul(1024).saturating_add(16 * 1024))
}
