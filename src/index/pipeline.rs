//! The indexing pipeline: a [`Plan`] in, an updated index and a [`Summary`] out.
//!
//! ```text
//! reader thread --(articles, bounded)--> enrichment workers --(documents, bounded)--> writer
//!        \------------------(file start / end, bounded)-------------------------------/
//! ```
//! One reader thread hashes and reads the planned files one at a time and streams their
//! articles; `workers` threads enrich them and build documents; the calling thread owns the
//! tantivy writer, adds documents, writes each file's state once all its articles are in, and
//! commits every `commit_every` so a killed run loses at most that much work: a file still
//! being read at a commit gets a partial state there, and the next run resumes it (see
//! [`super::sync`]). Bounded channels
//! keep memory flat whatever the corpus size. A file's start (which deletes what it produced
//! before) is sent to the writer before any of its articles go to the workers, so deletions
//! always precede the documents that replace them.
//!
//! Workers never panic the run: an extractor that panics on one article costs that article,
//! which is reported and counted as skipped.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::ops::ControlFlow;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender, bounded};
use tantivy::TantivyDocument;

use super::record::StoredArticle;
use super::sync::{FileState, Job, Mtime, Plan, hash_file};
use super::writer::Writer;
use super::{Fields, IndexError};
use crate::corpus::{self, Article, Problem, Severity, SourceFile};
use crate::enrich;

/// How the pipeline runs.
/// Documents an enrichment worker sends the writer at a time: an ordinary article goes as one
/// message, and one with many thousands of quotes never fills the channel with more than
/// `DOCS_PER_MESSAGE` times its capacity.
const DOCS_PER_MESSAGE: usize = 64;

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

/// One article on its way to a worker; `seq` numbers its file within the run, `index` the
/// article within its file.
struct Work {
    seq: usize,
    index: usize,
    file: String,
    article: Article,
}

enum ToWriter {
    /// A file is about to be re-read: delete what these names produced and its old state.
    /// `state` is its new state but for the article count, for partial states at commits.
    /// A resumed file deletes nothing; its first `resumed` articles are in the index already,
    /// and each later one replaces any copy of itself a killed run left.
    FileStart {
        seq: usize,
        delete: Vec<String>,
        state: FileState,
        previous_articles: Option<usize>,
        resumed: Option<usize>,
    },
    /// Documents of the article `index` of a file, in batches (`first` and `last` mark the
    /// ends), or `None` when it failed (already reported; `last` is then set, and `first`
    /// unless some of its documents were sent before the failure).
    Docs {
        seq: usize,
        index: usize,
        id: String,
        docs: Option<Vec<TantivyDocument>>,
        first: bool,
        last: bool,
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
        if read_file(seq, job, work, to_writer, observer).is_break() {
            return;
        }
    }
}

/// Reads one file of the plan into the workers' queue and tells the writer where it starts and
/// ends; a file whose content is unchanged only has its state refreshed. Breaks when the
/// workers or the writer have stopped.
fn read_file(
    seq: usize,
    job: Job,
    work: &Sender<Work>,
    to_writer: &Sender<ToWriter>,
    observer: &dyn Observer,
) -> ControlFlow<()> {
    let file = &job.file;
    let hash = match hash_file(&file.disk_path) {
        Ok(hash) => hash,
        Err(err) => {
            skipped(observer, file, err.to_string());
            observer.read(file.size);
            return ControlFlow::Continue(());
        }
    };
    let mut state = FileState {
        key: job.key.clone(),
        name: file.name.clone(),
        size: file.size,
        modified: file.modified.map(Mtime::from_system),
        hash,
        articles: 0,
        partial: false,
    };
    let same_content = job
        .previous
        .as_ref()
        .filter(|p| p.hash == hash && p.name == file.name);
    if let Some(previous) = same_content
        && !previous.partial
    {
        state.articles = previous.articles;
        observer.read(file.size);
        let only = ToWriter::StateOnly {
            state,
            bytes: file.size,
        };
        return sent(to_writer, only);
    }
    // The same content, partly committed by a killed run: go on after what it committed.
    let resumed = same_content.map(|p| p.articles);
    sent(to_writer, file_start(seq, &job, &state, resumed))?;
    let skip_first = resumed.unwrap_or(0);
    let Some((sent_articles, complete)) = send_articles(seq, file, skip_first, work, observer)
    else {
        return ControlFlow::Break(());
    };
    state.articles = skip_first + sent_articles;
    let end = ToWriter::FileEnd {
        seq,
        sent: sent_articles,
        state: complete.then_some(state),
        bytes: file.size,
    };
    sent(to_writer, end)
}

/// Sends a message to the writer; breaks when the writer has stopped.
fn sent(to_writer: &Sender<ToWriter>, message: ToWriter) -> ControlFlow<()> {
    match to_writer.send(message) {
        Ok(()) => ControlFlow::Continue(()),
        Err(_) => ControlFlow::Break(()),
    }
}

/// Tells the writer a file starts: the documents it deletes first (the file's, and those of
/// the name it had before when it was renamed), unless a killed run's part is resumed.
fn file_start(seq: usize, job: &Job, state: &FileState, resumed: Option<usize>) -> ToWriter {
    let file = &job.file;
    let mut delete = Vec::new();
    if resumed.is_none() {
        delete.push(file.name.clone());
        if let Some(previous) = &job.previous
            && previous.name != file.name
        {
            delete.push(previous.name.clone());
        }
    }
    ToWriter::FileStart {
        seq,
        delete,
        state: state.clone(),
        previous_articles: job
            .previous
            .as_ref()
            .filter(|p| !p.partial)
            .map(|p| p.articles),
        resumed,
    }
}

/// Reports a file or article passed over.
fn skipped(observer: &dyn Observer, file: &SourceFile, reason: String) {
    observer.problem(Problem {
        path: file.disk_path.clone(),
        line: None,
        reason,
        severity: Severity::Skipped,
    });
}

/// Sends the articles of `file` to the workers, past the first `skip_first` (committed by a
/// run that was killed), and reports its bytes as read. Gives how many were sent and whether
/// the file was read to its end; `None` when the workers have stopped.
fn send_articles(
    seq: usize,
    file: &SourceFile,
    skip_first: usize,
    work: &Sender<Work>,
    observer: &dyn Observer,
) -> Option<(usize, bool)> {
    // Hashes, not names: a file of a million records keeps 8 bytes a record.
    let mut ids: HashSet<u64> = HashSet::new();
    let mut accepted = 0usize;
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
                    let reason = format!(
                        "article id {} appears twice; the first is kept",
                        article.path
                    );
                    skipped(observer, file, reason);
                    return;
                }
                // Progress for files of many articles: about one body's worth per article.
                let step = (article.body.len() as u64).min(file.size - reported);
                reported += step;
                observer.read(step);
                let index = accepted;
                accepted += 1;
                if index < skip_first {
                    return;
                }
                let work_item = Work {
                    seq,
                    index,
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
        return None;
    }
    let complete = match read {
        Ok(Ok(())) => true,
        Ok(Err(problem)) => {
            observer.problem(problem);
            false
        }
        Err(panic) => {
            skipped(
                observer,
                file,
                format!("reader failed: {}", panic_message(&panic)),
            );
            false
        }
    };
    observer.read(file.size - reported);
    Some((sent, complete))
}

fn enrich_articles(
    work: &Receiver<Work>,
    to_writer: &Sender<ToWriter>,
    fields: &Fields,
    observer: &dyn Observer,
) {
    for Work {
        seq,
        index,
        file,
        article,
    } in work
    {
        let path = article.path.clone();
        let mut sent_any = false;
        let mut closed = false;
        let built = catch_unwind(AssertUnwindSafe(|| {
            let enriched = enrich::enrich(&article);
            if let Some(reason) = enriched.warning() {
                observer.problem(Problem {
                    path: path.clone().into(),
                    line: None,
                    reason,
                    severity: Severity::Warning,
                });
            }
            StoredArticle {
                file,
                article,
                enriched,
            }
            .documents_in_batches(fields, DOCS_PER_MESSAGE, &mut |docs, last| {
                let msg = ToWriter::Docs {
                    seq,
                    index,
                    id: path.clone(),
                    docs: Some(docs),
                    first: !sent_any,
                    last,
                };
                sent_any = true;
                closed = to_writer.send(msg).is_err();
                !closed
            })
        }));
        if closed {
            return;
        }
        let reason = match built {
            Ok(Ok(())) => continue,
            Ok(Err(err)) => with_causes(&err),
            Err(panic) => format!("extraction failed: {}", panic_message(&panic)),
        };
        observer.problem(Problem {
            path: path.clone().into(),
            line: None,
            reason,
            severity: Severity::Skipped,
        });
        let msg = ToWriter::Docs {
            seq,
            index,
            id: path,
            docs: None,
            first: !sent_any,
            last: true,
        };
        if to_writer.send(msg).is_err() {
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
    /// The file's state but for the article count, for partial states at commits.
    state: Option<FileState>,
    /// Articles a killed run committed, not read again; each later article replaces itself.
    resumed: Option<usize>,
    /// Every article before this one is in the index.
    done_before: usize,
    /// Articles at or after `done_before` that are in, out of order.
    done_after: BTreeSet<usize>,
}

impl InFlight {
    /// Article `index` is in the index (or was reported as failed).
    fn done(&mut self, index: usize) {
        self.done_after.insert(index);
        while self.done_after.remove(&self.done_before) {
            self.done_before += 1;
        }
    }

    /// The state a commit made now should hold for this file: every article before the
    /// first one not yet in.
    fn partial_state(&self) -> Option<FileState> {
        let mut state = self.state.clone()?;
        state.articles = self.done_before;
        state.partial = true;
        Some(state)
    }
}

fn write(
    writer: &mut Writer,
    messages: &Receiver<ToWriter>,
    options: PipelineOptions,
    summary: &mut Summary,
    observer: &dyn Observer,
) -> Result<(), IndexError> {
    let fields = writer.handle().fields;
    let mut w = Writing {
        writer,
        fields: &fields,
        in_flight: HashMap::new(),
        summary,
        observer,
    };
    let mut last_commit = Instant::now();
    for message in messages {
        let seq = match message {
            ToWriter::FileStart {
                seq,
                delete,
                state,
                previous_articles,
                resumed,
            } => {
                w.start_file(seq, &delete, state, previous_articles, resumed);
                None
            }
            ToWriter::Docs {
                seq,
                index,
                id,
                docs,
                first,
                last,
            } => {
                w.add_article(seq, &id, docs, first, last)?;
                if last {
                    let file = w.in_flight.entry(seq).or_default();
                    file.received += 1;
                    file.done(index);
                }
                last.then_some(seq)
            }
            ToWriter::FileEnd {
                seq,
                sent,
                state,
                bytes,
            } => {
                w.summary.files_read += 1;
                w.summary.bytes_read += bytes;
                w.in_flight.entry(seq).or_default().end = Some((sent, state));
                Some(seq)
            }
            ToWriter::StateOnly { state, bytes } => {
                w.summary.files_unchanged += 1;
                w.summary.bytes_read += bytes;
                w.writer.delete_state(&state.key);
                w.writer.add(state.document(w.fields)?)?;
                None
            }
        };
        if let Some(seq) = seq {
            w.finish_if_complete(seq)?;
        }
        if last_commit.elapsed() >= options.commit_every {
            w.commit_partial()?;
            last_commit = Instant::now();
        }
    }
    w.writer.commit()?;
    w.summary.commits += 1;
    Ok(())
}

/// The writer's side of a run: the files whose articles are still arriving.
struct Writing<'a> {
    writer: &'a mut Writer,
    fields: &'a Fields,
    in_flight: HashMap<usize, InFlight>,
    summary: &'a mut Summary,
    observer: &'a dyn Observer,
}

impl Writing<'_> {
    /// A file starts: its old documents and state go, and its articles are awaited.
    fn start_file(
        &mut self,
        seq: usize,
        delete: &[String],
        state: FileState,
        previous_articles: Option<usize>,
        resumed: Option<usize>,
    ) {
        for name in delete {
            self.writer.delete_file(name);
        }
        self.writer.delete_state(&state.key);
        let file = InFlight {
            previous_articles,
            state: Some(state),
            resumed,
            done_before: resumed.unwrap_or(0),
            ..InFlight::default()
        };
        self.in_flight.insert(seq, file);
    }

    /// Adds an article's documents (or some of them: `first` and `last` mark its ends). An
    /// article that failed (`docs` is `None`) after some of its documents were sent leaves
    /// none.
    fn add_article(
        &mut self,
        seq: usize,
        id: &str,
        docs: Option<Vec<TantivyDocument>>,
        first: bool,
        last: bool,
    ) -> Result<(), IndexError> {
        let file = self.in_flight.entry(seq).or_default();
        match docs {
            Some(docs) => {
                if first && file.resumed.is_some() {
                    // A killed run may have committed this article out of order.
                    self.writer.delete_article(id);
                }
                self.summary.quotes += docs.len() - usize::from(first);
                for doc in docs {
                    self.writer.add(doc)?;
                }
                if last {
                    file.added += 1;
                    self.observer.indexed();
                }
            }
            None if !first => self.writer.delete_article(id),
            None => {}
        }
        Ok(())
    }

    /// Once every article the reader sent for file `seq` is in, the file is finished.
    fn finish_if_complete(&mut self, seq: usize) -> Result<(), IndexError> {
        let done = self
            .in_flight
            .get(&seq)
            .is_some_and(|f| f.end.as_ref().is_some_and(|(sent, _)| *sent == f.received));
        if done && let Some(file) = self.in_flight.remove(&seq) {
            finish_file(self.writer, self.fields, file, self.summary)?;
        }
        Ok(())
    }

    /// Commits what is in, with a partial state for each file still arriving, so that a
    /// killed run resumes after it.
    fn commit_partial(&mut self) -> Result<(), IndexError> {
        for file in self.in_flight.values() {
            if let Some(state) = file.partial_state() {
                self.writer.delete_state(&state.key);
                self.writer.add(state.document(self.fields)?)?;
            }
        }
        self.writer.commit()?;
        self.summary.commits += 1;
        Ok(())
    }
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
        state.articles = file.resumed.unwrap_or(0) + added;
        // Replaces any partial state a commit during the file left.
        writer.delete_state(&state.key);
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

/// An error and its causes on one line, as `main` prints an error.
fn with_causes(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut cause = err.source();
    while let Some(c) = cause {
        text.push_str(": ");
        text.push_str(&c.to_string());
        cause = c.source();
    }
    text
}

/// The message a panic was raised with.
pub(crate) fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
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
        index_committing(root, dir, Duration::from_secs(60))
    }

    /// `index`, committing at most `commit_every` apart.
    fn index_committing(root: &Path, dir: &Path, commit_every: Duration) -> (Summary, Vec<String>) {
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
            commit_every,
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
    fn a_partly_committed_file_is_resumed_not_read_again() {
        let (_tmp, root, dir) = corpus();
        let path = root.join("w.jsonl");
        let lines: String = (0..10)
            .map(|i| format!("{{\"id\": \"{i}\", \"body\": \"story {i}\"}}\n"))
            .collect();
        std::fs::write(&path, lines).unwrap();
        // What a killed run committed: records 0 to 3 in order, record 6 ahead of its turn,
        // and a partial state saying the first four are in.
        let mut writer = Writer::open(&dir, WRITER).unwrap();
        let fields = writer.handle().fields;
        for i in [0, 1, 2, 3, 6] {
            let stored = StoredArticle {
                file: "c/w.jsonl".into(),
                article: Article {
                    path: format!("c/w.jsonl#{i}"),
                    body: format!("story {i}"),
                    ..Article::default()
                },
                enriched: enrich::Enriched::default(),
            };
            for doc in stored.documents(&fields).unwrap() {
                writer.add(doc).unwrap();
            }
        }
        let meta = std::fs::metadata(&path).unwrap();
        let partial = FileState {
            key: Root::new(&root).key_of(&path).unwrap(),
            name: "c/w.jsonl".into(),
            size: meta.len(),
            modified: meta.modified().ok().map(Mtime::from_system),
            hash: hash_file(&path).unwrap(),
            articles: 4,
            partial: true,
        };
        writer.add(partial.document(&fields).unwrap()).unwrap();
        writer.commit().unwrap();
        writer.finish().unwrap();

        let (summary, problems) = index(&root, &dir);
        assert!(problems.is_empty(), "{problems:?}");
        // a.txt and b.txt, and of w.jsonl only records 4 to 9.
        assert_eq!(summary.indexed, 2 + 6);
        for i in 0..10 {
            assert_eq!(count(&dir, "article", &format!("c/w.jsonl#{i}")), 1, "{i}");
        }
        assert_eq!(count(&dir, "doc_type", "article"), 12);
        assert_eq!(count(&dir, "doc_type", "file"), 3);
        // The file's state is whole again: a re-run reads nothing.
        let (again, _) = index(&root, &dir);
        assert_eq!((again.files_read, again.files_unchanged), (0, 3));
    }

    #[test]
    fn commits_during_a_file_leave_a_whole_state_at_the_end() {
        let (_tmp, root, dir) = corpus();
        let lines: String = (0..40)
            .map(|i| format!("{{\"id\": \"{i}\", \"body\": \"story {i}\"}}\n"))
            .collect();
        std::fs::write(root.join("w.jsonl"), lines).unwrap();
        // A commit after every message, partial states and all.
        let (summary, problems) = index_committing(&root, &dir, Duration::ZERO);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(summary.commits > 10, "{summary:?}");
        assert_eq!(summary.indexed, 42);
        assert_eq!(count(&dir, "doc_type", "file"), 3);
        let (again, _) = index(&root, &dir);
        assert_eq!((again.files_read, again.files_unchanged), (0, 3));
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
