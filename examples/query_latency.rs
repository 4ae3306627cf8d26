//! Query latency: run a file of newsdex command lines against one index, in one process.
//!
//! `query_latency --index DIR QUERIES`, where QUERIES has one command line a line without the
//! leading `newsdex` (`search "trade war"`, `quotes --speaker trump`; `#` starts a comment).
//! The index is opened once; every query runs once to warm the caches, then once timed. Prints
//! one JSON object: `{"count", "p50_ms", "p95_ms", "max_ms", "queries": [{"line", "ms",
//! "results", "error"}]}`. A query that fails is listed with its error and left out of the
//! times.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use clap::Parser;
use newsdex::cli::Cli;
use newsdex::cmd::count_results;
use newsdex::search::Engine;
use serde::Serialize;

/// The allocator of the `newsdex` binary, so the times are those a user sees.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Serialize)]
struct Timed {
    line: String,
    ms: Option<f64>,
    results: Option<usize>,
    error: Option<String>,
}

#[derive(Serialize)]
struct Report {
    count: usize,
    p50_ms: f64,
    p95_ms: f64,
    max_ms: f64,
    queries: Vec<Timed>,
}

/// Split a command line into words as a POSIX shell would for plain words and quotes.
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '"' | '\'') => {
                quote = Some(c);
                in_word = true;
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            (None, c) => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(word);
    }
    words
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn round(ms: f64) -> f64 {
    (ms * 100.0).round() / 100.0
}

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let mut index: Option<PathBuf> = None;
    let mut queries: Option<PathBuf> = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--index" => index = args.next().map(PathBuf::from),
            _ => queries = Some(PathBuf::from(arg)),
        }
    }
    let (Some(index), Some(queries)) = (index, queries) else {
        anyhow::bail!("usage: query_latency --index DIR QUERIES");
    };
    let text = std::fs::read_to_string(&queries)
        .with_context(|| format!("reading {}", queries.display()))?;
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let engine = Engine::open(&index)?;
    let index_arg = index.to_string_lossy().into_owned();
    let run = |line: &str| -> anyhow::Result<usize> {
        let mut argv = vec!["newsdex".to_string()];
        argv.extend(shell_words(line));
        argv.extend(["--index".to_string(), index_arg.clone()]);
        let cli = Cli::try_parse_from(argv)?;
        count_results(&cli.command, &engine)
    };
    for line in &lines {
        let _ = run(line);
    }
    let mut timed = Vec::with_capacity(lines.len());
    let mut times = Vec::with_capacity(lines.len());
    for line in &lines {
        let started = Instant::now();
        let result = run(line);
        let ms = started.elapsed().as_secs_f64() * 1e3;
        timed.push(match result {
            Ok(n) => {
                times.push(ms);
                Timed {
                    line: line.to_string(),
                    ms: Some(round(ms)),
                    results: Some(n),
                    error: None,
                }
            }
            Err(err) => Timed {
                line: line.to_string(),
                ms: None,
                results: None,
                error: Some(format!("{err:#}")),
            },
        });
    }
    times.sort_by(f64::total_cmp);
    let report = Report {
        count: times.len(),
        p50_ms: round(percentile(&times, 0.5)),
        p95_ms: round(percentile(&times, 0.95)),
        max_ms: round(times.last().copied().unwrap_or(0.0)),
        queries: timed,
    };
    println!("{}", serde_json::to_string_pretty(&report)?);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_like_a_shell() {
        assert_eq!(
            shell_words(r#"search "prime minister" AND budget"#),
            ["search", "prime minister", "AND", "budget"]
        );
        assert_eq!(
            shell_words(r#"search '"trade war"' --limit 5"#),
            ["search", "\"trade war\"", "--limit", "5"]
        );
        assert_eq!(shell_words("  quotes   "), ["quotes"]);
        assert_eq!(shell_words(r#"search """#), ["search", ""]);
    }
}
