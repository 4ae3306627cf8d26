//! `newsdex extract PATH...`: read and enrich every article and print one JSON line each.

use std::io::{BufWriter, Write};

use anyhow::Context;

use super::Outcome;
use crate::cli::ExtractArgs;
use crate::corpus::{self, Record, Skip, Walked};
use crate::enrich;
use crate::present::extract::ExtractLine;

pub fn run(args: &ExtractArgs) -> anyhow::Result<Outcome> {
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut articles = 0usize;
    let mut problems = 0usize;
    let mut unknown = 0usize;
    let mut io_result: std::io::Result<()> = Ok(());
    for walked in corpus::walk(&args.paths) {
        let file = match walked {
            Walked::File(file) => file,
            Walked::Skipped(Skip::UnknownExtension { path }) => {
                unknown += 1;
                if args.verbose {
                    eprintln!("newsdex: skipped {}: unknown extension", path.display());
                }
                continue;
            }
            Walked::Skipped(Skip::Unreadable { path, reason }) => {
                problems += 1;
                eprintln!("newsdex: skipped {}: {reason}", path.display());
                continue;
            }
        };
        let result = corpus::read(&file, &mut |record| match record {
            Record::Article(article) => {
                if io_result.is_err() {
                    return;
                }
                let enriched = enrich::enrich(&article);
                articles += 1;
                io_result = serde_json::to_writer(&mut out, &ExtractLine::new(&article, &enriched))
                    .map_err(std::io::Error::from)
                    .and_then(|()| out.write_all(b"\n"));
            }
            Record::Bad { line, reason } => {
                problems += 1;
                match line {
                    Some(n) => eprintln!(
                        "newsdex: skipped {}:{n}: {reason}",
                        file.disk_path.display()
                    ),
                    None => eprintln!("newsdex: skipped {}: {reason}", file.disk_path.display()),
                }
            }
            Record::Warning { reason } => {
                eprintln!("newsdex: warning: {}: {reason}", file.disk_path.display());
            }
        });
        io_result
            .as_ref()
            .map_err(|e| std::io::Error::new(e.kind(), e.to_string()))?;
        if let Err(err) = result {
            problems += 1;
            eprintln!("newsdex: skipped {err}");
        }
    }
    out.flush().context("writing to stdout")?;
    if args.verbose && unknown > 0 {
        eprintln!("newsdex: {unknown} files with unknown extensions skipped");
    }
    Ok(if problems > 0 {
        Outcome::Partial
    } else if articles == 0 {
        Outcome::NotFound
    } else {
        Outcome::Found
    })
}
