//! How fast the country, tariff, organisation and date extractors run on one core: reads every
//! article under the given paths into memory, then times each extractor over all of them and
//! prints MB/s of this thread's CPU time (wall time where the platform does not give it). `cargo run --release --example geo_speed -- ../shared/corpora`

mod common;

/// The allocator of the `newsdex` binary, so the speeds are those `extract` and `index` reach.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use newsdex::corpus::Article;
use newsdex::enrich::text::Words;
use newsdex::enrich::{countries, dates, orgs, tariffs};

/// Timed passes of each extractor; the best counts.
const PASSES: usize = 5;

fn main() {
    let paths: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    let articles = common::read_articles(&paths, "geo_speed");
    let bytes = common::text_bytes(&articles);
    // Warm the gazetteers so that building them is not timed.
    let _ = countries::lookup("India");
    let mb = bytes as f64 / 1_000_000.0;
    println!("{} articles, {mb:.1} MB", articles.len());
    let time = |name: &str, extract: &dyn Fn(&Article) -> usize| {
        let (found, best) = common::best_of(PASSES, || articles.iter().map(extract).sum::<usize>());
        println!(
            "{name:<10} {found:>7} results: best of {PASSES} {best:.3} s CPU, {:.1} MB/s",
            mb / best
        );
    };
    time("countries", &|a| {
        countries::extract(a, &Words::scan(&a.body)).len()
    });
    time("tariffs", &|a| tariffs::extract(a).len());
    time("orgs", &|a| orgs::extract(a).len());
    time("dates", &|a| usize::from(dates::published(a).is_some()));
}
