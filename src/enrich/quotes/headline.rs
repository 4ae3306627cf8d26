//! Statements in an article's headline: "Lynch: No outside influence on the probe", "Pence
//! says the debate will go on", "Clinton calls the plan 'a disgrace'".
//!
//! Takes the headline and the body it stands over (and the body's people), gives the
//! headline's [`Attribution`]s with byte offsets into the headline. The headline is read with
//! the body's rules, as a one-line text of its own, after two changes that make a headline
//! read like a sentence:
//!
//! - its case: Title Case ("Democrat Voters Worried About ...") and capitals ("BAKER SAYS
//!   ...") would make every word a name. Each word is written as the body writes it
//!   ([`as_body_writes`]); only ASCII letters change case, so offsets stay the headline's.
//! - its label: "Name: statement" gives the statement to the name before the colon, which a
//!   body's sentence never does without quote marks ([`label`]); a section label ("The
//!   Latest:", "Exclusive:") names no one.
//!
//! A speaker the headline names by surname alone takes the full name the body gives
//! ("Graham" -> "Lindsey Graham").

use std::ops::Range;

use super::content::as_parts;
use super::found::Found;
use super::lexicon::{Class, CueClass, Form, LEXICON};
use super::names::{Register, key};
use super::source::{SourceKind, parse};
use super::text::{Doc, flag};
use super::words::LISTS;
use super::{Attribution, attribute, attributions_of, model};
use crate::enrich::Person;

/// How much of the body is read for the case of the headline's words: the people and words
/// of a headline are those of the story's opening.
const BODY_READ: usize = 8 * 1024;

/// The statements of `title`, an article's headline over `body`, whose people are `people`.
pub(crate) fn attributions(
    title: &str,
    body: &str,
    people: &[Person],
    speakers: &[&str],
) -> Vec<Attribution> {
    if !may_hold_speech(title) {
        return Vec::new();
    }
    let body = &body[..floor_char(body, BODY_READ)];
    let case = BodyCase::read(title, body);
    let text = as_body_writes(title, &case);
    let doc = Doc::new(&text);
    if doc.sents.is_empty() {
        return Vec::new();
    }
    // A label gives the whole statement; what the rules find inside it is part of it (and
    // "Rubio: I still believe ..." is Rubio's, not a first person's).
    let names: Vec<&str> = people
        .iter()
        .map(|p| p.name.as_str())
        .chain(speakers.iter().copied())
        .collect();
    let found = match label(&doc, &case, &names) {
        Some(f) => vec![f],
        None => attribute::find(&doc),
    };
    let (found, origin) = model::with_rules(&doc, found);
    let (found, origin) = headline_verbs(&doc, found, origin);
    let reg = Register::build(&doc);
    let mut out = attributions_of(&doc, reg, found, origin, title);
    // Nothing stands before a headline to resolve "the judge" or "he" against: a statement
    // without a named source is left to the body, which tells it with its source.
    out.retain(|a| a.speaker.is_some());
    let capitals = !title.chars().any(char::is_lowercase);
    for a in &mut out {
        let Some(speaker) = a.speaker.as_deref() else {
            continue;
        };
        if let Some(full) = full_name(speaker, speakers.iter().copied()) {
            a.speaker = Some(full.to_string());
        } else if let Some(p) = full_name(speaker, people.iter().map(|p| p.name.as_str()))
            .and_then(|n| people.iter().find(|p| p.name == n))
        {
            a.speaker = Some(p.name.clone());
            if a.role.is_none() {
                a.role.clone_from(&p.role);
            }
        }
    }
    // A wire's headline in capitals ("SHULTZ SAYS NO RESIGNATION OVER IRAN REPORT") is a
    // desk's summary in cut-down words of what the story tells its source saying: when the
    // body quotes that source, the headline adds no statement of theirs.
    if capitals {
        out.retain(|a| !a.speaker.as_deref().is_some_and(|s| speakers.contains(&s)));
    }
    out
}

/// Can `title` hold a statement at all: a label's colon, a quote mark, or a speech verb? Most
/// headlines hold none ("Oil prices fall", "QUARTERLY DIVIDEND"), and are passed over before
/// the body is read for their case.
fn may_hold_speech(title: &str) -> bool {
    title.contains([
        ':', '"', '\'', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}',
    ]) || title
        .split(|c: char| !c.is_alphabetic())
        .any(|w| !w.is_empty() && LEXICON.get(w).class & Class::CUE != 0)
}

/// `Name: statement` at the head of the headline: the words after the colon are the named
/// source's. Every word of the label must belong to a name or a title: a word the body
/// writes capitalised inside a sentence ("Lynch", "Pat Caddell"), an initialism ("GOP"), a
/// title or role ("Dr.", "Gov"), or a record that can say things ("Poll:", "New Report:");
/// "Elizabeth Warren Hammers Wells Fargo CEO:" holds a verb, and a section label ("The
/// Latest:", "Breaking:") names no one. With a topic after the name ("Obama on climate:",
/// "Clinton to Planned Parenthood:") the source is the name before the topic.
fn label(doc: &Doc, case: &BodyCase, names: &[&str]) -> Option<Found> {
    let s = doc.sents.first()?.toks.clone();
    let colon = (s.start..s.end.min(s.start + 12)).find(|&k| doc.is_punct(k, ':'))?;
    let plain = |k: usize| doc.toks[k].is_word() && !doc.toks[k].in_quote();
    if colon == s.start || !(s.start..colon).all(plain) {
        return None;
    }
    // "Obama on Climate Change:": the name before its topic.
    let end = (s.start + 1..colon)
        .find(|&k| ["on", "to", "at"].iter().any(|w| doc.is_word(k, w)))
        .unwrap_or(colon);
    if is_section_label(doc, s.start..end) || !(s.start..end).all(|k| in_name(doc, k, case, names))
    {
        return None;
    }
    // The statement: the rest of the headline, its closing stop left out.
    let mut stop = doc.toks.len();
    while stop > colon + 1 && !doc.toks[stop - 1].is_word() && !doc.toks[stop - 1].in_quote() {
        stop -= 1;
    }
    if (colon + 1..stop).filter(|&k| doc.toks[k].is_word()).count() < 3 {
        return None;
    }
    let source = parse(doc, s.start..end, None);
    if source.kind == SourceKind::Pronoun {
        return None;
    }
    Some(Found::new(
        doc,
        Some(source),
        None,
        as_parts(doc, colon + 1..stop),
        doc.sent_of(colon),
        colon,
    ))
}

/// `found` without the passives of a headline: it tells in the present, so a bare past form or
/// participle right before its content is passive there ("Stars denied Oscars", "Oil prices
/// said based on futures", "Senator accused of lying"); one after an adverb ("Trump just said
/// ...") or with an object ("told reporters ...") is not.
fn headline_verbs(
    doc: &Doc,
    found: Vec<Found>,
    origin: Vec<model::Origin>,
) -> (Vec<Found>, Vec<model::Origin>) {
    let keep: Vec<bool> = found.iter().map(|f| speech_in_headline(doc, f)).collect();
    let mut at: Vec<Option<usize>> = Vec::with_capacity(found.len());
    let mut n = 0;
    for &k in &keep {
        at.push(k.then_some(n));
        n += usize::from(k);
    }
    let mut out = (Vec::new(), Vec::new());
    for ((mut f, o), k) in found.into_iter().zip(origin).zip(&keep) {
        if !k {
            continue;
        }
        if let Some(i) = f.inherit {
            match at.get(i).copied().flatten() {
                Some(j) => f.inherit = Some(j),
                None => continue,
            }
        }
        out.0.push(f);
        out.1.push(o);
    }
    out
}

/// Is the cue of `f` speech as a headline writes it (see [`headline_verbs`])?
fn speech_in_headline(doc: &Doc, f: &Found) -> bool {
    let Some(cue) = doc.toks.get(f.cue).and_then(|t| t.cue) else {
        return true;
    };
    let Some(first) = f.parts.first().filter(|p| !p.is_empty()) else {
        return true;
    };
    if first.start < f.cue {
        return true;
    }
    !matches!(cue.form, Form::Past | Form::Participle)
        || cue.class == CueClass::Tell
        || f.cue > 0 && doc.toks[f.cue - 1].is(Class::ADVERB)
}

/// Can word `k` of a headline label be part of a name (see [`label`]): a given name, a
/// title, a record, a word of a name in `names` (the body's people and speakers), or a word
/// the body writes as a name?
fn in_name(doc: &Doc, k: usize, case: &BodyCase, names: &[&str]) -> bool {
    let t = &doc.toks[k];
    if t.is(Class::HONORIFIC | Class::ROLE_ANY | Class::DOCUMENT | Class::FIRST_NAME) {
        return true;
    }
    let w = super::text::strip_possessive(doc.word(k));
    if !t.is_cap() {
        return false;
    }
    let word = key(w);
    if names.iter().any(|n| n.split(' ').any(|x| key(x) == word)) {
        return true;
    }
    let c = case.of(w);
    if t.has(flag::ALL_CAPS) {
        return c.capitals > 0;
    }
    c.capital > 0 && c.capital >= c.lower
}

/// Is `r` a section label ("The Latest", "Exclusive", "Analysis") rather than a source?
fn is_section_label(doc: &Doc, r: Range<usize>) -> bool {
    let label = r
        .map(|k| doc.word(k).to_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    LISTS.section_labels.contains(&label.as_str())
}

/// The one name of `names` (the body's speakers, or its people) that a headline speaker
/// named by surname alone stands for ("Graham" for "Lindsey Graham"); none when the body
/// writes the surname alone as a name of its own, or gives it to several.
fn full_name<'n>(speaker: &str, names: impl Iterator<Item = &'n str>) -> Option<&'n str> {
    if speaker.contains(' ') {
        return None;
    }
    let word = key(speaker);
    let mut found: Option<&str> = None;
    for name in names {
        let last = name.rsplit(' ').next().unwrap_or(name);
        if key(last) != word {
            continue;
        }
        if !name.contains(' ') || found.is_some_and(|f| f != name) {
            return None;
        }
        found = Some(name);
    }
    found
}

/// The headline with each word's case as the body writes it (see the module doc). Only
/// ASCII letters change case, so every byte offset into the result is one into `title`.
fn as_body_writes(title: &str, case: &BodyCase) -> String {
    let runs = letter_runs(title);
    let shouting = shouting(title, &runs);
    let mut out = title.as_bytes().to_vec();
    for (i, r) in runs.iter().enumerate() {
        let w = &title[r.clone()];
        let shape = Shape::of(w);
        let counts = || case.of(w);
        let first = i == 0;
        let write = match shape {
            Shape::Capitalised if !first && !shouting => {
                let c = counts();
                (c.lower > c.capital || c.lower == c.capital && c.lower == 0 && is_function(w))
                    .then_some(Shape::Lower)
            }
            Shape::Capitals if shouting => {
                // A short word the body never writes is most often a headline's short form
                // ("USSR", "DLR", "MLN"), left in capitals, unless the lexicon knows it.
                let c = counts();
                let unknown = c.capital + c.opening + c.lower + c.capitals == 0;
                if unknown && w.len() <= 4 && LEXICON.get(w) == Default::default() {
                    None
                } else if unknown {
                    Some(if first {
                        Shape::Capitalised
                    } else {
                        Shape::Lower
                    })
                } else if c.capitals > 0 && c.capitals >= c.capital.max(c.lower) {
                    None
                } else if first || c.capital > c.lower || c.lower == 0 {
                    Some(Shape::Capitalised)
                } else {
                    Some(Shape::Lower)
                }
            }
            _ => None,
        };
        match write {
            Some(Shape::Lower) => out[r.clone()].make_ascii_lowercase(),
            Some(Shape::Capitalised) => {
                out[r.clone()].make_ascii_lowercase();
                out[r.start].make_ascii_uppercase();
            }
            _ => {}
        }
    }
    // ASCII case changes leave the text valid UTF-8.
    String::from_utf8(out).unwrap_or_else(|_| title.to_string())
}

/// The largest char boundary of `s` at or below `at`.
fn floor_char(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Is the word a function word or a speech verb, which a headline capitalises only for its
/// style?
fn is_function(w: &str) -> bool {
    let e = LEXICON.get(w);
    e.class
        & (Class::DET
            | Class::PREP
            | Class::CONJ
            | Class::AUX
            | Class::PRONOUN
            | Class::NEG
            | Class::RELATIVE
            | Class::WH
            | Class::QUANT)
        != 0
        || e.cue.is_some() && e.class & Class::FIRST_NAME == 0
}

/// The runs of two or more ASCII letters of `text` that are whole words or whole pieces of
/// one between apostrophes, hyphens and dots; a run touching a digit or another letter is
/// left alone.
fn letter_runs(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut k = 0;
    while k < b.len() {
        if !b[k].is_ascii_alphabetic() {
            k += 1;
            continue;
        }
        let start = k;
        while k < b.len() && b[k].is_ascii_alphabetic() {
            k += 1;
        }
        let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
        let before = text[..start].chars().next_back();
        let after = text[k..].chars().next();
        if k - start >= 2 && !glued(before) && !glued(after) {
            out.push(start..k);
        }
    }
    out
}

/// Is the headline written in capitals: most of its words of two letters or more?
fn shouting(title: &str, runs: &[Range<usize>]) -> bool {
    let caps = runs
        .iter()
        .filter(|r| Shape::of(&title[(*r).clone()]) == Shape::Capitals)
        .count();
    runs.len() >= 3 && caps * 4 >= runs.len() * 3
}

/// The case of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Lower,
    /// One capital, then lower case ("Says").
    Capitalised,
    /// Every letter a capital ("SAYS").
    Capitals,
    Other,
}

impl Shape {
    fn of(w: &str) -> Shape {
        let mut chars = w.chars();
        let Some(first) = chars.next() else {
            return Shape::Other;
        };
        let rest: Vec<char> = chars.collect();
        if first.is_ascii_lowercase() && rest.iter().all(char::is_ascii_lowercase) {
            Shape::Lower
        } else if first.is_ascii_uppercase() && rest.iter().all(char::is_ascii_lowercase) {
            Shape::Capitalised
        } else if first.is_ascii_uppercase() && rest.iter().all(char::is_ascii_uppercase) {
            Shape::Capitals
        } else {
            Shape::Other
        }
    }
}

/// How the body writes a word.
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    /// In lower case.
    lower: usize,
    /// Capitalised inside a sentence (not where any word would be).
    capital: usize,
    /// Capitalised where any word would be.
    opening: usize,
    /// In capitals.
    capitals: usize,
}

/// How the opening of a body writes each word of a headline, read in one pass.
struct BodyCase {
    /// The headline's words in lower case, each with its counts.
    words: Vec<(String, Counts)>,
}

impl BodyCase {
    fn read(title: &str, body: &str) -> BodyCase {
        let mut words: Vec<(String, Counts)> = Vec::new();
        for r in letter_runs(title) {
            let w = title[r].to_ascii_lowercase();
            if !words.iter().any(|(x, _)| *x == w) {
                words.push((w, Counts::default()));
            }
        }
        // Most body words are none of the headline's: their length and first letter tell.
        let mut lengths = 0u64;
        for (w, _) in &words {
            lengths |= 1 << w.len().min(63);
        }
        for r in letter_runs(body) {
            if lengths & (1 << r.len().min(63)) == 0 {
                continue;
            }
            let w = &body[r.clone()];
            let first = w.as_bytes()[0].to_ascii_lowercase();
            let Some((_, c)) = words.iter_mut().find(|(x, _)| {
                x.len() == w.len() && x.as_bytes()[0] == first && x.eq_ignore_ascii_case(w)
            }) else {
                continue;
            };
            match Shape::of(w) {
                Shape::Lower => c.lower += 1,
                Shape::Capitalised if opens_sentence(body, r.start) => c.opening += 1,
                Shape::Capitalised => c.capital += 1,
                Shape::Capitals => c.capitals += 1,
                Shape::Other => {}
            }
        }
        BodyCase { words }
    }

    /// How the body writes `w` (nothing for a word that is not one of the headline's).
    fn of(&self, w: &str) -> Counts {
        self.words
            .iter()
            .find(|(x, _)| x.eq_ignore_ascii_case(w))
            .map(|(_, c)| *c)
            .unwrap_or_default()
    }
}

/// Does a word at byte `at` of `text` stand where any word is capitalised: at the start, after
/// a sentence's end, a colon, a quote mark or a bracket?
fn opens_sentence(text: &str, at: usize) -> bool {
    match text[..at].trim_end().chars().next_back() {
        None => true,
        Some(c) => {
            matches!(
                c,
                '.' | '!'
                    | '?'
                    | ':'
                    | '"'
                    | '\u{201C}'
                    | '\u{2018}'
                    | '\''
                    | '('
                    | '['
                    | '-'
                    | '\u{2014}'
                    | '\u{2013}'
            ) || text[..at].ends_with('\n')
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The (speaker, text) of each statement of `title` over `body`.
    fn read(title: &str, body: &str) -> Vec<(Option<String>, String)> {
        let analysis = super::super::analyse(body);
        let speakers: Vec<&str> = analysis
            .attributions
            .iter()
            .filter_map(|a| a.speaker.as_deref())
            .collect();
        attributions(title, body, &analysis.people, &speakers)
            .into_iter()
            .map(|a| {
                assert_eq!(title[a.start..a.end], a.text, "offsets are the title's");
                (a.speaker, a.text)
            })
            .collect()
    }

    fn said(speaker: &str, text: &str) -> (Option<String>, String) {
        (Some(speaker.to_string()), text.to_string())
    }

    fn recased(title: &str, body: &str) -> String {
        as_body_writes(title, &BodyCase::read(title, body))
    }

    #[test]
    fn a_headline_with_no_colon_quote_mark_or_speech_verb_is_passed_over() {
        assert!(!may_hold_speech("Oil prices fall in Asia"));
        assert!(!may_hold_speech("QUARTERLY DIVIDEND"));
        assert!(may_hold_speech("BAKER SAYS DOLLAR DROP WOULD HURT"));
        assert!(may_hold_speech("Poll: Voters abandon the party"));
        assert!(may_hold_speech("Brown 'to reveal budget date'"));
    }

    #[test]
    fn title_case_words_take_the_body_case() {
        let body = "Pollster Jane Roe said voters are worried about the senator's health. \
                    Roe said the issues are real.";
        assert_eq!(
            recased(
                "Jane Roe: Voters Worried About Senator's Health Issues",
                body
            ),
            "Jane Roe: voters worried about senator's health issues"
        );
    }

    #[test]
    fn a_headline_in_capitals_takes_the_body_case_but_keeps_short_forms() {
        let body = "Treasury Secretary James Baker said on Monday the dollar was stable. \
                    Baker told reporters the USSR would join the talks.";
        assert_eq!(
            recased("BAKER SAYS DOLLAR STABLE, USSR TO JOIN TALKS", body),
            "Baker says dollar stable, USSR to join talks"
        );
    }

    #[test]
    fn a_label_gives_the_statement_to_the_name_the_body_knows() {
        let body = "Senator Lindsey Graham spoke to donors on Tuesday. Graham said the party \
                    had lost its way on trade.";
        assert_eq!(
            read("Graham: Party Has Lost Its Way On Trade.", body),
            [said("Lindsey Graham", "Party Has Lost Its Way On Trade")]
        );
        assert_eq!(
            read("Graham on Trade: ‘We Have Lost Our Way.’", body),
            [said("Lindsey Graham", "We Have Lost Our Way.")]
        );
    }

    #[test]
    fn a_record_label_is_a_source() {
        let body = "A poll released on Sunday found that older voters have moved to the \
                    Democrats. The poll surveyed 900 people.";
        assert_eq!(
            read("Poll: Older Voters Drift Toward Democrats", body),
            [said("Poll", "Older Voters Drift Toward Democrats")]
        );
    }

    #[test]
    fn a_section_label_or_a_phrase_with_a_verb_names_no_source() {
        let body = "The Latest on the campaign trail. Voters in Ohio lined up early on \
                    Tuesday. Mayor Ann Lee praised the turnout.";
        assert!(read("The Latest: Voters Line Up Early In Ohio", body).is_empty());
        assert!(read("Ann Lee Cheers Ohio Voters: Turnout Is Up Sharply", body).is_empty());
        // A label the body never writes as a name is no one.
        assert!(read("Stealth Mode: Ohio Turnout Is Up Sharply Again", body).is_empty());
    }

    #[test]
    fn a_verb_in_title_case_reads_as_speech() {
        let body = "Senator Lindsey Graham said on Sunday that a deal on clean energy was \
                    possible. Graham spoke in Columbia.";
        assert_eq!(
            read(
                "Deal On Clean Energy Is Possible, Lindsey Graham Says",
                body
            ),
            [said("Lindsey Graham", "Deal On Clean Energy Is Possible")]
        );
        assert_eq!(
            read("Graham Says Deal On Clean Energy Is Possible", body),
            [said("Lindsey Graham", "Deal On Clean Energy Is Possible")]
        );
    }

    #[test]
    fn a_passive_headline_verb_gives_no_statement() {
        let body = "The mayor was accused on Monday of hiding the audit. Mayor Tom Reed \
                    denied it.";
        assert!(read("Mayor Tom Reed accused of hiding city audit", body).is_empty());
    }

    #[test]
    fn a_capitals_headline_repeats_no_source_the_body_quotes() {
        let body = "Treasury Secretary James Baker said on Monday a further drop in the \
                    dollar would hurt the economy. Trade figures are due next week.";
        assert!(read("BAKER SAYS DOLLAR DROP WOULD HURT ECONOMY", body).is_empty());
        // The same headline in Title Case is kept, and so is a source the body does not quote.
        assert_eq!(
            read("Baker Says Dollar Drop Would Hurt Economy", body),
            [said("James Baker", "Dollar Drop Would Hurt Economy")]
        );
        let body = "Japan's trade surplus rose in February, figures showed on Monday.";
        assert_eq!(
            read("NAKASONE SAYS JAPAN WILL CUT SURPLUS", body),
            [said("Nakasone", "JAPAN WILL CUT SURPLUS")]
        );
    }

    #[test]
    fn a_statement_without_a_named_source_is_left_to_the_body() {
        let body = "A federal judge on Friday rejected the request to open the file. \
                    Judge Amy Cole wrote that the file stays sealed.";
        assert!(read("Judge rejects request to open divorce file", body).is_empty());
    }

    #[test]
    fn headline_quotes_come_first_marked_as_in_the_title() {
        let article = crate::corpus::Article {
            title: Some(" Graham Says Party Has Lost Its Way ".to_string()),
            body: "Senator Lindsey Graham spoke on Tuesday. \"We have lost our way on \
                   trade,\" Graham said."
                .to_string(),
            ..Default::default()
        };
        let e = crate::enrich::enrich(&article);
        let json: Vec<serde_json::Value> = e
            .quotes
            .iter()
            .map(|q| serde_json::to_value(q).unwrap())
            .collect();
        assert_eq!(json.len(), 2, "{json:?}");
        assert_eq!(json[0]["in"], "title");
        assert_eq!(json[0]["speaker"], "Lindsey Graham");
        let title = article.title.as_deref().unwrap().trim();
        let (start, end) = (e.quotes[0].start, e.quotes[0].end);
        assert_eq!(&title[start..end], "Party Has Lost Its Way");
        assert!(json[1].get("in").is_none(), "a body quote has no \"in\"");
        assert_eq!(e.speakers, ["Lindsey Graham"]);
    }

    #[test]
    fn a_surname_takes_the_one_full_name_the_body_gives() {
        let people = [
            "Lindsey Graham",
            "Donald Trump",
            "Barack Obama",
            "Michelle Obama",
        ];
        assert_eq!(
            full_name("Graham", people.into_iter()),
            Some("Lindsey Graham")
        );
        // Two people share it: the headline's word is kept.
        assert_eq!(full_name("Obama", people.into_iter()), None);
        // The body writes the surname alone as a speaker of its own.
        assert_eq!(
            full_name("Trump", ["Trump", "Donald Trump"].into_iter()),
            None
        );
        assert_eq!(full_name("Lindsey Graham", people.into_iter()), None);
    }
}
