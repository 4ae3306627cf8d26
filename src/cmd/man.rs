//! `newsdex man`: the manual page in roff, generated from the clap definitions.

use clap::CommandFactory;

use super::{Outcome, print};
use crate::cli::Cli;

pub fn run() -> anyhow::Result<Outcome> {
    let page = clap_mangen::Man::new(Cli::command());
    print(|out| page.render(out))?;
    Ok(Outcome::Found)
}
