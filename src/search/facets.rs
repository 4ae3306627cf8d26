//! Facet counts over a whole result set: how many hits have each country, speaker, rate band.
//!
//! Counts come from one collector pass over the hits. Every value of a kind has a number,
//! read once from the segments' facet dictionaries ([`ValueTable`]); speakers and people are
//! numbered by person (see [`names`](super::names)), and an article naming one person under
//! two forms counts once for them.

use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;
use tantivy::BitSet;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::TermOrdHit;
use tantivy::fastfield::FacetReader;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocSet, SegmentReader, TERMINATED, Term};

use super::{Engine, SearchError};
use crate::index::schema::{DOC_TYPE, Docs, FacetKind, ValueOrder, tariff_band_rank};

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
                    known: FacetKind::names(allowed),
                });
            }
        }
    }
    Ok(kinds)
}

/// Every value of one facet kind in the open commit, numbered, with the number of each facet
/// ordinal of that kind in every segment. Built once per kind and kept: counting then adds up
/// plain integers and no value is spelt out until the top ones are shown.
#[derive(Debug, Default)]
pub struct ValueTable {
    /// The value shown for each id.
    labels: Vec<String>,
    /// By segment ordinal: the first ordinal of the kind and the id of each of its ordinals.
    segments: Vec<(u64, Vec<u32>)>,
    /// Whether several ordinals of one document can share an id (the forms of one person's
    /// name), so that a document must be counted once per id.
    merged: bool,
}

impl ValueTable {
    /// The values of `kind` in the facet dictionaries of `segments`, one id per distinct value.
    pub(super) fn read(
        segments: &[SegmentReader],
        docs: Docs,
        kind: FacetKind,
    ) -> tantivy::Result<ValueTable> {
        let (start, end) = kind_bounds(kind);
        let mut ids: HashMap<String, u32> = HashMap::default();
        let mut table = ValueTable::default();
        for segment in segments {
            let reader = segment.facet_reader(kind.field(docs))?;
            let dict = reader.facet_dict();
            let first = ord_of(dict, &start)?;
            let mut numbers = Vec::new();
            let mut terms = dict.range().ge(&start).lt(&end).into_stream()?;
            while terms.advance() {
                let value = terms.key().get(start.len()..).unwrap_or_default();
                let value = String::from_utf8_lossy(value);
                let id = match ids.get(value.as_ref()) {
                    Some(&id) => id,
                    None => {
                        let id = table.labels.len() as u32;
                        table.labels.push(value.to_string());
                        ids.insert(value.into_owned(), id);
                        id
                    }
                };
                numbers.push(id);
            }
            table.segments.push((first, numbers));
        }
        Ok(table)
    }

    /// The distinct values, by id.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// The same ordinals numbered by `label_of` a value instead: values with one label share
    /// an id, and a document is counted once per label.
    pub(super) fn relabel(&self, label_of: impl Fn(&str) -> String) -> ValueTable {
        let mut ids: HashMap<String, u32> = HashMap::default();
        let mut labels = Vec::new();
        let new_id: Vec<u32> = self
            .labels
            .iter()
            .map(|value| {
                let label = label_of(value);
                *ids.entry(label).or_insert_with_key(|label| {
                    labels.push(label.clone());
                    labels.len() as u32 - 1
                })
            })
            .collect();
        ValueTable {
            labels,
            segments: self
                .segments
                .iter()
                .map(|(first, numbers)| {
                    (
                        *first,
                        numbers.iter().map(|&n| new_id[n as usize]).collect(),
                    )
                })
                .collect(),
            merged: true,
        }
    }
}

/// The facet terms of a kind lie between `root\0` and `root\x01`.
fn kind_bounds(kind: FacetKind) -> (Vec<u8>, Vec<u8>) {
    let root = kind.root();
    let mut start = root.encoded_str().as_bytes().to_vec();
    start.push(0);
    let mut end = root.encoded_str().as_bytes().to_vec();
    end.push(1);
    (start, end)
}

/// The ordinal of `key` in a facet dictionary, or of the first term after it.
fn ord_of(dict: &tantivy::columnar::Dictionary, key: &[u8]) -> std::io::Result<u64> {
    Ok(match dict.term_ord_or_next(key)? {
        TermOrdHit::Exact(ord) | TermOrdHit::Next(ord) => ord.min(dict.num_terms() as u64),
    })
}

/// Counts of facet values by kind, over the documents a query matched.
#[derive(Debug, Default, Clone)]
pub struct Tally(Vec<(FacetKind, Arc<ValueTable>, Vec<u64>)>);

impl Tally {
    /// Each kind's counts as a tally of its own, to be kept and joined again.
    pub(super) fn split(self) -> Vec<(FacetKind, Tally)> {
        self.0.into_iter().map(|e| (e.0, Tally(vec![e]))).collect()
    }

    /// The counts of several tallies in one.
    pub(super) fn join(tallies: impl IntoIterator<Item = Tally>) -> Tally {
        Tally(tallies.into_iter().flat_map(|t| t.0).collect())
    }

    /// Every value of a kind with its count, in no particular order, taken out of the tally.
    pub fn take(&mut self, kind: FacetKind) -> Vec<(String, u64)> {
        self.take_top(kind, usize::MAX).0
    }

    /// The `top` most counted values of a kind (ties by value), or all of them for kinds with
    /// an order of their own, and how many values were counted at all.
    fn take_top(&mut self, kind: FacetKind, top: usize) -> (Vec<(String, u64)>, usize) {
        let Some(at) = self.0.iter().position(|(k, _, _)| *k == kind) else {
            return (Vec::new(), 0);
        };
        let (_, table, counts) = self.0.swap_remove(at);
        let mut ids: Vec<usize> = (0..counts.len()).filter(|&i| counts[i] > 0).collect();
        let distinct = ids.len();
        let rank = |a: &usize, b: &usize| {
            counts[*b]
                .cmp(&counts[*a])
                .then_with(|| table.labels[*a].cmp(&table.labels[*b]))
        };
        if !kind.is_ordinal() && top < ids.len() {
            ids.select_nth_unstable_by(top, rank);
            ids.truncate(top);
        }
        let values = ids
            .into_iter()
            .map(|i| (table.labels[i].clone(), counts[i]))
            .collect();
        (values, distinct)
    }
}

/// Counts the values of some facet kinds over the documents a query matches, by the numbers
/// of a [`ValueTable`] per kind.
pub struct FacetCounter {
    docs: Docs,
    kinds: Vec<(FacetKind, Arc<ValueTable>)>,
    /// Whether the query matches every document of `docs`: counts may then come from postings.
    everything: bool,
    /// See [`HITS_PER_VALUE`].
    hits_per_value: usize,
    /// See [`HIT_SHARE`].
    hit_share: usize,
}

impl FacetCounter {
    pub(super) fn new(docs: Docs, kinds: Vec<(FacetKind, Arc<ValueTable>)>) -> FacetCounter {
        FacetCounter {
            docs,
            kinds,
            everything: false,
            hits_per_value: HITS_PER_VALUE,
            hit_share: HIT_SHARE,
        }
    }

    /// For a query known to match every document of its kind: a kind with few values for the
    /// segment's documents is counted from its values' postings ([`count_segment`]) instead of
    /// hit by hit.
    pub(super) fn over_everything(self, everything: bool) -> FacetCounter {
        FacetCounter { everything, ..self }
    }

    /// Count every kind from postings, however many values and however few hits.
    #[cfg(test)]
    pub(super) fn always_from_postings(self) -> FacetCounter {
        FacetCounter {
            hits_per_value: 0,
            hit_share: usize::MAX,
            ..self
        }
    }
}

/// One kind's counting in one segment.
struct SegmentKind {
    kind: FacetKind,
    reader: FacetReader,
    first: u64,
    numbers: Arc<ValueTable>,
    segment: usize,
    counts: Vec<u32>,
    /// For merged tables: the last document (plus one) counted under each id.
    last_doc: Vec<u32>,
    /// Whether this kind is counted from its postings at harvest, not hit by hit.
    from_postings: bool,
    /// Whether this kind is counted at harvest, from the hits kept: from its postings if there
    /// are enough hits for that to pay, else hit by hit.
    deferred: bool,
}

impl SegmentKind {
    /// Count the values of one hit.
    fn count_hit(&mut self, doc: tantivy::DocId) {
        let numbers = &self.numbers.segments[self.segment].1;
        for ord in self.reader.facet_ords(doc) {
            let Some(&id) = ord
                .checked_sub(self.first)
                .and_then(|i| numbers.get(i as usize))
            else {
                continue;
            };
            let id = id as usize;
            if !self.last_doc.is_empty() {
                if self.last_doc[id] == doc + 1 {
                    continue;
                }
                self.last_doc[id] = doc + 1;
            }
            self.counts[id] += 1;
        }
    }
}

pub struct SegmentFacetCounter {
    kinds: Vec<SegmentKind>,
    /// Whether any kind is counted hit by hit as the hits come.
    by_hit: bool,
    /// The hits, in order, kept when some kind is deferred to harvest.
    hits: Option<Vec<tantivy::DocId>>,
    /// How many documents of the kind the segment holds.
    kind_docs: usize,
    hits_per_value: usize,
    hit_share: usize,
    segment: SegmentReader,
    docs: Docs,
}

/// Reading one value's postings costs about as much as counting this many hits one by one:
/// counting from postings pays when a kind has fewer values than hits by this factor. Over a
/// filter's hits the postings are read in full and each document looked up among the hits,
/// so there the hits must also be at least a [`HIT_SHARE`] of the segment.
const HITS_PER_VALUE: usize = 16;

/// See [`HITS_PER_VALUE`]: the hits must be at least one in this many of a segment's documents.
const HIT_SHARE: usize = 4;

impl Collector for FacetCounter {
    type Fruit = Tally;
    type Child = SegmentFacetCounter;

    fn for_segment(
        &self,
        segment_ord: tantivy::SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentFacetCounter> {
        let segment_ord = segment_ord as usize;
        // How many documents of the kind the segment holds (all hits, over everything).
        let kind_docs = {
            let field = segment.schema().get_field(DOC_TYPE)?;
            let term = Term::from_field_text(field, self.docs.doc_type());
            segment.inverted_index(field)?.doc_freq(&term)? as usize
        };
        let hits = if self.everything { kind_docs } else { 0 };
        let kinds: Vec<SegmentKind> = self
            .kinds
            .iter()
            .map(|(kind, table)| {
                let (first, size) = table
                    .segments
                    .get(segment_ord)
                    .map_or((0, 0), |(first, numbers)| (*first, numbers.len()));
                let ids = if size == 0 { 0 } else { table.labels.len() };
                Ok(SegmentKind {
                    kind: *kind,
                    reader: segment.facet_reader(kind.field(self.docs))?,
                    first,
                    numbers: Arc::clone(table),
                    segment: segment_ord,
                    counts: vec![0; ids],
                    last_doc: if table.merged {
                        vec![0; ids]
                    } else {
                        Vec::new()
                    },
                    from_postings: self.everything
                        && size.saturating_mul(self.hits_per_value) <= hits,
                    // Whether a filter's hits could be enough to count from postings.
                    deferred: !self.everything
                        && size > 0
                        && size.saturating_mul(self.hits_per_value) <= kind_docs,
                })
            })
            .collect::<tantivy::Result<_>>()?;
        Ok(SegmentFacetCounter {
            by_hit: kinds.iter().any(|k| !k.from_postings && !k.deferred),
            hits: kinds.iter().any(|k| k.deferred).then(Vec::new),
            kind_docs,
            hits_per_value: self.hits_per_value,
            hit_share: self.hit_share,
            kinds,
            segment: segment.clone(),
            docs: self.docs,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        segments: Vec<tantivy::Result<Vec<Vec<u32>>>>,
    ) -> tantivy::Result<Tally> {
        let mut all: Vec<Vec<u64>> = self
            .kinds
            .iter()
            .map(|(_, table)| vec![0; table.labels.len()])
            .collect();
        for segment in segments {
            for (into, counts) in all.iter_mut().zip(segment?) {
                for (total, n) in into.iter_mut().zip(counts) {
                    *total += u64::from(n);
                }
            }
        }
        Ok(Tally(
            self.kinds
                .iter()
                .zip(all)
                .map(|((kind, table), counts)| (*kind, Arc::clone(table), counts))
                .collect(),
        ))
    }
}

impl SegmentCollector for SegmentFacetCounter {
    type Fruit = tantivy::Result<Vec<Vec<u32>>>;

    fn collect(&mut self, doc: tantivy::DocId, _: tantivy::Score) {
        if let Some(hits) = &mut self.hits {
            hits.push(doc);
        }
        if !self.by_hit {
            return;
        }
        for kind in self
            .kinds
            .iter_mut()
            .filter(|k| !k.from_postings && !k.deferred)
        {
            kind.count_hit(doc);
        }
    }

    fn harvest(self) -> tantivy::Result<Vec<Vec<u32>>> {
        let (segment, docs) = (self.segment, self.docs);
        let hits = self.hits.unwrap_or_default();
        // The hits as a set, made when the first kind is counted from postings.
        let mut within: Option<BitSet> = None;
        let many = !hits.is_empty() && hits.len().saturating_mul(self.hit_share) >= self.kind_docs;
        self.kinds
            .into_iter()
            .map(|mut k| {
                if k.from_postings && !k.counts.is_empty() {
                    let numbers = &k.numbers.segments[k.segment].1;
                    count_segment(&segment, docs, k.kind, numbers, None, &mut k.counts)?;
                } else if k.deferred {
                    let numbers = &k.numbers.segments[k.segment].1;
                    if many && numbers.len().saturating_mul(self.hits_per_value) <= hits.len() {
                        let within = within.get_or_insert_with(|| {
                            let mut set = BitSet::with_max_value(segment.max_doc());
                            for &doc in &hits {
                                set.insert(doc);
                            }
                            set
                        });
                        count_segment(
                            &segment,
                            docs,
                            k.kind,
                            numbers,
                            Some(within),
                            &mut k.counts,
                        )?;
                    } else {
                        for &doc in &hits {
                            k.count_hit(doc);
                        }
                    }
                }
                Ok(k.counts)
            })
            .collect()
    }
}

/// Add one segment's counts of `kind` over all its live documents of `docs` (or only those
/// `within`, a set of live documents) to `counts`, from the postings of the kind's terms,
/// numbered as `numbers` (the table's ids of the segment's values, in term order).
fn count_segment(
    segment: &SegmentReader,
    docs: Docs,
    kind: FacetKind,
    numbers: &[u32],
    within: Option<&BitSet>,
    counts: &mut [u32],
) -> tantivy::Result<()> {
    let Some(last) = numbers.len().checked_sub(1) else {
        return Ok(());
    };
    let field = segment.schema().get_field(kind.field(docs))?;
    let inverted = segment.inverted_index(field)?;
    // The segment's values are a run of consecutive terms in the term dictionary too (which
    // also holds the kind's root): read the run from the column's first value and check that
    // it ends on the column's last.
    let column = segment.facet_reader(kind.field(docs))?;
    let dict = column.facet_dict();
    let first_value = ord_of(dict, &kind_bounds(kind).0)?;
    let mut first_key = Vec::new();
    let mut last_key = Vec::new();
    dict.ord_to_term(first_value, &mut first_key)?;
    dict.ord_to_term(first_value + last as u64, &mut last_key)?;
    let mut infos = Vec::with_capacity(numbers.len());
    let mut terms = inverted.terms().range().ge(&first_key).into_stream()?;
    while infos.len() < numbers.len() && terms.advance() {
        infos.push(terms.value().clone());
    }
    if infos.len() != numbers.len() || terms.key() != last_key.as_slice() {
        return Err(tantivy::TantivyError::InternalError(format!(
            "the {} values of a segment differ between its postings and its column",
            kind.name()
        )));
    }
    let alive = segment.alive_bitset();
    // Forms per id in this segment: an id with one form and no deleted document is its
    // posting list's length.
    let mut forms = vec![0u32; counts.len()];
    for &id in numbers {
        forms[id as usize] += 1;
    }
    let mut walk: Vec<(u32, usize)> = Vec::new();
    for (i, (&id, info)) in numbers.iter().zip(&infos).enumerate() {
        if within.is_none() && alive.is_none() && forms[id as usize] == 1 {
            counts[id as usize] += info.doc_freq;
        } else {
            walk.push((id, i));
        }
    }
    if walk.is_empty() {
        return Ok(());
    }
    // The rest, one id at a time, each live document once per id.
    walk.sort_unstable();
    let mut last_id = vec![u32::MAX; segment.max_doc() as usize];
    for (id, i) in walk {
        let mut postings =
            inverted.read_postings_from_terminfo(&infos[i], IndexRecordOption::Basic)?;
        let mut doc = postings.doc();
        while doc != TERMINATED {
            let live = match within {
                Some(within) => within.contains(doc),
                None => alive.is_none_or(|a| a.is_alive(doc)),
            };
            if live && last_id[doc as usize] != id {
                last_id[doc as usize] = id;
                counts[id as usize] += 1;
            }
            doc = postings.advance();
        }
    }
    Ok(())
}

impl Engine {
    /// The numbering facet counts of `kind` use: one id per value, or per person for speakers
    /// and people, so a person named in one article under two forms counts once there.
    pub(super) fn counting_table(
        &self,
        docs: Docs,
        kind: FacetKind,
    ) -> Result<Arc<ValueTable>, SearchError> {
        let slot = match kind {
            FacetKind::Speaker => &self.person_tables[docs as usize][0],
            FacetKind::Person => &self.person_tables[docs as usize][1],
            _ => return self.value_table(docs, kind),
        };
        if let Some(table) = slot.get() {
            return Ok(Arc::clone(table));
        }
        let directory = self.directory(kind)?;
        let table = self.value_table(docs, kind)?.relabel(|form| {
            directory
                .group_of(form)
                .map_or_else(|| form.to_string(), |g| g.name.clone())
        });
        Ok(Arc::clone(slot.get_or_init(|| Arc::new(table))))
    }

    /// Every value of `kind` on documents of `docs`, one id each.
    pub(super) fn value_table(
        &self,
        docs: Docs,
        kind: FacetKind,
    ) -> Result<Arc<ValueTable>, SearchError> {
        let slot = &self.value_tables[docs as usize][kind.index()];
        if let Some(table) = slot.get() {
            return Ok(Arc::clone(table));
        }
        let table = ValueTable::read(self.searcher.segment_readers(), docs, kind)
            .map_err(|e| self.handle.err(e))?;
        Ok(Arc::clone(slot.get_or_init(|| Arc::new(table))))
    }

    /// A collector counting `kinds` on documents of `docs`, people grouped.
    pub(super) fn facet_counter(
        &self,
        docs: Docs,
        kinds: &[FacetKind],
    ) -> Result<FacetCounter, SearchError> {
        let tables = kinds
            .iter()
            .map(|&kind| Ok((kind, self.counting_table(docs, kind)?)))
            .collect::<Result<_, SearchError>>()?;
        Ok(FacetCounter::new(docs, tables))
    }

    /// Turn collected counts into the top `top` values per kind.
    pub(super) fn facet_counts(
        &self,
        mut counts: Tally,
        kinds: &[FacetKind],
        top: usize,
    ) -> Vec<FacetCounts> {
        let mut out = Vec::new();
        for &kind in kinds {
            let (raw, distinct) = counts.take_top(kind, top);
            let mut values: Vec<FacetValue> = raw
                .into_iter()
                .map(|(value, count)| FacetValue { value, count })
                .collect();
            match kind.row().order {
                ValueOrder::ByValue => values.sort_by(|a, b| a.value.cmp(&b.value)),
                ValueOrder::ByBand => values.sort_by_key(|v| tariff_band_rank(&v.value)),
                ValueOrder::ByCount => {
                    values.sort_by(|a, b| b.count.cmp(&a.count).then(a.value.cmp(&b.value)))
                }
            }
            out.push(FacetCounts {
                kind,
                values,
                distinct,
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema::{ARTICLE_FACETS, QUOTE_FACETS};

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
    }

    fn tally(kind: FacetKind, counts: &[(&str, u64)]) -> Tally {
        let table = ValueTable {
            labels: counts.iter().map(|(v, _)| v.to_string()).collect(),
            ..ValueTable::default()
        };
        let counts = counts.iter().map(|(_, n)| *n).collect();
        Tally(vec![(kind, Arc::new(table), counts)])
    }

    #[test]
    fn the_top_values_are_the_most_counted_ties_by_name_and_unseen_ones_do_not_count() {
        let counts = [
            ("JP", 2),
            ("CN", 5),
            ("IN", 2),
            ("FR", 0),
            ("US", 5),
            ("BR", 1),
        ];
        let (top, distinct) = tally(FacetKind::Country, &counts).take_top(FacetKind::Country, 3);
        let mut top = top;
        top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        assert_eq!(
            top,
            [
                ("CN".to_string(), 5),
                ("US".to_string(), 5),
                ("IN".to_string(), 2)
            ]
        );
        assert_eq!(distinct, 5);
        // Ordinal kinds keep every value, whatever the top.
        let (years, distinct) = tally(FacetKind::Year, &[("2016", 1), ("2018", 3), ("2019", 0)])
            .take_top(FacetKind::Year, 1);
        assert_eq!(years.len(), 2);
        assert_eq!(distinct, 2);
        assert!(Tally::default().take(FacetKind::Org).is_empty());
    }
}
