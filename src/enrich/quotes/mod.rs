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
//! - [`model`]: a learned tagger that adds the attributions the rules miss.

mod attribute;
mod content;
mod cues;
pub(crate) mod lexicon;
mod marks;
pub mod model;
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
pub fn analyse(body: &str) -> Analysis {
    let mut out = Analysis::default();
    for part in parts(body) {
        let doc = Doc::new(&body[part.clone()]);
        let reg = Register::build(&doc);
        for person in people::from_register(&reg) {
            if !out.people.iter().any(|p| p.name == person.name) {
                out.people.push(person);
            }
        }
        if out.attributions.len() >= MAX_QUOTES {
            out.cut = true;
            continue;
        }
        out.attributions
            .extend(attributions_of(&doc, reg).into_iter().map(|mut a| {
                a.shift(part.start);
                a
            }));
    }
    if out.attributions.len() > MAX_QUOTES {
        out.attributions.truncate(MAX_QUOTES);
        out.cut = true;
    }
    out
}

/// Every quote and reported statement in `body`, in order (at most [`MAX_QUOTES`]).
pub fn extract(body: &str) -> Vec<Attribution> {
    analyse(body).attributions
}

/// The most attributions kept of one article. News articles hold tens; a file of hundreds of
/// thousands is a dump or a transcript, and keeping them all would take gigabytes.
pub const MAX_QUOTES: usize = 10_000;

/// What one reading of a body gives.
#[derive(Debug, Default)]
pub struct Analysis {
    /// The attributions in text order, at most [`MAX_QUOTES`].
    pub attributions: Vec<Attribution>,
    /// Every named person, as [`crate::enrich::people::extract`] gives them.
    pub people: Vec<Person>,
    /// More than [`MAX_QUOTES`] attributions were found; the later ones were dropped.
    pub cut: bool,
}

/// The size above which a body is read in parts: the analysis holds several times its text
/// in tokens and tables, and a book-length file should not take gigabytes.
const PART_BYTES: usize = 1 << 20;

/// The parts a body is read in: the whole of an article of ordinary length; for a longer
/// one, pieces of at most [`PART_BYTES`] cut at a paragraph break (else a line break, a
/// sentence end, a space, a character). A quote or a pronoun across a cut is not joined.
fn parts(body: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while body.len() - start > PART_BYTES {
        let mut limit = start + PART_BYTES;
        while !body.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &body[start..limit];
        let cut = ["\n\n", "\n", ". ", " "]
            .iter()
            .find_map(|sep| window.rfind(sep).map(|i| start + i + sep.len()))
            .filter(|&cut| cut > start)
            .unwrap_or(limit);
        out.push(start..cut);
        start = cut;
    }
    out.push(start..body.len());
    out
}

impl Attribution {
    /// Move the offsets of an attribution found in a part starting at byte `by`.
    fn shift(&mut self, by: usize) {
        self.start += by;
        self.end += by;
        for r in &mut self.parts {
            *r = r.start + by..r.end + by;
        }
    }
}

/// The attributions of `doc`, their sources resolved with the people of `reg`.
fn attributions_of(doc: &Doc, reg: Register) -> Vec<Attribution> {
    let body = doc.text;
    let found = model::with_rules(doc, attribute::find(doc));
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
