//! Stage 5: search requests to tantivy queries, filters, facets and snippets.
