use super::*;

enum R {
    Line(&'static str, i32),
    Total(i32),
}

fn columns() -> Columns<'static, R> {
    Columns::new()
        .left(Text::Id, KEY, |r, _| match r {
            R::Line(id, _) => (*id).to_string(),
            R::Total(_) => i18n::text(Text::Total, Language::En).to_string(),
        })
        .right(Text::Amount, KEY, |r, _| match r {
            R::Line(_, n) | R::Total(n) => n.to_string(),
        })
        .quarters(
            DETAIL,
            |r| match r {
                R::Line(_, n) => Some([*n, 0, 0, 0]),
                R::Total(_) => None,
            },
            |n, _| n.to_string(),
        )
}

#[test]
fn heads_cells_and_alignment_come_from_one_list() {
    let mut t = Table::new(columns(), Language::Pl);
    t.row(&R::Line("a", 5));
    t.strong(&R::Total(5));
    let s = t.section("S".into(), Vec::new());
    let labels: Vec<&str> = s.heads.iter().map(|h| h.label.as_str()).collect();
    assert_eq!(
        labels,
        ["ID", "Kwota", "I kw.", "II kw.", "III kw.", "IV kw."]
    );
    assert_eq!(s.heads[0].align, Align::Left);
    assert!(s.heads[1..].iter().all(|h| h.align == Align::Right));
    assert_eq!(
        s.rows,
        [
            Row::Cells(
                ["a", "5", "5", "0", "0", "0"].map(String::from).to_vec(),
                false
            ),
            Row::Cells(
                ["Total", "5", "", "", "", ""].map(String::from).to_vec(),
                true
            ),
        ]
    );
}

#[test]
fn csv_keys_and_cells_come_from_one_list() {
    let c = CsvColumns::new()
        .col("id", |r: &R| match r {
            R::Line(id, _) => Cell::text(*id),
            R::Total(_) => Cell::Empty,
        })
        .col("n", |r| match r {
            R::Line(_, n) | R::Total(n) => Cell::Int(i128::from(*n)),
        });
    let out = c.write([R::Line("-a", 1), R::Total(2)], None).unwrap();
    assert_eq!(out, b"id,n\r\n'-a,1\r\n,2\r\n");
}
