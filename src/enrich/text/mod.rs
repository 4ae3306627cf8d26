//! The text layer under the extractors: how an article's text is cut into sentences, and the
//! word lists the extractors read from `data/`.
//!
//! Takes a `&str` (a title or a body) and gives byte ranges into it; it never copies the
//! text. [`sentences::split`] cuts a text at full stops, question and exclamation marks
//! before a capital, a quote or a digit, unless the mark closes an abbreviation of
//! `data/abbreviations.txt` or initials ("U.S.", "J."), and at paragraph breaks (a blank line,
//! or a new indented line as in wire copy). [`lists::Sections`] reads the sectioned word lists
//! (`data/tariff_words.txt`, `data/country_words.txt`, `data/org_words.txt`), so that the
//! extractors keep only their logic.
//!
//! The quote extractor has a text layer of its own, `quotes::text::Doc`: tokens with byte
//! offsets, case and word-kind flags (looked up once in its lexicon), paragraphs, quote-mark
//! spans and sentences, built once per article body. The two map onto each other as follows,
//! so that `Doc` can be built on this layer, or this layer grow into `Doc`:
//!
//! - `Doc::paras` are the blank-line paragraphs that [`sentences::split`] also breaks at
//!   (the corpus readers write every paragraph break as a blank line);
//! - `Doc`'s sentences are token ranges ending at `.`, `?` or `!` before a capitalised
//!   sentence word, with abbreviations marked `ABBREV` in its lexicon (`data/titles.txt`,
//!   `data/function_words.txt`); [`sentences::split`] gives byte ranges with
//!   `data/abbreviations.txt`. A `Sentence` of `Doc` maps to a byte range through its first
//!   and last tokens' offsets;
//! - `Doc::toks` (offsets, flags) and `Doc::quotes` (quote-mark spans) have no twin here yet.
//!
//! The two abbreviation lists differ ("gen", "col", "calif" end no sentence here; titles such
//! as "amb" or "rep" come from the quote lexicon there), so merging them would change where
//! sentences end for one extractor or the other; it is left as a change of its own, scored.

pub mod lists;
pub mod sentences;
