//! newsdex turns a folder of news articles into a searchable index of who said what,
//! about which countries, at what tariff rate.
//!
//! The crate is one pipeline, one module a stage (see `ARCHITECTURE.md`):
//! [`corpus`] walks and reads files into [`corpus::Article`]s, [`enrich`] extracts quotes,
//! speakers, countries and tariff rates into [`enrich::Enriched`], [`index`] writes both into a
//! tantivy index, [`search`] turns a request into hits and facets, and [`present`] prints them;
//! [`serve`] shows the same searches as web pages and a JSON API.
//! [`cli`] declares the command line and [`cmd`] glues the stages together per subcommand.

pub mod cli;
pub mod cmd;
pub mod corpus;
pub mod enrich;
pub mod index;
pub mod present;
pub mod search;
pub mod serve;
