//! Quotes and reported speech, with their speakers resolved to full names.

use super::QuoteKind;

/// A quote as the quote extractor finds it; the enrichment stage maps `affiliation` to a
/// country code.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    pub text: String,
    pub speaker: Option<String>,
    pub role: Option<String>,
    /// The affiliation words of the source phrase ("US", "Chinese"), if any.
    pub affiliation: Option<String>,
    pub kind: QuoteKind,
    pub start: usize,
    pub end: usize,
}

/// Every quote and reported statement in `body`, in order.
pub fn extract(_body: &str) -> Vec<Attribution> {
    Vec::new()
}
