//! What the measuring examples share: reading a corpus into memory before timing anything,
//! and a clock of the thread's CPU time.

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
