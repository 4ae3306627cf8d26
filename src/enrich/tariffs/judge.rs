//! Whether a percentage is a tariff's level, by the words right around it: the noun it
//! qualifies ("a 25 percent tariff"), the word before it ("by 5 pct" is a change, "to 25
//! percent" a level), and whose level it is (the nearest tariff word or other noun).

use super::tokens::Token;
use super::words::LISTS;

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

/// Whether "to", "from" or "at" stands right before token `first`, past hedges: "a cut to
/// seven pct", "subject to as much as 50 percent".
fn level_preposition(tokens: &[Token], first: usize) -> bool {
    let mut k = first;
    while k > 0 && LISTS.hedges.contains(&tokens[k - 1].word()) {
        k -= 1;
    }
    k > 0 && matches!(tokens[k - 1].word(), "to" | "from" | "at")
}

/// Which percentages of a sentence state a tariff's level, given the token spans of its
/// percentage expressions and the tokens that name a tariff (`tariff_at`); `after_tariff` says
/// that the sentence before named one.
pub(super) fn levels(
    tokens: &[Token],
    tariff_at: &[usize],
    spans: &[(usize, usize)],
    after_tariff: bool,
) -> Vec<bool> {
    let names_tariff = !tariff_at.is_empty();
    let mut verdicts: Vec<Judged> = spans
        .iter()
        .map(|&(a, b)| judge(tokens, tariff_at, a, b))
        .collect();
    continue_changes(tokens, spans, &mut verdicts);
    let mut rate: Vec<bool> = verdicts
        .iter()
        .zip(spans)
        .map(|(verdict, &span)| match verdict {
            Judged::Rate => true,
            Judged::NotRate => false,
            // "He said the cut to 3.5 from seven pct was approved", after a tariff sentence.
            Judged::Level if !names_tariff => true,
            // "Washington wants a cut to seven pct, like its own duties", after one too.
            Judged::Level if after_tariff && level_preposition(tokens, span.0) => true,
            Judged::Open | Judged::Level => near_tariff(tokens, tariff_at, span),
        })
        .collect();
    pass_down_lists(tokens, spans, &verdicts, &mut rate);
    // A sentence that names no tariff and has already stated a change or share ("grew 7.9
    // percent to 18.4 percent of imports, ahead of Japan at 13.6 percent") is about that, not
    // about the tariff of the sentence before.
    if !names_tariff && let Some(first_other) = verdicts.iter().position(|v| *v == Judged::NotRate)
    {
        for r in rate.iter_mut().skip(first_other) {
            *r = false;
        }
    }
    rate
}

/// "rose 10 percent to 15 percent": the second figure belongs to the same change.
fn continue_changes(tokens: &[Token], spans: &[(usize, usize)], verdicts: &mut [Judged]) {
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
}

/// "25 percent on steel and 10 percent on aluminium", "most between 10% and 35%", "a 19
/// percent rate, better than the 32 percent first threatened": an open percentage listed or
/// compared right beside a rate is a rate too, and passes it on down the list.
fn pass_down_lists(
    tokens: &[Token],
    spans: &[(usize, usize)],
    verdicts: &[Judged],
    rate: &mut [bool],
) {
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
}

/// The rules that look at the words right around a percentage expression, in order; the first
/// that applies decides.
fn judge(tokens: &[Token], tariff_at: &[usize], first: usize, last: usize) -> Judged {
    // "5 percentage points" never reaches here; "5 pct points" does.
    if matches!(word(tokens, last + 1), "point" | "points") {
        return Judged::NotRate;
    }
    let at = Around::new(tokens, tariff_at, first, last);
    at.change_by()
        .or_else(|| at.qualifies_tariff())
        .or_else(|| at.amount_in_tariffs())
        .or_else(|| at.share_of())
        .or_else(|| at.qualifies_other_noun())
        .or_else(|| at.pace())
        .or_else(|| at.tariff_head())
        .or_else(|| at.after_of())
        .or_else(|| at.after_change_verb())
        .or_else(|| at.stated_level())
        .unwrap_or(Judged::Open)
}

/// The word of token `i` in small letters, or "" past the end.
fn word<'t>(tokens: &'t [Token], i: usize) -> &'t str {
    tokens.get(i).map_or("", |t| t.word())
}

/// The words around one percentage expression (tokens `first..=last`), worked out once for
/// all the rules of [`judge`].
struct Around<'t, 'a> {
    tokens: &'t [Token<'a>],
    tariff_at: &'t [usize],
    first: usize,
    last: usize,
    /// Where the expression starts when the hedges before it count ("by about", "up to", "as
    /// high as").
    k: usize,
    /// The word before that, or "".
    before: &'t str,
    /// "up to" right before the expression.
    up_to: bool,
    /// The noun the percentage qualifies ([`head_noun`]), and its word.
    j: usize,
    head: &'t str,
}

impl<'t, 'a> Around<'t, 'a> {
    fn new(tokens: &'t [Token<'a>], tariff_at: &'t [usize], first: usize, last: usize) -> Self {
        let word = |i: usize| word(tokens, i);
        let mut k = first;
        while k > 0
            && (LISTS.hedges.contains(&word(k - 1))
                || (word(k - 1) == "to" && k >= 2 && word(k - 2) == "up"))
        {
            k -= 1;
        }
        let before = if k > 0 { word(k - 1) } else { "" };
        let up_to = first >= 2 && word(first - 1) == "to" && word(first - 2) == "up";
        let j = head_noun(tokens, tariff_at, last);
        Around {
            tokens,
            tariff_at,
            first,
            last,
            k,
            before,
            up_to,
            j,
            head: word(j),
        }
    }

    fn word(&self, i: usize) -> &'t str {
        word(self.tokens, i)
    }

    fn is_tariff(&self, i: usize) -> bool {
        self.tariff_at.contains(&i)
    }

    /// "cut by 50 pct", "by up to 10 percent", "by an average of 50 percent": a change; but
    /// "hit by 25 percent tariffs", "covered by the 100 pct tariffs" make the tariff the agent
    /// and the percentage its level ("cut by 5 pct import tariffs" is still a change).
    fn change_by(&self) -> Option<Judged> {
        let first = self.first;
        let mut b = first;
        while b > 0
            && first - b < 5
            && (LISTS.hedges.contains(&self.word(b - 1)) || self.word(b - 1) == "of")
        {
            b -= 1;
        }
        let by = if self.before == "by" {
            Some(self.k - 1)
        } else {
            (b > 0 && self.word(b - 1) == "by").then(|| b - 1)
        }?;
        let agent = self.is_tariff(self.j)
            && ((by + 1..first).any(|i| LISTS.determiners.contains(&self.word(i)))
                || by.checked_sub(1).is_some_and(|v| {
                    !LISTS.change_verbs.contains(&self.word(v))
                        && !LISTS.changed_by.contains(&self.word(v))
                }));
        (!agent).then_some(Judged::NotRate)
    }

    /// "a 25 percent tariff" is its level; "a 30 pct tariff increase" is a change in a tariff.
    fn qualifies_tariff(&self) -> Option<Judged> {
        if !(self.is_tariff(self.j) || self.head == "one") {
            return None;
        }
        let change = matches!(
            self.word(self.j + 1),
            "increase" | "increases" | "rise" | "hike" | "hikes" | "cut" | "cuts" | "reduction"
        );
        Some(if change {
            Judged::NotRate
        } else {
            Judged::Rate
        })
    }

    /// "another 25 percent in tariffs", "50 percent in additional duties": the amount of them.
    fn amount_in_tariffs(&self) -> Option<Judged> {
        if self.head != "in"
            || LISTS.changed_by.contains(&self.before)
            || LISTS.change_verbs.contains(&self.before)
        {
            return None;
        }
        let mut n = self.j + 1;
        while LISTS.modifiers.contains(&self.word(n)) {
            n += 1;
        }
        self.is_tariff(n).then_some(Judged::Rate)
    }

    /// "a 25 percent of tariff" is loose for "a tariff of 25 percent"; "25 percent of goods" is
    /// a share.
    fn share_of(&self) -> Option<Judged> {
        if self.head != "of" {
            return None;
        }
        let (first, j) = (self.first, self.j);
        let loose = self.is_tariff(j + 1)
            && (first > 0 && self.word(first - 1) == "a"
                || matches!(self.word(j + 2), "on" | "against"));
        Some(if loose { Judged::Rate } else { Judged::NotRate })
    }

    /// "a 5 percent increase", "20 percent growth": a noun right after the percentage that
    /// carries something other than a tariff.
    fn qualifies_other_noun(&self) -> Option<Judged> {
        (self.j == self.last + 1 && LISTS.other_nouns.contains(&self.head) && self.head != "a")
            .then_some(Judged::NotRate)
    }

    /// "5 pct a year", "lowered at a rate of about 2 percent each year": a pace, not a level.
    fn pace(&self) -> Option<Judged> {
        (self.j == self.last + 1
            && matches!(self.head, "a" | "each" | "per" | "every")
            && matches!(
                self.word(self.j + 1),
                "year" | "month" | "week" | "quarter" | "annum"
            ))
        .then_some(Judged::NotRate)
    }

    /// "the 20 percent rate agreed with Washington", "on top of the 10 percent baseline": in a
    /// sentence about a tariff, or right after one, the rate or baseline is the tariff's; "grew
    /// at a 3 percent rate" and "a 5 percent rate of return" are not.
    fn tariff_head(&self) -> Option<Judged> {
        if !LISTS.tariff_heads.contains(&self.head) {
            return None;
        }
        if LISTS.change_verbs.contains(&self.before) && !self.up_to {
            return Some(Judged::NotRate);
        }
        if self.word(self.j + 1) == "of" {
            let mut n = self.j + 2;
            while matches!(self.word(n), "the" | "a" | "an")
                || LISTS.modifiers.contains(&self.word(n))
            {
                n += 1;
            }
            return Some(if self.is_tariff(n) {
                Judged::Rate
            } else {
                Judged::NotRate
            });
        }
        Some(Judged::Rate)
    }

    /// "a tariff of 25 percent" is a level, "a decline of 0.9 percent" is not: the noun before
    /// "of" decides.
    fn after_of(&self) -> Option<Judged> {
        let (first, k) = (self.first, self.k);
        if !(k > 0 && self.word(k - 1) == "of" || (first > 0 && self.word(first - 1) == "of")) {
            return None;
        }
        let of_at = if self.word(first - 1) == "of" {
            first - 1
        } else {
            k - 1
        };
        let mut n = of_at;
        while n > 0 && (LISTS.modifiers.contains(&self.word(n - 1)) || self.word(n - 1) == "tariff")
        {
            n -= 1;
            if self.is_tariff(n) {
                return Some(Judged::Rate);
            }
        }
        let noun = if of_at > 0 { of_at - 1 } else { of_at };
        if self.is_tariff(noun) {
            return Some(Judged::Rate);
        }
        // "tariffs ranging from a high of almost 60 pct": the high is the tariff's.
        if LISTS.bound_nouns.contains(&self.word(noun)) {
            return Some(match owner_before(self.tokens, self.tariff_at, noun) {
                Judged::Open => Judged::Level,
                other => other,
            });
        }
        if LISTS.level_nouns.contains(&self.word(noun)) {
            return Some(level_of_tariff(self.tokens, self.tariff_at, noun));
        }
        Some(Judged::NotRate)
    }

    /// "rose 10 percent", "cut 5 pct": a change (but "rose to up to 25 percent" is a level).
    fn after_change_verb(&self) -> Option<Judged> {
        (LISTS.change_verbs.contains(&self.before) && !self.up_to).then_some(Judged::NotRate)
    }

    /// A level stated for something: "to 25 percent", "at 9.8 percent", "is 20 percent",
    /// "25 percent on steel". Whose level it is, the nearest noun before says.
    fn stated_level(&self) -> Option<Judged> {
        let (first, k, before) = (self.first, self.k, self.before);
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
                self.word(i) == "average"
                    && i > 0
                    && !matches!(
                        self.word(i - 1),
                        "a" | "an" | "the" | "on" | "of" | "by" | "weighted" | "simple"
                    )
            });
        let level = level_word(self.word(first.saturating_sub(1)))
            || level_word(before)
            || averages
            || matches!(self.word(self.last + 1), "on" | "for" | "in")
            || self.up_to;
        level.then(|| match owner_before(self.tokens, self.tariff_at, first) {
            Judged::Open => Judged::Level,
            other => other,
        })
    }
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
