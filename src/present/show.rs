//! One stored article with every extracted field, as text or JSON.

use std::io::{self, Write};

use serde::Serialize;

use super::extract::ExtractLine;
use super::{Style, country_label, cue_label, date_label, rate_label};
use crate::enrich::{Quote, Within};
use crate::index::record::{StoredArticle, kind_name};

/// `show --json`: the `extract` line of the article, plus its file and body.
#[derive(Debug, Serialize)]
pub struct ShowJson<'a> {
    #[serde(flatten)]
    pub line: ExtractLine<'a>,
    pub file: &'a str,
    pub body: &'a str,
}

impl<'a> ShowJson<'a> {
    pub fn new(stored: &'a StoredArticle) -> ShowJson<'a> {
        ShowJson {
            line: ExtractLine::new(&stored.article, &stored.enriched),
            file: &stored.file,
            body: &stored.article.body,
        }
    }
}

/// The article's header, extracted fields, quotes and body.
pub fn write_text(out: &mut dyn Write, stored: &StoredArticle, style: Style) -> io::Result<()> {
    let a = &stored.article;
    let e = &stored.enriched;
    writeln!(out, "{}", style.bold(&a.display_title()))?;
    let field = |out: &mut dyn Write, name: &str, value: &str| -> io::Result<()> {
        if value.is_empty() {
            return Ok(());
        }
        writeln!(out, "{} {value}", style.dim(&format!("{name:>10}:")))
    };
    field(out, "id", &a.path)?;
    field(out, "file", &stored.file)?;
    field(out, "date", &date_label(e.date))?;
    field(out, "source", a.source.as_deref().unwrap_or_default())?;
    field(out, "url", a.url.as_deref().unwrap_or_default())?;
    field(out, "author", a.author.as_deref().unwrap_or_default())?;
    field(out, "dateline", a.dateline.as_deref().unwrap_or_default())?;
    let countries: Vec<String> = e
        .countries
        .iter()
        .map(|c| format!("{} ×{}", country_label(c.code), c.mentions))
        .collect();
    field(out, "countries", &countries.join(", "))?;
    let blocs: Vec<String> = e
        .blocs
        .iter()
        .map(|c| format!("{} ×{}", country_label(c.code), c.mentions))
        .collect();
    field(out, "blocs", &blocs.join(", "))?;
    field(out, "speakers", &e.speakers.join(", "))?;
    let people: Vec<String> = e
        .people
        .iter()
        .map(|p| match &p.role {
            Some(role) => format!("{} ({role})", p.name),
            None => p.name.clone(),
        })
        .collect();
    field(out, "people", &people.join(", "))?;
    field(out, "orgs", &e.orgs.join(", "))?;
    for t in &e.tariffs {
        let mut parts = vec![rate_label(t.rate.0)];
        if let Some(i) = t.imposer {
            parts.push(format!("by {i}"));
        }
        if let Some(target) = t.target {
            parts.push(format!("on {target}"));
        }
        if let Some(p) = &t.product {
            parts.push(format!("({p})"));
        }
        field(out, "tariff", &parts.join(" "))?;
    }
    for (n, q) in e.quotes.iter().enumerate() {
        let who = q.speaker.as_deref().unwrap_or("unattributed");
        let place = if q.within == Within::Title {
            ", in the title"
        } else {
            ""
        };
        writeln!(
            out,
            "{} [{}] “{}” — {who}{} [{}{place}]",
            style.dim(&format!("{:>10}:", "quote")),
            n + 1,
            q.text,
            cue_label(q.cue.as_deref(), q.negated),
            kind_name(q.kind)
        )?;
    }
    writeln!(out)?;
    writeln!(out, "{}", marked(&a.body, &e.quotes, style))
}

/// `body` with every body quote's pieces marked (see [`Style::quoted`]) and followed by the
/// quote's number in the list above; a quote in the title is not marked here. A piece inside
/// or across one marked already (a quote repeated within another) is left unmarked.
pub fn marked(body: &str, quotes: &[Quote], style: Style) -> String {
    let mut spans: Vec<(std::ops::Range<usize>, usize)> = quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| q.within.is_body())
        .flat_map(|(n, q)| q.spans().into_iter().map(move |r| (r, n + 1)))
        .collect();
    spans.sort_by_key(|(r, n)| (r.start, std::cmp::Reverse(r.end), *n));
    let mut out = String::with_capacity(body.len() + spans.len() * 16);
    let mut at = 0;
    for (r, n) in spans {
        let (Some(before), Some(words)) = (body.get(at..r.start), body.get(r.clone())) else {
            continue;
        };
        out.push_str(before);
        out.push_str(&style.quoted(words));
        out.push_str(&style.dim(&format!("[{n}]")));
        at = r.end;
    }
    out.push_str(body.get(at..).unwrap_or_default());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::{QuoteKind, QuotePart};

    fn quote(start: usize, end: usize, parts: &[(usize, usize)], body: &str) -> Quote {
        Quote {
            text: body[start..end].to_string(),
            speaker: Some("Lee".into()),
            role: None,
            speaker_country: None,
            kind: QuoteKind::Direct,
            start,
            end,
            parts: parts
                .iter()
                .map(|&(s, e)| QuotePart {
                    text: body[s..e].to_string(),
                    start: s,
                    end: e,
                })
                .collect(),
            cue: Some("said".into()),
            negated: false,
            speaker_start: None,
            speaker_end: None,
            within: crate::enrich::Within::Body,
        }
    }

    #[test]
    fn every_part_of_a_split_quote_is_marked_with_its_number() {
        let body = "“We are ready,” Lee said. “The rest is up to them.”";
        let first = body.find("We").unwrap();
        let first_end = body.find(",”").unwrap() + 1;
        let second = body.find("The").unwrap();
        let second_end = body.rfind('.').unwrap() + 1;
        let q = quote(
            first,
            second_end,
            &[(first, first_end), (second, second_end)],
            body,
        );
        assert_eq!(
            marked(body, &[q], Style::plain()),
            "“⟦We are ready,⟧[1]” Lee said. “⟦The rest is up to them.⟧[1]”"
        );
    }

    #[test]
    fn a_quote_inside_another_is_not_marked_twice() {
        let body = "He said the deal was “fair” and would last.";
        let outer = quote(8, body.len() - 1, &[], body);
        let inner_start = body.find("fair").unwrap();
        let inner = quote(inner_start, inner_start + 4, &[], body);
        assert_eq!(
            marked(body, &[outer, inner], Style::plain()),
            "He said ⟦the deal was “fair” and would last⟧[1]."
        );
    }

    #[test]
    fn a_title_quote_marks_nothing_in_the_body() {
        let body = "Lee said the port would reopen soon.";
        let mut headline = quote(0, 10, &[], body);
        headline.within = Within::Title;
        let said = quote(9, body.len() - 1, &[], body);
        assert_eq!(
            marked(body, &[headline, said], Style::plain()),
            "Lee said ⟦the port would reopen soon⟧[2]."
        );
    }

    #[test]
    fn colour_marks_quotes_without_brackets() {
        let body = "“Yes,” she said.";
        let q = quote(3, 7, &[], body);
        let got = marked(body, &[q], Style { color: true });
        assert!(got.contains("\x1b[36mYes,\x1b[0m"), "{got:?}");
        assert!(!got.contains('⟦'));
    }
}
