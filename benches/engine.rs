//! Query latency on a large index with many quotes.
//!
//! `cargo bench --bench engine -- [CORPUS]` (default `../shared/corpora`) reads every article
//! of the corpus, gives each one synthetic enrichment (its sentences that carry quotation marks
//! become quotes by speakers drawn from a fixed pool, with countries and dates drawn the same
//! way), indexes them into a temporary folder, then times opening the index and running the
//! searches a user runs, as each `newsdex` invocation does: open, query, read the hits.
//!
//! The enrichment is synthetic so that latency can be measured whatever the extractors find;
//! the text, the document count and the quote count are the corpus's own.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use jiff::civil::Date;
use newsdex::corpus::{self, Article, Walked};
use newsdex::enrich::{CountryCode, CountryMention, Enriched, Quote, QuoteKind};
use newsdex::index::record::StoredArticle;
use newsdex::index::writer::{Writer, WriterOptions};
use newsdex::search::{Engine, Filters, QuoteRequest, SearchRequest};

/// Speaker forms, several per person, as articles write them.
const SPEAKERS: &[&str] = &[
    "Donald Trump",
    "Trump",
    "President Donald Trump",
    "Xi Jinping",
    "Xi",
    "Marco Rubio",
    "Rubio",
    "S Jaishankar",
    "Theresa May",
    "Angela Merkel",
    "Shinzo Abe",
    "Wang Yi",
    "Gao Feng",
    "Robert Lighthizer",
    "Wilbur Ross",
    "Steven Mnuchin",
    "Emmanuel Macron",
    "Justin Trudeau",
    "Narendra Modi",
    "Imran Khan",
];

const COUNTRIES: &[&str] = &["US", "CN", "IN", "PK", "JP", "DE", "GB", "FR", "CA", "MX"];

fn hash(text: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(text.as_bytes())
}

fn synthetic(article: &Article) -> Enriched {
    let h = hash(&article.path);
    let mut quotes = Vec::new();
    let mut start = 0;
    for sentence in article.body.split_inclusive(['.', '?', '!']) {
        if sentence.contains(['"', '\u{201c}']) && quotes.len() < 12 {
            let n = hash(sentence) as usize;
            quotes.push(Quote {
                text: sentence.trim().to_string(),
                speaker: Some(SPEAKERS[n % SPEAKERS.len()].to_string()),
                role: None,
                speaker_country: CountryCode::parse(COUNTRIES[n % COUNTRIES.len()]).ok(),
                kind: QuoteKind::Direct,
                start,
                end: start + sentence.len(),
            });
        }
        start += sentence.len();
    }
    let mut speakers: Vec<String> = Vec::new();
    for q in &quotes {
        if let Some(s) = &q.speaker
            && !speakers.contains(s)
        {
            speakers.push(s.clone());
        }
    }
    let countries = (0..1 + h % 3)
        .filter_map(|i| CountryCode::parse(COUNTRIES[((h >> (8 * i)) % 10) as usize]).ok())
        .map(|code| CountryMention { code, mentions: 1 })
        .collect::<Vec<_>>();
    let mut unique: Vec<CountryMention> = Vec::new();
    for c in countries {
        if !unique.iter().any(|u| u.code == c.code) {
            unique.push(c);
        }
    }
    Enriched {
        quotes,
        speakers,
        countries: unique,
        date: Date::new(
            2014 + (h % 6) as i16,
            1 + (h % 12) as i8,
            1 + (h % 28) as i8,
        )
        .ok(),
        ..Enriched::default()
    }
}

fn time<T>(label: &str, runs: usize, mut f: impl FnMut() -> T) {
    let mut times: Vec<Duration> = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        std::hint::black_box(f());
        times.push(t.elapsed());
    }
    let first = times[0];
    times.sort();
    println!(
        "{label:<48} first {:>7.1} ms   median {:>7.1} ms   max {:>7.1} ms",
        first.as_secs_f64() * 1e3,
        times[times.len() / 2].as_secs_f64() * 1e3,
        times[times.len() - 1].as_secs_f64() * 1e3
    );
}

fn main() {
    let corpus = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map_or_else(|| PathBuf::from("../shared/corpora"), PathBuf::from);
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("index");
    let started = Instant::now();
    let mut writer = Writer::open(
        &dir,
        WriterOptions {
            threads: 1,
            memory_mb: 128,
        },
    )
    .expect("open writer");
    let fields = writer.handle().fields;
    let (mut articles, mut quotes) = (0usize, 0usize);
    for walked in corpus::walk(std::slice::from_ref(&corpus)) {
        let Walked::File(file) = walked else { continue };
        let _ = corpus::read_reporting(
            &file,
            &mut |article| {
                let enriched = synthetic(&article);
                quotes += enriched.quotes.len();
                articles += 1;
                let stored = StoredArticle {
                    file: file.name.clone(),
                    article,
                    enriched,
                };
                for doc in stored.documents(&fields).expect("documents") {
                    writer.add(doc).expect("add");
                }
            },
            &mut |_| {},
        );
    }
    writer.commit().expect("commit");
    writer.finish().expect("finish");
    println!(
        "indexed {articles} articles and {quotes} quotes from {} in {:.1} s",
        corpus.display(),
        started.elapsed().as_secs_f64()
    );

    let quotes_by = |speaker: &str, text: Option<&str>, country: Option<&str>| {
        let engine = Engine::open(&dir).expect("open");
        engine
            .quotes(&QuoteRequest {
                text: text.map(str::to_string),
                filters: Filters {
                    speakers: (!speaker.is_empty())
                        .then(|| speaker.to_string())
                        .into_iter()
                        .collect(),
                    countries: country
                        .and_then(|c| CountryCode::parse(c).ok())
                        .into_iter()
                        .collect(),
                    ..Filters::default()
                },
                limit: 10,
                facet_top: 10,
                ..QuoteRequest::default()
            })
            .expect("quotes")
            .total
    };
    let runs = 11;
    time("open + quotes --speaker trump", runs, || {
        quotes_by("trump", None, None)
    });
    time("open + quotes tariff --country CN", runs, || {
        quotes_by("", Some("tariff"), Some("CN"))
    });
    time("open + quotes --speaker \"Marco Rubio\"", runs, || {
        quotes_by("Marco Rubio", None, None)
    });
    time(
        "open + search tariff (country, speaker facets)",
        runs,
        || {
            let engine = Engine::open(&dir).expect("open");
            engine
                .search(&SearchRequest {
                    query: Some("tariff".into()),
                    limit: 10,
                    facets: vec![
                        newsdex::index::schema::FacetKind::Country,
                        newsdex::index::schema::FacetKind::Speaker,
                    ],
                    facet_top: 10,
                    ..SearchRequest::default()
                })
                .expect("search")
                .total
        },
    );
    time("open + speakers directory", 3, || {
        let engine = Engine::open(&dir).expect("open");
        engine
            .speakers(&newsdex::search::SpeakerRequest {
                top: 20,
                ..Default::default()
            })
            .expect("speakers")
            .total
    });
}
