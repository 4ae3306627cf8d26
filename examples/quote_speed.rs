//! Benchmark: how many megabytes of article body a second quote attribution and people
//! extraction read, on one core. Reads every article under the given paths with the corpus
//! readers (so bodies are normalised as `index` sees them), then times several passes and
//! prints MB/s of CPU time (the thread's own time, so other work on the machine does not count;
//! wall time where the platform does not give it).
//!
//! `cargo run --release --example quote_speed -- ../shared/corpora/polnear`

use std::time::Instant;

mod common;

use newsdex::enrich::quotes;

const PASSES: usize = 5;

/// CPU time of this thread in seconds, from `/proc/thread-self/schedstat` (Linux).
fn thread_cpu_secs() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// A clock: CPU time where the platform gives it, else wall time.
struct Clock {
    wall: Instant,
    cpu: Option<f64>,
}

impl Clock {
    fn start() -> Clock {
        Clock {
            wall: Instant::now(),
            cpu: thread_cpu_secs(),
        }
    }

    fn secs(&self) -> f64 {
        match (self.cpu, thread_cpu_secs()) {
            (Some(a), Some(b)) => b - a,
            _ => self.wall.elapsed().as_secs_f64(),
        }
    }
}

fn main() {
    let args: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    let paths = if args.is_empty() {
        vec!["../shared/corpora/polnear".into()]
    } else {
        args
    };
    let articles = common::read_articles(&paths, "quote_speed");
    let bodies: Vec<&str> = articles.iter().map(|a| a.body.as_str()).collect();
    let bytes: usize = bodies.iter().map(|b| b.len()).sum();
    let mb = bytes as f64 / 1e6;
    let clock_kind = if thread_cpu_secs().is_some() {
        "CPU"
    } else {
        "wall"
    };

    // A warm-up pass builds the word lists.
    let run = || {
        let mut found = (0usize, 0usize);
        for b in &bodies {
            let analysis = quotes::analyse(b);
            found.0 += analysis.attributions.len();
            found.1 += analysis.people.len();
        }
        found
    };
    let mut found = run();
    let mut best = f64::MAX;
    for _ in 0..PASSES {
        let clock = Clock::start();
        found = run();
        best = best.min(clock.secs());
    }
    println!(
        "{} articles, {mb:.2} MB, {} attributions, {} people: best of {PASSES} {best:.3} s \
         {clock_kind}, {:.1} MB/s",
        bodies.len(),
        found.0,
        found.1,
        mb / best
    );
}
