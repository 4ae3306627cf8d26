//! Stage 4: the tantivy index. Takes [`crate::enrich::Enriched`] articles and gives a searchable
//! index on disk.
//!
//! - [`analyzer`]: the text analyzer (words, folded, stemmed, memoised);
//! - [`schema`]: every field name, the [`Fields`] handles, facet paths and the schema version;
//! - [`record`]: the documents and stored JSON records one article becomes;
//! - [`writer`]: opening, locking and committing (each commit records the schema version);
//! - [`sync`]: what changed on disk since the last run (new, changed, gone files);
//! - [`pipeline`]: reading and enrichment on worker threads feeding the writer.
//!
//! [`IndexHandle::open`] opens an existing index for searching.

pub mod analyzer;
pub mod pipeline;
pub mod record;
pub mod schema;
pub mod sync;
pub mod writer;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::directory::MmapDirectory;
use tantivy::{Index, IndexReader, IndexSettings, ReloadPolicy};

pub use schema::Fields;

/// Why the index could not be opened, written or read.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("no index at {dir}; create one with `newsdex index PATH --index {dir}`")]
    NotFound { dir: PathBuf },
    #[error("index {dir} is locked by another newsdex process")]
    Locked { dir: PathBuf },
    #[error(
        "index {dir} was made by an incompatible newsdex version ({found}, this newsdex needs \
         schema {expected}); re-index: remove {dir} and run `newsdex index` again"
    )]
    Incompatible {
        dir: PathBuf,
        found: String,
        expected: u32,
    },
    #[error("index {dir} is damaged (re-index: remove {dir} and run `newsdex index` again)")]
    Damaged {
        dir: PathBuf,
        #[source]
        source: tantivy::TantivyError,
    },
    // The messages below leave their source out: `main` prints the chain of causes after it.
    #[error("index {dir}")]
    Tantivy {
        dir: PathBuf,
        #[source]
        source: tantivy::TantivyError,
    },
    #[error("{path}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("stored record of {id} is unreadable")]
    Record {
        id: String,
        #[source]
        source: serde_json::Error,
    },
    #[error("--memory-mb {given} is too small: the writer needs at least {needed} MB")]
    MemoryBudget { given: usize, needed: usize },
}

impl IndexError {
    /// A tantivy error met on the index in `dir`: files that are garbled or missing, or written
    /// in a format this build cannot read, are told apart from other failures (a full disk,
    /// say), because only they call for a re-index.
    pub fn tantivy(dir: &Path, source: tantivy::TantivyError) -> IndexError {
        use tantivy::TantivyError as T;
        use tantivy::directory::error::OpenReadError;
        let dir = dir.to_path_buf();
        match source {
            T::IncompatibleIndex(_) | T::OpenReadError(OpenReadError::IncompatibleIndex(_)) => {
                IndexError::Incompatible {
                    dir,
                    found: "an index format this newsdex cannot read".into(),
                    expected: schema::SCHEMA_VERSION,
                }
            }
            T::DataCorruption(_) | T::OpenReadError(OpenReadError::FileDoesNotExist(_)) => {
                IndexError::Damaged { dir, source }
            }
            source => IndexError::Tantivy { dir, source },
        }
    }
}

fn mmap(dir: &Path) -> Result<MmapDirectory, IndexError> {
    MmapDirectory::open(dir).map_err(|e| IndexError::tantivy(dir, e.into()))
}

/// What each commit stores in the index's meta file: the schema version it was written with.
#[derive(Debug, Serialize, Deserialize)]
struct CommitPayload {
    newsdex_schema: u32,
}

impl CommitPayload {
    fn current() -> String {
        let payload = CommitPayload {
            newsdex_schema: schema::SCHEMA_VERSION,
        };
        serde_json::to_string(&payload).unwrap_or_default()
    }
}

/// An opened index: the tantivy index, its field handles and where it lives.
#[derive(Clone)]
pub struct IndexHandle {
    pub index: Index,
    pub fields: Fields,
    pub dir: PathBuf,
}

impl IndexHandle {
    /// Open an existing index for searching, checking that this newsdex can read it.
    pub fn open(dir: &Path) -> Result<IndexHandle, IndexError> {
        if !dir.join("meta.json").is_file() {
            return Err(IndexError::NotFound {
                dir: dir.to_path_buf(),
            });
        }
        let tantivy_err = |source| IndexError::tantivy(dir, source);
        let index = Index::open(mmap(dir)?).map_err(tantivy_err)?;
        let metas = index.load_metas().map_err(tantivy_err)?;
        let found = metas
            .payload
            .as_deref()
            .and_then(|p| serde_json::from_str::<CommitPayload>(p).ok())
            .map(|p| p.newsdex_schema);
        let (schema, fields) = schema::build();
        // `newsdex index` creates an index (tantivy writes it without a version) and then
        // commits the version at once; a run killed between the two leaves an index with our
        // schema, no version and nothing in it, which is as good as new.
        let unstamped_new = found.is_none() && metas.segments.is_empty();
        let version_ok = found == Some(schema::SCHEMA_VERSION) || unstamped_new;
        if !version_ok || index.schema() != schema {
            return Err(IndexError::Incompatible {
                dir: dir.to_path_buf(),
                found: found.map_or_else(
                    || "no newsdex schema version".to_string(),
                    |v| format!("schema {v}"),
                ),
                expected: schema::SCHEMA_VERSION,
            });
        }
        Ok(IndexHandle::ready(index, fields, dir))
    }

    /// Create an empty index in `dir` (an existing folder without an index).
    pub(crate) fn create(dir: &Path) -> Result<IndexHandle, IndexError> {
        let (schema, fields) = schema::build();
        let index = Index::create(mmap(dir)?, schema, IndexSettings::default())
            .map_err(|source| IndexError::tantivy(dir, source))?;
        Ok(IndexHandle::ready(index, fields, dir))
    }

    /// The handle of an opened index, its text analyzer registered.
    fn ready(index: Index, fields: Fields, dir: &Path) -> IndexHandle {
        index
            .tokenizers()
            .register(schema::TEXT_ANALYZER, schema::text_analyzer());
        IndexHandle {
            index,
            fields,
            dir: dir.to_path_buf(),
        }
    }

    /// A reader of the last commit. Reloads are manual: a command reads one consistent commit.
    pub fn reader(&self) -> Result<IndexReader, IndexError> {
        self.index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|source| self.err(source))
    }

    /// Wrap a tantivy error with this index's directory (see [`IndexError::tantivy`]).
    pub fn err(&self, source: tantivy::TantivyError) -> IndexError {
        IndexError::tantivy(&self.dir, source)
    }
}
