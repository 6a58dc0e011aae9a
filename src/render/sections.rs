//! A people-facing report as a title, a few lines, then titled tables with
//! notes under them, laid out as aligned text or as Markdown. A table may
//! carry a rule: a full-width line between two rows that says something
//! about them (the plan's cut line). Sections are made by
//! `columns::Table`: every row has a cell for every column.

use super::RenderOptions;
use super::columns::Head;
use super::markdown;
use super::table::{self, inert, new_table, row, shorten, width};
use crate::i18n;

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

/// The document as aligned text tables, fitting `opts.width` when there is
/// one: each table as [`table::fit`] decides, with a line under it naming
/// the columns it left out; the title, lines and notes wrapped at spaces.
/// Every text is made [`inert`] first: much of it comes from the file.
pub(crate) fn table(doc: &Doc, opts: &RenderOptions) -> String {
    let prose = |out: &mut String, text: &str| {
        for l in wrap(&inert(&flat(text)), opts.width) {
            out.push_str(&l);
            out.push('\n');
        }
    };
    let mut out = String::new();
    prose(&mut out, &doc.title);
    for l in &doc.lines {
        prose(&mut out, l);
    }
    for s in &doc.sections {
        out.push('\n');
        prose(&mut out, &s.title);
        if !s.heads.is_empty() {
            let (text, left_out) = section_table(s, opts);
            out.push_str(&text);
            out.push('\n');
            if !left_out.is_empty() {
                prose(&mut out, &i18n::left_out(&left_out, opts.lang));
            }
        }
        for n in &s.notes {
            prose(&mut out, n);
        }
    }
    out
}

/// A text in lines of at most `max` columns, broken at spaces, a word
/// wider than that in pieces; `None`: one line, as it is.
fn wrap(text: &str, max: Option<usize>) -> Vec<String> {
    let Some(max) = max.filter(|m| *m > 0 && width(text) > *m) else {
        return vec![text.to_string()];
    };
    let mut lines = Vec::new();
    let mut line = String::new();
    // The width of `line`, kept as it grows: a long text is read once.
    let mut used = 0;
    for word in text.split(' ') {
        if !line.is_empty() && used + 1 + width(word) > max {
            lines.push(std::mem::take(&mut line));
            used = 0;
        } else if !line.is_empty() {
            line.push(' ');
            used += 1;
        }
        for c in word.chars() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if !line.is_empty() && used + w > max {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(c);
            used += w;
        }
    }
    lines.push(line);
    lines
}

/// A section's table as aligned text, without a final line break, and the
/// labels of the columns it left out to fit `opts.width`.
fn section_table(s: &Section, opts: &RenderOptions) -> (String, Vec<String>) {
    let color = opts.color;
    let heads: Vec<Head> = s
        .heads
        .iter()
        .map(|h| Head {
            label: flat(&h.label),
            ..h.clone()
        })
        .collect();
    let cells: Vec<Vec<String>> = s
        .rows
        .iter()
        .filter_map(|r| match r {
            Row::Cells(cells, _) => Some(cells.iter().map(|c| inert(&flat(c))).collect()),
            Row::Rule(_) => None,
        })
        .collect();
    let strong: Vec<bool> = s
        .rows
        .iter()
        .filter_map(|r| match r {
            Row::Cells(_, strong) => Some(*strong),
            Row::Rule(_) => None,
        })
        .collect();
    let refs: Vec<&[String]> = cells.iter().map(Vec::as_slice).collect();
    let fit = table::fit(&heads, &refs, &strong, opts.width);
    let kept: Vec<Head> = fit.kept.iter().map(|&i| heads[i].clone()).collect();
    let mut t = new_table(&kept, color);
    // Rules go in after the table is laid out: (rows before it, text).
    let mut rules: Vec<(usize, &str)> = Vec::new();
    let mut n = 0;
    for r in &s.rows {
        match r {
            Row::Cells(_, strong) => {
                let line = cells.get(n).map_or(&[][..], Vec::as_slice);
                let shown = fit
                    .kept
                    .iter()
                    .zip(&fit.widths)
                    .map(|(&i, &w)| line.get(i).map_or_else(String::new, |c| shorten(c, w)));
                t.add_row(row(shown, color, *strong));
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
        let text = inert(&flat(text));
        // With a width to keep to, a rule too long for the table goes on in
        // lines of its own inside the table's sides.
        let parts = match opts.width {
            Some(_) => wrap(&text, Some(inner.saturating_sub(1))),
            None => vec![text],
        };
        let mut drawn = Vec::new();
        for (k, part) in parts.iter().enumerate() {
            let fill = inner.saturating_sub(1 + width(part));
            drawn.push(if k == 0 {
                format!("├─{part}{}┤", "─".repeat(fill))
            } else {
                format!("│ {part}{}│", " ".repeat(fill))
            });
        }
        drawn
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
                    out.extend(rule(text));
                }
            }
        }
        out.push((*l).to_string());
    }
    let left_out = fit
        .left_out
        .iter()
        .map(|&i| heads[i].label.clone())
        .collect();
    (out.join("\n"), left_out)
}

/// The document as GitHub-flavoured Markdown.
pub(crate) fn markdown(doc: &Doc) -> String {
    let mut out = format!("# {}\n\n", markdown::escape_heading(&doc.title));
    for l in &doc.lines {
        out.push_str(&format!("- {}\n", markdown::escape_line(l)));
    }
    for s in &doc.sections {
        out.push_str(&format!("\n## {}\n\n", markdown::escape_heading(&s.title)));
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
                out.push_str(&format!("{}\n", markdown::escape_line(n)));
            }
        }
    }
    out
}

/// A section's table as Markdown: subtotals in bold, a rule as a bold first
/// cell across an otherwise empty row.
fn section_markdown(s: &Section) -> String {
    let rows: Vec<(Vec<String>, bool)> = s
        .rows
        .iter()
        .map(|r| match r {
            Row::Cells(cells, strong) => (cells.iter().map(|c| flat(c)).collect(), *strong),
            Row::Rule(text) => {
                // Markdown has no cell across columns: the text in the first.
                let rest = s.heads.iter().skip(1).map(|_| String::new());
                (std::iter::once(flat(text)).chain(rest).collect(), true)
            }
        })
        .collect();
    let rows: Vec<(&[String], bool)> = rows.iter().map(|(c, b)| (&c[..], *b)).collect();
    markdown::table_with_strong(&s.heads, &rows)
}

#[cfg(test)]
mod tests;
