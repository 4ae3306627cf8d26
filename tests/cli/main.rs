//! Integration tests: run the built `newsdex` binary on a copy of `tests/fixtures/news` and
//! check stdout, stderr and the exit code separately.
//!
//! Expected numbers come from `newsdex extract` over the same corpus (the index must agree
//! with extraction exactly), so these tests hold whatever the extractors find; facts a reader
//! can check in the text (a country named, a speaker) are asserted as such.

mod bad_input;
mod concurrency;
mod crash;
mod directory;
mod extras;
mod index;
mod index_format;
mod quotes;
mod robustness;
mod sample;
mod search;
mod serve;
mod show;
mod util;
