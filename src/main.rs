//! The `newsdex` binary: parse the command line, run the subcommand, map errors to exit codes.

use std::process::ExitCode;

use clap::Parser;
use newsdex::cli::Cli;
use newsdex::cmd::{self, Outcome};

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
