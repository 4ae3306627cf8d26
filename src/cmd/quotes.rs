//! `newsdex quotes [TEXT]`: quotes ranked as quotes, by speaker, country, date and kind.

use super::{Outcome, print, print_json, print_notes};
use crate::cli::QuotesArgs;
use crate::present::Style;
use crate::present::quotes::{QuoteHitsJson, write_text};
use crate::search::request::QuoteParams;
use crate::search::{Engine, QuoteRequest, SearchError};

pub fn run(args: &QuotesArgs) -> anyhow::Result<Outcome> {
    let request = request(args)?;
    let engine = Engine::open(&args.index.dir)?;
    let hits = engine.quotes(&request)?;
    print_notes(&hits.notes);
    if args.json {
        print_json(&QuoteHitsJson::new(&hits))?;
    } else {
        let style = Style::detect();
        print(|out| write_text(out, &hits, style))?;
    }
    Ok(Outcome::found_if(hits.total > 0))
}

pub(super) fn request(args: &QuotesArgs) -> Result<QuoteRequest, SearchError> {
    QuoteParams::from(args).request()
}
