//! Sentence bounds in news copy: a full stop, question or exclamation mark before a capital,
//! a quote or a digit, unless it closes an abbreviation ("U.S.", "Mr.", "Jan."); and paragraph
//! breaks (a blank line, or a new indented line as in wire copy). Joining two sentences by
//! mistake costs less than splitting one, so unclear cases are joined.

use std::ops::Range;
use std::sync::LazyLock;

use super::lists;

const ABBREVIATION_FILE: &str = include_str!("../../../data/abbreviations.txt");

/// Abbreviations that end in a full stop without ending the sentence (`data/abbreviations.txt`).
static ABBREVIATIONS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lists::words(ABBREVIATION_FILE).collect());

/// The sentences of `text` as byte ranges, trimmed, in order.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let boundary_at = match b {
            b'.' | b'!' | b'?' => {
                // Closing quotes and brackets stay with the sentence they close.
                let mut end = i + 1;
                while end < bytes.len() && matches!(bytes[end], b'"' | b'\'' | b')') {
                    end += 1;
                }
                if text[end..].starts_with('\u{201d}') || text[end..].starts_with('\u{2019}') {
                    end += 3;
                }
                (ends_sentence(text, i, end)).then_some(end)
            }
            b'\n' if paragraph_break(bytes, i) => Some(i),
            _ => None,
        };
        if let Some(end) = boundary_at {
            push_trimmed(text, start..end, &mut out);
            start = end;
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let piece = &text[range.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if range.start + lead < range.end - trail {
        out.push(range.start + lead..range.end - trail);
    }
}

/// A blank line, a line break followed by an indent of two or more spaces, or a bullet.
fn paragraph_break(bytes: &[u8], i: usize) -> bool {
    let rest = &bytes[i + 1..];
    let spaces = rest
        .iter()
        .take_while(|&&c| c == b' ' || c == b'\t')
        .count();
    // A bulleted line ("- Duty cuts on ...") starts afresh too.
    rest.get(spaces)
        .is_none_or(|&c| matches!(c, b'\n' | b'\r' | b'-' | b'*'))
        || spaces >= 2
}

/// Whether the mark at `mark` (with closing quotes up to `after`) ends a sentence.
fn ends_sentence(text: &str, mark: usize, after: usize) -> bool {
    let rest = &text[after..];
    let trimmed = rest.trim_start();
    if trimmed.len() == rest.len() && !rest.is_empty() {
        return false; // "3.5", "U.S.-made": no space after the mark
    }
    let next = trimmed.chars().next();
    if !next.is_none_or(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\u{201c}' | '\'' | '(' | '[')
    }) {
        return false;
    }
    if text.as_bytes()[mark] != b'.' {
        return true;
    }
    let word_start = text[..mark]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || c == '(' || c == '"')
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = text[word_start..mark].to_lowercase();
    // "U.S." and initials ("J."): letters separated by full stops.
    let initials = word.split('.').all(|part| part.chars().count() == 1);
    // "No. 5", but "he said no."
    let number_sign =
        matches!(word.as_str(), "no" | "nos") && next.is_some_and(|c| c.is_ascii_digit());
    !(initials || number_sign || ABBREVIATIONS.contains(&word.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_at_sentence_ends_only() {
        assert_eq!(
            sentences("The U.S. raised duties to 25 pct. China said no. Mr. Li left."),
            [
                "The U.S. raised duties to 25 pct.",
                "China said no.",
                "Mr. Li left."
            ]
        );
        assert_eq!(
            sentences("It rose 3.5 pct on Jan. 5 to a record. \"We agree,\" he said."),
            [
                "It rose 3.5 pct on Jan. 5 to a record.",
                "\"We agree,\" he said."
            ]
        );
    }

    #[test]
    fn paragraphs_break_sentences_and_wrapped_lines_do_not() {
        assert_eq!(
            sentences("Japan cut the tariff\nto 4.4 pct\n    The ministry said\n\nNext"),
            [
                "Japan cut the tariff\nto 4.4 pct",
                "The ministry said",
                "Next"
            ]
        );
    }
}
