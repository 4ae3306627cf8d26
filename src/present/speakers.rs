//! The speaker directory as a table or as the `speakers --json` object.

use std::io::{self, Write};

use serde::Serialize;

use super::{Style, country_label, date_label};
use crate::search::{NameKind, Speaker, SpeakerList};

/// `speakers --json`: `{"total", "speakers": [{"name", "kind", "roles", "country", "quotes",
/// "articles", "first", "last", "forms"}]}`; `kind` is `person`, `org` or `group`.
#[derive(Debug, Serialize)]
pub struct SpeakersJson<'a> {
    pub total: usize,
    pub speakers: Vec<SpeakerJson<'a>>,
}

#[derive(Debug, Serialize)]
pub struct SpeakerJson<'a> {
    pub name: &'a str,
    pub kind: &'static str,
    pub roles: &'a [String],
    pub country: Option<&'a str>,
    pub quotes: usize,
    pub articles: usize,
    pub first: Option<String>,
    pub last: Option<String>,
    /// Every form of the name found in the index.
    pub forms: &'a [String],
}

impl<'a> SpeakersJson<'a> {
    pub fn new(list: &'a SpeakerList) -> SpeakersJson<'a> {
        SpeakersJson {
            total: list.total,
            speakers: list.speakers.iter().map(SpeakerJson::new).collect(),
        }
    }
}

impl<'a> SpeakerJson<'a> {
    fn new(s: &'a Speaker) -> SpeakerJson<'a> {
        SpeakerJson {
            name: &s.name,
            kind: s.kind.name(),
            roles: &s.roles,
            country: s.country.as_ref().map(|c| c.as_str()),
            quotes: s.quotes,
            articles: s.articles,
            first: s.first.map(|d| d.to_string()),
            last: s.last.map(|d| d.to_string()),
            forms: &s.forms,
        }
    }
}

/// Roles shown per speaker in text (the most frequent; JSON has them all).
const ROLES_SHOWN: usize = 3;

/// One line per speaker: name, quotes, articles, dates, country and roles.
pub fn write_text(out: &mut dyn Write, list: &SpeakerList, style: Style) -> io::Result<()> {
    let width = list
        .speakers
        .iter()
        .map(|s| s.name.chars().count())
        .max()
        .unwrap_or(0);
    for s in &list.speakers {
        let dates = match (s.first, s.last) {
            (Some(a), Some(b)) if a != b => format!("{a} to {b}"),
            (first, _) => date_label(first),
        };
        let mut about = Vec::new();
        if s.kind != NameKind::Person {
            about.push(s.kind.name().to_string());
        }
        if let Some(c) = s.country {
            about.push(country_label(c));
        }
        if !s.roles.is_empty() {
            let mut roles = s.roles[..s.roles.len().min(ROLES_SHOWN)].join("; ");
            if s.roles.len() > ROLES_SHOWN {
                roles.push_str("; …");
            }
            about.push(roles);
        }
        let name = format!("{:<width$}", s.name);
        writeln!(
            out,
            "{}  {:>5} quotes  {:>5} articles  {dates}  {}",
            style.bold(&name),
            s.quotes,
            s.articles,
            style.dim(&about.join(" · "))
        )?;
    }
    let noun = if list.total == 1 {
        "speaker"
    } else {
        "speakers"
    };
    writeln!(out, "{} of {} {noun}", list.speakers.len(), list.total)
}
