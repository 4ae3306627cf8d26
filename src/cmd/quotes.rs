//! `newsdex quotes [TEXT]`: quotes ranked as quotes, by speaker, country, date and kind.

use super::{Outcome, Output, output, print, print_json, print_notes, print_undated};
use crate::cli::QuotesArgs;
use crate::present::quotes::{QuoteHitsJson, write_text};
use crate::present::{Style, table};
use crate::search::request::QuoteParams;
use crate::search::{Engine, QuoteRequest, SearchError};

pub fn run(args: &QuotesArgs) -> anyhow::Result<Outcome> {
    let request = request(args)?;
    let engine = Engine::open(&args.index.dir)?;
    let hits = engine.quotes(&request)?;
    print_notes(&hits.notes);
    let format = output(&args.output);
    if !matches!(format, Output::Json) {
        print_undated(hits.undated, "quote");
    }
    match format {
        Output::Json => print_json(&QuoteHitsJson::new(&hits))?,
        Output::Rows(separator) => print(|out| table::write_quotes(out, &hits, separator))?,
        Output::Text => {
            let style = Style::detect();
            print(|out| write_text(out, &hits, args.offset, style))?;
        }
    }
    Ok(Outcome::found_if(hits.total > 0))
}

pub(super) fn request(args: &QuotesArgs) -> Result<QuoteRequest, SearchError> {
    QuoteParams::from(args).request()
}
