//! Article search: BM25 over title and body (quotes are in the body), filters, facets and snippets.
//!
//! Without query text every article matches (the filters still apply) with the same score,
//! so the order falls to the tie-breaker, the article id. Hits are always ordered the same way
//! for the same index: ties are broken by id.

use jiff::civil::Date;
use tantivy::collector::sort_key::{SortBySimilarityScore, SortByStaticFastValue, SortByString};
use tantivy::collector::{Collector, Count, TopDocs};
use tantivy::query::Query;
use tantivy::snippet::SnippetGenerator;
use tantivy::{DateTime, DocAddress, Order};

use super::facets::{FacetCounter, FacetCounts, Tally};
use super::filters::Filters;
use super::{Engine, Prepared, SearchError, Snippet, dedup_names, query};
use crate::enrich::CountryCode;
use crate::index::schema::{ARTICLE, DATE, Docs, FacetKind, TARIFF_MAX};

/// Characters of body text in a snippet.
const SNIPPET_CHARS: usize = 200;

/// How hits are ordered; ties always fall back to relevance, then id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SortOrder {
    #[default]
    Relevance,
    /// Newest first; undated articles last.
    Date,
    /// Highest stated tariff rate first; articles without one last.
    Tariff,
}

/// An article search.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// tantivy query syntax; `None` or blank matches every article.
    pub query: Option<String>,
    pub filters: Filters,
    pub sort: SortOrder,
    pub limit: usize,
    pub offset: usize,
    /// Facets to count over all hits.
    pub facets: Vec<FacetKind>,
    /// Values shown per facet.
    pub facet_top: usize,
}

/// The result of a search, of articles ([`Hits`]) or of quotes.
#[derive(Debug, Clone)]
pub struct Results<H> {
    pub query: Option<String>,
    /// Documents matching, in all.
    pub total: usize,
    /// The page of hits asked for.
    pub hits: Vec<H>,
    /// Counts over all documents matching.
    pub facets: Vec<FacetCounts>,
    /// How names in the filters resolved, for the user (ambiguous or unknown names).
    pub notes: Vec<String>,
    /// With a date filter: the documents that match everything else but have no date, which
    /// the date filter leaves out. `None` without a date filter.
    pub undated: Option<usize>,
}

/// The result of an article search.
pub type Hits = Results<Hit>;

/// One matching article.
#[derive(Debug, Clone)]
pub struct Hit {
    pub id: String,
    /// The source file's name.
    pub path: String,
    pub title: String,
    pub date: Option<Date>,
    pub score: f32,
    pub snippet: Snippet,
    pub countries: Vec<CountryCode>,
    /// Speakers by person name.
    pub speakers: Vec<String>,
    /// Distinct stated rates, highest first.
    pub tariff_rates: Vec<f64>,
}

impl Engine {
    /// Run an article search.
    pub fn search(&self, request: &SearchRequest) -> Result<Hits, SearchError> {
        let fields = self.handle.fields;
        let Prepared {
            text,
            user,
            full,
            notes,
            everything,
            undated,
            ..
        } = self.prepare(
            request.query.as_deref(),
            &query::article_fields(&fields),
            query::article_field_names(),
            &request.filters,
            Docs::Articles,
        )?;

        let (total, counts, page) = self.collected(
            Docs::Articles,
            everything,
            &request.facets,
            (request.sort, request.offset, request.limit),
            |counter| self.ranked_articles(request, &*full, counter),
        )?;
        let snippets = self.highlighter(user.as_deref(), fields.body, SNIPPET_CHARS)?;
        let mut hits = Vec::with_capacity(page.len());
        for (score, address) in page {
            hits.push(self.article_hit(score, address, snippets.as_ref())?);
        }
        let facets = self.facet_counts(counts, &request.facets, request.facet_top);
        Ok(Hits {
            query: text,
            total,
            hits,
            facets,
            notes,
            undated,
        })
    }

    /// One pass over the articles `full` matches in the request's order: the count, the facet
    /// counts and the page (none when the request asks for counts alone).
    fn ranked_articles(
        &self,
        request: &SearchRequest,
        full: &dyn Query,
        facet_collector: FacetCounter,
    ) -> Result<Collected, SearchError> {
        let limit = request.limit.max(1);
        let top = TopDocs::with_limit(limit).and_offset(request.offset);
        match request.sort {
            // Counts alone (`facets`): no page to rank.
            _ if request.limit == 0 => {
                let (total, counts) = self
                    .searcher
                    .search(full, &(Count, facet_collector))
                    .map_err(|e| self.handle.err(e))?;
                Ok((total, counts, Vec::new()))
            }
            SortOrder::Relevance => self.collect(
                full,
                facet_collector,
                top.order_by((
                    (SortBySimilarityScore, Order::Desc),
                    (SortByString::for_field(ARTICLE), Order::Asc),
                )),
                |(score, _)| *score,
            ),
            SortOrder::Date => self.collect(
                full,
                facet_collector,
                top.order_by((
                    (
                        SortByStaticFastValue::<DateTime>::for_field(DATE),
                        Order::Desc,
                    ),
                    (SortBySimilarityScore, Order::Desc),
                    (SortByString::for_field(ARTICLE), Order::Asc),
                )),
                |(_, score, _)| *score,
            ),
            SortOrder::Tariff => self.collect(
                full,
                facet_collector,
                top.order_by((
                    (
                        SortByStaticFastValue::<f64>::for_field(TARIFF_MAX),
                        Order::Desc,
                    ),
                    (SortBySimilarityScore, Order::Desc),
                    (SortByString::for_field(ARTICLE), Order::Asc),
                )),
                |(_, score, _)| *score,
            ),
        }
    }

    /// The hit of one article document: a snippet around the query's words, or its lead.
    fn article_hit(
        &self,
        score: f32,
        address: DocAddress,
        snippets: Option<&SnippetGenerator>,
    ) -> Result<Hit, SearchError> {
        let stored = self.stored_article(address)?;
        let snippet = snippets
            .as_ref()
            .map(|g| {
                let body = &stored.article.body;
                Snippet::from_tantivy(&g.snippet(body), body).flattened()
            })
            .filter(|s| !s.highlights.is_empty())
            .unwrap_or_else(|| Snippet::lead(&stored.article.body, SNIPPET_CHARS));
        let speakers = stored
            .enriched
            .speakers
            .iter()
            .map(|s| self.speaker_name(s))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Hit {
            title: stored.article.display_title(),
            date: stored.enriched.date,
            countries: stored.enriched.countries.iter().map(|c| c.code).collect(),
            speakers: dedup_names(speakers),
            tariff_rates: stored.tariff_rates(),
            id: stored.article.path,
            path: stored.file,
            score,
            snippet,
        })
    }

    /// One pass: the count, the facet counts and a page of `(score, address)`.
    pub(super) fn collect<K, C>(
        &self,
        query: &dyn Query,
        facets: FacetCounter,
        top: C,
        score_of: impl Fn(&K) -> f32,
    ) -> Result<Collected, SearchError>
    where
        C: Collector<Fruit = Vec<(K, DocAddress)>>,
    {
        let (total, counts, page) = self
            .searcher
            .search(query, &(Count, facets, top))
            .map_err(|e| self.handle.err(e))?;
        let page = page
            .into_iter()
            .map(|(key, address)| (score_of(&key), address))
            .collect();
        Ok((total, counts, page))
    }
}

/// What one search pass gives: the total, the facet counts and a page of `(score, address)`.
pub(super) type Collected = (usize, Tally, Vec<(f32, DocAddress)>);

impl Snippet {
    /// Runs of whitespace (line breaks of wrapped wires) become one space; highlights follow.
    pub(super) fn flattened(self) -> Snippet {
        let mut text = String::with_capacity(self.text.len());
        // Old byte offset to new byte offset, for every char boundary.
        let mut map = vec![0usize; self.text.len() + 1];
        let mut in_space = false;
        for (i, c) in self.text.char_indices() {
            map[i] = text.len();
            if c.is_whitespace() {
                if !in_space {
                    text.push(' ');
                }
                in_space = true;
            } else {
                text.push(c);
                in_space = false;
            }
        }
        map[self.text.len()] = text.len();
        let highlights = self
            .highlights
            .iter()
            .map(|r| map[r.start]..map[r.end])
            .collect();
        Snippet {
            text: text.trim_end().to_string(),
            highlights,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flattening_keeps_highlights_on_their_words() {
        let s = Snippet {
            text: "steel\n   tariffs  rose".into(),
            highlights: vec![9..16, 18..22],
        }
        .flattened();
        assert_eq!(s.text, "steel tariffs rose");
        assert_eq!(&s.text[s.highlights[0].clone()], "tariffs");
        assert_eq!(&s.text[s.highlights[1].clone()], "rose");
    }

    #[test]
    fn lead_cuts_at_a_word() {
        let s = Snippet::lead("one two three four", 9);
        assert_eq!(s.text, "one two…");
        assert_eq!(Snippet::lead("short\ntext", 50).text, "short text");
    }
}
