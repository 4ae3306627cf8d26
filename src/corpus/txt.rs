//! Plain-text articles: an optional header (headline, date line, URL line), then the body.
//!
//! The corpora newsdex is built for write the header in a few ways: BBC and PolNeAR put the
//! headline on the first line and a blank line after it; People's Daily puts the headline, a
//! date line and a URL line, then a blank line. A first line that reads like the opening
//! sentence of the story is body, and no title is invented for it.

use std::sync::LazyLock;

use regex::Regex;

use super::{Article, ReadError, Record, SourceFile, decode::decode};

/// Headlines longer than this are taken for a first paragraph unless a blank line follows.
const MAX_HEADLINE_CHARS: usize = 150;
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

pub fn read(file: &SourceFile, sink: &mut dyn FnMut(Record)) -> Result<(), ReadError> {
    let bytes = std::fs::read(&file.disk_path).map_err(|source| ReadError::Io {
        path: file.disk_path.clone(),
        source,
    })?;
    let (text, latin1) = decode(&bytes);
    if latin1 {
        sink(Record::Warning {
            reason: "not valid UTF-8, read as Latin-1".into(),
        });
    }
    let mut article = parse(&text);
    article.path = file.name.clone();
    if article.body.is_empty() && article.title.is_none() {
        sink(Record::Bad {
            line: None,
            reason: "no text".into(),
        });
    } else {
        sink(Record::Article(Box::new(article)));
    }
    Ok(())
}

/// Split a text file into header fields and body.
pub fn parse(text: &str) -> Article {
    let mut article = Article::default();
    let lines: Vec<(usize, &str)> = line_starts(text).take(HEADER_LINES + 1).collect();
    let mut i = lines
        .iter()
        .take_while(|(_, l)| l.trim().is_empty())
        .count();

    if let Some(&(_, first)) = lines.get(i) {
        let first = first.trim();
        let next = lines.get(i + 1).map(|(_, l)| l.trim());
        let is_meta = |l: &str| is_date_line(l) || is_url_line(l);
        let next_is_break = next.is_none_or(|n| n.is_empty() || is_meta(n));
        let reads_like_headline = first.chars().count() <= MAX_HEADLINE_CHARS
            && !first.ends_with(['.', '!', '?', ',', ';', ':', '"', '\u{201d}']);
        if !is_meta(first) && (next_is_break || reads_like_headline) && next.is_some() {
            article.title = Some(first.to_string());
            i += 1;
        }
    }
    while let Some(&(_, line)) = lines.get(i) {
        let line = line.trim();
        if article.date.is_none() && is_date_line(line) {
            article.date = Some(line.to_string());
        } else if article.url.is_none() && is_url_line(line) {
            article.url = Some(line.to_string());
        } else {
            break;
        }
        i += 1;
    }
    let body_start = lines.get(i).map_or(text.len(), |&(start, _)| start);
    article.body = text[body_start..].trim().to_string();
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

fn is_date_line(line: &str) -> bool {
    line.len() <= 40 && DATE_LINE.is_match(line)
}

fn is_url_line(line: &str) -> bool {
    (line.starts_with("http://") || line.starts_with("https://")) && !line.contains(' ')
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
        assert_eq!(a.body, text.trim());
    }

    #[test]
    fn short_unpunctuated_first_line_is_a_headline_without_blank_line() {
        let a = parse("Trade talks stall\nNegotiators left Geneva without a deal.\n");
        assert_eq!(a.title.as_deref(), Some("Trade talks stall"));
        assert_eq!(a.body, "Negotiators left Geneva without a deal.");
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
