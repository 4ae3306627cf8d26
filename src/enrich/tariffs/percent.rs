//! Percentages as news copy writes them: "25%", "25 percent", "25 per cent", "25 pct",
//! "25-percent", "25pc", "five pct", "2-1/2 pct", ranges and lists ("5-10 pct", "15 to 25
//! percent", "5, 10 and 15 pct") and a bare number paired with one ("to 3.5 from seven pct").

use std::sync::LazyLock;

use regex::Regex;

/// One percentage expression: one or more values sharing a unit.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Percent {
    pub values: Vec<f64>,
    /// Byte range of the whole expression, unit included.
    pub start: usize,
    pub end: usize,
}

const WORD_NUMBER: &str = r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one hundred|a hundred|hundred|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)";
const DIGITS: &str = r"(?:\d+(?:\.\d+)?(?:-\d/\d{1,2})?)";
const UNIT: &str = r"(?:\s?%|\s?per\s?cent\b|[\s-]?per-cent\b|[\s-]?percent\b|[\s-]?pct\b|pc\b)";

static EXPRESSION: LazyLock<Regex> = LazyLock::new(|| {
    let num = format!(r"(?:{DIGITS}|\b{WORD_NUMBER})");
    let sep = r"(?:\s*(?:-|–|,)\s*|\s+(?:to|and|or)\s+)";
    Regex::new(&format!(r"(?i)(?P<list>{num}(?:{sep}{num})*){UNIT}"))
        .unwrap_or_else(|e| panic!("percent pattern: {e}"))
});

/// "to 3.5 from seven pct", "from 5 to 2 percent": the first number shares the unit.
static PAIRED: LazyLock<Regex> = LazyLock::new(|| {
    let num = format!(r"(?:{DIGITS}|\b{WORD_NUMBER})");
    Regex::new(&format!(
        r"(?i)\b(?:to|from)\s+(?P<first>{num})\s+(?:from|to)\s+(?:about\s+|around\s+|nearly\s+|almost\s+)?$"
    ))
    .unwrap_or_else(|e| panic!("paired percent pattern: {e}"))
});

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i){DIGITS}|\b{WORD_NUMBER}\b"))
        .unwrap_or_else(|e| panic!("number pattern: {e}"))
});

/// Whether `text` may hold a percentage expression: every unit has a `%`, a `cent` or a `pc`
/// in it, so a text without them has none (a test far cheaper than [`find`]).
///
/// One pass over the bytes: only a `p` or a `c` (in either case) makes it look further.
pub(crate) fn may_have(text: &str) -> bool {
    let bytes = text.as_bytes();
    // `| 0x20` lowercases an ASCII letter; only `P` and `p` give `p`, only `C` and `c` give `c`.
    bytes.iter().enumerate().any(|(i, &b)| match b | 0x20 {
        _ if b == b'%' => true,
        b'p' => bytes.get(i + 1).is_some_and(|&n| n | 0x20 == b'c'),
        b'c' => bytes
            .get(i + 1..i + 4)
            .is_some_and(|r| r.eq_ignore_ascii_case(b"ent")),
        _ => false,
    })
}

/// Every percentage expression in `text`, in order.
pub(crate) fn find(text: &str) -> Vec<Percent> {
    let mut out = Vec::new();
    for caps in EXPRESSION.captures_iter(text) {
        let (Some(whole), Some(list)) = (caps.get(0), caps.name("list")) else {
            continue;
        };
        // "5-10" runs into the word before it ("A5-10" is a code, not a range).
        if text[..whole.start()]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let mut values: Vec<f64> = NUMBER
            .find_iter(list.as_str())
            .filter_map(|m| number(m.as_str()))
            .collect();
        // A year before a list ("In 2017, 25 percent") is not part of it.
        while values.len() > 1 && values[0].fract() == 0.0 && (1900.0..2100.0).contains(&values[0])
        {
            values.remove(0);
        }
        let mut start = whole.start();
        if let Some(p) = PAIRED.captures(&text[..whole.start()])
            && let Some(first) = p.name("first")
            && let Some(v) = number(first.as_str())
        {
            values.insert(0, v);
            start = first.start();
        }
        values.retain(|v| (0.0..=1000.0).contains(v));
        if !values.is_empty() {
            out.push(Percent {
                values,
                start,
                end: whole.end(),
            });
        }
    }
    out
}

/// A number written in digits ("9.8", "2-1/2") or words ("seven", "twenty-five").
fn number(s: &str) -> Option<f64> {
    let s = s.trim().to_lowercase();
    if let Some((whole, frac)) = s.split_once('-')
        && let Some((n, d)) = frac.split_once('/')
        && let (Ok(w), Ok(n), Ok(d)) = (whole.parse::<f64>(), n.parse::<f64>(), d.parse::<f64>())
        && d > 0.0
    {
        return Some(w + n / d);
    }
    if let Ok(v) = s.parse::<f64>() {
        return Some(v);
    }
    let unit = |w: &str| -> Option<f64> {
        let v = match w {
            "zero" => 0,
            "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            "eleven" => 11,
            "twelve" => 12,
            "thirteen" => 13,
            "fourteen" => 14,
            "fifteen" => 15,
            "sixteen" => 16,
            "seventeen" => 17,
            "eighteen" => 18,
            "nineteen" => 19,
            "twenty" => 20,
            "thirty" => 30,
            "forty" => 40,
            "fifty" => 50,
            "sixty" => 60,
            "seventy" => 70,
            "eighty" => 80,
            "ninety" => 90,
            "hundred" | "one hundred" | "a hundred" => 100,
            _ => return None,
        };
        Some(f64::from(v))
    };
    match s.split_once('-') {
        Some((tens, ones)) => Some(unit(tens)? + unit(ones)?),
        None => unit(&s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The one-pass test agrees with looking for each unit on its own (control characters
        /// included: `\u{5} | 0x20` is `%`).
        #[test]
        fn may_have_agrees_with_a_search_for_each_unit(s in "[%pPcCeEnNtT a-z\u{5}\u{3}\u{10}\u{e9}]{0,12}") {
            let b = s.as_bytes();
            let plain = b.contains(&b'%')
                || b.windows(2).any(|w| w.eq_ignore_ascii_case(b"pc"))
                || b.windows(4).any(|w| w.eq_ignore_ascii_case(b"cent"));
            proptest::prop_assert_eq!(may_have(&s), plain);
        }
    }

    fn values(text: &str) -> Vec<Vec<f64>> {
        find(text).into_iter().map(|p| p.values).collect()
    }

    #[test]
    fn unit_spellings() {
        for text in [
            "a 25% tariff",
            "a 25 % tariff",
            "25 percent tariffs",
            "25 per cent duty",
            "25 pct duty",
            "a 25-percent tariff",
            "a 25-per-cent levy",
            "a 25pc tariff",
            "twenty-five pct",
        ] {
            assert_eq!(values(text), [[25.0]], "{text}");
        }
    }

    #[test]
    fn ranges_lists_fractions_and_words() {
        for (text, want) in [
            ("duties of 5-10 pct", vec![vec![5.0, 10.0]]),
            ("a tariff of 15 to 25 percent", vec![vec![15.0, 25.0]]),
            ("rates of 5, 10 and 15 pct", vec![vec![5.0, 10.0, 15.0]]),
            (
                "from 10 percent to 25 percent",
                vec![vec![10.0], vec![25.0]],
            ),
            ("cut to 3.5 from seven pct", vec![vec![3.5, 7.0]]),
            ("from 5 to 2 percent", vec![vec![5.0, 2.0]]),
            ("a 2-1/2 pct levy", vec![vec![2.5]]),
            ("about five pct", vec![vec![5.0]]),
            ("an average of 9.8 percent", vec![vec![9.8]]),
            ("In 2017, 25 percent of goods", vec![vec![25.0]]),
        ] {
            assert_eq!(values(text), want, "{text}");
        }
    }

    #[test]
    fn not_percentages() {
        for text in [
            "cut by 5 percentage points",
            "a percentage of sales",
            "model A5-10 units",
            "25 people",
        ] {
            assert!(values(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn paired_bare_number_extends_the_span() {
        let p = &find("the tariff was cut to 3.5 from seven pct last year")[0];
        assert_eq!(
            &"the tariff was cut to 3.5 from seven pct last year"[p.start..p.end],
            "3.5 from seven pct"
        );
    }
}
