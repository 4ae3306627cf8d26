//! The `newsdex` binary: parse the command line, run the subcommand, map errors to exit codes.

use std::process::ExitCode;

use clap::Parser;
use newsdex::cli::Cli;
use newsdex::cmd::{self, Outcome};

/// Indexing allocates many small strings and documents on several threads at once; mimalloc
/// serves them with far less time in the allocator than the system one. Transparent huge pages
/// are off (`no_thp`): memory mimalloc returns and takes again would otherwise be zeroed 2 MB at
/// a time, which cost a tenth of an indexing run in the kernel and a third more peak memory.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cmd::run(cli) {
        Ok(Outcome::Found) => ExitCode::SUCCESS,
        Ok(Outcome::NotFound) => ExitCode::from(1),
        Ok(Outcome::Partial) => ExitCode::from(2),
        Err(err) => {
            if cmd::is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("newsdex: {err:#}");
            ExitCode::from(2)
        }
    }
}
