//! `newsdex search [QUERY]`: articles by query and filters, with facets.

use super::{Outcome, Output, output, print, print_json, print_notes, print_undated};
use crate::cli::SearchArgs;
use crate::present::search::{HitsJson, write_text};
use crate::present::{Style, table};
use crate::search::request::SearchParams;
use crate::search::{Engine, SearchError, SearchRequest};

pub fn run(args: &SearchArgs) -> anyhow::Result<Outcome> {
    let request = request(args)?;
    let engine = Engine::open(&args.index.dir)?;
    let hits = engine.search(&request)?;
    print_notes(&hits.notes);
    let format = output(&args.output);
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
    SearchParams::from(args).request()
}
