//! Check every speaker in `newsdex extract` output against the speaker-name check, and the
//! most quoted speakers against a hand-checked list of their expected names.
//!
//! ```text
//! newsdex extract ../shared/corpora > all.jsonl
//! cargo run --release --example speaker_check -- all.jsonl
//! cargo run --release --example speaker_check -- all.jsonl \
//!     --fixture tests/fixtures/top_speakers.tsv --top 200 --max-wrong 10 --max-missing 20
//! ```
//!
//! The first form lists every speaker that is not a name (see
//! `newsdex::enrich::quotes::speaker_name`), with its quote count and the reason, and fails if
//! there is one. With `--fixture`, the `--top` most quoted speakers are looked up in a
//! tab-separated list of `speaker` and `expected name` lines (`-` when the text names no one):
//! more than `--max-wrong` speakers listed with another expected name fail (a ratchet on the
//! known errors), and so do more than `--max-missing` speakers absent from the list (so the
//! list is checked again by hand as the extractor changes). `--write-top` prints
//! the top speakers in the list's format, for checking by hand.

use std::collections::HashMap;
use std::fs;
use std::io::{BufRead, BufReader};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use newsdex::enrich::quotes::speaker_name::classify;

struct Args {
    input: String,
    fixture: Option<String>,
    top: usize,
    max_missing: usize,
    max_wrong: usize,
    write_top: bool,
}

fn args() -> Result<Args> {
    let mut out = Args {
        input: String::new(),
        fixture: None,
        top: 200,
        max_missing: 0,
        max_wrong: 0,
        write_top: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().with_context(|| format!("{name} needs a value"));
        match a.as_str() {
            "--fixture" => out.fixture = Some(value("--fixture")?),
            "--top" => out.top = value("--top")?.parse().context("--top")?,
            "--max-missing" => {
                out.max_missing = value("--max-missing")?.parse().context("--max-missing")?
            }
            "--max-wrong" => {
                out.max_wrong = value("--max-wrong")?.parse().context("--max-wrong")?
            }
            "--write-top" => out.write_top = true,
            _ if a.starts_with("--") => bail!("unknown option {a}"),
            _ => out.input = a,
        }
    }
    if out.input.is_empty() {
        bail!("usage: speaker_check EXTRACT.jsonl [--fixture FILE --top N --max-missing N]");
    }
    Ok(out)
}

/// Quote counts by speaker, most quoted first (ties by name).
fn speakers(path: &str) -> Result<Vec<(String, usize)>> {
    let file = fs::File::open(path).with_context(|| format!("opening {path}"))?;
    let mut counts: HashMap<String, usize> = HashMap::new();
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("reading {path}"))?;
        let doc: serde_json::Value =
            serde_json::from_str(&line).with_context(|| format!("{path} line {}", n + 1))?;
        for q in doc["quotes"].as_array().into_iter().flatten() {
            if let Some(s) = q["speaker"].as_str() {
                *counts.entry(s.to_string()).or_default() += 1;
            }
        }
    }
    let mut out: Vec<(String, usize)> = counts.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(out)
}

/// The hand-checked list: speaker -> expected name.
fn fixture(path: &str) -> Result<HashMap<String, String>> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {path}"))?;
    let mut out = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let Some((speaker, expected)) = line.split_once('\t') else {
            bail!("{path} line {}: want `speaker<TAB>expected name`", n + 1);
        };
        out.insert(speaker.to_string(), expected.trim().to_string());
    }
    Ok(out)
}

fn run() -> Result<bool> {
    let args = args()?;
    let all = speakers(&args.input)?;
    if args.write_top {
        println!("# speaker\texpected name");
        for (s, _) in all.iter().take(args.top) {
            println!("{s}\t{s}");
        }
        return Ok(true);
    }
    let mut ok = true;
    let failing: Vec<_> = all
        .iter()
        .filter_map(|(s, n)| classify(s).err().map(|why| (s, n, why)))
        .collect();
    let quotes: usize = failing.iter().map(|(_, n, _)| **n).sum();
    println!(
        "{} speakers ({} quotes) checked; {} fail the name check ({} quotes)",
        all.len(),
        all.iter().map(|(_, n)| n).sum::<usize>(),
        failing.len(),
        quotes
    );
    for (s, n, why) in &failing {
        println!("  {n:>5}  {s:?}: {why}");
    }
    ok &= failing.is_empty();
    if let Some(path) = &args.fixture {
        let want = fixture(path)?;
        let mut missing = Vec::new();
        let mut wrong = Vec::new();
        for (rank, (s, n)) in all.iter().take(args.top).enumerate() {
            match want.get(s) {
                None => missing.push((rank + 1, s, n)),
                Some(e) if e != s => wrong.push((rank + 1, s, n, e)),
                Some(_) => {}
            }
        }
        println!(
            "top {}: {} as expected, {} under a wrong name (at most {}), {} not in {path} (at most {})",
            args.top.min(all.len()),
            args.top.min(all.len()) - missing.len() - wrong.len(),
            wrong.len(),
            args.max_wrong,
            missing.len(),
            args.max_missing
        );
        for (rank, s, n, e) in &wrong {
            println!("  #{rank} {s:?} ({n} quotes) should be {e:?}");
        }
        for (rank, s, n) in &missing {
            println!("  #{rank} {s:?} ({n} quotes) not checked by hand yet");
        }
        ok &= wrong.len() <= args.max_wrong && missing.len() <= args.max_missing;
    }
    Ok(ok)
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("speaker_check: {e:#}");
            ExitCode::from(2)
        }
    }
}
