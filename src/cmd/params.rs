//! The one place the command line's argument structs become the front-end-neutral requests of
//! `search::request`; the web server builds the same requests from query strings.

use crate::cli::{
    self, FacetsArgs, QuoteSortBy, QuotesArgs, SearchArgs, SortBy, SpeakerKindArg, SpeakersArgs,
};
use crate::enrich::QuoteKind;
use crate::search::request::{
    FacetParams, FilterParams, QuoteParams, SearchParams, SpeakerParams, joined,
};
use crate::search::{NameKind, SortOrder};

impl From<&cli::Filters> for FilterParams {
    fn from(args: &cli::Filters) -> FilterParams {
        FilterParams {
            country: args.country.clone(),
            speaker: args.speaker.clone(),
            tariff_min: args.tariff_min.clone(),
            tariff_max: args.tariff_max.clone(),
            imposer: args.imposer.clone(),
            target: args.target.clone(),
            since: args.since.clone(),
            until: args.until.clone(),
            ..FilterParams::default()
        }
    }
}

impl From<&cli::ArticleFilters> for FilterParams {
    fn from(args: &cli::ArticleFilters) -> FilterParams {
        FilterParams {
            person: args.person.clone(),
            org: args.org.clone(),
            source: args.source.clone(),
            ..FilterParams::from(&args.shared)
        }
    }
}

impl From<SortBy> for SortOrder {
    fn from(sort: SortBy) -> SortOrder {
        match sort {
            SortBy::Relevance => SortOrder::Relevance,
            SortBy::Date => SortOrder::Date,
            SortBy::Tariff => SortOrder::Tariff,
        }
    }
}

impl From<QuoteSortBy> for SortOrder {
    fn from(sort: QuoteSortBy) -> SortOrder {
        match sort {
            QuoteSortBy::Relevance => SortOrder::Relevance,
            QuoteSortBy::Date => SortOrder::Date,
        }
    }
}

impl From<&SearchArgs> for SearchParams {
    fn from(args: &SearchArgs) -> SearchParams {
        SearchParams {
            query: joined(&args.query),
            filters: FilterParams::from(&args.filters),
            sort: args.sort.into(),
            limit: args.limit,
            offset: args.offset,
            facets: args.facets.clone(),
            facet_top: args.facet_top,
        }
    }
}

impl From<&FacetsArgs> for FacetParams {
    fn from(args: &FacetsArgs) -> FacetParams {
        FacetParams {
            field: args.field.clone(),
            query: joined(&args.query),
            filters: FilterParams::from(&args.filters),
            top: args.top,
        }
    }
}

impl From<&QuotesArgs> for QuoteParams {
    fn from(args: &QuotesArgs) -> QuoteParams {
        QuoteParams {
            text: joined(&args.text),
            filters: FilterParams::from(&args.filters),
            kind: args.kind.map(QuoteKind::from),
            named: args.named,
            sort: args.sort.into(),
            limit: args.limit,
            offset: args.offset,
            facet_top: args.facet_top,
        }
    }
}

impl From<&SpeakersArgs> for SpeakerParams {
    fn from(args: &SpeakersArgs) -> SpeakerParams {
        SpeakerParams {
            name: joined(&args.query),
            country: args.country.clone(),
            kind: match (args.named, args.kind) {
                (true, _) | (_, Some(SpeakerKindArg::Person)) => Some(NameKind::Person),
                (_, Some(SpeakerKindArg::Group)) => Some(NameKind::Group),
                (_, Some(SpeakerKindArg::Org)) => Some(NameKind::Org),
                (false, None) => None,
            },
            top: args.top,
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;
    use crate::cli::{Cli, Command};

    fn parse(args: &[&str]) -> Command {
        Cli::try_parse_from(std::iter::once("newsdex").chain(args.iter().copied()))
            .unwrap()
            .command
    }

    #[test]
    fn the_shared_filter_flags_reach_quotes_and_searches_alike() {
        let flags = [
            "--country",
            "JP",
            "--speaker",
            "Lee",
            "--tariff-min",
            "5",
            "--tariff-max",
            "25",
            "--imposer",
            "US",
            "--target",
            "CN",
            "--since",
            "2018",
            "--until",
            "2019",
        ];
        let shared = FilterParams {
            country: vec!["JP".into()],
            speaker: vec!["Lee".into()],
            tariff_min: Some("5".into()),
            tariff_max: Some("25".into()),
            imposer: vec!["US".into()],
            target: vec!["CN".into()],
            since: Some("2018".into()),
            until: Some("2019".into()),
            ..FilterParams::default()
        };
        let Command::Quotes(quotes) = parse(&[&["quotes", "steel"], &flags[..]].concat()) else {
            panic!("not quotes");
        };
        assert_eq!(QuoteParams::from(&quotes).filters, shared);
        let search = [&["search", "--person", "Kim", "--org", "WTO"], &flags[..]].concat();
        let Command::Search(search) = parse(&search) else {
            panic!("not search");
        };
        let params = SearchParams::from(&search);
        assert_eq!(
            params.filters,
            FilterParams {
                person: vec!["Kim".into()],
                org: vec!["WTO".into()],
                ..shared
            }
        );
        // Quotes carry no people, organisations or sources, and take no such flags.
        assert!(Cli::try_parse_from(["newsdex", "quotes", "--person", "Kim"]).is_err());
    }
}
