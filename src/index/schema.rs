//! The index schema, declared once: every field name, the [`Fields`] handles built from them,
//! the text analyzer, the facet paths and the schema version. The facet kinds are one table,
//! [`FACET_TABLE`], a row a kind: its name, its two fields, its help text, which searches
//! count it and how its values are listed; the schema, the searches, the command line's help
//! and the web pages read it.
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
pub const SCHEMA_VERSION: u32 = 9;

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

/// The categorical values kept as facets, each under its own root (`/country/IN`). Everything
/// about a kind is its row of [`FACET_TABLE`]; the variants are in the table's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FacetKind {
    Country,
    Speaker,
    Person,
    Org,
    Source,
    /// Tariff rates in bands ([`tariff_band`]).
    Tariff,
    Year,
    Imposer,
    Target,
    /// A quote's kind (direct, indirect, mixed); quote documents only.
    Kind,
    /// The country a quote's speaker is affiliated with; quote documents only.
    SpeakerCountry,
}

/// How the values of a facet kind are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueOrder {
    /// The most counted first, ties by value; only the top ones are kept.
    ByCount,
    /// In their own order (years), every one kept.
    ByValue,
    /// In the order of the tariff bands, every one kept.
    ByBand,
}

/// One row of [`FACET_TABLE`]: a facet kind and everything the schema, the searches and the
/// help texts need to know of it.
#[derive(Debug, Clone, Copy)]
pub struct FacetRow {
    pub kind: FacetKind,
    /// The root of its facet paths, and the name users give (`--facets country`).
    pub name: &'static str,
    /// The facet field holding its values on article documents.
    pub article_field: &'static str,
    /// The facet field holding its values on quote documents.
    pub quote_field: &'static str,
    /// What its values are, for help texts.
    pub help: &'static str,
    /// Whether article searches and `facets` count it (kinds only quotes have do not).
    pub on_articles: bool,
    /// Its place among the counts of a quote search, if quotes are counted by it.
    pub quote_rank: Option<usize>,
    pub order: ValueOrder,
}

/// Every facet kind, one row each, in the order help texts list them (the kinds only quotes
/// have come last). Adding a kind is one row here, a variant of [`FacetKind`], and the values
/// `record` gives it (and a [`SCHEMA_VERSION`] bump: the row adds fields).
pub const FACET_TABLE: [FacetRow; 11] = [
    FacetRow {
        kind: FacetKind::Country,
        name: "country",
        article_field: "facet_country",
        quote_field: "quote_facet_country",
        help: "countries and trade blocs the article mentions",
        on_articles: true,
        quote_rank: Some(1),
        order: ValueOrder::ByCount,
    },
    FacetRow {
        kind: FacetKind::Speaker,
        name: "speaker",
        article_field: "facet_speaker",
        quote_field: "quote_facet_speaker",
        help: "who is quoted",
        on_articles: true,
        quote_rank: Some(0),
        order: ValueOrder::ByCount,
    },
    FacetRow {
        kind: FacetKind::Person,
        name: "person",
        article_field: "facet_person",
        quote_field: "quote_facet_person",
        help: "people the article names",
        on_articles: true,
        quote_rank: None,
        order: ValueOrder::ByCount,
    },
    FacetRow {
        kind: FacetKind::Org,
        name: "org",
        article_field: "facet_org",
        quote_field: "quote_facet_org",
        help: "organisations the article names",
        on_articles: true,
        quote_rank: None,
        order: ValueOrder::ByCount,
    },
    FacetRow {
        kind: FacetKind::Source,
        name: "source",
        article_field: "facet_source",
        quote_field: "quote_facet_source",
        help: "the publisher or outlet",
        on_articles: true,
        quote_rank: None,
        order: ValueOrder::ByCount,
    },
    FacetRow {
        kind: FacetKind::Tariff,
        name: "tariff",
        article_field: "facet_tariff",
        quote_field: "quote_facet_tariff",
        help: "stated tariff rates, in bands (0-5, 5-10, 10-25, 25-50, 50-100, 100+)",
        on_articles: true,
        quote_rank: None,
        order: ValueOrder::ByBand,
    },
    FacetRow {
        kind: FacetKind::Year,
        name: "year",
        article_field: "facet_year",
        quote_field: "quote_facet_year",
        help: "the year of publication",
        on_articles: true,
        quote_rank: Some(4),
        order: ValueOrder::ByValue,
    },
    FacetRow {
        kind: FacetKind::Imposer,
        name: "imposer",
        article_field: "facet_imposer",
        quote_field: "quote_facet_imposer",
        help: "who imposes a stated tariff",
        on_articles: true,
        quote_rank: None,
        order: ValueOrder::ByCount,
    },
    FacetRow {
        kind: FacetKind::Target,
        name: "target",
        article_field: "facet_target",
        quote_field: "quote_facet_target",
        help: "whom a stated tariff is aimed at",
        on_articles: true,
        quote_rank: None,
        order: ValueOrder::ByCount,
    },
    FacetRow {
        kind: FacetKind::Kind,
        name: "kind",
        article_field: "facet_kind",
        quote_field: "quote_facet_kind",
        help: "direct, indirect or mixed (quotes only)",
        on_articles: false,
        quote_rank: Some(3),
        order: ValueOrder::ByCount,
    },
    FacetRow {
        kind: FacetKind::SpeakerCountry,
        name: "speaker_country",
        article_field: "facet_speaker_country",
        quote_field: "quote_facet_speaker_country",
        help: "the country a quote's speaker is affiliated with (quotes only)",
        on_articles: false,
        quote_rank: Some(2),
        order: ValueOrder::ByCount,
    },
];

/// The kinds article searches and `facets` count, in table order.
pub const ARTICLE_FACETS: &[FacetKind] = &article_kinds::<{ count_article_kinds() }>();

/// The kinds a quote search counts, in the order of their `quote_rank`.
pub const QUOTE_FACETS: &[FacetKind] = &quote_kinds::<{ count_quote_kinds() }>();

const fn count_article_kinds() -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < FACET_TABLE.len() {
        if FACET_TABLE[i].on_articles {
            n += 1;
        }
        i += 1;
    }
    n
}

const fn article_kinds<const N: usize>() -> [FacetKind; N] {
    let mut out = [FacetKind::Country; N];
    let (mut i, mut n) = (0, 0);
    while i < FACET_TABLE.len() {
        if FACET_TABLE[i].on_articles {
            out[n] = FACET_TABLE[i].kind;
            n += 1;
        }
        i += 1;
    }
    out
}

const fn count_quote_kinds() -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < FACET_TABLE.len() {
        if FACET_TABLE[i].quote_rank.is_some() {
            n += 1;
        }
        i += 1;
    }
    n
}

/// The quote kinds by rank; a rank that no row or two rows hold fails the build.
const fn quote_kinds<const N: usize>() -> [FacetKind; N] {
    let mut out = [FacetKind::Country; N];
    let mut rank = 0;
    while rank < N {
        let mut found = 0;
        let mut i = 0;
        while i < FACET_TABLE.len() {
            if let Some(r) = FACET_TABLE[i].quote_rank
                && r == rank
            {
                out[rank] = FACET_TABLE[i].kind;
                found += 1;
            }
            i += 1;
        }
        assert!(found == 1, "each quote rank is held by one facet kind");
        rank += 1;
    }
    out
}

impl FacetKind {
    /// Every kind, in table order.
    pub const ALL: [FacetKind; FACET_TABLE.len()] = {
        let mut out = [FacetKind::Country; FACET_TABLE.len()];
        let mut i = 0;
        while i < FACET_TABLE.len() {
            out[i] = FACET_TABLE[i].kind;
            i += 1;
        }
        out
    };

    /// The kind's row of [`FACET_TABLE`].
    pub fn row(self) -> &'static FacetRow {
        &FACET_TABLE[self.index()]
    }

    /// The kind's place in [`FACET_TABLE`] and [`FacetKind::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The name of the field holding this kind's values on documents of `docs`, as
    /// `/kind/value` facets built by [`FacetKind::facet`].
    pub fn field(self, docs: Docs) -> &'static str {
        match docs {
            Docs::Articles => self.row().article_field,
            Docs::Quotes => self.row().quote_field,
        }
    }

    /// The root name, which is also the name users give on the command line.
    pub fn name(self) -> &'static str {
        self.row().name
    }

    /// The names of `kinds`, comma-separated, for help texts and messages.
    pub fn names(kinds: &[FacetKind]) -> String {
        kinds
            .iter()
            .map(|k| k.name())
            .collect::<Vec<_>>()
            .join(", ")
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
        self.row().order != ValueOrder::ByCount
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
        for kind in FacetKind::ALL {
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
    fn the_facet_table_has_one_row_a_kind_in_variant_order() {
        let mut names = std::collections::HashSet::new();
        for (i, row) in FACET_TABLE.iter().enumerate() {
            assert_eq!(row.kind as usize, i, "{:?} is out of place", row.kind);
            assert!(names.insert(row.name), "{} is named twice", row.name);
            // A name is a facet root and a command-line word: no slash, no capitals, no
            // hyphen (`from_name` reads a hyphen as an underscore).
            assert!(
                row.name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{}",
                row.name
            );
            assert!(
                !row.help.is_empty() && !row.help.ends_with('.'),
                "{}",
                row.name
            );
        }
    }

    #[test]
    fn every_row_s_fields_are_facet_fields_of_the_schema() {
        let (schema, _) = build();
        for row in FACET_TABLE {
            for name in [row.article_field, row.quote_field] {
                let field = schema.get_field(name).unwrap_or_else(|_| panic!("{name}"));
                assert!(
                    matches!(
                        schema.get_field_entry(field).field_type(),
                        tantivy::schema::FieldType::Facet(_)
                    ),
                    "{name} is no facet field"
                );
            }
        }
        // Nothing else in the schema is a facet field.
        let facet_fields = schema
            .fields()
            .filter(|(_, e)| matches!(e.field_type(), tantivy::schema::FieldType::Facet(_)))
            .count();
        assert_eq!(facet_fields, 2 * FACET_TABLE.len());
    }

    #[test]
    fn article_and_quote_kinds_come_from_the_table() {
        assert_eq!(
            ARTICLE_FACETS,
            [
                FacetKind::Country,
                FacetKind::Speaker,
                FacetKind::Person,
                FacetKind::Org,
                FacetKind::Source,
                FacetKind::Tariff,
                FacetKind::Year,
                FacetKind::Imposer,
                FacetKind::Target,
            ]
        );
        assert_eq!(
            QUOTE_FACETS,
            [
                FacetKind::Speaker,
                FacetKind::Country,
                FacetKind::SpeakerCountry,
                FacetKind::Kind,
                FacetKind::Year,
            ]
        );
        assert_eq!(
            FacetKind::names(QUOTE_FACETS),
            "speaker, country, speaker_country, kind, year"
        );
        let ordinal: Vec<_> = FacetKind::ALL
            .into_iter()
            .filter(|k| k.is_ordinal())
            .collect();
        assert_eq!(ordinal, [FacetKind::Tariff, FacetKind::Year]);
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
