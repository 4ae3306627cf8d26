//! Who imposes a rate on whom: the countries of the sentence, read by the words before them
//! ("by Washington", "on Chinese goods", "imports from China").

use super::percent::Percent;
use super::tokens::Token;
use super::words::LISTS;
use crate::enrich::countries::{CountryCode, Hit, Kind};

/// What each country of a sentence is, whatever the rate: named right after "by" (the
/// imposer of a rate before it), or a target by the words before it ("on Chinese goods",
/// "imports from China"). Worked out once a sentence, not once a rate: a sentence may state
/// thousands of rates (a table run together).
pub(super) struct Roles {
    after_by: Vec<bool>,
    target: Vec<bool>,
}

impl Roles {
    pub(super) fn of(sentence: &str, tokens: &[Token], hits: &[Hit]) -> Roles {
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
pub(super) fn parties(
    hits: &[Hit],
    roles: &Roles,
    p: &Percent,
) -> (Option<CountryCode>, Option<CountryCode>) {
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
