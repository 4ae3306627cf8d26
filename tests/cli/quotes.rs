//! `newsdex quotes` and `newsdex speakers`.

use crate::util::{Env, count_by, facet, keys};

#[test]
fn every_extracted_quote_is_a_searchable_record() {
    let env = Env::indexed();
    let lines = env.extracted();
    let quotes: usize = lines
        .iter()
        .map(|l| l["quotes"].as_array().unwrap().len())
        .sum();
    let run = env.run(&["quotes", "--json", "--limit", "1000"]);
    let json = run.json();
    assert_eq!(keys(&json), ["facets", "hits", "query", "total"]);
    assert_eq!(json["total"], quotes);
    assert_eq!(run.code, if quotes > 0 { 0 } else { 1 });
    // Quote documents never count as articles.
    assert_eq!(env.total(&[]), lines.len() as u64);
    // Speakers' quote counts per article agree with extraction.
    let speakers = count_by(&lines, |l| {
        l["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|q| q["speaker"].as_str().map(str::to_string))
            .collect()
    });
    let listed = env.run(&["speakers", "--json", "--top", "1000"]).json();
    assert_eq!(keys(&listed), ["speakers", "total"]);
    let articles: u64 = listed["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["articles"].as_u64().unwrap())
        .sum();
    // Forms of one person may share an article, so grouping can only lower the sum.
    assert!(articles <= speakers.values().sum::<u64>());
    for hit in json["hits"].as_array().unwrap() {
        assert_eq!(
            keys(hit),
            [
                "article_id",
                "cue",
                "date",
                "kind",
                "matches",
                "negated",
                "role",
                "score",
                "speaker",
                "speaker_country",
                "text",
                "title"
            ]
        );
    }
    let by_kind: u64 = facet(&json, "kind").values().sum();
    assert_eq!(by_kind, quotes as u64);
    // Each hit keeps the cue extraction found, and the text output prints it.
    let mut cues: Vec<&str> = lines
        .iter()
        .flat_map(|l| l["quotes"].as_array().unwrap())
        .filter_map(|q| q["cue"].as_str())
        .collect();
    let mut hit_cues: Vec<&str> = json["hits"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|h| h["cue"].as_str())
        .collect();
    cues.sort_unstable();
    hit_cues.sort_unstable();
    assert_eq!(cues, hit_cues);
    let text = env.run(&["quotes", "--limit", "1000"]).stdout;
    assert!(text.contains(", said · "), "{text}");
}

#[test]
fn quote_errors_exit_2() {
    let env = Env::indexed();
    let run = env.run(&["quotes", "\"unclosed"]).code(2);
    assert!(run.stderr.contains("unclosed quote"), "{}", run.stderr);
    let run = env.run(&["quotes", "title:steel"]).code(2);
    assert!(
        run.stderr.contains("unknown field `title` (fields: quote)"),
        "{}",
        run.stderr
    );
    env.run(&["quotes", "--sort", "tariff"]).code(2);
    env.run(&["quotes", "--kind", "shouted"]).code(2);
    let run = env.run(&["quotes", "--country", "Atlantis"]).code(2);
    assert!(run.stderr.contains("unknown country"), "{}", run.stderr);
    let run = env.run(&["speakers", "--country", "Atlantis"]).code(2);
    assert!(run.stderr.contains("unknown country"), "{}", run.stderr);
}

#[test]
fn an_unknown_speaker_finds_nothing_and_says_so() {
    let env = Env::indexed();
    let run = env.run(&["quotes", "--speaker", "Nobody Atall"]).code(1);
    assert_eq!(
        run.stderr.trim(),
        "newsdex: note: no speaker matches `Nobody Atall`"
    );
    assert!(run.stdout.contains("0 quotes"), "{}", run.stdout);
}

#[test]
fn quotes_by_speaker_and_text() {
    let env = Env::indexed();
    for name in ["whitlock", "Dana Whitlock", "Secretary Whitlock"] {
        let json = env
            .run(&["quotes", "--speaker", name, "--json"])
            .code(0)
            .json();
        let hits = json["hits"].as_array().unwrap();
        assert!(!hits.is_empty(), "--speaker {name}");
        assert!(
            hits.iter().all(|h| h["speaker"] == "Dana Whitlock"),
            "{json}"
        );
    }
    let json = env.run(&["quotes", "cheap metal", "--json"]).code(0).json();
    let text = json["hits"][0]["text"].as_str().unwrap();
    assert!(
        text.starts_with("We cannot let cheap metal flood our market"),
        "{text}"
    );
    let text = env.run(&["quotes", "farmers"]).code(0);
    assert!(text.stdout.contains("Haruka Mori"), "{}", text.stdout);
    assert!(
        text.stdout.contains("Tokyo trims levy on imported rice"),
        "{}",
        text.stdout
    );
}

#[test]
fn quotes_by_country_and_the_speaker_directory() {
    let env = Env::indexed();
    let json = env
        .run(&["quotes", "--country", "JP", "--json"])
        .code(0)
        .json();
    assert!(
        json["hits"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["speaker"] == "Haruka Mori")
    );
    let listed = env.run(&["speakers", "whitlock", "--json"]).code(0).json();
    assert_eq!(listed["speakers"][0]["name"], "Dana Whitlock");
    assert!(listed["speakers"][0]["quotes"].as_u64().unwrap() >= 1);
    assert_eq!(listed["speakers"][0]["articles"], 1);
    assert_eq!(listed["speakers"][0]["first"], "2019-03-05");
}
