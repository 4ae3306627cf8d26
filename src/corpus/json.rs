//! JSON files (`.json`): one article object, or an array of them.
//!
//! - One object is the file's one article, named by the file's name alone (no `#`).
//! - An array's records are named as JSON Lines records are: `file#<id>`, or `file#<n>` with
//!   `n` the record's place in the array counting from 1 when it has no `id` (a JSON array has
//!   no lines to number). A bad record is reported as `record <n>` and skipped.
//! - An object with no body key whose value under some key is an array of objects (a feed:
//!   `{"status": "ok", "articles": [...]}`) is read as that array.
//!
//! Array elements are handed on one at a time as they are parsed, so a large array is never
//! held as one tree; truncated JSON keeps the records before the break and reports the rest
//! as one bad record with the line and column.

use std::fmt;

use serde::Deserializer as _;
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::Record;
use super::object::{self, Names};

/// Read the text of one `.json` file named `file`.
pub fn parse(text: &str, file: &str, sink: &mut dyn FnMut(Record)) {
    let mut de = serde_json::Deserializer::from_str(text);
    let mut state = State {
        names: Names::new(file),
        file,
        records: 0,
        sink,
    };
    let top = de
        .deserialize_any(TopVisitor(&mut state))
        .and_then(|top| de.end().map(|()| top));
    match top {
        Ok(Top::Array) if state.records == 0 => state.bad("no records: the array is empty".into()),
        Ok(Top::Array) => {}
        Ok(Top::Object(obj)) => state.object(obj),
        Ok(Top::Scalar(what)) => state.bad(format!("{what}, not an article object or array")),
        Err(e) if state.records > 0 => state.bad(format!(
            "invalid JSON after record {}: {e}; the records after it are lost",
            state.records
        )),
        Err(e) if e.is_eof() && text.trim().is_empty() => state.bad("empty file".into()),
        Err(e) => state.bad(format!("invalid JSON: {e}")),
    }
}

struct State<'a, 's> {
    names: Names<'a>,
    file: &'a str,
    /// Array elements seen so far.
    records: usize,
    sink: &'s mut dyn FnMut(Record),
}

impl State<'_, '_> {
    fn bad(&mut self, reason: String) {
        (self.sink)(Record::Bad { line: None, reason });
    }

    /// The `n`th element of an array.
    fn element(&mut self, value: Value) {
        self.records += 1;
        let n = self.records;
        match value {
            Value::Object(obj) => match object::article_from_object(&obj) {
                Ok(found) => self.names.emit(found, &n.to_string(), self.sink),
                Err(reason) => self.bad(format!("record {n}: {reason}")),
            },
            _ => self.bad(format!("record {n}: not a JSON object")),
        }
    }

    /// A top-level object: one article, or a feed wrapping an array of them.
    fn object(&mut self, mut obj: Map<String, Value>) {
        if !object::has_body(&obj) {
            let feed = obj
                .iter()
                .find(|(_, v)| {
                    matches!(v, Value::Array(items) if items.first().is_some_and(Value::is_object))
                })
                .map(|(k, _)| k.clone());
            if let Some(Value::Array(items)) = feed.and_then(|k| obj.remove(&k)) {
                for item in items {
                    self.element(item);
                }
                return;
            }
        }
        match object::article_from_object(&obj) {
            Ok(found) => {
                let mut article = found.article;
                article.path = self.file.to_string();
                (self.sink)(Record::Article(Box::new(article)));
            }
            Err(reason) => self.bad(reason),
        }
    }
}

/// What the top of the file was.
enum Top {
    Array,
    Object(Map<String, Value>),
    Scalar(&'static str),
}

struct TopVisitor<'x, 'a, 's>(&'x mut State<'a, 's>);

impl<'de> Visitor<'de> for TopVisitor<'_, '_, '_> {
    type Value = Top;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an article object or an array of them")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Top, A::Error> {
        while let Some(value) = seq.next_element::<Value>()? {
            self.0.element(value);
        }
        Ok(Top::Array)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Top, A::Error> {
        let obj = de::Deserialize::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Ok(Top::Object(obj))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Top, E> {
        Ok(Top::Scalar("a boolean"))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Top, E> {
        Ok(Top::Scalar("a number"))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Top, E> {
        Ok(Top::Scalar("a number"))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Top, E> {
        Ok(Top::Scalar("a number"))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Top, E> {
        Ok(Top::Scalar("a string"))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Top, E> {
        Ok(Top::Scalar("null"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::testing::Collected;

    fn read(text: &str) -> Collected {
        let c = Collected::from(|sink| parse(text, "feed.json", sink));
        assert!(c.bad.iter().all(|(line, _)| line.is_none()));
        c
    }

    #[test]
    fn one_object_is_the_file_itself() {
        let c = read(r#"{"id": "x1", "title": "T", "body": "Text."}"#);
        assert_eq!(c.names(), ["feed.json"]);
        assert!(c.bad.is_empty());
    }

    #[test]
    fn array_records_are_named_by_id_or_place() {
        let c = read(
            r#"[{"id": "a", "body": "One."}, {"body": "Two."}, 5, {"body": 1}, {"id": "a", "body": "Again."}]"#,
        );
        assert_eq!(c.names(), ["feed.json#a", "feed.json#2", "feed.json#a@5"]);
        assert_eq!(
            c.reasons(),
            [
                "record 3: not a JSON object",
                "record 4: `body` is a number, not a string"
            ]
        );
        assert_eq!(c.warnings.len(), 1);
    }

    #[test]
    fn feed_wrapper_is_read_as_its_array() {
        let c = read(
            r#"{"status": "ok", "total": 2, "articles": [{"title": "A", "content": "x"}, {"title": "B", "content": "y"}]}"#,
        );
        assert_eq!(c.names(), ["feed.json#1", "feed.json#2"]);
        assert!(c.bad.is_empty());
    }

    #[test]
    fn truncated_json_keeps_the_records_before_the_break() {
        let c = read("[{\"body\": \"One.\"},\n {\"body\": \"Tw");
        assert_eq!(c.names(), ["feed.json#1"]);
        let bad = c.reasons();
        assert_eq!(bad.len(), 1);
        assert!(
            bad[0].starts_with("invalid JSON after record 1: EOF while parsing a string at line 2"),
            "{}",
            bad[0]
        );
    }

    #[test]
    fn files_without_articles_are_bad_records() {
        for (text, reason) in [
            ("", "empty file"),
            ("  \n", "empty file"),
            ("[]", "no records: the array is empty"),
            ("42", "a number, not an article object or array"),
            ("null", "null, not an article object or array"),
            ("{\"status\": \"ok\"}", "no `body`, `text` or `content` key"),
            (
                "{\"body\": \"x\"} trailing",
                "invalid JSON: trailing characters at line 1 column 15",
            ),
            (
                "{\"body\": ",
                "invalid JSON: EOF while parsing a value at line 1 column 9",
            ),
        ] {
            let c = read(text);
            assert!(c.articles.is_empty(), "{text}");
            assert_eq!(c.reasons(), [reason], "{text}");
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let c = read(&text);
        assert!(c.articles.is_empty());
        assert_eq!(c.bad.len(), 1);
    }
}
