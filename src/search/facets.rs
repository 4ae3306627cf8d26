//! Facet counts over a whole result set: how many hits have each country, speaker, rate band.
//!
//! Counts come from one facet collector pass over the hits. Speakers and people are then
//! grouped by person (see [`names`](super::names)); a person seen under two forms in one
//! article would be counted twice by summing, so such groups are counted again exactly.

use rustc_hash::FxHashMap as HashMap;

use std::ops::Range;

use tantivy::collector::{Collector, Count, SegmentCollector};
use tantivy::columnar::TermOrdHit;
use tantivy::fastfield::FacetReader;
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

/// Counts of facet values by kind, over the documents a query matched.
#[derive(Debug, Clone, Default)]
pub struct Tally(HashMap<FacetKind, HashMap<String, u64>>);

impl Tally {
    /// Every value of a kind with its count, in no particular order.
    pub fn values(&self, kind: FacetKind) -> Vec<(String, u64)> {
        self.0
            .get(&kind)
            .map(|values| values.iter().map(|(v, n)| (v.clone(), *n)).collect())
            .unwrap_or_default()
    }
}

/// Counts the values under the roots of some facet kinds, like tantivy's `FacetCollector`, but
/// turns the counted ordinals back into values in one ordered pass over each segment's facet
/// dictionary. (`FacetCollector` looks each value up on its own, decompressing a dictionary
/// block per value: half a second for the tens of thousands of names a large index holds.)
pub struct FacetCounter {
    kinds: Vec<FacetKind>,
}

impl FacetCounter {
    pub fn new(kinds: &[FacetKind]) -> FacetCounter {
        FacetCounter {
            kinds: kinds.to_vec(),
        }
    }
}

/// The ordinals one kind's values take in a segment's facet dictionary.
struct KindRange {
    kind: FacetKind,
    /// The encoded root plus the separator, stripped from each value.
    prefix_len: usize,
    ords: Range<u64>,
}

pub struct SegmentFacetCounter {
    reader: FacetReader,
    ranges: Vec<KindRange>,
    /// Counts by ordinal, for the ordinals of `ranges`.
    counts: Vec<u32>,
}

impl Collector for FacetCounter {
    type Fruit = Tally;
    type Child = SegmentFacetCounter;

    fn for_segment(
        &self,
        _: tantivy::SegmentOrdinal,
        segment: &tantivy::SegmentReader,
    ) -> tantivy::Result<SegmentFacetCounter> {
        let reader = segment.facet_reader(FACET)?;
        let dict = reader.facet_dict();
        let ord_of = |key: &[u8]| -> tantivy::Result<u64> {
            Ok(match dict.term_ord_or_next(key)? {
                TermOrdHit::Exact(ord) | TermOrdHit::Next(ord) => ord.min(dict.num_terms() as u64),
            })
        };
        let mut ranges = Vec::with_capacity(self.kinds.len());
        for &kind in &self.kinds {
            // Values of a kind are the terms between `root\0` and `root\x01`.
            let root = kind.root();
            let mut start = root.encoded_str().as_bytes().to_vec();
            start.push(0);
            let mut end = root.encoded_str().as_bytes().to_vec();
            end.push(1);
            ranges.push(KindRange {
                kind,
                prefix_len: start.len(),
                ords: ord_of(&start)?..ord_of(&end)?,
            });
        }
        let top = ranges.iter().map(|r| r.ords.end).max().unwrap_or(0);
        Ok(SegmentFacetCounter {
            reader,
            ranges,
            counts: vec![0; top as usize],
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<std::io::Result<Tally>>) -> tantivy::Result<Tally> {
        let mut all = Tally::default();
        for tally in segments {
            for (kind, values) in tally?.0 {
                let into = all.0.entry(kind).or_default();
                for (value, n) in values {
                    *into.entry(value).or_default() += n;
                }
            }
        }
        Ok(all)
    }
}

impl SegmentCollector for SegmentFacetCounter {
    type Fruit = std::io::Result<Tally>;

    fn collect(&mut self, doc: tantivy::DocId, _: tantivy::Score) {
        for ord in self.reader.facet_ords(doc) {
            if self.ranges.iter().any(|r| r.ords.contains(&ord)) {
                self.counts[ord as usize] += 1;
            }
        }
    }

    fn harvest(self) -> std::io::Result<Tally> {
        let dict = self.reader.facet_dict();
        let mut tally = Tally::default();
        for range in &self.ranges {
            let ords: Vec<u64> = range
                .ords
                .clone()
                .filter(|&o| self.counts[o as usize] > 0)
                .collect();
            let mut values = HashMap::with_capacity_and_hasher(ords.len(), Default::default());
            let mut next = ords.iter();
            dict.sorted_ords_to_term_cb(&ords, |term| {
                if let Some(&ord) = next.next() {
                    let value =
                        String::from_utf8_lossy(term.get(range.prefix_len..).unwrap_or_default());
                    values.insert(value.into_owned(), u64::from(self.counts[ord as usize]));
                }
            })?;
            tally.0.insert(range.kind, values);
        }
        Ok(tally)
    }
}

impl Engine {
    /// Turn collected counts into the top `top` values per kind; `query` is the hits' query,
    /// for exact counts of people seen under several forms.
    pub(super) fn facet_counts(
        &self,
        counts: &Tally,
        kinds: &[FacetKind],
        top: usize,
        query: &dyn Query,
    ) -> Result<Vec<FacetCounts>, SearchError> {
        let mut out = Vec::new();
        for &kind in kinds {
            let raw = counts.values(kind);
            let mut values = match kind {
                FacetKind::Speaker | FacetKind::Person => self.by_person(kind, raw, query, top)?,
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

    /// Counts by person: the forms of one person's name are added up. An article may name a
    /// person under two forms, so the sum only bounds the count from above and the largest
    /// form's count from below; exact counts are taken (one query each) only for the people
    /// whose bound could place them among the `top`.
    fn by_person(
        &self,
        kind: FacetKind,
        raw: Vec<(String, u64)>,
        query: &dyn Query,
        top: usize,
    ) -> Result<Vec<FacetValue>, SearchError> {
        let directory = self.directory(kind)?;
        let mut groups: HashMap<String, Vec<(String, u64)>> = HashMap::default();
        for (form, count) in raw {
            let name = directory
                .group_of(&form)
                .map_or_else(|| form.clone(), |g| g.name.clone());
            groups.entry(name).or_default().push((form, count));
        }
        let lower = |forms: &[(String, u64)]| forms.iter().map(|f| f.1).max().unwrap_or(0);
        let upper = |forms: &[(String, u64)]| forms.iter().map(|f| f.1).sum::<u64>();
        let mut lows: Vec<u64> = groups.values().map(|f| lower(f)).collect();
        let threshold = if top == 0 || top > lows.len() {
            0
        } else {
            let (_, nth, _) = lows.select_nth_unstable_by(top - 1, |a, b| b.cmp(a));
            *nth
        };
        let mut values = Vec::with_capacity(groups.len());
        for (name, forms) in groups {
            let mut count = lower(&forms);
            if forms.len() > 1 && upper(&forms) >= threshold {
                let both = BooleanQuery::intersection(vec![
                    query.box_clone(),
                    self.any_facet(kind, forms.iter().map(|f| f.0.as_str())),
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
