//! The JSON API: the same shapes as the command line's `--json`, one route per command.

use serde::Serialize;

use super::WebError;
use super::params::{self, Pairs};
use crate::present::facets::FacetsJson;
use crate::present::quotes::QuoteHitsJson;
use crate::present::search::HitsJson;
use crate::present::show::ShowJson;
use crate::present::speakers::SpeakersJson;
use crate::search::Engine;

fn to_json<T: Serialize>(value: &T) -> Result<String, WebError> {
    serde_json::to_string(value).map_err(|e| WebError::Internal(e.to_string()))
}

/// `/api/search`: as `newsdex search --json`.
pub fn search(engine: &Engine, raw: Option<&str>) -> Result<String, WebError> {
    let pairs = Pairs::parse(raw, params::SEARCH_KEYS)?;
    let request = params::search(&pairs, &["country", "speaker"])?.request()?;
    to_json(&HitsJson::new(&engine.search(&request)?))
}

/// `/api/quotes`: as `newsdex quotes --json`.
pub fn quotes(engine: &Engine, raw: Option<&str>) -> Result<String, WebError> {
    let pairs = Pairs::parse(raw, params::QUOTE_KEYS)?;
    let request = params::quotes(&pairs)?.request()?;
    to_json(&QuoteHitsJson::new(&engine.quotes(&request)?))
}

/// `/api/speakers`: as `newsdex speakers --json`.
pub fn speakers(engine: &Engine, raw: Option<&str>) -> Result<String, WebError> {
    let pairs = Pairs::parse(raw, params::SPEAKERS_KEYS)?;
    let request = params::speakers(&pairs)?.request()?;
    to_json(&SpeakersJson::new(&engine.speakers(&request)?))
}

/// `/api/facets?field=country`: as `newsdex facets country --json`.
pub fn facets(engine: &Engine, raw: Option<&str>) -> Result<String, WebError> {
    let pairs = Pairs::parse(raw, params::FACETS_KEYS)?;
    let Some(_) = pairs.one("field")? else {
        return Err(WebError::BadRequest(
            "`field` is required (country, speaker, person, org, source, tariff, year, imposer, \
             target)"
                .to_string(),
        ));
    };
    let request = params::facets(&pairs, "")?.request()?;
    let hits = engine.search(&request)?;
    match FacetsJson::new(&hits) {
        Some(json) => to_json(&json),
        None => Err(WebError::BadRequest("`field` names no facet".to_string())),
    }
}

/// `/api/article?id=ID`: as `newsdex show ID --json`.
pub fn article(engine: &Engine, raw: Option<&str>) -> Result<String, WebError> {
    let pairs = Pairs::parse(raw, &["id"])?;
    let Some(id) = pairs.one("id")? else {
        return Err(WebError::BadRequest("`id` is required".to_string()));
    };
    match engine.article(&id)? {
        Some(stored) => to_json(&ShowJson::new(&stored)),
        None => Err(WebError::NotFound(format!("no article with id {id}"))),
    }
}
