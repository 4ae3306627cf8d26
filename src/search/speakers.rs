//! The directory of speakers: who is quoted, as what, for which country, how often, in how
//! many articles, and between which dates. One entry per person (see `names`).

use std::collections::{BTreeSet, HashMap};

use jiff::civil::Date;
use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, Query, QueryClone};

use super::filters::Filters;
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
    pub top: usize,
}

/// One person in the directory.
#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    pub name: String,
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
        let mut ranked: Vec<(String, Vec<String>, u64)> = candidates
            .into_iter()
            .map(|(name, forms)| {
                let n = forms.iter().filter_map(|f| per_form.get(f)).sum();
                (name, forms, n)
            })
            .collect();
        ranked.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
        let mut speakers = Vec::new();
        let mut total = ranked.len();
        for (name, forms, _) in ranked {
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
            let speaker = self.tally(name, &of_person)?;
            if request.country.is_some() && speaker.country != request.country {
                total -= 1;
                continue;
            }
            if speakers.len() < request.top {
                speakers.push(speaker);
            }
        }
        speakers.sort_by(|a, b| {
            b.quotes
                .cmp(&a.quotes)
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
    fn tally(&self, name: String, query: &dyn Query) -> Result<Speaker, SearchError> {
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
