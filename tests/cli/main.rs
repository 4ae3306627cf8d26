//! Integration tests: run the built `newsdex` binary on a copy of `tests/fixtures/news` and
//! check stdout, stderr and the exit code separately.
//!
//! Expected numbers come from `newsdex extract` over the same corpus (the index must agree
//! with extraction exactly), so these tests hold whatever the extractors find. Facts that need
//! real extractors (a country named in the text, a speaker) are in tests marked
//! `#[ignore = "waits for ..."]`: run them with `cargo test -- --include-ignored`.

mod bad_input;
mod concurrency;
mod crash;
mod directory;
mod index;
mod index_format;
mod quotes;
mod robustness;
mod sample;
mod search;
mod show;
mod util;
