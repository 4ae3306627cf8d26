//! Problems met while walking and reading a corpus, as one type every command reports the same
//! way: the path, the line for multi-article files, and the reason.

use std::fmt;
use std::path::PathBuf;

use super::{Article, ReadError, Record, Skip, SourceFile};

/// A file or record passed over (or read with a caveat), with where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    /// The 1-based line of a multi-article file, when the problem is one record.
    pub line: Option<usize>,
    pub reason: String,
    pub severity: Severity,
}

/// Whether the input was dropped or read anyway.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The file or record was not read; it counts as skipped.
    Skipped,
    /// The input was read, with a caveat worth telling (an encoding fallback, say).
    Warning,
}

impl Problem {
    /// A path the walk could not enter; `None` for files that are merely of an unknown kind.
    pub fn from_skip(skip: Skip) -> Option<Problem> {
        match skip {
            Skip::UnknownExtension { .. } => None,
            Skip::Unreadable { path, reason } => Some(Problem {
                path,
                line: None,
                reason,
                severity: Severity::Skipped,
            }),
        }
    }

    fn from_read_error(err: ReadError) -> Problem {
        let (path, reason) = match err {
            ReadError::Io { path, source } => (path, source.to_string()),
            ReadError::Invalid { path, reason } => (path, reason),
        };
        Problem {
            path,
            line: None,
            reason,
            severity: Severity::Skipped,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.severity {
            Severity::Skipped => "skipped",
            Severity::Warning => "warning:",
        };
        write!(f, "{what} {}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// Read one file like [`super::read`], but hand articles and problems with single records to
/// two sinks, so that callers share one way of turning bad input into reports.
///
/// An error means the file could not be read to its end (some articles may have been handed
/// over before it); the caller reports it.
pub fn read_reporting(
    file: &SourceFile,
    on_article: &mut dyn FnMut(Article),
    on_problem: &mut dyn FnMut(Problem),
) -> Result<(), Problem> {
    let result = super::read(file, &mut |record| match record {
        Record::Article(article) => on_article(*article),
        Record::Bad { line, reason } => on_problem(Problem {
            path: file.disk_path.clone(),
            line,
            reason,
            severity: Severity::Skipped,
        }),
        Record::Warning { reason } => on_problem(Problem {
            path: file.disk_path.clone(),
            line: None,
            reason,
            severity: Severity::Warning,
        }),
    });
    result.map_err(Problem::from_read_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_path_line_and_reason() {
        let p = Problem {
            path: PathBuf::from("wires/a.jsonl"),
            line: Some(3),
            reason: "invalid JSON".into(),
            severity: Severity::Skipped,
        };
        assert_eq!(p.to_string(), "skipped wires/a.jsonl:3: invalid JSON");
        let w = Problem {
            line: None,
            severity: Severity::Warning,
            ..p
        };
        assert_eq!(w.to_string(), "warning: wires/a.jsonl: invalid JSON");
    }

    #[test]
    fn unknown_extensions_are_not_problems() {
        let skip = Skip::UnknownExtension {
            path: PathBuf::from("a.pdf"),
        };
        assert_eq!(Problem::from_skip(skip), None);
    }
}
