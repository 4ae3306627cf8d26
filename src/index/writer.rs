//! Opening an index for writing: create it when absent, refuse one of another schema version,
//! take the writer lock, and commit with the schema version in the commit payload.
//!
//! The lock is tantivy's writer lock: an OS file lock on `.tantivy-writer.lock`, held for the
//! life of the writer and released by the OS when the process ends, however it ends. A second
//! writer fails at once with [`IndexError::Locked`]; a lock left by a killed run is no lock at
//! all. Readers never take it, so searching while indexing sees the last commit.

use std::path::Path;

use tantivy::indexer::{IndexWriterOptions, LogMergePolicy};
use tantivy::{IndexWriter, TantivyDocument, TantivyError, Term};

use super::{CommitPayload, IndexError, IndexHandle};

/// How many segments one merge joins.
const MERGE_AT_ONCE: usize = 3;

/// Segments with more documents than this are not merged again: a little more than one of two
/// indexing threads writes with the default budget, so fresh segments are merged once.
const MERGED_DOCS: usize = 300_000;

/// The smallest memory budget tantivy accepts for one indexing thread, in MB.
pub const MIN_MB_PER_THREAD: usize = 15;

/// How the writer may use the machine.
#[derive(Debug, Clone, Copy)]
pub struct WriterOptions {
    /// Indexing threads inside tantivy.
    pub threads: usize,
    /// The total memory budget of those threads, in MB.
    pub memory_mb: usize,
}

/// The index open for writing, holding the writer lock.
pub struct Writer {
    handle: IndexHandle,
    writer: IndexWriter,
}

impl Writer {
    /// Open the index in `dir` for writing, creating the folder and the index when absent.
    pub fn open(dir: &Path, options: WriterOptions) -> Result<Writer, IndexError> {
        let threads = options.threads.max(1);
        let needed = MIN_MB_PER_THREAD * threads;
        if options.memory_mb < needed {
            return Err(IndexError::MemoryBudget {
                given: options.memory_mb,
                needed,
            });
        }
        std::fs::create_dir_all(dir).map_err(|source| IndexError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let created = !dir.join("meta.json").is_file();
        let handle = if created {
            IndexHandle::create(dir)?
        } else {
            IndexHandle::open(dir)?
        };
        let writer_options = IndexWriterOptions::builder()
            .memory_budget_per_thread(options.memory_mb / threads * 1_000_000)
            .num_worker_threads(threads)
            .num_merge_threads(1)
            .build();
        let writer = handle
            .index
            .writer_with_options(writer_options)
            .map_err(|err| match err {
                TantivyError::LockFailure(..) => IndexError::Locked {
                    dir: dir.to_path_buf(),
                },
                other => handle.err(other),
            })?;
        let mut merge_policy = LogMergePolicy::default();
        // Re-runs delete and re-add changed files; merge away deleted documents early.
        merge_policy.set_del_docs_ratio_before_merge(0.3);
        // A merge maps every page of the segments it reads, and those pages count in the
        // process's memory until it ends. Merge fresh segments a few at a time, and never a
        // segment already grown past `MERGED_DOCS`, so no merge reads more than a few hundred
        // megabytes whatever the corpus size.
        merge_policy.set_min_num_segments(MERGE_AT_ONCE);
        merge_policy.set_max_docs_before_merge(MERGED_DOCS);
        writer.set_merge_policy(Box::new(merge_policy));
        let mut writer = Writer { handle, writer };
        if created {
            // A new index records its schema version at once, so even a run killed before its
            // first real commit leaves an index that opens.
            writer.commit()?;
        }
        Ok(writer)
    }

    pub fn handle(&self) -> &IndexHandle {
        &self.handle
    }

    pub fn add(&self, doc: TantivyDocument) -> Result<(), IndexError> {
        self.writer
            .add_document(doc)
            .map(|_| ())
            .map_err(|e| self.handle.err(e))
    }

    /// Delete every article, quote and file state a source file produced.
    pub fn delete_file(&self, name: &str) {
        self.writer
            .delete_term(Term::from_field_text(self.handle.fields.file, name));
    }

    /// Delete the article with this id and its quotes.
    pub fn delete_article(&self, id: &str) {
        self.writer
            .delete_term(Term::from_field_text(self.handle.fields.article, id));
    }

    /// Delete the file-state document with this key.
    pub fn delete_state(&self, key: &str) {
        self.writer
            .delete_term(Term::from_field_text(self.handle.fields.state_key, key));
    }

    /// Make everything added and deleted so far durable and visible to searchers.
    pub fn commit(&mut self) -> Result<(), IndexError> {
        let mut prepared = self
            .writer
            .prepare_commit()
            .map_err(|e| self.handle.err(e))?;
        prepared.set_payload(&CommitPayload::current());
        prepared.commit().map_err(|e| self.handle.err(e))?;
        Ok(())
    }

    /// Wait for background merges and release the lock.
    pub fn finish(self) -> Result<(), IndexError> {
        let handle = self.handle;
        self.writer
            .wait_merging_threads()
            .map_err(|e| handle.err(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema;
    use tantivy::Index;

    const OPTIONS: WriterOptions = WriterOptions {
        threads: 1,
        memory_mb: 20,
    };

    #[test]
    fn new_index_opens_for_search_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let writer = Writer::open(dir.path(), OPTIONS).unwrap();
        assert!(IndexHandle::open(dir.path()).is_ok());
        writer.finish().unwrap();
    }

    #[test]
    fn second_writer_is_refused_with_locked() {
        let dir = tempfile::tempdir().unwrap();
        let first = Writer::open(dir.path(), OPTIONS).unwrap();
        let second = Writer::open(dir.path(), OPTIONS);
        assert!(matches!(second, Err(IndexError::Locked { .. })));
        first.finish().unwrap();
        // Once the first writer is gone the lock is free again.
        Writer::open(dir.path(), OPTIONS).unwrap().finish().unwrap();
    }

    #[test]
    fn missing_index_is_not_found() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            IndexHandle::open(&dir.path().join("nothing")),
            Err(IndexError::NotFound { .. })
        ));
    }

    #[test]
    fn index_without_newsdex_version_is_incompatible() {
        let dir = tempfile::tempdir().unwrap();
        let (schema, fields) = schema::build();
        let index = Index::create_in_dir(dir.path(), schema).unwrap();
        index
            .tokenizers()
            .register(schema::TEXT_ANALYZER, schema::text_analyzer());
        let mut writer: IndexWriter = index.writer(20_000_000).unwrap();
        let mut doc = TantivyDocument::new();
        doc.add_text(fields.doc_type, schema::ARTICLE_DOC);
        writer.add_document(doc).unwrap();
        writer.commit().unwrap();
        drop(writer);
        let err = IndexHandle::open(dir.path()).err().unwrap();
        assert!(matches!(err, IndexError::Incompatible { .. }));
        assert!(err.to_string().contains("re-index"), "{err}");
    }

    #[test]
    fn garbled_or_foreign_index_files_ask_for_a_reindex() {
        use tantivy::directory::error::{Incompatibility, OpenReadError};
        use tantivy::error::DataCorruption;
        let dir = Path::new("idx");
        let cases = [
            TantivyError::DataCorruption(DataCorruption::comment_only("meta.json is garbage")),
            TantivyError::OpenReadError(OpenReadError::FileDoesNotExist("idx/a.idx".into())),
            TantivyError::IncompatibleIndex(Incompatibility::CompressionMismatch {
                library_compression_format: "lz4".into(),
                index_compression_format: "zstd".into(),
            }),
        ];
        for source in cases {
            let err = IndexError::tantivy(dir, source);
            assert!(
                matches!(
                    err,
                    IndexError::Damaged { .. } | IndexError::Incompatible { .. }
                ),
                "{err:?}"
            );
            assert!(err.to_string().contains("re-index: remove idx"), "{err}");
        }
        let full = std::io::Error::other("no space left on device");
        let err = IndexError::tantivy(dir, TantivyError::from(full));
        assert!(matches!(err, IndexError::Tantivy { .. }), "{err:?}");
    }

    #[test]
    fn an_index_created_but_killed_before_its_first_commit_is_taken_as_new() {
        let dir = tempfile::tempdir().unwrap();
        // What a run killed just after creating the index leaves: tantivy's meta file
        // without newsdex's version and without segments.
        let (schema, _) = schema::build();
        drop(Index::create_in_dir(dir.path(), schema).unwrap());
        assert!(IndexHandle::open(dir.path()).is_ok());
        let writer = Writer::open(dir.path(), OPTIONS).unwrap();
        writer.finish().unwrap();
    }

    #[test]
    fn too_small_memory_budget_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let options = WriterOptions {
            threads: 2,
            memory_mb: 20,
        };
        assert!(matches!(
            Writer::open(dir.path(), options),
            Err(IndexError::MemoryBudget { needed: 30, .. })
        ));
    }
}
