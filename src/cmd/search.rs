//! `newsdex search [QUERY]`: articles by query and filters, with facets.

use super::{
    Outcome, Output, filters, joined, output, print, print_json, print_notes, print_undated,
    sort_order,
};
use crate::cli::SearchArgs;
use crate::present::search::{HitsJson, write_text};
use crate::present::{Style, table};
use crate::search::facets::{ARTICLE_FACETS, parse_kinds};
use crate::search::{Engine, SearchError, SearchRequest};

pub fn run(args: &SearchArgs) -> anyhow::Result<Outcome> {
    let request = request(args)?;
    let engine = Engine::open(&args.index.dir)?;
    let hits = engine.search(&request)?;
    print_notes(&hits.notes);
    let format = output(args.json, args.format);
    if !matches!(format, Output::Json) {
        print_undated(hits.undated, "article");
    }
    match format {
        Output::Json => print_json(&HitsJson::new(&hits))?,
        Output::Rows(separator) => print(|out| table::write_hits(out, &hits, separator))?,
        Output::Text => {
            let style = Style::detect();
            print(|out| write_text(out, &hits, args.offset, style))?;
        }
    }
    Ok(Outcome::found_if(hits.total > 0))
}

pub(super) fn request(args: &SearchArgs) -> Result<SearchRequest, SearchError> {
    Ok(SearchRequest {
        query: joined(&args.query),
        filters: filters(&args.filters)?,
        sort: sort_order(args.sort),
        limit: args.limit,
        offset: args.offset,
        facets: parse_kinds(&args.facets, ARTICLE_FACETS)?,
        facet_top: args.facet_top,
    })
}
