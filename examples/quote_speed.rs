//! Benchmark: how many megabytes of article text `quotes::extract` reads a second, on one
//! core. Give it folders or files of `.txt` articles (default: the PolNeAR corpus beside the
//! repository); it reads them all first, then times several passes over them.
//!
//! `cargo run --release --example quote_speed -- ../shared/corpora/polnear`

use std::path::{Path, PathBuf};
use std::time::Instant;

use newsdex::enrich::quotes;

const PASSES: usize = 5;

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?
            .map(|e| e.map(|e| e.path()))
            .collect::<Result<_, _>>()?;
        entries.sort();
        for p in entries {
            collect(&p, out)?;
        }
    } else if path.extension().is_some_and(|e| e == "txt") {
        out.push(path.to_path_buf());
    }
    Ok(())
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let roots = if args.is_empty() {
        vec!["../shared/corpora/polnear".to_string()]
    } else {
        args
    };
    let mut files = Vec::new();
    for r in &roots {
        collect(Path::new(r), &mut files)?;
    }
    let texts: Vec<String> = files
        .iter()
        .filter_map(|f| std::fs::read(f).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    // One warm-up pass builds the word lists.
    let mut found: usize = texts.iter().map(|t| quotes::extract(t).len()).sum();
    let start = Instant::now();
    for _ in 0..PASSES {
        found = texts.iter().map(|t| quotes::extract(t).len()).sum();
    }
    let secs = start.elapsed().as_secs_f64() / PASSES as f64;
    println!(
        "{} files, {:.2} MB, {} attributions, {:.3} s a pass, {:.1} MB/s",
        texts.len(),
        bytes as f64 / 1e6,
        found,
        secs,
        bytes as f64 / 1e6 / secs
    );
    Ok(())
}
