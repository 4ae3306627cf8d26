//! Warming an engine: the work the first requests on a commit would otherwise do, done on a
//! thread of its own as soon as the commit is open.
//!
//! An engine's caches (numbered facet values, grouped names, whole-index counts, first pages,
//! the listed speakers' roles) only ever gain whole entries behind short locks, so warming is
//! just answering the pages a visitor opens first and dropping the answers: a request that
//! arrives meanwhile either finds an entry ready or works it out itself, as it would with no
//! warm-up, and never waits for the warm-up to finish.

use std::sync::Arc;
use std::time::Instant;

use super::{Handler, pages};
use crate::search::Engine;
use crate::search::request::SpeakerParams;

/// The pages warmed, in order: the ones with the most one-time work first.
const PAGES: &[(Handler<maud::Markup>, Option<&str>)] = &[
    (pages::speakers, None),
    (pages::search, None),
    (pages::quotes, None),
    (pages::facets, Some("field=speaker")),
];

/// How many of the most quoted speakers get their own page warmed, and how many of their
/// countries get a directory warmed.
const TOP_SPEAKERS: usize = 5;

/// Warm `engine` on a new thread; `ready` is called with the time it took when done. It stops
/// early once nothing but itself holds the engine (a newer commit replaced it).
pub(super) fn spawn(engine: Arc<Engine>, ready: impl FnOnce(std::time::Duration) + Send + 'static) {
    let started = Instant::now();
    let spawned = std::thread::Builder::new()
        .name("warm".to_string())
        .spawn(move || {
            if warm(&engine) {
                ready(started.elapsed());
            }
        });
    // A thread that cannot start costs only speed: the first requests do the work.
    drop(spawned);
}

/// Answer the first pages; false when stopped early.
fn warm(engine: &Arc<Engine>) -> bool {
    let replaced = || Arc::strong_count(engine) == 1;
    for (page, query) in PAGES {
        if replaced() {
            return false;
        }
        // An error here is the same error the request will report; nothing to keep.
        let _ = page(engine, *query);
    }
    let top = SpeakerParams {
        name: None,
        country: None,
        kind: None,
        top: TOP_SPEAKERS,
    };
    let Ok(top) = top.request().and_then(|r| engine.speakers(&r)) else {
        return true;
    };
    let mut countries = Vec::new();
    for speaker in &top.speakers {
        if replaced() {
            return false;
        }
        let query = form_urlencoded::Serializer::new(String::new())
            .append_pair("name", &speaker.name)
            .finish();
        let _ = pages::speaker(engine, Some(&query));
        if let Some(country) = speaker.country
            && !countries.contains(&country)
        {
            countries.push(country);
        }
    }
    for country in countries {
        if replaced() {
            return false;
        }
        let _ = pages::speakers(engine, Some(&format!("country={}", country.as_str())));
    }
    true
}
