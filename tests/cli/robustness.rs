//! A corpus as it comes from the wild, generated in a temporary folder: an empty file, binary
//! junk named `.txt`, invalid UTF-8, a huge text file, JSON Lines with broken records among
//! 10,000 good ones, HTML without a body, a file without read permission, a named pipe, a
//! symlink loop, deep folders, names with spaces and non-ASCII characters, a single 5 MB line,
//! and unbalanced quote marks over many paragraphs.
//!
//! `index` and `extract` must index every good article, report every bad file or record once
//! with its path and reason (and line, for a record), count them in the summary, exit 2, never
//! panic, and stay within a memory bound (the peak resident size the kernel measured).
//!
//! The two large cases scale with `NEWSDEX_ROBUST_SCALE` (default 0.05, so that a debug
//! `cargo test` stays quick): at 1 the huge file is 200 MB and the unbalanced quotes run over
//! 100,000 paragraphs. CI runs the full size in a release build:
//! `NEWSDEX_ROBUST_SCALE=1 cargo test --release --test cli robustness -- --nocapture`.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::{BufRead, BufWriter, Write};
use std::path::Path;

use crate::util::{Env, Measured, hit_ids};

/// The huge file's size at scale 1.
const HUGE_BYTES: f64 = 200e6;
/// The unbalanced-quotes article's paragraphs at scale 1.
const QUOTE_PARAGRAPHS: f64 = 100_000.0;
/// Good records in the JSON Lines file.
const GOOD_LINES: usize = 10_000;
/// The single-line article's size.
const ONE_LINE_BYTES: usize = 5_000_000;
/// Memory any run may take besides its largest file: the gazetteers, tantivy's writer
/// buffers and thread stacks.
const BASE_MEMORY: u64 = 256 << 20;
/// Peak memory per byte of the largest article: it is held as read, as text, in its index
/// document and in tantivy's store block while being written, and the allocator keeps some
/// freed pages a while. With the base, about 1.2 GB for the 200 MB file (measured: 990 MB for
/// `index`, 735 MB for `extract`).
const MEMORY_PER_BYTE: u64 = 5;

fn scale() -> f64 {
    match std::env::var("NEWSDEX_ROBUST_SCALE") {
        Ok(text) => text
            .parse::<f64>()
            .ok()
            .filter(|s| s.is_finite() && *s > 0.0)
            .unwrap_or_else(|| panic!("NEWSDEX_ROBUST_SCALE={text} is not a positive number")),
        Err(_) => 0.05,
    }
}

/// What should become of a generated file or record.
#[derive(Debug)]
enum Expect {
    /// Indexed under this id (the article name: a file at the top keeps its folder's name).
    Indexed(String),
    /// Indexed under this id, with one warning starting with `reason`.
    Warned { id: String, reason: &'static str },
    /// Reported once as skipped, at `path` (with `:line` for a record), the reason starting
    /// with `reason`.
    Skipped { at: String, reason: &'static str },
    /// The case's article may hold more quotes than an article keeps, depending on the scale:
    /// a warning saying so is allowed once for this id.
    MayBeCut(String),
}

/// The start of the warning for an article whose quotes were cut.
const CUT_WARNING: &str = "more than 10000 quotes";

/// One case of the corpus: what it is and what should become of it.
struct Case {
    what: String,
    expect: Vec<Expect>,
    /// A word only this case's text holds, at its very end: finding it shows the whole text
    /// was indexed.
    end_marker: Option<(&'static str, String)>,
}

impl Case {
    fn new(what: impl Into<String>, expect: Vec<Expect>) -> Case {
        Case {
            what: what.into(),
            expect,
            end_marker: None,
        }
    }

    fn marked(mut self, marker: &'static str) -> Case {
        let id = self
            .expect
            .iter()
            .find_map(|e| match e {
                Expect::Indexed(id) | Expect::Warned { id, .. } => Some(id.clone()),
                Expect::Skipped { .. } | Expect::MayBeCut(_) => None,
            })
            .expect("a marked case is indexed");
        self.end_marker = Some((marker, id));
        self
    }
}

fn indexed(id: &str) -> Vec<Expect> {
    vec![Expect::Indexed(id.to_string())]
}

fn skipped(at: &str, reason: &'static str) -> Vec<Expect> {
    vec![Expect::Skipped {
        at: at.to_string(),
        reason,
    }]
}

fn write(root: &Path, rel: &str, bytes: &[u8]) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

/// Bytes that look random (an xorshift stream), so the same junk is written every run.
fn junk(len: usize) -> Vec<u8> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state.to_le_bytes()[0]
        })
        .collect()
}

/// One paragraph of made-up trade news, varied by `i`.
fn news_paragraph(i: usize) -> String {
    const CITIES: [&str; 5] = ["Tokyo", "Ottawa", "Brussels", "Seoul", "Canberra"];
    const GOODS: [&str; 4] = ["steel", "rice", "soybeans", "electric cars"];
    let city = CITIES[i % CITIES.len()];
    let goods = GOODS[i % GOODS.len()];
    match i % 3 {
        0 => format!(
            "Officials in {city} said on day {i} that talks on {goods} would resume next week."
        ),
        1 => format!(
            "A duty of {}% on imported {goods} stays in force, the trade ministry said.",
            5 + i % 40
        ),
        _ => format!(
            "\"We expect a deal on {goods},\" a spokesperson told reporters in {city}, adding \
             that item {i} was settled."
        ),
    }
}

/// A paragraph that opens a quote it never closes, or closes one it never opened.
fn unbalanced_paragraph(i: usize) -> String {
    match i % 5 {
        0 => format!("\u{201c}We will not back down, the envoy said on day {i}."),
        1 => format!("He added: \"the talks on item {i} are over"),
        2 => format!("\u{ab} Non, replied the minister in Paris about clause {i}."),
        3 => format!("Never, she said of proposal {i}.\u{201d} Then she left."),
        _ => format!("'Not {i} times,\" said the spokesman, \u{2018}not once\u{201d}."),
    }
}

/// Write paragraphs made by `paragraph` to `rel` until it holds `bytes`, then `last`.
fn write_paragraphs(
    root: &Path,
    rel: &str,
    headline: &str,
    count: Option<usize>,
    bytes: usize,
    paragraph: fn(usize) -> String,
    last: &str,
) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let mut out = BufWriter::new(std::fs::File::create(path).unwrap());
    let mut written = 0;
    write!(out, "{headline}\n\n").unwrap();
    for i in 0.. {
        if count.map_or(written >= bytes, |n| i >= n) {
            break;
        }
        let p = paragraph(i);
        written += p.len() + 2;
        write!(out, "{p}\n\n").unwrap();
    }
    writeln!(out, "{last}").unwrap();
    out.flush().unwrap();
}

/// Write the corpus under `root` (a folder named `wild`), and say what should become of it.
fn wild_corpus(root: &Path, scale: f64) -> Vec<Case> {
    let mut cases = Vec::new();

    write(root, "empty.txt", b"");
    cases.push(Case::new(
        "an empty file",
        skipped("wild/empty.txt", "empty file"),
    ));

    write(root, "binary.txt", &junk(64 << 10));
    cases.push(Case::new(
        "a binary file named .txt",
        skipped("wild/binary.txt", "binary file"),
    ));

    write(
        root,
        "latin1.txt",
        b"Caf\xe9 owners welcome deal\n\nThe caf\xe9 owners of S\xe3o Paulo said the \x93deal\x94 \
          was fair \xff\xfe and latinmarker.\n",
    );
    cases.push(
        Case::new(
            "a file of invalid UTF-8",
            vec![Expect::Warned {
                id: "wild/latin1.txt".into(),
                reason: "not valid UTF-8, read as Latin-1",
            }],
        )
        .marked("latinmarker"),
    );

    let huge = (HUGE_BYTES * scale) as usize;
    write_paragraphs(
        root,
        "huge.txt",
        "A year of trade news",
        None,
        huge,
        news_paragraph,
        "The archive ends with hugemarker.",
    );
    // Every paragraph holds a quote or a reported statement: far more than an article keeps.
    cases.push(
        Case::new(
            format!("a {} MB text file", huge / 1_000_000),
            vec![Expect::Warned {
                id: "wild/huge.txt".into(),
                reason: CUT_WARNING,
            }],
        )
        .marked("hugemarker"),
    );

    let mut lines = String::new();
    let mut expect = Vec::new();
    let mut line_no = 0;
    let bad = |lines: &mut String, line_no: &mut usize, text: &str, reason| {
        *line_no += 1;
        lines.push_str(text);
        lines.push('\n');
        Expect::Skipped {
            at: format!("wild/wires.jsonl:{line_no}"),
            reason,
        }
    };
    for i in 0..GOOD_LINES {
        match i {
            2500 => expect.push(bad(
                &mut lines,
                &mut line_no,
                "{\"id\": \"cut\", \"body\": \"The talks were cut sh",
                "invalid JSON: EOF while parsing",
            )),
            5000 => expect.push(bad(
                &mut lines,
                &mut line_no,
                "[\"not\", \"an\", \"object\"]",
                "not a JSON object",
            )),
            7500 => expect.push(bad(
                &mut lines,
                &mut line_no,
                "{\"id\": \"num\", \"title\": \"Count\", \"body\": 42}",
                "`body` is a number, not a string",
            )),
            _ => {}
        }
        line_no += 1;
        writeln!(
            lines,
            "{{\"id\": \"w{i}\", \"title\": \"Wire {i}\", \"date\": \"2024-03-01\", \
             \"body\": \"Ministers met on day {i} to discuss a 10% tariff on timber.\"}}"
        )
        .unwrap();
        expect.push(Expect::Indexed(format!("wild/wires.jsonl#w{i}")));
    }
    // The file ends in a record cut off mid-way, as a killed writer leaves it.
    lines.push_str("{\"id\": \"end\", \"bo");
    expect.push(Expect::Skipped {
        at: format!("wild/wires.jsonl:{}", line_no + 1),
        reason: "invalid JSON: EOF while parsing",
    });
    write(root, "wires.jsonl", lines.as_bytes());
    cases.push(Case::new(
        "JSON Lines: 10,000 good lines, a truncated line, a line that is not an object, a line \
         with body as a number, and a truncated last line",
        expect,
    ));

    write(
        root,
        "nobody.html",
        b"<html><head><title>Nothing here</title></head></html>",
    );
    cases.push(Case::new(
        "an HTML file with no body",
        skipped("wild/nobody.html", "no body text"),
    ));

    cases.push(locked_file(root));

    // A named pipe called like an article: reading it would wait for a writer forever.
    let fifo = std::ffi::CString::new(root.join("pipe.txt").into_os_string().into_encoded_bytes())
        .unwrap();
    // SAFETY: `fifo` is a valid NUL-terminated path that outlives the call.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
    cases.push(Case::new(
        "a named pipe with a .txt name",
        skipped("wild/pipe.txt", "not a regular file"),
    ));

    std::os::unix::fs::symlink(".", root.join("loop")).unwrap();
    cases.push(Case::new(
        "a symlink loop",
        skipped("wild/loop", "symlink loop back to wild"),
    ));

    let deep: String = (0..100).map(|i| format!("level-{i:03}/")).collect();
    write(
        root,
        &format!("{deep}bottom.txt"),
        b"Deep archive\n\nThe bottom of the archive holds deepmarker.\n",
    );
    cases.push(
        Case::new(
            "a file 100 folders deep",
            // Below the root given, articles are named by their path under it.
            indexed(&format!("{deep}bottom.txt")),
        )
        .marked("deepmarker"),
    );

    let spaced = "Zölle und Märkte/Ministerin sagt „nein“ – 東京 #2.md";
    write(
        root,
        spaced,
        "---\ntitle: Zölle\n---\nDie Ministerin sprach über Zölle und umlautmarker.\n".as_bytes(),
    );
    cases.push(
        Case::new(
            "a name with spaces and non-ASCII characters",
            indexed(spaced),
        )
        .marked("umlautmarker"),
    );

    // A file name that is not UTF-8 (Latin-1 bytes, as old archives have them).
    let latin1_name =
        <std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(b"Z\xf6lle.txt");
    std::fs::write(
        root.join(latin1_name),
        "Latin-1 name\n\nA file whose name is not UTF-8 holds namemarker.\n",
    )
    .unwrap();
    cases.push(
        Case::new(
            "a file name that is not UTF-8",
            indexed("wild/Z\u{fffd}lle.txt"),
        )
        .marked("namemarker"),
    );

    let mut one_line = String::with_capacity(ONE_LINE_BYTES + 64);
    let mut i = 0;
    while one_line.len() < ONE_LINE_BYTES {
        write!(one_line, "word{} ", i % 997).unwrap();
        i += 1;
    }
    one_line.push_str("onelinemarker");
    write(root, "one-line.txt", one_line.as_bytes());
    cases.push(
        Case::new(
            "an article of a single 5 MB line",
            indexed("wild/one-line.txt"),
        )
        .marked("onelinemarker"),
    );

    let paragraphs = (QUOTE_PARAGRAPHS * scale) as usize;
    write_paragraphs(
        root,
        "unbalanced.txt",
        "Envoys trade words",
        Some(paragraphs),
        0,
        unbalanced_paragraph,
        "\u{201c}The last word is quotemarker.",
    );
    cases.push(
        Case::new(
            format!("unbalanced quote marks over {paragraphs} paragraphs"),
            vec![
                Expect::Indexed("wild/unbalanced.txt".into()),
                Expect::MayBeCut("wild/unbalanced.txt".into()),
            ],
        )
        .marked("quotemarker"),
    );
    cases
}

/// A file without read permission. Root reads it anyway (these tests often run as root): then
/// it is an article like any other, and that is what is checked; the refusal is checked only
/// where the permission holds.
fn locked_file(root: &Path) -> Case {
    use std::os::unix::fs::PermissionsExt;
    write(
        root,
        "locked.txt",
        b"Locked away\n\nA story nobody may read holds lockedmarker.\n",
    );
    let path = root.join("locked.txt");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_err() {
        Case::new(
            "a file without read permission",
            skipped("wild/locked.txt", "Permission denied"),
        )
    } else {
        Case::new(
            "a file without read permission (read anyway: the tests run as root)",
            indexed("wild/locked.txt"),
        )
        .marked("lockedmarker")
    }
}

/// The lines of stderr that start with `newsdex: {kind} `.
fn reported<'a>(stderr: &'a str, kind: &str) -> Vec<&'a str> {
    let prefix = format!("newsdex: {kind} ");
    stderr
        .lines()
        .filter_map(|l| l.strip_prefix(prefix.as_str()))
        .collect()
}

/// Every expected problem is reported exactly once, and nothing else is.
fn check_reports(stderr: &str, cases: &[Case]) {
    assert!(
        !stderr.contains("panicked") && !stderr.contains("failed:"),
        "{stderr}"
    );
    let skipped = reported(stderr, "skipped");
    let warnings = reported(stderr, "warning:");
    let mut expected_skips = 0;
    let mut expected_warnings = 0;
    for expect in cases.iter().flat_map(|c| &c.expect) {
        let (lines, prefix, reason) = match expect {
            Expect::Indexed(_) => continue,
            Expect::MayBeCut(id) => {
                let want = format!("{id}: {CUT_WARNING}");
                let found = warnings.iter().filter(|l| l.starts_with(&want)).count();
                assert!(found <= 1, "`{want}` reported {found} times:\n{stderr}");
                expected_warnings += found;
                continue;
            }
            Expect::Warned { id, reason } => {
                expected_warnings += 1;
                (&warnings, id.as_str(), reason)
            }
            Expect::Skipped { at, reason } => {
                expected_skips += 1;
                (&skipped, at.as_str(), reason)
            }
        };
        let want = format!("{prefix}: {reason}");
        let found = lines.iter().filter(|l| l.starts_with(&want)).count();
        assert_eq!(found, 1, "`{want}` reported {found} times:\n{stderr}");
    }
    assert_eq!(skipped.len(), expected_skips, "{stderr}");
    assert_eq!(warnings.len(), expected_warnings, "{stderr}");
}

/// The memory a run may take: a base plus a few copies of the largest file.
fn memory_bound(root: &Path) -> u64 {
    let largest = walk_sizes(root).into_iter().max().unwrap_or(0);
    BASE_MEMORY + MEMORY_PER_BYTE * largest
}

fn walk_sizes(dir: &Path) -> Vec<u64> {
    let mut sizes = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let kind = entry.file_type().unwrap();
        if kind.is_dir() {
            sizes.extend(walk_sizes(&entry.path()));
        } else if kind.is_file() {
            sizes.push(entry.metadata().unwrap().len());
        }
    }
    sizes
}

fn check_memory(what: &str, measured: &Measured, bound: u64) {
    eprintln!(
        "{what}: peak resident memory {} MB (bound {} MB)",
        measured.peak_rss >> 20,
        bound >> 20
    );
    assert!(
        measured.peak_rss <= bound,
        "{what} took {} MB, more than {} MB",
        measured.peak_rss >> 20,
        bound >> 20
    );
}

#[test]
fn a_corpus_from_the_wild_is_indexed_reported_and_bounded() {
    let env = Env::empty();
    let root = env.path("wild");
    std::fs::create_dir_all(&root).unwrap();
    let cases = wild_corpus(&root, scale());
    let bound = memory_bound(&root);
    let good: BTreeSet<String> = cases
        .iter()
        .flat_map(|c| &c.expect)
        .filter_map(|e| match e {
            Expect::Indexed(id) | Expect::Warned { id, .. } => Some(id.clone()),
            Expect::Skipped { .. } | Expect::MayBeCut(_) => None,
        })
        .collect();
    let skips = cases
        .iter()
        .flat_map(|c| &c.expect)
        .filter(|e| matches!(e, Expect::Skipped { .. }))
        .count();
    for case in &cases {
        eprintln!("case: {}", case.what);
    }

    // Both at once: they only read the corpus, and the kernel measures each on its own.
    let index = env.start_measured(&["index", "wild"], &env.path("index.out"));
    let extract = env.start_measured(&["extract", "wild"], &env.path("extract.out"));
    let index = index.finish();
    let extract = extract.finish();

    let run = &index.run;
    assert_eq!(run.code, 2, "{}", run.stderr);
    check_reports(&run.stderr, &cases);
    let summary = run.stderr.lines().last().unwrap_or_default();
    assert!(
        summary.starts_with(&format!(
            "newsdex: {} indexed, 0 updated, 0 deleted, {skips} skipped;",
            good.len()
        )),
        "{summary}"
    );
    check_memory("index", &index, bound);

    let all = env
        .run(&["search", "--json", "--limit", "100000"])
        .code(0)
        .json();
    let ids = hit_ids(&all);
    assert_eq!(ids.len(), good.len(), "an id is listed twice");
    let ids: BTreeSet<String> = ids.into_iter().collect();
    assert_eq!(
        ids.difference(&good).collect::<Vec<_>>(),
        Vec::<&String>::new()
    );
    assert_eq!(
        good.difference(&ids).collect::<Vec<_>>(),
        Vec::<&String>::new()
    );
    for case in &cases {
        let Some((marker, id)) = &case.end_marker else {
            continue;
        };
        let hits = env.run(&["search", marker, "--json"]).code(0).json();
        assert_eq!(hit_ids(&hits), [id.as_str()], "{}", case.what);
        env.run(&["show", id]).code(0);
    }

    assert_eq!(extract.run.code, 2, "{}", extract.run.stderr);
    check_reports(&extract.run.stderr, &cases);
    let lines = std::io::BufReader::new(std::fs::File::open(env.path("extract.out")).unwrap())
        .lines()
        .count();
    assert_eq!(lines, good.len());
    check_memory("extract", &extract, bound);

    // Nothing changed, so no file is read again or indexed twice; the walk still meets the
    // loop and the pipe, which are still reported.
    let again = env.run(&["index", "wild"]).code(2);
    assert_eq!(
        reported(&again.stderr, "skipped"),
        [
            "wild/loop: symlink loop back to wild",
            "wild/pipe.txt: not a regular file"
        ]
    );
    assert!(
        again
            .stderr
            .contains("newsdex: 0 indexed, 0 updated, 0 deleted, 2 skipped;"),
        "{}",
        again.stderr
    );
    assert_eq!(env.total(&[]), good.len() as u64);
}
