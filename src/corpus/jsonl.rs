//! JSON Lines (`.jsonl`, `.ndjson`): one article object a line, streamed so that a file of any
//! size is read in constant memory. A bad line is reported with its number and skipped.

use std::fs::File;
use std::io::{BufRead, BufReader};

use serde_json::{Map, Value};

use super::{Article, ReadError, Record, SourceFile, decode::decode};

pub fn read(file: &SourceFile, sink: &mut dyn FnMut(Record)) -> Result<(), ReadError> {
    let io_err = |source| ReadError::Io {
        path: file.disk_path.clone(),
        source,
    };
    let mut reader = BufReader::new(File::open(&file.disk_path).map_err(io_err)?);
    let mut buf = Vec::new();
    let mut line_no = 0;
    loop {
        buf.clear();
        if reader.read_until(b'\n', &mut buf).map_err(io_err)? == 0 {
            return Ok(());
        }
        line_no += 1;
        let (line, latin1) = decode(&buf);
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if latin1 {
            sink(Record::Warning {
                reason: format!("line {line_no}: not valid UTF-8, read as Latin-1"),
            });
        }
        match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(obj)) => match article_from_object(&obj, &file.name, line_no) {
                Ok(article) => sink(Record::Article(Box::new(article))),
                Err(reason) => sink(Record::Bad {
                    line: Some(line_no),
                    reason,
                }),
            },
            Ok(_) => sink(Record::Bad {
                line: Some(line_no),
                reason: "not a JSON object".into(),
            }),
            Err(e) => sink(Record::Bad {
                line: Some(line_no),
                reason: format!("invalid JSON: {e}"),
            }),
        }
    }
}

/// The keys an article object may use for each field, in order of preference.
const TITLE_KEYS: &[&str] = &["title", "headline"];
const BODY_KEYS: &[&str] = &["body", "text", "content"];
const DATE_KEYS: &[&str] = &["date", "published", "published_at"];

/// Build an article from one JSON object; `record` is its line (or index) for unnamed records.
pub fn article_from_object(
    obj: &Map<String, Value>,
    file_name: &str,
    record: usize,
) -> Result<Article, String> {
    let body = match first_key(obj, BODY_KEYS) {
        Some((_, Value::String(s))) => s.trim().to_string(),
        Some((key, other)) => return Err(format!("`{key}` is {}, not a string", kind(other))),
        None => return Err("no `body`, `text` or `content` key".into()),
    };
    let id = match obj.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        _ => format!("L{record}"),
    };
    let string = |keys: &[&str]| match first_key(obj, keys) {
        Some((_, Value::String(s))) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    };
    Ok(Article {
        path: format!("{file_name}#{id}"),
        title: string(TITLE_KEYS),
        date: string(DATE_KEYS),
        dateline: string(&["dateline"]),
        source: string(&["source"]),
        url: string(&["url"]),
        author: string(&["author"]),
        body,
    })
}

fn first_key<'a>(obj: &'a Map<String, Value>, keys: &[&'a str]) -> Option<(&'a str, &'a Value)> {
    keys.iter().find_map(|&k| obj.get(k).map(|v| (k, v)))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(json: &str) -> Map<String, Value> {
        match serde_json::from_str(json) {
            Ok(Value::Object(o)) => o,
            other => panic!("not an object: {other:?}"),
        }
    }

    #[test]
    fn reuters_shape_reads_every_field() {
        let a = article_from_object(
            &obj(
                r#"{"id": "7", "title": "JAPAN CUTS DUTY", "date": "1987-03-03T10:00:00Z",
                   "dateline": "TOKYO, March 3 -", "body": "Japan said...", "source": "Reuters"}"#,
            ),
            "reuters/wires.jsonl",
            7,
        )
        .unwrap();
        assert_eq!(a.path, "reuters/wires.jsonl#7");
        assert_eq!(a.title.as_deref(), Some("JAPAN CUTS DUTY"));
        assert_eq!(a.dateline.as_deref(), Some("TOKYO, March 3 -"));
        assert_eq!(a.source.as_deref(), Some("Reuters"));
    }

    #[test]
    fn record_without_id_is_named_by_line() {
        let a =
            article_from_object(&obj(r#"{"headline": "H", "text": "T"}"#), "a.jsonl", 12).unwrap();
        assert_eq!(a.path, "a.jsonl#L12");
        assert_eq!(a.title.as_deref(), Some("H"));
        assert_eq!(a.body, "T");
    }

    #[test]
    fn numeric_body_is_refused_with_a_reason() {
        let err = article_from_object(&obj(r#"{"id": 1, "body": 42}"#), "a.jsonl", 1).unwrap_err();
        assert_eq!(err, "`body` is a number, not a string");
    }
}
