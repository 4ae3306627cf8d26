//! Benchmark: how many megabytes of article text (title, dateline and body) a second the whole
//! enrichment stage reads on one core, every extractor over the article's shared text layer, as
//! `index` and `extract` run it. Reads every article under the given paths with the corpus
//! readers first, so reading is not timed, then times several passes and prints MB/s of the
//! thread's CPU time (wall time where the platform does not give it).
//!
//! `cargo run --release --example enrich_speed -- ../shared/corpora/reuters21578/reuters21578.jsonl`

mod common;

/// The allocator of the `newsdex` binary, so the speeds are those `extract` and `index` reach.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use newsdex::enrich;

/// Timed passes; the best counts.
const PASSES: usize = 5;

fn main() {
    let paths: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    let articles = common::read_articles(&paths, "enrich_speed");
    let mb = common::text_bytes(&articles) as f64 / 1e6;
    let (found, best) = common::best_of(PASSES, || {
        articles
            .iter()
            .map(|a| {
                let e = enrich::enrich(a);
                e.quotes.len() + e.countries.len() + e.tariffs.len() + e.orgs.len()
            })
            .sum::<usize>()
    });
    println!(
        "{} articles, {mb:.2} MB, {found} results: best of {PASSES} {best:.3} s CPU, {:.1} MB/s",
        articles.len(),
        mb / best
    );
}
