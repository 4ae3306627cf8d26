//! Tariff and customs-duty rates stated in an article.

use serde::{Deserialize, Serialize};

use super::Tariff;
use crate::corpus::Article;

/// A tariff level in percent.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TariffRate(pub f64);

/// Every stated tariff level in the article's title and body.
pub fn extract(_article: &Article) -> Vec<Tariff> {
    Vec::new()
}
