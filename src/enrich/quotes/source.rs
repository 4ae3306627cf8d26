//! Source phrases: where the words naming a speaker begin and end, and what they say about
//! the speaker.
//!
//! - [`left`]: the noun phrase before a speech verb ("US Secretary of State Marco Rubio
//!   said");
//! - [`right`]: the phrase after an inverted verb ("said Geoff Garin");
//! - [`aside`]: asides between a source and its verb ("X, who ..., said", "X, a former
//!   adviser, said");
//! - [`reading`]: [`parse`] reads a phrase as an affiliation, a role and a name ("Chinese |
//!   Foreign Ministry spokesperson | Geng Shuang"), or as a pronoun, an organisation, a group
//!   or a role mention ("the senator").
//!
//! This file keeps what they share (which words may stand in a phrase, what a head noun
//! is) and the subjects of clauses and relative clauses.

mod aside;
mod left;
mod reading;
mod right;

use std::ops::Range;

use super::lexicon::{Class, CueClass, LEXICON};
use super::names::Gender;
use super::speaker_name;
use super::text::{Doc, Kind, flag};

pub(crate) use aside::{appositive_after, aside_before, unclosed_aside};
pub(crate) use left::left_phrase;
pub(crate) use reading::parse;
pub(crate) use right::{described_phrase, placed_description, right_phrase};

/// Longest source phrase, in tokens.
const MAX_PHRASE: usize = 12;
/// Longest aside between a source and its verb, in tokens.
const MAX_ASIDE: usize = 30;

/// What a source phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SourceKind {
    /// A person's name, maybe with a title ("President Trump", "Marco Rubio").
    Person,
    /// A single capitalised word that may be a surname, a country or an outlet ("Rubio",
    /// "India", "CNN").
    Named,
    /// A named organisation ("the State Department", "The New York Times").
    Org,
    /// A group of people ("Democrats", "officials").
    Group,
    /// He, she, they, it, I, we.
    Pronoun,
    /// A role standing for a person ("the senator", "the spokesman").
    RoleMention,
    /// A common noun phrase that names no one ("the report", "the company").
    Generic,
}

/// A parsed source phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Source {
    pub kind: SourceKind,
    /// The whole phrase.
    pub phrase: Range<usize>,
    /// The name words (person, named, organisation, named group).
    pub name: Option<Range<usize>>,
    pub role: Option<Range<usize>>,
    pub affiliation: Option<Range<usize>>,
    pub gender: Gender,
    pub plural: bool,
    /// I / we: the writer or an unnamed first person.
    pub first_person: bool,
}

/// Words that can stand inside a source phrase before its head.
fn phrase_word(doc: &Doc, k: usize) -> bool {
    let mut t = doc.toks[k];
    if !t.is_word() {
        return false;
    }
    // "the fire department": a verb that is a cue only with its particle ("fired back") is a
    // plain word without it.
    if t.cue
        .and_then(|c| LEXICON.particle(c))
        .is_some_and(|p| !doc.is_word(k + 1, p))
    {
        t.class &= !Class::CUE;
    }
    if t.is(Class::CONJ
        | Class::PREP
        | Class::AUX
        | Class::WH
        | Class::RELATIVE
        | Class::NEG
        | Class::PRONOUN
        | Class::CUE)
        && !t.is(Class::ROLE_ANY | Class::ORG_HEAD | Class::GROUP | Class::FIRST_NAME)
    {
        return t.is_cap() && !t.is(Class::SENTENCE_WORD) && !t.is(Class::PRONOUN);
    }
    true
}

/// Is `k` an unknown lowercase word (an adjective in "longtime pollster", or a verb)?
fn plain_lower(doc: &Doc, k: usize) -> bool {
    let t = &doc.toks[k];
    t.is_word()
        && !t.is_cap()
        && !t.has(flag::NUMBER)
        && !t.is(Class::ROLE_ANY | Class::GROUP | Class::ORG_HEAD | Class::DET | Class::QUANT)
}

/// A number or a number word, alone or hyphenated ("24", "Twenty-four", "three-quarters",
/// "Three-in-five"), or a share word ("percent", "majority").
pub(crate) fn is_quantity(doc: &Doc, k: usize) -> bool {
    let t = &doc.toks[k];
    if !t.is_word() {
        return false;
    }
    if t.has(flag::NUMBER) || t.is(Class::QUANT | Class::MEASURE) && !t.is(Class::DET) {
        return true;
    }
    let w = doc.word(k);
    w.contains('-')
        && w.split('-').all(|part| {
            part.eq_ignore_ascii_case("in")
                || part.bytes().all(|b| b.is_ascii_digit())
                || LEXICON.get(part).class & (Class::QUANT | Class::MEASURE) != 0
        })
}

/// Does a lowercase head noun look plural ("specialists", "groups"), by its ending?
pub(crate) fn looks_plural(doc: &Doc, k: usize) -> bool {
    let t = &doc.toks[k];
    if !t.is_word() || t.has(flag::POSSESSIVE) || t.has(flag::NUMBER) {
        return false;
    }
    if t.is(Class::PLURAL) {
        return true;
    }
    let w = doc.word(k).as_bytes();
    w.len() > 3
        && w[w.len() - 1].eq_ignore_ascii_case(&b's')
        && !matches!(
            w[w.len() - 2].to_ascii_lowercase(),
            b's' | b'u' | b'i' | b'\''
        )
}

/// Words that may stand before a share of a group: "about 40 percent", "more than half".
const SHARE_QUALIFIERS: [&str; 15] = [
    "about",
    "nearly",
    "almost",
    "only",
    "just",
    "roughly",
    "some",
    "fully",
    "around",
    "approximately",
    "another",
    "the",
    "a",
    "over",
    "barely",
];

/// A subject that is a share of a group ending at `k`: "24 percent", "47%", "four in 10",
/// "three-quarters", "About half", "more than six in 10", "Most". Gives its first token.
fn share_phrase(doc: &Doc, lo: usize, k: usize) -> Option<usize> {
    let t = &doc.toks[k];
    let mut s = if (doc.is_punct(k, '%') || t.is(Class::MEASURE))
        && k > lo
        && (is_quantity(doc, k - 1) || t.is(Class::MEASURE) && doc.toks[k - 1].is(Class::DET))
    {
        k - 1
    } else if is_quantity(doc, k)
        && k >= lo + 2
        && doc.is_word(k - 1, "in")
        && is_quantity(doc, k - 2)
    {
        k - 2
    } else if is_quantity(doc, k) && !t.has(flag::NUMBER) && !t.is(Class::DET) {
        k
    } else {
        return None;
    };
    loop {
        if s > lo && SHARE_QUALIFIERS.iter().any(|w| doc.is_word(s - 1, w)) {
            s -= 1;
        } else if s >= lo + 2
            && doc.is_word(s - 1, "than")
            && ["more", "less", "fewer"]
                .iter()
                .any(|w| doc.is_word(s - 2, w))
        {
            s -= 2;
        } else {
            break;
        }
    }
    Some(s)
}

/// Prepositions that attach a modifier to a source's head noun ("people with knowledge of
/// the plan", "officials in the city", "members of the group").
const LINKS: [&str; 9] = [
    "of", "with", "in", "at", "for", "from", "on", "among", "across",
];

/// Adjectives that follow a source's head noun with a complement of their own ("people
/// familiar with the plan", "an aide close to the governor").
const POST_MODIFIERS: [&str; 7] = [
    "familiar",
    "close",
    "closest",
    "knowledgeable",
    "briefed",
    "loyal",
    "allied",
];

/// Is token `k` the preposition of an adjective after a head noun ("familiar [with]",
/// "close [to]"), with that noun before the adjective?
pub(crate) fn post_modified(doc: &Doc, k: usize) -> bool {
    k >= 2
        && (is_link(doc, k) || doc.is_word(k, "to"))
        && POST_MODIFIERS.iter().any(|w| doc.is_word(k - 1, w))
        && modified_head(doc, k - 2)
        && !POST_MODIFIERS.iter().any(|w| doc.is_word(k - 2, w))
}

/// Can a source phrase start at token `k`: at the head of its sentence or clause?
fn at_clause_start(doc: &Doc, lo: usize, k: usize) -> bool {
    if k <= lo || doc.toks[k].has(flag::SENT_START) {
        return true;
    }
    let p = &doc.toks[k - 1];
    match p.kind {
        Kind::Punct(c) => matches!(c, ',' | ';' | ':' | '\u{2014}' | '\u{2013}' | '-' | '('),
        Kind::Mark(_) => true,
        Kind::Word => {
            p.is(Class::CONJ | Class::RELATIVE) && !p.is(Class::PREP)
                || doc.is_word(k - 1, "that")
                || p.is(Class::ADVERB) && !p.is(Class::PREP) && p.has(flag::SENT_START)
        }
    }
}

/// A party and state label: "R-Ohio", "D-Mass.", "I-Vt.".
pub(crate) fn is_party_label(doc: &Doc, k: usize) -> bool {
    let w = doc.word(k).as_bytes();
    doc.toks[k].is_word()
        && w.len() >= 4
        && matches!(w[0], b'R' | b'D' | b'I')
        && w[1] == b'-'
        && w[2].is_ascii_uppercase()
}

/// "Hawkins and others who want to ban it said", "executives who have worked with him say":
/// the noun phrase before a relative clause that runs up to the verb, whose last word is
/// `p`. (A relative whose clause is only a noun phrase, "the firm that prosecutors said",
/// has its subject after the relative word.)
pub(crate) fn relative_subject(doc: &Doc, lo: usize, p: usize) -> Option<Range<usize>> {
    let floor = lo.max(p.saturating_sub(16));
    let mut r = p;
    loop {
        let t = &doc.toks[r];
        if !t.is_word() || t.in_quote() || t.cue.is_some_and(|c| c.class != CueClass::Weak) {
            return None;
        }
        if doc.is_word(r, "who") || doc.is_word(r, "that") {
            break;
        }
        if r <= floor + 1 {
            return None;
        }
        r -= 1;
    }
    if p < r + 2 || left_phrase(doc, r + 1, p).is_some_and(|ph| ph.start == r + 1) {
        return None;
    }
    let np = left_phrase(doc, lo, r.checked_sub(1)?)?;
    let head = &doc.toks[np.end - 1];
    (at_clause_start(doc, lo, np.start) && !head.is(Class::PRONOUN) && !head.has(flag::NUMBER))
        .then_some(np)
}

/// The source phrase before a dash aside that ends at token `p` ("Many speakers — including
/// pastors and rabbis — said").
pub(crate) fn before_dash_aside(doc: &Doc, lo: usize, p: usize) -> Option<Range<usize>> {
    let is_dash = |x: usize| matches!(doc.toks[x].kind, Kind::Punct('\u{2014}' | '\u{2013}' | '-'));
    if !is_dash(p) || p == 0 {
        return None;
    }
    let floor = lo.max(p.saturating_sub(MAX_ASIDE));
    let mut x = p - 1;
    // "--" is two tokens.
    if doc.is_punct(p, '-') && doc.is_punct(x, '-') {
        x = x.checked_sub(1)?;
    }
    while x > floor {
        let t = &doc.toks[x];
        if t.in_quote() || matches!(t.kind, Kind::Punct('.' | ';' | '?' | '!')) || t.cue.is_some() {
            return None;
        }
        if is_dash(x) && doc.toks[x].has(flag::SPACE_BEFORE) {
            let open = if doc.is_punct(x, '-') && doc.is_punct(x - 1, '-') {
                x - 1
            } else {
                x
            };
            return left_phrase(doc, lo, open.checked_sub(1)?).filter(|ph| ph.end == open);
        }
        x -= 1;
    }
    None
}

/// "A poll released Thursday", "the report published last week": a record named before a
/// participle and maybe a date (which the verb group may have taken), left out of the source
/// phrase. Gives the record's last token, for a phrase that ends at `p`.
pub(crate) fn before_release_date(doc: &Doc, lo: usize, p: usize) -> Option<usize> {
    let mut k = p;
    let mut dated = 0;
    while k > lo
        && dated < 4
        && (doc.toks[k].is(Class::TIME)
            || doc.toks[k].has(flag::NUMBER)
            || ["last", "this", "on", "earlier", "late"]
                .iter()
                .any(|w| doc.is_word(k, w)))
    {
        k -= 1;
        dated += 1;
    }
    let released = [
        "released",
        "published",
        "conducted",
        "issued",
        "taken",
        "out",
        "unveiled",
        "posted",
        "filed",
    ];
    if k <= lo || !released.iter().any(|w| doc.is_word(k, w)) {
        return None;
    }
    doc.toks[k - 1].is(Class::DOCUMENT).then_some(k - 1)
}

/// A preposition that may attach a modifier to a source's head.
fn is_link(doc: &Doc, k: usize) -> bool {
    LINKS.iter().any(|w| doc.is_word(k, w))
}

/// Can token `k` be a source's head noun with a modifier after it ("people [with ...]",
/// "58 percent [of ...]", "knowledge [of ...]")? (Whether the head of the whole phrase is a
/// noun is for [`head_fits`] to say.)
fn modified_head(doc: &Doc, k: usize) -> bool {
    let t = &doc.toks[k];
    t.is_word()
        && !t.has(flag::POSSESSIVE)
        && !t.is(Class::PRONOUN | Class::PREP | Class::AUX | Class::CUE | Class::ADVERB)
        && (t.is_cap() && !t.is(Class::SENTENCE_WORD)
            || t.is(Class::ROLE_ANY | Class::GROUP | Class::ORG_HEAD | Class::MEASURE)
            || is_quantity(doc, k)
            || plain_lower(doc, k))
}

/// Does the phrase `start..` with head `head` read as a noun phrase? A lowercase head must
/// be a role, group or organisation noun, a share ("24 percent"), or come after a
/// determiner or possessive; a plural-looking noun may also open its clause bare
/// ("specialists say").
fn head_fits(doc: &Doc, lo: usize, start: usize, head: usize) -> bool {
    let h = &doc.toks[head];
    if h.is_cap() || h.is(Class::ROLE | Class::GROUP | Class::ORG_HEAD) {
        return true;
    }
    // "the economy added", "many voters say", "Romney's associates said": keep a plain
    // noun only after a determiner or a possessive.
    let first = &doc.toks[start];
    let det = first.is(Class::DET | Class::QUANT)
        || is_quantity(doc, start)
        || start < head && first.has(flag::POSSESSIVE);
    if h.is(Class::ADVERB) {
        return false;
    }
    // "Exit polling showed", "Recent polling shows": a record noun opening its clause is a
    // subject even bare and singular.
    let record_noun = h.is(Class::DOCUMENT);
    det || (looks_plural(doc, head) || record_noun)
        && at_clause_start(doc, lo, start)
        && !h.is(Class::CUE)
}

/// Words that are no adjective or noun, so never part of a description.
const FUNCTION_WORDS: u64 = Class::CUE
    | Class::PREP
    | Class::CONJ
    | Class::RELATIVE
    | Class::WH
    | Class::AUX
    | Class::PRONOUN
    | Class::NEG
    | Class::ADVERB
    | Class::DET
    | Class::QUANT
    | Class::TIME;

/// A person's age used as a noun: "36-year-old", "23-year-old".
pub(crate) fn is_age_noun(doc: &Doc, k: usize) -> bool {
    let t = &doc.toks[k];
    if !t.is_word() || t.in_quote() {
        return false;
    }
    let w = doc.word(k);
    w.len() > "-year-old".len()
        && w.as_bytes()[0].is_ascii_digit()
        && w.get(w.len() - "-year-old".len()..)
            .is_some_and(|tail| tail.eq_ignore_ascii_case("-year-old"))
}

/// Does the word at `k`, after an age noun, describe the person rather than name them ("the
/// 28-year-old former tennis champion", "the 31-year-old American"; "the 36-year-old John
/// Smith" is named)?
pub(crate) fn describes_aged(doc: &Doc, k: usize) -> bool {
    let t = &doc.toks[k];
    t.is_word()
        && !t.in_quote()
        && (!t.is_cap() || t.is(Class::ROLE_ANY) || speaker_name::is_country_modifier(doc.word(k)))
}

/// The first clause boundary in `r`: a comma outside quotes, or a quote that ends in a comma
/// (`... "less advanced schools," Trump said`). Gives the token after which the clause ends.
pub(crate) fn clause_comma(doc: &Doc, r: Range<usize>) -> Option<usize> {
    r.clone().find(|&x| {
        let t = &doc.toks[x];
        if t.in_quote() {
            let s = &doc.spans[t.span as usize];
            return s.close == Some(x) && x > 0 && doc.is_punct(x - 1, ',');
        }
        t.is_punct(',')
    })
}

/// Conjunctions that join clauses as equals; the others ("when", "after", "although") make
/// the clause they open part of another.
const COORDINATORS: [&str; 6] = ["and", "but", "or", "nor", "so", "yet"];

/// The subject at the head of the clause `r` (for "X did this but said ..."): the first
/// noun phrase after an opening adjunct ("Speaking to reporters, Rubio ...").
pub(crate) fn clause_subject(doc: &Doc, r: Range<usize>) -> Option<Range<usize>> {
    // "WASHINGTON, June 10 (Reuters) - Trump ...": the dateline is no subject.
    let mut k = super::text::after_dateline(doc, r.start, r.end);
    // "But Podesta said ... and said ...": a sentence-opening conjunction or adverb; a
    // subordinating one opens an adjunct instead ("When Carson died, Bush led ...").
    let coordinator = |k: usize| COORDINATORS.iter().any(|w| doc.is_word(k, w));
    while k < r.end
        && doc.toks[k].is(Class::SENTENCE_WORD)
        && (coordinator(k) || doc.toks[k].is(Class::ADVERB) && !doc.toks[k].is(Class::CONJ))
    {
        k += 1;
    }
    let first = doc.toks.get(k)?;
    if !first.is_word() {
        return None;
    }
    let opens_subject = first.is_cap()
        && (!first.is(Class::SENTENCE_WORD) || first.is(Class::HONORIFIC))
        || first.is(Class::DET | Class::PRONOUN | Class::QUANT)
        || first.has(flag::NUMBER);
    if !opens_subject {
        // An opening adjunct ends at the first comma.
        let comma = clause_comma(doc, k..r.end.min(k + 30))?;
        k = comma + 1;
    }
    // "But a few days later, Trump reversed himself, telling ...": a time phrase read as
    // the subject is an opening adjunct when a subject follows its comma.
    let first = subject_at(doc, k, r.end)?;
    if !doc.toks[first.end - 1].is(Class::TIME) {
        return Some(first);
    }
    clause_comma(doc, k..r.end.min(k + 30))
        .and_then(|comma| subject_at(doc, comma + 1, r.end))
        .or(Some(first))
}

/// The subject starting at `k`, if a verb follows it before `end`.
fn subject_at(doc: &Doc, k: usize, end: usize) -> Option<Range<usize>> {
    let r = k..end;
    let mut phrase = right_phrase(doc, k, r.end)?;
    // "One employee at a software firm declined ...": the head's modifiers.
    while is_link(doc, phrase.end)
        && let Some(m) = right_phrase(doc, phrase.end + 1, r.end)
    {
        phrase.end = m.end;
    }
    // The phrase must be followed by its verb, a plain word; "The country sees an ..." reads
    // as far as "The country" then. An aside may come between ("Dean, a former chairman,").
    let mut end = phrase.end;
    while end > k {
        let mut e = end;
        // "Sanders himself, who ..., has ...", "Trump on Tuesday doubled ..."
        loop {
            if e < r.end && doc.toks[e].is(Class::ADVERB) && !doc.toks[e].is_cap() {
                e += 1;
            } else if e + 1 < r.end
                && (doc.is_word(e, "on") || doc.is_word(e, "last") || doc.is_word(e, "this"))
                && doc.toks[e + 1].is(Class::TIME)
            {
                e += 2;
                while e < r.end && (doc.toks[e].has(flag::NUMBER) || doc.toks[e].is(Class::TIME)) {
                    e += 1;
                }
            } else {
                break;
            }
        }
        if doc.is_punct(e, ',')
            && end == phrase.end
            && let Some(c) = (e + 1..r.end.min(e + 25)).find(|&x| doc.is_punct(x, ','))
        {
            e = c + 1;
        }
        // (A helper is a verb itself: "Trump continued to ...", "Trump is ...".)
        let mut helper = false;
        while e < r.end && doc.toks[e].is(Class::ADVERB | Class::AUX) {
            helper |= doc.toks[e].is(Class::AUX) && !doc.toks[e].is_cap();
            e += 1;
        }
        let v = doc.toks.get(e)?;
        // "two Democratic speechwriters urged", "Small groups of marchers kept": a plural
        // noun after an adjective or before "of" is the head, not the verb.
        if !helper
            && e == end
            && end == phrase.end
            && looks_plural(doc, e)
            && !v.is_cap()
            && !v.is(Class::CUE | Class::AUX | Class::PREP | Class::CONJ)
            && (doc.toks[end - 1].is(Class::PARTY | Class::ROLE_MOD)
                && !doc.toks[end - 1].is(Class::ROLE | Class::GROUP | Class::ORG_HEAD)
                || is_quantity(doc, end - 1)
                || doc.is_word(e + 1, "of"))
        {
            phrase.end = e + 1;
            while is_link(doc, phrase.end)
                && let Some(m) = right_phrase(doc, phrase.end + 1, r.end)
            {
                phrase.end = m.end;
            }
            // ("groups of marchers": a bare plural after "of".)
            if doc.is_word(phrase.end, "of")
                && phrase.end + 1 < r.end
                && looks_plural(doc, phrase.end + 1)
                && !doc.toks[phrase.end + 1].is_cap()
            {
                phrase.end += 2;
            }
            end = phrase.end;
            continue;
        }
        let verb_like = helper
            || v.is_word()
                && !v.is_cap()
                && !v.is(Class::DET | Class::PREP | Class::CONJ | Class::QUANT | Class::PRONOUN);
        if verb_like {
            return Some(k..end);
        }
        end -= 1;
        if !plain_lower(doc, end) {
            return None;
        }
    }
    None
}

/// Words that join the parts of an organisation's name ("Commission on Presidential
/// Debates", "Alliance to Reclaim Schools", "Committee for a Responsible Federal Budget").
const ORG_LINKS: [&str; 4] = ["of", "for", "on", "to"];

/// Is `k` a capitalised word that can go on an organisation's name: not a day or month,
/// and not a sentence's first word ("On", "The")?
fn org_name_word(doc: &Doc, k: usize) -> bool {
    let t = &doc.toks[k];
    t.is_cap() && !t.is(Class::TIME | Class::DET | Class::PRONOUN) && !t.has(flag::SENT_START)
}

/// The end of an organisation's name that starts at `start` with capitalised words up to an
/// organisation head ("Commission", "Roper Center", "Alliance") and goes on over a link word
/// ("on", "for", "to", "of", optionally with "a" or "the") and more capitalised words, with
/// "and" or "&" between them; `None` unless a link follows the head and capitalised words
/// follow the link, before `hi`. A name ("Clinton to Reclaim") or a role ("Chairman of the
/// Senate Committee") before the link does not start one.
pub(crate) fn org_name_end(doc: &Doc, start: usize, hi: usize) -> Option<usize> {
    let mut h = start;
    while h < hi && doc.toks[h].is_cap() && !ORG_LINKS.iter().any(|w| doc.is_word(h, w)) {
        h += 1;
    }
    let head = h.checked_sub(1).filter(|&x| x >= start)?;
    let ht = &doc.toks[head];
    if !ht.is(Class::ORG_HEAD | Class::ORG_UNIT)
        || ht.is(Class::ROLE)
        || (start..head).any(|k| doc.toks[k].is(Class::ROLE | Class::HONORIFIC))
        || !ORG_LINKS.iter().any(|w| doc.is_word(h, w))
    {
        return None;
    }
    let mut j = h + 1;
    if j < hi && ["a", "the"].iter().any(|w| doc.is_word(j, w)) {
        j += 1;
    }
    if j >= hi || !org_name_word(doc, j) {
        return None;
    }
    let mut end = j + 1;
    let mut k = j + 1;
    while k < hi {
        if org_name_word(doc, k) {
            k += 1;
            end = k;
        } else if (doc.is_punct(k, '&')
            || ["and", "of", "for", "the"]
                .iter()
                .any(|w| doc.is_word(k, w)))
            && k + 1 < hi
        {
            k += 1;
        } else {
            break;
        }
    }
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parse the phrase before the first speech verb of `text`.
    fn parse_before_verb(text: &str) -> (SourceKind, String, String, String) {
        let doc = Doc::new(text);
        let v = (0..doc.toks.len())
            .find(|&i| doc.toks[i].cue.is_some())
            .expect("a verb");
        let (phrase, aside) = if doc.is_punct(v - 1, ',') {
            aside_before(&doc, 0, v - 1).expect(text)
        } else {
            (left_phrase(&doc, 0, v - 1).expect(text), None)
        };
        let s = parse(&doc, phrase, aside);
        let text_of =
            |r: Option<Range<usize>>| r.map(|r| doc.slice(r).to_string()).unwrap_or_default();
        (
            s.kind,
            text_of(s.name),
            text_of(s.role),
            text_of(s.affiliation),
        )
    }

    #[test]
    fn source_phrases_split_into_name_role_and_affiliation() {
        use SourceKind::*;
        let cases: &[(&str, SourceKind, &str, &str, &str)] = &[
            (
                "US Secretary of State Marco Rubio said so.",
                Person,
                "Marco Rubio",
                "Secretary of State",
                "US",
            ),
            (
                "Chinese Foreign Ministry spokesperson Geng Shuang said so.",
                Person,
                "Geng Shuang",
                "Foreign Ministry spokesperson",
                "Chinese",
            ),
            (
                "Then President Trump said so.",
                Person,
                "Trump",
                "President",
                "",
            ),
            ("Mr. Garin added that it works.", Person, "Garin", "", ""),
            (
                "longtime Democratic pollster Pat Caddell said so.",
                Person,
                "Pat Caddell",
                "longtime Democratic pollster",
                "",
            ),
            (
                "Sen. Claire McCaskill (D-Mo.) said so.",
                Person,
                "Claire McCaskill",
                "Sen.",
                "",
            ),
            (
                "Lael Brainard, a Fed governor, said so.",
                Person,
                "Lael Brainard",
                "Fed governor",
                "",
            ),
            (
                "The director of the centre, Ina Kirsch, said so.",
                Person,
                "Ina Kirsch",
                "director of the centre",
                "",
            ),
            (
                "Ann Roe, head of Nurses United, a union that backs him, said so.",
                Person,
                "Ann Roe",
                "head of Nurses United",
                "",
            ),
            (
                "Sanders, who trails in the polls, said so.",
                Named,
                "Sanders",
                "",
                "",
            ),
            ("India said so.", Named, "India", "", ""),
            (
                "The State Department said so.",
                Org,
                "State Department",
                "",
                "",
            ),
            (
                "The Clinton campaign said so.",
                Org,
                "Clinton campaign",
                "",
                "",
            ),
            ("Some Democrats say so.", Group, "Democrats", "", ""),
            ("Officials said so.", Group, "", "", ""),
            ("The senator said so.", RoleMention, "", "senator", ""),
            ("The study said so.", Generic, "", "", ""),
            ("She said so.", Pronoun, "", "", ""),
        ];
        for &(text, kind, name, role, aff) in cases {
            let got = parse_before_verb(text);
            assert_eq!(got, (kind, name.into(), role.into(), aff.into()), "{text}");
        }
    }

    #[test]
    fn right_phrases_stop_at_commas_and_prepositions() {
        let cases: &[(&str, &str)] = &[
            ("said Geoff Garin, a pollster.", "Geoff Garin"),
            (
                "said the economist Jared Bernstein in a post.",
                "the economist Jared Bernstein",
            ),
            (
                "said Sen. Bernie Sanders (I-Vt.) on Monday.",
                "Sen. Bernie Sanders (I-Vt.)",
            ),
            ("said he.", "he"),
            (
                "said the former secretary of state.",
                "the former secretary of state",
            ),
        ];
        for &(text, want) in cases {
            let doc = Doc::new(text);
            let r = right_phrase(&doc, 1, doc.toks.len()).expect(text);
            assert_eq!(doc.slice(r), want, "{text}");
        }
    }

    #[test]
    fn no_phrase_before_plain_words() {
        let cases = [
            "the economy added jobs.",
            "and said so.",
            "as expected, said so.",
        ];
        for text in cases {
            let doc = Doc::new(text);
            let v = (0..doc.toks.len())
                .find(|&i| doc.toks[i].cue.is_some())
                .expect("verb");
            let got = left_phrase(&doc, 0, v - 1);
            assert!(
                got.is_none() || text.starts_with("the economy"),
                "{text}: {got:?}"
            );
        }
    }
}
