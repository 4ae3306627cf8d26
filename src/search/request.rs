//! Requests as plain values, the same whichever front end gathered them: the command line
//! (clap's argument structs convert into these in `cmd`) or the web server's query strings
//! (`serve`). Each turns into its typed request ([`SearchRequest`], [`QuoteRequest`],
//! [`SpeakerRequest`]) here, so names, dates, rates and facets are parsed in one place and
//! fail with the same messages.

use super::facets::parse_kinds;
use super::filters::{DateRange, Filters, RateRange, parse_country};
use super::{NameKind, QuoteRequest, SearchError, SearchRequest, SortOrder, SpeakerRequest};
use crate::enrich::QuoteKind;
use crate::index::schema::ARTICLE_FACETS;

/// The article filters as typed: country names, people, dates and rates as text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterParams {
    pub country: Vec<String>,
    pub speaker: Vec<String>,
    pub person: Vec<String>,
    pub org: Vec<String>,
    pub source: Vec<String>,
    pub tariff_min: Option<String>,
    pub tariff_max: Option<String>,
    pub imposer: Vec<String>,
    pub target: Vec<String>,
    pub since: Option<String>,
    pub until: Option<String>,
}

impl FilterParams {
    /// The typed filters; the first value that does not parse is the error.
    pub fn filters(&self) -> Result<Filters, SearchError> {
        Ok(Filters {
            countries: countries("--country", &self.country)?,
            speakers: self.speaker.clone(),
            people: self.person.clone(),
            orgs: self.org.clone(),
            sources: self.source.clone(),
            rates: RateRange::parse(self.tariff_min.as_deref(), self.tariff_max.as_deref())?,
            imposers: countries("--imposer", &self.imposer)?,
            targets: countries("--target", &self.target)?,
            dates: DateRange::parse(self.since.as_deref(), self.until.as_deref())?,
            kind: None,
            named_speakers: false,
        })
    }
}

fn countries(
    flag: &'static str,
    names: &[String],
) -> Result<Vec<crate::enrich::CountryCode>, SearchError> {
    names.iter().map(|c| parse_country(flag, c)).collect()
}

/// Several query words, as one query; `None` when there are none.
pub fn joined(words: &[String]) -> Option<String> {
    let query = words.join(" ");
    (!query.trim().is_empty()).then_some(query)
}

/// An article search as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchParams {
    pub query: Option<String>,
    pub filters: FilterParams,
    pub sort: SortOrder,
    pub limit: usize,
    pub offset: usize,
    /// Facet names to count (`country`, `speaker`, ...).
    pub facets: Vec<String>,
    pub facet_top: usize,
}

impl SearchParams {
    pub fn request(&self) -> Result<SearchRequest, SearchError> {
        Ok(SearchRequest {
            query: self.query.clone(),
            filters: self.filters.filters()?,
            sort: self.sort,
            limit: self.limit,
            offset: self.offset,
            facets: parse_kinds(&self.facets, ARTICLE_FACETS)?,
            facet_top: self.facet_top,
        })
    }
}

/// Counts of one facet over the articles a query and filters match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetParams {
    pub field: String,
    pub query: Option<String>,
    pub filters: FilterParams,
    pub top: usize,
}

impl FacetParams {
    pub fn request(&self) -> Result<SearchRequest, SearchError> {
        Ok(SearchRequest {
            query: self.query.clone(),
            filters: self.filters.filters()?,
            sort: SortOrder::Relevance,
            limit: 0,
            offset: 0,
            facets: parse_kinds(std::slice::from_ref(&self.field), ARTICLE_FACETS)?,
            facet_top: self.top,
        })
    }
}

/// A quote search as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuoteParams {
    pub text: Option<String>,
    /// The article filters the quotes' articles must pass; `speaker` is the quote's own.
    /// Quotes carry no people, organisations or sources: those three are not taken.
    pub filters: FilterParams,
    pub kind: Option<QuoteKind>,
    /// Only quotes whose speaker is a named person.
    pub named: bool,
    /// Relevance or date; tariff order is refused when the search runs.
    pub sort: SortOrder,
    pub limit: usize,
    pub offset: usize,
    pub facet_top: usize,
}

impl QuoteParams {
    pub fn request(&self) -> Result<QuoteRequest, SearchError> {
        let filters = Filters {
            kind: self.kind,
            named_speakers: self.named,
            ..self.filters.filters()?
        };
        Ok(QuoteRequest {
            text: self.text.clone(),
            filters,
            sort: self.sort,
            limit: self.limit,
            offset: self.offset,
            facet_top: self.facet_top,
        })
    }
}

/// A look-up in the directory of speakers as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpeakerParams {
    pub name: Option<String>,
    pub country: Option<String>,
    /// People, organisations or groups only.
    pub kind: Option<NameKind>,
    pub top: usize,
}

impl SpeakerParams {
    pub fn request(&self) -> Result<SpeakerRequest, SearchError> {
        Ok(SpeakerRequest {
            name: self.name.clone(),
            country: self
                .country
                .as_deref()
                .map(|c| parse_country("--country", c))
                .transpose()?,
            kind: self.kind,
            top: self.top,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::CountryCode;

    #[test]
    fn filter_values_parse_into_typed_filters() {
        let params = FilterParams {
            country: vec!["Japanese".into(), "de".into()],
            tariff_min: Some("25%".into()),
            since: Some("2018-07".into()),
            ..FilterParams::default()
        };
        let filters = params.filters().unwrap();
        assert_eq!(
            filters.countries,
            [
                CountryCode::parse("JP").unwrap(),
                CountryCode::parse("DE").unwrap()
            ]
        );
        assert_eq!(filters.rates.min, Some(25.0));
        assert_eq!(
            filters.dates.since.map(|d| d.to_string()).as_deref(),
            Some("2018-07-01")
        );
    }

    #[test]
    fn bad_values_name_the_flag_they_came_from() {
        let bad = |params: FilterParams| params.filters().unwrap_err().to_string();
        let country = FilterParams {
            imposer: vec!["Atlantis".into()],
            ..FilterParams::default()
        };
        assert!(bad(country).starts_with("--imposer: unknown country `Atlantis`"));
        let dates = FilterParams {
            since: Some("2019".into()),
            until: Some("2018".into()),
            ..FilterParams::default()
        };
        assert_eq!(bad(dates), "--since 2019 is after --until 2018");
        let facets = SearchParams {
            facets: vec!["kind".into()],
            ..SearchParams::default()
        };
        assert!(facets.request().is_err());
    }

    #[test]
    fn blank_query_words_are_no_query() {
        assert_eq!(joined(&[]), None);
        assert_eq!(joined(&[" ".into()]), None);
        assert_eq!(
            joined(&["steel".into(), "tariffs".into()]).as_deref(),
            Some("steel tariffs")
        );
    }
}
