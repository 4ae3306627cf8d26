//! `newsdex show ID`: one stored article with every extracted field.

use super::{Outcome, print, print_json};
use crate::cli::ShowArgs;
use crate::present::Style;
use crate::present::show::{ShowJson, write_text};
use crate::search::Engine;

pub fn run(args: &ShowArgs) -> anyhow::Result<Outcome> {
    let engine = Engine::open(&args.index.dir)?;
    let Some(stored) = engine.article(&args.id)? else {
        eprintln!("newsdex: no article with id {}", args.id);
        return Ok(Outcome::NotFound);
    };
    if args.json {
        print_json(&ShowJson::new(&stored))?;
    } else {
        let style = Style::detect();
        print(|out| write_text(out, &stored, style))?;
    }
    Ok(Outcome::Found)
}
