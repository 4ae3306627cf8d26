//! `newsdex quotes [TEXT]`: quotes ranked as quotes, by speaker, country, date and kind.

use super::{Outcome, joined, print, print_json, print_notes};
use crate::cli::{QuoteSortBy, QuotesArgs};
use crate::enrich::QuoteKind;
use crate::present::Style;
use crate::present::quotes::{QuoteHitsJson, write_text};
use crate::search::{
    DateRange, Engine, Filters, QuoteRequest, SearchError, SortOrder, parse_country,
};

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
    let filters = Filters {
        speakers: args.speaker.clone(),
        countries: args
            .country
            .iter()
            .map(|c| parse_country("--country", c))
            .collect::<Result<_, _>>()?,
        dates: DateRange::parse(args.since.as_deref(), args.until.as_deref())?,
        kind: args.kind.map(QuoteKind::from),
        named_speakers: args.named,
        ..Filters::default()
    };
    Ok(QuoteRequest {
        text: joined(&args.text),
        filters,
        sort: match args.sort {
            QuoteSortBy::Relevance => SortOrder::Relevance,
            QuoteSortBy::Date => SortOrder::Date,
        },
        limit: args.limit,
        offset: args.offset,
        facet_top: args.facet_top,
    })
}
