//! The shape every reader gives an article's text: words separated by single spaces,
//! paragraphs separated by one blank line (`\n\n`), no other line breaks and no control
//! characters. Quote extraction works paragraph by paragraph, so the paragraph breaks of the
//! source must survive and the line wraps of the source must not.
//!
//! Plain text comes in three layouts, and [`paragraphs`] tells them apart block by block (a
//! block being lines between blank lines):
//! - one paragraph a line, with or without blank lines between (BBC, the seed article);
//! - hard-wrapped at a fixed width, paragraphs between blank lines (e-mail, many archives);
//! - hard-wrapped with an indented first line a paragraph (Reuters-21578).
//!
//! In one-paragraph-a-line text, a line that stops mid-sentence (ending in a letter, digit or
//! comma) and a next line that starts in lower case are one paragraph broken by mistake.
//!
//! A block is hard-wrapped when all its lines but the last are at most [`WRAP_MAX`] characters
//! wide and at least a third of its lines after the first start in lower case (prose wrapped
//! mid-sentence does; a list of short lines, each its own item, does not). Inside such a
//! block a line starts a new paragraph when it is indented more than the block's
//! least-indented line, when it starts a list item, or when the line before ends a sentence
//! short of the width, so that the first word of the next line would have fit on it (a
//! line-wrapping program would have put it there).

/// Widest line, in characters, that a hard-wrapped block can have (wire archives wrap at
/// 65-80 columns; one-paragraph-a-line text has longer lines).
const WRAP_MAX: usize = 100;

/// Whether a character separates words: white space, and control characters, which readers
/// drop so that no NUL or terminal escape reaches the index or a terminal.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

/// `s` on one line: runs of white space and control characters become one space, and the
/// ends are trimmed.
pub fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_words(&mut out, s);
    out
}

/// `s` as an optional metadata value: on one line, `None` when nothing is left.
pub fn field(s: &str) -> Option<String> {
    Some(one_line(s)).filter(|v| !v.is_empty())
}

/// Append the words of `s` to `out`, a single space before each word but the first of `out`.
pub fn push_words(out: &mut String, s: &str) {
    push_words_from(out, 0, s);
}

/// Collects paragraphs into the normal form: each on one line, one blank line between them.
#[derive(Debug, Default)]
pub struct Paragraphs {
    out: String,
}

impl Paragraphs {
    pub fn with_capacity(bytes: usize) -> Paragraphs {
        Paragraphs {
            out: String::with_capacity(bytes),
        }
    }

    /// Add one paragraph (any white space in it is collapsed); an empty one is ignored.
    pub fn push(&mut self, paragraph: &str) {
        let open = self.open();
        self.push_words(open, paragraph);
        self.close(open);
    }

    /// Add text that has paragraphs of its own, laid out as plain text is.
    pub fn push_text(&mut self, text: &str) {
        let mut block: Vec<&str> = Vec::new();
        for line in lines(text) {
            if line.chars().all(is_space) {
                flush_block(&block, self);
                block.clear();
            } else {
                block.push(line);
            }
        }
        flush_block(&block, self);
    }

    /// Start a paragraph; its words go straight into the output, so lines are copied once.
    fn open(&mut self) -> Open {
        let start = self.out.len();
        if start > 0 {
            self.out.push_str("\n\n");
        }
        Open {
            start,
            words: self.out.len(),
        }
    }

    /// Add the words of `s` to the open paragraph.
    fn push_words(&mut self, open: Open, s: &str) {
        push_words_from(&mut self.out, open.words, s);
    }

    /// End a paragraph, taking back its break when it got no words.
    fn close(&mut self, open: Open) {
        if self.out.len() == open.words {
            self.out.truncate(open.start);
        }
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// A paragraph being written: where its break starts and where its words start.
#[derive(Debug, Clone, Copy)]
struct Open {
    start: usize,
    words: usize,
}

/// Like [`push_words`], but only text after `from` counts as already written.
///
/// One pass over the bytes: an ASCII byte is a space when it is white space or a control
/// character (at most `b' '`, or DEL), and only other characters are decoded. Words already
/// separated by one plain space are copied together, a run at a time, not word by word.
fn push_words_from(out: &mut String, from: usize, s: &str) {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let space = space_len(s, i);
        if space > 0 {
            i += space;
            continue;
        }
        let start = i;
        i = word_end(s, i);
        // Take in the next word too when a single plain space is all that separates them.
        while bytes.get(i) == Some(&b' ') && i + 1 < bytes.len() && space_len(s, i + 1) == 0 {
            i = word_end(s, i + 1);
        }
        if out.len() > from {
            out.push(' ');
        }
        out.push_str(&s[start..i]);
    }
}

/// The length of the white space or control character at byte `i` of `s` (a character
/// boundary), or 0 when a word character is there.
#[inline]
fn space_len(s: &str, i: usize) -> usize {
    match s.as_bytes()[i] {
        b if b.is_ascii() => usize::from(b <= b' ' || b == 0x7f),
        _ => s[i..]
            .chars()
            .next()
            .filter(|&c| is_space(c))
            .map_or(0, char::len_utf8),
    }
}

/// The end of the word that starts at byte `i` of `s`: the next space or the end of `s`.
#[inline]
fn word_end(s: &str, mut i: usize) -> usize {
    let bytes = s.as_bytes();
    while let Some(&b) = bytes.get(i) {
        if b > b' ' && b < 0x7f {
            i += 1;
        } else if b.is_ascii() {
            break;
        } else {
            match s[i..].chars().next() {
                Some(c) if !is_space(c) => i += c.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

/// Plain text in the normal form (see the module documentation).
pub fn paragraphs(text: &str) -> String {
    let mut out = Paragraphs::with_capacity(text.len());
    out.push_text(text);
    out.finish()
}

/// The lines of `text`, ending at `\n`, `\r\n`, or a lone `\r` (old Mac files).
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let cr_only = !text.contains('\n') && text.contains('\r');
    text.split(if cr_only { '\r' } else { '\n' })
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
}

/// Add the paragraphs of one block of lines (see the module documentation), each with its
/// lines joined by single spaces.
fn flush_block(lines: &[&str], out: &mut Paragraphs) {
    let Some(last) = lines.len().checked_sub(1) else {
        return;
    };
    let widths: Vec<usize> = lines
        .iter()
        .map(|l| l.trim_end_matches(is_space).chars().count())
        .collect();
    let lower_starts = lines[1..].iter().filter(|l| starts_lower(l)).count();
    let wrapped =
        last > 0 && widths[..last].iter().all(|&w| w <= WRAP_MAX) && lower_starts * 3 >= last;
    let mut open = out.open();
    if !wrapped {
        for (i, line) in lines.iter().enumerate() {
            if i > 0 && !continues(lines[i - 1], line) {
                out.close(open);
                open = out.open();
            }
            out.push_words(open, line);
        }
        out.close(open);
        return;
    }
    let width = widths.iter().copied().max().unwrap_or(0);
    let least_indent = lines.iter().map(|l| indent(l)).min().unwrap_or(0);
    for (i, line) in lines.iter().enumerate() {
        let new_paragraph = i > 0
            && (indent(line) > least_indent
                || starts_list_item(line)
                || (ends_sentence(lines[i - 1])
                    && widths[i - 1] + 1 + first_word_width(line) <= width));
        if new_paragraph {
            out.close(open);
            open = out.open();
        }
        out.push_words(open, line);
    }
    out.close(open);
}

/// Whether `next` carries on the sentence `line` broke off: `line` ends in a letter, digit or
/// comma and `next` starts in lower case (a line broken by mistake in one-paragraph-a-line
/// text).
fn continues(line: &str, next: &str) -> bool {
    let ends_open = line
        .trim_end_matches(is_space)
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == ',');
    ends_open && starts_lower(next)
}

fn starts_lower(line: &str) -> bool {
    line.trim_start_matches(is_space)
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

fn indent(line: &str) -> usize {
    line.chars().take_while(|&c| is_space(c)).count()
}

fn first_word_width(line: &str) -> usize {
    line.trim_start_matches(is_space)
        .chars()
        .take_while(|&c| !is_space(c))
        .count()
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(is_space)
        .ends_with(['.', '!', '?', ':', '"', '\'', '\u{201d}', '\u{2019}', ')'])
}

/// `- item`, `* item`, `• item`, `1. item`, `2) item`.
fn starts_list_item(line: &str) -> bool {
    let t = line.trim_start_matches(is_space);
    if t.starts_with(['-', '*', '\u{2022}', '\u{2013}']) {
        return t.chars().nth(1).is_some_and(is_space);
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && matches!(t.as_bytes().get(digits), Some(b'.' | b')'))
        && t.as_bytes().get(digits + 1) == Some(&b' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layouts_become_blank_line_paragraphs() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "one paragraph a line",
                "Rubio spoke to reporters on Saturday before flying to Kuala Lumpur for talks that were expected to run late into the night.\nHe said both sides were \u{201c}mature\u{201d} enough to manage their differences over trade.\n",
                "Rubio spoke to reporters on Saturday before flying to Kuala Lumpur for talks that were expected to run late into the night.\n\nHe said both sides were \u{201c}mature\u{201d} enough to manage their differences over trade.",
            ),
            (
                "one paragraph a line, one broken mid-sentence",
                "Rubio spoke to reporters on Saturday before flying to Kuala Lumpur for talks that were expected to run late into the night, and said that we see an\nopportunity here,\u{201d} he said.\nThe next paragraph starts here and it is also quite long, longer than the usual wrap width of old wires.\n",
                "Rubio spoke to reporters on Saturday before flying to Kuala Lumpur for talks that were expected to run late into the night, and said that we see an opportunity here,\u{201d} he said.\n\nThe next paragraph starts here and it is also quite long, longer than the usual wrap width of old wires.",
            ),
            (
                "blank lines between paragraphs, extra blank lines and spaces",
                "\n\n  First  paragraph.\n\n\n\nSecond\tone.  \n\n",
                "First paragraph.\n\nSecond one.",
            ),
            (
                "hard-wrapped, paragraphs indented (Reuters)",
                "Japan will cut import duties on\nsome farm goods from April, the\nministry said.\n    The cuts range from 5 to 10 pct\nand cover beef and citrus.",
                "Japan will cut import duties on some farm goods from April, the ministry said.\n\nThe cuts range from 5 to 10 pct and cover beef and citrus.",
            ),
            (
                "hard-wrapped, short last line of a paragraph",
                "The trade minister said tariffs on\nsteel would rise.\nThe opposition called the move a\nmistake that would hurt farmers.",
                "The trade minister said tariffs on steel would rise.\n\nThe opposition called the move a mistake that would hurt farmers.",
            ),
            (
                "every line ends a sentence: one paragraph a line",
                "Officials met in Geneva on Monday.\nTalks resumed on Tuesday morning.",
                "Officials met in Geneva on Monday.\n\nTalks resumed on Tuesday morning.",
            ),
            (
                "hard-wrapped line that ends a sentence at full width is joined",
                "Officials met in Geneva on Monday and\ntalked for hours about the new rules.\nDelegates said no deal was reached\nthis week.",
                "Officials met in Geneva on Monday and talked for hours about the new rules. Delegates said no deal was reached this week.",
            ),
            (
                "short lines of a list without bullets",
                "Sell her plan (what she would do and how she would do it)\nBe the one who shines in a small crowd\nGet those jokes off, adding levity.",
                "Sell her plan (what she would do and how she would do it)\n\nBe the one who shines in a small crowd\n\nGet those jokes off, adding levity.",
            ),
            (
                "list items each their own paragraph",
                "The plan would:\n - cut duties on cars\n - raise quotas for rice",
                "The plan would:\n\n- cut duties on cars\n\n- raise quotas for rice",
            ),
            (
                "CRLF and lone CR line ends",
                "Line one is here.\r\n\r\nLine two.\r\n",
                "Line one is here.\n\nLine two.",
            ),
            (
                "old Mac line ends",
                "Para one.\r\rPara two.",
                "Para one.\n\nPara two.",
            ),
            (
                "control characters are dropped as spaces",
                "Tariff\u{0}rates\u{1b}[31m rose.",
                "Tariff rates [31m rose.",
            ),
            ("nothing but space", " \n\t\n\u{0}\n", ""),
        ];
        for (what, input, want) in cases {
            assert_eq!(paragraphs(input), *want, "{what}");
        }
    }

    #[test]
    fn one_line_collapses_and_trims() {
        assert_eq!(
            one_line("  Trade\n talks\u{a0} stall \r\n"),
            "Trade talks stall"
        );
        assert_eq!(field(" \n "), None);
        assert_eq!(field(" Reuters "), Some("Reuters".to_string()));
    }

    proptest::proptest! {
        /// The byte scan splits exactly where splitting on `is_space` characters does.
        #[test]
        fn one_line_joins_the_words_between_spaces(s in "(\\PC|\\s|[\u{0}-\u{1f}\u{7f}-\u{9f}\u{a0}\u{2028}])*") {
            let words: Vec<&str> = s.split(is_space).filter(|w| !w.is_empty()).collect();
            proptest::prop_assert_eq!(one_line(&s), words.join(" "));
        }
    }

    #[test]
    fn paragraphs_collector_skips_empty_ones() {
        let mut p = Paragraphs::default();
        p.push("  ");
        p.push("First");
        p.push("\n");
        p.push(" second  part ");
        assert_eq!(p.finish(), "First\n\nsecond part");
    }

    #[test]
    fn list_item_shapes() {
        for line in [
            "- cut",
            "* cut",
            "\u{2022} cut",
            "12. cut",
            "3) cut",
            "  - cut",
        ] {
            assert!(starts_list_item(line), "{line}");
        }
        for line in ["-5 pct", "2024. Talks", "1987 was", "*emphasis*", "cut"] {
            assert!(!starts_list_item(line), "{line}");
        }
    }
}
