//! `newsdex index`: counts, re-runs, changes, deletions, bad input and the lock.

use std::time::Duration;

use crate::util::{Env, id_ending};

#[test]
fn indexes_every_article_and_reports_the_bad_line_once() {
    let env = Env::new();
    let articles = env.extracted().len();
    let run = env.run(&["index", "news"]).code(2);
    assert_eq!(run.stdout, "");
    let bad: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("newsdex: skipped"))
        .collect();
    assert_eq!(bad.len(), 1, "{}", run.stderr);
    assert!(bad[0].contains("wires.jsonl:2: invalid JSON"), "{}", bad[0]);
    let summary = run.stderr.lines().last().unwrap_or_default();
    assert!(
        summary.starts_with(&format!(
            "newsdex: {articles} indexed, 0 updated, 0 deleted, 1 skipped;"
        )),
        "{summary}"
    );
    assert_eq!(env.total(&[]), articles as u64);
}

#[test]
fn a_rerun_adds_nothing_twice() {
    let env = Env::indexed();
    let before = env.total(&[]);
    let run = env.run(&["index", "news"]).code(0);
    assert!(
        run.stderr
            .contains("0 indexed, 0 updated, 0 deleted, 0 skipped;"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("0 files read, 4 unchanged"),
        "{}",
        run.stderr
    );
    assert_eq!(env.total(&[]), before);
    // The same files reached through another root are the same articles.
    env.run(&["index", "news/trade"]).code(0);
    assert_eq!(env.total(&[]), before);
}

#[test]
fn a_deleted_file_disappears() {
    let env = Env::indexed();
    let lines = env.extracted();
    let id = id_ending(&lines, "tokyo-rice.txt");
    env.run(&["show", &id]).code(0);
    std::fs::remove_file(env.path("news/trade/tokyo-rice.txt")).unwrap();
    let run = env.run(&["index", "news"]).code(0);
    assert!(
        run.stderr.contains("0 indexed, 0 updated, 1 deleted"),
        "{}",
        run.stderr
    );
    assert_eq!(env.total(&[]), lines.len() as u64 - 1);
    env.run(&["show", &id]).code(1);
}

#[test]
fn deletions_stay_within_the_roots_given() {
    let env = Env::indexed();
    let before = env.total(&[]);
    // Indexing one folder says nothing about files outside it.
    std::fs::create_dir_all(env.path("other")).unwrap();
    std::fs::write(
        env.path("other/note.txt"),
        "A note\n\nShort text about nothing.\n",
    )
    .unwrap();
    let run = env.run(&["index", "other"]).code(0);
    assert!(
        run.stderr.contains("1 indexed, 0 updated, 0 deleted"),
        "{}",
        run.stderr
    );
    assert_eq!(env.total(&[]), before + 1);
}

#[test]
fn a_changed_file_is_updated() {
    let env = Env::indexed();
    let lines = env.extracted();
    let id = id_ending(&lines, "steel-duties.txt");
    let path = env.path("news/trade/steel-duties.txt");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("\nA zeppelin was seen over the mill.\n");
    std::fs::write(&path, text).unwrap();
    let run = env.run(&["index", "news"]).code(0);
    assert!(
        run.stderr.contains("0 indexed, 1 updated, 0 deleted"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("1 files read, 3 unchanged"),
        "{}",
        run.stderr
    );
    assert_eq!(env.total(&[]), lines.len() as u64);
    let hits = env.run(&["search", "zeppelin", "--json"]).code(0).json();
    assert_eq!(hits["total"], 1);
    assert_eq!(hits["hits"][0]["id"], id.as_str());
}

#[test]
fn a_touched_but_unchanged_file_is_not_reindexed() {
    let env = Env::indexed();
    let path = env.path("news/sport/cup-final.txt");
    let text = std::fs::read(&path).unwrap();
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(&path, text).unwrap();
    let run = env.run(&["index", "news"]).code(0);
    assert!(
        run.stderr.contains("0 indexed, 0 updated, 0 deleted"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("4 unchanged"), "{}", run.stderr);
}

#[test]
fn an_unreadable_file_is_reported_and_the_rest_indexed() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let articles = env.extracted().len() as u64;
    // A link to nothing cannot be read by anyone, root included.
    std::os::unix::fs::symlink("gone.txt", env.path("news/sport/dangling.txt")).unwrap();
    let path = env.path("news/sport/cup-final.txt");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads files whatever their permissions: then only the link is unreadable.
    let locked = std::fs::read(&path).is_err();
    let run = env.run(&["index", "news"]).code(2);
    let reported = |name: &str| {
        run.stderr
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} not reported:\n{}", run.stderr))
            .to_string()
    };
    let dangling = reported("dangling.txt");
    assert!(dangling.starts_with("newsdex: skipped "), "{dangling}");
    assert!(dangling.contains("No such file"), "{dangling}");
    let skipped = if locked {
        let line = reported("cup-final.txt");
        assert!(line.starts_with("newsdex: skipped "), "{line}");
        assert!(line.contains("ermission denied"), "{line}");
        3
    } else {
        2
    };
    assert!(
        run.stderr.contains(&format!("{skipped} skipped")),
        "{}",
        run.stderr
    );
    let lost = u64::from(locked);
    assert_eq!(env.total(&[]), articles - lost);
}

#[test]
fn a_second_writer_is_refused_at_once() {
    let env = Env::indexed();
    let options = newsdex::index::writer::WriterOptions {
        threads: 1,
        memory_mb: 20,
    };
    let writer = newsdex::index::writer::Writer::open(&env.path("index"), options).unwrap();
    let run = env.run(&["index", "news"]).code(2);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr.trim(),
        format!(
            "newsdex: index {} is locked by another newsdex process",
            env.path("index").display()
        )
    );
    // Searching is never locked out.
    env.run(&["search", "--json"]).code(0);
    writer.finish().unwrap();
    env.run(&["index", "news"]).code(0);
}

#[test]
fn a_missing_index_says_how_to_make_one() {
    let env = Env::new();
    let run = env.run(&["search", "steel"]).code(2);
    assert!(run.stderr.contains("no index at"), "{}", run.stderr);
    assert!(run.stderr.contains("newsdex index"), "{}", run.stderr);
}

#[test]
fn the_index_flag_wins_over_the_environment() {
    let env = Env::new();
    env.run(&["index", "news/trade", "--index", "elsewhere"])
        .code(0);
    assert!(env.path("elsewhere/meta.json").is_file());
    assert!(!env.path("index/meta.json").exists());
    let run = env
        .run(&["search", "--json", "--index", "elsewhere"])
        .code(0);
    assert_eq!(run.json()["total"], 2);
}

#[test]
fn an_index_inside_the_corpus_is_not_read_as_articles() {
    let env = Env::new();
    let run = env
        .run(&["index", "news/trade", "--index", "news/trade/index"])
        .code(0);
    assert!(run.stderr.contains("2 indexed"), "{}", run.stderr);
    let run = env
        .run(&["index", "news/trade", "--index", "news/trade/index"])
        .code(0);
    assert!(
        run.stderr.contains("0 files read, 2 unchanged"),
        "{}",
        run.stderr
    );
}

#[test]
fn quiet_prints_nothing_when_all_is_well() {
    let env = Env::new();
    let run = env.run(&["index", "news/trade", "--quiet"]).code(0);
    assert_eq!((run.stdout.as_str(), run.stderr.as_str()), ("", ""));
}

#[test]
fn verbose_lists_skip_reasons() {
    let env = Env::new();
    std::fs::write(env.path("news/notes.pdf"), "not an article").unwrap();
    let run = env.run(&["index", "news", "-v"]).code(2);
    assert!(
        run.stderr.contains("notes.pdf: unknown extension"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("skipped 1: invalid JSON"),
        "{}",
        run.stderr
    );
}
