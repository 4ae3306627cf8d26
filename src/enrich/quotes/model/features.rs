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
    let mut rule = vec![rule::NONE; n];
    for f in rules {
        for p in &f.parts {
            for k in p.clone() {
                rule[k] = rule::CONTENT + f.kind as u8;
            }
        }
        if let Some(s) = &f.source {
            for k in s.phrase.clone() {
                rule[k] = rule::SOURCE;
            }
        }
        if f.cue < n && rule[f.cue] == rule::NONE {
            rule[f.cue] = rule::CUE;
        }
    }
    // Only sentences with a speech verb or "according", or a cue the rules used, are
    // tagged: content lies next to its cue, and the rest is most of an article's length.
    // Such a word the rules took no part of is free.
    let mut active = vec![false; n];
    let mut sent_active = vec![false; doc.sents.len()];
    for (s, on) in doc.sents.iter().zip(&mut sent_active) {
        let cued = s.toks.clone().any(|k| {
            doc.toks[k].cue.is_some() || doc.toks[k].is(Class::ACCORDING) || rule[k] == rule::CUE
        });
        let ruled = s.toks.clone().any(|k| rule[k] >= rule::CONTENT);
        let free = s.toks.clone().any(|k| {
            (doc.toks[k].cue.is_some() || doc.toks[k].is(Class::ACCORDING)) && rule[k] == rule::NONE
        });
        if cued && (!beside_rules || !ruled || free) {
            active[s.toks.clone()].iter_mut().for_each(|a| *a = true);
            *on = true;
        }
    }
    if beside_rules {
        for k in 0..n {
            if rule[k] >= rule::CONTENT {
                active[k] = false;
            }
        }
    }

    if !active.contains(&true) {
        return Features {
            at: vec![0; n + 1],
            rows: Vec::new(),
            word: vec![0; n],
            rule,
            shape: vec![0; n],
            active,
        };
    }
    // Word hashes are read only within two tokens of an active one (cues included: they
    // lie in active sentences), so only those are computed.
    let near_active = |i: usize| active[i.saturating_sub(2)..(i + 3).min(n)].contains(&true);
    let word: Vec<u64> = (0..n)
        .map(|i| {
            if near_active(i) {
                word_hash(doc.word(i))
            } else {
                0
            }
        })
        .collect();
    // Shapes too are read only next to an active token.
    let shape: Vec<u8> = (0..n)
        .map(|i| if near_active(i) { shape(doc, i) } else { 0 })
        .collect();
    // Sentence of each active token and the nearest cue word on each side within it.
    let mut sent_of = vec![(0usize, 0usize, false); n];
    let mut left_cue: Vec<Option<usize>> = vec![None; n];
    let mut right_cue: Vec<Option<usize>> = vec![None; n];
    let mut tagged = 0;
    for (si, s) in doc.sents.iter().enumerate() {
        if !sent_active[si] {
            continue;
        }
        tagged += s.toks.len();
        let first_in_para = si == 0 || doc.sents[si - 1].para != s.para;
        let mut last = None;
        for k in s.toks.clone() {
            sent_of[k] = (s.toks.start, s.toks.end, first_in_para);
            left_cue[k] = last;
            if is_cue(doc, k) {
                last = Some(k);
            }
        }
        let mut next = None;
        for k in s.toks.clone().rev() {
            right_cue[k] = next;
            if is_cue(doc, k) {
                next = Some(k);
            }
        }
    }

    const NONE: u64 = 0x5a5a;
    let w = |i: isize| -> u64 {
        if i < 0 || i as usize >= n {
            NONE
        } else {
            word[i as usize]
        }
    };
    let sh = |i: isize| -> u64 {
        if i < 0 || i as usize >= n {
            15
        } else {
            shape[i as usize] as u64
        }
    };
    let rl = |i: isize| -> u64 {
        if i < 0 || i as usize >= n {
            15
        } else {
            rule[i as usize] as u64
        }
    };
    let cue_of = |i: isize| -> u64 {
        if i < 0 || i as usize >= n {
            return 1;
        }
        match doc.toks[i as usize].cue {
            Some(c) => 2 + ((c.class as u64) << 4 | c.form as u64),
            None => 0,
        }
    };

    let mut at = Vec::with_capacity(n + 1);
    let mut rows = Vec::with_capacity(tagged * 36);
    at.push(0);
    for i in 0..n {
        if !active[i] {
            at.push(rows.len() as u32);
            continue;
        }
        let t = &doc.toks[i];
        let k = i as isize;
        rows.push(row(1, 0));
        rows.push(row(2, w(k)));
        rows.push(row(3, w(k - 1)));
        rows.push(row(4, w(k + 1)));
        rows.push(row(5, w(k - 2)));
        rows.push(row(6, w(k + 2)));
        let text = doc.word(i);
        if t.is_word() && text.len() > 3 {
            let mut cut = text.len() - 3;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            rows.push(row(7, word_hash(&text[cut..])));
        }
        rows.push(row(8, sh(k)));
        rows.push(row(9, sh(k - 1) << 8 | sh(k) << 4 | sh(k + 1)));
        rows.push(row(10, w(k - 1).rotate_left(17) ^ w(k)));
        rows.push(row(11, w(k).rotate_left(17) ^ w(k + 1)));
        rows.push(row(12, t.class));
        rows.push(row(15, cue_of(k)));
        rows.push(row(16, cue_of(k - 1)));
        rows.push(row(17, cue_of(k + 1)));
        rows.push(row(18, (t.in_quote() as u64) << 8 | sh(k)));
        let (s0, s1, first) = sent_of[i];
        let from_start = bucket(i.saturating_sub(s0));
        rows.push(row(19, from_start));
        rows.push(row(20, bucket(s1.saturating_sub(i + 1))));
        let lc = left_cue[i].map_or(15, |c| bucket(i - c));
        let rc = right_cue[i].map_or(15, |c| bucket(c - i));
        rows.push(row(21, lc));
        rows.push(row(22, rc));
        rows.push(row(23, lc << 4 | rc));
        rows.push(row(24, rl(k)));
        rows.push(row(25, rl(k - 1)));
        rows.push(row(26, rl(k + 1)));
        rows.push(row(27, rl(k) << 4 | sh(k)));
        rows.push(row(28, (first as u64) << 4 | from_start));
        if let Some(c) = left_cue[i] {
            rows.push(row(29, word[c] ^ lc << 60));
        }
        if let Some(c) = right_cue[i] {
            rows.push(row(30, word[c] ^ rc << 60));
        }
        rows.push(row(31, w(k) ^ lc << 60));
        rows.push(row(
            32,
            (t.has(flag::POSSESSIVE) as u64) << 1 | t.has(flag::PARA_START) as u64,
        ));
        at.push(rows.len() as u32);
    }
    Features {
        at,
        rows,
        word,
        rule,
        shape,
        active,
    }
}
