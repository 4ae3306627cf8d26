//! The country gazetteer: `data/countries.tsv` (what names a country) and
//! `data/country_blockers.tsv` (longer phrases that contain a country word but name none),
//! compiled once into a single aho-corasick automaton that finds the longest phrase starting at
//! a given word, and the set of words a phrase can begin with, which says at which words to
//! run it. Both are built on their first use, apart from the rest: looking up one name (a
//! `--country` filter) needs only the phrase table, which is far cheaper to make.
//!
//! The data is part of the binary (`include_str!`), so a malformed line is a bug caught by the
//! tests here, not a run-time condition; [`Gazetteer::parse`] still reports it with its line.

use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind, StartKind};
use rustc_hash::FxHashSet;

use super::CountryCode;
use crate::enrich::text::lexicon::pack_ascii_lower_at;

const COUNTRIES: &str = include_str!("../../../data/countries.tsv");
const BLOCKERS: &str = include_str!("../../../data/country_blockers.tsv");

/// The gazetteer of the bundled data, built on first use.
pub(crate) static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    Gazetteer::parse(COUNTRIES, BLOCKERS)
        .unwrap_or_else(|e| panic!("the bundled country gazetteer is malformed: {e}"))
});

/// How a phrase names its country; the disambiguation rules differ per kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Name,
    /// Abbreviations such as `US` and `U.K.`: matched in their exact case.
    Abbr,
    /// Adjectives and demonyms: `Indian`, `Britons`.
    Adj,
    Capital,
    /// Seats of government and national bodies named without a country word: `Kremlin`.
    Seat,
    /// Historical names: `Burma`, `West Germany`.
    Hist,
    Currency,
    /// Combining forms such as `Sino-`.
    Prefix,
}

impl Kind {
    /// The kind a `data/countries.tsv` line names in its second column.
    fn from_tag(tag: &str) -> Option<Kind> {
        Some(match tag {
            "name" => Kind::Name,
            "abbr" => Kind::Abbr,
            "adj" => Kind::Adj,
            "capital" => Kind::Capital,
            "seat" => Kind::Seat,
            "hist" => Kind::Hist,
            "currency" => Kind::Currency,
            "prefix" => Kind::Prefix,
            _ => return None,
        })
    }
}

/// A phrase that contains a country word but is matched to name no country.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Blocker {
    Feature,
    Region,
    Title,
    /// A US state (or Atlanta): also evidence that "Georgia" means the state.
    UsState,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Country(CountryCode, Kind),
    Blocked(Blocker),
}

/// One searchable phrase (a spelling variant of a gazetteer phrase).
#[derive(Debug, Clone)]
pub(crate) struct Pattern {
    /// The phrase in the case it must appear in (see `case_fits` in the matcher).
    pub text: String,
    pub target: Target,
    /// The phrase is also the name of a US state ("Georgia", "Washington").
    pub us_state: bool,
}

impl Pattern {
    pub fn code(&self) -> Option<CountryCode> {
        match self.target {
            Target::Country(code, _) => Some(code),
            Target::Blocked(_) => None,
        }
    }
}

/// A line of the bundled data that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file} line {line}: {reason}")]
pub struct GazetteerError {
    pub file: &'static str,
    pub line: usize,
    pub reason: String,
}

pub(crate) struct Gazetteer {
    finder: OnceLock<Finder>,
    /// Indexed by the automaton's pattern ids.
    pub patterns: Vec<Pattern>,
    /// Lower-cased, accent-free phrase -> country, for [`super::lookup`] and for telling
    /// whether a neighbouring word is itself a country word.
    by_phrase: HashMap<String, CountryCode>,
    names: HashMap<CountryCode, &'static str>,
    /// Cities that seat a bloc ("brussels" -> EU), folded.
    pub seats: HashMap<String, CountryCode>,
    /// The member countries of each trade bloc.
    members: HashMap<CountryCode, Vec<CountryCode>>,
    /// Spellings of US states used after a comma ("Cairo, Ill."), lower-cased.
    us_states: Vec<String>,
}

impl Gazetteer {
    pub fn parse(
        countries: &'static str,
        blockers: &'static str,
    ) -> Result<Gazetteer, GazetteerError> {
        let mut b = Builder {
            gazetteer: Gazetteer {
                finder: OnceLock::new(),
                patterns: Vec::new(),
                by_phrase: HashMap::new(),
                names: HashMap::new(),
                members: HashMap::new(),
                seats: HashMap::new(),
                us_states: Vec::new(),
            },
            seen: HashMap::new(),
            long_codes: Vec::new(),
        };
        for (line, cols) in data_lines(countries) {
            b.country_line(line, &cols)?;
        }
        b.check_blocs()?;
        for (line, cols) in data_lines(blockers) {
            b.blocker_line(line, &cols)?;
        }
        Ok(b.gazetteer)
    }

    /// The automaton over every pattern and the words they begin with, built on first use.
    pub fn finder(&self) -> &Finder {
        self.finder.get_or_init(|| {
            Finder::new(&self.patterns)
                .unwrap_or_else(|e| panic!("the bundled country gazetteer does not compile: {e}"))
        })
    }

    /// The country a whole phrase names ("India", "indian", "U.S.", "Kremlin"), ignoring case
    /// and accents.
    pub fn phrase(&self, phrase: &str) -> Option<CountryCode> {
        self.by_phrase.get(&fold(phrase)).copied()
    }

    /// The English short name of a code.
    pub fn name(&self, code: CountryCode) -> Option<&'static str> {
        self.names.get(&code).copied()
    }

    /// The member countries of a trade bloc; empty for a country.
    pub fn members(&self, code: CountryCode) -> &[CountryCode] {
        self.members.get(&code).map_or(&[], Vec::as_slice)
    }

    /// Whether `word` (as written after a comma) is a US state or its abbreviation.
    pub fn is_us_state(&self, word: &str) -> bool {
        let word = word.to_lowercase();
        self.us_states.contains(&word)
    }

    /// Every code the gazetteer names.
    #[cfg(test)]
    pub fn codes(&self) -> impl Iterator<Item = CountryCode> + '_ {
        self.names.keys().copied()
    }
}

/// A gazetteer as its data lines are read.
struct Builder {
    gazetteer: Gazetteer,
    /// Lower-cased spelling -> its pattern.
    seen: HashMap<String, usize>,
    /// Codes longer than two letters are blocs, so they need a members line.
    long_codes: Vec<(CountryCode, usize)>,
}

impl Builder {
    fn add(&mut self, text: String, target: Target, us_state: bool) {
        let patterns = &mut self.gazetteer.patterns;
        // The same spelling listed twice keeps its first meaning.
        if self
            .seen
            .insert(text.to_lowercase(), patterns.len())
            .is_none()
        {
            patterns.push(Pattern {
                text,
                target,
                us_state,
            });
        }
    }

    /// A line of `data/countries.tsv`: a bloc's members, the cities that seat a bloc, or
    /// phrases that name a country.
    fn country_line(&mut self, line: usize, cols: &[&'static str]) -> Result<(), GazetteerError> {
        let err = |reason: String| GazetteerError {
            file: "data/countries.tsv",
            line,
            reason,
        };
        let [code, kind, phrases, rest @ ..] = cols else {
            return Err(err("expected code, kind and phrases".into()));
        };
        let code = CountryCode::parse_any(code).map_err(|e| err(e.to_string()))?;
        if code.as_str().len() > 2 {
            self.long_codes.push((code, line));
        }
        if *kind == "members" {
            let list = phrases
                .split('|')
                .map(|m| CountryCode::parse(m.trim()).map_err(|e| err(e.to_string())))
                .collect::<Result<Vec<_>, _>>()?;
            self.gazetteer.members.entry(code).or_default().extend(list);
            return Ok(());
        }
        if *kind == "hq" {
            let seats = phrases.split('|').map(|p| (fold(p.trim()), code));
            self.gazetteer.seats.extend(seats);
            return Ok(());
        }
        let Some(kind) = Kind::from_tag(kind) else {
            return Err(err(format!("unknown kind {kind:?}")));
        };
        let us_state = match rest.first().copied() {
            None | Some("") => false,
            Some("usstate") => true,
            Some(other) => return Err(err(format!("unknown flag {other:?}"))),
        };
        for phrase in phrases.split('|').map(str::trim) {
            if phrase.is_empty() {
                return Err(err("empty phrase".into()));
            }
            let g = &mut self.gazetteer;
            if kind == Kind::Name {
                g.names.entry(code).or_insert(phrase);
            }
            if us_state {
                g.us_states.push(phrase.to_lowercase());
            }
            for variant in variants(phrase, kind) {
                let g = &mut self.gazetteer;
                g.by_phrase.entry(fold(&variant)).or_insert(code);
                self.add(variant, Target::Country(code, kind), us_state);
            }
        }
        Ok(())
    }

    /// Every bloc code has its members line.
    fn check_blocs(&self) -> Result<(), GazetteerError> {
        let members = &self.gazetteer.members;
        match self
            .long_codes
            .iter()
            .find(|(c, _)| !members.contains_key(c))
        {
            Some(&(code, line)) => Err(GazetteerError {
                file: "data/countries.tsv",
                line,
                reason: format!("{code} is longer than a country code but has no members line"),
            }),
            None => Ok(()),
        }
    }

    /// A line of `data/country_blockers.tsv`: phrases that contain a country word but name
    /// no country, and the spellings of US states.
    fn blocker_line(&mut self, line: usize, cols: &[&'static str]) -> Result<(), GazetteerError> {
        let err = |reason: String| GazetteerError {
            file: "data/country_blockers.tsv",
            line,
            reason,
        };
        let [kind, phrases] = cols else {
            return Err(err("expected kind and phrases".into()));
        };
        let blocker = match *kind {
            "feature" => Some(Blocker::Feature),
            "region" => Some(Blocker::Region),
            "title" => Some(Blocker::Title),
            "usstate" => Some(Blocker::UsState),
            "usstate-abbr" => None,
            other => return Err(err(format!("unknown kind {other:?}"))),
        };
        for phrase in phrases.split('|').map(str::trim) {
            if phrase.is_empty() {
                return Err(err("empty phrase".into()));
            }
            if matches!(blocker, None | Some(Blocker::UsState)) {
                self.gazetteer.us_states.push(phrase.to_lowercase());
            }
            if let Some(blocker) = blocker {
                for variant in variants(phrase, Kind::Name) {
                    self.add(variant, Target::Blocked(blocker), false);
                }
            }
        }
        Ok(())
    }
}

/// What finds the patterns in a text: the words a pattern can begin with, and an automaton run
/// only where such a word starts.
///
/// A phrase counts only on word boundaries, so it begins with a whole word of the text: its
/// letters and digits up to the first other character (every pattern begins with a letter or
/// digit). Most words begin no phrase, and one set lookup passes over them; running an
/// automaton over every byte instead visits states spread over megabytes of table.
pub(crate) struct Finder {
    /// Finds the longest pattern starting where a search is anchored, in any ASCII case
    /// (`case_fits` in the matcher then checks the case).
    pub automaton: AhoCorasick,
    /// The first word of every pattern, ASCII letters in small letters, as a [`word_key`].
    first_words: FxHashSet<u128>,
    /// The first two bytes of each of them, in small letters, one bit each: a word whose pair
    /// is not here is passed over without hashing it.
    first_pairs: Box<[u64; 1024]>,
}

impl Finder {
    fn new(patterns: &[Pattern]) -> Result<Finder, aho_corasick::BuildError> {
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(patterns.iter().map(|p| p.text.as_str()))?;
        let mut first_words = FxHashSet::default();
        let mut first_pairs = Box::new([0u64; 1024]);
        for p in patterns {
            let word = &p.text[..first_word_end(&p.text, 0)];
            assert!(
                !word.is_empty(),
                "gazetteer phrase {:?} does not begin with a letter or digit",
                p.text
            );
            let key = word_key(word).unwrap_or_else(|| {
                panic!(
                    "gazetteer phrase {:?} begins with a word of over 16 bytes",
                    p.text
                )
            });
            first_words.insert(key);
            let lower = word.as_bytes().to_ascii_lowercase();
            let pair = pair_index(lower[0], lower.get(1).copied().unwrap_or(0));
            first_pairs[pair / 64] |= 1 << (pair % 64);
        }
        Ok(Finder {
            automaton,
            first_words,
            first_pairs,
        })
    }

    /// Whether some pattern may begin with the word at byte `start` of `text` (a letter or
    /// digit with none before it), by its first two bytes: false is certain, true needs
    /// [`Finder::begins_a_pattern`].
    pub fn may_begin_a_pattern(&self, text: &str, start: usize) -> bool {
        let bytes = text.as_bytes();
        let first = bytes[start];
        let second = match bytes.get(start + 1) {
            Some(&b) if b.is_ascii_alphanumeric() || !b.is_ascii() => b,
            _ => 0,
        };
        // Bytes of other letters than ASCII ones are not folded: look them up whole.
        if !first.is_ascii() || !second.is_ascii() {
            return true;
        }
        let pair = pair_index(first.to_ascii_lowercase(), second.to_ascii_lowercase());
        self.first_pairs[pair / 64] & (1 << (pair % 64)) != 0
    }

    /// Whether some pattern begins with the word `text[start..end]` (a whole word: letters
    /// and digits), in any ASCII case.
    pub fn begins_a_pattern(&self, text: &str, start: usize, end: usize) -> bool {
        // An ASCII word is read and lowercased in registers, as the lexicon does: lowercasing
        // it byte by byte into memory and reading it back as one number stalls the load.
        pack_ascii_lower_at(text.as_bytes(), start, end - start)
            .or_else(|| word_key(&text[start..end]))
            .is_some_and(|key| self.first_words.contains(&key))
    }
}

/// A word of up to 16 bytes in small ASCII letters, packed into one number to hash and
/// compare; `None` for a longer word.
fn word_key(word: &str) -> Option<u128> {
    let mut buf = [0u8; 16];
    let lower = buf.get_mut(..word.len())?;
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    Some(u128::from_le_bytes(buf))
}

/// The bit of two bytes in [`Finder::first_pairs`].
fn pair_index(first: u8, second: u8) -> usize {
    usize::from(first) << 8 | usize::from(second)
}

/// Where the run of letters and digits that starts at byte `start` of `text` ends.
pub(crate) fn first_word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = start;
    while let Some(&b) = bytes.get(end) {
        if b.is_ascii_alphanumeric() {
            end += 1;
            continue;
        }
        // Other characters than ASCII ones need decoding.
        match text[end..].chars().next() {
            Some(c) if !b.is_ascii() && c.is_alphanumeric() => end += c.len_utf8(),
            _ => break,
        }
    }
    end
}

/// Non-comment, non-blank lines, numbered from 1, split on tabs.
fn data_lines(text: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').collect()))
}

/// The spellings searched for a phrase: as written, without accents, with a curly apostrophe,
/// and for demonyms the plural ("Indians", "Britons").
fn variants(phrase: &str, kind: Kind) -> Vec<String> {
    let mut out = vec![phrase.to_string()];
    let plain = deunicode::deunicode(phrase);
    if plain != phrase {
        out.push(plain);
    }
    if kind == Kind::Adj && takes_plural_s(phrase) {
        out.push(format!("{phrase}s"));
    }
    for v in out.clone() {
        if v.contains('\'') {
            out.push(v.replace('\'', "\u{2019}"));
        }
    }
    out
}

/// Demonyms that form their plural with a plain -s: "Indian", "Pakistani", "Dane", "Turk";
/// not "Chinese", "British", "Dutch", "Englishman", "Swiss".
fn takes_plural_s(word: &str) -> bool {
    !["s", "sh", "ch", "ese", "man", "men", "x", "z", "y"]
        .iter()
        .any(|end| word.ends_with(end))
}

/// Lower case without accents and without a leading "the", for comparing whole phrases.
pub(crate) fn fold(phrase: &str) -> String {
    let folded = deunicode::deunicode(phrase.trim())
        .to_lowercase()
        .replace('\u{2019}', "'");
    match folded.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => folded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> CountryCode {
        CountryCode::parse(s).unwrap()
    }

    #[test]
    fn bundled_data_parses_and_covers_every_iso_code_asked_for() {
        let g = &*GAZETTEER;
        assert!(Finder::new(&g.patterns).is_ok());
        assert!(g.codes().count() >= 249, "{}", g.codes().count());
        for c in ["HK", "TW", "MO", "PS", "XK", "US", "GB", "IN", "AQ", "UM"] {
            assert!(g.name(code(c)).is_some(), "{c}");
        }
        assert_eq!(g.name(code("IN")), Some("India"));
        assert_eq!(g.name(code("GB")), Some("United Kingdom"));
        assert_eq!(g.name(code("KR")), Some("South Korea"));
    }

    #[test]
    fn phrases_fold_case_accents_and_the() {
        let g = &*GAZETTEER;
        for (phrase, want) in [
            ("India", "IN"),
            ("indian", "IN"),
            ("Indians", "IN"),
            ("U.S.", "US"),
            ("usa", "US"),
            ("the Netherlands", "NL"),
            ("Cote d'Ivoire", "CI"),
            ("Côte d’Ivoire", "CI"),
            ("Elysee", "FR"),
            ("Burma", "MM"),
            ("Soviet Union", "RU"),
            ("PRC", "CN"),
            ("DPRK", "KP"),
            ("ROK", "KR"),
            ("UAE", "AE"),
            ("yen", "JP"),
            ("Sino-", "CN"),
        ] {
            assert_eq!(g.phrase(phrase), Some(code(want)), "{phrase}");
        }
        for phrase in ["Indian Ocean", "Texas", "Europe", "Mumbai"] {
            assert_eq!(g.phrase(phrase), None, "{phrase}");
        }
    }

    #[test]
    fn plurals_only_for_demonyms_that_take_s() {
        for (word, plural) in [
            ("Indian", true),
            ("Pakistani", true),
            ("Dane", true),
            ("Turk", true),
            ("Chinese", false),
            ("British", false),
            ("Dutch", false),
            ("Frenchman", false),
            ("Swiss", false),
        ] {
            assert_eq!(takes_plural_s(word), plural, "{word}");
        }
    }

    #[test]
    fn malformed_lines_are_reported_with_their_line() {
        let err = Gazetteer::parse("# c\nIN\tnoun\tIndia\n", "")
            .err()
            .map(|e| (e.line, e.reason));
        assert_eq!(err, Some((2, "unknown kind \"noun\"".to_string())));
        assert!(Gazetteer::parse("XYZ\tname\tX\n", "").is_err());
    }

    #[test]
    fn us_states_include_abbreviations_and_flagged_names() {
        let g = &*GAZETTEER;
        for s in ["Calif.", "texas", "Ill.", "Georgia", "Washington", "N.Y."] {
            assert!(g.is_us_state(s), "{s}");
        }
        assert!(!g.is_us_state("Tokyo"));
    }
}
