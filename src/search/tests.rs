//! Search over a small index of hand-made articles: exact hits, totals and facet counts.

use jiff::civil::Date;

use super::*;
use crate::corpus::Article;
use crate::enrich::{
    CountryCode, CountryMention, Enriched, Person, Quote, QuoteKind, Tariff, TariffRate,
};
use crate::index::record::StoredArticle;
use crate::index::writer::{Writer, WriterOptions};

fn code(c: &str) -> CountryCode {
    CountryCode::parse(c).unwrap()
}

fn quote(text: &str, speaker: &str, country: Option<&str>, kind: QuoteKind) -> Quote {
    Quote {
        text: text.into(),
        speaker: Some(speaker.into()),
        role: None,
        speaker_country: country.map(code),
        kind,
        start: 0,
        end: text.len(),
        parts: Vec::new(),
        cue: Some("said".into()),
        negated: false,
        speaker_start: None,
        speaker_end: None,
        within: crate::enrich::Within::Body,
    }
}

fn tariff(rate: f64, imposer: &str, target: &str) -> Tariff {
    Tariff {
        rate: TariffRate(rate),
        imposer: Some(code(imposer)),
        target: Some(code(target)),
        product: None,
        text: String::new(),
    }
}

struct Doc {
    id: &'static str,
    title: Option<&'static str>,
    body: &'static str,
    source: Option<&'static str>,
    enriched: Enriched,
}

fn article(doc: Doc) -> StoredArticle {
    let mut enriched = doc.enriched;
    for q in &enriched.quotes {
        let name = q.speaker.clone().unwrap_or_default();
        if !enriched.speakers.contains(&name) {
            enriched.speakers.push(name);
        }
    }
    StoredArticle {
        file: doc.id.split('#').next().unwrap_or_default().into(),
        article: Article {
            path: doc.id.into(),
            title: doc.title.map(Into::into),
            source: doc.source.map(Into::into),
            body: doc.body.into(),
            ..Article::default()
        },
        enriched,
    }
}

fn countries(list: &[&str]) -> Vec<CountryMention> {
    list.iter()
        .map(|c| CountryMention {
            code: code(c),
            mentions: 1,
        })
        .collect()
}

/// Four articles: two on US-China steel, a Tokyo trade meeting, an undated sports story. Each
/// quote is in its article's body, as extraction finds it.
fn corpus() -> Vec<StoredArticle> {
    vec![
        article(Doc {
            id: "wires/a.txt",
            title: Some("Steel tariffs rise"),
            body: "The United States raised tariffs on Chinese steel to 25 percent on Friday. \
                   \"We will protect our steel workers,\" the president said.",
            source: Some("Wire"),
            enriched: Enriched {
                quotes: vec![quote(
                    "We will protect our steel workers",
                    "Donald Trump",
                    Some("US"),
                    QuoteKind::Direct,
                )],
                countries: countries(&["US", "CN"]),
                tariffs: vec![tariff(25.0, "US", "CN")],
                date: Some(Date::constant(2018, 7, 6)),
                ..Enriched::default()
            },
        }),
        article(Doc {
            id: "wires/b.txt",
            title: Some("Trade talks in Tokyo"),
            body: "Japan and India discussed trade in Tokyo. Officials spoke of a 10 percent duty. \
                   \"Tariffs are a beautiful thing,\" Trump said; Abe replied that free trade \
                   benefits everyone.",
            source: Some("Wire"),
            enriched: Enriched {
                quotes: vec![
                    quote(
                        "tariffs are a beautiful thing",
                        "Trump",
                        None,
                        QuoteKind::Direct,
                    ),
                    quote(
                        "free trade benefits everyone",
                        "Shinzo Abe",
                        Some("JP"),
                        QuoteKind::Direct,
                    ),
                ],
                people: vec![Person {
                    name: "Shinzo Abe".into(),
                    role: Some("Prime Minister".into()),
                }],
                orgs: vec!["World Trade Organization".into()],
                countries: countries(&["JP", "IN"]),
                tariffs: vec![tariff(10.0, "JP", "US")],
                date: Some(Date::constant(2019, 3, 1)),
                ..Enriched::default()
            },
        }),
        article(Doc {
            id: "news.jsonl#1",
            title: None,
            body: "Football results from the weekend. The home team won again.",
            source: Some("Sports Desk"),
            enriched: Enriched::default(),
        }),
        article(Doc {
            id: "news.jsonl#2",
            title: Some("India duty on almonds"),
            body: "India imposes a 50 percent duty on almonds from the United States. Ivanka \
                   Trump said they are listening to growers.",
            source: None,
            enriched: Enriched {
                quotes: vec![quote(
                    "they are listening to growers",
                    "Ivanka Trump",
                    Some("US"),
                    QuoteKind::Indirect,
                )],
                countries: countries(&["IN", "US"]),
                tariffs: vec![tariff(50.0, "IN", "US")],
                date: Some(Date::constant(2018, 12, 1)),
                ..Enriched::default()
            },
        }),
    ]
}

fn engine(articles: &[StoredArticle]) -> (tempfile::TempDir, Engine) {
    engine_with(articles, false)
}

/// The index of `articles`, in one segment or (`per_article`) one segment each.
fn engine_with(articles: &[StoredArticle], per_article: bool) -> (tempfile::TempDir, Engine) {
    engine_deleting(articles, per_article, &[])
}

/// [`engine_with`], then the articles `deleted` deleted in a last commit.
fn engine_deleting(
    articles: &[StoredArticle],
    per_article: bool,
    deleted: &[&str],
) -> (tempfile::TempDir, Engine) {
    let dir = tempfile::tempdir().unwrap();
    let mut writer = Writer::open(
        dir.path(),
        WriterOptions {
            threads: 1,
            memory_mb: 20,
        },
    )
    .unwrap();
    let fields = writer.handle().fields;
    for a in articles {
        for doc in a.clone().documents(&fields).unwrap() {
            writer.add(doc).unwrap();
        }
        if per_article {
            writer.commit().unwrap();
        }
    }
    writer.commit().unwrap();
    for id in deleted {
        writer.delete_article(id);
    }
    writer.commit().unwrap();
    writer.finish().unwrap();
    let engine = Engine::open(dir.path()).unwrap();
    (dir, engine)
}

fn search(engine: &Engine, query: Option<&str>, filters: Filters) -> Hits {
    engine
        .search(&SearchRequest {
            query: query.map(Into::into),
            filters,
            limit: 10,
            facets: vec![FacetKind::Country, FacetKind::Speaker],
            facet_top: 10,
            ..SearchRequest::default()
        })
        .unwrap()
}

fn ids(hits: &Hits) -> Vec<&str> {
    hits.hits.iter().map(|h| h.id.as_str()).collect()
}

#[test]
fn no_query_counts_every_article_and_no_quote() {
    let (_dir, e) = engine(&corpus());
    let hits = search(&e, None, Filters::default());
    assert_eq!(hits.total, 4);
    // Equal scores fall back to id order.
    assert_eq!(
        ids(&hits),
        ["news.jsonl#1", "news.jsonl#2", "wires/a.txt", "wires/b.txt"]
    );
}

#[test]
fn words_match_title_body_and_quotes_stemmed() {
    let (_dir, e) = engine(&corpus());
    // "tariff" is in a's title and body and in a quote of b.
    let hits = search(&e, Some("tariff"), Filters::default());
    assert_eq!(ids(&hits), ["wires/a.txt", "wires/b.txt"]);
    // Quote text is searched as part of the body; `quote:` belongs to quote search.
    assert_eq!(search(&e, Some("beautiful"), Filters::default()).total, 1);
    let request = SearchRequest {
        query: Some("quote:beautiful".into()),
        ..SearchRequest::default()
    };
    assert!(matches!(
        e.search(&request),
        Err(SearchError::BadQuery { .. })
    ));
    assert_eq!(
        search(&e, Some("\"home team\""), Filters::default()).total,
        1
    );
    assert_eq!(
        search(&e, Some("duty AND NOT almonds"), Filters::default()).total,
        1
    );
    assert_eq!(search(&e, Some("NOT duty"), Filters::default()).total, 2);
    assert_eq!(search(&e, Some("zeppelin"), Filters::default()).total, 0);
}

#[test]
fn snippets_highlight_the_matched_words() {
    let (_dir, e) = engine(&corpus());
    let hits = search(&e, Some("steel"), Filters::default());
    let snippet = &hits.hits[0].snippet;
    assert_eq!(&snippet.text[snippet.highlights[0].clone()], "steel");
    // Without a query, the snippet is the start of the body.
    let all = search(&e, None, Filters::default());
    assert!(all.hits[0].snippet.text.starts_with("Football results"));
}

#[test]
fn each_filter_narrows_exactly() {
    let (_dir, e) = engine(&corpus());
    let f = |f: Filters| ids(&search(&e, None, f)).join(" ");
    let cc = |list: &[&str]| list.iter().map(|c| code(c)).collect::<Vec<_>>();
    let table = [
        (
            Filters {
                countries: cc(&["US"]),
                ..Filters::default()
            },
            "news.jsonl#2 wires/a.txt",
        ),
        (
            Filters {
                countries: cc(&["US", "IN"]),
                ..Filters::default()
            },
            "news.jsonl#2",
        ),
        (
            Filters {
                imposers: cc(&["JP"]),
                ..Filters::default()
            },
            "wires/b.txt",
        ),
        (
            Filters {
                targets: cc(&["US"]),
                ..Filters::default()
            },
            "news.jsonl#2 wires/b.txt",
        ),
        (
            Filters {
                rates: RateRange {
                    min: Some(20.0),
                    max: None,
                },
                ..Filters::default()
            },
            "news.jsonl#2 wires/a.txt",
        ),
        (
            Filters {
                rates: RateRange {
                    min: Some(10.0),
                    max: Some(25.0),
                },
                ..Filters::default()
            },
            "wires/a.txt wires/b.txt",
        ),
        (
            Filters {
                dates: DateRange::parse(Some("2019"), None).unwrap(),
                ..Filters::default()
            },
            "wires/b.txt",
        ),
        (
            Filters {
                dates: DateRange::parse(None, Some("2018-07")).unwrap(),
                ..Filters::default()
            },
            "wires/a.txt",
        ),
        (
            Filters {
                dates: DateRange::parse(Some("2018-07-07"), Some("2018-12")).unwrap(),
                ..Filters::default()
            },
            "news.jsonl#2",
        ),
        (
            Filters {
                orgs: vec!["WTO".into()],
                ..Filters::default()
            },
            "wires/b.txt",
        ),
        (
            Filters {
                sources: vec!["wire".into()],
                ..Filters::default()
            },
            "wires/a.txt wires/b.txt",
        ),
        (
            Filters {
                people: vec!["abe".into()],
                ..Filters::default()
            },
            "wires/b.txt",
        ),
        (
            Filters {
                speakers: vec!["Ivanka Trump".into()],
                ..Filters::default()
            },
            "news.jsonl#2",
        ),
    ];
    for (filters, want) in table {
        assert_eq!(f(filters.clone()), want, "{filters:?}");
    }
}

#[test]
fn an_ambiguous_speaker_matches_everyone_it_fits_and_says_so() {
    let (_dir, e) = engine(&corpus());
    let hits = search(
        &e,
        None,
        Filters {
            speakers: vec!["trump".into()],
            ..Filters::default()
        },
    );
    assert_eq!(ids(&hits), ["news.jsonl#2", "wires/a.txt", "wires/b.txt"]);
    assert_eq!(
        hits.notes,
        ["`trump` fits 3 speakers: Donald Trump, Ivanka Trump, Trump; showing all of them"]
    );
    let none = search(
        &e,
        None,
        Filters {
            speakers: vec!["Nobody Known".into()],
            ..Filters::default()
        },
    );
    assert_eq!(none.total, 0);
    assert_eq!(none.notes, ["no speaker matches `Nobody Known`"]);
}

#[test]
fn sorting_by_date_and_by_tariff() {
    let (_dir, e) = engine(&corpus());
    let sorted = |sort| {
        let hits = e
            .search(&SearchRequest {
                sort,
                limit: 10,
                ..SearchRequest::default()
            })
            .unwrap();
        ids(&hits).join(" ")
    };
    assert_eq!(
        sorted(SortOrder::Date),
        "wires/b.txt news.jsonl#2 wires/a.txt news.jsonl#1"
    );
    assert_eq!(
        sorted(SortOrder::Tariff),
        "news.jsonl#2 wires/a.txt wires/b.txt news.jsonl#1"
    );
}

#[test]
fn limit_and_offset_page_through_hits() {
    let (_dir, e) = engine(&corpus());
    let page = e
        .search(&SearchRequest {
            limit: 2,
            offset: 1,
            ..SearchRequest::default()
        })
        .unwrap();
    assert_eq!(page.total, 4);
    assert_eq!(ids(&page), ["news.jsonl#2", "wires/a.txt"]);
    let none = e
        .search(&SearchRequest {
            limit: 0,
            ..SearchRequest::default()
        })
        .unwrap();
    assert!(none.hits.is_empty());
    assert_eq!(none.total, 4);
}

fn facet(hits: &[FacetCounts], kind: FacetKind) -> Vec<(String, u64)> {
    hits.iter()
        .find(|f| f.kind == kind)
        .map(|f| {
            f.values
                .iter()
                .map(|v| (v.value.clone(), v.count))
                .collect()
        })
        .unwrap_or_default()
}

fn pairs(list: &[(&str, u64)]) -> Vec<(String, u64)> {
    list.iter().map(|(v, c)| (v.to_string(), *c)).collect()
}

#[test]
fn facet_counts_cover_all_hits() {
    let (_dir, e) = engine(&corpus());
    let hits = e
        .search(&SearchRequest {
            limit: 1,
            facets: vec![
                FacetKind::Country,
                FacetKind::Speaker,
                FacetKind::Year,
                FacetKind::Tariff,
                FacetKind::Source,
            ],
            facet_top: 10,
            ..SearchRequest::default()
        })
        .unwrap();
    let f = &hits.facets;
    assert_eq!(
        facet(f, FacetKind::Country),
        pairs(&[("IN", 2), ("US", 2), ("CN", 1), ("JP", 1)])
    );
    assert_eq!(
        facet(f, FacetKind::Speaker),
        pairs(&[
            ("Donald Trump", 1),
            ("Ivanka Trump", 1),
            ("Shinzo Abe", 1),
            ("Trump", 1)
        ])
    );
    assert_eq!(
        facet(f, FacetKind::Year),
        pairs(&[("2018", 2), ("2019", 1)])
    );
    assert_eq!(
        facet(f, FacetKind::Tariff),
        pairs(&[("10-25", 1), ("25-50", 1), ("50-100", 1)])
    );
    assert_eq!(
        facet(f, FacetKind::Source),
        pairs(&[("Wire", 2), ("Sports Desk", 1)])
    );
    // A query narrows the counts.
    let steel = search(&e, Some("steel"), Filters::default());
    assert_eq!(
        facet(&steel.facets, FacetKind::Country),
        pairs(&[("CN", 1), ("US", 1)])
    );
}

#[test]
fn facet_counts_add_up_across_segments() {
    let (_dir, e) = engine_with(&corpus(), true);
    let hits = search(&e, None, Filters::default());
    assert_eq!(hits.total, 4);
    assert_eq!(
        facet(&hits.facets, FacetKind::Country),
        pairs(&[("IN", 2), ("US", 2), ("CN", 1), ("JP", 1)])
    );
    let quotes = e
        .quotes(&QuoteRequest {
            limit: 1,
            facet_top: 10,
            ..QuoteRequest::default()
        })
        .unwrap();
    assert_eq!(
        facet(&quotes.facets, FacetKind::Kind),
        pairs(&[("direct", 3), ("indirect", 1)])
    );
}

/// The corpus without Ivanka Trump, so that "Trump" fits only Donald Trump, and with an
/// article `wires/c.txt` quoting him under both forms. (A surname alone is never merged, so
/// the second form is an initial and the surname: "D. Trump".)
fn donald_trump_under_two_forms() -> Vec<StoredArticle> {
    let mut articles = corpus();
    articles.truncate(3);
    for article in &mut articles {
        let e = &mut article.enriched;
        for q in &mut e.quotes {
            if q.speaker.as_deref() == Some("Trump") {
                q.speaker = Some("D. Trump".into());
            }
        }
        for s in &mut e.speakers {
            if s == "Trump" {
                *s = "D. Trump".into();
            }
        }
    }
    let mut both = articles[0].clone();
    both.article.path = "wires/c.txt".into();
    both.file = "wires/c.txt".into();
    both.enriched
        .quotes
        .push(quote("and more", "D. Trump", None, QuoteKind::Direct));
    both.enriched.speakers.push("D. Trump".into());
    articles.push(both);
    articles
}

#[test]
fn one_person_under_two_forms_is_one_speaker_counted_once() {
    let (_dir, e) = engine(&donald_trump_under_two_forms());
    let hits = search(
        &e,
        None,
        Filters {
            speakers: vec!["Donald Trump".into()],
            ..Filters::default()
        },
    );
    assert_eq!(ids(&hits), ["wires/a.txt", "wires/b.txt", "wires/c.txt"]);
    assert!(hits.notes.is_empty());
    assert_eq!(hits.hits[1].speakers, ["Donald Trump", "Shinzo Abe"]);
    // c has both forms: it counts once.
    assert_eq!(
        facet(&hits.facets, FacetKind::Speaker),
        pairs(&[("Donald Trump", 3), ("Shinzo Abe", 1)])
    );
}

/// Every value of `kind` with its count on all documents of `docs`, counted hit by hit or
/// (`from_postings`) from the postings.
fn all_counts(e: &Engine, docs: Docs, kind: FacetKind, from_postings: bool) -> Vec<(String, u64)> {
    let mut counter = e.facet_counter(docs, &[kind]).unwrap();
    if from_postings {
        counter = counter.over_everything(true).always_from_postings();
    }
    let mut counts = e.searcher.search(&*e.doc_type(docs), &counter).unwrap();
    let mut values = counts.take(kind);
    values.sort();
    values
}

#[test]
fn counts_over_everything_from_postings_match_counts_hit_by_hit() {
    let mut articles = donald_trump_under_two_forms();
    // Copies enough that deleting one article leaves its segment in place, deletions and all.
    for n in 0..6 {
        let mut copy = articles[2].clone();
        copy.article.path = format!("wires/copy-{n}.txt");
        copy.file = copy.article.path.clone();
        articles.push(copy);
    }
    for (per_article, deleted) in [(true, None), (false, Some("wires/b.txt"))] {
        let (_dir, e) = engine_deleting(&articles, per_article, deleted.as_slice());
        let segments = e.searcher.segment_readers();
        assert_eq!(
            segments.iter().any(|s| s.num_deleted_docs() > 0),
            deleted.is_some()
        );
        for (docs, kinds) in [
            (Docs::Articles, crate::index::schema::ARTICLE_FACETS),
            (Docs::Quotes, crate::index::schema::QUOTE_FACETS),
        ] {
            for &kind in kinds {
                let walked = all_counts(&e, docs, kind, false);
                assert_eq!(
                    all_counts(&e, docs, kind, true),
                    walked,
                    "{docs:?} {kind:?}"
                );
            }
        }
        // c names him twice and counts once.
        let speakers = all_counts(&e, Docs::Articles, FacetKind::Speaker, true);
        let trump = speakers.iter().find(|(name, _)| name == "Donald Trump");
        let expected = if deleted.is_some() { 2 } else { 3 };
        assert_eq!(trump.map(|t| t.1), Some(expected), "{speakers:?}");
    }
}

/// Every value of `kind` with its count over the documents of `docs` with `speaker`, counted
/// hit by hit or (`from_postings`) from the postings within the hits.
fn filtered_counts(
    e: &Engine,
    docs: Docs,
    kind: FacetKind,
    speaker: &str,
    from_postings: bool,
) -> Vec<(String, u64)> {
    let mut counter = e.facet_counter(docs, &[kind]).unwrap();
    if from_postings {
        counter = counter.always_from_postings();
    }
    let query = e.facet_query(docs, FacetKind::Speaker, speaker);
    let mut counts = e.searcher.search(&*query, &counter).unwrap();
    let mut values = counts.take(kind);
    values.sort();
    values
}

#[test]
fn counts_over_a_filter_from_postings_match_counts_hit_by_hit() {
    let mut articles = donald_trump_under_two_forms();
    for n in 0..6 {
        let mut copy = articles[n % 2].clone();
        copy.article.path = format!("wires/copy-{n}.txt");
        copy.file = copy.article.path.clone();
        articles.push(copy);
    }
    for (per_article, deleted) in [(true, None), (false, Some("wires/c.txt"))] {
        let (_dir, e) = engine_deleting(&articles, per_article, deleted.as_slice());
        for (docs, kinds) in [
            (Docs::Articles, crate::index::schema::ARTICLE_FACETS),
            (Docs::Quotes, crate::index::schema::QUOTE_FACETS),
        ] {
            for speaker in ["Donald Trump", "Shinzo Abe", "Nobody"] {
                for &kind in kinds {
                    let walked = filtered_counts(&e, docs, kind, speaker, false);
                    assert_eq!(
                        filtered_counts(&e, docs, kind, speaker, true),
                        walked,
                        "{docs:?} {kind:?} {speaker}"
                    );
                }
            }
        }
        let speakers = filtered_counts(&e, Docs::Articles, FacetKind::Speaker, "Shinzo Abe", true);
        assert!(
            speakers
                .iter()
                .any(|(name, n)| name == "Shinzo Abe" && *n > 0),
            "{speakers:?}"
        );
    }
}

#[test]
fn quotes_are_searched_as_quotes() {
    let (_dir, e) = engine(&corpus());
    let run = |text: Option<&str>, filters: Filters| {
        e.quotes(&QuoteRequest {
            text: text.map(Into::into),
            filters,
            limit: 10,
            facet_top: 10,
            ..QuoteRequest::default()
        })
        .unwrap()
    };
    let all = run(None, Filters::default());
    assert_eq!(all.total, 4);
    let tariffs = run(Some("tariff"), Filters::default());
    assert_eq!(tariffs.total, 1);
    let hit = &tariffs.hits[0];
    assert_eq!(hit.text.text, "tariffs are a beautiful thing");
    assert_eq!(&hit.text.text[hit.text.highlights[0].clone()], "tariffs");
    assert_eq!(hit.article_id, "wires/b.txt");
    assert_eq!(hit.title, "Trade talks in Tokyo");
    assert_eq!(hit.date, Some(Date::constant(2019, 3, 1)));
    let abe = run(
        None,
        Filters {
            speakers: vec!["abe".into()],
            ..Filters::default()
        },
    );
    assert_eq!(
        abe.hits
            .iter()
            .map(|h| h.text.text.as_str())
            .collect::<Vec<_>>(),
        ["free trade benefits everyone"]
    );
    let japan = run(
        None,
        Filters {
            countries: vec![code("JP")],
            ..Filters::default()
        },
    );
    assert_eq!(japan.total, 2);
    let indirect = run(
        None,
        Filters {
            kind: Some(QuoteKind::Indirect),
            ..Filters::default()
        },
    );
    assert_eq!(indirect.hits[0].speaker.as_deref(), Some("Ivanka Trump"));
    assert_eq!(
        facet(&all.facets, FacetKind::Kind),
        pairs(&[("direct", 3), ("indirect", 1)])
    );
    assert_eq!(
        facet(&all.facets, FacetKind::SpeakerCountry),
        pairs(&[("US", 2), ("JP", 1)])
    );
    let by_date = e
        .quotes(&QuoteRequest {
            sort: SortOrder::Date,
            limit: 10,
            ..QuoteRequest::default()
        })
        .unwrap();
    assert_eq!(by_date.hits[0].article_id, "wires/b.txt");
    assert_eq!(by_date.hits[3].article_id, "wires/a.txt");
    assert!(matches!(
        e.quotes(&QuoteRequest {
            sort: SortOrder::Tariff,
            limit: 1,
            ..QuoteRequest::default()
        }),
        Err(SearchError::BadSort(_))
    ));
}

#[test]
fn speaker_directory() {
    let (_dir, e) = engine(&corpus());
    let list = e
        .speakers(&SpeakerRequest {
            top: 10,
            ..SpeakerRequest::default()
        })
        .unwrap();
    assert_eq!(list.total, 4);
    let abe = list
        .speakers
        .iter()
        .find(|s| s.name == "Shinzo Abe")
        .unwrap();
    assert_eq!((abe.quotes, abe.articles), (1, 1));
    assert_eq!(abe.country, Some(code("JP")));
    assert_eq!(abe.first, Some(Date::constant(2019, 3, 1)));
    let us = e
        .speakers(&SpeakerRequest {
            country: Some(code("US")),
            top: 10,
            ..SpeakerRequest::default()
        })
        .unwrap();
    let names: Vec<&str> = us.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Donald Trump", "Ivanka Trump"]);
    let trump = e
        .speakers(&SpeakerRequest {
            name: Some("ivanka".into()),
            top: 10,
            ..SpeakerRequest::default()
        })
        .unwrap();
    assert_eq!(trump.speakers.len(), 1);
}

#[test]
fn show_reads_back_the_stored_article() {
    let articles = corpus();
    let (_dir, e) = engine(&articles);
    assert_eq!(
        e.article("wires/b.txt").unwrap().as_ref(),
        Some(&articles[1])
    );
    assert_eq!(e.article("wires/zzz.txt").unwrap(), None);
}

#[test]
fn a_bad_query_says_where() {
    let (_dir, e) = engine(&corpus());
    let err = e
        .search(&SearchRequest {
            query: Some("(steel OR iron".into()),
            limit: 1,
            ..SearchRequest::default()
        })
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "bad query at character 1: unclosed `(`: (steel OR iron"
    );
}

#[test]
fn a_quote_fragment_does_not_outrank_the_sentences_that_say_more() {
    let body = "\"We will cut tariffs on cars and keep tariffs on steel for now,\" she said. \
                Aides called it \"the tariffs\" plan.";
    let articles = [article(Doc {
        id: "wires/f.txt",
        title: Some("Tariff plan"),
        body,
        source: None,
        enriched: Enriched {
            quotes: vec![
                quote(
                    "We will cut tariffs on cars and keep tariffs on steel for now",
                    "Ngozi Okafor",
                    None,
                    QuoteKind::Direct,
                ),
                quote("the tariffs", "Aides", None, QuoteKind::Direct),
            ],
            ..Enriched::default()
        },
    })];
    let (_dir, e) = engine(&articles);
    let found = e
        .quotes(&QuoteRequest {
            text: Some("tariffs".into()),
            limit: 10,
            ..QuoteRequest::default()
        })
        .unwrap();
    assert_eq!(found.total, 2);
    assert_eq!(found.hits[0].speaker.as_deref(), Some("Ngozi Okafor"));
}

/// A quote of `speaker` with a role, in an article of its own date.
fn roled(text: &str, speaker: &str, role: Option<&str>, country: Option<&str>) -> Quote {
    Quote {
        role: role.map(Into::into),
        ..quote(text, speaker, country, QuoteKind::Direct)
    }
}

/// Articles quoting one minister under two forms of her name, with roles written in two
/// cases, two countries and three dates; the last article is written twice, so its quotes lie
/// in two segments.
fn minister_corpus() -> Vec<StoredArticle> {
    let dated = |id: &'static str, date: Option<Date>, quotes: Vec<Quote>| {
        article(Doc {
            id,
            title: Some("Talks"),
            body: "The minister spoke on trade.",
            source: None,
            enriched: Enriched {
                quotes,
                date,
                ..Enriched::default()
            },
        })
    };
    let c = dated(
        "wires/c.txt",
        Some(Date::constant(2018, 5, 2)),
        vec![
            roled(
                "we will talk",
                "Ngozi Okafor",
                Some("Trade Minister"),
                Some("NG"),
            ),
            roled(
                "no deal yet",
                "NGOZI OKAFOR",
                Some("trade minister"),
                Some("NG"),
            ),
        ],
    );
    vec![
        dated(
            "wires/a.txt",
            Some(Date::constant(2017, 1, 9)),
            vec![
                roled(
                    "tariffs hurt",
                    "Ngozi Okafor",
                    Some("Finance Minister"),
                    Some("NG"),
                ),
                roled("we disagree", "Alan Reyes", None, Some("PH")),
            ],
        ),
        dated(
            "wires/b.txt",
            None,
            vec![roled("talks go on", "Ngozi Okafor", Some(" "), Some("GH"))],
        ),
        c.clone(),
        c,
    ]
}

#[test]
fn speaker_entries_add_up_every_quote_of_the_person_across_segments() {
    let (_dir, e) = engine_with(&minister_corpus(), true);
    let list = e
        .speakers(&SpeakerRequest {
            top: 10,
            ..SpeakerRequest::default()
        })
        .unwrap();
    assert_eq!(list.total, 2);
    let okafor = &list.speakers[0];
    assert_eq!(okafor.name, "Ngozi Okafor");
    assert_eq!(okafor.forms, ["NGOZI OKAFOR", "Ngozi Okafor"]);
    // Two quotes of each copy of c.txt, one of a.txt, one of b.txt.
    assert_eq!(okafor.quotes, 6);
    // c.txt's two copies are one article.
    assert_eq!(okafor.articles, 3);
    // "Trade Minister" as first written, four times in either case; a blank role is none.
    assert_eq!(okafor.roles, ["Trade Minister", "Finance Minister"]);
    assert_eq!(okafor.country, Some(code("NG")));
    assert_eq!(okafor.first, Some(Date::constant(2017, 1, 9)));
    assert_eq!(okafor.last, Some(Date::constant(2018, 5, 2)));
    let reyes = &list.speakers[1];
    assert_eq!((reyes.quotes, reyes.articles), (1, 1));
    assert!(reyes.roles.is_empty());
    assert_eq!(reyes.country, Some(code("PH")));
}

#[test]
fn a_speaker_entry_is_the_same_read_again_and_under_any_filter() {
    let (_dir, e) = engine_with(&minister_corpus(), true);
    let request = |name: Option<&str>, country: Option<&str>, top| SpeakerRequest {
        name: name.map(Into::into),
        country: country.map(code),
        top,
        ..SpeakerRequest::default()
    };
    let everyone = e.speakers(&request(None, None, 10)).unwrap();
    // Read again on the same commit, from what the engine kept.
    assert_eq!(
        e.speakers(&request(None, None, 10)).unwrap().speakers,
        everyone.speakers
    );
    // A filter by name or country lists the same entry, made of all the person's quotes.
    let by_name = e.speakers(&request(Some("okafor"), None, 1)).unwrap();
    assert_eq!(by_name.speakers[..], everyone.speakers[..1]);
    let by_country = e.speakers(&request(None, Some("NG"), 10)).unwrap();
    assert_eq!(by_country.total, 1);
    assert_eq!(by_country.speakers[..], everyone.speakers[..1]);
    // Quoted once for Ghana, but most often for Nigeria: not a Ghanaian speaker.
    let ghana = e.speakers(&request(None, Some("GH"), 10)).unwrap();
    assert_eq!((ghana.total, ghana.speakers.len()), (0, 0));
    // A fresh engine on the same commit gives the same entries.
    let again = Engine::open(_dir.path()).unwrap();
    assert_eq!(
        again
            .speakers(&request(Some("okafor"), None, 1))
            .unwrap()
            .speakers,
        by_name.speakers
    );
}

#[test]
fn counts_over_every_document_are_kept_and_match_a_filtered_count() {
    let (_dir, e) = engine_with(&corpus(), true);
    let all = |e: &Engine| {
        e.search(&SearchRequest {
            facets: vec![FacetKind::Country, FacetKind::Speaker],
            facet_top: 10,
            limit: 10,
            ..SearchRequest::default()
        })
        .unwrap()
    };
    let first = all(&e);
    assert_eq!(first.total, 4);
    let again = all(&e);
    assert_eq!(again.facets, first.facets);
    let ids = |hits: &Hits| hits.hits.iter().map(|h| h.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&again), ids(&first));
    // Each page is kept apart: the second page of two is the rest of the first of ten.
    let page = |offset, sort| {
        e.search(&SearchRequest {
            limit: 2,
            offset,
            sort,
            ..SearchRequest::default()
        })
        .unwrap()
    };
    for sort in [SortOrder::Relevance, SortOrder::Date] {
        let ten = ids(&e
            .search(&SearchRequest {
                limit: 10,
                sort,
                ..SearchRequest::default()
            })
            .unwrap());
        for _ in 0..2 {
            assert_eq!(ids(&page(0, sort)), ten[..2]);
            assert_eq!(ids(&page(2, sort)), ten[2..]);
        }
    }
    assert_eq!(
        facet(&first.facets, FacetKind::Country),
        pairs(&[("IN", 2), ("US", 2), ("CN", 1), ("JP", 1)])
    );
    let quotes = |e: &Engine| {
        e.quotes(&QuoteRequest {
            limit: 10,
            facet_top: 10,
            ..QuoteRequest::default()
        })
        .unwrap()
    };
    let q = quotes(&e);
    assert_eq!(q.total, 4);
    let again = quotes(&e);
    assert_eq!(again.facets, q.facets);
    let spoken = |q: &QuoteHits| {
        q.hits
            .iter()
            .map(|h| (h.article_id.clone(), h.start))
            .collect::<Vec<_>>()
    };
    assert_eq!(spoken(&again), spoken(&q));
    assert_eq!(
        facet(&q.facets, FacetKind::SpeakerCountry),
        pairs(&[("US", 2), ("JP", 1)])
    );
}
