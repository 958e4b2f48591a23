//! A [`Chart`] drawn as a small SVG for the PDF: bars side by side, stacked bars or lines over a
//! vertical axis with a few gridlines labelled in the reader's notation, and a legend when there is
//! more than one series. Hand-drawn because the charts are simple and a plotting crate would pull
//! in its own fonts; the text is set in the PDF's own font (typst hands its fonts to the SVG).
//!
//! Values are hours, counts or percentages: never negative, so the axis starts at 0.

use draagkracht_core::report::document::decimal;
use draagkracht_core::report::{Chart, ChartKind, Language};
use std::fmt::Write;

/// The drawing's size in SVG units; the PDF scales it to the text width (≈ 470 pt), so 11 units of
/// font size print at about 8.5 pt.
const WIDTH: f64 = 600.0;
const HEIGHT: f64 = 260.0;
const LEFT: f64 = 50.0;
const RIGHT: f64 = 10.0;
const TOP: f64 = 40.0;
const BOTTOM: f64 = 24.0;
const FONT: &str = r##"font-family="Libertinus Serif" font-size="11" fill="#222""##;
/// Okabe–Ito colours: told apart by colour-blind readers and still distinct in grey print. Lines
/// also differ by dash pattern.
const COLOURS: [&str; 6] = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9"];
const DASHES: [&str; 3] = ["none", "7 3", "2 3"];

/// The chart as an SVG document.
pub fn svg(chart: &Chart, language: Language) -> String {
    let n = chart.categories.len().max(1);
    let stacked = chart.kind == ChartKind::StackedBars;
    let max = (0..n)
        .map(|i| {
            let values = chart.series.iter().map(|s| s.values.get(i).copied().unwrap_or(0.0).max(0.0));
            if stacked {
                values.sum()
            } else {
                values.fold(0.0, f64::max)
            }
        })
        .fold(0.0, f64::max);
    let legend = if chart.series.len() > 1 { legend_places(chart) } else { Vec::new() };
    // Every legend row after the first pushes the plot down, not into it.
    let extra = 18.0 * legend.iter().map(|(row, _)| *row).max().unwrap_or(0) as f64;
    let (height, top_edge) = (HEIGHT + extra, TOP + extra);
    let (step, ticks, decimals) = axis(max);
    let top = step * ticks as f64;
    let plot_w = WIDTH - LEFT - RIGHT;
    let y = |v: f64| height - BOTTOM - (v.max(0.0) / top) * (height - top_edge - BOTTOM);
    let slot = plot_w / n as f64;

    let mut out = format!(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}">"#);
    let _ = write!(out, r#"<text x="4" y="{}" {FONT}>{}</text>"#, top_edge - 12.0, escape(&chart.unit));
    for t in 0..=ticks {
        let v = step * t as f64;
        let (gy, colour) = (y(v), if t == 0 { "#444" } else { "#ccc" });
        let _ = write!(
            out,
            r#"<line x1="{LEFT}" x2="{}" y1="{gy}" y2="{gy}" stroke="{colour}" stroke-width="0.8"/>"#,
            WIDTH - RIGHT
        );
        let label = decimal(v, decimals, language);
        let _ = write!(out, r#"<text x="{}" y="{}" text-anchor="end" {FONT}>{label}</text>"#, LEFT - 6.0, gy + 4.0);
    }
    // Show every k-th category label so that they never overlap (months fit; 52 weeks do not).
    let widest = chart.categories.iter().map(|c| c.chars().count()).max().unwrap_or(0) as f64 * 6.0 + 8.0;
    let every = (widest / slot).ceil().max(1.0) as usize;
    for (i, label) in chart.categories.iter().enumerate().filter(|(i, _)| i % every == 0) {
        let x = LEFT + (i as f64 + 0.5) * slot;
        let _ =
            write!(out, r#"<text x="{x}" y="{}" text-anchor="middle" {FONT}>{}</text>"#, height - 8.0, escape(label));
    }

    let count = chart.series.len().max(1) as f64;
    let mut base = vec![0.0; n];
    for (s, series) in chart.series.iter().enumerate() {
        let colour = COLOURS[s % COLOURS.len()];
        let values = (0..n).map(|i| series.values.get(i).copied().unwrap_or(0.0).max(0.0));
        match chart.kind {
            ChartKind::Bars | ChartKind::StackedBars => {
                for (i, v) in values.enumerate() {
                    let (width, x, from) = if stacked {
                        (slot * 0.6, LEFT + i as f64 * slot + slot * 0.2, base[i])
                    } else {
                        let w = slot * 0.75 / count;
                        (w, LEFT + i as f64 * slot + slot * 0.125 + s as f64 * w, 0.0)
                    };
                    let (y0, y1) = (y(from), y(from + v));
                    let _ = write!(
                        out,
                        r#"<rect x="{x:.1}" y="{y1:.1}" width="{width:.1}" height="{:.1}" fill="{colour}"/>"#,
                        y0 - y1
                    );
                    base[i] += v;
                }
            }
            ChartKind::Lines => {
                // A value that is not a number (a share hidden in an anonymous report) is a gap:
                // the line stops before it and starts again after it.
                let raw = (0..n).map(|i| series.values.get(i).copied().unwrap_or(0.0));
                let points: Vec<Option<(f64, f64)>> = raw
                    .enumerate()
                    .map(|(i, v)| v.is_finite().then(|| (LEFT + (i as f64 + 0.5) * slot, y(v))))
                    .collect();
                let dash = DASHES[s % DASHES.len()];
                for run in points.split(Option::is_none).filter(|run| run.len() > 1) {
                    let path: Vec<String> = run.iter().flatten().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
                    let _ = write!(
                        out,
                        r#"<polyline points="{}" fill="none" stroke="{colour}" stroke-width="2.5" stroke-dasharray="{dash}"/>"#,
                        path.join(" ")
                    );
                }
                for (cx, cy) in points.into_iter().flatten() {
                    let _ = write!(out, r#"<circle cx="{cx:.1}" cy="{cy:.1}" r="3.2" fill="{colour}"/>"#);
                }
            }
        }
    }

    for (s, (series, (row, x))) in chart.series.iter().zip(legend).enumerate() {
        let colour = COLOURS[s % COLOURS.len()];
        let y = 10.0 + 18.0 * row as f64;
        let swatch = match chart.kind {
            ChartKind::Lines => format!(
                r#"<line x1="{x}" x2="{}" y1="{y}" y2="{y}" stroke="{colour}" stroke-width="2.5" stroke-dasharray="{}"/>"#,
                x + 18.0,
                DASHES[s % DASHES.len()]
            ),
            _ => format!(r#"<rect x="{}" y="{}" width="12" height="12" fill="{colour}"/>"#, x + 3.0, y - 6.0),
        };
        let _ = write!(out, r#"{swatch}<text x="{}" y="{}" {FONT}>{}</text>"#, x + 23.0, y + 4.0, escape(&series.name));
    }
    out.push_str("</svg>");
    out
}

/// Where each series' legend entry goes: (row, x). Entries run left to right and wrap to a new row
/// rather than past the drawing's edge.
fn legend_places(chart: &Chart) -> Vec<(usize, f64)> {
    let (mut row, mut x) = (0, LEFT);
    chart
        .series
        .iter()
        .map(|series| {
            let width = 23.0 + series.name.chars().count() as f64 * 6.0 + 18.0;
            if x > LEFT && x + width > WIDTH - RIGHT {
                row += 1;
                x = LEFT;
            }
            let place = (row, x);
            x += width;
            place
        })
        .collect()
}

/// The chart in words, for readers who cannot see it (the PDF's alt text): every value, per series.
pub fn alt(chart: &Chart, language: Language) -> String {
    let kind = match (chart.kind, language) {
        (ChartKind::Bars, Language::Nl) => "Staafdiagram",
        (ChartKind::StackedBars, Language::Nl) => "Gestapeld staafdiagram",
        (ChartKind::Lines, Language::Nl) => "Lijndiagram",
        (ChartKind::Bars, Language::En) => "Bar chart",
        (ChartKind::StackedBars, Language::En) => "Stacked bar chart",
        (ChartKind::Lines, Language::En) => "Line chart",
    };
    let series = chart.series.iter().map(|s| {
        let values = chart.categories.iter().zip(&s.values);
        let values: Vec<String> = values.map(|(c, v)| format!("{c} {}", trimmed(*v, language))).collect();
        format!("{}: {}", s.name, values.join(", "))
    });
    format!("{kind}, {} ({}). {}.", chart.title, chart.unit, series.collect::<Vec<_>>().join("; "))
}

/// A step of 1, 2 or 5 × 10ⁿ that splits `max` into at most five bands; the number of bands; and
/// the decimals its labels need.
fn axis(max: f64) -> (f64, usize, u8) {
    if max <= 0.0 || !max.is_finite() {
        return (1.0, 1, 0);
    }
    let magnitude = 10f64.powf((max / 5.0).log10().floor());
    let step =
        [1.0, 2.0, 5.0, 10.0].into_iter().map(|m| m * magnitude).find(|s| max / s <= 5.0).unwrap_or(magnitude * 10.0);
    let decimals = if step >= 1.0 { 0 } else { (-step.log10()).ceil() as u8 };
    (step, (max / step - 1e-9).ceil() as usize, decimals)
}

/// A value with one decimal, or none when it is whole.
fn trimmed(value: f64, language: Language) -> String {
    if !value.is_finite() {
        // Hidden in an anonymous report, as in its table.
        return "×".into();
    }
    decimal(value, if value.fract() == 0.0 { 0 } else { 1 }, language)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_steps_are_round_and_cover_the_largest_value() {
        assert_eq!(axis(1234.0), (500.0, 3, 0));
        assert_eq!(axis(100.0), (20.0, 5, 0));
        assert_eq!(axis(0.8), (0.2, 4, 1));
        assert_eq!(axis(0.0), (1.0, 1, 0), "an empty chart still has an axis");
    }

    #[test]
    fn labels_are_escaped_and_in_the_readers_notation() {
        let chart = Chart {
            title: "Uren".into(),
            kind: ChartKind::Bars,
            categories: vec!["<jan & feb>".into()],
            series: vec![draagkracht_core::report::Series { name: "a".into(), values: vec![1500.0] }],
            unit: "uren".into(),
        };
        let svg = svg(&chart, Language::Nl);
        assert!(svg.contains("&lt;jan &amp; feb&gt;"), "category labels are XML-escaped: {svg}");
        assert!(svg.contains(">1.500<"), "axis labels group thousands the Dutch way: {svg}");
    }

    #[test]
    fn a_hidden_value_is_a_gap_in_the_line_and_a_cross_in_the_words() {
        let series = |name: &str, values: Vec<f64>| draagkracht_core::report::Series { name: name.into(), values };
        let chart = Chart {
            title: "Complex".into(),
            kind: ChartKind::Lines,
            categories: ["2021", "2022", "2023", "2024"].map(String::from).to_vec(),
            series: vec![series("Complex", vec![3.0, f64::NAN, 10.0, 12.5]), series("Acuut", vec![0.0; 4])],
            unit: "%".into(),
        };
        let svg = svg(&chart, Language::Nl);
        assert!(!svg.contains("NaN"), "no NaN reaches the drawing: {svg}");
        assert_eq!(svg.matches("<polyline").count(), 2, "one line for Acuut, one for 2023–2024 (2021 stands alone)");
        assert_eq!(svg.matches("<circle").count(), 3 + 4);
        assert!(alt(&chart, Language::Nl).contains("2022 ×"), "{}", alt(&chart, Language::Nl));
    }

    #[test]
    fn a_long_legend_wraps_instead_of_running_off_the_drawing() {
        let names = [
            "Thuisadministratie",
            "Maatje",
            "Vriendschappelijk huisbezoek",
            "Steun bij verlies en rouw",
            "Mantelzorgondersteuning",
        ];
        let chart = Chart {
            title: "Uren".into(),
            kind: ChartKind::StackedBars,
            categories: vec!["jan".into()],
            series: names
                .iter()
                .map(|n| draagkracht_core::report::Series { name: n.to_string(), values: vec![1.0] })
                .collect(),
            unit: "uren".into(),
        };
        let places = legend_places(&chart);
        assert!(places.iter().any(|(row, _)| *row > 0), "five long names need a second row: {places:?}");
        for ((_, x), name) in places.iter().zip(names) {
            assert!(x + 23.0 + name.chars().count() as f64 * 6.0 <= WIDTH - RIGHT, "{name} fits");
        }
        assert!(svg(&chart, Language::Nl).contains(&format!("viewBox=\"0 0 {WIDTH} {}\"", HEIGHT + 18.0)));
    }
}
