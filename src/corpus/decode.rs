//! Bytes to text, so that no file is dropped for its encoding.
//!
//! UTF-8 is the rule (a byte-order mark is dropped). A file that starts with a UTF-16 byte-order
//! mark is read as UTF-16. Any byte that is not part of valid UTF-8 is read as Latin-1, in its
//! web form Windows-1252 (the encoding HTML and the WHATWG Encoding Standard mean by "latin1"
//! and "iso-8859-1"): old news files use its curly quotes (0x93, 0x94) and dashes, which
//! strict ISO 8859-1 would turn into invisible control characters. Decoding per byte rather
//! than per file keeps the UTF-8 parts of a mostly-UTF-8 file intact.
//!
//! [`looks_binary`] tells text from binary junk that was given a text extension.

use std::borrow::Cow;

/// How a file's bytes were decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    /// Some bytes were not UTF-8 and were read as Latin-1 (Windows-1252); worth a warning.
    Latin1,
}

/// The decoded text, and how it was decoded.
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, Encoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return (
            Cow::Owned(utf16(rest, u16::from_le_bytes)),
            Encoding::Utf16Le,
        );
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return (
            Cow::Owned(utf16(rest, u16::from_be_bytes)),
            Encoding::Utf16Be,
        );
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (Cow::Borrowed(s), Encoding::Utf8),
        Err(_) => (Cow::Owned(utf8_or_latin1(bytes)), Encoding::Latin1),
    }
}

/// Whether the bytes start with a UTF-16 byte-order mark (such text is full of NUL bytes and
/// must not be taken for binary).
pub fn has_utf16_bom(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF")
}

/// Share of NUL and other control bytes (tab, newline, carriage return and form feed aside)
/// above which a file is binary: real text has next to none, while random or compressed bytes
/// have about 11% and executables far more.
const BINARY_SHARE_PERCENT: usize = 5;

/// Whether `bytes` look like binary data rather than text: more than 5% of them are NUL or
/// other control bytes. A UTF-16 file with a byte-order mark is text.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.is_empty() || has_utf16_bom(bytes) {
        return false;
    }
    let control = bytes
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x7F)
        .count();
    control * 100 > bytes.len() * BINARY_SHARE_PERCENT
}

fn utf8_or_latin1(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 8);
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        out.extend(chunk.invalid().iter().map(|&b| windows_1252(b)));
    }
    out
}

/// Windows-1252 for the bytes 0x80-0x9F; ISO 8859-1 (the same code point) for the rest.
/// The five bytes Windows-1252 leaves undefined keep their ISO 8859-1 meaning.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}',
        '\u{8F}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}',
        '\u{2014}', '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}',
        '\u{178}',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through_and_bom_is_dropped() {
        assert_eq!(
            decode("\u{feff}Déjà vu".as_bytes()),
            (Cow::Borrowed("Déjà vu"), Encoding::Utf8)
        );
    }

    #[test]
    fn latin1_bytes_are_decoded() {
        let cases: &[(&[u8], &str)] = &[
            (b"cost \xA3600m", "cost \u{a3}600m"),
            (b"caf\xE9 talks", "café talks"),
            (
                b"\x93We will act,\x94 he said",
                "\u{201c}We will act,\u{201d} he said",
            ),
            (b"2014\x962016", "2014\u{2013}2016"),
            (b"undefined \x81 byte", "undefined \u{81} byte"),
        ];
        for &(bytes, want) in cases {
            let (text, encoding) = decode(bytes);
            assert_eq!(text, want);
            assert_eq!(encoding, Encoding::Latin1);
        }
    }

    #[test]
    fn utf8_parts_of_a_mixed_file_survive() {
        let mut bytes = "Ministerin Müller: ".as_bytes().to_vec();
        bytes.extend_from_slice(b"\xA3600m");
        let (text, encoding) = decode(&bytes);
        assert_eq!(text, "Ministerin Müller: £600m");
        assert_eq!(encoding, Encoding::Latin1);
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Tariff 25%".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(
            decode(&le),
            (Cow::Borrowed("Tariff 25%"), Encoding::Utf16Le)
        );
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Seoul".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&be), (Cow::Borrowed("Seoul"), Encoding::Utf16Be));
        assert!(!looks_binary(&le));
    }

    #[test]
    fn binary_is_told_from_text() {
        let text: &[&[u8]] = &[
            b"Plain text\twith tabs\r\nand lines.\x0c",
            b"caf\xE9 in Latin-1",
            b"",
            b"one stray NUL \x00 in a long enough line of ordinary text",
        ];
        for bytes in text {
            assert!(!looks_binary(bytes), "{bytes:?}");
        }
        let binary: &[&[u8]] = &[
            b"\x00\x00\x00\x00",
            b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00",
            b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
        ];
        for bytes in binary {
            assert!(looks_binary(bytes), "{bytes:?}");
        }
    }
}
