//! The word lists the tariff reader decides by, read from `data/tariff_words.txt`.

use std::sync::LazyLock;

use crate::enrich::text::lists::Sections;

const LIST_FILE: &str = include_str!("../../../data/tariff_words.txt");

/// The word lists of `data/tariff_words.txt`.
pub(super) struct Lists {
    /// Words that make "tariff" a price: "a water tariff", "phone tariffs", "feed-in tariff".
    pub(super) price_words: &'static [&'static str],
    /// Words shortly after "tariff" that make it a price: "a lower tariff for special advances",
    /// "tariffs for domestic customers".
    pub(super) price_users: &'static [&'static str],
    /// Words before "duty" that make it no customs duty: "heavy duty", "stamp duty", "on duty".
    pub(super) not_customs_duty: &'static [&'static str],
    /// Words that tie a levy or tax to imports.
    pub(super) import_words: &'static [&'static str],
    /// Words before "levy" or "surcharge" that make it no tariff: "a bank levy", "a carbon levy".
    pub(super) not_trade_levy: &'static [&'static str],
    /// What a levy or surcharge "on" may fall on without being a tariff: "a levy on bank profits".
    pub(super) not_trade_bases: &'static [&'static str],
    /// Nouns that carry a rate when the sentence is about a tariff: "the average rate of 39
    /// percent", "the overall level dropped to 9.8 percent".
    pub(super) level_nouns: &'static [&'static str],
    /// Nouns whose percentages are not tariff levels.
    pub(super) other_nouns: &'static [&'static str],
    /// Modifiers between a percentage and its noun: "a 25 percent additional tariff".
    pub(super) modifiers: &'static [&'static str],
    /// Words between a number and what it qualifies that soften it: "about", "up to", "nearly".
    pub(super) hedges: &'static [&'static str],
    /// Verbs whose percentage is a change, not a level ("exports rose 33 pct").
    pub(super) change_verbs: &'static [&'static str],
    /// Words that make "by" open a noun phrase rather than give the size of a change.
    pub(super) determiners: &'static [&'static str],
    /// Words before "by" that make "by X percent" the size of a change: verbs of adjustment and
    /// the tariff they adjust ("cut tariffs by 50 pct", "lowered by 10 percent").
    pub(super) changed_by: &'static [&'static str],
    /// Nouns that pass "of X percent" on to what they bound: "a high of 60 pct", "a peak of".
    pub(super) bound_nouns: &'static [&'static str],
    /// Nouns right after a percentage that carry it as a tariff level when the sentence is about
    /// a tariff: "the 20 percent rate", "the 10 percent baseline".
    pub(super) tariff_heads: &'static [&'static str],
    /// Words that never stand inside a noun compound before a tariff word: prepositions,
    /// pronouns, auxiliaries, time words and verbs a share "faces" or "pays" tariffs with.
    pub(super) not_compound: &'static [&'static str],
    /// Words before "rate" or "level" that make it some other rate: "growth rates", "tax rate".
    pub(super) other_rates: &'static [&'static str],
    /// Nouns of change that pass a level on to what changed: "the cut to 3.5 pct".
    pub(super) changes: &'static [&'static str],
    /// Words before a country that make it the target: "on Chinese goods", "imports from China".
    pub(super) target_cues: &'static [&'static str],
    /// Generic words that name no product: "on $34 billion worth of Chinese goods".
    pub(super) generic_goods: &'static [&'static str],
    /// Words that end the product phrase.
    pub(super) product_stops: &'static [&'static str],
}

pub(super) static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let mut file = Sections::parse("data/tariff_words.txt", LIST_FILE);
    let lists = Lists {
        price_words: file.take("price_words"),
        price_users: file.take("price_users"),
        not_customs_duty: file.take("not_customs_duty"),
        import_words: file.take("import_words"),
        not_trade_levy: file.take("not_trade_levy"),
        not_trade_bases: file.take("not_trade_bases"),
        level_nouns: file.take("level_nouns"),
        other_nouns: file.take("other_nouns"),
        modifiers: file.take("modifiers"),
        hedges: file.take("hedges"),
        change_verbs: file.take("change_verbs"),
        determiners: file.take("determiners"),
        changed_by: file.take("changed_by"),
        bound_nouns: file.take("bound_nouns"),
        tariff_heads: file.take("tariff_heads"),
        not_compound: file.take("not_compound"),
        other_rates: file.take("other_rates"),
        changes: file.take("changes"),
        target_cues: file.take("target_cues"),
        generic_goods: file.take("generic_goods"),
        product_stops: file.take("product_stops"),
    };
    file.finish();
    lists
});
