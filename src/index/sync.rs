//! Incremental indexing: what the index remembers of each source file, and what a new run
//! must read, skip or delete.
//!
//! Each source file has a *file document* in the index ([`FileState`]: absolute path, name,
//! size, modification time, content hash, article count). It is added in the same batch as the
//! file's articles once all of them are added, so a commit holds a file's complete state only
//! if it holds all of its articles. A run killed between commits may leave some articles of a
//! file without its state; the next run finds no state, deletes everything the file's name
//! produced and reads it again, so nothing is ever indexed twice.
//!
//! A file still being read when a commit is made (a JSON Lines file of many records, say) gets
//! a *partial* state in that commit: the commit holds its first `articles` articles, in the
//! order the reader gives them. A killed run's next run finds the partial state, and if the
//! content hash still matches it resumes after those articles instead of starting over, so a
//! killed run loses at most the work since its last commit however large its files are.
//!
//! A file is *unchanged* when its size and modification time match (no read at all), or when
//! its content hash matches (read, but not enriched). A state whose file was not seen under the
//! roots given is *gone* and deleted, unless the walk could not enter the folder it lies in;
//! states outside the roots given are never touched.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::{Deserialize, Serialize};
use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, TantivyDocument, Term};

use super::record::from_document;
use super::schema::FILE_DOC;
use super::{Fields, IndexError, IndexHandle};
use crate::corpus::{Problem, Severity, SourceFile};

/// What the index remembers of one source file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileState {
    /// The file's absolute path (see [`Root::key_of`]).
    pub key: String,
    /// The file's name, which prefixes the ids of its articles.
    pub name: String,
    pub size: u64,
    pub modified: Option<Mtime>,
    pub hash: u64,
    /// The articles the file gave, or for a partial state the articles the commit holds.
    pub articles: usize,
    /// Whether the file was still being read when this state was committed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub partial: bool,
}

/// A modification time, to the nanosecond.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mtime {
    pub secs: i64,
    pub nanos: u32,
}

impl Mtime {
    pub fn from_system(time: SystemTime) -> Mtime {
        match time.duration_since(SystemTime::UNIX_EPOCH) {
            Ok(d) => Mtime {
                secs: i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
                nanos: d.subsec_nanos(),
            },
            Err(before) => Mtime {
                secs: -i64::try_from(before.duration().as_secs()).unwrap_or(i64::MAX),
                nanos: before.duration().subsec_nanos(),
            },
        }
    }
}

impl FileState {
    /// The file document of this state.
    pub fn document(&self, fields: &Fields) -> Result<TantivyDocument, IndexError> {
        let mut doc = TantivyDocument::new();
        doc.add_text(fields.doc_type, FILE_DOC);
        doc.add_text(fields.state_key, &self.key);
        doc.add_text(fields.file, &self.name);
        let json = serde_json::to_string(self).map_err(|source| IndexError::Record {
            id: self.key.clone(),
            source,
        })?;
        doc.add_text(fields.record, json);
        Ok(doc)
    }
}

/// Every file state in the commit `searcher` reads, by key.
pub fn load(
    handle: &IndexHandle,
    searcher: &Searcher,
) -> Result<HashMap<String, FileState>, IndexError> {
    let fields = &handle.fields;
    let query = TermQuery::new(
        Term::from_field_text(fields.doc_type, FILE_DOC),
        IndexRecordOption::Basic,
    );
    let addresses = searcher
        .search(&query, &DocSetCollector)
        .map_err(|e| handle.err(e))?;
    let mut states = HashMap::with_capacity(addresses.len());
    for address in addresses {
        let doc: TantivyDocument = searcher.doc(address).map_err(|e| handle.err(e))?;
        let state: FileState = from_document(&doc, fields)?;
        states.insert(state.key.clone(), state);
    }
    Ok(states)
}

/// A path given on the command line, with its absolute form for keys.
#[derive(Debug, Clone)]
pub struct Root {
    pub given: PathBuf,
    /// `None` when the path does not exist (the walk reports it).
    pub absolute: Option<PathBuf>,
}

impl Root {
    pub fn new(given: &Path) -> Root {
        Root {
            given: given.to_path_buf(),
            absolute: std::fs::canonicalize(given).ok(),
        }
    }

    /// The key of a path the walk found under this root: the root's canonical path joined with
    /// the path below it. Links below the root are kept as they are, so that a file reached
    /// through a link still counts as under the root.
    pub fn key_of(&self, disk_path: &Path) -> Option<String> {
        let absolute = self.absolute.as_ref()?;
        let below = disk_path.strip_prefix(&self.given).ok()?;
        let key = if below.as_os_str().is_empty() {
            absolute.clone()
        } else {
            absolute.join(below)
        };
        Some(key.to_string_lossy().into_owned())
    }
}

/// A walked file and its key.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub file: SourceFile,
    pub key: String,
}

/// A file to read: new, or changed in size or time since `previous`.
#[derive(Debug, Clone)]
pub struct Job {
    pub file: SourceFile,
    pub key: String,
    pub previous: Option<FileState>,
}

/// What a run must do.
#[derive(Debug, Default)]
pub struct Plan {
    pub jobs: Vec<Job>,
    /// Files whose size and time match their state: not read.
    pub unchanged: usize,
    /// States of files no longer found under the roots.
    pub gone: Vec<FileState>,
    /// Walked files passed over (another file already has their name).
    pub problems: Vec<Problem>,
}

/// Compare what the walk found with what the index remembers.
///
/// `roots` are the paths given; `unwalkable` the keys of paths the walk could not enter, under
/// which nothing is deleted.
pub fn plan(
    mut states: HashMap<String, FileState>,
    candidates: Vec<Candidate>,
    roots: &[Root],
    unwalkable: &[String],
) -> Plan {
    let mut plan = Plan::default();
    let mut seen_keys = HashSet::new();
    let mut names: HashMap<String, PathBuf> = HashMap::new();
    for Candidate { file, key } in candidates {
        if !seen_keys.insert(key.clone()) {
            // Overlapping roots (`corpora corpora/bbc`) walk a file twice.
            continue;
        }
        if let Some(first) = names.get(&file.name) {
            plan.problems.push(Problem {
                reason: format!(
                    "its article name {} is already taken by {}",
                    file.name,
                    first.display()
                ),
                path: file.disk_path,
                line: None,
                severity: Severity::Skipped,
            });
            continue;
        }
        names.insert(file.name.clone(), file.disk_path.clone());
        let previous = states.remove(&key);
        let modified = file.modified.map(Mtime::from_system);
        match previous {
            Some(p)
                if !p.partial
                    && p.name == file.name
                    && p.size == file.size
                    && modified.is_some()
                    && p.modified == modified =>
            {
                plan.unchanged += 1;
            }
            previous => plan.jobs.push(Job {
                file,
                key,
                previous,
            }),
        }
    }
    let mut gone: Vec<FileState> = states
        .into_values()
        .filter(|s| {
            let key = Path::new(&s.key);
            roots
                .iter()
                .filter_map(|r| r.absolute.as_deref())
                .any(|root| key.starts_with(root))
                && !unwalkable.iter().any(|dir| key.starts_with(dir))
        })
        .collect();
    gone.sort_by(|a, b| a.key.cmp(&b.key));
    plan.gone = gone;
    plan
}

/// The content hash of a file, read in blocks so a file of any size takes little memory.
pub fn hash_file(path: &Path) -> std::io::Result<u64> {
    let mut reader = BufReader::with_capacity(1 << 16, File::open(path)?);
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = reader.read(&mut buf)?;
        if n == 0 {
            return Ok(hasher.digest());
        }
        hasher.update(&buf[..n]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Format;

    fn file(name: &str, size: u64, secs: u64) -> SourceFile {
        SourceFile {
            disk_path: PathBuf::from("c").join(name),
            name: name.into(),
            format: Format::Text,
            size,
            modified: Some(SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(secs)),
        }
    }

    fn state(key: &str, name: &str, size: u64, secs: i64) -> FileState {
        FileState {
            key: key.into(),
            name: name.into(),
            size,
            modified: Some(Mtime { secs, nanos: 0 }),
            hash: 0,
            articles: 1,
            partial: false,
        }
    }

    fn root(abs: &str) -> Root {
        Root {
            given: PathBuf::from("c"),
            absolute: Some(PathBuf::from(abs)),
        }
    }

    #[test]
    fn same_size_and_time_is_unchanged_anything_else_is_read() {
        let states = HashMap::from([
            ("/c/a.txt".into(), state("/c/a.txt", "c/a.txt", 10, 5)),
            ("/c/b.txt".into(), state("/c/b.txt", "c/b.txt", 10, 5)),
            ("/c/d.txt".into(), state("/c/d.txt", "old/d.txt", 10, 5)),
        ]);
        let candidates = vec![
            Candidate {
                file: file("c/a.txt", 10, 5),
                key: "/c/a.txt".into(),
            },
            Candidate {
                file: file("c/b.txt", 10, 6),
                key: "/c/b.txt".into(),
            },
            Candidate {
                file: file("c/d.txt", 10, 5),
                key: "/c/d.txt".into(),
            },
            Candidate {
                file: file("c/new.txt", 1, 1),
                key: "/c/new.txt".into(),
            },
        ];
        let plan = plan(states, candidates, &[root("/c")], &[]);
        assert_eq!(plan.unchanged, 1);
        let read: Vec<&str> = plan.jobs.iter().map(|j| j.file.name.as_str()).collect();
        // b changed time, d is known under another name, new is new.
        assert_eq!(read, ["c/b.txt", "c/d.txt", "c/new.txt"]);
        assert!(plan.jobs[2].previous.is_none());
        assert!(plan.gone.is_empty());
    }

    #[test]
    fn a_partial_state_is_read_again_though_size_and_time_match() {
        let mut partial = state("/c/a.jsonl", "c/a.jsonl", 10, 5);
        partial.partial = true;
        let states = HashMap::from([("/c/a.jsonl".into(), partial)]);
        let candidates = vec![Candidate {
            file: file("c/a.jsonl", 10, 5),
            key: "/c/a.jsonl".into(),
        }];
        let plan = plan(states, candidates, &[root("/c")], &[]);
        assert_eq!(plan.unchanged, 0);
        assert!(plan.jobs[0].previous.as_ref().is_some_and(|p| p.partial));
    }

    #[test]
    fn only_states_under_the_roots_walked_are_gone() {
        let states = HashMap::from([
            (
                "/c/x/gone.txt".into(),
                state("/c/x/gone.txt", "x/gone.txt", 1, 1),
            ),
            (
                "/c/locked/a.txt".into(),
                state("/c/locked/a.txt", "locked/a.txt", 1, 1),
            ),
            (
                "/other/b.txt".into(),
                state("/other/b.txt", "other/b.txt", 1, 1),
            ),
            ("/cc/b.txt".into(), state("/cc/b.txt", "cc/b.txt", 1, 1)),
        ]);
        let plan = plan(states, vec![], &[root("/c")], &["/c/locked".into()]);
        let gone: Vec<&str> = plan.gone.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(gone, ["/c/x/gone.txt"]);
    }

    #[test]
    fn a_file_walked_twice_is_read_once_and_name_clashes_are_reported() {
        let a = Candidate {
            file: file("seed/a.txt", 1, 1),
            key: "/c/seed/a.txt".into(),
        };
        let clash = Candidate {
            file: file("seed/a.txt", 1, 1),
            key: "/d/seed/a.txt".into(),
        };
        let plan = plan(
            HashMap::new(),
            vec![a.clone(), a, clash],
            &[root("/c")],
            &[],
        );
        assert_eq!(plan.jobs.len(), 1);
        assert_eq!(plan.problems.len(), 1);
        assert!(
            plan.problems[0].reason.contains("already taken"),
            "{:?}",
            plan.problems
        );
    }

    #[test]
    fn keys_join_the_absolute_root_and_the_path_below_it() {
        let r = Root {
            given: PathBuf::from("../corpora"),
            absolute: Some(PathBuf::from("/data/corpora")),
        };
        assert_eq!(
            r.key_of(Path::new("../corpora/bbc/1.txt")).as_deref(),
            Some("/data/corpora/bbc/1.txt")
        );
        assert_eq!(
            r.key_of(Path::new("../corpora")).as_deref(),
            Some("/data/corpora")
        );
        assert_eq!(r.key_of(Path::new("elsewhere/1.txt")), None);
    }

    #[test]
    fn hash_follows_content() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "one").unwrap();
        let h1 = hash_file(&p).unwrap();
        std::fs::write(&p, "two").unwrap();
        assert_ne!(h1, hash_file(&p).unwrap());
        std::fs::write(&p, "one").unwrap();
        assert_eq!(h1, hash_file(&p).unwrap());
    }
}
