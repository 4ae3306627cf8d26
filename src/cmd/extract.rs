//! `newsdex extract PATH...`: read and enrich every article and print one JSON line each.

use std::io::{BufWriter, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};

use anyhow::Context;

use super::Outcome;
use super::sources::{self, Reporter};
use crate::cli::ExtractArgs;
use crate::corpus::{self, Exclude, Problem, Severity};
use crate::enrich::{self, QuoteKind};
use crate::index::pipeline::{Observer, panic_message};
use crate::present::extract::ExtractLine;

pub fn run(args: &ExtractArgs) -> anyhow::Result<Outcome> {
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let reporter = Reporter::new(args.verbose, None);
    let exclude = Exclude::new(&args.exclude)?;
    let kinds: Vec<QuoteKind> = args.kind.iter().copied().map(QuoteKind::from).collect();
    let mut articles = 0usize;
    let mut io_result: std::io::Result<()> = Ok(());
    sources::walk(&args.paths, &exclude, &reporter, &mut |_, file| {
        if io_result.is_err() {
            return;
        }
        let read = corpus::read_reporting(
            &file,
            &mut |article| {
                if io_result.is_err() {
                    return;
                }
                // A failing extractor costs one article, reported, not the whole run.
                let mut enriched = match catch_unwind(AssertUnwindSafe(|| enrich::enrich(&article)))
                {
                    Ok(enriched) => enriched,
                    Err(panic) => {
                        reporter.problem(Problem {
                            path: article.path.clone().into(),
                            line: None,
                            reason: format!("extraction failed: {}", panic_message(&*panic)),
                            severity: Severity::Skipped,
                        });
                        return;
                    }
                };
                if let Some(reason) = enriched.warning() {
                    reporter.problem(Problem {
                        path: article.path.clone().into(),
                        line: None,
                        reason,
                        severity: Severity::Warning,
                    });
                }
                if !kinds.is_empty() {
                    enriched.keep_quote_kinds(&kinds);
                }
                articles += 1;
                io_result = serde_json::to_writer(&mut out, &ExtractLine::new(&article, &enriched))
                    .map_err(std::io::Error::from)
                    .and_then(|()| out.write_all(b"\n"));
            },
            &mut |problem| reporter.problem(problem),
        );
        if let Err(problem) = read {
            reporter.problem(problem);
        }
    });
    io_result.context("writing to stdout")?;
    out.flush().context("writing to stdout")?;
    Ok(if reporter.skipped() > 0 {
        Outcome::Partial
    } else if articles == 0 {
        eprintln!("newsdex: no articles found in the paths given");
        Outcome::NotFound
    } else {
        Outcome::Found
    })
}
