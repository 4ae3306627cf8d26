//! HTML pages (`.html`, `.htm`), parsed with a real HTML5 parser (`scraper`, on `html5ever`),
//! so entities, unclosed tags and broken markup are handled as a browser would.
//!
//! - Title: `og:title` (or `twitter:title`), else the JSON-LD `headline`, else `<title>`, except
//!   that the page's `<h1>` wins when `<title>` is that `<h1>` plus a site name; else `<h1>`.
//! - Date: `article:published_time` and the usual `<meta>` date names, else JSON-LD
//!   `datePublished`, else the first `<time datetime>`.
//! - URL: `<link rel=canonical>`, else `og:url`. Source: `og:site_name`. Author: `<meta
//!   name=author>`, `article:author` (when not a link), JSON-LD `author`.
//! - Body: the paragraphs (`p`, `h2`-`h6`, `li`, `blockquote`, `pre`, `dd`, `dt`) of the
//!   `<article>` with the most paragraph text, else of `<main>`, else of `<body>`; when the
//!   chosen part has no such elements, its text split at block elements. Scripts, styles,
//!   navigation, headers, footers, asides, figures and their captions, forms, menus and
//!   anything `hidden`, `aria-hidden` or with a navigation role are dropped, and so is a list
//!   item that is nothing but links (a menu). A page with no body text is refused.
//!
//! The page tree is walked without recursion, so that deeply nested markup cannot overflow
//! the stack. The HTML5 tree builder checks its stack of open elements on many tags, which
//! makes thousands of unclosed `<div>`s or `<ul>`s cost time in the square of their number;
//! like browsers, which cap the tree's depth, [`limit_nesting`] drops the tags that would
//! open an element deeper than [`MAX_NESTING`] (their text stays) before the page is parsed.

use std::borrow::Cow;
use std::sync::LazyLock;

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::node::Element;
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;

use super::Article;
use super::text::{Paragraphs, field, one_line};

/// Elements whose content is never article text.
const DROPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "figure",
    "figcaption",
    "form",
    "button",
    "select",
    "textarea",
    "iframe",
    "svg",
    "math",
    "menu",
    "dialog",
    "object",
    "embed",
    "canvas",
    "video",
    "audio",
    "picture",
    "head",
    "title",
];
/// ARIA roles of page furniture.
const DROPPED_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "menu",
    "menubar",
    "dialog",
    "search",
];
/// Elements whose text is one paragraph of the body.
const PARAGRAPH: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "dd",
    "dt",
];
/// Elements that end a run of text where a page has no paragraph elements.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
    "body",
];
/// `<meta>` names and properties that give the published date, best first.
const DATE_META: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
];
/// The deepest element nesting kept; Chromium's parser caps the tree at the same depth.
const MAX_NESTING: usize = 512;
/// Elements that never hold others.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];
/// Elements the parser closes by itself when the next one opens, or merges, so that they do
/// not nest however many are left open.
const SELF_CLOSING: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot",
    "colgroup", "caption", "rb", "rt", "rp", "rtc", "html", "head", "body",
];
/// Elements whose content is text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];
/// Larger JSON-LD blocks are not worth parsing for a date and a headline.
const MAX_JSON_LD_BYTES: usize = 1 << 20;

fn selector(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| unreachable!("selector {css} is valid: {e}"))
}

static META: LazyLock<Selector> = LazyLock::new(|| selector("meta"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| selector("link[rel~=canonical][href]"));
static TIME: LazyLock<Selector> = LazyLock::new(|| selector("time[datetime]"));
static JSON_LD: LazyLock<Selector> =
    LazyLock::new(|| selector(r#"script[type="application/ld+json"]"#));
static BODY: LazyLock<Selector> = LazyLock::new(|| selector("body"));

/// Read one HTML page; `Err` says why it holds no article.
pub fn parse(text: &str) -> Result<Article, String> {
    let doc = Html::parse_document(&limit_nesting(text));
    let meta = Meta::of(&doc);
    let ld = JsonLd::of(&doc);
    let h1 = doc
        .select(&H1)
        .map(|e| one_line(&e.text().collect::<String>()))
        .find(|t| !t.is_empty());
    let page_title = doc
        .select(&TITLE)
        .next()
        .and_then(|e| field(&e.text().collect::<String>()));
    let title = meta
        .first(&["og:title", "twitter:title"])
        .or(ld.headline)
        .or(match (page_title, &h1) {
            (Some(t), Some(h)) if t.len() > h.len() && t.contains(h.as_str()) => Some(h.clone()),
            (Some(t), _) => Some(t),
            (None, h) => h.clone(),
        });
    let mut body = body_text(&doc);
    if let Some(t) = &title {
        drop_leading_headline(&mut body, t);
    }
    if body.is_empty() {
        return Err("no body text".into());
    }
    let date = meta.first(DATE_META).or(ld.date).or_else(|| {
        doc.select(&TIME)
            .find_map(|e| e.value().attr("datetime").and_then(field))
    });
    let url = doc
        .select(&CANONICAL)
        .find_map(|e| e.value().attr("href").and_then(field))
        .or_else(|| meta.first(&["og:url"]));
    let author = meta
        .first(&["author"])
        .or_else(|| {
            meta.first(&["article:author"])
                .filter(|a| !a.contains("://"))
        })
        .or(ld.author);
    Ok(Article {
        path: String::new(),
        title,
        date,
        dateline: None,
        source: meta.first(&["og:site_name"]),
        url,
        author,
        body,
    })
}

/// Whether the page declares Latin-1 or Windows-1252 (`<meta charset>` or the
/// `http-equiv` content type) in its first kilobyte, as the HTML standard has it looked for.
pub fn declares_latin1(bytes: &[u8]) -> bool {
    const LATIN1: &[&str] = &[
        "windows-1252",
        "iso-8859-1",
        "latin1",
        "cp1252",
        "us-ascii",
        "ascii",
    ];
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    head.match_indices("charset=").any(|(at, m)| {
        let value: String = head[at + m.len()..]
            .trim_start_matches(['"', '\'', ' '])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
            .collect();
        LATIN1.contains(&value.as_str())
    })
}

/// The text of an HTML fragment (a JSON body holding markup) in the normal paragraph form.
pub fn fragment_text(html: &str) -> String {
    let doc = Html::parse_fragment(&limit_nesting(html));
    let root = doc.root_element();
    let text = collect(root, Mode::Paragraphs);
    if text.is_empty() {
        collect(root, Mode::Blocks)
    } else {
        text
    }
}

/// `html` without the start tags (and as many end tags) that would nest elements deeper than
/// [`MAX_NESTING`], found by a quick scan that counts every element left open as nesting (an
/// over-estimate: the parser closes some by itself). Pages of ordinary depth come back as they
/// are, without a copy.
fn limit_nesting(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    let mut kept_to = 0; // bytes before this are in `out` (or need not be copied yet)
    let (mut depth, mut dropped) = (0usize, 0usize);
    let mut at = 0;
    while let Some(lt) = find(bytes, b'<', at) {
        let tag = Tag::at(bytes, lt);
        at = tag.end;
        let Some(name) = tag.name else { continue };
        let drop = if tag.closing {
            if dropped > 0 {
                dropped -= 1;
                true
            } else {
                depth = depth.saturating_sub(1);
                false
            }
        } else if VOID.contains(&name.as_str()) || SELF_CLOSING.contains(&name.as_str()) {
            false
        } else if RAW_TEXT.contains(&name.as_str()) {
            at = raw_text_end(bytes, at, &name);
            false
        } else if depth >= MAX_NESTING {
            dropped += 1;
            true
        } else {
            depth += 1;
            false
        };
        if drop {
            let out = out.get_or_insert_with(|| String::with_capacity(html.len()));
            out.push_str(&html[kept_to..lt]);
            kept_to = tag.end;
        }
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut out) => {
            out.push_str(&html[kept_to..]);
            Cow::Owned(out)
        }
    }
}

/// A tag found by [`limit_nesting`]'s scan.
struct Tag {
    /// The lowercased element name; `None` for comments, doctypes and a lone `<`.
    name: Option<String>,
    closing: bool,
    /// Just past the tag.
    end: usize,
}

impl Tag {
    /// The tag starting with the `<` at `lt`.
    fn at(bytes: &[u8], lt: usize) -> Tag {
        let rest = &bytes[lt + 1..];
        if rest.starts_with(b"!--") {
            let end = find_seq(bytes, b"-->", lt + 4).map_or(bytes.len(), |i| i + 3);
            return Tag {
                name: None,
                closing: false,
                end,
            };
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        let starts_with_letter = bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic);
        if !starts_with_letter && !matches!(rest.first(), Some(b'!' | b'?')) {
            return Tag {
                name: None,
                closing: false,
                end: lt + 1,
            };
        }
        let end = find(bytes, b'>', name_start).map_or(bytes.len(), |i| i + 1);
        let name = starts_with_letter.then(|| {
            String::from_utf8_lossy(&bytes[name_start..name_start + name_len]).to_ascii_lowercase()
        });
        Tag { name, closing, end }
    }
}

/// Just past the end tag of the raw-text element `name` whose content starts at `from`.
fn raw_text_end(bytes: &[u8], from: usize, name: &str) -> usize {
    let mut at = from;
    while let Some(i) = find_seq(bytes, b"</", at) {
        let candidate = &bytes[i + 2..];
        if candidate.len() >= name.len()
            && candidate[..name.len()].eq_ignore_ascii_case(name.as_bytes())
        {
            return i;
        }
        at = i + 2;
    }
    bytes.len()
}

fn find(bytes: &[u8], b: u8, from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&x| x == b)
        .map(|i| from + i)
}

fn find_seq(bytes: &[u8], seq: &[u8], from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(seq.len())
        .position(|w| w == seq)
        .map(|i| from + i)
}

/// The body: the best `<article>`, else `<main>`, else `<body>`; paragraphs first, block text
/// when a part has no paragraph elements.
fn body_text(doc: &Html) -> String {
    let root = doc.root_element();
    let mut parts = outermost(root, "article");
    let mut by_paragraphs: Vec<String> = parts
        .iter()
        .map(|&a| collect(a, Mode::Paragraphs))
        .collect();
    if let Some(best) = (0..by_paragraphs.len()).max_by_key(|&i| by_paragraphs[i].len())
        && !by_paragraphs[best].is_empty()
    {
        return by_paragraphs.swap_remove(best);
    }
    let mains = outermost(root, "main");
    for &main in &mains {
        let text = collect(main, Mode::Paragraphs);
        if !text.is_empty() {
            return text;
        }
    }
    let body = doc.select(&BODY).next().unwrap_or(root);
    let text = collect(body, Mode::Paragraphs);
    if !text.is_empty() {
        return text;
    }
    parts.extend(mains);
    parts.push(body);
    parts
        .into_iter()
        .map(|p| collect(p, Mode::Blocks))
        .find(|t| !t.is_empty())
        .unwrap_or_default()
}

/// The headline often opens the article's own markup as well; it is the title, not body.
fn drop_leading_headline(body: &mut String, title: &str) {
    let first = body.split("\n\n").next().unwrap_or("");
    if first.eq_ignore_ascii_case(title) {
        let rest = body
            .get(first.len()..)
            .unwrap_or("")
            .trim_start_matches('\n');
        *body = rest.to_string();
    }
}

/// Elements named `name` that are not inside another one or inside dropped furniture.
fn outermost<'a>(root: ElementRef<'a>, name: &str) -> Vec<ElementRef<'a>> {
    let mut found = Vec::new();
    let mut skip: Option<NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) if skip.is_none() => {
                let Node::Element(e) = node.value() else {
                    continue;
                };
                let dropped = is_dropped(e);
                if dropped || e.name() == name {
                    skip = Some(node.id());
                }
                if !dropped && e.name() == name {
                    found.extend(ElementRef::wrap(node));
                }
            }
            Edge::Close(node) if skip == Some(node.id()) => skip = None,
            _ => {}
        }
    }
    found
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Only the text inside paragraph elements, one paragraph each.
    Paragraphs,
    /// All text, a paragraph break at every block element.
    Blocks,
}

impl Mode {
    /// Whether the element `name` opens or ends a paragraph.
    fn breaks_at(self, name: &str) -> bool {
        match self {
            Mode::Paragraphs => PARAGRAPH.contains(&name),
            Mode::Blocks => BLOCK.contains(&name),
        }
    }
}

/// The text under `root` in the normal paragraph form, without dropped elements.
fn collect(root: ElementRef<'_>, mode: Mode) -> String {
    let mut out = Paragraphs::default();
    let mut run = Run::default();
    // The paragraph elements open around the current point, innermost last.
    let mut open: Vec<&str> = Vec::new();
    let mut skip: Option<NodeId> = None;
    let mut links = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) if skip.is_none() => match node.value() {
                Node::Element(e) if is_dropped(e) => skip = Some(node.id()),
                Node::Element(e) => {
                    let name = e.name();
                    links += usize::from(name == "a");
                    if mode.breaks_at(name) {
                        run.flush(&mut out, open.last().copied());
                        if PARAGRAPH.contains(&name) {
                            open.push(name);
                        }
                    } else if name == "br" {
                        run.text.push(' ');
                    }
                }
                Node::Text(t) if mode == Mode::Blocks || !open.is_empty() => {
                    run.add(t, links > 0);
                }
                _ => {}
            },
            Edge::Close(node) if skip == Some(node.id()) => skip = None,
            Edge::Close(node) if skip.is_none() => {
                if let Node::Element(e) = node.value() {
                    let name = e.name();
                    if name == "a" {
                        links = links.saturating_sub(1);
                    }
                    if mode.breaks_at(name) {
                        run.flush(&mut out, open.last().copied());
                        if PARAGRAPH.contains(&name) {
                            open.pop();
                        }
                    }
                }
            }
            _ => {}
        }
    }
    run.flush(&mut out, open.last().copied());
    out.finish()
}

/// Text gathered since the last paragraph break.
#[derive(Debug, Default)]
struct Run {
    text: String,
    /// Whether any of it lies outside a link.
    outside_links: bool,
}

impl Run {
    fn add(&mut self, text: &str, in_link: bool) {
        if !in_link && !super::text::one_line(text).is_empty() {
            self.outside_links = true;
        }
        self.text.push_str(text);
    }

    /// End the paragraph; `within` is the paragraph element it belongs to. A list item that
    /// is only links is a menu entry, not article text.
    fn flush(&mut self, out: &mut Paragraphs, within: Option<&str>) {
        if within != Some("li") || self.outside_links {
            out.push(&self.text);
        }
        self.text.clear();
        self.outside_links = false;
    }
}

fn is_dropped(e: &Element) -> bool {
    DROPPED.contains(&e.name())
        || e.attr("hidden").is_some()
        || e.attr("aria-hidden")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        || e.attr("role").is_some_and(|r| {
            r.split_ascii_whitespace()
                .any(|r| DROPPED_ROLES.iter().any(|d| d.eq_ignore_ascii_case(r)))
        })
}

/// `<meta>` values by lowercased `property`, `name` or `itemprop`, in page order.
struct Meta(Vec<(String, String)>);

impl Meta {
    fn of(doc: &Html) -> Meta {
        Meta(
            doc.select(&META)
                .filter_map(|e| {
                    let e = e.value();
                    let key = e
                        .attr("property")
                        .or_else(|| e.attr("name"))
                        .or_else(|| e.attr("itemprop"))?;
                    Some((key.trim().to_ascii_lowercase(), field(e.attr("content")?)?))
                })
                .collect(),
        )
    }

    /// The value of the first of `keys` (best first) that the page has.
    fn first(&self, keys: &[&str]) -> Option<String> {
        keys.iter()
            .find_map(|k| self.0.iter().find(|(key, _)| key == k))
            .map(|(_, v)| v.clone())
    }
}

/// What the page's JSON-LD blocks say of the article.
#[derive(Debug, Default)]
struct JsonLd {
    headline: Option<String>,
    date: Option<String>,
    author: Option<String>,
}

impl JsonLd {
    fn of(doc: &Html) -> JsonLd {
        let mut ld = JsonLd::default();
        for script in doc.select(&JSON_LD) {
            let text: String = script.text().collect();
            if text.len() > MAX_JSON_LD_BYTES {
                continue;
            }
            let Ok(value) = serde_json::from_str::<Value>(&text) else {
                continue;
            };
            // Objects may nest (`@graph`, `mainEntity`): look at every one, without recursion.
            let mut stack = vec![&value];
            while let Some(v) = stack.pop() {
                match v {
                    Value::Array(items) => stack.extend(items.iter().rev()),
                    Value::Object(o) => {
                        let text = |k: &str| o.get(k).and_then(Value::as_str).and_then(field);
                        ld.headline = ld.headline.take().or_else(|| text("headline"));
                        ld.date = ld.date.take().or_else(|| text("datePublished"));
                        if ld.author.is_none() {
                            ld.author = o.get("author").and_then(|a| match a {
                                Value::String(s) => field(s),
                                Value::Object(p) => {
                                    p.get("name").and_then(Value::as_str).and_then(field)
                                }
                                Value::Array(list) => list.iter().find_map(|p| {
                                    p.get("name").and_then(Value::as_str).and_then(field)
                                }),
                                _ => None,
                            });
                        }
                        stack.extend(o.values().filter(|v| v.is_object() || v.is_array()));
                    }
                    _ => {}
                }
            }
        }
        ld
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html><head>
  <title>Seoul and Tokyo agree chip deal | The Daily Wire Desk</title>
  <meta property="og:site_name" content="The Daily Wire Desk">
  <meta property="article:published_time" content="2025-03-04T08:00:00Z">
  <link rel="canonical" href="https://example.org/chips">
  <script>var x = "<p>not text</p>";</script>
  <style>p { color: red }</style>
</head><body>
  <header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav></header>
  <main>
    <article>
      <h1>Seoul and Tokyo agree chip deal</h1>
      <p class="byline">By A. Writer</p>
      <p>South Korea and Japan on Tuesday agreed to cut tariffs on
         chip-making equipment to 5&nbsp;per cent, officials said.</p>
      <figure><img src="x.jpg"><figcaption>Delegates in Seoul. Photo: agency</figcaption></figure>
      <p>&ldquo;This is a fair deal,&rdquo; the trade minister said &amp; smiled.</p>
      <aside><p>Related: rice talks stall</p></aside>
      <ul><li>Tariffs fall to 5%</li><li><a href="/more">More on trade</a></li></ul>
    </article>
  </main>
  <footer><p>Copyright 2025</p></footer>
</body></html>"#;

    #[test]
    fn article_page_reads_metadata_and_paragraphs() {
        let a = parse(PAGE).unwrap();
        assert_eq!(a.title.as_deref(), Some("Seoul and Tokyo agree chip deal"));
        assert_eq!(a.date.as_deref(), Some("2025-03-04T08:00:00Z"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/chips"));
        assert_eq!(a.source.as_deref(), Some("The Daily Wire Desk"));
        assert_eq!(
            a.body,
            "By A. Writer\n\n\
             South Korea and Japan on Tuesday agreed to cut tariffs on chip-making equipment to 5 per cent, officials said.\n\n\
             \u{201c}This is a fair deal,\u{201d} the trade minister said & smiled.\n\n\
             Tariffs fall to 5%"
        );
    }

    #[test]
    fn title_sources_in_order() {
        let cases = [
            (
                r#"<meta property="og:title" content="OG headline"><title>T | Site</title><h1>H</h1><p>x</p>"#,
                "OG headline",
            ),
            (
                r#"<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "headline": "LD headline"}]}</script><title>T</title><p>x</p>"#,
                "LD headline",
            ),
            (
                "<title>Rates rise - Site</title><h1>Rates rise</h1><p>x</p>",
                "Rates rise",
            ),
            (
                "<title>Page title</title><h1>Other words</h1><p>x</p>",
                "Page title",
            ),
            ("<h1>Only a heading</h1><p>x</p>", "Only a heading"),
        ];
        for (html, want) in cases {
            assert_eq!(parse(html).unwrap().title.as_deref(), Some(want), "{html}");
        }
    }

    #[test]
    fn date_sources_in_order() {
        let cases = [
            (
                r#"<meta name="date" content="2024-02-01"><p>x</p>"#,
                "2024-02-01",
            ),
            (
                r#"<script type="application/ld+json">[{"datePublished": "2024-05-06T10:00:00+02:00", "author": {"name": "B. Reporter"}}]</script><p>x</p>"#,
                "2024-05-06T10:00:00+02:00",
            ),
            (
                r#"<article><time datetime="2026-01-09">9 Jan</time><p>x</p></article>"#,
                "2026-01-09",
            ),
        ];
        for (html, want) in cases {
            assert_eq!(parse(html).unwrap().date.as_deref(), Some(want), "{html}");
        }
    }

    #[test]
    fn page_without_paragraphs_uses_block_text() {
        let a = parse("<body><div>First line<br>second line</div><div>Third</div></body>").unwrap();
        assert_eq!(a.body, "First line\n\nsecond line\n\nThird");
    }

    #[test]
    fn biggest_article_wins_and_nested_paragraphs_are_not_doubled() {
        let html = "<article><p>Teaser.</p></article>\
                    <article><blockquote><p>Quoted words here.</p>said the envoy</blockquote><p>Long body text of the story.</p></article>";
        assert_eq!(
            parse(html).unwrap().body,
            "Quoted words here.\n\nsaid the envoy\n\nLong body text of the story."
        );
    }

    #[test]
    fn pages_without_body_text_are_refused() {
        for html in [
            "",
            "<html><head><title>Only a title</title></head><body></body></html>",
            "<body><nav><p>Menu</p></nav><script>alert(1)</script></body>",
            "<body><h1>Headline alone</h1></body>",
            "<body><ul><li><a href='/a'>Home</a></li></ul></body>",
            "<p hidden>secret</p><div aria-hidden=true>icons</div><div role=navigation>menu</div>",
        ] {
            assert_eq!(parse(html).unwrap_err(), "no body text", "{html}");
        }
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        for open in ["<div>", "<ul>", "<b id=x>", "<x-custom>"] {
            let html = format!("{}<p>Deep text.</p>", open.repeat(100_000));
            assert_eq!(parse(&html).unwrap().body, "Deep text.", "{open}");
        }
    }

    #[test]
    fn nesting_is_limited_before_parsing() {
        let ordinary = "<div><ul><li>a<li>b</ul><p>x<p>y<br><img src=x></div>";
        assert!(matches!(limit_nesting(ordinary), Cow::Borrowed(_)));
        let deep = format!("{}text{}", "<div>".repeat(600), "</div>".repeat(600));
        let limited = limit_nesting(&deep);
        assert_eq!(limited.matches("<div>").count(), MAX_NESTING);
        assert_eq!(limited.matches("</div>").count(), MAX_NESTING);
        assert!(limited.contains("text"));
        // Raw text and comments are not counted.
        let script = format!(
            "<script>{}</script><!-- {} --><p>ok",
            "<div>".repeat(600),
            "<ul>".repeat(600)
        );
        assert!(matches!(limit_nesting(&script), Cow::Borrowed(_)));
        for odd in [
            "<",
            "a < b",
            "</",
            "<!--",
            "<div",
            "<script>no end",
            "<1>",
            "<é>",
        ] {
            let _ = limit_nesting(odd);
        }
    }

    #[test]
    fn declared_latin1_charsets() {
        for head in [
            &b"<meta charset=\"windows-1252\">"[..],
            b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ISO-8859-1\">",
            b"<meta charset='latin1'>",
        ] {
            assert!(declares_latin1(head), "{}", String::from_utf8_lossy(head));
        }
        for head in [
            &b"<meta charset=\"utf-8\">"[..],
            b"<meta charset=shift_jis>",
            b"<p>charset</p>",
        ] {
            assert!(!declares_latin1(head), "{}", String::from_utf8_lossy(head));
        }
    }

    #[test]
    fn fragments_from_json_bodies() {
        assert_eq!(
            fragment_text("Line one<br>line two<br><br><div>Next &quot;block&quot;</div>"),
            "Line one\n\nline two\n\nNext \"block\""
        );
        assert_eq!(fragment_text("<p>A</p><p>B &lt; C</p>"), "A\n\nB < C");
    }
}
