//! `newsdex facets FIELD [QUERY]`: counts of one field's values over the index or a query.

use super::{Outcome, Output, output, print, print_json, print_notes};
use crate::cli::FacetsArgs;
use crate::present::facets::{FacetsJson, write_table};
use crate::present::table;
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
    let format = output(&args.output);
    if facet.values.is_empty() && matches!(format, Output::Text) {
        // An empty table would look like a failure; say what was counted.
        eprintln!(
            "newsdex: no values of {} in {} {}",
            facet.kind.name(),
            hits.total,
            if hits.total == 1 {
                "article"
            } else {
                "articles"
            }
        );
    }
    if let Output::Rows(separator) = format {
        print(|out| table::write_facet(out, facet, separator))?;
    } else if let Output::Json = format {
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
