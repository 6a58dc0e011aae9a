//! Charts as inline SVG, drawn by the code and readable without JavaScript:
//! labelled axes, a value on every bar and mark, and stable classes on the
//! drawn elements (`bar`, `mark`, `gantt-bar`, `cut-line`, `baseline`,
//! `target`) so that tests can count them in a browser's DOM.
//!
//! The geometry is pure functions of numbers ([`Scale`], [`nice_ticks`],
//! [`bar_extent`], [`time_domain`], [`progress_fill`]) with unit tests; the
//! drawing functions only place text and shapes where they say. Coordinates
//! are `f64` (they are pixels, not money); every label is formatted from the
//! exact figure by the caller.
//!
//! Decisions: bar charts always include zero (a bar's length is its value);
//! KPI charts do not (an NPS moving from 68 to 75 would be a flat line on a
//! 0–75 axis) but always include the baseline and the target, so the reader
//! sees the distance still to go.

use std::fmt::Write as _;

/// Escapes text for HTML and SVG content and attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A linear map from a domain of values to a range of pixels. A domain of
/// zero width maps everything to the middle of the range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Scale {
    pub d0: f64,
    pub d1: f64,
    pub r0: f64,
    pub r1: f64,
}

impl Scale {
    pub(crate) fn new(domain: (f64, f64), range: (f64, f64)) -> Scale {
        Scale {
            d0: domain.0,
            d1: domain.1,
            r0: range.0,
            r1: range.1,
        }
    }

    pub(crate) fn map(&self, v: f64) -> f64 {
        let w = self.d1 - self.d0;
        if !w.is_finite() || w.abs() < f64::EPSILON || !v.is_finite() {
            return (self.r0 + self.r1) / 2.0;
        }
        self.r0 + (v - self.d0) / w * (self.r1 - self.r0)
    }
}

/// An axis: its domain, rounded out to whole steps, and the tick values.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Ticks {
    pub lo: f64,
    pub hi: f64,
    pub step: f64,
    pub values: Vec<f64>,
}

impl Ticks {
    /// Decimal places a tick label needs for this step.
    pub(crate) fn decimals(&self) -> usize {
        if self.step >= 1.0 || self.step <= 0.0 {
            0
        } else {
            (-self.step.log10().floor()) as usize
        }
    }
}

/// A "nice" axis over `[lo, hi]`: about `n` steps of 1, 2 or 5 × 10^k, the
/// ends rounded out to whole steps. An empty or degenerate range is widened
/// (by 10 % of the value, or to ±1 around zero) so that it has a scale.
pub(crate) fn nice_ticks(lo: f64, hi: f64, n: usize) -> Ticks {
    let (mut lo, mut hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
    if !lo.is_finite() || !hi.is_finite() {
        (lo, hi) = (0.0, 1.0);
    }
    if hi - lo < 1e-9 {
        let pad = if lo.abs() > 1e-9 { lo.abs() * 0.1 } else { 1.0 };
        lo -= pad;
        hi += pad;
    }
    let raw = (hi - lo) / n.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let norm = raw / mag;
    let step = mag
        * if norm <= 1.0 {
            1.0
        } else if norm <= 2.0 {
            2.0
        } else if norm <= 5.0 {
            5.0
        } else {
            10.0
        };
    let start = (lo / step).floor() * step;
    let end = (hi / step).ceil() * step;
    let count = ((end - start) / step).round().clamp(1.0, 100.0) as usize;
    let values = (0..=count)
        .map(|i| {
            let v = start + i as f64 * step;
            // Clean binary noise (0.30000000000000004) and -0.
            let v = (v / step).round() * step;
            if v == 0.0 { 0.0 } else { v }
        })
        .collect();
    Ticks {
        lo: start,
        hi: start + count as f64 * step,
        step,
        values,
    }
}

/// The domain of a bar chart: the values and zero; 0–1 when every value
/// is zero (or there is none), so that empty bars stand on a plain axis.
pub(crate) fn bar_domain(values: &[f64]) -> (f64, f64) {
    let (lo, hi) = values
        .iter()
        .filter(|v| v.is_finite())
        .fold((0.0, 0.0), |(lo, hi), &v| {
            (f64::min(lo, v), f64::max(hi, v))
        });
    if lo == hi { (0.0, 1.0) } else { (lo, hi) }
}

/// Where a bar of value `v` lies along the value axis: from the zero line
/// to `v`, as (smaller coordinate, length). A negative value lies on the
/// other side of zero; zero is a bar of no length.
pub(crate) fn bar_extent(scale: &Scale, v: f64) -> (f64, f64) {
    let z = scale.map(0.0);
    let e = scale.map(v);
    (z.min(e), (e - z).abs())
}

/// The time axis of a KPI chart, in days: the first to the last measurement;
/// a single measurement sits in the middle of 60 days; none gives none.
pub(crate) fn time_domain(days: &[i64]) -> Option<(f64, f64)> {
    let lo = *days.iter().min()?;
    let hi = *days.iter().max()?;
    if lo == hi {
        Some((lo as f64 - 30.0, hi as f64 + 30.0))
    } else {
        Some((lo as f64, hi as f64))
    }
}

/// The filled fraction of a progress bar: progress in percent clamped to
/// 0–100 %; negative progress (the wrong way) and no progress fill nothing.
pub(crate) fn progress_fill(percent: Option<f64>) -> f64 {
    match percent {
        Some(p) if p.is_finite() => (p / 100.0).clamp(0.0, 1.0),
        _ => 0.0,
    }
}

/// Formats a coordinate: at most one decimal, no `-0`.
pub(crate) fn px(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r == 0.0 || !r.is_finite() {
        "0".to_string()
    } else if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// A number for an axis label with `decimals` places and the language's
/// marks: en `12,000.5`, pl `12 000,5` (NBSP).
pub(crate) fn axis_number(v: f64, decimals: usize, pl: bool) -> String {
    let text = format!("{:.*}", decimals, v.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let sep = if pl { '\u{a0}' } else { ',' };
    let n = int.chars().count();
    let mut out = String::new();
    if v < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(if pl { ',' } else { '.' });
        out.push_str(frac);
    }
    out
}

/// The opening tag of a bar chart's `<svg>`, labelled for screen readers.
fn chart_open(id: &str, w: f64, h: f64, label: &str) -> String {
    format!(
        r#"<svg id="{id}" class="chart" viewBox="0 0 {w} {h}" role="img" aria-label="{t}" xmlns="http://www.w3.org/2000/svg">"#,
        id = esc(id),
        w = px(w),
        h = px(h),
        t = esc(label)
    )
}

/// One bar of a bar chart: its label, value (for the geometry), the value
/// as text, and its colour.
#[derive(Clone, Debug)]
pub(crate) struct Bar {
    pub label: String,
    pub value: f64,
    pub value_text: String,
    pub color: String,
}

/// A value axis along x: at each tick a vertical grid line from `y0` to
/// `y1` and its label 16 below.
fn x_grid(s: &mut String, x: &Scale, ticks: &Ticks, (y0, y1): (f64, f64), pl: bool) {
    for t in &ticks.values {
        let tx = px(x.map(*t));
        let _ = write!(
            s,
            r#"<line class="grid" x1="{tx}" y1="{y0}" x2="{tx}" y2="{y1}"/><text class="tick" x="{tx}" y="{ty}" text-anchor="middle">{l}</text>"#,
            y0 = px(y0),
            y1 = px(y1),
            ty = px(y1 + 16.0),
            l = esc(&axis_number(*t, ticks.decimals(), pl))
        );
    }
}

/// A value axis along y: at each tick a horizontal grid line from `x0` to
/// `x1` and its label ending `gap` left of `x0`, `drop` below the line.
fn y_grid(
    s: &mut String,
    y: &Scale,
    ticks: &Ticks,
    (x0, x1): (f64, f64),
    (gap, drop): (f64, f64),
    pl: bool,
) {
    for t in &ticks.values {
        let ty = y.map(*t);
        let _ = write!(
            s,
            r#"<line class="grid" x1="{x0}" y1="{ty}" x2="{x1}" y2="{ty}"/><text class="tick" x="{tx}" y="{tty}" text-anchor="end">{l}</text>"#,
            x0 = px(x0),
            x1 = px(x1),
            ty = px(ty),
            tx = px(x0 - gap),
            tty = px(ty + drop),
            l = esc(&axis_number(*t, ticks.decimals(), pl))
        );
    }
}

/// Horizontal bars, one per row, the label above each bar and its value at
/// its end; a value axis with ticks and `axis_title` below.
pub(crate) fn hbar_chart(id: &str, bars: &[Bar], axis_title: &str, pl: bool) -> String {
    let (w, left, right) = (520.0, 12.0, 90.0);
    let row = 46.0;
    let top = 8.0;
    let plot_h = row * bars.len() as f64;
    let h = top + plot_h + 44.0;
    let values: Vec<f64> = bars.iter().map(|b| b.value).collect();
    let (lo, hi) = bar_domain(&values);
    let ticks = nice_ticks(lo, hi, 4);
    let x = Scale::new((ticks.lo, ticks.hi), (left, w - right));
    let mut s = chart_open(id, w, h, axis_title);
    x_grid(&mut s, &x, &ticks, (top, top + plot_h), pl);
    for (i, b) in bars.iter().enumerate() {
        let y = top + i as f64 * row;
        let (bx, bw) = bar_extent(&x, b.value);
        let _ = write!(
            s,
            r#"<text class="label" x="{lx}" y="{ly}">{label}</text><rect class="bar" x="{bx}" y="{by}" width="{bw}" height="18" fill="{c}"><title>{label}: {v}</title></rect><text class="value" x="{vx}" y="{vy}">{v}</text>"#,
            lx = px(left),
            ly = px(y + 14.0),
            label = esc(&b.label),
            bx = px(bx),
            by = px(y + 20.0),
            bw = px(bw),
            c = esc(&b.color),
            vx = px(bx + bw + 6.0),
            vy = px(y + 33.0),
            v = esc(&b.value_text)
        );
    }
    let zx = px(x.map(0.0));
    let _ = write!(
        s,
        r#"<line class="axis" x1="{zx}" y1="{y0}" x2="{zx}" y2="{y1}"/><text class="axis-title" x="{cx}" y="{ty}" text-anchor="middle">{t}</text></svg>"#,
        y0 = px(top),
        y1 = px(top + plot_h),
        cx = px((left + w - right) / 2.0),
        ty = px(h - 6.0),
        t = esc(axis_title)
    );
    s
}

/// `text` cut to `max` characters with an ellipsis (the whole text goes in
/// the tooltip).
fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
    s.push('…');
    s
}

/// One initiative on the benefit chart: its cost and its benefit range.
#[derive(Clone, Debug)]
pub(crate) struct BenefitRow {
    pub label: String,
    pub cost: f64,
    pub cost_text: String,
    pub low: f64,
    pub high: f64,
    pub range_text: String,
}

/// Benefit range against cost, one row per initiative on one money axis:
/// a thin grey bar for the cost, a green band from the benefit's low to
/// its high (a range, never one number), each with its figure.
pub(crate) fn benefit_chart(id: &str, rows: &[BenefitRow], axis_title: &str, pl: bool) -> String {
    let (w, left, right) = (520.0, 12.0, 180.0);
    let row = 40.0;
    let top = 8.0;
    let plot_h = row * rows.len() as f64;
    // No axis title: the figures beside the bars name the currency.
    let h = top + plot_h + 24.0;
    let mut values: Vec<f64> = rows.iter().flat_map(|r| [r.cost, r.low, r.high]).collect();
    values.push(0.0);
    let (lo, hi) = bar_domain(&values);
    let ticks = nice_ticks(lo, hi, 4);
    let x = Scale::new((ticks.lo, ticks.hi), (left, w - right));
    let mut s = chart_open(id, w, h, axis_title);
    x_grid(&mut s, &x, &ticks, (top, top + plot_h), pl);
    for (i, r) in rows.iter().enumerate() {
        let y = top + i as f64 * row;
        let (cx, cw) = bar_extent(&x, r.cost);
        let (b0, b1) = (x.map(r.low.min(r.high)), x.map(r.high.max(r.low)));
        let _ = write!(
            s,
            r#"<text class="label" x="{lx}" y="{ly}">{label}<title>{full}</title></text><rect class="cost-bar" x="{cx}" y="{cy}" width="{cw}" height="7"><title>{full}: {ct}</title></rect><text class="value" x="{tx}" y="{cty}">{ct}</text><rect class="benefit-range" x="{bx}" y="{by}" width="{bw}" height="11"><title>{full}: {rt}</title></rect><text class="value benefit-value" x="{tx}" y="{bty}">{rt}</text>"#,
            lx = px(left),
            ly = px(y + 12.0),
            label = esc(&short(&r.label, 44)),
            full = esc(&r.label),
            cx = px(cx),
            cy = px(y + 16.0),
            cw = px(cw),
            ct = esc(&r.cost_text),
            tx = px(w - right + 6.0),
            cty = px(y + 22.0),
            bx = px(b0),
            by = px(y + 24.0),
            bw = px((b1 - b0).max(1.5)),
            rt = esc(&r.range_text),
            bty = px(y + 35.0),
        );
    }
    let zx = px(x.map(0.0));
    let _ = write!(
        s,
        r#"<line class="axis" x1="{zx}" y1="{y0}" x2="{zx}" y2="{y1}"/></svg>"#,
        y0 = px(top),
        y1 = px(top + plot_h),
    );
    s
}

/// Vertical bars (columns) with their labels below, their values above and
/// a value axis with ticks and `axis_title` on the left.
pub(crate) fn vbar_chart(id: &str, bars: &[Bar], axis_title: &str, pl: bool) -> String {
    let (w, h) = (520.0, 230.0);
    let (left, right, top, bottom) = (78.0, 12.0, 22.0, 30.0);
    let values: Vec<f64> = bars.iter().map(|b| b.value).collect();
    let (lo, hi) = bar_domain(&values);
    let ticks = nice_ticks(lo, hi, 4);
    let y = Scale::new((ticks.lo, ticks.hi), (h - bottom, top));
    let slot = (w - left - right) / bars.len().max(1) as f64;
    let bw = slot * 0.56;
    let mut s = chart_open(id, w, h, axis_title);
    y_grid(&mut s, &y, &ticks, (left, w - right), (6.0, 4.0), pl);
    for (i, b) in bars.iter().enumerate() {
        let cx = left + slot * (i as f64 + 0.5);
        let (by, bh) = bar_extent(&y, b.value);
        let above = if b.value < 0.0 {
            by + bh + 14.0
        } else {
            by - 5.0
        };
        let _ = write!(
            s,
            r#"<rect class="bar" x="{bx}" y="{by}" width="{bw}" height="{bh}" fill="{c}"><title>{label}: {v}</title></rect><text class="value" x="{cx}" y="{vy}" text-anchor="middle">{v}</text><text class="label" x="{cx}" y="{ly}" text-anchor="middle">{label}</text>"#,
            bx = px(cx - bw / 2.0),
            by = px(by),
            bw = px(bw),
            bh = px(bh),
            c = esc(&b.color),
            cx = px(cx),
            vy = px(above),
            ly = px(h - bottom + 18.0),
            label = esc(&b.label),
            v = esc(&b.value_text)
        );
    }
    let zy = px(y.map(0.0));
    let _ = write!(
        s,
        r#"<line class="axis" x1="{x0}" y1="{zy}" x2="{x1}" y2="{zy}"/><text class="axis-title" x="14" y="{my}" text-anchor="middle" transform="rotate(-90 14 {my})">{t}</text></svg>"#,
        x0 = px(left),
        x1 = px(w - right),
        my = px((top + h - bottom) / 2.0),
        t = esc(axis_title)
    );
    s
}

/// One measurement on a KPI chart: its day number (days from the common
/// era), value, and labels.
#[derive(Clone, Debug)]
pub(crate) struct Mark {
    pub day: i64,
    pub value: f64,
    pub value_text: String,
    pub date_text: String,
}

/// A reference line on a KPI chart (baseline, target).
#[derive(Clone, Debug)]
pub(crate) struct RefLine {
    pub class: &'static str,
    pub value: f64,
    pub text: String,
}

/// Where the path to the target stood on the latest measurement's date
/// (SPEC section 8): a hollow mark beside the measurement, so the eye
/// sees whether it is at or beyond the path.
#[derive(Clone, Debug)]
pub(crate) struct PathMark {
    pub day: i64,
    pub value: f64,
    pub text: String,
}

/// A KPI's trend: the measurements as a line with a mark and its value at
/// each, against the baseline and target lines, and the path's mark at the
/// latest measurement when there is one; the date under each mark (first
/// and last when there are more than three). With no measurement the
/// reference lines stand alone with `empty_text`.
#[cfg(test)]
pub(crate) fn kpi_chart(
    marks: &[Mark],
    refs: &[RefLine],
    path: Option<&PathMark>,
    unit: &str,
    empty_text: &str,
    pl: bool,
) -> String {
    kpi_chart_ahead(marks, refs, path, &Ahead::default(), unit, empty_text, pl)
}

/// What a KPI chart draws beyond the measurements (SPEC section 8): the
/// path to the target through its checkpoints, and the least-squares
/// projection to the target date, dashed. Drawn only beside measurements.
#[derive(Clone, Debug, Default)]
pub(crate) struct Ahead {
    /// The path's points `(day, value)` in date order.
    pub path: Vec<(i64, f64)>,
    /// The projection's line, from the first measurement it rests on to
    /// the target date.
    pub projection: Option<[(i64, f64); 2]>,
    /// The projection's tooltip.
    pub projection_text: String,
    /// The target date's day and label, under the axis's end.
    pub end: Option<(i64, String)>,
}

/// [`kpi_chart`] with the path and the projection of `ahead`; the time
/// axis then runs to the target date.
pub(crate) fn kpi_chart_ahead(
    marks: &[Mark],
    refs: &[RefLine],
    path: Option<&PathMark>,
    ahead: &Ahead,
    unit: &str,
    empty_text: &str,
    pl: bool,
) -> String {
    let (w, h) = (300.0, 150.0);
    let (left, right, top, bottom) = (40.0, 92.0, 24.0, 28.0);
    let drawn = |v: &f64| v.is_finite();
    let mut values: Vec<f64> = marks.iter().map(|m| m.value).collect();
    values.extend(refs.iter().map(|r| r.value));
    values.extend(path.map(|p| p.value));
    let mut extra_days = Vec::new();
    let extended = !marks.is_empty() && (ahead.projection.is_some() || ahead.path.len() > 1);
    if !marks.is_empty() {
        for (d, v) in ahead.path.iter().chain(ahead.projection.iter().flatten()) {
            if drawn(v) {
                extra_days.push(*d);
                values.push(*v);
            }
        }
    }
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let ticks = nice_ticks(lo, hi, 3);
    let y = Scale::new((ticks.lo, ticks.hi), (h - bottom, top));
    let mut days: Vec<i64> = marks.iter().map(|m| m.day).collect();
    days.extend(extra_days);
    // Marks stay 10 px inside the plot so that their labels fit.
    let x = time_domain(&days).map(|d| Scale::new(d, (left + 10.0, w - right - 10.0)));
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="kpi-chart" viewBox="0 0 {w} {h}" role="img" aria-label="{u}" xmlns="http://www.w3.org/2000/svg">"#,
        w = px(w),
        h = px(h),
        u = esc(unit)
    );
    y_grid(&mut s, &y, &ticks, (left, w - right), (4.0, 3.5), pl);
    let _ = write!(
        s,
        r#"<text class="axis-title" x="{x}" y="11">{u}</text><line class="axis" x1="{x0}" y1="{yb}" x2="{x1}" y2="{yb}"/>"#,
        x = px(left - 4.0),
        u = esc(unit),
        x0 = px(left),
        x1 = px(w - right),
        yb = px(h - bottom)
    );
    for r in refs {
        let ry = y.map(r.value);
        let _ = write!(
            s,
            r#"<line class="{c}" x1="{x0}" y1="{ry}" x2="{x1}" y2="{ry}"/><text class="{c}-label" x="{tx}" y="{ty}">{t}</text>"#,
            c = r.class,
            x0 = px(left),
            x1 = px(w - right),
            ry = px(ry),
            tx = px(w - right + 4.0),
            ty = px(ry + 3.5),
            t = esc(&r.text)
        );
    }
    match x {
        None => {
            let _ = write!(
                s,
                r#"<text class="empty" x="{cx}" y="{cy}" text-anchor="middle">{t}</text>"#,
                cx = px((left + w - right) / 2.0),
                cy = px((top + h - bottom) / 2.0),
                t = esc(empty_text)
            );
        }
        Some(x) => {
            let line: Vec<String> = ahead
                .path
                .iter()
                .filter(|(_, v)| drawn(v))
                .map(|(d, v)| format!("{},{}", px(x.map(*d as f64)), px(y.map(*v))))
                .collect();
            if line.len() > 1 {
                let _ = write!(
                    s,
                    r#"<polyline class="kpi-path" points="{}"/>"#,
                    line.join(" ")
                );
            }
            if let Some([(d0, v0), (d1, v1)]) = ahead.projection
                && drawn(&v0)
                && drawn(&v1)
            {
                let _ = write!(
                    s,
                    r#"<line class="projection" x1="{x0}" y1="{y0}" x2="{x1}" y2="{y1}"><title>{t}</title></line>"#,
                    x0 = px(x.map(d0 as f64)),
                    y0 = px(y.map(v0)),
                    x1 = px(x.map(d1 as f64)),
                    y1 = px(y.map(v1)),
                    t = esc(&ahead.projection_text)
                );
            }
            if marks.len() > 1 {
                let pts: Vec<String> = marks
                    .iter()
                    .map(|m| format!("{},{}", px(x.map(m.day as f64)), px(y.map(m.value))))
                    .collect();
                let _ = write!(
                    s,
                    r#"<polyline class="series" points="{}"/>"#,
                    pts.join(" ")
                );
            }
            if let Some(p) = path {
                let (px_, py) = (x.map(p.day as f64), y.map(p.value));
                let _ = write!(
                    s,
                    r#"<rect class="path-mark" x="{x0}" y="{y0}" width="7" height="7" transform="rotate(45 {cx} {cy})"><title>{t}</title></rect>"#,
                    x0 = px(px_ - 3.5),
                    y0 = px(py - 3.5),
                    cx = px(px_),
                    cy = px(py),
                    t = esc(&p.text)
                );
            }
            let n = marks.len();
            // With the axis running on to the target date, the dates
            // under it are the first measurement's and the target's.
            let end = ahead.end.as_ref().filter(|_| extended);
            if let Some((d, text)) = end {
                let _ = write!(
                    s,
                    r#"<text class="tick" x="{ex}" y="{ty}" text-anchor="end">{t}</text>"#,
                    ex = px(x.map(*d as f64) + 10.0),
                    ty = px(h - bottom + 17.0),
                    t = esc(text)
                );
            }
            for (i, m) in marks.iter().enumerate() {
                let (mx, my) = (x.map(m.day as f64), y.map(m.value));
                let _ = write!(
                    s,
                    r#"<circle class="mark" cx="{mx}" cy="{my}" r="3.5"><title>{d}: {v}</title></circle>"#,
                    mx = px(mx),
                    my = px(my),
                    d = esc(&m.date_text),
                    v = esc(&m.value_text)
                );
                // Five values side by side run together: the first and the
                // last are labelled, the others have their tooltips.
                if n <= 4 || i == 0 || i + 1 == n {
                    let _ = write!(
                        s,
                        r#"<text class="value" x="{mx}" y="{vy}" text-anchor="middle">{v}</text>"#,
                        mx = px(mx),
                        vy = px(my - 7.0),
                        v = esc(&m.value_text)
                    );
                }
                // Four dates side by side run together on paper.
                let dated = match end {
                    Some(_) => i == 0,
                    None => n <= 3 || i == 0 || i + 1 == n,
                };
                if dated {
                    let _ = write!(
                        s,
                        r#"<text class="tick" x="{mx}" y="{ty}" text-anchor="middle">{d}</text>"#,
                        mx = px(mx),
                        ty = px(h - bottom + 17.0),
                        d = esc(&m.date_text)
                    );
                }
            }
        }
    }
    s.push_str("</svg>");
    s
}

/// One initiative on the timeline.
#[derive(Clone, Debug)]
pub(crate) struct GanttRow {
    /// The row's label in lines: the whole title, wrapped (paper has no
    /// tooltip to show what a cut title would hide).
    pub label: Vec<String>,
    pub tooltip: String,
    /// Day of the plan year where the bar starts and ends (0-based,
    /// inclusive), already clipped to the year.
    pub from: i64,
    pub to: i64,
    /// Whether the work began before the year or runs on after it.
    pub before: bool,
    pub after: bool,
    pub color: String,
    /// Area `cx`: drawn as an outline, the department's work.
    pub cx: bool,
    pub below_line: bool,
    pub right_text: String,
    /// The owner and the latest check-in, written beside the bar: after
    /// it where there is room, else before it, else inside it.
    pub sub: Option<String>,
}

/// Days from 1 January of `year` to the first of each month, and the
/// year's length: the gantt's calendar.
pub(crate) fn month_starts(year: i32) -> ([i64; 12], i64) {
    let jan1 = chrono::NaiveDate::from_ymd_opt(year, 1, 1);
    let day = |y: i32, m: u32| {
        let d = chrono::NaiveDate::from_ymd_opt(y, m, 1)?;
        Some((d - jan1?).num_days())
    };
    let mut starts = [0i64; 12];
    for (m, s) in (1u32..).zip(starts.iter_mut()) {
        *s = day(year, m).unwrap_or(0);
    }
    let len = year.checked_add(1).and_then(|n| day(n, 1)).unwrap_or(365);
    (starts, len)
}

/// The height of the gantt's row of a label of `lines` lines.
fn gantt_row_height(lines: usize) -> f64 {
    GANTT_ROW + GANTT_LINE * lines.saturating_sub(1) as f64
}

/// A one-line row's height and each further label line's, in pixels.
const GANTT_ROW: f64 = 24.0;
const GANTT_LINE: f64 = 13.0;

/// Wraps `text` at spaces into lines of at most `width` characters; a word
/// longer than a line stands on a line of its own, whole.
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let n = line.chars().count();
        if n > 0 && n + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The plan by quarter: one row per initiative in plan order, a bar over
/// its days in the year coloured by competency, quarter bands with month
/// ticks above, and a dashed cut line before the first row below it. A row
/// is as tall as its label's lines.
pub(crate) fn gantt(
    rows: &[GanttRow],
    year: i32,
    quarters: &[String; 4],
    months: &[String],
    cut_text: &str,
) -> String {
    let w = 1040.0;
    let (label_w, right_w, top) = (320.0, 140.0, 40.0);
    let plot = (label_w, w - right_w);
    // The cut line takes a gap of its own between two rows.
    let gap = 18.0;
    let has_cut = rows.iter().any(|r| r.below_line);
    let rows_h: f64 = rows.iter().map(|r| gantt_row_height(r.label.len())).sum();
    let h = top + rows_h + 8.0 + if has_cut { gap } else { 0.0 };
    let (starts, year_days) = month_starts(year);
    let x = Scale::new((0.0, year_days as f64), plot);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg id="gantt" class="chart gantt" viewBox="0 0 {w} {h}" role="img" xmlns="http://www.w3.org/2000/svg">"#,
        w = px(w),
        h = px(h)
    );
    // Quarter bands with their labels, then month ticks.
    for (i, q) in quarters.iter().enumerate() {
        let a = x.map(starts.get(i * 3).copied().unwrap_or(0) as f64);
        let b = x.map(starts.get(i * 3 + 3).copied().unwrap_or(year_days) as f64);
        let _ = write!(
            s,
            r#"<rect class="band{odd}" x="{a}" y="0" width="{bw}" height="{bh}"/><text class="quarter" x="{c}" y="15" text-anchor="middle">{q}</text>"#,
            odd = if i % 2 == 1 { " odd" } else { "" },
            a = px(a),
            bw = px(b - a),
            bh = px(h),
            c = px((a + b) / 2.0),
            q = esc(q)
        );
    }
    for (name, d) in months.iter().zip(starts) {
        let mx = x.map(d as f64);
        let _ = write!(
            s,
            r#"<line class="month" x1="{mx}" y1="22" x2="{mx}" y2="{h}"/><text class="tick" x="{tx}" y="33">{n}</text>"#,
            mx = px(mx),
            h = px(h),
            tx = px(mx + 3.0),
            n = esc(name)
        );
    }
    let mut y = top;
    let mut cut_drawn = false;
    for r in rows {
        if r.below_line && !cut_drawn {
            cut_drawn = true;
            let _ = write!(
                s,
                r#"<line class="cut-line" x1="0" y1="{ly}" x2="{w}" y2="{ly}"/><text class="cut-label" x="{tx}" y="{ty}" text-anchor="end">{t}</text>"#,
                ly = px(y + 4.0),
                w = px(w),
                tx = px(w - 6.0),
                ty = px(y + 15.0),
                t = esc(cut_text)
            );
            y += gap;
        }
        // The bar and its figures stand beside the label's first line.
        let x0 = x.map(r.from as f64);
        let x1 = x.map((r.to + 1) as f64);
        let class = format!(
            "gantt-bar{}{}",
            if r.cx { " cx" } else { "" },
            if r.below_line { " below" } else { "" }
        );
        let mut label = String::new();
        for (i, line) in r.label.iter().enumerate() {
            let _ = write!(
                label,
                r#"<tspan x="{x}" y="{y}">{t}</tspan>"#,
                x = if i == 0 { 6 } else { 18 },
                y = px(y + 16.0 + GANTT_LINE * i as f64),
                t = esc(line)
            );
        }
        let _ = write!(
            s,
            r#"<g class="row{below}"><text class="label">{label}</text><rect class="{class}" x="{x0}" y="{by}" width="{bw}" height="15" rx="3" fill="{c}" stroke="{c}"><title>{tip}</title></rect>"#,
            below = if r.below_line { " below" } else { "" },
            x0 = px(x0),
            by = px(y + 4.5),
            bw = px((x1 - x0).max(2.0)),
            c = esc(&r.color),
            tip = esc(&r.tooltip)
        );
        if r.before {
            let _ = write!(
                s,
                r#"<text class="more" x="{x}" y="{y}" text-anchor="end">◀</text>"#,
                x = px(x0 - 2.0),
                y = px(y + 16.0)
            );
        }
        if r.after {
            let _ = write!(
                s,
                r#"<text class="more" x="{x}" y="{y}">▶</text>"#,
                x = px(x1 + 2.0),
                y = px(y + 16.0)
            );
        }
        if let Some(sub) = &r.sub {
            // About 7 px a character at the size printed (12 px), with
            // room for the ◀ ▶ marks.
            let width = 7.0 * sub.chars().count() as f64 + 14.0;
            let (tx, anchor, class) = if x1 + width <= plot.1 {
                (x1 + 12.0, "start", "sub")
            } else if x0 - width >= plot.0 {
                (x0 - 12.0, "end", "sub")
            } else if r.cx {
                (x0 + 6.0, "start", "sub")
            } else {
                (x0 + 6.0, "start", "sub inside")
            };
            let _ = write!(
                s,
                r#"<text class="{class}" x="{tx}" y="{ty}" text-anchor="{anchor}">{t}</text>"#,
                tx = px(tx),
                ty = px(y + 16.0),
                t = esc(sub)
            );
        }
        let _ = write!(
            s,
            r#"<text class="value" x="{x}" y="{y}" text-anchor="end">{t}</text></g>"#,
            x = px(w - 6.0),
            y = px(y + 16.0),
            t = esc(&r.right_text)
        );
        y += gantt_row_height(r.label.len());
    }
    s.push_str("</svg>");
    s
}

/// A horizontal meter: `fill` of the width filled (0–1), with a marker at
/// `mark` (0–1) when given.
pub(crate) fn meter(class: &str, fill: f64, color: &str) -> String {
    let f = fill.clamp(0.0, 1.0) * 200.0;
    format!(
        r#"<svg class="meter {c}" viewBox="0 0 200 10" preserveAspectRatio="none" xmlns="http://www.w3.org/2000/svg"><rect class="track" x="0" y="0" width="200" height="10" rx="3"/><rect class="fill" x="0" y="0" width="{f}" height="10" rx="3" fill="{col}"/></svg>"#,
        c = esc(class),
        f = px(f),
        col = esc(color)
    )
}

#[cfg(test)]
mod tests;
