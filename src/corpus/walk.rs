//! Walking the paths given on the command line into [`SourceFile`]s.
//!
//! The walk follows symbolic links (a loop is reported, not followed), goes in a stable
//! order (sorted by file name, so runs and their output are reproducible), passes over
//! hidden folders below a root (`.git`, `.cache`: never a corpus, often huge), and yields only
//! regular files, so a FIFO or device named like an article cannot hang a run.

use std::path::{Component, Path, PathBuf};

use walkdir::WalkDir;

use super::{Format, SourceFile};

/// What the walk found at one path.
#[derive(Debug)]
pub enum Walked {
    File(SourceFile),
    Skipped(Skip),
}

/// A path passed over, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    /// A file whose extension newsdex does not read; counted, not reported one by one.
    UnknownExtension { path: PathBuf },
    /// A path the walk could not enter or stat (permissions, a symlink loop, a vanished file).
    Unreadable { path: PathBuf, reason: String },
}

/// Walk every root in turn, in a stable order (sorted by file name), following symlinks.
///
/// A root that is a file yields that file, named by its file name.
pub fn walk(roots: &[PathBuf]) -> impl Iterator<Item = Walked> + '_ {
    roots.iter().flat_map(|root| {
        WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| !is_hidden_folder(e))
            .filter_map(move |entry| match entry {
                Ok(entry) if entry.file_type().is_dir() => None,
                Ok(entry) => Some(source_file(root, entry)),
                Err(err) => {
                    let path = err.path().unwrap_or(root).to_path_buf();
                    let reason = match err.loop_ancestor() {
                        Some(a) => format!("symlink loop back to {}", a.display()),
                        None => err
                            .io_error()
                            .map_or_else(|| err.to_string(), |e| e.to_string()),
                    };
                    Some(Walked::Skipped(Skip::Unreadable { path, reason }))
                }
            })
    })
}

/// A folder below a root whose name starts with a dot. A root itself is always walked.
fn is_hidden_folder(entry: &walkdir::DirEntry) -> bool {
    entry.depth() > 0
        && entry.file_type().is_dir()
        && entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with('.'))
}

fn source_file(root: &Path, entry: walkdir::DirEntry) -> Walked {
    let path = entry.path().to_path_buf();
    let Some(format) = path
        .extension()
        .and_then(|e| e.to_str())
        .and_then(Format::from_extension)
    else {
        return Walked::Skipped(Skip::UnknownExtension { path });
    };
    let meta = match entry.metadata() {
        Ok(m) if m.is_file() => m,
        Ok(_) => {
            return Walked::Skipped(Skip::Unreadable {
                reason: "not a regular file".into(),
                path,
            });
        }
        Err(err) => {
            return Walked::Skipped(Skip::Unreadable {
                reason: err.to_string(),
                path,
            });
        }
    };
    Walked::File(SourceFile {
        name: article_name(root, &path),
        disk_path: path,
        format,
        size: meta.len(),
        modified: meta.modified().ok(),
    })
}

/// The article name of `path` found under `root`: its path relative to `root` with `/`
/// separators. A file that lies directly in the folder given (or is itself the root given)
/// keeps that folder's name in front, so `corpora` and `corpora/seed` both name the seed
/// `seed/rubio-pakistan-india.txt`, and flat folders indexed one after another never collide.
pub fn article_name(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let mut parts: Vec<String> = rel
        .components()
        .filter(|c| matches!(c, Component::Normal(_)))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.len() <= 1 {
        let file = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let folder = path
            .parent()
            .and_then(folder_name)
            .map(|n| n.to_string_lossy().into_owned());
        parts = folder.into_iter().chain(file).collect();
    }
    parts.join("/")
}

/// The name of a folder, resolving `.` and `..` so that `newsdex index .` names files after
/// the current folder.
fn folder_name(dir: &Path) -> Option<std::ffi::OsString> {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    match dir.file_name() {
        Some(name) => Some(name.to_os_string()),
        None => std::fs::canonicalize(dir)
            .ok()
            .and_then(|d| d.file_name().map(|n| n.to_os_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_relative_with_forward_slashes() {
        assert_eq!(
            article_name(Path::new("corpora"), Path::new("corpora/seed/a.txt")),
            "seed/a.txt"
        );
        assert_eq!(
            article_name(
                Path::new("corpora/"),
                Path::new("corpora/bbc/sport/199.txt")
            ),
            "bbc/sport/199.txt"
        );
    }

    #[test]
    fn files_at_the_top_keep_their_folder_name() {
        assert_eq!(
            article_name(Path::new("corpora/seed"), Path::new("corpora/seed/a.txt")),
            "seed/a.txt"
        );
        assert_eq!(
            article_name(
                Path::new("corpora/seed/a.txt"),
                Path::new("corpora/seed/a.txt")
            ),
            "seed/a.txt"
        );
        assert_eq!(
            article_name(Path::new("a.txt"), Path::new("a.txt"))
                .split('/')
                .next_back(),
            Some("a.txt")
        );
    }

    #[test]
    fn walk_skips_hidden_folders_and_reports_what_it_passes_over() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("corpus");
        for (name, text) in [
            ("wires/b.txt", "b"),
            ("wires/a.TXT", "a"),
            (".git/config.txt", "not an article"),
            ("wires/.hidden/c.txt", "hidden"),
            ("wires/.dotfile.txt", "a hidden file is still read"),
            ("notes.docx", "unknown"),
            ("top.md", "top"),
        ] {
            let path = root.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        #[cfg(unix)]
        std::os::unix::fs::symlink("/dev/null", root.join("wires/device.txt")).unwrap();
        let mut files = Vec::new();
        let mut skipped = Vec::new();
        for walked in walk(std::slice::from_ref(&root)) {
            match walked {
                Walked::File(f) => files.push(f.name),
                Walked::Skipped(Skip::UnknownExtension { path }) => skipped.push(format!(
                    "unknown {}",
                    path.file_name().unwrap().to_string_lossy()
                )),
                Walked::Skipped(Skip::Unreadable { path, reason }) => skipped.push(format!(
                    "{} {reason}",
                    path.file_name().unwrap().to_string_lossy()
                )),
            }
        }
        assert_eq!(
            files,
            [
                "corpus/top.md",
                "wires/.dotfile.txt",
                "wires/a.TXT",
                "wires/b.txt"
            ]
        );
        let mut want = vec!["unknown notes.docx"];
        if cfg!(unix) {
            want.insert(0, "device.txt not a regular file");
        }
        skipped.sort();
        want.sort();
        assert_eq!(skipped, want);
    }

    #[test]
    fn missing_root_is_reported() {
        let walked: Vec<Walked> = walk(&[PathBuf::from("no/such/folder")]).collect();
        assert!(
            matches!(&walked[..], [Walked::Skipped(Skip::Unreadable { path, .. })] if path.ends_with("folder")),
            "{walked:?}"
        );
    }
}
