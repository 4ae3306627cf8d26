//! Stage 3: enrichment. Takes an [`Article`] and gives its [`Enriched`] fields: quotes and their
//! speakers, people, organisations, countries, tariff rates and the published date.
//!
//! Each extractor is its own module with its own tests; [`enrich`] runs them in order and joins
//! their results (a quote's speaker affiliation, say, becomes a country code here).

pub mod countries;
pub mod dates;
pub mod orgs;
pub mod people;
pub mod quotes;
#[cfg(test)]
mod robustness;
pub mod tariffs;

use serde::{Deserialize, Serialize};

use crate::corpus::Article;
pub use countries::CountryCode;
pub use tariffs::TariffRate;

/// Everything newsdex extracts from one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Enriched {
    pub quotes: Vec<Quote>,
    /// Distinct speaker names of `quotes`, in order of first appearance.
    pub speakers: Vec<String>,
    pub people: Vec<Person>,
    pub orgs: Vec<String>,
    pub countries: Vec<CountryMention>,
    /// Trade blocs named as actors (`EU`, `ASEAN`), kept apart from `countries`, which are
    /// ISO countries only.
    #[serde(default)]
    pub blocs: Vec<CountryMention>,
    pub tariffs: Vec<Tariff>,
    /// The published date, from metadata or a dateline; never a file time.
    pub date: Option<jiff::civil::Date>,
    /// The article held more than [`quotes::MAX_QUOTES`] quotes and only the first were kept
    /// (not stored: it is reported as a warning when the article is read).
    #[serde(skip)]
    pub quotes_cut: bool,
}

/// Whether a quote is verbatim, reported, or reported with quoted fragments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Indirect,
    Mixed,
}

/// One attributed statement in an article body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words (direct) or the reported clause (indirect, mixed).
    pub text: String,
    /// The resolved full name of the source, or `None` when no named source is in reach.
    pub speaker: Option<String>,
    /// The speaker's role as given in the article ("Secretary of State").
    pub role: Option<String>,
    /// The country the speaker is affiliated with, when the article says so.
    pub speaker_country: Option<CountryCode>,
    pub kind: QuoteKind,
    /// Byte offsets of `text` in the article body.
    pub start: usize,
    pub end: usize,
}

/// A named person, with a role or title when the article gives one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    pub role: Option<String>,
}

/// A country the article mentions, with how many times.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountryMention {
    pub code: CountryCode,
    pub mentions: u32,
}

/// A stated tariff or customs-duty level, with who imposes it on whom and on what, when the
/// sentence says so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tariff {
    pub rate: TariffRate,
    pub imposer: Option<CountryCode>,
    pub target: Option<CountryCode>,
    pub product: Option<String>,
    /// The sentence that states the rate.
    pub text: String,
}

/// Run every extractor over one article.
pub fn enrich(article: &Article) -> Enriched {
    let (blocs, countries) = countries::extract(article)
        .into_iter()
        .partition(|m| m.code.is_bloc());
    let tariffs = tariffs::extract(article);
    let orgs = orgs::extract(article);
    let quotes::Analysis {
        attributions,
        people,
        cut,
    } = quotes::analyse(&article.body);
    let quotes: Vec<Quote> = attributions
        .into_iter()
        .map(|a| Quote {
            speaker_country: a.affiliation.as_deref().and_then(countries::lookup),
            text: a.text,
            speaker: a.speaker,
            role: a.role,
            kind: a.kind,
            start: a.start,
            end: a.end,
        })
        .collect();
    Enriched {
        date: dates::published(article),
        speakers: speakers_of(&quotes),
        quotes,
        people,
        orgs,
        countries,
        blocs,
        tariffs,
        quotes_cut: cut,
    }
}

impl Enriched {
    /// What the reader should be told about this article's extraction, if anything.
    pub fn warning(&self) -> Option<String> {
        self.quotes_cut.then(|| {
            format!(
                "more than {max} quotes; only the first {max} are kept",
                max = quotes::MAX_QUOTES
            )
        })
    }

    /// Keep only the quotes of the given kinds (and the speakers of those).
    pub fn keep_quote_kinds(&mut self, kinds: &[QuoteKind]) {
        self.quotes.retain(|q| kinds.contains(&q.kind));
        self.speakers = speakers_of(&self.quotes);
    }
}

/// Distinct speaker names of `quotes`, in order of first appearance.
fn speakers_of(quotes: &[Quote]) -> Vec<String> {
    let mut speakers: Vec<String> = Vec::new();
    for name in quotes.iter().filter_map(|q| q.speaker.as_ref()) {
        if !speakers.contains(name) {
            speakers.push(name.clone());
        }
    }
    speakers
}
