//! `newsdex facets FIELD [QUERY]`: counts of one field's values over the index or a query.

use super::{Outcome, print, print_json, print_notes};
use crate::cli::FacetsArgs;
use crate::present::facets::{FacetsJson, write_table};
use crate::search::request::FacetParams;
use crate::search::{Engine, SearchError, SearchRequest};

pub fn run(args: &FacetsArgs) -> anyhow::Result<Outcome> {
    let request = request(args)?;
    let engine = Engine::open(&args.index.dir)?;
    let hits = engine.search(&request)?;
    print_notes(&hits.notes);
    let Some(facet) = hits.facets.first() else {
        return Ok(Outcome::NotFound);
    };
    if args.json {
        if let Some(json) = FacetsJson::new(&hits) {
            print_json(&json)?;
        }
    } else {
        print(|out| write_table(out, facet))?;
    }
    Ok(Outcome::found_if(!facet.values.is_empty()))
}

pub(super) fn request(args: &FacetsArgs) -> Result<SearchRequest, SearchError> {
    FacetParams::from(args).request()
}
