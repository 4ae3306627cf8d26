//! Query strings to the front-end-neutral requests of `search::request`, with the bounds a
//! public page needs: a query of at most [`MAX_QUERY_CHARS`], pages of at most [`MAX_LIMIT`],
//! and every unknown, repeated or malformed parameter refused with a message (a 400).

use crate::enrich::QuoteKind;
use crate::search::request::{FacetParams, FilterParams, QuoteParams, SearchParams, SpeakerParams};
use crate::search::{NameKind, SortOrder};

/// Characters of query text accepted.
pub const MAX_QUERY_CHARS: usize = 500;
/// Bytes of a whole query string accepted.
pub const MAX_QUERY_STRING: usize = 8 * 1024;
/// Hits on one page.
pub const MAX_LIMIT: usize = 100;
/// Hits skipped, at most: paging further is a crawl, not a reader.
pub const MAX_OFFSET: usize = 10_000;
/// Values listed per facet or speakers in the directory.
pub const MAX_TOP: usize = 1_000;

/// A request the server refuses, with the reason to show.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct BadParam(pub String);

/// The article filter parameters, in the order the pages list them: the fields of
/// [`FilterParams`].
pub const FILTER_KEYS: &[&str] = &[
    "country",
    "speaker",
    "person",
    "org",
    "source",
    "tariff_min",
    "tariff_max",
    "imposer",
    "target",
    "since",
    "until",
];

/// The filters on what an article names, which quotes do not carry.
const ARTICLE_ONLY_KEYS: &[&str] = &["person", "org", "source"];

/// The filters of the quote search: the article filters but those on what an article names.
pub const QUOTE_FILTER_KEYS: &[&str] = &without::<8>(FILTER_KEYS, ARTICLE_ONLY_KEYS);

/// The keys of the article search a link to another view of its results keeps.
pub const SEARCH_LINK_KEYS: &[&str] = &joined::<14>(&[&["q"], FILTER_KEYS, &["sort", "limit"]]);

/// Keys of the article search (page and API).
pub const SEARCH_KEYS: &[&str] =
    &joined::<17>(&[SEARCH_LINK_KEYS, &["offset", "facets", "facet_top"]]);

/// The keys of the quote search a link to another view of its results keeps.
pub const QUOTE_LINK_KEYS: &[&str] = &joined::<13>(&[
    &["q"],
    QUOTE_FILTER_KEYS,
    &["kind", "named", "sort", "limit"],
]);

/// Keys of the quote search.
pub const QUOTE_KEYS: &[&str] = &joined::<15>(&[QUOTE_LINK_KEYS, &["offset", "facet_top"]]);

/// Keys of the facet counts.
pub const FACETS_KEYS: &[&str] = &joined::<14>(&[&["field", "q"], FILTER_KEYS, &["top"]]);

/// Lists of keys one after the other; `N` is the length, checked when the program is built.
const fn joined<const N: usize>(lists: &[&[&'static str]]) -> [&'static str; N] {
    let mut out = [""; N];
    let mut n = 0;
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            out[n] = lists[l][i];
            n += 1;
            i += 1;
        }
        l += 1;
    }
    assert!(n == N, "N is the number of keys");
    out
}

/// Whether two keys are the same (`==` on text is not available when the program is built).
const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The keys of `all` not in `dropped`, in order; `N` as for [`joined`].
const fn without<const N: usize>(all: &[&'static str], dropped: &[&str]) -> [&'static str; N] {
    let mut out = [""; N];
    let mut n = 0;
    let mut i = 0;
    while i < all.len() {
        let mut keep = true;
        let mut d = 0;
        while d < dropped.len() {
            keep &= !same(all[i], dropped[d]);
            d += 1;
        }
        if keep {
            out[n] = all[i];
            n += 1;
        }
        i += 1;
    }
    assert!(n == N, "N is the number of keys kept");
    out
}

/// A parsed query string: its pairs, in order, blank values dropped (an empty form field is
/// no filter).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pairs(Vec<(String, String)>);

impl Pairs {
    /// Parse a raw query string, refusing one that is too long or has a key outside `known`.
    pub fn parse(raw: Option<&str>, known: &[&str]) -> Result<Pairs, BadParam> {
        let raw = raw.unwrap_or_default();
        if raw.len() > MAX_QUERY_STRING {
            return Err(BadParam(format!(
                "the query string is {} bytes long; at most {MAX_QUERY_STRING} are accepted",
                raw.len()
            )));
        }
        let mut pairs = Vec::new();
        for (key, value) in form_urlencoded::parse(raw.as_bytes()) {
            if !known.contains(&key.as_ref()) {
                return Err(BadParam(format!(
                    "unknown parameter `{key}` (known: {})",
                    known.join(", ")
                )));
            }
            if !value.trim().is_empty() {
                pairs.push((key.into_owned(), value.trim().to_string()));
            }
        }
        Ok(Pairs(pairs))
    }

    /// Every value of `key`.
    pub fn all(&self, key: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// The value of a key given at most once.
    pub fn one(&self, key: &str) -> Result<Option<String>, BadParam> {
        let mut values = self.0.iter().filter(|(k, _)| k == key).map(|(_, v)| v);
        let first = values.next().cloned();
        if values.next().is_some() {
            return Err(BadParam(format!("`{key}` is given more than once")));
        }
        Ok(first)
    }

    /// Query text: at most [`MAX_QUERY_CHARS`] characters.
    pub fn text(&self, key: &str) -> Result<Option<String>, BadParam> {
        let text = self.one(key)?;
        if let Some(t) = &text {
            let chars = t.chars().count();
            if chars > MAX_QUERY_CHARS {
                return Err(BadParam(format!(
                    "`{key}` is {chars} characters long; at most {MAX_QUERY_CHARS} are accepted"
                )));
            }
        }
        Ok(text)
    }

    /// A whole number between 0 and `max`, `default` when absent.
    pub fn number(&self, key: &str, default: usize, max: usize) -> Result<usize, BadParam> {
        let Some(text) = self.one(key)? else {
            return Ok(default);
        };
        match text.parse::<usize>() {
            Ok(n) if n <= max => Ok(n),
            Ok(_) => Err(BadParam(format!("`{key}` is at most {max}, not {text}"))),
            Err(_) => Err(BadParam(format!("`{key}` is a whole number, not `{text}`"))),
        }
    }

    /// The sort order; `tariff` only where `allowed` says so.
    pub fn sort(&self, allow_tariff: bool) -> Result<SortOrder, BadParam> {
        match self.one("sort")?.as_deref() {
            None | Some("relevance") => Ok(SortOrder::Relevance),
            Some("date") => Ok(SortOrder::Date),
            Some("tariff") if allow_tariff => Ok(SortOrder::Tariff),
            Some(other) => Err(BadParam(format!(
                "`sort` is {}, not `{other}`",
                if allow_tariff {
                    "relevance, date or tariff"
                } else {
                    "relevance or date"
                }
            ))),
        }
    }

    /// The pairs whose key is one of `keys`, to carry into links.
    pub fn only(&self, keys: &[&str]) -> Vec<(String, String)> {
        self.0
            .iter()
            .filter(|(k, _)| keys.contains(&k.as_str()))
            .cloned()
            .collect()
    }

    pub fn filters(&self) -> Result<FilterParams, BadParam> {
        Ok(FilterParams {
            country: self.all("country"),
            speaker: self.all("speaker"),
            person: self.all("person"),
            org: self.all("org"),
            source: self.all("source"),
            tariff_min: self.one("tariff_min")?,
            tariff_max: self.one("tariff_max")?,
            imposer: self.all("imposer"),
            target: self.all("target"),
            since: self.one("since")?,
            until: self.one("until")?,
        })
    }
}

/// An article search; `facets` is comma-separated as on the command line.
pub fn search(pairs: &Pairs, default_facets: &[&str]) -> Result<SearchParams, BadParam> {
    let facets = match pairs.one("facets")? {
        Some(list) => list.split(',').map(str::to_string).collect(),
        None => default_facets.iter().map(|f| f.to_string()).collect(),
    };
    Ok(SearchParams {
        query: pairs.text("q")?,
        filters: pairs.filters()?,
        sort: pairs.sort(true)?,
        limit: pairs.number("limit", 10, MAX_LIMIT)?,
        offset: pairs.number("offset", 0, MAX_OFFSET)?,
        facets,
        facet_top: pairs.number("facet_top", 10, MAX_LIMIT)?,
    })
}

pub fn quotes(pairs: &Pairs) -> Result<QuoteParams, BadParam> {
    let kind = match pairs.one("kind")?.as_deref() {
        None => None,
        Some("direct") => Some(QuoteKind::Direct),
        Some("indirect") => Some(QuoteKind::Indirect),
        Some("mixed") => Some(QuoteKind::Mixed),
        Some(other) => {
            return Err(BadParam(format!(
                "`kind` is direct, indirect or mixed, not `{other}`"
            )));
        }
    };
    Ok(QuoteParams {
        text: pairs.text("q")?,
        filters: pairs.filters()?,
        kind,
        named: match pairs.one("named")?.as_deref() {
            None | Some("" | "0" | "false") => false,
            Some("1" | "true") => true,
            Some(other) => {
                return Err(BadParam(format!("`named` is true or false, not `{other}`")));
            }
        },
        sort: pairs.sort(false)?,
        limit: pairs.number("limit", 10, MAX_LIMIT)?,
        offset: pairs.number("offset", 0, MAX_OFFSET)?,
        facet_top: pairs.number("facet_top", 10, MAX_LIMIT)?,
    })
}

/// Keys of the speaker directory.
pub const SPEAKERS_KEYS: &[&str] = &["name", "country", "kind", "top"];

pub fn speakers(pairs: &Pairs) -> Result<SpeakerParams, BadParam> {
    let kind = match pairs.one("kind")?.as_deref() {
        None | Some("") => None,
        Some("person") => Some(NameKind::Person),
        Some("org") => Some(NameKind::Org),
        Some("group") => Some(NameKind::Group),
        Some(other) => {
            return Err(BadParam(format!(
                "`kind` is person, org or group, not `{other}`"
            )));
        }
    };
    Ok(SpeakerParams {
        name: pairs.text("name")?,
        country: pairs.one("country")?,
        kind,
        top: pairs.number("top", 20, MAX_TOP)?,
    })
}

pub fn facets(pairs: &Pairs, default_field: &str) -> Result<FacetParams, BadParam> {
    Ok(FacetParams {
        field: pairs
            .one("field")?
            .unwrap_or_else(|| default_field.to_string()),
        query: pairs.text("q")?,
        filters: pairs.filters()?,
        top: pairs.number("top", 20, MAX_TOP)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_fields_are_no_filter_and_repeats_add_up() {
        let pairs = Pairs::parse(
            Some("q=steel+tariffs&country=JP&country=Germany&since=&sort=date"),
            SEARCH_KEYS,
        )
        .unwrap();
        let params = search(&pairs, &["country"]).unwrap();
        assert_eq!(params.query.as_deref(), Some("steel tariffs"));
        assert_eq!(params.filters.country, ["JP", "Germany"]);
        assert_eq!(params.filters.since, None);
        assert_eq!(params.sort, SortOrder::Date);
        assert_eq!(params.limit, 10);
        assert_eq!(params.facets, ["country"]);
    }

    #[test]
    fn bad_parameters_say_what_is_wrong() {
        let bad = |raw: &str| {
            Pairs::parse(Some(raw), SEARCH_KEYS)
                .and_then(|p| search(&p, &[]))
                .unwrap_err()
                .0
        };
        assert!(bad("path=../../etc/passwd").starts_with("unknown parameter `path`"));
        assert_eq!(bad("limit=1000"), "`limit` is at most 100, not 1000");
        assert_eq!(bad("limit=-1"), "`limit` is a whole number, not `-1`");
        assert_eq!(
            bad("since=2018&since=2019"),
            "`since` is given more than once"
        );
        assert!(bad("sort=popular").starts_with("`sort` is relevance, date or tariff"));
        let long = format!("q={}", "a".repeat(MAX_QUERY_CHARS + 1));
        assert!(bad(&long).contains("at most 500 are accepted"));
        let huge = format!("q={}", "a".repeat(MAX_QUERY_STRING));
        assert!(bad(&huge).starts_with("the query string is"));
    }

    #[test]
    fn every_filter_key_fills_its_filter_and_quotes_take_all_but_article_names() {
        let raw: Vec<String> = FILTER_KEYS.iter().map(|k| format!("{k}=1")).collect();
        let pairs = Pairs::parse(Some(&raw.join("&")), FILTER_KEYS).unwrap();
        let one = || vec!["1".to_string()];
        let some = || Some("1".to_string());
        assert_eq!(
            pairs.filters().unwrap(),
            FilterParams {
                country: one(),
                speaker: one(),
                person: one(),
                org: one(),
                source: one(),
                tariff_min: some(),
                tariff_max: some(),
                imposer: one(),
                target: one(),
                since: some(),
                until: some(),
            }
        );
        assert_eq!(
            QUOTE_FILTER_KEYS,
            [
                "country",
                "speaker",
                "tariff_min",
                "tariff_max",
                "imposer",
                "target",
                "since",
                "until"
            ]
        );
        for keys in [SEARCH_KEYS, FACETS_KEYS] {
            assert!(FILTER_KEYS.iter().all(|k| keys.contains(k)));
        }
        assert!(QUOTE_FILTER_KEYS.iter().all(|k| QUOTE_KEYS.contains(k)));
        assert!(Pairs::parse(Some("person=Lee"), QUOTE_KEYS).is_err());
        assert_eq!(SEARCH_KEYS[..SEARCH_LINK_KEYS.len()], *SEARCH_LINK_KEYS);
        assert_eq!(QUOTE_KEYS[..QUOTE_LINK_KEYS.len()], *QUOTE_LINK_KEYS);
    }

    #[test]
    fn quote_kinds_and_sorts() {
        let pairs = Pairs::parse(Some("kind=mixed"), QUOTE_KEYS).unwrap();
        assert_eq!(quotes(&pairs).unwrap().kind, Some(QuoteKind::Mixed));
        let pairs = Pairs::parse(Some("sort=tariff"), QUOTE_KEYS).unwrap();
        assert!(quotes(&pairs).is_err());
        let pairs = Pairs::parse(Some("kind=rumour"), QUOTE_KEYS).unwrap();
        assert!(quotes(&pairs).is_err());
    }
}
