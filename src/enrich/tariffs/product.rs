//! What a rate applies to: the words after "on" or "for" following it, minus countries and
//! generic words ("on imported steel" gives "steel").

use super::tokens::Token;
use super::words::LISTS;
use crate::enrich::countries;

/// The product a rate applies to: the words after "on" (or "for") following the rate, minus
/// countries and generic words ("on imported steel" gives "steel").
pub(super) fn product(tokens: &[Token], last: usize) -> Option<String> {
    let on = (last + 1..tokens.len().min(last + 6))
        .take_while(|&i| !matches!(tokens[i].word(), "," | ";"))
        .find(|&i| matches!(tokens[i].word(), "on" | "for"))?;
    let mut words: Vec<&str> = Vec::new();
    for t in &tokens[on + 1..] {
        let w = t.word();
        if LISTS.product_stops.contains(&w) || w.len() == 1 && !w.chars().all(char::is_alphanumeric)
        {
            break;
        }
        if words.len() >= 5 {
            break;
        }
        let numeric = w.starts_with(|c: char| c.is_ascii_digit());
        if countries::lookup(w).is_some() {
            continue;
        }
        if LISTS.generic_goods.contains(&w) || numeric {
            if !words.is_empty() && !matches!(w, "of" | "the") {
                break;
            }
            continue;
        }
        words.push(w);
    }
    (!words.is_empty()).then(|| words.join(" "))
}
