//! One cue at a time: a speech verb (or "according to", a dash, a verb opening its sentence)
//! with the source phrase before or after it and the content it takes.
//!
//! Takes a [`Doc`] and the position of a cue, gives a [`Hit`]: the source phrase, the content
//! token ranges and how far the sentence is used up. The verb group ("has also said", "went on
//! to say", "was quoted as saying") is read first, then the source (a phrase before the verb,
//! past asides; or after it, "said Smith"), then the content after or before.

use std::ops::Range;
use std::sync::LazyLock;

use super::content::*;
use super::found::{At, Found, Hit};
use super::lexicon::{Class, Cue, CueClass, Form, LEXICON};
use super::names::{Gender, is_name_token};
use super::source::{self, SourceKind};
use super::text::{Doc, Kind, after_dateline, flag};
use super::words::LISTS;
use crate::enrich::QuoteKind;
use crate::enrich::text::lists::Sections;

/// `Said Ellis: "..."` / `Added the senator, "..."`: a sentence that opens with its verb.
pub(super) fn verb_first(doc: &Doc, si: usize) -> Option<Found> {
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
    // "Said Dorothy Poynter, who grew up with him, \"...\"": past a relative clause.
    if doc.is_punct(k, ',')
        && doc.toks.get(k + 1).is_some_and(|t| t.is(Class::RELATIVE))
        && let Some(c) = (k + 2..r.end.min(k + 30)).find(|&x| doc.is_punct(x, ','))
    {
        k = c;
    }
    if !(doc.is_punct(k, ':') || doc.is_punct(k, ',')) {
        return None;
    }
    k += 1;
    if !opens_quote(doc, k) {
        return None;
    }
    let content = right_clause(doc, k, r.end, cue.class, false)?;
    let source = Some(source::parse(doc, phrase, appositive));
    Some(Found::new(
        doc,
        source,
        None,
        as_parts(doc, content),
        si,
        r.start,
    ))
}

/// The speaker labels of a transcript or an interview: paragraphs that open with a label and
/// a colon (`TAPPER: And you support him?`, `Q: Did anyone help you?`), all of whose words
/// after the colon are the labelled speaker's. Gives, for each such paragraph, its index and
/// the label's tokens (empty for "Q" and "A", which name nobody). Taken only in a dialogue:
/// "Q" with "A", or two capitalised labels or more whose last words the article also writes
/// as a name after a capitalised word ("Jake Tapper"); "NOTE:" or "PARANA STATE:" name no
/// speaker.
pub(super) fn transcript_labels(doc: &Doc) -> Vec<(usize, Range<usize>)> {
    let mut qa: Vec<(usize, Range<usize>, bool)> = Vec::new();
    let mut named: Vec<(usize, Range<usize>)> = Vec::new();
    for (pi, p) in doc.paras.iter().enumerate() {
        // (A transcript quoted paragraph by paragraph opens each with a quote mark, made
        // punctuation where the quote goes on from the paragraph before.)
        let start = if matches!(
            doc.toks[p.start].kind,
            Kind::Mark(_) | Kind::Punct('\u{201c}')
        ) {
            p.start + 1
        } else {
            p.start
        };
        let Some(colon) = (start..p.end.min(start + 4)).find(|&k| doc.is_punct(k, ':')) else {
            continue;
        };
        if colon == start
            || colon + 1 >= p.end
            || !doc.toks[colon + 1].is_word() && !doc.toks[colon + 1].in_quote()
        {
            continue;
        }
        let label = start..colon;
        if label.len() == 1 && (doc.is_word(start, "Q") || doc.is_word(start, "A")) {
            if doc.toks[start].is_cap() {
                qa.push((pi, label, doc.is_word(start, "Q")));
            }
            continue;
        }
        if label.clone().all(|k| all_capitals(doc, k)) || name_label(doc, label.clone(), p.end) {
            named.push((pi, label));
        }
    }
    let mut out: Vec<(usize, Range<usize>)> = Vec::new();
    if qa.iter().any(|x| x.2) && qa.iter().any(|x| !x.2) {
        out.extend(qa.into_iter().map(|(pi, l, _)| (pi, l.start..l.start)));
    }
    // A label the article writes as a name, or one in capitals that opens two answers or more
    // in a dialogue that has such a name ("WALLACE" beside "PENCE" and "Mike Pence").
    let as_name: Vec<bool> = named
        .iter()
        .map(|(_, l)| written_as_name(doc, l.end - 1))
        .collect();
    if as_name.iter().any(|&x| x) {
        let uses = |w: &str| {
            named
                .iter()
                .filter(|(_, l)| doc.word(l.end - 1) == w)
                .count()
        };
        let capitals = |l: &Range<usize>| l.clone().all(|k| all_capitals(doc, k));
        // Names in Title Case are a dialogue only when someone speaks twice; a list of names
        // each over a paragraph ("Jeb Bush: Student loans ...") is not.
        let turns = named
            .iter()
            .any(|(_, l)| !capitals(l) && uses(doc.word(l.end - 1)) >= 2);
        let keep = |l: &Range<usize>, n: bool| {
            if capitals(l) {
                n || uses(doc.word(l.end - 1)) >= 2
            } else {
                n && turns
            }
        };
        named = named
            .iter()
            .zip(&as_name)
            .filter(|((_, l), n)| keep(l, **n))
            .map(|(x, _)| x.clone())
            .collect();
    } else {
        named.clear();
    }
    let first = named.first().map(|(_, l)| doc.word(l.end - 1));
    if named
        .iter()
        .any(|(_, l)| Some(doc.word(l.end - 1)) != first)
    {
        out.extend(named);
    }
    out.sort_by_key(|x| x.0);
    out
}

/// The word classes a given name has (and no other word of a label).
const NAME_CLASSES: u64 = Class::FIRST_NAME | Class::MALE | Class::FEMALE;

/// Is `label` a name written in Title Case as a speaker label ("Matthews", "Luciana Lopez")
/// before a said sentence of four words or more (not "Clinton: 45 percent")? Words of the
/// lists (function words, titles, "Note") are no label.
fn name_label(doc: &Doc, label: Range<usize>, para_end: usize) -> bool {
    label.len() <= 3
        && label
            .clone()
            .all(|k| doc.toks[k].is_cap() && doc.toks[k].class & !NAME_CLASSES == 0)
        && !doc.toks[label.end + 1].has(super::text::flag::NUMBER)
        && (label.end + 1..para_end)
            .filter(|&k| doc.toks[k].is_word())
            .nth(3)
            .is_some()
}

/// Is token `k` a word of two letters or more, all of them capitals ("TAPPER")?
fn all_capitals(doc: &Doc, k: usize) -> bool {
    let w = doc.word(k);
    doc.toks[k].is_word()
        && w.len() >= 2
        && w.chars()
            .all(|c| c.is_ascii_uppercase() || c == '\'' || c == '-')
}

/// Does the article write the all-capitals word at `k` elsewhere as a name: in lower case
/// after its capital, right after another capitalised word ("Jake Tapper", "Gov. Fallin")?
fn written_as_name(doc: &Doc, k: usize) -> bool {
    let w = doc.word(k);
    (1..doc.toks.len()).any(|j| {
        let t = &doc.toks[j];
        t.is_cap()
            && !all_capitals(doc, j)
            && doc.word(j).eq_ignore_ascii_case(w)
            && (doc.toks[j - 1].is_cap()
                || doc.is_punct(j - 1, '.') && j >= 2 && doc.toks[j - 2].is_cap())
    })
}

/// Is token `k` a form of "be"?
pub(super) fn is_be(doc: &Doc, k: usize) -> bool {
    ["is", "was", "were", "are", "be", "been", "being", "am"]
        .iter()
        .any(|w| doc.is_word(k, w))
}

/// The words of `data/verb_group_words.txt`.
struct GroupWords {
    refusal: &'static [&'static str],
    carrier: &'static [&'static str],
    degree: &'static [&'static str],
}

static GROUP_WORDS: LazyLock<GroupWords> = LazyLock::new(|| {
    let mut s = Sections::parse(
        "data/verb_group_words.txt",
        include_str!("../../../data/verb_group_words.txt"),
    );
    let words = GroupWords {
        refusal: s.take("refusal"),
        carrier: s.take("carrier"),
        degree: s.take("degree"),
    };
    s.finish();
    words
});

/// Is token `k` one of `words`?
fn is_any(doc: &Doc, k: usize, words: &[&str]) -> bool {
    words.iter().any(|w| doc.is_word(k, w))
}

/// Step left from the verb over auxiliaries, adverbs and negation ("has also said", "would
/// later tell"), and over "went on to" / "was quoted as". Gives the first token of the verb
/// group, or `None` when the verb is passive or refused ("was told", "declined to say").
pub(super) fn verb_group_start(doc: &Doc, floor: usize, i: usize) -> Option<usize> {
    let cue = doc.toks[i].cue?;
    let mut b = i;
    let mut steps = 0;
    while b > floor && steps < 5 {
        match step_left(doc, cue, floor, i, b) {
            Step::Back(n, s) => {
                b -= n;
                steps += s;
            }
            Step::Stop => break,
            Step::Refused => return None,
        }
    }
    Some(b)
}

/// What the words before a verb group starting at `b` do to it.
enum Step {
    /// They belong to it: the start moves back this many tokens, counting this many steps.
    Back(usize, usize),
    /// The group starts at `b`.
    Stop,
    /// The verb is passive or refused: no speech here.
    Refused,
}

/// One step left from the verb group starting at `b`, whose speech verb is at `i`.
fn step_left(doc: &Doc, cue: Cue, floor: usize, i: usize, b: usize) -> Step {
    let p = &doc.toks[b - 1];
    // "The two lawmakers, however, argue ...": an adverb set off by commas.
    if p.is_punct(',')
        && b >= floor + 3
        && (doc.toks[b - 2].is(Class::ADVERB) || doc.is_word(b - 2, "though"))
        && doc.is_punct(b - 3, ',')
    {
        return Step::Back(3, 1);
    }
    // "Smith on Jan. 12 said", "The ministry on 3 March said": a date between subject and
    // verb.
    if let Some(n) = date_before(doc, floor, b) {
        return Step::Back(n, 2);
    }
    if !p.is_word() || p.is_cap() && !p.is(Class::ADVERB) {
        return Step::Stop;
    }
    if doc.is_word(b - 1, "to") && cue.form == Form::Base {
        return carried_on(doc, floor, b);
    }
    if doc.is_word(b - 1, "as")
        && cue.form == Form::Gerund
        && b >= 3
        && doc.is_word(b - 2, "quoted")
    {
        return Step::Back(2, 2);
    }
    // "The Times on Saturday wrote", "Trump last year said": a time phrase between
    // subject and verb.
    let openers = ["on", "last", "this", "in", "earlier", "later"];
    if p.is(Class::TIME) && b >= 2 && is_any(doc, b - 2, &openers) {
        return Step::Back(2, 2);
    }
    // "Trump at the time said", "She at one point argued"
    if b >= 3
        && doc.is_word(b - 3, "at")
        && (doc.is_word(b - 2, "the") && doc.is_word(b - 1, "time")
            || doc.is_word(b - 2, "one") && doc.is_word(b - 1, "point"))
    {
        return Step::Back(3, 3);
    }
    if p.is(Class::AUX | Class::ADVERB | Class::NEG)
        && !p.is(Class::CUE | Class::PRONOUN)
        && !p.is(Class::DET)
    {
        // "was told", "is said to": a passive names no speaker here.
        if is_be(doc, b - 1) && matches!(cue.form, Form::Past | Form::Participle) && b == i {
            return Step::Refused;
        }
        return Step::Back(1, 1);
    }
    // "were more likely to say", "was too quick to add"
    if is_ly_adverb(doc, b - 1) || is_any(doc, b - 1, GROUP_WORDS.degree) {
        return Step::Back(1, 1);
    }
    Step::Stop
}

/// Most tokens in a date between a subject and its verb after "on" ("Jan . 12", "3 March
/// 2019").
const MAX_DATE: usize = 5;

/// The length of a date that ends right before `b` and opens with "on" ("on Jan. 12", "on 3
/// March"): numbers, month or day names and the full stop of an abbreviation, with at least
/// one name and one number.
fn date_before(doc: &Doc, floor: usize, b: usize) -> Option<usize> {
    let part = |k: usize| {
        let t = &doc.toks[k];
        t.has(flag::NUMBER) || t.is(Class::TIME) && t.is_cap() || t.is_punct('.') || t.is_punct(',')
    };
    let first = (floor.max(b.saturating_sub(MAX_DATE))..b)
        .rev()
        .take_while(|&k| part(k))
        .last()?;
    let on = first
        .checked_sub(1)
        .filter(|&k| k >= floor && doc.is_word(k, "on"))?;
    let named = (first..b).any(|k| doc.toks[k].is(Class::TIME));
    let numbered = (first..b).any(|k| doc.toks[k].has(flag::NUMBER));
    (named && numbered && !doc.is_punct(first, '.') && !doc.is_punct(b - 1, ',')).then_some(b - on)
}

/// "went on to say", "continued to argue", "was quick to add": the verb before the "to" at
/// `b - 1` carries the speech verb on, and the group takes it in; "declined to say" refuses
/// the speech, and any other word before the "to" ("the clerk to read") means no speech.
fn carried_on(doc: &Doc, floor: usize, b: usize) -> Step {
    let Some(v) = b.checked_sub(2) else {
        return Step::Refused;
    };
    let v = if doc.is_word(v, "on") && v > floor {
        v - 1
    } else {
        v
    };
    let words = &*GROUP_WORDS;
    if is_any(doc, v, words.refusal) || !is_any(doc, v, words.carrier) {
        return Step::Refused;
    }
    Step::Back(b - v, 2)
}

/// `Asked whether ..., she said`: a sentence that opens with a passive "asked".
pub(super) fn asked_first(doc: &Doc, si: usize) -> Option<Hit> {
    let r = doc.sents[si].toks.clone();
    let cue = LEXICON.get(doc.word(r.start)).cue?;
    if cue.class != CueClass::Ask || !doc.toks[r.start].is_cap() {
        return None;
    }
    asked_passive(doc, si, r.start, r.end)
}

/// `When asked whether ..., she said`, `he was asked about the plan`, `Asked if ...,`: a
/// passive "asked" puts the question, whose asker goes unnamed.
pub(super) fn asked_passive(doc: &Doc, si: usize, i: usize, end: usize) -> Option<Hit> {
    let cue = LEXICON.get(doc.word(i)).cue?;
    if !matches!(cue.form, Form::Past | Form::Participle) {
        return None;
    }
    let sent = doc.sents[si].toks.clone();
    let passive = i == sent.start && doc.toks[i].is_cap()
        || i > sent.start
            && (is_be(doc, i - 1)
                || ["when", "while", "after", "once", "before", "if", "until"]
                    .iter()
                    .any(|w| doc.is_word(i - 1, w)));
    if !passive {
        return None;
    }
    // A participle clause that opens the sentence, and the topic of "asked about", end at
    // the first comma.
    let fronted = i == sent.start;
    let (mut k, _) = skip_adjuncts(doc, i + 1, end);
    let about = doc.is_word(k, "about");
    let end = if fronted || about {
        source::clause_comma(doc, k..end).unwrap_or(end)
    } else {
        end
    };
    if about {
        k += 1;
    }
    let content = if about {
        let e = clause_end(doc, k, end);
        (n_words(doc, &(k..e)) >= 2).then_some(k..e)?
    } else {
        right_clause(doc, k, end, CueClass::Ask, false)?
    };
    let found = Found::new(doc, None, None, as_parts(doc, content.clone()), si, i);
    Some(Hit::said(found, content.end, false))
}

/// Does the verb group `b..i` hold an auxiliary ("has been saying")?
pub(super) fn is_be_or_aux(doc: &Doc, b: usize, i: usize) -> bool {
    (b..i).any(|k| doc.toks[k].is(Class::AUX))
}

/// `according to X, CLAUSE` / `CLAUSE, according to X`.
pub(super) fn according(doc: &Doc, at: &At, i: usize) -> Option<Hit> {
    let (si, mut floor) = (at.si, at.left_floor);
    let end = doc.sents[si].toks.end;
    // "TORONTO — According to police, ...": a dateline is no part of either side.
    if floor == doc.sents[si].toks.start {
        floor = after_dateline(doc, floor, i);
    }
    // ("according to research firm Gartner": a description with no determiner, then a name.)
    let phrase = source::placed_description(doc, i + 2, end)
        .or_else(|| source::right_phrase(doc, i + 2, end))
        .or_else(|| source::described_phrase(doc, i + 2, end))?;
    let lead = (floor..i).all(|k| !doc.toks[k].is_word() || doc.toks[k].is(Class::CONJ));
    // "According to X, a former aide, the ..." - an appositive closed by a comma; without
    // one, the words after the comma are the content.
    let appositive = source::appositive_after(doc, phrase.end, end)
        .filter(|a| !lead || doc.is_punct(a.end, ','));
    let mut after = appositive.as_ref().map_or(phrase.end, |a| a.end);
    let parsed = source::parse(doc, phrase, appositive);
    if lead && opens_source_modifier(doc, after, end) {
        // "According to a diplomat briefed on the talks, ...", "According to officials
        // familiar with the plan, ...": the source's modifier runs to the comma.
        if let Some(c) = (after + 1..end.min(after + 12)).find(|&k| doc.is_punct(k, ',')) {
            after = c;
        }
    }
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
    let found = Found::new(doc, Some(parsed), None, parts, si, i);
    Some(Hit::said(found, consumed, !lead))
}

/// Is token `i` a noun for what someone said after its owner ("Campbell's claims", "his
/// allegations"), the cue of [`owned_claim`]?
pub(super) fn is_owned_claim(doc: &Doc, i: usize) -> bool {
    let Some(owner) = i.checked_sub(1) else {
        return false;
    };
    let o = &doc.toks[owner];
    let named = o.has(flag::POSSESSIVE) && is_name_token(doc, owner);
    let pronoun = o.is(Class::DET)
        && ["his", "her", "their"]
            .iter()
            .any(|w| doc.is_word(owner, w));
    (pronoun || named)
        && !doc.toks[i].in_quote()
        && LISTS
            .claim_nouns
            .contains(&doc.word(i).to_ascii_lowercase().as_str())
}

/// `X's claim that CLAUSE`, `X's claims he ...`: a noun for what someone said
/// (`[claim_nouns]` in `data/quote_words.txt`) after a possessive name or "his", "her",
/// "their" reports the clause after it, with the owner as its source. The clause must open
/// with "that" or a subject pronoun: "Howard's claims of ..." reports no clause.
pub(super) fn owned_claim(doc: &Doc, at: &At, i: usize) -> Option<Hit> {
    let si = at.si;
    let end = doc.sents[si].toks.end;
    if i <= at.floor || i + 2 >= end {
        return None;
    }
    if !is_owned_claim(doc, i) {
        return None;
    }
    let owner = i - 1;
    // (Else the owner is "his", "her" or "their".)
    let named = doc.toks[owner].has(flag::POSSESSIVE);
    let next = &doc.toks[i + 1];
    let k = if doc.is_word(i + 1, "that") {
        // ("Blair's claim that was rejected": "that" opens a relative clause.)
        if doc.toks[i + 2].is(Class::AUX) {
            return None;
        }
        i + 2
    } else if next.is(Class::PRONOUN) && !next.is(Class::DET) && !next.is_cap() {
        i + 1
    } else {
        return None;
    };
    let e = clause_end(doc, k, end);
    if e <= k || n_words(doc, &(k..e)) < 3 {
        return None;
    }
    let mut start = owner;
    while named && start > at.floor && start > doc.sents[si].toks.start && {
        let p = &doc.toks[start - 1];
        is_name_token(doc, start - 1) && !p.has(flag::POSSESSIVE) && !p.in_quote()
    } {
        start -= 1;
    }
    // Only as an object ("cast doubt on Campbell's claims he ..."): as a subject ("Sony's
    // assertion that the format will win is bold") the clause runs on into the sentence's own
    // verb, with nothing to tell where it ends.
    let object = start > doc.sents[si].toks.start && {
        let p = &doc.toks[start - 1];
        p.is_word()
            && !p.is_cap()
            && !p.is(Class::RELATIVE)
            && (p.is(Class::PREP) || !p.is(Class::CONJ))
    };
    if !object {
        return None;
    }
    let parsed = if !named {
        // "his allegations that ...": the owner stands for whoever "he" is.
        source::Source {
            kind: SourceKind::Pronoun,
            phrase: owner..owner + 1,
            name: None,
            role: None,
            affiliation: None,
            gender: match doc.word(owner).to_ascii_lowercase().as_str() {
                "his" => Gender::Male,
                "her" => Gender::Female,
                _ => Gender::Unknown,
            },
            plural: doc.is_word(owner, "their"),
            first_person: false,
        }
    } else {
        source::parse(doc, start..owner + 1, None)
    };
    let found = Found::new(doc, Some(parsed), None, as_parts(doc, k..e), si, i);
    Some(Hit::said(found, e, false))
}

/// Whether token `k` opens a modifier of the source phrase before it rather than the
/// content: a participle ("briefed on"), "familiar with", "close to", "who", a preposition.
fn opens_source_modifier(doc: &Doc, k: usize, end: usize) -> bool {
    let Some(t) = doc.toks.get(k).filter(|_| k < end) else {
        return false;
    };
    if !t.is_word() || t.is_cap() || t.in_quote() {
        return false;
    }
    let word = doc.word(k).to_ascii_lowercase();
    word.ends_with("ed")
        || word.ends_with("ing")
        || matches!(
            word.as_str(),
            "familiar" | "close" | "who" | "with" | "in" | "at" | "from" | "on" | "for"
        )
}

/// `"Q" - X` / `"Q" — X, role`: a quote, a dash, and a source to the end of the sentence.
pub(super) fn dash_source(doc: &Doc, si: usize) -> Option<Found> {
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

/// `Montreal coach Martin St. Louis was less pleased: "We gave them too many chances."`: a
/// sentence that opens with a named person (or "he", "she") and ends in a colon and a quote
/// of a few words gives the quote to that person. A quote before the colon, a subject that is
/// a thing ("The message was simple: ...") or a short title after it gives nothing.
pub(super) fn colon_source(doc: &Doc, si: usize) -> Option<Found> {
    let r = doc.sents[si].toks.clone();
    let colon = (r.start..r.end).find(|&k| doc.toks[k].in_quote() || doc.is_punct(k, ':'))?;
    if !doc.is_punct(colon, ':') || !opens_quote(doc, colon + 1) {
        return None;
    }
    let s = &doc.spans[doc.toks[colon + 1].span as usize];
    let close = s.close?;
    let words = s.inner().filter(|&k| doc.toks[k].is_word()).count();
    if words < 4 || close >= r.end || !at_end(doc, close + 1, r.end) {
        return None;
    }
    let phrase = source::clause_subject(doc, r.start..colon)?;
    if phrase.end >= colon {
        return None;
    }
    let parsed = source::parse(doc, phrase, None);
    let fits = match parsed.kind {
        SourceKind::Person | SourceKind::Named => parsed.name.is_some(),
        SourceKind::Pronoun => !parsed.first_person && !parsed.plural,
        _ => false,
    };
    fits.then(|| Found {
        source: Some(parsed),
        inherit: None,
        parts: vec![s.inner()],
        kind: QuoteKind::Direct,
        sent: si,
        cue: colon,
    })
}

/// The cue of an attribution as written, and whether it is negated: the speech verb at `v`
/// with the auxiliaries, adverbs and negation before it ("has also said", "does not believe",
/// "never said", "went on to say") and its particle ("shot back"), or "according to". A
/// refusal ("declined to say") finds no attribution at all, so it never reaches here; a
/// verb of denial ("denied") is a cue of its own, not a negated one.
///
/// Gives `None` when no speech verb is at `v` (a dash, a quote-only sentence).
pub(super) fn cue_phrase(doc: &Doc, v: usize) -> Option<(Range<usize>, bool)> {
    let t = doc.toks.get(v)?;
    if t.is(Class::ACCORDING) && doc.is_word(v + 1, "to") {
        return Some((v..v + 2, false));
    }
    let cue = t.cue?;
    let start = doc.sents[doc.sent_of(v)].toks.start;
    let mut b = v;
    let mut negated = false;
    while b > start && v - b < 6 {
        let p = &doc.toks[b - 1];
        if !p.is_word() || p.is_cap() || p.in_quote() {
            break;
        }
        if is_negation(doc, b - 1) {
            negated = true;
            b -= 1;
        } else if p.is(Class::AUX | Class::ADVERB)
            && !p.is(Class::CUE | Class::PRONOUN | Class::DET)
        {
            b -= 1;
        } else if doc.is_word(b - 1, "to") && b >= start + 2 && doc.toks[b - 2].is_word() {
            // "went on to say", "wanted to tell": the verb that carries the cue.
            let carrier = if doc.is_word(b - 2, "on") && b >= start + 3 {
                b - 3
            } else {
                b - 2
            };
            if doc.toks[carrier].is_cap() || doc.toks[carrier].in_quote() {
                break;
            }
            b = carrier;
        } else {
            break;
        }
    }
    let mut end = v + 1;
    if let Some(part) = LEXICON.particle(cue)
        && doc.is_word(end, part)
    {
        end += 1;
    }
    Some((b..end, negated))
}

/// Is token `k` a negation: "not", "never", or a contraction ending in "n't"?
fn is_negation(doc: &Doc, k: usize) -> bool {
    let w = doc.word(k);
    doc.toks[k].is(Class::NEG) && !doc.is_word(k, "no")
        || w.ends_with("n't")
        || w.ends_with("n\u{2019}t")
        || doc.is_word(k, "cannot")
}
