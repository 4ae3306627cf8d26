//! Property tests: every extractor (countries, tariffs, organisations, dates, quotes and people
//! through [`enrich`]) survives arbitrary Unicode, "news soups" of the words and marks the
//! extractors look for, and 100 KB inputs, and what it gives is well formed: quote offsets
//! inside the body on character boundaries, mention counts above zero, rates finite and not
//! negative, names and sentences not empty; and the countries `enrich` finds through the
//! body's text layer are the ones a scan of the text finds.
//!
//! How fast they are on 100 KB is asserted, with a generous bound, only in a release build:
//! `cargo test --release --lib -- --ignored enrich::robustness`.

use proptest::prelude::*;

use super::text::Words;
use super::{Enriched, countries, dates, enrich, orgs, tariffs};
use crate::corpus::Article;

/// Words, names and marks the extractors react to, to build text that reaches deep into them.
const NEWS_TOKENS: &[&str] = &[
    "China ",
    "the United States ",
    "U.S. ",
    "EU ",
    "Japanese ",
    "Georgia ",
    "New York ",
    "Beijing ",
    "tariff ",
    "tariffs ",
    "duty ",
    "anti-dumping duties ",
    "levy on imports ",
    "25% ",
    "7.5 per cent ",
    "10-25 pct ",
    "percent ",
    "from 25% to 50% ",
    "on steel ",
    "said ",
    "told reporters ",
    "according to ",
    "Secretary of State Marco Rubio ",
    "Mr. ",
    "Ms ",
    "Prime Minister ",
    "the World Trade Organization ",
    "WTO ",
    "Inc. ",
    "Ministry of Commerce ",
    "\"",
    "\u{201c}",
    "\u{201d}",
    "'",
    "\u{2018}",
    "\u{2019}",
    "\u{ab}",
    "\u{bb}",
    ", ",
    ". ",
    ": ",
    "; ",
    " - ",
    "(",
    ")",
    "\n\n",
    "March 3, 2019 ",
    "2018-07-06 ",
    "Dec. 15 ",
    "TOKYO, ",
    "0 ",
    "1e9 ",
    "%",
    "Zölle ",
    "関税 ",
    "\u{0}",
    "\u{200b}",
    "\u{fffd}",
];

fn soup(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(NEWS_TOKENS), 0..max).prop_map(|t| t.concat())
}

fn article(title: Option<String>, date: Option<String>, body: String) -> Article {
    Article {
        path: "wire/a.txt".into(),
        title,
        date,
        body,
        ..Article::default()
    }
}

/// Run every extractor on its own and through `enrich`, and check what comes out.
fn check(article: &Article) -> Result<Enriched, TestCaseError> {
    let body = &article.body;
    let countries = countries::extract(article, &Words::scan(body));
    for mention in &countries {
        prop_assert!(mention.mentions > 0, "{mention:?}");
    }
    for tariff in tariffs::extract(article) {
        prop_assert!(
            tariff.rate.0.is_finite() && tariff.rate.0 >= 0.0,
            "{tariff:?}"
        );
        prop_assert!(!tariff.text.trim().is_empty(), "{tariff:?}");
    }
    for org in orgs::extract(article) {
        prop_assert!(!org.trim().is_empty());
    }
    let _ = dates::published(article);
    let enriched = enrich(article);
    // The body's words read off its text layer are the words a scan finds.
    let (blocs, plain): (Vec<_>, Vec<_>) = countries.into_iter().partition(|m| m.code.is_bloc());
    prop_assert_eq!(&enriched.countries, &plain);
    prop_assert_eq!(&enriched.blocs, &blocs);
    let title = article.title.as_deref().map_or("", str::trim);
    for q in &enriched.quotes {
        // A headline's quote points into the headline, every other into the body.
        let text = if q.within.is_body() { body } else { title };
        prop_assert!(q.start <= q.end && q.end <= text.len(), "{q:?}");
        prop_assert!(
            text.is_char_boundary(q.start) && text.is_char_boundary(q.end),
            "{q:?}"
        );
        if q.parts.is_empty() {
            prop_assert_eq!(&text[q.start..q.end], q.text.as_str());
        }
        prop_assert!(!q.text.is_empty(), "{q:?}");
    }
    for speaker in &enriched.speakers {
        prop_assert!(
            enriched
                .quotes
                .iter()
                .any(|q| q.speaker.as_ref() == Some(speaker))
        );
    }
    for person in &enriched.people {
        prop_assert!(!person.name.trim().is_empty());
    }
    Ok(enriched)
}

proptest! {
    #[test]
    fn arbitrary_unicode(title in any::<Option<String>>(), date in any::<Option<String>>(),
                         body in any::<String>()) {
        check(&article(title, date, body))?;
    }

    #[test]
    fn news_soup(title in soup(12), body in soup(300)) {
        check(&article(Some(title), None, body))?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3))]

    /// 100 KB inputs, as the robustness issue asks (their speed is in the release-only test).
    #[test]
    fn hundred_kb_inputs(unicode in prop::collection::vec(any::<char>(), 50_000),
                         news in soup(24_000)) {
        let unicode: String = unicode.into_iter().collect();
        check(&article(None, None, unicode))?;
        check(&article(None, None, news))?;
    }
}

/// Inputs that are hard on one extractor or another: long runs of what they look for.
fn hard_inputs() -> Vec<(&'static str, String)> {
    let unbalanced: String = (0..2_000)
        .map(|i| match i % 4 {
            0 => format!("\u{201c}We will not back down, the envoy said on day {i}.\n\n"),
            1 => format!("He added: \"the talks on item {i} are over\n\n"),
            2 => format!("Never, she said of proposal {i}.\u{201d} Then she left.\n\n"),
            _ => format!("\u{ab} Non, said the minister about clause {i}.\n\n"),
        })
        .collect();
    vec![
        ("unbalanced quote marks", unbalanced),
        ("quote marks only", "\"".repeat(100_000)),
        ("curly quote marks only", "\u{201c}".repeat(35_000)),
        ("one word", "x".repeat(100_000)),
        ("digits", "9".repeat(100_000)),
        ("percent signs", "% ".repeat(50_000)),
        ("rates", "25% ".repeat(25_000)),
        ("tariff words", "tariff duty levy ".repeat(6_000)),
        (
            "a tariff sentence without end",
            "a 25% tariff on steel from China and ".repeat(2_800),
        ),
        ("country names", "China Japan India ".repeat(6_000)),
        // Names of a country and a US state alike: each is tested against the text before it.
        (
            "US state names",
            "Voters in Virginia, Georgia and Washington said the state of the race was close. "
                .repeat(1_300),
        ),
        ("abbreviations", "U.S. ".repeat(20_000)),
        ("capitalised words", "Alpha Beta Gamma Delta ".repeat(4_500)),
        ("speech verbs", "said told said ".repeat(7_000)),
        ("parentheses", "(".repeat(100_000)),
        ("paragraph breaks", "a\n\n".repeat(33_000)),
        ("dates", "March 3, 2019 ".repeat(7_000)),
    ]
}

#[test]
fn hard_inputs_do_not_break_the_extractors() {
    for (name, body) in hard_inputs() {
        let a = article(Some(body.chars().take(300).collect()), None, body);
        if let Err(e) = check(&a) {
            panic!("{name}: {e}");
        }
    }
}

/// How long each hard 100 KB input takes to enrich, the best of three: a report to read, not a
/// bound (tests assert no wall-clock times; `bench/` measures speed). Run it by hand in a
/// release build: `cargo test --release --lib -- --ignored --nocapture enrich::robustness`.
#[test]
#[ignore = "a timing report, run by hand in a release build"]
fn hundred_kb_inputs_enrich_timings() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    use std::time::Instant;

    let mut runner = TestRunner::deterministic();
    let mut inputs = hard_inputs();
    let unicode: String = prop::collection::vec(any::<char>(), 50_000)
        .new_tree(&mut runner)
        .map(|t| t.current().into_iter().collect())
        .unwrap_or_default();
    inputs.push(("random Unicode", unicode));
    let news = soup(24_000)
        .new_tree(&mut runner)
        .map(|t| t.current())
        .unwrap_or_default();
    inputs.push(("news soup", news));
    let bytes: Vec<u8> = prop::collection::vec(any::<u8>(), 100_000)
        .new_tree(&mut runner)
        .map(|t| t.current())
        .unwrap_or_default();
    inputs.push(("random bytes", String::from_utf8_lossy(&bytes).into_owned()));
    for (name, body) in inputs {
        let a = article(None, None, body);
        // The best of three, so that a busy machine does not fail the bound.
        let best = (0..3)
            .map(|_| {
                let start = Instant::now();
                let _ = enrich(&a);
                start.elapsed()
            })
            .min()
            .unwrap_or_default();
        println!("{name:>32}: {:>5} KB in {best:.1?}", a.body.len() / 1000);
    }
}
