//! JSON Lines (`.jsonl`, `.ndjson`): one article object a line, streamed one line at a time so
//! that a file of any size is read in small memory (a line, plus an 8-byte hash a record for
//! the repeated-id check). A bad line is reported with its number and skipped; a line longer
//! than [`MAX_LINE_BYTES`] is skipped without being held in memory.
//!
//! Records are named `file#<id>`, or `file#L<line>` without an `id` (see [`object::Names`]).

use std::io::{self, BufRead, Read};

use serde_json::Value;

use super::decode::{Encoding, decode, has_utf16_bom, looks_binary};
use super::object::{self, Names};
use super::{BINARY_SAMPLE_BYTES, Record};

/// The longest line read; a longer one is a bad record.
pub const MAX_LINE_BYTES: usize = 64 << 20;

/// Read JSON Lines from `reader`, naming records after `file`.
pub fn parse_lines<R: BufRead>(
    mut reader: R,
    file: &str,
    sink: &mut dyn FnMut(Record),
) -> io::Result<()> {
    let head = reader.fill_buf()?;
    let head = &head[..head.len().min(BINARY_SAMPLE_BYTES)];
    if has_utf16_bom(head) {
        sink(Record::Bad {
            line: None,
            reason: "UTF-16 JSON Lines are not read; convert the file to UTF-8".into(),
        });
        return Ok(());
    }
    if looks_binary(head) {
        sink(Record::Bad {
            line: None,
            reason: "binary file".into(),
        });
        return Ok(());
    }
    let mut names = Names::new(file);
    let mut buf = Vec::new();
    let mut line_no = 0;
    let mut records = 0usize;
    let mut latin1 = LineCount::default();
    let result = loop {
        buf.clear();
        let read = match read_line_capped(&mut reader, &mut buf, MAX_LINE_BYTES) {
            Ok(read) => read,
            Err(e) => break Err(e),
        };
        line_no += 1;
        match read {
            LineRead::Eof => break Ok(()),
            LineRead::TooLong => {
                records += 1;
                sink(Record::Bad {
                    line: Some(line_no),
                    reason: format!("line longer than {} MiB", MAX_LINE_BYTES >> 20),
                });
                continue;
            }
            LineRead::Line => {}
        }
        let (line, encoding) = decode(&buf);
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        records += 1;
        if encoding == Encoding::Latin1 {
            latin1.add(line_no);
        }
        record(line, line_no, &mut names, sink);
    };
    if let Some(first) = latin1.first {
        sink(Record::Warning {
            reason: format!(
                "{} line{} not valid UTF-8 (first: line {first}), read as Latin-1",
                latin1.count,
                if latin1.count == 1 { "" } else { "s" }
            ),
        });
    }
    if result.is_ok() && records == 0 {
        sink(Record::Bad {
            line: None,
            reason: "no records: the file is empty".into(),
        });
    }
    result
}

/// One line to an article or a bad record.
fn record(line: &str, line_no: usize, names: &mut Names, sink: &mut dyn FnMut(Record)) {
    let bad = |reason| Record::Bad {
        line: Some(line_no),
        reason,
    };
    match serde_json::from_str::<Value>(line) {
        Ok(Value::Object(obj)) => match object::article_from_object(&obj) {
            Ok(found) => names.emit(found, &format!("L{line_no}"), sink),
            Err(reason) => sink(bad(reason)),
        },
        Ok(_) => sink(bad("not a JSON object".into())),
        Err(e) => sink(bad(format!("invalid JSON: {e}"))),
    }
}

#[derive(Debug, Default)]
struct LineCount {
    first: Option<usize>,
    count: usize,
}

impl LineCount {
    fn add(&mut self, line: usize) {
        self.first.get_or_insert(line);
        self.count += 1;
    }
}

#[derive(Debug, PartialEq, Eq)]
enum LineRead {
    Line,
    TooLong,
    Eof,
}

/// Read one line (without holding more than `cap` bytes of it) into `buf`, which is empty.
///
/// The standard `read_until` and `skip_until` find the line break with a fast byte search,
/// where a loop over the bytes would look at each one.
fn read_line_capped<R: BufRead>(
    reader: &mut R,
    buf: &mut Vec<u8>,
    cap: usize,
) -> io::Result<LineRead> {
    // One byte past the cap at most: enough to tell that a line is over it.
    let limit = u64::try_from(cap).map_or(u64::MAX, |c| c.saturating_add(1));
    if reader.by_ref().take(limit).read_until(b'\n', buf)? == 0 {
        return Ok(LineRead::Eof);
    }
    if buf.len() <= cap {
        return Ok(LineRead::Line);
    }
    // Too long: drop what was read and skip the rest of the line.
    let ended = buf.last() == Some(&b'\n');
    buf.clear();
    if !ended {
        reader.skip_until(b'\n')?;
    }
    Ok(LineRead::TooLong)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::testing::Collected;

    fn read(bytes: &[u8]) -> Collected {
        Collected::from(|sink| parse_lines(bytes, "wires.jsonl", sink).unwrap())
    }

    #[test]
    fn good_and_bad_lines() {
        let input = concat!(
            "{\"id\": \"1\", \"title\": \"T\", \"body\": \"Seoul agreed.\"}\n",
            "\n",
            "[1, 2]\n",
            "{\"id\": \"3\", \"body\": 42}\n",
            "{\"id\": \"4\", \"body\": \"truncat\n",
            "{\"body\": \"No id here.\"}\r\n",
            "{\"id\": \"1\", \"body\": \"Same id again.\"}",
        );
        let c = read(input.as_bytes());
        assert_eq!(
            c.names(),
            ["wires.jsonl#1", "wires.jsonl#L6", "wires.jsonl#1@L7"]
        );
        let Collected { bad, warnings, .. } = c;
        assert_eq!(bad[0], (Some(3), "not a JSON object".to_string()));
        assert_eq!(
            bad[1],
            (Some(4), "`body` is a number, not a string".to_string())
        );
        assert_eq!(bad[2].0, Some(5));
        assert!(
            bad[2].1.starts_with("invalid JSON: EOF while parsing"),
            "{}",
            bad[2].1
        );
        assert_eq!(bad.len(), 3);
        assert_eq!(
            warnings,
            ["id `1` repeats an earlier record's; named wires.jsonl#1@L7"]
        );
    }

    #[test]
    fn latin1_lines_give_one_warning() {
        let input = b"{\"body\": \"caf\xe9\"}\n{\"body\": \"ok\"}\n{\"body\": \"\xa3 5\"}\n";
        let Collected {
            articles,
            bad,
            warnings,
        } = read(input);
        assert!(bad.is_empty());
        assert_eq!(articles[0].body, "café");
        assert_eq!(articles[2].body, "£ 5");
        assert_eq!(
            warnings,
            ["2 lines not valid UTF-8 (first: line 1), read as Latin-1"]
        );
    }

    #[test]
    fn empty_and_binary_files_are_bad_records() {
        for (input, reason) in [
            (&b""[..], "no records: the file is empty"),
            (b"\n \n\n", "no records: the file is empty"),
            (b"\x00\x01\x02\x03{}\x00\x00", "binary file"),
            (
                b"\xff\xfe{\x00}\x00",
                "UTF-16 JSON Lines are not read; convert the file to UTF-8",
            ),
        ] {
            let c = read(input);
            assert!(c.articles.is_empty());
            assert_eq!(c.bad, [(None, reason.to_string())], "{input:?}");
        }
    }

    /// Every line of `input` as `read_line_capped` reads it with a cap of 10 bytes.
    fn capped_reads<R: BufRead>(mut input: R) -> Vec<(LineRead, String)> {
        let mut buf = Vec::new();
        let mut reads = Vec::new();
        loop {
            buf.clear();
            let r = read_line_capped(&mut input, &mut buf, 10).unwrap();
            if r == LineRead::Eof {
                return reads;
            }
            reads.push((r, String::from_utf8_lossy(&buf).into_owned()));
        }
    }

    #[test]
    fn capped_line_reading() {
        let input: &[u8] = b"short\nthis line is long\nend";
        assert_eq!(
            capped_reads(input),
            [
                (LineRead::Line, "short\n".to_string()),
                (LineRead::TooLong, String::new()),
                (LineRead::Line, "end".to_string()),
            ]
        );
    }

    #[test]
    fn capped_line_reading_at_the_cap_and_across_buffer_refills() {
        // With its break, a line of 10 bytes fits a cap of 10 and one of 11 does not.
        let text: &[u8] = b"123456789\n1234567890\n12345\n1234567890123";
        for capacity in [1, 3, 64] {
            let input = io::BufReader::with_capacity(capacity, text);
            assert_eq!(
                capped_reads(input),
                [
                    (LineRead::Line, "123456789\n".to_string()),
                    (LineRead::TooLong, String::new()),
                    (LineRead::Line, "12345\n".to_string()),
                    (LineRead::TooLong, String::new()),
                ],
                "buffer of {capacity}"
            );
        }
    }
}
