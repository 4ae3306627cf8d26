//! What kind of speaker a name is (a person, an organisation or a group of unnamed people),
//! and what the words written before a name say about who is meant (a gender, an office).
//!
//! The directory decides from the name's shape alone, at query time: a name with an
//! organisation word ("Noranda Inc", "Finance Ministry", "Clinton campaign") is an
//! organisation, as is a country or an acronym; one with a group noun or made of common words
//! ("analysts", "Dealers", "aide to Lyng") is a group; capitalised words that are neither, with
//! at least one word longer than an initial, are a person ("Marco Rubio", "Lyng"). Words of an
//! office before a personal name ("Bank of Spain Governor Mariano Rubio") do not make the
//! person an organisation. The word lists are `data/titles.txt` (shared with the quote
//! finder), `data/first_names.txt` and `data/speaker_kinds.txt`.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

const COUNTRIES: &str = include_str!("../../data/countries.tsv");
const TITLES: &str = include_str!("../../data/titles.txt");
const FIRST_NAMES: &str = include_str!("../../data/first_names.txt");
const SPEAKER_KINDS: &str = include_str!("../../data/speaker_kinds.txt");

/// The kind of a speaker's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NameKind {
    Person,
    Org,
    Group,
}

impl NameKind {
    /// The name used on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            NameKind::Person => "person",
            NameKind::Org => "org",
            NameKind::Group => "group",
        }
    }
}

/// A person's gender, as a title or a given name tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// The word lists, read once.
struct Lexicon {
    org: HashSet<String>,
    group: HashSet<String>,
    /// Places that speak as their government, as whole names ("Kremlin", "Texas"), and the
    /// gazetteer's country names, abbreviations, capitals and seats ("New Delhi").
    place: HashSet<String>,
    /// Office and courtesy words that stand before a name.
    title: HashSet<String>,
    particle: HashSet<String>,
    /// Gender of titles ("mrs", "spokeswoman") and of given names.
    title_gender: HashMap<String, Gender>,
    given: HashMap<String, Option<Gender>>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lex = Lexicon {
        org: HashSet::default(),
        group: HashSet::default(),
        place: HashSet::default(),
        title: HashSet::default(),
        particle: HashSet::default(),
        title_gender: HashMap::default(),
        given: HashMap::default(),
    };
    let gender = |tags: &[&str]| {
        if tags.contains(&"male") {
            Some(Gender::Male)
        } else if tags.contains(&"female") {
            Some(Gender::Female)
        } else {
            None
        }
    };
    // titles.txt: one word a line, then its tags.
    for (section, line) in sections(TITLES) {
        let mut parts = line.split_whitespace();
        let Some(word) = parts.next() else { continue };
        let tags: Vec<&str> = parts.collect();
        match section {
            "org_head" => {
                lex.org.insert(word.to_string());
            }
            "group" => {
                lex.group.insert(word.to_string());
            }
            // A plural role ("ministers") names several people, never one.
            "honorific" | "role" | "role_modifier" | "org_unit" | "party"
                if !tags.contains(&"plural") =>
            {
                lex.title.insert(word.to_string());
            }
            "particle" => {
                lex.particle.insert(word.to_string());
            }
            _ => {}
        }
        if let Some(g) = gender(&tags) {
            lex.title_gender.insert(word.to_string(), g);
        }
    }
    for (section, line) in sections(SPEAKER_KINDS) {
        let set = match section {
            "org" => &mut lex.org,
            "group" => &mut lex.group,
            "place" => &mut lex.place,
            _ => continue,
        };
        set.extend(line.split_whitespace().map(str::to_string));
    }
    // Whole phrases only: the gazetteer's matcher would also find the country inside a longer
    // name ("George Washington"), and building it costs more than the directory needs.
    for line in COUNTRIES.lines().filter(|l| !l.starts_with('#')) {
        let mut columns = line.split('\t');
        let (Some(_), Some(kind), Some(phrases)) = (columns.next(), columns.next(), columns.next())
        else {
            continue;
        };
        if matches!(kind, "name" | "abbr" | "capital" | "seat" | "hist") {
            lex.place
                .extend(phrases.split('|').map(|p| folded_phrase(p.trim())));
        }
    }
    for (section, line) in sections(FIRST_NAMES) {
        let g = match section {
            "male" => Some(Gender::Male),
            "female" => Some(Gender::Female),
            _ => None,
        };
        for name in line.split_whitespace() {
            // A name on both lists ("jean", "kim") tells no gender.
            lex.given
                .entry(name.to_string())
                .and_modify(|old| {
                    if *old != g {
                        *old = None;
                    }
                })
                .or_insert(g);
        }
    }
    lex
});

/// The lines of a word list with the `[section]` each stands under; comments and blank lines
/// dropped.
fn sections(text: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut section = "";
    text.lines().filter_map(move |line| {
        let line = line.split('#').next().unwrap_or("").trim();
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
            return None;
        }
        (!line.is_empty()).then_some((section, line))
    })
}

/// A word as the lists hold it: lower-case, ASCII, without surrounding punctuation and without a
/// possessive ending.
fn folded(word: &str) -> String {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    deunicode::deunicode(word).to_lowercase()
}

/// A phrase as the place list holds it: its words folded, one space apart.
fn folded_phrase(phrase: &str) -> String {
    phrase
        .split_whitespace()
        .map(folded)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `word` is written before a name to give an office or a courtesy ("Secretary",
/// "Mrs", "Treasury", "former").
pub fn is_title_word(word: &str) -> bool {
    LEXICON.title.contains(&folded(word))
}

/// Whether `word` is a known given name ("Hillary", "Marco").
pub fn is_given_name(word: &str) -> bool {
    LEXICON.given.contains_key(&folded(word))
}

/// The gender a title before a name gives ("Mrs" female, "Lord" male).
pub fn title_gender(word: &str) -> Option<Gender> {
    LEXICON.title_gender.get(&folded(word)).copied()
}

/// The gender a given name tells, when the lists give it one gender only.
pub fn given_name_gender(word: &str) -> Option<Gender> {
    LEXICON.given.get(&folded(word)).copied().flatten()
}

/// The kind of speaker `name` is. `known_org` says whether the index knows the whole name as an
/// organisation (its organisation facet); it is asked only about names that look like people.
pub fn kind_of(name: &str, known_org: impl Fn(&str) -> bool) -> NameKind {
    let lex = &*LEXICON;
    let words: Vec<&str> = name
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\''))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    let Some(last) = words.last() else {
        return NameKind::Group;
    };
    let keys: Vec<String> = words.iter().map(|w| folded(w)).collect();
    let is_org = |k: &String| lex.org.contains(k);
    let is_group = |k: &String| lex.group.contains(k);
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let common = words
        .iter()
        .zip(&keys)
        .any(|(w, k)| !capitalised(w) && !lex.particle.contains(k) && !is_connective(k));
    if common || !capitalised(last) {
        // Common words: an unnamed group ("aide to Lyng") unless it names an organisation
        // ("the Clinton campaign").
        let head = keys.iter().rev().find(|k| is_org(k) || is_group(k));
        return match head {
            Some(k) if is_org(k) => NameKind::Org,
            _ => NameKind::Group,
        };
    }
    // An office and then a personal name: the name decides ("Treasury Secretary James Baker").
    if let Some(at) = keys
        .iter()
        .rposition(|k| lex.title.contains(k) && !is_org(k))
    {
        let tail = &keys[at + 1..];
        if !tail.is_empty() && tail.iter().all(|k| !is_org(k) && !is_group(k)) {
            return person_or_nobody(&words[at + 1..]);
        }
    }
    if keys.iter().any(is_org) {
        return NameKind::Org;
    }
    if keys.iter().any(is_group) {
        return NameKind::Group;
    }
    let acronym = words.len() == 1
        && last.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !last.chars().any(char::is_lowercase);
    let place = lex.place.contains(&keys.join(" "));
    if acronym || place || known_org(name) {
        return NameKind::Org;
    }
    person_or_nobody(&words)
}

/// Capitalised words that are not an organisation or group: a person, unless they are initials
/// alone ("P", "J. R."), which name nobody.
fn person_or_nobody(words: &[&str]) -> NameKind {
    let letters = |w: &&str| w.chars().filter(|c| c.is_alphabetic()).count();
    if words.iter().any(|w| letters(w) >= 2) {
        NameKind::Person
    } else {
        NameKind::Group
    }
}

/// Small words inside an organisation's or a group's name ("Bank of England").
fn is_connective(key: &str) -> bool {
    matches!(key, "of" | "the" | "and" | "for" | "on" | "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(name: &str) -> NameKind {
        kind_of(name, |n| n == "Reuters")
    }

    #[test]
    fn people_organisations_and_groups_by_shape() {
        use NameKind::*;
        let table = [
            ("Marco Rubio", Person),
            ("Hillary Rodham Clinton", Person),
            ("Lyng", Person),
            ("Charles de Gaulle", Person),
            ("Bank of Spain Governor Mariano Rubio", Person),
            ("Treasury Secretary James Baker", Person),
            ("Karl Otto Pöhl", Person),
            ("Noranda Inc", Org),
            ("Emery Air Freight Corp", Org),
            ("Moody's Investors Service Inc", Org),
            ("Finance Ministry", Org),
            ("U.S. Agriculture Department", Org),
            ("Italian Treasury", Org),
            ("Bank of England", Org),
            ("Clinton campaign", Org),
            ("Clinton’s campaign", Org),
            ("China", Org),
            ("New Delhi", Org),
            ("U.S.", Org),
            ("WTO", Org),
            ("Reuters", Org),
            ("White House", Org),
            ("Downing Street", Org),
            ("Kremlin", Org),
            ("Texas", Org),
            ("Washington Post", Org),
            ("George Washington", Person),
            ("Distillers", Group),
            ("analysts", Group),
            ("officials", Group),
            ("Dealers", Group),
            ("Bankers", Group),
            ("aide to Lyng", Group),
            ("Advisers to Mr. Rubio", Group),
            ("Hillary Clinton's advisers", Group),
            ("supporters of Democrat Hillary Clinton", Group),
            ("P", Group),
            ("J. R.", Group),
            ("", Group),
        ];
        for (name, want) in table {
            assert_eq!(kind(name), want, "{name}");
        }
    }

    #[test]
    fn titles_and_given_names_tell_a_gender() {
        assert_eq!(title_gender("Mrs"), Some(Gender::Female));
        assert_eq!(title_gender("Mr."), Some(Gender::Male));
        assert_eq!(title_gender("Secretary"), None);
        assert_eq!(given_name_gender("Hillary"), Some(Gender::Female));
        assert_eq!(given_name_gender("Bill"), Some(Gender::Male));
        assert_eq!(given_name_gender("Rubio"), None);
        assert!(is_title_word("Secretary") && is_title_word("treasury"));
        assert!(!is_title_word("Baker"));
        assert!(is_given_name("Marco") && !is_given_name("Lyng"));
    }
}
