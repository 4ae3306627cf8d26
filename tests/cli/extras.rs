//! Trade blocs, output formats, date filters and undated articles, corpus hygiene, small
//! consistencies, and the completion scripts and man page: each on a small corpus written
//! here.

use std::fs;

use crate::util::Env;

/// Four articles: an EU tariff, a French article naming no bloc, Brussels acting for the
/// bloc, and an undated one where Brussels is only the place of a meeting.
fn trade_corpus() -> Env {
    let env = Env::empty();
    let dir = env.path("trade");
    fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, text: &str| fs::write(dir.join(name), text).unwrap();
    write(
        "eu-bikes.txt",
        "EU sets duties on Chinese bicycles\nMarch 3, 2019\n\n\
         The European Union imposed a 25 percent tariff on Chinese bicycles on Monday, the \
         European Commission said.\n\n\
         \"We will defend our makers,\" Trade Commissioner Anna Berg said.\n",
    );
    write(
        "paris-wine.txt",
        "France ships more wine to Japan\nApril 9, 2019\n\n\
         France raised its wine exports to Japan by a fifth last year, growers in Bordeaux \
         said.\n",
    );
    write(
        "bearings.txt",
        "Brussels hits Japanese bearings\nMay 20, 2019\n\n\
         Brussels imposed anti-dumping duties of 30 percent on Japanese ball bearings, \
         officials said.\n",
    );
    write(
        "undated.txt",
        "Ministers talk tariffs in Brussels\n\n\
         Trade ministers met in Brussels to discuss steel tariffs, a spokesman said.\n",
    );
    env
}

fn indexed_trade() -> Env {
    let env = trade_corpus();
    env.run(&["index", "trade", "--quiet"]).code(0);
    env
}

fn ids(json: &serde_json::Value) -> Vec<String> {
    let mut ids: Vec<String> = json["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

#[test]
fn blocs_are_filters_facets_and_tariff_parties() {
    let env = indexed_trade();
    // The EU named, or Brussels acting for it; not every article naming a member.
    for name in ["EU", "European Union", "eu"] {
        let json = env
            .run(&["search", "--country", name, "--json"])
            .code(0)
            .json();
        assert_eq!(
            ids(&json),
            ["trade/bearings.txt", "trade/eu-bikes.txt"],
            "{name}"
        );
    }
    let json = env
        .run(&["search", "--imposer", "EU", "--json"])
        .code(0)
        .json();
    assert_eq!(ids(&json), ["trade/bearings.txt", "trade/eu-bikes.txt"]);
    let json = env
        .run(&["search", "--target", "JP", "--json"])
        .code(0)
        .json();
    assert_eq!(ids(&json), ["trade/bearings.txt"]);
    // Brussels as a meeting place stays Belgium; Brussels acting for the bloc is not Belgium.
    let json = env
        .run(&["search", "--country", "BE", "--json"])
        .code(0)
        .json();
    assert_eq!(ids(&json), ["trade/undated.txt"]);
    let run = env.run(&["facets", "imposer"]).code(0);
    assert!(run.stdout.contains("EU European Union"), "{}", run.stdout);
    assert!(!run.stdout.contains("BE"), "{}", run.stdout);
}

#[test]
fn extract_keeps_blocs_apart_from_iso_countries() {
    // The gold files count ISO codes only: a bloc in `countries` would be a false positive.
    let env = trade_corpus();
    let lines = env.extracted_in("trade");
    let line = lines
        .iter()
        .find(|l| l["path"] == "trade/eu-bikes.txt")
        .unwrap();
    let codes = |key: &str| -> Vec<String> {
        line[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["code"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(codes("countries"), ["CN"]);
    assert_eq!(codes("blocs"), ["EU"]);
    assert_eq!(line["blocs"][0]["name"], "European Union");
    assert_eq!(line["tariffs"][0]["imposer"], "EU");
}

#[test]
fn csv_and_tsv_have_a_header_and_a_row_a_result() {
    let env = indexed_trade();
    let run = env
        .run(&["search", "tariff", "--format", "csv", "--sort", "date"])
        .code(0);
    let mut lines = run.stdout.lines();
    assert_eq!(
        lines.next(),
        Some("id,title,date,score,countries,speakers,tariff_rates,snippet")
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 2, "{}", run.stdout);
    assert!(
        rows[0].starts_with("trade/eu-bikes.txt,EU sets duties on Chinese bicycles,2019-03-03,")
    );
    // A cell with a comma or a quote mark is quoted, its quote marks doubled.
    assert!(rows[0].contains(",\""), "{}", rows[0]);

    let run = env.run(&["quotes", "--format", "tsv"]).code(0);
    let header = run.stdout.lines().next().unwrap();
    assert_eq!(
        header,
        "text\tspeaker\trole\tspeaker_country\tkind\tarticle_id\ttitle\tdate\tscore"
    );
    assert!(run.stdout.contains("\tAnna Berg\t"), "{}", run.stdout);

    let run = env.run(&["facets", "country", "--format", "csv"]).code(0);
    assert!(
        run.stdout.starts_with("value,label,count\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("EU,EU European Union,2\n"),
        "{}",
        run.stdout
    );

    let run = env.run(&["speakers", "--format", "csv"]).code(0);
    assert!(
        run.stdout
            .starts_with("name,quotes,articles,first,last,country,roles\n")
    );

    // `--json` stays, as `--format json`; the two at once are refused.
    let a = env.run(&["search", "tariff", "--json"]).code(0).stdout;
    let b = env
        .run(&["search", "tariff", "--format", "json"])
        .code(0)
        .stdout;
    assert_eq!(a, b);
    let run = env.run(&["search", "--json", "--format", "csv"]).code(2);
    assert!(run.stderr.contains("cannot be used with"), "{}", run.stderr);
}

#[test]
fn json_hits_carry_match_offsets() {
    let env = indexed_trade();
    let json = env.run(&["search", "bicycles", "--json"]).code(0).json();
    let hit = &json["hits"][0];
    let snippet = hit["snippet"].as_str().unwrap();
    let matches = hit["matches"].as_array().unwrap();
    assert!(!matches.is_empty());
    for m in matches {
        let (a, b) = (
            m[0].as_u64().unwrap() as usize,
            m[1].as_u64().unwrap() as usize,
        );
        assert_eq!(snippet[a..b].to_lowercase(), "bicycles");
    }
    let json = env.run(&["quotes", "defend", "--json"]).code(0).json();
    let quote = &json["hits"][0];
    let m = &quote["matches"][0];
    let text = quote["text"].as_str().unwrap();
    let (a, b) = (
        m[0].as_u64().unwrap() as usize,
        m[1].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[a..b], "defend");
}

#[test]
fn a_date_filter_says_how_many_undated_articles_it_left_out() {
    let env = indexed_trade();
    let run = env.run(&["search", "tariffs", "--since", "2000"]).code(0);
    assert!(
        run.stderr
            .contains("note: the date filter left out 1 undated article"),
        "{}",
        run.stderr
    );
    let json = env
        .run(&["search", "tariffs", "--since", "2000", "--json"])
        .code(0)
        .json();
    assert_eq!(json["undated_left_out"], 1);
    assert_eq!(json["total"], 1);
    // Only the undated articles the rest of the search matches count.
    let json = env
        .run(&["search", "bicycles", "--since", "2000", "--json"])
        .code(0)
        .json();
    assert_eq!(json["undated_left_out"], 0);
    // Without a date filter there is no such key and no note.
    let run = env.run(&["search", "tariffs", "--json"]).code(0);
    assert!(run.json().get("undated_left_out").is_none());
    assert!(!run.stderr.contains("undated"));
}

#[test]
fn index_excludes_globs_at_every_depth() {
    let env = trade_corpus();
    fs::write(
        env.path("trade/README.md"),
        "# About this folder\n\nNotes.\n",
    )
    .unwrap();
    fs::create_dir_all(env.path("trade/drafts")).unwrap();
    fs::write(
        env.path("trade/drafts/README.md"),
        "# Drafts\n\nMore notes.\n",
    )
    .unwrap();
    env.run(&["index", "trade", "--exclude", "README.md", "--quiet"])
        .code(0);
    let json = env.run(&["search", "--json"]).code(0).json();
    assert_eq!(json["total"], 4);
    // Excluding a file that was indexed before takes it out of the index.
    env.run(&["index", "trade", "--exclude", "*.txt", "--quiet"])
        .code(0);
    assert_eq!(env.run(&["search", "--json"]).code(0).json()["total"], 2);
    let run = env.run(&["index", "trade", "--exclude", "[oops"]).code(2);
    assert!(
        run.stderr.contains("--exclude: `[oops` is not a glob"),
        "{}",
        run.stderr
    );
}

#[test]
fn index_refuses_what_cannot_work_and_says_why() {
    let env = trade_corpus();
    // The corpus as its own index.
    let run = env.run(&["index", "trade", "--index", "trade"]).code(2);
    assert!(
        run.stderr
            .contains("trade is the index folder or inside it"),
        "{}",
        run.stderr
    );
    // An index path that is a file.
    fs::write(env.path("afile"), "x").unwrap();
    let run = env.run(&["index", "trade", "--index", "afile"]).code(2);
    assert_eq!(
        run.stderr.trim(),
        "newsdex: --index afile: is a file, not a folder (give a new or an index folder)"
    );
    // Nothing to index leaves no index behind.
    let run = env
        .run(&["index", "nonexistent", "--index", "fresh"])
        .code(2);
    assert!(run.stderr.contains("nothing to index"), "{}", run.stderr);
    assert!(!env.path("fresh").exists());
    // A file of a kind newsdex does not read, named on the command line, is reported.
    fs::write(env.path("image.png"), [0x89, b'P', b'N', b'G']).unwrap();
    let run = env.run(&["extract", "image.png"]).code(1);
    assert!(
        run.stderr
            .contains("skipped image.png: not a kind of file newsdex reads"),
        "{}",
        run.stderr
    );
}

#[test]
fn quotes_match_search_in_keys_counts_and_tariff_filters() {
    let env = indexed_trade();
    let json = env.run(&["quotes", "defend", "--json"]).code(0).json();
    assert_eq!(json["query"], "defend");
    let run = env.run(&["quotes", "--limit", "1"]).code(0);
    let total = env.run(&["quotes", "--json"]).code(0).json()["total"]
        .as_u64()
        .unwrap();
    assert!(
        run.stdout.contains(&format!("\n1-1 of {total} quotes\n")),
        "{}",
        run.stdout
    );
    // The tariff filters of `search`, on the articles the quotes are from.
    let json = env
        .run(&["quotes", "--imposer", "EU", "--tariff-min", "20", "--json"])
        .code(0)
        .json();
    let articles: std::collections::BTreeSet<&str> = json["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["article_id"].as_str().unwrap())
        .collect();
    assert_eq!(
        articles.into_iter().collect::<Vec<_>>(),
        ["trade/bearings.txt", "trade/eu-bikes.txt"]
    );
    env.run(&["quotes", "--tariff-min", "90"]).code(1);
}

#[test]
fn facets_without_values_say_so() {
    let env = Env::empty();
    fs::create_dir_all(env.path("plain")).unwrap();
    fs::write(
        env.path("plain/a.txt"),
        "Harvest news\nMay 1, 2020\n\nFarmers in Kenya brought in a large harvest.\n",
    )
    .unwrap();
    env.run(&["index", "plain", "--quiet"]).code(0);
    let run = env.run(&["facets", "imposer"]).code(1);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr.trim(),
        "newsdex: no values of imposer in 1 article"
    );
}

#[test]
fn show_takes_a_unique_ending_of_the_id() {
    let env = Env::indexed();
    let run = env.run(&["show", "w2"]).code(0);
    assert!(
        run.stdout.contains("id: news/wires.jsonl#w2"),
        "{}",
        run.stdout
    );
    let id = crate::util::id_ending(&env.extracted(), "steel-duties.txt");
    let run = env.run(&["show", "steel-duties.txt"]).code(0);
    assert!(run.stdout.contains(&format!("id: {id}")), "{}", run.stdout);
    // An ending that is not a whole part of the id finds nothing.
    env.run(&["show", "2"]).code(1);
}

#[test]
fn completions_and_man_page_are_generated() {
    let env = Env::empty();
    for (shell, start) in [
        ("bash", "_newsdex()"),
        ("zsh", "#compdef newsdex"),
        ("fish", "complete -c newsdex"),
    ] {
        let run = env.run(&["completions", shell]).code(0);
        assert!(run.stdout.contains(start), "{shell}: {}", run.stdout);
        assert!(run.stdout.contains("exclude"), "{shell}");
    }
    env.run(&["completions", "tcsh"]).code(2);
    let run = env.run(&["man"]).code(0);
    assert!(run.stdout.starts_with(".ie"), "{}", run.stdout);
    assert!(run.stdout.contains(".TH newsdex 1"));
    assert!(run.stdout.contains("completions"));
}
