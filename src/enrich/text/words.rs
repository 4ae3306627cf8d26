//! Where the words of a text begin and end: its runs of letters and digits, as byte ranges in
//! text order. A run begins at a letter or digit that follows none and ends before the next
//! character that is neither, so "Holtz-Eakin" and "U.S." are two runs each and "Japan's" is
//! "Japan" and "s". The country matcher tries a phrase at each run's start.
//!
//! A body's runs are read off its [`Doc`]: a word token that joins no runs is one run (less a
//! period it took in, as "Mr."), and only a joined one ([`flag::JOINED`]) is read again, so
//! the characters are not decoded a second time. A text with no `Doc` (a title, a dateline, a
//! sentence) is scanned; both give the same runs.

use super::doc::{Doc, flag};

/// The runs of letters and digits of one text, as `(start, end)` byte offsets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Words {
    runs: Vec<(u32, u32)>,
}

impl Words {
    /// The runs of `text`, found by reading its characters.
    pub fn scan(text: &str) -> Words {
        let mut words = Words::default();
        words.push_runs(text, 0);
        words
    }

    /// Add the runs of `doc`, the part of a text that starts at byte `offset` (parts come in
    /// order and touch, so a word cut in two by a part's end is joined again).
    pub(crate) fn read(&mut self, doc: &Doc, offset: usize) {
        self.runs.reserve(doc.toks.len());
        let first = self.runs.len();
        for t in doc.toks.iter().filter(|t| t.is_word()) {
            let (start, end) = (t.start as usize, t.end as usize);
            if t.has(flag::JOINED) {
                self.push_runs(&doc.text[start..end], offset + start);
            } else {
                let end = end - usize::from(doc.text.as_bytes()[end - 1] == b'.');
                self.push(offset + start, offset + end);
            }
        }
        // A part cut inside a word: its first run carries on the last one before it.
        if first > 0
            && let Some(&(start, end)) = self.runs.get(first)
            && self.runs[first - 1].1 == start
        {
            self.runs[first - 1].1 = end;
            self.runs.remove(first);
        }
    }

    /// The runs, in text order.
    pub fn runs(&self) -> &[(u32, u32)] {
        &self.runs
    }

    fn push(&mut self, start: usize, end: usize) {
        // Texts are read whole only below 4 GiB (files are cut at 512 MiB).
        let at = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        self.runs.push((at(start), at(end)));
    }

    /// Add the runs of `text`, a piece that starts at byte `offset` right after a character
    /// that is not a letter or digit.
    fn push_runs(&mut self, text: &str, offset: usize) {
        let bytes = text.as_bytes();
        let mut start = None;
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            // ASCII, most of the text, needs no decoding.
            let (alnum, len) = if b.is_ascii() {
                (b.is_ascii_alphanumeric(), 1)
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                (c.is_alphanumeric(), c.len_utf8())
            };
            match (alnum, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    self.push(offset + s, offset + i);
                    start = None;
                }
                _ => {}
            }
            i += len;
        }
        if let Some(s) = start {
            self.push(offset + s, offset + bytes.len());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs_of(text: &str, words: &Words) -> Vec<String> {
        words
            .runs()
            .iter()
            .map(|&(s, e)| text[s as usize..e as usize].to_string())
            .collect()
    }

    #[test]
    fn runs_split_at_joiners_and_leave_out_taken_in_periods() {
        let cases: &[(&str, &[&str])] = &[
            ("Holtz-Eakin won", &["Holtz", "Eakin", "won"]),
            ("the U.S. said", &["the", "U", "S", "said"]),
            ("Mr. Rubio", &["Mr", "Rubio"]),
            ("Japan's and don’t", &["Japan", "s", "and", "don", "t"]),
            (
                "2.5 percent, 180,500 jobs",
                &["2", "5", "percent", "180", "500", "jobs"],
            ),
            ("\"Zölle\" in Köln—関税", &["Zölle", "in", "Köln", "関税"]),
            ("US$5bn; AT&T", &["US", "5bn", "AT", "T"]),
        ];
        for &(text, want) in cases {
            let scanned = Words::scan(text);
            assert_eq!(runs_of(text, &scanned), want, "{text}");
            let mut read = Words::default();
            read.read(&Doc::new(text), 0);
            assert_eq!(read, scanned, "{text}");
        }
    }

    #[test]
    fn a_word_cut_between_parts_is_one_run() {
        let text = "the Philippines said";
        let mut words = Words::default();
        for part in [0..8, 8..text.len()] {
            words.read(&Doc::new(&text[part.clone()]), part.start);
        }
        assert_eq!(words, Words::scan(text));
    }
}
