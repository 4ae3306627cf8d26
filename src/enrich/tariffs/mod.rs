//! Tariff and customs-duty rates stated in an article, with who imposes them on whom and on
//! what when the sentence says so.
//!
//! Takes an [`Article`] and gives one [`Tariff`] per stated rate. A sentence is read only when it
//! names a tariff in the trade sense (a tariff, an import or customs duty, an anti-dumping or
//! countervailing duty, a levy or tax on imports; not a phone, water or energy tariff, not stamp
//! duty or excise). Each percentage in it ([`percent`]) is then judged: it is the level of that
//! tariff ("a 25 percent tariff", "duties of 5-10 pct", "raised to 50 per cent", "cut from 25% to
//! 15%"), or something else (a change "by 50 pct", "5 percentage points", a share "of goods",
//! a price rise, a growth rate). What came before counts too: right after a sentence about a
//! tariff, "the 20 percent rate" is its level, and in a text about tariffs a bare "levy" is one.
//! The imposer, target and product come from the same sentence.

mod judge;
mod noun;
mod parties;
mod percent;
mod product;
mod tokens;
mod words;

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use super::Tariff;
use super::countries;
use super::text::sentences;
use crate::corpus::Article;
use noun::{is_tariff_noun, names_tariff};
use parties::{Roles, parties};
use percent::Percent;
use product::product;
use tokens::{Token, token_span, tokenize};

/// A tariff level in percent.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TariffRate(pub f64);

/// Every stated tariff level in the article's title and body, in order; the same rate stated
/// twice in one sentence is given once.
pub fn extract(article: &Article) -> Vec<Tariff> {
    let mut out = Vec::new();
    let mut context = Context::default();
    for text in article
        .title
        .iter()
        .map(String::as_str)
        .chain([article.body.as_str()])
    {
        if !mentions_tariff_word(text) {
            continue;
        }
        // Only a sentence with a percentage can state a rate. The ones before it matter only
        // for whether they name a tariff, and are tokenised only when that is still open.
        let sentences = sentences::split(text);
        let mut folded = 0; // sentences before this index are folded into `seen_tariff`
        for (i, range) in sentences.iter().enumerate() {
            let sentence = &text[range.clone()];
            if !percent::may_have(sentence) {
                continue;
            }
            let before_previous = i.saturating_sub(1);
            while !context.seen_tariff && folded < before_previous {
                context.seen_tariff = names_tariff(&text[sentences[folded].clone()], false);
                folded += 1;
            }
            context.after_tariff =
                i > 0 && names_tariff(&text[sentences[i - 1].clone()], context.seen_tariff);
            context.seen_tariff |= context.after_tariff;
            context.seen_tariff |= rates_in_sentence(sentence, context, &mut out);
            folded = i + 1;
        }
    }
    out
}

/// What the text before a sentence said about tariffs.
#[derive(Debug, Clone, Copy, Default)]
struct Context {
    /// The sentence right before named a tariff: "the 20 percent rate" may be its level.
    after_tariff: bool,
    /// Some sentence before named a tariff: a bare "levy" or "surcharge" is then one too.
    seen_tariff: bool,
}

/// A cheap test before any sentence work: most articles never say "tariff" or "duty".
///
/// The words are found in any ASCII case (`-u`: no Unicode case folding, so "ſ" is no "s").
/// A regex, not an aho-corasick automaton: the automaton has no prefilter for
/// case-insensitive words and steps through every byte, where the regex skips ahead with a
/// vectorised search for their first letters.
fn mentions_tariff_word(text: &str) -> bool {
    static WORDS: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new("(?i-u)tariff|dut|levy|levies|import|surcharge").ok());
    WORDS.as_ref().is_none_or(|words| words.is_match(text))
}

/// The rates one sentence states, added to `out`; `context` says what the sentences before
/// said about tariffs. Returns whether this one names a tariff.
fn rates_in_sentence(sentence: &str, context: Context, out: &mut Vec<Tariff>) -> bool {
    let tokens = tokenize(sentence);
    let tariff_at: Vec<usize> = (0..tokens.len())
        .filter(|&i| is_tariff_noun(&tokens, i, context.seen_tariff))
        .collect();
    let names_tariff = !tariff_at.is_empty();
    if !names_tariff && !context.after_tariff {
        return false;
    }
    let percents = percent::find(sentence);
    if percents.is_empty() {
        return names_tariff;
    }
    let spans: Vec<(usize, usize)> = percents.iter().map(|p| token_span(&tokens, p)).collect();
    let levels = judge::levels(&tokens, &tariff_at, &spans, context.after_tariff);
    let stated = percents
        .iter()
        .zip(&spans)
        .zip(levels)
        .filter_map(|((p, &(_, last)), level)| level.then_some((p, last)));
    add_rates(sentence, &tokens, stated, out);
    names_tariff
}

/// Add to `out` the tariff levels a sentence states (each percentage with its last token),
/// with who imposes them on whom and on what; the same rate with the same parties and product
/// is added once a sentence.
fn add_rates<'p>(
    sentence: &str,
    tokens: &[Token],
    stated: impl Iterator<Item = (&'p Percent, usize)>,
    out: &mut Vec<Tariff>,
) {
    let hits = countries::find(sentence);
    let roles = Roles::of(sentence, tokens, &hits);
    // Tariffs found in earlier sentences; this sentence's own are told apart without comparing
    // its text, which they all share (comparing it would cost its length per pair).
    let earlier = out.len();
    for (p, last) in stated {
        let (imposer, target) = parties(&hits, &roles, p);
        let product = product(tokens, last);
        for &value in &p.values {
            let rate = TariffRate(value);
            let same = |t: &Tariff| {
                t.rate == rate && t.imposer == imposer && t.target == target && t.product == product
            };
            if out[earlier..].iter().any(same)
                || out[..earlier].iter().any(|t| same(t) && t.text == sentence)
            {
                continue;
            }
            out.push(Tariff {
                rate,
                imposer,
                target,
                product: product.clone(),
                text: sentence.to_string(),
            });
        }
    }
}

#[cfg(test)]
mod tests;
