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

use std::ops::Range;

use super::lexicon::{Class, CueClass, Form, LEXICON};
use super::source::{self, Source, SourceKind};
use super::text::{Doc, Kind, Mark, flag};
use crate::enrich::QuoteKind;

/// A found attribution, before its source is resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// The source phrase, or `None` when it takes the source of `inherit`.
    pub source: Option<Source>,
    /// Index (in the output list) of the attribution whose source this one shares.
    pub inherit: Option<usize>,
    /// Token ranges of the content: quote insides or the reported clause.
    pub parts: Vec<Range<usize>>,
    pub kind: QuoteKind,
    /// The sentence it was found in.
    pub sent: usize,
    /// The speech verb (or first cue word), for ordering and resolution.
    pub cue: usize,
}

/// What a verb found on its own, before cross-sentence rules.
struct Hit {
    found: Found,
    /// Content may not start before this token in the rest of the sentence.
    consumed: usize,
    /// `X said.` or `X said:` with no content of its own.
    bare: bool,
    /// The content lies before the source (`"Q," X said`).
    left: bool,
}

/// Every attribution of `doc`, in text order.
pub(crate) fn find(doc: &Doc) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    // A bare `X said:` at a paragraph end waits for the quote paragraph after it.
    let mut waiting: Option<Found> = None;
    for si in 0..doc.sents.len() {
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
                let same_para = doc.sents[out[prev].sent].para == doc.sents[si].para;
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
                    Some(f) if f.inherit.is_some() && f.parts.len() == parts.len() => {
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

/// `"Q?" He tweeted when ...`: a quote-only sentence that opens a paragraph belongs to the
/// source that opens the next sentence, not to the paragraph before.
fn take_back_quote(doc: &Doc, si: usize, out: &mut [Found], first_new: usize) {
    if si == 0 || first_new == 0 || doc.sents[si - 1].para != doc.sents[si].para {
        return;
    }
    let here = &out[first_new];
    let opens = here
        .source
        .as_ref()
        .is_some_and(|s| s.phrase.start == doc.sents[si].toks.start && here.inherit.is_none());
    let prev = &out[first_new - 1];
    if !opens || prev.sent != si - 1 || prev.inherit.is_none() || quote_only(doc, si - 1).is_none()
    {
        return;
    }
    let source = here.source.clone();
    let prev = &mut out[first_new - 1];
    prev.inherit = None;
    prev.source = source;
    prev.cue = doc.sents[si].toks.start;
}

/// The attribution a quote-only sentence `si` would continue: one found in the sentence
/// right before it, in the same paragraph or closing the previous one.
fn previous_attribution(doc: &Doc, out: &[Found], si: usize) -> Option<usize> {
    if si == 0 {
        return None;
    }
    let last = out.len().checked_sub(1)?;
    let f = &out[last];
    let prev = &doc.sents[si - 1];
    let cur = &doc.sents[si];
    if f.sent != si - 1 || cur.para > prev.para + 1 {
        return None;
    }
    Some(last)
}

/// If sentence `si` is nothing but quotes (and punctuation), their insides.
fn quote_only(doc: &Doc, si: usize) -> Option<Vec<Range<usize>>> {
    let r = doc.sents[si].toks.clone();
    let mut parts = Vec::new();
    let mut i = r.start;
    while i < r.end {
        let t = &doc.toks[i];
        if t.in_quote() {
            let s = &doc.spans[t.span as usize];
            if s.open < r.start || s.single {
                return None;
            }
            parts.push(s.inner());
            i = s.end;
            continue;
        }
        if t.is_word() {
            return None;
        }
        i += 1;
    }
    (!parts.is_empty()).then_some(parts)
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
            verb(doc, &at, i)
        } else if t.is(Class::ACCORDING) && doc.is_word(i + 1, "to") {
            according(doc, &at, i)
        } else {
            None
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
        && let Some(f) = dash_source(doc, si)
    {
        out.push(f);
    }
}

/// `Said Ellis: "..."` / `Added the senator, "..."`: a sentence that opens with its verb.
fn verb_first(doc: &Doc, si: usize) -> Option<Found> {
    let r = doc.sents[si].toks.clone();
    let first = &doc.toks[r.start];
    if !first.is_cap() {
        return None;
    }
    let cue = LEXICON.get(doc.word(r.start)).cue?;
    if matches!(cue.class, CueClass::Weak | CueClass::Object)
        || !matches!(cue.form, Form::Past | Form::ThirdPerson)
    {
        return None;
    }
    let phrase = source::right_phrase(doc, r.start + 1, r.end)?;
    let appositive = source::appositive_after(doc, phrase.end, r.end);
    let mut k = appositive.as_ref().map_or(phrase.end, |a| a.end);
    if !(doc.is_punct(k, ':') || doc.is_punct(k, ',')) {
        return None;
    }
    k += 1;
    if !opens_quote(doc, k) {
        return None;
    }
    let content = right_clause(doc, k, r.end, cue.class, false)?;
    let parts = as_parts(doc, content);
    let kind = kind_of(doc, &parts);
    Some(Found {
        source: Some(source::parse(doc, phrase, appositive)),
        inherit: None,
        parts,
        kind,
        sent: si,
        cue: r.start,
    })
}

fn is_be(doc: &Doc, k: usize) -> bool {
    ["is", "was", "were", "are", "be", "been", "being", "am"]
        .iter()
        .any(|w| doc.is_word(k, w))
}

/// Step left from the verb over auxiliaries, adverbs and negation ("has also said", "would
/// later tell"), and over "went on to" / "was quoted as". Gives the first token of the verb
/// group, or `None` when the verb is passive or refused ("was told", "declined to say").
fn verb_group_start(doc: &Doc, floor: usize, i: usize) -> Option<usize> {
    let cue = doc.toks[i].cue?;
    let mut b = i;
    let mut steps = 0;
    while b > floor && steps < 5 {
        let p = &doc.toks[b - 1];
        // "The two lawmakers, however, argue ...": an adverb set off by commas.
        if p.is_punct(',')
            && b >= floor + 3
            && doc.toks[b - 2].is(Class::ADVERB)
            && doc.is_punct(b - 3, ',')
        {
            b -= 3;
            steps += 1;
            continue;
        }
        if !p.is_word() || p.is_cap() && !p.is(Class::ADVERB) {
            break;
        }
        if doc.is_word(b - 1, "to") && cue.form == Form::Base {
            // "went on to say", "declined to say"
            let v = b.checked_sub(2)?;
            let v = if doc.is_word(v, "on") && v > floor {
                v - 1
            } else {
                v
            };
            let refusal = [
                "declined",
                "refused",
                "declines",
                "refuses",
                "decline",
                "refuse",
                "wouldn't",
                "unwilling",
            ];
            // Only verbs that carry a speech verb on: "went on to say", "continued to
            // argue", "wanted to tell"; "the clerk to read" is no speech.
            let carriers = [
                "went",
                "goes",
                "go",
                "going",
                "continued",
                "continues",
                "continue",
                "decided",
                "began",
                "begins",
                "started",
                "tried",
                "tries",
                "wanted",
                "wants",
                "want",
                "hoped",
                "planned",
                "plans",
                "seemed",
                "seems",
                "appeared",
                "used",
                "had",
                "has",
                "have",
                "needs",
                "needed",
                "got",
                "chose",
                "rushed",
                "moved",
                "sought",
            ];
            if refusal.iter().any(|w| doc.is_word(v, w))
                || !carriers.iter().any(|w| doc.is_word(v, w))
            {
                return None;
            }
            b = v;
            steps += 2;
            continue;
        }
        if doc.is_word(b - 1, "as")
            && cue.form == Form::Gerund
            && b >= 3
            && doc.is_word(b - 2, "quoted")
        {
            b -= 2;
            steps += 2;
            continue;
        }
        // "The Times on Saturday wrote": a time phrase between subject and verb.
        if p.is(Class::TIME) && b >= 2 && doc.is_word(b - 2, "on") {
            b -= 2;
            steps += 2;
            continue;
        }
        if p.is(Class::AUX | Class::ADVERB | Class::NEG)
            && !p.is(Class::CUE | Class::PRONOUN)
            && !p.is(Class::DET)
        {
            if is_be(doc, b - 1) && matches!(cue.form, Form::Past | Form::Participle) && b == i {
                // "was told", "is said to": a passive names no speaker here.
                return None;
            }
            b -= 1;
            steps += 1;
            continue;
        }
        if is_ly_adverb(doc, b - 1) {
            b -= 1;
            steps += 1;
            continue;
        }
        break;
    }
    Some(b)
}

/// A lowercase "-ly" word that is an adverb ("boldly said"), not a noun like "family".
fn is_ly_adverb(doc: &Doc, k: usize) -> bool {
    let t = &doc.toks[k];
    let w = doc.word(k);
    let nouns = [
        "family", "ally", "rally", "assembly", "supply", "monopoly", "bully", "anomaly",
    ];
    t.is_word()
        && !t.is_cap()
        && w.len() > 4
        && w.ends_with("ly")
        && t.class == 0
        && !nouns.iter().any(|n| w.eq_ignore_ascii_case(n))
}

/// The source phrase, its appositive, and whether it follows the verb.
struct Src {
    phrase: std::ops::Range<usize>,
    appositive: Option<Range<usize>>,
    inverted: bool,
    /// End of source material after the verb (inverted source and appositive).
    after: usize,
    /// "X did this but said ...": the subject of the clause, found before other words.
    coordinated: bool,
}

fn left_source(doc: &Doc, floor: usize, b: usize, i: usize, end: usize) -> Option<Src> {
    if b == floor {
        return inverted_source(doc, i, end);
    }
    let p = b - 1;
    let pt = &doc.toks[p];
    if pt.is_word() {
        if doc.is_word(p, "who") {
            // "X, who ..., said" is an aside; "X who said" names X before "who".
            let k = if p > floor && doc.is_punct(p - 1, ',') {
                p - 1
            } else {
                p
            };
            if k == floor {
                return None;
            }
            let phrase = source::left_phrase(doc, floor, k - 1)?;
            return Some(Src {
                phrase,
                appositive: None,
                inverted: false,
                after: i + 1,
                coordinated: false,
            });
        }
        if pt.is(Class::CONJ) && !pt.is_cap() && (doc.is_word(p, "and") || doc.is_word(p, "but")) {
            let sent_start = doc.sents[doc.sent_of(p)].toks.start;
            // With no subject to read, a quote after the verb is still a quote; its source
            // stays unknown.
            let phrase = match source::clause_subject(doc, sent_start..p) {
                Some(r) => r,
                None if quote_soon_after(doc, i + 1, end) => p..p,
                None => return None,
            };
            return Some(Src {
                phrase,
                appositive: None,
                inverted: false,
                after: i + 1,
                coordinated: true,
            });
        }
        if pt.is(Class::RELATIVE | Class::WH | Class::PREP | Class::DET) && !pt.is_cap() {
            return None;
        }
        let phrase = source::left_phrase(doc, floor, p)?;
        return Some(Src {
            phrase,
            appositive: None,
            inverted: false,
            after: i + 1,
            coordinated: false,
        });
    }
    if pt.is_punct(',') {
        if let Some((phrase, appositive)) = source::aside_before(doc, floor, p) {
            return Some(Src {
                phrase,
                appositive,
                inverted: false,
                after: i + 1,
                coordinated: false,
            });
        }
        return inverted_source(doc, i, end);
    }
    if pt.is_punct(')') {
        let phrase = source::left_phrase(doc, floor, p)?;
        return Some(Src {
            phrase,
            appositive: None,
            inverted: false,
            after: i + 1,
            coordinated: false,
        });
    }
    if is_close_mark(doc, p) {
        return inverted_source(doc, i, end);
    }
    None
}

/// `..., said X` / `"Q," said X, the minister`.
fn inverted_source(doc: &Doc, i: usize, end: usize) -> Option<Src> {
    let cue = doc.toks[i].cue?;
    if matches!(cue.class, CueClass::Weak | CueClass::Object)
        || cue.form == Form::Gerund
        || cue.form == Form::Base
    {
        return None;
    }
    let phrase = source::right_phrase(doc, i + 1, end)?;
    let appositive = source::appositive_after(doc, phrase.end, end);
    let after = appositive.as_ref().map_or(phrase.end, |a| a.end);
    Some(Src {
        phrase,
        appositive,
        inverted: true,
        after,
        coordinated: false,
    })
}

fn is_close_mark(doc: &Doc, k: usize) -> bool {
    let t = &doc.toks[k];
    t.in_quote() && doc.spans[t.span as usize].close == Some(k)
}

/// Token `k` is a sentence-final punctuation mark (or past the end).
fn at_end(doc: &Doc, k: usize, end: usize) -> bool {
    (k..end).all(|x| {
        let t = &doc.toks[x];
        !(t.is_word() || t.in_quote() && doc.spans[t.span as usize].open == x)
    })
}

/// Skip adjuncts after a verb: time phrases, "in a statement", "on Twitter", commas.
/// Returns the next token and whether a "that" was passed.
fn skip_adjuncts(doc: &Doc, mut k: usize, end: usize) -> (usize, bool) {
    let mut rounds = 0;
    while k < end && rounds < 8 {
        rounds += 1;
        let t = &doc.toks[k];
        if t.is_punct(',') || t.is_punct(':') || t.is_punct('\u{2014}') {
            k += 1;
            continue;
        }
        if !t.is_word() {
            break;
        }
        if doc.is_word(k, "that") {
            return (k + 1, true);
        }
        if let Some(n) = adjunct_phrase(doc, k, end) {
            k = n;
            continue;
        }
        if t.is(Class::TIME) && !t.is(Class::DET)
            || (t.is(Class::ADVERB) && !t.is_cap() && !t.is(Class::PRONOUN))
            || is_ly_adverb(doc, k)
        {
            k += 1;
            continue;
        }
        // "on Tuesday", "last week", "earlier this month", "on Sept. 12"
        if (doc.is_word(k, "on")
            || doc.is_word(k, "last")
            || doc.is_word(k, "this")
            || doc.is_word(k, "next"))
            && k + 1 < end
            && doc.toks[k + 1].is(Class::TIME)
        {
            k += 2;
            while k < end && (doc.toks[k].has(flag::NUMBER) || doc.toks[k].is(Class::TIME)) {
                k += 1;
            }
            continue;
        }
        // "says of Clinton, ...": what the words are about.
        if doc.is_word(k, "of")
            && let Some(r) = source::right_phrase(doc, k + 1, end)
            && doc.is_punct(r.end, ',')
        {
            k = r.end + 1;
            continue;
        }
        break;
    }
    // "said during the debate last week, \"...\"": an adjunct phrase before a quote.
    // (A quote right after the phrase, with no comma, is a title: `on "Morning Joe"`.)
    if k < end && doc.toks[k].is(Class::PREP) && quote_soon_after(doc, k, end) {
        let mut q = k;
        while q < end && !opens_quote(doc, q) {
            q += 1;
        }
        if q > k && (doc.is_punct(q - 1, ',') || doc.is_punct(q - 1, ':')) {
            k = q;
        }
    }
    (k, false)
}

/// A multi-word adjunct cue at `k` ("in a statement"), with a following "with X"/"to X"
/// phrase; gives the token after it.
fn adjunct_phrase(doc: &Doc, k: usize, end: usize) -> Option<usize> {
    if !doc.toks[k].is(Class::ADJUNCT_START) {
        return None;
    }
    let words = LEXICON.adjuncts.iter().find(|a| {
        a.iter()
            .enumerate()
            .all(|(n, w)| k + n < end && doc.is_word(k + n, w))
    })?;
    let mut e = k + words.len();
    // "in an interview with CNN's Jake Tapper", "in a statement to The Post"
    if e < end
        && [
            "with",
            "to",
            "on",
            "from",
            "for",
            "released",
            "posted",
            "issued",
            "published",
            "aired",
            "broadcast",
            "conducted",
            "held",
        ]
        .iter()
        .any(|w| doc.is_word(e, w))
        && let Some(r) = source::right_phrase(doc, e + 1, end)
    {
        e = r.end;
    }
    Some(e)
}

/// Where a reported clause that starts at `k` ends: the sentence end, or a break before the
/// next attribution (", adding ...", ", according to", ";").
fn clause_end(doc: &Doc, k: usize, end: usize) -> usize {
    let mut e = k;
    while e < end {
        let t = &doc.toks[e];
        if t.in_quote() {
            let s = &doc.spans[t.span as usize];
            e = s.end.max(e + 1);
            // `... "less advanced schools," Trump said: ...`
            if s.close.is_some_and(|c| c > 0 && doc.is_punct(c - 1, ','))
                && e < end
                && attribution_follows(doc, e, end)
            {
                break;
            }
            continue;
        }
        if t.is_punct(';') {
            break;
        }
        // "... but said ...", "... and added ...": a second verb of the same source.
        if (doc.is_word(e, "and") || doc.is_word(e, "but")) && e > k {
            let mut v = e + 1;
            while v < end && doc.toks[v].is(Class::ADVERB | Class::AUX) && doc.toks[v].cue.is_none()
            {
                v += 1;
            }
            // "... but he said ..." starts a new attribution too.
            if v < end && doc.toks[v].cue.is_some_and(|c| c.form != Form::Gerund)
                || attribution_follows(doc, e, end)
            {
                break;
            }
        }
        // "... while chanting, ...", "... before asking her ...": a participle of its own.
        let linked = ["while", "before", "after", "by"];
        if e > k
            && linked.iter().any(|w| doc.is_word(e, w))
            && e + 1 < end
            && doc.toks[e + 1].cue.is_some_and(|c| c.form == Form::Gerund)
        {
            break;
        }
        let dash = matches!(t.kind, Kind::Punct('\u{2014}' | '\u{2015}' | '\u{2013}'));
        if dash && e + 1 < end && attribution_follows(doc, e + 1, end) {
            break;
        }
        if t.is_punct(',') && e + 1 < end {
            let n = &doc.toks[e + 1];
            if n.cue.is_some_and(|c| c.form == Form::Gerund)
                || n.is(Class::ACCORDING)
                || attribution_follows(doc, e + 1, end)
            {
                break;
            }
        }
        e += 1;
    }
    // Drop final punctuation.
    while e > k && !doc.toks[e - 1].is_word() && !is_close_mark(doc, e - 1) {
        e -= 1;
    }
    e
}

/// Does a new attribution start at `k` (after a comma): `X said`, `said X`, `but X says`?
fn attribution_follows(doc: &Doc, mut k: usize, end: usize) -> bool {
    let joins = ["and", "but", "though", "although", "while", "whereas", "as"];
    if joins.iter().any(|w| doc.is_word(k, w)) {
        k += 1;
    }
    if k >= end {
        return false;
    }
    let t = &doc.toks[k];
    let verb = |t: &super::text::Token| {
        t.cue.is_some_and(|c| {
            !matches!(c.form, Form::Gerund) && !matches!(c.class, CueClass::Weak | CueClass::Object)
        })
    };
    if verb(t) {
        return source::right_phrase(doc, k + 1, end).is_some();
    }
    let Some(r) = source::right_phrase(doc, k, end) else {
        return false;
    };
    let mut e = r.end;
    while e < end
        && e < r.end + 3
        && doc.toks[e].is(Class::ADVERB | Class::AUX)
        && doc.toks[e].cue.is_none()
    {
        e += 1;
    }
    if e >= end {
        return false;
    }
    // "... and Trump calling it a \"great meeting\"": a name with a participle.
    let named_participle = doc.toks[r.start].is_cap()
        && doc.toks[e]
            .cue
            .is_some_and(|c| c.form == Form::Gerund && c.class != CueClass::Weak);
    verb(&doc.toks[e]) || named_participle
}

/// The kind of a content made of `parts`.
fn kind_of(doc: &Doc, parts: &[Range<usize>]) -> QuoteKind {
    let mut quoted = false;
    let mut plain = false;
    for p in parts {
        let inside_one = p.start > 0
            && doc.toks[p.start - 1].in_quote()
            && doc.spans[doc.toks[p.start - 1].span as usize].inner() == *p;
        if inside_one {
            quoted = true;
            continue;
        }
        for k in p.clone() {
            if doc.toks[k].in_quote() {
                quoted = true;
            } else if doc.toks[k].is_word() {
                plain = true;
            }
        }
    }
    match (quoted, plain) {
        (true, false) => QuoteKind::Direct,
        (true, true) => QuoteKind::Mixed,
        _ => QuoteKind::Indirect,
    }
}

/// If the range holds just quotes (and punctuation), their insides; else the range.
fn as_parts(doc: &Doc, r: Range<usize>) -> Vec<Range<usize>> {
    let mut parts = Vec::new();
    let mut i = r.start;
    while i < r.end {
        let t = &doc.toks[i];
        if t.in_quote() {
            let s = &doc.spans[t.span as usize];
            if s.open != i || s.end > r.end {
                return vec![r];
            }
            parts.push(s.inner());
            i = s.end;
            continue;
        }
        if t.is_word() {
            return vec![r];
        }
        i += 1;
    }
    if parts.is_empty() { vec![r] } else { parts }
}

/// Number of words in a token range.
fn n_words(doc: &Doc, r: &Range<usize>) -> usize {
    r.clone().filter(|&k| doc.toks[k].is_word()).count()
}

/// Content before the source: everything from `floor` to a comma or closing mark right
/// before `src_start`.
fn left_content(doc: &Doc, floor: usize, src_start: usize) -> Option<Range<usize>> {
    if src_start <= floor {
        return None;
    }
    let mut p = src_start - 1;
    // `"...," panel Chairman Smith said`: lowercase words the phrase left out.
    let mut steps = 0;
    while p > floor
        && steps < 2
        && doc.toks[p].is_word()
        && !doc.toks[p].is_cap()
        && !doc.toks[p].is(Class::CONJ | Class::PREP | Class::RELATIVE | Class::AUX)
    {
        p -= 1;
        steps += 1;
    }
    let end = if doc.is_punct(p, ',') || doc.is_punct(p, '\u{2014}') {
        p
    } else if is_close_mark(doc, p) {
        p + 1
    } else {
        return None;
    };
    let mut start = floor;
    // A comma-separated lead that only sets the scene is not content: "Six months ago,".
    while start < end && !doc.toks[start].is_word() && !doc.toks[start].in_quote() {
        start += 1;
    }
    // A wire dateline is not said: "SAN FRANCISCO, Dec. 11 (Xinhua) -- ...".
    if doc.toks[start].has(flag::ALL_CAPS)
        && let Some(d) = (start..end.min(start + 16)).find(|&x| {
            matches!(doc.toks[x].kind, Kind::Punct('-' | '\u{2014}' | '\u{2013}'))
                && x > start
                && (doc.is_punct(x - 1, ')') || doc.is_punct(x - 1, '-'))
        })
    {
        start = d + 1;
        while start < end && !doc.toks[start].is_word() {
            start += 1;
        }
    }
    // `Later that day, "We are ready," X said`: the scene-setting lead is not said.
    let last = if end > start && doc.is_punct(end - 1, ',') {
        end - 1
    } else {
        end
    };
    if last > start && is_close_mark(doc, last - 1) {
        let open = doc.spans[doc.toks[last - 1].span as usize].open;
        let lead_only = open > start
            && (doc.is_punct(open - 1, ',') || doc.is_punct(open - 1, ':'))
            && !has_quote(doc, &(start..open));
        if lead_only {
            start = open;
        }
    }
    (start < end && n_words(doc, &(start..end)) >= 1).then_some(start..end)
}

/// Can this source speak (for verbs with non-speech senses)?
fn speaks(src: &Source) -> bool {
    match src.kind {
        SourceKind::Person
        | SourceKind::Named
        | SourceKind::Org
        | SourceKind::Group
        | SourceKind::RoleMention => true,
        SourceKind::Pronoun => true,
        SourceKind::Generic => false,
    }
}

/// Try the speech verb at `i`.
/// Where in its sentence a cue is tried.
struct At<'f> {
    si: usize,
    /// Sources and content after the verb may not reach before this token.
    floor: usize,
    /// Content before the source may not reach before this token.
    left_floor: usize,
    /// Attributions found earlier in the sentence.
    earlier: &'f [Found],
    /// Index of `earlier[0]` in the output list.
    offset: usize,
}

fn verb(doc: &Doc, at: &At, i: usize) -> Option<Hit> {
    let (si, floor, earlier, offset) = (at.si, at.floor, at.earlier, at.offset);
    let sent = doc.sents[si].toks.clone();
    let end = subordinate_end(doc, sent.clone(), i);
    let cue = doc.toks[i].cue?;
    // Sentence-initial participles ("Asked about it, he said") are not cues.
    if i == sent.start
        && matches!(cue.form, Form::Past | Form::Participle | Form::Gerund)
        && doc.toks[i].is_cap()
    {
        return None;
    }
    let b = verb_group_start(doc, floor, i)?;

    // ", adding that ...": a participle shares the source of its clause.
    let linked = ["by", "while", "before", "after", "when"];
    if cue.form == Form::Gerund
        && b > sent.start
        && (doc.is_punct(b - 1, ',') || linked.iter().any(|w| doc.is_word(b - 1, w)))
    {
        let (k, that) = match cue.class {
            CueClass::Object => (object_start(doc, i + 1), false),
            // "before asking her, ...", "telling reporters that ..."
            CueClass::Tell | CueClass::Ask => {
                let k = object_phrase(doc, i + 1, end).unwrap_or(i + 1);
                skip_adjuncts(doc, k, end)
            }
            _ => skip_adjuncts(doc, i + 1, end),
        };
        let content = right_clause(doc, k, end, cue.class, that)?;
        // The subject of the main clause, else the source of the attribution before.
        let subject = source::clause_subject(doc, sent.start..b)
            .map(|phrase| source::parse(doc, phrase, None))
            .filter(|s| s.kind != SourceKind::Generic);
        let (source, inherit) = match (subject, earlier.last()) {
            (Some(s), _) => (Some(s), None),
            (None, Some(_)) => (None, Some(offset + earlier.len() - 1)),
            (None, None) => return None,
        };
        let parts = as_parts(doc, content.clone());
        let kind = kind_of(doc, &parts);
        return Some(Hit {
            found: Found {
                source,
                inherit,
                parts,
                kind,
                sent: si,
                cue: i,
            },
            consumed: content.end,
            bare: false,
            left: false,
        });
    }
    let quoted_as = b < i && doc.is_word(b + 1, "quoted");
    let progressive = b > floor && is_be_or_aux(doc, b, i);
    if cue.form == Form::Gerund && !quoted_as && !progressive && !quote_soon_after(doc, i + 1, end)
    {
        return None;
    }

    // The source may stand before attributions found earlier in the sentence ("Barkley,
    // who said ..., said ..."), so it is looked for back to the sentence start.
    let mut src = left_source(doc, sent.start, b, i, end)?;
    let mut parsed = source::parse(doc, src.phrase.clone(), src.appositive.clone());
    let mut subject_moved = false;
    // "Trump issued a statement saying ...", "Sanders started the debate saying ...": the
    // participle belongs to the subject, not to the thing before it.
    if cue.form == Form::Gerund
        && !src.inverted
        && parsed.kind == SourceKind::Generic
        && let Some(subject) = source::clause_subject(doc, sent.start..src.phrase.start)
    {
        let s = source::parse(doc, subject.clone(), None);
        if speaks(&s) {
            src.phrase = subject;
            subject_moved = true;
            parsed = s;
        }
    }
    // "X said A, and added B": the same speaker as the attribution just before.
    let inherit = if src.coordinated && !earlier.is_empty() {
        Some(offset + earlier.len() - 1)
    } else {
        None
    };
    if inherit.is_some() {
        parsed = earlier[earlier.len() - 1].source.clone().unwrap_or(parsed);
    }
    let mut src_start = if src.inverted { b } else { src.phrase.start };
    // With the role before the name ("One hopeful, Carly Fiorina, says"), the source words
    // start with the role.
    if let Some(a) = &src.appositive
        && !src.inverted
        && a.start < src_start
    {
        src_start = a.start;
    }
    // Verb agreement tells a noun from a verb: "-s" forms need a singular subject ("some
    // states" is no speech), bare forms a plural one or a helper ("did not say").
    let joined = src_start >= sent.start + 2
        && doc.is_word(src_start - 1, "and")
        && doc.toks[src_start - 2].is_cap();
    let plural_subject = parsed.plural
        || parsed.phrase.clone().any(|k| doc.toks[k].is(Class::PLURAL))
        || parsed.first_person
        || matches!(parsed.kind, SourceKind::Group)
        || parsed.phrase.is_empty()
        || joined;
    if !src.inverted {
        let singular_group = !parsed.plural || parsed.kind == SourceKind::Person;
        if cue.form == Form::ThirdPerson && !singular_group && parsed.kind != SourceKind::Person {
            return None;
        }
        if cue.form == Form::Base && b == i && !plural_subject {
            return None;
        }
    }

    // "India termed the move \"unfair\"", "She called for talks": the judged thing.
    if cue.class == CueClass::Object {
        if src.inverted || !speaks(&parsed) || parsed.first_person {
            return None;
        }
        let content = right_clause(doc, object_start(doc, i + 1), end, cue.class, false)?;
        let parts = as_parts(doc, content.clone());
        let kind = kind_of(doc, &parts);
        return Some(Hit {
            found: Found {
                source: Some(parsed),
                inherit,
                parts,
                kind,
                sent: si,
                cue: i,
            },
            consumed: content.end,
            bare: false,
            left: false,
        });
    }

    // Content after the verb.
    let mut k = src.after;
    if doc.is_word(k, "out") || doc.is_word(k, "back") {
        k += 1;
    }
    let mut object = false;
    if !src.inverted
        && matches!(cue.class, CueClass::Tell | CueClass::Ask)
        && k < end
        && let Some(obj) = object_phrase(doc, k, end)
    {
        k = obj;
        object = true;
    }
    let (mut k2, mut that) = skip_adjuncts(doc, k, end);
    // "told voters in Kentucky on Sunday that ...", "said during the debate that ...".
    if !that
        && k2 < end
        && (doc.toks[k2].is(Class::PREP) || doc.is_word(k2, "as"))
        && let Some(t) = that_ahead(doc, k2, end)
    {
        k2 = t + 1;
        that = true;
    }
    let right = if src.inverted && !that && !(k2 < end && opens_quote(doc, k2)) {
        None
    } else {
        right_clause(doc, k2, end, cue.class, that)
    };
    // Verbs with other senses, and "-s" forms that may be plural nouns ("his tweets"), need
    // a source that can speak unless "that" or a quote shows the speech.
    let noun_like = matches!(cue.form, Form::ThirdPerson | Form::Base);
    let right = right.filter(|r| {
        !((cue.loose || noun_like && !src.coordinated)
            && !that
            && !src.inverted
            && !opens_quote(doc, r.start)
            && !speaks(&parsed))
    });

    let left = if src.coordinated || subject_moved {
        None
    } else {
        left_content(doc, at.left_floor, src_start)
    };
    // After a quote, words right after the source are its adjuncts ("she said several
    // months later", "said Friday as he entered"); only a second quote or a "that" clause
    // continues it.
    let left_direct = left
        .as_ref()
        .is_some_and(|l| kind_of(doc, &as_parts(doc, l.clone())) == QuoteKind::Direct);
    let right = right.filter(|r| !left_direct || that || opens_quote(doc, r.start));
    let mut used_left = true;
    let (parts, consumed) = match (left, right) {
        (Some(l), Some(r)) => {
            let lq = has_quote(doc, &l);
            let parenthetical = doc.is_punct(src.after, ',');
            if lq || parenthetical && n_words(doc, &l) >= 4 && !opens_adjunct(doc, l.start) {
                let mut parts = as_parts(doc, l);
                parts.extend(as_parts(doc, r.clone()));
                (parts, r.end)
            } else {
                used_left = false;
                (as_parts(doc, r.clone()), r.end)
            }
        }
        (None, Some(r)) => {
            used_left = false;
            (as_parts(doc, r.clone()), r.end)
        }
        (Some(l), None) => {
            // After a reported clause, only adjuncts may follow the verb; after a quote, the
            // source may run on ("said Smith, who ...").
            let quote = kind_of(doc, &as_parts(doc, l.clone())) == QuoteKind::Direct;
            // "In a speech last July, he said:" - a short lead phrase is no content.
            let lead_only = opens_adjunct(doc, l.start)
                && n_words(doc, &l) <= 6
                && !l.clone().any(|x| doc.is_punct(x, ','));
            // After "told GMTV's Sunday programme", a word or two of the object may remain.
            let short_tail = object && n_words(doc, &(k2..end)) <= 2;
            if !quote && (!(tail_is_adjunct(doc, k2, end) || short_tail) || lead_only)
                || cue.class == CueClass::Weak && !has_quote(doc, &l)
            {
                return None;
            }
            (as_parts(doc, l), k2)
        }
        (None, None) => {
            let bare = at_end(doc, k2, end) && !object;
            if !bare || src.inverted && cue.class == CueClass::Weak {
                return None;
            }
            return Some(Hit {
                found: Found {
                    source: Some(parsed),
                    inherit,
                    parts: Vec::new(),
                    kind: QuoteKind::Direct,
                    sent: si,
                    cue: i,
                },
                consumed: end,
                bare: true,
                left: false,
            });
        }
    };
    let kind = kind_of(doc, &parts);
    Some(Hit {
        found: Found {
            source: Some(parsed),
            inherit,
            parts,
            kind,
            sent: si,
            cue: i,
        },
        consumed,
        bare: false,
        left: used_left,
    })
}

/// "While India denied X, Pakistan credited Y": a verb inside an opening subordinate clause
/// reports no further than the comma that closes it.
fn subordinate_end(doc: &Doc, sent: Range<usize>, i: usize) -> usize {
    let subordinators = [
        "while", "although", "though", "because", "if", "when", "after", "before", "since",
        "unless", "whereas", "as", "once", "until",
    ];
    if !subordinators.iter().any(|w| doc.is_word(sent.start, w)) {
        return sent.end;
    }
    match source::clause_comma(doc, sent.clone()) {
        Some(c) if c > i && doc.is_punct(c, ',') => c,
        Some(c) if c > i => c + 1,
        _ => sent.end,
    }
}

/// Where the object of a judging verb starts: after "for", "on", "out" ("called for talks",
/// "called on Congress to act", "called out his rival").
fn object_start(doc: &Doc, k: usize) -> usize {
    if ["for", "on", "out", "upon"]
        .iter()
        .any(|w| doc.is_word(k, w))
    {
        k + 1
    } else {
        k
    }
}

/// A "that" a few plain words ahead of `k` (past an adjunct phrase).
fn that_ahead(doc: &Doc, k: usize, end: usize) -> Option<usize> {
    // "agreed to talk on the condition that ..." is not an adjunct before a clause.
    if doc.is_word(k, "to") {
        return None;
    }
    for x in k..end.min(k + 14) {
        let t = &doc.toks[x];
        if doc.is_word(x, "that") {
            // "about that position": a determiner, not a conjunction.
            let det = x > k && doc.toks[x - 1].is(Class::PREP);
            return (!det).then_some(x);
        }
        if !t.is_word() && !t.is_punct(',') || t.in_quote() || t.cue.is_some() {
            return None;
        }
    }
    None
}

/// Does a quote open within a few tokens after `k`, with nothing but a comma or colon of
/// punctuation before it ("asking, \"...\"", "saying during the debate, \"...\"")?
fn quote_soon_after(doc: &Doc, k: usize, end: usize) -> bool {
    for x in k..end.min(k + 10) {
        if opens_quote(doc, x) {
            return true;
        }
        let t = &doc.toks[x];
        if t.cue.is_some() || !t.is_word() && !t.is_punct(',') && !t.is_punct(':') {
            return false;
        }
    }
    false
}

/// A clause that opens with a participle, preposition or conjunction sets the scene
/// ("Asked about it, ...", "In Ohio, ..."); it is not what the source said.
fn opens_adjunct(doc: &Doc, k: usize) -> bool {
    let t = &doc.toks[k];
    if !t.is_word() {
        return false;
    }
    let w = doc.word(k);
    t.is(Class::PREP | Class::CONJ | Class::TIME) && !doc.is_word(k, "whether")
        || t.is_cap() && (w.ends_with("ed") || w.ends_with("ing"))
}

fn is_be_or_aux(doc: &Doc, b: usize, i: usize) -> bool {
    (b..i).any(|k| doc.toks[k].is(Class::AUX))
}

fn has_quote(doc: &Doc, r: &Range<usize>) -> bool {
    r.clone().any(|k| doc.toks[k].in_quote())
}

fn opens_quote(doc: &Doc, k: usize) -> bool {
    k < doc.toks.len() && doc.toks[k].in_quote() && doc.spans[doc.toks[k].span as usize].open == k
}

/// After the verb, only adjuncts: nothing, or a phrase led by a preposition, time word or
/// participle ("on Saturday, ahead of his meeting with ...").
fn tail_is_adjunct(doc: &Doc, k: usize, end: usize) -> bool {
    if at_end(doc, k, end) {
        return true;
    }
    let t = &doc.toks[k];
    t.is_word()
        && (t.is(Class::PREP | Class::TIME | Class::CONJ)
            && !doc.is_word(k, "that")
            && !doc.is_word(k, "to")
            || t.is(Class::RELATIVE) && !doc.is_word(k, "that")
            || t.cue.is_some_and(|c| c.form == Form::Gerund))
        || t.is_punct('(')
}

/// The object of "told"/"asked": a pronoun or a noun phrase ("reporters", "CNN's Jake
/// Tapper", "a crowd in Ohio"). Gives the token after it.
fn object_phrase(doc: &Doc, k: usize, end: usize) -> Option<usize> {
    let t = &doc.toks[k];
    if !t.is_word() || doc.is_word(k, "that") || t.is(Class::WH) && !t.is(Class::PRONOUN) {
        return None;
    }
    if t.is(Class::PRONOUN) {
        return Some(k + 1);
    }
    let r = source::right_phrase(doc, k, end)?;
    Some(r.end)
}

/// The reported clause starting at `k`, if it is one.
fn right_clause(
    doc: &Doc,
    k: usize,
    end: usize,
    class: CueClass,
    that: bool,
) -> Option<Range<usize>> {
    if k >= end || at_end(doc, k, end) {
        return None;
    }
    let t = &doc.toks[k];
    let quote = opens_quote(doc, k);
    if !quote {
        if !t.is_word() {
            return None;
        }
        if !that {
            // "despite being a Stanford alumna, she plans ...": past an opening adjunct.
            if t.is(Class::PREP)
                && !doc.is_word(k, "to")
                && let Some(c) = (k + 1..end.min(k + 12)).find(|&x| doc.is_punct(x, ','))
                && c + 1 < end
                && doc.toks[c + 1].is(Class::PRONOUN | Class::DET)
            {
                return right_clause(doc, c + 1, end, class, that);
            }
            if t.is(Class::PREP) && !t.is(Class::WH)
                || t.is(Class::AUX | Class::NEG) && !t.is(Class::PRONOUN)
                || t.cue.is_some() && !t.is_cap()
                || ["and", "or", "but", "nor"]
                    .iter()
                    .any(|w| doc.is_word(k, w))
                || doc.is_word(k, "as") && class != CueClass::Object
            {
                return None;
            }
            match class {
                CueClass::Weak => return None,
                CueClass::Ask if !(t.is(Class::WH) || doc.is_word(k, "if")) => return None,
                _ => {}
            }
        }
    }
    let e = clause_end(doc, k, end);
    let r = k..e;
    if n_words(doc, &r) < 2 && !quote {
        return None;
    }
    Some(r)
}

/// `according to X, CLAUSE` / `CLAUSE, according to X`.
fn according(doc: &Doc, at: &At, i: usize) -> Option<Hit> {
    let (si, floor) = (at.si, at.left_floor);
    let end = doc.sents[si].toks.end;
    let phrase = source::right_phrase(doc, i + 2, end)?;
    let lead = (floor..i).all(|k| !doc.toks[k].is_word() || doc.toks[k].is(Class::CONJ));
    // "According to X, a former aide, the ..." - an appositive closed by a comma; without
    // one, the words after the comma are the content.
    let appositive = source::appositive_after(doc, phrase.end, end)
        .filter(|a| !lead || doc.is_punct(a.end, ','));
    let after = appositive.as_ref().map_or(phrase.end, |a| a.end);
    let parsed = source::parse(doc, phrase, appositive);
    let mut parts: Vec<Range<usize>> = Vec::new();
    let consumed;
    if lead {
        let k = if doc.is_punct(after, ',') {
            after + 1
        } else {
            after
        };
        let e = clause_end(doc, k, end);
        if e <= k {
            return None;
        }
        parts.push(k..e);
        consumed = e;
    } else {
        let l_end = if doc.is_punct(i - 1, ',') { i - 1 } else { i };
        if l_end <= floor {
            return None;
        }
        parts.push(floor..l_end);
        // "X, according to Y, is ..." - the rest of the clause.
        let mut e = after;
        if doc.is_punct(after, ',') {
            let ce = clause_end(doc, after + 1, end);
            if ce > after + 1 && n_words(doc, &(after + 1..ce)) >= 2 {
                parts.push(after + 1..ce);
                e = ce;
            }
        }
        consumed = e;
    }
    let parts: Vec<Range<usize>> = parts.into_iter().flat_map(|p| as_parts(doc, p)).collect();
    let kind = kind_of(doc, &parts);
    Some(Hit {
        found: Found {
            source: Some(parsed),
            inherit: None,
            parts,
            kind,
            sent: si,
            cue: i,
        },
        consumed,
        bare: false,
        left: !lead,
    })
}

/// `"Q" - X` / `"Q" — X, role`: a quote, a dash, and a source to the end of the sentence.
fn dash_source(doc: &Doc, si: usize) -> Option<Found> {
    let r = doc.sents[si].toks.clone();
    let mut i = r.start;
    while i < r.end {
        let t = &doc.toks[i];
        if t.in_quote() {
            let s = &doc.spans[t.span as usize];
            let close = s.close?;
            let mut d = close + 1;
            if d < r.end && matches!(doc.toks[d].kind, Kind::Punct('.' | ',')) {
                d += 1;
            }
            if d < r.end
                && matches!(
                    doc.toks[d].kind,
                    Kind::Punct('-' | '\u{2014}' | '\u{2013}' | '\u{2015}')
                )
            {
                let phrase = source::right_phrase(doc, d + 1, r.end)?;
                let appositive = source::appositive_after(doc, phrase.end, r.end);
                let after = appositive.as_ref().map_or(phrase.end, |a| a.end);
                let parsed = source::parse(doc, phrase, appositive);
                if at_end(doc, after, r.end)
                    && matches!(
                        parsed.kind,
                        SourceKind::Person | SourceKind::Named | SourceKind::Org
                    )
                {
                    return Some(Found {
                        source: Some(parsed),
                        inherit: None,
                        parts: vec![s.inner()],
                        kind: QuoteKind::Direct,
                        sent: si,
                        cue: d,
                    });
                }
            }
            i = s.end.max(i + 1);
            continue;
        }
        i += 1;
    }
    None
}

/// Quote marks that open a span at token `k`.
#[allow(dead_code)]
fn is_open_mark(doc: &Doc, k: usize) -> bool {
    matches!(
        doc.toks[k].kind,
        Kind::Mark(Mark::DoubleOpen | Mark::DoubleEither | Mark::SingleOpen | Mark::SingleEither)
    ) && opens_quote(doc, k)
}
