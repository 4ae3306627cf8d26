//! The text layer under the extractors: an article body cut once into tokens, paragraphs,
//! quote spans and sentences, which every extractor reads instead of cutting the text again.
//!
//! Takes a `&str` (a body, or a title) and gives positions in it; it never copies the text.
//!
//! - [`doc`]: the [`Doc`] of a text, built in one pass: tokens with byte offsets, case and
//!   word-kind flags (every word looked up once in [`lexicon`]: function words, titles, given
//!   names, speech verbs, from `data/`), paragraphs (a blank line, an indent, or one line
//!   each in copy that sets its paragraphs so), quote-mark spans (`doc/marks.rs` pairs the
//!   marks and tells apostrophes apart) and sentences (token ranges ending at `.`, `?` or `!`
//!   before a capitalised sentence word, never inside a quote; the abbreviations that end
//!   none are the `ABBREV` words of the lexicon, from `data/titles.txt` and
//!   `data/function_words.txt`).
//! - [`words`]: where the runs of letters and digits begin and end ("Holtz-Eakin" is two),
//!   read off a `Doc`'s word tokens, or found by a scan for a text that has none (a title).
//! - [`sentences`]: byte-range sentences for a text with no `Doc` at hand, its abbreviations
//!   in `data/abbreviations.txt`; the tariff reader cuts its sentences with it.
//! - [`lists`]: the sectioned word lists (`data/tariff_words.txt`, `data/country_words.txt`,
//!   `data/org_words.txt`), so that the extractors keep only their logic.
//!
//! `enrich::enrich` builds each body's `Doc` once, part by part ([`parts`]), and hands it by
//! reference to the quote and people reader and to the country matcher (as [`Words`]). The
//! organisation reader still runs its gazetteer automaton and patterns over the raw text (they
//! match on ASCII word boundaries, which the tokens do not mark), and the date reader looks
//! only at the metadata, the path, the dateline and the first few hundred bytes of the body.
//!
//! The two abbreviation lists differ ("gen", "col", "calif" end no sentence for
//! [`sentences`]; titles such as "amb" or "rep" come from the lexicon for `Doc`), so moving the
//! tariff reader onto `Doc`'s sentences changes where its sentences end: that is a change of
//! its own, to be scored, not a refactoring.

pub(crate) mod doc;
pub(crate) mod lexicon;
pub mod lists;
pub mod sentences;
pub mod words;

use std::ops::Range;

pub(crate) use doc::Doc;
pub use words::Words;

/// The size above which a body is read in parts: its `Doc` holds several times its text in
/// tokens and tables, and a book-length file should not take gigabytes.
pub(crate) const PART_BYTES: usize = 1 << 20;

/// The parts a body is read in: the whole of an article of ordinary length; for a longer
/// one, pieces of at most [`PART_BYTES`] cut at a paragraph break (else a line break, a
/// sentence end, a space, a character). A quote or a pronoun across a cut is not joined.
pub(crate) fn parts(body: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while body.len() - start > PART_BYTES {
        let mut limit = start + PART_BYTES;
        while !body.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &body[start..limit];
        let cut = ["\n\n", "\n", ". ", " "]
            .iter()
            .find_map(|sep| window.rfind(sep).map(|i| start + i + sep.len()))
            .filter(|&cut| cut > start)
            .unwrap_or(limit);
        out.push(start..cut);
        start = cut;
    }
    out.push(start..body.len());
    out
}
