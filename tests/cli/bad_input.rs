//! Bad queries and flags, on every command that takes them: one clear line on stderr, nothing
//! on stdout, exit 2; never a panic, an abort or a usage dump. (`search` alone is covered by
//! `search::bad_queries_and_flags_get_one_clear_line`.)

use crate::util::Env;

/// Each mistake, the argument list that makes it, and what the one line must say.
fn mistakes() -> Vec<(Vec<String>, String)> {
    let deep_parens = format!("{}steel{}", "(".repeat(5000), ")".repeat(5000));
    let many_nots = format!("{}steel", "NOT ".repeat(2000));
    let deep = "groups and NOTs nested more than 100 deep";
    let table: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["\"cheap metal"],
            "bad query at character 1: unclosed quote",
        ),
        (
            vec!["(steel OR rice"],
            "bad query at character 1: unclosed `(`",
        ),
        (vec!["steel)"], "at character 6: `)` without a matching `(`"),
        (vec![deep_parens.as_str()], deep),
        (vec![many_nots.as_str()], deep),
        (
            vec!["--since", "2019", "--until", "2018"],
            "--since 2019 is after --until 2018",
        ),
        (
            vec!["--until", "2018-02-30"],
            "--until: `2018-02-30` is not a date",
        ),
        (
            vec!["--country", "Atlantis"],
            "--country: unknown country `Atlantis`",
        ),
    ];
    table
        .into_iter()
        .map(|(args, want)| (args.into_iter().map(String::from).collect(), want.into()))
        .collect()
}

/// The mistakes only article filters can make (`search` and `facets`).
fn filter_mistakes() -> Vec<(Vec<&'static str>, &'static str)> {
    vec![
        (
            vec!["--tariff-min", "lots"],
            "--tariff-min: `lots` is not a rate",
        ),
        (
            vec!["--tariff-max", "25 percent"],
            "--tariff-max: `25 percent` is not a rate",
        ),
        (
            vec!["--tariff-min", "-5"],
            "--tariff-min: `-5` is not a rate",
        ),
        (
            vec!["--tariff-min", "NaN"],
            "--tariff-min: `NaN` is not a rate",
        ),
        (
            vec!["--tariff-min", "30", "--tariff-max", "10"],
            "--tariff-min 30 is above --tariff-max 10",
        ),
        (
            vec!["--imposer", "Atlantis"],
            "--imposer: unknown country `Atlantis`",
        ),
        (
            vec!["--target", "Narnia"],
            "--target: unknown country `Narnia`",
        ),
    ]
}

fn one_clear_line(env: &Env, args: &[&str], want: &str) {
    let run = env.run(args);
    let shown: String = format!("{args:?}").chars().take(80).collect();
    assert_eq!(run.code, 2, "{shown}: {}", run.stderr);
    assert_eq!(run.stdout, "", "{shown}");
    assert_eq!(run.stderr.lines().count(), 1, "{shown}: {}", run.stderr);
    assert!(
        run.stderr.starts_with("newsdex: "),
        "{shown}: {}",
        run.stderr
    );
    assert!(run.stderr.contains(want), "{shown}: {}", run.stderr);
}

#[test]
fn quotes_facets_and_search_refuse_bad_queries_and_flags_in_one_line() {
    let env = Env::indexed();
    for (args, want) in mistakes() {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        for command in [&["search"][..], &["quotes"], &["facets", "country"]] {
            let mut all = command.to_vec();
            all.extend_from_slice(&args);
            one_clear_line(&env, &all, &want);
        }
    }
    for (args, want) in filter_mistakes() {
        for command in [&["search"][..], &["facets", "source"]] {
            let mut all = command.to_vec();
            all.extend_from_slice(&args);
            one_clear_line(&env, &all, want);
        }
    }
}

#[test]
fn quotes_and_speakers_name_the_field_and_country_they_refuse() {
    let env = Env::indexed();
    one_clear_line(
        &env,
        &["quotes", "speakr:rubio"],
        "unknown field `speakr` (fields: quote)",
    );
    one_clear_line(
        &env,
        &["speakers", "--country", "Atlantis"],
        "--country: unknown country `Atlantis`",
    );
    one_clear_line(&env, &["facets", "colour"], "unknown facet `colour`");
}

#[test]
fn long_and_odd_queries_that_are_valid_still_run() {
    let env = Env::indexed();
    let queries = [
        "steel ".repeat(20_000),
        "\"cheap metal\" ".repeat(2_000),
        format!("{}steel{}", "(".repeat(100), ")".repeat(100)),
        "NOT (NOT (steel)) ".repeat(200),
        "\u{201c}cheap metal".to_string(),
        // (A NUL cannot be passed as an argument at all.)
        "\u{7}\u{1b}7\u{7f}".to_string(),
        "Zölle 関税 \u{fffd}".to_string(),
    ];
    for q in &queries {
        let run = env.run(&["search", q.as_str(), "--json"]);
        assert!(
            run.code == 0 || run.code == 1,
            "{}: {}",
            q.chars().take(40).collect::<String>(),
            run.stderr
        );
        assert!(run.json()["total"].is_u64());
    }
}
