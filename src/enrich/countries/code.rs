//! ISO 3166-1 alpha-2 country codes as a type.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An ISO 3166-1 alpha-2 code such as `IN` (plus the user-assigned `XK` for Kosovo).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode([u8; 2]);

/// A string that is not two ASCII letters.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a two-letter country code: {0:?}")]
pub struct BadCountryCode(pub String);

impl CountryCode {
    /// Parse two ASCII letters, in any case.
    pub fn parse(s: &str) -> Result<CountryCode, BadCountryCode> {
        match s.as_bytes() {
            [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => Ok(CountryCode([
                a.to_ascii_uppercase(),
                b.to_ascii_uppercase(),
            ])),
            _ => Err(BadCountryCode(s.to_string())),
        }
    }

    /// The English short name, e.g. "India" for `IN`.
    pub fn name(&self) -> &'static str {
        super::name_of(*self)
    }

    pub fn as_str(&self) -> &str {
        // Both bytes are ASCII letters by construction.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for CountryCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CountryCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        CountryCode::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_any_case_and_refuses_the_rest() {
        assert_eq!(CountryCode::parse("in").unwrap().as_str(), "IN");
        assert!(CountryCode::parse("IND").is_err());
        assert!(CountryCode::parse("1N").is_err());
    }
}
