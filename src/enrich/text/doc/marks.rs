//! Quote marks: which marks open and close a quotation, and which are apostrophes.
//!
//! Takes the tokens of a [`Doc`] and gives the quote [`Span`]s, marking every token inside one.
//! Double marks may be straight (`"`, `''`), curly (`“ ”`), German (`„ “`) or guillemets
//! (`« »`). Single curly or straight marks quote too, but only when a closing mark follows in
//! the same paragraph, so apostrophes (don't, Xi's, '90s, Sanders') never open a quote. A
//! double quote left open at the end of a paragraph runs on when the next paragraph opens with
//! a mark (the newspaper convention for long quotes) and is otherwise closed there, so a lost
//! mark never swallows the rest of the article.

use std::ops::Range;

use super::super::lexicon::Class;
use super::{Doc, Kind, Mark, flag};

/// A quote that runs over more paragraphs than this is cut after them.
const MAX_PARAGRAPHS: usize = 8;
/// A single-mark quote longer than this (in tokens) is taken for two apostrophes.
const MAX_SINGLE_TOKENS: usize = 80;

/// One quotation: its marks and the paragraphs it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Span {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark, or `None` when the quote was cut at a paragraph end.
    pub close: Option<usize>,
    /// One past the last token of the span, marks included.
    pub end: usize,
    /// Quoted with single marks.
    pub single: bool,
}

impl Span {
    fn closed(open: usize, close: usize, single: bool) -> Span {
        Span {
            open,
            close: Some(close),
            end: close + 1,
            single,
        }
    }

    /// A quote that lost its closing mark, cut before token `end`.
    fn cut(open: usize, end: usize) -> Span {
        Span {
            open,
            close: None,
            end,
            single: false,
        }
    }

    /// The token range inside the marks.
    pub fn inner(&self) -> Range<usize> {
        self.open + 1..self.close.unwrap_or(self.end)
    }
}

/// A quote opened and not yet closed.
struct Open {
    tok: usize,
    mark: Mark,
    single: bool,
    paras: usize,
}

impl Open {
    fn new(tok: usize, mark: Mark, single: bool) -> Open {
        Open {
            tok,
            mark,
            single,
            paras: 1,
        }
    }
}

/// The character right before token `i`.
fn char_before(doc: &Doc, i: usize) -> Option<char> {
    doc.text[..doc.toks[i].start as usize].chars().next_back()
}

/// The character right after token `i`.
fn char_after(doc: &Doc, i: usize) -> Option<char> {
    doc.text[doc.toks[i].end as usize..].chars().next()
}

/// Whitespace, nothing, or an opening bracket or dash before a mark: it may open a quote.
fn left_open(c: Option<char>) -> bool {
    c.is_none_or(|c| {
        c.is_whitespace() || matches!(c, '(' | '[' | '\u{2014}' | '\u{2013}' | '-' | '/' | ':')
    })
}

/// Whitespace, nothing or punctuation after a mark: it may close a quote.
fn right_open(c: Option<char>) -> bool {
    c.is_none_or(|c| {
        c.is_whitespace()
            || (c.is_ascii_punctuation() && c != '\'')
            || matches!(
                c,
                '\u{2014}' | '\u{2013}' | '\u{2026}' | '\u{201d}' | '\u{2019}'
            )
    })
}

/// A single mark that is an apostrophe even at the start of a word: '90s, 'em, 'til.
fn leading_apostrophe(doc: &Doc, i: usize) -> bool {
    if char_after(doc, i).is_some_and(|c| c.is_ascii_digit()) {
        return true;
    }
    i + 1 < doc.toks.len()
        && !doc.toks[i + 1].has(flag::SPACE_BEFORE)
        && doc.toks[i + 1].is(Class::ELISION)
}

/// Find the quote spans of `doc` and mark their tokens.
pub(crate) fn find_spans(doc: &mut Doc) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    let mut open: Option<Open> = None;
    for p in 0..doc.paras.len() {
        let para = doc.paras[p].clone();
        for i in para.clone() {
            if let Kind::Mark(m) = doc.toks[i].kind {
                open = read_mark(doc, i, m, open, &mut spans);
            }
        }
        // A quote still open at the paragraph end.
        if let Some(o) = open.take() {
            open = carry_over(doc, p, o, &mut spans);
        }
    }
    spans.sort_by_key(|s| s.open);
    for (k, s) in spans.iter().enumerate() {
        for t in &mut doc.toks[s.open..s.end] {
            t.span = k as u32;
        }
    }
    mark_possessive_apostrophes(doc);
    spans
}

/// The quote open after the mark `m` at token `i`, given the one open before it; a quote the
/// mark closes (or cuts) goes to `spans`.
fn read_mark(
    doc: &Doc,
    i: usize,
    m: Mark,
    open: Option<Open>,
    spans: &mut Vec<Span>,
) -> Option<Open> {
    let before = char_before(doc, i);
    let after = char_after(doc, i);
    let can_open = left_open(before) && !after.is_some_and(char::is_whitespace);
    let can_close = !before.is_some_and(char::is_whitespace) && right_open(after);
    match (&open, m) {
        (None, Mark::DoubleOpen) => Some(Open::new(i, m, false)),
        // A straight mark opens unless a space follows; a closing curly mark at the head of a
        // word is a misprinted opening one.
        (None, Mark::DoubleEither) if !after.is_none_or(char::is_whitespace) => {
            Some(Open::new(i, m, false))
        }
        (None, Mark::DoubleClose) if can_open || doc.toks[i].has(flag::PARA_START) => {
            Some(Open::new(i, m, false))
        }
        (None, Mark::SingleOpen | Mark::SingleEither)
            if can_open && !leading_apostrophe(doc, i) =>
        {
            Some(Open::new(i, m, true))
        }
        // `"... 26 weeks. "We are going ...`: a straight mark with a space before and a word
        // after opens; the quote before it lost its closing mark.
        (Some(o), Mark::DoubleEither)
            if !o.single
                && can_open
                && !can_close
                && i > 0
                && matches!(doc.toks[i - 1].kind, Kind::Punct('.' | '?' | '!')) =>
        {
            spans.push(Span::cut(o.tok, i));
            Some(Open::new(i, m, false))
        }
        (Some(o), Mark::DoubleClose | Mark::DoubleEither) if !o.single => {
            spans.push(Span::closed(o.tok, i, false));
            None
        }
        (Some(o), Mark::DoubleOpen) if !o.single => {
            if o.mark == Mark::DoubleOpen
                && doc.text[doc.toks[o.tok].start as usize..].starts_with('\u{201e}')
            {
                // „ ... “ : the German closing mark.
                spans.push(Span::closed(o.tok, i, false));
                None
            } else if can_open {
                // The last quote lost its closing mark: end it here, open anew.
                spans.push(Span::cut(o.tok, i));
                Some(Open::new(i, m, false))
            } else {
                open
            }
        }
        (Some(o), Mark::SingleEither) if o.single && can_close => {
            if i - o.tok <= MAX_SINGLE_TOKENS {
                spans.push(Span::closed(o.tok, i, true));
            }
            None
        }
        _ => open,
    }
}

/// A quote `o` still open at the end of paragraph `p`: it goes on into the next paragraph when
/// that one opens with a quote mark again (the mark is then no longer one) or closes it after
/// a single line break; else it ends with the paragraph. A single quote just ends.
fn carry_over(doc: &mut Doc, p: usize, o: Open, spans: &mut Vec<Span>) -> Option<Open> {
    if o.single {
        return None;
    }
    let next = doc.paras.get(p + 1).map(|r| r.start);
    let reopens = next.is_some_and(|j| {
        matches!(
            doc.toks[j].kind,
            Kind::Mark(Mark::DoubleOpen | Mark::DoubleEither)
        )
    });
    // A single line break inside a quote that closes on the next line.
    if !reopens && doc.para_soft.get(p + 1) == Some(&true) && closes_first(doc, p + 1) {
        return Some(o);
    }
    if reopens && o.paras < MAX_PARAGRAPHS {
        // Skip the re-opening mark: the quote goes on through the next paragraph.
        if let Some(j) = next {
            doc.toks[j].kind = Kind::Punct('\u{201c}');
        }
        return Some(Open {
            paras: o.paras + 1,
            ..o
        });
    }
    spans.push(Span::cut(o.tok, doc.paras[p].end));
    None
}

/// Does paragraph `p` hold a closing double mark before any opening one?
fn closes_first(doc: &Doc, p: usize) -> bool {
    for i in doc.paras[p].clone() {
        match doc.toks[i].kind {
            Kind::Mark(Mark::DoubleClose) => return true,
            Kind::Mark(Mark::DoubleEither) => {
                return !char_before(doc, i).is_some_and(char::is_whitespace);
            }
            Kind::Mark(Mark::DoubleOpen) => return false,
            _ => {}
        }
    }
    false
}

/// `Sanders' plan`: a bare apostrophe after a word makes that word possessive.
fn mark_possessive_apostrophes(doc: &mut Doc) {
    for i in 1..doc.toks.len() {
        let t = doc.toks[i];
        if t.kind == Kind::Mark(Mark::SingleEither)
            && !t.in_quote()
            && !t.has(flag::SPACE_BEFORE)
            && doc.toks[i - 1].is_word()
        {
            doc.toks[i - 1].flags |= flag::POSSESSIVE;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quoted texts of `text`, inner tokens only.
    fn quoted(text: &str) -> Vec<String> {
        let doc = Doc::new(text);
        doc.spans
            .iter()
            .map(|s| doc.slice(s.inner()).to_string())
            .collect()
    }

    #[test]
    fn marks_of_every_shape() {
        let cases: &[(&str, &[&str])] = &[
            ("He said \"we won\" today.", &["we won"]),
            ("He said “we won” today.", &["we won"]),
            ("Er sagte „wir gewinnen“ heute.", &["wir gewinnen"]),
            ("Il a dit « nous gagnons » hier.", &["nous gagnons"]),
            ("''We won,'' he said.", &["We won,"]),
            ("He called it ‘a disgrace’ on Monday.", &["a disgrace"]),
            ("He called it 'a disgrace' on Monday.", &["a disgrace"]),
            ("“She said ‘no’ twice,” he said.", &["She said ‘no’ twice,"]),
        ];
        for &(text, want) in cases {
            assert_eq!(quoted(text), want, "{text}");
        }
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let cases: &[(&str, &[&str])] = &[
            ("Don't tell Xi's aides about the '90s.", &[]),
            ("Sanders' plan and the Joneses' house.", &[]),
            ("It’s rock ’n’ roll, ’til the end.", &[]),
            ("Sanders’ plan is “fair,” he said.", &["fair,"]),
            ("In the ’90s, he said “no.”", &["no."]),
        ];
        for &(text, want) in cases {
            assert_eq!(quoted(text), want, "{text}");
        }
    }

    #[test]
    fn quotes_run_over_paragraphs_when_reopened() {
        let text = "“First part of it.\n\n“Second part,” she said.\n\nAfter.";
        let doc = Doc::new(text);
        assert_eq!(doc.spans.len(), 1);
        let s = &doc.spans[0];
        assert!(s.close.is_some());
        assert_eq!(doc.slice(s.inner()), "First part of it.\n\n“Second part,");
    }

    #[test]
    fn unbalanced_marks_stop_at_the_paragraph() {
        let text = "He said “this never closes.\n\nNext paragraph with “a quote” here.";
        let doc = Doc::new(text);
        let got: Vec<&str> = doc.spans.iter().map(|s| doc.slice(s.inner())).collect();
        assert_eq!(got, ["this never closes.", "a quote"]);
        assert_eq!(doc.spans[0].close, None);
    }

    #[test]
    fn stray_closing_marks_are_ignored() {
        assert_eq!(
            quoted("He is 5'10\" tall, “really,” she said."),
            ["really,"]
        );
        assert_eq!(quoted("A stray” mark, then “a quote” here."), ["a quote"]);
    }
}
