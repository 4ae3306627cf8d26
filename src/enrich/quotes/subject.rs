//! Where the source of a speech verb is: a phrase before the verb (past asides, relative
//! clauses and the subject of a coordinated clause), or one after it (`"...," said X`).
//!
//! Gives the phrase's token range as a [`Src`]; [`super::source`] reads what the phrase
//! says (name, role, affiliation) and [`speaks`] whether it can speak.

use std::ops::Range;

use super::content::{is_close_mark, quote_soon_after};
use super::lexicon::{Class, CueClass, Form, LEXICON};
use super::source::{self, Source, SourceKind};
use super::text::Doc;

/// The source phrase, its appositive, and whether it follows the verb.
pub(super) struct Src {
    pub(super) phrase: Range<usize>,
    pub(super) appositive: Option<Range<usize>>,
    pub(super) inverted: bool,
    /// End of source material after the verb (inverted source and appositive).
    pub(super) after: usize,
    /// "X did this but said ...": the subject of the clause, found before other words.
    pub(super) coordinated: bool,
}

impl Src {
    /// A source phrase before the verb at `i`.
    fn before(phrase: Range<usize>, appositive: Option<Range<usize>>, i: usize) -> Src {
        Src {
            phrase,
            appositive,
            inverted: false,
            after: i + 1,
            coordinated: false,
        }
    }
}

/// The source of the verb at `i` whose group starts at `b`: a phrase before it (past
/// asides, or the subject of a coordinated clause), else one after it (`"...," said X`).
pub(super) fn left_source(doc: &Doc, floor: usize, b: usize, i: usize, end: usize) -> Option<Src> {
    if b == floor {
        return inverted_source(doc, i, end);
    }
    let p = b - 1;
    let pt = &doc.toks[p];
    if pt.is_word() {
        // "a message that said", "a report which found": the thing before speaks.
        let thing_relative = (doc.is_word(p, "that") || doc.is_word(p, "which"))
            && p > floor
            && doc.toks[p - 1].is_word()
            && doc.toks[p - 1].cue.is_none()
            && !doc.toks[p - 1].is(Class::AUX | Class::PREP | Class::CONJ);
        // "the Bank of Italy, which said": a body named before the comma, with "say" or
        // "tell" (other verbs after "which" are seldom speech: "Brazil, which declared a
        // moratorium").
        let named_which = doc.is_word(p, "which")
            && p > floor
            && doc.is_punct(p - 1, ',')
            && ["said", "says", "told", "tells"]
                .iter()
                .any(|w| doc.is_word(i, w))
            && p >= floor + 2
            && source::left_phrase(doc, floor, p - 2).is_some_and(|r| {
                matches!(
                    source::parse(doc, r, None).kind,
                    SourceKind::Org | SourceKind::Named | SourceKind::Person
                )
            });
        if doc.is_word(p, "who") || thing_relative || named_which {
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
            return Some(Src::before(phrase, None, i));
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
        // "Hawkins and others who want to ban it said"
        if let Some(phrase) = source::relative_subject(doc, floor, p) {
            return Some(Src::before(phrase, None, i));
        }
        if pt.is(Class::RELATIVE | Class::WH | Class::PREP | Class::DET) && !pt.is_cap() {
            return None;
        }
        // "A Quinnipiac poll released Thursday shows"
        let p = source::before_release_date(doc, floor, p).unwrap_or(p);
        let phrase = source::left_phrase(doc, floor, p)?;
        if let Some((name, description)) = source::unclosed_aside(doc, floor, &phrase) {
            return Some(Src::before(name, Some(description), i));
        }
        return Some(Src::before(phrase, None, i));
    }
    if let Some(phrase) = source::before_dash_aside(doc, floor, p) {
        return Some(Src::before(phrase, None, i));
    }
    if pt.is_punct(',') {
        if let Some((phrase, appositive)) = source::aside_before(doc, floor, p) {
            return Some(Src::before(phrase, appositive, i));
        }
        return inverted_source(doc, i, end);
    }
    if pt.is_punct(')') || pt.is_punct('%') {
        let phrase = source::left_phrase(doc, floor, p)?;
        return Some(Src::before(phrase, None, i));
    }
    if is_close_mark(doc, p) {
        // "Mr. Manafort, citing ''the magic of Trump,'' said": an aside that ends in a quote
        // whose comma is inside the marks.
        if p > 0
            && doc.is_punct(p - 1, ',')
            && let Some((phrase, appositive)) = source::aside_before(doc, floor, p)
        {
            return Some(Src::before(phrase, appositive, i));
        }
        return inverted_source(doc, i, end);
    }
    None
}

/// `..., said X` / `"Q," said X, the minister`.
pub(super) fn inverted_source(doc: &Doc, i: usize, end: usize) -> Option<Src> {
    let cue = doc.toks[i].cue?;
    if matches!(cue.class, CueClass::Weak | CueClass::Object)
        || cue.form == Form::Gerund
        || cue.form == Form::Base
    {
        return None;
    }
    // `"...," shot back Trump`
    let first = if LEXICON.particle(cue).is_some_and(|p| doc.is_word(i + 1, p)) {
        i + 2
    } else {
        i + 1
    };
    let phrase = source::placed_description(doc, first, end)
        .or_else(|| source::right_phrase(doc, first, end))
        .or_else(|| source::described_phrase(doc, first, end))?;
    if let Some((role, name)) = name_after_role(doc, &phrase, end) {
        return Some(Src {
            after: name.end,
            phrase: name,
            appositive: Some(role),
            inverted: true,
            coordinated: false,
        });
    }
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

/// `said the chairman of the committee, Barry Sheerman.`: a role (with what it is a role
/// of), then the person's name after a comma at the end of the sentence. Gives the role's
/// and the name's ranges.
fn name_after_role(
    doc: &Doc,
    role: &Range<usize>,
    end: usize,
) -> Option<(Range<usize>, Range<usize>)> {
    let mut comma = role.end;
    if ROLE_LINKS.iter().any(|w| doc.is_word(comma, w)) {
        comma = (comma + 1..end.min(comma + MAX_ROLE_TAIL))
            .take_while(|&x| {
                let t = &doc.toks[x];
                t.is_punct(',') || t.is_word() && !t.in_quote() && !t.is(Class::CUE)
            })
            .find(|&x| doc.is_punct(x, ','))?;
    }
    if !doc.is_punct(comma, ',') {
        return None;
    }
    let name = source::right_phrase(doc, comma + 1, end)?;
    let closes = name.end >= end || !doc.toks[name.end].is_word() && !doc.is_punct(name.end, ',');
    if !closes || source::parse(doc, role.clone(), None).kind != SourceKind::RoleMention {
        return None;
    }
    let role = role.start + usize::from(doc.toks[role.start].is(Class::DET))..comma;
    (source::parse(doc, name.clone(), None).kind == SourceKind::Person).then_some((role, name))
}

/// Words that tie a role to what it is a role of ("chairman of", "spokesman for").
const ROLE_LINKS: [&str; 3] = ["of", "for", "at"];

/// Most tokens from a role's link word to the comma before the name.
const MAX_ROLE_TAIL: usize = 10;

/// Can this source speak (for verbs with non-speech senses)?
pub(super) fn speaks(src: &Source) -> bool {
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
