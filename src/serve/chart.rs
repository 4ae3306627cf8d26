//! A bar chart as inline SVG, drawn by the server: no script, no image request.

use maud::{Markup, html};

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 180.0;
/// Room under the bars for the labels, and above them for the counts.
const BOTTOM: f64 = 22.0;
const TOP: f64 = 16.0;

/// Bars of counts per year, every year between the first and the last shown (a year without
/// quotes is a gap, not left out).
pub fn bars(counts: &[(i32, u64)]) -> Markup {
    let (Some(first), Some(last)) = (
        counts.iter().map(|(y, _)| *y).min(),
        counts.iter().map(|(y, _)| *y).max(),
    ) else {
        return html! { p.empty { "No dated quotes." } };
    };
    let years: Vec<(i32, u64)> = (first..=last)
        .map(|y| {
            let n = counts
                .iter()
                .filter(|(cy, _)| *cy == y)
                .map(|(_, n)| n)
                .sum();
            (y, n)
        })
        .collect();
    let max = years.iter().map(|(_, n)| *n).max().unwrap_or(1).max(1) as f64;
    let slot = WIDTH / years.len() as f64;
    // A few years should not give bars as wide as the chart.
    let bar = (slot * 0.7).clamp(2.0, 48.0);
    let usable = HEIGHT - BOTTOM - TOP;
    // Label every year when they fit, else about twelve of them.
    let label_every = years.len().div_ceil(12).max(1);
    html! {
        svg.chart xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {WIDTH} {HEIGHT}"))
            role="img" aria-label="Quotes per year" {
            line x1="0" y1=(HEIGHT - BOTTOM) x2=(WIDTH) y2=(HEIGHT - BOTTOM) class="axis" {}
            @for (i, (year, n)) in years.iter().enumerate() {
                @let h = *n as f64 / max * usable;
                @let x = i as f64 * slot + (slot - bar) / 2.0;
                @let y = HEIGHT - BOTTOM - h;
                g {
                    title { (year) ": " (n) " quotes" }
                    rect x=(fmt(x)) y=(fmt(y)) width=(fmt(bar)) height=(fmt(h)) class="bar" {}
                    @if *n > 0 {
                        text x=(fmt(x + bar / 2.0)) y=(fmt(y - 3.0)) class="count" { (n) }
                    }
                    @if i % label_every == 0 {
                        text x=(fmt(x + bar / 2.0)) y=(fmt(HEIGHT - 6.0)) class="year" { (year) }
                    }
                }
            }
        }
    }
}

fn fmt(v: f64) -> String {
    format!("{v:.1}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bar_per_year_with_gaps_filled() {
        let svg = bars(&[(2016, 4), (2018, 2)]).into_string();
        assert_eq!(svg.matches("<rect").count(), 3);
        assert!(svg.contains("<title>2017: 0 quotes</title>"));
        // The tallest bar fills the height between the margins.
        assert!(svg.contains(&format!("height=\"{:.1}\"", HEIGHT - BOTTOM - TOP)));
    }

    #[test]
    fn no_dates_no_chart() {
        assert!(!bars(&[]).into_string().contains("<svg"));
    }
}
