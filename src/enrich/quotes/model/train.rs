//! Training the tagger: an averaged perceptron over the annotated articles, decoding left to
//! right with its own earlier tags (as it will at run time), in a fixed shuffled order per
//! epoch, so the same articles always give the same model file.

use super::super::attribute;
use super::super::text::Doc;
use super::brat::{Role, Span};
use super::features::{self, Features, ROWS};
use super::{Model, Row, STRIDE, Tag, best};

/// An article's text and its annotated spans (byte offsets into `text`).
pub struct Annotated {
    pub text: String,
    pub spans: Vec<Span>,
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct Options {
    /// Passes over the articles.
    pub epochs: usize,
    /// Seed of the order the articles are visited in.
    pub seed: u64,
    /// A feature row seen fewer times than this in the training articles keeps no weight.
    pub min_count: u32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            epochs: 8,
            seed: 0x6e65_7773,
            min_count: 2,
        }
    }
}

/// What training reports besides the model.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Tokens tagged (in sentences with a cue).
    pub tokens: usize,
    /// Token accuracy of the (not yet averaged) model in each epoch.
    pub accuracy: Vec<f64>,
}

/// The gold tag of each token of `doc`: a token in a span piece takes its role, the first
/// token of each piece a beginning tag.
pub(super) fn gold_tags(doc: &Doc, spans: &[Span]) -> Vec<Tag> {
    let mut tags = vec![Tag::O; doc.toks.len()];
    for s in spans {
        let (b, i) = match s.role {
            Role::Source => (Tag::BSource, Tag::ISource),
            Role::Cue => (Tag::BCue, Tag::ICue),
            Role::Content => (Tag::BContent, Tag::IContent),
        };
        for p in &s.pieces {
            let first = doc.toks.partition_point(|t| (t.end as usize) <= p.start);
            let last = doc.toks.partition_point(|t| (t.start as usize) < p.end);
            for (k, tag) in tags.iter_mut().enumerate().take(last).skip(first) {
                if *tag == Tag::O {
                    *tag = if k == first { b } else { i };
                }
            }
        }
    }
    tags
}

/// A small deterministic generator for the visiting order.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Train a model on `articles`.
pub fn train(articles: &[Annotated], opts: &Options) -> (Model, Report) {
    let data: Vec<(Features, Vec<Tag>)> = articles.iter().map(featurise).collect();
    let counts = row_counts(&data);
    let mut report = Report {
        tokens: data
            .iter()
            .map(|(f, _)| (0..f.len()).filter(|&i| f.active(i)).count())
            .sum(),
        ..Report::default()
    };
    let mut perceptron = Perceptron::new(&counts, opts.min_count);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = XorShift(opts.seed | 1);
    for _ in 0..opts.epochs {
        for k in (1..order.len()).rev() {
            let j = (rng.next() % (k as u64 + 1)) as usize;
            order.swap(k, j);
        }
        let right: usize = order
            .iter()
            .map(|&a| perceptron.learn(&data[a].0, &data[a].1))
            .sum();
        report
            .accuracy
            .push(right as f64 / report.tokens.max(1) as f64);
    }
    (perceptron.averaged(), report)
}

/// An article's features (reading the rules' attributions) and gold tags.
fn featurise(a: &Annotated) -> (Features, Vec<Tag>) {
    let doc = Doc::new(&a.text);
    let rules = attribute::find(&doc);
    (
        features::extract(&doc, &rules, false),
        gold_tags(&doc, &a.spans),
    )
}

/// How often each feature row occurs in the training articles.
fn row_counts(data: &[(Features, Vec<Tag>)]) -> Vec<u32> {
    let mut counts = vec![0u32; ROWS];
    for (f, _) in data {
        for i in 0..f.len() {
            for &r in f.of(i) {
                counts[r as usize] = counts[r as usize].saturating_add(1);
            }
        }
    }
    counts
}

/// The perceptron as it learns: its weights and, for the average, the sums of each update
/// times the step it was made at.
struct Perceptron<'a> {
    w: Vec<f32>,
    u: Vec<f64>,
    step: f64,
    /// How often each row occurs; rows seen fewer than `min_count` times are left out.
    counts: &'a [u32],
    min_count: u32,
    /// The rows of the token being learnt (kept to reuse the allocation).
    rows: Vec<u32>,
}

impl<'a> Perceptron<'a> {
    fn new(counts: &'a [u32], min_count: u32) -> Self {
        Perceptron {
            w: vec![0f32; ROWS * STRIDE],
            u: vec![0f64; ROWS * STRIDE],
            step: 1f64,
            counts,
            min_count,
            rows: Vec::new(),
        }
    }

    /// Tag one article left to right with its own tags, updating on each wrong one; gives
    /// the number of tokens it tagged right.
    fn learn(&mut self, feats: &Features, gold: &[Tag]) -> usize {
        let mut right = 0;
        let (mut prev, mut prev2) = (Tag::O, Tag::O);
        for (i, &gold) in gold.iter().enumerate() {
            if !feats.active(i) {
                (prev, prev2) = (Tag::O, Tag::O);
                continue;
            }
            self.rows.clear();
            self.rows.extend(
                feats
                    .of(i)
                    .iter()
                    .filter(|&&r| self.counts[r as usize] >= self.min_count),
            );
            self.rows.extend(feats.history(i, prev, prev2));
            let guess = best(&self.score(), prev);
            // After a wrong earlier tag an inside tag cannot follow; the best the tagger
            // can still do is begin the span here.
            let truth = match gold {
                t if t.follows(prev) => t,
                Tag::ISource => Tag::BSource,
                Tag::ICue => Tag::BCue,
                _ => Tag::BContent,
            };
            if guess == truth {
                right += 1;
            } else {
                self.update(truth, guess);
            }
            self.step += 1.0;
            prev2 = prev;
            prev = guess;
        }
        right
    }

    /// The score of each tag over the current rows.
    fn score(&self) -> [f32; STRIDE] {
        let mut score = [0f32; STRIDE];
        for &r in &self.rows {
            let at = r as usize * STRIDE;
            for (s, &x) in score.iter_mut().zip(&self.w[at..at + STRIDE]) {
                *s += x;
            }
        }
        score
    }

    /// Reward the current rows' weights of `truth` and penalise those of `guess`.
    fn update(&mut self, truth: Tag, guess: Tag) {
        for &r in &self.rows {
            let at = r as usize * STRIDE;
            self.w[at + truth as usize] += 1.0;
            self.u[at + truth as usize] += self.step;
            self.w[at + guess as usize] -= 1.0;
            self.u[at + guess as usize] -= self.step;
        }
    }

    /// The averaged weights, quantised to `i16` so the largest takes the whole range.
    fn averaged(&self) -> Model {
        let averaged: Vec<f32> = self
            .w
            .iter()
            .zip(&self.u)
            .map(|(&w, &u)| (w as f64 - u / self.step) as f32)
            .collect();
        let max = averaged.iter().fold(0f32, |m, &x| m.max(x.abs()));
        let scale = if max > 0.0 { 32767.0 / max } else { 0.0 };
        let mut weights = vec![Row::default(); ROWS];
        for (q, &a) in weights.iter_mut().flat_map(|r| &mut r.0).zip(&averaged) {
            *q = (a * scale).round() as i16;
        }
        Model { weights }
    }
}
