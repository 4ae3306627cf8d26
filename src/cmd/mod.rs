//! One module per subcommand, each with a `run` entry point: glue between the stages, no
//! extraction or schema logic of its own.

mod extract;
mod index;
mod sources;

use crate::cli::{Cli, Command};

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

/// Run the subcommand the command line names.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        Command::Extract(args) => extract::run(&args),
        Command::Index(args) => index::run(&args),
        other => anyhow::bail!("{other:?} is not available yet"),
    }
}

/// Whether an error is stdout closing under us (`newsdex ... | head`), which is not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
