//! The speaker directory and name search: `speakers --kind/--named`, `quotes --named`, names
//! with titles, folded and misspelt names, the order of quotes by a surname, and dates taken
//! from file names. The corpus is `tests/fixtures/directory`, one short article a file.

use std::path::Path;

use serde_json::Value;

use crate::util::{Env, facet};

/// The directory fixture copied into a temp dir as `news/`, indexed.
fn env() -> Env {
    let env = Env::empty();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/directory");
    std::fs::create_dir_all(env.path("news")).expect("news dir");
    for entry in std::fs::read_dir(&from).expect("fixture dir") {
        let entry = entry.expect("fixture entry");
        std::fs::copy(entry.path(), env.path("news").join(entry.file_name())).expect("copy");
    }
    env.run(&["index", "news"]).code(0);
    env
}

fn speaker_names(json: &Value) -> Vec<String> {
    json["speakers"]
        .as_array()
        .expect("speakers")
        .iter()
        .map(|s| s["name"].as_str().unwrap_or("").to_string())
        .collect()
}

/// The speakers of `quotes --speaker NAME`, by quote count.
fn quoted(env: &Env, name: &str) -> Vec<String> {
    let json = env
        .run(&["quotes", "--speaker", name, "--json", "--limit", "0"])
        .json();
    facet(&json, "speaker").into_keys().collect()
}

#[test]
fn speakers_lists_people_first_and_filters_by_kind() {
    let env = env();
    let all = env
        .run(&["speakers", "--json", "--top", "100"])
        .code(0)
        .json();
    let kinds: Vec<&str> = all["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["kind"].as_str().unwrap())
        .collect();
    let people = kinds.iter().take_while(|k| **k == "person").count();
    assert!(people >= 10, "{kinds:?}");
    assert!(kinds[people..].iter().all(|k| *k != "person"), "{kinds:?}");
    let names = speaker_names(&all);
    assert_eq!(names[0], "Marco Rubio");
    for (kind, want) in [("org", "Noranda Inc"), ("group", "analysts")] {
        let json = env
            .run(&["speakers", "--kind", kind, "--json"])
            .code(0)
            .json();
        assert_eq!(speaker_names(&json), [want], "--kind {kind}");
    }
    let named = env
        .run(&["speakers", "--named", "--json", "--top", "100"])
        .json();
    let person = env
        .run(&["speakers", "--kind", "person", "--json", "--top", "100"])
        .json();
    assert_eq!(speaker_names(&named), speaker_names(&person));
    assert!(!speaker_names(&named).contains(&"analysts".to_string()));
    let text = env.run(&["speakers", "--kind", "org"]).code(0).stdout;
    assert!(
        text.contains("Noranda Inc") && text.contains("org"),
        "{text}"
    );
    env.run(&["speakers", "--kind", "robot"]).code(2);
}

#[test]
fn quotes_named_keeps_people_with_a_name() {
    let env = env();
    let all = env.run(&["quotes", "--json", "--limit", "0"]).json();
    let named = env
        .run(&["quotes", "--named", "--json", "--limit", "0"])
        .code(0)
        .json();
    let speakers = facet(&named, "speaker");
    assert!(!speakers.contains_key("analysts") && !speakers.contains_key("Noranda Inc"));
    assert!(speakers.contains_key("Clayton Yeutter"));
    assert_eq!(
        named["total"].as_u64().unwrap() + 2,
        all["total"].as_u64().unwrap()
    );
    // With a query too.
    let json = env
        .run(&["quotes", "prices", "--named", "--json"])
        .code(1)
        .json();
    assert_eq!(json["total"], 0);
}

#[test]
fn a_title_with_a_name_finds_the_person_that_holds_it() {
    let env = env();
    let table: &[(&str, &[&str])] = &[
        ("Treasury Secretary Baker", &["James Baker"]),
        ("Baker", &["Howard Baker", "James Baker"]),
        ("Fed Chairman Greenspan", &["Alan Greenspan"]),
        ("Trade Representative Yeutter", &["Clayton Yeutter"]),
        ("Prime Minister Blair", &["Tony Blair"]),
        ("Police Commissioner Blair", &["Ian Blair"]),
        ("Mrs Clinton", &["Hillary Clinton"]),
        ("Mr Clinton", &["Bill Clinton"]),
        // An unknown title word is dropped rather than failing the match.
        ("Grand Vizier Greenspan", &["Alan Greenspan"]),
    ];
    for (name, want) in table {
        assert_eq!(quoted(&env, name), *want, "--speaker {name}");
    }
    let run = env.run(&["quotes", "--speaker", "Blair", "--json"]).code(0);
    assert!(run.stderr.contains("fits 3 speakers"), "{}", run.stderr);
}

#[test]
fn names_compare_folded_and_a_near_miss_is_offered() {
    let env = env();
    for name in ["Poehl", "Pöhl", "pohl", "Karl Otto Poehl"] {
        assert_eq!(quoted(&env, name), ["Karl Otto Pöhl"], "{name}");
    }
    let run = env
        .run(&["quotes", "--speaker", "Yeuter", "--json"])
        .code(1);
    assert_eq!(run.json()["total"], 0);
    assert!(
        run.stderr
            .contains("no speaker matches `Yeuter`; did you mean Clayton Yeutter?"),
        "{}",
        run.stderr
    );
    let run = env.run(&["speakers", "Yeuter"]).code(1);
    assert!(
        run.stderr.contains("did you mean Clayton Yeutter?"),
        "{}",
        run.stderr
    );
    // Nothing near: no suggestion.
    let run = env.run(&["quotes", "--speaker", "Zzyzx"]).code(1);
    assert!(!run.stderr.contains("did you mean"), "{}", run.stderr);
}

#[test]
fn quotes_by_a_surname_list_the_most_quoted_person_first_newest_first() {
    let env = env();
    let json = env
        .run(&["quotes", "--speaker", "rubio", "--json"])
        .code(0)
        .json();
    let hits: Vec<(String, String)> = json["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["speaker"].as_str().unwrap().to_string(),
                h["date"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let want = [
        ("Marco Rubio", "2016-02-10"),
        ("Marco Rubio", "2016-02-10"),
        ("Marco Rubio", "2016-01-10"),
        ("Luis Rubio", "2016-09-28"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(s, d)| (s.to_string(), d.to_string()))
        .collect();
    assert_eq!(hits, want);
    // Text given: relevance decides.
    let json = env
        .run(&["quotes", "vulnerability", "--speaker", "rubio", "--json"])
        .json();
    assert_eq!(json["hits"][0]["speaker"], "Luis Rubio");
}

#[test]
fn a_date_in_the_file_name_dates_an_article_that_states_none() {
    let env = env();
    let json = env
        .run(&["quotes", "--speaker", "Luis Rubio", "--json"])
        .code(0)
        .json();
    assert_eq!(json["hits"][0]["date"], "2016-09-28");
    let found = env.run(&[
        "search",
        "--since",
        "2016-09-01",
        "--until",
        "2016-09-30",
        "--json",
    ]);
    let json = found.code(0).json();
    assert_eq!(json["total"], 1);
    assert_eq!(
        json["hits"][0]["id"],
        "news/nyt_2016-09-28_what-mexico-could-do.txt"
    );
}

/// Each entry of `speakers --json` adds up every quote `quotes --speaker NAME` lists for the
/// person: the count, the distinct articles, the first and last date, the most frequent
/// country (ties to the first code) and the roles by frequency. A country filter lists the
/// same entries.
#[test]
fn each_directory_entry_adds_up_the_persons_quotes() {
    let env = env();
    let all = env.run(&["speakers", "--json", "--top", "100"]).json();
    let entries = all["speakers"].as_array().expect("speakers");
    assert!(entries.len() > 5);
    let mut checked = 0;
    for entry in entries {
        let name = entry["name"].as_str().expect("a name");
        let quotes = env
            .run(&["quotes", "--speaker", name, "--json", "--limit", "1000"])
            .json();
        let hits = quotes["hits"].as_array().expect("hits");
        // Only names that fit one person here: a surname shared by two would list both.
        if hits.iter().any(|h| h["speaker"] != entry["name"]) {
            continue;
        }
        checked += 1;
        assert_eq!(entry["quotes"], hits.len(), "{name}");
        let articles: std::collections::BTreeSet<&str> = hits
            .iter()
            .filter_map(|h| h["article_id"].as_str())
            .collect();
        assert_eq!(entry["articles"], articles.len(), "{name}");
        let dates: Vec<&str> = hits.iter().filter_map(|h| h["date"].as_str()).collect();
        assert_eq!(
            entry["first"].as_str(),
            dates.iter().min().copied(),
            "{name}"
        );
        assert_eq!(
            entry["last"].as_str(),
            dates.iter().max().copied(),
            "{name}"
        );
        let mut countries: std::collections::BTreeMap<&str, usize> = Default::default();
        for c in hits.iter().filter_map(|h| h["speaker_country"].as_str()) {
            *countries.entry(c).or_default() += 1;
        }
        let most = countries.values().max().copied();
        let country = countries
            .iter()
            .find(|(_, n)| Some(**n) == most)
            .map(|(c, _)| *c);
        assert_eq!(entry["country"].as_str(), country, "{name}");
        let roles: std::collections::BTreeSet<String> = hits
            .iter()
            .filter_map(|h| h["role"].as_str())
            .filter(|r| !r.trim().is_empty())
            .map(|r| r.trim().to_lowercase())
            .collect();
        let listed: std::collections::BTreeSet<String> = entry["roles"]
            .as_array()
            .expect("roles")
            .iter()
            .map(|r| r.as_str().unwrap_or("").to_lowercase())
            .collect();
        assert_eq!(listed, roles, "{name}");
        if let Some(code) = country {
            let by_country = env
                .run(&["speakers", "--json", "--top", "100", "--country", code])
                .json();
            let same = by_country["speakers"]
                .as_array()
                .expect("speakers")
                .iter()
                .find(|s| s["name"] == entry["name"]);
            assert_eq!(same, Some(entry), "{name} under --country {code}");
        }
    }
    assert!(checked >= 5, "only {checked} speakers checked");
}
