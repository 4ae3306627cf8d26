//! The word lists the quote finder reasons with, loaded once from `data/*.txt`.
//!
//! Every word of every list goes into one table, so the tokenizer looks each word up once and
//! keeps a set of class bits ([`Class`]) plus, for speech verbs, a [`Cue`]. The lists are plain
//! text with `[section]` headers and `#` comments; a word may carry tags (`male`, `plural`, ...).

use std::sync::LazyLock;

use rustc_hash::FxHashMap as FxMap;

// The word lists, compiled in.
const SPEECH_VERBS: &str = include_str!("../../../data/speech_verbs.txt");
const TITLES: &str = include_str!("../../../data/titles.txt");
const FUNCTION_WORDS: &str = include_str!("../../../data/function_words.txt");
const FIRST_NAMES: &str = include_str!("../../../data/first_names.txt");

/// Word classes, as bits of a `u64`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Class;

impl Class {
    pub const DET: u64 = 1;
    pub const QUANT: u64 = 1 << 1;
    pub const PRONOUN: u64 = 1 << 2;
    pub const RELATIVE: u64 = 1 << 3;
    pub const AUX: u64 = 1 << 4;
    pub const NEG: u64 = 1 << 5;
    pub const ADVERB: u64 = 1 << 6;
    pub const PREP: u64 = 1 << 7;
    pub const CONJ: u64 = 1 << 8;
    pub const WH: u64 = 1 << 9;
    pub const TIME: u64 = 1 << 10;
    pub const ABBREV: u64 = 1 << 11;
    pub const ELISION: u64 = 1 << 12;
    pub const SENTENCE_WORD: u64 = 1 << 13;
    pub const HONORIFIC: u64 = 1 << 14;
    pub const ROLE: u64 = 1 << 15;
    pub const ROLE_MOD: u64 = 1 << 16;
    pub const ORG_UNIT: u64 = 1 << 17;
    pub const ORG_HEAD: u64 = 1 << 18;
    pub const GROUP: u64 = 1 << 19;
    pub const PARTY: u64 = 1 << 20;
    pub const SUFFIX: u64 = 1 << 21;
    pub const PARTICLE: u64 = 1 << 22;
    pub const FIRST_NAME: u64 = 1 << 23;
    pub const MALE: u64 = 1 << 24;
    pub const FEMALE: u64 = 1 << 25;
    pub const PLURAL: u64 = 1 << 26;
    pub const NEUTER: u64 = 1 << 27;
    pub const FIRST_PERSON: u64 = 1 << 28;
    pub const CUE: u64 = 1 << 29;
    pub const ACCORDING: u64 = 1 << 30;
    /// First word of a multi-word adjunct cue ("in a statement").
    pub const ADJUNCT_START: u64 = 1 << 31;
    /// A group noun that is a name ("Democrats").
    pub const PROPER: u64 = 1 << 32;
    /// A share of a group: "percent", "half", "majority".
    pub const MEASURE: u64 = 1 << 33;
    /// A record or measurement that can show or find ("poll", "data", "records").
    pub const DOCUMENT: u64 = 1 << 34;
    /// A family name written before the given name, as Chinese names are ("Liu Dengfeng").
    pub const FAMILY_FIRST: u64 = 1 << 35;

    /// Any word that can be part of a role phrase before a name.
    pub const ROLE_ANY: u64 = Self::ROLE | Self::ROLE_MOD | Self::ORG_UNIT | Self::PARTY;
}

/// How a speech verb takes its content (the sections of `data/speech_verbs.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueClass {
    Say,
    Tell,
    Ask,
    Weak,
    Object,
}

/// The grammatical form of a speech verb as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    Base,
    ThirdPerson,
    Past,
    Participle,
    Gerund,
}

/// A speech verb form found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cue {
    pub class: CueClass,
    pub form: Form,
    /// The verb has non-speech senses; see `data/speech_verbs.txt`.
    pub loose: bool,
    /// A "to" clause after the verb is what was promised or threatened ("vowed to repeal
    /// the law"); see the `to` tag in `data/speech_verbs.txt`.
    pub infinitive: bool,
    /// The bare and "-s" forms are nouns in most news copy ("Western states", "a state
    /// of emergency"): they are a cue only before "that", a quote or a colon, or after the
    /// source; see the `noun` tag in `data/speech_verbs.txt`.
    pub noun: bool,
    /// A noun phrase after the verb is no speech ("maintained a wide lead"): content after
    /// it must be a "that" clause or a quote; see the `clause` tag in
    /// `data/speech_verbs.txt`.
    pub clause: bool,
    /// A noun phrase after the verb is its other sense's object ("added a goal", "read the
    /// book", "went on offense"): content after it must be a "that" clause, a quote, or a
    /// clause with a verb of its own ("added sales had slowed"); see the `np` tag in
    /// `data/speech_verbs.txt`.
    pub np: bool,
    /// The verb's other sense gives a financial result ("reported a net loss of 12 mln
    /// dlrs"): a noun phrase after it that names one is no statement; see the `figures` tag in
    /// `data/speech_verbs.txt`.
    pub figures: bool,
    /// The word that must follow the verb ("shot back", "went on"), as an index into
    /// [`Lexicon::particles`] plus one; 0 for none.
    pub particle: u8,
}

/// What the lexicon knows about one word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Entry {
    pub class: u64,
    pub cue: Option<Cue>,
}

/// The merged word table.
pub(crate) struct Lexicon {
    /// Lowercase words (with `'` for `’`) of up to 16 bytes, packed into an integer
    /// ([`pack`]): a lookup then hashes and compares one number, with no string compare.
    short: FxMap<u128, Entry>,
    /// Longer lowercase words, as bytes.
    long: FxMap<Vec<u8>, Entry>,
    /// Multi-word adjunct cues, as lowercase word lists.
    pub adjuncts: Vec<Vec<String>>,
    /// Words that follow phrasal speech verbs ("back", "on", "in").
    pub particles: Vec<String>,
}

/// The one lexicon, built on first use.
pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::build);

/// Longest word the lexicon looks up; longer words are never in it.
const MAX_WORD: usize = 40;

impl Lexicon {
    fn build() -> Lexicon {
        let mut lex = Lexicon {
            short: FxMap::default(),
            long: FxMap::default(),
            adjuncts: Vec::new(),
            particles: Vec::new(),
        };
        lex.load_speech_verbs(SPEECH_VERBS);
        for text in [TITLES, FUNCTION_WORDS, FIRST_NAMES] {
            lex.load_classes(text);
        }
        lex
    }

    fn add(&mut self, word: &str, class: u64, cue: Option<Cue>) {
        let e = self.entry_mut(word);
        e.class |= class;
        if cue.is_some() && e.cue.is_none() {
            e.cue = cue;
        }
    }

    /// The entry of a lowercase list word, made empty if new.
    fn entry_mut(&mut self, word: &str) -> &mut Entry {
        match pack(word.as_bytes()) {
            Some(k) => self.short.entry(k).or_default(),
            None => self.long.entry(word.as_bytes().to_vec()).or_default(),
        }
    }

    fn load_speech_verbs(&mut self, text: &str) {
        let mut section = "";
        for line in data_lines(text) {
            if let Some(name) = section_name(line) {
                section = name;
                continue;
            }
            let class = match section {
                "say" | "phrasal" => CueClass::Say,
                "tell" => CueClass::Tell,
                "ask" => CueClass::Ask,
                "weak" => CueClass::Weak,
                "object" => CueClass::Object,
                "according" => {
                    if let Some(first) = line.split_whitespace().next() {
                        self.add(first, Class::ACCORDING, None);
                    }
                    continue;
                }
                "adjunct" => {
                    let words: Vec<String> = line.split_whitespace().map(str::to_string).collect();
                    if let Some(first) = words.first() {
                        self.add(first, Class::ADJUNCT_START, None);
                        self.adjuncts.push(words);
                    }
                    continue;
                }
                _ => continue,
            };
            let (forms, tags) = line.split_once(':').unwrap_or((line, ""));
            let mut loose = false;
            let mut infinitive = false;
            let mut noun = false;
            let mut clause = false;
            let mut np = false;
            let mut figures = false;
            let mut particle = 0u8;
            for tag in tags.split_whitespace() {
                if tag == "loose" {
                    loose = true;
                } else if tag == "to" {
                    infinitive = true;
                } else if tag == "noun" {
                    noun = true;
                } else if tag == "clause" {
                    clause = true;
                } else if tag == "np" {
                    np = true;
                } else if tag == "figures" {
                    figures = true;
                } else {
                    particle = self.particle_id(tag);
                }
            }
            let forms: Vec<&str> = forms.split_whitespace().collect();
            for (i, f) in forms.iter().enumerate() {
                // A past tense spelt like the lemma ("hit", "read") is read as a past: it
                // needs no plural subject.
                let form = if forms[..i].contains(f) {
                    if let Some(c) = self.entry_mut(f).cue.as_mut() {
                        c.form = Form::Past;
                    }
                    continue;
                } else {
                    verb_form(f, i, forms.len())
                };
                let cue = Cue {
                    class,
                    form,
                    loose,
                    infinitive,
                    noun,
                    clause,
                    np,
                    figures,
                    particle,
                };
                self.add(f, Class::CUE, Some(cue));
            }
        }
    }

    /// The id of particle `word` (see [`Cue::particle`]).
    fn particle_id(&mut self, word: &str) -> u8 {
        let i = match self.particles.iter().position(|p| p == word) {
            Some(i) => i,
            None => {
                self.particles.push(word.to_string());
                self.particles.len() - 1
            }
        };
        u8::try_from(i + 1).unwrap_or(0)
    }

    /// The particle a cue needs after it, if any.
    pub fn particle(&self, cue: Cue) -> Option<&str> {
        let i = usize::from(cue.particle).checked_sub(1)?;
        self.particles.get(i).map(String::as_str)
    }

    fn load_classes(&mut self, text: &str) {
        let mut class = 0u64;
        for line in data_lines(text) {
            if let Some(name) = section_name(line) {
                class = section_class(name);
                continue;
            }
            if class == Class::FIRST_NAME
                || class & (Class::MALE | Class::FEMALE | Class::FAMILY_FIRST) != 0
            {
                for w in line.split_whitespace() {
                    self.add(w, class, None);
                }
                continue;
            }
            let mut parts = line.split_whitespace();
            let Some(word) = parts.next() else { continue };
            let mut bits = class;
            for tag in parts {
                bits |= match tag {
                    "male" => Class::MALE,
                    "female" => Class::FEMALE,
                    "plural" => Class::PLURAL,
                    "neuter" => Class::NEUTER,
                    "first" => Class::FIRST_PERSON,
                    "proper" => Class::PROPER,
                    _ => 0,
                };
            }
            self.add(word, bits, None);
        }
    }

    /// [`Lexicon::get`] of `text[start..start + len]`, for the tokenizer: a short ASCII word is
    /// read and lowercased in place.
    #[inline]
    pub fn get_at(&self, text: &str, start: usize, len: usize) -> Entry {
        match pack_ascii_lower_at(text.as_bytes(), start, len) {
            Some(key) => self.short.get(&key).copied().unwrap_or_default(),
            None => text
                .get(start..start + len)
                .map_or_else(Entry::default, |w| self.get(w)),
        }
    }

    /// The entry of a word packed by [`pack_ascii_lower`].
    pub fn get_packed(&self, key: u128) -> Entry {
        self.short.get(&key).copied().unwrap_or_default()
    }

    /// Look a word up, ignoring case and the curly/straight apostrophe difference.
    pub fn get(&self, word: &str) -> Entry {
        let bytes = word.as_bytes();
        // Nearly every word is short ASCII: lowercase and pack it in registers.
        let found = if let Some(key) = pack_ascii_lower(bytes) {
            self.short.get(&key)
        } else {
            let mut buf = [0u8; MAX_WORD * 2];
            let Some(key) = lower_into(word, &mut buf) else {
                return Entry::default();
            };
            match pack(key) {
                Some(k) => self.short.get(&k),
                None => self.long.get(key),
            }
        };
        found.copied().unwrap_or_default()
    }
}

/// A short ASCII word, lowercased, as one number (see [`pack`]); `None` for other words.
#[inline]
pub(crate) fn pack_ascii_lower(bytes: &[u8]) -> Option<u128> {
    pack_ascii_lower_at(bytes, 0, bytes.len())
}

/// [`pack_ascii_lower`] for the word of `len` bytes at `start` in `text`. Where 16 bytes of
/// text follow the start, they are read at once and masked to the word, with no byte loop.
#[inline]
pub(crate) fn pack_ascii_lower_at(text: &[u8], start: usize, len: usize) -> Option<u128> {
    if len > 16 {
        return None;
    }
    let raw = match text.get(start..start + 16) {
        Some(chunk) => {
            let mut b = [0u8; 16];
            b.copy_from_slice(chunk);
            u128::from_le_bytes(b)
        }
        None => {
            let mut b = [0u8; 16];
            b[..len].copy_from_slice(text.get(start..start + len)?);
            u128::from_le_bytes(b)
        }
    };
    // (A table of masks: a shift of a `u128` by a variable count is a dozen instructions.)
    let key = raw & LOW_BYTES[len];
    const HIGH: u128 = 0x8080_8080_8080_8080_8080_8080_8080_8080;
    if key & HIGH != 0 {
        return None;
    }
    Some(ascii_lower(key))
}

/// `LOW_BYTES[n]` keeps the low `n` bytes of a `u128`.
static LOW_BYTES: [u128; 17] = {
    let mut masks = [u128::MAX; 17];
    let mut n = 0;
    while n < 16 {
        masks[n] = (1u128 << (8 * n)) - 1;
        n += 1;
    }
    masks
};

/// Lowercase the ASCII bytes of `x` all at once: a byte from `A` to `Z` gains bit 5. (Adding
/// to 7-bit bytes never carries into the next byte.)
#[inline]
fn ascii_lower(x: u128) -> u128 {
    const ONES: u128 = 0x0101_0101_0101_0101_0101_0101_0101_0101;
    const HIGH: u128 = ONES * 0x80;
    let at_least_a = x + ONES * (0x80 - b'A' as u128);
    let past_z = x + ONES * (0x80 - b'Z' as u128 - 1);
    let upper = at_least_a & !past_z & HIGH;
    x | (upper >> 2)
}

/// A word of up to 16 bytes as one number, first byte lowest. Words hold no zero bytes, so
/// two words give the same number only if they are the same.
fn pack(word: &[u8]) -> Option<u128> {
    if word.len() > 16 {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..word.len()].copy_from_slice(word);
    Some(u128::from_le_bytes(buf))
}

/// Lowercase `word` into `buf`, mapping `’` to `'`; `None` if it does not fit.
fn lower_into<'b>(word: &str, buf: &'b mut [u8]) -> Option<&'b [u8]> {
    let mut n = 0;
    for c in word.chars() {
        let c = if c == '\u{2019}' { '\'' } else { c };
        if let Some(plain) = latin_letter_without_accent(c) {
            for b in plain.bytes() {
                *buf.get_mut(n)? = b.to_ascii_lowercase();
                n += 1;
            }
            continue;
        }
        for l in c.to_lowercase() {
            let len = l.len_utf8();
            if n + len > buf.len() {
                return None;
            }
            l.encode_utf8(&mut buf[n..n + len]);
            n += len;
        }
    }
    Some(&buf[..n])
}

/// The plain letters of an accented Latin letter ("é" gives "e", "Ø" gives "O"), so the lists,
/// which are ASCII, know "Geneviève" and "Mélanie"; `None` for every other character.
fn latin_letter_without_accent(c: char) -> Option<&'static str> {
    if !('\u{c0}'..='\u{24f}').contains(&c) || !c.is_alphabetic() {
        return None;
    }
    deunicode::deunicode_char(c)
        .filter(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// The lines of a list without comments and blank lines.
fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

/// `"say"` for the line `[say]`.
fn section_name(line: &str) -> Option<&str> {
    line.strip_prefix('[')?.strip_suffix(']')
}

/// The class bits of a list section.
fn section_class(name: &str) -> u64 {
    match name {
        "determiner" => Class::DET,
        "quantifier" => Class::QUANT,
        "measure" => Class::MEASURE,
        "document" => Class::DOCUMENT,
        "pronoun" => Class::PRONOUN,
        "relative" => Class::RELATIVE,
        "auxiliary" => Class::AUX,
        "negation" => Class::NEG,
        "adverb" => Class::ADVERB,
        "preposition" => Class::PREP,
        "conjunction" => Class::CONJ,
        "wh" => Class::WH,
        "time" => Class::TIME,
        "abbreviation" => Class::ABBREV,
        "elision" => Class::ELISION,
        "sentence_word" => Class::SENTENCE_WORD,
        "honorific" => Class::HONORIFIC,
        "role" => Class::ROLE,
        "role_modifier" => Class::ROLE_MOD,
        "org_unit" => Class::ORG_UNIT,
        "org_head" => Class::ORG_HEAD,
        "group" => Class::GROUP,
        "party" => Class::PARTY,
        "suffix" => Class::SUFFIX,
        "particle" => Class::PARTICLE,
        "male" => Class::FIRST_NAME | Class::MALE,
        "female" => Class::FIRST_NAME | Class::FEMALE,
        "family_first" => Class::FAMILY_FIRST,
        _ => 0,
    }
}

/// The form of the `i`-th of `n` forms on a verb line: lemma, then -s, past, (participle,)
/// -ing. Lines with five or six forms list irregular participles or spelling variants.
fn verb_form(word: &str, i: usize, n: usize) -> Form {
    if i == 0 {
        Form::Base
    } else if word.ends_with("ing") {
        Form::Gerund
    } else if i == 1 && word.ends_with('s') {
        Form::ThirdPerson
    } else if n >= 5 && i >= 3 {
        Form::Participle
    } else {
        Form::Past
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_have_their_classes() {
        let cases: &[(&str, u64)] = &[
            ("said", Class::CUE),
            ("Said", Class::CUE),
            ("the", Class::DET),
            ("Mr", Class::HONORIFIC | Class::ABBREV),
            ("spokeswoman", Class::ROLE | Class::FEMALE),
            ("Hillary", Class::FIRST_NAME | Class::FEMALE),
            ("officials", Class::GROUP | Class::PLURAL),
            ("according", Class::ACCORDING),
            ("campaign", Class::ORG_HEAD | Class::ROLE_MOD),
        ];
        for &(word, bits) in cases {
            let e = LEXICON.get(word);
            assert_eq!(e.class & bits, bits, "{word}");
        }
        assert_eq!(LEXICON.get("tariff").class & Class::CUE, 0);
        assert_eq!(LEXICON.get("zzzz"), Entry::default());
    }

    #[test]
    fn accented_words_are_read_as_their_plain_letters() {
        for name in ["Geneviève", "Mélanie", "HÉLÈNE", "François", "José"] {
            let e = LEXICON.get(name);
            assert_ne!(e.class & Class::FIRST_NAME, 0, "{name}");
        }
        let text = "said Amélie Lavoie";
        assert_ne!(
            LEXICON.get_at(text, 5, "Amélie".len()).class & Class::FIRST_NAME,
            0
        );
        // Letters outside the Latin script are looked up as written.
        assert_eq!(LEXICON.get("Мелани"), Entry::default());
        assert_eq!(LEXICON.get("ß"), Entry::default());
    }

    #[test]
    fn verb_forms_and_classes() {
        // word, class, form, loose, takes a "to" clause
        let cases: &[(&str, CueClass, Form, bool, bool)] = &[
            ("say", CueClass::Say, Form::Base, false, false),
            ("says", CueClass::Say, Form::ThirdPerson, false, false),
            ("said", CueClass::Say, Form::Past, false, false),
            ("saying", CueClass::Say, Form::Gerund, false, false),
            ("added", CueClass::Say, Form::Past, true, false),
            ("told", CueClass::Tell, Form::Past, false, false),
            ("urged", CueClass::Say, Form::Past, false, false),
            ("asked", CueClass::Ask, Form::Past, false, false),
            ("believes", CueClass::Weak, Form::ThirdPerson, false, false),
            ("written", CueClass::Say, Form::Participle, true, false),
            ("vowed", CueClass::Say, Form::Past, false, true),
            ("promises", CueClass::Say, Form::ThirdPerson, true, true),
            ("threatening", CueClass::Weak, Form::Gerund, false, true),
            ("Don’t", CueClass::Say, Form::Base, false, false),
        ];
        for &(word, class, form, loose, infinitive) in &cases[..cases.len() - 1] {
            let cue = LEXICON.get(word).cue;
            let want = Cue {
                class,
                form,
                loose,
                infinitive,
                noun: false,
                clause: false,
                np: word == "added",
                figures: false,
                particle: 0,
            };
            assert_eq!(cue, Some(want), "{word}");
        }
        assert_eq!(LEXICON.get("don't").cue, None);
        assert!(LEXICON.get("states").cue.is_some_and(|c| c.noun));
        assert!(LEXICON.get("maintained").cue.is_some_and(|c| c.clause));
        assert!(LEXICON.get("added").cue.is_some_and(|c| c.np && !c.clause));
        assert!(
            LEXICON
                .get("reported")
                .cue
                .is_some_and(|c| c.figures && c.loose)
        );
    }

    #[test]
    fn data_lines_hold_only_lowercase_words() {
        // A stray header or prose line would turn its words into cues.
        let ok = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || " '-.:".contains(c);
        for text in [SPEECH_VERBS, TITLES, FUNCTION_WORDS, FIRST_NAMES] {
            for line in data_lines(text) {
                if section_name(line).is_some() {
                    continue;
                }
                assert!(line.chars().all(ok), "bad data line: {line}");
            }
        }
    }

    #[test]
    fn words_pack_lowercased() {
        let pad = "Said THE Don't xy";
        for (start, len, want) in [
            (0, 4, "said"),
            (5, 3, "the"),
            (9, 5, "don't"),
            (15, 2, "xy"),
        ] {
            assert_eq!(
                pack_ascii_lower_at(pad.as_bytes(), start, len),
                pack(want.as_bytes()),
                "{want}"
            );
        }
        assert_eq!(pack_ascii_lower("é".as_bytes()), None);
        assert_eq!(pack_ascii_lower("@[`{".as_bytes()), pack("@[`{".as_bytes()));
    }

    #[test]
    fn in_place_lookups_answer_as_word_lookups() {
        let text = "Said the spokeswoman: “Don’t”, é zzzz internationalisation officials";
        for (start, w) in text.match_indices(|c: char| c.is_alphanumeric()) {
            let _ = w;
            let end = text[start..]
                .find(|c: char| !c.is_alphanumeric() && c != '\u{2019}')
                .map_or(text.len(), |e| start + e);
            let word = &text[start..end];
            assert_eq!(
                LEXICON.get_at(text, start, word.len()),
                LEXICON.get(word),
                "{word}"
            );
        }
    }

    #[test]
    fn adjunct_phrases_are_loaded() {
        assert!(
            LEXICON
                .adjuncts
                .iter()
                .any(|a| a.join(" ") == "in a statement")
        );
        assert_ne!(LEXICON.get("in").class & Class::ADJUNCT_START, 0);
    }
}
