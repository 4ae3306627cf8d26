//! Coreference: from a source phrase to the speaker's full name.
//!
//! Names and titles go to the longest form of the same person in the article ("Rubio", "Mr
//! Rubio", "Secretary Rubio" -> "Marco Rubio"). "He" and "she" go to the person the passage is
//! about (see [`pronoun`]); "they" and "it" to the most recent group or
//! organisation that spoke. Role mentions ("the senator") go to the most recent person with
//! that role, and office nouns ("the ministry") to the most recent organisation named with
//! them; a bare "the company" (and "it" with no organisation speaking before) to the company
//! the text is about though it has not spoken yet; "the report" or "the paper" to whoever
//! issued it ("a report by ...", "the FTC report", the newspaper that spoke last). What cannot
//! be resolved gives no speaker rather than a guess.

use super::lexicon::Class;
use super::names::{self, Gender, Register, key, name_text, phrase_text};
use super::source::{
    Source, SourceKind, clause_subject, describes_aged, is_age_noun, is_quantity, org_name_end,
    parse, right_phrase,
};
use super::speaker_name::{self, Reject, SpeakerKind};
use super::text::{Doc, flag};
use super::words::LISTS;
use crate::enrich::countries::CountryCode;

use std::ops::Range;

mod pronoun;

use pronoun::Antecedent;

/// How far back (in tokens) a pronoun or role mention looks for its person.
const REACH: usize = 600;

/// A source resolved to a speaker.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Resolved {
    pub speaker: Option<String>,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    /// Index of the person in the register, for people.
    pub person: Option<usize>,
    /// What the speaker is: a person, an organisation or a group.
    pub kind: Option<SourceKind>,
    /// The speaker as the source phrase gave it, before the name check ("PPIC poll" for
    /// "PPIC"), so "the poll" still finds it.
    pub said_as: Option<String>,
    /// The gender the source phrase shows ("the Tory leader": unknown; "the chairwoman").
    pub gender: Gender,
}

/// `r` without a leading article or possessive determiner.
fn without_determiner(doc: &Doc, mut r: std::ops::Range<usize>) -> std::ops::Range<usize> {
    while r.len() > 1 && doc.toks[r.start].is(Class::DET) {
        r.start += 1;
    }
    r
}

/// Two or three capitalised words opening sentence `sent` that read as a person's name and
/// are followed by a comma or a lowercase word ("Auston Matthews, who scored twice, ...",
/// "Nazem Kadri scored twice").
fn opening_name(doc: &Doc, sent: Range<usize>) -> Option<Range<usize>> {
    let start = sent.start;
    let in_name = |k: usize| {
        let t = &doc.toks[k];
        t.is_word()
            && t.is_cap()
            && !t.in_quote()
            && !t.has(flag::POSSESSIVE)
            && !t.has(flag::ALL_CAPS)
            && !t.is(Class::ORG_HEAD | Class::ORG_UNIT | Class::ROLE_ANY | Class::HONORIFIC)
    };
    if doc.toks[start].is(Class::SENTENCE_WORD | Class::ADVERB | Class::DET) {
        return None;
    }
    let end = (start..sent.end).find(|&k| !in_name(k)).unwrap_or(sent.end);
    let next = doc.toks.get(end)?;
    // (Not "Neilson Barnard via Getty Images.", a picture's credit.)
    let follows = next.is_punct(',') || (next.is_word() && !next.is_cap() && !next.is(Class::PREP));
    (end < sent.end
        && (2..=3).contains(&(end - start))
        && follows
        && matches!(
            speaker_name::classify(&phrase_text(doc, start..end)),
            Ok(SpeakerKind::Person | SpeakerKind::Name)
        ))
    .then_some(start..end)
}

/// The words of a source phrase that describes a source it does not name ("a State
/// Department official", "Clinton's campaign", "24 percent of voters"), without a leading
/// article; `None` for a bare noun ("officials", "the report", "his campaign"), which says
/// too little to stand for a speaker.
fn described(doc: &Doc, mut r: std::ops::Range<usize>) -> Option<String> {
    // ("Another Xerox spokesman" is a Xerox spokesman; "another 12 percent" keeps its word.)
    while r.len() > 1
        && (["a", "an", "the"].iter().any(|w| doc.is_word(r.start, w))
            || doc.is_word(r.start, "another") && !is_quantity(doc, r.start + 1))
    {
        r.start += 1;
    }
    let words = r.clone().filter(|&k| doc.toks[k].is_word()).count();
    let owner_pronoun = ["his", "her", "its", "their", "our", "my", "your"]
        .iter()
        .any(|w| doc.is_word(r.start, w));
    if words <= 1 || words == 2 && owner_pronoun {
        return None;
    }
    // Something must name or place the source: a capitalised word, an owner, a share, or
    // a modifier after the head ("speakers at the service"); "a new poll" or "a senior
    // official" does not.
    let names = r.clone().any(|k| {
        let t = &doc.toks[k];
        // (A function word is capitalised only for opening its sentence.)
        t.is_cap() && !t.is(Class::QUANT | Class::DET | Class::SENTENCE_WORD)
            || t.has(flag::POSSESSIVE)
            || is_quantity(doc, k) && !t.is(Class::QUANT)
            || doc.is_punct(k, '%')
            || k > r.start && t.is(Class::PREP) && k + 1 < r.end
    });
    if !names {
        return None;
    }
    Some(voiced_body(doc, r.clone()).unwrap_or_else(|| phrase_text(doc, r)))
}

/// "Foreign Ministry official", "South Wales Police spokeswoman", "senior Xerox spokesman":
/// an unnamed voice speaks for the body named before its role, when only capitalised words
/// (after "senior" or "top") name it and they are not only a place ("a US official", "a
/// Chinese official" keep their role).
fn voiced_body(doc: &Doc, r: std::ops::Range<usize>) -> Option<String> {
    let head = r.end.checked_sub(1)?;
    if !LISTS.voice_roles.contains(&key(doc.word(head)).as_str()) {
        return None;
    }
    let mut start = r.start;
    while start < head && is_rank_word(doc, start) {
        start += 1;
    }
    let named = start < head
        && (start..head).all(|k| {
            let t = &doc.toks[k];
            t.is_word() && t.is_cap() && !t.has(flag::POSSESSIVE) && !t.is(Class::ROLE)
        });
    let name = phrase_text(doc, start..head);
    let place = name
        .split(['-', ' '])
        .all(|w| speaker_name::country_named(w).is_some() || speaker_name::is_country_modifier(w));
    (named && !place && speaker_name::is_speaker_name(&name)).then_some(name)
}

/// The most recent capitalised name before `pos` with the word `head` in it ("the ministry"
/// -> "Trade Ministry", "Ministry of Commerce").
fn named_before(doc: &Doc, pos: usize, head: &str) -> Option<String> {
    let floor = pos.saturating_sub(REACH);
    // "the Bank" again is no name: the office word with words of its own ("Bank of England").
    (floor..pos)
        .rev()
        .filter(|&k| doc.toks[k].is_cap() && key(doc.word(k)) == head)
        .map(|k| name_around(doc, floor, pos, k))
        .find(|name| speaker_name::is_speaker_name(name))
}

/// The capitalised name around office word `k`, within `floor..pos`: capitalised words
/// before it and "of" with capitalised words after it.
fn name_around(doc: &Doc, floor: usize, pos: usize, k: usize) -> String {
    let mut a = k;
    while a > floor
        && doc.toks[a - 1].is_cap()
        && !doc.toks[a - 1].is(Class::DET | Class::SENTENCE_WORD)
    {
        a -= 1;
    }
    let mut b = k + 1;
    while b + 1 < pos && doc.is_word(b, "of") && doc.toks[b + 1].is_cap() {
        b += 2;
        while b < pos && doc.toks[b].is_cap() {
            b += 1;
        }
    }
    // "Commission on Presidential Debates", "Alliance for Justice".
    if let Some(end) = org_name_end(doc, a, pos) {
        b = b.max(end);
    }
    phrase_text(doc, a..b)
}

/// "says Morin" after "Jenna Morin had to drive": a lone surname the register does not know
/// takes the two-word form it was first written in before `pos`, a capitalised word that can
/// be a given name before it (not a title, a function word, a possessive or part of a longer
/// capitalised run).
fn full_form(doc: &Doc, name: Range<usize>, pos: usize) -> Option<Range<usize>> {
    if name.len() != 1 {
        return None;
    }
    let word = doc.word(name.start);
    let given = |k: usize| {
        let t = &doc.toks[k];
        t.is_word()
            && t.is_cap()
            && !t.has(flag::POSSESSIVE | flag::NUMBER)
            && !t.is(Class::DET
                | Class::PREP
                | Class::CONJ
                | Class::PRONOUN
                | Class::SENTENCE_WORD
                | Class::ROLE_ANY
                | Class::HONORIFIC
                | Class::TIME
                | Class::ORG_HEAD
                | Class::GROUP
                | Class::ADVERB)
            && !(k > 0
                && doc.toks[k - 1].is_word()
                && doc.toks[k - 1].is_cap()
                && !doc.toks[k].has(flag::SENT_START))
    };
    // A country, an outlet or a company keeps its one word ("India", "CNN", "London UKIP").
    if speaker_name::classify(word) != Ok(SpeakerKind::Name)
        || doc.toks[name.start].has(flag::ALL_CAPS)
    {
        return None;
    }
    let place = |k: usize| {
        doc.toks[k].has(flag::ALL_CAPS)
            || matches!(
                speaker_name::classify(doc.word(k)),
                Ok(SpeakerKind::Government | SpeakerKind::Org | SpeakerKind::Group)
            )
    };
    (1..pos.min(doc.toks.len()))
        .find(|&k| k != name.start && doc.word(k) == word && given(k - 1) && !place(k - 1))
        .map(|k| k - 1..k + 1)
        .filter(|r| {
            matches!(
                speaker_name::classify(&phrase_text(doc, r.clone())),
                Ok(SpeakerKind::Person | SpeakerKind::Name)
            )
        })
}

/// "Texas Eastern said" after "Texas Eastern Corp said": a name the text also writes with a
/// company suffix right after it ("Corp", "Inc", "Co Ltd") goes by that longer name. The name
/// must open its capitalised run there ("Haas" of "Rohm and Haas Co" is no company of its
/// own).
fn company_full_name(doc: &Doc, name: &str) -> Option<String> {
    let words: Vec<&str> = name.split(' ').collect();
    let n = words.len();
    if n == 0 || speaker_name::is_company_suffix(words[n - 1]) {
        return None;
    }
    let suffix = |k: usize| {
        k < doc.toks.len()
            && doc.toks[k].is_word()
            && doc.toks[k].is_cap()
            && speaker_name::is_company_suffix(doc.word(k))
    };
    (0..doc.toks.len().saturating_sub(n)).find_map(|k| {
        let matches = (0..n).all(|i| doc.toks[k + i].is_word() && doc.word(k + i) == words[i]);
        let opens = k == 0
            || !(doc.toks[k - 1].is_word() && doc.toks[k - 1].is_cap()
                || doc.is_word(k - 1, "and")
                || doc.is_punct(k - 1, '&'));
        if !matches || !opens || !suffix(k + n) {
            return None;
        }
        let end = if suffix(k + n + 1) {
            k + n + 2
        } else {
            k + n + 1
        };
        // ("Mobil Corp's Mobil Chemical Co": the owner's "'s" is no part of the name.)
        let full = phrase_text(doc, k..end);
        let full = full
            .strip_suffix("'s")
            .or_else(|| full.strip_suffix("\u{2019}s"))
            .unwrap_or(&full)
            .to_string();
        matches!(
            speaker_name::classify(&full),
            Ok(SpeakerKind::Org | SpeakerKind::Name)
        )
        .then_some(full)
    })
}

/// The party a party word names, in one spelling ("gop" -> "republican"); `None` for a word
/// that names no party of its own ("independent").
fn party_of(word: &str) -> Option<&'static str> {
    match word {
        "republican" | "gop" => Some("republican"),
        "democratic" | "democrat" => Some("democratic"),
        "libertarian" => Some("libertarian"),
        "green" => Some("green"),
        "labour" => Some("labour"),
        "tory" | "tories" | "conservative" => Some("conservative"),
        "liberal" => Some("liberal"),
        _ => None,
    }
}

/// The parties named by `words` in order, "Liberal Democrat" and "Lib Dem" as one party of
/// their own rather than the Democrats.
fn parties<'w>(words: impl Iterator<Item = &'w str>) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    let mut prev = "";
    for w in words {
        let liberal = matches!(prev, "liberal" | "lib");
        if liberal && matches!(w, "democrat" | "democrats" | "democratic" | "dem" | "dems") {
            out.retain(|&p| p != "liberal");
            out.push("libdem");
        } else if let Some(p) = party_of(w) {
            out.push(p);
        }
        prev = w;
    }
    out
}

/// Resolves sources in text order, remembering who spoke.
pub(crate) struct Resolver<'d, 'a> {
    doc: &'d Doc<'a>,
    pub reg: Register,
    /// (token position, resolution) of every attribution so far.
    history: Vec<(usize, Resolved)>,
    /// Token ranges of the words of the attribution being resolved: a name inside them is
    /// what was said, not who said it.
    quote: Vec<Range<usize>>,
    /// Token ranges of the words of every attribution resolved before to a person, named or
    /// not: a name inside them is what someone said ("Mr Balls suggested that Mr Brown would meet his rule. He said
    /// ..."), so neither the person a later pronoun stands for nor a rival to that person.
    spoken: Vec<Range<usize>>,
    /// (cue position, source phrase) of every attribution resolved so far.
    phrases: Vec<(usize, Range<usize>)>,
}

/// Spelled-out forms of abbreviated titles, so "the senator" finds "Sen. Sanders".
fn full_title(word: &str) -> &str {
    match word {
        "sen" => "senator",
        "gov" => "governor",
        "rep" => "representative",
        "gen" => "general",
        "lt" => "lieutenant",
        "col" => "colonel",
        "capt" => "captain",
        "sgt" => "sergeant",
        "prof" => "professor",
        // "Justice Elaine Roy ... the judge said".
        "justice" => "judge",
        "spokeswoman" | "spokesman" => "spokesperson",
        "congressman" | "congresswoman" => "representative",
        w => w,
    }
}

impl<'d, 'a> Resolver<'d, 'a> {
    pub fn new(doc: &'d Doc<'a>, reg: Register) -> Self {
        Resolver {
            doc,
            reg,
            history: Vec::new(),
            quote: Vec::new(),
            spoken: Vec::new(),
            phrases: Vec::new(),
        }
    }

    /// [`Resolver::resolve`] for an attribution whose words are the token ranges `quote`.
    pub fn resolve_quote(&mut self, src: &Source, pos: usize, quote: &[Range<usize>]) -> Resolved {
        self.quote.clear();
        self.quote.extend(quote.iter().cloned());
        self.phrases.push((pos, src.phrase.clone()));
        let r = self.resolve(src, pos);
        // (What an agency, a paper or unnamed sources report a person said still tells who
        // is speaking: "Antara reported that Siregar said ... he said".)
        if r.person.is_some() || matches!(src.kind, SourceKind::RoleMention | SourceKind::Pronoun) {
            self.spoken.extend(quote.iter().cloned());
        }
        r
    }

    /// Remember an attribution at token `pos`.
    pub fn note(&mut self, pos: usize, r: &Resolved) {
        self.history.push((pos, r.clone()));
    }

    /// Resolve a source phrase met at token `pos`: a speaker that is not a name (see
    /// [`speaker_name`]) gives way to the name inside it, or to none; a capital speaks as
    /// its country; a role that is no role is dropped, with the affiliation read beside it.
    pub fn resolve(&mut self, src: &Source, pos: usize) -> Resolved {
        let mut out = self.resolve_source(src, pos);
        if let Some(s) = out.speaker.take() {
            out.said_as = Some(s.clone());
            let mut s = speaker_name::tidy(&s);
            // "Mr. King": a surname that is also a title keeps the courtesy title it came with.
            if out.person.is_some()
                && !s.contains(' ')
                && speaker_name::classify(&s) == Err(Reject::TitleFragment)
                && let Some(h) = src
                    .phrase
                    .clone()
                    .find(|&k| self.doc.toks[k].is(Class::HONORIFIC))
            {
                s = format!("{} {s}", self.doc.word(h));
            }
            out.speaker = match speaker_name::classify(&s) {
                Ok(SpeakerKind::Government) => {
                    Some(speaker_name::government_name(&s).map_or(s, |country| country.to_string()))
                }
                Ok(SpeakerKind::Record) => Some(
                    speaker_name::record_owner_named(&s, |w| self.capitalised_inside(w))
                        .unwrap_or(s),
                ),
                Ok(SpeakerKind::Group) => Some(speaker_name::group_name(&s)),
                Ok(SpeakerKind::Org | SpeakerKind::Name) if out.person.is_none() => {
                    Some(company_full_name(self.doc, &s).unwrap_or(s))
                }
                Ok(_) => Some(s),
                Err(_) => speaker_name::repair(&s),
            };
            if out.speaker.is_none() {
                out.person = None;
            }
        }
        if out
            .role
            .as_deref()
            .is_some_and(|r| !speaker_name::is_role(r))
        {
            out.role = None;
            out.affiliation = None;
        }
        if out
            .affiliation
            .as_deref()
            .is_some_and(speaker_name::is_capital)
        {
            out.affiliation = None;
        }
        out
    }

    fn resolve_source(&mut self, src: &Source, pos: usize) -> Resolved {
        let doc = self.doc;
        let mut out = Resolved {
            speaker: None,
            role: src.role.clone().map(|r| phrase_text(doc, r)),
            affiliation: src.affiliation.clone().map(|r| phrase_text(doc, r)),
            person: None,
            kind: Some(src.kind),
            said_as: None,
            gender: src.gender,
        };
        if !matches!(src.kind, SourceKind::Person | SourceKind::Pronoun) {
            // "a release from the licensing board": the statement speaks for its author.
            if let Some(r) = self
                .release_author(src, pos)
                .or_else(|| self.release_owner(src, pos))
            {
                return r;
            }
            // "the government said": the government of the country the article is about.
            if self.is_bare_government(src)
                && let Some(g) = self.government(src.phrase.start)
            {
                out.speaker = Some(g);
                out.kind = Some(SourceKind::Org);
                return out;
            }
        }
        match src.kind {
            SourceKind::Person | SourceKind::Named => self.named_source(src, pos, out),
            SourceKind::Org | SourceKind::Generic
                if let Some(r) = self.described_company(src, pos) =>
            {
                // "the Japanese carmaker", "the world's largest miner": the company named
                // before.
                r
            }
            SourceKind::Org => self.org_source(src, pos, out),
            SourceKind::Group => {
                out.speaker = self.group_speaker(src, pos);
                out
            }
            SourceKind::Pronoun => self.pronoun_source(src, pos, out),
            SourceKind::RoleMention | SourceKind::Generic
                if let Some(p) = self.lone_surname(src) =>
            {
                // "King says" after "Billie Jean King", "Day said" after "Kristen Day": a
                // capitalised title or common word that is a known person's surname.
                self.person(&mut out, p);
                out
            }
            SourceKind::RoleMention => self.role_source(src, pos, out),
            SourceKind::Generic if src.phrase.is_empty() => out,
            SourceKind::Generic => self.generic_source(src, pos, out),
        }
    }

    /// A person's name or a lone capitalised word: the person it names, known before or
    /// added now, else the name as written.
    fn named_source(&mut self, src: &Source, pos: usize, mut out: Resolved) -> Resolved {
        let doc = self.doc;
        let Some(name) = src.name.clone() else {
            return out;
        };
        // "Michael Johnson won again. The American said ...": a nationality alone is the
        // person the sentence before is about.
        if name.len() == 1
            && speaker_name::is_country_modifier(doc.word(name.start))
            && let Some(p) = self.subject_before(src, true)
        {
            self.person(&mut out, p);
            return out;
        }
        match self.person_named(src, name.clone(), pos) {
            Some(p) => {
                self.keep_role_and_affiliation(src, p);
                self.person(&mut out, p);
            }
            None if name.len() == 1 && self.capitalised_only_to_open(name.start) => {}
            None => {
                out.speaker = Some(
                    self.possessive_name(src, name.clone())
                        .unwrap_or_else(|| name_text(doc, name)),
                )
            }
        }
        out
    }

    /// "Moody's said" after "Moody's Investors Service Inc said", "Standard and Poor's said"
    /// after "Standard and Poor's Corp said": a name that ends in "'s" right before the cue
    /// goes by the longer name it opened earlier in the article.
    fn possessive_name(&self, src: &Source, name: Range<usize>) -> Option<String> {
        let doc = self.doc;
        if name.end != src.phrase.end || !doc.toks[name.end - 1].has(flag::POSSESSIVE) {
            return None;
        }
        let n = name.len();
        let same_words = |k: usize| (0..n).all(|i| doc.word(k + i) == doc.word(name.start + i));
        (0..name.start.saturating_sub(n - 1))
            .filter(|&k| same_words(k))
            .find_map(|k| {
                let end = (k + n..doc.toks.len())
                    .find(|&j| {
                        let t = &doc.toks[j];
                        !t.is_word() || !t.is_cap() || t.has(flag::SENT_START)
                    })
                    .unwrap_or(doc.toks.len());
                // "Standard and Poor's": the name may start before an "and".
                let mut start = k;
                while start >= 2
                    && (doc.is_word(start - 1, "and") || doc.is_punct(start - 1, '&'))
                    && doc.toks[start - 2].is_cap()
                    && !doc.toks[start - 2].has(flag::POSSESSIVE)
                {
                    start = cap_run_start(doc, start - 2, 0);
                }
                let text = phrase_text(doc, start..end);
                (end > k + n && speaker_name::classify(&text) == Ok(SpeakerKind::Org))
                    .then_some(text)
            })
    }

    /// The register's person for the name words `name`, added when the source is a person's
    /// name or the name was written in full before; a full form met before renames a person
    /// known by one word.
    fn person_named(&mut self, src: &Source, name: Range<usize>, pos: usize) -> Option<usize> {
        let doc = self.doc;
        // "Sir Edward said" after "Sir Edward Heath": a knight or dame goes by the given name.
        if name.len() == 1
            && name.start > 0
            && (doc.is_word(name.start - 1, "Sir") || doc.is_word(name.start - 1, "Dame"))
            && let Some(p) = self
                .reg
                .keys(doc, name.clone())
                .and_then(|w| self.reg.find_by_given_name(w[0]))
        {
            return Some(p);
        }
        let found = self
            .reg
            .keys(doc, name.clone())
            .and_then(|w| self.reg.find_before(&w, pos));
        let full = found
            .is_none_or(|p| self.reg.people[p].words.len() == 1)
            .then(|| full_form(doc, name.clone(), pos))
            .flatten();
        match (found, full) {
            (Some(p), Some(full)) => {
                // "Morin" known alone: the person goes by the name first written.
                self.reg.people[p].name = phrase_text(doc, full);
                Some(p)
            }
            (Some(p), None) => Some(p),
            // "says Morin" (a lone word) after "Jenna Morin had to drive".
            (None, Some(full)) => Some(self.reg.add_source(
                doc,
                full,
                src.role.clone(),
                src.affiliation.clone(),
                src.gender,
            )),
            (None, None) if src.kind == SourceKind::Person => Some(self.reg.add_source(
                doc,
                name,
                src.role.clone(),
                src.affiliation.clone(),
                src.gender,
            )),
            (None, None) => None,
        }
    }

    /// What this source phrase says of person `p` holds for later mentions too ("Zhao said"
    /// after "Consul General ... Zhao Lin").
    fn keep_role_and_affiliation(&mut self, src: &Source, p: usize) {
        let doc = self.doc;
        if let Some(r) = src.role.clone() {
            self.reg.note_role(doc, p, r.clone());
            let person = &mut self.reg.people[p];
            person.role.get_or_insert_with(|| phrase_text(doc, r));
        }
        if let Some(a) = src.affiliation.clone() {
            let person = &mut self.reg.people[p];
            person
                .affiliation
                .get_or_insert_with(|| phrase_text(doc, a));
        }
    }

    /// A named organisation, unless its name is an office word standing for the name given
    /// earlier ("the Bank said", "the Commission").
    fn org_source(&self, src: &Source, pos: usize, mut out: Resolved) -> Resolved {
        let name = src.name.clone().map(|r| phrase_text(self.doc, r));
        if name
            .as_deref()
            .is_some_and(|n| speaker_name::classify(n) == Err(Reject::CommonNoun))
            && let Some(r) = self.office(src, pos)
        {
            return r;
        }
        out.speaker = name;
        out
    }

    /// A group speaks under its own words: "Democrats", "Police officials", "58 percent of
    /// voters"; a bare "officials" names no one.
    fn group_speaker(&self, src: &Source, pos: usize) -> Option<String> {
        let doc = self.doc;
        if src.name.is_some() {
            Some(phrase_text(
                doc,
                without_determiner(doc, src.phrase.clone()),
            ))
        } else {
            // "critics of the takeover", "traders in London": a group with a modifier after
            // its head speaks as that head.
            let r = src.phrase.clone();
            let modified = (r.start + 1..r.end)
                .any(|k| doc.toks[k].is(Class::PREP | Class::RELATIVE | Class::WH));
            let head = || self.collective(r.clone(), pos, false);
            let whole = || described(doc, r.clone());
            if modified {
                head().or_else(whole)
            } else {
                whole().or_else(head)
            }
        }
    }

    /// He or she: the person the passage is about; they or it: see
    /// [`Resolver::body_pronoun_source`]; I and we: no one.
    fn pronoun_source(&mut self, src: &Source, pos: usize, mut out: Resolved) -> Resolved {
        if src.first_person {
            return out;
        }
        if src.plural || src.gender == Gender::Unknown {
            return self.body_pronoun_source(src, pos, out);
        }
        match self.antecedent(pos, src.phrase.start, src.gender) {
            Antecedent::Person(p) => self.person(&mut out, p),
            Antecedent::Source(r) => {
                out.speaker = r.speaker;
                out.kind = r.kind;
                out.role = out.role.or(r.role);
                out.affiliation = out.affiliation.or(r.affiliation);
            }
            Antecedent::Unknown => {}
        }
        out
    }

    /// They or it: the organisation or group that is the subject of the pronoun's sentence,
    /// else the last one that spoke, else for "it" the company the text is about.
    fn body_pronoun_source(&mut self, src: &Source, pos: usize, mut out: Resolved) -> Resolved {
        let doc = self.doc;
        let want_plural = src.plural;
        // "Clinton's campaign is seeking ... what they call": the subject of the
        // pronoun's own sentence, when it is an organisation or a group. Not after a comma or
        // a quote mark ("The EU was imposing new rules, it noted."): there the sentence's
        // subject is the statement's own.
        let trailer = src
            .phrase
            .start
            .checked_sub(1)
            .is_some_and(|k| !doc.toks[k].is_word());
        if !trailer && let Some(r) = self.sentence_subject(src, pos, want_plural) {
            return r;
        }
        // (A pronoun opening its sentence follows the full stop of the one before.)
        let opens_sentence =
            doc.sents[doc.sent_of(src.phrase.start)].toks.start == src.phrase.start;
        if (opens_sentence || !trailer)
            && let Some(r) = self.subject_just_before(src, pos, want_plural)
        {
            return r;
        }
        // they / it: the last group or organisation that spoke.
        if let Some(r) = self.last_body_spoken(pos, want_plural, false) {
            out.speaker = r.speaker;
            out.kind = r.kind;
        } else if !want_plural
            && doc.is_word(src.phrase.start, "it")
            && !expletive_it(doc, src)
            && let Some(name) =
                self.company_named_before(src.phrase.start, self.paragraph_before(pos))
        {
            // "Shares in American Express surged after it said ...": the company
            // the text is about, though it has not spoken yet.
            out.speaker = Some(name);
            out.kind = Some(SourceKind::Org);
        }
        out
    }

    /// A role standing for a person ("the senator", "its chairman, Sir Anthony Greener",
    /// "the 36-year-old"): the person named with it, else the one who holds it.
    fn role_source(&mut self, src: &Source, pos: usize, mut out: Resolved) -> Resolved {
        let doc = self.doc;
        let Some(role) = src.role.clone() else {
            return out;
        };
        // "said its chairman, Sir Anthony Greener": the name the role is given to.
        if let Some(name) = self.named_after_role(src, role.clone()) {
            let p = self.reg.add_source(
                doc,
                name,
                Some(role.clone()),
                src.affiliation.clone(),
                src.gender,
            );
            self.reg.note_role(doc, p, role.clone());
            self.person(&mut out, p);
            out.role = Some(phrase_text(doc, role));
            return out;
        }
        // "the 36-year-old said", "the 30-year-old striker added": the person last
        // speaking or written about.
        if self.is_bare_age(src, &role) {
            out.role = (role.len() > 1).then(|| phrase_text(doc, role.start + 1..role.end));
            if let Some(p) = self
                .subject_before(src, false)
                .or_else(|| self.recent_person(pos, src.gender, None, None))
            {
                self.person(&mut out, p);
            }
            return out;
        }
        self.role_holder_source(src, pos, role, out)
    }

    /// The one person the sentence before the attribution is about, given no role, when the
    /// source is "the" and lowercase words (for `named_role`, ending in a word of
    /// [`speaker_name::is_subject_role`]: "the captain", "the veteran goaltender") and the
    /// sentence before is in the same paragraph or the one before. "Auston Matthews was more
    /// blunt. 'We weren't good enough,' the captain said."
    fn subject_before(&mut self, src: &Source, named_role: bool) -> Option<usize> {
        let doc = self.doc;
        let phrase = src.phrase.clone();
        // "the American", "the Swiss": a person called by their nationality alone.
        let demonym = named_role
            && phrase.len() == 2
            && speaker_name::is_country_modifier(doc.word(phrase.start + 1));
        if src.plural
            || phrase.len() < 2
            || phrase.len() > 4
            || !doc.is_word(phrase.start, "the")
            || !(phrase.start + 1..phrase.end).all(|k| {
                let t = &doc.toks[k];
                // ("the Swedish netminder": a nationality is no name.)
                let nationality = named_role
                    && k + 1 < phrase.end
                    && speaker_name::country_named(doc.word(k)).is_some();
                t.is_word() && (!t.is_cap() || nationality || demonym) && !t.in_quote()
            })
        {
            return None;
        }
        if named_role && !demonym && !speaker_name::is_subject_role(&key(doc.word(phrase.end - 1)))
        {
            return None;
        }
        // The sentence the attribution opens in: its quote's first, when that comes first.
        let first = self
            .quote
            .iter()
            .map(|q| q.start)
            .chain(std::iter::once(phrase.start))
            .min()?;
        let here = doc.sent_of(first);
        let before = &doc.sents[here.checked_sub(1)?];
        // (An age noun only in the same paragraph: "Aishwarya Rai is the preferred choice.
        // [new paragraph] On a visit to India, the 60-year-old actor said" is Michael
        // Douglas, written about before.)
        let reach = if named_role { 1 } else { 0 };
        if before.para + reach < doc.sents[here].para {
            return None;
        }
        let sent = before.toks.clone();
        let mut found: Option<usize> = None;
        for (at, p) in self.reg.mentions_before(sent.end, sent.len(), false) {
            if at < sent.start {
                break;
            }
            if found.is_some_and(|f| f != p) {
                return None;
            }
            found = Some(p);
        }
        let Some(p) = found else {
            // "Auston Matthews, who scored twice, was more blunt.": a name no given name or
            // title announced, opening the sentence.
            let name = opening_name(doc, sent)?;
            return Some(self.reg.add_source(doc, name, None, None, src.gender));
        };
        let subject = self
            .reg
            .mentions_before(sent.end, sent.len(), true)
            .any(|(at, q)| at >= sent.start && q == p);
        let person = &self.reg.people[p];
        // "Murphy sent his family home" with an Anne Marie Murphy named too: not sure who.
        let shared = self
            .reg
            .people
            .iter()
            .filter(|q| q.surname() == person.surname())
            .count()
            > 1;
        (subject && !shared && person.role_words.is_empty() && src.gender.fits(person.gender))
            .then_some(p)
    }

    /// Whether the role is "the" and an age noun with no name after it ("the 36-year-old",
    /// "the 30-year-old striker").
    fn is_bare_age(&self, src: &Source, role: &Range<usize>) -> bool {
        let doc = self.doc;
        is_age_noun(doc, role.start)
            && role.start == src.phrase.start + 1
            && role.end == src.phrase.end
            && doc.is_word(src.phrase.start, "the")
            && (role.start + 1..role.end).all(|k| describes_aged(doc, k))
    }

    /// The person who holds the office the role words `role` name: the last one given it,
    /// the only one who could hold it, or the one the article is about; else the role words
    /// themselves when they describe the source.
    fn role_holder_source(
        &mut self,
        src: &Source,
        pos: usize,
        role: Range<usize>,
        mut out: Resolved,
    ) -> Resolved {
        let doc = self.doc;
        let head = full_title(&key(doc.word(role.end - 1))).to_string();
        let role_keys: Vec<String> = role.clone().map(|k| key(doc.word(k))).collect();
        let party = role
            .clone()
            .any(|k| doc.toks[k].is(Class::PARTY))
            .then(|| {
                parties(role_keys.iter().map(String::as_str))
                    .first()
                    .copied()
            })
            .flatten();
        let definite = key(doc.word(src.phrase.start)) == "the";
        // "a city spokesperson wrote" after "police spokesperson Const. Darren Maclellan":
        // an indefinite mention brings in a new, unnamed source, never one named before.
        let indefinite = matches!(
            key(doc.word(src.phrase.start)).as_str(),
            "a" | "an" | "another"
        );
        // "the shadow chancellor" is not the chancellor: a person found by the head
        // word must have been given the office's modifier too.
        // "the prime minister" is not "Deputy Prime Minister John Prescott" either: for an
        // office one person holds, the person may hold no modifier the mention lacks.
        let words: Vec<&str> = role_keys.iter().map(|w| full_title(w)).collect();
        let single = speaker_name::is_single_office(&words);
        let modified = |p: &usize| {
            let held = &self.reg.people[*p].role_words;
            role_keys
                .iter()
                .filter(|w| speaker_name::is_office_modifier(w))
                .all(|w| held.contains(w))
                && (!single
                    || held
                        .iter()
                        .filter(|w| speaker_name::is_office_modifier(w))
                        .all(|w| role_keys.contains(w)))
        };
        // ("George Gaspar, an oil analyst with Baird, agreed": the name just before.)
        let appositive = indefinite
            && src.phrase.start >= 2
            && doc.is_punct(src.phrase.start - 1, ',')
            && names::is_name_token(doc, src.phrase.start - 2)
            // (Not "... met Nakasone, a Treasury spokesman said": the name is what was said.)
            && !self
                .quote
                .iter()
                .any(|q| q.contains(&(src.phrase.start - 2)) && q.end <= src.phrase.start);
        if let Some(p) = if appositive {
            // The person whose name ends at the comma ("Manafort and Carter Page, a Trump
            // adviser": Page or no one, never Manafort).
            let name_start = cap_run_start(doc, src.phrase.start - 2, 0);
            self.reg
                .mentions_before(src.phrase.start, 6, false)
                .next()
                .filter(|&(at, _)| at >= name_start)
                .map(|(_, p)| p)
        } else if indefinite {
            None
        } else {
            self.recent_person(pos, src.gender, Some(&head), party)
        }
        .or_else(|| {
            definite
                .then(|| self.sole_holder(pos, src.gender, &head, party))
                .flatten()
        })
        .filter(modified)
        {
            self.person(&mut out, p);
            out.role = src.role.clone().map(|r| phrase_text(doc, r));
        } else if let Some(p) = definite
            .then(|| self.article_office_holder(src, pos, &role, &role_keys, party))
            .flatten()
        {
            // "Tony Blair has dismissed reports ... the prime minister told": the
            // person the article is about, whose office it never wrote beside the name.
            self.reg.note_role(doc, p, role.clone());
            self.person(&mut out, p);
            out.role = Some(phrase_text(doc, role));
        } else if let Some(p) = self.subject_before(src, true) {
            // "Auston Matthews was more blunt. 'We weren't good enough,' the captain said."
            self.person(&mut out, p);
            out.role = Some(phrase_text(doc, role));
        } else {
            // "a company spokesman said", "a spokesman for the Home Office said": the body
            // the role speaks for.
            if let Some(r) = self
                .body_of_role(src, &role, pos)
                .or_else(|| self.voice_for(src, &role, pos))
                .or_else(|| self.bare_voice(src, &role, pos))
            {
                out.speaker = r.speaker;
                out.kind = Some(SourceKind::RoleMention);
                out.role = Some(phrase_text(doc, role));
                return out;
            }
            // "the Indiana governor" with no governor named before: the words
            // still describe the source.
            // "His lawyer": the role of a person in reach.
            out.speaker = described(doc, src.phrase.clone())
                .or_else(|| self.collective(src.phrase.clone(), pos, true))
                .or_else(|| {
                    definite
                        .then(|| self.unnamed_holder(pos, &head, src.gender))
                        .flatten()
                });
        }
        out
    }

    /// "a company spokesman", "a ministry official", "the union's spokeswoman" with no name:
    /// the organisation the lowercase office word before the role stands for, as "the
    /// company" or "the ministry" would (a company named before though it has not spoken).
    fn body_of_role(&self, src: &Source, role: &Range<usize>, pos: usize) -> Option<Resolved> {
        let doc = self.doc;
        let head = role.end.checked_sub(1)?;
        let body = head.checked_sub(1).filter(|&b| b >= src.phrase.start)?;
        let t = &doc.toks[body];
        if !LISTS.voice_roles.contains(&key(doc.word(head)).as_str())
            || !t.is_word()
            || t.is_cap()
            || !t.is(Class::ORG_UNIT | Class::ORG_HEAD)
            || t.is(Class::ROLE)
        {
            return None;
        }
        // Only "senior" or "top" between the article and the office word: "a regional bank
        // official" or "a trust bank official" speaks for a kind of bank, not one named.
        let opening =
            (src.phrase.start..body).all(|k| doc.toks[k].is(Class::DET) || is_rank_word(doc, k));
        if !opening {
            return None;
        }
        self.body_by_noun(body, pos)
    }

    /// The organisation the lowercase office or company word at `body` stands for ("[a
    /// company] spokesman", "a spokesman for the [ministry]"): for a company noun, the last
    /// company that spoke or else one named within reach though it has not spoken; for an
    /// office word, the one that holds it (see [`Self::office`]).
    fn body_by_noun(&self, body: usize, pos: usize) -> Option<Resolved> {
        let word = key(self.doc.word(body));
        let body_src = parse(self.doc, body..body + 1, None);
        if speaker_name::is_company_noun(&word) && word != "group" {
            let name =
                self.company_spoken_or_named(&body_src, pos, Some(pos.saturating_sub(REACH)))?;
            return Some(Resolved {
                speaker: Some(name),
                kind: Some(SourceKind::Org),
                ..Resolved::default()
            });
        }
        self.office(&body_src, pos)
    }

    /// "a spokesman said", with nothing to say whose: the organisation "it" would stand for
    /// there, the last that spoke or else the company the text is about. ("An official" is
    /// as often a government's; "the spokesman" is the one before, see
    /// [`Self::unnamed_holder`].)
    fn bare_voice(&self, src: &Source, role: &Range<usize>, pos: usize) -> Option<Resolved> {
        let doc = self.doc;
        if role.len() != 1
            || src.phrase.len() != 2
            || !["a", "another"]
                .iter()
                .any(|w| doc.is_word(src.phrase.start, w))
            || full_title(&key(doc.word(role.start))) != "spokesperson"
        {
            return None;
        }
        // ("The Tories said ... a spokesman said": a party named as its members has
        // spokesmen too, though "it" does not stand for it.)
        if let Some(r) = self.last_body_spoken(pos, false, true) {
            return Some(r);
        }
        let name = self.company_named_before(src.phrase.start, self.paragraph_before(pos))?;
        Some(Resolved {
            speaker: Some(name),
            kind: Some(SourceKind::Org),
            ..Resolved::default()
        })
    }

    /// "a spokesman for the Home Office", "an official with the Ministry of Commerce": the
    /// organisation named after a role that speaks for a body.
    fn voice_for(&mut self, src: &Source, role: &Range<usize>, pos: usize) -> Option<Resolved> {
        let doc = self.doc;
        let head = role.end.checked_sub(1)?;
        let prep = role.end;
        if !LISTS.voice_roles.contains(&key(doc.word(head)).as_str())
            || prep + 1 >= src.phrase.end
            || !["for", "with", "at", "of", "from"]
                .iter()
                .any(|w| doc.is_word(prep, w))
        {
            return None;
        }
        // "a spokesman for the company", "an official with the ministry": the body that
        // noun stands for.
        let noun = prep + 2;
        if noun + 1 == src.phrase.end
            && doc.is_word(prep + 1, "the")
            && doc.toks[noun].is_word()
            && !doc.toks[noun].is_cap()
            && (doc.toks[noun].is(Class::ORG_UNIT | Class::ORG_HEAD)
                || speaker_name::is_company_noun(doc.word(noun)))
        {
            return self.body_by_noun(noun, pos);
        }
        let body = parse(doc, prep + 1..src.phrase.end, None);
        if body.kind != SourceKind::Org {
            return None;
        }
        let r = self.resolve_source(&body, pos);
        r.speaker.is_some().then_some(r)
    }

    /// A common noun phrase: the organisation an office word stands for ("the ministry
    /// said"), else what the words describe, else who issued the statement or record.
    fn generic_source(&mut self, src: &Source, pos: usize, mut out: Resolved) -> Resolved {
        // "Stuart Skinner made 28 saves. 'It was a grind,' the goaltender said."
        if let Some(p) = self.subject_before(src, true) {
            self.person(&mut out, p);
            out.role = Some(phrase_text(self.doc, src.phrase.start + 1..src.phrase.end));
            return out;
        }
        // "the ministry said": the last organisation named with that word.
        if let Some(r) = self.office(src, pos) {
            out.speaker = r.speaker;
            out.kind = r.kind;
        } else {
            // A described source: "a State Department official", "Clinton's
            // campaign", "a new Washington Post-ABC News poll".
            out.speaker = described(self.doc, src.phrase.clone());
            if out.speaker.is_none()
                && let Some(r) = self
                    .statement_author(src, pos)
                    .or_else(|| self.record_issuer(src, pos))
            {
                out.speaker = r.speaker;
                out.kind = r.kind;
            }
        }
        out
    }

    /// The organisation an office word stands for ("the ministry", "the Bank", "the
    /// company"): the last one that spoke with that word in its name, else the last one named
    /// with it.
    fn office(&self, src: &Source, pos: usize) -> Option<Resolved> {
        let doc = self.doc;
        let last = src.phrase.end.checked_sub(1)?;
        if !doc.toks[last].is(Class::ORG_UNIT | Class::ORG_HEAD) {
            return None;
        }
        let head = key(doc.word(last));
        let spoke = self.recent_history(pos).find(|(_, r)| {
            r.kind == Some(SourceKind::Org)
                && r.speaker.is_some()
                && r.said_as.as_ref().is_some_and(|s| {
                    s.len() > head.len() && s.to_lowercase().split(' ').any(|w| w == head)
                })
        });
        let speaker = match spoke {
            Some((_, r)) => r.speaker.clone(),
            None => named_before(doc, src.phrase.start, &head)
                .or_else(|| self.body_spoken_nearby(src, pos, &head))
                .or_else(|| {
                    // "the company said", "the airline said": the last company that spoke.
                    speaker_name::is_company_noun(&head)
                        .then(|| {
                            // (Only a bare "the company": "the Export Council lobby group" is a
                            // body of its own, "the central bank" is no company, and "the group"
                            // is as often a group of people.)
                            let bare = src.phrase.len() == 2
                                && doc.is_word(src.phrase.start, "the")
                                && head != "group"
                                && !doc.toks[last].is_cap();
                            self.company_spoken_or_named(
                                src,
                                pos,
                                bare.then(|| pos.saturating_sub(REACH)),
                            )
                        })
                        .flatten()
                }),
        }?;
        Some(Resolved {
            speaker: Some(speaker),
            kind: Some(SourceKind::Org),
            ..Resolved::default()
        })
    }

    /// "The United Auto Workers said ... the union said": for a bare "the" and a word for a
    /// body whose name seldom holds it (`[body_nouns]` in `data/quote_words.txt`: "union",
    /// "agency", "party"), the last organisation that spoke in this paragraph or the one
    /// before, when it is no company and no government, or a party named as its members.
    fn body_spoken_nearby(&self, src: &Source, pos: usize, head: &str) -> Option<String> {
        let doc = self.doc;
        if src.phrase.len() != 2
            || !doc.is_word(src.phrase.start, "the")
            || !LISTS.body_nouns.contains(&head)
            || doc.toks[src.phrase.end - 1].is_cap()
        {
            return None;
        }
        let floor = self.paragraph_before(pos);
        self.recent_history(pos)
            .take_while(|(at, _)| *at >= floor)
            .enumerate()
            .filter(|(_, (_, r))| r.person.is_none())
            .filter_map(|(i, (_, r))| Some((i, r.kind?, r.speaker.clone()?)))
            .find(|(i, kind, s)| match kind {
                SourceKind::Org => {
                    speaker_name::classify(s) == Ok(SpeakerKind::Org) && !ends_as_company(s)
                }
                // "The Liberal Democrats say ... The party says": a party named as its
                // members, when it spoke last (after "Lib Dem spokesman Ed Davey said", "the
                // party" is his, which may not be the last party that spoke).
                SourceKind::Group => *i == 0 && speaker_name::is_party_name(s),
                _ => false,
            })
            .map(|(_, _, s)| s)
    }

    /// The company a company noun stands for: the last one that spoke, else (with `floor`)
    /// the last one named after `floor` though it never spoke.
    fn company_spoken_or_named(
        &self,
        src: &Source,
        pos: usize,
        floor: Option<usize>,
    ) -> Option<String> {
        self.recent_company(pos)
            .or_else(|| floor.and_then(|f| self.company_named_before(src.phrase.start, f)))
    }

    /// A definite phrase describing a company by its business, with no name of its own:
    /// "the airline", "the Japanese carmaker", "the world's largest miner", "Britain's
    /// biggest bank". It stands for the last company that spoke, else the last one named in
    /// this paragraph or the one before. Office words alone ("the bank", "the firm") are
    /// left to [`Self::office`], which looks for a name holding the word first; "group" is as
    /// often a group of people or a lobby, and "bank" a central bank, so they are left out.
    fn described_company(&self, src: &Source, pos: usize) -> Option<Resolved> {
        let doc = self.doc;
        let r = src.phrase.clone();
        let last = r.end.checked_sub(1).filter(|&l| l > r.start)?;
        let head = key(doc.word(last));
        if !speaker_name::is_company_noun(&head)
            || ["group", "bank"].contains(&head.as_str())
            || doc.toks[last].is_cap()
        {
            return None;
        }
        let place = |w: &str| {
            w.split('-')
                .next()
                .is_some_and(|p| speaker_name::country_named(p).is_some())
        };
        // "the ...", or a place or the world as owner: "Britain's biggest bank".
        let first = doc.word(r.start);
        let owner = |w: &str| {
            w.strip_suffix("'s")
                .is_some_and(|stem| place(stem) || stem.eq_ignore_ascii_case("world"))
        };
        if !(doc.is_word(r.start, "the") || owner(first)) {
            return None;
        }
        // Between them only lowercase words ("oil", "largest", "e-commerce"), places
        // ("Japanese", "US", "UK-based") and owners ("the UK's biggest lender"): a capitalised
        // name ("the Export Council lobby group") makes it a body of its own.
        let described = (r.start + 1..last).all(|k| {
            let t = &doc.toks[k];
            let w = doc.word(k);
            t.is_word()
                && !t.is(Class::PREP | Class::RELATIVE | Class::WH | Class::CONJ)
                && (!t.is_cap() || place(w) || owner(w))
        });
        let office_alone = r.len() == 2 && doc.toks[last].is(Class::ORG_UNIT | Class::ORG_HEAD);
        if !described || office_alone {
            return None;
        }
        // A body with an office word in its name ("National Energy Board") is no company
        // unless it ends as one.
        let speaker = self
            .company_spoken_or_named(src, pos, Some(self.paragraph_before(pos)))
            .filter(|s| {
                ends_as_company(s)
                    || !s.split(' ').any(|w| {
                        super::lexicon::LEXICON.get(w).class & (Class::ORG_UNIT | Class::ORG_HEAD)
                            != 0
                    })
            })?;
        Some(Resolved {
            speaker: Some(speaker),
            kind: Some(SourceKind::Org),
            ..Resolved::default()
        })
    }

    /// An unnamed group of people by its head noun phrase, without a leading article:
    /// "Police", "Federal and state officials", "Lawmakers". A possessive pronoun before the
    /// head goes to its owner when one is in reach ("His aides" -> "Ana Ruiz's aides"), else
    /// it is dropped ("aides"). `None` for a vague head ("some", "others", "few people",
    /// "sources"), which says nothing of who spoke. With `role`, the head is one person's
    /// role and the owner must resolve ("His ex-wife" -> "Donald Trump's ex-wife").
    fn collective(&self, phrase: Range<usize>, pos: usize, role: bool) -> Option<String> {
        let doc = self.doc;
        let mut r = phrase;
        while r.len() > 1 && ["a", "an", "the"].iter().any(|w| doc.is_word(r.start, w)) {
            r.start += 1;
        }
        // The head noun phrase ends before a modifier, a clause or an aside.
        let end = (r.start + 1..r.end)
            .find(|&k| {
                let t = &doc.toks[k];
                !t.is_word() || t.is(Class::PREP | Class::RELATIVE | Class::WH)
            })
            .unwrap_or(r.end);
        let head = end.checked_sub(1).filter(|&h| h >= r.start)?;
        let t = &doc.toks[head];
        let fits = if role {
            t.is(Class::ROLE)
        } else {
            t.is(Class::GROUP) && t.is(Class::PLURAL)
        };
        if !fits || LISTS.vague_heads.iter().any(|w| doc.is_word(head, w)) {
            return None;
        }
        let owner = if ["his", "her"].iter().any(|w| doc.is_word(r.start, w)) {
            let gender = if doc.is_word(r.start, "his") {
                Gender::Male
            } else {
                Gender::Female
            };
            r.start += 1;
            self.recent_person(pos, gender, None, None)
                .map(|p| self.reg.people[p].name.clone())
        } else if ["their", "its"].iter().any(|w| doc.is_word(r.start, w)) {
            r.start += 1;
            self.recent_history(pos)
                .find(|(_, r)| {
                    r.speaker.is_some()
                        && matches!(r.kind, Some(SourceKind::Org | SourceKind::Group))
                })
                .and_then(|(_, r)| r.speaker.clone())
        } else {
            None
        };
        if r.start >= end || role && owner.is_none() {
            return None;
        }
        let words = phrase_text(doc, r.start..end);
        Some(match owner {
            Some(o) => format!("{o}'s {words}"),
            None => words,
        })
    }

    /// The organisation or group that opens the sentence of pronoun `src`, resolved, if the
    /// pronoun can stand for it ("it" for an organisation, "they" for either).
    fn sentence_subject(&mut self, src: &Source, pos: usize, plural: bool) -> Option<Resolved> {
        let doc = self.doc;
        let start = doc.sents[doc.sent_of(src.phrase.start)].toks.start;
        let phrase = clause_subject(doc, start..src.phrase.start)?;
        if phrase.end > src.phrase.start || phrase.start == src.phrase.start {
            return None;
        }
        let subject = parse(doc, phrase, None);
        let head = &doc.toks[subject.phrase.end - 1];
        let fits = match subject.kind {
            SourceKind::Org => true,
            SourceKind::Group => plural,
            // "Clinton's campaign": an organisation noun with an owner.
            SourceKind::Generic => {
                head.is(Class::ORG_HEAD)
                    && !head.is(Class::DOCUMENT)
                    && (subject.phrase.start..subject.phrase.end)
                        .any(|k| doc.toks[k].has(flag::POSSESSIVE) && doc.toks[k].is_cap())
            }
            _ => false,
        };
        if !fits {
            return None;
        }
        let r = self.resolve(&subject, pos);
        r.speaker.is_some().then_some(r)
    }

    /// "The Liberal Democrats want to abolish the tax. They say ...": the named group (for
    /// "they") or organisation (for "it") that opens the sentence before the pronoun's, in its
    /// paragraph, when no one spoke in it: the subject of the text just read is what the
    /// pronoun stands for, more than whoever spoke before it.
    fn subject_just_before(&mut self, src: &Source, pos: usize, plural: bool) -> Option<Resolved> {
        let doc = self.doc;
        // (Only the pronoun itself: "one of them" is one of a group named elsewhere.)
        if src.phrase.len() != 1
            || !["they", "it"]
                .iter()
                .any(|w| doc.is_word(src.phrase.start, w))
            || expletive_it(doc, src)
        {
            return None;
        }
        let own = doc.sent_of(src.phrase.start);
        let before = own.checked_sub(1)?;
        let sent = doc.sents[before].toks.clone();
        if doc.sents[before].para != doc.sents[own].para
            || self
                .recent_history(pos)
                .any(|(at, _)| *at >= sent.start && *at < src.phrase.start)
        {
            return None;
        }
        let subject = parse(doc, clause_subject(doc, sent)?, None);
        // A name of its own, not a word capitalised for opening the sentence ("Often people").
        let named = subject.name.as_ref().is_some_and(|r| {
            r.clone().any(|k| {
                let t = &doc.toks[k];
                t.is_cap() && (!t.has(flag::SENT_START) || t.is(Class::PROPER | Class::PARTY))
            })
        });
        // ("A Siemens statement gave no details. But it said ...": a record is not "it".)
        let head = subject.phrase.end - 1;
        let record =
            doc.toks[head].is(Class::DOCUMENT) || speaker_name::is_record_noun(doc.word(head));
        // ("The European Commission accepted ... they added": "they" for an organisation is
        // more often someone else.)
        let fits = match subject.kind {
            SourceKind::Org => !plural && !record && named,
            SourceKind::Group => plural && named,
            _ => false,
        };
        if !fits {
            return None;
        }
        let r = self.resolve(&subject, pos);
        r.speaker.is_some().then_some(r)
    }

    /// The registered person whose surname is the source's one capitalised word, if any.
    fn lone_surname(&self, src: &Source) -> Option<usize> {
        let doc = self.doc;
        let mut r = src.phrase.clone();
        while r.len() > 1 && doc.toks[r.start].is(Class::DET) {
            r.start += 1;
        }
        if r.len() != 1 || !doc.toks[r.start].is_cap() || r.start != src.phrase.start {
            return None;
        }
        let p = self.reg.find(&[self.reg.key(doc, r.start)?])?;
        (self.reg.people[p].words.len() >= 2).then_some(p)
    }

    /// The last organisation within reach before `pos` that spoke under a company's name
    /// (not a government's or an office's).
    fn recent_company(&self, pos: usize) -> Option<String> {
        self.recent_history(pos)
            .filter(|(_, r)| {
                matches!(r.kind, Some(SourceKind::Org | SourceKind::Named)) || self.org_like(r)
            })
            .filter_map(|(_, r)| r.speaker.clone())
            .find(|s| {
                matches!(
                    speaker_name::classify(s),
                    Ok(SpeakerKind::Org | SpeakerKind::Name)
                ) && (ends_as_company(s)
                    || !s.split(' ').any(|w| {
                        super::lexicon::LEXICON.get(w).class & (Class::ORG_UNIT | Class::PARTY) != 0
                    }))
            })
    }

    /// The last group (for "they") or organisation that spoke within reach before `pos`;
    /// for "it", when none did, the last lone name that spoke and that no one in the article
    /// goes by ("Saab said. It said ..."). A name that is not known to be an organisation's
    /// stands only when nothing surer is in reach. With `party`, a party named as its members
    /// ("the Tories") counts as an organisation too.
    fn last_body_spoken(&self, pos: usize, plural: bool, party: bool) -> Option<Resolved> {
        let body = self.recent_history(pos).find(|(_, r)| {
            r.speaker.is_some()
                && match r.kind {
                    Some(SourceKind::Group) => {
                        plural
                            || party
                                && r.speaker
                                    .as_deref()
                                    .is_some_and(speaker_name::is_party_name)
                    }
                    Some(SourceKind::Org) => true,
                    Some(SourceKind::Person) => self.org_like(r),
                    _ => false,
                }
        });
        let lone = || {
            self.recent_history(pos).find(|(_, r)| {
                r.speaker.is_some() && r.kind == Some(SourceKind::Named) && self.thing_named(r)
            })
        };
        match body {
            Some((_, r)) => Some(r.clone()),
            None if !plural => lone().map(|(_, r)| r.clone()),
            None => None,
        }
    }

    /// A lone name no one in the article goes by ("Saab said", "Deloitte has warned"): a
    /// company or an agency, so a later "it" may stand for it. (A country is left out: "it"
    /// after "China said" is more often the ministry or paper that spoke before.) The name
    /// must look like no common word ("R.J. Reynolds", "GenCorp", "E-Systems") or be written
    /// capitalised inside a sentence somewhere, so a word capitalised only for opening its
    /// sentence ("Such", "Gold", "Campaigners") does not count.
    fn thing_named(&self, r: &Resolved) -> bool {
        let Some(name) = r.speaker.as_deref().filter(|_| r.person.is_none()) else {
            return false;
        };
        if !matches!(
            speaker_name::classify(name),
            Ok(SpeakerKind::Org | SpeakerKind::Name)
        ) {
            return false;
        }
        let common = Class::PRONOUN | Class::DET | Class::QUANT | Class::GROUP;
        // "MPs", "CEOs": a plural is a group, never "it".
        let plural_acronym = name
            .strip_suffix('s')
            .is_some_and(|stem| stem.len() >= 2 && stem.chars().all(|c| c.is_ascii_uppercase()));
        if plural_acronym || super::lexicon::LEXICON.get(name).class & common != 0 {
            return false;
        }
        self.written_as_name(name)
    }

    /// Is `name` more than a word capitalised for opening its sentence: several words, a
    /// shape no common word has ("GenCorp", "E-Systems"), or written capitalised inside a
    /// sentence somewhere in the text?
    fn written_as_name(&self, name: &str) -> bool {
        if name.contains(' ') || name.chars().skip(1).any(|c| !c.is_lowercase()) {
            return true;
        }
        self.capitalised_inside(name)
    }

    /// "Originally dubbed ...", "Currently ...": a lone word capitalised only because it
    /// opens its sentence is no name when the text never capitalises it inside a sentence
    /// and it reads as a common word: an adverb in "-ly" ("Sadly", not "Kelly" or
    /// "Connolly") or a word the text also writes in small letters. A plural ("Dealers
    /// said"), "Everyone" and a place speak as themselves.
    fn capitalised_only_to_open(&self, i: usize) -> bool {
        let doc = self.doc;
        let t = &doc.toks[i];
        let word = doc.word(i);
        if !t.is_cap()
            || !t.has(flag::SENT_START)
            || t.has(flag::ALL_CAPS)
            || t.is(Class::FIRST_NAME | Class::PROPER | Class::PARTY | Class::GROUP)
            || word.ends_with('s')
            || word.ends_with("men")
            || is_indefinite_pronoun(word)
            || speaker_name::country_named(word).is_some()
            || self.capitalised_inside(word)
        {
            return false;
        }
        let adverb = word.len() > 4
            && word.ends_with("ly")
            && !word[..word.len() - 2].ends_with(['l', 'e', 'i'])
            || word.len() > 5 && word.ends_with("ally");
        adverb || self.written_small(word)
    }

    /// Does the text write `word` in small letters somewhere, while it capitalises names as
    /// usual (one word in twenty or more capitalised inside a sentence; not a wire written in
    /// small letters throughout)?
    fn written_small(&self, word: &str) -> bool {
        let doc = self.doc;
        let words = doc.toks.iter().filter(|t| t.is_word()).count();
        let capitalised = doc
            .toks
            .iter()
            .filter(|t| t.is_cap() && !t.has(flag::SENT_START))
            .count();
        capitalised * 20 >= words
            && (0..doc.toks.len()).any(|k| {
                let w = doc.word(k);
                doc.toks[k].is_word()
                    && w.eq_ignore_ascii_case(word)
                    && !w.contains(char::is_uppercase)
            })
    }

    /// Is the word `name` written capitalised inside a sentence somewhere in the text?
    fn capitalised_inside(&self, name: &str) -> bool {
        let doc = self.doc;
        (0..doc.toks.len()).any(|k| {
            let t = &doc.toks[k];
            t.is_cap() && !t.has(flag::SENT_START) && doc.word(k).trim_end_matches("'s") == name
        })
    }

    /// A speaker taken for a person that nothing shows to be one ("Metro Power said"), so
    /// "the company" or "it" may stand for it.
    fn org_like(&self, r: &Resolved) -> bool {
        r.kind == Some(SourceKind::Person)
            && r.role.is_none()
            && r.affiliation.is_none()
            && r.person.is_some_and(|p| self.reg.people[p].maybe_org())
    }

    /// "In a statement, the club said ... The statement said ...": "the statement" (or "the
    /// letter", "the release") speaks for the last speaker within reach whose own sentence
    /// names a statement of that word.
    fn statement_author(&self, src: &Source, pos: usize) -> Option<Resolved> {
        let doc = self.doc;
        let r = &src.phrase;
        let word = r.end.checked_sub(1)?;
        if r.len() != 2 || !doc.is_word(r.start, "the") {
            return None;
        }
        let head = key(doc.word(word));
        if !LISTS.release_words.contains(&head.as_str()) {
            return None;
        }
        let (_, said) = self.recent_history(pos).find(|(at, r)| {
            *at < pos
                && r.speaker.is_some()
                && doc.sents[doc.sent_of(*at)]
                    .toks
                    .clone()
                    .any(|k| key(doc.word(k)) == head)
        })?;
        Some(said.clone())
    }

    /// The owner of a written statement the source phrase names ("WTO's press release", "the
    /// ministry's statement"), resolved as a source of its own; a pronoun owner ("its
    /// statement") is left to the phrase's own reading.
    fn release_owner(&mut self, src: &Source, pos: usize) -> Option<Resolved> {
        let doc = self.doc;
        let r = without_determiner(doc, src.phrase.clone());
        let head = r.end.checked_sub(1)?;
        if !LISTS.release_words.contains(&key(doc.word(head)).as_str()) {
            return None;
        }
        let owner_end = (r.start..head).find(|&k| doc.toks[k].has(flag::POSSESSIVE))? + 1;
        if doc.toks[owner_end - 1].is(Class::PRONOUN) {
            return None;
        }
        let owner = parse(doc, src.phrase.start..owner_end, None);
        let out = self.resolve_source(&owner, pos);
        out.speaker.is_some().then_some(out)
    }

    /// The author of a written statement the source phrase names ("a release from the
    /// licensing board", "a statement by Metro Power"), resolved as a source of its own.
    fn release_author(&mut self, src: &Source, pos: usize) -> Option<Resolved> {
        let doc = self.doc;
        let end = doc.sents[doc.sent_of(src.phrase.start)].toks.end;
        // The phrase may stop before its "from ..." ("according to a release").
        let by = (src.phrase.start + 1..end.min(src.phrase.end + 1)).find(|&k| {
            ["from", "by"].iter().any(|w| doc.is_word(k, w))
                && (LISTS.release_words.iter().any(|w| doc.is_word(k - 1, w))
                    || self.issued_record(k - 1, src.phrase.start)
                        // "Overnight reports from Tokyo": a report from a place is news
                        // sent from there, not the place's words.
                        && !(doc.is_word(k, "from")
                            && ["report", "reports"].iter().any(|w| doc.is_word(k - 1, w))))
        })?;
        let author = if by + 1 < src.phrase.end {
            by + 1..src.phrase.end
        } else {
            right_phrase(doc, by + 1, end)?
        };
        if author.is_empty() || !doc.toks[author.clone()].iter().any(|t| t.is_word()) {
            return None;
        }
        let author = parse(doc, author, None);
        if !matches!(
            author.kind,
            SourceKind::Org | SourceKind::Named | SourceKind::Generic | SourceKind::Person
        ) || author.phrase.is_empty()
            // "Data from the 2014 Housing Survey": a record from a record names no author.
            || doc.toks[author.phrase.end - 1].is(Class::DOCUMENT)
        {
            return None;
        }
        let r = self.resolve_source(&author, pos);
        r.speaker.is_some().then_some(r)
    }

    /// Is the word at `k` (in a phrase from `start`) a record that speaks for whoever issued
    /// it ("a report by the Chamber of Commerce", "figures from the trade ministry", "data
    /// from Nielsen")? Not "senior figures from the party", who are people.
    fn issued_record(&self, k: usize, start: usize) -> bool {
        let doc = self.doc;
        let t = &doc.toks[k];
        // "figures" after a word of its own phrase: a count only after a determiner, a
        // time or a data word.
        let counted = || {
            let p = &doc.toks[k - 1];
            !p.is_word()
                || p.is(Class::DET | Class::TIME)
                || speaker_name::is_record_noun(doc.word(k - 1))
                || LISTS.data_words.contains(&key(doc.word(k - 1)).as_str())
        };
        t.is(Class::DOCUMENT)
            && !t.is(Class::ROLE_ANY | Class::GROUP)
            && (!doc.is_word(k, "figures") || k <= start || counted())
    }

    /// The person a role phrase is given to by name right after it, between a comma and the
    /// end of the sentence or another comma ("said its chairman, Sir Anthony Greener.");
    /// `None` when anything but a name follows ("the chairman, who joined in May").
    fn named_after_role(&self, src: &Source, role: Range<usize>) -> Option<Range<usize>> {
        let doc = self.doc;
        let comma = src.phrase.end;
        let head = role.end.checked_sub(1)?;
        if comma + 2 >= doc.toks.len()
            || !doc.is_punct(comma, ',')
            || !doc.toks[head].is(Class::ROLE)
            || doc.toks[comma].in_quote()
        {
            return None;
        }
        let sent_end = doc.sents[doc.sent_of(comma)].toks.end;
        let mut end = comma + 1;
        while end < sent_end
            && (names::is_name_token(doc, end) || doc.toks[end].is(Class::HONORIFIC))
            && !doc.toks[end].in_quote()
        {
            end += 1;
        }
        let closed = end == sent_end
            || doc.is_punct(end, ',')
            || doc.is_punct(end, '.')
            || doc.is_punct(end, ';');
        if !closed || end - (comma + 1) > 5 {
            return None;
        }
        let name = names::trailing_name(doc, comma + 1..end)?;
        (name.len() >= 2 && !doc.toks[name.end - 1].has(flag::POSSESSIVE)).then_some(name)
    }

    /// The first token of the paragraph before the one holding `pos` (of its own paragraph
    /// when it is the first).
    fn paragraph_before(&self, pos: usize) -> usize {
        let doc = self.doc;
        let para = doc.sents[doc.sent_of(pos.min(doc.toks.len().saturating_sub(1)))].para;
        doc.paras[para.saturating_sub(1)].start
    }

    /// The last company named between `floor` and `pos`, though it never spoke: a name
    /// opening a sentence ("But Ford declined ..."), an owner ("WPP's profits"), a name with
    /// a company noun beside it ("Cairn Energy, a UK oil firm"), a traded one ("shares in
    /// Jarvis") or one with a company suffix. A person, a place, a government body or a word
    /// capitalised only for opening its sentence is none.
    fn company_named_before(&self, pos: usize, floor: usize) -> Option<String> {
        let doc = self.doc;
        let mut k = pos.min(doc.toks.len());
        while k > floor {
            k -= 1;
            if !doc.toks[k].is_cap() || doc.toks[k].in_quote() {
                continue;
            }
            let end = k + 1;
            let a = cap_run_start(doc, k, floor);
            k = a;
            let s = (a..end)
                .find(|&s| !doc.toks[s].is(NOT_IN_COMPANY_NAME))
                .unwrap_or(end);
            if s >= end {
                continue;
            }
            let text = name_text(doc, s..end);
            if (written_as_company(doc, s, end) || ends_as_company(&text))
                && self.may_be_company(a..end, s, &text)
            {
                return Some(text);
            }
        }
        None
    }

    /// Can the capitalised words `s..end` (`text`, in the run `run`) be a company's name: no
    /// place in the run ("New Zealand's", "US-German carmaker"), no plural acronym ("MPs"),
    /// no person the article names, a name the check takes as an organisation, and no office
    /// ("Treasury") unless it ends as a company does?
    fn may_be_company(&self, run: Range<usize>, s: usize, text: &str) -> bool {
        let doc = self.doc;
        let end = run.end;
        let placed = speaker_name::country_named(&name_text(doc, run)).is_some()
            || text
                .split(['-', ' '])
                .any(|w| speaker_name::country_named(w).is_some());
        // "MPs", "CEOs": a plural is a group.
        let plural_acronym = text
            .strip_suffix('s')
            .is_some_and(|stem| stem.len() >= 2 && stem.chars().all(|c| c.is_ascii_uppercase()));
        if placed || plural_acronym {
            return false;
        }
        if self
            .reg
            .keys(doc, s..end)
            .and_then(|w| self.reg.find(&w))
            .is_some_and(|p| !self.reg.people[p].maybe_org())
        {
            return false;
        }
        let office = text
            .split(' ')
            .any(|w| super::lexicon::LEXICON.get(w).class & (Class::ORG_UNIT | Class::PARTY) != 0);
        matches!(
            speaker_name::classify(text),
            Ok(SpeakerKind::Org | SpeakerKind::Name)
        ) && speaker_name::country_named(text).is_none()
            && (!office || ends_as_company(text))
            && self.written_as_name(text)
            // "Pre-tax": a hyphenated common word capitalised for opening its sentence.
            && (text.contains(' ')
                || text.chars().skip(1).any(char::is_uppercase)
                || self.capitalised_inside(text))
    }

    /// Whose words "the report", "the paper" or "the book" are: for a paper, the last
    /// newspaper that spoke; else the issuer of the last such record written before `pos`
    /// ("a report by the WTO", "the ITIF report", "ITIF estimated in a recent report", "the
    /// commission published a report").
    fn record_issuer(&mut self, src: &Source, pos: usize) -> Option<Resolved> {
        let doc = self.doc;
        let r = src.phrase.clone();
        let head = r.end.checked_sub(1)?;
        let word = key(doc.word(head));
        if r.len() < 2
            || !doc.is_word(r.start, "the")
            || !speaker_name::is_record_noun(&word)
            || (r.start + 1..head)
                .any(|k| doc.toks[k].is_cap() || doc.toks[k].has(flag::POSSESSIVE))
        {
            return None;
        }
        if matches!(word.as_str(), "paper" | "newspaper" | "daily")
            && let Some((_, said)) = self.recent_history(pos).find(|(at, r)| {
                *at < pos
                    && r.person.is_none()
                    && r.speaker.is_some()
                    && r.said_as.as_deref().is_some_and(speaker_name::is_outlet)
            })
        {
            return Some(said.clone());
        }
        let floor = pos.saturating_sub(REACH);
        let plural = format!("{word}s");
        let mentions: Vec<usize> = (floor..r.start)
            .rev()
            .filter(|&k| {
                let w = key(doc.word(k));
                (w == word || w == plural) && !doc.toks[k].in_quote()
            })
            .collect();
        for k in mentions {
            if let Some(found) = self.issuer_at(k, pos) {
                return Some(found);
            }
        }
        None
    }

    /// The issuer of the record word at `k`, from the words around it.
    fn issuer_at(&mut self, k: usize, pos: usize) -> Option<Resolved> {
        let sent = self.doc.sents[self.doc.sent_of(k)].toks.clone();
        self.issuer_short_name(k, &sent)
            .or_else(|| self.issuer_by(k, pos, &sent))
            .or_else(|| self.issuer_named_before(k, &sent))
            .or_else(|| self.issuer_spoken_in(pos, &sent))
            .or_else(|| self.issuer_subject(k, pos, &sent))
    }

    /// "The annual report of the Economic and Social Commission for Asia and the Pacific
    /// (ESCAP)": the name's own short form, which a cut of the long one would miss.
    fn issuer_short_name(&self, k: usize, sent: &Range<usize>) -> Option<Resolved> {
        let doc = self.doc;
        if ["of", "by", "from"].iter().any(|w| doc.is_word(k + 1, w))
            && let Some(open) = (k + 2..sent.end.min(k + 20))
                .take_while(|&j| {
                    doc.toks[j].is_word() || doc.is_punct(j, '(') || doc.is_punct(j, '.')
                })
                .find(|&j| doc.is_punct(j, '('))
            && doc.is_punct(open + 2, ')')
            && doc.toks[open + 1].has(flag::ALL_CAPS)
            && (k + 2..open).any(|j| doc.toks[j].is_cap())
        {
            return Some(Resolved {
                speaker: Some(name_text(doc, open + 1..open + 2)),
                kind: Some(SourceKind::Org),
                ..Resolved::default()
            });
        }
        None
    }

    /// "a report by the Federal Trade Commission", "the book, by Robert Peston".
    fn issuer_by(&mut self, k: usize, pos: usize, sent: &Range<usize>) -> Option<Resolved> {
        let doc = self.doc;
        let by = if doc.is_punct(k + 1, ',') {
            k + 2
        } else {
            k + 1
        };
        if by + 1 >= sent.end || !["by", "from"].iter().any(|w| doc.is_word(by, w)) {
            return None;
        }
        let author = right_phrase(doc, by + 1, sent.end)?;
        // "the Chamber of Commerce": an organisation's name with its "of" words.
        let whole = phrase_text(doc, without_determiner(doc, author.clone()));
        if matches!(
            speaker_name::classify(&whole),
            Ok(SpeakerKind::Org | SpeakerKind::Government)
        ) {
            return Some(Resolved {
                speaker: Some(whole),
                kind: Some(SourceKind::Org),
                ..Resolved::default()
            });
        }
        let author = parse(doc, author, None);
        if !matches!(
            author.kind,
            SourceKind::Org | SourceKind::Named | SourceKind::Person
        ) {
            return None;
        }
        let r = self.resolve_source(&author, pos);
        speaks_as_body(&r).then_some(r)
    }

    /// "the Federal Trade Commission (FTC) report", "the WTO's report": the acronym in
    /// brackets, or the capitalised words, before the record word at `k`.
    fn issuer_named_before(&self, k: usize, sent: &Range<usize>) -> Option<Resolved> {
        let doc = self.doc;
        let mut end = k;
        if end > sent.start && doc.is_punct(end - 1, ')') && end >= 3 && doc.is_punct(end - 3, '(')
        {
            end -= 1;
            let acronym = end - 1;
            if doc.toks[acronym].has(flag::ALL_CAPS) {
                let name = name_text(doc, acronym..acronym + 1);
                if speaker_name::is_speaker_name(&name) {
                    return Some(Resolved {
                        speaker: Some(name),
                        kind: Some(SourceKind::Org),
                        ..Resolved::default()
                    });
                }
            }
        }
        let mut a = end;
        while a > sent.start
            && doc.toks[a - 1].is_cap()
            && !doc.toks[a - 1].in_quote()
            && !doc.toks[a - 1].is(Class::DET | Class::SENTENCE_WORD)
            && (a == end || !doc.toks[a - 1].has(flag::POSSESSIVE))
        {
            a -= 1;
        }
        // ("the Beige Book", "a Presidential Memorandum": capitalised words before a
        // capitalised record word are its title, not its issuer.)
        let titled = doc.toks[k].is_cap() && !doc.toks[end.saturating_sub(1)].has(flag::POSSESSIVE);
        if a >= end || titled {
            return None;
        }
        let name = name_text(doc, a..end);
        if !speaker_name::is_speaker_name(&name) || speaker_name::country_named(&name).is_some() {
            return None;
        }
        let kind = match speaker_name::classify(&name) {
            Ok(SpeakerKind::Person) => SourceKind::Person,
            _ => SourceKind::Org,
        };
        Some(Resolved {
            speaker: Some(name),
            kind: Some(kind),
            ..Resolved::default()
        })
    }

    /// "ITIF estimated in a recent report": who spoke in that sentence, before `pos`.
    fn issuer_spoken_in(&self, pos: usize, sent: &Range<usize>) -> Option<Resolved> {
        self.recent_history(pos)
            .find(|(at, r)| {
                sent.contains(at)
                    && *at < pos
                    && r.speaker.is_some()
                    && r.person.is_none()
                    && r.kind != Some(SourceKind::Group)
            })
            .map(|(_, said)| said.clone())
    }

    /// "The commission published a report on Monday": the subject of a verb of issuing
    /// before the record word at `k`.
    fn issuer_subject(&mut self, k: usize, pos: usize, sent: &Range<usize>) -> Option<Resolved> {
        let doc = self.doc;
        let issued =
            (sent.start..k).any(|j| LISTS.issuing_verbs.contains(&key(doc.word(j)).as_str()));
        if !issued {
            return None;
        }
        let subject = parse(doc, clause_subject(doc, sent.start..k)?, None);
        if !matches!(subject.kind, SourceKind::Org | SourceKind::Named) {
            return None;
        }
        let r = self.resolve_source(&subject, pos);
        speaks_as_body(&r).then_some(r)
    }

    /// Is the source phrase "the government" and nothing more?
    fn is_bare_government(&self, src: &Source) -> bool {
        let doc = self.doc;
        let r = without_determiner(doc, src.phrase.clone());
        r.len() == 1 && doc.is_word(r.start, "government") && doc.is_word(src.phrase.start, "the")
    }

    /// The government "the government" at `pos` stands for: the last one named before it with
    /// its country ("the Japanese government", "Brazil's government"), else the government
    /// of the country the article names most before `pos`, a seat of government counting
    /// three times (the first named of those named as often). `None` when the article names
    /// no country.
    fn government(&self, pos: usize) -> Option<String> {
        let doc = self.doc;
        let cap = |k: usize| doc.toks[k].is_word() && doc.toks[k].is_cap();
        for k in (1..pos.min(doc.toks.len())).rev() {
            if !doc.is_word(k, "government") {
                continue;
            }
            for n in [2, 1] {
                if k < n || !(k - n..k).all(cap) {
                    continue;
                }
                let text = phrase_text(doc, k - n..k);
                if let Some(code) = speaker_name::country_named(&text) {
                    return if speaker_name::is_country_modifier(&text) {
                        Some(format!("{text} government"))
                    } else {
                        speaker_name::government_of(code)
                    };
                }
            }
        }
        // (country, times named, first named)
        let mut named: Vec<(CountryCode, usize, usize)> = Vec::new();
        let mut k = 0;
        while k < pos.min(doc.toks.len()) {
            if !cap(k) {
                k += 1;
                continue;
            }
            let two = (k + 1 < pos && cap(k + 1))
                .then(|| speaker_name::country_named(&phrase_text(doc, k..k + 2)))
                .flatten();
            let (code, len) = match two {
                Some(c) => (Some(c), 2),
                None => (speaker_name::country_named(doc.word(k)), 1),
            };
            if let Some(code) = code {
                let weight = speaker_name::government_weight(&phrase_text(doc, k..k + len));
                match named.iter_mut().find(|(c, _, _)| *c == code) {
                    Some(entry) => entry.1 += weight,
                    None => named.push((code, weight, k)),
                }
            }
            k += len;
        }
        let (code, _, _) = named
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))?;
        speaker_name::government_of(code)
    }

    /// The person the article is about, standing for an office after "the" that no one named
    /// before holds (see [`Self::office_holder`]). For an office only one person holds ("the
    /// prime minister", see [`speaker_name::is_single_office`]) that is enough; for an office
    /// held for a place, a party or a body ("the Tory leader", "the Vermont senator", see
    /// [`Self::held_for`]) that person must also be the one last speaking or opening a clause,
    /// of a party that agrees.
    fn article_office_holder(
        &self,
        src: &Source,
        pos: usize,
        role: &Range<usize>,
        keys: &[String],
        party: Option<&str>,
    ) -> Option<usize> {
        let words: Vec<&str> = keys.iter().map(|w| full_title(w)).collect();
        if speaker_name::is_single_office(&words) {
            return self.office_holder(pos, src.gender);
        }
        if !self.held_for(role, keys) {
            return None;
        }
        let p = self.office_holder(pos, src.gender)?;
        (self.recent_person(pos, src.gender, None, party) == Some(p)).then_some(p)
    }

    /// Whether the role words `role` (their keys `keys`) name an office held for a place, a
    /// party or a body: capitalised words or a party before a held office
    /// ([`speaker_name::is_held_office`]), and no word such as "former" or "deputy" that
    /// makes it another office.
    fn held_for(&self, role: &Range<usize>, keys: &[String]) -> bool {
        let doc = self.doc;
        let head = role.end - 1;
        let before = role.start..head;
        let affiliated = before
            .clone()
            .any(|k| doc.toks[k].is_cap() || doc.toks[k].is(Class::PARTY))
            && before.clone().all(|k| {
                let t = &doc.toks[k];
                t.is_word()
                    && !t.has(flag::POSSESSIVE)
                    && !speaker_name::is_office_modifier(&keys[k - role.start])
                    && (t.is_cap() || t.is(Class::PARTY | Class::ROLE_MOD))
            });
        affiliated && speaker_name::is_held_office(full_title(&keys[keys.len() - 1]))
    }

    /// The person an office [`Self::held_by_one`] at `pos` stands for when no one named
    /// before holds it: the person the article is about, whose office it never gave. Of the
    /// people named before `pos` and within reach, with no office of their own and a fitting
    /// gender, the one named most (a mention opening a clause counting twice); `None` on a tie.
    fn office_holder(&self, pos: usize, gender: Gender) -> Option<usize> {
        let mut score: Vec<(usize, usize)> = Vec::new(); // (person, score)
        for (_, p) in self.reg.mentions_before(pos, usize::MAX, false) {
            match score.iter_mut().find(|(q, _)| *q == p) {
                Some(e) => e.1 += 1,
                None => score.push((p, 1)),
            }
        }
        for (_, p) in self.reg.mentions_before(pos, usize::MAX, true) {
            if let Some(e) = score.iter_mut().find(|(q, _)| *q == p) {
                e.1 += 1;
            }
        }
        let recent: Vec<usize> = self
            .reg
            .mentions_before(pos, REACH, false)
            .map(|(_, p)| p)
            .collect();
        // "The premier insisted Mr Brown will ...": no one named beside the office holds it.
        let sent = self.doc.sents[self.doc.sent_of(pos)].toks.clone();
        let beside: Vec<usize> = self
            .reg
            .mentions_before(sent.end, sent.len(), false)
            .filter(|&(at, _)| at >= sent.start)
            .map(|(_, p)| p)
            .collect();
        let office_free = |p: usize| {
            self.reg.people[p]
                .role_words
                .iter()
                .all(|w| super::lexicon::LEXICON.get(w).class & Class::ROLE == 0)
        };
        let mut best: Option<(usize, usize)> = None;
        let mut tie = false;
        for &(p, n) in &score {
            // (A lone given name, "Ian", is too little to hold an office by.)
            if !recent.contains(&p)
                || beside.contains(&p)
                || self.reg.people[p].words.len() < 2
                || !gender.fits(self.reg.people[p].gender)
                || !office_free(p)
            {
                continue;
            }
            match best {
                Some((_, m)) if m > n => {}
                Some((_, m)) if m == n => tie = true,
                _ => {
                    best = Some((p, n));
                    tie = false;
                }
            }
        }
        best.filter(|_| !tie).map(|(p, _)| p)
    }

    /// "a Mitsui spokesman said ... The spokesman added": the words of the latest source
    /// before `pos` that named no person but held the office word `head`, when it spoke in the
    /// paragraph of `pos` or the one before.
    fn unnamed_holder(&self, pos: usize, head: &str, gender: Gender) -> Option<String> {
        let doc = self.doc;
        let para = |k: usize| doc.sents[doc.sent_of(k)].para;
        let here = para(pos.min(doc.toks.len().saturating_sub(1)));
        let (at, r) = self.recent_history(pos).find(|(at, r)| {
            *at < pos
                && r.person.is_none()
                && r.kind == Some(SourceKind::RoleMention)
                && r.speaker.is_some()
        })?;
        let said = r.speaker.as_deref()?;
        // ("a company spokesman" spoke for the company: its role tells the office.)
        let titled = r.role.as_deref().unwrap_or(said);
        let last = key(titled.rsplit(' ').next()?);
        (full_title(&last) == head && gender.fits(r.gender) && para(*at) + 1 >= here)
            .then(|| said.to_string())
    }

    /// The attributions within reach before `pos`, the latest first.
    fn recent_history(&self, pos: usize) -> impl Iterator<Item = &(usize, Resolved)> {
        self.history
            .iter()
            .rev()
            .take_while(move |(p, _)| pos.saturating_sub(*p) < REACH)
    }

    /// Fill `out` from register person `p`.
    fn person(&self, out: &mut Resolved, p: usize) {
        let person = &self.reg.people[p];
        out.speaker = Some(person.name.clone());
        out.person = Some(p);
        out.kind = Some(SourceKind::Person);
        if out.role.is_none() {
            out.role = person.role.clone();
        }
        if out.affiliation.is_none() {
            out.affiliation = person.affiliation.clone();
        }
    }

    /// "The Liberal Democrat leader predicted" far from "Lib Dem leader Charles Kennedy": the
    /// one person named anywhere before `pos` with role head `head` (and, when the mention
    /// names a party, not of another party); `None` when no one or more than one fits.
    fn sole_holder(
        &self,
        pos: usize,
        gender: Gender,
        head: &str,
        party: Option<&str>,
    ) -> Option<usize> {
        // "Chris Christie added ... The governor claimed": the person just quoted, whose role
        // the article never gave, is more likely meant than a governor named further back.
        let latest = self
            .recent_history(pos)
            .find(|(at, r)| *at < pos && r.person.is_some())
            .and_then(|(_, r)| r.person);
        if latest.is_some_and(|p| self.reg.people[p].role_words.is_empty()) {
            return None;
        }
        let mut found: Option<usize> = None;
        for (_, p) in self.reg.mentions_before(pos, usize::MAX, false) {
            if found == Some(p) {
                continue;
            }
            let person = &self.reg.people[p];
            let fits = gender.fits(person.gender)
                && person.role_words.iter().any(|w| full_title(w) == head)
                && party.is_none_or(|want| {
                    let said = parties(person.role_words.iter().map(String::as_str));
                    said.is_empty() || said.contains(&want)
                });
            if fits {
                if found.is_some() {
                    return None;
                }
                found = Some(p);
            }
        }
        found
    }

    /// The person most recently speaking or opening a clause before `pos`, of a fitting
    /// gender and, if `role` is given, with that role word.
    fn recent_person(
        &self,
        pos: usize,
        gender: Gender,
        role: Option<&str>,
        party: Option<&str>,
    ) -> Option<usize> {
        let role_fits = |p: usize| {
            let person = &self.reg.people[p];
            role.is_none_or(|want| person.role_words.iter().any(|w| full_title(w) == want))
                && party.is_none_or(|want| {
                    // What the article says of the person's party must agree, when it says.
                    let said = parties(person.role_words.iter().map(String::as_str));
                    said.is_empty() || said.contains(&want)
                })
        };
        let gender_fits = |p: usize| gender.fits(self.reg.people[p].gender);
        let mut best: Option<(usize, usize)> = None; // (position, person)
        for (at, r) in self.history.iter().rev() {
            if *at >= pos {
                continue;
            }
            if pos - at > REACH {
                break;
            }
            if let Some(p) = r.person
                && gender_fits(p)
                && role_fits(p)
            {
                best = Some((*at, p));
                break;
            }
        }
        // Mentions in the text, the latest first (subjects only, unless a role is asked for).
        let events = self.reg.mentions_before(pos, REACH, role.is_none());
        for (at, p) in events {
            if best.is_some_and(|(b, _)| b >= at) {
                break;
            }
            if gender_fits(p) && role_fits(p) {
                best = Some((at, p));
                break;
            }
        }
        best.map(|(_, p)| p)
    }
}

/// "It is often said that ...": an "it" before a form of "be" stands for no one in particular.
fn expletive_it(doc: &Doc, src: &Source) -> bool {
    doc.is_word(src.phrase.start, "it")
        && ["is", "was", "'s", "be", "been", "were"]
            .iter()
            .any(|w| doc.is_word(src.phrase.end, w))
}

/// Does a name end in a company suffix ("National Distillers and Chemical Corp")? Then it is
/// a company's, whatever office words it holds.
fn ends_as_company(name: &str) -> bool {
    name.rsplit(' ')
        .next()
        .is_some_and(|w| speaker_name::is_company_suffix(w.trim_end_matches('.')))
}

/// Words that open a capitalised run without being part of a company's name.
const NOT_IN_COMPANY_NAME: u64 = Class::DET
    | Class::CONJ
    | Class::PREP
    | Class::SENTENCE_WORD
    | Class::PRONOUN
    | Class::ADVERB
    | Class::TIME
    | Class::HONORIFIC
    | Class::ROLE_ANY
    | Class::QUANT;

/// Where the run of capitalised words that ends at `k` starts, not before `floor`: "Marsh &
/// McLennan" (an ampersand between capitalised words joins them), not over a possessive or
/// back from a sentence's first word.
fn cap_run_start(doc: &Doc, k: usize, floor: usize) -> usize {
    let joins = |j: usize| {
        doc.toks[j].is_cap() || doc.is_punct(j, '&') && j > floor && doc.toks[j - 1].is_cap()
    };
    let mut a = k;
    while a > floor
        && joins(a - 1)
        && !doc.toks[a - 1].in_quote()
        && !doc.toks[a - 1].has(flag::POSSESSIVE)
        && !doc.toks[a].has(flag::SENT_START)
    {
        a -= 1;
    }
    a
}

/// Is the name `s..end` written where a company stands: opening its sentence before a
/// lowercase word, as an owner ("WPP's profits"), with a company noun in an aside after it
/// ("Cairn Energy, a UK oil firm") or before it ("carmaker DaimlerChrysler"), or after
/// "shares in"?
fn written_as_company(doc: &Doc, s: usize, end: usize) -> bool {
    let sent = doc.sents[doc.sent_of(s)].toks.clone();
    let opens = (sent.start..s).all(|j| {
        !doc.toks[j].is_word() || doc.toks[j].is(Class::DET | Class::CONJ | Class::SENTENCE_WORD)
    });
    let next_lower = end < sent.end
        && (doc.toks[end].is_word() && !doc.toks[end].is_cap() || doc.is_punct(end, ','));
    let owner = doc.toks[end - 1].has(flag::POSSESSIVE);
    let beside = doc.is_punct(end, ',')
        && ["a", "an", "the"].iter().any(|w| doc.is_word(end + 1, w))
        && (end + 2..(end + 8).min(sent.end)).any(|j| {
            doc.toks[j].is_word()
                && !doc.toks[j].is_cap()
                && speaker_name::is_company_noun(doc.word(j))
        });
    let traded = s >= 2 && doc.is_word(s - 1, "in") && doc.is_word(s - 2, "shares");
    let called = s > 0
        && doc.toks[s - 1].is_word()
        && !doc.toks[s - 1].is_cap()
        && speaker_name::is_company_noun(doc.word(s - 1));
    opens && next_lower || owner || beside || traded || called
}

/// Does a resolved source speak as a body that can issue a record: an organisation, a
/// government, or a name?
fn speaks_as_body(r: &Resolved) -> bool {
    r.speaker.as_deref().is_some_and(|s| {
        matches!(
            speaker_name::classify(s),
            Ok(SpeakerKind::Org
                | SpeakerKind::Government
                | SpeakerKind::Name
                | SpeakerKind::Person)
        )
    })
}

/// "senior" or "top" before an unnamed voice ("a senior ministry official"), which says
/// nothing of whose voice it is.
fn is_rank_word(doc: &Doc, k: usize) -> bool {
    ["senior", "top"].iter().any(|w| doc.is_word(k, w))
}

/// "Everyone", "Nobody", "Someone": a pronoun for people, which speaks as a group.
fn is_indefinite_pronoun(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    ["every", "any", "no", "some"].iter().any(|p| {
        w.strip_prefix(p)
            .is_some_and(|r| ["one", "body", "-one"].contains(&r))
    })
}

#[cfg(test)]
mod tests {
    use super::super::extract;

    /// The speaker of each attribution in `body`, in order.
    pub(super) fn speakers(body: &str) -> Vec<Option<String>> {
        extract(body).into_iter().map(|a| a.speaker).collect()
    }

    /// The speaker of the last attribution in `body`.
    pub(super) fn last(body: &str) -> Option<String> {
        speakers(body).last().cloned().flatten()
    }

    #[test]
    fn the_company_is_the_company_the_text_is_about_though_it_never_spoke() {
        // Opening a sentence, as an owner, beside a company noun, traded.
        for (body, want) in [
            (
                "Profits at the car maker fell. But Fordham declined to give a forecast. \
                 Prices will rise, the company said.",
                "Fordham",
            ),
            (
                "Events such as the games helped lift WPX's profits last year. \
                 The company said the elections would bring more adverts.",
                "WPX",
            ),
            (
                "Shares in Cairn Oil, a UK energy firm, fell 18%. \
                 The company said tests had found nothing.",
                "Cairn Oil",
            ),
            (
                "Regulators are looking at the insurer Marsh & Lenman over its fees. \
                 The firm said it would cooperate.",
                "Marsh & Lenman",
            ),
        ] {
            assert_eq!(last(body).as_deref(), Some(want), "{body}");
        }
    }

    #[test]
    fn the_company_is_no_person_place_or_sentence_opener() {
        for body in [
            // A person, a country, a word capitalised for opening its sentence, a body whose
            // name holds an office word.
            "Peter Grant runs the shop. The company said sales were flat.",
            "New Zealand's exports rose. The company said sales were flat.",
            "Sales rose in May. Prices will hold, the company said.",
            // "the central bank" and "the group" are not the company named before.
            "RHB, the third-biggest lender, wants a partner. Growth slowed, and the central \
             bank said it expected a rise.",
            "Save Our Mills will field a candidate. The group said it had 350 volunteers.",
            "The National Energy Board said supplies were ample. \
             Prices will hold, the company said.",
        ] {
            assert_eq!(last(body), None, "{body}");
        }
    }

    #[test]
    fn a_described_company_is_the_company_named_before() {
        for (body, want) in [
            (
                "Last year Norvex's profits fell by a third. \
                 The oil giant said its output would rise.",
                "Norvex",
            ),
            (
                "Tovata Motor plans a new plant in India. \
                 The Japanese carmaker said the plant would open in 2007.",
                "Tovata Motor",
            ),
            (
                "Shares in Brandt Mining rose 4%. \
                 The world's largest miner said copper demand was strong.",
                "Brandt Mining",
            ),
            (
                "Cobalt Jet said it would cut fares. The US carrier said it would add routes.",
                "Cobalt Jet",
            ),
            (
                "Ryanjet said the new planes would cut costs. \
                 The airline said it would add routes.",
                "Ryanjet",
            ),
        ] {
            assert_eq!(last(body).as_deref(), Some(want), "{body}");
        }
    }

    #[test]
    fn a_described_company_needs_a_company_before_it() {
        for (body, not_this) in [
            // A person; a body that is no company.
            (
                "Peter Grant runs the shop. The Japanese carmaker said sales were flat.",
                "Peter Grant",
            ),
            (
                "The National Energy Board said supplies were ample. \
                 The world's largest miner said copper prices would rise.",
                "National Energy Board",
            ),
            // An indefinite phrase is another company.
            (
                "Norvex said output fell. A rival oil giant said its output rose.",
                "Norvex",
            ),
            // A company named two paragraphs before, which never spoke, is out of reach.
            (
                "Shares in Norvex fell.\n\nPrices rose.\n\nThe oil giant said output rose.",
                "Norvex",
            ),
        ] {
            assert_ne!(last(body).as_deref(), Some(not_this), "{body}");
        }
    }

    #[test]
    fn it_is_the_company_of_the_paragraph() {
        assert_eq!(
            last("Shares in Amex Corp surged after it said it would sell its advice arm.")
                .as_deref(),
            Some("Amex Corp")
        );
        // "It is said": no one in particular.
        assert_eq!(
            last("Dalton Corp has grown fast. It is often said that trust is lacking."),
            None
        );
    }

    #[test]
    fn a_record_speaks_for_whoever_issued_it() {
        for (body, want) in [
            // By its issuer's name before it, with its short form, after "by".
            (
                "A Federal Trade Commission (FTC) report said quotas raise prices. \
                 Jobs would be lost, the report said.",
                "FTC",
            ),
            (
                "Tariffs would cost jobs, according to a recent report by the Chamber of \
                 Commerce. The report said farmers would be hit hardest.",
                "Chamber of Commerce",
            ),
            (
                "The annual report of the Commission for Asia and the Pacific (ESCAP) was \
                 out on Monday. The report said growth would slow.",
                "ESCAP",
            ),
            // The newspaper that spoke last.
            (
                "The deal has been delayed, according to the Financial Times. \
                 The paper said officials were irritated.",
                "Financial Times",
            ),
        ] {
            assert_eq!(last(body).as_deref(), Some(want), "{body}");
        }
    }

    #[test]
    fn a_record_of_no_named_issuer_stays_empty() {
        for body in [
            "A new report was out on Monday. The report said growth would slow.",
            // A title is no issuer; a person quoted beside the record did not write it.
            "The Beige Book came out on Monday. The report said prices were steady.",
            "Mr Lin said at the forum that a report was due. Trade fell, the report said.",
        ] {
            assert_eq!(last(body), None, "{body}");
        }
    }

    #[test]
    fn a_role_given_a_name_after_a_comma_is_that_person() {
        assert_eq!(
            last("\"We are pleased,\" said its chairman, Sir Anthony Greener.").as_deref(),
            Some("Anthony Greener")
        );
        // Not a name after the comma: the role alone.
        let s = speakers("\"We are pleased,\" said its chairman, who joined in May.");
        assert_ne!(s.last().cloned().flatten().as_deref(), Some("who"));
    }

    #[test]
    fn an_occupation_before_a_name_is_not_part_of_it() {
        assert_eq!(
            last("\"It was a hard game,\" said Flanker Martyn Williams.").as_deref(),
            Some("Martyn Williams")
        );
        assert_eq!(
            last("\"I loved it,\" said Film-maker Spike Lee.").as_deref(),
            Some("Spike Lee")
        );
    }
}
