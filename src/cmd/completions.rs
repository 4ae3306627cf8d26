//! `newsdex completions SHELL`: a completion script, generated from the clap definitions.

use clap::CommandFactory;

use super::{Outcome, print};
use crate::cli::{Cli, CompletionsArgs};

pub fn run(args: &CompletionsArgs) -> anyhow::Result<Outcome> {
    let mut command = Cli::command();
    // Written to memory first: the generator panics on a write error, and a closed pipe
    // (`newsdex completions bash | head`) is no error.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "newsdex", &mut script);
    print(|out| out.write_all(&script))?;
    Ok(Outcome::Found)
}
