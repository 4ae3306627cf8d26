//! `newsdex quotes [TEXT]`: quotes ranked as quotes, by speaker, country, date and kind.

use super::{Outcome, Output, joined, output, print, print_json, print_notes, print_undated};
use crate::cli::{QuoteSortBy, QuotesArgs};
use crate::enrich::QuoteKind;
use crate::present::quotes::{QuoteHitsJson, write_text};
use crate::present::{Style, table};
use crate::search::{
    DateRange, Engine, Filters, QuoteRequest, RateRange, SearchError, SortOrder, parse_country,
};

pub fn run(args: &QuotesArgs) -> anyhow::Result<Outcome> {
    let request = request(args)?;
    let engine = Engine::open(&args.index.dir)?;
    let hits = engine.quotes(&request)?;
    print_notes(&hits.notes);
    let format = output(args.json, args.format);
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
    let countries = |flag, list: &[String]| {
        list.iter()
            .map(|c| parse_country(flag, c))
            .collect::<Result<Vec<_>, _>>()
    };
    let filters = Filters {
        speakers: args.speaker.clone(),
        countries: countries("--country", &args.country)?,
        imposers: countries("--imposer", &args.imposer)?,
        targets: countries("--target", &args.target)?,
        rates: RateRange::parse(args.tariff_min.as_deref(), args.tariff_max.as_deref())?,
        dates: DateRange::parse(args.since.as_deref(), args.until.as_deref())?,
        kind: args.kind.map(QuoteKind::from),
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
