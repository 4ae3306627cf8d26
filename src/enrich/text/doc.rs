//! An article body cut into tokens, paragraphs, quote spans and sentences, all by byte offset.
//!
//! [`Doc::new`] makes one pass over the text for tokens (looking every word up in the
//! [`LEXICON`] once), one over the quote marks ([`marks`], which pairs them and tells apostrophes apart) and one for sentences. Later
//! stages work on token indexes and never re-read the characters.

use std::ops::Range;

mod marks;

use super::lexicon::{Class, Cue, LEXICON};
pub(crate) use marks::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters, digits and the apostrophes, hyphens and dots inside them.
    Word,
    /// One punctuation character (or `...`).
    Punct(char),
    /// A quote mark, before [`super::marks`] decides what it does.
    Mark(Mark),
}

/// Quote mark shapes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    /// `“ „ « ``` : opens a double quote.
    DoubleOpen,
    /// `” »`: closes one.
    DoubleClose,
    /// `"` and `''`: either.
    DoubleEither,
    /// `‘`: opens a single quote (or is a misused apostrophe).
    SingleOpen,
    /// `’` and `'` outside a word: closes a single quote or is an apostrophe.
    SingleEither,
}

/// Token flags.
pub(crate) mod flag {
    /// Starts with an uppercase letter.
    pub const CAP: u8 = 1;
    /// Whitespace (or the start of the text) comes right before it.
    pub const SPACE_BEFORE: u8 = 1 << 1;
    /// First token of its paragraph.
    pub const PARA_START: u8 = 1 << 2;
    /// Ends in `'s` / `’s`, or is followed by an apostrophe that is not a quote mark.
    pub const POSSESSIVE: u8 = 1 << 3;
    /// Every letter uppercase, two or more letters ("CNN", "U.S.").
    pub const ALL_CAPS: u8 = 1 << 4;
    /// Starts with a digit.
    pub const NUMBER: u8 = 1 << 5;
    /// First token of its sentence.
    pub const SENT_START: u8 = 1 << 6;
    /// A word of more than one run of letters and digits, joined by an apostrophe, a hyphen,
    /// an ampersand, a dot, or a comma or colon between digits ("Holtz-Eakin", "U.S.", "2.5").
    pub const JOINED: u8 = 1 << 7;
}

/// One token with its byte range and what the lexicon knows of it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
    pub flags: u8,
    pub class: u64,
    pub cue: Option<Cue>,
    /// The quote span this token lies in (marks included), or [`NO_SPAN`].
    pub span: u32,
}

/// `Token::span` of a token outside every quote.
pub(crate) const NO_SPAN: u32 = u32::MAX;

impl Token {
    pub fn is(&self, class: u64) -> bool {
        self.class & class != 0
    }
    pub fn has(&self, f: u8) -> bool {
        self.flags & f != 0
    }
    pub fn is_word(&self) -> bool {
        matches!(self.kind, Kind::Word)
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
    pub fn in_quote(&self) -> bool {
        self.span != NO_SPAN
    }
    /// A capitalised word (not a number).
    pub fn is_cap(&self) -> bool {
        matches!(self.kind, Kind::Word) && self.has(flag::CAP)
    }
}

/// A sentence: a token range inside one paragraph.
#[derive(Debug, Clone)]
pub(crate) struct Sentence {
    pub toks: Range<usize>,
    pub para: usize,
}

/// The analysed body.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub toks: Vec<Token>,
    /// Token ranges of the paragraphs.
    pub paras: Vec<Range<usize>>,
    /// Whether each paragraph began after a single line break (not a blank line or indent).
    pub para_soft: Vec<bool>,
    pub spans: Vec<Span>,
    pub sents: Vec<Sentence>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Doc<'a> {
        let (mut toks, paras, para_soft) = tokenize(text);
        mark_joined_given_names(text, &mut toks);
        let mut doc = Doc {
            text,
            toks,
            paras,
            para_soft,
            spans: Vec::new(),
            sents: Vec::new(),
        };
        doc.spans = marks::find_spans(&mut doc);
        doc.sents = sentences(&mut doc);
        doc
    }

    /// The text of token `i`.
    pub fn word(&self, i: usize) -> &'a str {
        let t = &self.toks[i];
        &self.text[t.start as usize..t.end as usize]
    }

    /// The text from token `a` to token `b - 1`, as written.
    #[cfg(test)]
    pub fn slice(&self, r: Range<usize>) -> &'a str {
        if r.start >= r.end {
            return "";
        }
        &self.text[self.toks[r.start].start as usize..self.toks[r.end - 1].end as usize]
    }

    /// Is token `i` the word `w` (ASCII, case-insensitive)?
    #[inline]
    pub fn is_word(&self, i: usize, w: &str) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        // Most tokens differ in length: no need to look at their letters.
        (t.end - t.start) as usize == w.len()
            && t.is_word()
            && self.text.as_bytes()[t.start as usize..t.end as usize]
                .eq_ignore_ascii_case(w.as_bytes())
    }

    /// Is token `i` the punctuation `c`?
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        i < self.toks.len() && self.toks[i].is_punct(c)
    }

    /// The sentence index of token `i`.
    pub fn sent_of(&self, i: usize) -> usize {
        self.sents.partition_point(|s| s.toks.end <= i)
    }
}

/// Characters that are a quote mark of their own.
fn mark_of(c: char) -> Option<Mark> {
    match c {
        '\u{201c}' | '\u{201e}' | '\u{ab}' => Some(Mark::DoubleOpen),
        '\u{201d}' | '\u{bb}' => Some(Mark::DoubleClose),
        '"' => Some(Mark::DoubleEither),
        '\u{2018}' | '\u{201a}' => Some(Mark::SingleOpen),
        '\'' | '\u{2019}' => Some(Mark::SingleEither),
        _ => None,
    }
}

/// Does the document separate paragraphs with single line breaks (one paragraph a line)?
/// Texts with blank lines or indented paragraph starts wrap their lines instead.
/// Texts that start paragraphs with an indent wrap their lines anywhere; in the others a line
/// break after the end of a sentence also ends the paragraph.
fn lines_are_paragraphs(text: &str) -> bool {
    let b = text.as_bytes();
    // (`match_indices` finds the line breaks with a fast byte search.)
    !text.match_indices('\n').any(|(i, _)| {
        let rest = &b[i + 1..];
        let indent = rest
            .iter()
            .take_while(|&&x| x == b' ' || x == b'\t')
            .count();
        indent >= 2 || rest.first() == Some(&b'\t')
    })
}

/// The character at byte `i` of `text` (a character boundary), if any.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        None => None,
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => text[i..].chars().next(),
    }
}

/// Paragraph bookkeeping while tokens are pushed.
struct Builder {
    toks: Vec<Token>,
    paras: Vec<Range<usize>>,
    /// Paragraphs that began after a single line break.
    soft: Vec<bool>,
    para_start: usize,
    pending_break: bool,
    pending_soft: bool,
}

impl Builder {
    #[inline]
    fn push(&mut self, mut tok: Token) {
        if self.pending_break {
            self.pending_break = false;
            if self.toks.len() > self.para_start {
                self.paras.push(self.para_start..self.toks.len());
                self.soft.push(self.pending_soft);
                self.para_start = self.toks.len();
            }
        }
        if self.toks.len() == self.para_start {
            tok.flags |= flag::PARA_START;
        }
        self.toks.push(tok);
    }
}

/// Tokens, paragraph token ranges, and whether each paragraph began after a single line break.
fn tokenize(text: &str) -> (Vec<Token>, Vec<Range<usize>>, Vec<bool>) {
    let line_paras = lines_are_paragraphs(text);
    let mut b = Builder {
        // News text runs about five and a half bytes a token.
        toks: Vec::with_capacity(text.len() / 4 + 16),
        paras: Vec::new(),
        soft: vec![false],
        para_start: 0,
        pending_break: false,
        pending_soft: false,
    };
    let bytes = text.as_bytes();
    let mut space_before = true;
    // Whitespace run state: newlines seen and whether the last line started indented.
    let mut newlines = 0u32;
    let mut indented = false;

    let mut i = 0;
    while i < bytes.len() {
        let c = match bytes[i] {
            b' ' => {
                space_before = true;
                i += 1;
                continue;
            }
            x if x < 0x80 => char::from(x),
            _ => text[i..].chars().next().unwrap_or(' '),
        };
        if c.is_whitespace() {
            if c == '\n' {
                newlines += 1;
                let rest = &bytes[i + 1..];
                indented = rest.first() == Some(&b'\t') || rest.starts_with(b"  ");
            }
            space_before = true;
            i += c.len_utf8();
            continue;
        }
        if newlines > 0 {
            // Where paragraphs are not indented, a line break ends one unless the next line
            // carries on in lowercase (a wrapped sentence) or the line ended mid-phrase.
            let prev_ends = b.toks.last().is_some_and(|t| ends_sentence_like(text, t));
            let prev_open = b.toks.last().is_some_and(|t| {
                matches!(t.kind, Kind::Punct(',' | '(' | '-' | '\u{2014}'))
                    || t.kind == Kind::Mark(Mark::DoubleOpen)
            });
            let carries_on = c.is_lowercase() || prev_open && !prev_ends;
            if newlines >= 2 || indented || (line_paras && !carries_on) {
                b.pending_break = true;
                b.pending_soft = newlines == 1 && !indented;
            }
            newlines = 0;
            indented = false;
        }
        let start = i;
        let sb = if space_before { flag::SPACE_BEFORE } else { 0 };
        space_before = false;
        if c.is_alphanumeric() {
            let (end, dotted, joined) = scan_word(text, i, c);
            let sb = if joined { sb | flag::JOINED } else { sb };
            let tok = word_token(text, start, end, dotted, c, sb);
            i = tok.end as usize;
            b.push(tok);
            continue;
        }
        // Two apostrophes (or two backticks) make a double quote mark.
        let mut end = i + c.len_utf8();
        let kind = if (c == '\'' || c == '`') && bytes.get(end) == Some(&(c as u8)) {
            end += 1;
            Kind::Mark(if c == '`' {
                Mark::DoubleOpen
            } else {
                Mark::DoubleEither
            })
        } else if c == '.' && bytes[end..].starts_with(b"..") {
            end += 2;
            Kind::Punct('\u{2026}')
        } else if let Some(m) = mark_of(c) {
            Kind::Mark(m)
        } else {
            Kind::Punct(c)
        };
        i = end;
        b.push(Token {
            start: start as u32,
            end: end as u32,
            kind,
            flags: sb,
            class: 0,
            cue: None,
            span: NO_SPAN,
        });
    }
    if b.toks.len() > b.para_start {
        b.paras.push(b.para_start..b.toks.len());
    }
    b.soft.truncate(b.paras.len());
    (b.toks, b.paras, b.soft)
}

/// Which bytes are ASCII letters and digits: one table load per byte in the word loop.
static ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The end of the word that starts with `c` at byte `i`, whether it is a dotted initialism
/// ("U.S", "a.m"), and whether it joins runs of letters and digits ("Holtz-Eakin").
fn scan_word(text: &str, i: usize, c: char) -> (usize, bool, bool) {
    let bytes = text.as_bytes();
    let mut end = i + c.len_utf8();
    let mut seg_len = 1usize; // letters since the last internal dot
    let mut dotted = false;
    let mut joined = false;
    let mut prev = c;
    loop {
        // ASCII letters and digits, the bulk of every word, need no character decoding.
        while end < bytes.len() && ASCII_ALNUM[usize::from(bytes[end])] {
            prev = char::from(bytes[end]);
            seg_len += 1;
            end += 1;
        }
        let Some(d) = char_at(text, end) else { break };
        if d.is_alphanumeric() {
            seg_len += 1;
            prev = d;
            end += d.len_utf8();
            continue;
        }
        let next = char_at(text, end + d.len_utf8());
        let next_alnum = next.is_some_and(|n| n.is_alphanumeric());
        let next_digit = next.is_some_and(|n| n.is_ascii_digit());
        let joins = match d {
            '\'' | '\u{2019}' => next.is_some_and(|n| n.is_alphabetic()),
            '-' | '\u{2010}' | '\u{2011}' | '&' => next_alnum,
            '.' if prev.is_ascii_digit() => next_digit,
            '.' => {
                let initial =
                    next.is_some_and(|n| n.is_alphabetic()) && seg_len == 1 && prev.is_alphabetic();
                dotted |= initial;
                initial
            }
            ',' | ':' => prev.is_ascii_digit() && next_digit,
            _ => false,
        };
        if !joins {
            break;
        }
        seg_len = 0;
        joined = true;
        prev = d;
        end += d.len_utf8();
    }
    (end, dotted, joined)
}

/// "Marie-Ève Tremblay", "Jean-Guy Gagnon": a capitalised word of two hyphened parts that
/// the lexicon does not know, right before another capitalised word, is a given name of the
/// gender of its first part, when that part is a given name of three letters or more and the
/// second is capitalised too (not "Mark-ups", "Al-Jazeera", a lone "Mercedes-Benz" or
/// "Graham-McCormick Oil").
fn mark_joined_given_names(text: &str, toks: &mut [Token]) {
    for i in 0..toks.len().saturating_sub(1) {
        let t = &toks[i];
        let next = &toks[i + 1];
        if t.class != 0
            || !t.is_cap()
            || !t.has(flag::JOINED)
            || !next.is_cap()
            || next.is(Class::ORG_HEAD)
        {
            continue;
        }
        let word = &text[t.start as usize..t.end as usize];
        let Some((first, second)) = word.split_once('-') else {
            continue;
        };
        if first.chars().count() < 3
            || !second.chars().next().is_some_and(char::is_uppercase)
            || second.contains(['-', '.', '\''])
        {
            continue;
        }
        let class = LEXICON.get(first).class;
        if class & Class::FIRST_NAME != 0 {
            toks[i].class = class & (Class::FIRST_NAME | Class::MALE | Class::FEMALE);
        }
    }
}

/// Make the token of the word `text[start..end]`, taking a following period into it when
/// the word is an initial, an initialism or a known abbreviation ("J.", "U.S.", "Mr.").
fn word_token(
    text: &str,
    start: usize,
    mut end: usize,
    dotted: bool,
    c: char,
    first_flags: u8,
) -> Token {
    let word = &text[start..end];
    let stem = strip_possessive(word).len();
    // "Xi's" (but see below: not a word that takes in a period after it).
    let mut possessive = word.len() > 2 && stem < word.len();
    let mut entry = LEXICON.get_at(text, start, stem);
    if text.as_bytes().get(end) == Some(&b'.') {
        let single_initial = end - start == c.len_utf8() && c.is_uppercase();
        if dotted || single_initial || entry.class & Class::ABBREV != 0 {
            end += 1;
            // It ends in the period now, not in `'s` ("Gov's.").
            possessive = false;
        }
        // "Julie A. Diaz": an initial, not the article "a".
        if single_initial {
            entry.class = 0;
        }
    }
    let word = &text[start..end];
    if dotted {
        entry = LEXICON.get_at(text, start, word.trim_end_matches('.').len());
    }
    let mut flags = first_flags;
    if c.is_uppercase() {
        flags |= flag::CAP;

        // A capitalised "State" or "Post" is a name, not a speech verb.
        entry.cue = None;
        entry.class &= !Class::CUE;
    }
    if c.is_ascii_digit() {
        flags |= flag::NUMBER;
    }
    if !c.is_lowercase() && all_caps(word) {
        flags |= flag::ALL_CAPS;
        // "US", "IT": an acronym, not the function word spelt the same.
        entry.class &= !(Class::PRONOUN
            | Class::DET
            | Class::PREP
            | Class::CONJ
            | Class::AUX
            | Class::NEG
            | Class::RELATIVE
            | Class::WH
            | Class::SENTENCE_WORD
            | Class::ADVERB
            | Class::TIME);
    }
    if possessive {
        flags |= flag::POSSESSIVE;
    }
    Token {
        start: start as u32,
        end: end as u32,
        kind: Kind::Word,
        flags,
        class: entry.class,
        cue: entry.cue,
        span: NO_SPAN,
    }
}

/// Two or more letters, all uppercase ("CNN", "U.S.").
fn all_caps(word: &str) -> bool {
    let mut n_letters = 0;
    if word.is_ascii() {
        for b in word.bytes().filter(u8::is_ascii_alphabetic) {
            if b.is_ascii_lowercase() {
                return false;
            }
            n_letters += 1;
        }
    } else {
        for ch in word.chars().filter(|ch| ch.is_alphabetic()) {
            if !ch.is_uppercase() {
                return false;
            }
            n_letters += 1;
        }
    }
    n_letters >= 2
}

/// `word` without a final `'s` / `’s`.
pub(crate) fn strip_possessive(word: &str) -> &str {
    let b = word.as_bytes();
    let n = b.len();
    if n < 3 || !matches!(b[n - 1], b's' | b'S') {
        return word;
    }
    if b[n - 2] == b'\'' {
        return &word[..n - 2];
    }
    // `’` is E2 80 99 in UTF-8.
    if n >= 5 && b[n - 4..n - 1] == [0xE2, 0x80, 0x99] {
        return &word[..n - 4];
    }
    word
}

/// Does this token end a sentence when a line break follows it?
fn ends_sentence_like(text: &str, t: &Token) -> bool {
    match t.kind {
        Kind::Punct(c) => matches!(c, '.' | '?' | '!' | ':' | '\u{2026}'),
        Kind::Mark(m) => {
            // A closing mark after final punctuation.
            m != Mark::DoubleOpen
                && m != Mark::SingleOpen
                && text[..t.start as usize]
                    .chars()
                    .next_back()
                    .is_some_and(|c| matches!(c, '.' | '?' | '!' | ','))
        }
        Kind::Word => text[..t.end as usize].ends_with('.') && t.end - t.start > 3,
    }
}

/// Sentence-final punctuation.
fn is_terminator(t: &Token) -> bool {
    matches!(t.kind, Kind::Punct('.' | '?' | '!' | '\u{2026}'))
}

/// Can token `t` begin a new sentence?
fn starts_sentence(t: &Token) -> bool {
    match t.kind {
        Kind::Word => t.has(flag::CAP) || t.has(flag::NUMBER),
        Kind::Mark(m) => matches!(m, Mark::DoubleOpen | Mark::DoubleEither | Mark::SingleOpen),
        Kind::Punct(c) => matches!(c, '(' | '['),
    }
}

/// Split paragraphs into sentences. A quote's inside never splits; a closing mark after final
/// punctuation does when a capitalised word follows (`"... today." He said`).
fn sentences(doc: &mut Doc) -> Vec<Sentence> {
    let mut out = Vec::new();
    let n = doc.toks.len();
    let mut start = 0;
    let mut p = 0;
    for i in 0..n {
        while doc.paras[p].end <= i {
            p += 1;
        }
        let t = doc.toks[i];
        let split = if i + 1 == doc.paras[p].end {
            // A paragraph ends the sentence, unless a quote runs on into the next one.
            !(t.in_quote() && doc.spans[t.span as usize].end > i + 1)
        } else {
            let next = doc.toks[i + 1];
            let ends_plain = !t.in_quote() && is_terminator(&t);
            // (An initial or abbreviation keeps its full stop, which then ends the quote:
            // "... since Prisoner Cell Block H." Labour ...)
            let ends_quote = t.in_quote()
                && doc.spans[t.span as usize].close == Some(i)
                && i > 0
                && (is_terminator(&doc.toks[i - 1])
                    || doc.toks[i - 1].kind == Kind::Word
                        && doc.text[..doc.toks[i - 1].end as usize].ends_with('.'));
            if (ends_plain || ends_quote) && next.has(flag::SPACE_BEFORE) {
                starts_sentence(&next)
            } else {
                // "... in the U.S. The next day" ends a sentence on an initialism.
                t.kind == Kind::Word
                    && !t.in_quote()
                    && doc.text[..t.end as usize].ends_with('.')
                    && !t.is(Class::ABBREV)
                    && t.end - t.start >= 4
                    && next.is_cap()
                    && next.is(Class::SENTENCE_WORD)
            }
        };
        if split {
            out.push(Sentence {
                toks: start..i + 1,
                para: p,
            });
            start = i + 1;
        }
    }
    if start < n {
        out.push(Sentence {
            toks: start..n,
            para: doc.paras.len().saturating_sub(1),
        });
    }
    for s in &out {
        doc.toks[s.toks.start].flags |= flag::SENT_START;
    }
    out
}

/// Where the text of a clause starts past a wire dateline at `start` ("SAN FRANCISCO, Dec. 11
/// (Xinhua) -- ", "TOKYO, March 3 - "): the first word after its dash, or `start` when there
/// is none. A dateline opens with a word in capitals and its dash follows a closing
/// parenthesis, another dash or the day's number.
pub(crate) fn after_dateline(doc: &Doc, start: usize, end: usize) -> usize {
    if start >= end || !doc.toks[start].has(flag::ALL_CAPS) {
        return start;
    }
    let dash = (start + 1..end.min(start + 16)).find(|&x| {
        matches!(doc.toks[x].kind, Kind::Punct('-' | '\u{2014}' | '\u{2013}'))
            && (doc.is_punct(x - 1, ')')
                || doc.is_punct(x - 1, '-')
                || doc.toks[x - 1].has(flag::NUMBER)
                || only_place_words(doc, start, x) && spaced(doc, x))
    });
    let Some(mut k) = dash.map(|d| d + 1) else {
        return start;
    };
    while k < end && !doc.toks[k].is_word() {
        k += 1;
    }
    k
}

/// Whether the dash at `k` stands apart, with a space on each side ("OTTAWA — The"), unlike
/// the hyphen of "U.S.-Japanese".
fn spaced(doc: &Doc, k: usize) -> bool {
    doc.toks[k].has(flag::SPACE_BEFORE)
        && doc
            .toks
            .get(k + 1)
            .is_some_and(|t| t.has(flag::SPACE_BEFORE))
}

/// Whether the tokens from `start` to `dash` are only a place line: words in capitals, commas
/// and abbreviated regions ("OTTAWA", "KAMLOOPS, B.C.", "HALIFAX, N.S."), as datelines with no
/// date are written before their dash.
fn only_place_words(doc: &Doc, start: usize, dash: usize) -> bool {
    dash - start <= 6
        && (start..dash).all(|i| {
            let t = &doc.toks[i];
            doc.is_punct(i, ',')
                || t.has(flag::ALL_CAPS)
                || (t.is_cap() && t.is(Class::ABBREV))
                || (t.is_cap() && doc.word(i).ends_with('.') && doc.word(i).len() <= 6)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(doc: &Doc) -> Vec<String> {
        (0..doc.toks.len())
            .map(|i| doc.word(i).to_string())
            .collect()
    }

    #[test]
    fn tokens_keep_apostrophes_initialisms_and_abbreviations() {
        let cases: &[(&str, &[&str])] = &[
            ("Xi's plan", &["Xi's", "plan"]),
            ("don’t go", &["don’t", "go"]),
            ("the U.S. said", &["the", "U.S.", "said"]),
            ("Mr. Rubio", &["Mr.", "Rubio"]),
            ("Donald J. Trump", &["Donald", "J.", "Trump"]),
            (
                "Holtz-Eakin won 2.5 percent",
                &["Holtz-Eakin", "won", "2.5", "percent"],
            ),
            ("180,500 jobs", &["180,500", "jobs"]),
            ("''Hi,'' he said", &["''", "Hi", ",", "''", "he", "said"]),
            ("wait...", &["wait", "..."]),
        ];
        for &(text, want) in cases {
            let doc = Doc::new(text);
            assert_eq!(words(&doc), want, "{text}");
        }
    }

    #[test]
    fn possessive_unless_a_period_is_taken_in() {
        // (token index, whether it is a possessive)
        let cases: &[(&str, usize, bool)] = &[
            ("Xi's plan", 0, true),
            ("Xi\u{2019}s plan", 0, true),
            ("He saw the Dr's.", 3, false),
            ("Dr. Li", 0, false),
            ("its plan", 0, false),
        ];
        for &(text, i, want) in cases {
            let doc = Doc::new(text);
            assert_eq!(
                doc.toks[i].has(flag::POSSESSIVE),
                want,
                "{text}: {}",
                doc.word(i)
            );
        }
    }

    #[test]
    fn paragraphs_by_blank_line_indent_or_line() {
        let cases: &[(&str, usize)] = &[
            ("One.\n\nTwo.", 2),
            ("Wrapped line\nstill the same. And\nmore.\n    New para.", 2),
            ("One line.\nAnother line.\nA third", 3),
            ("Open quote “We see an\nopportunity,” he said.\nNext.", 2),
        ];
        for &(text, n) in cases {
            assert_eq!(Doc::new(text).paras.len(), n, "{text}");
        }
    }

    #[test]
    fn sentences_split_outside_quotes_only() {
        let cases: &[(&str, usize)] = &[
            ("He left. She stayed.", 2),
            ("Mr. Smith left. Dr. Jones stayed.", 2),
            ("“We won. They lost,” he said.", 1),
            ("“We won.” He said it twice.", 2),
            ("“Did we win?” asked Smith.", 1),
            ("He lives in the U.S. The rest stay.", 2),
            ("Gen. Lee came at 5 p.m. on Monday.", 1),
            ("“It was worse than Cell Block H.” Labour lost.", 2),
            ("“Ask J. Smith,” he said.", 1),
        ];
        for &(text, n) in cases {
            assert_eq!(Doc::new(text).sents.len(), n, "{text}");
        }
    }
}
