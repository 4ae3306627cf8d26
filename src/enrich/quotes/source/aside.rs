//! Asides between a source and its verb: "X, who ..., said", "X, a former adviser, said",
//! "X, a soybean farmer in Delaware, Ohio, said", and an appositive after an inverted
//! source ("said Jane Doe, a spokeswoman").

use std::ops::Range;

use super::super::lexicon::{Class, CueClass, Form};
use super::super::names::{is_placed_modifier, trailing_name};
use super::super::text::{Doc, Kind, flag};
use super::{
    FUNCTION_WORDS, MAX_ASIDE, MAX_PHRASE, SourceKind, at_clause_start, is_party_label,
    left_phrase, parse,
};

/// Most asides in a row between a source and its verb.
const MAX_ASIDES: usize = 3;

/// Words that may open an aside between a source and its verb.
fn opens_aside(doc: &Doc, k: usize) -> bool {
    let t = &doc.toks[k];
    t.is_word()
        && (t.is(Class::DET | Class::ROLE_ANY | Class::RELATIVE | Class::QUANT | Class::PREP)
            || t.has(flag::NUMBER)
            || doc.is_word(k, "whose")
            || !t.is_cap() && doc.word(k).ends_with("ing")
            || t.is_cap() && !t.is(Class::PRONOUN)
            || asked_aside(doc, k))
}

/// "X, asked whether the fund would add to the deficit, said ...", "Y, pressed on the
/// timing, said ...": a question put to the source opens an aside with a passive verb of
/// asking.
fn asked_aside(doc: &Doc, k: usize) -> bool {
    let t = &doc.toks[k];
    !t.is_cap()
        && t.cue.is_some_and(|c| {
            c.class == CueClass::Ask && matches!(c.form, Form::Past | Form::Participle)
        })
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
    // "Another analyst, Sarah Whitcombe of RBC Dominion Securities, wrote": the name may
    // carry its employer after "of", "at" or "with".
    let named = (aside.start + 2..aside.end.saturating_sub(1))
        .find(|&k| {
            ["of", "at", "with"].iter().any(|w| doc.is_word(k, w)) && doc.toks[k + 1].is_cap()
        })
        .map_or(aside.clone(), |k| aside.start..k);
    let name_aside = trailing_name(doc, named.clone()).is_some_and(|n| {
        n.end == named.end
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
    // (Only for a phrase that opens the clause: in "X, a board member of Germany's central
    // bank, the Bundesbank, said" the aside names the phrase before it, which is an aside too.)
    let opens_clause = phrase.start == lo
        || at_clause_start(doc, lo, phrase.start) && !doc.is_punct(phrase.start - 1, ',');
    if !phrase_is_name
        && opens_clause
        && let Some(name) = described_name_aside(doc, aside.clone())
    {
        // "A rival bidder, steel group LNM, said", "The main union, the CWU, said".
        return Some((name, Some(phrase)));
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

/// Most words in an aside that describes and names what spoke ("the steel group LNM").
const MAX_NAMING_ASIDE: usize = 5;

/// An aside that names what a described source is: lowercase words that describe it, then
/// its name in capitals ("steel group LNM", "the CWU", "Netherlands-based group LNM"); the
/// name with the words before it. `None` when a preposition, a clause word, a participle or
/// a pronoun is among them ("a company based in Texas", "which joined in May", "citing
/// unnamed U.S. Officials").
fn described_name_aside(doc: &Doc, aside: Range<usize>) -> Option<Range<usize>> {
    if aside.is_empty() || aside.len() > MAX_NAMING_ASIDE || !doc.toks[aside.end - 1].is_cap() {
        return None;
    }
    let cap_start = (aside.start..aside.end)
        .rev()
        .take_while(|&k| doc.toks[k].is_word() && doc.toks[k].is_cap())
        .last()?;
    // "The book, Brown's Britain, said": an owner's thing; "Bank Negara": an office word
    // opens a name this reading cannot split.
    if (aside.start..aside.end).any(|k| doc.toks[k].has(flag::POSSESSIVE))
        || doc.toks[cap_start].is(Class::ORG_HEAD | Class::ROLE_ANY)
    {
        return None;
    }
    let describes = (aside.start..cap_start).all(|k| {
        let t = &doc.toks[k];
        t.is_word()
            && (!t.is_cap() || is_placed_modifier(doc.word(k)))
            && !t.is(Class::PREP | Class::CONJ | Class::RELATIVE | Class::PRONOUN | Class::AUX)
            && !t.has(flag::NUMBER)
            // "citing unnamed U.S. officials": a participle's object is not the source.
            && !doc.word(k).ends_with("ing")
            || t.is(Class::DET) && !t.is(Class::PRONOUN)
    });
    describes.then_some(aside)
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
            if k >= lo + 2 && is_place_then_region(doc, k) && region_closed(doc, k + 1, comma) {
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
            // "... who moved from Corner Brook, N.L., in the 1990s, said": the region after a
            // place is inside the aside too.
            if last >= lo + 3 && doc.is_punct(last - 1, ',') && is_place_then_region(doc, last - 1)
            {
                continue;
            }
            let phrase = left_phrase(doc, lo, last)?;
            // (", of Dayton, Ohio," is a hometown aside: the source is before it.)
            let hometown = phrase.start >= lo + 2
                && doc.is_word(phrase.start - 1, "of")
                && doc.is_punct(phrase.start - 2, ',');
            let inside = phrase.start > lo
                && doc.toks[phrase.start - 1].is_word()
                && doc.toks[phrase.start - 1].is(Class::PREP)
                && (!doc.is_word(phrase.start - 1, "of") || hometown);
            if inside || list_item(doc, &phrase, k + 1..comma) {
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

/// Is `phrase`, between two commas, an item of a list that the aside after it ends ("for
/// Asia, Europe, the Middle East, Africa and Latin America")? Then the aside goes on
/// before it.
fn list_item(doc: &Doc, phrase: &Range<usize>, aside: Range<usize>) -> bool {
    // The item is the phrase's words after its last preposition ("director for [Asia]").
    let item = phrase
        .clone()
        .rev()
        .find(|&k| doc.toks[k].is(Class::PREP))
        .map_or(phrase.clone(), |p| p + 1..phrase.end);
    // Names and "the", joined by commas and one "and" or "or".
    let proper = |k: usize| {
        let t = &doc.toks[k];
        t.is_word() && (t.is_cap() && !t.is(Class::ROLE) || doc.is_word(k, "the"))
    };
    let joiner = |k: usize| doc.is_word(k, "and") || doc.is_word(k, "or");
    item.start > 0
        && (doc.is_punct(item.start - 1, ',') || doc.toks[item.start - 1].is(Class::PREP))
        && (1..=3).contains(&item.len())
        && item.clone().all(proper)
        && aside.len() <= 12
        && aside.clone().filter(|&k| joiner(k)).count() == 1
        && aside
            .clone()
            .all(|k| proper(k) || joiner(k) || doc.is_punct(k, ','))
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
        || first.has(flag::NUMBER) && doc.is_punct(a + 1, ',')
        || described_role(doc, a, hi))
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

/// Most lowercase words before the role word of an appositive ("board chair", "senior
/// research fellow").
const MAX_ROLE_DESCRIPTOR: usize = 2;

/// Does an appositive at `a` open with lowercase words that describe a role word after them:
/// ", board chair of Theland", ", senior research fellow at the institute"?
fn described_role(doc: &Doc, a: usize, hi: usize) -> bool {
    let plain = |k: usize| {
        let t = &doc.toks[k];
        t.is_word()
            && !t.is_cap()
            && !t.in_quote()
            && !t.has(flag::NUMBER | flag::POSSESSIVE)
            && !t.is(FUNCTION_WORDS)
    };
    (a + 1..hi.min(a + 1 + MAX_ROLE_DESCRIPTOR))
        .take_while(|&k| plain(k - 1))
        .any(|k| doc.toks[k].is(Class::ROLE) && !doc.toks[k].is_cap() && plain(k))
}

/// Most words in a place name before its region ("Corner Brook, N.L.").
const MAX_PLACE: usize = 3;

/// Is the comma at `k` the one of "in Delaware, Ohio" or "from Corner Brook, N.L.": a place
/// of capitalised words after "in" or "from", then one capitalised word?
fn is_place_then_region(doc: &Doc, k: usize) -> bool {
    let region = &doc.toks[k + 1];
    let place = (1..=MAX_PLACE.min(k))
        .take_while(|&n| doc.toks[k - n].is_cap())
        .last();
    region.is_word()
        && region.is_cap()
        && place.is_some_and(|n| {
            k > n && (doc.is_word(k - n - 1, "in") || doc.is_word(k - n - 1, "from"))
        })
}

/// Does the one-word region at `k` ("Ohio", "N.L.") end at a comma, at or before `comma`?
fn region_closed(doc: &Doc, k: usize, comma: usize) -> bool {
    let mut e = k + 1;
    if doc.is_punct(e, '.') && !doc.toks[e].has(flag::SPACE_BEFORE) {
        e += 1;
    }
    e <= comma && doc.is_punct(e, ',')
}

/// Most words in a description that runs up to its verb with no comma to close it.
const MAX_UNCLOSED: usize = 14;

/// Most words at a description's start before its role word ("head", "a senior spokesman").
const MAX_BEFORE_ROLE: usize = 4;

/// "Lisa Power, head of policy at the Terrence Higgins Trust said": a person's name opens the
/// clause, a comma follows, and a description with a role word runs up to the verb with no
/// comma to close it, so the phrase found before the verb (`phrase`, "Terrence Higgins
/// Trust" or "spokesman for the union") is only the end of the description. Gives the name
/// and the description. `None` when the phrase is a person ("..., said Treasury Secretary
/// John Snow"), or the words after the comma hold a clause word, punctuation or a quote.
pub(crate) fn unclosed_aside(
    doc: &Doc,
    lo: usize,
    phrase: &Range<usize>,
) -> Option<(Range<usize>, Range<usize>)> {
    let floor = lo.max(phrase.start.saturating_sub(MAX_UNCLOSED));
    let comma = (floor..phrase.start)
        .rev()
        .find(|&k| !doc.toks[k].is_word())?;
    if !doc.is_punct(comma, ',')
        || comma <= lo
        || parse(doc, phrase.clone(), None).kind == SourceKind::Person
    {
        return None;
    }
    let desc = comma + 1..phrase.end;
    let plain = desc.clone().all(|k| {
        let t = &doc.toks[k];
        !t.in_quote()
            && t.cue.is_none()
            && !t.is(Class::AUX | Class::PRONOUN | Class::RELATIVE | Class::CONJ)
            && !t.has(flag::NUMBER)
    });
    let role_opens = desc
        .clone()
        .take(MAX_BEFORE_ROLE)
        .take_while(|&k| !doc.toks[k].is(Class::PREP))
        .any(|k| doc.toks[k].is(Class::ROLE) && !doc.toks[k].is_cap());
    if !plain || !role_opens {
        return None;
    }
    let name = left_phrase(doc, lo, comma - 1)?;
    // (Only a name that opens its sentence or follows a quote or the statement's comma,
    // '"...," Richard Cooper, a professor at Harvard University told ...': in "Speaking to
    // Ann Lee and Jo Park, the candidate said", the words after the comma are the subject.)
    let opens = name.start == lo
        || doc.toks[name.start].has(flag::SENT_START)
        || doc.toks[name.start - 1].in_quote()
        || doc.is_punct(name.start - 1, ',');
    // (The role is read without its article: "a spokesman for the union".)
    let role = desc.start + usize::from(doc.toks[desc.start].is(Class::DET))..desc.end;
    (opens && parse(doc, name.clone(), None).kind == SourceKind::Person).then_some((name, role))
}
