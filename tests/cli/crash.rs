//! Killed runs: `newsdex index` killed with SIGKILL at several points of a large run leaves an
//! index that opens and searches and holds every article its last commit held; the next run
//! picks up where it stopped, and a run left to finish completes the job without duplicates.

use std::collections::BTreeSet;
use std::process::Child;
use std::time::{Duration, Instant};

use crate::util::{Env, indexed_ids, many_articles, scale_for};

/// Wait until the index exists (the run holds its lock and made its first, empty commit).
fn wait_for_index(env: &Env, child: &mut Child) {
    let meta = env.path("index/meta.json");
    while !meta.is_file() {
        if child.try_wait().expect("poll child").is_some() {
            return;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Where in a run to kill it.
#[derive(Debug, Clone, Copy)]
enum KillPoint {
    /// As soon as the index exists, before any article is committed.
    AtStart,
    /// Just after a searcher first sees a commit with more articles than before the run.
    AfterCommit,
    /// This long after the run's first new commit is seen: in the middle of a batch.
    BetweenCommits(Duration),
}

/// What one killed run left.
struct Killed {
    /// Whether the run was still going when it was killed (it may have finished first).
    mid_run: bool,
    /// The articles a searcher saw committed last before the kill.
    seen_committed: BTreeSet<String>,
}

/// Run `index` and kill it at `point`, watching what searchers see meanwhile.
fn run_and_kill(env: &Env, point: KillPoint, before: &BTreeSet<String>) -> Killed {
    let mut child = env.start_index(&["many"]);
    wait_for_index(env, &mut child);
    let mut last_total = before.len() as u64;
    let mut first_commit: Option<Instant> = None;
    loop {
        let due = match (point, first_commit) {
            (KillPoint::AtStart, _) => true,
            (KillPoint::AfterCommit, Some(_)) => true,
            (KillPoint::BetweenCommits(after), Some(at)) => at.elapsed() >= after,
            (_, None) => false,
        };
        if due || child.try_wait().expect("poll child").is_some() {
            break;
        }
        // Counting is cheap; the ids are listed once, just before the kill.
        let total = env.total(&[]);
        assert!(total >= last_total, "a search lost committed articles");
        if total > before.len() as u64 && first_commit.is_none() {
            first_commit = Some(Instant::now());
        }
        last_total = total;
        std::thread::sleep(Duration::from_millis(100));
    }
    // At the start there is nothing new to list, and listing would let the run go on.
    let seen = if matches!(point, KillPoint::AtStart) {
        before.clone()
    } else {
        indexed_ids(env)
    };
    assert!(seen.is_superset(before), "a search lost committed articles");
    let mid_run = child.try_wait().expect("poll child").is_none();
    // SIGKILL: no chance to clean up, as when the machine loses power or the OOM killer strikes.
    let _ = child.kill();
    let _ = child.wait();
    Killed {
        mid_run,
        seen_committed: seen,
    }
}

/// How many times a test may double a corpus that its sample run sized too small (a sample
/// timed while the machine was briefly busy makes the estimate low).
const ATTEMPTS: u32 = 4;

/// Kill runs over `all` at several points; the number of kills that landed mid-run.
fn kill_at_several_points(env: &Env, all: &BTreeSet<String>) -> usize {
    let points = [
        KillPoint::AtStart,
        KillPoint::AfterCommit,
        KillPoint::BetweenCommits(Duration::from_millis(300)),
        KillPoint::AfterCommit,
        KillPoint::BetweenCommits(Duration::from_millis(500)),
    ];
    let mut committed = BTreeSet::new();
    let mut killed_mid_run = 0;
    for point in points {
        let killed = run_and_kill(env, point, &committed);
        killed_mid_run += usize::from(killed.mid_run);
        // The index opens, search works, and every article of the last commit seen is there.
        let after = indexed_ids(env);
        assert!(
            after.is_superset(&killed.seen_committed),
            "{point:?}: lost {} committed articles",
            killed.seen_committed.difference(&after).count()
        );
        assert!(after.is_subset(all), "{point:?}: unknown articles indexed");
        eprintln!(
            "killed {point:?} ({}): {} articles seen committed, {} there after",
            if killed.mid_run {
                "mid-run"
            } else {
                "after it ended"
            },
            killed.seen_committed.len(),
            after.len()
        );
        committed = after;
    }
    killed_mid_run
}

#[test]
fn a_run_killed_anywhere_loses_only_uncommitted_work_and_a_rerun_completes_it() {
    // Long enough for most kills to land mid-run: about 6 s, in commits a second apart.
    let mut scale = scale_for(6.0, 60, 120);
    for attempt in 1..=ATTEMPTS {
        let env = Env::empty();
        let files = 60 * scale;
        let all = many_articles(&env.path("many"), files, 120 * scale);
        let killed_mid_run = kill_at_several_points(&env, &all);
        if killed_mid_run < 3 {
            eprintln!(
                "attempt {attempt}: only {killed_mid_run} kills landed mid-run; doubling the corpus"
            );
            scale *= 2;
            continue;
        }

        // A run left alone completes the job: every article once, nothing reported, nothing
        // locked.
        let run = env.run(&["index", "many"]).code(0);
        assert!(!run.stderr.contains("skipped "), "{}", run.stderr);
        assert_eq!(indexed_ids(&env), all);
        let again = env.run(&["index", "many"]).code(0);
        assert!(
            again
                .stderr
                .contains(&format!("0 files read, {} unchanged", files + 1)),
            "{}",
            again.stderr
        );
        assert_eq!(indexed_ids(&env), all);
        return;
    }
    panic!("kills never landed mid-run, even on a corpus 8 times the estimate");
}

#[test]
fn a_run_killed_inside_a_large_json_lines_file_resumes_it() {
    // Long enough that a commit lands before the end: about 4 s.
    let mut records = 100 * scale_for(4.0, 0, 100);
    for attempt in 1..=ATTEMPTS {
        let env = Env::empty();
        let all = many_articles(&env.path("many"), 0, records);
        let mut child = env.start_index(&["many"]);
        wait_for_index(&env, &mut child);
        // Kill once a commit holds part of the file.
        while env.total(&[]) == 0 && child.try_wait().expect("poll child").is_none() {
            std::thread::sleep(Duration::from_millis(100));
        }
        let seen = indexed_ids(&env);
        if child.try_wait().expect("poll child").is_some() {
            eprintln!(
                "attempt {attempt}: the run ended before a commit was seen; doubling the file"
            );
            records *= 2;
            continue;
        }
        let _ = child.kill();
        let _ = child.wait();
        let committed = indexed_ids(&env);
        assert!(committed.is_superset(&seen) && committed.len() < records);

        // The next run enriches only what the commit did not hold, give or take the articles
        // workers had finished ahead of their turn.
        let run = env.run(&["index", "many"]).code(0);
        let summary = run.stderr.lines().last().unwrap_or_default();
        let indexed: usize = summary
            .strip_prefix("newsdex: ")
            .and_then(|s| s.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no count in {summary}"));
        assert!(
            indexed >= records - committed.len() && indexed < records,
            "{indexed} indexed after {} were committed",
            committed.len()
        );
        assert_eq!(indexed_ids(&env), all);
        return;
    }
    panic!("every run ended before a commit was seen, even on a file 8 times the estimate");
}
