//! Reading brat standoff annotations (the PolNeAR format) into source, cue and content spans.
//!
//! Only the `T` lines with the labels [`Role`] names are read; relations (`E` lines), notes and
//! the other labels (`Discuss`, `Discard`, `Attribution`) are not needed to learn the tags,
//! because each token has at most one role in at most one attribution.

use std::ops::Range;

/// The role of a span in an attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Source,
    Cue,
    Content,
}

/// One annotated span: its role and its pieces, as byte ranges of the article text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub role: Role,
    pub pieces: Vec<Range<usize>>,
}

/// A line of an annotation file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {reason}")]
pub struct BratError {
    pub line: usize,
    pub reason: &'static str,
}

/// The source, cue and content spans of `ann`, an annotation of `text` whose offsets count
/// characters; they are turned into byte offsets of `text`.
pub fn parse(ann: &str, text: &str) -> Result<Vec<Span>, BratError> {
    // Byte offset of each character, plus the end.
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let mut out = Vec::new();
    for (n, line) in ann.lines().enumerate() {
        let err = |reason| BratError {
            line: n + 1,
            reason,
        };
        // A span's text may run over several lines; only a `T<n><TAB>` line starts a span.
        let mut fields = line.split('\t');
        let id = fields.next().unwrap_or_default();
        let is_span_id =
            id.len() > 1 && id.starts_with('T') && id[1..].bytes().all(|b| b.is_ascii_digit());
        if !is_span_id {
            continue;
        }
        let Some(head) = fields.next() else {
            return Err(err("a span line without a label and offsets"));
        };
        let (label, offsets) = head.split_once(' ').ok_or(err("a span without offsets"))?;
        let role = match label {
            "Source" => Role::Source,
            "Cue" => Role::Cue,
            "Content" => Role::Content,
            _ => continue,
        };
        let mut pieces = Vec::new();
        for piece in offsets.split(';') {
            let (a, b) = piece
                .trim()
                .split_once(' ')
                .ok_or(err("a span piece is not two offsets"))?;
            let a: usize = a.parse().map_err(|_| err("an offset is not a number"))?;
            let b: usize = b.parse().map_err(|_| err("an offset is not a number"))?;
            if a > b || b >= bytes.len() {
                return Err(err("an offset lies outside the text"));
            }
            pieces.push(bytes[a]..bytes[b]);
        }
        out.push(Span { role, pieces });
    }
    Ok(out)
}
