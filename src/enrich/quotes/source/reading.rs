//! Reading a source phrase as a [`Source`]: a pronoun, a person by age, an organisation, a
//! share or a group of people, a role mention, or an affiliation, a role and a name
//! ("Chinese | Foreign Ministry spokesperson | Geng Shuang").
//!
//! [`parse`] tries the readings in order; each reading says whether the phrase is of its
//! kind and, if so, what it names.

use std::ops::Range;

use super::super::lexicon::Class;
use super::super::names::{
    Gender, after_heading, is_name_token, is_placed_modifier, phrase_text, trailing_name,
};
use super::super::speaker_name;
use super::super::text::{Doc, Kind, Mark, flag};
use super::super::words::ends_company_name;
use super::left::linked_before;
use super::{
    Source, SourceKind, describes_aged, is_age_noun, is_link, is_quantity, looks_plural,
    modified_head, org_name_end, plain_lower,
};

/// Read a source phrase (and an appositive after it) as a [`Source`].
pub(crate) fn parse(doc: &Doc, phrase: Range<usize>, appositive: Option<Range<usize>>) -> Source {
    let mut r = without_postnominal(doc, without_bracket(doc, phrase.clone()));
    // "[HUGE MARKET OPEN TO ICELANDIC FISHERY] Adolf Gudmundsson".
    r.start = after_heading(doc, r.clone());
    let unread = Source {
        kind: SourceKind::Generic,
        phrase: phrase.clone(),
        name: None,
        role: appositive.clone(),
        affiliation: None,
        gender: Gender::Unknown,
        plural: false,
        first_person: false,
    };
    if r.len() == 1 && doc.toks[r.start].is(Class::PRONOUN) {
        return pronoun(doc, r.start, unread);
    }
    let had_det = r.start < r.end && doc.toks[r.start].is(Class::DET | Class::QUANT);
    let r = after_determiners(doc, r);
    if r.is_empty() {
        return unread;
    }
    let p = Phrase {
        doc,
        whole: phrase,
        r,
        appositive,
        had_det,
        unread,
    };
    p.by_age()
        .or_else(|| p.org_over_link())
        .or_else(|| p.person_of())
        .or_else(|| p.modified())
        .or_else(|| p.share())
        .unwrap_or_else(|| p.by_head())
}

/// Does `r` end in a name of at least `words` words with a title right before it
/// ("Commerce president Perrin Beatty", "the Christ director Mel Gibson")? Such a phrase is
/// a titled person, whatever the title is of.
fn titled_name_at_end(doc: &Doc, r: Range<usize>, words: usize) -> bool {
    let start = r.start;
    trailing_name(doc, r).is_some_and(|n| {
        n.start > start && n.len() >= words && doc.toks[n.start - 1].is(Class::ROLE)
    })
}

/// The phrase without a bracket at its end: "Rep. Gwen Moore (D-Wis.)".
fn without_bracket(doc: &Doc, mut r: Range<usize>) -> Range<usize> {
    if r.end > r.start
        && doc.is_punct(r.end - 1, ')')
        && let Some(open) = (r.start..r.end).rev().find(|&x| doc.is_punct(x, '('))
    {
        r.end = open;
    }
    r
}

/// The phrase without a letter of office written after a name at its end ("Frank Field MP",
/// "Alex Neil MSP"): the name ends the phrase, the letters only say what the person is.
fn without_postnominal(doc: &Doc, mut r: Range<usize>) -> Range<usize> {
    let last = r.end.saturating_sub(1);
    // ("the Ealing North MP", "Plaid Cymru MP": a seat or a party, not a name.)
    if r.len() > 2
        && !doc.toks[r.start].is(Class::DET)
        && doc.toks[last].has(flag::ALL_CAPS)
        && speaker_name::is_postnominal(doc.word(last))
        && (last - 2..last)
            .all(|k| doc.toks[k].is_word() && doc.toks[k].is_cap() && !doc.toks[k].is(Class::PARTY))
    {
        r.end = last;
    }
    r
}

/// The phrase after its determiners and quantifiers, keeping at least one word.
fn after_determiners(doc: &Doc, mut r: Range<usize>) -> Range<usize> {
    while r.len() > 1 && doc.toks[r.start].is(Class::DET | Class::QUANT) {
        r.start += 1;
    }
    r
}

/// He, she, they, it, I, we, you.
fn pronoun(doc: &Doc, k: usize, mut src: Source) -> Source {
    let t = &doc.toks[k];
    src.kind = SourceKind::Pronoun;
    src.gender = Gender::from_class(t.class);
    src.plural = t.is(Class::PLURAL);
    src.first_person = t.is(Class::FIRST_PERSON) || doc.is_word(k, "you");
    src
}

/// A source phrase being read.
struct Phrase<'a, 't> {
    doc: &'a Doc<'t>,
    /// The whole phrase, as given.
    whole: Range<usize>,
    /// The phrase without a bracket at its end and without its determiners.
    r: Range<usize>,
    appositive: Option<Range<usize>>,
    /// Did a determiner or quantifier open the phrase?
    had_det: bool,
    /// The reading of a phrase that names no one.
    unread: Source,
}

impl Phrase<'_, '_> {
    /// The phrase up to `end` read on its own, as a source of the whole phrase.
    fn head_part(&self, end: usize) -> Source {
        let mut inner = parse(self.doc, self.r.start..end, self.appositive.clone());
        inner.phrase = self.whole.clone();
        inner
    }

    /// "the 36-year-old", "the 30-year-old striker", "the 28-year-old former tennis champion",
    /// "the 31-year-old American": a person by age, whose name came before.
    fn by_age(&self) -> Option<Source> {
        let (doc, r) = (self.doc, &self.r);
        let aged = self.appositive.is_none()
            && r.start == self.whole.start + 1
            && doc.is_word(self.whole.start, "the")
            && is_age_noun(doc, r.start)
            && r.len() <= 5
            && (r.start + 1..r.end).all(|k| describes_aged(doc, k));
        aged.then(|| Source {
            kind: SourceKind::RoleMention,
            role: Some(r.clone()),
            ..self.unread.clone()
        })
    }

    /// "the Commission on Presidential Debates": an organisation's name goes on over a link.
    fn org_over_link(&self) -> Option<Source> {
        let (doc, r) = (self.doc, &self.r);
        let end = org_name_end(doc, r.start, r.end)?;
        // "... of the Organisation for Economic Cooperation and Development Edward Streator":
        // a given name and a surname at the end are the person.
        let person_last = r.len() > 2 && doc.toks[r.end - 2].is(Class::FIRST_NAME);
        (end == r.end && !person_last).then(|| Source {
            kind: SourceKind::Org,
            name: Some(r.clone()),
            ..self.unread.clone()
        })
    }

    /// "Senator John Cornyn of Texas", "Mr. Hale of the Audubon Society": the person before
    /// "of", with what follows as the affiliation. ("Chamber of Commerce president Perrin
    /// Beatty" is the person titled at the end; "Thomas Covert of the University of Chicago
    /// and Professor Knittel" and "Herbert Hansen of its partner Keyobs" the one before.)
    fn person_of(&self) -> Option<Source> {
        let (doc, r) = (self.doc, &self.r);
        let of = (r.start + 1..r.end).find(|&k| doc.is_word(k, "of"))?;
        if !is_name_token(doc, of - 1)
            || doc.toks[of - 1].is(Class::ORG_HEAD | Class::ORG_UNIT)
            || !doc.toks[r.start].is(Class::FIRST_NAME) && titled_name_at_end(doc, of + 1..r.end, 2)
        {
            return None;
        }
        // "the Fraser of Allander Institute", "the City of Calgary": one word after "the" is
        // no person; with an organisation's head or only capitalised words after "of", the
        // whole phrase is a body's name.
        let named_after = (of + 1..r.end).all(|k| doc.toks[k].is_word() && doc.toks[k].is_cap());
        if self.had_det
            && of - 1 == r.start
            && (doc.toks[r.end - 1].is(Class::ORG_HEAD) || named_after)
        {
            return Some(Source {
                kind: SourceKind::Org,
                name: Some(r.clone()),
                ..self.unread.clone()
            });
        }
        let mut inner = self.head_part(of);
        if inner.affiliation.is_none() {
            inner.affiliation = Some(of + 1..r.end);
        }
        Some(inner)
    }

    /// "people with knowledge of the plan", "58 percent of voters", "Rep. Jane Doe from
    /// Ohio", "the nominee for the fall election": the head before the modifier says what
    /// the source is. (Titles keep their own links: "head of the FBI", "Consul General in
    /// Lyon Li Ming".)
    fn modified(&self) -> Option<Source> {
        let (doc, r) = (self.doc, &self.r);
        let q = (r.start + 1..r.end).find(|&k| is_link(doc, k) || doc.is_word(k, "to"))?;
        let head = &doc.toks[q - 1];
        // "Commission for Racial Equality chairman Trevor Phillips": a title before the name
        // at the end makes the phrase a titled person, whatever the title is of.
        if titled_name_at_end(doc, q + 1..r.end, 1) {
            return None;
        }
        let modifies = modified_head(doc, q - 1)
            && !(doc.is_word(q, "of")
                && head.is(Class::ROLE_ANY | Class::ORG_HEAD | Class::ORG_UNIT))
            && !(head.is(Class::ROLE) && trailing_name(doc, q + 1..r.end).is_some())
            && (!doc.is_word(q, "to") || head.is(Class::ROLE_ANY | Class::GROUP));
        if !modifies {
            return None;
        }
        // "Data from the 2014 Housing Survey show": a record with its origin is described
        // by the whole phrase, not named by its first word. ("A poll in June" is a poll.)
        if head.is(Class::DOCUMENT) && !head.is(Class::ROLE) && doc.is_word(q, "from") {
            return Some(self.unread.clone());
        }
        let mut inner = self.head_part(q);
        if matches!(inner.kind, SourceKind::Person | SourceKind::Named)
            && inner.affiliation.is_none()
        {
            inner.affiliation = Some(q + 1..r.end);
        }
        Some(inner)
    }

    /// "24 percent", "47%", "three-quarters": a share of a group speaks as a group.
    fn share(&self) -> Option<Source> {
        let (doc, last) = (self.doc, self.r.end - 1);
        if !is_quantity(doc, last) && !doc.is_punct(last, '%') {
            return None;
        }
        let one = ["one", "another", "each"]
            .iter()
            .any(|w| doc.is_word(last, w));
        Some(Source {
            kind: SourceKind::Group,
            plural: !one,
            ..self.unread.clone()
        })
    }

    /// The phrase read by its last word: a group, an organisation, a role mention, or a name
    /// with the words before it.
    fn by_head(&self) -> Source {
        let (doc, r) = (self.doc, &self.r);
        let last = r.end - 1;
        let lt = doc.toks[last];
        let mut src = self.unread.clone();
        src.plural = lt.is(Class::PLURAL) || !lt.is_cap() && looks_plural(doc, last);
        if lt.is(Class::GROUP) && !lt.is(Class::ROLE) || lt.is(Class::GROUP) && lt.is(Class::PLURAL)
        {
            return self.group(src);
        }
        if lt.is(Class::ORG_HEAD) && !lt.is(Class::ROLE)
            || lt.is_cap() && lt.is(Class::ORG_UNIT) && !lt.is(Class::ROLE)
        {
            return self.org_by_head(src);
        }
        if (r.start..r.end)
            .all(|k| doc.toks[k].is(Class::PARTY | Class::ROLE_MOD) && !doc.toks[k].is(Class::ROLE))
        {
            // "Republican" in "Republican claims": a modifier, not a source.
            return src;
        }
        let Some(name) = trailing_name(doc, r.clone()) else {
            return self.unnamed(src);
        };
        if name.start > r.start
            && (doc.toks[name.start - 1].is(Class::DET | Class::PREP)
                || doc.is_word(name.start - 1, "and")
                    && linked_before(doc, r.start, name.start - 1).is_some())
        {
            return self.title_not_name(src, name.start);
        }
        self.named(src, name)
    }

    /// A group of people ("officials", "Senate Democrats"), named when a capitalised word
    /// that is not just a sentence's first word is in it.
    fn group(&self, mut src: Source) -> Source {
        let (doc, r) = (self.doc, &self.r);
        src.kind = SourceKind::Group;
        src.plural = true;
        let named = (r.start..r.end).any(|k| {
            let t = &doc.toks[k];
            t.is_cap()
                && (!t.has(flag::SENT_START)
                    || t.is(Class::PROPER)
                    || !t.is(Class::GROUP | Class::ROLE_ANY | Class::SENTENCE_WORD))
        });
        if named {
            src.name = Some(r.clone());
        }
        src
    }

    /// An organisation by its head noun: its own name is the capitalised words that end with
    /// the head ("the State Department"); without one, a common noun ("the company").
    fn org_by_head(&self, mut src: Source) -> Source {
        let (doc, r) = (self.doc, &self.r);
        let last = r.end - 1;
        let mut s = last;
        let joiner =
            |k: usize| doc.is_word(k, "and") || doc.is_punct(k, '&') || doc.is_punct(k, ',');
        // ("The National Farmers' Union": a plural's possessive mark joins its name too.)
        let possessive_mark = |k: usize| {
            doc.toks[k].kind == Kind::Mark(Mark::SingleEither)
                && k > r.start
                && doc.toks[k - 1].has(flag::POSSESSIVE)
        };
        while s > r.start
            && (doc.toks[s - 1].is_cap() && !is_placed_modifier(doc.word(s - 1))
                || doc.is_word(s - 1, "of")
                || doc.toks[s - 1].has(flag::POSSESSIVE)
                || possessive_mark(s - 1)
                || joiner(s - 1) && s - 1 > r.start && doc.toks[s - 2].is_cap())
        {
            s -= 1;
        }
        if (s..r.end).any(|k| doc.toks[k].is_cap()) {
            src.kind = SourceKind::Org;
            src.name = Some(s..r.end);
        }
        src
    }

    /// A phrase with no name at its end: a role ("the senator"), or one capitalised word
    /// with no determiner ("Rubio", "India").
    fn unnamed(&self, mut src: Source) -> Source {
        let r = &self.r;
        let lt = self.doc.toks[r.end - 1];
        if lt.is(Class::ROLE) {
            src.kind = SourceKind::RoleMention;
            src.role = Some(r.clone());
            src.gender = Gender::from_class(lt.class);
        } else if lt.is_cap() && !self.had_det && !lt.is(Class::TIME) {
            src.kind = SourceKind::Named;
            src.name = Some(r.clone());
        }
        src
    }

    /// "Secretary of State for the Family", "chairman of the Police Federation of England and
    /// Wales": a capitalised word after "the", a preposition or an "and" inside a linked name
    /// (at `name_start`) ends a title, it is not a person's name.
    fn title_not_name(&self, mut src: Source, name_start: usize) -> Source {
        let (doc, r) = (self.doc, &self.r);
        if (r.start..name_start).any(|k| doc.toks[k].is(Class::ROLE)) {
            src.kind = SourceKind::RoleMention;
            src.role = Some(r.clone());
        } else if doc.toks[r.start].is_cap() {
            // "Association of Flight Attendants"
            src.kind = SourceKind::Org;
            src.name = Some(r.clone());
        }
        src
    }

    /// "the Federal Reserve", "Statistics Canada", "Security Pacific", "Human Rights Watch":
    /// capitalised words of offices and bodies with no title among them, before one more
    /// word, are one organisation's name, not a role and a surname.
    fn office_words_name(&self, before: &Range<usize>, name: &Range<usize>) -> bool {
        let doc = self.doc;
        name.len() == 1
            && !before.is_empty()
            && !doc.toks[name.start].is(Class::FIRST_NAME | Class::HONORIFIC)
            && before.clone().all(|k| {
                let t = &doc.toks[k];
                t.is_cap() && t.is(Class::ORG_UNIT) && !t.is(Class::ROLE | Class::HONORIFIC)
            })
    }

    /// "General Motors", "General Electric": capitalised words before one word that ends a
    /// company's name and is no one's surname are that company's name, even when the first
    /// is a rank.
    fn company_after_title(&self, before: &Range<usize>, name: &Range<usize>) -> bool {
        let doc = self.doc;
        name.len() == 1
            && !before.is_empty()
            && ends_company_name(doc.word(name.start))
            && before.clone().all(|k| {
                let t = &doc.toks[k];
                t.is_cap() && !t.is(Class::HONORIFIC)
            })
    }

    /// "Global Affairs Canada", "Fisheries and Oceans Canada", "Air Canada": capitalised
    /// words before a country's name, with no given name, title or honorific among them, are
    /// a body named after its country, not a role and a surname.
    fn country_body_name(&self, before: &Range<usize>, name: &Range<usize>) -> bool {
        let doc = self.doc;
        let joiner = |k: usize| doc.is_word(k, "and") || doc.is_punct(k, ',');
        let last = name.end - 1;
        let start = if before.is_empty() {
            name.start
        } else {
            before.start
        };
        let place = |k: usize| {
            speaker_name::country_named(doc.word(k)).is_some()
                || k > start
                    && speaker_name::country_named(&phrase_text(doc, k - 1..k + 1)).is_some()
        };
        // One word before the country is a body only when it is an office word ("Health
        // Canada", "Air Canada"); "Alastair France" is a person.
        let one_word_body =
            start + 1 < last || doc.toks[start].is(Class::ORG_UNIT | Class::ORG_HEAD);
        start < last
            && one_word_body
            && !place(last - 1)
            && speaker_name::is_country_name(doc.word(last))
            && doc.toks[start].is_cap()
            && (start..last).all(|k| {
                let t = &doc.toks[k];
                // ("Iran and Iraq": a joiner right before the country joins two places.)
                joiner(k) && k > start && k + 1 < last
                    || t.is_cap()
                        && !t.has(flag::POSSESSIVE)
                        && !t.is(
                            Class::FIRST_NAME
                                | Class::HONORIFIC
                                | Class::ROLE
                                | Class::ROLE_MOD
                                | Class::TIME,
                        )
                        && !is_placed_modifier(doc.word(k))
                        // ("Iran and Iraq", "West Germany and Japan": countries.)
                        && !place(k)
            })
    }

    /// A name with what comes before it: affiliation words, then role words; honorifics give
    /// a gender. A plain lowercase word ends what can be a title: "[Leaving a Brussels
    /// summit] Mr Blair".
    fn named(&self, mut src: Source, name: Range<usize>) -> Source {
        let doc = self.doc;
        let mut before = self.r.start..name.start;
        if let Some(k) = before
            .clone()
            .rev()
            .find(|&k| plain_lower(doc, k) && !doc.toks[k].is(Class::PREP | Class::CONJ))
        {
            before.start = k + 1;
        }
        if self.office_words_name(&before, &name)
            || self.company_after_title(&before, &name)
            || self.country_body_name(&before, &name)
        {
            src.kind = SourceKind::Org;
            src.name = Some(before.start..name.end);
            return src;
        }
        let mut titles = Titles::read(doc, before.clone());
        if titles.gender != Gender::Unknown {
            src.gender = titles.gender;
        }
        // "Bank of England governor Mervyn King": a title read from its link on is the body's
        // name before the title words at its end ("governor"), which alone are the role.
        if let Some(rs) = titles.role_start
            && rs > before.start
            && is_link(doc, rs)
        {
            let title_run = (rs + 1..before.end)
                .rev()
                .take_while(|&k| doc.toks[k].is(Class::ROLE_ANY | Class::HONORIFIC))
                .last();
            if let Some(k) = title_run
                .filter(|&k| doc.toks[k - 1].is_cap() || doc.toks[k - 1].has(flag::POSSESSIVE))
            {
                titles.role_start = Some(k);
            }
        }
        let aff = before.start..titles.role_start.unwrap_or(before.end);
        if !aff.is_empty() && aff.clone().all(|k| !doc.toks[k].is(Class::HONORIFIC)) {
            src.affiliation = Some(aff);
        }
        if let Some(rs) = titles.role_start {
            let role_end = (rs..before.end)
                .rev()
                .find(|&k| !doc.toks[k].is(Class::HONORIFIC))
                .map(|k| k + 1);
            if let Some(re) = role_end
                && re > rs
            {
                src.role = Some(rs..re);
            }
        }
        let first = &doc.toks[name.start];
        if src.gender == Gender::Unknown && first.is(Class::FIRST_NAME) && name.len() >= 2 {
            src.gender = Gender::from_class(first.class);
        }
        // "The United States" takes a determiner; a person's name does not, unless a role
        // stands between ("the economist Jared Bernstein").
        let det_name = self.had_det && titles.role_start.is_none();
        src.kind = if titles.titled
            || name.len() >= 2 && !doc.toks[name.start].has(flag::ALL_CAPS) && !det_name
        {
            SourceKind::Person
        } else {
            SourceKind::Named
        };
        src.name = Some(name);
        src
    }
}

/// What the words before a name say: whether a title or honorific is among them, where the
/// role words start, and the gender an honorific (or else the first gendered role) gives.
struct Titles {
    titled: bool,
    role_start: Option<usize>,
    gender: Gender,
}

impl Titles {
    fn read(doc: &Doc, before: Range<usize>) -> Titles {
        let mut titles = Titles {
            titled: false,
            role_start: None,
            gender: Gender::Unknown,
        };
        for k in before {
            let t = &doc.toks[k];
            if t.is(Class::HONORIFIC) {
                titles.titled = true;
                titles.gender = Gender::from_class(t.class);
                continue;
            }
            if t.is(Class::ROLE) {
                titles.titled = true;
                if titles.gender == Gender::Unknown {
                    titles.gender = Gender::from_class(t.class);
                }
            }
            if titles.role_start.is_none() && (t.is(Class::ROLE_ANY) || !t.is_cap()) {
                titles.role_start = Some(k);
            }
        }
        titles
    }
}
