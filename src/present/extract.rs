//! The JSON line `newsdex extract` prints per article: the contract `score.py` reads.

use serde::Serialize;

use crate::corpus::Article;
use crate::enrich::{CountryCode, CountryMention, Enriched, Person, Quote, Tariff, TariffRate};

/// One article's extracted fields, as printed by `extract`.
#[derive(Debug, Serialize)]
pub struct ExtractLine<'a> {
    pub path: &'a str,
    pub id: &'a str,
    pub title: String,
    pub date: Option<String>,
    pub source: Option<&'a str>,
    pub url: Option<&'a str>,
    pub quotes: &'a [Quote],
    pub speakers: &'a [String],
    pub people: &'a [Person],
    pub orgs: &'a [String],
    pub countries: Vec<CountryLine>,
    /// Trade blocs, apart from `countries` (ISO codes only, as the gold files count them).
    pub blocs: Vec<CountryLine>,
    pub tariffs: &'a [Tariff],
    pub tariff_rates: Vec<TariffRate>,
}

#[derive(Debug, Serialize)]
pub struct CountryLine {
    pub code: CountryCode,
    pub name: &'static str,
    pub mentions: u32,
}

impl CountryLine {
    fn new(c: &CountryMention) -> CountryLine {
        CountryLine {
            code: c.code,
            name: c.code.name(),
            mentions: c.mentions,
        }
    }
}

impl<'a> ExtractLine<'a> {
    pub fn new(article: &'a Article, enriched: &'a Enriched) -> ExtractLine<'a> {
        let mut tariff_rates: Vec<TariffRate> = Vec::new();
        for t in &enriched.tariffs {
            if !tariff_rates.contains(&t.rate) {
                tariff_rates.push(t.rate);
            }
        }
        tariff_rates.sort_by(|a, b| b.0.total_cmp(&a.0));
        ExtractLine {
            path: &article.path,
            id: &article.path,
            title: article.display_title(),
            date: enriched.date.map(|d| d.to_string()),
            source: article.source.as_deref(),
            url: article.url.as_deref(),
            quotes: &enriched.quotes,
            speakers: &enriched.speakers,
            people: &enriched.people,
            orgs: &enriched.orgs,
            countries: enriched.countries.iter().map(CountryLine::new).collect(),
            blocs: enriched.blocs.iter().map(CountryLine::new).collect(),
            tariffs: &enriched.tariffs,
            tariff_rates,
        }
    }
}
