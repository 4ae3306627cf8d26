//! Looking around a match: the neighbouring words, whether a position starts a sentence, and
//! what the case of a word says. Byte offsets throughout; every helper is safe on any UTF-8.

/// The word that follows `end` after nothing but spaces (a single line break allowed, since wire
/// copy wraps lines), with its start offset. A trailing full stop is not part of the word.
pub(crate) fn next_word(text: &str, end: usize) -> Option<(usize, &str)> {
    let rest = text.get(end..)?;
    let gap = rest.len() - rest.trim_start().len();
    if gap == 0 || rest[..gap].matches('\n').count() > 1 {
        return None;
    }
    let start = end + gap;
    let word_len = text[start..]
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(text.len() - start, |(i, _)| i);
    let word = text[start..start + word_len].trim_end_matches(['.', '\'', '\u{2019}', '-']);
    (!word.is_empty()).then_some((start, word))
}

/// The word that precedes `start` with nothing but spaces (or one line break) between.
pub(crate) fn prev_word(text: &str, start: usize) -> Option<(usize, &str)> {
    let before = text.get(..start)?;
    let trimmed = before.trim_end();
    let gap = before.len() - trimmed.len();
    if gap == 0 || before[trimmed.len()..].matches('\n').count() > 1 {
        return None;
    }
    let word_start = trimmed
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = trimmed[word_start..].trim_end_matches(['.', '\'', '\u{2019}']);
    let word = word.trim_start_matches(['\'', '\u{2019}', '-', '.']);
    (!word.is_empty()).then_some((trimmed.len() - trimmed[word_start..].len(), word))
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '.' | '&' | '-')
}

/// Whether `pos` begins a sentence: the start of the text or of a paragraph, or after a
/// sentence-ending mark (opening quotes and brackets in between are skipped).
pub(crate) fn starts_sentence(text: &str, pos: usize) -> bool {
    const OPENERS: [char; 6] = ['"', '\u{201c}', '\u{2018}', '\'', '(', '['];
    let Some(before) = text.get(..pos) else {
        return false;
    };
    let before = before.trim_end_matches(OPENERS);
    let trimmed = before.trim_end();
    let gap = &before[trimmed.len()..];
    if gap.matches('\n').count() >= 2 {
        return true;
    }
    // Wire copy starts a paragraph on a new, indented line.
    if let Some(nl) = gap.rfind('\n')
        && gap.len() - nl > 2
    {
        return true;
    }
    matches!(
        trimmed.chars().next_back(),
        None | Some('.' | '!' | '?' | ':' | ';' | '"' | '\u{201d}')
    )
}

/// A word written with a capital and then small letters: "Michael", "Post", "McDonald".
pub(crate) fn is_title_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

/// Text with letters, none of them small: "TOKYO", "U.S.".
pub(crate) fn is_upper(text: &str) -> bool {
    text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase)
}

/// Whether most longer words of a line are capitalised, as in "Trump Slaps Tariffs On Steel":
/// then a capital letter says nothing about names.
pub(crate) fn is_title_case(line: &str) -> bool {
    let (mut long, mut capitalised) = (0usize, 0usize);
    for word in line.split_whitespace() {
        if word.chars().filter(|c| c.is_alphabetic()).nth(3).is_some() {
            long += 1;
            capitalised += usize::from(word.chars().next().is_some_and(char::is_uppercase));
        }
    }
    long >= 2 && capitalised * 4 >= long * 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbouring_words() {
        let t = "said Chad Bown, a fellow at the Peterson Institute.";
        assert_eq!(next_word(t, 9), Some((10, "Bown")));
        assert_eq!(prev_word(t, 5), Some((0, "said")));
        assert_eq!(next_word(t, 14), None, "comma in between");
        assert_eq!(next_word("Washington D.C. said", 10), Some((11, "D.C")));
        assert_eq!(prev_word("the U.S. Treasury", 9), Some((4, "U.S")));
        assert_eq!(next_word("Japan\n\nThe", 5), None, "paragraph break");
        assert_eq!(
            next_word("the United States\nSenate", 17),
            Some((18, "Senate"))
        );
    }

    #[test]
    fn sentence_starts() {
        for (text, pos) in [
            ("Turkey sales", 0),
            ("It rained. Turkey sales", 11),
            ("He said: \"Japan will", 10),
            ("first.\n\nJapan", 8),
            ("first line\n    Japan said", 15),
        ] {
            assert!(starts_sentence(text, pos), "{text:?} at {pos}");
        }
        for (text, pos) in [("the Turkey", 4), ("wrapped line\nJapan said", 13)] {
            assert!(!starts_sentence(text, pos), "{text:?} at {pos}");
        }
    }

    #[test]
    fn word_shapes() {
        assert!(is_title_word("Michael"));
        assert!(!is_title_word("US"));
        assert!(!is_title_word("said"));
        assert!(is_upper("TOKYO"));
        assert!(is_upper("U.S."));
        assert!(!is_upper("Tokyo"));
        assert!(is_title_case("Trump Slaps New Tariffs On Chinese Steel"));
        assert!(!is_title_case("Japan narrowly escapes recession"));
        // Short words do not count; one long word is too few to tell.
        assert!(is_title_case("Trade War Deepens as China Hits Back"));
        assert!(!is_title_case("Steel"));
        assert!(!is_title_case(
            "Exports of Steel Rose in March, officials said"
        ));
        assert!(!is_title_case(""));
    }
}
