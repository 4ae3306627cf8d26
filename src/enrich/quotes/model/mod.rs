//! A learned attribution tagger: an averaged perceptron that tags each token as part of a
//! source, a cue or a content span (BIO), trained on PolNeAR's annotations.
//!
//! Takes a [`Doc`] and the attributions the rules found, and gives the attributions the rules
//! missed: each content span the model tags, with the nearest cue it tags and its source:
//! the one the rules read for that speech verb where they take it as a cue, else the source
//! the model tags nearest the cue. The rules' decisions are features, so the model learns
//! where to trust them; its output never overlaps theirs, because the rules are better at
//! what they do find (direct quotes above all). A verb of thinking or one with other senses
//! keeps the speech-verb list's condition (a source that can speak, or a "that" clause or
//! quote). Sources go through the same resolution as the rules' sources.
//!
//! - [`features`]: each token's features, hashed into the rows of the weight table.
//! - [`brat`]: reading the brat standoff annotations the model learns from.
//! - [`train`]: the perceptron's training, and the model file it writes.
//!
//! The model is `data/attribution.model`, compiled in; `examples/train_attribution.rs` makes
//! it. `NEWSDEX_ATTRIBUTION=rules` (or `model`) turns the model off (or the rules' output
//! off), to compare them.

pub mod brat;
mod features;
pub mod train;

use std::ops::Range;
use std::sync::OnceLock;

use super::found::{At, Found};
use super::lexicon::{Class, CueClass};
use super::source;
use super::text::{Doc, Kind, flag};
use super::{subject, verb};
use features::{Features, ROWS};

/// A token's tag: outside, or the beginning or inside of a source, cue or content span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Tag {
    O = 0,
    BSource = 1,
    ISource = 2,
    BCue = 3,
    ICue = 4,
    BContent = 5,
    IContent = 6,
}

/// Tags in their numeric order.
const TAGS: [Tag; 7] = [
    Tag::O,
    Tag::BSource,
    Tag::ISource,
    Tag::BCue,
    Tag::ICue,
    Tag::BContent,
    Tag::IContent,
];

/// Weights per row: one per tag, padded to eight.
const STRIDE: usize = 8;

/// One row of the weight table: a weight per tag, aligned so the row is one load.
#[derive(Debug, Clone, Copy, Default)]
#[repr(align(16))]
struct Row([i16; STRIDE]);

impl Tag {
    /// May this tag follow `prev`? An inside tag continues a span of its own role.
    fn follows(self, prev: Tag) -> bool {
        match self {
            Tag::ISource => matches!(prev, Tag::BSource | Tag::ISource),
            Tag::ICue => matches!(prev, Tag::BCue | Tag::ICue),
            Tag::IContent => matches!(prev, Tag::BContent | Tag::IContent),
            _ => true,
        }
    }

    /// The role of the span the tag is part of.
    fn role(self) -> Option<brat::Role> {
        match self {
            Tag::O => None,
            Tag::BSource | Tag::ISource => Some(brat::Role::Source),
            Tag::BCue | Tag::ICue => Some(brat::Role::Cue),
            Tag::BContent | Tag::IContent => Some(brat::Role::Content),
        }
    }

    fn begins(self) -> bool {
        matches!(self, Tag::BSource | Tag::BCue | Tag::BContent)
    }
}

/// The magic bytes that start a model file, with its format version.
const MAGIC: &[u8; 8] = b"NDXATT01";

/// A model file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    #[error("not an attribution model (bad magic bytes)")]
    BadMagic,
    #[error("the model was built for {found}-bit feature rows, this build reads {want}")]
    Rows { found: u32, want: u32 },
    #[error("the model file ends early")]
    Truncated,
    #[error("row {0} lies outside the weight table")]
    BadRow(u32),
}

/// A trained tagger: one weight per feature row and tag.
pub struct Model {
    /// `ROWS` rows of `STRIDE` weights, quantised; a row is one aligned load.
    weights: Vec<Row>,
}

impl Model {
    /// Read a model file: the magic, the row bits, the row count, then each row that has a
    /// weight, as its index and seven little-endian `i16`s.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader(bytes);
        if r.take(8)? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let bits = r.u32()?;
        if bits != features::BITS {
            return Err(ModelError::Rows {
                found: bits,
                want: features::BITS,
            });
        }
        let count = r.u32()?;
        let mut weights = vec![Row::default(); ROWS];
        for _ in 0..count {
            let row = r.u32()?;
            if row as usize >= ROWS {
                return Err(ModelError::BadRow(row));
            }
            for w in &mut weights[row as usize].0[..TAGS.len()] {
                *w = r.i16()?;
            }
        }
        Ok(Model { weights })
    }

    /// The model file's bytes (rows without weights are left out).
    pub fn to_bytes(&self) -> Vec<u8> {
        let rows: Vec<usize> = (0..ROWS)
            .filter(|&r| self.weights[r].0.iter().any(|&w| w != 0))
            .collect();
        let mut out = Vec::with_capacity(16 + rows.len() * (4 + 2 * TAGS.len()));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&features::BITS.to_le_bytes());
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for r in rows {
            out.extend_from_slice(&(r as u32).to_le_bytes());
            for &w in &self.weights[r].0[..TAGS.len()] {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }

    /// The tag of each token, left to right, each chosen knowing the two before it.
    ///
    /// The static rows' sums come first, for every token: they do not depend on the tags
    /// chosen, and apart from the decoder's hard-to-predict branches the table reads (most
    /// of them cache misses) overlap. The sums are of integers, so their order does not
    /// change the scores.
    fn tag(&self, feats: &Features) -> Vec<Tag> {
        let n = feats.len();
        // The sums of the active tokens alone, in order: a zeroed table of every token's
        // would cost more to allocate than most articles' sums.
        let active = || (0..n).filter(|&i| feats.active(i));
        let mut base = Vec::with_capacity(active().count());
        // The rows of the next active token are fetched while this one's are summed.
        let mut ahead = active().skip(1);
        for i in active() {
            if let Some(next) = ahead.next() {
                for &r in feats.of(next) {
                    self.prefetch(r);
                }
            }
            let mut sum = [0i32; STRIDE];
            for &r in feats.of(i) {
                self.add_row(&mut sum, r);
            }
            base.push(sum);
        }
        let mut tags = Vec::with_capacity(n);
        let (mut prev, mut prev2) = (Tag::O, Tag::O);
        let mut sums = base.iter();
        for i in 0..n {
            if !feats.active(i) {
                tags.push(Tag::O);
                (prev, prev2) = (Tag::O, Tag::O);
                continue;
            }
            let base = sums.next().expect("a sum for each active token");
            // The word-and-tag row of the next token, for the two tags most tokens take.
            if i + 1 < n && feats.active(i + 1) {
                for t in [Tag::O, Tag::IContent] {
                    self.prefetch(feats.word_row(i + 1, t));
                }
            }
            let mut score = *base;
            for r in feats.history(i, prev, prev2) {
                self.add_row(&mut score, r);
            }
            let t = best(&score, prev);
            tags.push(t);
            prev2 = prev;
            prev = t;
        }
        tags
    }

    /// Ask for row `r` to be brought into the cache.
    #[inline]
    fn prefetch(&self, r: u32) {
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
            // No bounds check: the address is only a hint (rows are below `ROWS` anyway).
            let p = self.weights.as_ptr().wrapping_add(r as usize).cast();
            // SAFETY: a prefetch only hints the cache; it reads nothing and cannot fault,
            // whatever the address.
            unsafe { _mm_prefetch::<_MM_HINT_T0>(p) };
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = r;
    }

    /// Add row `r`'s weights to `score`.
    #[inline]
    fn add_row(&self, score: &mut [i32; STRIDE], r: u32) {
        let w = self.weights[r as usize].0.map(i32::from);
        for k in 0..STRIDE {
            score[k] += w[k];
        }
    }
}

/// The highest-scoring tag that may follow `prev` (the first on a tie).
fn best<S: PartialOrd + Copy>(score: &[S], prev: Tag) -> Tag {
    let mut out = Tag::O;
    for &t in &TAGS[1..] {
        if t.follows(prev) && score[t as usize] > score[out as usize] {
            out = t;
        }
    }
    out
}

/// Reads little-endian numbers off the front of a byte slice.
struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], ModelError> {
        if self.0.len() < n {
            return Err(ModelError::Truncated);
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn i16(&mut self) -> Result<i16, ModelError> {
        let b = self.take(2)?;
        Ok(i16::from_le_bytes([b[0], b[1]]))
    }
}

/// The model compiled into the binary (or the file `NEWSDEX_ATTRIBUTION_MODEL` names, to try
/// a new one without a rebuild), read once; `None` when it cannot be read (the rules then
/// work alone).
fn builtin() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL
        .get_or_init(|| match std::env::var_os("NEWSDEX_ATTRIBUTION_MODEL") {
            Some(path) => std::fs::read(path)
                .ok()
                .and_then(|b| Model::from_bytes(&b).ok()),
            None => Model::from_bytes(include_bytes!("../../../../data/attribution.model")).ok(),
        })
        .as_ref()
}

/// Which attributions are kept: the rules', the model's, or both (the default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Rules,
    Model,
    Both,
}

/// The mode `NEWSDEX_ATTRIBUTION` asks for (`rules`, `model`, `both`); both by default.
/// The crate's unit tests default to the rules alone: their sentence tables pin down what the
/// rules do, and the model's own tests call it directly.
fn mode() -> Mode {
    static MODE: OnceLock<Mode> = OnceLock::new();
    *MODE.get_or_init(|| match std::env::var("NEWSDEX_ATTRIBUTION").as_deref() {
        Ok("rules") => Mode::Rules,
        Ok("model") => Mode::Model,
        Ok("both") => Mode::Both,
        _ if cfg!(test) => Mode::Rules,
        _ => Mode::Both,
    })
}

/// Where an attribution of [`with_rules`] comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    Rules,
    /// The model's, in a sentence where the rules found no content.
    Model,
    /// The model's, beside content the rules found in its sentence: kept only when its
    /// source resolves to a speaker (see `attributions_of`).
    ModelBeside,
}

/// The rules' attributions of `doc` with the model's added where they share no content
/// word, in order of their cues, with where each comes from; `inherit` indexes are kept
/// pointing at the same attributions.
pub(super) fn with_rules(doc: &Doc, rules: Vec<Found>) -> (Vec<Found>, Vec<Origin>) {
    let mode = mode();
    let Some(model) = builtin().filter(|_| mode != Mode::Rules) else {
        let n = rules.len();
        return (rules, vec![Origin::Rules; n]);
    };
    if mode == Mode::Model {
        let extra: Vec<Found> = attributions(model, doc, &rules, false)
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        let n = extra.len();
        return (extra, vec![Origin::Model; n]);
    }
    let extra = attributions(model, doc, &rules, true);
    merge(rules, extra)
}

/// The model's attributions of `doc`, reading the rules' attributions `rules` as features;
/// with `apart`, only those that share no content token with `rules`, each marked by
/// whether it lies in a sentence where the rules found content.
fn attributions(model: &Model, doc: &Doc, rules: &[Found], apart: bool) -> Vec<(Found, Origin)> {
    let feats = features::extract(doc, rules, apart);
    let tags = model.tag(&feats);
    let mut taken = vec![false; doc.toks.len()];
    let mut ruled = vec![false; doc.sents.len()];
    for f in rules.iter().filter(|_| apart) {
        for p in &f.parts {
            taken[p.clone()].iter_mut().for_each(|t| *t = true);
            if !p.is_empty() {
                ruled[doc.sent_of(p.start)..=doc.sent_of(p.end - 1)].fill(true);
            }
        }
    }
    link(doc, &tags, &ruled)
        .into_iter()
        .filter(|(f, _)| !f.parts.iter().any(|p| taken[p.clone()].contains(&true)))
        .collect()
}

/// How far (in tokens between them) a content span looks for its cue, and a cue for its
/// source; both stay in one paragraph.
const CUE_REACH: usize = 40;
const SOURCE_REACH: usize = 12;
/// The fewest words a statement of the model's has.
const MIN_WORDS: usize = 4;

/// The spans of `tags`, by role, as token ranges.
fn spans(tags: &[Tag]) -> Vec<(brat::Role, Range<usize>)> {
    let mut out: Vec<(brat::Role, Range<usize>)> = Vec::new();
    for (i, t) in tags.iter().enumerate() {
        let Some(role) = t.role() else { continue };
        match out.last_mut() {
            Some((r, span)) if !t.begins() && *r == role && span.end == i => span.end = i + 1,
            _ => out.push((role, i..i + 1)),
        }
    }
    out
}

/// Tokens between two spans (0 when they touch or overlap).
fn gap(a: &Range<usize>, b: &Range<usize>) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// Attributions from the tagged spans: each content span takes the nearest cue in its
/// paragraph, the cue the nearest source; content spans that share a cue in one sentence are
/// the parts of one statement (`The plan, he said, would fail`). A statement in a sentence
/// `ruled` marks (the rules found content there) is [`Origin::ModelBeside`].
fn link(doc: &Doc, tags: &[Tag], ruled: &[bool]) -> Vec<(Found, Origin)> {
    let spans = spans(tags);
    let para = |k: usize| doc.sents.get(doc.sent_of(k)).map(|s| s.para);
    // The paragraph test (two binary searches) comes after the cheap ones.
    let nearest = |role: brat::Role, to: &Range<usize>, reach: usize| {
        let to_para = para(to.start);
        spans
            .iter()
            .filter(|(r, s)| *r == role && gap(s, to) <= reach && para(s.start) == to_para)
            .min_by_key(|(_, s)| (gap(s, to), s.start))
            .map(|(_, s)| s.clone())
    };
    let mut out: Vec<(Found, Origin)> = Vec::new();
    for (role, content) in &spans {
        if *role != brat::Role::Content || !content.clone().any(|k| doc.toks[k].is_word()) {
            continue;
        }
        let Some(cue) = nearest(brat::Role::Cue, content, CUE_REACH) else {
            continue;
        };
        let sent = doc.sent_of(content.start);
        if let Some((f, _)) = out
            .iter_mut()
            .find(|(f, _)| f.cue == cue.start && f.sent == sent)
        {
            f.parts.push(content.clone());
            f.kind = super::content::kind_of(doc, &f.parts);
            continue;
        }
        // The source: where the rules read one for the same speech verb, theirs (the rules
        // parse a source phrase better than the tagger bounds one); else the one the model
        // tags nearest the cue, if it is in the cue's sentence (one in the sentence before
        // is most often another statement's: on PolNeAR train folds the model's speakers
        // were right 0.2 points more often without those).
        let beside = ruled.get(sent).copied().unwrap_or(false);
        let source = rules_source(doc, &cue).or_else(|| {
            nearest(brat::Role::Source, &cue, SOURCE_REACH)
                .filter(|s| doc.sent_of(s.start) == doc.sent_of(cue.start))
                .map(|s| trim_punct(doc, s))
                .filter(|s| !s.is_empty())
                .map(|s| tagged_source(doc, s, &cue))
        });
        // A statement the model finds no source for is left out: it would be a quote with no
        // speaker or a guessed one (on PolNeAR dev, keeping them gains 0.011 quote F1 and
        // loses 0.03 speaker accuracy and 0.002 attributed F1).
        let Some(source) = source else {
            continue;
        };
        // On PolNeAR dev (in-sample) the rules' source lifts the model's speaker accuracy
        // from 0.855 to 0.906; the speech-verb condition costs 0.003 quote F1 and keeps
        // the objects of non-speech senses out.
        if !speech_cue(doc, &cue, content, &source) {
            continue;
        }
        // Beside the rules' statement, a phrase with no mark of a clause is most often the
        // object of a verb the source did besides speaking ("Rubio acknowledged the
        // concerns but said ..."), unless the cue is a verb of judging, whose object is what
        // it reports ("praised her record", "cited trade as his main issue").
        if beside && !clause_like(doc, content) && !judges(doc, &cue, &source) {
            continue;
        }
        let found = Found::new(
            doc,
            Some(source),
            None,
            vec![content.clone()],
            sent,
            cue.start,
        );
        let origin = if beside {
            Origin::ModelBeside
        } else {
            Origin::Model
        };
        out.push((found, origin));
    }
    // A few words are a fragment the tagger cut short, or an object ("drew criticism"),
    // not a statement worth a quote of its own.
    out.retain(|(f, _)| {
        let words = f.parts.iter().flat_map(|p| p.clone());
        words.filter(|&k| doc.toks[k].is_word()).count() >= MIN_WORDS
    });
    out
}

/// Does the cue `cue` give results as figures ("AMR reported a loss of $387m"): a noun phrase
/// that names one right after it, whatever span the tagger took for its content?
fn reports_results(doc: &Doc, cue: &Range<usize>) -> bool {
    let end = doc.sents[doc.sent_of(cue.start)].toks.end;
    let after = cue.end..end;
    !after.is_empty()
        && !super::content::has_own_verb(doc, &after)
        && super::content::names_result(doc, &after)
}

/// Does the cue `cue` report the content `content` as speech? As the speech-verb list has
/// it, a verb of thinking or one with other senses ("found", "threatens", "added") is taken
/// with a content after it only when its source can speak, or the content is a "that"
/// clause or quoted: "A neighbour found the dog near the river" and "The region added about
/// 12,000 jobs" report nothing.
fn speech_cue(
    doc: &Doc,
    cue: &Range<usize>,
    content: &Range<usize>,
    source: &source::Source,
) -> bool {
    let Some(c) = cue.clone().find_map(|k| doc.toks[k].cue) else {
        return true;
    };
    // (Before any content is looked at: the tagger may cut the words after the verb into
    // pieces and take one before it.)
    if c.figures && reports_results(doc, cue) {
        return false;
    }
    if content.end <= cue.start {
        return true;
    }
    let marked = content
        .clone()
        .any(|k| matches!(doc.toks[k].kind, Kind::Mark(_)) || doc.is_word(k, "that"));
    // "added a power-play goal": the object of a verb's other sense, whoever the source.
    let bare_np = !marked && !super::content::has_own_verb(doc, content);
    if bare_np && c.np {
        return false;
    }
    if !(c.class == CueClass::Weak || c.loose) {
        return true;
    }
    subject::speaks(source) || marked
}

/// Is the cue `cue` a verb of judging (the speech-verb list's `[object]` section: "praised",
/// "criticized", "cited", "called") said by a source that can speak? Such a verb takes what
/// it judges as its content, a noun phrase as often as a clause, as the rules read it. A verb
/// that judges only with its particle ("sees X as Y") is left out: "saw its profits drop"
/// and "sees sales of $100 million" judge nothing.
fn judges(doc: &Doc, cue: &Range<usize>, source: &source::Source) -> bool {
    cue.clone()
        .filter_map(|k| doc.toks[k].cue)
        .any(|c| c.class == CueClass::Object && c.particle == 0)
        && subject::speaks(source)
}

/// Does `r` read as a clause or a quotation: a quote mark, "that", or an auxiliary, a
/// pronoun, a relative or question word among its words?
fn clause_like(doc: &Doc, r: &Range<usize>) -> bool {
    r.clone().any(|k| {
        matches!(doc.toks[k].kind, Kind::Mark(_))
            || doc.is_word(k, "that")
            || doc.toks[k].is(Class::AUX | Class::PRONOUN | Class::RELATIVE | Class::WH)
    })
}

/// The source the rules read for the speech verb of the cue `cue`, if they take that verb as
/// a cue in its sentence.
fn rules_source(doc: &Doc, cue: &Range<usize>) -> Option<source::Source> {
    let verb = cue.clone().find(|&k| doc.toks[k].cue.is_some())?;
    let sent = doc.sent_of(verb);
    let start = doc.sents[sent].toks.start;
    let at = At {
        si: sent,
        floor: start,
        left_floor: start,
        earlier: &[],
        offset: 0,
    };
    verb::verb(doc, &at, verb)?.found.source
}

/// The source a tagged span `s` names, read as the rules read a phrase, with its bounds
/// mended where the tagger cut a name short or took only the aside after it:
///
/// - a name runs on over the capitalised words next to it ("Mr." of "Mr. Putin lingered",
///   "Nations" of "the United Nations");
/// - an aside tagged without the name before its comma takes the name ("managing partner
///   of the bank" after "Dan Alpert,");
/// - a name with an aside after its comma speaks with the aside as its role ("RoseAnn
///   DeMoro, executive director of National Nurses United, a union that ...").
///
/// The name never reaches into the cue `cue` or out of the sentence.
fn tagged_source(doc: &Doc, s: Range<usize>, cue: &Range<usize>) -> source::Source {
    let sent = doc.sents[doc.sent_of(s.start)].toks.clone();
    let lo = if cue.end <= s.start {
        cue.end.max(sent.start)
    } else {
        sent.start
    };
    let hi = if cue.start >= s.end {
        cue.start.min(sent.end)
    } else {
        sent.end
    };
    // "Trump, who is seen as ...": a relative pronoun tagged alone stands for the name
    // before it.
    if ["who", "whose", "which"]
        .iter()
        .any(|w| doc.is_word(s.start, w))
    {
        let comma = s.start > lo && doc.is_punct(s.start - 1, ',');
        let end = s.start - usize::from(comma);
        let mut name = end;
        while name > lo && name_part(doc, name - 1) {
            name -= 1;
        }
        if (name..end).any(|k| name_word(doc, k)) {
            return source::parse(doc, name..end, None);
        }
    }
    // "the" of "the Turkish government": a phrase tagged no further than its determiner
    // runs on as far as a source phrase would.
    if (s.clone()).all(|k| doc.toks[k].is(Class::DET | Class::QUANT))
        && let Some(phrase) = source::right_phrase(doc, s.start, hi)
        && phrase.end > s.end
    {
        return source::parse(doc, phrase, None);
    }
    let s = subject_of_clause(doc, s, cue);
    let (mut start, mut end) = (s.start, s.end);
    if name_word(doc, end - 1) || doc.toks[end - 1].is(Class::HONORIFIC) {
        // A possessive ends the name ("Justice Scalia's comments").
        while end < hi && name_word(doc, end) && !doc.toks[end - 1].has(flag::POSSESSIVE) {
            end += 1;
        }
    }
    if name_word(doc, start) {
        while start > lo && name_part(doc, start - 1) {
            start -= 1;
        }
    }
    // "Dan Alpert, managing partner of ...": the aside alone was tagged.
    let t = &doc.toks[start];
    if t.is_word()
        && !t.is_cap()
        && !t.is(Class::PRONOUN | Class::RELATIVE | Class::WH)
        && start >= lo + 2
        && doc.is_punct(start - 1, ',')
        && name_word(doc, start - 2)
    {
        let mut name = start - 2;
        while name > lo && name_part(doc, name - 1) {
            name -= 1;
        }
        // A place before the comma ("Coralville, Iowa, pastor") names no one.
        if is_person(doc, name..start - 1) && (start..end).any(|k| doc.toks[k].is(Class::ROLE)) {
            return source::parse(doc, name..start - 1, Some(start..end));
        }
    }
    // "RoseAnn DeMoro, executive director of ...": the name before the first comma speaks,
    // the aside up to the next comma is its role.
    if let Some(comma) = (start..end).find(|&k| doc.is_punct(k, ','))
        && comma > start
        && (start..comma).all(|k| name_part(doc, k))
        && is_person(doc, start..comma)
    {
        let aside_end = (comma + 1..end)
            .find(|&k| doc.is_punct(k, ','))
            .unwrap_or(end);
        let aside = trim_punct(doc, comma + 1..aside_end);
        return source::parse(doc, start..comma, (!aside.is_empty()).then_some(aside));
    }
    source::parse(doc, start..end, None)
}

/// A tagged source before its cue, cut where it runs on over its clause's verb and object:
/// for "The minister met union leaders on Tuesday and said ..." the tagger may take
/// "minister met union leaders", whose source is "minister". The verb is a lower-case word
/// the lexicon does not know, not a participle, right after a role noun or a person's name
/// (with a first name, a title or a role: "President Barack Obama met survivors of ...") and
/// before its object. A known noun there ("Clinton campaign aides", "union leaders"), a word
/// after a place or a group ("Republican primary voters", "many cyber experts") or a name
/// after it ("Trump surrogate Katrina Pierson") is part of the phrase.
fn subject_of_clause(doc: &Doc, s: Range<usize>, cue: &Range<usize>) -> Range<usize> {
    if s.end > cue.start {
        return s;
    }
    let head = |k: usize| {
        let t = &doc.toks[k];
        if t.has(flag::POSSESSIVE) || t.is(Class::DET | Class::QUANT | Class::GROUP) {
            return false;
        }
        t.is(Class::ROLE) && !t.is_cap()
            || name_word(doc, k)
                && (s.start..k)
                    .any(|j| doc.toks[j].is(Class::FIRST_NAME | Class::HONORIFIC | Class::ROLE))
                && is_person(doc, s.start..k + 1)
    };
    let verb = |k: usize| {
        let t = &doc.toks[k];
        t.is_word()
            && !t.is_cap()
            && !t.in_quote()
            && t.class == 0
            && !t.has(flag::NUMBER)
            && !doc.word(k).ends_with("ing")
    };
    let object = |k: usize| {
        let t = &doc.toks[k];
        t.is_word()
            && !t.in_quote()
            && (t.is(Class::DET | Class::QUANT) || !t.is_cap() && !t.is(Class::PREP | Class::CONJ))
    };
    (s.start + 1..s.end.saturating_sub(1))
        .find(|&k| verb(k) && object(k + 1) && head(k - 1))
        .map_or(s.clone(), |k| s.start..k)
}

/// Does `r` read as a person's name ("Dan Alpert", "Mr. Daniloff"), not a place or an
/// organisation?
fn is_person(doc: &Doc, r: Range<usize>) -> bool {
    r.clone().any(|k| name_word(doc, k))
        && source::parse(doc, r, None).kind == source::SourceKind::Person
}

/// A capitalised word that can be part of a name: not a function word capitalised for
/// opening its sentence, a day or a speech verb, and outside quote marks.
fn name_word(doc: &Doc, k: usize) -> bool {
    let t = &doc.toks[k];
    t.is_cap()
        && !t.in_quote()
        && !t.is(Class::DET
            | Class::QUANT
            | Class::PRONOUN
            | Class::PREP
            | Class::CONJ
            | Class::RELATIVE
            | Class::WH
            | Class::AUX
            | Class::ADVERB
            | Class::TIME
            | Class::SENTENCE_WORD
            | Class::CUE)
}

/// A word of a name with a title: a name word, or a title ("Mr.", "Sen."), not possessive
/// (a name before a possessive owns the next one: "Trump's adviser Stephen Miller").
fn name_part(doc: &Doc, k: usize) -> bool {
    let t = &doc.toks[k];
    (name_word(doc, k) || t.is(Class::HONORIFIC) && !t.in_quote()) && !t.has(flag::POSSESSIVE)
}

/// `r` without punctuation and quote marks at either end.
fn trim_punct(doc: &Doc, mut r: Range<usize>) -> Range<usize> {
    while r.start < r.end && !doc.toks[r.start].is_word() {
        r.start += 1;
    }
    while r.end > r.start && !doc.toks[r.end - 1].is_word() {
        r.end -= 1;
    }
    r
}

/// `rules` with `extra` placed before the first rule attribution whose cue comes later, the
/// rules' own order kept; `inherit` indexes are renumbered to match.
fn merge(rules: Vec<Found>, mut extra: Vec<(Found, Origin)>) -> (Vec<Found>, Vec<Origin>) {
    extra.sort_by_key(|(f, _)| f.cue);
    let mut extra = extra.into_iter().peekable();
    let mut new_index = Vec::with_capacity(rules.len());
    let mut out = Vec::with_capacity(rules.len() + extra.len());
    let mut origin = Vec::with_capacity(rules.len() + extra.len());
    for f in rules {
        while let Some((e, o)) = extra.next_if(|(e, _)| e.cue < f.cue) {
            out.push(e);
            origin.push(o);
        }
        new_index.push(out.len());
        out.push(f);
        origin.push(Origin::Rules);
    }
    for (e, o) in extra {
        out.push(e);
        origin.push(o);
    }
    for f in &mut out {
        if let Some(k) = f.inherit.as_mut() {
            *k = new_index.get(*k).copied().unwrap_or(*k);
        }
    }
    (out, origin)
}

#[cfg(test)]
mod tests;
