//! Property tests: every reader survives arbitrary input, and whatever it reads is in the
//! normal form the later stages rely on.
//!
//! Inputs are arbitrary bytes, arbitrary Unicode, and "token soups" of each format's markup
//! (tags, entities, brackets, fences, header lines) that reach deeper into the parsers than
//! random bytes do. Each is fed to every reader, so that, say, Markdown markup in a `.json`
//! file is covered too. How fast they are is reported by `speed_report` (run it with
//! `cargo test --release -- --ignored --nocapture speed_report`), not asserted.

use proptest::prelude::*;

use super::testing::Collected;
use super::text::is_space;
use super::{Article, Format, parse};

const FORMATS: [Format; 5] = [
    Format::Text,
    Format::Markdown,
    Format::Html,
    Format::Json,
    Format::JsonLines,
];

const HTML_TOKENS: &[&str] = &[
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<article>",
    "</article>",
    "<main>",
    "<script>",
    "</script>",
    "<style>",
    "<nav>",
    "</nav>",
    "<li>",
    "<ul>",
    "</ul>",
    "<a href=x>",
    "</a>",
    "<br>",
    "<b>",
    "<h1>",
    "</h1>",
    "<title>",
    "</title>",
    "&amp;",
    "&#x41;",
    "&nbsp;",
    "&",
    "<",
    ">",
    "<!--",
    "-->",
    "<meta property=\"og:title\" content=\"T\">",
    "<time datetime=\"2024-01-01\">",
    "<script type=\"application/ld+json\">{\"headline\":",
    "<p hidden>",
    "<figure>",
    "text ",
    "Zölle ",
    "\n",
    " ",
    "\"",
    "=",
];
const MD_TOKENS: &[&str] = &[
    "---\n",
    "title: x\n",
    "date: [",
    "# ",
    "## ",
    "*",
    "_",
    "**",
    "[",
    "]",
    "(",
    ")",
    "![",
    "```",
    "~~~",
    "> ",
    "- ",
    "1. ",
    "|",
    "|---|",
    "\n",
    "\n\n",
    "<div>",
    "</div>",
    "<br>",
    "`",
    "\\",
    "&amp;",
    "[^1]",
    "[^1]: ",
    "words ",
    "Über ",
    "    ",
    "<!--",
    "===\n",
];
const JSON_TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"body\"",
    "\"id\"",
    "\"title\"",
    "\"text\"",
    "\"x\"",
    "\"articles\"",
    "1",
    "-2.5e3",
    "null",
    "true",
    "\"",
    "\\",
    "\"<p>a</p>\"",
    "\\u00e9",
    " ",
    "\n",
    "\r\n",
    "\u{0}",
];
const TEXT_TOKENS: &[&str] = &[
    "Headline",
    "\n",
    "\n\n",
    "  ",
    "    ",
    "December 15, 2018",
    "2024-01-02",
    "http://x.org/a",
    ".",
    ";",
    "word ",
    "Word ",
    "- ",
    "1. ",
    "\r",
    "\t",
    "\u{0}",
    "\u{1b}[2J",
    "é",
    "\u{a0}",
    "\u{2028}",
];

fn soup(tokens: &'static [&'static str], max: usize) -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(prop::sample::select(tokens), 0..max)
        .prop_map(|parts| parts.concat().into_bytes())
}

/// Random bytes that pass for text: no control bytes but line ends, so they reach the parsers
/// instead of being refused as binary.
fn texty_bytes(len: usize) -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(prop_oneof![Just(b'\n'), 0x20u8..=0xFF], len)
}

fn any_soup(max: usize) -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        soup(HTML_TOKENS, max),
        soup(MD_TOKENS, max),
        soup(JSON_TOKENS, max),
        soup(TEXT_TOKENS, max),
    ]
}

/// Read `bytes` as every format and check everything that comes out.
fn read_all(bytes: &[u8]) -> Result<(), TestCaseError> {
    for format in FORMATS {
        let c = Collected::from(|sink| parse(format, "dir/file.ext", bytes, sink));
        prop_assert!(
            !c.articles.is_empty() || !c.bad.is_empty(),
            "{format:?}: input neither read nor refused"
        );
        for a in &c.articles {
            check_article(a)?;
        }
        for (_, reason) in &c.bad {
            prop_assert!(!reason.is_empty());
        }
    }
    Ok(())
}

/// The normal form: see `text`.
fn check_article(a: &Article) -> Result<(), TestCaseError> {
    prop_assert!(a.path.starts_with("dir/file.ext"), "{}", a.path);
    prop_assert!(!a.body.is_empty() || a.title.is_some());
    if !a.body.is_empty() {
        for p in a.body.split("\n\n") {
            prop_assert!(!p.is_empty(), "empty paragraph in {:?}", a.body);
            prop_assert!(!p.starts_with(' ') && !p.ends_with(' '), "{p:?}");
            prop_assert!(!p.contains("  "), "{p:?}");
            prop_assert!(
                p.chars().all(|c| c == ' ' || !is_space(c)),
                "space or control character in {p:?}"
            );
        }
    }
    for field in [&a.title, &a.date, &a.dateline, &a.source, &a.url, &a.author]
        .into_iter()
        .flatten()
    {
        prop_assert!(!field.is_empty());
        prop_assert!(!field.contains('\n') && field.trim() == field, "{field:?}");
    }
    Ok(())
}

proptest! {
    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        read_all(&bytes)?;
    }

    #[test]
    fn arbitrary_unicode(text in any::<String>()) {
        read_all(text.as_bytes())?;
    }

    #[test]
    fn markup_soup(bytes in any_soup(400)) {
        read_all(&bytes)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4))]

    /// 100 KB inputs, as the robustness issue asks; their time is in `speed_report`.
    #[test]
    fn large_inputs(
        random in prop::collection::vec(any::<u8>(), 100_000),
        texty in texty_bytes(100_000),
        markup in any_soup(20_000),
    ) {
        read_all(&random)?;
        read_all(&texty)?;
        read_all(&markup)?;
    }
}

/// Regression cases: each once broke or slowed a reader.
#[test]
fn known_hard_inputs() {
    let line = "word ".repeat(1_000_000);
    let cases: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"\n".to_vec(),
        b"\xEF\xBB\xBF".to_vec(),
        b"\xFF\xFE".to_vec(),
        b"\xFF\xFE\x00".to_vec(),
        b"\xFE\xFF\xD8\x00".to_vec(), // UTF-16 with a lone surrogate
        vec![0; 4096],
        line.clone().into_bytes(), // a 5 MB single line
        format!("{{\"body\": \"{line}\"}}").into_bytes(),
        "<ul>".repeat(25_000).into_bytes(), // quadratic in html5ever without the nesting cap
        "<div>".repeat(20_000).into_bytes(),
        "[".repeat(50_000).into_bytes(),
        "> ".repeat(50_000).into_bytes(),
        "*".repeat(100_000).into_bytes(),
        "---\n".repeat(1000).into_bytes(),
        b"---\na: &a [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e]\ng: &g [*f, *f, *f, *f, *f, *f, *f, *f]\nh: &h [*g, *g, *g, *g, *g, *g, *g, *g]\ni: &i [*h, *h, *h, *h, *h, *h, *h, *h]\n---\nBody.".to_vec(),
    ];
    for bytes in &cases {
        if let Err(e) = read_all(bytes) {
            panic!("{e} for input starting {:?}", &bytes[..bytes.len().min(40)]);
        }
    }
}

/// How long each reader takes on large inputs. Not a test of speed (the machine's load
/// varies); a report to read: `cargo test --release -- --ignored --nocapture speed_report`.
#[test]
#[ignore = "a timing report, run by hand"]
fn speed_report() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    use std::time::Instant;

    let mut runner = TestRunner::deterministic();
    let random = prop::collection::vec(any::<u8>(), 100_000)
        .new_tree(&mut runner)
        .map(|t| t.current())
        .unwrap_or_default();
    let texty = texty_bytes(100_000)
        .new_tree(&mut runner)
        .map(|t| t.current())
        .unwrap_or_default();
    let unicode: String = prop::collection::vec(any::<char>(), 25_000)
        .new_tree(&mut runner)
        .map(|t| t.current().into_iter().collect())
        .unwrap_or_default();
    let mut inputs: Vec<(String, Vec<u8>)> = vec![
        ("random bytes 100 KB".into(), random),
        ("random text 100 KB".into(), texty),
        (
            format!("random Unicode {} KB", unicode.len() / 1000),
            unicode.into_bytes(),
        ),
    ];
    for (name, tokens) in [
        ("HTML soup", HTML_TOKENS),
        ("Markdown soup", MD_TOKENS),
        ("JSON soup", JSON_TOKENS),
        ("text soup", TEXT_TOKENS),
    ] {
        let mut bytes = Vec::new();
        let strategy = soup(tokens, 2_000);
        while bytes.len() < 100_000 {
            if let Ok(tree) = strategy.new_tree(&mut runner) {
                bytes.extend(tree.current());
            }
        }
        inputs.push((format!("{name} {} KB", bytes.len() / 1000), bytes));
    }
    inputs.push((
        "5 MB single line".into(),
        "word ".repeat(1_000_000).into_bytes(),
    ));
    let prose = "The minister said tariffs would rise to 25 per cent, officials said.\n";
    inputs.push((
        "200 MB text".into(),
        prose.repeat(200_000_000 / prose.len()).into_bytes(),
    ));
    for (name, bytes) in &inputs {
        let mut line = format!("{name:>24}:");
        for format in FORMATS {
            if bytes.len() > 10_000_000 && format != Format::Text {
                continue;
            }
            let start = Instant::now();
            let c = Collected::from(|sink| parse(format, "f", bytes, sink));
            line += &format!(
                " {format:?} {:.1} ms ({} read, {} bad)",
                start.elapsed().as_secs_f64() * 1000.0,
                c.articles.len(),
                c.bad.len()
            );
        }
        println!("{line}");
    }
}
