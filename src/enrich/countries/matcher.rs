//! The gazetteer phrases of a piece of text, found word by word, and the local rules that decide
//! whether each phrase found there names its country: word boundaries, case, and the words
//! around it (a person's name, an organisation's name, a US state).

use std::borrow::Cow;
use std::sync::LazyLock;

use aho_corasick::{Anchored, Input};

use super::CountryCode;
use super::context::{
    is_title_case, is_title_word, is_upper, next_word, prev_word, starts_sentence,
};
use super::gazetteer::{Blocker, GAZETTEER, Kind, Pattern, Target};
use crate::enrich::text::Words;
use crate::enrich::text::lists::Sections;

const LIST_FILE: &str = include_str!("../../../data/country_words.txt");

/// The word lists of `data/country_words.txt`.
struct Lists {
    /// Words that end the name of an organisation, a publication, a place or an event, in any case:
    /// "American Express", "China Daily", "UNICORP AMERICAN CORP", "Indian Ocean".
    name_ends: &'static [&'static str],
    /// Words that end a company or team name when written with a capital ("Japan Tobacco"), but are
    /// ordinary nouns in an all-capitals headline ("U.S. STEEL IMPORTS").
    name_ends_title_case: &'static [&'static str],
    /// Words before a bank that make it a central or state bank, which stands for its country.
    state_bank: &'static [&'static str],
    /// Days and months, which may stand next to a country word without making it part of a name
    /// ("Britain Thursday", "Monday Japan").
    calendar_words: &'static [&'static str],
    /// Words that may follow a country name without making it part of another name: titles,
    /// national bodies, days and months ("Pakistan Army", "Britain Thursday", "Chad President";
    /// days and months are [`CALENDAR_WORDS`]).
    country_name_followers: &'static [&'static str],
    /// Capitalised words before a country word that do not make it someone's surname or part of
    /// a name: "Communist China", "Mainland Chinese", "Monday Japan" (days and months are
    /// [`CALENDAR_WORDS`]).
    country_name_leaders: &'static [&'static str],
    /// Capitalised words that describe people before a demonym: "Muslim Americans".
    describers: &'static [&'static str],
    /// Words that may open a sentence before a country word without being a first name.
    sentence_openers: &'static [&'static str],
    /// Words before "of" that make the country part of an institution's or a place's name:
    /// "University of Tokyo", "Gulf of Mexico", "Honda Motor of America".
    name_of_heads: &'static [&'static str],
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    // The file is shared with the other module of `countries` that reads it, so its
    // sections are not all taken here (no `finish`).
    let mut file = Sections::parse("data/country_words.txt", LIST_FILE);
    Lists {
        name_ends: file.take("name_ends"),
        name_ends_title_case: file.take("name_ends_title_case"),
        state_bank: file.take("state_bank"),
        calendar_words: file.take("calendar_words"),
        country_name_followers: file.take("country_name_followers"),
        country_name_leaders: file.take("country_name_leaders"),
        describers: file.take("describers"),
        sentence_openers: file.take("sentence_openers"),
        name_of_heads: file.take("name_of_heads"),
    }
});

/// What the local rules made of one phrase found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    Country,
    /// Part of a longer name: "China Daily", "Chad Bown", "Michael Jordan", "Bank of America".
    Name,
    /// A country name written in small letters ("turkey"), so a common noun.
    LowerCase,
    /// A US state or city, or a state's namesake ("Washington state", "Cairo, Ill.").
    UsPlace,
    /// A blocker phrase such as "Indian Ocean".
    Blocked(Blocker),
}

impl Verdict {
    pub fn reason(self) -> &'static str {
        match self {
            Verdict::Country => "names the country",
            Verdict::Name => "part of another name",
            Verdict::LowerCase => "written as a common noun",
            Verdict::UsPlace => "a US state or town",
            Verdict::Blocked(Blocker::Feature) => "a geographic feature",
            Verdict::Blocked(Blocker::Region) => "a region",
            Verdict::Blocked(Blocker::Title) => "the name of an organisation, brand or event",
            Verdict::Blocked(Blocker::UsState) => "a US state",
        }
    }
}

/// A gazetteer phrase found in a text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub pattern: usize,
    pub verdict: Verdict,
    pub sentence_start: bool,
    /// Written in all-capitals copy, where case says nothing about names.
    pub shouting: bool,
    /// A hash of the next word in small letters (0 for none), to carry a name found in the
    /// body over to the same words in an all-capitals headline.
    pub next_key: u64,
    /// Listed with another country ("Ukraine and Georgia"), which settles what it means.
    pub listed_with_country: bool,
    /// The code the phrase names in this text when it is not its gazetteer code.
    pub reading: Option<CountryCode>,
}

impl Found {
    pub fn pattern(&self) -> &'static Pattern {
        &GAZETTEER.patterns[self.pattern]
    }

    /// The code the phrase names: its gazetteer code, unless the text around it says it names
    /// something else (a bloc's seat read as the bloc, see `seats`).
    pub fn code(&self) -> Option<CountryCode> {
        self.reading.or_else(|| self.pattern().code())
    }

    pub fn kind(&self) -> Option<Kind> {
        match self.pattern().target {
            Target::Country(_, kind) => Some(kind),
            Target::Blocked(_) => None,
        }
    }
}

/// One segment of an article (title, dateline or body), scanned as a whole; `words` are its
/// runs of letters and digits.
pub(crate) fn scan(text: &str, words: &Words) -> Vec<Found> {
    // Whether the text is a headline in title case, worked out at the first phrase that needs
    // it (most texts name no country at all).
    let mut title_case = None;
    // Wire copy wraps lines inside phrases ("New\nJersey"); a line break is one byte like a
    // space, so the offsets found in the flattened copy hold for the text.
    let flat: Cow<str> = if text.contains('\n') {
        Cow::Owned(text.replace('\n', " "))
    } else {
        Cow::Borrowed(text)
    };
    let finder = GAZETTEER.finder();
    let mut found = Vec::new();
    let mut pos = 0;
    // A phrase glued to the letters before it is no phrase, so only word starts can begin one.
    for &(start, word_end) in words.runs() {
        let (start, word_end) = (start as usize, word_end as usize);
        if start < pos {
            continue;
        }
        if !finder.may_begin_a_pattern(text, start) {
            pos = start + 1;
            continue;
        }
        if !finder.begins_a_pattern(text, start, word_end) {
            pos = word_end;
            continue;
        }
        let at_word = Input::new(flat.as_ref())
            .span(start..text.len())
            .anchored(Anchored::Yes);
        let Some(m) = finder.automaton.find(at_word) else {
            pos = word_end;
            continue;
        };
        let end = m.end();
        let pattern = &GAZETTEER.patterns[m.pattern().as_usize()];
        if !on_word_boundaries(text, start, end) {
            pos = after_word(text, start);
            continue;
        }
        let sentence_start = starts_sentence(text, start);
        let next = next_word(text, end);
        let shouting = is_upper(&text[start..end])
            && next.is_none_or(|(_, w)| is_upper(w))
            && prev_word(text, start).is_none_or(|(_, w)| is_upper(w));
        let verdict = match pattern.target {
            Target::Blocked(blocker) => Verdict::Blocked(blocker),
            Target::Country(_, kind) => {
                // A text of several paragraphs is no headline; the paragraph test is the
                // cheaper one.
                let title_case = *title_case
                    .get_or_insert_with(|| !text.contains("\n\n") && is_title_case(text));
                let page = Page {
                    sentence_start,
                    shouting,
                    title_case,
                };
                judge(text, start, end, pattern, kind, page)
            }
        };
        found.push(Found {
            start,
            end,
            pattern: m.pattern().as_usize(),
            verdict,
            sentence_start,
            shouting,
            next_key: next.map_or(0, |(_, w)| word_key(w)),
            listed_with_country: pattern.us_state && listed_with_country(text, start, end),
            reading: None,
        });
        // A phrase refused for its case may hide a shorter one further in ("mainland China").
        pos = if verdict == Verdict::LowerCase {
            after_word(text, start)
        } else {
            end
        };
    }
    found
}

/// How the text around a phrase is written.
#[derive(Debug, Clone, Copy)]
struct Page {
    sentence_start: bool,
    /// All-capitals copy ("TOKYO, March 3 -", "JAPAN CUTS DUTY"): capitals say nothing.
    shouting: bool,
    /// A headline with most words capitalised.
    title_case: bool,
}

/// A hash of a word in small letters.
pub(crate) fn word_key(word: &str) -> u64 {
    use xxhash_rust::xxh3::xxh3_64;
    // Most words are short and ASCII: lowercase them on the stack, not in a new string.
    let mut buf = [0u8; 32];
    let hash = match buf.get_mut(..word.len()) {
        Some(lower) if word.is_ascii() => {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            xxh3_64(lower)
        }
        _ => xxh3_64(word.to_lowercase().as_bytes()),
    };
    hash | 1
}

/// Whether `list` (words in small letters) holds `word` in any case, without lowercasing an
/// ASCII word into a new string.
fn listed(list: &[&str], word: &str) -> bool {
    if word.is_ascii() {
        list.iter().any(|x| x.eq_ignore_ascii_case(word))
    } else {
        list.contains(&word.to_lowercase().as_str())
    }
}

/// The local rules, in order; the first that applies decides.
fn judge(
    text: &str,
    start: usize,
    end: usize,
    pattern: &Pattern,
    kind: Kind,
    page: Page,
) -> Verdict {
    if !case_fits(&pattern.text, &text[start..end], page.sentence_start) {
        return Verdict::LowerCase;
    }
    // "China-Laos Railway", "Sino-US": a pair of countries stays a pair of countries.
    if joined_to_country(text, start, end) {
        return Verdict::Country;
    }
    if names_us_place(text, start, end, pattern, kind) {
        return Verdict::UsPlace;
    }
    let prev = prev_word(text, start);
    let next = next_word(text, end);
    if inside_a_name(text, end, kind, page, prev) {
        return Verdict::Name;
    }
    if page.shouting || page.title_case {
        return Verdict::Country;
    }
    if before_a_name_word(pattern, kind, next) || after_a_name_word(text, kind, page, prev) {
        return Verdict::Name;
    }
    Verdict::Country
}

/// Whether the phrase names a US state or town: "Memphis/Cairo", "Cairo, Ill.", "Georgia
/// state", "the state of Georgia", "Atlanta, Georgia".
fn names_us_place(text: &str, start: usize, end: usize, pattern: &Pattern, kind: Kind) -> bool {
    let place_like = matches!(kind, Kind::Name | Kind::Capital | Kind::Hist);
    // "Memphis/Cairo": a capital paired with a town that is no capital is a namesake town.
    if kind == Kind::Capital
        && let Some(other) = text[..start].strip_suffix('/')
        && is_title_word(trailing_word(other))
        && GAZETTEER.phrase(trailing_word(other)).is_none()
    {
        return true;
    }
    if place_like && after_comma_is_us_state(text, end, kind == Kind::Capital) {
        return true;
    }
    if !pattern.us_state {
        return false;
    }
    next_word(text, end).is_some_and(|(_, w)| w.eq_ignore_ascii_case("state"))
        || text[..start]
            .trim_end()
            .to_lowercase()
            .ends_with("state of")
        || prev_before_comma(text, start)
            .is_some_and(|(p, _)| is_title_word(p) && GAZETTEER.phrase(p).is_none())
}

/// Whether the phrase is part of a longer name by the words that hold it: "Bank of Japan",
/// "China Daily", "B Lima" (an initial makes a surname).
fn inside_a_name(
    text: &str,
    end: usize,
    kind: Kind,
    page: Page,
    prev: Option<(usize, &str)>,
) -> bool {
    if let Some((at, w)) = prev
        && w == "of"
        && let Some((_, head)) = prev_word(text, at)
        && listed(LISTS.name_of_heads, head)
    {
        return true;
    }
    // "US Securities and Exchange Commission": after an abbreviation a capitalised word is
    // usually a national body, so only unmistakable name endings count.
    if !matches!(kind, Kind::Currency | Kind::Prefix)
        && ends_a_name(
            text,
            end,
            page.shouting || page.title_case || kind == Kind::Abbr,
        )
    {
        return true;
    }
    // "B Lima", "J. Jordan": an initial makes a surname.
    matches!(kind, Kind::Name | Kind::Capital | Kind::Hist)
        && prev.is_some_and(|(_, w)| {
            w.trim_end_matches('.').len() == 1 && w.starts_with(char::is_uppercase)
        })
        && !page.sentence_start
        && !page.shouting
}

/// Whether a capitalised word that names no country follows a place name: "Jordan Henderson",
/// "Chad Bown" (but not "China Monday" or "Japan The APEC meeting").
fn before_a_name_word(pattern: &Pattern, kind: Kind, next: Option<(usize, &str)>) -> bool {
    let Some((_, w)) = next else {
        return false;
    };
    matches!(kind, Kind::Name | Kind::Capital | Kind::Hist)
        && !is_upper(&pattern.text)
        && is_title_word(w)
        && !listed(LISTS.country_name_followers, w)
        && !listed(LISTS.calendar_words, w)
        // A sentence run on without its full stop ("... Made-in-China The APEC meeting").
        && !matches!(w, "The" | "A" | "An")
        && GAZETTEER.phrase(w).is_none()
}

/// Whether a capitalised word that reads as a first name comes right before the phrase:
/// "Michael Jordan", "Paris Hilton" (but not "Popular Chinese portals").
fn after_a_name_word(text: &str, kind: Kind, page: Page, prev: Option<(usize, &str)>) -> bool {
    let Some((at, w)) = prev else {
        return false;
    };
    matches!(kind, Kind::Name | Kind::Capital | Kind::Hist | Kind::Adj)
        && !page.sentence_start
        && is_title_word(w)
        && !w.ends_with("'s")
        && !w.ends_with("\u{2019}s")
        // "Top-seeded Americans", "Popular Chinese portals", "Asian American voters": before a
        // demonym, a capitalised word is far more often a describing word than a first name.
        && !(kind == Kind::Adj
            && (w.contains('-')
                || starts_sentence(text, at)
                || listed(LISTS.describers, w)))
        && !listed(LISTS.country_name_leaders, w)
        && !listed(LISTS.calendar_words, w)
        && !listed(LISTS.sentence_openers, w)
        && GAZETTEER.phrase(w).is_none()
        // "Separately, ..." without the comma: an adverb opening the sentence.
        && !(w.ends_with("ly") && starts_sentence(text, at))
}

/// Whether the phrase is hyphened to another country word: "China-Laos", "US-Pakistan".
fn joined_to_country(text: &str, start: usize, end: usize) -> bool {
    let after = text[end..].strip_prefix('-').map(|r| {
        &r[..r
            .find(|c: char| !c.is_alphanumeric() && c != '.')
            .unwrap_or(r.len())]
    });
    let before = text[..start].strip_suffix('-').map(trailing_word);
    [after, before]
        .into_iter()
        .flatten()
        .any(|w| !w.is_empty() && GAZETTEER.phrase(w).is_some())
}

/// Whether a country word stands next in a list: "Georgia and Ukraine", "Italy, Georgia".
fn listed_with_country(text: &str, start: usize, end: usize) -> bool {
    const JOINS: [&str; 4] = [", ", " and ", " or ", ", and "];
    let after = JOINS
        .iter()
        .find_map(|j| text[end..].strip_prefix(j))
        .map(|rest| {
            let n = rest
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(rest.len());
            &rest[..n]
        });
    let before = JOINS
        .iter()
        .find_map(|j| text[..start].strip_suffix(j))
        .map(trailing_word);
    [after, before]
        .into_iter()
        .flatten()
        .any(|w| is_title_word(w) && GAZETTEER.phrase(w).is_some() && !GAZETTEER.is_us_state(w))
}

/// The run of letters, digits and full stops at the end of `s` ("U.S" of "the U.S").
fn trailing_word(s: &str) -> &str {
    let from = s
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphanumeric() && c != '.')
        .map_or(0, |(i, c)| i + c.len_utf8());
    &s[from..]
}

/// Whether the phrase as written fits the gazetteer's case: capitals where it has capitals
/// ("turkey" is not Turkey, "us" is not US), small letters anywhere in all-capitals text, and a
/// capital first letter of a small-letter phrase ("yen") only at a sentence start.
fn case_fits(want: &str, got: &str, sentence_start: bool) -> bool {
    if is_upper(got) {
        return true;
    }
    want.chars()
        .zip(got.chars())
        .enumerate()
        .all(|(i, (w, g))| {
            if w.is_uppercase() {
                g.is_uppercase()
            } else if w.is_lowercase() && g.is_uppercase() {
                i == 0 && sentence_start
            } else {
                true
            }
        })
}

/// No letter or digit glued to either end of the phrase ("Omani" is not "Oman", "USACafes" is
/// not "USA"); phrases that end in "-" or "$" ("Sino-", "US$") run into the next word.
fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let matched = &text[start..end];
    let glued_before = matched.starts_with(char::is_alphanumeric)
        && text[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
    let mut after = text[end..].chars();
    let glued_after = matched.ends_with(char::is_alphanumeric)
        && match after.next() {
            Some(c) if c.is_alphanumeric() => true,
            // "As-Saba'ee" is one word; "Japan's" is Japan.
            Some('\'' | '\u{2019}') => after.next().is_some_and(|c| c.is_alphabetic() && c != 's'),
            _ => false,
        };
    !glued_before && !glued_after
}

/// The offset just past the word that starts at `start`.
fn after_word(text: &str, start: usize) -> usize {
    let rest = &text[start..];
    let first = rest.chars().next().map_or(1, char::len_utf8);
    start
        + rest
            .char_indices()
            .skip(1)
            .find(|&(_, c)| !c.is_alphanumeric())
            .map_or(rest.len(), |(i, _)| i.max(first))
}

/// ", Calif." or ", Texas" right after the phrase: a US town that shares a capital's name.
/// A state that is also a country's name ("Georgia", "Washington") marks a US town only after
/// a capital's name ("Athens, Georgia"), not after a country's ("China, Georgia").
fn after_comma_is_us_state(text: &str, end: usize, after_capital: bool) -> bool {
    let Some(rest) = text[end..].strip_prefix(", ") else {
        return false;
    };
    let word_end = rest
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map_or(rest.len(), |(i, _)| i);
    let first = &rest[..word_end];
    // Two-word states ("New Mexico", "North Carolina").
    let two = rest[word_end..]
        .strip_prefix(' ')
        .and_then(|r| r.split(|c: char| !c.is_alphanumeric()).next())
        .map(|second| format!("{first} {second}"));
    let state = |w: &str| {
        GAZETTEER.is_us_state(w)
            && (after_capital || GAZETTEER.phrase(w.trim_end_matches('.')).is_none())
    };
    state(first) || state(first.trim_end_matches('.')) || two.is_some_and(|t| state(&t))
}

/// The word before "<word>, " preceding `start` ("Atlanta" in "Atlanta, Georgia").
fn prev_before_comma(text: &str, start: usize) -> Option<(&str, usize)> {
    let before = text[..start].strip_suffix(' ')?.strip_suffix(',')?;
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    (!word.is_empty()).then_some((word, word_start))
}

/// Whether the capitalised words after the phrase end in a word that closes the name of an
/// organisation, a publication or a feature ("China Daily", "American Enterprise Institute").
/// `shouting`: every word is capitalised anyway, so only unmistakable name endings count.
fn ends_a_name(text: &str, end: usize, shouting: bool) -> bool {
    let mut at = end;
    let mut state_bank = false;
    for _ in 0..4 {
        let Some((start, word)) = next_word(text, at) else {
            return false;
        };
        let lower = word.to_lowercase();
        let capitalised = word.starts_with(char::is_uppercase);
        if !capitalised && !matches!(lower.as_str(), "of" | "for" | "&") {
            return false;
        }
        if LISTS.name_ends.contains(&lower.as_str()) {
            return true;
        }
        if lower == "bank" && !shouting && !state_bank {
            return true;
        }
        if !shouting && lower != "bank" && LISTS.name_ends_title_case.contains(&lower.as_str()) {
            return true;
        }
        state_bank |= LISTS.state_bank.contains(&lower.as_str());
        at = start + word.len();
        // The word ran into punctuation: the name stops there.
        if !text[at..].starts_with(char::is_whitespace) {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`listed`] compares an ASCII word without lowercasing it, which holds only for lists
    /// written in small letters.
    #[test]
    fn word_lists_are_in_small_letters() {
        for list in [
            LISTS.name_of_heads,
            LISTS.country_name_followers,
            LISTS.calendar_words,
            LISTS.describers,
            LISTS.country_name_leaders,
            LISTS.sentence_openers,
        ] {
            for w in list {
                assert_eq!(*w, w.to_lowercase(), "{w}");
            }
        }
    }

    #[test]
    fn words_match_in_any_case_as_lowercased() {
        assert!(listed(LISTS.calendar_words, "MONDAY"));
        assert!(!listed(LISTS.calendar_words, "Mondays"));
        // The Kelvin sign lowercases to an ASCII "k".
        assert!(listed(LISTS.country_name_followers, "\u{212a}ing"));
        for w in [
            "",
            "Japan",
            "JAPAN",
            "Stra\u{df}e",
            "\u{212a}ING",
            "a-word-of-more-than-thirty-two-bytes-in-all",
        ] {
            let want = xxhash_rust::xxh3::xxh3_64(w.to_lowercase().as_bytes()) | 1;
            assert_eq!(word_key(w), want, "{w}");
        }
    }
}
