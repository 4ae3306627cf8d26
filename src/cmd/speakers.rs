//! `newsdex speakers [QUERY]`: the directory of speakers.

use super::{Outcome, print, print_json, print_notes};
use crate::cli::SpeakersArgs;
use crate::present::Style;
use crate::present::speakers::{SpeakersJson, write_text};
use crate::search::{Engine, SpeakerRequest, parse_country};

pub fn run(args: &SpeakersArgs) -> anyhow::Result<Outcome> {
    let request = SpeakerRequest {
        name: args.query.clone(),
        country: args
            .country
            .as_deref()
            .map(|c| parse_country("--country", c))
            .transpose()?,
        top: args.top,
    };
    let engine = Engine::open(&args.index.dir)?;
    let list = engine.speakers(&request)?;
    print_notes(&list.notes);
    if args.json {
        print_json(&SpeakersJson::new(&list))?;
    } else {
        let style = Style::detect();
        print(|out| write_text(out, &list, style))?;
    }
    Ok(Outcome::found_if(list.total > 0))
}
