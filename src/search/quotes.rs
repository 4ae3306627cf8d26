//! Quote search: every extracted quote is its own document, so hits are quotes ranked by
//! BM25 over their own words, filtered by speaker (forgiving names), country of their article,
//! date and kind. With a speaker and no text, the quotes of the person quoted most often among
//! those the name fits come first, each person's newest first: "rubio" means Marco Rubio
//! before the Luis Rubio quoted twice.

use jiff::civil::Date;
use tantivy::DateTime;
use tantivy::DocAddress;
use tantivy::Order;
use tantivy::collector::TopDocs;
use tantivy::collector::sort_key::{SortBySimilarityScore, SortByStaticFastValue, SortByString};
use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, Query};
use tantivy::snippet::SnippetGenerator;

use super::articles::{Collected, Results, SortOrder};
use super::facets::FacetCounter;
use super::filters::Filters;
use super::{Engine, Prepared, SearchError, Snippet};
use crate::enrich::{CountryCode, QuoteKind, Within};
use crate::index::record::StoredQuote;
use crate::index::schema::{ARTICLE, DATE, Docs, FacetKind, QUOTE, QUOTE_FACETS, QUOTE_POS};

/// A quote search.
#[derive(Debug, Clone, Default)]
pub struct QuoteRequest {
    /// Words or phrases to find in the quote text (tantivy syntax); `None` lists every quote.
    pub text: Option<String>,
    /// Speakers, countries, dates and kind apply; the other filters have no meaning for quotes.
    pub filters: Filters,
    /// Relevance or date.
    pub sort: SortOrder,
    pub limit: usize,
    pub offset: usize,
    /// Values shown per facet.
    pub facet_top: usize,
}

/// The result of a quote search; its facets are speaker, country, speaker country, kind and
/// year.
pub type QuoteHits = Results<QuoteHit>;

/// One matching quote.
#[derive(Debug, Clone)]
pub struct QuoteHit {
    /// The whole quote, with the matched words highlighted.
    pub text: Snippet,
    /// The speaker's person name (see `names`).
    pub speaker: Option<String>,
    pub role: Option<String>,
    pub speaker_country: Option<CountryCode>,
    pub kind: QuoteKind,
    /// The cue as written ("said", "does not believe").
    pub cue: Option<String>,
    /// The cue is negated: the speaker did not assert the words.
    pub negated: bool,
    /// Where the quote starts in its article's body (or title, as `within` says), in bytes.
    pub start: usize,
    pub within: Within,
    pub article_id: String,
    pub title: String,
    pub date: Option<Date>,
    pub score: f32,
}

impl Engine {
    /// Run a quote search.
    pub fn quotes(&self, request: &QuoteRequest) -> Result<QuoteHits, SearchError> {
        let fields = self.handle.fields;
        let Prepared {
            text,
            user,
            full,
            notes,
            everything,
            speakers,
            undated,
        } = self.prepare(
            request.text.as_deref(),
            &[(fields.quote, 1.0)],
            &[QUOTE],
            &request.filters,
            Docs::Quotes,
        )?;

        let (total, counts, page) = self.collected(
            Docs::Quotes,
            everything,
            QUOTE_FACETS,
            (request.sort, request.offset, request.limit),
            |counter| self.ranked_quotes(request, user.as_deref(), &*full, &speakers, counter),
        )?;
        let page = if request.limit == 0 { Vec::new() } else { page };

        // The whole quote is shown, so the fragment may be as long as any quote.
        let highlighter = self.highlighter(user.as_deref(), fields.quote, usize::MAX / 2)?;
        let mut hits = Vec::with_capacity(page.len());
        for (score, address) in page {
            hits.push(self.quote_hit(score, address, highlighter.as_ref())?);
        }
        let facets = self.facet_counts(counts, QUOTE_FACETS, request.facet_top);
        Ok(Results {
            query: text,
            total,
            hits,
            facets,
            notes,
            undated,
        })
    }

    /// One pass over the quotes `full` matches in the request's order: the count, the facet
    /// counts and the page. With a speaker and no text, relevance is how often each person the
    /// name fits is quoted.
    fn ranked_quotes(
        &self,
        request: &QuoteRequest,
        user: Option<&dyn Query>,
        full: &dyn Query,
        speakers: &[Vec<String>],
        facet_collector: FacetCounter,
    ) -> Result<Collected, SearchError> {
        let top = TopDocs::with_limit(request.limit.max(1)).and_offset(request.offset);
        let by_speaker = match (user, request.sort) {
            (None, SortOrder::Relevance) if !speakers.is_empty() => {
                Some(self.ranked_by_speaker(full, speakers)?)
            }
            _ => None,
        };
        match (request.sort, by_speaker) {
            (SortOrder::Relevance, Some(ranked)) => self.collect(
                &*ranked,
                facet_collector,
                top.order_by((
                    (SortBySimilarityScore, Order::Desc),
                    (
                        SortByStaticFastValue::<DateTime>::for_field(DATE),
                        Order::Desc,
                    ),
                    (SortByString::for_field(ARTICLE), Order::Asc),
                    (
                        SortByStaticFastValue::<u64>::for_field(QUOTE_POS),
                        Order::Asc,
                    ),
                )),
                |(score, _, _, _)| *score,
            ),
            (SortOrder::Relevance, None) => self.collect(
                full,
                facet_collector,
                top.order_by((
                    (SortBySimilarityScore, Order::Desc),
                    (SortByString::for_field(ARTICLE), Order::Asc),
                    (
                        SortByStaticFastValue::<u64>::for_field(QUOTE_POS),
                        Order::Asc,
                    ),
                )),
                |(score, _, _)| *score,
            ),
            (SortOrder::Date, _) => self.collect(
                full,
                facet_collector,
                top.order_by((
                    (
                        SortByStaticFastValue::<DateTime>::for_field(DATE),
                        Order::Desc,
                    ),
                    (SortBySimilarityScore, Order::Desc),
                    (SortByString::for_field(ARTICLE), Order::Asc),
                    (
                        SortByStaticFastValue::<u64>::for_field(QUOTE_POS),
                        Order::Asc,
                    ),
                )),
                |(_, score, _, _)| *score,
            ),
            (SortOrder::Tariff, _) => Err(SearchError::BadSort("tariff")),
        }
    }

    /// The hit of one quote document, its words highlighted when there is query text.
    fn quote_hit(
        &self,
        score: f32,
        address: DocAddress,
        highlighter: Option<&SnippetGenerator>,
    ) -> Result<QuoteHit, SearchError> {
        let stored: StoredQuote = self.stored(address)?;
        let quote = stored.quote;
        let highlights = highlighter
            .as_ref()
            .map(|g| {
                let snippet = g.snippet(&quote.text);
                let shift = snippet.fragment_range().start;
                snippet
                    .highlighted()
                    .iter()
                    .map(|r| r.start + shift..r.end + shift)
                    .collect()
            })
            .unwrap_or_default();
        Ok(QuoteHit {
            speaker: quote
                .speaker
                .as_deref()
                .map(|s| self.speaker_name(s))
                .transpose()?,
            text: Snippet {
                text: quote.text,
                highlights,
            }
            .flattened(),
            role: quote.role,
            speaker_country: quote.speaker_country,
            kind: quote.kind,
            cue: quote.cue,
            negated: quote.negated,
            start: quote.start,
            within: quote.within,
            article_id: stored.article_id,
            title: stored.title,
            date: stored.date,
            score,
        })
    }
}

impl Engine {
    /// `full` scored by how many of its quotes each person has: every quote of a person
    /// scores their count, so sorting by score puts the most quoted person first.
    fn ranked_by_speaker(
        &self,
        full: &dyn Query,
        people: &[Vec<String>],
    ) -> Result<Box<dyn Query>, SearchError> {
        let per_form: std::collections::HashMap<String, u64> = self
            .values_in(Docs::Quotes, FacetKind::Speaker, full, false)?
            .into_iter()
            .collect();
        let rank: Vec<(Occur, Box<dyn Query>)> = people
            .iter()
            .map(|forms| {
                let count: u64 = forms.iter().filter_map(|f| per_form.get(f)).sum();
                let of_person = self.any_facet(
                    Docs::Quotes,
                    FacetKind::Speaker,
                    forms.iter().map(String::as_str),
                );
                let scored: Box<dyn Query> =
                    Box::new(ConstScoreQuery::new(of_person, count as f32));
                (Occur::Should, scored)
            })
            .collect();
        Ok(Box::new(BooleanQuery::new(vec![
            (Occur::Must, full.box_clone()),
            (Occur::Must, Box::new(BooleanQuery::new(rank))),
        ])))
    }
}
