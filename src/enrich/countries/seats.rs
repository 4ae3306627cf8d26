//! A bloc's seat read as the bloc: "Brussels imposed duties on Japanese chips" is the EU acting,
//! while "talks in Brussels" and "a Brussels-based think tank" are the Belgian city.
//!
//! Takes the phrases found in one text and gives some of them a new reading. A city listed as
//! a bloc's seat (`hq` lines in `data/countries.tsv`) names the bloc when the sentence it is in
//! is about trade policy (a word of `data/bloc_seat_words.txt`) and the city is not written as
//! a place: not after a preposition of place, not the first part of a compound.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::context::prev_word;
use super::gazetteer::{GAZETTEER, Kind, fold};
use super::matcher::{Found, Verdict};
use crate::enrich::text::lists::Sections;

const LIST_FILE: &str = include_str!("../../../data/country_words.txt");

/// The word lists of `data/country_words.txt`.
struct Lists {
    /// Words before a city that make it a place, not an actor.
    place_words: &'static [&'static str],
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    // The file is shared with the other module of `countries` that reads it, so its
    // sections are not all taken here (no `finish`).
    let mut file = Sections::parse("data/country_words.txt", LIST_FILE);
    Lists {
        place_words: file.take("place_words"),
    }
});

const WORDS: &str = include_str!("../../../data/bloc_seat_words.txt");

/// Trade-policy words: whole words, and stems that end in `*` in the file.
static TRADE_WORDS: LazyLock<(Vec<&'static str>, Vec<&'static str>)> = LazyLock::new(|| {
    let lines = WORDS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'));
    let (stems, words): (Vec<&str>, Vec<&str>) = lines.partition(|l| l.ends_with('*'));
    (
        words,
        stems.iter().map(|s| s.trim_end_matches('*')).collect(),
    )
});

/// Give each bloc seat in `text` that names its bloc there the bloc's code, and return the
/// seats (gazetteer patterns) so read. `known` holds seats read as their bloc in the body of
/// the same article: in a headline these need no trade word, only to be written as an actor.
pub(super) fn read(text: &str, found: &mut [Found], known: &HashSet<usize>) -> HashSet<usize> {
    let mut read = HashSet::new();
    for f in found.iter_mut() {
        if f.verdict != Verdict::Country || f.kind() != Some(Kind::Capital) {
            continue;
        }
        let Some(phrase) = text.get(f.start..f.end) else {
            continue;
        };
        let Some(&bloc) = GAZETTEER.seats.get(&fold(phrase)) else {
            continue;
        };
        if names_bloc(text, f.start, f.end, known.contains(&f.pattern)) {
            f.reading = Some(bloc);
            read.insert(f.pattern);
        }
    }
    read
}

/// Whether the seat at `start..end` is an actor, in a sentence about trade policy unless
/// `known` (read as the bloc elsewhere in the article).
fn names_bloc(text: &str, start: usize, end: usize, known: bool) -> bool {
    if text[end..].starts_with('-') || is_dateline(text, start, end) {
        return false;
    }
    if prev_word(text, start)
        .is_some_and(|(_, w)| LISTS.place_words.contains(&w.to_lowercase().as_str()))
    {
        return false;
    }
    if known {
        return true;
    }
    let from = text[..start]
        .rfind(['.', '!', '?', '\n'])
        .map_or(0, |i| i + 1);
    let to = text[end..]
        .find(['.', '!', '?', '\n'])
        .map_or(text.len(), |i| end + i);
    let (words, stems) = &*TRADE_WORDS;
    text[from..to]
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(str::to_lowercase)
        .any(|w| words.contains(&w.as_str()) || stems.iter().any(|s| w.starts_with(s)))
}

/// A dateline in the body ("BRUSSELS, July 27 (Xinhua) --"): the city opens its line, in
/// capitals or followed by a comma.
fn is_dateline(text: &str, start: usize, end: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    if !text[line_start..start].trim().is_empty() {
        return false;
    }
    let city = &text[start..end];
    text[end..].starts_with(',') || !city.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::super::find;

    fn codes(text: &str) -> Vec<String> {
        let mut out: Vec<String> = find(text).iter().map(|h| h.code.to_string()).collect();
        out.dedup();
        out
    }

    #[test]
    fn brussels_acting_on_trade_is_the_eu() {
        for text in [
            "Brussels imposed anti-dumping duties on Japanese typewriters.",
            "Brussels said it would retaliate against the American tariffs.",
            "Washington and Brussels are close to a deal on farm subsidies.",
        ] {
            assert!(codes(text).contains(&"EU".to_string()), "{text}");
            assert!(!codes(text).contains(&"BE".to_string()), "{text}");
        }
    }

    #[test]
    fn brussels_as_a_place_is_not_the_eu() {
        for text in [
            "Trade ministers met in Brussels to discuss tariffs.",
            "A Brussels-based think tank studied the import quotas.",
            "Brussels police closed the metro after the attack.",
            "He flew from Brussels to Paris for the trade talks.",
            "BRUSSELS, July 27 (Xinhua) -- China has upheld the multilateral trading system.",
            "Brussels, March 3 - The ministers discussed farm trade.",
        ] {
            assert!(!codes(text).contains(&"EU".to_string()), "{text}");
        }
    }
}
