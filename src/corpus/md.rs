//! Markdown articles (`.md`, `.markdown`): optional YAML front matter, then CommonMark text.
//!
//! Front matter is a `---` line at the very top, YAML, and a closing `---` (or `...`) line.
//! Its `title` (or `headline`), `date` (or `published`, `published_at`), `source` (or
//! `publisher`), `url` (or `link`) and `author` (or `authors`, `byline`) keys fill the
//! article's fields; other keys are ignored. Front matter that is not valid YAML is dropped
//! with a warning and the article is still read.
//!
//! The text is parsed with `pulldown-cmark` and only its words are kept: heading marks,
//! emphasis, link targets, images (with their alt text), code fences and HTML tags go; each
//! paragraph, heading, list item, quote block, table row and code line becomes a paragraph.
//! A level-1 heading that opens the text is the title when the front matter has none, and is
//! dropped when it repeats the front matter's title. A date line opening the text (as plain
//! text files have) is the date when the front matter has none.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde_yaml_ng::Value;

use super::text::{Paragraphs, field, one_line};
use super::{Article, html, txt};

/// Read one Markdown file; warnings (bad front matter) go to `warn`.
pub fn parse(text: &str, warn: &mut dyn FnMut(String)) -> Article {
    let mut article = Article::default();
    let body = match split_front_matter(text) {
        Some((yaml, rest)) => {
            match serde_yaml_ng::from_str::<Value>(yaml) {
                Ok(Value::Mapping(map)) => front_matter(&map, &mut article),
                Ok(Value::Null) => {}
                Ok(_) => warn("front matter is not a YAML mapping; ignored".into()),
                Err(e) => warn(format!("front matter is not valid YAML ({e}); ignored")),
            }
            rest
        }
        None => text,
    };
    let (heading, mut paras) = blocks(body);
    if let Some(heading) = heading {
        match &article.title {
            None => article.title = Some(heading),
            Some(t) if t.eq_ignore_ascii_case(&heading) => {}
            Some(_) => paras.insert(0, heading),
        }
    }
    if article.date.is_none()
        && let Some(first) = paras.first()
        && txt::is_date_line(first)
    {
        article.date = Some(paras.remove(0));
    }
    let mut out = Paragraphs::with_capacity(body.len());
    for p in &paras {
        out.push(p);
    }
    article.body = out.finish();
    article
}

/// The YAML between an opening `---` line and the closing `---` or `...` line, and the
/// text after it; `None` when the file does not start with front matter.
fn split_front_matter(text: &str) -> Option<(&str, &str)> {
    let first_end = text.find('\n')?;
    if text[..first_end].trim_end() != "---" {
        return None;
    }
    let yaml_start = first_end + 1;
    let mut at = yaml_start;
    while at < text.len() {
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        let line = text[at..end].trim_end();
        if line == "---" || line == "..." {
            let rest = text.get(end + 1..).unwrap_or("");
            return Some((&text[yaml_start..at], rest));
        }
        at = end + 1;
    }
    None
}

fn front_matter(map: &serde_yaml_ng::Mapping, article: &mut Article) {
    let get = |keys: &[&str]| {
        keys.iter().find_map(|want| {
            map.iter()
                .find(|(k, _)| k.as_str().is_some_and(|k| k.eq_ignore_ascii_case(want)))
                .and_then(|(_, v)| yaml_text(v))
        })
    };
    article.title = get(&["title", "headline"]);
    article.date = get(&["date", "published", "published_at"]);
    article.source = get(&["source", "publisher"]);
    article.url = get(&["url", "link"]);
    article.author = get(&["author", "authors", "byline"]);
}

/// A YAML value as one line of text: strings and numbers as written, lists joined with
/// commas, a mapping by its `name`.
fn yaml_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => field(s),
        Value::Number(n) => Some(n.to_string()),
        Value::Sequence(items) => {
            let parts: Vec<String> = items.iter().filter_map(yaml_text).collect();
            Some(parts.join(", ")).filter(|s| !s.is_empty())
        }
        Value::Mapping(m) => m.get("name").and_then(yaml_text),
        Value::Tagged(t) => yaml_text(&t.value),
        Value::Null | Value::Bool(_) => None,
    }
}

/// The text's paragraphs, and the level-1 heading that opens it, if one does.
fn blocks(markdown: &str) -> (Option<String>, Vec<String>) {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS;
    let mut paras: Vec<String> = Vec::new();
    let mut heading = None;
    let mut current = String::new();
    // Raw text of a code or HTML block, which has its own line structure.
    let mut raw: Option<String> = None;
    let mut in_image = 0usize;
    let mut opening_h1 = false;
    let mut seen_block = false;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            _ if in_image > 0 => {}
            Event::Start(tag) => {
                let end = tag.to_end();
                if is_block(&end) {
                    flush(&mut current, &mut paras);
                    if matches!(end, TagEnd::CodeBlock | TagEnd::HtmlBlock) {
                        raw = Some(String::new());
                    }
                    opening_h1 = !seen_block
                        && matches!(tag, Tag::Heading { level, .. } if level == pulldown_cmark::HeadingLevel::H1);
                    seen_block = true;
                }
            }
            Event::End(end) if is_block(&end) => {
                match (end, raw.take()) {
                    (TagEnd::CodeBlock, Some(code)) => {
                        paras.extend(code.lines().map(one_line).filter(|p| !p.is_empty()));
                    }
                    (TagEnd::HtmlBlock, Some(markup)) => {
                        let text = html::fragment_text(&markup);
                        paras.extend(
                            text.split("\n\n")
                                .filter(|p| !p.is_empty())
                                .map(String::from),
                        );
                    }
                    (TagEnd::Heading(_), _) if opening_h1 => {
                        heading = Some(one_line(&current)).filter(|h| !h.is_empty());
                        current.clear();
                    }
                    _ => {}
                }
                opening_h1 = false;
                flush(&mut current, &mut paras);
            }
            Event::End(TagEnd::TableCell) => current.push(' '),
            Event::Text(t) | Event::Code(t) => match &mut raw {
                Some(raw) => raw.push_str(&t),
                None => current.push_str(&t),
            },
            Event::Html(t) => match &mut raw {
                Some(raw) => raw.push_str(&t),
                None => current.push_str(&html::fragment_text(&t)),
            },
            Event::InlineHtml(t) if is_line_break(&t) => current.push(' '),
            Event::SoftBreak | Event::HardBreak => current.push(' '),
            Event::Rule => flush(&mut current, &mut paras),
            _ => {}
        }
    }
    flush(&mut current, &mut paras);
    (heading, paras)
}

fn flush(current: &mut String, paras: &mut Vec<String>) {
    let p = one_line(current);
    if !p.is_empty() {
        paras.push(p);
    }
    current.clear();
}

/// `<br>`, `<br/>`, `<BR />`: a tag whose words would otherwise run together.
fn is_line_break(tag: &str) -> bool {
    let name = tag.trim_start_matches('<').trim_start();
    name.get(..2).is_some_and(|n| n.eq_ignore_ascii_case("br"))
        && name[2..].trim_start().starts_with(['>', '/'])
}

fn is_block(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::MetadataBlock(_)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Article, Vec<String>) {
        let mut warnings = Vec::new();
        let a = parse(text, &mut |w| warnings.push(w));
        (a, warnings)
    }

    #[test]
    fn front_matter_fills_the_fields() {
        let (a, w) = read(
            "---\ntitle: \"Delhi, Canberra sign pact\"\ndate: 2025-06-02\nsource: Wire Desk\nurl: https://example.org/p\nauthor: [A. Writer, B. Editor]\ntags: [trade]\n---\n\n# Delhi, Canberra sign pact\n\nIndia and Australia signed.\n",
        );
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(a.title.as_deref(), Some("Delhi, Canberra sign pact"));
        assert_eq!(a.date.as_deref(), Some("2025-06-02"));
        assert_eq!(a.source.as_deref(), Some("Wire Desk"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/p"));
        assert_eq!(a.author.as_deref(), Some("A. Writer, B. Editor"));
        assert_eq!(a.body, "India and Australia signed.");
    }

    #[test]
    fn markup_goes_and_words_stay() {
        let (a, _) = read(
            "# Tariff row deepens\n\n\
             The **EU** said _on Monday_ it would [respond](https://example.org \"t\") to the\n\
             25% duty. ![chart of duties](chart.png)\n\n\
             ## Background\n\n\
             > \"We will not be bullied,\" the commissioner said.\n\n\
             - steel: 25%\n\
             - aluminium: 10 percent\n\n\
             ```\nrate  25\nquota 10\n```\n\n\
             | Country | Rate |\n|---|---|\n| Japan | 15 per cent |\n\n\
             Call it `tariff` ~~levy~~ <span>now</span>.<br>Done.\n",
        );
        assert_eq!(a.title.as_deref(), Some("Tariff row deepens"));
        assert_eq!(
            a.body,
            "The EU said on Monday it would respond to the 25% duty.\n\n\
             Background\n\n\
             \"We will not be bullied,\" the commissioner said.\n\n\
             steel: 25%\n\n\
             aluminium: 10 percent\n\n\
             rate 25\n\nquota 10\n\n\
             Country Rate\n\n\
             Japan 15 per cent\n\n\
             Call it tariff levy now. Done."
        );
    }

    #[test]
    fn heading_and_front_matter_title_both_kept_when_they_differ() {
        let (a, _) = read("---\ntitle: Short title\n---\n# A longer heading\n\nText.");
        assert_eq!(a.title.as_deref(), Some("Short title"));
        assert_eq!(a.body, "A longer heading\n\nText.");
    }

    #[test]
    fn heading_later_in_the_text_is_not_the_title() {
        let (a, _) = read("Opening words.\n\n# Heading\n\nMore.");
        assert_eq!(a.title, None);
        assert_eq!(a.body, "Opening words.\n\nHeading\n\nMore.");
    }

    #[test]
    fn date_line_opening_the_text() {
        let (a, _) = read("# Quota deal\n\nMarch 3, 2025\n\nSeoul agreed.");
        assert_eq!(a.date.as_deref(), Some("March 3, 2025"));
        assert_eq!(a.body, "Seoul agreed.");
    }

    #[test]
    fn bad_front_matter_warns_and_the_text_is_still_read() {
        let (a, w) = read("---\ntitle: [unclosed\n---\nBody text.");
        assert_eq!(w.len(), 1);
        assert!(w[0].starts_with("front matter is not valid YAML"), "{w:?}");
        assert_eq!(a.body, "Body text.");
        let (_, w) = read("---\n- a list\n---\nBody.");
        assert_eq!(w, ["front matter is not a YAML mapping; ignored"]);
    }

    #[test]
    fn unclosed_front_matter_is_text() {
        let (a, _) = read("---\ntitle: x\n\nBody.");
        assert_eq!(a.title, None);
        assert_eq!(a.body, "title: x\n\nBody.");
    }

    #[test]
    fn html_blocks_keep_their_text() {
        let (a, _) = read("<div class=\"note\">\nEditor&#39;s note: updated.\n</div>\n\nText.");
        assert_eq!(a.body, "Editor's note: updated.\n\nText.");
    }
}
