//! Facet counts over a whole result set: how many hits have each country, speaker, rate band.
//!
//! Counts come from one facet collector pass over the hits. Speakers and people are then
//! grouped by person (see [`names`](super::names)); a person seen under two forms in one
//! article would be counted twice by summing, so such groups are counted again exactly.

use std::collections::HashMap;

use tantivy::collector::{Count, FacetCollector};
use tantivy::query::{BooleanQuery, Query};

use super::{Engine, SearchError};
use crate::index::schema::{FACET, FacetKind, tariff_band_rank};

/// One value and how many hits have it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetValue {
    pub value: String,
    pub count: u64,
}

/// The top values of one facet kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCounts {
    pub kind: FacetKind,
    pub values: Vec<FacetValue>,
    /// How many distinct values the hits have in all.
    pub distinct: usize,
}

/// Parse the facet names a user gave (`country,speaker`), among `allowed`.
pub fn parse_kinds(names: &[String], allowed: &[FacetKind]) -> Result<Vec<FacetKind>, SearchError> {
    let mut kinds = Vec::new();
    for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        match FacetKind::from_name(name).filter(|k| allowed.contains(k)) {
            Some(kind) if !kinds.contains(&kind) => kinds.push(kind),
            Some(_) => {}
            None => {
                return Err(SearchError::UnknownFacet {
                    name: name.to_string(),
                    known: allowed
                        .iter()
                        .map(|k| k.name())
                        .collect::<Vec<_>>()
                        .join(", "),
                });
            }
        }
    }
    Ok(kinds)
}

/// The facet kinds articles have: all but the quotes' own (kind and speaker country), which
/// `FacetKind::ALL` lists last.
pub const ARTICLE_FACETS: &[FacetKind] = FacetKind::ALL.split_at(9).0;

/// The facet kinds quotes have.
pub const QUOTE_FACETS: &[FacetKind] = &[
    FacetKind::Speaker,
    FacetKind::Country,
    FacetKind::SpeakerCountry,
    FacetKind::Kind,
    FacetKind::Year,
];

/// A collector counting every value under the roots of `kinds`.
pub(super) fn collector(kinds: &[FacetKind]) -> FacetCollector {
    let mut collector = FacetCollector::for_field(FACET);
    for kind in kinds {
        collector.add_facet(kind.root());
    }
    collector
}

impl Engine {
    /// Turn collected counts into the top `top` values per kind; `query` is the hits' query,
    /// for exact counts of people seen under several forms.
    pub(super) fn facet_counts(
        &self,
        counts: &tantivy::collector::FacetCounts,
        kinds: &[FacetKind],
        top: usize,
        query: &dyn Query,
    ) -> Result<Vec<FacetCounts>, SearchError> {
        let mut out = Vec::new();
        for &kind in kinds {
            let raw: Vec<(String, u64)> = counts
                .get(kind.root())
                .filter_map(|(facet, n)| FacetKind::value_of(facet).map(|v| (v.to_string(), n)))
                .collect();
            let mut values = match kind {
                FacetKind::Speaker | FacetKind::Person => self.by_person(kind, raw, query)?,
                _ => raw
                    .into_iter()
                    .map(|(value, count)| FacetValue { value, count })
                    .collect(),
            };
            let distinct = values.len();
            match kind {
                FacetKind::Year => values.sort_by(|a, b| a.value.cmp(&b.value)),
                FacetKind::Tariff => values.sort_by_key(|v| tariff_band_rank(&v.value)),
                _ => values.sort_by(|a, b| b.count.cmp(&a.count).then(a.value.cmp(&b.value))),
            }
            if !kind.is_ordinal() {
                values.truncate(top);
            }
            out.push(FacetCounts {
                kind,
                values,
                distinct,
            });
        }
        Ok(out)
    }

    fn by_person(
        &self,
        kind: FacetKind,
        raw: Vec<(String, u64)>,
        query: &dyn Query,
    ) -> Result<Vec<FacetValue>, SearchError> {
        let directory = self.directory(kind)?;
        let mut groups: HashMap<String, (u64, Vec<String>)> = HashMap::new();
        for (form, count) in raw {
            let name = directory
                .group_of(&form)
                .map_or_else(|| form.clone(), |g| g.name.clone());
            let entry = groups.entry(name).or_default();
            entry.0 += count;
            entry.1.push(form);
        }
        let mut values = Vec::with_capacity(groups.len());
        for (name, (mut count, forms)) in groups {
            if forms.len() > 1 {
                let both = BooleanQuery::intersection(vec![
                    query.box_clone(),
                    self.any_facet(kind, forms.iter().map(String::as_str)),
                ]);
                count = self
                    .searcher
                    .search(&both, &Count)
                    .map_err(|e| self.handle.err(e))? as u64;
            }
            values.push(FacetValue { value: name, count });
        }
        Ok(values)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facet_names_parse_within_the_allowed_kinds() {
        let names = |s: &[&str]| s.iter().map(|n| n.to_string()).collect::<Vec<_>>();
        assert_eq!(
            parse_kinds(&names(&["country", " speaker", "country"]), ARTICLE_FACETS).unwrap(),
            [FacetKind::Country, FacetKind::Speaker]
        );
        let err = parse_kinds(&names(&["kind"]), ARTICLE_FACETS).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("unknown facet `kind` (choose from country, speaker")
        );
        assert!(parse_kinds(&names(&["kind"]), QUOTE_FACETS).is_ok());
        assert!(!ARTICLE_FACETS.contains(&FacetKind::SpeakerCountry));
        assert_eq!(ARTICLE_FACETS.len() + 2, FacetKind::ALL.len());
    }
}
