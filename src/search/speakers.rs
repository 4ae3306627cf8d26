//! The directory of speakers: who is quoted, as what, for which country, how often, in how
//! many articles, and between which dates. One entry per person (see `names`), each a person,
//! an organisation or a group (see `kinds`), people first.
//!
//! Also how a name the user typed resolves here: titles narrowed by the roles this directory
//! holds, and near misses offered when nothing fits.

use std::collections::{BTreeSet, HashMap, HashSet};

use jiff::civil::Date;
use tantivy::Term;
use tantivy::collector::{DocSetCollector, TopDocs};
use tantivy::query::{BooleanQuery, Query, QueryClone, TermSetQuery};

use super::filters::Filters;
use super::kinds::{NameKind, kind_of};
use super::names::{self, Group};
use super::{Engine, SearchError};
use crate::enrich::CountryCode;
use crate::index::record::StoredQuote;
use crate::index::schema::{Docs, FacetKind};

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

#[derive(Default)]
struct Tally {
    forms: BTreeSet<String>,
    roles: HashMap<String, (usize, String)>,
    countries: HashMap<CountryCode, usize>,
    quotes: usize,
    articles: BTreeSet<String>,
    first: Option<Date>,
    last: Option<Date>,
}

impl Engine {
    /// List speakers, most quoted first.
    ///
    /// Quote counts per person come from the speaker facet of the matching quotes; the
    /// quotes themselves are read only for the people listed (roles, country, articles, dates),
    /// so the cost follows `top`, not the size of the index.
    pub fn speakers(&self, request: &SpeakerRequest) -> Result<SpeakerList, SearchError> {
        let filters = Filters {
            speakers: request.name.iter().cloned().collect(),
            ..Filters::default()
        };
        let clauses = self.filter_clauses(&filters, Docs::Quotes)?;
        let all_quotes = clauses.queries.is_empty();
        let mut must = clauses.queries;
        must.push(self.doc_type(Docs::Quotes));
        let quotes = BooleanQuery::intersection(must);
        // Only people quoted at least once for the country can have it as theirs.
        let counted: Box<dyn Query> = match request.country {
            Some(country) => Box::new(BooleanQuery::intersection(vec![
                quotes.box_clone(),
                self.facet_query(Docs::Quotes, FacetKind::SpeakerCountry, country.as_str()),
            ])),
            None => quotes.box_clone(),
        };
        let directory = self.directory(FacetKind::Speaker)?;
        let kind = self.speaker_kinds()?;
        let mut candidates: HashMap<String, Vec<String>> = HashMap::new();
        let everything = all_quotes && request.country.is_none();
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
        let mut ranked: Vec<(NameKind, String, Vec<String>, u64)> = candidates
            .into_iter()
            .map(|(name, forms)| (kind.of(&name), name, forms))
            .filter(|(k, _, _)| request.kind.is_none_or(|wanted| *k == wanted))
            .map(|(k, name, forms)| {
                let n = forms.iter().filter_map(|f| per_form.get(f)).sum();
                (k, name, forms, n)
            })
            .collect();
        ranked.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then(b.3.cmp(&a.3))
                .then_with(|| a.1.cmp(&b.1))
        });
        let mut speakers = Vec::new();
        let mut total = ranked.len();
        for (kind, name, forms, _) in ranked {
            if speakers.len() == request.top && request.country.is_none() {
                break;
            }
            let of_person = BooleanQuery::intersection(vec![
                quotes.box_clone(),
                self.any_facet(
                    Docs::Quotes,
                    FacetKind::Speaker,
                    forms.iter().map(String::as_str),
                ),
            ]);
            let speaker = self.tally(name, kind, &of_person)?;
            if request.country.is_some() && speaker.country != request.country {
                total -= 1;
                continue;
            }
            if speakers.len() < request.top {
                speakers.push(speaker);
            }
        }
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

    /// One person's entry, from the quotes `query` matches.
    fn tally(
        &self,
        name: String,
        kind: NameKind,
        query: &dyn Query,
    ) -> Result<Speaker, SearchError> {
        let mut addresses: Vec<_> = self
            .searcher
            .search(query, &DocSetCollector)
            .map_err(|e| self.handle.err(e))?
            .into_iter()
            .collect();
        // Reading in index order keeps the document store's block cache warm.
        addresses.sort();
        let mut t = Tally::default();
        for address in addresses {
            let stored: StoredQuote = self.stored(address)?;
            if let Some(form) = stored.quote.speaker {
                t.forms.insert(form);
            }
            if let Some(role) = stored.quote.role.as_deref().map(str::trim)
                && !role.is_empty()
            {
                let entry = t
                    .roles
                    .entry(role.to_lowercase())
                    .or_insert((0, role.to_string()));
                entry.0 += 1;
            }
            if let Some(c) = stored.quote.speaker_country {
                *t.countries.entry(c).or_default() += 1;
            }
            t.quotes += 1;
            t.articles.insert(stored.article_id);
            if let Some(date) = stored.date {
                t.first = Some(t.first.map_or(date, |d| d.min(date)));
                t.last = Some(t.last.map_or(date, |d| d.max(date)));
            }
        }
        let mut roles: Vec<(usize, String)> = t.roles.into_values().collect();
        roles.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        let country = t
            .countries
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(c, _)| *c);
        Ok(Speaker {
            name,
            kind,
            forms: t.forms.into_iter().collect(),
            roles: roles.into_iter().map(|(_, r)| r).collect(),
            country,
            quotes: t.quotes,
            articles: t.articles.len(),
            first: t.first,
            last: t.last,
        })
    }
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
