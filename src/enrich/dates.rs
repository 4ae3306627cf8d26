//! The published date of an article: from its metadata, else from a dateline or a date line at
//! the head of the body, else from an ISO date in its file or folder name
//! (`nyt_2016-09-28_what-mexico.txt`, `2025-06-10/us-steel.txt`). Never from a file's
//! modification time, and never with an invented year: "TOKYO, March 3 -" gives a date only
//! when the article states the year elsewhere in its header.
//!
//! Takes an [`Article`] and gives a [`jiff::civil::Date`]. Shapes read: RFC 3339 and ISO 8601
//! (`1987-02-26T15:01:01Z`, `2018-07-06`), `2018/07/06`, `December 15, 2018`,
//! `Friday, July 6, 2018`, `15 Dec 2018`, and datelines such as `BEIJING, Dec. 15 (Xinhua)`.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use crate::corpus::Article;

/// How far into the body a date line or a dateline may stand.
const HEAD_BYTES: usize = 300;

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{4})[-/](\d{1,2})[-/](\d{1,2})\b")
        .unwrap_or_else(|e| panic!("ISO date pattern: {e}"))
});

static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b{MONTH}\.?[ \t]+(\d{{1,2}})(?:st|nd|rd|th)?,?[ \t]+(\d{{4}})\b"
    ))
    .unwrap_or_else(|e| panic!("month-day-year pattern: {e}"))
});

static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?[ \t]+{MONTH}\.?,?[ \t]+(\d{{4}})\b"
    ))
    .unwrap_or_else(|e| panic!("day-month-year pattern: {e}"))
});

/// A dateline without a year: "TOKYO, March 3 -", "BEIJING, Dec. 15 (Xinhua) --".
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^[A-Z][A-Za-z .'-]{{1,40}},\s+{MONTH}\.?\s*(\d{{1,2}})\b"
    ))
    .unwrap_or_else(|e| panic!("dateline pattern: {e}"))
});

/// The place that opens a dateline: "BEIJING, ", "Kuala Lumpur, ".
static DATELINE_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Z][A-Za-z .'-]{1,40},\s+")
        .unwrap_or_else(|e| panic!("dateline place pattern: {e}"))
});

const MONTH: &str = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

/// The article's published date, if its metadata or header states one, or else its path.
pub fn published(article: &Article) -> Option<Date> {
    stated(article).or_else(|| in_path(&article.path))
}

/// A date in the article's name: the last path component holding a whole ISO date
/// (`YYYY-MM-DD`, or with `_` or `.` between the parts), file name first. The digits must stand
/// apart from other digits, so an id such as `120160928` is no date.
fn in_path(path: &str) -> Option<Date> {
    static PATH_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^0-9])((?:1[89]|2[01])\d\d)([-_.])(\d\d)([-_.])(\d\d)(?:[^0-9]|$)")
            .unwrap_or_else(|e| panic!("path date pattern: {e}"))
    });
    // The record part ("#12") of a multi-article file is no part of the file's name.
    let file = path.split('#').next().unwrap_or(path);
    file.rsplit(['/', '\\']).find_map(|part| {
        PATH_DATE.captures_iter(part).find_map(|c| {
            // One separator throughout: "2016-09_28" is not a date.
            (c[2] == c[4]).then(|| ymd(&c[1], &c[3], &c[5])).flatten()
        })
    })
}

/// The date the article's metadata or header states.
fn stated(article: &Article) -> Option<Date> {
    if let Some(date) = article.date.as_deref().and_then(parse) {
        return Some(date);
    }
    let head = head(&article.body);
    // A full date in the dateline, on a date line opening the body, or in a dateline opening
    // the body ("BEIJING, Dec. 15, 2018 (Xinhua) --"); not a date anywhere in the story.
    if let Some(date) = article.dateline.as_deref().and_then(parse) {
        return Some(date);
    }
    let first_line = head.lines().next().unwrap_or("").trim();
    if first_line.len() <= 40
        && let Some(date) = parse(first_line)
    {
        return Some(date);
    }
    if let Some(m) = DATELINE_PLACE.find(head)
        && let Some(date) = parse(cut(&head[m.end()..], 40))
    {
        return Some(date);
    }
    // A dateline gives month and day; the year must come from the header itself.
    let year = article
        .date
        .as_deref()
        .or(article.dateline.as_deref())
        .and_then(year_in)?;
    let dateline = article.dateline.as_deref().unwrap_or(head);
    let caps = DATELINE.captures(dateline.trim_start())?;
    let month = month_number(caps.get(1)?.as_str())?;
    let day: i8 = caps.get(2)?.as_str().parse().ok()?;
    Date::new(year, month, day).ok()
}

/// The first few hundred bytes of the body, cut at a character boundary.
fn head(body: &str) -> &str {
    cut(body, HEAD_BYTES)
}

/// At most `max` bytes of `text`, cut at a character boundary.
fn cut(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The first full date in `text`, in any of the shapes this module reads.
fn parse(text: &str) -> Option<Date> {
    let text = text.trim();
    if let Ok(ts) = text.parse::<jiff::Timestamp>() {
        return Some(ts.to_zoned(jiff::tz::TimeZone::UTC).date());
    }
    if let Ok(date) = text.parse::<Date>() {
        return Some(date);
    }
    let mut best: Option<(usize, Date)> = None;
    let mut consider = |at: usize, date: Option<Date>| {
        if let Some(date) = date
            && best.is_none_or(|(b, _)| at < b)
        {
            best = Some((at, date));
        }
    };
    if let Some(c) = ISO.captures(text) {
        let at = c.get(0).map_or(0, |m| m.start());
        consider(at, ymd(&c[1], &c[2], &c[3]));
    }
    if let Some(c) = MONTH_DAY_YEAR.captures(text) {
        let at = c.get(0).map_or(0, |m| m.start());
        consider(
            at,
            month_number(&c[1]).and_then(|m| ymd(&c[3], &m.to_string(), &c[2])),
        );
    }
    if let Some(c) = DAY_MONTH_YEAR.captures(text) {
        let at = c.get(0).map_or(0, |m| m.start());
        consider(
            at,
            month_number(&c[2]).and_then(|m| ymd(&c[3], &m.to_string(), &c[1])),
        );
    }
    best.map(|(_, d)| d)
}

fn ymd(year: &str, month: &str, day: &str) -> Option<Date> {
    Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?).ok()
}

/// A four-digit year from 1800 to 2199 in `text`.
fn year_in(text: &str) -> Option<i16> {
    static YEAR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(1[89]\d\d|2[01]\d\d)\b").unwrap_or_else(|e| panic!("year pattern: {e}"))
    });
    YEAR.captures(text)?.get(1)?.as_str().parse().ok()
}

fn month_number(name: &str) -> Option<i8> {
    let name = name.to_ascii_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months
        .iter()
        .position(|m| name.starts_with(m))
        .and_then(|i| i8::try_from(i + 1).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(article: Article) -> Option<String> {
        published(&article).map(|d| d.to_string())
    }

    fn with_date(date: &str) -> Article {
        Article {
            date: Some(date.to_string()),
            ..Article::default()
        }
    }

    #[test]
    fn metadata_dates_in_every_shape() {
        for (raw, want) in [
            ("1987-02-26T15:01:01Z", "1987-02-26"),
            ("2018-07-06T23:30:00-04:00", "2018-07-07"),
            ("2018-07-06", "2018-07-06"),
            ("2018/7/6", "2018-07-06"),
            ("December 15, 2018", "2018-12-15"),
            ("Friday, July 6, 2018", "2018-07-06"),
            ("15 Dec 2018", "2018-12-15"),
            ("Sept. 3, 2017", "2017-09-03"),
        ] {
            assert_eq!(date(with_date(raw)).as_deref(), Some(want), "{raw}");
        }
    }

    #[test]
    fn no_metadata_falls_back_to_the_head_of_the_body() {
        let a = Article {
            body: "BEIJING, Dec. 15, 2018 (Xinhua) -- China said on Saturday.".into(),
            ..Article::default()
        };
        assert_eq!(date(a).as_deref(), Some("2018-12-15"));
    }

    #[test]
    fn a_dateline_without_a_year_gives_nothing_unless_the_header_has_one() {
        let a = Article {
            dateline: Some("TOKYO, March 3 -".into()),
            body: "The yen rose.".into(),
            ..Article::default()
        };
        assert_eq!(date(a), None);
        let a = Article {
            body: "TOKYO, March 3 - The yen rose in 1987.".into(),
            ..Article::default()
        };
        assert_eq!(
            date(a),
            None,
            "a year in the story is not the article's year"
        );
    }

    #[test]
    fn a_date_inside_the_story_is_not_the_published_date() {
        let a = Article {
            body: "Shares fell. The deal was signed on 15 December 2004 in London.".into(),
            ..Article::default()
        };
        assert_eq!(date(a), None);
        let a = Article {
            body: "December 15, 2018\nThe deal was signed.".into(),
            ..Article::default()
        };
        assert_eq!(date(a).as_deref(), Some("2018-12-15"));
    }

    #[test]
    fn a_day_and_month_do_not_borrow_a_time_from_the_next_line() {
        let a = Article {
            body: "Stade de France, Paris\n\nSaturday, 26 February\n\n1600 GMT\n".into(),
            ..Article::default()
        };
        assert_eq!(date(a), None);
    }

    fn at(path: &str) -> Article {
        Article {
            path: path.into(),
            body: "The talks resumed.".into(),
            ..Article::default()
        }
    }

    #[test]
    fn an_iso_date_in_the_file_or_folder_name_dates_the_article() {
        for (path, want) in [
            (
                "polnear/dev/nyt_2016-09-28_what-mexico-could-do.txt",
                Some("2016-09-28"),
            ),
            ("steel/2025-06-10-us-steel.txt", Some("2025-06-10")),
            ("wires/2018_07_06/china-reply.txt", Some("2018-07-06")),
            ("2018-07-06/2019-01-02-follow-up.md", Some("2019-01-02")),
            ("feeds/2018-07-06.jsonl#12", Some("2018-07-06")),
            // Not dates: a day that does not exist, digits run on, mixed separators, no day.
            ("a/2018-02-30-story.txt", None),
            ("a/id120160928.txt", None),
            ("a/x2016-09-281.txt", None),
            ("a/2016-09_28.txt", None),
            ("bbc/business/2016-09.txt", None),
            ("bbc/business/123.txt", None),
            ("feeds/news.jsonl#2018-07-06", None),
        ] {
            assert_eq!(date(at(path)).as_deref(), want, "{path}");
        }
    }

    #[test]
    fn a_date_the_article_states_wins_over_its_path() {
        let a = Article {
            date: Some("2016-09-30".into()),
            ..at("polnear/nyt_2016-09-28_story.txt")
        };
        assert_eq!(date(a).as_deref(), Some("2016-09-30"));
    }

    #[test]
    fn no_date_at_all() {
        let a = Article {
            title: Some("Ad sales boost Time Warner profit".into()),
            body: "Quarterly profits jumped 76% in 2004.".into(),
            ..Article::default()
        };
        assert_eq!(date(a), None);
        assert_eq!(date(with_date("sometime soon")), None);
        assert_eq!(date(with_date("February 30, 2018")), None);
    }
}
