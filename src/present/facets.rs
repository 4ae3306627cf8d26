//! Facet counts as text lines or JSON, for `search`, `quotes` and `facets`.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use super::{Style, country_label};
use crate::enrich::CountryCode;
use crate::index::schema::FacetKind;
use crate::search::{FacetCounts, Hits};

/// One facet value in JSON: `{"value": "IN", "count": 3}`.
#[derive(Debug, Serialize)]
pub struct FacetValueJson<'a> {
    pub value: &'a str,
    pub count: u64,
}

/// Facets in JSON: `{"country": [{"value", "count"}], "speaker": [...]}`.
pub fn json(facets: &[FacetCounts]) -> BTreeMap<&'static str, Vec<FacetValueJson<'_>>> {
    facets
        .iter()
        .map(|f| {
            let values = f
                .values
                .iter()
                .map(|v| FacetValueJson {
                    value: &v.value,
                    count: v.count,
                })
                .collect();
            (f.kind.name(), values)
        })
        .collect()
}

/// `facets --json`: `{"field", "query", "total", "distinct", "values": [{"value", "count"}]}`,
/// where `total` counts the articles matched and `distinct` the values they have.
#[derive(Debug, Serialize)]
pub struct FacetsJson<'a> {
    pub field: &'static str,
    pub query: Option<&'a str>,
    pub total: usize,
    pub distinct: usize,
    pub values: Vec<FacetValueJson<'a>>,
}

impl<'a> FacetsJson<'a> {
    /// The first facet counted by a search, if it counted one.
    pub fn new(hits: &'a Hits) -> Option<FacetsJson<'a>> {
        let facet = hits.facets.first()?;
        Some(FacetsJson {
            field: facet.kind.name(),
            query: hits.query.as_deref(),
            total: hits.total,
            distinct: facet.distinct,
            values: facet
                .values
                .iter()
                .map(|v| FacetValueJson {
                    value: &v.value,
                    count: v.count,
                })
                .collect(),
        })
    }
}

/// A value for people: countries get their names, rate bands a percent sign.
pub fn label(kind: FacetKind, value: &str) -> String {
    match kind {
        FacetKind::Country | FacetKind::Imposer | FacetKind::Target | FacetKind::SpeakerCountry => {
            CountryCode::parse(value)
                .map(country_label)
                .unwrap_or_else(|_| value.to_string())
        }
        FacetKind::Tariff => format!("{value}%"),
        _ => value.to_string(),
    }
}

/// One line per facet: `country: IN India (2), US (2)`.
pub fn write_summary(out: &mut dyn Write, facets: &[FacetCounts], style: Style) -> io::Result<()> {
    for f in facets.iter().filter(|f| !f.values.is_empty()) {
        let values: Vec<String> = f
            .values
            .iter()
            .map(|v| format!("{} ({})", label(f.kind, &v.value), v.count))
            .collect();
        let more = if f.distinct > f.values.len() {
            format!(", … {} more", f.distinct - f.values.len())
        } else {
            String::new()
        };
        writeln!(
            out,
            "{} {}{more}",
            style.bold(&format!("{}:", f.kind.name())),
            values.join(", ")
        )?;
    }
    Ok(())
}

/// A table of one facet: value, then count, aligned.
pub fn write_table(out: &mut dyn Write, facet: &FacetCounts) -> io::Result<()> {
    let labels: Vec<String> = facet
        .values
        .iter()
        .map(|v| label(facet.kind, &v.value))
        .collect();
    let width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    for (label, v) in labels.iter().zip(&facet.values) {
        writeln!(out, "{label:<width$}  {:>6}", v.count)?;
    }
    Ok(())
}
