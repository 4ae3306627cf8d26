//! Attribution patterns: which words are said, and which phrase says them.
//!
//! Works sentence by sentence over a [`Doc`]. Every speech verb outside quote marks (and every
//! "according to") is tried against the shapes news writing uses:
//!
//! - content before the source: `"Q," X said.` / `"Q," said X, the minister.` / `CLAUSE, X said.`
//! - content after the verb: `X said: "Q"` / `X said (that) CLAUSE` / `X told reporters (that)
//!   CLAUSE` / `in a statement, X said "Q"`
//! - both: `"Q1," X said, "Q2."` / `CLAUSE, X added, "Q"`
//! - `according to X, CLAUSE` / `CLAUSE, according to X` / `"Q" - X`
//!
//! and then across sentences: a split quote (`"Q1," X said. "Q2."`) joins its first part, a
//! quote-only sentence or paragraph right after an attributed one takes the same source, and
//! `X said:` at a paragraph end takes the quote that follows. What is found here is still a
//! phrase; [`super::resolve`] turns it into a name.
//!
//! This module drives the search and holds the rules across sentences; [`super::verb`] and
//! [`super::cues`] try one cue, and [`super::content`] finds where said words begin and end.

use std::ops::Range;

use super::content::{as_parts, quotes_only};
use super::cues::{
    according, asked_first, colon_source, dash_source, is_owned_claim, owned_claim,
    transcript_labels, verb_first,
};
use super::found::{At, Found};
use super::lexicon::Class;
use super::names::Gender;
use super::source::{SourceKind, clause_subject, parse};
use super::text::{Doc, Kind};
use super::verb::verb;
use crate::enrich::QuoteKind;

/// Every attribution of `doc`, in text order.
pub(crate) fn find(doc: &Doc) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    // A bare `X said:` at a paragraph end waits for the quote paragraph after it.
    let mut waiting: Option<Found> = None;
    let labels = transcript_labels(doc);
    let mut labelled_para: Option<usize> = None;
    for si in 0..doc.sents.len() {
        let para = doc.sents[si].para;
        if labelled_para == Some(para) {
            continue;
        }
        let found = labelled(doc, &labels, si);
        if let Some(&(last, _)) = found.last() {
            labelled_para = Some(last);
            waiting = None;
            out.extend(found.into_iter().map(|(_, f)| f));
            continue;
        }
        let before = out.len();
        let mut bare: Option<Found> = None;
        sentence(doc, si, &mut out, &mut bare);
        if out.len() > before {
            waiting = None;
            take_back_quote(doc, si, &mut out, before);
            continue;
        }
        if let Some(parts) = quote_only(doc, si) {
            if let Some(w) = waiting.take() {
                out.push(Found {
                    parts,
                    kind: QuoteKind::Direct,
                    sent: si,
                    ..w
                });
                continue;
            }
            if let Some(prev) = previous_attribution(doc, &out, si) {
                let same_para = doc.sents[out[prev].sent].para == first_para(doc, si);
                if same_para && out[prev].kind == QuoteKind::Direct && out[prev].sent + 1 == si {
                    // The second half of a split quote.
                    out[prev].parts.extend(parts);
                } else {
                    out.push(Found {
                        source: None,
                        inherit: Some(prev),
                        parts,
                        kind: QuoteKind::Direct,
                        sent: si,
                        cue: doc.sents[si].toks.start,
                    });
                }
                continue;
            }
            if let Some(f) = introduced_source(doc, &out, si, parts) {
                out.push(f);
                continue;
            }
        }
        if let Some(b) = bare {
            // `"Q!" Trump said.`: the quote-only sentence before takes this source.
            if si > 0
                && doc.sents[si - 1].para == doc.sents[si].para
                && let Some(parts) = quote_only(doc, si - 1)
            {
                let first = parts[0].start;
                let covered = out
                    .last()
                    .filter(|f| f.parts.iter().any(|p| p.start == first));
                match covered {
                    Some(f)
                        if (f.inherit.is_some() || introduced(doc, f))
                            && f.parts.len() == parts.len() =>
                    {
                        out.pop();
                    }
                    Some(_) => continue,
                    None => {}
                }
                out.push(Found {
                    parts,
                    kind: QuoteKind::Direct,
                    sent: si - 1,
                    ..b
                });
                continue;
            }
            let last_tok = doc.sents[si].toks.end - 1;
            if doc.is_punct(last_tok, ':') {
                waiting = Some(b);
                continue;
            }
        }
        waiting = None;
    }
    out
}

/// The paragraphs under a transcript's speaker label ([`transcript_labels`]) that open in
/// sentence `si`: the whole of each paragraph after the colon is the speaker's. (A sentence
/// holds more than one when a quote mark opens each paragraph and closes only at the end.)
fn labelled(doc: &Doc, labels: &[(usize, Range<usize>)], si: usize) -> Vec<(usize, Found)> {
    let s = &doc.sents[si];
    let mut out = Vec::new();
    for (pi, label) in labels {
        let p = doc.paras[*pi].clone();
        let opens_here =
            s.toks.contains(&label.start) || label.is_empty() && s.toks.start == label.start;
        if !opens_here || (p.start.max(s.toks.start)..label.start).any(|k| doc.toks[k].is_word()) {
            continue;
        }
        let Some(colon) = (label.start..p.end).find(|&k| doc.is_punct(k, ':')) else {
            continue;
        };
        let source = (!label.is_empty()).then(|| parse(doc, label.clone(), None));
        // (The mark that closes a transcript quoted whole is no word of the last answer.)
        let mut end = p.end;
        while end > colon + 1 && matches!(doc.toks[end - 1].kind, Kind::Mark(_)) {
            end -= 1;
        }
        let f = Found::new(doc, source, None, as_parts(doc, colon + 1..end), si, colon);
        out.push((*pi, f));
    }
    out
}

/// `"Q?" He tweeted when ...`: a quote-only sentence that opens a paragraph belongs to the
/// source that opens the next sentence, not to the paragraph before.
fn take_back_quote(doc: &Doc, si: usize, out: &mut [Found], first_new: usize) {
    if si == 0 || first_new == 0 || doc.sents[si - 1].para != doc.sents[si].para {
        return;
    }
    // Inside a paragraph, the quote goes on from what came before it: `X said ... "Q." Y,
    // the minister, said ...`.
    if si >= 2 && doc.sents[si - 2].para >= first_para(doc, si - 1) {
        return;
    }
    let here = &out[first_new];
    let opens = here
        .source
        .as_ref()
        .is_some_and(|s| s.phrase.start == doc.sents[si].toks.start && here.inherit.is_none());
    let prev = &out[first_new - 1];
    if !opens
        || prev.sent != si - 1
        || prev.inherit.is_none() && !introduced(doc, prev)
        || quote_only(doc, si - 1).is_none()
    {
        return;
    }
    let source = here.source.clone();
    let prev = &mut out[first_new - 1];
    prev.inherit = None;
    prev.source = source;
    prev.cue = doc.sents[si].toks.start;
}

/// The attribution a quote-only sentence `si` would continue: the last one found, in the
/// sentence right before it or (the news convention of a speaker introduced, a line about
/// them, then a paragraph that is only a quote) up to [`MAX_BETWEEN`] sentences before, when
/// those introduce nobody else: no name, no quote, and no headline or section break.
fn previous_attribution(doc: &Doc, out: &[Found], si: usize) -> Option<usize> {
    if si == 0 {
        return None;
    }
    let last = out.len().checked_sub(1)?;
    let f = &out[last];
    // (A claim reported inside someone else's sentence, "cast doubt on Campbell's claims he
    // ...", is no one speaking on.)
    if f.sent >= si || si - f.sent > MAX_BETWEEN + 1 || is_owned_claim(doc, f.cue) {
        return None;
    }
    let mut para = doc.sents[f.sent].para;
    for s in f.sent + 1..si {
        if !plain_sentence(doc, s) || doc.sents[s].para > para + 1 {
            return None;
        }
        para = doc.sents[s].para;
    }
    if first_para(doc, si) > para + 1 {
        return None;
    }
    Some(last)
}

/// The paragraph sentence `si` starts in: a quote that runs over paragraphs makes one
/// sentence, which `Sentence::para` files under its last paragraph.
fn first_para(doc: &Doc, si: usize) -> usize {
    let start = doc.sents[si].toks.start;
    doc.paras.partition_point(|p| p.end <= start)
}

/// `Lewis-Francis still feels the frustration of missing the final. "That was heartbreaking."`:
/// a quote-only sentence right after a sentence about a person, with no attribution of its
/// own, is that person's. The sentence before must end in a full stop, hold no quote, and open
/// with a person's name (a surname alone only when the article wrote it after a given name or
/// title before), or with "he" or "she".
fn introduced_source(
    doc: &Doc,
    out: &[Found],
    si: usize,
    parts: Vec<Range<usize>>,
) -> Option<Found> {
    let prev = si.checked_sub(1)?;
    // `"..."` then `- Hillary Clinton`: the dash names the source.
    if doc.sents.get(si + 1).is_some_and(|n| {
        matches!(
            doc.toks[n.toks.start].kind,
            Kind::Punct('-' | '\u{2013}' | '\u{2014}')
        )
    }) {
        return None;
    }
    let p = &doc.sents[prev];
    if p.para + 1 < first_para(doc, si) || out.last().is_some_and(|f| f.sent >= prev) {
        return None;
    }
    let r = p.toks.clone();
    let ends = r.clone().rev().take(2).any(|k| doc.is_punct(k, '.'));
    if !ends || r.clone().any(|k| doc.toks[k].in_quote()) {
        return None;
    }
    let subject = clause_subject(doc, r.clone())?;
    // "She met Tom Baker at the clinic.": another person in reach leaves the quote open.
    let other = (subject.end..r.end).any(|k| {
        let t = &doc.toks[k];
        t.is_cap()
            && (t.is(Class::HONORIFIC)
                || t.is(Class::FIRST_NAME) && doc.toks.get(k + 1).is_some_and(|n| n.is_cap()))
    });
    if other {
        return None;
    }
    let src = parse(doc, subject.clone(), None);
    let person = match src.kind {
        SourceKind::Person => true,
        SourceKind::Named => src
            .name
            .as_ref()
            .is_some_and(|n| n.len() == 1 && named_in_full_before(doc, n.start)),
        SourceKind::Pronoun => !src.plural && !src.first_person && src.gender != Gender::Unknown,
        _ => false,
    };
    person.then_some(Found {
        source: Some(src),
        inherit: None,
        parts,
        kind: QuoteKind::Direct,
        sent: si,
        cue: subject.start,
    })
}

/// Did `f` take its source from the sentence before it ([`introduced_source`]), with no cue
/// of its own? A source named right after the quote then wins.
fn introduced(doc: &Doc, f: &Found) -> bool {
    f.inherit.is_none()
        && f.source.is_some()
        && f.cue < doc.sents[f.sent].toks.start
        && doc.toks[f.cue].cue.is_none()
}

/// Was the word at `k` written earlier after a capitalised word ("Mark Lewis-Francis", "Mr
/// Blair"), so that alone it is a person's surname?
fn named_in_full_before(doc: &Doc, k: usize) -> bool {
    let word = doc.word(k);
    (1..k).any(|j| {
        doc.toks[j].is_word()
            && doc.word(j) == word
            && doc.toks[j - 1].is_word()
            && doc.toks[j - 1].is_cap()
            && !doc.toks[j - 1].is(Class::SENTENCE_WORD)
    })
}

/// Most sentences between a quote-only sentence and the attribution whose source it takes.
const MAX_BETWEEN: usize = 1;

/// A sentence that brings in no other speaker and breaks no section: no quote marks, no
/// capitalised word past its first (the first a function word: "She", "The", "In"), and a
/// full stop at its end (a headline or subhead has none).
fn plain_sentence(doc: &Doc, si: usize) -> bool {
    let r = doc.sents[si].toks.clone();
    let ends = r
        .clone()
        .rev()
        .take(2)
        .any(|k| doc.is_punct(k, '.') || doc.is_punct(k, '!') || doc.is_punct(k, '?'));
    ends && r.clone().all(|k| {
        let t = &doc.toks[k];
        if t.in_quote() {
            return false;
        }
        if !t.is_word() || !t.is_cap() {
            return true;
        }
        k == r.start
            && t.is(Class::PRONOUN | Class::DET | Class::PREP | Class::CONJ | Class::ADVERB)
    })
}

/// If sentence `si` is nothing but quotes in double marks (and punctuation), their insides.
fn quote_only(doc: &Doc, si: usize) -> Option<Vec<Range<usize>>> {
    quotes_only(doc, doc.sents[si].toks.clone(), false)
}

/// Try every cue of sentence `si`.
fn sentence(doc: &Doc, si: usize, out: &mut Vec<Found>, bare: &mut Option<Found>) {
    let r = doc.sents[si].toks.clone();
    let first_here = out.len();
    let mut floor = r.start;
    // Content before a source may take in attributions nested in it ("A insists B, X said"),
    // so it only stops where an earlier content-before-source ended.
    let mut left_floor = r.start;
    let mut i = r.start;
    if let Some(f) = verb_first(doc, si) {
        out.push(f);
        return;
    }
    // "Asked whether ..., she said": the capitalised participle is no cue of its own.
    if let Some(h) = asked_first(doc, si) {
        floor = h.consumed;
        i = h.consumed;
        out.push(h.found);
    }
    while i < r.end {
        let t = &doc.toks[i];
        if t.in_quote() {
            i = doc.spans[t.span as usize].end.max(i + 1);
            continue;
        }
        let at = At {
            si,
            floor,
            left_floor,
            earlier: &out[first_here..],
            offset: first_here,
        };
        let hit = if t.cue.is_some() {
            verb(doc, &at, i).or_else(|| owned_claim(doc, &at, i))
        } else if t.is(Class::ACCORDING) && doc.is_word(i + 1, "to") {
            according(doc, &at, i)
        } else {
            owned_claim(doc, &at, i)
        };
        match hit {
            Some(h) if h.bare => {
                if bare.is_none() {
                    *bare = Some(h.found);
                }
                i += 1;
            }
            Some(h) => {
                floor = h.consumed;
                if h.left {
                    left_floor = h.consumed;
                }
                i = h.consumed.max(i + 1);
                out.push(h.found);
            }
            None => i += 1,
        }
    }
    if out.len() == first_here
        && let Some(f) =
            dash_source(doc, si).or_else(|| bare.is_none().then(|| colon_source(doc, si)).flatten())
    {
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::found;
    use crate::enrich::QuoteKind;

    #[test]
    fn a_quote_over_paragraphs_continues_the_speaker_before_it() {
        let cases = [
            "\"He kicked well,\" Dale Jones said.\n\n\"His defence was superb and he made \
             some great hits.\n\n\"I am glad he is Welsh.\"\n\nThe win will raise hopes.",
            "Dale Jones said the side was ready for the tour.\n\n\"His defence was superb and \
             he made some great hits.\n\n\"I am glad he is Welsh.\"\n\nThe win will raise hopes.",
        ];
        for body in cases {
            let got = found(body);
            let last = got.last().expect(body);
            assert_eq!(last.0, QuoteKind::Direct, "{body}");
            assert_eq!(last.1.as_deref(), Some("Dale Jones"), "{body}");
            assert_eq!(
                last.2,
                "His defence was superb and he made some great hits. I am glad he is Welsh.",
                "{body}"
            );
        }
    }

    #[test]
    fn a_quote_over_paragraphs_after_another_person_stays_unattributed() {
        let body = "\"He kicked well,\" Dale Jones said.\n\nCoach Mark Evans met the \
                    squad in Cardiff on Monday.\n\n\"His defence was superb and he made some \
                    great hits.\n\n\"I am glad he is Welsh.\"";
        let got = found(body);
        assert!(
            got.iter()
                .all(|q| !q.2.starts_with("His defence") || q.1.as_deref() != Some("Dale Jones")),
            "{got:?}"
        );
    }

    #[test]
    fn a_described_person_after_the_verb_is_the_source() {
        let cases = [
            (
                "\"We use the latest technology,\" said rally driver Dave Hawkins.",
                "Dave Hawkins",
            ),
            (
                "\"Anyone can take pictures now,\" said digital artist Henry Reich.",
                "Henry Reich",
            ),
            (
                "\"We will keep going,\" said longtime party activist Jane Doe of Toronto.",
                "Jane Doe",
            ),
        ];
        for (body, speaker) in cases {
            let got = found(body);
            assert_eq!(got.len(), 1, "{body}: {got:?}");
            assert_eq!(got[0].1.as_deref(), Some(speaker), "{body}");
        }
    }

    #[test]
    fn lowercase_words_before_a_name_inside_a_clause_are_no_source() {
        // "certain President Reagan" is not a described person: the clause runs on.
        let body = "Trade envoy Clay Yates said it was all but certain President Reagan \
                    would go ahead and impose the curbs.";
        let got = found(body);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1.as_deref(), Some("Clay Yates"));
        assert!(got[0].2.ends_with("impose the curbs"), "{got:?}");
    }

    #[test]
    fn a_person_by_age_is_the_person_last_speaking() {
        let body = "\"We are ready,\" said Dale Jones.\n\n\"They are much stronger now,\" the \
                    36-year-old said. \"We made some mistakes.\"\n\nThe 36-year-old striker \
                    said the side had grown up.";
        let got = found(body);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(
            got.iter().all(|q| q.1.as_deref() == Some("Dale Jones")),
            "{got:?}"
        );
        assert_eq!(
            got[1].2,
            "They are much stronger now, We made some mistakes."
        );
    }

    #[test]
    fn an_age_that_is_no_reference_back_names_nobody_before() {
        // "One 93-year-old investor" is someone new; so is "the 76-year-old Ann Lee".
        let body = "\"It fell,\" said Dale Jones.\n\nOne 93-year-old investor said the market \
                    was bound to fall. The 76-year-old Ann Lee said prices would recover.";
        let got = found(body);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_ne!(got[1].1.as_deref(), Some("Dale Jones"), "{got:?}");
        assert_eq!(got[2].1.as_deref(), Some("Ann Lee"), "{got:?}");
    }

    #[test]
    fn a_quote_after_a_sentence_about_a_person_is_theirs() {
        let cases = [
            (
                "Sprinter Mark Lewis-Francis won relay gold in Athens.\n\nLewis-Francis \
                 still feels the frustration of missing the final. \"That was heartbreaking, \
                 but I made the semi-final.\"",
                "Mark Lewis-Francis",
            ),
            (
                "Wales captain Martyn Williams was keen not to talk about a Grand Slam. \
                 \"We have more self-belief these days.\"",
                "Martyn Williams",
            ),
            (
                "\"We won,\" said Kelly Holmes.\n\nBut she has not decided on the indoor \
                 season yet. \"That is what I do not know.\"",
                "Kelly Holmes",
            ),
        ];
        for (body, speaker) in cases {
            let got = found(body);
            let last = got.last().expect(body);
            assert_eq!(last.1.as_deref(), Some(speaker), "{body}: {got:?}");
        }
    }

    #[test]
    fn a_quote_after_a_sentence_about_no_person_is_not_given_to_it() {
        let cases = [
            // A body, a country and a surname never written in full are no person.
            "Police arrested two men in Leeds on Monday. \"It was a shock to everyone here.\"",
            "China raised duties on soybeans again. \"This is a trade war now, plain and simple.\"",
            "Dobson missed the final again. \"That was heartbreaking for all of us.\"",
            // A headline ends with no full stop.
            "Lewis-Francis feels the frustration\n\n\"That was heartbreaking for me, really.\"",
        ];
        for body in cases {
            let got = found(body);
            assert!(got.iter().all(|q| q.1.is_none()), "{body}: {got:?}");
        }
    }

    #[test]
    fn a_hometown_with_its_state_stays_in_the_aside() {
        let cases = [
            "Bret Davis, a soybean farmer in Delaware, Ohio, said the market was gone.",
            "Bret Davis, who farms near Toledo, said the market was gone.",
            "Bret Davis, an analyst from Munich, Germany, said the market was gone.",
        ];
        for body in cases {
            let got = found(body);
            assert_eq!(got.len(), 1, "{body}: {got:?}");
            assert_eq!(got[0].1.as_deref(), Some("Bret Davis"), "{body}");
        }
    }
}
