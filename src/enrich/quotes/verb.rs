//! A speech verb inside a sentence: its source, then what was said.
//!
//! [`verb`] reads the verb group ("has also said"), then the source phrase ([`super::subject`]:
//! before the verb, or after it in `"...," said X`), then the content: a clause after the verb,
//! words before the source (`"Q," X said`), or both (`"A," X said, "B."`). Each step is a
//! method of [`Verb`] named for what it decides.

use std::ops::Range;

use super::content::*;
use super::cues::{asked_passive, is_be_or_aux, verb_group_start};
use super::found::{At, Found, Hit};
use super::lexicon::{Class, Cue, CueClass, Form, LEXICON};
use super::source::{self, Source, SourceKind};
use super::subject::{Src, left_source, speaks};
use super::text::{Doc, Kind, flag};
use crate::enrich::QuoteKind;

/// Prepositions that join a record noun to what it is a record of ("records from the 2008
/// cycle", "a study by Media Matters").
const RECORD_LINKS: [&str; 6] = ["of", "from", "by", "in", "for", "on"];

/// Try the speech verb at `i`: its source, then its content after or before.
pub(super) fn verb(doc: &Doc, at: &At, i: usize) -> Option<Hit> {
    let sent = doc.sents[at.si].toks.clone();
    let end = subordinate_end(doc, sent.clone(), i);
    let cue = doc.toks[i].cue?;
    if !has_particle(doc, cue, i, end) {
        return None;
    }
    if cue.class == CueClass::Ask
        && let Some(h) = asked_passive(doc, at.si, i, end)
    {
        return Some(h);
    }
    // Sentence-initial participles ("Asked about it, he said") are not cues.
    if i == sent.start
        && matches!(cue.form, Form::Past | Form::Participle | Form::Gerund)
        && doc.toks[i].is_cap()
    {
        return None;
    }
    let b = verb_group_start(doc, at.floor, i)?;
    let v = Verb {
        doc,
        at,
        sent,
        end,
        i,
        cue,
        b,
    };
    if v.follows_clause() {
        return v.participle_clause();
    }
    if v.idle_gerund() {
        return None;
    }
    let subject = v.subject()?;
    if let Some(start) = v.judged_object() {
        return v.object_hit(subject, start);
    }
    let after = v.content_after(&subject);
    v.finish(subject, after)
}

/// "shot back", "went on": without its particle the verb is no speech. A verb of judging has
/// its particle after its object ("sees the plan as a threat").
fn has_particle(doc: &Doc, cue: Cue, i: usize, end: usize) -> bool {
    let Some(part) = LEXICON.particle(cue) else {
        return true;
    };
    if cue.class != CueClass::Object {
        return doc.is_word(i + 1, part);
    }
    (i + 2..end.min(i + 10))
        .take_while(|&x| doc.toks[x].is_word() && !doc.toks[x].in_quote())
        .any(|x| {
            // "would see incomes rise by as much as", "such as": a comparison.
            let degree = ["much", "many", "well", "long", "soon", "far", "high"];
            let compared = degree
                .iter()
                .any(|w| doc.is_word(x + 1, w) || doc.is_word(x - 1, w))
                || doc.is_word(x - 1, "such");
            doc.is_word(x, part) && !compared
        })
}

/// The speech verb being tried, and the bounds it is read in.
struct Verb<'a> {
    doc: &'a Doc<'a>,
    at: &'a At<'a>,
    /// The sentence's tokens.
    sent: Range<usize>,
    /// Where the verb's clause ends (before a subordinate clause of its own).
    end: usize,
    /// The verb token and its cue.
    i: usize,
    cue: Cue,
    /// First token of the verb group ("has also said").
    b: usize,
}

/// The source of the verb as read, and what follows from where it stands.
struct Subject {
    src: Src,
    parsed: Source,
    /// The participle's source is the clause's subject, not the phrase just before it.
    moved: bool,
    /// A record noun with a modifier after it heads the phrase ("FEC records from 2008").
    post_record: bool,
    /// The attribution whose source this one shares ("X said A, and added B").
    inherit: Option<usize>,
    /// First token of the source words (the role, when it comes before the name).
    start: usize,
}

/// What follows the verb.
struct After {
    /// The content after the verb, if any.
    right: Option<Range<usize>>,
    /// Where the words after the verb (and its object and adjuncts) go on.
    k2: usize,
    /// A "that" (or what stands for one) introduces the content.
    that: bool,
    /// A verb of telling or asking took its object ("told reporters").
    object: bool,
    /// The subject is a poll, a study or records.
    data_source: bool,
}

impl Verb<'_> {
    /// `, adding that ...`, `before asking her, ...`: a participle set off after a clause.
    fn follows_clause(&self) -> bool {
        let (doc, b) = (self.doc, self.b);
        let linked = ["by", "while", "before", "after", "when"];
        self.cue.form == Form::Gerund
            && b > self.sent.start
            && (matches!(
                doc.toks[b - 1].kind,
                Kind::Punct(',' | '\u{2014}' | '\u{2013}' | '-')
            ) || linked.iter().any(|w| doc.is_word(b - 1, w)))
    }

    /// A participle after a clause shares the source of that clause.
    fn participle_clause(&self) -> Option<Hit> {
        let (doc, at, i, end, b, cue) = (self.doc, self.at, self.i, self.end, self.b, self.cue);
        let (si, earlier, offset) = (at.si, at.earlier, at.offset);
        let (k, that) = match cue.class {
            // ", pointing to the jobs report": what is pointed to.
            _ if points_to(doc, i) => (i + 2, false),
            CueClass::Object => (object_start(doc, i + 1), false),
            // "before asking her, ...", "telling reporters that ..."
            CueClass::Tell | CueClass::Ask => {
                let k = object_phrase(doc, i + 1, end).unwrap_or(i + 1);
                skip_adjuncts(doc, k, end)
            }
            _ => skip_adjuncts(doc, i + 1, end),
        };
        let that = that || to_clause(doc, cue, k, end);
        let content = right_clause(doc, k, end, cue.class, that)?;
        // The subject of the main clause, else the source of the attribution before. A
        // speech verb of this sentence after that subject is the main verb the participle
        // follows ('"Q," Kemper said in May, citing ...' is Kemper's, not the subject's).
        let subject = source::clause_subject(doc, self.sent.start..b)
            .map(|phrase| source::parse(doc, phrase, None));
        let nearer = earlier.last().filter(|f| {
            f.sent == si && f.cue < b && subject.as_ref().is_some_and(|s| f.cue > s.phrase.end)
        });
        let (source, inherit) = match (subject, earlier.last()) {
            (Some(_), Some(_)) if nearer.is_some() => (None, Some(offset + earlier.len() - 1)),
            (Some(s), _) => (Some(s), None),
            (None, Some(_)) => (None, Some(offset + earlier.len() - 1)),
            (None, None) => return None,
        };
        let found = Found::new(doc, source, inherit, as_parts(doc, content.clone()), si, i);
        Some(Hit::said(found, content.end, false))
    }

    /// A gerund with no sign of speech: not "quoted as saying", not "is saying", not after a
    /// document noun ("issued a statement saying ..."), and no quote soon after it.
    fn idle_gerund(&self) -> bool {
        let (doc, floor, b, i) = (self.doc, self.at.floor, self.b, self.i);
        let quoted_as = b < i && doc.is_word(b + 1, "quoted");
        let progressive = b > floor && is_be_or_aux(doc, b, i);
        let document =
            b > floor && doc.toks[b - 1].is(Class::ORG_HEAD) && !doc.toks[b - 1].is_cap();
        self.cue.form == Form::Gerund
            && !quoted_as
            && !progressive
            && !document
            && !quote_soon_after(doc, i + 1, self.end)
    }

    /// The source phrase and its reading; `None` when the verb's number does not agree with
    /// it (the cue is then a noun: "some states").
    fn subject(&self) -> Option<Subject> {
        let (doc, start, b, i, end) = (self.doc, self.sent.start, self.b, self.i, self.end);
        // The source may stand before attributions found earlier in the sentence ("Barkley,
        // who said ..., said ..."), so it is looked for back to the sentence start.
        let mut src = left_source(doc, start, b, i, end)?;
        let mut parsed = source::parse(doc, src.phrase.clone(), src.appositive.clone());
        if let Some(head) = self.record_head(&src, &parsed) {
            src.phrase = head.start..src.phrase.end;
            parsed = source::parse(doc, src.phrase.clone(), None);
        }
        let post_record = self.post_record(&src, &parsed);
        let mut moved = false;
        if let Some((phrase, s)) = self.subject_of_participle(&src, &parsed) {
            src.phrase = phrase;
            moved = true;
            parsed = s;
        }
        // "X said A, and added B": the same speaker as the attribution just before.
        let earlier = self.at.earlier;
        let inherit = if src.coordinated && !earlier.is_empty() {
            Some(self.at.offset + earlier.len() - 1)
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
        if !src.inverted && !self.agrees(&src, &parsed, src_start) {
            return None;
        }
        Some(Subject {
            src,
            parsed,
            moved,
            post_record,
            inherit,
            start: src_start,
        })
    }

    /// "A study by [Media Matters] found", "FEC records from [the 2008 cycle] show": a record
    /// noun with a modifier after it heads the subject, whatever noun ends the modifier, so
    /// the phrase found takes in the record before it.
    fn record_head(&self, src: &Src, parsed: &Source) -> Option<Range<usize>> {
        let (doc, start) = (self.doc, self.sent.start);
        let p = src.phrase.start;
        if src.inverted
            || matches!(parsed.kind, SourceKind::Person | SourceKind::Pronoun)
            || p < start + 2
            || !RECORD_LINKS.iter().any(|w| doc.is_word(p - 1, w))
            || !doc.toks[p - 2].is(Class::DOCUMENT)
            || doc.toks[p - 2].has(flag::POSSESSIVE)
        {
            return None;
        }
        source::left_phrase(doc, start, p - 2)
    }

    /// Does a record noun with a modifier after it stand inside the phrase ("records from the
    /// 2008 cycle")?
    fn post_record(&self, src: &Src, parsed: &Source) -> bool {
        let doc = self.doc;
        !src.inverted
            && !matches!(parsed.kind, SourceKind::Person | SourceKind::Pronoun)
            && src.phrase.clone().any(|k| {
                doc.toks[k].is(Class::DOCUMENT)
                    && !doc.toks[k].has(flag::POSSESSIVE)
                    && k + 1 < src.phrase.end
                    && RECORD_LINKS.iter().any(|w| doc.is_word(k + 1, w))
            })
    }

    /// "Trump issued a statement saying ...", "Sanders started the debate saying ...": the
    /// participle belongs to the clause's subject, not to the thing before it.
    fn subject_of_participle(&self, src: &Src, parsed: &Source) -> Option<(Range<usize>, Source)> {
        if self.cue.form != Form::Gerund || src.inverted || parsed.kind != SourceKind::Generic {
            return None;
        }
        let subject = source::clause_subject(self.doc, self.sent.start..src.phrase.start)?;
        let s = source::parse(self.doc, subject.clone(), None);
        speaks(&s).then_some((subject, s))
    }

    /// Verb agreement tells a noun from a verb: "-s" forms need a singular subject ("some
    /// states" is no speech), bare forms a plural one or a helper ("did not say").
    fn agrees(&self, src: &Src, parsed: &Source, src_start: usize) -> bool {
        let (doc, start, end, cue) = (self.doc, self.sent.start, self.end, self.cue);
        let joined = src_start >= start + 2
            && doc.is_word(src_start - 1, "and")
            && doc.toks[src_start - 2].is_cap();
        let plural_subject = parsed.plural
            || parsed.phrase.clone().any(|k| doc.toks[k].is(Class::PLURAL))
            || parsed.first_person
            || matches!(parsed.kind, SourceKind::Group)
            || parsed.phrase.is_empty()
            || joined
            // "Critics say": a lone word capitalised only as the sentence's first.
            || parsed.phrase.len() == 1
                && doc.toks[parsed.phrase.start].has(flag::SENT_START)
                && source::looks_plural(doc, parsed.phrase.start);
        let singular_group = !parsed.plural || parsed.kind == SourceKind::Person;
        if cue.form == Form::ThirdPerson && !singular_group && parsed.kind != SourceKind::Person {
            return false;
        }
        // A whole clause after the verb shows it is one even when the subject's number is
        // missed ("Majorities in all five states say they ...").
        let bare_verb_alone = cue.form == Form::Base && self.b == self.i;
        !bare_verb_alone
            || plural_subject
            || subject_and_helper(doc, skip_adjuncts(doc, src.after, end).0, end)
    }

    /// "India termed the move \"unfair\"", "She called for talks": where the judged thing
    /// starts. "Ruiz pointed to the jobs report", "Critics point to her record": what a source
    /// that can speak points to is what it cites, with no clause after it.
    fn judged_object(&self) -> Option<usize> {
        if self.cue.class == CueClass::Object {
            Some(object_start(self.doc, self.i + 1))
        } else if points_to(self.doc, self.i) {
            Some(self.i + 2)
        } else {
            None
        }
    }

    /// The judged or cited thing from `start` as what the source said.
    fn object_hit(&self, s: Subject, start: usize) -> Option<Hit> {
        let doc = self.doc;
        if s.src.inverted || !speaks(&s.parsed) || s.parsed.first_person {
            return None;
        }
        let content = right_clause(doc, start, self.end, CueClass::Object, false)?;
        let parts = as_parts(doc, content.clone());
        let found = Found::new(doc, Some(s.parsed), s.inherit, parts, self.at.si, self.i);
        Some(Hit::said(found, content.end, false))
    }

    /// Past the verb's particle, its object ("told reporters") and adjuncts ("on Sunday"), to
    /// where its content may start; and whether a "that" (or a "to" after an object) opens it.
    fn content_start(&self, src: &Src) -> (usize, bool, bool) {
        let (doc, end, cue) = (self.doc, self.end, self.cue);
        let mut k = src.after;
        if LEXICON
            .particle(cue)
            .is_some_and(|part| doc.is_word(k, part))
        {
            k += 1;
        }
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
        // "asked the network to donate the profits", "told aides to prepare": what the object
        // is asked or told to do.
        if object && doc.is_word(k2, "to") && k2 + 1 < end && doc.toks[k2 + 1].is_word() {
            that = true;
        }
        // "told voters in Kentucky on Sunday that ...", "said during the debate that ...".
        if !that
            && k2 < end
            && (doc.toks[k2].is(Class::PREP) || doc.is_word(k2, "as"))
            && let Some(t) = that_ahead(doc, k2, end)
        {
            k2 = t + 1;
            that = true;
        }
        (k2, that, object)
    }

    /// The content after the verb, if the verb takes one there.
    fn content_after(&self, s: &Subject) -> After {
        let (doc, end, cue) = (self.doc, self.end, self.cue);
        let src = &s.src;
        let (k2, mut that, object) = self.content_start(src);
        // "vowed to repeal the law", "has threatened to walk out": what the source commits to.
        // It lets the clause in as a "that" would, but is no sign of speech for a loose verb.
        let commits = !that && to_clause(doc, cue, k2, end);
        // A poll, a study or records as the subject, near the end of its phrase ("A Quinnipiac
        // poll released Thursday").
        let data_source = s.post_record
            || !src.inverted
                && (src.phrase.start.max(src.phrase.end.saturating_sub(3))..src.phrase.end)
                    .any(|k| doc.toks[k].is(Class::DOCUMENT) && !doc.toks[k].has(flag::POSSESSIVE));
        // "a charity that prosecutors said was suspected of ...", "what he said were failures":
        // the content is the rest of a relative clause, which starts with its own verb.
        if !that
            && !src.inverted
            && src.phrase.start > self.sent.start
            && ["that", "which", "what", "who", "whom"]
                .iter()
                .any(|w| doc.is_word(src.phrase.start - 1, w))
            && k2 < end
            && doc.toks[k2].is(Class::AUX)
            && !doc.toks[k2].is(Class::PRONOUN)
        {
            that = true;
        }
        let right = if src.inverted && !that && !(k2 < end && opens_quote(doc, k2)) {
            None
        } else {
            // "A new poll shows Smith ahead", "the records found no gap": a record shows what
            // it shows without a "that".
            // "Aides believe the senator will run", "he thinks Cruz can win": a thinking verb of
            // a source that can speak, with a whole clause after it (a subject, then a helper
            // verb), reports that clause as "that" would.
            let thought = !src.inverted
                && speaks(&s.parsed)
                && (subject_and_helper(doc, k2, end) || bare_subject_and_helper(doc, k2, end));
            let class = if (data_source || thought) && matches!(cue.class, CueClass::Weak) {
                CueClass::Say
            } else {
                cue.class
            };
            right_clause(doc, k2, end, class, that || commits)
        };
        After {
            right,
            k2,
            that,
            object,
            data_source,
        }
    }

    /// Is the content after the verb kept? Not when the cue reads as a noun, nor for a verb
    /// with other senses whose source cannot speak, unless a quote shows the speech.
    fn keeps_right(&self, s: &Subject, after: &After, r: &Range<usize>) -> bool {
        let (doc, cue, i) = (self.doc, self.cue, self.i);
        let parsed = &s.parsed;
        // "his opening remarks, Trump said": after a plain modifier, a cue's "-s" or bare form
        // is a noun; a common noun that says things is known to speak ("the report says",
        // "security specialists say").
        let noun_reading = parsed.kind == SourceKind::Generic
            && !s.post_record
            && matches!(cue.form, Form::ThirdPerson | Form::Base)
            && !s.src.inverted
            && self.b == i
            && !known_speaker_noun(doc, i - 1, cue.form)
            // "a person familiar with the plan says": the noun before the verb is not the head.
            && !parsed.phrase.clone().any(|k| source::post_modified(doc, k));
        // Verbs with other senses need a source that can speak, or a record, unless "that" or a
        // quote shows the speech ("the economy added jobs").
        let other_sense =
            cue.loose && !after.that && !s.src.inverted && !speaks(parsed) && !after.data_source;
        // "Western states have suffered", "maintains a wide lead": a form that is mostly a
        // noun, or a verb whose other sense takes a noun phrase, needs "that" or a quote.
        let needs_clause = (cue.clause
            || cue.noun && matches!(cue.form, Form::ThirdPerson | Form::Base))
            && !after.that
            && !s.src.inverted;
        // "added a power-play goal", "read the verdict": a verb whose other sense takes a
        // noun phrase reports only a clause with a verb of its own.
        let bare_np = !after.that && !s.src.inverted && !super::content::has_own_verb(doc, r);
        let object_only = cue.np && bare_np;
        // "reported a pre-tax profit of 700 mln stg": results given as figures.
        let results = cue.figures && bare_np && super::content::names_result(doc, r);
        !noun_reading
            && (!(other_sense || needs_clause || object_only || results)
                || opens_quote(doc, r.start))
    }

    /// The attribution from the content found before the source and after the verb.
    fn finish(&self, s: Subject, after: After) -> Option<Hit> {
        let doc = self.doc;
        let right = after
            .right
            .clone()
            .filter(|r| self.keeps_right(&s, &after, r));
        let left = if s.src.coordinated || s.moved {
            None
        } else {
            left_content(doc, self.at.left_floor, s.start)
        };
        // After a quote, words right after the source are its adjuncts ("she said several
        // months later", "said Friday as he entered"); only a second quote or a "that" clause
        // continues it.
        let left_direct = left
            .as_ref()
            .is_some_and(|l| kind_of(doc, &as_parts(doc, l.clone())) == QuoteKind::Direct);
        let right = right.filter(|r| !left_direct || after.that || opens_quote(doc, r.start));
        if right.is_none()
            && let Some(l) = &left
            && let Some(p) = self.predicate_after(&s, &after, l)
        {
            let found = Found::new(
                doc,
                Some(s.parsed),
                s.inherit,
                vec![l.clone(), p.clone()],
                self.at.si,
                self.i,
            );
            return Some(Hit::said(found, p.end, true));
        }
        let (parts, consumed, used_left) = match (left, right) {
            (Some(l), Some(r)) => self.both_sides(&s, l, r),
            (None, Some(r)) => (as_parts(doc, r.clone()), r.end, false),
            (Some(l), None) => (self.before_only(&s, &after, l)?, after.k2, true),
            (None, None) => return self.bare(s, &after),
        };
        let found = Found::new(doc, Some(s.parsed), s.inherit, parts, self.at.si, self.i);
        Some(Hit::said(found, consumed, used_left))
    }

    /// Does `l` hold no cue of an attribution found before in the sentence?
    fn first_in(&self, l: &Range<usize>) -> bool {
        !self
            .at
            .earlier
            .iter()
            .any(|f| f.sent == self.at.si && l.contains(&f.cue))
    }

    /// Content on both sides of the source: one statement split by it when the words before
    /// hold a quote, or are a clause set off by commas; else only the content after counts.
    fn both_sides(
        &self,
        s: &Subject,
        l: Range<usize>,
        r: Range<usize>,
    ) -> (Vec<Range<usize>>, usize, bool) {
        let doc = self.doc;
        let lq = has_quote(doc, &l);
        let parenthetical = doc.is_punct(s.src.after, ',');
        if lq || parenthetical && n_words(doc, &l) >= 4 && !opens_adjunct(doc, l.start) {
            let mut parts = as_parts(doc, l);
            parts.extend(as_parts(doc, r.clone()));
            (parts, r.end, true)
        } else {
            (as_parts(doc, r.clone()), r.end, false)
        }
    }

    /// "The new tariffs, the minister said, would hurt farmers", "This campaign, he says, is
    /// different": a source set off by commas between a clause's subject, `l`, and its
    /// predicate, which opens with a helper verb (or a negation, or an adverb before either)
    /// right after the second comma. The subject is a plain phrase, perhaps after "and" or
    /// "but": no verb, cue, quote or comma of its own, and no scene-setting lead ("In Ohio,
    /// he said, ...").
    fn predicate_after(
        &self,
        s: &Subject,
        after: &After,
        l: &Range<usize>,
    ) -> Option<Range<usize>> {
        let (doc, end, k2) = (self.doc, self.end, after.k2);
        if s.src.inverted || after.that || after.object || k2 >= end || !doc.is_punct(l.end, ',') {
            return None;
        }
        // The adjuncts after the verb may have taken an adverb of the predicate ("said,
        // probably will"): the predicate starts after the second comma.
        let comma = (self.i + 1..k2).rev().find(|&x| doc.is_punct(x, ','))?;
        let start = comma + 1;
        let mut v = start;
        while v + 1 < end
            && v < start + 2
            && (doc.toks[v].is(Class::ADVERB) && !doc.toks[v].is(Class::AUX | Class::NEG)
                || is_ly_adverb(doc, v))
        {
            v += 1;
        }
        let t = &doc.toks[v];
        if !t.is(Class::AUX | Class::NEG) || t.is(Class::PRONOUN) || t.cue.is_some() {
            return None;
        }
        let plain = |x: usize| {
            let u = &doc.toks[x];
            !u.in_quote() && !u.is(Class::AUX) && u.cue.is_none() && !doc.is_punct(x, ',')
        };
        // "But the deal, he said, would fail": a joining word may open the sentence.
        let joined = ["and", "but", "so", "yet"]
            .iter()
            .any(|w| doc.is_word(l.start, w))
            && l.len() > 1;
        let subject = if joined {
            l.start + 1..l.end
        } else {
            l.clone()
        };
        if opens_adjunct(doc, subject.start) || !subject.clone().all(plain) {
            return None;
        }
        let e = clause_end(doc, start, end);
        (n_words(doc, &(start..e)) >= 2).then_some(start..e)
    }

    /// Content before the source only (`"Q," X said.`, `CLAUSE, the poll found.`).
    fn before_only(
        &self,
        s: &Subject,
        after: &After,
        l: Range<usize>,
    ) -> Option<Vec<Range<usize>>> {
        let (doc, end, k2) = (self.doc, self.end, after.k2);
        // After a reported clause, only adjuncts may follow the verb; after a quote, the
        // source may run on ("said Smith, who ...").
        let quote = kind_of(doc, &as_parts(doc, l.clone())) == QuoteKind::Direct;
        // "In a speech last July, he said:" - a short lead phrase is no content; "But that is
        // not enough," or "This is not about me," is a clause of its own.
        let lead_only = opens_adjunct(doc, l.start)
            && n_words(doc, &l) <= 6
            && !l.clone().any(|x| doc.is_punct(x, ','))
            && !(short_clause(doc, &l) && self.first_in(&l));
        // After "told GMTV's Sunday programme", a word or two of the object may remain.
        let short_tail = after.object && n_words(doc, &(k2..end)) <= 2;
        // "..., the poll found.", "..., records show.": a record set off after the
        // clause it reports needs no quote marks.
        let record_after =
            after.data_source && s.start > self.sent.start && doc.is_punct(s.start - 1, ',');
        // "..., said Huang Bin, an expert with Kasikorn Research, a Thai think tank."
        let second_appositive =
            s.src.inverted && s.src.appositive.is_some() && appositive_tail(doc, k2, end);
        // "..., the budget office reported on Tuesday -- a development that ...", "..., his
        // aides argued; rather, ...": a dash or semicolon closes the attribution.
        let tail_ok = tail_is_adjunct(doc, k2, end)
            || short_tail
            || second_appositive
            || closes_attribution(doc, &l, k2, end) && self.first_in(&l);
        if !quote && (!tail_ok || lead_only)
            || self.cue.class == CueClass::Weak && !has_quote(doc, &l) && !record_after
        {
            return None;
        }
        Some(as_parts(doc, l))
    }

    /// `X said.` - or `X said to a crowd of 500.`, `X told the legislature.` after a
    /// quote-only sentence: a source with no content of its own. A verb of telling may keep its
    /// object when the source opens the sentence and nothing follows but adjuncts of time.
    fn bare(&self, s: Subject, after: &After) -> Option<Hit> {
        let (doc, end, k2) = (self.doc, self.end, after.k2);
        let opens = s.start == self.sent.start;
        let tail = tail_is_adjunct(doc, k2, end) || doc.is_word(k2, "to");
        let told = opens && self.cue.class == CueClass::Tell;
        let bare = if after.object {
            told && at_end(doc, k2, end)
        } else {
            at_end(doc, k2, end) || opens && tail
        };
        if !bare || s.src.inverted && self.cue.class == CueClass::Weak {
            return None;
        }
        Some(Hit {
            found: Found {
                source: Some(s.parsed),
                inherit: s.inherit,
                parts: Vec::new(),
                kind: QuoteKind::Direct,
                sent: self.at.si,
                cue: self.i,
            },
            consumed: end,
            bare: true,
            left: false,
        })
    }
}

/// Is `l` a short clause that opens with a joining word or a demonstrative ("But that is not
/// enough", "This is not about me"): a helper verb after a subject, outside quotes? A scene
/// setter ("In a speech last July", "After the vote") holds none.
fn short_clause(doc: &Doc, l: &Range<usize>) -> bool {
    let openers = ["and", "but", "so", "yet", "this", "that", "these", "those"];
    openers.iter().any(|w| doc.is_word(l.start, w))
        && (l.start + 1..l.end).any(|x| {
            let t = &doc.toks[x];
            !t.in_quote() && t.is(Class::AUX) && !t.is(Class::PRONOUN) && t.cue.is_none()
        })
}

/// Does a dash or a semicolon at `k` close the attribution before it, with more words after?
/// Not when a quote opens after it (`the Australian said; "You're the best."`), nor when the
/// content `l` holds the same mark (`put a lot of effort - too much, critics argue - into`:
/// the source stands inside an aside).
fn closes_attribution(doc: &Doc, l: &Range<usize>, k: usize, end: usize) -> bool {
    let dash = |x: usize| matches!(doc.toks[x].kind, Kind::Punct('-' | '\u{2013}' | '\u{2014}'));
    let semicolon = |x: usize| doc.is_punct(x, ';');
    let mark: &dyn Fn(usize) -> bool = if dash(k) {
        &dash
    } else if semicolon(k) {
        &semicolon
    } else {
        return false;
    };
    let after = (k + 1..end).find(|&x| !mark(x));
    after.is_some_and(|a| !opens_quote(doc, a))
        && !l.clone().any(|x| !doc.toks[x].in_quote() && mark(x))
}

/// Is the cue at `i` a form of "point" followed by "to" ("pointed to her record")?
fn points_to(doc: &Doc, i: usize) -> bool {
    ["point", "points", "pointed", "pointing"]
        .iter()
        .any(|w| doc.is_word(i, w))
        && doc.is_word(i + 1, "to")
}

/// Does a clause start at `k` with a subject and a helper verb a few words on ("Cruz will
/// win", "the plan is dead", "it would pass"), before any punctuation?
fn subject_and_helper(doc: &Doc, k: usize, end: usize) -> bool {
    let Some(t) = doc.toks.get(k).filter(|_| k < end) else {
        return false;
    };
    t.is_word()
        && (t.is_cap() || t.is(Class::DET | Class::PRONOUN | Class::QUANT))
        && !t.is(Class::PREP | Class::AUX | Class::WH)
        // An object pronoun starts no clause ("convinced them that ...").
        && !["them", "him", "me", "us"].iter().any(|w| doc.is_word(k, w))
        && (k + 1..end.min(k + 8))
            .take_while(|&x| doc.toks[x].is_word())
            .any(|x| doc.toks[x].is(Class::AUX) && !doc.toks[x].is(Class::PRONOUN))
}

/// Does a clause start at `k` with a bare lowercase subject and a helper verb close after it,
/// with no preposition between ("meaningful relief is possible", "voters will stay home")?
fn bare_subject_and_helper(doc: &Doc, k: usize, end: usize) -> bool {
    let Some(t) = doc.toks.get(k).filter(|_| k < end) else {
        return false;
    };
    let function = Class::PREP
        | Class::AUX
        | Class::WH
        | Class::CONJ
        | Class::ADVERB
        | Class::NEG
        | Class::RELATIVE
        | Class::PRONOUN
        | Class::TIME
        | Class::DET
        | Class::QUANT;
    if !t.is_word() || t.is_cap() || t.in_quote() || t.is(function) || t.cue.is_some() {
        return false;
    }
    // A bare plural alone ("thinks tariffs are a tax") is left out: it is as often a noun
    // phrase the verb takes as the subject of a clause.
    if is_ly_adverb(doc, k) || doc.is_word(k, "to") || source::looks_plural(doc, k) {
        return false;
    }
    (k + 1..end.min(k + 6))
        .take_while(|&x| {
            let u = &doc.toks[x];
            u.is_word() && !u.in_quote() && !u.is(Class::PREP | Class::CONJ) && u.cue.is_none()
        })
        .any(|x| doc.toks[x].is(Class::AUX) && !doc.toks[x].is(Class::PRONOUN))
}

/// Does a "to" clause at `k` hold what a promise or threat cue commits to ("vowed to repeal
/// the law")? A verb must follow the "to": "pledged to the voters" and "promised to them"
/// name whom the promise was made to.
fn to_clause(doc: &Doc, cue: Cue, k: usize, end: usize) -> bool {
    cue.infinitive
        && doc.is_word(k, "to")
        && k + 1 < end
        && doc.toks[k + 1].is_word()
        && !doc.toks[k + 1].is_cap()
        && !doc.toks[k + 1].is(Class::DET | Class::PRONOUN | Class::TIME)
}

/// Can the common noun at `k` say things, as the subject of a verb in `form`: a role, group,
/// office or record noun, or (before a bare plural verb) a plural-looking one?
fn known_speaker_noun(doc: &Doc, k: usize, form: Form) -> bool {
    let t = &doc.toks[k];
    t.is(Class::ROLE_ANY | Class::GROUP | Class::ORG_HEAD | Class::DOCUMENT | Class::MEASURE)
        || t.is_cap()
        || form == Form::Base && source::looks_plural(doc, k)
}
