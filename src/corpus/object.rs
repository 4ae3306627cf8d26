//! One JSON object to one [`Article`], shared by the `.json` and JSON Lines readers, and the
//! names of the records of a multi-article file.
//!
//! Keys, in order of preference (the first one present and not `null` is used):
//! `id`; `title`, `headline`; `body`, `text`, `content`, `articleBody`;
//! `date`, `published`, `published_at`, `publishedAt`, `datePublished`; `url`, `link`;
//! `source`, `publisher`; `author`, `authors`, `byline`; `dateline`.
//! A body may be a string or an array of strings (one a paragraph); a body holding HTML
//! (`<p>`, `<br>`, `<div>` tags) is reduced to its paragraphs. Any other body type refuses the
//! record with the key and type named. `source` and `author` may be objects with a `name`,
//! or arrays of either.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;
use serde_json::{Map, Value};

use super::text::{Paragraphs, field, paragraphs};
use super::{Article, Record, html};

const ID_KEYS: &[&str] = &["id"];
const TITLE_KEYS: &[&str] = &["title", "headline"];
const BODY_KEYS: &[&str] = &["body", "text", "content", "articleBody"];
const DATE_KEYS: &[&str] = &[
    "date",
    "published",
    "published_at",
    "publishedAt",
    "datePublished",
];
const URL_KEYS: &[&str] = &["url", "link"];
const SOURCE_KEYS: &[&str] = &["source", "publisher"];
const AUTHOR_KEYS: &[&str] = &["author", "authors", "byline"];

/// Tags that mark a body string as HTML rather than plain text.
static HTML_BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)<(?:p|br|div)(?:\s[^<>]*)?/?>|</(?:p|div)>")
        .expect("HTML tag pattern is valid")
});

/// An article read from a JSON object, before it is named.
#[derive(Debug)]
pub struct ObjectArticle {
    /// The record's own id (`id` key), if it has one.
    pub id: Option<String>,
    pub article: Article,
}

/// Whether `obj` has a body key that is not `null`: it is an article, not a wrapper.
pub fn has_body(obj: &Map<String, Value>) -> bool {
    first_key(obj, BODY_KEYS).is_some()
}

/// Build an article from one JSON object, or say why it is not one.
pub fn article_from_object(obj: &Map<String, Value>) -> Result<ObjectArticle, String> {
    let body = match first_key(obj, BODY_KEYS) {
        Some((_, Value::String(s))) => body_text(s),
        Some((key, Value::Array(items))) => {
            let mut out = Paragraphs::default();
            for item in items {
                match item {
                    Value::String(s) => out.push_text(&body_text(s)),
                    other => return Err(format!("`{key}` holds {}, not strings", kind(other))),
                }
            }
            out.finish()
        }
        Some((key, other)) => return Err(format!("`{key}` is {}, not a string", kind(other))),
        None if obj.keys().any(|k| BODY_KEYS.contains(&k.as_str())) => {
            return Err("the body is null".into());
        }
        None => return Err("no `body`, `text` or `content` key".into()),
    };
    let id = match first_key(obj, ID_KEYS) {
        Some((_, Value::String(s))) => field(s),
        Some((_, Value::Number(n))) => Some(n.to_string()),
        _ => None,
    };
    let string = |keys: &[&str]| first_key(obj, keys).and_then(|(_, v)| scalar(v));
    let named = |keys: &[&str]| first_key(obj, keys).and_then(|(_, v)| name_of(v));
    let article = Article {
        path: String::new(),
        title: string(TITLE_KEYS),
        date: string(DATE_KEYS),
        dateline: string(&["dateline"]),
        source: named(SOURCE_KEYS),
        url: string(URL_KEYS),
        author: named(AUTHOR_KEYS),
        body,
    };
    if article.body.is_empty() && article.title.is_none() {
        return Err("no text: the body is empty and there is no title".into());
    }
    Ok(ObjectArticle { id, article })
}

/// A body string in the normal paragraph form, reduced to text when it holds HTML.
fn body_text(s: &str) -> String {
    if HTML_BODY.is_match(s) {
        html::fragment_text(s)
    } else {
        paragraphs(s)
    }
}

fn first_key<'a>(obj: &'a Map<String, Value>, keys: &[&'a str]) -> Option<(&'a str, &'a Value)> {
    keys.iter()
        .find_map(|&k| obj.get(k).filter(|v| !v.is_null()).map(|v| (k, v)))
}

/// A string or number as one line of text.
fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => field(s),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A name given as a string, an object with a `name`, or an array of either.
fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::Object(o) => o.get("name").and_then(scalar),
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(name_of).collect();
            Some(names.join(", ")).filter(|n| !n.is_empty())
        }
        other => scalar(other),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Names the records of one multi-article file: `file#<id>`, or `file#<place>` for a record
/// without an id, where the place is `L<line>` in JSON Lines and the 1-based index in a JSON
/// array. A name already given in the file gets `@<place>` added, so no record is lost to a
/// repeated id; only a hash of each name is kept, so memory stays small for any file.
#[derive(Debug)]
pub struct Names<'a> {
    file: &'a str,
    seen: HashSet<u64>,
}

impl<'a> Names<'a> {
    pub fn new(file: &'a str) -> Names<'a> {
        Names {
            file,
            seen: HashSet::new(),
        }
    }

    /// The name of the record with `id` found at `place`, and a warning when the id repeats
    /// an earlier record's.
    pub fn name(&mut self, id: Option<&str>, place: &str) -> (String, Option<String>) {
        let name = format!("{}#{}", self.file, id.unwrap_or(place));
        if self
            .seen
            .insert(xxhash_rust::xxh3::xxh3_64(name.as_bytes()))
        {
            return (name, None);
        }
        let name = format!("{name}@{place}");
        let warning = format!(
            "id `{}` repeats an earlier record's; named {name}",
            id.unwrap_or(place)
        );
        (name, Some(warning))
    }

    /// Name a record found at `place` and hand it to `sink`, after a warning if its id repeats.
    pub fn emit(&mut self, found: ObjectArticle, place: &str, sink: &mut dyn FnMut(Record)) {
        let (name, warning) = self.name(found.id.as_deref(), place);
        if let Some(reason) = warning {
            sink(Record::Warning { reason });
        }
        let mut article = found.article;
        article.path = name;
        sink(Record::Article(Box::new(article)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(json: &str) -> Map<String, Value> {
        match serde_json::from_str(json) {
            Ok(Value::Object(o)) => o,
            other => panic!("not an object: {other:?}"),
        }
    }

    fn read(json: &str) -> Result<ObjectArticle, String> {
        article_from_object(&obj(json))
    }

    #[test]
    fn reuters_shape_reads_every_field() {
        let a = read(
            r#"{"id": "7", "title": "JAPAN CUTS DUTY", "date": "1987-03-03T10:00:00Z",
               "dateline": "TOKYO, March 3 -", "body": "Japan said it\nwould cut duties.\n    The cut is 5 pct.", "source": "Reuters",
               "topics": ["trade"], "places": ["japan"]}"#,
        )
        .unwrap();
        assert_eq!(a.id.as_deref(), Some("7"));
        let a = a.article;
        assert_eq!(a.title.as_deref(), Some("JAPAN CUTS DUTY"));
        assert_eq!(a.date.as_deref(), Some("1987-03-03T10:00:00Z"));
        assert_eq!(a.dateline.as_deref(), Some("TOKYO, March 3 -"));
        assert_eq!(a.source.as_deref(), Some("Reuters"));
        assert_eq!(
            a.body,
            "Japan said it would cut duties.\n\nThe cut is 5 pct."
        );
    }

    #[test]
    fn other_key_spellings() {
        let a = read(
            r#"{"id": 12, "headline": " Rice quota ", "content": "Seoul agreed.",
               "publishedAt": "2025-01-02", "link": "https://example.org/a",
               "source": {"id": null, "name": "Wire Desk"}, "authors": ["A. Writer", {"name": "B. Editor"}]}"#,
        )
        .unwrap();
        assert_eq!(a.id.as_deref(), Some("12"));
        let a = a.article;
        assert_eq!(a.title.as_deref(), Some("Rice quota"));
        assert_eq!(a.body, "Seoul agreed.");
        assert_eq!(a.date.as_deref(), Some("2025-01-02"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(a.source.as_deref(), Some("Wire Desk"));
        assert_eq!(a.author.as_deref(), Some("A. Writer, B. Editor"));
    }

    #[test]
    fn bodies_as_paragraph_arrays_and_html() {
        let a = read(r#"{"text": ["First para.", "  Second\npara. "]}"#).unwrap();
        assert_eq!(a.article.body, "First para.\n\nSecond para.");
        let a = read(
            r#"{"body": "<p>Tariffs rose to <b>25%</b>.</p><p>Beijing &amp; Washington met.</p>"}"#,
        )
        .unwrap();
        assert_eq!(
            a.article.body,
            "Tariffs rose to 25%.\n\nBeijing & Washington met."
        );
        let a = read(r#"{"body": "Rates of 5 <10 pct, said the ministry"}"#).unwrap();
        assert_eq!(a.article.body, "Rates of 5 <10 pct, said the ministry");
    }

    #[test]
    fn a_null_body_falls_back_to_the_next_key() {
        let a = read(r#"{"body": null, "text": "Talks resumed."}"#).unwrap();
        assert_eq!(a.article.body, "Talks resumed.");
    }

    #[test]
    fn bad_records_are_refused_with_a_reason() {
        let cases = [
            (
                r#"{"id": 1, "body": 42}"#,
                "`body` is a number, not a string",
            ),
            (
                r#"{"body": {"html": "x"}}"#,
                "`body` is an object, not a string",
            ),
            (
                r#"{"text": ["ok", 3]}"#,
                "`text` holds a number, not strings",
            ),
            (r#"{"body": null}"#, "the body is null"),
            (r#"{"title": "T"}"#, "no `body`, `text` or `content` key"),
            (
                r#"{"body": "  "}"#,
                "no text: the body is empty and there is no title",
            ),
        ];
        for (json, reason) in cases {
            assert_eq!(read(json).unwrap_err(), reason, "{json}");
        }
    }

    #[test]
    fn title_only_record_is_kept() {
        let a = read(r#"{"title": "FLASH: talks end", "body": ""}"#).unwrap();
        assert_eq!(a.article.title.as_deref(), Some("FLASH: talks end"));
        assert_eq!(a.article.body, "");
    }

    #[test]
    fn names_by_id_or_place_and_repeats_stay_apart() {
        let mut names = Names::new("wires.jsonl");
        assert_eq!(names.name(Some("7"), "L1"), ("wires.jsonl#7".into(), None));
        assert_eq!(names.name(None, "L2"), ("wires.jsonl#L2".into(), None));
        assert_eq!(
            names.name(Some("7"), "L3"),
            (
                "wires.jsonl#7@L3".into(),
                Some("id `7` repeats an earlier record's; named wires.jsonl#7@L3".into())
            )
        );
    }
}
