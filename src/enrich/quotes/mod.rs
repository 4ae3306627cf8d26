//! Quotes and reported speech, with their speakers resolved to full names.
//!
//! Takes an article body, as the shared text layer ([`crate::enrich::text`]) cut it into
//! tokens, paragraphs, quote spans and sentences, and gives its [`Attribution`]s in text order.
//! The rules read that layer under its old names here: `text` is [`crate::enrich::text::doc`]
//! (the `Doc`) and `lexicon` is [`crate::enrich::text::lexicon`] (the word classes and speech
//! verbs every token was looked up in). The work is split by step:
//!
//! - [`attribute`]: the attribution patterns, direct, indirect and mixed, within and across
//!   sentences; [`verb`] tries a speech verb inside a sentence (its source found by
//!   [`subject`]), [`cues`] the other cues ("according to", a dash, a colon, a sentence that
//!   opens with its verb), [`content`] bounds what was said; [`found`] is what they give.
//! - [`source`]: where a source phrase starts and ends, and its name, role and affiliation.
//! - [`names`]: person names and the article's register of people (shared with
//!   [`crate::enrich::people`]).
//! - [`resolve`]: pronouns, surnames, titles and role mentions to full names.
//! - [`speaker_name`]: whether a resolved speaker is a name, and the name inside one that is
//!   not; every speaker passes it.
//! - [`model`]: a learned tagger that adds the attributions the rules miss.

mod attribute;
mod content;
mod cues;
mod found;
mod headline;
pub mod model;
pub(crate) mod names;
mod resolve;
mod source;
pub mod speaker_name;
mod subject;
mod verb;
mod words;

// The quote rules read the shared text layer under the names they have always used.
#[cfg(test)]
use super::text::{PART_BYTES, parts};
pub(crate) use super::text::{doc as text, lexicon};

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
    /// The cue as written ("said", "does not believe", "according to"); a quote that
    /// continues an earlier one's source has that one's cue. `None` for a dash attribution.
    pub cue: Option<String>,
    /// The cue is negated ("does not believe", "never said"): the speaker did not assert
    /// the words.
    pub negated: bool,
    /// Byte range of the source phrase in the body (for a continued quote, the phrase of
    /// the quote it continues).
    pub speaker_span: Option<Range<usize>>,
}

/// Every quote and reported statement in `body`, in order, and every named person (as
/// [`crate::enrich::people::extract`] gives them), from one reading of the text: the body is
/// cut into tokens and its people registered once for both.
pub fn analyse(body: &str) -> Analysis {
    let mut out = Analysis::default();
    for part in super::text::parts(body) {
        out.read(&Doc::new(&body[part.clone()]), part.start);
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
    /// The statements of the article's headline, with offsets into the headline (see
    /// [`Analysis::read_title`]).
    pub title: Vec<Attribution>,
}

impl Analysis {
    /// Add the quotes and people of `doc`, the part of the body that starts at byte `offset`
    /// (parts come in order; see [`crate::enrich::text::parts`]).
    pub(crate) fn read(&mut self, doc: &Doc, offset: usize) {
        let reg = Register::build(doc);
        for person in people::from_register(&reg) {
            if !self.people.iter().any(|p| p.name == person.name) {
                self.people.push(person);
            }
        }
        if self.attributions.len() >= MAX_QUOTES {
            self.cut = true;
            return;
        }
        self.attributions
            .extend(body_attributions(doc, reg).into_iter().map(|mut a| {
                a.shift(offset);
                a
            }));
        if self.attributions.len() > MAX_QUOTES {
            self.attributions.truncate(MAX_QUOTES);
            self.cut = true;
        }
    }
}

impl Analysis {
    /// Add the statements of `title`, the headline over `body`, after the body was read (its
    /// people name the headline's speakers in full).
    pub(crate) fn read_title(&mut self, title: &str, body: &str) {
        let speakers: Vec<&str> = self
            .attributions
            .iter()
            .filter_map(|a| a.speaker.as_deref())
            .collect();
        self.title = headline::attributions(title, body, &self.people, &speakers);
    }
}

impl Attribution {
    /// Move the offsets of an attribution found in a part starting at byte `by`.
    fn shift(&mut self, by: usize) {
        self.start += by;
        self.end += by;
        for r in &mut self.parts {
            *r = r.start + by..r.end + by;
        }
        if let Some(r) = &mut self.speaker_span {
            *r = r.start + by..r.end + by;
        }
    }
}

/// The attributions of `doc`, their sources resolved with the people of `reg`.
fn body_attributions(doc: &Doc, reg: Register) -> Vec<Attribution> {
    let (found, origin) = model::with_rules(doc, attribute::find(doc));
    attributions_of(doc, reg, found, origin, doc.text)
}

/// The attributions `found` (by the rules and the model, as `origin` says) in `doc`, their
/// sources resolved with the people of `reg` and their words cut from `written`, the text as
/// written, of which `doc.text` may differ in the case of its letters alone.
fn attributions_of(
    doc: &Doc,
    reg: Register,
    found: Vec<found::Found>,
    origin: Vec<model::Origin>,
    written: &str,
) -> Vec<Attribution> {
    let body = doc.text;
    if found.is_empty() {
        return Vec::new();
    }
    let mut resolver = Resolver::new(doc, reg);
    let mut resolved: Vec<Resolved> = Vec::with_capacity(found.len());
    for f in &found {
        let r = match (&f.source, f.inherit) {
            (_, Some(k)) if k < resolved.len() => resolved[k].clone(),
            (Some(s), _) => resolver.resolve_quote(s, f.cue, &f.parts),
            _ => Resolved::default(),
        };
        // (A claim reported inside someone else's sentence, "cast doubt on Campbell's claims
        // he ...", is no one speaking: a "he said" after it is not its owner.)
        if !cues::is_owned_claim(doc, f.cue) {
            resolver.note(f.cue, &r);
        }
        resolved.push(r);
    }
    let cues = cues_of(doc, &found);
    let mut out = Vec::with_capacity(found.len());
    for (((f, r), cue), o) in found.iter().zip(resolved).zip(cues).zip(origin) {
        // Beside the rules' statements in a sentence, the model's own is kept only with a
        // speaker: without one it is most often a clause of theirs cut apart.
        if o == model::Origin::ModelBeside && r.speaker.is_none() {
            continue;
        }
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
        let parts = if f.kind == QuoteKind::Direct {
            parts
                .into_iter()
                .flat_map(|p| paragraph_pieces(body, p))
                .collect()
        } else {
            parts
        };
        let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
            continue;
        };
        let text = parts
            .iter()
            .map(|p| &written[p.clone()])
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
            cue: cue.cue.map(|c| written[c].to_string()),
            negated: cue.negated,
            speaker_span: cue.source,
        });
    }
    out.sort_by_key(|a| a.start);
    drop_nested(&mut out);
    drop_repeated_parts(&mut out);
    out
}

/// Drop a one-piece attribution that is a part of another's split statement by the same
/// speaker: in `Stewart said: "A," he said. "B."` the colon reads "A" and ", he said" reads
/// "A" and "B" as one statement, which holds it.
fn drop_repeated_parts(out: &mut Vec<Attribution>) {
    let split: Vec<&Attribution> = out.iter().filter(|a| a.parts.len() > 1).collect();
    if split.is_empty() {
        return;
    }
    let repeated: Vec<bool> = out
        .iter()
        .map(|a| {
            a.parts.len() <= 1
                && split.iter().any(|b| {
                    b.speaker == a.speaker
                        && b.parts.iter().any(|p| p.start == a.start && p.end == a.end)
                })
        })
        .collect();
    let mut repeated = repeated.into_iter();
    out.retain(|_| !repeated.next().unwrap_or(false));
}

/// Drop an attribution whose source phrase and words lie inside a part of another's words:
/// `"The US sees an opportunity but insists it will not come at India's expense," Rubio
/// said` reports one statement, Rubio's, and "insists" inside it is part of what he said,
/// not a second statement by "The US".
fn drop_nested(out: &mut Vec<Attribution>) {
    // Every part, by start, with the farthest-reaching part among those starting no later.
    let mut parts: Vec<Range<usize>> = out.iter().flat_map(|a| a.parts.iter().cloned()).collect();
    parts.sort_by_key(|p| p.start);
    let mut reach: Vec<Range<usize>> = Vec::with_capacity(parts.len());
    for p in parts {
        match reach.last() {
            Some(r) if r.end >= p.end => reach.push(r.clone()),
            _ => reach.push(p),
        }
    }
    let starts: Vec<usize> = {
        let mut s: Vec<usize> = out
            .iter()
            .flat_map(|a| a.parts.iter().map(|p| p.start))
            .collect();
        s.sort_unstable();
        s
    };
    out.retain(|b| {
        let Some(src) = &b.speaker_span else {
            return true;
        };
        let from = b.start.min(src.start);
        let to = b.end.max(src.end);
        let n = starts.partition_point(|&s| s <= from);
        let outer = n.checked_sub(1).map(|i| &reach[i]);
        !outer.is_some_and(|p| p.end >= to && p.len() > b.end - b.start)
    });
}

/// Where an attribution's cue and source phrase are, as byte ranges of the body.
#[derive(Debug, Clone, Default)]
struct CueSpans {
    cue: Option<Range<usize>>,
    negated: bool,
    source: Option<Range<usize>>,
}

/// The cue and source phrase of each of `found`; one that takes its source from an earlier
/// attribution takes its cue too.
fn cues_of(doc: &Doc, found: &[found::Found]) -> Vec<CueSpans> {
    let bytes = |r: Range<usize>| -> Option<Range<usize>> {
        (!r.is_empty()).then(|| doc.toks[r.start].start as usize..doc.toks[r.end - 1].end as usize)
    };
    let mut out: Vec<CueSpans> = Vec::with_capacity(found.len());
    for f in found {
        if let Some(k) = f.inherit.filter(|&k| k < out.len()) {
            let inherited = out[k].clone();
            out.push(inherited);
            continue;
        }
        let mut cue = cues::cue_phrase(doc, f.cue);
        // A quote given to the source that opens the next sentence ('"Q?" He tweeted') keeps
        // that sentence's verb.
        if cue.is_none()
            && let Some(s) = f.source.as_ref().filter(|s| s.phrase.start == f.cue)
        {
            let end = doc.sents[doc.sent_of(f.cue)].toks.end;
            cue = (s.phrase.end..end)
                .filter(|&k| !doc.toks[k].in_quote())
                .find_map(|k| cues::cue_phrase(doc, k));
        }
        let (cue, negated) = match cue {
            Some((r, neg)) => (bytes(r), neg),
            None => (None, false),
        };
        let source = f.source.as_ref().and_then(|s| bytes(s.phrase.clone()));
        out.push(CueSpans {
            cue,
            negated,
            source,
        });
    }
    out
}

/// A quote continued over a paragraph break (the first paragraph left open after a full
/// sentence, the next one opening its mark again) as one piece a paragraph, without the marks
/// between.
fn paragraph_pieces(body: &str, r: Range<usize>) -> Vec<Range<usize>> {
    let text = &body[r.clone()];
    let mut out = Vec::new();
    let mut start = 0;
    for (at, _) in text.match_indices('\n') {
        if at < start {
            continue;
        }
        let rest = &text[at..];
        let gap = rest.len() - rest.trim_start().len();
        let Some(mark) = rest[gap..]
            .chars()
            .next()
            .filter(|c| matches!(c, '"' | '\u{201C}' | '\u{2018}' | '\u{AB}' | '\u{201E}'))
        else {
            continue;
        };
        let ended = text[start..at]
            .trim_end()
            .ends_with(['.', '?', '!', ',', ':', ';', '\u{2026}']);
        if !ended {
            continue;
        }
        out.push(trimmed(body, r.start + start..r.start + at));
        start = at + gap + mark.len_utf8();
    }
    out.push(trimmed(body, r.start + start..r.end));
    out.retain(|p| !p.is_empty());
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
