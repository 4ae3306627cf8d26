//! Stage 4: the tantivy index: schema, writer and incremental sync.
