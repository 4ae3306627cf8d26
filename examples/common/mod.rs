//! What the measuring examples share: reading a corpus into memory before timing anything,
//! and a clock of the thread's CPU time.

// Each example compiles this module on its own and uses only part of it.
#![allow(dead_code)]

use std::path::PathBuf;
use std::time::Instant;

use newsdex::corpus::{self, Article, Record, Walked};

/// Every article under `paths`, read with the corpus readers (so bodies are normalised as
/// `index` sees them); files that cannot be read are reported on stderr under `tool`'s name.
pub fn read_articles(paths: &[PathBuf], tool: &str) -> Vec<Article> {
    let mut articles: Vec<Article> = Vec::new();
    for walked in corpus::walk(paths) {
        let Walked::File(file) = walked else { continue };
        let result = corpus::read(&file, &mut |record| {
            if let Record::Article(article) = record {
                articles.push(*article);
            }
        });
        if let Err(err) = result {
            eprintln!("{tool}: {err}");
        }
    }
    articles
}

/// CPU time of this thread in seconds, from `/proc/thread-self/schedstat` (Linux).
pub fn thread_cpu_secs() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// A clock: CPU time where the platform gives it, else wall time.
pub struct Clock {
    wall: Instant,
    cpu: Option<f64>,
}

impl Clock {
    pub fn start() -> Clock {
        Clock {
            wall: Instant::now(),
            cpu: thread_cpu_secs(),
        }
    }

    pub fn secs(&self) -> f64 {
        match (self.cpu, thread_cpu_secs()) {
            (Some(a), Some(b)) => b - a,
            _ => self.wall.elapsed().as_secs_f64(),
        }
    }
}

/// Bytes of article text an extractor reads: title, dateline and body.
pub fn text_bytes(articles: &[Article]) -> usize {
    articles
        .iter()
        .map(|a| {
            a.body.len()
                + a.title.as_ref().map_or(0, String::len)
                + a.dateline.as_ref().map_or(0, String::len)
        })
        .sum()
}

/// Runs `run` once to warm up (word lists, gazetteers, the model), then `passes` times on
/// the clock: what the last pass gave and the fastest pass in seconds.
pub fn best_of<T>(passes: usize, run: impl Fn() -> T) -> (T, f64) {
    let mut found = run();
    let mut best = f64::MAX;
    for _ in 0..passes {
        let clock = Clock::start();
        found = run();
        best = best.min(clock.secs());
    }
    (found, best)
}
