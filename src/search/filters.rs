//! Filters, parsed from what the user typed into types, and turned into query clauses.
//!
//! Countries resolve through `enrich::countries::lookup` (names, adjectives and codes);
//! speaker and person names through the index's [`Directory`](super::names::Directory);
//! organisations and sources by words or acronym. A name that fits nobody matches nothing and
//! says so; a name that fits several people matches them all and says so.

use std::ops::Bound;

use jiff::civil::Date;
use tantivy::Term;
use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, Query, RangeQuery, TermSetQuery};

use super::names::label_matches;
use super::{Engine, SearchError};
use crate::enrich::{CountryCode, QuoteKind, countries};
use crate::index::record::{kind_name, to_datetime};
use crate::index::schema::{ARTICLE, Docs, FacetKind};

/// Everything a search can be narrowed by. Every list is "all must hold", each entry of it
/// matching any of the forms it resolves to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    pub countries: Vec<CountryCode>,
    pub speakers: Vec<String>,
    pub people: Vec<String>,
    pub orgs: Vec<String>,
    pub sources: Vec<String>,
    pub rates: RateRange,
    pub imposers: Vec<CountryCode>,
    pub targets: Vec<CountryCode>,
    pub dates: DateRange,
    /// Quotes only: the kind of quote.
    pub kind: Option<QuoteKind>,
    /// Only speakers that are people with a name (not "analysts", not organisations).
    pub named_speakers: bool,
}

/// Published between two days, both included.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateRange {
    pub since: Option<Date>,
    pub until: Option<Date>,
}

impl DateRange {
    /// Parse `--since` and `--until`: a year, a month or a day. `--since` takes the first day
    /// of the period, `--until` the last.
    pub fn parse(since: Option<&str>, until: Option<&str>) -> Result<DateRange, SearchError> {
        let since_day = since
            .map(|s| period("--since", s).map(|(first, _)| first))
            .transpose()?;
        let until_day = until
            .map(|s| period("--until", s).map(|(_, last)| last))
            .transpose()?;
        if let (Some(a), Some(b)) = (since_day, until_day)
            && a > b
        {
            return Err(SearchError::DateOrder {
                since: since.unwrap_or_default().to_string(),
                until: until.unwrap_or_default().to_string(),
            });
        }
        Ok(DateRange {
            since: since_day,
            until: until_day,
        })
    }

    pub fn is_set(&self) -> bool {
        self.since.is_some() || self.until.is_some()
    }
}

/// The first and last day of `2018`, `2018-07` or `2018-07-06`.
fn period(flag: &'static str, text: &str) -> Result<(Date, Date), SearchError> {
    let bad = || SearchError::BadDate {
        flag,
        value: text.to_string(),
    };
    let parts: Vec<&str> = text.trim().split('-').collect();
    let number = |s: &str, digits: std::ops::RangeInclusive<usize>| -> Result<i16, SearchError> {
        if !digits.contains(&s.len()) || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        s.parse::<i16>().map_err(|_| bad())
    };
    let day = |y: i16, m: i16, d: i16| -> Result<Date, SearchError> {
        Date::new(
            y,
            i8::try_from(m).map_err(|_| bad())?,
            i8::try_from(d).map_err(|_| bad())?,
        )
        .map_err(|_| bad())
    };
    match parts.as_slice() {
        [y] => {
            let y = number(y, 4..=4)?;
            Ok((day(y, 1, 1)?, day(y, 12, 31)?))
        }
        [y, m] => {
            let first = day(number(y, 4..=4)?, number(m, 1..=2)?, 1)?;
            Ok((first, first.last_of_month()))
        }
        [y, m, d] => {
            let date = day(number(y, 4..=4)?, number(m, 1..=2)?, number(d, 1..=2)?)?;
            Ok((date, date))
        }
        _ => Err(bad()),
    }
}

/// Stated tariff rates between two bounds, in percent, both included.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RateRange {
    pub min: Option<f64>,
    pub max: Option<f64>,
}

impl RateRange {
    /// Parse `--tariff-min` and `--tariff-max` (`25`, `7.5`, `25%`).
    pub fn parse(min: Option<&str>, max: Option<&str>) -> Result<RateRange, SearchError> {
        let rate = |flag: &'static str, text: &str| -> Result<f64, SearchError> {
            let value = text
                .trim()
                .trim_end_matches('%')
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite() && *v >= 0.0);
            value.ok_or_else(|| SearchError::BadRate {
                flag,
                value: text.to_string(),
            })
        };
        let range = RateRange {
            min: min.map(|m| rate("--tariff-min", m)).transpose()?,
            max: max.map(|m| rate("--tariff-max", m)).transpose()?,
        };
        if let (Some(min), Some(max)) = (range.min, range.max)
            && min > max
        {
            return Err(SearchError::RateOrder { min, max });
        }
        Ok(range)
    }
}

/// The country a user names, by name, adjective or code.
pub fn parse_country(flag: &'static str, text: &str) -> Result<CountryCode, SearchError> {
    countries::lookup(text.trim()).ok_or_else(|| SearchError::UnknownCountry {
        flag,
        value: text.to_string(),
    })
}

/// How many of the people an ambiguous name fits a note lists (most named first).
const NAMES_IN_NOTE: usize = 6;

/// Query clauses for the filters, and notes for the user about how names resolved.
pub(super) struct Clauses {
    pub queries: Vec<Box<dyn Query>>,
    pub notes: Vec<String>,
    /// The forms of each person the speaker filters resolved to.
    pub speakers: Vec<Vec<String>>,
}

impl Engine {
    pub(super) fn filter_clauses(
        &self,
        filters: &Filters,
        docs: Docs,
    ) -> Result<Clauses, SearchError> {
        let fields = self.handle.fields;
        let mut out = Clauses {
            queries: Vec::new(),
            notes: Vec::new(),
            speakers: Vec::new(),
        };
        let facet = |kind: FacetKind, value: &str| self.facet_query(docs, kind, value);
        for c in &filters.countries {
            out.queries.push(facet(FacetKind::Country, c.as_str()));
        }
        let tariff_filters = Filters {
            imposers: filters.imposers.clone(),
            targets: filters.targets.clone(),
            rates: filters.rates,
            ..Filters::default()
        };
        if docs == Docs::Quotes && tariff_filters != Filters::default() {
            // Quotes carry no tariffs of their own: keep the quotes of the articles whose
            // tariffs pass.
            out.queries.push(self.quotes_of_articles(&tariff_filters)?);
            return self.name_clauses(filters, docs, out);
        }
        for c in &filters.imposers {
            out.queries.push(facet(FacetKind::Imposer, c.as_str()));
        }
        for c in &filters.targets {
            out.queries.push(facet(FacetKind::Target, c.as_str()));
        }
        let RateRange { min, max } = filters.rates;
        if min.is_some() || max.is_some() {
            let bound = |v: Option<f64>| {
                v.map_or(Bound::Unbounded, |v| {
                    Bound::Included(Term::from_field_f64(fields.tariff, v))
                })
            };
            out.queries
                .push(Box::new(RangeQuery::new(bound(min), bound(max))));
        }
        self.name_clauses(filters, docs, out)
    }

    /// Quote documents of the articles that pass `filters` (article filters only).
    fn quotes_of_articles(&self, filters: &Filters) -> Result<Box<dyn Query>, SearchError> {
        let clauses = self.filter_clauses(filters, Docs::Articles)?;
        let mut must = clauses.queries;
        must.push(self.doc_type(Docs::Articles));
        let articles = BooleanQuery::intersection(must);
        let found = self
            .searcher
            .search(&articles, &DocSetCollector)
            .map_err(|e| self.handle.err(e))?;
        let mut ids = Vec::with_capacity(found.len());
        let mut id = String::new();
        for address in found {
            let segment = self.searcher.segment_reader(address.segment_ord);
            let column = segment
                .fast_fields()
                .str(ARTICLE)
                .map_err(|e| self.handle.err(e))?;
            let Some(column) = column else { continue };
            for ord in column.term_ords(address.doc_id) {
                id.clear();
                if column
                    .ord_to_str(ord, &mut id)
                    .map_err(|e| self.handle.err(e.into()))?
                {
                    ids.push(Term::from_field_text(self.handle.fields.article, &id));
                }
            }
        }
        Ok(Box::new(TermSetQuery::new(ids)))
    }

    /// The filters by kind, name, organisation, source and date.
    fn name_clauses(
        &self,
        filters: &Filters,
        docs: Docs,
        mut out: Clauses,
    ) -> Result<Clauses, SearchError> {
        let fields = self.handle.fields;
        let facet = |kind: FacetKind, value: &str| self.facet_query(docs, kind, value);
        if let Some(kind) = filters.kind {
            out.queries.push(facet(FacetKind::Kind, kind_name(kind)));
        }
        if filters.named_speakers {
            out.queries.push(self.named_speakers(docs)?);
        }
        for (kind, wanted) in [
            (FacetKind::Speaker, &filters.speakers),
            (FacetKind::Person, &filters.people),
        ] {
            for name in wanted {
                let resolved = self.resolve_name(kind, name)?;
                let groups = &resolved.groups;
                let names: Vec<&str> = groups.iter().map(|g| g.name.as_str()).collect();
                match names.len() {
                    0 if resolved.suggestions.is_empty() => out
                        .notes
                        .push(format!("no {} matches `{name}`", kind.name())),
                    0 => out.notes.push(format!(
                        "no {} matches `{name}`; did you mean {}?",
                        kind.name(),
                        resolved.suggestions.join(" or ")
                    )),
                    1 => {}
                    n => {
                        let shown = names.len().min(NAMES_IN_NOTE);
                        let more = match n - shown {
                            0 => String::new(),
                            rest => format!(" and {rest} more"),
                        };
                        out.notes.push(format!(
                            "`{name}` fits {n} {}s: {}{more}; showing all of them",
                            kind.name(),
                            names[..shown].join(", ")
                        ));
                    }
                }
                let forms = groups.iter().flat_map(|g| g.members.iter());
                out.queries
                    .push(self.any_facet(docs, kind, forms.map(String::as_str)));
                if kind == FacetKind::Speaker {
                    out.speakers
                        .extend(groups.iter().map(|g| g.members.clone()));
                }
            }
        }
        for (kind, wanted) in [
            (FacetKind::Org, &filters.orgs),
            (FacetKind::Source, &filters.sources),
        ] {
            if wanted.is_empty() {
                continue;
            }
            let values = self.value_names(docs, kind)?;
            for name in wanted {
                let matching: Vec<&str> = values
                    .iter()
                    .filter(|value| label_matches(name, value))
                    .map(String::as_str)
                    .collect();
                if matching.is_empty() {
                    out.notes
                        .push(format!("no {} matches `{name}`", kind.name()));
                }
                out.queries.push(self.any_facet(docs, kind, matching));
            }
        }
        if filters.dates.is_set() {
            let day = |d: Date| Term::from_field_date_for_search(fields.date, to_datetime(d));
            let lower = filters
                .dates
                .since
                .map_or(Bound::Unbounded, |d| Bound::Included(day(d)));
            // Until a day means before the next one begins.
            let upper = filters.dates.until.map_or(Bound::Unbounded, |d| {
                d.tomorrow()
                    .map_or(Bound::Unbounded, |next| Bound::Excluded(day(next)))
            });
            out.queries.push(Box::new(RangeQuery::new(lower, upper)));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_cover_a_year_a_month_or_a_day() {
        let d = |y, m, d| Date::constant(y, m, d);
        let table = [
            ("2018", d(2018, 1, 1), d(2018, 12, 31)),
            ("2018-07", d(2018, 7, 1), d(2018, 7, 31)),
            ("2016-2", d(2016, 2, 1), d(2016, 2, 29)),
            ("2018-07-06", d(2018, 7, 6), d(2018, 7, 6)),
        ];
        for (text, first, last) in table {
            assert_eq!(period("--since", text).unwrap(), (first, last), "{text}");
        }
        for bad in [
            "18",
            "2018-13",
            "2018-02-30",
            "July 2018",
            "2018-07-06-01",
            "",
        ] {
            assert!(period("--since", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn since_after_until_is_refused() {
        let range = DateRange::parse(Some("2018"), Some("2018-03")).unwrap();
        assert_eq!(range.since, Some(Date::constant(2018, 1, 1)));
        assert_eq!(range.until, Some(Date::constant(2018, 3, 31)));
        let err = DateRange::parse(Some("2019"), Some("2018")).unwrap_err();
        assert_eq!(err.to_string(), "--since 2019 is after --until 2018");
        // The same month as both bounds is fine.
        assert!(DateRange::parse(Some("2018-07"), Some("2018-07")).is_ok());
    }

    #[test]
    fn rates_are_numbers_of_percent() {
        let r = RateRange::parse(Some("10"), Some("25%")).unwrap();
        assert_eq!((r.min, r.max), (Some(10.0), Some(25.0)));
        for bad in ["abc", "-5", "NaN", "inf", ""] {
            let err = RateRange::parse(Some(bad), None).unwrap_err();
            assert!(err.to_string().starts_with("--tariff-min"), "{bad}: {err}");
        }
        assert!(RateRange::parse(Some("30"), Some("20")).is_err());
    }

    #[test]
    fn countries_by_code() {
        assert_eq!(parse_country("--country", "in").unwrap().as_str(), "IN");
        let err = parse_country("--country", "Atlantis").unwrap_err();
        assert_eq!(
            err.to_string(),
            "--country: unknown country `Atlantis` (give a name, an adjective or a two-letter code)"
        );
    }
}
