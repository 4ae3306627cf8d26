//! Train the attribution tagger on brat annotations and write the model file.
//!
//! `cargo run --release --example train_attribution -- ANN_DIR TEXT_DIR OUT [EPOCHS]`
//!
//! `ANN_DIR` holds `NAME_XXXX.ann` files (`XXXX` the annotator) annotating `TEXT_DIR/NAME.txt`;
//! where an article has two annotators' files, the first in sorted order is read. The model
//! shipped in `data/` is made with
//!
//! `cargo run --release --example train_attribution -- ../shared/eval/polnear-ann/train
//!  ../shared/corpora/polnear/train data/attribution.model`
//!
//! Training is deterministic: the same files give the same model, byte for byte.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use newsdex::enrich::quotes::model::{
    brat,
    train::{self, Annotated, Options},
};

/// The article an annotation file annotates: its name without the `_XXXX` annotator suffix.
fn article_name(ann: &Path) -> Option<String> {
    let stem = ann.file_stem()?.to_str()?;
    let (name, annotator) = stem.rsplit_once('_')?;
    (!annotator.is_empty()).then(|| name.to_string())
}

fn read(ann_dir: &Path, text_dir: &Path) -> Result<Vec<Annotated>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(ann_dir)
        .with_context(|| format!("reading {}", ann_dir.display()))?
        .map(|e| e.map(|e| e.path()))
        .collect::<std::io::Result<_>>()
        .with_context(|| format!("reading {}", ann_dir.display()))?;
    files.retain(|p| p.extension().is_some_and(|e| e == "ann"));
    files.sort();
    let mut first: BTreeMap<String, PathBuf> = BTreeMap::new();
    for f in files {
        if let Some(name) = article_name(&f) {
            first.entry(name).or_insert(f);
        }
    }
    let mut out = Vec::with_capacity(first.len());
    for (name, ann_path) in first {
        let text_path = text_dir.join(format!("{name}.txt"));
        let text = std::fs::read_to_string(&text_path)
            .with_context(|| format!("reading {}", text_path.display()))?;
        let ann = std::fs::read_to_string(&ann_path)
            .with_context(|| format!("reading {}", ann_path.display()))?;
        let spans = brat::parse(&ann, &text).with_context(|| format!("{}", ann_path.display()))?;
        out.push(Annotated { text, spans });
    }
    Ok(out)
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [ann_dir, text_dir, out, rest @ ..] = args.as_slice() else {
        bail!("usage: train_attribution ANN_DIR TEXT_DIR OUT [EPOCHS]");
    };
    let mut opts = Options::default();
    if let Some(e) = rest.first() {
        opts.epochs = e.parse().with_context(|| format!("epochs {e:?}"))?;
    }
    let clock = Instant::now();
    let articles = read(Path::new(ann_dir), Path::new(text_dir))?;
    if articles.is_empty() {
        bail!("no annotation files in {ann_dir}");
    }
    let (model, report) = train::train(&articles, &opts);
    let bytes = model.to_bytes();
    std::fs::write(out, &bytes).with_context(|| format!("writing {out}"))?;
    for (e, acc) in report.accuracy.iter().enumerate() {
        eprintln!("epoch {}: token accuracy {acc:.4}", e + 1);
    }
    eprintln!(
        "{} articles, {} tokens, {} epochs: {out} ({:.1} MB) in {:.1} s",
        articles.len(),
        report.tokens,
        opts.epochs,
        bytes.len() as f64 / 1e6,
        clock.elapsed().as_secs_f64()
    );
    Ok(())
}
