//! The features of each token, hashed into the rows of the weight table.
//!
//! A feature is a template number and a value (a word, a shape, a distance bucket, what the
//! rules decided of the token), mixed into one of [`ROWS`] rows. The static features of a
//! token are computed once per article; the history features (the tags before) are added by
//! the decoder as it goes.

use super::super::found::Found;
use super::super::lexicon::Class;
use super::super::text::{Doc, Kind, Mark, flag};
use super::Tag;

/// Bits of a row index: the table has 2^BITS rows.
pub(super) const BITS: u32 = 17;
/// Rows of the weight table.
pub(super) const ROWS: usize = 1 << BITS;

/// The static feature rows of every token of an article, in one flat list.
pub(super) struct Features {
    /// Token `i`'s rows are `rows[at[i]..at[i + 1]]`.
    at: Vec<u32>,
    rows: Vec<u32>,
    /// Each token's lower-case word hash and rule role, for the history features.
    word: Vec<u64>,
    rule: Vec<u8>,
    shape: Vec<u8>,
    /// Whether each token is tagged at all (tokens far from any cue are outside).
    active: Vec<bool>,
}

impl Features {
    pub fn len(&self) -> usize {
        self.word.len()
    }

    pub fn active(&self, i: usize) -> bool {
        self.active[i]
    }

    pub fn of(&self, i: usize) -> &[u32] {
        &self.rows[self.at[i] as usize..self.at[i + 1] as usize]
    }

    /// The row of token `i`'s word with the tag before it.
    #[inline]
    pub fn word_row(&self, i: usize, prev: Tag) -> u32 {
        row(42, self.word[i] ^ (prev as u64) << 59)
    }

    /// The rows of the features of token `i` that depend on the two tags before it.
    pub fn history(&self, i: usize, prev: Tag, prev2: Tag) -> [u32; 5] {
        let p = prev as u64;
        [
            row(40, p),
            row(41, p << 8 | prev2 as u64),
            self.word_row(i, prev),
            row(43, p << 8 | self.rule[i] as u64),
            row(44, p << 8 | self.shape[i] as u64),
        ]
    }
}

/// What the rules made of a token.
mod rule {
    pub const NONE: u8 = 0;
    pub const SOURCE: u8 = 1;
    pub const CUE: u8 = 2;
    /// Content; plus the kind (direct, indirect, mixed) as 0, 1, 2.
    pub const CONTENT: u8 = 3;
}

/// The row of feature `value` of template `template`.
#[inline]
fn row(template: u64, value: u64) -> u32 {
    let mut h = value ^ template.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^= h >> 31;
    (h >> (64 - BITS)) as u32
}

/// FNV-1a of the ASCII-lower-cased bytes.
fn word_hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s.as_bytes() {
        h ^= b.to_ascii_lowercase() as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A token's shape: lower word, capitalised, all caps, number, punctuation by kind, marks.
fn shape(doc: &Doc, i: usize) -> u8 {
    let t = &doc.toks[i];
    match t.kind {
        Kind::Word if t.has(flag::NUMBER) => 3,
        Kind::Word if t.has(flag::ALL_CAPS) => 2,
        Kind::Word if t.has(flag::CAP) => 1,
        Kind::Word => 0,
        Kind::Punct(',') => 4,
        Kind::Punct('.') | Kind::Punct('?') | Kind::Punct('!') => 5,
        Kind::Punct(':') | Kind::Punct(';') => 6,
        Kind::Punct('(') | Kind::Punct(')') => 7,
        Kind::Punct('-') | Kind::Punct('\u{2014}') | Kind::Punct('\u{2013}') => 8,
        Kind::Punct(_) => 9,
        Kind::Mark(Mark::DoubleOpen) | Kind::Mark(Mark::SingleOpen) => 10,
        Kind::Mark(Mark::DoubleClose) => 11,
        Kind::Mark(_) => 12,
    }
}

/// Distances in a few buckets: 0 to 3 as they are, then wider.
fn bucket(d: usize) -> u64 {
    match d {
        0..=3 => d as u64,
        4..=6 => 4,
        7..=10 => 5,
        11..=20 => 6,
        _ => 7,
    }
}

/// Is token `i` a speech verb or a cue word of the lexicon?
fn is_cue(doc: &Doc, i: usize) -> bool {
    let t = &doc.toks[i];
    t.cue.is_some() || t.is(Class::CUE | Class::ACCORDING)
}

/// The static features of every token of `doc`, given the attributions the rules found.
/// With `beside_rules` (the model adds to the rules' statements), the rules' content is not
/// tagged, and a sentence where the rules found content is tagged only if it holds a speech
/// verb or "according" the rules left alone: what the model tags inside the rules' content
/// is dropped anyway, and most sentences of a wire story are one statement the rules found.
pub(super) fn extract(doc: &Doc, rules: &[Found], beside_rules: bool) -> Features {
    let n = doc.toks.len();
    let rule = rule_roles(doc, rules);
    let active = Active::new(doc, &rule, beside_rules);
    if active.tagged == 0 {
        return Features {
            at: vec![0; n + 1],
            rows: Vec::new(),
            word: vec![0; n],
            rule,
            shape: vec![0; n],
            active: active.tok,
        };
    }
    let (word, shape) = words_near(doc, &active.tok);
    let around = Around {
        doc,
        word: &word,
        shape: &shape,
        rule: &rule,
    };
    let (at, rows) = around.static_rows(&active);
    Features {
        at,
        rows,
        word,
        rule,
        shape,
        active: active.tok,
    }
}

/// What the rules made of each token: the source, cue and content of their attributions.
fn rule_roles(doc: &Doc, rules: &[Found]) -> Vec<u8> {
    let n = doc.toks.len();
    let mut rule = vec![rule::NONE; n];
    for f in rules {
        for p in &f.parts {
            rule[p.clone()].fill(rule::CONTENT + f.kind as u8);
        }
        if let Some(s) = &f.source {
            rule[s.phrase.clone()].fill(rule::SOURCE);
        }
        if f.cue < n && rule[f.cue] == rule::NONE {
            rule[f.cue] = rule::CUE;
        }
    }
    rule
}

/// The tokens and sentences the model tags.
struct Active {
    tok: Vec<bool>,
    sent: Vec<bool>,
    /// Tokens of the tagged sentences (the rules' content among them included).
    tagged: usize,
}

impl Active {
    /// Only sentences with a speech verb or "according", or a cue the rules used, are
    /// tagged: content lies next to its cue, and the rest is most of an article's length.
    /// Such a word the rules took no part of is free.
    fn new(doc: &Doc, rule: &[u8], beside_rules: bool) -> Active {
        let mut tok = vec![false; doc.toks.len()];
        let mut sent = vec![false; doc.sents.len()];
        let mut tagged = 0;
        for (s, on) in doc.sents.iter().zip(&mut sent) {
            let (mut cued, mut ruled, mut free) = (false, false, false);
            for k in s.toks.clone() {
                let t = &doc.toks[k];
                let cue_word = t.cue.is_some() || t.is(Class::ACCORDING);
                cued |= cue_word || rule[k] == rule::CUE;
                ruled |= rule[k] >= rule::CONTENT;
                free |= cue_word && rule[k] == rule::NONE;
            }
            if cued && (!beside_rules || !ruled || free) {
                for k in s.toks.clone() {
                    tok[k] = !beside_rules || rule[k] < rule::CONTENT;
                }
                *on = true;
                tagged += s.toks.len();
            }
        }
        if !tok.contains(&true) {
            tagged = 0;
        }
        Active { tok, sent, tagged }
    }
}

/// Each token's word hash and shape, for the tokens within two of an active one (the only
/// ones read: cues included, as they lie in active sentences); 0 elsewhere.
fn words_near(doc: &Doc, active: &[bool]) -> (Vec<u64>, Vec<u8>) {
    let n = active.len();
    let mut near = vec![false; n];
    for (i, _) in active.iter().enumerate().filter(|(_, a)| **a) {
        near[i.saturating_sub(2)..(i + 3).min(n)].fill(true);
    }
    let mut word = vec![0u64; n];
    let mut shapes = vec![0u8; n];
    for (i, _) in near.iter().enumerate().filter(|(_, a)| **a) {
        word[i] = word_hash(doc.word(i));
        shapes[i] = shape(doc, i);
    }
    (word, shapes)
}

/// Where an active token lies: its sentence and the nearest cue word on each side in it.
#[derive(Clone, Copy)]
struct Place {
    sent: (usize, usize),
    first_in_para: bool,
    left_cue: Option<usize>,
    right_cue: Option<usize>,
}

/// A token's neighbours' words, shapes and rule roles, for the features of its window.
struct Around<'a> {
    doc: &'a Doc<'a>,
    word: &'a [u64],
    shape: &'a [u8],
    rule: &'a [u8],
}

/// The most static rows a token has.
const MAX_ROWS: usize = 30;

/// The word hash of a place outside the text.
const NO_WORD: u64 = 0x5a5a;

impl Around<'_> {
    fn w(&self, i: isize) -> u64 {
        usize::try_from(i)
            .ok()
            .and_then(|i| self.word.get(i))
            .map_or(NO_WORD, |&w| w)
    }

    fn sh(&self, i: isize) -> u64 {
        usize::try_from(i)
            .ok()
            .and_then(|i| self.shape.get(i))
            .map_or(15, |&s| s as u64)
    }

    fn rl(&self, i: isize) -> u64 {
        usize::try_from(i)
            .ok()
            .and_then(|i| self.rule.get(i))
            .map_or(15, |&r| r as u64)
    }

    fn cue_of(&self, i: isize) -> u64 {
        let Some(t) = usize::try_from(i).ok().and_then(|i| self.doc.toks.get(i)) else {
            return 1;
        };
        match t.cue {
            Some(c) => 2 + ((c.class as u64) << 4 | c.form as u64),
            None => 0,
        }
    }

    /// The rows of every active token in one flat list, and where each token's rows start.
    fn static_rows(&self, active: &Active) -> (Vec<u32>, Vec<u32>) {
        let doc = self.doc;
        let n = doc.toks.len();
        let mut at = Vec::with_capacity(n + 1);
        let mut rows = Vec::with_capacity(active.tagged * 36);
        let mut right = Vec::new();
        at.push(0);
        for (si, s) in doc.sents.iter().enumerate() {
            if !active.sent[si] {
                continue;
            }
            // Tokens before the sentence (none of them active) have no rows.
            at.resize(s.toks.start + 1, rows.len() as u32);
            let first_in_para = si == 0 || doc.sents[si - 1].para != s.para;
            right.clear();
            let mut next = None;
            for k in s.toks.clone().rev() {
                right.push(next);
                if is_cue(doc, k) {
                    next = Some(k);
                }
            }
            let mut last = None;
            for (k, &right_cue) in s.toks.clone().zip(right.iter().rev()) {
                if active.tok[k] {
                    let place = Place {
                        sent: (s.toks.start, s.toks.end),
                        first_in_para,
                        left_cue: last,
                        right_cue,
                    };
                    self.token_rows(k, place, &mut rows);
                }
                at.push(rows.len() as u32);
                if is_cue(doc, k) {
                    last = Some(k);
                }
            }
        }
        at.resize(n + 1, rows.len() as u32);
        (at, rows)
    }

    /// Push the static rows of active token `i`.
    fn token_rows(&self, i: usize, place: Place, rows: &mut Vec<u32>) {
        // Rows are gathered in a buffer and appended at once: a push to the list checks its
        // capacity each time.
        let mut buf = [0u32; MAX_ROWS];
        let mut len = 0;
        let mut push = |r: u32| {
            buf[len] = r;
            len += 1;
        };
        let t = &self.doc.toks[i];
        let k = i as isize;
        let (w, sh, rl) = (|i| self.w(i), |i| self.sh(i), |i| self.rl(i));
        push(row(1, 0));
        push(row(2, w(k)));
        push(row(3, w(k - 1)));
        push(row(4, w(k + 1)));
        push(row(5, w(k - 2)));
        push(row(6, w(k + 2)));
        let text = self.doc.word(i);
        if t.is_word() && text.len() > 3 {
            let mut cut = text.len() - 3;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            push(row(7, word_hash(&text[cut..])));
        }
        push(row(8, sh(k)));
        push(row(9, sh(k - 1) << 8 | sh(k) << 4 | sh(k + 1)));
        push(row(10, w(k - 1).rotate_left(17) ^ w(k)));
        push(row(11, w(k).rotate_left(17) ^ w(k + 1)));
        push(row(12, t.class));
        push(row(15, self.cue_of(k)));
        push(row(16, self.cue_of(k - 1)));
        push(row(17, self.cue_of(k + 1)));
        push(row(18, (t.in_quote() as u64) << 8 | sh(k)));
        let (s0, s1) = place.sent;
        let from_start = bucket(i.saturating_sub(s0));
        push(row(19, from_start));
        push(row(20, bucket(s1.saturating_sub(i + 1))));
        let lc = place.left_cue.map_or(15, |c| bucket(i - c));
        let rc = place.right_cue.map_or(15, |c| bucket(c - i));
        push(row(21, lc));
        push(row(22, rc));
        push(row(23, lc << 4 | rc));
        push(row(24, rl(k)));
        push(row(25, rl(k - 1)));
        push(row(26, rl(k + 1)));
        push(row(27, rl(k) << 4 | sh(k)));
        push(row(28, (place.first_in_para as u64) << 4 | from_start));
        if let Some(c) = place.left_cue {
            push(row(29, self.word[c] ^ lc << 60));
        }
        if let Some(c) = place.right_cue {
            push(row(30, self.word[c] ^ rc << 60));
        }
        push(row(31, w(k) ^ lc << 60));
        push(row(
            32,
            (t.has(flag::POSSESSIVE) as u64) << 1 | t.has(flag::PARA_START) as u64,
        ));
        rows.extend_from_slice(&buf[..len]);
    }
}
