//! What the attribution rules find, before a source is resolved: a [`Found`] attribution,
//! the [`Hit`] one cue gives, and [`At`], where in its sentence a cue is tried.

use std::ops::Range;

use super::content::kind_of;
use super::source::Source;
use super::text::Doc;
use crate::enrich::QuoteKind;

/// A found attribution, before its source is resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// The source phrase, or `None` when it takes the source of `inherit`.
    pub source: Option<Source>,
    /// Index (in the output list) of the attribution whose source this one shares.
    pub inherit: Option<usize>,
    /// Token ranges of the content: quote insides or the reported clause.
    pub parts: Vec<Range<usize>>,
    pub kind: QuoteKind,
    /// The sentence it was found in.
    pub sent: usize,
    /// The speech verb (or first cue word), for ordering and resolution.
    pub cue: usize,
}

/// What a verb found on its own, before cross-sentence rules.
pub(super) struct Hit {
    pub(super) found: Found,
    /// Content may not start before this token in the rest of the sentence.
    pub(super) consumed: usize,
    /// `X said.` or `X said:` with no content of its own.
    pub(super) bare: bool,
    /// The content lies before the source (`"Q," X said`).
    pub(super) left: bool,
}

impl Found {
    /// An attribution whose kind follows from its parts.
    pub(super) fn new(
        doc: &Doc,
        source: Option<Source>,
        inherit: Option<usize>,
        parts: Vec<Range<usize>>,
        sent: usize,
        cue: usize,
    ) -> Found {
        let kind = kind_of(doc, &parts);
        Found {
            source,
            inherit,
            parts,
            kind,
            sent,
            cue,
        }
    }
}

impl Hit {
    /// A hit with content, using the sentence up to `consumed`.
    pub(super) fn said(found: Found, consumed: usize, left: bool) -> Hit {
        Hit {
            found,
            consumed,
            bare: false,
            left,
        }
    }
}

/// Where in its sentence a cue is tried.
pub(super) struct At<'f> {
    pub(super) si: usize,
    /// Sources and content after the verb may not reach before this token.
    pub(super) floor: usize,
    /// Content before the source may not reach before this token.
    pub(super) left_floor: usize,
    /// Attributions found earlier in the sentence.
    pub(super) earlier: &'f [Found],
    /// Index of `earlier[0]` in the output list.
    pub(super) offset: usize,
}
