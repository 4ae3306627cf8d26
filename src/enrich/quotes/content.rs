//! Where said words begin and end: quote insides, the reported clause after a verb or before
//! a source, and the adjuncts, objects and asides that are not part of either.
//!
//! Works on token ranges of a [`Doc`]; gives ranges. A reported clause runs to the end of its
//! sentence unless a new attribution starts first (", adding ...", "but he said ...", ";").

use std::ops::Range;

use super::lexicon::{Class, CueClass, Form, LEXICON};
use super::source;
use super::text::{Doc, Kind, after_dateline, flag};
use crate::enrich::QuoteKind;

/// Longest reported clause, in tokens; news sentences stay well below it.
const MAX_CLAUSE: usize = 250;

/// Is token `k` the closing mark of a quote?
pub(super) fn is_close_mark(doc: &Doc, k: usize) -> bool {
    let t = &doc.toks[k];
    t.in_quote() && doc.spans[t.span as usize].close == Some(k)
}

/// Token `k` is a sentence-final punctuation mark (or past the end).
pub(super) fn at_end(doc: &Doc, k: usize, end: usize) -> bool {
    (k..end).all(|x| {
        let t = &doc.toks[x];
        !(t.is_word() || t.in_quote() && doc.spans[t.span as usize].open == x)
    })
}

/// Skip adjuncts after a verb: time phrases, "in a statement", "on Twitter", commas.
/// Returns the next token and whether a "that" was passed.
pub(super) fn skip_adjuncts(doc: &Doc, mut k: usize, end: usize) -> (usize, bool) {
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
            // "said that was a mistake", "say that won't be true": before a helper verb that
            // agrees with a singular subject, "that" is the clause's subject. Before "no",
            // "not", a plural verb or a participle it introduces the clause ("said that no
            // decision had been made", "said that continued growth will ...").
            let subject = k + 1 < end && {
                let w = doc.word(k + 1);
                let helpers = [
                    "is", "was", "has", "had", "would", "will", "could", "can", "may", "might",
                    "must", "does", "did",
                ];
                helpers.iter().any(|h| w.eq_ignore_ascii_case(h))
                    || doc.toks[k + 1].is_word()
                        && (w.ends_with("n't") || w.ends_with("n\u{2019}t"))
            };
            return (if subject { k } else { k + 1 }, true);
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
pub(super) fn adjunct_phrase(doc: &Doc, k: usize, end: usize) -> Option<usize> {
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
pub(super) fn clause_end(doc: &Doc, k: usize, end: usize) -> usize {
    // A run-on text with no sentence ends must not make every cue read to its end.
    let end = end.min(k + MAX_CLAUSE);
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
            while v < end
                && doc.toks[v].is(Class::ADVERB | Class::AUX | Class::NEG)
                && doc.toks[v].cue.is_none()
            {
                v += 1;
            }
            // "... but he said ..." starts a new attribution too, as does a participle of a
            // speech verb ("... and telling voters that ...").
            if v < end
                && doc.toks[v]
                    .cue
                    .is_some_and(|c| c.form != Form::Gerund || c.class != CueClass::Weak)
                || attribution_follows(doc, e, end)
            {
                break;
            }
        }
        // "... while chanting, ...", "... before asking her ...": a participle of its own.
        // "... while also suggesting that ...": adverbs may stand between.
        let linked = ["while", "before", "after", "by"];
        if e > k && linked.iter().any(|w| doc.is_word(e, w)) {
            let mut v = e + 1;
            while v < end && v < e + 3 && doc.toks[v].is(Class::ADVERB) && doc.toks[v].cue.is_none()
            {
                v += 1;
            }
            if v < end && doc.toks[v].cue.is_some_and(|c| c.form == Form::Gerund) {
                break;
            }
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
pub(super) fn attribution_follows(doc: &Doc, mut k: usize, end: usize) -> bool {
    let joins = ["and", "but", "though", "although", "while", "whereas", "as"];
    let joined = joins.iter().any(|w| doc.is_word(k, w));
    if joined {
        k += 1;
    }
    if k >= end {
        return false;
    }
    let t = &doc.toks[k];
    // After "and" / "but" a verb of judging opens a clause of its own too ("... and she
    // accused him of lying").
    let verb = |t: &super::text::Token| {
        t.cue.is_some_and(|c| {
            !matches!(c.form, Form::Gerund)
                && (c.class != CueClass::Weak)
                && (c.class != CueClass::Object || joined)
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
pub(super) fn kind_of(doc: &Doc, parts: &[Range<usize>]) -> QuoteKind {
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
pub(super) fn as_parts(doc: &Doc, r: Range<usize>) -> Vec<Range<usize>> {
    quotes_only(doc, r.clone(), true).unwrap_or_else(|| vec![r])
}

/// The insides of the quotes that make up all of `r` (punctuation aside), or `None` when a
/// word stands outside them (or, unless `single` is set, a quote has single marks).
pub(super) fn quotes_only(doc: &Doc, r: Range<usize>, single: bool) -> Option<Vec<Range<usize>>> {
    let mut parts = Vec::new();
    let mut i = r.start;
    while i < r.end {
        let t = &doc.toks[i];
        if t.in_quote() {
            let s = &doc.spans[t.span as usize];
            if s.open != i || s.end > r.end || s.single && !single {
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

/// Number of words in a token range.
pub(super) fn n_words(doc: &Doc, r: &Range<usize>) -> usize {
    r.clone().filter(|&k| doc.toks[k].is_word()).count()
}

/// Content before the source: everything from `floor` to a comma or closing mark right
/// before `src_start`.
pub(super) fn left_content(doc: &Doc, floor: usize, src_start: usize) -> Option<Range<usize>> {
    if src_start <= floor || src_start - floor > MAX_CLAUSE {
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
    start = after_dateline(doc, start, end);
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

/// "While India denied X, Pakistan credited Y": a verb inside an opening subordinate clause
/// reports no further than the comma that closes it.
pub(super) fn subordinate_end(doc: &Doc, sent: Range<usize>, i: usize) -> usize {
    let subordinators = [
        "while", "although", "though", "because", "if", "when", "after", "before", "since",
        "unless", "whereas", "once", "until",
    ];
    if !subordinators.iter().any(|w| doc.is_word(sent.start, w)) {
        return sent.end;
    }
    // (A subordinate clause is short; a run-on sentence is not searched to its end.)
    match source::clause_comma(doc, sent.start..sent.end.min(sent.start + 80)) {
        Some(c) if c > i && doc.is_punct(c, ',') => c,
        Some(c) if c > i => c + 1,
        _ => sent.end,
    }
}

/// Where the object of a judging verb starts: after "for", "on", "out" ("called for talks",
/// "called on Congress to act", "called out his rival").
pub(super) fn object_start(doc: &Doc, k: usize) -> usize {
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
pub(super) fn that_ahead(doc: &Doc, k: usize, end: usize) -> Option<usize> {
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
        // "in her opening remarks that ...": after a determiner or modifier, a cue's "-s"
        // form is a noun.
        let noun = t
            .cue
            .is_some_and(|c| matches!(c.form, Form::ThirdPerson | Form::Base))
            && x > k
            && doc.toks[x - 1].is_word()
            && !doc.toks[x - 1].is_cap()
            && !doc.toks[x - 1].is(Class::PRONOUN | Class::AUX | Class::NEG);
        if !t.is_word() && !t.is_punct(',') || t.in_quote() || t.cue.is_some() && !noun {
            return None;
        }
    }
    None
}

/// Does a quote open within a few tokens after `k`, with nothing but a comma or colon of
/// punctuation before it ("asking, \"...\"", "saying during the debate, \"...\"")?
pub(super) fn quote_soon_after(doc: &Doc, k: usize, end: usize) -> bool {
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
pub(super) fn opens_adjunct(doc: &Doc, k: usize) -> bool {
    let t = &doc.toks[k];
    if !t.is_word() {
        return false;
    }
    let w = doc.word(k);
    t.is(Class::PREP | Class::CONJ | Class::TIME) && !doc.is_word(k, "whether")
        || t.is_cap() && (w.ends_with("ed") || w.ends_with("ing"))
}

/// Does the range hold a quoted word?
pub(super) fn has_quote(doc: &Doc, r: &Range<usize>) -> bool {
    r.clone().any(|k| doc.toks[k].in_quote())
}

/// Is token `k` the opening mark of a quote?
pub(super) fn opens_quote(doc: &Doc, k: usize) -> bool {
    k < doc.toks.len() && doc.toks[k].in_quote() && doc.spans[doc.toks[k].span as usize].open == k
}

/// After the verb, only adjuncts: nothing, or a phrase led by a preposition, time word or
/// participle ("on Saturday, ahead of his meeting with ...").
pub(super) fn tail_is_adjunct(doc: &Doc, k: usize, end: usize) -> bool {
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

/// Is the rest of the sentence from `k` a second appositive after an inverted source's first
/// one: ", a Beijing-based think tank.", ", National University of Singapore.", ", the
/// world's sixth largest network."? A noun phrase after a comma, opening with a determiner
/// or a possessive, or a name, with no quote marks, no clause break and no speech verb
/// ("..., the ministry warned" is a second source).
pub(super) fn appositive_tail(doc: &Doc, k: usize, end: usize) -> bool {
    if k == 0 || k >= end || !doc.is_punct(k - 1, ',') {
        return false;
    }
    let t = &doc.toks[k];
    if !t.is_word() || t.is(Class::PRONOUN | Class::TIME | Class::CUE) {
        return false;
    }
    // After a determiner or a possessive, a noun phrase ("a Thai think tank", "Mexico's next
    // ruling party"); else a name only ("National University of Singapore"), not a clause
    // ("Teck wants the gap narrowed").
    let noun_phrase = t.is(Class::DET) || t.has(flag::POSSESSIVE);
    let name_only = t.is_cap()
        && (k..end).all(|x| {
            let u = &doc.toks[x];
            u.is_cap()
                || !u.is_word()
                || ["of", "and", "for", "the"]
                    .iter()
                    .any(|w| doc.is_word(x, w))
        });
    (noun_phrase || name_only)
        && (k..end).all(|x| {
            let u = &doc.toks[x];
            !u.in_quote()
                && !matches!(u.kind, Kind::Mark(_) | Kind::Punct(';' | ':'))
                && u.cue.is_none_or(|c| {
                    // "a Beijing-based think tank": a bare verb form before a noun is no verb.
                    c.form == Form::Gerund
                        || c.form == Form::Base
                            && x + 1 < end
                            && doc.toks[x + 1].is_word()
                            && !doc.is_word(x + 1, "that")
                })
        })
}

/// The object of "told"/"asked": a pronoun or a noun phrase ("reporters", "CNN's Jake
/// Tapper", "a crowd in Ohio"). Gives the token after it.
pub(super) fn object_phrase(doc: &Doc, k: usize, end: usize) -> Option<usize> {
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

/// Helper verbs that are finite, and so show a clause ("no one was hurt", "no date has been
/// set"); "going" or "seems" of the auxiliary class are not enough.
const FINITE_HELPERS: [&str; 19] = [
    "is", "was", "were", "are", "am", "has", "have", "had", "will", "would", "could", "should",
    "may", "might", "can", "did", "does", "must", "shall",
];

/// The reported clause starting at `k`, if it is one.
pub(super) fn right_clause(
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
            // "said about 200 people were hurt": a preposition before a count is part of it.
            let count = ["about", "around", "nearly", "almost", "roughly"]
                .iter()
                .any(|w| doc.is_word(k, w))
                && k + 1 < end
                && (doc.toks[k + 1].has(flag::NUMBER)
                    || doc.is_word(k + 1, "half")
                    || doc.toks[k + 1].is(Class::QUANT) && !doc.toks[k + 1].is(Class::DET))
                // ... and a verb follows it ("added about 290,000 jobs" reports no clause).
                && (k + 2..end.min(k + 10)).any(|x| doc.toks[x].is(Class::AUX));
            // "Police said no one was hurt", "said no decision had been made": "no" opens the
            // clause's subject when a helper verb follows it ("announced no plans" denies).
            let no_phrase = doc.is_word(k, "no")
                && (k + 1..end.min(k + 8))
                    .take_while(|&x| doc.toks[x].is_word() && !doc.toks[x].in_quote())
                    .any(|x| FINITE_HELPERS.iter().any(|w| doc.is_word(x, w)));
            if t.is(Class::PREP) && !t.is(Class::WH) && !count
                || t.is(Class::AUX | Class::NEG) && !t.is(Class::PRONOUN) && !no_phrase
                || t.cue.is_some() && !t.is_cap() && !cue_noun_subject(doc, k, end)
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
    if !quote && !that && class != CueClass::Object && possessive_object(doc, r.clone()) {
        return None;
    }
    Some(r)
}

/// Does the clause at `k` open with a cue's "-s" form as its subject noun, with a helper
/// verb after the phrase that modifies it ("said reports of a deal were false", "said calls for his
/// resignation were politically motivated", "said estimates of the damage would rise")? Right
/// after a verb the "-s" form is a plural noun; the helper verb shows the clause goes on.
fn cue_noun_subject(doc: &Doc, k: usize, end: usize) -> bool {
    if !doc.toks[k].cue.is_some_and(|c| c.form == Form::ThirdPerson) {
        return false;
    }
    // A prepositional phrase comes first ("reports of", "calls for"). After "claims that" the
    // helper verb is as often the inner clause's ("denied claims that he would run"), and
    // that "that" clause is then what was said.
    if !doc.toks.get(k + 1).is_some_and(|n| n.is(Class::PREP)) {
        return false;
    }
    (k + 2..end.min(k + 12))
        .take_while(|&x| {
            let u = &doc.toks[x];
            u.is_word() && !u.in_quote() && u.cue.is_none()
        })
        .any(|x| doc.toks[x].is(Class::AUX) && !doc.toks[x].is(Class::PRONOUN))
}

/// Is `r` a noun phrase opened by a possessive and holding no verb, the object of the cue
/// rather than something said ("acknowledged New Delhi's concerns over Washington's outreach
/// to Islamabad", "denied Ms Villalba's claims")? A clause goes on with its verb after the
/// possessive's noun ("said Japan's exports rose", "said Ford's move was a mistake"), so only
/// a noun followed by a preposition or the end, then no auxiliary, negation, speech verb or
/// word with a verb's ending, is taken for an object. Verbs of judging take their object as
/// content on purpose, and are not asked. An irregular past after a prepositional phrase
/// ("said the firm's sales in Asia fell") is not seen as a verb: such a clause is lost.
fn possessive_object(doc: &Doc, r: Range<usize>) -> bool {
    let Some(p) = (r.start..r.end.min(r.start + 5)).find(|&k| {
        let w = doc.word(k);
        doc.toks[k].is_word() && w.len() > 2 && super::text::strip_possessive(w).len() < w.len()
    }) else {
        return false;
    };
    let before_ok = (r.start..p).all(|k| doc.toks[k].is_cap() || doc.toks[k].is(Class::DET));
    let head = p + 1;
    if !before_ok || head >= r.end || !doc.toks[head].is_word() || doc.toks[head].is_cap() {
        return false;
    }
    if head + 1 < r.end && !doc.toks[head + 1].is(Class::PREP) {
        return false;
    }
    (head + 1..r.end).all(|k| {
        let t = &doc.toks[k];
        if !t.is_word() || t.is_cap() {
            return true;
        }
        let w = doc.word(k);
        if super::text::strip_possessive(w).len() < w.len() {
            return true;
        }
        !(t.is(Class::AUX | Class::NEG)
            || t.cue.is_some()
            || w.ends_with("ed")
            || w.ends_with("ing")
            || w.ends_with('s') && !w.ends_with("ss"))
    })
}

/// Past tenses with no "-ed" that news copy uses as a clause's verb ("sales rose", "the
/// bank sold"), and that are seldom nouns.
const IRREGULAR_PASTS: [&str; 30] = [
    "rose", "fell", "grew", "made", "took", "went", "came", "gave", "got", "held", "led", "lost",
    "met", "paid", "ran", "sold", "told", "thought", "won", "kept", "began", "became", "brought",
    "bought", "built", "fought", "knew", "meant", "spent", "sent",
];

/// Most words at a content's start searched for a result ("a 52% rise in net profit").
const RESULT_REACH: usize = 8;

/// Does the noun-phrase content `r` name a financial result ("a pre-tax profit of 700 mln
/// stg", "net income of $104m", "a 52% rise in net profit"): a word of `[result_words]` in
/// `data/quote_words.txt` among its first words?
pub(super) fn names_result(doc: &Doc, r: &Range<usize>) -> bool {
    (r.start..r.end.min(r.start + RESULT_REACH)).any(|k| {
        doc.toks[k].is_word()
            && super::words::LISTS
                .result_words
                .iter()
                .any(|w| doc.is_word(k, w))
    })
}

/// Does the content `r` read as a clause with a verb of its own ("sales had slowed",
/// "Ecuador also wanted more", "the government approved three licences", "takeovers and
/// mergers had a role to play") rather than a noun phrase ("a power-play goal with 1:12
/// left", "four conversions as Wales held on", "its voice to growing criticism of delays")?
/// Content set off from its verb by a comma ("he added, those keen ...") is a clause. Up to a
/// subordinating or relative word or a dash, a helper verb, a negation or a speech verb not
/// after "to" counts; an "-ed" word (not a hyphened one: "short-handed") or a common
/// irregular past counts only before the first preposition, conjunction or comma, after
/// which it is most often a modifier. A bare present after a plural ("prices inflate
/// supply") is not seen.
pub(super) fn has_own_verb(doc: &Doc, r: &Range<usize>) -> bool {
    if r.start > 0 && doc.is_punct(r.start - 1, ',') {
        return true;
    }
    // "he would", "they expect": a subject pronoun opens a clause.
    if doc.toks[r.start].is(Class::PRONOUN)
        && !["them", "him", "me", "us", "it", "her", "this", "that"]
            .iter()
            .any(|w| doc.is_word(r.start, w))
    {
        return true;
    }
    let stops = [
        "as", "with", "while", "after", "before", "when", "because", "since", "until", "if",
    ];
    let mut bare = true;
    for x in r.start + 1..r.end.min(r.start + 20) {
        let t = &doc.toks[x];
        // A comma may be a list's ("the political, economic and social system"); a dash,
        // a bracket or a quote ends the phrase.
        if doc.is_punct(x, ',') {
            bare = false;
            continue;
        }
        if !t.is_word()
            || t.in_quote()
            || t.is(Class::RELATIVE | Class::WH)
            || stops.iter().any(|w| doc.is_word(x, w))
        {
            return false;
        }
        // "went on television to defend the bill": an infinitive is no clause's verb.
        let infinitive = doc.is_word(x - 1, "to");
        if !infinitive
            && (t.is(Class::AUX | Class::NEG) && !t.is(Class::PRONOUN) || t.cue.is_some())
        {
            return true;
        }
        if t.is(Class::PREP | Class::CONJ) {
            bare = false;
        }
        let w = doc.word(x);
        if bare
            && (!t.is_cap() && w.len() > 4 && w.ends_with("ed") && !w.contains('-')
                || IRREGULAR_PASTS.iter().any(|p| w.eq_ignore_ascii_case(p)))
        {
            return true;
        }
    }
    false
}

/// A lowercase "-ly" word that is an adverb ("boldly said"), not a noun like "family".
pub(super) fn is_ly_adverb(doc: &Doc, k: usize) -> bool {
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
