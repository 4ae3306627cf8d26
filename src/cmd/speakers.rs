//! `newsdex speakers [NAME]`: the directory of speakers.

use super::{Outcome, joined, print, print_json, print_notes};
use crate::cli::{SpeakerKindArg, SpeakersArgs};
use crate::present::Style;
use crate::present::speakers::{SpeakersJson, write_text};
use crate::search::{Engine, NameKind, SearchError, SpeakerRequest, parse_country};

pub fn run(args: &SpeakersArgs) -> anyhow::Result<Outcome> {
    let request = request(args)?;
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

pub(super) fn request(args: &SpeakersArgs) -> Result<SpeakerRequest, SearchError> {
    Ok(SpeakerRequest {
        name: joined(&args.query),
        country: args
            .country
            .as_deref()
            .map(|c| parse_country("--country", c))
            .transpose()?,
        kind: match (args.named, args.kind) {
            (true, _) | (_, Some(SpeakerKindArg::Person)) => Some(NameKind::Person),
            (_, Some(SpeakerKindArg::Group)) => Some(NameKind::Group),
            (_, Some(SpeakerKindArg::Org)) => Some(NameKind::Org),
            (false, None) => None,
        },
        top: args.top,
    })
}
