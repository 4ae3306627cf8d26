//! A sentence cut into words in small letters, with their byte ranges, and the punctuation
//! the rules look at.

use std::borrow::Cow;

use super::percent::Percent;

/// A word of a sentence, in small letters, with its byte range.
#[derive(Debug, Clone)]
pub(super) struct Token<'a> {
    /// Borrowed from the sentence when it is already in small letters, as most words are.
    pub(super) word: Cow<'a, str>,
    pub(super) start: usize,
    pub(super) end: usize,
}

impl Token<'_> {
    pub(super) fn word(&self) -> &str {
        &self.word
    }
}

pub(super) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    let glue = |c: char| matches!(c, '-' | '\'' | '\u{2019}' | '.' | '/');
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inner =
            glue(c) && start.is_some() && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push(Token {
                word: lowercase(&text[s..i]),
                start: s,
                end: i,
            });
        }
        if matches!(
            c,
            ',' | ';' | ':' | '(' | ')' | '$' | '%' | '"' | '\u{2014}'
        ) {
            let end = i + c.len_utf8();
            out.push(Token {
                word: Cow::Borrowed(&text[i..end]),
                start: i,
                end,
            });
        }
    }
    if let Some(s) = start {
        out.push(Token {
            word: lowercase(&text[s..]),
            start: s,
            end: text.len(),
        });
    }
    out
}

/// `word` in small letters, borrowed when it is ASCII without capitals (and so its own
/// lowercase).
fn lowercase(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// The first and last token of a percentage expression. Tokens are in text order, so both are
/// found by bisection: a sentence may hold thousands of percentages (a table run together).
pub(super) fn token_span(tokens: &[Token], p: &Percent) -> (usize, usize) {
    let first = tokens.partition_point(|t| t.end <= p.start);
    let first = if first < tokens.len() { first } else { 0 };
    let last = tokens
        .partition_point(|t| t.start < p.end)
        .checked_sub(1)
        .unwrap_or(first)
        .max(first);
    (first, last)
}
