//! The source phrase before a speech verb, found by walking leftwards from the word before
//! the verb: "US Secretary of State Marco Rubio [said]", "people with knowledge of the plan
//! [said]", "Standard and Poor's Corp [said]".

use std::ops::Range;

use super::super::lexicon::Class;
use super::super::speaker_name;
use super::super::text::{Doc, Kind, Mark, flag};
use super::{
    MAX_PHRASE, ORG_LINKS, at_clause_start, head_fits, is_age_noun, is_link, looks_plural,
    modified_head, org_name_end, phrase_word, plain_lower, post_modified, share_phrase,
};

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
    // A possessive is never a subject ("Trump's remarks" is not "Trump remarks"), unless it is
    // a name that ends in "'s" right before the verb ("McDonald's said"); nor is a bare
    // determiner or number word ("In one tweet").
    if !phrase_word(doc, k)
        || t.has(flag::NUMBER)
        || t.has(flag::POSSESSIVE) && !name_in_s(doc, k, j)
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
        self.linked_name_with_and(p)
            || self.title_of(p)
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

    /// "Department of Trade and Industry", "Lewis of Phillips and Drew", "Police Federation
    /// of England and Wales": "and" (at `p`) inside the name after a link word, where
    /// capitalised words run back from the "and" to "of" or "for" after a capitalised word.
    fn linked_name_with_and(&mut self, p: usize) -> bool {
        let takes = self.doc.is_word(p, "and")
            && self.doc.toks[self.start].is_cap()
            && linked_before(self.doc, self.lo, p).is_some();
        if takes {
            self.start = p;
        }
        takes
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
                || plain_lower(doc, self.start)
                // "Federal and district officials": a body's word in lowercase.
                || (!doc.toks[self.start].is_cap()
                    && doc.toks[self.start].is(Class::ORG_HEAD)
                    && !doc.toks[self.start].is(Class::ROLE | Class::GROUP)));
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
/// "Savings and Loan Insurance Corp"), or ending in an office word after "the" and one
/// capitalised word ("the Trade and Industry Department"), or ending in a country's name after
/// a capitalised word ("Fisheries and Oceans Canada")?
fn company_after_and(doc: &Doc, start: usize, end: usize) -> bool {
    let first = doc.word(start);
    let last = doc.word(end - 1);
    let body_after_plural = end - start >= 2
        && (doc.toks[end - 1].is(Class::ORG_HEAD) || speaker_name::is_company_suffix(last))
        && start >= 2
        && looks_plural(doc, start - 2)
        && !doc.toks[start - 2].is(Class::GROUP | Class::ORG_HEAD);
    // "the Trade and Industry Department", "the Food and Drug Administration"
    let body_after_the = doc.toks[end - 1].is(Class::ORG_HEAD)
        && start >= 3
        && doc.is_word(start - 3, "the")
        && doc.toks[start - 2].is_cap()
        && !doc.toks[start - 2].has(flag::POSSESSIVE)
        && !doc.toks[start - 2].is(Class::FIRST_NAME | Class::HONORIFIC | Class::ROLE)
        // ("the FBI and State Department": two bodies.)
        && doc.word(start - 2).chars().any(|c| c.is_lowercase());
    // "Fisheries and Oceans Canada", "Public Services and Procurement Canada"
    let country_body = end - start >= 2
        && speaker_name::is_country_name(last)
        && start >= 2
        && doc.toks[start - 2].is_cap()
        && !doc.toks[start - 2].is(Class::FIRST_NAME | Class::HONORIFIC | Class::ROLE)
        && !speaker_name::is_country_name(doc.word(start - 2));
    end - start <= 3
        && (start..end).all(|k| doc.toks[k].is_cap() && doc.toks[k].is_word())
        && (doc.toks[start].has(flag::POSSESSIVE)
            || speaker_name::is_company_suffix(first)
            || first.trim_end_matches('.').chars().count() == 1
            || body_after_plural
            || body_after_the
            || country_body)
}

/// Is the possessive-looking word `k` a name that ends in "'s", as it is right before "said"
/// or "says" ("McDonald's said")? A plural's possessive ("Investors' said") is not, nor is an
/// owner before a noun ("Trump's claims").
fn name_in_s(doc: &Doc, k: usize, j: usize) -> bool {
    let w = doc.word(k);
    k == j
        && (doc.is_word(j + 1, "said") || doc.is_word(j + 1, "says"))
        && doc.toks[k].is_cap()
        && !doc.toks[k].is(Class::PRONOUN)
        && (w.ends_with("'s") || w.ends_with("\u{2019}s"))
}

/// Most capitalised words between a link word and an "and" inside one name.
const MAX_LINKED_WORDS: usize = 3;

/// For an "and" at `p` inside a name ("Department of Trade and Industry"), the link word
/// ("of", "for") that the capitalised words before the "and" run back to, when a capitalised
/// word stands before the link, not before `lo`.
pub(super) fn linked_before(doc: &Doc, lo: usize, p: usize) -> Option<usize> {
    let name_word = |k: usize| {
        let t = &doc.toks[k];
        t.is_word() && t.is_cap() && !t.in_quote() && !t.is(Class::DET | Class::PRONOUN)
    };
    let mut k = p;
    while k > lo && p - k < MAX_LINKED_WORDS && name_word(k - 1) {
        k -= 1;
    }
    let link = k.checked_sub(1)?;
    (k < p
        && link > lo
        && (doc.is_word(link, "of") || doc.is_word(link, "for"))
        && doc.toks[link - 1].is_cap()
        && doc.toks[link - 1].is_word())
    .then_some(link)
}
