//! `newsdex show ID`: one stored article with every extracted field. The id may be shortened
//! to a unique ending (`13790` for `reuters21578/reuters21578.jsonl#13790`).

use super::{Outcome, print, print_json};
use crate::cli::ShowArgs;
use crate::index::record::StoredArticle;
use crate::present::Style;
use crate::present::show::{ShowJson, write_text};
use crate::search::Engine;

/// How many ids an ambiguous ending lists.
const IDS_SHOWN: usize = 10;

pub fn run(args: &ShowArgs) -> anyhow::Result<Outcome> {
    let engine = Engine::open(&args.index.dir)?;
    let Some(stored) = find(&engine, &args.id)? else {
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

/// The article with this id, or the one article whose id ends with it; a missing or an
/// ambiguous id is explained on stderr.
fn find(engine: &Engine, id: &str) -> anyhow::Result<Option<StoredArticle>> {
    if let Some(stored) = engine.article(id)? {
        return Ok(Some(stored));
    }
    let mut found = Vec::new();
    for candidate in engine.ids_ending_with(id)? {
        if let Some(stored) = engine.article(&candidate)? {
            found.push(stored);
        }
        if found.len() > IDS_SHOWN {
            break;
        }
    }
    match found.len() {
        0 => eprintln!("newsdex: no article with id {id}"),
        1 => return Ok(found.pop()),
        n => {
            let ids: Vec<&str> = found
                .iter()
                .take(IDS_SHOWN)
                .map(|s| s.article.path.as_str())
                .collect();
            let more = if n > IDS_SHOWN { ", …" } else { "" };
            eprintln!(
                "newsdex: id {id} fits several articles; give more of it: {}{more}",
                ids.join(", ")
            );
        }
    }
    Ok(None)
}
