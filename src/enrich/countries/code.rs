//! ISO 3166-1 alpha-2 country codes as a type, and the codes of the trade blocs the gazetteer
//! names beside countries (`EU`, `ASEAN`).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An ISO 3166-1 alpha-2 code such as `IN` (plus the user-assigned `XK` for Kosovo), or the
/// code of a trade bloc (`EU`, `ASEAN`, up to [`MAX_CODE`] letters; see [`CountryCode::is_bloc`]).
/// Upper-case ASCII letters, padded with zero bytes, so the derived order is the alphabetical.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode([u8; MAX_CODE]);

/// The longest code, in letters.
pub const MAX_CODE: usize = 8;

/// A string that is not a code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a country or bloc code: {0:?}")]
pub struct BadCountryCode(pub String);

impl CountryCode {
    /// Parse two ASCII letters, in any case.
    pub fn parse(s: &str) -> Result<CountryCode, BadCountryCode> {
        if s.len() != 2 {
            return Err(BadCountryCode(s.to_string()));
        }
        CountryCode::parse_any(s)
    }

    /// Parse a country code or a bloc code: two to [`MAX_CODE`] ASCII letters, in any case.
    pub fn parse_any(s: &str) -> Result<CountryCode, BadCountryCode> {
        let bytes = s.as_bytes();
        if !(2..=MAX_CODE).contains(&bytes.len()) || !bytes.iter().all(u8::is_ascii_alphabetic) {
            return Err(BadCountryCode(s.to_string()));
        }
        let mut code = [0; MAX_CODE];
        for (to, from) in code.iter_mut().zip(bytes) {
            *to = from.to_ascii_uppercase();
        }
        Ok(CountryCode(code))
    }

    /// Whether the code names a trade bloc (a gazetteer code with members) and not a country.
    pub fn is_bloc(&self) -> bool {
        !super::members_of(*self).is_empty()
    }

    /// The English short name, e.g. "India" for `IN`.
    pub fn name(&self) -> &'static str {
        super::name_of(*self)
    }

    pub fn as_str(&self) -> &str {
        // ASCII letters then zero padding, by construction.
        let len = self.0.iter().position(|&b| b == 0).unwrap_or(MAX_CODE);
        std::str::from_utf8(&self.0[..len]).unwrap_or("??")
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
        CountryCode::parse_any(&s).map_err(serde::de::Error::custom)
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
        assert_eq!(CountryCode::parse_any("asean").unwrap().as_str(), "ASEAN");
        assert!(CountryCode::parse_any("E").is_err());
        assert!(CountryCode::parse_any("TOOLONGCODE").is_err());
        assert!(CountryCode::parse("EU").unwrap() < CountryCode::parse_any("EUX").unwrap());
    }
}
