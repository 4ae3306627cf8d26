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
pub mod text;

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

/// Which text of the article a quote stands in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Within {
    /// The body.
    #[default]
    Body,
    /// The headline (the article's `title`).
    Title,
}

impl Within {
    pub fn is_body(&self) -> bool {
        *self == Within::Body
    }
}

/// One attributed statement in an article's body or headline.
///
/// Every offset (`start`, `end`, the parts', `speaker_start`, `speaker_end`) is a byte offset
/// into the text `within` names: for the body, the text `show` prints after the header (and
/// `show --json` gives as `body`), so `&body[start..end]` is the quoted span; for the title,
/// the headline as `extract` and `show --json` give it (`title`, without surrounding spaces).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words (direct) or the reported clause (indirect, mixed). A statement that
    /// its attribution splits (`"Q1," she said. "Q2."`) gives its parts joined by a space.
    pub text: String,
    /// The resolved full name of the source, or `None` when no named source is in reach.
    pub speaker: Option<String>,
    /// The speaker's role as given in the article ("Secretary of State").
    pub role: Option<String>,
    /// The country the speaker is affiliated with, when the article says so.
    pub speaker_country: Option<CountryCode>,
    pub kind: QuoteKind,
    /// Byte offsets in the body from the start of the first part to the end of the last.
    pub start: usize,
    pub end: usize,
    /// The pieces of a split statement in reading order, each with its own offsets; empty
    /// when the statement is one piece (then `start..end` is all of it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<QuotePart>,
    /// The cue as written: "said", "denied", "does not believe", "according to". A quote
    /// that continues the previous one's source has its cue; `None` for a dash attribution.
    #[serde(default)]
    pub cue: Option<String>,
    /// The cue is negated ("does not believe", "never said"): the speaker did not assert
    /// `text`, and it must not be read as their statement.
    #[serde(default)]
    pub negated: bool,
    /// Byte offsets of the source phrase ("Secretary of State Marco Rubio", "he") when it is
    /// in the body; for a quote that continues an earlier one's source, that one's phrase.
    #[serde(default)]
    pub speaker_start: Option<usize>,
    #[serde(default)]
    pub speaker_end: Option<usize>,
    /// The text the offsets point into: the body, or the headline (`"in": "title"`; left out
    /// for the body).
    #[serde(default, rename = "in", skip_serializing_if = "Within::is_body")]
    pub within: Within,
}

/// One piece of a statement split by its attribution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuotePart {
    pub text: String,
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
///
/// The body is cut into its text layer once ([`text::Doc`], part by part for a very long
/// one), and each part is handed to the extractors that read it before the next is built, so
/// memory follows the part, not the body.
pub fn enrich(article: &Article) -> Enriched {
    let body = &article.body;
    let mut analysis = quotes::Analysis::default();
    let mut body_words = text::Words::default();
    for part in text::parts(body) {
        let doc = text::Doc::new(&body[part.clone()]);
        analysis.read(&doc, part.start);
        body_words.read(&doc, part.start);
    }
    // Offsets of the title's quotes point into the title as `extract` and `show` give it.
    let headline = article.title.as_deref().map_or("", str::trim);
    if !headline.is_empty() {
        analysis.read_title(headline, body);
    }
    let (blocs, countries) = countries::extract(article, &body_words)
        .into_iter()
        .partition(|m| m.code.is_bloc());
    let tariffs = tariffs::extract(article);
    let orgs = orgs::extract(article);
    let quotes::Analysis {
        attributions,
        people,
        cut,
        title,
    } = analysis;
    let quotes: Vec<Quote> = title
        .into_iter()
        .map(|a| Quote::from_attribution(headline, a, Within::Title))
        .chain(
            attributions
                .into_iter()
                .map(|a| Quote::from_attribution(&article.body, a, Within::Body)),
        )
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

impl Quote {
    /// The quote of an attribution found in `text`, the article's body or headline as
    /// `within` says, its affiliation read as a country.
    fn from_attribution(text: &str, a: quotes::Attribution, within: Within) -> Quote {
        let parts = if a.parts.len() > 1 {
            a.parts
                .iter()
                .map(|r| QuotePart {
                    text: text[r.clone()].to_string(),
                    start: r.start,
                    end: r.end,
                })
                .collect()
        } else {
            Vec::new()
        };
        Quote {
            speaker_country: a.affiliation.as_deref().and_then(countries::lookup_written),
            text: a.text,
            speaker: a.speaker,
            role: a.role,
            kind: a.kind,
            start: a.start,
            end: a.end,
            parts,
            cue: a.cue,
            negated: a.negated,
            speaker_start: a.speaker_span.as_ref().map(|r| r.start),
            speaker_end: a.speaker_span.map(|r| r.end),
            within,
        }
    }

    /// The byte ranges of the quote's pieces in its text (see [`Quote::within`]), in reading
    /// order.
    pub fn spans(&self) -> Vec<std::ops::Range<usize>> {
        if self.parts.is_empty() {
            std::iter::once(self.start..self.end).collect()
        } else {
            self.parts.iter().map(|p| p.start..p.end).collect()
        }
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
