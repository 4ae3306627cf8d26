//! Print every gazetteer phrase found in the articles under the given paths, with whether it
//! counted as a country mention and why: `cargo run --example country_trace -- PATH... [--all]`.
//! Without `--all`, only phrases that did not count are printed.

use newsdex::corpus::{self, Record, Walked};
use newsdex::enrich::countries;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let all = args.iter().any(|a| a == "--all");
    let paths: Vec<std::path::PathBuf> = args
        .iter()
        .filter(|a| !a.starts_with("--"))
        .map(Into::into)
        .collect();
    for walked in corpus::walk(&paths) {
        let Walked::File(file) = walked else { continue };
        let result = corpus::read(&file, &mut |record| {
            let Record::Article(article) = record else {
                return;
            };
            for e in countries::explain(&article) {
                if all || !e.counted {
                    let code = e.code.map_or("--".to_string(), |c| c.to_string());
                    let text = match e.segment {
                        countries::Segment::Title => article.title.as_deref().unwrap_or(""),
                        countries::Segment::Dateline => article.dateline.as_deref().unwrap_or(""),
                        countries::Segment::Body => article.body.as_str(),
                    };
                    println!(
                        "{}\t{:?}\t{}\t{}\t{}\t{}\t{}",
                        article.path,
                        e.segment,
                        e.text,
                        code,
                        e.counted,
                        e.reason,
                        around(text, e.start, e.end)
                    );
                }
            }
        });
        if let Err(err) = result {
            eprintln!("country_trace: {err}");
        }
    }
}

/// Up to 40 bytes either side of a match, on one line.
fn around(text: &str, start: usize, end: usize) -> String {
    let mut a = start.saturating_sub(40);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (end + 40).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    text[a..b].replace('\n', " ")
}
