//! What one article turns into in the index: an article document, one document per quote, and
//! the JSON records they store. Records are read back by `show`, `search` and `quotes`, so they
//! are typed here once and (de)serialised with serde.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use tantivy::schema::Value;
use tantivy::{DateTime, TantivyDocument};

use super::IndexError;
use super::schema::{ARTICLE_DOC, Docs, FacetKind, Fields, QUOTE_DOC, tariff_band};
use crate::corpus::Article;
use crate::enrich::{CountryCode, Enriched, Quote};

/// An article as stored: the article as read, the name of the file it came from, and every
/// extracted field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredArticle {
    /// The source file's name (the article id without any `#record` part).
    pub file: String,
    pub article: Article,
    pub enriched: Enriched,
}

/// A quote as stored: the quote and the article facts shown beside it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredQuote {
    pub article_id: String,
    pub title: String,
    pub date: Option<Date>,
    /// The countries its article mentions.
    pub countries: Vec<CountryCode>,
    pub quote: Quote,
}

impl StoredArticle {
    /// The distinct tariff rates, highest first.
    pub fn tariff_rates(&self) -> Vec<f64> {
        let mut rates: Vec<f64> = Vec::new();
        for t in &self.enriched.tariffs {
            if t.rate.0.is_finite() && !rates.contains(&t.rate.0) {
                rates.push(t.rate.0);
            }
        }
        rates.sort_by(|a, b| b.total_cmp(a));
        rates
    }

    /// The article document and its quote documents.
    pub fn documents(self, fields: &Fields) -> Result<Vec<TantivyDocument>, IndexError> {
        let mut all = Vec::new();
        self.documents_in_batches(fields, usize::MAX, &mut |docs, _| {
            all.extend(docs);
            true
        })?;
        Ok(all)
    }

    /// The article document, then its quote documents, handed to `emit` at most `batch` at a
    /// time with whether they are the last; `emit` returns false to stop. An article with
    /// hundreds of thousands of quotes is then never held as documents all at once. The body
    /// goes to its own stored field and not into the record, and is dropped as soon as the
    /// document holds it: an article of hundreds of megabytes is held about twice, not four
    /// times. On an error some batches may have been handed over already.
    pub fn documents_in_batches(
        mut self,
        fields: &Fields,
        batch: usize,
        emit: &mut dyn FnMut(Vec<TantivyDocument>, bool) -> bool,
    ) -> Result<(), IndexError> {
        let title = self.article.display_title();
        let body = std::mem::take(&mut self.article.body);
        let quoted: usize = self.enriched.quotes.iter().map(|q| q.text.len()).sum();
        let record = to_json(&self.article.path, &self, quoted)?;
        let article = &self.article;
        let enriched = &self.enriched;
        let mut doc = TantivyDocument::new();
        doc.add_text(fields.doc_type, ARTICLE_DOC);
        doc.add_text(fields.article, &article.path);
        doc.add_text(fields.file, &self.file);
        if let Some(title) = &article.title {
            doc.add_text(fields.title, title);
        }
        doc.add_text(fields.body, &body);
        drop(body);
        let mut facets = Vec::new();
        facets.extend(
            enriched
                .countries
                .iter()
                .chain(&enriched.blocs)
                .map(|c| FacetKind::Country.facet(c.code.as_str())),
        );
        facets.extend(
            enriched
                .speakers
                .iter()
                .map(|s| FacetKind::Speaker.facet(s)),
        );
        facets.extend(
            enriched
                .people
                .iter()
                .map(|p| FacetKind::Person.facet(&p.name)),
        );
        facets.extend(enriched.orgs.iter().map(|o| FacetKind::Org.facet(o)));
        if let Some(source) = &article.source {
            facets.push(FacetKind::Source.facet(source));
        }
        if let Some(date) = enriched.date {
            facets.push(FacetKind::Year.facet(&date.year().to_string()));
            doc.add_date(fields.date, to_datetime(date));
        }
        let rates = self.tariff_rates();
        for &rate in &rates {
            doc.add_f64(fields.tariff, rate);
            facets.push(FacetKind::Tariff.facet(tariff_band(rate)));
        }
        if let Some(&max) = rates.first() {
            doc.add_f64(fields.tariff_max, max);
        }
        for t in &enriched.tariffs {
            facets.extend(t.imposer.map(|c| FacetKind::Imposer.facet(c.as_str())));
            facets.extend(t.target.map(|c| FacetKind::Target.facet(c.as_str())));
        }
        add_facets(&mut doc, fields, Docs::Articles, facets);
        doc.add_text(fields.record, record);

        let batch = batch.max(1);
        let mut docs = Vec::with_capacity(batch.min(1 + enriched.quotes.len()));
        docs.push(doc);
        let countries: Vec<CountryCode> = enriched
            .countries
            .iter()
            .chain(&enriched.blocs)
            .map(|c| c.code)
            .collect();
        for quote in &enriched.quotes {
            if docs.len() >= batch && !emit(std::mem::take(&mut docs), false) {
                return Ok(());
            }
            let record = QuoteRecord {
                article_id: &article.path,
                title: &title,
                date: enriched.date,
                countries: &countries,
                quote,
            };
            docs.push(record.document(fields, &self.file)?);
        }
        emit(docs, true);
        Ok(())
    }
}

impl StoredArticle {
    /// Read an article document back: its record, and the body from the body field.
    pub fn from_document(doc: &TantivyDocument, fields: &Fields) -> Result<Self, IndexError> {
        let mut stored: StoredArticle = from_document(doc, fields)?;
        stored.article.body = doc
            .get_first(fields.body)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string();
        Ok(stored)
    }
}

/// A [`StoredQuote`] as written: the same record, borrowed from its article rather than
/// copied once a quote.
#[derive(Serialize)]
struct QuoteRecord<'a> {
    article_id: &'a str,
    title: &'a str,
    date: Option<Date>,
    countries: &'a [CountryCode],
    quote: &'a Quote,
}

impl QuoteRecord<'_> {
    fn document(&self, fields: &Fields, file: &str) -> Result<TantivyDocument, IndexError> {
        let q = self.quote;
        let mut doc = TantivyDocument::new();
        doc.add_text(fields.doc_type, QUOTE_DOC);
        doc.add_text(fields.article, self.article_id);
        doc.add_text(fields.file, file);
        doc.add_text(fields.quote, &q.text);
        doc.add_u64(fields.quote_pos, q.start as u64);
        let mut facets = vec![FacetKind::Kind.facet(kind_name(q.kind))];
        facets.extend(q.speaker.as_deref().map(|s| FacetKind::Speaker.facet(s)));
        facets.extend(
            q.speaker_country
                .map(|c| FacetKind::SpeakerCountry.facet(c.as_str())),
        );
        facets.extend(
            self.countries
                .iter()
                .map(|c| FacetKind::Country.facet(c.as_str())),
        );
        if let Some(date) = self.date {
            facets.push(FacetKind::Year.facet(&date.year().to_string()));
            doc.add_date(fields.date, to_datetime(date));
        }
        add_facets(&mut doc, fields, Docs::Quotes, facets);
        doc.add_text(
            fields.record,
            to_json(self.article_id, self, self.quote.text.len())?,
        );
        Ok(doc)
    }
}

/// The lower-case name of a quote kind, as facets and the command line spell it.
pub fn kind_name(kind: crate::enrich::QuoteKind) -> &'static str {
    match kind {
        crate::enrich::QuoteKind::Direct => "direct",
        crate::enrich::QuoteKind::Indirect => "indirect",
        crate::enrich::QuoteKind::Mixed => "mixed",
    }
}

/// Add facets once each: a country named by two tariffs is one facet value of the article.
fn add_facets(
    doc: &mut TantivyDocument,
    fields: &Fields,
    docs: Docs,
    mut facets: Vec<tantivy::schema::Facet>,
) {
    facets.sort();
    facets.dedup();
    for facet in facets {
        if let Some(kind) = FacetKind::of(&facet) {
            doc.add_facet(fields.facet(docs, kind), facet);
        }
    }
}

/// A civil date as the index stores it: midnight UTC.
pub fn to_datetime(date: Date) -> DateTime {
    let days = date
        .since(Date::constant(1970, 1, 1))
        .map_or(0, |span| i64::from(span.get_days()));
    DateTime::from_timestamp_secs(days * 86_400)
}

/// `value` as JSON; `text_bytes` is how much text it holds, to size the buffer once.
fn to_json<T: Serialize>(id: &str, value: &T, text_bytes: usize) -> Result<String, IndexError> {
    let mut json = Vec::with_capacity(text_bytes + 512);
    serde_json::to_writer(&mut json, value).map_err(|source| IndexError::Record {
        id: id.to_string(),
        source,
    })?;
    // serde_json writes UTF-8 only.
    String::from_utf8(json).map_err(|e| IndexError::Record {
        id: id.to_string(),
        source: serde::ser::Error::custom(e),
    })
}

/// Parse the stored record of a document.
pub fn from_document<T: for<'de> Deserialize<'de>>(
    doc: &TantivyDocument,
    fields: &Fields,
) -> Result<T, IndexError> {
    let json = doc
        .get_first(fields.record)
        .and_then(|v| v.as_str())
        .unwrap_or("");
    serde_json::from_str(json).map_err(|source| IndexError::Record {
        id: doc
            .get_first(fields.article)
            .and_then(|v| v.as_str())
            .unwrap_or("?")
            .to_string(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::{CountryMention, QuoteKind, QuotePart, Tariff, TariffRate};

    #[test]
    fn dates_are_midnight_utc() {
        assert_eq!(
            to_datetime(Date::constant(1970, 1, 2)).into_timestamp_secs(),
            86_400
        );
        assert_eq!(
            to_datetime(Date::constant(2018, 7, 6)).into_timestamp_secs(),
            1_530_835_200
        );
        assert_eq!(
            to_datetime(Date::constant(1969, 12, 31)).into_timestamp_secs(),
            -86_400
        );
    }

    #[test]
    fn one_article_document_and_one_per_quote() {
        let (_, fields) = super::super::schema::build();
        let quote = Quote {
            text: "we will not back down".into(),
            speaker: Some("Ana Ruiz".into()),
            role: None,
            speaker_country: CountryCode::parse("MX").ok(),
            kind: QuoteKind::Direct,
            start: 10,
            end: 44,
            parts: vec![
                QuotePart {
                    text: "we will not".into(),
                    start: 10,
                    end: 21,
                },
                QuotePart {
                    text: "back down".into(),
                    start: 35,
                    end: 44,
                },
            ],
            cue: Some("said".into()),
            negated: false,
            speaker_start: Some(23),
            speaker_end: Some(31),
            within: crate::enrich::Within::Body,
        };
        let rate = |r| Tariff {
            rate: TariffRate(r),
            imposer: CountryCode::parse("US").ok(),
            target: CountryCode::parse("MX").ok(),
            product: None,
            text: String::new(),
        };
        let stored = StoredArticle {
            file: "a.txt".into(),
            article: Article {
                path: "a.txt".into(),
                body: "x".into(),
                ..Article::default()
            },
            enriched: Enriched {
                quotes: vec![quote.clone(), quote],
                speakers: vec!["Ana Ruiz".into()],
                countries: vec![CountryMention {
                    code: CountryCode::parse("MX").unwrap(),
                    mentions: 2,
                }],
                tariffs: vec![rate(25.0), rate(10.0), rate(25.0)],
                ..Enriched::default()
            },
        };
        assert_eq!(stored.tariff_rates(), [25.0, 10.0]);
        let docs = stored.clone().documents(&fields).unwrap();
        assert_eq!(docs.len(), 3);
        let mut facets: Vec<String> = fields.facets[Docs::Articles as usize]
            .iter()
            .flat_map(|&field| docs[0].get_all(field))
            .filter_map(|v| v.as_facet())
            .filter_map(|f| tantivy::schema::Facet::from_encoded(f.as_bytes().to_vec()).ok())
            .map(|f| f.to_path_string())
            .collect();
        facets.sort();
        assert_eq!(
            facets,
            [
                "/country/MX",
                "/imposer/US",
                "/speaker/Ana Ruiz",
                "/target/MX",
                "/tariff/10-25",
                "/tariff/25-50",
            ]
        );
        let back = StoredArticle::from_document(&docs[0], &fields).unwrap();
        assert_eq!(back, stored);
        // The body is stored once, in its field, not in the record.
        let record = docs[0].get_first(fields.record).and_then(|v| v.as_str());
        assert!(
            record.is_some_and(|r| r.contains("\"body\":\"\"")),
            "{record:?}"
        );
        let q: StoredQuote = from_document(&docs[1], &fields).unwrap();
        assert_eq!(q.article_id, "a.txt");
        assert_eq!(q.countries, [CountryCode::parse("MX").unwrap()]);
    }
}
