//! The quick-start corpus end to end: `sample_corpus/` indexed, then searched the ways the README
//! shows. Expected values come from two places: the hand-made truth in
//! `tests/sample_corpus.expected.md` (countries, article count, the two Wangs) and `newsdex
//! extract` over the same copy (quote and speaker counts, which the index must match exactly).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;

use crate::util::{Env, count_by, facet, hit_ids, keys};

/// Per article of the truth table, the values of one `- Label: a b c` line (commas dropped).
fn expected(label: &str) -> BTreeMap<String, Vec<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sample_corpus.expected.md");
    let text = std::fs::read_to_string(path).expect("read the truth table");
    let prefix = format!("- {label}: ");
    let mut out = BTreeMap::new();
    let mut article = None;
    for line in text.lines() {
        if let Some(path) = line.strip_prefix("### ") {
            article = Some(path.to_string());
        } else if let (Some(a), Some(values)) = (&article, line.strip_prefix(prefix.as_str())) {
            let values = values
                .split([' ', ','])
                .filter(|v| !v.is_empty() && *v != "—" && *v != "none")
                .map(str::to_string)
                .collect();
            out.insert(a.clone(), values);
        }
    }
    out
}

/// Per article of the truth table: its countries.
fn expected_countries() -> BTreeMap<String, BTreeSet<String>> {
    expected("Countries")
        .into_iter()
        .map(|(a, cs)| (a, cs.into_iter().filter(|c| c.len() == 2).collect()))
        .collect()
}

fn quote_hits(env: &Env, args: &[&str]) -> Value {
    let mut all = vec!["quotes", "--json", "--limit", "1000"];
    all.extend_from_slice(args);
    env.run(&all).code(0).json()
}

fn speakers_of(json: &Value) -> BTreeSet<String> {
    json["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["speaker"].as_str().unwrap_or("").to_string())
        .collect()
}

/// How many extracted quotes each speaker has, and in which articles.
fn quotes_by_speaker(lines: &[Value]) -> BTreeMap<String, (u64, BTreeSet<String>)> {
    let mut out: BTreeMap<String, (u64, BTreeSet<String>)> = BTreeMap::new();
    for line in lines {
        let id = line["id"].as_str().expect("id").to_string();
        for q in line["quotes"].as_array().expect("quotes") {
            if let Some(name) = q["speaker"].as_str() {
                let entry = out.entry(name.to_string()).or_default();
                entry.0 += 1;
                entry.1.insert(id.clone());
            }
        }
    }
    out
}

#[test]
fn every_sample_article_is_indexed_with_the_countries_a_reader_marks() {
    let env = Env::sample();
    let truth = expected_countries();
    assert_eq!(env.total(&[]), truth.len() as u64);
    let codes: BTreeSet<&String> = truth.values().flatten().collect();
    for code in codes {
        let json = env
            .run(&["search", "--json", "--limit", "100", "--country", code])
            .code(0)
            .json();
        let got: BTreeSet<String> = hit_ids(&json).into_iter().collect();
        let want: BTreeSet<String> = truth
            .iter()
            .filter(|(_, cs)| cs.contains(code.as_str()))
            .map(|(a, _)| a.clone())
            .collect();
        assert_eq!(got, want, "--country {code}");
    }
}

#[test]
fn tariff_filters_find_the_rates_a_reader_marks() {
    let env = Env::sample();
    let rates: BTreeMap<String, Vec<f64>> = expected("Tariff rates")
        .into_iter()
        .map(|(a, rs)| {
            let rs = rs.iter().map(|r| r.parse().expect("a rate")).collect();
            (a, rs)
        })
        .collect();
    assert_eq!(rates.len(), expected_countries().len());
    for (min, max) in [(0.0, 1000.0), (25.0, 1000.0), (10.0, 20.0), (50.0, 50.0)] {
        let json = env
            .run(&[
                "search",
                "--json",
                "--limit",
                "100",
                "--tariff-min",
                &min.to_string(),
                "--tariff-max",
                &max.to_string(),
            ])
            .json();
        let got: BTreeSet<String> = hit_ids(&json).into_iter().collect();
        let want: BTreeSet<String> = rates
            .iter()
            .filter(|(_, rs)| rs.iter().any(|r| (min..=max).contains(r)))
            .map(|(a, _)| a.clone())
            .collect();
        assert_eq!(got, want, "--tariff-min {min} --tariff-max {max}");
    }
}

#[test]
fn quotes_by_surname_full_name_and_title_are_the_same_speaker() {
    let env = Env::sample();
    let lines = env.extracted_in("sample_corpus");
    let (count, _) = quotes_by_speaker(&lines)["Jamieson Greer"].clone();
    for form in [
        "greer",
        "Jamieson Greer",
        "GREER",
        "Trade Representative Greer",
        "US Trade Representative Jamieson Greer",
    ] {
        let json = quote_hits(&env, &["--speaker", form]);
        assert_eq!(json["total"], count, "--speaker {form}");
        assert_eq!(
            speakers_of(&json),
            BTreeSet::from(["Jamieson Greer".to_string()])
        );
    }
}

#[test]
fn a_surname_alone_in_one_article_is_found_by_surname_but_kept_apart() {
    // "Trump" alone (in the Kremlin article) is not merged with Donald Trump across articles:
    // a family name alone may be someone else. A search by surname finds both.
    let env = Env::sample();
    let by_speaker = quotes_by_speaker(&env.extracted_in("sample_corpus"));
    let full = by_speaker["Donald Trump"].0;
    let alone = by_speaker.get("Trump").map_or(0, |(n, _)| *n);
    let json = quote_hits(&env, &["--speaker", "trump"]);
    assert_eq!(json["total"], full + alone);
    let mut want = BTreeSet::from(["Donald Trump".to_string()]);
    if alone > 0 {
        want.insert("Trump".to_string());
    }
    assert_eq!(speakers_of(&json), want);
    // The most quoted comes first.
    assert_eq!(json["hits"][0]["speaker"], "Donald Trump");
}

/// Per article of the truth table: the speakers of its quote rows (unnamed sources left out).
fn expected_speakers() -> BTreeMap<String, BTreeSet<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sample_corpus.expected.md");
    let text = std::fs::read_to_string(path).expect("read the truth table");
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut article = None;
    for line in text.lines() {
        if let Some(path) = line.strip_prefix("### ") {
            article = Some(path.to_string());
            out.entry(path.to_string()).or_default();
            continue;
        }
        let cells: Vec<&str> = line
            .trim()
            .trim_matches('|')
            .split('|')
            .map(str::trim)
            .collect();
        if let (Some(a), [kind, speaker, _, ..]) = (&article, cells.as_slice())
            && matches!(*kind, "direct" | "indirect" | "mixed")
            && *speaker != "—"
        {
            out.entry(a.clone())
                .or_default()
                .insert(speaker.to_string());
        }
    }
    out
}

/// Whether a speaker name found in an article is the one a reader marks, perhaps written
/// shorter ("Trump" for "Donald Trump", "S Jaishankar" for "S. Jaishankar").
fn names_the_same(found: &str, marked: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| w.trim_matches('.').to_lowercase())
            .collect()
    };
    let (f, m) = (words(found), words(marked));
    f.last() == m.last() && f.iter().all(|w| m.contains(w))
}

#[test]
fn named_speakers_are_the_people_a_reader_marks() {
    use newsdex::search::NameKind;
    use newsdex::search::kinds::kind_of;
    let env = Env::sample();
    let marked = expected_speakers();
    assert_eq!(marked.len(), 32);
    let json = quote_hits(&env, &["--named"]);
    let mut found: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for hit in json["hits"].as_array().expect("hits") {
        let article = hit["article_id"].as_str().expect("article_id");
        let article = article.strip_prefix("sample_corpus/").unwrap_or(article);
        found
            .entry(article.to_string())
            .or_default()
            .insert(hit["speaker"].as_str().expect("speaker").to_string());
    }
    for (article, people) in &found {
        let reader = &marked[article];
        for name in people {
            assert!(
                reader.iter().any(|m| names_the_same(name, m)),
                "{article}: `{name}` is not a speaker the reader marks ({reader:?})"
            );
        }
    }
    // Every person of two or more words the reader marks is found in that article.
    for (article, reader) in &marked {
        let people = found.get(article).cloned().unwrap_or_default();
        for name in reader {
            if name.split_whitespace().count() < 2 || kind_of(name, |_| false) != NameKind::Person {
                continue;
            }
            assert!(
                people.iter().any(|p| names_the_same(p, name)),
                "{article}: the reader's `{name}` is not found ({people:?})"
            );
        }
    }
}

#[test]
fn quotes_with_a_country_filter_come_from_articles_naming_it() {
    let env = Env::sample();
    let lines = env.extracted_in("sample_corpus");
    let with_kr: BTreeSet<String> = lines
        .iter()
        .filter(|l| {
            l["countries"]
                .as_array()
                .is_some_and(|cs| cs.iter().any(|c| c["code"] == "KR"))
        })
        .map(|l| l["id"].as_str().expect("id").to_string())
        .collect();
    let greer_in_kr: u64 = lines
        .iter()
        .filter(|l| with_kr.contains(l["id"].as_str().expect("id")))
        .flat_map(|l| l["quotes"].as_array().expect("quotes"))
        .filter(|q| q["speaker"] == "Jamieson Greer")
        .count() as u64;
    assert!(greer_in_kr > 0, "the sample quotes Greer on South Korea");
    for country in ["KR", "South Korea", "korean"] {
        let json = quote_hits(&env, &["--speaker", "greer", "--country", country]);
        assert_eq!(json["total"], greer_in_kr, "--country {country}");
        for hit in json["hits"].as_array().expect("hits") {
            assert!(with_kr.contains(hit["article_id"].as_str().expect("article_id")));
        }
    }
}

#[test]
fn quote_text_search_ranks_quotes_that_say_it() {
    let env = Env::sample();
    let json = quote_hits(&env, &["tariff", "--speaker", "trump"]);
    let hits = json["hits"].as_array().expect("hits");
    assert!(!hits.is_empty());
    for hit in hits {
        assert_eq!(hit["speaker"], "Donald Trump");
        assert!(
            hit["text"]
                .as_str()
                .expect("text")
                .to_lowercase()
                .contains("tariff"),
            "{hit}"
        );
    }
}

#[test]
fn a_surname_shared_by_two_speakers_finds_both_and_says_so() {
    let env = Env::sample();
    let run = env
        .run(&["quotes", "--speaker", "wang", "--json", "--limit", "100"])
        .code(0);
    assert!(
        run.stderr
            .contains("`wang` fits 2 speakers: Wang Wentao, Wang Yi"),
        "{}",
        run.stderr
    );
    assert_eq!(
        speakers_of(&run.json()),
        BTreeSet::from(["Wang Wentao".to_string(), "Wang Yi".to_string()])
    );
    let one = quote_hits(&env, &["--speaker", "Wang Yi"]);
    assert_eq!(speakers_of(&one), BTreeSet::from(["Wang Yi".to_string()]));
}

#[test]
fn the_speaker_directory_counts_quotes_and_articles_exactly() {
    let env = Env::sample();
    let by_speaker = quotes_by_speaker(&env.extracted_in("sample_corpus"));
    let json = env
        .run(&["speakers", "--json", "--top", "1000"])
        .code(0)
        .json();
    let listed = json["speakers"].as_array().expect("speakers");
    assert_eq!(json["total"].as_u64(), Some(listed.len() as u64));
    for name in ["Jamieson Greer", "Wang Yi", "Wang Wentao", "Lin Jian"] {
        let entry = listed
            .iter()
            .find(|s| s["name"] == name)
            .unwrap_or_else(|| panic!("{name} not listed"));
        let (quotes, articles) = &by_speaker[name];
        assert_eq!(entry["quotes"].as_u64(), Some(*quotes), "{name} quotes");
        assert_eq!(
            entry["articles"].as_u64(),
            Some(articles.len() as u64),
            "{name} articles"
        );
        assert_eq!(
            keys(entry),
            [
                "articles", "country", "first", "forms", "kind", "last", "name", "quotes", "roles"
            ]
        );
    }
}

#[test]
fn facet_counts_match_extraction_exactly() {
    let env = Env::sample();
    let lines = env.extracted_in("sample_corpus");
    // The country facet holds the blocs too; extract lists them apart.
    let countries = count_by(&lines, |l| {
        l["countries"]
            .as_array()
            .expect("countries")
            .iter()
            .chain(l["blocs"].as_array().expect("blocs"))
            .map(|c| c["code"].as_str().expect("code").to_string())
            .collect()
    });
    let json = env
        .run(&["facets", "country", "--json", "--top", "1000"])
        .code(0)
        .json();
    let got: BTreeMap<String, u64> = json["values"]
        .as_array()
        .expect("values")
        .iter()
        .map(|v| {
            (
                v["value"].as_str().expect("value").to_string(),
                v["count"].as_u64().expect("count"),
            )
        })
        .collect();
    assert_eq!(got, countries);
    let years = count_by(&lines, |l| {
        l["date"]
            .as_str()
            .map(|d| d[..4].to_string())
            .into_iter()
            .collect()
    });
    let search = env
        .run(&[
            "search",
            "--json",
            "--limit",
            "1",
            "--facets",
            "year",
            "--facet-top",
            "100",
        ])
        .code(0)
        .json();
    assert_eq!(facet(&search, "year"), years);
}

#[test]
fn nothing_found_exits_1() {
    let env = Env::sample();
    env.run(&["quotes", "--speaker", "Nobody Atall"]).code(1);
    env.run(&["search", "zyxxyq"]).code(1);
    env.run(&["quotes", "zyxxyq"]).code(1);
}
