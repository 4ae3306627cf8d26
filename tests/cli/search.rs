//! `newsdex search` and `newsdex facets`: JSON shape, text search, filters, facets, errors.

use serde_json::Value;

use crate::util::{Env, count_by, facet, hit_ids, id_ending, keys};

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn json_has_the_documented_shape() {
    let env = Env::indexed();
    let json = env.run(&["search", "steel", "--json"]).code(0).json();
    assert_eq!(keys(&json), ["facets", "hits", "query", "total"]);
    assert_eq!(json["query"], "steel");
    assert_eq!(keys(&json["facets"]), ["country", "speaker"]);
    let hit = &json["hits"][0];
    assert_eq!(
        keys(hit),
        [
            "countries",
            "date",
            "id",
            "matches",
            "path",
            "score",
            "snippet",
            "speakers",
            "tariff_rates",
            "title"
        ]
    );
    assert!(hit["score"].as_f64().unwrap() > 0.0);
    assert!(
        hit["snippet"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("steel")
    );
}

#[test]
fn words_phrases_and_operators_find_the_right_articles() {
    let env = Env::indexed();
    let lines = env.extracted();
    let steel = id_ending(&lines, "steel-duties.txt");
    let rice = id_ending(&lines, "tokyo-rice.txt");
    let ids = |q: &str| hit_ids(&env.run(&["search", q, "--json"]).json());
    // Stemming: "tariff" finds "tariffs".
    assert_eq!(ids("tariff"), [steel.as_str()]);
    assert_eq!(ids("\"cheap metal\""), [steel.as_str()]);
    assert_eq!(ids("\"metal cheap\""), Vec::<String>::new());
    assert_eq!(ids("title:rice"), [rice.as_str()]);
    assert_eq!(ids("levy OR mills").len(), 2);
    assert_eq!(ids("levy mills").len(), 0);
    // Words given as separate arguments are one query.
    let json = env
        .run(&["search", "cheap", "metal", "--json"])
        .code(0)
        .json();
    assert_eq!(hit_ids(&json), [steel.as_str()]);
    assert_eq!(ids("duties AND NOT canadian").len(), 1);
    // Headline words weigh more than body words.
    let both = ids("steel OR rice");
    assert_eq!(both.len(), 2);
}

#[test]
fn no_query_counts_the_index_and_filters_still_apply() {
    let env = Env::indexed();
    let lines = env.extracted();
    assert_eq!(env.total(&[]), lines.len() as u64);
    // Sources come from the JSON Lines records themselves.
    let wires = lines
        .iter()
        .filter(|l| l["source"] == "Example Wire")
        .count() as u64;
    assert_eq!(wires, 3);
    assert_eq!(env.total(&["--source", "example wire"]), wires);
    assert_eq!(env.total(&["--source", "Example"]), wires);
    let run = env.run(&["search", "--source", "Nowhere Times"]).code(1);
    assert!(
        run.stderr.contains("no source matches `Nowhere Times`"),
        "{}",
        run.stderr
    );
}

#[test]
fn limit_and_offset_page_in_a_stable_order() {
    let env = Env::indexed();
    let page = |offset: &str| {
        let json = env
            .run(&["search", "--json", "--limit", "2", "--offset", offset])
            .json();
        hit_ids(&json)
    };
    let all = hit_ids(&env.run(&["search", "--json", "--limit", "100"]).json());
    assert_eq!(page("0"), all[0..2]);
    assert_eq!(page("2"), all[2..4]);
    let mut sorted = all.clone();
    sorted.sort();
    assert_eq!(all, sorted, "equal scores are ordered by id");
}

#[test]
fn facet_counts_agree_with_extraction() {
    let env = Env::indexed();
    let lines = env.extracted();
    let json = env
        .run(&[
            "search",
            "--json",
            "--facets",
            "country,source,tariff,year",
            "--facet-top",
            "1000",
        ])
        .json();
    // The country facet holds the blocs too; extract lists them apart.
    let countries = count_by(&lines, |l| {
        l["countries"]
            .as_array()
            .unwrap()
            .iter()
            .chain(l["blocs"].as_array().unwrap())
            .map(|c| c["code"].as_str().unwrap().to_string())
            .collect()
    });
    assert_eq!(facet(&json, "country"), countries);
    let sources = count_by(&lines, |l| {
        strings(&Value::Array(vec![l["source"].clone()]))
    });
    assert_eq!(facet(&json, "source"), sources);
    let years = count_by(&lines, |l| {
        l["date"]
            .as_str()
            .map(|d| d[..4].to_string())
            .into_iter()
            .collect()
    });
    assert_eq!(facet(&json, "year"), years);
    // Every article stating a rate is in exactly the bands of its rates.
    let banded: u64 = facet(&json, "tariff").values().sum();
    let rated = lines
        .iter()
        .filter(|l| !l["tariff_rates"].as_array().unwrap().is_empty())
        .count() as u64;
    assert!(banded >= rated);
    for (code, n) in &countries {
        assert_eq!(env.total(&["--country", code]), *n, "--country {code}");
    }
    for (year, n) in &years {
        assert_eq!(
            env.total(&["--since", year, "--until", year]),
            *n,
            "year {year}"
        );
    }
}

#[test]
fn tariff_filters_agree_with_extraction() {
    let env = Env::indexed();
    let lines = env.extracted();
    let rates: Vec<Vec<f64>> = lines
        .iter()
        .map(|l| {
            l["tariff_rates"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r.as_f64().unwrap())
                .collect()
        })
        .collect();
    for (min, max) in [(0.0, 1000.0), (10.0, 30.0), (40.0, 1000.0)] {
        let want = rates
            .iter()
            .filter(|rs| rs.iter().any(|r| *r >= min && *r <= max))
            .count() as u64;
        let got = env.total(&[
            "--tariff-min",
            &min.to_string(),
            "--tariff-max",
            &max.to_string(),
        ]);
        assert_eq!(got, want, "{min}..{max}");
    }
}

#[test]
fn the_facets_command_counts_one_field() {
    let env = Env::indexed();
    let json = env.run(&["facets", "source", "--json"]).code(0).json();
    assert_eq!(
        keys(&json),
        ["distinct", "field", "query", "total", "values"]
    );
    assert_eq!(json["field"], "source");
    assert_eq!(json["values"][0]["value"], "Example Wire");
    assert_eq!(json["values"][0]["count"], 3);
    let text = env.run(&["facets", "source", "cocoa"]).code(0);
    assert_eq!(text.stdout.trim(), "Example Wire       1");
    let run = env.run(&["facets", "colour"]).code(2);
    assert!(
        run.stderr.contains("unknown facet `colour`"),
        "{}",
        run.stderr
    );
}

#[test]
fn exit_codes_follow_grep() {
    let env = Env::indexed();
    env.run(&["search", "steel"]).code(0);
    let none = env.run(&["search", "zeppelin"]).code(1);
    assert!(none.stdout.contains("0 articles"), "{}", none.stdout);
    assert_eq!(none.stderr, "");
}

#[test]
fn bad_queries_and_flags_get_one_clear_line() {
    let env = Env::indexed();
    let table: &[(&[&str], &str)] = &[
        (
            &["search", "\"cheap metal"],
            "bad query at character 1: unclosed quote",
        ),
        (&["search", "(steel OR rice"], "unclosed `(`"),
        (
            &["search", "steel)"],
            "at character 6: `)` without a matching `(`",
        ),
        (
            &["search", "speakr:rubio"],
            "unknown field `speakr` (fields: title, body)",
        ),
        (
            &["search", "--since", "2019", "--until", "2018"],
            "--since 2019 is after --until 2018",
        ),
        (
            &["search", "--since", "July"],
            "--since: `July` is not a date",
        ),
        (
            &["search", "--tariff-min", "lots"],
            "--tariff-min: `lots` is not a rate",
        ),
        (
            &["search", "--country", "Atlantis"],
            "unknown country `Atlantis`",
        ),
        (&["search", "--facets", "mood"], "unknown facet `mood`"),
    ];
    for (args, message) in table {
        let run = env.run(args).code(2);
        assert_eq!(run.stdout, "", "{args:?}");
        assert_eq!(run.stderr.lines().count(), 1, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains(message), "{args:?}: {}", run.stderr);
    }
}

#[test]
fn piped_text_has_no_colour() {
    let env = Env::indexed();
    let run = env.run(&["search", "steel"]).code(0);
    assert!(!run.stdout.contains('\x1b'));
    assert!(run.stdout.contains("1-1 of 1 article"), "{}", run.stdout);
}

#[test]
fn countries_by_code_name_or_adjective() {
    let env = Env::indexed();
    let rice = id_ending(&env.extracted(), "tokyo-rice.txt");
    for country in ["JP", "Japan", "japanese"] {
        let json = env
            .run(&["search", "--country", country, "--json"])
            .code(0)
            .json();
        assert!(hit_ids(&json).contains(&rice), "--country {country}");
    }
    // Both must hold: India and Pakistan are only in the first wire.
    let json = env
        .run(&["search", "--country", "India", "--country", "PK", "--json"])
        .code(0)
        .json();
    assert_eq!(json["total"], 1);
    assert!(json["hits"][0]["id"].as_str().unwrap().ends_with("#w1"));
}

#[test]
fn tariff_rates_filter_and_sort() {
    let env = Env::indexed();
    let json = env
        .run(&["search", "--tariff-min", "40", "--json", "--sort", "tariff"])
        .code(0)
        .json();
    let ids = hit_ids(&json);
    assert_eq!(ids.len(), 2, "{ids:?}");
    assert!(ids[0].ends_with("steel-duties.txt"));
    assert!(ids[1].ends_with("#w2"));
}

#[test]
fn dates_filter_and_sort() {
    let env = Env::indexed();
    assert_eq!(env.total(&["--since", "2019"]), 2);
    assert_eq!(env.total(&["--until", "1987"]), 1);
    assert_eq!(
        env.total(&["--since", "2018-06", "--until", "2018-06-30"]),
        1
    );
    let json = env
        .run(&["search", "--sort", "date", "--json"])
        .code(0)
        .json();
    assert!(json["hits"][0]["id"].as_str().unwrap().ends_with("#w1"));
}

#[test]
fn speakers_filter_forgivingly() {
    let env = Env::indexed();
    let steel = id_ending(&env.extracted(), "steel-duties.txt");
    for name in [
        "whitlock",
        "Dana Whitlock",
        "Secretary Whitlock",
        "WHITLOCK",
    ] {
        let json = env
            .run(&["search", "--speaker", name, "--json"])
            .code(0)
            .json();
        assert_eq!(json["total"], 1, "--speaker {name}");
        assert_eq!(json["hits"][0]["id"], steel.as_str());
    }
}
