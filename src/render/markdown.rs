//! GitHub-flavoured Markdown tables.

use super::columns::{Align, Head};

/// A cell's text made safe for a table: `|` escaped, line breaks as `<br>`.
pub(crate) fn escape(s: &str) -> String {
    s.replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace(['\n', '\r'], "<br>")
}

/// A table with these columns; each row has a cell for every column.
pub(crate) fn table(heads: &[Head], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    let line = |cells: &mut dyn Iterator<Item = String>| {
        let mut l = String::from("|");
        for c in cells {
            l.push(' ');
            l.push_str(&c);
            l.push_str(" |");
        }
        l.push('\n');
        l
    };
    out.push_str(&line(&mut heads.iter().map(|h| escape(&h.label))));
    out.push_str(&line(&mut heads.iter().map(|h| match h.align {
        Align::Right => "---:".to_string(),
        Align::Left => "---".to_string(),
    })));
    for r in rows {
        out.push_str(&line(&mut r.iter().map(|c| escape(c))));
    }
    out
}

#[cfg(test)]
mod tests;
