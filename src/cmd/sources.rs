//! Walking the paths given on the command line and reporting bad input, shared by `extract`
//! and `index` so both name the same files and word the same problems the same way.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use indicatif::ProgressBar;

use crate::corpus::{self, Exclude, Problem, Severity, Skip, SourceFile, Walked};
use crate::index::pipeline::Observer;

/// Prints problems on stderr once each (above the progress bar, if one is drawn) and counts
/// them by reason for the closing summary.
pub struct Reporter {
    bar: Option<ProgressBar>,
    verbose: bool,
    skipped: AtomicUsize,
    articles: AtomicUsize,
    bytes: AtomicU64,
    reasons: Mutex<BTreeMap<String, usize>>,
}

impl Reporter {
    pub fn new(verbose: bool, bar: Option<ProgressBar>) -> Reporter {
        Reporter {
            bar,
            verbose,
            skipped: AtomicUsize::new(0),
            articles: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
            reasons: Mutex::new(BTreeMap::new()),
        }
    }

    /// Print one line on stderr without tearing the progress bar.
    pub fn say(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("newsdex: {line}")),
            None => eprintln!("newsdex: {line}"),
        }
    }

    /// Print a line only under `--verbose`.
    pub fn detail(&self, line: &str) {
        if self.verbose {
            self.say(line);
        }
    }

    /// How many files and records were skipped so far.
    pub fn skipped(&self) -> usize {
        self.skipped.load(Ordering::Relaxed)
    }

    /// Skip counts by reason (the reason up to its first colon), for `--verbose` summaries.
    pub fn reasons(&self) -> BTreeMap<String, usize> {
        self.reasons.lock().map(|r| r.clone()).unwrap_or_default()
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Observer for Reporter {
    fn problem(&self, problem: Problem) {
        if problem.severity == Severity::Skipped {
            self.skipped.fetch_add(1, Ordering::Relaxed);
            let class = problem
                .reason
                .split(':')
                .next()
                .unwrap_or_default()
                .trim()
                .to_string();
            if let Ok(mut reasons) = self.reasons.lock() {
                *reasons.entry(class).or_default() += 1;
            }
        }
        self.say(&problem.to_string());
    }

    fn read(&self, bytes: u64) {
        self.bytes.fetch_add(bytes, Ordering::Relaxed);
        if let Some(bar) = &self.bar {
            bar.inc(bytes);
        }
    }

    fn indexed(&self) {
        let n = self.articles.fetch_add(1, Ordering::Relaxed) + 1;
        if let Some(bar) = &self.bar
            && n.is_multiple_of(64)
        {
            bar.set_message(format!("{n} articles"));
        }
    }
}

/// What the walk passed over without reading.
#[derive(Debug, Default)]
pub struct WalkSkips {
    /// Files of extensions newsdex does not read.
    pub unknown: usize,
    /// Paths the walk could not enter (already reported).
    pub unwalkable: Vec<PathBuf>,
    /// Files passed over by `--exclude`.
    pub excluded: usize,
}

/// Walk each root in turn, handing every readable-looking file to `on_file` with the root it
/// was found under; unreadable paths are reported, unknown extensions counted (and listed
/// under `--verbose`, or always for a file named on the command line), excluded files passed
/// over.
pub fn walk(
    roots: &[PathBuf],
    exclude: &Exclude,
    reporter: &Reporter,
    on_file: &mut dyn FnMut(&Path, SourceFile),
) -> WalkSkips {
    let mut skips = WalkSkips::default();
    for root in roots {
        for walked in corpus::walk(std::slice::from_ref(root)) {
            match walked {
                Walked::File(file) if exclude.excludes(root, &file.disk_path) => {
                    skips.excluded += 1;
                    reporter.detail(&format!("excluded {}", file.disk_path.display()));
                }
                Walked::File(file) => on_file(root, file),
                Walked::Skipped(Skip::UnknownExtension { path }) if path == *root => {
                    skips.unknown += 1;
                    reporter.say(&format!(
                        "skipped {}: not a kind of file newsdex reads ({})",
                        path.display(),
                        corpus::READABLE
                    ));
                }
                Walked::Skipped(Skip::UnknownExtension { path }) => {
                    skips.unknown += 1;
                    reporter.detail(&format!("skipped {}: unknown extension", path.display()));
                }
                Walked::Skipped(skip) => {
                    if let Skip::Unreadable { path, .. } = &skip {
                        skips.unwalkable.push(path.clone());
                    }
                    if let Some(problem) = Problem::from_skip(skip) {
                        reporter.problem(problem);
                    }
                }
            }
        }
    }
    if skips.unknown > 0 {
        reporter.detail(&format!(
            "{} files with unknown extensions skipped",
            skips.unknown
        ));
    }
    skips
}
