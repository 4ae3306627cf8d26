//! Bytes to text: UTF-8 when the file is valid UTF-8, else Latin-1 (with a warning), so that a
//! file is never dropped for its encoding.

use std::borrow::Cow;

/// The decoded text, and whether it had to fall back to Latin-1.
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, bool) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (Cow::Borrowed(s), false),
        Err(_) => (Cow::Owned(bytes.iter().map(|&b| b as char).collect()), true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through_and_bom_is_dropped() {
        assert_eq!(
            decode("\u{feff}Déjà vu".as_bytes()),
            (Cow::Borrowed("Déjà vu"), false)
        );
    }

    #[test]
    fn latin1_pound_sign_is_decoded() {
        let (text, fell_back) = decode(b"cost \xA3600m");
        assert_eq!(text, "cost \u{a3}600m");
        assert!(fell_back);
    }
}
