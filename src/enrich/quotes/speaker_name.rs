//! Whether a speaker's name is a name, and the name inside one that is not.
//!
//! Takes the speaker text the resolver produced and says what it names: a person ("Marco
//! Rubio", "Subroto", "a State Department official"), an organisation ("Standard and Poor's
//! Corp", "Finance Ministry"), a government ("India", "Britain"), a group ("officials", "58
//! percent of voters"), a record that speaks for its authors ("Polls") or one proper name that
//! may be any of these ("Reagan", "Exxon"). It rejects what a reader would not take for a
//! speaker: a single letter, a company suffix alone ("Co"), an office word alone ("Bank",
//! "Department"), a title without its holder ("Prime Minister") or kept on a name ("Energy
//! Minister Subroto", "Pres. Obama"), a sentence word ("However"), a possessive phrase
//! ("Howard's Tokyo itinerary"), a demonym ("American") or a phrase cut at the wrong place
//! ("former Bank of England").
//!
//! [`repair`] finds the longest name at the end of a rejected phrase ("Mines and Energy
//! Minister Subroto" -> "Subroto"), [`record_owner`] the name behind a record ("Urban Action
//! study" -> "Urban Action"), and [`government_name`] the country a capital speaks for ("New
//! Delhi" -> "India"). The check reads only the words, so it can be run over any extractor's
//! output.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::lexicon::{Class, LEXICON};
use super::text::strip_possessive;
use super::words::ends_company_name;
use crate::enrich::countries::{self, CountryCode, Kind};

const SPEAKER_WORDS: &str = include_str!("../../../data/speaker_names.txt");
const TITLES: &str = include_str!("../../../data/titles.txt");
const SPEAKER_KINDS: &str = include_str!("../../../data/speaker_kinds.txt");

/// What a speaker name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerKind {
    /// A person by name: given name and surname, or a titled or single known name.
    Person,
    /// An organisation: a company, a ministry, a party, an agency.
    Org,
    /// A country or its government ("India", "Britain", "the Kremlin").
    Government,
    /// A group of people by a noun phrase ("officials", "Federal and state officials").
    Group,
    /// A poll, report or record standing for the people behind it ("Polls", "a new ORC poll").
    Record,
    /// One proper name that the words alone do not place: a surname, a company, an agency
    /// ("Reagan", "Exxon", "USDA").
    Name,
}

/// Why a speaker text is not a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Reject {
    #[error("empty")]
    Empty,
    #[error("a single letter or initials")]
    Initials,
    #[error("a company suffix alone")]
    SuffixAlone,
    #[error("an office or common noun standing alone")]
    CommonNoun,
    #[error("a title or role without a name, or a title kept on a name")]
    TitleFragment,
    #[error("a sentence word or function word")]
    SentenceWord,
    #[error("a possessive phrase")]
    Possessive,
    #[error("a demonym or a place that is not a government")]
    Place,
    #[error("not a noun phrase")]
    NotAPhrase,
}

/// The word lists of `data/speaker_names.txt`.
struct Words {
    company_suffix: HashSet<String>,
    institution: HashSet<String>,
    company_noun: HashSet<String>,
    person_noun: HashSet<String>,
    /// Offices one person holds at a time ("prime minister", "chancellor").
    single_office: HashSet<String>,
    /// Offices one person holds for a place, party or body ("leader", "senator").
    held_office: HashSet<String>,
    /// Letters of office after a name ("MP", "MPP").
    postnominal: HashSet<String>,
    /// Words that make an office another ("shadow", "former").
    office_modifier: HashSet<String>,
    /// Written things that speak for whoever issued them ("the report", "the paper").
    record_noun: HashSet<String>,
    /// Last words of a newspaper's or an agency's name ("Daily", "Telegraph").
    outlet_word: HashSet<String>,
    /// Lines of work written before a name like a title ("Flanker", "Novelist").
    occupation: HashSet<String>,
    /// What a person just written about is called in the next sentence ("the captain",
    /// "the goaltender", "the veteran").
    subject_role: HashSet<String>,
    /// Words that tie a described source's head to what follows ("spokeswoman for
    /// YouTube").
    link_word: HashSet<String>,
    /// Endings of a noun for someone who does something ("journalist", "dealer").
    agent_ending: HashSet<String>,
    /// Titles and courtesy titles of `data/titles.txt`, for telling a misspelt one.
    titles: Vec<String>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let mut out = Words {
        company_suffix: HashSet::new(),
        institution: HashSet::new(),
        company_noun: HashSet::new(),
        person_noun: HashSet::new(),
        single_office: HashSet::new(),
        held_office: HashSet::new(),
        postnominal: HashSet::new(),
        office_modifier: HashSet::new(),
        record_noun: HashSet::new(),
        outlet_word: HashSet::new(),
        occupation: HashSet::new(),
        subject_role: HashSet::new(),
        link_word: HashSet::new(),
        agent_ending: HashSet::new(),
        titles: Vec::new(),
    };
    let mut section = "";
    for line in TITLES.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
        } else if matches!(section, "role" | "honorific")
            && let Some(word) = line.split_whitespace().next()
        {
            out.titles.push(word.to_string());
        }
    }
    let mut section = "";
    for line in SPEAKER_WORDS.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
            continue;
        }
        let set = match section {
            "company_suffix" => &mut out.company_suffix,
            "institution" => &mut out.institution,
            "company_noun" => &mut out.company_noun,
            "person_noun" => &mut out.person_noun,
            "single_office" => &mut out.single_office,
            "held_office" => &mut out.held_office,
            "postnominal" => &mut out.postnominal,
            "office_modifier" => &mut out.office_modifier,
            "record_noun" => &mut out.record_noun,
            "outlet_word" => &mut out.outlet_word,
            "occupation" => &mut out.occupation,
            "subject_role" => &mut out.subject_role,
            "link_word" => &mut out.link_word,
            "agent_ending" => &mut out.agent_ending,
            other => panic!("data/speaker_names.txt: unknown section [{other}]"),
        };
        set.insert(line.to_lowercase());
    }
    out
});

/// Lowercased gazetteer phrase -> (country, kind); a phrase listed under several kinds keeps
/// the one that names the country most directly.
static PLACES: LazyLock<HashMap<String, (CountryCode, Kind)>> = LazyLock::new(|| {
    let rank = |k: Kind| match k {
        Kind::Name => 0,
        Kind::Abbr => 1,
        Kind::Seat => 2,
        Kind::Capital => 3,
        Kind::Hist => 4,
        Kind::Adj => 5,
        Kind::Currency | Kind::Prefix => 6,
    };
    let mut out: HashMap<String, (CountryCode, Kind)> = HashMap::new();
    for (text, code, kind) in countries::phrases() {
        let key = fold(text);
        match out.get(&key) {
            Some(&(_, old)) if rank(old) <= rank(kind) => {}
            _ => {
                out.insert(key, (code, kind));
            }
        }
    }
    out
});

/// Lowercase, curly apostrophes straightened, a leading "the " dropped.
fn fold(s: &str) -> String {
    let s = s.trim().to_lowercase().replace('\u{2019}', "'");
    match s.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => s,
    }
}

/// The country a whole phrase names, and how.
fn place(phrase: &str) -> Option<(CountryCode, Kind)> {
    PLACES.get(&fold(phrase)).copied()
}

/// One word of a speaker text.
struct Word<'a> {
    text: &'a str,
    /// Without a possessive ending or a final period.
    core: &'a str,
    cap: bool,
    possessive: bool,
    class: u64,
}

impl<'a> Word<'a> {
    fn new(text: &'a str) -> Word<'a> {
        let bare = strip_possessive(text);
        let possessive = bare.len() < text.len() || text.ends_with("s'") && text.len() > 3;
        let core = bare.trim_end_matches(['.', '\'', '\u{2019}']);
        let cap = core.chars().next().is_some_and(char::is_uppercase);
        Word {
            text,
            core,
            cap,
            possessive,
            class: LEXICON.get(core).class,
        }
    }

    fn is(&self, class: u64) -> bool {
        self.class & class != 0
    }

    fn letters(&self) -> usize {
        self.core.chars().filter(|c| c.is_alphabetic()).count()
    }

    /// "J.", "P", "U.S." are initials; "Li" is not.
    fn is_initial(&self) -> bool {
        self.letters() <= 1 && self.cap && !self.core.chars().any(|c| c.is_ascii_digit())
    }

    fn is_suffix(&self) -> bool {
        WORDS.company_suffix.contains(&self.core.to_lowercase())
    }

    /// An abbreviated title kept on a name: "Pres.", "Sen.", "Gov." (not an initial, nor an
    /// abbreviation with periods inside such as "U.S.").
    fn is_title_abbreviation(&self) -> bool {
        self.text.ends_with('.')
            && self.letters() >= 2
            && !self.core.contains('.')
            && !self.is(Class::FIRST_NAME | Class::PARTICLE | Class::HONORIFIC)
    }

    /// A word of a role phrase: "Minister", "former", "Foreign", "Tory".
    fn is_role_word(&self) -> bool {
        self.is(Class::ROLE | Class::ROLE_MOD | Class::HONORIFIC | Class::PARTY)
            && !self.is(Class::FIRST_NAME)
    }

    /// "US", "IBM": an acronym is no function word even when it spells one ("us", "it").
    fn is_acronym(&self) -> bool {
        self.letters() >= 2 && self.core.chars().all(|c| !c.is_lowercase())
    }

    /// A word that opens a sentence or a clause and never a name ("However", "But", "They").
    fn opens_clause(&self) -> bool {
        self.is(Class::SENTENCE_WORD | Class::PRONOUN | Class::WH | Class::NEG | Class::CONJ)
            && !self.is(Class::FIRST_NAME | Class::GROUP | Class::QUANT)
            && !self.is_acronym()
            && !self.text.ends_with('.')
    }

    /// A word that opens a sentence or joins clauses, never a name of its own.
    fn is_function_word(&self) -> bool {
        if self.is_acronym() && !self.is(Class::TIME) {
            return false;
        }
        self.is(Class::SENTENCE_WORD
            | Class::ADVERB
            | Class::DET
            | Class::PREP
            | Class::CONJ
            | Class::PRONOUN
            | Class::AUX
            | Class::NEG
            | Class::WH
            | Class::QUANT
            | Class::RELATIVE
            | Class::TIME
            | Class::CUE)
            && !self.is(Class::FIRST_NAME | Class::GROUP)
    }
}

/// Is `name` a speaker's name?
pub fn is_speaker_name(name: &str) -> bool {
    classify(name).is_ok()
}

/// What `name` names, or why it is not a name.
pub fn classify(name: &str) -> Result<SpeakerKind, Reject> {
    let bare = without_asides(name);
    let words: Vec<Word> = bare.split_whitespace().map(Word::new).collect();
    let Some(last) = words.last() else {
        return Err(Reject::Empty);
    };
    let allowed = |c: char| c.is_alphanumeric() || "'\u{2019}.-&,/%".contains(c);
    if !bare.chars().all(|c| allowed(c) || c.is_whitespace())
        || words.iter().all(|w| w.letters() == 0)
    {
        return Err(Reject::NotAPhrase);
    }
    if last.possessive {
        return Err(Reject::Possessive);
    }
    if let Some(verdict) = by_head_before_link(&words) {
        return verdict;
    }
    if words.len() == 1 {
        return single(last);
    }
    if let Some(reject) = badly_formed(&words) {
        return Err(reject);
    }
    if !last.cap {
        return lower_head(&words);
    }
    if title_before_full_name(&words) {
        return Err(Reject::TitleFragment);
    }
    capitalised(name, &words)
}

/// "spokeswoman for YouTube", "officials in both cities", "58 percent of voters": a
/// described source is judged by its head, before the modifier; `None` when the words before
/// the link are no such head.
fn by_head_before_link(words: &[Word]) -> Option<Result<SpeakerKind, Reject>> {
    let link = words.iter().position(|w| is_link(w.core))?;
    if link == 0 {
        return None;
    }
    if words[..link]
        .iter()
        .all(|w| is_share(w) || w.is(Class::DET))
    {
        // "Some of the women", "One in three".
        return Some(Ok(SpeakerKind::Group));
    }
    // "Senator from Texas", "Secretary of State": a title placed by what follows.
    if link == 1 && words[0].cap && words[0].is(Class::ROLE) {
        return Some(Ok(SpeakerKind::Person));
    }
    let head = &words[link - 1];
    if (!head.cap || head.is(Class::GROUP)) && !head.possessive {
        let head = words[..link]
            .iter()
            .map(|w| w.text)
            .collect::<Vec<_>>()
            .join(" ");
        return Some(classify(&head));
    }
    None
}

/// Why a phrase of two or more words is no speaker whatever its last word: only initials
/// capitalised, a company suffix with no name, a sentence word or an abbreviated title
/// first, or an owner followed by nothing that can speak.
fn badly_formed(words: &[Word]) -> Option<Reject> {
    let first = &words[0];
    let last = &words[words.len() - 1];
    if words.iter().any(|w| w.cap) && words.iter().filter(|w| w.cap).all(|w| w.is_initial()) {
        return Some(Reject::Initials);
    }
    if words.iter().any(|w| w.is_suffix()) && words.iter().all(|w| w.is_suffix() || !w.cap) {
        return Some(Reject::SuffixAlone);
    }
    let group_head = !last.cap && (is_people_noun(last) || is_share(last));
    if first.cap && first.opens_clause() && !group_head {
        return Some(Reject::SentenceWord);
    }
    if first.is_title_abbreviation() {
        return Some(Reject::TitleFragment);
    }
    // A possessive inside: what follows must be what the owner has that can speak ("Clinton's
    // campaign", "Ruiz's aides", "China's Ministry of Commerce", "Moody's Investors Service").
    if let Some(p) = words.iter().position(|w| w.possessive) {
        let rest = &words[p + 1..];
        let speaks = rest.last().is_some_and(|w| {
            w.is(Class::GROUP | Class::ORG_HEAD | Class::ROLE | Class::DOCUMENT)
                || !w.cap && (is_people_noun(w) || agent_noun(w.core))
                || w.is_suffix()
                || w.cap && !w.is(Class::TIME) && rest.len() >= 2
        }) || rest
            .iter()
            .any(|w| w.is(Class::ORG_HEAD | Class::ORG_UNIT) && w.cap);
        if !speaks {
            return Some(Reject::Possessive);
        }
    }
    None
}

/// Whether a title or a line of work opens what is otherwise a full name: "Secertary James
/// Baker", "Guitarist Brian May", "Flanker Martyn Williams".
fn title_before_full_name(words: &[Word]) -> bool {
    let first = &words[0];
    // A title or an occupation before a given name that opens a full name.
    if words.len() >= 3
        && words[1].is(Class::FIRST_NAME)
        && words[1].cap
        && (near_title(first.core) || agent_noun(first.core))
    {
        return true;
    }
    // "Film-maker Spike Lee": a line of work written like a title before two words of a name
    // whose given name the lists do not know.
    words.len() == 3
        && is_occupation(first.core)
        && !first.is(Class::FIRST_NAME | Class::HONORIFIC)
        && words[1..].iter().all(|w| {
            w.cap
                && !w.is_suffix()
                && !w.is_acronym()
                && !w.is(Class::ROLE_ANY | Class::ORG_HEAD | Class::GROUP | Class::HONORIFIC)
                && place(w.text).is_none()
        })
        && !words[1].is(Class::PARTICLE)
}

/// A phrase of two or more words ending in a capitalised word: a person, a place, an
/// organisation, a group or a name, unless a title sits in it without its holder.
fn capitalised(name: &str, words: &[Word]) -> Result<SpeakerKind, Reject> {
    let first = &words[0];
    let last = &words[words.len() - 1];
    let given = first.is(Class::FIRST_NAME | Class::HONORIFIC) && !first.is(Class::ROLE);
    if !given
        && !last.is_acronym()
        && last.is(Class::TIME | Class::PREP | Class::DET | Class::PRONOUN | Class::CONJ)
    {
        return Err(Reject::NotAPhrase);
    }
    // "some Democrats", "many Americans": a share of a people or a party.
    if last.is(Class::GROUP) && last.is(Class::PROPER)
        || looks_plural(last.core) && place(last.text).is_some()
    {
        return Ok(SpeakerKind::Group);
    }
    // "former Bank of England", "the council's Monday": lowercase words before a name that is
    // not theirs.
    if !first.cap {
        return Err(Reject::TitleFragment);
    }
    if last.is_suffix() {
        return Ok(SpeakerKind::Org);
    }
    if let Some((_, kind)) = place(name) {
        return match kind {
            Kind::Adj | Kind::Currency | Kind::Prefix => Err(Reject::Place),
            Kind::Seat if words.iter().any(|w| w.is(Class::ORG_HEAD)) => Ok(SpeakerKind::Org),
            _ => Ok(SpeakerKind::Government),
        };
    }
    if given {
        // A given name opens a person's name; a role word after it is a surname ("Paul
        // King", "Ross Bishop").
        return Ok(SpeakerKind::Person);
    }
    // "General Motors": a word that ends a company's name ends it after a rank too.
    if ends_company_name(last.core) {
        return Ok(SpeakerKind::Org);
    }
    if title_without_holder(words) {
        return Err(Reject::TitleFragment);
    }
    if words
        .iter()
        .any(|w| w.is(Class::ORG_HEAD | Class::ORG_UNIT))
    {
        return Ok(SpeakerKind::Org);
    }
    if last.is(Class::GROUP) {
        return Ok(SpeakerKind::Group);
    }
    Ok(SpeakerKind::Name)
}

/// Whether a capitalised phrase with no given name first is a title kept on a name ("Energy
/// Minister Subroto") or a role with only office words before it ("Bank of England
/// Governor", "Prime Minister", "Democratic presidential candidate").
fn title_without_holder(words: &[Word]) -> bool {
    let last = &words[words.len() - 1];
    let role_at = words
        .iter()
        .rposition(|w| w.is(Class::ROLE) && !w.is(Class::FIRST_NAME) && w.cap);
    if role_at.is_some_and(|k| k + 1 < words.len()) && !last.is(Class::ORG_HEAD | Class::GROUP) {
        return true;
    }
    last.is_role_word()
        && !last.is(Class::ORG_HEAD)
        && !is_link(words[words.len() - 2].core)
        && words[..words.len() - 1].iter().all(|w| {
            w.is_role_word()
                || w.is(Class::ORG_HEAD | Class::ORG_UNIT) && !w.is(Class::DOCUMENT)
                || !w.cap
                || place(w.text).is_some()
        })
}

/// A number or a share word: "47%", "61", "percent", "half", "Some".
fn is_share(w: &Word) -> bool {
    w.is(Class::MEASURE | Class::QUANT)
        || !w.core.is_empty()
            && w.core
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '%')
}

fn looks_plural(word: &str) -> bool {
    word.len() >= 4 && word.ends_with('s') && !["ss", "us", "is"].iter().any(|e| word.ends_with(e))
}

/// Does `word` tie a described source's head to what follows ("for", "in", "familiar")?
fn is_link(word: &str) -> bool {
    WORDS.link_word.contains(word)
}

/// `name` without parenthesised asides ("Kristen Gillibrand (D-NY)" -> "Kristen
/// Gillibrand"); a parenthesis left open or closed alone stays, to be rejected.
fn without_asides(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')') else {
            break;
        };
        out.push_str(&rest[..open]);
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    if out.contains('(') || out.contains(')') {
        return name.to_string();
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Does `word` end like a noun for someone who does something ("journalist", "dealers",
/// "Guitarist", "Negotiations")?
fn agent_noun(word: &str) -> bool {
    let w = word.to_lowercase();
    let w = w.strip_suffix('s').unwrap_or(&w);
    w.chars().count() >= 5
        && WORDS
            .agent_ending
            .iter()
            .any(|end| w.ends_with(end.as_str()))
}

/// Is `word` a line of work written before a name ("Flanker", "Film-maker", "Novelist")?
fn is_occupation(word: &str) -> bool {
    let w = word.to_lowercase();
    WORDS.occupation.contains(&w)
        || w.split_once('-')
            .is_some_and(|(_, tail)| agent_noun(tail) || WORDS.occupation.contains(tail))
}

/// A lowercase head that names people: a group noun, or a plural agent noun ("dealers",
/// "lawyers").
fn is_people_noun(w: &Word) -> bool {
    WORDS.person_noun.contains(&w.core.to_lowercase())
        || w.is(Class::GROUP)
        || w.core.ends_with('s') && agent_noun(w.core)
        || w.core
            .strip_suffix('s')
            .is_some_and(|one| LEXICON.get(one).class & (Class::GROUP | Class::ORG_HEAD) != 0)
}

/// Is `word` a title misspelt ("Secertary", "Presdient"): one or two letters from a title of
/// six or more letters?
fn near_title(word: &str) -> bool {
    let w = word.to_lowercase();
    w.len() >= 6
        && WORDS
            .titles
            .iter()
            .any(|t| t.len() >= 6 && t.len().abs_diff(w.len()) <= 2 && edits(t, &w) <= 2)
}

/// Edit distance (insertions, deletions, substitutions, swaps of neighbours) of two short
/// words.
fn edits(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

/// A one-word speaker.
fn single(w: &Word) -> Result<SpeakerKind, Reject> {
    if w.is_initial() {
        return Err(Reject::Initials);
    }
    if w.is_suffix() {
        return Err(Reject::SuffixAlone);
    }
    if w.is(Class::QUANT | Class::DET) {
        // "Some", "Many", "Others": says nothing of who spoke.
        return Err(Reject::SentenceWord);
    }
    if w.is(Class::GROUP) && (w.is(Class::PLURAL) || w.is(Class::PROPER)) {
        return Ok(SpeakerKind::Group);
    }
    if !w.cap {
        return lower_head(std::slice::from_ref(w));
    }
    if let Some((_, kind)) = place(w.text) {
        return match kind {
            // "Britons", "Americans": a people speaks as a group.
            Kind::Adj if w.core.ends_with('s') => Ok(SpeakerKind::Group),
            Kind::Adj | Kind::Prefix => Err(Reject::Place),
            // "Schilling": a surname before a currency.
            Kind::Currency => Ok(SpeakerKind::Name),
            _ => Ok(SpeakerKind::Government),
        };
    }
    if WORDS.institution.contains(&w.core.to_lowercase()) {
        return Ok(SpeakerKind::Org);
    }
    if w.is(Class::PARTY)
        && !w.is(Class::ROLE)
        && !w.core.ends_with("ic")
        && !w.core.ends_with("an")
    {
        // "Labour said": the party ("Republican", "Democratic" qualify a noun).
        return Ok(SpeakerKind::Org);
    }
    if w.is_acronym() && !w.is(Class::DOCUMENT) {
        // "IBM", "USDA", "PAC".
        return Ok(SpeakerKind::Name);
    }
    if w.is(Class::DOCUMENT) {
        return Ok(SpeakerKind::Record);
    }
    if w.is(Class::ORG_HEAD | Class::ORG_UNIT) {
        return Err(Reject::CommonNoun);
    }
    if w.is(Class::ROLE | Class::HONORIFIC | Class::PARTY) || w.is_title_abbreviation() {
        return Err(Reject::TitleFragment);
    }
    if w.is_function_word() {
        return Err(Reject::SentenceWord);
    }
    if w.is(Class::FIRST_NAME) {
        return Ok(SpeakerKind::Person);
    }
    Ok(SpeakerKind::Name)
}

/// A phrase ending in a lowercase word: a group ("state officials"), a described person or
/// office ("a State Department official", "Clinton's campaign"), else not a speaker.
fn lower_head(words: &[Word]) -> Result<SpeakerKind, Reject> {
    let last = &words[words.len() - 1];
    if last.is(Class::DOCUMENT) && !last.is(Class::ROLE | Class::GROUP) {
        return Ok(SpeakerKind::Record);
    }
    if is_people_noun(last) || is_share(last) {
        // "state officials", "61 percent", "Six in 10".
        return Ok(SpeakerKind::Group);
    }
    let after_name = words.len() >= 2 && words[words.len() - 2].cap;
    if after_name && looks_plural(last.core) {
        // "Trump fans", "Election scholars".
        return Ok(SpeakerKind::Group);
    }
    if last.is(Class::ORG_HEAD) {
        return Ok(SpeakerKind::Org);
    }
    if last.is(Class::ROLE) || agent_noun(last.core) {
        // A described person: "a State Department official", "presumptive Republican
        // nominee", "Chinese journalist".
        return Ok(SpeakerKind::Person);
    }
    Err(Reject::NotAPhrase)
}

/// The longest name at the end of a rejected `name`, if any: "Mines and Energy Minister
/// Subroto" -> "Subroto", "Pres. Obama" -> "Obama". A phrase that names a role's organisation rather than its holder ("former Bank
/// of England") gives nothing: the organisation did not speak.
pub fn repair(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let first = Word::new(words.first()?);
    // "former Bank of England": the office of a role's holder did not speak; "veteran
    // Republicans" are still Republicans.
    let people_only = !first.cap && first.is_role_word();
    // "set of Clean Air Act": a common noun heads the phrase, and what it is "of" did not
    // speak.
    if words
        .iter()
        .enumerate()
        .any(|(k, w)| k > 0 && is_link(w) && !Word::new(words[k - 1]).cap)
    {
        return None;
    }
    let n = words.len();
    // The end, longest first: a title or clause words come before a name.
    for (start, len) in (1..n).rev().map(|len| (n - len, len)) {
        {
            let cand = &words[start..start + len];
            let edge = Word::new(cand[0]);
            let tail = Word::new(cand[len - 1]);
            if !edge.cap || tail.possessive {
                continue;
            }
            let text = cand.join(" ");
            // A piece of a role ("Foreign" of "Foreign Minister") or a cut company name ("Co"
            // of "Sears, Roebuck and Co") is not what the phrase names.
            if text.ends_with(',') {
                continue;
            }
            // "Senator from Texas", "advisers to Mr. Obama": what follows a link is not who
            // spoke.
            if start > 0 && (is_link(words[start - 1]) || words[start - 1] == "to") {
                continue;
            }
            match classify(&text) {
                Ok(SpeakerKind::Group | SpeakerKind::Person) => return Some(text),
                Ok(_) if !people_only => return Some(text),
                _ => {}
            }
        }
    }
    None
}

/// A speaker text without what is not part of the name: parenthesised asides ("(D-NY)") and
/// an age or a trailing comma ("Jessie Elkins, 70,").
pub fn tidy(name: &str) -> String {
    let mut out = without_asides(name);
    // "Quinnipiac University poll released in late August", "officials who worked with him":
    // a participle or relative clause after the head is not part of the name.
    let mut at = 0;
    for (k, w) in out.split(' ').enumerate() {
        let word = Word::new(w);
        let clause = word.is(Class::RELATIVE | Class::WH)
            || !word.cap && w.len() >= 6 && w.ends_with("ed") && !word.is_role_word();
        if clause && !word.is(Class::ROLE | Class::GROUP) {
            if k >= 2 {
                out.truncate(at.max(1) - 1);
            }
            break;
        }
        at += w.len() + 1;
    }
    if let Some(comma) = out.find(',') {
        let after = out[comma + 1..].trim().trim_end_matches(',');
        if after.is_empty() || after.chars().all(|c| c.is_ascii_digit()) {
            out.truncate(comma);
        }
    }
    out.trim()
        .trim_end_matches([',', ';', ':'])
        .trim()
        .to_string()
}

/// The name that owns a record ("ORC" of "a new ORC poll", "Urban Action" of "Urban Action
/// study"), if the record names one.
pub fn record_owner(name: &str) -> Option<String> {
    record_owner_named(name, |_| false)
}

/// [`record_owner`], where `named(word)` tells whether the text writes a lone capitalised
/// owner as a name (capitalised where no sentence opens: "a Holcim statement", "the YouGov
/// poll"), which "Recent polling" or "Official figures" never are.
pub fn record_owner_named(name: &str, named: impl Fn(&str) -> bool) -> Option<String> {
    let words: Vec<Word> = name.split_whitespace().map(Word::new).collect();
    let start = words.iter().position(|w| w.cap)?;
    let end = words.iter().rposition(|w| w.cap)? + 1;
    if end == words.len() || words[start..end].iter().any(|w| w.possessive && !w.cap) {
        return None;
    }
    let owner = words[start..end]
        .iter()
        .map(|w| w.text)
        .collect::<Vec<_>>()
        .join(" ");
    let owner = owner
        .strip_suffix("'s")
        .or_else(|| owner.strip_suffix("\u{2019}s"))
        .unwrap_or(&owner)
        .to_string();
    // "Exit polling", "Recent polling": one capitalised word may open the sentence rather
    // than name anyone; an acronym or a longer name is an owner.
    let one = Word::new(&owner);
    if !owner.contains(' ') && !one.is_acronym() && !lone_owner(&words, start, &named) {
        return None;
    }
    match classify(&owner) {
        Ok(SpeakerKind::Record) | Err(_) => None,
        Ok(_) => Some(owner),
    }
}

/// Places that are no country ("Iowa", "Kremlin"), from the `[place]` section of
/// `data/speaker_kinds.txt`: "Iowa polls" are polls of Iowa, by no one named.
static PLACE_WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    SPEAKER_KINDS
        .lines()
        .skip_while(|l| l.trim() != "[place]")
        .skip(1)
        .take_while(|l| !l.trim().is_empty() && !l.starts_with('['))
        .flat_map(str::split_whitespace)
        .map(str::to_string)
        .collect()
});

/// Does the one capitalised word `words[k]` of a record's name own the record: written as a
/// name in the text (`named`), right before the record's noun or with an owner's "'s"
/// ("the Halifax survey", "Newmont's annual report"), and no modifier ("Congressional",
/// "Western", "ILO-based", "Democrat") or place?
fn lone_owner(words: &[Word], k: usize, named: &impl Fn(&str) -> bool) -> bool {
    let w = &words[k];
    // (An owner's "'s" may stand further back: "Bundesbank's 1986 annual report".)
    let placed = words[k + 1..].iter().any(|r| r.is(Class::DOCUMENT))
        && (w.possessive || k + 2 == words.len());
    let place = place(w.core).is_some() || PLACE_WORDS.contains(&w.core.to_lowercase());
    let modifier = w.is(Class::ROLE_ANY)
        || w.is_function_word()
        || w.core
            .split_once('-')
            .is_some_and(|(_, tail)| tail.chars().next().is_some_and(char::is_lowercase))
        || w.core.chars().any(|c| c.is_ascii_digit())
        || ["al", "ern", "ic", "ian", "ese", "ish"]
            .iter()
            .any(|e| w.core.ends_with(e));
    placed
        && !modifier
        && named(w.core)
        && match classify(w.core) {
            Ok(SpeakerKind::Government) => w.possessive,
            Ok(SpeakerKind::Org | SpeakerKind::Name | SpeakerKind::Person) => {
                !place || w.possessive
            }
            _ => false,
        }
}

/// A group's name in one spelling: its common nouns in lowercase however the sentence
/// capitalised them ("Analysts" -> "analysts", "U.S. Officials" -> "U.S. officials"); a group
/// that is a name keeps its capital ("Democrats").
pub fn group_name(name: &str) -> String {
    name.split(' ')
        .map(|w| {
            let word = Word::new(w);
            // ("Conservatives" is a party as well as a group.)
            let party = LEXICON.get(word.core.trim_end_matches('s')).class & Class::PARTY != 0;
            if word.cap
                && word.is(Class::GROUP)
                && !word.is(Class::PROPER | Class::QUANT)
                && !word.is_acronym()
                && !party
            {
                w.to_lowercase()
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Is `role` the words of a role ("Secretary of State", "British Prime Minister", "New York
/// brokerage firm")? Not a clause or a measure cut out beside a name ("record; interview",
/// "would amount to about 47.50 dlrs", "weekend", "number of", "Brussels summit").
pub fn is_role(role: &str) -> bool {
    let words: Vec<Word> = role.split_whitespace().map(Word::new).collect();
    let Some(last) = words.last() else {
        return false;
    };
    let allowed = |c: char| c.is_alphabetic() || " '\u{2019}.-&,()/".contains(c);
    role.chars().all(allowed)
        && words.len() <= 10
        && last.is(Class::ROLE | Class::ROLE_MOD | Class::ORG_HEAD | Class::ORG_UNIT | Class::GROUP)
        && !words
            .iter()
            .any(|w| w.is(Class::AUX | Class::PRONOUN) && !w.is_role_word())
}

/// Is `word` a company's legal-form suffix ("Co", "Inc", "Corp", "PLC")?
pub fn is_company_suffix(word: &str) -> bool {
    Word::new(word).is_suffix()
}

/// Is `phrase` a capital city (which places a person, and so ties them to no country)?
pub fn is_capital(phrase: &str) -> bool {
    matches!(place(phrase), Some((_, Kind::Capital)))
}

/// Is `name` a political party's name for its members ("Tories", "Liberal Democrats", "Senate
/// Republicans"): a capitalised word of the `[party]` list, or its plural?
pub fn is_party_name(name: &str) -> bool {
    let party = |w: &str| LEXICON.get(w).class & Class::PARTY != 0;
    name.split(' ').any(|w| {
        let word = Word::new(w);
        word.cap
            && (word.is(Class::PARTY)
                || word.core.strip_suffix('s').is_some_and(party)
                || word
                    .core
                    .strip_suffix("ies")
                    .is_some_and(|stem| party(&format!("{stem}y"))))
    })
}

/// Is `word` a common noun for a business ("the company", "the airline", "the firm"), which
/// stands for the last company named?
pub fn is_company_noun(word: &str) -> bool {
    WORDS.company_noun.contains(&word.to_lowercase())
}

/// Is `word` a noun for a written thing that speaks for whoever issued it ("the report
/// said", "the paper added", "the communique said")?
pub fn is_record_noun(word: &str) -> bool {
    WORDS.record_noun.contains(&word.to_lowercase())
}

/// Does `name` end as a newspaper's or a news agency's name ("China Daily", "the Sunday
/// Telegraph", "Vedomosti newspaper")?
pub fn is_outlet(name: &str) -> bool {
    name.rsplit(' ')
        .next()
        .is_some_and(|w| WORDS.outlet_word.contains(&w.to_lowercase()))
}

/// The country a word or phrase of the text names ("Japanese", "Brazil's", "UK", "Beijing"),
/// if any.
pub fn country_named(phrase: &str) -> Option<CountryCode> {
    match place(strip_possessive(phrase)) {
        Some((code, Kind::Name | Kind::Abbr | Kind::Adj | Kind::Seat | Kind::Capital)) => {
            Some(code)
        }
        _ => None,
    }
}

/// How surely a mention of `phrase` says which country's government an article is about: a
/// seat of government ("Downing Street", "White House") three times as surely as a name,
/// which may name the country as a place ("the Iraq war").
pub fn government_weight(phrase: &str) -> usize {
    match place(strip_possessive(phrase)) {
        Some((_, Kind::Seat)) => 3,
        _ => 1,
    }
}

/// Is `word` a country's own name ("Canada", "Australia"), not its capital or adjective?
pub fn is_country_name(word: &str) -> bool {
    matches!(place(word), Some((_, Kind::Name)))
}

/// Is `phrase` a country's adjective or abbreviation ("Japanese", "US"), so "<phrase>
/// government" is how its government is called?
pub fn is_country_modifier(phrase: &str) -> bool {
    matches!(place(phrase), Some((_, Kind::Adj | Kind::Abbr)))
}

/// First adjective of each country in the gazetteer ("British", "Japanese").
static ADJECTIVES: LazyLock<HashMap<CountryCode, &'static str>> = LazyLock::new(|| {
    let mut out = HashMap::new();
    for (text, code, kind) in countries::phrases() {
        if kind == Kind::Adj {
            out.entry(code).or_insert(text);
        }
    }
    out
});

/// How country `code`'s government is called as a speaker ("British government"); `None`
/// for a country the gazetteer gives no adjective.
pub fn government_of(code: CountryCode) -> Option<String> {
    ADJECTIVES.get(&code).map(|adj| format!("{adj} government"))
}

/// Is `role` (lowercase words) an office one person holds at a time, so that "the prime
/// minister" in an article about a person it never gave a role stands for that person?
/// Does `word` before an office make it another ("shadow", "former")?
pub fn is_office_modifier(word: &str) -> bool {
    WORDS.office_modifier.contains(word)
}

/// Is `word` an office one person holds for a place, a party, a team or a body ("leader",
/// "senator", "manager"; not "spokesman")?
pub fn is_held_office(word: &str) -> bool {
    WORDS.held_office.contains(word)
}

/// Is `word` what a person the sentence before was about may be called instead of by name
/// ("the captain said", "the goaltender said")?
pub fn is_subject_role(word: &str) -> bool {
    WORDS.subject_role.contains(word)
}

/// Is `word` letters of office written after a name ("MP", "MPP", "QC"), in any case?
pub fn is_postnominal(word: &str) -> bool {
    WORDS.postnominal.contains(&word.to_lowercase())
}

/// A word before the office that makes it another ("shadow chancellor", "former president")
/// leaves it no office of this kind.
pub fn is_single_office(role: &[&str]) -> bool {
    let n = role.len();
    let office = if n >= 2 && WORDS.single_office.contains(&role[n - 2..].join(" ")) {
        n - 2
    } else if n >= 1 && WORDS.single_office.contains(role[n - 1]) {
        n - 1
    } else {
        return false;
    };
    !role[..office]
        .iter()
        .any(|w| WORDS.office_modifier.contains(*w))
}

/// The name a government speaker goes by: a capital used for its government speaks as its
/// country ("New Delhi" -> "India", "Washington" -> "United States"); any other name as is.
pub fn government_name(name: &str) -> Option<&'static str> {
    match place(name) {
        Some((code, Kind::Capital)) => Some(countries::name_of(code)).filter(|n| !n.is_empty()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_people_organisations_governments_and_groups() {
        let cases: &[(&str, SpeakerKind)] = &[
            ("Marco Rubio", SpeakerKind::Person),
            ("Hillary Rodham Clinton", SpeakerKind::Person),
            ("Donald J. Trump", SpeakerKind::Person),
            ("Subroto", SpeakerKind::Name),
            ("Reagan", SpeakerKind::Name),
            ("Xi Jinping", SpeakerKind::Name),
            ("Standard and Poor's Corp", SpeakerKind::Org),
            ("Sears, Roebuck and Co", SpeakerKind::Org),
            ("Moody's Investors Service Inc", SpeakerKind::Org),
            ("Finance Ministry", SpeakerKind::Org),
            ("Bank of England", SpeakerKind::Org),
            ("General Motors", SpeakerKind::Org),
            ("Chinese journalist", SpeakerKind::Person),
            ("Polls", SpeakerKind::Record),
            ("Urban Action study", SpeakerKind::Record),
            ("spokeswoman for YouTube", SpeakerKind::Person),
            ("Six in 10", SpeakerKind::Group),
            ("61 percent", SpeakerKind::Group),
            ("Kristen Gillibrand (D-NY)", SpeakerKind::Person),
            ("White", SpeakerKind::Name),
            ("Reuters", SpeakerKind::Org),
            ("White House", SpeakerKind::Government),
            ("Theresa May", SpeakerKind::Person),
            ("Paul King", SpeakerKind::Person),
            ("Department of Justice", SpeakerKind::Org),
            ("Senator from Texas", SpeakerKind::Person),
            ("One Republican", SpeakerKind::Name),
            ("Trump fans", SpeakerKind::Group),
            ("Some of the women", SpeakerKind::Group),
            ("some Democrats", SpeakerKind::Group),
            ("many Americans", SpeakerKind::Group),
            ("some G20 leaders", SpeakerKind::Group),
            ("person familiar with the plan", SpeakerKind::Group),
            ("One employee at a software firm", SpeakerKind::Person),
            ("Only 47%", SpeakerKind::Group),
            (
                "People with direct knowledge of the firm's work",
                SpeakerKind::Group,
            ),
            ("Mr. King", SpeakerKind::Person),
            ("Alphabet's founders", SpeakerKind::Group),
            ("USA TODAY", SpeakerKind::Name),
            ("Gian Maria Milesi-Ferretti", SpeakerKind::Name),
            ("Money market dealers", SpeakerKind::Group),
            ("Other analysts", SpeakerKind::Group),
            ("US government", SpeakerKind::Org),
            ("China's Ministry of Commerce", SpeakerKind::Org),
            ("Central Bureau of Statistics", SpeakerKind::Org),
            ("St. Joe Gold Corp", SpeakerKind::Org),
            ("IBM", SpeakerKind::Name),
            ("Treasury", SpeakerKind::Org),
            ("Labour", SpeakerKind::Org),
            ("India", SpeakerKind::Government),
            ("Britain", SpeakerKind::Government),
            ("U.S.", SpeakerKind::Government),
            ("New Delhi", SpeakerKind::Government),
            ("officials", SpeakerKind::Group),
            ("Analysts", SpeakerKind::Group),
            ("Federal and state officials", SpeakerKind::Group),
            ("58 percent of voters", SpeakerKind::Group),
            ("Americans", SpeakerKind::Group),
            ("Ana Ruiz's aides", SpeakerKind::Group),
            ("Clinton's campaign", SpeakerKind::Org),
            ("a State Department official", SpeakerKind::Person),
        ];
        let mut bad = Vec::new();
        for &(name, want) in cases {
            if classify(name) != Ok(want) {
                bad.push((name, classify(name)));
            }
        }
        assert!(bad.is_empty(), "{bad:?}");
    }

    #[test]
    fn junk_is_not_a_name() {
        let cases: &[(&str, Reject)] = &[
            ("", Reject::Empty),
            ("P", Reject::Initials),
            ("J. P.", Reject::Initials),
            ("Co", Reject::SuffixAlone),
            ("Inc", Reject::SuffixAlone),
            ("Co Inc", Reject::SuffixAlone),
            ("Bank", Reject::CommonNoun),
            ("Department", Reject::CommonNoun),
            ("Commission", Reject::CommonNoun),
            ("However", Reject::SentenceWord),
            ("But Smith", Reject::SentenceWord),
            ("Howard's Tokyo itinerary", Reject::Possessive),
            ("Clinton's", Reject::Possessive),
            ("BBC story", Reject::NotAPhrase),
            ("American", Reject::Place),
            ("Energy Minister Subroto", Reject::TitleFragment),
            // An occupation before two words of a name.
            ("Flanker Martyn Williams", Reject::TitleFragment),
            ("Film-maker Spike Lee", Reject::TitleFragment),
            ("Secertary James Baker", Reject::TitleFragment),
            ("Guitarist Brian May", Reject::TitleFragment),
            ("Bank of England Governor", Reject::TitleFragment),
            ("There", Reject::SentenceWord),
            ("Pres. Obama", Reject::TitleFragment),
            ("Prime Minister", Reject::TitleFragment),
            ("former Bank of England", Reject::TitleFragment),
            ("council's Monday", Reject::Possessive),
            ("record; interview", Reject::NotAPhrase),
            ("49 minute speech", Reject::NotAPhrase),
            ("weekend", Reject::NotAPhrase),
        ];
        let mut bad = Vec::new();
        for &(name, want) in cases {
            if classify(name) != Err(want) {
                bad.push((name, classify(name)));
            }
        }
        assert!(bad.is_empty(), "{bad:?}");
    }

    #[test]
    fn a_first_word_shaped_like_an_occupation_is_not_one() {
        // Only a listed line of work or a hyphenated agent noun opens a name as a title:
        // a given name, a company's first word or a name with an initial stays whole.
        for name in [
            "Dresdner Kleinwort Wasserstein",
            "Sylvester M. Grigsby",
            "Walker Digital Corp",
        ] {
            assert!(classify(name).is_ok(), "{name}: {:?}", classify(name));
        }
    }

    #[test]
    fn repair_keeps_the_name_inside() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Mines and Energy Minister Subroto", Some("Subroto")),
            ("Energy Minister Subroto", Some("Subroto")),
            ("Pres. Obama", Some("Obama")),
            ("Secertary James Baker", Some("James Baker")),
            ("Flanker Martyn Williams", Some("Martyn Williams")),
            ("However Smith", Some("Smith")),
            ("former Bank of England", None),
            ("veteran Republicans", Some("Republicans")),
            ("set of Clean Air Act", None),
            ("Howard's Tokyo itinerary", None),
            ("Co", None),
            ("P", None),
        ];
        let mut bad = Vec::new();
        for &(name, want) in cases {
            if repair(name).as_deref() != want {
                bad.push((name, repair(name)));
            }
        }
        assert!(bad.is_empty(), "{bad:?}");
    }

    #[test]
    fn records_give_their_owner() {
        assert_eq!(
            record_owner("Urban Action study").as_deref(),
            Some("Urban Action")
        );
        assert_eq!(record_owner("a new ORC poll").as_deref(), Some("ORC"));
        assert_eq!(record_owner("Polls"), None);
        let named =
            |w: &str| ["Halifax", "Bundesbank", "Congressional", "Iowa", "M-3"].contains(&w);
        assert_eq!(
            record_owner_named("Halifax survey", named).as_deref(),
            Some("Halifax")
        );
        assert_eq!(
            record_owner_named("Bundesbank's 1986 annual report", named).as_deref(),
            Some("Bundesbank")
        );
        assert_eq!(record_owner_named("Congressional report", named), None);
        assert_eq!(record_owner_named("Iowa polls", named), None);
        assert_eq!(record_owner_named("M-3 figures", named), None);
        assert_eq!(record_owner_named("poll of Iowa voters", named), None);
        assert_eq!(record_owner_named("Official figures", named), None);
        assert_eq!(tidy("Jessie Elkins, 70,"), "Jessie Elkins");
        assert_eq!(
            tidy("Quinnipiac University poll released in late August"),
            "Quinnipiac University poll"
        );
        assert_eq!(
            tidy("officials who worked with him"),
            "officials who worked with him"
        );
        assert_eq!(
            tidy("Ukrainian politicians and officials who worked with him"),
            "Ukrainian politicians and officials"
        );
        assert_eq!(tidy("Kristen Gillibrand (D-NY)"), "Kristen Gillibrand");
    }

    #[test]
    fn roles_are_roles() {
        for role in [
            "Secretary of State",
            "British Prime Minister",
            "spokesman",
            "New York brokerage firm",
            "Japan's finance minister",
        ] {
            assert!(is_role(role), "{role:?}");
        }
        for junk in [
            "record; interview",
            "would amount to about 47.50 dlrs",
            "weekend",
            "number of",
            "Brussels summit",
            "White America embracing",
            "49 minute speech",
        ] {
            assert!(!is_role(junk), "{junk:?}");
        }
    }

    #[test]
    fn a_group_has_one_spelling() {
        assert_eq!(group_name("Analysts"), "analysts");
        assert_eq!(group_name("U.S. Officials"), "U.S. officials");
        assert_eq!(group_name("Democrats"), "Democrats");
        assert_eq!(group_name("Conservatives"), "Conservatives");
        assert_eq!(
            group_name("Finance Ministry officials"),
            "Finance Ministry officials"
        );
    }

    #[test]
    fn a_capital_speaks_as_its_country() {
        assert!(is_capital("Brussels"));
        assert!(!is_capital("Belgium"));
        assert_eq!(government_name("New Delhi"), Some("India"));
        assert_eq!(government_name("India"), None);
        assert_eq!(government_name("Marco Rubio"), None);
    }
}
