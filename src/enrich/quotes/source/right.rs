//! The source phrase after an inverted speech verb, found by walking rightwards: "[said]
//! Geoff Garin", "[said] the top British medical journal", "[said] rally driver Dave
//! Hawkins".

use std::ops::Range;

use super::super::lexicon::Class;
use super::super::names::trailing_name;
use super::super::speaker_name;
use super::super::text::{Doc, flag};
use super::{
    FUNCTION_WORDS, MAX_PHRASE, is_age_noun, looks_plural, org_name_end, phrase_word, plain_lower,
};

/// The source phrase that starts at token `k` (after an inverted verb: "said Smith").
pub(crate) fn right_phrase(doc: &Doc, k: usize, hi: usize) -> Option<Range<usize>> {
    if k >= hi {
        return None;
    }
    let t = &doc.toks[k];
    if !t.is_word() || t.in_quote() {
        return None;
    }
    if t.is(Class::PRONOUN) && !t.is(Class::DET) {
        return Some(k..k + 1);
    }
    // "said Tuesday" names a day, not a speaker.
    if t.is(Class::TIME) {
        return None;
    }
    // "said the 36-year-old": a person named before, by age.
    if t.is(Class::DET) && k + 1 < hi && is_age_noun(doc, k + 1) {
        return Some(k..k + 2);
    }
    let mut walk = RightWalk {
        doc,
        k,
        hi,
        e: if t.is(Class::DET | Class::QUANT) {
            k + 1
        } else {
            k
        },
        lowers: 0,
        seen_cap: false,
    };
    while walk.e < hi && walk.e - k < MAX_PHRASE && walk.take_next_word() {}
    let mut e = walk.e;
    // Do not end on a dangling "of" or determiner.
    while e > k && (doc.is_word(e - 1, "of") || doc.toks[e - 1].is(Class::DET)) {
        e -= 1;
    }
    (e > k).then_some(k..e)
}

/// A source phrase growing rightwards from its first word `k`, one word at a time.
struct RightWalk<'a, 't> {
    doc: &'a Doc<'t>,
    /// The phrase's first token.
    k: usize,
    /// The phrase does not reach this token.
    hi: usize,
    /// The end of the phrase so far (exclusive).
    e: usize,
    /// Plain lowercase words in a row.
    lowers: usize,
    /// Has a capitalised word (not a possessive) been taken in?
    seen_cap: bool,
}

impl RightWalk<'_, '_> {
    /// Take the next word into the phrase, if it belongs there; false when the phrase ends
    /// (at `e`).
    fn take_next_word(&mut self) -> bool {
        let (doc, e) = (self.doc, self.e);
        let u = &doc.toks[e];
        if u.is_punct('(') {
            return self.parenthesis();
        }
        if !u.is_word() || u.in_quote() {
            return false;
        }
        // "said Erdogan Sunday": the day the words were said ends the name.
        if e > self.k && self.seen_cap && WEEKDAYS.iter().any(|d| doc.is_word(e, d)) {
            return false;
        }
        // "the Center for Responsive Politics"; "University of Toronto law professor Jane
        // Doe": a titled person the organisation places.
        if e > self.k
            && let Some(end) = org_name_end(doc, e - 1, self.hi)
        {
            self.e = titled_name_after(doc, end, self.hi).unwrap_or(end);
            return false;
        }
        if doc.is_word(e, "of")
            && e + 1 < self.hi
            && (doc.toks[e + 1].is_cap() || doc.toks[e + 1].is(Class::DET))
            && e > self.k
        {
            self.e += 1;
            return true;
        }
        if u.is_cap() && phrase_word(doc, e)
            || u.is(Class::ROLE_ANY | Class::GROUP | Class::ORG_HEAD) && !u.is(Class::PREP)
            || u.has(flag::POSSESSIVE) && !u.is(Class::PRONOUN)
        {
            return self.name_or_title_word();
        }
        if self.description_word() {
            return self.lower_word();
        }
        self.head_after_adjectives()
    }

    /// "(D-Mo.)": step over a parenthesis that closes within ten tokens.
    fn parenthesis(&mut self) -> bool {
        let (e, hi) = (self.e, self.hi);
        match (e..hi.min(e + 10)).find(|&x| self.doc.is_punct(x, ')')) {
            Some(c) => {
                self.e = c + 1;
                true
            }
            None => false,
        }
    }

    /// A capitalised word, a role, group or organisation noun, or a possessive; a
    /// capitalised possessive before punctuation ends the phrase.
    fn name_or_title_word(&mut self) -> bool {
        let u = &self.doc.toks[self.e];
        self.lowers = 0;
        self.e += 1;
        self.seen_cap |= u.is_cap() && !u.has(flag::POSSESSIVE);
        !(u.has(flag::POSSESSIVE)
            && u.is_cap()
            && self.e < self.hi
            && !self.doc.toks[self.e].is_word())
    }

    /// Lowercase words after a determiner ("the former secretary"), but not after a name:
    /// "The United States sees" ends before its verb.
    fn description_word(&self) -> bool {
        let (doc, e, k) = (self.doc, self.e, self.k);
        let u = &doc.toks[e];
        plain_lower(doc, e)
            && !u.is(Class::CUE
                | Class::CONJ
                | Class::WH
                | Class::PRONOUN
                | Class::AUX
                | Class::RELATIVE
                | Class::NEG)
            && (!u.is(Class::PREP) || doc.is_word(e, "of"))
            && !self.seen_cap
            && e > k
            && (doc.toks[k].is(Class::DET | Class::QUANT)
                // "conservative talk radio host Rush Limbaugh"
                || doc.toks[k].is(Class::PARTY | Class::ROLE_MOD) && !doc.toks[k].is_cap())
    }

    /// Take a lowercase description word in, but not a third in a row.
    fn lower_word(&mut self) -> bool {
        self.lowers += 1;
        if self.lowers > 2 {
            return false;
        }
        self.e += 1;
        true
    }

    /// An adjective between a name and its head noun, not a verb ("The Committee emailed
    /// reporters", "The United States sees").
    fn modifier(&self, x: usize) -> bool {
        let w = self.doc.word(x);
        plain_lower(self.doc, x)
            && !self.doc.toks[x].is(FUNCTION_WORDS)
            && !w.ends_with("ed")
            && !w.ends_with("ing")
            && !looks_plural(self.doc, x)
    }

    /// "the top British medical journal": after a determiner, a capitalised adjective and
    /// lowercase words up to a head noun; "The United States sees" ends at its name.
    fn head_after_adjectives(&mut self) -> bool {
        let (doc, e) = (self.doc, self.e);
        if self.seen_cap
            && doc.toks[self.k].is(Class::DET)
            && let Some(h) =
                (e..self.hi.min(e + 3)).find(|&x| !plain_lower(doc, x) || !self.modifier(x))
            && (e..h).all(|x| self.modifier(x))
            && h > e
            && !doc.toks[h].is_cap()
            && doc.toks[h].is(Class::ROLE | Class::GROUP | Class::ORG_HEAD)
            && !doc.toks[h].is(FUNCTION_WORDS)
        {
            self.e = h + 1;
            return true;
        }
        false
    }
}

/// Most lowercase words that may describe a person before their name ("digital artist").
const MAX_DESCRIPTOR: usize = 3;

/// The source phrase after an inverted verb that opens with a lowercase description of the
/// person and no determiner: "said rally driver Dave Hawkins", "said longtime party activist
/// Jane Doe". Only right after the verb: elsewhere "but certain President Reagan" is no
/// phrase. `None` when no capitalised name follows the description.
pub(crate) fn described_phrase(doc: &Doc, k: usize, hi: usize) -> Option<Range<usize>> {
    let function = FUNCTION_WORDS;
    let mut j = k;
    while j < hi && j - k < MAX_DESCRIPTOR {
        let t = &doc.toks[j];
        // ("according to eBay UK": a name written in small letters is no description.)
        let describes = t.is_word()
            && !t.is_cap()
            && !doc.word(j).contains(|c: char| c.is_uppercase())
            && !t.in_quote()
            && !t.has(flag::NUMBER | flag::POSSESSIVE)
            && !t.is(function);
        if !describes {
            break;
        }
        j += 1;
    }
    let name = doc.toks.get(j)?;
    if j == k || j >= hi || !name.is_cap() || name.is(Class::TIME) || !phrase_word(doc, j) {
        return None;
    }
    let named = right_phrase(doc, j, hi)?;
    Some(k..named.end)
}

/// "said Spanish teenager Nadal", "said American sprinter Kelli White": a nationality, then
/// a lowercase description of the person and their name. `None` unless the phrase at `k`
/// opens with a country's adjective that a description follows.
pub(crate) fn placed_description(doc: &Doc, k: usize, hi: usize) -> Option<Range<usize>> {
    let t = doc.toks.get(k)?;
    if k + 1 >= hi || !t.is_cap() || !speaker_name::is_country_modifier(doc.word(k)) {
        return None;
    }
    let described = described_phrase(doc, k + 1, hi)?;
    Some(k..described.end)
}

/// "[University of Toronto] law professor Jane Doe": where a person's name ends after an
/// organisation's name ending at `k`, when a lowercase description holding a title, or a
/// title, leads to it. `None` unless a title stands right before the name.
fn titled_name_after(doc: &Doc, k: usize, hi: usize) -> Option<usize> {
    let t = doc.toks.get(k)?;
    let phrase = if t.is_cap() && t.is(Class::ROLE) {
        right_phrase(doc, k, hi)?
    } else {
        described_phrase(doc, k, hi)?
    };
    let name = trailing_name(doc, phrase.clone())?;
    (name.start > phrase.start && doc.toks[name.start - 1].is(Class::ROLE)).then_some(phrase.end)
}

/// Days of the week, which end a name after a verb ("said Erdogan Sunday").
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
