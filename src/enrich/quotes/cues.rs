//! One cue at a time: a speech verb (or "according to", a dash, a verb opening its sentence)
//! with the source phrase before or after it and the content it takes.
//!
//! Takes a [`Doc`] and the position of a cue, gives a [`Hit`]: the source phrase, the content
//! token ranges and how far the sentence is used up. The verb group ("has also said", "went on
//! to say", "was quoted as saying") is read first, then the source (a phrase before the verb,
//! past asides; or after it, "said Smith"), then the content after or before.

use std::ops::Range;

use super::attribute::{At, Found, Hit};
use super::content::*;
use super::lexicon::{Class, Cue, CueClass, Form, LEXICON};
use super::source::{self, Source, SourceKind};
use super::text::{Doc, Kind, flag};
use crate::enrich::QuoteKind;

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

/// Is token `k` a form of "be"?
pub(super) fn is_be(doc: &Doc, k: usize) -> bool {
    ["is", "was", "were", "are", "be", "been", "being", "am"]
        .iter()
        .any(|w| doc.is_word(k, w))
}

/// Step left from the verb over auxiliaries, adverbs and negation ("has also said", "would
/// later tell"), and over "went on to" / "was quoted as". Gives the first token of the verb
/// group, or `None` when the verb is passive or refused ("was told", "declined to say").
pub(super) fn verb_group_start(doc: &Doc, floor: usize, i: usize) -> Option<usize> {
    let cue = doc.toks[i].cue?;
    let mut b = i;
    let mut steps = 0;
    while b > floor && steps < 5 {
        let p = &doc.toks[b - 1];
        // "The two lawmakers, however, argue ...": an adverb set off by commas.
        if p.is_punct(',')
            && b >= floor + 3
            && (doc.toks[b - 2].is(Class::ADVERB) || doc.is_word(b - 2, "though"))
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
                // "were more likely to say", "was quick to add"
                "likely",
                "unlikely",
                "quick",
                "eager",
                "willing",
                "able",
                "ready",
                "prepared",
                "careful",
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
        // "The Times on Saturday wrote", "Trump last year said": a time phrase between
        // subject and verb.
        let openers = ["on", "last", "this", "in", "earlier", "later"];
        if p.is(Class::TIME) && b >= 2 && openers.iter().any(|w| doc.is_word(b - 2, w)) {
            b -= 2;
            steps += 2;
            continue;
        }
        // "Trump at the time said", "She at one point argued"
        if b >= 3
            && doc.is_word(b - 3, "at")
            && (doc.is_word(b - 2, "the") && doc.is_word(b - 1, "time")
                || doc.is_word(b - 2, "one") && doc.is_word(b - 1, "point"))
        {
            b -= 3;
            steps += 3;
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
        // "were more likely to say", "was too quick to add"
        if is_ly_adverb(doc, b - 1)
            || ["more", "less", "most", "much", "far", "so", "too", "very"]
                .iter()
                .any(|w| doc.is_word(b - 1, w))
        {
            b -= 1;
            steps += 1;
            continue;
        }
        break;
    }
    Some(b)
}

/// The source phrase, its appositive, and whether it follows the verb.
pub(super) struct Src {
    phrase: std::ops::Range<usize>,
    appositive: Option<Range<usize>>,
    inverted: bool,
    /// End of source material after the verb (inverted source and appositive).
    after: usize,
    /// "X did this but said ...": the subject of the clause, found before other words.
    coordinated: bool,
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
        if doc.is_word(p, "who") || thing_relative {
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
    let phrase = source::right_phrase(doc, first, end)?;
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

/// Try the speech verb at `i`: its source, then its content after or before.
pub(super) fn verb(doc: &Doc, at: &At, i: usize) -> Option<Hit> {
    let (si, floor, earlier, offset) = (at.si, at.floor, at.earlier, at.offset);
    let sent = doc.sents[si].toks.clone();
    let end = subordinate_end(doc, sent.clone(), i);
    let cue = doc.toks[i].cue?;
    // "shot back", "went on": without its particle the verb is no speech. A verb of judging
    // has its particle after its object ("sees the plan as a threat").
    if let Some(part) = LEXICON.particle(cue) {
        let found = if cue.class == CueClass::Object {
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
        } else {
            doc.is_word(i + 1, part)
        };
        if !found {
            return None;
        }
    }
    if cue.class == CueClass::Ask
        && let Some(h) = asked_passive(doc, si, i, end)
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
    let b = verb_group_start(doc, floor, i)?;

    // ", adding that ...": a participle shares the source of its clause.
    let linked = ["by", "while", "before", "after", "when"];
    if cue.form == Form::Gerund
        && b > sent.start
        && (matches!(
            doc.toks[b - 1].kind,
            Kind::Punct(',' | '\u{2014}' | '\u{2013}' | '-')
        ) || linked.iter().any(|w| doc.is_word(b - 1, w)))
    {
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
        let subject = source::clause_subject(doc, sent.start..b)
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
        return Some(Hit::said(found, content.end, false));
    }
    let quoted_as = b < i && doc.is_word(b + 1, "quoted");
    let progressive = b > floor && is_be_or_aux(doc, b, i);
    // "issued a statement saying ...": a document noun before the participle.
    let document = b > floor && doc.toks[b - 1].is(Class::ORG_HEAD) && !doc.toks[b - 1].is_cap();
    if cue.form == Form::Gerund
        && !quoted_as
        && !progressive
        && !document
        && !quote_soon_after(doc, i + 1, end)
    {
        return None;
    }

    // The source may stand before attributions found earlier in the sentence ("Barkley,
    // who said ..., said ..."), so it is looked for back to the sentence start.
    let mut src = left_source(doc, sent.start, b, i, end)?;
    let mut parsed = source::parse(doc, src.phrase.clone(), src.appositive.clone());
    let mut subject_moved = false;
    // "FEC records from the 2008 cycle show", "A video of the episode shows": a record noun
    // with a modifier after it heads the subject, whatever noun ends the modifier; when the
    // phrase found stops at the modifier ("A study by [Media Matters] found"), it takes in
    // the record before it.
    let links = ["of", "from", "by", "in", "for", "on"];
    if !src.inverted
        && !matches!(parsed.kind, SourceKind::Person | SourceKind::Pronoun)
        && src.phrase.start >= sent.start + 2
        && links.iter().any(|w| doc.is_word(src.phrase.start - 1, w))
        && doc.toks[src.phrase.start - 2].is(Class::DOCUMENT)
        && !doc.toks[src.phrase.start - 2].has(flag::POSSESSIVE)
        && let Some(head) = source::left_phrase(doc, sent.start, src.phrase.start - 2)
    {
        src.phrase = head.start..src.phrase.end;
        parsed = source::parse(doc, src.phrase.clone(), None);
    }
    let post_record = !src.inverted
        && !matches!(parsed.kind, SourceKind::Person | SourceKind::Pronoun)
        && src.phrase.clone().any(|k| {
            doc.toks[k].is(Class::DOCUMENT)
                && !doc.toks[k].has(flag::POSSESSIVE)
                && k + 1 < src.phrase.end
                && links.iter().any(|w| doc.is_word(k + 1, w))
        });
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
        || joined
        // "Critics say": a lone word capitalised only as the sentence's first.
        || parsed.phrase.len() == 1
            && doc.toks[parsed.phrase.start].has(flag::SENT_START)
            && source::looks_plural(doc, parsed.phrase.start);
    if !src.inverted {
        let singular_group = !parsed.plural || parsed.kind == SourceKind::Person;
        if cue.form == Form::ThirdPerson && !singular_group && parsed.kind != SourceKind::Person {
            return None;
        }
        // A whole clause after the verb shows it is one even when the subject's number is
        // missed ("Majorities in all five states say they ...").
        let clause_after = subject_and_helper(doc, skip_adjuncts(doc, src.after, end).0, end);
        if cue.form == Form::Base && b == i && !plural_subject && !clause_after {
            return None;
        }
    }

    // "India termed the move \"unfair\"", "She called for talks": the judged thing. "Ruiz
    // pointed to the jobs report", "Critics point to her record": what a source that can speak
    // points to is what it cites, with no clause after it.
    let object = if cue.class == CueClass::Object {
        Some(object_start(doc, i + 1))
    } else if points_to(doc, i) {
        Some(i + 2)
    } else {
        None
    };
    if let Some(start) = object {
        if src.inverted || !speaks(&parsed) || parsed.first_person {
            return None;
        }
        let content = right_clause(doc, start, end, CueClass::Object, false)?;
        let found = Found::new(
            doc,
            Some(parsed),
            inherit,
            as_parts(doc, content.clone()),
            si,
            i,
        );
        return Some(Hit::said(found, content.end, false));
    }

    // Content after the verb.
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
    // "vowed to repeal the law", "has threatened to walk out": what the source commits to.
    // It lets the clause in as a "that" would, but is no sign of speech for a loose verb.
    let commits = !that && to_clause(doc, cue, k2, end);
    // A poll, a study or records as the subject, near the end of its phrase ("A Quinnipiac
    // poll released Thursday").
    let data_source = post_record
        || !src.inverted
            && (src.phrase.start.max(src.phrase.end.saturating_sub(3))..src.phrase.end)
                .any(|k| doc.toks[k].is(Class::DOCUMENT) && !doc.toks[k].has(flag::POSSESSIVE));
    // "a charity that prosecutors said was suspected of ...", "what he said were failures":
    // the content is the rest of a relative clause, which starts with its own verb.
    if !that
        && !src.inverted
        && src.phrase.start > sent.start
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
            && speaks(&parsed)
            && (subject_and_helper(doc, k2, end) || bare_subject_and_helper(doc, k2, end));
        let class = if (data_source || thought) && matches!(cue.class, CueClass::Weak) {
            CueClass::Say
        } else {
            cue.class
        };
        right_clause(doc, k2, end, class, that || commits)
    };
    // "his opening remarks, Trump said": after a plain modifier, a cue's "-s" or bare form
    // is a noun; a common noun that says things is known to speak ("the report says",
    // "security specialists say").
    let noun_reading = parsed.kind == SourceKind::Generic
        && !post_record
        && matches!(cue.form, Form::ThirdPerson | Form::Base)
        && !src.inverted
        && b == i
        && !known_speaker_noun(doc, i - 1, cue.form)
        // "a person familiar with the plan says": the noun before the verb is not the head.
        && !parsed.phrase.clone().any(|k| source::post_modified(doc, k));
    // Verbs with other senses need a source that can speak, or a record, unless "that" or a
    // quote shows the speech ("the economy added jobs").
    let other_sense = cue.loose && !that && !src.inverted && !speaks(&parsed) && !data_source;
    let right = right.filter(|r| !noun_reading && (!other_sense || opens_quote(doc, r.start)));

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
            // "..., the poll found.", "..., records show.": a record set off after the
            // clause it reports needs no quote marks.
            let record_after =
                data_source && src_start > sent.start && doc.is_punct(src_start - 1, ',');
            if !quote && (!(tail_is_adjunct(doc, k2, end) || short_tail) || lead_only)
                || cue.class == CueClass::Weak && !has_quote(doc, &l) && !record_after
            {
                return None;
            }
            (as_parts(doc, l), k2)
        }
        (None, None) => {
            // `X said.` - or `X said to a crowd of 500.` after a quote-only sentence.
            let opens = src_start == sent.start;
            let tail = tail_is_adjunct(doc, k2, end) || doc.is_word(k2, "to");
            let bare = (at_end(doc, k2, end) || opens && tail) && !object;
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
    let found = Found::new(doc, Some(parsed), inherit, parts, si, i);
    Some(Hit::said(found, consumed, used_left))
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
fn asked_passive(doc: &Doc, si: usize, i: usize, end: usize) -> Option<Hit> {
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

/// Can the common noun at `k` say things, as the subject of a verb in `form`: a role, group,
/// office or record noun, or (before a bare plural verb) a plural-looking one?
fn known_speaker_noun(doc: &Doc, k: usize, form: Form) -> bool {
    let t = &doc.toks[k];
    t.is(Class::ROLE_ANY | Class::GROUP | Class::ORG_HEAD | Class::DOCUMENT | Class::MEASURE)
        || t.is_cap()
        || form == Form::Base && source::looks_plural(doc, k)
}

/// Does the verb group `b..i` hold an auxiliary ("has been saying")?
pub(super) fn is_be_or_aux(doc: &Doc, b: usize, i: usize) -> bool {
    (b..i).any(|k| doc.toks[k].is(Class::AUX))
}

/// `according to X, CLAUSE` / `CLAUSE, according to X`.
pub(super) fn according(doc: &Doc, at: &At, i: usize) -> Option<Hit> {
    let (si, floor) = (at.si, at.left_floor);
    let end = doc.sents[si].toks.end;
    let phrase = source::right_phrase(doc, i + 2, end)?;
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
