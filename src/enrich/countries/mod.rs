//! Country mentions: names, short forms, adjectives, capitals, seats of government, historical
//! names and currencies, matched against the gazetteer in `data/` and disambiguated.
//!
//! Takes an [`Article`], with the runs of letters and digits of its body as the text layer
//! read them ([`Words`]), and gives one [`CountryMention`] per country with its number of
//! mentions over the title, the dateline and the body. The work is done in three steps:
//! [`gazetteer`] finds every phrase with an aho-corasick automaton run at each word that can
//! begin one (longest phrase first, so "Papua New Guinea" wins over "Guinea" and "Indian Ocean"
//! over "Indian");
//! [`matcher`] judges each phrase by its case and the words around it (a person's name, an
//! organisation's name, a US state); then the article-wide rules here settle what a single
//! phrase cannot: a surname used alone ("Jordan" after "Michael Jordan"), "Turkey" opening a
//! sentence in a piece about the bird, and "Georgia" in a piece about US states.

mod code;
mod context;
mod gazetteer;
mod matcher;
mod seats;

use std::collections::{HashMap, HashSet};

pub use code::CountryCode;
pub use gazetteer::GazetteerError;
pub(crate) use gazetteer::Kind;

use super::CountryMention;
use super::text::Words;
use crate::corpus::Article;
use gazetteer::{Blocker, GAZETTEER};
use matcher::{Found, Verdict};

/// A country named in a text, with where and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub code: CountryCode,
    pub kind: Kind,
}

/// Every country the article mentions (title, dateline and body), with mention counts, the
/// most mentioned first (ties by code); `body_words` are the runs of letters and digits of
/// the body, as the text layer read them ([`Words::scan`] when there is no layer at hand).
pub fn extract(article: &Article, body_words: &Words) -> Vec<CountryMention> {
    let mut counts: HashMap<CountryCode, u32> = HashMap::new();
    for (_, f) in judge_article(article, body_words) {
        if let (Verdict::Country, Some(code)) = (f.verdict, f.code()) {
            *counts.entry(code).or_default() += 1;
        }
    }
    let mut mentions: Vec<CountryMention> = counts
        .into_iter()
        .map(|(code, mentions)| CountryMention { code, mentions })
        .collect();
    mentions.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.code.cmp(&b.code)));
    mentions
}

/// Which part of an article a phrase was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment {
    Title,
    Dateline,
    Body,
}

/// One gazetteer phrase found in an article and what was made of it: for tracing why a country
/// was or was not counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    pub segment: Segment,
    /// Byte offsets in that segment.
    pub start: usize,
    pub end: usize,
    /// The phrase as written in the article.
    pub text: String,
    /// The country the phrase would name, `None` for phrases such as "Indian Ocean".
    pub code: Option<CountryCode>,
    /// Whether it counts as a mention of `code`.
    pub counted: bool,
    /// Why, in a few words.
    pub reason: &'static str,
}

/// Every gazetteer phrase in the article with the verdict on it, in text order per segment.
pub fn explain(article: &Article) -> Vec<Explanation> {
    let segments = segments(article);
    judge_article(article, &Words::scan(&article.body))
        .into_iter()
        .map(|(segment, f)| {
            let text = segments
                .iter()
                .find(|(s, _)| *s == segment)
                .and_then(|(_, t)| t.get(f.start..f.end))
                .unwrap_or_default()
                .to_string();
            Explanation {
                segment,
                start: f.start,
                end: f.end,
                text,
                code: f.code(),
                counted: f.verdict == Verdict::Country,
                reason: f.verdict.reason(),
            }
        })
        .collect()
}

fn segments(article: &Article) -> Vec<(Segment, &str)> {
    let mut out = Vec::with_capacity(3);
    if let Some(title) = &article.title {
        out.push((Segment::Title, title.as_str()));
    }
    if let Some(dateline) = &article.dateline {
        out.push((Segment::Dateline, dateline.as_str()));
    }
    out.push((Segment::Body, article.body.as_str()));
    out
}

/// Scan every segment, then apply the article-wide rules across all of them.
fn judge_article(article: &Article, body_words: &Words) -> Vec<(Segment, Found)> {
    let mut scanned: Vec<(Segment, &str, Vec<Found>)> = segments(article)
        .into_iter()
        .map(|(segment, text)| {
            let found = match segment {
                Segment::Body => matcher::scan(text, body_words),
                _ => matcher::scan(text, &Words::scan(text)),
            };
            (segment, text, found)
        })
        .collect();
    // The body first: a seat it reads as its bloc is the bloc in the headline too, which is
    // too short to say it is about trade ("Brussels hits Japanese bearings"). A dateline
    // names the place the story was filed from, never an actor.
    let mut in_body = HashSet::new();
    for (segment, text, in_segment) in scanned.iter_mut().rev() {
        match segment {
            Segment::Body => in_body = seats::read(text, in_segment, &HashSet::new()),
            Segment::Title => {
                seats::read(text, in_segment, &in_body);
            }
            Segment::Dateline => {}
        }
    }
    let mut found = Vec::new();
    let mut segment_of = Vec::new();
    for (segment, _, in_segment) in scanned {
        segment_of.extend(std::iter::repeat_n(segment, in_segment.len()));
        found.extend(in_segment);
    }
    resolve(&mut found);
    segment_of.into_iter().zip(found).collect()
}

/// The countries named in one piece of text, in order, judged as if it were a whole article.
pub(crate) fn find(text: &str) -> Vec<Hit> {
    let mut found = matcher::scan(text, &Words::scan(text));
    seats::read(text, &mut found, &HashSet::new());
    resolve(&mut found);
    found
        .iter()
        .filter(|f| f.verdict == Verdict::Country)
        .filter_map(|f| {
            Some(Hit {
                start: f.start,
                end: f.end,
                code: f.code()?,
                kind: f.kind()?,
            })
        })
        .collect()
}

/// The article-wide rules, applied after every phrase has its local verdict.
fn resolve(found: &mut [Found]) {
    // A phrase seen as part of a name in running text is that name in an all-capitals headline
    // too ("GREAT AMERICAN FIRST SAVINGS" after "Great American First Savings Bank").
    let names: HashSet<(usize, u64)> = found
        .iter()
        .filter(|f| f.verdict == Verdict::Name && f.next_key != 0)
        .map(|f| (f.pattern, f.next_key))
        .collect();
    for f in found.iter_mut() {
        if f.verdict == Verdict::Country && f.shouting && names.contains(&(f.pattern, f.next_key)) {
            f.verdict = Verdict::Name;
        }
    }

    // "turkey" in small letters makes "Turkey" at the head of a sentence the bird too, unless
    // the country is also named where a capital letter means something.
    let common_nouns: HashSet<String> = found
        .iter()
        .filter(|f| f.verdict == Verdict::LowerCase && f.kind() == Some(Kind::Name))
        .map(|f| f.pattern().text.to_lowercase())
        .collect();
    for noun in &common_nouns {
        let same = |f: &Found| f.pattern().text.to_lowercase() == *noun;
        let code = found.iter().find(|f| same(f)).and_then(Found::code);
        let named_elsewhere = found.iter().any(|f| {
            f.verdict == Verdict::Country && f.code() == code && !(same(f) && f.sentence_start)
        });
        if !named_elsewhere {
            for f in found.iter_mut().filter(|f| same(f)) {
                f.verdict = Verdict::LowerCase;
            }
        }
    }

    // A country that shares its name with a US state ("Georgia") is the state in an article that
    // names other US states and nothing else of the country (no adjective, no capital, no
    // listing beside another country).
    let us_places = found
        .iter()
        .filter(|f| f.verdict == Verdict::Blocked(Blocker::UsState))
        .count();
    if us_places > 0 {
        let state_named: Vec<usize> = found
            .iter()
            .filter(|f| {
                f.verdict == Verdict::Country
                    && f.pattern().us_state
                    && f.kind() == Some(Kind::Name)
            })
            .map(|f| f.pattern)
            .collect();
        for pattern in state_named {
            let code = GAZETTEER.patterns[pattern].code();
            let other_forms = found.iter().any(|f| {
                f.verdict == Verdict::Country
                    && f.code() == code
                    && (f.pattern != pattern || f.listed_with_country)
            });
            if !other_forms {
                for f in found.iter_mut().filter(|f| f.pattern == pattern) {
                    f.verdict = Verdict::UsPlace;
                }
            }
        }
    }
}

/// The country a user or a speaker phrase names: a code (`IN`), a name (`India`), an adjective
/// (`Indian`), an abbreviation (`U.S.`) or a longer phrase that names one country only
/// ("Chinese Foreign Ministry"); case and accents are ignored.
pub fn lookup(name: &str) -> Option<CountryCode> {
    lookup_in(name, false)
}

/// [`lookup`] for words taken from an article, where a bare code counts only as written in
/// capitals: "US" is the United States, but "Is" opening a question ("Is President Obama going
/// to ...") is no Iceland, nor "in" India.
pub fn lookup_written(name: &str) -> Option<CountryCode> {
    lookup_in(name, true)
}

fn lookup_in(name: &str, codes_in_capitals: bool) -> Option<CountryCode> {
    let name = name.trim();
    let name = name
        .strip_suffix("'s")
        .or_else(|| name.strip_suffix("\u{2019}s"))
        .unwrap_or(name);
    if let Some(code) = GAZETTEER.phrase(name) {
        return Some(code);
    }
    if let Ok(code) = CountryCode::parse_any(name)
        && GAZETTEER.name(code).is_some()
        && (!codes_in_capitals || !name.chars().any(char::is_lowercase))
    {
        return Some(code);
    }
    let hits = find(name);
    let first = hits.first()?.code;
    hits.iter().all(|h| h.code == first).then_some(first)
}

/// The member countries of a trade bloc (`EU`, `ASEAN`), as the gazetteer lists them; empty
/// for a country.
pub fn members_of(code: CountryCode) -> &'static [CountryCode] {
    GAZETTEER.members(code)
}

/// Every phrase of the gazetteer as written, with its country and kind ("New Delhi", IN,
/// capital): for telling a government's name from a capital or a demonym.
pub(crate) fn phrases() -> impl Iterator<Item = (&'static str, CountryCode, Kind)> {
    GAZETTEER.patterns.iter().filter_map(|p| match p.target {
        gazetteer::Target::Country(code, kind) => Some((p.text.as_str(), code, kind)),
        gazetteer::Target::Blocked(_) => None,
    })
}

/// The English short name of a code, or "" for a code not in the gazetteer.
pub fn name_of(code: CountryCode) -> &'static str {
    GAZETTEER.name(code).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The countries of `article`, its body's words found by a scan.
    fn extract(article: &Article) -> Vec<CountryMention> {
        super::extract(article, &Words::scan(&article.body))
    }

    fn article(title: Option<&str>, dateline: Option<&str>, body: &str) -> Article {
        Article {
            title: title.map(str::to_string),
            dateline: dateline.map(str::to_string),
            body: body.to_string(),
            ..Article::default()
        }
    }

    /// The sorted codes `extract` finds in a body.
    fn codes(body: &str) -> Vec<String> {
        let mut out: Vec<String> = extract(&article(None, None, body))
            .iter()
            .map(|m| m.code.to_string())
            .collect();
        out.sort();
        out
    }

    fn check(table: &[(&str, &[&str])]) {
        for (text, want) in table {
            assert_eq!(codes(text), *want, "{text}");
        }
    }

    /// "Is President Obama going to ..." gave Obama the speaker country Iceland.
    #[test]
    fn a_capitalised_sentence_word_is_no_country_code() {
        assert_eq!(
            lookup_written("US").map(|c| c.to_string()).as_deref(),
            Some("US")
        );
        assert_eq!(lookup_written("Is"), None);
        assert_eq!(lookup_written("in"), None);
        assert_eq!(
            lookup_written("Indian").map(|c| c.to_string()).as_deref(),
            Some("IN")
        );
        // A user typing a code on the command line may use any case.
        assert_eq!(lookup("is").map(|c| c.to_string()).as_deref(), Some("IS"));
    }

    #[test]
    fn names_short_forms_and_abbreviations() {
        check(&[
            (
                "The United States and Britain signed the pact.",
                &["GB", "US"],
            ),
            (
                "Officials in the U.S. and the U.K. disagreed.",
                &["GB", "US"],
            ),
            ("USA exports rose while UAE imports fell.", &["AE", "US"]),
            (
                "The PRC and the ROK met the DPRK envoy.",
                &["CN", "KP", "KR"],
            ),
            ("He moved from England to Scotland and then Wales.", &["GB"]),
            ("South Korea and North Korea held talks.", &["KP", "KR"]),
            ("Trade with Korea grew.", &["KR"]),
            (
                "The team left Papua New Guinea for Guinea-Bissau.",
                &["GW", "PG"],
            ),
            ("Ties with Côte d'Ivoire and Cote d’Ivoire alike.", &["CI"]),
            (
                "Hong Kong, Taiwan, Macau and Kosovo were listed.",
                &["HK", "MO", "TW", "XK"],
            ),
            (
                "Aid reached the Palestinian territories and Puerto Rico.",
                &["PR", "PS"],
            ),
            ("America is our largest market.", &["US"]),
        ]);
    }

    #[test]
    fn adjectives_demonyms_and_prefixes() {
        check(&[
            (
                "Indian and Pakistani officials met Filipino workers.",
                &["IN", "PH", "PK"],
            ),
            (
                "Thousands of Americans and Britons travelled.",
                &["GB", "US"],
            ),
            (
                "Sino-US relations and Indo-Pakistani talks.",
                &["CN", "IN", "PK", "US"],
            ),
            ("The Anglo-Dutch group reported profits.", &["GB", "NL"]),
            ("English and Welsh voters went to the polls.", &["GB"]),
            (
                "The Chinese mainland and mainland China are the same.",
                &["CN"],
            ),
        ]);
    }

    #[test]
    fn capitals_seats_of_government_and_datelines() {
        check(&[
            ("Washington and Beijing traded barbs.", &["CN", "US"]),
            (
                "New Delhi summoned the envoy from Islamabad.",
                &["IN", "PK"],
            ),
            ("The White House and the Kremlin spoke.", &["RU", "US"]),
            (
                "Downing Street rejected a claim from the Elysee.",
                &["FR", "GB"],
            ),
            ("He spoke in Kuala Lumpur on Sunday.", &["MY"]),
            ("Brussels wants a deal with the member states.", &["BE"]),
            ("Capitol Hill and Whitehall disagreed.", &["GB", "US"]),
        ]);
        for (dateline, want) in [
            ("TOKYO, March 3 -", "JP"),
            ("Tokyo, March 3 -", "JP"),
            ("tokyo, march 3 -", ""),
        ] {
            let got: Vec<String> = extract(&article(None, Some(dateline), "Rates held."))
                .iter()
                .map(|m| m.code.to_string())
                .collect();
            assert_eq!(got.join(","), want, "{dateline}");
        }
        let got = extract(&article(None, Some("NEW YORK, March 3 -"), "Shares rose."));
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn historical_names_and_currencies() {
        check(&[
            ("The Soviet Union and the USSR are one.", &["RU"]),
            ("West Germany and East Germany merged.", &["DE"]),
            ("Burma was once a colony; Zaire was renamed.", &["CD", "MM"]),
            ("Prices in U.S. dollars and US$2 trillion.", &["US"]),
            (
                "The yen rose against the yuan and the rupee.",
                &["CN", "IN", "JP"],
            ),
            ("The Mexican peso and Canadian cents.", &["CA", "MX"]),
            ("The dollar fell in late trading.", &[]),
        ]);
    }

    #[test]
    fn washington_the_state_the_paper_and_the_person() {
        check(&[
            ("Apples from Washington state sold well.", &[]),
            ("The Washington Post reported the story.", &[]),
            ("A statue of George Washington stands there.", &[]),
            ("He studied at the University of Washington.", &[]),
            ("Growers in the state of Washington agreed.", &[]),
            ("Officials in Washington said talks would resume.", &["US"]),
            ("He flew to Washington, D.C., on Monday.", &["US"]),
            ("The Washington-based group said so.", &["US"]),
        ]);
    }

    #[test]
    fn georgia_the_state_or_the_country() {
        check(&[
            (
                "Voters in Georgia, Alabama and Texas went to the polls.",
                &[],
            ),
            ("The song Georgia On My Mind was played.", &[]),
            ("She moved to Atlanta, Georgia, last year.", &[]),
            (
                "Tension between China, Georgia and Armenia eased.",
                &["AM", "CN", "GE"],
            ),
            (
                "On trade with China, Washington will not bend.",
                &["CN", "US"],
            ),
            (
                "The Olympics were held in Athens, Ga., in a small stadium.",
                &[],
            ),
            (
                "China and Georgia signed a free trade agreement.",
                &["CN", "GE"],
            ),
            ("Georgia exports wine to many countries.", &["GE"]),
            (
                "Russia invaded Georgia and Ukraine, and Texas watched.",
                &["GE", "RU", "UA"],
            ),
        ]);
    }

    #[test]
    fn first_names_and_surnames_are_people() {
        check(&[
            ("said Chad Bown, a senior fellow.", &[]),
            ("Jordan Henderson scored twice.", &[]),
            ("Michael Jordan retired again.", &[]),
            ("King Abdullah of Jordan arrived.", &["JO"]),
            ("Chad and Niger closed their border.", &["NE", "TD"]),
            ("The film starred Paris Hilton.", &[]),
            ("Centres: B Lima (Samoa), J Fourie (SA).", &["WS"]),
            ("Reem As-Saba'ee and Japan's envoy spoke.", &["JP"]),
            ("The comedian Dawn French hosted the show.", &[]),
            (
                "Top-seeded Americans won; Asian American voters cheered.",
                &["US"],
            ),
            ("Popular Chinese portals grew.", &["CN"]),
        ]);
    }

    #[test]
    fn turkey_the_bird_and_china_the_porcelain() {
        check(&[
            ("We ate turkey and served it on fine china.", &[]),
            (
                "Turkey prices rise before Christmas. Farmers sold more turkey.",
                &[],
            ),
            ("Turkey joined the talks. Ankara sent a minister.", &["TR"]),
            ("Turkey and Greece met in Athens.", &["GR", "TR"]),
        ]);
    }

    #[test]
    fn names_that_only_contain_a_country_word() {
        check(&[
            ("Shipping in the Indian Ocean and the South China Sea.", &[]),
            ("He paid with American Express on American Airlines.", &[]),
            ("China Daily reported the figures.", &[]),
            ("She flew Air India and British Airways.", &[]),
            ("The UK Independence Party won a seat.", &[]),
            ("New Mexico and New Jersey voted.", &[]),
            (
                "Tension on the Korean Peninsula and in the Persian Gulf.",
                &[],
            ),
            ("The National University of Singapore hosted it.", &[]),
            ("UNICORP AMERICAN CORP said profits rose.", &[]),
            ("Bank of America cut rates.", &[]),
            ("North America and Latin America grew.", &[]),
            ("The Uruguay Round of trade talks resumed.", &[]),
            ("Brexit talks stalled.", &[]),
        ]);
    }

    #[test]
    fn national_institutions_count() {
        check(&[
            ("The Bank of Japan held rates.", &["JP"]),
            ("The Indian Army moved troops.", &["IN"]),
            ("The Chinese Ministry of Commerce said so.", &["CN"]),
            ("The US Treasury issued bonds.", &["US"]),
            (
                "He filed with the US Securities and Exchange Commission.",
                &["US"],
            ),
            ("Pakistan Army chief met officials.", &["PK"]),
            ("The Reserve Bank of India acted.", &["IN"]),
        ]);
    }

    #[test]
    fn namesake_towns_of_capitals() {
        check(&[
            ("The plant is in San Jose, Calif.", &[]),
            ("Barges reached Memphis/Cairo on Friday.", &[]),
            ("A school in Paris, Texas, closed.", &[]),
            ("Talks in Cairo ended.", &["EG"]),
        ]);
    }

    #[test]
    fn wrapped_lines_and_capitals_in_headlines() {
        check(&[
            ("filed in Delaware, New York and New\nJersey courts.", &[]),
            ("exports to the United\nStates rose", &["US"]),
        ]);
        let got: Vec<String> = extract(&article(
            Some("JAPAN CUTS TARIFFS ON U.S. GOODS"),
            None,
            "Rates fell.",
        ))
        .iter()
        .map(|m| m.code.to_string())
        .collect();
        assert_eq!(got.len(), 2, "{got:?}");
        let got = extract(&article(
            Some("China Slaps New Tariffs On American Steel"),
            None,
            "Rates rose.",
        ));
        assert_eq!(got.len(), 2, "{got:?}");
    }

    #[test]
    fn mentions_are_counted_and_sorted() {
        let got = extract(&article(
            Some("India and Pakistan"),
            None,
            "India said Indian troops stayed. Pakistan disagreed.",
        ));
        let got: Vec<(String, u32)> = got
            .iter()
            .map(|m| (m.code.to_string(), m.mentions))
            .collect();
        assert_eq!(got, [("IN".to_string(), 3), ("PK".to_string(), 2)]);
    }

    #[test]
    fn blocs_are_named_beside_countries() {
        check(&[
            (
                "The European Union raised duties on Chinese steel.",
                &["CN", "EU"],
            ),
            ("EC farm ministers meet on Monday.", &["EU"]),
            (
                "ASEAN members signed the accord in Manila.",
                &["ASEAN", "PH"],
            ),
            (
                "Mercosur and the Gulf Cooperation Council opened talks.",
                &["GCC", "MERCOSUR"],
            ),
            ("The African Union sent observers.", &["AFU"]),
            ("Moscow leads the Eurasian Economic Union.", &["EAEU", "RU"]),
            // A member named alone is the member, never the bloc.
            ("France cut its wine exports.", &["FR"]),
            // Europe and "European" are a continent, not the bloc.
            ("A European carmaker opened a plant in Europe.", &[]),
        ]);
    }

    #[test]
    fn brussels_speaking_for_the_bloc_is_the_eu_not_belgium() {
        // The dev gold counts BE here, as its guide maps Brussels to BE everywhere; newsdex
        // reads the city acting on trade policy as the bloc, so this shape scores one BE
        // fewer there.
        check(&[(
            "The EC wants Japan to ease its car import checks, which Brussels calls a \
             non-tariff barrier.",
            &["EU", "JP"],
        )]);
        // A dateline and a place stay Belgium.
        check(&[(
            "BRUSSELS, July 27 - Trade ministers met in Brussels to discuss tariffs.",
            &["BE"],
        )]);
    }

    #[test]
    fn blocs_have_codes_names_and_members() {
        for (phrase, want) in [
            ("EU", "EU"),
            ("European Union", "EU"),
            ("asean", "ASEAN"),
            ("Mercosur", "MERCOSUR"),
            ("African Union", "AFU"),
            ("afu", "AFU"),
            ("GCC", "GCC"),
        ] {
            assert_eq!(lookup(phrase).map(|c| c.to_string()).as_deref(), Some(want));
        }
        let eu = lookup("EU").unwrap();
        assert!(eu.is_bloc());
        assert_eq!(eu.name(), "European Union");
        assert!(members_of(eu).contains(&CountryCode::parse("FR").unwrap()));
        assert!(!CountryCode::parse("FR").unwrap().is_bloc());
        assert!(members_of(CountryCode::parse("FR").unwrap()).is_empty());
    }

    #[test]
    fn lookup_takes_codes_names_adjectives_and_phrases() {
        for (phrase, want) in [
            ("IN", Some("IN")),
            ("in", Some("IN")),
            ("India", Some("IN")),
            ("indian", Some("IN")),
            ("U.S.", Some("US")),
            ("us", Some("US")),
            ("uk", Some("GB")),
            ("Chinese", Some("CN")),
            ("Côte d'Ivoire", Some("CI")),
            ("cote d'ivoire", Some("CI")),
            ("India's", Some("IN")),
            ("Chinese Foreign Ministry", Some("CN")),
            ("Sino-US", None),
            ("XX", None),
            ("Europe", None),
            ("", None),
        ] {
            assert_eq!(
                lookup(phrase).map(|c| c.to_string()).as_deref(),
                want,
                "{phrase}"
            );
        }
    }

    #[test]
    fn names_of_codes() {
        let code = |s| CountryCode::parse(s).unwrap();
        assert_eq!(name_of(code("IN")), "India");
        assert_eq!(name_of(code("US")), "United States");
        assert_eq!(name_of(code("XK")), "Kosovo");
        assert_eq!(name_of(code("ZZ")), "");
        assert_eq!(code("TW").name(), "Taiwan");
    }

    #[test]
    fn explain_says_why() {
        let got = explain(&article(None, None, "The Indian Ocean and India."));
        let got: Vec<(&str, bool)> = got.iter().map(|e| (e.text.as_str(), e.counted)).collect();
        assert_eq!(got, [("Indian Ocean", false), ("India", true)]);
    }
}
