//! The indexing pipeline: a [`Plan`] in, an updated index and a [`Summary`] out.
//!
//! ```text
//! reader thread --(articles, bounded)--> enrichment workers --(documents, bounded)--> writer
//!        \------------------(file start / end, bounded)-------------------------------/
//! ```
//! One reader thread hashes and reads the planned files one at a time and streams their
//! articles; `workers` threads enrich them and build documents; the calling thread owns the
//! tantivy writer, adds documents, writes each file's state once all its articles are in, and
//! commits every `commit_every` so a killed run loses at most that much work. Bounded channels
//! keep memory flat whatever the corpus size. A file's start (which deletes what it produced
//! before) is sent to the writer before any of its articles go to the workers, so deletions
//! always precede the documents that replace them.
//!
//! Workers never panic the run: an extractor that panics on one article costs that article,
//! which is reported and counted as skipped.

use std::collections::{HashMap, HashSet};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender, bounded};
use tantivy::TantivyDocument;

use super::record::StoredArticle;
use super::sync::{FileState, Job, Mtime, Plan, hash_file};
use super::writer::Writer;
use super::{Fields, IndexError};
use crate::corpus::{self, Article, Problem, Severity};
use crate::enrich;

/// How the pipeline runs.
#[derive(Debug, Clone, Copy)]
pub struct PipelineOptions {
    /// Enrichment worker threads.
    pub workers: usize,
    /// Longest time between commits.
    pub commit_every: Duration,
}

/// Receives what happens during a run, from any thread.
pub trait Observer: Sync {
    /// A file or record was skipped, or read with a warning.
    fn problem(&self, problem: Problem);
    /// This many more bytes of input were read.
    fn read(&self, bytes: u64);
    /// An article was written to the index.
    fn indexed(&self) {}
}

/// What a run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Articles of files new to the index.
    pub indexed: usize,
    /// Articles of changed files that replaced an earlier version.
    pub updated: usize,
    /// Articles of gone files, and articles a changed file no longer has.
    pub deleted: usize,
    /// Files and records passed over (each reported to the observer).
    pub skipped: usize,
    /// Files read and enriched.
    pub files_read: usize,
    /// Files found unchanged (by size and time, or by content hash).
    pub files_unchanged: usize,
    /// Quotes written.
    pub quotes: usize,
    /// Bytes of the files read.
    pub bytes_read: u64,
    /// Commits made (the final one included).
    pub commits: usize,
}

/// Run the plan against the open writer.
pub fn run(
    writer: &mut Writer,
    plan: Plan,
    options: PipelineOptions,
    observer: &dyn Observer,
) -> Result<Summary, IndexError> {
    let counting = Counting {
        inner: observer,
        skipped: AtomicUsize::new(0),
    };
    let mut summary = Summary {
        files_unchanged: plan.unchanged,
        ..Summary::default()
    };
    for problem in plan.problems {
        counting.problem(problem);
    }
    for gone in &plan.gone {
        writer.delete_file(&gone.name);
        writer.delete_state(&gone.key);
        summary.deleted += gone.articles;
    }
    let fields = writer.handle().fields;
    let (work_tx, work_rx) = bounded::<Work>(256);
    let (to_writer_tx, to_writer_rx) = bounded::<ToWriter>(256);
    let result = std::thread::scope(|scope| {
        let reader_tx = to_writer_tx.clone();
        let counting = &counting;
        scope.spawn(move || read_files(plan.jobs, &work_tx, &reader_tx, counting));
        for _ in 0..options.workers.max(1) {
            let rx = work_rx.clone();
            let tx = to_writer_tx.clone();
            scope.spawn(move || enrich_articles(&rx, &tx, &fields, counting));
        }
        drop(work_rx);
        drop(to_writer_tx);
        let result = write(writer, &to_writer_rx, options, &mut summary, counting);
        // On error, dropping the receiver makes every sender fail, so the threads stop.
        drop(to_writer_rx);
        result
    });
    summary.skipped = counting.skipped.load(Ordering::Relaxed);
    result.map(|()| summary)
}

/// One article on its way to a worker; `seq` numbers its file within the run.
struct Work {
    seq: usize,
    file: String,
    article: Article,
}

enum ToWriter {
    /// A file is about to be re-read: delete what these names produced and its old state.
    FileStart {
        seq: usize,
        delete: Vec<String>,
        key: String,
        previous_articles: Option<usize>,
    },
    /// One article's documents, or `None` when it failed (already reported).
    Docs {
        seq: usize,
        docs: Option<Vec<TantivyDocument>>,
    },
    /// All articles of a file were sent; `state` is `None` when the file could not be read to
    /// its end, so that the next run reads it again.
    FileEnd {
        seq: usize,
        sent: usize,
        state: Option<FileState>,
        bytes: u64,
    },
    /// A file whose content is unchanged though its size or time moved: refresh its state.
    StateOnly { state: FileState, bytes: u64 },
}

fn read_files(
    jobs: Vec<Job>,
    work: &Sender<Work>,
    to_writer: &Sender<ToWriter>,
    observer: &dyn Observer,
) {
    for (seq, job) in jobs.into_iter().enumerate() {
        let file = &job.file;
        let skip = |reason: String| {
            observer.problem(Problem {
                path: file.disk_path.clone(),
                line: None,
                reason,
                severity: Severity::Skipped,
            });
        };
        let hash = match hash_file(&file.disk_path) {
            Ok(hash) => hash,
            Err(err) => {
                skip(err.to_string());
                observer.read(file.size);
                continue;
            }
        };
        let mut state = FileState {
            key: job.key.clone(),
            name: file.name.clone(),
            size: file.size,
            modified: file.modified.map(Mtime::from_system),
            hash,
            articles: 0,
        };
        if let Some(previous) = &job.previous
            && previous.hash == hash
            && previous.name == file.name
        {
            state.articles = previous.articles;
            observer.read(file.size);
            let sent = to_writer.send(ToWriter::StateOnly {
                state,
                bytes: file.size,
            });
            if sent.is_err() {
                return;
            }
            continue;
        }
        let mut delete = vec![file.name.clone()];
        if let Some(previous) = &job.previous
            && previous.name != file.name
        {
            delete.push(previous.name.clone());
        }
        let start = ToWriter::FileStart {
            seq,
            delete,
            key: job.key.clone(),
            previous_articles: job.previous.as_ref().map(|p| p.articles),
        };
        if to_writer.send(start).is_err() {
            return;
        }
        let mut ids = HashSet::new();
        let mut sent = 0usize;
        let mut reported = 0u64;
        let mut stopped = false;
        let read = catch_unwind(AssertUnwindSafe(|| {
            corpus::read_reporting(
                file,
                &mut |article| {
                    if stopped {
                        return;
                    }
                    if !ids.insert(article.path.clone()) {
                        skip(format!(
                            "article id {} appears twice; the first is kept",
                            article.path
                        ));
                        return;
                    }
                    // Progress for files of many articles: about one body's worth per article.
                    let step = (article.body.len() as u64).min(file.size - reported);
                    reported += step;
                    observer.read(step);
                    let work_item = Work {
                        seq,
                        file: file.name.clone(),
                        article,
                    };
                    if work.send(work_item).is_err() {
                        stopped = true;
                    } else {
                        sent += 1;
                    }
                },
                &mut |problem| observer.problem(problem),
            )
        }));
        if stopped {
            return;
        }
        let complete = match read {
            Ok(Ok(())) => true,
            Ok(Err(problem)) => {
                observer.problem(problem);
                false
            }
            Err(panic) => {
                skip(format!("reader failed: {}", panic_message(&panic)));
                false
            }
        };
        observer.read(file.size - reported);
        state.articles = sent;
        let end = ToWriter::FileEnd {
            seq,
            sent,
            state: complete.then_some(state),
            bytes: file.size,
        };
        if to_writer.send(end).is_err() {
            return;
        }
    }
}

fn enrich_articles(
    work: &Receiver<Work>,
    to_writer: &Sender<ToWriter>,
    fields: &Fields,
    observer: &dyn Observer,
) {
    for Work { seq, file, article } in work {
        let path = article.path.clone();
        let built = catch_unwind(AssertUnwindSafe(|| {
            let enriched = enrich::enrich(&article);
            StoredArticle {
                file,
                article,
                enriched,
            }
            .documents(fields)
        }));
        let reason = match built {
            Ok(Ok(docs)) => {
                let msg = ToWriter::Docs {
                    seq,
                    docs: Some(docs),
                };
                if to_writer.send(msg).is_err() {
                    return;
                }
                continue;
            }
            Ok(Err(err)) => err.to_string(),
            Err(panic) => format!("extraction failed: {}", panic_message(&panic)),
        };
        observer.problem(Problem {
            path: path.into(),
            line: None,
            reason,
            severity: Severity::Skipped,
        });
        if to_writer.send(ToWriter::Docs { seq, docs: None }).is_err() {
            return;
        }
    }
}

/// A file being written: what arrived so far and what is expected.
#[derive(Default)]
struct InFlight {
    received: usize,
    added: usize,
    previous_articles: Option<usize>,
    end: Option<(usize, Option<FileState>)>,
}

fn write(
    writer: &mut Writer,
    messages: &Receiver<ToWriter>,
    options: PipelineOptions,
    summary: &mut Summary,
    observer: &dyn Observer,
) -> Result<(), IndexError> {
    let fields = writer.handle().fields;
    let mut in_flight: HashMap<usize, InFlight> = HashMap::new();
    let mut last_commit = Instant::now();
    for message in messages {
        let seq = match message {
            ToWriter::FileStart {
                seq,
                delete,
                key,
                previous_articles,
            } => {
                for name in &delete {
                    writer.delete_file(name);
                }
                writer.delete_state(&key);
                in_flight.insert(
                    seq,
                    InFlight {
                        previous_articles,
                        ..InFlight::default()
                    },
                );
                None
            }
            ToWriter::Docs { seq, docs } => {
                let file = in_flight.entry(seq).or_default();
                file.received += 1;
                if let Some(docs) = docs {
                    summary.quotes += docs.len().saturating_sub(1);
                    for doc in docs {
                        writer.add(doc)?;
                    }
                    file.added += 1;
                    observer.indexed();
                }
                Some(seq)
            }
            ToWriter::FileEnd {
                seq,
                sent,
                state,
                bytes,
            } => {
                summary.files_read += 1;
                summary.bytes_read += bytes;
                in_flight.entry(seq).or_default().end = Some((sent, state));
                Some(seq)
            }
            ToWriter::StateOnly { state, bytes } => {
                summary.files_unchanged += 1;
                summary.bytes_read += bytes;
                writer.delete_state(&state.key);
                writer.add(state.document(&fields)?)?;
                None
            }
        };
        if let Some(seq) = seq {
            let done = in_flight
                .get(&seq)
                .is_some_and(|f| f.end.as_ref().is_some_and(|(sent, _)| *sent == f.received));
            if done && let Some(file) = in_flight.remove(&seq) {
                finish_file(writer, &fields, file, summary)?;
            }
        }
        if last_commit.elapsed() >= options.commit_every {
            writer.commit()?;
            summary.commits += 1;
            last_commit = Instant::now();
        }
    }
    writer.commit()?;
    summary.commits += 1;
    Ok(())
}

fn finish_file(
    writer: &Writer,
    fields: &Fields,
    file: InFlight,
    summary: &mut Summary,
) -> Result<(), IndexError> {
    let added = file.added;
    match file.previous_articles {
        Some(old) => {
            summary.updated += added.min(old);
            summary.indexed += added.saturating_sub(old);
            summary.deleted += old.saturating_sub(added);
        }
        None => summary.indexed += added,
    }
    if let Some((_, Some(mut state))) = file.end {
        state.articles = added;
        writer.add(state.document(fields)?)?;
    }
    Ok(())
}

/// Counts skipped input on its way to the caller's observer.
struct Counting<'a> {
    inner: &'a dyn Observer,
    skipped: AtomicUsize,
}

impl Observer for Counting<'_> {
    fn problem(&self, problem: Problem) {
        if problem.severity == Severity::Skipped {
            self.skipped.fetch_add(1, Ordering::Relaxed);
        }
        self.inner.problem(problem);
    }

    fn read(&self, bytes: u64) {
        self.inner.read(bytes);
    }

    fn indexed(&self) {
        self.inner.indexed();
    }
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".to_string())
}
