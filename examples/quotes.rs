//! Print the attributions `quotes::extract` finds in a text file (or stdin), one a line:
//! kind, speaker, role, affiliation and text. A tool for reading the extractor's decisions.
//!
//! `cargo run --release --example quotes -- article.txt`

use std::io::Read;

use newsdex::enrich::quotes;

fn main() -> std::io::Result<()> {
    let mut text = String::new();
    match std::env::args().nth(1) {
        Some(path) => text = std::fs::read_to_string(path)?,
        None => {
            std::io::stdin().read_to_string(&mut text)?;
        }
    }
    for a in quotes::extract(&text) {
        println!(
            "[{:?}] {} | role {} | aff {} | {}",
            a.kind,
            a.speaker.as_deref().unwrap_or("-"),
            a.role.as_deref().unwrap_or("-"),
            a.affiliation.as_deref().unwrap_or("-"),
            a.text.replace('\n', " ")
        );
    }
    Ok(())
}
