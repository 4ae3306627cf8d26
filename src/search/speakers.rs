//! The directory of speakers: who is quoted, as what, for which country, how often, in how
//! many articles, and between which dates. One entry per person (see `names`).

use std::collections::{BTreeSet, HashMap};

use jiff::civil::Date;
use tantivy::collector::DocSetCollector;
use tantivy::query::BooleanQuery;

use super::filters::Filters;
use super::{Engine, SearchError};
use crate::enrich::CountryCode;
use crate::index::record::StoredQuote;
use crate::index::schema::{FacetKind, QUOTE_DOC};

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
    pub fn speakers(&self, request: &SpeakerRequest) -> Result<SpeakerList, SearchError> {
        let filters = Filters {
            speakers: request.name.iter().cloned().collect(),
            ..Filters::default()
        };
        let clauses = self.filter_clauses(&filters)?;
        let mut must = clauses.queries;
        must.push(self.doc_type(QUOTE_DOC));
        if let Some(country) = request.country {
            // Only people quoted at least once for the country can have it as theirs.
            let mut with_country = must.iter().map(|q| q.box_clone()).collect::<Vec<_>>();
            with_country.push(self.facet_query(FacetKind::SpeakerCountry, country.as_str()));
            let with_country = BooleanQuery::intersection(with_country);
            let directory = self.directory(FacetKind::Speaker)?;
            let mut forms = BTreeSet::new();
            for (form, _) in self.values_in(FacetKind::Speaker, &with_country)? {
                match directory.group_of(&form) {
                    Some(group) => forms.extend(group.members.iter().cloned()),
                    None => {
                        forms.insert(form);
                    }
                }
            }
            must.push(self.any_facet(FacetKind::Speaker, forms.iter().map(String::as_str)));
        }
        let query = BooleanQuery::intersection(must);
        let mut addresses: Vec<_> = self
            .searcher
            .search(&query, &DocSetCollector)
            .map_err(|e| self.handle.err(e))?
            .into_iter()
            .collect();
        // Reading in index order keeps the document store's block cache warm.
        addresses.sort();
        let mut tallies: HashMap<String, Tally> = HashMap::new();
        for address in addresses {
            let stored: StoredQuote = self.stored(address)?;
            let Some(form) = stored.quote.speaker.as_deref() else {
                continue;
            };
            let tally = tallies.entry(self.speaker_name(form)?).or_default();
            tally.forms.insert(form.to_string());
            if let Some(role) = stored.quote.role.as_deref().map(str::trim)
                && !role.is_empty()
            {
                let entry = tally
                    .roles
                    .entry(role.to_lowercase())
                    .or_insert((0, role.to_string()));
                entry.0 += 1;
            }
            if let Some(c) = stored.quote.speaker_country {
                *tally.countries.entry(c).or_default() += 1;
            }
            tally.quotes += 1;
            tally.articles.insert(stored.article_id);
            if let Some(date) = stored.date {
                tally.first = Some(tally.first.map_or(date, |d| d.min(date)));
                tally.last = Some(tally.last.map_or(date, |d| d.max(date)));
            }
        }
        let mut speakers: Vec<Speaker> = tallies
            .into_iter()
            .map(|(name, t)| {
                let mut roles: Vec<(usize, String)> = t.roles.into_values().collect();
                roles.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
                let country = t
                    .countries
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                    .map(|(c, _)| *c);
                Speaker {
                    name,
                    forms: t.forms.into_iter().collect(),
                    roles: roles.into_iter().map(|(_, r)| r).collect(),
                    country,
                    quotes: t.quotes,
                    articles: t.articles.len(),
                    first: t.first,
                    last: t.last,
                }
            })
            .filter(|s| request.country.is_none() || s.country == request.country)
            .collect();
        speakers.sort_by(|a, b| {
            b.quotes
                .cmp(&a.quotes)
                .then(b.articles.cmp(&a.articles))
                .then_with(|| a.name.cmp(&b.name))
        });
        let total = speakers.len();
        speakers.truncate(request.top);
        Ok(SpeakerList {
            speakers,
            total,
            notes: clauses.notes,
        })
    }
}
