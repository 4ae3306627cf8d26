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
            person: args.person.clone(),
            org: args.org.clone(),
            source: args.source.clone(),
            tariff_min: args.tariff_min.clone(),
            tariff_max: args.tariff_max.clone(),
            imposer: args.imposer.clone(),
            target: args.target.clone(),
            since: args.since.clone(),
            until: args.until.clone(),
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
            speaker: args.speaker.clone(),
            country: args.country.clone(),
            tariff_min: args.tariff_min.clone(),
            tariff_max: args.tariff_max.clone(),
            imposer: args.imposer.clone(),
            target: args.target.clone(),
            since: args.since.clone(),
            until: args.until.clone(),
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
