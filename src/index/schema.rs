//! The index schema, declared once: every field name, the [`Fields`] handles built from them,
//! the text analyzer, the facet paths and the schema version.
//!
//! One tantivy index holds three kinds of document, told apart by [`DOC_TYPE`]:
//! - an *article*: title and body text for BM25 (its quotes are part of the body, so they are
//!   not indexed again on the article), the categorical values (countries,
//!   speakers, people, organisations, source, year, tariff bands, tariff imposers and targets)
//!   as facets, tariff rates as a multi-valued fast `f64`, the date as a fast date, the body
//!   stored, and the rest of the article with its extracted fields as one stored JSON record
//!   (the body is stored once: a document holds its text while it is written, so a copy in
//!   the record too would cost a very large article its size again in memory);
//! - a *quote*: one per extracted quote, so quote search ranks quotes; it carries its own text,
//!   speaker, kind and speaker country, and its article's id, title, date and countries;
//! - a *file*: the incremental-indexing state of one source file (see `sync`), committed in
//!   the same commit as the file's articles so the two can never disagree.
//!
//! Every article query is restricted to article documents, so quotes and file states never
//! change article counts or facets.

use tantivy::schema::{
    DateOptions, DateTimePrecision, FAST, Facet, FacetOptions, Field, INDEXED, IndexRecordOption,
    NumericOptions, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::TextAnalyzer;

/// The version of the layout below. Bump it whenever a field, its options or the meaning of
/// a stored record changes: an index with another version must be rebuilt.
pub const SCHEMA_VERSION: u32 = 8;

/// Kind of document: [`ARTICLE_DOC`], [`QUOTE_DOC`] or [`FILE_DOC`].
pub const DOC_TYPE: &str = "doc_type";
/// The article id (its path name) on article and quote documents; the upsert key.
pub const ARTICLE: &str = "article";
/// The source file's name on article, quote and file documents: a changed or deleted file
/// removes everything it produced with one delete.
pub const FILE: &str = "file";
/// The file-state key (the file's absolute path) on file documents.
pub const STATE_KEY: &str = "state_key";
pub const TITLE: &str = "title";
pub const BODY: &str = "body";
/// The text of a quote document's one quote.
pub const QUOTE: &str = "quote";
pub const DATE: &str = "date";
/// Every stated tariff rate, in percent.
pub const TARIFF: &str = "tariff";
/// The highest stated tariff rate, for sorting.
pub const TARIFF_MAX: &str = "tariff_max";
/// A quote's byte offset in its article, to order quotes of one article.
pub const QUOTE_POS: &str = "quote_pos";
/// The stored JSON record (see `record`).
pub const RECORD: &str = "record";

/// The documents facets and searches are about: articles or quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Docs {
    Articles = 0,
    Quotes = 1,
}

impl Docs {
    /// The `doc_type` value of these documents.
    pub fn doc_type(self) -> &'static str {
        match self {
            Docs::Articles => ARTICLE_DOC,
            Docs::Quotes => QUOTE_DOC,
        }
    }
}

pub const ARTICLE_DOC: &str = "article";
pub const QUOTE_DOC: &str = "quote";
pub const FILE_DOC: &str = "file";

/// The analyzer of title, body and quote text: words, lower-cased, folded to ASCII (so
/// "Sánchez" finds "Sanchez"), English stemming (so "tariffs" finds "tariff"); see `analyzer`.
pub const TEXT_ANALYZER: &str = "newsdex_en";

/// The fields a user may name in an article query (`title:steel`).
pub const ARTICLE_QUERY_FIELDS: &[&str] = &[TITLE, BODY];

/// Handles of every field, looked up once.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub doc_type: Field,
    pub article: Field,
    pub file: Field,
    pub state_key: Field,
    pub title: Field,
    pub body: Field,
    pub quote: Field,
    /// One facet field a kind, by [`Docs`] then [`FacetKind::index`].
    pub facets: [[Field; FacetKind::ALL.len()]; 2],
    pub date: Field,
    pub tariff: Field,
    pub tariff_max: Field,
    pub quote_pos: Field,
    pub record: Field,
}

impl Fields {
    /// The field of one facet kind on documents of `docs`.
    pub fn facet(&self, docs: Docs, kind: FacetKind) -> Field {
        self.facets[docs as usize][kind.index()]
    }
}

/// The schema and its field handles.
pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TEXT_ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let fields = Fields {
        doc_type: b.add_text_field(DOC_TYPE, STRING),
        article: b.add_text_field(ARTICLE, STRING | FAST),
        file: b.add_text_field(FILE, STRING),
        state_key: b.add_text_field(STATE_KEY, STRING),
        title: b.add_text_field(TITLE, text.clone()),
        body: b.add_text_field(BODY, text.clone().set_stored()),
        // No length norms for quotes: BM25 would rank a two-word fragment ("the tariffs")
        // above every full sentence that says the same words; quotes are ranked by how often
        // and how rare the words are.
        quote: b.add_text_field(
            QUOTE,
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(TEXT_ANALYZER)
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions)
                    .set_fieldnorms(false),
            ),
        ),
        // One facet field a kind, and quotes apart from articles: counting one kind reads only
        // that kind's values, and a field's postings hold one kind of document.
        facets: [Docs::Articles, Docs::Quotes].map(|docs| {
            FacetKind::ALL.map(|kind| b.add_facet_field(kind.field(docs), FacetOptions::default()))
        }),
        date: b.add_date_field(
            DATE,
            DateOptions::from(INDEXED)
                .set_fast()
                .set_precision(DateTimePrecision::Seconds),
        ),
        tariff: b.add_f64_field(TARIFF, NumericOptions::default().set_indexed().set_fast()),
        tariff_max: b.add_f64_field(TARIFF_MAX, FAST),
        quote_pos: b.add_u64_field(QUOTE_POS, FAST),
        record: b.add_text_field(RECORD, TextOptions::default().set_stored()),
    };
    (b.build(), fields)
}

/// The analyzer registered as [`TEXT_ANALYZER`] (see `analyzer`).
pub fn text_analyzer() -> TextAnalyzer {
    super::analyzer::text_analyzer()
}

/// The categorical values kept as facets, each under its own root (`/country/IN`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FacetKind {
    Country,
    Speaker,
    Person,
    Org,
    Source,
    Year,
    /// Tariff rates in bands ([`tariff_band`]).
    Tariff,
    Imposer,
    Target,
    /// A quote's kind (direct, indirect, mixed); quote documents only.
    Kind,
    /// The country a quote's speaker is affiliated with; quote documents only.
    SpeakerCountry,
}

impl FacetKind {
    /// Every kind, in the order help texts list them; the kinds only quotes have come last.
    pub const ALL: [FacetKind; 11] = [
        FacetKind::Country,
        FacetKind::Speaker,
        FacetKind::Person,
        FacetKind::Org,
        FacetKind::Source,
        FacetKind::Tariff,
        FacetKind::Year,
        FacetKind::Imposer,
        FacetKind::Target,
        FacetKind::Kind,
        FacetKind::SpeakerCountry,
    ];

    /// The kind's place in [`FacetKind::ALL`].
    pub fn index(self) -> usize {
        match self {
            FacetKind::Country => 0,
            FacetKind::Speaker => 1,
            FacetKind::Person => 2,
            FacetKind::Org => 3,
            FacetKind::Source => 4,
            FacetKind::Tariff => 5,
            FacetKind::Year => 6,
            FacetKind::Imposer => 7,
            FacetKind::Target => 8,
            FacetKind::Kind => 9,
            FacetKind::SpeakerCountry => 10,
        }
    }

    /// The name of the field holding this kind's values on documents of `docs`, as
    /// `/kind/value` facets built by [`FacetKind::facet`].
    pub fn field(self, docs: Docs) -> &'static str {
        const ARTICLES: [&str; FacetKind::ALL.len()] = [
            "facet_country",
            "facet_speaker",
            "facet_person",
            "facet_org",
            "facet_source",
            "facet_tariff",
            "facet_year",
            "facet_imposer",
            "facet_target",
            "facet_kind",
            "facet_speaker_country",
        ];
        const QUOTES: [&str; FacetKind::ALL.len()] = [
            "quote_facet_country",
            "quote_facet_speaker",
            "quote_facet_person",
            "quote_facet_org",
            "quote_facet_source",
            "quote_facet_tariff",
            "quote_facet_year",
            "quote_facet_imposer",
            "quote_facet_target",
            "quote_facet_kind",
            "quote_facet_speaker_country",
        ];
        match docs {
            Docs::Articles => ARTICLES[self.index()],
            Docs::Quotes => QUOTES[self.index()],
        }
    }

    /// The root name, which is also the name users give on the command line.
    pub fn name(self) -> &'static str {
        match self {
            FacetKind::Country => "country",
            FacetKind::Speaker => "speaker",
            FacetKind::Person => "person",
            FacetKind::Org => "org",
            FacetKind::Source => "source",
            FacetKind::Year => "year",
            FacetKind::Tariff => "tariff",
            FacetKind::Imposer => "imposer",
            FacetKind::Target => "target",
            FacetKind::Kind => "kind",
            FacetKind::SpeakerCountry => "speaker_country",
        }
    }

    /// The kind a user names, if any.
    pub fn from_name(name: &str) -> Option<FacetKind> {
        let name = name.trim().to_ascii_lowercase().replace('-', "_");
        FacetKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The kind a facet made by [`FacetKind::facet`] is of.
    pub fn of(facet: &Facet) -> Option<FacetKind> {
        let root = facet.encoded_str().split('\0').next()?;
        FacetKind::ALL.into_iter().find(|k| k.name() == root)
    }

    /// The facet of one value: the single place facet paths are made.
    pub fn facet(self, value: &str) -> Facet {
        // The facet encoding separates levels with NUL; a value never contains one.
        if value.contains('\0') {
            let value = value.replace('\0', "");
            return Facet::from_path([self.name(), value.trim()]);
        }
        Facet::from_path([self.name(), value.trim()])
    }

    /// The root facet all values of this kind sit under.
    pub fn root(self) -> Facet {
        Facet::from_path([self.name()])
    }

    /// Whether values sort by their own order (years, rate bands) rather than by count.
    pub fn is_ordinal(self) -> bool {
        matches!(self, FacetKind::Year | FacetKind::Tariff)
    }
}

/// Tariff rate bands, as `(lower bound inclusive, label)`; a band ends where the next begins.
const TARIFF_BANDS: &[(f64, &str)] = &[
    (0.0, "0-5"),
    (5.0, "5-10"),
    (10.0, "10-25"),
    (25.0, "25-50"),
    (50.0, "50-100"),
    (100.0, "100+"),
];

/// The band label of a tariff rate in percent (`25` is in `25-50`).
pub fn tariff_band(rate: f64) -> &'static str {
    TARIFF_BANDS
        .iter()
        .rev()
        .find(|(low, _)| rate >= *low)
        .map_or(TARIFF_BANDS[0].1, |(_, label)| label)
}

/// The position of a band label among the bands, for ordering facet output.
pub fn tariff_band_rank(label: &str) -> usize {
    TARIFF_BANDS
        .iter()
        .position(|(_, l)| *l == label)
        .unwrap_or(TARIFF_BANDS.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::TokenStream;

    #[test]
    fn facets_have_one_level_per_kind() {
        let f = FacetKind::Speaker.facet("Marco Rubio");
        assert_eq!(f.to_path_string(), "/speaker/Marco Rubio");
        assert_eq!(f.to_path(), ["speaker", "Marco Rubio"]);
        assert!(FacetKind::Speaker.root().is_prefix_of(&f));
        assert!(!FacetKind::Person.root().is_prefix_of(&f));
        // A slash in a value stays inside the value.
        let org = FacetKind::Org.facet("AT&T/Time Warner");
        assert_eq!(org.to_path(), ["org", "AT&T/Time Warner"]);
    }

    #[test]
    fn each_kind_has_its_own_field_and_its_facets_say_which() {
        let (schema, fields) = build();
        let mut names = std::collections::HashSet::new();
        for (i, kind) in FacetKind::ALL.into_iter().enumerate() {
            assert_eq!(kind.index(), i);
            for docs in [Docs::Articles, Docs::Quotes] {
                assert!(names.insert(kind.field(docs)), "{kind:?} shares a field");
                assert_eq!(
                    schema.get_field_name(fields.facet(docs, kind)),
                    kind.field(docs)
                );
            }
            assert_eq!(FacetKind::of(&kind.facet("a/b value")), Some(kind));
        }
        assert_eq!(FacetKind::of(&Facet::from_path(["colour", "red"])), None);
    }

    #[test]
    fn kinds_parse_from_their_names() {
        for kind in FacetKind::ALL {
            assert_eq!(FacetKind::from_name(kind.name()), Some(kind));
        }
        assert_eq!(
            FacetKind::from_name("Speaker-Country"),
            Some(FacetKind::SpeakerCountry)
        );
        assert_eq!(FacetKind::from_name("colour"), None);
    }

    #[test]
    fn tariff_bands() {
        let table = [
            (0.0, "0-5"),
            (2.5, "0-5"),
            (5.0, "5-10"),
            (10.0, "10-25"),
            (24.9, "10-25"),
            (25.0, "25-50"),
            (50.0, "50-100"),
            (100.0, "100+"),
            (245.0, "100+"),
        ];
        for (rate, band) in table {
            assert_eq!(tariff_band(rate), band, "{rate}");
        }
        assert!(tariff_band_rank("5-10") < tariff_band_rank("100+"));
    }

    #[test]
    fn analyzer_folds_and_stems() {
        let mut analyzer = text_analyzer();
        let mut stream = analyzer.token_stream("Tariffs on Sánchez's steel");
        let mut tokens = Vec::new();
        while stream.advance() {
            tokens.push(stream.token().text.clone());
        }
        assert_eq!(tokens, ["tariff", "on", "sanchez", "s", "steel"]);
    }

    #[test]
    fn schema_is_stable() {
        let (a, _) = build();
        let (b, _) = build();
        assert_eq!(a, b);
    }
}
