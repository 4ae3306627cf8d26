//! `newsdex index PATH...`: walk, plan against the index's file states, run the pipeline and
//! print a summary.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};

use super::Outcome;
use super::sources::{self, Reporter};
use crate::cli::IndexArgs;
use crate::corpus::Exclude;
use crate::index::pipeline::{self, PipelineOptions, Summary};
use crate::index::sync::{self, Candidate, Root};
use crate::index::writer::{MIN_MB_PER_THREAD, Writer, WriterOptions};

pub fn run(args: &IndexArgs) -> anyhow::Result<Outcome> {
    let started = Instant::now();
    let exclude = Exclude::new(&args.exclude)?;
    check_paths(&args.paths, &args.index.dir)?;
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    // Enrichment and tantivy's indexing each need about half the work: with as many indexing
    // threads as workers, neither side waits on one thread of the other (within the memory
    // budget, which tantivy splits between its threads).
    let writer_threads = threads.min(args.memory_mb / MIN_MB_PER_THREAD).max(1);
    let mut writer = Writer::open(
        &args.index.dir,
        WriterOptions {
            threads: writer_threads,
            memory_mb: args.memory_mb,
        },
    )?;
    let states = {
        let reader = writer.handle().reader()?;
        sync::load(writer.handle(), &reader.searcher())?
    };

    let walk_reporter = Reporter::new(args.verbose, None);
    let roots: Vec<Root> = args.paths.iter().map(|p| Root::new(p)).collect();
    // `newsdex index .` must not read the index it writes.
    let own_dir = std::fs::canonicalize(&args.index.dir).ok();
    let mut candidates = Vec::new();
    let skips = sources::walk(&args.paths, &exclude, &walk_reporter, &mut |given, file| {
        let root = roots.iter().find(|r| r.given == given);
        let Some(key) = root.and_then(|r| r.key_of(&file.disk_path)) else {
            return;
        };
        if own_dir
            .as_deref()
            .is_none_or(|own| !Path::new(&key).starts_with(own))
        {
            candidates.push(Candidate { file, key });
        }
    });
    let unwalkable: Vec<String> = skips
        .unwalkable
        .iter()
        .filter_map(|path| roots.iter().find_map(|r| r.key_of(path)))
        .collect();
    let plan = sync::plan(states, candidates, &roots, &unwalkable);

    let to_read: u64 = plan.jobs.iter().map(|j| j.file.size).sum();
    let bar = (!args.quiet && std::io::stderr().is_terminal()).then(|| progress_bar(to_read));
    let reporter = Reporter::new(args.verbose, bar);
    let summary = pipeline::run(
        &mut writer,
        plan,
        PipelineOptions {
            workers: threads,
            commit_every: Duration::from_secs(args.commit_every),
        },
        &reporter,
    );
    reporter.finish();
    let summary = summary?;
    writer.finish().context("finishing the index")?;

    let skipped = summary.skipped + walk_reporter.skipped();
    if !args.quiet {
        print_summary(&summary, skipped, started.elapsed(), &args.index.dir);
        if args.verbose {
            let mut reasons = walk_reporter.reasons();
            for (reason, n) in reporter.reasons() {
                *reasons.entry(reason).or_default() += n;
            }
            for (reason, n) in reasons {
                eprintln!("newsdex:   skipped {n}: {reason}");
            }
        }
    }
    Ok(if skipped > 0 {
        Outcome::Partial
    } else {
        Outcome::Found
    })
}

/// Refuse, before an index is made, what cannot work: an index path that is a file, no path
/// that exists, or an index that is a folder being indexed or holds one.
fn check_paths(paths: &[PathBuf], index: &Path) -> anyhow::Result<()> {
    if index.exists() && !index.is_dir() {
        anyhow::bail!(
            "--index {}: is a file, not a folder (give a new or an index folder)",
            index.display()
        );
    }
    if !paths.iter().any(|p| p.exists()) {
        let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        anyhow::bail!(
            "nothing to index: {} not found; no index was made or changed",
            names.join(", ")
        );
    }
    let Some(own) = absolute(index) else {
        return Ok(());
    };
    for path in paths {
        let Ok(path_abs) = std::fs::canonicalize(path) else {
            continue;
        };
        if path_abs == own || path_abs.starts_with(&own) {
            anyhow::bail!(
                "{} is the index folder or inside it (--index {}): give the corpus and the \
                 index different folders",
                path.display(),
                index.display()
            );
        }
    }
    Ok(())
}

/// The canonical form of a path that may not exist yet: its nearest existing ancestor made
/// canonical, the rest joined on.
fn absolute(path: &Path) -> Option<PathBuf> {
    let mut rest = Vec::new();
    let mut at = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().ok()?.join(path)
    };
    loop {
        if let Ok(real) = std::fs::canonicalize(&at) {
            return Some(rest.iter().rev().fold(real, |acc, part| acc.join(part)));
        }
        rest.push(at.file_name()?.to_os_string());
        at = at.parent()?.to_path_buf();
    }
}

fn progress_bar(total: u64) -> ProgressBar {
    let bar = ProgressBar::new(total);
    let style = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {wide_bar} {decimal_bytes}/{decimal_total_bytes} ({decimal_bytes_per_sec}) {msg}",
    );
    if let Ok(style) = style {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

fn print_summary(summary: &Summary, skipped: usize, elapsed: Duration, dir: &Path) {
    let secs = elapsed.as_secs_f64();
    let mb = summary.bytes_read as f64 / 1e6;
    let rate = if secs > 0.0 { mb / secs } else { 0.0 };
    eprintln!(
        "newsdex: {} indexed, {} updated, {} deleted, {} skipped; {} quotes; \
         {} files read, {} unchanged; {mb:.1} MB in {secs:.2} s ({rate:.1} MB/s) into {}",
        summary.indexed,
        summary.updated,
        summary.deleted,
        skipped,
        summary.quotes,
        summary.files_read,
        summary.files_unchanged,
        dir.display(),
    );
}
