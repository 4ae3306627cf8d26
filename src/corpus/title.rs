//! Display titles for articles that carry no headline.

/// The first sentence of `body`, cut at a word boundary to at most `max` characters.
pub fn first_sentence(body: &str, max: usize) -> String {
    let text = body.split_whitespace().collect::<Vec<_>>().join(" ");
    let end = sentence_end(&text).unwrap_or(text.len());
    let sentence = &text[..end];
    if sentence.chars().count() <= max {
        return sentence.to_string();
    }
    let mut cut = 0;
    for (i, c) in sentence.char_indices() {
        if i > 0 && sentence[..i].chars().count() > max {
            break;
        }
        if c == ' ' {
            cut = i;
        }
    }
    if cut == 0 {
        cut = sentence
            .char_indices()
            .nth(max)
            .map_or(sentence.len(), |(i, _)| i);
    }
    format!(
        "{}…",
        sentence[..cut].trim_end_matches([',', ';', ':', ' '])
    )
}

/// The byte offset just past the first sentence's final stop, if there is one.
fn sentence_end(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if matches!(b, b'.' | b'!' | b'?') && bytes.get(i + 1).is_none_or(|&n| n == b' ') {
            // "U.S. officials" or "Mr. Smith": a stop right after a single capital or a title
            // is not the end of a sentence.
            let word = text[..i].rsplit(' ').next().unwrap_or("");
            let abbreviation = word.len() <= 3
                && word.chars().next().is_some_and(|c| c.is_uppercase())
                && !word.chars().all(|c| c.is_ascii_digit());
            if !abbreviation {
                return Some(i + 1);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_first_sentence_is_kept_whole() {
        assert_eq!(
            first_sentence("Talks resumed in Geneva. Delegates met.", 100),
            "Talks resumed in Geneva."
        );
    }

    #[test]
    fn abbreviations_do_not_end_the_sentence() {
        assert_eq!(
            first_sentence("U.S. and Mr. Li met on Monday. Then they left.", 100),
            "U.S. and Mr. Li met on Monday."
        );
    }

    #[test]
    fn long_sentence_is_cut_at_a_word_boundary() {
        let title = first_sentence(
            "The ministry said the new duties would take effect next month",
            30,
        );
        assert_eq!(title, "The ministry said the new…");
    }
}
