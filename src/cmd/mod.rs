//! One module per subcommand, each with a `run` entry point: glue between the stages, no
//! extraction or schema logic of its own.

mod extract;
mod facets;
mod index;
mod quotes;
mod search;
mod show;
mod sources;
mod speakers;

use std::io::{BufWriter, Write};

use anyhow::Context;
use serde::Serialize;

use crate::cli::{self, Cli, Command, SortBy};
use crate::search::{DateRange, Engine, Filters, RateRange, SearchError, SortOrder, parse_country};

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

/// Several query words given as separate arguments, as one query; `None` for none.
fn joined(words: &[String]) -> Option<String> {
    let query = words.join(" ");
    (!query.trim().is_empty()).then_some(query)
}

/// Whether an error is stdout closing under us (`newsdex ... | head`), which is not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// The typed filters of the shared filter flags.
fn filters(args: &cli::Filters) -> Result<Filters, SearchError> {
    let countries = |flag, list: &[String]| {
        list.iter()
            .map(|c| parse_country(flag, c))
            .collect::<Result<Vec<_>, _>>()
    };
    Ok(Filters {
        countries: countries("--country", &args.country)?,
        speakers: args.speaker.clone(),
        people: args.person.clone(),
        orgs: args.org.clone(),
        sources: args.source.clone(),
        rates: RateRange::parse(args.tariff_min.as_deref(), args.tariff_max.as_deref())?,
        imposers: countries("--imposer", &args.imposer)?,
        targets: countries("--target", &args.target)?,
        dates: DateRange::parse(args.since.as_deref(), args.until.as_deref())?,
        kind: None,
        named_speakers: false,
    })
}

fn sort_order(sort: SortBy) -> SortOrder {
    match sort {
        SortBy::Relevance => SortOrder::Relevance,
        SortBy::Date => SortOrder::Date,
        SortBy::Tariff => SortOrder::Tariff,
    }
}

/// Tell the user how their names resolved (on stderr, so JSON stays clean).
fn print_notes(notes: &[String]) {
    for note in notes {
        eprintln!("newsdex: note: {note}");
    }
}

/// Write to stdout through a buffer; a closed pipe surfaces as an error `main` forgives.
fn print(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    write(&mut out).context("writing to stdout")?;
    out.flush().context("writing to stdout")
}

/// Print one JSON object and a newline.
fn print_json<T: Serialize>(value: &T) -> anyhow::Result<()> {
    print(|out| {
        serde_json::to_writer_pretty(&mut *out, value).map_err(std::io::Error::from)?;
        writeln!(out)
    })
}
