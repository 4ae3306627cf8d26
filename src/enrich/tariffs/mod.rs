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

mod percent;

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use super::Tariff;
use super::countries::{self, CountryCode, Hit, Kind};
use super::text::lists::Sections;
use super::text::sentences;
use crate::corpus::Article;
use percent::Percent;

const LIST_FILE: &str = include_str!("../../../data/tariff_words.txt");

/// The word lists of `data/tariff_words.txt`.
struct Lists {
    /// Words that make "tariff" a price: "a water tariff", "phone tariffs", "feed-in tariff".
    price_words: &'static [&'static str],
    /// Words shortly after "tariff" that make it a price: "a lower tariff for special advances",
    /// "tariffs for domestic customers".
    price_users: &'static [&'static str],
    /// Words before "duty" that make it no customs duty: "heavy duty", "stamp duty", "on duty".
    not_customs_duty: &'static [&'static str],
    /// Words that tie a levy or tax to imports.
    import_words: &'static [&'static str],
    /// Words before "levy" or "surcharge" that make it no tariff: "a bank levy", "a carbon levy".
    not_trade_levy: &'static [&'static str],
    /// What a levy or surcharge "on" may fall on without being a tariff: "a levy on bank profits".
    not_trade_bases: &'static [&'static str],
    /// Nouns that carry a rate when the sentence is about a tariff: "the average rate of 39
    /// percent", "the overall level dropped to 9.8 percent".
    level_nouns: &'static [&'static str],
    /// Nouns whose percentages are not tariff levels.
    other_nouns: &'static [&'static str],
    /// Modifiers between a percentage and its noun: "a 25 percent additional tariff".
    modifiers: &'static [&'static str],
    /// Words between a number and what it qualifies that soften it: "about", "up to", "nearly".
    hedges: &'static [&'static str],
    /// Verbs whose percentage is a change, not a level ("exports rose 33 pct").
    change_verbs: &'static [&'static str],
    /// Words that make "by" open a noun phrase rather than give the size of a change.
    determiners: &'static [&'static str],
    /// Words before "by" that make "by X percent" the size of a change: verbs of adjustment and
    /// the tariff they adjust ("cut tariffs by 50 pct", "lowered by 10 percent").
    changed_by: &'static [&'static str],
    /// Nouns that pass "of X percent" on to what they bound: "a high of 60 pct", "a peak of".
    bound_nouns: &'static [&'static str],
    /// Nouns right after a percentage that carry it as a tariff level when the sentence is about
    /// a tariff: "the 20 percent rate", "the 10 percent baseline".
    tariff_heads: &'static [&'static str],
    /// Words that never stand inside a noun compound before a tariff word: prepositions,
    /// pronouns, auxiliaries, time words and verbs a share "faces" or "pays" tariffs with.
    not_compound: &'static [&'static str],
    /// Words before "rate" or "level" that make it some other rate: "growth rates", "tax rate".
    other_rates: &'static [&'static str],
    /// Nouns of change that pass a level on to what changed: "the cut to 3.5 pct".
    changes: &'static [&'static str],
    /// Words before a country that make it the target: "on Chinese goods", "imports from China".
    target_cues: &'static [&'static str],
    /// Generic words that name no product: "on $34 billion worth of Chinese goods".
    generic_goods: &'static [&'static str],
    /// Words that end the product phrase.
    product_stops: &'static [&'static str],
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
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

/// Whether a sentence names a tariff in the trade sense; `seen_tariff` says whether the text
/// before it did.
fn names_tariff(sentence: &str, seen_tariff: bool) -> bool {
    let tokens = tokenize(sentence);
    (0..tokens.len()).any(|i| is_tariff_noun(&tokens, i, seen_tariff))
}

/// A word of a sentence, in small letters, with its byte range.
#[derive(Debug, Clone)]
struct Token<'a> {
    /// Borrowed from the sentence when it is already in small letters, as most words are.
    word: Cow<'a, str>,
    start: usize,
    end: usize,
}

impl Token<'_> {
    fn word(&self) -> &str {
        &self.word
    }
}

fn tokenize(text: &str) -> Vec<Token<'_>> {
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

/// Whether token `i` names a tariff in the trade sense; `seen_tariff` says whether the text
/// named one before this sentence.
fn is_tariff_noun(tokens: &[Token], i: usize, seen_tariff: bool) -> bool {
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

/// Verdict on one percentage expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Judged {
    Rate,
    NotRate,
    /// Nothing decisive next to it: decided by the nearest tariff word.
    Open,
    /// Stated as a level ("to 3.5 pct", "is set at 14.5 pct") of nothing the sentence names: in a
    /// sentence right after one about a tariff, that tariff's level.
    Level,
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
    let mut verdicts: Vec<Judged> = spans
        .iter()
        .map(|&(a, b)| judge(&tokens, &tariff_at, a, b))
        .collect();
    // "rose 10 percent to 15 percent": the second figure belongs to the same change.
    for k in 1..verdicts.len() {
        let (first, _) = spans[k];
        if verdicts[k - 1] == Judged::NotRate
            && first >= 2
            && spans[k - 1].1 == first - 2
            && tokens[first - 1].word == "to"
        {
            verdicts[k] = Judged::NotRate;
        }
    }
    let mut rate: Vec<bool> = verdicts
        .iter()
        .zip(&spans)
        .map(|(verdict, &span)| match verdict {
            Judged::Rate => true,
            Judged::NotRate => false,
            // "He said the cut to 3.5 from seven pct was approved", after a tariff sentence.
            Judged::Level if !names_tariff => true,
            // "Washington wants a cut to seven pct, like its own duties", after one too.
            Judged::Level if context.after_tariff && level_preposition(&tokens, span.0) => true,
            Judged::Open | Judged::Level => near_tariff(&tokens, &tariff_at, span),
        })
        .collect();
    // "25 percent on steel and 10 percent on aluminium", "most between 10% and 35%", "a 19
    // percent rate, better than the 32 percent first threatened": an open percentage listed
    // or compared right beside a rate is a rate too, and passes it on down the list.
    let listed = |j: usize, k: usize| {
        let (lo, hi) = if j < k {
            (spans[j].1, spans[k].0)
        } else {
            (spans[k].1, spans[j].0)
        };
        hi.saturating_sub(lo) <= 8
            && tokens[lo + 1..hi].iter().any(|t| {
                matches!(
                    t.word(),
                    "and" | "or" | "," | "to" | "while" | "than" | "versus" | "vs"
                )
            })
    };
    let mut changed = true;
    while changed {
        changed = false;
        for k in 0..verdicts.len() {
            if rate[k] || !matches!(verdicts[k], Judged::Open | Judged::Level) {
                continue;
            }
            let beside = [k.checked_sub(1), Some(k + 1)];
            if beside
                .into_iter()
                .flatten()
                .any(|j| j < verdicts.len() && rate[j] && listed(j, k))
            {
                rate[k] = true;
                changed = true;
            }
        }
    }
    // A sentence that names no tariff and has already stated a change or share ("grew 7.9
    // percent to 18.4 percent of imports, ahead of Japan at 13.6 percent") is about that, not
    // about the tariff of the sentence before.
    if !names_tariff && let Some(first_other) = verdicts.iter().position(|v| *v == Judged::NotRate)
    {
        for r in rate.iter_mut().skip(first_other) {
            *r = false;
        }
    }
    let hits = countries::find(sentence);
    let roles = Roles::of(sentence, &tokens, &hits);
    // Tariffs found in earlier sentences; this sentence's own are told apart without comparing
    // its text, which they all share (comparing it would cost its length per pair).
    let earlier = out.len();
    for (k, p) in percents.iter().enumerate() {
        if !rate[k] {
            continue;
        }
        let (imposer, target) = parties(&hits, &roles, p);
        let product = product(&tokens, spans[k].1);
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
    names_tariff
}

/// Whether "to", "from" or "at" stands right before token `first`, past hedges: "a cut to
/// seven pct", "subject to as much as 50 percent".
fn level_preposition(tokens: &[Token], first: usize) -> bool {
    let mut k = first;
    while k > 0 && LISTS.hedges.contains(&tokens[k - 1].word()) {
        k -= 1;
    }
    k > 0 && matches!(tokens[k - 1].word(), "to" | "from" | "at")
}

/// The first and last token of a percentage expression. Tokens are in text order, so both are
/// found by bisection: a sentence may hold thousands of percentages (a table run together).
fn token_span(tokens: &[Token], p: &Percent) -> (usize, usize) {
    let first = tokens.partition_point(|t| t.end <= p.start);
    let first = if first < tokens.len() { first } else { 0 };
    let last = tokens
        .partition_point(|t| t.start < p.end)
        .checked_sub(1)
        .unwrap_or(first)
        .max(first);
    (first, last)
}

/// The rules that look at the words right around a percentage expression.
fn judge(tokens: &[Token], tariff_at: &[usize], first: usize, last: usize) -> Judged {
    let word = |i: usize| tokens.get(i).map_or("", |t| t.word());
    let after = word(last + 1);
    // "5 percentage points" never reaches here; "5 pct points" does.
    if matches!(after, "point" | "points") {
        return Judged::NotRate;
    }
    // The word before the expression, past hedges ("by about", "up to", "as high as").
    let mut k = first;
    while k > 0
        && (LISTS.hedges.contains(&word(k - 1))
            || (word(k - 1) == "to" && k >= 2 && word(k - 2) == "up"))
    {
        k -= 1;
    }
    let before = if k > 0 { word(k - 1) } else { "" };
    let up_to = first >= 2 && word(first - 1) == "to" && word(first - 2) == "up";
    // "cut by 50 pct", "by up to 10 percent", "by an average of 50 percent": a change.
    let mut b = first;
    while b > 0 && first - b < 5 && (LISTS.hedges.contains(&word(b - 1)) || word(b - 1) == "of") {
        b -= 1;
    }
    let j = head_noun(tokens, tariff_at, last);
    let head = word(j);
    let by_at = if before == "by" {
        Some(k - 1)
    } else {
        (b > 0 && word(b - 1) == "by").then(|| b - 1)
    };
    if let Some(by) = by_at {
        // "hit by 25 percent tariffs", "covered by the 100 pct tariffs": the tariff is the
        // agent and the percentage its level; "cut by 5 pct import tariffs" is still a change.
        let agent = tariff_at.contains(&j)
            && ((by + 1..first).any(|i| LISTS.determiners.contains(&word(i)))
                || by.checked_sub(1).is_some_and(|v| {
                    !LISTS.change_verbs.contains(&word(v)) && !LISTS.changed_by.contains(&word(v))
                }));
        if !agent {
            return Judged::NotRate;
        }
    }
    if tariff_at.contains(&j) || head == "one" {
        // "a 30 pct tariff increase" is a change in a tariff.
        let change = matches!(
            word(j + 1),
            "increase" | "increases" | "rise" | "hike" | "hikes" | "cut" | "cuts" | "reduction"
        );
        return if change {
            Judged::NotRate
        } else {
            Judged::Rate
        };
    }
    // "another 25 percent in tariffs", "50 percent in additional duties": the amount of them.
    if head == "in" && !LISTS.changed_by.contains(&before) && !LISTS.change_verbs.contains(&before)
    {
        let mut n = j + 1;
        while LISTS.modifiers.contains(&word(n)) {
            n += 1;
        }
        if tariff_at.contains(&n) {
            return Judged::Rate;
        }
    }
    if head == "of" {
        // "a 25 percent of tariff" is loose for "a tariff of 25 percent"; "25 percent of
        // goods" is a share.
        let loose = tariff_at.contains(&(j + 1))
            && (first > 0 && word(first - 1) == "a" || matches!(word(j + 2), "on" | "against"));
        return if loose { Judged::Rate } else { Judged::NotRate };
    }
    if j == last + 1 && LISTS.other_nouns.contains(&head) && head != "a" {
        return Judged::NotRate;
    }
    // "5 pct a year", "lowered at a rate of about 2 percent each year": a pace, not a level.
    if j == last + 1
        && matches!(head, "a" | "each" | "per" | "every")
        && matches!(word(j + 1), "year" | "month" | "week" | "quarter" | "annum")
    {
        return Judged::NotRate;
    }
    // "the 20 percent rate agreed with Washington", "on top of the 10 percent baseline": in a
    // sentence about a tariff, or right after one, the rate or baseline is the tariff's; "grew
    // at a 3 percent rate" and "a 5 percent rate of return" are not.
    if LISTS.tariff_heads.contains(&head) {
        if LISTS.change_verbs.contains(&before) && !up_to {
            return Judged::NotRate;
        }
        if word(j + 1) == "of" {
            let mut n = j + 2;
            while matches!(word(n), "the" | "a" | "an") || LISTS.modifiers.contains(&word(n)) {
                n += 1;
            }
            return if tariff_at.contains(&n) {
                Judged::Rate
            } else {
                Judged::NotRate
            };
        }
        return Judged::Rate;
    }
    // "a tariff of 25 percent", "a decline of 0.9 percent".
    if k > 0 && word(k - 1) == "of" || (first > 0 && word(first - 1) == "of") {
        let of_at = if word(first - 1) == "of" {
            first - 1
        } else {
            k - 1
        };
        let mut n = of_at;
        while n > 0 && (LISTS.modifiers.contains(&word(n - 1)) || word(n - 1) == "tariff") {
            n -= 1;
            if tariff_at.contains(&n) {
                return Judged::Rate;
            }
        }
        let noun = if of_at > 0 { of_at - 1 } else { of_at };
        if tariff_at.contains(&noun) {
            return Judged::Rate;
        }
        // "tariffs ranging from a high of almost 60 pct": the high is the tariff's.
        if LISTS.bound_nouns.contains(&word(noun)) {
            return match owner_before(tokens, tariff_at, noun) {
                Judged::Open => Judged::Level,
                other => other,
            };
        }
        if LISTS.level_nouns.contains(&word(noun)) {
            return level_of_tariff(tokens, tariff_at, noun);
        }
        return Judged::NotRate;
    }
    if LISTS.change_verbs.contains(&before) && !up_to {
        return Judged::NotRate;
    }
    // A level stated for something: "to 25 percent", "at 9.8 percent", "is 20 percent",
    // "25 percent on steel". Whose level it is, the nearest noun before says.
    let level_word = |w: &str| {
        matches!(
            w,
            "to" | "from" | "at" | "be" | "is" | "was" | "were" | "are" | "been" | "of" | ","
        )
    };
    // "tariffs on US goods, which average about 3 percent": "average" as a verb states a
    // level, where "an average 3 percent" only hedges.
    let averages = matches!(before, "averages" | "averaged" | "averaging")
        || (k..first).any(|i| {
            word(i) == "average"
                && i > 0
                && !matches!(
                    word(i - 1),
                    "a" | "an" | "the" | "on" | "of" | "by" | "weighted" | "simple"
                )
        });
    let level = level_word(word(first.saturating_sub(1)))
        || level_word(before)
        || averages
        || matches!(after, "on" | "for" | "in")
        || up_to;
    if level {
        return match owner_before(tokens, tariff_at, first) {
            Judged::Open => Judged::Level,
            other => other,
        };
    }
    Judged::Open
}

/// The noun a percentage qualifies: the first word after it past modifiers ("25 percent
/// additional tariffs"), or a tariff word behind a compound of up to two plain nouns ("a 10%
/// car import duty", "a 10 percent baseline tariff", "a 25 pct U.S. tariff").
fn head_noun(tokens: &[Token], tariff_at: &[usize], last: usize) -> usize {
    let word = |i: usize| tokens.get(i).map_or("", |t| t.word());
    let mut j = last + 1;
    while j < tokens.len() && j <= last + 3 && LISTS.modifiers.contains(&word(j)) {
        j += 1;
    }
    let mut n = j;
    let mut plain = 0;
    while n < tokens.len() && n <= last + 8 {
        if tariff_at.contains(&n) {
            return n;
        }
        let w = word(n);
        if LISTS.modifiers.contains(&w) {
            n += 1;
            continue;
        }
        // "a 100 pct European Community (EC) levy": an acronym in brackets.
        if w == "(" && word(n + 2) == ")" {
            n += 3;
            continue;
        }
        let compound_word = w.starts_with(|c: char| c.is_alphabetic())
            && !LISTS.not_compound.contains(&w)
            && !LISTS.hedges.contains(&w)
            && !LISTS.other_nouns.contains(&w)
            && !LISTS.other_rates.contains(&w)
            && !LISTS.change_verbs.contains(&w)
            && !LISTS.level_nouns.contains(&w);
        if plain == 2 || !compound_word {
            break;
        }
        plain += 1;
        n += 1;
    }
    j
}

/// Whose level a percentage is, by the nearest tariff word or other noun before it.
fn owner_before(tokens: &[Token], tariff_at: &[usize], first: usize) -> Judged {
    for i in (0..first).rev() {
        let w = tokens[i].word();
        if tariff_at.contains(&i) {
            return Judged::Rate;
        }
        if LISTS.level_nouns.contains(&w) {
            return level_of_tariff(tokens, tariff_at, i);
        }
        // "the cut to 3.5 pct", "an increase from 10 to 25 percent": the level of what changed.
        if LISTS.changes.contains(&w) {
            continue;
        }
        if LISTS.other_nouns.contains(&w) && w != "a" && !LISTS.modifiers.contains(&w) {
            return Judged::NotRate;
        }
    }
    Judged::Open
}

/// Whether the rate or level noun at `i` is a tariff's.
fn level_of_tariff(tokens: &[Token], tariff_at: &[usize], i: usize) -> Judged {
    let qualifier = i.checked_sub(1).map(|j| (j, tokens[j].word()));
    match qualifier {
        Some((j, _)) if tariff_at.contains(&j) => Judged::Rate,
        Some((_, w))
            if LISTS.other_rates.contains(&w) || LISTS.other_nouns.contains(&w) && w != "a" =>
        {
            Judged::NotRate
        }
        _ => Judged::Rate,
    }
}

/// Whether a tariff word stands a few words before the expression, with no other noun that
/// would own the percentage in between.
fn near_tariff(tokens: &[Token], tariff_at: &[usize], (first, _): (usize, usize)) -> bool {
    // A tariff word after the percentage owns it only when it directly follows, which the
    // head-noun rule has seen; so only tariff words before count here.
    tariff_at.iter().filter(|&&t| t < first).any(|&t| {
        let (lo, hi) = (t, first);
        hi - lo <= 6
            && !tokens[lo + 1..hi]
                .iter()
                .any(|x| LISTS.other_nouns.contains(&x.word()) && x.word != "a")
    })
}

/// What each country of a sentence is, whatever the rate: named right after "by" (the
/// imposer of a rate before it), or a target by the words before it ("on Chinese goods",
/// "imports from China"). Worked out once a sentence, not once a rate: a sentence may state
/// thousands of rates (a table run together).
struct Roles {
    after_by: Vec<bool>,
    target: Vec<bool>,
}

impl Roles {
    fn of(sentence: &str, tokens: &[Token], hits: &[Hit]) -> Roles {
        let after_by: Vec<bool> = hits
            .iter()
            .map(|h| sentence[..h.start].trim_end().ends_with(" by"))
            .collect();
        let target = hits
            .iter()
            .enumerate()
            .zip(&after_by)
            .map(|((k, h), &by)| {
                // Up to six words back for a target cue, stopping at a clause break or at the
                // country named before: in "flights from the United States after Washington
                // threatened ...", the "from" is the United States' alone.
                let floor = hits[..k].iter().map(|p| p.end).max().unwrap_or(0);
                let upto = tokens.partition_point(|t| t.end <= h.start);
                let from = tokens.partition_point(|t| t.start < floor).min(upto);
                let before = &tokens[from..upto];
                !by && before
                    .iter()
                    .rev()
                    .take(6)
                    .take_while(|t| {
                        !matches!(
                            t.word(),
                            "," | ";"
                                | "by"
                                | "and"
                                | "while"
                                | "after"
                                | "before"
                                | "when"
                                | "because"
                                | "but"
                        )
                    })
                    .any(|t| LISTS.target_cues.contains(&t.word()))
            })
            .collect();
        Roles { after_by, target }
    }
}

/// The imposing and the target country of a rate, when the sentence says.
fn parties(hits: &[Hit], roles: &Roles, p: &Percent) -> (Option<CountryCode>, Option<CountryCode>) {
    // The target nearest the rate: in "flights from the United States after Washington
    // threatened a 25 percent tariff on Colombian goods", Colombia.
    let distance = |h: &Hit| {
        if h.start >= p.end {
            h.start - p.end
        } else {
            p.start.saturating_sub(h.end)
        }
    };
    let target = hits
        .iter()
        .zip(&roles.target)
        .filter(|(h, _)| h.start >= p.end || h.end <= p.start)
        .filter(|&(h, &is_target)| is_target && h.start > p.start.saturating_sub(60))
        .min_by_key(|(h, _)| (distance(h), h.start < p.start))
        .map(|(h, _)| h.code);
    let imposed_by = hits
        .iter()
        .zip(&roles.after_by)
        .find(|&(h, &by)| by && h.start > p.end)
        .map(|(h, _)| h.code);
    let imposer = imposed_by.or_else(|| {
        hits.iter()
            .zip(&roles.target)
            .rfind(|&(h, &is_target)| {
                h.end <= p.start
                    && !is_target
                    && Some(h.code) != target
                    && !matches!(h.kind, Kind::Currency)
            })
            .map(|(h, _)| h.code)
    });
    (imposer, target.filter(|t| Some(*t) != imposer))
}

/// The product a rate applies to: the words after "on" (or "for") following the rate, minus
/// countries and generic words ("on imported steel" gives "steel").
fn product(tokens: &[Token], last: usize) -> Option<String> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn tariffs(body: &str) -> Vec<Tariff> {
        extract(&Article {
            body: body.to_string(),
            ..Article::default()
        })
    }

    /// The distinct rates found, in order.
    fn rates(body: &str) -> Vec<f64> {
        let mut out: Vec<f64> = Vec::new();
        for t in tariffs(body) {
            if !out.contains(&t.rate.0) {
                out.push(t.rate.0);
            }
        }
        out
    }

    fn check(table: &[(&str, &[f64])]) {
        for (text, want) in table {
            assert_eq!(rates(text), *want, "{text}");
        }
    }

    #[test]
    fn levels_in_every_spelling() {
        check(&[
            ("Officials set a 25% tariff on the parts.", &[25.0]),
            ("The country faces 25 percent tariffs.", &[25.0]),
            ("Exporters pay a 25 per cent duty.", &[25.0]),
            ("A 25 pct import duty applies.", &[25.0]),
            ("The 25-percent tariff took effect.", &[25.0]),
            ("Duties of 5-10 pct were imposed.", &[5.0, 10.0]),
            ("A tariff of 15 to 25 percent on magnets.", &[15.0, 25.0]),
            ("The average tariff rate is 3.5 per cent.", &[3.5]),
            ("It would levy 100 pct tariffs on the chips.", &[100.0]),
            ("Duties of up to 50 pct apply to some goods.", &[50.0]),
            ("A two or three pct tariff would be easier.", &[2.0, 3.0]),
        ]);
    }

    #[test]
    fn changes_of_level_give_both_ends() {
        check(&[
            (
                "The duty will be cut from 25% to 15% next year.",
                &[25.0, 15.0],
            ),
            ("The ministry raised the tariff to 25 percent.", &[25.0]),
            (
                "Tariffs were raised to 100 pct from about five pct.",
                &[100.0, 5.0],
            ),
            (
                "The duty on lipstick falls to 2 percent from 5 percent.",
                &[2.0, 5.0],
            ),
            (
                "The average tariff rate will drop from 15.9 percent to 7.1 percent.",
                &[15.9, 7.1],
            ),
            (
                "Tariffs on the goods will climb from 10 percent to 25 percent.",
                &[10.0, 25.0],
            ),
        ]);
    }

    #[test]
    fn components_and_lists() {
        check(&[
            (
                "The capital doubled tariffs on the goods to 50 per cent, including a 25 per cent \
                 additional duty.",
                &[50.0, 25.0],
            ),
            (
                "It set a 25 percent tariff on steel and 10 percent on aluminium.",
                &[25.0, 10.0],
            ),
            (
                "The rates of the extra tariffs will be 25 percent, 20 percent and 5 percent.",
                &[25.0, 20.0, 5.0],
            ),
            (
                "A 25 percent or even a 10 percent tariff would hurt us.",
                &[25.0, 10.0],
            ),
        ]);
    }

    #[test]
    fn not_rates() {
        check(&[
            ("Tariffs were cut by 5 percentage points.", &[]),
            ("The ministry will cut tariffs by 50 pct.", &[]),
            (
                "It will reduce import tariffs by an average of 50 percent.",
                &[],
            ),
            ("Tariffs were lifted on 90 percent of imported goods.", &[]),
            ("The duties cover 35% of the components.", &[]),
            ("Tariffs on $200 billion of goods took effect.", &[]),
            ("The phone company raised its tariffs by 10%.", &[]),
            ("A 60% water tariff rise was requested.", &[]),
            ("The new wi-fi tariff costs 5% more.", &[]),
            ("Feed-in tariff payments fell 20 percent.", &[]),
            ("A 30 pct tariff increase on power was approved.", &[]),
            ("Exports fell 33 pct because of the duties.", &[]),
            ("Tariffs pushed prices up 20 percent.", &[]),
            (
                "Income tax will rise to 50% under the plan, not tariffs.",
                &[],
            ),
            ("The heavy-duty truck output rose 8.5 pct.", &[]),
            ("Stamp duty rose 140 pct in the year.", &[]),
            ("The 15 pct export tax on lumber stays.", &[]),
            ("A zero tariff applies, and trade is duty-free.", &[]),
            ("Growth slowed to 6.5 percent as tariffs bit.", &[]),
            ("The freight was quoted at 135 pct of tariff.", &[]),
            ("The survey found 49% opposed the tariffs.", &[]),
            (
                "The bank cut its discount rate to three pct from 3.5 pct.",
                &[],
            ),
        ]);
    }

    #[test]
    fn a_level_stated_right_after_the_tariff_sentence() {
        check(&[(
            "A cut in the soybean import tariff was agreed. He said the cut to 3.5 from seven \
             pct was approved.",
            &[3.5, 7.0],
        )]);
        check(&[(
            "Prices rose. He said the cut to 3.5 from seven pct was approved.",
            &[],
        )]);
    }

    #[test]
    fn imposer_target_and_product() {
        let got = tariffs("Washington doubled tariffs on Indian goods to 50 per cent.");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].imposer.map(|c| c.to_string()).as_deref(), Some("US"));
        assert_eq!(got[0].target.map(|c| c.to_string()).as_deref(), Some("IN"));
        assert_eq!(got[0].product, None);

        let got = tariffs("China will impose a 25 percent tariff on US soybeans.");
        assert_eq!(got[0].imposer.map(|c| c.to_string()).as_deref(), Some("CN"));
        assert_eq!(got[0].target.map(|c| c.to_string()).as_deref(), Some("US"));
        assert_eq!(got[0].product.as_deref(), Some("soybeans"));

        let got = tariffs("The United States put a 25-percent tariff on steel imports from China.");
        assert_eq!(got[0].imposer.map(|c| c.to_string()).as_deref(), Some("US"));
        assert_eq!(got[0].target.map(|c| c.to_string()).as_deref(), Some("CN"));
        assert_eq!(got[0].product.as_deref(), Some("steel"));

        // The target nearest the rate, not an earlier "from" of another clause.
        let got = tariffs(
            "Bogota agreed to accept flights from the United States after Washington \
             threatened to impose a 25 percent tariff on all Colombian goods.",
        );
        assert_eq!(got[0].imposer.map(|c| c.to_string()).as_deref(), Some("US"));
        assert_eq!(got[0].target.map(|c| c.to_string()).as_deref(), Some("CO"));

        // Overlapping country mentions ("Israeli-Egyptian") before a rate are read safely.
        tariffs(
            "Goods from the zones enjoy duty free access to the US, provided that 35% of \
             their parts come from Israeli-Egyptian cooperation.",
        );

        let got = tariffs("A duty of 6% on imported rice stays in force, the ministry said.");
        assert_eq!(got[0].product.as_deref(), Some("rice"));

        let got = tariffs("A 10 pct duty on imported steel was set.");
        assert_eq!(got[0].imposer, None);
        assert_eq!(got[0].target, None);
        assert_eq!(got[0].product.as_deref(), Some("steel"));
        assert_eq!(got[0].text, "A 10 pct duty on imported steel was set.");
    }

    #[test]
    fn rates_before_a_noun_compound_or_a_tariff_head() {
        check(&[
            (
                "The bloc keeps a standard 10% car import duty in place.",
                &[10.0],
            ),
            (
                "Officials announced a 10 percent baseline tariff on imports from most countries.",
                &[10.0],
            ),
            ("Mills pay a 25 pct U.S. tariff on the coils.", &[25.0]),
            (
                "Growers fought a proposed 40 pct European Union (EU) levy on palm oil imports.",
                &[40.0],
            ),
            (
                "Mills face duties of up to 30 percent on some pipes, on top of the 10 percent \
                 baseline.",
                &[30.0, 10.0],
            ),
            (
                "Washington raised tariffs on the region in March. Firms that pass the new \
                 checks will keep the 15 percent rate agreed last year.",
                &[15.0],
            ),
            (
                "The deal fixes the US tariff on most goods. Exporters said a 19 percent rate \
                 was better than the 32 percent first threatened.",
                &[19.0, 32.0],
            ),
        ]);
    }

    #[test]
    fn compounds_and_heads_that_are_no_tariff() {
        check(&[
            ("Exports fell 10 percent after tariffs took effect.", &[]),
            ("Some 20 percent face tariffs now.", &[]),
            (
                "Steel output dropped 12 percent last year despite duties.",
                &[],
            ),
            (
                "The utility sought a 10 percent water tariff for homes.",
                &[],
            ),
            (
                "Tariffs slowed the economy, which grew at a 3 percent rate.",
                &[],
            ),
            (
                "Tariffs will not change the 5 percent rate of return investors expect.",
                &[],
            ),
            (
                "The 5 percent interest rate stays despite the tariffs.",
                &[],
            ),
            (
                "Despite the tariffs, the 40 percent income tax rate stays.",
                &[],
            ),
        ]);
    }

    #[test]
    fn levels_through_of_to_at_and_average() {
        check(&[
            (
                "The bloc will drop its remaining tariffs on farm goods, which currently \
                 average about 4 percent.",
                &[4.0],
            ),
            (
                "Seoul wants a rate in line with duties of 5-10 pct offered to other partners.",
                &[5.0, 10.0],
            ),
            (
                "The new duties, mostly between 5% and 30%, cover cars, toys and shoes.",
                &[5.0, 30.0],
            ),
            (
                "Its import tariffs, ranging from a high of nearly 60 pct, drew complaints.",
                &[60.0],
            ),
            (
                "The country will impose 20 percent of tariff on cheese.",
                &[20.0],
            ),
            (
                "Washington may add another 10 percent in tariffs on the goods.",
                &[10.0],
            ),
            (
                "Duties on cocoa were cut to 15 pct from 25 pct last year. Buyers want a cut \
                 to five pct, in line with their own duties.",
                &[15.0, 25.0, 5.0],
            ),
            (
                "Washers will be subject to as much as 40 percent in tariffs.",
                &[40.0],
            ),
        ]);
        check(&[
            (
                "Exports to the bloc averaged 4 percent growth despite the tariffs.",
                &[],
            ),
            ("Growth hit a high of 9 percent as tariffs fell.", &[]),
            ("Duties were lowered by 10 percent.", &[]),
            (
                "It has lowered its 30 percent tariff at a rate of about 3 percent each year.",
                &[30.0],
            ),
            ("A 10 percent rise in tariffs was approved.", &[]),
        ]);
    }

    #[test]
    fn a_tariff_as_agent_after_by() {
        check(&[
            (
                "The White House listed the goods covered by the 100 pct tariffs.",
                &[100.0],
            ),
            ("Farmers hit by 25 percent tariffs want aid.", &[25.0]),
            ("The ministry will cut tariffs by 50 pct.", &[]),
            ("Tariffs on the parts were reduced by 5 pct.", &[]),
        ]);
    }

    #[test]
    fn a_levy_in_a_text_about_tariffs() {
        check(&[
            (
                "Ministers threatened new tariffs on oil buyers. Officials later said buyers \
                 could face a levy of 20% to 40% on everything they ship to Europe.",
                &[20.0, 40.0],
            ),
            ("The council set a levy of 5% on new homes.", &[]),
            (
                "The tariffs took effect in June. A bank levy of 0.1% stays as well.",
                &[],
            ),
            (
                "Tariffs rose. A levy of 2% on bank profits was also approved.",
                &[],
            ),
            (
                "The tariffs stay. Brokers pay a 0.2 pct levy on share transactions.",
                &[],
            ),
        ]);
    }

    #[test]
    fn a_sentence_about_something_else_after_a_tariff_sentence() {
        check(&[
            (
                "Tariffs on the parts rose last year. Exports grew by 9 percent, compared \
                 to 4 percent to other markets.",
                &[],
            ),
            (
                "Tariffs on the parts rose last year. Its shipments grew 7 percent to 18 \
                 percent of imports, ahead of Japan at 12 percent.",
                &[],
            ),
            (
                "The tariffs took effect in May. In a poll, 45% called them harmful and \
                 about 35% backed the tariffs.",
                &[],
            ),
        ]);
    }

    #[test]
    fn title_counts_and_sentences_are_kept_whole() {
        let article = Article {
            title: Some("Japan sets 5 pct tariff on rice".to_string()),
            body: "No rates here.".to_string(),
            ..Article::default()
        };
        let got = extract(&article);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].rate, TariffRate(5.0));
        assert_eq!(got[0].imposer.map(|c| c.to_string()).as_deref(), Some("JP"));
    }
}
