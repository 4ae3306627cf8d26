//! The engine the server answers from, reopened when `newsdex index` commits.
//!
//! Every request asks for the engine; that costs one `stat` of the index's `meta.json`, which
//! tantivy replaces atomically on each commit. When its modification time or size changed, the
//! next request opens the new commit (one request at a time does, the others keep the old
//! engine until it is ready), so a running server shows a re-index without a restart.
//!
//! Each commit opened, the first at start included, is warmed on a thread of its own (see
//! `warm`), so the first visitors after a start or a commit find its caches built.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, SystemTime};

use super::warm;
use crate::search::{Engine, SearchError};

/// Told how long warming a commit took, once it is warm.
pub type OnWarm = Arc<dyn Fn(Duration) + Send + Sync>;

/// What identifies one commit of `meta.json` from the outside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    modified: Option<SystemTime>,
    len: u64,
}

fn stamp(dir: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(dir.join("meta.json")).ok()?;
    Some(Stamp {
        modified: meta.modified().ok(),
        len: meta.len(),
    })
}

/// The current engine of an index directory.
pub struct LiveEngine {
    dir: PathBuf,
    current: RwLock<(Option<Stamp>, Arc<Engine>)>,
    reopening: Mutex<()>,
    on_warm: OnWarm,
}

impl LiveEngine {
    /// Open the index in `dir` at its last commit and start warming it; `on_warm` hears when
    /// each commit is warm.
    pub fn open(dir: &Path, on_warm: OnWarm) -> Result<LiveEngine, SearchError> {
        let before = stamp(dir);
        let engine = Arc::new(Engine::open(dir)?);
        let live = LiveEngine {
            dir: dir.to_path_buf(),
            current: RwLock::new((before, Arc::clone(&engine))),
            reopening: Mutex::new(()),
            on_warm,
        };
        live.warm(engine);
        Ok(live)
    }

    fn warm(&self, engine: Arc<Engine>) {
        let on_warm = Arc::clone(&self.on_warm);
        warm::spawn(engine, move |took| on_warm(took));
    }

    /// The engine of the last commit. When reopening fails (an index half-way through being
    /// replaced), the previous commit keeps serving and the next request tries again.
    pub fn engine(&self) -> Arc<Engine> {
        let now = stamp(&self.dir);
        {
            let current = self.current.read().unwrap_or_else(|e| e.into_inner());
            if current.0 == now {
                return Arc::clone(&current.1);
            }
        }
        let Ok(_guard) = self.reopening.try_lock() else {
            // Someone else is opening the new commit; answer from the old one meanwhile.
            return Arc::clone(&self.current.read().unwrap_or_else(|e| e.into_inner()).1);
        };
        match Engine::open(&self.dir) {
            Ok(engine) => {
                let engine = Arc::new(engine);
                let mut current = self.current.write().unwrap_or_else(|e| e.into_inner());
                *current = (now, Arc::clone(&engine));
                drop(current);
                self.warm(Arc::clone(&engine));
                engine
            }
            Err(_) => Arc::clone(&self.current.read().unwrap_or_else(|e| e.into_inner()).1),
        }
    }
}
