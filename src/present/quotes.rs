//! Quote hits as text or as the `quotes --json` object.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use super::facets::{self, FacetValueJson};
use super::{Style, country_label, date_label};
use crate::index::record::kind_name;
use crate::search::{QuoteHit, QuoteHits};

/// `quotes --json`: `{"query", "total", "hits": [...], "facets": {...}}`.
#[derive(Debug, Serialize)]
pub struct QuoteHitsJson<'a> {
    pub query: Option<&'a str>,
    pub total: usize,
    pub hits: Vec<QuoteHitJson<'a>>,
    pub facets: BTreeMap<&'static str, Vec<FacetValueJson<'a>>>,
    /// With a date filter: undated quotes that match everything else, left out by it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undated_left_out: Option<usize>,
}

/// One quote: `{"text", "matches", "speaker", "role", "speaker_country", "kind", "cue",
/// "negated", "article_id", "title", "date", "score"}`.
#[derive(Debug, Serialize)]
pub struct QuoteHitJson<'a> {
    pub text: &'a str,
    /// The words the query matched in `text`, as `[start, end]` byte offsets.
    pub matches: Vec<[usize; 2]>,
    pub speaker: Option<&'a str>,
    pub role: Option<&'a str>,
    pub speaker_country: Option<&'a str>,
    pub kind: &'static str,
    pub cue: Option<&'a str>,
    pub negated: bool,
    pub article_id: &'a str,
    pub title: &'a str,
    pub date: Option<String>,
    pub score: f32,
}

impl<'a> QuoteHitsJson<'a> {
    pub fn new(hits: &'a QuoteHits) -> QuoteHitsJson<'a> {
        QuoteHitsJson {
            query: hits.query.as_deref(),
            total: hits.total,
            hits: hits.hits.iter().map(QuoteHitJson::new).collect(),
            facets: facets::json(&hits.facets),
            undated_left_out: hits.undated,
        }
    }
}

impl<'a> QuoteHitJson<'a> {
    fn new(hit: &'a QuoteHit) -> QuoteHitJson<'a> {
        QuoteHitJson {
            text: &hit.text.text,
            matches: super::match_offsets(&hit.text),
            speaker: hit.speaker.as_deref(),
            role: hit.role.as_deref(),
            speaker_country: hit.speaker_country.as_ref().map(|c| c.as_str()),
            kind: kind_name(hit.kind),
            cue: hit.cue.as_deref(),
            negated: hit.negated,
            article_id: &hit.article_id,
            title: &hit.title,
            date: hit.date.map(|d| d.to_string()),
            score: hit.score,
        }
    }
}

/// Each quote with its match highlighted, then who said it, where and when; then the count
/// and the facets.
pub fn write_text(
    out: &mut dyn Write,
    hits: &QuoteHits,
    offset: usize,
    style: Style,
) -> io::Result<()> {
    for hit in &hits.hits {
        writeln!(out, "“{}”", style.snippet(&hit.text))?;
        let mut about: Vec<String> = Vec::new();
        if let Some(role) = &hit.role {
            about.push(role.clone());
        }
        if let Some(country) = hit.speaker_country {
            about.push(country_label(country));
        }
        let speaker = hit.speaker.as_deref().unwrap_or("unattributed");
        let who = if about.is_empty() {
            speaker.to_string()
        } else {
            format!("{speaker} ({})", about.join(", "))
        };
        writeln!(
            out,
            "   — {}{} · {} quote",
            style.bold(&who),
            super::cue_label(hit.cue.as_deref(), hit.negated),
            kind_name(hit.kind)
        )?;
        writeln!(
            out,
            "   {}",
            style.dim(&format!(
                "{} · {} · {}",
                hit.title,
                date_label(hit.date),
                hit.article_id
            ))
        )?;
        writeln!(out)?;
    }
    let noun = if hits.total == 1 { "quote" } else { "quotes" };
    writeln!(
        out,
        "{}{} {noun}",
        super::shown(offset, hits.hits.len()),
        hits.total
    )?;
    facets::write_summary(out, &hits.facets, style)
}
