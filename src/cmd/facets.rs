//! `newsdex facets FIELD [QUERY]`: counts of one field's values over the index or a query.

use serde::Serialize;

use super::{Outcome, Output, filters, joined, output, print, print_json, print_notes};
use crate::cli::FacetsArgs;
use crate::present::facets::{FacetValueJson, write_table};
use crate::present::table;
use crate::search::facets::{ARTICLE_FACETS, parse_kinds};
use crate::search::{Engine, SearchError, SearchRequest, SortOrder};

/// `facets --json`: `{"field", "query", "total", "distinct", "values": [{"value", "count"}]}`,
/// where `total` counts the articles matched and `distinct` the values they have.
#[derive(Debug, Serialize)]
struct FacetsJson<'a> {
    field: &'static str,
    query: Option<&'a str>,
    total: usize,
    distinct: usize,
    values: Vec<FacetValueJson<'a>>,
}

pub fn run(args: &FacetsArgs) -> anyhow::Result<Outcome> {
    let request = request(args)?;
    let engine = Engine::open(&args.index.dir)?;
    let hits = engine.search(&request)?;
    print_notes(&hits.notes);
    let Some(facet) = hits.facets.first() else {
        return Ok(Outcome::NotFound);
    };
    let format = output(args.json, args.format);
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
        print_json(&FacetsJson {
            field: facet.kind.name(),
            query: hits.query.as_deref(),
            total: hits.total,
            distinct: facet.distinct,
            values: facet
                .values
                .iter()
                .map(|v| FacetValueJson {
                    value: &v.value,
                    count: v.count,
                })
                .collect(),
        })?;
    } else {
        print(|out| write_table(out, facet))?;
    }
    Ok(Outcome::found_if(!facet.values.is_empty()))
}

pub(super) fn request(args: &FacetsArgs) -> Result<SearchRequest, SearchError> {
    Ok(SearchRequest {
        query: joined(&args.query),
        filters: filters(&args.filters)?,
        sort: SortOrder::Relevance,
        limit: 0,
        offset: 0,
        facets: parse_kinds(std::slice::from_ref(&args.field), ARTICLE_FACETS)?,
        facet_top: args.top,
    })
}
