//! Names of people: finding them in running text, and the article's register of who is who.
//!
//! A person mention is a run of capitalised words that reads as a name, either because a title
//! or role word stands before it ("President Donald Trump", "spokesperson Geng Shuang", "Mr.
//! Garin") or because it opens with a known given name ("Hillary Clinton"). The [`Register`]
//! keeps each person once, under the longest form the article uses, with what it says of them
//! (role, gender), so "Rubio", "Mr Rubio" and "Secretary Rubio" all come back as "Marco Rubio".
//! Both the quote finder and [`crate::enrich::people`] use it.

use std::ops::Range;

use super::lexicon::{Class, LEXICON, pack_ascii_lower};
use super::text::{Doc, Kind, flag};
use super::words::LISTS;
use rustc_hash::FxHashMap as FxMap;

/// Grammatical gender of a person, when the article shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Gender {
    #[default]
    Unknown,
    Male,
    Female,
}

impl Gender {
    pub fn from_class(class: u64) -> Gender {
        if class & Class::FEMALE != 0 && class & Class::MALE == 0 {
            Gender::Female
        } else if class & Class::MALE != 0 && class & Class::FEMALE == 0 {
            Gender::Male
        } else {
            Gender::Unknown
        }
    }

    /// Can a mention of gender `self` refer to a person of gender `other`?
    pub fn fits(self, other: Gender) -> bool {
        self == Gender::Unknown || other == Gender::Unknown || self == other
    }
}

/// Can token `i` be part of a personal name?
pub(crate) fn is_name_token(doc: &Doc, i: usize) -> bool {
    let t = &doc.toks[i];
    if t.kind != Kind::Word || t.has(flag::NUMBER) {
        return false;
    }
    if t.is(Class::SUFFIX) && t.is_cap() {
        return true;
    }
    if !t.is_cap() || is_placed_modifier(doc.word(i)) {
        return false;
    }
    if t.is(Class::FIRST_NAME) {
        return true;
    }
    !t.is(Class::HONORIFIC
        | Class::ROLE
        | Class::ROLE_MOD
        | Class::ORG_UNIT
        | Class::ORG_HEAD
        | Class::PARTY
        | Class::GROUP
        | Class::PRONOUN
        | Class::DET
        | Class::TIME
        | Class::CUE
        | Class::SENTENCE_WORD
        | Class::PREP
        | Class::CONJ)
}

/// Is `word` a hyphenated adjective that places or ties a name ("Paris-based")?
pub(crate) fn is_placed_modifier(word: &str) -> bool {
    let w = word.as_bytes();
    word.contains('-')
        && LISTS.placed_endings.iter().any(|e| {
            w.len() >= e.len() && w[w.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes())
        })
}

/// A lowercase particle inside a name ("de", "bin") when names stand on both sides.
fn is_inner_particle(doc: &Doc, i: usize) -> bool {
    let t = &doc.toks[i];
    t.is_word()
        && t.is(Class::PARTICLE)
        && !t.is_cap()
        && i + 1 < doc.toks.len()
        && doc.toks[i + 1].is_cap()
}

/// The name at the end of `r`: the longest run of name tokens that ends at `r.end` (a
/// possessive last word is allowed), or `None`.
pub(crate) fn trailing_name(doc: &Doc, r: Range<usize>) -> Option<Range<usize>> {
    let mut k = r.end;
    while k > r.start {
        let i = k - 1;
        // "Mr. King": after an honorific, a title word is a surname.
        let after_honorific =
            i > r.start && doc.toks[i - 1].is(Class::HONORIFIC) && doc.toks[i].is_cap();
        let ok = is_name_token(doc, i)
            || after_honorific
            || (k < r.end && is_inner_particle(doc, i))
            || (k == r.end
                && i > r.start
                && doc.toks[i].is_cap()
                && (doc.toks[i - 1].is(Class::FIRST_NAME) || surname_after_name(doc, i)));
        if !ok {
            break;
        }
        // Only the last word of a name may be possessive.
        if k < r.end && doc.toks[i].has(flag::POSSESSIVE) {
            break;
        }
        k -= 1;
    }
    while k < r.end && !doc.toks[k].is_cap() {
        k += 1;
    }
    if k >= r.end {
        return None;
    }
    // "Consul General in New Orleans Zhao Lin": after a title and a preposition, the
    // run starts with the place; the name is its last two words (three with an initial).
    let mut p = k;
    if p > 0 && doc.toks[p - 1].is(Class::DET) {
        p -= 1;
    }
    let placed = p >= 2
        && ["in", "to", "at", "for", "from"]
            .iter()
            .any(|w| doc.is_word(p - 1, w))
        && doc.toks[p - 2].is(Class::ROLE);
    // "Minister of Energy and Mines Subroto": the office after "of ... and" runs into the
    // name; the name is its last word (two with a given name).
    let office = p >= 1
        && doc.is_word(p - 1, "and")
        && (p.saturating_sub(6)..p - 1)
            .any(|x| x > 0 && doc.is_word(x, "of") && doc.toks[x - 1].is(Class::ROLE));
    if office && r.end - k >= 2 {
        let two = r.end - k >= 3 && doc.toks[r.end - 2].is(Class::FIRST_NAME);
        k = r.end - if two { 2 } else { 1 };
    }
    if placed && r.end - k >= 3 {
        let initial = |x: usize| doc.word(x).len() <= 2 && doc.word(x).ends_with('.');
        let len = if initial(r.end - 2) && r.end - k >= 4 {
            3
        } else {
            2
        };
        k = r.end - len;
    }
    Some(k..r.end)
}

/// "Kelli White", "Dale House": a word that otherwise only modifies a title ("White House
/// spokesman", "state senator") is a surname after a capitalised word that can begin a name
/// and is no word of offices itself ("the Obama White House" is no one).
fn surname_after_name(doc: &Doc, i: usize) -> bool {
    let (t, before) = (&doc.toks[i], &doc.toks[i - 1]);
    t.is(Class::ROLE_MOD)
        && !t.is(Class::ROLE | Class::ORG_UNIT | Class::ORG_HEAD | Class::PARTY | Class::GROUP)
        && !t.has(flag::ALL_CAPS)
        && is_name_token(doc, i - 1)
        && !before.has(flag::SENT_START | flag::ALL_CAPS | flag::POSSESSIVE)
        && !before.is(Class::PROPER)
}

/// The words of a name, with possessive endings and stray periods taken off.
pub(crate) fn name_text(doc: &Doc, r: Range<usize>) -> String {
    let mut out = String::new();
    for i in r {
        let w = super::text::strip_possessive(doc.word(i));
        let w = w.trim_end_matches(['\'', '\u{2019}']);
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Titles of peers, which stay on a surname written alone: "Lord Browne" is not "Browne".
const PEERAGES: [&str; 4] = ["Lord", "Lady", "Baroness", "Baron"];

/// How a person named by the words `r` is called: [`name_text`], with a peer's title kept
/// before a surname written alone ("BP chief executive Lord Browne"), though not before a
/// role ("Lord Chancellor").
pub(crate) fn person_name_text(doc: &Doc, r: Range<usize>) -> String {
    let peer = r.len() == 1
        && r.start > 0
        && !doc.toks[r.start].is(Class::ROLE_ANY)
        && PEERAGES.iter().any(|&w| doc.word(r.start - 1) == w);
    if peer {
        name_text(doc, r.start - 1..r.end)
    } else {
        name_text(doc, r)
    }
}

/// Words of a phrase joined by single spaces (line breaks and double spaces removed).
pub(crate) fn phrase_text(doc: &Doc, r: Range<usize>) -> String {
    let mut out = String::new();
    for i in r {
        let t = &doc.toks[i];
        if !out.is_empty() && t.has(flag::SPACE_BEFORE) {
            out.push(' ');
        }
        out.push_str(doc.word(i));
    }
    out
}

/// Lowercase key of a name word: "Rubio's" and "RUBIO" both give "rubio".
pub(crate) fn key(word: &str) -> String {
    key_word(word).to_lowercase()
}

/// The part of a name word its key is made of: no possessive ending or stray period.
fn key_word(word: &str) -> &str {
    super::text::strip_possessive(word).trim_end_matches(['.', '\'', '\u{2019}'])
}

/// A name word's key as a number: a short ASCII word is its own packed lowercase bytes (see
/// [`pack_ascii_lower`]); a longer or non-ASCII word gets a number from the [`Register`] that
/// no ASCII word packs to. Comparing and hashing names is then integer work.
pub(crate) type Key = u128;

/// Keys the register hands out for words that do not pack: a top byte no ASCII word has.
const INTERNED: Key = 0xFF << 120;

/// One person of the article.
#[derive(Debug, Clone)]
pub(crate) struct Person {
    /// The longest name form seen.
    pub name: String,
    /// Keys of the name's words.
    pub words: Vec<Key>,
    pub gender: Gender,
    /// The role words seen before or after the name.
    pub role: Option<String>,
    /// The affiliation words seen before the role.
    pub affiliation: Option<String>,
    /// Every role word seen with any mention, lowercase ("senator", "nominee").
    pub role_words: Vec<String>,
    /// Token index of the first mention.
    pub first: usize,
    /// Whether a mention read as a person's name by its own words ("Liu Dengfeng", "Mr.
    /// King"), not only as a source.
    pub sure: bool,
}

impl Person {
    pub fn surname(&self) -> Key {
        self.words.last().copied().unwrap_or(0)
    }

    /// Nothing shows this is a person: no given name, gender or role ("Metro Power", taken
    /// for a name when it spoke), so it may be an organisation.
    pub fn maybe_org(&self) -> bool {
        self.gender == Gender::Unknown
            && !self.sure
            && self.role_words.is_empty()
            && self.words.len() >= 2
            && !self.words.first().is_some_and(|&w| is_given_name(w))
    }
}

/// A name mention found in the text, before it is registered.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    /// The name tokens.
    pub name: Range<usize>,
    /// Role words right before the name ("Foreign Ministry spokesperson").
    pub role: Option<Range<usize>>,
    /// Affiliation words before the role ("Chinese").
    pub affiliation: Option<Range<usize>>,
    pub gender: Gender,
    /// Whether a title, role or given name shows it is a person.
    pub sure: bool,
}

/// Every name mention in `doc`, in order.
pub(crate) fn mentions(doc: &Doc) -> Vec<Mention> {
    let mut out = Vec::new();
    let n = doc.toks.len();
    let mut i = 0;
    while i < n {
        let t = &doc.toks[i];
        if !(t.is_cap() || t.is(Class::HONORIFIC)) || t.has(flag::NUMBER) {
            i += 1;
            continue;
        }
        // A run of capitalised words, titles and name particles.
        let start = i;
        let mut j = i;
        while j < n {
            let u = &doc.toks[j];
            // A headline line and the paragraph under it are not one name.
            if j > start && u.has(flag::PARA_START) {
                break;
            }
            let cap_word = u.is_cap() && u.is_word();
            let role_word = u.is_word() && u.is(Class::ROLE_ANY) && j > start;
            // "Secretary of State", "Minister of Foreign Affairs", "Chancellor of the
            // Exchequer".
            let of_title = j > start
                && doc.is_word(j, "of")
                && doc.toks[j - 1].is(Class::ROLE_ANY)
                && j + 1 < n
                && (doc.toks[j + 1].is_cap()
                    || (doc.is_word(j + 1, "the") && j + 2 < n && doc.toks[j + 2].is_cap()));
            let of_the_title = j > start + 1
                && doc.is_word(j, "the")
                && doc.is_word(j - 1, "of")
                && doc.toks[j - 2].is(Class::ROLE_ANY)
                && j + 1 < n
                && doc.toks[j + 1].is_cap();
            let title_word = of_title || of_the_title;
            if !(cap_word || role_word || title_word || (j > start && is_inner_particle(doc, j))) {
                break;
            }
            j += 1;
            if u.has(flag::POSSESSIVE) {
                break;
            }
        }
        let mut run = start..j.max(start + 1);
        // A capitalised sentence opener ("But", "The", "Maybe", "Certainly") is not part of
        // a name.
        while run.start < run.end
            && doc.toks[run.start].is(Class::SENTENCE_WORD | Class::ADVERB)
            && !doc.toks[run.start].is(Class::HONORIFIC | Class::FIRST_NAME)
        {
            run.start += 1;
        }
        i = j.max(start + 1);
        if run.is_empty() {
            continue;
        }
        if let Some(m) = mention_in_run(doc, run.clone()) {
            out.push(m);
        }
    }
    out
}

/// The fewest words in capitals that make a heading rather than a name of acronyms ("US FDA
/// Commissioner Scott Gottlieb").
const HEADING_WORDS: usize = 3;

/// Where the words of `r` start after a heading in capitals that runs into its paragraph:
/// "[HUGE MARKET OPEN TO ICELANDIC FISHERY] Adolf Gudmundsson, chairman of ...". With no
/// such heading, or nothing but capitals, `r.start`.
pub(crate) fn after_heading(doc: &Doc, r: Range<usize>) -> usize {
    let in_heading = |k: usize| {
        let t = &doc.toks[k];
        t.is_word() && t.has(flag::ALL_CAPS) || doc.is_punct(k, '-')
    };
    let next = (r.start..r.end).find(|&k| !in_heading(k)).unwrap_or(r.end);
    let words = (r.start..next).filter(|&k| doc.toks[k].is_word()).count();
    if words >= HEADING_WORDS && next < r.end && doc.toks[next].is_word() && doc.toks[next].is_cap()
    {
        next
    } else {
        r.start
    }
}

/// Read a run of capitalised words as a title/role part and a name part.
fn mention_in_run(doc: &Doc, run: Range<usize>) -> Option<Mention> {
    let mut name = trailing_name(doc, run.clone())?;
    // "Maybe Donald Trump", "the Real Donald Trump", "Leadership Marco Rubio": a capitalised
    // word before a given name that opens a full name is not part of it.
    while name.len() >= 3
        && !doc.toks[name.start].is(Class::FIRST_NAME | Class::HONORIFIC)
        && doc.toks[name.start + 1].is(Class::FIRST_NAME)
        && doc.toks[name.start + 1].is_cap()
    {
        name.start += 1;
    }
    // An organisation's name is not a person's ("Priorities USA", "New York Times").
    if name
        .clone()
        .any(|k| doc.toks[k].is(Class::ORG_HEAD | Class::ORG_UNIT))
    {
        return None;
    }
    // "[NOT ZERO-SUM GAME] Obstfeld": a heading in capitals run into the paragraph.
    name.start = after_heading(doc, name.clone());
    let before = run.start..name.start;
    let mut gender = Gender::Unknown;
    let mut titled = false;
    let mut role: Option<Range<usize>> = None;
    let mut affiliation: Option<Range<usize>> = None;
    for k in before.clone() {
        let t = &doc.toks[k];
        if t.is(Class::HONORIFIC) {
            titled = true;
            gender = Gender::from_class(t.class);
        } else if t.is(Class::ROLE) {
            titled = true;
            if gender == Gender::Unknown {
                gender = Gender::from_class(t.class);
            }
        }
        if t.is(Class::ROLE_ANY) && !t.is(Class::HONORIFIC) {
            role = Some(role.map_or(k..k + 1, |r| r.start..k + 1));
        } else if role.is_none() && !t.is(Class::HONORIFIC) {
            affiliation = Some(affiliation.map_or(k..k + 1, |r| r.start..k + 1));
        }
    }
    // "Consul General in New Orleans Zhao Lin": a title before the place.
    let mut p = run.start;
    if p > 0 && doc.toks[p - 1].is(Class::DET) {
        p -= 1;
    }
    if p >= 2
        && ["in", "to", "at", "for", "from"]
            .iter()
            .any(|w| doc.is_word(p - 1, w))
        && doc.toks[p - 2].is(Class::ROLE)
        && name.start > run.start
    {
        titled = true;
    }
    // A lowercase role word right before the run: "spokesperson Geng Shuang".
    if !titled && run.start > 0 {
        let p = &doc.toks[run.start - 1];
        if p.is_word() && !p.is_cap() && p.is(Class::ROLE) {
            titled = true;
            role = Some(run.start - 1..run.start);
        } else if let Some(r) = kin_before_given_name(doc, run.clone(), name.clone()) {
            titled = true;
            role = Some(r..r + 1);
            if gender == Gender::Unknown {
                gender = Gender::from_class(doc.toks[r].class);
            }
        }
    }
    let first = &doc.toks[name.start];
    // "Liu Dengfeng": a Chinese family name, then a given name no list knows, spelt as one
    // to three syllables of pinyin ("Sun Microsystems" is none).
    let family_first = name.len() == 2 && first.is(Class::FAMILY_FIRST) && {
        let g = &doc.toks[name.start + 1];
        g.class == 0
            && !g.has(flag::ALL_CAPS)
            && g.cue.is_none()
            && is_pinyin_name(doc.word(name.start + 1))
    };
    let given = first.is(Class::FIRST_NAME) && name.len() >= 2 || family_first;
    if given && gender == Gender::Unknown {
        gender = Gender::from_class(first.class);
    }
    let all_caps_single = name.len() == 1 && first.has(flag::ALL_CAPS);
    // "the General Election": a title word after "the" heads a common noun, not a name.
    let after_the = run.start > 0 && doc.toks[run.start - 1].is(Class::DET) && name.len() == 1;
    if all_caps_single || after_the {
        return None;
    }
    Some(Mention {
        name,
        role,
        affiliation: affiliation.filter(|_| titled),
        gender,
        sure: titled || given,
    })
}

/// "Her husband, Luc, still works": a given name alone set off by commas after a lowercase
/// role ("husband", "daughter", "friend") names a person; the role word's position, whose
/// gender the person takes.
fn kin_before_given_name(doc: &Doc, run: Range<usize>, name: Range<usize>) -> Option<usize> {
    let r = run.start.checked_sub(2)?;
    let p = &doc.toks[r];
    (name == run
        && name.len() == 1
        && doc.toks[name.start].is(Class::FIRST_NAME)
        && doc.is_punct(run.start - 1, ',')
        && (doc.is_punct(run.end, ',') || doc.is_punct(run.end, '.'))
        && p.is_word()
        && !p.is_cap()
        && p.is(Class::ROLE))
    .then_some(r)
}

/// Initials of pinyin syllables, two-letter ones first.
const PINYIN_INITIALS: &[&str] = &[
    "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r",
    "z", "c", "s", "y", "w",
];

/// Finals of pinyin syllables.
const PINYIN_FINALS: &[&str] = &[
    "a", "o", "e", "i", "u", "v", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "er",
    "ia", "ie", "iao", "iu", "ian", "in", "iang", "ing", "iong", "ua", "uo", "uai", "ui", "uan",
    "un", "uang", "ue",
];

/// Is `word` a given name spelt as one to three pinyin syllables ("Dengfeng", "Yixin",
/// "Chao-Ming")?
fn is_pinyin_name(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    let parts: Vec<&str> = lower.split('-').collect();
    let syllables: Option<usize> = parts.iter().map(|p| pinyin_syllables(p.as_bytes())).sum();
    syllables.is_some_and(|n| (1..=3).contains(&n))
}

/// The fewest pinyin syllables `s` splits into, if it splits into any.
fn pinyin_syllables(s: &[u8]) -> Option<usize> {
    if s.is_empty() {
        return Some(0);
    }
    let mut best: Option<usize> = None;
    let initials = PINYIN_INITIALS
        .iter()
        .map(|i| i.as_bytes())
        .filter(|i| s.starts_with(i))
        .chain([&b""[..]]);
    for initial in initials {
        let rest = &s[initial.len()..];
        for fin in PINYIN_FINALS.iter().map(|f| f.as_bytes()) {
            if rest.starts_with(fin)
                && let Some(n) = pinyin_syllables(&rest[fin.len()..])
            {
                best = Some(best.map_or(n + 1, |b: usize| b.min(n + 1)));
            }
        }
    }
    best
}

/// The people of one article, each under its longest name.
#[derive(Debug, Default)]
pub(crate) struct Register {
    pub people: Vec<Person>,
    /// Surname key -> people with that surname.
    by_surname: FxMap<Key, Vec<usize>>,
    /// Genders learnt from "Mr."/"Mrs." before a bare surname.
    surname_gender: FxMap<Key, Gender>,
    /// Word key -> people whose name holds it.
    by_word: FxMap<Key, Vec<usize>>,
    /// Keys handed out to words that do not pack into one.
    interned: FxMap<String, Key>,
    /// Every mention as (token position, person, opens a clause), in text order.
    events: Vec<(usize, usize, bool)>,
}

impl Register {
    /// Register every sure person mention of `doc`, and the bare-surname mentions that match
    /// a registered person.
    pub fn build(doc: &Doc) -> Register {
        let ms = mentions(doc);
        let mut reg = Register::default();
        // Full names first, then titled surnames ("President Xi"), then the rest, so that
        // short forms attach to long ones and long forms upgrade short ones.
        for m in ms.iter().filter(|m| m.sure && m.name.len() >= 2) {
            reg.add(doc, m, false);
        }
        for m in ms.iter().filter(|m| m.sure && m.name.len() == 1) {
            let words = [reg.intern(doc, m.name.start)];
            if m.gender != Gender::Unknown {
                reg.surname_gender.insert(words[0], m.gender);
            }
            match reg.find(&words) {
                Some(p) => reg.note_mention(doc, p, m, false),
                None => reg.add(doc, m, false),
            }
        }
        for m in ms.iter().filter(|m| !m.sure) {
            let words = reg.intern_all(doc, m.name.clone());
            if let Some(p) = reg.find(&words).or_else(|| reg.find_within(&words)) {
                reg.note_mention(doc, p, m, false);
            } else if words.len() >= 2 && reg.find(&words[words.len() - 1..]).is_some() {
                reg.add(doc, m, false);
            }
        }
        // "Charles Kennedy, the Liberal Democrat leader,": the role set off after the name
        // holds for the person too, so a later "the Liberal Democrat leader" finds him.
        for m in &ms {
            if let Some(r) = appositive_role(doc, m.name.end)
                && let Some(p) = reg.keys(doc, m.name.clone()).and_then(|w| reg.find(&w))
            {
                reg.note_role(doc, p, r);
            }
        }
        reg.events.sort_unstable();
        for p in &mut reg.people {
            if p.gender == Gender::Unknown
                && let Some(g) = reg.surname_gender.get(&p.surname())
            {
                p.gender = *g;
            }
        }
        reg
    }

    /// The key of name word `k`, handing out a number if the word does not pack.
    fn intern(&mut self, doc: &Doc, k: usize) -> Key {
        let w = key_word(doc.word(k));
        if let Some(packed) = pack_ascii_lower(w.as_bytes()) {
            return packed;
        }
        let lower = w.to_lowercase();
        let next = INTERNED + self.interned.len() as Key;
        *self.interned.entry(lower).or_insert(next)
    }

    /// The key of name word `k`, or `None` for a word that does not pack and was never
    /// registered (so is in no one's name).
    pub fn key(&self, doc: &Doc, k: usize) -> Option<Key> {
        let w = key_word(doc.word(k));
        pack_ascii_lower(w.as_bytes()).or_else(|| self.interned.get(&w.to_lowercase()).copied())
    }

    /// The keys of the name words `r` (see [`Register::key`]).
    pub fn keys(&self, doc: &Doc, r: Range<usize>) -> Option<Vec<Key>> {
        r.map(|k| self.key(doc, k)).collect()
    }

    /// The keys of the name words `r`, handing out numbers as needed.
    fn intern_all(&mut self, doc: &Doc, r: Range<usize>) -> Vec<Key> {
        r.map(|k| self.intern(doc, k)).collect()
    }

    /// Mentions of people before `pos` and within `reach` tokens of it, the latest first, as
    /// (position, person); only those that open a clause if `subjects` is set.
    pub fn mentions_before(
        &self,
        pos: usize,
        reach: usize,
        subjects: bool,
    ) -> impl Iterator<Item = (usize, usize)> + '_ {
        let i = self.events.partition_point(|&(at, _, _)| at < pos);
        self.events[..i]
            .iter()
            .rev()
            .take_while(move |&&(at, _, _)| pos - at <= reach)
            .filter(move |&&(_, _, subject)| subject || !subjects)
            .map(|&(at, p, _)| (at, p))
    }

    /// Remember that person `p` is mentioned at `pos`, keeping the events in text order.
    fn note_event(&mut self, pos: usize, p: usize, subject: bool, sorted: bool) {
        if sorted {
            let i = self.events.partition_point(|&(at, _, _)| at < pos);
            self.events.insert(i, (pos, p, subject));
        } else {
            self.events.push((pos, p, subject));
        }
    }

    fn index_words(&mut self, p: usize) {
        for i in 0..self.people[p].words.len() {
            let w = self.people[p].words[i];
            let list = self.by_word.entry(w).or_default();
            if !list.contains(&p) {
                list.push(p);
            }
        }
    }

    /// Add a person for mention `m` (or note it for the person it names); `sorted` keeps
    /// the mention events in order at once (after [`Register::build`]).
    fn add(&mut self, doc: &Doc, m: &Mention, sorted: bool) {
        let words = self.intern_all(doc, m.name.clone());
        // A longer form of someone already known replaces the shorter one.
        if let Some(p) = self.find(&words) {
            self.note_mention(doc, p, m, sorted);
            return;
        }
        let idx = self.people.len();
        let surname = words.last().copied().unwrap_or(0);
        self.people.push(Person {
            name: person_name_text(doc, m.name.clone()),
            words,
            gender: m.gender,
            role: m.role.clone().map(|r| phrase_text(doc, r)),
            affiliation: m.affiliation.clone().map(|r| phrase_text(doc, r)),
            role_words: Vec::new(),
            first: m.name.start,
            sure: m.sure,
        });
        let subject = opens_clause(doc, m);
        self.note_event(m.name.start, idx, subject, sorted);
        if let Some(r) = m.role.clone() {
            self.note_role(doc, idx, r);
        }
        self.by_surname.entry(surname).or_default().push(idx);
        self.index_words(idx);
    }

    fn note_mention(&mut self, doc: &Doc, p: usize, m: &Mention, sorted: bool) {
        let words = self.intern_all(doc, m.name.clone());
        let person = &mut self.people[p];
        person.sure |= m.sure;
        if words.len() > person.words.len() && person.words.iter().all(|w| words.contains(w)) {
            person.name = name_text(doc, m.name.clone());
            let old_surname = person.surname();
            person.words = words;
            let new_surname = person.surname();
            if new_surname != old_surname {
                self.by_surname.entry(new_surname).or_default().push(p);
            }
            self.index_words(p);
        }
        let person = &mut self.people[p];
        if person.gender == Gender::Unknown {
            person.gender = m.gender;
        }
        if person.role.is_none() {
            person.role = m.role.clone().map(|r| phrase_text(doc, r));
        }
        if person.affiliation.is_none() {
            person.affiliation = m.affiliation.clone().map(|r| phrase_text(doc, r));
        }
        let subject = opens_clause(doc, m);
        self.note_event(m.name.start, p, subject, sorted);
        if let Some(r) = m.role.clone() {
            self.note_role(doc, p, r);
        }
    }

    /// The registered person a name (as lowercase words) refers to: same surname and every
    /// word found in the full name; the one with the most words wins. A lone word that is no
    /// one's surname may still be a surname-first name's first word ("Xi" of "Xi Jinping").
    pub fn find(&self, words: &[Key]) -> Option<usize> {
        self.find_before(words, usize::MAX)
    }

    /// [`Register::find`] for a mention at token `pos`: of people who share the words, one
    /// named before the mention goes first ("Lachapelle told reporters" is the Mathis
    /// Lachapelle of the lead, not the Josée Lachapelle named paragraphs later), then the
    /// longer name, then the one registered first.
    pub fn find_before(&self, words: &[Key], pos: usize) -> Option<usize> {
        let last = words.last()?;
        let mut best: Option<usize> = None;
        let rank = |c: usize| {
            let p = &self.people[c];
            (p.first <= pos, p.words.len())
        };
        if let Some(cands) = self.by_surname.get(last) {
            for &c in cands {
                let p = &self.people[c];
                if words.iter().all(|w| p.words.contains(w))
                    && best.is_none_or(|b| rank(c) > rank(b))
                {
                    best = Some(c);
                }
            }
        }
        if best.is_none() && words.len() == 1 && !is_given_name(*last) {
            best = self.by_word.get(last).and_then(|cands| {
                cands.iter().copied().find(|&c| {
                    let p = &self.people[c];
                    p.words.len() >= 2 && p.words[0] == *last
                })
            });
        }
        best
    }

    /// The person whose full name opens with the given name `k`, for a knight or dame named
    /// by title and given name ("Sir Edward" after "Sir Edward Heath"); of several, the one
    /// registered last.
    pub fn find_by_given_name(&self, k: Key) -> Option<usize> {
        self.by_word.get(&k)?.iter().copied().rfind(|&c| {
            let p = &self.people[c];
            p.words.len() >= 2 && p.words[0] == k
        })
    }

    /// Remember the role words of `r` for person `p`, so "the senator" can find them.
    pub fn note_role(&mut self, doc: &Doc, p: usize, r: Range<usize>) {
        for k in r {
            let t = &doc.toks[k];
            if t.is_word() && t.is(Class::ROLE | Class::PARTY | Class::ROLE_MOD) {
                let w = key(doc.word(k));
                let person = &mut self.people[p];
                if !person.role_words.contains(&w) {
                    person.role_words.push(w);
                }
            }
        }
    }

    /// A registered person all of whose words are in `words` (a longer form of them), when
    /// that is one person only.
    fn find_within(&self, words: &[Key]) -> Option<usize> {
        let mut found: Option<usize> = None;
        for w in words {
            for &c in self.by_word.get(w).map(Vec::as_slice).unwrap_or(&[]) {
                if found == Some(c) || !self.people[c].words.iter().all(|x| words.contains(x)) {
                    continue;
                }
                if found.is_some() {
                    return None;
                }
                found = Some(c);
            }
        }
        found
    }

    /// Add a person met as a quote source that no title or given name announced.
    pub fn add_source(
        &mut self,
        doc: &Doc,
        name: Range<usize>,
        role: Option<Range<usize>>,
        affiliation: Option<Range<usize>>,
        gender: Gender,
    ) -> usize {
        let words = self.intern_all(doc, name.clone());
        if let Some(p) = self.find(&words) {
            return p;
        }
        let m = Mention {
            name,
            role,
            affiliation,
            gender,
            sure: true,
        };
        self.add(doc, &m, true);
        let p = self.people.len() - 1;
        // (Only its place as a source says it is a person: "Metro Power said".)
        self.people[p].sure = false;
        p
    }
}

/// The role words of an appositive right after a name ending at `end`: ", the [adjectives]
/// ROLE" closed by a comma, a full stop or "of"/"for" ("Mr Blair, the prime minister,",
/// "Charles Kennedy, the Liberal Democrat leader, said"); `None` for anything else ("Blair,
/// the party and the unions").
pub(crate) fn appositive_role(doc: &Doc, end: usize) -> Option<Range<usize>> {
    let toks = &doc.toks;
    if end + 2 >= toks.len() || !toks[end].is_punct(',') || key(doc.word(end + 1)) != "the" {
        return None;
    }
    let start = end + 2;
    let mut j = start;
    while j < toks.len() && j - start < 5 && toks[j].is_word() && !toks[j].is(Class::PREP) {
        if j > start && toks[j].has(flag::SENT_START) {
            return None;
        }
        j += 1;
    }
    let closed = j < toks.len()
        && (toks[j].is_punct(',')
            || toks[j].is_punct('.')
            || (toks[j].is_word() && matches!(key(doc.word(j)).as_str(), "of" | "for")));
    (closed && j > start && toks[j - 1].is(Class::ROLE)).then_some(start..j)
}

/// Is the word of key `k` a known given name?
fn is_given_name(k: Key) -> bool {
    LEXICON.get_packed(k).class & Class::FIRST_NAME != 0
}

/// Does the mention open its sentence or clause (so it is probably a subject)?
fn opens_clause(doc: &Doc, m: &Mention) -> bool {
    let start = m
        .role
        .as_ref()
        .map_or(m.name.start, |r| r.start.min(m.name.start));
    let mut k = start;
    // Skip a determiner and role words before the run.
    while k > 0
        && doc.toks[k - 1].is_word()
        && doc.toks[k - 1].is(Class::DET | Class::ROLE_ANY | Class::HONORIFIC)
        && !doc.toks[k - 1].is(Class::PREP)
    {
        k -= 1;
    }
    if k == 0 || doc.toks[k].has(flag::SENT_START) {
        return true;
    }
    // "Radio talk host Rush Limbaugh used ...": a few plain words of the same phrase lead the
    // sentence.
    let mut j = k;
    while j > 0
        && k - j < 4
        && doc.toks[j - 1].is_word()
        && !doc.toks[j - 1].is(Class::PREP | Class::AUX | Class::CUE | Class::CONJ | Class::PRONOUN)
    {
        j -= 1;
        // "Tony Blair met Michael Howard": another person's name among the words is the
        // subject, and this mention its object.
        if j + 1 < k
            && doc.toks[j].is(Class::FIRST_NAME | Class::HONORIFIC)
            && doc.toks[j + 1].is_cap()
        {
            return false;
        }
        if doc.toks[j].has(flag::SENT_START) {
            return true;
        }
    }
    let p = &doc.toks[k - 1];
    p.is_punct(',')
        || p.is_punct(';')
        || (p.is_word() && p.is(Class::CONJ | Class::RELATIVE) && !p.is(Class::PREP))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placed_modifiers_match_in_any_case() {
        for word in [
            "Paris-based",
            "Washington-Based",
            "BELGIUM-BORN",
            "Koch-backed",
        ] {
            assert!(is_placed_modifier(word), "{word}");
        }
        for word in ["Harley-Davidson", "Bourne", "born", "-", "Jean-Luc"] {
            assert!(!is_placed_modifier(word), "{word}");
        }
    }

    fn found(text: &str) -> Vec<String> {
        let doc = Doc::new(text);
        mentions(&doc)
            .into_iter()
            .filter(|m| m.sure)
            .map(|m| name_text(&doc, m.name))
            .collect()
    }

    #[test]
    fn pinyin_given_names_are_one_to_three_syllables() {
        for name in [
            "Dengfeng",
            "Yixin",
            "Jinju",
            "Shuqing",
            "Chao-Ming",
            "Yi",
            "Xiaoping",
        ] {
            assert!(is_pinyin_name(name), "{name}");
        }
        for name in [
            "Microsystems",
            "Brown",
            "Street",
            "Bank",
            "Strongly",
            "Rush",
        ] {
            assert!(!is_pinyin_name(name), "{name}");
        }
    }

    #[test]
    fn mentions_need_a_title_or_a_given_name() {
        let cases: &[(&str, &[&str])] = &[
            (
                "US Secretary of State Marco Rubio met them.",
                &["Marco Rubio"],
            ),
            (
                "Chinese Foreign Ministry spokesperson Geng Shuang spoke.",
                &["Geng Shuang"],
            ),
            ("It was Hillary Clinton's day.", &["Hillary Clinton"]),
            ("Mr. Garin disagreed.", &["Garin"]),
            ("They met in Kuala Lumpur and New Delhi.", &[]),
            ("The New York Times reported it.", &[]),
            (
                "Sen. Claire McCaskill (D-Mo.) spoke.",
                &["Claire McCaskill"],
            ),
            ("President Donald J. Trump left.", &["Donald J. Trump"]),
            ("But Bernie Sanders won.", &["Bernie Sanders"]),
            ("Maybe Donald Trump knows.", &["Donald Trump"]),
            ("Certainly Ted Cruz disagreed.", &["Ted Cruz"]),
            // A title-case headline over a paragraph is not part of the name that opens it.
            (
                "Cruz Hints At A Wall Contract\nDonald Trump spoke.",
                &["Donald Trump"],
            ),
        ];
        for &(text, want) in cases {
            assert_eq!(found(text), want, "{text:?}");
        }
    }

    #[test]
    fn register_keeps_the_longest_form() {
        let text = "President Donald Trump spoke. Later Mr. Trump left. Marco Rubio came. \
                    Rubio and Secretary Rubio agreed. Xi Jinping listened; President Xi nodded.";
        let doc = Doc::new(text);
        let reg = Register::build(&doc);
        let names: Vec<&str> = reg.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Donald Trump", "Marco Rubio", "Xi Jinping"]);
        assert_eq!(reg.people[0].gender, Gender::Male);
        let find = |w: &str| {
            let k = pack_ascii_lower(w.as_bytes()).expect("a short word");
            reg.find(&[k]).map(|p| reg.people[p].name.clone())
        };
        assert_eq!(find("rubio").as_deref(), Some("Marco Rubio"));
        assert_eq!(find("xi").as_deref(), Some("Xi Jinping"));
        assert_eq!(find("obama"), None);
    }
}
