//! The word lists the quote reader decides by, read from `data/quote_words.txt`.

use std::sync::LazyLock;

use crate::enrich::text::lists::Sections;

const LIST_FILE: &str = include_str!("../../../data/quote_words.txt");

/// The word lists of `data/quote_words.txt`.
pub(super) struct Lists {
    /// Heads of a group source that say nothing of who the people are.
    pub(super) vague_heads: &'static [&'static str],
    /// Words for a written statement, which speaks for whoever it is from ("a release from the
    /// licensing board", "a statement by Metro Power").
    pub(super) release_words: &'static [&'static str],
    /// Words that make "figures" a count rather than people ("official figures from the
    /// ministry", not "senior figures from the party").
    pub(super) data_words: &'static [&'static str],
    /// Roles that speak for a body rather than hold an office of their own ("a company
    /// spokesman", "a ministry official").
    pub(super) voice_roles: &'static [&'static str],
    /// Words for a body whose name seldom holds the word ("the union" after "the United Auto
    /// Workers said").
    pub(super) body_nouns: &'static [&'static str],
    /// Results reported as figures ("a pre-tax profit of", "net income", "strong sales").
    pub(super) result_words: &'static [&'static str],
    /// Nouns for what someone said, which report it after a possessive owner ("Campbell's
    /// claims he had torn a hamstring").
    pub(super) claim_nouns: &'static [&'static str],
    /// Verbs whose subject issued the record after them ("The commission published a report").
    pub(super) issuing_verbs: &'static [&'static str],
    /// Endings of a hyphenated word that places or ties what it describes ("Belgium-born",
    /// "Washington-based", "Koch-backed").
    pub(super) placed_endings: &'static [&'static str],
    /// Words that end a company's name and are no person's surname ("General Motors").
    pub(super) company_name_ends: &'static [&'static str],
    /// Labels that open a headline before a colon and name a section or a kind of story,
    /// not a source ("The Latest: ...").
    pub(super) section_labels: &'static [&'static str],
}

pub(super) static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let mut file = Sections::parse("data/quote_words.txt", LIST_FILE);
    let lists = Lists {
        vague_heads: file.take("vague_heads"),
        release_words: file.take("release_words"),
        data_words: file.take("data_words"),
        result_words: file.take("result_words"),
        voice_roles: file.take("voice_roles"),
        body_nouns: file.take("body_nouns"),
        claim_nouns: file.take("claim_nouns"),
        issuing_verbs: file.take("issuing_verbs"),
        placed_endings: file.take("placed_endings"),
        company_name_ends: file.take("company_name_ends"),
        section_labels: file.take("section_labels"),
    };
    file.finish();
    lists
});

/// Is `word` a word that ends a company's name and is no one's surname ("Motors")?
pub(super) fn ends_company_name(word: &str) -> bool {
    LISTS
        .company_name_ends
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word))
}
