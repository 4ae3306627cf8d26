//! `newsdex search [QUERY]`: articles by query and filters, with facets.

use super::{Outcome, print, print_json, print_notes};
use crate::cli::SearchArgs;
use crate::present::Style;
use crate::present::search::{HitsJson, write_text};
use crate::search::request::SearchParams;
use crate::search::{Engine, SearchError, SearchRequest};

pub fn run(args: &SearchArgs) -> anyhow::Result<Outcome> {
    let request = request(args)?;
    let engine = Engine::open(&args.index.dir)?;
    let hits = engine.search(&request)?;
    print_notes(&hits.notes);
    if args.json {
        print_json(&HitsJson::new(&hits))?;
    } else {
        let style = Style::detect();
        print(|out| write_text(out, &hits, args.offset, style))?;
    }
    Ok(Outcome::found_if(hits.total > 0))
}

pub(super) fn request(args: &SearchArgs) -> Result<SearchRequest, SearchError> {
    SearchParams::from(args).request()
}
