//! Stage 1 and 2 of the pipeline: walk a corpus and read its files into [`Article`]s.
//!
//! [`walk`] takes the paths given on the command line and yields every file under them as a
//! [`SourceFile`] (with the article name rules of the corpus README: the path relative to the
//! root given, with `/` separators) or a [`Skip`] saying why a path was passed over.
//! [`read`] turns one [`SourceFile`] into articles, choosing a reader by extension; a file that
//! holds many articles (JSON Lines) streams them one by one, so memory does not grow with it.

mod decode;
mod jsonl;
mod problem;
mod title;
mod txt;
mod walk;

use std::path::PathBuf;
use std::time::SystemTime;

pub use problem::{Problem, Severity, read_reporting};
pub use walk::{Skip, Walked, walk};

/// One news article as read from disk, before enrichment.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Article {
    /// The article's name and index id: the file path relative to the root it was found under,
    /// with `/` separators, plus `#<id>` (or `#L<line>`) for records of a multi-article file.
    pub path: String,
    /// The headline, when the source has one; never invented (see [`Article::display_title`]).
    pub title: Option<String>,
    /// The published date as written in the source's metadata or header, unparsed.
    pub date: Option<String>,
    /// A wire dateline such as `TOKYO, March 3 -`, when the source gives it apart from the body.
    pub dateline: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    /// The article text, paragraphs separated by blank lines. Quote offsets point into it.
    pub body: String,
}

impl Article {
    /// The headline, or else the first sentence of the body cut at a word boundary.
    pub fn display_title(&self) -> String {
        match &self.title {
            Some(t) if !t.trim().is_empty() => t.trim().to_string(),
            _ => title::first_sentence(&self.body, 100),
        }
    }
}

/// A file found by [`walk`], not yet read.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceFile {
    /// Where the file is on disk.
    pub disk_path: PathBuf,
    /// Its name relative to the root it was found under, `/`-separated.
    pub name: String,
    pub format: Format,
    pub size: u64,
    pub modified: Option<SystemTime>,
}

/// The file formats newsdex reads, chosen by extension (case-insensitive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Json,
    JsonLines,
}

impl Format {
    /// The format of a file name's extension, or `None` for extensions newsdex does not read.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            _ => None,
        }
    }
}

/// Something a reader reports while reading a file: an article, or a part of the file it had
/// to pass over (with the line, for multi-article files), or a warning that did not stop it.
#[derive(Debug)]
pub enum Record {
    Article(Box<Article>),
    Bad { line: Option<usize>, reason: String },
    Warning { reason: String },
}

/// Why a whole file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {reason}")]
    Invalid { path: PathBuf, reason: String },
}

/// Read one file, handing each article (or bad record, or warning) to `sink` as it is parsed.
pub fn read(file: &SourceFile, sink: &mut dyn FnMut(Record)) -> Result<(), ReadError> {
    match file.format {
        Format::Text => txt::read(file, sink),
        Format::JsonLines => jsonl::read(file, sink),
        Format::Markdown | Format::Html | Format::Json => Err(ReadError::Invalid {
            path: file.disk_path.clone(),
            reason: format!("no reader for {:?} yet", file.format),
        }),
    }
}
