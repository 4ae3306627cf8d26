//! Two processes at once: searching while `index` runs sees the last commit; a second `index`
//! on the same index fails at once with a clear message and changes nothing; the lock of a
//! killed run is no obstacle to the next.
//!
//! The in-process lock test is `index::a_second_writer_is_refused_at_once`.

use std::process::Child;
use std::time::Duration;

use crate::util::{Env, indexed_ids, many_articles};

/// Wait until the running `index` has created the index and stamped it with its version,
/// which it does holding the lock.
fn wait_for_index(env: &Env, child: &mut Child) {
    let meta = env.path("index/meta.json");
    let stamped = || std::fs::read_to_string(&meta).is_ok_and(|m| m.contains("newsdex_schema"));
    while !stamped() {
        assert!(
            child.try_wait().expect("poll child").is_none(),
            "index ended before creating the index"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn search_during_indexing_sees_whole_commits_only() {
    let env = Env::new();
    env.run(&["index", "news", "--quiet"]).code(2);
    let start_ids = indexed_ids(&env);
    let many = many_articles(&env.path("many"), 200, 400);
    let mut child = env.start_index(&["many"]);
    let mut seen = start_ids.clone();
    let mut searches = 0;
    while child.try_wait().expect("poll child").is_none() {
        let now = indexed_ids(&env);
        assert!(now.is_superset(&seen), "a later search lost articles");
        assert!(now.is_superset(&start_ids));
        assert!(
            now.iter()
                .all(|id| start_ids.contains(id) || many.contains(id)),
            "a search saw an article that is not in the corpus"
        );
        seen = now;
        searches += 1;
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(child.wait().expect("wait").code(), Some(0));
    assert!(searches > 0, "the run ended before any search");
    let all: std::collections::BTreeSet<String> = start_ids.union(&many).cloned().collect();
    assert_eq!(indexed_ids(&env), all);
}

#[test]
fn a_second_index_fails_at_once_and_changes_nothing() {
    let env = Env::empty();
    let many = many_articles(&env.path("many"), 150, 350);
    let other = many_articles(&env.path("other"), 3, 0);
    let mut first = env.start_index(&["many"]);
    wait_for_index(&env, &mut first);
    for args in [&["index", "many"][..], &["index", "other", "--quiet"]] {
        let second = env.run(args).code(2);
        assert_eq!(second.stdout, "");
        assert_eq!(
            second.stderr,
            format!(
                "newsdex: index {} is locked by another newsdex process\n",
                env.path("index").display()
            )
        );
        // "At once": it did not wait for the first run to end.
        assert!(
            first.try_wait().expect("poll child").is_none(),
            "the first run ended before the second was refused: make its corpus larger"
        );
    }
    assert_eq!(first.wait().expect("wait").code(), Some(0));
    let ids = indexed_ids(&env);
    assert_eq!(ids, many);
    assert!(ids.is_disjoint(&other));
}

#[test]
fn the_lock_of_a_killed_run_is_recovered() {
    let env = Env::empty();
    let many = many_articles(&env.path("many"), 100, 200);
    let mut child = env.start_index(&["many"]);
    wait_for_index(&env, &mut child);
    let _ = child.kill();
    let _ = child.wait();
    // The lock file stays behind; the OS lock on it died with the process.
    assert!(env.path("index/.tantivy-writer.lock").exists());
    let run = env.run(&["index", "many"]).code(0);
    assert!(!run.stderr.contains("locked"), "{}", run.stderr);
    assert_eq!(indexed_ids(&env), many);
}
