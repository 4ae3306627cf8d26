//! What the measuring examples share: reading a corpus into memory before timing anything.

use std::path::PathBuf;

use newsdex::corpus::{self, Article, Record, Walked};

/// Every article under `paths`, read with the corpus readers (so bodies are normalised as
/// `index` sees them); files that cannot be read are reported on stderr under `tool`'s name.
pub fn read_articles(paths: &[PathBuf], tool: &str) -> Vec<Article> {
    let mut articles: Vec<Article> = Vec::new();
    for walked in corpus::walk(paths) {
        let Walked::File(file) = walked else { continue };
        let result = corpus::read(&file, &mut |record| {
            if let Record::Article(article) = record {
                articles.push(*article);
            }
        });
        if let Err(err) = result {
            eprintln!("{tool}: {err}");
        }
    }
    articles
}
