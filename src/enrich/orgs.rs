//! Organisations: international bodies from the gazetteer in `data/orgs.tsv` (WTO, EU, ASEAN,
//! APEC, OPEC, IMF, G20 ...), reported by their full names, and other organisations found by
//! their cues: an acronym defined in brackets ("Comprehensive Economic Partnership Agreement
//! (CEPA)"), a ministry ("Ministry of Commerce", "Chinese Foreign Ministry"), or a name ending
//! in an organisation word ("Peterson Institute for International Economics").
//!
//! Takes an [`Article`] (title and body) and gives the names once each, in order of first
//! appearance.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};
use regex::Regex;

use crate::corpus::Article;
use crate::enrich::text::lists::Sections;

const LIST_FILE: &str = include_str!("../../data/org_words.txt");

/// The word lists of `data/org_words.txt`.
struct Lists {
    /// Words that end an organisation's name.
    org_words: &'static [&'static str],
    /// Words that open a sentence rather than a name.
    openers: &'static [&'static str],
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let mut file = Sections::parse("data/org_words.txt", LIST_FILE);
    let lists = Lists {
        org_words: file.take("org_words"),
        openers: file.take("openers"),
    };
    file.finish();
    lists
});

const ORGS: &str = include_str!("../../data/orgs.tsv");

struct Gazetteer {
    automaton: AhoCorasick,
    /// Pattern id -> canonical name.
    names: Vec<&'static str>,
    /// The first two bytes of every pattern, one bit each (see [`pair_bit`]): a match can
    /// start only where they stand.
    first_pairs: Vec<u64>,
    /// Every pattern starts with an ASCII capital, so text without one can be passed over
    /// eight bytes at a time.
    capitals_first: bool,
}

/// The bit of two bytes in [`Gazetteer::first_pairs`].
fn pair_bit(first: u8, second: u8) -> usize {
    usize::from(first) << 8 | usize::from(second)
}

impl Gazetteer {
    /// The matches of the automaton in `text`, as `find_iter` gives them (leftmost-longest,
    /// not overlapping), with the automaton run anchored only where the first two bytes of a
    /// pattern stand: the leftmost-longest match is the longest one at the first place where
    /// one starts.
    fn find_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = aho_corasick::Match> + 't {
        let b = text.as_bytes();
        let mut pos = 0;
        std::iter::from_fn(move || {
            while pos + 1 < b.len() {
                if self.capitals_first {
                    pos = next_capital_chunk(b, pos);
                }
                let at = pos;
                pos += 1;
                if at + 1 >= b.len() {
                    break;
                }
                let bit = pair_bit(b[at], b[at + 1]);
                if self.first_pairs[bit / 64] & (1 << (bit % 64)) == 0 {
                    continue;
                }
                let input = Input::new(text)
                    .span(at..text.len())
                    .anchored(Anchored::Yes);
                if let Some(m) = self.automaton.find(input) {
                    pos = m.end();
                    return Some(m);
                }
            }
            None
        })
    }
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut patterns: Vec<&'static str> = Vec::new();
    let mut names = Vec::new();
    for line in ORGS
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let mut cols = line.split('\t');
        let Some(name) = cols.next().map(str::trim) else {
            continue;
        };
        let aliases = cols.next().unwrap_or("");
        for phrase in std::iter::once(name).chain(aliases.split('|').map(str::trim)) {
            if !phrase.is_empty() && !patterns.contains(&phrase) {
                patterns.push(phrase);
                names.push(name);
            }
        }
    }
    // A DFA: a few hundred patterns make a small one, and it runs faster than the NFA.
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .start_kind(StartKind::Both)
        .build(&patterns)
        .unwrap_or_else(|e| panic!("the bundled data/orgs.tsv is malformed: {e}"));
    let mut first_pairs = vec![0u64; 1 << 10];
    for p in &patterns {
        match p.as_bytes() {
            [a, b, ..] => {
                let bit = pair_bit(*a, *b);
                first_pairs[bit / 64] |= 1 << (bit % 64);
            }
            _ => panic!("the bundled data/orgs.tsv has a name shorter than two bytes: {p}"),
        }
    }
    let capitals_first = patterns
        .iter()
        .all(|p| p.as_bytes()[0].is_ascii_uppercase());
    Gazetteer {
        automaton,
        names,
        first_pairs,
        capitals_first,
    }
});

/// The organisation words as bytes, for [`org_word_at`], by length: `ORG_WORDS_BY_LEN[n]`
/// holds those of `n` bytes (none is longer than the last).
static ORG_WORDS_BY_LEN: LazyLock<Vec<Vec<&'static [u8]>>> = LazyLock::new(|| {
    let longest = LISTS.org_words.iter().map(|w| w.len()).max().unwrap_or(0);
    let mut by_len = vec![Vec::new(); longest + 1];
    for w in LISTS.org_words {
        by_len[w.len()].push(w.as_bytes());
    }
    by_len
});

/// A byte of an ASCII word, as a `(?-u:\b)` boundary sees it: a letter, a digit or `_`.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The end of the run of ASCII word bytes starting at `at`.
fn word_run_end(b: &[u8], at: usize) -> usize {
    b[at..]
        .iter()
        .position(|&x| !is_word_byte(x))
        .map_or(b.len(), |n| at + n)
}

/// The end of the organisation word at byte `at`, when the whole run of ASCII word bytes
/// there is one ("Bank" in "Bank," or "Bank\u{e9}", not in "Banks" or "Bank_1").
fn org_word_at(b: &[u8], at: usize) -> Option<usize> {
    let end = word_run_end(b, at);
    let word = &b[at..end];
    ORG_WORDS_BY_LEN
        .get(word.len())?
        .iter()
        .any(|w| w[0] == word[0] && *w == word)
        .then_some(end)
}

/// Past the eight-byte chunks from `i` on that hold no ASCII capital: where the next capital
/// may stand (at most seven bytes before it; the end of `b` when none is left).
fn next_capital_chunk(b: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = b.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
        if has_capital(u64::from_le_bytes(chunk)) {
            break;
        }
        i += 8;
    }
    i
}

/// Whether any of the eight bytes of `x` is an ASCII capital, for all eight at once: each
/// byte's low seven bits are compared with `A` and `Z` in its own lane, with no carry between
/// lanes, and a byte with its high bit set is no capital.
fn has_capital(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let low = x & (ONES * 0x7f);
    let at_most_z = (ONES * (0x7f + u64::from(b'Z') + 1)).wrapping_sub(low);
    let at_least_a = low + ONES * (0x80 - u64::from(b'A'));
    at_most_z & at_least_a & !x & (ONES * 0x80) != 0
}

/// The first organisation word standing as a word of its own (ASCII word boundaries on both
/// sides) that starts at or after `pos`, as its start and end.
fn next_org_word(text: &str, pos: usize) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let mut i = pos;
    loop {
        // Every organisation word starts with a capital.
        i = next_capital_chunk(b, i);
        let &c = b.get(i)?;
        let at_boundary = i == 0 || !is_word_byte(b[i - 1]);
        if at_boundary
            && c.is_ascii_uppercase()
            && let Some(end) = org_word_at(b, i)
        {
            return Some((i, end));
        }
        i += 1;
    }
}

/// The end of the white space at byte `at` (`at` itself when there is none).
fn white_space_end(text: &str, at: usize) -> usize {
    text[at..]
        .char_indices()
        .find(|&(_, c)| !c.is_whitespace())
        .map_or(text.len(), |(n, _)| at + n)
}

/// The end of the capitalised word at byte `at`: an ASCII capital, then as many letters and
/// `' ’ & . -` as stand there.
fn capitalised_end(text: &str, at: usize) -> Option<usize> {
    if !text.as_bytes().get(at)?.is_ascii_uppercase() {
        return None;
    }
    let end = text[at + 1..]
        .char_indices()
        .find(|&(_, c)| {
            !(c.is_ascii_alphabetic() || matches!(c, '\'' | '\u{2019}' | '&' | '.' | '-'))
        })
        .map_or(text.len(), |(n, _)| at + 1 + n);
    Some(end)
}

/// Past `word` and the white space after it at byte `at`, when both are there.
fn past_word_and_space(text: &str, at: usize, word: &str) -> Option<usize> {
    if !text[at..].starts_with(word) {
        return None;
    }
    let end = white_space_end(text, at + word.len());
    (end > at + word.len()).then_some(end)
}

/// The end of the cued organisation name starting at byte `p`, if one starts there: up to
/// five capitalised words (each followed by white space, and perhaps by "and" or "&" and white
/// space) before an organisation word, as many as make one, then perhaps [`of_what_end`].
///
/// A name starts at an ASCII capital with no ASCII word byte before it. The words are ASCII
/// words; what is checked against Unicode letters is checked after, in [`collect`].
fn cued_name_at(text: &str, p: usize) -> Option<usize> {
    let b = text.as_bytes();
    if !b.get(p)?.is_ascii_uppercase() || (p > 0 && is_word_byte(b[p - 1])) {
        return None;
    }
    // The organisation word after the most capitalised words before it.
    let mut org_end = None;
    let mut at = p;
    for words_before in 0..=5 {
        if let Some(end) = org_word_at(b, at) {
            org_end = Some(end);
        }
        if words_before == 5 {
            break;
        }
        let Some(cap) = capitalised_end(text, at) else {
            break;
        };
        let space = white_space_end(text, cap);
        if space == cap {
            break;
        }
        at = past_word_and_space(text, space, "and")
            .or_else(|| past_word_and_space(text, space, "&"))
            .unwrap_or(space);
    }
    let org_end = org_end?;
    Some(of_what_end(text, org_end).unwrap_or(org_end))
}

/// The end of what an organisation word ending at `org_end` is "of", "for" or "on", if it
/// says: perhaps "the", then up to five capitalised words joined by white space, "and" or
/// "of" ("of Japan", "for International Economics", "of the Treasury").
fn of_what_end(text: &str, org_end: usize) -> Option<usize> {
    let space = white_space_end(text, org_end);
    if space == org_end {
        return None;
    }
    let mut at = ["of", "for", "on"]
        .iter()
        .find_map(|w| past_word_and_space(text, space, w))?;
    at = past_word_and_space(text, at, "the").unwrap_or(at);
    let mut end = capitalised_end(text, at)?;
    for _ in 0..4 {
        let space = white_space_end(text, end);
        if space == end {
            break;
        }
        let at = past_word_and_space(text, space, "and")
            .or_else(|| past_word_and_space(text, space, "of"))
            .unwrap_or(space);
        match capitalised_end(text, at) {
            Some(next) => end = next,
            None => break,
        }
    }
    Some(end)
}

/// The cued organisation names in `text` as byte ranges, leftmost first, not overlapping.
///
/// Each name holds an organisation word standing on its own, which a scan of the ASCII words
/// finds quickly; a name holding the first such word after the search position starts no
/// earlier than [`run_start`] of it, so names are looked for from there.
fn cued_matches(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let (word_start, _) = next_org_word(text, pos)?;
        let from = run_start(text, pos, word_start);
        // A name starts at `word_start` at the latest: the organisation word alone is one.
        let (start, end) = (from..=word_start)
            .filter(|&p| text.is_char_boundary(p))
            .find_map(|p| cued_name_at(text, p).map(|end| (p, end)))?;
        pos = end;
        Some(start..end)
    })
}

/// The earliest start, not before `floor`, of a cued name (see [`cued_name_at`]) that holds byte `at`: the
/// start of the white-space-separated word holding `at`, or of the run of capitalised words
/// and joining "and"s right before it. A match holds only such words, each whole but the
/// first, and only white space between them.
fn run_start(text: &str, floor: usize, at: usize) -> usize {
    /// Where the last word of `s` starts.
    fn last_word(s: &str) -> usize {
        s.char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8())
    }
    let mut from = floor + last_word(&text[floor..at]);
    loop {
        let before = &text[floor..from];
        let trimmed = before.trim_end();
        if trimmed.len() == before.len() {
            return from;
        }
        let word_start = last_word(trimmed);
        from = floor + word_start;
        let word = &trimmed[word_start..];
        if !(is_capitalised_word(word) || word == "and" || word == "&") {
            return from;
        }
    }
}

/// A whole capitalised word as [`capitalised_end`] reads one: `[A-Z][A-Za-z'’&.-]*`.
fn is_capitalised_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars
            .all(|c| c.is_ascii_alphabetic() || matches!(c, '\'' | '\u{2019}' | '&' | '.' | '-'))
}

/// "Full Name Of Something (FNOS)". Its groups are read with [`defined_parts`].
static DEFINED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:[A-Z][A-Za-z'’&-]*\s+(?:(?:of|for|and|the|on|in|&)\s+)*){1,8})\(([A-Z][A-Za-z&]{1,9})\)")
        .unwrap_or_else(|e| panic!("acronym pattern: {e}"))
});

/// The two groups of a [`DEFINED`] match, the name and the acronym, read off the match: it
/// ends in the bracketed acronym, and neither group can hold a bracket. (Asking the regex for
/// its groups runs a slower engine over every match.)
fn defined_parts(matched: &str) -> Option<(&str, &str)> {
    let (name, rest) = matched.split_once('(')?;
    Some((name, rest.strip_suffix(')')?))
}

/// Every organisation the article names, once each.
pub fn extract(article: &Article) -> Vec<String> {
    let mut found: Vec<(usize, String)> = Vec::new();
    let mut offset = 0;
    for text in article
        .title
        .iter()
        .map(String::as_str)
        .chain([article.body.as_str()])
    {
        collect(text, offset, &mut found);
        offset += text.len() + 1;
    }
    found.sort_by_key(|(at, _)| *at);
    let mut seen: HashMap<String, ()> = HashMap::new();
    found
        .into_iter()
        .filter(|(_, name)| seen.insert(name.to_lowercase(), ()).is_none())
        .map(|(_, name)| name)
        .collect()
}

fn collect(text: &str, offset: usize, out: &mut Vec<(usize, String)>) {
    let g = &*GAZETTEER;
    let mut known = Vec::new();
    for m in g.find_iter(text) {
        let (s, e) = (m.start(), m.end());
        if !on_word_boundaries(text, s, e) || in_capitals_copy(text, s, e) {
            continue;
        }
        known.push(s..e);
        out.push((offset + s, g.names[m.pattern().as_usize()].to_string()));
    }
    for m in DEFINED.find_iter(text) {
        let Some((name, acronym)) = defined_parts(m.as_str()) else {
            continue;
        };
        let acronym_start = m.start() + name.len() + 1;
        let name = trim_name(name);
        if initials_match(name, acronym)
            && !known.iter().any(|k| k.contains(&acronym_start))
            && !is_country_phrase(name)
        {
            out.push((offset + m.start(), one_line(name)));
        }
    }
    for m in cued_matches(text) {
        if !on_word_boundaries(text, m.start, m.end) {
            continue;
        }
        let name = trim_name(&text[m.clone()]);
        let overlaps_known = known.iter().any(|k| k.start < m.end && m.start < k.end);
        let org_words_only = name
            .split_whitespace()
            .all(|w| LISTS.org_words.contains(&w) || w == "and" || w == "&");
        if name.split_whitespace().count() >= 2 && !overlaps_known && !org_words_only {
            out.push((offset + m.start, one_line(name)));
        }
    }
}

/// A name wrapped over lines, on one line.
fn one_line(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Without opening words ("The ...", "China's ...") and trailing spaces.
fn trim_name(name: &str) -> &str {
    let mut name = name.trim();
    if let Some(i) = name
        .rfind("'s ")
        .or_else(|| name.rfind("\u{2019}s ").map(|i| i + 2))
    {
        name = &name[i + 3..];
    }
    while let Some((first, rest)) = name.split_once(' ') {
        if LISTS.openers.contains(&first) {
            name = rest.trim_start();
        } else {
            break;
        }
    }
    name.trim_end_matches(['.', ',']).trim()
}

/// Whether the capitalised words' initials spell the acronym ("Economic Partnership
/// Agreement" for "EPA"); small joining words may or may not count.
fn initials_match(name: &str, acronym: &str) -> bool {
    let acronym = acronym.to_uppercase();
    let all: String = name
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let capitals: String = name
        .split_whitespace()
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect();
    // The name may begin with words that are not part of it ("Beijing signed the ...").
    all.ends_with(&acronym) || capitals.ends_with(&acronym)
}

/// A bare country phrase such as "Bank" alone is not an organisation; nor is a phrase that is
/// only a country's name.
fn is_country_phrase(name: &str) -> bool {
    crate::enrich::countries::lookup(name).is_some() && !name.contains(' ')
}

fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    !text[..start]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
        && !text[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

/// An acronym in all-capitals copy ("WHO WILL PAY") may be an ordinary word.
fn in_capitals_copy(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end();
    let prev = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let next = text[end..].split_whitespace().next().unwrap_or("");
    let upper = |w: &str| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase);
    text[start..end].chars().all(|c| !c.is_lowercase())
        && (prev.is_empty() || upper(prev))
        && (next.is_empty() || upper(next))
        && !(prev.is_empty() && next.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What [`cued_matches`] finds, as a regex (and the regex it was once found with):
    /// capitalised words (with small joining words) ending in an organisation word, optionally
    /// followed by "of ...". The word boundaries are ASCII ones.
    static CUED: LazyLock<Regex> = LazyLock::new(|| {
        let cap = r"[A-Z][A-Za-z'’&.-]*";
        let org_word = LISTS.org_words.join("|");
        Regex::new(&format!(
            r"(?-u:\b)(?:{cap}\s+(?:(?:and|&)\s+)?){{0,5}}(?:{org_word})(?-u:\b)(?:\s+(?:of|for|on)\s+(?:the\s+)?{cap}(?:\s+(?:and\s+|of\s+)?{cap}){{0,4}})?"
        ))
        .unwrap()
    });

    /// What [`next_org_word`] finds, as a regex.
    static ORG_WORD_ALONE: LazyLock<Regex> = LazyLock::new(|| {
        let org_word = LISTS.org_words.join("|");
        Regex::new(&format!(r"(?-u:\b)(?:{org_word})(?-u:\b)")).unwrap()
    });

    fn spans<'a>(matches: impl Iterator<Item = regex::Match<'a>>) -> Vec<(usize, usize)> {
        matches.map(|m| (m.start(), m.end())).collect()
    }

    fn ranges(matches: impl Iterator<Item = Range<usize>>) -> Vec<(usize, usize)> {
        matches.map(|m| (m.start, m.end)).collect()
    }

    /// Every organisation word standing alone in `text`, by [`next_org_word`].
    fn org_words_alone(text: &str) -> Vec<(usize, usize)> {
        let mut pos = 0;
        std::iter::from_fn(|| {
            let found = next_org_word(text, pos)?;
            pos = found.1;
            Some(found)
        })
        .collect()
    }

    #[test]
    fn defined_parts_are_the_regex_groups() {
        for text in [
            "the Comprehensive Economic Partnership Agreement (CEPA) and the World Bank (WB)",
            "Association of Southeast Asian Nations  (ASEAN)",
            "Food & Drug Administration (FDA), O’Neil Institute (OI)",
            "X (Y) (Z)",
        ] {
            for c in DEFINED.captures_iter(text) {
                let (whole, name, acronym) = (&c[0], &c[1], &c[2]);
                assert_eq!(defined_parts(whole), Some((name, acronym)), "{text}");
            }
        }
    }

    /// A gazetteer match: start, end, pattern.
    type Spotted = (usize, usize, usize);

    /// The gazetteer's matches in `text` by [`Gazetteer::find_iter`], and by the automaton's.
    fn gazetteer_spans(text: &str) -> (Vec<Spotted>, Vec<Spotted>) {
        let g = &*GAZETTEER;
        let spans = |m: aho_corasick::Match| (m.start(), m.end(), m.pattern().as_usize());
        (
            g.find_iter(text).map(spans).collect(),
            g.automaton.find_iter(text).map(spans).collect(),
        )
    }

    #[test]
    fn capitals_are_found_in_every_lane() {
        for byte in 0..=255u8 {
            for lane in 0..8 {
                let mut bytes = [b'a'; 8];
                bytes[lane] = byte;
                assert_eq!(
                    has_capital(u64::from_le_bytes(bytes)),
                    byte.is_ascii_uppercase(),
                    "{byte} in lane {lane}"
                );
            }
        }
        assert!(!has_capital(u64::from_le_bytes(*b"\xc3\x89@[`{ 9")));
    }

    #[test]
    fn gazetteer_matches_are_those_of_the_whole_text_search() {
        for text in [
            "The WTO and the EU met ASEAN, APEC and OPEC envoys; the IMF and the G20 too.",
            "EUWTO World Trade OrganizationWTO E.U. EEC EC",
            "xWTO",
            "W",
            "",
        ] {
            let (fast, whole) = gazetteer_spans(text);
            assert_eq!(fast, whole, "{text}");
        }
    }

    #[test]
    fn cued_matches_are_those_of_the_whole_text_search() {
        for text in [
            "the Ministry of Commerce said the Bank of Japan and Foo Co agreed",
            "Foo-Bank Council",
            "x.Foo Bank",
            "(Foo Bank Inc",
            "The Bank\u{a0}of Japan",
            "A B C D E F G H Bank",
            "5Bank Co",
            "Smith and Jones & Sons Co Ltd",
            "foo\u{2019}Bar Inc and Baz Corp",
            "Corporations, Co-operative Bank",
            "",
        ] {
            assert_eq!(
                ranges(cued_matches(text)),
                spans(CUED.find_iter(text)),
                "{text}"
            );
            assert_eq!(
                org_words_alone(text),
                spans(ORG_WORD_ALONE.find_iter(text)),
                "{text}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn cued_matches_agree_on_any_mix_of_words(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Bank", "Co", "Corp", "Foo", "McBar", "U.S.", "and", "&", "of", "the", "on",
                    "said", "x", "5", "(", ",", "-", ".", "'", "\u{2019}", " ", "  ", "\n",
                    "\u{a0}", "\u{e9}", "Ministry", "Trade", "Corporation", "Co_", "for",
                    "The", "University", "\u{2019}s", "Inc.", "1", "_", "WTO", "EU", "E.", "U.",
                    "EEC", "World", "European", "Union", "Organization", "G", "20", "Asean",
                ]),
                0..40,
            )
        ) {
            let text = words.concat();
            proptest::prop_assert_eq!(ranges(cued_matches(&text)), spans(CUED.find_iter(&text)));
            let (fast, whole) = gazetteer_spans(&text);
            proptest::prop_assert_eq!(fast, whole);
            proptest::prop_assert_eq!(
                org_words_alone(&text),
                spans(ORG_WORD_ALONE.find_iter(&text))
            );
        }
    }

    fn orgs(body: &str) -> Vec<String> {
        extract(&Article {
            body: body.to_string(),
            ..Article::default()
        })
    }

    #[test]
    fn international_bodies_by_their_full_names() {
        assert_eq!(
            orgs("The WTO and the EU met ASEAN, APEC and OPEC envoys; the IMF and the G20 too."),
            [
                "World Trade Organization",
                "European Union",
                "Association of Southeast Asian Nations",
                "Asia-Pacific Economic Cooperation",
                "Organization of the Petroleum Exporting Countries",
                "International Monetary Fund",
                "Group of 20",
            ]
        );
        assert_eq!(
            orgs("The World Trade Organization (WTO) ruled. The WTO said so."),
            ["World Trade Organization"]
        );
    }

    #[test]
    fn ministries_and_defined_acronyms() {
        let got = orgs(
            "China's Ministry of Commerce and the Chinese Foreign Ministry welcomed the \
             Comprehensive Economic Partnership Agreement (CEPA).",
        );
        assert_eq!(
            got,
            [
                "Ministry of Commerce",
                "Chinese Foreign Ministry",
                "Comprehensive Economic Partnership Agreement"
            ]
        );
    }

    #[test]
    fn names_in_text_with_curly_quotes_and_accents() {
        assert_eq!(
            orgs("“We will respond,” the Ministry of Commerce said in Brasília on Tuesday."),
            ["Ministry of Commerce"]
        );
        // A word running on into accented letters is not an organisation word.
        assert_eq!(orgs("The Bankéa Committeeé met."), Vec::<String>::new());
    }

    #[test]
    fn names_joined_by_and_and_wrapped_lines() {
        assert_eq!(
            orgs("the Securities and Exchange\nCommission said"),
            ["Securities and Exchange Commission"]
        );
    }

    #[test]
    fn named_institutes_and_banks() {
        let got = orgs(
            "Chad Bown of the Peterson Institute for International Economics said the Bank of Japan acted.",
        );
        assert_eq!(
            got,
            [
                "Peterson Institute for International Economics",
                "Bank of Japan"
            ]
        );
    }

    #[test]
    fn not_organisations() {
        assert!(orgs("we eu who un").is_empty());
        assert!(orgs("WHO WILL PAY FOR IT").is_empty());
        assert!(orgs("The Bank said profits rose.").is_empty());
        assert!(orgs("Prices rose (UP) in March.").is_empty());
        assert!(orgs("shares of the Co Inc rose").is_empty());
    }
}
