//! Benchmark: how many megabytes of article body a second quote attribution and people
//! extraction read, on one core. Reads every article under the given paths with the corpus
//! readers (so bodies are normalised as `index` sees them), then times several passes and
//! prints MB/s of CPU time (the thread's own time, so other work on the machine does not count;
//! wall time where the platform does not give it).
//!
//! `cargo run --release --example quote_speed -- ../shared/corpora/polnear`

mod common;

/// The allocator of the `newsdex` binary, so the speeds are those `extract` and `index` reach.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use newsdex::enrich::quotes;

const PASSES: usize = 5;

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
    let clock_kind = if common::thread_cpu_secs().is_some() {
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
    let (found, best) = common::best_of(PASSES, run);
    println!(
        "{} articles, {mb:.2} MB, {} attributions, {} people: best of {PASSES} {best:.3} s \
         {clock_kind}, {:.1} MB/s",
        bodies.len(),
        found.0,
        found.1,
        mb / best
    );
}
