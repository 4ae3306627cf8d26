//! Stage 6: presentation. Turns extraction results and search hits into terminal text or JSON.
//! Only this module and `cmd/` write to stdout.
//!
//! Text output is for people: aligned, coloured on a terminal (never when piped or when
//! `NO_COLOR` is set). JSON output is one object per command, with the shapes documented on
//! each `*Json` type; it never depends on the terminal.

pub mod extract;
pub mod facets;
pub mod quotes;
pub mod search;
pub mod show;
pub mod speakers;
pub mod table;

use std::io::IsTerminal;

use crate::enrich::CountryCode;
use crate::search::Snippet;

/// How text output is decorated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
}

const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const MATCH: &str = "\x1b[1;33m";
const QUOTED: &str = "\x1b[36m";
const RESET: &str = "\x1b[0m";

impl Style {
    /// Colour when stdout is a terminal and `NO_COLOR` is unset or empty.
    pub fn detect() -> Style {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Style {
            color: std::io::stdout().is_terminal() && !no_color,
        }
    }

    pub fn plain() -> Style {
        Style { color: false }
    }

    fn wrap(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("{code}{text}{RESET}")
        } else {
            text.to_string()
        }
    }

    pub fn bold(&self, text: &str) -> String {
        self.wrap(BOLD, text)
    }

    pub fn dim(&self, text: &str) -> String {
        self.wrap(DIM, text)
    }

    /// Quoted words in an article body: coloured on a terminal, else between `⟦` and `⟧`.
    pub fn quoted(&self, text: &str) -> String {
        if self.color {
            self.wrap(QUOTED, text)
        } else {
            format!("⟦{text}⟧")
        }
    }

    /// The snippet's text with its highlights coloured (plain text without colour).
    pub fn snippet(&self, snippet: &Snippet) -> String {
        if !self.color {
            return snippet.text.clone();
        }
        let mut out = String::with_capacity(snippet.text.len() + 16);
        let mut at = 0;
        for range in &snippet.highlights {
            let (Some(before), Some(word)) = (
                snippet.text.get(at..range.start),
                snippet.text.get(range.clone()),
            ) else {
                continue;
            };
            out.push_str(before);
            out.push_str(&self.wrap(MATCH, word));
            at = range.end;
        }
        out.push_str(snippet.text.get(at..).unwrap_or_default());
        out
    }
}

/// A country for people: its code, and its name when the gazetteer knows it.
pub fn country_label(code: CountryCode) -> String {
    match code.name() {
        "" => code.to_string(),
        name => format!("{code} {name}"),
    }
}

/// The `1-10 of ` that opens a count line, or nothing when no result is shown.
pub fn shown(offset: usize, count: usize) -> String {
    if count == 0 {
        String::new()
    } else {
        format!("{}-{} of ", offset + 1, offset + count)
    }
}

/// A snippet's highlights as `[start, end]` byte offsets, for JSON.
pub fn match_offsets(snippet: &Snippet) -> Vec<[usize; 2]> {
    snippet
        .highlights
        .iter()
        .map(|r| [r.start, r.end])
        .collect()
}

/// A rate in percent without a needless `.0`.
pub fn rate_label(rate: f64) -> String {
    format!("{rate}%")
}

/// The cue after a speaker's name (", said", ", does not believe (negated)"), so a reader sees
/// how the words were attributed and never takes a negated statement as asserted. Lower case
/// here ("According to" opening a sentence reads ", according to"); JSON keeps it as written.
pub fn cue_label(cue: Option<&str>, negated: bool) -> String {
    let mut out = String::new();
    if let Some(cue) = cue {
        out.push_str(", ");
        out.push_str(&cue.to_lowercase());
    }
    if negated {
        out.push_str(" (negated)");
    }
    out
}

/// Dates print as ISO days.
pub fn date_label(date: Option<jiff::civil::Date>) -> String {
    date.map_or_else(|| "undated".to_string(), |d| d.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_are_coloured_only_with_colour() {
        let s = Snippet {
            text: "raise tariffs now".into(),
            highlights: vec![0..5, 6..13],
        };
        assert_eq!(Style::plain().snippet(&s), "raise tariffs now");
        assert_eq!(
            Style { color: true }.snippet(&s),
            "\x1b[1;33mraise\x1b[0m \x1b[1;33mtariffs\x1b[0m now"
        );
    }

    #[test]
    fn the_cue_follows_the_speaker_and_a_negation_is_said_plainly() {
        assert_eq!(cue_label(Some("said"), false), ", said");
        assert_eq!(cue_label(Some("According to"), false), ", according to");
        assert_eq!(
            cue_label(Some("does not believe"), true),
            ", does not believe (negated)"
        );
        assert_eq!(cue_label(None, false), "");
    }

    #[test]
    fn rates_print_without_trailing_zeros() {
        assert_eq!(rate_label(25.0), "25%");
        assert_eq!(rate_label(7.5), "7.5%");
    }
}
