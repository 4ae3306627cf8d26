//! One module per subcommand, each with a `run` entry point: glue between the stages, no
//! extraction or schema logic of its own.

mod completions;
mod extract;
mod facets;
mod index;
mod man;
mod params;
mod quotes;
mod search;
mod serve;
mod show;
mod sources;
mod speakers;

use std::io::{BufWriter, Write};

use anyhow::Context;
use serde::Serialize;

use crate::cli::{Cli, Command, Format, OutputFlags};
use crate::present::table::Separator;
use crate::search::Engine;

/// How a subcommand ended, for the exit code: like grep, 0 found, 1 nothing found, 2 trouble.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The command did its job and found something.
    Found,
    /// The command ran but matched nothing.
    NotFound,
    /// The command did its job but passed over some input (reported on stderr).
    Partial,
}

impl Outcome {
    fn found_if(found: bool) -> Outcome {
        if found {
            Outcome::Found
        } else {
            Outcome::NotFound
        }
    }
}

/// Run the subcommand the command line names.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        Command::Index(args) => index::run(&args),
        Command::Search(args) => search::run(&args),
        Command::Show(args) => show::run(&args),
        Command::Extract(args) => extract::run(&args),
        Command::Quotes(args) => quotes::run(&args),
        Command::Speakers(args) => speakers::run(&args),
        Command::Facets(args) => facets::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Completions(args) => completions::run(&args),
        Command::Man => man::run(),
    }
}

/// Run a `search`, `quotes`, `facets` or `speakers` command line against an open engine,
/// printing nothing: the number of results. The benchmark's query runner uses it.
pub fn count_results(command: &Command, engine: &Engine) -> anyhow::Result<usize> {
    Ok(match command {
        Command::Search(args) => engine.search(&search::request(args)?)?.total,
        Command::Quotes(args) => engine.quotes(&quotes::request(args)?)?.total,
        Command::Facets(args) => engine
            .search(&facets::request(args)?)?
            .facets
            .first()
            .map_or(0, |f| f.distinct),
        Command::Speakers(args) => engine.speakers(&speakers::request(args)?)?.total,
        other => anyhow::bail!("not a query command: {other:?}"),
    })
}

/// Whether an error is stdout closing under us (`newsdex ... | head`), which is not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Tell the user how their names resolved (on stderr, so JSON stays clean).
fn print_notes(notes: &[String]) {
    for note in notes {
        eprintln!("newsdex: note: {note}");
    }
}

/// Say how many undated documents a date filter left out (on stderr, so rows stay clean).
fn print_undated(undated: Option<usize>, noun: &str) {
    match undated {
        Some(0) | None => {}
        Some(1) => eprintln!("newsdex: note: the date filter left out 1 undated {noun}"),
        Some(n) => eprintln!("newsdex: note: the date filter left out {n} undated {noun}s"),
    }
}

/// Write to stdout through a buffer; a closed pipe surfaces as an error `main` forgives.
fn print(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    write(&mut out).context("writing to stdout")?;
    out.flush().context("writing to stdout")
}

/// What a listing command prints: text, JSON, or rows with this separator.
enum Output {
    Text,
    Json,
    Rows(Separator),
}

fn output(flags: &OutputFlags) -> Output {
    match flags.chosen() {
        Format::Text => Output::Text,
        Format::Json => Output::Json,
        Format::Csv => Output::Rows(Separator::Comma),
        Format::Tsv => Output::Rows(Separator::Tab),
    }
}

/// Print one JSON object and a newline.
fn print_json<T: Serialize>(value: &T) -> anyhow::Result<()> {
    print(|out| {
        serde_json::to_writer_pretty(&mut *out, value).map_err(std::io::Error::from)?;
        writeln!(out)
    })
}
