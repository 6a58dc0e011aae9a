use super::*;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn scale_maps_linearly_and_inverts_ranges() {
    let s = Scale::new((0.0, 100.0), (10.0, 210.0));
    assert!(close(s.map(0.0), 10.0));
    assert!(close(s.map(50.0), 110.0));
    assert!(close(s.map(-10.0), -10.0));
    // An SVG y axis grows downwards: the range runs from bottom to top.
    let y = Scale::new((0.0, 10.0), (200.0, 0.0));
    assert!(close(y.map(10.0), 0.0));
    assert!(close(y.map(2.5), 150.0));
    // A domain of no width: the middle, never NaN.
    let flat = Scale::new((5.0, 5.0), (0.0, 100.0));
    assert!(close(flat.map(5.0), 50.0));
    assert!(close(flat.map(f64::NAN), 50.0));
}

#[test]
fn nice_ticks_cover_the_range_in_round_steps() {
    let t = nice_ticks(0.0, 173_240.0, 4);
    assert_eq!(t.step, 50_000.0);
    assert_eq!(t.values, [0.0, 50_000.0, 100_000.0, 150_000.0, 200_000.0]);
    let t = nice_ticks(8.0, 9.5, 3);
    assert_eq!(t.step, 0.5);
    assert_eq!((t.lo, t.hi), (8.0, 9.5));
    assert_eq!(t.decimals(), 1);
    let t = nice_ticks(-3.0, 7.0, 5);
    assert!(t.values.contains(&0.0));
    assert!(t.lo <= -3.0 && t.hi >= 7.0);
    // Degenerate ranges get a scale.
    let t = nice_ticks(0.0, 0.0, 4);
    assert!(t.lo < 0.0 && t.hi > 0.0);
    let t = nice_ticks(10.0, 10.0, 4);
    assert!(t.lo < 10.0 && t.hi > 10.0);
    let t = nice_ticks(f64::NAN, 1.0, 4);
    assert!(t.values.len() >= 2);
}

#[test]
fn bars_start_at_zero_and_negatives_go_the_other_way() {
    assert_eq!(bar_domain(&[]), (0.0, 1.0));
    assert_eq!(bar_domain(&[0.0, 0.0]), (0.0, 1.0));
    assert_eq!(bar_domain(&[5.0, 3.0]), (0.0, 5.0));
    assert_eq!(bar_domain(&[-2.0, 3.0]), (-2.0, 3.0));
    let t = nice_ticks(-20.0, 100.0, 4);
    assert_eq!((t.lo, t.hi), (-50.0, 100.0));
    let x = Scale::new(bar_domain(&[-20.0, 100.0]), (0.0, 120.0));
    let zero = x.map(0.0);
    assert!(close(zero, 20.0));
    let (start, len) = bar_extent(&x, 100.0);
    assert!(close(start, zero) && close(len, 100.0));
    let (start, len) = bar_extent(&x, -20.0);
    assert!(close(start, 0.0) && close(len, 20.0));
    assert_eq!(bar_extent(&x, 0.0), (zero, 0.0));
    // All zero: bars of no length on a 0–1 axis, not a division by zero.
    let (lo, hi) = bar_domain(&[0.0; 4]);
    let t = nice_ticks(lo, hi, 4);
    assert_eq!((t.lo, t.hi), (0.0, 1.0));
    let x = Scale::new((t.lo, t.hi), (0.0, 100.0));
    assert_eq!(bar_extent(&x, 0.0), (0.0, 0.0));
}

#[test]
fn kpi_time_axis_with_one_or_no_measurement() {
    assert_eq!(time_domain(&[]), None);
    assert_eq!(time_domain(&[100]), Some((70.0, 130.0)));
    assert_eq!(time_domain(&[130, 100, 190]), Some((100.0, 190.0)));
    // The single measurement lands in the middle of the plot.
    let x = Scale::new(time_domain(&[100]).unwrap(), (0.0, 200.0));
    assert!(close(x.map(100.0), 100.0));
}

#[test]
fn progress_fill_clamps_negative_and_overshoot() {
    assert_eq!(progress_fill(None), 0.0);
    assert_eq!(progress_fill(Some(-20.0)), 0.0);
    assert_eq!(progress_fill(Some(38.5)), 0.385);
    assert_eq!(progress_fill(Some(140.0)), 1.0);
    assert_eq!(progress_fill(Some(f64::NAN)), 0.0);
}

#[test]
fn charts_hold_one_shape_per_value() {
    let bar = |v: f64| Bar {
        label: "<Q&A>".into(),
        value: v,
        value_text: format!("{v}"),
        color: "#123".into(),
    };
    let svg = vbar_chart("q", &[bar(1.0), bar(-2.0), bar(0.0)], "PLN", false);
    assert_eq!(svg.matches(r#"class="bar""#).count(), 3);
    assert!(svg.contains("&lt;Q&amp;A&gt;") && !svg.contains("<Q&A>"));
    assert!(!svg.contains("NaN"));
    let svg = hbar_chart("c", &[bar(0.0)], "PLN", true);
    assert_eq!(svg.matches(r#"class="bar""#).count(), 1);
    assert!(!svg.contains("NaN"));
    let mark = |day, v: f64| Mark {
        day,
        value: v,
        value_text: format!("{v}"),
        date_text: "d".into(),
    };
    let refs = [
        RefLine {
            class: "baseline",
            value: 12.0,
            text: "b".into(),
        },
        RefLine {
            class: "target",
            value: 25.0,
            text: "t".into(),
        },
    ];
    let none = kpi_chart(&[], &refs, None, "pts", "no data", false);
    assert_eq!(none.matches(r#"class="mark""#).count(), 0);
    assert!(none.contains("no data") && !none.contains("NaN"));
    let one = kpi_chart(&[mark(10, 17.0)], &refs, None, "pts", "", false);
    assert_eq!(one.matches(r#"class="mark""#).count(), 1);
    assert!(!one.contains("polyline"));
    let two = kpi_chart(
        &[mark(10, 12.0), mark(200, -3.0)],
        &[],
        None,
        "pts",
        "",
        false,
    );
    assert_eq!(two.matches(r#"class="mark""#).count(), 2);
    assert!(two.contains("polyline") && !two.contains("NaN"));
    assert!(!two.contains("path-mark"));
    // The path's mark, with its words, inside the plot.
    let path = PathMark {
        day: 200,
        value: 40.0,
        text: "path 40.0".into(),
    };
    let with_path = kpi_chart(
        &[mark(10, 12.0), mark(200, 17.0)],
        &refs,
        Some(&path),
        "pts",
        "",
        false,
    );
    assert_eq!(with_path.matches(r#"class="path-mark""#).count(), 1);
    assert!(with_path.contains("<title>path 40.0</title>") && !with_path.contains("NaN"));
}

#[test]
fn axis_numbers_per_language() {
    assert_eq!(axis_number(150_000.0, 0, false), "150,000");
    assert_eq!(axis_number(150_000.0, 0, true), "150\u{a0}000");
    assert_eq!(axis_number(8.5, 1, true), "8,5");
    assert_eq!(axis_number(-1234.0, 0, false), "-1,234");
    assert_eq!(axis_number(-0.0, 1, false), "0.0");
    assert_eq!(px(-0.04), "0");
    assert_eq!(px(12.345), "12.3");
}

#[test]
fn wrap_keeps_every_word_and_the_width() {
    assert_eq!(wrap("", 10), vec![String::new()]);
    assert_eq!(wrap("one two three", 7), vec!["one two", "three"]);
    assert_eq!(
        wrap("a supercalifragilistic word", 8),
        vec!["a", "supercalifragilistic", "word"]
    );
    let title = "2 · CX operating model: roles, forums and decision rights";
    let lines = wrap(title, 34);
    assert!(lines.iter().all(|l| l.chars().count() <= 34));
    assert_eq!(lines.join(" "), title);
}
