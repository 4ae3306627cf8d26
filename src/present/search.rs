//! Article hits as text or as the `search --json` object.

use std::io::{self, Write};

use serde::Serialize;

use super::facets::{self, FacetValueJson};
use super::{Style, date_label, rate_label};
use crate::search::{Hit, Hits};

/// `search --json`: `{"query", "total", "hits": [...], "facets": {...}}`.
#[derive(Debug, Serialize)]
pub struct HitsJson<'a> {
    pub query: Option<&'a str>,
    pub total: usize,
    pub hits: Vec<HitJson<'a>>,
    pub facets: std::collections::BTreeMap<&'static str, Vec<FacetValueJson<'a>>>,
    /// With a date filter: undated articles that match everything else, left out by it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undated_left_out: Option<usize>,
}

/// One hit: `{"id", "path", "title", "date", "score", "snippet", "matches", "countries",
/// "speakers", "tariff_rates"}`.
#[derive(Debug, Serialize)]
pub struct HitJson<'a> {
    pub id: &'a str,
    pub path: &'a str,
    pub title: &'a str,
    pub date: Option<String>,
    pub score: f32,
    pub snippet: &'a str,
    /// The words the query matched in `snippet`, as `[start, end]` byte offsets.
    pub matches: Vec<[usize; 2]>,
    pub countries: Vec<&'a str>,
    pub speakers: &'a [String],
    pub tariff_rates: &'a [f64],
}

impl<'a> HitsJson<'a> {
    pub fn new(hits: &'a Hits) -> HitsJson<'a> {
        HitsJson {
            query: hits.query.as_deref(),
            total: hits.total,
            hits: hits.hits.iter().map(HitJson::new).collect(),
            facets: facets::json(&hits.facets),
            undated_left_out: hits.undated,
        }
    }
}

impl<'a> HitJson<'a> {
    fn new(hit: &'a Hit) -> HitJson<'a> {
        HitJson {
            id: &hit.id,
            path: &hit.path,
            title: &hit.title,
            date: hit.date.map(|d| d.to_string()),
            score: hit.score,
            snippet: &hit.snippet.text,
            matches: super::match_offsets(&hit.snippet),
            countries: hit.countries.iter().map(|c| c.as_str()).collect(),
            speakers: &hit.speakers,
            tariff_rates: &hit.tariff_rates,
        }
    }
}

/// Hits as text: title, then id, date and score, then the extracted fields, then the snippet;
/// a line with the count; the facets.
pub fn write_text(out: &mut dyn Write, hits: &Hits, offset: usize, style: Style) -> io::Result<()> {
    for (n, hit) in hits.hits.iter().enumerate() {
        writeln!(out, "{}. {}", offset + n + 1, style.bold(&hit.title))?;
        writeln!(
            out,
            "   {}",
            style.dim(&format!(
                "{} · {} · score {:.2}",
                hit.id,
                date_label(hit.date),
                hit.score
            ))
        )?;
        let mut facts = Vec::new();
        if !hit.countries.is_empty() {
            let codes: Vec<&str> = hit.countries.iter().map(|c| c.as_str()).collect();
            facts.push(format!("countries: {}", codes.join(", ")));
        }
        if !hit.speakers.is_empty() {
            facts.push(format!("speakers: {}", hit.speakers.join(", ")));
        }
        if !hit.tariff_rates.is_empty() {
            let rates: Vec<String> = hit.tariff_rates.iter().map(|r| rate_label(*r)).collect();
            facts.push(format!("tariffs: {}", rates.join(", ")));
        }
        if !facts.is_empty() {
            writeln!(out, "   {}", facts.join(" · "))?;
        }
        writeln!(out, "   {}", style.snippet(&hit.snippet))?;
        writeln!(out)?;
    }
    let shown = super::shown(offset, hits.hits.len());
    let noun = if hits.total == 1 {
        "article"
    } else {
        "articles"
    };
    writeln!(out, "{shown}{} {noun}", hits.total)?;
    facets::write_summary(out, &hits.facets, style)
}
