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
        // Hashes, not names: a file of a million records keeps 8 bytes a record.
        let mut ids: HashSet<u64> = HashSet::new();
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
                    if !ids.insert(xxhash_rust::xxh3::xxh3_64(article.path.as_bytes())) {
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

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};
    use std::sync::Mutex;

    use tantivy::Term;
    use tantivy::collector::Count;
    use tantivy::query::TermQuery;
    use tantivy::schema::IndexRecordOption;

    use super::*;
    use crate::corpus::Walked;
    use crate::index::IndexHandle;
    use crate::index::sync::{self, Candidate, Root};
    use crate::index::writer::WriterOptions;

    const WRITER: WriterOptions = WriterOptions {
        threads: 1,
        memory_mb: 20,
    };

    #[derive(Default)]
    struct Collect(Mutex<Vec<String>>);

    impl Observer for Collect {
        fn problem(&self, problem: Problem) {
            if let Ok(mut p) = self.0.lock() {
                p.push(problem.to_string());
            }
        }
        fn read(&self, _: u64) {}
    }

    /// What `newsdex index ROOT` does, without the printing.
    fn index(root: &Path, dir: &Path) -> (Summary, Vec<String>) {
        let mut writer = Writer::open(dir, WRITER).unwrap();
        let reader = writer.handle().reader().unwrap();
        let states = sync::load(writer.handle(), &reader.searcher()).unwrap();
        let roots = [Root::new(root)];
        let candidates = crate::corpus::walk(&[root.to_path_buf()])
            .filter_map(|w| match w {
                Walked::File(file) => Some(Candidate {
                    key: roots[0].key_of(&file.disk_path)?,
                    file,
                }),
                Walked::Skipped(_) => None,
            })
            .collect();
        let plan = sync::plan(states, candidates, &roots, &[]);
        let observer = Collect::default();
        let options = PipelineOptions {
            workers: 2,
            commit_every: Duration::from_secs(60),
        };
        let summary = run(&mut writer, plan, options, &observer).unwrap();
        writer.finish().unwrap();
        (summary, observer.0.into_inner().unwrap())
    }

    fn count(dir: &Path, field: &str, value: &str) -> usize {
        let handle = IndexHandle::open(dir).unwrap();
        let field = handle.index.schema().get_field(field).unwrap();
        let query = TermQuery::new(
            Term::from_field_text(field, value),
            IndexRecordOption::Basic,
        );
        handle
            .reader()
            .unwrap()
            .searcher()
            .search(&query, &Count)
            .unwrap()
    }

    fn corpus() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("c");
        std::fs::create_dir_all(&root).unwrap();
        std::fs::write(root.join("a.txt"), "Alpha\n\nThe first story.\n").unwrap();
        std::fs::write(root.join("b.txt"), "Beta\n\nThe second story.\n").unwrap();
        let dir = tmp.path().join("index");
        (tmp, root, dir)
    }

    #[test]
    fn articles_of_a_killed_run_without_file_state_are_replaced_not_doubled() {
        let (_tmp, root, dir) = corpus();
        // A run killed after committing a's article but before a's state.
        let mut writer = Writer::open(&dir, WRITER).unwrap();
        let fields = writer.handle().fields;
        let partial = StoredArticle {
            file: "c/a.txt".into(),
            article: Article {
                path: "c/a.txt".into(),
                body: "The first story.".into(),
                ..Article::default()
            },
            enriched: enrich::Enriched::default(),
        };
        for doc in partial.documents(&fields).unwrap() {
            writer.add(doc).unwrap();
        }
        writer.commit().unwrap();
        writer.finish().unwrap();
        assert_eq!(count(&dir, "article", "c/a.txt"), 1);

        let (summary, problems) = index(&root, &dir);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!((summary.indexed, summary.files_read), (2, 2));
        assert_eq!(count(&dir, "article", "c/a.txt"), 1);
        assert_eq!(count(&dir, "doc_type", "article"), 2);
        assert_eq!(count(&dir, "doc_type", "file"), 2);
    }

    #[test]
    fn a_rerun_reads_nothing_and_a_change_replaces_in_place() {
        let (_tmp, root, dir) = corpus();
        index(&root, &dir);
        let (again, _) = index(&root, &dir);
        assert_eq!(
            (
                again.files_read,
                again.files_unchanged,
                again.indexed,
                again.commits
            ),
            (0, 2, 0, 1)
        );
        std::fs::write(root.join("b.txt"), "Beta\n\nThe second story, revised.\n").unwrap();
        let (changed, _) = index(&root, &dir);
        assert_eq!(
            (changed.updated, changed.indexed, changed.deleted),
            (1, 0, 0)
        );
        assert_eq!(count(&dir, "doc_type", "article"), 2);
        assert_eq!(count(&dir, "doc_type", "file"), 2);
        std::fs::remove_file(root.join("a.txt")).unwrap();
        let (gone, _) = index(&root, &dir);
        assert_eq!(gone.deleted, 1);
        assert_eq!(count(&dir, "doc_type", "article"), 1);
        assert_eq!(count(&dir, "doc_type", "file"), 1);
    }

    #[test]
    fn a_repeated_record_id_never_makes_two_documents_of_one_id() {
        let (_tmp, root, dir) = corpus();
        let path = root.join("w.jsonl");
        std::fs::write(
            &path,
            "{\"id\": \"7\", \"body\": \"zebra\"}\n{\"id\": \"7\", \"body\": \"yak\"}\n",
        )
        .unwrap();
        // Readers may name a repeated id apart or not; whatever names they give, each name
        // is one document, and a name given twice is reported and kept once.
        let file = crate::corpus::walk(std::slice::from_ref(&path))
            .find_map(|w| match w {
                Walked::File(file) => Some(file),
                Walked::Skipped(_) => None,
            })
            .unwrap();
        let mut names = Vec::new();
        let _ = crate::corpus::read_reporting(&file, &mut |a| names.push(a.path), &mut |_| {});
        let repeated = names.len();
        names.sort();
        names.dedup();
        let (summary, problems) = index(&root, &dir);
        assert_eq!(summary.indexed, 2 + names.len());
        assert_eq!(summary.skipped, repeated - names.len());
        assert_eq!(
            problems
                .iter()
                .filter(|p| p.contains("appears twice"))
                .count(),
            repeated - names.len(),
            "{problems:?}"
        );
        for name in &names {
            assert_eq!(count(&dir, "article", name), 1, "{name}");
        }
        assert_eq!(count(&dir, "body", "zebra"), 1);
    }

    #[test]
    fn a_shrunk_record_file_counts_its_lost_articles_as_deleted() {
        let (_tmp, root, dir) = corpus();
        let path = root.join("w.jsonl");
        std::fs::write(&path, "{\"body\": \"one\"}\n{\"body\": \"two\"}\n").unwrap();
        index(&root, &dir);
        std::fs::write(&path, "{\"body\": \"one\"}\n").unwrap();
        let (summary, _) = index(&root, &dir);
        assert_eq!((summary.updated, summary.deleted), (1, 1));
        assert_eq!(count(&dir, "doc_type", "article"), 3);
    }
}
