//! `newsdex show ID`.

use crate::util::{Env, id_ending, keys};

#[test]
fn show_prints_the_stored_article() {
    let env = Env::indexed();
    let lines = env.extracted();
    let id = id_ending(&lines, "steel-duties.txt");
    let run = env.run(&["show", &id]).code(0);
    assert!(
        run.stdout
            .starts_with("Washington doubles steel duties on Canadian mills\n")
    );
    assert!(run.stdout.contains(&format!("id: {id}")), "{}", run.stdout);
    assert!(run.stdout.contains("Our workers have waited long enough."));
    let json = env.run(&["show", &id, "--json"]).code(0).json();
    let line = lines.iter().find(|l| l["id"] == id.as_str()).unwrap();
    // Every field `extract` gives, as extract gives it, plus the file and the body.
    for key in keys(line) {
        assert_eq!(json[key], line[key], "{key}");
    }
    assert!(
        json["body"]
            .as_str()
            .unwrap()
            .ends_with("duties of its own on American goods.")
    );
}

#[test]
fn show_of_an_unknown_id_exits_1() {
    let env = Env::indexed();
    let run = env.run(&["show", "news/none.txt"]).code(1);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr.trim(),
        "newsdex: no article with id news/none.txt"
    );
}

#[test]
fn extract_gives_parts_spans_and_cue_and_show_marks_every_part() {
    let env = Env::indexed();
    let lines = env.extracted();
    let id = id_ending(&lines, "steel-duties.txt");
    let json = env.run(&["show", &id, "--json"]).code(0).json();
    let body = json["body"].as_str().unwrap();
    let quotes = json["quotes"].as_array().unwrap();
    let (n, split) = quotes
        .iter()
        .enumerate()
        .find(|(_, q)| q.get("parts").is_some())
        .expect("a quote split by its attribution");
    let parts = split["parts"].as_array().unwrap();
    assert_eq!(parts.len(), 2, "{split}");
    let mut joined = Vec::new();
    for p in parts {
        let (start, end) = (p["start"].as_u64().unwrap(), p["end"].as_u64().unwrap());
        let text = p["text"].as_str().unwrap();
        // Offsets are bytes of the body as `show` prints it.
        assert_eq!(&body[start as usize..end as usize], text);
        joined.push(text);
    }
    assert_eq!(split["text"], joined.join(" "));
    assert_eq!(split["cue"], "told");
    assert_eq!(split["negated"], false);
    let (s, e) = (
        split["speaker_start"].as_u64().unwrap() as usize,
        split["speaker_end"].as_u64().unwrap() as usize,
    );
    assert!(body[s..e].contains("Whitlock"), "{}", &body[s..e]);
    for q in quotes {
        assert!(q["cue"].is_string(), "{q}");
        let (start, end) = (q["start"].as_u64().unwrap(), q["end"].as_u64().unwrap());
        assert!(start < end && end as usize <= body.len(), "{q}");
    }

    // Piped, `show` marks each part with brackets and the quote's number.
    let text = env.run(&["show", &id]).code(0).stdout;
    for p in parts {
        let mark = format!("⟦{}⟧[{}]", p["text"].as_str().unwrap(), n + 1);
        assert!(text.contains(&mark), "{mark} not in\n{text}");
    }
    assert!(text.contains("— Dana Whitlock, told [direct]"), "{text}");
    assert!(!text.contains('\x1b'), "no colour when piped");
}
