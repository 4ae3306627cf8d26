//! Who a singular "he" or "she" stands for: the person the passage is about, not simply the
//! last name written.
//!
//! The candidates are the people of a fitting gender named, or quoted as sources, before the
//! pronoun in its own paragraph and in the paragraph before, and the sources of attributions
//! there that named no one ("the Tory leader argued"). Each mention is ranked by how it stands
//! in its sentence: the source of an attribution; a name opening the sentence; a name opening a
//! later clause; a name standing anywhere else (an object, an appositive, after a preposition);
//! an owner ("Mr Bush's first task"), though an owner opening the sentence ranks as a clause's
//! subject ("Sanders's role is under discussion, but he has said"). A name inside quote marks or inside words attributed to
//! someone is no candidate.
//!
//! The latest sentence holding a source or a subject decides, its best rank first, and of two
//! sources in it the later ("Trump said ..., and Lu said ..."); two people of that rank in it
//! leave the pronoun unresolved rather than a guess ("Peter Grant and Jim Hale left early.
//! '...,' he said"). With no source or subject in reach, the one person of known gender named
//! there in another way ("The plan was welcomed by Peter Grant"; not "his fellow Oromos", nor an
//! owner); with none of these, the latest of the last fitting person who spoke within the longer
//! reach (a run of quote paragraphs after the one that named the speaker) and the last fitting
//! person opening a clause there.

use super::super::lexicon::Class;
use super::super::names::Gender;
use super::super::source::SourceKind;
use super::super::speaker_name::{self, SpeakerKind};
use super::super::text::flag;
use super::{REACH, Resolved, Resolver};

/// Who a singular "he" or "she" stands for.
pub(super) enum Antecedent {
    /// A registered person.
    Person(usize),
    /// The source of an attribution that named no registered person ("the Tory leader
    /// argued ...", "said Han Jun").
    Source(Resolved),
    /// No one, or two people nothing tells apart.
    Unknown,
}

/// How a mention stands in its sentence, the weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    /// "Mr Bush's first task".
    Owner,
    /// An object, an appositive, a name after a preposition.
    Other,
    /// Opening a clause after the first ("..., and Mr Milburn is taking that role").
    Clause,
    /// Opening the sentence ("Mr Blair held talks with ...").
    Opening,
    /// The source of an attribution.
    Source,
}

/// Who a candidate is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    /// A registered person.
    Person(usize),
    /// The attribution of this index in the history, whose source named no registered person.
    Unnamed(usize),
}

/// A candidate for a pronoun.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    at: usize,
    sent: usize,
    rank: Rank,
    who: Who,
    gender: Gender,
}

impl Resolver<'_, '_> {
    /// Who a singular "he" or "she" at `pos` stands for (see the module doc).
    /// `phrase` is where the pronoun stands: after a comma or a quote (`"...," he said`) the
    /// words of its own sentence before it are what it said, so candidates only when no one
    /// before that sentence is.
    pub(super) fn antecedent(&self, pos: usize, phrase: usize, gender: Gender) -> Antecedent {
        let doc = self.doc;
        let Some(now) = doc.toks.get(pos).map(|_| doc.sent_of(pos)) else {
            return Antecedent::Unknown;
        };
        let postposed = phrase > 0
            && phrase < doc.toks.len()
            && (doc.toks[phrase - 1].is_punct(',') || doc.toks[phrase - 1].in_quote());
        let floor_para = doc.sents[now].para.saturating_sub(1);
        let subjects: Vec<usize> = self
            .reg
            .mentions_before(pos, REACH, true)
            .map(|(at, _)| at)
            .collect();
        let mut cands = self.source_candidates(pos, floor_para, gender, &subjects);
        let (named, own_words) = self.mention_candidates(pos, floor_para, gender, &subjects);
        cands.extend(named);
        keep_deciding_sentence(&mut cands, postposed, now);
        if cands.is_empty() {
            if own_words.is_empty() {
                return self.last_speaker(pos, gender);
            }
            cands = own_words;
        }
        keep_best_ranked(&mut cands);
        match self.one_of(&cands) {
            Some(Who::Person(p)) => Antecedent::Person(p),
            Some(Who::Unnamed(i)) => Antecedent::Source(self.history[i].1.clone()),
            None => Antecedent::Unknown,
        }
    }

    /// Whether a mention at `at` is before the pronoun at `pos`, within reach and in its
    /// paragraph or the one before (`floor_para`).
    fn in_reach(&self, at: usize, pos: usize, floor_para: usize) -> bool {
        let doc = self.doc;
        at < pos && pos - at <= REACH && doc.sents[doc.sent_of(at)].para >= floor_para
    }

    /// The sources of attributions in reach that fit `gender`: a registered person, or one
    /// the source stands for though it named no one ("the Tory leader argued").
    fn source_candidates(
        &self,
        pos: usize,
        floor_para: usize,
        gender: Gender,
        subjects: &[usize],
    ) -> Vec<Candidate> {
        let mut cands = Vec::new();
        for (i, (at, r)) in self.history.iter().enumerate() {
            if !self.in_reach(*at, pos, floor_para) {
                continue;
            }
            let (who, g) = match r.person {
                Some(p) => (Who::Person(p), self.reg.people[p].gender),
                None if self.unnamed_person(*at, r) => {
                    match self.unnamed_is_named(*at, gender, subjects) {
                        Some(p) => (Who::Person(p), self.reg.people[p].gender),
                        None => (Who::Unnamed(i), r.gender),
                    }
                }
                None => continue,
            };
            if gender.fits(g) {
                cands.push(Candidate {
                    at: *at,
                    sent: self.doc.sent_of(*at),
                    rank: Rank::Source,
                    who,
                    gender: g,
                });
            }
        }
        cands
    }

    /// The people of a fitting gender named in reach outside anyone's words, and apart, the
    /// subjects inside the pronoun's own words: the last resort, as "In Louisville, Ms.
    /// Nwanguma was shocked by the crowd, she said" opening a passage.
    fn mention_candidates(
        &self,
        pos: usize,
        floor_para: usize,
        gender: Gender,
        subjects: &[usize],
    ) -> (Vec<Candidate>, Vec<Candidate>) {
        let doc = self.doc;
        let mut named = Vec::new();
        let mut own_words = Vec::new();
        for (at, p) in self.reg.mentions_before(pos, REACH, false) {
            if !self.in_reach(at, pos, floor_para) {
                break;
            }
            let g = self.reg.people[p].gender;
            if !gender.fits(g) {
                continue;
            }
            let c = Candidate {
                at,
                sent: doc.sent_of(at),
                rank: self.rank(at, subjects.contains(&at)),
                who: Who::Person(p),
                gender: g,
            };
            let own = self.quote.iter().any(|q| q.contains(&at));
            if !self.said(at) {
                named.push(c);
            } else if own && !doc.toks[at].in_quote() && c.rank >= Rank::Clause {
                own_words.push(c);
            }
        }
        (named, own_words)
    }

    /// The one candidate of `cands`; `None` when there are two that nothing tells apart.
    fn one_of(&self, cands: &[Candidate]) -> Option<Who> {
        let first = cands.first()?.who;
        cands.iter().all(|c| c.who == first).then_some(first)
    }

    /// Does attribution `r` at cue `at`, resolved to no registered person, still stand for
    /// one ("the Tory leader", "Han Jun", "a Department for Work and Pensions spokeswoman", a
    /// "he" nothing decided)?
    fn unnamed_person(&self, at: usize, r: &Resolved) -> bool {
        let role_head = || {
            self.phrases
                .iter()
                .rev()
                .find(|(p, _)| *p == at)
                .and_then(|(_, ph)| ph.end.checked_sub(1))
                .is_some_and(|k| self.doc.toks[k].is(Class::ROLE))
        };
        match r.kind {
            Some(SourceKind::RoleMention) => true,
            Some(SourceKind::Pronoun) => r.gender != Gender::Unknown,
            Some(SourceKind::Generic) => role_head(),
            Some(SourceKind::Named | SourceKind::Person) => r.speaker.as_deref().is_some_and(|s| {
                (2..=3).contains(&s.split(' ').count())
                    && matches!(
                        speaker_name::classify(s),
                        Ok(SpeakerKind::Person | SpeakerKind::Name)
                    )
            }),
            _ => false,
        }
    }

    /// The person an attribution at cue `at` whose source named no registered person stands
    /// for all the same: a name the source's words follow after a comma ("Bergsten, now the
    /// director of the institute, said"), the name opening its sentence before the source's
    /// words ("Peter Misselbrook, executive partner of Tods Murray said"), else, for an office
    /// given with "the" ("the Tory leader will argue"), the source just before it when that is
    /// a person.
    fn unnamed_is_named(&self, at: usize, gender: Gender, subjects: &[usize]) -> Option<usize> {
        let doc = self.doc;
        let phrase = self
            .phrases
            .iter()
            .rev()
            .find(|(p, _)| *p == at)
            .map(|(_, r)| r.clone())?;
        let sent = doc.sents[doc.sent_of(at)].toks.clone();
        // "Bergsten, now the director of the institute, said": a name the source's words
        // follow, set off by a comma.
        let near = self
            .reg
            .mentions_before(phrase.end, phrase.len() + 6, false)
            .filter(|&(k, _)| k >= sent.start && !self.said(k))
            .find(|&(k, p)| {
                k < phrase.start
                    && (k..phrase.start).any(|j| doc.toks[j].is_punct(','))
                    && (k..phrase.start).all(|j| !doc.toks[j].is(Class::CUE))
                    && gender.fits(self.reg.people[p].gender)
            });
        if let Some((_, p)) = near {
            return Some(p);
        }
        let before = phrase.start.min(at);
        let opener = self
            .reg
            .mentions_before(before, before.saturating_sub(sent.start), true)
            .filter(|&(k, _)| k >= sent.start && !self.said(k))
            .find(|&(k, p)| {
                subjects.contains(&k)
                    && self.opens_sentence(k)
                    && gender.fits(self.reg.people[p].gender)
            });
        if let Some((_, p)) = opener {
            return Some(p);
        }
        if !doc.is_word(phrase.start, "the") {
            return None;
        }
        // "Ms Kelly told the BBC ... The minister also confirmed": an office given with "the"
        // that named no one is the source before it, when that is a person.
        let (_, before) = self.recent_history(at).find(|(k, r)| {
            *k < at && (r.person.is_some() || r.person.is_none() && self.unnamed_person(*k, r))
        })?;
        before
            .person
            .filter(|&p| gender.fits(self.reg.people[p].gender))
    }

    /// Is token `k` inside quote marks or inside words attributed to someone?
    fn said(&self, k: usize) -> bool {
        self.doc.toks[k].in_quote()
            || self.quote.iter().any(|q| q.contains(&k))
            || self.spoken.iter().any(|q| q.contains(&k))
    }

    /// How the mention at `at` stands in its sentence; `subject` when it opens a clause.
    fn rank(&self, at: usize, subject: bool) -> Rank {
        let doc = self.doc;
        // The name's words, up to and including a possessive one.
        let mut k = at;
        while k < doc.toks.len()
            && doc.toks[k].is_word()
            && (doc.toks[k].is_cap() || doc.toks[k].is(Class::HONORIFIC))
        {
            if doc.toks[k].has(flag::POSSESSIVE) {
                // "Sanders's role is under discussion, but he has said": an owner opening
                // the sentence is what it is about.
                return if self.opens_sentence(at) {
                    Rank::Clause
                } else {
                    Rank::Owner
                };
            }
            k += 1;
        }
        if self.opens_sentence(at) {
            Rank::Opening
        } else if subject {
            Rank::Clause
        } else {
            Rank::Other
        }
    }

    /// Does the name at `at` open its sentence, with nothing before it but its own titles and
    /// words ("The Lord Chancellor, Lord Falconer,"), a sentence adverb or "and" ("But Mr Blair",
    /// "Tony Blair and Gordon Brown")?
    fn opens_sentence(&self, at: usize) -> bool {
        let doc = self.doc;
        let start = doc.sents[doc.sent_of(at)].toks.start;
        let mut k = at;
        while k > start && at - k < 8 {
            let t = &doc.toks[k - 1];
            let fits = t.is_punct(',')
                || t.is_word()
                    && !t.is(Class::PREP)
                    && (t.is_cap()
                        || t.is(Class::DET
                            | Class::ROLE_ANY
                            | Class::HONORIFIC
                            | Class::SENTENCE_WORD
                            | Class::ADVERB
                            | Class::CONJ));
            if !fits {
                return false;
            }
            k -= 1;
        }
        k == start
    }

    /// With no one in reach: the latest of the last fitting person who spoke within [`REACH`]
    /// and the last fitting person opening a clause there.
    fn last_speaker(&self, pos: usize, gender: Gender) -> Antecedent {
        let fits = |p: usize| gender.fits(self.reg.people[p].gender);
        let spoke = self
            .recent_history(pos)
            .filter(|(at, _)| *at < pos)
            .find_map(|(at, r)| r.person.filter(|&p| fits(p)).map(|p| (*at, p)));
        let named = self
            .reg
            .mentions_before(pos, REACH, true)
            .filter(|&(at, _)| !self.said(at))
            .find(|&(_, p)| fits(p));
        match (spoke, named) {
            (Some(s), Some(n)) => Antecedent::Person(if n.0 > s.0 { n.1 } else { s.1 }),
            (Some((_, p)), None) | (None, Some((_, p))) => Antecedent::Person(p),
            (None, None) => Antecedent::Unknown,
        }
    }
}

/// Keeps the candidates of the sentence that decides: the latest with a source or a subject,
/// else the one person of known gender named in another way ("The plan was welcomed by Peter
/// Grant"). `now` is the pronoun's sentence, `postposed` whether the pronoun follows its
/// words there.
fn keep_deciding_sentence(cands: &mut Vec<Candidate>, postposed: bool, now: usize) {
    // After its words, a name in the pronoun's own sentence counts only when nothing
    // before it does: "Mr Blair has the same passion, he said" after Alan Milburn spoke,
    // but "In Louisville, Ms. Nwanguma was shocked, she said" opening a passage. (A source
    // there still counts: "While Comey said ..., he said ...".)
    if postposed
        && cands
            .iter()
            .any(|c| c.sent != now && c.rank >= Rank::Clause)
    {
        cands.retain(|c| c.sent != now || c.rank == Rank::Source);
    }
    match cands
        .iter()
        .filter(|c| c.rank >= Rank::Clause)
        .map(|c| c.sent)
        .max()
    {
        Some(s) => cands.retain(|c| c.sent == s),
        None => cands.retain(|c| c.rank == Rank::Other && c.gender != Gender::Unknown),
    }
}

/// Keeps the candidates of the best rank; of two sources in one sentence, the later, who
/// spoke last ("Trump said ..., and Lu said").
fn keep_best_ranked(cands: &mut Vec<Candidate>) {
    let top = cands.iter().map(|c| c.rank).max();
    cands.retain(|c| Some(c.rank) == top);
    if top == Some(Rank::Source)
        && let Some(last) = cands.iter().map(|c| c.at).max()
    {
        cands.retain(|c| c.at == last);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::last;

    #[test]
    fn he_is_the_subject_of_the_sentence_before_not_its_objects() {
        for (body, want) in [
            // Two people named in appositions after the one who held the talks.
            (
                "Mr Blair held talks with his Israeli counterpart, Ariel Sharon, and the \
                 Palestinian leader, Mahmoud Abbas. He said a conference would follow in March.",
                "Blair",
            ),
            // The sentence opener over a person named after a preposition.
            (
                "Finance Minister Karl Brandt flew to Paris with Peter Olsen on Monday. \
                 \"The talks were useful,\" he said.",
                "Karl Brandt",
            ),
            // A title and an apposition before the name still open the sentence.
            (
                "The union's chairman, Jim Hale, met the board on Friday. The changes \
                 proposed by Peter Grant were too complex, he said.",
                "Jim Hale",
            ),
            // An owner is no subject.
            (
                "Jim Hale, the union leader, met managers. Mr Grant's offer was too low, \
                 he said.",
                "Jim Hale",
            ),
        ] {
            assert_eq!(last(body).as_deref(), Some(want), "{body}");
        }
    }

    #[test]
    fn he_is_the_source_quoted_last_when_no_one_is_the_subject_since() {
        for (body, want) in [
            // A source named with no title or known given name.
            (
                "Trade tensions will ease, said Tu Xinquan, director of a trade institute.\n\n\
                 \"Countries are aware of the risk,\" he said.",
                "Tu Xinquan",
            ),
            // A paragraph that names no one between the source and the pronoun.
            (
                "\"Exports will recover,\" said Peter Olsen, an economist at a bank.\n\n\
                 Exports fell 4 percent in March from a year earlier.\n\n\
                 He said imports would rise later in the year.",
                "Peter Olsen",
            ),
        ] {
            assert_eq!(last(body).as_deref(), Some(want), "{body}");
        }
    }

    #[test]
    fn a_later_subject_takes_the_pronoun_from_an_earlier_source() {
        let body = "\"We will not move,\" said Jim Hale, the union leader.\n\n\
                    Peter Grant, the chief executive, has offered a new deal. He said the \
                    offer was final.";
        assert_eq!(last(body).as_deref(), Some("Peter Grant"));
    }

    #[test]
    fn two_people_of_one_gender_that_nothing_tells_apart_leave_he_empty() {
        for body in [
            // Two subjects of one sentence.
            "Peter Grant and Jim Hale left the meeting early. \"There is nothing to add,\" \
             he said.",
            // Two objects and no subject.
            "The plan was welcomed by Peter Grant and by Jim Hale. \"It is a start,\" he said.",
        ] {
            assert_eq!(last(body), None, "{body}");
        }
    }

    #[test]
    fn a_known_gender_decides_between_two_subjects() {
        let body = "Maria Lopez and Peter Grant left the meeting early. \"There is nothing \
                    to add,\" she said.";
        assert_eq!(last(body).as_deref(), Some("Maria Lopez"));
    }

    #[test]
    fn an_unnamed_source_before_the_pronoun_stands_for_it() {
        // The official who spoke in the paragraph before, not the person named as an owner.
        let body = "A bank official said the rise came from the surplus with Peter Grant's \
                    firm.\n\nHe said the deficit on services had narrowed.";
        assert_eq!(last(body), None);
    }

    #[test]
    fn of_two_sources_in_one_sentence_the_later_spoke_last() {
        let body = "President Donald Trump said on Sunday he would help the firm, and Lu Kang \
                    said China welcomed the remark. He said the two sides kept in close touch.";
        assert_eq!(last(body).as_deref(), Some("Lu Kang"));
    }

    #[test]
    fn words_before_a_pronoun_after_them_are_what_it_said() {
        // The person named in the words is not who said them, when someone spoke before.
        let body = "The prime minister's enthusiasm is undimmed, Alan Milburn told the radio \
                    programme. Mr Blair has the same passion for the job, he said.";
        assert_eq!(last(body).as_deref(), Some("Alan Milburn"));
        // Opening a passage, the name in the words is the only one there.
        let body = "In Louisville, Ms. Nwanguma was shocked by the crowd, she said.";
        assert_eq!(last(body).as_deref(), Some("Nwanguma"));
    }

    #[test]
    fn a_source_earlier_in_the_pronouns_sentence_still_counts() {
        let body = "Peter Grant and Jim Hale sent a letter on Monday.\n\nWhile Tom Reyes \
                    said the plan was careless, he said there was no case to answer.";
        assert_eq!(last(body).as_deref(), Some("Tom Reyes"));
    }

    #[test]
    fn an_office_given_with_the_after_a_named_source_is_that_person() {
        let body = "Ms Kelly told the BBC progress had been made. The minister also \
                    confirmed she had support from friends. But she denied it changed her work.";
        assert_eq!(last(body).as_deref(), Some("Kelly"));
    }
}
