//! Stage 5: requests to results. Takes a [`SearchRequest`], [`QuoteRequest`] or
//! [`SpeakerRequest`] and gives [`Hits`], [`QuoteHits`] or a list of [`Speaker`]s, read from
//! one commit of the index.
//!
//! - [`query`]: the user's query text to a tantivy query, with located syntax errors;
//! - [`filters`]: typed filters (countries, names, rates, dates) to query clauses;
//! - [`names`]: forgiving speaker and person names, one name per person across articles;
//! - [`facets`]: facet counts over a whole result set;
//! - [`articles`], [`quotes`], [`speakers`]: the three kinds of search;
//! - [`request`]: the same requests as plain values, which every front end (the command line,
//!   the web server) fills in and turns into the typed requests here.
//!
//! Every article search is restricted to article documents and every quote search to quote
//! documents (see `index::schema`), so the two never count each other.

pub mod articles;
pub mod facets;
pub mod filters;
pub mod kinds;
pub mod names;
pub mod query;
pub mod quotes;
pub mod request;
pub mod speakers;

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, ConstScoreQuery, EmptyQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::snippet::SnippetGenerator;
use tantivy::{IndexReader, Searcher, TantivyDocument, Term};

pub use articles::{Hit, Hits, Results, SearchRequest, SortOrder};
pub use facets::{FacetCounts, FacetValue};
pub use filters::{DateRange, Filters, RateRange, parse_country};
pub use kinds::NameKind;
pub use quotes::{QuoteHit, QuoteHits, QuoteRequest};
pub use speakers::{Speaker, SpeakerList, SpeakerRequest};

use crate::index::record::{StoredArticle, from_document};
use crate::index::schema::{Docs, FacetKind};
use crate::index::{IndexError, IndexHandle};

/// Why a search could not run. Every message fits on one line.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("bad query{}: {reason}: {query}", at.map(|a| format!(" at character {a}")).unwrap_or_default())]
    BadQuery {
        query: String,
        /// 1-based character position where the query broke, when known.
        at: Option<usize>,
        reason: String,
    },
    #[error("{flag}: unknown country `{value}` (give a name, an adjective or a two-letter code)")]
    UnknownCountry { flag: &'static str, value: String },
    #[error("{flag}: `{value}` is not a date (write 2018, 2018-07 or 2018-07-06)")]
    BadDate { flag: &'static str, value: String },
    #[error("--since {since} is after --until {until}")]
    DateOrder { since: String, until: String },
    #[error("{flag}: `{value}` is not a rate in percent (write 25 or 7.5)")]
    BadRate { flag: &'static str, value: String },
    #[error("--tariff-min {min} is above --tariff-max {max}")]
    RateOrder { min: f64, max: f64 },
    #[error("unknown facet `{name}` (choose from {known})")]
    UnknownFacet { name: String, known: String },
    #[error("--sort {0} is not available here (use relevance or date)")]
    BadSort(&'static str),
    #[error(transparent)]
    Index(#[from] IndexError),
}

/// A highlighted extract: the text and the byte ranges of it to emphasise.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<Range<usize>>,
}

impl Snippet {
    /// A tantivy snippet of `source`, with an ellipsis where it cuts the source short.
    fn from_tantivy(snippet: &tantivy::snippet::Snippet, source: &str) -> Snippet {
        let range = snippet.fragment_range();
        let before = if source[..range.start.min(source.len())].trim().is_empty() {
            ""
        } else {
            "… "
        };
        let after = if source
            .get(range.end..)
            .is_none_or(|rest| rest.trim().is_empty())
        {
            ""
        } else {
            " …"
        };
        Snippet {
            text: format!("{before}{}{after}", snippet.fragment()),
            highlights: snippet
                .highlighted()
                .iter()
                .map(|r| r.start + before.len()..r.end + before.len())
                .collect(),
        }
    }

    /// The start of `text` up to about `max` characters, cut at a word boundary.
    fn lead(text: &str, max: usize) -> Snippet {
        let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if flat.chars().count() <= max {
            return Snippet {
                text: flat,
                highlights: Vec::new(),
            };
        }
        let cut = flat.char_indices().nth(max).map_or(flat.len(), |(i, _)| i);
        let end = flat[..cut].rfind(' ').unwrap_or(cut);
        Snippet {
            text: format!("{}…", &flat[..end]),
            highlights: Vec::new(),
        }
    }
}

/// One commit of an index, open for searching.
pub struct Engine {
    handle: IndexHandle,
    _reader: IndexReader,
    searcher: Searcher,
    directories: [OnceLock<names::Directory>; 2],
    /// By [`Docs`] and [`FacetKind::index`]: every value of the kind, numbered (built on
    /// first use).
    value_tables: [[OnceLock<Arc<facets::ValueTable>>; FacetKind::ALL.len()]; 2],
    /// By [`Docs`]: speakers and people numbered by person (built on first use).
    person_tables: [[OnceLock<Arc<facets::ValueTable>>; 2]; 2],
    /// The speaker directory's entries worked out so far.
    speaker_cache: speakers::SpeakerCache,
    /// Facet counts over every document of a kind, by kind (see [`Engine::everything_counts`]).
    everything_counts: Mutex<HashMap<(Docs, FacetKind), facets::Tally>>,
    /// [`Engine::values_in`] over every document of a kind, by kind.
    everything_values: Mutex<HashMap<(Docs, FacetKind), Values>>,
    /// Pages of hits over every document of a kind (see [`Engine::kept_page`]).
    everything_pages: Mutex<HashMap<PageKey, Page>>,
}

/// Facet values with their counts.
type Values = Vec<(String, u64)>;

/// A total and a page of `(score, address)` hits.
type Page = (usize, Vec<(f32, tantivy::DocAddress)>);

/// A page of a search with no text and no filter: of what, in which order, offset and limit.
type PageKey = (Docs, SortOrder, usize, usize);

/// How many such pages an engine keeps; the first pages are the ones asked for again.
const KEPT_PAGES: usize = 64;

/// A lock that a panic elsewhere does not poison: the caches behind it only ever gain whole
/// entries.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

impl Engine {
    /// Open the index in `dir` at its last commit.
    pub fn open(dir: &Path) -> Result<Engine, SearchError> {
        Engine::from_handle(IndexHandle::open(dir)?)
    }

    pub fn from_handle(mut handle: IndexHandle) -> Result<Engine, SearchError> {
        // Segments are searched side by side, one thread a core: on a large index most of a
        // query's time is collecting and counting its hits, segment by segment.
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        if threads > 1 {
            handle
                .index
                .set_multithread_executor(threads)
                .map_err(|e| handle.err(e))?;
        }
        let reader = handle.reader()?;
        let searcher = reader.searcher();
        Ok(Engine {
            handle,
            _reader: reader,
            searcher,
            directories: Default::default(),
            value_tables: Default::default(),
            person_tables: Default::default(),
            speaker_cache: Default::default(),
            everything_counts: Default::default(),
            everything_values: Default::default(),
            everything_pages: Default::default(),
        })
    }

    /// The stored article with this id.
    pub fn article(&self, id: &str) -> Result<Option<StoredArticle>, SearchError> {
        let fields = &self.handle.fields;
        let query = TermQuery::new(
            Term::from_field_text(fields.article, id),
            IndexRecordOption::Basic,
        );
        let query = tantivy::query::BooleanQuery::intersection(vec![
            Box::new(query),
            self.doc_type(Docs::Articles),
        ]);
        let top = self
            .searcher
            .search(&query, &TopDocs::with_limit(1).order_by_score())
            .map_err(|e| self.handle.err(e))?;
        match top.first() {
            Some((_, address)) => Ok(Some(self.stored_article(*address)?)),
            None => Ok(None),
        }
    }

    /// The article ids that end with `suffix` where a part of the id ends (after `#` or `/`),
    /// sorted: `13790` finds `reuters21578/reuters21578.jsonl#13790` but not `#113790`.
    pub fn ids_ending_with(&self, suffix: &str) -> Result<Vec<String>, SearchError> {
        let suffix = suffix.trim();
        let mut ids = std::collections::BTreeSet::new();
        if suffix.is_empty() {
            return Ok(Vec::new());
        }
        let read = |segment: &tantivy::SegmentReader,
                    ids: &mut std::collections::BTreeSet<String>|
         -> tantivy::Result<()> {
            let inverted = segment.inverted_index(self.handle.fields.article)?;
            let mut terms = inverted.terms().stream()?;
            while terms.advance() {
                let Ok(id) = std::str::from_utf8(terms.key()) else {
                    continue;
                };
                if let Some(head) = id.strip_suffix(suffix)
                    && (head.is_empty() || head.ends_with(['#', '/']))
                {
                    ids.insert(id.to_string());
                }
            }
            Ok(())
        };
        for segment in self.searcher.segment_readers() {
            read(segment, &mut ids).map_err(|e| self.handle.err(e))?;
        }
        Ok(ids.into_iter().collect())
    }

    /// The speakers (or people) of the index, grouped by person.
    pub fn directory(&self, kind: FacetKind) -> Result<&names::Directory, SearchError> {
        let slot = match kind {
            FacetKind::Person => &self.directories[1],
            _ => &self.directories[0],
        };
        if let Some(directory) = slot.get() {
            return Ok(directory);
        }
        let values = self.values(kind)?;
        Ok(slot.get_or_init(|| names::Directory::build(values)))
    }

    /// Every value of a facet kind over all articles, with its article count.
    pub fn values(&self, kind: FacetKind) -> Result<Vec<(String, u64)>, SearchError> {
        self.values_in(Docs::Articles, kind, &*self.doc_type(Docs::Articles), true)
    }

    /// The distinct values of a facet kind anywhere in the index, in order, read from the
    /// facet dictionaries alone (no document is visited): what a filter by name is matched
    /// against.
    pub fn value_names(&self, docs: Docs, kind: FacetKind) -> Result<Vec<String>, SearchError> {
        let mut names = self.value_table(docs, kind)?.labels().to_vec();
        names.sort_unstable();
        Ok(names)
    }

    /// Every value of a facet kind over the documents `query` matches, with counts;
    /// `everything` when the query matches every document of `docs`, whose counts are kept
    /// for the commit.
    fn values_in(
        &self,
        docs: Docs,
        kind: FacetKind,
        query: &dyn Query,
        everything: bool,
    ) -> Result<Vec<(String, u64)>, SearchError> {
        if everything && let Some(values) = lock(&self.everything_values).get(&(docs, kind)) {
            return Ok(values.clone());
        }
        let counter = facets::FacetCounter::new(docs, vec![(kind, self.value_table(docs, kind)?)])
            .over_everything(everything);
        let values = self
            .searcher
            .search(query, &counter)
            .map_err(|e| self.handle.err(e))?
            .take(kind);
        if everything {
            lock(&self.everything_values).insert((docs, kind), values.clone());
        }
        Ok(values)
    }

    /// One search pass: the total, the facet counts of `kinds` and the page, from `rank` given
    /// a facet counter. A search over every document of `docs` (`everything`: no text, no
    /// filter) takes its page and counts from what the engine keeps for the commit
    /// ([`Engine::kept_page`], [`Engine::everything_counts`]), ranking only a page not kept yet.
    fn collected(
        &self,
        docs: Docs,
        everything: bool,
        kinds: &[FacetKind],
        (sort, offset, limit): (SortOrder, usize, usize),
        rank: impl FnOnce(facets::FacetCounter) -> Result<articles::Collected, SearchError>,
    ) -> Result<articles::Collected, SearchError> {
        if !everything {
            return rank(self.facet_counter(docs, kinds)?);
        }
        let key = (docs, sort, offset, limit);
        let (total, page) = match self.kept_page(key) {
            Some(kept) => kept,
            None => {
                let (total, _, page) = rank(self.facet_counter(docs, &[])?)?;
                self.keep_page(key, total, &page);
                (total, page)
            }
        };
        Ok((total, self.everything_counts(docs, kinds)?, page))
    }

    /// A page of a search with no text and no filter, with the total, if kept: ranking every
    /// article or quote of the index for the page the search and quote pages open on would
    /// cost a pass over all of them on each request, for a page that cannot change before the
    /// next commit.
    fn kept_page(&self, key: PageKey) -> Option<Page> {
        lock(&self.everything_pages).get(&key).cloned()
    }

    /// Keep a page for [`Engine::kept_page`]; when full, the pages kept so far are dropped.
    fn keep_page(&self, key: PageKey, total: usize, page: &[(f32, tantivy::DocAddress)]) {
        let mut pages = lock(&self.everything_pages);
        if pages.len() >= KEPT_PAGES {
            pages.clear();
        }
        pages.insert(key, (total, page.to_vec()));
    }

    /// Facet counts of `kinds` over every document of `docs`. They cannot change before the
    /// next commit (an engine is one commit), so each kind is counted once and kept: the
    /// pages that open on the whole index (the search page's sidebar, the facet tables, the
    /// speaker directory) do not count the whole index on every request.
    fn everything_counts(
        &self,
        docs: Docs,
        kinds: &[FacetKind],
    ) -> Result<facets::Tally, SearchError> {
        let mut tallies = Vec::new();
        let mut missing = Vec::new();
        {
            let cache = lock(&self.everything_counts);
            for &kind in kinds {
                match cache.get(&(docs, kind)) {
                    Some(tally) => tallies.push(tally.clone()),
                    None => missing.push(kind),
                }
            }
        }
        if !missing.is_empty() {
            let counter = self.facet_counter(docs, &missing)?.over_everything(true);
            let counts = self
                .searcher
                .search(&*self.doc_type(docs), &counter)
                .map_err(|e| self.handle.err(e))?;
            let mut cache = lock(&self.everything_counts);
            for (kind, tally) in counts.split() {
                cache.insert((docs, kind), tally.clone());
                tallies.push(tally);
            }
        }
        Ok(facets::Tally::join(tallies))
    }

    /// Documents with this facet value.
    fn facet_query(&self, docs: Docs, kind: FacetKind, value: &str) -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_facet(self.handle.fields.facet(docs, kind), &kind.facet(value)),
            IndexRecordOption::Basic,
        ))
    }

    /// Documents with any of these facet values; nothing when there are none.
    fn any_facet<'a>(
        &self,
        docs: Docs,
        kind: FacetKind,
        values: impl IntoIterator<Item = &'a str>,
    ) -> Box<dyn Query> {
        let mut queries: Vec<Box<dyn Query>> = values
            .into_iter()
            .map(|v| self.facet_query(docs, kind, v))
            .collect();
        match queries.len() {
            0 => Box::new(EmptyQuery),
            1 => queries.remove(0),
            _ => Box::new(BooleanQuery::new(
                queries.into_iter().map(|q| (Occur::Should, q)).collect(),
            )),
        }
    }

    fn doc_type(&self, docs: Docs) -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(self.handle.fields.doc_type, docs.doc_type()),
            IndexRecordOption::Basic,
        ))
    }

    fn stored<T: for<'de> serde::Deserialize<'de>>(
        &self,
        address: tantivy::DocAddress,
    ) -> Result<T, SearchError> {
        let doc: TantivyDocument = self.searcher.doc(address).map_err(|e| self.handle.err(e))?;
        Ok(from_document(&doc, &self.handle.fields)?)
    }

    /// An article document read back, body included (see [`StoredArticle::from_document`]).
    fn stored_article(&self, address: tantivy::DocAddress) -> Result<StoredArticle, SearchError> {
        let doc: TantivyDocument = self.searcher.doc(address).map_err(|e| self.handle.err(e))?;
        Ok(StoredArticle::from_document(&doc, &self.handle.fields)?)
    }

    /// The name to show for a speaker form: its person's name.
    fn speaker_name(&self, form: &str) -> Result<String, SearchError> {
        Ok(self
            .directory(FacetKind::Speaker)?
            .group_of(form)
            .map_or_else(|| form.to_string(), |g| g.name.clone()))
    }
}
// A search ready to run: the user's text, its parsed query (which scores), and the full
/// query (it and the filters, which only narrow), with notes on how names resolved.
pub(crate) struct Prepared {
    pub text: Option<String>,
    pub user: Option<Box<dyn Query>>,
    pub full: Box<dyn Query>,
    pub notes: Vec<String>,
    /// Whether `full` matches every document searched (no text, no filter).
    pub everything: bool,
    /// The forms of each person the speaker filters resolved to.
    pub speakers: Vec<Vec<String>>,
    /// With a date filter: how many documents it leaves out for having no date (see
    /// `undated`).
    pub undated: Option<usize>,
}

impl Engine {
    /// Parse the text over `fields` and join it with the filters and the document type.
    /// Without text every document of the type matches with score 1. With a date filter,
    /// also count the documents it leaves out for having no date.
    fn prepare(
        &self,
        text: Option<&str>,
        fields: &[(tantivy::schema::Field, f32)],
        allowed: &[&str],
        filters: &Filters,
        docs: Docs,
    ) -> Result<Prepared, SearchError> {
        let text = text.filter(|q| !q.trim().is_empty());
        let user = text
            .map(|q| query::parse(&self.handle.index, fields, allowed, q))
            .transpose()?;
        let clauses = self.filter_clauses(filters, docs)?;
        let everything = user.is_none() && clauses.queries.is_empty();
        let mut must = clauses.queries;
        must.push(self.doc_type(docs));
        let filter: Box<dyn Query> = Box::new(BooleanQuery::intersection(must));
        let full: Box<dyn Query> = match &user {
            Some(user) => Box::new(BooleanQuery::new(vec![
                (Occur::Must, user.box_clone()),
                (Occur::Must, Box::new(ConstScoreQuery::new(filter, 0.0))),
            ])),
            None => Box::new(ConstScoreQuery::new(filter, 1.0)),
        };
        let undated = self.undated(text, fields, allowed, filters, docs)?;
        Ok(Prepared {
            text: text.map(str::to_string),
            user,
            full,
            notes: clauses.notes,
            everything,
            speakers: clauses.speakers,
            undated,
        })
    }

    /// A snippet maker for the user's query over `field`, if there is a query.
    fn highlighter(
        &self,
        user: Option<&dyn Query>,
        field: tantivy::schema::Field,
        max_chars: usize,
    ) -> Result<Option<SnippetGenerator>, SearchError> {
        let Some(user) = user else {
            return Ok(None);
        };
        let mut generator = SnippetGenerator::create(&self.searcher, user, field)
            .map_err(|e| self.handle.err(e))?;
        generator.set_max_num_chars(max_chars);
        Ok(Some(generator))
    }
}

impl Engine {
    /// With a date filter, how many documents the same search without it matches that have
    /// no date: a date filter can only leave undated articles out, and the user should know
    /// how many it did. `None` without a date filter.
    fn undated(
        &self,
        text: Option<&str>,
        fields: &[(tantivy::schema::Field, f32)],
        allowed: &[&str],
        filters: &Filters,
        docs: Docs,
    ) -> Result<Option<usize>, SearchError> {
        if !filters.dates.is_set() {
            return Ok(None);
        }
        // Every dated document has a year facet, so the kind's root marks the dated ones.
        let year_root = Term::from_facet(
            self.handle.fields.facet(docs, FacetKind::Year),
            &FacetKind::Year.root(),
        );
        // Where every document of the kind ever written has a date, none can be left out:
        // two dictionary lookups instead of a second search.
        let of_kind = Term::from_field_text(self.handle.fields.doc_type, docs.doc_type());
        let freq = |term: &Term| self.searcher.doc_freq(term).map_err(|e| self.handle.err(e));
        if freq(&year_root)? == freq(&of_kind)? {
            return Ok(Some(0));
        }
        let without_dates = Filters {
            dates: DateRange::default(),
            ..filters.clone()
        };
        let prepared = self.prepare(text, fields, allowed, &without_dates, docs)?;
        let dated = Box::new(TermQuery::new(year_root, IndexRecordOption::Basic));
        let query = BooleanQuery::new(vec![
            (Occur::Must, prepared.full),
            (Occur::MustNot, dated as Box<dyn Query>),
        ]);
        let count = self
            .searcher
            .search(&query, &tantivy::collector::Count)
            .map_err(|e| self.handle.err(e))?;
        Ok(Some(count))
    }
}

/// Group hits' names by person, keeping first-seen order.
fn dedup_names(names: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut seen: HashSet<String> = HashSet::new();
    names
        .into_iter()
        .filter(|n| seen.insert(n.clone()))
        .collect()
}

#[cfg(test)]
mod tests;
