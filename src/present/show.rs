//! One stored article with every extracted field, as text or JSON.

use std::io::{self, Write};

use serde::Serialize;

use super::extract::ExtractLine;
use super::{Style, country_label, date_label, rate_label};
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
    for q in &e.quotes {
        let who = q.speaker.as_deref().unwrap_or("unattributed");
        writeln!(
            out,
            "{} “{}” — {who} [{}]",
            style.dim(&format!("{:>10}:", "quote")),
            q.text,
            kind_name(q.kind)
        )?;
    }
    writeln!(out)?;
    writeln!(out, "{}", a.body)
}
