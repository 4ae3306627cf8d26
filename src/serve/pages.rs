//! The HTML pages, built with `maud` (compiled in; every interpolated string is escaped).
//!
//! Each page reads its whole state from the query string, so every view can be bookmarked:
//! `/` articles, `/quotes`, `/article?id=`, `/speaker?name=`, `/speakers`, `/facets`.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::params::{self, FILTER_KEYS, Pairs};
use super::{WebError, chart};
use crate::enrich::{CountryCode, Quote, Within};
use crate::index::record::kind_name;
use crate::index::schema::{ARTICLE_FACETS, FacetKind};
use crate::present::facets::label;
use crate::present::{country_label, date_label, rate_label};
use crate::search::request::{FilterParams, QuoteParams, SearchParams, SpeakerParams};
use crate::search::{Engine, FacetCounts, Hit, QuoteHit, QuoteHits, Snippet, SortOrder, Speaker};

const CSS: &str = include_str!("style.css");

/// Which section of the site a page belongs to, for the navigation bar.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Articles,
    Quotes,
    Speakers,
    Facets,
    None,
}

fn layout(title: &str, section: Section, content: Markup) -> Markup {
    let tab = |target: Section, href: &str, name: &str| {
        html! { a href=(href) class=[(section == target).then_some("active")] { (name) } }
    };
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · newsdex" }
                link rel="icon" href="data:,";
                style { (PreEscaped(CSS)) }
            }
            body {
                header {
                    a.brand href="/" { "newsdex" }
                    nav {
                        (tab(Section::Articles, "/", "Articles"))
                        (tab(Section::Quotes, "/quotes", "Quotes"))
                        (tab(Section::Speakers, "/speakers", "Speakers"))
                        (tab(Section::Facets, "/facets", "Facets"))
                    }
                }
                main { (content) }
            }
        }
    }
}

/// The page shown for a refused or failed request.
pub(super) fn error(err: &WebError) -> Markup {
    let status = err.status();
    let heading = status.canonical_reason().unwrap_or("Error");
    layout(
        heading,
        Section::None,
        html! {
            h1 { (status.as_u16()) " " (heading) }
            p.error { (err.message()) }
            p { a href="/" { "Back to the search" } }
        },
    )
}

/// A link to `path` with these parameters.
fn url<'a>(path: &str, pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        query.append_pair(k, v);
    }
    let query = query.finish();
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{query}")
    }
}

fn owned_url(path: &str, pairs: &[(String, String)]) -> String {
    url(path, pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

fn article_url(id: &str) -> String {
    url("/article", [("id", id)])
}

fn speaker_url(name: &str) -> String {
    url("/speaker", [("name", name)])
}

/// The filters a click on a facet value sets: keys that take one value are replaced, keys
/// that take several get one more. A kind is selected by the filter of its own name, if there
/// is one; years and rate bands by their bounds. `None` for values no filter can select.
fn facet_filter(kind: FacetKind, value: &str) -> Option<Vec<(&'static str, String)>> {
    match kind {
        FacetKind::Year => Some(vec![("since", value.into()), ("until", value.into())]),
        FacetKind::Tariff => {
            let (low, high) = value
                .split_once('-')
                .unwrap_or((value.trim_end_matches('+'), ""));
            let mut set = vec![("tariff_min", low.to_string())];
            if !high.is_empty() {
                set.push(("tariff_max", high.to_string()));
            }
            Some(set)
        }
        _ => FILTER_KEYS
            .iter()
            .chain(&["kind"])
            .find(|key| **key == kind.name())
            .map(|&key| vec![(key, value.to_string())]),
    }
}

/// Keys a page holds one value of.
const SINGLE_KEYS: &[&str] = &["since", "until", "tariff_min", "tariff_max", "kind", "sort"];

/// The current parameters with a facet value's filter added, back on the first page.
fn with_filter(
    pairs: &Pairs,
    keep: &[&str],
    set: &[(&'static str, String)],
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = pairs
        .only(keep)
        .into_iter()
        .filter(|(k, _)| !(SINGLE_KEYS.contains(&k.as_str()) && set.iter().any(|(s, _)| s == k)))
        .collect();
    for (k, v) in set {
        if !out.iter().any(|(ok, ov)| ok == k && ov == v) {
            out.push((k.to_string(), v.clone()));
        }
    }
    out
}

/// The current parameters without one of them, back on the first page.
fn without(pairs: &Pairs, keep: &[&str], drop: &(String, String)) -> Vec<(String, String)> {
    pairs.only(keep).into_iter().filter(|p| p != drop).collect()
}

fn snippet(s: &Snippet) -> Markup {
    let mut parts: Vec<(&str, bool)> = Vec::new();
    let mut at = 0;
    for range in &s.highlights {
        if range.start < at {
            continue;
        }
        if let (Some(before), Some(word)) = (s.text.get(at..range.start), s.text.get(range.clone()))
        {
            parts.push((before, false));
            parts.push((word, true));
            at = range.end;
        }
    }
    parts.push((s.text.get(at..).unwrap_or_default(), false));
    html! {
        @for (text, hit) in parts {
            @if hit { mark { (text) } } @else { (text) }
        }
    }
}

/// The facet sidebar: each kind's top values with counts, each a link that adds its filter.
fn sidebar(path: &str, pairs: &Pairs, keep: &[&str], facets: &[FacetCounts]) -> Markup {
    let active: Vec<(String, String)> = pairs.only(FILTER_KEYS);
    let active_kind = pairs.only(&["kind"]);
    html! {
        aside.facets {
            @if !active.is_empty() || !active_kind.is_empty() {
                section.active {
                    h2 { "Filters" }
                    ul {
                        @for pair in active.iter().chain(&active_kind) {
                            li {
                                a.chip href=(owned_url(path, &without(pairs, keep, pair)))
                                    title="Remove this filter" {
                                    (pair.0.replace('_', " ")) ": " (pair.1) " ×"
                                }
                            }
                        }
                    }
                }
            }
            @for facet in facets.iter().filter(|f| !f.values.is_empty()) {
                section data-facet=(facet.kind.name()) {
                    h2 { (facet.kind.name().replace('_', " ")) }
                    ul {
                        @for v in &facet.values {
                            li {
                                @match facet_filter(facet.kind, &v.value) {
                                    Some(set) => {
                                        a href=(owned_url(path, &with_filter(pairs, keep, &set))) {
                                            (label(facet.kind, &v.value))
                                        }
                                    }
                                    None => { span { (label(facet.kind, &v.value)) } }
                                }
                                " " span.count { (v.count) }
                            }
                        }
                        @if facet.distinct > facet.values.len() {
                            li.more { "… " (facet.distinct - facet.values.len()) " more" }
                        }
                    }
                }
            }
        }
    }
}

/// The parameters the search forms show as fields of their own.
const FORM_FIELDS: &[&str] = &["q", "since", "until", "sort"];

/// Hidden fields that carry the parameters among `keys` that the form does not show
/// (`shown`), such as the sidebar's filters, through a new query.
fn hidden_filters(pairs: &Pairs, keys: &[&str], shown: &[&str]) -> Markup {
    html! {
        @for (k, v) in pairs.only(keys).into_iter().filter(|(k, _)| !shown.contains(&k.as_str())) {
            input type="hidden" name=(k) value=(v);
        }
    }
}

fn sort_select(current: SortOrder, tariff: bool) -> Markup {
    let option = |value: &str, name: &str, on: bool| {
        html! { option value=(value) selected[on] { (name) } }
    };
    html! {
        label { "Sort "
            select name="sort" {
                (option("relevance", "by relevance", current == SortOrder::Relevance))
                (option("date", "newest first", current == SortOrder::Date))
                @if tariff { (option("tariff", "highest tariff", current == SortOrder::Tariff)) }
            }
        }
    }
}

/// Where a page of results sits in the whole.
struct Window {
    offset: usize,
    limit: usize,
    shown: usize,
    total: usize,
}

/// Previous and next links, and where this page is in the whole.
fn pager(path: &str, pairs: &Pairs, keep: &[&str], window: Window, noun: &str) -> Markup {
    let Window {
        offset,
        limit,
        shown,
        total,
    } = window;
    let page_at = |at: usize| {
        let mut p: Vec<(String, String)> = pairs
            .only(keep)
            .into_iter()
            .filter(|(k, _)| k != "offset")
            .collect();
        if at > 0 {
            p.push(("offset".into(), at.to_string()));
        }
        owned_url(path, &p)
    };
    let next = offset + limit;
    html! {
        nav.pager {
            @if offset > 0 {
                a rel="prev" href=(page_at(offset.saturating_sub(limit))) { "← Previous" }
            }
            span.total {
                @if shown > 0 { (offset + 1) "–" (offset + shown) " of " }
                (total) " " (noun) @if total != 1 { "s" }
            }
            @if next < total && next <= params::MAX_OFFSET {
                a rel="next" href=(page_at(next)) { "Next →" }
            }
        }
    }
}

fn hit_card(hit: &Hit) -> Markup {
    html! {
        article.hit {
            h3 { a href=(article_url(&hit.id)) { (hit.title) } }
            p.meta { (date_label(hit.date)) " · " (hit.id) }
            p.snippet { (snippet(&hit.snippet)) }
            p.facts {
                @for c in &hit.countries {
                    span.tag.country title=(country_label(*c)) { (c.as_str()) }
                }
                @for r in &hit.tariff_rates { span.tag.rate { (rate_label(*r)) } }
                @for s in &hit.speakers { a.tag.speaker href=(speaker_url(s)) { (s) } }
            }
        }
    }
}

/// The article search keys a page link keeps.
const ARTICLE_PAGE_KEYS: &[&str] = params::SEARCH_LINK_KEYS;

/// `/`: article search with the facet sidebar.
pub fn search(engine: &Engine, raw: Option<&str>) -> Result<Markup, WebError> {
    let pairs = Pairs::parse(raw, params::SEARCH_KEYS)?;
    let all_facets: Vec<&str> = ARTICLE_FACETS.iter().map(|k| k.name()).collect();
    let params: SearchParams = params::search(&pairs, &all_facets)?;
    let hits = engine.search(&params.request()?)?;
    let title = params.query.as_deref().unwrap_or("Articles");
    let page = ResultsPage {
        path: "/",
        pairs: &pairs,
        keys: ARTICLE_PAGE_KEYS,
    };
    let form = SearchForm {
        query: params.query.as_deref(),
        placeholder: "steel tariffs, \"trade war\", title:china",
        filters: &params.filters,
        sort: sort_select(params.sort, true),
        button: "Search",
    };
    let cards = html! { @for hit in &hits.hits { (hit_card(hit)) } };
    let window = Window {
        offset: params.offset,
        limit: params.limit,
        shown: hits.hits.len(),
        total: hits.total,
    };
    Ok(layout(
        title,
        Section::Articles,
        html! {
            (page.form(form))
            (page.results(&hits.notes, &hits.facets, cards, window, "article"))
        },
    ))
}

/// The path and query of a page of results, and the keys its links keep.
struct ResultsPage<'a> {
    path: &'a str,
    pairs: &'a Pairs,
    keys: &'a [&'a str],
}

/// What the search box of a results page shows.
struct SearchForm<'a> {
    query: Option<&'a str>,
    placeholder: &'a str,
    filters: &'a FilterParams,
    sort: Markup,
    button: &'a str,
}

impl ResultsPage<'_> {
    /// The search box with the date range and sort order; the other filters in force ride
    /// along as hidden fields.
    fn form(&self, form: SearchForm) -> Markup {
        html! {
            form.search method="get" action=(self.path) {
                input type="search" name="q" value=[form.query]
                    placeholder=(form.placeholder) autofocus;
                label { "From " input type="text" name="since" size="10" placeholder="2018-07"
                    value=[form.filters.since.as_deref()]; }
                label { "to " input type="text" name="until" size="10" placeholder="2019"
                    value=[form.filters.until.as_deref()]; }
                (form.sort)
                (hidden_filters(self.pairs, self.keys, FORM_FIELDS))
                button type="submit" { (form.button) }
            }
        }
    }

    /// The search's notes, then the facet sidebar beside the cards and their pager.
    fn results(
        &self,
        notes: &[String],
        facets: &[FacetCounts],
        cards: Markup,
        window: Window,
        noun: &str,
    ) -> Markup {
        html! {
            @for note in notes { p.note { (note) } }
            div.results {
                (sidebar(self.path, self.pairs, self.keys, facets))
                section.hits {
                    (cards)
                    (pager(self.path, self.pairs, self.keys, window, noun))
                }
            }
        }
    }
}

fn quote_card(hit: &QuoteHit) -> Markup {
    let place = format!(
        "{}#{}",
        article_url(&hit.article_id),
        quote_anchor(hit.within, hit.start)
    );
    html! {
        article.quote {
            blockquote class=(speaker_class(hit.speaker.as_deref())) { (snippet(&hit.text)) }
            p.who {
                @match &hit.speaker {
                    Some(s) => { a.speaker href=(speaker_url(s)) { (s) } }
                    None => { span.unattributed { "unattributed" } }
                }
                @if let Some(role) = &hit.role { ", " span.role { (role) } }
                @if let Some(c) = hit.speaker_country { " · " span.country { (country_label(c)) } }
                " · " span.kind { (kind_name(hit.kind)) }
            }
            p.meta {
                (date_label(hit.date)) " · "
                a href=(place) { (hit.title) }
            }
        }
    }
}

/// The quote search keys a page link keeps: every filter, so that paging or narrowing
/// further never drops one.
const QUOTE_PAGE_KEYS: &[&str] = params::QUOTE_LINK_KEYS;

/// `/quotes`: quote search as cards.
pub fn quotes(engine: &Engine, raw: Option<&str>) -> Result<Markup, WebError> {
    let pairs = Pairs::parse(raw, params::QUOTE_KEYS)?;
    let params: QuoteParams = params::quotes(&pairs)?;
    let hits = engine.quotes(&params.request()?)?;
    let page = ResultsPage {
        path: "/quotes",
        pairs: &pairs,
        keys: QUOTE_PAGE_KEYS,
    };
    let form = SearchForm {
        query: params.text.as_deref(),
        placeholder: "words the speaker used",
        filters: &params.filters,
        sort: sort_select(params.sort, false),
        button: "Search quotes",
    };
    let cards = html! { @for hit in &hits.hits { (quote_card(hit)) } };
    let window = Window {
        offset: params.offset,
        limit: params.limit,
        shown: hits.hits.len(),
        total: hits.total,
    };
    Ok(layout(
        params.text.as_deref().unwrap_or("Quotes"),
        Section::Quotes,
        html! {
            (page.form(form))
            (page.results(&hits.notes, &hits.facets, cards, window, "quote"))
        },
    ))
}

/// A colour class per speaker, the same on every page: a hash of the name into the palette.
fn speaker_class(speaker: Option<&str>) -> String {
    const PALETTE: u32 = 8;
    match speaker {
        None => "s-none".to_string(),
        Some(name) => {
            // FNV-1a: stable across runs and builds, unlike the std hasher.
            let hash = name.bytes().fold(0x811c_9dc5_u32, |h, b| {
                (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
            });
            format!("s{}", hash % PALETTE)
        }
    }
}

/// A piece of an article's body: plain text, or a quote (or one part of a quote split by its
/// attribution) marked by its speaker; `first` is set on the piece where the quote starts.
enum Piece<'a> {
    Text(&'a str),
    Quote {
        text: &'a str,
        quote: &'a Quote,
        first: bool,
    },
}

/// The id of the mark where a quote starting at byte `start` of its text begins on the article
/// page: `q` and the offset in the body, `t` and the offset in the title.
fn quote_anchor(within: Within, start: usize) -> String {
    match within {
        Within::Body => format!("q{start}"),
        Within::Title => format!("t{start}"),
    }
}

/// `text` (the article's body or title, as `within` says) cut at the spans of the quotes in
/// it.
fn pieces_in<'a>(text: &'a str, quotes: &'a [Quote], within: Within) -> Vec<Piece<'a>> {
    let quotes: Vec<&Quote> = quotes.iter().filter(|q| q.within == within).collect();
    pieces(text, &quotes)
}

/// The body cut at the quote spans (each part of a split quote on its own, so the attribution
/// between the parts stays plain text); a span that is out of range, not on a character
/// boundary or overlapping an earlier one is left unmarked.
fn pieces<'a>(body: &'a str, quotes: &[&'a Quote]) -> Vec<Piece<'a>> {
    let mut spans: Vec<(usize, usize, &Quote)> = Vec::new();
    for &q in quotes {
        if q.parts.is_empty() {
            spans.push((q.start, q.end, q));
        } else {
            spans.extend(q.parts.iter().map(|p| (p.start, p.end, q)));
        }
    }
    spans.retain(|&(start, end, _)| start < end && body.get(start..end).is_some());
    spans.sort_by_key(|&(start, end, _)| (start, end));
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end, quote) in spans {
        if start < at {
            continue;
        }
        out.push(Piece::Text(&body[at..start]));
        out.push(Piece::Quote {
            text: &body[start..end],
            quote,
            first: start == quote.start,
        });
        at = end;
    }
    out.push(Piece::Text(&body[at..]));
    out
}

/// `text`, the article's body or title as `within` says, with every quote in it marked by its
/// speaker.
fn marked(text: &str, quotes: &[Quote], within: Within) -> Markup {
    html! {
        @for piece in pieces_in(text, quotes, within) {
            @match piece {
                Piece::Text(t) => { (t) }
                Piece::Quote { text, quote: q, first } => {
                    mark id=[first.then(|| quote_anchor(within, q.start))]
                        class=(format!("{} {}", speaker_class(q.speaker.as_deref()), kind_name(q.kind)))
                        title=(q.speaker.as_deref().unwrap_or("unattributed")) { (text) }
                }
            }
        }
    }
}

/// `/article?id=`: the text with every quote marked, and the extracted facts beside it.
pub fn article(engine: &Engine, raw: Option<&str>) -> Result<Markup, WebError> {
    let pairs = Pairs::parse(raw, &["id"])?;
    let Some(id) = pairs.one("id")? else {
        return Err(WebError::BadRequest("`id` is required".to_string()));
    };
    let Some(stored) = engine.article(&id)? else {
        return Err(WebError::NotFound(format!("no article with id {id}")));
    };
    let a = &stored.article;
    let e = &stored.enriched;
    let title = a.display_title();
    let mut legend: Vec<&str> = Vec::new();
    for q in &e.quotes {
        if let Some(s) = q.speaker.as_deref()
            && !legend.contains(&s)
        {
            legend.push(s);
        }
    }
    Ok(layout(
        &title,
        Section::Articles,
        html! {
            h1.title {
                @if a.title.is_some() && e.quotes.iter().any(|q| q.within == Within::Title) {
                    (marked(&title, &e.quotes, Within::Title))
                } @else {
                    (title)
                }
            }
            p.meta {
                (date_label(e.date))
                @if let Some(s) = &a.source { " · " (s) }
                @if let Some(au) = &a.author { " · " (au) }
                " · " code { (a.path) }
            }
            @if let Some(u) = &a.url { p.meta { "Source: " span.url { (u) } } }
            div.article {
                div.body { (marked(&a.body, &e.quotes, Within::Body)) }
                aside.facts {
                    @if !legend.is_empty() {
                        section { h2 { "Speakers" } ul {
                            @for s in &legend {
                                li { span class=(format!("swatch {}", speaker_class(Some(s)))) {}
                                    a href=(speaker_url(s)) { (s) } }
                            }
                        } }
                    }
                    @if !e.countries.is_empty() {
                        section { h2 { "Countries" } ul {
                            @for c in &e.countries {
                                li { a href=(url("/", [("country", c.code.as_str())])) { (country_label(c.code)) }
                                    " " span.count { "×" (c.mentions) } }
                            }
                        } }
                    }
                    @if !e.tariffs.is_empty() {
                        section { h2 { "Tariffs" } table.tariffs {
                            tr { th { "rate" } th { "by" } th { "on" } th { "product" } }
                            @for t in &e.tariffs {
                                tr {
                                    td { (rate_label(t.rate.0)) }
                                    td { (opt_country(t.imposer)) }
                                    td { (opt_country(t.target)) }
                                    td { (t.product.as_deref().unwrap_or("")) }
                                }
                            }
                        } }
                    }
                    @if !e.people.is_empty() {
                        section { h2 { "People" } ul {
                            @for p in &e.people {
                                li { (p.name) @if let Some(r) = &p.role { ", " span.role { (r) } } }
                            }
                        } }
                    }
                    @if !e.orgs.is_empty() {
                        section { h2 { "Organisations" } ul { @for o in &e.orgs { li { (o) } } } }
                    }
                }
            }
        },
    ))
}

/// `1 quote`, `3 quotes`.
fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn opt_country(code: Option<CountryCode>) -> String {
    code.map(|c| c.as_str().to_string()).unwrap_or_default()
}

/// `/speaker?name=`: one person's quotes over time, roles, countries, who else is quoted
/// beside them, and their quotes, newest first.
pub fn speaker(engine: &Engine, raw: Option<&str>) -> Result<Markup, WebError> {
    let pairs = Pairs::parse(raw, &["name", "offset"])?;
    let Some(name) = pairs.text("name")? else {
        return Err(WebError::BadRequest("`name` is required".to_string()));
    };
    let offset = pairs.number("offset", 0, params::MAX_OFFSET)?;
    let person = speaker_named(engine, &name)?;
    let limit = 20;
    let quotes = engine.quotes(
        &QuoteParams {
            filters: FilterParams {
                speaker: vec![person.name.clone()],
                ..FilterParams::default()
            },
            sort: SortOrder::Date,
            limit,
            offset,
            facet_top: 200,
            ..QuoteParams::default()
        }
        .request()?,
    )?;
    let co_quoted = quoted_beside(engine, &person.name)?;
    let keep = ["name"];
    Ok(layout(
        &person.name,
        Section::Speakers,
        html! {
            h1.title { span class=(format!("swatch {}", speaker_class(Some(&person.name)))) {} (person.name) }
            p.meta {
                (plural(person.quotes, "quote")) " in " (plural(person.articles, "article"))
                @if let (Some(f), Some(l)) = (person.first, person.last) { ", " (f) " to " (l) }
            }
            div.speaker-page {
                section.chart {
                    h2 { "Quotes per year" }
                    (chart::bars(&quotes_per_year(&quotes)))
                }
                (speaker_facts(&person, &quotes, &co_quoted))
            }
            h2 { "Quotes, newest first" }
            section.hits {
                @for hit in &quotes.hits { (quote_card(hit)) }
                (pager("/speaker", &pairs, &keep, Window {
                    offset,
                    limit,
                    shown: quotes.hits.len(),
                    total: quotes.total,
                }, "quote"))
            }
        },
    ))
}

/// The directory's entry for the speaker a name means.
fn speaker_named(engine: &Engine, name: &str) -> Result<Speaker, WebError> {
    let directory = engine.speakers(
        &SpeakerParams {
            name: Some(name.to_string()),
            country: None,
            kind: None,
            top: 1,
        }
        .request()?,
    )?;
    directory
        .speakers
        .into_iter()
        .next()
        .ok_or_else(|| WebError::NotFound(format!("no speaker called {name}")))
}

/// The ten speakers quoted most often in the articles that quote `name`, with how many of
/// those articles quote each.
fn quoted_beside(engine: &Engine, name: &str) -> Result<Vec<(String, u64)>, WebError> {
    let beside = engine.search(
        &SearchParams {
            filters: FilterParams {
                speaker: vec![name.to_string()],
                ..FilterParams::default()
            },
            limit: 0,
            facets: vec!["speaker".into()],
            facet_top: 11,
            ..SearchParams::default()
        }
        .request()?,
    )?;
    Ok(beside
        .facets
        .first()
        .map(|f| {
            f.values
                .iter()
                .filter(|v| v.value != name)
                .take(10)
                .map(|v| (v.value.clone(), v.count))
                .collect()
        })
        .unwrap_or_default())
}

/// A speaker's quotes counted by year, from the quote search's year facet.
fn quotes_per_year(quotes: &QuoteHits) -> Vec<(i32, u64)> {
    quotes
        .facets
        .iter()
        .find(|f| f.kind == FacetKind::Year)
        .map(|f| {
            f.values
                .iter()
                .filter_map(|v| Some((v.value.parse().ok()?, v.count)))
                .collect()
        })
        .unwrap_or_default()
}

/// The side column of a speaker's page: roles, countries and who is quoted beside them.
fn speaker_facts(person: &Speaker, quotes: &QuoteHits, co_quoted: &[(String, u64)]) -> Markup {
    let countries = quotes.facets.iter().find(|f| f.kind == FacetKind::Country);
    html! {
        aside.facts {
            @if !person.roles.is_empty() {
                section { h2 { "Roles" } ul { @for r in &person.roles { li { (r) } } } }
            }
            section { h2 { "Countries" } ul {
                @if let Some(c) = person.country { li { "Speaks for " strong { (country_label(c)) } } }
                @if let Some(f) = countries {
                    @for v in f.values.iter().take(8) {
                        li { a href=(url("/quotes", [("speaker", person.name.as_str()), ("country", v.value.as_str())])) {
                            (label(FacetKind::Country, &v.value)) } " " span.count { (v.count) } }
                    }
                }
            } }
            @if !co_quoted.is_empty() {
                section { h2 { "Quoted beside them" } ul {
                    @for (other, n) in co_quoted {
                        li { a href=(speaker_url(other)) { (other) } " " span.count { (n) } }
                    }
                } }
            }
        }
    }
}

/// `/speakers`: the directory, most quoted first.
pub fn speakers(engine: &Engine, raw: Option<&str>) -> Result<Markup, WebError> {
    let pairs = Pairs::parse(raw, params::SPEAKERS_KEYS)?;
    let params = params::speakers(&pairs)?;
    let list = engine.speakers(&params.request()?)?;
    Ok(layout(
        "Speakers",
        Section::Speakers,
        html! {
            form.search method="get" action="/speakers" {
                input type="search" name="name" value=[params.name.as_deref()] placeholder="a name: Rubio, Secretary Rubio";
                label { "Country " input type="text" name="country" size="12" value=[params.country.as_deref()]; }
                button type="submit" { "Find" }
            }
            @for note in &list.notes { p.note { (note) } }
            table.directory {
                thead { tr { th { "Speaker" } th { "Roles" } th { "Country" } th.n { "Quotes" } th.n { "Articles" } th { "First" } th { "Last" } } }
                tbody {
                    @for s in &list.speakers {
                        tr {
                            td { span class=(format!("swatch {}", speaker_class(Some(&s.name)))) {} a href=(speaker_url(&s.name)) { (s.name) } }
                            td { (s.roles.iter().take(2).cloned().collect::<Vec<_>>().join("; ")) }
                            td { (s.country.map(country_label).unwrap_or_default()) }
                            td.n { (s.quotes) }
                            td.n { (s.articles) }
                            td { (date_label(s.first)) }
                            td { (date_label(s.last)) }
                        }
                    }
                }
            }
            p.total { (list.speakers.len()) " of " (list.total) " speakers" }
        },
    ))
}

/// `/facets?field=`: one field's values over the index or a query, as a table with bars.
pub fn facets(engine: &Engine, raw: Option<&str>) -> Result<Markup, WebError> {
    let pairs = Pairs::parse(raw, params::FACETS_KEYS)?;
    let params = params::facets(&pairs, "country")?;
    let hits = engine.search(&params.request()?)?;
    let Some(facet) = hits.facets.first() else {
        return Err(WebError::BadRequest("`field` names no facet".to_string()));
    };
    let max = facet
        .values
        .iter()
        .map(|v| v.count)
        .max()
        .unwrap_or(1)
        .max(1);
    let keep: Vec<&str> = FILTER_KEYS.iter().copied().chain(["q"]).collect();
    Ok(layout(
        "Facets",
        Section::Facets,
        html! {
            form.search method="get" action="/facets" {
                label { "Field "
                    select name="field" {
                        @for k in ARTICLE_FACETS {
                            option value=(k.name()) selected[*k == facet.kind] { (k.name()) }
                        }
                    }
                }
                input type="search" name="q" value=[params.query.as_deref()] placeholder="over the articles matching…";
                (hidden_filters(&pairs, FILTER_KEYS, &[]))
                button type="submit" { "Count" }
            }
            p.total { (facet.distinct) " values over " (hits.total) " articles" }
            table.facet-table {
                tbody {
                    @for v in &facet.values {
                        tr {
                            td {
                                @match facet_filter(facet.kind, &v.value) {
                                    Some(set) => { a href=(owned_url("/", &with_filter(&pairs, &keep, &set))) { (label(facet.kind, &v.value)) } }
                                    None => { (label(facet.kind, &v.value)) }
                                }
                            }
                            td.n { (v.count) }
                            td.bar { span style=(format!("width:{:.1}%", v.count as f64 * 100.0 / max as f64)) {} }
                        }
                    }
                }
            }
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::QuoteKind;

    fn quote(start: usize, end: usize, speaker: &str) -> Quote {
        Quote {
            text: String::new(),
            speaker: Some(speaker.to_string()),
            role: None,
            speaker_country: None,
            kind: QuoteKind::Direct,
            start,
            end,
            parts: Vec::new(),
            cue: None,
            negated: false,
            speaker_start: None,
            speaker_end: None,
            within: Within::Body,
        }
    }

    #[test]
    fn quote_spans_cut_the_body_and_bad_spans_stay_text() {
        let body = "He said “no deal” and “more talks”. Café";
        let a = body.find("no deal").unwrap();
        let b = body.find("more talks").unwrap();
        let quotes = [
            quote(b, b + 10, "Li"),
            quote(a, a + 7, "Ng"),
            quote(a + 1, a + 4, "overlaps"),
            quote(body.len() - 1, body.len(), "inside é"),
            quote(5, 500, "past the end"),
        ];
        let cut: Vec<String> = pieces_in(body, &quotes, Within::Body)
            .iter()
            .map(|p| match p {
                Piece::Text(t) => t.to_string(),
                Piece::Quote { text, quote, .. } => {
                    format!("[{}:{text}]", quote.speaker.as_deref().unwrap_or(""))
                }
            })
            .collect();
        assert_eq!(
            cut.concat(),
            "He said “[Ng:no deal]” and “[Li:more talks]”. Café"
        );
    }

    #[test]
    fn a_title_quote_is_marked_in_the_title_alone() {
        let title = "Lee: port to reopen soon";
        let body = "Lee told reporters the port would reopen soon.";
        let mut headline = quote(5, title.len(), "Lee");
        headline.within = Within::Title;
        let said = quote(body.find("the port").unwrap(), body.len() - 1, "Lee");
        let quotes = [headline, said];
        let cut = |text: &str, within: Within| -> String {
            pieces_in(text, &quotes, within)
                .iter()
                .map(|p| match p {
                    Piece::Text(t) => t.to_string(),
                    Piece::Quote { text, .. } => format!("[{text}]"),
                })
                .collect()
        };
        assert_eq!(cut(title, Within::Title), "Lee: [port to reopen soon]");
        assert_eq!(
            cut(body, Within::Body),
            "Lee told reporters [the port would reopen soon]."
        );
        assert_eq!(quote_anchor(Within::Title, 5), "t5");
        assert_eq!(quote_anchor(Within::Body, 19), "q19");
    }

    #[test]
    fn a_split_quote_is_marked_part_by_part() {
        let body = "“We are ready,” Lee said. “The rest is up to them.”";
        let a = body.find("We are").unwrap();
        let b = body.find("The rest").unwrap();
        let mut q = quote(a, b + 24, "Lee");
        q.parts = vec![
            crate::enrich::QuotePart {
                text: "We are ready,".into(),
                start: a,
                end: a + 13,
            },
            crate::enrich::QuotePart {
                text: "The rest is up to them.".into(),
                start: b,
                end: b + 23,
            },
        ];
        let cut: Vec<String> = pieces_in(body, std::slice::from_ref(&q), Within::Body)
            .iter()
            .map(|p| match p {
                Piece::Text(t) => t.to_string(),
                Piece::Quote { text, first, .. } => format!("[{first}:{text}]"),
            })
            .collect();
        assert_eq!(
            cut.concat(),
            "“[true:We are ready,]” Lee said. “[false:The rest is up to them.]”"
        );
    }

    #[test]
    fn speaker_colours_are_stable() {
        assert_eq!(
            speaker_class(Some("Marco Rubio")),
            speaker_class(Some("Marco Rubio"))
        );
        assert_eq!(speaker_class(None), "s-none");
    }

    #[test]
    fn quote_page_links_keep_the_tariff_and_named_filters() {
        let pairs = Pairs::parse(
            Some("q=steel&tariff_min=25&imposer=US&named=1&offset=10"),
            params::QUOTE_KEYS,
        )
        .unwrap();
        let set = facet_filter(FacetKind::Kind, "direct").unwrap();
        assert_eq!(
            owned_url("/quotes", &with_filter(&pairs, QUOTE_PAGE_KEYS, &set)),
            "/quotes?q=steel&tariff_min=25&imposer=US&named=1&kind=direct"
        );
    }

    #[test]
    fn facet_clicks_set_filters() {
        assert_eq!(
            facet_filter(FacetKind::Tariff, "10-25"),
            Some(vec![
                ("tariff_min", "10".into()),
                ("tariff_max", "25".into())
            ])
        );
        assert_eq!(
            facet_filter(FacetKind::Tariff, "100+"),
            Some(vec![("tariff_min", "100".into())])
        );
        assert_eq!(facet_filter(FacetKind::SpeakerCountry, "US"), None);
        // The other kinds are selected by the filter of their own name.
        assert_eq!(
            facet_filter(FacetKind::Imposer, "CN"),
            Some(vec![("imposer", "CN".into())])
        );
        assert_eq!(
            facet_filter(FacetKind::Kind, "mixed"),
            Some(vec![("kind", "mixed".into())])
        );
        let pairs =
            Pairs::parse(Some("q=steel&since=2017&offset=20"), params::SEARCH_KEYS).unwrap();
        let set = facet_filter(FacetKind::Year, "2018").unwrap();
        assert_eq!(
            owned_url("/", &with_filter(&pairs, ARTICLE_PAGE_KEYS, &set)),
            "/?q=steel&since=2018&until=2018"
        );
    }
}
