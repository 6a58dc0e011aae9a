//! GitHub-flavoured Markdown tables.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A cell's text made safe for a table: `|` escaped, line breaks as `<br>`.
pub fn escape(s: &str) -> String {
    s.replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace(['\n', '\r'], "<br>")
}

/// A table; `align` gives each column's alignment (missing ones are left).
pub fn table(header: &[String], align: &[Align], rows: &[Vec<String>]) -> String {
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
    out.push_str(&line(&mut header.iter().map(|h| escape(h))));
    out.push_str(&line(&mut (0..header.len()).map(|i| match align.get(i) {
        Some(Align::Right) => "---:".to_string(),
        _ => "---".to_string(),
    })));
    for r in rows {
        out.push_str(&line(&mut r.iter().map(|c| escape(c))));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipes_are_escaped() {
        let t = table(
            &["a".into(), "b".into()],
            &[Align::Left, Align::Right],
            &[vec!["x|y".into(), "1".into()]],
        );
        assert_eq!(t, "| a | b |\n| --- | ---: |\n| x\\|y | 1 |\n");
    }
}
