//! The text analyzer of title, body and quote text: words, lower-cased, folded to ASCII (so
//! "Sánchez" finds "Sanchez"), English stemming (so "tariffs" finds "tariff").
//!
//! It gives exactly the tokens of tantivy's `SimpleTokenizer` followed by
//! `RemoveLongFilter::limit(40)`, `LowerCaser`, `AsciiFoldingFilter` and the English `Stemmer`
//! (same terms, positions and byte offsets), but in one pass and with the normal form of each
//! distinct word remembered. News text repeats a small vocabulary heavily, so nearly every
//! token is one hash look-up instead of a lower-casing, a folding and a Snowball run that
//! allocates a new string for every word it changes. The memory is bounded: once
//! [`MEMO_WORDS`] words are remembered, rarer words are normalised each time they occur.
//!
//! Each tantivy segment writer clones the registered analyzer per field, so every indexing
//! thread has its own memo and no lock is taken.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, Stemmer, TextAnalyzer, Token,
    TokenStream, Tokenizer,
};

/// Words of this many bytes or more are not indexed (as `RemoveLongFilter::limit(40)`): they
/// are run-together junk, not words anyone searches for.
pub const MAX_WORD_BYTES: usize = 40;

/// How many distinct words one memo remembers. Words arrive roughly in order of frequency, so
/// the first ones seen are the ones worth keeping; about 3 MB at most.
pub const MEMO_WORDS: usize = 50_000;

/// The analyzer registered as `schema::TEXT_ANALYZER`.
pub fn text_analyzer() -> TextAnalyzer {
    TextAnalyzer::from(WordTokenizer::default())
}

/// Splits text into words (runs of alphanumeric characters) and gives each its indexed form.
#[derive(Clone, Default)]
pub struct WordTokenizer {
    token: Token,
    memo: Memo,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream<'a> {
        self.token.reset();
        WordStream {
            text,
            at: 0,
            token: &mut self.token,
            memo: &mut self.memo,
        }
    }
}

/// The words of one text.
pub struct WordStream<'a> {
    text: &'a str,
    /// Byte offset where the search for the next word starts.
    at: usize,
    token: &'a mut Token,
    memo: &'a mut Memo,
}

impl TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        while let Some((from, to)) = next_word(self.text, self.at) {
            self.at = to;
            // A word too long to index still takes its position, as with `RemoveLongFilter`.
            self.token.position = self.token.position.wrapping_add(1);
            if to - from >= MAX_WORD_BYTES {
                continue;
            }
            self.token.offset_from = from;
            self.token.offset_to = to;
            self.memo
                .normalise(self.text, from..to, &mut self.token.text);
            return true;
        }
        self.at = self.text.len();
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// The byte range of the first run of alphanumeric characters at or after `at`.
fn next_word(text: &str, at: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut start = at;
    loop {
        let &b = bytes.get(start)?;
        if b.is_ascii_alphanumeric() {
            break;
        }
        if b.is_ascii() {
            start += 1;
        } else {
            let (alnum, len) = wide_char_at(text, start)?;
            if alnum {
                break;
            }
            start += len;
        }
    }
    let mut end = start;
    while let Some(&b) = bytes.get(end) {
        if b.is_ascii_alphanumeric() {
            end += 1;
        } else if b.is_ascii() {
            break;
        } else {
            match wide_char_at(text, end) {
                Some((true, len)) => end += len,
                _ => break,
            }
        }
    }
    Some((start, end))
}

/// Whether the non-ASCII character at byte `i` (a char boundary) is alphanumeric, and its
/// length.
fn wide_char_at(text: &str, i: usize) -> Option<(bool, usize)> {
    let c = text.get(i..)?.chars().next()?;
    Some((c.is_alphanumeric(), c.len_utf8()))
}

/// Remembered indexed forms of words, and the tantivy filters that make a form on a miss.
///
/// Words up to [`INLINE_BYTES`] long (nearly all words) are keys kept inline in the table, and
/// their forms sit one after another in one string, so a look-up touches little memory and
/// nothing is allocated; longer words are normalised each time.
#[derive(Clone)]
struct Memo {
    forms: HashMap<Word, Span, BuildHasherDefault<FxHasher>>,
    /// Every remembered form, back to back.
    arena: String,
    filters: TextAnalyzer,
}

/// The longest word kept in the memo, in bytes.
const INLINE_BYTES: usize = 24;

/// A word, zero-padded: a word is alphanumeric, so it never holds a zero byte itself.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Word([u64; INLINE_BYTES / 8]);

impl Word {
    /// The word at `text[from..to]`. Where the text goes on past a chunk, its eight bytes are
    /// read at once and masked to the word: a word copied byte by byte into a padded buffer
    /// and read back as numbers stalls the processor on every look-up.
    fn at(text: &[u8], from: usize, to: usize) -> Option<Word> {
        let len = to.checked_sub(from)?;
        if len > INLINE_BYTES {
            return None;
        }
        let mut words = [0u64; INLINE_BYTES / 8];
        for (i, w) in words.iter_mut().enumerate().take(len.div_ceil(8)) {
            *w = chunk_at(text, from + 8 * i, (len - 8 * i).min(8))?;
        }
        Some(Word(words))
    }
}

/// The `take` (1 to 8) bytes at `at` as a little-endian number, zero above them.
#[inline]
fn chunk_at(text: &[u8], at: usize, take: usize) -> Option<u64> {
    let raw = match text.get(at..at + 8) {
        Some(eight) => u64::from_le_bytes(<[u8; 8]>::try_from(eight).ok()?),
        None => {
            let mut eight = [0u8; 8];
            eight[..take].copy_from_slice(text.get(at..at + take)?);
            u64::from_le_bytes(eight)
        }
    };
    Some(if take >= 8 {
        raw
    } else {
        raw & ((1u64 << (8 * take)) - 1)
    })
}

impl Hash for Word {
    fn hash<H: Hasher>(&self, state: &mut H) {
        for &w in &self.0 {
            state.write_u64(w);
        }
    }
}

/// Where a form lies in the memo's arena.
#[derive(Clone, Copy)]
struct Span {
    start: u32,
    len: u32,
}

impl Default for Memo {
    fn default() -> Memo {
        Memo {
            forms: HashMap::default(),
            arena: String::new(),
            filters: TextAnalyzer::builder(RawTokenizer::default())
                .filter(LowerCaser)
                .filter(AsciiFoldingFilter)
                .filter(Stemmer::new(Language::English))
                .build(),
        }
    }
}

impl Memo {
    /// Write the indexed form of the word at `range` in `text` into `out`.
    fn normalise(&mut self, text: &str, range: std::ops::Range<usize>, out: &mut String) {
        out.clear();
        let word = &text[range.clone()];
        // Numbers are their own form; remembering them would fill the memo with one-offs.
        if word.bytes().all(|b| b.is_ascii_digit()) {
            out.push_str(word);
            return;
        }
        let key = Word::at(text.as_bytes(), range.start, range.end);
        if let Some(span) = key.and_then(|k| self.forms.get(&k)) {
            let (start, len) = (span.start as usize, span.len as usize);
            out.push_str(self.arena.get(start..start + len).unwrap_or_default());
            return;
        }
        let mut stream = self.filters.token_stream(word);
        while stream.advance() {
            out.push_str(&stream.token().text);
        }
        if let Some(key) = key
            && self.forms.len() < MEMO_WORDS
            && let (Ok(start), Ok(len)) =
                (u32::try_from(self.arena.len()), u32::try_from(out.len()))
        {
            self.arena.push_str(out);
            self.forms.insert(key, Span { start, len });
        }
    }
}

/// The multiply-rotate hash of the Firefox and rustc hash tables: far cheaper than SipHash on
/// short words, and the memo's keys come from one's own corpus, not from an adversary.
#[derive(Default, Clone, Copy)]
struct FxHasher {
    hash: u64,
}

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    #[inline]
    fn write_u64(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // A multiply leaves the low bits depending on the low bits only, and the table picks
        // buckets by the low bits: fold the high half of the full product back in.
        let product = u128::from(self.hash) * u128::from(FX_SEED);
        (product as u64) ^ ((product >> 64) as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use tantivy::tokenizer::{RemoveLongFilter, SimpleTokenizer};

    /// The analyzer this one reproduces, built from tantivy's own parts.
    fn reference() -> TextAnalyzer {
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(MAX_WORD_BYTES))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::new(Language::English))
            .build()
    }

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Token> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().clone());
        }
        out
    }

    fn texts(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
        tokens(analyzer, text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn words_are_folded_and_stemmed() {
        let mut a = text_analyzer();
        let table: &[(&str, &[&str])] = &[
            (
                "Tariffs on Sánchez's steel",
                &["tariff", "on", "sanchez", "s", "steel"],
            ),
            (
                "The ministers were meeting",
                &["the", "minist", "were", "meet"],
            ),
            (
                "U.S. imports rose 25.5 pct",
                &["u", "s", "import", "rose", "25", "5", "pct"],
            ),
            ("ÉCONOMIE Zürich naïve", &["economi", "zurich", "naiv"]),
            ("  ,;-- ", &[]),
            ("", &[]),
        ];
        for (text, expected) in table {
            assert_eq!(texts(&mut a, text), *expected, "{text}");
        }
    }

    #[test]
    fn long_words_are_dropped_but_keep_their_position() {
        let mut a = text_analyzer();
        let long = "x".repeat(MAX_WORD_BYTES);
        let text = format!("before {long} after");
        let got = tokens(&mut a, &text);
        assert_eq!(got.len(), 2);
        assert_eq!((got[0].position, got[1].position), (0, 2));
        assert_eq!(&text[got[1].offset_from..got[1].offset_to], "after");
        let just_short = "y".repeat(MAX_WORD_BYTES - 1);
        assert_eq!(texts(&mut a, &just_short), [just_short.as_str()]);
    }

    #[test]
    fn repeated_words_give_the_same_form_from_the_memo() {
        let mut a = text_analyzer();
        let text = "Running runs; running RUNNING Running.";
        assert_eq!(texts(&mut a, text), texts(&mut reference(), text));
        assert_eq!(texts(&mut a, text), texts(&mut a, text));
    }

    #[test]
    fn same_tokens_as_tantivys_filters_on_news_text() {
        let text = "Beijing's ministry said on Monday it would impose 25% duties on \
                    $50 billion of U.S. goods, a “firm response” to Washington's measures. \
                    Señor Núñez—Mexico's economy minister—called the levies “unjustified”; \
                    Ørsted, Åland and Straße. 1987-03-02 x86_64 α-beta ｆｕｌｌ ﬁnance";
        assert_eq!(
            tokens(&mut text_analyzer(), text),
            tokens(&mut reference(), text)
        );
    }

    proptest! {
        #[test]
        fn same_tokens_as_tantivys_filters_on_any_text(text in "\\PC{0,200}") {
            prop_assert_eq!(tokens(&mut text_analyzer(), &text), tokens(&mut reference(), &text));
        }

        #[test]
        fn same_tokens_on_word_like_text(text in "([A-Za-zÀ-ÿ0-9]{1,45}[ .,'’-]{1,2}){0,30}") {
            prop_assert_eq!(tokens(&mut text_analyzer(), &text), tokens(&mut reference(), &text));
        }
    }
}
