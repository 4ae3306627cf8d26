//! `newsdex speakers [NAME]`: the directory of speakers.

use super::{Outcome, Output, output, print, print_json, print_notes};
use crate::cli::SpeakersArgs;
use crate::present::speakers::{SpeakersJson, write_text};
use crate::present::{Style, table};
use crate::search::request::SpeakerParams;
use crate::search::{Engine, SearchError, SpeakerRequest};

pub fn run(args: &SpeakersArgs) -> anyhow::Result<Outcome> {
    let request = request(args)?;
    let engine = Engine::open(&args.index.dir)?;
    let list = engine.speakers(&request)?;
    print_notes(&list.notes);
    match output(&args.output) {
        Output::Json => print_json(&SpeakersJson::new(&list))?,
        Output::Rows(separator) => print(|out| table::write_speakers(out, &list, separator))?,
        Output::Text => {
            let style = Style::detect();
            print(|out| write_text(out, &list, style))?;
        }
    }
    Ok(Outcome::found_if(list.total > 0))
}

pub(super) fn request(args: &SpeakersArgs) -> Result<SpeakerRequest, SearchError> {
    SpeakerParams::from(args).request()
}
