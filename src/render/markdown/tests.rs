use super::*;

#[test]
fn pipes_are_escaped() {
    let head = |label: &str, align| Head {
        label: label.into(),
        align,
        importance: 1,
        shortens: false,
    };
    let t = table(
        &[head("a", Align::Left), head("b", Align::Right)],
        &[vec!["x|y".into(), "1".into()]],
    );
    assert_eq!(t, "| a | b |\n| --- | ---: |\n| x\\|y | 1 |\n");
}
