//! The directory of speakers: who is quoted, as what, for which country, how often, in how
//! many articles, and between which dates. One entry per person (see `names`), each a person,
//! an organisation or a group (see `kinds`), people first.
//!
//! An entry adds up every quote of its person. All but the roles comes from the index's
//! columns (the speaker and speaker-country facets and the date and article fast fields of
//! the quote documents), so no stored quote is read for them; the roles are only in the stored
//! quotes, which are read once per person and commit, in index order (see [`SpeakerCache`]).
//!
//! Also how a name the user typed resolves here: titles narrowed by the roles this directory
//! holds, and near misses offered when nothing fits.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::{Arc, Mutex, OnceLock};

use jiff::civil::Date;
use serde::Deserialize;
use tantivy::collector::{Collector, DocSetCollector, SegmentCollector, TopDocs};
use tantivy::columnar::{Column, StrColumn};
use tantivy::fastfield::FacetReader;
use tantivy::query::{BooleanQuery, Query, QueryClone, TermSetQuery};
use tantivy::{DocAddress, DocId, Score, SegmentReader, TantivyDocument, Term};

use super::filters::Filters;
use super::kinds::{NameKind, kind_of};
use super::names::{self, Group};
use super::{Engine, SearchError, lock};
use crate::enrich::CountryCode;
use crate::index::record::{StoredQuote, from_document};
use crate::index::schema::{ARTICLE, DATE, Docs, FacetKind};
/// Which speakers to list.
#[derive(Debug, Clone, Default)]
pub struct SpeakerRequest {
    /// Only speakers this name fits (forgiving, as `--speaker`).
    pub name: Option<String>,
    /// Only speakers whose quotes most often give them this country.
    pub country: Option<CountryCode>,
    /// Only speakers of this kind; all kinds, people first, when `None`.
    pub kind: Option<NameKind>,
    pub top: usize,
}

/// One person in the directory.
#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    pub name: String,
    /// A person, an organisation or a group, by the name's shape.
    pub kind: NameKind,
    /// Every form the index has for them.
    pub forms: Vec<String>,
    /// Roles seen, most frequent first.
    pub roles: Vec<String>,
    /// The country their quotes most often give.
    pub country: Option<CountryCode>,
    pub quotes: usize,
    pub articles: usize,
    pub first: Option<Date>,
    pub last: Option<Date>,
}

/// The directory, and how many speakers matched before `top` cut it.
#[derive(Debug, Clone)]
pub struct SpeakerList {
    pub speakers: Vec<Speaker>,
    pub total: usize,
    pub notes: Vec<String>,
}

/// What every quote of one person adds up to, but for the roles: read from the columns.
#[derive(Debug, Clone, Default, PartialEq)]
struct Summary {
    forms: Vec<String>,
    country: Option<CountryCode>,
    quotes: usize,
    articles: usize,
    first: Option<Date>,
    last: Option<Date>,
}

/// The entries worked out so far on one commit, by person. An entry covers every quote of its
/// person whatever the request that listed them, so it holds as long as the commit (an
/// [`Engine`] is one commit): the second look at a person reads nothing.
#[derive(Default)]
pub(super) struct SpeakerCache {
    everyone: OnceLock<Arc<Vec<Ranked>>>,
    summaries: Mutex<HashMap<String, Arc<Summary>>>,
    roles: Mutex<HashMap<String, Arc<Vec<String>>>>,
}

/// A person: their kind, the name shown and every form of their name.
type Candidate = (NameKind, String, Vec<String>);

/// A person and how many quotes they have.
type Ranked = (NameKind, String, Vec<String>, u64);

impl Engine {
    /// List speakers, most quoted first.
    ///
    /// Quote counts per person come from the speaker facet of the matching quotes; the rest of
    /// an entry is read only for the people listed (and, with a country, for every person
    /// quoted for it, whose own country decides), so the cost follows `top`.
    pub fn speakers(&self, request: &SpeakerRequest) -> Result<SpeakerList, SearchError> {
        let filters = Filters {
            speakers: request.name.iter().cloned().collect(),
            ..Filters::default()
        };
        let clauses = self.filter_clauses(&filters, Docs::Quotes)?;
        let ranked = if clauses.queries.is_empty() && request.country.is_none() {
            self.everyone_ranked()?
        } else {
            Arc::new(self.ranked(clauses.queries, request.country)?)
        };
        let ranked: Vec<&Ranked> = ranked
            .iter()
            .filter(|r| request.kind.is_none_or(|wanted| r.0 == wanted))
            .collect();
        let mut listed: Vec<(Candidate, Arc<Summary>)> = Vec::new();
        let mut total = ranked.len();
        for (kind, name, forms, _) in ranked {
            if listed.len() == request.top && request.country.is_none() {
                break;
            }
            // A candidate's quotes are all their quotes: a name filter keeps whole people.
            let summary = self.speaker_summary(name, forms)?;
            if request.country.is_some() && summary.country != request.country {
                total -= 1;
                continue;
            }
            if listed.len() < request.top {
                listed.push(((*kind, name.clone(), forms.clone()), summary));
            }
        }
        let people: Vec<&Candidate> = listed.iter().map(|(c, _)| c).collect();
        let roles = self.roles_of(&people)?;
        let mut speakers: Vec<Speaker> = listed
            .into_iter()
            .zip(roles)
            .map(|(((kind, name, _), summary), roles)| Speaker {
                name,
                kind,
                forms: summary.forms.clone(),
                roles: roles.to_vec(),
                country: summary.country,
                quotes: summary.quotes,
                articles: summary.articles,
                first: summary.first,
                last: summary.last,
            })
            .collect();
        speakers.sort_by(|a, b| {
            a.kind
                .cmp(&b.kind)
                .then(b.quotes.cmp(&a.quotes))
                .then(b.articles.cmp(&a.articles))
                .then_with(|| a.name.cmp(&b.name))
        });
        Ok(SpeakerList {
            speakers,
            total,
            notes: clauses.notes,
        })
    }

    /// The people the quotes that `clauses` match are by (with a country, those quoted for
    /// it at least once), ranked: people first, then by all their quotes, then by name.
    fn ranked(
        &self,
        clauses: Vec<Box<dyn Query>>,
        country: Option<CountryCode>,
    ) -> Result<Vec<Ranked>, SearchError> {
        let all_quotes = clauses.is_empty();
        let mut must = clauses;
        must.push(self.doc_type(Docs::Quotes));
        let quotes = BooleanQuery::intersection(must);
        let counted: Box<dyn Query> = match country {
            Some(country) => Box::new(BooleanQuery::intersection(vec![
                quotes.box_clone(),
                self.facet_query(Docs::Quotes, FacetKind::SpeakerCountry, country.as_str()),
            ])),
            None => quotes.box_clone(),
        };
        let directory = self.directory(FacetKind::Speaker)?;
        let kind = self.speaker_kinds()?;
        let mut candidates: HashMap<String, Vec<String>> = HashMap::new();
        let everything = all_quotes && country.is_none();
        for (form, _) in self.values_in(Docs::Quotes, FacetKind::Speaker, &*counted, everything)? {
            let (name, forms) = match directory.group_of(&form) {
                Some(group) => (group.name.clone(), group.members.clone()),
                None => (form.clone(), vec![form]),
            };
            candidates.entry(name).or_insert(forms);
        }
        // Every quote of each candidate counts, not only those `counted` matched.
        let per_form: HashMap<String, u64> = self
            .values_in(Docs::Quotes, FacetKind::Speaker, &quotes, all_quotes)?
            .into_iter()
            .collect();
        let mut ranked: Vec<Ranked> = candidates
            .into_iter()
            .map(|(name, forms)| {
                let n = forms.iter().filter_map(|f| per_form.get(f)).sum();
                (kind.of(&name), name, forms, n)
            })
            .collect();
        ranked.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then(b.3.cmp(&a.3))
                .then_with(|| a.1.cmp(&b.1))
        });
        Ok(ranked)
    }

    /// Everyone quoted, ranked (see [`Engine::ranked`]): the directory's first page, the same
    /// for every request on the commit, so ranked once.
    fn everyone_ranked(&self) -> Result<Arc<Vec<Ranked>>, SearchError> {
        if let Some(ranked) = self.speaker_cache.everyone.get() {
            return Ok(Arc::clone(ranked));
        }
        let ranked = Arc::new(self.ranked(Vec::new(), None)?);
        Ok(Arc::clone(
            self.speaker_cache.everyone.get_or_init(|| ranked),
        ))
    }

    /// The quote documents of one person.
    fn quotes_of(&self, forms: &[String]) -> BooleanQuery {
        BooleanQuery::intersection(vec![
            self.doc_type(Docs::Quotes),
            self.any_facet(
                Docs::Quotes,
                FacetKind::Speaker,
                forms.iter().map(String::as_str),
            ),
        ])
    }

    /// One person's entry but for the roles, from the columns of their quotes.
    fn speaker_summary(&self, name: &str, forms: &[String]) -> Result<Arc<Summary>, SearchError> {
        if let Some(summary) = lock(&self.speaker_cache.summaries).get(name) {
            return Ok(Arc::clone(summary));
        }
        let summary = self
            .searcher
            .search(&self.quotes_of(forms), &QuoteColumns)
            .map_err(|e| self.handle.err(e))?;
        let summary = Arc::new(summary);
        lock(&self.speaker_cache.summaries).insert(name.to_string(), Arc::clone(&summary));
        Ok(summary)
    }

    /// The roles of each person, most frequent first (ties by name; each written as first
    /// seen in index order). Roles are in the stored quotes only: the quotes of the people not
    /// read before on this commit are read in one pass in index order, so the document store
    /// decompresses each block once however many of them it holds.
    fn roles_of(&self, people: &[&Candidate]) -> Result<Vec<Arc<Vec<String>>>, SearchError> {
        let known: Vec<Option<Arc<Vec<String>>>> = {
            let cache = lock(&self.speaker_cache.roles);
            people
                .iter()
                .map(|(_, name, _)| cache.get(name).cloned())
                .collect()
        };
        let mut reads: Vec<(DocAddress, usize)> = Vec::new();
        for (i, (_, _, forms)) in people.iter().enumerate() {
            if known[i].is_none() {
                let found = self
                    .searcher
                    .search(&self.quotes_of(forms), &DocSetCollector)
                    .map_err(|e| self.handle.err(e))?;
                reads.extend(found.into_iter().map(|address| (address, i)));
            }
        }
        reads.sort_unstable();
        // By person: lower-cased role -> (count, the role as first written).
        let mut counts: Vec<HashMap<String, (usize, String)>> = vec![HashMap::new(); people.len()];
        for (address, i) in reads {
            let doc: TantivyDocument =
                self.searcher.doc(address).map_err(|e| self.handle.err(e))?;
            let record: RoleRecord = from_document(&doc, &self.handle.fields)?;
            if let Some(role) = record.quote.role.as_deref().map(str::trim)
                && !role.is_empty()
            {
                counts[i]
                    .entry(role.to_lowercase())
                    .or_insert((0, role.to_string()))
                    .0 += 1;
            }
        }
        let mut cache = lock(&self.speaker_cache.roles);
        Ok(known
            .into_iter()
            .zip(counts)
            .zip(people)
            .map(|((known, counts), (_, name, _))| {
                known.unwrap_or_else(|| {
                    let roles = Arc::new(ranked_roles(counts));
                    cache.insert(name.clone(), Arc::clone(&roles));
                    roles
                })
            })
            .collect())
    }
}

/// Roles by count, most frequent first, ties by the role as written.
fn ranked_roles(counts: HashMap<String, (usize, String)>) -> Vec<String> {
    let mut roles: Vec<(usize, String)> = counts.into_values().collect();
    roles.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    roles.into_iter().map(|(_, r)| r).collect()
}

/// The one part of a stored quote the roles need; the rest of the record is skipped unread.
#[derive(Deserialize)]
struct RoleRecord {
    quote: RoleOf,
}

#[derive(Deserialize)]
struct RoleOf {
    #[serde(default)]
    role: Option<String>,
}

/// Adds up the quotes a query matches into a [`Summary`] from their columns: the speaker and
/// speaker-country facet ordinals, the date and the article id. Each segment collects
/// ordinals and spells out the distinct ones once at the end; article ids are compared as
/// text across segments, so an article whose quotes lie in two segments counts once.
struct QuoteColumns;

struct SegmentColumns {
    speaker: FacetReader,
    country: FacetReader,
    date: Option<Column<tantivy::DateTime>>,
    article: Option<StrColumn>,
    quotes: usize,
    speaker_ords: Vec<u64>,
    country_ords: Vec<u64>,
    article_ords: Vec<u64>,
    first: Option<tantivy::DateTime>,
    last: Option<tantivy::DateTime>,
}

/// One segment's share of a [`Summary`], spelt out.
#[derive(Default)]
struct SegmentShare {
    quotes: usize,
    forms: Vec<String>,
    countries: Vec<(String, usize)>,
    articles: Vec<String>,
    first: Option<tantivy::DateTime>,
    last: Option<tantivy::DateTime>,
}

impl Collector for QuoteColumns {
    type Fruit = Summary;
    type Child = SegmentColumns;

    fn for_segment(
        &self,
        _: tantivy::SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentColumns> {
        let fast = segment.fast_fields();
        Ok(SegmentColumns {
            speaker: segment.facet_reader(FacetKind::Speaker.field(Docs::Quotes))?,
            country: segment.facet_reader(FacetKind::SpeakerCountry.field(Docs::Quotes))?,
            date: fast.column_opt(DATE)?,
            article: fast.str(ARTICLE)?,
            quotes: 0,
            speaker_ords: Vec::new(),
            country_ords: Vec::new(),
            article_ords: Vec::new(),
            first: None,
            last: None,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, shares: Vec<tantivy::Result<SegmentShare>>) -> tantivy::Result<Summary> {
        let mut forms = BTreeSet::new();
        let mut countries: HashMap<CountryCode, usize> = HashMap::new();
        let mut articles: HashSet<String> = HashSet::new();
        let mut summary = Summary::default();
        let (mut first, mut last) = (None, None);
        for share in shares {
            let share = share?;
            summary.quotes += share.quotes;
            forms.extend(share.forms);
            for (label, n) in share.countries {
                // Written from a code, so it reads back as one.
                if let Ok(code) = CountryCode::parse_any(&label) {
                    *countries.entry(code).or_default() += n;
                }
            }
            articles.extend(share.articles);
            first = earliest(first, share.first);
            last = latest(last, share.last);
        }
        summary.forms = forms.into_iter().collect();
        summary.country = countries
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(c, _)| *c);
        summary.articles = articles.len();
        summary.first = first.and_then(civil_date);
        summary.last = last.and_then(civil_date);
        Ok(summary)
    }
}

fn earliest(
    a: Option<tantivy::DateTime>,
    b: Option<tantivy::DateTime>,
) -> Option<tantivy::DateTime> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn latest(a: Option<tantivy::DateTime>, b: Option<tantivy::DateTime>) -> Option<tantivy::DateTime> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

/// The civil date the index stores as midnight UTC (see `record::to_datetime`).
fn civil_date(t: tantivy::DateTime) -> Option<Date> {
    let days = t.into_timestamp_secs().div_euclid(86_400);
    let span = jiff::Span::new().try_days(days).ok()?;
    Date::constant(1970, 1, 1).checked_add(span).ok()
}

impl SegmentCollector for SegmentColumns {
    type Fruit = tantivy::Result<SegmentShare>;

    fn collect(&mut self, doc: DocId, _: Score) {
        self.quotes += 1;
        self.speaker_ords.extend(self.speaker.facet_ords(doc));
        self.country_ords.extend(self.country.facet_ords(doc));
        if let Some(article) = &self.article {
            self.article_ords.extend(article.term_ords(doc));
        }
        if let Some(date) = self.date.as_ref().and_then(|c| c.first(doc)) {
            self.first = earliest(self.first, Some(date));
            self.last = latest(self.last, Some(date));
        }
    }

    fn harvest(self) -> tantivy::Result<SegmentShare> {
        let mut share = SegmentShare {
            quotes: self.quotes,
            first: self.first,
            last: self.last,
            ..SegmentShare::default()
        };
        let mut speakers = self.speaker_ords;
        speakers.sort_unstable();
        speakers.dedup();
        share.forms = facet_values(&self.speaker, &speakers)?;
        let mut countries = self.country_ords;
        countries.sort_unstable();
        let mut runs: Vec<(u64, usize)> = Vec::new();
        for ord in countries {
            match runs.last_mut() {
                Some((last, n)) if *last == ord => *n += 1,
                _ => runs.push((ord, 1)),
            }
        }
        let ords: Vec<u64> = runs.iter().map(|(ord, _)| *ord).collect();
        share.countries = facet_values(&self.country, &ords)?
            .into_iter()
            .zip(runs.into_iter().map(|(_, n)| n))
            .collect();
        if let Some(column) = &self.article {
            let mut ords = self.article_ords;
            ords.sort_unstable();
            ords.dedup();
            column.dictionary().sorted_ords_to_term_cb(&ords, |id| {
                share
                    .articles
                    .push(String::from_utf8_lossy(id).into_owned());
            })?;
        }
        Ok(share)
    }
}

/// The values (what follows the kind's root) of sorted, distinct facet ordinals.
fn facet_values(reader: &FacetReader, ords: &[u64]) -> std::io::Result<Vec<String>> {
    let mut values = Vec::with_capacity(ords.len());
    reader.facet_dict().sorted_ords_to_term_cb(ords, |key| {
        let value = key.splitn(2, |&b| b == 0).nth(1).unwrap_or_default();
        values.push(String::from_utf8_lossy(value).into_owned());
    })?;
    Ok(values)
}

/// The kinds of the speaker names in the index, decided once per request.
pub(super) struct SpeakerKinds {
    /// Every organisation the articles name, so that "Reuters" is not taken for a person.
    orgs: HashSet<String>,
}

impl SpeakerKinds {
    pub fn of(&self, name: &str) -> NameKind {
        kind_of(name, |n| self.orgs.contains(n))
    }
}

/// What a user's name resolved to: the people, and near misses when there are none.
pub(super) struct Resolved {
    pub groups: Vec<Group>,
    pub suggestions: Vec<String>,
}

/// How many of a person's quotes are read for their roles when a title must be matched.
const ROLE_SAMPLE: usize = 200;

impl Engine {
    pub(super) fn speaker_kinds(&self) -> Result<SpeakerKinds, SearchError> {
        Ok(SpeakerKinds {
            orgs: self
                .value_names(Docs::Articles, FacetKind::Org)?
                .into_iter()
                .collect(),
        })
    }

    /// The people a user's name fits, narrowed by any titles written with it (see
    /// [`names::narrow`]). Speakers' offices come from their quotes' roles and the words of
    /// their titled forms; people mentioned (not quoted) have only their forms.
    pub(super) fn resolve_name(
        &self,
        kind: FacetKind,
        name: &str,
    ) -> Result<Resolved, SearchError> {
        let directory = self.directory(kind)?;
        let resolution = directory.resolve_titled(name);
        let mut roles: HashMap<&str, Vec<String>> = HashMap::new();
        if !resolution.titles.is_empty() && resolution.groups.len() > 1 {
            for group in &resolution.groups {
                let mut words: Vec<String> = group
                    .members
                    .iter()
                    .flat_map(|f| names::raw_tokens(f))
                    .collect();
                if kind == FacetKind::Speaker {
                    for role in self.speaker_roles(group)? {
                        words.extend(names::raw_tokens(&role));
                    }
                }
                roles.insert(group.name.as_str(), words);
            }
        }
        let groups = names::narrow(
            resolution.groups,
            &resolution.titles,
            &resolution.name,
            |g| roles.get(g.name.as_str()).cloned().unwrap_or_default(),
        );
        Ok(Resolved {
            groups: groups.into_iter().cloned().collect(),
            suggestions: resolution
                .suggestions
                .iter()
                .map(|g| g.name.clone())
                .collect(),
        })
    }

    /// The roles of a sample of a person's quotes.
    fn speaker_roles(&self, group: &Group) -> Result<Vec<String>, SearchError> {
        let query = BooleanQuery::intersection(vec![
            self.doc_type(Docs::Quotes),
            self.any_facet(
                Docs::Quotes,
                FacetKind::Speaker,
                group.members.iter().map(String::as_str),
            ),
        ]);
        let top = self
            .searcher
            .search(&query, &TopDocs::with_limit(ROLE_SAMPLE).order_by_score())
            .map_err(|e| self.handle.err(e))?;
        let mut roles = Vec::new();
        for (_, address) in top {
            let stored: StoredQuote = self.stored(address)?;
            roles.extend(stored.quote.role);
        }
        Ok(roles)
    }

    /// Documents whose speaker is a named person (`--named`).
    pub(super) fn named_speakers(&self, docs: Docs) -> Result<Box<dyn Query>, SearchError> {
        let kinds = self.speaker_kinds()?;
        let directory = self.directory(FacetKind::Speaker)?;
        let field = self.handle.fields.facet(docs, FacetKind::Speaker);
        let terms: Vec<Term> = self
            .value_names(docs, FacetKind::Speaker)?
            .into_iter()
            .filter(|form| {
                let name = directory.group_of(form).map_or(form.as_str(), |g| &g.name);
                kinds.of(name) == NameKind::Person
            })
            .map(|form| Term::from_facet(field, &FacetKind::Speaker.facet(&form)))
            .collect();
        Ok(Box::new(TermSetQuery::new(terms)))
    }
}
