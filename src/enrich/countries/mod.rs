//! Country mentions: names, short forms, adjectives, capitals, seats of government, historical
//! names and currencies, matched against the gazetteer in `data/` and disambiguated.

mod code;

pub use code::CountryCode;

use super::CountryMention;
use crate::corpus::Article;

/// Every country the article mentions (title, dateline and body), with mention counts.
pub fn extract(_article: &Article) -> Vec<CountryMention> {
    Vec::new()
}

/// The country a user or a speaker phrase names: a code (`IN`), a name (`India`) or an
/// adjective (`Indian`), without regard to case.
pub fn lookup(name: &str) -> Option<CountryCode> {
    CountryCode::parse(name).ok()
}

/// The English short name of a code, or "" for a code not in the gazetteer.
pub fn name_of(_code: CountryCode) -> &'static str {
    ""
}
