//! A people-facing report as a title, a few lines, then titled tables with
//! notes under them, laid out as aligned text or as Markdown. A table may
//! carry a rule: a full-width line between two rows that says something
//! about them (the plan's cut line). Sections are made by
//! `columns::Table`: every row has a cell for every column.

use super::columns::Head;
use super::markdown;
use super::table::{new_table, row};

/// One row of a section's table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Row {
    /// Cells; `true` marks a subtotal (bold with colour, in Markdown).
    Cells(Vec<String>, bool),
    /// A line across the table with this text.
    Rule(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Section {
    pub title: String,
    /// The columns; none for a section of notes only.
    pub heads: Vec<Head>,
    pub rows: Vec<Row>,
    /// Sentences printed under the table.
    pub notes: Vec<String>,
}

/// The whole document: a title, lines under it, the sections.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Doc {
    pub title: String,
    pub lines: Vec<String>,
    pub sections: Vec<Section>,
}

/// One line per cell: a line break in a title would break the table.
fn flat(s: &str) -> String {
    s.replace("\r\n", " ").replace(['\n', '\r'], " ")
}

impl Section {
    /// A section of notes only, without a table.
    pub(crate) fn notes(title: String, notes: Vec<String>) -> Section {
        Section {
            title,
            heads: Vec::new(),
            rows: Vec::new(),
            notes,
        }
    }
}

/// The document as aligned text tables.
pub(crate) fn table(doc: &Doc, color: bool) -> String {
    let mut out = format!("{}\n", doc.title);
    for l in &doc.lines {
        out.push_str(l);
        out.push('\n');
    }
    for s in &doc.sections {
        out.push('\n');
        out.push_str(&s.title);
        out.push('\n');
        if !s.heads.is_empty() {
            out.push_str(&section_table(s, color));
            out.push('\n');
        }
        for n in &s.notes {
            out.push_str(n);
            out.push('\n');
        }
    }
    out
}

/// A section's table as aligned text, without a final line break.
fn section_table(s: &Section, color: bool) -> String {
    let heads: Vec<Head> = s
        .heads
        .iter()
        .map(|h| Head {
            label: flat(&h.label),
            ..h.clone()
        })
        .collect();
    let mut t = new_table(&heads, color);
    // Rules go in after the table is laid out: (rows before it, text).
    let mut rules: Vec<(usize, &str)> = Vec::new();
    let mut n = 0;
    for r in &s.rows {
        match r {
            Row::Cells(cells, strong) => {
                t.add_row(row(cells.iter().map(|c| flat(c)), color, *strong));
                n += 1;
            }
            Row::Rule(text) => rules.push((n, text)),
        }
    }
    let text = t.to_string();
    let lines: Vec<&str> = text.lines().collect();
    let inner = lines
        .first()
        .map_or(0, |l| l.chars().count().saturating_sub(2));
    let rule = |text: &str| {
        let body = format!("─{}", flat(text));
        let fill = inner.saturating_sub(body.chars().count());
        format!("├{body}{}┤", "─".repeat(fill))
    };
    // Top border, header, header separator, then one line per row.
    const BEFORE_ROWS: usize = 3;
    let mut out = Vec::with_capacity(lines.len() + rules.len());
    let last = lines.len().saturating_sub(1);
    for (i, l) in lines.iter().enumerate() {
        if i >= BEFORE_ROWS {
            let data_row = i - BEFORE_ROWS;
            // Rules before this row, or before the bottom border.
            for (at, text) in &rules {
                if *at == data_row || (i == last && *at >= data_row) {
                    out.push(rule(text));
                }
            }
        }
        out.push((*l).to_string());
    }
    out.join("\n")
}

/// The document as GitHub-flavoured Markdown.
pub(crate) fn markdown(doc: &Doc) -> String {
    let mut out = format!("# {}\n\n", markdown::escape(&doc.title));
    for l in &doc.lines {
        out.push_str(&format!("- {}\n", markdown::escape(l)));
    }
    for s in &doc.sections {
        out.push_str(&format!("\n## {}\n\n", markdown::escape(&s.title)));
        if !s.heads.is_empty() {
            out.push_str(&section_markdown(s));
        }
        if !s.notes.is_empty() {
            // Under a table, a blank line; a section of notes only has one
            // after its title already.
            if !s.heads.is_empty() {
                out.push('\n');
            }
            for n in &s.notes {
                out.push_str(&format!("{}\n", markdown::escape(n)));
            }
        }
    }
    out
}

/// A section's table as Markdown: subtotals in bold, a rule as a bold first
/// cell across an otherwise empty row.
fn section_markdown(s: &Section) -> String {
    let bold = |c: String| {
        if c.is_empty() { c } else { format!("**{c}**") }
    };
    let rows: Vec<Vec<String>> = s
        .rows
        .iter()
        .map(|r| match r {
            Row::Cells(cells, strong) => cells
                .iter()
                .map(|c| if *strong { bold(flat(c)) } else { flat(c) })
                .collect(),
            Row::Rule(text) => {
                // Markdown has no cell across columns: the text in the first.
                let rest = s.heads.iter().skip(1).map(|_| String::new());
                std::iter::once(format!("**{}**", flat(text)))
                    .chain(rest)
                    .collect()
            }
        })
        .collect();
    markdown::table(&s.heads, &rows)
}

#[cfg(test)]
mod tests;
