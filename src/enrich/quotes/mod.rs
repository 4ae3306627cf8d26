//! Quotes and reported speech, with their speakers resolved to full names.
//!
//! Takes an article body and gives its [`Attribution`]s in text order. The work is split by
//! step:
//!
//! - [`text`]: tokens, paragraphs and sentences, by byte offset; every word looked up once in
//!   the word lists of [`lexicon`] (speech verbs, titles, function words, given names, all kept
//!   in `data/`).
//! - [`marks`]: which quote marks open and close quotations, and which are apostrophes.
//! - [`attribute`]: the attribution patterns, direct, indirect and mixed, within and across
//!   sentences; [`cues`] tries one speech verb or cue, [`content`] bounds what was said.
//! - [`source`]: where a source phrase starts and ends, and its name, role and affiliation.
//! - [`names`]: person names and the article's register of people (shared with
//!   [`crate::enrich::people`]).
//! - [`resolve`]: pronouns, surnames, titles and role mentions to full names.

mod attribute;
mod content;
mod cues;
pub(crate) mod lexicon;
mod marks;
pub(crate) mod names;
mod resolve;
mod source;
pub(crate) mod text;

use std::ops::Range;

use super::{Person, QuoteKind, people};
use names::Register;
use resolve::{Resolved, Resolver};
use text::Doc;

/// A quote as the quote extractor finds it; the enrichment stage maps `affiliation` to a
/// country code.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// The quoted words (direct) or the reported clause (indirect, mixed). A quote split by
    /// its attribution (`"Q1," she said. "Q2."`) gives its parts joined by a space.
    pub text: String,
    /// The speaker's full name (or an organisation's or group's name); `None` when the source
    /// cannot be resolved.
    pub speaker: Option<String>,
    /// The role words of the source phrase ("Secretary of State").
    pub role: Option<String>,
    /// The affiliation words of the source phrase ("US", "Chinese"), if any.
    pub affiliation: Option<String>,
    pub kind: QuoteKind,
    /// Byte offsets in the body: from the start of the first part to the end of the last.
    pub start: usize,
    pub end: usize,
    /// Byte ranges of the parts of `text` in the body (one unless the quote was split).
    pub parts: Vec<Range<usize>>,
}

/// Every quote and reported statement in `body`, in order, and every named person (as
/// [`crate::enrich::people::extract`] gives them), from one reading of the text: the body is
/// cut into tokens and its people registered once for both.
pub fn analyse(body: &str) -> (Vec<Attribution>, Vec<Person>) {
    let doc = Doc::new(body);
    let reg = Register::build(&doc);
    let people = people::from_register(&reg);
    (attributions(&doc, reg), people)
}

/// Every quote and reported statement in `body`, in order.
pub fn extract(body: &str) -> Vec<Attribution> {
    let doc = Doc::new(body);
    attributions(&doc, Register::build(&doc))
}

/// The attributions of `doc`, their sources resolved with the people of `reg`.
fn attributions(doc: &Doc, reg: Register) -> Vec<Attribution> {
    let body = doc.text;
    let found = attribute::find(doc);
    if found.is_empty() {
        return Vec::new();
    }
    let mut resolver = Resolver::new(doc, reg);
    let mut resolved: Vec<Resolved> = Vec::with_capacity(found.len());
    for f in &found {
        let r = match (&f.source, f.inherit) {
            (_, Some(k)) if k < resolved.len() => resolved[k].clone(),
            (Some(s), _) => resolver.resolve(s, f.cue),
            _ => Resolved::default(),
        };
        resolver.note(f.cue, &r);
        resolved.push(r);
    }
    let mut out = Vec::with_capacity(found.len());
    for (f, r) in found.iter().zip(resolved) {
        let parts: Vec<Range<usize>> = f
            .parts
            .iter()
            .filter(|p| !p.is_empty())
            .map(|p| {
                trimmed(
                    body,
                    doc.toks[p.start].start as usize..doc.toks[p.end - 1].end as usize,
                )
            })
            .filter(|p| !p.is_empty())
            .collect();
        let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
            continue;
        };
        let text = parts
            .iter()
            .map(|p| &body[p.clone()])
            .collect::<Vec<_>>()
            .join(" ");
        out.push(Attribution {
            start: first.start,
            end: last.end,
            text,
            speaker: r.speaker,
            role: r.role,
            affiliation: r.affiliation,
            kind: f.kind,
            parts,
        });
    }
    out.sort_by_key(|a| a.start);
    out
}

/// `r` without surrounding whitespace.
fn trimmed(body: &str, r: Range<usize>) -> Range<usize> {
    let s = &body[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    r.start + lead..(r.end - trail).max(r.start + lead)
}

#[cfg(test)]
mod tests;
