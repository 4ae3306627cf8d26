//! Stage 1 and 2 of the pipeline: walk a corpus and read its files into [`Article`]s.
//!
//! [`walk`] takes the paths given on the command line and yields every file under them as a
//! [`SourceFile`] (with the article name rules of the corpus README: the path relative to the
//! root given, with `/` separators) or a [`Skip`] saying why a path was passed over.
//! [`read`] turns one [`SourceFile`] into articles, choosing a reader by extension; a file that
//! holds many articles (JSON Lines) streams them one by one, so memory does not grow with it.
//! [`parse`] does the same for bytes already in memory.
//!
//! Every reader gives the body in one form (see `text`): words separated by single spaces,
//! paragraphs separated by one blank line (`\n\n`), no other line breaks, no control
//! characters. Titles and other fields are single lines.
//!
//! What no reader ever does is panic or drop a file without saying so: a file that is not an
//! article is a [`Record::Bad`] with the reason (binary, empty, no body text, invalid JSON,
//! larger than [`MAX_FILE_BYTES`]); bytes that are not UTF-8 are read as Latin-1 with a
//! [`Record::Warning`].

mod decode;
mod exclude;
mod html;
mod json;
mod jsonl;
mod md;
mod object;
mod problem;
#[cfg(test)]
mod robustness;
mod text;
mod title;
mod txt;
mod walk;

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::PathBuf;
use std::time::SystemTime;

pub use exclude::{BadGlob, Exclude};
pub use jsonl::MAX_LINE_BYTES;
pub use problem::{Problem, Severity, read_reporting};
pub use walk::{Skip, Walked, article_name, walk};

use decode::{Encoding, decode, looks_binary};

/// The largest file read whole (every format but JSON Lines, which is streamed line by line).
/// A 200 MB text file is read as one article; a larger file than this is a bad record.
pub const MAX_FILE_BYTES: u64 = 512 << 20;

/// How much of a streamed file is looked at to tell binary from text.
const BINARY_SAMPLE_BYTES: usize = 64 << 10;

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
    /// The publisher or outlet, when the source names one.
    pub source: Option<String>,
    /// The article's web address, when the source gives one.
    pub url: Option<String>,
    /// The byline, several authors joined with `, `.
    pub author: Option<String>,
    /// The article text: words separated by single spaces, paragraphs by one blank line
    /// (`\n\n`), no other line breaks and no control characters. Quote offsets point into it.
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

/// The extensions [`Format::from_extension`] reads, for messages.
pub const READABLE: &str = ".txt, .text, .md, .markdown, .html, .htm, .json, .jsonl, .ndjson";

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
///
/// `Err` is for a file that could not be read at all (it vanished, no permission); anything
/// wrong with the content is a [`Record::Bad`].
pub fn read(file: &SourceFile, sink: &mut dyn FnMut(Record)) -> Result<(), ReadError> {
    let io_err = |source| ReadError::Io {
        path: file.disk_path.clone(),
        source,
    };
    let handle = File::open(&file.disk_path).map_err(io_err)?;
    if file.format == Format::JsonLines {
        let reader = BufReader::with_capacity(BINARY_SAMPLE_BYTES, handle);
        return jsonl::parse_lines(reader, &file.name, sink).map_err(io_err);
    }
    let too_large = || Record::Bad {
        line: None,
        reason: format!(
            "larger than {} MiB, the most read as one file",
            MAX_FILE_BYTES >> 20
        ),
    };
    // Refuse by size before reading: reading a file only to find it too large would take as
    // much memory as the limit is there to spare.
    let size = handle.metadata().map_err(io_err)?.len();
    if size > MAX_FILE_BYTES {
        sink(too_large());
        return Ok(());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // The file may have grown since: never read more than the limit.
    handle
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_err)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        sink(too_large());
        return Ok(());
    }
    parse(file.format, &file.name, &bytes, sink);
    Ok(())
}

/// Read the bytes of one file of `format`, named `name` (as [`read`] names articles).
pub fn parse(format: Format, name: &str, bytes: &[u8], sink: &mut dyn FnMut(Record)) {
    if format == Format::JsonLines {
        if let Err(e) = jsonl::parse_lines(bytes, name, sink) {
            sink(Record::Bad {
                line: None,
                reason: e.to_string(),
            });
        }
        return;
    }
    let bad = |reason: &str| Record::Bad {
        line: None,
        reason: reason.into(),
    };
    if bytes.is_empty() {
        return sink(bad("empty file"));
    }
    if looks_binary(bytes) {
        return sink(bad("binary file"));
    }
    let (text, encoding) = decode(bytes);
    // A page that declares Latin-1 is read as it asks, which is no cause for a warning.
    let declared_latin1 = format == Format::Html && html::declares_latin1(bytes);
    if encoding == Encoding::Latin1 && !declared_latin1 {
        sink(Record::Warning {
            reason: "not valid UTF-8, read as Latin-1".into(),
        });
    }
    let article = match format {
        Format::Text => Ok(txt::parse(&text)),
        Format::Markdown => Ok(md::parse(&text, &mut |reason| {
            sink(Record::Warning { reason })
        })),
        Format::Html => html::parse(&text),
        Format::Json | Format::JsonLines => return json::parse(&text, name, sink),
    };
    match article {
        Ok(mut article) if !article.body.is_empty() || article.title.is_some() => {
            article.path = name.to_string();
            sink(Record::Article(Box::new(article)));
        }
        Ok(_) => sink(bad("no text")),
        Err(reason) => sink(bad(&reason)),
    }
}

/// Helpers for the readers' tests.
#[cfg(test)]
pub(crate) mod testing {
    use super::{Article, Record};

    /// Everything a reader reported, by kind.
    #[derive(Debug, Default)]
    pub struct Collected {
        pub articles: Vec<Article>,
        pub bad: Vec<(Option<usize>, String)>,
        pub warnings: Vec<String>,
    }

    impl Collected {
        /// Run `read` with a sink that collects what it reports.
        pub fn from(read: impl FnOnce(&mut dyn FnMut(Record))) -> Collected {
            let mut c = Collected::default();
            read(&mut |r| match r {
                Record::Article(a) => c.articles.push(*a),
                Record::Bad { line, reason } => c.bad.push((line, reason)),
                Record::Warning { reason } => c.warnings.push(reason),
            });
            c
        }

        /// The names of the articles read.
        pub fn names(&self) -> Vec<&str> {
            self.articles.iter().map(|a| a.path.as_str()).collect()
        }

        /// The reasons of the bad records.
        pub fn reasons(&self) -> Vec<&str> {
            self.bad.iter().map(|(_, r)| r.as_str()).collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::testing::Collected;
    use super::*;

    fn source(dir: &Path, name: &str, bytes: &[u8]) -> SourceFile {
        let disk_path = dir.join(name);
        if let Some(parent) = disk_path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&disk_path, bytes).unwrap();
        let ext = name.rsplit('.').next().unwrap_or("");
        SourceFile {
            name: name.to_string(),
            format: Format::from_extension(ext).unwrap(),
            size: bytes.len() as u64,
            modified: None,
            disk_path,
        }
    }

    fn read_file(file: &SourceFile) -> Collected {
        Collected::from(|sink| read(file, sink).unwrap())
    }

    #[test]
    fn every_format_reads_from_disk() {
        let dir = tempfile::tempdir().unwrap();
        let cases: &[(&str, &[u8], &[&str])] = &[
            ("w/a.txt", b"Headline\n\nBody text.", &["w/a.txt"]),
            ("w/B.TXT", b"Upper-case extension.", &["w/B.TXT"]),
            ("f/c.md", b"---\ntitle: T\n---\nBody.", &["f/c.md"]),
            ("web/d.html", b"<p>Body.</p>", &["web/d.html"]),
            ("web/e.htm", b"<p>Body.</p>", &["web/e.htm"]),
            (
                "j/f.json",
                b"[{\"id\": 3, \"body\": \"x\"}, {\"body\": \"y\"}]",
                &["j/f.json#3", "j/f.json#2"],
            ),
            (
                "j/g.ndjson",
                b"{\"body\": \"x\"}\n{\"id\": \"k\", \"body\": \"y\"}\n",
                &["j/g.ndjson#L1", "j/g.ndjson#k"],
            ),
        ];
        for (name, bytes, names) in cases {
            let c = read_file(&source(dir.path(), name, bytes));
            assert_eq!(c.names(), *names, "{name}");
            assert!(c.bad.is_empty() && c.warnings.is_empty(), "{name}: {c:?}");
        }
    }

    #[test]
    fn files_that_are_not_articles_are_bad_records_with_reasons() {
        let dir = tempfile::tempdir().unwrap();
        let cases: &[(&str, &[u8], &str)] = &[
            ("empty.txt", b"", "empty file"),
            ("blank.txt", b" \n\t\n", "no text"),
            (
                "junk.txt",
                b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00",
                "binary file",
            ),
            ("junk.md", &[0u8; 100], "binary file"),
            (
                "nobody.html",
                b"<html><head><title>T</title></head></html>",
                "no body text",
            ),
            (
                "cut.json",
                b"{\"body\": \"trunc",
                "invalid JSON: EOF while parsing a string at line 1 column 15",
            ),
            ("empty.jsonl", b"", "no records: the file is empty"),
        ];
        for (name, bytes, reason) in cases {
            let c = read_file(&source(dir.path(), name, bytes));
            assert!(c.articles.is_empty(), "{name}");
            assert_eq!(c.bad, [(None, reason.to_string())], "{name}");
        }
    }

    #[test]
    fn latin1_file_is_read_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let c = read_file(&source(
            dir.path(),
            "l.txt",
            b"Chelsea fined\n\nA \xa3600m deal.",
        ));
        assert_eq!(c.articles[0].body, "A £600m deal.");
        assert_eq!(c.warnings, ["not valid UTF-8, read as Latin-1"]);
    }

    #[test]
    fn a_page_that_declares_latin1_gives_no_warning() {
        let dir = tempfile::tempdir().unwrap();
        let body = b"<p>\x93Fair,\x94 he said.</p>";
        let page = [&b"<meta charset=\"windows-1252\">"[..], body].concat();
        let c = read_file(&source(dir.path(), "p.html", &page));
        assert_eq!(c.articles[0].body, "\u{201c}Fair,\u{201d} he said.");
        assert!(c.warnings.is_empty(), "{:?}", c.warnings);
        let c = read_file(&source(dir.path(), "q.html", body));
        assert_eq!(c.warnings, ["not valid UTF-8, read as Latin-1"]);
    }

    #[test]
    fn a_file_over_the_size_limit_is_refused_by_its_size() {
        let dir = tempfile::tempdir().unwrap();
        let file = source(dir.path(), "huge.txt", b"");
        // Sparse: the size is there without the bytes, so this costs no disk.
        let handle = std::fs::File::options()
            .write(true)
            .open(&file.disk_path)
            .unwrap();
        handle.set_len(MAX_FILE_BYTES + 1).unwrap();
        let c = read_file(&file);
        assert!(c.articles.is_empty());
        assert_eq!(
            c.bad,
            [(
                None,
                "larger than 512 MiB, the most read as one file".into()
            )]
        );
    }

    #[test]
    fn a_vanished_file_is_an_io_error() {
        let dir = tempfile::tempdir().unwrap();
        let file = source(dir.path(), "gone.txt", b"x");
        std::fs::remove_file(&file.disk_path).unwrap();
        let err = read(&file, &mut |_| {}).unwrap_err();
        assert!(matches!(err, ReadError::Io { .. }), "{err}");
        assert!(err.to_string().contains("gone.txt"), "{err}");
    }

    /// The real corpora beside the repository: every file reads, with the one Latin-1 file of
    /// the BBC set the only warning. They are not part of the repository, so `cargo test` does
    /// not run this; `.ci/run` does, with `--ignored`, and there a missing folder fails it.
    #[test]
    #[ignore = "needs ../shared/corpora; run by .ci/run"]
    fn shared_corpora_read_without_bad_records() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora");
        assert!(root.is_dir(), "no {}", root.display());
        let mut per_corpus: std::collections::BTreeMap<String, usize> = Default::default();
        let mut bad = Vec::new();
        let mut warnings = Vec::new();
        for walked in walk(std::slice::from_ref(&root)) {
            let Walked::File(file) = walked else { continue };
            read(&file, &mut |r| match r {
                Record::Article(a) => {
                    let corpus = a.path.split('/').next().unwrap_or("").to_string();
                    *per_corpus.entry(corpus).or_default() += 1;
                }
                Record::Bad { line, reason } => {
                    bad.push(format!("{}:{line:?}: {reason}", file.name))
                }
                Record::Warning { reason } => warnings.push(format!("{}: {reason}", file.name)),
            })
            .unwrap();
        }
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(
            warnings,
            ["bbc/sport/199.txt: not valid UTF-8, read as Latin-1"]
        );
        for (corpus, n) in [
            ("bbc", 2225),
            ("reuters21578", 19_043),
            ("peoplesdaily-tariffs-2018", 519),
            ("polnear", 1008),
            ("seed", 1),
        ] {
            assert_eq!(per_corpus.get(corpus), Some(&n), "{corpus}");
        }
    }

    /// The sample corpus reads whole, and every quote `tests/sample_corpus.expected.md` lists is in the text
    /// of the article it is listed under, so the hand-made truth and the readers agree.
    #[test]
    fn sample_corpus_matches_its_expected_file() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_corpus");
        let mut articles = std::collections::BTreeMap::new();
        let mut problems = Vec::new();
        for walked in walk(std::slice::from_ref(&root)) {
            let Walked::File(file) = walked else {
                problems.push(format!("{walked:?}"));
                continue;
            };
            read(&file, &mut |r| match r {
                Record::Article(a) => {
                    articles.insert(a.path.clone(), *a);
                }
                Record::Bad { line, reason } => {
                    problems.push(format!("{}:{line:?}: {reason}", file.name))
                }
                Record::Warning { reason } => problems.push(format!("{}: {reason}", file.name)),
            })
            .unwrap();
        }
        assert_eq!(
            problems,
            ["web/2024-06-12-eu-ev-duties.html: not valid UTF-8, read as Latin-1"]
        );
        let expected = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sample_corpus.expected.md"),
        )
        .unwrap();
        let plain = |s: &str| {
            s.replace(['\u{201c}', '\u{201d}'], "\"")
                .replace(['\u{2018}', '\u{2019}'], "'")
        };
        let mut listed = Vec::new();
        let mut current: Option<&Article> = None;
        for line in expected.lines() {
            if let Some(path) = line.strip_prefix("### ") {
                listed.push(path.to_string());
                current = articles.get(path);
                assert!(current.is_some(), "{path} is listed but not read");
            } else if let (Some(a), Some(row)) = (current, line.strip_prefix("| ")) {
                let cells: Vec<&str> = row.splitn(3, " | ").collect();
                if let [kind, _speaker, quote] = cells[..]
                    && (kind == "direct" || kind == "indirect")
                {
                    let quote = plain(quote.trim_end_matches(" |").replace("\\|", "|").as_str());
                    let text = plain(&format!("{} {}", a.title.as_deref().unwrap_or(""), a.body));
                    assert!(
                        text.contains(&quote),
                        "{}: {quote:?} not in the text",
                        a.path
                    );
                }
            }
        }
        let read_names: Vec<&String> = articles.keys().collect();
        listed.sort();
        assert_eq!(read_names, listed.iter().collect::<Vec<_>>());
        let undated: Vec<&&String> = read_names
            .iter()
            .filter(|p| articles[p.as_str()].date.is_none())
            .collect();
        assert!(undated.is_empty(), "undated: {undated:?}");
    }
}
