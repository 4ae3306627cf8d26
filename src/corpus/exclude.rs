//! `--exclude GLOB`: files the walk passes over by name or path.
//!
//! A pattern matches a file when it matches the file's path below the root it was found under
//! (`notes/*.md`) or any one part of that path (`README.md`, `drafts`), so a bare name excludes
//! that file or folder at every depth. Globs are `globset`'s: `*`, `?`, `[ab]`, `{a,b}`, `**`.

use std::path::Path;

use globset::{Glob, GlobSet, GlobSetBuilder};

/// A pattern given to `--exclude` that is not a glob.
#[derive(Debug, thiserror::Error)]
#[error("--exclude: `{pattern}` is not a glob: {reason}")]
pub struct BadGlob {
    pub pattern: String,
    pub reason: String,
}

/// The compiled `--exclude` patterns; empty excludes nothing.
#[derive(Debug, Clone, Default)]
pub struct Exclude {
    set: Option<GlobSet>,
}

impl Exclude {
    pub fn new(patterns: &[String]) -> Result<Exclude, BadGlob> {
        if patterns.is_empty() {
            return Ok(Exclude::default());
        }
        let mut builder = GlobSetBuilder::new();
        for pattern in patterns {
            let glob = Glob::new(pattern).map_err(|e| BadGlob {
                pattern: pattern.clone(),
                reason: e.kind().to_string(),
            })?;
            builder.add(glob);
        }
        let set = builder.build().map_err(|e| BadGlob {
            pattern: patterns.join(" "),
            reason: e.kind().to_string(),
        })?;
        Ok(Exclude { set: Some(set) })
    }

    /// Whether `path`, found under `root`, is excluded.
    pub fn excludes(&self, root: &Path, path: &Path) -> bool {
        let Some(set) = &self.set else {
            return false;
        };
        let below = path.strip_prefix(root).unwrap_or(path);
        let below = if below.as_os_str().is_empty() {
            // The root itself, given as a file: judge it by its name.
            Path::new(path.file_name().unwrap_or(path.as_os_str()))
        } else {
            below
        };
        set.is_match(below)
            || below
                .components()
                .any(|part| set.is_match(part.as_os_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn excluded(patterns: &[&str], path: &str) -> bool {
        let patterns: Vec<String> = patterns.iter().map(|p| p.to_string()).collect();
        Exclude::new(&patterns)
            .unwrap()
            .excludes(Path::new("corpus"), &Path::new("corpus").join(path))
    }

    #[test]
    fn a_bare_name_excludes_at_every_depth() {
        assert!(excluded(&["README.md"], "README.md"));
        assert!(excluded(&["README.md"], "business/README.md"));
        assert!(!excluded(&["README.md"], "business/readme-notes.md"));
        assert!(excluded(&["drafts"], "drafts/one.txt"));
        assert!(!excluded(&["drafts"], "published/drafts.txt"));
    }

    #[test]
    fn globs_match_names_and_paths() {
        assert!(excluded(&["*.md"], "politics/notes.md"));
        assert!(!excluded(&["*.md"], "politics/001.txt"));
        assert!(excluded(&["politics/*.txt"], "politics/001.txt"));
        assert!(!excluded(&["politics/*.txt"], "business/001.txt"));
        assert!(!excluded(&[], "anything.txt"));
    }

    #[test]
    fn a_broken_glob_is_refused_with_the_pattern() {
        let err = Exclude::new(&["[abc".to_string()]).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("--exclude: `[abc` is not a glob"),
            "{err}"
        );
    }
}
