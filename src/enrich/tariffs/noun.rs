//! Which words name a tariff in the trade sense: "tariff" but not "a water tariff", "duty" but
//! not "stamp duty" or "a duty to act", "levy" only near import words or in a text about tariffs.

use super::tokens::{Token, tokenize};
use super::words::LISTS;

/// Whether a sentence names a tariff in the trade sense; `seen_tariff` says whether the text
/// before it did.
pub(super) fn names_tariff(sentence: &str, seen_tariff: bool) -> bool {
    let tokens = tokenize(sentence);
    (0..tokens.len()).any(|i| is_tariff_noun(&tokens, i, seen_tariff))
}

/// Whether token `i` names a tariff in the trade sense; `seen_tariff` says whether the text
/// named one before this sentence.
pub(super) fn is_tariff_noun(tokens: &[Token], i: usize, seen_tariff: bool) -> bool {
    let word = tokens[i].word();
    let prev = |n: usize| i.checked_sub(n).map(|j| tokens[j].word());
    let near = |words: &[&str], before: usize, after: usize| {
        tokens[i.saturating_sub(before)..(i + after + 1).min(tokens.len())]
            .iter()
            .any(|t| words.contains(&t.word()))
    };
    match word {
        // "135 pct of tariff" is a share of a price list ("25 percent of tariff on steel" is
        // loose for a tariff of 25 percent).
        "tariff" | "tariffs"
            if prev(1) == Some("of")
                && prev(2).is_some_and(is_unit)
                && !tokens
                    .get(i + 1)
                    .is_some_and(|t| matches!(t.word(), "on" | "against")) =>
        {
            false
        }
        "tariff" | "tariffs" => {
            !(near(LISTS.price_words, 3, 0)
                || tokens[i + 1..(i + 4).min(tokens.len())]
                    .iter()
                    .any(|t| LISTS.price_users.contains(&t.word()))
                || tokens
                    .get(i + 1)
                    .is_some_and(|t| matches!(t.word(), "price" | "prices")))
        }
        "duty" | "duties" => {
            !prev(1).is_some_and(|p| LISTS.not_customs_duty.contains(&p))
                // "a duty to act", "duty of care" (but "duties of 5 pct" is a rate)
                && !tokens.get(i + 1).is_some_and(|t| {
                    t.word == "to"
                        || (t.word == "of"
                            && tokens.get(i + 2).is_some_and(|n| {
                                !n.word.starts_with(|c: char| c.is_ascii_digit())
                                    && !matches!(n.word(), "between" | "up" | "about")
                            }))
                })
        }
        "levy" | "levies" | "surcharge" | "surcharges" => {
            let trade_words = near(LISTS.import_words, 5, 5)
                || tokens
                    .iter()
                    .any(|t| matches!(t.word(), "tariff" | "tariffs" | "duties"));
            // In a text about tariffs, "a levy of 25% on everything they sell to the US" is
            // one; "a bank levy" or "a levy on profits" is still not.
            trade_words
                || seen_tariff
                    && !prev(1).is_some_and(|p| LISTS.not_trade_levy.contains(&p))
                    && !tokens[i + 1..(i + 9).min(tokens.len())]
                        .iter()
                        .any(|t| LISTS.not_trade_bases.contains(&t.word()))
        }
        "tax" | "taxes" | "taxed" => {
            near(LISTS.import_words, 4, 4) && prev(1).is_none_or(|p| p != "export")
        }
        "anti-dumping" | "antidumping" | "countervailing" | "countervail" => true,
        _ => false,
    }
}

fn is_unit(word: &str) -> bool {
    matches!(word, "pct" | "percent" | "%" | "cent" | "per-cent")
}
