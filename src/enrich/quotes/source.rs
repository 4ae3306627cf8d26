//! Source phrases: where the words naming a speaker begin and end, and what they say about
//! the speaker.
//!
//! [`left_phrase`] and [`right_phrase`] find the noun phrase before a speech verb ("US
//! Secretary of State Marco Rubio said") or after it ("said Geoff Garin"); [`aside_before`]
//! steps over "X, who ..., said" and "X, a former adviser, said". [`parse`] reads a phrase as
//! an affiliation, a role and a name ("Chinese | Foreign Ministry spokesperson | Geng Shuang"),
//! or as a pronoun, an organisation, a group or a role mention ("the senator").

mod reading;

use std::ops::Range;

use super::lexicon::{Class, CueClass, LEXICON};
use super::names::{Gender, trailing_name};
use super::speaker_name;
use super::text::{Doc, Kind, Mark, flag};

pub(crate) use reading::parse;

/// Longest source phrase, in tokens.
const MAX_PHRASE: usize = 12;
/// Longest aside between a source and its verb, in tokens.
const MAX_ASIDE: usize = 30;
/// Most asides in a row between a source and its verb.
const MAX_ASIDES: usize = 3;

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
    let t = &doc.toks[k];
    if !t.is_word() {
        return false;
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

/// The source phrase that ends with token `j`, not reaching before `lo`.
pub(crate) fn left_phrase(doc: &Doc, lo: usize, j: usize) -> Option<Range<usize>> {
    let end = j + 1;
    let k = before_parenthesis(doc, lo, j)?;
    let t = &doc.toks[k];
    if t.in_quote() {
        return None;
    }
    // "24 percent said", "About four in 10 say", "Most said".
    if let Some(s) = share_phrase(doc, lo, k).filter(|&s| at_clause_start(doc, lo, s)) {
        return Some(s..end);
    }
    if !t.is_word() {
        return None;
    }
    if t.is(Class::PRONOUN) && !t.is(Class::DET) || (t.is(Class::RELATIVE) && doc.is_word(k, "who"))
    {
        return Some(k..end);
    }
    // "..., the 36-year-old said": a person named before, by age.
    if k > lo && is_age_noun(doc, k) && doc.toks[k - 1].is(Class::DET) {
        return Some(k - 1..end);
    }
    // A possessive is never a subject ("Trump's remarks" is not "Trump remarks"), nor is a
    // bare determiner or number word ("In one tweet").
    if !phrase_word(doc, k)
        || t.has(flag::NUMBER)
        || t.has(flag::POSSESSIVE)
        || t.is(Class::DET | Class::QUANT) && !t.is(Class::GROUP)
    {
        return None;
    }
    let mut walk = LeftWalk {
        doc,
        lo,
        end,
        start: k,
        head: k,
        lowers: 0,
        unlinked: None,
    };
    while walk.start > lo && end - walk.start < MAX_PHRASE && walk.take_word_before() {}
    walk.phrase()
}

/// The token a source phrase ends on when it ends at `j`: "Sen. Claire McCaskill (D-Mo.)
/// said" steps over the parenthesis. `None` when the parenthesis opens too far back or
/// before `lo`.
fn before_parenthesis(doc: &Doc, lo: usize, j: usize) -> Option<usize> {
    if !doc.is_punct(j, ')') {
        return Some(j);
    }
    let open = (lo..j).rev().take(10).find(|&x| doc.is_punct(x, '('))?;
    (open > 0 && open > lo).then(|| open - 1)
}

/// A source phrase growing leftwards from its last word, one word at a time.
struct LeftWalk<'a, 't> {
    doc: &'a Doc<'t>,
    /// The phrase does not reach before this token.
    lo: usize,
    /// The end of the phrase (exclusive).
    end: usize,
    /// The phrase's first token so far.
    start: usize,
    /// Its head noun so far: a lowercase head must be a role, group or organisation noun,
    /// or a plural-looking noun after a determiner ("the campaign", "officials", "some
    /// liberal economists").
    head: usize,
    /// Plain lowercase words in a row at the phrase's start.
    lowers: usize,
    /// Where the phrase began before it took in a modifier after its head ("people [with
    /// knowledge of the plan]"), and the head then; such a phrase must open its clause.
    unlinked: Option<(usize, usize)>,
}

impl LeftWalk<'_, '_> {
    /// Take the word before the phrase into it, if it belongs there; false when the phrase
    /// ends (at `start`).
    fn take_word_before(&mut self) -> bool {
        let p = self.before_possessive_mark(self.start - 1);
        if self.company_with_and(p) {
            return true;
        }
        let u = &self.doc.toks[p];
        if !u.is_word() || u.in_quote() {
            return false;
        }
        if u.is(Class::DET | Class::QUANT) && !u.is(Class::PRONOUN) || self.doc.is_word(p, "her") {
            return self.determiner(p);
        }
        self.title_of(p)
            || self.joined_modifiers(p)
            || self.org_link(p)
            || self.title_preposition(p)
            || self.post_modifier(p)
            || self.head_modifier(p)
            || self.plain_word(p)
    }

    /// "The ministers’ aides": step over a possessive apostrophe after a plural at `p`.
    fn before_possessive_mark(&self, p: usize) -> usize {
        let doc = self.doc;
        if p > self.lo
            && doc.toks[p].kind == Kind::Mark(Mark::SingleEither)
            && !doc.toks[p].in_quote()
            && doc.toks[p - 1].has(flag::POSSESSIVE)
        {
            p - 1
        } else {
            p
        }
    }

    /// "Standard and Poor's Corp", "Sears, Roebuck and Co", "Dillon, Read and Co Inc": one
    /// company's name with "and" or "&" (at `p`) inside.
    fn company_with_and(&mut self, p: usize) -> bool {
        let (doc, lo) = (self.doc, self.lo);
        let name_word = |k: usize| {
            let t = &doc.toks[k];
            t.is_cap() && t.is_word() && !t.in_quote()
        };
        if !(p > lo
            && (doc.is_word(p, "and") || doc.is_punct(p, '&'))
            && name_word(p - 1)
            && company_after_and(doc, self.start, self.end))
        {
            return false;
        }
        self.start = p - 1;
        if self.start >= lo + 2 && doc.is_punct(self.start - 1, ',') && name_word(self.start - 2) {
            self.start -= 2;
        }
        true
    }

    /// A determiner at `p` opens the phrase, unless a link before it goes on: "Mr. Hale of
    /// the Audubon Society", "the director of the research centre", "a narrator in the
    /// Clinton ad", "a person familiar with the talks", "people with knowledge of the plan".
    fn determiner(&mut self, p: usize) -> bool {
        let (doc, lo) = (self.doc, self.lo);
        self.start = p;
        let linked = p >= lo + 2
            && ["of", "in", "at", "for", "from"]
                .iter()
                .any(|w| doc.is_word(p - 1, w))
            && (doc.toks[p - 2].is_cap()
                || doc.toks[p - 2].is(Class::ROLE_ANY | Class::GROUP)
                || doc.is_word(p - 1, "in") && plain_lower(doc, p - 2));
        if linked && doc.is_word(p, "the") {
            self.start = p - 1;
            return true;
        }
        // "a person familiar with the talks", "sources close to the campaign"
        if p >= lo + 3 && post_modified(doc, p - 1) {
            self.new_head(p - 3, p - 3);
            return true;
        }
        // "people with knowledge of the plan", "members of a group"
        if p >= lo + 2 && is_link(doc, p - 1) && modified_head(doc, p - 2) {
            self.unlinked.get_or_insert((self.start, self.head));
            self.head = p - 2;
            self.start = p - 1;
            return true;
        }
        false
    }

    /// The phrase took in a modifier after its head: the head is now `head`, the phrase
    /// starts at `start`.
    fn new_head(&mut self, head: usize, start: usize) {
        self.unlinked.get_or_insert((self.start, self.head));
        self.head = head;
        self.start = start;
        self.lowers = 0;
    }

    /// "of" after a role, an organisation head or a capitalised word: "head of the FBI".
    fn title_of(&mut self, p: usize) -> bool {
        let doc = self.doc;
        let takes = doc.is_word(p, "of")
            && p > self.lo
            && (doc.toks[p - 1].is(Class::ROLE_ANY | Class::ORG_HEAD) || doc.toks[p - 1].is_cap());
        if takes {
            self.start = p;
        }
        takes
    }

    /// "Federal and state officials", "Republican and Democratic leaders": two modifiers of
    /// one head joined by "and" (not two sources: "Ruiz and state officials").
    fn joined_modifiers(&mut self, p: usize) -> bool {
        let doc = self.doc;
        let takes = doc.is_word(p, "and")
            && p > self.lo
            && self.start < self.head
            && doc.toks[p - 1].is(Class::ROLE_MOD | Class::PARTY)
            && !doc.toks[p - 1].is(Class::ROLE | Class::GROUP | Class::PLURAL)
            && (doc.toks[self.start].is(Class::ROLE_MOD | Class::PARTY)
                || plain_lower(doc, self.start));
        if takes {
            self.start = p;
        }
        takes
    }

    /// "Commission on Presidential Debates", "Alliance to Reclaim Schools"
    fn org_link(&mut self, p: usize) -> bool {
        let doc = self.doc;
        let takes = p > self.lo
            && ORG_LINKS.iter().any(|w| doc.is_word(p, w))
            && doc.toks[p - 1].is_cap()
            && org_name_end(doc, p - 1, self.end) == Some(self.end);
        if takes {
            self.start = p;
        }
        takes
    }

    /// "Consul General in Lyon Li Ming", "Ambassador to the UN Jane Roe"
    fn title_preposition(&mut self, p: usize) -> bool {
        let doc = self.doc;
        let takes = ["in", "to", "at", "for", "from"]
            .iter()
            .any(|w| doc.is_word(p, w))
            && p > self.lo
            && doc.toks[p - 1].is(Class::ROLE)
            && doc.toks[p - 1].is_cap();
        if takes {
            self.start = p;
        }
        takes
    }

    /// "a person familiar with talks": an adjective with its own complement after the head
    /// noun.
    fn post_modifier(&mut self, p: usize) -> bool {
        let takes = p >= self.lo + 2 && post_modified(self.doc, p);
        if takes {
            self.new_head(p - 2, p - 2);
        }
        takes
    }

    /// "officials in Ohio", "58 percent of Latino voters", "aides to the senator"
    fn head_modifier(&mut self, p: usize) -> bool {
        let doc = self.doc;
        let takes = p > self.lo
            && (is_link(doc, p)
                || doc.is_word(p, "to") && doc.toks[p - 1].is(Class::ROLE_ANY | Class::GROUP))
            && modified_head(doc, p - 1);
        if takes {
            self.new_head(p - 1, p);
        }
        takes
    }

    /// Any other word that may stand in a noun phrase, but not three plain lowercase words
    /// in a row.
    fn plain_word(&mut self, p: usize) -> bool {
        if !phrase_word(self.doc, p) {
            return false;
        }
        if plain_lower(self.doc, p) {
            self.lowers += 1;
            if self.lowers > 2 {
                return false;
            }
        } else {
            self.lowers = 0;
        }
        self.start = p;
        true
    }

    /// Leading words that cannot open a noun phrase dropped from `start`, up to `head`.
    fn trimmed(&self, mut start: usize, head: usize) -> usize {
        let doc = self.doc;
        while start < head
            && (plain_lower(doc, start)
                || doc.toks[start].is(Class::SENTENCE_WORD)
                    && !doc.toks[start].is(Class::DET | Class::HONORIFIC | Class::QUANT)
                || doc.is_word(start, "of"))
        {
            start += 1;
        }
        start
    }

    /// The phrase the walk found, trimmed, if its head fits; a phrase that took in a
    /// modifier after its head falls back to what it was before, unless it opens its clause.
    fn phrase(&self) -> Option<Range<usize>> {
        let (doc, lo) = (self.doc, self.lo);
        let mut start = self.trimmed(self.start, self.head);
        let mut head = self.head;
        if let Some((s0, h0)) = self.unlinked
            && (start > head
                || !at_clause_start(doc, lo, start)
                || !head_fits(doc, lo, start, head))
        {
            start = self.trimmed(s0, h0);
            head = h0;
        }
        head_fits(doc, lo, start, head).then_some(start..self.end)
    }
}

/// Do the words `start..end` after an "and" end a company's or a body's name rather than name
/// a second source: capitalised, at most three, opening with a possessive ("Poor's Corp"), a
/// company suffix ("Co Inc") or an initial ("P" of "S and P"), or two or three words ending in
/// an office word or a company suffix after a plural ("Securities and Exchange Commission",
/// "Savings and Loan Insurance Corp")?
fn company_after_and(doc: &Doc, start: usize, end: usize) -> bool {
    let first = doc.word(start);
    let last = doc.word(end - 1);
    let body_after_plural = end - start >= 2
        && (doc.toks[end - 1].is(Class::ORG_HEAD) || speaker_name::is_company_suffix(last))
        && start >= 2
        && looks_plural(doc, start - 2)
        && !doc.toks[start - 2].is(Class::GROUP | Class::ORG_HEAD);
    end - start <= 3
        && (start..end).all(|k| doc.toks[k].is_cap() && doc.toks[k].is_word())
        && (doc.toks[start].has(flag::POSSESSIVE)
            || speaker_name::is_company_suffix(first)
            || first.trim_end_matches('.').chars().count() == 1
            || body_after_plural)
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
        // "the Center for Responsive Politics"
        if e > self.k
            && let Some(end) = org_name_end(doc, e - 1, self.hi)
        {
            self.e = end;
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

/// Is the comma at `k` the one of "in Delaware, Ohio" or "from Paris, France": a capitalised
/// place after "in" or "from", then one capitalised word?
fn is_place_then_region(doc: &Doc, k: usize) -> bool {
    let (place, region) = (&doc.toks[k - 1], &doc.toks[k + 1]);
    place.is_word()
        && place.is_cap()
        && region.is_word()
        && region.is_cap()
        && (doc.is_word(k - 2, "in") || doc.is_word(k - 2, "from"))
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
        let describes = t.is_word()
            && !t.is_cap()
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

/// Words that may open an aside between a source and its verb.
fn opens_aside(doc: &Doc, k: usize) -> bool {
    let t = &doc.toks[k];
    t.is_word()
        && (t.is(Class::DET | Class::ROLE_ANY | Class::RELATIVE | Class::QUANT | Class::PREP)
            || t.has(flag::NUMBER)
            || doc.is_word(k, "whose")
            || !t.is_cap() && doc.word(k).ends_with("ing")
            || t.is_cap() && !t.is(Class::PRONOUN))
}

/// For a comma at `comma` right before a verb, the source phrase and its role in "X, who
/// ..., said", "X, a former adviser, said", "the minister of the economy, Mr. Guajardo,
/// argues" (the name in the aside speaks) and "X, director of Y, a union that ..., said"
/// (asides in a row).
pub(crate) fn aside_before(
    doc: &Doc,
    lo: usize,
    comma: usize,
) -> Option<(Range<usize>, Option<Range<usize>>)> {
    asides_before(doc, lo, comma, 0)
}

/// [`aside_before`], at most [`MAX_ASIDES`] asides deep.
fn asides_before(
    doc: &Doc,
    lo: usize,
    comma: usize,
    depth: usize,
) -> Option<(Range<usize>, Option<Range<usize>>)> {
    if depth > MAX_ASIDES {
        return None;
    }
    let (phrase, aside) = one_aside(doc, lo, comma)?;
    let name_aside = trailing_name(doc, aside.clone()).is_some_and(|n| {
        n.end == aside.end
            && (aside.start..n.start)
                .all(|k| doc.toks[k].is(Class::HONORIFIC | Class::ROLE_ANY) && doc.toks[k].is_cap())
    });
    // The head word, before a closing "(R-Ohio)".
    let mut h = phrase.end - 1;
    if doc.is_punct(h, ')')
        && let Some(open) = (phrase.start..h).rev().find(|&x| doc.is_punct(x, '('))
        && open > phrase.start
    {
        h = open - 1;
    }
    let head = &doc.toks[h];
    let phrase_is_name = matches!(
        parse(doc, phrase.clone(), None).kind,
        SourceKind::Person | SourceKind::Named
    );
    if name_aside && !phrase_is_name {
        // "The director of the European Centre, Ina Kirsch, told ..."
        let mut role = phrase;
        if doc.toks[role.start].is(Class::DET) && role.len() > 1 {
            role.start += 1;
        }
        return Some((aside, Some(role)));
    }
    let role = appositive_after(doc, aside.start - 1, comma + 1);
    // (A party label, "R-Ohio", describes the name before it.)
    let described = phrase.start > lo
        && doc.is_punct(phrase.start - 1, ',')
        && (!doc.toks[phrase.start].is_cap() || is_party_label(doc, phrase.start));
    if described {
        // Another aside before: "RoseAnn DeMoro, executive director of ..., a union ..., said".
        if phrase.start >= lo + 2
            && let Some(p2) = left_phrase(doc, lo, phrase.start - 2)
            && doc.toks[p2.end - 1].is_cap()
        {
            return Some((p2, Some(phrase)));
        }
        if let Some((p2, r2)) = asides_before(doc, lo, phrase.start - 1, depth + 1) {
            return Some((p2, r2.or(Some(phrase))));
        }
    }
    // ("One attendee, who ..., said": a common noun after a determiner speaks too.)
    let determined = doc.toks[phrase.start].is(Class::DET | Class::QUANT);
    if head.is_cap()
        || head.is(Class::PRONOUN | Class::ROLE | Class::GROUP | Class::ORG_HEAD)
        || determined
    {
        return Some((phrase, role));
    }
    None
}

/// The nearest aside before `comma`: the phrase before it and the aside's words.
/// The aside may hold commas of its own ("X, facing a challenge in Iowa, a swing state,
/// said"): a phrase that follows a preposition is inside the aside, so the search goes on to
/// an earlier comma.
fn one_aside(doc: &Doc, lo: usize, comma: usize) -> Option<(Range<usize>, Range<usize>)> {
    let floor = lo.max(comma.saturating_sub(MAX_ASIDE));
    let mut k = comma;
    while k > floor {
        k -= 1;
        let t = &doc.toks[k];
        // An aside may hold a whole quote ("X, citing ''the magic of Trump,'' said", "Y, the
        // author of "Going Viral," said") but no sentence punctuation; a period stuck to a word
        // ("R-Ky.") is part of it.
        if t.in_quote() {
            let s = &doc.spans[t.span as usize];
            if s.close.is_none() || s.open <= floor {
                return None;
            }
            k = s.open;
            continue;
        }
        if t.is_punct(',') {
            // "a soybean farmer in Delaware, Ohio, said": the state or country after a place
            // is part of the aside.
            if k + 2 == comma && k >= lo + 2 && is_place_then_region(doc, k) {
                continue;
            }
            if !(k + 1 < comma && k > lo && opens_aside(doc, k + 1)) {
                return None;
            }
            // "Tom Reyes, 64, a former senator, said": an age is part of the aside.
            if doc.toks[k - 1].has(flag::NUMBER) && k >= lo + 2 && doc.is_punct(k - 2, ',') {
                k -= 1;
                continue;
            }
            // ("Marco Rubio, R-Fla., appearing ...": a period stuck to the phrase.)
            let last = if doc.is_punct(k - 1, '.') && !doc.toks[k - 1].has(flag::SPACE_BEFORE) {
                k.checked_sub(2)?
            } else {
                k - 1
            };
            let phrase = left_phrase(doc, lo, last)?;
            // (", of Dayton, Ohio," is a hometown aside: the source is before it.)
            let hometown = phrase.start >= lo + 2
                && doc.is_word(phrase.start - 1, "of")
                && doc.is_punct(phrase.start - 2, ',');
            let inside = phrase.start > lo
                && doc.toks[phrase.start - 1].is_word()
                && doc.toks[phrase.start - 1].is(Class::PREP)
                && (!doc.is_word(phrase.start - 1, "of") || hometown);
            if inside {
                continue;
            }
            return Some((phrase, k + 1..comma));
        }
        let stuck = t.is_punct('.') && !t.has(flag::SPACE_BEFORE);
        if !stuck && matches!(t.kind, Kind::Punct('.' | ';' | ':' | '?' | '!')) {
            return None;
        }
    }
    None
}

/// The appositive after a source that starts at `k` with a comma: ", a Fed governor," or ", the
/// chief economist for the survey". Gives the words without the comma and determiner.
pub(crate) fn appositive_after(doc: &Doc, k: usize, hi: usize) -> Option<Range<usize>> {
    if !doc.is_punct(k, ',') || k + 1 >= hi {
        return None;
    }
    let mut a = k + 1;
    let first = &doc.toks[a];
    let det = first.is(Class::DET) && !first.is(Class::PRONOUN);
    // ", Politifact's editor" / ", CNN's chief political correspondent"
    let owner = first.has(flag::POSSESSIVE) && first.is_cap();
    if !(det
        || owner
        || first.is(Class::ROLE_ANY)
        || first.has(flag::NUMBER) && doc.is_punct(a + 1, ','))
    {
        return None;
    }
    if det {
        a += 1;
    }
    let mut e = a;
    while e < hi && e - a < MAX_PHRASE {
        let t = &doc.toks[e];
        if !t.is_word()
            || t.in_quote()
            || t.is(Class::RELATIVE | Class::CUE) && !t.is(Class::ROLE_ANY)
        {
            break;
        }
        e += 1;
    }
    (e > a).then_some(a..e)
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

/// The subject at the head of the clause `r` (for "X did this but said ..."): the first
/// noun phrase after an opening adjunct ("Speaking to reporters, Rubio ...").
pub(crate) fn clause_subject(doc: &Doc, r: Range<usize>) -> Option<Range<usize>> {
    // "WASHINGTON, June 10 (Reuters) - Trump ...": the dateline is no subject.
    let mut k = super::text::after_dateline(doc, r.start, r.end);
    // "But Podesta said ... and said ...": a sentence-opening conjunction or adverb.
    while k < r.end
        && doc.toks[k].is(Class::CONJ | Class::ADVERB)
        && doc.toks[k].is(Class::SENTENCE_WORD)
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
