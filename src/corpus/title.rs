//! Display titles for articles that carry no headline.

use super::text::one_line;

/// How much of the body is looked at: a title is short, and a 200 MB body must not be copied
/// to find one.
const LOOK_BYTES: usize = 4096;

/// The first sentence of `body`, cut at a word boundary to at most `max` characters.
pub fn first_sentence(body: &str, max: usize) -> String {
    let mut look = body.len().min(LOOK_BYTES.max(max.saturating_mul(8)));
    while !body.is_char_boundary(look) {
        look -= 1;
    }
    let text = one_line(&body[..look]);
    let end = sentence_end(&text).unwrap_or(text.len());
    let sentence = &text[..end];
    let Some((limit, c)) = sentence.char_indices().nth(max) else {
        return sentence.to_string();
    };
    // The last space at or before the limit, unless the first word alone is too long.
    let cut = match sentence[..limit + c.len_utf8()].rfind(' ') {
        Some(space) if space > 0 => space,
        _ => limit,
    };
    format!(
        "{}…",
        sentence[..cut].trim_end_matches([',', ';', ':', ' '])
    )
}

/// The byte offset just past the first sentence's final stop, if there is one.
fn sentence_end(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut word_start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b' ' {
            word_start = i + 1;
        } else if matches!(b, b'.' | b'!' | b'?') && bytes.get(i + 1).is_none_or(|&n| n == b' ') {
            // "U.S. officials" or "Mr. Smith": a stop right after a single capital or a title
            // is not the end of a sentence.
            let word = &text[word_start..i];
            let abbreviation = word.len() <= 3
                && word.chars().next().is_some_and(char::is_uppercase)
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
    fn first_sentences() {
        let cases: &[(&str, usize, &str)] = &[
            (
                "Talks resumed in Geneva. Delegates met.",
                100,
                "Talks resumed in Geneva.",
            ),
            (
                "U.S. and Mr. Li met on Monday. Then they left.",
                100,
                "U.S. and Mr. Li met on Monday.",
            ),
            (
                "The ministry said the new duties would take effect next month",
                30,
                "The ministry said the new…",
            ),
            ("Exactly ten", 11, "Exactly ten"),
            ("Supercalifragilistic words", 5, "Super…"),
            ("  Spread\nover\n\nlines.  Next.", 100, "Spread over lines."),
            ("", 100, ""),
            ("Rates rose 2.5 pct. Then fell.", 100, "Rates rose 2.5 pct."),
            ("Zoll für Stahl", 5, "Zoll…"),
            ("Zöllezöllezölle", 4, "Zöll…"),
        ];
        for &(body, max, want) in cases {
            assert_eq!(first_sentence(body, max), want, "{body:?}");
        }
    }

    #[test]
    fn huge_body_without_stops_gives_a_short_title() {
        let body = "word ".repeat(2_000_000);
        let title = first_sentence(&body, 100);
        assert!(title.chars().count() <= 101, "{title}");
        assert!(title.ends_with('…'));
    }
}
