//! Plain-text articles: an optional header (headline, date line, URL line), then the body.
//!
//! The corpora newsdex is built for write the header in a few ways: BBC and PolNeAR put the
//! headline on the first line and a blank line after it; People's Daily puts the headline, a
//! date line and a URL line, then a blank line. A first line that reads like the opening
//! sentence of the story is body, and no title is invented for it: a first line is a
//! headline when a blank line (or the date or URL line) sets it off and it is at most 250
//! characters, or when it is at most 150 characters and does not end like a sentence, or
//! when it ends in `;` or `:` over a one-line deck (USA Today's layout; the deck is body).
//! The body is laid out in the normal paragraph form of [`super::text`].

use std::sync::LazyLock;

use regex::Regex;

use super::Article;
use super::text::{field, is_space, paragraphs};

/// Headlines longer than this are taken for a first paragraph unless a blank line follows.
const MAX_HEADLINE_CHARS: usize = 150;
/// A first line longer than this is never a headline, blank line or not.
const MAX_SET_OFF_HEADLINE_CHARS: usize = 250;
/// How many lines at the top may hold the header.
const HEADER_LINES: usize = 6;

static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    let month = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?";
    Regex::new(&format!(
        r"(?ix)^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:
            {month}\s+\d{{1,2}},?\s+\d{{4}}
          | \d{{1,2}}\s+{month},?\s+\d{{4}}
          | \d{{4}}-\d{{2}}-\d{{2}}(?:[T\s][\d:.]+(?:Z|[+-]\d{{2}}:?\d{{2}})?)?
          | \d{{4}}/\d{{1,2}}/\d{{1,2}}
        )\s*$"
    ))
    .expect("date line pattern is valid")
});

/// Split a text file into header fields and body (paragraphs in the normal form).
pub fn parse(text: &str) -> Article {
    let mut article = Article::default();
    let lines: Vec<(usize, &str)> = line_starts(text).take(HEADER_LINES + 1).collect();
    let blank = |l: &str| l.chars().all(is_space);
    let mut i = lines.iter().take_while(|(_, l)| blank(l)).count();

    if let Some(&(_, first)) = lines.get(i) {
        let first = first.trim_matches(is_space);
        let next = lines.get(i + 1).map(|(_, l)| l.trim_matches(is_space));
        let is_meta = |l: &str| is_date_line(l) || is_url_line(l);
        let next_is_break = next.is_none_or(|n| n.is_empty() || is_meta(n));
        let chars = first.chars().count();
        let set_off = next_is_break && chars <= MAX_SET_OFF_HEADLINE_CHARS;
        let reads_like_headline = chars <= MAX_HEADLINE_CHARS
            && !first.ends_with(['.', '!', '?', ',', ';', ':', '"', '\u{201d}']);
        // "Headline;" or "Headline:" over a one-line deck, then a blank line.
        let over_deck = chars <= MAX_HEADLINE_CHARS
            && first.ends_with([';', ':'])
            && next.is_some_and(|n| !n.is_empty())
            && lines.get(i + 2).is_some_and(|(_, l)| blank(l));
        if !is_meta(first) && (set_off || reads_like_headline || over_deck) && next.is_some() {
            article.title = field(first.trim_end_matches([';', ':']));
            i += 1;
        }
    }
    while let Some(&(_, line)) = lines.get(i) {
        let line = line.trim_matches(is_space);
        if article.date.is_none() && is_date_line(line) {
            article.date = field(line);
        } else if article.url.is_none() && is_url_line(line) {
            article.url = field(line);
        } else {
            break;
        }
        i += 1;
    }
    let body_start = lines.get(i).map_or(text.len(), |&(start, _)| start);
    article.body = paragraphs(&text[body_start..]);
    article
}

/// Each line of `text` with the byte offset where it starts.
fn line_starts(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    text.split_inclusive('\n').map(move |line| {
        let at = start;
        start += line.len();
        (at, line.trim_end_matches(['\n', '\r']))
    })
}

/// Whether a line is nothing but a date, as text headers and Markdown files write one.
pub fn is_date_line(line: &str) -> bool {
    line.len() <= 40 && DATE_LINE.is_match(line)
}

fn is_url_line(line: &str) -> bool {
    (line.starts_with("http://") || line.starts_with("https://"))
        && !line.contains(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_then_blank_line() {
        let a = parse("Ad sales boost Time Warner profit\n\nQuarterly profits jumped 76%.\n");
        assert_eq!(
            a.title.as_deref(),
            Some("Ad sales boost Time Warner profit")
        );
        assert_eq!(a.body, "Quarterly profits jumped 76%.");
        assert_eq!(a.date, None);
    }

    #[test]
    fn headline_date_and_url_header() {
        let a = parse(
            "Beijing and Seoul sign tariff pact\nDecember 15, 2018\nhttp://example.com/a.html\n\nThe pact was signed on Friday.\n",
        );
        assert_eq!(
            a.title.as_deref(),
            Some("Beijing and Seoul sign tariff pact")
        );
        assert_eq!(a.date.as_deref(), Some("December 15, 2018"));
        assert_eq!(a.url.as_deref(), Some("http://example.com/a.html"));
        assert_eq!(a.body, "The pact was signed on Friday.");
    }

    #[test]
    fn opening_sentence_is_not_taken_for_a_headline() {
        let text =
            "The minister said on Monday that talks would resume.\nA second line follows.\n\n\n";
        let a = parse(text);
        assert_eq!(a.title, None);
        assert_eq!(
            a.body,
            "The minister said on Monday that talks would resume.\n\nA second line follows."
        );
    }

    #[test]
    fn short_unpunctuated_first_line_is_a_headline_without_blank_line() {
        let a = parse("Trade talks stall\nNegotiators left Geneva without a deal.\n");
        assert_eq!(a.title.as_deref(), Some("Trade talks stall"));
        assert_eq!(a.body, "Negotiators left Geneva without a deal.");
    }

    #[test]
    fn headline_over_a_deck() {
        let a = parse(
            "Envoys trade barbs;\nBoth sides say the other broke the truce.\n\nThe talks ended.\n",
        );
        assert_eq!(a.title.as_deref(), Some("Envoys trade barbs"));
        assert_eq!(
            a.body,
            "Both sides say the other broke the truce.\n\nThe talks ended."
        );
        let a = parse("Envoys said this:\nthe talks ended.\nThen they left.\n");
        assert_eq!(a.title, None);
    }

    #[test]
    fn single_line_file_is_body() {
        let a = parse("Only one line here");
        assert_eq!(a.title, None);
        assert_eq!(a.body, "Only one line here");
    }

    #[test]
    fn date_line_shapes() {
        for line in [
            "December 15, 2018",
            "15 Dec 2018",
            "2018-07-06",
            "Friday, July 6, 2018",
        ] {
            assert!(is_date_line(line), "{line}");
        }
        for line in ["In December 2018 talks", "2018 was a year"] {
            assert!(!is_date_line(line), "{line}");
        }
    }
}
